"""A unit stopped, restarted, then its stop amended: to a reaction after which no unit is
restarted (rigors), or to the doctor not told, the restart stood on a stop it could not follow;
and a unit restarted whose two parts each ended with a reaction told to no one was listed twice
on the census's list of those who left the ward."""

import pytest

from downtime.services import chart_alerts, records, transfusion
from downtime.services.errors import ValidationFailed
from tests.test_transfusion_restart import MILD, _restart, _stopped


@pytest.mark.parametrize(("change", "field", "said"), [
    ({"signs": ["fever", "rigors"]}, "signs", "“Signs of the reaction”"),
    ({"doctor_told": False}, "doctor_told", "“Doctor told”"),
    ({"outcome": "completed", "reaction": False}, "outcome", "“Outcome”"),
])
def test_a_stop_amended_after_its_restart_to_one_that_forbids_a_restart_is_refused(session_for, patient, change,
                                                                                    field, said):
    nurse = session_for("nurse")
    _, stop = _stopped(nurse, patient)
    records.save_new(nurse, "blood_transfusion", _restart(), patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, stop.record_id, {**stop.data, **change}, "reaction misread")
    assert [error.path for error in refused.value.errors] == [field]
    assert str(refused.value) == (
        f"{said}: unit G0001 26 123456 was restarted at 28/11/2026 13:50, after this stop: a unit that ended so is "
        "not restarted. If the patient had this reaction, stop the unit now if it runs, tell the doctor and the "
        "blood bank, and record the reaction on the end of its restart.")
    records.amend(nurse, stop.record_id, {**stop.data, "blood_bank_told": True}, "reported")  # what may be corrected


def test_a_stop_not_restarted_is_amended_to_rigors(session_for, patient):
    nurse = session_for("nurse")
    _, stop = _stopped(nurse, patient)
    amended = records.amend(nurse, stop.record_id, {**stop.data, "signs": ["fever", "rigors"]}, "reaction misread")
    assert amended.data["signs"] == ["fever", "rigors"]


def test_a_restarted_unit_with_both_reactions_untold_is_listed_once_when_the_patient_left(session_for, patient):
    nurse = session_for("nurse")
    first, _ = _stopped(nurse, patient)
    restart = records.save_new(nurse, "blood_transfusion", _restart(), patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": restart.record_id, "ended_at": "2026-11-28T13:55+01:00",
                                                **MILD, "signs": ["rash"]}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:58+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    reactions = transfusion.reactions_untold(nurse.db)
    [unit] = reactions[patient]
    assert [start.record_id for start, _ in unit.parts] == [first.record_id, restart.record_id]
    [left] = chart_alerts.left_untold(nurse.db, nurse.forms, [], "3B", "en", reactions, at=nurse.clock())
    assert left.latest.startswith("Red cells G0001 26 123456 (O RhD negative) interrupted 28/11 13:20: Stopped: a "
                                  "reaction, 40 mL (Temperature 38 °C or more, or up 1 °C), restarted 28/11 13:50; "
                                  "ended 28/11 13:55: Stopped: a reaction, 40 mL (Rash, itching or hives)")


def test_a_stop_a_restart_could_not_follow_recorded_before_the_rule_is_corrected_without_it(session_for, patient,
                                                                                           monkeypatch):
    nurse = session_for("nurse")
    first, stop = _stopped(nurse, patient, signs=["fever", "rigors"])
    with monkeypatch.context() as older_app:  # restarted before the restart's own rule
        older_app.setattr(transfusion, "_check_restart", lambda *args: None)
        restart = records.save_new(nurse, "blood_transfusion", _restart(), patient_id=patient)
    assert [start.record_id for start, _ in transfusion.chart(nurse.db, patient)[0].parts] == [first.record_id,
                                                                                              restart.record_id]
    records.amend(nurse, stop.record_id, {**stop.data, "blood_bank_told": True}, "reported")

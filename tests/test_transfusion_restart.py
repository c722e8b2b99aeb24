"""A unit stopped and restarted, and group O platelets, from a review of the transfusion pathway:
a unit stopped for another reason, or for a temperature or a rash alone the doctor was told of,
restarted for the same patient is one unit (one line, counted once on its prescription, its 4
hours out of the fridge counted from its first start); a unit given in full, stopped for another
reaction, or another patient's is not restarted. Group O platelets for a patient not group O or
not grouped yet ask whether they are labelled high-titre negative; no other platelets, nor a
component "other", are refused for their ABO group."""

import uuid
from datetime import datetime

import pytest

from downtime.services import records, transfusion
from downtime.services.errors import ValidationFailed
from tests.test_transfusion import END, ORDER, UNIT, _obs, told_by
from tests.test_transfusion_bedside_rules import _paths, _refused, _unit

MILD = {"outcome": "stopped_reaction", "volume": 40, "signs": ["fever"], "doctor_told": True,
        **told_by("2026-11-28T13:55+01:00"), "blood_bank_told": False,
        "notes": "Paracetamol; the doctor saw the patient, to restart slower"}


def _stopped(nurse, patient, at: str = "2026-11-28T13:00+01:00", stop: str = "2026-11-28T13:20+01:00", **end):
    """A unit started at `at`, stopped at `stop` for a mild reaction (`end` changing its end)."""
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": at}, patient_id=patient)
    ended = records.save_new(nurse, "transfusion_end", {"unit": first.record_id, "ended_at": stop, **MILD, **end},
                             patient_id=patient)
    return first, ended


def _restart(**change) -> dict:
    return {**UNIT, "restart": True, "started_at": "2026-11-28T13:50+01:00", **change}


def test_a_unit_stopped_for_a_mild_reaction_is_restarted_as_one_unit_counted_once(session_for, patient, clock):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "blood_order", {**ORDER, "units": 1, "requirements": []},
                             patient_id=patient)
    _obs(nurse, patient, "2026-11-28T12:50+01:00")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id,
                                                          "collected_at": "2026-11-28T12:40+01:00",
                                                          "started_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    stop = records.save_new(nurse, "transfusion_end", {"unit": first.record_id, "ended_at": "2026-11-28T13:20+01:00",
                                                       **MILD}, patient_id=patient)
    _obs(nurse, patient, "2026-11-28T13:45+01:00")
    # The prescription's one unit is started: its restart is that unit, not a second.
    restart = records.save_new(nurse, "blood_transfusion", _restart(order=order.record_id), patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert (unit.record, unit.earlier, unit.end) == (restart, ((first, stop),), None)
    assert unit.started_at == datetime.fromisoformat("2026-11-28T13:00+01:00")  # the tab's "Started", the handover's day
    assert unit.unit.over_at == datetime.fromisoformat("2026-11-28T16:40+01:00")  # out of the fridge at 12:40
    assert unit.records == [first, stop, restart]
    end_spec = nurse.form("transfusion_end")
    assert unit.state(end_spec, "en") == (
        "interrupted 28/11 13:20: Stopped: a reaction, 40 mL (Temperature 38 °C or more, or up 1 °C), restarted "
        "28/11 13:50; running since 28/11 13:50")
    assert unit.state(end_spec, "fr").startswith("interrompu le 28/11 13:20 : Arrêté : réaction, 40 mL")
    # The blood bank not told yet of the first part's reaction: the unit asks it still, once.
    said = ("TRANSFUSION: Red cells G0001 26 123456 (O RhD negative) " + unit.state(end_spec, "en")
            + "; REACTION: report it to the blood bank")
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: said}
    [prescribed] = transfusion.prescriptions(nurse.db, patient)
    assert (prescribed.started, prescribed.left) == (1, 0)
    clock.advance(hours=2)
    records.amend(nurse, stop.record_id, {**stop.data, "blood_bank_told": True}, "reported")
    records.save_new(nurse, "transfusion_end", {**END, "unit": restart.record_id, "ended_at": "2026-11-28T15:30+01:00",
                                                "volume": 240}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.state(end_spec, "en").endswith("restarted 28/11 13:50; ended 28/11 15:30: Given in full, 240 mL")
    assert (unit.unit.reaction, unit.unit.unreported) == (True, False)  # the first part's, told


def test_a_restart_keeps_the_4_hours_from_the_first_start(session_for, patient, clock):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T10:00+01:00"},
                             patient_id=patient)  # typed afterwards, from paper; its time out of the fridge unknown
    records.save_new(nurse, "transfusion_end", {**END, "unit": first.record_id, "ended_at": "2026-11-28T10:30+01:00",
                                                "outcome": "stopped_other", "volume": 60,
                                                "notes": "Cannula tissued, resited"}, patient_id=patient)
    refused = _refused(nurse, _restart(started_at="2026-11-28T14:00+01:00"), patient)  # hung now, at 14:00
    assert _paths(refused) == ["started_at"]
    assert str(refused) == (
        "“Started at”: unit G0001 26 123456 left the fridge, or was first started, on 28/11/2026 10:00: 4 hours or "
        "more before this restart. A unit is finished within 4 hours of leaving the fridge, restarted or not; do not "
        "restart it: return it to the blood bank.")
    records.save_new(nurse, "blood_transfusion", _restart(started_at="2026-11-28T13:55+01:00"), patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.unit.over_at == datetime.fromisoformat("2026-11-28T14:00+01:00")  # not 17:55
    assert unit.asks(nurse.clock(), "en")[0].startswith("STILL RUNNING 4 HOURS OUT OF THE FRIDGE (since 28/11 14:00)")


@pytest.mark.parametrize(("end", "said"), [
    ({**END, "ended_at": "2026-11-28T13:20+01:00"}, "ended on 28/11/2026 13:20: Given in full, 280 mL. A unit is "
                                                     "restarted only once stopped for another reason"),
    ({**MILD, "signs": ["fever", "rigors"]}, "Stopped: a reaction, 40 mL (Temperature 38 °C or more, or up 1 °C, "
                                              "Chills or rigors). A unit is restarted only"),
    ({**MILD, "doctor_told": False}, "or for a temperature or a rash alone the doctor was told of; do not restart it"),
    ({**MILD, "outcome": "stopped_other", "reaction": True, "signs": ["breathless"]}, "Breathless, wheeze or low SpO2"),
])
def test_a_unit_given_in_full_or_stopped_for_a_reaction_that_may_be_serious_is_not_restarted(
        session_for, patient, end, said):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T13:00+01:00"},
                             patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**end, "unit": first.record_id, "ended_at": "2026-11-28T13:20+01:00"},
                     patient_id=patient)
    refused = _refused(nurse, _restart(), patient)
    assert _paths(refused) == ["restart"] and said in str(refused)
    # Not answered a restart, the same number is refused as before, with nothing said of a restart.
    assert "was started already" in str(_refused(nurse, {**UNIT, "started_at": "2026-11-28T13:50+01:00"}, patient))


def test_a_restart_is_the_same_unit_of_the_same_patient_after_its_stop(session_for, patient, admission_values):
    nurse = session_for("nurse")
    assert _paths(_refused(nurse, _restart(), patient)) == ["restart"]  # no start before it
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T13:00+01:00"},
                             patient_id=patient)
    refused = _refused(nurse, _restart(), patient)
    assert _paths(refused) == ["restart"] and "is recorded as running since 28/11/2026 13:00: record its stop first" \
        in str(refused)
    stop = records.save_new(nurse, "transfusion_end", {"unit": first.record_id, "ended_at": "2026-11-28T13:20+01:00",
                                                       **MILD}, patient_id=patient)
    refused = _refused(nurse, {**UNIT, "started_at": "2026-11-28T13:50+01:00"}, patient)  # not answered a restart
    assert _paths(refused) == ["unit_number"] and str(refused) == (
        "“Donation (unit) number”: unit G0001 26 123456 was started for this patient on 28/11/2026 13:00 and stopped "
        "on 28/11/2026 13:20: to restart it, answer “Restart of this unit, stopped earlier for this patient” Yes.")
    assert _paths(_refused(nurse, _restart(started_at="2026-11-28T13:10+01:00"), patient)) == ["started_at"]
    assert _paths(_refused(nurse, _restart(unit_group="o_pos", rhd_agreed=True), patient)) == ["unit_group"]
    order = records.save_new(session_for("doctor"), "blood_order", {**ORDER, "requirements": []}, patient_id=patient)
    refused = _refused(nurse, _restart(order=order.record_id), patient)  # first started on a paper prescription
    assert _paths(refused) == ["order"] and "answered otherwise when unit G0001 26 123456 was first started" in str(
        refused)
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "3", "birth_name": "AUTRE", "nir": None,
                                                  "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    refused = _refused(nurse, _restart(patient_group="o_neg"), other)  # a unit at the wrong bedside
    assert _paths(refused) == ["unit_number"] and "was started already, for MARTIN" in str(refused)
    restart = records.save_new(nurse, "blood_transfusion", _restart(), patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:  # its stop moved after its restart
        records.amend(nurse, stop.record_id, {**stop.data, "ended_at": "2026-11-28T13:55+01:00"}, "time misread")
    assert _paths(refused.value) == ["ended_at"] and "restarted at 28/11/2026 13:50, before this" in str(refused.value)
    refused = _refused(nurse, _restart(started_at="2026-11-28T13:58+01:00"), patient)  # restarted, running again
    assert _paths(refused) == ["restart"] and "running since 28/11/2026 13:50" in str(refused)
    records.save_new(nurse, "transfusion_end", {"unit": restart.record_id, "ended_at": "2026-11-28T13:55+01:00",
                                                **MILD, "signs": ["rash"]}, patient_id=patient)
    records.save_new(nurse, "blood_transfusion", _restart(started_at="2026-11-28T13:58+01:00"), patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)  # stopped twice, one unit still
    assert len(unit.earlier) == 2 and unit.interruptions(nurse.form("transfusion_end"), "en")[1] == (
        "interrupted 28/11 13:55: Stopped: a reaction, 40 mL (Rash, itching or hives), restarted 28/11 13:58")


def test_group_o_platelets_for_a_patient_not_group_o_ask_whether_they_are_high_titre_negative(session_for, patient):
    nurse = session_for("nurse")
    platelets = {"component": "platelets", "abo_card": "not_used"}
    for number, patient_group in enumerate(("a_neg", "not_known"), start=1):
        values = _unit(number, **platelets, unit_group="o_neg", patient_group=patient_group)
        assert _paths(_refused(nurse, values, patient)) == ["group_o_agreed"]  # asked, and required
        refused = _refused(nurse, {**values, "group_o_agreed": False}, patient)
        assert "unless the label says high-titre negative or the blood bank issued them so" in str(refused)
        records.save_new(nurse, "blood_transfusion", {**values, "group_o_agreed": True}, patient_id=patient)
    # Platelets of another group are given across ABO groups, and not asked; nor group O for group O.
    records.save_new(nurse, "blood_transfusion", _unit(3, **platelets, unit_group="b_neg", patient_group="not_known"),
                     patient_id=patient)
    records.save_new(nurse, "blood_transfusion", _unit(4, **platelets, unit_group="ab_neg"), patient_id=patient)
    assert "group_o_agreed" not in records.checked_values(nurse, "blood_transfusion", _unit(
        5, **platelets, unit_group="o_neg", patient_group="o_pos", group_o_agreed=True))
    assert len(transfusion.chart(nurse.db, patient)) == 4


def test_a_component_other_has_no_abo_rule_and_the_form_says_so(session_for, patient):
    nurse = session_for("nurse")
    for number, group in enumerate(("a_pos", "b_neg"), start=1):
        records.save_new(nurse, "blood_transfusion", _unit(number, component="other", unit_group=group,
                                                           patient_group="not_known", abo_card="not_used"),
                         patient_id=patient)
    help_text = nurse.form("blood_transfusion").field("component").help
    assert "the app checks no ABO rule for it" in help_text.get("en") and "aucune règle ABO" in help_text.get("fr")


def test_group_o_platelets_recorded_before_the_question_are_corrected_without_it(session_for, patient):
    nurse = session_for("nurse")
    old = _unit(1, component="platelets", unit_group="o_neg", abo_card="not_used")  # the patient A RhD negative
    given = records.save_imported(session_for("records"), "blood_transfusion", old, patient, str(uuid.uuid4()))
    records.amend(nurse, given.record_id, {**old, "second_checker": "Anne Petit"}, "second checker misread")
    with pytest.raises(ValidationFailed) as refused:  # its group corrected: asked then
        records.amend(nurse, given.record_id, {**old, "unit_group": "o_pos", "rhd_agreed": True}, "group misread")
    assert _paths(refused.value) == ["group_o_agreed"]

"""Observations scored with NEWS2 from what was recorded: per set, over time, and the ward's
list of patients who need escalating."""

from datetime import datetime

import pytest

from downtime.domain.news2 import Band
from downtime.services import census, observations, records, wards
from downtime.services.census import patient_with_location
from downtime.services.errors import ValidationFailed

# The RCP worked example: RR 22 (2), SpO2 95 on air scale 1 (1), BP 105 (1), pulse 115 (2),
# alert (0), temperature 38.3 (1): total 7, high.
HIGH = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
        "temperature": 38.3}
CALM = {**HIGH, "taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 16, "spo2": 97, "systolic_bp": 125,
        "pulse": 72, "temperature": 36.8}


@pytest.fixture
def ward(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    arrived = {**admission_values, "arrival_at": "2026-11-27T09:00+01:00"}  # before every set taken here
    first = records.save_new(nurse, "admission", arrived).patient_id
    second = records.save_new(nurse, "admission", {**arrived, "nir": None, "birth_name": "Durand",
                                                   "used_name": None, "bed": "13"}).patient_id
    return nurse, first, second


def test_each_set_is_scored_and_the_chart_runs_in_time_order(ward):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", HIGH, patient_id=patient)
    records.save_new(nurse, "observations", CALM, patient_id=patient)
    chart = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    assert [(s.news2.total, s.news2.band) for s in chart] == [(0, Band.LOW), (7, Band.HIGH)]
    assert observations.band_text(chart[-1].news2, "en") == "NEWS2 7 — HIGH"


def test_an_amended_set_is_rescored_and_a_withdrawn_one_leaves_the_chart(ward):
    nurse, patient, _ = ward
    saved = records.save_new(nurse, "observations", HIGH, patient_id=patient)
    records.amend(nurse, saved.record_id, {**HIGH, "respiratory_rate": 18}, "rate misread")
    assert observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))[0].news2.total == 5
    records.mark_entered_in_error(nurse, saved.record_id, "wrong patient")
    assert observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient)) == []


def test_a_missing_parameter_is_named_not_scored_as_normal(ward):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", {**CALM, "temperature": None}, patient_id=patient)
    (found,) = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    assert not found.news2.complete
    assert observations.band_text(found.news2, "en") == "NEWS2 0 — Low (incomplete: temperature not taken)"


@pytest.mark.parametrize("form, readings", [
    ("observations", HIGH),
    ("sepsis_screening", {"screened_at": "2026-11-28T12:10+01:00", "infection": "likely", "source": "chest", **HIGH}),
])
def test_on_oxygen_at_no_flow_is_refused(ward, form, readings):
    """The oxygen stopped, the box left ticked and 0 L/min typed: the set saved, scored 2 for
    oxygen, and the screen said "O2 0 L/min" where the paper chart said "O2"."""
    nurse, patient, _ = ward
    with pytest.raises(ValidationFailed, match="Oxygen flow"):
        records.save_new(nurse, form, {**readings, "on_oxygen": True, "oxygen_flow": 0.0}, patient_id=patient)
    records.save_new(nurse, form, {**readings, "on_oxygen": True, "oxygen_flow": 0.5}, patient_id=patient)


def test_impossible_readings_are_refused_by_the_form(ward):
    nurse, patient, _ = ward
    with pytest.raises(ValidationFailed, match="Respiration rate"):
        records.save_new(nurse, "observations", {**HIGH, "respiratory_rate": 220}, patient_id=patient)


def test_scale_2_needs_the_clinician_who_prescribed_it_and_when(ward, session_for):
    """Scale 2 scores low saturations lower: on the RCP chart it is prescribed and signed for,
    never chosen set by set."""
    nurse, patient, _ = ward
    doctor = session_for("doctor")
    scale_2 = {**HIGH, "spo2": 88, "spo2_scale": "scale_2"}
    with pytest.raises(ValidationFailed, match="Scale 2 prescribed by"):
        records.save_new(doctor, "observations", scale_2, patient_id=patient)
    with pytest.raises(ValidationFailed, match="Scale 2 prescribed on"):
        records.save_new(doctor, "observations", {**scale_2, "scale_2_prescribed_by": "Dr Benali"}, patient_id=patient)
    records.save_new(doctor, "observations", {**scale_2, "scale_2_prescribed_by": "Dr Benali",
                                             "scale_2_prescribed_at": "2026-11-27T10:00+01:00"}, patient_id=patient)
    assert observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))[0].news2.parameters.spo2 == 0


@pytest.mark.parametrize("lang, words", [
    ("en", "“Scale 2 prescribed on” cannot be after “Date and time taken”."),
    ("fr", "« Échelle 2 prescrite le » ne peut pas être après « Date et heure de la prise »."),
])
def test_scale_2_prescribed_after_the_set_is_refused(session_for, ward, lang, words):
    """A set scored on scale 2 before anyone prescribed it was scored on the wrong key."""
    _, patient, _ = ward
    late = {**HIGH, "spo2": 88, "spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali",
            "scale_2_prescribed_at": "2026-11-28T12:05+01:00"}
    with pytest.raises(ValidationFailed, match=words):
        records.save_new(session_for("nurse", lang), "observations", late, patient_id=patient)


def test_the_escalation_list_holds_latest_scores_above_low_highest_first(ward, forms):
    nurse, first, second = ward
    records.save_new(nurse, "observations", HIGH, patient_id=first)
    records.save_new(nurse, "observations", {**CALM, "consciousness": "voice"}, patient_id=second)
    assert [(e.patient.patient_id, e.latest.news2.band) for e in observations.escalations(nurse.db, forms, "3B")] == [
        (second, Band.LOW_MEDIUM), (first, Band.HIGH)][::-1]
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=first)
    assert [e.patient.patient_id for e in observations.escalations(nurse.db, forms, "3B")] == [second]


# Only the temperature re-checked: an incomplete set whose total (0) says nothing about the rest.
RECHECK = {"taken_at": "2026-11-28T12:30+01:00", "spo2_scale": "scale_1", "on_oxygen": False, "temperature": 37.9}


def _listed(nurse, forms):
    return [(e.patient.patient_id, e.judged.taken_at.strftime("%H:%M"), e.judged.news2.total, e.latest.news2.complete)
            for e in observations.escalations(nurse.db, forms, "3B")]


def test_an_incomplete_recheck_does_not_take_a_high_patient_off_the_list(ward, forms):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", HIGH, patient_id=patient)
    records.save_new(nurse, "observations", RECHECK, patient_id=patient)
    assert _listed(nurse, forms) == [(patient, "12:00", 7, False)]
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert _listed(nurse, forms) == []


def test_an_incomplete_set_stands_where_it_already_ranks_higher(ward, forms):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", CALM, patient_id=patient)
    records.save_new(nurse, "observations", {**RECHECK, "respiratory_rate": 25, "pulse": 135}, patient_id=patient)
    assert _listed(nurse, forms) == [(patient, "12:30", 6, False)]


def test_an_incomplete_set_ranking_equal_leaves_the_complete_one_standing(ward):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", {**CALM, "temperature": 38.5}, patient_id=patient)   # 1, low
    records.save_new(nurse, "observations", RECHECK | {"temperature": 38.5}, patient_id=patient)  # 1, low
    chart = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    assert observations.judged(chart) is chart[0]


def test_a_patient_with_only_incomplete_sets_is_listed_not_taken_as_low(ward, forms):
    nurse, patient, other = ward
    records.save_new(nurse, "observations", RECHECK, patient_id=patient)
    records.save_new(nurse, "observations", CALM, patient_id=other)
    assert _listed(nurse, forms) == [(patient, "12:30", 0, False)]


def test_the_incomplete_notice_names_the_set_the_risk_is_judged_by(ward):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", RECHECK, patient_id=patient)
    assert observations.incomplete_notice(observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient)), "en").startswith(
        "Incomplete set and no complete set recorded")
    records.save_new(nurse, "observations", {**HIGH, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert observations.incomplete_notice(observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient)), "en") == ""
    records.save_new(nurse, "observations", {**RECHECK, "taken_at": "2026-11-28T13:30+01:00"}, patient_id=patient)
    assert "the last complete set (NEWS2 7 — HIGH at 28/11 13:00)" in observations.incomplete_notice(
        observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient)), "en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_rows_not_taken_are_named_as_on_the_chart_not_by_field_id(ward, lang):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", RECHECK, patient_id=patient)
    (found,) = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    text = observations.band_text(found.news2, lang)
    assert "_" not in text, text
    assert observations.band_text(found.news2, "en").endswith(
        "(incomplete: respiration rate, SpO2, systolic blood pressure, pulse, consciousness not taken)")


# RR 30 (3), SpO2 90 (3), BP 88 (3), pulse 115 (2), alert, on air, temperature not taken: 11 of a HIGH score.
HIGH_WITHOUT_TEMPERATURE = {**HIGH, "respiratory_rate": 30, "spo2": 90, "systolic_bp": 88, "temperature": None}


def test_a_temperature_recheck_does_not_take_off_the_list_a_high_set_that_lacked_a_row(ward, forms):
    """Calm at 08:00; at 12:00 a set scoring 11 with the temperature not taken; at 12:30 the
    temperature alone. The recheck was weighed against the calm 08:00 set only: the patient left
    the escalation list, their NEWS2 11 forgotten by a thermometer."""
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", CALM, patient_id=patient)
    records.save_new(nurse, "observations", HIGH_WITHOUT_TEMPERATURE, patient_id=patient)
    records.save_new(nurse, "observations", RECHECK, patient_id=patient)
    assert _listed(nurse, forms) == [(patient, "12:00", 11, False)]
    chart = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    assert observations.incomplete_notice(chart, "en") == (
        "Incomplete set: until a complete set is taken, the risk is judged by an earlier incomplete set that "
        "scored higher (NEWS2 11 — HIGH (incomplete: temperature not taken) at 28/11 12:00).")
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert _listed(nurse, forms) == []


def test_with_no_complete_set_the_highest_incomplete_one_stands(ward, forms):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", HIGH_WITHOUT_TEMPERATURE, patient_id=patient)
    records.save_new(nurse, "observations", RECHECK, patient_id=patient)
    assert _listed(nurse, forms) == [(patient, "12:00", 11, False)]


def test_an_observation_set_is_refused_for_a_patient_not_admitted_at_its_time(session_for, admission_values, clock):
    """A discharged namesake chosen from the search took the set: it reached no ward list and no
    escalation list. A set taken before the discharge, typed after it, is still recorded."""
    from datetime import timedelta

    import pytest

    from downtime.services import records, wards
    from downtime.services.errors import ServiceError

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {
        **admission_values, "arrival_at": (clock.now - timedelta(hours=6)).isoformat(timespec="minutes")}).patient_id
    records.save_new(nurse, "discharge", {
        "discharged_at": (clock.now - timedelta(hours=1)).isoformat(timespec="minutes"), "destination": "home",
        "letter_given": True, "medicines_given": True}, patient_id=patient)
    values = {key: value for key, value in CALM.items() if key != "taken_at"}
    with pytest.raises(ServiceError, match="Date and time taken: this patient is not in hospital at that time"):
        records.save_new(nurse, "observations", {**values, "taken_at": clock.now.isoformat(timespec="minutes")},
                         patient_id=patient)
    before = records.save_new(nurse, "observations", {
        **values, "taken_at": (clock.now - timedelta(hours=2)).isoformat(timespec="minutes")}, patient_id=patient)
    with pytest.raises(ServiceError, match="Date and time taken: this patient is not in hospital at that time"):
        records.amend(nurse, before.record_id, {**before.data, "taken_at": clock.now.isoformat(timespec="minutes")},
                      "time typed wrong")
    records.mark_entered_in_error(nurse, before.record_id, "wrong patient")


def test_a_movement_that_would_leave_a_set_outside_the_stay_is_refused_naming_it(session_for, admission_values, clock):
    """A set may be typed only while the patient is in (checked when it is saved); a discharge
    then moved before it, or an arrival after it, left the set outside any stay, off the chart's
    meaning and off the escalation list, with nothing said."""
    from datetime import timedelta

    import pytest

    from downtime.services import records, wards
    from downtime.services.errors import ServiceError

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    at = lambda hours: (clock.now - timedelta(hours=hours)).isoformat(timespec="minutes")  # noqa: E731
    admission = records.save_new(nurse, "admission", {**admission_values, "arrival_at": at(6)})
    records.save_new(nurse, "observations", {**CALM, "taken_at": at(3)}, patient_id=admission.patient_id)
    discharge = records.save_new(nurse, "discharge", {"discharged_at": at(1), "destination": "home",
                                                      "letter_given": True, "medicines_given": True},
                                 patient_id=admission.patient_id)
    with pytest.raises(ServiceError, match=r"Observations \(NEWS2\) of .* would then fall outside the patient's stay"):
        records.amend(nurse, discharge.record_id, {**discharge.data, "discharged_at": at(4)}, "time typed wrong")
    with pytest.raises(ServiceError, match=r"Observations \(NEWS2\) of .* would then fall outside the patient's stay"):
        records.amend(nurse, admission.record_id, {**admission.data, "arrival_at": at(2)}, "arrival typed wrong")
    records.amend(nurse, discharge.record_id, {**discharge.data, "discharged_at": at(2)}, "still after the set")


def _overdue(nurse, forms, at):
    from datetime import datetime

    return [(item.patient.patient_id, item.monitoring, f"{item.due_at:%d/%m %H:%M}")
            for item in observations.review(nurse.db, forms, "3B", at=datetime.fromisoformat(at)).overdue]


def test_a_set_is_overdue_once_the_frequency_its_score_asks_for_has_passed(ward, forms):
    """0 on a complete set: 12-hourly; 1–4: 4-hourly (the stricter end of 4–6); a 3 in one row,
    5 or more: hourly, HIGH's continuous monitoring charted at least hourly. A patient with no
    set at all was due one on admission."""
    from downtime.domain.news2 import Monitoring

    nurse, calm, feverish = ward
    records.save_new(nurse, "observations", CALM, patient_id=calm)                                   # 08:00, 0
    records.save_new(nurse, "observations", {**CALM, "temperature": 38.5}, patient_id=feverish)   # 08:00, 1
    assert _overdue(nurse, forms, "2026-11-28T11:59+01:00") == []
    assert _overdue(nurse, forms, "2026-11-28T12:00+01:00") == [(feverish, Monitoring.FOUR_TO_SIX_HOURLY, "28/11 12:00")]
    assert _overdue(nurse, forms, "2026-11-28T20:00+01:00") == [
        (feverish, Monitoring.FOUR_TO_SIX_HOURLY, "28/11 12:00"), (calm, Monitoring.TWELVE_HOURLY, "28/11 20:00")]
    records.save_new(nurse, "observations", HIGH, patient_id=calm)                                    # 12:00, 7
    assert _overdue(nurse, forms, "2026-11-28T12:59+01:00") == [(feverish, Monitoring.FOUR_TO_SIX_HOURLY, "28/11 12:00")]
    assert (calm, Monitoring.CONTINUOUS, "28/11 13:00") in _overdue(nurse, forms, "2026-11-28T13:00+01:00")


def test_an_incomplete_recheck_does_not_reset_the_clock_and_no_set_at_all_is_overdue(ward, forms):
    nurse, patient, unseen = ward
    records.save_new(nurse, "observations", CALM, patient_id=patient)      # 08:00, complete, 0
    records.save_new(nurse, "observations", {**RECHECK, "temperature": 38.5}, patient_id=patient)  # 12:30, 1
    found = _overdue(nurse, forms, "2026-11-28T13:00+01:00")
    assert found[0] == (unseen, None, "27/11 09:00")
    assert found[1][0] == patient and found[1][2] == "28/11 12:00"   # 4-hourly, from 08:00: a recheck is no set


def _readmit(nurse, patient, discharged, arrived):
    """Discharged home at `discharged` on 28/11, back on the ward at `arrived` the same day."""
    records.save_new(nurse, "discharge", {"discharged_at": f"2026-11-28T{discharged}+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    admission = records.list_current(nurse.db, form_id="admission", patient_id=patient)[0]
    records.save_new(nurse, "admission", {**admission.data, "arrival_at": f"2026-11-28T{arrived}+01:00"},
                     patient_id=patient)


def test_a_readmitted_patient_with_no_set_since_arriving_is_overdue_from_the_new_admission(ward, forms):
    """The last stay's sets say nothing of this one: readmitted at 12:00 after a calm 08:00 set
    in the stay before, the patient was not listed as overdue until 20:00 (12-hourly from the
    last stay's set), with no set taken since arriving back."""
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", CALM, patient_id=patient)                              # 08:00, 0
    _readmit(nurse, patient, "10:00", "12:00")
    overdue = observations.review(nurse.db, forms, "3B", at=datetime.fromisoformat("2026-11-28T13:00+01:00")).overdue
    (back,) = [item for item in overdue if item.patient.patient_id == patient]
    assert back.last is None and back.monitoring is None and f"{back.due_at:%d/%m %H:%M}" == "28/11 12:00"


def test_a_readmitted_patient_is_escalated_by_this_stays_sets_not_the_stay_befores(ward, forms):
    """Discharged after a set scoring 7, readmitted days later with none taken yet: the
    escalation list held them as HIGH for the score of the stay before (and a calm set of then
    would have kept an unwell patient off it). Until a set is taken they are on the overdue list."""
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", HIGH, patient_id=patient)                              # 12:00, 7
    _readmit(nurse, patient, "13:00", "13:30")
    found = observations.review(nurse.db, forms, "3B", at=datetime.fromisoformat("2026-11-28T14:00+01:00"))
    assert patient not in [item.patient.patient_id for item in found.escalations]
    assert patient in [item.patient.patient_id for item in found.overdue]
    records.save_new(nurse, "observations", {**HIGH, "taken_at": "2026-11-28T13:45+01:00"}, patient_id=patient)
    found = observations.review(nurse.db, forms, "3B", at=datetime.fromisoformat("2026-11-28T14:00+01:00"))
    assert [item.judged.taken_at.strftime("%H:%M") for item in found.escalations
            if item.patient.patient_id == patient] == ["13:45"]

def test_a_set_due_after_the_clocks_go_back_is_due_at_the_time_the_ward_clock_then_reads(session_for, admission_values,
                                                                                      forms, clock):
    """A 4-hourly set taken at 00:30 (summer time) the night the clocks go back at 03:00 is due
    at 03:30 by the ward's clock (04:30 summer time): the list said 04:30, an hour late."""
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    clock.now = datetime(2026, 10, 25, 4, 0, tzinfo=paris)
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-10-24T09:00+02:00"}).patient_id
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-10-25T00:30+02:00", "temperature": 38.5},
                     patient_id=patient)                                           # NEWS2 1: 4-hourly
    (item,) = observations.review(nurse.db, forms, "3B", at=clock.now).overdue
    assert item.due_at == datetime.fromisoformat("2026-10-25T03:30+01:00") and f"{item.due_at:%H:%M}" == "03:30"


def test_the_sets_due_in_the_hour_the_clocks_repeat_are_overdue_and_in_order_by_real_time(session_for, admission_values,
                                                                                         forms, clock):
    """Two 4-hourly sets the night the clocks go back: one due at 02:30 summer time, the other at
    02:10 winter time, 40 minutes later. At 02:20 winter time both are overdue, the first the
    longer: compared on the wall clock, "02:30" was still to come, and the list said only the
    second; and at 02:05 summer time, the next one due read as the later."""
    from zoneinfo import ZoneInfo

    clock.now = datetime(2026, 10, 25, 2, 20, fold=1, tzinfo=ZoneInfo("Europe/Paris"))
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    arrived = {**admission_values, "arrival_at": "2026-10-24T09:00+02:00"}
    first = records.save_new(nurse, "admission", arrived).patient_id
    second = records.save_new(nurse, "admission", {**arrived, "nir": None, "birth_name": "Durand", "used_name": None,
                                                   "bed": "13"}).patient_id
    for patient, taken in ((first, "2026-10-24T22:30+02:00"), (second, "2026-10-24T23:10+02:00")):
        records.save_new(nurse, "observations", {**CALM, "taken_at": taken, "temperature": 38.5},
                         patient_id=patient)                                       # NEWS2 1: 4-hourly
    assert [(item.patient.patient_id, item.due_at.isoformat()) for item in observations.review(
        nurse.db, forms, "3B", at=clock.now).overdue] == [
        (first, "2026-10-25T02:30:00+02:00"), (second, "2026-10-25T02:10:00+01:00")]
    earlier = observations.review(nurse.db, forms, "3B", at=datetime(2026, 10, 25, 2, 5, tzinfo=clock.now.tzinfo))
    assert earlier.overdue == [] and earlier.next_due.isoformat() == "2026-10-25T02:30:00+02:00"


def test_the_sets_since_the_last_complete_one_judge_as_the_whole_chart_does(ward, forms):
    """The patient list and the escalation list read only each patient's sets from their last
    complete one on: what they give must be what the whole chart gives."""
    from downtime.services.census import in_patients

    nurse, patient, other = ward
    for values in (CALM, HIGH, RECHECK):                                         # 08:00 0, 12:00 7, 12:30 incomplete
        records.save_new(nurse, "observations", values, patient_id=patient)
    for values in ({**RECHECK, "taken_at": "2026-11-28T09:00+01:00", "pulse": 135}, RECHECK):    # incomplete only
        records.save_new(nurse, "observations", values, patient_id=other)
    withdrawn = records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T12:45+01:00"}, patient_id=patient)
    records.mark_entered_in_error(nurse, withdrawn.record_id, "wrong patient")
    for at in ("2026-11-28T08:30+01:00", "2026-11-28T12:10+01:00", "2026-11-28T12:40+01:00", "2026-11-28T13:30+01:00"):
        moment = datetime.fromisoformat(at)
        watched = observations.watches(nurse.db, in_patients(nurse.db, forms, "3B", moment), moment)
        for someone in (patient, other):
            sets = [one for one in observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, someone)) if one.taken_at <= moment]
            complete = [one for one in sets if one.news2.complete]
            assert watched[someone].standing == (observations.judged(sets) if sets else None), (someone, at)
            assert watched[someone].last == (complete[-1] if complete else None), (someone, at)
        review = observations.review(nurse.db, forms, "3B", moment)
        assert review.standing == {key: watch.standing for key, watch in watched.items() if watch.standing}
    assert watched[patient].standing.news2.total == 7 and watched[other].last is None


def test_patients_loaded_from_the_ehrs_snapshot_are_due_a_first_set_from_the_load(session_for, clock, tmp_path):
    """Loaded at 06:30 on 28/11, the snapshot's patients read OVERDUE since their arrival in the
    EHR (25/11 09:30, 26/11 14:00), oldest arrival first: the sets before the load are the EHR's
    and the monitors', not on the laptop."""
    import shutil
    from pathlib import Path

    from downtime.sync.importing import import_path

    clock.now = datetime.fromisoformat("2026-11-28T06:30+01:00")
    import_path(session_for("records"), Path(shutil.copytree(Path(__file__).parent / "data" / "snapshot",
                                                             tmp_path / "snapshot")))
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    nurse = session_for("nurse")
    review = observations.review(nurse.db, nurse.forms, "3B", clock())
    assert {item.patient.display_name: f"{item.due_at:%d/%m %H:%M}" for item in review.overdue} == {
        "LEFÈVRE Hélène Marie": "28/11 06:30", "NGUYEN Van Minh": "28/11 06:30"}
    watched = observations.watches(nurse.db, [item.patient for item in review.overdue], clock())
    assert {f"{watch.due_at:%d/%m %H:%M}" for watch in watched.values()} == {"28/11 06:30"}


def test_the_escalation_and_overdue_lists_file_an_accented_name_with_its_letter(session_for, admission_values, clock):
    """Two patients alike on either list are in the order of their names: ÉVRARD came after ZOLA
    (a plain sort puts "É" after "z"), where the back-entry list files it among the Es."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    arrived = {**admission_values, "arrival_at": "2026-11-27T09:00+01:00", "nir": None, "used_name": None}
    for name, bed in (("Zola", "12"), ("Évrard", "13"), ("Dupont", "14")):
        records.save_new(nurse, "admission", {**arrived, "birth_name": name, "bed": bed})
    overdue = observations.review(nurse.db, nurse.forms, "3B", clock()).overdue
    assert [item.patient.display_name.split()[0] for item in overdue] == ["DUPONT", "ÉVRARD", "ZOLA"]
    for item in overdue:
        records.save_new(nurse, "observations", HIGH, patient_id=item.patient.patient_id)
    escalated = observations.review(nurse.db, nurse.forms, "3B", clock()).escalations
    assert [item.patient.display_name.split()[0] for item in escalated] == ["DUPONT", "ÉVRARD", "ZOLA"]


def _loaded_at(session_for, clock, tmp_path, at: str):
    import shutil
    from pathlib import Path

    from downtime.sync.importing import import_path

    clock.now = datetime.fromisoformat(at)
    clerk = session_for("records")
    import_path(clerk, Path(shutil.copytree(Path(__file__).parent / "data" / "snapshot", tmp_path / "snapshot")))
    return clerk


def test_patients_loaded_with_the_clock_a_day_ahead_are_due_a_first_set_from_when_it_was_put_right(session_for, clock,
                                                                                                  tmp_path):
    """Loaded at "29/11 06:30", the clock put right to 28/11 06:45 minutes later: every loaded
    patient was due a first set the next day, and no list asked one of them for that day."""
    _loaded_at(session_for, clock, tmp_path, "2026-11-29T06:30+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T06:45+01:00")
    session_for("nurse")  # the sign-in: the laptop's first use after the clock was put right
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    nurse = session_for("nurse")
    review = observations.review(nurse.db, nurse.forms, "3B", clock())
    assert {item.patient.display_name: f"{item.due_at:%d/%m %H:%M}" for item in review.overdue} == {
        "LEFÈVRE Hélène Marie": "28/11 06:45", "NGUYEN Van Minh": "28/11 06:45"}


def test_a_first_set_is_never_due_later_than_now(session_for, clock, tmp_path):
    """The clock a day ahead at the load and read before anything else was written."""
    clerk = _loaded_at(session_for, clock, tmp_path, "2026-11-29T06:30+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    watched = observations.watches(clerk.db, census.in_patients(clerk.db, clerk.forms, "3B", clock()), clock())
    assert [(f"{watch.due_at:%d/%m %H:%M}", watch.overdue) for watch in watched.values() if watch.last is None] == [
        ("28/11 07:00", True), ("28/11 07:00", True)]

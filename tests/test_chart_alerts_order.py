"""The escalation list's chart alerts: those asking for a doctor now first (chart_alerts.asks_a_doctor_now)."""

import pytest

from downtime.domain import bowels, devices, falls, gcs, glucose, lab_results, pain, pews, sepsis
from downtime.services.chart_alerts import ChartAlert, asks_a_doctor_now

DOCTOR_NOW = (bowels.SIGNS[bowels.Sign.BLOOD], falls.ASKS[falls.Ask.ANTICOAGULANT], gcs.WARNINGS[gcs.Alarm.TOTAL_FELL],
              gcs.WARNINGS[gcs.Alarm.PUPIL_FIXED], glucose.SIGNS[glucose.Sign.KETONES_HIGH],
              glucose.SIGNS[glucose.Sign.HYPO_PERSISTS], lab_results.SIGNS[lab_results.Sign.TELL_NOW],
              pews.SIGNS[pews.Sign.RED], sepsis.OUTCOMES[sepsis.Outcome.RED])
"""Each chart's words for a doctor now, in both languages."""
IN_HER_OWN_TIME = (pain.SIGNS[pain.Sign.OVERDUE], devices.SIGNS[devices.Sign.OVERDUE])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_charts_words_for_a_doctor_now_put_its_line_first_in_either_language(lang):
    """The list is ordered on what each line says: a chart reworded, or a new one, whose words
    for a doctor now the list did not know, would go back to its bed's place, below the lines on
    screen."""
    def line(words: str) -> ChartAlert:
        return ChartAlert(None, "", "", [words])  # type: ignore[arg-type]  (only its words are read)

    assert all(asks_a_doctor_now(line(words[lang]), lang) for words in DOCTOR_NOW), [
        words[lang] for words in DOCTOR_NOW if not asks_a_doctor_now(line(words[lang]), lang)]
    assert not any(asks_a_doctor_now(line(words[lang]), lang) for words in IN_HER_OWN_TIME)


def test_a_hypo_to_treat_now_comes_before_a_routine_check_late_in_a_lower_bed(session_for, medication_ward,
                                                                               admission_values):
    """R2 #5: bed 2's hourly glucose 20 minutes late came above bed 12's 2.3 mmol/L, "treat now",
    the list ranking by words for a doctor and a hypo's having none. The hypo's recheck overdue
    too."""
    from datetime import datetime

    from downtime.services import census, chart_alerts, records
    from downtime.services import glucose as glucose_chart

    nurse = session_for("nurse")
    hypo = medication_ward[0]  # bed 12
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Abel",
                                                  "used_name": ""}).patient_id
    read = {"timing": "night", "reading": "value", "glucose_unit": "mmol_l", "next_in": "60"}
    records.save_new(nurse, "blood_glucose", {**read, "taken_at": "2026-11-28T12:40+01:00", "glucose": 9.0},
                     patient_id=other)
    records.save_new(nurse, "blood_glucose", {**read, "taken_at": "2026-11-28T13:58+01:00", "glucose": 2.3},
                     patient_id=hypo)
    for at in ("2026-11-28T14:00+01:00", "2026-11-28T14:30+01:00"):
        moment = datetime.fromisoformat(at)
        found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", moment),
                                    moment, "en", ward="3B").alerts
        lines = [alert for alert in found if alert.form_id == glucose_chart.FORM]
        assert [alert.patient.patient_id for alert in lines] == [hypo, other], at
        assert lines[0].urgent and not lines[1].urgent


def test_a_fall_not_to_be_moved_and_a_ct_head_within_1_hour_come_before_a_routine_check_in_a_lower_bed(
        session_for, patient_on_the_clock):
    """R6 #10: "POSSIBLE FRACTURE OR SPINAL INJURY: do not get the patient up" and "GCS 14 2 hours or
    more after a fall …: tell the doctor (… CT head within 1 hour, NICE)" have no "doctor now": the
    list left them in bed order. And the anticoagulant's CT head is said passed at its deadline."""
    from datetime import datetime

    from downtime.services import census, chart_alerts, records

    fell = {"fell_at": "2026-11-28T02:00+01:00", "witnessed": "witnessed", "where": "bedside",
            "fracture_signs": "suspected", "head_injury": "yes", "anticoagulated": True}
    patient = patient_on_the_clock(datetime(2026, 11, 28, 10, 30), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", fell, patient_id=patient)
    for at in ("02:10", "04:10"):
        records.save_new(nurse, "neuro_observations", {
            "taken_at": f"2026-11-28T{at}+01:00", "eyes": "4", "verbal": "4", "motor": "6", "next_set_in": "30"},
            patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    listed = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    by_form = {alert.form_id: alert for alert in listed}
    assert by_form["inpatient_fall"].urgent and by_form["neuro_observations"].urgent
    assert "CT HEAD DUE BY 28/11 10:00, 8 hours after the fall — PASSED" in " ".join(by_form["inpatient_fall"].said)


def _ranked(nurse, ward, form_id):
    """The escalation list's lines of `form_id` of `ward` at the nurse's clock, in its order, as
    (bed, urgent)."""
    from downtime.services import census, chart_alerts

    at = nurse.clock()
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, ward, at), at, "en",
                                ward=ward).alerts
    return [(alert.patient.bed, alert.urgent) for alert in found if alert.form_id == form_id]


@pytest.mark.parametrize(("started_at", "readings"), [
    ("2026-11-28T13:30+01:00", {"temperature": 39.4, "systolic_bp": 82, "pulse": 128}),  # a possible reaction
    ("2026-11-28T09:50+01:00", {})])  # 4 hours out of the fridge at 13:50
def test_a_possible_transfusion_reaction_or_a_unit_past_4_hours_comes_before_a_routine_line_in_a_lower_bed(
        session_for, patient, admission_values, started_at, readings):
    """R2 D1: "POSSIBLE TRANSFUSION REACTION …: stop the unit, keep the line open, call the doctor"
    and "STILL RUNNING 4 HOURS OUT OF THE FRIDGE" have no "doctor now": they came 22nd of 33 lines,
    by bed, below a cannula's check. Ranked from the unit's own signs, not from its words."""
    from datetime import datetime, timedelta

    from downtime.services import records, transfusion
    from tests.test_transfusion import OBS
    from tests.test_transfusion_bedside_rules import _unit

    nurse = session_for("nurse")
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Abel",
                                                  "used_name": ""}).patient_id
    # Bed 2's unit asks its 15-minute set, overdue: routine.
    for unit, who, start in ((1, patient, started_at), (2, other, "2026-11-28T13:30+01:00")):
        before = (datetime.fromisoformat(start) - timedelta(minutes=10)).isoformat()
        records.save_new(nurse, "observations", {**OBS, "taken_at": before}, patient_id=who)
        records.save_new(nurse, "blood_transfusion", _unit(unit, started_at=start), patient_id=who)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T13:45+01:00", **readings},
                     patient_id=patient)
    assert _ranked(nurse, "3B", transfusion.FORM) == [("12", True), ("2", False)]


@pytest.mark.parametrize("values", [
    {"respiratory_rate": 56, "respiratory_effort": "mild", "spo2": 93, "oxygen": "high", "heart_rate": 172,
     "temperature": 38.1, "concern": False},  # PEWS 9
    {"concern": True}])  # a parent worried
def test_a_pews_of_8_or_more_or_someone_worried_comes_before_a_routine_line_in_a_lower_bed(
        session_for, admission_values, values):
    """R2 D1: "PEWS 9 (8 or more): call the doctor to review the child now" and "NURSE OR PARENT
    WORRIED …: tell the doctor" have no "doctor now": ranked by bed, below a set merely overdue."""
    from downtime.services import pews, records
    from tests.test_pews_escalation import BABY, CALM, _admit

    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, BABY)  # bed 3
    other = records.save_new(nurse, "admission", {**admission_values, "given_names": "Noé", "birth_date": BABY,
                                                  "nir": None, "identity_status": "provisional",
                                                  "identity_document": None, "weight_kg": 6.1, "height_cm": 62,
                                                  "ward": "5C", "bed": "1",
                                                  "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    records.save_new(nurse, pews.FORM, {**CALM, "taken_at": "2026-11-28T09:30+01:00"}, patient_id=other)  # due 13:30
    records.save_new(nurse, pews.FORM, {**CALM, **values, "next_in": "60", "taken_at": "2026-11-28T13:50+01:00"},
                     patient_id=child)
    assert _ranked(nurse, "5C", pews.FORM) == [("3", True), ("1", False)]

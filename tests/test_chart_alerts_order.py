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

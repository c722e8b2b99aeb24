"""An IV fluid bolus given on the medication chart counts for the Sepsis Six's IV fluids, as an IV
antibiotic given there counts for its antibiotics, and is named on the screening's line: the
500 mL bolus charted at 13:30 still read "SEPSIS SIX OVERDUE: IV fluids" on the escalation list
until its time was typed again on the screening (review R6 #10)."""

from datetime import datetime

import pytest

from downtime.services import census, chart_alerts, medication, records, sepsis

READINGS = {"taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 104, "pulse": 112, "consciousness": "alert", "temperature": 38.6}
SCREENING = {"screened_at": "2026-11-28T13:20+01:00", "infection": "likely", "source": "urine", **READINGS,
             "cultures_at": "2026-11-28T13:22+01:00", "antibiotics_at": None,
             "lactate_at": "2026-11-28T13:22+01:00", "urine_at": "2026-11-28T13:22+01:00", "not_needed": ["oxygen"],
             "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:25+01:00"}


def _sepsis_said(nurse, at: datetime) -> list[list[str]]:
    inside = census.in_patients(nurse.db, nurse.forms, "3B", at)
    return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, at, "en", ward="3B").alerts
            if alert.form_id == sepsis.FORM]


def test_a_fluid_bolus_given_on_the_medication_chart_counts_for_the_sepsis_six_and_is_named(
        session_for, patient, clock):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T13:26+01:00")
    records.save_new(nurse, sepsis.FORM, SCREENING, patient_id=patient)
    gentamicin = records.save_new(doctor, "medication_order", {
        "drug": "Gentamicin", "dose": 300.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": "2026-11-28T13:25+01:00", "indication": "Urosepsis", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    bolus = records.save_new(doctor, "medication_order", {
        "drug": "Sodium chloride 0.9 %", "dose": 500.0, "dose_unit": "mL", "route": "IV", "frequency": "once",
        "start_at": "2026-11-28T13:25+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    medication.record_dose(nurse, gentamicin, {"outcome": "given", "given_at": "2026-11-28T13:30+01:00",
                                               "dose_given": 300.0, "route": "IV"})
    assert any("SEPSIS SIX OVERDUE (due 28/11 14:20): IV fluids" in line
               for lines in _sepsis_said(nurse, clock.now) for line in lines)
    medication.record_dose(nurse, bolus, {"outcome": "given", "given_at": "2026-11-28T13:30+01:00",
                                          "dose_given": 500.0, "route": "IV"})
    assert not any("OVERDUE" in line for lines in _sepsis_said(nurse, clock.now) for line in lines)
    [record] = sepsis.CHART.of(nurse.db, patient)
    screened = sepsis.screened(record, sepsis.charted_doses(nurse.db, [patient], clock.now)[patient])
    assert "IV fluids: Sodium chloride 0.9 % 500 mL IV given 28/11 13:30 (medication chart)" in screened.text(
        "en", clock.now.tzinfo)


NOT_A_CHALLENGE = {
    "glucose 5% 500 mL": {"drug": "Glucose 5%", "dose": 500.0},
    "saline 10 mL after the antibiotic": {"drug": "Sodium chloride 0.9%", "dose": 10.0},
    "maintenance 1 L at 83 mL/h": {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "form": "infusion",
                                   "rate_ml_h": 83.0},
}


def _given(doctor, nurse, clock, patient, order: dict, at: str) -> None:
    """`order` written IV in mL at `at` and given then, the clock back at 14:30."""
    clock.now = datetime.fromisoformat(at)
    found = records.save_new(doctor, "medication_order", {
        "dose_unit": "mL", "route": "IV", "frequency": "once", "start_at": at, "controlled": False,
        "high_alert": False, **order}, patient_id=patient).record_id
    medication.record_dose(nurse, found, {"outcome": "given", "given_at": at, "dose_given": order["dose"],
                                          "route": "IV"})
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")


def _fluids_overdue(nurse) -> bool:
    return any("OVERDUE" in line and "IV fluids" in line
               for lines in _sepsis_said(nurse, datetime.fromisoformat("2026-11-28T14:30+01:00")) for line in lines)


@pytest.mark.parametrize("name", list(NOT_A_CHALLENGE))
def test_only_a_fluid_challenge_on_the_medication_chart_counts_for_the_sepsis_six_iv_fluids(
        session_for, patient, clock, name):
    """Each marked the IV fluids done for a septic patient (review S8): a sodium crystalloid, by
    vein, at least 250 mL, with no rate or a fast one is (NICE NG51, CG174)."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T13:26+01:00")
    records.save_new(nurse, sepsis.FORM, SCREENING, patient_id=patient)
    _given(doctor, nurse, clock, patient, NOT_A_CHALLENGE[name], "2026-11-28T13:30+01:00")
    assert _fluids_overdue(nurse)
    _given(doctor, nurse, clock, patient, {"drug": "Hartmann's", "dose": 500.0, "form": "infusion",
                                           "rate_ml_h": 2000.0}, "2026-11-28T13:40+01:00")
    assert not _fluids_overdue(nurse)


def test_a_fluid_challenge_given_hours_before_the_screening_does_not_count_for_it(session_for, patient, clock):
    """A bolus at 09:30, four hours before the patient deteriorated, marked the IV fluids given
    for the screening at 13:20; one 40 minutes before it still counts."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    _given(doctor, nurse, clock, patient, {"drug": "Sodium chloride 0.9%", "dose": 500.0}, "2026-11-28T09:30+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T13:26+01:00")
    records.save_new(nurse, sepsis.FORM, SCREENING, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    assert _fluids_overdue(nurse)
    _given(doctor, nurse, clock, patient, {"drug": "Hartmann's", "dose": 500.0}, "2026-11-28T12:40+01:00")
    assert not _fluids_overdue(nurse)

"""A patient missing from the ward, where other screens meet the record: a dose recorded given
while the patient is recorded missing stops the nurse for a reason (medication.check_dose), the
discharge confirm says the patient missing (leaving.still_asked), and the Patients tab is read
again when a police call falls due. The tests' clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import leaving, medication, records

FORM = "missing_patient"
JUDGED = {"noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00",
          "last_seen_where": "day room", "description": "Tall, grey hair", "risk": "medium"}


def test_a_dose_recorded_given_while_the_patient_is_recorded_missing_needs_a_reason(session_for, medication_ward):
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    given = {"outcome": "given", "dose_given": 1.0, "route": "IV", "scheduled_for": "2026-11-28T14:00+01:00",
             "given_at": "2026-11-28T14:00+01:00"}
    assert Check.GIVEN_WHILE_MISSING not in {one.check for one in medication.check_dose(nurse, amoxicillin, given)}
    records.save_new(nurse, FORM, JUDGED, patient_id=patient)
    (warning,) = [one for one in medication.check_dose(nurse, amoxicillin, given)
                  if one.check is Check.GIVEN_WHILE_MISSING]
    assert warning.text("en") == (
        "Amoxicillin recorded given at 14:00, while the patient is recorded missing from the ward (last seen 13:20, "
        "day room): record “A — Patient away from ward”, or record their return on the missing-patient record first.")
    away = {**given, "outcome": "not_given", "not_given_reason": "patient_away", "dose_given": None}
    assert Check.GIVEN_WHILE_MISSING not in {one.check for one in medication.check_dose(nurse, amoxicillin, away)}


def test_a_dose_given_while_missing_says_last_seen_on_the_wards_clock(session_for, patient_on_the_clock):
    """Last seen at 01:30 the night the clocks went back, read on the 06:00 dose's winter offset,
    was said "last seen 00:30": an hour the patient was still on the ward."""
    patient = patient_on_the_clock(datetime(2026, 10, 25, 7, 0), "2026-10-24T09:00+02:00")
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "06:00", "start_at": "2026-10-24T10:00+02:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    records.save_new(nurse, FORM, {**JUDGED, "last_seen_at": "2026-10-25T01:30+02:00",
                                   "noticed_at": "2026-10-25T05:45+01:00"}, patient_id=patient)
    (warning,) = [one for one in medication.check_dose(nurse, order, {
        "outcome": "given", "dose_given": 1.0, "route": "PO", "scheduled_for": "2026-10-25T06:00+01:00",
        "given_at": "2026-10-25T06:00+01:00"}) if one.check is Check.GIVEN_WHILE_MISSING]
    assert "(last seen 01:30, day room)" in warning.text("en")


def test_the_discharge_confirm_says_the_patient_missing(session_for, patient):
    """Discharged in their absence: the confirm says the patient is missing, not only "search the ward"."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, JUDGED, patient_id=patient)
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "en", destination="against_advice")
    assert ("• MISSING since 13:20 (last seen: day room) — medium risk: police to be told at 14:30 if not found; "
            "search the ward and grounds;") in asked


def test_the_patients_tab_is_read_again_when_the_police_call_falls_due(session_for, patient):
    from downtime.qt.patients_panel import _listed

    nurse = session_for("nurse")
    records.save_new(nurse, FORM, JUDGED, patient_id=patient)
    assert _listed(nurse, "3B", False).next_due.isoformat() == "2026-11-28T14:30:00+01:00"

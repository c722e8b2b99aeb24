"""Neuro obs the night the clocks go back: the times a set's warnings and its doctor told say are
the ward's, with the offset of the hour read twice, as every other time the app says."""

from datetime import datetime

from downtime.services import neuro, records

SET = {"eyes": "4", "verbal": "5", "motor": "6", "next_set_in": "30"}


def test_a_fall_since_a_set_of_the_first_0210_says_which_0210(patient_on_the_clock, session_for):
    """15 at the first 02:10 (+02:00), 13 at 02:05 winter time (+01:00), 55 minutes later: "GCS fell
    by 2 since 25/10 02:10" read as a set five minutes after the one it was said on, and the doctor
    told at the second 02:20 as the first."""
    patient = patient_on_the_clock(datetime(2026, 10, 25, 3, 0), "2026-10-24T20:00+02:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-10-25T02:10+02:00"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {
        **SET, "verbal": "3", "taken_at": "2026-10-25T02:05+01:00", "doctor_told": "Dr Karim Benali",
        "doctor_told_at": "2026-10-25T02:20+01:00"}, patient_id=patient)
    assert neuro.chart(nurse.db, patient)[1].said("en") == [
        "GCS fell by 2 since 25/10 02:10 +02:00: tell the doctor now", "doctor told: Dr Karim Benali 25/10 02:20 +01:00"]

"""The round's 12 hours are 12 hours of real time, as the round counts them: the day the clocks go
forward, counted on the wall clock they held 11, and a dose not given at 23:30 dropped off the
escalation list an hour early."""

from datetime import datetime
from zoneinfo import ZoneInfo

from downtime.services import chart_alerts, medication, records

PARIS = ZoneInfo("Europe/Paris")


def test_a_dose_refused_at_2330_is_still_said_1115_of_real_time_later(session_for, patient_on_the_clock, clock):
    patient = patient_on_the_clock(datetime(2027, 3, 27, 23, 40), "2027-03-27T09:00+01:00")
    amox = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "23:30", "start_at": "2027-03-27T10:00+01:00", "review_at": "2027-03-30T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    nurse = session_for("nurse")
    medication.record_dose(nurse, amox, {"outcome": "not_given", "given_at": "2027-03-27T23:40+01:00",
                                         "scheduled_for": "2027-03-27T23:30+01:00", "not_given_reason": "refused"})
    clock.now = datetime(2027, 3, 28, 11, 45, tzinfo=PARIS)  # summer time: 11 h 15 min later
    assert chart_alerts.not_given(nurse.db, nurse.forms, [patient], clock.now, "en") == {patient: [
        ("Amoxicillin 1 g PO 27/03 23:30", "NOT GIVEN (R — Refused) — tell the prescriber")]}


def test_a_levodopa_dose_missed_at_2330_is_still_time_critical_1115_of_real_time_later(session_for,
                                                                                          patient_on_the_clock, clock):
    patient = patient_on_the_clock(datetime(2027, 3, 28, 11, 45), "2027-03-27T09:00+01:00")
    levodopa = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
        "times": "23:30", "start_at": "2027-03-27T10:00+01:00", "time_critical": True,
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    (order, cell), = medication.time_critical(session_for("nurse").db, [patient], clock.now)[patient].late
    assert (order.record_id, cell.slot) == (levodopa, datetime.fromisoformat("2027-03-27T23:30+01:00"))

"""The one line of a missing-patient record, which the records clerk types into the EHR from the
back-entry worklist, says the patient's condition on return, the time-critical treatment they
needed and when the doctor was told (review s65 R1 D4): "laceration to scalp, fell in the car
park" was carried in the FHIR Observation only, and the hand-entered EHR never had it."""

from downtime.services import records
from downtime.services.records import record_label

MISSING = {"noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00",
           "last_seen_where": "day room", "description": "Tall, grey hair, blue dressing gown, slippers",
           "how": "wandered", "risk_factors": ["time_critical"], "time_critical_treatment": "insulin",
           "risk": "high", "searched_at": "2026-11-28T13:40+01:00", "doctor_told_at": "2026-11-28T13:42+01:00",
           "police_told_at": "2026-11-28T13:45+01:00", "police_reference": "PR-1234"}


def test_the_line_says_the_condition_on_return_the_treatment_and_the_doctor_told(session_for, patient, clock):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "missing_patient", MISSING, patient_id=patient)
    back = records.amend(nurse, saved.record_id, {**MISSING, "returned_at": "2026-11-28T13:55+01:00",
                                                  "returned_where": "car park",
                                                  "returned_condition": "laceration to scalp"}, "Found")
    line = record_label(session_for("records"), back)
    for said in ("Which time-critical medicine or treatment: insulin", "Doctor told at: 28/11/2026 13:42",
                 "Condition on return (injuries, observations): laceration to scalp"):
        assert said in line, line

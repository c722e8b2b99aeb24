"""A time-critical dose not given while the patient slept: the escalation list said "D — Asleep:
tell the doctor" whatever the nurse wrote, "Dr on call told, give at 06:00" unread, and the
doctor was called again."""

import pytest

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, records

LEVODOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
            "times": "06:00 10:00 14:00 18:00 22:00", "start_at": "2026-11-28T13:30+01:00", "controlled": False,
            "high_alert": False, "time_critical": True}


@pytest.mark.parametrize("detail, said", [
    ("Deeply asleep, Dr on call told, give at 06:00",
     "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: Deeply asleep, Dr on call told, give at 06:00): "
     "the doctor is told, do as they said"),
    ("Deeply asleep, Dr on call not yet told",
     "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: Deeply asleep, Dr on call not yet told): tell the "
     "doctor (another route or medicine)"),
    ("Deeply asleep, could not wake",
     "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: Deeply asleep, could not wake): tell the doctor "
     "(another route or medicine)"),
])
def test_a_time_critical_dose_not_given_asleep_says_what_the_nurse_wrote(session_for, patient, clock, detail, said):
    doctor = session_for("doctor")
    order = records.save_new(doctor, "medication_order", LEVODOPA, patient_id=patient)
    nurse = session_for("nurse")
    clock.advance(minutes=35)
    medication.record_dose(nurse, order.record_id, {"outcome": "not_given", "given_at": "2026-11-28T14:05+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00",
                                                    "not_given_reason": "asleep", "not_given_detail": detail},
                           overrides={Check.TIME_CRITICAL_ASLEEP: "Not woken"})
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.said == [said]


def test_a_doctor_told_in_french_is_read_so(session_for, patient, clock):
    """The nurse writes in French too: "médecin de garde prévenu"."""
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient)
    nurse = session_for("nurse", "fr")
    clock.advance(minutes=35)
    medication.record_dose(nurse, order.record_id, {"outcome": "not_given", "given_at": "2026-11-28T14:05+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00",
                                                    "not_given_reason": "asleep",
                                                    "not_given_detail": "Endormie, médecin de garde prévenue"},
                           overrides={Check.TIME_CRITICAL_ASLEEP: "Pas réveillée"})
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "fr", ward="3B").alerts
    (said,) = alert.said
    assert said.endswith("Endormie, médecin de garde prévenue) : médecin prévenu, faire ce qu’il a dit"), said

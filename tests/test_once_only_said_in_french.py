"""A once-only order read in French gives its day as French does ("une fois, le 29/11/2026
20:00"): "une fois, à 29/11/2026 20:00" put "à" before a date (review s65 R3 D9), on the
transfer letter, the record of a dose and the orders' lists alike (medication.order_reading)."""

from downtime.services import medication, records

MIDAZOLAM = {"drug": "Midazolam", "dose": 2.5, "dose_unit": "mg", "route": "SC", "frequency": "once",
             "start_at": "2026-11-28T20:00+01:00", "controlled": True, "high_alert": True}


def test_once_only_is_on_its_day(session_for, patient):
    doctor = session_for("doctor", "fr")
    order = medication.order_of(records.save_new(doctor, "medication_order", MIDAZOLAM, patient_id=patient))
    assert medication.order_reading(order, doctor.form("medication_order"), "fr") == (
        "Midazolam 2,5 mg SC, une fois, le 28/11/2026 20:00")

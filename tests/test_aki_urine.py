"""KDIGO's acute kidney injury by urine (under 0.5 mL/kg/h for 6 hours, as the fluid balance
chart judges it) questions a dose of a medicine an AKI asks a doctor to review, as a creatinine
rise does, and the LOW URINE OUTPUT line names those medicines running."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import census, fluid_balance, medication, records

GENTAMICIN = {"drug": "Gentamicin", "dose": 380.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
              "times": "18:00", "start_at": "2026-11-28T08:00+01:00", "review_at": "2026-11-30T18:00+01:00",
              "indication": "Urosepsis", "controlled": False, "high_alert": False}
DOSE = {"outcome": "given", "given_at": "2026-11-28T18:00+01:00", "scheduled_for": "2026-11-28T18:00+01:00",
        "dose_given": 380.0, "route": "IV"}


def _hourly_urine(nurse, patient: str, ml: int, hours: range) -> None:
    for hour in hours:
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:00+01:00",
                                                  "route": "out_urine", "volume": ml, "what": "Catheter bag"},
                         patient_id=patient)


def test_six_hours_of_low_urine_question_the_gentamicin_and_the_line_names_it(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    gentamicin = records.save_new(doctor, "medication_order", GENTAMICIN, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T17:50+01:00")
    _hourly_urine(nurse, patient, 10, range(11, 18))
    [warning] = [w for w in medication.check_dose(nurse, gentamicin, DOSE) if w.check is Check.KIDNEY_INJURY]
    assert warning.text("en") == (
        "Gentamicin: the urine output shows an acute kidney injury (60 mL in 6 hours since 28/11 11:00, as the fluid "
        "balance chart judges it), and this medicine is one it asks a doctor to review: give it only once the doctor "
        "says to.")
    said = fluid_balance.handover(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, patient)],
                                  clock.now, "en")[patient]
    assert said.endswith("below 0.5): tell the doctor: review nephrotoxic medicines: Gentamicin; review the doses "
                         "of those the kidneys clear: Morphine"), said


def test_urine_above_half_a_ml_per_kg_an_hour_questions_nothing(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    gentamicin = records.save_new(doctor, "medication_order", GENTAMICIN, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T17:50+01:00")
    _hourly_urine(nurse, patient, 60, range(11, 18))
    said = fluid_balance.handover(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, patient)],
                                  clock.now, "en").get(patient, "")
    assert "Gentamicin" not in said
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, gentamicin, DOSE)]


def test_an_empty_bag_with_urine_bypassing_the_catheter_is_a_catheter_to_check_not_an_aki(session_for,
                                                                                           medication_ward, clock):
    """Six hourly bags of 0 mL, the bed wet each hour: the chart says to check the catheter; the
    gentamicin was held as "the urine output shows an acute kidney injury", the doctor called for a
    blocked catheter."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    gentamicin = records.save_new(doctor, "medication_order", GENTAMICIN, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T17:50+01:00")
    _hourly_urine(nurse, patient, 0, range(11, 18))
    for hour in range(11, 18):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:10+01:00",
                                                  "route": "out_urine", "not_measured": "large",
                                                  "what": "Wet bed, bypassing"}, patient_id=patient)
    said = fluid_balance.handover(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, patient)],
                                  clock.now, "en")[patient]
    assert "bypassing" in said and "review nephrotoxic medicines" not in said, said
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, gentamicin, DOSE)]

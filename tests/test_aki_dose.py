"""A dose of a medicine an acute kidney injury asks a doctor to review, given while the
creatinine shows one, is questioned at the bedside and needs the nurse's reason, as the other
warnings do; before the creatinine rose, or of another medicine, it is not."""

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records

CREATININE = {"received_by": "paper", "test": "Creatinine", "units": "µmol/L", "range": "59–104", "flag": "normal"}


def _ibuprofen(doctor, patient: str) -> str:
    return records.save_new(doctor, "medication_order", {
        "drug": "Ibuprofen", "dose": 400.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id


def test_a_nephrotoxic_dose_during_an_aki_needs_a_reason_and_keeps_it(session_for, medication_ward):
    patient, amoxicillin = medication_ward[0], medication_ward[1]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    ibuprofen = _ibuprofen(doctor, patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80"},
                     patient_id=patient)
    dose = {"outcome": "given", "scheduled_for": "2026-11-28T14:00+01:00", "given_at": "2026-11-28T14:00+01:00",
            "dose_given": 400.0, "route": "PO"}
    assert [w.check for w in medication.check_dose(nurse, ibuprofen, dose)] == []
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "260",
                                           "flag": "abnormal"}, patient_id=patient)
    [warning] = [w for w in medication.check_dose(nurse, ibuprofen, dose) if w.check is Check.KIDNEY_INJURY]
    assert warning.text("en") == (
        "Ibuprofen: the creatinine shows an acute kidney injury (AKI stage 3: 260 µmol/L, 3.3 times the baseline 80 "
        "of 27/11), and this medicine is one it asks a doctor to review: give it only once the doctor says to.")
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, amoxicillin, {
        **dose, "dose_given": 1.0, "route": "IV"})]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, ibuprofen, dose)
    saved = medication.record_dose(nurse, ibuprofen, dose, overrides={Check.KIDNEY_INJURY: "Dr Martin: give today"})
    assert saved.data["overrides"] == [{"check": "kidney_injury", "reason": "Dr Martin: give today"}]


def test_a_dose_given_before_the_creatinine_came_back_or_copied_from_paper_is_not_questioned(session_for,
                                                                                           medication_ward):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    ibuprofen = _ibuprofen(doctor, patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80"},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00",
                                           "sample_taken_at": "2026-11-28T06:00+01:00", "result": "260",
                                           "flag": "abnormal"}, patient_id=patient)

    def warned(given_at: str, **more) -> list[Check]:
        dose = {"outcome": "given", "scheduled_for": given_at, "given_at": given_at, "dose_given": 400.0,
                "route": "PO", **more}
        return [w.check for w in medication.check_dose(nurse, ibuprofen, dose) if w.check is Check.KIDNEY_INJURY]

    assert warned("2026-11-28T08:00+01:00") == []  # charted late: the result came back at 13:00
    assert warned("2026-11-28T14:00+01:00") == [Check.KIDNEY_INJURY]
    assert warned("2026-11-28T14:00+01:00", transcribed=True, given_by="nurse") == []  # from the paper chart


def test_aspirin_at_the_hearts_dose_is_given_during_an_aki_unquestioned(session_for, medication_ward):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    aspirin = records.save_new(doctor, "medication_order", {
        "drug": "Aspirin", "dose": 75.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80"},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T07:00+01:00", "result": "260",
                                           "flag": "abnormal"}, patient_id=patient)
    dose = {"outcome": "given", "scheduled_for": "2026-11-28T08:00+01:00", "given_at": "2026-11-28T08:00+01:00",
            "dose_given": 75.0, "route": "PO"}
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, aspirin, dose)]

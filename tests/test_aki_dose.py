"""A dose of a medicine an acute kidney injury asks a doctor to review, given while the
creatinine shows one, is questioned at the bedside and needs the nurse's reason, as the other
warnings do; before the creatinine rose, or of another medicine, it is not. A medicine the kidneys
clear is questioned on its dose, and metformin below an eGFR of 30 with no AKI."""

from datetime import datetime

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


@pytest.mark.parametrize("drug, dose, unit, route, times", [
    ("Enoxaparin", 90.0, "mg", "SC", "14:00"),  # 1.5 mg/kg: a treatment dose
    ("Apixaban", 5.0, "mg", "PO", "08:00 14:00"),
    ("Gliclazide MR", 60.0, "mg", "PO", "14:00"),
    ("Digoxin", 125.0, "microgram", "PO", "14:00"),
    ("Pregabalin", 75.0, "mg", "PO", "14:00"),
])
def test_a_medicine_the_kidneys_clear_is_questioned_on_its_dose_during_an_aki(session_for, medication_ward,
                                                                              drug, dose, unit, route, times):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": unit, "route": route, "frequency": "scheduled", "times": times,
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": drug in ("Enoxaparin", "Apixaban")},
        patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80"},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "260",
                                           "flag": "abnormal"}, patient_id=patient)
    dose_given = {"outcome": "given", "scheduled_for": "2026-11-28T14:00+01:00", "given_at": "2026-11-28T14:00+01:00",
                  "dose_given": dose, "route": route}
    [warning] = [w for w in medication.check_dose(nurse, order, dose_given) if w.check is Check.KIDNEY_INJURY]
    assert warning.text("en") == (
        f"{drug}: the creatinine shows an acute kidney injury (AKI stage 3: 260 µmol/L, 3.3 times the baseline 80 of "
        "27/11), and this medicine builds up as the kidneys fail: its dose is one it asks a doctor to review: give it "
        "only once the doctor says to.")


def test_morphine_as_required_is_questioned_during_an_aki_and_a_prophylactic_enoxaparin_is_not(session_for,
                                                                                              medication_ward):
    patient, _, morphine = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    enoxaparin = records.save_new(doctor, "medication_order", {
        "drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
        "times": "18:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80"},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "260",
                                           "flag": "abnormal"}, patient_id=patient)
    assert Check.KIDNEY_INJURY in [w.check for w in medication.check_dose(nurse, morphine, {
        "outcome": "given", "given_at": "2026-11-28T14:00+01:00", "dose_given": 5.0, "route": "SC",
        "prn_reason": "pain score 6"})]
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, enoxaparin, {
        "outcome": "given", "scheduled_for": "2026-11-28T18:00+01:00", "given_at": "2026-11-28T18:00+01:00",
        "dose_given": 40.0, "route": "SC"})]


@pytest.mark.parametrize("dose, strength_ml, questioned", [(0.4, 0.4, False), (0.8, 0.8, True)])
def test_an_enoxaparin_written_in_ml_is_weighed_by_its_strength(session_for, medication_ward, dose, strength_ml,
                                                                 questioned):
    """The syringe's 0.4 mL of 40 mg in 0.4 mL is the prophylactic 40 mg: read in mL, it was taken
    for a treatment dose, questioned into the AKI and asked of the doctor; 0.8 mL of 80 mg is one."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    enoxaparin = records.save_new(doctor, "medication_order", {
        "drug": "Enoxaparin", "dose": dose, "dose_unit": "mL", "strength_mg": 100.0 * strength_ml,
        "strength_ml": strength_ml, "route": "SC", "frequency": "scheduled", "times": "18:00",
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True}, patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80"},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "260",
                                           "flag": "abnormal"}, patient_id=patient)
    assert (Check.KIDNEY_INJURY in [w.check for w in medication.check_dose(nurse, enoxaparin, {
        "outcome": "given", "scheduled_for": "2026-11-28T18:00+01:00", "given_at": "2026-11-28T18:00+01:00",
        "dose_given": dose, "route": "SC"})]) is questioned


GLUCOPHAGE = {"drug": "Glucophage", "dose": 1000.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "08:00 14:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False}


def test_metformin_is_questioned_below_an_egfr_of_30_with_no_aki(session_for, medication_ward, clock):
    """CKD stage 4: creatinine 210 then 215 (no rise, no AKI), eGFR 22 typed from the report."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    metformin = records.save_new(doctor, "medication_order", GLUCOPHAGE, patient_id=patient).record_id

    def warned(given_at: str) -> list[str]:
        return [w.text("en") for w in medication.check_dose(nurse, metformin, {
            "outcome": "given", "scheduled_for": given_at, "given_at": given_at, "dose_given": 1000.0, "route": "PO"})
            if w.check is Check.KIDNEY_INJURY]

    egfr = {"received_by": "paper", "test": "DFG (CKD-EPI)", "units": "mL/min/1.73m²", "range": "> 90",
            "flag": "abnormal"}
    for at, creatinine, value in (("2026-11-27T12:00+01:00", "210", "31"), ("2026-11-28T09:00+01:00", "215", "22 L")):
        records.save_new(nurse, "lab_result", {**CREATININE, "received_at": at, "result": creatinine,
                                               "flag": "abnormal"}, patient_id=patient)
        records.save_new(nurse, "lab_result", {**egfr, "received_at": at, "result": value}, patient_id=patient)
    assert warned("2026-11-28T08:00+01:00") == []  # charted late: the eGFR of 22 came at 09:00
    assert warned("2026-11-28T14:00+01:00") == [
        "Glucophage: eGFR 22 mL/min/1.73 m² on 28/11: metformin is stopped below an eGFR of 30: give it only once the "
        "doctor says to."]
    clock.now = datetime.fromisoformat("2026-11-29T09:05+01:00")
    records.save_new(nurse, "lab_result", {**egfr, "received_at": "2026-11-29T09:00+01:00", "result": "> 60",
                                           "flag": "normal"}, patient_id=patient)
    assert warned("2026-11-29T14:00+01:00") == []


@pytest.mark.parametrize("test_name, typed, said", [
    ("eGFR", "<30", "eGFR below 30 mL/min/1.73 m²"),
    ("eGFR", "< 30 mL/min/1.73m²", "eGFR below 30 mL/min/1.73 m²"),
    ("eGFR (KDIGO band)", "15-29", "eGFR 29 mL/min/1.73 m²"),
    ("Débit de filtration glomérulaire", "22", "eGFR 22 mL/min/1.73 m²"),
])
def test_an_egfr_below_30_however_the_laboratory_writes_it_questions_metformin(session_for, medication_ward,
                                                                                test_name, typed, said):
    """"<30" was read as 30, not below it; a KDIGO band "15-29" read as nothing, nor a test named
    in full: metformin was given unasked."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    metformin = records.save_new(doctor, "medication_order", {
        "drug": "Metformin", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {"received_by": "paper", "test": test_name, "units": "mL/min/1.73m²",
                                           "range": "> 90", "flag": "abnormal", "received_at": "2026-11-28T09:00+01:00",
                                           "result": typed}, patient_id=patient)
    assert [w.text("en") for w in medication.check_dose(nurse, metformin, {
        "outcome": "given", "scheduled_for": "2026-11-28T14:00+01:00", "given_at": "2026-11-28T14:00+01:00",
        "dose_given": 500.0, "route": "PO"}) if w.check is Check.KIDNEY_INJURY] == [
        f"Metformin: {said} on 28/11: metformin is stopped below an eGFR of 30: give it only once the doctor says to."]

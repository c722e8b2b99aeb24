"""Metformin below an eGFR of 30 is held on the round, the medication chart and the printed MAR
(services.medication.holds_now), as the dose dialog questions it (metformin_egfr), and a letter
handing the patient on says it as a fact: the round read the 14:00 Glucophage DUE like any other
dose at an eGFR of 22, and a nurse giving from the paper MAR, the laptop elsewhere, was asked
nothing."""

from datetime import datetime

from downtime.services import medication, records
from tests.test_aki_dose import CREATININE, GLUCOPHAGE


def test_metformin_is_held_on_the_round_at_an_egfr_of_22(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    metformin = records.save_new(doctor, "medication_order", GLUCOPHAGE, patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T09:00+01:00", "result": "215",
                                           "flag": "abnormal"}, patient_id=patient)
    records.save_new(nurse, "lab_result", {
        "received_by": "paper", "test": "eGFR", "units": "mL/min/1.73m²", "range": "> 90", "flag": "abnormal",
        "received_at": "2026-11-28T09:00+01:00", "result": "22"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:55+01:00")
    [held] = [warnings for order_id, warnings in medication.holds_now(
        nurse.db, medication.orders(nurse.db, patient, clock.now), clock.now).items() if order_id == metformin]
    assert [w.text("en") for w in medication.holding(held)] == [
        "Glucophage: eGFR 22 mL/min/1.73 m² on 28/11: metformin is stopped below an eGFR of 30: give it only once the "
        "doctor says to."]
    assert [medication.on_letter(w).text("en") for w in held] == [
        "Glucophage: eGFR 22 mL/min/1.73 m² on 28/11: metformin is stopped below an eGFR of 30."]

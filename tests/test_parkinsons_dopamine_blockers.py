"""A medicine that blocks dopamine (haloperidol, metoclopramide, prochlorperazine…) ordered for a
patient on a Parkinson's medicine is asked the prescriber's reason (NICE NG71, Parkinson's UK's
medicines to avoid): haloperidol written at night for a man on co-careldopa was saved unasked. A
dose of one never asked so (written before the Parkinson's medicine) asks the nurse to see the
prescriber. Domperidone, ondansetron and quetiapine ask nothing."""

import pytest

from downtime.domain.medication import Check
from downtime.services import medication

PRN = {"route": "PO", "frequency": "prn", "prn_indication": "agitation", "min_interval_hours": 4,
       "max_doses_24h": 2, "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}
DOSE = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "dose_given": 0.5, "route": "PO",
        "given_for": "agitation"}


def _prn(session_for, patient: str, drug: str, **more) -> str:
    from downtime.services import records

    return records.save_new(session_for("doctor"), "medication_order", {
        **PRN, "drug": drug, "dose": 0.5, "dose_unit": "mg", **more}, patient_id=patient).record_id


def test_haloperidol_for_a_patient_on_co_careldopa_is_asked_and_kept_with_its_reason(
        session_for, medication_ward, daily_order):
    patient = medication_ward[0]
    daily_order("Co-careldopa 25/100", 1.0, "tablet", "08:00", time_critical=True)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _prn(session_for, patient, "Haloperidol")
    assert asked.value.asked_on == "drug" and str(asked.value).startswith(
        "Haloperidol blocks dopamine, and the patient is on Co-careldopa 25/100 (Parkinson's): it undoes that "
        "treatment (rigidity, falls, a swallow lost) and, in dementia with Lewy bodies, can cause a severe reaction "
        "(NICE NG71, Parkinson's UK). Prescribe another")
    order = _prn(session_for, patient, "Haloperidol", dose_reason="Psychiatry: delirium, quetiapine failed")
    assert not [w for w in medication.check_dose(session_for("nurse"), order, DOSE) if w.check is Check.PARKINSONS_DOPAMINE]
    for other in ("Domperidone", "Ondansetron", "Quetiapine"):
        assert _prn(session_for, patient, other)


def test_a_dose_of_one_ordered_before_the_parkinsons_medicine_asks_the_nurse(session_for, medication_ward, daily_order):
    patient = medication_ward[0]
    order = _prn(session_for, patient, "Stemetil", prn_indication="nausea")
    daily_order("Madopar 62.5", 1.0, "tablet", "08:00", time_critical=True)
    assert [w.text("en") for w in medication.check_dose(session_for("nurse"), order, {**DOSE, "given_for": "nausea"})
            if w.check is Check.PARKINSONS_DOPAMINE] == [
        "Stemetil blocks dopamine, and the patient is on Madopar 62.5 (Parkinson's): it undoes that treatment "
        "(rigidity, falls, a swallow lost) and, in dementia with Lewy bodies, can cause a severe reaction (NICE NG71, "
        "Parkinson's UK). Ask the prescriber for another before giving it."]

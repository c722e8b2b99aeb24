"""A child's gentamicin above BNFc's most is asked, the prescriber's reason kept (cystic fibrosis's
10 mg/kg once a day), and refused whatever the reason above 15 mg/kg a dose or in 24 h: 840 mg for
a 12 kg toddler, 70 mg/kg and a tenfold slip, was saved with the reason "ok" (review R1 D9)."""

import pytest

from downtime.services import medication, records
from downtime.services.errors import ValidationFailed

ORDER = {"drug": "Gentamicin", "dose_unit": "mg", "route": "IV", "frequency": "scheduled", "times": "08:00",
         "start_at": "2026-11-28T15:00+01:00", "review_at": "2026-11-30T12:00+01:00", "controlled": False,
         "high_alert": False}


@pytest.fixture
def toddler(admit_to_paediatrics):
    """Noe, 2 years, 12 kg, on ward PED."""
    return admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")


def _write(session_for, patient: str, dose: float, reason: str | None = None):
    values = {**ORDER, "dose": dose, **({medication.DOSE_REASON: reason} if reason else {})}
    return records.save_new(session_for("doctor"), "medication_order", values, patient_id=patient)


def test_a_tenfold_gentamicin_for_a_child_is_refused_whatever_the_reason(session_for, toddler):
    with pytest.raises(ValidationFailed) as refused:
        _write(session_for, toddler, 840.0, "ok")
    (error,) = [error for error in refused.value.errors if error.path == "dose"]
    assert "whatever the reason (180 mg for 12 kg, 15 mg/kg)" in error.message


def test_a_childs_gentamicin_up_to_15_mg_per_kg_is_asked_and_saved_with_the_reason(session_for, toddler):
    with pytest.raises(medication.DoseReasonNeeded):
        _write(session_for, toddler, 120.0)  # 10 mg/kg once a day, cystic fibrosis
    saved = _write(session_for, toddler, 120.0, "Cystic fibrosis, 10 mg/kg once daily (BNFc)")
    assert saved.data["dose"] == 120.0
    with pytest.raises(medication.DoseReasonNeeded):
        _write(session_for, toddler, 180.0)


@pytest.mark.parametrize(("route", "dose", "times"), [("NEB", 80.0, "08:00 20:00"), ("INH", 160.0, "08:00")])
def test_a_small_childs_nebulised_gentamicin_goes_by_no_weight(session_for, admit_to_paediatrics, route, dose, times):
    """BNFc's nebulised gentamicin in cystic fibrosis is 80 mg twice a day from 2 years whatever the
    child weighs: a light 10 kg 2-year-old's was refused as above 15 mg/kg (review S4 S1)."""
    small = admit_to_paediatrics("4", "2024-10-01", 10.0, "Lou")
    values = {**ORDER, "dose": dose, "route": route, "times": times}
    saved = records.save_new(session_for("doctor"), "medication_order", values, patient_id=small)
    assert saved.data["route"] == route


@pytest.mark.parametrize("route", ["IV", "IM"])
def test_a_neonates_tenfold_gentamicin_is_refused_whatever_the_reason(session_for, admit_to_paediatrics, route):
    """A 10-day-old of 3 kg: 8 mg/kg is asked and saved with its reason, 50 mg/kg refused above
    10 mg/kg, twice BNFc's neonatal 5 mg/kg (review S4 S5)."""
    baby = admit_to_paediatrics("5", "2026-11-18", 3.0, "Zoe")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor"), "medication_order", {**ORDER, "route": route, "dose": 150.0,
                                                                    medication.DOSE_REASON: "ok"}, patient_id=baby)
    (error,) = [error for error in refused.value.errors if error.path == "dose"]
    assert "whatever the reason (30 mg for 3 kg, 10 mg/kg)" in error.message
    with pytest.raises(medication.DoseReasonNeeded):
        records.save_new(session_for("doctor"), "medication_order", {**ORDER, "route": route, "dose": 24.0},
                         patient_id=baby)
    saved = records.save_new(session_for("doctor"), "medication_order", {
        **ORDER, "route": route, "dose": 24.0, medication.DOSE_REASON: "Neonatal unit's 8 mg/kg"}, patient_id=baby)
    assert saved.data["dose"] == 24.0

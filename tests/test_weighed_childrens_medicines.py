"""A child's order of a common children's ward medicine weighed by the child's kg (dose_limits.RULES,
BNFc): ondansetron 18 mg by vein, aciclovir 2400 mg, flucloxacillin 3000 mg, cefuroxime 6000 mg,
dexamethasone 18 mg and levetiracetam 3000 mg were saved unasked for a 12 kg 2-year-old, ten
times BNFc's doses (review R1 D3). Asked, the reason kept, never refused; a usual dose and an
adult's usual doses unasked; an eye drop or a cream not weighed."""

import pytest

from downtime.services import medication, records

BASE = {"frequency": "scheduled", "start_at": "2026-11-28T15:00+01:00", "review_at": "2026-11-30T12:00+01:00",
        "controlled": False, "high_alert": False}

# Drug, route, the times a day, R1's tenfold dose for 12 kg, a usual BNFc dose for 12 kg, what the
# question names (the child's most for one dose at 12 kg).
TENFOLD = [
    ("Ondansetron", "IV", "08:00", 18.0, 1.8, "2.4 mg"),
    ("Ondansetron", "PO", "08:00 20:00", 40.0, 4.0, "4.8 mg"),
    ("Dexamethasone", "PO", "08:00", 18.0, 1.8, "7.2 mg"),
    ("Aciclovir", "IV", "06:00 14:00 22:00", 2400.0, 270.0, "360 mg"),
    ("Aciclovir", "PO", "06:00 12:00 18:00 22:00", 4000.0, 400.0, "600 mg"),
    ("Flucloxacillin", "IV", "00:00 06:00 12:00 18:00", 3000.0, 600.0, "600 mg"),
    ("Cefuroxime", "IV", "06:00 14:00 22:00", 6000.0, 600.0, "720 mg"),
    ("Levetiracetam", "IV", "08:00 20:00", 3000.0, 300.0, "720 mg"),
]


def _order(session_for, patient: str, drug: str, route: str, times: str, mg: float, **more):
    return records.save_new(session_for("doctor"), "medication_order", {
        **BASE, "drug": drug, "dose": mg, "dose_unit": "mg", "route": route, "times": times, **more},
        patient_id=patient)


@pytest.fixture
def toddler(admit_to_paediatrics) -> str:
    """A 2-year-old of 12 kg on ward PED."""
    return admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")


@pytest.mark.parametrize(("drug", "route", "times", "tenfold", "usual", "most"), TENFOLD)
def test_a_tenfold_dose_is_asked_and_saved_with_its_reason(session_for, toddler, drug, route, times, tenfold,
                                                           usual, most):
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _order(session_for, toddler, drug, route, times, tenfold)
    assert most in str(asked.value) and "12 kg" in str(asked.value)
    reason = "Checked with the pharmacist"
    saved = _order(session_for, toddler, drug, route, times, tenfold, **{medication.DOSE_REASON: reason})
    assert saved.data[medication.DOSE_REASON] == reason


@pytest.mark.parametrize(("drug", "route", "times", "tenfold", "usual", "most"), TENFOLD)
def test_a_usual_bnfc_dose_is_not_asked(session_for, toddler, drug, route, times, tenfold, usual, most):
    assert _order(session_for, toddler, drug, route, times, usual).data["dose"] == usual


def test_a_neonate_s_aciclovir_goes_by_bnfc_s_neonatal_20_mg_per_kg(session_for, admit_to_paediatrics):
    neonate = admit_to_paediatrics("2", "2026-11-18", 3.4, "Tom")
    assert _order(session_for, neonate, "Aciclovir", "IV", "06:00 14:00 22:00", 68.0).data["dose"] == 68.0
    with pytest.raises(medication.DoseReasonNeeded, match="68 mg"):
        _order(session_for, neonate, "Aciclovir", "IV", "06:00 14:00 22:00", 100.0)


def test_an_eye_drop_or_a_cream_is_not_weighed(session_for, toddler):
    # Dexamethasone 0.1 % eye drops written by their mg, aciclovir 5 % cream by a dab's mg.
    assert _order(session_for, toddler, "Dexamethasone", "EYE", "08:00 20:00", 10.0,
                  side="bilateral").data["route"] == "EYE"
    assert _order(session_for, toddler, "Aciclovir", "TOP", "08:00 12:00 16:00 20:00 22:00", 50.0).data["dose"] == 50.0


@pytest.mark.parametrize(("drug", "route", "times", "mg"), [
    ("Ondansetron", "IV", "06:00 14:00 22:00", 8.0), ("Ondansetron", "PO", "08:00", 24.0),
    ("Dexamethasone", "PO", "08:00", 40.0), ("Aciclovir", "IV", "06:00 14:00 22:00", 800.0),
    ("Aciclovir", "PO", "06:00 10:00 14:00 18:00 22:00", 800.0),
    ("Flucloxacillin", "IV", "02:00 06:00 10:00 14:00 18:00 22:00", 2000.0),
    ("Cefuroxime", "IV", "00:00 06:00 12:00 18:00", 1500.0), ("Levetiracetam", "PO", "08:00 20:00", 1500.0)])
def test_an_adult_s_usual_doses_are_not_asked(session_for, admit_to_paediatrics, drug, route, times, mg):
    adult = admit_to_paediatrics("5", "1954-03-12", 80.0, "Anne")
    assert _order(session_for, adult, drug, route, times, mg).data["dose"] == mg


@pytest.mark.parametrize(("drug", "route", "mg"), [
    ("Aciclovir IV", "IV", 2400.0), ("Aciclovir 250 mg/10 mL infusion", "IV", 2400.0), ("Zovirax", "IV", 2400.0),
    ("Aciclovir 400 mg dispersible tablets", "PO", 4000.0), ("Dexamethasone oral solution", "PO", 18.0),
    ("Dexamethasone 2 mg tablets", "PO", 18.0), ("Dexamethasone 3.3 mg/mL injection", "IV", 18.0),
    ("Decadron", "PO", 18.0)])
def test_a_tenfold_dose_is_asked_whatever_is_added_to_the_name(session_for, toddler, drug, route, mg):
    """Aciclovir and dexamethasone were read only when written alone: with a strength, a form, a
    route or a brand, ten times the dose was saved unasked (review T2 D1)."""
    with pytest.raises(medication.DoseReasonNeeded, match="12 kg"):
        _order(session_for, toddler, drug, route, "08:00", mg)


def test_ondansetron_rounded_to_the_vial_is_not_asked(session_for, toddler):
    """BNFc's 150 micrograms/kg by vein is the dose, not its most: 2 mg for 12 kg (0.17 mg/kg), a
    dose rounded to the vial, was asked (review T2 D5)."""
    assert _order(session_for, toddler, "Ondansetron", "IV", "08:00", 2.0).data["dose"] == 2.0

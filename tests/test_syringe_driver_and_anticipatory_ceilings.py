"""A syringe driver's 24 hours and the anticipatory medicines of the last days of life, weighed
when the order is written (domain.order_units.CEILINGS, review R3 D1 and D2): morphine 1000 mg
SC by syringe driver, midazolam 600 mg, glycopyrronium 200 mg (for 200 micrograms) as required
were all saved with nothing asked. A judgement is asked, the prescriber's reason kept in the
order (a patient already on opioids, a dying patient's agitation); a slip of the unit refused."""

from datetime import datetime

import pytest

from downtime.domain.medication import flags_known
from downtime.domain.order_units import ABOVE_CEILING, ceiling_refusal
from downtime.services import medication, records
from downtime.services.errors import ValidationFailed

DRIVER = {"frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False,
          "high_alert": False, "route": "SC", "form": "infusion", "rate_ml_h": 0.7, "dose_unit": "mg"}
AS_REQUIRED = {"route": "SC", "frequency": "prn", "prn_indication": "Agitation", "min_interval_hours": 1,
               "max_doses_24h": 6, "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}


def _save(session, values, patient):
    """Saved with the flags its medicine must have ticked (a controlled drug, high-alert)."""
    flags = {flag: True for flag in flags_known(values["drug"], values["route"])}
    return records.save_new(session, "medication_order", {**values, **flags}, patient_id=patient)


@pytest.mark.parametrize("drug,usual,slip,said", [
    ("Morphine", 10.0, 100.0, "Morphine: 100 mg in 24 h by syringe driver is above a usual starting dose (30 mg in "
                              "24 h by this route) for a patient not already taking opioids"),
    ("Oxycodone", 10.0, 100.0, "Oxycodone: 100 mg in 24 h by syringe driver is above a usual starting dose (15 mg"),
    ("Diamorphine", 10.0, 100.0, "Diamorphine: 100 mg in 24 h by syringe driver is above a usual starting dose (20 mg"),
    ("Midazolam", 10.0, 600.0, "Midazolam: 600 mg in 24 h by syringe driver is above the usual most (60 mg in 24 h"),
    ("Haloperidol", 2.5, 50.0, "Haloperidol: 50 mg in 24 h by syringe driver is above the usual most (10 mg in 24 h"),
    ("Levomepromazine", 12.5, 2000.0, "Levomepromazine: 2000 mg in 24 h by syringe driver is above the usual most"),
    ("Hyoscine butylbromide in water for injections", 60.0, 600.0,
     "Hyoscine butylbromide: 600 mg in 24 h by syringe driver is above the usual most (120 mg in 24 h"),
    # Alfentanil was weighed by nothing (review T2 2): 1 mg in 24 h is morphine's 30 mg SC.
    ("Alfentanil", 1.0, 10.0, "Alfentanil: 10 mg in 24 h by syringe driver is above a usual starting dose (2 mg"),
])
def test_a_syringe_drivers_24_hours_above_a_starting_dose_is_asked_and_saved_with_the_reason(
        session_for, medication_ward, clock, drug, usual, slip, said):
    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    assert _save(doctor, {**DRIVER, "drug": drug, "dose": usual}, patient).data["dose"] == usual
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _save(doctor, {**DRIVER, "drug": drug, "dose": slip}, patient)
    assert str(asked.value).startswith(said), str(asked.value)
    assert asked.value.asked_on == "dose"
    reason = "On MST 60 mg twice a day: 120 mg oral morphine in 24 h, a third SC"
    saved = _save(doctor, {**DRIVER, "drug": drug, "dose": slip, medication.DOSE_REASON: reason}, patient)
    assert saved.data[medication.DOSE_REASON] == reason


def test_a_micrograms_medicines_syringe_driver_in_mg_is_refused_as_micrograms(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    _save(doctor, {**DRIVER, "drug": "Glycopyrronium", "dose": 1.2}, patient)
    with pytest.raises(ValidationFailed) as refused:
        _save(doctor, {**DRIVER, "drug": "Glycopyrronium bromide", "dose": 1200.0}, patient)
    assert [error.path for error in refused.value.errors] == ["dose_unit"]
    assert "at most 2400 micrograms in 24 h by syringe driver: 1200 mg is 500 times that. Did you mean 1200 " \
           "micrograms?" in str(refused.value)


def test_an_infusion_by_vein_or_down_a_tube_is_no_syringe_driver_and_not_weighed_as_one_dose():
    """An asked ceiling's infusion by any route but a syringe driver's (SC) leaves the bag alone
    (morphine by vein after an operation, or by mouth down a tube at a rate); a micrograms
    ceiling's figure for 24 hours holds for a syringe driver."""
    assert ceiling_refusal("Morphine", 100.0, "mg", "NG", infused=True) is None
    assert ceiling_refusal("Morphine", 100.0, "mg", "IV", infused=True) is None
    assert ceiling_refusal("Midazolam", 100.0, "mg", "IV", infused=True) is None
    assert ceiling_refusal("Glycopyrronium", 2.0, "mg", "SC", infused=True) is None
    assert ceiling_refusal("Glycopyrronium", 24.0, "mg", "SC").field == "dose_unit"


@pytest.mark.parametrize("drug,dose", [("Morphine 50 mg in 50 mL", 50.0), ("Midazolam 100 mg in 50 mL", 100.0)])
def test_a_syringe_by_vein_is_saved_unasked_as_before_the_syringe_drivers_ceilings(
        session_for, medication_ward, clock, drug, dose):
    """The ward's everyday 1 mg/mL morphine syringe by vein (after an operation, a PCA's
    background) was asked for a reason as a palliative syringe driver (review S5 S1)."""
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    saved = _save(session_for("doctor"), {**DRIVER, "drug": drug, "dose": dose, "route": "IV", "rate_ml_h": 2.0},
                  medication_ward[0])
    assert medication.DOSE_REASON not in saved.data


@pytest.mark.parametrize("slow,fast", [
    ({"drug": "Morphine 50 mg in 20 mL", "dose": 50.0}, {"drug": "Morphine 20 mg in 20 mL", "dose": 20.0}),
    ({"drug": "Morphine", "dose": 20.0, "dose_unit": "mL", "strength_mg": 50.0, "strength_ml": 20.0},
     {"drug": "Morphine", "dose": 20.0, "dose_unit": "mL", "strength_mg": 20.0, "strength_ml": 20.0}),
])
def test_a_syringe_driver_is_weighed_by_what_it_gives_in_24_hours_at_its_rate(
        session_for, medication_ward, clock, slow, fast):
    """A syringe driver of known strength, by its name or the order's, is weighed by its rate
    over 24 hours, not its content: 20 mg in 20 mL run at 5 mL/h (a fourfold slip of the rate,
    120 mg in 24 h) was saved unasked, and 50 mg in 20 mL at 0.1 mL/h (6 mg in 24 h) asked
    (review S5 S1)."""
    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    assert medication.DOSE_REASON not in _save(doctor, {**DRIVER, **slow, "rate_ml_h": 0.1}, patient).data
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _save(doctor, {**DRIVER, **fast, "rate_ml_h": 5.0}, patient)
    assert str(asked.value).startswith("Morphine: 120 mg in 24 h by syringe driver is above a usual starting dose "
                                       "(30 mg in 24 h"), str(asked.value)


def test_glycopyrronium_by_vein_reversing_a_blockade_is_saved_and_a_small_excess_is_no_slip_of_the_unit(
        session_for, medication_ward, clock):
    """BNF: 10-15 micrograms/kg by vein with neostigmine, 1.2 mg at 80 kg and 1.5 mg at 100 kg,
    was refused "Did you mean 1.2 micrograms?" (review S5 S6); above it by less than tenfold, the
    dose is refused as too much, not as a unit (1.2 micrograms is no dose)."""
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    assert _save(session_for("doctor"), {**AS_REQUIRED, "drug": "Glycopyrronium", "dose": 1.2, "dose_unit": "mg",
                                         "route": "IV"}, medication_ward[0])
    refused = ceiling_refusal("Glycopyrronium", 2.0, "mg", "IV")
    assert refused is not None and refused.field == "dose" and not refused.asked
    assert refused.said.template == ABOVE_CEILING[False]  # "above the most by this route (1500 micrograms)"
    assert ceiling_refusal("Glycopyrronium", 1.2, "mg", "SC").field == "dose"
    assert ceiling_refusal("Glycopyrronium", 20.0, "mg", "IV").field == "dose_unit"


@pytest.mark.parametrize("drug,dose,meant", [
    ("Glycopyrronium", 200.0, "Did you mean 200 micrograms?"),
    ("Hyoscine hydrobromide", 400.0, "Did you mean 400 micrograms?"),
    ("Alfentanil", 250.0, "Did you mean 250 micrograms?"),
])
def test_an_anticipatory_medicine_dosed_in_micrograms_written_in_mg_is_refused_on_its_unit(
        session_for, medication_ward, clock, drug, dose, meant):
    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    with pytest.raises(ValidationFailed) as refused:
        _save(doctor, {**AS_REQUIRED, "drug": drug, "dose": dose, "dose_unit": "mg"}, patient)
    assert [error.path for error in refused.value.errors] == ["dose_unit"]
    assert str(refused.value).endswith(meant), str(refused.value)
    assert _save(doctor, {**AS_REQUIRED, "drug": drug, "dose": dose, "dose_unit": "microgram"}, patient)


@pytest.mark.parametrize("drug,usual,slip,most", [
    ("Midazolam", 5.0, 50.0, 10), ("Haloperidol", 1.5, 50.0, 5), ("Levomepromazine", 6.25, 250.0, 25),
    ("Hyoscine butylbromide", 20.0, 200.0, 20),
])
def test_an_anticipatory_dose_many_times_the_usual_is_asked_and_saved_with_the_reason(
        session_for, medication_ward, clock, drug, usual, slip, most):
    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    _save(doctor, {**AS_REQUIRED, "drug": drug, "dose": usual, "dose_unit": "mg"}, patient)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _save(doctor, {**AS_REQUIRED, "drug": drug, "dose": slip, "dose_unit": "mg"}, patient)
    assert str(asked.value).startswith(
        f"{drug}: {slip:g} mg in one dose by this route is above the usual most ({most} mg, BNF)"), str(asked.value)
    reason = "Terminal agitation not settled on the usual dose; palliative team agree"
    assert _save(doctor, {**AS_REQUIRED, "drug": drug, "dose": slip, "dose_unit": "mg",
                          medication.DOSE_REASON: reason}, patient).data[medication.DOSE_REASON] == reason


def test_alfentanil_is_weighed_as_the_other_opioids_and_its_slip_of_the_unit_refused(
        session_for, medication_ward, clock):
    """Alfentanil, a micrograms opioid (100-500 micrograms SC for episodic pain, 0.5-1 mg in 24 h
    to start a syringe driver), was saved at 5 mg as required and 500 mg by syringe driver with
    nothing asked (review T2 2): above the usual dose asked, a thousandfold refused on the unit."""
    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    assert _save(doctor, {**AS_REQUIRED, "drug": "Alfentanil", "dose": 250.0, "dose_unit": "microgram"}, patient)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _save(doctor, {**AS_REQUIRED, "drug": "Alfentanil", "dose": 5.0, "dose_unit": "mg"}, patient)
    assert str(asked.value).startswith("Alfentanil: 5 mg in one dose by this route is above a usual first dose "
                                       "(0.5 mg)"), str(asked.value)
    with pytest.raises(ValidationFailed) as refused:
        _save(doctor, {**DRIVER, "drug": "Rapifen", "dose": 500.0}, patient)
    assert [error.path for error in refused.value.errors] == ["dose_unit"]
    assert str(refused.value).endswith("Did you mean 500 micrograms?"), str(refused.value)
    assert ceiling_refusal("Alfentanil", 500.0, "mg", "IM").field == "dose_unit"
    assert ceiling_refusal("Alfentanil", 500.0, "mg", "IV").asked  # an anaesthetist's 50 micrograms/kg, asked


def test_an_anticipatory_dose_in_grams_is_refused_on_its_unit():
    refused = ceiling_refusal("Midazolam", 5.0, "g", "SC")
    assert refused is not None and refused.field == "dose_unit" and not refused.asked

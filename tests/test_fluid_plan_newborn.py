"""A fluid restriction or target of a newborn or a preterm baby (forms/fluid_plan.yaml): a term
newborn of 3.4 kg on 60 mL/kg a day is given at least 204 mL in 24 hours, a 1.2 kg preterm's
restriction to 150 mL/kg is 180 mL. The volume started at 250 mL, and neither could be written on
the fluid chart's top line, for the patients whose fluids matter most."""

from datetime import date

import pytest

from downtime.services import census, fluid_balance, records, wards
from downtime.services.errors import ValidationFailed


@pytest.fixture
def newborn(session_for, admission_values) -> str:
    wards.add_ward(session_for("admin"), "NEO", "Neonates", ["1", "2"])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "given_names": "Bébé", "birth_date": "2026-11-27", "nir": None,
        "identity_status": "provisional", "weight_kg": 3.4, "height_cm": 50, "ward": "NEO", "bed": "1",
        "arrival_at": "2026-11-28T09:00+01:00"}).patient_id


def test_a_newborns_fluid_target_under_250_ml_is_written_and_measured(session_for, newborn):
    doctor = session_for("doctor")
    plan = {"decided_at": "2026-11-28T10:00+01:00", "kind": "target", "volume": 204, "decided_by": "Dr Benali"}
    records.save_new(doctor, "fluid_plan", plan, patient_id=newborn)
    found = fluid_balance.day_plan(doctor.db, newborn, date(2026, 11, 28), doctor.clock())
    chart = fluid_balance.day_chart(doctor.db, newborn, date(2026, 11, 28)).chart
    assert fluid_balance.plan_words(found, chart, "en")[0] == (
        "Fluid target: at least 204 mL in 24 hours (Dr Benali, 28/11 10:00): 0 mL in, 204 mL to go")
    with pytest.raises(ValidationFailed, match="must be at least 10"):
        records.save_new(doctor, "fluid_plan", {**plan, "volume": 9}, patient_id=newborn)


@pytest.mark.parametrize(("kg", "en", "fr"), [(0.853, "0.43", "0,43"), (3.4, "1.7", "1,7")])
def test_the_hourly_urine_of_a_baby_is_written_to_two_figures(session_for, admission_values, kg, en, fr):
    """A preterm baby of 0.853 kg: the chart at the cot read "0.5 mL/kg/h = 0 mL/h of urine", which
    any urine at all is above; a newborn of 3.4 kg "2 mL/h" for 1.7."""
    wards.add_ward(session_for("admin"), "NEO", "Neonates", ["1", "2"])
    nurse = session_for("nurse")
    baby = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Bébé", "birth_date": "2026-11-20", "nir": None,
        "identity_status": "provisional", "weight_kg": kg, "height_cm": None, "ward": "NEO", "bed": "1"}).patient_id
    summary = census.patient_with_location(nurse.db, nurse.forms, baby)
    assert fluid_balance.weight_words(nurse.db, nurse.forms, summary, "en").endswith(f"= {en} mL/h of urine")
    assert fluid_balance.weight_words(nurse.db, nurse.forms, summary, "fr").endswith(f"= {fr} mL/h d’urines")


def test_a_plan_under_250_ml_is_refused_for_an_adult_or_a_child_over_10_kg(session_for, patient, admission_values,
                                                                           newborn):
    """An adult's 1500 mL restriction typed 15 was saved without a word once the form took 10 mL
    for a newborn: every drink then read "OVER THE FLUID RESTRICTION"."""
    doctor = session_for("doctor")
    plan = {"decided_at": "2026-11-28T10:00+01:00", "kind": "restriction", "volume": 15, "decided_by": "Dr Benali"}
    with pytest.raises(ValidationFailed, match="15 mL in 24 hours is too little for a patient aged 16 or over or "
                                               r"weighing over 10 kg: at least 250 mL \(was a figure left out"):
        fluid_balance.check_plan(doctor, patient, plan)
    fluid_balance.check_plan(doctor, patient, {**plan, "volume": 250})
    fluid_balance.check_plan(doctor, patient, {**plan, "kind": "lifted", "volume": None})
    fluid_balance.check_plan(doctor, newborn, {**plan, "volume": 180})  # 3.4 kg, a day old
    toddler = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "given_names": "Lou", "birth_date": "2023-05-02", "nir": None, "ward": "NEO", "bed": "2",
        "identity_status": "provisional", "weight_kg": 13.0, "height_cm": 90}).patient_id
    with pytest.raises(ValidationFailed, match="at least 250 mL"):
        fluid_balance.check_plan(doctor, toddler, {**plan, "volume": 100})


def test_an_adults_restriction_typed_15_for_1500_is_refused_when_saved(session_for, patient):
    """The form's check on saving and amending (services.records), not only the service's."""
    doctor = session_for("doctor")
    plan = {"decided_at": "2026-11-28T10:00+01:00", "kind": "restriction", "volume": 1500, "decided_by": "Dr Benali"}
    with pytest.raises(ValidationFailed, match="at least 250 mL"):
        records.save_new(doctor, "fluid_plan", {**plan, "volume": 15}, patient_id=patient)
    saved = records.save_new(doctor, "fluid_plan", plan, patient_id=patient)
    with pytest.raises(ValidationFailed, match="at least 250 mL"):
        records.amend(doctor, saved.record_id, {**plan, "volume": 15}, "Typo")

"""A child's hypotonic maintenance fluid asked when prescribed, the reason kept: NICE NG29 1.3.3
starts maintenance on an isotonic crystalloid (sodium 131-154 mmol/L), and the NPSA's Patient
Safety Alert 22 (2007) withdrew sodium chloride 0.18% with glucose 4% from children's wards
after deaths from hyponatraemia. A neonate's glucose 10% is its usual maintenance, not asked.
Sodium chloride 0.18% and 0.45% with glucose, and glucose 5% alone, were saved unasked for a
2-year-old (review R1 D2), and so were the names wards write them by ("Dextrose saline",
"Glucose 5% NaCl 4 g/L", "Polyionique B46": review S4 S2, S3)."""

from datetime import datetime

import pytest

from downtime.domain.child_fluids import sodium_mmol_l, tonicity_refusal
from downtime.domain.medication import Frequency, Order
from downtime.services import medication, records

FLUID = {"dose": 500.0, "dose_unit": "mL", "route": "IV", "form": "infusion", "frequency": "scheduled",
         "times": "08:00", "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": False}
HYPOTONIC = ["Sodium chloride 0.18% and glucose 4%", "Sodium chloride 0.45% and glucose 5%"]
GLUCOSE_ALONE = ["Glucose 5%", "G5%", "G10 %"]
# As wards write them (review S4 S2, S3): each was saved unasked for a 2-year-old.
WARD_NAMES = ["Glucose 5% NaCl 4 g/L", "Dextrose saline", "Half-normal saline", "N/5 saline and dextrose 4%",
              "Plasma-Lyte 56 and glucose 5%", "Polyionique B46", "B66", "Bionolyte G5"]
REASON = "Renal team's plan, sodium 140 this morning"


@pytest.fixture
def ward(admit_to_paediatrics):
    """Ward PED: Noe, 2 years, 12 kg; Jade, 10 days, 3.4 kg."""
    return {"two": admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe"),
            "neonate": admit_to_paediatrics("4", "2026-11-18", 3.4, "Jade")}


def _write(session_for, patient: str, drug: str, rate: float, reason: str | None = None):
    values = {**FLUID, "drug": drug, "rate_ml_h": rate, **({medication.DOSE_REASON: reason} if reason else {})}
    return records.save_new(session_for("doctor"), "medication_order", values, patient_id=patient)


@pytest.mark.parametrize("drug", HYPOTONIC)
def test_a_childs_hypotonic_maintenance_is_asked_and_saved_with_the_reason(session_for, ward, drug):
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, ward["two"], drug, 44.0)
    assert asked.value.asked_on == "drug"
    assert str(asked.value).startswith(f"{drug} is hypotonic (")
    assert "NICE NG29 (1.3.3)" in str(asked.value) and "NPSA Patient Safety Alert 22, 2007" in str(asked.value)
    assert _write(session_for, ward["two"], drug, 44.0, REASON).data[medication.DOSE_REASON] == REASON


@pytest.mark.parametrize("drug", ["Aminophylline 600 mg in 50 mL glucose 5%", "Dopamine 36 mg in 50 mL glucose 5%",
                                  "Milrinone 1.5 mg in 50 mL glucose 5%"])
def test_a_drug_infusion_diluted_in_glucose_is_not_asked_as_maintenance(session_for, ward, drug):
    """A medicine in its glucose 5% carrier at 2 mL/h is no maintenance fluid: told to switch to
    sodium chloride 0.9% with glucose 5%, the prescriber was told wrong (review T2 D2)."""
    assert _write(session_for, ward["two"], drug, 2.0).data["drug"] == drug


@pytest.mark.parametrize("drug", ["Numeta G16%E", "Parenteral nutrition (glucose 12.5%)", "PN bag (glucose 10%)"])
def test_parenteral_nutrition_is_not_asked_as_a_maintenance_fluid(session_for, ward, drug):
    """Parenteral nutrition's sodium is set by the nutrition team by the mmol/kg a day: it is no
    maintenance fluid NG29 1.3.3 asks about, and Numeta G16%E was read as glucose (review T2 D3)."""
    assert _write(session_for, ward["two"], drug, 25.0).data["drug"] == drug


def test_a_16_year_olds_glucose_is_not_asked_under_ng29(session_for, admit_to_paediatrics):
    """NICE NG29 covers children and young people under 16; from 16 the adults' CG174 applies,
    whose maintenance is the 0.18% with glucose 4% it was asked about (review T2 D4)."""
    sixteen = admit_to_paediatrics("5", "2010-06-01", 60.0, "Lou")
    assert _write(session_for, sixteen, "Glucose 5%", 83.0).data["drug"] == "Glucose 5%"
    fifteen = admit_to_paediatrics("6", "2011-06-01", 60.0, "Max")
    with pytest.raises(medication.DoseReasonNeeded):
        _write(session_for, fifteen, "Glucose 5%", 83.0)


@pytest.mark.parametrize("drug", GLUCOSE_ALONE)
def test_a_childs_glucose_alone_is_asked_as_holding_no_sodium(session_for, ward, drug):
    """Glucose alone is hypertonic in the bag and free water once the glucose is used: it is said
    to hold no sodium, not to be hypotonic, which a pharmacist would question (review S4 S6)."""
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, ward["two"], drug, 44.0)
    assert str(asked.value).startswith(f"{drug} holds little or no sodium (free water once the glucose is used): ")


@pytest.mark.parametrize("drug", WARD_NAMES)
def test_a_childs_hypotonic_fluid_by_its_ward_name_is_asked(session_for, ward, drug):
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, ward["two"], drug, 44.0)
    assert str(asked.value).startswith(f"{drug} is hypotonic (sodium ")


def test_a_polyionic_solution_says_its_sodium_is_at_most_its_richest(session_for, ward):
    """The French polyionic solutions hold 34 to 68 mmol/L of sodium by their make (B27's NaCl
    2 g/L, B46's 3, Formule 1A G5's 4: ANSM's summaries): none is named by its own figure."""
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, ward["two"], "Polyionique B46", 44.0)
    assert str(asked.value).startswith("Polyionique B46 is hypotonic (sodium at most 68 mmol/L, a polyionic solution)")


def test_a_childs_glucose_10_percent_bolus_at_a_pump_rate_is_not_asked(session_for, ward):
    """2 mL/kg of glucose 10% for a hypoglycaemia, run in at a pump's 66 mL/h over 22 minutes, is a
    bolus, not a maintenance (review S4 S6)."""
    values = {**FLUID, "drug": "Glucose 10%", "dose": 24.0, "rate_ml_h": 66.0, "frequency": "once", "times": None}
    saved = records.save_new(session_for("doctor"), "medication_order", values, patient_id=ward["two"])
    assert saved.data["dose"] == 24.0


@pytest.mark.parametrize("drug", ["Sodium chloride 0.9% and glucose 5%", "Hartmann's solution", "Plasma-Lyte 148",
                                  "Glucose 5% NaCl 9 g/L"])
def test_a_childs_isotonic_maintenance_is_saved_unasked(session_for, ward, drug):
    assert _write(session_for, ward["two"], drug, 44.0).data["drug"] == drug


def test_a_neonates_glucose_10_percent_is_saved_unasked(session_for, ward):
    assert _write(session_for, ward["neonate"], "Glucose 10%", 14.0).data["drug"] == "Glucose 10%"


@pytest.mark.parametrize("drug, sodium", [("Sodium chloride 0.18% and glucose 4%", 31), ("Glucose 5%", 0),
                                          ("Glucose 5%, 0.45% sodium chloride", 77), ("Chlorure de sodium 0,9 %", 154),
                                          ("Potassium chloride 20 mmol in glucose 5%", 0), ("Ringer lactate", 131),
                                          ("Sodium chloride", None), ("Polyionique B46", 68),
                                          ("Glucose 5% NaCl 4 g/L", 68), ("Glucose 5% chlorure de sodium 4 g/L", 68),
                                          ("Glucosé 5% + NaCl 4 ‰ + KCl 2 g/L", 68), ("Glucose 10% NaCl 30 mmol/L", 30),
                                          ("Glucose 10% sodium 30 mmol/L", 30), ("N/5 saline 4% dextrose", 31),
                                          ("Dextrose 4% / saline 0.18%", 31), ("Glucose 2.5% + NaCl 0.45%", 77),
                                          ("0.45% sodium chloride / 2.5% glucose", 77), ("Glucose saline", 31),
                                          ("Dextrose-saline", 31), ("Half-normal saline", 77), ("N/2 saline", 77),
                                          ("Plasma-Lyte 56 and glucose 5%", 40), ("Plasma-Lyte 148", 131),
                                          ("Bionolyte G5", 68), ("G5%", 0), ("G 10%", 0),
                                          ("Glucose 5% NaCl", None), ("Glucose 5% sodium chloride", None),
                                          ("Potassium chloride 0.15% sodium chloride", None),
                                          ("4% glucose 0.18% saline", 31), ("4% glucose 0.18% NaCl", 31),
                                          ("5% glucose 0.45% sodium chloride", 77), ("5% dextrose 0.9% saline", 154)])
def test_the_sodium_a_fluids_name_says(drug, sodium):
    found = sodium_mmol_l(drug)
    assert (found if found is None else round(found)) == sodium


def test_who_is_asked():
    order = Order(record_id="o", patient_id="p", drug="Glucose 5%", dose=500.0, dose_unit="mL", route="IV",
                  form="infusion", rate_ml_h=44.0, frequency=Frequency.SCHEDULED,
                  start_at=datetime.fromisoformat(FLUID["start_at"]))
    asked = tonicity_refusal(order, 2, 800)
    assert asked is not None and asked.asked and asked.field == "drug"
    assert tonicity_refusal(order, 0, 28) is not None  # past the neonatal days
    assert tonicity_refusal(order, 0, 27) is None  # a neonate's
    assert tonicity_refusal(order, 18, 6600) is None  # an adult's
    assert tonicity_refusal(order, None, None) is None  # the age not known
    bolus = order.model_copy(update={"form": "injection", "rate_ml_h": None, "dose": 24.0})
    assert tonicity_refusal(bolus, 2, 800) is None  # a hypoglycaemia's bolus is no maintenance
    at_a_pump = bolus.model_copy(update={"form": "infusion", "rate_ml_h": 72.0})
    assert tonicity_refusal(at_a_pump, 2, 800) is None  # run in within the hour: a bolus still

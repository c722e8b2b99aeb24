"""An adult's intravenous fluid weighed by their weight (domain.adult_fluids; NICE CG174: routine
maintenance 25-30 mL/kg a day): above twice its most, asked of the prescriber and of a pump set
faster (tests/test_infusion_rates.py), never refused; the ward's 125 mL/h, 67 mL/kg a day for a
45 kg woman, was saved with nothing said."""

from datetime import datetime

import pytest

from downtime.domain.adult_fluids import rate_refusal
from downtime.domain.medication import Frequency, Order
from downtime.services import medication, records

SALINE = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "frequency": "scheduled", "times": "15:00", "start_at": "2026-11-28T15:00+01:00", "controlled": False,
          "high_alert": False}


def _fluid(drug: str, ml: float, rate: float) -> Order:
    return Order(record_id="o", patient_id="p", drug=drug, dose=ml, dose_unit="mL", route="IV", rate_ml_h=rate,
                 form="infusion", frequency=Frequency.ONCE, start_at=datetime.fromisoformat(SALINE["start_at"]))


@pytest.mark.parametrize("drug, ml, rate, age, kg, asked", [
    ("Sodium chloride 0.9%", 1000, 125, 84, 45.0, True),  # 67 mL/kg a day
    ("Sodium chloride 0.9%", 1000, 112, 84, 45.0, False),
    ("Glucose 5%", 1000, 125, 40, 61.5, False),
    ("Hartmann's solution", 1000, 200, 40, 61.5, True),
    ("Sodium chloride 0.9%", 1000, 125, 17, 45.0, False),  # a child's, weighed by NICE NG29 (child_fluids)
    ("Sodium chloride 0.9%", 1000, 125, None, 45.0, False),
    ("Sodium chloride 0.9%", 1000, 125, 84, None, False),  # not weighed: not asked for an adult
    ("Sodium chloride 0.9%", 500, 2000, 84, 45.0, False),  # a fluid challenge
    ("Glucose 5%", 100, 200, 84, 45.0, False),  # run in within the hour
    ("Vancomycin 1 g in sodium chloride 0.9% 250 mL", 250, 250, 84, 45.0, False),  # a medicine's own rate
])
def test_an_adults_fluid_is_asked_above_twice_the_maintenance_for_their_weight(drug, ml, rate, age, kg, asked):
    refusal = rate_refusal(_fluid(drug, ml, rate), rate, age, kg)
    assert (refusal is not None) is asked
    assert refusal is None or (refusal.field, refusal.asked) == ("rate_ml_h", True)


def test_the_prescriber_is_asked_and_the_reason_saves_it(session_for, medication_ward):
    """The ward's patient weighs 61.5 kg: 170 mL/h, 4.1 litres a day, is asked; 125 is not."""
    patient, doctor = medication_ward[0], session_for("doctor")
    assert records.save_new(doctor, "medication_order", {**SALINE, "rate_ml_h": 125.0}, patient_id=patient)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", {**SALINE, "rate_ml_h": 170.0}, patient_id=patient)
    assert asked.value.asked_on == "rate_ml_h" and str(asked.value).startswith(
        "170 mL/h is 4080 mL a day, above 2 times an adult's routine maintenance for 61.5 kg (153.8 mL/h: 25-30 mL/kg a "
        "day, NICE CG174; less for the old, the frail and in kidney or heart failure)")
    saved = records.save_new(doctor, "medication_order", {**SALINE, "rate_ml_h": 170.0,
                                                          medication.DOSE_REASON: "vomiting, losses replaced"},
                             patient_id=patient)
    assert saved.data[medication.DOSE_REASON] == "vomiting, losses replaced"


def _bag_said(nurse, fluid: str) -> list[str]:
    bag = {"outcome": "given", "given_at": "2026-11-28T15:00+01:00", "scheduled_for": "2026-11-28T15:00+01:00",
           "dose_given": 1000, "route": "IV"}
    return [warning.text("en") for warning in medication.check_dose(nurse, fluid, bag)
            if warning.template in (medication._FLUID_WEIGHED_AGAIN, medication._FLUID_ORDERED_UNWEIGHED)]


def _weigh(nurse, patient: str, kg: float) -> None:
    records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T14:30+01:00", "weight_kg": kg, "method": "measured",
                                       "weight_confirmed_kg": kg}, patient_id=patient)


def test_a_bag_hung_after_the_adult_is_weighed_lighter_is_asked_of_the_prescriber(session_for, medication_ward, clock):
    """125 mL/h ordered for her 61.5 kg; weighed 45 kg since, it is 67 mL/kg a day: the nurse
    asks before hanging the next bag. Weighed 50 kg, lighter too, 125 mL/h is within twice its
    maintenance: nothing said."""
    patient, doctor, nurse = medication_ward[0], session_for("doctor"), session_for("nurse")
    fluid = records.save_new(doctor, "medication_order", {**SALINE, "rate_ml_h": 125.0}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T15:05+01:00")
    assert _bag_said(nurse, fluid) == []
    _weigh(nurse, patient, 50.0)
    assert _bag_said(nurse, fluid) == []
    _weigh(nurse, patient, 45.0)
    assert _bag_said(nurse, fluid) == [
        "Sodium chloride 0.9%: the patient weighed 45 kg on 28/11 14:30, more than 10 % under the 61.5 kg it was "
        "ordered for: 125 mL/h is 3000 mL a day, above 2 times an adult's routine maintenance for 45 kg (112.5 mL/h: "
        "25-30 mL/kg a day, NICE CG174; less for the old, the frail and in kidney or heart failure). Ask the "
        "prescriber before hanging this bag."]


def test_a_bag_for_an_adult_ordered_unweighed_is_weighed_once_they_are(session_for, patient, admission_values, clock):
    """An adult is not asked to be weighed for a fluid: 125 mL/h ordered with no weight, then
    weighed 40 kg (75 mL/kg a day), was hung bag after bag with nothing said."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    unweighed = records.save_new(nurse, "admission", {
        **{key: value for key, value in admission_values.items() if key != "weight_kg"}, "nir": None, "bed": "13",
        "given_names": "Paule", "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    fluid = records.save_new(doctor, "medication_order", {**SALINE, "rate_ml_h": 125.0}, patient_id=unweighed).record_id
    clock.now = datetime.fromisoformat("2026-11-28T15:05+01:00")
    assert _bag_said(nurse, fluid) == []
    _weigh(nurse, unweighed, 40.0)
    (said,) = _bag_said(nurse, fluid)
    assert said.startswith("Sodium chloride 0.9%: ordered with no weight recorded; the patient weighed 40 kg on 28/11 "
                           "14:30: 125 mL/h is 3000 mL a day, above 2 times an adult's routine maintenance for 40 kg")

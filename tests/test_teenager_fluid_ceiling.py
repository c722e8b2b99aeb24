"""A young person's maintenance fluid has NICE NG29's daily ceiling (1.3.3: over 24 hours males
rarely need more than 2,500 mL and females more than 2,000 mL): Holliday-Segar's 4-2-1 alone gave a
15-year-old girl of 60 kg 100 mL/h, and an adult's 125 to 150 mL/h (3 to 3.6 L a day) for her was
saved unasked, the message quoting "the maintenance for 60 kg (100 mL/h)"."""

from datetime import datetime, time

import pytest

from downtime.domain.child_fluids import maintenance_ml_h, volume_refusal
from downtime.domain.medication import Frequency, Order
from downtime.i18n import Phrase
from downtime.services import medication, records

FLUID = {"drug": "Sodium chloride 0.9% and glucose 5%", "dose": 1000.0, "dose_unit": "mL", "route": "IV",
         "form": "infusion", "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
         "controlled": False, "high_alert": False}


@pytest.mark.parametrize(("kg", "sex", "ml_h"), [
    (60, "female", 2000 / 24), (60, "male", 100), (70, "male", 2500 / 24), (70, "unknown", 2500 / 24),
    (70, None, 2500 / 24),
    (40, "female", 80), (16, "male", 52)])
def test_the_maintenance_rate_stops_at_nice_ng29s_day_for_the_sex(kg, sex, ml_h):
    assert maintenance_ml_h(kg, sex) == pytest.approx(ml_h)


def test_a_teenage_girls_adult_rate_is_asked_on_her_capped_maintenance(session_for, admit_to_paediatrics):
    girl = admit_to_paediatrics("1", "2011-05-01", 60.0, "Teen")  # 15, female (admission_values)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(session_for("doctor"), "medication_order", {**FLUID, "rate_ml_h": 130}, patient_id=girl)
    # The 83.3 is NG29's day for a female, not 4-2-1's (100 mL/h for 60 kg), and is named so.
    assert ("130 mL/h is above 1.5 times the maintenance for 60 kg (83.3 mL/h, NICE NG29's most of 2000 mL a day for a "
            "female; 4-2-1 gives 100 mL/h)") in str(asked.value)
    records.save_new(session_for("doctor"), "medication_order", {**FLUID, "rate_ml_h": 125}, patient_id=girl)


def test_a_boys_capped_day_by_volume_names_nice_ng29s_day():
    """A 70 kg boy's maintenance is NG29's 2,500 mL a day, not 4-2-1's 110 mL/h (2,640 mL)."""
    bags = Order(record_id="o", patient_id="p", drug="Sodium chloride 0.9%", dose=1000, dose_unit="mL", route="IV",
                 frequency=Frequency.SCHEDULED, times=(time(0), time(6), time(12), time(18)),
                 start_at=datetime.fromisoformat(FLUID["start_at"]))
    asked = volume_refusal(bags, 16, 70.0, sex="male")
    assert str(Phrase(asked.said.template, {**asked.said.values, "field": "R"})).startswith(
        "As ordered, up to 4000 mL in 24 h, above 1.5 times the maintenance for 70 kg (3750 mL in 24 h, NICE NG29's "
        "most of 2500 mL a day for a male; 4-2-1 gives 110 mL/h)")

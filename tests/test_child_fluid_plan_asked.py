"""A child's fluid restriction or target above 1.5 times the maintenance for their weight (an
infant's, under 2 years or up to 10 kg, above 200 mL/kg a day, the most an infant feeds) is
asked, the doctor's reason kept in the plan (fluid_plan version 2; review s66 R1 D7): a 6.1 kg
baby's target of 150 mL typed 1500 (246 mL/kg a day) was saved unasked, and every day's close
then read "FLUID TARGET NOT REACHED: tell the doctor". The feeds' guard holds up to 2 years or
10 kg, whichever the child is: a 7 kg 13-month-old's 150 mL/kg a day was asked at the first
birthday (review T2 D7)."""

import pytest

from downtime.services import fluid_balance, records
from downtime.services.errors import ValidationFailed
from tests.test_child_fluid_plan_per_kg import PLAN


@pytest.mark.parametrize("kind", ["target", "restriction"])
def test_a_babys_plan_above_its_weights_is_asked_and_saved_with_the_reason(session_for, admit_to_paediatrics, kind):
    doctor = session_for("doctor")
    baby = admit_to_paediatrics("4", "2026-07-20", 6.1, "Lea")
    above = {**PLAN, "kind": kind, "volume": 1500}
    with pytest.raises(ValidationFailed) as asked:
        records.save_new(doctor, "fluid_plan", above, patient_id=baby)
    assert [(error.path, error.message) for error in asked.value.errors] == [("volume", (
        "1500 mL in 24 hours is 246 mL/kg a day for 6.1 kg, above 1220 mL (200 mL/kg a day, the most an infant feeds, "
        "up to 2 years or 10 kg: a guard against a typing slip, not a clinical ceiling): check it against the baby's "
        "weight (150 typed 1500?). If it is meant, give the reason in “Why a child's volume is above their weight's "
        "(kept in the record)”."))]
    saved = records.save_new(doctor, "fluid_plan", {**above, fluid_balance.PLAN_REASON: "Renal team: losses replaced"},
                             patient_id=baby)
    assert saved.data[fluid_balance.PLAN_REASON] == "Renal team: losses replaced"
    records.save_new(doctor, "fluid_plan", {**PLAN, "kind": kind, "volume": 1220}, patient_id=baby)


@pytest.mark.parametrize("born, kg, volume", [("2026-07-20", 6.1, 915), ("2026-07-20", 6.1, 1100),
                                              ("2026-01-28", 8.0, 1200), ("2026-11-07", 4.0, 640),
                                              ("2026-10-24", 4.0, 640),
                                              ("2025-10-20", 7.0, 1050), ("2025-03-20", 9.5, 1900)])
def test_an_infants_feeds_are_not_asked_as_a_slip(session_for, admit_to_paediatrics, born, kg, volume):
    """150 to 200 mL/kg a day is what a baby feeds (a plan counts feeds), on either side of day 28
    (S8 S1: a 4-month-old's 150 mL/kg a day read "150 typed 1500?")."""
    baby = admit_to_paediatrics("4", born, kg, "Lea")
    records.save_new(session_for("doctor"), "fluid_plan", {**PLAN, "volume": volume}, patient_id=baby)


def test_a_neonates_plan_is_weighed_by_the_infants_ceiling_in_french(session_for, admit_to_paediatrics):
    doctor = session_for("doctor", "fr")
    neonate = admit_to_paediatrics("5", "2026-11-18", 3.4, "Jade")
    records.save_new(doctor, "fluid_plan", {**PLAN, "volume": 510}, patient_id=neonate)  # 150 mL/kg a day
    with pytest.raises(ValidationFailed) as asked:
        records.save_new(doctor, "fluid_plan", {**PLAN, "volume": 5100}, patient_id=neonate)
    assert asked.value.errors[0].message.startswith(
        "5100 mL en 24 heures font 1500 mL/kg par jour pour 3,4 kg, plus de 680 mL (200 mL/kg par jour, le plus "
        "qu’un nourrisson boive, jusqu’à 2 ans ou 10 kg : un garde-fou contre une faute de frappe, pas un plafond "
        "clinique)")


def test_an_adults_plan_is_not_weighed(session_for, patient):
    records.save_new(session_for("doctor"), "fluid_plan", {**PLAN, "volume": 6000}, patient_id=patient)

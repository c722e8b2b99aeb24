"""A syringe driver dosed in mg states its syringe's strength in the order's strength boxes, and
is weighed by what its rate gives in 24 hours at it (review S5 S1): "Morphine 20 mg, 1 mg in 1
mL, at 5 mL/h SC" (120 mg in 24 h) was saved unasked, its strength dropped as not asked of an
infusion in mg, and 50 mg in 20 mL at 0.1 mL/h (6 mg in 24 h) asked."""

from datetime import datetime

import pytest

from downtime.services import medication, records

DRIVER = {"drug": "Morphine", "dose_unit": "mg", "route": "SC", "form": "infusion", "frequency": "once",
          "start_at": "2026-11-28T08:00+01:00", "controlled": True, "high_alert": True}


def test_a_syringe_driver_in_mg_is_weighed_at_the_strength_its_order_states(session_for, medication_ward, clock):
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    doctor, patient = session_for("doctor"), medication_ward[0]
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", {**DRIVER, "dose": 20.0, "strength_mg": 1.0, "strength_ml": 1.0,
                                                      "rate_ml_h": 5.0}, patient_id=patient)
    assert str(asked.value).startswith("Morphine: 120 mg in 24 h by syringe driver"), str(asked.value)
    saved = records.save_new(doctor, "medication_order", {**DRIVER, "dose": 50.0, "strength_mg": 50.0,
                                                          "strength_ml": 20.0, "rate_ml_h": 0.1}, patient_id=patient)
    assert (saved.data["strength_mg"], saved.data["strength_ml"]) == (50.0, 20.0)
    assert medication.DOSE_REASON not in saved.data

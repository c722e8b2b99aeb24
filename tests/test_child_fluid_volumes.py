"""A child's fluid by vein weighed when the order is written whatever form it is written in
(services.medication._as_dosed, domain.child_fluids): a bolus or bags by the mL with no rate by
their volume, and a child never weighed asked for the weight (review R8 #2)."""

import pytest

from downtime.services import medication, records

BASE = {"route": "IV", "dose_unit": "mL", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
        "high_alert": False}
REASON = "6 kg, weighed in ED at 07:30"


def _write(session_for, patient: str, **values):
    return records.save_new(session_for("doctor"), "medication_order", {**BASE, **values}, patient_id=patient)


def _asked(session_for, patient: str, **values) -> str:
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, patient, **values)
    saved = _write(session_for, patient, **values, **{medication.DOSE_REASON: REASON})
    assert saved.data[medication.DOSE_REASON] == REASON
    return str(asked.value)


@pytest.mark.parametrize("values, said", [
    ({"drug": "Sodium chloride 0.9%", "dose": 1200.0, "frequency": "once", "form": "injection"},
     "1200 mL in one dose is above 20 mL/kg for 6 kg (120 mL; a bolus is 10-20 mL/kg, NICE NG29)"),
    ({"drug": "Glucose 5% with sodium chloride 0.9%", "dose": 1000.0, "frequency": "scheduled", "times": "08:00 20:00"},
     "1000 mL in one dose is above 20 mL/kg for 6 kg (120 mL"),
    ({"drug": "Glucose 5% with sodium chloride 0.9%", "dose": 100.0, "frequency": "scheduled",
      "times": "00:00 02:00 04:00 06:00 08:00 10:00 12:00 14:00 16:00 18:00 20:00 22:00"},
     "As ordered, up to 1200 mL in 24 h, above 1.5 times the maintenance for 6 kg (864 mL in 24 h")])
def test_a_babys_fluid_by_the_ml_is_weighed_by_the_babys_weight(session_for, admit_to_paediatrics, values, said):
    """A 6 kg baby's 20 mL/kg bolus written 1200 mL, its day written as two litre bags with no rate
    (333 mL/kg), or as 100 mL every 2 hours (200 mL/kg), were saved unasked: only an infusion's rate
    was weighed."""
    baby = admit_to_paediatrics("6", "2026-06-01", 6.0, "Zoe")
    assert _asked(session_for, baby, **values).startswith(said)
    _write(session_for, baby, drug="Sodium chloride 0.9%", dose=120.0, frequency="once", form="injection")


def test_a_never_weighed_childs_fluid_asks_for_the_weight(session_for, admit_to_paediatrics):
    """A 2-year-old never weighed, on fluids alone, had saline and glucose at an adult's 125 mL/h
    with nothing said: no medicine with limits asked for her weight."""
    child = admit_to_paediatrics("8", "2024-10-01", None, "Jade")
    said = _asked(session_for, child, drug="Sodium chloride 0.9% with glucose 5%", dose=1000.0, form="infusion",
                  rate_ml_h=125.0, frequency="once")
    assert said.startswith("A child's fluid by vein is worked out from the child's weight (NICE NG29), and no weight "
                           "is recorded this stay: weigh the child, or give the weight the fluid is worked out from")

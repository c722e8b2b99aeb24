"""A child's medicine checked at the bedside by the child's age in months, whatever it was when
the order was written (services.medication.check_dose, domain.medication.beyond_dose_limits): an
order written before a mistyped birth year was corrected, or loaded from the EHR."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records

BASE = {"route": "PO", "frequency": "scheduled", "times": "06:00 14:00 22:00", "start_at": "2026-11-28T15:00+01:00",
        "controlled": False, "high_alert": False}


def test_oral_ibuprofen_to_a_6_week_old_is_questioned_at_the_bedside(session_for, admit_to_paediatrics, clock):
    """Written to a "1-year-old" of 5.2 kg (the birth year mistyped), her birth date corrected to a
    6-week-old's: the 22:00 dose was checked against nothing, where codeine's age is."""
    baby = admit_to_paediatrics("1", "2025-10-15", 5.2, "Lea")
    order = records.save_new(session_for("doctor"), "medication_order", {
        **BASE, "drug": "Ibuprofen", "dose": 30.0, "dose_unit": "mg"}, patient_id=baby).record_id
    nurse = session_for("nurse")
    admission = records.list_current(nurse.db, form_id="admission", patient_id=baby)[0]
    records.amend(nurse, admission.record_id, {**admission.data, "birth_date": "2026-10-15"}, "birth year mistyped")
    clock.now = datetime.fromisoformat("2026-11-28T22:05+01:00")
    values = {"outcome": "given", "given_at": "2026-11-28T22:00+01:00", "scheduled_for": "2026-11-28T22:00+01:00",
              "dose_given": 30.0, "route": "PO"}
    said = [warning.message for warning in medication.check_dose(nurse, order, values)
            if warning.check is Check.NOT_FOR_AGE]
    assert said == ["Ibuprofen by this route is not usually given to a baby under 3 months old or under 5 kg (ANSM, "
                    "BNFc): check with the prescriber that it is meant before giving it."]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, values)
    medication.record_dose(nurse, order, values, overrides={Check.NOT_FOR_AGE: "Neonatologist agreed, duct"})

"""A rate change settled at the records office is held to the patient's stay as a typed one."""

import pytest

from downtime.services import infusion_rates, records
from downtime.services.errors import ServiceError
from tests.test_infusion_rates import _at, syringe_running  # noqa: F401  (fixture)


def test_a_rate_change_settled_after_the_death_is_held_to_the_stay(syringe_running, clock, session_for):  # noqa: F811
    """A hold settled at the records office to another laptop's version of a rate change, moved
    to after the death: the form's `in_hospital` refused it before the stop after a death was let
    through the service's check, which a version settled or imported does not run."""
    from tests.conftest import death_answers

    nurse, patient, driver = syringe_running
    change = infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T11:00+01:00", "change": "rate",
                                                        "rate_ml_h": 0.5, "reason": "Agitated"},
                                        witness=("doctor", "2222"))
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    clock.now = _at("2026-11-28T16:00+01:00")
    chosen = change.model_copy(update={"data": {**change.data, "changed_at": "2026-11-28T14:00+01:00"},
                                       "occurred_at": _at("2026-11-28T14:00+01:00"), "version": 2})
    with pytest.raises(ServiceError, match="not in hospital at that time"), nurse.db.atomic():
        records.settle_to(nurse, change.record_id, change, chosen, "Kept the other laptop's version")

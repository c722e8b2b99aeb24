"""A new patch charted given after the death is no care at last offices (census.LAST_OFFICES):
its dose dialog warns "not admitted" as of any dose after the death, whatever it says of the
patch before it."""

from datetime import datetime

from downtime.services import medication, records
from tests.conftest import death_answers
from tests.test_cd_register_infusions_and_patches import APPLIED, WITNESS, patch  # noqa: F401 (the fixture)


def test_a_new_patch_given_after_the_death_is_warned_not_admitted(patch, session_for, clock,  # noqa: F811
                                                                   medication_ward):
    """Patch on at 08:00, death at 13:00: a new one charted given at 13:20, "previous patch
    removed", lost the warning a dose after the death gets, read as the old one's removal."""
    nurse, order_id = patch
    medication.record_dose(nurse, order_id, APPLIED, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True, "certificate_done": True},
                     patient_id=medication_ward[0])
    given = {**APPLIED, "given_at": "2026-11-28T13:20+01:00", "scheduled_for": "2026-11-28T13:20+01:00",
             "previous_patch": "removed", "site": "Right upper arm"}
    assert "NOT_ADMITTED" in [warning.check.name for warning in medication.check_dose(nurse, order_id, given)]

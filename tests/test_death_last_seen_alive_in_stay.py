"""A death found on a round: when the patient was last seen alive is held to the stay, as the
time of death is, and refused naming its field before the admission."""

from datetime import datetime

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_last_offices_care_after_death import _death, patient  # noqa: F401 (the fixture)


def test_last_seen_alive_before_the_admission_is_refused(session_for, patient, clock):  # noqa: F811
    """Admitted 28/11 09:00, found dead 29/11 03:10: "last seen alive 27/11 03:20", a day before
    the admission, was accepted and went to the clerk on the worklist's line."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T03:30+01:00")
    with pytest.raises(ValidationFailed) as before:
        records.save_new(nurse, "death", _death("2026-11-29T03:10+01:00", expected=True,
                                                last_seen_alive_at="2026-11-27T03:20+01:00"), patient_id=patient)
    assert [error.path for error in before.value.errors] == ["last_seen_alive_at"]
    assert "Last seen alive at" in before.value.errors[0].message
    records.save_new(nurse, "death", _death("2026-11-29T03:10+01:00", expected=True,
                                            last_seen_alive_at="2026-11-29T01:00+01:00"), patient_id=patient)

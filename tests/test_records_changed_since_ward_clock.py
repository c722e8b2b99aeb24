"""A record changed since it was opened says when, on the ward's clock: a version written at 13:00
on a laptop set to UTC (its time kept as 12:00+00:00), carried here, was said "by … at
28/11/2026 12:00", and the nurse looked for a change an hour before the one made."""

from datetime import datetime, timezone

import pytest

from downtime.services import records
from downtime.services.errors import ServiceError


def test_a_change_made_on_a_laptop_set_to_utc_is_said_on_the_wards_clock(session_for, admission_values, clock):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    ward_now = clock.now
    clock.now = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)  # 13:00 at the ward
    records.amend(nurse, first.record_id, {**first.data, "bed": "14"}, "moved to bed 14", based_on=1)
    clock.now = ward_now
    with pytest.raises(ServiceError, match=r"\(version 2, by .* at 28/11/2026 13:00\)"):
        records.amend(nurse, first.record_id, {**first.data, "bed": "15"}, "bed", based_on=1)

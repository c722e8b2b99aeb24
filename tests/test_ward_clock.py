"""The printed charts' times on the ward's clock (pdf.page.ward_clock): the hour the clocks go
back printed twice with its offsets, as the app asks it typed."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from downtime.pdf.page import ward_clock

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize("stored, printed", [
    ("2026-10-25T02:30+02:00", "25/10 02:30 +02:00"),  # the first 02:30, summer time
    ("2026-10-25T02:30+01:00", "25/10 02:30 +01:00"),  # an hour later, winter time
    ("2026-10-25T00:30+00:00", "25/10 02:30 +02:00"),  # the first one, stored at UTC by another laptop
    ("2026-10-25T03:30+01:00", "25/10 03:30"),         # once only: as ever
    ("2026-03-29T03:30+02:00", "29/03 03:30"),         # the night the clocks go forward
    ("2026-11-28T13:10+00:00", "28/11 14:10"),         # a time stored at UTC, on the ward's clock
])
def test_a_time_the_ward_s_clock_reads_twice_is_printed_with_its_offset(stored, printed):
    assert ward_clock(datetime.fromisoformat(stored), PARIS) == printed


def test_a_ward_clock_without_summer_time_prints_no_offset():
    assert ward_clock(datetime.fromisoformat("2026-10-25T02:30+02:00"), timezone.utc, "%d/%m/%Y %H:%M") == "25/10/2026 00:30"

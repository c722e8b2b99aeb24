"""The times shown on the ward's clock (domain.clock.ward_time, and pdf.page.ward_clock for the
prints): the hour the clocks go back shown twice with its offsets, as the app asks it typed."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from downtime.domain.clock import said_twice, ward_time
from downtime.services import records, repositioning
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
@pytest.mark.parametrize("said", [ward_time, ward_clock], ids=["screen", "print"])
def test_a_time_the_ward_s_clock_reads_twice_is_shown_with_its_offset(stored, printed, said):
    assert said(datetime.fromisoformat(stored), PARIS) == printed


def test_a_day_alone_in_the_hour_the_clocks_repeat_says_no_offset():
    """A wound measured at the first 02:30 read "on 25/10 +02:00": an offset on a day."""
    assert ward_time(datetime.fromisoformat("2026-10-25T02:30+02:00"), PARIS, "%d/%m") == "25/10"


def test_no_zone_given_is_the_laptop_s_own_with_its_rules():
    """The laptop set to Europe/Paris (tests/conftest.py): read on the fixed offset of the moment,
    neither 02:30 said which."""
    assert [ward_time(datetime.fromisoformat(stored), None) for stored in (
        "2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00", "2026-11-28T13:10+00:00")] == [
        "25/10 02:30 +02:00", "25/10 02:30 +01:00", "28/11 14:10"]


@pytest.mark.parametrize("stored, said", [
    ("2026-10-25T02:30+02:00", " +02:00"),  # on the ward's clock, the first 02:30
    ("2026-10-25T02:30+01:00", " +01:00"),  # the second
    ("2026-10-25T00:30+00:00", ""),         # the first 02:30 written by a laptop set to UTC: its own 00:30
    ("2026-10-25T01:30+00:00", ""),         # the second: never 01:30 said as +01:00 or +02:00
])
def test_a_time_of_day_written_on_its_own_clock_says_the_ward_s_offset_only_when_that_clock_is_the_ward_s(
        stored, said):
    """A MAR cell writes a dose's time on the clock it was recorded on: "HL 00:30 +02:00" was 22:30
    UTC, two hours before the dose given at 00:30 UTC."""
    assert said_twice(datetime.fromisoformat(stored), PARIS) == said


def test_a_ward_clock_without_summer_time_prints_no_offset():
    assert ward_clock(datetime.fromisoformat("2026-10-25T02:30+02:00"), timezone.utc, "%d/%m/%Y %H:%M") == "25/10/2026 00:30"


def test_a_turn_overdue_since_the_first_02_30_says_which_02_30_the_night_the_clocks_go_back(
        patient_on_the_clock, session_for, clock):
    """Due at 02:30 summer time, read at 02:10 winter time: "since 25/10 02:30" alone read as due in
    20 minutes, when it was 40 minutes overdue."""
    patient = patient_on_the_clock(datetime(2026, 10, 24, 20, 0), "2026-10-24T19:00+02:00")
    nurse = session_for("nurse")
    clock.now = datetime(2026, 10, 25, 0, 35, tzinfo=PARIS)
    records.save_new(nurse, "repositioning", {"turned_at": "2026-10-25T00:30+02:00", "position": "left",
                                              "skin": "intact", "next_in": "2"}, patient_id=patient)
    clock.now = datetime(2026, 10, 25, 2, 10, tzinfo=PARIS, fold=1)
    [turn] = repositioning.chart(nurse.db, patient)
    assert turn.asks(clock.now, "en") == ["REPOSITIONING OVERDUE since 25/10 02:30 +02:00"]

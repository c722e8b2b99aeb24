"""The one rule matching a dose recorded for a time to the order's time on the chart (see
tests/test_dose_times.py for the chart, the round and the checks that use it)."""

from datetime import datetime

from downtime.domain.medication import charted_slots, same_dose_time


def test_a_recorded_time_goes_to_the_slot_of_its_clock_time_before_that_of_its_moment():
    paris_eight, paris_nine = (datetime.fromisoformat(f"2026-11-28T0{hour}:00+01:00") for hour in (8, 9))
    utc_eight = datetime.fromisoformat("2026-11-28T08:00+00:00")  # the moment of 09:00 in Paris
    odd = datetime.fromisoformat("2026-11-28T10:30+00:00")
    assert charted_slots([paris_eight, paris_nine], [utc_eight, odd]) == {utc_eight: paris_eight, odd: odd}
    assert same_dose_time(utc_eight, paris_eight) and same_dose_time(utc_eight, paris_nine)
    assert same_dose_time(None, None) and not same_dose_time(None, paris_eight)

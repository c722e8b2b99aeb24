"""The laptop's clock keeps its time zone's rules, so a month's outage across a change of
summer time puts each day's dose slots at that day's offset."""

from datetime import datetime, timedelta

import tzlocal

from downtime.domain.clock import local_now


def test_the_laptop_clock_carries_summer_and_winter_time(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Paris")
    tzlocal.reload_localzone()
    try:
        zone = local_now().tzinfo
        assert zone is not None
        assert zone.utcoffset(datetime(2026, 10, 24, 8, 0)) == timedelta(hours=2)
        assert zone.utcoffset(datetime(2026, 10, 26, 8, 0)) == timedelta(hours=1)
        assert abs(local_now() - datetime.now().astimezone()) < timedelta(seconds=5)
    finally:
        monkeypatch.undo()
        tzlocal.reload_localzone()

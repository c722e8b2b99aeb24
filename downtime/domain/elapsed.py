"""Time as a watch measures it, for the checks that count hours gone by: a medicine's daily
maximum and interval, the doses on hold of the last day, a laptop's hours unused.

The ward's clock (`clock.local_now`) carries its zone's rules, and Python adds, subtracts and
compares two times of one such zone on the wall clock: 24 hours before 10:00 the day the clocks
go forward is 10:00 the day before, 23 hours gone by, and the hour the night the clocks go back
repeats is ordered as if it came once. These work at UTC and give the time back on the clock it
came with, so what they find reads as the ward reads the time. A dose's time of day ("08:00
every day"), a chart's day and midnight are the wall clock's, and are not counted here."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


def instant(moment: datetime) -> datetime:
    """The moment at UTC: what times of one zone are ordered and compared by."""
    return moment.astimezone(timezone.utc)


def later(moment: datetime, span: timedelta) -> datetime:
    """The moment `span` of real time after `moment`, on `moment`'s clock."""
    return (instant(moment) + span).astimezone(moment.tzinfo)


def earlier(moment: datetime, span: timedelta) -> datetime:
    """The moment `span` of real time before `moment`, on `moment`'s clock."""
    return later(moment, -span)


def between(start: datetime, end: datetime) -> timedelta:
    """The real time from `start` to `end` (negative when `end` comes first)."""
    return instant(end) - instant(start)


def reached(due_at: datetime | None, at: datetime) -> bool:
    """Whether what falls due at `due_at` is due at `at` (overdue from that very moment); None
    when nothing is due (a healed wound, a device taken out)."""
    return due_at is not None and instant(due_at) <= instant(at)

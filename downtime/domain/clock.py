"""The laptop's clock, kept apart from the record models so the sign-in window can tell the
time without loading them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any


def local_now() -> datetime:
    """The laptop's time in its time zone, rules included (Europe/Paris, not just +01:00).

    A month's outage can span a change of summer time. A fixed offset taken from today's clock
    would put the dose slots of every day before the change an hour off, and the doses given
    then would show as not given on the MAR. tzlocal is imported on the first call: it is 10 ms
    of the sign-in window's cold start, and nothing asks the time before someone signs in."""
    from tzlocal import get_localzone

    return datetime.now(get_localzone())


DATED = "%d/%m/%Y %H:%M"
"""A time with its year, for what is read days later (a letter to the next team): "28/11/2026 13:10"."""


def ward_time(moment: datetime, zone: tzinfo | None, form: str = "%d/%m %H:%M") -> str:
    """"28/11 13:10" on the ward's clock (`zone`, the clock's now's; None: the laptop's own zone,
    rules included, which is the ward's), whichever offset the moment was stored with: a record
    typed on a laptop set to UTC, merged here, read an hour off.

    Where the clock reads that time twice, the night the clocks go back, the offset follows
    ("25/10 02:30 +02:00", an hour later "25/10 02:30 +01:00"), as the app asks it typed: a turn
    due at the first 02:30 read "overdue since 25/10 02:30" at 02:10 winter time, as though due in
    20 minutes, and two doses an hour apart printed as one minute. Every time shown goes through
    here, screens and prints alike, so none of them says it otherwise. A day alone (`form` with
    no hour or minute) has no offset to say: a wound measured in that hour read "on 25/10 +02:00"."""
    local = moment.astimezone(ward_zone(zone))
    said = local.strftime(form)
    return said + said_twice(local, zone) if "%H" in form or "%M" in form else said


TOLERANCE = timedelta(minutes=5)
"""Laptops' clocks drift, and one corrected by a minute or two is no reset."""

SLOT_AHEAD = timedelta(hours=6)
"""How long before its slot a dose may have been given, read of a time typed alone: more than
that before it, the time is the next day's, the dose given late. A dose is given late far more
often, and later, than early: the once-daily 08:00 dose given after theatre at 20:30 is 12 hours
and a half late, not 11 and a half early."""

TYPED_AHEAD = timedelta(hours=2)
"""How far after now a time typed alone is still today's, refused as in the future: a watch a
few minutes fast, the nurse typing the time of the dose about to be given, an hour misread. Read
as yesterday's, 22 hours before, it was saved unsaid, a day early. Further ahead it is the day
before's: the dose at 23:45 typed in at 00:10, last night's 22:00 as required typed at 07:15.
Two hours: a dialog is typed in at the bedside, a round or a paper night just after it, so a
dose given the day before two hours later than now is one typed in a day late."""

_DAY = timedelta(days=1)


def given_day(at: time, now: datetime, slot: datetime | None = None) -> date:
    """The day of a time typed alone for a dose given (`slot`: the time it was due, None for an
    as-required one), on `now`'s clock; `at` with the offset typed after it, if any. A dose given
    is never after now, but a time less than `TYPED_AHEAD` after now is today's, refused as in the
    future rather than saved as yesterday's unsaid (a watch fast, the time about to be given); of
    the times before that, the first at most `SLOT_AHEAD` before the slot, whatever the day it is
    typed in (the 22:00 dose given at 00:10 the next day's, the 00:00 one given at 23:45 the
    evening before's, a night's paper typed in days later the night's); else, and as required,
    the latest. Read nearest now, the as-required dose of 02:00 typed in at 16:00 was tomorrow's,
    refused; nearest the slot, the 08:00 dose given at 20:30 was the evening before's. Instants
    are compared, not wall times: the night the clocks go back, the first 02:45 typed at the
    second 02:30 (with its offset, or plain and then asked which) is tonight's, not the night
    before's."""
    zone = now.tzinfo

    def on(day: date) -> datetime:
        """`at` on `day`, as an instant: with its offset typed, or the first pass of the ward's."""
        return datetime.combine(day, at) if at.tzinfo is not None else datetime.combine(day, at, zone)

    def utc(moment: datetime) -> datetime:
        # Aware times of one zone compare by their wall clock, fold unseen: in UTC, by instant.
        return moment.astimezone(timezone.utc)

    # The days either side too: an offset typed (-12:00 to +14:00) moves `at` up to a day off
    # `now`'s wall clock, refused after as one the ward's clock never had, not unread here.
    ahead = utc(now) + TYPED_AHEAD
    last = ahead.astimezone(zone).date()
    latest = next(day for day in (last + _DAY, last, last - _DAY, last - 2 * _DAY) if utc(on(day)) < ahead)
    if slot is not None:
        earliest = utc(slot) - SLOT_AHEAD
        since = earliest.astimezone(zone).date()
        first = next(day for day in (since - _DAY, since, since + _DAY, since + 2 * _DAY) if utc(on(day)) >= earliest)
        if utc(on(first)) <= utc(on(latest)):
            return first
    return latest


def said_twice(moment: datetime, zone: tzinfo | None) -> str:
    """" +02:00" (its offset, with the space before it) after `moment`'s time of day written on its
    own clock, when that clock is the ward's (`zone`; None: the laptop's) and the ward's clock reads
    that time twice, the night the clocks go back; else nothing. On its own for a chart cell,
    which writes its time of day without strftime (medication.clock_text: a MAR pack writes
    thousands), and says it by `ward_time`'s rule all the same. A dose written on another offset
    (a laptop set to UTC: 00:30+00:00 for the first 02:30) keeps its own clock's time in its box
    and says no offset: the ward's beside it read "HL 00:30 +02:00", two hours before the dose."""
    local = moment.astimezone(ward_zone(zone))
    if moment.utcoffset() != local.utcoffset() or local.replace(fold=1 - local.fold).utcoffset() == local.utcoffset():
        return ""
    return f" {local.isoformat(timespec='minutes')[-6:]}"


def ward_zone(zone: tzinfo | None) -> tzinfo:
    """The ward's clock's zone, the laptop's own when none is given: its rules, not the fixed
    offset `astimezone(None)` takes from today's, which knows no hour read twice (the records
    office's worklist read "typed 02:50" for both 02:50s the night the clocks go back)."""
    if zone is not None:
        return zone
    from tzlocal import get_localzone  # as local_now, on the first call

    return get_localzone()


def ward_day(moment: datetime) -> date:
    """A moment's day on the ward's clock (`ward_zone`), whatever offset it was stored with: a set
    typed at 00:30 on a child's birthday on a laptop set to UTC, merged here, was read as taken the
    day before, under the band and the score of the year before."""
    return moment.astimezone(ward_zone(None)).date()


def answered_at(data: Mapping[str, Any], field_id: str) -> datetime | None:
    """A form's date-and-time answer as the moment it holds, None while it is unanswered: each
    form's rules read their times so (the missing-patient record's and the swallow screen's each
    had their own copy)."""
    value = data.get(field_id)
    return datetime.fromisoformat(value) if value else None

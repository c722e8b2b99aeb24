"""The laptop's clock, kept apart from the record models so the sign-in window can tell the
time without loading them."""

from __future__ import annotations

from datetime import datetime, tzinfo


def local_now() -> datetime:
    """The laptop's time in its time zone, rules included (Europe/Paris, not just +01:00).

    A month's outage can span a change of summer time. A fixed offset taken from today's clock
    would put the dose slots of every day before the change an hour off, and the doses given
    then would show as not given on the MAR. tzlocal is imported on the first call: it is 10 ms
    of the sign-in window's cold start, and nothing asks the time before someone signs in."""
    from tzlocal import get_localzone

    return datetime.now(get_localzone())


def ward_time(moment: datetime, zone: tzinfo | None) -> str:
    """"28/11 13:10" on the ward's clock (`zone`, the clock's now's), whichever offset the moment
    was stored with: a record typed on a laptop set to UTC, merged here, read an hour off."""
    return f"{moment.astimezone(zone):%d/%m %H:%M}"

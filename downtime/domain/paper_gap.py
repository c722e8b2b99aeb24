"""When doses may be on paper: a laptop nothing was done on for hours while doses fell due was off,
flat or left aside, and the ward gave those doses on the printed chart. Back on the laptop, the
round read them OVERDUE and offered them again: a double dose for whoever trusted the screen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from downtime.domain import elapsed

LEAST_SILENCE = timedelta(hours=2)
"""A stretch this long with nothing done on the laptop is the laptop not used, not a quiet spell of
a round: a ward records something (a dose, a set of observations, a note), signs in, or prints well
within two hours while it is in use."""


@dataclass(frozen=True)
class Silence:
    """A stretch this laptop was not used in: from the last thing done on it before (a record
    written, a sign-in, a print) to the first after (or to now, while it lasts)."""

    start: datetime
    end: datetime
    written: str | None = None
    """Not the laptop unused but an order of this medicine typed in at `end` that started at
    `start`: a paper order copied onto the laptop, or one written after its course began. Its
    doses due before it was written, its very first among them, were given, if at all, from the
    paper chart: the round read them OVERDUE, to give again."""
    ward: str | None = None
    """Not the laptop unused but the patient away from it on `ward`, charted on another laptop,
    from their move there (`start`) to their move back (`end`): the doses that ward gave are not
    here, and back on this ward the round offered a once-daily dose it had given that morning."""

    def fell_due(self, slot: datetime, late_after: timedelta) -> bool:
        """Whether a dose's time came in it and its lateness threshold passed before the laptop
        wrote anything: one given at its time then was given on paper, or not at all. A dose due
        just before the laptop is used again is not one: that is the round the nurse is on. Away
        on another ward, any dose due until the move back: that ward may have given it early."""
        if self.ward is not None:
            return elapsed.between(self.start, slot) >= timedelta(0) and elapsed.between(slot, self.end) >= timedelta(0)
        since = elapsed.between(self.start, slot)
        return (since >= timedelta(0) if self.written else since > timedelta(0)) \
            and elapsed.between(slot, self.end) >= late_after


class Moments(Protocol):
    """The moments this laptop was used, up to now, found by seeking rather than listed: a records
    office's import is a million audit entries of one moment."""

    def latest_before(self, moment: datetime) -> datetime | None:
        """The latest moment of use before `moment`."""

    def first_after(self, moment: datetime) -> datetime | None:
        """The earliest moment of use after `moment`."""


def silences(moments: Moments, since: datetime, now: datetime) -> list[Silence]:
    """The stretches of at least `LEAST_SILENCE` between moments of use (and from the last to
    now) that ended from `since` on, latest first. Two seeks per `LEAST_SILENCE` of use at most,
    however many moments it holds: from each moment, the latest one less than `LEAST_SILENCE`
    after it is the next to look from; none, and a silence starts there. A moment stamped after
    `now` (the laptop's clock set back since) is not one of `moments`: it made the hours from the
    moment before it up to that future one a silence, and every dose due in them "not recorded".
    The hours are real ones (see `elapsed`): on the ward's clock, the night the clocks go
    forward, the 70 minutes from a dose at 01:00 to the next at 03:10 read as two hours unused."""
    found = []
    # The last moment before `since`, or, none, the first at it or after.
    at = moments.latest_before(since) or moments.first_after(elapsed.earlier(since, LEAST_SILENCE))
    while at is not None:
        busy = moments.latest_before(elapsed.later(at, LEAST_SILENCE))
        if busy is not None and elapsed.between(at, busy) > timedelta(0):
            at = busy
            continue
        following = moments.first_after(at)
        if elapsed.between(at, following or now) >= LEAST_SILENCE:
            found.append(Silence(at, following or now))
        at = following
    return found[::-1]


def on_paper(found: Sequence[Silence], unrecorded: Iterable[tuple[str, datetime]], last_recorded: Mapping[str, datetime],
             late_after: timedelta, written: Mapping[str, Silence],
             away: Mapping[str, Sequence[Silence]]) -> dict[tuple[str, datetime], Silence]:
    """Of the doses nothing is recorded for (`unrecorded`: order id, time due), those that fell due
    in one of these silences, each with its silence: every silence, not the latest alone (a laptop
    off at night and again in the afternoon had the night's doses read OVERDUE, to give again).
    `last_recorded`: when a dose of each order was last written (on any laptop). A dose of the order
    written since a silence ended means the nurse has been through that order's paper: its other
    doses of that silence are no longer said to be on paper (they are missed or overdue, as any).
    `written`: the orders typed in after they started, each with its stretch (see `Silence.written`),
    a stretch of that order's alone; one of the laptop's that holds a dose too is the one said.
    `away`: each order's patient's stretches on another laptop's ward (see `Silence.ward`), said
    before any other: where the patient was says where to look."""
    return {(order_id, slot): silence for order_id, slot in unrecorded
            for silence in (*((written[order_id],) if order_id in written else ()), *found, *away.get(order_id, ()))
            if silence.fell_due(slot, late_after)
            and not (order_id in last_recorded and elapsed.between(silence.end, last_recorded[order_id]) >= timedelta(0))}

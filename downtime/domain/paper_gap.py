"""When doses may be on paper: a laptop that wrote nothing for hours while doses fell due was off,
flat or left aside, and the ward gave those doses on the printed chart. Back on the laptop, the
round read them OVERDUE and offered them again: a double dose for whoever trusted the screen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

LEAST_SILENCE = timedelta(hours=2)
"""A stretch with no record this long is the laptop not used, not a quiet spell of a round: a ward
records something (a dose, a set of observations, a note) well within two hours while it is in use."""


@dataclass(frozen=True)
class Silence:
    """A stretch this laptop wrote no record in: from its last record before to its first after
    (or to now, while it lasts)."""

    start: datetime
    end: datetime

    def fell_due(self, slot: datetime, late_after: timedelta) -> bool:
        """Whether a dose's time came in it and its lateness threshold passed before the laptop
        wrote anything: one given at its time then was given on paper, or not at all. A dose due
        just before the laptop is used again is not one: that is the round the nurse is on."""
        return self.start < slot and slot + late_after <= self.end


def silences(writes: Sequence[datetime], now: datetime) -> list[Silence]:
    """The stretches of at least `LEAST_SILENCE` between the moments this laptop wrote records
    (and from the last to now), latest first. A record stamped after `now` (the laptop's clock
    set back since) is left out: it made the hours from the last record before it up to that
    future moment one silence, and every dose due in them read "not recorded"."""
    moments = [*sorted(moment for moment in writes if moment <= now), now]
    return [Silence(start, end) for start, end in zip(moments, moments[1:]) if end - start >= LEAST_SILENCE][::-1]


def on_paper(found: Sequence[Silence], unrecorded: Iterable[tuple[str, datetime]], last_recorded: Mapping[str, datetime],
             late_after: timedelta) -> dict[tuple[str, datetime], Silence]:
    """Of the doses nothing is recorded for (`unrecorded`: order id, time due), those that fell due
    in one of these silences, each with its silence: every silence, not the latest alone (a laptop
    off at night and again in the afternoon had the night's doses read OVERDUE, to give again).
    `last_recorded`: when a dose of each order was last written (on any laptop). A dose of the order
    written since a silence ended means the nurse has been through that order's paper: its other
    doses of that silence are no longer said to be on paper (they are missed or overdue, as any)."""
    return {(order_id, slot): silence for order_id, slot in unrecorded for silence in found
            if silence.fell_due(slot, late_after)
            and not (order_id in last_recorded and last_recorded[order_id] >= silence.end)}

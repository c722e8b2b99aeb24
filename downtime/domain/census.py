"""Where each patient is, replayed from their movement records.

The census is never stored: it is computed from admission, transfer, discharge, death and
transfer-out records, so a late entry or an amended time puts the patient where they really
were, and the census at any past moment can be rebuilt for a visitor, an audit or back-entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from enum import StrEnum

from downtime.domain import elapsed


class Movement(StrEnum):
    ADMIT = "admit"
    TRANSFER = "transfer"
    DISCHARGE = "discharge"
    DEATH = "death"
    TRANSFER_OUT = "transfer_out"


class StayStatus(StrEnum):
    IN = "in"
    DISCHARGED = "discharged"
    DECEASED = "deceased"
    TRANSFERRED_OUT = "transferred_out"


_LEAVING = {Movement.DISCHARGE: StayStatus.DISCHARGED, Movement.DEATH: StayStatus.DECEASED,
            Movement.TRANSFER_OUT: StayStatus.TRANSFERRED_OUT}


def leaves_hospital(movement: Movement) -> bool:
    """A movement that ends the stay (discharge, death, transfer to another hospital)."""
    return movement in _LEAVING


@dataclass(frozen=True)
class MovementEvent:
    """One standing movement record. `entered_at` is when the record was first typed (its
    version 1): it orders movements of the same minute as they were entered, so amending one
    does not move it after the others."""

    patient_id: str
    record_id: str
    movement: Movement
    occurred_at: datetime
    entered_at: datetime
    ward: str | None = None
    bed: str | None = None


@dataclass(frozen=True)
class Location:
    """Where a patient is (or left from) and since when (`since`: in this bed); `admitted_at`:
    when the stay began. `arrived`: the movement that brought them onto this ward, their
    admission or a move from another ward, `came_from` (None when admitted onto it): a bed
    changed within the ward keeps both. The handover sheet's "Arrived" gave the admission alone,
    and a patient moved from 4A yesterday read as on the ward for a week."""

    patient_id: str
    status: StayStatus
    ward: str | None
    bed: str | None
    since: datetime
    admitted_at: datetime
    arrived: MovementEvent
    came_from: str | None


@dataclass(frozen=True)
class Stay:
    """A stretch of time one patient holds one place: from the movement that put them there
    to their next movement (`until` None: still there)."""

    patient_id: str
    ward: str | None
    bed: str | None
    since: datetime
    until: datetime | None


_NEVER = datetime.max.replace(tzinfo=timezone.utc)


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def _is_in(location: Location | None) -> bool:
    return location is not None and location.status is StayStatus.IN


def _after(location: Location | None, event: MovementEvent) -> Location | None:
    """Where one movement leaves the patient: a transfer or a second admission while in simply
    moves them, and nothing moves a patient who has left until readmission."""
    if event.movement is Movement.ADMIT and not _is_in(location):
        return Location(event.patient_id, StayStatus.IN, event.ward, event.bed, event.occurred_at, event.occurred_at,
                        event, None)
    if location is None or location.status is not StayStatus.IN:
        return location
    if event.movement in (Movement.ADMIT, Movement.TRANSFER):
        onto = {} if _same(location.ward, event.ward) else {"arrived": event, "came_from": location.ward}
        return replace(location, ward=event.ward, bed=event.bed, since=event.occurred_at, **onto)
    return replace(location, status=_LEAVING[event.movement], since=event.occurred_at)


def _replay(events: Iterable[MovementEvent]) -> Iterator[tuple[MovementEvent, Location | None, Location | None]]:
    """Each movement in the order it happened, with the patient's place before and after it
    (the same object when the movement changes nothing)."""
    location: Location | None = None
    for event in sorted(events, key=lambda e: (e.occurred_at, e.entered_at)):
        before, location = location, _after(location, event)
        yield event, before, location


def locate(events: Iterable[MovementEvent], at: datetime | None = None) -> Location | None:
    """The patient's place at `at` (default: after every event), or None if not yet admitted."""
    location: Location | None = None
    for event, _, after in _replay(events):
        if at is not None and event.occurred_at > at:
            break
        location = after
    return location


TRANSFER_NOTE_FOR = timedelta(hours=24)
"""How long the receiving ward's handover sheet gives the words of the move that brought a
patient onto it: a day, in which each of the ward's shifts takes the patient over once; by then
the ward's own notes carry what matters of them, and the transfer record keeps them whole."""


def moved_in_lately(location: Location, at: datetime) -> bool:
    """Whether the patient came onto their ward from another one less than `TRANSFER_NOTE_FOR`
    before `at` (a bed changed within the ward since is no move onto it)."""
    return location.came_from is not None and elapsed.between(location.arrived.occurred_at, at) < TRANSFER_NOTE_FOR


def in_hospital(events: Iterable[MovementEvent], at: datetime) -> bool:
    """Whether the patient was in hospital at `at` (admitted, not yet gone)."""
    return _is_in(locate(events, at))


def left_after(events: Iterable[MovementEvent], since: datetime) -> MovementEvent | None:
    """The movement by which the patient, in hospital at `since`, next left it (discharged,
    transferred out, died): the end of the stay `since` falls in. None if they were not in
    then, or are still in that stay (a move between wards is not leaving)."""
    if not in_hospital(events, since):
        return None
    return next((event for event, _, after in _replay(events)
                 if event.occurred_at > since and not _is_in(after)), None)


def departure(events: Iterable[MovementEvent]) -> MovementEvent | None:
    """The movement by which the patient, out of hospital now, left it (discharged, transferred
    out, died); None while they are in (readmitted since, too) or were never admitted."""
    left = None
    for event, before, after in _replay(events):
        left = None if _is_in(after) else event if _is_in(before) else left
    return left


def misplaced(events: Iterable[MovementEvent], since: datetime) -> MovementEvent | None:
    """The first movement from `since` on that cannot happen where it stands in the patient's
    timeline: an admission while already in or after their death, or any other movement while
    not in. Earlier ones are left alone: a change cannot alter what came before it."""
    for event, before, _ in _replay(events):
        dead = before is not None and before.status is StayStatus.DECEASED
        if event.occurred_at >= since and ((event.movement is Movement.ADMIT) == _is_in(before) or dead):
            return event
    return None


def stays(events: Iterable[MovementEvent]) -> list[Stay]:
    """Every place the patient held and for how long, replayed as `locate` does."""
    found: list[Stay] = []
    for event, before, after in _replay(events):
        if after is before:
            continue
        if found and found[-1].until is None:
            found[-1] = replace(found[-1], until=event.occurred_at)
        if after is not None and after.status is StayStatus.IN:
            found.append(Stay(event.patient_id, after.ward, after.bed, event.occurred_at, None))
    return found


def overlap(a: Stay, b: Stay) -> bool:
    """Two stays in one place at some moment; a bed left and taken at the same minute is free."""
    return (_same(a.ward, b.ward) and _same(a.bed, b.bed)
            and max(a.since, b.since) < min(a.until or _NEVER, b.until or _NEVER))

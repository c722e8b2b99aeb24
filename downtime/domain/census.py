"""Where each patient is, replayed from their movement records.

The census is never stored: it is computed from admission, transfer, discharge, death and
transfer-out records, so a late entry or an amended time puts the patient where they really
were, and the census at any past moment can be rebuilt for a visitor, an audit or back-entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


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


@dataclass(frozen=True)
class MovementEvent:
    patient_id: str
    record_id: str
    movement: Movement
    occurred_at: datetime
    recorded_at: datetime
    ward: str | None = None
    bed: str | None = None


@dataclass(frozen=True)
class Location:
    patient_id: str
    status: StayStatus
    ward: str | None
    bed: str | None
    since: datetime
    admitted_at: datetime


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def locate(events: Iterable[MovementEvent], at: datetime | None = None) -> Location | None:
    """The patient's place at `at` (default: after every event), or None if not yet admitted.

    Events apply in the order they happened; a transfer or a second admission while already
    in simply moves the patient, and nothing moves a patient who has left until readmission.
    """
    location: Location | None = None
    for event in sorted(events, key=lambda e: (e.occurred_at, e.recorded_at)):
        if at is not None and event.occurred_at > at:
            break
        if event.movement is Movement.ADMIT and (location is None or location.status is not StayStatus.IN):
            location = Location(event.patient_id, StayStatus.IN, event.ward, event.bed,
                                event.occurred_at, event.occurred_at)
        elif location is not None and location.status is StayStatus.IN:
            if event.movement in (Movement.ADMIT, Movement.TRANSFER):
                location = Location(event.patient_id, StayStatus.IN, event.ward, event.bed,
                                    event.occurred_at, location.admitted_at)
            else:
                location = Location(event.patient_id, _LEAVING[event.movement], location.ward,
                                    location.bed, event.occurred_at, location.admitted_at)
    return location


def occupant(locations: Sequence[Location], ward: str, bed: str) -> Location | None:
    """Who is in that bed now, among the given locations."""
    for location in locations:
        if location.status is StayStatus.IN and _same(location.ward, ward) and _same(location.bed, bed):
            return location
    return None

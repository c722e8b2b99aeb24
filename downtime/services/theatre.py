"""Theatre scheduling for surgical coordinators: sessions, bookings, cancellations with coded
reasons, the rescheduling list ordered by clinical priority and deadline, clash-free rebooking
and slot suggestions. Every change is a record version, so the history of a booking stays."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.theatre import (
    PRIORITY_RANK, Booking, CancelReason, Clash, Priority, Slot, TheatreSession, clashes, rebook_by,
    suggest_slots,
)
from downtime.formspec import FormSpec
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.services import records
from downtime.services.census import all_patients
from downtime.services.context import Session
from downtime.services.errors import NotFound, ServiceError
from downtime.services.patients import PatientSummary
from downtime.storage.records import as_version, chunks, list_current, marks

NEAR_BREACH = timedelta(days=7)


class BookingStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    REBOOKED = "rebooked"
    TRANSFERRED = "transferred"


@dataclass(frozen=True)
class BookingFacts:
    """A booking as it stands: where it is now, and what happened to it. Who it is for is left
    out: a clash check reads every booking of the hospital and needs no patient."""

    record: RecordVersion
    status: BookingStatus
    session_id: str | None
    start: datetime | None
    minutes: int
    priority: Priority
    decided_at: datetime
    cancelled_at: datetime | None
    cancel_reason: CancelReason | None
    last_minute: bool
    rebook_by: datetime | None

    @property
    def booking(self) -> Booking:
        data = self.record.data
        return Booking(self.record.record_id, str(self.record.patient_id), self.session_id, self.start,
                       self.minutes, data["surgeon"], data.get("anaesthetist"))


@dataclass(frozen=True)
class BookingState(BookingFacts):
    """A booking as lists, dialogs and letters show it: with the patient it is for."""

    patient: PatientSummary


class ClashRefused(ServiceError):
    def __init__(self, found: list[Clash]):
        self.clashes = found
        super().__init__("This slot clashes: " + "; ".join(c.message for c in found) + ".")


EVENT_FORMS = ("operation_cancellation", "operation_rebooking")


def _standing(db: Database, form_id: str) -> list[RecordVersion]:
    return [r for r in list_current(db, form_id=form_id) if r.status is not RecordStatus.ENTERED_IN_ERROR]


def _standing_where(db: Database, form_ids: Collection[str], clause: str, values: Collection[str]) -> list[RecordVersion]:
    """Standing current versions of these forms for which `clause`, written with one `?` for
    the list of `values`, holds; in time order, read 500 values at a time."""
    found = [as_version(row) for part in chunks(values) for row in db.query(
        f"SELECT * FROM current_records WHERE form_id IN ({marks(form_ids)}) AND status != ?"
        f" AND {clause.replace('?', marks(part), 1)}", [*form_ids, RecordStatus.ENTERED_IN_ERROR.value, *part])]
    return sorted(found, key=lambda record: record.recorded_at)


def sessions(db: Database, session_ids: Collection[str] | None = None) -> dict[str, TheatreSession]:
    """Every standing session, or these (a clash check reads the few it compares)."""
    found = (_standing(db, "theatre_session") if session_ids is None
             else _standing_where(db, ["theatre_session"], "record_id IN (?)", session_ids))
    return {r.record_id: TheatreSession(r.record_id, r.data["theatre"], datetime.fromisoformat(r.data["starts_at"]),
                                        datetime.fromisoformat(r.data["ends_at"]), r.data["specialty"])
            for r in found}


def _around(db: Database, start: datetime, end: datetime) -> set[str]:
    """The bookings that may stand at a time overlapping start..end: booked or rebooked into a
    slot starting less than the longest booked operation before it, and before its end (a
    minute to spare either side). SQLite's julianday reads each written time with its offset,
    so the window holds across a change of summer time. Replaying them says where each stands
    now; a clash check then reads these, not a hospital's thousands."""
    planned = "julianday(json_extract(data, '$.planned_start'))"
    longest = ("(SELECT COALESCE(MAX(json_extract(data, '$.expected_minutes')), 0) FROM records"
               " WHERE form_id = 'operation_booking')")
    return {row[0] for row in db.execute(
        "SELECT CASE form_id WHEN 'operation_booking' THEN record_id ELSE json_extract(data, '$.booking') END"
        " FROM current_records WHERE form_id IN ('operation_booking', 'operation_rebooking') AND status != ?"
        f" AND {planned} > julianday(?) - ({longest} + 1) / 1440.0 AND {planned} < julianday(?) + 1 / 1440.0",
        [RecordStatus.ENTERED_IN_ERROR.value, start.isoformat(), end.isoformat()])}


def _replay(db: Database, booking_ids: Collection[str] | None = None) -> list[BookingFacts]:
    """Every standing booking (or these) with its cancellations and rebookings applied in time
    order."""
    if booking_ids is None:
        booked, changes = _standing(db, "operation_booking"), [r for form_id in EVENT_FORMS for r in _standing(db, form_id)]
    else:
        booked = _standing_where(db, ["operation_booking"], "record_id IN (?)", booking_ids)
        changes = _standing_where(db, EVENT_FORMS, "json_extract(data, '$.booking') IN (?)", booking_ids)
    events: dict[str, list[RecordVersion]] = {}
    for record in changes:
        events.setdefault(record.data["booking"], []).append(record)
    states = []
    for record in booked:
        data = record.data
        status, session_id = BookingStatus.BOOKED, data["session"]
        start: datetime | None = datetime.fromisoformat(data["planned_start"])
        cancelled_at, reason, last_minute = None, None, False
        for event in sorted(events.get(record.record_id, []), key=lambda e: (e.occurred_at, e.recorded_at)):
            if event.form_id == "operation_cancellation":
                status, session_id, start = BookingStatus.CANCELLED, None, None
                cancelled_at, reason = event.occurred_at, CancelReason(event.data["reason"])
                last_minute = bool(event.data["last_minute"])
            elif event.data["outcome"] == "transferred":
                status, session_id, start = BookingStatus.TRANSFERRED, None, None
            else:
                status, session_id = BookingStatus.REBOOKED, event.data["session"]
                start = datetime.fromisoformat(event.data["planned_start"])
        priority = Priority(data["priority"])
        decided = datetime.fromisoformat(data["decided_at"])
        states.append(BookingFacts(record, status, session_id, start, int(data["expected_minutes"]), priority, decided,
                                   cancelled_at, reason, last_minute,
                                   rebook_by(priority, decided, cancelled_at, reason, last_minute)))
    return states


def bookings(db: Database, forms: dict[str, FormSpec], keep: Callable[[BookingFacts], bool] = lambda facts: True,
             replayed: list[BookingFacts] | None = None) -> list[BookingState]:
    """The standing bookings `keep` chooses, with their patients: only theirs are read (a
    hospital's theatre has thousands of bookings; a day's list shows a few dozen). `replayed`:
    the bookings already replayed, when one screen shows more than one list."""
    kept = [facts for facts in (_replay(db) if replayed is None else replayed) if keep(facts)]
    patients = all_patients(db, forms, {str(facts.record.patient_id) for facts in kept})
    return [BookingState(**{field.name: getattr(facts, field.name) for field in fields(BookingFacts)},
                         patient=patients[str(facts.record.patient_id)]) for facts in kept]


def _state(replayed: list[BookingFacts], booking_id: str) -> BookingFacts:
    for facts in replayed:
        if facts.record.record_id == booking_id:
            return facts
    raise NotFound(f"no standing booking {booking_id}")


def _booked(replayed: list[BookingFacts]) -> list[Booking]:
    return [facts.booking for facts in replayed if facts.status in (BookingStatus.BOOKED, BookingStatus.REBOOKED)]


def _check(db: Database, candidate: Booking) -> None:
    """Refuse the candidate if it clashes with a booking standing at an overlapping time: only
    those are replayed, with the sessions they and the candidate are in."""
    assert candidate.start is not None and candidate.end is not None
    booked = _booked(_replay(db, _around(db, candidate.start, candidate.end)))
    known = sessions(db, {candidate.session_id or "", *(other.session_id or "" for other in booked)})
    if candidate.session_id not in known:
        raise NotFound(f"no theatre session {candidate.session_id}")
    if found := clashes(candidate, known, booked):
        raise ClashRefused(found)


def check_version(db: Database, form_id: str, record_id: str, patient_id: str, data: dict[str, Any]) -> None:
    """Called by the records service before any version of a theatre record is written, so a
    booking or a rebooking can never clash, whichever screen or import wrote it. Only the
    bookings concerned are replayed: this one, and those at an overlapping time (a hospital
    has thousands, and a snapshot import checks each of its own in turn)."""
    if form_id == "operation_booking":
        _check(db, Booking(record_id, patient_id, data["session"], datetime.fromisoformat(data["planned_start"]),
                           int(data["expected_minutes"]), data["surgeon"], data.get("anaesthetist")))
        return
    state = _state(_replay(db, {data["booking"]}), data["booking"])
    if form_id == "operation_cancellation" and state.status not in (BookingStatus.BOOKED, BookingStatus.REBOOKED):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This booking is {status}; only a booked operation can be cancelled."),
                           status=state.status.value)
    if form_id == "operation_rebooking":
        if state.status is not BookingStatus.CANCELLED:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "This booking is {status}; cancel it before rebooking."), status=state.status.value)
        if data["outcome"] == "rebooked":
            booking = state.booking
            _check(db, Booking(booking.booking_id, booking.patient_id, data["session"],
                               datetime.fromisoformat(data["planned_start"]), booking.minutes,
                               booking.surgeon, booking.anaesthetist))


def book(session: Session, patient_id: str, values: dict[str, Any]) -> RecordVersion:
    return records.save_new(session, "operation_booking", values, patient_id=patient_id)


def cancel(session: Session, booking_id: str, values: dict[str, Any]) -> RecordVersion:
    state = _state(_replay(session.db, {booking_id}), booking_id)
    return records.save_new(session, "operation_cancellation", {**values, "booking": booking_id},
                            patient_id=state.record.patient_id)


def rebook(session: Session, booking_id: str, values: dict[str, Any]) -> RecordVersion:
    """A new date (or a transfer elsewhere) for a cancelled booking, clash-free."""
    state = _state(_replay(session.db, {booking_id}), booking_id)
    return records.save_new(session, "operation_rebooking", {**values, "booking": booking_id},
                            patient_id=state.record.patient_id)


@dataclass(frozen=True)
class WaitingItem:
    state: BookingState
    breach: bool
    near_breach: bool
    waited: timedelta


def rescheduling_list(db: Database, forms: dict[str, FormSpec], now: datetime,
                      replayed: list[BookingFacts] | None = None) -> list[WaitingItem]:
    """Cancelled operations not yet rebooked: by priority, then the date they must happen by,
    then how long the patient has waited. Breaches (past the date) and near-breaches stand out."""
    items = []
    for state in bookings(db, forms, lambda facts: facts.status is BookingStatus.CANCELLED, replayed):
        deadline = state.rebook_by
        items.append(WaitingItem(state, breach=deadline is not None and deadline < now,
                                 near_breach=deadline is not None and now <= deadline < now + NEAR_BREACH,
                                 waited=now - state.decided_at))
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(items, key=lambda i: (PRIORITY_RANK[i.state.priority], i.state.rebook_by or far, -i.waited))


def suggestions(db: Database, booking_id: str, now: datetime, limit: int = 5) -> list[Slot]:
    replayed = _replay(db)
    return suggest_slots(_state(replayed, booking_id).booking, list(sessions(db).values()), _booked(replayed), after=now,
                         limit=limit)


@dataclass(frozen=True)
class ListEntry:
    """A line of a day's theatre list: a booking at its time, or one struck through because
    it was cancelled (or moved) from this list."""

    state: BookingState
    start: datetime
    struck: bool


def day_list(db: Database, forms: dict[str, FormSpec], day: date, theatre: str | None = None,
             replayed: list[BookingFacts] | None = None) -> list[tuple[TheatreSession, list[ListEntry]]]:
    """Each session of the day (one theatre or all) with its bookings in time order."""
    known = sessions(db)
    chosen = sorted((s for s in known.values() if s.start.date() == day
                     and (theatre is None or s.theatre.casefold() == theatre.casefold())),
                    key=lambda s: (s.theatre, s.start))
    entries: dict[str, list[ListEntry]] = {s.session_id: [] for s in chosen}
    for state in bookings(db, forms, lambda facts: facts.session_id in entries or facts.record.data["session"] in entries,
                          replayed):
        if state.session_id in entries and state.start is not None:
            entries[state.session_id].append(ListEntry(state, state.start, struck=False))
        original = state.record.data["session"]
        if original in entries and state.session_id != original:
            entries[original].append(ListEntry(state, datetime.fromisoformat(state.record.data["planned_start"]),
                                               struck=True))
    return [(s, sorted(entries[s.session_id], key=lambda e: e.start)) for s in chosen]


def board(db: Database, forms: dict[str, FormSpec], day: date,
          now: datetime) -> tuple[list[tuple[TheatreSession, list[ListEntry]]], list[WaitingItem]]:
    """The theatre tab's day board and rescheduling list from one replay of the bookings (a
    third of a second each at a hospital's scale, after every save)."""
    replayed = _replay(db)
    return day_list(db, forms, day, replayed=replayed), rescheduling_list(db, forms, now, replayed)

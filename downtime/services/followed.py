"""What the charts that follow several things of one patient by name share (the wound chart each
wound, the line and catheter chart each device): each look made with the same thing's look
before it, the latest look at each thing still open (a wound not healed, a device not taken
out), what they ask and when the next of them falls due."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import MovementEvent
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.i18n import semicolon
from downtime.services.bedside import in_order
from downtime.services.census import movement_events
from downtime.storage.records import current_by_patient


class Followed(Protocol):
    """A look at one of the things a chart follows: `key` the thing it is of, `called` that thing
    in words, `closed` when it ends the thing's chart, `due_at` when the next look falls due
    (None once closed)."""

    @property
    def key(self) -> str: ...

    def called(self, spec: FormSpec, lang: Lang) -> str: ...

    @property
    def closed(self) -> bool: ...

    @property
    def due_at(self) -> datetime | None: ...

    def asks(self, spec: FormSpec, at: datetime, lang: Lang) -> list[str]: ...

    def next_change(self, spec: FormSpec, at: datetime, lang: Lang) -> str: ...


Look = TypeVar("Look", bound=Followed)


def charts_of(db: Database, form_id: str, patient_ids: Collection[str],
              chart: Callable[[list[RecordVersion], list[MovementEvent]], list[Look]]) -> dict[str, list[Look]]:
    """These patients' standing looks of `form_id`, of every stay (a wound outlasts a stay, a line
    may go home and come back), charted with their stays' movements (`chart`), oldest first, for
    those who have one; in two queries, as a ward's escalation list and handover sheet read them."""
    found = current_by_patient(db, form_id, patient_ids)
    events = movement_events(db, list(found)) if found else {}
    return {patient_id: looks for patient_id, records in found.items()
            if (looks := chart(records, events.get(patient_id, [])))}


def each_after(records: Iterable[RecordVersion], at: Callable[[RecordVersion], datetime],
               key: Callable[[RecordVersion], str],
               made: Callable[[RecordVersion, Look | None], Look]) -> list[Look]:
    """The standing `records` made into looks in the order they happened, each `made` with the
    look at the same thing (`key`) just before it (None for its first)."""
    last: dict[str, Look] = {}
    looks = []
    for record in in_order(records, lambda one: one, at):
        one = made(record, last.get(key(record)))
        looks.append(one)
        last[one.key] = one
    return looks


def still_open(looks: Sequence[Look]) -> list[Look]:
    """The latest look at each thing whose chart is not closed, in the order of their keys."""
    latest = {one.key: one for one in looks}
    return [latest[name] for name in sorted(latest) if not latest[name].closed]


def asking(looks: Sequence[Look], spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """What the things still open ask at `at`, one by one."""
    return [said for one in still_open(looks) for said in one.asks(spec, at, lang)]


def coming(looks: Sequence[Look], at: datetime) -> datetime | None:
    """When the next look not overdue yet at `at` falls due: the chart is read again then."""
    due = [one.due_at for one in still_open(looks) if one.due_at is not None and not elapsed.reached(one.due_at, at)]
    return min(due, key=elapsed.instant, default=None)


def open_words(looks: Sequence[Look], spec: FormSpec, at: datetime, lang: Lang, late: str) -> str:
    """"Sacrum (next dressing 30/11 10:00); Left heel (dressing overdue)": each thing still open,
    in short when its next look is due, or `late` once it is overdue (what it asks in full is
    said under it)."""
    return semicolon(lang).join(f"{one.called(spec, lang)} ({late if elapsed.reached(one.due_at, at) else one.next_change(spec, at, lang)})"
                                for one in still_open(looks))

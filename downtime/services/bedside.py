"""What the bedside charts (glucose, neuro obs, repositioning and Braden, wounds, pain,
nutrition, laboratory results) share: a patient's standing records of the chart's form made into
its lines, oldest first; and the charts of many patients read in one query, as a ward's
escalation list and handover sheet read them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Generic, TypeVar

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import stays
from downtime.domain.records import RecordStatus, RecordVersion, loaded_from_snapshot
from downtime.services.patients import PatientSummary
from downtime.services.census import movement_events
from downtime.storage.records import current_by_patient

Line = TypeVar("Line")
Item = TypeVar("Item")


def in_order(records: Iterable[RecordVersion], line: Callable[[RecordVersion], Line],
             at: Callable[[Line], datetime]) -> list[Line]:
    """The standing ones of `records` made into lines, oldest first by when each happened (`at`,
    compared as instants), two at one moment in the order they were written."""
    made = [(line(record), record.recorded_at) for record in records if record.status is not RecordStatus.ENTERED_IN_ERROR]
    return [one for one, _ in sorted(made, key=lambda pair: (elapsed.instant(at(pair[0])), pair[1]))]


def stays_began(db: Database, patient_ids: Collection[str]) -> dict[str, datetime]:
    """When each of these patients' present stay began (their latest, when they have left): the
    first of the places they have held since they last came in, a move within the hospital
    being the same stay."""
    began: dict[str, datetime] = {}
    for patient_id, events in movement_events(db, patient_ids).items():
        until: datetime | None = None
        for stay in stays(events):
            if patient_id not in began or until is None or elapsed.instant(stay.since) != elapsed.instant(until):
                began[patient_id] = stay.since
            until = stay.until
    return began


def in_present_stays(db: Database, found: Mapping[str, list[RecordVersion]]) -> dict[str, list[RecordVersion]]:
    """Each patient's records of `found` that happened in their present stay (`stays_began`),
    for those who have one."""
    began = stays_began(db, list(found))
    return {patient_id: kept for patient_id, records in found.items()
            if (kept := [record for record in records if patient_id not in began
                         or elapsed.instant(record.occurred_at) >= elapsed.instant(began[patient_id])])}


@dataclass(frozen=True)
class Chart(Generic[Line]):
    """A bedside chart: the patient's standing records of `form_id` of their present stay made
    into its lines by `lines`, oldest first; `of` reads one patient's, `of_each` many patients' in
    one query, as a ward's escalation list and handover sheet read them."""

    form_id: str
    lines: Callable[[list[RecordVersion]], list[Line]]
    answered: tuple[str, str] | None = None
    """Only the records answering a field so (see `list_current`)."""
    this_stay: bool = True
    """Only the records of the patient's present stay (`stays_began`): a readmitted patient's
    hypo, pain, turns, bowels, neuro and paediatric sets of the stay before asked as this
    one's, overdue since they went home. False for what outlasts a stay: a result awaited, a
    wound still dressed, a line perhaps still in (asked to be checked)."""

    def of(self, db: Database, patient_id: str) -> list[Line]:
        return self.of_each(db, [patient_id]).get(patient_id, [])

    def of_each(self, db: Database, patient_ids: Collection[str]) -> dict[str, list[Line]]:
        """The chart of each of these patients who has a line on it."""
        found = current_by_patient(db, self.form_id, patient_ids, self.answered)
        if self.this_stay and found:
            found = in_present_stays(db, found)
        return {patient_id: made for patient_id, records in found.items() if (made := self.lines(records))}

    def latest(self, db: Database, patient_ids: Collection[str]) -> dict[str, Line]:
        """The latest line of each of these patients who has one."""
        return {patient_id: found[-1] for patient_id, found in self.of_each(db, patient_ids).items()}


@dataclass(frozen=True)
class Asking:
    """What the escalation list says of one patient's chart: `latest` its "Latest" column, `said`
    what it asks, `urgent` whether it is listed first as urgent."""

    patient_id: str
    latest: str
    said: list[str]
    urgent: bool = False


@dataclass(frozen=True)
class Escalation(Generic[Item]):
    """A chart's lines on the escalation list (`Asking`, or a chart's own kind when it says more),
    and when they next change with nothing saved (a check falling due, a review date reached): the
    list is read again then."""

    asking: list[Item]
    next_change: datetime | None


def ordered(line: Callable[[RecordVersion], Line],
            at: Callable[[Line], datetime]) -> Callable[[list[RecordVersion]], list[Line]]:
    """A chart's `lines`: one made of each standing record, in the order they happened (`in_order`)."""
    return partial(in_order, line=line, at=at)


def times_taken(form_id: str, answered: tuple[str, str] | None = None) -> Chart[datetime]:
    """A chart of when each standing set of `form_id` (`answered` so) was taken (its `taken_at`),
    oldest first: whether a set was taken since a fall, when a new confusion was charted."""
    return Chart(form_id, ordered(lambda record: datetime.fromisoformat(record.data["taken_at"]),
                                  lambda taken_at: taken_at), answered)


def first_due(patient: PatientSummary, within: timedelta) -> datetime | None:
    """When a patient never screened or assessed on a chart (nutrition, delirium, VTE) is asked to
    be: `within` after they came in. None for one not admitted, or whose admission was loaded from
    the EHR's snapshot: they came in under the EHR, whose own screening the ward cannot see
    (every patient of a ward loaded at an outage's start was asked for each, days after coming in)."""
    if not patient.admitted_at or loaded_from_snapshot(patient.admission_record_id):
        return None
    return elapsed.later(datetime.fromisoformat(patient.admitted_at), within)

"""What the bedside charts (glucose, neuro obs, repositioning, laboratory results) share: a
patient's standing records of the chart's form made into its lines, oldest first; and the charts
of many patients read in one query, as a ward's escalation list and handover sheet read them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from typing import TypeVar

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.storage.records import current_by_patient, list_current

Line = TypeVar("Line")


def in_order(records: Iterable[RecordVersion], line: Callable[[RecordVersion], Line],
             at: Callable[[Line], datetime]) -> list[Line]:
    """The standing ones of `records` made into lines, oldest first by when each happened (`at`,
    compared as instants), two at one moment in the order they were written."""
    made = [(line(record), record.recorded_at) for record in records if record.status is not RecordStatus.ENTERED_IN_ERROR]
    return [one for one, _ in sorted(made, key=lambda pair: (elapsed.instant(at(pair[0])), pair[1]))]


def chart_of(db: Database, form_id: str, patient_id: str,
             lines: Callable[[list[RecordVersion]], list[Line]]) -> list[Line]:
    """One patient's chart: `lines` of their current records of `form_id`."""
    return lines(list_current(db, form_id=form_id, patient_id=patient_id))


def charts_of(db: Database, form_id: str, patient_ids: Collection[str],
              lines: Callable[[list[RecordVersion]], list[Line]]) -> dict[str, list[Line]]:
    """The chart of each of these patients who has a line on it."""
    return {patient_id: made for patient_id, found in current_by_patient(db, form_id, patient_ids).items()
            if (made := lines(found))}

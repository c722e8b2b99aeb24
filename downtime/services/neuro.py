"""A patient's neurological observations: each set's Glasgow Coma Scale worked out from its
answers and what it says against the set before it that needs a doctor now (domain.gcs). Never
stored: an amended set is rescored, and so is the set after it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain.gcs import Flag, Gcs, flags, gcs
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.storage.records import list_current

FORM = "neuro_observations"


@dataclass(frozen=True)
class NeuroSet:
    record: RecordVersion
    taken_at: datetime
    gcs: Gcs
    flags: list[Flag]


def chart(db: Database, patient_id: str) -> list[NeuroSet]:
    """The patient's standing sets, oldest first, each judged against the one before it."""
    found = sorted((record for record in list_current(db, form_id=FORM, patient_id=patient_id)
                    if record.status is not RecordStatus.ENTERED_IN_ERROR),
                   key=lambda record: (datetime.fromisoformat(record.data["taken_at"]), record.recorded_at))
    sets, before = [], None
    for record in found:
        taken_at = datetime.fromisoformat(record.data["taken_at"])
        sets.append(NeuroSet(record, taken_at, gcs(record.data), flags(
            record.data, before.record.data if before else None, f"{before.taken_at:%d/%m %H:%M}" if before else "")))
        before = sets[-1]
    return sets

"""Loading the hospital's last known state onto a laptop before (or at the start of) an outage:
patients in their beds with allergies, active medication orders, theatre sessions and bookings.
Snapshots arrive as CSV files or a FHIR Bundle; both readers produce the items below, and one
writer loads them as ordinary records, checked by the same rules as typing them on the ward.

Every item carries the source's own key, from which the record id is derived: importing the
same snapshot again finds each record and adds nothing. The whole load is one transaction, so a
refused line leaves the laptop as it was."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.domain.staff import Action
from downtime.services import records
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.storage import audit
from downtime.storage.records import RecordNotFound, current
from downtime.sync.outcome import ImportRefused, ImportResult, Progress, untold

SNAPSHOT_NAMESPACE = uuid.UUID("6d0f5d39-0b7e-4c0e-9a55-3e4c35a1c7a2")
PATIENT_FORM = "admission"



@dataclass(frozen=True)
class SnapshotItem:
    """One record to load. `where` names the file and line (or bundle entry) it came from, for
    error messages; `patient_key` is the source's key of the patient it is about."""

    where: str
    kind: str
    key: str
    form_id: str
    values: dict[str, Any]
    patient_key: str | None = None


def record_id_for(kind: str, key: str) -> str:
    return str(uuid.uuid5(SNAPSHOT_NAMESPACE, f"{kind}:{key}"))


def _patient_id(session: Session, item: SnapshotItem) -> str | None:
    if item.patient_key is None:
        return None
    try:
        return current(session.db, record_id_for("patient", item.patient_key)).patient_id
    except RecordNotFound:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: patient {patient_key!r} is not in this snapshot"),
                            where=item.where, patient_key=item.patient_key) from None


def _load_one(session: Session, item: SnapshotItem) -> bool:
    """True when the record was added, False when the same record was already there."""
    record_id = record_id_for(item.kind, item.key)
    try:
        existing = current(session.db, record_id)
    except RecordNotFound:
        existing = None
    patient_id = _patient_id(session, item)
    try:
        if existing is not None:
            kept = records.checked_values(session, item.form_id, item.values)
            if existing.data != kept or existing.version != 1:
                raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {kind} {key!r} was loaded before with other content, and has been "
                                                                         "worked on since; correct it in the app"),
                                    where=item.where, kind=item.kind, key=item.key)
            return False
        records.save_imported(session, item.form_id, item.values, patient_id, record_id)
    except ServiceError as problem:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {problem}"),
                            where=item.where, problem=problem) from None
    return True


def load_snapshot(session: Session, items: list[SnapshotItem], source: str,
                  progress: Progress = untold) -> ImportResult:
    session.require(Action.IMPORT_DATA)
    seen: dict[tuple[str, str], str] = {}
    for item in items:
        if (item.kind, item.key) in seen:
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {kind} {key!r} is also at {seen}"),
                                where=item.where, kind=item.kind, key=item.key, seen=seen[item.kind, item.key])
        seen[item.kind, item.key] = item.where
    added: dict[str, int] = {}
    unchanged = 0
    with session.db.atomic():
        for number, item in enumerate(items, start=1):
            if _load_one(session, item):
                added[item.kind] = added.get(item.kind, 0) + 1
            else:
                unchanged += 1
            if number % 200 == 0:
                progress(number, len(items))
        audit.append(session.db, at=session.clock(), actor=session.user.staff_id,
                     device_id=session.device.device_id, action="import",
                     detail={"kind": "snapshot", "source": source, "added": added, "unchanged": unchanged})
    progress(len(items), len(items))
    return ImportResult("snapshot", added, unchanged)

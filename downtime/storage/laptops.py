"""The laptops named by the exports imported here (see domain.laptops and migration m019)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.laptops import Laptop, laptops_of
from downtime.storage import audit
from downtime.storage.records import chunks, marks

COLUMNS = ("device_id", "device_number", "device_name", "exported_at")


def remember(db: Database, sources: Iterable[Mapping[str, Any]], *, at: datetime, actor: str,
             device_id: str) -> None:
    """Keep each laptop's export these `sources` name (sync.merge.sources_of) that is not kept
    yet, audited; the caller holds the import's transaction."""
    rows: dict[str, dict[str, Any]] = {}
    for source in sources:
        if source.get("device_id"):
            said = {column: _stored(column, source.get(column)) for column in COLUMNS}
            key = audit.digest(said)
            rows[key] = {"id": key, **said, "imported_at": at.isoformat()}
    kept = {found for part in chunks(list(rows)) for (found,) in db.execute(
        f"SELECT id FROM laptops WHERE id IN ({marks(part)})", part)}
    new = [row for key, row in rows.items() if key not in kept]
    audit.insert_many_audited(db, "laptops", new, [{"device_id": row["device_id"]} for row in new], at=at,
                              actor=actor, device_id=device_id, action="laptop.import")


def _stored(column: str, value: Any) -> Any:
    """A manifest's value as its column stores it (the audit hashes the row before the insert):
    a device number that is not a whole number is not kept rather than guessed."""
    if column == "device_number":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    return None if value is None else str(value)


def known(db: Database, device_ids: Collection[str]) -> dict[str, Laptop]:
    """What is known here of these laptops: as their exports named them, else (a laptop whose
    export never came here) the device number of a patient it admitted; one known of neither
    is left out."""
    wanted = sorted(set(device_ids))
    laptops = laptops_of(row for part in chunks(wanted) for row in db.query(
        f"SELECT {', '.join(COLUMNS)} FROM laptops WHERE device_id IN ({marks(part)})", part))
    for device_id in wanted:
        if device_id not in laptops:
            found = db.execute("SELECT device_number FROM patients WHERE device_id = ? LIMIT 1", [device_id]).fetchone()
            if found:
                laptops[device_id] = Laptop(found[0])
    return laptops

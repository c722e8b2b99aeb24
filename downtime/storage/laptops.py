"""The laptops named by the exports imported here, their staff directories, and the record
versions each export holds (see domain.laptops, sync.missing and migrations m019, m025, m026)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.laptops import Laptop, directory_of, exported_at, laptops_of
from downtime.storage import audit
from downtime.storage.records import chunks, marks

COLUMNS = ("device_id", "device_number", "device_name", "exported_at")
RANGE = ("first_rowid", "last_rowid")


def remember(db: Database, sources: Iterable[Mapping[str, Any]], *, at: datetime, actor: str,
             device_id: str) -> None:
    """Keep each laptop's export these `sources` name (sync.merge.sources_of) that is not kept
    yet, and what their staff directories say anew, audited; the caller holds the import's
    transaction."""
    sources = list(sources)
    _remember_staff(db, sources, at=at, actor=actor, device_id=device_id)
    rows: dict[str, dict[str, Any]] = {}
    for source in sources:
        if source.get("device_id"):
            said = {column: _stored(column, source.get(column)) for column in COLUMNS} | _range(source)
            # An export that names no range is keyed as before m026, so its stick again adds nothing.
            key = audit.digest({column: value for column, value in said.items() if column in COLUMNS
                                or said["first_rowid"] is not None})
            rows[key] = {"id": key, **said, "imported_at": at.isoformat()}
    kept = {found for part in chunks(list(rows)) for (found,) in db.execute(
        f"SELECT id FROM laptops WHERE id IN ({marks(part)})", part)}
    new = [row for key, row in rows.items() if key not in kept]
    audit.insert_many_audited(db, "laptops", new, [{"device_id": row["device_id"]} for row in new], at=at,
                              actor=actor, device_id=device_id, action="laptop.import")


def _remember_staff(db: Database, sources: list[Mapping[str, Any]], *, at: datetime, actor: str,
                    device_id: str) -> None:
    """Keep each member of these exports' staff directories whom an export names otherwise than
    the latest kept (m025): a member not kept yet, or renamed by a later export."""
    latest = {(row["device_id"], row["staff_id"]): row for row in _staff_rows(db, {
        str(source["device_id"]) for source in sources if source.get("device_id") and directory_of(source)})}
    new: list[dict[str, Any]] = []
    for source in sorted(sources, key=exported_at):
        said_at = _stored("exported_at", source.get("exported_at"))
        for staff_id, name, role in directory_of(source) if source.get("device_id") else ():
            row = {"device_id": str(source["device_id"]), "staff_id": staff_id, "name": name, "role": role,
                   "exported_at": said_at}
            kept = latest.get((row["device_id"], staff_id))
            if kept is None or ((kept["name"], kept["role"]) != (name, role) and exported_at(kept) < exported_at(row)):
                latest[(row["device_id"], staff_id)] = row
                new.append({"id": audit.digest(row), **row, "imported_at": at.isoformat()})
    audit.insert_many_audited(db, "laptop_staff", new, [{"device_id": row["device_id"], "staff_id": row["staff_id"]}
                                                         for row in new],
                              at=at, actor=actor, device_id=device_id, action="laptop.staff_import")


def _staff_rows(db: Database, device_ids: Collection[str]) -> list[dict[str, Any]]:
    """What the staff directories kept of these laptops say, each member's row oldest first."""
    rows = [row for part in chunks(device_ids) for row in db.query(
        "SELECT device_id, staff_id, name, role, exported_at FROM laptop_staff"
        f" WHERE device_id IN ({marks(part)})", part)]
    return sorted(rows, key=exported_at)


def staff_directories(db: Database) -> dict[tuple[str, str], tuple[str, str]]:
    """Each other laptop's staff member's name and role by (device id, staff ID), as the latest
    of its exports imported here named them (domain.laptops.Authors.others and .directory)."""
    return {(row["device_id"], row["staff_id"]): (row["name"], row["role"] or "") for row in sorted(db.query(
        "SELECT device_id, staff_id, name, role, exported_at FROM laptop_staff"), key=exported_at)}


def rowid_range(source: Mapping[str, Any]) -> tuple[int, int] | None:
    """The record versions an export holds, as its manifest's records_rowid_range names them;
    None when it names none (an older app's manifest) or not two whole numbers."""
    found = source.get("records_rowid_range")
    if isinstance(found, list) and len(found) == 2 and all(type(end) is int for end in found):
        return found[0], found[1]
    return None


def _range(source: Mapping[str, Any]) -> dict[str, int | None]:
    """The export's range (`rowid_range`) as its two columns, both empty when it names none."""
    return dict(zip(RANGE, rowid_range(source) or (None, None), strict=True))


def exports(db: Database) -> list[dict[str, Any]]:
    """Every laptop's export imported here as its manifest named it (sync.merge.sources_of's
    fields); one kept without its range (imported before m026) is left out once its stick,
    imported again, gave it."""
    rows = [{**row, "records_rowid_range": None if row["first_rowid"] is None else [row["first_rowid"], row["last_rowid"]]}
            for row in db.query(f"SELECT {', '.join(COLUMNS + RANGE)} FROM laptops")]
    ranged = {(row["device_id"], row["exported_at"]) for row in rows if row["first_rowid"] is not None}
    return [{column: row[column] for column in (*COLUMNS, "records_rowid_range")} for row in rows
            if row["first_rowid"] is not None or (row["device_id"], row["exported_at"]) not in ranged]


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

"""Reading record versions back as models (the write side lives in services.records)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from datetime import datetime
from typing import Any

import orjson
from sqlite_utils import Database

from downtime.domain.downtime_number import told_apart
from downtime.domain.holds import Hold, holds_of
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.errors import UserError


RECORD_COLUMNS = ("id", "record_id", "version", "form_id", "form_version", "patient_id", "status",
                  "data", "reason", "author", "device_id", "occurred_at", "recorded_at")


class RecordNotFound(UserError):
    pass


def as_version(row: Mapping[str, Any]) -> RecordVersion:
    return RecordVersion.model_validate({**row, "data": orjson.loads(row["data"])})


def current(db: Database, record_id: str) -> RecordVersion:
    row = next(db.query("SELECT * FROM current_records WHERE record_id = ?", [record_id]), None)
    if row is None:
        raise RecordNotFound(f"no record {record_id}")
    return as_version(row)


def current_of(db: Database, record_ids: Collection[str]) -> dict[str, RecordVersion]:
    """The current version of each of these records that exists, in one query per 500."""
    return {record.record_id: record for part in chunks(record_ids)
            for record in _current(db, [f"record_id IN ({marks(part)})"], part)}


def first_written(db: Database, record_ids: Collection[str]) -> dict[str, int]:
    """Each of these records' place in the order records were first written here: the audit
    log's sequence of its version 1 (a record's times are to the minute, its id at random).

    The records are found first and their audit entries after (CROSS JOIN keeps that order):
    from ten record ids on, SQLite chose to read the audit log's every record entry and look each
    one's record up, 26 seconds a page of the records office's worklist at a hospital's scale (1.5
    million entries), on the window's thread."""
    return {record_id: seq for part in chunks(record_ids) for record_id, seq in db.execute(
        f"SELECT r.record_id, a.seq FROM records r CROSS JOIN audit a ON a.entity = 'records' AND a.entity_id = r.id"
        f" WHERE r.version = 1 AND r.record_id IN ({marks(part)})", part).fetchall()}


def first_authors(db: Database, record_ids: Collection[str]) -> dict[str, tuple[str, str, str]]:
    """Who wrote version 1 of each of these records, on which laptop and when (staff ID, device
    id, recorded at): a dose's giver, an order's prescriber, whoever amended them since."""
    return {record_id: (author, device_id, recorded_at) for part in chunks(record_ids)
            for record_id, author, device_id, recorded_at in db.execute(
                f"SELECT record_id, author, device_id, recorded_at FROM records WHERE version = 1"
                f" AND record_id IN ({marks(part)})", part)}


def history(db: Database, record_id: str) -> list[RecordVersion]:
    rows = db.query("SELECT * FROM records WHERE record_id = ? ORDER BY version", [record_id])
    versions = [as_version(row) for row in rows]
    if not versions:
        raise RecordNotFound(f"no record {record_id}")
    return versions


def signed_on(db: Database, record: RecordVersion) -> str:
    """The laptop a record's staff references were signed on (a dose's witness, with a PIN, and
    never amended): its first version's, whichever laptop amended the record since."""
    if record.version == 1:
        return record.device_id
    found = db.execute("SELECT device_id FROM records WHERE record_id = ? AND version = 1", [record.record_id]).fetchone()
    return found[0] if found else record.device_id


def histories(db: Database, record_ids: Collection[str]) -> dict[str, list[RecordVersion]]:
    """Every version of each of these records that exists, oldest first, in one query per 500
    (a ward's amended orders, each read on its own, cost a query per order)."""
    found: dict[str, list[RecordVersion]] = {}
    for part in chunks(record_ids):
        for row in db.query(f"SELECT * FROM records WHERE record_id IN ({marks(part)}) ORDER BY record_id, version", part):
            found.setdefault(row["record_id"], []).append(as_version(row))
    return found


CHUNK = 500


def chunks(ids: Collection[str]) -> Iterator[list[str]]:
    """Ids in slices small enough for one `IN (?, ...)` (SQLite caps the bound parameters)."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def marks(ids: Collection[str]) -> str:
    return ", ".join("?" * len(ids))


def list_current(db: Database, form_id: str | None = None, patient_id: str | None = None,
                 patient_ids: Collection[str] | None = None, without_patient: bool = False,
                 answered: tuple[str, str | bool] | None = None) -> list[RecordVersion]:
    """Standing and withdrawn current versions, oldest first; `patient_ids` limits them to
    those patients (the census of one ward reads its own patients, not the hospital's),
    `without_patient` to records about no patient (theatre sessions), `answered` (a field and
    a text or yes/no answer) to those answering so (a ward's sets recording new confusion, of
    thousands)."""
    clauses: list[str] = ["patient_id IS NULL"] if without_patient else []
    params: list[Any] = []
    if form_id:
        clauses.append("form_id = ?")
        params.append(form_id)
    if patient_id:
        clauses.append("patient_id = ?")
        params.append(patient_id)
    if answered is not None:
        clauses.append("json_extract(data, ?) = ?")
        params.extend((f"$.{answered[0]}", answered[1]))
    if patient_ids is None:
        return _current(db, clauses, params)
    found = [record for part in chunks(patient_ids)
             for record in _current(db, [*clauses, f"patient_id IN ({marks(part)})"], [*params, *part])]
    return sorted(found, key=lambda record: record.recorded_at)


def latest_standing(db: Database, form_id: str, patient_id: str, at: datetime) -> RecordVersion | None:
    """The patient's record of `form_id` standing at `at`: the current version of the latest one
    occurring by then, none entered in error (a letter's copy of a chart, or of the admission's
    diet, as it stood when the patient left)."""
    standing = [record for record in list_current(db, form_id=form_id, patient_id=patient_id)
                if record.status is not RecordStatus.ENTERED_IN_ERROR and record.occurred_at <= at]
    return max(standing, key=lambda record: record.occurred_at, default=None)


def current_by_patient(db: Database, form_id: str, patient_ids: Collection[str],
                       answered: tuple[str, str | bool] | None = None) -> dict[str, list[RecordVersion]]:
    """`list_current` of one form for these patients, by patient (those with none left out)."""
    found: dict[str, list[RecordVersion]] = {}
    for record in list_current(db, form_id=form_id, patient_ids=patient_ids, answered=answered):
        found.setdefault(str(record.patient_id), []).append(record)
    return found


def _current(db: Database, clauses: list[str], params: list[Any]) -> list[RecordVersion]:
    """Rows read as tuples and their data parsed by orjson (as the merge does): sqlite_utils's
    dict for each row and json's parser were a quarter of reading them, which the FHIR export
    does for every record of the hospital."""
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.execute(f"SELECT {', '.join(RECORD_COLUMNS)} FROM current_records {where} ORDER BY recorded_at", params)
    return [as_version(dict(zip(RECORD_COLUMNS, row))) for row in rows]


def held_from(db: Database) -> dict[str, int]:
    """Each record on hold, from which version (see the views of migration m018: a hold settled
    is not on hold, until a version comes that the settlement did not see)."""
    return dict(db.execute("SELECT record_id, from_version FROM records_on_hold").fetchall())


def on_hold(db: Database, record_ids: Collection[str]) -> dict[str, list[dict[str, Any]]]:
    """The versions on hold of each of these records that is on hold: its held versions no
    settlement covers, and its versions in `records` from the version it is on hold from
    (see domain.holds and migration m018)."""
    columns = ", ".join(RECORD_COLUMNS)
    found: dict[str, list[dict[str, Any]]] = {}
    for part in chunks(record_ids):
        for row in db.query(
                f"SELECT {columns} FROM unsettled_versions WHERE record_id IN ({marks(part)}) UNION ALL"
                f" SELECT {', '.join(f'r.{column}' for column in RECORD_COLUMNS)} FROM records r"
                f" JOIN records_on_hold o ON o.record_id = r.record_id WHERE r.record_id IN ({marks(part)})"
                " AND r.version >= o.from_version", [*part, *part]):
            found.setdefault(row["record_id"], []).append(row)
    return found


def holds(db: Database, record_ids: Collection[str]) -> tuple[Hold, ...]:
    """Those of these records on hold, named as the merge names them."""
    rows = [row for found in on_hold(db, record_ids).values() for row in found]
    wanted = {row["patient_id"] for row in rows if row["patient_id"]}
    return holds_of(rows, downtime_numbers(db, wanted))


def downtime_numbers(db: Database, patient_ids: Collection[str] | None = None) -> dict[str, str]:
    """Every patient's downtime number as people read it, or only these patients': one given to
    patients of two laptops set up with the same device number (the records office took both,
    see sync.import_export) is told apart by the laptop (domain.downtime_number.told_apart),
    wherever a list, a page, a CSV or a FHIR identifier shows it."""
    if patient_ids is None:
        shared = {number for (number,) in db.execute(
            "SELECT downtime_number FROM patients GROUP BY downtime_number HAVING COUNT(*) > 1")}
        rows = db.execute("SELECT patient_id, downtime_number, device_id, 0 FROM patients")
    else:
        shared = set()
        rows = (row for part in chunks(patient_ids) for row in db.execute(
            f"SELECT patient_id, downtime_number, device_id, {_SHARED} FROM patients p"
            f" WHERE patient_id IN ({marks(part)})", part))
    return {patient_id: told_apart(number, device_id) if is_shared or number in shared else number
            for patient_id, number, device_id, is_shared in rows}


_SHARED = "EXISTS (SELECT 1 FROM patients q WHERE q.downtime_number = p.downtime_number AND q.device_id != p.device_id)"

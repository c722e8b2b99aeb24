"""Reading record versions back as models (the write side lives in services.records)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.errors import UserError


class RecordNotFound(UserError):
    pass


def as_version(row: dict[str, Any]) -> RecordVersion:
    return RecordVersion.model_validate({**row, "data": json.loads(row["data"])})


def current(db: Database, record_id: str) -> RecordVersion:
    row = next(db.query("SELECT * FROM current_records WHERE record_id = ?", [record_id]), None)
    if row is None:
        raise RecordNotFound(f"no record {record_id}")
    return as_version(row)


def history(db: Database, record_id: str) -> list[RecordVersion]:
    rows = db.query("SELECT * FROM records WHERE record_id = ? ORDER BY version", [record_id])
    versions = [as_version(row) for row in rows]
    if not versions:
        raise RecordNotFound(f"no record {record_id}")
    return versions


def list_current(db: Database, form_id: str | None = None,
                 patient_id: str | None = None) -> list[RecordVersion]:
    clauses, params = [], []
    if form_id:
        clauses.append("form_id = ?")
        params.append(form_id)
    if patient_id:
        clauses.append("patient_id = ?")
        params.append(patient_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.query(f"SELECT * FROM current_records {where} ORDER BY recorded_at", params)
    return [as_version(row) for row in rows]

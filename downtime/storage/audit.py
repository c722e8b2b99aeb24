"""The append-only audit log, chained with SHA-256 so any edit, deletion or reordering shows.

Each entry hashes its own content with the previous entry's hash. Entries that write a row
also hold that row's hash, so a record changed with plain SQL no longer matches its entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

GENESIS = "0" * 64
PIN_ACTIONS = ("sign_in", "witness.confirm", "second_check.confirm", "supervisor.confirm", "giver.confirm",
               "current_pin.confirm", "staff.change_pin", "sign_in.failed", "witness.failed", "second_check.failed",
               "supervisor.failed", "giver.failed", "current_pin.failed")
"""The entries of a PIN typed, right or wrong (services.staff's lockout count, by PinUse), which
the index `audit_pins` holds by staff ID (migration m042); no other entry is in it."""
PINS_TYPED = f"action IN ({', '.join(repr(action) for action in PIN_ACTIONS)})"
"""The index's condition, as a query must write it for SQLite to read the index (a partial index
is used only when the query's terms contain its condition as written)."""

# Tables whose every row is written through an audited write, and their key column.
AUDITED_TABLES = {"meta": "key", "staff": "staff_id", "patients": "patient_id", "records": "id",
                  "wards": "ward", "beds": "id", "cd_register": "id", "exports": "id",
                  "back_entries": "id", "patient_links": "id", "held_versions": "digest",
                  "hold_settlements": "id", "laptops": "id", "laptop_staff": "id", "settlements_otherwise": "id",
                  "otherwise_checked": "id", "not_entered": "id", "ehr_moves": "id",
                  "paper_numbers": "number", "snapshot_as_of": "record_id"}


# One encoder for every hash: json.dumps with options builds a new one per call, and an import
# encodes three values per record. Same options, so the same text as json.dumps gives.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(value: Any) -> str:
    return _CANONICAL.encode(value)


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def _entry_hash(entry: Mapping[str, Any]) -> str:
    return digest({k: entry[k] for k in
                   ("seq", "at", "actor", "device_id", "action", "entity", "entity_id",
                    "detail", "prev_hash")})


def append(db: Database, *, at: datetime, actor: str | None, device_id: str | None,
           action: str, entity: str | None = None, entity_id: str | None = None,
           row: Mapping[str, Any] | None = None, detail: Mapping[str, Any] | None = None) -> int:
    """Add one entry; call inside the transaction of the write it describes."""
    seq, prev_hash = _last(db)
    entry = _entry(seq + 1, prev_hash, at=at.isoformat(), actor=actor, device_id=device_id, action=action, entity=entity,
                   entity_id=entity_id, row=row, detail=detail)
    db.execute(_INSERT_ENTRY, entry)
    return entry["seq"]


def append_reading(db: Database, **entry: Any) -> None:
    """An entry about a reading (a sign-in, a print), in a transaction of its own; left
    unwritten on a database opened only for reading (its disk full), where the reading it
    describes must go on: a ward prints its census and MARs when it needs them most."""
    from downtime.storage.connection import writable  # it imports the migrations, which import this module

    if not writable(db):
        return
    with db.atomic():
        append(db, **entry)


_INSERT_ENTRY = ("INSERT INTO audit (seq, at, actor, device_id, action, entity, entity_id, detail, prev_hash, hash)"
                 " VALUES (:seq, :at, :actor, :device_id, :action, :entity, :entity_id, :detail, :prev_hash, :hash)")


def latest_time(db: Database, entries: int = 200) -> datetime | None:
    """The latest time among the log's last `entries` entries, of any laptop and any action (None:
    an empty log): the time a right PIN kept through a full disk is dated no later than, once the
    wrong ones it ended are written (services.staff `flush_uncounted`), which this reading holds.
    Among the last ones rather than the last one: a clock set back and a dose recorded since put an
    earlier time after the later ones."""
    found = [datetime.fromisoformat(at) for (at,) in db.execute(
        "SELECT at FROM audit ORDER BY seq DESC LIMIT ?", [entries])]
    return max(found, default=None)


def latest_written_here(db: Database) -> datetime | None:
    """The latest time this laptop wrote in the log (None: none yet): the latest its clock read,
    which a clock set back is behind (services.clock_check). The latest of all its entries, not
    its last one: a clock set back and a dose recorded since put an earlier time after the later
    ones, and read among the log's last 200 entries, a morning's round on a clock still a day
    behind went past it. Other laptops' entries, merged here, are their clocks'. Read from the
    index of each laptop's moments (`audit_device_moment`; the actions it leaves out are left out
    here for it to serve), one step however long the log."""
    latest = db.execute(
        "SELECT at FROM audit WHERE device_id = (SELECT value FROM meta WHERE key = 'device_id')"
        " AND action NOT IN ('sign_in.failed', 'sign_in.locked', 'record.import')"
        " ORDER BY strftime('%Y-%m-%dT%H:%M:%f', at) DESC LIMIT 1").fetchone()
    return datetime.fromisoformat(latest[0]) if latest else None


def _last(db: Database) -> tuple[int, str]:
    last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (last[0], last[1]) if last else (0, GENESIS)


def _entry(seq: int, prev_hash: str, *, at: str, actor: str | None, device_id: str | None, action: str,
           entity: str | None, entity_id: str | None, row: Mapping[str, Any] | None,
           detail: Mapping[str, Any] | None) -> dict[str, Any]:
    body = dict(detail or {})
    if row is not None:
        body["row_hash"] = digest(dict(row))
    entry = {"seq": seq, "at": at, "actor": actor, "device_id": device_id,
             "action": action, "entity": entity, "entity_id": entity_id,
             "detail": canonical(body), "prev_hash": prev_hash}
    entry["hash"] = _entry_hash(entry)
    return entry


def insert_many_audited(db: Database, table: str, rows: Sequence[Mapping[str, Any]],
                        details: Sequence[Mapping[str, Any]], *, at: datetime, actor: str | None,
                        device_id: str | None, action: str) -> None:
    """Insert rows and one audit entry each, in two statements: a records-office import of a
    month is a million rows. Each row must already hold exactly what SQLite will store (every
    column, each value of its column's type: the importer checks this), because its hash is
    taken before the insert rather than read back."""
    if not rows:
        return
    columns = list(rows[0])
    db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        map(itemgetter(*columns), rows))
    seq, prev_hash = _last(db)
    at_text, key = at.isoformat(), AUDITED_TABLES[table]
    entries = []
    for row, detail in zip(rows, details, strict=True):
        seq += 1
        entries.append(_entry(seq, prev_hash, at=at_text, actor=actor, device_id=device_id, action=action, entity=table,
                              entity_id=str(row[key]), row=row, detail=detail))
        prev_hash = entries[-1]["hash"]
    db.conn.executemany(_INSERT_ENTRY, entries)


def insert_audited(db: Database, table: str, row: Mapping[str, Any], *, at: datetime,
                   actor: str | None, device_id: str | None, action: str,
                   detail: Mapping[str, Any] | None = None) -> None:
    """Insert a row and its audit entry together (the caller holds the transaction).

    The hash is taken of the row as SQLite stored it (column affinity may turn 200 into
    200.0; RETURNING gives it back that way), so `verify_chain` compares like with like."""
    columns = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING *", dict(row))
    stored = dict(zip([column[0] for column in cursor.description], cursor.fetchone()))
    cursor.close()
    append(db, at=at, actor=actor, device_id=device_id, action=action, entity=table,
           entity_id=str(row[AUDITED_TABLES[table]]), row=stored, detail=detail)


def upsert_audited(db: Database, table: str, row: Mapping[str, Any], *, at: datetime,
                   actor: str | None, device_id: str | None, action: str) -> None:
    """Set a row of a settings-like table; its newest audit entry holds what it now is."""
    key = AUDITED_TABLES[table]
    columns = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    updates = ", ".join(f"{name} = excluded.{name}" for name in row if name != key)
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT({key}) DO UPDATE SET {updates}",
               dict(row))
    cursor = db.execute(f"SELECT * FROM {table} WHERE {key} = ?", [row[key]])
    stored = dict(zip([column[0] for column in cursor.description], cursor.fetchone()))
    append(db, at=at, actor=actor, device_id=device_id, action=action, entity=table,
           entity_id=str(row[key]), row=stored)


@dataclass(frozen=True)
class Break:
    """The first place where the stored data and its audit trail disagree."""

    seq: int | None
    problem: str

    def __str__(self) -> str:
        return f"audit entry {self.seq}: {self.problem}" if self.seq else self.problem


def _entries(db: Database) -> Iterator[dict[str, Any]]:
    cursor = db.execute("SELECT seq, at, actor, device_id, action, entity, entity_id, detail,"
                        " prev_hash, hash FROM audit ORDER BY seq")
    names = [column[0] for column in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


def verify_chain(db: Database) -> Break | None:
    """Check the chain, then that every audited row is exactly what its last entry wrote."""
    expected_prev, expected_seq = GENESIS, 1
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for entry in _entries(db):
        if entry["seq"] != expected_seq:
            return Break(expected_seq, f"is missing: the log jumps to entry {entry['seq']}")
        if entry["prev_hash"] != expected_prev:
            return Break(entry["seq"], f"{_label(entry)} does not follow the entry before it (reordered or removed)")
        if _entry_hash(entry) != entry["hash"]:
            return Break(entry["seq"], f"{_label(entry)} has been altered")
        row_hash = json.loads(entry["detail"]).get("row_hash")
        if row_hash and entry["entity"]:
            latest[(entry["entity"], entry["entity_id"])] = (entry["seq"], row_hash)
        expected_prev, expected_seq = entry["hash"], expected_seq + 1
    return _verify_rows(db, latest)


def _label(entry: dict[str, Any]) -> str:
    return f"({entry['action']} by {entry['actor']} at {entry['at']})"


def _verify_rows(db: Database, latest: dict[tuple[str, str], tuple[int, str]]) -> Break | None:
    written: dict[str, list[tuple[int, str]]] = {table: [] for table in AUDITED_TABLES}
    for (entity, ident), (seq, _) in sorted(latest.items(), key=lambda item: item[1][0]):
        if entity in written:
            written[entity].append((seq, ident))
    present = set(db.table_names())  # a database not yet upgraded lacks a later migration's tables
    for table, key in AUDITED_TABLES.items():
        if table not in present:
            continue
        seen: set[str] = set()
        cursor = db.execute(f"SELECT * FROM {table}")
        names = [column[0] for column in cursor.description]
        for values in cursor:
            row = dict(zip(names, values))
            ident = str(row[key])
            seen.add(ident)
            found = latest.get((table, ident))
            if found is None:
                return Break(None, f"{table} row {ident} has no audit entry (written outside the app)")
            if digest(row) != found[1]:
                return Break(found[0], f"{table} row {ident} no longer matches what this entry wrote (altered)")
        for seq, ident in written[table]:
            if ident not in seen:
                return Break(seq, f"{table} row {ident} written by this entry is gone (deleted)")
    return None

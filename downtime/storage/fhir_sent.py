"""What earlier exports of this database sent in their FHIR bundles (see migration
m022_fhir_sent): each resource's content hash as last sent, by its identity hash. A record sent
is known by its Provenance, which every bundle holding the record's resources carries, found in
the EHR by the record's identifier: so the records office can tell which records the EHR may
hold from a bundle posted before a clerk wrote down the ward's answer."""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Collection

from sqlite_utils import Database

from downtime.storage.records import CHUNK, marks

RECORD_SYSTEM = "urn:downtime:record"
"""The identifier system of every resource made from a record, the record's own id its value."""


def hashed(data: bytes) -> int:
    """64 bits of SHA-256 (the fastest of hashlib's on these laptops' processors) as a signed
    integer, SQLite's. Two identities sharing a hash would at worst send an unchanged resource as
    an update, the same content again."""
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "big", signed=True)


def identity(kind: str, condition: str) -> int:
    """The hash a resource is known by here: its type and the search that finds it in the EHR."""
    return hashed(f"{kind}?{condition}".encode())


def identifier_condition(system: str, value: str) -> str:
    """The search that finds a resource in the EHR by its identifier."""
    return f"identifier={system}|{value}"


def provenance_condition(record_id: str) -> str:
    """The search that finds a record's Provenance (it has no identifier): the record it names."""
    return f"entity:identifier={RECORD_SYSTEM}|{record_id}"


def sent_before(db: Database) -> Callable[[int], int | None]:
    """The content hash last sent for a resource's identity hash, None when never sent; on a
    database that never exported, the answer is None without a query."""
    if db.execute("SELECT 1 FROM fhir_sent LIMIT 1").fetchone() is None:
        return lambda resource: None
    statement = "SELECT content FROM fhir_sent WHERE resource = ?"
    conn = db.conn

    def content(resource: int) -> int | None:
        row = conn.execute(statement, (resource,)).fetchone()
        return None if row is None else row[0]

    return content


def records_sent(db: Database, record_ids: Collection[str]) -> set[str]:
    """Which of these records an earlier bundle sent, as their Provenance says (read at once: a
    few records the ward answered about, not a bundle's every record)."""
    known = {identity("Provenance", provenance_condition(record_id)): record_id for record_id in record_ids}
    wanted = list(known)
    return {known[found] for start in range(0, len(wanted), CHUNK) for (found,) in db.execute(
        f"SELECT resource FROM fhir_sent WHERE resource IN ({marks(wanted[start:start + CHUNK])})",
        wanted[start:start + CHUNK])}


def record_sent(db: Database, resources: array[int], contents: array[int]) -> None:
    """Record resources as sent with these contents; the caller holds the export's transaction."""
    db.conn.executemany("INSERT OR REPLACE INTO fhir_sent (resource, content) VALUES (?, ?)", zip(resources, contents))

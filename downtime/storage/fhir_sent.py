"""What earlier exports of this database sent in their FHIR bundles (see migration
m022_fhir_sent): each resource's content hash as last sent, by its identity hash."""

from __future__ import annotations

from array import array
from collections.abc import Callable

from sqlite_utils import Database


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


def record_sent(db: Database, resources: array[int], contents: array[int]) -> None:
    """Record resources as sent with these contents; the caller holds the export's transaction."""
    db.conn.executemany("INSERT OR REPLACE INTO fhir_sent (resource, content) VALUES (?, ?)", zip(resources, contents))

"""Is this database file sound? SQLite's own check first, then the audit chain."""

from __future__ import annotations

from sqlite_utils import Database

from downtime.storage.audit import verify_chain


def check_database(db: Database) -> str | None:
    """The first problem found, in words, or None when the file is sound."""
    rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        return f"SQLite integrity check failed: {'; '.join(rows[:5])}"
    broken = verify_chain(db)
    return str(broken) if broken else None

"""Is this database file sound? SQLite's own check first, then the audit chain."""

from __future__ import annotations

import sqlcipher3
from sqlite_utils import Database

from downtime.errors import damage_cause
from downtime.storage.audit import verify_chain


def check_database(db: Database) -> str | None:
    """The first problem found, in words, or None when the file is sound. A page SQLite cannot
    read (a bad sector: SQLCipher's page check fails) stops the check itself with an error: that
    is the file found damaged too, said as such, where the error went up to the window, which
    offered no backup, and `downtime verify` ended in a traceback."""
    try:
        rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return f"SQLite integrity check failed: {'; '.join(rows[:5])}"
        broken = verify_chain(db)
    except (sqlcipher3.DatabaseError, MemoryError) as problem:
        if damage_cause(problem) is None:
            raise
        return unreadable(problem)
    return str(broken) if broken else None


def unreadable(problem: BaseException) -> str:
    """A damaged part met while reading a database, in SQLite's words where it has some
    (SQLCipher's failed page check comes as a MemoryError without any)."""
    return f"the file could not be read: {problem or 'a page failed its check'}"

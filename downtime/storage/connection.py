"""The single place where database connections are made (encryption will be added here)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from downtime.errors import UserError
from downtime.storage.migrations import MIGRATIONS


class StorageError(UserError):
    """The database file cannot be used; the message says why in words a ward can act on."""


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and bring up to date) the ward database with durable settings.

    WAL keeps readers and the writer apart; synchronous=FULL makes every commit survive a
    power cut, which matters more here than write speed.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StorageError(f"no database at {path}")
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} cannot be opened as a Downtime database: {exc}") from exc
    return db

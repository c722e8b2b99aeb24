"""The single place where database connections are made.

Every connection goes through SQLCipher (the `sqlcipher3` module bundles it); without a key it
is plain SQLite, which only an explicit choice at set-up makes (see services.unlock).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlite_utils import Database

from downtime.errors import DISK_FULL, READ_ONLY_FILE, StorageRefused, UserError, storage_cause, unwritable
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.storage.keyslots import check_beside, is_encrypted
from downtime.storage.migrations import MIGRATIONS

DatabaseError = sqlcipher3.DatabaseError
PAGE_CACHE_KIB = 32 * 1024
BUSY_WAIT_MS = 5000
"""How long a connection waits for another's write (an import, a backup's audit) before it is
said busy."""
FULL_BELOW = 64 * 1024
"""Free bytes under which the database's disk counts as full: SQLite's shared-memory file, which
even a reader of a WAL database makes, takes 32 KiB, and a full disk refused it as "disk I/O
error"."""


class WardDatabase(Database):
    """A transaction takes SQLite's write lock when it begins (`BEGIN IMMEDIATE`), not at its
    first write. Every write here reads first (the previous audit hash, the versions it
    amends); begun deferred, it reads a snapshot, and when another connection commits before
    its first write (an import or an export on a thread of their own) SQLite refuses that write
    at once, without waiting: an automatic backup failed so in CI while an export ended. Taking
    the lock first, a write waits for the other one (up to the busy timeout) and reads what it
    committed. Nested blocks stay savepoints, as in sqlite-utils."""

    read_only: str | None = None
    """Why the file was opened only for reading (`DISK_FULL`, `READ_ONLY_FILE`); None when it
    can be written. Every write is then refused at its start, saying why."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._after: list[Callable[[], None]] = []

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.read_only is not None:
            raise StorageRefused(self.read_only)
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            self._after.clear()
            raise
        waiting, self._after = self._after, []
        for call in waiting:
            call()

    def after_commit(self, call: Callable[[], None]) -> None:
        """Run `call` once the transaction under way has committed (at once when none is): a
        screen told of a dose saved inside a larger write (the dose, then its register line)
        would show it even if the rest failed and took it back."""
        if self.conn.in_transaction:
            self._after.append(call)
        else:
            call()


class StorageError(UserError):
    """The database file cannot be used; the message says why in words a ward can act on."""


def open_database(path: Path | str, *, create: bool = True, key: bytes | None = None) -> Database:
    """Open (and bring up to date) the ward database with durable settings; `key` is the
    SQLCipher key of an encrypted database (from its key slots), None for a plain one.

    WAL keeps readers and the writer apart; synchronous=FULL makes every commit survive a
    power cut, which matters more here than write speed. SQLCipher decrypts a page each time it
    is read from the file, so the page cache is made large enough (32 MiB) to keep what a ward
    reads again and again, its census and the search index, decrypted in memory: at hospital
    scale a ward's census took 34 ms with SQLCipher's 8 MB, 7 ms with this.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StorageError(QT_TRANSLATE_NOOP("messages", "no database at {path}"), path=path)
    if key is None and is_encrypted(path):
        raise StorageError(QT_TRANSLATE_NOOP("messages", "{path} is encrypted: sign in with a staff ID and PIN to open it"), path=path)
    if key is None:
        check_beside(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only(path, f"{path}-wal", f"{path}-shm")
    db: WardDatabase | None = None
    try:
        db = _connected(str(path), key, uri=False)
        db.conn.execute("PRAGMA journal_mode = WAL")
        db.conn.execute("PRAGMA synchronous = FULL")
        MIGRATIONS.apply(db)
    except sqlcipher3.DatabaseError as exc:
        if db is not None:
            db.conn.close()
        readable = _opened_for_reading(path, key) if unwritable(exc) and path.exists() else None
        if readable is None:
            raise StorageError(QT_TRANSLATE_NOOP("messages", "{path} cannot be opened as a Downtime database: {problem}"),
                               path=path, problem=exc) from exc
        db = readable
    return db


def owner_only(path: Path | str, *also: Path | str) -> None:
    """`path` (created empty if missing, for SQLite to make a database of) and the files `also`
    that exist, readable by the laptop's account alone. With the umask's mode (0644) every other
    account of a shared laptop read an unencrypted ward database, its WAL, or a backup, with
    `sqlite3`; SQLite gives the -wal and -shm files the database's own mode, and a file an
    earlier version made keeps its mode until changed. Not on Windows, where a mode means
    nothing; a file the system will not change (a read-only disk, which is still read) is left."""
    if os.name == "nt":
        return
    if not os.path.exists(path):
        with suppress(OSError):  # a folder it cannot be made in: SQLite says so, as it did
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for name in (path, *also):
        with suppress(OSError):
            os.chmod(name, 0o600)


def _connected(target: str, key: bytes | None, *, uri: bool) -> WardDatabase:
    conn = sqlcipher3.connect(target, check_same_thread=False, isolation_level=None, uri=uri)
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    return WardDatabase(conn)


def _opened_for_reading(path: Path, key: bytes | None) -> WardDatabase | None:
    """The database opened only for reading when its disk is full or its folder read-only, so
    a ward can still print its census and MARs when it needs them most (a full disk stopped even
    `downtime census`); None when it cannot be, or needs an upgrade it cannot write.

    A reader of a WAL database needs its shared-memory file: when another program has it open,
    `mode=ro` reads through it. Otherwise SQLite reads without one only from an `immutable`
    file, which ignores the WAL: that is safe only once the WAL is empty, so changes still in it
    are first moved into the database file by a connection that holds the file alone (an
    exclusive lock needs no shared memory), which SQLite does when it closes."""
    uri = path.absolute().as_uri()
    wal = Path(f"{path}-wal")
    readable = _readable(f"{uri}?mode=ro", key)
    if readable is None and wal.exists() and wal.stat().st_size:
        try:
            with closing(_connected(uri, key, uri=True).conn) as alone:
                alone.execute("PRAGMA locking_mode = EXCLUSIVE")
                alone.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            return None
    if readable is None and not (wal.exists() and wal.stat().st_size):
        readable = _readable(f"{uri}?immutable=1", key)
    if readable is None or MIGRATIONS.pending(readable):
        return None
    free = shutil.disk_usage(path.parent).free
    readable.read_only = DISK_FULL if free < FULL_BELOW else READ_ONLY_FILE
    return readable


def _readable(uri: str, key: bytes | None) -> WardDatabase | None:
    try:
        db = _connected(uri, key, uri=True)
    except sqlcipher3.DatabaseError:
        return None
    try:
        db.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        db.conn.close()
        return None
    return db


def writable(db: Database) -> bool:
    """False for a database opened only for reading (`WardDatabase.read_only`)."""
    return getattr(db, "read_only", None) is None


def read_only_notice(db: Database) -> str | None:
    """What to tell the person at opening when the database could be opened only for reading,
    marked for the catalogue; None when it can be written."""
    cause = getattr(db, "read_only", None)
    if cause is None:
        return None
    if cause == DISK_FULL:
        return QT_TRANSLATE_NOOP("messages", "The disk is full: you can read and print, not record. Free space or move "
                                             "the database.")
    return QT_TRANSLATE_NOOP("messages", "The database's folder cannot be written to: you can read and print, not "
                                         "record. Move the database to a folder you can write to.")


def write_failure(problem: Exception, lang: Lang, *, draft: bool = False) -> str:
    """A failed write in words a ward can act on; the transaction was rolled back, so nothing
    was half-written, and the form on screen still holds what was typed (`draft`: the copy kept
    while typing could not be written)."""
    known = storage_cause(problem)
    if known is not None:
        cause = message(lang, known)
    else:
        cause = message(lang, QT_TRANSLATE_NOOP("messages", "the disk refused the write ({problem})"), problem=problem)
    if draft:
        return message(lang, QT_TRANSLATE_NOOP("messages", "Draft not kept: {cause}. Your form is still open: keep it open and save it, "
                                                    "or write the record on the paper form."), cause=cause)
    return message(lang, QT_TRANSLATE_NOOP("messages", "Not saved: {cause}. Nothing was half-saved and your form is still open: "
                                                "keep it open, write the record on the paper form if needed, "
                                                "and call IT."), cause=cause)

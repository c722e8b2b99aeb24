"""Copies of the live database made with SQLite's online backup API (consistent even while
the app writes), encrypted with the same key as the database, each with a copy of the key
slots that open it. A copy is written under a temporary name, checked, and only then renamed,
so a backup folder never holds a half-written backup; the oldest of the same database beyond
`keep` are removed."""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.errors import NOT_WRITTEN, UserError, disk_cause
from downtime.storage import keyslots
from downtime.storage.connection import StorageError

PREFIX = "downtime-backup-"
SUFFIX = ".sqlite"


class BackupError(UserError):
    pass


# The time in a backup's name: UTC ("Z") now; the laptop's own time in earlier versions' names,
# to the microsecond with a random part, or to the second alone.
_NAMED = re.compile(rf"{re.escape(PREFIX)}(\d{{8}}-\d{{6}})(?:-(\d{{6}}))?(Z?)(?:-[0-9a-f]+)?{re.escape(SUFFIX)}")
_UNDATED = datetime.min.replace(tzinfo=timezone.utc)


def _name(at: datetime) -> str:
    """The time in UTC to the microsecond, which orders one database's backups, then a random part:
    named to the second, two databases backing up to one folder (or two backups within a second)
    took one name, and the second copy replaced the first; named in the laptop's time, the backup
    made at 02:20 the second time round the hour the clocks go back sorted before the one made at
    02:30 the first time, and was removed as the oldest, or passed over for restoring."""
    return f"{PREFIX}{at.astimezone(timezone.utc):%Y%m%d-%H%M%S-%f}Z-{secrets.token_hex(4)}{SUFFIX}"


def _named_time(path: Path) -> tuple[datetime, bool] | None:
    """When a backup was made by its name, and whether the name says it in UTC."""
    found = _NAMED.fullmatch(path.name)
    if found is None:
        return None
    second, micro, utc = found.groups()
    try:
        written = datetime.strptime(f"{second}-{micro or '000000'}", "%Y%m%d-%H%M%S-%f")
    except ValueError:  # digits that are no time (a copy renamed by hand)
        return None
    # An earlier version's name is in the laptop's time; in the repeated hour, its first pass.
    return (written.replace(tzinfo=timezone.utc) if utc else written.astimezone()), bool(utc)


def made_at(path: Path) -> datetime | None:
    """When a backup was made (by its name), for the person choosing one, who reads the laptop's time."""
    found = _named_time(path)
    return found[0].astimezone() if found else None


def backups_in(folder: Path) -> list[Path]:
    """Newest first, by the time their names give, earlier versions' names among them; at one
    time, an earlier version's name (to the second) before a name of now. A name giving no time
    comes last."""
    found = folder.glob(f"{PREFIX}*{SUFFIX}") if folder.is_dir() else []
    return sorted(found, key=lambda path: (*(_named_time(path) or (_UNDATED, False)), path.name), reverse=True)


def _connect(path: Path, key: bytes | None) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    # Another database's backup, tried with this key, is expected to fail (see `_audit_ends`):
    # SQLCipher printed three lines of its decryption errors on the console for each, hundreds
    # at a `downtime verify`. The failure itself still raises.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def make_backup(db: Database, db_path: Path, key: bytes | None, folder: Path, at: datetime, keep: int) -> Path:
    """A full or removed stick may refuse the copy in the file system (an OSError) or in SQLite
    writing it (a database error, which SQLCipher's module raises without its result code): either
    way the person is told, and the half-written copy goes.

    The copy is checked with SQLite's quick check, which reads every page (and SQLCipher checks
    each page's authentication code as it reads it) and each page's structure, but does not
    compare indexes with their tables: the copy holds the pages of a database whose indexes the
    full check passed at its opening, and a restored backup gets the full check before it is
    used. On the records office's 2 GB database the full check took 60 s of a 76 s backup."""
    target = folder / _name(at)
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        destination = _connect(partial, key)
        try:
            db.conn.backup(destination)
            problems = [row[0] for row in destination.execute("PRAGMA quick_check").fetchall()]
        finally:
            destination.close()
        if problems != ["ok"]:
            partial.unlink(missing_ok=True)
            raise BackupError(QT_TRANSLATE_NOOP("messages", "the backup copy failed its check ({problems})"),
                              problems="; ".join(problems[:3]))
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        if keyslots.is_encrypted(db_path):
            keyslots.copy_slots(db_path, target)
        os.replace(partial, target)
    except (OSError, sqlcipher3.DatabaseError) as problem:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
            keyslots.keys_path(target).unlink(missing_ok=True)  # half-written beside no backup (its name is new)
        raise BackupError(NOT_WRITTEN, path=folder, cause=disk_cause(problem)) from None
    first = first_entry(db)
    for old in backups_of(folder, key, first)[keep:] if first else []:
        old.unlink(missing_ok=True)
        keyslots.keys_path(old).unlink(missing_ok=True)
    return target


def first_entry(db: Database) -> str | None:
    """The hash of a database's first audit entry, which no other database shares: it tells the
    database's backups from another's. None when the file cannot even be read that far."""
    try:
        row = db.execute("SELECT hash FROM audit WHERE seq = 1").fetchone()
    except sqlcipher3.DatabaseError:
        return None
    return str(row[0]) if row else None


def _audit_ends(path: Path, key: bytes | None) -> list[tuple[int, str, str]] | None:
    """A backup's first and last audit entries (seq, hash, at), or None when this key does not
    open it (another database's) or it is damaged."""
    try:
        conn = _connect(path, key)
        try:
            return conn.execute("SELECT seq, hash, at FROM audit WHERE seq = 1 OR seq = (SELECT MAX(seq) FROM audit)"
                                " ORDER BY seq").fetchall()
        finally:
            conn.close()
    except sqlcipher3.DatabaseError:
        return None


def _backups_of(key: bytes | None, folder: Path, first: str | None) -> Iterator[tuple[Path, list[tuple[int, str, str]]]]:
    """A database's backups in `folder`, newest first, with their audit ends: those its key
    opens whose first audit entry is its own (`first`; unknown, the key alone tells). A folder
    is often shared (the user data folder's is the demo ward's too, a USB stick may serve two
    laptops): another database's backups are not this one's to count, remove, compare or be
    restored from."""
    for path in backups_in(folder):
        ends = _audit_ends(path, key)
        if ends and (first is None or ends[0][1] == first):
            yield path, ends


def backups_of(folder: Path, key: bytes | None, first: str | None) -> list[Path]:
    """The backups that may take a damaged database's place, newest first (see `_backups_of`);
    a plain database too damaged to read its first entry cannot tell its own from another
    plain database's."""
    return [path for path, _ in _backups_of(key, folder, first)]


def newest_backup_of(db: Database, key: bytes | None, folder: Path) -> Path | None:
    """The backup `ends_before_a_backup` checks the chain's end against; None: there is none
    here, and entries cut from the end cannot show."""
    first = first_entry(db)
    return next((path for path, _ in _backups_of(key, folder, first)), None) if first else None


def ends_before_a_backup(db: Database, key: bytes | None, folder: Path) -> str | None:
    """The audit chain holds no anchor for its own end: the newest entries deleted with the rows
    they wrote leave a shorter chain that still verifies. The newest backup of the same database
    (its first entry the same) holds the chain as it was then: its last entry must still be in
    this one, unchanged. Backups of another database (another key, another first entry) and
    damaged copies are passed over; with none, nothing can be said."""
    first = first_entry(db)
    newest = next(_backups_of(key, folder, first), None) if first else None
    if newest is None:
        return None
    path, ends = newest
    seq, last_hash, at = ends[-1]
    here = db.execute("SELECT hash FROM audit WHERE seq = ?", [seq]).fetchone()
    if here is None or here[0] != last_hash:
        return (f"audit entry {seq} ({at}), the last in the backup {path.name}, is no longer in this database: "
                "the newest entries were removed or rewritten since that backup")
    return None


def restore_backup(backup: Path, target: Path, sound: Callable[[Path], str | None] | None = None) -> None:
    """Put a backup (and its key slots) in place as `target`, which must not exist: the damaged
    file is moved aside by the person restoring, never overwritten by the app. `sound` checks
    the copy before it takes the target's name (a problem, or None): a damaged backup is never
    left in place as the ward's database, and the target stays free for a sound one."""
    if not backup.is_file():
        raise BackupError(QT_TRANSLATE_NOOP("messages", "no backup at {path}"), path=backup)
    if target.exists():
        raise BackupError(QT_TRANSLATE_NOOP("messages", "{path} exists: move it aside first (it may be needed to find out what went wrong)"),
                          path=target)
    keyslots.check_beside(backup)  # it read "not sound (file is not a database)"
    encrypted = keyslots.is_encrypted(backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        shutil.copyfile(backup, partial)
        if encrypted:
            keyslots.copy_slots(backup, partial)
        try:
            problem = sound(partial) if sound is not None else None
        except StorageError as unusable:  # SQLite's own words, not the temporary copy's name
            problem = str(unusable.values.get("problem", unusable))
        if problem is not None:
            raise BackupError(QT_TRANSLATE_NOOP("messages", "{path} is not sound ({problem}): nothing was put in place"),
                              path=backup, problem=problem)
        if encrypted:
            os.replace(keyslots.keys_path(partial), keyslots.keys_path(target))
        os.replace(partial, target)
    finally:
        for left in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), keyslots.keys_path(partial),
                     keyslots.lock_path(partial)):
            with suppress(FileNotFoundError):
                left.unlink()


def set_aside(path: Path, at: datetime) -> Path:
    """Move a damaged database (and its journal and key slots) out of the way, renamed, so a
    backup can take its place and the damaged copy can still be examined."""
    aside = path.with_name(f"{path.name}.damaged-{at:%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{aside}{suffix}"))
    if keyslots.is_encrypted(path):
        os.replace(keyslots.keys_path(path), keyslots.keys_path(aside))
    return aside

"""Copies of the live database made with SQLite's online backup API (consistent even while
the app writes), encrypted with the same key as the database, each with a copy of the key
slots that open it. A copy is written under a temporary name, checked, and only then renamed,
so a backup folder never holds a half-written backup; then those of the same database the
rotation lets go (`domain.backup_rotation`: the newest `keep`, the last of each day and the
first stay) are removed, with their key slots."""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from downtime.domain.backup_rotation import to_prune
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.errors import NOT_WRITTEN, UserError, damage_cause, disk_cause
from downtime.storage import keyslots
from downtime.storage.connection import StorageError, owner_only
from downtime.storage.integrity import unreadable

PREFIX = "downtime-backup-"
SUFFIX = ".sqlite"
RESTORED = "backup.restored"
"""The audit action of a backup put in place of its damaged database (services.backups.restored),
whose detail says the numbers it lost (services.paper_numbers): `lost_from` to `lost_to` under
`device_number`."""


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
    # Another database's backup, tried with this key, is expected to fail (see `audit_ends`):
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
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        owner_only(partial)  # its -journal takes its mode, and the backup keeps it through the rename
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
    own = backups_of(folder, key, first) if first else []
    for old in to_prune({path: made_at(path) for path in own}, keep, at):
        old.unlink(missing_ok=True)
        keyslots.keys_path(old).unlink(missing_ok=True)
    return target


@dataclass(frozen=True)
class Lineage:
    """What tells a database's backups from another's: the hash of its first audit entry, which
    no database set up apart shares, and its device id. A copy made a laptop of its own
    (services.installation.become_own_laptop) keeps the first entry and the key of the laptop it
    was copied from, and gets a device id of its own: with one USB stick serving both, each took
    the other's backups for its own, the sound one was called damaged and offered the other's
    database, and each one's rotation removed the other's backups."""

    first: str
    device_id: str | None


_Ends = list[tuple[int, str, str]]


def first_entry(db: Database) -> Lineage | None:
    """The database's `Lineage`; None when the file cannot even be read that far."""
    try:
        first = db.execute("SELECT hash FROM audit WHERE seq = 1").fetchone()
        device = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    except (sqlcipher3.DatabaseError, MemoryError):
        return None
    return Lineage(str(first[0]), device[0] if device else None) if first else None


def _read(path: Path, key: bytes | None) -> tuple[_Ends, str | None] | None:
    """A backup's first and last audit entries (seq, hash, at) and its device id, or None when
    this key does not open it (another database's) or it is damaged."""
    try:
        conn = _connect(path, key)
        try:
            ends = conn.execute("SELECT seq, hash, at FROM audit WHERE seq = 1 OR seq = (SELECT MAX(seq) FROM audit)"
                                " ORDER BY seq").fetchall()
            device = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        finally:
            conn.close()
    except (sqlcipher3.DatabaseError, MemoryError):
        return None
    return (ends, device[0] if device else None) if ends else None


def audit_ends(path: Path, key: bytes | None) -> _Ends | None:
    """A backup's first and last audit entries (seq, hash, at), or None (see `_read`)."""
    found = _read(path, key)
    return found[0] if found else None


def _backups_of(key: bytes | None, folder: Path, first: Lineage | None) -> Iterator[tuple[Path, _Ends]]:
    """A database's backups in `folder`, newest first, with their audit ends: those its key
    opens of its own lineage (`first`; unknown, the key alone tells). A folder is often shared
    (the user data folder's is the demo ward's too, a USB stick may serve two laptops): another
    database's backups are not this one's to count, remove, compare or be restored from."""
    for path in backups_in(folder):
        found = _read(path, key)
        if found and (first is None or Lineage(found[0][0][1], found[1]) == first):
            yield path, found[0]


def backups_of(folder: Path, key: bytes | None, first: Lineage | None) -> list[Path]:
    """The backups that may take a damaged database's place, newest first (see `_backups_of`);
    a plain database too damaged to read its first entry cannot tell its own from another
    plain database's."""
    return [path for path, _ in _backups_of(key, folder, first)]


def newest_backup_of(db: Database, key: bytes | None, folder: Path) -> Path | None:
    """The backup `ends_before_a_backup` checks the chain's end against; None: there is none
    here, and entries cut from the end cannot show."""
    found = _against_a_backup(db, key, folder)
    return found[0] if found else None


def ends_before_a_backup(db: Database, key: bytes | None, folder: Path) -> str | None:
    """The audit chain holds no anchor for its own end: the newest entries deleted with the rows
    they wrote leave a shorter chain that still verifies. The newest backup of the same database
    (`Lineage`) holds the chain as it was then: its last entry must still be in this one,
    unchanged. See `_against_a_backup` for the backups passed over; with none, nothing can be
    said."""
    found = _against_a_backup(db, key, folder)
    return found[1] if found else None


def _against_a_backup(db: Database, key: bytes | None, folder: Path) -> tuple[Path, str | None] | None:
    """The backup the chain's end is checked against, and the problem found (None: its last entry
    is here). Passed over: backups of another database; those made before the last restore
    (`RESTORED`), of the history the restore abandoned, whose newer entries the restored
    database never held; and a backup whose end is not here that fails SQLite's quick check (a
    stick's bad sector), read only then, so a sound database costs no read of its backup. Either
    way, a database restored from the backup before a damaged one was called tampered with at
    every opening after, and offered that same backup again: the ward never got in."""
    first = first_entry(db)
    if first is None:
        return None
    restored = db.execute("SELECT at FROM audit WHERE action = ? ORDER BY seq DESC LIMIT 1", [RESTORED]).fetchone()
    since = datetime.fromisoformat(restored[0]).astimezone() if restored else None
    for path, ends in _backups_of(key, folder, first):
        named = _named_time(path)
        if since is not None and (named is None or named[0] < since):
            return None  # newest first: the rest were made before the restore too
        seq, last_hash, at = ends[-1]
        here = db.execute("SELECT hash FROM audit WHERE seq = ?", [seq]).fetchone()
        if here is not None and here[0] == last_hash:
            return path, None
        if _quick_check(path, key) is None:
            return path, (f"audit entry {seq} ({at}), the last in the backup {path.name}, is no longer in this "
                          "database: the newest entries were removed or rewritten since that backup")
    return None


def _quick_check(path: Path, key: bytes | None) -> str | None:
    """SQLite's quick check of a backup (see `make_backup`): the problem, or None."""
    try:
        conn = _connect(path, key)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except (sqlcipher3.DatabaseError, MemoryError) as problem:
        return unreadable(problem)
    return None if rows == ["ok"] else "; ".join(rows[:3])


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
        except (sqlcipher3.DatabaseError, MemoryError) as damaged:  # a bad page met opening it: the next one may do
            if damage_cause(damaged) is None:
                raise
            problem = unreadable(damaged)
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


OPEN_ELSEWHERE = QT_TRANSLATE_NOOP("messages", "Close the other Downtime window on this laptop first (or the "
                                               "'downtime' command using {path}): it still has the database open, and "
                                               "what it saved would go into the damaged file. Nothing was moved.")


def set_aside(path: Path, at: datetime) -> Path:
    """Move a damaged database (and its journal and key slots) out of the way, renamed, so a
    backup can take its place and the damaged copy can still be examined; refused while another
    window of the app (another process) has it open (`_alone`)."""
    _alone(path)
    aside = path.with_name(f"{path.name}.damaged-{at:%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{aside}{suffix}"))
    if keyslots.is_encrypted(path):
        os.replace(keyslots.keys_path(path), keyslots.keys_path(aside))
    return aside


def _alone(path: Path) -> None:
    """Refused (`OPEN_ELSEWHERE`) while another connection has the database open: a window still
    open on it went on saving into the file set aside, each save said saved and none in the
    ward's database (on Windows, the rename failed instead). An idle connection to a WAL
    database holds no lock on the file itself, only a shared one on its shared-memory file
    (`_shared_memory_in_use`), which another process sees; SQLite itself sees this process's own
    connections, refusing at once the exclusive lock this read asks for. Any other error means
    none holds it (the file's damage, or no key to read it). Read-only, it writes nothing to the
    damaged file, and it lets go before the rename, which Windows refuses on a file open."""
    held = False
    try:
        with closing(sqlcipher3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)) as conn:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA busy_timeout = 0")
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except (sqlcipher3.DatabaseError, MemoryError) as problem:
        held = getattr(problem, "sqlite_errorcode", None) in (sqlcipher3.SQLITE_BUSY, sqlcipher3.SQLITE_LOCKED)
    if held or _shared_memory_in_use(path):
        raise BackupError(OPEN_ELSEWHERE, path=path)


_DEAD_MANS_SWITCH = 128
"""The byte of a WAL database's shared-memory file ("-shm") that each connection using it holds
a shared lock on while it is open (SQLite's os_unix.c and os_win.c: UNIX_SHM_DMS, WIN_SHM_DMS)."""


def _shared_memory_in_use(path: Path) -> bool:
    """Whether another process holds the database open, by the lock each of its connections
    holds on the shared-memory file. Asked once SQLite has said no connection of this process
    has it open: a POSIX lock is the process's own, and closing any descriptor of the file
    drops all of them."""
    try:
        descriptor = os.open(f"{path}-shm", os.O_RDWR)
    except OSError:  # none (no connection since the last one closed), or not ours to lock
        return False
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(descriptor, _DEAD_MANS_SWITCH, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _DEAD_MANS_SWITCH, os.SEEK_SET)
            fcntl.lockf(descriptor, fcntl.LOCK_UN, 1, _DEAD_MANS_SWITCH, os.SEEK_SET)
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False

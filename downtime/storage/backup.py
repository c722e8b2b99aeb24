"""Copies of the live database made with SQLite's online backup API (consistent even while
the app writes), encrypted with the same key as the database, each with a copy of the key
slots that open it. A copy is written under a temporary name, checked, and only then renamed,
so a backup folder never holds a half-written backup; then those of the same database the
rotation lets go (`domain.backup_rotation`: the newest `keep`, the last of each day and the
first stay) are removed, with their key slots."""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from downtime.domain.backup_rotation import newest_first, to_prune
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.errors import NOT_WRITTEN, UserError, damage_cause, disk_cause
from downtime.storage import keyslots, locks
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
    partial = target.with_name(target.name + PARTIAL)
    first = first_entry(db)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for left in [*leftovers(folder, key, first), *orphan_slots(folder)]:
            with suppress(OSError):  # the backup itself matters more; the next one tries again
                left.unlink(missing_ok=True)
        with _copying(partial):
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
    own = _backups_of(key, folder, first) if first else []
    for old in to_prune(_made_by_history(db, key, folder, own), keep, at) - {target}:
        old.unlink(missing_ok=True)
        keyslots.keys_path(old).unlink(missing_ok=True)
    return target


PARTIAL = ".partial"


def leftovers(folder: Path, key: bytes | None, first: Lineage | None) -> list[Path]:
    """What this database's backups cut short (a power cut, the process killed, a stick pulled)
    left in `folder`: a copy under its temporary name that no backup is making (`_copying`),
    whole when cut at the rename, that this database's key opens (`first`'s lineage), with its
    journal, its lock file and the key slots written beside it. None was ever rotated, offered or
    retired: each cut left on the stick for good a whole database that every PIN of then opened.
    Another database's are its own laptop's to clear: judged by their age, a copy another laptop
    was making, its clock slow, was removed mid-copy by this one's backup, and by its retirement."""
    found: list[Path] = []
    for partial in sorted(folder.glob(f"{PREFIX}*{SUFFIX}{PARTIAL}")) if folder.is_dir() else []:
        if not _in_progress(partial) and _of_lineage(_read(partial, key), first):
            target = partial.with_name(partial.name.removesuffix(PARTIAL))
            found += [partial, Path(f"{partial}-journal"), _lock_of(partial),
                      *([] if target.exists() else [keyslots.keys_path(target)])]
    return [path for path in dict.fromkeys(found) if path.exists()]


def orphan_slots(folder: Path) -> list[Path]:
    """Key slots in `folder` beside no backup nor copy, whoever's: they open nothing, and no backup
    in progress leaves them so (its copy keeps its temporary name until its slots are written,
    which is why the copy is looked for first)."""
    found = sorted(folder.glob(f"{PREFIX}*{SUFFIX}.keys")) if folder.is_dir() else []
    return [slots for slots in found
            if not (backup := slots.with_name(slots.name.removesuffix(".keys"))).with_name(backup.name + PARTIAL).exists()
            and not backup.exists()]


def _lock_of(partial: Path) -> Path:
    return partial.with_name(partial.name + ".lock")


UNLOCKABLE = frozenset({errno.ENOLCK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EINVAL})
"""What a folder whose file system takes no locks answers (a network share): the backup is made
without the lock, as before it (every backup there failed, BACKUP FAILED in the banner), and is
spared by another's clean-up all the same, which cannot try the lock either (`_in_progress`)."""


@contextmanager
def _copying(partial: Path) -> Iterator[None]:
    """Held for a backup's copy, check and rename: the system's lock on a file beside the copy
    (`storage.locks`), which the system drops when the process ends, a crash among them. Another
    window's backup or a `downtime backup` command (`_in_progress`) sees by it a copy being made,
    whatever its age or the clock of the laptop making it: a copy seconds old, being checked by
    the command, was removed by the window's backup, and the command said the stick was pulled."""
    lock = _lock_of(partial)
    try:
        with ExitStack() as held:
            try:
                held.enter_context(locks.held(lock))
            except OSError as error:
                if error.errno not in UNLOCKABLE:
                    raise
            yield
    finally:
        with suppress(OSError):
            lock.unlink(missing_ok=True)


def _in_progress(partial: Path) -> bool:
    """Whether a backup is making the copy `partial` (`_copying`); a copy with no lock file beside
    it was cut before this version, or is finished and renamed since."""
    try:
        descriptor = os.open(_lock_of(partial), os.O_RDWR)
    except OSError:
        return False
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # let go of when closed
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False


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


def _backups_of(key: bytes | None, folder: Path, first: Lineage | None) -> list[tuple[Path, _Ends]]:
    """A database's backups in `folder`, with their audit ends: those its key opens of its own
    lineage (`first`; unknown, the key alone tells). A folder is often shared (the user data
    folder's is the demo ward's too, a USB stick may serve two laptops): another database's
    backups are not this one's to count, remove, compare or be restored from.

    Newest first by how far their audit log reaches (its last entry's seq), then by the time
    their names give, which the tail check goes by (the rotation and the restore's offer also
    by the history each is of: `_made_by_history`): named by a clock running a day ahead and put
    right, the evening's backups read as newer than those made since, and the restore offered,
    the tail check compared against and the rotation kept the stale ones, the backup holding the
    last admission removed."""
    found = []
    for path in backups_in(folder):
        read = _read(path, key)
        if read is not None and _of_lineage(read, first):
            found.append((path, read[0]))
    return sorted(found, key=lambda each: each[1][-1][0], reverse=True)  # stable: names' order within a seq


def _of_lineage(found: tuple[_Ends, str | None] | None, first: Lineage | None) -> bool:
    """Whether a copy `_read` with this database's key is this database's (`first` unknown: the key alone tells)."""
    return found is not None and (first is None or Lineage(found[0][0][1], found[1]) == first)


def _made_by_reach(own: list[tuple[Path, _Ends]]) -> dict[Path, datetime | None]:
    """When each of a database's backups (newest first, `_backups_of`) was made, by its name, but
    never after one that reaches further: what the rotation orders and keeps a day's last by."""
    made: dict[Path, datetime | None] = {}
    bound: datetime | None = None
    for path, _ in own:
        at = made_at(path)
        if at is not None and bound is not None and at > bound:
            at = bound
        made[path] = at
        bound = at or bound
    return made


def _made_by_history(db: Database, key: bytes | None, folder: Path,
                     own: list[tuple[Path, _Ends]]) -> dict[Path, datetime | None]:
    """When each of a database's backups (`_backups_of`) counts as made, for the rotation and the
    restore's offer: by how far they reach (`_made_by_reach`), those whose last entry this log
    holds and any other whose end is not here (newest entries cut since, kept to show it) alike
    (a backup named by a clock a day ahead was offered before the one reaching further, which held
    the last admission); those of a history a restore abandoned (`_abandoned`) as the oldest of
    all (None). Ordered by reach alone, right after IT restored an older backup the backups it
    refused reached further than any made since: each new backup was removed as soon as made
    (the banner saying "0 min ago"), and a second restore offered the refused history, losing
    the work since the first. A backup a restore abandoned goes no later than the backup it was
    restored from, which `_restore_points` needs to tell it apart."""
    points: list[int] | None = None  # read once a backup's end is not here
    abandoned = set()
    for path, ends in own:
        if _hash_here(db, ends[-1][0]) != ends[-1][1]:
            if points is None:
                points = _restore_points(db, key, folder)
            if _abandoned(db, key, path, ends[-1][0], points):
                abandoned.add(path)
    made = _made_by_reach([(path, ends) for path, ends in own if path not in abandoned])
    return {**made, **dict.fromkeys(abandoned)}


def backups_of(folder: Path, key: bytes | None, first: Lineage | None) -> list[Path]:
    """A database's backups in `folder` by how far they reach (see `_backups_of`); a plain
    database too damaged to read its first entry cannot tell its own from another plain
    database's."""
    return [path for path, _ in _backups_of(key, folder, first)]


def backups_to_restore(db: Database | None, key: bytes | None, folder: Path) -> list[Path]:
    """The backups that may take a damaged database's place, newest first as the rotation counts
    them (`_made_by_history`), so those of a history a restore abandoned come last; by how far
    they reach when the damaged file's log cannot be read."""
    first = first_entry(db) if db is not None else None
    own = _backups_of(key, folder, first)
    if db is None or first is None:
        return [path for path, _ in own]
    try:
        return newest_first(_made_by_history(db, key, folder, own))
    except (sqlcipher3.DatabaseError, MemoryError):  # a bad page further on in the log
        return [path for path, _ in own]


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
    is here). Passed over: backups of another database; those of a history a restore abandoned
    (`_restore_points`), whose newer entries the restored database never held; and a backup
    whose end is not here that fails SQLite's quick check (a stick's bad sector), read only
    then, so a sound database costs no read of its backup. Either way, a database restored from
    the backup before a damaged one was called tampered with at every opening after, and offered
    that same backup again: the ward never got in."""
    first = first_entry(db)
    if first is None:
        return None
    points: list[int] | None = None  # read once a backup's end is not here
    for path, ends in _backups_of(key, folder, first):
        seq, last_hash, at = ends[-1]
        if _hash_here(db, seq) == last_hash:
            return path, None
        if points is None:
            points = _restore_points(db, key, folder)
        if _abandoned(db, key, path, seq, points):
            continue
        if _quick_check(path, key) is None:
            return path, (f"audit entry {seq} ({at}), the last in the backup {path.name}, is no longer in this "
                          "database: the newest entries were removed or rewritten since that backup")
    return None


def _restore_points(db: Database, key: bytes | None, folder: Path) -> list[int]:
    """Where the restores this log records (`RESTORED`) took it back to: the seq of each one's
    `last_entry`, when that entry is still here, unchanged, and the backup it names is there (by
    its path, or its name in `folder`), ending at it. A backup whose history leaves this log right
    after such a point is of the history that restore abandoned. Taken on the entry's word alone,
    one restore entry forged at the end of a log whose newest entries were cut (the chain is
    computed as the app computes it) passed over every backup made before it, the one holding
    the cut entries among them."""
    points = []
    for (detail,) in db.execute("SELECT detail FROM audit WHERE action = ? ORDER BY seq", [RESTORED]):
        said = json.loads(detail)
        last = said.get("last_entry") or {}
        seq, last_hash = last.get("seq"), last.get("hash")
        if not isinstance(seq, int) or last_hash is None or _hash_here(db, seq) != last_hash:
            continue
        named = Path(str(said.get("backup") or ""))
        for candidate in (named, folder / named.name):
            ends = audit_ends(candidate, key) if named.name and candidate.is_file() else None
            if ends and (ends[-1][0], ends[-1][1]) == (seq, last_hash):
                points.append(seq)
                break
    return points


def _abandoned(db: Database, key: bytes | None, path: Path, seq: int, points: list[int]) -> bool:
    """Whether a backup reaching to `seq` left this log right where a restore took it back
    (`_restore_points`): of the history that restore abandoned."""
    return any(_hash_at(path, key, point + 1) != _hash_here(db, point + 1) for point in points if point < seq)


def _hash_here(db: Database, seq: int) -> str | None:
    found = db.execute("SELECT hash FROM audit WHERE seq = ?", [seq]).fetchone()
    return str(found[0]) if found else None


def _hash_at(path: Path, key: bytes | None, seq: int) -> str | None:
    """A backup's audit entry `seq`'s hash (None: none, or it cannot be read)."""
    try:
        conn = _connect(path, key)
        try:
            found = conn.execute("SELECT hash FROM audit WHERE seq = ?", [seq]).fetchone()
        finally:
            conn.close()
    except (sqlcipher3.DatabaseError, MemoryError):
        return None
    return str(found[0]) if found else None


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
    try:
        keyslots.check_beside(backup)  # it read "not sound (file is not a database)"
    except keyslots.KeySlotError as missing:  # passed over for the backup before, as a damaged one is
        raise BackupError(missing.template, **missing.values) from None
    encrypted = keyslots.is_encrypted(backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL)
    try:
        shutil.copyfile(backup, partial)
        if encrypted:
            keyslots.copy_slots(backup, partial)
            _check_slots(backup, partial)
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


def _check_slots(backup: Path, copy: Path) -> None:
    """The copy's key slots read and holding someone's before it is put in place: a stick's bad
    sector in a sound backup's `.keys` file was put in place with it (the database was checked
    with the key in hand), and then every PIN was refused, the ward locked out of the restored
    database, and the sound backup before it never offered."""
    try:
        held = keyslots.slot_holders(copy)
    except keyslots.KeySlotError:
        held = []
    if not held:
        raise BackupError(QT_TRANSLATE_NOOP("messages", "{path} cannot be put in place: its key slots ({keys}) cannot be "
                                                        "read, so no PIN would open it. Nothing was put in place."),
                          path=backup, keys=keyslots.keys_path(backup).name)


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

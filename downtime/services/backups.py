"""Automatic and on-demand backups of the ward database to a folder (a USB stick), and how
old the last one is, for the banner. Each backup is an audit entry naming its file, written
once the copy is made and checked: written before the copy, a backup that failed (a full
stick, a power cut during the copy) was counted as made, in the next window's banner and in
when the next one fell due."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Phrase, message
from downtime.domain import elapsed
from downtime.domain.backup_rotation import DAILY_FOR_DAYS
from downtime.domain.bounds import DAY_MINUTES, MOST_BACKUPS_KEPT
from downtime.domain.staff import Action
from downtime.paths import data_dir
from downtime.services import paper_numbers, settings
from downtime.services.context import Session, Vault, load_device
from downtime.services.errors import ServiceError
from downtime.storage import audit, keyslots, open_database
from downtime.storage.backup import (
    RESTORED,
    BackupError,
    audit_ends,
    backups_in,
    backups_to_restore,
    ends_before_a_backup,
    made_at,
    make_backup,
    newest_backup_of,
    restore_backup,
)
from downtime.storage.integrity import check_database


RETRY_AFTER_FAILURE = timedelta(minutes=2)
"""How long an automatic backup waits after one failed: a failed backup is not counted as made,
so it stayed due, and with a full or removed stick each save on the ward started a copy of the
whole database that failed. A manual backup and the one at closing try at once."""

_failed_at: dict[str, datetime] = {}
"""When the last attempt to back up each database file (by its path) failed, in this running
app: kept out of the database, which records backups made, not the state of a stick."""


def default_folder() -> Path:
    return data_dir() / "backups"


def folder(db: Database) -> Path:
    chosen = settings.get(db, "backup_folder")
    return Path(chosen) if chosen else default_folder()


def folders_used(db: Database) -> list[Path]:
    """Every folder this database's backups may be in: the one set now, the laptop's own (where
    they go before IT sets a stick: the first-run window sets none), and each its backups' audit
    entries name. Retirement looked in the folder set now alone, and the first days' backups on
    the laptop's own disk stayed there, each opened by any PIN of then."""
    named = [Path(row[0]) for row in db.execute(
        "SELECT DISTINCT json_extract(detail, '$.folder') FROM audit WHERE action = 'backup'"
        " AND json_extract(detail, '$.folder') IS NOT NULL")]
    return list(dict.fromkeys([folder(db), default_folder(), *named]))


def last_backup(db: Database) -> datetime | None:
    found = last_made(db)
    return found[0] if found else None


_unrecorded: dict[str, tuple[datetime, Path, str]] = {}
"""The last backup this running app made of each database file (by its path) that its audit log
could not take, and why (the database opened only for reading: `WardDatabase.read_only`) while
the stick had room: told "Not done: the disk is full. Nothing was half-written", the banner
saying BACKUP FAILED, a sound backup was on the stick, and a fresh copy was made again every two
minutes."""


def last_made(db: Database) -> tuple[datetime, Path] | None:
    """When the last backup was made and its file (None: none yet), as its audit entry says, or
    this running app when the log could not take it (`unrecorded`)."""
    if (kept := _unrecorded.get(_file_of(db))) is not None:
        return kept[0], kept[1]
    row = db.execute("SELECT at, detail FROM audit WHERE action = 'backup' ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        return None
    detail = json.loads(row[1])
    return datetime.fromisoformat(row[0]), Path(detail["folder"]) / detail["file"]


def due(db: Database, now: datetime) -> bool:
    """A backup is due when the last one is older than the ward's interval (or there is none),
    and the last attempt, if it failed, is RETRY_AFTER_FAILURE old, in real time (see `elapsed`):
    counted on the ward's clock, a failure at 02:59 the night the clocks go back was still to
    come at 02:01, and no backup was tried for an hour."""
    failed = _failed_at.get(_file_of(db))
    if failed is not None and elapsed.between(failed, now) < RETRY_AFTER_FAILURE:
        return False
    last = last_backup(db)
    return last is None or elapsed.between(last, now) >= timedelta(minutes=int(settings.get(db, "backup_every_minutes")))


def _file_of(db: Database) -> str:
    return db.execute("PRAGMA database_list").fetchone()[2]


def unrecorded(db: Database) -> str | None:
    """Why the last backup (`last_made`) is not in the audit log: the cause the database could
    only be read for (`errors.DISK_FULL`, `errors.READ_ONLY_FILE`); None: it is. Every cause was
    said to be a full disk, and the nurse looked for space on a disk that had plenty."""
    kept = _unrecorded.get(_file_of(db))
    return kept[2] if kept else None


def backup_now(session: Session, reason: str = "manual") -> Path:
    return begin_backup(session, reason)(session.db)


def begin_backup(session: Session, reason: str) -> Callable[[Database], Path]:
    """Check a backup can start now, and return the copy to make, from the session's connection
    or any other to the same database (copying and checking a records office's 2 GB takes 22 s,
    which the window spends on a thread of its own); the copy made, it is audited there."""
    if session.vault is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This session has no database file to back up."))
    if session.db.conn.in_transaction:
        raise RuntimeError("a backup was started inside a transaction; it would wait for itself")
    now = session.clock()
    target = folder(session.db)
    file = _file_of(session.db)
    if settings.get(session.db, "backup_folder") and not target.is_dir():
        # Made here, the copy would be on the laptop's own disk, lost with it, while the banner
        # said a backup was made.
        _failed_at[file] = now
        raise BackupError(QT_TRANSLATE_NOOP("messages", "backup to {folder} failed: the folder is not there (is the USB "
                                            "stick removed?)"), folder=target)
    path, key, keep = session.vault.path, session.vault.key, int(settings.get(session.db, "backup_keep"))
    actor, device_id, clock = session.user.staff_id, session.device.device_id, session.clock
    refused = getattr(session.db, "read_only", None)  # why the session's connection only reads (None: it writes)

    def copy(db: Database) -> Path:
        try:
            made = make_backup(db, path, key, target, now, keep=keep)
            why = refused or getattr(db, "read_only", None)
            if why is None:
                with db.atomic():
                    audit.append(db, at=now, actor=actor, device_id=device_id, action="backup",
                                 detail={"folder": str(target), "file": made.name, "reason": reason})
                _unrecorded.pop(file, None)
            else:  # on the stick all the same: the banner and the next one due go by it (`last_made`)
                _unrecorded[file] = (now, made, why)
        except Exception:
            _failed_at[file] = clock()  # the wait runs from the failure: a hospital's copy takes a minute
            raise
        _failed_at.pop(file, None)
        return made

    return copy


def set_backup_policy(session: Session, where: Path, every_minutes: int, keep: int) -> None:
    """Where backups go (a USB stick's folder), how often, and how many of the newest are kept
    (administrators); older ones thin out to one a day (`kept_said`)."""
    session.require(Action.MANAGE_STAFF)
    if not 1 <= every_minutes <= DAY_MINUTES or not 1 <= keep <= MOST_BACKUPS_KEPT:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Backups: every 1 to 1440 minutes, keeping 1 to 1000."))
    chosen = "" if str(where).strip() in ("", ".", str(default_folder())) else str(where)
    if chosen and not where.is_absolute():
        # A relative folder is wherever the app was started from, which nobody checks.
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Backups folder: give its whole path (e.g. /media/USB/backups "
                                             "or E:\\backups); leave it empty for the laptop's own folder."))
    if chosen and not where.is_dir():
        # A stick not plugged in: its backups would be made on the laptop's own disk instead.
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Backups folder {folder} is not there: plug in the USB stick "
                                             "(or create the folder), then save again."), folder=where)
    if chosen:
        _check_writable(where)
    with session.db.atomic():  # one policy: a disk full half-way left the new folder with the old interval
        settings.set_value(session, "backup_folder", chosen)
        settings.set_value(session, "backup_every_minutes", str(every_minutes))
        settings.set_value(session, "backup_keep", str(keep))


def kept_said(keep: int, lang: Lang) -> str:
    """Which backups the rotation keeps (`domain.backup_rotation`), as the Administration tab
    and `downtime set backups` say it: "Backups kept" read as the whole reach, and the default
    10 every 15 minutes as two and a half hours of a month's outage."""
    return message(lang, QT_TRANSLATE_NOOP("messages", "Kept: the last {keep}, one a day before them (the last of "
                                                       "each day, for {days} days), and the first."),
                   keep=keep, days=DAILY_FOR_DAYS)


def _check_writable(where: Path) -> None:
    """A stick write-protected (its switch, or mounted read-only) was saved as the folder, and
    every backup then failed, asked "is the USB stick full or removed?"."""
    try:
        with tempfile.TemporaryFile(dir=where):
            pass
    except OSError as problem:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Backups folder {folder} cannot be written to ({problem}): is the USB "
                                             "stick write-protected (its switch), or the folder not yours? Then save "
                                             "again."), folder=where, problem=problem.strerror or problem) from None


def sound(db: Database, key: bytes | None) -> str | None:
    """The check a database gets before use, in words (None: sound): SQLite's integrity check
    and the audit chain, whose end is then checked against the newest backup of it."""
    return check_database(db) or ends_before_a_backup(db, key, folder(db))


def checked_against(db: Database, key: bytes | None) -> Path | None:
    """The backup `sound` checked the audit chain's end against (None: none was there)."""
    return newest_backup_of(db, key, folder(db))


def made(backup: Path) -> str:
    """When a backup was made, in the laptop's time, for the person choosing one: its name says
    it in UTC, which nobody on a ward reads at a glance ("?" for a name that does not say)."""
    at = made_at(backup)
    return f"{at:%d/%m/%Y %H:%M}" if at else "?"


def newest(db_folder: Path) -> Path | None:
    found = backups_in(db_folder)
    return found[0] if found else None


def prepare_restore(vault: Vault) -> Path | None:
    """The backup to put in place of this damaged database, copied beside it and checked there
    as a database is before use (`put_restored` then puts the copy in place, `discard_restore`
    drops it): this database's own newest that is sound. Another database's newer one in the
    same folder is passed over, and so is a damaged one (a stick is no safe place): put in
    place, it failed the check at the next opening and was offered again, the sound one before
    it never. Its folder is the user data folder's when the file cannot be read for its setting."""
    found = backups_to_restore(vault.db, vault.key, default_folder() if vault.db is None else folder(vault.db))
    discard_restore(vault)
    for backup in found:
        try:
            restore_backup(backup, _restoring(vault), lambda copy: _checked(copy, vault.key))
        except BackupError:
            continue
        return backup
    return None


def put_restored(vault: Vault, backup: Path, aside: Path, who: str, at: datetime) -> Phrase:
    """The copy `prepare_restore` checked (of `backup`) takes the database's name (the damaged
    file, with its key slots, was set aside first, as `aside`), and the restore is audited
    (`restored`): what to tell the person."""
    copy = _restoring(vault)
    if keyslots.is_encrypted(copy):
        os.replace(keyslots.keys_path(copy), keyslots.keys_path(vault.path))
    os.replace(copy, vault.path)
    return restored(vault.path, vault.key, backup, aside, who, at)


RESTORE_TOLD = QT_TRANSLATE_NOOP("messages", "{lost}; staff accounts and PINs changed after {time} are as they were "
                                              "then. A patient admitted since keeps the downtime number on their "
                                              "wristband: type it in “Number used on paper”.")
LOST_AFTER_BACKUP = QT_TRANSLATE_NOOP("messages", "Records saved after {time} are not in it: re-type them from paper")
LOST_AFTER_EXPORT = QT_TRANSLATE_NOOP("messages", "Records saved after {time} are not in it, but those saved up to "
                                                  "{exported} went on the stick exported then: do not re-type them; "
                                                  "re-type from paper only what was saved after {exported}")
LOST_UNLESS_EXPORTED = QT_TRANSLATE_NOOP("messages", "Records saved after {time} are not in it: re-type from paper "
                                                     "only what was saved after this laptop's last export (its stick "
                                                     "holds what was saved until then), or after {time} if it was not "
                                                     "exported since")


def restored(path: Path, key: bytes | None, backup: Path, aside: Path | None, who: str, at: datetime) -> Phrase:
    """The restore of `backup` as the database at `path`, audited there ("backup.restored", at
    the restore's time): the backup, when it was made, its last audit entry, the damaged file
    set aside (None: none, a spare laptop) and who restored it. Without it nothing said that a
    period was missing, nor which, and the downtime numbers given since the backup were given
    again: the entry says those the restore lost (services.paper_numbers.lost_by_restore, from
    the set-aside file's key slots), and allocation goes on past them. The same key slots keep
    the laptop's last export (keyslots.keep_export): one made after the backup holds what was
    saved until then, which the ward was told to re-type all the same, and a dose typed again
    reached the EHR twice; the entry keeps it as `last_export`, and the restored database's key
    slots, the backup's, keep it too: restored again from the same backup before any new export,
    it was forgotten, and the ward told once more to re-type what the stick holds. For the window
    and `downtime restore` alike: what the restore could not bring back, to tell the person."""
    ends = audit_ends(backup, key)
    when = made_at(backup)
    exported = keyslots.last_export(aside) if aside is not None else None
    if exported is not None and when is not None and exported[0] <= when:
        exported = None  # the backup holds that export: the database says it
    if exported is not None:
        keyslots.keep_export(path, *exported)
    db = open_database(path, create=False, key=key)
    try:
        lost = paper_numbers.lost_by_restore(db, keyslots.given(aside) if aside is not None else {})
        with db.atomic():
            audit.append(db, at=at, actor=who, device_id=load_device(db).device_id, action=RESTORED,
                         detail={"backup": str(backup), "made_at": when.isoformat() if when else None,
                                 "last_entry": dict(zip(("seq", "hash", "at"), ends[-1])) if ends else None,
                                 "set_aside": str(aside) if aside is not None else None, **lost,
                                 "last_export": None if exported is None else {
                                     "at": exported[0].isoformat(), "last_rowid": exported[1]}})
        _unrecorded.pop(_file_of(db), None)  # the replaced database's: the banner and `due` went by it
    finally:
        db.close()
    time = f"{when:%H:%M}" if when else "?"
    if exported is not None:
        said = Phrase(LOST_AFTER_EXPORT, {"time": time, "exported": f"{exported[0].astimezone(at.tzinfo):%H:%M}"})
    else:
        said = Phrase(LOST_AFTER_BACKUP if aside is not None else LOST_UNLESS_EXPORTED, {"time": time})
    return Phrase(RESTORE_TOLD, {"lost": said, "time": time})


def restores(db: Database) -> list[dict[str, Any]]:
    """Each restore this database went through (its RESTORED entries), oldest first, as the
    export's manifest lists them: when and by whom, the backup's file name and time, and so the
    records lost, those saved between the two, which no export of the laptop holds. The records
    office merging the ward's sticks could not know that a laptop's afternoon was typed again
    from paper, or not at all. The backup's time is its name's, else (a name that says none) its
    last audit entry's, in the restore's offset; unknown (None) when neither is there. An export
    made after the backup (`restored`'s `last_export`) holds what was saved until it: the lost
    period then starts there, and `last_export_at` says so."""
    found = []
    for at, actor, detail in db.execute("SELECT at, actor, detail FROM audit WHERE action = ? ORDER BY seq",
                                        [RESTORED]):
        said = json.loads(detail)
        restored_at = datetime.fromisoformat(at)
        made = said.get("made_at") or (said.get("last_entry") or {}).get("at")
        made = datetime.fromisoformat(made).astimezone(restored_at.tzinfo).isoformat() if made else None
        exported = (said.get("last_export") or {}).get("at")
        exported = datetime.fromisoformat(exported).astimezone(restored_at.tzinfo).isoformat() if exported else None
        found.append({"restored_at": at, "restored_by": actor, "backup": Path(said.get("backup") or "").name,
                      "backup_made_at": made, "last_export_at": exported,
                      "records_lost_between": [exported or made, at]})
    return found


def discard_restore(vault: Vault) -> None:
    copy = _restoring(vault)
    copy.unlink(missing_ok=True)
    keyslots.keys_path(copy).unlink(missing_ok=True)


def _restoring(vault: Vault) -> Path:
    return vault.path.with_name(vault.path.name + ".restoring")


def _checked(copy: Path, key: bytes | None) -> str | None:
    db = open_database(copy, create=False, key=key)
    try:
        return check_database(db)
    finally:
        db.close()

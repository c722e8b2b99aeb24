"""Retiring a ward laptop at the end of the outage: once everything it wrote is on a stick, a last
whole export, encrypted to the records office's key, is the hospital's archive of it, and every
copy of its patients' data on the laptop and its backup stick goes: the database with its journal,
its key slots (each staff member's PIN opens them: a backup left behind stayed readable by every
former PIN), its backups, a damaged copy a restore set aside, and the prints folder.

Removed by hand, a laptop that never exported lost its records without a word, its backups stayed
on the stick, and the device number set up again at the next outage gave its first patient the
number the EHR already held for the last outage's first one. Retirement says which number the
device number's next set-up starts at (`downtime setup --first-number`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from downtime.domain.clock import DATED, ward_time
from downtime.domain.staff import Action
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase
from downtime.paths import data_dir
from downtime.services import backups, drafts, exported, paper_numbers, settings
from downtime.services.context import Session, Vault
from downtime.services.errors import ServiceError
from downtime.storage import keyslots
from downtime.storage.backup import PARTIAL, backups_of, first_entry, leftovers
from downtime.sync.export import ExportResult, export, export_keys


@dataclass(frozen=True)
class Retired:
    """What retiring did: the archive (the last export's folder), each file removed, and the
    first number of the device number's next set-up."""

    archive: ExportResult
    removed: tuple[Path, ...]
    device_number: int
    next_first_number: int


def check(session: Session, device_number: int, encrypt_to: list[str] | None = None) -> list[str]:
    """The archive's keys, once nothing stands in the way (ServiceError says what does): the
    device number typed again, as the laptop's label shows it (not another laptop's, retired by a
    command run on the wrong database); nothing written after the last export (everything, on a
    laptop that never exported); no form typed and not saved; a key to encrypt the archive to;
    the backups folder there, whose copies go too."""
    session.require(Action.MANAGE_STAFF)
    _vault_of(session)
    if device_number != session.device.device_number:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not retired: this laptop is device {number} ({name}), not "
                                             "{typed}."), number=session.device.device_number,
                           name=session.device.name, typed=device_number)
    found = exported.since_last_export(session.db, session.device.device_id)
    if found is not None and found.last_export is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not retired: this laptop never exported, and holds {count} "
                                             "record version(s) and {lines} controlled-drug register line(s) no stick "
                                             "took to the records office: export them first (Export for back-entry)."),
                           count=found.count, lines=found.register_lines)
    if found is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not retired: {count} record version(s) and {lines} "
                                             "controlled-drug register line(s) were written after the last export "
                                             "({time}) and are on no stick: export again first (Export for "
                                             "back-entry, only what changed since the last)."),
                           count=found.count, lines=found.register_lines,
                           time=ward_time(found.last_export, None, DATED))
    if unsaved := drafts.unsaved_by_form(session.db):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not retired: {count} form(s) typed and not saved, by {who}: "
                                             "each is saved or discarded by its author, or set aside by the nurse in "
                                             "charge, first (no export holds a draft)."),
                           count=sum(each["count"] for each in unsaved),
                           who=", ".join(sorted({author for each in unsaved for author in each["authors"]})))
    keys = export_keys(session.db, encrypt_to)
    if keys is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not retired: its archive is encrypted to the records "
                                             "office's key, and none is set on this laptop ('downtime set export-key') "
                                             "nor given (--encrypt-to)."))
    if settings.get(session.db, "backup_folder") and not backups.folder(session.db).is_dir():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not retired: the backups folder {folder} is not there (is "
                                             "the USB stick plugged in?): its backups are removed too, and each opens "
                                             "with any PIN valid when it was made."), folder=backups.folder(session.db))
    return keys


def retire(session: Session, archive: Path, device_number: int, encrypt_to: list[str] | None = None) -> Retired:
    """Make the archive in `archive` (a new folder), then remove every copy of the database
    (see the module's words): the copies on the backup stick, the damaged ones and the prints
    first, the database and its key slots last, so that a stick that fails or is pulled leaves
    the laptop able to retire again. The session's connection is closed: nothing can be written
    after the archive. `device_number`: the laptop's, typed again to confirm (see `check`)."""
    keys = check(session, device_number, encrypt_to)
    made = export(session, archive, encrypt_to=keys)
    vault, db = _vault_of(session), session.db
    folder = backups.folder(db)
    if settings.get(db, "backup_folder") and not folder.is_dir():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not retired: the backups folder {folder} went while the "
                                             "archive was made (the USB stick pulled?), and its backups open with any "
                                             "PIN valid when each was made. Nothing was removed: plug the stick back "
                                             "in and retire again."), folder=folder)
    numbered, next_first = paper_numbers.next_sequences(db, 1, keep=False)
    first = first_entry(db)
    used = backups.folders_used(db)
    copies = [*(path for each in used for path in backups_of(each, vault.key, first)),
              *sorted(vault.path.parent.glob(f"{vault.path.name}.damaged-*[0-9]")),
              *(vault.path.with_name(vault.path.name + suffix) for suffix in _RESTORE_COPIES)]
    removed = _remove([file for copy in copies for file in _with_journal_and_keys(copy)]
                      + [left for each in used for left in leftovers(each, vault.key, first)]
                      + sorted((data_dir() / "prints").glob("*.pdf")), [], vault.path)
    db.close()
    vault.db = None
    removed = _remove([*_with_journal_and_keys(vault.path), keyslots.lock_path(vault.path)], removed, vault.path)
    return Retired(made, tuple(removed), numbered, next_first)


_RESTORE_COPIES = (".restoring", f".restoring{PARTIAL}", PARTIAL)
"""The copies a restore makes beside the database (services.backups.prepare_restore, then
storage.backup.restore_backup's temporary name): a crash at the question "Put the newest backup
in its place?" left a whole database, with key slots every former PIN opened, that retirement
left behind."""


def _with_journal_and_keys(path: Path) -> list[Path]:
    return [path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm"), keyslots.keys_path(path)]


def _remove(files: list[Path], removed: list[Path], database: Path) -> list[Path]:
    """`removed` and each of `files` there removed; a disk refusing one stops it, saying what went
    and what is left (a stick pulled half-way said the system's words alone: which backups were
    gone, and whether the database to retire again with was, nobody knew)."""
    done = list(removed)
    for file in files:
        if file.exists():
            try:
                file.unlink()
            except OSError as problem:
                left = [each for each in files if each.exists()]
                raise ServiceError(QT_TRANSLATE_NOOP(
                    "messages", "Retiring stopped at {where}: {problem}. Removed: {removed}. Still there: {left}. "
                                "{database}"),
                    where=problem.filename or file, problem=problem.strerror or str(problem),
                    removed=", ".join(map(str, done)) or "-", left=", ".join(map(str, left)),
                    database=Phrase(_RETIRE_AGAIN if database.exists() else _REMOVE_BY_HAND)) from None
            done.append(file)
    return done


_RETIRE_AGAIN = QT_TRANSLATE_NOOP("messages", "The laptop's database is still there: fix the disk (or plug the stick "
                                              "back in) and retire again.")
_REMOVE_BY_HAND = QT_TRANSLATE_NOOP("messages", "The laptop's database is gone: remove what is still there by hand.")


def _vault_of(session: Session) -> Vault:
    if session.vault is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This session has no database file to retire."))
    return session.vault

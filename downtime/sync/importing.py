"""`downtime import PATH`: one entry point that tells what it was given by its shape. A folder
with a manifest is a laptop's export or a merge (an encrypted one is read with the records
office's key, or on a ward laptop with the wards' key when it was made for another ward);
a folder holding exports (a USB stick's) is refused, naming them; another is a CSV snapshot; a .json file is a FHIR snapshot Bundle."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from downtime.i18n import QT_TRANSLATE_NOOP, Phrase, message
from downtime.services import printing, settings
from downtime.services.census import in_patients
from downtime.services.context import Session
from downtime.sync.encryption import (
    NotForThisKey, decrypt_export, decrypt_folder, encrypted_export, wards_identity,
)
from downtime.sync.import_export import import_export
from downtime.sync.merge import exports_in
from downtime.sync.outcome import ImportRefused, ImportResult, Progress, untold
from downtime.sync.snapshot import load_snapshot
from downtime.sync.snapshot_csv import holds_snapshot, read_csv_snapshot
from downtime.sync.snapshot_fhir import read_fhir_snapshot

if TYPE_CHECKING:
    from sqlite_utils import Database


DECRYPTED = ".downtime-decrypted-"
EXPORTS_BESIDE = QT_TRANSLATE_NOOP("messages", "{folder} also holds {count} export(s), not imported with the snapshot: "
                                               "import each of them: {exports}")
"""Said after a CSV snapshot loaded from a folder that holds laptops' exports too (the records
office's stick): loaded alone, they were left without a word."""


def import_path(session: Session, path: Path, progress: Progress = untold, identity: Path | None = None,
                shared_device_number: bool = False) -> ImportResult:
    """`identity`: the records office's key file, for an encrypted export; without it, the
    laptop's own wards' key is tried (a stick made for a patient moved to another ward). Its
    plaintext is written beside the database, on the laptop's own disk (never on the stick it
    came on), and removed once imported. `shared_device_number`: see import_export.

    The result names the patients in hospital here whose wristband the import made wrong
    (`ImportResult.bands`): a nurse amending an allergy or a name is offered a new band, but the
    same change brought by another laptop's stick or a snapshot left the band reading "No known
    allergies", and nobody on the ward knew. Here is this laptop's ward, or every ward on a
    laptop with none (the records office's, whose lists open on all wards)."""
    before = printing.bands(session, in_patients(session.db, session.forms, settings.laptop_ward(session.db)))
    result = _imported(session, path, progress, identity, shared_device_number)
    return replace(result, bands=printing.band_changes(session, before))


def _imported(session: Session, path: Path, progress: Progress, identity: Path | None,
              shared_device_number: bool) -> ImportResult:
    """What `path` is, by its shape, imported."""
    if encrypted_export(path):
        wards_key = settings.get(session.db, "wards_key")
        if identity is None and not wards_key:
            raise _not_for_this_laptop(session, path)
        clear_decrypted_left(session.db)
        with tempfile.TemporaryDirectory(prefix=DECRYPTED, dir=_beside(session.db)) as scratch:
            if identity is not None:
                decrypt_folder(path, Path(scratch) / "export", identity)
            else:
                try:
                    decrypt_export(path, Path(scratch) / "export", [wards_identity(wards_key)],
                                   message(session.lang, WARDS_KEY))
                except NotForThisKey:
                    raise _not_for_this_laptop(session, path) from None
            return import_export(session, Path(scratch) / "export", progress, shared_device_number)
    if path.is_dir() and (path / "manifest.json").exists():
        return import_export(session, path, progress, shared_device_number)
    if path.is_dir() and not holds_snapshot(path) and (held := exports_in(path)):
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{folder} is not an export but holds {count} export(s): "
                                                          "import each of them instead: {exports}"),
                            folder=path, count=len(held), exports=" ".join(map(str, held)))
    if path.is_dir():
        loaded = load_snapshot(session, read_csv_snapshot(path, session.forms), str(path), progress)
        held = exports_in(path)
        return replace(loaded, to_check=(*loaded.to_check, Phrase(EXPORTS_BESIDE, {
            "folder": path, "count": len(held), "exports": " ".join(map(str, held))}))) if held else loaded
    if path.is_file() and path.suffix.lower() == ".json":
        _not_an_exports_bundle(path)
        return load_snapshot(session, read_fhir_snapshot(path), str(path), progress)
    raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}: not an export folder, a CSV snapshot folder or a FHIR Bundle (.json) "
                                                             "file"),
                        path=path)


WARDS_KEY = QT_TRANSLATE_NOOP("messages", "this laptop's wards' key")


def _not_for_this_laptop(session: Session, path: Path) -> ImportRefused:
    """An encrypted export this laptop has no key for. The records office's laptop (of no ward)
    is asked for its key file; a ward's laptop never is, as that key must never be on it: the
    ward that made the stick makes one for another ward, which this laptop reads."""
    if settings.laptop_ward(session.db) is None:
        return ImportRefused(QT_TRANSLATE_NOOP("messages", "{path} is an encrypted export: give the records office's key "
                                                           "file to read it (downtime import {path} --identity "
                                                           "KEYFILE). On a ward's laptop, never: ask the ward that "
                                                           "made it for a stick made for another ward, which a ward's "
                                                           "laptop reads."), path=path)
    if not settings.get(session.db, "wards_key"):
        return ImportRefused(QT_TRANSLATE_NOOP("messages", "{path} is an encrypted export, and this laptop has no wards' "
                                                           "key to read a stick made for another ward: IT loads the "
                                                           "hospital's set-up file on it (Administration ▸ This "
                                                           "laptop). Never bring the records office's key to a ward "
                                                           "laptop."), path=path)
    return ImportRefused(QT_TRANSLATE_NOOP("messages", "{path} was made for the records office alone, which only its key "
                                                       "opens: ask the ward that made it for a stick made for another "
                                                       "ward (Export for back-entry, “For a patient moved to another "
                                                       "ward”), which this laptop reads. Never bring the records "
                                                       "office's key to a ward laptop."), path=path)


def _beside(db: Database) -> Path:
    """The database file's own folder, where an encrypted export is decrypted to be imported: the
    wizard imports on a connection of its own, without the vault."""
    where = db.execute("PRAGMA database_list").fetchone()[2]
    return Path(where).parent if where else Path(tempfile.gettempdir())


def clear_decrypted_left(db: Database) -> list[Path]:
    """What an encrypted import cut short (a power cut, the laptop's battery) left beside the
    database: the whole export in plain text, removed as the app or a command opens the database
    and before each encrypted import (only the next encrypted import removed it, weeks later on a
    records office's laptop). The folders removed, for the person to be told."""
    left = sorted(_beside(db).glob(f"{DECRYPTED}*"))
    for folder in left:
        shutil.rmtree(folder, ignore_errors=True)
    return left


def _not_an_exports_bundle(path: Path) -> None:
    """A laptop's export holds a FHIR bundle too (fhir/bundle.json), which the wizard's file
    chooser offers with any .json: read as an EHR snapshot it was refused on a FHIR detail that
    told the clerk nothing, and its records, had they loaded, would have been taken as the EHR's
    own. The export is imported by its folder."""
    folder = path.parent.parent
    if path.parent.name == "fhir" and (encrypted_export(folder) or (folder / "manifest.json").exists()):
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path} is the FHIR bundle of a laptop's export, not an EHR "
                                                          "snapshot: import the export's folder, {folder}, which holds "
                                                          "its manifest."), path=path, folder=folder)

"""Export for back-entry: one CSV per form with every version (for humans and spreadsheets)
and a manifest naming the device, the range exported, counts and the SHA-256 of every file,
and what no file of it holds: each restore from a backup the laptop went through (the records
saved between the backup and the restore are lost) and the drafts still unsaved, by form.

Files are written into a temporary folder beside the target and renamed into place at the
end, once on the disk, so an interrupted export (a full USB stick) never leaves a half-written
export behind, and one said made is on the stick.
An encrypted export's files are encrypted as they are written: its plaintext is on no disk.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path, PurePath, PureWindowsPath
from typing import TYPE_CHECKING, Any, BinaryIO

import pyrage
from sqlite_utils import Database

from downtime import __version__
from downtime.errors import written_to
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Phrase, message
from downtime.domain.staff import Action
from downtime.formspec import FormSpec
from downtime.formspec.values import as_current, leftover
from downtime.services import falls, settings
from downtime.services.backups import restores
from downtime.services.drafts import unsaved_by_form
from downtime.services.context import Session, load_device
from downtime.services.laptops import authors, laptops_known
from downtime.services.errors import ServiceError
from downtime.services.patients import downtime_numbers
from downtime.services.staff import staff_directory
from downtime.storage import audit, keyslots
from downtime.storage.fhir_sent import record_sent
from downtime.storage.records import RECORD_COLUMNS, as_version, held_from, holds
from downtime.services.cd_register import register_pages
from downtime.sync.cd_register_csv import PATH as REGISTER_PATH, write_register
from downtime.sync.csv_cells import csv_cell
from downtime.sync.encryption import SUFFIX, parse_recipients, sealed, wards_identity
from downtime.sync.outcome import Progress, untold
from downtime.sync.versions import write_versions

if TYPE_CHECKING:
    from downtime.sync.fhir_export import AskTheWard, LaterForm, Written

# What an earlier version's encrypted export left in the system's temporary folder: mkdtemp's
# names, this prefix then 8 of its letters, digits and "_" (a folder the clerk put there, named
# "downtime-export-<laptop>-<date>-<time>" by the export dialog or "downtime-export-ward3b" by
# hand, is theirs), holding only what it wrote (`_LEFT_FILE`), each file in plain or encrypted
# as it went, and a manifest with no field but that version's (`_LEFT_MANIFEST`): an export or
# a decryption made now, in a folder of that name, has other fields and is kept.
PLAINTEXT_LEFT = re.compile(r"downtime-export-[a-z0-9_]{8}")
_LEFT_FILE = re.compile(r"(csv/[a-z][a-z0-9_]*\.csv|data/(patients|records)\.jsonl|fhir/(bundle|patients)\.json"
                        r"|manifest\.json)(\.age)?")
_LEFT_FOLDERS = frozenset({"csv", "data", "fhir"})
_LEFT_MANIFEST = frozenset({"format", "app_version", "device_id", "device_number", "device_name", "exported_at",
                            "exported_by", "since_last", "records_rowid_range", "counts", "fhir_entries", "files"})
# What an office's Mac or PC writes in a folder it shows: Finder's .DS_Store and, on a FAT stick,
# an AppleDouble "._" file beside each file; Explorer's Thumbs.db and desktop.ini; a drive's
# index, bin and volume folders. No file or folder of an export is named so, or starts with "._".
OS_LITTER = frozenset({".ds_store", "thumbs.db", "desktop.ini", ".spotlight-v100", ".trashes", ".fseventsd",
                       "system volume information", "$recycle.bin"})
# How the CSVs for people are encoded: UTF-8 with a byte-order mark, without which Excel (opened
# by a double-click) reads them as Windows-1252 and shows "LecÅ“ur" for Lecœur. Read back with
# the same name, a file written before the mark existed reads the same.
CSV_ENCODING = "utf-8-sig"
BASE_COLUMNS = ("record_id", "version", "status", "version_reason", "downtime_number", "author",
                "device_id", "occurred_at", "recorded_at", "form_version")
ASK_THE_WARD_COLUMN = "ask_the_ward"
"""A CSV column, on the line of each record version the FHIR bundle says to ask the ward about
(fhir_export.AskTheWard), in the words its Provenance gives; only in the CSVs of the forms of
such records. The clerk typing from the CSV read them as any other line."""
CONFIDENTIAL_COLUMN = "confidential"
"""A column of the CSV of a form whose records the office is told are confidential (its `office`
notice: a safeguarding concern's "CONFIDENTIAL — enter in the EHR's restricted safeguarding
record"), saying it on each line: the clerk typing from the CSV read a concern as any other line."""
CHART_ANTICOAGULANTS_COLUMN = "anticoagulants_on_chart"
"""A column of the falls' CSV: the anticoagulants the medication chart had in force at each fall,
or stopped shortly before it (services.falls.chart_anticoagulants), beside the fall's own box, which
a nurse left No for a patient on apixaban: the FHIR export sends the chart's answer, the CSV sent
the box's alone."""
ON_HOLD_COLUMN = "on_hold"
"""The CSVs' last column, on every line of a record on hold, saying from which version its
laptops disagree; only where the laptop holds such a record (see domain.holds)."""
ON_HOLD_CELL = "two laptops disagree from version {version}: do not enter before it is settled"
# A merge's lines of a hold: which columns its versions differ in, to compare its lines by.
ON_HOLD_IN_CELL = ("two laptops disagree from version {version}, in the column(s) {columns}: do not enter before it "
                   "is settled")
# A merge's lines of a hold it takes as settled (see sync.merge): which one to enter, and not.
SETTLED_CELL = "hold from version {version} settled: this version stands, to enter"
NOT_STANDING_CELL = ("hold from version {version} settled: version {standing} by {author} recorded at {recorded_at} on "
                     "device {device_id} stands, not this one: do not enter")


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    counts: dict[str, int]
    fhir_entries: int
    first_rowid: int
    last_rowid: int
    ask_the_ward: tuple[AskTheWard, ...]
    """The records in the FHIR bundle that other laptops' records or other offices' settlements
    contradict (the manifest's `ask_the_ward`): the ward says which is true before anyone posts it."""
    fhir_updates: int = 0
    """Entries of the bundle that update a resource an earlier export sent with other content."""
    encrypted: bool = False
    """Every file age-encrypted (to the keys given, or the records office's set on the laptop)."""
    fhir_withdrawn: int = 0
    """Records the ward said are not to be entered that an earlier bundle sent, in this bundle
    entered in error (fhir_export.Written.withdrawn)."""
    fhir_left_out: int = 0
    """Records the ward said are not to be entered that the bundle left out, never sent."""
    for_another_ward: bool = False
    """Made for a patient moved to another ward: encrypted to the wards' key too (`export_keys`)."""
    later_forms: tuple[LaterForm, ...] = ()
    """Records written with a later version of their form than this laptop's, left out of the
    bundle but where another record needs them (the manifest's `later_form_versions`)."""
    fhir_held_back: tuple[str, ...] = ()
    """The downtime numbers of the patients the bundle holds back, their link contradicted by
    their admission since (fhir_export.Written.held_back; the manifest's `fhir_held_back`)."""

    def notes_in(self, lang: Lang, forms: Mapping[str, FormSpec]) -> list[str]:
        """What the export's report says of its bundle after how many versions it exported
        (`downtime export` and the export dialog): its updates, the records it withdraws and
        leaves out as the ward said, those written with a later form than this laptop's, then
        those to ask the ward about; nothing of what it has none of. The patients held back come
        first, by number: their records are in no bundle until the clerk re-links them."""
        counted = ((UPDATES, self.fhir_updates), (WITHDRAWN, self.fhir_withdrawn), (LEFT_OUT, self.fhir_left_out),
                   (LATER_FORMS, len(self.later_forms)))
        held = [message(lang, HELD_BACK, numbers=", ".join(self.fhir_held_back))] if self.fhir_held_back else []
        return [*held, *(message(lang, said, count=count) for said, count in counted if count),
                *self.ask_the_ward_in(lang, forms)]

    def ask_the_ward_in(self, lang: Lang, forms: Mapping[str, FormSpec]) -> list[str]:
        """What the export's report says of them (`downtime export` and the export dialog): how
        many another record contradicts, how many are deaths not verified yet (nothing
        contradicts those, and the heading said something did), then each, with the worklist
        line's words; nothing when there are none."""
        counted = ((ASK_THE_WARD, sum(one.contradicted for one in self.ask_the_ward)),
                   (UNVERIFIED_DEATHS, sum(one.death_not_verified for one in self.ask_the_ward)))
        return [*(message(lang, said, count=count) for said, count in counted if count),
                *asking_the_ward(lang, forms, self.ask_the_ward)]


def asking_the_ward(lang: Lang, forms: Mapping[str, FormSpec], found: Collection[AskTheWard]) -> Iterator[str]:
    """A report's line for each record to ask the ward about (an export's, a merge's), with the
    worklist line's words."""
    return (message(lang, ASK_THE_WARD_ABOUT, number=one.downtime_number, form=forms[one.form_id].title.get(lang),
                    record=one.record_id, version=one.version, why=one.why_in(lang))
            + (" " + message(lang, ASK_AGAIN) if one.in_an_earlier_export else "") for one in found)


ASK_THE_WARD = QT_TRANSLATE_NOOP("messages", "{count} record(s) in the FHIR bundle contradict another laptop's record "
                                             "or another office's settlement (the manifest's ask_the_ward): ask the "
                                             "ward about each before posting the bundle")
# Whoever verified it: a registered nurse may verify an expected death (death form version 5).
UNVERIFIED_DEATHS = QT_TRANSLATE_NOOP("messages", "{count} death(s) in the FHIR bundle were recorded before they were "
                                                  "verified (the manifest's ask_the_ward, their Provenance tagged "
                                                  "death-not-verified): ask the ward whether each has been verified "
                                                  "before entering the death")
ASK_THE_WARD_ABOUT = QT_TRANSLATE_NOOP("messages", "ASK THE WARD: {number} {form} {record}, version {version}: {why}")
UPDATES = QT_TRANSLATE_NOOP("messages", "{count} resource(s) in the FHIR bundle changed since an earlier export sent "
                                       "them (amended, stopped, a stay ended): posted, each replaces the EHR's copy "
                                       "made from the earlier bundle, including any change made to it in the EHR "
                                       "since (the manifest's fhir_updates)")
WITHDRAWN = QT_TRANSLATE_NOOP("messages", "{count} record(s) the ward said are not to be entered went out in an "
                                          "earlier FHIR bundle: this bundle marks them entered in error, so posting "
                                          "it withdraws them from the EHR (the manifest's fhir_withdrawn)")
LEFT_OUT = QT_TRANSLATE_NOOP("messages", "{count} record(s) the ward said are not to be entered are left out of the "
                                         "FHIR bundle, as no earlier bundle sent them (the manifest's fhir_left_out)")
LATER_FORMS = QT_TRANSLATE_NOOP("messages", "{count} record(s) were written with a later version of their form than "
                                            "this laptop's (carried from an up-to-date laptop): the FHIR bundle leaves "
                                            "them out, or tags them later-form where another record needs them, as "
                                            "this laptop may misread them; enter them from the bundle of an up-to-date "
                                            "laptop or of the records office (the manifest's later_form_versions)")
HELD_BACK = QT_TRANSLATE_NOOP("messages", "patient(s) {numbers} held back from the FHIR bundle: their admission's "
                                         "hospital number (IPP) changed since they were linked to an EHR patient "
                                         "(the manifest's fhir_held_back); check each identity and re-link it on the "
                                         "back-entry tab, then make a whole export (not --since-last) for the EHR: "
                                         "posted again, what it held already creates nothing new")
ASK_AGAIN = QT_TRANSLATE_NOOP("messages", "(in an earlier export too: posted from it, the EHR holds the record; this "
                                          "bundle puts the warning on its Provenance and tags its resources)")


# What makes a spreadsheet read a cell as a formula: typed text such as =HYPERLINK(…) would run
# on the records office's computer, and "+33 6 12…" or "- confused" would show as #NAME?.


def sha256_of(path: Path) -> str:
    """A file's SHA-256 for a manifest, read a piece at a time (a hospital's records file is a
    gigabyte)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_digests(folder: Path) -> dict[str, str]:
    """Every file under `folder` for its manifest, named by its POSIX path: an export written
    on a Windows laptop is verified and merged on any other system."""
    return {path.relative_to(folder).as_posix(): sha256_of(path) for path in sorted(folder.rglob("*"))
            if path.is_file() and not os_litter(path.relative_to(folder))}


def os_litter(relative: PurePath) -> bool:
    """Whether a path in an export folder (relative to it) is what an operating system left
    there rather than a file of the export: ignored by the checks and never read. A clerk who
    looked at the stick on the office's Mac or PC before merging was told the untouched export
    was altered ("not listed in the manifest"), and its decryption stopped at ._manifest.json.age.
    A file of the export missing or altered is still named, by the manifest's list. The mark of
    a staging folder (`staging_in`) is passed over so too, until `put_in_place` removes it."""
    return relative.as_posix() == STAGING_MARK or any(part.startswith("._") or part.casefold() in OS_LITTER
                                                      for part in relative.parts)


def on_disk(staging: Path) -> None:
    """Each file and folder in `staging`, written in full, flushed to the disk, before
    `put_in_place` names it and anyone is told it is made: a USB stick its system writes to later
    (exFAT mounted so) could be pulled holding empty files, while the export was recorded as made
    and the next `--since-last` started after it. Before the export's record is written, whose
    transaction would hold other windows' saves back while a slow stick takes it all."""
    inside = sorted(staging.rglob("*"))
    for path in inside:
        if path.is_file():
            with path.open("r+b") as written:  # Windows flushes only a file opened for writing
                os.fsync(written.fileno())
    for folder in [*(path for path in inside if path.is_dir()), staging]:
        _flush_folder(folder)


def put_in_place(staging: Path, out: Path) -> None:
    """`staging`, on the disk (`on_disk`), renamed `out`, and the rename flushed too: the stick
    could be pulled holding only the hidden staging folder. An export (before its record is
    committed), a merge and a decryption end with it. Its mark (`staging_in`) goes first, unflushed:
    the folder's flush belongs before the export's record is written (`on_disk`), and a mark a
    power cut kept in the finished folder is passed over by every check (`os_litter`)."""
    (staging / STAGING_MARK).unlink(missing_ok=True)
    os.replace(staging, out)
    _flush_folder(out.parent)


# Written first in each folder an export, a merge or a decryption is made in before it is
# renamed into place: a folder so named that holds it is what a run killed there (a power cut, a
# flat battery, Task Manager) left, every patient in it in plain text for a merge or a decryption,
# in a hidden folder the clerk does not see. Without it, a folder of the clerk's own is kept.
STAGING_MARK = ".downtime-staging"
_STAGING_SUFFIX = "[a-z0-9_]{8}"  # what tempfile.mkdtemp adds to the prefix


def staging_in(parent: Path, prefix: str) -> Path:
    """A new staging folder in `parent`, readable by its owner alone, marked as the app's own
    before anything else is written in it. What an earlier run killed there left goes first
    (`clear_staging_left`)."""
    clear_staging_left(parent, prefix)
    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    (staging / STAGING_MARK).touch()
    return staging


def clear_staging_left(parent: Path, prefix: str) -> list[Path]:
    """The staging folders (`staging_in`) in `parent` that a killed run left, removed; nothing
    cleared them, and nothing looked at them again. A run of the same kind still at work in the
    same folder at that moment (a second clerk's) would lose its staging and fail, leaving nothing
    in place, which a rerun mends: the clerk's own folders, unmarked, are never touched."""
    pattern = re.compile(re.escape(prefix) + _STAGING_SUFFIX)
    left = [folder for folder in parent.glob(f"{glob.escape(prefix)}*") if pattern.fullmatch(folder.name)
            and not folder.is_symlink() and (folder / STAGING_MARK).is_file()]
    for folder in left:
        shutil.rmtree(folder, ignore_errors=True)
    return left


def _flush_folder(folder: Path) -> None:
    """The names a folder holds (a file written in it, a rename) on the disk. Windows cannot open
    a folder to flush it: there, a file's own flush is all there is."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class _Digesting(io.RawIOBase):
    """A file being written, and the SHA-256 of what was written to it, for the manifest."""

    def __init__(self, out: BinaryIO):
        super().__init__()
        self.out = out
        self.digest = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.out.write(data)
        self.digest.update(data)
        return len(data)


class _Files:
    """Where an export's files go as they are written: into `folder`, each encrypted on its way
    to the public `keys` (None: plain), with the SHA-256 of each for the manifest, by its POSIX
    path (an export written on a Windows laptop is verified and merged on any other system)."""

    def __init__(self, folder: Path, keys: list[pyrage.x25519.Recipient] | None):
        self.folder = folder
        self.keys = keys
        self.digests: dict[str, str] = {}

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with sealed(path, self.keys) if self.keys is not None else path.open("xb") as out:
            written = _Digesting(out)
            yield written  # type: ignore[misc]
        self.digests[name] = written.digest.hexdigest()


def csv_column(field_id: str) -> str:
    """A form field's column in the CSVs: its id, unless a column of every line has that name."""
    return f"field_{field_id}" if field_id in BASE_COLUMNS else field_id


def _write_csv(out: BinaryIO, spec: FormSpec, rows: list[dict[str, Any]], numbers: dict[str, str],
               held_from: dict[str, int], said: Mapping[str, Mapping[str, str]]) -> None:
    """`held_from`: each record on hold here, from which version (none: no ON_HOLD_COLUMN);
    `said`: columns after the form's fields, each with its cells by version id and written only
    when a line has one: what to ask the ward about (ASK_THE_WARD_COLUMN), the medication chart's
    anticoagulants at a fall (CHART_ANTICOAGULANTS_COLUMN). After the form's own fields, a column
    for each answer a line holds that this version of the form no longer asks (a field removed
    since: a note's focus was in no CSV), and each line says which version of the form it was
    written under (`form_version`)."""
    fields = [field.id for field in spec.fields()]
    rows_data = [as_current(spec, json.loads(row["data"])) for row in rows]
    fields += sorted({name for data in rows_data for name in leftover(spec, data)})
    handle = io.TextIOWrapper(out, encoding=CSV_ENCODING, newline="")
    writer = csv.writer(handle)
    columns = [column for column, cells in said.items() if cells]
    on_hold = [ON_HOLD_COLUMN] if held_from else []
    writer.writerow([*BASE_COLUMNS, *map(csv_column, fields), *columns, *on_hold])
    for row, data in zip(rows, rows_data):
        held = held_from.get(row["record_id"])
        writer.writerow([row["record_id"], row["version"], row["status"], csv_cell(row["reason"]),
                         numbers.get(row["patient_id"] or "", ""), csv_cell(row["author"]), row["device_id"],
                         row["occurred_at"], row["recorded_at"], row["form_version"],
                         *(csv_cell(data.get(f)) for f in fields),
                         *(csv_cell(said[column].get(row["id"], "")) for column in columns),
                         *(["" if held is None else ON_HOLD_CELL.format(version=held)] if on_hold else [])])
    handle.flush()
    handle.detach()


def _asked_outside(db: Database, asked: Collection[AskTheWard], first: int, last: int) -> dict[str, list[dict[str, Any]]]:
    """The version the bundle carries of each record it says to ask the ward about that is not
    in rowids first..last (a `--since-last` export: carried again as what contradicts it came
    since, or settled otherwise at another office), by form: its CSV line says so too, where
    the clerk typing from the CSVs had no line to read it on."""
    found: dict[str, list[dict[str, Any]]] = {}
    for one in asked:
        for row in db.query("SELECT rowid, * FROM records WHERE id = ? AND rowid NOT BETWEEN ? AND ?",
                            [one.version_id, first, last]):
            found.setdefault(one.form_id, []).append(row)
    return found


def _fhir_bundle(session: Session, first: int, last: int, now: datetime, out: BinaryIO) -> Written:
    """What changed in the exported range, as one self-contained FHIR transaction bundle
    written to `out`, with an id of its own: two exports of one range differ (a hold settled, a
    dose asked about, an order stopped since), and one named after the range gave both one id,
    which an engine dropping replays by id took the second for. Posting a bundle twice stays
    harmless through its entries' conditions on identifiers, not through its id."""
    from downtime.sync.fhir_export import write_bundle

    return write_bundle(session.db, session.forms, first, last, now, str(uuid.uuid4()), out,
                        partial(laptops_known, session), authors(session))


def clear_plaintext_left() -> None:
    """An earlier version wrote an encrypted export's plaintext in the system's temporary
    folder, where a crash left it, readable by anyone using the laptop: it goes as the app
    starts and at each export. Only what that version left goes (`_left_by_that_version`): a
    folder a clerk made there was deleted without a word."""
    for left in Path(tempfile.gettempdir()).glob("downtime-export-*"):
        if _left_by_that_version(left):
            shutil.rmtree(left, ignore_errors=True)


def _left_by_that_version(folder: Path) -> bool:
    """Whether `folder` is what an earlier version's encrypted export left in the temporary
    folder (see PLAINTEXT_LEFT), with plaintext in it or nothing at all: one encrypted in full
    (its manifest, encrypted last, too) reveals nothing, and looks like an encrypted export a
    clerk put there, which is kept."""
    if not PLAINTEXT_LEFT.fullmatch(folder.name) or folder.is_symlink() or not folder.is_dir():
        return False
    inside = [(path.relative_to(folder).as_posix(), path.is_dir()) for path in folder.rglob("*")]
    if not all(name in _LEFT_FOLDERS if is_folder else _LEFT_FILE.fullmatch(name) for name, is_folder in inside):
        return False
    files = [name for name, is_folder in inside if not is_folder]
    if files and all(name.endswith(SUFFIX) for name in files):
        return False
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return True
    try:
        fields = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # cut short as it was written
    return not isinstance(fields, dict) or fields.keys() <= _LEFT_MANIFEST


def export_keys(db: Database, encrypt_to: list[str] | None = None, for_another_ward: bool = False) -> list[str] | None:
    """The public keys an export is encrypted to: those given and, always, the records office's
    set on the laptop by IT (a key typed over it in the export dialog's box, one character off,
    or a script's own `--encrypt-to`, replaced it, and nobody at the office could open the stick);
    None when there are none and every patient's record would go on the stick in plain text,
    which the export dialog and `downtime export` make the person say they want.
    `for_another_ward`: the wards' key's too, which the receiving ward's laptop reads it with (the
    stick made for the records office alone asked that ward for the office's secret key)."""
    office = settings.get(db, "export_key")
    wards = []
    if for_another_ward:
        if not (secret := settings.get(db, "wards_key")):
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Not exported: this laptop has no wards' key, which a "
                                                             "stick for another ward is encrypted to. IT loads the "
                                                             "hospital's set-up file on it (Administration ▸ This "
                                                             "laptop)."))
        wards = [str(wards_identity(secret).to_public())]
    keys = list(dict.fromkeys([*(encrypt_to or ()), *([office] if office else []), *wards]))
    return keys or None


def export(session: Session, out: Path, since_last: bool = False,
           encrypt_to: list[str] | None = None, progress: Progress = untold,
           for_another_ward: bool = False) -> ExportResult:
    """Write csv/<form>.csv and manifest.json into `out` (which must not exist yet); with
    `encrypt_to` (by default the records office's key set on the laptop, if any), every file is
    age-encrypted to those public keys before `out` appears.

    `for_another_ward`: the stick carried with a patient moved to a ward on another laptop,
    encrypted to the wards' key too. It is whole (the receiving ward needs every earlier record)
    and is none of the exports for the records office: a later `since_last` export starts where
    the last of those ended, and the bundle's resources count as sent only from those.

    `progress` counts each record version twice, once as its CSV line is written and once when
    the FHIR bundle that holds it is; the bundle is most of the time."""
    session.require(Action.READ_RECORDS)
    since_last = since_last and not for_another_ward
    encrypt_to = export_keys(session.db, encrypt_to, for_another_ward)
    keys = parse_recipients(encrypt_to) if encrypt_to is not None else None
    if out.exists():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{out} already exists: choose a new folder for each export."),
                           out=out)
    clear_plaintext_left()
    db = session.db
    first = 1
    if since_last:
        previous = db.execute("SELECT MAX(last_rowid) FROM exports").fetchone()[0]
        first = (previous or 0) + 1
    last = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM records").fetchone()[0]
    numbers = downtime_numbers(db)
    held = held_from(db)
    with written_to(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = staging_in(out.parent, ".export-")
        files = _Files(staging, keys)
        try:
            counts: dict[str, int] = {}
            in_range = db.execute("SELECT COUNT(*) FROM records WHERE rowid BETWEEN ? AND ?", [first, last]).fetchone()[0]
            lines = in_range + db.execute("SELECT COUNT(*) FROM unsettled_versions").fetchone()[0]
            progress(0, in_range + lines)
            now = session.clock()
            # The bundle first: it finds the records to ask the ward about, which their CSV lines say.
            with files.open("fhir/bundle.json") as bundle:
                written = _fhir_bundle(session, first, last, now, bundle)
            asked: dict[str, dict[str, str]] = {}
            for found in written.ask_the_ward:
                asked.setdefault(found.form_id, {})[found.version_id] = found.words()
            carried = _asked_outside(db, written.ask_the_ward, first, last)
            total = in_range + lines + sum(len(rows) for rows in carried.values())
            progress(in_range, total)
            for form_id, spec in sorted(session.forms.items()):
                rows = list(db.query("SELECT rowid, * FROM records WHERE form_id = ? AND rowid BETWEEN ? AND ?"
                                     " ORDER BY record_id, version", [form_id, first, last])) + carried.get(form_id, [])
                if held:  # every version on hold (data/held.jsonl also carries those settled here)
                    rows += db.query("SELECT * FROM unsettled_versions WHERE form_id = ?", [form_id])
                rows.sort(key=lambda row: (row["record_id"], row["version"]))
                counts[form_id] = len(rows)
                said = {CHART_ANTICOAGULANTS_COLUMN: falls.chart_anticoagulants(db, [
                    as_version({name: row[name] for name in RECORD_COLUMNS}) for row in rows])} \
                    if form_id == falls.FORM else {}
                if spec.office is not None and spec.office.notice is not None:
                    said[CONFIDENTIAL_COLUMN] = {row["id"]: spec.office.notice.en for row in rows}
                with files.open(f"csv/{form_id}.csv") as csv_file:
                    _write_csv(csv_file, spec, rows, numbers, held, {**said, ASK_THE_WARD_COLUMN: asked.get(form_id, {})})
                progress(in_range + sum(counts.values()), total)
            write_versions(db, files.open, first, last)
            register_lines = 0
            if register_pages(db):
                with files.open(REGISTER_PATH) as register:
                    register_lines = write_register(session, register)
            device = load_device(db)  # as IT last set it, which a window signed in before may not know
            manifest = {"format": "downtime-export", "app_version": __version__,
                        "device_id": device.device_id, "device_number": device.device_number,
                        "device_name": device.name, "exported_at": now.isoformat(),
                        "exported_by": session.user.staff_id, "since_last": since_last,
                        "records_rowid_range": [first, last], "staff": staff_directory(db), "counts": counts,
                        "cd_register_lines": register_lines,
                        "fhir_entries": written.entries, "fhir_updates": written.updates,
                        "fhir_withdrawn": written.withdrawn, "fhir_left_out": written.left_out,
                        "fhir_held_back": list(written.held_back),
                        "ask_the_ward": [found.as_json() for found in written.ask_the_ward],
                        "form_versions": {form_id: spec.version for form_id, spec in sorted(session.forms.items())},
                        "later_form_versions": [found.as_json() for found in written.later_forms],
                        "on_hold": [{**hold.as_json(), "why": hold.text("en", laptops_known(
                                        session, {version.device_id for version in hold.versions}))}
                                    for hold in holds(db, held)],
                        "restores": restores(db), "unsaved_drafts": unsaved_by_form(db),
                        "files": dict(sorted(files.digests.items()))}
            with files.open("manifest.json") as manifest_file:
                manifest_file.write(json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
            on_disk(staging)
            detail = {"counts": counts, "encrypted": encrypt_to is not None, "fhir_updates": written.updates,
                      "fhir_withdrawn": written.withdrawn, "fhir_left_out": written.left_out}
            with db.atomic():
                if for_another_ward:
                    audit.append(db, at=now, actor=session.user.staff_id, device_id=session.device.device_id,
                                 action="export.another_ward", detail={**detail, "folder": str(out)})
                else:
                    audit.insert_audited(db, "exports", {
                        "id": str(uuid.uuid4()), "exported_at": now.isoformat(), "author": session.user.staff_id,
                        "first_rowid": first, "last_rowid": last, "folder": str(out)}, at=now,
                        actor=session.user.staff_id, device_id=session.device.device_id, action="export",
                        detail=detail)
                    record_sent(db, *written.sent)
                put_in_place(staging, out)  # the record is committed once the export is on the stick
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    if not for_another_ward and (where := db.execute("PRAGMA database_list").fetchone()[2]):  # none in memory
        keyslots.keep_export(Path(where), now, last)  # what a restore from an older backup asks (backups.restored)
    return ExportResult(out, counts, written.entries, first, last, written.ask_the_ward, written.updates,
                        keys is not None, written.withdrawn, written.left_out, for_another_ward, written.later_forms,
                        written.held_back)


def _listed(manifest: Any) -> dict[str, Any] | None:
    """The manifest's files by POSIX path, whichever system wrote it (an older Windows export
    names them csv\\admission.csv); None when it is not a manifest's shape at all."""
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict):
        return None
    return {PureWindowsPath(name).as_posix(): expected for name, expected in files.items()}


NOT_AS_EXPORTED = QT_TRANSLATE_NOOP("messages", "refused, the export does not match its manifest: copy the export "
                                                "again from the laptop (or its backup stick):\n{problems}")
"""The refusal of an export whose files are not as exported (`verify_export`), by the import
and the merge: a stick pulled out during the copy, a file changed since."""


def verify_export(folder: Path, relative: bool = False) -> list[Phrase]:
    """Problems of an export folder: missing manifest, files missing, changed or unexpected,
    each in the clerk's language where it is said (`NOT_AS_EXPORTED`); `relative`: the files
    named from the folder (a decryption's scratch folder, which the clerk never sees)."""
    def named(path: Path) -> Path:
        return path.relative_to(folder) if relative else path

    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        return [Phrase(QT_TRANSLATE_NOOP("messages", "{path}: missing: this folder is not an export, or not all of "
                                                     "it was copied"), {"path": named(manifest_path)})]
    try:
        listed = _listed(json.loads(manifest_path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as problem:
        return [Phrase(QT_TRANSLATE_NOOP("messages", "{path}: cannot be read ({problem})"),
                       {"path": named(manifest_path), "problem": problem})]
    if listed is None:
        return [Phrase(QT_TRANSLATE_NOOP("messages", "{path}: not a manifest (it does not list the files with their "
                                                     "SHA-256)"), {"path": named(manifest_path)})]
    problems = []
    for name, expected in listed.items():
        path = folder / name
        if not path.is_file():
            problems.append(Phrase(QT_TRANSLATE_NOOP("messages", "{path}: missing"), {"path": named(path)}))
        elif sha256_of(path) != expected:
            problems.append(Phrase(QT_TRANSLATE_NOOP("messages", "{path}: altered or truncated (SHA-256 differs from "
                                                                 "the manifest)"), {"path": named(path)}))
    for path in folder.rglob("*"):
        relative_path = path.relative_to(folder)
        if path.is_file() and path.name != "manifest.json" and relative_path.as_posix() not in listed \
                and not os_litter(relative_path):
            problems.append(Phrase(QT_TRANSLATE_NOOP("messages", "{path}: not listed in the manifest"),
                                   {"path": named(path)}))
    return problems

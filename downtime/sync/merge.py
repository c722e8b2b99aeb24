"""Merging several laptops' exports for the records office: each export is verified against
its manifest first (a tampered or truncated file refuses that export, by name), record versions
are combined by record id and version without duplicates, and patients who look like the same
person under different downtime numbers are reported for a human to decide.

Two laptops that wrote different versions of one record (carried from one to the other, then
amended on both) do not stop the merge: the versions they agree on are merged, and from the
first that differs the record is on hold, its versions kept whole in HELD_FILE and named in the
report and the manifest (see domain.holds). A later merge reads them back, so a hold is never
settled or lost by merging again, in whatever order the exports come. Only a records office's
settlement, carried by its export, settles one: its versions are still kept whole, for the
office importing the merge to take the settlement, but the report and the manifest no longer
name it on hold.

Two laptops set up with one device number gave one downtime number to two patients: refused,
unless the records clerk says so (`shared_device_number`), and then each such number is written
with its laptop in the CSVs and the report, and named with both patients in the report and the
manifest (domain.duplicates.SharedNumber). The patients' rows stay as written."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import partial
from itertools import groupby, islice
from pathlib import Path
from typing import Any

import orjson
from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Listed, message, semicolon
from downtime.domain.downtime_number import told_apart
from downtime.domain.duplicates import NumberHolder, ProbableDuplicate, SharedNumber, probable_duplicates, standing
from downtime.domain.falls import AND
from downtime.domain.holds import Hold, Settlement, SettlementsDiffer, held_order, holds_of
from downtime.domain.laptops import Authors, Laptop, exported_at, laptop_name, laptops_of, merged_authors
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.tally import Tally
from downtime.errors import UserError, written_to
from downtime.formspec import load_forms
from downtime.formspec.schema import FormSpec, StaffRefField
from downtime.paths import forms_dir
from downtime.services.back_entry import LOADED_SQL, OnHold, conflicts_among, on_hold_of
from downtime.services.paper_doses import DRAFT_FORM as PAPER_DOSES
from downtime.services.patients import summarise
from downtime.services.records import THEATRE_FORMS
from downtime.services.theatre import (
    CHECKLIST_FORM, EVENT_FORMS, ClashReport, clash_reports, probable_groups, refused_standing, replay, session_of,
)
from downtime.sync.cd_register_csv import PATH as REGISTER_PATH, merge_registers
from downtime.sync.csv_cells import csv_cell
from downtime.sync.encryption import encrypted_export
from downtime.sync.fhir_export import PATIENTS_AT_ONCE, AskTheWard
from downtime.sync.missing import MissingVersions, missing_versions, shown_time
from downtime.sync.export import (
    ASK_THE_WARD_COLUMN, BASE_COLUMNS, CHART_ANTICOAGULANTS_COLUMN, CSV_ENCODING, NOT_STANDING_CELL, ON_HOLD_CELL, ON_HOLD_COLUMN, ON_HOLD_IN_CELL, SETTLED_CELL,
    NOT_AS_EXPORTED, csv_column, file_digests, on_disk, os_litter, put_in_place, staging_in, verify_export,
)
from downtime.sync.versions import (
    HELD_FILE, PATIENT_COLUMNS, PATIENTS_FILE, RECORD_COLUMNS, RECORDS_FILE, SETTLEMENTS_FILE, WITHDRAWN_ALIKE_FILE,
    digest, line, lines_of, one_hold, settlements_in, withdraws, write_lines,
)


class MergeRefused(UserError):
    pass


@dataclass(frozen=True)
class MergeResult:
    folder: Path
    versions: dict[str, int]
    duplicates: list[ProbableDuplicate]
    theatre_clashes: tuple[ClashReport, ...]
    """Operations booked at once on two laptops: merged all the same (both were told to their
    patients), named for a coordinator to move one."""
    holds: tuple[Hold, ...] = ()
    """Records whose laptops disagree from a version on, and which no settlement the merge
    carries settles: set aside whole, named for a person."""
    laptops: dict[str, Laptop] = field(default_factory=dict)
    """What is known of each laptop by device id, to name those of a hold or a clash."""
    settled_otherwise: tuple[SettlementsDiffer, ...] = ()
    """Holds two offices settled choosing different versions: neither settles the record, on hold."""
    shared_numbers: tuple[SharedNumber, ...] = ()
    """Downtime numbers two laptops set up with one device number gave to two patients, merged
    as the clerk said (`shared_device_number`), each with both patients."""
    ask_the_ward: tuple[AskTheWard, ...] = ()
    """Records another laptop's record contradicts, which the merge is the first to hold both of
    (see `_ask_the_ward`): the ward says which is true before anyone enters them."""
    compared: Mapping[str, OnHold] = field(default_factory=dict)
    """Each hold's versions with the answers they differ in, by record id (see `_compared`)."""
    missing: tuple[MissingVersions, ...] = ()
    """Versions of a laptop that none of its exports merged hold: a stick that did not come."""
    sources: tuple[Mapping[str, Any], ...] = ()
    """The laptops' exports it was made of (see `sources_of`)."""
    authors: Authors = field(default_factory=Authors)
    """Who wrote its versions, by their laptops' staff directories (domain.laptops.merged_authors)."""
    tally: Tally = Tally(0)
    """Its record versions and records, as its report counts them (see `_tally`)."""
    not_exported: tuple[NotExported, ...] = ()
    """What the laptops' exports say none of them holds: the records lost to a restore from a
    backup, the drafts never saved (see `not_exported`)."""
    withdrawn_alike: tuple[WithdrawnAlike, ...] = ()
    """Records laptops each withdrew: withdrawn, one withdrawal kept (see `_withdrawn_alike`)."""

    def laptops_text(self, lang: Lang) -> list[str]:
        """Each laptop merged, in its number's order, with how many of its exports and when the
        latest was made: the clerk ticks the hospital's laptops off against it, as a laptop none
        of whose sticks came is named nowhere else."""
        made: dict[str, set[str]] = {}
        for source in self.sources:
            if source.get("device_id") and isinstance(source.get("exported_at"), str):
                made.setdefault(str(source["device_id"]), set()).add(str(source["exported_at"]))
        later = {found.device_id: found for found in later_forms(self.sources)}
        return [message(lang, LAPTOP_EXPORTS, laptop=laptop_name(lang, device_id, self.laptops), count=len(times),
                        time=shown_time(max(times, key=datetime.fromisoformat)))
                + (semicolon(lang) + later[device_id].said(lang) if device_id in later else "")
                for device_id, times in sorted(made.items(), key=lambda found: (
                    self.laptops.get(found[0], Laptop(None)).number or 1000, found[0]))]

    def holds_text(self, lang: Lang, titles: Mapping[str, str] | None = None) -> list[str]:
        """Each record on hold, its versions with the answers they differ in, then each hold two
        offices settled otherwise: the report's lines (`titles`: each form's title in `lang`)."""
        return [*(hold.text(lang, self.laptops, titles, self.authors, self.compared[hold.record_id].text_in(lang))
                  for hold in self.holds),
                *(found.text(lang, self.laptops, titles, self.authors) for found in self.settled_otherwise)]


    def not_exported_text(self, lang: Lang, titles: Mapping[str, str] | None = None) -> list[str]:
        """Each restore of a laptop and each laptop's drafts never saved, after the laptops: the
        records office knew neither, and took a laptop's afternoon typed again from paper, or
        not at all, and a dose typed and left at the lock screen, for complete (`titles`: each
        form's title in `lang`)."""
        return [found.text(lang, titles) for found in self.not_exported]


LAPTOP_EXPORTS = QT_TRANSLATE_NOOP("messages", "{laptop}: {count} export(s), the latest made {time}")
LATER_FORMS_LEFT_OUT = QT_TRANSLATE_NOOP("messages", "LATER FORMS: its FHIR bundles (Downtime {version}) left out or "
                                                     "tagged {count} record(s) written with a later version of their "
                                                     "form than its own, which none of its later exports sent; post "
                                                     "the records office's bundle for them (the manifest's "
                                                     "later_form_versions)")
LATER_FORMS_OF = QT_TRANSLATE_NOOP("messages", "{laptop}: {said}")


@dataclass(frozen=True)
class LaterForms:
    """A laptop's records that its bundles left out or tagged, written with a later version of
    their form than its own (see `later_forms`)."""

    device_id: str
    app_version: str | None
    """Of its latest export."""
    exported_at: str | None
    records: tuple[Mapping[str, Any], ...]
    """Each as the export that listed it last did (fhir_export.LaterForm), with that export's time."""

    def said(self, lang: Lang) -> str:
        """As the laptop's line of a merge's report ends."""
        return message(lang, LATER_FORMS_LEFT_OUT, count=len(self.records), version=self.app_version or "?")

    def text(self, lang: Lang, laptops: Mapping[str, Laptop]) -> str:
        """A line of its own, the laptop named (an import's report)."""
        return message(lang, LATER_FORMS_OF, laptop=laptop_name(lang, self.device_id, laptops), said=self.said(lang))

    def as_json(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "app_version": self.app_version, "exported_at": self.exported_at,
                "records": list(self.records)}


def later_forms(sources: Iterable[Mapping[str, Any]]) -> tuple[LaterForms, ...]:
    """Each laptop whose bundles left out or tagged records written with a later version of their
    form than its own (its manifests' `later_form_versions`, see fhir_export.LaterForm), with
    them: that laptop's mapping predates their answers, so the office's bundle, made with
    today's, is the one to post for them. Every export of the laptop counts, not its latest
    alone: a death its first stick left out is in no later `--since-last` stick either, which
    lists none, and the merge said nothing of it. A record is dropped only once a later whole
    export (not `--since-last`) of that laptop had that form at its version or later, and so sent
    it plainly. A release before this says nothing of them, and nothing is said."""
    made: dict[str, list[Mapping[str, Any]]] = {}
    for source in sorted(sources, key=exported_at):
        if source.get("device_id"):
            made.setdefault(str(source["device_id"]), []).append(source)
    found = []
    for device_id, exports in made.items():
        left: dict[str, Mapping[str, Any]] = {}
        for source in exports:
            known = source.get("form_versions")
            if source.get("since_last") is False and isinstance(known, dict):
                left = {record_id: entry for record_id, entry in left.items()
                        if not entry.get("form_version", 0) <= known.get(entry.get("form_id"), -1)}
            listed = source.get("later_form_versions")
            left |= {entry["record_id"]: {**entry, "exported_at": source.get("exported_at")}
                     for entry in (listed if isinstance(listed, list) else ())
                     if isinstance(entry, dict) and isinstance(entry.get("record_id"), str)}
        if left:
            found.append(LaterForms(device_id, exports[-1].get("app_version"), exports[-1].get("exported_at"),
                                    tuple(left.values())))
    return tuple(found)


ASK_THE_WARD_MERGED = QT_TRANSLATE_NOOP("messages", "{count} record(s) merged contradict another laptop's record (the "
                                                    "manifest's ask_the_ward, each line's ask_the_ward cell): ask the "
                                                    "ward about each before entering it")


def _scratch(folder: Path) -> Database:
    """Where the exports are combined: a hospital's twenty exports hold 1.4 million record
    versions, too many to combine and sort in memory (they took 5.7 GB). Each fact is kept once
    by its key, with the first export that held it and the first that disagrees (`other`). A
    version's key holds its content's digest, so none disagrees: two contents of one version are
    two facts, and the records that have them are set aside (`holds`, `held`) once every export
    is read."""
    db = Database(folder / "merge.sqlite")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE TABLE patients (patient_id TEXT PRIMARY KEY, downtime_number TEXT, device_number INTEGER,"
               " device_id TEXT, line TEXT, folder TEXT, other TEXT)")
    db.execute("CREATE TABLE versions (record_id TEXT, version INTEGER, digest TEXT, recorded_utc TEXT, form_id TEXT,"
               " patient_id TEXT, device_id TEXT, line TEXT, folder TEXT, other TEXT,"
               " PRIMARY KEY (record_id, version, digest))")
    db.execute("CREATE TABLE csv_lines (form_id TEXT, record_id TEXT, version INTEGER, variant TEXT, line TEXT,"
               " ask TEXT, at REAL, PRIMARY KEY (form_id, record_id, version, variant))")
    db.conn.create_function("either_chart", 2, either_chart, deterministic=True)
    return db


def _instant(path: Path, number: int, text: str) -> str:
    """When a version was recorded, as UTC text that sorts in time order: as written, 02:40+02:00
    sorts after 02:10+01:00, half an hour later on the night the clocks go back."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}: recorded_at {value!r} is not a date and "
                                                         "time with its offset"),
                           path=path, number=number, value=text)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class _Facts:
    """Files of every export, combined into one table by `key`; `values` gives the `key` and
    `more` columns of the file's line `number` (named if the line is refused), written as `text`.
    The files after the first are read where an export has them (a merge's held versions)."""

    table: str
    files: tuple[str, ...]
    columns: tuple[str, ...]
    key: tuple[str, ...]
    more: tuple[str, ...]
    values: Callable[[Path, int, dict[str, Any], str], tuple[Any, ...]]


_FACTS = (
    _Facts("patients", (PATIENTS_FILE,), PATIENT_COLUMNS, ("patient_id",),
           ("downtime_number", "device_number", "device_id"),
           lambda path, number, row, text: (row["patient_id"], row["downtime_number"], row["device_number"],
                                            row["device_id"])),
    _Facts("versions", (RECORDS_FILE, HELD_FILE, WITHDRAWN_ALIKE_FILE), RECORD_COLUMNS, ("record_id", "version", "digest"),
           ("recorded_utc", "form_id", "patient_id", "device_id"),
           lambda path, number, row, text: (row["record_id"], row["version"], digest(text),
                                            _instant(path, number, row["recorded_at"]), row["form_id"],
                                            row["patient_id"], row["device_id"])),
)


def _combine(db: Database, folders: list[Path]) -> None:
    """Patients by id and record versions by (record, version, content). The lines are kept as
    the export writes them (sorted keys), so equal rows are equal lines. A patient's row is
    written once, by the laptop that gave the number, and carried unchanged by every import:
    two contents for one patient is no disagreement of people but a damaged file, and refuses
    the merge, naming both exports."""
    for folder in folders:
        for facts in _FACTS:
            names = (*facts.key, *facts.more)
            for path in [folder / name for number, name in enumerate(facts.files)
                         if number == 0 or (folder / name).exists()]:
                rows = enumerate(lines_of(path, facts.columns), start=1)
                while part := list(islice(rows, 5000)):
                    db.conn.executemany(
                        f"INSERT INTO {facts.table} ({', '.join(names)}, line, folder)"
                        f" VALUES ({', '.join('?' * (len(names) + 2))})"
                        f" ON CONFLICT ({', '.join(facts.key)}) DO UPDATE SET other = excluded.folder"
                        f" WHERE {facts.table}.other IS NULL AND {facts.table}.line != excluded.line",
                        [(*facts.values(path, number, row, text), text, str(folder))
                         for number, row in part for text in [line(row)]])
    found = db.execute("SELECT patient_id, downtime_number, folder, other FROM patients WHERE other IS NOT NULL"
                       " LIMIT 1").fetchone()
    if found is not None:
        patient_id, number, seen, other = found
        (path, at), (other_path, other_at) = (_patient_line(Path(folder), patient_id) for folder in (other, seen))
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{file}, line {line}: patient {number} differs from {other}, "
                                                         "line {other_line}"),
                           file=path, line=at, number=number, other=other_path, other_line=other_at)


def _patient_line(folder: Path, patient_id: str) -> tuple[Path, int]:
    """The patients file of an export and the number of a patient's line in it: the merge's
    refusal names them, as the import's does (an internal id is on no screen or CSV). Read again
    only to refuse."""
    path = folder / PATIENTS_FILE
    return path, next(number for number, row in enumerate(lines_of(path, PATIENT_COLUMNS), start=1)
                      if row["patient_id"] == patient_id)


def _withdrawn_alike(db: Database) -> tuple[WithdrawnAlike, ...]:
    """Keeps one of the withdrawals of a record that laptops each withdrew, with nothing after them
    (`versions.withdraws`; `_alike_withdrawals` where no export holds the version before): the earliest, by when it was recorded; the others leave `versions`
    for `aside` (WITHDRAWN_ALIKE_FILE, their CSV lines kept and marked) and are named (the
    manifest's `withdrawn_alike`, the report's tally). The rest stays for `_set_aside` to judge.
    The earliest whatever the order of the exports, so every merge, and an office importing the
    sticks one by one (sync.import_export), withdraws the record. Deleted, the other nurse's
    withdrawal, her reason and time, were gone from the merged data, and the report said nothing."""
    db.execute("CREATE TABLE aside AS SELECT * FROM versions WHERE 0")
    found = []
    for record_id, version in db.execute(
            "SELECT record_id, version FROM versions GROUP BY record_id, version HAVING COUNT(*) > 1").fetchall():
        rows = [(recorded_utc, text_digest, orjson.loads(text)) for recorded_utc, text_digest, text in db.execute(
            "SELECT recorded_utc, digest, line FROM versions WHERE record_id = ? AND version = ?"
            " ORDER BY recorded_utc, digest", [record_id, version])]
        before = [orjson.loads(text) for (text,) in db.execute(
            "SELECT line FROM versions WHERE record_id = ? AND version = ?", [record_id, version - 1])]
        later = db.execute("SELECT 1 FROM versions WHERE record_id = ? AND version > ?", [record_id, version]).fetchone()
        if later is not None or len(before) > 1 or not (
                all(withdraws(row, before[0]) for *_, row in rows) if before else _alike_withdrawals(rows)):
            continue
        others = [(record_id, version, text_digest) for _, text_digest, _ in rows[1:]]
        db.conn.executemany("INSERT INTO aside SELECT * FROM versions WHERE record_id = ? AND version = ?"
                            " AND digest = ?", others)
        db.conn.executemany("DELETE FROM versions WHERE record_id = ? AND version = ? AND digest = ?", others)
        found.append(WithdrawnAlike(rows[0][2], tuple(row for *_, row in rows[1:])))
    return tuple(found)


def _alike_withdrawals(rows: list[tuple[str, str, Mapping[str, Any]]]) -> bool:
    """Whether versions whose version before no export of the merge holds (each laptop's
    `--since-last` stick of the day) all withdraw it with the same answers: the same record
    withdrawn on both wards, merged from the day's sticks, was held as a disagreement."""
    return (all(row["status"] == RecordStatus.ENTERED_IN_ERROR.value for *_, row in rows)
            and len({orjson.dumps(orjson.loads(row["data"]), option=orjson.OPT_SORT_KEYS) for *_, row in rows}) == 1)


@dataclass(frozen=True)
class WithdrawnAlike:
    """A record laptops each withdrew (see `_withdrawn_alike`): the withdrawal kept, and the others."""

    kept: Mapping[str, Any]
    others: tuple[Mapping[str, Any], ...]

    def as_json(self) -> dict[str, Any]:
        def said(row: Mapping[str, Any]) -> dict[str, Any]:
            return {name: row[name] for name in ("id", "device_id", "author", "recorded_at", "reason")}

        return {"record_id": self.kept["record_id"], "form_id": self.kept["form_id"], "version": self.kept["version"],
                "kept": said(self.kept), "also_withdrawn_by": [said(row) for row in self.others]}


def _set_aside(db: Database) -> None:
    """Each record with a version held with two contents is on hold from the first such
    version: its versions from there on leave `versions` for `held`, every content of each."""
    db.execute("CREATE TABLE holds AS SELECT record_id, MIN(version) AS from_version FROM"
               " (SELECT record_id, version FROM versions GROUP BY record_id, version HAVING COUNT(*) > 1)"
               " GROUP BY record_id")
    db.execute("CREATE TABLE held AS SELECT v.* FROM versions v JOIN holds h USING (record_id)"
               " WHERE v.version >= h.from_version")
    db.execute("DELETE FROM versions WHERE rowid IN (SELECT v.rowid FROM versions v JOIN holds h USING (record_id)"
               " WHERE v.version >= h.from_version)")


def _holds(db: Database, shown: Mapping[str, str]) -> tuple[Hold, ...]:
    """The records set aside, named for the report and the manifest."""
    numbers = {patient_id: shown.get(patient_id, number) for patient_id, number in db.execute(
        "SELECT patient_id, downtime_number FROM patients WHERE patient_id IN"
        " (SELECT json_extract(line, '$.patient_id') FROM held)")}
    return holds_of((orjson.loads(text) for (text,) in db.execute("SELECT line FROM held")), numbers)


def _compared(db: Database, forms: Mapping[str, FormSpec], holds: tuple[Hold, ...], laptops: Mapping[str, Laptop],
              authors: Authors) -> dict[str, OnHold]:
    """Each of these holds as the back-entry list will show it once the merge is imported
    (services.back_entry.OnHold): every version with the answers the versions differ in. The
    report named versions, laptops and times alone, and the clerk could not tell a typo in a
    comment from another dose before importing and opening each record."""
    wanted = {hold.record_id for hold in holds}
    rows: dict[str, list[dict[str, Any]]] = {}
    for (text,) in db.execute("SELECT line FROM held"):
        row = orjson.loads(text)
        if row["record_id"] in wanted:
            rows.setdefault(row["record_id"], []).append(row)
    # Each record's version 1 where it is not set aside: what its form asked (OnHold.first_saved_under).
    first = dict(db.execute("SELECT record_id, json_extract(line, '$.form_version') FROM versions"
                            " WHERE version = 1 AND record_id IN (SELECT record_id FROM held)").fetchall())
    found = {}
    for record_id, lines in rows.items():
        held = [RecordVersion.model_validate({**row, "data": orjson.loads(row["data"])})
                for row in sorted(lines, key=held_order)]
        found[record_id] = on_hold_of(forms[held[0].form_id], held, laptops, authors, first.get(record_id))
    return found


def _one_laptop_per_device_number(db: Database, shared_device_number: bool) -> None:
    """Downtime numbers are made of the device number, so two laptops set up with the same one
    (or one database copied onto two) give one number to two people; the merge stops before a
    records clerk mistakes them for one, unless the clerk said so (`shared_device_number`):
    each laptop's patients are then told apart by its device id (random per database). A copy
    of one database has one device id: nothing tells its records apart, and it stays refused."""
    shared = db.execute("SELECT device_number FROM patients GROUP BY device_number"
                        " HAVING COUNT(DISTINCT device_id) > 1 LIMIT 1").fetchone()
    if shared is not None and not shared_device_number:
        # The first export each laptop's patients came from, in the order the exports were given.
        first, second = (folder for _, folder in db.execute(
            "SELECT MIN(rowid), folder FROM patients WHERE device_number = ? GROUP BY device_id ORDER BY 1 LIMIT 2", shared))
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "refused: {first} and {second} come from two laptops set up with "
                                                         "the same device number {number}, so their downtime numbers "
                                                         "can name two different patients; each laptop needs its own "
                                                         "device number. To merge both laptops' patients all the same, "
                                                         "each of these numbers shown with its laptop, merge again "
                                                         "with --shared-device-number"),
                           first=first, second=second, number=shared[0])
    # A laptop set up by copying another's database has its device id too: the check above
    # cannot tell them apart, and one number named two people without a word.
    twice = db.execute("SELECT downtime_number, device_id FROM patients GROUP BY downtime_number, device_id"
                       " HAVING COUNT(DISTINCT patient_id) > 1 LIMIT 1").fetchone()
    if twice is not None:
        first, second = (folder for _, folder in db.execute(
            "SELECT MIN(rowid), folder FROM patients WHERE downtime_number = ? AND device_id = ? GROUP BY patient_id"
            " ORDER BY 1 LIMIT 2", twice))
        # A laptop restored from its backup by an earlier version gave again the numbers given
        # since the backup (services.paper_numbers): the same device id, and so the same refusal,
        # which named only copies, and the records office looked for a second laptop.
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "refused: {first} and {second} give downtime number {number} to "
                                                         "two different patients: they come from copies of one "
                                                         "laptop's database, or from one laptop before and after it was "
                                                         "restored from a backup by an earlier version of Downtime "
                                                         "(which gave the numbers given since the backup again), so "
                                                         "each number can name two people. Check both patients' "
                                                         "wristbands with the ward; set each laptop up with a database "
                                                         "and device number of its own. --shared-device-number cannot "
                                                         "merge them: both have one device id, so nothing tells their "
                                                         "records apart by laptop"),
                           first=first, second=second, number=twice[0])


def _shown(db: Database) -> dict[str, str]:
    """Each patient whose number two laptops gave (merged with --shared-device-number), by id,
    with that number as it is shown (told apart by the laptop); kept in `sharing` too (as many
    as a laptop's patients: too many for a query's parameters)."""
    db.execute("CREATE TABLE sharing AS SELECT patient_id, downtime_number, device_id FROM patients WHERE"
               " downtime_number IN (SELECT downtime_number FROM patients GROUP BY downtime_number HAVING COUNT(*) > 1)")
    return {patient_id: told_apart(number, device_id)
            for patient_id, number, device_id in db.execute("SELECT * FROM sharing")}


def _about_sharing(db: Database) -> Iterator[dict[str, Any]]:
    """Every version, merged or held, of a record about a patient in `sharing`, as its line."""
    return (orjson.loads(text) for (text,) in db.execute(
        "SELECT line FROM (SELECT line FROM versions UNION ALL SELECT line FROM held)"
        " WHERE json_extract(line, '$.patient_id') IN (SELECT patient_id FROM sharing)"))


def _shared_numbers(db: Database, forms: Mapping[str, FormSpec], shown: Mapping[str, str]) -> tuple[SharedNumber, ...]:
    """Each number two laptops gave, with both patients as their standing admission (the
    latest they arrived by) names them: whom the paper forms under that number are about."""
    if not shown:
        return ()
    admitted: dict[str, Mapping[str, Any]] = {}
    for row in sorted(standing(row for row in _about_sharing(db) if (spec := forms.get(row["form_id"]))
                               and spec.creates_patient), key=lambda row: row["occurred_at"]):
        admitted[row["patient_id"]] = row
    found: dict[str, list[NumberHolder]] = {}
    for patient_id, number in db.execute("SELECT patient_id, downtime_number FROM sharing"
                                         " ORDER BY downtime_number, device_id"):
        row = admitted.get(patient_id)
        summary = summarise(forms[row["form_id"]], RecordVersion.model_validate({**row, "data": orjson.loads(row["data"])}),
                            shown[patient_id]) if row else None
        found.setdefault(number, []).append(NumberHolder(shown[patient_id], summary.display_name if summary else "",
                                                         summary.birth_date if summary else None,
                                                         (summary.ward or "") if summary else ""))
    return tuple(SharedNumber(number, tuple(holders)) for number, holders in found.items())


def _ask_the_ward(db: Database, forms: Mapping[str, FormSpec], laptops: Mapping[str, Laptop], shown: Mapping[str, str],
                  authors: Authors) -> tuple[AskTheWard, ...]:
    """The records another laptop's record contradicts (a dose recorded on two laptops, a dose
    whose order or a record whose patient's admission another laptop withdrew), by the rule the
    office importing the merge follows (services.back_entry.conflicts_among): each record's
    latest version merged, with every version held of its patient's records on hold. Only the
    patients with versions written on two laptops or more are read, a page of patients at a
    time: a laptop found those among its own records itself, and its CSV lines, kept, say them;
    reading every patient's records made the bench's small merge (20 laptops, 58,000 versions)
    half as slow again, and a page of a thousand patients' records takes 100 MB."""
    db.execute("CREATE TABLE crossing (patient_id TEXT PRIMARY KEY, downtime_number TEXT)")
    db.execute("INSERT INTO crossing SELECT patient_id, downtime_number FROM patients WHERE patient_id IN"
               " (SELECT patient_id FROM (SELECT patient_id, device_id FROM versions UNION SELECT patient_id, device_id"
               " FROM held) GROUP BY patient_id HAVING COUNT(*) > 1)")
    numbers = {patient_id: shown.get(patient_id, number)
               for patient_id, number in db.execute("SELECT patient_id, downtime_number FROM crossing")}
    if not numbers:
        return ()
    rows = db.execute("SELECT patient_id, line, 0 FROM versions JOIN crossing USING (patient_id)"
                      " UNION ALL SELECT patient_id, line, 1 FROM held JOIN crossing USING (patient_id)"
                      " ORDER BY 1")
    patients = (list(lines) for _, lines in groupby(rows, key=lambda row: row[0]))
    found: list[AskTheWard] = []
    while page := list(islice(patients, PATIENTS_AT_ONCE)):
        current: dict[str, RecordVersion] = {}
        held: list[RecordVersion] = []
        first: dict[str, datetime] = {}  # when each record's version 1 was written: a move amended since
        for lines in page:
            for _, text, was_held in lines:
                row = orjson.loads(text)
                version = RecordVersion.model_validate({**row, "data": orjson.loads(row["data"])})
                if version.version == 1:
                    first[version.record_id] = version.recorded_at
                if was_held:
                    held.append(version)
                elif version.record_id not in current or current[version.record_id].version < version.version:
                    current[version.record_id] = version
        conflicts = conflicts_among(forms, current.values(), lambda _: laptops, held, authors, first)
        found += [AskTheWard(record_id, record.form_id, record.version, record.id, numbers[str(record.patient_id)],
                             said, False) for record_id, said in conflicts.items() for record in [current[record_id]]]
    return tuple(sorted(found, key=lambda one: (one.downtime_number, one.form_id, one.record_id)))


def _tally(db: Database, settled: Mapping[str, dict[str, Any]]) -> Tally:
    """The merge's record versions and their records, counted as its import and the Back-entry
    list will count them (domain.tally): those on hold are kept aside, but of a hold a settlement
    the merge carries settles, the version left standing is imported as one that stands, the
    others set aside. A record not on hold standing withdrawn (entered in error), unless an office
    entered an earlier merge's version of it, or loaded from the EHR's snapshot and unchanged, will
    not be listed (services.back_entry.tally)."""
    held = set_aside = standing = 0
    for record_id, version_id in db.execute("SELECT record_id, json_extract(line, '$.id') FROM held"):
        if record_id not in settled:
            held += 1
        elif settled[record_id]["id"] == version_id:
            standing += 1
        else:
            set_aside += 1
    loaded = LOADED_SQL.format("v")
    versions, records, withdrawn, unchanged = db.execute(f"""
        SELECT (SELECT COUNT(*) FROM versions),
               (SELECT COUNT(*) FROM (SELECT record_id FROM versions UNION SELECT record_id FROM held)),
               TOTAL(json_extract(v.line, '$.status') = ? AND NOT {loaded}), TOTAL(v.version = 1 AND {loaded})
        FROM versions v
        WHERE v.version = (SELECT MAX(w.version) FROM versions w WHERE w.record_id = v.record_id)
        AND v.record_id NOT IN (SELECT record_id FROM held)""", [RecordStatus.ENTERED_IN_ERROR.value]).fetchone()
    aside = db.execute("SELECT COUNT(*) FROM aside").fetchone()[0]
    return Tally(int(versions) + standing, held, set_aside, int(records), int(withdrawn), int(unchanged), merged=True,
                 withdrawn_alike=aside)


def _versions_in_order(db: Database) -> Iterator[str]:
    """Record versions in the order they were recorded, each after the versions before it even
    when a laptop's clock was set back between them (an import takes version 2 only after
    version 1): a version is placed at the latest instant among its record's versions so far."""
    return (text for (text,) in db.execute(
        "SELECT line FROM (SELECT line, record_id, version, MAX(recorded_utc) OVER"
        " (PARTITION BY record_id ORDER BY version) AS placed FROM versions) ORDER BY placed, record_id, version"))


@contextmanager
def _cells_of_any_length() -> Iterator[None]:
    """Our own CSVs hold whatever was typed (an amendment reason of 150,000 characters) and their
    manifest vouches for them: the csv module's limit of 131,072 characters a cell guards files
    of unknown origin. The new limit is the largest a C long holds on every system (Windows'
    is 32 bits); the module's own is put back for every other reader."""
    previous = csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _keyed_lines(path: Path, reader: csv.DictReader[str]) -> Iterator[dict[str, Any]]:
    """The lines of an export's CSV, each refused by its file and line when it names no record
    version (a line damaged after the export, its manifest's checksums made again): the merge
    keys its lines on them, and a damaged one stopped it with no word of where."""
    for row in reader:
        if not row.get("record_id"):
            raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}: column record_id is empty"),
                               path=path, number=reader.line_num)
        if not (row.get("version") or "").isdigit():
            raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}: column version holds {value!r}, "
                                                             "not a whole number"),
                               path=path, number=reader.line_num, value=row.get("version") or "")
        yield row


NAME_SUFFIX = "_name"
"""The merged CSVs' last columns: beside the author's staff ID (and a dose's witness's, each
staff_ref field's), the name their laptop's staff directory gives it ("author_name",
"witness_name"), empty where that laptop's exports list no staff. Last, so that a back-entry
tool's columns keep their positions."""


def _staff_columns(forms: Mapping[str, FormSpec]) -> dict[str, list[str]]:
    """The columns of each form's staff IDs whose names the merged CSV gives (NAME_SUFFIX)."""
    return {form_id: ["author", *(csv_column(field.id) for field in spec.fields() if isinstance(field, StaffRefField))]
            for form_id, spec in forms.items()}


def _named(row: dict[str, Any], columns: list[str], authors: Authors,
           named_on: Mapping[tuple[str, str, str], str]) -> dict[str, str]:
    """A merged CSV line's NAME_SUFFIX cells: each staff ID's name on the laptop that wrote it
    into the record (`named_on`, see `_named_on`; else the line's own), safe from a spreadsheet's
    formulas as a typed cell is (a name comes from any laptop's directory). The line's author is
    its own laptop's."""
    def device(column: str) -> str:
        own = row.get("device_id") or ""
        return own if column == "author" else named_on.get((row["record_id"], column, row.get(column) or ""), own)

    return {f"{column}{NAME_SUFFIX}": csv_cell(authors.others.get((device(column), row.get(column) or "")))
            for column in columns}


def _named_on(db: Database, forms: Mapping[str, FormSpec]) -> dict[tuple[str, str, str], str]:
    """The laptop whose version first named each staff ID of a record written on two laptops
    or more, by (record id, column, staff ID): a dose laptop 1 recorded with its witness "hl",
    withdrawn on laptop 2 where "hl" is someone else, still names laptop 1's "hl" in the
    version laptop 2 wrote, and its line named laptop 2's (the worklist and FHIR named laptop
    1's). A record one laptop wrote alone is named on that laptop, and left out."""
    staff = {form_id: [field.id for field in spec.fields() if isinstance(field, StaffRefField)]
             for form_id, spec in forms.items()}
    staff = {form_id: ids for form_id, ids in staff.items() if ids}
    if not staff:
        return {}
    marks = ", ".join("?" * len(staff))
    found: dict[tuple[str, str, str], str] = {}
    for record_id, form_id, device_id, text in db.execute(
            f"SELECT record_id, form_id, device_id, json_extract(line, '$.data') FROM (SELECT * FROM versions"
            f" UNION ALL SELECT * FROM held) WHERE form_id IN ({marks}) AND record_id IN (SELECT record_id FROM"
            f" (SELECT record_id, device_id FROM versions WHERE form_id IN ({marks}) UNION SELECT record_id, device_id"
            f" FROM held WHERE form_id IN ({marks})) GROUP BY record_id HAVING COUNT(*) > 1)"
            f" ORDER BY record_id, version, recorded_utc", [*staff, *staff, *staff]):
        data = orjson.loads(text)
        for field_id in staff[form_id]:
            if data.get(field_id):
                found.setdefault((record_id, csv_column(field_id), str(data[field_id])), device_id)
    return found


# The CSV columns a merge writes itself rather than take as they were: whether a record is on hold
# is judged on every export merged, and what to ask the ward about gathered from each; the names
# are read from every export's staff directory.
WRITTEN_AFRESH = (ASK_THE_WARD_COLUMN, ON_HOLD_COLUMN)
WORKED_OUT = (CHART_ANTICOAGULANTS_COLUMN,)
ANTICOAGULANTS_JOINED = AND["en"]
"""How the export joins a fall's anticoagulants in CHART_ANTICOAGULANTS_COLUMN (falls.anticoagulants_named)."""


def either_chart(kept: str | None, other: str | None) -> str:
    """Every anticoagulant either line's chart named at a fall, the kept line's first: the laptop
    the patient went on to, whose chart never had the paper apixaban order typed on the first, and
    which exported last, blanked it from the merged falls CSV (the safe side: the clerk is told of
    each one any ward's chart had)."""
    parts = [part for cell in (kept, other) if cell for part in cell.split(ANTICOAGULANTS_JOINED)]
    return ANTICOAGULANTS_JOINED.join(dict.fromkeys(parts))


_LATER = "CASE WHEN excluded.at >= csv_lines.at THEN excluded.line ELSE csv_lines.line END"
_EARLIER = "CASE WHEN excluded.at >= csv_lines.at THEN csv_lines.line ELSE excluded.line END"
"""Of a version's two lines met in the merge, the one of the export made last, and the other."""
"""Columns an export works out from its own laptop's charts beside a version's answers (the
anticoagulants the chart had at a fall): kept as any column, but no part of what a held version
says; a laptop that had the order on its chart by its second export read as a second content."""

LINE_TIMES = "line_exported_at"
"""A merge manifest's key: when the export each line with WORKED_OUT columns came from was made,
by form, record id and version (see `_line_times`)."""


def _line_times(folder: Path) -> Callable[[str, Mapping[str, Any]], float]:
    """When the export a folder's CSV line (by form id and line) came from was made, to keep the
    line of the export made last (see `_merged_csv`): an export's own time; a merge's lines each
    the time its manifest's LINE_TIMES keeps, else (a merge by an earlier version) that of the
    latest export merged of the laptop that wrote the line. Ranked by the merge's latest export,
    yesterday's merge outranked a later stick of the laptop its fall came from, and the fall read
    "not anticoagulated" again."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != "downtime-merge":
        own = exported_at(manifest)
        return lambda form_id, row: own
    kept = manifest.get(LINE_TIMES)
    kept = kept if isinstance(kept, dict) else {}
    latest: dict[str, float] = {}
    for source in sources_of(folder):
        latest[str(source["device_id"])] = max(latest.get(str(source["device_id"]), float("-inf")),
                                               exported_at(source))

    def at(form_id: str, row: Mapping[str, Any]) -> float:
        said = ((kept.get(form_id) or {}).get(row["record_id"]) or {}).get(row["version"])
        return exported_at({"exported_at": said}) if said else latest.get(str(row.get("device_id")), float("-inf"))

    return at


def _kept_line_times(db: Database) -> dict[str, dict[str, dict[str, str]]]:
    """The merge's LINE_TIMES: each line with WORKED_OUT columns by form, record id and version,
    with the time of the export it came from (of a time known), for a later merge to rank it."""
    worked_out = " OR ".join(f"json_type(line, '$.{column}') IS NOT NULL" for column in WORKED_OUT)
    found: dict[str, dict[str, dict[str, str]]] = {}
    for form_id, record_id, version, at in db.execute(
            f"SELECT form_id, record_id, version, MAX(at) FROM csv_lines WHERE ({worked_out}) AND at > ?"
            " GROUP BY form_id, record_id, version", [float("-inf")]):
        found.setdefault(form_id, {}).setdefault(record_id, {})[str(version)] = datetime.fromtimestamp(
            at, timezone.utc).isoformat()
    return found


def _merged_csv(db: Database, forms: Mapping[str, FormSpec], folders: list[Path], out: Path, settled: Mapping[str, dict[str, Any]],
                shown: Mapping[str, str], asked: tuple[AskTheWard, ...],
                compared: Mapping[str, OnHold], authors: Authors,
                withdrawn_alike: tuple[WithdrawnAlike, ...]) -> dict[str, int]:
    """Each form's CSV lines of every export, once per record version (the line of the export
    made last kept, whatever the order of the folders: see `_line_times`; a fall's chart
    anticoagulants those of every line, see `either_chart`), in record order; returns each form's count. A form's columns are those of every
    export (a laptop on an earlier app may lack a field), in today's form's order (see
    `_in_form_order`), its lines blank where they had none.
    A version set aside has a line for each of its contents (its `variant`), and every line of
    a record on hold says so in ON_HOLD_COLUMN, written afresh (a merged CSV read again has one);
    those of a hold the merge takes as settled (`settled`: the version left standing, by record,
    see `_settled`) say which stands, as the manifest and report no longer name it on hold.
    What a line says to ask the ward about (ASK_THE_WARD_COLUMN) is kept from every export that
    says it, each once: the laptop that saw the contradiction and one that carries the same
    version without it may come in either order, and the later line alone lost the warning.
    What the merge finds to ask about (`asked`, see `_ask_the_ward`) is said on its line where no
    export says it (`_unsaid`): a laptop that held both sides said it already, naming its own
    staff as its staff list does, and the same warning twice in other words read as two; but a third laptop's record, which it never held, is the merge's to say.
    `shown`: the number shown for each record whose patient's number two laptops gave;
    `compared`: each hold not settled, whose lines name the columns its versions differ in;
    `authors`: who the staff IDs are, for the names in the last columns (NAME_SUFFIX);
    `withdrawn_alike`: the withdrawals merged as one, whose other withdrawals' lines are kept
    beside the one standing, each its own `variant`, ON_HOLD_COLUMN saying WITHDRAWN_TOO_CELL."""
    withdrawn_too = {(row["record_id"], row["version"], row["device_id"], row["recorded_at"])
                     for found in withdrawn_alike for row in found.others}
    held_from = dict(db.execute("SELECT record_id, from_version FROM holds").fetchall())
    headers: dict[str, dict[str, None]] = {}
    staff_columns = _staff_columns(forms)
    named_on = _named_on(db, forms)

    def variant(row: dict[str, Any]) -> str:
        """A held version's content, its blank cells and WORKED_OUT columns left out: a laptop
        exporting before a form gained a field has no column for it, and the same version read as
        two contents."""
        held = held_from.get(row["record_id"])
        aside = (row["record_id"], int(row["version"]), row.get("device_id"), row.get("recorded_at")) in withdrawn_too
        return "" if not aside and (held is None or int(row["version"]) < held) else digest(
            orjson.dumps({name: value for name, value in row.items() if value and name not in WORKED_OUT},
                         option=orjson.OPT_SORT_KEYS).decode())

    lines = {(found.record_id, found.version) for found in asked}
    others = {conflict.record.record_id for found in asked for conflict in found.conflicts}
    said_by: dict[tuple[str, int], set[str]] = {}
    held_by: dict[str, set[str]] = {}
    for folder in folders:
        line_time = _line_times(folder)
        laptops = {str(source["device_id"]) for source in sources_of(folder) if source["device_id"]}
        for path in sorted(path for path in (folder / "csv").glob("*.csv") if not os_litter(path.relative_to(folder))):
            with path.open(encoding=CSV_ENCODING, newline="") as handle, _cells_of_any_length():
                reader = csv.DictReader(handle)
                afresh = {*WRITTEN_AFRESH, *(f"{column}{NAME_SUFFIX}" for column in staff_columns.get(path.stem, ()))}
                headers.setdefault(path.stem, {}).update(dict.fromkeys(
                    name for name in reader.fieldnames or [] if name not in afresh))
                while part := list(islice(_keyed_lines(path, reader), 5000)):
                    rows = [({name: shown.get(row["record_id"], value) if name == "downtime_number" else value
                              for name, value in row.items() if name not in afresh},
                             row.get(ASK_THE_WARD_COLUMN) or "") for row in part]
                    for row, ask in rows:
                        if ask and (row["record_id"], int(row["version"])) in lines:
                            said_by.setdefault((row["record_id"], int(row["version"])), set()).update(laptops)
                        if row["record_id"] in others:
                            held_by.setdefault(row["record_id"], set()).update(laptops)
                    # The line of the export made last is kept, its chart's anticoagulants joined
                    # with the other's (`either_chart`: a paper apixaban order typed in after the
                    # first stick, on the first laptop only).
                    db.conn.executemany(
                        "INSERT INTO csv_lines VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
                        f" line = CASE WHEN json_type(excluded.line, '$.{CHART_ANTICOAGULANTS_COLUMN}') IS NULL"
                        f" AND json_type(csv_lines.line, '$.{CHART_ANTICOAGULANTS_COLUMN}') IS NULL THEN {_LATER}"
                        f" ELSE json_set({_LATER}, '$.{CHART_ANTICOAGULANTS_COLUMN}', either_chart("
                        f"json_extract({_LATER}, '$.{CHART_ANTICOAGULANTS_COLUMN}'), json_extract("
                        f"{_EARLIER}, '$.{CHART_ANTICOAGULANTS_COLUMN}'))) END,"
                        " at = MAX(csv_lines.at, excluded.at),"
                        " ask = CASE WHEN instr(csv_lines.ask, excluded.ask) THEN csv_lines.ask"
                        " WHEN instr(excluded.ask, csv_lines.ask) THEN excluded.ask"
                        " ELSE csv_lines.ask || ' | ' || excluded.ask END",
                        [(path.stem, row["record_id"], int(row["version"]), variant(row), orjson.dumps(row), ask,
                          line_time(path.stem, row)) for row, ask in rows])
    db.conn.executemany("UPDATE csv_lines SET ask = CASE WHEN ask = '' THEN :said ELSE ask || ' | ' || :said END"
                        " WHERE form_id = :form_id AND record_id = :record_id AND version = :version AND variant = ''",
                        [{"said": unsaid.words(), "form_id": found.form_id, "record_id": found.record_id,
                          "version": found.version} for found in asked
                         if (unsaid := _unsaid(found, said_by.get((found.record_id, found.version), set()), held_by))])
    counts = {form_id: count for form_id, count in db.execute(
        "SELECT form_id, COUNT(*) FROM csv_lines GROUP BY form_id ORDER BY form_id")}
    on_hold = {form_id for (form_id,) in db.execute(
        "SELECT DISTINCT form_id FROM csv_lines WHERE record_id IN (SELECT record_id FROM holds)"
        " OR record_id IN (SELECT record_id FROM aside)")}
    flagged = {form_id for (form_id,) in db.execute("SELECT DISTINCT form_id FROM csv_lines WHERE ask != ''")}
    out.mkdir()
    for form_id in counts:
        headers[form_id] = _in_form_order(forms.get(form_id), headers[form_id])
        staff = [column for column in staff_columns.get(form_id, ()) if column in headers[form_id]]
        with (out / f"{form_id}.csv").open("w", encoding=CSV_ENCODING, newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=[*headers[form_id], *[ASK_THE_WARD_COLUMN] * (form_id in flagged),
                                                        *[ON_HOLD_COLUMN] * (form_id in on_hold),
                                                        *(f"{column}{NAME_SUFFIX}" for column in staff)])
            writer.writeheader()
            for text, ask in db.execute("SELECT line, ask FROM csv_lines WHERE form_id = ?"
                                        " ORDER BY record_id, version, variant", [form_id]):
                row = orjson.loads(text)
                if form_id in flagged:
                    row[ASK_THE_WARD_COLUMN] = ask
                if form_id in on_hold:
                    row[ON_HOLD_COLUMN] = WITHDRAWN_TOO_CELL if (
                        row["record_id"], int(row["version"]), row.get("device_id"), row.get("recorded_at")
                    ) in withdrawn_too else _on_hold_cell(row, held_from.get(row["record_id"]),
                                                          settled.get(row["record_id"]), compared.get(row["record_id"]))
                writer.writerow({**row, **_named(row, staff, authors, named_on)})
    return counts


WITHDRAWN_TOO_CELL = ("withdrawn on another laptop too: not the version standing, kept aside (the manifest's "
                      "withdrawn_alike)")


def _in_form_order(spec: FormSpec | None, header: Iterable[str]) -> dict[str, None]:
    """A form's merged columns in the order of today's form, whatever the order of the exports:
    the columns of every line, the form's fields, the answers it no longer asks (by name), then
    the WORKED_OUT columns. In the order the exports came, an older laptop's stick given first put
    admission version 4's blood refusal after the next of kin, given second before them, and a
    back-entry tool reading by position read one as the other. A file of no form keeps its own."""
    if spec is None:
        return dict.fromkeys(header)
    present = set(header)
    own = [column for column in (*BASE_COLUMNS, *(csv_column(field.id) for field in spec.fields())) if column in present]
    worked_out = [column for column in WORKED_OUT if column in present]
    return dict.fromkeys([*own, *sorted(present - {*own, *worked_out}), *worked_out])


def _unsaid(found: AskTheWard, said_by: set[str], held_by: Mapping[str, set[str]]) -> AskTheWard | None:
    """What the merge found to ask about a line (`found`) that no export's words on it say
    already: a contradicting record the laptops whose exports said something of the line
    (`said_by`, device ids) did not hold (`held_by`: the laptops each record's line came from,
    by record id). Laptop 2, which took laptop 1's stick, says its dose and laptop 1's are one
    dose; the merge alone holds laptop 3's, and the line kept laptop 2's words alone."""
    unsaid = tuple(conflict for conflict in found.conflicts
                   if not said_by & held_by.get(conflict.record.record_id, set()))
    return replace(found, conflicts=unsaid) if unsaid else None


def _on_hold_cell(row: dict[str, Any], held: int | None, standing: dict[str, Any] | None,
                  hold: OnHold | None) -> str:
    """A CSV line's ON_HOLD_COLUMN: nothing for a record not on hold, or a version both laptops
    agree on of one settled; else on hold, with the columns its versions differ in (`hold`), or,
    settled, whether it is the version standing (the line names no version id: its version,
    laptop, time and status tell it)."""
    if held is None or (standing is not None and int(row["version"]) < held):
        return ""
    if standing is None:
        columns = ", ".join(csv_column(field.id) for field in hold.fields) if hold else ""
        return ON_HOLD_IN_CELL.format(version=held, columns=columns) if columns else ON_HOLD_CELL.format(version=held)
    if [row[name] for name in ("version", "device_id", "recorded_at", "status")] == [
            str(standing[name]) for name in ("version", "device_id", "recorded_at", "status")]:
        return SETTLED_CELL.format(version=held)
    return NOT_STANDING_CELL.format(version=held, standing=standing["version"], author=standing["author"],
                                    recorded_at=standing["recorded_at"], device_id=standing["device_id"])


def _theatre_clashes(db: Database, laptops: dict[str, Laptop], duplicates: list[ProbableDuplicate],
                     shown: Mapping[str, str]) -> tuple[ClashReport, ...]:
    """Operations two laptops booked at once, or one left outside a list another shortened, or
    at once for probably one patient under two numbers (`duplicates`; each laptop checked only
    its own changes), or whose side one laptop changed after the other's checklist checked it,
    replayed from the combined versions as the lists will replay them once imported: each
    record's latest version, unless entered in error."""
    read = sorted(THEATRE_FORMS | {CHECKLIST_FORM})
    latest = [RecordVersion.model_validate({**row, "data": orjson.loads(row["data"])}) for row in (
        orjson.loads(text) for (text,) in db.execute(
            f"SELECT line FROM versions v WHERE form_id IN ({', '.join('?' * len(read))})"
            " AND version = (SELECT MAX(version) FROM versions w WHERE w.record_id = v.record_id)", read))]
    standing = [record for record in latest if record.status is not RecordStatus.ENTERED_IN_ERROR]
    typed = {record_id: datetime.fromisoformat(at) for record_id, at in db.execute(
        f"SELECT record_id, json_extract(line, '$.recorded_at') FROM versions WHERE version = 1"
        f" AND form_id IN ({', '.join('?' * len(EVENT_FORMS))})", EVENT_FORMS)}
    listed = [record for record in standing if record.form_id == "theatre_session"]
    known = {record.record_id: session_of(record) for record in listed}
    # No bank holiday: a clash report reads no patient's letter (BookingFacts.letter_late).
    replayed = replay([record for record in standing if record.form_id == "operation_booking"],
                      [record for record in standing if record.form_id in EVENT_FORMS], typed, frozenset())
    numbers = {patient_id: shown.get(patient_id, number)
               for patient_id, number in db.execute("SELECT patient_id, downtime_number FROM patients")}
    groups = probable_groups(duplicates, {number: patient_id for patient_id, number in numbers.items()})
    booked: dict[str, set[str]] = {}  # every side each booking's versions gave (theatre.sides_booked)
    for record_id, side in db.execute("SELECT record_id, json_extract(json_extract(line, '$.data'), '$.laterality')"
                                      " FROM versions WHERE form_id = 'operation_booking'"):
        booked.setdefault(record_id, set()).add(str(side))
    return clash_reports(refused_standing(replayed, known, groups, {record.record_id: record.device_id for record in listed},
                                          [record for record in standing if record.form_id == CHECKLIST_FORM], booked),
                         numbers, laptops)


def _laptops(db: Database, sources: list[dict[str, Any]]) -> dict[str, Laptop]:
    """Each laptop as its exports named it, else (its export not among these, a version carried
    from it by another laptop) by the device number of a patient it admitted."""
    numbers = {device_id: Laptop(number) for device_id, number in db.execute(
        "SELECT device_id, MIN(device_number) FROM patients GROUP BY device_id")}
    return {**numbers, **laptops_of(sources)}


def _settlements(folders: list[Path]) -> list[dict[str, Any]]:
    """The settlements of holds the exports carry (see sync.versions), each once by its id, with
    every version it saw in any of them (the office that took it adds its own, whatever order
    the exports come in): an office importing the merge takes a settlement where it means the
    same there (see sync.import_export)."""
    found: dict[str, dict[str, Any]] = {}
    for folder in folders:
        for settled_id, row in settlements_in(folder).items():
            seen = set(orjson.loads(row["settled"])) | set(orjson.loads(found.get(settled_id, row)["settled"]))
            found[settled_id] = {**row, "settled": json.dumps(sorted(seen))}
    return sorted(found.values(), key=lambda row: (row["settled_at"], row["id"]))


def _differing(db: Database, settlements: list[dict[str, Any]], shown: Mapping[str, str]) -> tuple[SettlementsDiffer, ...]:
    """Each two settlements of one hold (the same record from the same version, a version seen by
    both) that chose different versions, the earlier first (`settlements` are in time order)."""
    found = []
    for number, first in enumerate(settlements):
        for second in settlements[number + 1:]:
            if first["chosen_id"] != second["chosen_id"] and one_hold(first, second):
                row = orjson.loads(db.execute("SELECT line FROM held WHERE record_id = ? UNION ALL SELECT line FROM"
                                              " versions WHERE record_id = ? LIMIT 1",
                                              [first["record_id"]] * 2).fetchone()[0])
                number_of = db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?",
                                       [row["patient_id"]]).fetchone()
                found.append(SettlementsDiffer(row["record_id"], row["form_id"],
                                               shown.get(row["patient_id"], number_of[0]) if number_of else "",
                                               Settlement.of(first), Settlement.of(second)))
    return tuple(found)


def _settled(db: Database, settlements: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The records on hold in the merge that a settlement it carries settles, as an office
    importing the merge takes it, each with the version it left standing (its line): that
    version is held from the version the hold starts at (it follows the versions both laptops
    agree on), and it saw every other version held. One made on an office's hold from a later
    version (sticks imported one by one, its amendment following one laptop's side) leaves the
    record on hold."""
    held: dict[str, list[tuple[str, int, str, int, str]]] = {}
    for record_id, version_id, version, fingerprint, from_version, text in db.execute(
            "SELECT record_id, json_extract(line, '$.id'), version, digest, from_version, line FROM held"
            " JOIN holds USING (record_id)"):
        held.setdefault(record_id, []).append((version_id, version, fingerprint, from_version, text))
    settled = {}
    for found in settlements:
        versions = held.get(found["record_id"], [])
        seen = set(orjson.loads(found["settled"]))
        standing = [text for version_id, version, _, from_version, text in versions
                    if version_id == found["standing_id"] and version == from_version]
        if standing and all(fingerprint in seen for version_id, _, fingerprint, *_ in versions
                            if version_id != found["standing_id"]):
            settled[found["record_id"]] = orjson.loads(standing[0])
    return settled


SOURCE_FIELDS = ("device_id", "device_number", "device_name", "exported_at", "records_rowid_range", "staff",
                 "restores", "unsaved_drafts", "app_version", "later_form_versions", "form_versions", "since_last")


def sources_of(folder: Path) -> list[dict[str, Any]]:
    """The laptops' exports a verified folder holds: an export is one, a merge those it was
    made of, so yesterday's merge and a late laptop's export merge like any two exports (and
    the office, importing either, knows every laptop by its name and number, and its staff by
    name). A field an older manifest lacks is left empty rather than refusing the merge."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    made_of = manifest.get("sources", []) if manifest.get("format") == "downtime-merge" else [manifest]
    return [{name: source.get(name) for name in SOURCE_FIELDS} for source in made_of]


RESTORED_LAPTOP = QT_TRANSLATE_NOOP("messages", "RESTORED FROM A BACKUP: {laptop} was restored on {restored} by {who} "
                                                "from a backup of {made}: records typed on it between {made} and "
                                                "{restored} were lost unless typed again from paper; check that "
                                                "laptop's paper forms of that time against the records merged (the "
                                                "manifest's restores)")
RESTORED_AFTER_EXPORT = QT_TRANSLATE_NOOP("messages", "RESTORED FROM A BACKUP: {laptop} was restored on {restored} by "
                                                      "{who} from a backup of {made}, older than its export of "
                                                      "{exported}, which holds what was typed until then: records "
                                                      "typed on it between {exported} and {restored} were lost unless "
                                                      "typed again from paper; check that laptop's paper forms of that "
                                                      "time against the records merged (the manifest's restores)")
DRAFTS_LEFT = QT_TRANSLATE_NOOP("messages", "UNSAVED DRAFTS: {count} form(s) typed on {laptop} were still unsaved "
                                            "when it exported at {time}, so are in no export: {forms}. Ask whoever "
                                            "typed each what it held (a dose typed may have been given) (the "
                                            "manifest's unsaved_drafts)")
DRAFTS_OF_A_FORM = QT_TRANSLATE_NOOP("messages", "{count} × {form} by {authors}, the last typed {time}")


@dataclass(frozen=True)
class Restored:
    """A restore from a backup that a laptop's export names (its manifest's `restores`, see
    services.backups.restores): the records typed on it between the backup and the restore are
    in none of its exports."""

    device_id: str
    laptop: Laptop
    restored_at: str
    restored_by: str
    """The staff ID of whoever restored it."""
    who: str
    """Them as the laptop's staff directory names them."""
    backup: str
    backup_made_at: str | None
    """None: the backup's time is not known (its name says none)."""
    exported_at: str | None = None
    """The laptop's latest export made after the backup and before the restore (None: none
    known): its stick holds what was typed until then, and only what was typed after it was lost.
    Told otherwise, the office had the ward's afternoon checked against paper, and a dose typed
    again from it went into the EHR twice."""

    def text(self, lang: Lang, titles: Mapping[str, str] | None = None) -> str:
        """`titles`: of no use to a restore, which names no form; taken as DraftsLeft.text takes
        them, so a report says each of `not_exported` alike."""
        made = "?" if self.backup_made_at is None else shown_time(self.backup_made_at)
        return message(lang, RESTORED_LAPTOP if self.exported_at is None else RESTORED_AFTER_EXPORT,
                       laptop=laptop_name(lang, self.device_id, {self.device_id: self.laptop}),
                       restored=shown_time(self.restored_at), who=self.who, made=made,
                       exported=shown_time(self.exported_at) if self.exported_at is not None else "")

    def as_json(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "restored_at": self.restored_at, "restored_by": self.restored_by,
                "backup": self.backup, "backup_made_at": self.backup_made_at, "last_export_at": self.exported_at,
                "records_lost_between": [self.exported_at or self.backup_made_at, self.restored_at],
                "why": self.text("en")}


@dataclass(frozen=True)
class FormDrafts:
    """A laptop's drafts of one form, as its manifest's `unsaved_drafts` counts them."""

    form_id: str
    count: int
    authors: tuple[str, ...]
    """Their staff IDs."""
    who: tuple[str, ...]
    """Them as the laptop's staff directory names them."""
    last_typed_at: str


@dataclass(frozen=True)
class DraftsLeft:
    """The drafts still unsaved on a laptop at its latest export (services.drafts.unsaved_by_form):
    forms a nurse may believe saved, in no export; an earlier export's may have been saved since."""

    device_id: str
    laptop: Laptop
    exported_at: str
    forms: tuple[FormDrafts, ...]

    def text(self, lang: Lang, titles: Mapping[str, str] | None = None) -> str:
        """`titles`: each form's title in `lang`; a form missing there by its id."""
        def title(form_id: str) -> str:
            if form_id == PAPER_DOSES:
                return message(lang, QT_TRANSLATE_NOOP("messages", "doses from the paper chart"))
            return (titles or {}).get(form_id, form_id)

        forms = semicolon(lang).join(
            message(lang, DRAFTS_OF_A_FORM, count=found.count, form=title(found.form_id), authors=", ".join(found.who),
                    time=shown_time(found.last_typed_at)) for found in self.forms)
        return message(lang, DRAFTS_LEFT, count=sum(found.count for found in self.forms),
                       laptop=laptop_name(lang, self.device_id, {self.device_id: self.laptop}),
                       time=shown_time(self.exported_at), forms=forms)

    def as_json(self, titles: Mapping[str, str] | None = None) -> dict[str, Any]:
        return {"device_id": self.device_id, "exported_at": self.exported_at,
                "forms": [{"form_id": found.form_id, "count": found.count, "authors": list(found.authors),
                           "last_typed_at": found.last_typed_at} for found in self.forms],
                "why": self.text("en", titles)}


NotExported = Restored | DraftsLeft


def not_exported(sources: Iterable[Mapping[str, Any]]) -> tuple[NotExported, ...]:
    """What the laptops' exports (manifests, or a merge's sources) say none of them holds, laptop
    by laptop in their numbers' order: each restore a laptop went through, once (each later
    export names it again), in time order, then the drafts unsaved at its latest export (of one
    export given twice, once as an older app's merge kept it, without them, its own say). An
    older app's manifest says neither, and an entry of the wrong shape (a hand-edited manifest)
    is left out: nothing is said of them, and nothing refused."""
    made: dict[str, list[Mapping[str, Any]]] = {}
    for source in sorted(sources, key=lambda source: (exported_at(source), source.get("unsaved_drafts") is not None)):
        if source.get("device_id"):
            made.setdefault(str(source["device_id"]), []).append(source)
    found: list[NotExported] = []
    for device_id, exports in made.items():
        laptop = laptops_of(exports)[device_id]
        named = partial(_staff_named, merged_authors(exports).others, device_id)
        restores = {(entry["restored_at"], entry["backup"]): entry for source in exports
                    for entry in _entries(source, "restores", _a_restore)}
        found += [Restored(device_id, laptop, entry["restored_at"], entry["restored_by"], named(entry["restored_by"]),
                           entry["backup"], entry["backup_made_at"], _exported_before(entry, exports))
                  for entry in sorted(restores.values(), key=lambda entry: datetime.fromisoformat(
                      entry["restored_at"]))]
        forms = tuple(FormDrafts(entry["form_id"], entry["count"], tuple(entry["authors"]),
                                 tuple(map(named, entry["authors"])), entry["last_typed_at"])
                      for entry in _entries(exports[-1], "unsaved_drafts", _drafts_of_a_form))
        if forms and _a_time(exports[-1].get("exported_at")):
            found.append(DraftsLeft(device_id, laptop, exports[-1]["exported_at"], forms))
    return tuple(sorted(found, key=lambda one: (one.laptop.number or 1000, one.device_id)))


def _exported_before(restore: Mapping[str, Any], exports: Sequence[Mapping[str, Any]]) -> str | None:
    """The laptop's latest export made after a restore's backup and before the restore: as the
    restored laptop's key slots kept it (its manifest's `last_export_at`, see
    services.backups.restores), or a stick of it in these exports (a spare laptop, given no
    damaged file, cannot know it)."""
    made, restored = restore["backup_made_at"], datetime.fromisoformat(restore["restored_at"])
    times = [time for time in (restore.get("last_export_at"), *(source.get("exported_at") for source in exports))
             if _a_time(time) and datetime.fromisoformat(time) < restored
             and (made is None or datetime.fromisoformat(made) < datetime.fromisoformat(time))]
    return max(times, key=datetime.fromisoformat, default=None)


def _staff_named(names: Mapping[tuple[str, str], str], device_id: str, staff_id: str) -> str:
    """A staff ID of a laptop with the name its directory gives it (`names`, Authors.others), if any."""
    name = names.get((device_id, staff_id))
    return f"{name} ({staff_id})" if name else staff_id


def _entries(source: Mapping[str, Any], name: str, sound: Callable[[Any], bool]) -> list[dict[str, Any]]:
    """A manifest's list `name`, each entry of the shape `sound` checks; none where it lists none."""
    listed = source.get(name)
    return [entry for entry in (listed if isinstance(listed, list) else ()) if isinstance(entry, dict) and sound(entry)]


def _a_time(value: Any) -> bool:
    """Whether a manifest's value is a time with its offset, as every time it writes is."""
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _a_restore(entry: dict[str, Any]) -> bool:
    return (_a_time(entry.get("restored_at")) and isinstance(entry.get("restored_by"), str)
            and isinstance(entry.get("backup"), str)
            and (entry.get("backup_made_at") is None or _a_time(entry.get("backup_made_at"))))


def _drafts_of_a_form(entry: dict[str, Any]) -> bool:
    return (isinstance(entry.get("form_id"), str) and type(entry.get("count")) is int and entry["count"] > 0
            and isinstance(entry.get("authors"), list) and all(isinstance(one, str) for one in entry["authors"])
            and _a_time(entry.get("last_typed_at")))


def _an_export(folder: Path) -> None:
    """Refuses a path that is no export folder, by what it is: a typo, a USB stick's folder
    that holds the laptop's exports (the clerk gives them instead, named), or a folder with no
    manifest (an empty one, the CSV snapshot's). Each was "an export that does not match its
    manifest", with an operating system error."""
    if not folder.is_dir():
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{folder}: no such export folder"), folder=folder)
    if (folder / "manifest.json").exists() or encrypted_export(folder):
        return
    held = exports_in(folder)
    if held:
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{folder} is not an export but holds {count} export(s): give "
                                                         "them to merge instead: {exports}"),
                           folder=folder, count=len(held), exports=" ".join(map(str, held)))
    raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{folder} is not an export: it holds no manifest.json"),
                       folder=folder)


def exports_in(folder: Path) -> list[Path]:
    """The exports a folder that is none holds (a USB stick's, given for one of them): the
    merge and the import name them."""
    return sorted(inside for inside in folder.iterdir() if inside.is_dir()
                  and ((inside / "manifest.json").exists() or encrypted_export(inside)))


def merge(folders: list[Path], out: Path, shared_device_number: bool = False) -> MergeResult:
    """`shared_device_number`: the records clerk's word that two laptops were set up with one
    device number, to merge both laptops' patients (see `_one_laptop_per_device_number`)."""
    if out.exists():
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{out} already exists: choose a new folder for the merge."),
                           out=out)
    for folder in folders:  # read as plain, it did "not match its manifest", which was missing
        _an_export(folder)
        if encrypted_export(folder):
            raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{folder} is an encrypted export: decrypt it first "
                                                             "(downtime decrypt {folder} --identity KEYFILE --out "
                                                             "NEW_FOLDER), then merge the folder it makes."),
                               folder=folder)
    problems = [problem for folder in folders for problem in verify_export(folder)]
    if problems:
        raise MergeRefused(NOT_AS_EXPORTED, problems=Listed(tuple(problems), between="\n"))
    # An export given twice (in an earlier merge and on its own) is one source.
    sources = list({json.dumps(source, sort_keys=True): source for folder in folders
                    for source in sources_of(folder)}.values())
    missing = missing_versions(sources)
    forms = load_forms(forms_dir())
    with written_to(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = staging_in(out.parent, ".merge-")
        scratch = staging_in(out.parent, ".merge-scratch-")
        try:
            with closing(_scratch(scratch)) as db:
                _combine(db, folders)
                _one_laptop_per_device_number(db, shared_device_number)
                withdrawn_alike = _withdrawn_alike(db)
                _set_aside(db)
                shown = _shown(db)
                by_record = {row["record_id"]: shown[row["patient_id"]] for row in _about_sharing(db)}
                settlements = _settlements(folders)
                differing = _differing(db, settlements, shown)
                disputed = {found.record_id for found in differing}
                settled = _settled(db, [found for found in settlements if found["record_id"] not in disputed])
                laptops = _laptops(db, sources)
                authors = merged_authors(sources)
                asked = _ask_the_ward(db, forms, laptops, shown, authors)
                holds = tuple(hold for hold in _holds(db, shown) if hold.record_id not in settled)
                compared = _compared(db, forms, holds, laptops, authors)
                counts = _merged_csv(db, forms, folders, staging / "csv", settled, by_record, asked, compared, authors,
                                     withdrawn_alike)
                register_lines = merge_registers(folders, staging / REGISTER_PATH)
                write_lines(staging / PATIENTS_FILE, (text for (text,) in db.execute(
                    "SELECT line FROM patients ORDER BY downtime_number")))
                write_lines(staging / RECORDS_FILE, _versions_in_order(db))
                if db.execute("SELECT 1 FROM held LIMIT 1").fetchone():
                    write_lines(staging / HELD_FILE, (text for (text,) in db.execute(
                        "SELECT line FROM held ORDER BY record_id, version, line")))
                if settlements:
                    write_lines(staging / SETTLEMENTS_FILE, map(line, settlements))
                if withdrawn_alike:
                    write_lines(staging / WITHDRAWN_ALIKE_FILE, (text for (text,) in db.execute(
                        "SELECT line FROM aside ORDER BY record_id, version, line")))
                duplicates = probable_duplicates(standing((orjson.loads(text) for (text,) in db.execute(
                    "SELECT line FROM csv_lines WHERE form_id = 'admission'")),
                    {hold.record_id: hold.from_version for hold in holds}))
                clashes = _theatre_clashes(db, laptops, duplicates, shown)
                shared = _shared_numbers(db, forms, shown)
                files = file_digests(staging)
                result = MergeResult(out, counts, duplicates, clashes, holds, laptops, differing, shared, asked, compared,
                                     missing, tuple(sources), authors, _tally(db, settled), not_exported(sources),
                                     withdrawn_alike)
                titles = {form_id: spec.title.get("en") for form_id, spec in forms.items()}
                said = result.holds_text("en")  # the report's words, each form by its id
                manifest = {"format": "downtime-merge", "sources": sources, "counts": counts,
                            "cd_register_lines": register_lines,
                            "record_versions": result.tally.as_json(),
                            "missing_exports": [found.as_json(laptops) for found in missing],
                            "probable_duplicates": [{"downtime_numbers": list(d.downtime_numbers), "why": d.why}
                                                    for d in duplicates],
                            "theatre_clashes": [{"bookings": [facts.record.record_id for facts, _ in report.clash.sides],
                                                 "why": report.text("en")} for report in clashes],
                            "on_hold": [{**hold.as_json(), "why": why} for hold, why in zip(holds, said)],
                            "settled_otherwise": [{"record_id": found.record_id, "why": why}
                                                  for found, why in zip(differing, said[len(holds):])],
                            "shared_downtime_numbers": [{**found.as_json(), "why": found.text("en")} for found in shared],
                            "ask_the_ward": [found.as_json() for found in asked],
                            "withdrawn_alike": [found.as_json() for found in result.withdrawn_alike],
                            "later_form_versions": [found.as_json() for found in later_forms(sources)],
                            LINE_TIMES: _kept_line_times(db),
                            "restores": [found.as_json() for found in result.not_exported
                                         if isinstance(found, Restored)],
                            "unsaved_drafts": [found.as_json(titles) for found in result.not_exported
                                               if isinstance(found, DraftsLeft)],
                            "files": files}
                (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
                on_disk(staging)
                put_in_place(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return result

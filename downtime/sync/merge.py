"""Merging several laptops' exports for the records office: each export is verified against
its manifest first (a tampered or truncated file refuses that export, by name), record versions
are combined by record id and version without duplicates, and patients who look like the same
person under different downtime numbers are reported for a human to decide."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import unicodedata
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import orjson
from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.errors import UserError
from downtime.sync.export import sha256_of, verify_export
from downtime.sync.versions import PATIENT_COLUMNS, PATIENTS_FILE, RECORD_COLUMNS, RECORDS_FILE, line, lines_of, write_lines


class MergeRefused(UserError):
    pass


@dataclass(frozen=True)
class ProbableDuplicate:
    downtime_numbers: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class MergeResult:
    folder: Path
    versions: dict[str, int]
    duplicates: list[ProbableDuplicate]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _duplicates(admissions: list[dict[str, str]]) -> list[ProbableDuplicate]:
    """Same NIR, or same birth name + first name + date of birth, under different numbers."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in admissions:
        number = row.get("downtime_number", "")
        if row.get("nir"):
            groups[("the same NIR", _fold(row["nir"]))].add(number)
        if row.get("birth_name") and row.get("birth_date"):
            first = _fold((row.get("given_names") or "").split(" ")[0])
            groups[("the same birth name, first name and date of birth",
                    f"{_fold(row['birth_name'])}|{first}|{row['birth_date']}")].add(number)
    found = []
    for (why, _), numbers in sorted(groups.items()):
        if len(numbers) > 1:
            found.append(ProbableDuplicate(tuple(sorted(numbers)), why))
    return found


def _scratch(folder: Path) -> Database:
    """Where the exports are combined: a hospital's twenty exports hold 1.4 million record
    versions, too many to combine and sort in memory (they took 5.7 GB). Each fact is kept once
    by its key, with the first export that held it and the first that disagrees (`other`)."""
    db = Database(folder / "merge.sqlite")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE TABLE patients (patient_id TEXT PRIMARY KEY, downtime_number TEXT, line TEXT, folder TEXT,"
               " other TEXT)")
    db.execute("CREATE TABLE versions (record_id TEXT, version INTEGER, recorded_at TEXT, line TEXT, folder TEXT,"
               " other TEXT, PRIMARY KEY (record_id, version))")
    db.execute("CREATE TABLE csv_lines (form_id TEXT, record_id TEXT, version INTEGER, line TEXT,"
               " PRIMARY KEY (form_id, record_id, version))")
    return db


def _combine(db: Database, folders: list[Path]) -> None:
    """Patients by id and record versions by (record, version); the same key with different
    content means two laptops disagree about one fact, which no merge may paper over. The
    lines are kept as the export writes them (sorted keys), so equal rows are equal lines."""
    for folder in folders:
        for table, path, columns, key, more in (
                ("patients", folder / PATIENTS_FILE, PATIENT_COLUMNS, ("patient_id",), ("downtime_number",)),
                ("versions", folder / RECORDS_FILE, RECORD_COLUMNS, ("record_id", "version"), ("recorded_at",))):
            names = (*key, *more)
            rows = lines_of(path, columns)
            while part := list(islice(rows, 5000)):
                db.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}, line, folder) VALUES ({', '.join('?' * (len(names) + 2))})"
                    f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET other = excluded.folder"
                    f" WHERE {table}.other IS NULL AND {table}.line != excluded.line",
                    [(*(row[name] for name in names), line(row), str(folder)) for row in part])
    for table, key in (("patients", ("patient_id",)), ("versions", ("record_id", "version"))):
        found = db.execute(f"SELECT {', '.join(key)}, folder, other FROM {table} WHERE other IS NOT NULL LIMIT 1").fetchone()
        if found is not None:
            raise MergeRefused(QT_TRANSLATE_NOOP("messages", "refused: {seen} and {folder} hold different contents for {what}"),
                               seen=found[-2], folder=found[-1],
                               what=found[0] if table == "patients" else f"record {found[0]} version {found[1]}")


def _merged_csv(db: Database, folders: list[Path], out: Path) -> dict[str, int]:
    """Each form's CSV lines of every export, once per record version (the later export's
    line kept), in record order; returns each form's count."""
    headers: dict[str, list[str]] = {}
    for folder in folders:
        for path in sorted((folder / "csv").glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                headers.setdefault(path.stem, list(reader.fieldnames or []))
                while part := list(islice(reader, 5000)):
                    db.conn.executemany("INSERT OR REPLACE INTO csv_lines VALUES (?, ?, ?, ?)",
                                        [(path.stem, row["record_id"], int(row["version"]), orjson.dumps(row))
                                         for row in part])
    counts = {form_id: count for form_id, count in db.execute(
        "SELECT form_id, COUNT(*) FROM csv_lines GROUP BY form_id ORDER BY form_id")}
    out.mkdir()
    for form_id in counts:
        with (out / f"{form_id}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=headers[form_id])
            writer.writeheader()
            for (text,) in db.execute("SELECT line FROM csv_lines WHERE form_id = ? ORDER BY record_id, version",
                                      [form_id]):
                writer.writerow(orjson.loads(text))
    return counts


def merge(folders: list[Path], out: Path) -> MergeResult:
    if out.exists():
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{out} already exists: choose a new folder for the merge."),
                           out=out)
    problems = [problem for folder in folders for problem in verify_export(folder)]
    if problems:
        raise MergeRefused("refused, an export does not match its manifest:\n" + "\n".join(problems))
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".merge-", dir=out.parent))
    try:
        with tempfile.TemporaryDirectory(prefix=".merge-scratch-", dir=out.parent) as scratch, \
                closing(_scratch(Path(scratch))) as db:
            _combine(db, folders)
            counts = _merged_csv(db, folders, staging / "csv")
            write_lines(staging / PATIENTS_FILE, (text for (text,) in db.execute(
                "SELECT line FROM patients ORDER BY downtime_number")))
            write_lines(staging / RECORDS_FILE, (text for (text,) in db.execute(
                "SELECT line FROM versions ORDER BY recorded_at, record_id, version")))
            duplicates = _duplicates([orjson.loads(text) for (text,) in db.execute(
                "SELECT line FROM csv_lines WHERE form_id = 'admission'")])
            files = {str(p.relative_to(staging)): sha256_of(p) for p in sorted(staging.rglob("*")) if p.is_file()}
            sources = [json.loads((folder / "manifest.json").read_text(encoding="utf-8")) for folder in folders]
            manifest = {"format": "downtime-merge", "sources": [{"device_id": s["device_id"], "device_name": s["device_name"],
                                                                  "exported_at": s["exported_at"]} for s in sources],
                        "counts": counts,
                        "probable_duplicates": [{"downtime_numbers": list(d.downtime_numbers), "why": d.why}
                                                for d in duplicates], "files": files}
            (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return MergeResult(out, counts, duplicates)

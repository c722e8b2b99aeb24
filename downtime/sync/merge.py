"""Merging several laptops' exports for the records office: each export is verified against
its manifest first (a tampered or truncated file refuses that export, by name), record versions
are combined by record id and version without duplicates, and patients who look like the same
person under different downtime numbers are reported for a human to decide."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.errors import UserError
from downtime.sync.export import verify_export
from downtime.sync.versions import PATIENTS_FILE, RECORDS_FILE, read_versions, write_lines


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


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


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


def _combined(folders: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Patients by id and record versions by (record, version); the same key with different
    content means two laptops disagree about one fact, which no merge may paper over."""
    patients: dict[str, tuple[Path, dict[str, Any]]] = {}
    versions: dict[tuple[str, int], tuple[Path, dict[str, Any]]] = {}
    for folder in folders:
        folder_patients, folder_records = read_versions(folder)
        for key_of, rows, seen in ((lambda r: r["patient_id"], folder_patients, patients),
                                   (lambda r: (r["record_id"], r["version"]), folder_records, versions)):
            for row in rows:
                key = key_of(row)
                if key in seen and seen[key][1] != row:
                    raise MergeRefused(QT_TRANSLATE_NOOP("messages", "refused: {seen} and {folder} hold different contents for {what}"),
                                       seen=seen[key][0], folder=folder, what=key if isinstance(key, str) else f'record {key[0]} version {key[1]}')
                seen.setdefault(key, (folder, row))
    return ([row for _, row in sorted(patients.values(), key=lambda item: item[1]["downtime_number"])],
            [row for _, row in sorted(versions.values(), key=lambda item: (item[1]["recorded_at"],
                                                                           item[1]["record_id"],
                                                                           item[1]["version"]))])


def merge(folders: list[Path], out: Path) -> MergeResult:
    if out.exists():
        raise MergeRefused(QT_TRANSLATE_NOOP("messages", "{out} already exists: choose a new folder for the merge."),
                           out=out)
    problems = [problem for folder in folders for problem in verify_export(folder)]
    if problems:
        raise MergeRefused("refused, an export does not match its manifest:\n" + "\n".join(problems))
    patients, versions = _combined(folders)
    merged: dict[str, dict[tuple[str, str], dict[str, str]]] = defaultdict(dict)
    headers: dict[str, list[str]] = {}
    for folder in folders:
        for path in sorted((folder / "csv").glob("*.csv")):
            columns, rows = _read(path)
            headers.setdefault(path.stem, columns)
            for row in rows:
                merged[path.stem][(row["record_id"], row["version"])] = row
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".merge-", dir=out.parent))
    try:
        (staging / "csv").mkdir()
        for form_id, rows in sorted(merged.items()):
            with (staging / "csv" / f"{form_id}.csv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=headers[form_id])
                writer.writeheader()
                for key in sorted(rows, key=lambda k: (k[0], int(k[1]))):
                    writer.writerow(rows[key])
        write_lines(staging / PATIENTS_FILE, iter(patients))
        write_lines(staging / RECORDS_FILE, iter(versions))
        duplicates = _duplicates(list(merged.get("admission", {}).values()))
        files = {str(p.relative_to(staging)): hashlib.sha256(p.read_bytes()).hexdigest()
                 for p in sorted(staging.rglob("*")) if p.is_file()}
        sources = [json.loads((folder / "manifest.json").read_text(encoding="utf-8")) for folder in folders]
        manifest = {"format": "downtime-merge", "sources": [{"device_id": s["device_id"], "device_name": s["device_name"],
                                                              "exported_at": s["exported_at"]} for s in sources],
                    "counts": {form_id: len(rows) for form_id, rows in merged.items()},
                    "probable_duplicates": [{"downtime_numbers": list(d.downtime_numbers), "why": d.why}
                                            for d in duplicates], "files": files}
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return MergeResult(out, {form_id: len(rows) for form_id, rows in merged.items()}, duplicates)

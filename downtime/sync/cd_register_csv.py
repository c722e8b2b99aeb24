"""The controlled-drug register in an export and in a merge: every line of every page of the
laptop's register, as the pharmacy reconciles the ward's cupboard after an outage (what came in,
what each dose took, what was discarded, what a patient took home, each count), with the balance
each line left on its laptop; a dose's line and a supply's name their patient. A merge takes
every laptop's lines once, by their own id, each page's lines in the order its laptop wrote them:
the register is a legal record that stayed on the laptop, and the records office had nothing of
it to hand the pharmacy."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from downtime.domain.laptops import exported_at
from downtime.i18n import decimal_text
from downtime.services.cd_register import cd_lines, register_pages
from downtime.services.context import Session
from downtime.services.staff import names_with_ids
from downtime.storage.laptops import rowid_range
from downtime.sync.csv_cells import csv_cell

PATH = "registers/controlled_drugs.csv"
"""Beside csv/, whose files are each a form's records."""
ENCODING = "utf-8-sig"
COLUMNS = ("line_id", "laptop", "ward", "drug", "unit", "when", "written", "kind", "change", "balance", "patient",
           "dose_record_id", "by", "witness", "note", "given_at", "written_at", "struck_line_id")
"""`when` and `written` are for people (day first, as the page prints them); `given_at` (the
moment `when` says) and `written_at` are ISO 8601 with the offset, as every other export time: the
hour after 02:00 on the October clock change's night was two hours, and "14:10" no date. An
export from before they were added merges all the same (`merge_registers` reads by header). A
line marking another entered in error ("struck") names it in `struck_line_id`."""


def write_register(session: Session, out: BinaryIO) -> int:
    """Every line of this laptop's register (not since the last export: the pharmacy reads the
    register whole), page after page; returns how many. Typed words are written as the forms'
    CSVs write them (`csv_cell`: one a spreadsheet would take for a formula after an apostrophe)."""
    names, laptop = names_with_ids(session.db), str(session.device.device_number)
    zone = session.clock().tzinfo
    handle = io.TextIOWrapper(out, encoding=ENCODING, newline="")
    writer = csv.writer(handle)
    writer.writerow(COLUMNS)
    written = 0
    for ward, drug, unit in register_pages(session.db):
        for line in cd_lines(session.db, session.forms, ward, drug, unit):
            when, apart = line.when_texts(zone)
            writer.writerow([line.line_id, laptop, *map(csv_cell, (ward, drug, unit)), when, apart or "", line.kind,
                             decimal_text(line.change, "en"), decimal_text(line.balance, "en"),
                             csv_cell(line.patient_text()), line.record_id or "",
                             *map(csv_cell, (line.by_text(names, "en"), line.witness_text(names, "en", zone), line.note)),
                             line.dated_at.isoformat(), line.at.isoformat(), line.strikes.line_id if line.strikes else ""])
            written += 1
    handle.flush()
    handle.detach()
    return written


def merge_registers(folders: Iterable[Path], out: Path) -> int:
    """The lines of each folder's register (an export's or an earlier merge's), each once, by
    ward, drug and unit then laptop, each laptop's lines in its own order, into `out` when there
    are any; returns how many. Each file is read by its own header, the merge written with every
    column any of them has (this version's first): an export from before `given_at` and
    `written_at` were added leaves them empty on its lines, where the last file's header was
    written over every file's rows, the columns of one under the names of another. A line met
    twice is kept as the export made last wrote it (`_export_times`): its patient's name corrected
    since, say; the first folder given won, and the pharmacy's register named the patient by the
    name the clerk's order of the sticks left it. The register and the records are only ever
    added to, so of one laptop's exports the one holding more of its register's lines, then of
    its record versions, was made last; their manifests' times only break a tie: an export made
    while the laptop's clock ran a day fast beat every later one."""
    seen: dict[str, tuple[tuple[int, int, float], dict[str, str]]] = {}
    header: dict[str, None] = dict.fromkeys(COLUMNS)
    for folder in folders:
        path = folder / PATH
        if not path.exists():  # an export from before the register was exported
            continue
        made = _export_times(folder)
        with path.open(encoding=ENCODING, newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            header.update(dict.fromkeys(reader.fieldnames or ()))
        held = Counter(row["laptop"] for row in rows)
        for row in rows:
            at = (held[row["laptop"]], *made.get(row["laptop"], (-1, float("-inf"))))
            if row["line_id"] not in seen or at > seen[row["line_id"]][0]:
                seen[row["line_id"]] = (at, row)
    if not seen:
        return 0
    lines = sorted((row for _, row in seen.values()), key=lambda row: (
        row["ward"].casefold(), row["drug"].casefold(), row["unit"].casefold(), int(row["laptop"] or 0)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), restval="")
        writer.writeheader()
        writer.writerows(lines)
    return len(lines)


def _export_times(folder: Path) -> dict[str, tuple[int, float]]:
    """How late the latest export of each laptop (by its number, the register's `laptop`) a
    folder holds was made, by its manifest: an export's own, a merge's each of its sources': the
    last of its laptop's record versions it holds (`rowid_range`, -1 when it names none), then
    when it says it was made. A folder whose manifest cannot be read ranks below any that says."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    sources = manifest.get("sources", []) if manifest.get("format") == "downtime-merge" else [manifest]
    made: dict[str, tuple[int, float]] = {}
    for source in sources:
        laptop = str(source.get("device_number"))
        held = rowid_range(source)
        made[laptop] = max(made.get(laptop, (-1, float("-inf"))), (held[1] if held else -1, exported_at(source)))
    return made

"""The machine-readable half of an export: patients and every record version exactly as stored,
one JSON object per line. The CSVs are for people and the FHIR bundle for the EHR; these files
are what the records office re-imports, so nothing is lost to a spreadsheet's idea of a value.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from itertools import product
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.domain.records import RecordStatus
from downtime.errors import UserError
from downtime.storage.audit import canonical
from downtime.storage.records import RECORD_COLUMNS

PATIENTS_FILE = "data/patients.jsonl"
RECORDS_FILE = "data/records.jsonl"
# Versions on hold (two laptops disagree about their record), set aside by a merge or held on a
# laptop: the same lines as RECORDS_FILE, in a file of their own so that no import takes them as
# the record's next versions.
HELD_FILE = "data/held.jsonl"
# Withdrawals of a record another laptop withdrew too (the same answers, entered in error), kept
# aside by a merge: the one standing is in RECORDS_FILE, these are no next version of anything,
# but a nurse's signed withdrawal (who, when, why) is never erased (see sync.merge._withdrawn_alike).
WITHDRAWN_ALIKE_FILE = "data/withdrawn_alike.jsonl"
PATIENT_COLUMNS = ("patient_id", "downtime_number", "device_number", "sequence", "device_id",
                   "created_by", "created_at")
# How the holds were settled (see services.holds): a clinical decision, which travels with the
# versions it settled, so that the next office does not hold the record again. `settled` lists
# the digests of every version the settlement saw from the version it settled from (those held
# where it was made and those standing there: another office may hold either), `standing_id`
# the id of the version it left standing.
SETTLEMENTS_FILE = "data/settlements.jsonl"
SETTLEMENT_COLUMNS = ("id", "record_id", "from_version", "settled", "chosen_id", "chosen_version",
                      "chosen_device_id", "standing_version", "standing_id", "reason", "settled_by", "settled_at",
                      "settled_by_name", "combined")
# The columns an older settlements file lacks (read as empty): the settler's name came later,
# then the versions a combination kept together (migration m028).
SETTLEMENT_ADDED = frozenset({"settled_by_name", "combined"})
# What each column holds, as the database stores it: whole numbers, text, or text or nothing.
WHOLE = frozenset({"device_number", "sequence", "version", "form_version", "from_version", "chosen_version",
                   "standing_version"})
OPTIONAL = frozenset({"patient_id", "reason", "settled_by_name", "combined"})


class VersionFileError(UserError):
    pass


def line(row: dict[str, Any]) -> str:
    """A row as a line of the file (its keys sorted): equal rows are equal lines."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def digest(text: str) -> str:
    """A line's fingerprint: a version set aside is kept once per distinct content, so two
    laptops' different versions 2 are both kept, and the same one from two exports once."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def write_lines(path: Path, lines: Iterator[str]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        return write_lines_to(handle, lines)


def write_lines_to(out: BinaryIO, lines: Iterator[str]) -> int:
    handle = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    count = 0
    for text in lines:
        handle.write(text + "\n")
        count += 1
    handle.flush()
    handle.detach()
    return count


def write_versions(db: Database, open_file: Callable[[str], AbstractContextManager[BinaryIO]], first_rowid: int,
                   last_rowid: int) -> int:
    """Record versions in the rowid range, every version on hold here (few, and kept once by the
    merge and the import however often they come: so no export loses another laptop's side of
    a disagreement), and every patient they are about (so each export can be imported on its
    own, even a `--since-last` one), into the files `open_file` opens by their names in the
    export."""
    records = list(db.query(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE rowid BETWEEN ? AND ?"
                            " ORDER BY rowid", [first_rowid, last_rowid]))
    held = list(db.query(f"SELECT {', '.join(RECORD_COLUMNS)} FROM held_versions ORDER BY record_id, version, digest"))
    patient_ids = sorted({row["patient_id"] for row in records + held if row["patient_id"]})
    patients = (row for chunk in range(0, len(patient_ids), 500) for row in db.query(
        f"SELECT {', '.join(PATIENT_COLUMNS)} FROM patients WHERE patient_id IN "
        f"({', '.join('?' * len(patient_ids[chunk:chunk + 500]))}) ORDER BY downtime_number",
        patient_ids[chunk:chunk + 500]))
    with open_file(PATIENTS_FILE) as out:
        write_lines_to(out, map(line, patients))
    if held:
        with open_file(HELD_FILE) as out:
            write_lines_to(out, map(line, held))
    if settlements := _settlements(db):
        with open_file(SETTLEMENTS_FILE) as out:
            write_lines_to(out, map(line, settlements))
    with open_file(RECORDS_FILE) as out:
        return write_lines_to(out, map(line, records))


def withdraws(row: Mapping[str, Any], before: Mapping[str, Any]) -> bool:
    """Whether a version (a line's row, or the database's) withdraws the version before it as it
    stood (entered in error, its answers unchanged). A record carried from one laptop to another
    and found charted on the wrong patient on both is withdrawn on each: two versions of one
    number, two contents, which disagree on nothing; held as a disagreement, the wrong patient's
    record stayed in the EHR until two wards were asked."""
    return (row["record_id"] == before["record_id"] and row["version"] == before["version"] + 1
            and row["status"] == RecordStatus.ENTERED_IN_ERROR.value
            and orjson.loads(row["data"]) == orjson.loads(before["data"]))


def version_digest(row: Mapping[str, Any]) -> str:
    """A record version's fingerprint, as `held_versions` keeps it."""
    return digest(line({column: row[column] for column in RECORD_COLUMNS}))


def _settlements(db: Database) -> list[dict[str, Any]]:
    """Every settlement made or taken here (few), each with the digests of the versions it saw:
    those it settled, and those standing here from the version it settled from to the one it
    left standing (records are append-only, so these are the ones there were then)."""
    found = []
    for row in db.query("SELECT s.*, r.id AS standing_id FROM hold_settlements s JOIN records r"
                        " ON r.record_id = s.record_id AND r.version = s.standing_version ORDER BY s.settled_at, s.id"):
        standing = db.query(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE record_id = ?"
                            " AND version BETWEEN ? AND ?", [row["record_id"], row["from_version"],
                                                             row["standing_version"]])
        seen = set(json.loads(row["settled"])) | {version_digest(version) for version in standing}
        found.append({**row, "settled": json.dumps(sorted(seen))})
    return found


def settlements_in(folder: Path) -> dict[str, dict[str, Any]]:
    """An export's (or a merge's) settlements of holds by id, none in one made before they
    travelled, each `settled` read as its digests (canonical JSON, as the database keeps it): the
    import and the merge read them alike, and refuse a list that is not of digests (read as
    text, a string's letters were taken for versions seen)."""
    path = folder / SETTLEMENTS_FILE
    found = {}
    for number, row in enumerate(lines_of(path, SETTLEMENT_COLUMNS, SETTLEMENT_ADDED) if path.exists() else (), start=1):
        try:
            seen = orjson.loads(row["settled"])
        except ValueError:
            seen = None
        if not isinstance(seen, list) or not all(isinstance(text, str) for text in seen):
            raise VersionFileError(QT_TRANSLATE_NOOP("messages", "{file}, line {line}: column settled holds {value!r}, "
                                                                 "not a list of version digests"),
                                   file=SETTLEMENTS_FILE, line=number, value=row["settled"])
        found[row["id"]] = {**row, "settled": canonical(sorted(set(seen)))}
    return found


def one_hold(settlement: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Whether two settlements (rows as `settlements_in` reads them, or as the database keeps
    them) settled one hold: the same record from the same version, and a version seen by both."""
    return (settlement["record_id"], settlement["from_version"]) == (other["record_id"], other["from_version"]) \
        and bool(set(orjson.loads(settlement["settled"])) & set(orjson.loads(other["settled"])))


def _typed(column: str, value: Any) -> bool:
    if column in WHOLE:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str) or (value is None and column in OPTIONAL)


def _signatures(columns: tuple[str, ...]) -> set[tuple[type, ...]]:
    """Every allowed run of value types of a line, so a good line (a records-office import
    reads a million) is checked with one lookup; `_typed` then names what is wrong in a bad one."""
    return set(product(*((int,) if column in WHOLE else (str, type(None)) if column in OPTIONAL else (str,)
                         for column in columns)))


def read_lines(path: Path, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every line must be a JSON object with exactly these columns; the first that is not is
    named with its line number."""
    return list(lines_of(path, columns))


def lines_of(path: Path, columns: tuple[str, ...], added: frozenset[str] = frozenset()) -> Iterator[dict[str, Any]]:
    """`read_lines` one line at a time: a hospital's merge is a million lines, too many to hold
    at once. A bad line raises when it is reached. orjson reads a line in a third of the time
    the standard library takes, and refuses what JSON does not allow (NaN, 100-digit numbers).
    `added`: optional columns that a file written before them lacks, read as empty (any of them:
    a file may come from between two of them)."""
    names, signatures, values = set(columns), _signatures(columns), itemgetter(*columns)
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    row = orjson.loads(line)
                except ValueError as problem:
                    raise VersionFileError(QT_TRANSLATE_NOOP("messages", "{path}, line {number}: not a JSON object ({problem})"),
                                           path=path, number=number, problem=problem) from None
                if isinstance(row, dict) and added and names - added <= row.keys() < names:
                    row.update(dict.fromkeys(names - row.keys()))
                if not isinstance(row, dict) or row.keys() != names:
                    raise VersionFileError(QT_TRANSLATE_NOOP("messages", "{path}, line {number}: expected the columns {items}"),
                                           path=path, number=number, items=', '.join(columns))
                if tuple(map(type, values(row))) not in signatures:
                    wrong = next(column for column in columns if not _typed(column, row[column]))
                    raise VersionFileError(f"{path}, line {number}: column {wrong} holds {row[wrong]!r}, not "
                                           + ("a whole number" if wrong in WHOLE else "text"))
                yield row
    except UnicodeDecodeError as problem:
        raise VersionFileError(QT_TRANSLATE_NOOP("messages", "{path}: not UTF-8 text ({reason} at byte {start})"),
                               path=path, reason=problem.reason, start=problem.start) from None
    except OSError as problem:
        raise VersionFileError(QT_TRANSLATE_NOOP("messages", "{path}: cannot be read ({strerror})"),
                               path=path, strerror=problem.strerror) from None


def count_lines(path: Path) -> int:
    """Lines of a file, counted without reading them as JSON (for a progress bar's end)."""
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))

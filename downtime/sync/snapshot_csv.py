"""The CSV snapshot: a folder of files whose templates (headers only) ship in
resources/snapshot/. Columns are the form fields' ids, so a template reads like the paper form;
each file also has a key column holding the hospital system's own id for that line.

Spreadsheets save CSV in many ways: UTF-8 with or without a byte-order mark, comma or
semicolon separated. Anything else is refused, naming the file, line and column."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, replace
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from downtime.domain.medication import allergy_status_said, severe_reaction
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Phrase
from downtime.formspec import FormSpec
from downtime.formspec.messages import message
from downtime.formspec.schema import (
    ChoiceField, DateTimeField, Field, Meaning, MultiChoiceField, RecordRefField, RepeatField, TextField, YesNoField,
)
from downtime.formspec.values import ParseError, offered, parse_datetime, parse_text
from downtime.sync.outcome import ImportRefused
from downtime.sync.snapshot import PATIENT_FORM, SnapshotItem, kind_said, option_named, shortened

YES = {"yes", "y", "oui", "o", "true", "1"}
NO = {"no", "n", "non", "false", "0"}


@dataclass(frozen=True)
class _File:
    """One snapshot file: which form its lines fill, and its key columns."""

    name: str
    kind: str
    key: str
    form_id: str | None
    refs: tuple[str, ...] = ()


PATIENTS = _File("patients.csv", "patient", "patient_key", None)
STAYS = _File("stays.csv", "stay", "patient_key", None)
ALLERGIES = _File("allergies.csv", "allergy", "patient_key", None)
ORDERS = _File("medication_orders.csv", "order", "order_key", "medication_order", ("patient_key",))
SESSIONS = _File("theatre_sessions.csv", "session", "session_key", "theatre_session")
BOOKINGS = _File("theatre_bookings.csv", "booking", "booking_key", "operation_booking",
                 ("patient_key", "session_key"))
FILES = (PATIENTS, STAYS, ALLERGIES, ORDERS, SESSIONS, BOOKINGS)
TAKEN = "snapshot.csv"
TAKEN_AT = "taken_at"

def admission_columns(spec: FormSpec) -> tuple[list[str], list[str]]:
    """The admission form's questions split between patients.csv (who the patient is) and
    stays.csv (where and why they are here); allergies have their own file. Not the number a
    patient admitted on paper was given: a reserved label of a ward laptop, never the EHR's. Nor a
    section answered only by amending (when a DNACPR was lifted): the EHR's extract is the stay as
    it stands."""
    identity = [field.id for field in spec.sections[0].fields if field.meaning is not Meaning.PAPER_NUMBER]
    stay = [field.id for section in spec.sections[1:] if not section.amending for field in section.fields
            if not isinstance(field, RepeatField)]
    return identity, stay


def columns_of(forms: dict[str, FormSpec], file: _File) -> list[str]:
    """The header of a file's template, key first."""
    if file is ALLERGIES:
        repeat = forms[PATIENT_FORM].field("allergies")
        return [file.key, *(sub.id for sub in repeat.fields)]  # type: ignore[union-attr]
    if file in (PATIENTS, STAYS):
        identity, stay = admission_columns(forms[PATIENT_FORM])
        return [file.key, *(identity if file is PATIENTS else stay)]
    spec = forms[str(file.form_id)]
    own = [field.id for field in spec.fields() if not isinstance(field, RecordRefField)]
    return [file.key, *file.refs, *own]


def write_templates(forms: dict[str, FormSpec], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, header in [*((file.name, columns_of(forms, file)) for file in FILES), (TAKEN, [TAKEN_AT])]:
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerow(header)


UNENDED = QT_TRANSLATE_NOOP("messages", "{path}, line {line}: the last line has no line end (is the file cut short?)")
"""A spreadsheet and the csv module end every line: one without was cut in its last cell, which
read as a whole value (an IPP of 800124 cut to 80, loaded onto the wristband, a "yes" cut to "y")."""


NAMELESS = QT_TRANSLATE_NOOP("messages", "{path}, line {line}: column {column} has no name in the header (see the "
                                         "template)")
TWICE = QT_TRANSLATE_NOOP("messages", "{path}, line 1: column {column!r} is listed twice (columns {first} and {second})")


def _named(path: Path, header: list[str]) -> list[str]:
    """The header's columns, without the empty ones after the last named, which a spreadsheet saves
    ("…,ipp,,") when a column beside the table was ever touched: they were refused as an "unknown
    column ''". One with no name among the named is refused by its place; one named twice (a column
    pasted twice in a spreadsheet) by both places: read, the last copy won, a dose of 1 g loaded as
    the 10 beside it, an IPP as the empty copy's nothing."""
    while header and not header[-1]:
        header.pop()
    if "" in header:
        raise ImportRefused(NAMELESS, path=path.name, line=1, column=header.index("") + 1)
    for second, name in enumerate(header):
        if (first := header.index(name)) < second:
            raise ImportRefused(TWICE, path=path.name, column=name, first=first + 1, second=second + 1)
    return header


def _delimiter(header: str) -> str:
    """The file's separator, by its header: French Excel saves CSV with semicolons."""
    return ";" if header.count(";") > header.count(",") else ","


def _lines(path: Path, unended_ok: bool = False) -> Iterator[tuple[int, dict[str, str]]]:
    """Each line's number (where its row begins) and cells. The csv module reads the text as a file opened with
    newline='', where only CR and LF end a line: a U+2028 or a form feed pasted into a cell
    is text, not the end of a line cut short. `unended_ok`: a last line without its end is read,
    for a caller whose check of the value itself tells a cut one (snapshot.csv's one time, typed in
    Notepad without Enter after it, refused the whole snapshot as "cut short")."""
    try:
        # Composed (NFC), as the ward types it: an EHR's "Hélène" with its accents apart (NFD) was
        # another name to the duplicate checks, and was stored, printed and exported so.
        text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as problem:
        line = path.read_bytes()[:problem.start].count(b"\n") + 1
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {line}: not UTF-8 text (save the file as CSV UTF-8)"),
                            path=path.name, line=line) from None
    header = text.split("\n", 1)[0]
    lines = sum(1 for _ in io.StringIO(text, newline=""))  # as the reader counts them: CR, LF or both
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header), strict=True)
    try:
        columns = _named(path, [name.strip() for name in next(reader, [])])
        first = reader.line_num + 1  # a cell holding a line break ends its row further down
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) > len(columns) and not any(cell.strip() for cell in row[len(columns):]):
                    row = row[:len(columns)]  # a spreadsheet's empty columns after the last named
                if len(row) > len(columns):
                    raise ImportRefused(NAMELESS, path=path.name, line=first,
                                        column=len(columns) + next(at for at, cell in enumerate(row[len(columns):], 1)
                                                                   if cell.strip()))
                if len(row) != len(columns):
                    raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {line_num}: {values} values where the header names {columns} columns "
                                                                             "(is the file cut short?)"),
                                        path=path.name, line_num=first, values=len(row), columns=len(columns))
                if not unended_ok and reader.line_num == lines and not text.endswith(("\n", "\r")):
                    raise ImportRefused(UNENDED, path=path.name, line=first)
                yield first, dict(zip(columns, row))
            first = reader.line_num + 1
    except csv.Error as problem:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {line_num}: {problem} (is the file cut short?)"),
                            path=path.name, line_num=reader.line_num, problem=problem) from None


def _check_header(path: Path, forms: dict[str, FormSpec], file: _File, spec: FormSpec,
                  first: dict[str, str]) -> None:
    expected = columns_of(forms, file)
    unknown = [name for name in first if name not in expected]
    if unknown:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line 1: unknown column {unknown!r} (see the template)"),
                            path=path.name, unknown=unknown[0])
    needed = [file.key, *file.refs] + [field.id for field in spec.fields()
                                       if field.required and field.id in expected and field.relevant is None]
    missing = [name for name in needed if name not in first]
    if missing:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line 1: missing column {missing!r}"),
                            path=path.name, missing=missing[0])


def _value(field: Field, text: str, comma_separated: bool) -> Any:
    """A cell read as a new answer: a code the form has retired is refused, as the screen no
    longer offers it and saving would refuse it. `comma_separated`: the file's cells are (see
    `parse_decimal`)."""
    text = text.strip()
    if not text:
        return None
    match field:
        case YesNoField():
            if text.casefold() in YES | NO:
                return text.casefold() in YES
            raise ParseError("bad_choice")
        case ChoiceField():
            return _code(field, text)
        case MultiChoiceField():
            return [_code(field, code.strip()) for code in text.split("|") if code.strip()]
        case DateTimeField():
            return parse_datetime(text, as_written=True).isoformat(timespec="minutes")
    return parse_text(field, text, as_written=True, comma_separated=comma_separated)


def _code(field: ChoiceField | MultiChoiceField, text: str) -> str:
    if (code := option_named(field, text)) is None:
        raise ParseError("bad_choice")
    return code


@dataclass(frozen=True)
class _Unread:
    """Why a cell could not be read, said in the language of whoever reads the refusal: the
    file is read before anyone says which."""

    key: str
    column: str
    limit: object

    def text(self, lang: Lang) -> str:
        return message(self.key, lang, self.column, self.limit)

    def __str__(self) -> str:
        return self.text("en")


def _values(path: Path, number: int, spec: FormSpec, row: dict[str, str],
            fields: dict[str, Field], comma_separated: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, text in row.items():
        field = fields.get(column)
        if field is None:
            continue
        try:
            value = _value(field, text, comma_separated)
        except ParseError as problem:
            if problem.key == "bad_choice" and isinstance(field, (ChoiceField, MultiChoiceField)):
                # "choose one of the listed options", where a file lists none: IT guessed the codes.
                raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}, column {column}: {shown!r}: "
                                                                  "no option of “{column}”; write one of its codes: "
                                                                  "{codes}"),
                                    path=path.name, number=number, column=column, shown=shortened(text),
                                    codes=", ".join(option.code for option in offered(field))) from None
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}, column {column}: {shown!r}: {reason}"),
                                path=path.name, number=number, column=column, shown=shortened(text),
                                reason=_Unread(problem.key, column, problem.limit)) from None
        if value is not None:
            values[column] = value
    return values


def _keyed(path: Path, number: int, row: dict[str, str], column: str) -> str:
    key = row.get(column, "").strip()
    if not key:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}, column {column}: empty"),
                            path=path.name, number=number, column=column)
    return key


def _as_infusion(path: Path, number: int, row: dict[str, str], values: dict[str, Any]) -> dict[str, Any]:
    """An order's line giving a rate, read as an infusion's, as a FHIR snapshot's is
    (snapshot_fhir): the EHR's extract has no Form, and a rate with none was dropped without a
    word, the rate being asked of an infusion alone. Given with another Form, one is a slip."""
    form = values.get("form")
    if values.get("rate_ml_h") is None or form == "infusion":
        return values
    if form is None:
        return {**values, "form": "infusion"}
    raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}, column rate_ml_h: {rate!r}: an infusion "
                                                      "rate needs the form 'infusion', not {form!r}"),
                        path=path.name, number=number, rate=row["rate_ml_h"].strip(), form=form)


def _rows(folder: Path, forms: dict[str, FormSpec], file: _File, spec: FormSpec,
          fields: dict[str, Field]) -> list[tuple[int, dict[str, str], dict[str, Any]]]:
    path = folder / file.name
    if not path.exists():
        return []
    comma_separated = _delimiter(path.read_bytes().decode("utf-8-sig", "replace").split("\n", 1)[0]) == ","
    found = []
    for number, row in _lines(path):
        if not found:
            _check_header(path, forms, file, spec, row)
        found.append((number, row, _values(path, number, spec, row, fields, comma_separated)))
    return found


def _line(file: _File, number: int) -> Phrase:
    """Where a line is, in the words of whoever reads about it."""
    return Phrase(QT_TRANSLATE_NOOP("messages", "{file}, line {number}"), {"file": file.name, "number": number})


def _listed_beside(where: Phrase, values: dict[str, Any], line: int) -> tuple[Phrase, ...]:
    """An allergy listed in allergies.csv for a patient whose stays.csv line says "nka" or
    "unknown" (the allergy entered in the EHR after the status was set) is loaded as listed, as
    the FHIR snapshot's is: dropped, the wristband, the medication chart and the dose checks said
    no known allergy beside an anaphylaxis; refused, the whole ward's snapshot waited on an
    extract the EHR, down, cannot give again, and the quickest mend was to delete the allergy's
    line. Said in the import's result, both lines named, for the ward to check with the patient."""
    status = values.get("allergy_status")
    if status in (None, "allergies"):
        return ()
    return (Phrase(QT_TRANSLATE_NOOP("messages", "{where}: allergy_status is {status!r}, but {allergies}, line {line} "
                                                 "lists an allergy: loaded as \"Allergies listed below\", the "
                                                 "allergy kept. Ask the ward to check the patient's allergies with "
                                                 "them or their family."),
                   {"where": where, "status": status, "allergies": ALLERGIES.name, "line": line}),)


CUT = "…"
TEXT_CUT = QT_TRANSLATE_NOOP("messages", "{where}: the allergy “{substance}”: {field} is longer than the admission "
                                         "keeps ({limit} characters): loaded cut, ending “…”. Read it whole in the "
                                         "EHR's copy.")
ALLERGIES_LEFT_OUT = QT_TRANSLATE_NOOP("messages", "{where}: {count} allergies, more than the admission keeps "
                                                   "({limit}): the most severe loaded, left out: {left}. Read them in "
                                                   "the EHR's copy and tell the ward.")
NAMES_NO_ALLERGY = QT_TRANSLATE_NOOP("messages", "{where}: “{substance}” names no allergy (no known allergies, or not "
                                                 "known yet): not loaded as one. The patient's allergy status is "
                                                 "the snapshot's own; ask the ward to check it with them.")
_SEVERITY_RANK = {"severe": 0, "moderate": 1, "mild": 2}


def fit_allergies(spec: FormSpec, rows: list[dict[str, Any]],
                  where: Phrase | str) -> tuple[list[dict[str, Any]], tuple[Phrase, ...]]:
    """A patient's allergies from a snapshot fitted to the admission's limits, each change said
    for the import's result: a text longer than its field keeps cut, ending "…"; beyond the
    list's length, the most severe kept (a severity, or a reaction's words read as immediate or
    severe), in their order, the others named. Refused, one patient's long reaction note or
    21st allergy stopped the whole ward's snapshot, which the EHR, down, cannot give again."""
    repeat = spec.by_meaning(Meaning.ALLERGIES)
    if not isinstance(repeat, RepeatField):
        return rows, ()
    texts = {sub.id: sub for sub in repeat.fields if isinstance(sub, TextField)}
    fitted: list[dict[str, Any]] = []
    notes: list[Phrase] = []
    for row in rows:
        cut = {name: text[:texts[name].max_length - len(CUT)] + CUT for name, text in row.items()
               if name in texts and isinstance(text, str) and len(text) > texts[name].max_length}
        notes.extend(Phrase(TEXT_CUT, {"where": where, "substance": shortened(row.get("substance")),
                                       "field": name, "limit": texts[name].max_length})
                     for name in cut)
        fitted.append({**row, **cut})
    if len(fitted) > repeat.max_items:
        ranked = sorted(range(len(fitted)), key=lambda at: _SEVERITY_RANK.get(
            "severe" if severe_reaction(str(fitted[at].get("reaction") or "")) else fitted[at].get("severity"), 3))
        kept = sorted(ranked[:repeat.max_items])
        notes.append(Phrase(ALLERGIES_LEFT_OUT, {"where": where, "count": len(fitted), "limit": repeat.max_items,
                                                 "left": ", ".join(str(fitted[at].get("substance"))
                                                                   for at in sorted(ranked[repeat.max_items:]))}))
        fitted = [fitted[at] for at in kept]
    return fitted, tuple(notes)


def _answered(file: _File, number: int, fields: dict[str, Field], values: dict[str, Any]) -> None:
    """Refuse a line of a repeat's own file (allergies.csv) leaving a required column empty, naming
    that line: merged into the patient's admission, the admission's check named the patients.csv
    line, where IT found nothing wrong."""
    for name, field in fields.items():
        if field.required and values.get(name) is None:
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}, column {column}: {reason}"),
                                where=_line(file, number), column=name, reason=_Unread("required", name, None))


def _admissions(folder: Path, forms: dict[str, FormSpec]) -> list[SnapshotItem]:
    """A patient is loaded as the admission of their current stay: patients.csv, stays.csv and
    allergies.csv lines with the same patient_key make one admission record."""
    spec = forms[PATIENT_FORM]
    fields = {field.id: field for field in spec.fields()}
    allergy_fields = {sub.id: sub for sub in spec.field("allergies").fields}  # type: ignore[union-attr]
    stays: dict[str, tuple[int, dict[str, Any]]] = {}
    for number, row, values in _rows(folder, forms, STAYS, spec, fields):
        key = _keyed(folder / STAYS.name, number, row, STAYS.key)
        if key in stays:
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{stays_file}, line {number}: patient {key!r} already has a stay at line {stays}"),
                                stays_file=STAYS.name, number=number, key=key, stays=stays[key][0])
        stays[key] = (number, values)
    allergies: dict[str, list[dict[str, Any]]] = {}
    allergy_lines: dict[str, int] = {}
    said_instead: dict[str, list[Phrase]] = {}
    for number, row, values in _rows(folder, forms, ALLERGIES, spec, allergy_fields):
        key = _keyed(folder / ALLERGIES.name, number, row, ALLERGIES.key)
        _answered(ALLERGIES, number, allergy_fields, values)
        if allergy_status_said(str(values.get("substance") or "")) is not None:
            said_instead.setdefault(key, []).append(Phrase(NAMES_NO_ALLERGY, {
                "where": _line(ALLERGIES, number), "substance": shortened(values["substance"])}))
            continue
        allergies.setdefault(key, []).append(values)
        allergy_lines.setdefault(key, number)
    items = []
    patients: dict[str, int] = {}
    for number, row, values in _rows(folder, forms, PATIENTS, spec, fields):
        key = _keyed(folder / PATIENTS.name, number, row, PATIENTS.key)
        if key in patients:  # its stay was taken by the first line: "no line in stays.csv" sent IT looking there
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {kind} {key!r} is also at {seen}"),
                                where=_line(PATIENTS, number), kind=kind_said("patient"), key=key,
                                seen=_line(PATIENTS, patients[key]))
        patients[key] = number
        if key not in stays:
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{patients}, line {number}: patient {key!r} has no line in {stays_file}"),
                                patients=PATIENTS.name, number=number, key=key, stays_file=STAYS.name)
        stay, stay_values = stays.pop(key)
        values = {**values, **stay_values}
        # Both lines: a refused bed or arrival time is on the stays.csv line, not the patients.csv one.
        where = Phrase(QT_TRANSLATE_NOOP("messages", "{patients}, line {number} ({stays}, line {stay})"),
                       {"patients": PATIENTS.name, "number": number, "stays": STAYS.name, "stay": stay})
        notes: tuple[Phrase, ...] = tuple(said_instead.pop(key, ()))
        if notes and key not in allergies and values.get("allergy_status") == "allergies":
            values = {**values, "allergy_status": "unknown"}  # listed, none named: to be asked again
        if key in allergies:
            fitted, cut = fit_allergies(spec, allergies.pop(key), where)
            notes += _listed_beside(where, values, allergy_lines[key]) + cut
            values = {**values, "allergy_status": "allergies", "allergies": fitted}
        items.append(SnapshotItem(where, "patient", key, PATIENT_FORM, values, notes=notes))
    for leftover, file, lines in ((stays, STAYS, {key: found[0] for key, found in stays.items()}),
                                  (allergies, ALLERGIES, allergy_lines)):
        if leftover:
            patient = next(iter(leftover))
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: patient {patient!r} is not in {patients}"),
                                where=_line(file, lines[patient]), patient=patient, patients=PATIENTS.name)
    return items


NO_TIME = QT_TRANSLATE_NOOP("messages", "This snapshot gives no time of its own ({given}): its orders' doses due "
                                        "before this load read “in the EHR (before downtime)” and are left off the "
                                        "round. If the extract was taken before this load (the EHR down in between), "
                                        "load it again with the extract's time in {given} ({example}): the doses due "
                                        "since then come back on the round. Until then, check them against the EHR's "
                                        "last printed chart.")
"""Said of every order of a snapshot that gives no time, where it would give it (snapshot.csv's
column, a Bundle's `timestamp`). It asked for a reload "if the EHR went down before its extract was
taken", which cannot be (no extract comes from an EHR that is down), so IT did not reload."""
EXAMPLE_TIME = "2026-11-28T06:00+01:00"


def no_time(given: Phrase | str) -> Phrase:
    """NO_TIME, naming where this kind of snapshot gives its time."""
    return Phrase(NO_TIME, {"given": given, "example": EXAMPLE_TIME})


def _taken_at(folder: Path) -> datetime | None:
    """The time the EHR's extract is of, snapshot.csv's one line, as a FHIR Bundle's `timestamp`
    gives it: a CSV snapshot could say none, and an extract of 06:00 loaded at 09:00 had the 08:00
    doses, never given as the EHR was down, read "in the EHR (before downtime)" and left off the
    round. A time without its offset is on the laptop's clock, as the other files' times are. The
    file as shipped (its header alone) gives none, as no file does: the template folder refused
    itself, and so did one saved by French Excel, with semicolons ("taken_at;;"). Its line need
    not end: the time is read whole or refused, so a cut one cannot pass."""
    path = folder / TAKEN
    if not path.exists():
        return None
    lines = list(_lines(path, unended_ok=True))
    text = path.read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0])), [])
    if not lines and _named(path, [name.strip() for name in header]) == [TAKEN_AT]:
        return None
    if len(lines) != 1 or list(lines[0][1]) != [TAKEN_AT]:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}: one column, {column}, and one line under it: the "
                                                          "time the EHR's extract is of (2026-11-28T06:00+01:00)"),
                            path=TAKEN, column=TAKEN_AT)
    number, row = lines[0]
    try:
        return parse_datetime(row[TAKEN_AT], as_written=True)
    except ParseError as problem:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, line {number}, column {column}: {shown!r}: {reason}"),
                            path=TAKEN, number=number, column=TAKEN_AT, shown=shortened(row[TAKEN_AT]),
                            reason=_Unread(problem.key, TAKEN_AT, problem.limit)) from None


def holds_snapshot(folder: Path) -> bool:
    """Whether `folder` is a CSV snapshot: it has patients or theatre sessions, whatever else it
    holds (the records office's stick, the EHR's extract beside a laptop's export)."""
    return (folder / PATIENTS.name).exists() or (folder / SESSIONS.name).exists()


def read_csv_snapshot(folder: Path, forms: dict[str, FormSpec]) -> list[SnapshotItem]:
    if not holds_snapshot(folder):
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{folder}: no {patients} or {sessions} (see resources/snapshot/)"),
                            folder=folder, patients=PATIENTS.name, sessions=SESSIONS.name)
    items = _admissions(folder, forms)
    for file in (ORDERS, SESSIONS, BOOKINGS):
        spec = forms[str(file.form_id)]
        fields = {field.id: field for field in spec.fields() if not isinstance(field, RecordRefField)}
        for number, row, values in _rows(folder, forms, file, spec, fields):
            path = folder / file.name
            if file is ORDERS:
                values = _as_infusion(path, number, row, values)
            refs = {"session": ("session", _keyed(path, number, row, "session_key"))} if file is BOOKINGS else {}
            patient = _keyed(path, number, row, "patient_key") if "patient_key" in file.refs else None
            items.append(SnapshotItem(_line(file, number), file.kind, _keyed(path, number, row, file.key),
                                      str(file.form_id), values, patient, refs))
    if (taken_at := _taken_at(folder)) is None:
        said = no_time(Phrase(QT_TRANSLATE_NOOP("messages", "{path}, column {column}"), {"path": TAKEN, "column": TAKEN_AT}))
        return [replace(item, notes=(*item.notes, said)) if item.kind == ORDERS.kind else item for item in items]
    return [replace(item, as_of=taken_at) for item in items]

"""Finding a patient fast: by name (accents, case and apostrophes ignored, partial, a family
name written joined or apart), date of birth, downtime number, IPP, encounter number, NIR (with
or without the card's or the letter's spaces) or the EHR number the records office linked them
to, through SQLite's FTS5 index.

The index is derived from admission records: it is refreshed in the same transaction as each
save, and `rebuild` recreates it from the records at any time.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from itertools import product
from typing import NamedTuple

from sqlite_utils import Database

from downtime.domain.clock import local_now, ward_time
from downtime.domain.duplicates import joined_names
from downtime.domain.names import PLAIN_LETTERS
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.services.census import all_patients
from downtime.services.context import Session
from downtime.domain.downtime_number import misread_numbers, parse_downtime_number, taken_apart, told_apart
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase
from downtime.services.patients import PatientSummary, downtime_numbers, patients_numbered, summarise
from downtime.storage import audit
from downtime.storage.connection import writable
from downtime.storage.records import RECORD_COLUMNS, as_version, chunks, histories, list_current, marks

_DATE_PIECES = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORD = re.compile(r"[^\W_]+")
_DOWNTIME_PIECES = re.compile(r"^dt(?:-?\d)+-?$", re.IGNORECASE)
# An NIR as the carte Vitale prints it (2 54 03 75 113 023 12), its key optional.
_SPACED_NIR = re.compile(r"\b[123478](?:\s*\d){4}\s*(?:\d\s*\d|2\s*[AB])(?:\s*\d){6}(?:\s*\d\s*\d)?\b",
                         re.IGNORECASE)
# O'Connor is also typed OConnor; the index's tokenizer cuts a name at its apostrophe.
_NO_APOSTROPHE = str.maketrans("", "", "'’")
# An IPP or an encounter number as a letter prints it in groups (800 123 45): one number, as the
# index holds it. A run of digit groups only: "12/03 1954" stays a date and a year, and groups
# shaped as a date ("12 03 1954", "03 1954") stay words.
_SPACED_DIGITS = re.compile(r"(?<![\w/.\-])\d+(?:[ \t]+\d+)+(?![\w/.\-])")
_SPACED_DATE = re.compile(r"^\d{1,2}\s+(?:\d{1,2}(?:\s+(?:\d{2}|\d{4}))?|\d{4})$")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def sort_key(name: str) -> str:
    """A name as people file it: ÉMERY among the Es, case ignored. Most names are plain ASCII,
    which skip the folding: a hospital's 100,000 names are sorted each time its back-entry
    list opens."""
    return (name if name.isascii() else _fold(name)).casefold()


def _birth_tokens(born: date | None) -> str:
    """DD MM YYYY as one token (12031954), ISO order too, the year alone, the month and year
    (031954: a paper form's day left off or illegible) and the two-digit year written by hand
    (120354). Migration m015 adds the last two to the lines indexed before, so keep them in step."""
    return f"{born:%d%m%Y} {born:%Y%m%d} {born:%Y} {born:%m%Y} {born:%d%m%y}" if born else ""


def refresh(db: Database, forms: dict[str, FormSpec], patient_id: str) -> None:
    """Re-index one patient from their latest standing admission (call inside the save's
    transaction, so the index never disagrees with the records)."""
    refresh_many(db, forms, [patient_id])


def refresh_many(db: Database, forms: dict[str, FormSpec], patient_ids: Collection[str]) -> None:
    """Re-index these patients, reading them a few hundred at a time (an import re-indexes
    thousands). A patient's index line has the rowid of their `patients` row, so it is found
    without reading the whole index."""
    numbered = _numbered(db, patient_ids)
    for part in chunks(patient_ids):
        db.execute(f"DELETE FROM patient_search WHERE rowid IN ({marks(part)})", [numbered[pid][0] for pid in part])
    db.conn.executemany(f"INSERT INTO patient_search ({_LINE}) VALUES (?, ?, ?, ?, ?)", _lines(db, forms, numbered))


_LINE = "rowid, patient_id, names, birth, numbers"


def _lines(db: Database, forms: dict[str, FormSpec], numbered: dict[str, tuple[int, str]]
           ) -> list[tuple[int, str, str, str, str]]:
    """The index lines of these patients (`_numbered`) as their standing admissions write them:
    none for a patient with none."""
    present, earlier = _admissions(db, forms, numbered)
    return [(numbered[patient_id][0], patient_id,
             *_columns([*found, *(_only_names(name.indexed) for name in earlier.get(patient_id, ()))]))
            for patient_id, found in present.items()]


def _numbered(db: Database, patient_ids: Collection[str]) -> dict[str, tuple[int, str]]:
    """Each patient's rowid in `patients` (their index line's) and downtime number."""
    found: dict[str, tuple[int, str]] = {}
    for part in chunks(patient_ids):
        for rowid, patient_id, number in db.execute(
                f"SELECT rowid, patient_id, downtime_number FROM patients WHERE patient_id IN ({marks(part)})", part):
            found[patient_id] = (rowid, number)
    return found


@dataclass(frozen=True)
class _EarlierName:
    """A temporary name an admission had before it was amended: `indexed`, with its description,
    as the index holds it; `shown`, as the list said it then (INCONNU TRÈFLE)."""

    indexed: str
    shown: str


def _admissions(db: Database, forms: dict[str, FormSpec], numbered: dict[str, tuple[int, str]]
                ) -> tuple[dict[str, list[_Terms]], dict[str, list[_EarlierName]]]:
    """Each patient's names, birth date and numbers from each of their standing admissions, and
    the temporary names those admissions had before. The temporary name of an earlier version
    counts: a patient admitted unidentified and identified since still has "INCONNU TRÈFLE" on
    the wristband, the sample labels and the paper charts, and a search by it found nobody. (A
    name corrected, "Dupont" misheard for "Durand", is found under the right one only.) An
    admission on hold counts by every laptop's version (`_held`)."""
    present: dict[str, list[_Terms]] = defaultdict(list)
    earlier: dict[str, list[_EarlierName]] = defaultdict(list)
    linked = _linked(db, numbered)
    for spec in forms.values():
        if spec.creates_patient:
            held = _held(db, spec.id, numbered)
            on_hold = {version.id for version in held}
            standing = [record for record in [*list_current(db, form_id=spec.id, patient_ids=numbered), *held]
                        if record.status is not RecordStatus.ENTERED_IN_ERROR]
            for record in standing:
                patient_id = str(record.patient_id)
                summary = summarise(spec, record, numbered[patient_id][1])
                terms = _terms(spec, summary, record.data, linked.get(patient_id))
                present[patient_id].append(terms._replace(held=summary.display_name) if record.id in on_hold else terms)
            amended = {record.record_id: str(record.patient_id) for record in standing if record.version > 1}
            for record_id, versions in histories(db, amended).items():
                earlier[amended[record_id]].extend(
                    _EarlierName(indexed, _temporary_name(spec, version.data)) for version in versions[:-1]
                    if (indexed := _names(spec, version.data, _UNIDENTIFIED_NAMES).strip()))
    return present, earlier


def _held(db: Database, form_id: str, patient_ids: Collection[str]) -> list[RecordVersion]:
    """Every laptop's version on hold of these patients' admissions of this form (the held
    versions no settlement covers), as the merge and the records office's duplicates read them:
    an alias amended on one laptop and identified on another was found by neither the name the
    ward identified him by nor his IPP, on the office's laptop or on a ward's that loaded the
    identifying stick, until a clerk settled the hold. Read in one pass whatever the patients
    (holds are few), only these patients' versions parsed."""
    return [as_version(row) for row in db.query(f"SELECT {', '.join(RECORD_COLUMNS)} FROM unsettled_versions"
                                                " WHERE form_id = ?", [form_id]) if row["patient_id"] in patient_ids]


def _linked(db: Database, patient_ids: Collection[str]) -> dict[str, str]:
    """The EHR number the records office linked each patient to (`back_entry.link_patient`; the
    latest link, a number replaced was a wrong one): the clerk holding the EHR's labels scans it,
    and found nobody."""
    found: dict[str, str] = {}
    for part in chunks(patient_ids):
        for patient_id, number in db.execute("SELECT patient_id, ehr_patient_number FROM patient_links"
                                             f" WHERE patient_id IN ({marks(part)}) ORDER BY rowid", part):
            found[patient_id] = number
    return found


def _temporary_name(spec: FormSpec, data: dict) -> str:
    """As the list showed an unidentified patient (display_name), without the description; the
    description when there was no name."""
    temporary, descriptor = (str(data.get(field.id) or "").strip() if (field := spec.by_meaning(meaning)) else ""
                             for meaning in _UNIDENTIFIED_NAMES)
    return temporary.upper() or descriptor


def _columns(found: list[_Terms]) -> tuple[str, str, str]:
    """A patient's index line from the terms of each of their admissions: their family names
    written as one (`_Terms.joined`) last, as migration m034 adds them to the lines indexed
    before, so keep them in step."""
    names, birth, numbers = (" ".join(dict.fromkeys(line[column] for line in found if line[column]))
                             for column in range(3))
    joined = " ".join(sorted({word for line in found for word in line.joined.split()}))
    return " ".join(filter(None, (with_plain_letters(with_apostrophes_dropped(names)), joined))), birth, numbers


def with_apostrophes_dropped(names: str) -> str:
    """The names, then again without apostrophes if they have any: "O'Connor" is found as
    "connor" and as "oconnor". Migration m011 applies the same rule to the lines of databases
    indexed before, so keep them in step."""
    dropped = names.translate(_NO_APOSTROPHE)
    return names if dropped == names else f"{names} {dropped}"


def with_plain_letters(names: str) -> str:
    """The names, then again spelled with plain letters if they have any of `PLAIN_LETTERS`
    (the index's tokenizer keeps them, folding only accents: "Lecœur" is found as "lecoeur").
    Migration m016 applies the same rule to the lines of databases indexed before, so keep
    them in step."""
    plain = names.translate(PLAIN_LETTERS)
    return names if plain == names else f"{names} {plain}"


_UNIDENTIFIED_NAMES = (Meaning.TEMPORARY_NAME, Meaning.DESCRIPTOR)


def _names(spec: FormSpec, data: dict,
           meanings: tuple[Meaning, ...] = (Meaning.BIRTH_NAME, Meaning.USED_NAME, Meaning.GIVEN_NAMES,
                                            *_UNIDENTIFIED_NAMES)) -> str:
    return " ".join(str(data.get(field.id) or "") for meaning in meanings if (field := spec.by_meaning(meaning)))


class _Terms(NamedTuple):
    """What one admission puts on its patient's index line (a readmitted patient has several)."""

    names: str
    birth: str
    numbers: str
    # Its family names of several words written as one (domain.duplicates.joined_names): "Le
    # Goff" is also typed LEGOFF, and the index's tokenizer cuts a name at spaces and hyphens.
    joined: str = ""
    # The name it gives, when it is another laptop's version on hold (`_held`), for `find` to say.
    held: str = ""


def _only_names(names: str) -> _Terms:
    return _Terms(names, "", "")


def _terms(spec: FormSpec, patient: PatientSummary, data: dict, linked: str | None = None) -> _Terms:
    """Each number whole, as a band's barcode holds it: an IPP or encounter number typed with a
    letter's spaces ("800 123 45") was three words, and the band's 80012345 found nobody (and
    "45" alone matched it as a whole identifier). Migration m036 gives the lines indexed before
    the same numbers, so keep them in step."""
    compact = patient.downtime_number.replace("-", "")
    encounter = data.get(field.id) if (field := spec.by_meaning(Meaning.ENCOUNTER_NUMBER)) else None
    numbers = " ".join(filter(None, (patient.downtime_number, compact, whole_number(patient.ipp), patient.nir,
                                     whole_number(encounter), whole_number(linked))))
    family = (str(data.get(field.id) or "") for meaning in (Meaning.BIRTH_NAME, Meaning.USED_NAME)
              if (field := spec.by_meaning(meaning)))
    return _Terms(_names(spec, data), _birth_tokens(patient.birth_date), numbers, " ".join(joined_names(family)))


def whole_number(typed: object) -> str:
    """A hospital number without the spaces a letter or a person typed in it ("" for none)."""
    return "".join(str(typed or "").split())


def rebuild(db: Database, forms: dict[str, FormSpec]) -> int:
    with db.atomic():
        db.execute("DELETE FROM patient_search")
        ids = list(downtime_numbers(db))
        refresh_many(db, forms, ids)
    return len(ids)


def index_problem(db: Database, forms: dict[str, FormSpec]) -> str | None:
    """The first patient whose index line is not what their admissions say, or None. The index
    is derived, so the audit chain does not cover it (an FTS5 table: no trigger even to drop),
    yet every search trusts it: its lines deleted with plain SQL, a patient was found by neither
    name nor NIR, and admitted again under a second number. Each line's words are compared, not
    their order (the migrations that added words to the lines of an earlier version put them
    where they could). Its FTS5 index against those lines is SQLite's integrity check's to read."""
    stored = {_words(line) for line in db.execute(f"SELECT {_LINE} FROM patient_search")}
    expected = {_words(line) for line in _lines(db, forms, _numbered(db, list(downtime_numbers(db))))}
    if different := sorted({str(line[1]) for line in stored ^ expected}):
        return (f"the patient search index disagrees with the admissions about {len(different)} patient(s),"
                f" first {different[0]}")
    return None


def _words(line: tuple[int, str, str, str, str]) -> tuple[object, ...]:
    rowid, patient_id, *columns = line
    return (rowid, patient_id, *(frozenset(column.split()) for column in columns))


def ensure_index(session: Session) -> str | None:
    """Rebuild the index when it disagrees with the admissions (`index_problem`), at each opening
    of the app: nothing else would mend it, and a nurse who does not find a patient admits them
    again. The rebuild is audited with what was wrong, so that the evidence of an index edited
    outside the app outlives its mending. The problem found, or None; a database opened only for
    reading is left as it is."""
    problem = index_problem(session.db, session.forms)
    if problem is None or not writable(session.db):
        return problem
    with session.db.atomic():
        rebuild(session.db, session.forms)
        audit.append(session.db, at=session.clock(), actor=session.user.staff_id,
                     device_id=session.device.device_id, action="search.rebuild", detail={"problem": problem})
    return problem


def match_expression(text: str) -> str | None:
    """An FTS5 query where every typed word must prefix-match; None if nothing searchable.

    Words are quoted after folding accents, dropping apostrophes and spelling letters such as
    œ and ß plainly (the index also has each name so), so no input can inject FTS syntax; an
    NIR typed with the card's spaces becomes one token, as the index stores it; a date typed as
    12/03, 12/03/54 or 12/03/1954 becomes one token matching the compact birth date, as does
    1954-03-12 (the EHR's files), and 03/1954 one matching its month and year; a downtime
    number typed or scanned with its dashes (DT-001-00001-6) one token matching the compact
    number: split at its dashes, its "dt" would prefix-match every patient in the hospital; an IPP
    or encounter number typed in groups of digits (800 123 45) one token, as the index holds it.
    """
    terms = typed_terms(text)
    return " ".join(f'"{term}"*' for term in terms) if terms else None


def typed_terms(text: str) -> list[str]:
    """The words of a search as the index holds them, each to prefix-match (see `match_expression`)."""
    terms: list[str] = []
    typed = _SPACED_NIR.sub(lambda nir: "".join(nir.group().split()),
                            _fold(text).translate(_NO_APOSTROPHE).translate(PLAIN_LETTERS))
    typed = _SPACED_DIGITS.sub(lambda groups: groups.group() if _SPACED_DATE.match(groups.group())
                               else "".join(groups.group().split()), typed)
    for piece in typed.split():
        if match := _DATE_PIECES.match(piece):
            day, month, year = match.groups()
            terms.append(f"{int(day):02d}{int(month):02d}{year or ''}")
        elif match := _MONTH_YEAR.match(piece):
            month, year = match.groups()
            terms.append(f"{int(month):02d}{year}")
        elif match := _ISO_DATE.match(piece):
            year, month, day = match.groups()
            terms.append(f"{year}{int(month):02d}{int(day):02d}")
        elif _DOWNTIME_PIECES.match(piece):
            terms.append(piece.replace("-", ""))
        else:
            terms.extend(_WORD.findall(piece))
    return [term.casefold() for term in terms]


# Ranking (bm25) costs microseconds a match, and a common surname matches thousands of
# patients in a hospital: only this many of the matches, those added to the database last,
# are ranked.
CANDIDATES = 500


def search(db: Database, forms: dict[str, FormSpec], text: str, limit: int = 50) -> list[PatientSummary]:
    """Patients matching every typed word, best matches first (equally good ones in the order
    they were added to the database). When more than CANDIDATES patients match, the best are
    chosen among the CANDIDATES added last: typing more of the name or the date of birth finds
    the others. A readmitted patient is found by any of their stays' names, once, as they
    stand (the stay they arrived by last, where they are now), as every list shows them: a
    line per stay read as two patients, the first stay's old name and allergies first. A number
    two laptops gave, as the lists show it with its laptop ("DT-007-00001-1 (laptop 6e8f94ed)",
    copied from the worklist or the merge's report), finds that laptop's patient alone."""
    number, laptop = taken_apart(text)
    expression = match_expression(_searched(text))
    if expression is None:
        return []
    ids = _matching(db, expression, limit)
    if not ids and (joined := _words_joined(db, typed_terms(_searched(text)))):
        ids = _matching(db, joined, limit)
    if laptop:
        ids = [patient_id for patient_id in ids if patient_id in patients_numbered(db, [text]).values()]
    found = all_patients(db, forms, ids)
    return [found[patient_id] for patient_id in ids if patient_id in found]


def _matching(db: Database, expression: str, limit: int) -> list[str]:
    rows = db.execute("SELECT patient_id FROM (SELECT rowid, patient_id, rank FROM patient_search"
                      " WHERE patient_search MATCH ? ORDER BY rowid DESC LIMIT ?)"
                      " ORDER BY rank, rowid LIMIT ?", [expression, CANDIDATES, limit]).fetchall()
    return [patient_id for (patient_id,) in rows]


# A search finding nothing is tried again with its neighbouring words joined in every way but
# none; up to this many places between words, so at most 31 ways (a name of six words).
_JOINED_AT_MOST = 5


def _words_joined(db: Database, terms: list[str]) -> str | None:
    """An FTS5 query for `terms` (`typed_terms`) with two or more neighbouring words written as
    one, in the ways they can be (each way's words must all prefix-match, as in
    `match_expression`): "le goff" finds LEGOFF and "de la fontaine yann" DELAFONTAINE Yann, as
    the index holds a family name of several words written as one too. Dates and numbers are
    kept as they are. Only the ways whose joined words some line has are asked: each way's
    short words apart ("de"*, "la"*) match so many names that asking all cost 50 ms and more at
    100,000 patients. None when no way can find anyone."""
    places = [i for i in range(len(terms) - 1) if terms[i].isalpha() and terms[i + 1].isalpha()]
    if not places or len(places) > _JOINED_AT_MOST:
        return None
    ways = [_joined_at(terms, {place for place, join in zip(places, joins) if join})
            for joins in product((False, True), repeat=len(places)) if any(joins)]
    indexed = {word for word in {word for _, joined in ways for word in joined}
               if db.execute("SELECT 1 FROM patient_search WHERE patient_search MATCH ? LIMIT 1",
                             [f'"{word}"*']).fetchone()}
    found = ["(" + " ".join(f'"{word}"*' for word in words) + ")" for words, joined in ways if joined <= indexed]
    return " OR ".join(found) or None


def _joined_at(terms: list[str], places: set[int]) -> tuple[list[str], set[str]]:
    """The terms with each joined to the next at these places, and the words so joined."""
    words = [terms[0]]
    for place, term in enumerate(terms[1:]):
        if place in places:
            words[-1] += term
        else:
            words.append(term)
    return words, set(words) - set(terms)


def _searched(text: str) -> str:
    """The words searched for: a number given with its laptop is searched for as the number."""
    number, laptop = taken_apart(text)
    return number if laptop else text


@dataclass(frozen=True)
class Found:
    """A patient a search found. `formerly`: the temporary name they were admitted under and
    identified since ("INCONNU TRÈFLE"), when it is what the words typed found them by, not
    their name now; None otherwise. `exact`: the text is one of their numbers whole (see
    `identified`), not the start of one nor a birth date. `held`: the name another laptop's
    version of their admission, on hold, gives them (`HELD`), when it is what found them."""

    patient: PatientSummary
    formerly: str | None = None
    exact: bool = False
    held: Phrase | None = None


HELD = QT_TRANSLATE_NOOP("messages", "identified as {name} on another laptop (on hold)")


def find(db: Database, forms: dict[str, FormSpec], text: str, limit: int = 50) -> list[Found]:
    """The patients `search` finds, each with the earlier name that found them (the nurse holding
    a sample labelled INCONNU TRÈFLE was shown DUPONT Marie alone, and could not tell why that
    line came up) or the name of an identification on hold that did (a result phoned for Thomas
    Girard showed only the unknown man another laptop had identified as him), those whose number
    the text is whole first: the EHR's band of IPP 1234567 also found the patient of IPP 12345678
    in the bed before hers, and the list's first line was his."""
    exact = _identified(db, text)
    found = search(db, forms, text, limit)
    if missed := [patient_id for patient_id in exact if patient_id not in {patient.patient_id for patient in found}]:
        found = [*all_patients(db, forms, missed).values(), *found]  # beyond the matches ranked
    terms = typed_terms(_searched(text))
    amended = _amended(db, forms, [patient.patient_id for patient in found])
    present, earlier = _admissions(db, forms, _numbered(db, amended))
    said = {patient.patient_id: _formerly(terms, present.get(patient.patient_id, []), earlier.get(patient.patient_id, []))
            for patient in found}
    return sorted((Found(patient, said[patient.patient_id][0], patient.patient_id in exact, said[patient.patient_id][1])
                   for patient in found), key=lambda one: not one.exact)


def identified(db: Database, forms: dict[str, FormSpec], text: str) -> list[PatientSummary]:
    """The patients a scanned band identifies: those one of whose numbers the text is, whole."""
    return list(all_patients(db, forms, _identified(db, text)).values())


def _identified(db: Database, text: str) -> list[str]:
    """The patients one of whose numbers the text is, whole (downtime number with or without its
    dashes, IPP, NIR, encounter number, linked EHR number; spaces and capitals ignored): what a
    band's barcode identifies. A birth date or a number's first digits identifies nobody. Asked
    of the index's numbers alone, whole words: among a prefix's matches, ranked, the patient
    whose number it is may be past the 50 a search shows."""
    terms = typed_terms(_searched(text))
    wanted = whole_number(_searched(text)).replace("-", "").casefold()
    if len(terms) != 1 or not wanted:
        return []
    rows = db.execute("SELECT patient_id, numbers FROM patient_search WHERE patient_search MATCH ?"
                      " ORDER BY rowid LIMIT ?", [f'numbers : "{terms[0]}"', CANDIDATES]).fetchall()
    found = [patient_id for patient_id, numbers in rows
             if any(number.replace("-", "").casefold() == wanted for number in numbers.split())]
    if taken_apart(text)[1]:  # a number two laptops gave, with its laptop: that laptop's patient alone
        found = [patient_id for patient_id in found if patient_id in patients_numbered(db, [text]).values()]
    return found


WITHDRAWN = QT_TRANSLATE_NOOP("messages", "{number}: admission withdrawn {when} by {by}: “{reason}”")
RESERVED = QT_TRANSLATE_NOOP("messages", "{number}: a paper number reserved {when} by {by}, not given to a patient")
NO_NUMBER = QT_TRANSLATE_NOOP(
    "messages", "{number}: not a valid downtime number (its check digit does not match): re-read it")
ELSEWHERE = QT_TRANSLATE_NOOP(
    "messages", "{number}: no patient's on this laptop: a number the laptop named gave, whose records are there")
MISREAD = QT_TRANSLATE_NOOP(
    "messages", "{number}: not a valid downtime number (its check digit does not match): re-read it. Read wrong, it "
                "may be {near}")


def number_status(db: Database, forms: dict[str, FormSpec], text: str) -> Phrase | None:
    """What a downtime number no search finds is: an admission withdrawn (entered in error; its
    band and sample labels were printed, and a scan of them found nobody, "any status", with
    no reason), a number reserved for a paper admission and not used yet, or no number at all,
    its check digit failing, with the patients' numbers it may be misread from (a digit copied
    by hand off a form in poor light said "0 patient(s) found", and the patient was admitted
    again under a second number), or another laptop's number told apart, as its barcode holds it
    (a band scanned said "0 patient(s) found for “DT777000050/deadbeef”"). None for anything else."""
    number, laptop = taken_apart(text)
    if parse_downtime_number(number) is None:
        return _misread(db, number)
    if laptop:
        return Phrase(ELSEWHERE, {"number": told_apart(number, laptop)})
    admissions = [spec.id for spec in forms.values() if spec.creates_patient]
    withdrawn = db.execute(
        "SELECT c.recorded_at, COALESCE(s.name, c.author), c.reason FROM patients p"
        " JOIN current_records c ON c.patient_id = p.patient_id LEFT JOIN staff s ON s.staff_id = c.author"
        f" WHERE p.downtime_number = ? AND c.status = ? AND c.form_id IN ({marks(admissions)})"
        " ORDER BY julianday(c.recorded_at) DESC LIMIT 1", [number, RecordStatus.ENTERED_IN_ERROR.value, *admissions]
    ).fetchone()
    if withdrawn is not None:
        at, by, reason = withdrawn
        return Phrase(WITHDRAWN, {"number": number, "when": _when(at), "by": by, "reason": reason or ""})
    reserved = db.execute(
        "SELECT r.reserved_at, COALESCE(s.name, r.reserved_by) FROM paper_numbers r"
        " LEFT JOIN staff s ON s.staff_id = r.reserved_by WHERE r.number = ?"
        " AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.downtime_number = r.number)", [number]).fetchone()
    if reserved is not None:
        at, by = reserved
        return Phrase(RESERVED, {"number": number, "when": _when(at), "by": by})
    return None


def _misread(db: Database, number: str) -> Phrase | None:
    """A downtime number's shape whose check digit fails, with the numbers given on this laptop
    it may be misread from (`misread_numbers`); None for any other text."""
    near = misread_numbers(number)
    if near is None:
        return None
    given = [found for (found,) in db.execute(
        f"SELECT downtime_number FROM patients WHERE downtime_number IN ({marks(near)}) ORDER BY downtime_number",
        near)]
    if given:
        return Phrase(MISREAD, {"number": number, "near": ", ".join(given)})
    return Phrase(NO_NUMBER, {"number": number})


def _when(at: str) -> str:
    """As the lists say a time (28/11 10:05), on this laptop's clock, the ward's, with its offset
    in the hour the clocks repeat (domain.clock.ward_time)."""
    return ward_time(datetime.fromisoformat(at), local_now().tzinfo)


def _amended(db: Database, forms: dict[str, FormSpec], patient_ids: list[str]) -> list[str]:
    """The patients with an admission amended since it was first saved, who alone may have an
    earlier name: read at each key typed, a summary of each of the 50 patients found doubled
    the search's time."""
    admissions = [spec.id for spec in forms.values() if spec.creates_patient]
    return [patient_id for part in chunks(patient_ids) for (patient_id,) in db.execute(
        f"SELECT DISTINCT patient_id FROM records WHERE version > 1 AND form_id IN ({marks(admissions)})"
        f" AND patient_id IN ({marks(part)})", [*admissions, *part])]


def _formerly(terms: list[str], present: list[_Terms], earlier: list[_EarlierName]) -> tuple[str | None, Phrase | None]:
    """The earlier names, and the names versions on hold give, matching the words the present
    names, birth date and numbers of the versions standing do not (a held version's IPP too)."""
    now = _index_words([found for found in present if not found.held])
    unmatched = [term for term in terms if not _matched(term, now)]
    shown = [name.shown for name in earlier
             if any(_matched(term, _index_words([_only_names(name.indexed)])) for term in unmatched)]
    held = [found.held for found in present
            if found.held and any(_matched(term, _index_words([found])) for term in unmatched)]
    return (", ".join(dict.fromkeys(shown)) or None,
            Phrase(HELD, {"name": ", ".join(dict.fromkeys(held))}) if held else None)


def _index_words(found: list[_Terms]) -> list[str]:
    """The words of the index line of these terms as the index's tokenizer reads them: accents
    folded, cut at anything but a letter or a digit."""
    return _WORD.findall(_fold(" ".join(_columns(found))).casefold())


def _matched(term: str, words: list[str]) -> bool:
    return any(word.startswith(term) for word in words)

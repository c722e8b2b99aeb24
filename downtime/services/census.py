"""The live census: who is in which bed, on one ward or the whole site, at any moment."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from typing import Any, Protocol

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.domain.duplicates import namesakes
from downtime.domain.census import (Location, Movement, MovementEvent, Stay, StayStatus, departure, locate, misplaced,
                                    overlap, stays)
from downtime.domain import elapsed
from downtime.domain.clock import DATED, ward_time
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import ChoiceField, Meaning, Text
from downtime.services.errors import ServiceError
from downtime.services.patients import PatientSummary, display_name, downtime_numbers, summarise
from downtime.services.wards import bed_ranges, ward_codes, wards
from downtime.storage.records import CHUNK, chunks, current_by_patient, current_of, list_current, marks

DOSE_FORM = "medication_administration"
DEATH_FORM = "death"
RATE_FORM = "infusion_rate"
"""Care at the bedside held to the stay here rather than by its form's `in_hospital`: its stop
is taken after a death (`laid_out`), its other changes only in the stay (services.infusion_rates)."""
RATE_STOPPED = ("change", "stopped")
"""The answer of a `RATE_FORM` record that the bag was taken down (services.infusion_rates, which
reads this module, STOPPED)."""
DEVICE_FORM = "device_check"
"""services.devices.FORM, whose removal at last offices a coroner's case keeps for the coroner."""
LAST_OFFICES: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    RATE_FORM: ((RATE_STOPPED[0], frozenset({RATE_STOPPED[1]})),),
    DOSE_FORM: (("outcome", frozenset({"not_given"})), ("previous_patch", frozenset({"removed", "not_found"}))),
    DEVICE_FORM: (("event", frozenset({"removed"})),), "transfusion_end": ()}
"""Care charted after a death while the body is laid out (`laid_out`), by form, with the answers
that make a record of it such care, each (none: any record): a bag's stop, a patch's removal (its
order's dose not given, previous patch removed, or not found on the skin: services.medication; a
new patch charted given lost the "not admitted" of a dose after the death), a
device's removal, a unit of blood's end, done at last offices. Refused as "not in hospital", a
cannula taken out at 13:20 of a death at 13:00, or a unit taken down then, was charted at a false
time or not at all, and a fentanyl patch on the body was charted removed by no one; a patch not
found at last offices was told "not admitted", where the one removed passed. A device's removal
of a death referred to the coroner is refused (`referred_to_coroner`, read by services.records)."""
CORONER = "referred_to_coroner"
"""The death form's answer that the death is referred to the coroner (France: an obstacle
médico-légal): the body keeps its lines, drains and devices for the coroner."""
FINDINGS_ASKED = 5
"""The death form's version that asks the verification's findings (services.records) and whether
an implanted device was dealt with (services.chart_alerts): a death first saved under an earlier
version, amended since (and so stamped with the later version), is amended and listed as it was."""


def at_last_offices(form_id: str, data: Mapping[str, Any]) -> bool:
    """Whether a record of `form_id` with answers `data` is care taken at last offices
    (`LAST_OFFICES`), let through after the death until the body leaves the ward."""
    return form_id in LAST_OFFICES and all(data.get(field) in answers for field, answers in LAST_OFFICES[form_id])


def first_saved_from(db: Database, record_ids: Collection[str], version: int) -> set[str]:
    """Those of these records whose version 1 was written under `version` of its form or a later
    one: an amendment is stamped with the version of the form it was made with (services.records),
    so only the first says what the form asked when the record was made."""
    return {row[0] for part in chunks(record_ids) for row in db.execute(
        f"SELECT record_id FROM records WHERE version = 1 AND form_version >= ? AND record_id IN ({marks(part)})",
        [version, *part])}


MOVED_IN = (Movement.ADMIT.value, Movement.TRANSFER.value)
"""The movements after which a patient is in hospital."""


# What the receiving ward's handover sheet gives of the move that brought a patient onto it: the
# transfer form's reason and handover notes (the charts it copies follow the patient and are on
# the sheet already).
TRANSFER_NOTE = ("reason", "handover_notes")


LEFT_WARD = "left_ward_at"
"""The death form's answer of when the body left the ward (see `_bodies`)."""
LEFT_WARD_ASKED = 2
"""The death form's version that first asks `LEFT_WARD`: a death recorded under an earlier one
held no bed, and holds none (the ward gave the bed to the next patient as it did then)."""


@dataclass(frozen=True)
class BodyOnWard:
    """A patient who died in a bed whose body has not left the ward: the bed is theirs still,
    "DECEASED — awaiting mortuary", though their stay ended at the death (no care is charted)."""

    patient: PatientSummary
    died_at: datetime
    unverified: bool = False
    """The death recorded with its verification pending (`VERIFICATION_PENDING`)."""


AWAITING_MORTUARY = QT_TRANSLATE_NOOP("messages", "DECEASED — awaiting mortuary: {name} ({number}), died {died}")
AWAITING_VERIFICATION = QT_TRANSLATE_NOOP("messages", "DECEASED — awaiting verification: {name} ({number}), "
                                                      "found {died}")
VERIFICATION_PENDING = "verification_pending"
"""The death form's answer (version 4) that the death, found on a round, is not verified yet: the
body waits for the doctor, and the bed with it, and the census said "awaiting mortuary"."""


def body_text(body: BodyOnWard, lang: Lang) -> str:
    """A bed held by a body, as the census's views say it, the death on the ward's clock (one typed
    on a laptop set to UTC read "died 28/11/2026 12:00" of a death at 13:00)."""
    return message(lang, AWAITING_VERIFICATION if body.unverified else AWAITING_MORTUARY,
                   name=body.patient.display_name, number=body.patient.downtime_number,
                   died=ward_time(body.died_at, None, DATED))


@dataclass(frozen=True)
class CensusRow:
    """One line of the census sheet: a bed with its patient, an empty bed, or a patient
    waiting without a bed. `transfer_note`: the `TRANSFER_NOTE` answers of the transfer that
    brought the patient onto the ward (`location.arrived`), for one who came from another.
    `body`: a bed with no patient, held by the body of one who died in it (see `_bodies`)."""

    ward: str
    bed: str | None
    patient: PatientSummary | None
    location: Location | None
    transfer_note: tuple[str, ...] = ()
    body: BodyOnWard | None = None


def field_value(spec: FormSpec, data: dict[str, Any], meaning: Meaning) -> str | None:
    """The answer of a form's field of this meaning as typed, stripped (None: no such field, or
    left empty): a movement's ward and bed, and a new admission's unsaved draft's (see
    drafts.waiting)."""
    field = spec.by_meaning(meaning)
    value = data.get(field.id) if field else None
    return str(value).strip() if value not in (None, "") else None


def _key(text: str | None) -> str:
    """Wards and beds compare as people type them: case and surrounding spaces ignored."""
    return (text or "").strip().casefold()


def event_of(spec: FormSpec, patient_id: str | None, record_id: str, data: dict[str, Any],
             occurred_at: datetime, entered_at: datetime) -> MovementEvent:
    assert spec.movement is not None
    return MovementEvent(str(patient_id), record_id, spec.movement, occurred_at, entered_at,
                         field_value(spec, data, Meaning.WARD), field_value(spec, data, Meaning.BED))


def _row_event(spec: FormSpec, row: dict[str, Any], entered_at: str) -> MovementEvent:
    return event_of(spec, row["patient_id"], row["record_id"], json.loads(row["data"]),
                    datetime.fromisoformat(row["occurred_at"]), datetime.fromisoformat(entered_at))


def _entered(db: Database, rows: Collection[dict[str, Any]]) -> dict[str, str]:
    """When each record version's record was first typed (its version 1's `recorded_at`),
    which orders movements of the same minute; a record whose version 1 is not in this
    database counts from its own version."""
    found = {row["record_id"]: row["recorded_at"] for row in rows}
    for part in chunks({row["record_id"] for row in rows if row["version"] != 1}):
        found.update(db.execute(f"SELECT record_id, recorded_at FROM records WHERE version = 1"
                                f" AND record_id IN ({marks(part)})", part).fetchall())
    return found


INDEX_COLUMNS = ("record_id, patient_id, movement, standing, occurred_at, entered_at, occurred_utc, entered_utc, ward,"
                 " bed, ward_key, bed_key")


def index_record(db: Database, spec: FormSpec, row: dict[str, Any]) -> None:
    """Put a newly written version of a movement record into the movement index (inside the
    write's transaction, so the index never disagrees with the records)."""
    index_records(db, [(spec, row)])


def index_records(db: Database, written: Iterable[tuple[FormSpec, dict[str, Any]]]) -> int:
    """`index_record` for many versions in one statement (an import writes thousands; a later
    version of a record replaces its line); returns how many were movement records."""
    lines = _index_lines(db, written)
    db.conn.executemany(f"INSERT OR REPLACE INTO movement_index ({INDEX_COLUMNS})"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines)
    _refresh_moved_in(db, {line[1] for line in lines})
    return len(lines)


def _refresh_moved_in(db: Database, patient_ids: Collection[str]) -> None:
    """patients_last_moved_in made to say again what movement_index says of these patients."""
    for part in chunks(patient_ids):
        db.execute(f"DELETE FROM patients_last_moved_in WHERE patient_id IN ({marks(part)})", part)
        db.execute("INSERT INTO patients_last_moved_in " + _last_moved_in(
            f"SELECT DISTINCT patient_id FROM movement_index WHERE patient_id IN ({marks(part)})"), [*part, *MOVED_IN])


def _last_moved_in(patients: str, until: str = "") -> str:
    """A query of those of `patients` (a query of patient_id, its parameters first, then those
    of `until`, then MOVED_IN) whose last standing movement (up to `until`) is in MOVED_IN: one
    step each down the movement_index_latest index."""
    return f"""
        SELECT w.patient_id FROM ({patients}) w
        WHERE (SELECT m.movement FROM movement_index m WHERE m.patient_id = w.patient_id AND m.standing = 1 {until}
               ORDER BY m.occurred_utc DESC, m.entered_utc DESC LIMIT 1) IN (?, ?)"""


def _index_lines(db: Database, written: Iterable[tuple[FormSpec, dict[str, Any]]]) -> list[list[Any]]:
    movements = [(spec, row) for spec, row in written if spec.movement is not None]
    entered = _entered(db, [row for _, row in movements])
    return [_index_line(spec, row, entered[row["record_id"]]) for spec, row in movements]


def _current_movements(db: Database, forms: dict[str, FormSpec]) -> Iterator[tuple[FormSpec, dict[str, Any]]]:
    """The current version of every movement record, which the index must hold one line each of."""
    for spec in forms.values():
        if spec.movement is not None:
            yield from ((spec, row) for row in db.query("SELECT * FROM current_records WHERE form_id = ?", [spec.id]))


def _index_line(spec: FormSpec, row: dict[str, Any], entered_at: str) -> list[Any]:
    event = _row_event(spec, row, entered_at)
    return [event.record_id, event.patient_id, event.movement.value,
            int(row["status"] != RecordStatus.ENTERED_IN_ERROR.value), row["occurred_at"], entered_at,
            _utc(event.occurred_at), _utc(event.entered_at), event.ward, event.bed, _key(event.ward), _key(event.bed)]


def rebuild_index(db: Database, forms: dict[str, FormSpec]) -> int:
    """Recreate the movement index from the records (a database from before the index, or
    after a restore); returns how many movement records it holds."""
    with db.atomic():
        db.execute("DELETE FROM movement_index")
        db.execute("DELETE FROM patients_last_moved_in")
        return index_records(db, _current_movements(db, forms))


def index_problem(db: Database, forms: dict[str, FormSpec]) -> str | None:
    """The first line of the movement index that is not what the records say, or None. The
    index is derived, so the audit chain does not cover it, yet the census trusts it: a line
    edited with plain SQL (a standing admission marked withdrawn) would take a patient off the
    ward's list. `downtime verify` reads it against the records."""
    stored = {tuple(row) for row in db.execute(f"SELECT {INDEX_COLUMNS} FROM movement_index")}
    expected = {tuple(line) for line in _index_lines(db, _current_movements(db, forms))}
    different = sorted({line[0] for line in stored ^ expected})
    if different:
        return f"the movement index disagrees with the records about {len(different)} record(s), first {different[0]}"
    moved_in = {row[0] for row in db.execute("SELECT patient_id FROM patients_last_moved_in")}
    if wrong := sorted(moved_in ^ {row[0] for row in db.execute(_last_moved_in(
            "SELECT DISTINCT patient_id FROM movement_index"), MOVED_IN)}):
        return (f"the patients in hospital by their last movement disagree with the movement index about"
                f" {len(wrong)} patient(s), first {wrong[0]}")
    return None


def ensure_index(db: Database, forms: dict[str, FormSpec]) -> None:
    """Rebuild the movement index when it does not hold one line per movement record."""
    movement_forms = [spec.id for spec in forms.values() if spec.movement is not None]
    expected = db.execute(f"SELECT COUNT(DISTINCT record_id) FROM records WHERE form_id IN ({marks(movement_forms)})",
                          movement_forms).fetchone()[0]
    if db.execute("SELECT COUNT(*) FROM movement_index").fetchone()[0] != expected:
        rebuild_index(db, forms)


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _maybe_in(db: Database, at: datetime | None, ward: str | None = None) -> set[str]:
    """Patients (ever placed on `ward`, if given) whose last standing movement up to `at`
    brings them in: the only ones who can be in hospital then, so a census reads hundreds of
    patients, not every patient of the month. Now, patients_last_moved_in holds them."""
    placed, params = "SELECT DISTINCT patient_id FROM movement_index WHERE standing = 1", []
    if ward is not None:
        placed, params = f"{placed} AND ward_key = ?", [_key(ward)]
    if at is None:
        query = "SELECT patient_id FROM patients_last_moved_in"
        if ward is not None:
            query = f"{query} WHERE patient_id IN ({placed})"
        return {row[0] for row in db.execute(query, params)}
    return {row[0] for row in db.execute(_last_moved_in(placed, "AND m.occurred_utc <= ?"),
                                         [*params, _utc(at), *MOVED_IN])}


def _event(row: dict[str, Any]) -> MovementEvent:
    return MovementEvent(row["patient_id"], row["record_id"], Movement(row["movement"]),
                         datetime.fromisoformat(row["occurred_at"]), datetime.fromisoformat(row["entered_at"]),
                         row["ward"], row["bed"])


def movement_events(db: Database, patient_ids: Collection[str] | None = None) -> dict[str, list[MovementEvent]]:
    """Every patient's (or these patients') standing movements; entered-in-error ones move
    nobody."""
    query = "SELECT * FROM movement_index WHERE standing = 1"
    if patient_ids is None:
        rows = db.query(query)
    else:
        rows = (row for part in chunks(patient_ids)
                for row in db.query(f"{query} AND patient_id IN ({marks(part)})", part))
    events: dict[str, list[MovementEvent]] = defaultdict(list)
    for row in rows:
        events[row["patient_id"]].append(_event(row))
    return events


def _placed(db: Database, ward: str, bed: str | None = None) -> set[str]:
    """Patients any standing movement ever put on that ward (or in that bed): the only ones who
    can be there at any moment."""
    query, params = "SELECT DISTINCT patient_id FROM movement_index WHERE standing = 1 AND ward_key = ?", [_key(ward)]
    if bed is not None:
        query, params = f"{query} AND bed_key = ?", [*params, _key(bed)]
    return {row[0] for row in db.execute(query, params).fetchall()}


Reach = tuple[str, str, str, str | None]
"""A bed (its ward's and its own key) a movement put its patient in, from the movement's time
until the patient's next movement at a later time (None: none yet), at UTC as the index says
them: the longest the stay that movement began in that bed can last (`reaches`)."""


def reaches(events: Iterable[MovementEvent]) -> list[Reach]:
    """The beds these standing movements (each patient's all) put their patients in, and for
    how long at most: a stay ends at the patient's next movement (domain.census.stays), and one
    minute's movements are not replayed here, so each of them reaches as far as the last could.
    What `placed_during` compares a bed's other patients with."""
    events = list(events)
    times: dict[str, list[datetime]] = defaultdict(list)
    for event in events:
        times[event.patient_id].append(event.occurred_at)
    for moments in times.values():
        moments.sort()
    found: list[Reach] = []
    for event in events:
        if event.movement.value in MOVED_IN and event.bed:
            moments = times[event.patient_id]
            later = bisect_right(moments, event.occurred_at)
            found.append((_key(event.ward), _key(event.bed), _utc(event.occurred_at),
                          _utc(moments[later]) if later < len(moments) else None))
    return found


_PLACED_DURING = """
    WITH mine(ward_key, bed_key, since_utc, until_utc) AS (VALUES {values})
    SELECT DISTINCT o.patient_id FROM mine JOIN movement_index o ON o.ward_key = mine.ward_key
        AND o.bed_key = mine.bed_key AND o.standing = 1 AND o.movement IN (?, ?)
    WHERE (mine.until_utc IS NULL OR o.occurred_utc < mine.until_utc)
        AND NOT EXISTS (SELECT 1 FROM movement_index n WHERE n.patient_id = o.patient_id AND n.standing = 1
                        AND n.occurred_utc > o.occurred_utc AND n.occurred_utc <= mine.since_utc)"""
"""`placed_during`'s query: an index line's reach ends after a reach's start when its patient
moved nowhere between them (one seek down movement_index_latest)."""


def placed_during(db: Database, reached: Sequence[Reach]) -> set[str]:
    """The patients a standing admission or move of the index put in one of these beds at a
    time that overlaps its reach (`reaches`, which each index line is read as too: from its
    time to its patient's next later movement, one seek each): the only patients whose stay
    there can overlap one that a reach's movement began. A bed of a month's records office
    was held by 170 patients in turn; those gone before, or come after, are not read, and
    those read are read from the beds' index alone (movement_index_place, m041)."""
    found: set[str] = set()
    step = CHUNK // 4  # four parameters a reach
    for start in range(0, len(reached), step):
        part = reached[start:start + step]
        query = _PLACED_DURING.format(values=", ".join(["(?, ?, ?, ?)"] * len(part)))
        found.update(row[0] for row in db.execute(query, [*(value for reach in part for value in reach), *MOVED_IN]))
    return found


def locations(db: Database, *, at: datetime | None = None,
              patient_ids: Collection[str] | None = None) -> dict[str, Location]:
    found = {}
    for patient_id, events in movement_events(db, patient_ids).items():
        if (location := locate(events, at)) is not None:
            found[patient_id] = location
    return found


def _summaries(db: Database, forms: dict[str, FormSpec],
               patient_ids: Collection[str] | None = None) -> dict[str, PatientSummary]:
    """Identity of every patient (or these) from their latest standing admission: the one they
    arrived by last. Taken in the order they were written, amending the first stay after a
    readmission gave back its old identity and allergies (the readmission's NIR, validated
    identity or newly found allergy gone from every screen, check and export)."""
    numbers = downtime_numbers(db, patient_ids)
    found: dict[str, PatientSummary] = {}
    for spec in (spec for spec in forms.values() if spec.creates_patient):
        for record in sorted(list_current(db, form_id=spec.id, patient_ids=patient_ids),
                             key=lambda admission: admission.occurred_at):
            if record.status is not RecordStatus.ENTERED_IN_ERROR and record.patient_id:
                found[record.patient_id] = summarise(spec, record, numbers[record.patient_id])
    return found


def display_names(db: Database, forms: dict[str, FormSpec]) -> dict[str, str]:
    """Every patient's name as their summary shows it (from the latest standing admission),
    read without building a record and a summary per patient: the records office sorts a
    hospital's 100,000 patients by name each time its back-entry list opens."""
    found: dict[str, str] = {}
    arrived: dict[str, datetime] = {}
    for spec in (spec for spec in forms.values() if spec.creates_patient):
        for row in db.query("SELECT patient_id, data, occurred_at FROM current_records WHERE form_id = ? AND status != ?"
                            " AND patient_id IS NOT NULL ORDER BY recorded_at",
                            [spec.id, RecordStatus.ENTERED_IN_ERROR.value]):
            at = datetime.fromisoformat(row["occurred_at"])
            if row["patient_id"] not in arrived or at >= arrived[row["patient_id"]]:
                arrived[row["patient_id"]] = at
                found[row["patient_id"]] = display_name(spec, json.loads(row["data"]))
    return found


def _in_hospital(db: Database, forms: dict[str, FormSpec], ward: str | None,
                 at: datetime | None) -> tuple[list[PatientSummary], dict[str, Location]]:
    where = locations(db, at=at, patient_ids=_maybe_in(db, at, ward))
    inside = {pid: loc for pid, loc in where.items()
              if loc.status is StayStatus.IN and (ward is None or _key(loc.ward) == _key(ward))}
    summaries = _summaries(db, forms, inside)
    patients = [replace(summaries[pid], ward=loc.ward, bed=loc.bed, stay=loc.status)
                for pid, loc in inside.items() if pid in summaries]
    return sorted(patients, key=lambda p: ((p.ward or "").casefold(), bed_order(p.bed), p.display_name)), inside


def in_patients(db: Database, forms: dict[str, FormSpec], ward: str | None = None,
                at: datetime | None = None) -> list[PatientSummary]:
    """Patients in hospital at `at` (default now), where the census puts them."""
    return _in_hospital(db, forms, ward, at)[0]


def check_ward_named(db: Database, forms: dict[str, FormSpec], ward: str) -> None:
    """A ward named by hand (the command line's --ward) that the site's wards do not hold and
    no patient is in is a slip: it printed an empty census and handover sheet, exit 0. A ward
    only patients give (admitted before the wards were set) stays a ward."""
    codes = ward_codes(db)
    if codes and ward.casefold() not in {code.casefold() for code in codes} and not in_patients(db, forms, ward):
        raise _unknown_ward(ward, codes)


def _unknown_ward(ward: str | None, codes: list[str]) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP("messages", "Unknown ward {ward}; wards: {wards}."), ward=repr(ward),
                        wards=", ".join(codes))


def name_alerts(patients: Iterable[PatientSummary]) -> dict[str, tuple[str, ...]]:
    """For each in-patient sharing a family name (birth or used) with another patient of their
    ward, the others' beds: the paper census's NAME ALERT, where a dose, a label or a transfer
    goes to the wrong one of Mrs Martin (née Lefèvre) in bed 2 and Mr Lefèvre in bed 5."""
    patients = list(patients)
    found = namesakes(patients, lambda patient: patient.family_names, place=lambda patient: _key(patient.ward),
                      person=lambda patient: patient.patient_id)
    return {patient.patient_id: tuple(sorted({other.bed or "—" for other in others}, key=bed_order))
            for patient, others in zip(patients, found) if others}


# The name alert, in the census's words: "SAME NAME: bed 31" beside the name on the patient list,
# the census sheet, the patient's screens and their printed chart; a tab too narrow for the beds
# says "SAME NAME", its tooltip the rest.
NAME_ALERT: dict[Lang, str] = {"en": "SAME NAME: bed {beds}", "fr": "MÊME NOM : lit {beds}"}
NAME_ALERT_SHORT: dict[Lang, str] = {"en": "SAME NAME", "fr": "MÊME NOM"}


def name_alert(beds: Sequence[str], lang: Lang, short: bool = False) -> str:
    """What a patient sharing a family name with others of their ward (`name_alerts`) reads by
    their name, naming the others' beds unless `short`; empty for one who shares it with none.
    Said the same on every screen and print: the MAR, its tab, the dose dialog and the printed
    chart said nothing, and both MAR tabs of Mr Martin in bed 12 and Mr Martin in bed 31 read
    "MAR — MARTIN Jean"."""
    if not beds:
        return ""
    return NAME_ALERT_SHORT[lang] if short else NAME_ALERT[lang].format(beds=", ".join(beds))


def with_namesakes(db: Database, forms: dict[str, FormSpec], patients: Sequence[PatientSummary]) -> list[PatientSummary]:
    """The patients, each in hospital with the beds of their ward's namesakes (`name_alerts`,
    each ward's in-patients read once), for a screen or a chart about them alone, which the
    patient list's alert never reached."""
    found: dict[str, tuple[str, ...]] = {}
    for ward in {patient.ward for patient in patients if patient.ward and patient.stay in (None, StayStatus.IN)}:
        found.update(name_alerts(in_patients(db, forms, ward)))
    return [replace(patient, namesakes=found.get(patient.patient_id, ())) for patient in patients]


class Bed(Protocol):
    """A line of a census's view (`CensusRow`, the Patients tab's row): its patient, or the body
    holding it."""

    @property
    def patient(self) -> PatientSummary | None: ...

    @property
    def body(self) -> BodyOnWard | None: ...


@dataclass(frozen=True)
class BedCounts:
    """A census's lines counted as its header says them: `occupied` by a patient, `empty`, and
    `held` by the body of a patient who died in the bed (awaiting the mortuary or the doctor's
    verification). A held bed was counted empty, "0 patient(s), 20 empty bed(s)" over a bed 12
    "DECEASED — awaiting mortuary", and the site manager reads the header to place an admission."""

    occupied: int
    empty: int
    held: int


HELD = QT_TRANSLATE_NOOP("messages", "{held} held (deceased)")
"""After a census header's empty beds, when a body holds a bed (`BedCounts.held`)."""


def bed_counts(rows: Iterable[Bed]) -> BedCounts:
    """How many of `rows` are occupied, empty and held by a body (`BedCounts`), one count for
    the printed census and the Patients tab alike."""
    lines = [(row.patient is not None, row.body is not None) for row in rows]
    occupied = sum(patient for patient, _ in lines)
    held = sum(body and not patient for patient, body in lines)
    return BedCounts(occupied, len(lines) - occupied - held, held)


def with_held(header: str, counts: BedCounts, lang: Lang) -> str:
    """A census `header` ("… 19 empty bed(s)") followed by its beds held by a body, when any:
    "…, 1 held (deceased)"."""
    return f"{header}, {message(lang, HELD, held=counts.held)}" if counts.held else header


def bed_order(bed: str | None) -> tuple[int, str]:
    text = (bed or "").strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    return (int(digits) if digits else 10**6, text.casefold())


def census(db: Database, forms: dict[str, FormSpec], ward: str | None = None,
           at: datetime | None = None) -> list[CensusRow]:
    """Every configured bed (occupied or empty), then patients without a configured bed."""
    patients, locs = _in_hospital(db, forms, ward, at)
    notes = _transfer_notes(db, locs.values())
    where = {(_key(p.ward), _key(p.bed)): p for p in patients}
    held = _bodies_held(db, forms, ward, at)

    def row(ward_code: str, bed: str | None, patient: PatientSummary | None) -> CensusRow:
        if patient is None:
            return CensusRow(ward_code, bed, None, None)
        return CensusRow(ward_code, bed, patient, locs.get(patient.patient_id), notes.get(patient.patient_id, ()))

    rows: list[CensusRow] = []
    placed: set[str] = set()
    for known in wards(db, ward):
        for bed in known.beds:
            patient = where.get((_key(known.ward), _key(bed)))
            if patient:
                placed.add(patient.patient_id)
            rows.append(replace(row(known.ward, bed, patient), body=held.pop((_key(known.ward), _key(bed)), None)))
    rows += [row(patient.ward or "", patient.bed, patient) for patient in patients if patient.patient_id not in placed]
    return rows + [CensusRow(body.patient.ward or "", body.patient.bed, None, None, body=body) for body in held.values()]


def _bodies_held(db: Database, forms: dict[str, FormSpec], ward: str | None,
                 at: datetime | None) -> dict[tuple[str, str], BodyOnWard]:
    """The beds (of `ward`, or of every ward) held at `at` (None: now) by the body of a patient
    who died in them (see `_bodies`), by ward and bed: deaths are few, and read all."""
    query, params = "SELECT DISTINCT patient_id FROM movement_index WHERE standing = 1 AND movement = ?", [
        Movement.DEATH.value]
    if ward is not None:
        query, params = (f"{query} AND patient_id IN (SELECT patient_id FROM movement_index WHERE standing = 1"
                         " AND ward_key = ?)", [*params, _key(ward)])
    if at is not None:
        query, params = f"{query} AND occurred_utc <= ?", [*params, _utc(at)]
    dead = movement_events(db, {row[0] for row in db.execute(query, params)})
    beds = {(place.ward or "", place.bed) for place in _bodies(db, dead).values()}
    around = {patient_id for ward_code, bed in beds for patient_id in _placed(db, ward_code, bed)} - set(dead)
    found = {patient_id: place for patient_id, place in _bodies(db, {**movement_events(db, around), **dead}).items()
             if (ward is None or _key(place.ward) == _key(ward)) and (at is None or place.since <= at)
             and (place.until is None or (at is not None and at < place.until))}
    summaries = _summaries(db, forms, found)
    unverified = {str(record.patient_id) for record in list_current(db, form_id=DEATH_FORM, patient_ids=list(found))
                  if record.status is not RecordStatus.ENTERED_IN_ERROR and record.data.get(VERIFICATION_PENDING)}
    return {(_key(place.ward), _key(place.bed)): BodyOnWard(replace(summaries[patient_id], ward=place.ward,
                                                                    bed=place.bed, stay=StayStatus.DECEASED),
                                                            place.since, patient_id in unverified)
            for patient_id, place in found.items() if patient_id in summaries}


def _bodies(db: Database, events: Mapping[str, list[MovementEvent]]) -> dict[str, Stay]:
    """The bed each of these patients died in, held by their body from the death until it left
    the ward (the death form's `LEFT_WARD`; `until` None: it has not), or until another of them
    came into it (`_until_next`): the census read the bed empty the minute the patient died, and
    a new admission was put in it while the body lay there. None for a patient who died in no
    bed, or whose death was recorded before the form asked it (`LEFT_WARD_ASKED`)."""
    deaths = {patient_id: (location, death) for patient_id, found in events.items()
              if (location := locate(found)) is not None and location.status is StayStatus.DECEASED and location.bed
              and (death := next((event for event in found if event.movement is Movement.DEATH
                                  and event.occurred_at == location.since), None)) is not None}
    records = current_of(db, [death.record_id for _, death in deaths.values()])
    return {patient_id: _until_next(Stay(patient_id, location.ward, location.bed, location.since,
                                         datetime.fromisoformat(left) if (left := records[death.record_id].data.get(
                                             LEFT_WARD)) else None), events)
            for patient_id, (location, death) in deaths.items()
            if death.record_id in records and records[death.record_id].form_version >= LEFT_WARD_ASKED}


def _until_next(body: Stay, events: Mapping[str, list[MovementEvent]]) -> Stay:
    """`body`'s bed held until its body left, or until another patient of `events` came into the
    bed after the death, whichever came first: one put in it (by another laptop's stick, or
    before the death form asked when the body left) says the body had gone, and the bed is
    theirs."""
    came = [stay.since for patient_id, found in events.items() if patient_id != body.patient_id
            for stay in stays(found) if stay.since >= body.since
            and (_key(stay.ward), _key(stay.bed)) == (_key(body.ward), _key(body.bed))]
    return replace(body, until=min([moment for moment in (body.until, *came) if moment is not None], default=None))


def _transfer_notes(db: Database, places: Iterable[Location]) -> dict[str, tuple[str, ...]]:
    """The `TRANSFER_NOTE` answers given of the transfer that brought each of these patients onto
    their ward, for those moved onto it from another (an admission while in moves them too, and
    says none)."""
    moves = {place.arrived.record_id: place.patient_id for place in places
             if place.came_from is not None and place.arrived.movement is Movement.TRANSFER}
    return {moves[record_id]: tuple(said for field in TRANSFER_NOTE
                                    if (said := str(move.data.get(field) or "").strip()))
            for record_id, move in current_of(db, list(moves)).items()}


def check_movement(db: Database, forms: dict[str, FormSpec], spec: FormSpec, row: dict[str, Any],
                   lang: Lang) -> None:
    """Refuse a version of a movement record (new, amended or entered in error) that cannot be
    true: the patient's timeline replayed with it must hold together and never put two patients
    in one bed. The three paths come here alike because each can move the patient: withdrawing
    a transfer puts them back in the bed they left. Only the timeline from the earliest moment
    the version touches is checked, as what came before it is unchanged. The ward and bed are
    checked against the configured ones only when typed (new or changed): an admission from
    before the administrator set the wards still takes an allergy found since."""
    event = _row_event(spec, row, _entered(db, [row])[row["record_id"]])
    own = movement_events(db, [event.patient_id]).get(event.patient_id, [])
    kept = [e for e in own if e.record_id != event.record_id]
    was = [(_key(e.ward), _key(e.bed)) for e in own if e.record_id == event.record_id]
    new = [event] if row["status"] != RecordStatus.ENTERED_IN_ERROR.value else []
    touched = [e.occurred_at for e in own if e.record_id == event.record_id] + [e.occurred_at for e in new]
    if not touched:
        return
    since, timeline = min(touched), [*kept, *new]
    _check_timeline(forms, timeline, event, since, lang)
    if (new and event.movement in (Movement.ADMIT, Movement.TRANSFER) and event.ward
            and was != [(_key(event.ward), _key(event.bed))]):
        _check_place(db, event)
    for stay in stays(timeline):
        if stay.bed and (stay.until is None or stay.until > since):
            _check_bed(db, forms, stay, moving=event.movement is Movement.TRANSFER,
                       placed=bool(new) and stay.since == event.occurred_at)
    typed = {event.record_id: json.loads(row["data"]).get(LEFT_WARD)} if new and event.movement is Movement.DEATH \
        else {}
    _check_care_inside(db, forms, spec, own, timeline, event.patient_id, since, lang, typed)


def _check_care_inside(db: Database, forms: dict[str, FormSpec], spec: FormSpec, before: list[MovementEvent],
                       timeline: list[MovementEvent], patient_id: str, since: datetime, lang: Lang,
                       left_typed: Mapping[str, str | None]) -> None:
    """Care taken at the bedside (a form's `in_hospital`: an observation set) is refused outside
    a stay when it is typed; a movement changed since (a discharge moved before the set, an
    arrival after it) must not leave one outside either, unsaid: it is named, to be corrected or
    withdrawn first. A dose is care too, though typed outside a stay it is only warned (its
    "not admitted" overridden with a reason): so what is refused is care the change moves out
    of the stay (`before`: the timeline without it), and a dose outside already does not stop
    the discharge's letter being ticked. Care at last offices (`at_last_offices`: an infusion's
    stop, a device's removal, a unit's end) is taken while the body is laid out (`_laid_out`, the
    death's departure read from `left_typed` when it is the version written): the time of death
    corrected to before a stop taken at last offices keeps it, where the controlled drug's stop
    had to be withdrawn; the body's departure moved before a stop charted is refused as the stop
    typed after it is. Only what is from `since` on can change."""
    held, had = stays(timeline), stays(before)
    for care in (form for form in forms.values() if form.in_hospital or form.id in (DOSE_FORM, RATE_FORM)):
        for record in list_current(db, form_id=care.id, patient_ids=[patient_id]):
            at = record.occurred_at
            if record.status is RecordStatus.ENTERED_IN_ERROR or at < since:
                continue
            stop = at_last_offices(care.id, record.data)
            if ((_within(held, at) or stop and _laid_out(db, timeline, at, left_typed))
                    or not (_within(had, at) or stop and _laid_out(db, before, at, {}))):
                continue
            if stop and spec.id == DEATH_FORM and _died(timeline, at) == _died(before, at):
                field = spec.field(LEFT_WARD)
                text = QT_TRANSLATE_NOOP("messages", "{field}: {form} of {time} would then be after the body left "
                                                     "the ward; correct or withdraw it first.")
            else:
                field = spec.by_meaning(Meaning.OCCURRED_AT)
                text = QT_TRANSLATE_NOOP("messages", "{field}: {form} of {time} would then fall outside "
                                                     "the patient's stay; correct or withdraw it first.")
            raise ServiceError(text, field=field.label.get(lang) if field is not None else spec.title.get(lang),
                               form=_care_name(db, care, record, lang), time=ward_time(at, None, DATED))


def _died(events: list[MovementEvent], at: datetime) -> datetime | None:
    """When the patient had died by `at` on the timeline `events` (None: not dead then)."""
    location = locate(events, at)
    return location.since if location is not None and location.status is StayStatus.DECEASED else None


def _within(held: list[Stay], at: datetime) -> bool:
    return any(stay.since <= at and (stay.until is None or at < stay.until) for stay in held)


def _care_name(db: Database, care: FormSpec, record: RecordVersion, lang: Lang) -> str:
    """A dose, or a rate change of its bag, is named with its medicine: "Medication administration
    of 08:05" left the nurse to find which of the morning's doses it was."""
    dose = current_of(db, [str(record.data["bag"])]).get(str(record.data["bag"])) if care.id == RATE_FORM else record
    order_id = str(dose.data.get("order")) if dose is not None and care.id in (DOSE_FORM, RATE_FORM) else None
    order = current_of(db, [order_id]).get(order_id) if order_id is not None else None
    return f"{care.title.get(lang)} ({order.data['drug']})" if order is not None else care.title.get(lang)


def _check_timeline(forms: dict[str, FormSpec], timeline: list[MovementEvent], event: MovementEvent,
                    since: datetime, lang: Lang) -> None:
    wrong = misplaced(timeline, since)
    if wrong is None:
        return
    if wrong is event and event.movement is Movement.ADMIT:
        before = locate([other for other in timeline if other is not event], event.occurred_at)
        if before is not None and before.status is StayStatus.DECEASED:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "This patient's death is recorded ({when}): no admission "
                                                             "follows it. If it was recorded for the wrong patient, "
                                                             "mark it entered in error first."),
                               when=ward_time(before.since, None, DATED))
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This patient is already admitted; record a transfer instead."))
    if wrong is event:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This patient is not in hospital at that time (not yet admitted, "
                                                         "or already discharged, deceased or transferred out)."))
    title = next(spec.title.get(lang) for spec in forms.values() if spec.movement is wrong.movement)
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "This conflicts with the patient's {record} of {when}: the patient "
                                                     "would not be in hospital then, or would be admitted twice. Correct "
                                                     "that record first, or mark it entered in error."),
                       record=title, when=ward_time(wrong.occurred_at, None, DATED))


def as_configured(db: Database, spec: FormSpec, values: dict[str, Any]) -> dict[str, Any]:
    """A movement's ward and bed written as the administrator configured them when typed in
    another case or with spaces around ("3b", " icu"): accepted as that ward, they were stored as
    typed, and the patient strip, the exports and the records office's merge read "icu" beside
    "ICU". A ward or bed configured nowhere is left as typed, for the checks to name it."""
    ward_field, bed_field = spec.by_meaning(Meaning.WARD), spec.by_meaning(Meaning.BED)
    ward = field_value(spec, values, Meaning.WARD)
    if ward_field is None or ward is None:
        return values
    code = next((code for code in ward_codes(db) if _key(code) == _key(ward)), None)
    if code is None:
        return values
    kept = {**values, ward_field.id: code}
    bed = field_value(spec, values, Meaning.BED)
    if bed_field is not None and bed is not None:
        (configured,) = wards(db, code)
        kept[bed_field.id] = next((known for known in configured.beds if _key(known) == _key(bed)), values[bed_field.id])
    return kept


def _check_place(db: Database, event: MovementEvent) -> None:
    """The ward and bed must be configured ones, when wards are configured at all."""
    codes = ward_codes(db)
    if not codes:
        return
    code = next((code for code in codes if code.casefold() == (event.ward or "").casefold()), None)
    if code is None:
        raise _unknown_ward(event.ward, codes)
    (match,) = wards(db, code)
    if event.bed and event.bed.casefold() not in {b.casefold() for b in match.beds}:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Ward {ward} has no bed {bed}; its beds: {beds}."), ward=match.ward,
                           bed=repr(event.bed), beds=bed_ranges(match.beds))


def _check_bed(db: Database, forms: dict[str, FormSpec], stay: Stay, moving: bool = False,
               placed: bool = False) -> None:
    """No other patient may hold the bed at any moment of the stay; only the patients ever
    placed in that bed are read. `moving`: a transfer is checked, whose refusal says how two
    patients swap beds (each transfer was refused with "move that patient first", refused the
    same way: the bed manager went round in a circle). `placed`: the stay begins with the
    movement typed (back-entered from paper); a patient in the bed now who came into it after
    that is not in the way: this patient's own next move, not typed yet, is (a night's paper
    typed in the next morning was told to move the patient lying there since)."""
    others = movement_events(db, _placed(db, stay.ward or "", stay.bed) - {stay.patient_id})
    bodies = [body for body in _bodies(db, others).values() if overlap(stay, body)]
    clashes = [other for events in others.values() for other in stays(events) if overlap(stay, other)] + bodies
    if not clashes:
        return
    taken = min(clashes, key=lambda other: other.since)
    who = _summaries(db, forms, [taken.patient_id]).get(taken.patient_id)
    name = f"{who.display_name} ({who.downtime_number})" if who else "?"
    if taken in bodies and taken.until is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bed {bed} of ward {ward}: {name} died in it at {since} and "
                                                         "the body has not left the ward; choose another bed, or "
                                                         "record on the death form when the body left."),
                           bed=stay.bed, ward=stay.ward, name=name, since=ward_time(taken.since, None, DATED))
    if placed and taken.until is None and taken.since > stay.since:
        said = (QT_TRANSLATE_NOOP("messages", "Bed {bed} of ward {ward}: {name} came into this bed at {since}, after "
                                              "this move: first record where this patient went before then, or check "
                                              "the time and the bed.") if moving else
                QT_TRANSLATE_NOOP("messages", "Bed {bed} of ward {ward}: {name} came into this bed at {since}, after "
                                              "this arrival: first record where this patient went before then, or "
                                              "check the time and the bed."))
        raise ServiceError(said, bed=stay.bed, ward=stay.ward, name=name, since=ward_time(taken.since, None, DATED))
    if taken.until is None:
        said = (QT_TRANSLATE_NOOP("messages", "Bed {bed} of ward {ward} is taken by {name} since {since}; choose "
                                              "another bed or move that patient first (to swap two patients' beds: "
                                              "move one to the ward with no bed, then each into the other's bed, all "
                                              "at the same time).") if moving else
                QT_TRANSLATE_NOOP("messages", "Bed {bed} of ward {ward} is taken by {name} since {since}; "
                                              "choose another bed or move that patient first."))
        raise ServiceError(said, bed=stay.bed, ward=stay.ward, name=name, since=ward_time(taken.since, None, DATED))
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bed {bed} of ward {ward} was taken by {name} from {since} to "
                                         "{until}; check the times, or choose another bed."),
                       bed=stay.bed, ward=stay.ward, name=name, since=ward_time(taken.since, None, DATED),
                       until=ward_time(taken.until, None, DATED))


def location_at(db: Database, patient_id: str, at: datetime | None = None) -> Location | None:
    return locate(movement_events(db, [patient_id]).get(patient_id, []), at)


def deaths(db: Database, patient_ids: Collection[str] | None) -> dict[str, datetime]:
    """When each of these patients (None: every one) died, for those whose standing death is
    recorded: care charted at last offices after it goes to the EHR as of the death or not at all
    (sync.fhir_transfusion, sync.fhir_devices), never dated after Patient.deceasedDateTime."""
    return {patient_id: location.since for patient_id, location in locations(db, patient_ids=patient_ids).items()
            if location.status is StayStatus.DECEASED}


# Where a patient leaving the hospital went, by the form that recorded their leaving.
LEFT_FOR = {"discharge": "destination", "transfer_out": "receiving_hospital"}


@dataclass(frozen=True)
class Departure:
    """How and when a patient out of hospital left it, and for where: the discharge's destination
    (a care home is not home) or the hospital a transfer out went to, as typed."""

    status: StayStatus
    at: datetime
    to: Text | None


def departures(db: Database, forms: dict[str, FormSpec], patient_ids: Collection[str]) -> dict[str, Departure]:
    """How each of these patients out of hospital now left it; those in hospital are left out."""
    left = {patient_id: (found, locate(events)) for patient_id, events in movement_events(db, patient_ids).items()
            if (found := departure(events)) is not None}
    movements = current_of(db, [event.record_id for event, _ in left.values()])
    return {patient_id: Departure(where.status, where.since, _left_for(forms, movements.get(event.record_id)))
            for patient_id, (event, where) in left.items() if where is not None}


def _left_for(forms: dict[str, FormSpec], record: RecordVersion | None) -> Text | None:
    """The destination chosen on a discharge, in both languages, or the hospital typed on a
    transfer out."""
    if record is None or (field_id := LEFT_FOR.get(record.form_id)) is None or not (value := record.data.get(field_id)):
        return None
    field = forms[record.form_id].field(field_id)
    if isinstance(field, ChoiceField):
        return next((option.label for option in field.options if option.code == value), None)
    return Text(en=str(value), fr=str(value))


def patient_with_location(db: Database, forms: dict[str, FormSpec], patient_id: str) -> PatientSummary:
    """One patient's identity and where they are now (the banner of every patient screen)."""
    summary = _summaries(db, forms, [patient_id]).get(patient_id)
    if summary is None:
        raise ServiceError(f"no standing admission for patient {patient_id}")
    location = location_at(db, patient_id)
    if location is None:
        return summary
    return replace(summary, ward=location.ward, bed=location.bed, stay=location.status)


def all_patients(db: Database, forms: dict[str, FormSpec],
                 patient_ids: Collection[str] | None = None) -> dict[str, PatientSummary]:
    """Every patient (or these) with a standing admission, where they are now, in one pass."""
    where = locations(db, patient_ids=patient_ids)
    return {pid: replace(summary, ward=loc.ward, bed=loc.bed, stay=loc.status) if (loc := where.get(pid)) else summary
            for pid, summary in _summaries(db, forms, patient_ids).items()}


def left_from(db: Database, forms: dict[str, FormSpec], patient_ids: Collection[str],
              ward: str | None) -> list[PatientSummary]:
    """Those of these patients out of hospital now who left it from `ward` (from any ward when
    None), where they left from and how (`stay`)."""
    return [patient for patient in all_patients(db, forms, patient_ids).values()
            if patient.stay not in (None, StayStatus.IN) and (ward is None or _key(patient.ward) == _key(ward))]


def moved_from(db: Database, patient_ids: Collection[str], ward: str) -> dict[str, datetime]:
    """Those of these patients in hospital now on another ward who were on `ward`, each with when
    their last stay on it began (a bed changed within it is no new stay): what was phoned to
    `ward` for them since is still `ward`'s to pass on. A critical result phoned to the ward the
    sample came from an hour after the patient moved on was on no list of it, and the ward now
    caring for them, on another laptop, never had it."""
    found = {}
    for patient_id, events in movement_events(db, patient_ids).items():
        where = locate(events)
        if where is None or where.status is not StayStatus.IN or _key(where.ward) == _key(ward):
            continue
        on_it, since = False, None
        for event in sorted(events, key=lambda event: (elapsed.instant(event.occurred_at), event.entered_at)):
            if event.movement.value in MOVED_IN:
                if _key(event.ward) == _key(ward) and not on_it:
                    since = event.occurred_at
                on_it = _key(event.ward) == _key(ward)
        if since is not None:
            found[patient_id] = since
    return found


def patient_for_record(db: Database, forms: dict[str, FormSpec], record: RecordVersion) -> PatientSummary:
    """Who a record is about, as its page header shows them: an admission shows the identity
    it holds itself (even once withdrawn), any other record the patient's standing identity or,
    their admission withdrawn too (a patient admitted twice by mistake), that of their latest
    admission: the record is kept, and must open and print, where it raised "no standing
    admission"."""
    spec = forms[record.form_id]
    patient_id = str(record.patient_id)
    if spec.creates_patient:
        return summarise(spec, record, downtime_numbers(db, [patient_id])[patient_id])
    if (standing := all_patients(db, forms, [patient_id]).get(patient_id)) is not None:
        return standing
    admissions = [admission for kind in forms.values() if kind.creates_patient
                  for admission in list_current(db, form_id=kind.id, patient_ids=[patient_id])]
    return patient_for_record(db, forms, max(admissions, key=lambda admission: admission.occurred_at))


def laid_out(db: Database, patient_id: str, at: datetime) -> bool:
    """Whether at `at` the patient had died and their body had not left the ward yet (the death
    form's `LEFT_WARD`, none typed: it has not, or the form did not ask it): a syringe driver
    running at the death is taken down at last offices, and its stop, refused as "not in
    hospital", was charted nowhere while the chart said "stop the bag" for ever."""
    return _laid_out(db, movement_events(db, [patient_id]).get(patient_id, []), at, {})


def devices_kept(db: Database, patient_id: str, at: datetime) -> str | None:
    """The death form's answer that keeps the lines and devices in of a patient who had died by
    `at` (None: none does): referred to the coroner (`CORONER`), who keeps them, or awaiting
    verification (`VERIFICATION_PENDING`), the doctor who verifies it perhaps referring it. A
    cannula was taken out of a coroner's case unremarked, and of a death found on a round at 03:40,
    before the doctor referred it at 08:15 (services.records)."""
    death = _death_by(movement_events(db, [patient_id]).get(patient_id, []), at)
    record = current_of(db, [death.record_id]).get(death.record_id) if death is not None else None
    return next((answer for answer in (CORONER, VERIFICATION_PENDING)
                 if record is not None and record.data.get(answer) is True), None)


def _death_by(events: list[MovementEvent], at: datetime) -> MovementEvent | None:
    """The death of the timeline `events` the patient had died by at `at` (None: alive then)."""
    died = _died(events, at)
    return next((event for event in events if event.movement is Movement.DEATH and event.occurred_at == died), None)


def _laid_out(db: Database, events: list[MovementEvent], at: datetime, left_typed: Mapping[str, str | None]) -> bool:
    """`laid_out` on the timeline `events`, the departure of a death in `left_typed` (its record
    id: the version being written, not stored yet) read from it rather than from its record."""
    death = _death_by(events, at)
    if death is None:
        return False
    if death.record_id in left_typed:
        left = left_typed[death.record_id]
    elif (record := current_of(db, [death.record_id]).get(death.record_id)) is not None:
        left = record.data.get(LEFT_WARD)
    else:
        return False
    return not left or at <= datetime.fromisoformat(left)


def require_in_hospital(db: Database, patient_id: str, at: datetime, field: str) -> Location:
    """For care taken at the bedside (a form's `in_hospital`): the patient must be admitted at
    that time, `field` (the form's time, named in the refusal)."""
    location = location_at(db, patient_id, at)
    if location is None or location.status is not StayStatus.IN:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{field}: this patient is not in hospital at that time (not yet "
                                                         "admitted, or gone): check the patient and the time."),
                           field=field)
    return location


ADMISSION_FORM = "admission"
BIRTH_DATE = "birth_date"
"""The admission form's field of the birth date (`births`)."""


def admissions(db: Database, patient_ids: Collection[str]) -> dict[str, list[RecordVersion]]:
    """Each of these patients' standing admissions, of every stay, the latest first."""
    return {patient_id: sorted((one for one in found if one.status is not RecordStatus.ENTERED_IN_ERROR),
                               key=lambda one: (elapsed.instant(one.occurred_at), one.recorded_at), reverse=True)
            for patient_id, found in current_by_patient(db, ADMISSION_FORM, patient_ids).items()}


def births(db: Database, patient_ids: Collection[str]) -> dict[str, date]:
    """Each of these patients' birth date, as their latest admission giving one says it, for those
    whose is known: a child's readings are read against her age band's (domain.transfusion.changed:
    an infant's normal systolic of 80 was read as a reaction on every set)."""
    return {patient_id: date.fromisoformat(str(born)) for patient_id, stays in admissions(db, patient_ids).items()
            if (born := next((one.data[BIRTH_DATE] for one in stays if one.data.get(BIRTH_DATE)), None))}

"""Loading the hospital's last known state onto a laptop before (or at the start of) an outage:
patients in their beds with allergies, active medication orders, theatre sessions and bookings.
Snapshots arrive as CSV files or a FHIR Bundle; both readers produce the items below, and one
writer loads them as ordinary records, checked by the same rules as typing them on the ward.

Every item carries the source's own key, from which, with the laptop's device id, the record id
is derived: importing the same snapshot again finds each record and adds nothing, and the
laptops that all loaded it merge side by side. The whole load is one transaction, so a refused
line leaves the laptop as it was."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Phrase, labelled, message, semicolon
from downtime.domain.clock import DATED, ward_time
from downtime.domain.duplicates import SAME_IPP, SAME_NAME_AND_BIRTH, SAME_NIR, fold
from downtime.domain.medication import TIME_WRITTEN_TWICE, same_dose_time, scheduled_slots
from downtime.domain.records import RecordVersion
from downtime.domain.staff import Action
from downtime.formspec import FormSpec
from downtime.formspec.schema import ChoiceField, Field, Meaning, MultiChoiceField, RepeatField, Text
from downtime.formspec.values import format_value, offered, relevant_values
from downtime.services import census, identity, medication, paper_numbers, records, snapshot_time
from downtime.services.context import Session
from downtime.services.errors import NotFound, ServiceError
from downtime.services.patients import PatientSummary
from downtime.storage import audit
from downtime.storage.records import RecordNotFound, as_version, current
from downtime.sync.outcome import ImportRefused, ImportResult, Progress, untold

SNAPSHOT_NAMESPACE = uuid.UUID("6d0f5d39-0b7e-4c0e-9a55-3e4c35a1c7a2")
PATIENT_FORM = "admission"


@dataclass(frozen=True)
class SnapshotItem:
    """One record to load. `where` names the file and line (or bundle entry) it came from, for
    error messages; `patient_key` is the source's key of the patient it is about; `refs` names
    the fields that hold another loaded record's id, by that record's kind and key (a booking's
    theatre session), since the id depends on the laptop that loads it. `notes`: what the reader
    made of a line that contradicts itself, said in the import's result for the ward to check
    (an allergy listed beside "no known allergies", loaded as listed)."""

    where: Phrase | str
    kind: str
    key: str
    form_id: str
    values: dict[str, Any]
    patient_key: str | None = None
    refs: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    notes: tuple[Phrase, ...] = ()
    as_of: datetime | None = None
    """The time the snapshot says its state is of (a FHIR Bundle's `timestamp`, a CSV snapshot's
    snapshot.csv): a loaded order's doses before it, or before its load if earlier, are on the EHR's
    chart (services.snapshot_time). Kept for an order loaded before without one too: loading the
    same extract again with its time is how a snapshot loaded without puts the doses due since
    back on the round."""


KIND_WORDS = {"patient": QT_TRANSLATE_NOOP("messages", "patient"), "order": QT_TRANSLATE_NOOP("messages", "order"),
              "session": QT_TRANSLATE_NOOP("messages", "session"), "booking": QT_TRANSLATE_NOOP("messages", "booking")}


_BRACKETED = re.compile(r"\s*\([^)]*\)\s*$")


def option_named(field: ChoiceField | MultiChoiceField, text: str) -> str | None:
    """The code of the option a snapshot's `text` names: its code as the form writes it, or, in
    any case, its code or its label in English or French, whole or without its bracketed
    abbreviation ("sc", "Subcutaneous" for "Subcutaneous (SC)"), as an EHR writes them. None
    when it names no option the form offers, or more than one. The CSV reader took the code alone,
    in its case ("SC" loaded, "sc" refused), where the FHIR reader took the labels too."""
    options = offered(field)
    if any(option.code == text for option in options):
        return text
    named = [option.code for option in options if text.strip().casefold() in {
        option.code.casefold(), *(label.casefold() for label in (option.label.en, option.label.fr)),
        *(_BRACKETED.sub("", label).casefold() for label in (option.label.en, option.label.fr))}]
    return named[0] if len(named) == 1 else None


def kind_said(kind: str) -> Phrase:
    """A kind of record in a refusal, in its reader's words ("patient 'P001' is also at…")."""
    return Phrase(KIND_WORDS[kind])


def record_id_for(device_id: str, kind: str, key: str) -> str:
    """Derived from the source's key, so that loading the same snapshot again on this laptop finds
    the record; and from the laptop, because every ward laptop loads the same snapshot as records
    of its own (its patient and downtime number, its author and time), which the records office
    imports and merges side by side: one id on two laptops would be one record with two contents."""
    return str(uuid.uuid5(SNAPSHOT_NAMESPACE, f"{device_id}:{kind}:{key}"))


def _record_id(session: Session, kind: str, key: str) -> str:
    return record_id_for(session.device.device_id, kind, key)


def _loaded(session: Session, item: SnapshotItem, kind: str, key: str) -> RecordVersion:
    """A record the item points to by its source key (its patient, a booking's session): loaded
    from this snapshot, earlier in it or before."""
    try:
        return current(session.db, _record_id(session, kind, key))
    except RecordNotFound:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {kind} {key!r} is not in this snapshot"),
                            where=item.where, kind=kind_said(kind), key=key) from None


def _patient_id(session: Session, item: SnapshotItem) -> str | None:
    return None if item.patient_key is None else _loaded(session, item, "patient", item.patient_key).patient_id


def _values(session: Session, item: SnapshotItem) -> dict[str, Any]:
    return {**item.values, **{name: _loaded(session, item, kind, key).record_id
                              for name, (kind, key) in item.refs.items()}}


def _as_loaded(session: Session, record_id: str) -> RecordVersion | None:
    """Version 1, as the snapshot loaded it: what a reload compares with, whatever the ward has
    amended since."""
    row = next(session.db.query("SELECT * FROM records WHERE record_id = ? AND version = 1", [record_id]), None)
    return None if row is None else as_version(row)


def _as_checked_now(session: Session, item: SnapshotItem, loaded: RecordVersion) -> dict[str, Any] | None:
    """What was loaded, as the file's line is checked today: a ward set up since (its code "3B"
    where the EHR wrote "3b") changes how a place is written, not what the line says, and the
    same file was refused as "loaded before with other content". None when what was loaded no
    longer passes the checks at all, which its line, unchanged, would not either."""
    try:
        return records.checked_values(session, item.form_id, loaded.data)
    except ServiceError:
        return None


def shortened(value: Any) -> str:
    """A value as a refusal quotes it: a long cell cut, so that the message stays readable."""
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _all_applies(session: Session, item: SnapshotItem, values: dict[str, Any]) -> None:
    """Refuse a value given to a question the line's other answers leave unasked: saving keeps the
    questions the form asks alone, and it was dropped without a word (an allergy listed with the
    status "no known allergies" left the patient with none). An empty column says nothing and
    is no loss."""
    spec = session.form(item.form_id)
    kept = relevant_values(spec, values)
    asked = spec.field_ids
    dropped = [name for name, value in values.items()
               if name in asked and name not in kept and value not in (None, "", [], {})]
    if dropped:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {field} {value!r} is given, but the other "
                                                          "answers leave that question unasked and it would be "
                                                          "dropped: correct the answer it depends on, or leave it "
                                                          "empty"),
                            where=item.where, field=dropped[0], value=shortened(values[dropped[0]]))


def _load_one(session: Session, item: SnapshotItem, to_check: list[Phrase]) -> bool:
    """True when the record was added, False when the same record was already there; what the
    ward should check of a record added is said in `to_check` (a patient who looks like one in
    hospital, a line that contradicts itself)."""
    record_id = _record_id(session, item.kind, item.key)
    loaded = _as_loaded(session, record_id)
    patient_id = _patient_id(session, item)
    values = _values(session, item)
    _all_applies(session, item, values)
    try:
        if loaded is None:
            if item.form_id == PATIENT_FORM:
                to_check += _not_in_hospital_already(session, item, values)
            records.save_imported(session, item.form_id, values, patient_id, record_id)
            if item.form_id == medication.ORDER_FORM and (said := _time_written_twice(session, values)):
                raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {problem}"), where=item.where, problem=said)
            if item.form_id == medication.ORDER_FORM and patient_id is not None and (already := medication.duplicate_orders(
                    session, values, patient_id, record_id, typed_on_ward=True)):
                to_check.append(Phrase(ORDERED_ALREADY, {"where": item.where, "said": already}))
            to_check += [note for note in item.notes if note not in to_check]  # one said of every order
            return True
        kept = records.checked_values(session, item.form_id, values)
    except ServiceError as problem:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {problem}"),
                            where=item.where, problem=problem) from None
    spec, before = session.form(item.form_id), _as_checked_now(session, item, loaded)
    moved = patient_id is not None and loaded.patient_id != patient_id
    if before is None or _unordered(spec, before) != _unordered(spec, kept) or moved:
        changes = [*_differences(spec, before or loaded.data, kept, session.lang),
                   *([message(session.lang, QT_TRANSLATE_NOOP("messages", "another patient: {key!r}"),
                              key=item.patient_key)] if moved else [])]
        if not changes:  # what was loaded no longer passes today's checks, its line unchanged
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {kind} {key!r} was loaded before with other "
                                                              "content; correct it in the app (a snapshot never changes "
                                                              "a record already loaded)"),
                                where=item.where, kind=kind_said(item.kind), key=item.key)
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {kind} {key!r} was loaded before with other content "
                                                          "({changes}); correct it in the app (a snapshot never changes "
                                                          "a record already loaded)"),
                            where=item.where, kind=kind_said(item.kind), key=item.key,
                            changes=semicolon(session.lang).join(changes))
    return False


@dataclass(frozen=True)
class _Label:
    """A form field's label, said in the language of whoever reads the refusal: taken in the
    session's when refused, the French read « Administration times »."""

    label: Text

    def text(self, lang: Lang) -> str:
        return self.label.get(lang)

    def __str__(self) -> str:
        return self.label.en


def _time_written_twice(session: Session, values: Mapping[str, Any]) -> Phrase | None:
    """The first time an order's times (checked by its form already) give twice: "08:00 08:00
    14:00" was loaded and printed so on the chart and the MAR. Only this of the ward's order
    form's rule (domain.medication.times_problem): times under 30 min apart (drops at 07:00 07:10
    07:20) or more than 24 a day are the prescriber's order as the EHR holds it, and refusing
    one such line refused the whole hospital's snapshot."""
    times = [time.fromisoformat(clock) for clock in str(values.get("times") or "").split()]
    twice = next((clock for number, clock in enumerate(times) if clock in times[:number]), None)
    return None if twice is None else Phrase(TIME_WRITTEN_TWICE, {
        "time": f"{twice:%H:%M}", "field": _Label(session.form(medication.ORDER_FORM).field("times").label)})


def _unordered(spec: FormSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values with each repeat's items in one order, their JSON's: a newer extract listing a
    patient's two allergies the other way round was refused as "other content", naming no change."""
    repeats = {field.id for field in spec.fields() if isinstance(field, RepeatField)}
    return {name: sorted(value, key=_as_json) if name in repeats and isinstance(value, list) else value
            for name, value in values.items()}


def _as_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _differences(spec: FormSpec, before: Mapping[str, Any], now: Mapping[str, Any], lang: Lang) -> list[str]:
    """What a line changed since it was loaded, field by field under its label in the reader's
    language, "old → new" as the app shows values ("—" for empty), a repeat's items (allergies)
    whole: "+" added, "−" gone, "~" changed (one gone and one added of a same first answer, the
    substance). The refusal said only "loaded before with other content", and the ward could not
    tell a new anaphylaxis the EHR recorded since from a respelt reason, nor IT which cell to look
    at. Repeats compare as `_unordered` does: items listed in another order are no change."""
    found, fields = [], {field.id: field for field in spec.fields()}
    before, now = _unordered(spec, before), _unordered(spec, now)
    for name in [*before, *(name for name in now if name not in before)]:
        old, new = before.get(name), now.get(name)
        if old == new:
            continue
        if (field := fields.get(name)) is None:
            found.append(labelled(name, f"{_cell(old)} → {_cell(new)}", lang))
        elif isinstance(field, RepeatField) and field.fields:
            found.append(labelled(field.label.get(lang), _items_changed(field, old or [], new or [], lang), lang))
        else:
            found.append(labelled(field.label.get(lang), f"{_shown(field, old, lang)} → {_shown(field, new, lang)}", lang))
    return found


def _shown(field: Field, value: Any, lang: Lang) -> str:
    return "—" if value in (None, "", []) else shortened(format_value(field, value, lang))


def _cell(value: Any) -> str:
    if value in (None, "", []):
        return "—"
    return shortened("|".join(map(str, value)) if isinstance(value, list) else value)


def _items_changed(repeat: RepeatField, before: list[dict[str, Any]], now: list[dict[str, Any]], lang: Lang) -> str:
    """Items compared whole, each as many times as listed: keyed by their substance alone, two
    allergy lines of one substance hid each other, and a change in either was named as none."""
    key, fields = repeat.fields[0].id, {field.id: field for field in repeat.fields}

    def item(found: dict[str, Any]) -> str:
        rest = ", ".join(_shown(fields[name], value, lang) if name in fields else str(value)
                         for name, value in found.items() if name != key and value not in (None, ""))
        return shortened(found.get(key)) + (f" ({rest})" if rest else "")

    def first(found: dict[str, Any]) -> str:
        return fold(str(found.get(key) or ""))

    old, new = Counter(map(_as_json, before)), Counter(map(_as_json, now))
    gone = [json.loads(text) for text in (old - new).elements()]
    added = [json.loads(text) for text in (new - old).elements()]
    changed = []
    for one in list(gone):
        if (other := next((found for found in added if first(found) == first(one)), None)) is not None:
            changed.append(f"~ {item(one)} → {item(other)}")
            gone.remove(one)
            added.remove(other)
    return ", ".join([*(f"+ {item(found)}" for found in added), *(f"− {item(found)}" for found in gone), *changed])


ORDERED_ALREADY = QT_TRANSLATE_NOOP("messages", "{where}: {said} Loaded as another order: ask the prescriber to stop "
                                                "one (the ward may have written it again while the EHR was down).")
"""An order of the snapshot beside a standing order of the same medicine (one the doctor typed on
the ward before the extract came, waiting for it): typed, the prescriber is asked "Already
ordered"; loaded, it stood beside the other without a word, and both doses were due on the round."""


TRUSTED_BEFORE = timedelta(days=1)
"""How long before its load a snapshot's time is taken without a question: an extract of the
night before, loaded in the morning. A wrong digit (18/11 for 28/11) put ten days of doses the EHR
gave back on the round as not recorded, without a word."""
LONG_BEFORE = QT_TRANSLATE_NOOP("messages", "The snapshot says its extract is of {time}, more than a day before this "
                                            "load ({now}): {doses} doses of {patients} patient(s), due since then, "
                                            "come back on the round as not recorded. Is that the extract's time "
                                            "(snapshot.csv, column taken_at; a FHIR bundle's timestamp)? If not, check "
                                            "those doses against the EHR's last printed chart.")
AFTER_LOAD = QT_TRANSLATE_NOOP("messages", "The snapshot says its extract is of {time}, after this load ({now}): the "
                                           "time given (snapshot.csv, column taken_at; a FHIR bundle's timestamp) or "
                                           "this laptop's clock is wrong. Check both; its orders' doses due before this "
                                           "load read “in the EHR (before downtime)”.")


def _time_questioned(session: Session, when: datetime, order_ids: list[str]) -> list[Phrase]:
    """A snapshot's time after its load, or long before it (`TRUSTED_BEFORE`), said with the doses
    it brings back on the round (`order_ids`: the orders given it by this load), CSV and FHIR alike."""
    now = session.clock()
    said = {"time": ward_time(when, now.tzinfo, DATED), "now": ward_time(now, now.tzinfo, DATED)}
    if when > now:
        return [Phrase(AFTER_LOAD, said)]
    if when >= now - TRUSTED_BEFORE or not order_ids:
        return []
    back: dict[str, int] = defaultdict(int)
    for order_id in order_ids:
        try:
            found = medication.order(session.db, order_id)
        except NotFound:  # loaded by an earlier load, entered in error since: none of its doses is due
            continue
        given = [dose.scheduled_for for dose in medication.administrations(session.db, found.patient_id)
                 if dose.order_id == order_id]
        back[found.patient_id] += sum(
            1 for slot in scheduled_slots(found, when.astimezone(now.tzinfo).date(), now.date(), now.tzinfo)
            if when <= slot < now and not any(same_dose_time(at, slot) for at in given))
    return [Phrase(LONG_BEFORE, {**said, "doses": sum(back.values()), "patients": sum(1 for n in back.values() if n)})]


def _not_in_hospital_already(session: Session, item: SnapshotItem, values: dict[str, Any]) -> list[Phrase]:
    """Refuse a patient the ward already has under a number of its own (admitted by hand at the
    outage's start, then found in the EHR's extract too): they were two patients on the census,
    each with a wristband and a medication chart, until the records office's merge. One found
    by their name and birthday alone (admitted without NIR or IPP, or a twin) is loaded, and
    said for the ward to check."""
    found = identity.in_hospital_alike(session.db, session.forms, session.form(PATIENT_FORM), values)
    for patient, reasons in found:
        if numbers := [why for why in reasons if why != SAME_NAME_AND_BIRTH]:
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {name}, born {born}, {number}, in {place}, is in "
                                                              "hospital with {why}: loaded again, one person would have "
                                                              "two downtime numbers, wristbands and medication charts. If "
                                                              "it is them, leave them out of the snapshot (the ward "
                                                              "has them already)."),
                                where=item.where, name=patient.display_name, born=patient.birth_date_in(session.lang),
                                number=patient.downtime_number, place=identity.place(patient), why=Phrase(numbers[0]))
    return [Phrase(SAME_PERSON, {"where": item.where, "name": patient.display_name,
                                 "born": patient.birth_date_in(session.lang), "number": patient.downtime_number,
                                 "place": identity.place(patient), "why": Phrase(SAME_NAME_AND_BIRTH)})
            for patient, _ in found]


SAME_PERSON = QT_TRANSLATE_NOOP("messages", "{where}: probably the same person as {name}, born {born}, {number}, in "
                                            "{place}, already in hospital ({why}); loaded as another patient, with a "
                                            "downtime number, wristband and medication chart of their own. Ask the "
                                            "ward: if they are one person, keep one admission and mark the other "
                                            "entered in error.")


def _one_person_once(session: Session, items: list[SnapshotItem]) -> None:
    """Refuse two patients of the snapshot with one NIR or IPP: the EHR's extract held one person
    twice (a merged record, a second stay left open), and they were loaded into two beds with
    two downtime numbers, wristbands and medication charts. Twins share a name and a birthday,
    never one of these numbers."""
    spec = session.form(PATIENT_FORM)
    fields = [(why, field.id) for why, meaning in ((SAME_NIR, Meaning.NIR), (SAME_IPP, Meaning.IPP))
              if (field := spec.by_meaning(meaning)) is not None]
    seen: dict[tuple[str, str], Phrase | str] = {}
    for item in items:
        if item.form_id != PATIENT_FORM:
            continue
        for why, field_id in fields:
            if not (value := str(item.values.get(field_id) or "")):
                continue
            first = seen.setdefault((why, fold(value)), item.where)
            if first != item.where:
                raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {why} ({value}) as {seen}: one person loaded "
                                                                  "twice would have two downtime numbers, wristbands and "
                                                                  "medication charts. Load them once, in the bed they are "
                                                                  "in."),
                                    where=item.where, why=Phrase(why), value=value, seen=first)


def _loaded_before(session: Session) -> set[str]:
    """The patients an earlier snapshot loaded on this laptop: their admission's first version is
    this laptop's, written by an import that read no other laptop's export (whose entries name
    the laptop it came `from`)."""
    rows = session.db.execute(
        "SELECT DISTINCT r.record_id FROM records r JOIN audit a ON a.entity = 'records' AND a.entity_id = r.id "
        "WHERE r.form_id = ? AND r.version = 1 AND r.device_id = ? AND a.action = 'record.import' "
        "AND json_extract(a.detail, '$.from') IS NULL", [PATIENT_FORM, session.device.device_id]).fetchall()
    return {row[0] for row in rows}


def _left_out(session: Session, items: list[SnapshotItem]) -> list[PatientSummary]:
    """Patients in hospital whom an earlier snapshot loaded and this one leaves out: discharged or
    moved in the EHR since, most likely, and still in their bed on this laptop."""
    here = {_record_id(session, item.kind, item.key) for item in items if item.form_id == PATIENT_FORM}
    earlier = {version.patient_id for record_id in _loaded_before(session) - here
               if (version := _as_loaded(session, record_id)) is not None}
    return [patient for patient in census.in_patients(session.db, session.forms) if patient.patient_id in earlier]


LEFT_OUT = QT_TRANSLATE_NOOP("messages", "{problem}\nNot in this snapshot, loaded from an earlier one: {patients}. "
                                         "Discharged or moved in the EHR? Record their discharge or transfer on this "
                                         "laptop first, then load this snapshot again (a snapshot never discharges "
                                         "anyone).")
LEFT_OUT_LOADED = QT_TRANSLATE_NOOP("messages", "Not in this snapshot, loaded from an earlier one: {patients}. "
                                                "Discharged or moved in the EHR? Record their discharge or transfer "
                                                "on this laptop.")


def _named(patients: list[PatientSummary]) -> str:
    """Patients as a snapshot's words name them: enough to find each on the census."""
    return "; ".join(f"{patient.display_name} ({patient.downtime_number}, {identity.place(patient)})"
                     for patient in patients)


def _left_out_said(session: Session, items: list[SnapshotItem]) -> list[Phrase]:
    """The patients an earlier snapshot loaded that this one, loaded, leaves out: the EHR
    discharged or moved them, and the ward kept them in their beds without a word, their
    medication chart still running. A snapshot of no patient (theatre bookings alone) says
    nothing of who is on the ward."""
    if not any(item.form_id == PATIENT_FORM for item in items) or not (left := _left_out(session, items)):
        return []
    return [Phrase(LEFT_OUT_LOADED, {"patients": _named(left)})]


def _load_one_saying_left_out(session: Session, item: SnapshotItem, items: list[SnapshotItem],
                              to_check: list[Phrase]) -> bool:
    """`_load_one`, whose refusal of a patient's line also names the patients an earlier snapshot
    loaded and this one leaves out: the EHR discharged them and gave their bed to another, and the
    laptop, still holding them in it, refused the newer snapshot whole without saying who to
    discharge first."""
    try:
        return _load_one(session, item, to_check)
    except ImportRefused as refused:
        if item.form_id != PATIENT_FORM or not (left := _left_out(session, items)):
            raise
        raise ImportRefused(LEFT_OUT, problem=refused, patients=_named(left)) from None


def load_snapshot(session: Session, items: list[SnapshotItem], source: str,
                  progress: Progress = untold) -> ImportResult:
    session.require(Action.IMPORT_DATA)
    seen: dict[tuple[str, str], Phrase | str] = {}
    for item in items:
        if (item.kind, item.key) in seen:
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {kind} {key!r} is also at {seen}"),
                                where=item.where, kind=kind_said(item.kind), key=item.key, seen=seen[item.kind, item.key])
        seen[item.kind, item.key] = item.where
    _one_person_once(session, items)
    added: dict[str, int] = {}
    unchanged: dict[str, int] = {}
    to_check: list[Phrase] = []
    as_of: dict[datetime, list[str]] = defaultdict(list)
    with session.db.atomic():
        for number, item in enumerate(items, start=1):
            if _load_one_saying_left_out(session, item, items, to_check):
                added[item.kind] = added.get(item.kind, 0) + 1
            else:
                unchanged[item.kind] = unchanged.get(item.kind, 0) + 1
            if item.as_of is not None and item.kind == "order":  # the doses it bounds are an order's
                as_of[item.as_of].append(_record_id(session, item.kind, item.key))
            if number % 200 == 0:
                progress(number, len(items))
        for when, record_ids in as_of.items():
            to_check += _time_questioned(session, when, snapshot_time.keep(session, record_ids, when))
        to_check += _left_out_said(session, items)
        paper_numbers.keep_highest(session.db)
        audit.append(session.db, at=session.clock(), actor=session.user.staff_id,
                     device_id=session.device.device_id, action="import",
                     detail={"kind": "snapshot", "source": source, "added": added, "unchanged": unchanged})
    progress(len(items), len(items))
    return ImportResult("snapshot", added, unchanged, to_check=tuple(to_check))

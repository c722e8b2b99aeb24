"""Loading laptops' exports (or a merge of them) into the records office's database, where the
back-entry worklist is worked, or onto a ward laptop (a patient's records carried with them).
Record versions keep their ids, authors, devices and times; the import itself is one audited
transaction, so a refused file leaves the database as it was, and importing the same export
twice adds nothing.

A version that differs from the one here (the record was carried here and amended on both
laptops), and every later version of that record, is not refused but put on hold, in
`held_versions`, with a merge's held versions (see domain.holds): the rest of the import is
taken, and the hold is named in the result. On a ward laptop the record stands as this laptop
wrote it, and the staff are told, by name, that another laptop wrote it otherwise; refusing the
whole stick instead would keep every other record of a moved patient (orders, doses given)
off the ward caring for them.

A settlement of a hold made at another office (the ward said which version is right, see
services.holds) is taken where it means the same here: the version it left standing stands here
too (a version it wrote, amending the record to the chosen one, follows the version here rather
than going on hold), and it saw every version of the record here from the one it settled from.
Anywhere else the record stays on hold, for this office to settle."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import orjson
from pydantic import ValidationError
from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Listed, Phrase, Said
from downtime.domain.census import Location, StayStatus, leaves_hospital
from downtime.domain.laptops import Laptop, laptop_name
from downtime.domain.holds import HeldVersion, SettledOtherwise, Settlement, SettlementNotTaken
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Action
from downtime.formspec import FormSpec, Lang
from downtime.formspec.schema import RecordRefField, Text
from downtime.services import census, identity, records, search, settings, theatre
from downtime.services.back_entry import (
    AFTER_LEAVING, AS_REQUIRED_TWICE, ORDER_STOPPED, SAME_DOSE, Conflict, conflicts_among, duplicates_of, hold_of,
    missing_here, place_key, shared_numbers, tally,
)
from downtime.services.context import Session
from downtime.services.laptops import authors as authors_here, laptops_known
from downtime.services.medication import chart_labels
from downtime.services.patients import PatientSummary
from downtime.services.records import THEATRE_FORMS
from downtime.storage import audit
from downtime.storage.laptops import remember
from downtime.storage.records import chunks, held_from, holds, list_current, marks
from downtime.sync.export import NOT_AS_EXPORTED, verify_export
from downtime.sync.merge import later_forms, not_exported, sources_of
from downtime.sync.outcome import (
    HELD, WITHDRAWN_ALIKE, BedShared, DatedAfterLeaving, DoseToCheck, ImportRefused, ImportResult, Progress, untold,
)
from downtime.sync.versions import (
    HELD_FILE, PATIENT_COLUMNS, PATIENTS_FILE, RECORD_COLUMNS, RECORDS_FILE, SETTLEMENT_COLUMNS, count_lines, digest,
    WITHDRAWN_ALIKE_FILE, line, lines_of, one_hold, read_lines, settlements_in, version_digest, withdraws,
)

BATCH = 5000
T = TypeVar("T")


def _already(session: Session, table: str, column: str, values: set[Any]) -> list[dict[str, Any]]:
    """Rows of `table` whose `column` is one of `values`: what the import already finds here,
    read in a few queries rather than one per line."""
    return [row for part in chunks(values) for row in session.db.query(
        f"SELECT * FROM {table} WHERE {column} IN ({marks(part)})", part)]


def _check_record(session: Session, where: Phrase, row: dict[str, Any], patients: set[str]) -> tuple[FormSpec, set[str]]:
    """The record's form and the records it points to (a dose's order, a cancellation's
    booking), once the line (`where`: its file and number) is one this database can take."""
    spec = session.forms.get(row["form_id"])
    if spec is None:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: form {form!r} is not known to this version of Downtime"),
                            where=where, form=row['form_id'])
    if row["patient_id"] is not None and row["patient_id"] not in patients:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: patient {patient} is in neither the export nor this database"),
                            where=where, patient=row['patient_id'])
    try:
        data = orjson.loads(row["data"])
    except (TypeError, ValueError):
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: field data is not JSON"),
                            where=where) from None
    # Read as the lists and forms will read it: records are append-only, so a version they
    # cannot read (answers that are not an object, an unknown status, a time without its
    # offset) would break the Back-entry tab at every opening, with no way to take it out.
    try:
        RecordVersion.model_validate({**row, "data": data})
    except ValidationError as problem:
        column = str(problem.errors()[0]["loc"][0])
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: column {column} holds {value!r}, which a record "
                                                          "version cannot hold"),
                            where=where, column=column, value=row[column]) from None
    return spec, {str(data[field.id]) for field in spec.fields() if isinstance(field, RecordRefField) and data.get(field.id)}


def import_export(session: Session, folder: Path, progress: Progress = untold,
                  shared_device_number: bool = False) -> ImportResult:
    """The export's patients, then its record versions read and written a batch at a time (a
    hospital's merge is a million lines: held at once, they took 4 GB). Each batch is checked
    against this database, which by then holds the batches before it, inside the one
    transaction: a refused line leaves the database as it was. `shared_device_number`: the
    clerk's word that two laptops were set up with one device number, to take both laptops'
    patients under their one number (see `_number_given`)."""
    session.require(Action.IMPORT_DATA)
    problems = verify_export(folder)
    if problems:
        raise ImportRefused(NOT_AS_EXPORTED, problems=Listed(tuple(problems), between="\n"))
    patients = read_lines(folder / PATIENTS_FILE, PATIENT_COLUMNS)
    now = session.clock()
    added = {"patients": 0, "records": 0}
    unchanged = {"patients": 0, "records": 0}
    files = [name for name in (RECORDS_FILE, HELD_FILE, WITHDRAWN_ALIKE_FILE)
             if name == RECORDS_FILE or (folder / name).exists()]
    settlements = settlements_in(folder)
    total = len(patients) + sum(count_lines(folder / name) for name in files)
    touched: set[str] = set()
    db = session.db
    who = {"at": now, "actor": session.user.staff_id, "device_id": session.device.device_id}
    new_patients: list[dict[str, Any]] = []

    def write(rows: list[dict[str, Any]]) -> None:
        audit.insert_many_audited(db, "records", rows, [
            {"record_id": row["record_id"], "version": row["version"], "from": row["device_id"]} for row in rows],
            action="record.import", **who)
        census.index_records(db, ((session.forms[row["form_id"]], row) for row in rows))
        added["records"] += len(rows)

    def hold(rows: list[dict[str, Any]]) -> None:
        audit.insert_many_audited(db, "held_versions", rows, [
            {"record_id": row["record_id"], "version": row["version"], "from": row["device_id"]} for row in rows],
            action="record.hold", **who)
        if rows:  # counted apart: not among the record versions added, they were said nowhere
            added[HELD] = added.get(HELD, 0) + len(rows)

    with db.atomic():
        here = {row["patient_id"]: row for row in _already(session, "patients", "patient_id",
                                                           {row["patient_id"] for row in patients})}
        given: dict[str, list[str]] = {}  # the device ids of the laptops that gave each number here
        first_line: dict[str, int] = {}  # each number this import brings first, by its line
        for row in _already(session, "patients", "downtime_number", {row["downtime_number"] for row in patients}):
            given.setdefault(row["downtime_number"], []).append(row["device_id"])
        for number, row in enumerate(patients, start=1):
            stored = here.get(row["patient_id"])
            if stored is None and row["downtime_number"] in given:
                _number_given(number, row, given[row["downtime_number"]], shared_device_number,
                              first_line.get(row["downtime_number"]))
            if stored is not None:
                if stored != row:
                    raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{file}, line {number}: patient {patient} differs from the one already "
                                                                             "imported"),
                                        file=PATIENTS_FILE, number=number, patient=row['downtime_number'])
                unchanged["patients"] += 1
                continue
            new_patients.append(row)
            here[row["patient_id"]] = row
            if row["downtime_number"] not in given:
                first_line[row["downtime_number"]] = number
            given.setdefault(row["downtime_number"], []).append(row["device_id"])
        audit.insert_many_audited(db, "patients", new_patients,
                                  [{"downtime_number": row["downtime_number"], "from": row["device_id"]}
                                   for row in new_patients], action="patient.import", **who)
        added["patients"] = len(new_patients)
        known_patients = {row["patient_id"] for row in patients}
        charted = {row[0] for row in db.execute("SELECT DISTINCT patient_id FROM records WHERE device_id = ? AND patient_id IS NOT NULL",
                                                [session.device.device_id])}
        placed = census.locations(db, patient_ids=charted) if charted else {}  # to tell a place changed silently
        taken = {row["id"] for row in _already(session, "hold_settlements", "id", set(settlements))}
        settlements = {settled_id: found for settled_id, found in settlements.items() if settled_id not in taken}
        imported = _imported(db, settlements)
        disputed = _disputed(db, settlements, imported)
        # A disputed settlement's amendment does not follow here: set aside, the record is on hold.
        left_standing = {found["standing_id"] for settled_id, found in settlements.items() if settled_id not in disputed}
        done = 0
        held_from: dict[str, int] = {}  # each record on hold here, from which version
        held: set[str] = set()  # the digests of the versions on hold here
        held_keys: set[tuple[str, int]] = set()  # and their (record, version)
        newly_held: set[str] = set()  # the records this import put versions on hold of
        booked: set[str] = set()  # the sessions and operations whose record, cancellation or rebooking is new here
        left: dict[str, str] = {}  # the deaths, discharges and transfers out new here: their patients by record id
        dosing: dict[str, str] = {}  # the doses and orders new here, likewise
        moved: set[str] = set()  # the patients an admission or move new here placed
        new_moves: set[str] = set()  # the admissions and moves whose version 1 this import brought
        withdrawn: set[str] = set()  # the records a withdrawal new here withdrew
        # (line, record, record it points to) not found yet: the target may come later in the
        # file (a merge orders by the laptops' clocks), so only what is missing at the end is refused.
        pointing: list[tuple[int, str, str]] = []
        for versions in _batches(_version_lines(folder, files)):
            known_patients |= {row["patient_id"] for row in _already(
                session, "patients", "patient_id", {row["patient_id"] for _, _, row in versions} - known_patients - {None})}
            ids = {row["record_id"] for _, _, row in versions}
            stored_versions = _already(session, "records", "record_id", ids)
            # By version id, whichever record holds it here: a line's id stored under another
            # record (an export changed by hand) was refused by the database, not by its line.
            by_id = {row["id"]: row for row in [*stored_versions, *_already(
                session, "records", "id", {row["id"] for _, _, row in versions} - {row["id"] for row in stored_versions})]}
            by_version = {(row["record_id"], row["version"]): row for row in stored_versions}
            for row in _already(session, "held_versions", "record_id", ids):
                held.add(row["digest"])
                held_keys.add((row["record_id"], row["version"]))
                held_from[row["record_id"]] = min(row["version"], held_from.get(row["record_id"], row["version"]))
            batch, aside = [], []
            for name, number, row in versions:
                done += 1
                where = Phrase(QT_TRANSLATE_NOOP("messages", "{file}, line {number}"), {"file": name, "number": number})
                spec, targets = _check_record(session, where, row, known_patients)
                key = (row["record_id"], row["version"])
                same_id = by_id.get(row["id"])
                if same_id is not None and (same_id["record_id"], same_id["version"]) != key:
                    _refuse_same_id(session, folder, files, where, row, spec)
                stored = by_version.get(key)
                if stored is not None and {column: stored[column] for column in RECORD_COLUMNS} == row:
                    unchanged["records"] += 1
                    continue
                if stored is not None and _withdrawn_alike(row, stored, by_version):
                    counts = unchanged if _kept_aside(db, row["id"]) else added
                    if counts is added:
                        audit.append(db, **who, action=WITHDRAWN_ALIKE_ACTION, entity="records", entity_id=row["id"],
                                     detail=row)
                    counts[WITHDRAWN_ALIKE] = counts.get(WITHDRAWN_ALIKE, 0) + 1
                    continue
                # The version a settlement brought here left standing follows the version here
                # (it may be another laptop's side: the settlement says which is right), or is
                # the first of a record held whole.
                adopted = stored is None and row["id"] in left_standing and (
                    key[1] == 1 or (key[0], key[1] - 1) in by_version)
                if not adopted and (stored is not None or name == HELD_FILE
                                    or row["version"] >= held_from.get(row["record_id"], key[1] + 1)):
                    fingerprint = digest(line(row))
                    if fingerprint in held:
                        unchanged["records"] += 1
                        continue
                    # Another laptop's side, held on the laptop whose later stick this is, with
                    # this record's earlier versions on an earlier stick: taken alone, it was a
                    # hold with one side and no record (a dose without its order broke the list).
                    if row["version"] > 1 and (row["record_id"], row["version"] - 1) not in by_version.keys() | held_keys:
                        _arrives_alone(name, number, row)
                    held.add(fingerprint)
                    held_keys.add(key)
                    held_from[row["record_id"]] = min(row["version"], held_from.get(row["record_id"], row["version"]))
                    newly_held.add(row["record_id"])
                    if spec.creates_patient and row["patient_id"]:  # searched by every laptop's side
                        touched.add(row["patient_id"])
                    aside.append({"digest": fingerprint, **row})
                    continue
                if row["version"] > 1 and (row["record_id"], row["version"] - 1) not in by_version:
                    _arrives_alone(name, number, row)
                by_id[row["id"]] = by_version[key] = row
                batch.append(row)
                pointing += [(number, row["record_id"], target) for target in targets]
                if row["form_id"] in THEATRE_FORMS:
                    booked.add(orjson.loads(row["data"])["booking"] if row["form_id"] in theatre.EVENT_FORMS
                               else row["record_id"])
                elif row["form_id"] == theatre.CHECKLIST_FORM and (named := orjson.loads(row["data"]).get("booking")):
                    booked.add(named)  # its time out read against the booking's side (theatre.contradictions)
                if spec.creates_patient and row["patient_id"]:
                    touched.add(row["patient_id"])
                if spec.movement is not None and leaves_hospital(spec.movement) and row["patient_id"]:
                    left[row["record_id"]] = row["patient_id"]
                elif spec.movement is not None and row["patient_id"]:
                    moved.add(row["patient_id"])
                    if row["version"] == 1:
                        new_moves.add(row["record_id"])
                if row["form_id"] in (census.DOSE_FORM, records.ORDER_FORM) and row["patient_id"]:
                    dosing[row["record_id"]] = row["patient_id"]
                if row["status"] == RecordStatus.ENTERED_IN_ERROR.value:
                    withdrawn.add(row["record_id"])
            write(batch)
            hold(aside)
            pointing = _still_missing(session, pointing)
            progress(len(patients) + done, total)
        if pointing:
            first, record_id, target = pointing[0]
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{file}, line {line}: record {record} points to record "
                                                              "{target}, which is in neither the export nor this "
                                                              "database; import the earlier export first"),
                                file=RECORDS_FILE, line=first, record=record_id, target=target)
        sources = sources_of(folder)
        remember(db, sources, **who)
        missing = missing_here(db)
        rivals = _settled_here(db, {settled_id: found for settled_id, found in settlements.items()
                                    if settled_id not in disputed}, imported)
        # Another office that chose the version this office chose, writing its own amendment to
        # it, agrees: its settlement is taken, as it covers that amendment, held here beside this
        # office's (covered by nothing, it put the record on hold again, to settle a third time).
        alike = {settled_id for settled_id, rival in rivals.items()
                 if (rival is None or rival.agrees) and _held_here(db, settlements[settled_id]["standing_id"])}
        unmet = {settled_id: None if settled_id in alike else _unmet(db, found, [
                     other for other in settlements.values()
                     if other["chosen_id"] == found["chosen_id"] and one_hold(found, other)])
                 for settled_id, found in settlements.items() if settled_id not in rivals or settled_id in alike}
        if applied := [settlements[settled_id] for settled_id, why in unmet.items() if why is None]:
            audit.insert_many_audited(db, "hold_settlements", [
                {column: found[column] for column in SETTLEMENT_COLUMNS if column != "standing_id"} for found in applied],
                [{"record_id": found["record_id"], "chosen_version": found["chosen_version"],
                  "standing_version": found["standing_version"], "reason": found["reason"],
                  "settled_by": found["settled_by"]} for found in applied], action="hold.settled.import", **who)
            added["settlements"] = len(applied)
            touched |= _admitted(db, session.forms, {found["record_id"] for found in applied})
        search.refresh_many(db, session.forms, touched)
        brought = holds(db, newly_held)
        said = {**_not_taken(db, {settled_id: (settlements[settled_id], why) for settled_id, why in unmet.items() if why}),
                **{settled_id: rival for settled_id, rival in rivals.items() if rival is not None},
                **_disputes(db, settlements, disputed, imported)}
        not_taken = tuple(dict.fromkeys(said.values()))  # two settlements disputing one hold, said once
        _note_otherwise(session, {settled_id: settlements[settled_id] for settled_id, why in said.items()
                                  if isinstance(why, SettledOtherwise) and not why.agrees}, who)
        later = later_forms(sources)
        laptops = laptops_known(session, {held.device_id for hold in brought for held in hold.versions}
                                | {device_id for refused in not_taken for device_id in refused.device_ids}
                                | {found.device_id for found in missing} | {found.device_id for found in later})
        titles = {form_id: session.forms[form_id].title
                  for form_id in {hold.form_id for hold in brought} | {refused.form_id for refused in not_taken}}
        authors = authors_here(session)
        clashes = theatre.clashes_brought(session, booked)
        to_check = [*_to_check_now(session, charted, {**left, **dosing}),
                    *_places_changed(session, placed, moved & charted, new_moves), *_beds_shared(session, charted, moved),
                    *identity.temporary_names_shared(db, session.forms, touched)]
        # Every settlement brought and not taken, with why as the report says it (or, said to
        # nobody, why not): the audit is what is read later of what an import did.
        left = [{**{column: found[column] for column in AUDITED_SETTLEMENT}, "why": said[settled_id].text(
                    "en", laptops, {form_id: title.get("en") for form_id, title in titles.items()}, authors)
                 if settled_id in said else SETTLED_ALIKE if settled_id in rivals else NOT_ON_HOLD}
                for settled_id, found in settlements.items()
                if settled_id in disputed or (settled_id not in alike and (settled_id in rivals
                                                                           or unmet[settled_id] is not None))]
        to_withdraw = _entered(db, withdrawn)  # said by the tally, and kept by the audit, which reads later
        audit.append(db, at=now, actor=session.user.staff_id, device_id=session.device.device_id,
                     action="import", detail={"kind": "export", "folder": str(folder), "added": added,
                                              "unchanged": unchanged, "on_hold": sorted(newly_held),
                                              **({"to_withdraw": to_withdraw} if to_withdraw else {}),
                                              **({"settlements_not_taken": left} if left else {}),
                                              **({"missing_exports": [{"device_id": found.device_id, "first": found.first,
                                                                       "last": found.last} for found in missing]}
                                                 if missing else {})})
    progress(total, total)
    shared = {row["downtime_number"] for row in new_patients if len(set(given[row["downtime_number"]])) > 1}
    return ImportResult("export", added, unchanged, clashes, brought, laptops, titles, authors, not_taken,
                        shared_numbers=tuple(found for found in shared_numbers(session) if found.number in shared)
                        if shared else (), duplicates=tuple(duplicates_of(db, touched)),
                        compared={hold.record_id: found for hold in brought
                                  if (found := hold_of(session, hold.record_id)) is not None}, missing=missing,
                        tally=replace(tally(session), to_withdraw=to_withdraw)
                        if session.user.may(Action.BACK_ENTRY) else None,
                        not_exported=not_exported(sources), to_check=tuple(to_check), later_forms=later)


DOSE_KINDS = (SAME_DOSE, AS_REQUIRED_TWICE, ORDER_STOPPED)
"""The conflicts of a dose here with a record brought that the ward is told of at once."""


def _to_check_now(session: Session, charted: set[str], brought: Mapping[str, str]
                  ) -> list[DatedAfterLeaving | DoseToCheck]:
    """This laptop's records that records the import brought contradict (`brought`: each
    leaving's, dose's and order's record id with its patient's), by the records office's rule
    (services.back_entry.conflicts_among): a record dated after a death, discharge or transfer
    out (the amoxicillin given here at 20:05 to a patient another laptop recorded dead at 19:00),
    or a dose given on both laptops, given too soon after the other laptop's as-required dose,
    or given after the other laptop stopped its order (morphine 18:00 on ward 5A's laptop and
    20:30 here, ordered 4-hourly). Each was said to no one on the ward until the records office
    asked days later. Only for patients this laptop wrote for (`charted`): a records office
    importing a hospital's merge holds every leaving and dose of the month and charted for none."""
    charted = charted & set(brought.values())
    if not charted:
        return []
    current = list_current(session.db, patient_ids=charted)
    authors = authors_here(session)
    conflicts = conflicts_among(session.forms, current, partial(laptops_known, session), authors=authors)
    known = {record.record_id: record for record in current}
    movements = {said: movement for movement, said in AFTER_LEAVING.items()}
    orders = chart_labels(session, current)  # a dose's order as the chart heads it, not its every answer
    patients = census.all_patients(session.db, session.forms, charted)
    found = []
    for record_id, said in conflicts.items():
        record = known[record_id]
        if record.device_id != session.device.device_id:
            continue
        who = patients.get(str(record.patient_id))
        for conflict in said:
            if conflict.record.record_id not in brought or (conflict.said not in movements and not _told_now(conflict,
                                                                                                            record)):
                continue
            patient = _named(who) if who else str(record.patient_id)
            label = records.record_label(session, record, known, authors, orders)
            by = authors.of(session.lang, record.author, record.device_id, {})
            found.append(DatedAfterLeaving(patient, label, by, movements[conflict.said], conflict)
                         if conflict.said in movements else DoseToCheck(patient, label, by, conflict))
    return found


def _told_now(conflict: Conflict, dose: RecordVersion) -> bool:
    """Whether the ward is told at once of this conflict of a dose here: one of `DOSE_KINDS`, and
    for the same scheduled dose only when both laptops say it was given (one given, the other
    not given, is no second dose, and the records office asks about it)."""
    if conflict.said not in DOSE_KINDS:
        return False
    return conflict.said != SAME_DOSE or all(version.data.get("outcome") == "given"
                                             for version in (dose, conflict.record))


def _beds_shared(session: Session, charted: set[str], moved: set[str]) -> list[BedShared]:
    """The beds the import's admissions and moves put a patient in (`moved`) that a patient this
    laptop wrote for (`charted`) holds now, by the census, which this laptop's own move into a
    taken bed refuses: a ward that admitted the arrival again, the stick not come yet, had the
    one person as two patients in one bed once it was loaded, and nothing said so. Once a bed;
    none on a records office's laptop, which charts for nobody."""
    if not moved or not charted:
        return []
    where = census.locations(session.db, patient_ids=moved).values()
    found = []
    for ward in sorted({place.ward for place in where if place.status is StayStatus.IN and place.ward and place.bed}):
        beds: dict[str, list[PatientSummary]] = {}
        for patient in census.in_patients(session.db, session.forms, ward):
            if patient.bed:
                beds.setdefault(patient.bed.strip().casefold(), []).append(patient)
        for shared in beds.values():
            if len(shared) > 1 and any(patient.patient_id in charted for patient in shared) and (
                    moved_in := [patient for patient in shared if patient.patient_id in moved]):
                found.append(BedShared(ward, shared[0].bed or "", _named(moved_in[0]),
                                       tuple(sorted(_named(patient) for patient in shared))))
    return found


PLACE_CHANGED = {
    "en": "{patient}: the import moves them from {was} to {now} with no new move: a move already here was changed "
          "or withdrawn (their place now comes from the move at {at}, written on {laptop}). Check where the patient "
          "is, and record a move if they are not in {now}.",
    "fr": "{patient} : l’import le déplace sans nouveau mouvement : il était {was}, il est maintenant {now} ; un "
          "mouvement déjà ici a été modifié ou retiré (sa place vient maintenant du mouvement du {at}, saisi sur "
          "{laptop}). Vérifiez où est le patient, et enregistrez une mutation s’il n’est pas {now}."}
PLACE = {"en": ("ward {ward}, bed {bed}", "ward {ward}"), "fr": ("au service {ward}, lit {bed}", "au service {ward}")}
"""A place as the app says it elsewhere (the census PDF's "was in ward {ward}, bed {bed}"), with
a bed and without."""


@dataclass(frozen=True)
class PlaceChanged:
    """A patient this laptop charts for whom the import put somewhere else by no new move of
    theirs: a move already here, amended on the laptop that wrote it after its stick went (its
    time now after this ward's own later move), or withdrawn there. The census followed it and
    said nothing: the patient read as back in the bed they had left, and the ward took another
    patient into their real one."""

    patient: str
    was: tuple[str | None, str | None]
    now: tuple[str | None, str | None]
    at: datetime
    device_id: str
    laptop: Laptop

    def text(self, lang: Lang) -> str:
        return PLACE_CHANGED[lang].format(patient=self.patient, was=_place(lang, *self.was), now=_place(lang, *self.now),
                                          at=f"{self.at.astimezone():%d/%m/%Y %H:%M}",
                                          laptop=laptop_name(lang, self.device_id, {self.device_id: self.laptop}))


def _place(lang: Lang, ward: str | None, bed: str | None) -> str:
    with_bed, ward_only = PLACE[lang]
    return with_bed.format(ward=ward or "", bed=bed) if bed else ward_only.format(ward=ward or "")


def _places_changed(session: Session, before: Mapping[str, Location], moved: set[str], new_moves: set[str]
                    ) -> list[PlaceChanged]:
    """The patients among `moved` (this laptop's, whose movements the import brought) whose ward
    or bed the import changed, in hospital before and after, where what places them now is no
    move the import brought new (`new_moves`: a move the other ward made since is news, and
    the place it gives is right), and, for a laptop set to a ward, on its ward before or after
    (5A correcting its own move's bed was told to 3B's laptop, which had admitted the patient
    that morning, asking its nurse to record a move of a patient on another ward). A laptop set
    to no ward is told of any: which ward's patients it keeps, it does not say."""
    if not moved:
        return []
    after, events = census.locations(session.db, patient_ids=moved), census.movement_events(session.db, moved)
    mine = settings.laptop_ward(session.db)
    changed = {}
    for patient_id in sorted(moved):
        was, now = before.get(patient_id), after.get(patient_id)
        if was is None or now is None or was.status is not StayStatus.IN or now.status is not StayStatus.IN \
                or place_key(was.ward, was.bed) == place_key(now.ward, now.bed) \
                or mine is not None and place_key(mine, None) not in (place_key(was.ward, None),
                                                                      place_key(now.ward, None)):
            continue
        placing = max((event for event in events[patient_id] if event.occurred_at == now.since
                       and not leaves_hospital(event.movement)), key=lambda event: event.entered_at)
        if placing.record_id not in new_moves:
            changed[patient_id] = (was, now, placing)
    if not changed:
        return []
    devices = {record_id: device_id for part in chunks([placing.record_id for _, _, placing in changed.values()])
               for record_id, device_id in session.db.execute(
                   f"SELECT record_id, device_id FROM records WHERE version = 1 AND record_id IN ({marks(part)})", part)}
    laptops = laptops_known(session, set(devices.values()))
    patients = census.all_patients(session.db, session.forms, list(changed))
    found = []
    for patient_id, (was, now, placing) in changed.items():
        device = devices.get(placing.record_id, session.device.device_id)
        found.append(PlaceChanged(_named(patients[patient_id]) if patient_id in patients else patient_id,
                                  (was.ward, was.bed), (now.ward, now.bed), placing.occurred_at, device,
                                  laptops.get(device, Laptop(None))))
    return found


def _named(patient: PatientSummary) -> str:
    return f"{patient.downtime_number} {patient.display_name}"


def _admitted(db: Database, forms: Mapping[str, FormSpec], record_ids: Collection[str]) -> set[str]:
    """The patients whose admission is one of these held records: a settlement brought sets a side
    of its hold aside, which search then finds the patient by no longer (search._held)."""
    return {patient_id for part in chunks(record_ids) for patient_id, form_id in db.execute(
        f"SELECT DISTINCT patient_id, form_id FROM held_versions WHERE record_id IN ({marks(part)})", part)
        if patient_id and forms[form_id].creates_patient}


AUDITED_SETTLEMENT = ("id", "record_id", "settled_by", "settled_by_name", "settled_at", "chosen_version", "reason")
# Why a settlement brought was not taken, in the import's audit entry, where the report says nothing.
SETTLED_ALIKE = "settled here already, choosing the same version for the same reason"
NOT_ON_HOLD = "its record is not on hold here, nor settled here"


def _same_hold(db: Database, settlement: dict[str, Any]) -> list[dict[str, Any]]:
    """The settlements here of the hold `settlement` settled (the same record from the same
    version, and a version settled here among those it saw), oldest first."""
    return [row for row in db.query("SELECT * FROM hold_settlements WHERE record_id = ? AND from_version = ?"
                                    " ORDER BY settled_at, id", [settlement["record_id"], settlement["from_version"]])
            if one_hold(settlement, row)]


def _imported(db: Database, settlements: dict[str, dict[str, Any]]) -> set[str]:
    """The ids of the settlements here, of the records of these, that an import took from
    another office (the others were made here): one of those is no word of this office's."""
    wanted = {found["record_id"] for found in settlements.values()}
    ids = {settled_id for part in chunks(wanted) for (settled_id,) in db.execute(
        f"SELECT id FROM hold_settlements WHERE record_id IN ({marks(part)})", part)}
    return {settled_id for part in chunks(ids) for (settled_id,) in db.execute(
        "SELECT entity_id FROM audit WHERE entity = 'hold_settlements' AND action = 'hold.settled.import'"
        f" AND entity_id IN ({marks(part)})", part)}


def _disputed(db: Database, settlements: dict[str, dict[str, Any]], imported: set[str]) -> dict[str, dict[str, Any]]:
    """The settlements brought that another office's settlement of the same hold, brought too or
    taken here before, contradicts (another version chosen), by id, each with the earliest that
    does: none is taken, nor its amendment, as this office has two wards' words and no choice of
    its own. A hold this office settled itself is left to `_settled_here`."""
    found: dict[str, dict[str, Any]] = {}
    for settled_id, settlement in settlements.items():
        here = _same_hold(db, settlement)
        if any(row["id"] not in imported for row in here):
            continue
        brought = [other for other in settlements.values() if other["id"] != settled_id and one_hold(settlement, other)]
        if differing := sorted((other for other in [*here, *brought] if other["chosen_id"] != settlement["chosen_id"]),
                               key=lambda other: (other["settled_at"], other["id"])):
            found[settled_id] = differing[0]
    return found


def _disputes(db: Database, settlements: dict[str, dict[str, Any]], disputed: dict[str, dict[str, Any]],
              imported: set[str]) -> dict[str, SettledOtherwise]:
    """Each disputed settlement (see `_disputed`) with the one it disputes, as the import says it:
    the one taken here first, else the earlier first, so a pair brought together is said once."""
    said = {}
    for settled_id, other in disputed.items():
        pair = sorted((settlements[settled_id], other),
                      key=lambda found: (found["id"] not in imported, found["settled_at"], found["id"]))
        current = _current_row(db, other["record_id"])
        said[settled_id] = SettledOtherwise(
            current["record_id"], current["form_id"], _number(db, current), Settlement.of(pair[0]),
            Settlement.of(pair[1]), HeldVersion.of(current), ours=False, first_taken=other["id"] in imported,
            on_hold=db.execute("SELECT 1 FROM records_on_hold WHERE record_id = ?", [other["record_id"]]).fetchone()
            is not None)
    return said


OTHERWISE_COLUMNS = ("id", "record_id", "chosen_id", "chosen_version", "chosen_device_id", "reason", "settled_by",
                     "settled_by_name", "settled_at")


def _note_otherwise(session: Session, settlements: dict[str, dict[str, Any]], who: dict[str, Any]) -> None:
    """Keep each of these settlements brought and not taken, which chose another version than
    the settlement standing here, whose record is not on hold here (see migration m023): the
    back-entry list says it on the record's line until the clerk ticks it off, having asked the
    ward. One on hold is settled here, which the list asks for already; one noted by an earlier
    import (the same stick again) is noted once."""
    on_hold = held_from(session.db)
    noted = {row["id"] for row in _already(session, "settlements_otherwise", "id", set(settlements))}
    rows = [{**{column: found.get(column) for column in OTHERWISE_COLUMNS}, "noted_at": who["at"].isoformat()}
            for settled_id, found in settlements.items()
            if settled_id not in noted and found["record_id"] not in on_hold]
    audit.insert_many_audited(session.db, "settlements_otherwise", rows, [
        {"record_id": row["record_id"], "chosen_version": row["chosen_version"], "settled_by": row["settled_by"]}
        for row in rows], action="hold.settled.otherwise", **who)


def _current_row(db: Database, record_id: str) -> dict[str, Any]:
    return next(db.query(f"SELECT {', '.join(RECORD_COLUMNS)} FROM current_records WHERE record_id = ?", [record_id]))


def _number(db: Database, row: dict[str, Any]) -> str:
    """The downtime number of the record's patient, empty for one about no patient."""
    return next(db.query("SELECT downtime_number FROM patients WHERE patient_id = ?", [row["patient_id"]]),
                {"downtime_number": ""})["downtime_number"]


def _settled_here(db: Database, settlements: dict[str, dict[str, Any]], imported: set[str]
                  ) -> dict[str, SettledOtherwise | None]:
    """The settlements brought of holds settled here already, by id: none is taken, as the
    record reads as this office's choice (or as another office's agreeing choice, taken here
    before). One that chose otherwise than this office, or for another reason, is said with this
    office's (the latest, if several); the same choice for the same reason, None."""
    found: dict[str, SettledOtherwise | None] = {}
    for settled_id, settlement in settlements.items():
        here = _same_hold(db, settlement)
        if not here:
            continue
        ours = [row for row in here if row["id"] not in imported]
        theirs = Settlement.of(settlement)
        if not ours or (Settlement.of(ours[-1]).chosen_id, Settlement.of(ours[-1]).reason) == (
                theirs.chosen_id, theirs.reason):
            found[settled_id] = None
            continue
        current = _current_row(db, settlement["record_id"])
        found[settled_id] = SettledOtherwise(current["record_id"], current["form_id"], _number(db, current),
                                             Settlement.of(ours[-1]), theirs, HeldVersion.of(current))
    return found


def _held_here(db: Database, version_id: str) -> bool:
    """Whether this version is on hold here, no settlement covering it."""
    return db.execute("SELECT 1 FROM unsettled_versions WHERE id = ?", [version_id]).fetchone() is not None


def _unmet(db: Database, settlement: dict[str, Any], agreeing: list[dict[str, Any]]
           ) -> tuple[HeldVersion | None, tuple[HeldVersion, ...]] | None:
    """None when a settlement made elsewhere means the same here: the version it left standing
    stands here, and it saw every version of the record here from the one it settled from
    (standing or held, and not settled here already). Otherwise the record stays on hold, as it
    was, for this office to settle (taken, the settlement would make the record read as another
    version than the one chosen, or settle a version nobody chose against), and this says why:
    the version standing here when it is not the one the settlement left standing, and the
    versions here it did not see (both empty for a record not here at all). `agreeing`: the
    settlements brought of the same hold that chose the same version, itself among them, which
    mean the same together: two offices each amended the record to that version, and each
    amendment is one the other did not see (read alone, neither was taken, and the record was
    held again)."""
    record_id = settlement["record_id"]
    columns = ", ".join(RECORD_COLUMNS)
    current = next(db.query(f"SELECT {columns} FROM current_records WHERE record_id = ?", [record_id]), None)
    if current is None:
        return None, ()
    seen = {digest for found in agreeing for digest in orjson.loads(found["settled"])}
    left_standing = {found["standing_id"] for found in agreeing}
    here = [*db.query(f"SELECT {columns} FROM records WHERE record_id = ? AND version >= ?",
                      [record_id, settlement["from_version"]]),
            *db.query(f"SELECT {columns} FROM unsettled_versions WHERE record_id = ?", [record_id])]
    unseen = tuple(HeldVersion.of(row) for row in here
                   if row["id"] not in left_standing and version_digest(row) not in seen)
    standing = None if current["id"] in left_standing else HeldVersion.of(current)
    if standing is None and not unseen:
        return None
    # One standing here that the settlement did not see is said once, among those it did not see.
    return None if standing in unseen else standing, unseen


def _not_taken(db: Database, unmet: dict[str, tuple[dict[str, Any], tuple[HeldVersion | None, tuple[HeldVersion, ...]]]]
               ) -> dict[str, SettlementNotTaken]:
    """The settlements not taken (by id, each with why, see `_unmet`) whose record is on hold
    here, for the clerk who has it to settle; one whose record is not on hold here leaves
    nothing to do."""
    on_hold = {hold.record_id: hold for hold in holds(db, {found["record_id"] for found, _ in unmet.values()})}
    return {settled_id: SettlementNotTaken(on_hold[found["record_id"]], Settlement.of(found), *why)
            for settled_id, (found, why) in unmet.items() if found["record_id"] in on_hold}


class SharedDeviceNumber(ImportRefused):
    """Two laptops set up with one device number: refused unless the clerk says to take both
    (`laptops`: the start of each one's device id, for the wizard to name them)."""

    def __init__(self, template: str, /, laptops: tuple[str, str], **values: object):
        super().__init__(template, **values)
        self.laptops = laptops


def _number_given(line: int, row: dict[str, Any], device_ids: list[str], shared_device_number: bool,
                  earlier: int | None = None) -> None:
    """A patient whose downtime number another patient here has already. Given by another
    laptop set up with the same device number, both are taken when the clerk said so, told
    apart by their laptop's device id (random per database) wherever the number is shown; by
    the same device id, a copy of one laptop's database, nothing can tell their records apart,
    and it is refused, said or not. `earlier`: the line of this import that brought the other
    patient (a merge of both laptops' exports), which the refusal names: an office's empty
    database was said to have the number already."""
    if row["device_id"] in device_ids:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{file}, line {number}: downtime number {downtime_number} "
                                                          "already belongs to another patient in this database, given "
                                                          "by a laptop with the same device id: a copy of one laptop's "
                                                          "database, whose records cannot be told apart by laptop, so "
                                                          "--shared-device-number cannot take it either"),
                            file=PATIENTS_FILE, number=line, downtime_number=row["downtime_number"])
    if not shared_device_number:
        ours, theirs = device_ids[0][:8], row["device_id"][:8]
        if earlier is not None:
            raise SharedDeviceNumber(QT_TRANSLATE_NOOP("messages", "{file}, line {number}: downtime number "
                                                                   "{downtime_number} is given on line {earlier} too, to "
                                                                   "another patient, by laptop {ours}; this patient's "
                                                                   "laptop {theirs} was set up with the same device "
                                                                   "number. To take both laptops' patients, told apart "
                                                                   "by laptop, import again with --shared-device-number "
                                                                   "(in the import wizard, tick the box naming both "
                                                                   "laptops)"),
                                     laptops=(ours, theirs), file=PATIENTS_FILE, number=line, earlier=earlier,
                                     downtime_number=row["downtime_number"], ours=ours, theirs=theirs)
        raise SharedDeviceNumber(QT_TRANSLATE_NOOP("messages", "{file}, line {number}: downtime number "
                                                               "{downtime_number} already belongs to another patient in "
                                                               "this database, given by laptop {ours}; this export's "
                                                               "laptop {theirs} was set up with the same device number. "
                                                               "To take both laptops' patients, told apart by laptop, "
                                                               "import again with --shared-device-number (in the "
                                                               "import wizard, tick the box naming both laptops)"),
                                 laptops=(ours, theirs), file=PATIENTS_FILE, number=line,
                                 downtime_number=row["downtime_number"], ours=ours, theirs=theirs)


def _entered(db: Database, record_ids: set[str]) -> int:
    """How many of these records a version of was entered in the EHR here (`back_entries`)."""
    return sum(db.execute(f"SELECT COUNT(DISTINCT record_id) FROM back_entries WHERE record_id IN ({marks(part)})",
                          part).fetchone()[0] for part in chunks(record_ids))


WITHDRAWN_ALIKE_ACTION = "record.withdrawn_alike"
"""The audit's entry keeping, whole, another laptop's withdrawal of a record withdrawn here (see
`_withdrawn_alike`): counted "unchanged", it was stored nowhere, its nurse and reason lost."""


def _kept_aside(db: Database, version_id: str) -> bool:
    """Whether an earlier import kept this withdrawal aside already (WITHDRAWN_ALIKE_ACTION)."""
    return db.execute("SELECT 1 FROM audit WHERE action = ? AND entity_id = ? LIMIT 1",
                      [WITHDRAWN_ALIKE_ACTION, version_id]).fetchone() is not None


def _withdrawn_alike(row: dict[str, Any], stored: dict[str, Any],
                     by_version: Mapping[tuple[str, int], dict[str, Any]]) -> bool:
    """Whether a version and the one of its number here both withdraw the version before it, the
    record's latest here (sync.versions.withdraws): two laptops each withdrew the record, and the
    withdrawal here stands, as a merge keeps one (sync.merge._withdrawn_alike), the other kept
    aside in the audit (WITHDRAWN_ALIKE_ACTION); held, the office was told to enter neither until
    two wards who agree said which was right."""
    before = by_version.get((row["record_id"], row["version"] - 1))
    return (before is not None and (row["record_id"], row["version"] + 1) not in by_version
            and withdraws(row, before) and withdraws(stored, before))


def _arrives_alone(name: str, number: int, row: dict[str, Any]) -> None:
    """Refuse a version whose record's version before it is neither here nor in the import."""
    raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{file}, line {line}: record {record} version {version} arrives "
                                                      "without version {previous}; import the earlier export first"),
                        file=name, line=number, record=row["record_id"], version=row["version"],
                        previous=row["version"] - 1)


@dataclass(frozen=True)
class _Titled:
    """A form's title in a refusal, said in the language it is read in (`Said`)."""

    title: Text

    def __str__(self) -> str:
        return self.title.en

    def text(self, lang: Lang) -> str:
        return self.title.get(lang)


def _refuse_same_id(session: Session, folder: Path, files: list[str], where: Phrase, row: dict[str, Any],
                    spec: FormSpec) -> NoReturn:
    """Refuse a line whose version id another record holds: an earlier line of this export
    (named by its file and line), or a record already in this database. The line is named by
    its form and its patient's downtime number, as screens and CSVs name them, never by a record
    id. Reads the export again, only to refuse."""
    titled = _Titled(spec.title)
    patient = _already(session, "patients", "patient_id", {row["patient_id"]}) if row["patient_id"] else []
    said: Said = (Phrase(QT_TRANSLATE_NOOP("messages", "{form} of patient {number}"),
                         {"form": titled, "number": patient[0]["downtime_number"]}) if patient else titled)
    first = next((Phrase(QT_TRANSLATE_NOOP("messages", "{file}, line {number}"), {"file": name, "number": number})
                  for name, number, other in _version_lines(folder, files) if other["id"] == row["id"]), where)
    if first != where:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {record}, version {version}, has the same version "
                                                          "id as {other}"),
                            where=where, record=said, version=row["version"], other=first)
    raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{where}: {record}, version {version}, has the version id of "
                                                      "another record already in this database"),
                        where=where, record=said, version=row["version"])


def _version_lines(folder: Path, files: list[str]) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """Every record version line of these files (the records, then a merge's held versions),
    with its file and line number."""
    for name in files:
        for number, row in enumerate(lines_of(folder / name, RECORD_COLUMNS), start=1):
            yield name, number, row


def _still_missing(session: Session, pointing: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The references whose record is not in the database yet. A dose whose order is on an
    earlier stick, taken in, would break the Back-entry tab and the FHIR export, which read
    the order to say what the dose was, until that stick came."""
    wanted = list({target for *_, target in pointing})
    found = {found for part in chunks(wanted) for (found,) in session.db.execute(
        f"SELECT DISTINCT record_id FROM records WHERE record_id IN ({marks(part)})", part)}
    return [reference for reference in pointing if reference[2] not in found]


def _batches(rows: Iterator[T]) -> Iterator[list[T]]:
    while batch := list(islice(rows, BATCH)):
        yield batch

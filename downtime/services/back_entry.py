"""The records office's back-entry worklist: everything the outage recorded, to be typed into
the hospital record (EHR), grouped by patient and ordered as hospitals do it — medication
orders first (so the EHR's chart exists), then administrations, then admissions, allergies and
movements, then theatre. Each record version is ticked off with the EHR's reference, by whom
and when; a temporary downtime number is reconciled to the patient's EHR number.

A record amended after it was entered comes back on the list (the EHR must be corrected), and
one marked entered in error comes back only if its earlier version had been entered."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Action
from downtime.services import records
from downtime.services.census import all_patients, display_names
from downtime.services.context import Session
from downtime.services.errors import NotFound, ServiceError
from downtime.services.patients import PatientSummary, downtime_numbers
from downtime.services.records import THEATRE_FORMS
from downtime.storage import audit
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.storage.records import chunks, list_current, marks

PAGE = 25  # patients read at a time: a hospital's list is read in pages as the screen scrolls (0.05 s each)
STEPS = (QT_TRANSLATE_NOOP("messages", "Medication order"),
         QT_TRANSLATE_NOOP("messages", "Medication administration"),
         QT_TRANSLATE_NOOP("messages", "Admission, allergies and movements"),
         QT_TRANSLATE_NOOP("messages", "Theatre"), QT_TRANSLATE_NOOP("messages", "Other"))


@dataclass(frozen=True)
class Entered:
    version: int
    ehr_reference: str
    entered_by: str
    entered_at: datetime


@dataclass(frozen=True)
class WorkItem:
    record: RecordVersion
    step: int
    label: str
    entered: Entered | None

    @property
    def step_name(self) -> str:
        return STEPS[self.step]

    @property
    def done(self) -> bool:
        return self.entered is not None and self.entered.version == self.record.version

    @property
    def to_do(self) -> str:
        return self.to_do_in("en")

    def to_do_in(self, lang: Lang) -> str:
        """What the clerk must do in the EHR, in words."""
        if self.done:
            return message(lang, QT_TRANSLATE_NOOP("messages", "entered"))
        if self.record.status is RecordStatus.ENTERED_IN_ERROR:
            return message(lang, QT_TRANSLATE_NOOP("messages", "withdraw in the EHR (entered in error here)"))
        if self.entered is not None:
            return message(lang, QT_TRANSLATE_NOOP("messages", "correct in the EHR (version {version} was entered)"),
                           version=self.entered.version)
        return message(lang, QT_TRANSLATE_NOOP("messages", "enter"))


@dataclass(frozen=True)
class PatientWork:
    """A patient's items (or, with `patient` None, the ward-level ones such as theatre sessions)."""

    patient: PatientSummary | None
    ehr_patient_number: str | None
    items: tuple[WorkItem, ...]

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items)


def _step(session: Session, form_id: str) -> int:
    spec = session.form(form_id)
    if form_id == "medication_order":
        return 0
    if form_id == "medication_administration":
        return 1
    if spec.creates_patient or spec.movement is not None:
        return 2
    if form_id in THEATRE_FORMS or not spec.about_patient:
        return 3
    return 4


def _entries(db: Database, record_ids: Collection[str]) -> dict[str, Entered]:
    """The latest version of each of these records that was entered."""
    found: dict[str, Entered] = {}
    for part in chunks(list(record_ids)):
        for row in db.query(f"SELECT * FROM back_entries WHERE record_id IN ({marks(part)}) ORDER BY version", part):
            found[row["record_id"]] = Entered(row["version"], row["ehr_reference"], row["entered_by"],
                                              datetime.fromisoformat(row["entered_at"]))
    return found


def ehr_numbers(db: Database) -> dict[str, str]:
    """Each reconciled patient's EHR number (the latest line wins)."""
    return {row["patient_id"]: row["ehr_patient_number"]
            for row in db.query("SELECT patient_id, ehr_patient_number FROM patient_links ORDER BY rowid")}


def worklist(session: Session) -> list[PatientWork]:
    """The whole list (the command line and the printed worklist)."""
    return worklist_of(session, worklist_order(session))


def worklist_order(session: Session) -> list[str | None]:
    """Who the list goes through, in its order: patients by name, then records about no patient
    (None). Read from the patients' identities, not their records, so the records office's
    screen can fetch the items of a page of patients at a time (`worklist_of`)."""
    session.require(Action.READ_RECORDS)
    named = display_names(session.db, session.forms)
    numbers = downtime_numbers(session.db)
    order: list[str | None] = sorted(named, key=lambda patient_id: (named[patient_id], numbers[patient_id]))
    rest = {row["patient_id"] for row in session.db.query("SELECT DISTINCT patient_id FROM records")}
    return order + sorted(str(pid) for pid in rest - set(named) - {None}) + ([None] if None in rest else [])


def worklist_of(session: Session, order: Sequence[str | None]) -> list[PatientWork]:
    """The items of these patients (None: records about no patient), each patient's in the
    order to type them; a patient with nothing to enter is left out."""
    session.require(Action.READ_RECORDS)
    ids = [pid for pid in order if pid is not None]
    current = list_current(session.db, patient_ids=ids) + (
        list_current(session.db, without_patient=True) if None in order else [])
    entered = _entries(session.db, [record.record_id for record in current])
    patients = all_patients(session.db, session.forms, patient_ids=ids)
    links = ehr_numbers(session.db)
    known = {record.record_id: record for record in current}
    groups: dict[str | None, list[WorkItem]] = {}
    for record in current:
        done = entered.get(record.record_id)
        if record.status is RecordStatus.ENTERED_IN_ERROR and done is None:
            continue
        groups.setdefault(record.patient_id, []).append(
            WorkItem(record, _step(session, record.form_id), records.record_label(session, record, known), done))
    work = []
    for patient_id in order:
        if items := groups.get(patient_id):
            items.sort(key=lambda item: (item.step, item.record.occurred_at, item.record.record_id))
            work.append(PatientWork(patients.get(patient_id) if patient_id else None,
                                    links.get(patient_id or ""), tuple(items)))
    return work


def left_to_enter(work: list[PatientWork]) -> list[PatientWork]:
    """The same patients with only the items still to enter (a patient with none is left out):
    the screen's "only what is left" view, and a printed part of it."""
    left = [replace(group, items=tuple(item for item in group.items if not item.done)) for group in work]
    return [group for group in left if group.items]


def worklist_part(session: Session, order: Sequence[str | None], start: int, patients: int, *,
                  left_only: bool) -> list[PatientWork]:
    """`patients` patients of the list from `order[start]` on, as the screen shows them (only
    those with something left to enter when `left_only`): what a clerk prints to tick on paper
    while typing. A hospital's whole list would be tens of thousands of pages."""
    part: list[PatientWork] = []
    for at in range(start, len(order), PAGE):
        work = worklist_of(session, order[at:at + PAGE])
        part += left_to_enter(work) if left_only else work
        if len(part) >= patients:
            break
    return part[:patients]


def position(session: Session, order: Sequence[str | None], downtime_number: str) -> int:
    """Where the patient with this downtime number is in the list's order."""
    patient_id = _patient_of(session, downtime_number)
    if patient_id not in order:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "{number} has nothing on the back-entry list."),
                       number=downtime_number)
    return order.index(patient_id)


def progress(work: list[PatientWork]) -> tuple[int, int]:
    return sum(group.done for group in work), sum(len(group.items) for group in work)


def progress_counts(session: Session) -> tuple[int, int]:
    """Entered and total items of the whole list, counted in the database (as `progress` of
    the whole worklist, without building it). Every record is an item, except one withdrawn
    (entered in error) before anyone entered it; done are those entered at their standing
    version. Counted from the records' ids and the few withdrawn ones, not by finding each of
    a hospital's 1.4 million records' standing version."""
    session.require(Action.READ_RECORDS)
    standing = "(SELECT MAX(v.version) FROM records v WHERE v.record_id = {0}.record_id)"
    done, total = session.db.execute(f"""
        SELECT (SELECT COUNT(*) FROM (SELECT record_id, MAX(version) AS version FROM back_entries GROUP BY record_id) e
                WHERE e.version = {standing.format("e")}),
               (SELECT COUNT(DISTINCT record_id) FROM records)
               - (SELECT COUNT(*) FROM records w WHERE w.status = ? AND w.version = {standing.format("w")}
                  AND NOT EXISTS (SELECT 1 FROM back_entries b WHERE b.record_id = w.record_id))""",
                                     [RecordStatus.ENTERED_IN_ERROR.value]).fetchone()
    return int(done), int(total)


def mark_entered(session: Session, record_id: str, version: int, ehr_reference: str) -> None:
    """Tick one record version off; only the version that stands may be ticked, so a record
    amended meanwhile is never marked done by mistake."""
    session.require(Action.BACK_ENTRY)
    reference = ehr_reference.strip()
    if not reference:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Give the EHR's reference for what was entered (e.g. its order or event number)."))
    latest = records.current(session.db, record_id)
    if latest.version != version:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record now stands at version {version}; review that version first."),
                           version=latest.version)
    if session.db.execute("SELECT 1 FROM back_entries WHERE record_id = ? AND version = ?",
                          [record_id, version]).fetchone():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This version is already marked as entered in the EHR."))
    now = session.clock()
    with session.db.atomic():
        audit.insert_audited(session.db, "back_entries", {
            "id": str(uuid.uuid4()), "record_id": record_id, "version": version, "ehr_reference": reference,
            "entered_by": session.user.staff_id, "entered_at": now.isoformat()},
            at=now, actor=session.user.staff_id, device_id=session.device.device_id,
            action="back_entry.entered", detail={"record_id": record_id, "version": version})


def _patient_of(session: Session, downtime_number: str) -> str:
    row = session.db.execute("SELECT patient_id FROM patients WHERE downtime_number = ?",
                             [downtime_number.strip().upper()]).fetchone()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "No patient has the downtime number {number}."), number=downtime_number)
    return str(row[0])


def link_patient(session: Session, downtime_number: str, ehr_patient_number: str) -> None:
    """Reconcile a temporary downtime number to the patient's number in the EHR; the export
    then says the downtime identity was replaced by the EHR one (Patient.link replaced-by)."""
    session.require(Action.BACK_ENTRY)
    number = ehr_patient_number.strip()
    if not number:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Give the patient's number in the EHR."))
    patient_id = _patient_of(session, downtime_number)
    now = session.clock()
    with session.db.atomic():
        audit.insert_audited(session.db, "patient_links", {
            "id": str(uuid.uuid4()), "patient_id": patient_id, "ehr_patient_number": number,
            "linked_by": session.user.staff_id, "linked_at": now.isoformat()},
            at=now, actor=session.user.staff_id, device_id=session.device.device_id,
            action="back_entry.patient_linked", detail={"downtime_number": downtime_number, "ehr": number})

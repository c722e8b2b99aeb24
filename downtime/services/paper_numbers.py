"""Downtime numbers reserved for patients admitted on paper while the laptop is away.

The laptop gives a patient's number when the admission is saved. With its battery dead or taken
to another ward, a patient admitted on paper had none: the wristband and forms written then never
matched the record typed in later, and a number guessed as "the next one" collided with one the
laptop gave someone else. Reserved numbers are printed as labels for the binder; the admission
typed in later names the label's number ("Number used on paper") and the patient keeps it. The
laptop's own allocation starts after them, so no one else is ever given one.

A restored backup winds the database back to before the numbers given (or reserved) since it:
the next patients were given the numbers already on wristbands. The highest given is kept
outside the database too (`keyslots.keep_given`), and the restore's audit entry
("backup.restored", see services.backups) says which numbers the restore lost: allocation goes
on past them, and a patient typed in again from paper keeps the number on their wristband.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, message
from downtime.domain.bounds import MOST_PAPER_NUMBERS, PAPER_NUMBERS
from downtime.domain.downtime_number import MAX_SEQUENCE, format_downtime_number, parse_downtime_number
from downtime.domain.staff import Action
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.formspec.values import FieldError
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.patients import PatientSummary
from downtime.services.setup import FIRST_SEQUENCE
from downtime.storage import audit, keyslots
from downtime.storage.backup import RESTORED


RESTORE_MARGIN = 1000
"""How far a restore moves allocation on when nothing kept says how far the laptop had gone (a
plain database, a backup put on a spare laptop, a file set aside by an earlier version): ten
times the most labels reserved at once, days of a busy ward's admissions, and under one hundredth
of a device number's 99,999."""



@dataclass(frozen=True)
class PaperNumber:
    """A reserved number no patient has yet, for the nurse in charge to account for its label."""

    number: str
    reserved_at: datetime
    reserved_by: str


def next_sequences(db: Database, count: int, keep: bool = True) -> tuple[int, int]:
    """(this laptop's device number, the first of `count` sequences that no patient, no reserved
    number and no number a restore lost has), kept as given (`keyslots.keep_given`) before the
    caller's transaction commits: call it only to give them. `keep` False: the caller gives many
    in one transaction (a snapshot's patients) and keeps the highest once (`keep_highest`)
    before it commits, a flush of the key-slot file each being 1-15 ms a patient."""
    device_number, last = _highest(db)
    lost = db.execute("SELECT COALESCE(MAX(json_extract(detail, '$.lost_to')), 0) FROM audit WHERE action = ?"
                      " AND json_extract(detail, '$.device_number') = ?", [RESTORED, device_number]).fetchone()[0]
    file = _file_of(db)
    last = max(last, lost, keyslots.given(file).get(device_number, 0) if file is not None else 0)
    if last + count > MAX_SEQUENCE:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This laptop has used all its downtime numbers: an administrator "
                                             "gives it a new device number ('downtime set device-number N')."))
    if file is not None and keep:
        keyslots.keep_given(file, device_number, last + count)
    return device_number, last + 1


def keep_highest(db: Database) -> None:
    """The highest sequence given or reserved, kept as given (`keyslots.keep_given`): for a
    transaction that gave many without keeping each (`next_sequences`' `keep`), before it commits."""
    if (file := _file_of(db)) is not None:
        keyslots.keep_given(file, *_highest(db))


def lost_by_restore(db: Database, given: dict[int, int]) -> dict[str, int | bool]:
    """The numbers a restored database may have lost, for its restore's audit entry: past its
    own highest sequence up to the highest `given` (the key slots of the file it replaces) says
    the laptop had given, or, with nothing kept there (`kept` False), RESTORE_MARGIN past it:
    numbers given since the backup cannot be known, and none may be given twice."""
    device_number, last = _highest(db)
    kept = given.get(device_number)
    return {"device_number": device_number, "lost_from": last + 1,
            "lost_to": min(last + RESTORE_MARGIN if kept is None else max(kept, last), MAX_SEQUENCE),
            "kept": kept is not None}


def _highest(db: Database) -> tuple[int, int]:
    """(this laptop's device number, the highest sequence a patient or a reserved number has
    under it, or the one before the set-up's first number: those before it were given by an
    earlier outage's set-up, see services.setup), read in one query: IT may have corrected the
    device number since sign-in."""
    return db.execute(
        "SELECT CAST(value AS INTEGER), MAX("
        "(SELECT COALESCE(MAX(sequence), 0) FROM patients WHERE device_number = CAST(meta.value AS INTEGER)),"
        "(SELECT COALESCE(MAX(sequence), 0) FROM paper_numbers WHERE device_number = CAST(meta.value AS INTEGER)),"
        "(SELECT COALESCE(MAX(CAST(first.value AS INTEGER)) - 1, 0) FROM meta AS first WHERE first.key = ?))"
        " FROM meta WHERE key = 'device_number'", [FIRST_SEQUENCE]).fetchone()


def _file_of(db: Database) -> Path | None:
    """The database's file, whose key slots keep the numbers given (None: in memory)."""
    where = db.execute("PRAGMA database_list").fetchone()[2]
    return Path(where) if where else None


def reserve(session: Session, count: int = PAPER_NUMBERS) -> list[str]:
    """The next `count` numbers of this laptop, set aside for paper admissions in one audited
    transaction (each its own entry, as each label is accounted for on its own)."""
    session.require(Action.RECORD_CARE)
    if not 1 <= count <= MOST_PAPER_NUMBERS:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Reserve 1 to {most} numbers at a time, not {count}."),
                           most=MOST_PAPER_NUMBERS, count=count)
    now, db = session.clock(), session.db
    numbers = []
    with db.atomic():
        device_number, first = next_sequences(db, count)
        for sequence in range(first, first + count):
            number = format_downtime_number(device_number, sequence)
            audit.insert_audited(db, "paper_numbers", {
                "number": number, "device_number": device_number, "sequence": sequence,
                "device_id": session.device.device_id, "reserved_at": now.isoformat(),
                "reserved_by": session.user.staff_id}, at=now, actor=session.user.staff_id,
                device_id=session.device.device_id, action="paper_number.reserve", detail={"downtime_number": number})
            numbers.append(number)
    return numbers


def unused(session: Session) -> list[PaperNumber]:
    """The numbers this laptop reserved that no patient has, oldest first."""
    session.require(Action.READ_RECORDS)
    return [PaperNumber(number, datetime.fromisoformat(at), name or staff_id) for number, at, staff_id, name in session.db.execute(
        "SELECT r.number, r.reserved_at, r.reserved_by, s.name FROM paper_numbers r"
        " LEFT JOIN staff s ON s.staff_id = r.reserved_by WHERE r.device_id = ? AND NOT EXISTS"
        " (SELECT 1 FROM patients p WHERE p.downtime_number = r.number AND p.device_id = r.device_id)"
        " ORDER BY r.device_number, r.sequence", [session.device.device_id])]


def paper_number(spec: FormSpec, values: dict[str, Any]) -> str | None:
    """The number a form's answers say the patient was given on paper, as labels print it."""
    field = spec.by_meaning(Meaning.PAPER_NUMBER)
    typed = values.get(field.id) if field is not None else None
    return str(typed).strip().upper() if typed else None


def check(session: Session, spec: FormSpec, values: dict[str, Any], patient_id: str | None,
          before: dict[str, Any] | None = None) -> None:
    """Refuse, naming the field, a number used on paper that the patient cannot be given: one
    this laptop did not reserve (nor gave before a restore lost it), one another patient has,
    one typed on an existing patient, or, on an amendment (`before`), a changed one: the number
    is the patient's from their first save.
    `values` are the form's checked answers: a number miscopied (its check digit) is refused by
    the field's own check (`check: downtime_number`)."""
    number = paper_number(spec, values)
    field = spec.by_meaning(Meaning.PAPER_NUMBER)
    if field is None or number == (paper_number(spec, before) if before is not None else None):
        return
    label = field.label.get(session.lang)
    if before is not None or patient_id is not None:
        _refuse(session, field.id, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: only for a new admission; this patient already has their downtime number."), field=label)
    if number is None:
        return
    if not session.db.execute("SELECT 1 FROM paper_numbers WHERE number = ? AND device_id = ?",
                              [number, session.device.device_id]).fetchone() and not _lost(session.db, number):
        _refuse(session, field.id, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: {number} was not reserved on this laptop ({device}): type the number of a label "
                        "printed here, or leave the field blank for a new number."),
                field=label, number=number, device=session.device.name)
    if (holder := _holder(session, number)) is not None and (patient := _standing(session, holder)) is not None:
        _refuse(session, field.id, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: {number} is already used by {name}, born {born}: check the wristband, or leave the "
                        "field blank for a new number."),
                field=label, number=number, name=patient.display_name,
                born=f"{patient.birth_date:%d/%m/%Y}" if patient.birth_date else "—")


def withdrawn_holder(session: Session, spec: FormSpec, values: dict[str, Any]) -> str | None:
    """The patient a new admission's number used on paper was first given to, in an admission
    since withdrawn (typed from the wrong paper form): the admission typed again for the person
    wearing the label is theirs, and the number with it (their wristband, forms and samples carry
    it). Such a patient has nothing else standing: an admission other records stand on cannot be
    withdrawn. None for a number nobody has, or a standing patient's (refused by `check`)."""
    number = paper_number(spec, values)
    holder = _holder(session, number) if number else None
    return holder if holder is not None and _standing(session, holder) is None else None


def _lost(db: Database, number: str) -> bool:
    """Whether a restore of this database lost the number (see `lost_by_restore`): given to a
    patient admitted after the backup, it is on their wristband, and they are typed in again
    under it."""
    parsed = parse_downtime_number(number)
    return parsed is not None and db.execute(
        "SELECT 1 FROM audit WHERE action = ? AND json_extract(detail, '$.device_number') = ?"
        " AND ? BETWEEN json_extract(detail, '$.lost_from') AND json_extract(detail, '$.lost_to') LIMIT 1",
        [RESTORED, *parsed]).fetchone() is not None


def _holder(session: Session, number: str) -> str | None:
    found = session.db.execute("SELECT patient_id FROM patients WHERE downtime_number = ? AND device_id = ?",
                               [number, session.device.device_id]).fetchone()
    return found[0] if found else None


def _standing(session: Session, patient_id: str) -> PatientSummary | None:
    """The patient as their standing admission says them; None once every admission is withdrawn."""
    from downtime.services.census import all_patients

    return all_patients(session.db, session.forms, [patient_id]).get(patient_id)


def _refuse(session: Session, path: str, text: str, **values: object) -> NoReturn:
    raise ValidationFailed([FieldError(path, message(session.lang, text, **values))])


def allocation(session: Session, number: str | None, keep: bool = True) -> tuple[int, int]:
    """(device number, sequence) of the patient's number: the reserved one they were given on
    paper (checked by `check`), else this laptop's next (`keep`: see `next_sequences`)."""
    parsed = parse_downtime_number(number) if number else None
    return parsed if parsed is not None else next_sequences(session.db, 1, keep)

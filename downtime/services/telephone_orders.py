"""Telephone orders: at night, with the record down, a doctor off the ward gives an order by
telephone; the nurse who takes it writes it, read back to the doctor, and a doctor countersigns
it later, as hospitals' policies ask of a verbal order. Without them a nurse could write no
order at all: the dose given on the doctor's word went on no chart, or on a scrap of paper.

What makes a version of an order a telephone order, and who may sign which, is checked here for
the records service (`check_signature`, `check_withdrawal`); the chart reads one not yet
countersigned from its answers (domain.medication.Order.awaiting_since)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.medication import Order, countersign_overdue
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Role
from downtime.i18n import QT_TRANSLATE_NOOP, message
from downtime.services import census, records
from downtime.services.context import Session
from downtime.services.errors import NotFound, PermissionDenied, ServiceError
from downtime.services.laptops import authors, laptops_known
from downtime.services.patients import PatientSummary
from downtime.storage.records import histories, list_current

TELEPHONE = "telephone_order"
READ_BACK = "read_back"
COUNTERSIGNED = "countersigned"

PRESCRIBERS = frozenset({Role.DOCTOR})
"""The roles that sign an order of their own; anyone else who may write one (a ward nurse)
writes only a telephone order."""

COUNTERSIGN_REASON = QT_TRANSLATE_NOOP("messages", "Telephone order countersigned")


def prescribes(session: Session) -> bool:
    """Whether the person signed in signs the orders they write (a doctor)."""
    return session.user.role in PRESCRIBERS


def awaiting(data: dict[str, Any]) -> bool:
    """Whether an order's answers are a telephone order no doctor has countersigned yet."""
    return data.get(TELEPHONE) is True and data.get(COUNTERSIGNED) is not True


def check_signature(session: Session, data: dict[str, Any], before: dict[str, Any] | None) -> None:
    """Called before an order is written or amended on the ward. A nurse's version is a telephone
    order (Yes, its prescriber named, read back to them), never countersigned by the nurse: a
    dose changed on the doctor's word by telephone is such an order too, to be countersigned
    again. A doctor's new order is their own, not a telephone one; a doctor's change to a
    telephone order signs it (`countersign` says Yes for them). Once given by telephone, an order
    stays one: the EHR and the records office are told who took it."""
    spec = session.form(records.ORDER_FORM)

    def label(name: str) -> str:
        return spec.field(name).label.get(session.lang)

    telephone = data.get(TELEPHONE) is True
    if before is not None and before.get(TELEPHONE) is True and not telephone:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "“{field}” stays Yes: this order was given by telephone. A "
                                                         "doctor countersigns it instead."), field=label(TELEPHONE))
    if not prescribes(session):
        if not telephone:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "messages", "{form}: a nurse writes or changes an order only as a prescriber gives it by telephone: "
                            "answer “{field}” Yes, name the prescriber and read the order back to them."),
                form=spec.title.get(session.lang), field=label(TELEPHONE))
        if data.get(COUNTERSIGNED) is True:
            raise PermissionDenied(QT_TRANSLATE_NOOP("messages", "“{field}”: only a doctor countersigns an order. "
                                                                 "Answer No: a doctor countersigns it later."),
                                   field=label(COUNTERSIGNED))
    elif telephone and before is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "“{field}”: you are signed in as a doctor, so the order is "
                                                         "yours: answer No."), field=label(TELEPHONE))
    elif telephone and data.get(COUNTERSIGNED) is not True:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "“{field}”: a doctor changing a telephone order signs it: "
                                                         "answer Yes."), field=label(COUNTERSIGNED))
    if telephone and data.get(READ_BACK) is not True:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "“{field}”: read the order back to the prescriber, and save it "
                                                         "once they have confirmed it."), field=label(READ_BACK))


def amended_from(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    """What an order's amendment starts from for the person signed in: a nurse's is a telephone
    order, to be read back again and countersigned again; a doctor changing a telephone order
    signs it. Each answer shown, for them to check before saving."""
    if not prescribes(session):
        return {**data, TELEPHONE: True, READ_BACK: None, COUNTERSIGNED: False}
    return {**data, COUNTERSIGNED: True} if data.get(TELEPHONE) is True else data


def check_withdrawal(session: Session, latest: RecordVersion) -> None:
    """Called before an order is marked entered in error by a person. A nurse withdraws only a
    telephone order no doctor has countersigned (one written for the wrong patient); any other
    order is the prescriber's to withdraw."""
    if prescribes(session) or awaiting(latest.data):
        return
    raise PermissionDenied(QT_TRANSLATE_NOOP("messages", "A nurse withdraws only a telephone order not yet countersigned: "
                                                         "ask a doctor to withdraw this one."))


def countersign(session: Session, order_id: str, *, based_on: int | None = None) -> RecordVersion:
    """A doctor's countersignature of a telephone order: an amendment answering "Countersigned"
    Yes, under every check of an order's change (the allergy an order now matches is asked of the
    doctor then), its author the doctor who signed. `based_on`: the version read on screen; an
    order countersigned or changed since is refused, said why."""
    latest = records.current(session.db, order_id)
    if latest.form_id != records.ORDER_FORM:
        raise NotFound(f"no medication order {order_id}")
    if not prescribes(session):
        raise PermissionDenied(QT_TRANSLATE_NOOP("messages", "Only a doctor countersigns a telephone order."))
    if latest.status is RecordStatus.ENTERED_IN_ERROR or not awaiting(latest.data):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This order awaits no countersignature (countersigned or "
                                                         "withdrawn since, or not a telephone order): read the chart "
                                                         "again."))
    return records.amend(session, order_id, {**latest.data, COUNTERSIGNED: True},
                         message(session.lang, COUNTERSIGN_REASON), based_on=based_on or latest.version)


def taken_from(versions: Sequence[RecordVersion]) -> datetime | None:
    """When the telephone order these versions of an order (oldest first) end with was taken: the
    writing of the first of the versions awaiting a countersignature one after the other up to
    the latest, each call changing the order by telephone again; None when the latest awaits
    none. A policy's 24 hours run from the first instruction (NMC, RPS): counted from the latest
    change, a second call kept an order signed by nobody off the overdue list for ever."""
    taken = None
    for version in reversed(versions):
        if not awaiting(version.data):
            break
        taken = version.recorded_at
    return taken


def taken_at(db: Database, found: Sequence[RecordVersion]) -> dict[str, datetime]:
    """When each of these orders' telephone order awaiting its countersignature was taken (see
    `taken_from`), by id; the versions of those changed since read in one statement for a
    ward's, only theirs."""
    waiting = [record for record in found if awaiting(record.data)]
    changed = histories(db, [record.record_id for record in waiting if record.version > 1])
    return {record.record_id: taken_from(changed.get(record.record_id, [record])) or record.recorded_at
            for record in waiting}


@dataclass(frozen=True)
class ToCountersign:
    """A telephone order awaiting its countersignature, as the ward's list gives it."""

    patient: PatientSummary
    order: Order
    taken_by: str
    """Who wrote the version awaiting it (the nurse who took it), named as records name authors."""
    overdue: bool
    """Not countersigned within a day of its taking (see domain.medication.countersign_overdue)."""


def to_countersign(session: Session, ward: str | None = None,
                   inside: Sequence[PatientSummary] | None = None) -> list[ToCountersign]:
    """Every telephone order of a patient in hospital (on `ward`, when given) that no doctor has
    countersigned yet, by ward, bed and the time it was taken, each said overdue a day after: the
    morning's list for the doctor, and for the nurse in charge to chase. One stopped since is
    listed too: it was given on the doctor's word all the same. `inside`: the ward's in-patients
    by ward and bed, when the caller has read them (the handover sheet)."""
    from downtime.services.medication import order_of  # which checks orders through this module

    if inside is None:
        inside = census.in_patients(session.db, session.forms, ward=ward)  # by ward and bed
    patients = {patient.patient_id: patient for patient in inside}
    place = {patient.patient_id: number for number, patient in enumerate(inside)}
    found = [record for record in list_current(session.db, form_id=records.ORDER_FORM, patient_ids=list(patients))
             if record.status is not RecordStatus.ENTERED_IN_ERROR and awaiting(record.data)]
    named = authors(session)
    laptops = laptops_known(session, {record.device_id for record in found})
    taken = taken_at(session.db, found)
    now = session.clock()
    listed = [ToCountersign(patients[str(record.patient_id)], order, named.of(
        session.lang, record.author, record.device_id, laptops), countersign_overdue(order, now))
        for record, order in ((record, order_of(record, taken[record.record_id])) for record in found)]
    return sorted(listed, key=lambda item: (place[item.patient.patient_id], item.order.awaiting_since))

"""Telephone orders: at night, with the record down, a doctor off the ward gives an order by
telephone; the nurse who takes it writes it, read back to the doctor, and a doctor countersigns
it later, as hospitals' policies ask of a verbal order. Without them a nurse could write no
order at all: the dose given on the doctor's word went on no chart, or on a scrap of paper.

What makes a version of an order a telephone order, and who may sign which, is checked here for
the records service (`check_signature`, `check_withdrawal`); the chart reads one not yet
countersigned from its answers (domain.medication.Order.awaiting_since)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_time
from downtime.domain.laptops import Authors, Laptop
from downtime.domain.medication import Order, countersign_overdue
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Role
from downtime.formspec import Lang
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
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
WORDS = {"changed": {"en": "changed by telephone {time}: {nurse}",
                     "fr": "modifiée par téléphone le {time} : {nurse}"}}
"""A later call of a telephone order, said after the first call's nurse (see `taken_words`)."""


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


def calls(versions: Sequence[RecordVersion]) -> list[RecordVersion]:
    """The calls of the telephone order these versions of an order (oldest first) end with, oldest
    first: the versions awaiting a countersignature one after the other up to the latest, the
    first its taking, each later one a call changing it by telephone again, written by the nurse
    who took that call; none when the latest awaits none (a countersignature closes the calls
    before it)."""
    found: list[RecordVersion] = []
    for version in reversed(versions):
        if not awaiting(version.data):
            break
        found.append(version)
    return found[::-1]


def taken_from(versions: Sequence[RecordVersion]) -> datetime | None:
    """When the telephone order these versions of an order (oldest first) end with was taken: its
    first call's writing (see `calls`); None when the latest awaits none. A policy's 24 hours run
    from the first instruction (NMC, RPS): counted from the latest change, a second call kept an
    order signed by nobody off the overdue list for ever."""
    return found[0].recorded_at if (found := calls(versions)) else None


def calls_of(db: Database, found: Sequence[RecordVersion]) -> dict[str, list[RecordVersion]]:
    """The calls (see `calls`) of each of these orders awaiting a countersignature, by id; the
    versions of those changed since read in one statement for a ward's, only theirs."""
    waiting = [record for record in found if awaiting(record.data)]
    changed = histories(db, [record.record_id for record in waiting if record.version > 1])
    return {record.record_id: calls(changed.get(record.record_id, [record])) or [record] for record in waiting}


@dataclass(frozen=True)
class ToCountersign:
    """A telephone order awaiting its countersignature, as the ward's list gives it."""

    patient: PatientSummary
    order: Order
    taken_by: str
    """Who took it: the nurse who wrote its first call, then each later call changing it by
    telephone with its time and the nurse who took that one, named as records name authors
    (`taken_words`). The latest call's nurse alone was said to have taken it."""
    overdue: bool
    """Not countersigned within a day of its taking (see domain.medication.countersign_overdue)."""


def to_countersign(session: Session, ward: str | None = None,
                   inside: Sequence[PatientSummary] | None = None) -> list[ToCountersign]:
    """Every telephone order of a patient in hospital (on `ward`, when given) that no doctor has
    countersigned yet, by ward, bed and the time it was taken, with who took each call
    (`taken_words`), each said overdue a day after: the morning's list for the doctor, and for
    the nurse in charge to chase. One stopped since is listed too: it was given on the doctor's
    word all the same. `inside`: the ward's in-patients by ward and bed, when the caller has read
    them (the handover sheet)."""
    from downtime.services.medication import order_of  # which checks orders through this module

    if inside is None:
        inside = census.in_patients(session.db, session.forms, ward=ward)  # by ward and bed
    patients = {patient.patient_id: patient for patient in inside}
    place = {patient.patient_id: number for number, patient in enumerate(inside)}
    found = [record for record in list_current(session.db, form_id=records.ORDER_FORM, patient_ids=list(patients))
             if record.status is not RecordStatus.ENTERED_IN_ERROR and awaiting(record.data)]
    made = calls_of(session.db, found)
    named = authors(session)
    laptops = laptops_known(session, {call.device_id for record_calls in made.values() for call in record_calls})
    now = session.clock()
    listed = [ToCountersign(patients[str(record.patient_id)], order,
                            taken_words(made[record.record_id], named, laptops, session.lang, now.tzinfo),
                            countersign_overdue(order, now))
              for record, order in ((record, order_of(record, made[record.record_id][0].recorded_at))
                                    for record in found)]
    return sorted(listed, key=lambda item: (place[item.patient.patient_id], item.order.awaiting_since))


def taken_words(made: Sequence[RecordVersion], named: Authors, laptops: Mapping[str, Laptop], lang: Lang,
                zone: tzinfo | None) -> str:
    """Who took each call of a telephone order (`made`, see `calls`), each for their own: "Hélène
    Lefèvre (nurse); changed by telephone 29/11 13:00: Paul Girard (nurse)". The first took the
    order, a later one its change, which the doctor countersigning asks about."""
    first, *changes = made
    return semicolon(lang).join([named.of(lang, first.author, first.device_id, laptops), *(
        WORDS["changed"][lang].format(time=ward_time(call.recorded_at, zone),
                                      nurse=named.of(lang, call.author, call.device_id, laptops))
        for call in changes)])

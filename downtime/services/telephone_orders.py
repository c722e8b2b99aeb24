"""Telephone orders: at night, with the record down, a doctor off the ward gives an order by
telephone; the nurse who takes it writes it, read back to the doctor, and a doctor countersigns
it later, as hospitals' policies ask of a verbal order. Without them a nurse could write no
order at all: the dose given on the doctor's word went on no chart, or on a scrap of paper.

What makes a version of an order a telephone order, and who may sign which, is checked here for
the records service (`check_signature`, `check_withdrawal`); the chart reads one not yet
countersigned from its answers (domain.medication.Order.awaiting_since)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_time
from downtime.domain import elapsed
from downtime.domain.laptops import Authors, Laptop
from downtime.domain.medication import COUNTERSIGN_WITHIN, Order, countersign_overdue
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Role
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import census, records
from downtime.services.context import Session
from downtime.services.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from downtime.services.laptops import authors, laptops_known
from downtime.services.patients import PatientSummary
from downtime.storage.records import histories, list_current

TELEPHONE = "telephone_order"
TELEPHONE_AT = "telephone_at"
"""When the prescriber gave the call (the form's version 6); none on an older one, or left empty."""
READ_BACK = "read_back"
COUNTERSIGNED = "countersigned"

PRESCRIBERS = frozenset({Role.DOCTOR})
"""The roles that sign an order of their own; anyone else who may write one (a ward nurse)
writes only a telephone order."""

COUNTERSIGN_REASON = QT_TRANSLATE_NOOP("messages", "Telephone order countersigned")
CALL_AFTER_START = QT_TRANSLATE_NOOP("messages", "“{field}” is after the order's start ({start}): an order runs from "
                                                 "when the prescriber gave it. Correct the call's time, or the start.")
CALL_LONG_BEFORE = QT_TRANSLATE_NOOP("messages", "The call was given on {time}, more than a day before now: the order "
                                                 "is overdue for a doctor's countersignature at once. Is the date "
                                                 "right?")
CALL_MOVED_LATER = QT_TRANSLATE_NOOP("messages", "The call's time moves later, from {before} to {time}: the 24 hours "
                                                 "for a doctor's countersignature count from it. Is it the time the "
                                                 "prescriber gave the order?")
WORDS = {"changed": {"en": "changed by telephone {time}: {nurse}",
                     "fr": "modifiée par téléphone le {time} : {nurse}"},
         "overdue": {"en": "TELEPHONE ORDER NOT COUNTERSIGNED for {hours} h (taken {time}): ask a doctor to "
                           "countersign it",
                     "fr": "PRESCRIPTION TÉLÉPHONIQUE NON CONTRESIGNÉE depuis {hours} h (reçue le {time}) : "
                           "demander à un médecin de la contresigner"},
         "sheet": {"en": "{order} (taken {time})", "fr": "{order} (reçue le {time})"},
         "overdue_sheet": {"en": "{order} (taken {time} — OVER 24 H)",
                           "fr": "{order} (reçue le {time} — PLUS DE 24 H)"}}
"""A later call of a telephone order, said after the first call's nurse (see `taken_words`); one
overdue, on the escalation list (see `overdue_said`); each on the handover sheet (see
`ToCountersign.sheet_line`)."""


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
    stays one: the EHR and the records office are told who took it. A new order's call
    (`TELEPHONE_AT`) is not after its start: started at 01:00 and given at 03:00, it ran two hours
    before anyone gave it, and a dose charted at 01:30 raised no question (the start's own check
    asks it now). A later call changing an order comes after its start, and is not held to it; a
    correction of the call's time (`_call_time_only`) is: "corrected" to after the start, an
    overdue order left the overdue list."""
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
    if telephone and (before is None or _call_time_only(data, before)) and data.get(TELEPHONE_AT) and data.get(
            "start_at") and (
            datetime.fromisoformat(data[TELEPHONE_AT]) > datetime.fromisoformat(data["start_at"])):
        raise ValidationFailed([FieldError(TELEPHONE_AT, message(
            session.lang, CALL_AFTER_START, field=label(TELEPHONE_AT),
            start=_dated(datetime.fromisoformat(data["start_at"]), session.clock().tzinfo)))])


def call_doubt(session: Session, data: dict[str, Any], before: dict[str, Any] | None) -> str | None:
    """What to ask of a call's time (`TELEPHONE_AT`) typed, or changed, more than a day before now
    (domain.medication.COUNTERSIGN_WITHIN): a date or a year mistyped made the order overdue at once
    on every list, nothing saying why; a paper order typed a day late is such an order all the same.
    And of one moved later by a correction (`corrects`; a later call is its own time): "corrected" a
    day on, an overdue order left the overdue list. None when there is nothing to ask."""
    given = data.get(TELEPHONE_AT) if data.get(TELEPHONE) is True else None
    if not given or (before is not None and before.get(TELEPHONE_AT) == given):
        return None
    at, now = datetime.fromisoformat(given), session.clock()
    if before is not None and _call_time_only(data, before) and before.get(TELEPHONE_AT) and at > (
            was := datetime.fromisoformat(before[TELEPHONE_AT])):
        return message(session.lang, CALL_MOVED_LATER, before=_dated(was, now.tzinfo), time=_dated(at, now.tzinfo))
    if elapsed.instant(now) - elapsed.instant(at) <= COUNTERSIGN_WITHIN:
        return None
    return message(session.lang, CALL_LONG_BEFORE, time=_dated(at, now.tzinfo))


def _dated(moment: datetime, zone: tzinfo | None) -> str:
    """"27/11/2025 02:00" on the clock of `zone`: a call's time said with its year, a year mistyped
    being what makes one a day or more old."""
    return f"{moment.astimezone(zone):%d/%m/%Y %H:%M}"


def amended_from(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    """What an order's amendment starts from for the person signed in: a nurse's is a telephone
    order, to be read back again and countersigned again; a doctor changing a telephone order
    signs it. Each answer shown, for them to check before saving; a nurse's new call asks its own
    time (`TELEPHONE_AT`), the earlier call's not carried over to it."""
    if not prescribes(session):
        return {**data, TELEPHONE: True, TELEPHONE_AT: None, READ_BACK: None, COUNTERSIGNED: False}
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
    before it). A version that only corrects the time of the call before it (`corrects`) stands
    for that call: a mistyped time amended was a second call, the first's time still counted."""
    found: list[RecordVersion] = []
    for version in reversed(versions):
        if not awaiting(version.data):
            break
        found.append(version)
    made: list[RecordVersion] = []
    for version in reversed(found):
        if made and corrects(version, made[-1]):
            made[-1] = version
        else:
            made.append(version)
    return made


def _call_time_only(data: Mapping[str, Any], before: Mapping[str, Any]) -> bool:
    """Whether an amendment changes nothing but the call's time (`TELEPHONE_AT`), to a time. Both
    versions await a countersignature, read back (`calls`, `check_signature`): how those two are
    written is no change."""
    changed = {name for name in {*data, *before} if data.get(name) != before.get(name)} - {READ_BACK, COUNTERSIGNED}
    return changed == {TELEPHONE_AT} and bool(data.get(TELEPHONE_AT))


def corrects(version: RecordVersion, before: RecordVersion) -> bool:
    """Whether `version` only corrects the time of the call `before` (the version before it) is of:
    its own nurse amending nothing but `TELEPHONE_AT` (`_call_time_only`). Moved later, it restarts
    the 24 hours to countersign: `check_signature` holds it to the order's start and the form to
    now, and the form view asks of it (`call_doubt`)."""
    return _call_time_only(version.data, before.data) and version.author == before.author


def taken_at(call: RecordVersion) -> datetime:
    """When a call of a telephone order was given: the time the nurse gives it (`TELEPHONE_AT`),
    else the version's writing. An order given at 02:00 in an emergency and typed at 04:30 was
    said taken at 04:30, its 24 hours to countersign counted from then."""
    return datetime.fromisoformat(given) if (given := call.data.get(TELEPHONE_AT)) else call.recorded_at


def taken_from(versions: Sequence[RecordVersion]) -> datetime | None:
    """When the telephone order these versions of an order (oldest first) end with was taken: its
    first call's time (see `calls`, `taken_at`); None when the latest awaits none. A policy's 24
    hours run from the first instruction (NMC, RPS): counted from the latest change, a second call
    kept an order signed by nobody off the overdue list for ever."""
    return taken_at(found[0]) if (found := calls(versions)) else None


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

    def sheet_line(self, order_form: FormSpec, lang: Lang, zone: tzinfo | None) -> str:
        """The order as the handover sheet lists it, when it was taken on the clock of `zone`, and
        once overdue that it is: "Calcium gluconate 10% 30 mL IV (taken 28/11 14:00 — OVER 24 H)".
        The sheet said the same of an order 28 hours unsigned as of one taken an hour before."""
        from downtime.services.medication import order_label  # which checks orders through this module

        taken = "" if self.order.awaiting_since is None else ward_time(self.order.awaiting_since, zone)
        return WORDS["overdue_sheet" if self.overdue else "sheet"][lang].format(
            order=order_label(self.order, order_form, lang), time=taken)


def to_countersign(session: Session, ward: str | None = None,
                   inside: Sequence[PatientSummary] | None = None) -> list[ToCountersign]:
    """Every telephone order of a patient in hospital (on `ward`, when given) that no doctor has
    countersigned yet, by ward, bed and the time it was taken, with who took each call
    (`taken_words`), each said overdue a day after: the morning's list for the doctor, and for
    the nurse in charge to chase. One stopped since is listed too: it was given on the doctor's
    word all the same. Then those of the patients who left hospital since (from `ward`), by name,
    each saying how they left (`PatientSummary.stay`): the verbal order a drug was given on the
    day of a discharge left every list, and no doctor was ever asked to sign it. `inside`: the
    ward's in-patients by ward and bed, when the caller has read them (the handover sheet)."""
    if inside is None:
        inside = census.in_patients(session.db, session.forms, ward=ward)  # by ward and bed
    staying = {patient.patient_id for patient in inside}
    left = sorted(census.left_from(session.db, session.forms, _awaiting_patients(session.db) - staying, ward),
                  key=lambda patient: (patient.display_name, patient.patient_id))
    patients = {patient.patient_id: patient for patient in [*inside, *left]}
    place = {patient_id: number for number, patient_id in enumerate(patients)}
    made = _awaiting_calls(session.db, patients)
    named = authors(session)
    laptops = laptops_known(session, {call.device_id for _, record_calls in made for call in record_calls})
    now = session.clock()
    listed = [ToCountersign(patients[order.patient_id], order,
                            taken_words(record_calls, named, laptops, session.lang, now.tzinfo),
                            countersign_overdue(order, now))
              for order, record_calls in made]
    return sorted(listed, key=lambda item: (place[item.patient.patient_id], item.order.awaiting_since))


def _awaiting_patients(db: Database) -> set[str]:
    """The patients with a standing telephone order awaiting a countersignature, found by the
    database (see `awaiting`)."""
    return {row[0] for row in db.execute(
        "SELECT DISTINCT patient_id FROM current_records WHERE form_id = ? AND status != ?"
        " AND json_extract(data, '$.telephone_order') = 1 AND coalesce(json_extract(data, '$.countersigned'), 0) != 1",
        [records.ORDER_FORM, RecordStatus.ENTERED_IN_ERROR.value])}


def _awaiting_calls(db: Database, patient_ids: Collection[str]) -> list[tuple[Order, list[RecordVersion]]]:
    """These patients' standing telephone orders awaiting a countersignature, each said taken at its
    first call (`taken_at`), with its calls (`calls_of`)."""
    from downtime.services.medication import order_of  # which checks orders through this module

    found = [record for record in list_current(db, form_id=records.ORDER_FORM, patient_ids=list(patient_ids))
             if record.status is not RecordStatus.ENTERED_IN_ERROR and awaiting(record.data)]
    made = calls_of(db, found)
    return [(order_of(record, taken_at(made[record.record_id][0])), made[record.record_id]) for record in found]


def awaiting_orders(db: Database, patient_ids: Collection[str]) -> dict[str, list[Order]]:
    """These patients' telephone orders awaiting a countersignature, by patient, each said taken at
    its first call (`taken_from`): what the escalation list reads (`overdue_said`)."""
    found: dict[str, list[Order]] = {}
    for order, _ in _awaiting_calls(db, patient_ids):
        found.setdefault(order.patient_id, []).append(order)
    return found


def overdue_said(order: Order, at: datetime, lang: Lang) -> str | None:
    """What the escalation list says at `at` of a telephone order not countersigned a day after it
    was taken (domain.medication.countersign_overdue): "TELEPHONE ORDER NOT COUNTERSIGNED for 28 h
    (taken 28/11/2026 14:00): ask a doctor to countersign it"; None before. The sheet and the list
    said nothing of it: only the dialog did, and a dose of it. The year is said: a call typed a year
    wrong was "8762 h (taken 28/11 02:00)", nobody seeing why."""
    if order.awaiting_since is None or not countersign_overdue(order, at):
        return None
    hours = int((at - order.awaiting_since).total_seconds() // 3600)
    return WORDS["overdue"][lang].format(hours=hours, time=_dated(order.awaiting_since, at.tzinfo))


def countersign_due(order: Order, at: datetime) -> datetime | None:
    """When a telephone order awaiting its countersignature falls overdue after `at`, the escalation
    list read again then; None when it is already (`overdue_said`), or awaits none."""
    if order.awaiting_since is None or countersign_overdue(order, at):
        return None
    return elapsed.later(order.awaiting_since, COUNTERSIGN_WITHIN)


def taken_words(made: Sequence[RecordVersion], named: Authors, laptops: Mapping[str, Laptop], lang: Lang,
                zone: tzinfo | None) -> str:
    """Who took each call of a telephone order (`made`, see `calls`), each for their own: "Hélène
    Lefèvre (nurse); changed by telephone 29/11 13:00: Paul Girard (nurse)". The first took the
    order, a later one its change, which the doctor countersigning asks about."""
    first, *changes = made
    return semicolon(lang).join([named.of(lang, first.author, first.device_id, laptops), *(
        WORDS["changed"][lang].format(time=ward_time(taken_at(call), zone),
                                      nurse=named.of(lang, call.author, call.device_id, laptops))
        for call in changes)])

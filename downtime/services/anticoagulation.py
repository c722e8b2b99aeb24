"""What an anticoagulant's dose and order ask beyond their own medicine (domain.anticoagulation),
read from the patient's records: the INR a vitamin K antagonist waits on, another anticoagulant
on the chart, a VTE decision against it, an operation booked within its hold. Said by the dose
dialog and the round (services.medication.check_dose, round_list) and to the prescriber
(services.medication.duplicate_orders), as a drug level and a glucose are: an INR of 5.8
phoned at 13:00 left the 18:00 warfarin DUE like any other, and 5 mg of it was saved unasked."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.anticoagulation import (COAGULATION, INR_BY_RULE, INR_DECIDED, INR_RECENT, INR_REVIEWED,
                                             before_operation, held_before_operation, inr_high, other_anticoagulants,
                                             overlap, rule_band, vitamin_k_antagonist)
from downtime.domain.clock import ward_time
from downtime.domain.lab_results import Flag, Reading, inr_reading, is_inr, reference_range
from downtime.domain.medication import Administration, Check, Order, Outcome, Warning, anticoagulant, shares_a_medicine
from downtime.domain.records import RecordVersion
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import lab_results, medication, theatre, vte
from downtime.services.context import Session
from downtime.storage.records import histories

INR_HIGH = QT_TRANSLATE_NOOP(
    "messages", "{drug}: INR {result} ({range}) received {time}: hold and ask the doctor.")
INR_AWAITED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: INR AWAITED (sent {taken}): check it before giving.")
INR_TYPED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the reading typed ({typed}) is not the latest INR ({result}, received {time}): check which "
                "is right before giving.")
INR_NOT_READ = QT_TRANSLATE_NOOP(
    "messages", "{drug}: INR “{result}” received {time}, flagged by the laboratory, not read as one number: hold "
                "and ask the doctor.")
"""The latest INR since the last dose, flagged Critical or Abnormal by the laboratory and not read as
one number ("8.5, repeat 8.7", "INR 6.2 H (2-3)"): it held nothing, where a potassium so flagged
holds (domain.potassium.POTASSIUM_NOT_READ)."""
HELD_ON_LETTER = {
    INR_HIGH: QT_TRANSLATE_NOOP("messages", "{drug}: INR {result} ({range}) received {time}."),
    INR_NOT_READ: QT_TRANSLATE_NOOP("messages", "{drug}: INR “{result}” received {time}, flagged by the laboratory, "
                                                "not read as one number."),
    INR_AWAITED: QT_TRANSLATE_NOOP("messages", "{drug}: INR AWAITED (sent {taken})."),
    INR_TYPED: QT_TRANSLATE_NOOP("messages", "{drug}: the reading typed ({typed}) is not the latest INR ({result}, "
                                             "received {time}).")}
"""Each hold above as a letter to the next team says it (services.medication.on_letter): the fact,
not this ward's "hold and ask the doctor" or "check it before giving"."""
TWO_ANTICOAGULANTS = QT_TRANSLATE_NOOP(
    "messages", "{drug}: already on an anticoagulant ({others}): two at once make a bleed likely. Ask the doctor "
                "before giving it.")
BEFORE_OPERATION = QT_TRANSLATE_NOOP(
    "messages", "{drug}: operation booked {time}, within {hours} hours of this dose: ask the surgeon or anaesthetist "
                "whether to give it.")
BEFORE_OPERATION_DAYS = QT_TRANSLATE_NOOP(
    "messages", "{drug}: operation booked {time}, within {days} days of this dose: ask the surgeon or anaesthetist "
                "whether to give it.")
BEFORE_OPERATION_WAITING = QT_TRANSLATE_NOOP(
    "messages", "{drug}: operation booked {time}, not yet recorded done: if the patient has not gone to theatre yet, "
                "ask the surgeon or anaesthetist whether to give it.")
ALREADY_ANTICOAGULATED = QT_TRANSLATE_NOOP(
    "messages", "Already on an anticoagulant: {orders} — stop it, or say why both.")
LATEST_INR = QT_TRANSLATE_NOOP("messages", "Latest INR: {result} at {time}")


def _inrs(results: Sequence[lab_results.Received], since: datetime | None, at: datetime) -> list[lab_results.Received]:
    """The INR results received by `at` (since `since`, when given), oldest first."""
    return sorted((one for one in results if is_inr(str(one.record.data.get("test") or ""))
                   and (since is None or elapsed.instant(since) <= elapsed.instant(one.received_at))
                   and elapsed.reached(one.received_at, at)), key=lambda one: elapsed.instant(one.received_at))


def latest_inr(results: Sequence[lab_results.Received], at: datetime) -> lab_results.Received | None:
    """The latest INR received by `at`, read or not: "> 8" or "8.5, repeat 8.7" is shown as typed,
    where only a value read as one number was, and yesterday's 2.4 was shown as the latest."""
    found = _inrs(results, None, at)
    return found[-1] if found else None


def _reading(one: lab_results.Received) -> Reading | None:
    return inr_reading(str(one.record.data["result"]))


def _range_top(one: lab_results.Received) -> float | None:
    read = reference_range(one.record.data.get("range"))
    return None if read is None else read[1]


def _result(one: lab_results.Received) -> str:
    return " ".join(str(one.record.data["result"]).split())


def last_dosed(found: Order, theirs: Iterable[Order], given: Iterable[Administration], at: datetime) -> datetime:
    """When the medicine of `found` was last given before `at` on any of the patient's orders
    (`theirs`), else when its first order started: an INR is weighed from then. Orders are
    rewritten daily in a downtime, and the 5.8 phoned before the new order started held nothing.
    Only orders that are themselves anticoagulants: a reversal's dose (the vitamin K given for
    that INR) is never the anticoagulant's, and an INR of 9 held no warfarin once it was given."""
    same = [other for other in theirs if other.record_id == found.record_id
            or anticoagulant(other.drug) and shares_a_medicine(other.drug, found.drug)]
    ids = {other.record_id for other in same} | {found.record_id}
    start = min((other.start_at for other in [found, *same]), key=elapsed.instant)
    return max((dose.at for dose in given if dose.order_id in ids and dose.outcome is Outcome.GIVEN
                and elapsed.instant(dose.at) < elapsed.instant(at)), key=elapsed.instant, default=start)


DOSED_BY = ("drug", "dose_min", "dose", "dose_unit", "dose_rule", "route", "frequency", "times", "every_days",
            "start_at")
"""The order's fields that say what is given and when: an amendment changing one is a decision on
the dose."""


def amended_since(versions: Sequence[RecordVersion], received_at: datetime, at: datetime,
                  names: Callable[[str], bool]) -> list[RecordVersion]:
    """An order's amendments (of its `versions`, oldest first) recorded once a result was received
    and by `at` that decided on the dose: they changed what is given or when (`DOSED_BY`), or their
    reason names the result (`names`: "INR 3.4 seen, continue 3 mg"). An indication put right after
    the result is no answer to it. A high INR's and a high potassium's (services.potassium) alike."""
    return [version for before, version in zip(versions, versions[1:])
            if elapsed.reached(received_at, version.recorded_at) and elapsed.reached(version.recorded_at, at)
            and (any(version.data.get(name) != before.data.get(name) for name in DOSED_BY)
                 or names(version.reason or ""))]


def _names_inr(reason: str) -> bool:
    return "inr" in reason.casefold()


def _decided(found: Order, versions: Sequence[RecordVersion], one: lab_results.Received, reading: Reading,
             at: datetime) -> tuple[str, dict[str, str]] | None:
    """The prescriber's decision on a high INR, as its warning's template and words: the order
    amended on its dose (`amended_since`) by `at` once the INR was received (the latest such
    amendment's reason), else the band of the order's dose rule that names it (domain.
    anticoagulation.rule_band); None when neither, and the nurse asks the doctor. The 1 mg the
    doctor's own rule gave for 3.4 needed an override nightly."""
    amended = amended_since(versions, one.received_at, at, _names_inr)
    if amended:
        return INR_REVIEWED, {"reason": " ".join(str(amended[-1].reason or "").split())}
    band = rule_band(found.dose_rule, reading)
    return None if band is None else (INR_BY_RULE, {"band": band})


def _not_read(drug: str, one: lab_results.Received, versions: Sequence[RecordVersion], at: datetime) -> Warning:
    """The hold of an INR flagged and not read (`INR_NOT_READ`), said as the prescriber's decision
    once the order is amended on its dose since it came back (`amended_since`, `INR_REVIEWED`)."""
    values = {"drug": drug, "result": _result(one), "range": " ".join(str(one.record.data.get("range") or "").split()),
              "time": ward_time(one.received_at, None)}
    if amended := amended_since(versions, one.received_at, at, _names_inr):
        return Warning(Check.INR_HIGH, INR_REVIEWED, {**values, "reason": " ".join(str(amended[-1].reason or "").split())})
    return Warning(Check.INR_HIGH, INR_NOT_READ, values)


def inr_warnings(found: Order, theirs: Iterable[Order], results: Sequence[lab_results.Received],
                 sent: Sequence[lab_results.Sent], given: Iterable[Administration], at: datetime,
                 typed: str | None = None, versions: Sequence[RecordVersion] = ()) -> list[Warning]:
    """What a dose at `at` of a vitamin K antagonist waits on (none for another medicine), since
    its medicine was last given on any of the patient's orders `theirs` (`last_dosed`): the latest
    INR read received since then, when above its target (domain.anticoagulation.inr_high; a 5.8
    repeated 2.6 held the warfarin for the 5.8), or the latest flagged and not read (`_not_read`),
    said as the prescriber's decision instead when the
    order's `versions` or its dose rule hold one (`_decided`: domain.anticoagulation.INR_DECIDED,
    which holds no dose); the latest coagulation sample sent since then no
    INR was received after (one typed without its sample number ends it too; unless closed); and a
    reading `typed` as the dose's "Measured value" that is not the latest INR, both read
    (yesterday's "INR 2.4" typed from the chart over today's 5.8). Times on the ward's clock, not
    the dose's offset: the 18:00 dose the day the clocks went back said the INR received at 20:00
    the evening before "received 24/10 19:00"."""
    if not vitamin_k_antagonist(found.drug):
        return []
    drug = " ".join(found.drug.split())
    since = last_dosed(found, theirs, given, at)
    inrs = _inrs(results, since, at)
    read = [(one, reading) for one in inrs if (reading := _reading(one)) is not None]
    said = [Warning(Check.INR_HIGH, INR_HIGH if decided is None else decided[0], {
        "drug": drug, "result": _result(one), "range": " ".join(str(one.record.data.get("range") or "2.0–3.0").split()),
        "time": ward_time(one.received_at, None), **({} if decided is None else decided[1])})
        for one, reading in read[-1:] if inr_high(reading, _range_top(one))
        for decided in [_decided(found, versions, one, reading, at)]]
    said += [_not_read(drug, one, versions, at) for one in inrs[-1:]
             if _reading(one) is None and one.flag is not Flag.NORMAL]
    awaited = [one for one in sent if COAGULATION in one.awaited and one.outcome is None
               and elapsed.instant(since) <= elapsed.instant(one.taken_at) and elapsed.reached(one.taken_at, at)
               and not any(elapsed.instant(one.taken_at) <= elapsed.instant(back.received_at) for back in inrs)]
    said += [Warning(Check.INR_AWAITED, INR_AWAITED, {
        "drug": drug, "taken": ward_time(one.taken_at, None)}) for one in awaited[-1:]]
    latest = latest_inr(results, at)
    reading, latest_read = inr_reading(typed or ""), None if latest is None else _reading(latest)
    if latest is not None and reading is not None and latest_read is not None and not reading.same(latest_read):
        said.append(Warning(Check.INR_TYPED, INR_TYPED, {
            "drug": drug, "typed": " ".join((typed or "").split()), "result": _result(latest),
            "time": ward_time(latest.received_at, None)}))
    return said


def inr_now(db: Database, found: Iterable[Order], now: datetime) -> dict[str, tuple[Warning, ...]]:
    """What each vitamin K antagonist order waits on now (`inr_warnings`), by order, for the round
    and the chart: the orders, results and doses are read only for the patients with one."""
    dosed = {one.record_id: one for one in found if vitamin_k_antagonist(one.drug)}
    patient_ids = {one.patient_id for one in dosed.values()}
    if not patient_ids:
        return {}
    results, sent = lab_results.charts(db, patient_ids), lab_results.samples_of(db, patient_ids)
    theirs = medication.orders_of_each(db, patient_ids, now)
    given = {patient_id: medication.administrations(db, patient_id) for patient_id in patient_ids}
    versions = histories(db, list(dosed))
    return {order_id: tuple(inr_warnings(one, theirs[one.patient_id], results.get(one.patient_id, []),
                                         sent.get(one.patient_id, []), given[one.patient_id], now,
                                         versions=versions.get(order_id, [])))
            for order_id, one in dosed.items()}


def dose_warnings(session: Session, found: Order, values: dict[str, object]) -> list[Warning]:
    """What a dose given of an anticoagulant asks at its time beyond its own medicine: its INR
    (`inr_warnings`; not a high one the prescriber decided on, which the round quotes), another
    anticoagulant running then (domain.anticoagulation.other_anticoagulants: the enoxaparin given
    at 20:05 five minutes after the apixaban), a VTE
    decision of no prophylaxis for the bleeding risk (vte.given_against), an operation booked
    within its hold (domain.anticoagulation.before_operation: apixaban at 07:30 before a hernia
    repair at 08:00, or at 08:05 while it waits on a list running late: theatre.next_operation).
    Not of a dose not given, nor of one copied from the paper chart, given already."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(medication.TRANSCRIBED) \
            or not anticoagulant(found.drug):
        return []
    db, at, drug = session.db, datetime.fromisoformat(str(values["given_at"])), " ".join(found.drug.split())
    theirs = medication.orders(db, found.patient_id, at)
    said = [warning for warning in inr_warnings(
        found, theirs, lab_results.chart(db, found.patient_id), lab_results.samples(db, found.patient_id),
        medication.administrations(db, found.patient_id), at, str(values.get(medication.DECIDED_ON) or "") or None,
        histories(db, [found.record_id])[found.record_id]) if warning.template not in INR_DECIDED]
    order_form = session.form(medication.ORDER_FORM)
    if others := other_anticoagulants(found, at, theirs):
        said.append(Warning(Check.TWO_ANTICOAGULANTS, TWO_ANTICOAGULANTS, {"drug": drug, "others": semicolon(
            session.lang).join(medication.order_label(other, order_form, session.lang) for other in others)}))
    said += vte.given_against(session, found, at)
    held = held_before_operation(found)
    booked = None if held is None else theatre.next_operation(db, found.patient_id, at)
    if held is not None and booked is not None and before_operation(found, at, booked):
        said.append(_before_operation(drug, held, booked, at))
    return said


def _before_operation(drug: str, held: timedelta, booked: datetime, at: datetime) -> Warning:
    """The warning of a dose at `at` within its hold before an operation booked at `booked`, the
    hold said as a nurse counts it: a vitamin K antagonist's "5 days", where "120 hours" was said;
    48 hours stay hours. One whose start has passed, not recorded done (its list still running:
    theatre.next_operation), is said as such: "within 48 hours of this dose" told the nurse of an
    operation still to come. Its date is said as a start to come's is: an overnight list's 23:30
    operation was said "booked 23:30 today" at 00:30, of yesterday's. On the ward's clock: an
    apixaban given in summer time said an operation at 08:00 after the clocks went back "09:00"."""
    time = ward_time(booked, None)
    if elapsed.instant(booked) <= elapsed.instant(at):
        return Warning(Check.BEFORE_OPERATION, BEFORE_OPERATION_WAITING, {"drug": drug, "time": time})
    days, left = divmod(held, timedelta(days=1))
    if days >= 3 and not left:
        return Warning(Check.BEFORE_OPERATION, BEFORE_OPERATION_DAYS, {"drug": drug, "time": time, "days": str(days)})
    return Warning(Check.BEFORE_OPERATION, BEFORE_OPERATION, {
        "drug": drug, "time": time, "hours": str(round(held.total_seconds() / 3600))})


def prescribed_beside(session: Session, new: Order, record_id: str | None = None) -> str | None:
    """What to ask the prescriber before an anticoagulant order is saved (None: nothing) when the
    patient has an order of another anticoagulant giving doses over a same time (domain.
    anticoagulation.overlap; one of the same medicine is "Already ordered"): enoxaparin written
    beside running apixaban was saved unasked. One stopped as this one starts is a switch, not asked."""
    if not anticoagulant(new.drug):
        return None
    now, order_form = session.clock(), session.form(medication.ORDER_FORM)
    found = [medication.order_reading(other, order_form, session.lang, at=now)
             for other in medication.orders(session.db, new.patient_id, now)
             if other.record_id != record_id and anticoagulant(other.drug)
             and not shares_a_medicine(other.drug, new.drug) and overlap(new, other)]
    if not found:
        return None
    return message(session.lang, ALREADY_ANTICOAGULATED, orders=semicolon(session.lang).join(found))


def for_the_dose(db: Database, found: Order, at: datetime, lang: str) -> tuple[str, str]:
    """What the dose dialog of a variable dose of a vitamin K antagonist shows beside "Measured
    value", and the reading to start it with: "Latest INR: 5.8 at 28/11 13:00" and "INR 5.8", the
    reading only when received within `INR_RECENT` ("", "" for another order, or none received):
    the nurse typed yesterday's INR from the paper chart over today's 5.8."""
    if not (vitamin_k_antagonist(found.drug) and found.asks_reading):
        return "", ""
    latest = latest_inr(lab_results.chart(db, found.patient_id), at)
    if latest is None:
        return "", ""
    recent = elapsed.between(latest.received_at, at) <= INR_RECENT
    return (message(lang, LATEST_INR, result=_result(latest), time=ward_time(latest.received_at, None)),
            f"INR {_result(latest)}" if recent else "")

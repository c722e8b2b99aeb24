"""What a high potassium asks of a dose of a medicine that raises it (domain.potassium), read from
the patient's results, samples, orders and the order's amendments: one rule (`potassium_warnings`) said by
the dose dialog, which asks the nurse's reason to give it all the same (services.medication.
check_dose), and by the round, the medication chart and the printed MAR (services.medication.
holds_now), as a high INR is (services.anticoagulation): a potassium of 6.8 phoned as critical at
10:30 left the 12:00 Sando-K, ramipril and spironolactone due like any other dose, given unasked.
The hold lasts until a potassium sampled since is at or below its range's top, or the prescriber
amends the order: a nurse's reason to give one dose is no decision, and the next day's dose was
given unasked (review S_NL S7)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed, order_units
from downtime.domain.clock import ward_time
from downtime.domain.lab_results import Bound, Flag, Reading
from downtime.domain.medication import Check, Order, Outcome, Warning, same_medicine, shares_a_medicine
from downtime.domain.potassium import (POTASSIUM_HIGH, POTASSIUM_NOT_READ, POTASSIUM_NOT_READ_ORDERED,
                                       POTASSIUM_NOT_REPEATED, POTASSIUM_ORDERED, POTASSIUM_REVIEWED, USUAL_RANGE, WITHIN,
                                       high, in_range, is_potassium, mmol_per_l, names_potassium, potassium_said,
                                       raises_potassium)
from downtime.domain.records import RecordVersion
from downtime.i18n import Lang, Listed, Number, Phrase, Said, semicolon
from downtime.services import lab_results, medication
from downtime.services.anticoagulation import amended_since
from downtime.services.context import Session


def _since(found: Order, theirs: Iterable[Order], at: datetime) -> datetime:
    """From when a potassium received holds a dose of `found` at `at`: its medicine's first order's
    start, on any of the patient's orders (domain.medication.same_medicine: an order rewritten daily
    is one), and at least `WITHIN` before it. Not from its last dose: one given on a nurse's reason
    ended the hold a day after, with no new potassium and no doctor's decision (review S_NL S7)."""
    theirs = [found, *theirs]
    ids = same_medicine(found, theirs)
    start = min((other.start_at for other in theirs if other.record_id in ids), key=elapsed.instant)
    return min(start, elapsed.earlier(at, WITHIN), key=elapsed.instant)


def _judged_by(one: lab_results.Received) -> tuple[Flag, str]:
    """The flag and range a result's potassium is judged by (domain.potassium.high, in_range): a
    potassium's own; none for a panel's, whose flag and range may be another of its results' (a U&E
    flagged Critical for its sodium, "135–145"): judged from 6.0 above the usual range."""
    data = one.record.data
    return (one.flag, " ".join(str(data.get("range") or "").split())) \
        if is_potassium(str(data.get("test") or "")) else (Flag.NORMAL, "")


def _mmol(one: lab_results.Received) -> Reading | str | None:
    """A result's potassium in mmol/L (domain.potassium.potassium_said, mmol_per_l); when it is not
    read and the laboratory flagged it (not Normal: `_judged_by`), its result as typed, which holds as
    not read (`POTASSIUM_NOT_READ`): "6.8, repeat 6.9" flagged Critical held nothing (review T4 D1);
    None for another test, or a Normal one not read."""
    data = one.record.data
    said = potassium_said(str(data.get("test") or ""), str(data.get("result") or ""))
    if said is None:
        return None
    read = mmol_per_l(said, data.get("units"))
    return read if read is not None or _judged_by(one)[0] is Flag.NORMAL \
        else " ".join(str(data.get("result") or "").split())


def _high(one: lab_results.Received, read: Reading | str) -> bool:
    """Whether a result (`_mmol`) holds: high (domain.potassium.high), or flagged and not read, which
    only a doctor can judge."""
    return isinstance(read, str) or high(read, *_judged_by(one))


def _in_range(one: lab_results.Received, read: Reading | str) -> bool:
    """Whether a result (`_mmol`) ends a hold (domain.potassium.in_range); one not read never does."""
    return not isinstance(read, str) and in_range(read, _judged_by(one)[1])


def _sample(one: lab_results.Received, sent: Sequence[lab_results.Sent]) -> lab_results.Sent | None:
    """The sample of `sent` a result names, if any."""
    return next((sample for sample in sent
                 if any(back.record.record_id == one.record.record_id for back in sample.results)), None)


def _taken_at(one: lab_results.Received, sent: Sequence[lab_results.Sent]) -> datetime:
    """When a result's sample was taken: as it gives it, else as the sample it names does (`sent`),
    else when it was received. The 06:00 routine potassium on the paper report at 11:20 is older
    than the 09:30 sample's 6.8 phoned at 10:30, and ended its hold (review S_NL S3)."""
    taken, sample = one.record.data.get("sample_taken_at"), _sample(one, sent)
    return datetime.fromisoformat(taken) if taken else one.received_at if sample is None else sample.taken_at


def _rejected(one: lab_results.Received, sent: Sequence[lab_results.Sent]) -> bool:
    """Whether a result is of a sample closed as rejected or lost (lab_results.FAILED): a haemolysed
    sample's potassium is falsely high, and its 6.1 held the Sando-K of a patient whose potassium is
    low until a repeat was typed (review S_GLN S4)."""
    sample = _sample(one, sent)
    return sample is not None and sample.outcome in lab_results.FAILED


def _value(read: Reading | str) -> Said | str:
    """A potassium as said: "6.8", "> 9", or as typed when not read (`_mmol`)."""
    if isinstance(read, str):
        return read
    return Number(read.value) if read.bound is Bound.EQUAL else Listed((read.bound.value, Number(read.value)), " ")


def potassium_warnings(found: Order, theirs: Iterable[Order], results: Sequence[lab_results.Received],
                       sent: Sequence[lab_results.Sent], at: datetime,
                       course: Iterable[Sequence[RecordVersion]]) -> list[Warning]:
    """What a dose at `at` of a medicine that raises the potassium (domain.potassium.
    raises_potassium; none for another) waits on: the latest high potassium (domain.potassium.high),
    or flagged and not read (`POTASSIUM_NOT_READ`), of those received since the medicine's first
    order or within a day (`_since`), not of a sample the laboratory rejected (`_rejected`), by their
    samples' time (`_taken_at`), unless one sampled after it is in range (domain.potassium.in_range:
    a 6.8 repeated 4.9 holds nothing, repeated 5.8 still holds); asking for a potassium once it is
    over `WITHIN` old with none since (`POTASSIUM_NOT_REPEATED`); said as the prescriber's decision
    instead when an order of `course` (each one's versions: `found` and those it carries on,
    services.medication.course_versions) says the prescriber decided since it came back (`_decided`:
    amended on its dose, its reason naming the potassium (domain.potassium.names_potassium) or its
    dose changed, or its dose reason naming it given: `POTASSIUM_REVIEWED`, which holds no dose). The decision
    written on yesterday's order was lost at the chart's daily rewrite (review S_GLN S2). Its receipt is said
    on the ward's clock, not the offset the dose was typed with: the ramipril given at 08:00 the morning
    the clocks went back said the 6.8 received at 22:00 the evening before "received 24/10 21:00"."""
    if not raises_potassium(found):
        return []
    since = _since(found, theirs, at)
    read = sorted(((one, value) for one in results if elapsed.instant(since) <= elapsed.instant(one.received_at)
                   and elapsed.reached(one.received_at, at) and (value := _mmol(one)) is not None
                   and not _rejected(one, sent)),
                  key=lambda pair: (elapsed.instant(_taken_at(pair[0], sent)), elapsed.instant(pair[0].received_at)))
    highs = [index for index, (one, value) in enumerate(read) if _high(one, value)]
    if not highs or any(_in_range(one, value) for one, value in read[highs[-1] + 1:]):
        return []
    one, value = read[highs[-1]]
    repeated = highs[-1] + 1 < len(read) or elapsed.between(one.received_at, at) <= WITHIN
    range_text = _judged_by(one)[1]
    said: dict[str, Any] = {
        "drug": " ".join(found.drug.split()), "value": _value(value), "range": range_text or USUAL_RANGE,
        "time": ward_time(one.received_at, None)}
    decided = sorted((decision for versions in course for decision in _decided(versions, one, at)),
                     key=lambda decision: elapsed.instant(decision[0]))
    if decided:
        return [Warning(Check.POTASSIUM_HIGH, POTASSIUM_REVIEWED, {**said, "reason": " ".join(decided[-1][1].split())})]
    template = POTASSIUM_NOT_READ if isinstance(value, str) else POTASSIUM_HIGH if repeated else POTASSIUM_NOT_REPEATED
    return [Warning(Check.POTASSIUM_HIGH, template, said)]


def _decided(versions: Sequence[RecordVersion], one: lab_results.Received,
             at: datetime) -> list[tuple[datetime, str]]:
    """The prescriber's decisions on the potassium `one` in an order's `versions` (oldest first),
    each when and in what words, by `at`: the order amended on its dose since it came back
    (anticoagulation.amended_since), not to another medicine (domain.medication.shares_a_medicine:
    bisoprolol amended to spironolactone, "wrong medicine picked", is a new medicine's order, and
    was read as the decision), unless its reason names the potassium (domain.potassium.
    names_potassium); and a dose reason naming it given once it was typed (services.medication.
    DOSE_REASON, which `ordered_refusal` asks of a new order, or of one amended to another
    medicine): without it, the reason the prescriber was asked for the ramipril written after a 6.8
    held each of its doses all the same; any dose reason, "weight used 70 kg" typed for another
    check, was quoted to the nurse as the decision and lifted the hold (review S2 S1)."""
    earlier = {version.version: before for before, version in pairwise(versions)}
    amended = [(version.recorded_at, str(version.reason or ""))
               for version in amended_since(versions, one.received_at, at, names_potassium)
               if names_potassium(str(version.reason or "")) or shares_a_medicine(
                   str(earlier[version.version].data.get("drug") or ""), str(version.data.get("drug") or ""))]
    reasoned = [(version.recorded_at, str(version.data[medication.DOSE_REASON]))
                for before, version in zip([None, *versions], versions)
                if names_potassium(str(version.data.get(medication.DOSE_REASON) or ""))
                and (before is None or before.data.get(medication.DOSE_REASON) != version.data[medication.DOSE_REASON])
                and elapsed.reached(one.known_at, version.recorded_at) and elapsed.reached(version.recorded_at, at)]
    return amended + reasoned


def ordered_refusal(session: Session, new: Order) -> order_units.Refusal | None:
    """A new order of a medicine that raises the potassium, or one amended to it from another
    medicine, written while a high potassium holds it (`potassium_warnings` from the later of its
    start and now, not one the prescriber decided on): asked on its medicine, the prescriber's
    reason kept in the order (services.medication.DOSE_REASON), as an AKI's is (services.
    medication.kidney_injury_refusal), and then their decision (`_decided`) once it names the
    potassium, which services.medication._as_dosed asks of it. A ramipril written after a potassium
    of 6.8 came back was saved unasked, the nurse alone asked at the round."""
    if not raises_potassium(new):
        return None
    db, at = session.db, max(new.start_at, session.clock(), key=elapsed.instant)
    results = lab_results.chart(db, new.patient_id)
    held = [warning for warning in potassium_warnings(
        new, medication.orders(db, new.patient_id, at), results, lab_results.samples(db, new.patient_id, results), at,
        _course(db, new, at)) if warning.template != POTASSIUM_REVIEWED]
    if not held:
        return None
    asked = POTASSIUM_NOT_READ_ORDERED if held[0].template == POTASSIUM_NOT_READ else POTASSIUM_ORDERED
    return order_units.Refusal("drug", Phrase(asked, held[0].values), asked=True)


def _course(db: Database, found: Order, at: datetime) -> list[list[RecordVersion]]:
    """The versions of each order of `found`'s course at `at` (services.medication.course_versions:
    `found` and the orders of its medicine it carries on), whose amendments are the prescriber's;
    none of `found` while it is being written (`ordered_refusal`)."""
    course, versions = medication.course_versions(db, found, at)
    return [versions[other.record_id] for other in course if other.record_id in versions]


def potassium_now(db: Database, found: Iterable[Order], now: datetime) -> dict[str, tuple[Warning, ...]]:
    """What each order of a medicine that raises the potassium waits on now (`potassium_warnings`),
    by order, for the round and the charts: results are read only for the patients with one, their
    orders and samples only for those with a high potassium received (most ward patients on an ACE
    inhibitor have none, and the round is read after every dose)."""
    raising = {one.record_id: one for one in found if raises_potassium(one)}
    results = lab_results.charts(db, {one.patient_id for one in raising.values()}) if raising else {}
    patient_ids = {patient_id for patient_id, known in results.items()
                   if any(elapsed.reached(one.received_at, now) and (value := _mmol(one)) is not None
                          and _high(one, value) for one in known)}
    raising = {order_id: one for order_id, one in raising.items() if one.patient_id in patient_ids}
    if not raising:
        return {}
    theirs = medication.orders_of_each(db, patient_ids, now)
    sent = {patient_id: lab_results.samples(db, patient_id, results[patient_id]) for patient_id in patient_ids}
    return {order_id: tuple(potassium_warnings(one, theirs[one.patient_id], results[one.patient_id],
                                               sent[one.patient_id], now, _course(db, one, now)))
            for order_id, one in raising.items()}


HANDOVER = {
    POTASSIUM_HIGH: {"en": "POTASSIUM {value} ({time}): {drugs} held — prescriber to decide",
                     "fr": "KALIÉMIE {value} ({time}) : {drugs} suspendu(s) — décision du prescripteur"},
    POTASSIUM_NOT_READ: {"en": "POTASSIUM “{value}” ({time}), not read as a number: {drugs} held — prescriber to "
                               "decide",
                         "fr": "KALIÉMIE « {value} » ({time}), non lue comme un nombre : {drugs} suspendu(s) — "
                               "décision du prescripteur"},
    POTASSIUM_NOT_REPEATED: {"en": "POTASSIUM {value} ({time}), none since: {drugs} held — ask for a potassium; "
                                   "prescriber to decide",
                             "fr": "KALIÉMIE {value} ({time}), aucune depuis : {drugs} suspendu(s) — demander une "
                                   "kaliémie ; décision du prescripteur"}}
"""The handover's line of a high potassium's hold (`handover`), by the warning it holds with."""


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' high potassium still holding
    their medicines that raise it (`potassium_now`, not one the prescriber decided on), the
    medicines it holds named after it: the sheet named the critical result only until a doctor was
    told, and nothing of the hold, which lasts until a newer potassium or the prescriber ends it."""
    theirs = medication.orders_of_each(db, patient_ids, at)
    orders = {one.record_id: one for found in theirs.values() for one in found}
    held: dict[str, dict[tuple[str, str, str], list[str]]] = {}
    for order_id, warnings in potassium_now(db, orders.values(), at).items():
        for warning in warnings:
            if warning.template in HANDOVER:
                value = warning.values["value"]
                said = (warning.template, value.text(lang) if isinstance(value, Said) else str(value),
                        str(warning.values["time"]))
                held.setdefault(orders[order_id].patient_id, {}).setdefault(said, []).append(
                    str(warning.values["drug"]))
    return {patient_id: semicolon(lang).join(
        HANDOVER[template][lang].format(value=value, time=time, drugs=", ".join(drugs))
        for (template, value, time), drugs in lines.items()) for patient_id, lines in held.items()}


def dose_warnings(session: Session, found: Order, values: dict[str, Any]) -> list[Warning]:
    """What a dose given of a medicine that raises the potassium asks (`potassium_warnings`; not a
    high potassium the prescriber decided on, which the round quotes). Not of a dose not given, nor
    of one copied from the paper chart, given already."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(medication.TRANSCRIBED) \
            or not raises_potassium(found):
        return []
    db, at = session.db, datetime.fromisoformat(str(values["given_at"]))
    results = lab_results.chart(db, found.patient_id)
    return [warning for warning in potassium_warnings(
        found, medication.orders(db, found.patient_id, at), results, lab_results.samples(db, found.patient_id, results),
        at, _course(db, found, at))
        if warning.template != POTASSIUM_REVIEWED]

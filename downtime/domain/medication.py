"""Medication rules a paper chart cannot enforce: when doses fall due, and the safety checks
run before a dose is recorded (allergy, double dose, PRN interval and daily maximum, dose
mismatch). Pure functions over plain models, so each rule is tested on its own."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict

from downtime.i18n import QT_TRANSLATE_NOOP


class Frequency(StrEnum):
    SCHEDULED = "scheduled"
    PRN = "prn"
    ONCE = "once"


class Outcome(StrEnum):
    GIVEN = "given"
    NOT_GIVEN = "not_given"


class NotGivenReason(StrEnum):
    """Coded reasons, printed as the key of the paper MAR."""

    REFUSED = "refused"
    NIL_BY_MOUTH = "nil_by_mouth"
    PATIENT_AWAY = "patient_away"
    UNAVAILABLE = "unavailable"
    HELD = "held"
    VOMITED = "vomited"
    ASLEEP = "asleep"
    OTHER = "other"


class Order(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    record_id: str
    patient_id: str
    drug: str
    dose: float
    dose_unit: str
    route: str
    frequency: Frequency
    times: tuple[time, ...] = ()
    prn_indication: str | None = None
    min_interval_hours: float | None = None
    max_doses_24h: int | None = None
    start_at: AwareDatetime
    stop_at: AwareDatetime | None = None
    controlled: bool = False
    high_alert: bool = False

    def active_at(self, moment: datetime) -> bool:
        return self.start_at <= moment and (self.stop_at is None or moment < self.stop_at)


class Administration(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    record_id: str
    order_id: str
    outcome: Outcome
    scheduled_for: AwareDatetime | None
    at: AwareDatetime
    dose: float | None = None
    given_by: str
    witness: str | None = None
    reason: NotGivenReason | None = None


def scheduled_slots(order: Order, first_day: date, last_day: date, tz: tzinfo) -> list[datetime]:
    """Every scheduled dose time from first_day to last_day (inclusive) while the order runs."""
    if order.frequency is Frequency.ONCE:
        start = order.start_at.astimezone(tz)
        return [order.start_at] if first_day <= start.date() <= last_day else []
    if order.frequency is not Frequency.SCHEDULED:
        return []
    slots = []
    day = first_day
    while day <= last_day:
        for clock in order.times:
            moment = datetime.combine(day, clock, tz)
            if order.active_at(moment):
                slots.append(moment)
        day += timedelta(days=1)
    return slots


class DoseState(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    LATE = "late"
    OVERDUE = "overdue"
    GIVEN = "given"
    NOT_GIVEN = "not_given"


@dataclass(frozen=True)
class RoundPolicy:
    """A dose is due from `due_before` ahead of its time; late once `late_after` has passed,
    overdue after `overdue_after` (the ward's policy; 30/30/60 minutes by default)."""

    due_before: timedelta = timedelta(minutes=30)
    late_after: timedelta = timedelta(minutes=30)
    overdue_after: timedelta = timedelta(minutes=60)


def dose_state(slot: datetime, now: datetime, recorded: Administration | None,
               policy: RoundPolicy = RoundPolicy()) -> DoseState:
    if recorded is not None:
        return DoseState.GIVEN if recorded.outcome is Outcome.GIVEN else DoseState.NOT_GIVEN
    if now < slot - policy.due_before:
        return DoseState.UPCOMING
    if now < slot + policy.late_after:
        return DoseState.DUE
    if now < slot + policy.overdue_after:
        return DoseState.LATE
    return DoseState.OVERDUE


class Check(StrEnum):
    ALLERGY = "allergy"
    ALREADY_GIVEN = "already_given"
    PRN_INTERVAL = "prn_interval"
    PRN_DAILY_MAX = "prn_daily_max"
    DOSE_MISMATCH = "dose_mismatch"
    ORDER_INACTIVE = "order_inactive"
    NOT_ADMITTED = "not_admitted"


@dataclass(frozen=True)
class Warning:
    """`template` is marked for the catalogue and `values` fill it, so the nurse reads the
    warning in the ward's language and the audit log keeps it in English (`message`)."""

    check: Check
    template: str
    values: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.values)


# Drugs that share an allergy with a named class: a "penicillin" allergy covers amoxicillin.
ALLERGY_CLASSES: dict[str, tuple[str, ...]] = {
    "penicillin": ("amoxicillin", "ampicillin", "flucloxacillin", "piperacillin",
                   "benzylpenicillin", "phenoxymethylpenicillin", "co-amoxiclav", "temocillin"),
    "cephalosporin": ("cefalexin", "cefuroxime", "ceftriaxone", "cefotaxime", "cefazolin", "ceftazidime"),
    "nsaid": ("ibuprofen", "diclofenac", "naproxen", "ketoprofen", "aspirin"),
    "opioid": ("morphine", "oxycodone", "codeine", "tramadol", "fentanyl", "hydromorphone"),
    "sulfonamide": ("sulfamethoxazole", "co-trimoxazole", "sulfasalazine"),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def allergy_matches(drug: str, allergies: Iterable[str]) -> list[str]:
    """The recorded allergies this drug may trigger, by name or by drug class."""
    name = _fold(drug)
    found = []
    for allergy in allergies:
        substance = _fold(allergy)
        if not substance:
            continue
        members = ALLERGY_CLASSES.get(substance.rstrip("s"), ())
        if substance in name or name in substance or any(member in name for member in members):
            found.append(allergy)
    return found


def safety_warnings(order: Order, *, outcome: Outcome, at: datetime, dose: float | None,
                    scheduled_for: datetime | None, allergies: Sequence[str],
                    history: Sequence[Administration], admitted: bool) -> list[Warning]:
    """Everything a second nurse would question before this dose is recorded as given."""
    warnings: list[Warning] = []
    if not admitted:
        warnings.append(Warning(Check.NOT_ADMITTED, QT_TRANSLATE_NOOP("messages", "The patient is not admitted at that time.")))
    if outcome is not Outcome.GIVEN:
        return warnings
    if not order.active_at(at):
        warnings.append(Warning(Check.ORDER_INACTIVE, QT_TRANSLATE_NOOP("messages", "The order is not active at that time (not started or stopped).")))
    if matched := allergy_matches(order.drug, allergies):
        warnings.append(Warning(Check.ALLERGY, QT_TRANSLATE_NOOP("messages", "{drug} matches the recorded allergy: {allergies}."),
                                {"drug": order.drug, "allergies": ", ".join(matched)}))
    given = [a for a in history if a.outcome is Outcome.GIVEN and a.order_id == order.record_id]
    if scheduled_for is not None and any(a.scheduled_for == scheduled_for for a in given):
        warnings.append(Warning(Check.ALREADY_GIVEN, QT_TRANSLATE_NOOP("messages", "The {time} dose of {drug} was already given."),
                                {"time": f"{scheduled_for:%H:%M}", "drug": order.drug}))
    if order.frequency is Frequency.PRN:
        earlier = sorted((a.at for a in given if a.at <= at), reverse=True)
        if order.min_interval_hours is not None and earlier:
            gap = at - earlier[0]
            if gap < timedelta(hours=order.min_interval_hours):
                warnings.append(Warning(Check.PRN_INTERVAL, QT_TRANSLATE_NOOP("messages", 
                                        "Last dose was {minutes} min ago; the order allows one every {hours} h."),
                                        {"minutes": str(int(gap.total_seconds() // 60)),
                                         "hours": f"{order.min_interval_hours:g}"}))
        if order.max_doses_24h is not None:
            day = [moment for moment in earlier if at - moment < timedelta(hours=24)]
            if len(day) >= order.max_doses_24h:
                warnings.append(Warning(Check.PRN_DAILY_MAX, QT_TRANSLATE_NOOP("messages", 
                                        "{count} doses in the last 24 h; the order allows at most {limit}."),
                                        {"count": str(len(day)), "limit": str(order.max_doses_24h)}))
    if dose is not None and abs(dose - order.dose) > 1e-9:
        warnings.append(Warning(Check.DOSE_MISMATCH, QT_TRANSLATE_NOOP("messages", "Dose {dose} {unit} differs from the order ({ordered} {unit})."),
                                {"dose": f"{dose:g}", "unit": order.dose_unit, "ordered": f"{order.dose:g}"}))
    return warnings


# The letter written (and circled) on a paper chart for a dose not given.
NOT_GIVEN_CODES = {NotGivenReason.REFUSED: "R", NotGivenReason.NIL_BY_MOUTH: "F",
                   NotGivenReason.PATIENT_AWAY: "A", NotGivenReason.UNAVAILABLE: "N",
                   NotGivenReason.HELD: "W", NotGivenReason.VOMITED: "V", NotGivenReason.ASLEEP: "D",
                   NotGivenReason.OTHER: "O"}
_TITLES = {"dr", "pr", "mr", "mrs", "ms", "mme", "m"}


def initials(name: str) -> str:
    """What a nurse writes in a chart box: "Hélène Lefèvre" → HL, "Dr Karim Benali" → KB."""
    parts = [part for part in name.replace("-", " ").split()
             if part[:1].isalpha() and part.rstrip(".").casefold() not in _TITLES]
    return "".join(part[0].upper() for part in parts[:3]) or name[:3]


def dose_text(dose: Administration, names: dict[str, str], with_date: bool = False) -> str:
    """A chart cell: giver's initials and time (and witness), or the circled not-given code."""
    who = initials(names.get(dose.given_by, dose.given_by))
    if dose.reason is not None:
        return f"({NOT_GIVEN_CODES[dose.reason]}) {who}"
    text = f"{who} {dose.at.strftime('%d/%m %H:%M' if with_date else '%H:%M')}"
    if dose.witness:
        text += f" / {initials(names.get(dose.witness, dose.witness))}"
    return text

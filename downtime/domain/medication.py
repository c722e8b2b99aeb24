"""Medication rules a paper chart cannot enforce: when doses fall due, and the safety checks
run before a dose is recorded (allergy, double dose, PRN interval and daily maximum, dose
mismatch). Pure functions over plain models, so each rule is tested on its own."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from functools import lru_cache
from itertools import chain, pairwise
from math import isclose
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, model_validator

from downtime.domain import elapsed
from downtime.domain.age import age_words
from downtime.domain.clock import said_twice, ward_time, ward_zone
from downtime.domain.covert import Covert
from downtime.domain.dose_limits import (RULES, Limit, Rule, Weighed, given_unweighed, limit_for, strengths_mg,
                                         too_small, too_young, weighed_by)
from downtime.domain.laptops import Authors, Laptop
from downtime.domain.paper_gap import Silence
from downtime.domain.release import Release, number_apart, release_of
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Listed, Number, Phrase, message


class Frequency(StrEnum):
    SCHEDULED = "scheduled"
    PRN = "prn"
    ONCE = "once"


class Outcome(StrEnum):
    GIVEN = "given"
    NOT_GIVEN = "not_given"
    NOT_RECORDED = "not_recorded"
    """Nothing recorded for a time before its order was stopped: not one to give any more (a
    stopped antibiotic's morning dose stayed OVERDUE at the top of the round), but said."""


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
    BY_RULE = "by_rule"
    """A variable dose its rule gives none of at the reading it was decided on (glucose 6.2 on a
    sliding scale: "none"): no dose missed, so no time-critical omission for the doctor, nor a
    "0 units given" a second checker signs and the EHR reads as insulin given. A variable-dose
    order's alone (`reason_offered`)."""


NIL_BY_MOUTH_ROUTES = frozenset({"PO", "SL", "BUC"})
"""The routes (`ROUTES`' codes) by mouth, which a patient nil by mouth does not take: an
anticoagulant SC, an antibiotic IV or an insulin are given to a fasting patient, and so are
medicines by a feeding tube (NG), the route the doctor chooses for a patient nil by mouth (a
stroke failing the swallow screen): the levodopa by NG recorded "nil by mouth" went unasked, the
escalation list then asking the doctor for the route they had already found."""


DIET, DIET_NOTES = "diet", "diet_notes"
"""The admission's diet (its codes) and its notes, where a tube feed's regimen is written: the only
record of a patient nil by mouth or fed by tube (forms/admission.yaml)."""
NIL_BY_MOUTH_DIET = "nil_by_mouth"
"""The admission's diet (its `diet` answer's code) of a patient nil by mouth (`given_nil_by_mouth`)."""
TUBE_FED = "tube_fed"
"""The admission's diet (its `diet` answer's code) of a patient fed by a nasogastric tube or a
gastrostomy: an enteral feed, not a diet by mouth (sync.fhir_admission; services.devices.tubes_needed)."""
MEALS_SERVED = frozenset({"normal", "diabetic", "texture_modified"})
"""The admission's diets that are meals served (its `diet` answer's codes), which nil by mouth
cannot go with: "Normal, Nil by mouth" was saved and handed over. The others (gluten free, no
pork, vegetarian) say what the patient never eats, true while fasting and after."""
_GIVEN_NIL_BY_MOUTH = QT_TRANSLATE_NOOP(
    "messages", "The admission records this patient nil by mouth, and {drug} is given {route}: give it by mouth only "
                "if the doctor or the speech and language therapist allows it, and say who in the reason.")


def given_nil_by_mouth(order: Order, route: str | None, nil_by_mouth: bool) -> list[Warning]:
    """A dose given by mouth (`NIL_BY_MOUTH_ROUTES`) to a patient whose admission records them nil
    by mouth (`NIL_BY_MOUTH_DIET`), questioned: after a failed swallow screen anything by mouth
    risks aspiration (RCP National Clinical Guideline for Stroke), and the levodopa given PO went
    unasked, the printed census alone saying nil by mouth. A feeding tube's dose is not asked. The
    route is the dose's as given (`route`; its order's when it says none): ordered down the NG
    tube and given PO, it was asked only that its route differed from the order."""
    given = route or order.route
    if not nil_by_mouth or route_code(given) not in NIL_BY_MOUTH_ROUTES:
        return []
    return [Warning(Check.NIL_BY_MOUTH_GIVEN, _GIVEN_NIL_BY_MOUTH, {"drug": order.drug, "route": given})]


def reason_offered(order: Order, reason: str) -> bool:
    """Whether a dose of `order` may be recorded not given for `reason` (a dose form's code): none
    by its rule only of a variable-dose order (Order.asks_reading), whose rule may give none; nil
    by mouth only of an order by mouth (`NIL_BY_MOUTH_ROUTES`; a route the table does not
    know is not questioned): the enoxaparin SC of a patient fasting for theatre was recorded
    "nil by mouth" without a question, and omitted. A mealtime or correction insulin's too
    (`mealtime_insulin`): the lunchtime aspart of a patient fasting was refused it, the nurse told
    to give it."""
    if reason == NotGivenReason.NIL_BY_MOUTH:
        return route_code(order.route) in NIL_BY_MOUTH_ROUTES | {None} or mealtime_insulin(order)
    return reason != NotGivenReason.BY_RULE or order.asks_reading


def mealtime_insulin(order: Order) -> bool:
    """Whether `order` is an insulin given with meals or as a correction, left out while the patient
    is nil by mouth: neither continued when fasting (`given_when_fasting`) nor `infused` (an
    insulin infusion, a VRIII, runs on while the patient fasts), and given SC (or by a route not
    stated): the Actrapid given IV or IM with glucose for hyperkalaemia treats the potassium, not
    a meal, and was recorded "nil by mouth" without a question."""
    return insulin(order.drug) and route_code(order.route) in {"SC", None} \
        and not given_when_fasting(order.drug) and not infused(order)


# Why a dose may be known not to be given before it falls due: nil by mouth from midnight for
# the morning's theatre, a dose the prescriber holds (INR 4.2), or another reason written out.
# The others (refused, vomited, asleep, away, not available) are seen when the dose is offered:
# a refusal of the 22:00 dose recorded at 08:00 took it off the round, never offered.
KNOWN_AHEAD = frozenset({NotGivenReason.NIL_BY_MOUTH, NotGivenReason.HELD, NotGivenReason.OTHER})


class Order(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    record_id: str
    patient_id: str
    drug: str
    dose: float
    dose_unit: str
    route: str
    dose_min: float | None = None
    """An as-required range's lowest dose ("1-2 tablets"): `dose` is then its highest, which the
    medicine's limits weigh, and any dose between them is as ordered."""
    form: str | None = None
    """What the medicine is, as the order form's codes say it (patch, liquid, inhaler...): a patch
    read "Rivastigmine 9.5 mg TOP", a cream's words."""
    strength_mg: float | None = None
    """A liquid's strength: `strength_mg` in `strength_ml` ("120 mg in 5 mL"), which a dose in mL
    is weighed by as the same mg (`content_mg`) and one in mg is drawn up by (`ml_of`)."""
    strength_ml: float | None = None
    side: str | None = None
    """Which eye, ear or nostril (domain.laterality's left, right, bilateral)."""
    rate_ml_h: float | None = None
    """An infusion's rate, as the pump is set."""
    dose_rule: str | None = None
    """A variable dose's rule (insulin by blood glucose, warfarin by INR): `dose` is then the most
    one dose may be, and each dose is what the rule gives."""
    frequency: Frequency
    times: tuple[time, ...] = ()
    every_days: int = 1
    """A regular order's doses fall on one day in so many, counted from its start's day (7: a
    weekly methotrexate; 3: a 72-hour fentanyl patch); 1, daily, is what an order written
    before it was asked means."""
    indication: str | None = None
    """What it is given for, as prescribed ("community-acquired pneumonia"); an as-required
    order's `prn_indication` says when to give a dose."""
    prn_indication: str | None = None
    min_interval_hours: float | None = None
    max_doses_24h: int | None = None
    start_at: AwareDatetime
    stop_at: AwareDatetime | None = None
    controlled: bool = False
    high_alert: bool = False
    time_critical: bool = False
    """Given within 30 minutes of its time (see `policy_for`)."""
    allergy_reason: str | None = None
    """Why it was prescribed despite an allergy of the patient's it matches, as the prescriber wrote it."""
    dose_reason: str | None = None
    """Why an opioid's dose is above a usual first dose, as the prescriber wrote it (a patient
    already taking opioids; see services.medication._as_dosed)."""
    prescriber: str | None = None
    """Who prescribed it when not whoever wrote it (a paper or telephone order typed in)."""
    telephone: bool = False
    """Given by its prescriber by telephone and written by the nurse who took it."""
    awaiting_since: AwareDatetime | None = None
    """A telephone order no doctor has countersigned yet: when its version standing was written
    (see `not_countersigned`); None for any other order."""
    review_at: AwareDatetime | None = None
    """When the prescriber is to review it, as they wrote it (an antibiotic at 48-72 h, see
    `review_due_at`); None on an order written or loaded without one."""
    review_reason: str | None = None
    """Why an antibiotic is reviewed later than 72 hours after its start, or its course is longer
    than 14 days, as the prescriber wrote it (services.medication._check_review_in_time): the
    chart and the EHR say why a TB or endocarditis course was decided, not only that its review
    is past."""
    covert: Covert | None = None
    """Given covertly, disguised in food or drink, on a best-interests decision (domain.covert);
    None for an order given openly, and for one written before the form asked."""

    @model_validator(mode="before")
    @classmethod
    def _known_flags(cls, data: Any) -> Any:
        """An order of a medicine the app knows as controlled, high-alert or time-critical
        (`flags_known`) is one whatever was ticked: written before the rule, or loaded so from
        the EHR's snapshot, its levodopa was not overdue 40 minutes late."""
        if not isinstance(data, dict) or "drug" not in data:
            return data
        return {**data, **dict.fromkeys(flags_known(str(data["drug"]), str(data.get("route") or "")), True)}

    def active_at(self, moment: datetime) -> bool:
        return self.start_at <= moment and (self.stop_at is None or moment < self.stop_at)

    @property
    def mg_per_ml(self) -> float | None:
        """A liquid's strength in mg per mL; None when the order states none."""
        if self.strength_mg is None or not self.strength_ml:
            return None
        return self.strength_mg / self.strength_ml

    def as_ordered(self, dose: float) -> bool:
        """Whether a dose given is the order's: its dose, or within its as-required range."""
        return (self.dose_min is not None and self.dose_min - 1e-9 <= dose <= self.dose + 1e-9) \
            or abs(dose - self.dose) <= 1e-9

    @property
    def asks_why_given(self) -> bool:
        """Whether a dose of it given says why ("pain 7/10"), as the paper MAR asks of each
        as-required dose; a regular dose is given because it falls due. The dose dialog, a dose's
        form (its amendment) and its printed record ask it by this alone, and saving a dose given
        without it is refused (services.medication)."""
        return self.frequency is Frequency.PRN

    @property
    def asks_reading(self) -> bool:
        """Whether a dose of it given says the reading its dose was decided on ("capillary
        glucose 13.2 mmol/L"): a variable dose's (see `dose_rule`)."""
        return self.dose_rule is not None


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
    detail: str | None = None
    """Why it was not given, in the nurse's words ("O — Other" asks for them)."""
    given_for: str | None = None
    """Why an as-required dose was given, in the nurse's words ("pain 7/10"); none on a regular
    dose, nor on one recorded before the dose form asked it."""
    decided_on: str | None = None
    """The reading a variable dose was decided on, as the nurse wrote it ("capillary glucose
    13.2 mmol/L"); none on any other dose."""
    site: str | None = None
    """Where it went ("left upper back", "right abdomen"): the next nurse takes that patch off, or
    gives the next injection elsewhere (see `patches_on`)."""
    rate_ml_h: float | None = None
    """The rate an infusion ran at from this dose: the order's rate amended since is not the one
    this bag ran at."""
    previous_patch: str | None = None
    """What became of the patch on before it ("removed" or "not_found"), asked of a patch's dose
    while one is on (see `patches_on`)."""
    device_id: str = ""
    """The laptop it was written on, whose staff IDs `given_by` and `witness` are (see laptops.Authors)."""
    on_paper: bool = False
    """Typed in from the paper chart kept while the laptop was down: its chart cell says so (see
    services.medication.typed_words)."""
    paper_reference: str | None = None
    """Where on the paper chart a dose transcribed from it is written ("MAR sheet 2, night 01/12"),
    for whoever checks the dose against the paper."""
    overrides: tuple[tuple[str, str], ...] = ()
    """(check, reason) of each warning the dose was recorded over."""
    typed_at: AwareDatetime | None = None
    """When it was first typed (its version 1's writing), where read: see `typed_late`."""
    covertly: bool = False
    """Given covertly, disguised in food or drink, as its order's decision says (domain.covert; the
    dose form's version 4): its chart cell says so (`COVERT_MARK`), as the order's flag says how."""

    def typed_late(self, zone: tzinfo | None = None) -> str | None:
        """When it was typed, said when that is further than `WRITTEN_APART` from its giving (see
        `written_apart`, which `zone` is for): a dose charted from paper after an outage read as
        typed at the bedside."""
        return written_apart(self.typed_at, self.at, zone) if self.typed_at is not None else None


WRITTEN_APART = timedelta(minutes=15)
"""A record of a dose written further than this from the dose's giving says when it was written."""


def written_when(written: datetime, given: datetime, zone: tzinfo | None = None) -> str:
    """When a dose's record was written, beside its giving: the time alone the same day, else
    with its day, both on the ward's clock (`zone`; None: the laptop's own zone, which is the
    ward's). Read on the giving's fixed offset, a dose given in summer time and typed in winter
    time said it was typed an hour after the printed chart's own time. In the hour the clocks
    repeat it says which (domain.clock.ward_time): "(typed 02:50 +01:00)"."""
    same_day = written.astimezone(zone).date() == given.astimezone(zone).date()
    return ward_time(written, zone, "%H:%M" if same_day else "%d/%m %H:%M")


def written_apart(written: datetime, given: datetime, zone: tzinfo | None = None) -> str | None:
    """When a dose's record was written (`written_when`, on `zone`'s clock), if further than
    `WRITTEN_APART` from its giving: the controlled-drug register's line and the chart say it alike."""
    return written_when(written, given, zone) if abs(elapsed.between(given, written)) > WRITTEN_APART else None


def scheduled_slots(order: Order, first_day: date, last_day: date, tz: tzinfo) -> list[datetime]:
    """Every scheduled dose time from first_day to last_day (inclusive) while the order runs,
    each with its fixed UTC offset, as a dose records it: Python finds a time of the night the
    clocks change (02:00 in Europe/Paris) equal to no time of another zone, so a zone's slot
    would never match its dose."""
    if order.frequency is Frequency.ONCE:
        start = order.start_at.astimezone(tz)
        return [order.start_at] if first_day <= start.date() <= last_day else []
    if order.frequency is not Frequency.SCHEDULED:
        return []
    slots = []
    day = first_day
    while day <= last_day:
        for clock in order.times if order_day(order, day, tz) else ():
            zoned = datetime.combine(day, clock, tz)
            moment = zoned.replace(tzinfo=timezone(zoned.utcoffset() or timedelta()))
            if order.active_at(moment):
                slots.append(moment)
        day += timedelta(days=1)
    return slots


def order_day(order: Order, day: date, tz: tzinfo) -> bool:
    """Whether a regular order's doses fall on `day`: one in `every_days` from its start's day on
    the ward's clock, that day included. The weekly methotrexate was due, and given, every
    morning."""
    return (day - order.start_at.astimezone(tz).date()).days % order.every_days == 0


def charted(moment: datetime) -> datetime:
    """A dose time as the chart reads it: its day and clock time as written, without the offset.
    A laptop whose time zone was changed (set right mid-outage, or another laptop's) builds the
    day's 18:00 with another offset than the one its dose was recorded for: compared as moments,
    the dose matched no time of the chart, vanished from it and left 18:00 OVERDUE."""
    return moment.replace(tzinfo=None)


def same_dose_time(recorded: datetime | None, slot: datetime | None) -> bool:
    """Whether a dose recorded for `recorded` is the dose of the order's time `slot`: the same
    clock time on the same day as the chart read them (see `charted`), or the same moment; two
    doses for no time of the order (None) are for the same time too."""
    return recorded == slot or (recorded is not None and slot is not None and charted(recorded) == charted(slot))


def charted_slots(slots: Iterable[datetime], recorded: Iterable[datetime]) -> dict[datetime, datetime]:
    """The time of the chart each of these recorded dose times is shown at, by the rule the
    round and the checks use (`same_dose_time`): the order's time of the same clock time that
    day, else of the same moment, else its own (a time the order does not have, shown on its own
    line of the day's column: a dose is never off the chart)."""
    by_clock: dict[datetime, datetime] = {}
    by_moment: dict[datetime, datetime] = {}
    for slot in slots:
        by_clock.setdefault(charted(slot), slot)
        by_moment.setdefault(slot, slot)
    placed = {}
    for moment in recorded:
        found = by_clock.get(charted(moment)) or by_moment.get(moment)
        if found is None:
            found = by_clock[charted(moment)] = by_moment[moment] = moment
        placed[moment] = found
    return placed


def slots_by_version(versions: Sequence[tuple[datetime, Order]], first_day: date, last_day: date,
                     tz: tzinfo) -> list[datetime]:
    """The scheduled dose times of an order amended over time: each version's own times from
    the moment it was written until the next one (version 1's from its start). A prescription
    whose times change is rewritten from then on, as on paper; yesterday's doses stay where
    they were given, and no dose is invented at times the order did not have yesterday.
    A once-only version is different: the order gives one dose, at the time its latest version
    says; an earlier version's time, moved, left a second dose due beside the new one.
    `versions` are (written at, order), oldest first."""
    slots: set[datetime] = set()
    for number, (since, order) in enumerate(versions):
        until = versions[number + 1][0] if number + 1 < len(versions) else None
        if order.frequency is Frequency.ONCE:
            if until is None:
                slots.update(scheduled_slots(order, first_day, last_day, tz))
            continue
        slots.update(slot for slot in scheduled_slots(order, first_day, last_day, tz)
                     if (number == 0 or since <= slot) and (until is None or slot < until))
    return sorted(slots)


class DoseState(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    LATE = "late"
    OVERDUE = "overdue"
    GIVEN = "given"
    NOT_GIVEN = "not_given"
    NOT_RECORDED = "not_recorded"
    """Nothing recorded for a time before its order was stopped: not one to give any more (a
    stopped antibiotic's morning dose stayed OVERDUE at the top of the round), but said."""
    NOT_IN_HOSPITAL = "not_in_hospital"
    """Nothing recorded for a time the patient was not in hospital (at home between two stays,
    or not yet arrived): read as OVERDUE, the morning a readmitted patient spent at home was a
    dose to give."""
    IN_EHR = "in_ehr"
    """Nothing recorded here for a time before the order was loaded from the EHR's snapshot:
    the EHR's own chart holds that dose, given or not. Read as OVERDUE, this morning's doses,
    given in the EHR before it went down, were offered again on the round at the outage's start."""
    CHECK_PAPER = "check_paper"
    """Nothing recorded for a time that fell due while this laptop wrote nothing (see
    domain.paper_gap): it may have been given on paper. Read as OVERDUE, it was given twice."""


@dataclass(frozen=True)
class RoundPolicy:
    """A dose is due from `due_before` ahead of its time; late once `late_after` has passed,
    overdue after `overdue_after` (the ward's policy; 30/30/60 minutes by default)."""

    due_before: timedelta = timedelta(minutes=30)
    late_after: timedelta = timedelta(minutes=30)
    overdue_after: timedelta = timedelta(minutes=60)


TIME_CRITICAL_WITHIN = timedelta(minutes=30)


def policy_for(order: Order, policy: RoundPolicy) -> RoundPolicy:
    """The ward's round policy, but for a time-critical medicine (levodopa in Parkinson's
    disease and insulin, known by name: see `time_critical_drug`; an anticonvulsant: the
    prescriber ticks it), whose dose is late from 15
    minutes after its time and overdue from 30 (Parkinson's UK's "Get It On Time"; the NPSA's
    2010 report on omitted and delayed medicines), where the ward's policy allows any other an
    hour."""
    if not order.time_critical:
        return policy
    return replace(policy, late_after=min(policy.late_after, TIME_CRITICAL_WITHIN / 2),
                   overdue_after=min(policy.overdue_after, TIME_CRITICAL_WITHIN))


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
    DOSE_SPACING = "dose_spacing"
    ALLERGY_UNKNOWN = "allergy_unknown"
    ROUTE_MISMATCH = "route_mismatch"
    GIVEN_EARLY = "given_early"
    NOT_GIVEN_AHEAD = "not_given_ahead"
    NOT_COUNTERSIGNED = "not_countersigned"
    GLUCOSE = "glucose"
    MAXIMUM_DOSE = "maximum_dose"
    """Above the medicine's own maximum, whatever the order says (see `beyond_dose_limits`)."""
    MEDICINE_INTERVAL = "medicine_interval"
    """Closer to another dose of the medicine than it allows, whatever the orders say."""
    NOT_FOR_AGE = "not_for_age"
    """A medicine never given at the patient's age, or not usually so young or light, whatever the
    order says (`dose_limits.too_young`, `too_small`)."""
    WRONG_BAND = "wrong_band"
    """The wristband scanned at the bedside is another patient's, or no patient's (see
    services.medication.band_checked)."""
    OLD_BAND = "old_band"
    """The wristband scanned at the bedside is the patient's own, printed before their admission
    was amended to read otherwise (services.printing.band_out_of_date): kept as another patient's
    band, the dose's record said a wrong-patient scan that never was."""
    KIDNEY_INJURY = "kidney_injury"
    """A medicine an acute kidney injury asks a doctor to review, given while the creatinine shows
    one (domain.aki; services.medication.kidney_injury)."""
    LEVEL_AWAITED = "level_awaited"
    """A medicine dosed by its levels (`levelled`) given while a level sent since its last dose has
    no result (services.lab_results.levels)."""
    LEVEL_ABOVE_RANGE = "level_above_range"
    """A medicine dosed by its levels given after a level since its last dose came back above its
    range (services.lab_results.levels)."""
    TIMED_ON_SCREENING = "timed_on_screening"
    """An IV antibiotic given while a sepsis screening times IV antibiotics that no dose on the chart
    matches (services.sepsis.timed_on_screening): perhaps this dose, given already."""
    OPIOID_STOPPED = "opioid_stopped"
    """An opioid given while the pain chart's sedation or breathing says to stop it (services.pain.
    stopped_opioid; services.medication.opioid_stopped), or the latest observations' breathing or
    consciousness do."""
    INSULIN_OMITTED = "insulin_omitted"
    """A basal or premixed insulin's dose recorded not given (`basal_insulin_omitted`)."""
    TIME_CRITICAL_NOT_GIVEN = "time_critical_asleep"
    """A time-critical medicine's dose recorded not given while asleep, refused, vomited, nil by
    mouth or held (`time_critical_not_given`); its code is the one stored when it asked of a patient
    asleep alone, so that the doses recorded over it then still read."""
    NIL_BY_MOUTH_GIVEN = "nil_by_mouth_given"
    """A dose given by mouth to a patient whose admission records them nil by mouth
    (`given_nil_by_mouth`)."""
    NEURO_ALARM = "neuro_alarm"
    """A sedative or an opioid given while the neuro chart asks a doctor (services.medication.
    sedation_on_neuro_alarm): it lowers the GCS the chart is escalating, and hides the next set's."""
    SEDATIVE_DROWSY = "sedative_drowsy"
    """A sedative given while the latest observations of the last hours find the breathing slow or
    the patient roused by voice or less (services.medication.sedative_on_observations)."""
    CLOZAPINE_BREAK = "clozapine_break"
    """Clozapine given above its starting dose more than 48 hours after its last dose given
    (domain.clozapine, services.medication.clozapine_restarted): it is built up again from 12.5 mg."""
    PARKINSONS_DOPAMINE = "parkinsons_dopamine"
    """A medicine that blocks dopamine given while a Parkinson's medicine is in force, its order never
    asked of the prescriber (services.medication.dopamine_blocked)."""
    SLOW_PULSE = "slow_pulse"
    """Digoxin given while the latest observations of the last hours record a pulse under 60 (domain.
    digoxin, services.medication.digoxin_pulse): withheld until the doctor decides."""
    PATCH_NOT_FOUND = "patch_not_found"
    """A patch applied while the one on before is recorded not found on the skin (services.
    medication.patch_not_found): moved elsewhere on the body it is a second dose, and a controlled
    drug's is unaccounted for."""
    WITHDRAWAL_DROWSY = "withdrawal_drowsy"
    """A sedative or an opioid given while the alcohol withdrawal chart's latest check records
    consciousness falling, or the patient too drowsy or sedated to be scored (services.medication.
    sedation_on_withdrawal_drowsy): over-sedation, a head injury or Wernicke's is ruled out first."""
    HEAD_INJURY = "head_injury"
    """An anticoagulant given after a fall with a possible head injury whose CT head is not recorded
    done (services.medication.anticoagulant_after_head_injury)."""
    INR_HIGH = "inr_high"
    """A vitamin K antagonist given after an INR above its target received since its last dose
    (services.anticoagulation.inr_warnings)."""
    LITHIUM_HIGH = "lithium_high"
    """Lithium given after a level above its range received, the order not amended since (services.
    lithium.level_warnings)."""
    INR_AWAITED = "inr_awaited"
    """A vitamin K antagonist given while a coagulation sample sent has no result."""
    INR_TYPED = "inr_typed"
    """A vitamin K antagonist's reading typed that is not the latest INR received."""
    POTASSIUM_HIGH = "potassium_high"
    """A medicine that raises the potassium given while a high potassium holds it: none sampled since
    at or below its range's top, no amendment by the prescriber (services.potassium.
    potassium_warnings)."""
    TWO_ANTICOAGULANTS = "two_anticoagulants"
    """An anticoagulant given while another anticoagulant's order runs (domain.anticoagulation.
    other_anticoagulants)."""
    AGAINST_VTE_DECISION = "against_vte_decision"
    """An anticoagulant given against a VTE decision of no prophylaxis for the bleeding risk
    (services.vte.given_against)."""
    BEFORE_OPERATION = "before_operation"
    """An anticoagulant given within its hold before an operation booked (domain.anticoagulation.
    before_operation)."""
    GIVEN_WHILE_MISSING = "given_while_missing"
    """A dose given while the patient is recorded missing from the ward (services.missing_patient.
    dose_warnings): another patient's dose, or the return not recorded."""
    COVERT_CAPABLE = "covert_capable"
    """A dose given covertly while the patient's standing assessment of medicines says HAS capacity
    (services.capacity.dose_warnings): a capable person may refuse it."""
    NG_POSITION = "ng_position"
    """A dose given by nasogastric tube while the tube in has its position to confirm on the line
    chart (not confirmed, its check overdue, or charted in during a stay that ended:
    services.devices.dose_warnings): given through a misplaced tube, it goes into the lungs."""


@dataclass(frozen=True)
class Warning:
    """`template` is marked for the catalogue and `values` fill it, so the nurse reads the
    warning in the ward's language and the audit log keeps it in English (`message`)."""

    check: Check
    template: str
    values: dict[str, str | Number | Phrase | Listed] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.values)

    def text(self, lang: Lang) -> str:
        return message(lang, self.template, **self.values)


# What the allergy check and the controlled-drug rule know of medicines, in one place. Every
# name is written as a ward writes it, in English or French, and compared word by word once
# stemmed (without accents, capitals or a final -e or -s: "Pénicillines" is "penicillin",
# "amoxicilline" "amoxicillin"), never inside another word: "AINS" is not in "lidocaïne".
# Each class: the names a ward writes for it, and its members.
BETA_LACTAM_NAMES = ("beta-lactam", "bêta-lactamine", "betalactam", "bêtalactamine", "b-lactam")
"""The beta-lactams as wards write them, hyphenated or not, "β" read as "beta" (`_fold`)."""
ALLERGY_CLASSES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "penicillin": (("penicillin", "penicillin v", "penicillin g", "pcn", "péni", *BETA_LACTAM_NAMES),
                   ("amoxicillin", "ampicillin", "flucloxacillin", "cloxacillin", "oxacillin", "piperacillin",
                    "benzylpenicillin", "phenoxymethylpenicillin", "temocillin", "ticarcillin", "pivmecillinam",
                    "mecillinam")),
    "cephalosporin": (("cephalosporin", "céphalosporine", *BETA_LACTAM_NAMES),
                      ("cefalexin", "cephalexin", "cefuroxime", "ceftriaxone", "cefotaxime", "cefazolin", "cephazolin",
                       "ceftazidime", "cefixime", "cefepime", "cefpodoxime", "cefaclor", "cefradine", "cephradine",
                       "cefadroxil", "ceftaroline", "cefoxitin", "ceftolozane", "ceftobiprole", "cefiderocol",
                       "cefalotin", "cefamandole", "cefprozil")),
    "carbapenem": (("carbapenem", "carbapénème", *BETA_LACTAM_NAMES),
                   ("meropenem", "imipenem", "ertapenem", "doripenem")),
    # Aspirin among them: the BNF contraindicates every NSAID after a reaction to aspirin or to
    # another NSAID (the bronchospasm of aspirin-exacerbated respiratory disease), and the
    # English names in full ("Non-steroidal anti-inflammatories") as much as "NSAIDs".
    "nsaid": (("nsaid", "ains", "anti-inflammatoire non stéroïdien", "anti-inflammatory", "anti-inflammatories",
               "antiinflammatory", "anti-inflammatoire"),
              ("ibuprofen", "dexibuprofen", "diclofenac", "aceclofenac", "naproxen", "ketoprofen", "dexketoprofen",
               "flurbiprofen", "fenoprofen", "tiaprofenic acid", "aspirin", "celecoxib", "etoricoxib", "parecoxib",
               "indometacin", "indomethacin", "ketorolac", "meloxicam", "piroxicam", "tenoxicam", "lornoxicam",
               "mefenamic acid", "etodolac", "nabumetone", "sulindac", "diflunisal", "nimesulide")),
    "opioid": (("opioid", "opiacé", "opiate", "morphinique", "opioïde"),
               ("morphine", "oxycodone", "codeine", "tramadol", "fentanyl", "hydromorphone", "methadone", "pethidine",
                "buprenorphine", "diamorphine", "tapentadol", "alfentanil", "remifentanil", "sufentanil",
                "dihydrocodeine", "nalbuphine", "opium")),
    "sulfonamide": (("sulfonamide", "sulphonamide", "sulfamide", "sulfa", "sulpha"),
                    ("sulfamethoxazole", "co-trimoxazole", "cotrimoxazole", "sulfasalazine", "sulfadiazine")),
    # A heparin-induced thrombocytopenia (HIT, TIH) or a heparin allergy forbids the low-molecular-
    # weight heparins too; fondaparinux, danaparoid and argatroban, given after a HIT, are none.
    "heparin": (("heparin", "hbpm", "lmwh", "hnf", "hit", "tih"),
                ("heparin", "enoxaparin", "tinzaparin", "dalteparin", "nadroparin", "certoparin", "reviparin")),
    "fluoroquinolone": (("fluoroquinolone", "quinolone"),
                        ("ciprofloxacin", "levofloxacin", "ofloxacin", "moxifloxacin", "norfloxacin", "lomefloxacin",
                         "pefloxacin", "delafloxacin", "nalidixic acid")),
    "macrolide": (("macrolide",), ("erythromycin", "clarithromycin", "azithromycin", "roxithromycin", "spiramycin",
                                   "josamycin", "telithromycin")),
    "tetracycline": (("tetracycline", "cycline"),
                     ("tetracycline", "doxycycline", "minocycline", "oxytetracycline", "lymecycline", "demeclocycline",
                      "tigecycline")),
    "aminoglycoside": (("aminoglycoside", "aminoside"),
                       ("gentamicin", "amikacin", "tobramycin", "neomycin", "streptomycin", "netilmicin", "kanamycin")),
    "glycopeptide": (("glycopeptide",), ("vancomycin", "teicoplanin", "dalbavancin", "oritavancin", "telavancin")),
    "neuromuscular blocker": (("neuromuscular blocker", "neuromuscular blocking agent", "neuromuscular blocking drug",
                               "nmba", "curare", "curarisant"),
                              ("rocuronium", "vecuronium", "pancuronium", "atracurium", "cisatracurium", "mivacurium",
                               "suxamethonium", "succinylcholine")),
    "benzodiazepine": (("benzodiazepine", "benzo"),
                       ("diazepam", "lorazepam", "oxazepam", "temazepam", "clonazepam", "bromazepam", "nitrazepam",
                        "lormetazepam", "prazepam", "clorazepate", "chlordiazepoxide", "clobazam", "alprazolam",
                        "midazolam", "triazolam", "loprazolam", "flunitrazepam", "clotiazepam")),
    "ace inhibitor": (("ace inhibitor", "ace-i", "acei", "iec", "inhibiteur de l'enzyme de conversion"),
                      ("ramipril", "perindopril", "lisinopril", "enalapril", "captopril", "quinapril", "trandolapril",
                       "fosinopril", "benazepril", "imidapril", "cilazapril", "moexipril", "zofenopril")),
    # The sartans as the ACE inhibitors: a member named alone warns before the others only after an
    # angioedema (`ANGIOEDEMA_WARNINGS`; BNF: other ARBs with great caution after one); Entresto by
    # its valsartan.
    "angiotensin receptor blocker": (("angiotensin receptor blocker", "angiotensin ii receptor blocker",
                                      "angiotensin receptor antagonist", "angiotensin ii receptor antagonist", "arb",
                                      "sartan", "antagoniste des récepteurs de l'angiotensine",
                                      "antagoniste des récepteurs de l'angiotensine ii", "ara ii", "ara 2"),
                                     ("losartan", "valsartan", "candesartan", "irbesartan", "olmesartan",
                                      "telmisartan", "eprosartan", "azilsartan", "fimasartan")),
    # The vitamin K antagonists by their one name: every saying of the class ("AVK", "Anti-vitamine
    # K", "Vitamin K antagonist", `VITAMIN_K_ANTAGONISTS_SAID`) is read as the word "avk"
    # (`_class_apart`), and "Allergie aux AVK" (mostly a fluindione hypersensitivity) warned before
    # none. A member named alone warns before no other (`ONLY_BY_NAME`): a fluindione allergy is
    # why France moves a patient to warfarin.
    "vitamin k antagonist": (("avk",), ("warfarin", "acenocoumarol", "fluindione", "phenindione")),
    # Iodine as wards write it, and contrast media as apart from it: an "iodine allergy" warns
    # before both (`WIDER_ALLERGIES`), a contrast medium's reaction, mostly written without
    # "iodinated" ("IV contrast", "Produit de contraste"), before contrast media alone.
    "iodine": (("iodine", "iode", "iodé"), ("povidone iodine", "cadexomer iodine", "potassium iodide")),
    "contrast": (("iodinated contrast", "contraste iodé", "produit de contraste iodé", "contrast", "contrast media",
                  "contrast medium", "contrast dye", "radiocontrast", "produit de contraste"),
                 ("iohexol", "iodixanol", "iopamidol", "iomeprol", "iobitridol", "ioversol", "iopromide", "ioxaglate",
                  "ioxitalamate", "amidotrizoate", "diatrizoate")),
    # The contrast media that hold no iodine, by the words an allergy names them with: "Gadolinium
    # contrast", "Contrast (MRI)" or "Barium contrast" is theirs (`NOT_IODINATED`), no reason to ask
    # before an iodinated one.
    "gadolinium": (("gadolinium", "gadolinium contrast", "gbca", "mri contrast", "mri", "irm", "gadoliné",
                    "produit de contraste gadoliné"),
                   ("gadoterate", "gadobutrol", "gadoteridol", "gadobenate", "gadoxetate", "gadopentetate",
                    "gadodiamide", "gadopiclenol")),
    "barium": (("barium", "baryte"), ("barium sulfate", "barium sulphate")),
    # Chlorhexidine as the gels, skin preparations, mouthwashes and dressings that hold it (its
    # products in PRODUCTS): MHRA (2012) reported anaphylaxis from each, and the products' names
    # say nothing of it.
    "chlorhexidine": (("chlorhexidine", "chg", "digluconate de chlorhexidine"), ("chlorhexidine",)),
    # Not a medicine: what theatres read an allergy to latex by (`theatre.latex_allergic`).
    "latex": (("latex", "natural rubber", "caoutchouc"), ()),
}
ONLY_BY_NAME = frozenset({"ace inhibitor", "angiotensin receptor blocker", "vitamin k antagonist", "iodine", "contrast",
                          "gadolinium"})
"""The classes an allergy warns before the members of when it names the class ("IEC", "Iode",
"Sartans"), not when it names one member (nor a word of the class's ending, `CLASS_ENDINGS`): a
recorded ramipril "allergy" is mostly its cough, no reason to ask before lisinopril, a contrast
medium's reaction says nothing of povidone-iodine's, another gadolinium agent is what follows a
reaction to one, and warfarin what follows a fluindione allergy."""
NOT_IODINATED = frozenset({"gadolinium", "barium"})
"""The contrast media a name's "contrast" is then theirs, not the iodinated class's: "Gadolinium
contrast", "Contrast (MRI)" and "Barium contrast" warned before Omnipaque, a reason asked."""
IODINATED_SAID = frozenset({"ct", "scanner", "tdm"})
IODINATED_SAID_STARTS = ("iod",)
"""The words (stemmed) by which a name says its contrast is (also) the iodinated kind, whatever
else it names (`NOT_IODINATED`): a patient who reacted at CT and at MRI has "Iodinated and
gadolinium contrast" or "Scanner et IRM : produits de contraste" written, and the MRI word alone
let Omnipaque be given with no reason asked."""
WIDER_ALLERGIES = {"iodine": "contrast"}
"""A class an allergy naming another warns before too: an "iodine allergy" is mostly a contrast
medium's reaction so recalled; whether one says anything of the other is disputed, the ward
wants it asked and the prescriber answers. Not the other way round: a contrast medium's reaction
says nothing of povidone-iodine's. An allergy's only: "Povidone-iodine" ordered names iodine,
and no contrast allergy warns before it."""
# Brands and combination products, on English and French wards, and what they contain.
PRODUCTS: dict[str, tuple[str, ...]] = {
    "co-amoxiclav": ("amoxicillin", "clavulanic acid"), "augmentin": ("amoxicillin", "clavulanic acid"),
    "clamoxyl": ("amoxicillin",), "tazocin": ("piperacillin", "tazobactam"), "tazocilline": ("piperacillin", "tazobactam"),
    "pip-taz": ("piperacillin", "tazobactam"), "piptaz": ("piperacillin", "tazobactam"),
    "pip-tazo": ("piperacillin", "tazobactam"), "piptazo": ("piperacillin", "tazobactam"),
    "magnapen": ("ampicillin", "flucloxacillin"), "co-fluampicil": ("ampicillin", "flucloxacillin"),
    "orbenin": ("cloxacillin",), "oracilline": ("phenoxymethylpenicillin",), "extencilline": ("benzathine benzylpenicillin",),
    "timentin": ("ticarcillin", "clavulanic acid"), "claventin": ("ticarcillin", "clavulanic acid"),
    "ticarpen": ("ticarcillin",), "floxapen": ("flucloxacillin",), "fluclox": ("flucloxacillin",),
    "pen v": ("phenoxymethylpenicillin",), "pen g": ("benzylpenicillin",), "benpen": ("benzylpenicillin",),
    # As French wards write them: "Pénicilline G 1 MUI" was taken for no medicine the tables weigh.
    "penicillin g": ("benzylpenicillin",), "pénicilline g": ("benzylpenicillin",), "péni g": ("benzylpenicillin",),
    "penicillin v": ("phenoxymethylpenicillin",), "pénicilline v": ("phenoxymethylpenicillin",),
    "péni v": ("phenoxymethylpenicillin",),
    "pénicilline g benzathine": ("benzathine benzylpenicillin",), "penicillin g benzathine": ("benzathine benzylpenicillin",),
    "benzathine pénicilline g": ("benzathine benzylpenicillin",), "benzathine penicillin g": ("benzathine benzylpenicillin",),
    "pénicilline g procaïne": ("procaine benzylpenicillin",), "penicillin g procaine": ("procaine benzylpenicillin",),
    "procaine penicillin g": ("procaine benzylpenicillin",),
    # Benzylpenicillin's depot salts, each its own medicine: their million units are not the sodium's mg.
    "benzathine benzylpenicillin": ("benzathine benzylpenicillin",),
    "benzylpénicilline benzathine": ("benzathine benzylpenicillin",),
    "benzathine benzylpénicilline": ("benzathine benzylpenicillin",),
    "benzathine penicillin": ("benzathine benzylpenicillin",), "bicillin": ("benzathine benzylpenicillin",),
    "procaine benzylpenicillin": ("procaine benzylpenicillin",),
    "benzylpénicilline procaïne": ("procaine benzylpenicillin",), "procaine penicillin": ("procaine benzylpenicillin",),
    "crystapen": ("benzylpenicillin",), "negaban": ("temocillin",), "amoxil": ("amoxicillin",),
    "co-amox": ("amoxicillin", "clavulanic acid"), "amoxiclav": ("amoxicillin", "clavulanic acid"),
    "ciblor": ("amoxicillin", "clavulanic acid"), "penbritin": ("ampicillin",), "totapen": ("ampicillin",),
    "bristopen": ("oxacillin",), "selexid": ("pivmecillinam",),
    "rocephin": ("ceftriaxone",), "rocephine": ("ceftriaxone",), "zinnat": ("cefuroxime",), "zinacef": ("cefuroxime",),
    "keflex": ("cefalexin",), "claforan": ("cefotaxime",), "fortum": ("ceftazidime",), "oroken": ("cefixime",),
    "orelox": ("cefpodoxime",), "axepim": ("cefepime",), "zinforo": ("ceftaroline",),
    "zavicefta": ("ceftazidime", "avibactam"), "zerbaxa": ("ceftolozane", "tazobactam"), "meronem": ("meropenem",),
    "tienam": ("imipenem", "cilastatin"), "invanz": ("ertapenem",),
    # NSAIDs and chlorhexidine by their brands (BNF, ANSM), and heparin flushes: each was given
    # to a patient allergic to what it holds with nothing asked.
    "naprosyn": ("naproxen",), "apranax": ("naproxen",), "toradol": ("ketorolac",), "arcoxia": ("etoricoxib",),
    "dynastat": ("parecoxib",), "ponstan": ("mefenamic acid",), "acide méfénamique": ("mefenamic acid",),
    "feldene": ("piroxicam",), "mobic": ("meloxicam",), "celebrex": ("celecoxib",), "voltaren": ("diclofenac",),
    "indocid": ("indometacin",), "strefen": ("flurbiprofen",), "antadys": ("flurbiprofen",),
    "instillagel": ("lidocaine", "chlorhexidine"), "chloraprep": ("chlorhexidine",), "hibiscrub": ("chlorhexidine",),
    "hibitane": ("chlorhexidine",), "biseptine": ("chlorhexidine",), "hibidil": ("chlorhexidine",),
    "septeal": ("chlorhexidine",), "corsodyl": ("chlorhexidine",), "eludril": ("chlorhexidine",),
    "tegaderm chg": ("chlorhexidine",), "biopatch": ("chlorhexidine",),
    "hepsal": ("heparin",), "canusal": ("heparin",), "heparinised saline": ("heparin",),
    "heparinized saline": ("heparin",),
    "acide fusidique": ("fusidic acid",),
    "bactrim": ("sulfamethoxazole", "trimethoprim"), "septrin": ("sulfamethoxazole", "trimethoprim"),
    "co-codamol": ("codeine", "paracetamol"), "dafalgan codéiné": ("codeine", "paracetamol"),
    "codoliprane": ("codeine", "paracetamol"), "co-dydramol": ("dihydrocodeine", "paracetamol"),
    "ixprim": ("tramadol", "paracetamol"), "zaldiar": ("tramadol", "paracetamol"), "topalgic": ("tramadol",),
    "contramal": ("tramadol",), "tramacet": ("tramadol", "paracetamol"),
    "entresto": ("sacubitril", "valsartan"), "sacubitril/valsartan": ("sacubitril", "valsartan"),
    "klipal": ("codeine", "paracetamol"), "prontalgine": ("codeine", "paracetamol", "caffeine"),
    "lamaline": ("opium", "paracetamol", "caffeine"), "izalgi": ("opium", "paracetamol"),
    "solpadeine": ("codeine", "paracetamol", "caffeine"), "kapake": ("codeine", "paracetamol"),
    "zapain": ("codeine", "paracetamol"), "tylex": ("codeine", "paracetamol"),
    "migraleve": ("codeine", "paracetamol", "buclizine"),
    "oramorph": ("morphine",), "sevredol": ("morphine",), "mst": ("morphine",), "zomorph": ("morphine",),
    "skenan": ("morphine",), "actiskenan": ("morphine",), "oxycontin": ("oxycodone",), "oxynorm": ("oxycodone",),
    "oxynormoro": ("oxycodone",), "durogesic": ("fentanyl",), "abstral": ("fentanyl",), "instanyl": ("fentanyl",),
    "sophidone": ("hydromorphone",), "palladone": ("hydromorphone",), "subutex": ("buprenorphine",),
    "temgesic": ("buprenorphine",), "suboxone": ("buprenorphine", "naloxone"),
    "matrifen": ("fentanyl",), "fencino": ("fentanyl",), "mezolar": ("fentanyl",), "effentora": ("fentanyl",),
    "actiq": ("fentanyl",), "pecfent": ("fentanyl",), "moscontin": ("morphine",), "mxl": ("morphine",),
    "longtec": ("oxycodone",), "shortec": ("oxycodone",), "targinact": ("oxycodone", "naloxone"),
    "palexia": ("tapentadol",), "butrans": ("buprenorphine",), "transtec": ("buprenorphine",),
    "ritaline": ("methylphenidate",), "ritalin": ("methylphenidate",), "concerta": ("methylphenidate",),
    "medikinet": ("methylphenidate",), "equasym": ("methylphenidate",), "elvanse": ("lisdexamfetamine",),
    "lantus": ("insulin glargine",), "abasaglar": ("insulin glargine",), "toujeo": ("insulin glargine",),
    "novorapid": ("insulin aspart",), "humalog": ("insulin lispro",), "levemir": ("insulin detemir",),
    # Semglee beside Lantus, or Tresiba beside insulin degludec, were two medicines (review T4 D4).
    "semglee": ("insulin glargine",), "tresiba": ("insulin degludec",),
    # An analogue by its name alone, as home lists write it ("Glargine 20 units nocte"), and Humalog
    # Mix written as one word ("HumalogMix25"), were no insulin (review T2 item 6).
    "glargine": ("insulin glargine",), "degludec": ("insulin degludec",), "detemir": ("insulin detemir",),
    "aspart": ("insulin aspart",), "lispro": ("insulin lispro",), "glulisine": ("insulin glulisine",),
    "humalogmix": ("insulin lispro",),
    # Degludec with a partner (BNF, ANSM): each an insulin dosed in units, whose degludec makes it a
    # basal one (`basal_insulin`); Ryzodeg and Xultophy were no insulin, their doses unchecked.
    "ryzodeg": ("insulin degludec", "insulin aspart"), "xultophy": ("insulin degludec", "liraglutide"),
    # The BNF's insulins by brands the table lacked (review R7): aspart's biosimilars Trurapi and
    # Kirsty, Basaglar (glargine), Suliqua (glargine with lixisenatide), and Hypurin's protamine
    # zinc insulin (a basal one, whose "protamine" was read as the heparin's reversal).
    "trurapi": ("insulin aspart",), "kirsty": ("insulin aspart",), "basaglar": ("insulin glargine",),
    "suliqua": ("insulin glargine", "lixisenatide"), "protamine zinc": ("insulin zinc protamine",),
    "lovenox": ("enoxaparin",), "clexane": ("enoxaparin",), "innohep": ("tinzaparin",), "fragmin": ("dalteparin",),
    "eliquis": ("apixaban",), "xarelto": ("rivaroxaban",), "pradaxa": ("dabigatran",), "lixiana": ("edoxaban",),
    "coumadine": ("warfarin",), "coumadin": ("warfarin",), "previscan": ("fluindione",), "sintrom": ("acenocoumarol",),
    # Marevan (warfarin) and Savaysa (edoxaban) were no anticoagulant: a fall on them asked no CT
    # head (review R2 D2).
    "marevan": ("warfarin",), "savaysa": ("edoxaban",),
    # Nor Sinthrome (acenocoumarol) and Dindevan (phenindione), their UK brands (review T4 D2).
    "sinthrome": ("acenocoumarol",), "dindevan": ("phenindione",),
    "minisintrom": ("acenocoumarol",), "arixtra": ("fondaparinux",), "calciparine": ("heparin",),
    "inhixa": ("enoxaparin",), "orgaran": ("danaparoid",), "angiox": ("bivalirudin",), "arganova": ("argatroban",),
    "co-careldopa": ("levodopa", "carbidopa"), "sinemet": ("levodopa", "carbidopa"), "caramet": ("levodopa", "carbidopa"),
    "lecado": ("levodopa", "carbidopa"), "duodopa": ("levodopa", "carbidopa"),
    "produodopa": ("foslevodopa", "foscarbidopa"),
    "stalevo": ("levodopa", "carbidopa", "entacapone"), "co-beneldopa": ("levodopa", "benserazide"),
    "madopar": ("levodopa", "benserazide"), "modopar": ("levodopa", "benserazide"), "requip": ("ropinirole",),
    "adartrel": ("ropinirole",), "mirapexin": ("pramipexole",), "sifrol": ("pramipexole",), "neupro": ("rotigotine",),
    "apo-go": ("apomorphine",), "apokinon": ("apomorphine",), "dacepton": ("apomorphine",), "comtess": ("entacapone",),
    "comtan": ("entacapone",), "ongentys": ("opicapone",), "tasmar": ("tolcapone",),
    "sastravi": ("levodopa", "carbidopa", "entacapone"), "oprymea": ("pramipexole",), "inbrija": ("levodopa",),
    "azilect": ("rasagiline",), "eldepryl": ("selegiline",), "zelapar": ("selegiline",), "xadago": ("safinamide",),
    "mantadix": ("amantadine",), "symmetrel": ("amantadine",), "trivastal": ("piribedil",), "ralnea": ("ropinirole",),
    "ipinnia": ("ropinirole",),
    "metoject": ("methotrexate",), "novatrex": ("methotrexate",), "imeth": ("methotrexate",),
    "nordimet": ("methotrexate",), "maxtrex": ("methotrexate",),
    "kcl": ("potassium chloride",), "chlorure de potassium": ("potassium chloride",),
    "phosphate de potassium": ("potassium phosphate",),
    "co-trimoxazole": ("sulfamethoxazole", "trimethoprim"),
    "doliprane": ("paracetamol",), "dafalgan": ("paracetamol",), "efferalgan": ("paracetamol",),
    "panadol": ("paracetamol",), "perfalgan": ("paracetamol",), "calpol": ("paracetamol",), "acetaminophen": ("paracetamol",),
    "advil": ("ibuprofen",), "nurofen": ("ibuprofen",), "brufen": ("ibuprofen",),
    # Children's ibuprofen and paracetamol by their brands (ANSM, BNFc): "Nurofenpro 20 mg/mL",
    # 25 mg/kg to an 8 kg baby, was weighed by nothing and matched no ibuprofen allergy.
    "nurofenpro": ("ibuprofen",), "advilmed": ("ibuprofen",), "antarène": ("ibuprofen",), "nureflex": ("ibuprofen",),
    "calprofen": ("ibuprofen",), "fenpaed": ("ibuprofen",), "medinol": ("paracetamol",), "disprol": ("paracetamol",),
    # More French ones (ANSM): "Spedifen 400 mg" to a 12 kg toddler was weighed by nothing.
    "spedifen": ("ibuprofen",), "upfen": ("ibuprofen",), "dolko": ("paracetamol",), "paralyoc": ("paracetamol",),
    "claradol": ("paracetamol",), "hiconcil": ("amoxicillin",), "amodex": ("amoxicillin",),
    "gramidil": ("amoxicillin",), "zamudol": ("tramadol",), "orozamudol": ("tramadol",),
    "voltarene": ("diclofenac",),
    "voltarol": ("diclofenac",), "profenid": ("ketoprofen",), "kardegic": ("aspirin",), "aspegic": ("aspirin",),
    "aas": ("aspirin",), "acide acétylsalicylique": ("aspirin",), "acetylsalicylic acid": ("aspirin",),
    "hnf": ("heparin",), "héparine non fractionnée": ("heparin",), "fraxiparine": ("nadroparin",),
    "fraxodi": ("nadroparin",),
    # Antibiotics and anaesthetic medicines by their French (ANSM) and UK (BNF) brands: "Flagyl"
    # ordered to a patient allergic to metronidazole was asked nothing.
    "flagyl": ("metronidazole",), "ciflox": ("ciprofloxacin",), "ciproxin": ("ciprofloxacin",),
    "tavanic": ("levofloxacin",), "oflocet": ("ofloxacin",), "izilox": ("moxifloxacin",), "avelox": ("moxifloxacin",),
    "noroxine": ("norfloxacin",), "dalacine": ("clindamycin",), "zithromax": ("azithromycin",),
    "zeclar": ("clarithromycin",), "klaricid": ("clarithromycin",), "erythrocine": ("erythromycin",),
    "erythroped": ("erythromycin",), "rovamycine": ("spiramycin",), "pyostacine": ("pristinamycin",),
    "vibramycine": ("doxycycline",), "tolexine": ("doxycycline",), "mynocine": ("minocycline",),
    "tygacil": ("tigecycline",), "gentalline": ("gentamicin",), "cidomycin": ("gentamicin",),
    "amiklin": ("amikacin",), "nebcine": ("tobramycin",), "vancocin": ("vancomycin",), "targocid": ("teicoplanin",),
    "zyvoxid": ("linezolid",), "zyvox": ("linezolid",), "furadantine": ("nitrofurantoin",),
    "macrobid": ("nitrofurantoin",), "macrodantin": ("nitrofurantoin",), "monuril": ("fosfomycin",),
    "fosfocine": ("fosfomycin",), "fucidine": ("fusidic acid",), "rifadine": ("rifampicin",),
    "cubicin": ("daptomycin",), "azactam": ("aztreonam",), "triflucan": ("fluconazole",), "diflucan": ("fluconazole",),
    "esmeron": ("rocuronium",), "célocurine": ("suxamethonium",), "anectine": ("suxamethonium",),
    "tracrium": ("atracurium",), "nimbex": ("cisatracurium",), "diprivan": ("propofol",),
    "hypnomidate": ("etomidate",), "ketalar": ("ketamine",), "bridion": ("sugammadex",), "hypnovel": ("midazolam",),
    "xylocaine": ("lidocaine",), "naropeine": ("ropivacaine",), "naropin": ("ropivacaine",),
    "marcaine": ("bupivacaine",), "chirocaine": ("levobupivacaine",), "sufenta": ("sufentanil",),
    "ultiva": ("remifentanil",), "rapifen": ("alfentanil",), "acupan": ("nefopam",),
    "bétadine": ("povidone iodine",), "inadine": ("povidone iodine",), "iodosorb": ("cadexomer iodine",),
    "iodoflex": ("cadexomer iodine",), "povidone iodée": ("povidone iodine",),
    "polyvidone iodée": ("povidone iodine",),
    "omnipaque": ("iohexol",), "visipaque": ("iodixanol",), "iopamiron": ("iopamidol",), "niopam": ("iopamidol",),
    "iomeron": ("iomeprol",), "xenetix": ("iobitridol",), "optiray": ("ioversol",), "ultravist": ("iopromide",),
    "hexabrix": ("ioxaglate",), "telebrix": ("ioxitalamate",), "gastrografin": ("amidotrizoate",),
    "dotarem": ("gadoterate",), "clariscan": ("gadoterate",), "artirem": ("gadoterate",),
    "gadovist": ("gadobutrol",), "prohance": ("gadoteridol",), "multihance": ("gadobenate",),
    "primovist": ("gadoxetate",), "magnevist": ("gadopentetate",), "omniscan": ("gadodiamide",),
    "elucirem": ("gadopiclenol",), "micropaque": ("barium sulfate",), "baritop": ("barium sulfate",),
    "iodure de potassium": ("potassium iodide",),
    # The brands a French ward (ANSM) or an English one (BNF) writes for its everyday medicines:
    # "Lasilix 40 mg" beside "Furosémide 40 mg" was two medicines, each given every morning.
    "lasilix": ("furosemide",), "lasix": ("furosemide",), "burinex": ("bumetanide",),
    "aldactone": ("spironolactone",), "esidrex": ("hydrochlorothiazide",),
    "levothyrox": ("levothyroxine",), "l-thyroxine": ("levothyroxine",), "thyroxine": ("levothyroxine",),
    "eltroxin": ("levothyroxine",),
    "inexium": ("esomeprazole",), "nexium": ("esomeprazole",), "mopral": ("omeprazole",), "losec": ("omeprazole",),
    "lanzor": ("lansoprazole",), "ogast": ("lansoprazole",), "zoton": ("lansoprazole",),
    "inipomp": ("pantoprazole",), "eupantol": ("pantoprazole",), "protium": ("pantoprazole",),
    "pariet": ("rabeprazole",), "tahor": ("atorvastatin",), "lipitor": ("atorvastatin",),
    "crestor": ("rosuvastatin",), "zocor": ("simvastatin",), "elisor": ("pravastatin",),
    "coversyl": ("perindopril",), "triatec": ("ramipril",), "tritace": ("ramipril",), "renitec": ("enalapril",),
    "zestril": ("lisinopril",), "amlor": ("amlodipine",), "istin": ("amlodipine",),
    "detensiel": ("bisoprolol",), "cardensiel": ("bisoprolol",), "cardicor": ("bisoprolol",),
    "lopressor": ("metoprolol",), "seloken": ("metoprolol",), "tenormine": ("atenolol",),
    "avlocardyl": ("propranolol",), "cordarone": ("amiodarone",), "plavix": ("clopidogrel",),
    "brilique": ("ticagrelor",), "efient": ("prasugrel",), "glucophage": ("metformin",),
    # Metformin by a French brand and in its combinations: "review metformin" on an AKI or before
    # contrast was asked of "Glucophage" and not of these (nor of Xigduo, Synjardy, Komboglyze…,
    # which the theatre list alone knew as metformin).
    "stagid": ("metformin",), "janumet": ("sitagliptin", "metformin"), "velmetia": ("sitagliptin", "metformin"),
    "eucreas": ("vildagliptin", "metformin"), "glucovance": ("glibenclamide", "metformin"),
    "icandra": ("vildagliptin", "metformin"), "efficib": ("sitagliptin", "metformin"),
    "komboglyze": ("saxagliptin", "metformin"), "jentadueto": ("linagliptin", "metformin"),
    "vipdomet": ("alogliptin", "metformin"), "competact": ("pioglitazone", "metformin"),
    "xigduo": ("dapagliflozin", "metformin"), "ebymect": ("dapagliflozin", "metformin"),
    "synjardy": ("empagliflozin", "metformin"), "vokanamet": ("canagliflozin", "metformin"),
    "segluromet": ("ertugliflozin", "metformin"),
    # The SGLT2 inhibitors (gliflozins) by their brands, a combination as both its medicines: the
    # theatre list's day-before stop read a closed list of brands, and missed Edistride.
    "forxiga": ("dapagliflozin",), "edistride": ("dapagliflozin",), "jardiance": ("empagliflozin",),
    "invokana": ("canagliflozin",), "steglatro": ("ertugliflozin",), "zynquista": ("sotagliflozin",),
    "inpefa": ("sotagliflozin",), "qtern": ("saxagliptin", "dapagliflozin"),
    "glyxambi": ("empagliflozin", "linagliptin"), "steglujan": ("ertugliflozin", "sitagliptin"),
    # Lithium, the angiotensin receptor blockers and the diuretics by their French (ANSM) and UK
    # (BNF) brands, a combination as both its medicines: "Téralithe LP 400 mg" or "Aprovel" given
    # into an acute kidney injury asked nothing, where "Lithium" or "Irbesartan" was reviewed.
    "téralithe": ("lithium",), "priadel": ("lithium",), "camcolit": ("lithium",), "liskonum": ("lithium",),
    "aprovel": ("irbesartan",), "cozaar": ("losartan",), "tareg": ("valsartan",), "diovan": ("valsartan",),
    "atacand": ("candesartan",), "kenzen": ("candesartan",), "micardis": ("telmisartan",),
    "pritor": ("telmisartan",), "olmetec": ("olmesartan",), "alteis": ("olmesartan",),
    "coaprovel": ("irbesartan", "hydrochlorothiazide"), "hyzaar": ("losartan", "hydrochlorothiazide"),
    "fortzaar": ("losartan", "hydrochlorothiazide"), "cotareg": ("valsartan", "hydrochlorothiazide"),
    "co-diovan": ("valsartan", "hydrochlorothiazide"), "cokenzen": ("candesartan", "hydrochlorothiazide"),
    "micardisplus": ("telmisartan", "hydrochlorothiazide"), "pritorplus": ("telmisartan", "hydrochlorothiazide"),
    "coolmetec": ("olmesartan", "hydrochlorothiazide"), "exforge": ("amlodipine", "valsartan"),
    "bipreterax": ("perindopril", "indapamide"), "preterax": ("perindopril", "indapamide"),
    "cotriatec": ("ramipril", "hydrochlorothiazide"), "zestoretic": ("lisinopril", "hydrochlorothiazide"),
    "co-renitec": ("enalapril", "hydrochlorothiazide"), "fludex": ("indapamide",), "natrilix": ("indapamide",),
    "inspra": ("eplerenone",), "aldactazine": ("spironolactone", "altizide"),
    "aldactide": ("spironolactone", "hydroflumethiazide"), "co-flumactone": ("spironolactone", "hydroflumethiazide"),
    "kerendia": ("finerenone",), "rasilez": ("aliskiren",),
    # The UK's ACE inhibitor, angiotensin receptor blocker and triamterene brands and combinations,
    # given with a potassium of 6.8, their medicine unread (review T4 D3).
    "amias": ("candesartan",), "innovace": ("enalapril",), "capoten": ("captopril",), "accupro": ("quinapril",),
    "tarka": ("trandolapril", "verapamil"), "triapin": ("ramipril", "felodipine"),
    "co-zidocapsid": ("captopril", "hydrochlorothiazide"), "sevikar": ("olmesartan", "amlodipine"),
    "dyazide": ("triamterene", "hydrochlorothiazide"),
    "moduretic": ("amiloride", "hydrochlorothiazide"), "co-amilozide": ("amiloride", "hydrochlorothiazide"),
    "co-amilofruse": ("amiloride", "furosemide"), "frumil": ("amiloride", "furosemide"),
    # And those the first list lacked (review S8): Neurolithium, the French oral solution; the
    # combinations Hytacand, Nisisco, Alteisduo, Twynsta; Modamide and Soludactone by vein.
    "neurolithium": ("lithium",), "hytacand": ("candesartan", "hydrochlorothiazide"),
    "nisisco": ("valsartan", "hydrochlorothiazide"), "alteisduo": ("olmesartan", "hydrochlorothiazide"),
    "alteis duo": ("olmesartan", "hydrochlorothiazide"), "twynsta": ("telmisartan", "amlodipine"),
    "modamide": ("amiloride",), "soludactone": ("potassium canrenoate",),
    "laroxyl": ("amitriptyline",), "deroxat": ("paroxetine",), "seroplex": ("escitalopram",),
    "zoloft": ("sertraline",), "prozac": ("fluoxetine",), "seresta": ("oxazepam",), "temesta": ("lorazepam",),
    "xanax": ("alprazolam",), "lexomil": ("bromazepam",), "valium": ("diazepam",), "atarax": ("hydroxyzine",),
    "stilnox": ("zolpidem",), "imovane": ("zopiclone",), "zimovane": ("zopiclone",), "haldol": ("haloperidol",),
    "risperdal": ("risperidone",), "zyprexa": ("olanzapine",), "loxapac": ("loxapine",),
    "tercian": ("cyamemazine",), "nozinan": ("levomepromazine",), "seroquel": ("quetiapine",),
    "xeroquel": ("quetiapine",), "largactil": ("chlorpromazine",), "phenergan": ("promethazine",),
    # The dopamine blockers' brands (BNF, ANSM) Parkinson's UK names among the medicines to avoid.
    "stemetil": ("prochlorperazine",), "buccastem": ("prochlorperazine",), "solian": ("amisulpride",),
    "abilify": ("aripiprazole",), "dolmatil": ("sulpiride",), "dogmatil": ("sulpiride",), "stelazine": ("trifluoperazine",),
    "orap": ("pimozide",), "depixol": ("flupentixol",), "clopixol": ("zuclopenthixol",), "xenazine": ("tetrabenazine",),
    "xeplion": ("paliperidone",), "invega": ("paliperidone",),
    # Clozapine's brands (BNF, ANSM), read as the sedative it is and for its restart (domain.clozapine).
    "clozaril": ("clozapine",), "leponex": ("clozapine",), "denzapine": ("clozapine",), "zaponex": ("clozapine",),
    "theralene": ("alimemazine",), "tiapridal": ("tiapride",), "rivotril": ("clonazepam",),
    "tranxene": ("clorazepate",), "ativan": ("lorazepam",), "buccolam": ("midazolam",),
    # The UK's benzodiazepine brands: "Librium 20 mg", the drug of the UK's CIWA-Ar protocols, was
    # no benzodiazepine: its doses left out of the letters' count, and no benzodiazepine allergy asked.
    "librium": ("chlordiazepoxide",), "stesolid": ("diazepam",), "diazemuls": ("diazepam",),
    "mogadon": ("nitrazepam",), "frisium": ("clobazam",), "epistatus": ("midazolam",),
    "noctamide": ("lormetazepam",), "urbanyl": ("clobazam",), "droleptan": ("droperidol",),
    "heminevrin": ("clomethiazole",), "piriton": ("chlorphenamine",), "polaramine": ("dexchlorpheniramine",),
    "donormyl": ("doxylamine",),
    # The anticipatory medicines (WITH_CEILINGS) as wards write them: "Buscopan 200 mg SC" and
    # "Scopolamine 4 mg SC" escaped their ceilings, read as medicines of their own.
    "buscopan": ("hyoscine butylbromide",), "butylbromure de scopolamine": ("hyoscine butylbromide",),
    "scopolamine butylbromure": ("hyoscine butylbromide",), "scopolamine butylbromide": ("hyoscine butylbromide",),
    "scopolamine": ("hyoscine",), "kwells": ("hyoscine",), "scopoderm": ("hyoscine",),
    "robinul": ("glycopyrronium",), "glycopyrrolate": ("glycopyrronium",),
    "zyloric": ("allopurinol",), "lyrica": ("pregabalin",), "neurontin": ("gabapentin",),
    # The sulfonylureas and digoxin as French wards write them: an AKI asks their dose reviewed
    # (domain.aki.DOSE_REVIEWED), and "Diamicron 30 mg" was given into an AKI stage 3 unasked.
    "diamicron": ("gliclazide",), "daonil": ("glibenclamide",), "hémi-daonil": ("glibenclamide",),
    "amarel": ("glimepiride",), "ozidia": ("glipizide",), "glibenese": ("glipizide",), "minidiab": ("glipizide",),
    "hémigoxine": ("digoxin",), "lanoxin": ("digoxin",), "lanoxin pg": ("digoxin",),
    "tegretol": ("carbamazepine",), "depakine": ("valproate",), "epilim": ("valproate",),
    "acide valproïque": ("valproate",), "valproic acid": ("valproate",), "keppra": ("levetiracetam",),
    "lamictal": ("lamotrigine",), "solupred": ("prednisolone",), "cortancyl": ("prednisone",),
    "medrol": ("methylprednisolone",), "solumedrol": ("methylprednisolone",),
    "ventoline": ("salbutamol",), "ventolin": ("salbutamol",), "atrovent": ("ipratropium",),
    "seretide": ("fluticasone", "salmeterol"), "symbicort": ("budesonide", "formoterol"),
    "primperan": ("metoclopramide",), "maxolon": ("metoclopramide",), "zophren": ("ondansetron",),
    "zofran": ("ondansetron",), "motilium": ("domperidone",), "duphalac": ("lactulose",), "forlax": ("macrogol",),
    "imodium": ("loperamide",),
    # The children's ward's weighed medicines (dose_limits.RULES) by their UK brands (review T2 D1).
    "zovirax": ("aciclovir",), "decadron": ("dexamethasone",), "dexsol": ("dexamethasone",),
    "martapan": ("dexamethasone",),
}
FOODS_IN_MEDICINES: dict[str, tuple[str, ...]] = {
    "arachis oil": ("peanut",), "huile d'arachide": ("peanut",)}
"""Medicines named by a food they hold, matched as PRODUCTS are (BNF: arachis oil is contraindicated
after a peanut allergy); apart from them, so that a food is no medicine for the EHR's category."""
REVERSAL_AGENTS: dict[str, tuple[str, ...]] = {
    "phytomenadione": ("phytomenadione",), "phytoménadione": ("phytomenadione",), "konakion": ("phytomenadione",),
    "vitamin k": ("phytomenadione",), "vitamine k": ("phytomenadione",), "vitamin k1": ("phytomenadione",),
    "vitamine k1": ("phytomenadione",), "protamine": ("protamine",), "idarucizumab": ("idarucizumab",),
    "praxbind": ("idarucizumab",), "andexanet": ("andexanet",), "ondexxya": ("andexanet",),
    "prothrombin complex": ("prothrombin complex",), "complexe prothrombinique": ("prothrombin complex",),
    "ppsb": ("prothrombin complex",), "beriplex": ("prothrombin complex",), "octaplex": ("prothrombin complex",),
    "kcentra": ("prothrombin complex",), "kanokad": ("prothrombin complex",), "confidex": ("prothrombin complex",)}
"""The medicines that reverse an anticoagulant (BNF, ANSM), by their names and brands, read as
PRODUCTS are. Prescribers name the drug reversed beside them ("Vitamin K (warfarin reversal)",
"Protamine sulfate (heparin reversal)"), and that drug was taken for the order's medicine: the
reversal was high-alert as an anticoagulant, "already ordered" beside the warfarin, and asked
after a head injury as a medicine that makes the bleed worse (see `_reversal_alone`)."""
REVERSAL_SAID = ("reversal", "antidote", "antidot", "surdosage", "overdose", "neutralisation", "neutralization")
"""Words (stemmed) by which an order naming an anticoagulant first says it reverses it ("Warfarin
reversal: vitamin K 10 mg IV", "Surdosage en warfarine : vitamine K"), unless a condition makes
the reversal a plan (`PLAN_SAID`)."""
PLAN_SAID = ("if", "si", "when", "quand", "lorsque", "should")
"""Words by which an anticoagulant's order says the reversal named after it is a plan, not a
medicine given ("Warfarin 5 mg (vitamin K if INR > 8)", "Lovenox (protamine si saignement)")."""
VITAMIN_K_ANTAGONISTS_SAID = (
    "vitamin k antagonist", "vitamine k antagonist", "antagonist of vitamin k", "antagoniste de la vitamine k",
    "antagonistes de la vitamine k", "anti vitamin k", "anti vitamine k", "antivitamin k", "antivitamine k", "avk",
    "vka")
"""The class of warfarin, fluindione and acenocoumarol as wards write it, whose "vitamin K" is no
vitamin K given (`_class_apart`): "Warfarin (vitamin K antagonist)" read as warfarin with
phytomenadione, the vitamin K for its INR "already ordered", and "Anti-vitamine K : fluindione",
or an allergy to "Vitamin K antagonist (warfarin)", as the vitamin K alone, no anticoagulant."""
# Controlled drugs (stupéfiants): a dose needs a witness and a line in the ward's register. Those
# of schedule 2 (or 3 with a register kept: buprenorphine) in the UK that France lists as
# stupéfiants too; a brand (PRODUCTS) is one by what it contains.
CONTROLLED_DRUGS = ("morphine", "oxycodone", "fentanyl", "hydromorphone", "methadone", "pethidine", "buprenorphine",
                    "diamorphine", "tapentadol", "alfentanil", "remifentanil", "sufentanil", "ketamine",
                    "methylphenidate", "dexamfetamine", "dexamphetamine", "lisdexamfetamine", "cocaine", "nabilone")
# Time-critical medicines, a dose late by more than 30 minutes harming (`policy_for`), besides
# insulin (`insulin`): Parkinson's medicines given by the clock, as Parkinson's UK's "Get It On
# Time" and the NPSA's report on omitted and delayed medicines (RRR009, 2010) list them -
# levodopa (its brands in PRODUCTS), the dopamine agonists, the COMT inhibitors taken with each
# levodopa dose, and, as "Get It On Time" counts every Parkinson's medicine, the MAO-B inhibitors
# and amantadine too (left to a tick, a patient on rasagiline and amantadine alone was not put
# first on the theatre list). Amantadine is an antiviral too (influenza), Parkinson's UK lists it
# among the Parkinson's medicines: read by its name, it is time-critical whatever it is given for.
# Anticonvulsants and antimicrobials, on the NPSA's list too, are time-critical by their patient
# and indication (status epilepticus, sepsis), not by their name: the prescriber ticks those.
SEDATIVES = ("zopiclone", "zolpidem", "haloperidol", "olanzapine", "quetiapine", "risperidone", "clozapine",
             "chlorpromazine",
             "levomepromazine", "cyamemazine", "loxapine", "tiapride", "droperidol", "promethazine", "hydroxyzine",
             "alimemazine", "chlorphenamine", "dexchlorpheniramine", "doxylamine", "clomethiazole", "phenobarbital",
             "dexmedetomidine", "propofol", "ketamine")
"""Medicines besides the benzodiazepines (their class) that sedate: hypnotics, antipsychotics,
sedating antihistamines, given to a confused patient at night; what lowers a GCS (`sedating`)."""
DOPAMINE_BLOCKERS = ("haloperidol", "chlorpromazine", "levomepromazine", "cyamemazine", "loxapine", "tiapride",
                     "droperidol", "promazine", "prochlorperazine", "trifluoperazine", "perphenazine", "fluphenazine",
                     "flupentixol", "zuclopenthixol", "pimozide", "benperidol", "pericyazine", "sulpiride", "amisulpride",
                     "risperidone", "paliperidone", "olanzapine", "aripiprazole", "metoclopramide", "tetrabenazine")
"""The medicines that block dopamine in the brain, which Parkinson's UK's card of medicines to avoid
and NICE NG71 keep from a patient with Parkinson's disease (`blocks_dopamine`): the antipsychotics
but quetiapine and clozapine, and the antiemetics metoclopramide and prochlorperazine (domperidone
and ondansetron do not cross into the brain, or do not block it)."""
TIME_CRITICAL_DRUGS = ("levodopa", "foslevodopa", "ropinirole", "pramipexole", "rotigotine", "apomorphine",
                       "entacapone", "opicapone", "tolcapone", "rasagiline", "selegiline", "safinamide", "amantadine",
                       "piribedil")
"""Parkinson's medicines, each (Parkinson's UK "Get It On Time"), their brands in PRODUCTS: piribedil
(Trivastal), a dopamine agonist French wards give, and amantadine's Mantadix and Symmetrel were
not time-critical; nor was foslevodopa (Produodopa, a levodopa infused under the skin day and
night: MHRA and ANSM 2023)."""
# Antibacterials, whose order is reviewed at 48-72 hours and given a review date or a course's
# length (UK "Start Smart then Focus", the French HAS and SPILF's "réévaluation à 48-72 h"):
# the classes of ALLERGY_CLASSES that are antibacterials, and the others by name (their brands in
# PRODUCTS). Not antifungals nor antivirals, whose courses and reviews follow other rules, and
# not an antibiotic put on the skin or in the eye, ear or nose (`NOT_REVIEWED_ROUTES`).
ANTIBACTERIAL_CLASSES = frozenset({"penicillin", "cephalosporin", "carbapenem", "fluoroquinolone", "macrolide",
                                   "tetracycline", "aminoglycoside", "glycopeptide"})
WITH_CEILINGS = ("digoxin", "alfacalcidol", "fludrocortisone", "glycopyrronium", "hyoscine", "hyoscine butylbromide")
"""Medicines weighed against their ceilings when ordered (domain.order_units.CEILINGS), most of
them dosed in micrograms, that no other table here names: read only when written alone,
"Digoxin elixir" or "Digoxin 62.5 microgram tablets" was a medicine of its own, and 250 mg of
it was saved unasked where "Digoxin" 250 mg was refused; so were "Glycopyrronium bromide" 200 mg
and a "Hyoscine butylbromide 60 mg in 17 mL" syringe of any content. Hyoscine hydrobromide is
"hyoscine", its salt dropped (`SALT_WORDS`) as it always was: read apart, an order of "Hyoscine"
no longer saw the dose of "Hyoscine hydrobromide" just given. Butylbromide is another medicine,
its own (a hundredfold the dose: the known confusion of the two), and the brands and French names
of the three are in PRODUCTS."""
ANTIBACTERIALS = ("metronidazole", "tinidazole", "ornidazole", "clindamycin", "sulfamethoxazole", "co-trimoxazole",
                  "sulfadiazine", "trimethoprim", "nitrofurantoin", "fosfomycin", "linezolid", "tedizolid",
                  "rifampicin", "rifampin", "fusidic acid", "daptomycin", "aztreonam", "pristinamycin", "colistin",
                  "colistimethate", "chloramphenicol", "temocillin", "mecillinam")
NOT_REVIEWED_ROUTES = frozenset({"TOP", "EYE", "EAR", "NAS"})
ANTIBIOTIC_REVIEW_AFTER = timedelta(hours=72)
"""When an antibiotic with no review date nor stop is due its review: the end of the 48-72 hours."""
AS_REQUIRED_OPIOID_REVIEW_AFTER = timedelta(days=7)
"""When an as-required opioid with no review date nor stop is due its review: after a week, as
needed after an operation or an injury, it is mostly no longer needed, or needed regularly
(Faculty of Pain Medicine, "Opioids Aware"; HAS: réévaluer tout traitement opioïde)."""
# High-alert medicines, besides insulins (`insulin`) and anticoagulants (`anticoagulant`): those
# ISMP's list, the NHS's high-risk medicines and the ANSM's "never events" (événements qui ne
# devraient jamais arriver) all name. Methotrexate whatever the route (a weekly dose taken daily
# kills); potassium only injected (concentrated potassium chloride), not Sando-K or Diffu-K by
# mouth. Opioids are controlled drugs already; cytotoxics, IV magnesium and the like are ticked
# by the prescriber, their names too many or their risk the dose's.
HIGH_ALERT_DRUGS = ("methotrexate",)
HIGH_ALERT_INJECTED = ("potassium chloride", "potassium phosphate")
INJECTED = frozenset({"IV", "IM", "SC"})
"""The routes (`ROUTES`' codes) by which a medicine of `HIGH_ALERT_INJECTED` is high-alert."""
# A word ending so is a member of the class, named in no table yet (every penicillin is a -cillin,
# every carbapenem a -penem, "méropénème" too once stemmed), or a penicillin misspelt with one l
# ("Penicilin", "Pénicilines": no warning before amoxicillin); the fluoroquinolones, macrolides,
# tetracyclines, benzodiazepines, curares and low-molecular-weight heparins likewise, and the
# NSAIDs' -profens, -coxibs, -icams and -fenacs.
CLASS_ENDINGS = {"cillin": "penicillin", "cilin": "penicillin", "penem": "carbapenem", "floxacin": "fluoroquinolone",
                 "thromycin": "macrolide", "cyclin": "tetracycline", "azepam": "benzodiazepine",
                 "azolam": "benzodiazepine", "curonium": "neuromuscular blocker", "curium": "neuromuscular blocker",
                 "parin": "heparin", "profen": "nsaid", "coxib": "nsaid", "icam": "nsaid", "fenac": "nsaid",
                 "sartan": "angiotensin receptor blocker"}
# Words two names share that say nothing of the medicine itself: an unknown allergen matches a
# drug by a word they share, and "Penicillin V potassium" is no allergy to potassium chloride.
NOT_A_MEDICINE = frozenset({
    "acid", "acide", "sodium", "potassium", "calcium", "magnesium", "chloride", "chlorure", "hydrochloride",
    "chlorhydrate", "sulfate", "sulphate", "phosphate", "citrate", "tartrate", "acetate", "maleate", "allergy",
    "allergie", "rash", "severe", "sévère", "mild", "moderate", "anaphylaxis", "anaphylaxie", "intolerance",
    "intolérance", "reaction", "réaction", "tablet", "comprimé", "injection", "injectable", "oral", "orale", "solution",
    "patch", "syrup", "sirop", "retard", "forte", "with", "avec", "pour", "suspension", "capsule", "gélule", "cream",
    "crème", "ointment", "pommade", "drops", "gouttes", "collyre", "sachet", "infusion", "perfusion", "ampoule",
    "inhaler", "spray", "buvable", "effervescent", "dispersible", "skin", "peau", "itch", "itching", "itchy",
    "prurit", "nausea", "nausée", "vomiting", "vomissement", "diarrhoea", "diarrhea", "diarrhée", "redness", "rougeur",
    "eczema", "eczéma", "blister", "cough", "toux", "headache", "dizzy", "dizziness", "sick", "sickness"})
KIND_WORDS = frozenset({"vitamin", "vitamine"})
"""Words a medicine's name shares with others of its kind, that match nothing by themselves once
either name is read as a medicine the tables know, whose medicines then decide, and are never
another's misspelt: "Vitamin D3" or "Vitamin B12" warned as an allergy to "Vitamin K" by their
word "vitamin"."""
# What else than a medicine an allergy is to, or how it came (a sting, a bite), in English and
# French: never read as a medicine misspelt or shortened ("Wasp stings" warned before Istin,
# amlodipine). A word both share still matches: "Peanut" before an order naming peanut oil.
# Words of three letters are never so read ("bee", "cat", "dog", "egg").
NOT_MISSPELT = frozenset({
    "sting", "stung", "piqûre", "morsure", "wasp", "guêpe", "abeille", "hornet", "frelon", "insect",
    "insecte", "venom", "venin", "hymenoptera", "hyménoptère", "pollen", "graminée", "dust", "poussière", "acarien",
    "mould", "moisissure", "animal", "chat", "chien", "cheval", "feather", "plume", "peanut", "cacahuète", "noix",
    "shellfish", "crustacé", "fish", "poisson", "milk", "lait", "oeuf", "wheat", "gluten", "fruit", "kiwi",
    "strawberry", "fraise", "tomato", "tomate", "banana", "banane", "celery", "céleri", "mustard", "moutarde",
    "sesame", "sésame", "lupin", "nickel", "plaster", "sparadrap"})


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Without case or accents, "β" (and the "ß" typed for it, which casefolds to "ss") read as
    "beta": "β-lactamines" was no beta-lactam."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "β").casefold().replace("β", "beta"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@lru_cache(maxsize=8192)
def _stem(text: str) -> str:
    """A name without accents, capitals, or each word's final -s and -e: the English and French
    names of a drug or a class meet there ("anti-inflammatoires non stéroïdiens"), and a name
    apart from the number written against it, three letters or more ("NovoMix30", "Mixtard30",
    "Paracetamol500mg": a brand's mix was no insulin; see release.number_apart)."""
    return " ".join(word.rstrip("s").rstrip("e").rstrip("s") for word in number_apart(_fold(text), 3).split())


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The stemmed words of a name, split at anything not a letter or a digit ("co-amoxiclav",
    "amoxicilline/acide clavulanique", "pénicilline (anaphylaxie)")."""
    return tuple(_stem("".join(c if c.isalnum() else " " for c in _fold(text))).split())


def _phrases(names: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(_words(name) for name in names)


# The tables once stemmed: each name as its words.
_CLASS_NAMES = {cls: _phrases(names) for cls, (names, _) in ALLERGY_CLASSES.items()}
_MEMBERS = {_words(member): cls for cls, (_, members) in ALLERGY_CLASSES.items() for member in members}
_PRODUCTS = {_words(product): tuple(_words(part) for part in parts)
             for product, parts in {**PRODUCTS, **FOODS_IN_MEDICINES, **REVERSAL_AGENTS}.items()}
_REVERSALS = frozenset(_words(name) for name in REVERSAL_AGENTS)
_REVERSAL_SAID = frozenset(word for name in REVERSAL_SAID for word in _words(name))
_PLAN_SAID = frozenset(word for name in PLAN_SAID for word in _words(name))
_ANTAGONISTS_SAID = sorted(_phrases(VITAMIN_K_ANTAGONISTS_SAID), key=len, reverse=True)
(_ANTAGONISTS_WORD,) = ALLERGY_CLASSES["vitamin k antagonist"][0]
_PROTAMINE = _words("protamine")
_CONTROLLED = _phrases(CONTROLLED_DRUGS)
_TIME_CRITICAL = _phrases(TIME_CRITICAL_DRUGS)
_HIGH_ALERT = _phrases(HIGH_ALERT_DRUGS)
_HIGH_ALERT_INJECTED = _phrases(HIGH_ALERT_INJECTED)
_ANTIBACTERIALS = _phrases(ANTIBACTERIALS)
_SEDATIVES = _phrases(SEDATIVES)
_DOPAMINE_BLOCKERS = _phrases(DOPAMINE_BLOCKERS)
_FLAGGED = _CONTROLLED | _TIME_CRITICAL | _HIGH_ALERT | _HIGH_ALERT_INJECTED | _ANTIBACTERIALS
# Every medicine weighed by its limits (dose_limits.RULES) is one, a brand's key left to PRODUCTS:
# aciclovir and dexamethasone, in no other table, were read only when written alone, and "Aciclovir
# IV" 2400 mg for a 12 kg child was saved unasked (review T2 D1).
_SUBSTANCES = frozenset(_MEMBERS) | _FLAGGED | _SEDATIVES | _DOPAMINE_BLOCKERS | _phrases(WITH_CEILINGS) | (
    _phrases(RULES) - frozenset(_PRODUCTS)) | {part for parts in _PRODUCTS.values() for part in parts}
_NOT_A_MEDICINE = frozenset(word for name in NOT_A_MEDICINE for word in _words(name))
_NOT_MISSPELT = frozenset(word for name in NOT_MISSPELT for word in _words(name))
_KIND_WORDS = frozenset(word for name in KIND_WORDS for word in _words(name))
_KNOWN = _SUBSTANCES | frozenset(_PRODUCTS) | {phrase for names in _CLASS_NAMES.values() for phrase in names}
"""What a name's words are read as when the tables know them: a medicine, a product, a class."""
_LONGEST = max(len(phrase) for phrase in [*_MEMBERS, *_PRODUCTS, *_FLAGGED,
                                          *(p for ps in _CLASS_NAMES.values() for p in ps)])


# An allergy's reaction read as immediate (IgE: anaphylaxis, angioedema, urticaria, bronchospasm,
# or any reaction said immediate), as a severe skin reaction (Stevens-Johnson, Lyell, DRESS, a
# blistering, peeling or mucosal one), or graded severe, in English or French, by its words'
# beginnings once folded ("anaphylactique", "urticaire", "bulleuse"); and whole words too short
# or too common to be read so. An anaphylaxis told by its signs too, as patients and families
# tell it (EAACI/WAO criteria, Resuscitation Council UK: the airway, the breathing, the blood
# pressure, a collapse or an arrest, adrenaline given, intensive care): "Difficulty breathing,
# collapsed, needed adrenaline" warned before no cephalosporin, and since a dose over an allergy
# recorded after its order is refused over one, "SOB", "BP dropped" or "Throat closed up" were
# only asked the nurse's reason. A swelling is read apart (`SWELLING_STARTS`, `LOCAL_SWELLING`).
SEVERE_REACTION_STARTS = ("anaphyla", "urtica", "bronchospas", "laryn", "immediat", "steven", "lyell", "necroly",
                          "blister", "bullous", "bulle", "phlyct", "peel", "decoll", "mucos", "muqueu", "breath",
                          "respir", "dyspn", "wheez", "sifflement", "stridor", "asthm", "tight", "oppress", "collaps",
                          "hypotens", "adrenalin", "epinephrin", "epipen", "anapen", "resuscit", "reanim",
                          "unconscious")
SEVERE_REACTION_WORDS = frozenset({"hives", "shock", "choc", "sjs", "dress", "severe", "grave", "fainted", "fainting",
                                   "syncope", "sob", "icu", "itu", "rea"})
SEVERE_REACTION_PHRASES = (("cardiac", "arrest"), ("arret", "cardi"), ("chute", "de", "tension"),
                           ("low", "blood", "pressure"), ("low", "bp"), ("blood", "pressure", "drop"), ("bp", "drop"),
                           ("drop", "in", "bp"), ("drop", "in", "blood", "pressure"), ("perte", "de", "connaissance"),
                           ("loss", "of", "consciousness"), ("pass", "out"), ("throat", "clos"), ("gorge", "serr"),
                           ("gorge", "ferm"), ("intensive", "care"), ("soins", "intensif"))
"""An immediate or severe reaction in words that say it only together, each by its words'
beginnings ("Chute de tension", "BP dropped", "Arrêt cardiaque")."""
LOCAL_SWELLING = (("local",), ("site",), ("point", "d", "inject"), ("mild",), ("minor",), ("leger",), ("minime",))
"""What says a swelling local or mild (by its words' beginnings): a local reaction is no
anaphylaxis (EAACI, BSACI), and "Swelling at injection site" or "Swelling (mild)", read as
severe, refused a dose recorded after its order until a prescriber was rung at night. An
angioedema, of the face, lips, tongue or throat (`angioedema`), stays severe however mild; the
grade chosen "severe" stays severe ("severe" in `SEVERE_REACTION_WORDS`)."""
ANAESTHETIC_STARTS = ("anaesth", "anesth")
"""The words whose "local" beside them says a local anaesthetic, not a local swelling: "Local
anaesthetic - swelling" (the substance and its reaction in one box, as the FHIR export reads
them) is no local reaction."""
NEGATIONS = frozenset({"no", "not", "non", "pas", "aucun", "aucune", "sans", "without", "nil", "never", "jamais"})
"""Words that cancel the reaction's word right after them, and deny an allergy in theatre.DENIED: "rash,
not anaphylaxis", "pas d'anaphylaxie", "not severe" read as severe, and a penicillin rash so
written warned before every cephalosporin. That word only: "anaphylaxis, not just rash" stays
severe; "non grave" is not, "grave" alone is."""
PARTITIVES = frozenset({"d", "de", "du", "of"})
"""A word a negation may have between it and the reaction's word it cancels ("pas d'anaphylaxie",
"pas de choc"); "no sign of anaphylaxis" stays severe, its negation two words away."""
AVOIDED_AFTER_PENICILLIN = frozenset({"cephalosporin", "carbapenem"})
"""The classes avoided after an immediate or severe reaction to a penicillin, for a risk of cross-
reaction: BNF ("patients with a history of immediate hypersensitivity to penicillins should not
receive a cephalosporin or other beta-lactam antibacterial"; carbapenems: avoid if history of
immediate hypersensitivity to beta-lactams), as the SFAR and the BSACI do. Not after a penicillin
rash alone (BNF: a cephalosporin may then be used, with caution; a warning at each dose would
be noise), and not the monobactam aztreonam, which does not cross-react with penicillins."""
MISSPELT_FROM = 5
"""The letters an allergy's word no table knows has at least to be compared with the ordered
drug's as misspelt (`names_alike`): one letter in four apart is alike, and "Soja" is not "Soya"."""
MISSPELT_LENGTH = 1
"""How many letters longer or shorter than a drug's word an allergy's may be to be taken for it
misspelt: a letter dropped, doubled or swapped ("Codiene", "Amoxycilin", "Morfine") keeps a
word's length within one; names merely alike in their start do not ("Aspartame" is no insulin
aspart, "Tetracycline" no tetracaine, "Lactose" no lactulose)."""
SLIPS_TWO_FROM = 10
"""The letters an ordered drug's word no table knows has at least to be taken for the allergy's
name with two slips (`_slipped`), its first letter kept: "Gentamycin" for "Gentamicin" is one,
"Duloxetine" for "Fluoxetine" two after another first letter, another medicine."""
REACTION_MARKS = ("(", "[", ":", ",", ";", " - ", " – ", " — ")
"""Where an allergy written as one line ends its substance and starts its reaction: "Amox - rash",
"Péni : urticaire", "Genta (rash, 2019)"."""
CROSS_REACTION = QT_TRANSLATE_NOOP("messages", "{allergy} — an immediate or severe reaction to a penicillin: "
                                               "cephalosporins and carbapenems are avoided after one (cross-reaction)")
# The beta-lactams that share their R1 side chain, each named as a warning says it (then its other
# spellings): after an immediate or severe reaction to one, the others are avoided (BSACI 2022,
# SFAR): a cefalexin anaphylaxis said nothing before amoxicillin, a ceftazidime one nothing before
# aztreonam. The cephalosporins among them warn before one another already, as any of their class.
SIDE_CHAINS: tuple[dict[str, tuple[str, ...]], ...] = (
    {QT_TRANSLATE_NOOP("messages", "amoxicillin"): (), QT_TRANSLATE_NOOP("messages", "ampicillin"): (),
     QT_TRANSLATE_NOOP("messages", "cefalexin"): ("cephalexin",), QT_TRANSLATE_NOOP("messages", "cefadroxil"): (),
     QT_TRANSLATE_NOOP("messages", "cefaclor"): (), QT_TRANSLATE_NOOP("messages", "cefradine"): ("cephradine",),
     QT_TRANSLATE_NOOP("messages", "cefprozil"): ()},
    {QT_TRANSLATE_NOOP("messages", "ceftriaxone"): (), QT_TRANSLATE_NOOP("messages", "cefotaxime"): (),
     QT_TRANSLATE_NOOP("messages", "cefuroxime"): (), QT_TRANSLATE_NOOP("messages", "cefepime"): (),
     QT_TRANSLATE_NOOP("messages", "cefpodoxime"): ()},
    {QT_TRANSLATE_NOOP("messages", "ceftazidime"): (), QT_TRANSLATE_NOOP("messages", "aztreonam"): ()},
)
_SIDE_CHAIN_OF = {_words(spelling): (group, name) for group, members in enumerate(SIDE_CHAINS)
                  for name, spellings in members.items() for spelling in (name, *spellings)}
SIDE_CHAIN = QT_TRANSLATE_NOOP("messages", "{allergy} — a reaction to {allergen}: {medicine} shares its side chain "
                                           "(cross-reaction)")


ANGIOEDEMA_STARTS = ("angioedem", "angiooedem", "quincke")
OEDEMA_STARTS = ("oedem", "edem")
SWELLING_STARTS = ("swell", "swoll", "gonfl", *OEDEMA_STARTS)
SWOLLEN_PARTS = frozenset({"lip", "lips", "tongue", "face", "facial", "throat", "mouth", "levre", "levres", "langue",
                           "visage", "gorge", "bouche"})
"""An angioedema as wards write it: its names ("angio-oedema", "œdème de Quincke"), or a swelling
of the face, lips, tongue or throat ("swollen lips", "gonflement de la langue")."""
AVOIDED_AFTER_ANGIOEDEMA = {"ace inhibitor": frozenset({("sacubitril",)})}
"""What is contraindicated after an angioedema with a member of a class besides the class (BNF,
SmPC of Entresto: "history of angioedema related to previous ACE inhibitor therapy")."""
ACE_ANGIOEDEMA = QT_TRANSLATE_NOOP("messages", "{allergy} — an angioedema with an ACE inhibitor: every ACE inhibitor, "
                                               "and sacubitril, is contraindicated after one")
ARB_ANGIOEDEMA = QT_TRANSLATE_NOOP("messages", "{allergy} — an angioedema with an angiotensin receptor blocker: "
                                               "every other one is given only with great caution after one")
ANGIOEDEMA_WARNINGS = {"ace inhibitor": ACE_ANGIOEDEMA, "angiotensin receptor blocker": ARB_ANGIOEDEMA}
"""The classes (`ONLY_BY_NAME`) whose member named alone warns before the others after an
angioedema with it, and what the warning says: a losartan angioedema said nothing before
valsartan or Entresto."""


def angioedema(text: str) -> bool:
    """Whether a text says an angioedema (`ANGIOEDEMA_STARTS`, `SWOLLEN_PARTS`) that no negation
    cancels: an ACE inhibitor's, unlike its cough, forbids the whole class."""
    words = _reaction_words(text)
    return any(not _negated(words[:at]) and (
        word.startswith(ANGIOEDEMA_STARTS)
        or (word == "angio" and at + 1 < len(words) and words[at + 1].startswith(OEDEMA_STARTS))
        or (word.startswith(SWELLING_STARTS) and not SWOLLEN_PARTS.isdisjoint(words)))
        for at, word in enumerate(words))


def _class_angioedema(drug: str, allergy: str) -> str | None:
    """The class (`ANGIOEDEMA_WARNINGS`) of which an allergy is an angioedema with a member named
    by itself ("Ramipril (angio-oedema)", "Losartan (angioedema)") and the drug a member or what
    is avoided after it (`AVOIDED_AFTER_ANGIOEDEMA`): a member named alone warns before the
    others only then (`ONLY_BY_NAME`: an ACE inhibitor's cough does not). None when none is."""
    if not angioedema(allergy):
        return None
    ordered, named = _read(drug, order=True), _read(allergy)
    return next((cls for cls in ANGIOEDEMA_WARNINGS if cls in named.member_of and (
        cls in ordered.member_of or ordered.substances & AVOIDED_AFTER_ANGIOEDEMA.get(cls, frozenset()))), None)


def severe_reaction(text: str) -> bool:
    """Whether a text says an immediate or severe reaction (`SEVERE_REACTION_STARTS`,
    `SEVERE_REACTION_WORDS`, `SEVERE_REACTION_PHRASES`, an `angioedema`, a swelling none says
    local or mild: `LOCAL_SWELLING`, `ANAESTHETIC_STARTS`) that no negation cancels (`NEGATIONS`)."""
    words = _reaction_words(text)
    return angioedema(text) or any(not _negated(words[:at]) and (
        word.startswith(SEVERE_REACTION_STARTS) or word in SEVERE_REACTION_WORDS
        or any(_said_at(words, at, phrase) for phrase in SEVERE_REACTION_PHRASES)) for at, word in enumerate(words)) \
        or any(_swelling_not_local(_reaction_words(part)) for part in _REACTION_PARTS.split(text))


_REACTION_PARTS = re.compile(r"[,;]")
"""What parts a reaction's words say of different things ("generalised swelling, mild rash"): a
swelling is local or mild by the words of its own part (`_swelling_not_local`), where "mild"
anywhere in the line made a generalised swelling no severe reaction."""


def _swelling_not_local(words: Sequence[str]) -> bool:
    """Whether a part of a reaction says a swelling that none of its words says local or mild
    (`LOCAL_SWELLING`; a local anaesthetic's "local" is not, `ANAESTHETIC_STARTS`), no negation
    cancelling either."""
    local = any(_said_at(words, at, phrase) and not _negated(words[:at])
                and not any(near.startswith(ANAESTHETIC_STARTS) for near in words[max(at - 1, 0):at + 2])
                for at in range(len(words)) for phrase in LOCAL_SWELLING)
    return not local and any(word.startswith(SWELLING_STARTS) and not _negated(words[:at])
                             for at, word in enumerate(words))


def _reaction_words(text: str) -> list[str]:
    """A reaction's words, folded, "œ" as "oe" (accents' removal leaves it as it is: "œdème" is
    "oedeme")."""
    return "".join(c if c.isalnum() else " " for c in _fold(text).replace("œ", "oe")).split()


def _said_at(words: Sequence[str], at: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words from `at` on begin with a phrase's words, each by its beginning."""
    return len(phrase) <= len(words) - at and all(said.startswith(part) for said, part in zip(words[at:], phrase))


def _negated(before: Sequence[str]) -> bool:
    """Whether the words before a reaction's word end with a negation, a partitive between
    (`PARTITIVES`); "could not" says what the patient could not do ("could not breathe", "ne
    pouvait pas respirer": `UNABLE`), no negation of it."""
    if before and before[-1] in PARTITIVES:
        before = before[:-1]
    return bool(before) and before[-1] in NEGATIONS and not UNABLE & set(before[-2:-1])


UNABLE = frozenset({"could", "can", "pouvait", "pouvais", "peut", "pu", "arrivait"})
"""Words before a negation that say what the patient could not do, no negation of the reaction's
word after it: "Pénicilline (ne pouvait pas respirer)" was no severe reaction, and no
cephalosporin was questioned."""


@dataclass(frozen=True)
class _Reading:
    """What a name says, as the allergy check compares it: the medicines it names (a product's
    components included), the classes it names or its medicines belong to (`classes`; those
    `ONLY_BY_NAME` only when it names them), every class its medicines belong to (`member_of`),
    its other words, those of them no table knows (`unknown`, compared with another name's as
    misspelt or shortened), and whether it says an immediate or severe reaction
    (`SEVERE_REACTION_STARTS`)."""

    substances: frozenset[tuple[str, ...]]
    classes: frozenset[str]
    member_of: frozenset[str]
    words: frozenset[str]
    unknown: frozenset[str]
    severe: bool


def _class_apart(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with each saying of the vitamin K antagonists' class
    (`VITAMIN_K_ANTAGONISTS_SAID`) as one word of its own, whose "vitamin K" no table reads."""
    kept: list[str] = []
    at = 0
    while at < len(words):
        said = next((len(phrase) for phrase in _ANTAGONISTS_SAID if words[at:at + len(phrase)] == phrase), 0)
        kept.append(_ANTAGONISTS_WORD if said else words[at])
        at += said or 1
    return tuple(kept)


def _runs(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {words[start:start + length] for start in range(len(words)) for length in range(1, _LONGEST + 1)
            if start + length <= len(words)}


def _with_insulin(runs: set[tuple[str, ...]]) -> bool:
    """Whether a name names an insulin (`INSULIN_NAMES`, isophane, NPH, a brand of one): its
    "protamine" is then the isophane or premixed insulin's own, not the heparin's reversal
    ("Insulatard (protamine)", "NovoMix 30 (insulin aspart protamine)" were read as protamine
    alone: no insulin, and "already ordered" beside a protamine sulfate)."""
    return any(run[0] in INSULIN_NAMES or run in _INSULIN_KINDS
               or any(part[0] in INSULIN_NAMES for part in _PRODUCTS.get(run, ())) for run in runs)


def _medicines_named(words: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]]:
    """Each medicine or product a name names, where it starts, read left to right the longest
    first (`_SUBSTANCES`, `_PRODUCTS`)."""
    named: list[tuple[int, tuple[str, ...]]] = []
    at = 0
    while at < len(words):
        run = next((words[at:at + length] for length in range(min(_LONGEST, len(words) - at), 0, -1)
                    if words[at:at + length] in _SUBSTANCES or words[at:at + length] in _PRODUCTS), None)
        if run:
            named.append((at, run))
        at += len(run) if run else 1
    return named


def _reversal_alone(words: tuple[str, ...]) -> tuple[str, ...]:
    """An order's words without the medicines it names only as what it reverses or what reverses
    it. When the first named is a reversal agent (`REVERSAL_AGENTS`; protamine not in an
    insulin's name, `_with_insulin`), cut before the first that is none: the anticoagulant named
    after it is the one it reverses, never one the order gives, while every reversal agent named
    with it is given ("Beriplex + vitamin K 10 mg IV" lost its vitamin K, and a Konakion
    anaphylaxis warned nothing). When the first is an anticoagulant (`ANTICOAGULANTS`) and the
    reversal named after it a plan (`PLAN_SAID`, or no reversal said, `REVERSAL_SAID`), without
    the reversal agents: "Warfarin 5 mg (vitamin K if INR > 8)" was read as vitamin K given, the
    vitamin K for the INR "already ordered" and its dose the warfarin's last; said a reversal
    ("Warfarin reversal: vitamin K"), from the reversal agent on, as when it comes first. Never
    an allergy's: "Protamine / heparin (HIT)" is an allergy to both."""
    named = _medicines_named(words)
    if not named:
        return words
    first = named[0][1]
    if first in _REVERSALS and not (first == _PROTAMINE and _with_insulin(_runs(words))):
        return words[:next((at for at, run in named if run not in _REVERSALS), len(words))]
    reversals = [at for at, run in named if run in _REVERSALS]
    if not reversals or not {" ".join(part) for part in _PRODUCTS.get(first, (first,))} & ANTICOAGULANTS:
        return words
    if _REVERSAL_SAID.isdisjoint(words) or not _PLAN_SAID.isdisjoint(words):
        plan = {at + offset for at, run in named if run in _REVERSALS for offset in range(len(run))}
        return tuple(word for at, word in enumerate(words) if at not in plan)
    return _reversal_alone(words[reversals[0]:])


@lru_cache(maxsize=4096)
def _read(text: str, order: bool = False) -> _Reading:
    """`order`: an order's drug, read without the anticoagulant a reversal agent names after it
    or the reversal an anticoagulant names after it (`_reversal_alone`); an allergy's text is
    read whole."""
    words = _class_apart(_words(text))
    if order:
        words = _reversal_alone(words)
    runs = _runs(words)
    substances = runs & _SUBSTANCES
    substances |= {part for run in runs if run in _PRODUCTS for part in _PRODUCTS[run]}
    if _with_insulin(runs):
        substances.discard(_PROTAMINE)
    member_of = {_MEMBERS[substance] for substance in substances if substance in _MEMBERS}
    member_of |= {cls for word in words for ending, cls in CLASS_ENDINGS.items() if word.endswith(ending)}
    classes = {cls for cls, names in _CLASS_NAMES.items() if names & runs} | (member_of - ONLY_BY_NAME)
    if classes & NOT_IODINATED and "contrast" not in member_of and not any(
            word in IODINATED_SAID or word.startswith(IODINATED_SAID_STARTS) for word in words):
        classes.discard("contrast")
    kept = frozenset(word for word in words if len(word) >= 4 and word.isalpha() and word not in _NOT_A_MEDICINE)
    known = {word for run in runs & _KNOWN for word in run}
    unknown = frozenset(word for word in kept - known - _NOT_MISSPELT - _KIND_WORDS if not severe_reaction(word))
    return _Reading(frozenset(substances), frozenset(classes), frozenset(member_of), kept, unknown,
                    severe_reaction(text))


@lru_cache(maxsize=8192)
def _named_in(drug: str, allergy: str) -> bool:
    """Whether an allergy names the ordered drug: a medicine or a class both name, a word both
    share, a word no table knows that is one of the drug's, or a medicine it gives, misspelt
    ("Codiene" before "Co-codamol", "Amoxycilin" before "Amoxicillin"), or the other way round
    (`_misspelt`: "Gentamycin" ordered for "Gentamicin"), or such a word of the
    allergy's substance that one of them starts with (`_shortened`); an insulin's protamine too
    (`made_with_protamine`); never by a word of a kind alone (`KIND_WORDS`). Kept for each pair: a
    ward's charts ask it of the same orders and allergies again and again."""
    ordered, named = _read(drug, order=True), _read(allergy)
    classes = named.classes | {WIDER_ALLERGIES[cls] for cls in named.classes if cls in WIDER_ALLERGIES}
    held = ordered.substances | ({_PROTAMINE} if made_with_protamine(drug) else set())
    shared = (named.words & ordered.words) - (_KIND_WORDS if named.substances or ordered.substances else frozenset())
    return bool(named.substances & held or classes & (ordered.classes | ordered.member_of) or shared) or _misspelt(
        named.unknown, ordered, names_alike) or _misspelt(ordered.unknown, _read(_substance_part(allergy)),
                                                          _slipped) or _shortened(ordered, allergy) \
        or _salt_named(drug, allergy)


def _salt_named(drug: str, allergy: str) -> bool:
    """Whether an allergy names, in salt and ion words alone (`NOT_A_MEDICINE`), two or more, a
    medicine the order names with all of them: "Magnesium sulfate" before "Magnesium sulfate 2 g
    IV", whose every word was no medicine's, and matched nothing. Not one word alone: a "Sodium"
    before every sodium chloride."""
    said = {word for word in _words(_substance_part(allergy)) if word.isalpha() and len(word) >= 4}
    return len(said) >= 2 and said <= _NOT_A_MEDICINE and said <= set(_words(drug))


def _misspelt(unknown: Iterable[str], other: _Reading, alike: Callable[[str, str], bool]) -> bool:
    """Whether a word no table knows, of either name, is one of the other's words or medicines
    misspelt (`MISSPELT_FROM`, `MISSPELT_LENGTH`, `alike`): the order as much as the allergy is
    free text, and "Gentamycin" ordered for an allergy to "Gentamicin" was asked nothing. Of an
    allergy, only its substance is so compared, not its reaction's words."""
    return any(len(word) >= MISSPELT_FROM and abs(len(word) - len(name)) <= MISSPELT_LENGTH and alike(word, name)
               for word in unknown for name in other.words | {" ".join(substance) for substance in other.substances})


def _slipped(typed: str, name: str) -> bool:
    """Whether an ordered drug's word is the allergy's name typed with a slip: a letter wrong,
    dropped, added or two swapped, or two such slips in a long word (`SLIPS_TWO_FROM`). An order
    names a medicine the prescriber meant; by `names_alike`'s likeness, meant for an allergy's
    letters typed anyhow, "Dexamethasone" read as "Dexamfetamine" and "Hydrocortisone" as
    "Fludrocortisone", and every dose warned of an allergy the patient did not have."""
    typed, name = _spelled(typed), _spelled(name)
    return _slips(typed, name) <= (2 if len(name) >= SLIPS_TWO_FROM and typed[:1] == name[:1] else 1)


def _slips(typed: str, name: str) -> int:
    """The fewest letters wrong, dropped, added or swapped with the next that make `typed` `name`
    (optimal string alignment distance)."""
    rows = [list(range(len(name) + 1))]
    for i, letter in enumerate(typed, 1):
        row = [i]
        for j, other in enumerate(name, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (letter != other)))
            if i > 1 and j > 1 and letter == name[j - 2] and typed[i - 2] == other:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _shortened(ordered: _Reading, allergy: str) -> bool:
    """Whether a word no table knows of the allergy's substance, before its reaction
    (`REACTION_MARKS`), is the start of one of the ordered drug's words or of a medicine it gives:
    "Amox", "Cipro", "Vanco", "Genta" as wards shorten them. Not a word of the reaction ("Co-
    trimoxazole (mouth ulcers)" is no allergy to a mouthwash), and not a drug's name the start of
    the allergy's ("Aspartame" is no insulin aspart)."""
    names = ordered.words | {word for substance in ordered.substances for word in substance}
    return any(name.startswith(word) for word in _read(_substance_part(allergy)).unknown for name in names)


def _substance_part(allergy: str) -> str:
    """An allergy as written up to its reaction: "Amox" of "Amox - rash", "Amoxi (urticaire)"."""
    return allergy[:min((at for at in map(allergy.find, REACTION_MARKS) if at >= 0), default=len(allergy))]


def _cross_reacts(drug: str, allergy: str) -> bool:
    """Whether an allergy is an immediate or severe reaction to a penicillin and the drug one of
    the classes avoided after it (`AVOIDED_AFTER_PENICILLIN`)."""
    ordered, named = _read(drug, order=True), _read(allergy)
    return named.severe and "penicillin" in named.classes and bool(ordered.classes & AVOIDED_AFTER_PENICILLIN)


def _side_chain_shared(drug: str, allergy: str) -> tuple[str, str] | None:
    """The medicine an immediate or severe reaction recorded was to and the ordered one that
    shares its side chain (`SIDE_CHAINS`), each as a warning names it; None when none does."""
    named = _read(allergy)
    if not named.severe:
        return None
    reacted, ordered = ([_SIDE_CHAIN_OF[substance] for substance in sorted(substances) if substance in _SIDE_CHAIN_OF]
                        for substances in (named.substances, _read(drug, order=True).substances))
    return next(((allergen, medicine) for group, allergen in reacted for chain, medicine in ordered
                 if chain == group and medicine != allergen), None)


def _described(allergies: Iterable[str], described: Sequence[str]) -> list[tuple[str, str]]:
    """Each allergy with the line that describes it (itself when none does)."""
    return [(allergy, described[at] if at < len(described) else allergy) for at, allergy in enumerate(allergies)]


def _matched_why(drug: str, allergy: str, line: str) -> str | Phrase | None:
    """An allergy as a warning lists it when this drug may trigger it (see `allergy_matches`):
    itself when it names the drug, one matched only as a cross-reaction said with its reaction
    and why (`CROSS_REACTION`, `SIDE_CHAIN`): "Ceftriaxone matches the recorded allergy:
    Penicillin" alone read as a mistake, the two medicines being different. None when it does not
    match."""
    if _named_in(drug, allergy):
        return allergy
    if _cross_reacts(drug, line):
        return Phrase(CROSS_REACTION, {"allergy": line})
    if shared := _side_chain_shared(drug, line):
        return Phrase(SIDE_CHAIN, {"allergy": line, "allergen": Phrase(shared[0]), "medicine": Phrase(shared[1])})
    if cls := _class_angioedema(drug, line):
        return Phrase(ANGIOEDEMA_WARNINGS[cls], {"allergy": line})
    return None


def allergy_matches(drug: str, allergies: Iterable[str], described: Sequence[str] = ()) -> list[str]:
    """The recorded allergies this drug may trigger, whatever the language either was written
    in: a medicine both name (a brand or a combination by what it contains: co-amoxiclav is
    amoxicillin), a class both share (an allergy to penicillins, or to amoxicillin, warns before
    flucloxacillin), for a medicine the tables do not know, a word both share ("gentamicin
    (rash)" before "Gentamicin") or one misspelt or shortened ("Amox", see `_named_in`), an immediate or severe
    reaction to a penicillin before a cephalosporin or a carbapenem (see `_cross_reacts`), one
    to a beta-lactam before those sharing its side chain (`_side_chain_shared`), and an
    angioedema with an ACE inhibitor before every other and sacubitril, with an angiotensin
    receptor blocker before every other (`_class_angioedema`).
    `described`: each allergy with its reaction and severity, as the admission records them
    beside it ("Penicillin (anaphylaxis, severe)", see services.patients' `allergies_in`): the
    reaction is what tells a penicillin anaphylaxis from a rash."""
    return [allergy for allergy, line in _described(allergies, described)
            if _matched_why(drug, allergy, line) is not None]


def allergies_matched(drug: str, allergies: Iterable[str], described: Sequence[str] = ()) -> Listed:
    """`allergy_matches` as a warning lists them (`_matched_why`)."""
    return Listed(tuple(said for allergy, line in _described(allergies, described)
                        if (said := _matched_why(drug, allergy, line)) is not None), ", ")


def sedating(drug: str) -> bool:
    """Whether the medicine sedates (`SEDATIVES`, a benzodiazepine), by its name or a brand's
    ("Haldol", "Temesta", "Tercian"): an opioid is told by domain.pain.opioid."""
    reading = _read(drug, order=True)
    return bool(reading.substances & _SEDATIVES) or "benzodiazepine" in reading.classes


def controlled_drug(drug: str) -> bool:
    """Whether the medicine is one the app knows as a controlled drug, by its name or a brand's."""
    return bool(_read(drug, order=True).substances & _CONTROLLED)


# The routes of the order form (their codes) and what else a nurse may type for each in the
# dose dialog, in English or French: the route given is compared with the order's through these.
ROUTES: dict[str, tuple[str, ...]] = {
    "PO": ("oral", "orale", "per os", "os", "by mouth"),
    "IV": ("intravenous", "intraveineuse", "ivl", "ivd", "ivse", "iv bolus", "iv infusion"),
    "IM": ("intramuscular", "intramusculaire"),
    "SC": ("subcutaneous", "sous-cutanée", "subcut", "sq", "scut"),
    "SL": ("sublingual", "sublinguale"),
    "PR": ("rectal", "rectale", "ir"),
    "INH": ("inhaled", "inhalée", "inhalation"),
    "NEB": ("nebulised", "nebulized", "nébulisation", "nebulisation"),
    "TOP": ("topical", "cutanée", "cutaneous"),
    "NG": ("nasogastric tube", "nasogastric", "sonde nasogastrique", "sng"),
    "TD": ("transdermal", "transdermique", "patch"),
    "EYE": ("eye", "eyes", "ophthalmic", "ocular", "oculaire", "ophtalmique", "collyre"),
    "EAR": ("ear", "ears", "otic", "auricular", "auriculaire", "otique"),
    "NAS": ("nasal", "nasale", "intranasal", "nose", "nez"),
    "BUC": ("buccal", "buccale", "oromucosal", "jugale"),
}
_ROUTE_OF = {_words(name): code for code, names in ROUTES.items() for name in (code, *names)}
ALSO_BY: dict[str, frozenset[str]] = {"TOP": frozenset({"TD"}), "TD": frozenset({"TOP"})}
"""The routes a dose of an order by the route keyed may be charted by without differing from it:
a patch ordered "Topical" before the form had a transdermal route is charted "transdermal", and
one ordered "Transdermal" charted "Topical", as the skin it went on (it was questioned)."""


def route_code(text: str) -> str | None:
    """The order form's code of a route written in any of its words, in either language ("TD",
    "transdermal", "Oculaire"); None when the table knows none."""
    return _ROUTE_OF.get(_words(text))


def _route(text: str) -> str:
    """A route's code, or its words when it is none the table knows."""
    return route_code(text) or " ".join(_words(text))


def route_differs(order: Order, route: str | None) -> list[Warning]:
    """A dose given by another route than the order's (amoxicillin ordered IV, recorded IM): the
    dose dialog offers the order's route, and one typed over it is questioned."""
    given, ordered = _route(route or ""), _route(order.route)
    if not route or not route.strip() or given == ordered or given in ALSO_BY.get(ordered, ()):
        return []
    return [Warning(Check.ROUTE_MISMATCH, QT_TRANSLATE_NOOP("messages", "Route {route} differs from the order ({ordered})."),
                    {"route": route.strip(), "ordered": order.route})]


COUNTERSIGN_WITHIN = timedelta(hours=24)
"""How long a telephone order stands before a doctor countersigns it, as hospitals' policies
give it (24 hours); a dose of one older than that is questioned."""


def countersign_overdue(order: Order, at: datetime) -> bool:
    """Whether `order` is a telephone order nobody countersigned within `COUNTERSIGN_WITHIN` of
    its writing, at `at`."""
    return order.awaiting_since is not None and at - order.awaiting_since >= COUNTERSIGN_WITHIN


def not_countersigned(order: Order, at: datetime) -> list[Warning]:
    """A dose of a telephone order at a time its countersignature is overdue (see
    `countersign_overdue`): the nurse asks a doctor to countersign it, or gives the dose with
    their reason."""
    if order.awaiting_since is None or not countersign_overdue(order, at):
        return []
    return [Warning(Check.NOT_COUNTERSIGNED, QT_TRANSLATE_NOOP(
        "messages", "Telephone order taken {taken} and not countersigned by a doctor within 24 hours: ask a doctor to "
                    "countersign it (or to write it) before giving."),
        {"taken": ward_time(order.awaiting_since, None, "%d/%m/%Y %H:%M")})]


def prescribed_despite(order: Order, allergies: Sequence[str], described: Sequence[str] = (),
                       since: Collection[str] = ()) -> str | None:
    """The prescriber's reason to write the order despite the patient's allergies, while they
    match it (`described`: see `allergy_matches`) and none it matches was recorded after the
    reason was given (`since`: those, see services.medication.allergies_since): a reason kept
    from the medicine the order was amended from matches nothing here, and one given for a
    penicillin rash said nothing of the amoxicillin anaphylaxis found the next day."""
    return order.allergy_reason if prescribed_despite_allergies(order, allergies, described, since) else None


def prescribed_despite_allergies(order: Order, allergies: Sequence[str], described: Sequence[str] = (),
                                 since: Collection[str] = ()) -> list[str]:
    """The allergies the order was prescribed despite, while its reason stands
    (`prescribed_despite`), empty where it does not: the MAR names them beside the reason, a page
    parted from the first naming no allergy, with one matching for both."""
    return allergy_matches(order.drug, allergies, described) if order.allergy_reason and not since else []


def allergy_alert(allergy_status: str | None, allergies: Sequence[str]) -> bool:
    """Whether the patient's allergy line is a warning, on screen and on paper alike: a listed
    allergy, or allergies not known yet, are; "no known allergy" is not (the screens' strip
    wrote it in red and bold, as alarming as an anaphylaxis, while the prints wrote it black).
    Each layer gives a warning its own colour."""
    return bool(allergies) or allergy_status != "nka"


def allergies_not_known(allergy_status: str | None, allergies: Sequence[str]) -> list[Warning]:
    """A dose given while the patient's allergies are not known yet (neither "no known allergy"
    nor any listed): the check that matches allergies had nothing to match, and said nothing."""
    if allergy_status == "nka" or allergies:
        return []
    return [Warning(Check.ALLERGY_UNKNOWN, QT_TRANSLATE_NOOP(
        "messages", "Allergies not known yet: ask the patient or their family before giving."))]


NO_KNOWN_ALLERGY_STATUS, NOT_KNOWN_STATUS = "nka", "unknown"
"""The admission's allergy statuses a substance typed may say instead of naming an allergy."""
SAID_INSTEAD = {
    NO_KNOWN_ALLERGY_STATUS: ("nka", "nkda", "nkfa", "nil", "nil known", "none", "none known", "no known allergy",
                              "no known allergies", "no known drug allergy", "no known drug allergies", "no allergy",
                              "no allergies", "no known", "aucune", "aucun", "aucune allergie", "aucune connue",
                              "aucune allergie connue", "pas d'allergie", "pas d'allergie connue", "ras", "rien",
                              "néant", "neant", "sans"),
    NOT_KNOWN_STATUS: ("unknown", "not known", "allergies unknown", "unknown allergies", "inconnu", "inconnue",
                       "allergies inconnues", "à demander", "a demander", "à redemander", "a redemander",
                       "to ask", "to be asked", "not asked", "ask", "ask again", "unable to obtain",
                       "non renseigné", "non renseignée", "non connu", "non connue")}
"""What a nurse used to paper writes on the allergy line for "no known allergies" or "not known
yet", in English or French, as the whole substance (its reaction aside): saved as an allergy to
"NKDA", every print said "ALLERGIES: NKDA" in red and the EHR received an allergy; saved as one
to "Unknown", the patient counted as having allergies listed and no dose asked about them."""
_SAID_INSTEAD = {_words(said): status for status, names in SAID_INSTEAD.items() for said in names}


def allergy_status_said(substance: str) -> str | None:
    """The allergy status (`NO_KNOWN_ALLERGY_STATUS`, `NOT_KNOWN_STATUS`) an allergy's substance
    says instead of naming one (`SAID_INSTEAD`; a question mark alone says not known), or None
    when it names one."""
    part = _substance_part(substance)
    if words := _words(part):
        return _SAID_INSTEAD.get(words)
    return NOT_KNOWN_STATUS if "?" in part else None


# Words that name a salt or form of a medicine, not another medicine, once stemmed ("Morphine
# sulfate", "Sulfate de morphine", "chlorhydrate de morphine" are morphine).
SALT_WORDS = frozenset({"sulfat", "sulphat", "hydrochlorid", "chlorhydrat", "hydrobromid", "bromhydrat", "tartrat",
                        "bitartrat", "phosphat", "citrat", "maleat", "fumarat", "succinat", "mesilat", "besilat"})
COUNTER_IONS = frozenset({"sodium", "sodiqu", "disodium", "disodiqu", "potassium", "potassiqu", "calcium", "calciqu"})
"""The ions a medicine is given as a salt of, dropped beside its name ("Enoxaparin sodium",
"Héparine sodique", "Sodium valproate": a second order so written was another medicine, and two
anticoagulant doses went by unquestioned)."""
ANIONS = frozenset({"chlorid", "chlorur", "bicarbonat", "hydrogenocarbonat", "carbonat", "gluconat", "lactat",
                    "acetat", "hydroxid", "hydroxyd", "oxid", "oxyd", "iodid", "iodur", "fluorid", "fluorur",
                    "d", "d'", "of"})
"""What a counter-ion is given with when it is the medicine itself ("Potassium chloride",
"Chlorure de potassium")."""


@lru_cache(maxsize=1024)
def medicine_name(drug: str) -> str:
    """A name the tables know no medicine in, as one medicine however written: stemmed as
    allergies are compared (accents, capitals), without its salt, the French "de" of a salt
    dropped with it, and without the ion it is a salt of (`COUNTER_IONS`) beside another name; a
    name that is nothing but salt words stays whole ("Magnesium sulfate" is "magnesium",
    "Sulfate" alone is itself, "Potassium chloride" and "Sodium chloride 0.9%" themselves)."""
    words = _stem(drug).replace("d'", "d' ").split()
    if any(word in SALT_WORDS for word in words):
        words = [word for word in words if word not in SALT_WORDS and word not in ("d", "d'")] or words
    if any(word in COUNTER_IONS for word in words) and any(
            word not in COUNTER_IONS | ANIONS and any(c.isalpha() for c in word) for word in words):
        words = [word for word in words if word not in COUNTER_IONS and word not in ("d", "d'")]
    return " ".join(words).replace("d' ", "d'")


@lru_cache(maxsize=1024)
def medicines_in(drug: str) -> frozenset[str]:
    """The medicines a dose of `drug` gives: each one the tables know that its name names, a
    brand or combination product as what it contains (co-codamol, Ixprim, Lamaline give
    paracetamol and an opioid), or, for a name naming none, the name as one medicine (see
    `medicine_name`)."""
    return medicines_known(drug) or frozenset({medicine_name(drug)})


def medicines_known(drug: str) -> frozenset[str]:
    """The medicines the tables know that a dose of `drug` gives (see `medicines_in`), none when
    they know none: a name the tables know whole ("Sodium valproate", "Insulin glargine") reads
    as itself in `medicines_in` just as a name they do not know does, and the home medicines
    read such a name by its first word, "sodium" and "insulin" (services.home_medicines)."""
    return frozenset(" ".join(words) for words in _read(drug, order=True).substances)


VITAMIN_K_ANTAGONISTS = frozenset(medicine_name(name) for name in ALLERGY_CLASSES["vitamin k antagonist"][1])
"""The vitamin K antagonists, the allergy class's members: phenindione, kept apart in a list of
their own, was no anticoagulant to a fall (review R2 D2)."""
ANTICOAGULANTS = VITAMIN_K_ANTAGONISTS | frozenset(medicine_name(name) for name in (
    "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "enoxaparin",
    "tinzaparin", "dalteparin", "nadroparin", "certoparin", "reviparin", "heparin", "fondaparinux", "danaparoid",
    "argatroban", "bivalirudin"))
"""The medicines, as `medicines_in` names them, that make a possible head injury a scan within
hours and that prevent a clot: what a fall and a VTE decision are read against on the chart,
not only on a nurse's tick, and high-alert at each dose. Every low-molecular-weight heparin
(nadroparin, Fraxiparine, is the commonest on French wards: missing, its doses went unchecked),
the heparinoid danaparoid and the thrombin inhibitors argatroban and bivalirudin too."""


LINE_LOCKS = frozenset(_words("flush lock hepsal canusal rinçage verrou heparinised heparinized"))
"""Words of an order that keeps a line open with heparin, not the patient's blood from clotting:
a flush of 50 units counted as VTE prophylaxis prescribed, and for a CT head after a fall."""


def line_lock(drug: str) -> bool:
    """Whether an order keeps a line open (`LINE_LOCKS`): a flush is neither an anticoagulant nor
    a child's fluid to weigh."""
    return bool(LINE_LOCKS & set(_words(drug)))


def anticoagulant(drug: str) -> bool:
    return bool(medicines_in(drug) & ANTICOAGULANTS) and not line_lock(drug)


INSULIN_NAMES = frozenset(medicine_name(name) for name in (
    "insulin", "actrapid", "actraphane", "admelog", "apidra", "fiasp", "humulin", "hypurin", "insulatard", "insuman",
    "lyumjev", "mixtard", "novomix", "protaphane", "umuline"))
"""The first word of a medicine, as `medicines_in` names it, that is an insulin: "insulin aspart",
and the brands its table does not turn into one (Actrapid, Humulin, Umuline on French wards;
Insuman Basal, Rapid and Comb, the porcine and bovine Hypurins and the premixed Actraphane were no
insulin, their doses unchecked; Protaphane, Insulatard's name in some countries, was no insulin,
nor time-critical, nor made with protamine)."""
INSULIN_WORD = medicine_name("insulin")
"""The word "insulin" (or "insuline") as `medicines_in` names it, a word of its own in a name."""


def insulin(drug: str) -> bool:
    """Whether an order's medicine is an insulin, however written ("Insuline glargine", "Lantus",
    "Humulin-I": a basal name written with a hyphen, which was no insulin), the word "insulin"
    after others too ("Long-acting insulin", "Unknown insulin" were no insulin, a home basal never
    asked for), or the word joined by a hyphen to a basal one's ("Insulin-isophane"); not
    "Insulin-like growth factor"."""
    return any(name.split()[0] in INSULIN_NAMES or _basal_after_the_word(_words(name))
               or _words(name)[:2] in BASAL_NAMES
               or INSULIN_WORD in re.findall(r"[\w-]+", name) for name in medicines_in(drug) if name)


def _basal_after_the_word(words: tuple[str, ...]) -> bool:
    """Whether a name's words are the word "insulin" then a basal one (`BASAL_WORDS`)."""
    return words[:1] == (INSULIN_WORD,) and len(words) > 1 and words[1] in BASAL_WORDS


BASAL_WORDS = frozenset(medicine_name(name) for name in (
    "glargine", "detemir", "degludec", "insulatard", "isophane", "nph", "basal", "lente", "protaphane", "zinc"))
"""A word of an insulin, as `medicines_in` names it, that makes it a basal (long- or
intermediate-acting) one: "Insulin glargine", "Lantus", "Umuline NPH", "Insuman Basal", and the
insulin zinc suspensions ("Hypurin Bovine Lente", "Hypurin Bovine Protamine Zinc")."""
_INSULIN_KINDS = _phrases(("isophane", "nph"))
BASAL_NAMES = _phrases(("Humulin I", "Humulin N"))
"""Basal insulins told by a letter after their brand (isophane), a letter too common a word
alone: the name's first two words, whatever follows ("Humulin I KwikPen", "Humulin-I" were read
as a mealtime insulin, nil by mouth accepted and a held dose never questioned)."""
PREMIXED_WORDS = frozenset(_words("novomix mixtard actraphane comb profil m3 biphasic biphasique ryzodeg premix "
                                  "premixed prémélangée humalogmix"))
"""Words of the name of a premixed insulin (a rapid or short one with an intermediate one:
"NovoMix 30", "Actraphane 30", "Humulin M3", "Insuman Comb 25", "Umuline Profil 30", "HumalogMix25",
"premixed insulin"; or with degludec, Ryzodeg, beside NovoRapid one medicine ordered twice), besides a
brand's "Mix" (`MIX_BRANDS`), read in the name as written: its brand's table turns Humalog Mix
into plain lispro."""
MIX = _words("mix")[0]
MIX_BRANDS = frozenset(_words("humalog"))
"""The brands whose premixed insulin is the brand and "Mix" ("Humalog Mix25", "Humalog Mix 50"):
"mix" is premixed after one of them or beside the proportion ("Mix 30", "Hypurin Porcine 30/70
Mix"), not elsewhere in the line ("Actrapid (do not mix)", "Humalog — mixed with …" were
premixed, continued nil by mouth): `_mix_named`."""
MIXED_WORDS = frozenset(_words("mixed mixte"))
"""Words that name a premixed insulin beside the word "insulin" (`INSULIN_SAID`): "Mixed insulin
30/70", "Insuline mixte 30" (read as a mealtime insulin, a type 1's only background insulin was
held nil by mouth unasked); elsewhere a note ("Humalog — mixed with NovoRapid in one pen")."""
INSULIN_SAID = _words("insulin")[0]
"""The word "insulin" (or "insuline") as `_words` reads a name, where `MIXED_WORDS` are read."""
NOT_MIXED = frozenset(_words(" ".join(NEGATIONS) + " don't"))
"""Words that, one of the two before a "mix", make it an instruction, no name: "do not mix",
"never mix", "Insulin (not mixed)"."""
MIXED_WITH = frozenset(_words("with in into avec dans"))
"""Words that, straight after a "mix", name what it is mixed with, no name: "mix with NaCl 0.9%"."""
DOSE_WORDS = frozenset(_words("units u iu i ui ml mg"))
"""Words that, after the number following a "mix", make that number a dose or a strength, not the
premix's proportion: "do not mix 6 units", "mix 100 units/mL"."""
WITHOUT_PROTAMINE = frozenset(_words("ryzodeg"))
"""Words of a premixed insulin's name whose basal part is no isophane: Ryzodeg's is degludec."""


ACTING_NAMES = _phrases(("long acting", "intermediate acting", "basal insulin"))
"""A basal insulin said by its action, as a home list writes it ("Insulin long-acting 20 units nocte",
"Long-acting insulin", "Basal insulin 18 units"); not "basal" alone ("basal-bolus")."""


def basal_insulin(drug: str) -> bool:
    """Whether an insulin's medicines include a basal one (`BASAL_WORDS`, `BASAL_NAMES`): given
    whatever the glucose once a hypo is treated, and never omitted in type 1 (JBDS-IP). A name
    the tables know no medicine in (`medicines_known`) is read for `BASAL_NAMES` and `ACTING_NAMES`
    anywhere in it too: "Insulin (Humulin I)", "Insulin long-acting" were insulin alone, and a home
    basal so written was covered by a charted Humulin S (services.home_medicines). Its words read
    apart from brackets and hyphens: "Insulin (NPH)", "Insulin [isophane]" were mealtime insulins,
    held nil by mouth unasked. Never beside a
    named insulin, nor the bare word "basal": "NovoRapid 6 units (basal-bolus regimen)" was a
    basal insulin, continued for a fasting patient."""
    words = _words(drug)
    return insulin(drug) and (any(BASAL_WORDS & set(_words(name)) or _words(name)[:2] in BASAL_NAMES
                                  for name in medicines_in(drug))
                              or not medicines_known(drug)
                              and any(words[i:i + 2] in BASAL_NAMES | ACTING_NAMES for i in range(len(words))))


def given_when_fasting(drug: str) -> bool:
    """Whether an insulin is continued, often at a reduced dose, while the patient is nil by mouth
    (JBDS-IP): a basal one, or a premixed one (`PREMIXED_WORDS`), which holds an intermediate
    one; a mealtime or correction insulin (aspart, lispro, Actrapid) is left out with the meal,
    and given to a patient not eating it brings on a hypo."""
    return basal_insulin(drug) or premixed(drug)


UNITS_ABBREVIATED = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s*(?:i\.?u\.?|u\.?i\.?|u)\b", re.IGNORECASE)
"""A number and "units" abbreviated after it: "2u", "4 U", "2 IU", "2 UI", "4 i.u."."""


def units_abbreviated(text: str) -> str | None:
    """The first number with "units" abbreviated (`UNITS_ABBREVIATED`) in an insulin order's text,
    as written ("2u"), None with none: NPSA/2010/RRR013 (safer administration of insulin) has units
    written in full, as "4U" is read as 40 and "IU" as IV, and a sliding scale "8-12: 2u" or an
    "Actrapid 50u in 50 mL" was saved and printed on the chart the nurse doses from."""
    found = UNITS_ABBREVIATED.search(text)
    return found[0] if found else None


PROPORTION = re.compile(r"(?<![\d.,/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d.,/])(?!\s*(?:units?|u|iu|ui|ml|mg)\b)",
                        re.IGNORECASE)
"""A premix's proportion, two numbers to a hundred ("30/70", "25 / 75") and no dose after them:
"Insulin 30/70", "Humulin 30/70", "Hypurin Porcine 30/70" were a mealtime insulin, held nil by
mouth unasked; not "Actrapid 50/50 mL", a syringe's content, nor "Humulin S 10/12 units"."""


def premixed(drug: str) -> bool:
    """Whether an insulin is a premixed one (`PREMIXED_WORDS`, a mix said as its name:
    `_mix_named`, or its proportion: `PROPORTION`), read in the name as written: its brand's
    table turns Humalog Mix into plain lispro."""
    words = _words(drug)
    return insulin(drug) and (any(word in PREMIXED_WORDS or _mix_named(words, i) for i, word in enumerate(words))
                              or any(int(one) + int(other) == 100 for one, other in PROPORTION.findall(drug)))


def _mix_named(words: tuple[str, ...], i: int) -> bool:
    """Whether `words[i]` names a premixed insulin: "mixed" or "mixte" beside "insulin"
    (`MIXED_WORDS`), or "Mix" after its brand (`MIX_BRANDS`: "Humalog Mix") or with its proportion,
    straight after it and no dose (`DOSE_WORDS`: "Mix25", "Mix 30/70") or straight before it
    ("30/70 Mix"). Never after a negation (`NOT_MIXED`) nor before what it is mixed with
    (`MIXED_WITH`): "Actrapid do not mix 100 units/mL", "Humalog (mix with NaCl 0.9%)" were
    premixed, a mealtime insulin continued nil by mouth and pushed on a fasting patient."""
    two_before, previous, word, following, then = ("", "", *words, "", "")[i:i + 5]
    if NOT_MIXED & {two_before, previous} or following in MIXED_WITH:
        return False
    if word in MIXED_WORDS:
        return INSULIN_SAID in (previous, following)
    return word == MIX and (previous in MIX_BRANDS or previous.isdigit()
                            or following.isdigit() and then not in DOSE_WORDS)


ISOPHANE_NAMES = _INSULIN_KINDS | BASAL_NAMES | _phrases(("insulatard", "protaphane", "Insuman Basal"))
"""The names of an isophane (NPH) insulin, whose intermediate action is protamine's."""


def made_with_protamine(drug: str) -> bool:
    """Whether an insulin is an isophane or a premixed one (`ISOPHANE_NAMES`, `premixed`), both
    made with protamine: an allergy to protamine warns before it, read by the allergy match only
    (no protamine sulfate is given with it), where it warned only when the name said
    "protamine"; not Ryzodeg, premixed with degludec (`WITHOUT_PROTAMINE`)."""
    return insulin(drug) and bool(_runs(_words(drug)) & ISOPHANE_NAMES) or (
        premixed(drug) and not WITHOUT_PROTAMINE & set(_words(drug)))


def time_critical_drug(drug: str) -> bool:
    """Whether the medicine is one the app knows as time-critical (`TIME_CRITICAL_DRUGS`, an
    insulin), by its name or a brand's."""
    return bool(_read(drug, order=True).substances & _TIME_CRITICAL) or insulin(drug)


def parkinsons_medicine(drug: str) -> bool:
    """Whether `drug` is a time-critical medicine the app knows by name other than an insulin
    (`time_critical_drug`): levodopa and the other Parkinson's medicines, whose doses a fast must
    not miss, and whose patient is given no medicine that blocks dopamine (`blocks_dopamine`).
    The prescriber's own tick (an anticonvulsant) is not read: it names no Parkinson's medicine."""
    return time_critical_drug(drug) and not insulin(drug)


def blocks_dopamine(drug: str) -> bool:
    """Whether the medicine blocks dopamine in the brain (`DOPAMINE_BLOCKERS`), by its name or a brand's."""
    return bool(_read(drug, order=True).substances & _DOPAMINE_BLOCKERS)


def antibacterial(drug: str, route: str) -> bool:
    """Whether the medicine, given by `route`, is an antibacterial whose order is reviewed
    (`ANTIBACTERIAL_CLASSES`, `ANTIBACTERIALS`), by its name, a brand's or its class's ending
    ("Tazocin", "Pip-taz", "Céfépime")."""
    reading = _read(drug, order=True)
    return _route(route) not in NOT_REVIEWED_ROUTES and bool(
        reading.substances & _ANTIBACTERIALS or (reading.classes | reading.member_of) & ANTIBACTERIAL_CLASSES)


LEVELLED_CLASSES = frozenset({"aminoglycoside", "glycopeptide"})
"""The classes whose next dose a blood level decides (gentamicin, vancomycin): given IV or IM."""
LEVELLED_ROUTES = frozenset({"IV", "IM"})
"""Vancomycin by mouth, or neomycin, is barely absorbed: no level decides its dose."""


def levelled(drug: str, route: str) -> bool:
    """Whether the order's next dose waits on its levels (`LEVELLED_CLASSES`, `LEVELLED_ROUTES`)."""
    reading = _read(drug, order=True)
    return route_code(route) in LEVELLED_ROUTES and bool((reading.classes | reading.member_of) & LEVELLED_CLASSES)


class Review(StrEnum):
    """The review an order is asked (see `review_asked`)."""

    ANTIBIOTIC = "antibiotic"
    AS_REQUIRED_OPIOID = "as_required_opioid"


_REVIEW_AFTER = {Review.ANTIBIOTIC: ANTIBIOTIC_REVIEW_AFTER, Review.AS_REQUIRED_OPIOID: AS_REQUIRED_OPIOID_REVIEW_AFTER}


def review_asked(order: Order) -> Review | None:
    """The review the order is asked, if any: a regular or as-required antibacterial's (a once-
    only dose, a surgical prophylaxis, is no course), or an as-required opioid's, standing for
    weeks unlooked at while the outage lasts."""
    if order.frequency is not Frequency.ONCE and antibacterial(order.drug, order.route):
        return Review.ANTIBIOTIC
    if order.frequency is Frequency.PRN and "opioid" in _read(order.drug, order=True).member_of:
        return Review.AS_REQUIRED_OPIOID
    return None


LONGEST_COURSE = timedelta(days=14)
"""The longest an antibiotic's stop may be from its start and stand for its course's length
decided at the start: further, it is a year typed wrong or "until told" (28/11/2027 for
28/11/2026), and the review at 48-72 hours was dodged; an IV antibiotic so ran to day 31 of the
outage unreviewed. Courses this long (endocarditis, bone and joint) are decided at a review."""


def course_decided(start_at: datetime, stop_at: datetime | None) -> bool:
    """Whether an antibiotic's stop decides its course's length: one within `LONGEST_COURSE` of
    its start."""
    return stop_at is not None and elapsed.between(start_at, stop_at) <= LONGEST_COURSE


def review_due_at(order: Order) -> datetime | None:
    """When the order's review falls due: its review date as written; with none, none when it has
    a stop (a course's length decided; an antibiotic's only within `LONGEST_COURSE`), else
    `_REVIEW_AFTER` its start (an order written before the form asked it, or loaded from the EHR,
    is reviewed all the same). A review is an amendment of the order: a new review date, or a
    stop."""
    asked = review_asked(order)
    if asked is None:
        return None
    if order.review_at is not None:
        return order.review_at
    decided = order.stop_at is not None and (asked is not Review.ANTIBIOTIC
                                             or course_decided(order.start_at, order.stop_at))
    return None if decided else elapsed.later(order.start_at, _REVIEW_AFTER[asked])


def review_due(order: Order, at: datetime) -> bool:
    """Whether the order, running at `at`, is past its review (`review_due_at`)."""
    return order.active_at(at) and elapsed.reached(review_due_at(order), at)


def high_alert_drug(drug: str, route: str) -> bool:
    """Whether the medicine, given by `route`, is one the app knows as high-alert (`HIGH_ALERT_DRUGS`,
    `HIGH_ALERT_INJECTED` injected, an insulin, an anticoagulant), by its name or a brand's."""
    substances = _read(drug, order=True).substances
    return bool(substances & _HIGH_ALERT or _route(route) in INJECTED and substances & _HIGH_ALERT_INJECTED
                or insulin(drug) or anticoagulant(drug))


@lru_cache(maxsize=1024)
def flags_known(drug: str, route: str) -> tuple[str, ...]:
    """The order's flags (`Order.controlled`, `high_alert`, `time_critical`) the app knows its
    medicine by `route` to carry, whatever the prescriber ticked: an order is refused without
    them, and one written or loaded without them is read with them (`Order`)."""
    return tuple(flag for flag, known in (("controlled", controlled_drug(drug)),
                                          ("high_alert", high_alert_drug(drug, route)),
                                          ("time_critical", time_critical_drug(drug))) if known)


PATCH_ROUTES = frozenset({"TD"})
"""Routes whose doses are patches, whatever form the order names (see `patch`)."""


def patch(order: Order) -> bool:
    """Whether each dose of the order is a patch that stays on until taken off: two fentanyl
    patches on at once are an overdose."""
    return order.form == "patch" or order.route in PATCH_ROUTES


def patches_on(orders: Mapping[str, Order], history: Sequence[Administration]) -> list[tuple[Order, Administration]]:
    """The patches applied and not taken off (a patch order's dose given, with no later record of
    a patch of a same medicine saying what became of the patch on), oldest first: the patch of an
    order stopped, or changed to a new strength, is still on the skin until someone takes it
    off. A patch given on the paper chart, which has no "Previous patch" box, changed the ones of
    its medicine applied before it (on paper a patch is changed, not added): the patch it
    replaced was said on the skin for good. Patches applied at the same moment (25 and 12
    microgram fentanyl for 37) stay on together. `orders`: the patient's orders by id;
    `history`: their doses."""
    ordered = sorted((dose for dose in history if dose.order_id in orders and patch(orders[dose.order_id])),
                     key=given_instant)
    on: list[tuple[Order, Administration]] = []
    for dose in ordered:
        drug = orders[dose.order_id].drug
        if dose.previous_patch is not None:
            on = [(order, applied) for order, applied in on if not shares_a_medicine(order.drug, drug)]
        elif dose.on_paper and dose.outcome is Outcome.GIVEN:
            on = [(order, applied) for order, applied in on
                  if not shares_a_medicine(order.drug, drug) or given_instant(applied) >= given_instant(dose)]
        if dose.outcome is Outcome.GIVEN:
            on.append((orders[dose.order_id], dose))
    return on


def shares_a_medicine(drug: str, other: str) -> bool:
    """Whether a dose of each gives a same medicine (see `medicines_in`): 1 g of paracetamol at
    08:00 then two tablets of co-codamol 30/500 at 09:00 were two medicines, neither spaced from
    the other nor counted with it, the classic paracetamol overdose. A premixed insulin and one
    that is not (`premixed`) share none: its brand's table reads Humalog Mix25 as lispro, and
    Humalog by a correction scale beside it was asked a tenfold slip when prescribed and "ordered
    twice?" at each dose, where NovoMix 30 beside NovoRapid, or Humulin M3 beside Humulin S, are
    two medicines."""
    return premixed(drug) == premixed(other) and bool(medicines_in(drug) & medicines_in(other))


ALIKE_NAMES = 0.75
"""How alike two drug names' spellings must be (difflib's ratio) to be taken for one drug:
"Morphin" and "Morphine" (0.93), "Fentanil" and "Fentanyl" (0.88), and the look-alike
"Sufentanil" and "Alfentanil" (0.8) are; "Oxycodone" and "Codeine" (0.62) are not."""


def names_alike(typed: str, name: str) -> bool:
    """Whether `typed` may be `name` misspelt, or another way of writing its medicine (see
    `shares_a_medicine`): "Morphine sulfate" is "Morphine"'s medicine, "Morphin" its typo. Case,
    accents, spaces and hyphens aside, a name is always alike itself."""
    return shares_a_medicine(typed, name) or SequenceMatcher(None, _spelled(typed), _spelled(name)).ratio() >= ALIKE_NAMES


def _spelled(text: str) -> str:
    """A name's letters and digits without case or accents, capitals first made of every letter:
    the lower case of a capital is not always the letter it came from ("I" and the dotless "ı")."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).upper()).casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", decomposed) if c.isalnum() and not unicodedata.combining(c))


def same_medicine(order: Order, others: Iterable[Order]) -> set[str]:
    """The orders whose doses a dose of `order` is spaced from and counted with: itself and the
    patient's other orders giving a same medicine (see `shares_a_medicine`: "Morphine sulfate"
    beside "Morphine" was another medicine, its doses never spaced from the other's). A PRN order
    whose dose changes is stopped and rewritten, and the new order's first dose is as close to
    the old order's last as to one of its own; paracetamol as required beside regular
    paracetamol, or beside co-codamol, is the classic way past a day's maximum; and a regular
    order written twice (rewritten without the old one stopped) is a double dose at each of its
    times."""
    return {order.record_id} | {other.record_id for other in others if shares_a_medicine(order.drug, other.drug)}


def safety_warnings(order: Order, *, outcome: Outcome, at: datetime, dose: float | None,
                    scheduled_for: datetime | None, allergies: Sequence[str],
                    allergies_described: Sequence[str] = (), history: Sequence[Administration], admitted: bool,
                    prn_orders: Collection[str] = (), as_required: Sequence[Order] = (),
                    due_before: timedelta = timedelta(0),
                    open_slots: Sequence[datetime] = (), other_orders: Sequence[tuple[Order, str]] = (),
                    reason: NotGivenReason | None = None, on_hold: Sequence[Administration] = (),
                    typed_at: datetime | None = None, on_paper: bool = False, age: int | None = None,
                    kg: float | None = None, days: int | None = None,
                    ideal_kg: float | None = None, months: int | None = None,
                    open_again: Collection[str] = (), running: Sequence[Administration] = ()) -> list[Warning]:
    """Everything a second nurse would question before this dose is recorded. A dose recorded
    as not given for a slot already given is questioned too: the chart would otherwise say the
    patient missed a dose they had. `allergies_described`: each of `allergies` with its reaction
    and severity (see `allergy_matches`); `history`: the patient's doses; `prn_orders`: the orders
    whose doses an as-required dose is spaced from besides its own (`same_medicine`);
    `as_required`: the patient's other as-required orders of the same medicine, whose doses a
    regular dose is spaced from by their interval (`spaced_from_as_required`);
    `due_before`: how long before its time the ward's round shows a dose due: a dose given
    earlier is questioned as early (`given_early`), never as given before its order starts (the
    first dose of a new order, shown due, asked for a reason to override "not active");
    `open_slots`: a regular order's dose
    times near this dose's with nothing recorded for them (`spaced_from_own_doses`);
    `other_orders`: the patient's other orders of the same medicine, each with its name as the
    chart heads it: a dose not as required is weighed against the doses of those not as required
    (`given_from_other_orders`), and an as-required dose names the other order of a dose it is
    too close to; `reason`: why a dose was not given (see `not_given_ahead`); `on_hold`: doses
    another laptop recorded as given that stand here otherwise (withdrawn, not given, or not
    here at all: see services.medication.HeldDose), which an as-required order's interval and
    daily maximum count as perhaps given, for its own doses and a regular dose weighed by them,
    as a regular order's spacing does its own and a regular dose those of its medicine's other
    regular orders (`given_from_other_orders`): the ondansetron withdrawn here, given on the
    laptop the patient came from, was no dose at all to the next one. `typed_at`: when the dose
    is being recorded (None: as it is given); one given further from it than `WRITTEN_APART`
    (charted from paper) is spaced from the dose before it "before this dose", never "ago".
    `on_paper`: typed in from the paper chart, hours later: what is asked at the bedside alone
    (`time_critical_not_given`: "offer it again within 30 minutes") is not.
    `age`, `kg`, `days`, `ideal_kg`, `months`: the patient's, where known, which a medicine's own limits are
    worked out for (`beyond_dose_limits`), whatever its orders say. An as-required order's
    interval and daily maximum weigh no dose of an infusion or a patch beside a bolus, nor of a
    modified-release form beside an immediate-release one, either way (`as_boluses`: a syringe
    driver's set-up, a fentanyl patch or the morning's OxyContin is no earlier breakthrough dose).
    `open_again`: the record ids of doses of `history` whose time is open again (a VRIII's syringe
    charted stopped, the next of one infusion), not "already given" but still spaced from and
    counted in the daily maximum: a gentamicin's freed so was given twice in 3 hours unasked.
    `running`: the bags of `other_orders` still going in at `at` (services.medication._going_in),
    a dose given beside one of which is given beside that medicine (`given_from_other_orders`)."""
    warnings: list[Warning] = []
    late = typed_at is not None and written_apart(typed_at, at) is not None
    if not admitted:
        warnings.append(Warning(Check.NOT_ADMITTED, QT_TRANSLATE_NOOP("messages", "The patient is not admitted at that time.")))
    given = [a for a in history if a.outcome is Outcome.GIVEN and a.order_id == order.record_id]
    # A once-only order gives one dose, whatever time another is recorded for: one recorded for
    # no time (a chart whose days were past the order's dose opened it "as required") was a
    # second dose with nothing said.
    once = order.frequency is Frequency.ONCE
    slot = order.start_at if once else scheduled_for
    if slot is not None and any(once or same_dose_time(a.scheduled_for, slot) for a in given
                                if a.record_id not in open_again):
        warnings.append(Warning(Check.ALREADY_GIVEN, QT_TRANSLATE_NOOP("messages", "The {time} dose of {drug} was already given."),
                                {"time": f"{slot:%H:%M}", "drug": order.drug}))
    if outcome is not Outcome.GIVEN:
        # The time-critical question's reason, who decided, says why it is known ahead too: one
        # save asked for two reasons of one act.
        critical = [] if on_paper else time_critical_not_given(order, reason)
        return (warnings + (critical or not_given_ahead(order, at, scheduled_for, reason, due_before))
                + basal_insulin_omitted(order, outcome))
    # A dose for one of the order's times, given before that time: asked why it is early (the
    # first dose of a new order given as the round shows it due was "not active").
    for_its_time = scheduled_for is not None and at <= scheduled_for and order.active_at(scheduled_for)
    if not order.active_at(at) and not for_its_time:
        warnings.append(Warning(Check.ORDER_INACTIVE, QT_TRANSLATE_NOOP("messages", "The order is not active at that time (not started or stopped).")))
    warnings += given_early(order, at, scheduled_for, due_before)
    if (matched := allergies_matched(order.drug, allergies, allergies_described)).parts:
        warnings.append(Warning(Check.ALLERGY, QT_TRANSLATE_NOOP("messages", "{drug} matches the recorded allergy: {allergies}."),
                                {"drug": order.drug, "allergies": matched}))
    names = {other.record_id: name for other, name in other_orders}
    orders = {found.record_id: found for found in (order, *as_required, *(other for other, _ in other_orders))}
    amount = dose if dose is not None else order.dose
    if order.frequency is Frequency.PRN:
        warnings += _prn_warnings(order, at, amount, as_boluses(order, prn_given(order, history, prn_orders), orders),
                                  names, orders, as_boluses(order, prn_given(order, on_hold, prn_orders), orders), late)
    else:
        warnings += given_from_other_orders(order, at, [(other, name) for other, name in other_orders
                                                        if other.frequency is not Frequency.PRN], history, on_hold,
                                            running)
        alike = [prn for prn in as_required if not background_beside(prn, order)]
        warnings += spaced_from_as_required(at, alike, history, on_hold, late)
        warnings += spaced_from_own_doses(order, at, scheduled_for, history, open_slots, on_hold)
        warnings += off_its_days(order, at, scheduled_for)
        counted = [other.record_id for other in (*as_required, *(other for other, _ in other_orders))]
        warnings += within_as_required_maximum(order, at, amount, alike, names, orders,
                                               as_boluses(order, prn_given(order, history, counted), orders),
                                               as_boluses(order, prn_given(order, on_hold, counted), orders))
    warnings += beyond_dose_limits(order, at, amount, history, on_hold, orders, names, age, kg,
                                   {warning.check for warning in warnings}, days=days, ideal_kg=ideal_kg,
                                   months=months)
    if dose is not None and order.dose_rule is not None and dose > order.dose + 1e-9:
        warnings.append(Warning(Check.DOSE_MISMATCH, QT_TRANSLATE_NOOP("messages", "Dose {dose} {unit} is above the most "
                                                                               "one dose of the order may be ({ordered} "
                                                                               "{unit}), whatever its rule gives."),
                                {"dose": Number(dose), "unit": order.dose_unit, "ordered": Number(order.dose)}))
    elif dose is not None and order.dose_rule is None and not order.as_ordered(dose) and order.dose_min is not None:
        warnings.append(Warning(Check.DOSE_MISMATCH, QT_TRANSLATE_NOOP("messages", "Dose {dose} {unit} is outside the "
                                                                               "order's range ({lowest} to {ordered} "
                                                                               "{unit})."),
                                {"dose": Number(dose), "unit": order.dose_unit, "lowest": Number(order.dose_min),
                                 "ordered": Number(order.dose)}))
    elif dose is not None and order.dose_rule is None and not order.as_ordered(dose):
        warnings.append(differs_from_order(order, dose))
    return warnings


OTHER_MEASURE_WITHIN = 0.02
"""How near (a fraction) a dose typed is to the order's volume or weight to be read as it: the
volume is drawn up to the syringe's marks, 7.5 mL for 180 mg of 120 mg in 5 mL; and to a part of
the order (`PARTS`) to be read as that part too."""
VOLUME_FOR_WEIGHT = QT_TRANSLATE_NOOP(
    "messages", "Dose {dose} {unit} differs from the order ({ordered} {unit}), and {dose} is its volume ({ordered} "
                "{unit} = {other} mL): type the dose given in {unit}, not the volume drawn up.")
WEIGHT_FOR_VOLUME = QT_TRANSLATE_NOOP(
    "messages", "Dose {dose} mL differs from the order ({ordered} mL), and {dose} is its dose in mg ({ordered} mL = "
                "{other} mg): type the volume given in mL.")
PART_OR_VOLUME = QT_TRANSLATE_NOOP(
    "messages", "Dose {dose} {unit} differs from the order ({ordered} {unit}): {dose} is {part} of it, or its volume "
                "({ordered} {unit} = {other} mL) typed for the dose: check which was given, and type the dose given in "
                "{unit}.")
PART_OR_WEIGHT = QT_TRANSLATE_NOOP(
    "messages", "Dose {dose} mL differs from the order ({ordered} mL): {dose} is {part} of it, or its dose in mg "
                "({ordered} mL = {other} mg) typed for the volume: check which was given, and type the volume given in "
                "mL.")
PARTS = {1 / 2: QT_TRANSLATE_NOOP("messages", "half"), 1 / 3: QT_TRANSLATE_NOOP("messages", "a third"),
         1 / 4: QT_TRANSLATE_NOOP("messages", "a quarter"), 3 / 4: QT_TRANSLATE_NOOP("messages", "three quarters")}
"""The parts of an order a dose is often given as (a child spitting half out, a dose split):
at 2 mg/mL half the dose is its volume in mL, at 4 mg/mL a quarter, and the nurse who gave half
of Oramorph's 5 mg was told she had typed the volume."""


def differs_from_order(order: Order, dose: float) -> Warning:
    """A dose given that is not the order's, said as the order's volume or weight when it is one
    (by the liquid's strength the order states), that volume or weight worked out: 7.5 typed in
    "Dose given (mg)" for the 7.5 mL drawn up of 180 mg read "Dose 7.5 mg differs from the order
    (180 mg)", as any part dose does, and a reason saved 7.5 mg of paracetamol, which the 24-hour
    count and the export then said. A dose that is also a part of the order's (`PARTS`) is said
    both ways, the nurse to say which."""
    values: dict[str, str | Number | Phrase | Listed] = {"dose": Number(dose), "unit": order.dose_unit,
                                                         "ordered": Number(order.dose)}
    per_ml, other = order.mg_per_ml, None
    if per_ml and order.dose_unit in MASS_IN_MG:
        other = order.dose * MASS_IN_MG[order.dose_unit] / per_ml
    elif per_ml and order.dose_unit == ML:
        other = order.dose * per_ml
    if other is None or not isclose(dose, other, rel_tol=OTHER_MEASURE_WITHIN):
        return Warning(Check.DOSE_MISMATCH, QT_TRANSLATE_NOOP("messages", "Dose {dose} {unit} differs from the order "
                                                                          "({ordered} {unit})."), values)
    values["other"] = Number(round(other, 2))
    by_volume = order.dose_unit != ML
    part = next((words for share, words in PARTS.items()
                 if isclose(dose / order.dose, share, rel_tol=OTHER_MEASURE_WITHIN)), None)
    if part is not None:
        return Warning(Check.DOSE_MISMATCH, PART_OR_VOLUME if by_volume else PART_OR_WEIGHT,
                       values | {"part": Phrase(part)})
    return Warning(Check.DOSE_MISMATCH, VOLUME_FOR_WEIGHT if by_volume else WEIGHT_FOR_VOLUME, values)


DAY = timedelta(hours=24)
"""The daily maximum's window, in real hours (see `elapsed`)."""


def given_instant(dose: Administration) -> datetime:
    """What doses are put in order by: their time at UTC. Two doses given in the hour the night
    the clocks go back repeats, both on the ward's clock, were ordered by the hour they read."""
    return elapsed.instant(dose.at)


def duration_text(span: timedelta) -> str:
    """Hours and minutes ("5 h 00 min"), as both languages write them, held together by
    non-breaking spaces: the dose dialog's warnings wrapped "18" at a line's end and "h 00 min"
    on the next."""
    hours, minutes = divmod(int(span.total_seconds() // 60), 60)
    return f"{hours}\u00a0h\u00a0{minutes:02d}\u00a0min"


def before_due(at: datetime, scheduled_for: datetime | None, due_before: timedelta) -> bool:
    """Whether `at` is before the round shows the dose of `scheduled_for` due (`due_before` ahead
    of it); never for a dose recorded for no time."""
    return scheduled_for is not None and at < scheduled_for - due_before


def given_early(order: Order, at: datetime, scheduled_for: datetime | None, due_before: timedelta) -> list[Warning]:
    """A dose given for one of its times before the round shows it due: the 20:00 dose recorded
    as given at 15:00 was saved without a word, and a once-daily order's dose given hours early
    is never near another dose for the spacing to question."""
    if scheduled_for is None or not before_due(at, scheduled_for, due_before):
        return []
    return [Warning(Check.GIVEN_EARLY, QT_TRANSLATE_NOOP(
        "messages", "The {slot} dose of {drug} is given {early} early; it falls due from {due}."),
        {"slot": ward_time(scheduled_for, None), "drug": order.drug, "early": duration_text(scheduled_for - at),
         "due": ward_time(scheduled_for - due_before, None, "%H:%M")})]


def off_its_days(order: Order, at: datetime, scheduled_for: datetime | None) -> list[Warning]:
    """A dose of an order given one day in several (see `Order.every_days`), recorded for a day
    not one of them (for its time, else when given): each daily dose of the weekly methotrexate
    was saved without a word. Said as doses too close, which it is: the order's doses are days
    apart. The day is read on the dose's own clock, as the chart writes it, the start's on the
    ward's, as the chart lays out its days (`scheduled_slots`): read on the dose's offset, an order
    started at 00:30 summer time began the evening before once the clocks went back, its doses
    due questioned and one a day early let through."""
    when = scheduled_for or at
    if (order.frequency is not Frequency.SCHEDULED or order.every_days == 1
            or order_day(order, when.date(), ward_zone(None))):
        return []
    return [Warning(Check.DOSE_SPACING, QT_TRANSLATE_NOOP(
        "messages", "{drug} is given every {days} days from {start}; {day} is not one of its days."),
        {"drug": order.drug, "days": str(order.every_days), "day": f"{when:%d/%m}",
         "start": ward_time(order.start_at, None, "%d/%m")})]


def offered_only(reason: NotGivenReason | None, at: datetime, scheduled_for: datetime | None,
                 due_before: timedelta) -> bool:
    """Whether a dose is recorded not given, for a reason seen only when it is offered (not in
    KNOWN_AHEAD), before it falls due: refused so, the dose would leave the round unoffered."""
    return reason is not None and reason not in KNOWN_AHEAD and before_due(at, scheduled_for, due_before)


def basal_insulin_omitted(order: Order, outcome: Outcome) -> list[Warning]:
    """A basal or premixed insulin's dose (`given_when_fasting`) recorded not given, for whatever
    reason, questioned: in type 1 it is never omitted, fasting included (JBDS-IP), and the
    glargine held "NBM for theatre" was said nowhere, the patient heading for ketoacidosis; a
    twice-daily premix is the only background insulin of those on it, and its dose held, refused
    or not available went unsaid too. The reason to record over it, a check of its own (it was
    kept and exported as a glucose problem), says the prescriber was told."""
    if outcome is not Outcome.NOT_GIVEN or not given_when_fasting(order.drug):
        return []
    return [Warning(Check.INSULIN_OMITTED, QT_TRANSLATE_NOOP(
        "messages", "{drug} is a basal or premixed insulin: not to be omitted (in type 1 it brings on ketoacidosis "
                    "within hours); tell the prescriber, and say so in the reason."), {"drug": order.drug})]


_TIME_CRITICAL_NOT_GIVEN = {
    NotGivenReason.ASLEEP: QT_TRANSLATE_NOOP(
        "messages", "{drug} is a time-critical medicine: wake the patient to give it (Parkinson's UK “Get It On "
                    "Time”; NPSA RRR009). Not given while asleep: tell the doctor, and say why in the reason."),
    NotGivenReason.REFUSED: QT_TRANSLATE_NOOP(
        "messages", "{drug} is a time-critical medicine (Parkinson's UK “Get It On Time”; NPSA RRR009): offer it "
                    "again within 30 minutes. Still not taken, tell the doctor now (another form or route), and say "
                    "who decided in the reason."),
    NotGivenReason.NIL_BY_MOUTH: QT_TRANSLATE_NOOP(
        "messages", "{drug} is a time-critical medicine: nil by mouth or a hold does not stop it (Parkinson's UK "
                    "“Get It On Time”; NPSA RRR009). Ask the doctor now for another route (NG, dispersible, "
                    "patch), and say who decided in the reason."),
}
"""What `time_critical_not_given` asks, by why the dose was not given: vomited as refused (offered
again), held as nil by mouth (another route found by the doctor)."""
_TIME_CRITICAL_ASKED = {NotGivenReason.ASLEEP: NotGivenReason.ASLEEP, NotGivenReason.REFUSED: NotGivenReason.REFUSED,
                        NotGivenReason.VOMITED: NotGivenReason.REFUSED,
                        NotGivenReason.NIL_BY_MOUTH: NotGivenReason.NIL_BY_MOUTH,
                        NotGivenReason.HELD: NotGivenReason.NIL_BY_MOUTH}


def left_out_with_meals(order: Order, reason: NotGivenReason | None) -> bool:
    """Whether a dose not given for `reason` is a mealtime insulin (`mealtime_insulin`) left out
    nil by mouth or held, as it must be while the patient does not eat (JBDS-IP): no omission for
    either list (services.medication.time_critical_omitted, services.chart_alerts), its glucose
    checks carrying the follow-up; each missed meal was "tell the doctor (another route or
    medicine)", drowning the levodopa, then "N doses not given … tell the prescriber"."""
    return reason in (NotGivenReason.NIL_BY_MOUTH, NotGivenReason.HELD) and mealtime_insulin(order)


INSULIN_PUMP_WORDS = frozenset(_words("pump pompe csii"))
"""Words of an insulin order given by the patient's own pump (continuous subcutaneous insulin
infusion): "Insulin aspart via insulin pump (CSII)", "NovoRapid pompe"."""


def background_insulin(order: Order) -> bool:
    """Whether `order` is an insulin that goes on while the patient does not eat: a basal or
    premixed one (`given_when_fasting`), an infusion (a VRIII, `infused`), or an insulin pump's
    (`INSULIN_PUMP_WORDS`), which gives its basal rate through the fast, its mealtime boluses left
    out with the meals. A patient whose mealtime insulin is left out with the meals
    (`left_out_with_meals`) with none of these ordered has no insulin at all, and in type 1 is
    never to be without it (JBDS-IP): the left-out dose is then the doctor's to hear of
    (services.medication.time_critical_omitted). A pump's patient was told "no basal insulin
    ordered" of each bolus left out."""
    return insulin(order.drug) and (given_when_fasting(order.drug) or infused(order)
                                    or bool(INSULIN_PUMP_WORDS & set(_words(order.drug))))


def time_critical_not_given(order: Order, reason: NotGivenReason | None) -> list[Warning]:
    """A time-critical medicine's dose (`Order.time_critical`: levodopa, an antiepileptic) recorded
    not given while asleep, refused or vomited, nil by mouth or held, questioned: the patient is
    woken for it, offered it again, or given it by another route the doctor finds now (Parkinson's
    UK "Get It On Time"; NPSA RRR009, omitted and delayed medicines; NICE NG71). "D — Asleep"
    passed with no word, then "R — Refused", "F — Nil by mouth" and "W — Held" ("NBM, failed swallow
    screen", by the nurse) still did, the escalation list telling the doctor only afterwards, or,
    held, never. The reason to record over it says why, and who decided. Not of a basal or premixed
    insulin, asked by `basal_insulin_omitted`, nor of any insulin but asleep: the levodopa's words
    told the nurse to offer a mealtime insulin again to a patient vomiting, or to find an IV
    insulin "another route (NG, dispersible, patch)"; an insulin's glucose checks carry it
    (JBDS-IP: a mealtime dose vomited is not given again), a mealtime one left out with the meals
    as it must be (`left_out_with_meals`). Nor nil by mouth of an order by another route
    (`reason_offered`: refused, or typed from paper asked as a route mismatch)."""
    asked = _TIME_CRITICAL_ASKED.get(reason) if reason is not None else None
    if (not order.time_critical or asked is None or given_when_fasting(order.drug)
            or (asked is not NotGivenReason.ASLEEP and insulin(order.drug))
            or (reason is NotGivenReason.NIL_BY_MOUTH and not reason_offered(order, reason))):
        return []
    return [Warning(Check.TIME_CRITICAL_NOT_GIVEN, _TIME_CRITICAL_NOT_GIVEN[asked], {"drug": order.drug})]


NOT_GIVEN_AHEAD_SAID = {
    NotGivenReason.NIL_BY_MOUTH: QT_TRANSLATE_NOOP(
        "messages", "The {slot} dose of {drug} is recorded nil by mouth {early} before its time; it comes back on the "
                    "round when due, marked recorded nil by mouth."),
}
"""What `not_given_ahead` says by reason where the dose does not leave the round: one recorded nil
by mouth ahead comes back on it while due, in case the operation is cancelled (services.medication
round_list), and "it leaves the round" was false of it."""


def not_given_ahead(order: Order, at: datetime, scheduled_for: datetime | None, reason: NotGivenReason | None,
                    due_before: timedelta) -> list[Warning]:
    """A dose recorded not given before it falls due, for a reason that may be known ahead
    (KNOWN_AHEAD): it leaves the round (but nil by mouth: `NOT_GIVEN_AHEAD_SAID`), so the nurse
    says why now (theatre at 08:00)."""
    if scheduled_for is None or reason not in KNOWN_AHEAD or not before_due(at, scheduled_for, due_before):
        return []
    return [Warning(Check.NOT_GIVEN_AHEAD, NOT_GIVEN_AHEAD_SAID.get(reason) or QT_TRANSLATE_NOOP(
        "messages", "The {slot} dose of {drug} is recorded not given {early} before its time; it leaves the round."),
        {"slot": ward_time(scheduled_for, None), "drug": order.drug, "early": duration_text(scheduled_for - at)})]


def prn_given(order: Order, history: Sequence[Administration], prn_orders: Collection[str]) -> list[Administration]:
    """The doses given that an as-required dose of `order` is spaced from and counted with: its
    own and those of `prn_orders` (see `safety_warnings`), from `history` (or from the doses on
    hold that may have been given)."""
    spaced_from = {order.record_id, *prn_orders}
    return [dose for dose in history if dose.outcome is Outcome.GIVEN and dose.order_id in spaced_from]


INFUSION = "infusion"
"""The order form's code for a medicine given as an infusion (its `form`)."""


def infused(order: Order) -> bool:
    """Whether `order` runs as an infusion (so written, or with a rate for the pump): a syringe
    driver's morphine goes in over its 24 hours, not at the moment it is set up."""
    return order.form == INFUSION or order.rate_ml_h is not None


BOLUS_ROUTES = NIL_BY_MOUTH_ROUTES | {"NG", "SC", "IV", "IM", "NAS", "PR"}
"""The routes (`ROUTES`' codes) an as-required opioid stating no release is given at once by, as a
breakthrough dose is: by mouth or tube, injected (not `infused`), up the nose or rectally (the
diamorphine nasal spray, the morphine suppository were held back by the morning's MST)."""


def order_release(order: Order) -> Release | None:
    """The release of `order`'s form: as its name states it (domain.release), or, stating none,
    immediate for an as-required opioid not `infused` by mouth, tube, injection, nose or rectum
    (`BOLUS_ROUTES`), as a breakthrough dose is ("Oxycodone 5 mg capsules", or morphine 2.5 mg SC,
    beside "Oxycodone MR 10 mg": the SC dose was held back as given an hour after the 08:00 MR
    tablet); None otherwise."""
    stated = release_of(order.drug)
    if stated is None and order.frequency is Frequency.PRN and _route(order.route) in BOLUS_ROUTES \
            and not infused(order) and "opioid" in _read(order.drug, order=True).member_of:
        return Release.IMMEDIATE
    return stated


def _runs_on(order: Order) -> bool:
    """Whether each dose of `order` goes on giving for hours once started: an infusion (`infused`)
    or a patch (`patch`: the fentanyl patch applied at 08:00 held the 09:00 buccal fentanyl back)."""
    return infused(order) or patch(order)


def background_beside(order: Order, other: Order) -> bool:
    """Whether one of two orders gives background doses and the other breakthrough ones, neither
    spacing nor counted with the other's by an as-required interval and day's count (`as_boluses`):
    an infusion or a patch beside a bolus (`_runs_on`), or a modified-release form beside an
    immediate-release one (`order_release`). Two patches, or a patch and an infusion, are weighed
    together."""
    return _runs_on(order) != _runs_on(other) \
        or {order_release(order), order_release(other)} == {Release.MODIFIED, Release.IMMEDIATE}


def as_boluses(order: Order, doses: Sequence[Administration], orders: Mapping[str, Order]) -> list[Administration]:
    """The doses among `doses` that an as-required interval and day's count weigh a dose of
    `order` against: all but those of an order giving background doses while `order` gives
    breakthrough ones, or the other way round (`background_beside`; `orders`: the doses' orders,
    by id). The morphine syringe driver set up at 10:00 held the breakthrough dose of 10:30 back
    as "given 30 min ago", and each day's syringe change was questioned after the dose given for
    pain just before; the 08:00 OxyContin held the 09:00 OxyNorm for pain 7/10 back the same way,
    and counted in its maximum of 6, and the fentanyl patch the buccal fentanyl. Two drivers or
    two patches of a medicine, two bolus orders, two modified-release or two immediate-release
    orders are weighed together as before. A medicine's own limits (`beyond_dose_limits`) still
    count every dose of it."""
    return [dose for dose in doses if dose.order_id not in orders or not background_beside(orders[dose.order_id], order)]


@dataclass(frozen=True)
class AsRequiredStatus:
    """Where an as-required order's doses stand at a moment, for the nurse to read before giving
    one (the interval and the day's maximum were learnt only when Save questioned the dose)."""

    last: Administration | None
    """The latest dose given at or before the moment, of this order or another of the same medicine."""
    recent: tuple[Administration, ...]
    """The doses given in the 24 hours up to the moment, as the daily maximum counts them, oldest first."""
    next_at: datetime | None
    """When a dose is next allowed; None: now."""
    on_hold: tuple[Administration, ...] = ()
    """The doses on hold another laptop recorded as given in those 24 hours (see `safety_warnings`), oldest first."""
    amount: float | None = None
    """What `recent` comes to in the order's unit, as the daily maximum counts it (see
    `_beyond_daily_maximum`); None when a dose's amount cannot be said in it."""
    held_by: Phrase | None = None
    """The medicine's own limit (see `beyond_dose_limits`) that holds the next dose back, when it
    is one of them and not the order's: "Paracetamol: at least 4 h after the 28/11 06:00 dose
    (Paracetamol 1 g PO)"; None when the order's own limits hold it, or a dose is allowed now."""
    ehr_before: datetime | None = None
    """For an order loaded from the EHR's snapshot, until 24 hours after it: the moment before
    which its doses are on the EHR's chart (services.snapshot_time), none of them in `last` or
    `recent`. None otherwise. A morphine given in the EHR at 09:30, loaded at 10:00, read "no dose
    recorded, allowed now" at 10:15."""
    away: tuple[Silence, ...] = ()
    """The patient's stretches on a ward charted on another laptop that ended in the 24 hours up to
    the moment (services.medication.away_before): none of the doses given there are in `last` or
    `recent`. Back from 5A at 20:05, a morphine given there at 18:00 read "allowed now" at 20:30."""
    background: Administration | None = None
    """The latest dose given in the 24 hours up to the moment of an order giving background doses
    beside this one's breakthrough ones, or the other way round (`as_boluses`), which neither
    `last` nor `recent` counts: said all the same, as the paper chart shows it (the OxyNorm's
    dialog read "Last dose: none recorded" an hour after 10 mg of OxyContin)."""


def prn_status(order: Order, at: datetime, given: Sequence[Administration],
               on_hold: Sequence[Administration] = (), orders: Sequence[Order] = (),
               names: Mapping[str, str] | None = None, age: int | None = None,
               kg: float | None = None, days: int | None = None, ideal_kg: float | None = None) -> AsRequiredStatus:
    """`given`, `on_hold`: as `prn_given`; `orders`: the orders of those doses, whose amounts the
    daily maximum counts (see `_beyond_daily_maximum`); `names`, `age`, `kg`, `days`, `ideal_kg`: as
    `beyond_dose_limits` takes them. The next dose allowed is the first moment from `at` at which
    the very checks a dose is saved against say nothing: the order's (`_prn_warnings`) and the
    medicine's own (`beyond_dose_limits`: regular paracetamol at 06:00 held a gram as required,
    every 2 h, until 10:00 at Save, while the dialog said a dose was allowed now). That is `at`
    itself or one at which a dose leaves an interval (the order's or the medicine's) or the 24
    hours, where those checks change. `at` may be on the ward's clock, its zone's rules: the hours
    are counted in real time (see `elapsed`) and the next dose is said on that clock (on the
    offset its last dose was written with, the night the clocks went forward it read an hour
    early)."""
    zone, at = at.tzinfo, elapsed.instant(at)
    gaps = {timedelta(hours=order.min_interval_hours or 0), DAY, *_medicine_intervals(order)}
    ends = {elapsed.instant(dose.at) + gap for dose in (*given, *on_hold) for gap in gaps}
    by_id = {found.record_id: found for found in (order, *orders)}
    allowed, held = _next_allowed(order, sorted({at, *(end for end in ends if end > at)}), given, on_hold, by_id,
                                  names or {}, age, kg, days, ideal_kg)

    def day_up_to_at(doses: Sequence[Administration]) -> tuple[Administration, ...]:
        return tuple(sorted((dose for dose in as_boluses(order, doses, by_id) if at - DAY < dose.at <= at),
                            key=given_instant))

    recent = day_up_to_at(given)
    amounts = [dose_amount(dose, by_id, order) for dose in recent]
    boluses = as_boluses(order, given, by_id)
    return AsRequiredStatus(last=max((dose for dose in boluses if dose.at <= at), key=given_instant, default=None),
                            recent=recent, next_at=None if allowed == at else allowed.astimezone(zone),
                            on_hold=day_up_to_at(on_hold),
                            amount=None if None in amounts else sum(amount for amount in amounts if amount is not None),
                            held_by=_held_by(held),
                            background=max((dose for dose in given if dose not in boluses and at - DAY < dose.at <= at),
                                           key=given_instant, default=None))


# The warning of a dose given from another order of the same medicine, by that order's kind
# (regular or once-only) and whether its dose is on hold, perhaps given (see `safety_warnings`).
_ORDERED_TWICE = {
    (True, False): QT_TRANSLATE_NOOP("messages", "{order} was given at {time} from another order (at {times}, from "
                                                 "{start}); is this medicine ordered twice?"),
    (False, False): QT_TRANSLATE_NOOP("messages", "{order} was given at {time} from another order (once, at {start}); "
                                                  "is this medicine ordered twice?"),
    (True, True): QT_TRANSLATE_NOOP("messages", "A dose of {order} from another order (at {times}, from {start}) is on "
                                                "hold, perhaps given (another laptop recorded it at {time}); is this "
                                                "medicine ordered twice?"),
    (False, True): QT_TRANSLATE_NOOP("messages", "A dose of {order} from another order (once, at {start}) is on hold, "
                                                 "perhaps given (another laptop recorded it at {time}); is this "
                                                 "medicine ordered twice?")}


RUNNING_FROM_ANOTHER = QT_TRANSLATE_NOOP("messages", "{order} is running since {time} from another order (from "
                                                    "{start}); is this medicine ordered twice?")
"""`_ORDERED_TWICE` for another order's bag still going in at the dose (`given_from_other_orders`)."""


def given_from_other_orders(order: Order, at: datetime, others: Sequence[tuple[Order, str]],
                            history: Sequence[Administration], on_hold: Sequence[Administration] = (),
                            running: Sequence[Administration] = ()) -> list[Warning]:
    """A dose not as required questioned beside a dose given from another order of the same
    medicine, not as required either, closer than half the spacing of the first of the two that
    has one (a day for two once-only orders): "Insulin glargine 18 units SC 22:00" written twice
    (rewritten without the old one stopped) was two lines due at 22:00 on the round, and both
    doses given at 22:05 were saved without a word. The nearest such dose is named, with the
    order it was given from. `others`: each order with its name as the chart heads it (see
    services.medication.order_label): two saline infusions named without their rates were one
    order to the nurse reading which had been given. A dose on hold (`on_hold`, see
    `safety_warnings`) counts as one perhaps given, and is said so, with the time another laptop
    recorded it at: the other order's 08:00 gram given on the laptop the patient came from,
    withdrawn here, was no dose at all to this order's 10:00 one. A bag of another order still
    going in at `at` (`running`) is given at `at`, for a dose not itself infused: the evening's
    MST given while the morphine syringe driver put up at 10:00 ran was 10 hours from its set-up,
    outside the MST's half-spacing, and asked nothing (review R3 D3)."""
    close = []
    for other, name in others:
        half = (dose_spacing(order) or dose_spacing(other) or DAY) / 2
        close += [(gap, dose, other, name, False) for dose in prn_given(other, [*history, *on_hold], ())
                  if (gap := abs(elapsed.between(dose.at, at))) < half]
        close += [(timedelta(0), bag, other, name, True) for bag in running
                  if bag.order_id == other.record_id and not infused(order)]
    if not close:
        return []
    _, nearest, other, name, going = min(close, key=lambda found: found[0])
    held = nearest in on_hold
    # Its day, when not this dose's day: a weekly order's dose three days before read as today's.
    dated = held or nearest.at.astimezone(at.tzinfo).date() != at.date()
    values = {"order": name, "time": ward_time(nearest.at, None, "%d/%m %H:%M" if dated else "%H:%M"),
              "start": ward_time(other.start_at, None), "times": " ".join(f"{clock:%H:%M}" for clock in other.times)}
    said = RUNNING_FROM_ANOTHER if going else _ORDERED_TWICE[other.frequency is Frequency.SCHEDULED, held]
    return [Warning(Check.ALREADY_GIVEN, said, values)]


def runs_at(order: Order, moment: datetime) -> bool:
    """Whether an order runs at a moment, as two orders of one medicine are weighed against each
    other: a regular or as-required order from its start until its stop; a once-only order, not
    stopped before its dose, within a day either side of that dose (furosemide once at 10:00 and
    once again at 18:00 was asked nothing, the two never running at one same moment)."""
    if order.frequency is Frequency.ONCE:
        return order.active_at(order.start_at) and abs(elapsed.between(order.start_at, moment)) < DAY
    return order.active_at(moment)


def in_force(order: Order, moment: datetime) -> bool:
    """Whether an order stands on the chart at a moment, as what is prescribed is read (a decision
    or a protocol met by it): not stopped by then, one to start later, at the evening round,
    standing already; a once-only dose within a day of it (`runs_at`). Thiamine written at 14:00 to
    start at the 20:00 round read "No thiamine prescribed: ask the doctor" until then."""
    if order.frequency is Frequency.ONCE:
        return runs_at(order, moment)
    return order.stop_at is None or elapsed.instant(moment) < elapsed.instant(order.stop_at)


def running_anticoagulants(orders: Iterable[Order], at: datetime) -> tuple[str, ...]:
    """The anticoagulants of these orders running at `at` (`runs_at`: a once-only dose within a
    day of it), by drug as ordered, each once: what the theatre list says of the medication chart
    (a fall counts those stopped shortly before it too: `anticoagulated_at`)."""
    return tuple(dict.fromkeys(order.drug for order in orders if anticoagulant(order.drug) and runs_at(order, at)))


DIRECT_ORAL = frozenset(medicine_name(name) for name in ("apixaban", "rivaroxaban", "edoxaban", "dabigatran"))
DABIGATRAN = frozenset({medicine_name("dabigatran")})
ANTICOAGULATES_FOR: tuple[tuple[frozenset[str], tuple[tuple[float, timedelta], ...]], ...] = (
    (VITAMIN_K_ANTAGONISTS, ((0.0, timedelta(days=5)),)),
    (DABIGATRAN, ((80.0, timedelta(hours=48)), (50.0, timedelta(hours=72)), (0.0, timedelta(hours=96)))),
    (DIRECT_ORAL, ((0.0, timedelta(hours=48)),)))
"""How long a medicine still anticoagulates after its last dose, by the creatinine clearance
(mL/min) from which each time holds, the first the patient's reaches; the last, the longest, when
the clearance is not known: a vitamin K antagonist for days (its INR falls over 4 to 5);
dabigatran, cleared by the kidney, 48 hours from a clearance of 80, 72 from 50 and 96 below (EHRA
2021 practical guide, table of the last intake before a procedure of high bleeding risk:
dabigatran stopped 72 hours before theatre at a clearance of 35 was "no anticoagulant");
apixaban, rivaroxaban and edoxaban 48 hours whatever the clearance (the same table: 48 hours at
15-29 mL/min as from 30); a heparin, fondaparinux and the rest for a day (`STILL_ANTICOAGULATES`)."""
STILL_ANTICOAGULATES = DAY


class Anticoagulated(BaseModel):
    """An anticoagulant order that still anticoagulates at a moment: running (`until` None), or
    stopped, or a once-only dose given, at `until`, shortly enough before it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    drug: str
    until: AwareDatetime | None = None


def anticoagulates_for(drug: str, clearance: float | None = None) -> timedelta:
    """How long `drug` still anticoagulates after it is stopped for a patient of that creatinine
    clearance in mL/min (None: not known, the longest) (`ANTICOAGULATES_FOR`)."""
    found = medicines_in(drug)
    times = next((times for names, times in ANTICOAGULATES_FOR if found & names), ((0.0, STILL_ANTICOAGULATES),))
    return next((lasting for least, lasting in times if clearance is not None and clearance >= least), times[-1][1])


def anticoagulated_at(orders: Iterable[Order], at: datetime,
                      clearance: float | None = None) -> tuple[Anticoagulated, ...]:
    """The anticoagulant orders of these that still anticoagulate at `at`, each drug once: running
    then (`runs_at`), or ended before it within the time the drug lasts (`ANTICOAGULATES_FOR`), a
    regular order at its stop, a once-only one at its dose; a once-only dose only from its time (one
    due at 18:00 made a fall at 03:00 "on an anticoagulant"). A warfarin held for an INR of 4.2 two
    hours before a fall asked no CT head: stopped, it was "no anticoagulant". Of one drug's orders,
    the one running, else the one that ended last: orders are rewritten daily in a downtime, and
    yesterday's, stopped at 08:00 as today's began, said the drug stopped. `clearance`: the
    patient's creatinine clearance in mL/min (None: not known), which a DOAC's time goes by."""
    found: dict[str, Anticoagulated] = {}
    for order in orders:
        if not anticoagulant(order.drug) or order.start_at > at:
            continue
        if runs_at(order, at):
            counted = Anticoagulated(drug=order.drug)
        else:
            ended = order.start_at if order.frequency is Frequency.ONCE else order.stop_at
            if ended is None or not order.active_at(order.start_at) or ended > at \
                    or elapsed.between(ended, at) >= anticoagulates_for(order.drug, clearance):
                continue
            counted = Anticoagulated(drug=order.drug, until=ended)
        kept = found.get(order.drug, counted)
        found[order.drug] = max(kept, counted, key=lambda one: (one.until is None, one.until or at))
    return tuple(found.values())


def also_ordered(order: Order, at: datetime, others: Iterable[Order]) -> list[Order]:
    """The patient's other orders of the same medicine (see `shares_a_medicine`), neither one as
    required, running at `at` (see `runs_at`) besides `order`: a medicine ordered twice, which
    the nurse takes to the prescriber before giving both. Insulin glargine at 22:00 written
    twice put two identical lines due on the round, and only the second dose saved was
    questioned. An as-required order beside a regular one is the usual way of prescribing
    (paracetamol), weighed dose by dose (`spaced_from_as_required`)."""
    if order.frequency is Frequency.PRN:
        return []
    return [other for other in others if other.record_id != order.record_id and other.frequency is not Frequency.PRN
            and runs_at(other, at) and shares_a_medicine(order.drug, other.drug)]


def spaced_from_as_required(at: datetime, as_required: Sequence[Order], history: Sequence[Administration],
                            on_hold: Sequence[Administration] = (), late: bool = False) -> list[Warning]:
    """A regular dose questioned as an as-required dose of the same medicine is: within that
    order's interval of one of its doses, before or after (paracetamol as required at 13:00,
    then the regular 14:00 gram, was two grams in an hour with nothing said; the other way
    round was questioned). A dose on hold (`on_hold`, see `safety_warnings`) counts as one
    perhaps given, and is said so, as to an as-required dose. The nearest such dose is named;
    `late`: see `_interval_warning`."""
    close = [(gap, dose, prn) for prn in as_required if prn.min_interval_hours is not None
             for dose in prn_given(prn, [*history, *on_hold], ())
             if (gap := abs(elapsed.between(dose.at, at))) < timedelta(hours=prn.min_interval_hours)]
    if not close:
        return []
    gap, nearest, prn = min(close, key=lambda found: found[0])
    return [_interval_warning("as_required", nearest, at, on_hold, late, {
        "drug": prn.drug, "minutes": str(int(gap.total_seconds() // 60)), "hours": Number(prn.min_interval_hours)})]


# A regular order's times: one each hour at most (an hourly order's 24), none written twice, and
# none closer than half an hour to the next, round the clock. "23:59 00:00" was accepted, and
# its doses a minute apart raised no warning: the spacing check weighs doses against half the
# order's own shortest gap, half a minute there.
MOST_TIMES_A_DAY = 24
LEAST_TIME_APART = timedelta(minutes=30)


TIME_WRITTEN_TWICE = QT_TRANSLATE_NOOP("messages", "“{field}”: {time} is written twice.")
"""A regular order's time given twice: refused on the ward's order form and in an EHR snapshot
(sync.snapshot, which loads the rest of this rule's cases as the EHR wrote them)."""


def times_problem(times: Sequence[time], field: str) -> Phrase | None:
    """Why a regular order's times cannot be given as written (None: they can): too many for a
    day, a time written twice, or two times under `LEAST_TIME_APART` apart, the last of the day
    and the first of the next included. `field`: the times' label, which the words name."""
    if len(times) > MOST_TIMES_A_DAY:
        return Phrase(QT_TRANSLATE_NOOP("messages", "“{field}”: {count} times; at most {most} a day (one each hour)."),
                      {"count": str(len(times)), "most": str(MOST_TIMES_A_DAY), "field": field})
    seen: set[time] = set()
    for clock in times:
        if clock in seen:
            return Phrase(TIME_WRITTEN_TWICE, {"time": f"{clock:%H:%M}", "field": field})
        seen.add(clock)
    minutes = sorted(clock.hour * 60 + clock.minute for clock in times)
    pairs = [*zip(minutes, minutes[1:]), *([(minutes[-1], minutes[0] + 24 * 60)] if len(minutes) > 1 else [])]
    least = int(LEAST_TIME_APART.total_seconds() // 60)
    for earlier, later in pairs:
        if later - earlier < least:
            return Phrase(QT_TRANSLATE_NOOP("messages", "“{field}”: {first} and {second} are {minutes} min apart; "
                                                        "a regular order's times are at least {least} min apart."),
                          {"first": _clock_text(earlier), "second": _clock_text(later), "minutes": str(later - earlier),
                           "least": str(least), "field": field})
    return None


def _clock_text(minutes: int) -> str:
    """A time of day from its minutes since midnight (the next day's too: 24:10 is 00:10)."""
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def dose_spacing(order: Order) -> timedelta | None:
    """The shortest time between two of a regular order's dose times, round the clock to its
    next day of doses (08:00 14:00 20:00: 6 h; 08:00 alone: 24 h, and 7 days weekly: a second
    methotrexate dose the day after is too close); None for an order without times."""
    minutes = sorted({clock.hour * 60 + clock.minute for clock in order.times})
    if not minutes:
        return None
    gaps = [later - earlier for earlier, later in zip(minutes, minutes[1:])]
    gaps.append(order.every_days * 24 * 60 - minutes[-1] + minutes[0])
    return timedelta(minutes=min(gaps))


def spaced_from_own_doses(order: Order, at: datetime, scheduled_for: datetime | None,
                          history: Sequence[Administration], open_slots: Sequence[datetime],
                          on_hold: Sequence[Administration] = ()) -> list[Warning]:
    """A regular dose given closer than half the order's spacing to another of its doses: one
    given for another time, before or after (back-entered out of order), or one due after this
    dose's own time with nothing recorded for it. A dose given hours late, shortly before the next (the round's
    OVERDUE line; yesterday's MISSED one, its actual time read now), was two doses an hour
    apart with a red note in the dialog at most; the usual rule for a late dose is to skip it
    once it is nearer the next one. A dose typed for no time of the order (an extra dose) is
    weighed against those due from when it is given: weighed against doses given alone, it
    said nothing of the next dose due half an hour later. A dose on hold (`on_hold`, see
    `safety_warnings`) counts as one perhaps given, and is said so, as to an as-required dose:
    the 08:00 gram given on the laptop the patient came from, withdrawn here, was no dose at all
    to the 14:00 one given at 10:00, and its time read "not recorded yet". The nearest such dose
    is named. An order whose times are closer than `LEAST_TIME_APART` (one loaded from the EHR,
    or written before they were refused) is weighed as if they were that far apart: doses of
    "23:59 00:00" a minute apart raised no warning, half a minute being its spacing."""
    spacing = dose_spacing(order)
    if order.frequency is not Frequency.SCHEDULED or spacing is None:
        return []
    # The dose recorded for this time is weighed as already given elsewhere; two extra doses (for
    # no time) are two doses: 1 g of amoxicillin at 10:00 and again at 10:30 asked nothing.
    doses = [dose for dose in prn_given(order, [*history, *on_hold], ())
             if scheduled_for is None or not same_dose_time(dose.scheduled_for, scheduled_for)]
    close: list[tuple[timedelta, datetime, Administration | None]] = [
        (abs(elapsed.between(dose.at, at)), dose.scheduled_for or dose.at, dose) for dose in doses]
    held_times = [dose.scheduled_for for dose in doses if dose in on_hold]
    close += [(abs(elapsed.between(slot, at)), slot, None) for slot in open_slots
              if not any(same_dose_time(held, slot) for held in held_times)
              and (slot > scheduled_for if scheduled_for is not None else elapsed.instant(slot) >= elapsed.instant(at))]
    close = [found for found in close if found[0] < max(spacing, LEAST_TIME_APART) / 2]
    if not close:
        return []
    gap, slot, nearest = min(close, key=lambda found: found[0])
    values = {"slot": ward_time(slot, None), "drug": order.drug, "minutes": str(int(gap.total_seconds() // 60)),
              "hours": Number(spacing.total_seconds() / 3600)}
    given = nearest.at if nearest is not None else None
    if nearest is not None and nearest in on_hold:
        template = QT_TRANSLATE_NOOP("messages", "The {slot} dose of {drug} is on hold, perhaps given (another laptop "
                                                 "recorded it at {time}), {minutes} min from this one; the order's "
                                                 "doses are {hours} h apart.")
        values["time"] = ward_time(nearest.at, None)
    elif given is None and gap < timedelta(minutes=1):  # "due 0 min from this one"
        template = QT_TRANSLATE_NOOP("messages", "The {slot} dose of {drug} is due at the time of this one and is not "
                                                 "recorded yet; the order's doses are {hours} h apart.")
    elif given is None:
        template = QT_TRANSLATE_NOOP("messages", "The {slot} dose of {drug} is due {minutes} min from this one and is "
                                                 "not recorded yet; the order's doses are {hours} h apart.")
    elif gap < timedelta(minutes=1):
        template = QT_TRANSLATE_NOOP("messages", "The {slot} dose of {drug} is recorded as given at the time of this "
                                                 "one; the order's doses are {hours} h apart.")
    elif elapsed.instant(given) <= elapsed.instant(at):
        template = QT_TRANSLATE_NOOP("messages", "The {slot} dose of {drug} was given {minutes} min before this one; "
                                                 "the order's doses are {hours} h apart.")
    else:
        template = QT_TRANSLATE_NOOP("messages", "The {slot} dose of {drug} is recorded as given {minutes} min after "
                                                 "this one; the order's doses are {hours} h apart.")
    return [Warning(Check.DOSE_SPACING, template, values)]


# The interval's warning, by whose interval it is (an as-required dose's own order, with the
# nearest dose its own or another order's; or the as-required order a regular dose is weighed
# by) and where that dose stands (on hold and perhaps given; given before this dose, which is given
# now or, charted late, earlier; or after).
_INTERVAL: dict[tuple[Literal["own", "other", "as_required"], Literal["held", "before", "earlier", "after"]], str] = {
    ("own", "held"): QT_TRANSLATE_NOOP("messages", "A dose on hold, perhaps given (another laptop recorded it at "
                                                   "{time}), is {minutes} min from this one; the order allows one "
                                                   "every {hours} h."),
    ("own", "before"): QT_TRANSLATE_NOOP("messages", "Last dose was {minutes} min ago; the order allows one every "
                                                     "{hours} h."),
    ("own", "earlier"): QT_TRANSLATE_NOOP("messages", "A dose was given {minutes} min before this dose (last: {time}); "
                                                      "the order allows one every {hours} h."),
    ("own", "after"): QT_TRANSLATE_NOOP("messages", "A dose is recorded {minutes} min after this one; the order "
                                                    "allows one every {hours} h."),
    ("other", "held"): QT_TRANSLATE_NOOP("messages", "A dose of {order} on hold, perhaps given (another laptop "
                                                     "recorded it at {time}), is {minutes} min from this one; this "
                                                     "order allows a dose every {hours} h."),
    ("other", "before"): QT_TRANSLATE_NOOP("messages", "{order} was given {minutes} min ago from another order; this "
                                                       "order allows a dose every {hours} h."),
    ("other", "earlier"): QT_TRANSLATE_NOOP("messages", "{order} was given {minutes} min before this dose from another "
                                                        "order (last: {time}); this order allows a dose every {hours} h."),
    ("other", "after"): QT_TRANSLATE_NOOP("messages", "{order} is recorded as given {minutes} min after this dose "
                                                      "from another order; this order allows a dose every {hours} h."),
    ("as_required", "held"): QT_TRANSLATE_NOOP("messages", "A dose of {drug} as required on hold, perhaps given "
                                                           "(another laptop recorded it at {time}), is {minutes} min "
                                                           "from this one; that order allows a dose every {hours} h."),
    ("as_required", "before"): QT_TRANSLATE_NOOP("messages", "{drug} as required was given {minutes} min ago; that "
                                                             "order allows a dose every {hours} h."),
    ("as_required", "earlier"): QT_TRANSLATE_NOOP("messages", "{drug} as required was given {minutes} min before this "
                                                              "dose (last: {time}); that order allows a dose every "
                                                              "{hours} h."),
    ("as_required", "after"): QT_TRANSLATE_NOOP("messages", "{drug} as required is recorded {minutes} min after this "
                                                            "dose; that order allows a dose every {hours} h.")}


def _interval_warning(whose: Literal["own", "other", "as_required"], nearest: Administration, at: datetime,
                      on_hold: Sequence[Administration], late: bool, values: dict[str, str | Number]) -> Warning:
    """The interval's warning for the nearest dose within it (see `_INTERVAL`): one on hold is
    said as perhaps given, with the time another laptop recorded it at. One before a dose not
    given now (`late`: charted from paper at 07:00, given at 02:30) is said before this dose,
    with its time: "Last dose was 95 min ago" read as a dose given at 05:25."""
    if nearest in on_hold:
        return Warning(Check.PRN_INTERVAL, _INTERVAL[whose, "held"], {**values, "time": ward_time(nearest.at, None)})
    if elapsed.instant(nearest.at) > elapsed.instant(at):
        return Warning(Check.PRN_INTERVAL, _INTERVAL[whose, "after"], values)
    if late:
        return Warning(Check.PRN_INTERVAL, _INTERVAL[whose, "earlier"], {**values, "time": ward_time(nearest.at, None)})
    return Warning(Check.PRN_INTERVAL, _INTERVAL[whose, "before"], values)


def _prn_warnings(order: Order, at: datetime, amount: float, given: Sequence[Administration],
                  names: Mapping[str, str], orders: Mapping[str, Order],
                  on_hold: Sequence[Administration] = (), late: bool = False) -> list[Warning]:
    """The interval and the daily maximum, judged against the doses on both sides of this one:
    after an outage doses are back-entered out of order, and a forgotten 11:00 dose typed after
    the 12:00 one is as close to it as the other way round. A dose of another order (`names`:
    each with its name as the chart heads it) is named: "Last dose was 60 min ago" before the
    first dose of co-codamol, the hour-old dose being paracetamol's, said nothing the nurse
    could find on the co-codamol line. A dose on hold (`on_hold`, see `safety_warnings`) counts
    as one perhaps given, and is said so. `amount`: this dose's, in the order's unit; `orders`:
    those of the doses, by id (see `_beyond_daily_maximum`); `late`: see `_interval_warning`."""
    warnings = []
    if order.min_interval_hours is not None and (given or on_hold):
        nearest = min([*given, *on_hold], key=lambda dose: abs(elapsed.between(dose.at, at)))
        gap = abs(elapsed.between(nearest.at, at))
        if gap < timedelta(hours=order.min_interval_hours):
            values = {"minutes": str(int(gap.total_seconds() // 60)), "hours": Number(order.min_interval_hours)}
            other = names.get(nearest.order_id) if nearest.order_id != order.record_id else None
            if other is not None:
                values["order"] = other
            warnings.append(_interval_warning("own" if other is None else "other", nearest, at, on_hold, late, values))
    if order.max_doses_24h is not None:
        warnings += _beyond_daily_maximum(order, order, "own", at, amount, given, names, orders, on_hold)
    return warnings


# The daily maximum's warning, by whether doses on hold and doses of other orders are among those counted.
_DAILY_MAXIMUM = {
    (False, False): QT_TRANSLATE_NOOP("messages", "With this dose, {count} doses fall within 24 h; {allowed}."),
    (False, True): QT_TRANSLATE_NOOP("messages", "With this dose, {count} doses fall within 24 h; {allowed}. Given "
                                                 "from another order: {doses}."),
    (True, False): QT_TRANSLATE_NOOP("messages", "With this dose, {count} doses fall within 24 h, {held} of them on "
                                                 "hold and perhaps given; {allowed}."),
    (True, True): QT_TRANSLATE_NOOP("messages", "With this dose, {count} doses fall within 24 h, {held} of them on "
                                                "hold and perhaps given; {allowed}. Given from another order: {doses}.")}


# Whose daily maximum a dose is beyond, by whose it is (an as-required dose's own order's, or the
# as-required order a regular dose is counted against) and whether it counts the amount given.
_ALLOWED = {
    ("own", False): QT_TRANSLATE_NOOP("messages", "the order allows at most {limit}"),
    ("as_required", False): QT_TRANSLATE_NOOP("messages", "{drug} as required allows at most {limit}"),
    ("own", True): QT_TRANSLATE_NOOP("messages", "the order allows at most {most} {unit} ({limit} × {dose} "
                                                 "{dose_unit}), and they come to {amount} {unit}"),
    ("as_required", True): QT_TRANSLATE_NOOP("messages", "{drug} as required allows at most {most} {unit} ({limit} × "
                                                         "{dose} {dose_unit}), and they come to {amount} {unit}")}
# Units of mass, in milligrams: a day's amount of a medicine given in grams from one order and in
# milligrams from another is added up in one of them.
MASS_IN_MG = {"g": 1000.0, "mg": 1.0, "microgram": 0.001}
ML = "mL"
"""The order form's unit of volume, which a liquid's strength turns into mg (`content_mg`)."""
TABLET = "tablet"
"""The order form's unit of a tablet or a capsule ("tablet(s)", "comprimé(s)"), whose content its
medicine's name writes (`content_mg`)."""
UNITS = "units"
"""The order form's units (IU), which a medicine's own figure turns into mg (`Rule.mg_per_unit`)."""


def amount_in(amount: float, source: Order, limiting: Order) -> float | None:
    """An amount of `source`'s medicine, in its unit, as so much of `limiting`'s unit; None when
    it cannot be: another medicine or combination (two tablets of co-codamol are not so many
    milligrams of paracetamol), or a unit of no weight to convert (tablets, mL beside mg)."""
    if medicines_in(source.drug) != medicines_in(limiting.drug):
        return None
    if source.dose_unit == limiting.dose_unit:
        return amount
    if source.dose_unit in MASS_IN_MG and limiting.dose_unit in MASS_IN_MG:
        return amount * MASS_IN_MG[source.dose_unit] / MASS_IN_MG[limiting.dose_unit]
    return None


def dose_amount(dose: Administration, orders: Mapping[str, Order], limiting: Order) -> float | None:
    """How much of `limiting`'s unit a dose given was (see `amount_in`), its order among `orders`
    (by id): None when it cannot be said, or its order is not there."""
    source = orders.get(dose.order_id)
    if source is None:
        return None
    return amount_in(dose.dose if dose.dose is not None else source.dose, source, limiting)


def unit_read(amount: float, unit: str) -> tuple[str, float]:
    """The unit a nurse reads an amount in, and what one of `unit` is in it: 4000 mg in g, 0.5 mg
    in microgram; an amount of another unit in its own."""
    if unit not in MASS_IN_MG:
        return unit, 1.0
    milligrams = amount * MASS_IN_MG[unit]
    read = "g" if milligrams >= 1000 else "mg" if milligrams >= 1 else "microgram"
    return read, MASS_IN_MG[unit] / MASS_IN_MG[read]


def days_around(at: datetime, doses: Sequence[Administration]) -> list[list[Administration]]:
    """The doses of each 24 hours a dose at `at` falls in, from `at` or from one of `doses` in the
    day before it (a maximum is reached in one of them first): after an outage doses are
    back-entered out of order, so the 24 hours after a dose count as those before. The hours are
    real ones, whatever clock `at` is on (see `elapsed`)."""
    at = elapsed.instant(at)
    return [[dose for dose in doses if start <= dose.at < start + DAY]
            for start in [at, *(elapsed.instant(dose.at) for dose in doses if at - DAY < dose.at <= at)]]


def _beyond_daily_maximum(order: Order, limiting: Order, whose: Literal["own", "as_required"], at: datetime,
                          amount: float, given: Sequence[Administration], names: Mapping[str, str],
                          orders: Mapping[str, Order], on_hold: Sequence[Administration] = ()) -> list[Warning]:
    """Whether a dose of `order` at `at` (`amount` of it, in its unit) makes more than `limiting`'s
    daily maximum in some 24 hours it falls in (`whose` maximum: see `_ALLOWED`): after an outage
    doses are back-entered out of order, so the 24 hours after it count as those before. Doses
    on hold (see `safety_warnings`) count, and are said to; those given from another order are
    named (`names`: each order as the chart heads it) with their times: "5 doses fall within 24 h"
    before the regular paracetamol gram, three of them from co-codamol as required, sent the
    nurse to a chart line that held two.

    Counted in doses, the maximum let the medicine's amount past it when the doses of another
    order were bigger: after the four regular grams of a day, 500 mg as required (at most 8 in
    24 h, 4 g) was a fifth dose of eight, and 4.5 g with nothing said. So once the doses are
    within the count, the amount given is weighed against the amount the maximum allows (its
    dose times its count), a dose whose amount cannot be said in its unit (two co-codamol tablets,
    see `amount_in`; `orders`: the doses' orders, by id) counted as one of its doses: one such
    dose in the day switched the whole weighing off, and 4.5 g of paracetamol went by unsaid."""
    limit = limiting.max_doses_24h or 0
    counted = [*given, *on_hold]
    at = elapsed.instant(at)  # the 24 hours are real ones, whatever clock `at` is on
    windows = days_around(at, counted)
    day = max(windows, key=len)
    if len(day) >= limit:
        allowed = Phrase(_ALLOWED[whose, False], {"limit": limit, "drug": limiting.drug})
    else:
        one_dose = limiting.dose
        this = amount_in(amount, order, limiting)
        this = one_dose if this is None else this
        amounts = {dose.record_id: one_dose if (value := dose_amount(dose, orders, limiting)) is None else value
                   for dose in counted if at - DAY < dose.at < at + DAY}
        day = max(windows, key=lambda doses: sum(amounts[dose.record_id] for dose in doses))
        total, most = this + sum(amounts[dose.record_id] for dose in day), limiting.dose * limit
        if total <= most * (1 + 1e-9):
            return []
        unit, scale = unit_read(most, limiting.dose_unit)
        allowed = Phrase(_ALLOWED[whose, True], {
            "limit": limit, "drug": limiting.drug, "most": Number(most * scale), "unit": unit,
            "dose": Number(limiting.dose), "dose_unit": limiting.dose_unit, "amount": Number(total * scale)})
    held = sum(dose in on_hold for dose in day)
    others: dict[str, list[datetime]] = {}
    for dose in sorted(day, key=given_instant):
        if dose not in on_hold and dose.order_id != order.record_id and dose.order_id in names:
            others.setdefault(dose.order_id, []).append(dose.at)
    values: dict[str, str | Number | Phrase | Listed] = {"count": str(len(day) + 1), "allowed": allowed}
    if held:
        values["held"] = str(held)
    if others:
        values["doses"] = Listed(tuple(f"{', '.join(ward_time(moment, None) for moment in moments)} ({names[order_id]})"
                                       for order_id, moments in others.items()))
    return [Warning(Check.PRN_DAILY_MAX, _DAILY_MAXIMUM[bool(held), bool(others)], values)]


def within_as_required_maximum(order: Order, at: datetime, amount: float, as_required: Sequence[Order],
                               names: Mapping[str, str], orders: Mapping[str, Order], given: Sequence[Administration],
                               on_hold: Sequence[Administration] = ()) -> list[Warning]:
    """A dose not as required counted with every dose of its medicine (`given`: all its orders')
    against the daily maximum of an as-required order of that medicine running in the 24 hours
    before it: paracetamol as required at 22:00 and 02:00, then the regular grams of 06:00, 12:00
    and 18:00, were five grams in 20 hours with nothing said, the maximum counted only when an
    as-required dose was given. The strictest maximum is the one said, naming its order ("the
    order allows at most 4" read as the regular order's, which has none); doses of other orders
    are named, and those on hold (`on_hold`, as `given`) counted as perhaps given, as for an
    as-required dose (see `_beyond_daily_maximum`, which `amount` and `orders` are for)."""
    limits = [(prn.max_doses_24h, prn) for prn in as_required if prn.max_doses_24h is not None
              and prn.start_at <= at and (prn.stop_at is None or prn.stop_at > elapsed.earlier(at, DAY))]
    if not limits:
        return []
    _, strictest = min(limits, key=lambda found: found[0])
    return _beyond_daily_maximum(order, strictest, "as_required", at, amount, given, names, orders, on_hold)


_LIMITED = {next(iter(medicines_in(name))): rule for name, rule in RULES.items()}
"""`dose_limits.RULES` by medicine as `medicines_in` names it ("codein")."""
_PARACETAMOL = next(iter(medicines_in("paracetamol")))


PER_TABLET_MG: dict[str, dict[str, float]] = {
    # Paracetamol 400 mg, codeine 20 mg, caffeine 50 mg (ANSM).
    "prontalgine": {"paracetamol": 400.0, "codeine": 20.0},
    # A capsule: paracetamol 300 mg, opium powder 10 mg, caffeine 30 mg (ANSM).
    "lamaline": {"paracetamol": 300.0},
    # Paracetamol 500 mg in each (BNF): Plus with codeine 8 mg and caffeine 30 mg, Max with
    # codeine 12.8 mg, Headache with caffeine 65 mg alone; the codeine is counted only when the
    # name writes its strength (`_per_tablet`).
    "solpadeine": {"paracetamol": 500.0},
    # Paracetamol 500 mg and codeine 8 mg, the pink tablet with buclizine 6.25 mg (BNF).
    "migraleve": {"paracetamol": 500.0, "codeine": 8.0},
}
"""What a tablet of a product of three medicines gives of each with limits, by the product's
name as `PRODUCTS` has it: its strengths cannot be told apart by their size (Prontalgine's
caffeine 50 mg is more than its codeine 20 mg), and its paracetamol, left out, took a day's
4 g to 4.8 g unsaid."""
_PER_TABLET = {_words(product): {next(iter(medicines_in(name))): mg for name, mg in content.items()}
               for product, content in PER_TABLET_MG.items()}
UNCOUNTED_MG: dict[str, tuple[float, ...]] = {"solpadeine": (30.0, 65.0)}
"""The strengths a product of `PER_TABLET_MG` may write of a medicine without limits, its caffeine
(BNF), by the product's name: none of them is its codeine (`_per_tablet`); "Solpadeine Plus 500
mg/8 mg/30 mg", as the pack says, left its codeine out."""
_UNCOUNTED = {_words(product): strengths for product, strengths in UNCOUNTED_MG.items()}


_CODEINE = next(iter(medicines_in("codeine")))
OPIOID_MG = (8.0, 60.0)
"""The strengths, in mg, of a combination tablet's opioid (`content_mg`)."""


def _per_tablet(drug: str, written: Sequence[float]) -> dict[str, float] | None:
    """The content of a tablet of the one product of `PER_TABLET_MG` that `drug` names, when the
    strengths its name writes (`written`) are none or include each of it: none when they say
    another form (a suppository's strengths), never guessed. Its codeine, when the table leaves it
    out, from the one strength written besides the table's and its caffeine's (`UNCOUNTED_MG`),
    in `OPIOID_MG`: "Solpadeine Max 500 mg/12.8 mg" counted its paracetamol, not the codeine its
    name states."""
    words = _words(drug)
    found = [product for product in _PER_TABLET
             if any(words[start:start + len(product)] == product for start in range(len(words)))]
    if len(found) != 1:
        return None
    content = _PER_TABLET[found[0]]
    if written and not all(any(abs(mg - one) <= 1e-9 for one in written) for mg in content.values()):
        return None
    known = (*content.values(), *_UNCOUNTED.get(found[0], ()))
    rest = [mg for mg in written if not any(abs(mg - one) <= 1e-9 for one in known)]
    if _CODEINE not in content and _CODEINE in medicines_in(drug) and len(rest) == 1 \
            and OPIOID_MG[0] <= rest[0] <= OPIOID_MG[1]:
        return {**content, _CODEINE: rest[0]}
    return content


def content_mg(order: Order, amount: float) -> dict[str, float]:
    """The milligrams of each medicine with limits (`_LIMITED`) that `amount` of `order`, in its
    unit, gives: a single medicine's by its weight (g, mg, microgram); a tablet's by the strengths
    its name writes (`strengths_mg`: "Paracetamol 500 mg", "Co-codamol 30/500"), paracetamol
    being the larger of a combination's two (300 to 1000 mg a tablet, its opioid 8 to 60 mg:
    "Dafalgan codéiné 500 mg/30 mg" and "Ixprim 37,5/325" write it first or last); a product of
    three medicines' by its table (`PER_TABLET_MG`: Prontalgine, Lamaline); a single
    medicine's volume by the liquid's strength the order states (`Order.mg_per_ml`: 20 mL of
    120 mg in 5 mL is 480 mg, as a 12 kg child's 480 mg in mg was refused and in mL was not). A
    content not read so (a combination in mg or mL, a tablet whose name writes no strength, a
    volume of no stated strength) is left out, never guessed. A dose in units, of a medicine whose
    units say its mg (`Rule.mg_per_unit`: enoxaparin's 100 IU a mg), by them."""
    found = medicines_in(order.drug)
    written = strengths_mg(order.drug) if order.dose_unit == TABLET else None
    if not found & _LIMITED.keys():
        return {}
    if order.dose_unit in MASS_IN_MG and len(found) == 1:
        each = {next(iter(found)): MASS_IN_MG[order.dose_unit]}
    elif order.dose_unit == ML and order.mg_per_ml is not None and len(found) == 1:
        each = {next(iter(found)): order.mg_per_ml}
    elif order.dose_unit == UNITS and len(found) == 1 and (medicine := next(iter(found))) in _LIMITED \
            and (per_unit := _LIMITED[medicine].mg_per_unit) is not None:
        each = {medicine: per_unit}
    elif written is not None and (per_tablet := _per_tablet(order.drug, written)) is not None:
        each = per_tablet
    elif written and len(written) == len(found) == 1:
        each = {next(iter(found)): written[0]}
    elif written and len(written) == len(found) == 2 and _PARACETAMOL in found:
        each = {_PARACETAMOL: max(written), next(iter(found - {_PARACETAMOL})): min(written)}
    else:
        return {}
    return {medicine: amount * mg for medicine, mg in each.items() if medicine in _LIMITED}


# The warnings of a medicine's limits (`beyond_dose_limits`): a dose too close to another, by
# whether that one is on hold and perhaps given; a dose above the most in one dose and in 24
# hours, by whether it is the patient's weight that makes it so; a child never weighed.
_TOO_CLOSE = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: a dose was given {minutes} min from this one ({time}, {order}); "
                                         "its doses are at least {hours} h apart."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: a dose on hold, perhaps given (another laptop recorded it at "
                                        "{time}, {order}), is {minutes} min from this one; its doses are at least "
                                        "{hours} h apart.")}
_ONE_DOSE = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} {unit} in one dose is above the most for one dose "
                                         "({most} {unit})."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} {unit} in one dose is above the most for one dose "
                                        "({most} {unit} for {weight}, {per_kg} mg/kg).")}
_A_DAY = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: with this dose, {amount} {unit} within 24 h; at most {most} "
                                         "{unit} in 24 h. Counted: {doses}."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: with this dose, {amount} {unit} within 24 h; at most {most} "
                                        "{unit} in 24 h for {weight} ({per_kg} mg/kg). Counted: {doses}.")}
_COUNTED = {
    "given": QT_TRANSLATE_NOOP("messages", "{time}: {amount} {unit} ({order})"),
    "held": QT_TRANSLATE_NOOP("messages", "{time}: {amount} {unit} ({order}), on hold, perhaps given"),
    "this": QT_TRANSLATE_NOOP("messages", "{time}: {amount} {unit}, this dose")}
_WEIGH: dict[Weighed, str] = {
    "child": QT_TRANSLATE_NOOP("messages", "{medicine} is dosed by weight under 18, and no weight is recorded this "
                                           "stay: weigh the patient and check the dose (at most {per_dose} mg/kg a "
                                           "dose, {per_day} mg/kg in 24 h)."),
    "adult": QT_TRANSLATE_NOOP("messages", "{medicine} is dosed by weight, and no weight is recorded this stay: weigh "
                                           "the patient and check the dose (at most {per_dose} mg/kg a dose, {per_day} "
                                           "mg/kg in 24 h)."),
    "band": QT_TRANSLATE_NOOP("messages", "{medicine} by this route is dosed by weight under {kg} kg, and no weight is "
                                          "recorded this stay: weigh the patient and check the dose (under {kg} kg, "
                                          "at most {per_dose} mg/kg a dose, {per_day} mg/kg in 24 h).")}
"""By why the patient is asked to be weighed (`dose_limits.weighed_by`)."""
_NOT_UNDER = QT_TRANSLATE_NOOP("messages", "{medicine} is never given under {years} years, and the patient is {age} "
                                           "old: children who turn it into morphine fast have stopped breathing on "
                                           "usual doses (MHRA, ANSM 2013). Do not give it; ask the prescriber for "
                                           "another analgesic.")
_NOT_USUALLY_UNDER = QT_TRANSLATE_NOOP("messages", "{medicine} by this route is not usually given to a baby under "
                                                   "{months} months old or under {kg} kg (ANSM, BNFc): check with the "
                                                   "prescriber that it is meant before giving it.")
_SAID_TOO_CLOSE = frozenset({Check.PRN_INTERVAL, Check.DOSE_SPACING, Check.ALREADY_GIVEN})
"""The warnings that already question a dose for being too close to another: the medicine's own
interval is not said again beside them, nor its 24 hours' maximum beside an order's
(`Check.PRN_DAILY_MAX`, which names the doses and their amount too)."""


def beyond_dose_limits(order: Order, at: datetime, amount: float, doses: Sequence[Administration],
                       on_hold: Sequence[Administration], orders: Mapping[str, Order], names: Mapping[str, str],
                       age: int | None, kg: float | None, said: Collection[Check] = (), *,
                       days: int | None = None, ideal_kg: float | None = None,
                       months: int | None = None) -> list[Warning]:
    """A dose of a medicine with limits (`dose_limits.RULES`) weighed against them for this
    patient (`age`, `kg`: see `limit_for`), whatever its order says, with the doses of that
    medicine from every order (`doses`, and `on_hold` perhaps given; `orders`: theirs by id,
    `names` as the chart heads them): regular paracetamol 1 g four times a day and a once-only
    gram at 09:00 were 5 g in a day, a gram every 4 hours to a 42 kg woman 95 mg/kg, and an
    adult's gram to an 18 kg child 55 mg/kg, with nothing said; by the order's route (paracetamol
    by vein for a baby of 10 kg or less, 7.5 mg/kg a dose: `limit_for`); codeine to a child under 12 (an
    order loaded from the EHR, or written before the birth date was corrected); a medicine not
    usually given younger than `months` old (None: not known) or lighter by the order's route
    (`too_small`: oral ibuprofen to a 6-week-old, whose order was written when a mistyped birth
    year made her 1, went unquestioned at the bedside). `amount`: this dose's, in its
    order's unit; `said`: the checks the dose is already questioned by (see `_SAID_TOO_CLOSE`);
    `days`: the patient's age in days (None: not known), a neonate's doses held in its first 28
    (gentamicin 5 mg/kg, not a child's 7, as the order was weighed when written); `ideal_kg`: an
    adult's ideal weight (None: no height recorded), an obese adult's gentamicin weighed by the
    adjusted weight, as the order was. A dose of an order given once a day is held to the
    medicine's interval for such doses too (`Rule.daily_interval`: gentamicin's 430 mg daily at
    08:00 was given 14 h after the 18:00 stat dose with nothing said)."""
    warnings: list[Warning] = []
    content = content_mg(order, amount)
    once_a_day = order.frequency is Frequency.ONCE \
        or (order.frequency is Frequency.SCHEDULED and len(order.times) == 1)
    for medicine in sorted(medicines_in(order.drug) & _LIMITED.keys()):
        limit = limit_for(_LIMITED[medicine], age, kg, order.route, days, ideal_kg)
        if too_young(limit.rule, age):
            young = limit.rule.from_words
            warnings.append(Warning(Check.NOT_FOR_AGE, young.bedside if young else _NOT_UNDER, {
                "medicine": Phrase(limit.rule.name), "years": str(limit.rule.from_years),
                "age": age_said(age, days, at.date())}))
        if too_small(limit.rule, months, kg, order.route):
            young = limit.rule.from_words
            warnings.append(Warning(Check.NOT_FOR_AGE, young.bedside if young else _NOT_USUALLY_UNDER, {
                "medicine": Phrase(limit.rule.name), "months": Number(limit.rule.from_months or 0),
                "kg": Number(limit.rule.from_kg or 0)}))
        given = [dose for dose in [*doses, *on_hold] if dose.outcome is Outcome.GIVEN and dose.order_id in orders
                 and medicine in medicines_in(orders[dose.order_id].drug)]
        if limit.weigh and not given_unweighed(limit.rule, content.get(medicine), age):
            warnings.append(Warning(Check.MAXIMUM_DOSE, _WEIGH[weighed_by(limit, age)], {
                "medicine": Phrase(limit.rule.name), "per_dose": Number(limit.dose_mg_kg or 0),
                "per_day": Number(limit.day_mg_kg or 0), "kg": Number(limit.up_to_kg or 0)}))
        interval = limit.rule.interval or (limit.rule.daily_interval if once_a_day else None)
        if not _SAID_TOO_CLOSE & set(said):
            warnings += _too_close(limit, interval, at, given, on_hold, orders, names)
        if medicine in content:
            warnings += _above_one_dose(limit, content[medicine])
        if medicine in content and Check.PRN_DAILY_MAX not in said:
            warnings += _above_a_day(limit, medicine, at, content[medicine], given, on_hold, orders, names)
    return warnings


YEARS = QT_TRANSLATE_NOOP("messages", "{count} years")


def age_said(age: int, days: int | None, on: date) -> Phrase:
    """A patient's `age` as a message about their medicines says it: in words (domain.age.age_words)
    from the `days` they are old on `on` when known, a baby's "7 months", not "0"; in years
    otherwise. Their days are what an order's and a dose's rules are given (a neonate's doses)."""
    return Phrase(YEARS, {"count": age}) if days is None else age_words(on - timedelta(days=days), on)


def has_dose_limits(drug: str) -> bool:
    """Whether a medicine ordered so has limits of its own (`dose_limits.RULES`), which the
    patient's age and weight are read for: most have none."""
    return bool(medicines_in(drug) & _LIMITED.keys())


def limits_of(drug: str) -> dict[str, Rule]:
    """The limits (`dose_limits.RULES`) of each medicine of `drug` that has some, by medicine
    as `medicines_in` names it: an order is weighed against them when written (domain.order_units)."""
    return {medicine: _LIMITED[medicine] for medicine in medicines_in(drug) & _LIMITED.keys()}


def _medicine_intervals(order: Order) -> set[timedelta]:
    """How far apart the doses of each medicine of `order` with limits must be, whatever the order says."""
    return {rule.interval for medicine in medicines_in(order.drug) & _LIMITED.keys()
            if (rule := _LIMITED[medicine]).interval is not None}


def _next_allowed(order: Order, moments: Sequence[datetime], given: Sequence[Administration],
                  on_hold: Sequence[Administration], orders: Mapping[str, Order], names: Mapping[str, str],
                  age: int | None, kg: float | None, days: int | None,
                  ideal_kg: float | None) -> tuple[datetime, list[Warning]]:
    """The first of `moments` (in order, the first `at`) at which a dose of `order` is questioned
    neither by its order (`_prn_warnings`) nor by its medicine (`beyond_dose_limits`), but for
    what the medicine's limits say of the dose with no other given (a child's dose above the most
    for one: no wait clears it, and Save says it), with what questioned it at the moment before
    (nothing when it is the first). Only the doses within a day of `moments` are weighed by the
    medicine's limits, which look no further: the dialog asks this at each keystroke of the time,
    and a stay's doses are weeks of them. The last moment is a day past every dose: one is found."""
    alone = {warning.template for warning in beyond_dose_limits(order, moments[0], order.dose, (), (), orders, names,
                                                                 age, kg, days=days, ideal_kg=ideal_kg)}

    def near(doses: Sequence[Administration]) -> list[Administration]:
        return [dose for dose in doses if moments[0] - DAY < elapsed.instant(dose.at) < moments[-1] + DAY]

    given_near, held_near = near(given), near(on_hold)

    def questioned(moment: datetime) -> list[Warning]:
        return _prn_warnings(order, moment, order.dose, as_boluses(order, given, orders), {}, orders,
                             as_boluses(order, on_hold, orders)) or [
            warning for warning in beyond_dose_limits(order, moment, order.dose, given_near, held_near, orders, names,
                                                      age, kg, days=days, ideal_kg=ideal_kg)
            if warning.template not in alone]

    judged = ((moment, questioned(moment)) for moment in moments)
    return next((moment, before) for (_, before), (moment, said) in pairwise(chain([(moments[0], [])], judged))
                if not said)


# What holds the next dose of an as-required order back, when it is its medicine's own limit
# (see `AsRequiredStatus.held_by`): its interval from a dose, or its 24 hours' maximum, by
# whether it is the patient's weight that makes it so.
_HELD_BY_INTERVAL = QT_TRANSLATE_NOOP("messages", "{medicine}: at least {hours} h after the {time} dose ({order})")
_HELD_BY_A_DAY = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: at most {most} {unit} in 24 h"),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: at most {most} {unit} in 24 h for {weight} ({per_kg} mg/kg)")}


def _held_by(said: Sequence[Warning]) -> Phrase | None:
    """The medicine's limit among the warnings that held a dose back (see `_next_allowed`), in
    the words of the limit rather than of a dose at that moment; None when the order's did."""
    for warning in said:
        if warning.check is Check.MEDICINE_INTERVAL:
            return Phrase(_HELD_BY_INTERVAL, {key: warning.values[key] for key in ("medicine", "hours", "time", "order")})
        if warning.template in _A_DAY.values():
            by_weight = warning.template == _A_DAY[True]
            keys = ("medicine", "most", "unit", "weight", "per_kg") if by_weight else ("medicine", "most", "unit")
            return Phrase(_HELD_BY_A_DAY[by_weight], {key: warning.values[key] for key in keys})
    return None


def _order_named(dose: Administration, orders: Mapping[str, Order], names: Mapping[str, str]) -> str:
    return names.get(dose.order_id) or orders[dose.order_id].drug


def _too_close(limit: Limit, interval: timedelta | None, at: datetime, given: Sequence[Administration],
               on_hold: Sequence[Administration], orders: Mapping[str, Order],
               names: Mapping[str, str]) -> list[Warning]:
    """A dose closer than the medicine's `interval` (None: none) to another of its doses, before
    or after, of any order: half the spacing of a regular order (`given_from_other_orders`) let a
    once-only gram of paracetamol 3 hours after the 06:00 one, and the 12:00 one 3 hours after it,
    pass."""
    close = [(gap, dose) for dose in given if interval is not None and (gap := abs(elapsed.between(dose.at, at))) < interval]
    if interval is None or not close:
        return []
    gap, nearest = min(close, key=lambda found: found[0])
    return [Warning(Check.MEDICINE_INTERVAL, _TOO_CLOSE[nearest in on_hold], {
        "medicine": Phrase(limit.rule.name), "minutes": str(int(gap.total_seconds() // 60)),
        "time": ward_time(nearest.at, None), "order": _order_named(nearest, orders, names),
        "hours": Number(interval.total_seconds() / 3600)})]


def _above_one_dose(limit: Limit, mg: float) -> list[Warning]:
    """One dose above the most for one, a child's by their weight (15 mg/kg of paracetamol)."""
    if limit.dose_mg is None or mg <= limit.dose_mg * (1 + 1e-9):
        return []
    by_weight = limit.dose_mg_kg is not None and limit.dose_mg < (limit.rule.dose_mg or float("inf"))
    unit, scale = unit_read(limit.dose_mg, "mg")
    values: dict[str, str | Number | Phrase | Listed] = {
        "medicine": Phrase(limit.rule.name), "dose": Number(mg * scale), "most": Number(limit.dose_mg * scale),
        "unit": unit}
    if by_weight:
        values |= {"weight": limit.weight or "", "per_kg": Number(limit.dose_mg_kg or 0)}
    return [Warning(Check.MAXIMUM_DOSE, _ONE_DOSE[by_weight], values)]


def _above_a_day(limit: Limit, medicine: str, at: datetime, mg: float, given: Sequence[Administration],
                 on_hold: Sequence[Administration], orders: Mapping[str, Order],
                 names: Mapping[str, str]) -> list[Warning]:
    """More of the medicine than it allows in some 24 hours the dose falls in (`days_around`),
    each dose by what it gives (`content_mg`: a dose whose content cannot be read is left out),
    every dose counted named with its time and order."""
    amounts = {dose.record_id: value for dose in given if (value := content_mg(
        orders[dose.order_id], dose.dose if dose.dose is not None else orders[dose.order_id].dose).get(medicine)) is not None}
    day = max(days_around(at, [dose for dose in given if dose.record_id in amounts]),
              key=lambda doses: sum(amounts[dose.record_id] for dose in doses))
    total = mg + sum(amounts[dose.record_id] for dose in day)
    if total <= limit.day_mg * (1 + 1e-9):
        return []
    by_weight = limit.day_mg_kg is not None and limit.day_mg < limit.rule.day_mg
    unit, scale = unit_read(mg, "mg")  # as this dose reads: a child's 270 mg doses were "0.27 g"
    counted = [(elapsed.instant(dose.at), Phrase(_COUNTED["held" if dose in on_hold else "given"], {
        "time": ward_time(dose.at, None), "amount": Number(amounts[dose.record_id] * scale), "unit": unit,
        "order": _order_named(dose, orders, names)})) for dose in day]
    counted.append((elapsed.instant(at), Phrase(_COUNTED["this"], {
        "time": ward_time(at, None), "amount": Number(mg * scale), "unit": unit})))
    values: dict[str, str | Number | Phrase | Listed] = {
        "medicine": Phrase(limit.rule.name), "amount": Number(total * scale), "most": Number(limit.day_mg * scale),
        "unit": unit, "doses": Listed(tuple(said for _, said in sorted(counted, key=lambda found: found[0])))}
    if by_weight:
        values |= {"weight": limit.weight or "", "per_kg": Number(limit.day_mg_kg or 0)}
    return [Warning(Check.MAXIMUM_DOSE, _A_DAY[by_weight], values)]


# The letter written (and circled) on a paper chart for a dose not given, in the ward's
# language: the letter the nurse picks in the dose form ("J — À jeun") is the one the chart
# shows (tests/test_medication.py holds the form's labels to these).
NOT_GIVEN_CODES: dict[Lang, dict[NotGivenReason, str]] = {
    "en": {NotGivenReason.REFUSED: "R", NotGivenReason.NIL_BY_MOUTH: "F", NotGivenReason.PATIENT_AWAY: "A",
           NotGivenReason.UNAVAILABLE: "N", NotGivenReason.HELD: "W", NotGivenReason.VOMITED: "V",
           NotGivenReason.ASLEEP: "D", NotGivenReason.OTHER: "O", NotGivenReason.BY_RULE: "Z"},
    "fr": {NotGivenReason.REFUSED: "R", NotGivenReason.NIL_BY_MOUTH: "J", NotGivenReason.PATIENT_AWAY: "A",
           NotGivenReason.UNAVAILABLE: "N", NotGivenReason.HELD: "S", NotGivenReason.VOMITED: "V",
           NotGivenReason.ASLEEP: "D", NotGivenReason.OTHER: "O", NotGivenReason.BY_RULE: "Z"}}


def clock_text(moment: datetime) -> str:
    """The moment's "HH:MM" on its own clock, as a chart writes a time: strftime takes eight
    times as long, and a ward's MAR pack writes a few thousand."""
    return moment.time().isoformat("minutes")


COVERT_MARK: dict[Lang, str] = {"en": "C", "fr": "C"}
"""Written after a dose's time in its chart cell when it was given covertly (`dose_text`): the
chart said "HL 14:00" alike of a dose disguised in yoghurt and of one taken openly."""


def dose_text(dose: Administration, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
              when: str | None = None, zone: tzinfo | None = None) -> str:
    """A chart cell: giver's initials and time (and witness), or the circled not-given code;
    `authors` and `laptops` name them (Authors.initials: another laptop's as "nurse@002").
    A dose not given says when, as one given does, unless that is its time of the order, which
    its row says: "(R) HL" alone, on the chart's as-required line and the printed list, said
    nothing of when it was refused; nor, in the 10:00 row, that the patient refused at 10:05 and
    took it at 10:45 ("(R) HL 10:05; HL 10:45"), nor that a dose was held at 07:00 for the 14:00
    round. `when`: its time as the printed chart's
    as-required line writes it, with its day and, in the hour the clocks go back, its offset
    (pdf.page.ward_clock); else its time of day alone, with its day when that is not its
    scheduled time's: the 22:00 dose given at 00:30 read "HL 00:30" in the 28/11 column, 21 hours
    before its time to the clerk back-entering it; and with its offset where the ward's clock
    (`zone`, None: not said) reads it twice (domain.clock.said_twice): ondansetron due at the
    first 02:00 and given at the second 02:10 read "02:00 HL 02:10", ten minutes late, when it was
    seventy. A dose given covertly is marked after its time (`COVERT_MARK`: "HL 14:00 C")."""
    who = authors.initials(dose.given_by, dose.device_id, laptops)
    if when is None:
        next_day = dose.scheduled_for is not None and (
            dose.scheduled_for.astimezone(dose.at.tzinfo).date() != dose.at.date())
        when = f"{dose.at:%d/%m} {clock_text(dose.at)}" if next_day else clock_text(dose.at)
        if zone is not None:
            when += said_twice(dose.at, zone)
    if dose.reason is not None:
        code = f"({NOT_GIVEN_CODES[lang][dose.reason]}) {who}"
        return code if dose.at == dose.scheduled_for else f"{code} {when}"
    text = f"{who} {when}" + (f" {COVERT_MARK[lang]}" if dose.covertly else "")
    if dose.witness:
        text += f" / {authors.initials(dose.witness, dose.device_id, laptops)}"
    return text

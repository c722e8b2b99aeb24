"""A patient's capillary blood glucose readings, each with what it asks of the nurse now
(domain.glucose; the third hypo in a row, the doctor called), and when the next is due: a hypo's
recheck within 15 minutes of the low reading, else as the reading planned (hourly on an insulin
infusion); overdue once that time has passed with no reading since. Ketones of 0.6 or more are
asked again until a later reading measures them (those below 1.5 due 2 hours on, then overdue),
and the handover tells the day's hypos once rechecked.
An insulin given is questioned on the chart: its latest reading a hypo, or none in the hour (the
day for a basal insulin) before it; a sulfonylurea on a hypo not rechecked, or after one in
the day before; a patient with insulin in force and no reading planned is asked one 6 hours after
the latest (or the insulin's start), and an insulin infusion stopped with no insulin after it is
listed.
Never stored: worked out from the standing records; times said on the ward's clock."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_time
from downtime.domain import elapsed
from downtime.domain.glucose import (BASAL_CHECKED_WITHIN, CHECKED_WITHIN, KETONES_FIELD, KETONES_RECHECK,
                                     KETONES_RECHECK_WITHIN, KETONES_TELL, METER_BOUNDS, SCALES, SIGNS, UNIT_FIELD,
                                     Reading, Sign, Unit, checked_within, every, every_words, from_mmol, hypo_persists,
                                     next_due, out_of_scale, reading, signs, sulfonylurea, to_mmol, unit_of)
from downtime.domain.medication import Check, Order, Warning, insulin
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.messages import message
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, Listed, Number, decimal_text, semicolon
from downtime.services.bedside import Chart, ordered
from downtime.services.errors import ValidationFailed
from downtime.services.version_changes import Amendment, with_amendments

FORM = "blood_glucose"
PLAN = "next_in"
WORDS = {
    "recheck": {"en": "hypo recheck due {due}", "fr": "contrôle après resucrage le {due}"},
    "overdue": {"en": "HYPO RECHECK OVERDUE since {due}", "fr": "CONTRÔLE APRÈS RESUCRAGE EN RETARD depuis {due}"},
    "due": {"en": "next reading due {due} ({every})", "fr": "prochaine glycémie le {due} ({every})"},
    "late": {"en": "GLUCOSE CHECK OVERDUE since {due} ({every})",
             "fr": "GLYCÉMIE EN RETARD depuis le {due} ({every})"},
    "handover": {"en": "GLUCOSE: {reading} at {time}", "fr": "GLYCÉMIE : {reading} le {time}"},
    "ketones": {"en": ", ketones {ketones} mmol/L", "fr": ", cétonémie {ketones} mmol/L"},
    "ketones_hi": {"en": ", ketones HI", "fr": ", cétonémie HI"},
    "ketones_again": {"en": "Ketones {ketones} at {time}, not measured since: recheck them",
                      "fr": "Cétonémie à {ketones} le {time}, non mesurée depuis : la recontrôler"},
    "ketones_due": {"en": "Ketones {ketones} at {time}: recheck due {due}",
                    "fr": "Cétonémie à {ketones} le {time} : à recontrôler le {due}"},
    "ketones_late": {"en": "KETONE RECHECK OVERDUE since {due} (ketones {ketones} at {time})",
                     "fr": "CONTRÔLE DE CÉTONÉMIE EN RETARD depuis le {due} (cétonémie à {ketones} le {time})"},
    "hypos": {"en": "hypo in the last 24 hours: {hypos}", "fr": "hypoglycémie dans les dernières 24 heures : {hypos}"},
    "hypo": {"en": "{reading} at {time}", "fr": "{reading} le {time}"},
    "unwatched": {"en": "ON INSULIN, NO GLUCOSE since {time}: check it",
                  "fr": "SOUS INSULINE, PAS DE GLYCÉMIE depuis le {time} : la contrôler"},
    "none": {"en": "no reading charted", "fr": "aucune glycémie notée"},
    "treated": {"en": "“{label}”: say how the hypo of {reading} at {time} was treated (sugar by mouth, IV glucose, "
                      "glucagon) and who was told.",
                "fr": "« {label} » : indiquer comment l’hypoglycémie à {reading} le {time} a été resucrée (sucre per "
                      "os, glucosé IV, glucagon) et qui a été prévenu."},
    "infusion": {"en": "INSULIN INFUSION RUNNING ({orders}): review its rate as the VRIII protocol says; tell the "
                       "doctor now",
                 "fr": "PERFUSION D’INSULINE EN COURS ({orders}) : revoir son débit selon le protocole ; prévenir le "
                       "médecin immédiatement"},
    "rate": {"en": "{drug} at {rate} mL/h", "fr": "{drug} à {rate} mL/h"},
    "ended": {"en": "INSULIN INFUSION STOPPED at {time} ({drug}), no subcutaneous insulin since: tell the doctor now "
                    "and chart who was told in the “Action taken” of a reading, not a hypo’s (stopped without it, a "
                    "patient who needs insulin is in ketoacidosis within hours)",
              "fr": "PERFUSION D’INSULINE ARRÊTÉE le {time} ({drug}), aucune insuline sous-cutanée depuis : prévenir "
                    "le médecin immédiatement et noter qui a été prévenu dans la « Conduite tenue » d’une glycémie, "
                    "pas celle d’une hypoglycémie (arrêtée sans relais, un patient qui a besoin d’insuline fait une "
                    "acidocétose en quelques heures)"},
    "ended_at": {"en": "%d/%m %H:%M", "fr": "%d/%m à %H:%M"},
    "plan_hourly": {"en": "“{label}”: an insulin infusion is running ({orders}): its glucose is checked every hour; "
                          "choose 1 hour or less.",
                    "fr": "« {label} » : une perfusion d’insuline est en cours ({orders}) : sa glycémie se contrôle "
                          "toutes les heures ; choisir 1 heure ou moins."},
    "latest": {"en": "Latest capillary glucose: {reading} at {time}",
               "fr": "Dernière glycémie capillaire : {reading} le {time}"},
    "measured": {"en": "capillary glucose {reading}", "fr": "glycémie capillaire {reading}"},
    "scale": {"en": "“{label}”: {value} is not what a meter reading in {unit} shows ({lowest} to {highest}, {places}): "
                    "check the unit the meter shows.",
              "fr": "« {label} » : {value} n’est pas une valeur affichée par un lecteur en {unit} (de {lowest} à "
                    "{highest}, {places}) : vérifier l’unité affichée par le lecteur."},
}
PLACES = {0: {"en": "whole numbers", "fr": "nombres entiers"}, 1: {"en": "1 decimal place", "fr": "1 décimale"},
          2: {"en": "2 decimal places", "fr": "2 décimales"}}
"""The places a meter's unit shows, in the message refusing a value no such meter shows."""
UNWATCHED_AFTER = timedelta(hours=6)
"""How long a patient with insulin in force goes with no capillary glucose, and none planned,
before the lists ask one (JBDS-IP: before each meal and at bedtime): a patient on insulin with
nothing charted for a day was on no list. A reading planning the next is said overdue as planned
instead: the night between bedtime and breakfast is longer than this."""
HANDED_OVER = timedelta(hours=24)
"""How long the handover tells a hypo rechecked since (JBDS-IP: every hypo handed over, the
insulin reviewed): the night nurse giving the 22:00 insulin knows of the 13:50 one."""


@dataclass(frozen=True)
class Charted:
    """A reading (`record`), when it was taken, what it found and asks, and when the next falls
    due (`due_at`: None when none is planned, or for a reading written before the form asked)."""

    record: RecordVersion
    taken_at: datetime
    reading: Reading
    signs: list[Sign]
    every: timedelta | None
    """How often the reading planned the next (domain.glucose.every)."""
    due_at: datetime | None
    amended: tuple[Amendment, ...] = ()
    """Its record's amendments, oldest first: a patient's `chart` reads them, for the printed chart."""

    def text(self, lang: Lang) -> str:
        """The reading as the ward writes it ("5,6 mmol/L" in French), with its ketones."""
        said = self.reading.text(lambda value: decimal_text(value, lang))
        if self.reading.ketones_hi:
            said += WORDS["ketones_hi"][lang]
        elif self.reading.ketones is not None:
            said += WORDS["ketones"][lang].format(ketones=decimal_text(self.reading.ketones, lang))
        return said

    def said(self, lang: Lang) -> list[str]:
        return [SIGNS[sign][lang] for sign in self.signs]

    def overdue(self, at: datetime) -> bool:
        return elapsed.reached(self.due_at, at)

    def when(self) -> str:
        """When it was taken on the ward's clock (`ward_time`'s None: the laptop's zone, its
        summer-time rules): a reading imported in UTC said 12:50 beside a recheck "due 14:05", and
        read on the offset a dose or a recheck was typed with, the hypo of 01:50 the night the
        clocks went back said "00:50" beside the insulin of 02:10 given on it."""
        return ward_time(self.taken_at, None)

    def next_check(self, at: datetime, lang: Lang) -> str:
        """"hypo recheck due 28/11 14:05", "next reading due 28/11 15:00 (hourly)", each saying
        once overdue that it is, on the ward's clock at `at`; "" with no next reading planned."""
        if self.due_at is None:
            return ""
        due, late = ward_time(self.due_at, None), self.overdue(at)
        if self.reading.hypo:
            return WORDS["overdue" if late else "recheck"][lang].format(due=due)
        return WORDS["late" if late else "due"][lang].format(
            due=due, every=every_words(self.every, lang) if self.every is not None else "")


def charted(record: RecordVersion) -> Charted:
    found, taken_at = reading(record.data), datetime.fromisoformat(record.data["taken_at"])
    span = every(record.data.get(PLAN))
    return Charted(record, taken_at, found, signs(found), span, next_due(taken_at, found, span))


def _in_a_row(records: list[RecordVersion]) -> list[Charted]:
    """The readings oldest first, the third hypo in a row (and each after) asking the doctor."""
    lines = ordered(charted, lambda one: one.taken_at)(records)
    return [replace(one, signs=[*one.signs[:1], Sign.HYPO_PERSISTS, *one.signs[1:]])
            if hypo_persists([each.reading for each in lines[:index + 1]]) else one
            for index, one in enumerate(lines)]


# The patient's standing readings, oldest first; and many patients' in one query.
CHART = Chart(FORM, _in_a_row)
charts = CHART.of_each


def chart(db: Database, patient_id: str) -> list[Charted]:
    """One patient's readings, each with its amendments (for the printed chart)."""
    return with_amendments(db, CHART.of(db, patient_id))


def coming(readings: list[Charted], at: datetime) -> datetime | None:
    """When the latest of `readings` (oldest first) asks for the next, or the ketones of 0.6 to
    1.4 their recheck (`ketones_due`), the earlier, if not yet at `at`: the chart and the lists are
    read again then. An earlier reading's next was taken."""
    due = [when for when in (readings[-1].due_at if readings else None, ketones_due(readings))
           if when is not None and not elapsed.reached(when, at)]
    return min(due, key=elapsed.instant) if due else None


def _ketones_measured(readings: list[Charted]) -> Charted | None:
    """The latest of `readings` (oldest first) that measured the ketones; None: none did."""
    measured = [one for one in readings if one.reading.ketones_measured]
    return measured[-1] if measured else None


def ketones_due(readings: list[Charted]) -> datetime | None:
    """When ketones of 0.6 to 1.4 mmol/L, the latest measured, are to be rechecked (2 hours on,
    JBDS-IP); None for any other, or none measured."""
    found = _ketones_measured(readings)
    level = found.reading.ketones_level if found is not None else None
    if found is None or level is None or not KETONES_RECHECK <= level < KETONES_TELL:
        return None
    return elapsed.later(found.taken_at, KETONES_RECHECK_WITHIN)


def ketones_again(readings: list[Charted], at: datetime, lang: Lang) -> list[str]:
    """The ketones of 0.6 mmol/L or more the latest reading measuring them found, when a later one
    did not measure them: 3.4 at 13:00 was forgotten by the 14:00 reading that did not (JBDS DKA:
    ketones hourly till below 0.6), and 1.2 at 10:00, "recheck them within 2 hours", by the 11:00
    one. Those of 0.6 to 1.4 say when their recheck is due and, once past, that it is overdue (the
    latest reading's own too, whose "recheck within 2 hours" never said it was late)."""
    found, due = _ketones_measured(readings), ketones_due(readings)
    if found is None or (found.reading.ketones_level or 0.0) < KETONES_RECHECK:
        return []
    ketones = "HI" if found.reading.ketones_hi else f"{decimal_text(found.reading.ketones_level, lang)} mmol/L"
    values = {"ketones": ketones, "time": found.when()}
    if due is not None and elapsed.reached(due, at):
        return [WORDS["ketones_late"][lang].format(due=ward_time(due, at.tzinfo), **values)]
    if found is readings[-1]:
        return []
    if due is not None:
        return [WORDS["ketones_due"][lang].format(due=ward_time(due, at.tzinfo), **values)]
    return [WORDS["ketones_again"][lang].format(**values)]


@dataclass(frozen=True)
class Insulin:
    """An insulin order as a reading weighs it (see `insulins_of_each`), and `running_at`: the
    mL/h its infusion's bag ran at a moment, None while none ran (no bag put up, stopped or
    paused, or no infusion); `ended_bare`: when its infusion's syringe was stopped, leaving the
    patient with no insulin since, not answered by a moment (None: not so, or no infusion;
    services.infusion_rates.ended_without_insulin); `started_after`: the moments after one its
    infusion may have started running (`_started_after`)."""

    order: Order
    running_at: Callable[[datetime], float | None]
    ended_bare: Callable[[datetime], datetime | None]
    started_after: Callable[[datetime], list[datetime]]


def infusions_running(insulins: Sequence[Insulin], at: datetime) -> list[tuple[Order, float]]:
    """The insulin infusions (VRIII: an insulin order with a rate) of `insulins` running at `at`,
    each with the mL/h it ran at."""
    return [(one.order, rate) for one in insulins if one.order.rate_ml_h is not None
            and (rate := one.running_at(at)) is not None]


def prescribed_running(insulins: Sequence[Insulin], at: datetime) -> list[tuple[Order, float]]:
    """`infusions_running` whose order is in force at `at`: what asks the glucose hourly. One whose
    order the doctor stopped (eating, back on subcutaneous insulin), its syringe not yet charted
    stopped, refused a reading planning the next before dinner and kept the list saying hourly."""
    return [(order, rate) for order, rate in infusions_running(insulins, at) if order.active_at(at)]


def _running_words(running: Sequence[tuple[Order, float]], lang: Lang) -> str:
    """"Actrapid 50 units in 50 mL at 2 mL/h", each infusion running."""
    return ", ".join(WORDS["rate"][lang].format(drug=order.drug, rate=decimal_text(rate, lang))
                     for order, rate in running)


def ended_asks(insulins: Sequence[Insulin], at: datetime, lang: Lang) -> list[str]:
    """"INSULIN INFUSION STOPPED at 28/11 12:00 (…), no subcutaneous insulin since: tell the doctor
    now", for each insulin infusion of `insulins` whose syringe was stopped leaving the patient
    with no insulin (`Insulin.ended_bare`). Its stop asks it when the order has ended (services
    .infusion_rates.insulin_asked), but the nurse stopping the syringe first, its order standing,
    was taken for a syringe changed, the doctor's stop typed after asked nothing, and at 16:00 a
    glucose of 16.4 with ketones of 1.8 said only "tell the doctor" of the ketones (JBDS-IP)."""
    return [WORDS["ended"][lang].format(time=ward_time(ended, at.tzinfo, WORDS["ended_at"][lang]),
                                        drug=one.order.drug) for one in insulins if (ended := one.ended_bare(at)) is not None]


def urgent(latest: Charted, insulins: Sequence[Insulin], at: datetime) -> bool:
    """Whether what the patient's glucose chart asks at `at` is to be acted on now (services
    .chart_alerts.ChartAlert.urgent): its latest reading a hypo, or an insulin infusion of
    `insulins` stopped with no insulin since (`ended_asks`), a patient who needs insulin in
    ketoacidosis within hours. The stop's line was ranked by its words alone ("doctor now")."""
    return latest.reading.hypo or any(one.ended_bare(at) is not None for one in insulins)


def infusion_asks(latest: Charted, insulins: Sequence[Insulin], lang: Lang) -> list[str]:
    """A hypo while an insulin infusion (a VRIII: an insulin order with a rate) of `insulins` ran
    when it was taken, said with each at the rate it ran: the chart said the ordinary "treat now",
    nothing of the insulin running into it, and no doctor was called (JBDS-IP, VRIII: a glucose
    below 4 reviews the rate and the doctor is told at once). Read from the order alone, a
    syringe stopped at noon was said running at 13:50, at the rate first prescribed."""
    running = infusions_running(insulins, latest.taken_at)
    if not latest.reading.hypo or not running:
        return []
    return [WORDS["infusion"][lang].format(orders=_running_words(running, lang))]


ON_INFUSION_EVERY = timedelta(hours=1)
"""How often the glucose is checked while an insulin infusion runs (JBDS-IP, VRIII: hourly)."""


def hourly_on_infusion(readings: list[Charted], insulins: Sequence[Insulin]) -> list[Charted]:
    """`readings` (oldest first) with the latest's next due ON_INFUSION_EVERY after it, whatever it
    planned, when an insulin infusion of `insulins` runs then: a reading planning "no further
    check" or 4 hours while the VRIII ran was overdue nowhere for hours (the list said "ON INSULIN,
    NO GLUCOSE" 6 hours on), nor one taken just before it was put up. One put up (or restarted)
    later and still running an hour on asks the next reading an hour after it started, when the
    plan is later: a syringe put up at 08:00 after a 05:00 reading planning the next at 15:00 ran
    four hours with no reading asked. Stopped or paused within the hour, or its order stopped by
    then (`prescribed_running`), the plan stands."""
    latest = readings[-1] if readings else None
    if latest is None or (latest.every is not None and latest.every <= ON_INFUSION_EVERY):
        return readings
    if prescribed_running(insulins, elapsed.later(latest.taken_at, ON_INFUSION_EVERY)):
        due = next_due(latest.taken_at, latest.reading, ON_INFUSION_EVERY)
    else:
        started = [start for one in insulins for start in one.started_after(latest.taken_at)
                   if prescribed_running([one], elapsed.later(start, ON_INFUSION_EVERY))]
        if not started:
            return readings
        due = elapsed.later(min(started, key=elapsed.instant), ON_INFUSION_EVERY)
        if latest.due_at is not None and elapsed.instant(latest.due_at) <= elapsed.instant(due):
            return readings
    return [*readings[:-1], replace(latest, every=ON_INFUSION_EVERY, due_at=due)]


def watched(db: Database, patient_ids: Collection[str], at: datetime) -> tuple[dict[str, list[Charted]],
                                                                                dict[str, list[Insulin]]]:
    """These patients' readings (`charts`), each latest due as an insulin infusion running asks
    (`hourly_on_infusion`), and their insulin orders (`insulins_of_each`): what the lists and the
    handover weigh."""
    insulins_of = insulins_of_each(db, patient_ids, at)
    return ({patient_id: hourly_on_infusion(readings, insulins_of.get(patient_id, []))
             for patient_id, readings in charts(db, patient_ids).items()}, insulins_of)


def asking(readings: list[Charted], at: datetime, lang: Lang, insulins: Sequence[Insulin] = ()) -> list[str]:
    """What the latest of `readings` (oldest first) asks at `at`, a hypo into an insulin infusion
    of `insulins` (the patient's insulin orders, see `insulins_of_each`), an insulin infusion
    stopped with no insulin since (`ended_asks`), high ketones not measured since, its next
    reading once overdue."""
    readings = hourly_on_infusion(readings, insulins)
    latest = readings[-1]
    return [*latest.said(lang), *infusion_asks(latest, insulins, lang), *ended_asks(insulins, at, lang),
            *ketones_again(readings, at, lang),
            *([latest.next_check(at, lang)] if latest.overdue(at) else [])]


KETONES_ASKED_FROM = 5
"""The form version from which "Ketone meter shows: A value" asks the ketones (`check`)."""


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None) -> None:
    """Refuse a new reading (`before` None) with no plan for the next, or a value with no unit, an
    amendment taking either away, and a value no meter in its unit shows. "No further check
    planned" says there is none; a plan left out was a night on an insulin infusion no list called
    overdue. A reading written before the form asked (version 1, 2) is corrected, and settled at the
    records office, without one: no one planned then, and it was typed in mmol/L. "Ketone meter
    shows: A value" with no ketones, in a new reading or an amendment changing them (form version
    5): saved with none, the measured ketones were lost and the chart asked for them again; a
    reading of version 4 saved so is corrected as it was."""
    missing = [name for name in (PLAN, *([UNIT_FIELD] if data.get("glucose") is not None else []))
               if not data.get(name) and (before is None or before.get(name))]
    if (spec.version >= KETONES_ASKED_FROM and data.get(KETONES_FIELD) == "value" and data.get("ketones") is None
            and (before is None or any(data.get(name) != before.get(name) for name in (KETONES_FIELD, "ketones")))):
        missing.append("ketones")
    if missing:
        raise ValidationFailed([FieldError(name, message("required", lang, spec.field(name).label.get(lang)))
                                for name in missing])
    if data.get("glucose") is not None and out_of_scale(data["glucose"], unit := unit_of(data)):
        scale = SCALES[unit]
        raise ValidationFailed([FieldError("glucose", WORDS["scale"][lang].format(
            label=spec.field("glucose").label.get(lang), value=decimal_text(data["glucose"], lang), unit=scale.symbol,
            lowest=decimal_text(scale.lowest, lang), highest=decimal_text(scale.highest, lang),
            places=PLACES[scale.places][lang]))])


ACTION = "action"


def check_treated(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], lang: Lang,
                  before: Mapping[str, Any] | None = None) -> None:
    """Refuse a new reading (`before` None) with no action taken when the patient's latest reading
    before it is a hypo whose own says none: nothing anywhere told whether the 13:50 hypo had
    sugar, IV glucose or glucagon (not repeated soon), which the next nurse treating one needs.
    Asked of the reading after it (its recheck) and not of the hypo itself: the hypo is charted,
    then treated; its treatment is known by the recheck, and a hypo amended with it asks no more."""
    if before is not None or data.get(ACTION) or not data.get("taken_at"):
        return
    taken_at = datetime.fromisoformat(data["taken_at"])
    latest = latest_before(db, patient_id, taken_at)
    if latest is None or not latest.reading.hypo or latest.record.data.get(ACTION):
        return
    raise ValidationFailed([FieldError(ACTION, WORDS["treated"][lang].format(
        label=spec.field(ACTION).label.get(lang), reading=latest.reading.text(lambda value: decimal_text(value, lang)),
        time=latest.when()))])


def check_plan_on_infusion(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], lang: Lang,
               before: Mapping[str, Any] | None = None) -> None:
    """Refuse a new reading (`before` None) planning the next over ON_INFUSION_EVERY on, or none,
    while an insulin infusion runs at its time: the form's own help says hourly on a VRIII, and
    "no further check planned" was taken with the syringe running (its next is due within the
    hour whatever it says: `hourly_on_infusion`)."""
    if before is not None or not data.get(PLAN) or not data.get("taken_at"):
        return
    if (span := every(data[PLAN])) is not None and span <= ON_INFUSION_EVERY:
        return
    taken_at = datetime.fromisoformat(data["taken_at"])
    if running := prescribed_running(insulins_of_each(db, [patient_id], taken_at)[patient_id], taken_at):
        raise ValidationFailed([FieldError(PLAN, WORDS["plan_hourly"][lang].format(
            label=spec.field(PLAN).label.get(lang), orders=_running_words(running, lang)))])


def _hypos_before(readings: list[Charted], at: datetime, lang: Lang) -> list[str]:
    """The hypos before the latest reading in the HANDED_OVER to `at`, in one line (the latest's
    own is said as the latest)."""
    since = elapsed.earlier(at, HANDED_OVER)
    hypos = [WORDS["hypo"][lang].format(reading=one.reading.text(lambda value: decimal_text(value, lang)),
                                        time=one.when())
             for one in readings[:-1] if one.reading.hypo and elapsed.instant(one.taken_at) > elapsed.instant(since)]
    return [WORDS["hypos"][lang].format(hypos=", ".join(hypos))] if hypos else []


def insulins_of_each(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, list[Insulin]]:
    """Each of these patients' insulin orders as they run at `at` (medication.orders_of_each),
    in force then or not: what `unwatched` and `infusion_asks` weigh a patient's readings with."""
    from downtime.services import medication  # which imports this module, for a dose's check

    return {patient_id: [Insulin(order, partial(_running_at, db, order), partial(_ended_bare, db, order),
                                 partial(_started_after, db, order))
                         for order in orders if insulin(order.drug)]
            for patient_id, orders in medication.orders_of_each(db, patient_ids, at).items()}


def _running_at(db: Database, order: Order, at: datetime) -> float | None:
    """The mL/h `order`'s bag ran at, at `at` (infusion_rates.running_bag, rate_at), the order's
    for a bag charted without a rate of its own; None with none running, or paused."""
    from downtime.services import infusion_rates  # which imports medication, which imports this module

    if (bag := infusion_rates.running_bag(db, order, at)) is None:
        return None
    rate = infusion_rates.rate_at(bag, infusion_rates.by_bag(db, [order.patient_id]).get(bag.record_id, []), at)
    rate = order.rate_ml_h if rate is None else rate
    return rate or None


def _started_after(db: Database, order: Order, since: datetime) -> list[datetime]:
    """The moments after `since` `order`'s infusion may have started running: each of its bags put
    up, and each new rate charted on one (a restart after a pause)."""
    from downtime.services import infusion_rates  # which imports medication, which imports this module

    changes = infusion_rates.by_bag(db, [order.patient_id])
    return [moment for bag in infusion_rates.bags(db, order)
            for moment in (bag.at, *(change.at for change in changes.get(bag.record_id, [])
                                     if change.change == infusion_rates.NEW_RATE))
            if moment > since]


def _ended_bare(db: Database, order: Order, at: datetime) -> datetime | None:
    """infusion_rates.ended_without_insulin at `at`: listed until it is answered."""
    from downtime.services import infusion_rates  # which imports medication, which imports this module

    return infusion_rates.ended_without_insulin(db, order, at)


def unwatched(insulins_of: Mapping[str, list[Insulin]], charted: Mapping[str, list[Charted]],
              at: datetime) -> dict[str, datetime]:
    """Since when nothing watches the insulin of each of these patients with one in force at `at`
    (`insulins_of`: their insulin orders, see `insulins_of_each`; `charted`: their readings, see
    `charts`): the latest reading when it plans no next (none planned, or one written before the
    form asked), the earliest insulin's start with no reading; none for a patient whose latest
    reading plans the next."""
    since = {}
    for patient_id, orders in insulins_of.items():
        insulins = [one.order for one in orders if one.order.active_at(at)]
        readings = charted.get(patient_id, [])
        if insulins and not (readings and readings[-1].due_at is not None):
            since[patient_id] = readings[-1].taken_at if readings else min(order.start_at for order in insulins)
    return since


def unwatched_asks(since: datetime | None, at: datetime, lang: Lang) -> list[str]:
    """"ON INSULIN, NO GLUCOSE since 28/11 08:00: check it" once UNWATCHED_AFTER has passed since
    `since` (see `unwatched`), on the ward's clock at `at`."""
    if since is None or not elapsed.reached(elapsed.later(since, UNWATCHED_AFTER), at):
        return []
    return [WORDS["unwatched"][lang].format(time=ward_time(since, at.tzinfo))]


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' glucose, for those with a
    reading: the latest, the day's hypos before it, what it asks, high ketones not measured since,
    and when the next is due or since when it is overdue; and of a patient on insulin with no
    reading for 6 hours and none planned, that one is asked (see `unwatched`); an insulin infusion
    stopped with no insulin since (`ended_asks`)."""
    said = {}
    found_all, insulins_of = watched(db, patient_ids, at)
    waiting = unwatched(insulins_of, found_all, at)
    for patient_id, found in found_all.items():
        latest = found[-1]
        again = latest.next_check(at, lang)
        said[patient_id] = semicolon(lang).join([
            WORDS["handover"][lang].format(reading=latest.text(lang), time=latest.when()),
            *_hypos_before(found, at, lang), *latest.said(lang),
            *infusion_asks(latest, insulins_of.get(patient_id, []), lang),
            *ended_asks(insulins_of.get(patient_id, []), at, lang), *ketones_again(found, at, lang),
            *([again] if again else []), *unwatched_asks(waiting.get(patient_id), at, lang)])
    said |= {patient_id: asks[0] for patient_id, since in waiting.items()
             if patient_id not in found_all and (asks := unwatched_asks(since, at, lang))}
    return said


def _as_typed(found: Reading) -> str | Listed:
    """"2,9 mmol/L" in a French warning, "0,52 g/L" as typed; "LO"."""
    return found.text() if found.typed is None else Listed((Number(found.typed), SCALES[found.unit].symbol), " ")


NOT_CHECKED = {
    BASAL_CHECKED_WITHIN: QT_TRANSLATE_NOOP("messages", "{drug}: no capillary glucose charted in the 24 hours before "
                                                        "{time}: check it before giving insulin."),
    CHECKED_WITHIN: QT_TRANSLATE_NOOP("messages", "{drug}: no capillary glucose charted in the hour before {time}: "
                                                  "check it before giving insulin."),
}
"""The warning of an insulin given with no reading as recent as `checked_within` asks, by that span."""


def latest_before(db: Database, patient_id: str, at: datetime) -> Charted | None:
    """The patient's latest reading taken by `at` (None: none): the one an insulin given then is
    chosen on, which the dose dialog shows beside the measured value."""
    before = [one for one in chart(db, patient_id) if elapsed.instant(one.taken_at) <= elapsed.instant(at)]
    return before[-1] if before else None


def for_the_dose(db: Database, found: Order, at: datetime, lang: Lang) -> tuple[str, str]:
    """What the dose dialog of a variable insulin dose given at `at` shows of the chart beside its
    measured value ("Latest capillary glucose: 5.1 mmol/L at 28/11 11:55"), and what it fills that
    value with: the reading, when as recent as the insulin is given on (`checked_within`); the
    nurse typed it from memory, and another patient's "15.1" was given 4 units on a chart saying
    5.1. ("", "") for any other order, or with no reading; ("…", "") with none recent enough."""
    latest = latest_before(db, found.patient_id, at) if insulin(found.drug) and found.asks_reading else None
    if latest is None:
        return "", ""
    shown = latest.reading.text(lambda value: decimal_text(value, lang))
    recent = not elapsed.reached(elapsed.later(latest.taken_at, checked_within(found.drug)), at)
    return (WORDS["latest"][lang].format(reading=shown, time=latest.when()),
            WORDS["measured"][lang].format(reading=shown) if recent else "")


MEASURED = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mmol|g/l|mg/dl)?", re.IGNORECASE)
"""A measured value's first number, and its unit when the nurse wrote one ("13.2", "0,52 g/L")."""
TYPED_UNITS = {"mmol": Unit.MMOL, "g/l": Unit.G_L, "mg/dl": Unit.MG_DL}

DIFFERS = QT_TRANSLATE_NOOP("messages", "{drug}: the measured value “{typed}” differs from the latest charted capillary "
                                        "glucose, {reading} at {time}: check which is the patient's before giving "
                                        "insulin by its rule.")


def measured_differs(latest: Charted, decided_on: str) -> bool:
    """Whether the value a variable dose was decided on (`decided_on`, as typed in the dose) is
    not the chart's `latest` reading: compared in the unit the nurse wrote, else the chart's, at
    the places its meters show; against a meter's LO or HI, a value on the wrong side of its bound
    (domain.glucose.METER_BOUNDS: a "5.1" typed while the chart showed HI gave no insulin to a
    patient above 28 mmol/L). Nothing typed as a number is not compared."""
    typed = MEASURED.search(decided_on)
    if typed is None:
        return False
    unit = TYPED_UNITS[typed[2].lower()] if typed[2] else latest.reading.unit
    value = float(typed[1].replace(",", "."))
    if latest.reading.glucose is None:
        comparator, bound = METER_BOUNDS["lo" if latest.reading.lo else "hi"]
        mmol = to_mmol(value, unit)
        return mmol >= bound if comparator == "<" else mmol <= bound
    return round(value, SCALES[unit].places) != from_mmol(latest.reading.glucose, unit)


ON_A_HYPO = {
    True: QT_TRANSLATE_NOOP("messages", "{drug}: the latest capillary glucose, {reading} at {time}, is a hypo not "
                                        "rechecked since: treat it and recheck the glucose before giving insulin."),
    False: QT_TRANSLATE_NOOP("messages", "{drug}: the latest capillary glucose, {reading} at {time}, is a hypo not "
                                         "rechecked since: treat it, recheck the glucose and tell the prescriber "
                                         "before giving it (a sulfonylurea's hypo lasts and comes back)."),
}
"""The warning of a dose given on a hypo not rechecked, of an insulin (True) or a sulfonylurea."""
AFTER_A_HYPO = QT_TRANSLATE_NOOP("messages", "{drug}: a hypo, {reading} at {day} {hour}, in the last 24 hours: tell "
                                             "the prescriber before giving it (a sulfonylurea's hypo comes back for 24 "
                                             "to 36 hours).")
"""The warning of a sulfonylurea given after a hypo rechecked since (`_hypo_not_reviewed`): its
day and hour apart, as French says them ("le 29/11 à 03:00"), where "le 29/11 03:00" read badly."""


def _hypo_not_reviewed(db: Database, found: Order, at: datetime) -> Charted | None:
    """The latest hypo charted in the HANDED_OVER before `at`, unless the prescriber changed what
    `found`'s medicine gives after it (services.medication.dose_changed_since): a sulfonylurea's
    hypo comes back for 24 to 36 hours (JBDS-IP, hospital management of hypoglycaemia: its dose
    reviewed), and the morning's gliclazide after a 2.6 at 03:00, treated and rechecked, asked
    nothing. Not an order started after it: the outage's daily rewrite of the same dose, or a
    gliclazide transcribed from the home list after the hypo that admitted the patient, was taken
    for the review and asked nothing, while the dose halved by amendment for it was asked."""
    from downtime.services import medication  # which imports this module, for a dose's check

    since = elapsed.earlier(at, HANDED_OVER)
    hypo = next((one for one in reversed(chart(db, found.patient_id)) if one.reading.hypo
                 and elapsed.instant(since) < elapsed.instant(one.taken_at) <= elapsed.instant(at)), None)
    return None if hypo is None or medication.dose_changed_since(db, found, at, hypo.taken_at) else hypo


def before_insulin(db: Database, found: Order, at: datetime, decided_on: str | None = None, *,
                   lowered: bool = False) -> list[Warning]:
    """What an insulin given at `at` is questioned on, the nurse confirming: the chart's latest
    reading then a hypo (2.9 at 13:50, not rechecked, and sliding-scale insulin given at 14:00 on a
    "13.2" no chart showed), or no reading as recent as the insulin asks (domain.glucose.checked_within:
    the hour's, the day's for a basal one), or a variable dose's measured value (`decided_on`) that
    is not that reading (5.1 charted at 11:55, 4 units given at 12:00 on a "15.1" typed: another
    patient's, or a slip). A sulfonylurea (domain.glucose.sulfonylurea) only on a hypo, the latest
    reading or one in the day before with its dose not changed since (`_hypo_not_reviewed`): its hypo
    lasts and comes back (JBDS-IP: held or reviewed after one), and a tablet is not chosen on the
    hour's reading. Nothing for any other medicine. Called for every dose given (services.medication
    .check_dose), which is why it sorts them here. A VRIII's rate `lowered` (services.infusion_rates)
    is how its scale treats the hypo: not asked on it, the hour's reading still asked. Times on the
    ward's clock, not the dose's offset: gliclazide given at 08:00 the morning the clocks went back
    said the hypo of 22:00 the evening before "at 24/10 21:00"."""
    on_insulin = insulin(found.drug)
    if not on_insulin and not sulfonylurea(found.drug):
        return []
    latest = latest_before(db, found.patient_id, at)
    if latest is not None and latest.reading.hypo and not lowered:
        return [Warning(Check.GLUCOSE, ON_A_HYPO[on_insulin],
                        {"drug": found.drug, "reading": _as_typed(latest.reading), "time": latest.when()})]
    if not on_insulin:
        hypo = _hypo_not_reviewed(db, found, at)
        return [] if hypo is None else [Warning(Check.GLUCOSE, AFTER_A_HYPO, {
            "drug": found.drug, "reading": _as_typed(hypo.reading), "day": ward_time(hypo.taken_at, None, "%d/%m"),
            "hour": ward_time(hypo.taken_at, None, "%H:%M")})]
    within = checked_within(found.drug)
    if latest is None or elapsed.reached(elapsed.later(latest.taken_at, within), at):
        return [Warning(Check.GLUCOSE, NOT_CHECKED[within], {"drug": found.drug, "time": ward_time(at, None)})]
    if found.asks_reading and decided_on and measured_differs(latest, decided_on):
        return [Warning(Check.GLUCOSE, DIFFERS, {"drug": found.drug, "typed": decided_on.strip(),
                                                 "reading": _as_typed(latest.reading), "time": latest.when()})]
    return []

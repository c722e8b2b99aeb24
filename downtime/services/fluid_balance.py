"""A patient's fluid balance chart: the volumes measured in and out (each a record of the
`fluid_balance` form, amended or withdrawn as any record), charted by the hour over the chart's
day, and the fluid restriction or target in force (`fluid_plan`) the day's intake is measured
against. The totals are never stored: worked out from the standing records each time, an
amended volume changes its column, its hour's balance and the day's."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.fluid_balance import (DAY_STARTS, INTAKE, OLIGURIA_HOURS, OUTPUT, FluidDay, Measure, UrineOutput,
                                           chart_day, fluid_day, signed_ml, urine_output)
from downtime.domain.medication import Administration, Order, Outcome
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.i18n import decimal_text, labelled, semicolon
from downtime.services.bedside import in_present_stays, stays_began
from downtime.services import infusion_rates, medication, weight
from downtime.services.patients import PatientSummary
from downtime.storage.records import current_by_patient, list_current

FORM = "fluid_balance"
PLAN_FORM = "fluid_plan"
# Each route's column heading, short enough for a column of the chart on screen and on paper;
# the form's option says it whole.
HEADINGS: dict[str, dict[Lang, str]] = {
    "in_oral": {"en": "Oral", "fr": "Orale"},
    "in_iv": {"en": "IV", "fr": "IV"},
    "in_enteral": {"en": "Enteral", "fr": "Entérale"},
    "in_other": {"en": "Other in", "fr": "Autre entrée"},
    "out_urine": {"en": "Urine", "fr": "Urines"},
    "out_vomit": {"en": "Vomit / NG", "fr": "Vomis. / SNG"},
    "out_drain": {"en": "Drain", "fr": "Drain"},
    "out_stool": {"en": "Stool / stoma", "fr": "Selles / stomie"},
    "out_other": {"en": "Other out", "fr": "Autre sortie"},
}
WORDS: dict[str, dict[Lang, str]] = {
    "hour": {"en": "Hour", "fr": "Heure"},
    "total_in": {"en": "Total in", "fr": "Total entrées"},
    "total_out": {"en": "Total out", "fr": "Total sorties"},
    "balance": {"en": "Balance", "fr": "Bilan"},
    "day": {"en": "24 hours from {start} 07:00 to {end} 07:00", "fr": "24 heures du {start} 7 h au {end} 7 h"},
    "summary": {"en": "In {intake} mL — out {output} mL — balance {balance}",
                "fr": "Entrées {intake} mL — sorties {output} mL — bilan {balance}"},
    "kept_to": {"en": "measured up to the {hour}:00 hour", "fr": "mesures jusqu’à la tranche de {hour} h"},
    "none": {"en": "Nothing measured on this chart's day.", "fr": "Aucune mesure ce jour-là."},
    "handover": {"en": "FLUID BALANCE: {days}", "fr": "BILAN ENTRÉES-SORTIES : {days}"},
    "last_day": {"en": "{start}–{end} 07:00 {balance} (in {intake}, out {output})",
                 "fr": "{start}–{end} 7 h {balance} (entrées {intake}, sorties {output})"},
    "under_way": {"en": "since 07:00 {balance} (in {intake}, out {output})",
                  "fr": "depuis 7 h {balance} (entrées {intake}, sorties {output})"},
    "low_urine": {"en": "LOW URINE OUTPUT: {volume} mL in {hours} hours since {time} ({rate} mL/kg/h for {weight} kg, "
                        "below 0.5): tell the doctor",
                  "fr": "DIURÈSE BASSE : {volume} mL en {hours} heures depuis {time} ({rate} mL/kg/h pour {weight} kg, "
                        "moins de 0,5) : prévenir le médecin"},
    "no_urine": {"en": "NO URINE: 0 mL in {hours} hours since {time}, each hour measured: tell the doctor, check the "
                       "catheter is not blocked",
                 "fr": "ANURIE : 0 mL en {hours} heures depuis {time}, chaque heure mesurée : prévenir le médecin, "
                       "vérifier que la sonde n’est pas bouchée"},
    "urine": {"en": "Urine {volume} mL in {hours} hours since {time}", "fr": "Urines {volume} mL en {hours} heures depuis {time}"},
    "unweighed": {"en": "Urine {volume} mL in {hours} hours since {time}: no weight this stay, weigh the patient to "
                        "judge the urine output per kg",
                  "fr": "Urines {volume} mL en {hours} heures depuis {time} : aucun poids pendant ce séjour, peser le "
                        "patient pour juger la diurèse par kg"},
    "restriction": {"en": "Fluid restriction: no more than {volume} mL in 24 hours ({who}, {time})",
                    "fr": "Restriction hydrique : pas plus de {volume} mL en 24 heures ({who}, {time})"},
    "target": {"en": "Fluid target: at least {volume} mL in 24 hours ({who}, {time})",
               "fr": "Objectif hydrique : au moins {volume} mL en 24 heures ({who}, {time})"},
    "left": {"en": "{intake} mL in{given}, {left} mL left", "fr": "{intake} mL entrés{given}, {left} mL restants"},
    "over": {"en": "OVER THE FLUID RESTRICTION: {intake} mL in{given}, {volume} mL allowed: tell the doctor",
             "fr": "RESTRICTION HYDRIQUE DÉPASSÉE : {intake} mL entrés{given}, {volume} mL autorisés : "
                   "prévenir le médecin"},
    "to_go": {"en": "{intake} mL in{given}, {left} mL to go", "fr": "{intake} mL entrés{given}, encore {left} mL"},
    "reached": {"en": "{intake} mL in{given}: target reached", "fr": "{intake} mL entrés{given} : objectif atteint"},
    "short": {"en": "FLUID TARGET NOT REACHED: {intake} mL in{given}, at least {volume} mL asked: tell the doctor",
              "fr": "OBJECTIF HYDRIQUE NON ATTEINT : {intake} mL entrés{given}, au moins {volume} mL prescrits : "
                    "prévenir le médecin"},
    "given_in": {"en": " (+{volume} mL given on the medication chart, not on this chart)",
                 "fr": " (+{volume} mL administrés sur le plan d’administration, pas sur cette feuille)"},
    "closed": {"en": "{start}–{end} 07:00: {judged}", "fr": "{start}–{end} 7 h : {judged}"},
    "bags": {"en": "Given on the medication chart, not on this chart yet: {bags}",
             "fr": "Administré sur le plan d’administration, pas encore sur cette feuille : {bags}"},
    "bag": {"en": "{time} {drug} {volume} mL", "fr": "{time} {drug} {volume} mL"},
    "stopped_bag": {"en": "{time} {drug} {volume} mL (bag stopped {stop}: what its rates ran in)",
                    "fr": "{time} {drug} {volume} mL (poche arrêtée à {stop} : volume passé selon ses débits)"},
    "read_pump": {"en": "{time} {drug} (bag stopped {stop}: read the volume run in off the pump)",
                  "fr": "{time} {drug} (poche arrêtée à {stop} : relever sur la pompe le volume passé)"},
}
MAR_ROUTES = {"IV": "in_iv", "NG": "in_enteral", "SC": "in_other"}
"""The medication chart's routes whose doses in mL go in on the fluid chart, and as what: a
subcutaneous infusion (hypodermoclysis, the fluids of an elderly or palliative patient with no
vein) is the form's "In: other (e.g. subcutaneous)"."""
SMALLEST_ML = {"SC": 50}
"""The smallest dose in mL by a route that is fluid for the chart: under the skin an injection is
of a millilitre or two (enoxaparin 0.4 mL, hyoscine 1 mL), not a bag to chart; an infusion
(hypodermoclysis) of 250 mL to a litre or more."""
TYPED_BEFORE = timedelta(hours=1)
"""How long before its dose's giving a volume typed by hand may be of it: many wards chart a bag
at the hour it went up, a few minutes before the dose is recorded on the medication chart."""
COLUMNS = (*INTAKE, "total_in", *OUTPUT, "total_out", "balance")
"""The chart's columns after the hour, as on paper: what went in, its total, what came out,
its total, the balance carried."""


@dataclass(frozen=True)
class Charted:
    """A standing volume and the record it was measured in (to open it, to amend it)."""

    record: RecordVersion
    measure: Measure


def charted(record: RecordVersion) -> Charted:
    data = record.data
    return Charted(record, Measure(datetime.fromisoformat(data["measured_at"]), data["route"], int(data["volume"])))


def measures(db: Database, patient_id: str) -> list[Charted]:
    """The patient's standing volumes, oldest first (a withdrawn one counts for nothing)."""
    return _standing(list_current(db, form_id=FORM, patient_id=patient_id))


def _standing(found: list[RecordVersion]) -> list[Charted]:
    return sorted((charted(record) for record in found if record.status is not RecordStatus.ENTERED_IN_ERROR),
                  key=lambda one: (one.measure.at, one.record.recorded_at))


def _standing_by_patient(db: Database, patient_ids: Collection[str]) -> dict[str, list[Charted]]:
    """`measures` of each of these patients (those with none left out), read at once for a ward."""
    return {patient_id: _standing(found) for patient_id, found in current_by_patient(db, FORM, patient_ids).items()}


@dataclass(frozen=True)
class Plan:
    """The fluid restriction or target in force (`record`): `kind` restriction or target, the
    24 hours' `volume` in mL."""

    record: RecordVersion

    @property
    def kind(self) -> str:
        return str(self.record.data["kind"])

    @property
    def volume(self) -> int:
        return int(self.record.data["volume"])

    def text(self, lang: Lang) -> str:
        """"Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 03/12 09:00)"."""
        data = self.record.data
        return WORDS[self.kind][lang].format(volume=self.volume, who=" ".join(data["decided_by"].split()),
                                             time=f"{datetime.fromisoformat(data['decided_at']):%d/%m %H:%M}")

    def asks(self, intake: int, *, closed: bool = False) -> bool:
        """Whether a day's `intake` calls the doctor: a restriction exceeded, or on a day that has
        `closed` a target not reached (under way, there is time yet)."""
        if self.kind == "restriction":
            return intake > self.volume
        return closed and intake < self.volume

    def judged(self, intake: int, lang: Lang, *, given: int = 0, closed: bool = False) -> str:
        """The day's intake against it, the chart's `intake` and the mL `given` on the medication
        chart and not charted yet together: "1200 mL in, 300 mL left", "OVER THE FLUID RESTRICTION:
        800 mL in (+1000 mL given on the medication chart, not on this chart), 1500 mL allowed: …",
        "800 mL in, 1200 mL to go", "2100 mL in: target reached", on a day `closed` "FLUID TARGET
        NOT REACHED: …". A bag hung and given on the medication chart is in the patient's 24
        hours, on the fluid chart or not: the chart's 800 mL read "700 mL left" of a 1500 mL
        restriction with a litre bag up."""
        total = intake + given
        if self.kind == "restriction":
            key = "over" if self.asks(total) else "left"
        else:
            key = "reached" if total >= self.volume else "short" if closed else "to_go"
        return WORDS[key][lang].format(intake=intake, volume=self.volume, left=abs(self.volume - total),
                                       given=WORDS["given_in"][lang].format(volume=given) if given else "")


def plans(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, Plan]:
    """Each of these patients' restriction or target in force at `at`: the latest standing one
    decided by then, unless it lifted the last; in their present stay, one decided in it (a
    readmitted patient's restriction of the stay before was in force)."""
    found = {}
    every = current_by_patient(db, PLAN_FORM, patient_ids)
    began = stays_began(db, list(every))
    for patient_id, records in every.items():
        since = began.get(patient_id)
        if since is not None and elapsed.instant(at) >= elapsed.instant(since):
            records = [record for record in records if elapsed.instant(record.occurred_at) >= elapsed.instant(since)]
        decided = [record for record in records if record.status is not RecordStatus.ENTERED_IN_ERROR
                   and elapsed.instant(datetime.fromisoformat(record.data["decided_at"])) <= elapsed.instant(at)]
        latest = max(decided, key=lambda record: (elapsed.instant(datetime.fromisoformat(record.data["decided_at"])),
                                                 record.recorded_at), default=None)
        if latest is not None and latest.data["kind"] != "lifted":
            found[patient_id] = Plan(latest)
    return found


@dataclass(frozen=True)
class Given:
    """A dose in mL given by a route that goes on the fluid chart (an infusion bag, a feed, fluids
    under the skin), from the medication chart: `dose` its record, `drug` its order's, `volume`
    in mL: for a bag stopped before it ran through, what its rates ran in until `stopped`
    (services.infusion_rates.run_in); `read_pump` when its rates are not known, its whole volume
    kept (a restriction is judged on the side of too much) and none offered: a litre stopped after
    250 mL was offered whole, and a heart failure's balance overstated by 750 mL."""

    dose: str
    at: datetime
    drug: str
    route: str
    volume: int
    scheduled_for: datetime | None
    """The order's slot it was given for (none for an as-required or once-only dose)."""
    stopped: datetime | None = None
    read_pump: bool = False

    def text(self, lang: Lang) -> str:
        words = "bag" if self.stopped is None else "read_pump" if self.read_pump else "stopped_bag"
        return WORDS[words][lang].format(time=f"{self.at:%H:%M}", drug=self.drug, volume=self.volume,
                                         stop=f"{self.stopped:%H:%M}" if self.stopped else "")

    def answers(self) -> dict[str, Any]:
        """The fluid form's first answers for it: when it went in is the nurse's (a bag is charted
        once it has run through); its volume none when read off the pump."""
        return {"route": MAR_ROUTES[self.route], **({} if self.read_pump else {"volume": self.volume}),
                "what": self.drug[:100], "dose": self.dose}


def given_not_charted(db: Database, patient_id: str, day: date) -> list[Given]:
    """The doses in mL of the patient's IV, nasogastric and subcutaneous orders (`MAR_ROUTES`,
    `SMALLEST_ML`) given on `day`'s chart, oldest first, that no standing volume of the fluid
    chart says it is: what the nurse still has to chart (recorded on the medication chart when
    hung, and typed again on the fluid chart)."""
    given = _given_by_patient(db, [patient_id], {patient_id: measures(db, patient_id)})
    return [one for one in given.get(patient_id, []) if chart_day(one.at) == day]


def _given_by_patient(db: Database, patient_ids: Collection[str],
                     standing: Mapping[str, list[Charted]]) -> dict[str, list[Given]]:
    """`given_not_charted` of every day for each of these patients, `standing` their volumes
    (`measures`), their orders and doses read once for them all: the escalation list and the
    handover sheet read them for the whole ward, three statements a patient before."""
    orders = current_by_patient(db, medication.ORDER_FORM, patient_ids)
    doses = current_by_patient(db, medication.DOSE_FORM, patient_ids)
    changes = infusion_rates.by_bag(db, patient_ids)
    return {patient_id: _given(standing.get(patient_id, []), orders[patient_id], doses.get(patient_id, []), changes)
            for patient_id in patient_ids if patient_id in orders}


def _given(standing: list[Charted], orders: list[RecordVersion], doses: list[RecordVersion],
           changes: Mapping[str, Sequence[infusion_rates.RateChange]]) -> list[Given]:
    """The doses in mL given by a fluid chart's route among the patient's standing `doses` of
    their `orders`, oldest first, that none of the `standing` volumes charts (`_not_charted`).
    Only what an order gives is read of it, never when it stopped: a bag given was given, but for
    a bag taken down (`changes`, by bag), what ran in (see `Given`)."""
    by_id = {order.record_id: order for order in map(medication.order_of, _in_force(orders))
             if order.route in MAR_ROUTES and order.dose_unit == "mL"}
    found = [_bag(dose, by_id[dose.order_id], changes.get(dose.record_id, []))
             for dose in map(medication.administration_of, _in_force(doses))
             if dose.order_id in by_id and dose.outcome is Outcome.GIVEN]
    found = [one for one in found if one.volume >= SMALLEST_ML.get(one.route, 0)]
    return _not_charted(sorted(found, key=lambda one: elapsed.instant(one.at)), standing)


def _bag(dose: Administration, order: Order,
         changes: Sequence[infusion_rates.RateChange]) -> Given:
    """A dose given as the fluid chart takes it (`Given`)."""
    volume = dose.dose if dose.dose is not None else order.dose
    if (stop := infusion_rates.stopped_at(changes)) is None:
        return Given(dose.record_id, dose.at, order.drug, order.route, round(volume), dose.scheduled_for)
    ran = infusion_rates.run_in(dose, changes, stop, volume)
    return Given(dose.record_id, dose.at, order.drug, order.route, round(volume if ran is None else ran),
                 dose.scheduled_for, stop, ran is None)


def _in_force(found: list[RecordVersion]) -> list[RecordVersion]:
    return [record for record in found if record.status is not RecordStatus.ENTERED_IN_ERROR]


def _not_charted(given: list[Given], standing: list[Charted]) -> list[Given]:
    """Those of `given` (oldest first) no standing volume charts. A bag charted from the tab names
    its dose; one typed by hand on the fluid chart names none, and charts the oldest bag not
    charted yet that it can be (`_charts`), each volume one bag: counted on both charts, a litre
    typed by hand made a false "OVER THE FLUID RESTRICTION" and the doctor called."""
    linked = {one.record.data.get("dose") for one in standing}
    typed = [one.measure for one in standing if not one.record.data.get("dose")]
    found = []
    for one in given:
        if one.dose in linked:
            continue
        match = next((index for index, measure in enumerate(typed) if _charts(measure, one)), None)
        if match is None:
            found.append(one)
        else:
            del typed[match]
    return found


def _charts(measure: Measure, given: Given) -> bool:
    """Whether a volume typed by hand is this bag: by its route, of its volume, on its chart's
    day, measured once it was hung: when it had run through, or when it went up, up to
    `TYPED_BEFORE` before the dose was recorded given, or from the order's slot it was given for.
    Matched only from its giving, the litre typed at 10:00 for the dose recorded at 10:05 was
    counted twice, a false "OVER THE FLUID RESTRICTION"."""
    hung = elapsed.instant(given.at) - TYPED_BEFORE
    if given.scheduled_for is not None:
        hung = min(hung, elapsed.instant(given.scheduled_for))
    return (measure.route == MAR_ROUTES[given.route] and measure.volume == given.volume
            and elapsed.instant(measure.at) >= hung and chart_day(measure.at) == chart_day(given.at))


def given_words(given: Sequence[Given], lang: Lang) -> str:
    return WORDS["bags"][lang].format(bags=", ".join(one.text(lang) for one in given)) if given else ""


def day_ends(day: date, now: datetime) -> datetime:
    """When the chart of `day` closes (07:00 the next day, on `now`'s clock)."""
    return datetime.combine(day + timedelta(days=1), DAY_STARTS, tzinfo=now.tzinfo)


def day_plan(db: Database, patient_id: str, day: date, now: datetime) -> Plan | None:
    """The restriction or target the chart of `day` is measured against: the one in force at
    the end of its day, or now for the chart under way."""
    return plans(db, [patient_id], min(day_ends(day, now), now, key=elapsed.instant)).get(patient_id)


def plan_words(plan: Plan | None, chart: FluidDay, lang: Lang, given: Sequence[Given] = (), *,
               closed: bool = False) -> tuple[str, list[str]]:
    """The plan and the day's intake against it, the bags `given` on the medication chart and not
    charted yet counted in, and what it asks (a restriction exceeded, a target not reached on a
    day that has `closed`)."""
    if plan is None:
        return "", []
    bags = sum(one.volume for one in given)
    judged = plan.judged(chart.intake, lang, given=bags, closed=closed)
    if plan.asks(chart.intake + bags, closed=closed):
        return plan.text(lang), [judged]
    return labelled(plan.text(lang), judged, lang), []


@dataclass(frozen=True)
class Judged:
    """What a chart's day says of its intake as the tab shows it or it is printed: `plan` and
    `asks` as `plan_words` says them, `given` the bags given on the medication chart that day and
    not charted yet (listed under the sums, offered to chart)."""

    plan: str
    asks: list[str]
    given: list[Given]


def judged_day(db: Database, patient_id: str, chart: FluidDay, now: datetime, lang: Lang) -> Judged:
    """The restriction or target `chart`'s day is measured against (`day_plan`), judged at `now`
    against its intake and the bags given that day on the medication chart, not on this one."""
    given = given_not_charted(db, patient_id, chart.day)
    plan, asks = plan_words(day_plan(db, patient_id, chart.day, now), chart, lang, given,
                            closed=chart.day < chart_day(now))
    return Judged(plan, asks, given)


@dataclass(frozen=True)
class Exceeded:
    """A restriction in force exceeded on the chart under way: `plan` its words, `said` the intake
    against it, as the handover says them; `until` the chart's day closes and it is judged afresh."""

    plan: str
    said: list[str]
    until: datetime


def restrictions_exceeded(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, Exceeded]:
    """Those of these patients whose restriction in force at `at` the chart under way's intake
    exceeds, the bags given on the medication chart and not charted yet counted in: the
    escalation list's, which said only a low urine output, so that a restriction exceeded at
    14:00 waited for the evening handover."""
    day, found = chart_day(at), {}
    restricted = {patient_id: plan for patient_id, plan in plans(db, patient_ids, at).items()
                  if plan.kind == "restriction"}
    standing = _standing_by_patient(db, list(restricted))
    given = _given_by_patient(db, list(restricted), standing)
    for patient_id, plan in restricted.items():
        chart = fluid_day(day, [one.measure for one in standing.get(patient_id, [])])
        bags = [one for one in given.get(patient_id, []) if chart_day(one.at) == day]
        words, asks = plan_words(plan, chart, lang, bags)
        if asks:
            found[patient_id] = Exceeded(words, asks, day_ends(day, at))
    return found


@dataclass(frozen=True)
class DayChart:
    """A chart's day and the volumes on it, oldest first; `days`: every day the patient has a
    chart for, oldest first, for a chart to be turned to the day before or after."""

    chart: FluidDay
    entries: list[Charted]
    days: list[date]


def day_chart(db: Database, patient_id: str, day: date) -> DayChart:
    every = measures(db, patient_id)
    on_day = [one for one in every if chart_day(one.measure.at) == day]
    return DayChart(fluid_day(day, [one.measure for one in on_day]), on_day,
                    sorted({chart_day(one.measure.at) for one in every}))


def heading(column: str, lang: Lang) -> str:
    return (HEADINGS.get(column) or WORDS[column])[lang]


def route_label(spec: FormSpec, route: str, lang: Lang) -> str:
    """The route as the form's option says it ("In: intravenous")."""
    return next(option.label.get(lang) for option in spec.field("route").options if option.code == route)


def column_value(chart: FluidDay, row: int, column: str) -> int | None:
    """A cell of the chart: an hour's volume by a route, a side's total, the balance carried;
    None where nothing was measured (a side's total in an hour only the other side's was, the
    balance in an hour nothing was), left empty to be written in by hand."""
    hour = chart.hours[row]
    if column == "balance":
        return hour.balance if hour.measured else None
    side = {"total_in": (INTAKE, hour.intake), "total_out": (OUTPUT, hour.output)}.get(column)
    if side is None:
        return hour.volumes.get(column)
    routes, total = side
    return total if any(route in hour.volumes for route in routes) else None


def column_total(chart: FluidDay, column: str) -> int:
    """The 24 hours' total of a column; for the balance, the day's."""
    sides = {"total_in": chart.intake, "total_out": chart.output, "balance": chart.balance}
    return sides[column] if column in sides else chart.totals[column]


def day_words(day: date, lang: Lang) -> str:
    return WORDS["day"][lang].format(start=f"{day:%d/%m/%Y}", end=f"{day + timedelta(days=1):%d/%m/%Y}")


def summary(chart: FluidDay, lang: Lang) -> str:
    """The day's sums in words, and how far the chart has been kept (a balance of +1500 mL at
    09:00 says nothing of the night to come)."""
    if not chart.measured:
        return WORDS["none"][lang]
    text = WORDS["summary"][lang].format(intake=chart.intake, output=chart.output, balance=signed_ml(chart.balance))
    last = chart.last_hour
    return f"{text} ({WORDS['kept_to'][lang].format(hour=f'{last.hour:02d}')})" if last else text



def urine_outputs(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary],
                  at: datetime) -> dict[str, UrineOutput]:
    """The urine output over the last hours of those of `patients` whose urine is measured every
    hour (domain.fluid_balance.urine_output), per kilogram of their latest weight this stay; of
    one not weighed this stay, without (an empty bag each hour is said all the same)."""
    charted = current_by_patient(db, FORM, [patient.patient_id for patient in patients])
    if not charted:
        return {}
    # Only the weights of the patients with a fluid chart: a hospital's census has thousands.
    weights = weight.latest(db, forms, [patient for patient in patients if patient.patient_id in charted])
    return {patient_id: output for patient_id, records in charted.items()
            if (output := urine_output([one.measure for one in _standing(records)],
                                       weights[patient_id].kg if patient_id in weights else None, at))}


def urine_words(output: UrineOutput, lang: Lang, *, called: bool = True) -> str:
    """"Urine 180 mL in 6 hours since 28/11 08:00"; `called`, what it asks: no urine at all, or
    below 0.5 mL/kg/h, the call to tell the doctor with the figures it is made on; of a patient
    not weighed this stay, to weigh them (`noted`)."""
    values = {"volume": output.volume, "hours": OLIGURIA_HOURS, "time": f"{output.since:%d/%m %H:%M}"}
    if not called:
        return WORDS["urine"][lang].format(**values)
    if output.anuric:
        return WORDS["no_urine"][lang].format(**values)
    if output.weight_kg is None or output.per_kg_hour is None:
        return WORDS["unweighed"][lang].format(**values)
    rate = {"rate": decimal_text(round(output.per_kg_hour, 2), lang), "weight": decimal_text(output.weight_kg, lang)}
    return WORDS["low_urine" if output.low else "urine"][lang].format(**values, **rate)


def noted(output: UrineOutput) -> bool:
    """Whether the handover and the fluid tab say it: when it calls the doctor, or its patient is
    to be weighed for it to be judged (the escalation list only the first)."""
    return output.low or output.weight_kg is None


def handover(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these patients' fluid balance at `at`, for those
    with a chart or a restriction or target in force: the last whole day's balance (07:00 to
    07:00) and the chart under way's so far, each when anything was measured on it, and the bags
    given on each day's medication chart and not on its fluid chart yet; what the day just closed
    asks of the restriction or target it was measured against (exceeded, not reached: at 07:00
    the chart under way starts again from 0 mL, and a restriction exceeded overnight read
    "1500 mL left"); the restriction or target in force with the intake since 07:00 and the bags
    against it; and a low urine output, none at all, or one not judged for want of a weight
    (`noted`). At the morning handover the night's sums are on the day just closed; at the
    evening one, on the chart under way."""
    under_way = chart_day(at)
    closed = under_way - timedelta(days=1)
    patient_ids = [patient.patient_id for patient in patients]
    urine = {patient_id: output for patient_id, output in urine_outputs(db, forms, patients, at).items()
             if noted(output)}
    judged_by = {under_way: plans(db, patient_ids, at), closed: _of_present_stays(db, plans(db, patient_ids,
                                                                                             day_ends(closed, at)))}
    standing = _standing_by_patient(db, patient_ids)
    charts = {patient_id: {day: fluid_day(day, [one.measure for one in standing.get(patient_id, [])])
                           for day in (closed, under_way)} for patient_id in patient_ids}
    kept = [patient_id for patient_id, days in charts.items()
            if any(chart.measured or patient_id in judged_by[day] for day, chart in days.items())]
    given_by = _given_by_patient(db, kept, standing)
    said = {}
    for patient_id in kept:
        days, given = charts[patient_id], given_by.get(patient_id, [])
        parts = [part for day, chart in days.items() for part in _day_parts(
            chart, judged_by[day].get(patient_id), [one for one in given if chart_day(one.at) == day],
            day == closed, lang)]
        if patient_id in urine:
            parts.append(urine_words(urine[patient_id], lang))
        if parts:
            said[patient_id] = WORDS["handover"][lang].format(days=semicolon(lang).join(parts))
    return said


def _of_present_stays(db: Database, found: dict[str, Plan]) -> dict[str, Plan]:
    """Those of `found` decided in their patient's present stay: the day just closed of a patient
    readmitted since was the stay before's, whose restriction is no longer this stay's."""
    kept = in_present_stays(db, {patient_id: [plan.record] for patient_id, plan in found.items()})
    return {patient_id: found[patient_id] for patient_id in kept}


def _day_parts(chart: FluidDay, plan: Plan | None, given: list[Given], closed: bool, lang: Lang) -> list[str]:
    """What the handover says of one chart's day: its sums, the bags `given` on the medication
    chart not charted yet, and the intake against `plan`: on the day just `closed` only what it
    asks, dated; on the chart under way the plan in force, with the intake so far."""
    start, end = f"{chart.day:%d/%m}", f"{chart.day + timedelta(days=1):%d/%m}"
    parts = [WORDS["last_day" if closed else "under_way"][lang].format(
        start=start, end=end, balance=signed_ml(chart.balance), intake=chart.intake, output=chart.output)
    ] if chart.measured else []
    if given:
        parts.append(given_words(given, lang))
    words, asks = plan_words(plan, chart, lang, given, closed=closed)
    if closed:
        return parts + [WORDS["closed"][lang].format(start=start, end=end, judged=ask) for ask in asks]
    return parts + [part for part in (words, *asks) if part]

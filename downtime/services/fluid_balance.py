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
from downtime.domain.medication import Outcome
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.i18n import decimal_text, labelled, semicolon
from downtime.services.bedside import stays_began
from downtime.services import medication, weight
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
    "urine": {"en": "Urine {volume} mL in {hours} hours since {time}", "fr": "Urines {volume} mL en {hours} heures depuis {time}"},
    "restriction": {"en": "Fluid restriction: no more than {volume} mL in 24 hours ({who}, {time})",
                    "fr": "Restriction hydrique : pas plus de {volume} mL en 24 heures ({who}, {time})"},
    "target": {"en": "Fluid target: at least {volume} mL in 24 hours ({who}, {time})",
               "fr": "Objectif hydrique : au moins {volume} mL en 24 heures ({who}, {time})"},
    "left": {"en": "{intake} mL in, {left} mL left", "fr": "{intake} mL entrés, {left} mL restants"},
    "over": {"en": "OVER THE FLUID RESTRICTION: {intake} mL in, {volume} mL allowed: tell the doctor",
             "fr": "RESTRICTION HYDRIQUE DÉPASSÉE : {intake} mL entrés, {volume} mL autorisés : prévenir le médecin"},
    "to_go": {"en": "{intake} mL in, {left} mL to go", "fr": "{intake} mL entrés, encore {left} mL"},
    "reached": {"en": "{intake} mL in: target reached", "fr": "{intake} mL entrés : objectif atteint"},
    "bags": {"en": "Given on the medication chart, not on this chart yet: {bags}",
             "fr": "Administré sur le plan d’administration, pas encore sur cette feuille : {bags}"},
    "bag": {"en": "{time} {drug} {volume} mL", "fr": "{time} {drug} {volume} mL"},
}
MAR_ROUTES = {"IV": "in_iv", "NG": "in_enteral"}
"""The medication chart's routes whose doses in mL go in on the fluid chart, and as what."""
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

    def over(self, intake: int) -> bool:
        return self.kind == "restriction" and intake > self.volume

    def judged(self, intake: int, lang: Lang) -> str:
        """The day's intake so far against it: "1200 mL in, 300 mL left", "OVER THE FLUID
        RESTRICTION: …", "800 mL in, 1200 mL to go", "2100 mL in: target reached"."""
        if self.kind == "restriction":
            key = "over" if self.over(intake) else "left"
        else:
            key = "reached" if intake >= self.volume else "to_go"
        return WORDS[key][lang].format(intake=intake, volume=self.volume, left=abs(self.volume - intake))


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
    """A dose in mL given by a route that goes on the fluid chart (an infusion bag, a feed), from
    the medication chart: `dose` its record, `drug` its order's, `volume` in mL."""

    dose: str
    at: datetime
    drug: str
    route: str
    volume: int

    def text(self, lang: Lang) -> str:
        return WORDS["bag"][lang].format(time=f"{self.at:%H:%M}", drug=self.drug, volume=self.volume)

    def answers(self) -> dict[str, Any]:
        """The fluid form's first answers for it: when it went in is the nurse's (a bag is charted
        once it has run through)."""
        return {"route": MAR_ROUTES[self.route], "volume": self.volume, "what": self.drug[:100], "dose": self.dose}


def given_not_charted(db: Database, patient_id: str, day: date, now: datetime) -> list[Given]:
    """The doses in mL of the patient's IV and nasogastric orders given on `day`'s chart, oldest
    first, that no standing volume of the fluid chart says it is: what the nurse still has to
    chart (recorded on the medication chart when hung, and typed again on the fluid chart)."""
    charted = {one.record.data.get("dose") for one in measures(db, patient_id)}
    orders = {order.record_id: order for order in medication.orders(db, patient_id, now)
              if order.route in MAR_ROUTES and order.dose_unit == "mL"}
    found = [Given(dose.record_id, dose.at, orders[dose.order_id].drug, orders[dose.order_id].route,
                   round(dose.dose if dose.dose is not None else orders[dose.order_id].dose))
             for dose in medication.administrations(db, patient_id)
             if dose.order_id in orders and dose.outcome is Outcome.GIVEN and chart_day(dose.at) == day
             and dose.record_id not in charted]
    return sorted(found, key=lambda one: elapsed.instant(one.at))


def given_words(given: list[Given], lang: Lang) -> str:
    return WORDS["bags"][lang].format(bags=", ".join(one.text(lang) for one in given)) if given else ""


def day_plan(db: Database, patient_id: str, day: date, now: datetime) -> Plan | None:
    """The restriction or target the chart of `day` is measured against: the one in force at
    the end of its day, or now for the chart under way."""
    end = datetime.combine(day + timedelta(days=1), DAY_STARTS, tzinfo=now.tzinfo)
    return plans(db, [patient_id], min(end, now, key=elapsed.instant)).get(patient_id)


def plan_words(plan: Plan | None, chart: FluidDay, lang: Lang) -> tuple[str, list[str]]:
    """The plan and the day's intake against it, and what it asks (a restriction exceeded)."""
    if plan is None:
        return "", []
    if plan.over(chart.intake):
        return plan.text(lang), [plan.judged(chart.intake, lang)]
    return labelled(plan.text(lang), plan.judged(chart.intake, lang), lang), []


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
    hour and who have been weighed this stay (domain.fluid_balance.urine_output), per kilogram of
    their latest weight."""
    charted = current_by_patient(db, FORM, [patient.patient_id for patient in patients])
    if not charted:
        return {}
    # Only the weights of the patients with a fluid chart: a hospital's census has thousands.
    weights = weight.latest(db, forms, [patient for patient in patients if patient.patient_id in charted])
    return {patient_id: output for patient_id, records in charted.items()
            if patient_id in weights
            and (output := urine_output([one.measure for one in _standing(records)], weights[patient_id].kg, at))}


def urine_words(output: UrineOutput, lang: Lang, *, called: bool = True) -> str:
    """"Urine 180 mL in 6 hours since 28/11 08:00"; below 0.5 mL/kg/h and `called`, the call to
    tell the doctor with the figures it is made on."""
    values = {"volume": output.volume, "hours": OLIGURIA_HOURS, "time": f"{output.since:%d/%m %H:%M}",
              "rate": decimal_text(round(output.per_kg_hour, 2), lang), "weight": decimal_text(output.weight_kg, lang)}
    return WORDS["low_urine" if output.low and called else "urine"][lang].format(**values)


def handover(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these patients' fluid balance at `at`, for those
    with a chart: the last whole day's balance (07:00 to 07:00) and the chart under way's so far,
    each when anything was measured on it, the restriction or target in force with the intake
    since 07:00 against it, and a low urine output. At the morning handover the night's sums are
    on the day just closed; at the evening one, on the chart under way."""
    under_way = chart_day(at)
    days = (under_way - timedelta(days=1), under_way)
    low = {patient_id: output for patient_id, output in urine_outputs(db, forms, patients, at).items() if output.low}
    in_force = plans(db, [patient.patient_id for patient in patients], at)
    said = {}
    for patient_id, records in current_by_patient(db, FORM, [patient.patient_id for patient in patients]).items():
        found = [one.measure for one in _standing(records)]
        last, now = (fluid_day(day, found) for day in days)
        parts = [WORDS[key][lang].format(start=f"{day:%d/%m}", end=f"{day + timedelta(days=1):%d/%m}",
                                         balance=signed_ml(chart.balance), intake=chart.intake, output=chart.output)
                 for key, day, chart in (("last_day", days[0], last), ("under_way", days[1], now)) if chart.measured]
        if patient_id in in_force:
            plan, asks = plan_words(in_force[patient_id], now, lang)
            parts += [plan, *asks]
        if patient_id in low:
            parts.append(urine_words(low[patient_id], lang))
        if parts:
            said[patient_id] = WORDS["handover"][lang].format(days=semicolon(lang).join(parts))
    return said

"""A patient's fluid balance chart: the volumes measured in and out (each a record of the
`fluid_balance` form, amended or withdrawn as any record), charted by the hour over the chart's
day, and the fluid restriction or target in force (`fluid_plan`) the day's intake is measured
against. The totals are never stored: worked out from the standing records each time, an
amended volume changes its column, its hour's balance and the day's."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_day, ward_time
from downtime.domain import child_fluids, elapsed
from downtime.domain.age import CHILD_UNTIL, age_in_years
from downtime.domain.fluid_balance import (AMOUNT_MARKS, DAY_STARTS, INTAKE, IRRIGATION, OLIGURIA_BELOW, OUTPUT,
                                           FluidDay, Measure, UrineOutput, chart_day, day_hours, fluid_day,
                                           signed_ml, urine_output)
from downtime.domain.medication import Administration, Order, Outcome
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.news2 import ADULT_FROM_YEARS
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, decimal_text, labelled, message, semicolon
from downtime.services.bedside import in_present_stays, stays_began
from downtime.services import infusion_rates, lab_results, medication, observations, weight
from downtime.services.census import patient_with_location
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
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
    IRRIGATION: {"en": "Bladder irrig.", "fr": "Irrig. vésicale"},
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
    "day": {"en": "{hours} hours from {start} 07:00 to {end} 07:00", "fr": "{hours} heures du {start} 7 h au {end} 7 h"},
    "clock_day": {"en": " (this chart's day has {hours} hours: the clocks changed)",
                  "fr": " (cette journée compte {hours} heures : changement d’heure)"},
    "summary": {"en": "In {intake} mL — out {output} mL — balance {balance}",
                "fr": "Entrées {intake} mL — sorties {output} mL — bilan {balance}"},
    "kept_to": {"en": "measured up to the {hour}:00 hour", "fr": "mesures jusqu’à la tranche de {hour} h"},
    "irrigated": {"en": "bladder irrigation {irrigation} mL in (not intake), true urine {urine} mL",
                  "fr": "irrigation vésicale {irrigation} mL entrés (hors apports), urines vraies {urine} mL"},
    "irrigated_no_bag": {"en": "bladder irrigation {irrigation} mL in (not intake), urine bag not charted",
                         "fr": "irrigation vésicale {irrigation} mL entrés (hors apports), poche à urines non notée"},
    "irrigated_unmeasured": {"en": "bladder irrigation {irrigation} mL in (not intake), urine bag not charted, urine "
                                   "passed not measured ({marks}): no true urine without the bag's volume",
                             "fr": "irrigation vésicale {irrigation} mL entrés (hors apports), poche à urines non "
                                   "notée, urines non mesurées ({marks}) : pas d’urines vraies sans le volume de la "
                                   "poche"},
    "irrigated_retained": {"en": "bladder irrigation {irrigation} mL in (not intake), {retained} mL of it not returned",
                           "fr": "irrigation vésicale {irrigation} mL entrés (hors apports), dont {retained} mL non "
                                 "revenus"},
    "retained": {"en": "IRRIGANT NOT RETURNED: {retained} mL — check the catheter is not blocked, tell the doctor",
                 "fr": "LIQUIDE D’IRRIGATION NON REVENU : {retained} mL — vérifier que la sonde n’est pas bouchée, "
                       "prévenir le médecin"},
    "none": {"en": "Nothing measured on this chart's day.", "fr": "Aucune mesure ce jour-là."},
    "unmeasured": {"en": "outputs not measured, not in the sums: {which}",
                   "fr": "sorties non mesurées, hors totaux : {which}"},
    "carried": {"en": "Balance brought forward (from {since} 07:00) {carried}, cumulative {cumulative}",
                "fr": "Bilan reporté (depuis le {since} 7 h) {carried}, cumulé {cumulative}"},
    "cumulative": {"en": "cumulative since {since} 07:00 {cumulative}",
                   "fr": "cumulé depuis le {since} 7 h {cumulative}"},
    "weighed": {"en": "Weight {weight} kg ({time}): 0.5 mL/kg/h = {hourly} mL/h of urine",
                "fr": "Poids {weight} kg ({time}) : 0,5 mL/kg/h = {hourly} mL/h d’urines"},
    "not_weighed": {"en": "Weight: none this stay, weigh the patient to judge the urine per kg",
                    "fr": "Poids : aucun pendant ce séjour, peser le patient pour juger la diurèse par kg"},
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
    "no_urine_bag": {"en": "NO URINE IN THE BAG: 0 mL in {hours} hours since {time}, each hour measured, and urine "
                           "passed not measured ({marks}) in those hours: check the catheter is not blocked "
                           "(bypassing), tell the doctor",
                     "fr": "AUCUNE URINE DANS LA POCHE : 0 mL en {hours} heures depuis {time}, chaque heure mesurée, "
                           "et des urines non mesurées ({marks}) pendant ces heures : vérifier que la sonde n’est pas "
                           "bouchée (fuite autour de la sonde), prévenir le médecin"},
    "passed": {"en": "; urine passed besides, not measured ({marks}), not in the {volume} mL: check the catheter is "
                     "not blocked (bypassing)",
               "fr": " ; urines non mesurées en plus ({marks}), hors des {volume} mL : vérifier que la sonde n’est "
                     "pas bouchée (fuite autour de la sonde)"},
    "urine": {"en": "Urine {volume} mL in {hours} hours since {time}", "fr": "Urines {volume} mL en {hours} heures depuis {time}"},
    "comfort_no_urine": {"en": "No urine: 0 mL in {hours} hours since {time}, each hour measured: comfort care, check "
                               "the catheter is not blocked",
                         "fr": "Anurie : 0 mL en {hours} heures depuis {time}, chaque heure mesurée : soins de confort, "
                               "vérifier que la sonde n’est pas bouchée"},
    "comfort_no_urine_bag": {"en": "No urine in the bag: 0 mL in {hours} hours since {time}, each hour measured, and "
                                   "urine passed not measured ({marks}) in those hours: comfort care, check the catheter "
                                   "is not blocked (bypassing)",
                             "fr": "Aucune urine dans la poche : 0 mL en {hours} heures depuis {time}, chaque heure "
                                   "mesurée, et des urines non mesurées ({marks}) pendant ces heures : soins de confort, "
                                   "vérifier que la sonde n’est pas bouchée (fuite autour de la sonde)"},
    "comfort_low": {"en": " (comfort care: a low output is expected, the doctor need not be called)",
                    "fr": " (soins de confort : une diurèse basse est attendue, inutile d’appeler le médecin)"},
    "low_unweighed": {"en": "LOW URINE OUTPUT: {volume} mL in {hours} hours since {time} (below 0.5 mL/kg/h even at "
                            "{lightest} kg, the lightest for the age; no weight this stay): tell the doctor, weigh the "
                            "patient",
                      "fr": "DIURÈSE BASSE : {volume} mL en {hours} heures depuis {time} (moins de 0,5 mL/kg/h même à "
                            "{lightest} kg, le poids le plus faible pour l’âge ; aucun poids pendant ce séjour) : "
                            "prévenir le médecin, peser le patient"},
    "low_unweighed_no_age": {"en": "LOW URINE OUTPUT: {volume} mL in {hours} hours since {time} (below 0.5 mL/kg/h "
                                   "even at {lightest} kg, an adult's lightest, the age not known; no weight this "
                                   "stay): tell the doctor, weigh the patient",
                             "fr": "DIURÈSE BASSE : {volume} mL en {hours} heures depuis {time} (moins de 0,5 "
                                   "mL/kg/h même à {lightest} kg, le poids adulte le plus faible, âge inconnu ; "
                                   "aucun poids pendant ce séjour) : prévenir le médecin, peser le patient"},
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
RUNS_UP_TO = timedelta(hours=24)
"""The longest a bag given on the medication chart runs: a volume of it typed by hand later than
that, on the next chart's day, is of another bag."""
COLUMNS = (*INTAKE, "total_in", *OUTPUT, "total_out", "balance")
"""The chart's columns after the hour, as on paper: what went in, its total, what came out,
its total, the balance carried."""


def columns(chart: FluidDay | None) -> tuple[str, ...]:
    """`COLUMNS`, and on a chart with bladder irrigation its own column after the intake's total
    (on the balance's in side, not in the intake): a column every chart carried left the others
    too narrow for a volume written by hand."""
    if chart is None or not any(IRRIGATION in hour.volumes for hour in chart.hours):
        return COLUMNS
    at = COLUMNS.index("total_in") + 1
    return (*COLUMNS[:at], IRRIGATION, *COLUMNS[at:])


@dataclass(frozen=True)
class Charted:
    """A standing volume and the record it was measured in (to open it, to amend it)."""

    record: RecordVersion
    measure: Measure


NOT_MEASURED = "not_measured"
"""Version 3's amount of an output not measured (a code of domain.fluid_balance.AMOUNT_MARKS), its
volume then left out: a vomit in the bed, or urine in a pad, had to be given a made-up figure or
not charted at all, and the balance overstated."""


def charted(record: RecordVersion) -> Charted:
    data = record.data
    volume = data.get("volume")
    return Charted(record, Measure(datetime.fromisoformat(data["measured_at"]), data["route"],
                                   None if volume is None else int(volume), data.get(NOT_MEASURED)))


def volume_words(spec: FormSpec, measure: Measure, lang: Lang) -> str:
    """"250 mL", or an output not measured as the form's option says it ("Not measured: large (+++)")."""
    if measure.volume is not None:
        return f"{measure.volume} mL"
    return next(str(option.label.get(lang)) for option in spec.field(NOT_MEASURED).options
                if option.code == measure.amount)


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

    def text(self, lang: Lang, kg: float | None = None) -> str:
        """"Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 03/12 09:00)"; a child's
        (`kg`: their weight, `child_kg`) with its volume per kilogram, which a child's fluids are
        judged by (NICE NG29): 1500 mL for a 6.1 kg baby is 246 mL/kg/day."""
        data = self.record.data
        said = WORDS[self.kind][lang].format(volume=self.volume, who=" ".join(data["decided_by"].split()),
                                             time=ward_time(datetime.fromisoformat(data["decided_at"]), None))
        return said if kg is None else PER_KG[lang].format(said=said, per_kg=round(self.volume / kg),
                                                          kg=decimal_text(kg, lang))

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


PLAN_LEAST_ML = 250
"""The least 24 hours' volume of a restriction or target for a patient past a newborn's size (the
form takes 10 mL, a preterm baby's): under it, a typo (15 for 1500) that made every drink "OVER
THE FLUID RESTRICTION", or a target met by the first cup."""
NEWBORN_UP_TO_KG = 10.0
"""The heaviest a patient under `ADULT_FROM_YEARS` is weighed who may have a plan under `PLAN_LEAST_ML`."""
PLAN_TOO_LITTLE = QT_TRANSLATE_NOOP(
    "messages", "{field}: {volume} mL in 24 hours is too little for a patient aged {years} or over or weighing "
                "over {kg} kg: at least {least} mL (was a figure left out, 15 for 1500?).")


PLAN_REASON = "reason_above"
"""The fluid plan's field (version 2) for the doctor's reason a child's volume is above
`child_plan_limit` (`child_plan_asks`)."""
PLAN_ABOVE = {
    "child": {"en": "{volume} mL in 24 hours is {per_kg} mL/kg a day for {kg} kg, above {limit} mL ({times} times the "
                    "maintenance of {maintenance} mL a day, Holliday-Segar 4-2-1; NICE NG29): check it against the "
                    "child's weight (150 typed 1500?). If it is meant, give the reason in “{field}”.",
              "fr": "{volume} mL en 24 heures font {per_kg} mL/kg par jour pour {kg} kg, plus de {limit} mL ({times} fois "
                    "les besoins d’entretien de {maintenance} mL par jour, Holliday-Segar 4-2-1 ; NICE NG29) : le "
                    "vérifier d’après le poids de l’enfant (1500 tapé pour 150 ?). S’il est voulu, en donner le motif "
                    "dans « {field} »."},
    "infant": {"en": "{volume} mL in 24 hours is {per_kg} mL/kg a day for {kg} kg, above {limit} mL ({most} mL/kg a "
                     "day, the most an infant feeds, up to 2 years or 10 kg: a guard against a typing slip, not a "
                     "clinical ceiling): check it against the baby's weight (150 typed 1500?). If it is meant, give "
                     "the reason in “{field}”.",
               "fr": "{volume} mL en 24 heures font {per_kg} mL/kg par jour pour {kg} kg, plus de {limit} mL ({most} "
                     "mL/kg par jour, le plus qu’un nourrisson boive, jusqu’à 2 ans ou 10 kg : un garde-fou contre une "
                     "faute de frappe, pas un plafond clinique) : le vérifier d’après le poids du bébé (1500 tapé pour "
                     "150 ?). S’il est voulu, en donner le motif dans « {field} »."}}
"""What a child's plan above their weight's asks (`child_plan_asks`): a child's, or an infant's."""
INFANT_PLAN_MOST = 200
"""The mL/kg a day an infant's plan (under `INFANT_PLAN_UNTIL_YEARS` or up to `INFANT_PLAN_UP_TO_KG`)
may reach before it is asked: a plan counts feeds,
and an infant's usual milk is 150 mL/kg a day, up to about 200 for some (UK infant feeding
guidance), above 1.5 times the 4-2-1 maintenance (144 mL/kg a day under 10 kg), so each ordinary
feed target read "150 typed 1500?". A guard against a typing slip (a tenfold 1500), not a
clinical ceiling; the same on either side of day 28, where a neonate's IV ceiling is not."""
INFANT_PLAN_UNTIL_YEARS = 2
INFANT_PLAN_UP_TO_KG = 10
"""Who is fed as an infant (`INFANT_PLAN_MOST`), whichever the child is: under 2 years, or up to 10
kg (feeds scale with the weight, not the birthday): a 7 kg 13-month-old's 150 mL/kg a day was asked
as "150 typed 1500?" at the first birthday (review T2 D7)."""
PER_KG = {"en": "{said} (= {per_kg} mL/kg/day for {kg} kg)", "fr": "{said} (= {per_kg} mL/kg/jour pour {kg} kg)"}
"""A child's plan said with its volume per kilogram (`Plan.text`)."""


def check_plan(session: Session, patient_id: str, data: Mapping[str, Any]) -> None:
    """Refuse a restriction or target under `PLAN_LEAST_ML` for a patient aged `ADULT_FROM_YEARS`
    or over on the day it was decided, or whose latest weight this stay is over `NEWBORN_UP_TO_KG`:
    the form's least is a preterm baby's, and an adult's 1500 mL typed 15 was saved without a word.
    Then a child's above their weight's (`child_plan_asks`) without the doctor's reason."""
    volume = data.get("volume")
    if volume is None:
        return
    patient = patient_with_location(session.db, session.forms, patient_id)
    decided = datetime.fromisoformat(str(data["decided_at"]))
    if int(volume) < PLAN_LEAST_ML:
        aged = patient.birth_date is not None and age_in_years(patient.birth_date, ward_day(decided)) >= ADULT_FROM_YEARS
        weighed = weight.latest(session.db, session.forms, [patient]).get(patient_id)
        if aged or (weighed is not None and weighed.kg > NEWBORN_UP_TO_KG):
            label = session.form(PLAN_FORM).field("volume").label.get(session.lang)
            raise ValidationFailed([FieldError("volume", message(session.lang, PLAN_TOO_LITTLE, field=label,
                                                                 volume=int(volume), least=PLAN_LEAST_ML,
                                                                 years=ADULT_FROM_YEARS,
                                                                 kg=decimal_text(NEWBORN_UP_TO_KG, session.lang)))])
    if (said := child_plan_asks(session, patient_id, data)) is not None:
        raise ValidationFailed([FieldError("volume", said)])


def child_kg(db: Database, forms: Mapping[str, FormSpec], patient: PatientSummary, at: datetime) -> float | None:
    """The latest weight this stay of a patient under `CHILD_UNTIL` (18) at `at` (NICE NG29's
    children and young people, whose fluids go by their weight, as domain.child_fluids weighs
    them); None for an adult, or a child not weighed."""
    born = patient.birth_date
    if born is None or ward_day(at) < born or age_in_years(born, ward_day(at)) >= CHILD_UNTIL:
        return None
    weighed = weight.latest(db, forms, [patient]).get(patient.patient_id)
    return None if weighed is None else weighed.kg


def child_plan_asks(session: Session, patient_id: str, data: Mapping[str, Any]) -> str | None:
    """Why a child's restriction or target (`data`) asks the doctor's reason, kept in `PLAN_REASON`,
    None when it does not: more in 24 hours than `ASKED_ABOVE` times the maintenance for their
    weight (Holliday-Segar, NICE NG29: domain.child_fluids), an infant's (`INFANT_PLAN_UNTIL_YEARS`,
    `INFANT_PLAN_UP_TO_KG`) above the more of that and `INFANT_PLAN_MOST` mL/kg a day (their
    feeds); or the reason given. A 6.1 kg baby's target of 150 mL typed 1500 (246 mL/kg a day) was
    saved unasked, and every day's close read "FLUID TARGET NOT REACHED: tell the doctor", pushing
    fluid into an infant."""
    volume, decided = data.get("volume"), datetime.fromisoformat(str(data["decided_at"]))
    patient = patient_with_location(session.db, session.forms, patient_id)
    kg = child_kg(session.db, session.forms, patient, decided)
    if volume is None or kg is None or str(data.get(PLAN_REASON) or "").strip():
        return None
    infant = age_in_years(patient.birth_date, ward_day(decided)) < INFANT_PLAN_UNTIL_YEARS or kg <= INFANT_PLAN_UP_TO_KG
    maintenance = 24 * child_fluids.maintenance_ml_h(kg, patient.sex)
    limit = child_fluids.ASKED_ABOVE * maintenance
    if infant:
        limit = max(limit, INFANT_PLAN_MOST * kg)
    if int(volume) <= limit * (1 + 1e-9):
        return None
    lang = session.lang
    return PLAN_ABOVE["infant" if infant else "child"][lang].format(
        volume=int(volume), per_kg=round(int(volume) / kg), kg=decimal_text(kg, lang), limit=round(limit),
        times=decimal_text(child_fluids.ASKED_ABOVE, lang), maintenance=round(maintenance),
        most=INFANT_PLAN_MOST, field=session.form(PLAN_FORM).field(PLAN_REASON).label.get(lang))


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
        return WORDS[words][lang].format(time=ward_time(self.at, None, "%H:%M"), drug=self.drug, volume=self.volume,
                                         stop=ward_time(self.stopped, None, "%H:%M") if self.stopped else "")

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
    return {patient_id: _not_charted(every, standing.get(patient_id, []))
            for patient_id, every in _every_given(db, patient_ids).items()}


def _every_given(db: Database, patient_ids: Collection[str]) -> dict[str, list[Given]]:
    """Each of these patients' doses in mL given by a fluid chart's route (`_given`), charted or not."""
    orders = current_by_patient(db, medication.ORDER_FORM, patient_ids)
    doses = current_by_patient(db, medication.DOSE_FORM, patient_ids)
    changes = infusion_rates.by_bag(db, patient_ids)
    return {patient_id: _given(orders[patient_id], doses.get(patient_id, []), changes)
            for patient_id in patient_ids if patient_id in orders}


def doses_charted(db: Database, patient_ids: Collection[str]) -> dict[str, str]:
    """The dose each of these patients' standing volumes charts (`matched`), by the volume's
    record id: one typed by hand as well as one charted from the tab, for the export to link."""
    standing = _standing_by_patient(db, patient_ids)
    return {volume: dose for patient_id, every in _every_given(db, list(standing)).items()
            for volume, dose in matched(every, standing.get(patient_id, [])).items()}


def _given(orders: list[RecordVersion], doses: list[RecordVersion],
           changes: Mapping[str, Sequence[infusion_rates.RateChange]]) -> list[Given]:
    """The doses in mL given by a fluid chart's route among the patient's standing `doses` of
    their `orders`, oldest first. Only what an order gives is read of it, never when it stopped:
    a bag given was given, but for a bag taken down (`changes`, by bag), what ran in (see `Given`)."""
    by_id = {order.record_id: order for order in map(medication.order_of, _in_force(orders))
             if order.route in MAR_ROUTES and order.dose_unit == "mL"}
    found = [_bag(dose, by_id[dose.order_id], changes.get(dose.record_id, []))
             for dose in map(medication.administration_of, _in_force(doses))
             if dose.order_id in by_id and dose.outcome is Outcome.GIVEN]
    found = [one for one in found if one.volume >= SMALLEST_ML.get(one.route, 0)]
    return sorted(found, key=lambda one: elapsed.instant(one.at))


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
    """Those of `given` (oldest first) no standing volume charts (`matched`)."""
    charted_by = matched(given, standing)
    return [one for one in given if one.dose not in charted_by.values()]


def matched(given: list[Given], standing: list[Charted]) -> dict[str, str]:
    """Which of `given` (oldest first) each of the `standing` volumes charts, by the volume's
    record id, each volume one bag: a bag charted from the tab names its dose; one typed by hand
    on the fluid chart names none, and charts the oldest bag not charted yet that it can be
    (`_charts`), one of its own chart's day first, then one still running from the day before:
    counted on both charts, a litre typed by hand made a false "OVER THE FLUID RESTRICTION" and
    the doctor called. The export links each so (sync.fhir_fluids), as the EHR would count it twice."""
    found = {one.record.record_id: str(one.record.data["dose"]) for one in standing if one.record.data.get("dose")}
    typed = [one for one in standing if not one.record.data.get("dose")]
    left = [one for one in given if one.dose not in found.values()]
    for same_day in (True, False):
        for one in list(left):
            match = next((index for index, volume in enumerate(typed) if _charts(volume.measure, one, same_day)), None)
            if match is not None:
                found[typed.pop(match).record.record_id] = one.dose
                left.remove(one)
    return found


def _charts(measure: Measure, given: Given, same_day: bool) -> bool:
    """Whether a volume typed by hand is this bag: by its route, of its volume, measured once it
    was hung: when it had run through, or when it went up, up to `TYPED_BEFORE` before the dose
    was recorded given, or from the order's slot it was given for; on its chart's day, or not
    `same_day` within `RUNS_UP_TO` of its giving (a bag hung at 04:00 typed when it ran through
    at 12:00 was owed by the day before for good, and counted on both days). Matched only from
    its giving, the litre typed at 10:00 for the dose recorded at 10:05 was counted twice, a
    false "OVER THE FLUID RESTRICTION"."""
    hung = elapsed.instant(given.at) - TYPED_BEFORE
    if given.scheduled_for is not None:
        hung = min(hung, elapsed.instant(given.scheduled_for))
    when = elapsed.instant(measure.at)
    in_time = (chart_day(measure.at) == chart_day(given.at) if same_day
               else when <= elapsed.instant(given.at) + RUNS_UP_TO)
    return measure.route == MAR_ROUTES[given.route] and measure.volume == given.volume and when >= hung and in_time


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
               closed: bool = False, zone: tzinfo | None = None, kg: float | None = None) -> tuple[str, list[str]]:
    """The plan and the day's intake against it, the bags `given` on the medication chart and not
    charted yet counted in, and what it asks (a restriction exceeded, a target not reached on a
    day that has `closed`); on a chart's day of 23 or 25 hours on `zone`'s clock (`day_hours`),
    said: a restriction "in 24 hours" was judged on 25 hours' intake without a word. A child's
    plan per kilogram of `kg` (`Plan.text`)."""
    if plan is None:
        return "", []
    bags = sum(one.volume for one in given)
    hours = day_hours(chart.day, zone)
    judged = plan.judged(chart.intake, lang, given=bags, closed=closed) + (
        WORDS["clock_day"][lang].format(hours=hours) if hours != 24 else "")
    if plan.asks(chart.intake + bags, closed=closed):
        return plan.text(lang, kg), [judged]
    return labelled(plan.text(lang, kg), judged, lang), []


@dataclass(frozen=True)
class Judged:
    """What a chart's day says of its intake as the tab shows it or it is printed: `plan` and
    `asks` as `plan_words` says them, `given` the bags given on the medication chart that day and
    not charted yet (listed under the sums, offered to chart)."""

    plan: str
    asks: list[str]
    given: list[Given]


def judged_day(db: Database, patient_id: str, chart: FluidDay, now: datetime, lang: Lang,
               kg: float | None = None) -> Judged:
    """The restriction or target `chart`'s day is measured against (`day_plan`), judged at `now`
    against its intake and the bags given that day on the medication chart, not on this one; a
    child's said per kilogram of `kg` (`child_kg`)."""
    given = given_not_charted(db, patient_id, chart.day)
    plan, asks = plan_words(day_plan(db, patient_id, chart.day, now), chart, lang, given,
                            closed=chart.day < chart_day(now), zone=now.tzinfo, kg=kg)
    return Judged(plan, [*retained_words(chart, lang), *asks], given)


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
        words, asks = plan_words(plan, chart, lang, bags, zone=at.tzinfo)
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


def cell_text(chart: FluidDay, row: int, column: str) -> str:
    """A cell as the chart writes it (`column_value`): the balance signed ("+650", "−1200"), and
    after a route's volume its outputs not measured in the hour as one token (`marks_token`:
    "150 ++", "+++²"), as the paper chart's "V++"."""
    value = column_value(chart, row, column)
    # A no-break space: the hour's row holds one line.
    return "\u00a0".join(filter(None, ("" if value is None else _signed(value, column),
                                        marks_token(chart.hours[row].unmeasured.get(column, ())))))


def total_text(chart: FluidDay, column: str) -> str:
    """A column's 24 hours' total as `cell_text` writes a cell: a route's with its day's outputs not
    measured (`marks_token`), its volume only when one was charted ("+++³", "0 +"): a column of
    "+++" read "0" in the totals row a nurse adds across, as if nothing came up."""
    amounts = chart.unmeasured.get(column, ())
    volume = _signed(column_total(chart, column), column)
    if amounts and not any(column in hour.volumes for hour in chart.hours):
        volume = ""
    return " ".join(filter(None, (volume, marks_token(amounts))))


RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""A count raised after a mark, as an exponent: narrower than "×2" in a cell."""


def marks_token(amounts: Sequence[str]) -> str:
    """Outputs not measured as one token that fits a cell: the largest's mark ("+++"), and how many
    there were when more than one, raised ("+++²": two, the larger +++); each is said in the list
    and under the sums (`marks_words`). "1250 ++ +++" wrapped over three lines of a row one tall,
    its last mark read in the next hour's."""
    if not amounts:
        return ""
    largest = max(amounts, key=list(AMOUNT_MARKS).index)
    count = "" if len(amounts) == 1 else str(len(amounts)).translate(RAISED)
    return AMOUNT_MARKS[largest] + count



def _signed(value: int, column: str) -> str:
    return signed_ml(value).removesuffix(" mL") if column == "balance" else str(value)


def day_words(day: date, lang: Lang, zone: tzinfo | None = None) -> str:
    """"24 hours from 28/11/2026 07:00 to 29/11/2026 07:00"; on `zone`'s clock the night it
    changes, 25 or 23 (`day_hours`): the chart of 24/10 said 24 hours and held 25."""
    return WORDS["day"][lang].format(hours=day_hours(day, zone), start=f"{day:%d/%m/%Y}",
                                     end=f"{day + timedelta(days=1):%d/%m/%Y}")


def irrigated(chart: FluidDay, lang: Lang) -> str:
    """The bladder irrigation run in and the true urine, on a chart with any ("" otherwise); the
    true urine said only once the bag is charted and has given the irrigant back: "true urine
    0 mL" stood for both a bag not charted yet and 600 mL of irrigant left in the bladder; nor of
    urine passed not measured alone, said as such ("true urine 0 mL" again, of urine in the bed)."""
    if not chart.totals.get(IRRIGATION):
        return ""
    passed = chart.unmeasured.get("out_urine", ())
    key = ("irrigated_unmeasured" if not chart.urine_charted and passed else
           "irrigated_no_bag" if not chart.urine_charted else
           "irrigated_retained" if chart.irrigant_retained else "irrigated")
    return WORDS[key][lang].format(irrigation=chart.irrigation, urine=chart.true_urine,
                                   retained=chart.irrigant_retained, marks=marks_words(passed))


def retained_words(chart: FluidDay, lang: Lang) -> list[str]:
    """The alarm of irrigant not returned on `chart` (`FluidDay.irrigant_retained`), none when
    there is none: the red line of the tab, the printed chart, the handover and the escalation list."""
    return [WORDS["retained"][lang].format(retained=chart.irrigant_retained)] if chart.irrigant_retained else []


def irrigant_not_returned(db: Database, patient_ids: Collection[str], at: datetime,
                          lang: Lang) -> dict[str, tuple[str, list[str]]]:
    """Each of these patients whose chart under way at `at` has irrigant not returned: its
    irrigation in words (`irrigated`) and the alarm (`retained_words`), for the escalation list,
    which said nothing of it until the bag read 0 mL for six hours."""
    day, found = chart_day(at), {}
    for patient_id, standing in _standing_by_patient(db, patient_ids).items():
        chart = fluid_day(day, [one.measure for one in standing])
        if said := retained_words(chart, lang):
            found[patient_id] = (irrigated(chart, lang), said)
    return found


@dataclass(frozen=True)
class Carried:
    """The balance brought forward to a chart's day: the sum of the balances of the stay's chart
    days charted one after the other up to the day before, the first `since`, as the paper chart's
    "balance brought forward from the previous 24 hours" (day two of a chart started again from
    0 mL, a patient +1800 mL read +500 mL)."""

    since: date
    balance: int

    def text(self, chart: FluidDay, lang: Lang) -> str:
        """"Balance brought forward (from 28/11 07:00) +1800 mL, cumulative +2300 mL"."""
        return WORDS["carried"][lang].format(since=f"{self.since:%d/%m}", carried=signed_ml(self.balance),
                                             cumulative=signed_ml(self.balance + chart.balance))


def _carried(standing: Sequence[Measure], day: date, began: datetime | None) -> Carried | None:
    """The balance `standing` brings forward to `day` from the chart days of the stay that `began`
    then, each measured, running unbroken up to the day before; None when the day before measured
    nothing, or `day` is before the stay (its earlier days a stay before's). A day not charted is
    not a day balanced at 0 mL: one chart kept on the 24th, none on the 25th to the 27th, read as
    the cumulative balance of four days on the 28th."""
    if began is not None and day < chart_day(began):
        return None
    earlier = [measure for measure in standing if chart_day(measure.at) < day
               and (began is None or elapsed.instant(measure.at) >= elapsed.instant(began))]
    charted_days = {chart_day(measure.at) for measure in earlier}
    since = day
    while since - timedelta(days=1) in charted_days:
        since -= timedelta(days=1)
    if since == day:
        return None
    return Carried(since, sum(fluid_day(one, earlier).balance for one in sorted(charted_days) if one >= since))


def brought_forward(db: Database, patient_id: str, day: date) -> Carried | None:
    """The balance brought forward to the patient's chart of `day` from their stay's earlier days."""
    return _carried([one.measure for one in measures(db, patient_id)], day,
                    stays_began(db, [patient_id]).get(patient_id))


def carried_words(found: Carried | None, chart: FluidDay, lang: Lang) -> str:
    return "" if found is None else found.text(chart, lang)


def weight_words(db: Database, forms: Mapping[str, FormSpec], patient: PatientSummary, lang: Lang) -> str:
    """The patient's latest weight this stay and what 0.5 mL/kg/h makes of it an hour, for the
    urine written by hand to be judged against (the printed rule asked for it "per kg", with no
    weight on the chart); or that they are to be weighed."""
    found = weight.latest(db, forms, [patient]).get(patient.patient_id)
    if found is None:
        return WORDS["not_weighed"][lang]
    return WORDS["weighed"][lang].format(weight=decimal_text(found.kg, lang), time=ward_time(found.at, None, "%d/%m"),
                                         hourly=decimal_text(hourly_ml(found.kg), lang))


def hourly_ml(kg: float) -> float:
    """0.5 mL/kg/h of a patient weighing `kg` in mL/h, to two figures under 10 mL/h (a hundredth
    under 1, a tenth under 10): a preterm baby's 0.43 mL/h was printed "0 mL/h" at the cot, which
    any urine at all is above, and a newborn's 1.7 mL/h "2 mL/h"."""
    hourly = kg * OLIGURIA_BELOW
    return round(hourly, 2 if hourly < 1 else 1 if hourly < 10 else 0)


def unmeasured_words(chart: FluidDay, lang: Lang) -> str:
    """"outputs not measured, not in the sums: Urine ++ +, Vomit / NG +++"; "" with none: the
    balance, more positive than it is, says so."""
    found = chart.unmeasured
    return WORDS["unmeasured"][lang].format(which=", ".join(
        f"{heading(route, lang)} {marks_words(amounts)}" for route, amounts in found.items())) if found else ""


def marks_words(amounts: Sequence[str]) -> str:
    """The marks of outputs not measured in words, each said ("+++ +"): a cell has room for fewer
    (`marks_token`)."""
    return " ".join(AMOUNT_MARKS[amount] for amount in amounts)


def summary(chart: FluidDay, lang: Lang) -> str:
    """The day's sums in words, the outputs not measured apart, and how far the chart has been
    kept (a balance of +1500 mL at 09:00 says nothing of the night to come)."""
    if not chart.measured:
        return WORDS["none"][lang]
    text = " — ".join(filter(None, (WORDS["summary"][lang].format(
        intake=chart.intake, output=chart.output, balance=signed_ml(chart.balance)), irrigated(chart, lang),
        unmeasured_words(chart, lang))))
    last = chart.last_hour
    return f"{text} ({WORDS['kept_to'][lang].format(hour=f'{last.hour:02d}')})" if last else text



def urine_outputs(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary],
                  at: datetime) -> dict[str, UrineOutput]:
    """The urine output over the last hours of those of `patients` whose urine is measured every
    hour (domain.fluid_balance.urine_output), per kilogram of their latest weight this stay; of
    one not weighed this stay, without (an empty bag each hour is said all the same), and against
    the lightest weight their age allows (`weight.lightest`): a 72-year-old's 5 mL an hour for
    6 hours, low at any weight, reached no list for want of one."""
    charted = current_by_patient(db, FORM, [patient.patient_id for patient in patients])
    if not charted:
        return {}
    # Only the weights of the patients with a fluid chart: a hospital's census has thousands.
    kept = {patient.patient_id: patient for patient in patients if patient.patient_id in charted}
    weights = weight.latest(db, forms, kept.values())
    return {patient_id: output for patient_id, records in charted.items()
            if (output := urine_output([one.measure for one in _standing(records)],
                                       weights[patient_id].kg if patient_id in weights else None, at,
                                       weight.lightest(kept[patient_id], at.date()),
                                       weight.age_known(kept[patient_id], at.date())))}


def shows_aki(output: UrineOutput) -> bool:
    """Whether the urine output shows KDIGO's AKI by urine: low, and none passed unmeasured in its
    hours. Urine around the catheter (a wet bed, "bypassing") is a blocked catheter to check: the
    gentamicin was held as "the urine output shows an acute kidney injury" on 0 mL in the bag."""
    return output.low and not output.unmeasured


def urine_words(output: UrineOutput, lang: Lang, *, called: bool = True,
                review: tuple[Sequence[str], Sequence[str]] = ((), ()), comfort: bool = False) -> str:
    """"Urine 180 mL in 6 hours since 28/11 08:00"; `called`, what it asks: no urine at all, or
    below 0.5 mL/kg/h, the call to tell the doctor with the figures it is made on; of a patient
    not weighed this stay, to weigh them (`noted`), and to tell the doctor as well when it is low
    at any weight the age allows. Urine passed not measured in those hours is said beside the
    bag's figures, with the catheter to check, never in their place: an empty bag with a wet pad
    is a blocked catheter bypassing. Showing an AKI (`shows_aki`), it names the medicines running
    an AKI asks to review (`review`: lab_results.to_review's), as the creatinine's AKI line does:
    KDIGO's AKI by urine said "tell the doctor" and nothing of the gentamicin due. Of a patient
    on `comfort` care (observations.comfort_care) none calls the doctor, a low output being
    expected in the last days of life (NICE NG31), nor asks to weigh them: an empty bag asks only
    that the catheter be checked, for comfort. A dying patient's "NO URINE … tell the doctor" was
    on the escalation list and the handover, as VTE, sepsis and NEWS2 no longer were."""
    said = _urine_called(output, lang, called=called, comfort=comfort)
    asked = lab_results.review_words(*review, lang) if called and shows_aki(output) else ""
    return labelled(said, asked, lang) if asked else said


def _urine_called(output: UrineOutput, lang: Lang, *, called: bool, comfort: bool) -> str:
    """`urine_words` without the medicines."""
    values = {"volume": output.volume, "hours": round(output.hours), "time": ward_time(output.since, None)}
    marks = marks_words(output.unmeasured)
    if output.anuric and marks and called:
        return WORDS["comfort_no_urine_bag" if comfort else "no_urine_bag"][lang].format(**values, marks=marks)
    passed = WORDS["passed"][lang].format(marks=marks, volume=output.volume) if marks else ""
    if not called:
        return WORDS["urine"][lang].format(**values) + passed
    if output.anuric:
        return WORDS["comfort_no_urine" if comfort else "no_urine"][lang].format(**values)
    if comfort:  # nor is a dying patient weighed for it
        return WORDS["urine"][lang].format(**values) + (WORDS["comfort_low"][lang] if output.low else "") + passed
    if output.weight_kg is None or output.per_kg_hour is None:
        if output.low_at_any_weight:
            said = WORDS["low_unweighed" if output.age_known else "low_unweighed_no_age"][lang]
            return said.format(**values, lightest=decimal_text(output.lightest_kg, lang)) + passed
        return WORDS["unweighed"][lang].format(**values) + passed
    rate = {"rate": decimal_text(_hundredths_under(output.per_kg_hour), lang),
            "weight": decimal_text(output.weight_kg, lang)}
    return WORDS["low_urine" if output.low else "urine"][lang].format(**values, **rate) + passed


def _hundredths_under(rate: float) -> float:
    """`rate` to the hundredth at or under it, never rounded up to the threshold it is below:
    0.498 mL/kg/h read "(0.5 mL/kg/h for 70 kg, below 0.5)". Cut from its shortest decimal
    writing, so 0.29 worked out as 0.2899999… stays 0.29."""
    return float(Decimal(repr(rate)).quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def listed(output: UrineOutput, comfort: bool) -> bool:
    """Whether the escalation list lists it (chart_alerts): when it calls the doctor
    (`UrineOutput.low`); of a patient on `comfort` care (observations.comfort_care) only an empty
    bag, whose catheter is to be checked, for comfort (`urine_words`): a low output is expected in
    the last days of life (NICE NG31), said on the fluid tab and the handover as a fact. A dying
    patient's 30 mL in 6 hours was an alert that asked for nothing."""
    return output.low and (output.anuric or not comfort)


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
    comfort = observations.comfort_care(db, [patient for patient in patients if patient.patient_id in urine], at)
    review = lab_results.to_review(db, [patient_id for patient_id, output in urine.items() if shows_aki(output)], at)
    judged_by = {under_way: plans(db, patient_ids, at), closed: _of_present_stays(db, plans(db, patient_ids,
                                                                                             day_ends(closed, at)))}
    standing = _standing_by_patient(db, patient_ids)
    charts = {patient_id: {day: fluid_day(day, [one.measure for one in standing.get(patient_id, [])])
                           for day in (closed, under_way)} for patient_id in patient_ids}
    kept = [patient_id for patient_id, days in charts.items()
            if any(chart.measured or patient_id in judged_by[day] for day, chart in days.items())]
    given_by = _given_by_patient(db, kept, standing)
    began = stays_began(db, kept)
    said = {}
    for patient_id in kept:
        days, given = charts[patient_id], given_by.get(patient_id, [])
        brought = _carried([one.measure for one in standing.get(patient_id, [])], under_way, began.get(patient_id))
        parts = [part for day, chart in days.items() for part in _day_parts(
            chart, judged_by[day].get(patient_id), [one for one in given if chart_day(one.at) == day],
            day == closed, lang, None if day == closed else brought, at.tzinfo)]
        if patient_id in urine:
            parts.append(urine_words(urine[patient_id], lang, review=review.get(patient_id, ((), ())),
                                     comfort=patient_id in comfort))
        if parts:
            said[patient_id] = WORDS["handover"][lang].format(days=semicolon(lang).join(parts))
    return said


def _of_present_stays(db: Database, found: dict[str, Plan]) -> dict[str, Plan]:
    """Those of `found` decided in their patient's present stay: the day just closed of a patient
    readmitted since was the stay before's, whose restriction is no longer this stay's."""
    kept = in_present_stays(db, {patient_id: [plan.record] for patient_id, plan in found.items()})
    return {patient_id: found[patient_id] for patient_id in kept}


def _day_parts(chart: FluidDay, plan: Plan | None, given: list[Given], closed: bool, lang: Lang,
               brought: Carried | None = None, zone: tzinfo | None = None) -> list[str]:
    """What the handover says of one chart's day: its sums, the bags `given` on the medication
    chart not charted yet, irrigant not returned, and the intake against `plan`: on the day just
    `closed` only what it asks, dated; on the chart under way the plan in force, with the intake
    so far, and the stay's cumulative balance with the balance `brought` forward to it; the day
    judged on `zone`'s clock (`plan_words`)."""
    start, end = f"{chart.day:%d/%m}", f"{chart.day + timedelta(days=1):%d/%m}"
    cumulative = "" if brought is None else WORDS["cumulative"][lang].format(
        since=f"{brought.since:%d/%m}", cumulative=signed_ml(brought.balance + chart.balance))
    parts = [part for part in (WORDS["last_day" if closed else "under_way"][lang].format(
        start=start, end=end, balance=signed_ml(chart.balance), intake=chart.intake, output=chart.output),
        irrigated(chart, lang), unmeasured_words(chart, lang), cumulative) if part] if chart.measured else []
    if given:
        parts.append(given_words(given, lang))
    words, asks = plan_words(plan, chart, lang, given, closed=closed, zone=zone)
    asks = [*retained_words(chart, lang), *asks]
    if closed:
        return parts + [WORDS["closed"][lang].format(start=start, end=end, judged=ask) for ask in asks]
    return parts + [part for part in (words, *asks) if part]

"""A patient's weight: the question asked before an admission, a nutrition screening or a
weighing (forms/weight.yaml) is saved with a weight unusual for the patient's age
(domain.weight), a body mass index hardly ever seen, or far from the stay's latest weight (an
admission's amended, from the weight it replaces), the answer kept in the record as the weight
confirmed, as an order keeps the prescriber's reason to prescribe despite an allergy; and the
latest weight of the stay, with when and how it was taken, for what is worked out per
kilogram, and the children whose latest is still estimated or stated, to be weighed."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import answered_at, ward_day
from downtime.domain import elapsed
from downtime.domain.age import CHILD_UNTIL, age_in_years, age_words, months_old
from downtime.domain.child_fluids import is_crystalloid, under_ng29
from downtime.domain.medication import Frequency, Order, runs_at
from downtime.domain.news2 import ADULT_FROM_YEARS
from downtime.domain.nutrition import bmi, lost_percent
from downtime.domain.order_units import Refusal, dosed_by_weight
from downtime.domain.records import RecordVersion
from downtime.domain.weight import lightest_kg, unusual_for_age
from downtime.formspec import FormSpec
from downtime.formspec.schema import Field, Meaning
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Number, Phrase, decimal_text, message
from downtime.services import census, nutrition
from downtime.services.bedside import Chart, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary
from downtime.storage.records import current_of

UNUSUAL = QT_TRANSLATE_NOOP("messages", "{weight} kg is unusual for {who}: check that it was not mistyped (0,9 typed "
                                        "for 90). Weight-based doses such as enoxaparin and gentamicin are worked out "
                                        "from it.")
WHO = {"adult": QT_TRANSLATE_NOOP("messages", "an adult"),
       "unknown": QT_TRANSLATE_NOOP("messages", "a patient whose age is not known"),
       "infant": QT_TRANSLATE_NOOP("messages", "a baby under 1 year old"),
       "child": QT_TRANSLATE_NOOP("messages", "a child of {age}"),
       "one_year_old": QT_TRANSLATE_NOOP("messages", "a child of 1")}
FORM = "weight"
METHOD = "method"
"""A weighing's answer of how the weight is known, one of WEIGHED's codes but the admission."""
ADMITTED_HOW = "weight_method"
"""The admission's answer of how its weight is known, where its form asks it (METHOD's codes): a
child too ill to weigh is given an estimated weight (APLS, Broselow tape, a parent's word), which
every chart printed as weighed on admission."""
WEIGHED = {"admission": {"en": "{kg} kg on admission ({time})", "fr": "{kg} kg à l’admission ({time})"},
           "admission_estimated": {"en": "{kg} kg ESTIMATED on admission ({time}), not weighed",
                                   "fr": "{kg} kg ESTIMÉ à l’admission ({time}), non pesé"},
           "admission_stated": {"en": "{kg} kg as stated on admission ({time}), not weighed",
                                "fr": "{kg} kg déclaré à l’admission ({time}), non pesé"},
           "measured": {"en": "{kg} kg weighed {time}", "fr": "{kg} kg pesé le {time}"},
           "estimated": {"en": "{kg} kg ESTIMATED {time}, not weighed", "fr": "{kg} kg ESTIMÉ le {time}, non pesé"},
           "stated": {"en": "{kg} kg as stated {time}, not weighed", "fr": "{kg} kg déclaré le {time}, non pesé"}}
NOT_WEIGHED = frozenset({"admission_estimated", "admission_stated", "estimated", "stated"})
"""The WEIGHED codes of a weight no one has put on the scales."""
PASSED_OVER = {"en": "{weighed} (the weight measured, not the later {later})",
               "fr": "{weighed} (le poids mesuré, pas le plus récent {later})"}
"""A weight measured said with the later one not measured it is kept over (`Weighed.passed_over`)."""
WEIGH_WITHIN = timedelta(hours=4)
"""How long after an estimated or stated weight the child is asked to be weighed (`weighings_due`)."""
DAILY_ON_FLUIDS = timedelta(hours=24)
"""How old a child's latest weight may be while an IV crystalloid is ordered: NICE NG29
(assessment and monitoring) asks for an actual or estimated daily weight of a child on IV fluids
(`weighings_due`): a 2-year-old on maintenance for 10 days was never asked to be weighed after
admission."""
INFANT_DOSING_FOR = timedelta(days=7)
"""How old the weight a baby under 1 is dosed on may be before the dose asks it again
(`old_weight_refusal`): this hospital's rule, no national figure (a baby gains 150 to 200 g a week
in its first months, and a 4-month-old's gentamicin was worked out six weeks on from its
admission's 5 kg)."""
DUE = {"on_fluids": {"en": "{weighed}, more than 24 hours ago on IV fluids (NICE NG29: a daily weight)",
                     "fr": "{weighed}, il y a plus de 24 heures, sous perfusion (NICE NG29 : un poids chaque jour)"},
       "infant": {"en": "{weighed}, more than 7 days ago: a baby under 1 year is dosed on a weight no more than 7 days "
                        "old (this hospital's rule)",
                  "fr": "{weighed}, il y a plus de 7 jours : un bébé de moins d’un an est dosé sur un poids de 7 jours "
                        "au plus (règle de cet hôpital)"}}
"""Why a child weighed is to be weighed again (`ToWeigh.why`), as `OLD_INFANT_WEIGHT` says the baby's."""
OLD_INFANT_WEIGHT = QT_TRANSLATE_NOOP(
    "messages", "{dose} {dose_unit} for {kg} kg (weighed {day}, more than {days} days ago): a baby under 1 year is "
                "dosed on a weight no more than 7 days old (this hospital's rule): weigh the baby, or give the weight "
                "used as the reason.")
SCREENED_HOW = "weight_method"
"""A nutrition screening's answer of how its weight is known (version 3, METHOD's codes): BAPEN's
MUST takes a weight recalled or estimated of a patient who cannot be weighed, which every dose per
kilogram printed as weighed. Left blank, or of a version before, weighed."""
ADMITTED_KG = "weight_kg"
"""The admission's weight (the field of its Meaning.WEIGHT)."""
CHANGED = QT_TRANSLATE_NOOP("messages", "{weight} kg differs by {percent} % from the latest weight of this stay, "
                                        "{earlier}: weigh again, and check that it was not mistyped (6,2 typed for "
                                        "62). Weight-based doses and the urine output per kilogram are worked out "
                                        "from it.")
UNLIKELY_BMI = QT_TRANSLATE_NOOP("messages", "{weight} kg for {height} cm is a body mass index of {bmi}, hardly ever "
                                             "seen: check that neither the weight nor the height was mistyped.")
CHANGE_ASKED_PERCENT = 10
"""A weight more than 10 % from the stay's latest is asked about: weighings of one patient a week
apart differ by a few per cent (fluid, clothes, scales), and MUST counts more than 10 % lost in 3
to 6 months as clinically significant (BAPEN, MUST explanatory booklet, 2003); a slip of the
decimal point (6,2 for 62) or of a digit (170 for 70) is far beyond it. A true change of that
size is confirmed once, weighed again."""
BMI_ASKED = (12, 60)
"""An adult's body mass index under 12 or over 60 is hardly ever true (the lowest survived are
about 12, the heaviest patients' rarely over 60): a weight or a height mistyped, asked about."""
HEIGHT = "height_cm"
"""The height, in cm, beside the weight of the forms that weigh (admission, nutrition screening)."""
NOT_CONFIRMED = QT_TRANSLATE_NOOP("messages", "{doubt} Correct it, or confirm it in “{field}”.")


def _fields(spec: FormSpec) -> tuple[Field, Field] | None:
    """The form's weight and weight confirmed, when it has both."""
    weight, confirmed = spec.by_meaning(Meaning.WEIGHT), spec.by_meaning(Meaning.WEIGHT_CONFIRMED)
    return None if weight is None or confirmed is None else (weight, confirmed)


def _day(value: Any) -> date | None:
    return datetime.fromisoformat(str(value)).date() if value else None


def _kg(value: Any) -> Decimal | None:
    """A weight answer the form accepted, as a number; None for no answer (the form takes an
    empty answer to an optional number, "" or [], as none)."""
    try:
        return None if value is None else Decimal(str(value))
    except InvalidOperation:
        return None


def weight_doubt(spec: FormSpec, values: dict[str, Any], lang: Lang, now: datetime,
                 earlier: Weighed | None = None, born: date | None = None) -> str:
    """Why the weight typed must be confirmed: unusual for the age on the ward's day of its time
    (`now`'s with none: 00:30 on a first birthday, typed on a laptop set to UTC, was judged on the
    day before, a baby's bounds); an adult's body mass index out of `BMI_ASKED`; more than
    `CHANGE_ASKED_PERCENT` from `earlier`, the stay's latest weight before it (stay_doubt); and
    not the weight already confirmed. Empty when there is nothing to ask, or the form records no
    weight. An arrival before the birth date leaves the age unknown. A form holding no birth date
    (a screening, a weighing) is judged by the patient's, `born`: a 2-year-old's 10.5 kg weighed
    again was otherwise an adult's weight asked about; without it a screening is of an adult
    (MUST screens adults only)."""
    fields = _fields(spec)
    weight, confirmed = fields or (None, None)
    kg = _kg(values.get(weight.id)) if weight else None
    if weight is None or confirmed is None or kg is None or _kg(values.get(confirmed.id)) == kg:
        return ""
    born_field, arrived_field = spec.by_meaning(Meaning.BIRTH_DATE), spec.by_meaning(Meaning.OCCURRED_AT)
    born = _day(values.get(born_field.id)) if born_field else born
    arrived = ward_day((answered_at(values, arrived_field.id) if arrived_field else None) or now)
    age = None if born is None or arrived < born else age_in_years(born, arrived)
    if unusual_for_age(kg, age, months_old(born, arrived) if born is not None and age is not None else None):
        who = "adult" if _adult(spec, age) else "unknown" if age is None else "infant" if age < 1 \
            else "one_year_old" if age == 1 else "child"
        return message(lang, UNUSUAL, weight=Number(float(kg)), who=message(lang, WHO[who], age=age))
    height = _kg(values.get(HEIGHT))
    index = None if height is None or (age is not None and age < ADULT_FROM_YEARS) else bmi(float(kg), int(height))
    if index is not None and not BMI_ASKED[0] <= index <= BMI_ASKED[1]:
        return message(lang, UNLIKELY_BMI, weight=Number(float(kg)), height=int(height), bmi=Number(round(index, 1)))
    if earlier is not None and abs(change := lost_percent(earlier.kg, float(kg))) > CHANGE_ASKED_PERCENT:
        return message(lang, CHANGED, weight=Number(float(kg)), percent=Number(round(abs(change), 1)), earlier=earlier)
    return ""


def _adult(spec: FormSpec, age: int | None) -> bool:
    """Of an adult: by the age, or, no age, by a form of adults' that holds no birth date (MUST)."""
    if age is not None:
        return age >= ADULT_FROM_YEARS
    return spec.by_meaning(Meaning.BIRTH_DATE) is None and (spec.from_years or 0) >= ADULT_FROM_YEARS


def stay_doubt(session: Session, spec: FormSpec, values: dict[str, Any], patient_id: str | None,
               record_id: str | None = None) -> str:
    """`weight_doubt` of a record of the patient's (`record_id` when amended), against the stay's
    latest weight before it: what the form view asks before saving, and `check_stay` refuses
    unconfirmed. None before a new admission, which is the stay's first; an admission amended
    is held to the weight it replaces (12 kg amended to 21, digits swapped, was within a
    2-year-old's bounds)."""
    patient = _patient(session, patient_id)
    earlier = _earlier(session, spec, values, patient, record_id)
    return weight_doubt(spec, values, session.lang, session.clock(), earlier[-1] if earlier else None,
                        patient.birth_date if patient else None)


def confirm(spec: FormSpec, values: dict[str, Any]) -> str:
    """Keep the weight typed as the weight confirmed, in `values`, once the nurse has confirmed
    a `weight_doubt`; the id of the field it is kept in, for the form to show it."""
    weight, confirmed = _fields(spec) or ()
    values[confirmed.id] = values[weight.id]
    return confirmed.id


def check_weight(spec: FormSpec, values: dict[str, Any], lang: Lang, now: datetime,
                 earlier: Weighed | None = None, born: date | None = None) -> None:
    """Refuse, at the weight, an unusual weight not confirmed (`weight_doubt`): the app asks
    first; the command line and any other way in are refused with the same words."""
    _refuse(spec, lang, weight_doubt(spec, values, lang, now, earlier, born))


def check_stay(session: Session, spec: FormSpec, patient_id: str | None, data: dict[str, Any],
               amended: RecordVersion | None = None) -> None:
    """Refuse, as `check_weight`, a weighing's or an admission's weight (new or `amended`) that
    `stay_doubt` asks about and was not confirmed: the form view asks first; the command line and
    any other way in are refused with the same words. An admission's weight amended more than
    `CHANGE_ASKED_PERCENT` from the one it replaces (12 kg to 21, digits swapped) was asked about
    on screen alone, saved without a word by any other way (records.amend)."""
    _refuse(spec, session.lang, stay_doubt(session, spec, data, patient_id,
                                           amended.record_id if amended is not None else None))


def _refuse(spec: FormSpec, lang: Lang, doubt: str) -> None:
    if doubt:
        weight, confirmed = _fields(spec) or ()
        raise ValidationFailed([FieldError(weight.id, message(lang, NOT_CONFIRMED, doubt=doubt,
                                                              field=confirmed.label.get(lang)))])


@dataclass(frozen=True)
class Weighed:
    """A weight of the patient's this stay, when it was taken and how (`how`, a code of WEIGHED):
    on admission, or weighed since, at a nutrition screening (MUST weighs every week) or a
    weighing, which may say the weight was estimated or stated rather than weighed; `record_id`
    the record it is read from; `passed_over`, a later weight not measured that this measured one
    is kept over (`latest`)."""

    kg: float
    at: datetime
    how: str
    record_id: str
    passed_over: Weighed | None = None

    @property
    def taken(self) -> datetime:
        """When the latest weight of the stay was taken: this one's, or the later one not
        measured it is kept over (a daily estimate on IV fluids is a daily weight, NICE NG29)."""
        return self.at if self.passed_over is None else self.passed_over.at

    def text(self, lang: Lang) -> str:
        """"58,2 kg pesé le 04/12/2026", "12 kg ESTIMATED 03/12/2026, not weighed": a dose worked
        out per kilogram says which weight it is from, and a weight nobody weighed says so, as the
        paper chart writes "estimated" beside it; and the later weight not measured it is kept
        over, which whoever typed it would otherwise take for the one in use. Its day is the
        ward's: weighed at 00:30 on a laptop set to UTC read as weighed the day before, a day off
        the baby's 7-day rule that counts on the ward's day."""
        said = WEIGHED[self.how][lang].format(kg=decimal_text(self.kg, lang), time=f"{ward_day(self.at):%d/%m/%Y}")
        return said if self.passed_over is None else PASSED_OVER[lang].format(
            weighed=said, later=self.passed_over.text(lang))


def _screened(one: nutrition.Screened) -> Weighed:
    return Weighed(float(one.record.data["weight_kg"]), one.screened_at,
                   one.record.data.get(SCREENED_HOW) or "measured", one.record.record_id)


def _weighing(record: RecordVersion) -> Weighed:
    return Weighed(float(record.data["weight_kg"]), datetime.fromisoformat(record.data["weighed_at"]),
                   record.data[METHOD], record.record_id)


WEIGHINGS = Chart(FORM, ordered(_weighing, lambda one: one.at))
"""Each patient's weighings of this stay, oldest by the time weighed first."""


def _admitted(db: Database, weight_field: str | None, patients: Collection[PatientSummary]) -> dict[str, Weighed]:
    """The admission's weight (its answer `weight_field`) of each of these patients whose admission has one."""
    admitted = [patient for patient in patients if patient.admitted_at]
    if weight_field is None or not admitted:
        return {}
    admissions = {record_id: record.data for record_id, record in
                  current_of(db, {patient.admission_record_id for patient in admitted}).items()}
    return {patient.patient_id: Weighed(float(kg), datetime.fromisoformat(str(patient.admitted_at)),
                                         _admitted_how(admissions[patient.admission_record_id]),
                                         patient.admission_record_id)
            for patient in admitted if (kg := _kg(admissions[patient.admission_record_id].get(weight_field)))}


def _admitted_how(data: Mapping[str, Any]) -> str:
    """The admission's WEIGHED code: weighed, unless its form says estimated or stated."""
    method = data.get(ADMITTED_HOW)
    return "admission" if method in (None, "measured") else f"admission_{method}"


def _dosing(weights: Sequence[Weighed]) -> Weighed:
    """Of a patient's `weights` (admission, screenings, weighings, a later one on a tie), the
    newest measured on the scales, said with the newest not measured when that one is later
    (`Weighed.passed_over`); with none measured, the newest: a weight recalled at a MUST screening
    in the afternoon replaced the one weighed that morning for every dose per kilogram, unsaid."""
    def taken(one: Weighed) -> datetime:
        return elapsed.instant(one.at)
    newest = max(reversed(weights), key=taken)
    measured = [one for one in weights if one.how not in NOT_WEIGHED]
    if not measured:
        return newest
    kept = max(reversed(measured), key=taken)
    return kept if newest is kept else replace(kept, passed_over=newest)


def latest(db: Database, forms: Mapping[str, FormSpec], patients: Collection[PatientSummary],
           by: datetime | None = None) -> dict[str, Weighed]:
    """The latest weight of each of these patients who has one this stay, by the time it was
    taken: their admission's, a nutrition screening's or a weighing's; one measured on the scales
    kept over a later one estimated or stated (`_dosing`). A patient weighed 8 kg lighter after
    two weeks on the ward had their enoxaparin and their urine per kilogram worked out from the
    admission's; a child weighed again had it by amending the admission, and the chart said it
    was weighed on admission. `by`: of the weights taken by then (None: all), the one a child's
    fluid was worked out on (services.medication.fluid_weighed_again)."""
    return _latest(db, _admission_weight(forms), patients, by)


def _admission_weight(forms: Mapping[str, FormSpec]) -> str | None:
    """The id of the admission's weight field, if its form has one."""
    field = next(spec for spec in forms.values() if spec.creates_patient).by_meaning(Meaning.WEIGHT)
    return field.id if field is not None else None


def _latest(db: Database, weight_field: str | None, patients: Collection[PatientSummary],
            by: datetime | None = None) -> dict[str, Weighed]:
    patient_ids = [patient.patient_id for patient in patients]
    every: dict[str, list[Weighed]] = {patient_id: [one] for patient_id, one in
                                       _admitted(db, weight_field, patients).items()}
    for patient_id, screenings in nutrition.CHART.of_each(db, patient_ids).items():
        every.setdefault(patient_id, []).extend(map(_screened, screenings))
    for patient_id, weighings in WEIGHINGS.of_each(db, patient_ids).items():
        every.setdefault(patient_id, []).extend(weighings)
    return {patient_id: _dosing(taken) for patient_id, weights in every.items()
            if (taken := [one for one in weights if by is None or elapsed.instant(one.at) <= elapsed.instant(by)])}


def latest_height(db: Database, patient: PatientSummary) -> float | None:
    """The patient's height in cm as last recorded this stay: their latest nutrition screening's
    (which always asks it), else their admission's; None when neither has one. A height measured
    at the screening, the admission's left blank, was read as none: an obese patient's gentamicin
    went by the actual weight, said "no height being recorded"."""
    screened = nutrition.latest(db, [patient.patient_id]).get(patient.patient_id)
    if screened is not None and (height := _kg(screened.record.data.get(HEIGHT))):
        return float(height)
    admitted = current_of(db, [patient.admission_record_id]).get(patient.admission_record_id)
    height = _kg(admitted.data.get(HEIGHT)) if admitted is not None else None
    return float(height) if height else None


def lightest(patient: PatientSummary, on: date) -> float | None:
    """The lightest weight `patient`'s age on `on` allows (domain.weight.lightest_kg; an age not
    known, `age_known`, an adult's, as `weight_doubt` judges it): what a patient not weighed yet
    weighs at least."""
    born = patient.birth_date
    found = (lightest_kg(age_in_years(born, on), months_old(born, on)) if born is not None and on >= born
             else lightest_kg(None))
    return None if found is None else float(found)


def age_known(patient: PatientSummary, on: date) -> bool:
    """Whether the patient's age on `on` is known: a birth date, not after `on` (an unidentified
    patient has none, and may be a child as well as an adult)."""
    return patient.birth_date is not None and on >= patient.birth_date


@dataclass(frozen=True)
class ToWeigh:
    """A child's latest weight (`weighed`) to be taken again from `due_at`: estimated or stated, or
    out of date (`why`, a key of DUE: "on_fluids", older than `DAILY_ON_FLUIDS` while an IV
    crystalloid is ordered; "infant", a baby's older than `INFANT_DOSING_FOR` while dosed by it)."""

    weighed: Weighed
    due_at: datetime
    why: str | None
    dosing: bool
    """Whether anything running is worked out from the weight (an IV crystalloid, a medicine dosed
    by weight): the escalation list asks only then (services.chart_alerts); a 17-year-old's stated
    70 kg with no medicine at all stood there all day as a child's doses to weigh for."""

    def text(self, lang: Lang) -> str:
        """The weight as the MAR says it, and, out of date, why a weight weighed is asked again."""
        said = self.weighed.text(lang)
        return DUE[self.why][lang].format(weighed=said) if self.why is not None else said

    def said(self, lang: Lang) -> str:
        """What the handover sheet and the escalation list ask, in the same words."""
        return WEIGH[lang].format(weight=self.text(lang))


WEIGH = {"en": "WEIGH THE CHILD: {weight} (their doses are worked out from it)",
         "fr": "PESER L’ENFANT : {weight} (ses doses en dépendent)"}


def weighings_due(db: Database, patients: Collection[PatientSummary], at: datetime,
                  orders: Mapping[str, Sequence[Order]]) -> dict[str, ToWeigh]:
    """Each of these patients whose latest weight is to be taken again, with when (`ToWeigh.due_at`,
    passed or not: the escalation list is read again then), their `orders` (services.medication.
    orders_of_each) read at `at`: an estimated or stated weight `WEIGH_WITHIN` after it was given
    (a child admitted on an APLS estimate had every dose worked out from it a day later, weighed
    by no one, and nothing asked for the scales: the weighing form's help says to weigh them as
    soon as they can be); of a child under 16 at `at` on an IV crystalloid (`on_iv_fluids`;
    child_fluids.under_ng29: NG29's, a 17-year-old was told NG29's daily weight), any weight
    `DAILY_ON_FLUIDS` after it was taken; and of a baby under 1 at `at` on such a fluid or on a
    medicine dosed by its weight (order_units.dosed_by_weight, as `old_weight_refusal` asks at
    the order), any weight `INFANT_DOSING_FOR` after it was taken: asked of a new order alone, a
    4-month-old's running gentamicin went on for weeks on the admission's weight. The earliest
    when more than one applies, with whether anything running is worked out from it
    (`ToWeigh.dosing`)."""
    found: dict[str, ToWeigh] = {}
    born = {patient.patient_id: patient.birth_date for patient in patients}
    on_fluids = on_iv_fluids(orders, at)
    for patient_id, one in latest_of_stay(db, patients).items():
        due: list[tuple[datetime, str | None]] = []
        dosing = _dosed_by_it(born.get(patient_id), one.kg, orders.get(patient_id, ()), patient_id in on_fluids, at)
        if one.how in NOT_WEIGHED:
            due.append((elapsed.later(one.at, WEIGH_WITHIN), None))
        if patient_id in on_fluids and _under_ng29(born.get(patient_id), at):
            due.append((elapsed.later(one.taken, DAILY_ON_FLUIDS), "on_fluids"))
        if dosing and _under_one(born.get(patient_id), at):
            # From the first moment after the 7 days, as `old_weight_refusal` refuses the dose: the
            # list said "more than 7 days ago" of a weight the order took at 7 days to the minute.
            due.append((elapsed.later(one.at, INFANT_DOSING_FOR + timedelta.resolution), "infant"))
        if due:
            moment, why = min(due, key=lambda each: elapsed.instant(each[0]))
            found[patient_id] = ToWeigh(one, moment, why, dosing)
    return found


def _dosed_by_it(born: date | None, kg: float, orders: Sequence[Order], on_fluids: bool, at: datetime) -> bool:
    """Whether what a patient born `born` (None: not known) is given at `at` is worked out from
    their weight `kg`: an IV crystalloid (`on_fluids`), or one of `orders` running then of a
    medicine dosed by weight at their age by its route (order_units.dosed_by_weight: gentamicin
    by vein, not its eye drops)."""
    known = born is not None and at.date() >= born
    age, days = (age_in_years(born, ward_day(at)), (at.date() - born).days) if known else (None, None)
    return on_fluids or any(runs_at(order, at) and dosed_by_weight(order, age, kg, days) for order in orders)


def _under_one(born: date | None, at: datetime) -> bool:
    """Whether a patient born `born` (None: not known) is a baby under 1 at `at`."""
    return born is not None and at.date() >= born and age_in_years(born, ward_day(at)) < 1


def _under_ng29(born: date | None, at: datetime) -> bool:
    """Whether a patient born `born` (None: not known) is under NICE NG29's 16 at `at`."""
    return born is not None and at.date() >= born and under_ng29(age_in_years(born, ward_day(at)))


def on_iv_fluids(orders: Mapping[str, Sequence[Order]], at: datetime) -> set[str]:
    """Those of these patients (their orders, services.medication.orders_of_each) with an IV
    crystalloid running at `at` (domain.child_fluids.is_crystalloid, domain.medication.runs_at: a
    once-only bolus within a day of its dose), an as-required bag left out: a once-only order has
    no stop, and one 240 mL bolus asked a daily weight for the rest of the stay."""
    return {patient_id for patient_id, theirs in orders.items()
            if any(is_crystalloid(order) and order.frequency is not Frequency.PRN and runs_at(order, at)
                   for order in theirs)}


def old_weight_refusal(order: Order, weighed: Weighed | None, born: date | None, at: datetime) -> Refusal | None:
    """A baby's (under 1 at `at`) order dosed on a weight (`weighed`, the one its dose is worked
    out from) taken more than `INFANT_DOSING_FOR` before `at`, asked on the dose with its day, the
    weight used kept as the reason (a rule of this hospital's, no national figure). The caller
    asks it of what is dosed by weight. Its age said "more than" its whole days: a weight 7 days
    and some hours old read "7 days ago", refused as older than 7 days."""
    if weighed is None or born is None or at.date() < born or age_in_years(born, ward_day(at)) >= 1:
        return None
    age = elapsed.instant(at) - elapsed.instant(weighed.at)
    if age <= INFANT_DOSING_FOR:
        return None
    return Refusal("dose", Phrase(OLD_INFANT_WEIGHT, {
        "dose": Number(order.dose), "dose_unit": order.dose_unit, "kg": Number(weighed.kg),
        "day": f"{weighed.at.astimezone(at.tzinfo):%d/%m}", "days": age.days}), asked=True)


LETTER = {"weighed": {"en": "Age {age}; weight {weight}", "fr": "Âge : {age} ; poids : {weight}"},
          "none": {"en": "Age {age}; weight NOT RECORDED this stay",
                   "fr": "Âge : {age} ; poids NON RENSEIGNÉ pendant le séjour"}}
"""A child's letter's line (`letter_line`)."""


def letter_line(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> str | None:
    """What a letter handing a child on (transfer_out, discharge) says of their weight: their age
    in words at `at` and the latest weight taken by then, with its date and whether it was
    weighed (`Weighed.text`): the receiving team, the GP and the parents were given doses per
    kilogram with no weight to check them by (BNFc: a child's prescription states the age and the
    weight). None for an adult, or a patient whose age is not known."""
    patient = census.patient_with_location(db, forms, patient_id)
    on = at.date()
    if not age_known(patient, on) or age_in_years(patient.birth_date, on) >= CHILD_UNTIL:
        return None
    one = latest(db, forms, [patient], at).get(patient_id)
    age = age_words(patient.birth_date, on).text(lang)
    return (LETTER["none"][lang].format(age=age) if one is None
            else LETTER["weighed"][lang].format(age=age, weight=one.text(lang)))


def latest_of_stay(db: Database, patients: Collection[PatientSummary]) -> dict[str, Weighed]:
    """`latest`, the admission's weight read from its `ADMITTED_KG`: for the handover
    (services.since_admission), which is given no forms."""
    return _latest(db, ADMITTED_KG, patients)


def _earlier(session: Session, spec: FormSpec, values: dict[str, Any], patient: PatientSummary | None,
             record_id: str | None) -> list[Weighed]:
    """The patient's weights of this stay taken by the time `values` says (now, said none), but
    the record `record_id` amended, oldest first: the admission's, each screening's and each
    weighing's. An admission amended keeps its own weight as stored, the one its amendment
    replaces, unless that one was a slip the amendment corrects (`_doubted`); a new admission
    begins a stay, and has none before it."""
    if patient is None or (spec.creates_patient and (record_id is None or _doubted(session, spec, record_id, values))):
        return []
    at = elapsed.instant(_at(session, spec, values))
    weights = [*_admitted(session.db, _admission_weight(session.forms), [patient]).values(),
               *map(_screened, nutrition.CHART.of(session.db, patient.patient_id)),
               *WEIGHINGS.of(session.db, patient.patient_id)]
    return sorted((one for one in weights if (spec.creates_patient or one.record_id != record_id)
                   and elapsed.instant(one.at) <= at), key=lambda one: elapsed.instant(one.at))


def _doubted(session: Session, spec: FormSpec, record_id: str, values: dict[str, Any]) -> bool:
    """Whether the record stored held a weight to doubt whether confirmed or not (unusual for the
    age, a body mass index hardly ever seen), by the birth date and height as amended (`values`):
    its amendment corrects it ("0,9 was 90"; a child's 6.1 kg whose birth date is corrected to an
    adult's, weighed 61), and is not asked about as a change from it."""
    _, confirmed = _fields(spec) or (None, None)
    if confirmed is None:
        return False
    stored = current_of(session.db, [record_id])[record_id].data
    born = spec.by_meaning(Meaning.BIRTH_DATE)
    amended = {name: values.get(name) for name in ((born.id,) if born else ()) + (HEIGHT,) if name in values}
    return bool(weight_doubt(spec, {**stored, **amended, confirmed.id: None}, session.lang, session.clock()))


def _at(session: Session, spec: FormSpec, values: dict[str, Any]) -> datetime:
    """When the record says it happened; now, when it says not."""
    when = spec.by_meaning(Meaning.OCCURRED_AT)
    return datetime.fromisoformat(str(values[when.id])) if when and values.get(when.id) else session.clock()


def _patient(session: Session, patient_id: str | None) -> PatientSummary | None:
    return None if patient_id is None else census.all_patients(session.db, session.forms, [patient_id]).get(patient_id)


def check_screening(session: Session, spec: FormSpec, patient_id: str, data: dict[str, Any],
                    amended: RecordVersion | None = None) -> None:
    """Refuse a nutrition screening's weight as an admission's, and also far from the stay's
    latest weight before it (check_weight); then its weight lost ticked lower than the stay's
    weights show (nutrition.check_loss). An amendment is held to what it changes: a record of
    version 1, which confirmed neither, is corrected as before; its height changed is held to the
    weight's body mass index (158 cm amended to 58, a BMI of 181, was saved, and its ideal weight
    worked out from it). Nothing of a child: the form refuses them, in its own words
    (records.save_new)."""
    patient = _patient(session, patient_id)
    if patient is not None and nutrition.child(patient, _at(session, spec, data)):
        return
    before = amended.data if amended is not None else {}
    earlier = _earlier(session, spec, data, patient, amended.record_id if amended is not None else None)
    weight_id = _fields(spec)[0].id
    if amended is None or any(_kg(before.get(name)) != _kg(data.get(name)) for name in (weight_id, HEIGHT)):
        check_weight(spec, data, session.lang, session.clock(), earlier[-1] if earlier else None)
    if amended is None or any(before.get(name) != data.get(name)
                              for name in (weight_id, nutrition.LOSS, nutrition.LOSS_NOT_SCORED)):
        nutrition.check_loss(spec, data, earlier, session.lang)

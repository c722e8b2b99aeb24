"""A patient's weight: the question asked before an admission is saved with a weight unusual for
the patient's age (domain.weight), the answer kept in the admission as the weight confirmed, as
an order keeps the prescriber's reason to prescribe despite an allergy; and the latest weight of
the stay, with when it was taken, for what is worked out per kilogram."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlite_utils import Database

from downtime.domain.age import age_in_years
from downtime.domain.news2 import ADULT_FROM_YEARS
from downtime.domain.weight import unusual_for_age
from downtime.formspec import FormSpec
from downtime.formspec.schema import Field, Meaning
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Number, decimal_text, message
from downtime.services import nutrition
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
WEIGHED = {"admission": {"en": "{kg} kg on admission ({time})", "fr": "{kg} kg à l’admission ({time})"},
           "screening": {"en": "{kg} kg weighed {time}", "fr": "{kg} kg pesé le {time}"}}
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


def weight_doubt(spec: FormSpec, values: dict[str, Any], lang: Lang, now: datetime) -> str:
    """Why the weight typed must be confirmed: unusual for the age at arrival (at `now` with no
    arrival time), and not the weight already confirmed. Empty when there is nothing to ask, or
    the form records no weight. An arrival before the birth date leaves the age unknown."""
    fields = _fields(spec)
    weight, confirmed = fields or (None, None)
    kg = _kg(values.get(weight.id)) if weight else None
    if weight is None or confirmed is None or kg is None or _kg(values.get(confirmed.id)) == kg:
        return ""
    born_field, arrived_field = spec.by_meaning(Meaning.BIRTH_DATE), spec.by_meaning(Meaning.OCCURRED_AT)
    born = _day(values.get(born_field.id)) if born_field else None
    arrived = (_day(values.get(arrived_field.id)) if arrived_field else None) or now.date()
    age = None if born is None or arrived < born else age_in_years(born, arrived)
    if not unusual_for_age(kg, age):
        return ""
    who = "unknown" if age is None else "adult" if age >= ADULT_FROM_YEARS else "infant" if age < 1 else "one_year_old" if age == 1 else "child"
    return message(lang, UNUSUAL, weight=Number(float(kg)), who=message(lang, WHO[who], age=age))


def confirm(spec: FormSpec, values: dict[str, Any]) -> str:
    """Keep the weight typed as the weight confirmed, in `values`, once the nurse has confirmed
    a `weight_doubt`; the id of the field it is kept in, for the form to show it."""
    weight, confirmed = _fields(spec) or ()
    values[confirmed.id] = values[weight.id]
    return confirmed.id


def check_weight(spec: FormSpec, values: dict[str, Any], lang: Lang, now: datetime) -> None:
    """Refuse, at the weight, an unusual weight not confirmed (`weight_doubt`): the app asks
    first; the command line and any other way in are refused with the same words."""
    if doubt := weight_doubt(spec, values, lang, now):
        weight, confirmed = _fields(spec) or ()
        raise ValidationFailed([FieldError(weight.id, message(lang, NOT_CONFIRMED, doubt=doubt,
                                                              field=confirmed.label.get(lang)))])


@dataclass(frozen=True)
class Weighed:
    """A patient's latest weight this stay and when it was taken; `screened` when it was taken at
    a nutrition screening (MUST weighs every week), rather than on admission."""

    kg: float
    at: datetime
    screened: bool

    def text(self, lang: Lang) -> str:
        """"58,2 kg pesé le 04/12": a dose worked out per kilogram says which weight it is from."""
        return WEIGHED["screening" if self.screened else "admission"][lang].format(
            kg=decimal_text(self.kg, lang), time=f"{self.at:%d/%m/%Y}")


def latest(db: Database, forms: Mapping[str, FormSpec], patients: Collection[PatientSummary]) -> dict[str, Weighed]:
    """The latest weight of each of these patients who has one this stay: their latest nutrition
    screening's, else their admission's. A patient weighed 8 kg lighter after two weeks on the
    ward had their enoxaparin and their urine per kilogram worked out from the admission's."""
    screened = nutrition.latest(db, [patient.patient_id for patient in patients])
    found = {patient_id: Weighed(float(one.record.data["weight_kg"]), one.screened_at, True)
             for patient_id, one in screened.items()}
    weight_field = next(spec for spec in forms.values() if spec.creates_patient).by_meaning(Meaning.WEIGHT)
    rest = [patient for patient in patients if patient.patient_id not in found and patient.admitted_at]
    if weight_field is None or not rest:
        return found
    admissions = current_of(db, {patient.admission_record_id for patient in rest})
    for patient in rest:
        if kg := _kg(admissions[patient.admission_record_id].data.get(weight_field.id)):
            found[patient.patient_id] = Weighed(float(kg), datetime.fromisoformat(str(patient.admitted_at)), False)
    return found

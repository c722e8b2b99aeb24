"""The question asked before an admission is saved with a weight unusual for the patient's age
(domain.weight): the answer is kept in the admission as the weight confirmed, as an order keeps
the prescriber's reason to prescribe despite an allergy."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from downtime.domain.age import age_in_years
from downtime.domain.news2 import ADULT_FROM_YEARS
from downtime.domain.weight import unusual_for_age
from downtime.formspec import FormSpec
from downtime.formspec.schema import Field, Meaning
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Number, message
from downtime.services.errors import ValidationFailed

UNUSUAL = QT_TRANSLATE_NOOP("messages", "{weight} kg is unusual for {who}: check that it was not mistyped (0,9 typed "
                                        "for 90). Weight-based doses such as enoxaparin and gentamicin are worked out "
                                        "from it.")
WHO = {"adult": QT_TRANSLATE_NOOP("messages", "an adult"),
       "unknown": QT_TRANSLATE_NOOP("messages", "a patient whose age is not known"),
       "infant": QT_TRANSLATE_NOOP("messages", "a baby under 1 year old"),
       "child": QT_TRANSLATE_NOOP("messages", "a child of {age}"),
       "one_year_old": QT_TRANSLATE_NOOP("messages", "a child of 1")}
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

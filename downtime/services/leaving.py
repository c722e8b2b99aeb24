"""What a patient's charts still ask as they leave the hospital (discharged, transferred to
another hospital, or dead: their infusions only), asked of the nurse before the record is saved:
once they have left, the escalation list and the handover sheet no longer read their charts, and a
hypo's recheck due in ten minutes or two levodopa doses missed went with the patient, told to no
one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import StayStatus
from downtime.formspec import FormSpec, Lang
from downtime.formspec.schema import Meaning
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import census, chart_alerts, infusion_rates, medication, theatre

WORDS = {"asked": {"en": "Still asked of this patient now:\n{asked}",
                   "fr": "Encore demandé pour ce patient maintenant :\n{asked}"}}
BOOKED = QT_TRANSLATE_NOOP("messages", "Booked: {operation}: tell the patient when to come back, or tell the surgical "
                                       "coordinator to cancel")
RUNNING = QT_TRANSLATE_NOOP("messages", "INFUSION RUNNING: {drug}, {running}: record its stop, or take it down")
FOLLOW_UP = "follow_up"
"""The discharge's field for the follow-up arranged, which starts with the operations booked."""


def left_at(spec: FormSpec, values: Mapping[str, Any], now: datetime) -> datetime:
    """When the patient leaves by a discharge or transfer-out's answers: the time typed, else
    now, and never later than now. A discharge at 14:00 typed at 22:00 asked the nurse of the
    16:00 and 20:00 levodopa doses, which fell due after the patient had gone."""
    field = spec.by_meaning(Meaning.OCCURRED_AT)
    typed = values.get(field.id) if field is not None else None
    if isinstance(typed, str):
        typed = datetime.fromisoformat(typed)
    return min(now, typed) if isinstance(typed, datetime) else now


def still_asked(db: Database, forms: dict[str, FormSpec], patient_id: str, at: datetime, lang: Lang, *,
                died: bool = False) -> str | None:
    """What the escalation list asks of the patient at `at`, a line a chart, each bag still
    running (a drip up at discharge went unasked, where a unit of blood is refused), a
    controlled drug's with the reminder to destroy what is left (infusion_rates.CD_LEFT), and each operation
    booked from `at` on (sent home on Saturday for Monday's list, nobody told her when to come
    back), or None when nothing is (nor when they have left already: a discharge typed in
    afterwards). Of a death (`died`), only the bags: their stop is charted at last offices, and
    what the charts ask of a living patient is asked of no one."""
    patient = census.patient_with_location(db, forms, patient_id)
    if patient.stay is not StayStatus.IN:
        return None
    order_form = forms[medication.ORDER_FORM]
    orders = {order.record_id: order for order in medication.orders(db, patient_id, at)}
    running = [(orders[name], bag) for name, bag in infusion_rates.running(db, orders.values(), at, lang).items()]
    alerts = [] if died else chart_alerts.alerts(db, forms, [patient], at, lang, ward=patient.ward).alerts
    asked = [*(f"• {semicolon(lang).join(alert.said)}" for alert in alerts if alert.patient.patient_id == patient_id),
             *(f"• {message(lang, RUNNING, drug=medication.order_label(order, order_form, lang), running=bag)}"
               + (f"\n  {message(lang, infusion_rates.CD_LEFT, drug=order.drug)}" if order.controlled else "")
               for order, bag in running),
             *(f"• {message(lang, BOOKED, operation=operation)}"
               for operation in ([] if died else theatre.booked_from(db, forms, patient_id, at, lang)))]
    return WORDS["asked"][lang].format(asked="\n".join(asked)) if asked else None


def first_answers(db: Database, forms: dict[str, FormSpec], spec: FormSpec, patient_id: str, at: datetime,
                  lang: Lang) -> dict[str, Any]:
    """A discharge's follow-up starting with each operation booked from `at` on, for the nurse to
    say when the patient comes back or that the coordinator cancels it: the follow-up box started
    empty, and only the theatre board said, later, that she had gone."""
    booked = theatre.booked_from(db, forms, patient_id, at, lang)
    if FOLLOW_UP not in {field.id for field in spec.fields()} or not booked:
        return {}
    return {FOLLOW_UP: "\n".join(message(lang, BOOKED, operation=operation) for operation in booked)}

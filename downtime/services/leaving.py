"""What a patient's charts still ask as they leave the hospital (discharged, transferred to
another hospital, or dead: their infusions only), asked of the nurse before the record is saved:
once they have left, the escalation list and the handover sheet no longer read their charts, and a
hypo's recheck due in ten minutes or two levodopa doses missed went with the patient, told to no
one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import StayStatus
from downtime.formspec import FormSpec, Lang
from downtime.formspec.schema import Meaning
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import census, chart_alerts, infusion_rates, lab_results, medication, theatre

WORDS = {"asked": {"en": "Still asked of this patient now:\n{asked}",
                   "fr": "Encore demandé pour ce patient maintenant :\n{asked}"}}
BOOKED = QT_TRANSLATE_NOOP("messages", "Booked: {operation}: tell the patient when to come back, or tell the surgical "
                                       "coordinator to cancel")
BOOKED_ON_LETTER = QT_TRANSLATE_NOOP("messages", "Operation booked: {operation}; {told}")
TOLD_OF_IT = QT_TRANSLATE_NOOP("messages", "what the patient is told of it: …")
"""An operation booked as the letter says it, for the nurse to complete (`TOLD_OF_IT`, a blank:
see `unfilled`): the confirm's words, "tell the patient … or tell the surgical coordinator to
cancel", printed on the letter when not edited, the ward's instruction read by the patient and
the GP."""
UNFILLED = QT_TRANSLATE_NOOP("messages", "LETTER NOT COMPLETED: {field}: “{line}”: fill in the “…”")
RUNNING = QT_TRANSLATE_NOOP("messages", "INFUSION RUNNING: {drug}, {running}: record its stop, or take it down")
GOING_WITH = QT_TRANSLATE_NOOP("messages", "INFUSION RUNNING: {drug}, {running}: take it down or let it go with the "
                                           "patient, and record its stop, saying which in the reason")
"""A living patient's bag running as they leave: a syringe driver goes with them to a hospice or a
care home, and the prompt, which had words only for taking it down, left it unrecorded."""
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
                died: bool = False, blanks: Sequence[str] = ()) -> str | None:
    """What the escalation list asks of the patient at `at`, a line a chart, the doses the
    handover sheet says overdue and not recorded (chart_alerts.doses_overdue: a furosemide IV due
    at 13:30 and the day's amoxicillin went home unasked, the MAR's holes left for good), each
    abnormal result no doctor has seen (lab_results.unseen_asked: the list asks of critical ones),
    each bag still running (a drip up at discharge went unasked, where a unit of blood is
    refused), of a living patient's that it may go with them (`GOING_WITH`), a controlled drug's
    with the reminder to destroy what is left (infusion_rates.CD_LEFT; CD_GONE of a living
    patient's, which may go with them instead), and each operation booked from `at` on (sent home
    on Saturday for Monday's list, nobody told her when to come back), then `blanks` (the
    letter's, see `unfilled`), or None when nothing is (nor when they have left already: a
    discharge typed in afterwards). Of a death (`died`), only the bags: their stop is charted at
    last offices, and what the charts ask of a living patient is asked of no one."""
    patient = census.patient_with_location(db, forms, patient_id)
    if patient.stay is not StayStatus.IN:
        return None
    order_form = forms[medication.ORDER_FORM]
    orders = {order.record_id: order for order in medication.orders(db, patient_id, at)}
    running = [(orders[name], bag) for name, bag in infusion_rates.running(db, orders.values(), at, lang).items()]
    up, controlled = (RUNNING, infusion_rates.CD_LEFT) if died else (GOING_WITH, infusion_rates.CD_GONE)
    alerts = [] if died else chart_alerts.alerts(db, forms, [patient], at, lang, ward=patient.ward, left=False).alerts
    asked = [*(f"• {semicolon(lang).join(alert.said)}" for alert in alerts),
             *(f"• {said}" for said in ([] if died else [
                 *chart_alerts.doses_overdue(db, forms, [patient], at, lang).values(),
                 *lab_results.unseen_asked(db, forms, patient_id, at, lang)])),
             *(f"• {message(lang, up, drug=medication.order_label(order, order_form, lang), running=bag)}"
               + (f"\n  {message(lang, controlled, drug=order.drug)}" if order.controlled else "")
               for order, bag in running),
             *(f"• {message(lang, BOOKED, operation=operation)}"
               for operation in ([] if died else theatre.booked_from(db, forms, patient_id, at, lang))),
             *(f"• {blank}" for blank in blanks)]
    return WORDS["asked"][lang].format(asked="\n".join(asked)) if asked else None


def first_answers(db: Database, forms: dict[str, FormSpec], spec: FormSpec, patient_id: str, at: datetime,
                  lang: Lang) -> dict[str, Any]:
    """A discharge's follow-up starting with each operation booked from `at` on, for the nurse to
    say what the patient is told of it (`BOOKED_ON_LETTER`): the follow-up box started empty, and
    only the theatre board said, later, that she had gone."""
    booked = theatre.booked_from(db, forms, patient_id, at, lang)
    if FOLLOW_UP not in {field.id for field in spec.fields()} or not booked:
        return {}
    return {FOLLOW_UP: "\n".join(message(lang, BOOKED_ON_LETTER, operation=operation, told=message(lang, TOLD_OF_IT))
                                 for operation in booked)}


def unfilled(spec: FormSpec, values: Mapping[str, Any], lang: Lang) -> list[str]:
    """Each line of the letter's answers still ending in a blank its prefill left for the nurse
    (who follows a result awaited up: lab_results.WORDS["followed_by"]; what the patient is told
    of an operation booked: TOLD_OF_IT), in either language, to ask of before the save: saved as
    they stood, the GP's copy printed "followed up by: …", the result still named no one to act
    on it, and nothing had asked."""
    blanks = [*lab_results.WORDS["followed_by"].values(), *(message(other, TOLD_OF_IT) for other in ("en", "fr"))]
    return [message(lang, UNFILLED, field=field.label.get(lang), line=line)
            for field in spec.fields() if isinstance(answer := values.get(field.id), str)
            for line in answer.splitlines() if line.rstrip().endswith(tuple(blanks))]

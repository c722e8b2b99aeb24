"""A doctor's countersignature of a telephone order, asked the same from the patient's chart and
from the ward's list of telephone orders to countersign."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from downtime.domain.medication import Order
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.qt.i18n import language, say, translate
from downtime.qt.prompts import Prompts
from downtime.services import medication, telephone_orders
from downtime.services.context import Session
from downtime.services.errors import ServiceError


def countersign(parent: QWidget, session: Session, order: Order, order_form: FormSpec) -> RecordVersion | None:
    """`order` countersigned by the doctor signed in once they confirm it as the chart reads it,
    with its prescriber and when it was taken (see telephone_orders.countersign); None when they
    do not, or it is refused (said why: countersigned on another screen since)."""
    taken = order.awaiting_since
    if not Prompts.confirm(parent, translate("Countersign", "Countersign the telephone order"), translate(
            "Countersign", "{order}\nGiven by telephone by {prescriber}, taken {taken}.\n\nCountersign it as "
                           "{name}?").format(
            order=medication.order_reading(order, order_form, language(), at=session.clock()),
            prescriber=order.prescriber or "—",
            name=session.user.name, taken=f"{taken.astimezone():%d/%m/%Y %H:%M}" if taken is not None else "—")):
        return None
    try:
        return telephone_orders.countersign(session, order.record_id)
    except ServiceError as problem:
        Prompts.error(parent, translate("Countersign", "Not countersigned"), say(problem))
        return None

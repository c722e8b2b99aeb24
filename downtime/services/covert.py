"""The handover sheet's line of a patient's medicines given covertly (domain.covert): the next
shift's nurse, handed over from the sheet, found the dose refused and charted "refused" again,
the decision in a doctor's clinical note she had not read."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import covert
from downtime.formspec import FormSpec
from downtime.i18n import Lang, semicolon
from downtime.services import medication


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' orders running then and
    given covertly, each as the round flags it ("Co-careldopa 25/100 1 tablet(s) PO: COVERT: in
    yoghurt (review by 05/12)", its review said due once reached)."""
    order_form = forms[medication.ORDER_FORM]
    said = {patient_id: [f"{medication.order_label(order, order_form, lang)}: {flag}" for order in orders
                         if order.active_at(at) and (flag := covert.flag(order, at, lang))]
            for patient_id, orders in medication.orders_of_each(db, patient_ids, at).items()}
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items() if lines}

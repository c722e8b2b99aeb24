"""The handover sheet's line of a patient's medicines given covertly (domain.covert): the next
shift's nurse, handed over from the sheet, found the dose refused and charted "refused" again,
the decision in a doctor's clinical note she had not read; and the escalation list's line of a
covert decision whose review is reached (`reviews_due`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import covert, elapsed
from downtime.formspec import FormSpec
from downtime.i18n import Lang, labelled, semicolon
from downtime.services import capacity, medication


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' orders running then and
    given covertly, each as the round flags it ("Co-careldopa 25/100 1 tablet(s) PO: COVERT: in
    yoghurt (review by 05/12)", its review said due once reached), and, when no capacity assessment
    supports it, that too (services.capacity.covert_flags: "COVERT with no assessment of capacity
    for medicines on record: ask the doctor")."""
    order_form = forms[medication.ORDER_FORM]
    each = medication.orders_of_each(db, patient_ids, at)
    unsupported = capacity.covert_flags(db, [order for orders in each.values() for order in orders], at, lang)
    said = {patient_id: [labelled(medication.order_label(order, order_form, lang), " — ".join(
        [flag, *filter(None, [unsupported.get(order.record_id)])]), lang) for order in orders
                         if order.active_at(at) and (flag := covert.flag(order, at, lang))]
            for patient_id, orders in each.items()}
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items() if lines}


REVIEW_ASKED = {"en": "{flag} — the prescriber reviews the decision (capacity, best interests, how) and writes its next "
                      "review date, or changes the order",
                "fr": "{flag} — le prescripteur réévalue la décision (capacité, intérêt supérieur, mode "
                      "d’administration) et écrit sa prochaine date de réévaluation, ou modifie la prescription"}
"""The escalation list's line of a covert decision whose review is reached: the round's flag, and
who acts on it."""


@dataclass(frozen=True)
class Reviews:
    """`said`: each patient's orders running whose covert review is reached, as (the order's label,
    what the escalation list says of it); `next_due`: when the next review not reached yet falls
    due, the list read again then."""

    said: dict[str, list[tuple[str, str]]]
    next_due: datetime | None


def reviews_due(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
                lang: Lang) -> Reviews:
    """The orders of these patients running at `at` given covertly past their review (the flag's
    "COVERT REVIEW DUE": covert.review_due), from its very moment until the order is given a new
    review date or stopped: the round, the dose dialog, both MARs and the handover said it, the
    escalation list the nurse in charge works from did not, and the decision went on unreviewed."""
    order_form = forms[medication.ORDER_FORM]
    said: dict[str, list[tuple[str, str]]] = {}
    coming: list[datetime] = []
    for patient_id, orders in medication.orders_of_each(db, patient_ids, at).items():
        for order in orders:
            if order.covert is None or order.covert.review_by is None or not order.active_at(at):
                continue
            if covert.review_due(order.covert, at):
                said.setdefault(patient_id, []).append((medication.order_label(order, order_form, lang),
                                                        REVIEW_ASKED[lang].format(flag=covert.flag(order, at, lang))))
            elif not elapsed.reached(order.stop_at, order.covert.review_by):
                coming.append(order.covert.review_by)  # not when it stops first
    return Reviews(said, min(coming, key=elapsed.instant, default=None))

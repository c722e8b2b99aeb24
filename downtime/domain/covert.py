"""A medicine given covertly: disguised in food or drink, to a patient assessed as lacking the
capacity to decide on it, in their best interests (Mental Capacity Act 2005 ss. 1-4), as agreed
with those close to them and a pharmacist, who says how it may be given (which tablet may be
crushed, in what: a modified-release one never is), and reviewed (NICE SC1 section 1.15; NMC
guidance on covert administration; RPS).

The decision is the prescription's (the order form's covert questions, from its version 7): the
nurse who found the dose refused, the decision on a doctor's clinical note alone, charted
"refused" again and was told to call the doctor. Said where the nurse looks (the order's flags:
the round, the dose dialog, both MARs) as "COVERT: in yoghurt (review by 05/12)", and once its
review is reached "COVERT REVIEW DUE", the decision then to be made again or the order changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.i18n import Lang

if TYPE_CHECKING:  # an Order carries its Covert (domain.medication imports this module)
    from downtime.domain.medication import Order

COVERT = "covert"
"""The order's yes/no: its doses are given covertly. Its other questions follow."""
HOW, DECIDED_AT, DECIDED_BY, PHARMACIST, REVIEW_BY = (
    "covert_how", "covert_decided_at", "covert_decided_by", "covert_pharmacist", "covert_review_by")


class Covert(BaseModel):
    """The covert decision an order carries (`covert_of`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    how: str
    """In what, and what may be crushed or opened, as the pharmacist advised ("in yoghurt; crush
    the IR tablets only, never the MR")."""
    decided_at: AwareDatetime
    """When capacity was assessed and the best-interests decision made."""
    decided_by: str
    pharmacist: str | None = None
    """The pharmacist who advised how, when one was named."""
    review_by: AwareDatetime | None = None


def covert_of(data: Mapping[str, Any]) -> Covert | None:
    """The covert decision an order's answers hold; None for an order given openly, and for one
    of version 6 or before, which could not say it. The form asks how, when and by whom of a
    "yes" (`required_when`), and refuses a decision after its review (`not_after`)."""
    if data.get(COVERT) is not True:
        return None
    return Covert(how=data[HOW], decided_at=datetime.fromisoformat(data[DECIDED_AT]), decided_by=data[DECIDED_BY],
                  pharmacist=data.get(PHARMACIST) or None,
                  review_by=datetime.fromisoformat(data[REVIEW_BY]) if data.get(REVIEW_BY) else None)


def review_due(covert: Covert, at: datetime) -> bool:
    """Whether the decision's review is reached at `at` (due from its very moment, as an
    antibiotic's is): not to be left standing unreviewed while the doses go on."""
    return elapsed.reached(covert.review_by, at)


WORDS: dict[str, dict[Lang, str]] = {
    "covert": {"en": "COVERT: {how}", "fr": "À L’INSU DU PATIENT : {how}"},
    "review_by": {"en": "COVERT: {how} (review by {day})",
                  "fr": "À L’INSU DU PATIENT : {how} (réévaluer le {day})"},
    "review_due": {"en": "COVERT REVIEW DUE (by {day}): {how}",
                   "fr": "À L’INSU DU PATIENT, RÉÉVALUATION DUE (le {day}) : {how}"},
    "decided": {"en": "{how} — best-interests decision of {day} by {by}",
                "fr": "{how} — décision dans l’intérêt du patient du {day} par {by}"},
    "advised": {"en": "{decided}, advised by pharmacist {pharmacist}",
                "fr": "{decided}, avis pharmaceutique : {pharmacist}"},
}
"""The flag, in the chart's words: that the dose is given covertly, then how, which the nurse
giving it follows; the review's day, and once reached that it is due. On a letter, how is
followed by the decision: its day, who made it and the pharmacist who advised."""


def flag(order: Order, at: datetime, lang: Lang, *, letter: bool = False) -> str | None:
    """A covert order's flag at `at` on the ward's clock (its zone), its review's day said:
    "COVERT: in yoghurt (review by 05/12)", "COVERT REVIEW DUE (by 05/12): in yoghurt" once
    reached on an order running then (a stopped order's decision is not reviewed: its doses are
    over). None for an order given openly. One flag for the round, both MARs and the dose dialog.
    A `letter` (transfer, discharge) says after how who made the decision, when, and the
    pharmacist who advised: the next setting makes or records its own decision (NICE SC1 1.15),
    and a flag naming no one read as a guess."""
    decision = order.covert
    if decision is None:
        return None
    how = decision.how
    if letter:
        how = WORDS["decided"][lang].format(how=how, day=ward_time(decision.decided_at, at.tzinfo, "%d/%m"),
                                            by=decision.decided_by)
        if decision.pharmacist:
            how = WORDS["advised"][lang].format(decided=how, pharmacist=decision.pharmacist)
    if decision.review_by is None:
        return WORDS["covert"][lang].format(how=how)
    key = "review_due" if order.active_at(at) and review_due(decision, at) else "review_by"
    return WORDS[key][lang].format(how=how, day=ward_time(decision.review_by, at.tzinfo, "%d/%m"))

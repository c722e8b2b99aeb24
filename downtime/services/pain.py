"""A patient's pain chart: each assessment with the scale, the score, where, what was done (and
the as-required doses for pain the MAR has given since) and when it is next assessed; what the
latest asks of the nurse now (domain.pain): pain that matters with nothing done for it, its
reassessment overdue, sooner after a dose for pain. Never stored: worked out from the standing
records."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.medication import Outcome
from downtime.domain.pain import SCORED, SIGNS, Sign, for_pain, matters, reassess_after_dose, reassess_by, signs
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon
from downtime.services import medication
from downtime.services.bedside import Chart, ordered
from downtime.services.errors import NotFound

FORM = "pain_assessment"
WORDS = {
    "handover": {"en": "PAIN: {pain} at {time}", "fr": "DOULEUR : {pain} le {time}"},
    "due": {"en": "reassess by {due}", "fr": "à réévaluer avant {due}"},
    "letter": {"en": "{pain} at {time}", "fr": "{pain} le {time}"},
    "dose": {"en": "{drug} ({route}) given {time}", "fr": "dose de {drug} ({route}) le {time}"},
}


@dataclass(frozen=True)
class Dose:
    """An as-required dose for pain given on the MAR: when, what, by which route."""

    given_at: datetime
    drug: str
    route: str

    @property
    def assess_by(self) -> datetime:
        return reassess_after_dose(self.given_at, self.route)

    def text(self, lang: Lang) -> str:
        """"Morphine (SC) given 28/11 13:45"."""
        return WORDS["dose"][lang].format(drug=self.drug, route=self.route, time=f"{self.given_at:%d/%m %H:%M}")


@dataclass(frozen=True)
class Assessed:
    """A pain assessment (`record`), when, when the next falls due (sooner when a dose for pain
    was given since), and the as-required doses for pain given between it and the next (`doses`)."""

    record: RecordVersion
    assessed_at: datetime
    due_at: datetime
    doses: tuple[Dose, ...] = ()

    @property
    def matters(self) -> bool:
        return matters(self.record.data)

    @property
    def done(self) -> frozenset[str]:
        return frozenset(self.record.data.get("action") or ())

    def score(self, spec: FormSpec, lang: Lang) -> str:
        """"7/10", "Moderate", "Faces 4/10", "FLACC 6/10", "EVENDOL 5/15" or "Algoplus 3/5"."""
        data = self.record.data
        if data["scale"] == "verbal":
            return format_value(spec.field("score_verbal"), data["score_verbal"], lang)
        return SCORED[data["scale"]].said(data, lang)

    def items(self, spec: FormSpec, lang: Lang) -> str:
        """What a total observed item by item is made of, for the nurse who assesses again to
        compare: "Face 2, Legs 1, Activity 1, Cry 1, Consolability 1"; empty for a score the
        patient gives in one."""
        data = self.record.data
        scored = SCORED.get(data["scale"])
        if scored is None or not scored.observed:
            return ""
        return ", ".join(f"{spec.field(item).label.get(lang)} {data[item]}" for item in scored.items)

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"7/10 (left hip, moving), Analgesia given (on the MAR)"."""
        data = self.record.data
        where = " ".join((data.get("where") or "").split())
        done = format_value(spec.field("action"), data.get("action"), lang)
        return self.score(spec, lang) + (f" ({where})" if where else "") + (f", {done}" if done else "")

    def what_was_done(self, spec: FormSpec, lang: Lang) -> str:
        """What the assessment says was done, then the doses for pain the MAR gave since."""
        return ", ".join(part for part in (format_value(spec.field("action"), self.record.data.get("action"), lang),
                                           *self.dosed(lang)) if part)

    def dosed(self, lang: Lang) -> list[str]:
        """The doses for pain given since it on the MAR: "Morphine (SC) given 28/11 13:45"."""
        return [dose.text(lang) for dose in self.doses]

    def signs(self, at: datetime) -> list[Sign]:
        return signs(self.matters, self.done, self.due_at, at, dosed=bool(self.doses))

    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        return SIGNS[sign][lang].format(score=self.score(spec, lang),
                                        due=f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}")

    def asks(self, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
        return [self.said(sign, spec, at, lang) for sign in self.signs(at)]

    def overdue(self, at: datetime) -> bool:
        return elapsed.instant(self.due_at) <= elapsed.instant(at)

    def next_one(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"reassess by 28/11 15:00", or "PAIN REASSESSMENT OVERDUE since …" once it is."""
        if self.overdue(at):
            return self.said(Sign.OVERDUE, spec, at, lang)
        return WORDS["due"][lang].format(due=f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}")


def assessed(record: RecordVersion) -> Assessed:
    at = datetime.fromisoformat(record.data["assessed_at"])
    return Assessed(record, at, reassess_by(at, int(record.data["reassess_in"])))


# The patient's standing pain assessments, oldest first (without the doses given since).
CHART = Chart(FORM, ordered(assessed, lambda one: one.assessed_at))


def doses_for_pain(db: Database, patient_id: str) -> list[Dose]:
    """The patient's as-required doses given for pain, by the reason given or the order's
    indication ("pain 7/10", "douleur EVA > 3"), oldest first; a dose of an order withdrawn as a
    mistake is not one."""
    found, orders = [], {}
    for dose in medication.administrations(db, patient_id):
        if dose.outcome is not Outcome.GIVEN or dose.given_for is None:
            continue
        if dose.order_id not in orders:
            try:
                orders[dose.order_id] = medication.order(db, dose.order_id)
            except NotFound:
                orders[dose.order_id] = None
        order = orders[dose.order_id]
        if order is not None and for_pain(dose.given_for, order.prn_indication):
            found.append(Dose(dose.at, order.drug, order.route))
    return sorted(found, key=lambda one: elapsed.instant(one.given_at))


def with_doses(found: Sequence[Assessed], doses: Sequence[Dose]) -> list[Assessed]:
    """Each assessment with the doses for pain given from it to the next, its reassessment due by
    the latest dose's effect when that is sooner."""
    made = []
    for one, after in zip(found, [*(later.assessed_at for later in found[1:]), None]):
        since = [dose for dose in doses if elapsed.instant(one.assessed_at) <= elapsed.instant(dose.given_at)
                 and (after is None or elapsed.instant(dose.given_at) < elapsed.instant(after))]
        due = min((one.due_at, *(dose.assess_by for dose in since[-1:])), key=elapsed.instant)
        made.append(replace(one, doses=tuple(since), due_at=due))
    return made


def chart(db: Database, patient_id: str) -> list[Assessed]:
    """The patient's standing pain assessments, oldest first, with the doses for pain since each."""
    return with_doses(CHART.of(db, patient_id), doses_for_pain(db, patient_id))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Assessed]]:
    """The pain chart of each of these patients who has one, as `chart`."""
    return {patient_id: with_doses(found, doses_for_pain(db, patient_id))
            for patient_id, found in CHART.of_each(db, patient_ids).items()}


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' pain: the latest
    assessment, pain left untreated, and when it is next assessed (or since when that is
    overdue)."""
    spec = forms[FORM]
    return {patient_id: semicolon(lang).join([
        WORDS["handover"][lang].format(pain=latest.text(spec, lang), time=f"{latest.assessed_at:%d/%m %H:%M}"),
        *latest.dosed(lang),
        *(latest.said(sign, spec, at, lang) for sign in latest.signs(at) if sign is not Sign.OVERDUE),
        latest.next_one(spec, at, lang)])
        for patient_id, found in charts(db, patient_ids).items() for latest in found[-1:]}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their pain: the latest assessment and pain left untreated,
    which the receiving team answers first."""
    spec = forms[FORM]
    return [line for latest in chart(db, patient_id)[-1:] for line in (
        WORDS["letter"][lang].format(pain=latest.text(spec, lang), time=f"{latest.assessed_at:%d/%m %H:%M}"),
        *latest.dosed(lang),
        *(latest.said(sign, spec, at, lang) for sign in latest.signs(at) if sign is not Sign.OVERDUE))]

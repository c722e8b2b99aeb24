"""A patient's pain chart: each assessment with the scale, the score, where, what was done and
when it is next assessed; what the latest asks of the nurse now (domain.pain): pain that
matters with nothing done for it, its reassessment overdue. Never stored: worked out from the
standing records."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.pain import SIGNS, Sign, matters, reassess_by, signs
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon
from downtime.services.bedside import Chart, ordered

FORM = "pain_assessment"
WORDS = {
    "handover": {"en": "PAIN: {pain} at {time}", "fr": "DOULEUR : {pain} à {time}"},
    "due": {"en": "reassess by {due}", "fr": "à réévaluer avant {due}"},
    "algoplus": {"en": "Algoplus {score}/5", "fr": "Algoplus {score}/5"},
    "letter": {"en": "{pain} at {time}", "fr": "{pain} à {time}"},
}


@dataclass(frozen=True)
class Assessed:
    """A pain assessment (`record`), when, and when the next falls due."""

    record: RecordVersion
    assessed_at: datetime
    due_at: datetime

    @property
    def matters(self) -> bool:
        data = self.record.data
        return matters(data["scale"], data.get("score_numeric"), data.get("score_verbal"), data.get("score_algoplus"))

    @property
    def done(self) -> frozenset[str]:
        return frozenset(self.record.data.get("action") or ())

    def score(self, spec: FormSpec, lang: Lang) -> str:
        """"7/10", "Moderate" or "Algoplus 3/5"."""
        data = self.record.data
        if data["scale"] == "numeric":
            return f"{data['score_numeric']}/10"
        if data["scale"] == "verbal":
            return format_value(spec.field("score_verbal"), data["score_verbal"], lang)
        return WORDS["algoplus"][lang].format(score=data["score_algoplus"])

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"7/10 (left hip, moving), Analgesia given (on the MAR)"."""
        data = self.record.data
        where = " ".join((data.get("where") or "").split())
        done = format_value(spec.field("action"), data.get("action"), lang)
        return self.score(spec, lang) + (f" ({where})" if where else "") + (f", {done}" if done else "")

    def signs(self, at: datetime) -> list[Sign]:
        return signs(self.matters, self.done, self.due_at, at)

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


# The patient's standing pain assessments, oldest first; and many patients' in one query.
CHART = Chart(FORM, ordered(assessed, lambda one: one.assessed_at))
chart, charts = CHART.of, CHART.of_each


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' pain: the latest
    assessment, pain left untreated, and when it is next assessed (or since when that is
    overdue)."""
    spec = forms[FORM]
    return {patient_id: semicolon(lang).join([
        WORDS["handover"][lang].format(pain=latest.text(spec, lang), time=f"{latest.assessed_at:%d/%m %H:%M}"),
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
        *(latest.said(sign, spec, at, lang) for sign in latest.signs(at) if sign is not Sign.OVERDUE))]

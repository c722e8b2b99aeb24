"""A patient's capillary blood glucose readings, each with what it asks of the nurse now
(domain.glucose), and a hypo's recheck: due within 15 minutes of the low reading, overdue once
that time has passed with no reading since. Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.glucose import RECHECK_WITHIN, SIGNS, Reading, Sign, reading, signs
from downtime.domain.records import RecordVersion
from downtime.formspec import Lang
from downtime.i18n import decimal_text, semicolon
from downtime.services.bedside import Chart, ordered

FORM = "blood_glucose"
WORDS = {
    "recheck": {"en": "hypo recheck due {due}", "fr": "contrôle après resucrage le {due}"},
    "overdue": {"en": "HYPO RECHECK OVERDUE since {due}", "fr": "CONTRÔLE APRÈS RESUCRAGE EN RETARD depuis {due}"},
    "handover": {"en": "GLUCOSE: {reading} at {time}", "fr": "GLYCÉMIE : {reading} le {time}"},
    "ketones": {"en": ", ketones {ketones} mmol/L", "fr": ", cétonémie {ketones} mmol/L"},
}


@dataclass(frozen=True)
class Charted:
    record: RecordVersion
    taken_at: datetime
    reading: Reading
    signs: list[Sign]

    def text(self, lang: Lang) -> str:
        """The reading as the ward writes it ("5,6 mmol/L" in French), with its ketones."""
        said = self.reading.text(lambda value: decimal_text(value, lang))
        if self.reading.ketones is not None:
            said += WORDS["ketones"][lang].format(ketones=decimal_text(self.reading.ketones, lang))
        return said

    def said(self, lang: Lang) -> list[str]:
        return [SIGNS[sign][lang] for sign in self.signs]


def charted(record: RecordVersion) -> Charted:
    found = reading(record.data)
    return Charted(record, datetime.fromisoformat(record.data["taken_at"]), found, signs(found))


# The patient's standing readings, oldest first; and many patients' in one query.
CHART = Chart(FORM, ordered(charted, lambda one: one.taken_at))
chart, charts = CHART.of, CHART.of_each


def recheck_due(readings: list[Charted]) -> datetime | None:
    """When the latest reading (of `readings`, oldest first) is a hypo, when its recheck is due."""
    if not readings or not readings[-1].reading.hypo:
        return None
    return elapsed.later(readings[-1].taken_at, RECHECK_WITHIN)


def recheck(readings: list[Charted], at: datetime, lang: Lang) -> tuple[str, bool] | None:
    """When the latest reading is a hypo: its recheck in words, and whether it is overdue at `at`."""
    due = recheck_due(readings)
    if due is None:
        return None
    overdue = elapsed.instant(due) <= elapsed.instant(at)
    return WORDS["overdue" if overdue else "recheck"][lang].format(due=f"{due.astimezone(at.tzinfo):%d/%m %H:%M}"), overdue


def asking(readings: list[Charted], at: datetime, lang: Lang) -> list[str]:
    """What the latest of `readings` (oldest first) asks at `at`, its hypo's recheck once overdue."""
    again = recheck(readings, at, lang)
    return [*readings[-1].said(lang), *([again[0]] if again and again[1] else [])]


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' glucose, for those with a
    reading: the latest, what it asks, and a hypo's recheck."""
    said = {}
    for patient_id, found in charts(db, patient_ids).items():
        latest = found[-1]
        again = recheck(found, at, lang)
        said[patient_id] = semicolon(lang).join([WORDS["handover"][lang].format(reading=latest.text(lang),
                                                                     time=f"{latest.taken_at:%d/%m %H:%M}"),
                                      *latest.said(lang), *([again[0]] if again else [])])
    return said

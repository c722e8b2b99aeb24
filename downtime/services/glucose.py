"""A patient's capillary blood glucose readings, each with what it asks of the nurse now
(domain.glucose), and when the next is due: a hypo's recheck within 15 minutes of the low
reading, else as the reading planned (hourly on an insulin infusion); overdue once that time has
passed with no reading since. Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.glucose import SIGNS, Reading, Sign, every, every_words, next_due, reading, signs
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.messages import message
from downtime.formspec.values import FieldError
from downtime.i18n import decimal_text, semicolon
from downtime.services.bedside import Chart, ordered
from downtime.services.errors import ValidationFailed

FORM = "blood_glucose"
PLAN = "next_in"
WORDS = {
    "recheck": {"en": "hypo recheck due {due}", "fr": "contrôle après resucrage le {due}"},
    "overdue": {"en": "HYPO RECHECK OVERDUE since {due}", "fr": "CONTRÔLE APRÈS RESUCRAGE EN RETARD depuis {due}"},
    "due": {"en": "next reading due {due} ({every})", "fr": "prochaine glycémie le {due} ({every})"},
    "late": {"en": "GLUCOSE CHECK OVERDUE since {due} ({every})",
             "fr": "GLYCÉMIE EN RETARD depuis le {due} ({every})"},
    "handover": {"en": "GLUCOSE: {reading} at {time}", "fr": "GLYCÉMIE : {reading} le {time}"},
    "ketones": {"en": ", ketones {ketones} mmol/L", "fr": ", cétonémie {ketones} mmol/L"},
}


@dataclass(frozen=True)
class Charted:
    """A reading (`record`), when it was taken, what it found and asks, and when the next falls
    due (`due_at`: None when none is planned, or for a reading written before the form asked)."""

    record: RecordVersion
    taken_at: datetime
    reading: Reading
    signs: list[Sign]
    every: timedelta | None
    """How often the reading planned the next (domain.glucose.every)."""
    due_at: datetime | None

    def text(self, lang: Lang) -> str:
        """The reading as the ward writes it ("5,6 mmol/L" in French), with its ketones."""
        said = self.reading.text(lambda value: decimal_text(value, lang))
        if self.reading.ketones is not None:
            said += WORDS["ketones"][lang].format(ketones=decimal_text(self.reading.ketones, lang))
        return said

    def said(self, lang: Lang) -> list[str]:
        return [SIGNS[sign][lang] for sign in self.signs]

    def overdue(self, at: datetime) -> bool:
        return elapsed.reached(self.due_at, at)

    def next_check(self, at: datetime, lang: Lang) -> str:
        """"hypo recheck due 28/11 14:05", "next reading due 28/11 15:00 (hourly)", each saying
        once overdue that it is, on the ward's clock at `at`; "" with no next reading planned."""
        if self.due_at is None:
            return ""
        due, late = f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}", self.overdue(at)
        if self.reading.hypo:
            return WORDS["overdue" if late else "recheck"][lang].format(due=due)
        return WORDS["late" if late else "due"][lang].format(
            due=due, every=every_words(self.every, lang) if self.every is not None else "")


def charted(record: RecordVersion) -> Charted:
    found, taken_at = reading(record.data), datetime.fromisoformat(record.data["taken_at"])
    span = every(record.data.get(PLAN))
    return Charted(record, taken_at, found, signs(found), span, next_due(taken_at, found, span))


# The patient's standing readings, oldest first; and many patients' in one query.
CHART = Chart(FORM, ordered(charted, lambda one: one.taken_at))
chart, charts = CHART.of, CHART.of_each


def coming(readings: list[Charted], at: datetime) -> datetime | None:
    """When the latest of `readings` (oldest first) asks for the next, if not yet at `at`: the
    chart and the lists are read again then. An earlier reading's next was taken."""
    due = readings[-1].due_at if readings else None
    return due if due is not None and not elapsed.reached(due, at) else None


def asking(readings: list[Charted], at: datetime, lang: Lang) -> list[str]:
    """What the latest of `readings` (oldest first) asks at `at`, its next reading once overdue."""
    latest = readings[-1]
    return [*latest.said(lang), *([latest.next_check(at, lang)] if latest.overdue(at) else [])]


def check_plan(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None) -> None:
    """Refuse a new reading (`before` None) with no plan for the next, and an amendment taking its
    plan away: "No further check planned" says there is none; a plan left out was a night on an
    insulin infusion no list called overdue. A reading written before the form asked (version 1)
    is corrected, and settled at the records office, without one: no one planned then to write now."""
    if not data.get(PLAN) and (before is None or before.get(PLAN)):
        raise ValidationFailed([FieldError(PLAN, message("required", lang, spec.field(PLAN).label.get(lang)))])


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' glucose, for those with a
    reading: the latest, what it asks, and when the next is due or since when it is overdue."""
    said = {}
    for patient_id, found in charts(db, patient_ids).items():
        latest = found[-1]
        again = latest.next_check(at, lang)
        said[patient_id] = semicolon(lang).join([WORDS["handover"][lang].format(reading=latest.text(lang),
                                                                     time=f"{latest.taken_at:%d/%m %H:%M}"),
                                      *latest.said(lang), *([again] if again else [])])
    return said

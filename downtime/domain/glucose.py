"""What a capillary blood glucose reading asks of the nurse now, as an inpatient diabetes
protocol says it (JBDS-IP): below 4 mmol/L (or a meter's LO) is a hypo, treated at once and
rechecked within 15 minutes; above 12 (or HI), the blood ketones are checked; ketones of 1.5
or more are told to the doctor, 3 or more at once (diabetic ketoacidosis likely). Ketones are
judged whatever the glucose: a patient on an SGLT2 inhibitor goes into ketoacidosis with a
normal one. Each reading plans the next: hourly on an insulin infusion or in ketoacidosis, by
the meals on insulin injections; a hypo's recheck comes first whatever the plan."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed

HYPO_BELOW = 4.0
CHECK_KETONES_ABOVE = 12.0
KETONES_TELL = 1.5
KETONES_NOW = 3.0
RECHECK_WITHIN = timedelta(minutes=15)
"""A hypo's recheck after treating it."""
NONE_PLANNED = "none"
"""The plan of a reading after which no further one is planned (a one-off check)."""
EVERY: Mapping[str, Mapping[str, str]] = {
    "hour": {"en": "hourly", "fr": "toutes les heures"},
    "hours": {"en": "every {count} hours", "fr": "toutes les {count} heures"},
    "minutes": {"en": "every {count} minutes", "fr": "toutes les {count} minutes"},
}
"""A plan in words, as the ward says it: "hourly", "every 4 hours"."""


class Sign(StrEnum):
    HYPO = "hypo"
    CHECK_KETONES = "check_ketones"
    KETONES = "ketones"
    KETONES_HIGH = "ketones_high"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.HYPO: {"en": "HYPO (below 4 mmol/L): treat now as the hypoglycaemia protocol says; recheck within 15 minutes",
                "fr": "HYPOGLYCÉMIE (moins de 4 mmol/L) : resucrer maintenant selon le protocole ; recontrôler "
                      "dans les 15 minutes"},
    Sign.CHECK_KETONES: {"en": "Above 12 mmol/L: check the blood ketones",
                         "fr": "Au-dessus de 12 mmol/L : mesurer la cétonémie"},
    Sign.KETONES: {"en": "Ketones 1.5 mmol/L or more: tell the doctor",
                   "fr": "Cétonémie à 1,5 mmol/L ou plus : prévenir le médecin"},
    Sign.KETONES_HIGH: {"en": "Ketones 3 mmol/L or more: tell the doctor now (ketoacidosis likely)",
                        "fr": "Cétonémie à 3 mmol/L ou plus : prévenir le médecin immédiatement (acidocétose "
                              "probable)"},
}


@dataclass(frozen=True)
class Reading:
    """`glucose` None when the meter showed LO or HI (`lo`, `hi`)."""

    glucose: float | None
    lo: bool
    hi: bool
    ketones: float | None

    @property
    def hypo(self) -> bool:
        return self.lo or (self.glucose is not None and self.glucose < HYPO_BELOW)

    def text(self, decimal: Callable[[float], str] = str) -> str:
        """"5.6 mmol/L", "LO", "HI"; `decimal` writes a number as the ward does (a comma in French)."""
        if self.glucose is None:
            return "LO" if self.lo else "HI"
        return f"{decimal(self.glucose)} mmol/L"


def reading(data: Mapping[str, Any]) -> Reading:
    return Reading(data.get("glucose"), data["reading"] == "lo", data["reading"] == "hi", data.get("ketones"))


def signs(found: Reading) -> list[Sign]:
    """What this reading asks of the nurse now, the most urgent first."""
    said = []
    if found.ketones is not None and found.ketones >= KETONES_NOW:
        said.append(Sign.KETONES_HIGH)
    elif found.ketones is not None and found.ketones >= KETONES_TELL:
        said.append(Sign.KETONES)
    if found.hypo:
        said.insert(0, Sign.HYPO)
    elif found.ketones is None and (found.hi or (found.glucose is not None and found.glucose > CHECK_KETONES_ABOVE)):
        said.append(Sign.CHECK_KETONES)
    return said


def every(plan: str | None) -> timedelta | None:
    """A reading's plan (the form's minutes) as a span; None when no further reading is planned,
    or for a reading written before the form asked (version 1): no plan, never overdue."""
    return None if plan in (None, "", NONE_PLANNED) else timedelta(minutes=int(plan))


def every_words(span: timedelta, lang: str) -> str:
    """"hourly", "every 4 hours", "every 30 minutes": how often, beside when the next is due."""
    minutes = int(span.total_seconds()) // 60
    if minutes == 60:
        return EVERY["hour"][lang]
    return (EVERY["hours"][lang].format(count=minutes // 60) if minutes % 60 == 0
            else EVERY["minutes"][lang].format(count=minutes))


def next_due(taken_at: datetime, found: Reading, planned: timedelta | None) -> datetime | None:
    """When the reading after this one falls due, as a watch counts (the night the clocks change
    included): a hypo's recheck within 15 minutes whatever the plan (`every`), which is never
    shorter; else as planned; None with no plan."""
    span = RECHECK_WITHIN if found.hypo else planned
    return None if span is None else elapsed.later(taken_at, span)

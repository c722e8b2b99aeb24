"""What a patient's pain chart asks of the nurse: pain is assessed with the scale the patient can
answer (a number from 0 to 10 or a word they say; for one who cannot say, the Algoplus
behavioural scale, Rat et al. 2011, which French wards use for older patients), pain that is
moderate or worse is treated (analgesia as prescribed, or the doctor told when none is), and
assessed again when the chart says: a pain treated and never assessed again is the gap the
French quality indicator on pain (HAS) and the Joint Commission's standard look for. An
as-required dose given for pain on the MAR is analgesia given, and its effect is assessed 30
minutes after an injection, an hour after any other route, as the pain chart's own plan says."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed

MODERATE_NUMERIC = 4
"""From 4 out of 10 pain is moderate or worse (0 none, 1–3 mild, 4–6 moderate, 7–10 severe)."""
LIKELY_ALGOPLUS = 2
"""From 2 out of 5 on the Algoplus scale pain is likely, and is treated as such."""
MODERATE_WORDS = frozenset({"moderate", "severe"})
ANSWERED = frozenset({"analgesia", "doctor", "declined"})
"""What answers pain that matters: analgesia given, the doctor told, or the patient's refusal
(said on the chart, and the reassessment still due)."""


PAIN_WORDS = re.compile(r"\b(pain\w*|douleurs?|douloureu\w*|analg\w*|antalg\w*|eva|algoplus)\b", re.IGNORECASE)
"""How an as-required dose's reason or order says it is for pain ("pain 7/10", "douleur EVA > 3",
"if painful", "antalgique")."""
INJECTED = frozenset({"IV", "IM", "SC"})
"""The routes whose dose's effect is assessed after 30 minutes; an hour after any other."""
AFTER_INJECTION, AFTER_OTHER = timedelta(minutes=30), timedelta(hours=1)


class Sign(StrEnum):
    UNTREATED = "untreated"
    OVERDUE = "overdue"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.UNTREATED: {"en": "PAIN {score} NOT TREATED: give the analgesia prescribed, or tell the doctor if none is",
                     "fr": "DOULEUR {score} NON TRAITÉE : donner l’antalgique prescrit, ou prévenir le médecin s’il "
                           "n’y en a pas"},
    Sign.OVERDUE: {"en": "PAIN REASSESSMENT OVERDUE since {due}", "fr": "RÉÉVALUATION DE LA DOULEUR EN RETARD depuis {due}"},
}
"""What each sign asks: `{score}` the pain as scored ("7/10"), `{due}` when the reassessment fell due."""


def matters(scale: str, numeric: int | None, verbal: str | None, algoplus: int | None) -> bool:
    """Whether the pain scored is moderate or worse (on the Algoplus scale: likely)."""
    if scale == "numeric":
        return numeric is not None and numeric >= MODERATE_NUMERIC
    if scale == "verbal":
        return verbal in MODERATE_WORDS
    return algoplus is not None and algoplus >= LIKELY_ALGOPLUS


def reassess_by(assessed_at: datetime, minutes: int) -> datetime:
    """When the pain is next assessed, as a watch counts."""
    return elapsed.later(assessed_at, timedelta(minutes=minutes))


def for_pain(*said: str | None) -> bool:
    """Whether an as-required dose is for pain, by its reason given or its order's indication."""
    return any(PAIN_WORDS.search(text) for text in said if text)


def reassess_after_dose(given_at: datetime, route: str) -> datetime:
    """When a dose given for pain has its effect assessed, as a watch counts."""
    return elapsed.later(given_at, AFTER_INJECTION if route in INJECTED else AFTER_OTHER)


def signs(mattering: bool, done: frozenset[str], due_at: datetime, at: datetime, dosed: bool = False) -> list[Sign]:
    """What the latest assessment asks at `at`: pain that matters with nothing that answers it
    done (`dosed`: an as-required dose for pain given on the MAR since), then its reassessment
    once due."""
    return [*([Sign.UNTREATED] if mattering and not done & ANSWERED and not dosed else []),
            *([Sign.OVERDUE] if elapsed.instant(due_at) <= elapsed.instant(at) else [])]

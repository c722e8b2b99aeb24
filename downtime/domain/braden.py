"""The Braden scale's total and its band (Bergstrom, Braden et al. 1987; the bands of Ayello and
Braden 2002): six items each scored from 1, the worst, to 4 (friction and shear to 3), their
total from 6 to 23; the lower it is, the higher the risk of pressure ulcers. The app does not
turn a band into a frequency of turns: the care plan does; the repositioning chart asks before a
plan less often than the band allows and asks a change of a patient at risk with none charted
(domain.repositioning.EVERY_AT_MOST; NICE CG179: high risk, at least every 4 hours)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from enum import StrEnum
from typing import Any

FIRST_WITHIN = timedelta(hours=6)
"""A pressure ulcer risk assessment within 6 hours of admission (NICE QS89, statement 1)."""
ADULTS_FROM_YEARS = 18
"""The Braden scale assesses adults (a child's risk has tools of its own)."""
ITEMS = ("sensory", "moisture", "activity", "mobility", "nutrition", "friction")
"""The form's fields, each answered with its score as a code ("1" to "4")."""


class Band(StrEnum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very_high"


BANDS: Mapping[Band, Mapping[str, str]] = {
    Band.NONE: {"en": "not at risk", "fr": "pas de risque"},
    Band.MILD: {"en": "at risk", "fr": "risque faible"},
    Band.MODERATE: {"en": "moderate risk", "fr": "risque modéré"},
    Band.HIGH: {"en": "HIGH RISK", "fr": "RISQUE ÉLEVÉ"},
    Band.VERY_HIGH: {"en": "VERY HIGH RISK", "fr": "RISQUE TRÈS ÉLEVÉ"},
}


def total(answers: Mapping[str, Any]) -> int:
    """The six items' scores added up."""
    return sum(int(answers[item]) for item in ITEMS)


def band(score: int) -> Band:
    """19 to 23 not at risk, 15 to 18 at risk, 13 and 14 moderate, 10 to 12 high, 9 or less very high."""
    if score <= 9:
        return Band.VERY_HIGH
    if score <= 12:
        return Band.HIGH
    if score <= 14:
        return Band.MODERATE
    if score <= 18:
        return Band.MILD
    return Band.NONE

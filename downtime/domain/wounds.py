"""What a wound chart asks of the nurse, as wound care guidance has it (NICE CG179 for pressure
ulcers, NG125 for surgical wounds; the ward's tissue viability team): a wound with signs of
infection is for a doctor to see; a wound grown larger or deeper since it was last measured, a
pressure ulcer of a worse category, a wound bed gone to slough or necrosis, or exudate risen to
high, is deteriorating and is told to the nurse in charge (and the tissue viability nurse); a
dressing is changed, or the wound looked at, when the chart says. Each wound is followed by its
name, the same at each dressing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed

HEALED = "healed"
"""The wound bed's code that ends the wound's chart: no more dressing is due."""
WORSE_CATEGORY = {"1": 1, "2": 2, "deep_tissue": 2, "3": 3, "unstageable": 3, "4": 4}
"""How far a pressure ulcer's category has gone, to tell one worse than before: a suspected deep
tissue injury is at least a category 2's damage, an unstageable one at least a 3's (NPIAP/EPUAP
2019)."""
WORSE_BED = {"epithelialising": 0, "granulating": 0, "intact": 0, "sloughy": 1, "necrotic": 2}
"""How far a wound bed has gone from healthy tissue (the form's codes; healed ends the chart):
slough, then necrosis, is devitalised tissue. A bed going the other way is debridement working."""
EXUDATE = {"none": 0, "low": 1, "moderate": 2, "high": 3}
"""The exudate's amounts in order (the form's codes)."""
HIGH_EXUDATE = "high"


class Sign(StrEnum):
    INFECTION = "infection"
    WORSE = "worse"
    OVERDUE = "overdue"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.INFECTION: {"en": "SIGNS OF INFECTION ({wound}): tell the doctor, swab as they say",
                     "fr": "SIGNES D’INFECTION ({wound}) : prévenir le médecin, prélever selon sa prescription"},
    Sign.WORSE: {"en": "WOUND WORSE ({wound}: {how}): tell the nurse in charge and the tissue viability nurse",
                 "fr": "PLAIE AGGRAVÉE ({wound} : {how}) : prévenir l’infirmier(ère) responsable et "
                       "l’infirmier(ère) plaies et cicatrisation"},
    Sign.OVERDUE: {"en": "DRESSING OVERDUE ({wound}) since {due}", "fr": "PANSEMENT EN RETARD ({wound}) depuis {due}"},
}
"""What each sign asks: `{wound}` the wound's name, `{how}` how it is worse, `{due}` when the next
dressing fell due."""


def key(name: str) -> str:
    """The wound a name follows: "Left heel" and " left  HEEL" are one wound."""
    return " ".join(name.split()).casefold()


def area(length_cm: float | None, width_cm: float | None) -> float | None:
    """The wound's length times width in cm², as wound charts follow a wound's size (None when
    either was not measured)."""
    return None if length_cm is None or width_cm is None else length_cm * width_cm


def next_due(assessed_at: datetime, every_days: int) -> datetime:
    """When the next dressing or look falls due, as a watch counts."""
    return elapsed.later(assessed_at, timedelta(days=every_days))


def larger(before: float | None, now: float | None) -> bool:
    """Whether the wound grew larger between two measures (both measured)."""
    return before is not None and now is not None and now > before


def _further(steps: Mapping[str, int], before: str | None, now: str | None) -> bool:
    """Whether `now` has gone further along `steps` than `before` (both said)."""
    return before in steps and now in steps and steps[now] > steps[before]


def worse_category(before: str | None, now: str | None) -> bool:
    """Whether a pressure ulcer's category is worse than before (both pressure ulcers)."""
    return _further(WORSE_CATEGORY, before, now)


def worse_bed(before: str | None, now: str | None) -> bool:
    """Whether the wound bed went to slough or necrosis from healthier tissue (`WORSE_BED`):
    a granulating pressure ulcer found necrotic was not called worse."""
    return _further(WORSE_BED, before, now)


def wetter(before: str | None, now: str | None) -> bool:
    """Whether the exudate rose to high (both said): a sign of infection or of a wound breaking
    down, and a dressing soon soaked through."""
    return now == HIGH_EXUDATE and _further(EXUDATE, before, now)


"""What a wound chart asks of the nurse, as wound care guidance has it (NICE CG179 for pressure
ulcers, NG125 for surgical wounds; the ward's tissue viability team): a wound with signs of
infection is for a doctor to see; a wound grown larger or deeper since it was last measured, a
pressure ulcer of a worse category, a wound bed gone to slough or necrosis, or exudate risen to
high, or a healed wound open again, is deteriorating and is told to the nurse in charge (and the
tissue viability nurse); a pressure ulcer of category 2 or worse is reported as an incident (NHS
Improvement 2018, "Pressure ulcers: revised definition and measurement"; a pressure ulcer caught
in hospital is an adverse event for the HAS) and is never reverse staged: healing, a category 4
stays a healing category 4 (NPIAP/EPUAP/PPPIA 2019); a dressing is changed, or the wound looked
at, when the chart says; a wound still open when its stay ended is asked about. Each wound is
followed by its name, the same at each dressing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed

PRESSURE_ULCER = "pressure_ulcer"
"""The kind of wound that has a category, reported and never reverse staged."""
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
REPORTED_FROM = 2
"""The category (`WORSE_CATEGORY`'s steps) from which a pressure ulcer is reported as an incident."""
ARRIVED_WITHIN = timedelta(hours=72)
"""How long after the admission a pressure ulcer's first look may say it was present on admission:
one first found later counts as acquired in hospital (NHS Improvement 2018's 72 hours), and a
"yes" ticked on day 5 took a ward-acquired ulcer out of the incident count."""
REPORT_SAID_FOR = timedelta(hours=24)
"""How long a pressure ulcer charted at category 2 or worse for the first time asks to be reported:
the wound form has no answer saying it was, so the sign stands on every shift's handover of the
day it was found, or typed if later (a look back-entered from paper), then goes (the notes say
who was told)."""


class Sign(StrEnum):
    INFECTION = "infection"
    REPORT = "report"
    WORSE = "worse"
    OVERDUE = "overdue"
    STILL_OPEN = "still_open"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.INFECTION: {"en": "SIGNS OF INFECTION ({wound}): tell the doctor, swab as they say",
                     "fr": "SIGNES D’INFECTION ({wound}) : prévenir le médecin, prélever selon sa prescription"},
    Sign.WORSE: {"en": "WOUND WORSE ({wound}: {how}): tell the nurse in charge and the tissue viability nurse",
                 "fr": "PLAIE AGGRAVÉE ({wound} : {how}) : prévenir l’infirmier(ère) responsable et "
                       "l’infirmier(ère) plaies et cicatrisation"},
    Sign.REPORT: {"en": "NEW PRESSURE ULCER ({wound}, {category}, charted {found}): tell the nurse in charge and the "
                        "tissue viability nurse; report it as an incident",
                  "fr": "NOUVELLE ESCARRE ({wound}, {category}, notée le {found}) : prévenir l’infirmier(ère) "
                        "responsable et l’infirmier(ère) plaies et cicatrisation ; faire une déclaration "
                        "d’événement indésirable"},
    Sign.OVERDUE: {"en": "DRESSING OVERDUE ({wound}) since {due}", "fr": "PANSEMENT EN RETARD ({wound}) depuis {due}"},
    Sign.STILL_OPEN: {"en": "STILL OPEN? ({wound}, charted open during the stay that ended {ended}): check it and "
                            "chart a look, or chart it healed",
                      "fr": "TOUJOURS OUVERTE ? ({wound}, notée ouverte pendant le séjour terminé le {ended}) : la "
                            "vérifier et noter l’évaluation, ou la noter cicatrisée"},
}
"""What each sign asks: `{wound}` the wound's name, `{how}` how it is worse, `{due}` when the next
dressing fell due, `{category}` the pressure ulcer's category and `{found}` when it was first
charted category 2 or worse, `{ended}` when the stay the wound was last charted in ended."""
ARRIVED_WITH: Mapping[str, str] = {
    "en": "PRESSURE ULCER PRESENT ON ADMISSION ({wound}, {category}, charted {found}): tell the nurse in charge and "
          "the tissue viability nurse; report it (not acquired here)",
    "fr": "ESCARRE PRÉSENTE À L’ADMISSION ({wound}, {category}, notée le {found}) : prévenir l’infirmier(ère) "
          "responsable et l’infirmier(ère) plaies et cicatrisation ; la déclarer (non acquise dans le service)"}
"""What Sign.REPORT asks of a pressure ulcer the patient came in with (the look reaching category
2 or worse said so): told and reported as one, not counted as the ward's (a nursing home's
category 3 charted on arrival read "NEW PRESSURE ULCER … report it as an incident", as one caught
on day 10 of the stay)."""
LATEST_ONLY = frozenset({Sign.OVERDUE, Sign.STILL_OPEN})
"""What only the latest look at a wound asks: an earlier look's dressing was done, and the wound
seen, by the next."""
WARD_ONLY = frozenset({Sign.REPORT})
"""What a letter handing the patient on leaves out: the incident is the ward's that found the
pressure ulcer to report, not the receiving team's."""


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


def new_worst(worst_before: str | None, now: str | None) -> bool:
    """Whether a pressure ulcer's category `now` is the worst charted of it so far, beyond the worst
    before (`worst_before`, None when none was charted): as bad is not beyond."""
    return now in WORSE_CATEGORY and (worst_before not in WORSE_CATEGORY or worse_category(worst_before, now))


def reverse_staged(worst_before: str | None, now: str | None) -> bool:
    """Whether a pressure ulcer is charted at a category better than the worst charted of it before
    (`worst_before`): NPIAP/EPUAP/PPPIA 2019 do not reverse stage, a healing category 4 stays one."""
    return worse_category(now, worst_before)


def first_reportable(worst_before: str | None, now: str | None) -> bool:
    """Whether a pressure ulcer reaches category 2 or worse (`REPORTED_FROM`) for the first time
    at this look: charted so at its first look, or grown so from category 1."""
    return WORSE_CATEGORY.get(now or "", 0) >= REPORTED_FROM > WORSE_CATEGORY.get(worst_before or "", 0)


def worse_bed(before: str | None, now: str | None) -> bool:
    """Whether the wound bed went to slough or necrosis from healthier tissue (`WORSE_BED`):
    a granulating pressure ulcer found necrotic was not called worse."""
    return _further(WORSE_BED, before, now)


def wetter(before: str | None, now: str | None) -> bool:
    """Whether the exudate rose to high (both said): a sign of infection or of a wound breaking
    down, and a dressing soon soaked through."""
    return now == HIGH_EXUDATE and _further(EXUDATE, before, now)


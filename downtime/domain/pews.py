"""A child's observations scored with the Bedside Paediatric Early Warning System score (Bedside
PEWS: Parshuram, Hutchison, Middaugh, Critical Care 2009;13:R135), for the children NEWS2 does not
score (under 16, `news2.applies`). A child's normal heart rate, blood pressure and breathing
depend on age, so each of those is scored against the ranges of the child's age band on the day
the set was taken; capillary refill, the work of breathing, the saturation and the oxygen given
are scored alike at every age. Seven items, each 0, 1, 2 or 4 (the saturation at most 2): 0 to
26. The score's authors validated 8 as the threshold of a child heading for intensive care
(sensitivity 82%, specificity 93%): from 8 the doctor is called to review the child now. A nurse
or a parent worried about the child, and a child not alert, call the doctor whatever the score,
as every paediatric early warning chart says: a score misses what those who know the child see.
Some findings call the doctor now whatever the total, as NICE's red features do (NG143 fever under
5s, NG51 sepsis, NG9 bronchiolitis): severe breathing effort or any apnoea, a moderate one with a
fever under 5 years (NG143's moderate chest indrawing or grunting), a breathing rate over 60 a
minute, none or at the band's 4-point low, a saturation of 90% or less, a capillary refill of
3 seconds or more (amber for NICE NG143, red here all the same: the stricter call), a heart
rate under 60 under 12 years, 38 °C or more in a baby under 3 months,
and under 36 °C in a child under 5 (NG51's high risk: a cold young child may be septic)
(`red_flags`), the temperature's read from an earlier set within the hour (`TEMPERATURE_WITHIN`)
for a set that took none; a set of a child under 5 with a moderate effort and no temperature
that recent is asked for it, the fever deciding the flag (`temperature_asked`): apnoea with a saturation of 85% in air
scores 6, a baby of 4 months breathing 75 a minute with mild recession 5, a febrile baby of 7
weeks scores nothing, and so does a baby of 6 weeks at 35 °C, and a toddler with moderate
recession, 93% in air and 38.6 °C scores 7."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from downtime.domain import elapsed
from downtime.domain.age import age_in_years, months_old

UNDER_YEARS = 16
"""The paediatric chart is for children under 16; NEWS2 scores everyone older."""
URGENT_FROM = 8
"""The total from which the doctor reviews the child now."""


class AgeBand(StrEnum):
    """Bedside PEWS's age bands, each from its first day to the day before the next's."""

    UNDER_3_MONTHS = "0-3m"
    UNDER_1_YEAR = "3-12m"
    UNDER_4_YEARS = "1-4y"
    UNDER_12_YEARS = "4-12y"
    FROM_12_YEARS = "12y+"


BAND_WORDS: Mapping[AgeBand, Mapping[str, str]] = {
    AgeBand.UNDER_3_MONTHS: {"en": "under 3 months", "fr": "moins de 3 mois"},
    AgeBand.UNDER_1_YEAR: {"en": "3 to under 12 months", "fr": "de 3 à moins de 12 mois"},
    AgeBand.UNDER_4_YEARS: {"en": "1 to under 4 years", "fr": "de 1 an à moins de 4 ans"},
    AgeBand.UNDER_12_YEARS: {"en": "4 to under 12 years", "fr": "de 4 à moins de 12 ans"},
    AgeBand.FROM_12_YEARS: {"en": "12 years and over", "fr": "12 ans et plus"},
}
"""Each band's words, its upper bound excluded as the bands are: "1 to 4 years" beside "4 to 12
years" named a child of 4 years 6 months twice on the key, each row scoring him differently."""


def age_band(born: date, on: date) -> AgeBand | None:
    """The age band of a child born on `born` on the day `on`; None from 16 (NEWS2's)."""
    if age_in_years(born, on) >= UNDER_YEARS:
        return None
    return band_at(months_old(born, on))


def band_at(months: int) -> AgeBand:
    """The age band of a child of `months` completed months (under 16)."""
    return (AgeBand.UNDER_3_MONTHS if months < 3 else AgeBand.UNDER_1_YEAR if months < 12
            else AgeBand.UNDER_4_YEARS if months < 48 else AgeBand.UNDER_12_YEARS if months < 144
            else AgeBand.FROM_12_YEARS)


class Ranges(BaseModel):
    """One item's ranges in one age band, as the published table gives them, every bound
    included: 4 at or beyond `high4` / `low4`, else 2 at or beyond `high2` / `low2`, else 1 at
    or beyond `high1` / `low1`, else 0."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    low4: int
    low2: int
    low1: int
    high1: int
    high2: int
    high4: int

    def points(self, value: int) -> int:
        for points, low, high in ((4, self.low4, self.high4), (2, self.low2, self.high2), (1, self.low1, self.high1)):
            if value <= low or value >= high:
                return points
        return 0

    def normal(self) -> tuple[int, int]:
        """The values that score 0."""
        return self.low1 + 1, self.high1 - 1


def _ranges(table: Mapping[AgeBand, tuple[int, int, int, int, int, int]]) -> dict[AgeBand, Ranges]:
    return {band: Ranges(**dict(zip(("low4", "low2", "low1", "high1", "high2", "high4"), bounds)))
            for band, bounds in table.items()}


# The table of Parshuram et al. 2009, each band's (low 4, low 2, low 1, high 1, high 2, high 4).
# Where the table says "> 150" (4 to 12 years' heart rate) or "< 50" (12 years' and over), the
# whole number it means is written: 151, 49.
HEART_RATE = _ranges({AgeBand.UNDER_3_MONTHS: (80, 90, 110, 150, 180, 190),
                      AgeBand.UNDER_1_YEAR: (70, 80, 100, 150, 170, 180),
                      AgeBand.UNDER_4_YEARS: (60, 70, 90, 120, 150, 170),
                      AgeBand.UNDER_12_YEARS: (50, 60, 70, 110, 130, 151),
                      AgeBand.FROM_12_YEARS: (40, 49, 60, 100, 120, 140)})
SYSTOLIC_BP = _ranges({AgeBand.UNDER_3_MONTHS: (45, 50, 60, 80, 100, 130),
                       AgeBand.UNDER_1_YEAR: (60, 70, 80, 100, 120, 150),
                       AgeBand.UNDER_4_YEARS: (65, 75, 90, 110, 125, 160),
                       AgeBand.UNDER_12_YEARS: (70, 80, 90, 120, 140, 170),
                       AgeBand.FROM_12_YEARS: (75, 85, 100, 130, 150, 190)})
RESPIRATORY_RATE = _ranges({AgeBand.UNDER_3_MONTHS: (15, 19, 29, 61, 81, 91),
                            AgeBand.UNDER_1_YEAR: (15, 19, 24, 51, 71, 81),
                            AgeBand.UNDER_4_YEARS: (12, 15, 19, 41, 61, 71),
                            AgeBand.UNDER_12_YEARS: (10, 14, 19, 31, 41, 51),
                            AgeBand.FROM_12_YEARS: (9, 10, 11, 17, 23, 30)})
BY_AGE: Mapping[str, Mapping[AgeBand, Ranges]] = {
    "heart_rate": HEART_RATE, "systolic_bp": SYSTOLIC_BP, "respiratory_rate": RESPIRATORY_RATE}
"""The items scored by age, by the form's field."""

CAPILLARY_REFILL = {"under_3": 0, "from_3": 4}
EFFORT = {"normal": 0, "mild": 1, "moderate": 2, "severe": 4}
OXYGEN = {"room_air": 0, "low": 2, "high": 4}
"""Room air; any oxygen under 4 L/min or under 50%; 4 L/min or more, or 50% or more."""
SPO2_LOW1, SPO2_LOW2 = 94, 90
"""Saturation: over 94% 0, 91–94% 1, 90% or less 2."""
ITEMS = ("respiratory_rate", "respiratory_effort", "spo2", "oxygen", "heart_rate", "systolic_bp", "capillary_refill")
"""The seven items, as the form's fields, in the chart's order: breathing, then circulation."""


class PewsSet(BaseModel):
    """A set's readings as charted; any may be missing, which the score then says."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    heart_rate: int | None = Field(default=None, ge=20, le=300)
    systolic_bp: int | None = Field(default=None, ge=20, le=250)
    capillary_refill: str | None = None
    respiratory_rate: int | None = Field(default=None, ge=0, le=150)
    respiratory_effort: str | None = None
    spo2: int | None = Field(default=None, ge=50, le=100)
    oxygen: str | None = None
    temperature: float | None = Field(default=None, ge=25, le=45)
    """Not scored, but a red flag high under 3 months and low under 5 years (`red_flags`)."""


class PewsScore(BaseModel):
    """Each item's points (None where not taken) and their total: an incomplete set's total can
    only be lower than the child's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    band: AgeBand
    points: dict[str, int | None]
    total: int

    @property
    def missing(self) -> list[str]:
        return [item for item in ITEMS if self.points[item] is None]

    @property
    def urgent(self) -> bool:
        return self.total >= URGENT_FROM


def _spo2_points(spo2: int) -> int:
    return 2 if spo2 <= SPO2_LOW2 else 1 if spo2 <= SPO2_LOW1 else 0


def score(found: PewsSet, band: AgeBand) -> PewsScore:
    points: dict[str, int | None] = {
        **{item: None if (value := getattr(found, item)) is None else BY_AGE[item][band].points(value)
           for item in BY_AGE},
        "capillary_refill": CAPILLARY_REFILL.get(found.capillary_refill or ""),
        "respiratory_effort": EFFORT.get(found.respiratory_effort or ""),
        "spo2": None if found.spo2 is None else _spo2_points(found.spo2),
        "oxygen": OXYGEN.get(found.oxygen or "")}
    return PewsScore(band=band, points={item: points[item] for item in ITEMS},
                     total=sum(value for value in points.values() if value is not None))


FEVER_FROM = 38.0
FEVER_BEFORE_MONTHS = 3
"""NICE NG143: a temperature of 38 °C or more in a baby under 3 months is a red feature."""
COLD_BELOW = 36.0
UNDER_FIVE_MONTHS = 60
"""NICE NG143's and NG51's young children: under 5 years, in months."""
SEVERE_EFFORT = "severe"
"""The work of breathing's "severe increase, or any apnoea"."""
MODERATE_EFFORT = "moderate"
"""The work of breathing's "moderate increase" (recession, grunting, nasal flaring): a red flag in a
child under 5 with a fever (`FEVER_FROM`) in the same set. NICE NG143, the guideline for fever in
under 5s, makes moderate or severe chest indrawing and grunting red features of a febrile child;
NICE NG9 (bronchiolitis, mostly without fever) makes only severe recession or grunting red, and an
afebrile bronchiolitic's moderate recession called the doctor every hour all winter. From 5, or
without a fever, the score's 2 points answer (the lead's decision, review S3)."""
SLOW_REFILL = "from_3"
FAST_BREATHING_ABOVE = 60
"""NICE NG143's red feature at any age: a breathing rate over 60 a minute (NG9 refers a baby with
bronchiolitis immediately over 70). The table scores 75 in a baby of 4 months 2 points: with mild
recession and 93% in air, PEWS 5 and the next set in 4 hours."""
SLOW_HEART_BELOW = 60
SLOW_HEART_BEFORE_MONTHS = 144
"""NICE NG51's high risk of sepsis: a heart rate under 60 in a child under 12 (the table scores 52
in a child of 6 years 2 points)."""


class Red(StrEnum):
    """A finding that calls the doctor now whatever the score."""

    BREATHING = "breathing"
    INDRAWING = "indrawing"
    FAST_BREATHING = "fast_breathing"
    SLOW_BREATHING = "slow_breathing"
    SATURATION = "saturation"
    REFILL = "refill"
    SLOW_HEART = "slow_heart"
    FEVER = "fever"
    COLD = "cold"


RED_WORDS: Mapping[Red, Mapping[str, str]] = {
    Red.BREATHING: {"en": "severe breathing effort or apnoea", "fr": "travail respiratoire très augmenté ou apnée"},
    Red.INDRAWING: {"en": "moderate breathing effort with a fever, under 5 (NICE NG143)",
                    "fr": "travail respiratoire modérément augmenté avec fièvre, avant 5 ans (NICE NG143)"},
    Red.FAST_BREATHING: {"en": f"breathing rate over {FAST_BREATHING_ABOVE} a minute",
                         "fr": f"fréquence respiratoire au-dessus de {FAST_BREATHING_ABOVE}/min"},
    Red.SLOW_BREATHING: {"en": "breathing rate too slow for the age, or none (apnoea)",
                         "fr": "fréquence respiratoire trop basse pour l’âge, ou nulle (apnée)"},
    Red.SATURATION: {"en": f"SpO2 {SPO2_LOW2}% or less", "fr": f"SpO2 à {SPO2_LOW2} % ou moins"},
    Red.REFILL: {"en": "capillary refill 3 s or more", "fr": "temps de recoloration cutanée de 3 s ou plus"},
    Red.SLOW_HEART: {"en": f"heart rate under {SLOW_HEART_BELOW}, younger than 12 years",
                     "fr": f"fréquence cardiaque sous {SLOW_HEART_BELOW}/min avant 12 ans"},
    Red.FEVER: {"en": "38 °C or more, younger than 3 months", "fr": "38 °C ou plus avant 3 mois"},
    Red.COLD: {"en": "under 36 °C, younger than 5 years", "fr": "moins de 36 °C avant 5 ans"},
}


def red_flags(found: PewsSet, months: int | None) -> list[Red]:
    """The red flags of a set taken at `months` old (months completed that day; None when the
    child's age is not known: the fever or the cold of a baby, a young febrile child's moderate
    breathing effort, a breathing rate slow for the age short of none and a slow heart then go unasked, with
    the date of birth asked instead). The saturation counts on oxygen as in air: 90% with oxygen
    running is no better. A breathing rate
    of 0 counted over a minute is the apnoea the work of breathing's "any apnoea" makes a red flag,
    and one at the table's 4-point low of the band a child tiring."""
    young = months is not None and found.temperature is not None
    rate, heart = found.respiratory_rate, found.heart_rate
    slow = rate is not None and (rate == 0 or (months is not None and rate <= RESPIRATORY_RATE[band_at(months)].low4))
    return [*([Red.BREATHING] if found.respiratory_effort == SEVERE_EFFORT else []),
            *([Red.INDRAWING] if found.respiratory_effort == MODERATE_EFFORT and young
              and months < UNDER_FIVE_MONTHS and found.temperature >= FEVER_FROM else []),
            *([Red.FAST_BREATHING] if rate is not None and rate > FAST_BREATHING_ABOVE else []),
            *([Red.SLOW_BREATHING] if slow else []),
            *([Red.SATURATION] if found.spo2 is not None and found.spo2 <= SPO2_LOW2 else []),
            *([Red.REFILL] if found.capillary_refill == SLOW_REFILL else []),
            *([Red.SLOW_HEART] if months is not None and months < SLOW_HEART_BEFORE_MONTHS and heart is not None
              and heart < SLOW_HEART_BELOW else []),
            *([Red.FEVER] if young and months < FEVER_BEFORE_MONTHS and found.temperature >= FEVER_FROM else []),
            *([Red.COLD] if young and months < UNDER_FIVE_MONTHS and found.temperature < COLD_BELOW else [])]


TEMPERATURE_WITHIN = timedelta(hours=1)
"""How recent an earlier set's temperature may be to stand for a set that took none, for the
temperature's red flags (`Red.INDRAWING`, `Red.FEVER`, `Red.COLD`) and `temperature_asked`: the
closest watch the chart keeps (`WATCHED_WITHIN`), so a temperature taken at the last hourly set
counts and one of hours before does not (a fever may have come since; NICE NG143 gives no
interval). Asking it of every set re-asked a temperature charted 10 minutes before, and reading
none let a febrile baby's call go at the next set that took none."""


def temperature_asked(found: PewsSet, months: int | None) -> bool:
    """Whether a set taken at `months` old is asked for its temperature (`found` with the recent
    one read in, `TEMPERATURE_WITHIN`): a moderate breathing effort under 5 calls the doctor with a
    fever (`Red.INDRAWING`), which a set without a temperature can neither show nor rule out (NICE
    NG143 measures the temperature of every febrile young child; a toddler with moderate recession
    and none taken called no one and was asked nothing). Not scored, so the score stands whole;
    False while the child's age is not known (the date of birth is asked instead)."""
    return (found.temperature is None and found.respiratory_effort == MODERATE_EFFORT and months is not None
            and months < UNDER_FIVE_MONTHS)


class Sign(StrEnum):
    URGENT = "urgent"
    RED = "red"
    CONCERN = "concern"
    NOT_ALERT = "not_alert"
    NO_AGE = "no_age"
    ADULT = "adult"
    GROWN = "grown"
    INCOMPLETE = "incomplete"
    TEMPERATURE = "temperature"
    OVERDUE = "overdue"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.URGENT: {"en": "PEWS {total} (8 or more): call the doctor to review the child now",
                  "fr": "PEWS {total} (8 ou plus) : appeler le médecin pour qu’il examine l’enfant maintenant"},
    Sign.RED: {"en": "RED FLAG ({red}, {time}): call the doctor now, whatever the score",
               "fr": "SIGNE DE GRAVITÉ ({red}, {time}) : appeler le médecin maintenant, quel que soit le score"},
    Sign.CONCERN: {"en": "NURSE OR PARENT WORRIED ({time}): tell the doctor, whatever the score",
                   "fr": "INFIRMIER OU PARENT INQUIET ({time}) : prévenir le médecin, quel que soit le score"},
    Sign.NOT_ALERT: {"en": "NOT ALERT ({consciousness}, {time}): call the doctor now, whatever the score",
                     "fr": "PAS ALERTE ({consciousness}, {time}) : appeler le médecin maintenant, quel que soit le score"},
    Sign.NO_AGE: {"en": "PEWS NOT SCORED: record the child's date of birth on the admission (an estimate will do); "
                        "the ranges go by age",
                  "fr": "PEWS NON CALCULÉ : noter la date de naissance de l’enfant sur l’admission (une estimation "
                        "suffit) ; les normes dépendent de l’âge"},
    Sign.ADULT: {"en": "PEWS NOT SCORED: 16 or over on {day} (date of birth as now recorded); chart this patient's "
                       "observations on the NEWS2 chart",
                 "fr": "PEWS NON CALCULÉ : 16 ans ou plus le {day} (date de naissance telle que notée) ; noter la "
                       "surveillance de ce patient sur la feuille NEWS2"},
    Sign.GROWN: {"en": "16 NOW: chart this patient's observations on the NEWS2 chart (the paediatric chart ends at "
                       "16)",
                 "fr": "16 ANS MAINTENANT : noter la surveillance de ce patient sur la feuille NEWS2 (la feuille "
                       "pédiatrique s’arrête à 16 ans)"},
    Sign.INCOMPLETE: {"en": "INCOMPLETE SET ({time}): {missing} not taken: take them now (the score can only be "
                            "higher)",
                      "fr": "SÉRIE INCOMPLÈTE ({time}), manque : {missing} : à prendre maintenant (le score ne peut "
                            "qu’être plus élevé)"},
    Sign.TEMPERATURE: {"en": "TEMPERATURE NOT TAKEN ({time}), none in the hour before: moderate breathing effort under 5 "
                             "years, which with a fever calls the doctor (NICE NG143's red flag for chest indrawing or "
                             "grunting): take it now",
                       "fr": "TEMPÉRATURE NON PRISE ({time}), aucune dans l’heure précédente : travail respiratoire "
                             "modérément augmenté avant 5 ans, qui avec de la fièvre fait appeler le médecin (signe de "
                             "gravité de NICE NG143 pour le tirage ou le geignement) : la prendre maintenant"},
    Sign.OVERDUE: {"en": "OBSERVATIONS OVERDUE since {due}", "fr": "SURVEILLANCE EN RETARD depuis {due}"},
}
"""What each sign asks, of the latest set: `{total}` its score, `{time}` when it was taken,
`{red}` its red flags in words, `{consciousness}` the answer in words, `{due}` when the next set
fell due, `{day}` the day it was taken, `{missing}` the items not taken (with the temperature when
it is asked too: one prompt for a set)."""
OPTIONAL = frozenset({"systolic_bp"})
"""The item a set may leave out without being asked for it: many children's units take a blood
pressure only when the care plan says so. A set missing any other item scores lower than the
child: a breathing rate, a heart rate or a saturation not taken left a child at PEWS 0, on no
list."""
ALERT = "alert"
CALL_THE_DOCTOR = frozenset({Sign.URGENT, Sign.RED, Sign.NOT_ALERT, Sign.CONCERN})
"""The signs that call the doctor: they stand while the sets after them are incomplete (a set of
"room air" alone after a PEWS of 9 took the child off every list)."""


WATCHED_WITHIN = timedelta(hours=1)
"""The longest gap to the next set of a child scoring 8 or more, with a red flag, not alert, or
with someone worried (the form's help says it: a score of 9 saved with the next set in 4 hours
asked for none for 4 hours); and after an incomplete set, whose score can only be higher."""


def watched_closely(found: PewsScore | None, concern: bool, consciousness: str | None, red: bool = False) -> bool:
    return (found is not None and found.urgent) or red or concern or consciousness not in (None, ALERT)


def next_due(taken_at: datetime, minutes: int) -> datetime:
    return elapsed.later(taken_at, timedelta(minutes=minutes))


def missing_asked(found: PewsScore) -> list[str]:
    """The items of a set not taken that it is asked for (all but `OPTIONAL`)."""
    return [item for item in found.missing if item not in OPTIONAL]


def signs(found: PewsScore | None, concern: bool, consciousness: str | None, due_at: datetime | None,
          at: datetime, age_known: bool, grown: bool = False, red: bool = False,
          temperature: bool = False) -> list[Sign]:
    """What a set asks at `at`: `found` its score (None when the child's age is not known, or,
    `age_known`, when they were 16 or over that day: a birth date corrected since), `red` any red
    flag (`red_flags`), `concern` someone worried, `consciousness` its ACVPU answer, `temperature`
    its temperature asked (`temperature_asked`: the caller asks it of the latest set and of one
    being typed; said in INCOMPLETE's items when that is asked too); of the latest (`due_at`, its
    next set), the items not taken and the next set overdue, unless the patient is `grown` 16 since
    (the form then refuses a set: the chart asked for one the nurse could not save), or was an
    adult then (their next set is NEWS2's)."""
    adult = found is None and age_known
    latest = due_at is not None and not adult and not grown
    incomplete = latest and found is not None and bool(missing_asked(found))
    return [*([Sign.ADULT] if adult else [Sign.NO_AGE] if found is None else [Sign.URGENT] if found.urgent else []),
            *([Sign.RED] if red else []),
            *([Sign.NOT_ALERT] if consciousness not in (None, ALERT) else []),
            *([Sign.CONCERN] if concern else []),
            *([Sign.GROWN] if grown and not adult else []),
            *([Sign.INCOMPLETE] if incomplete else []),
            *([Sign.TEMPERATURE] if temperature and found is not None and not grown and not incomplete else []),
            *([Sign.OVERDUE] if latest and elapsed.reached(due_at, at) else [])]

"""NEWS2 early warning score (Royal College of Physicians, 2017).

During an EHR outage the monitors no longer push scores to the record, so the score is worked
out by hand from the paper chart, where adding errors and misread bands are common. Scoring here
follows the RCP chart cell for cell, so the laptop and the paper chart always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TypeAlias

from pydantic import BaseModel, ConfigDict, Field

from downtime.domain.age import age_in_years


class Spo2Scale(StrEnum):
    """Which SpO2 scale the patient is scored on.

    Scale 2 lowers the target saturation (88–92%) for patients with confirmed hypercapnic
    respiratory failure, for whom more oxygen is harmful. Applied to anyone else it would hide
    hypoxaemia, so it is a per-patient decision prescribed and documented by a clinician, never
    inferred from the readings; scale 1 is the default.
    """

    SCALE_1 = "scale_1"
    SCALE_2 = "scale_2"


class Consciousness(StrEnum):
    """ACVPU: NEWS2 added new confusion to AVPU because it is often the first sign of sepsis."""

    ALERT = "alert"
    NEW_CONFUSION = "new_confusion"
    VOICE = "voice"
    PAIN = "pain"
    UNRESPONSIVE = "unresponsive"


class Band(StrEnum):
    """Clinical risk, which decides the urgency of the response rather than the total alone.

    Declared from least to most urgent: `News2Score.rank` compares bands by this order.
    """

    LOW = "low"
    LOW_MEDIUM = "low_medium"
    MEDIUM = "medium"
    HIGH = "high"


class Monitoring(StrEnum):
    """Minimum frequency of observations recommended by the RCP for a score."""

    TWELVE_HOURLY = "12-hourly"
    FOUR_TO_SIX_HOURLY = "4-6-hourly"
    HOURLY = "1-hourly"
    CONTINUOUS = "continuous"

    @property
    def longest_gap(self) -> timedelta:
        """How long after a set the next one is overdue. 4–6-hourly is read at its stricter end,
        as a ward would rather be reminded early; continuous monitoring is charted at least
        hourly, never less often than a medium score asks."""
        return _LONGEST_GAP[self]


_LONGEST_GAP = {Monitoring.TWELVE_HOURLY: timedelta(hours=12), Monitoring.FOUR_TO_SIX_HOURLY: timedelta(hours=4),
                Monitoring.HOURLY: timedelta(hours=1), Monitoring.CONTINUOUS: timedelta(hours=1)}


CLINICAL_RESPONSE: Mapping[Band, Mapping[str, str]] = {
    Band.LOW: {
        "en": "Ward-based response: minimum 12-hourly observations (4–6-hourly for scores 1–4); "
              "for a score of 1–4, a registered nurse assesses the patient and decides whether "
              "monitoring should be increased or care escalated.",
        "fr": "Réponse dans le service : surveillance au minimum toutes les 12 heures (toutes les "
              "4 à 6 heures pour un score de 1 à 4) ; pour un score de 1 à 4, un infirmier ou une "
              "infirmière évalue le patient et décide s’il faut renforcer la surveillance ou "
              "intensifier la prise en charge.",
    },
    Band.LOW_MEDIUM: {
        "en": "Urgent ward-based response: registered nurse informs the medical team caring for "
              "the patient, who reviews and decides whether escalation of care is needed; minimum "
              "1-hourly observations.",
        "fr": "Réponse urgente dans le service : l’infirmier ou l’infirmière informe l’équipe "
              "médicale en charge du patient, qui l’évalue et décide s’il faut renforcer la prise en "
              "charge ; surveillance au minimum toutes les heures.",
    },
    Band.MEDIUM: {
        "en": "Key threshold for urgent response: registered nurse immediately informs the medical "
              "team and requests urgent review by a clinician competent in acute illness; care in an "
              "environment with monitoring facilities; minimum 1-hourly observations.",
        "fr": "Seuil clé de réponse urgente : l’infirmier ou l’infirmière informe immédiatement "
              "l’équipe médicale et demande une évaluation urgente par un clinicien compétent en "
              "soins aigus ; soins dans un environnement équipé pour la surveillance ; surveillance "
              "au minimum toutes les heures.",
    },
    Band.HIGH: {
        "en": "Emergency response: registered nurse immediately informs the medical team (at least "
              "specialist registrar level); emergency assessment by a critical-care outreach team "
              "with airway management skills; consider transfer to a higher level of care (HDU or "
              "ICU); continuous monitoring of vital signs.",
        "fr": "Réponse d’urgence : l’infirmier ou l’infirmière informe immédiatement l’équipe "
              "médicale (au moins un médecin senior) ; évaluation en urgence par une équipe de "
              "réanimation formée à la gestion des voies aériennes ; envisager un transfert vers un "
              "niveau de soins supérieur (soins continus ou réanimation) ; surveillance continue des "
              "paramètres vitaux.",
    },
}

# Replaces the LOW response for an incomplete set, whose low total may only mean a row was not taken.
INCOMPLETE_RESPONSE: Mapping[str, str] = {
    "en": "Incomplete set: a row was not measured, so this score can only underestimate the risk; it is no "
          "reassurance. Measure every row now.",
    "fr": "Série incomplète : un paramètre n’a pas été mesuré, ce score ne peut donc que sous-estimer le risque ; "
          "il ne rassure en rien. Mesurez tous les paramètres maintenant.",
}


# Said with the score of a woman pregnant or within 6 weeks of giving birth: the RCP did not validate
# NEWS2 in pregnancy, whose physiology differs (a systolic of 165 with 110 diastolic, pre-eclampsia
# until shown otherwise, scores 0). Her set is still scored: a high score is no less alarming.
PREGNANCY: Mapping[str, str] = {
    "en": "NEWS2 is not validated in pregnancy: use the maternity early warning chart (MEOWS) and tell the "
          "obstetric team",
    "fr": "Le score NEWS2 n’est pas validé pendant la grossesse : utiliser la feuille de surveillance obstétricale "
          "(MEOWS) et prévenir l’équipe obstétricale",
}


# Said wherever a score would be, for a patient NEWS2 does not apply to (see `applies`).
NOT_APPLICABLE: Mapping[str, str] = {
    "en": "NEWS2 not applicable (under 16): use the paediatric chart (PEWS)",
    "fr": "NEWS2 non applicable (moins de 16 ans) : utiliser la feuille de surveillance pédiatrique (PEWS)",
}
ADULT_FROM_YEARS = 16


def applies(birth_date: date | None, on: date) -> bool:
    """Whether NEWS2 scores a patient born on `birth_date` for a set taken on `on`.

    The RCP validated NEWS2 for patients aged 16 and over only: a child's normal vital signs
    score as an adult's emergency (a newborn breathing 50 a minute with a pulse of 145 and a
    systolic of 65 scores 10, "HIGH"), and a sick child's may score low. A child is charted on
    the paediatric chart (PEWS) instead.

    An unknown date of birth is scored as an adult's: such patients are nearly all adults
    brought in unidentified (unconscious, confused), for whom a withheld score would hide the
    deterioration NEWS2 is there to catch; a child is seen to be one, and the nurse who
    records a date of birth, even an estimated one, takes them off NEWS2."""
    return birth_date is None or age_in_years(birth_date, on) >= ADULT_FROM_YEARS


class ObservationSet(BaseModel):
    """One set of vital signs as charted.

    Every parameter may be None because on a busy ward one is sometimes not taken; the score then
    says so instead of counting it as normal. The ranges reject values no living patient has,
    which are typing slips (an extra digit, a misplaced decimal point), not observations.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    respiratory_rate: int | None = Field(default=None, ge=0, le=80, description="breaths/min")
    spo2: int | None = Field(default=None, ge=0, le=100, description="%")
    spo2_scale: Spo2Scale = Spo2Scale.SCALE_1
    on_oxygen: bool | None = Field(default=None, description="False on air, True on supplemental oxygen")
    systolic_bp: int | None = Field(default=None, ge=0, le=300, description="mmHg")
    pulse: int | None = Field(default=None, ge=20, le=300, description="beats/min")
    consciousness: Consciousness | None = None
    temperature: float | None = Field(default=None, ge=10.0, le=45.0, description="°C")


class ParameterScores(BaseModel):
    """Points per chart row, None where the row could not be scored, so the chart shows which."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    respiratory_rate: int | None
    spo2: int | None
    air_or_oxygen: int | None
    systolic_bp: int | None
    pulse: int | None
    consciousness: int | None
    temperature: int | None

    @property
    def measured(self) -> tuple[int, ...]:
        return tuple(points for points in self.model_dump().values() if points is not None)

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of unscored rows, to tell the nurse what to measure before trusting the band."""
        return tuple(name for name, points in self.model_dump().items() if points is None)


class News2Score(BaseModel):
    """The score of one observation set.

    An incomplete score is the sum of what was measured: it can only underestimate the risk, so
    its band is a floor, never a reassurance.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    total: int
    parameters: ParameterScores
    red_parameter: bool
    complete: bool
    band: Band
    monitoring: Monitoring
    pregnant: bool = False

    @property
    def response(self) -> Mapping[str, str]:
        """The RCP clinical response for the band, keyed by language ("en", "fr").

        Above low, an incomplete set's band is a floor and its response is already urgent; at low,
        the RCP's ward response would reassure about rows nobody measured. In pregnancy the
        maternity chart comes first (`PREGNANCY`).
        """
        said = CLINICAL_RESPONSE[self.band] if self.complete or self.band is not Band.LOW else INCOMPLETE_RESPONSE
        return {lang: f"{PREGNANCY[lang]}. {text}" for lang, text in said.items()} if self.pregnant else said

    @property
    def escalates(self) -> bool:
        """Whether someone is to be told of it: above low, or in pregnancy whatever the band (the
        maternity chart and the obstetric team come first)."""
        return self.band is not Band.LOW or self.pregnant

    @property
    def rank(self) -> tuple[int, int]:
        """How urgent the score is: the band first (a 3 in one row outranks a total of 4), then the total."""
        return list(Band).index(self.band), self.total


# Each table lists (inclusive upper bound, points) in increasing order; None closes the table
# with "and above", so every value falls in exactly one row.
Bands: TypeAlias = tuple[tuple[int | Decimal | None, int], ...]

RESPIRATORY_RATE: Bands = ((8, 3), (11, 1), (20, 0), (24, 2), (None, 3))
SPO2_SCALE_1: Bands = ((91, 3), (93, 2), (95, 1), (None, 0))
SPO2_SCALE_2_AIR: Bands = ((83, 3), (85, 2), (87, 1), (None, 0))
SPO2_SCALE_2_OXYGEN: Bands = ((83, 3), (85, 2), (87, 1), (92, 0), (94, 1), (96, 2), (None, 3))
SYSTOLIC_BP: Bands = ((90, 3), (100, 2), (110, 1), (219, 0), (None, 3))
PULSE: Bands = ((40, 3), (50, 1), (90, 0), (110, 1), (130, 2), (None, 3))
TEMPERATURE: Bands = (
    (Decimal("35.0"), 3), (Decimal("36.0"), 1), (Decimal("38.0"), 0), (Decimal("39.0"), 1), (None, 2),
)

RED = 3
MEDIUM_FROM = 5
HIGH_FROM = 7


def _points(value: int | Decimal, bands: Bands) -> int:
    return next(points for upper, points in bands if upper is None or value <= upper)


def _tenth(temperature: float) -> Decimal:
    """Round half-up to one decimal, as the chart is written.

    The chart's bands are one-decimal (35.1–36.0, 36.1–38.0, ...), so a reading of 36.05 would
    otherwise fall between two rows. Going through str() takes the decimal the user typed rather
    than the nearest binary float, which for 36.05 lies just below it and would round down.
    """
    return Decimal(str(temperature)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _spo2_points(observations: ObservationSet) -> int | None:
    spo2 = observations.spo2
    if spo2 is None:
        return None
    if observations.spo2_scale is Spo2Scale.SCALE_1:
        return _points(spo2, SPO2_SCALE_1)
    if observations.on_oxygen is not None:
        return _points(spo2, SPO2_SCALE_2_OXYGEN if observations.on_oxygen else SPO2_SCALE_2_AIR)
    # On scale 2 the score above 92% depends on oxygen, which was not recorded: score only where
    # both columns agree rather than guess.
    on_air, on_oxygen = _points(spo2, SPO2_SCALE_2_AIR), _points(spo2, SPO2_SCALE_2_OXYGEN)
    return on_air if on_air == on_oxygen else None


def _band(total: int, red_parameter: bool) -> Band:
    if total >= HIGH_FROM:
        return Band.HIGH
    if total >= MEDIUM_FROM:
        return Band.MEDIUM
    return Band.LOW_MEDIUM if red_parameter else Band.LOW


def _monitoring(total: int, band: Band, complete: bool) -> Monitoring:
    """The RCP allows 12-hourly only for a 0 with every row measured and normal; a 0 from an incomplete
    set may hide a row that scores, so it gets the next frequency up."""
    if band is Band.HIGH:
        return Monitoring.CONTINUOUS
    if band is Band.LOW:
        return Monitoring.TWELVE_HOURLY if total == 0 and complete else Monitoring.FOUR_TO_SIX_HOURLY
    return Monitoring.HOURLY


def score(observations: ObservationSet, *, pregnant: bool = False) -> News2Score:
    """Score a set of observations on the RCP NEWS2 chart; `pregnant` (or given birth in the last
    6 weeks), not a row of the chart, says so with the score (`PREGNANCY`)."""
    o = observations
    parameters = ParameterScores(
        respiratory_rate=None if o.respiratory_rate is None else _points(o.respiratory_rate, RESPIRATORY_RATE),
        spo2=_spo2_points(o),
        air_or_oxygen=None if o.on_oxygen is None else (2 if o.on_oxygen else 0),
        systolic_bp=None if o.systolic_bp is None else _points(o.systolic_bp, SYSTOLIC_BP),
        pulse=None if o.pulse is None else _points(o.pulse, PULSE),
        consciousness=None if o.consciousness is None else (0 if o.consciousness is Consciousness.ALERT else RED),
        temperature=None if o.temperature is None else _points(_tenth(o.temperature), TEMPERATURE),
    )
    total = sum(parameters.measured)
    red_parameter = RED in parameters.measured
    band, complete = _band(total, red_parameter), not parameters.missing
    return News2Score(
        total=total, parameters=parameters, red_parameter=red_parameter, complete=complete,
        band=band, monitoring=_monitoring(total, band, complete), pregnant=pregnant,
    )

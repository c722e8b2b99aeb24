"""Malnutrition risk as the Malnutrition Universal Screening Tool gives it (MUST, BAPEN 2003,
revised 2011): the body mass index scores 0 over 20 kg/m², 1 from 18.5 to 20, 2 under 18.5;
unplanned weight loss in 3 to 6 months 0 under 5 %, 1 from 5 to 10 %, 2 over 10 %; an acute
illness with no nutritional intake for more than 5 days 2. Their total is the risk: 0 low
(routine care), 1 medium (observe), 2 or more high (treat). A patient in hospital is screened
on admission and again every week."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.i18n import Lang, decimal_text

LOSS_SCORES = {"under_5": 0, "5_to_10": 1, "over_10": 2}
"""The form's codes for weight lost, and their scores."""
LOSS_WINDOW = timedelta(days=183)
"""Step 2 counts the weight lost in the last 3 to 6 months: the heaviest weight recorded within
6 months is the one lost from."""
ACUTE_SCORE = 2
AGAIN_AFTER = timedelta(days=7)
"""Screened again every week in hospital."""
FIRST_WITHIN = timedelta(hours=24)
"""Screened within a day of admission (as the admission's nursing assessment is made)."""
ADULTS_FROM_YEARS = 18
"""MUST is an adults' tool (BAPEN): a child is screened with a paediatric one the app does not
hold, so a child never screened is not reminded."""


class Risk(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


RISK_RECORDED: Mapping[Risk, Mapping[str, str]] = {
    Risk.LOW: {"en": "low risk: routine care", "fr": "risque faible : soins habituels"},
    Risk.MEDIUM: {"en": "MEDIUM RISK: observe, record what is eaten for 3 days",
                  "fr": "RISQUE MOYEN : surveiller, noter ce qui est mangé pendant 3 jours"},
    Risk.HIGH: {"en": "HIGH RISK: treat, refer to the dietitian",
                "fr": "RISQUE ÉLEVÉ : traiter, demander l’avis de la diététicienne"},
}
"""What each risk asks, as the record sent to the EHR says it: the EHR keeps its own food charts,
and "(none in this app)" named nothing there."""
FOOD_CHART: Mapping[str, str] = {"en": " on a paper food chart (none in this app)",
                                 "fr": " sur une feuille alimentaire papier (aucune dans l’application)"}
"""Where the ward records what is eaten: the app keeps no food chart (meals, portions,
supplements); sent to "record what is eaten", the nurse looked for one in it, and the fluid chart
takes drinks in mL alone."""
RISKS: Mapping[Risk, Mapping[str, str]] = {
    found: {lang: said + (FOOD_CHART[lang] if found is Risk.MEDIUM else "") for lang, said in words.items()}
    for found, words in RISK_RECORDED.items()}
"""What each risk asks, as the ward's screens, handover and letters say it (`RISK_RECORDED`, a
medium risk's food chart said where it is kept: `FOOD_CHART`)."""


def bmi(weight_kg: float, height_cm: int) -> float:
    """The body mass index, kg/m², to one decimal place: the figure every screen and print shows
    is the one scored (57.9 kg for 170 cm showed "BMI 20" and scored 0, its 20.03 over 20,
    where a nurse checking it by the form's bands, 18.5 to 20, scores 1)."""
    return round(weight_kg / (height_cm / 100) ** 2, 1)


def bmi_score(index: float) -> int:
    """0 over 20, 1 from 18.5 to 20, 2 under 18.5 (MUST step 1)."""
    return 0 if index > 20 else 1 if index >= 18.5 else 2


def loss_band(percent: float) -> str:
    """The form's code for `percent` of the weight lost: under 5, 5 to 10, over 10 (MUST step 2)."""
    return "over_10" if percent > 10 else "5_to_10" if percent >= 5 else "under_5"


LOST_DIGITS = 6
"""The decimals a percentage lost is kept to: what a weight typed to 0.1 kg can give, and no
float's error (72 to 68.4 kg was 4.999999999999992 % lost, under MUST's 5)."""


def lost_percent(earlier_kg: float, kg: float) -> float:
    """The weight lost since `earlier_kg`, as a percentage of it (negative for a gain), to
    `LOST_DIGITS` decimals, so that exactly 5 % or 10 % falls in MUST's 5 to 10 band."""
    return round((earlier_kg - kg) / earlier_kg * 100, LOST_DIGITS)


def total(weight_kg: float, height_cm: int, weight_loss: str, acute_no_intake: bool) -> int:
    """The MUST score: steps 1, 2 and 3 added."""
    return bmi_score(bmi(weight_kg, height_cm)) + LOSS_SCORES[weight_loss] + (ACUTE_SCORE if acute_no_intake else 0)


def risk(score: int) -> Risk:
    """0 low, 1 medium, 2 or more high (MUST step 4)."""
    return Risk.LOW if score == 0 else Risk.MEDIUM if score == 1 else Risk.HIGH


ITEMS = ("weight_kg", "height_cm", "weight_loss", "acute_no_intake")
"""The form's fields the score is worked out from."""


def answers_total(answers: Mapping[str, Any]) -> int:
    """The MUST score of a screening's answers."""
    return total(answers["weight_kg"], answers["height_cm"], answers["weight_loss"], answers["acute_no_intake"])


def meaning(answers: Mapping[str, Any], lang: Lang) -> str:
    """The risk of a screening's answers and what it asks, with its BMI: "HIGH RISK: treat, refer to
    the dietitian (BMI 18.4)"."""
    index = decimal_text(bmi(answers["weight_kg"], answers["height_cm"]), lang, 1)
    return f"{RISKS[risk(answers_total(answers))][lang]} ({'IMC' if lang == 'fr' else 'BMI'} {index})"


def again_by(screened_at: datetime) -> datetime:
    """When the patient is next screened, as a watch counts."""
    return elapsed.later(screened_at, AGAIN_AFTER)

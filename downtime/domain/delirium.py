"""Delirium screening with the 4AT (version 1.2, MacLullich and colleagues, www.the4AT.com; the
screen SIGN 157, 2019, recommends): alertness (normal, or mildly sleepy for under 10 seconds after
waking, 0; clearly abnormal 4), the AMT4 (age, date of birth, place, current year: no mistake 0,
one 1, two or more or untestable 2), attention (the months backwards from December: 7 or more
right 0, fewer or refused 1, untestable 2) and an acute change or fluctuating course (over the last
2 weeks and still there in the last 24 hours: 4). Their total: 4 or more possible delirium, with
or without cognitive impairment; 1 to 3 possible cognitive impairment; 0 delirium or severe
cognitive impairment unlikely, delirium still possible when the history of a change is not
complete. NICE CG103 counts everyone 65 or over among those at risk of delirium, assessed when
they come in, and asks for an assessment when their behaviour changes (a NEWS2 set's new
confusion). The 4AT is for adults. A possible delirium is told to a doctor, who looks for its cause
(SIGN 157): asked of the ward until a doctor is recorded as told (`doctor_told_at`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain.doctor_told import doctor_told_at as told_at
from downtime.i18n import Lang, semicolon

POINTS: Mapping[str, Mapping[str, int]] = {
    "alertness": {"normal": 0, "mild_sleepiness": 0, "abnormal": 4},
    "amt4": {"no_mistake": 0, "one_mistake": 1, "two_or_more": 2},
    "attention": {"seven_or_more": 0, "fewer_than_seven": 1, "untestable": 2},
    "acute_change": {"no": 0, "not_known": 0, "yes": 4},
}
"""Each item, a field of the form answered with a code, and each code's points."""
ITEMS = tuple(POINTS)
CHANGE_NOT_KNOWN = "not_known"
"""Item 4 not answered for want of someone who knows the patient: no points, and said."""
POSSIBLE_DELIRIUM_FROM = 4
AT_RISK_FROM_YEARS = 65
"""Screened within a day of admission from this age (NICE CG103's first risk factor)."""
ADULTS_FROM_YEARS = 18
FIRST_WITHIN = timedelta(hours=24)


class Outcome(StrEnum):
    UNLIKELY = "unlikely"
    COGNITIVE_IMPAIRMENT = "cognitive_impairment"
    POSSIBLE_DELIRIUM = "possible_delirium"


OUTCOMES: Mapping[Outcome, Mapping[str, str]] = {
    Outcome.UNLIKELY: {"en": "delirium or severe cognitive impairment unlikely",
                       "fr": "confusion aiguë ou trouble cognitif sévère peu probable"},
    Outcome.COGNITIVE_IMPAIRMENT: {
        "en": "possible cognitive impairment: fuller cognitive testing and the family's or carers' account",
        "fr": "trouble cognitif possible : bilan cognitif plus complet et récit de la famille ou des aidants"},
    Outcome.POSSIBLE_DELIRIUM: {"en": "POSSIBLE DELIRIUM: tell the doctor, who looks for its cause",
                                "fr": "CONFUSION AIGUË POSSIBLE : prévenir le médecin, qui en cherche la cause"},
}
CHANGE_UNKNOWN_WORDS = {
    "en": "no history of a change yet: ask the family or carers whether the patient has changed in the last 2 weeks",
    "fr": "pas encore d’histoire d’un changement : demander à la famille ou aux aidants si le patient a changé ces "
          "2 dernières semaines"}
"""Said with a total under 4 when item 4 is not known: delirium is still possible."""


def doctor_told_at(answers: Mapping[str, Any]) -> datetime | None:
    """When a doctor was told of the screening (domain.doctor_told, shared with the bowel chart's
    blood): None for a record of version 1, which asked for neither a name nor a time."""
    return told_at(answers, "screened_at")


def total(answers: Mapping[str, Any]) -> int:
    """The four items' points added up, 0 to 12."""
    return sum(POINTS[item][answers[item]] for item in ITEMS)


def outcome(score: int) -> Outcome:
    """4 or more possible delirium, 1 to 3 possible cognitive impairment, 0 unlikely."""
    if score >= POSSIBLE_DELIRIUM_FROM:
        return Outcome.POSSIBLE_DELIRIUM
    return Outcome.COGNITIVE_IMPAIRMENT if score else Outcome.UNLIKELY


def meaning(answers: Mapping[str, Any], lang: Lang) -> str:
    """What a screening's total means, "POSSIBLE DELIRIUM: tell the doctor, …"; under 4 with no
    history of a change, that one is to be asked for (delirium is still possible)."""
    score = total(answers)
    words = [OUTCOMES[outcome(score)][lang]]
    if score < POSSIBLE_DELIRIUM_FROM and answers["acute_change"] == CHANGE_NOT_KNOWN:
        words.append(CHANGE_UNKNOWN_WORDS[lang])
    return semicolon(lang).join(words)

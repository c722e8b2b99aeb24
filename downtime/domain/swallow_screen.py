"""A bedside swallow screen (forms/swallow_screen.yaml): what its answers allow, the patient's
swallow as the latest screen leaves it, and whether a medicine's route is by mouth. Pure: the
service reads the records and says it on the ward's lists and at the dose.

The rules are NICE NG128 1.6.1–1.6.4 and the RCP National Clinical Guideline for Stroke (2023): a
patient whose swallow is in doubt has nothing by mouth, medicines included, until a trained
person's screen is passed; one who fails is nil by mouth, referred to a speech and language
therapist (SLT) and assessed by them within 24 hours (`SLT_ASSESSMENT_DUE`) and not later than
72 hours (`SLT_ASSESSMENT_LATEST`) of the first failed screen (`in_runs`: a re-screen failed
again restarts neither), their medicines, fluids and food by another route decided by the doctor.
A later screen passed ends a failed one; so does, from its time, the SLT's assessment allowing
oral intake (recorded on the failed screen, by amending it: `Screen.nil_by_mouth`), or food alone
by mouth, the medicines still by another route (`Screen.no_medicines_by_mouth`). A pass with
advice gives food, drinks and tablets in the form it says (`said_at`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.clock import answered_at
from downtime.domain.aki import fold
from downtime.domain.medication import route_code


class Outcome(StrEnum):
    PASS = "pass"
    PASS_WITH_ADVICE = "pass_with_advice"
    FAIL = "fail"


ORAL = "oral"
"""The SLT's outcome (`slt_outcome`) allowing intake by mouth, medicines included, at the textures
and the tablets answered. `FOOD_ONLY` allows food and drink alone; nil by mouth continues, or no
outcome (a screen of version 1), keeps the patient nil by mouth."""
FOOD_ONLY = "food_only"
"""The SLT's outcome (form version 3) allowing food and drink by mouth at the textures answered,
the medicines by another route (NG, IV): the patient eats, and no medicine is swallowed."""


BEFORE_WATER = ("alert_upright", "cough_on_request", "controls_saliva")
"""The checks before any water, each Yes or No: any No fails the screen, no water given."""
WATER = ("teaspoons", "glass")
"""The water test's steps, each answered "no_sign" or `SIGN`."""
SIGN = "sign"
"""A water step's answer: a cough, choking, a wet voice or breathlessness, the step stopped."""
SLT_ASSESSMENT_DUE = timedelta(hours=24)
"""After a failed screen, the SLT's assessment is due within this (RCP 2023, NICE NG128)."""
SLT_ASSESSMENT_LATEST = timedelta(hours=72)
"""And not later than this: past it, its absence is asked as urgent."""
SCREEN_WITHIN = timedelta(hours=4)
"""A patient admitted with a stroke is screened within this of arrival, nothing by mouth, medicines
included, until a screen is passed (RCP National Clinical Guideline for Stroke 2023; SSNAP)."""
AFTER_SCREEN = ("slt_referred_at", "doctor_told_at", "slt_assessed_at")
"""The times following the screen, none of which can be before it."""


def failed_steps(data: Mapping[str, Any]) -> list[str]:
    """The steps answered so that the screen cannot be passed: a No before the water, a sign at
    the water. A pass over them let tablets by mouth go to a patient who had coughed on a teaspoon."""
    return [*(field_id for field_id in BEFORE_WATER if data.get(field_id) is False),
            *(field_id for field_id in WATER if data.get(field_id) == SIGN)]


SWALLOWED_ROUTES = frozenset({"PO"})
"""The routes (domain.medication.ROUTES' codes) whose medicine is swallowed, which a failed screen
stops. Not those of nil by mouth (domain.medication.NIL_BY_MOUTH_ROUTES), which is fasting: a
buccal or sublingual medicine dissolves in the mouth, unswallowed. Buccal midazolam is the rescue
of a seizure in a patient who cannot swallow, and GTN under the tongue that of chest pain: both
were asked "another route, or the SLT's leave", after the dose given in an emergency. A feeding
tube's medicine is not swallowed either: it is the other route the failed screen asks for."""


def by_mouth(route: str) -> bool:
    """Whether a medicine's route (in any of the order form's words) is swallowed
    (`SWALLOWED_ROUTES`), which a failed screen asks of: a tube's, an injection's, a patch's, a
    suppository's, a buccal or sublingual one's is not."""
    return route_code(route) in SWALLOWED_ROUTES


_NAMES_THE_SWALLOW = re.compile(r"slt|salt|iddsi|(?:speech|swallow|orthophon|deglut|dysphag)[a-z]*")
"""The words by which a prescriber's reason names who allowed medicines by mouth after a failed
screen, or the swallow itself (folded, domain.aki.fold: SLT, SALT and IDDSI whole, the others by
their beginnings): "SLT 13:30: tablets in puree", "Swallow reassessed", "Vu par l’orthophoniste",
"Déglutition réévaluée", "IDDSI 4"; not "salt" within a word ("salty")."""


def names_swallow(reason: str) -> bool:
    """Whether a prescriber's reason names the swallow or who assessed it (`_NAMES_THE_SWALLOW`),
    as a high potassium's must name the potassium (domain.potassium.names_potassium): "weight used
    72 kg", typed for another check of the order, answered the swallow question never shown."""
    return any(_NAMES_THE_SWALLOW.fullmatch(word) for word in re.findall(r"[a-z]+", fold(reason)))


_STROKE = re.compile(r"(?<![a-z])(?:strokes?|cva|avc|accident vasculaire cerebral|cerebrovascular accident"
                     r"|cerebral infarct(?:ion)?|infarctus cerebral)(?![a-z])")
"""A stroke as an admission's reason says it (folded, domain.aki.fold): "Stroke", "? stroke",
"CVA", "AVC ischémique", "accident vasculaire cérébral", "cerebral infarct"."""
_NOT_BEFORE = re.compile(r"(?<![a-z])(?:no|not|non|without|sans|pas d|heat|sun)\W*$")
_NOT_AFTER = re.compile(r"^\W*(?:ruled out|excluded|unlikely|ecarte|elimine|exclu|sequel)")
_PAST = re.compile(r"(?<![a-z])(?:history|previous|old|prior|past|pmh|hx|atcd|antecedents?|ancien|sequelles?)"
                   r"(?![a-z])[^,.;]{0,30}$")
"""Words by which a stroke named is none, or not this one: "no stroke", "sans AVC", "heat stroke",
"stroke ruled out", "AVC écarté"; "history of stroke", "previous left MCA stroke", "ATCD d'AVC",
"AVC séquellaire" (a pneumonia in a patient who had one years ago)."""


def stroke_said(reason: str | None) -> bool:
    """Whether an admission's reason says a stroke, suspected or not (`_STROKE`), not as one ruled
    out nor one of the past (`_NOT_BEFORE`, `_NOT_AFTER`, `_PAST`): the patient the swallow is screened for within
    `SCREEN_WITHIN` of arrival. A transient ischaemic attack, its symptoms gone, is not."""
    folded = fold(reason or "")
    return any(not _NOT_BEFORE.search(folded, 0, found.start()) and not _PAST.search(folded, 0, found.start())
               and not _NOT_AFTER.search(folded[found.end():]) for found in _STROKE.finditer(folded))


_SUSPECTED = re.compile(r"\?|(?<![a-z])(?:suspect|possib|probab|query|queried|suspicion)")
"""Words by which an admission's stroke is suspected (folded): "? stroke", "suspected CVA",
"possible stroke", "suspicion d'AVC", "AVC suspecté"."""


def stroke_suspected(reason: str | None) -> bool:
    """Whether an admission's reason saying a stroke (`stroke_said`) says it only suspected: the
    screen's reason it starts from ("suspected_stroke", else "stroke")."""
    return bool(_SUSPECTED.search(fold(reason or "")))


@dataclass(frozen=True)
class Screen:
    """One swallow screen, as its answers stand."""

    screened_at: datetime
    outcome: Outcome
    slt_referred_at: datetime | None
    doctor_told_at: datetime | None
    slt_assessed_at: datetime | None
    slt_outcome: str | None
    """What the SLT's assessment allows (`ORAL`, `FOOD_ONLY`; else nothing by mouth)."""
    run_from: datetime | None = None
    """Of a failed screen, when the first failed screen of its run was done (`in_runs`); None:
    read alone, its own time."""

    @property
    def failed(self) -> bool:
        return self.outcome is Outcome.FAIL

    @property
    def failed_since(self) -> datetime:
        """When the failure this screen stands for began, from which the SLT's 24 and 72 hours run
        (`run_from`): a nurse's re-screen failed again is not a new failure for the SLT."""
        return self.run_from or self.screened_at

    def _slt_allows(self, outcomes: frozenset[str], at: datetime) -> bool:
        """The SLT's assessment, by `at`, is one of these outcomes."""
        return (self.slt_outcome in outcomes and self.slt_assessed_at is not None
                and elapsed.reached(self.slt_assessed_at, at))

    def nil_by_mouth(self, at: datetime) -> bool:
        """Failed, and at `at` no SLT's plan by mouth yet (with the tablets or without them): the
        ward's line says "nil by mouth" and the doctor is asked for food and fluids by another
        route; a plan of food alone ends it, and the line says the plan (the medicines stay off the
        mouth: `no_medicines_by_mouth`)."""
        return self.failed and not self._slt_allows(frozenset({ORAL, FOOD_ONLY}), at)

    def no_medicines_by_mouth(self, at: datetime) -> bool:
        """Failed, and at `at` no SLT's plan allowing medicines by mouth (`ORAL`): nil by mouth,
        or food alone by mouth (`FOOD_ONLY`), each dose by mouth asked another route."""
        return self.failed and not self._slt_allows(frozenset({ORAL}), at)

    @property
    def slt_due_at(self) -> datetime:
        """When the SLT's assessment of a failed screen is due (`SLT_ASSESSMENT_DUE`)."""
        return elapsed.later(self.failed_since, SLT_ASSESSMENT_DUE)

    @property
    def slt_latest_at(self) -> datetime:
        return elapsed.later(self.failed_since, SLT_ASSESSMENT_LATEST)

    def slt_awaited(self, at: datetime) -> bool:
        """Failed, no SLT assessment recorded, and its 24 hours passed at `at`."""
        return self.failed and self.slt_assessed_at is None and elapsed.reached(self.slt_due_at, at)

    def slt_late(self, at: datetime) -> bool:
        """`slt_awaited` past the latest the guideline allows (72 hours)."""
        return self.slt_awaited(at) and elapsed.reached(self.slt_latest_at, at)


def screen_of(data: Mapping[str, Any]) -> Screen:
    """A saved record's answers read (its required answers are there)."""
    return Screen(screened_at=datetime.fromisoformat(data["screened_at"]), outcome=Outcome(data["outcome"]),
                  slt_referred_at=answered_at(data, "slt_referred_at"), doctor_told_at=answered_at(data, "doctor_told_at"),
                  slt_assessed_at=answered_at(data, "slt_assessed_at"), slt_outcome=data.get("slt_outcome"))


def in_runs(screens: Sequence[Screen]) -> list[Screen]:
    """`screens` (oldest first), each failed one with the time of the first failed screen of its
    run (`Screen.run_from`), which a pass or an SLT's assessment ends: failed at 10:20, re-screened
    and failed again the next morning, the SLT's 24 hours ran from the re-screen, and the list
    asked nothing 25 hours after the first failure."""
    found: list[Screen] = []
    since: datetime | None = None
    for screen in screens:
        since = (since or screen.screened_at) if screen.failed else None
        found.append(replace(screen, run_from=since))
        if screen.slt_assessed_at is not None:
            since = None
    return found


def latest(screens: Sequence[Screen], at: datetime) -> Screen | None:
    """The latest screen done by `at` (`screens` oldest first, as `in_runs` gives them), which says
    the swallow then: a pass after a failed screen ends it, a fail after a pass ends the pass."""
    done = [screen for screen in screens if elapsed.instant(screen.screened_at) <= elapsed.instant(at)]
    return done[-1] if done else None


def failed_at(screens: Sequence[Screen], at: datetime) -> Screen | None:
    """The failed screen standing at `at` (the latest, failed), else None: nil by mouth or on the
    SLT's plan (`Screen.nil_by_mouth`)."""
    found = latest(screens, at)
    return found if found is not None and found.failed else None


def said_at(screens: Sequence[Screen], at: datetime) -> Screen | None:
    """The screen the ward's lines say at `at` (the latest): failed (nil by mouth, or the SLT's plan)
    or passed with advice (its textures and tablets: a patient passed on a puree diet, tablets
    crushed, was given thin fluids and whole tablets, the advice said nowhere); not a pass with
    none, whose normal diet, drinks and tablets need no word."""
    found = latest(screens, at)
    return found if found is not None and found.outcome is not Outcome.PASS else None


def no_medicines_by_mouth_at(screens: Sequence[Screen], at: datetime) -> Screen | None:
    """The failed screen keeping the patient's medicines from the mouth at `at` (`failed_at`, no
    SLT's plan allowing them by then: `Screen.no_medicines_by_mouth`), else None."""
    found = failed_at(screens, at)
    return found if found is not None and found.no_medicines_by_mouth(at) else None


def before_screen(data: Mapping[str, Any]) -> list[str]:
    """The fields of `AFTER_SCREEN` answered with a time before the screen: a referral typed
    09:40 for a screen done at 10:20 is a slip of the hour."""
    screened = answered_at(data, "screened_at")
    if screened is None:
        return []
    return [field_id for field_id in AFTER_SCREEN
            if (moment := answered_at(data, field_id)) is not None and elapsed.instant(moment) < elapsed.instant(screened)]

"""Screening a deteriorating adult for sepsis, as the UK Sepsis Trust's inpatient screening and
action tool and NICE NG253 (2025) set it out: a NEWS2 of 5 or more (or a nurse's concern) asks
whether an infection could be the cause. With an infection likely, any red flag, or a NEWS2 of 7
or more (NICE's high risk), is red flag sepsis: the Sepsis Six within the hour (oxygen to target,
blood cultures, IV antibiotics, IV fluids, lactate, hourly urine output) and the doctor at once;
without one, the doctor reviews within the hour and decides on antibiotics (within 3 hours when
NEWS2 is 5 or 6). A NEWS2 unknown or incomplete is not a low one: the doctor reviews. The
readings past a red flag's threshold are red flags whether ticked or not: a nurse does not have
to tick what the chart already says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.news2 import HIGH_FROM, MEDIUM_FROM, News2Score

SCREEN_FROM = MEDIUM_FROM
"""The NEWS2 from which a set asks whether this could be sepsis."""
HIGH_RISK_FROM = HIGH_FROM
"""The NEWS2 that is red flag sepsis with an infection likely (NICE's high risk)."""
WITHIN = timedelta(hours=1)
"""The Sepsis Six, and the doctor's review of any infection likely, within the hour."""
DONE_FROM = timedelta(hours=6)
"""How long before a screening one of the Sepsis Six may have been done (cultures taken in the
emergency department, oxygen already running) and still count."""
INFECTION_LIKELY = "likely"
NOT_ALERT = frozenset({"new_confusion", "voice", "pain", "unresponsive"})
SIX = ("oxygen", "cultures", "antibiotics", "fluids", "lactate", "urine")
"""The Sepsis Six, in the tool's order: each timed in its field `{item}_at`."""
MAY_BE_NOT_NEEDED = frozenset({"oxygen", "fluids"})
OUTCOME_FIELDS = ("infection", "red_flags", "respiratory_rate", "systolic_bp", "pulse", "consciousness")
"""The answers `outcome` reads besides the NEWS2 of the readings."""
NEEDS_OXYGEN = "needs_oxygen"
"""The red flag that says oxygen is needed."""

SIX_WORDS: Mapping[str, Mapping[str, str]] = {
    "oxygen": {"en": "oxygen", "fr": "oxygène"},
    "cultures": {"en": "blood cultures", "fr": "hémocultures"},
    "antibiotics": {"en": "IV antibiotics", "fr": "antibiotiques IV"},
    "fluids": {"en": "IV fluids", "fr": "remplissage IV"},
    "lactate": {"en": "lactate", "fr": "lactates"},
    "urine": {"en": "hourly urine output", "fr": "diurèse horaire"},
}
READING_FLAG_WORDS: Mapping[str, str] = {
    "respiratory_rate": "respiratory rate {value}", "systolic_bp": "systolic BP {value}", "pulse": "pulse {value}",
    "consciousness": "not alert", "news2": "NEWS2 {value}",
}
"""The red flags the readings show, as the export names them."""


class Outcome(StrEnum):
    RED = "red"
    AMBER = "amber"
    LOW = "low"
    UNLIKELY = "unlikely"


OUTCOMES: Mapping[Outcome, Mapping[str, str]] = {
    Outcome.RED: {"en": "RED FLAG SEPSIS: the Sepsis Six within the hour; tell the doctor now",
                  "fr": "SEPSIS « DRAPEAU ROUGE » : les « Sepsis Six » dans l’heure ; prévenir le médecin "
                        "maintenant"},
    Outcome.AMBER: {"en": "POSSIBLE SEPSIS: the doctor reviews within the hour and decides on antibiotics",
                    "fr": "SEPSIS POSSIBLE : le médecin examine dans l’heure et décide des antibiotiques"},
    Outcome.LOW: {"en": "infection, no red flag (NEWS2 under 5): the doctor treats it; screen again if worse",
                  "fr": "infection sans drapeau rouge (NEWS2 sous 5) : le médecin la traite ; redépister si "
                        "aggravation"},
    Outcome.UNLIKELY: {"en": "infection unlikely: look for another cause; screen again if worse",
                       "fr": "infection peu probable : chercher une autre cause ; redépister si aggravation"},
}
ASKS: Mapping[str, Mapping[str, str]] = {
    "six": {"en": "SEPSIS SIX by {due}: {left}", "fr": "« SEPSIS SIX » avant {due} : {left}"},
    "six_overdue": {"en": "SEPSIS SIX OVERDUE (due {due}): {left}", "fr": "« SEPSIS SIX » EN RETARD (avant {due}) : {left}"},
    "review": {"en": "the doctor reviews by {due}", "fr": "examen du médecin avant {due}"},
    "review_overdue": {"en": "NOT REVIEWED BY A DOCTOR (due {due}): ask again now",
                       "fr": "PAS EXAMINÉ PAR UN MÉDECIN (avant {due}) : relancer maintenant"},
}


def reading_flags(data: Mapping[str, Any], news2: News2Score | None) -> dict[str, Any]:
    """The red flags the readings show, each with its value: a respiratory rate of 25 or more, a
    systolic BP of 90 or less, a pulse over 130, new confusion or worse, a NEWS2 of 7 or more."""
    found: dict[str, Any] = {}
    rate, systolic, pulse = data.get("respiratory_rate"), data.get("systolic_bp"), data.get("pulse")
    if rate is not None and rate >= 25:
        found["respiratory_rate"] = rate
    if systolic is not None and systolic <= 90:
        found["systolic_bp"] = systolic
    if pulse is not None and pulse > 130:
        found["pulse"] = pulse
    if data.get("consciousness") in NOT_ALERT:
        found["consciousness"] = data["consciousness"]
    if news2 is not None and news2.total >= HIGH_RISK_FROM:
        found["news2"] = news2.total
    return found


def outcome(data: Mapping[str, Any], news2: News2Score | None) -> Outcome:
    """What a screening found, from its answers and the NEWS2 of its readings."""
    if data["infection"] != INFECTION_LIKELY:
        return Outcome.UNLIKELY
    if data.get("red_flags") or reading_flags(data, news2):
        return Outcome.RED
    if news2 is None or not news2.complete or news2.total >= SCREEN_FROM:
        return Outcome.AMBER
    return Outcome.LOW


def left_to_do(data: Mapping[str, Any]) -> list[str]:
    """The Sepsis Six not timed yet, nor marked not needed, in the tool's order. A time long
    before the screening (`DONE_FROM`) is not this sepsis's: a day typed wrong cleared the
    hour's asks. Oxygen is needed whatever is ticked when the red flag says the patient needs it
    to keep their saturation; IV fluids are not needed only once a doctor's review is recorded,
    the decision being theirs (a nurse's tick beside a systolic of 80 silenced them)."""
    not_needed = set(data.get("not_needed") or ()) & MAY_BE_NOT_NEEDED
    if NEEDS_OXYGEN in (data.get("red_flags") or ()):
        not_needed.discard("oxygen")
    if not data.get("reviewed_by"):
        not_needed.discard("fluids")
    earliest = elapsed.instant(datetime.fromisoformat(data["screened_at"])) - DONE_FROM
    return [item for item in SIX if item not in not_needed and not (
        (done := data.get(f"{item}_at")) and elapsed.instant(datetime.fromisoformat(done)) >= earliest)]


@dataclass(frozen=True)
class Screening:
    """A screening as its record says it: `left` the Sepsis Six not done, `reviewed_at` None
    until the doctor's review is recorded."""

    screened_at: datetime
    outcome: Outcome
    left: tuple[str, ...]
    reviewed_at: datetime | None

    @property
    def due_at(self) -> datetime:
        return elapsed.later(self.screened_at, WITHIN)

    def asks(self, at: datetime, lang: str) -> list[str]:
        """What the screening asks at `at`: red flag sepsis, the Sepsis Six left; red flag or
        possible sepsis, the doctor's review until recorded; each said overdue once the hour
        is past."""
        if self.outcome not in (Outcome.RED, Outcome.AMBER):
            return []
        overdue = elapsed.reached(self.due_at, at)
        due = f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}"
        found = []
        if self.outcome is Outcome.RED and self.left:
            found.append(ASKS["six_overdue" if overdue else "six"][lang].format(
                due=due, left=", ".join(SIX_WORDS[item][lang] for item in self.left)))
        if self.reviewed_at is None:
            found.append(ASKS["review_overdue" if overdue else "review"][lang].format(due=due))
        return found

    def next_change(self, at: datetime) -> datetime | None:
        """When what it asks changes with time alone: its hour running out while it asks."""
        return None if elapsed.reached(self.due_at, at) or not self.asks(at, "en") else self.due_at


def episode(screenings: Sequence[Screening]) -> Screening | None:
    """The screenings (oldest first) since the latest that found neither red flag nor possible
    sepsis, taken as one: a screening made again (a worse set asked for one, or a nurse made it
    from the tab) restarted the hour and dropped what the first left undone. Red flag sepsis from
    the first screening that found it, its hour running from then, each of the Sepsis Six left
    until one screening since times it; the doctor's review recorded on any of them. None when
    the latest found neither: the doctor's or nurse's judgement that it is not sepsis."""
    run: list[Screening] = []
    for one in screenings:
        run = [*run, one] if one.outcome in (Outcome.RED, Outcome.AMBER) else []
    if not run:
        return None
    reviewed = min((one.reviewed_at for one in run if one.reviewed_at is not None), key=elapsed.instant, default=None)
    red = next((index for index, one in enumerate(run) if one.outcome is Outcome.RED), None)
    if red is None:
        return Screening(run[0].screened_at, Outcome.AMBER, (), reviewed)
    since = run[red:]
    return Screening(since[0].screened_at, Outcome.RED,
                     tuple(item for item in SIX if all(item in one.left for one in since)), reviewed)

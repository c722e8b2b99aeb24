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
from downtime.domain.clock import ward_time
from downtime.i18n import decimal_text
from downtime.domain.news2 import HIGH_FROM, MEDIUM_FROM, News2Score, Spo2Scale

SCREEN_FROM = MEDIUM_FROM
"""The NEWS2 from which a set asks whether this could be sepsis."""
HIGH_RISK_FROM = HIGH_FROM
"""The NEWS2 that is red flag sepsis with an infection likely (NICE's high risk)."""
WITHIN = timedelta(hours=1)
"""The Sepsis Six, and the doctor's review of any infection likely, within the hour."""
DONE_FROM = timedelta(hours=6)
"""How long before a screening one of the Sepsis Six may have been done (cultures taken in the
emergency department, oxygen already running), or the doctor's review made, and still count."""
MATCHED_WITHIN = timedelta(minutes=30)
"""How far apart a screening's antibiotics time and a dose given on the medication chart may be
and still be one dose."""
SCREENED_FOR = timedelta(hours=24)
"""A set of 5 or more a day after the latest screening asks for one, however it scores; a
screening finding sepsis a day after a treated and reviewed one is a new episode."""
TARGET_FROM: Mapping[str, int] = {Spo2Scale.SCALE_1: 92, Spo2Scale.SCALE_2: 88}
"""The lowest saturation in target on each SpO2 scale: the red flag's "92 % or more (88 % in
COPD)"."""
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
    "consciousness": "not alert", "news2": "NEWS2 {value}", "spo2": "SpO2 {value}% under target",
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
    "review_now": {"en": "doctor to review now (by {due})", "fr": "examen du médecin maintenant (avant {due})"},
    "review_overdue": {"en": "NOT REVIEWED BY A DOCTOR (due {due}): ask again now",
                       "fr": "PAS EXAMINÉ PAR UN MÉDECIN (avant {due}) : relancer maintenant"},
}


def reading_flags(data: Mapping[str, Any], news2: News2Score | None) -> dict[str, Any]:
    """The red flags the readings show, each with its value: a respiratory rate of 25 or more, a
    systolic BP of 90 or less, a pulse over 130, new confusion or worse, a NEWS2 of 7 or more, a
    saturation under target on air or on oxygen (`TARGET_FROM`: the tool's "needs oxygen to keep
    SpO2 92 % or more, 88 % in COPD"; 88 % on air with nothing else found an infection with no red
    flag, no Sepsis Six asked, and 88 % on oxygen possible sepsis)."""
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
    if (spo2 := data.get("spo2")) is not None and spo2 < _target(data):
        found["spo2"] = spo2
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


def _for_screening(data: Mapping[str, Any], moment: datetime, since: timedelta = DONE_FROM) -> bool:
    """Whether something done at `moment` counts for the screening: not more than `since` before
    it (`DONE_FROM`), when it was not this sepsis's."""
    return elapsed.reached(elapsed.earlier(datetime.fromisoformat(data["screened_at"]), since), moment)


def _counts(data: Mapping[str, Any], field: str) -> datetime | None:
    """The time in `field`, unless long before the screening (`_for_screening`): a day typed
    wrong (27/11 for 28/11) cleared the hour's asks."""
    if not (typed := data.get(field)):
        return None
    moment = datetime.fromisoformat(typed)
    return moment if _for_screening(data, moment) else None


CHARTED_ITEMS = ("antibiotics", "fluids")
"""The Sepsis Six a dose given on the medication chart does (`Charted.item`): an IV antibacterial,
or an IV fluid challenge (child_fluids.fluid_challenge: the bolus given at 13:30 and charted there
still read "SEPSIS SIX OVERDUE: IV fluids" until its time was typed again on the screening)."""
CHARTED_FROM = {"antibiotics": DONE_FROM, "fluids": timedelta(hours=1)}
"""How long before the screening a dose on the chart counts for it, by item: a fluid challenge
given more than about an hour before was for another moment (a bag put up at 08:00, five hours
before the patient deteriorated, marked the IV fluids given)."""


@dataclass(frozen=True)
class Charted:
    """An IV antibacterial or IV fluid dose recorded given on the medication chart: when, the
    medicine, dose and route it names, and which of the Sepsis Six it does (`CHARTED_ITEMS`)."""

    at: datetime
    drug: str
    dose: float
    unit: str
    route: str
    item: str = "antibiotics"

    def text(self, lang: str) -> str:
        """"Clarithromycin 500 mg IV", "Amoxicilline 1,5 g IV" on a French ward."""
        return " ".join([*self.drug.split(), decimal_text(self.dose, lang), self.unit, self.route])


def done_on_chart(data: Mapping[str, Any], charted: Sequence[Charted], item: str = "antibiotics") -> Charted | None:
    """The first of these doses that counts for the screening's `item` (`CHARTED_ITEMS`,
    `_for_screening` within `CHARTED_FROM`): the chart is the dose's record, and a dose given at
    13:40 and charted there still read "SEPSIS SIX OVERDUE: IV antibiotics" until its time was
    typed again on the screening."""
    return min((one for one in charted if one.item == item and _for_screening(data, one.at, CHARTED_FROM[item])),
               key=lambda one: elapsed.instant(one.at), default=None)


def uncharted(data: Mapping[str, Any], charted: Sequence[Charted]) -> datetime | None:
    """The screening's own antibiotics time (`_counts`) when none of these doses was given within
    `MATCHED_WITHIN` of it: the once-only dose it records stayed OVERDUE on the medication chart,
    and the next nurse gave it again."""
    typed = _counts(data, "antibiotics_at")
    if typed is None or any(abs(elapsed.between(typed, one.at)) <= MATCHED_WITHIN for one in charted
                            if one.item == "antibiotics"):
        return None
    return typed


def reviewed_at(data: Mapping[str, Any]) -> datetime | None:
    """When the doctor's review the screening records was made; None until recorded, or when
    typed long before the screening (`DONE_FROM`)."""
    return _counts(data, "reviewed_at")


def target_missed(data: Mapping[str, Any]) -> int | None:
    """The saturation target (`TARGET_FROM`) the readings show the patient under on air; None
    when they are on oxygen, in target, or the saturation is not known."""
    target, spo2 = _target(data), data.get("spo2")
    return target if data.get("on_oxygen") is not True and spo2 is not None and spo2 < target else None


def _target(data: Mapping[str, Any]) -> int:
    """The lowest saturation in target on the readings' SpO2 scale (scale 1 when none is said)."""
    return TARGET_FROM.get(data.get("spo2_scale") or Spo2Scale.SCALE_1, TARGET_FROM[Spo2Scale.SCALE_1])


def left_to_do(data: Mapping[str, Any], charted: Sequence[Charted] = ()) -> list[str]:
    """The Sepsis Six not timed yet (`_counts`), nor marked not needed, in the tool's order; the IV
    antibiotics and IV fluids done too by a dose given on the medication chart (`done_on_chart`).
    Oxygen is needed whatever is ticked when the red flag says the patient needs it to keep their
    saturation, or the readings show them under target on air ("saturation in target on air"
    beside an SpO2 of 88 % dropped it); IV fluids are not needed only once a doctor's review is
    recorded, the decision being theirs (a nurse's tick beside a systolic of 80 silenced them)."""
    not_needed = set(data.get("not_needed") or ()) & MAY_BE_NOT_NEEDED
    if NEEDS_OXYGEN in (data.get("red_flags") or ()) or target_missed(data) is not None:
        not_needed.discard("oxygen")
    if not data.get("reviewed_by") or reviewed_at(data) is None:
        not_needed.discard("fluids")
    charted_done = {item for item in CHARTED_ITEMS if done_on_chart(data, charted, item) is not None}
    return [item for item in SIX
            if item not in not_needed | charted_done and _counts(data, f"{item}_at") is None]


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

    @property
    def asking(self) -> bool:
        """Whether it asks anything: red flag sepsis, the Sepsis Six left; red flag or possible
        sepsis, the doctor's review until recorded."""
        return self.outcome in (Outcome.RED, Outcome.AMBER) and (
            self.reviewed_at is None or (self.outcome is Outcome.RED and bool(self.left)))

    def asks(self, at: datetime, lang: str) -> list[str]:
        """What the screening asks at `at` (`asking`), each said overdue once the hour is past;
        red flag sepsis's review now, as its outcome says."""
        if not self.asking:
            return []
        overdue = elapsed.reached(self.due_at, at)
        due = ward_time(self.due_at, at.tzinfo)
        found = []
        if self.outcome is Outcome.RED and self.left:
            found.append(ASKS["six_overdue" if overdue else "six"][lang].format(
                due=due, left=", ".join(SIX_WORDS[item][lang] for item in self.left)))
        if self.reviewed_at is None:
            found.append(ASKS["review_overdue" if overdue else "review_now" if self.outcome is Outcome.RED
                              else "review"][lang].format(due=due))
        return found

    def next_change(self, at: datetime) -> datetime | None:
        """When what it asks changes with time alone: its hour running out while it asks."""
        return None if elapsed.reached(self.due_at, at) or not self.asking else self.due_at


def _red_since(run: Sequence[Screening]) -> Sequence[Screening]:
    """These screenings from the first that found red flag sepsis; none without one."""
    red = next((index for index, one in enumerate(run) if one.outcome is Outcome.RED), len(run))
    return run[red:]


def _counted(review: datetime | None, run: Sequence[Screening]) -> bool:
    """Whether a doctor's review counts for these screenings: for red flag sepsis, only one made
    at or after the first screening that found it (the morning's review of possible sepsis did
    not see the afternoon's red flag)."""
    since = _red_since(run)
    return review is not None and (not since or elapsed.reached(since[0].screened_at, review))


def _as_one(run: Sequence[Screening]) -> Screening:
    """An episode's screenings (the first finding red flag or possible sepsis) taken as one: red
    flag sepsis from the first that found it, its hour running from then, each of the Sepsis Six
    left until one since times it; the earliest review that counts (`_counted`) recorded on any
    of them."""
    reviewed = min((one.reviewed_at for one in run if _counted(one.reviewed_at, run)), key=elapsed.instant,
                   default=None)
    if not (since := _red_since(run)):
        return Screening(run[0].screened_at, Outcome.AMBER, (), reviewed)
    return Screening(since[0].screened_at, Outcome.RED,
                     tuple(item for item in SIX if all(item in one.left for one in since)), reviewed)


def _goes_on(run: Sequence[Screening], one: Screening) -> bool:
    """Whether the screenings before (`run`) are still one episode after `one`. One finding
    sepsis goes on with them (a screening made again restarted the hour and dropped what the
    first left undone) unless they were done with (the Sepsis Six and the review) a day before
    it: a new sepsis then. One finding neither ends them only with a doctor's review that counts
    for them, or once they are done with: a calmer screening after a bolus, or "infection
    unlikely" ticked 20 minutes on, took red flag sepsis off before antibiotics or any doctor."""
    if not run:
        return False
    if one.outcome in (Outcome.RED, Outcome.AMBER):
        return _as_one(run).asking or elapsed.between(run[-1].screened_at, one.screened_at) < SCREENED_FOR
    return _as_one(run).asking and not _counted(one.reviewed_at, run)


def episode(screenings: Sequence[Screening]) -> Screening | None:
    """The screenings (oldest first) since the first finding red flag or possible sepsis after the
    last that ended an episode (`_goes_on`), taken as one (`_as_one`): one finding neither within
    it counts too, the Sepsis Six being timed on the latest screening. None when there are none:
    the doctor's judgement that it is not sepsis, or a treated and reviewed sepsis screened calmer
    since."""
    run: list[Screening] = []
    for one in screenings:
        run = [*run, one] if _goes_on(run, one) else [one] if one.outcome in (Outcome.RED, Outcome.AMBER) else []
    return _as_one(run) if run else None

"""What a unit of blood being transfused asks of the nurse, as the British Society for
Haematology's guideline on administering blood components says it (2017): observations in the
hour before it starts, again 15 minutes after the start (a severe reaction shows then), and in
the hour after it ends; a unit finished within 4 hours of leaving the blood fridge; a reaction
told to the doctor and reported to the blood bank. Observation sets are those of the NEWS2
chart: the app asks whether one was taken when it should have been, with the readings the
guideline names (`READINGS`, `complete`), and compares each reading taken while the unit runs,
in a full set or alone, with its latest value before it (`around`, `changed`): the 15-minute set
is taken to catch a reaction, and one reading 39.4 °C and a systolic of 82 was counted "taken"
with nothing said."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed

BASELINE_WITHIN = timedelta(minutes=60)
"""Before the start: the set the 15-minute one is compared with."""
FIRST_SET_AT = timedelta(minutes=15)
FIRST_SET_FROM = timedelta(minutes=10)
"""A set taken from 10 minutes after the start on counts as the 15-minute one."""
LONGEST = timedelta(hours=4)
"""A unit is finished within 4 hours of leaving the fridge (counted from its start when the time it
left is not known: it has been out at least that long)."""
END_SET_WITHIN = timedelta(minutes=60)
READINGS = ("temperature", "pulse", "systolic_bp", "respiratory_rate")
"""The readings a set around a unit gives (the guideline's temperature, pulse, blood pressure and
breathing rate): a saturation taken alone counted as the baseline and the 15-minute set, and a
febrile or hypotensive reaction went unmeasured with nothing asked."""
FEVER = 38.0
FEVER_RISE = 1.0
"""A temperature of 38 °C or more, or 1 °C or more above the set before the unit: a febrile
reaction (the BSH's guideline on acute transfusion reactions, 2012, revised 2023)."""
HIGH_FEVER = 39.0
HIGH_FEVER_RISE = 2.0
"""39 °C or more, or 2 °C or more above the set before the unit: no mild febrile reaction but a
moderate or severe one (haemolysis, bacterial contamination), after which the unit is not
restarted (the same guideline: the mild band is 38 to 39 °C with a rise under 2 °C)."""
LOW_SYSTOLIC = 90
SYSTOLIC_FALL = 30
"""A systolic pressure under 90 mmHg, or 30 mmHg or more below the set before the unit: the fall
the guideline's hypotension is (ISBT's definition it takes up)."""
PULSE_RISE = 30
"""A pulse 30 beats a minute or more above the set before the unit: the guideline names
tachycardia among a reaction's signs without a number; this one is the app's."""


class Sign(StrEnum):
    NO_BASELINE = "no_baseline"
    FIRST_SET_OVERDUE = "first_set_overdue"
    OVER_4_HOURS = "over_4_hours"
    END_SET_OVERDUE = "end_set_overdue"
    REACTION = "reaction"
    POSSIBLE_REACTION = "possible_reaction"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.POSSIBLE_REACTION: {"en": "POSSIBLE TRANSFUSION REACTION at {due} ({changed}): stop the unit, keep the line "
                                   "open, call the doctor",
                             "fr": "RÉACTION TRANSFUSIONNELLE POSSIBLE à {due} ({changed}) : arrêter le produit, "
                                   "garder la voie, appeler le médecin"},
    Sign.NO_BASELINE: {"en": "No observations in the hour before the start: record the set taken before it",
                       "fr": "Pas de constantes dans l’heure avant la pose : saisir celles prises avant"},
    Sign.FIRST_SET_OVERDUE: {"en": "15-MINUTE OBSERVATIONS OVERDUE since {due}",
                             "fr": "CONSTANTES À 15 MINUTES EN RETARD depuis {due}"},
    Sign.OVER_4_HOURS: {"en": "STILL RUNNING 4 HOURS OUT OF THE FRIDGE (since {due}): a unit is finished within "
                              "4 hours of leaving the fridge; stop it and ask the blood bank",
                        "fr": "EN COURS 4 HEURES APRÈS LA SORTIE DU RÉFRIGÉRATEUR (depuis {due}) : un produit se passe "
                              "dans les 4 heures après sa sortie ; l’arrêter et appeler l’EFS"},
    Sign.END_SET_OVERDUE: {"en": "OBSERVATIONS AFTER THE END OVERDUE since {due}",
                           "fr": "CONSTANTES DE FIN DE TRANSFUSION EN RETARD depuis {due}"},
    Sign.REACTION: {"en": "REACTION: tell the doctor and report it to the blood bank",
                    "fr": "RÉACTION : prévenir le médecin et la déclarer à l’hémovigilance"},
}
"""What each sign asks, `{due}` when it fell due, `{changed}` the readings that changed (`said`)."""
CHANGED: Mapping[str, Mapping[str, str]] = {
    "temperature": {"en": "temperature {value}, up {change} °C", "fr": "température {value}, +{change} °C"},
    "systolic_bp": {"en": "systolic {value}, down {change}", "fr": "systolique {value}, −{change}"},
    "pulse": {"en": "pulse {value}, up {change}", "fr": "pouls {value}, +{change}"},
}
"""A reading that changed (`Changed`), `{change}` from the set before the unit ("?" with none)."""


@dataclass(frozen=True)
class Unit:
    """A unit as its start and end records say it: `ended_at` None while it runs; `unreported`
    a reaction not yet told to the doctor or not yet reported to the blood bank; `collected_at`
    when it left the blood fridge, when known."""

    started_at: datetime
    ended_at: datetime | None
    reaction: bool
    unreported: bool
    collected_at: datetime | None = None

    @property
    def running(self) -> bool:
        return self.ended_at is None

    @property
    def first_set_due(self) -> datetime:
        return elapsed.later(self.started_at, FIRST_SET_AT)

    @property
    def over_at(self) -> datetime:
        return elapsed.later(self.collected_at or self.started_at, LONGEST)

    @property
    def end_set_due(self) -> datetime | None:
        return None if self.ended_at is None else elapsed.later(self.ended_at, END_SET_WITHIN)

    @property
    def ran_over(self) -> bool:
        """Whether it ended more than 4 hours after it left the fridge: said of it once ended, as
        OVER_4_HOURS is while it runs (the blood bank asks of a unit's fate)."""
        return self.ended_at is not None and elapsed.instant(self.ended_at) > elapsed.instant(self.over_at)


def out_too_long(collected_at: datetime, started_at: datetime) -> bool:
    """Whether a unit started at `started_at` had been out of the fridge 4 hours or more since
    `collected_at`: it could not be finished within them, and goes back to the blood bank."""
    return elapsed.between(collected_at, started_at) >= LONGEST


Readings = Mapping[str, float]
"""A set's readings by the NEWS2 form's field ids (`READINGS`)."""


@dataclass(frozen=True)
class Changed:
    """A reading of a set taken while the unit ran that may be a reaction: `change` how far from
    the set before the unit (None when there was none, the reading alarming alone)."""

    reading: str
    value: float
    change: float | None

    def said(self, lang: str) -> str:
        change = "?" if self.change is None else f"{abs(self.change):g}"
        return CHANGED[self.reading][lang].format(value=f"{self.value:g}", change=change)


@dataclass(frozen=True)
class Sets:
    """Which of the unit's observation sets were taken (`first_at`, `end_at`: when, or None);
    `changed_at` the first set taken while it ran whose readings may be a reaction (`changed`),
    None when none."""

    baseline: bool
    first_at: datetime | None
    end_at: datetime | None
    changed_at: datetime | None = None
    changed: tuple[Changed, ...] = ()


def changed(before: Readings | None, during: Readings) -> tuple[Changed, ...]:
    """The readings a set taken during a unit gives (any of them) that may be a reaction, each
    against its latest value before the unit (`before`, as `around` says; None, or a reading not
    taken, the reading alone)."""
    def change(reading: str) -> float | None:
        return None if before is None or before.get(reading) is None else round(during[reading] - before[reading], 1)

    found = []
    if (value := during.get("temperature")) is not None:
        rise = change("temperature")
        if value >= FEVER or (rise is not None and rise >= FEVER_RISE):
            found.append(Changed("temperature", value, rise))
    if (value := during.get("systolic_bp")) is not None:
        fall = change("systolic_bp")
        if value < LOW_SYSTOLIC or (fall is not None and -fall >= SYSTOLIC_FALL):
            found.append(Changed("systolic_bp", value, fall))
    if (value := during.get("pulse")) is not None and (rise := change("pulse")) is not None and rise >= PULSE_RISE:
        found.append(Changed("pulse", value, rise))
    return tuple(found)


def high_fever(before: Readings | None, during: Sequence[Readings]) -> float | None:
    """The highest temperature of the sets `during` a unit, taken alone or in a set, when it is
    39 °C or more, or 2 °C or more above the latest before the unit (`before`, as `around` says;
    `HIGH_FEVER`): a reaction no unit is restarted after."""
    temperatures = [readings["temperature"] for readings in during if readings.get("temperature") is not None]
    if not temperatures:
        return None
    highest, baseline = max(temperatures), (before or {}).get("temperature")
    high = highest >= HIGH_FEVER or (baseline is not None and round(highest - baseline, 1) >= HIGH_FEVER_RISE)
    return highest if high else None


def complete(readings: Readings) -> bool:
    """Whether a set gives every reading a unit asks (`READINGS`): only such a set counts as the
    baseline, the 15-minute or the end set; any reading is read for a reaction (`around`)."""
    return all(readings.get(reading) is not None for reading in READINGS)


def around(started_at: datetime, ended_at: datetime | None,
           readings: Mapping[datetime, Readings]) -> tuple[Readings | None, list[tuple[datetime, Readings]]]:
    """The latest value of each reading taken in the hour before a unit started (None when none),
    and the readings of the sets taken after its start until its end (or now), oldest first, each
    with those it gives: what `changed` and `high_fever` compare. Read reading by reading: a
    temperature of 40.1 °C taken alone while a unit ran, its breathing rate not yet counted, was
    not read, and the unit was restarted."""
    start = elapsed.instant(started_at)
    end = None if ended_at is None else elapsed.instant(ended_at)
    moments = sorted((elapsed.instant(at), at) for at in readings)
    before: dict[str, float] = {}
    for instant, at in moments:
        if start - BASELINE_WITHIN <= instant <= start:
            before.update(readings[at])
    during = [(at, readings[at]) for instant, at in moments if instant > start and (end is None or instant <= end)]
    return (before or None), during


def sets_of(unit: Unit, taken: Sequence[datetime], readings: Mapping[datetime, Readings] | None = None) -> Sets:
    """The unit's sets among the patient's full sets `taken` (`complete`): one in the hour before
    the start (or at it), the first from 10 minutes after the start until the end, the first at or
    after the end (late or not: once taken it is no longer asked); with the `readings` of every
    set where given, full or not, the first set taken while it runs that may be a reaction against
    each reading's latest value before it (`around`, `changed`). Compared as instants: a unit
    started the night the clocks change is timed in real minutes."""
    start = elapsed.instant(unit.started_at)
    end = None if unit.ended_at is None else elapsed.instant(unit.ended_at)
    moments = sorted((elapsed.instant(at), at) for at in taken)
    baseline = any(start - BASELINE_WITHIN <= instant <= start for instant, _ in moments)
    first = next((at for instant, at in moments if instant >= start + FIRST_SET_FROM
                  and (end is None or instant < end)), None)
    after = None if end is None else next((at for instant, at in moments if instant >= end), None)
    before, during = around(unit.started_at, unit.ended_at, readings or {})
    alarming = next(((at, found) for at, taken in during if (found := changed(before, taken))), (None, ()))
    return Sets(baseline, first, after, *alarming)


def signs(unit: Unit, found: Sets, at: datetime) -> list[tuple[Sign, datetime | None]]:
    """What the unit asks at `at`, each with when it fell due (None for one that has no time),
    the most urgent first. A set missed while the unit ran is not asked once it has ended: the
    set after the end is."""
    now = elapsed.instant(at)
    said: list[tuple[Sign, datetime | None]] = []
    if unit.running and found.changed_at is not None:
        said.append((Sign.POSSIBLE_REACTION, found.changed_at))
    if unit.reaction and unit.unreported:
        said.append((Sign.REACTION, None))
    if unit.running and now >= elapsed.instant(unit.over_at):
        said.append((Sign.OVER_4_HOURS, unit.over_at))
    if unit.running and found.first_at is None and now >= elapsed.instant(unit.first_set_due):
        said.append((Sign.FIRST_SET_OVERDUE, unit.first_set_due))
    if (due := unit.end_set_due) is not None and found.end_at is None and now >= elapsed.instant(due):
        said.append((Sign.END_SET_OVERDUE, due))
    if unit.running and not found.baseline:
        said.append((Sign.NO_BASELINE, None))
    return said


def next_due(unit: Unit, found: Sets, at: datetime) -> datetime | None:
    """The next moment after `at` the unit will ask something it does not yet (for the screen
    to read it again then)."""
    now = elapsed.instant(at)
    coming = [moment for moment, wanted in ((unit.first_set_due, unit.running and found.first_at is None),
                                            (unit.over_at, unit.running),
                                            (unit.end_set_due, found.end_at is None))
              if wanted and moment is not None and elapsed.instant(moment) > now]
    return min(coming, key=elapsed.instant, default=None)

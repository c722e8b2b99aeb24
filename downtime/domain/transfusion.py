"""What a unit of blood being transfused asks of the nurse, as the British Society for
Haematology's guideline on administering blood components says it (2017): observations in the
hour before it starts, again 15 minutes after the start (a severe reaction shows then), and in
the hour after it ends; a unit finished within 4 hours of leaving the blood fridge; a reaction
told to the doctor and reported to the blood bank. Observation sets are those of the NEWS2
chart, and a child's of the PEWS chart (their heart rate read as the pulse): the app asks
whether one was taken when it should have been, with the readings the guideline names
(`READINGS`, `complete`), and compares each reading taken while the unit runs,
in a full set or alone, with its latest value before it (`around`, `changed`): the 15-minute set
is taken to catch a reaction, and one reading 39.4 °C and a systolic of 82 was counted "taken"
with nothing said. The set in the hour after the end is read too (a reaction shows after the
unit), and the latest set that may be a reaction is said, not only the first."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed
from downtime.domain.pews import HEART_RATE, RESPIRATORY_RATE, SYSTOLIC_BP, AgeBand

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
SPO2 = "spo2"
"""Read for a reaction (`changed`) but not asked of a full set (`complete`): a saturation is not
among the readings the guideline names for every set."""
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
"""A systolic pressure of 90 mmHg or under, the value NEWS2 scores 3 (RCP 2017; 90 itself was
read as nothing), or 30 mmHg or more below the set before the unit: the fall the guideline's
hypotension is (ISBT's definition it takes up). A pressure low already before the
unit and not lower since is no sign: a bleeding patient's 82 before the unit and 88 at 15 minutes
was read as a moderate or severe reaction, and "no reaction" refused."""
CHILD_SYSTOLIC_FALL = 0.2
"""A child's systolic (`band` given) is low at her age band's 2-point value or under (domain.pews
`SYSTOLIC_BP`, `low2`: 85 from 12 years, 80 from 4 to 12, 70 from 3 to 12 months), as an adult's
is at NEWS2's 3-point 90, and fallen at 20 % or more below the set before the unit, in place of the
adult's 30 mmHg: read at the floor of her normal range, a 14-year-old's 99 from 105 stopped the unit
and "no reaction" was refused; read against 30 mmHg, a 6-month-old's fall from 78 to 50 was mild."""
LOW_BEFORE_FALL = 10
SHOCK_SYSTOLIC = 70
"""A pressure low already before the unit is a sign the doctor may judge no reaction
(`Changed.low_before`) only while it is 10 mmHg or less lower than before and not in shock: 70
mmHg or over for an adult, over her age band's 4-point value for a child (`low4`); a fall from 88
to 60 counted as mild, and "no reaction" was saved."""
PULSE_RISE = 30
HIGH_PULSE = 130
"""A pulse 30 beats a minute or more above the set before the unit, or an adult's of 130 or more
with none before it to compare: the guideline names tachycardia among a reaction's signs without
a number; these are the app's (a pulse of 150 with no set before the unit was read as nothing)."""
BREATHING_RISE = 8
HIGH_BREATHING = 25
SPO2_FALL = 3
LOW_SPO2 = 92
LOW_SPO2_SCALE_2 = 88
"""A breathing rate 8 a minute or more above the set before the unit, or an adult's of 25 or more
with none before it; a saturation 3 points or more below the set before the unit, or under 92 %
when it was not before it (a patient whose target is 88 to 92 % is not read by its value
alone): the breathlessness and desaturation the guideline names among a reaction's signs, those
of TACO, TRALI and anaphylaxis (TACO, the commonest cause of the deaths from transfusion SHOT is
told of). A set reading 34 a minute and 85 % was read as nothing. A child's normal breathing rate
and pulse are an adult's alarming ones: for a child (`band` given) they are read against the
set before the unit alone, and their alarming values with none before it are those of the PEWS
chart's top band for the child's age (domain.pews `HEART_RATE`, `RESPIRATORY_RATE`): a 2-year-old's
heart rate of 195 and breathing of 75 were read as nothing. A set charted on SpO2 scale 2
(`SCALE_2`, a target of 88 to 92 % the doctor prescribed) is read against its target's floor, 88 %:
93 then 91 %, within target, was read as a moderate or severe reaction, and 80 % with no
saturation before the unit as nothing."""
SCALE_2 = "spo2_scale_2"
"""A set's flag (1 when set) among its readings: its SpO2 is charted on scale 2 (`changed`)."""
RECORDED = "recorded"
"""Among a set's readings, when it was saved (a POSIX timestamp): an end answers only a set saved
before it (`Sets.answered`); its taken time where the readings do not say, a set being saved no
earlier than taken."""


class Sign(StrEnum):
    NO_BASELINE = "no_baseline"
    FIRST_SET_OVERDUE = "first_set_overdue"
    OVER_4_HOURS = "over_4_hours"
    END_SET_OVERDUE = "end_set_overdue"
    REACTION = "reaction"
    POSSIBLE_REACTION = "possible_reaction"
    REACTION_AFTER = "reaction_after"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.POSSIBLE_REACTION: {"en": "POSSIBLE TRANSFUSION REACTION at {due} ({changed}): stop the unit, keep the line "
                                   "open, call the doctor",
                             "fr": "RÉACTION TRANSFUSIONNELLE POSSIBLE à {due} ({changed}) : arrêter le produit, "
                                   "garder la voie, appeler le médecin"},
    Sign.REACTION_AFTER: {"en": "POSSIBLE TRANSFUSION REACTION at {due}, after the unit ({changed}): call the doctor, "
                                "report it to the blood bank, and record the reaction on the unit's end",
                          "fr": "RÉACTION TRANSFUSIONNELLE POSSIBLE à {due}, après le produit ({changed}) : appeler le "
                                "médecin, la déclarer à l’hémovigilance et noter la réaction sur la fin du produit"},
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
"""What each sign asks, `{due}` when it fell due, `{changed}` the readings that changed (`Sets.said`);
a reaction, of both the doctor and the blood bank still to be told (else `UNTOLD`)."""
DOCTOR, BLOOD_BANK = "doctor", "blood_bank"
UNTOLD: Mapping[str, Mapping[str, str]] = {
    DOCTOR: {"en": "REACTION: tell the doctor", "fr": "RÉACTION : prévenir le médecin"},
    BLOOD_BANK: {"en": "REACTION: report it to the blood bank", "fr": "RÉACTION : la déclarer à l’hémovigilance"},
}
"""What a reaction asks of which alone is still to be told of it (`Sign.REACTION`): "tell the doctor"
was said after the doctor had been told and had acknowledged it."""
EARLIER = {"en": "first at {time}: {changed}", "fr": "d’abord à {time} : {changed}"}
"""A possible reaction's first set, said after its latest one (`Sets.said`)."""
CHANGED: Mapping[str, Mapping[str, str]] = {
    "temperature": {"en": "temperature {value}, {change} °C", "fr": "température {value}, {change} °C"},
    "systolic_bp": {"en": "systolic {value}, {change}", "fr": "systolique {value}, {change}"},
    "pulse": {"en": "pulse {value}, {change}", "fr": "pouls {value}, {change}"},
    "respiratory_rate": {"en": "breathing rate {value}, {change}", "fr": "fréquence respiratoire {value}, {change}"},
    SPO2: {"en": "SpO2 {value}, {change}", "fr": "SpO2 {value}, {change}"},
}
"""A reading that changed (`Changed`), `{change}` from the set before the unit (`MOVED`)."""
MOVED = {"up": {"en": "up {change}", "fr": "+{change}"}, "down": {"en": "down {change}", "fr": "−{change}"}}
"""Which way a reading moved from the set before the unit, by how much ("?" with none, said the way
the reading alarms: `FALLING`): a systolic of 88 risen from 82 was said "down 6"."""
FALLING = frozenset({"systolic_bp", SPO2})
"""The readings that alarm by falling."""


@dataclass(frozen=True)
class Unit:
    """A unit as its start and end records say it: `ended_at` None while it runs; `unreported`
    a reaction not yet told to the doctor or not yet reported to the blood bank; `collected_at`
    when it left the blood fridge, when known; `noted_at` when its end, saying no reaction with
    the reason under Notes, was last recorded (None for any other end): the doctor's judgement a
    mild sign after the unit is answered by (`signs`). Restarted, `started_at` is its restart's
    (its 15-minute set is asked again) and `first_started_at` its first start's: its set before
    the unit is the one before then, and every set since is read against it (`sets_of`); watched
    from the restart, the set that had stopped it became its baseline."""

    started_at: datetime
    ended_at: datetime | None
    reaction: bool
    unreported: bool
    collected_at: datetime | None = None
    noted_at: datetime | None = None
    first_started_at: datetime | None = None

    @property
    def watched_from(self) -> datetime:
        """When the unit was first started, its sets read from then on (`sets_of`)."""
        return self.first_started_at or self.started_at

    @property
    def running(self) -> bool:
        return self.ended_at is None

    @property
    def first_set_due(self) -> datetime:
        return elapsed.later(self.started_at, FIRST_SET_AT)

    @property
    def over_at(self) -> datetime:
        """4 hours after it left the fridge, else after its first start (`watched_from`): from a
        restart, a unit out since 09:00 read as in time until 15:00."""
        return elapsed.later(self.collected_at or self.watched_from, LONGEST)

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


_HOURS, _MINUTES = r"(?:h|hrs?|hours?|heures?)\.?", r"(?:mins?|minutes?|mn)\.?"
_SPAN = re.compile(rf"""(?<![\w.,]) (\d+(?:[.,]\d+)?) \s*
    (?: {_HOURS} (?: \s* (?:and\s+|et\s+)? (\d{{1,2}}) \s* {_MINUTES} | \s* ([0-5]\d) )?  # "4 hours 15 min", "1h30"
      | ({_MINUTES}) ) (?!\w)""", re.IGNORECASE | re.VERBOSE)
"""A span written in a prescription's "each over": hours ("2 hours", "2 h", "2 heures"), with
their minutes ("4 hours 15 min", "1h30", "2 heures 30"), or minutes alone ("90 min")."""


_READ_AT_MOST = timedelta(days=366)
"""Any longer span is read as this: past any prescription, and within what a timedelta holds
("99999999999 hours" stopped the save on an OverflowError)."""


def prescribed_over(text: str) -> timedelta | None:
    """The longest span written in a prescription's "each over" (`_SPAN`: "3-4 hours" is 4), None
    where none is ("stat", "as fast as possible"): a unit prescribed over longer than `LONGEST`
    cannot be given as written, and runs past its 4 hours out of the fridge."""
    at_most = _READ_AT_MOST / timedelta(minutes=1)
    spans = [timedelta(minutes=min(at_most, float(amount.replace(",", ".")) * (1 if alone else 60)
                                   + int(minutes or written or 0)))
             for amount, minutes, written, alone in _SPAN.findall(text)]
    return max(spans, default=None)


Readings = Mapping[str, float]
"""A set's readings by the NEWS2 form's field ids (`READINGS`, `SPO2`), with its `SCALE_2` and
`RECORDED` where known."""


@dataclass(frozen=True)
class Changed:
    """A reading of a set taken while the unit ran that may be a reaction: `change` how far from
    the set before the unit (None when there was none, the reading alarming alone)."""

    reading: str
    value: float
    change: float | None
    low_before: bool = False
    """Whether the reading was at its alarming value already before the unit (a systolic of 90 or
    under since a bleed) and is a little lower at most (`LOW_BEFORE_FALL`): a sign the doctor may judge
    no reaction, asked why under Notes (`serious`)."""

    def said(self, lang: str) -> str:
        falling = self.reading in FALLING if not self.change else self.change < 0
        change = "?" if self.change is None else f"{abs(self.change):g}"
        return CHANGED[self.reading][lang].format(value=f"{self.value:g}",
                                                  change=MOVED["down" if falling else "up"][lang].format(change=change))


@dataclass(frozen=True)
class Alarm:
    """A set taken after a unit ended whose readings may be a reaction (`changed`), taken at `at`
    and saved at `recorded_at`."""

    at: datetime
    changed: tuple[Changed, ...]
    recorded_at: datetime


@dataclass(frozen=True)
class Sets:
    """Which of the unit's observation sets were taken (`first_at`, `end_at`: when, or None);
    `changed_at` the latest set taken while it ran, or in the hour after its end, whose readings
    may be a reaction (`changed`), None when none, or after its end the latest serious one of those
    its end does not answer (`unanswered`), else the latest of them, else the latest serious one
    where there is one (`serious`: a set of 39.6 °C and a systolic of 78 after the unit was said no
    more once a pulse of 112 was charted after it; a fever unanswered was named by the pulse after
    it the doctor had judged); `first_changed_at` and `first_changed` the first
    such set where it is an earlier one: a set of 39.8 °C and a systolic of 76 was hidden behind a
    mild 38.1 °C an hour before it. `after_end` those taken after the unit ended, oldest first;
    `judged` the readings of the sets taken while it ran that may be a reaction, which its end
    answers."""

    baseline: bool
    first_at: datetime | None
    end_at: datetime | None
    changed_at: datetime | None = None
    changed: tuple[Changed, ...] = ()
    first_changed_at: datetime | None = None
    first_changed: tuple[Changed, ...] = ()
    after_end: tuple[Alarm, ...] = ()
    judged: frozenset[str] = frozenset()

    def unanswered(self, unit: Unit) -> tuple[Alarm, ...]:
        """The sets after the unit that may be a reaction its end, saying no reaction with the
        reason under Notes (`Unit.noted_at`), does not answer: a serious one (`serious`), or a mild
        one showing other signs than while the unit ran and saved after that judgement was written.
        A pulse of 112 throughout, judged no reaction by the doctor, was asked after the unit for
        ever unless a false reaction was reported; a serious set was no longer asked once a milder
        one followed it, and an end typed late answered a set typed after it, from its taken time."""
        noted = unit.noted_at
        return tuple(alarm for alarm in self.after_end
                     if noted is None or serious(alarm.changed)
                     or not ({one.reading for one in alarm.changed} <= self.judged
                             or elapsed.instant(noted) >= elapsed.instant(alarm.recorded_at)))

    def answered(self, unit: Unit) -> bool:
        """Whether the unit's end answers every set after it that may be a reaction (`unanswered`)."""
        return not self.unanswered(unit)

    def said(self, lang: str, time: Callable[[datetime], str]) -> str:
        """The readings of the latest set that may be a reaction, then those of the first where it
        is an earlier one, its time as `time` writes it."""
        latest = ", ".join(one.said(lang) for one in self.changed)
        if self.first_changed_at is None:
            return latest
        return f"{latest}; " + EARLIER[lang].format(time=time(self.first_changed_at),
                                                    changed=", ".join(one.said(lang) for one in self.first_changed))


def changed(before: Readings | None, during: Readings, band: AgeBand | None = None) -> tuple[Changed, ...]:
    """The readings a set taken during a unit gives (any of them) that may be a reaction, each
    against its latest value before the unit (`before`, as `around` says; None, or a reading not
    taken, the reading alone), a child's (`band` her PEWS age band, None for an adult) against the
    values of her age."""
    def change(reading: str) -> float | None:
        return None if before is None or before.get(reading) is None else round(during[reading] - before[reading], 1)

    def risen(reading: str, rise_by: float, alone: float) -> None:
        if (value := during.get(reading)) is None:
            return
        rise = change(reading)
        if (rise is not None and rise >= rise_by) or (rise is None and value >= alone):
            found.append(Changed(reading, value, rise))

    found = []
    if (value := during.get("temperature")) is not None:
        rise = change("temperature")
        if value >= FEVER or (rise is not None and rise >= FEVER_RISE):
            found.append(Changed("temperature", value, rise))
    if (value := during.get("systolic_bp")) is not None:
        fall = change("systolic_bp")
        low, floor, fell = ((LOW_SYSTOLIC, SHOCK_SYSTOLIC, SYSTOLIC_FALL) if band is None else
                            (SYSTOLIC_BP[band].low2, SYSTOLIC_BP[band].low4 + 1,
                             CHILD_SYSTOLIC_FALL * (value - (fall or 0))))
        low_before = fall is not None and value - fall <= low
        if (fall is not None and -fall >= fell) or (value <= low and not (low_before and fall >= 0)):
            found.append(Changed("systolic_bp", value, fall,
                                 low_before and -fall <= LOW_BEFORE_FALL and value >= floor))
    risen("pulse", PULSE_RISE, HIGH_PULSE if band is None else HEART_RATE[band].high4)
    risen("respiratory_rate", BREATHING_RISE, HIGH_BREATHING if band is None else RESPIRATORY_RATE[band].high4)
    if (value := during.get(SPO2)) is not None:
        fall = change(SPO2)
        low = LOW_SPO2_SCALE_2 if during.get(SCALE_2) else LOW_SPO2
        low_before = before is not None and before.get(SPO2) is not None and before[SPO2] < low
        if (fall is not None and -fall >= SPO2_FALL) or (value < low and not low_before):
            found.append(Changed(SPO2, value, fall))
    return tuple(found)


def mild(found: Sequence[Changed]) -> bool:
    """Whether readings that may be a reaction (`changed`) are a mild one's as the BSH's guideline
    (2023) grades it: an isolated temperature of 38 °C to under 39 °C, up under 2 °C (`HIGH_FEVER`;
    a rash or an itch alone shows in no reading), or a pressure as low before the unit and a little
    lower since (`Changed.low_before`, no new sign). Any other sign with it, a pulse up included,
    makes it moderate or severe: the guideline's mild reaction has none, and only a mild one is
    restarted (services.transfusion._check_serious_sets)."""
    return all(one.low_before or (one.reading == "temperature" and one.value < HIGH_FEVER
                                  and (one.change is None or one.change < HIGH_FEVER_RISE))
               for one in found)


def serious(found: Sequence[Changed]) -> bool:
    """Whether readings that may be a reaction (`changed`) are those of a moderate or severe one
    (`mild`) whatever the pulse says: a temperature of 39 °C or more, or up 2 °C or more, a low or
    fallen blood pressure, breathing or saturation. A pulse up alone, or with a mild fever, is
    asked why under Notes where an end says no reaction, and not refused: the doctor may judge it
    none (services.transfusion._check_no_reaction)."""
    return not mild([one for one in found if one.reading != "pulse"])


def complete(readings: Readings) -> bool:
    """Whether a set gives every reading a unit asks (`READINGS`): only such a set counts as the
    baseline, the 15-minute or the end set; any reading is read for a reaction (`around`)."""
    return all(readings.get(reading) is not None for reading in READINGS)


def around(started_at: datetime, ended_at: datetime | None, readings: Mapping[datetime, Readings],
           after: timedelta = timedelta(0),
           next_start: datetime | None = None) -> tuple[Readings | None, list[tuple[datetime, Readings]]]:
    """The latest value of each reading taken in the hour before a unit started (None when none),
    and the readings of the sets taken after its start until its end (or now), or `after` it but
    before `next_start` (the patient's next unit started at or after its end, whose sets they are
    from then on: a reaction to the second of two units back to back was asked of the first for
    ever; one started and ended while it ran takes none of them), oldest first, each with
    those it gives: what `changed` compares. Read reading by reading: a
    temperature of 40.1 °C taken alone while a unit ran, its breathing rate not yet counted, was
    not read, and the unit was restarted."""
    start = elapsed.instant(started_at)
    end = None if ended_at is None else elapsed.instant(ended_at) + after
    if end is not None and next_start is not None:
        end = max(elapsed.instant(ended_at), min(end, elapsed.instant(next_start) - timedelta(microseconds=1)))
    moments = sorted((elapsed.instant(at), at) for at in readings)
    before: dict[str, float] = {}
    for instant, at in moments:
        if start - BASELINE_WITHIN <= instant <= start:
            before.update(readings[at])
    during = [(at, readings[at]) for instant, at in moments if instant > start and (end is None or instant <= end)]
    return (before or None), during


def sets_of(unit: Unit, taken: Sequence[datetime], readings: Mapping[datetime, Readings] | None = None,
            band: AgeBand | None = None, next_start: datetime | None = None) -> Sets:
    """The unit's sets among the patient's full sets `taken` (`complete`): one in the hour before
    its first start (or at it, `Unit.watched_from`), the first from 10 minutes after its latest
    start until the end, the first at or after the end (late or not: once taken it is no longer
    asked); with the `readings` of every set where given, full or not, the first and the latest set
    taken since its first start while it runs, or in the hour
    after its end until `next_start` (`around`), that may be a reaction against each reading's
    latest value before it (`changed`, `band` as it says), and those after its end (`Sets.after_end`,
    saved when their `RECORDED` reading says). Compared as instants: a unit started the night the clocks
    change is timed in real minutes."""
    start, since = elapsed.instant(unit.started_at), elapsed.instant(unit.watched_from)
    end = None if unit.ended_at is None else elapsed.instant(unit.ended_at)
    moments = sorted((elapsed.instant(at), at) for at in taken)
    baseline = any(since - BASELINE_WITHIN <= instant <= since for instant, _ in moments)
    first = next((at for instant, at in moments if instant >= start + FIRST_SET_FROM
                  and (end is None or instant < end)), None)
    after = None if end is None else next((at for instant, at in moments if instant >= end), None)
    before, during = around(unit.watched_from, unit.ended_at, readings or {}, END_SET_WITHIN, next_start)
    alarming = [(at, found, taken) for at, taken in during if (found := changed(before, taken, band))]
    if not alarming:
        return Sets(baseline, first, after)
    after_end = tuple(Alarm(at, found, at if RECORDED not in taken
                            else datetime.fromtimestamp(taken[RECORDED], elapsed.instant(at).tzinfo))
                      for at, found, taken in alarming if end is not None and elapsed.instant(at) > end)
    first_changed_at, first_changed, _ = alarming[0]
    judged = frozenset(one.reading for at, found, _ in alarming for one in found
                       if end is None or elapsed.instant(at) <= end)
    named = Sets(baseline, first, after, after_end=after_end, judged=judged).unanswered(unit) or after_end
    latest_at, latest = next(((alarm.at, alarm.changed) for alarm in reversed(named) if serious(alarm.changed)),
                             alarming[-1][:2] if not named else (named[-1].at, named[-1].changed))
    earlier = elapsed.instant(first_changed_at) < elapsed.instant(latest_at)
    return Sets(baseline, first, after, latest_at, latest, first_changed_at if earlier else None,
                first_changed if earlier else (), after_end, judged)


def signs(unit: Unit, found: Sets, at: datetime) -> list[tuple[Sign, datetime | None]]:
    """What the unit asks at `at`, each with when it fell due (None for one that has no time),
    the most urgent first. A set missed while the unit ran is not asked once it has ended: the
    set after the end is, and read: one that may be a reaction is asked until the unit's end says
    a reaction (a set of 39.6 °C and a systolic of 78 ten minutes after the end was ticked as
    taken), or answers a mild one (`Sets.answered`). One while it ran is the end's to answer
    (services.transfusion.check)."""
    now = elapsed.instant(at)
    said: list[tuple[Sign, datetime | None]] = []
    # A restarted unit's sets before its restart were answered by the stop the restart followed.
    if unit.running and found.changed_at is not None \
            and elapsed.instant(found.changed_at) > elapsed.instant(unit.started_at):
        said.append((Sign.POSSIBLE_REACTION, found.changed_at))
    if not unit.running and found.after_end and not unit.reaction and not found.answered(unit):
        said.append((Sign.REACTION_AFTER, found.changed_at))
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

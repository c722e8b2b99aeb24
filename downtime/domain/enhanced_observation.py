"""The enhanced care chart's rules (forms/enhanced_observation.yaml): the level standing, when its
next log entry is due, when it is due for review, and what the Deprivation of Liberty Safeguards
ask of it. Pure: the service reads the records and says it on the ward's lists.

The levels are the local enhanced care ("specialling") policy's, as acute trusts' policies adopt
them after NICE NG10 (2015, section 1.4, on observation), which was written for mental health
settings and whose own terms (low-level and high-level intermittent, within eyesight, within
arm's length) and frequencies could not be checked against its text here: general observation
(low-level intermittent: the patient seen at least every 60 minutes), high-level intermittent
(every 15 or 30 minutes: the decision says which), within eyesight and within arm's length (both
continuous, one member of staff, or two at arm's length). A continuous level's watch is written
up each hour on the paper chart, as the trusts' charts ask (`CONTINUOUS_ENTRY_EVERY`): the log
entry is what a continuous level leaves behind. The review interval is the local policy's (at
least every 24 hours, many trusts each shift): the decision says when, and the lists ask for the
review once that time comes; no interval is refused, the policy not being the law.

A confused patient kept on the ward under continuous supervision and control AND not free to
leave is deprived of their liberty (the "acid test", P v Cheshire West and Chester Council [2014]
UKSC 19); lacking capacity to consent to those arrangements, the hospital (the managing authority)
needs an authorisation under the Mental Capacity Act 2005 Schedule A1: it may grant itself an
urgent authorisation while it requests a standard one from the local authority (the supervisory
body) (para 76), for the period it decides, at most 7 days (para 78, `URGENT_LASTS`), keeping a
written record of why it gave it (para 82); one urgent authorisation per detention (para 77),
which the supervisory body may extend once by up to 7 days, and only once the standard
authorisation has been requested (paras 84-85, `EXTENSION_AT_MOST`). The authorisation is of the
person's detention in this hospital, not of a level: it stands through the stay whatever level is
set, stopped or set again. DoLS is for a person aged 18 or over (para 13, the age requirement:
`DOLS_FROM_AGE`), judged at each DoLS time: a child deprived of liberty needs another route
(`Route`): at 16 or 17, whom the rest of the Mental Capacity Act covers (s.2(5)), the Court of
Protection or the Mental Health Act; under 16, the High Court's inherent jurisdiction or the
Mental Health Act, their capacity judged by Gillick competence, not an assessment under the Act
(domain.capacity.mca_applies). The Liberty Protection Safeguards that were to replace
DoLS were postponed in April 2023: DoLS stands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.capacity import mca_applies
from downtime.domain.clock import answered_at, ward_day
from downtime.domain.fluid_balance import DAY_STARTS


class Kind(StrEnum):
    DECISION = "decision"
    ENTRY = "entry"


class Decided(StrEnum):
    SET = "set"
    CHANGED = "changed"
    REVIEWED = "reviewed"
    STOPPED = "stopped"


class Level(StrEnum):
    GENERAL = "general"
    INTERMITTENT = "intermittent"
    EYESIGHT = "eyesight"
    ARMS_LENGTH = "arms_length"


CONTINUOUS = frozenset({Level.EYESIGHT, Level.ARMS_LENGTH})
GENERAL_EVERY = timedelta(minutes=60)
"""General observation: seen at least every 60 minutes (NG10)."""
CONTINUOUS_ENTRY_EVERY = timedelta(minutes=60)
"""A continuous level's written entry: each hour, as the trusts' paper charts ask."""
URGENT_LASTS = timedelta(days=7)
"""Schedule A1 para 78: an urgent authorisation is in force for the period the hospital decides,
at most 7 days."""
EXTENSION_AT_MOST = timedelta(days=7)
"""Schedule A1 para 84: extended once, by up to 7 days."""
ARRANGEMENTS_ASSESSED = ("arrangement", "dols", "liberty", "liberté", "deprivation", "privation", "stay",
                         "accommodat", "on the ward", "rester", "séjour", "dans le service", "hospitalisation", "hospitalization")
"""The words that name, in a capacity assessment of "another decision" (domain.capacity.of_other_named),
the decision the lack of capacity to consent rests on: to the arrangements for the person's care
and treatment in the hospital, which deprive them of liberty (Schedule A1 para 15, the mental
capacity requirement). An assessment of their medicines says nothing of it (MCA s.2(1)). Kept
narrow: a word matched wrongly would offer another decision's assessment as the ground; one
missed only asks the ward to record it."""
DOLS_FROM_AGE = 18
"""Schedule A1 para 13: the age requirement, 18 or over."""
SHEET_LASTS = timedelta(hours=12)
"""A sheet of the paper log: the day's twelve hours from 07:00, the night's from 19:00
(pdf.enhanced_observation)."""


class Route(StrEnum):
    """What can authorise a person's deprivation of liberty on the ward, by their age."""

    DOLS = "dols"
    """18 or over (para 13)."""
    COURT_OF_PROTECTION = "court_of_protection"
    """16 or 17: the Court of Protection, or the Mental Health Act."""
    HIGH_COURT = "high_court"
    """Under 16: the High Court's inherent jurisdiction, or the Mental Health Act."""


def route(born: date | None, at: datetime) -> Route:
    """What can authorise the detention at `at` of a person born `born` (None: not known, taken as
    an adult, as the ward's other age rules take it)."""
    if born is None or age_in_years(born, ward_day(at)) >= DOLS_FROM_AGE:
        return Route.DOLS
    return Route.COURT_OF_PROTECTION if mca_applies(born, at) else Route.HIGH_COURT


AUTHORISATIONS = ("urgent_granted_at", "urgent_ends_at", "standard_requested_at", "extended_until",
                  "standard_granted_at")
"""The DoLS answers that time an authorisation: the urgent one's grant and end, the standard one's
request, the urgent one's extension's end, the standard one's grant (`Authorisations`)."""


@dataclass(frozen=True)
class Authorisations:
    """The DoLS authorisations' times (`AUTHORISATIONS`), as one decision writes them or as the
    decisions of the stay stand (`Liberty`): held once, read alike."""

    urgent_granted_at: datetime | None
    urgent_ends_at: datetime | None
    standard_requested_at: datetime | None
    extended_until: datetime | None
    standard_granted_at: datetime | None

    @property
    def expires(self) -> datetime | None:
        """When the urgent authorisation ends: its extension's end, else the end the hospital gave it."""
        if self.urgent_granted_at is None:
            return None
        return self.extended_until or self.urgent_ends_at

    def authorised(self, at: datetime) -> bool:
        """A standard authorisation granted, or an urgent one in force at `at`."""
        return self.standard_granted_at is not None or (
            self.expires is not None and not elapsed.reached(self.expires, at))


@dataclass(frozen=True)
class Decision:
    """One decision on the level, as its answers stand: `level` None once stopped."""

    at: datetime
    decided: Decided
    level: Level | None
    every: timedelta | None
    """How often the patient is seen (intermittent, general) or the watch written up (continuous)."""
    two_staff: bool
    """Within arm's length, two staff (2:1)."""
    risks: tuple[str, ...]
    decided_by: str
    review_by: datetime | None
    supervised: bool | None
    not_free_to_leave: bool | None
    lacks_capacity: bool | None
    authorisations: Authorisations
    """The DoLS times this decision writes."""

    @property
    def stopped(self) -> bool:
        return self.decided is Decided.STOPPED

    @property
    def acid_test(self) -> bool:
        """Under continuous supervision and control AND not free to leave (Cheshire West)."""
        return self.supervised is True and self.not_free_to_leave is True


def every(level: Level, interval_minutes: str | None) -> timedelta:
    """How often a level asks a log entry: intermittent by its decision's 15 or 30 minutes."""
    if level is Level.INTERMITTENT:
        return timedelta(minutes=int(interval_minutes or 15))
    return CONTINUOUS_ENTRY_EVERY if level in CONTINUOUS else GENERAL_EVERY


def decision_of(data: Mapping[str, Any]) -> Decision:
    """A saved decision's answers read."""
    level = Level(data["level"]) if data.get("level") else None
    return Decision(
        at=datetime.fromisoformat(data["noted_at"]), decided=Decided(data["decision"]), level=level,
        every=every(level, data.get("interval_minutes")) if level else None,
        two_staff=bool(data.get("two_staff")), risks=tuple(data.get("risks") or ()),
        decided_by=" ".join(str(data.get("decided_by") or "").split()), review_by=answered_at(data, "review_by"),
        supervised=data.get("supervised"), not_free_to_leave=data.get("not_free_to_leave"),
        lacks_capacity=data.get("lacks_capacity"),
        authorisations=Authorisations(**{name: answered_at(data, name) for name in AUTHORISATIONS}))


@dataclass(frozen=True)
class Liberty(Authorisations):
    """What the decisions of the stay say of DoLS: the acid test and capacity as the latest
    decision answers them, each authorisation's time as the latest decision writing it."""

    acid_test: bool
    lacks_capacity: bool | None

    @property
    def deprived(self) -> bool:
        """Deprived of liberty with no capacity to consent: what DoLS authorises."""
        return self.acid_test and self.lacks_capacity is True


@dataclass(frozen=True)
class Watch:
    """The level standing: its latest decision, how often it asks an entry, the decisions since it
    was set (oldest first), the decisions of the stay so far (`stay`: the DoLS authorisation is of
    the detention, not of the level), and the log entries' times since it was set or changed."""

    latest: Decision
    level: Level
    every: timedelta
    since: datetime
    """When the level now standing was set or last changed: the log's clock starts there."""
    decisions: tuple[Decision, ...]
    stay: tuple[Decision, ...]
    entries: tuple[datetime, ...]

    @property
    def next_entry_due(self) -> datetime:
        """The latest entry since the level was set or changed (else that moment) and the level's
        interval: on a watch across the night the clocks change, an hour is an hour."""
        return elapsed.later(max((*self.entries, self.since), key=elapsed.instant), self.every)

    @property
    def last_entry(self) -> datetime | None:
        return max(self.entries, key=elapsed.instant) if self.entries else None

    def review_due(self, at: datetime) -> bool:
        return elapsed.reached(self.latest.review_by, at)

    @property
    def liberty(self) -> Liberty:
        return Liberty(acid_test=self.latest.acid_test, lacks_capacity=self.latest.lacks_capacity,
                       **{name: written(self.stay, name) for name in AUTHORISATIONS})


def written(decisions: Sequence[Decision], name: str) -> datetime | None:
    """The DoLS time `name` (`AUTHORISATIONS`) as the latest of `decisions` (oldest first) writing
    it: a later decision leaves it blank for the earlier to stand."""
    return next((moment for one in reversed(decisions) if (moment := getattr(one.authorisations, name)) is not None),
                None)


def standing(decisions: Sequence[Decision], entries: Sequence[datetime], at: datetime) -> Watch | None:
    """The level standing at `at` (`decisions` and `entries` oldest first, those of the present
    stay): None with no decision by then, or the latest stopping it. Its decisions are those since
    it was last set after a stop."""
    made = [one for one in decisions if elapsed.instant(one.at) <= elapsed.instant(at)]
    if not made or made[-1].level is None or made[-1].every is None:
        return None
    start = max((index for index, one in enumerate(made) if one.stopped), default=-1) + 1
    episode = tuple(made[start:])
    since = next(one.at for one in reversed(episode) if one.decided in (Decided.SET, Decided.CHANGED)
                 or one is episode[0])
    return Watch(episode[-1], made[-1].level, made[-1].every, since, episode, tuple(made),
                  tuple(moment for moment in entries
                        if elapsed.instant(since) <= elapsed.instant(moment) <= elapsed.instant(at)))


def in_force(decisions: Sequence[Decision], at: datetime) -> Decision | None:
    """The decision standing at `at`, stopping or not: None before any was made."""
    made = [one for one in decisions if elapsed.instant(one.at) <= elapsed.instant(at)]
    return made[-1] if made else None


def sheets(day: date, zone: tzinfo | None) -> tuple[tuple[datetime, datetime], tuple[datetime, datetime]]:
    """The start and end of the paper log's two sheets of the chart's `day` on the clock of `zone`
    (the ward's): its day, 07:00 to 19:00, and its night, to 07:00 the next day, hours on the wall
    clock the night the clocks change."""
    start = datetime.combine(day, DAY_STARTS, tzinfo=zone)
    return (start, start + SHEET_LASTS), (start + SHEET_LASTS, datetime.combine(day + timedelta(days=1), DAY_STARTS,
                                                                                   tzinfo=zone))


def kept_over(decisions: Sequence[Decision], start: datetime, end: datetime) -> tuple[Decision, ...]:
    """The decisions saying which watch was kept from `start` to `end` (`decisions` oldest first):
    the one standing at `start` if it keeps a level, then each made before `end` changing the level,
    its interval or its staff, or stopping it. A review keeping the level changes no watch; the
    level of a sheet printed later is of its own hours, not the one standing when it is printed."""
    kept: list[Decision] = []
    for one in decisions:
        if elapsed.instant(one.at) >= elapsed.instant(end):
            break
        if elapsed.instant(one.at) <= elapsed.instant(start):
            kept = [one] if one.level is not None else []
        elif (not kept and one.level is not None) or (kept and watch_of(one) != watch_of(kept[-1])):
            kept.append(one)
    return tuple(kept)


def watch_of(decision: Decision) -> tuple[Level | None, timedelta | None, bool]:
    """What a decision asks of the watch: its level, how often, two staff (a review keeps them)."""
    return decision.level, decision.every, decision.two_staff

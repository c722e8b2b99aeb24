"""The fluid balance chart's arithmetic: each volume measured in or out placed in its hour of
the chart's day, each column totalled, and the balance carried from hour to hour, as the nurse
adds them up on paper at the end of a shift (and most often gets a sum wrong).

The chart's day runs from 07:00 to 07:00 on the ward's clock, as the paper chart's rows do: a
volume measured at 03:00 on the 4th is on the 3rd's chart. Hours are wall-clock hours: on the
night the clocks go back, the two hours the clock shows twice share one row (01:00 in the UK,
02:00 in France), as they would on paper.

Also a patient's urine output against their weight (KDIGO's acute kidney injury by urine: less
than 0.5 mL/kg/h for 6 hours), judged only where the urine is measured every hour (a catheter's
bag read hourly): a patient who passes urine now and then has no hourly figure to judge, and a
missed hour is not taken for an empty one. No urine at all in the 6 hours (anuria) is judged
without a weight: a patient never weighed (unconscious, no hoist scale) with an empty bag each
hour was told of nowhere; nor was one whose urine is below 0.5 mL/kg/h even at the lightest
weight their age allows (an adult's 5 mL an hour).

An output that could not be measured (a vomit in the bed, urine passed in a pad) is charted with
how much it looked (`AMOUNT_MARKS`) and no volume: shown in its hour as on paper ("++"), left out
of the sums and counted apart, as the paper chart's "V++" beside the figures.

Bladder irrigation (a three-way catheter after a prostate or bladder operation) runs in and comes
back out in the catheter's bag: it is not intake (charted as "other in", it made a false "OVER THE
FLUID RESTRICTION"), and the bag's true urine is what came out less the irrigant run in (a bag of
510 mL an hour with 500 mL of irrigant hid 10 mL an hour of urine)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from downtime.domain import elapsed
from downtime.domain.clock import ward_zone

INTAKE = ("in_oral", "in_iv", "in_enteral", "in_other")
"""What the patient takes in: what a restriction or a target measures."""
IRRIGATION = "in_irrigation"
"""Bladder irrigation run in: on the balance's in side, as it comes out in the urine bag, but no
intake (`INTAKE`), and taken off the urine the bag holds (`true_urine`)."""
OUTPUT = ("out_urine", "out_vomit", "out_drain", "out_stool", "out_other")
ROUTES = (*INTAKE, IRRIGATION, *OUTPUT)
AMOUNT_MARKS = {"small": "+", "medium": "++", "large": "+++"}
"""How much an output not measured looked (the form's `not_measured`), as the paper chart marks it."""
DAY_STARTS = time(7)
"""The hour the chart's day begins, that of the day shift's handover on most wards."""
HOURS = tuple((DAY_STARTS.hour + n) % 24 for n in range(24))
"""The chart's rows in their order, 07 to 06."""


@dataclass(frozen=True)
class Measure:
    """One volume in millilitres, in (`route` among `INTAKE`) or out (among `OUTPUT`); of an
    output not measured, None, and how much it looked (`amount`, a code of `AMOUNT_MARKS`)."""

    at: datetime
    route: str
    volume: int | None
    amount: str | None = None

    def __post_init__(self) -> None:
        if self.route not in ROUTES:
            raise ValueError(f"unknown fluid route {self.route!r}")
        if self.volume is None and (self.route not in OUTPUT or self.amount not in AMOUNT_MARKS):
            raise ValueError(f"no volume for {self.route!r}, and no amount of an output not measured")
        if self.volume is not None and self.volume < 0:
            raise ValueError(f"negative volume {self.volume}")


def chart_day(at: datetime) -> date:
    """The date of the chart `at` is written on: before 07:00, the day before's, on the ward's
    clock (`chart_hour`)."""
    local = at.astimezone(ward_zone(None))
    return (local - timedelta(days=1)).date() if local.time() < DAY_STARTS else local.date()


def chart_hour(at: datetime) -> int:
    """The hour row (`HOURS`) `at` is written in, on the ward's clock whatever offset it was stored
    with: a bag hung at 07:30 typed on a laptop set to UTC (06:30+00:00) went in the day before's
    06:00 row, a false "OVER THE FLUID RESTRICTION" of that day and the new day a litre short."""
    return at.astimezone(ward_zone(None)).hour


def day_hours(day: date, zone: tzinfo | None) -> int:
    """The real hours of the chart of `day` on the clock of `zone` (its rules: Europe/Paris, not
    +01:00): 25 the night the clocks go back, 23 the night they go forward, else 24, as with no
    zone. Its sums, and a restriction "in 24 hours" judged on them, hold an hour more or less."""
    if zone is None:
        return 24
    start, end = (datetime.combine(one, DAY_STARTS, tzinfo=zone) for one in (day, day + timedelta(days=1)))
    return round(elapsed.between(start, end) / timedelta(hours=1))


@dataclass(frozen=True)
class Hour:
    """One row: what went in and out by route in the hour starting at `hour` o'clock, and the
    balance since the chart's day began (intake and irrigation in, minus out) at the end of it;
    `unmeasured`, the amounts of the outputs not measured by route, in the order charted."""

    hour: int
    volumes: Mapping[str, int]
    intake: int
    output: int
    balance: int
    irrigation: int = 0
    unmeasured: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def measured(self) -> bool:
        """Whether anything was charted in the hour, measured or not."""
        return bool(self.volumes or self.unmeasured)


@dataclass(frozen=True)
class FluidDay:
    """A chart's day: its 24 rows (`HOURS` order), the total of each route and of each side, and
    the bladder irrigation run in (not intake)."""

    day: date
    hours: tuple[Hour, ...]
    totals: Mapping[str, int]
    intake: int
    output: int
    irrigation: int = 0
    measures: tuple[Measure, ...] = ()
    """The day's volumes as charted, for what is judged by their times and not their hour rows."""

    @property
    def balance(self) -> int:
        return self.intake + self.irrigation - self.output

    @property
    def true_urine(self) -> int:
        """The urine the bag held less the irrigant run in up to its last reading (`true_urine`,
        `irrigant_read`): a 3 L bag hung at 12:30 after the 12:00 reading was taken off the urine
        it had not yet run into, and a bag holding 100 mL of urine read "true urine 0 mL"."""
        return true_urine(self.totals.get("out_urine", 0), self.irrigant_read)

    @property
    def irrigant_retained(self) -> int:
        """The irrigant run in up to the last urine reading that the bag has not given back (0 mL
        when it has, or no urine is charted): left in the bladder, a blocked catheter or clot
        retention, which read "true urine 0 mL"."""
        return max(0, self.irrigant_read - self.totals.get("out_urine", 0))

    @property
    def irrigant_read(self) -> int:
        """The irrigant run in up to the bag's last urine reading (0 mL with no reading). Irrigant
        charted after it has not yet had the time to come back, even in the reading's hour: a 3 L
        bag hung at 12:30 after the 12:00 reading read "IRRIGANT NOT RETURNED", the doctor called
        for a bag just up."""
        read = [elapsed.instant(one.at) for one in self.measures if one.route == "out_urine" and one.volume is not None]
        if not read:
            return 0
        last = max(read)
        return sum(one.volume for one in self.measures
                   if one.route == IRRIGATION and one.volume is not None and elapsed.instant(one.at) <= last)

    @property
    def urine_charted(self) -> bool:
        """Whether a bag's volume of urine was charted: irrigation with no bag charted yet says
        nothing of the urine, nor does urine passed not measured (no true urine comes of it)."""
        return any("out_urine" in hour.volumes for hour in self.hours)

    @property
    def unmeasured(self) -> dict[str, tuple[str, ...]]:
        """The amounts of the day's outputs not measured, by route (`OUTPUT` order), none in the sums."""
        return {route: amounts for route in OUTPUT
                if (amounts := tuple(amount for hour in self.hours for amount in hour.unmeasured.get(route, ())))}

    @property
    def measured(self) -> bool:
        return any(hour.measured for hour in self.hours)

    @property
    def last_hour(self) -> Hour | None:
        """The last row anything was measured in: how far the chart has been kept."""
        return next((hour for hour in reversed(self.hours) if hour.measured), None)


def fluid_day(day: date, measures: Iterable[Measure]) -> FluidDay:
    """The chart of `day` (those of `measures` on another day's chart are left out)."""
    by_hour: dict[int, dict[str, int]] = {hour: {} for hour in HOURS}
    unmeasured: dict[int, dict[str, tuple[str, ...]]] = {hour: {} for hour in HOURS}
    on_day = tuple(measure for measure in measures if chart_day(measure.at) == day)
    for measure in on_day:
        if measure.volume is None:
            seen = unmeasured[chart_hour(measure.at)]
            seen[measure.route] = (*seen.get(measure.route, ()), str(measure.amount))
            continue
        volumes = by_hour[chart_hour(measure.at)]
        volumes[measure.route] = volumes.get(measure.route, 0) + measure.volume
    rows, balance = [], 0
    for hour in HOURS:
        volumes = by_hour[hour]
        intake = sum(volumes.get(route, 0) for route in INTAKE)
        output = sum(volumes.get(route, 0) for route in OUTPUT)
        irrigation = volumes.get(IRRIGATION, 0)
        balance += intake + irrigation - output
        rows.append(Hour(hour, volumes, intake, output, balance, irrigation, unmeasured[hour]))
    totals = {route: sum(row.volumes.get(route, 0) for row in rows) for route in ROUTES}
    return FluidDay(day, tuple(rows), totals, sum(row.intake for row in rows), sum(row.output for row in rows),
                    totals[IRRIGATION], on_day)


def true_urine(bag: int, irrigation: int) -> int:
    """The urine of a bag that held `bag` mL with `irrigation` mL of irrigant run in: never below
    0 mL (more irrigant in than out is a blocked catheter, said apart: `FluidDay.irrigant_retained`)."""
    return max(0, bag - irrigation)


def signed_ml(volume: int) -> str:
    """A balance as the chart writes it: "+650 mL", "−1200 mL" (a true minus sign, which a
    hyphen's dash is too short to be read as on a faint copy), "0 mL"."""
    return f"{'+' if volume > 0 else '−' if volume < 0 else ''}{abs(volume)} mL"


OLIGURIA_BELOW = 0.5
"""Millilitres of urine per kilogram and hour."""
OLIGURIA_HOURS = 6
HOURLY = timedelta(minutes=75)
"""The longest time between two readings of a bag still read every hour: one read a few minutes
early or late is still hourly (a reading at 10:58 for 11:00 put two in the 10:00 hour and none
in the 11:00, and the check said nothing of six hourly readings)."""
JUDGED_FOR = timedelta(hours=2)
"""How long after the newest reading the readings are judged: until the next is an hour late, a
reading missed (not an empty bag); one a few minutes late does not silence a low urine output."""


@dataclass(frozen=True)
class UrineOutput:
    """The urine of the hourly readings from `since` to `until` (at least `OLIGURIA_HOURS`), and
    what it makes an hour per kilogram of `weight_kg` (None for a patient not weighed this stay);
    `lightest_kg`, the lightest the patient's age allows (domain.weight.lightest_kg; an adult's
    when `age_known` is False), None when not known: what a patient not weighed is judged
    against; `unmeasured`, the amounts
    (`AMOUNT_MARKS`) of the urine passed not measured in those hours, beside the bag and not in
    `volume`: a bag empty each hour with a wet pad is a blocked catheter bypassing, still called."""

    since: datetime
    until: datetime
    volume: int
    weight_kg: float | None
    lightest_kg: float | None = None
    unmeasured: tuple[str, ...] = ()
    age_known: bool = True

    @property
    def hours(self) -> float:
        return elapsed.between(self.since, self.until) / timedelta(hours=1)

    @property
    def per_kg_hour(self) -> float | None:
        return None if self.weight_kg is None else self.volume / self.weight_kg / self.hours

    @property
    def anuric(self) -> bool:
        """No urine at all in any of the hours (each measured 0 mL): the doctor is told whatever
        the patient weighs (KDIGO 2012, NICE NG148), and whether or not they were weighed; with
        urine passed not measured beside (`unmeasured`), none in the bag: a catheter bypassing."""
        return self.volume == 0

    @property
    def low_at_any_weight(self) -> bool:
        """Not weighed, and less than `OLIGURIA_BELOW` mL/kg/h even at `lightest_kg`: low whatever
        the patient weighs (5 mL an hour of an adult, 0.2 mL/kg/h at 25 kg)."""
        return (self.weight_kg is None and self.lightest_kg is not None
                and self.volume / self.lightest_kg / self.hours < OLIGURIA_BELOW)

    @property
    def low(self) -> bool:
        """Whether it calls the doctor: no urine at all, or less than `OLIGURIA_BELOW` mL/kg/h of
        the weight, or of any weight the patient not weighed may have (`low_at_any_weight`)."""
        rate = self.per_kg_hour
        return self.anuric or self.low_at_any_weight or (rate is not None and rate < OLIGURIA_BELOW)

    @property
    def moves_on(self) -> datetime:
        """When it is judged no more with no other reading (the next one missed: not an empty bag)."""
        return elapsed.later(self.until, JUDGED_FOR)


def urine_output(measures: Iterable[Measure], weight_kg: float | None, at: datetime,
                 lightest_kg: float | None = None, age_known: bool = True) -> UrineOutput | None:
    """The urine output of the last hourly urine readings up to `at` that cover `OLIGURIA_HOURS`,
    each reading the urine since the one before it (the first of a run, that of its hour); the
    bladder irrigation run in over the whole span taken off their sum once (`true_urine`): a 3 L
    bag charted once when it ran through, taken off only the reading of its hour and that one
    floored at 0 mL, left the five others' irrigant counted as urine and hid 60 mL in 6 hours.
    Judged by the span they cover, whichever
    clock-hour each fell in (readings on the hour judged on the last six, not from the hour before
    the last). None when a reading is missed (more than `HOURLY` between two of them, or
    `JUDGED_FOR` since the newest by `at`): a missed hour is not an empty one; 0 mL is a measure. Without a weight
    (None, or not above 0), it is judged by its volume alone (`UrineOutput.anuric`) and against
    `lightest_kg`, the lightest the patient's age allows (`UrineOutput.low_at_any_weight`; an
    adult's, said so, when not `age_known`). Urine
    passed not measured in the span (a pad soaked) is kept beside the bags' figures
    (`UrineOutput.unmeasured`), which are judged all the same: it left 6 empty bags of a blocked
    catheter, and an oliguric bag, unjudged and said nowhere."""
    now = elapsed.instant(at)
    read: dict[datetime, int] = {}
    irrigated: list[Measure] = []
    passed: list[tuple[datetime, str]] = []
    for measure in measures:
        if elapsed.instant(measure.at) > now:
            continue
        if measure.route == "out_urine" and measure.volume is None:
            passed.append((elapsed.instant(measure.at), str(measure.amount)))
        elif measure.route == "out_urine" and measure.volume is not None:
            moment = elapsed.instant(measure.at)
            read[moment] = read.get(moment, 0) + measure.volume
        elif measure.route == IRRIGATION:
            irrigated.append(measure)
    newest_first = sorted(read, reverse=True)
    if not newest_first or now - newest_first[0] >= JUDGED_FOR:
        return None
    weighed = weight_kg if weight_kg is not None and weight_kg > 0 else None
    bag, newest = 0, newest_first[0]
    for moment, before in zip(newest_first, [*newest_first[1:], None]):
        run_on = before is not None and moment - before <= HOURLY
        start = before if before is not None and run_on else moment - timedelta(hours=1)
        bag += read[moment]
        if newest - start >= timedelta(hours=OLIGURIA_HOURS):
            run_in = sum(one.volume for one in irrigated if start < elapsed.instant(one.at) <= newest)
            unmeasured = tuple(amount for when, amount in sorted(passed) if start < when <= newest)
            return UrineOutput(start.astimezone(at.tzinfo), newest.astimezone(at.tzinfo), true_urine(bag, run_in),
                               weighed, lightest_kg, unmeasured, age_known)
        if not run_on:
            break
    return None

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
hour was told of nowhere."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from downtime.domain import elapsed

INTAKE = ("in_oral", "in_iv", "in_enteral", "in_other")
OUTPUT = ("out_urine", "out_vomit", "out_drain", "out_stool", "out_other")
ROUTES = INTAKE + OUTPUT
DAY_STARTS = time(7)
"""The hour the chart's day begins, that of the day shift's handover on most wards."""
HOURS = tuple((DAY_STARTS.hour + n) % 24 for n in range(24))
"""The chart's rows in their order, 07 to 06."""


@dataclass(frozen=True)
class Measure:
    """One volume in millilitres, in (`route` among `INTAKE`) or out (among `OUTPUT`)."""

    at: datetime
    route: str
    volume: int

    def __post_init__(self) -> None:
        if self.route not in ROUTES:
            raise ValueError(f"unknown fluid route {self.route!r}")
        if self.volume < 0:
            raise ValueError(f"negative volume {self.volume}")


def chart_day(at: datetime) -> date:
    """The date of the chart `at` is written on: before 07:00, the day before's."""
    return (at - timedelta(days=1)).date() if at.time() < DAY_STARTS else at.date()


@dataclass(frozen=True)
class Hour:
    """One row: what went in and out by route in the hour starting at `hour` o'clock, and the
    balance since the chart's day began (in minus out) at the end of it."""

    hour: int
    volumes: Mapping[str, int]
    intake: int
    output: int
    balance: int

    @property
    def measured(self) -> bool:
        return bool(self.volumes)


@dataclass(frozen=True)
class FluidDay:
    """A chart's day: its 24 rows (`HOURS` order), the total of each route and of each side."""

    day: date
    hours: tuple[Hour, ...]
    totals: Mapping[str, int]
    intake: int
    output: int

    @property
    def balance(self) -> int:
        return self.intake - self.output

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
    for measure in measures:
        if chart_day(measure.at) == day:
            volumes = by_hour[measure.at.hour]
            volumes[measure.route] = volumes.get(measure.route, 0) + measure.volume
    rows, balance = [], 0
    for hour in HOURS:
        volumes = by_hour[hour]
        intake = sum(volumes.get(route, 0) for route in INTAKE)
        output = sum(volumes.get(route, 0) for route in OUTPUT)
        balance += intake - output
        rows.append(Hour(hour, volumes, intake, output, balance))
    totals = {route: sum(row.volumes.get(route, 0) for row in rows) for route in ROUTES}
    return FluidDay(day, tuple(rows), totals, sum(row.intake for row in rows), sum(row.output for row in rows))


def signed_ml(volume: int) -> str:
    """A balance as the chart writes it: "+650 mL", "−1200 mL" (a true minus sign, which a
    hyphen's dash is too short to be read as on a faint copy), "0 mL"."""
    return f"{'+' if volume > 0 else '−' if volume < 0 else ''}{abs(volume)} mL"


OLIGURIA_BELOW = 0.5
"""Millilitres of urine per kilogram and hour."""
OLIGURIA_HOURS = 6


@dataclass(frozen=True)
class UrineOutput:
    """The urine of the `OLIGURIA_HOURS` whole hours from `since`, and what it makes an hour per
    kilogram of `weight_kg` (None for a patient not weighed this stay)."""

    since: datetime
    volume: int
    weight_kg: float | None

    @property
    def per_kg_hour(self) -> float | None:
        return None if self.weight_kg is None else self.volume / self.weight_kg / OLIGURIA_HOURS

    @property
    def anuric(self) -> bool:
        """No urine at all in any of the hours (each measured 0 mL): the doctor is told whatever
        the patient weighs (KDIGO 2012, NICE NG148), and whether or not they were weighed."""
        return self.volume == 0

    @property
    def low(self) -> bool:
        """Whether it calls the doctor: no urine at all, or less than `OLIGURIA_BELOW` mL/kg/h."""
        rate = self.per_kg_hour
        return self.anuric or (rate is not None and rate < OLIGURIA_BELOW)

    @property
    def moves_on(self) -> datetime:
        """When the hours judged move on by one (what is judged changes then, with no measure)."""
        return elapsed.later(self.since, timedelta(hours=OLIGURIA_HOURS + 1))


def urine_output(measures: Iterable[Measure], weight_kg: float | None, at: datetime) -> UrineOutput | None:
    """The urine output of the last `OLIGURIA_HOURS` whole hours before `at` (at 14:20, from 08:00
    to 14:00, real hours the night the clocks change), when urine was measured in each of them
    (0 mL is a measure); None otherwise. Without a weight (None, or not above 0), it is judged
    by its volume alone (`UrineOutput.anuric`)."""
    end = elapsed.instant(at.replace(minute=0, second=0, microsecond=0))
    start = end - timedelta(hours=OLIGURIA_HOURS)
    hours: dict[int, int] = {}
    for measure in measures:
        moment = elapsed.instant(measure.at)
        if measure.route == "out_urine" and start <= moment < end:
            hour = int((moment - start) // timedelta(hours=1))
            hours[hour] = hours.get(hour, 0) + measure.volume
    if len(hours) < OLIGURIA_HOURS:
        return None
    weighed = weight_kg if weight_kg is not None and weight_kg > 0 else None
    return UrineOutput(start.astimezone(at.tzinfo), sum(hours.values()), weighed)

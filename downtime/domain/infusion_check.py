"""What a check of a running infusion or syringe driver finds, and when the next is due
(forms/infusion_check.yaml): the rules of the paper syringe-driver and infusion monitoring chart,
apart from the database (services.infusion_checks reads the bag, its rates and its checks, and
says these in words).

- The next check falls due CHECK_EVERY after the latest of the bag's set-up (its dose given:
  the volume and the rate are set and checked as it is put up) and its last check: NPSA RRR019
  (2010) and the Scottish Palliative Care Guidelines ("Syringe pumps") ask a check at set-up
  and at least every 4 hours. A change of rate does not count as a check: it looks at the pump
  alone, not at the volume left, the line or the site (a VRIII's rate changed hourly had its
  cannula looked at by no one).
- The volume left is judged since the previous check (its volume left, less what the rates ran
  in since), or since set-up for the first: the paper chart compares each line with the one
  before, and a bolus found and acted on once is not found again at every later check. It is off
  when it differs from what the rates ran in by more than VOLUME_SHARE of the latter, and by more
  than what the container's markings can tell (`reading_slack`): trust syringe-driver policies
  investigate a discrepancy over 10 % and tell the prescriber; below a millilitre a syringe's
  graduations cannot tell it, and a bag's are printed every 50 mL on a litre (BAG_MARKS_SHARE),
  which its overfill (a few per cent) hides too.
- The pump's rate is off when it differs from the rate last set (the bag's own, else its last
  change's) by RATE_SLACK_ML_H or more, the forms' rates being to a tenth of a mL/h. Not asked of
  a paused bag: a pump on hold shows the rate it will restart at.
- The site, the line or the pump is amiss as the nurse says it: a site other than healthy or
  resited, a VIP score of VIP_RESITE or more (Jackson 1998, as the line chart scores it), the
  line not intact, the pump not running or its battery low. A paused pump is not running on
  purpose: the form's version 2 asks whether it works (on hold, battery good), and a "No" at a
  paused or stopped bag is the pump itself faulty or its battery low (PUMP_FAULTY), which a check
  once it works again clears; a check answering version 1's question ("running") reads as it did
  (`InfusionCheck.asked_on_hold`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from downtime.domain import elapsed
from downtime.domain.devices import TREATED_VIP

CHECK_EVERY = timedelta(hours=4)
VOLUME_SHARE = 0.10
VOLUME_FLOOR_ML = 1.0
SYRINGE_AT_MOST_ML = 60.0
"""The largest syringe a pump or driver takes (50/60 mL): a container up to it is read as a syringe."""
BAG_MARKS_SHARE = 0.05
"""A bag's markings, as a share of its volume: every 50 mL on a 1 L bag, 25 mL on 500 mL, 5 mL on
100 mL; a bag also holds a few per cent of overfill, so its first hours read "more left than set"."""
RATE_SLACK_ML_H = 0.05
VIP_RESITE = 2
SITE_HEALTHY = frozenset({"ok", "resited"})
"""The site's codes that ask nothing: healthy, or resited at this check (the new site is)."""


class Finding(Enum):
    """Something a check found amiss, each asking the nurse to act and to say what was done."""

    FAST = "fast"
    """Less left than the rates leave: running faster than set (a free flow, a wrong rate)."""
    SLOW = "slow"
    """More left than the rates leave: not running as set (occluded, paused, a site tissued)."""
    RATE = "rate"
    """The pump shows another rate than the one set."""
    SITE = "site"
    LINE = "line"
    PUMP = "pump"
    PUMP_FAULTY = "pump_faulty"
    """A paused or stopped bag's pump that does not work on hold, or whose battery is low
    (`InfusionCheck.asked_on_hold`)."""

    @property
    def tell(self) -> bool:
        """Whether the guidance asks the prescriber or the nurse in charge told: a volume off or a
        wrong rate is a dose not given as prescribed; a site, a line or a pump is put right by
        the nurse (resited, reconnected, the pump changed)."""
        return self in (Finding.FAST, Finding.SLOW, Finding.RATE)


@dataclass(frozen=True)
class InfusionCheck:
    """One line of the chart, as its record says it."""

    record_id: str
    bag_id: str
    at: datetime
    volume_left_ml: float
    pump_rate_ml_h: float
    site: str
    vip: int | None
    line_intact: bool
    pump_working: bool
    asked_on_hold: bool
    """Whether `pump_working` answers the form's version-2 question, whether the pump works (on hold
    if paused), not version 1's, whether it runs: a paused pump could only answer the latter "No"."""
    action: str | None
    author: str
    device_id: str
    """Who wrote this version of the check, on which laptop: the chart signs a check with its first
    version's (services.infusion_checks.chart_lines), not with whoever amended it since."""


@dataclass(frozen=True)
class Expected:
    """What the bag's set-up and rates say at a check: the mL run in and left (None when the bag's
    volume or a rate of it is not known), and the rate set (0 paused; None not known)."""

    ran_in_ml: float | None
    left_ml: float | None
    rate_ml_h: float | None
    paused: bool = False
    """Paused, or stopped at the check's time: the pump shows the rate it will restart at, or ran at."""
    slack_ml: float = VOLUME_FLOOR_ML
    """What the container's markings cannot tell apart (`reading_slack`)."""


def reading_slack(volume_ml: float | None, syringe: bool) -> float:
    """The least volume off a check can tell: a syringe's millilitre (VOLUME_FLOOR_ML; a driver
    dosed in mg, its volume not known, is a syringe), a bag's markings (BAG_MARKS_SHARE of its
    volume)."""
    if syringe or volume_ml is None or volume_ml <= SYRINGE_AT_MOST_ML:
        return VOLUME_FLOOR_ML
    return max(VOLUME_FLOOR_ML, BAG_MARKS_SHARE * volume_ml)


def next_due(put_up: datetime, checks: Sequence[InfusionCheck]) -> datetime:
    """When the bag's next check falls due: CHECK_EVERY after its set-up or its last check."""
    return elapsed.later(max([put_up, *(check.at for check in checks)], key=elapsed.instant), CHECK_EVERY)


def volume_off(volume_left_ml: float, expected: Expected) -> Finding | None:
    """FAST or SLOW when the volume infused is off the volume run in by more than the tolerance
    (VOLUME_SHARE of it, at least the container's `slack_ml`); None within it, or not known."""
    if expected.ran_in_ml is None or expected.left_ml is None:
        return None
    difference = expected.left_ml - volume_left_ml
    if abs(difference) <= max(VOLUME_SHARE * expected.ran_in_ml, expected.slack_ml):
        return None
    return Finding.FAST if difference > 0 else Finding.SLOW


def findings(check: InfusionCheck, expected: Expected) -> list[Finding]:
    """What the check found amiss, in the chart's order (volume, rate, site, line, pump)."""
    found = [off] if (off := volume_off(check.volume_left_ml, expected)) is not None else []
    if (not expected.paused and expected.rate_ml_h is not None
            and abs(check.pump_rate_ml_h - expected.rate_ml_h) >= RATE_SLACK_ML_H):
        found.append(Finding.RATE)
    if check.site not in SITE_HEALTHY or (check.vip is not None and check.vip >= VIP_RESITE):
        found.append(Finding.SITE)
    if not check.line_intact:
        found.append(Finding.LINE)
    if not check.pump_working:
        found.append(Finding.PUMP_FAULTY if expected.paused and check.asked_on_hold else Finding.PUMP)
    return found


def for_a_doctor(check: InfusionCheck) -> bool:
    """Whether the check scored the cannula's site TREATED_VIP or more, for a doctor to see for
    treatment (Jackson 1998), as the line chart asks it (domain.devices.SIGNS): a check scoring VIP 4
    said "The site: red, VIP 4." alone, and nobody was asked to tell the doctor."""
    return check.vip is not None and check.vip >= TREATED_VIP


def still_amiss(judged: Sequence[tuple[InfusionCheck, Sequence[Finding]]]) -> tuple[InfusionCheck, list[Finding]] | None:
    """The bag's last check with what it found, when it found something (`judged`: each check
    with its findings, in time order): a site found red stays asked until a later check finds
    the new one healthy; None when the last check found all well, or there is none."""
    if not judged or not judged[-1][1]:
        return None
    return judged[-1][0], list(judged[-1][1])

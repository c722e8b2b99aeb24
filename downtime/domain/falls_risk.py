"""A multifactorial falls-risk assessment (forms/falls_risk.yaml): the postural drop its lying and
standing blood pressures show, and when an in-patient's assessment is due. Pure: the service reads
the records and says it on the ward's lists.

The postural drop is the Royal College of Physicians' ("Measurement of lying and standing blood
pressure: a brief guide for clinical staff"): against the lying reading (after 5 minutes lying),
a fall of `SYSTOLIC_DROP` mmHg systolic or more, or `DIASTOLIC_DROP` diastolic or more, at the
reading after 1 minute standing or after 3 minutes (or sitting, for a patient unable to stand),
or a fall to a systolic under `SYSTOLIC_FLOOR`, or symptoms on sitting up or standing (dizzy,
light-headed). Who is assessed is NICE NG249's and QS86's: in-patients 65 and over (`FROM_YEARS`),
and those 50 to 64 (`HIGHER_RISK_FROM_YEARS`) a clinician judges at higher risk. NICE gives no
time for it; `DUE_WITHIN` is the local policy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from downtime.domain import elapsed
from downtime.domain.age import age_in_years

SYSTOLIC_DROP = 20
"""A systolic fall (mmHg) from lying to standing that is a postural drop (RCP)."""
DIASTOLIC_DROP = 10
"""A diastolic fall (mmHg) from lying to standing that is a postural drop (RCP)."""
SYSTOLIC_FLOOR = 90
"""A fall to a standing systolic below this (mmHg) is a postural drop whatever its size (RCP); a
patient already below it lying and no lower standing has none."""
FROM_YEARS = 65
"""Every in-patient this age or over is assessed (NICE NG249, QS86): their age when read, as the
4AT's, so a patient turning 65 during the stay is asked from then."""
HIGHER_RISK_FROM_YEARS = 50
"""From this age a patient judged at higher risk is assessed too (NICE NG249): a fall on the ward
is that judgement made for the ward, whatever the admission said."""
DUE_WITHIN = timedelta(hours=24)
"""How long after admission (or after a fall on the ward) the assessment is due: NICE gives no
time, so this is the local policy, the day the ward's other admission screenings are given
(delirium's 4AT, MUST)."""
READINGS = ("standing_1", "standing_3", "sitting")
"""The form's readings read against the lying one, in the order taken: standing at 1 and at 3
minutes, or sitting when the patient cannot stand (the RCP's guide: a head-up change, sitting
when standing is not possible; services.falls_risk.check refuses both with one assessment)."""
STANDING = READINGS[:2]
"""The standing readings, refused on an assessment saying the patient cannot stand."""


@dataclass(frozen=True)
class Drop:
    """A postural drop found at one `reading` (of `READINGS`), or on symptoms alone (`reading`
    None): the systolic and diastolic falls from lying (mmHg, positive a fall)."""

    reading: str | None
    systolic: int
    diastolic: int
    below_floor: bool
    symptoms: bool

    @property
    def by_readings(self) -> bool:
        """Whether the readings themselves drop (else the symptoms alone make it one)."""
        return (self.reading is not None and (self.systolic >= SYSTOLIC_DROP or self.diastolic >= DIASTOLIC_DROP
                                              or self.below_floor))


def _reading(data: Mapping[str, Any], prefix: str) -> tuple[int, int] | None:
    systolic, diastolic = data.get(f"{prefix}_systolic"), data.get(f"{prefix}_diastolic")
    return None if systolic is None or diastolic is None else (int(systolic), int(diastolic))


def postural_drop(data: Mapping[str, Any]) -> Drop | None:
    """The postural drop an assessment's readings show, or None: of the readings that drop
    (`SYSTOLIC_DROP`, `DIASTOLIC_DROP`, a fall to under `SYSTOLIC_FLOOR`), the one with the
    greater systolic fall (the later on a tie: a drop growing at 3 minutes is the one the doctor
    is told); symptoms with no such reading are a drop too, said on the symptoms alone."""
    lying = _reading(data, "lying")
    symptoms = bool(data.get("symptoms"))
    found: list[Drop] = []
    for prefix in READINGS:
        upright = _reading(data, prefix)
        if lying is None or upright is None:
            continue
        systolic, diastolic = lying[0] - upright[0], lying[1] - upright[1]
        found.append(Drop(prefix, systolic, diastolic, upright[0] < SYSTOLIC_FLOOR and systolic > 0, symptoms))
    dropping = [one for one in found if one.by_readings]
    if dropping:
        return max(dropping, key=lambda one: (one.systolic, found.index(one)))
    return Drop(None, 0, 0, False, True) if symptoms else None


def without_lying(data: Mapping[str, Any]) -> list[str]:
    """The standing or sitting readings typed with no lying reading to measure them against: a
    sitting systolic of 78 of a patient unable to stand was saved with no lying one, and no drop
    read."""
    if data.get("lying_systolic") is not None:
        return []
    return [f"{prefix}_systolic" for prefix in READINGS if data.get(f"{prefix}_systolic") is not None]


def standing_when_unable(data: Mapping[str, Any]) -> list[str]:
    """The standing readings typed on an assessment saying the patient is unable to stand."""
    if not data.get("unable_to_stand"):
        return []
    return [f"{prefix}_{part}" for prefix in STANDING for part in ("systolic", "diastolic")
            if data.get(f"{prefix}_{part}") is not None]


def blood_pressure_missing(data: Mapping[str, Any]) -> str | None:
    """The reading to name when an assessment has no lying and standing blood pressure (the lying
    one, else the first standing one) and says neither that the patient cannot stand nor why it
    was not measured; None when it has them. The part of the assessment wards most often leave
    out, which the paper asked for beside the factors."""
    if data.get("unable_to_stand") or (data.get("bp_not_measured") or "").strip():
        return None
    if data.get("lying_systolic") is None:
        return "lying_systolic"
    return None if any(data.get(f"{prefix}_systolic") is not None for prefix in STANDING) else "standing_1_systolic"


def asked_of(born: date | None, on: date, after_fall: bool) -> bool:
    """Whether an in-patient is to be assessed on the day `on` for the admission (65 or over that
    day) or after a fall on the ward (50 or over: the clinician's judgement of higher risk NG249
    leaves open, made for them); a patient of unknown age is asked, as a missed assessment costs
    more than one too many."""
    return born is None or age_in_years(born, on) >= (HIGHER_RISK_FROM_YEARS if after_fall else FROM_YEARS)


@dataclass(frozen=True)
class Due:
    """An assessment asked of a stay: counted from `since` (the admission, or the first fall on the
    ward with no assessment since when `after_fall`), due `DUE_WITHIN` after it (`at`)."""

    since: datetime
    after_fall: bool

    @property
    def at(self) -> datetime:
        return elapsed.later(self.since, DUE_WITHIN)


def due(admitted_at: datetime | None, falls: Sequence[datetime], assessed: Sequence[datetime]) -> list[Due]:
    """The stay's assessments asked and not made, earliest first: the admission's (`admitted_at`
    None: admitted under the EHR, whose own assessment the ward cannot see), and the first fall on
    the ward's with no assessment since (a fall makes a new assessment due: what was planned did
    not prevent it), each until an assessment is made after it. A fall does not stand in for the
    admission's, nor a later fall for an earlier one's: a patient never assessed who fell was read
    as due a day after the fall, and one who fell again before the assessment after their first
    fall was made was read as due a day after the second, an overdue assessment hidden for one
    more day."""
    def answered(since: datetime) -> bool:
        return any(elapsed.instant(made) >= elapsed.instant(since) for made in assessed)

    first_unanswered = min((fall for fall in falls if not answered(fall) and (
        admitted_at is None or elapsed.instant(fall) >= elapsed.instant(admitted_at))), key=elapsed.instant, default=None)
    asked = [] if admitted_at is None or answered(admitted_at) else [Due(admitted_at, after_fall=False)]
    return asked + ([] if first_unanswered is None else [Due(first_unanswered, after_fall=True)])

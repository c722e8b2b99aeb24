"""When a venous thromboembolism (VTE) risk assessment is asked for: NICE NG89 (2018) asks that
every person 16 or over admitted to hospital be assessed "as soon as possible after admission or
by the time of the first consultant review", which NHS England's seven-day services standard puts
within 14 hours of admission, and a medicine decided started within 14 hours of admission; the
Department of Health's tool asks for a reassessment within 24 hours of admission and whenever the
clinical situation changes (an operation). The assessment itself is the doctor's judgement of the
tool (forms/vte_assessment.yaml): no score is worked out. Mechanical prophylaxis (anti-embolism
stockings, intermittent pneumatic compression) is the nurses' to put on and check, and is not on
the medication chart; NICE NG89 offers no stockings to someone admitted with an acute stroke
(CLOTS trials: no fewer clots, more skin damage), intermittent pneumatic compression only, nor to
someone with peripheral arterial disease or bypass grafting, peripheral neuropathy or another
sensory impairment, skin stockings may damage, an allergy to their material, severe leg oedema,
or a limb deformity or unusual leg size or shape."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain.elapsed import between, instant, later, reached

FIRST_WITHIN = timedelta(hours=14)
ADULTS_FROM_YEARS = 16
MECHANICAL = frozenset({"mechanical", "both"})
"""The decisions that put on stockings or compression, which the handover sheet says."""
MEDICINE = frozenset({"pharmacological", "both"})
"""The decisions that prescribe an anticoagulant on the medication chart."""
WITHOUT_PROPHYLAXIS_FOR_BLEEDING = "contraindicated"
"""The decision the handover sheet says too: no prophylaxis, the bleeding risk outweighing it; an
anticoagulant on the medication chart goes against it."""
ALREADY_ANTICOAGULATED = "already_anticoagulated"
"""No prophylaxis, the patient anticoagulated at treatment dose: which the medication chart gives,
or the patient has neither treatment nor prophylaxis (their own apixaban never rewritten)."""
DEVICE = "mechanical_device"
"""The form's answer naming the mechanical prophylaxis (version 2): `STOCKINGS` or `IPC`; an
assessment of version 1 said "stockings or pneumatic compression" and names none."""
STOCKINGS, IPC = "stockings", "ipc"
ACUTE_STROKE = "acute_stroke"
"""The bleeding risk ticked for someone admitted with an acute stroke."""
BLEEDING_RISKS = "bleeding_risks"
AGAINST_STOCKINGS = "against_stockings"
"""The form's reasons against stockings ticked with the risks (version 3), NICE NG89's besides an
acute stroke: an assessment of an earlier version ticked none."""
AGAINST_ANY_MEDICINE = ("active_bleeding", "inherited_disorder", "neuraxial_last_4h", "neuraxial_next_12h",
                        "low_platelets")
"""The bleeding risks a medicine is decided with only for a reason written and kept (the Department of
Health's tool's absolute ones: active bleeding, an untreated inherited bleeding disorder, a lumbar
puncture, epidural or spinal in the last 4 hours or the next 12, platelets under 75)."""
BLEEDING_REASON = "bleeding_reason"
"""The form's reason for a medicine decided with one of them ticked (version 4): an assessment of
an earlier version has none, and is corrected without one."""
REASSESS_WITHIN = timedelta(hours=24)
ON_ADMISSION_WITHIN = timedelta(hours=12)
"""The first assessment of the stay is the admission's whenever it was made (the night doctor's,
13 hours in, within the 14 hours asked); a later one this soon after admission is the admission's
too (the emergency department's, then the ward's), one made later a reassessment. An admission's
assessment made late is not asked again this soon after it."""


class Reassess(StrEnum):
    """Why a reassessment is due."""

    AFTER_ADMISSION = "after_admission"
    """Assessed on admission only, and 24 hours have gone by since admission."""
    AFTER_OPERATION = "after_operation"
    """An operation done since the latest assessment."""


def stockings_ruled_out(answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What rules out the anti-embolism stockings a decision gives, or may give (mechanical
    prophylaxis that is not intermittent pneumatic compression: stockings, or a version 1
    assessment naming no device), each as the field and the code ticked: an acute stroke among the
    bleeding risks, and each reason against stockings ticked (one rule for both: the stroke was the
    only reason asked before version 3)."""
    if answers.get("prophylaxis") not in MECHANICAL or answers.get(DEVICE) == IPC:
        return []
    stroke = [(BLEEDING_RISKS, ACUTE_STROKE)] if ACUTE_STROKE in (answers.get(BLEEDING_RISKS) or []) else []
    return stroke + [(AGAINST_STOCKINGS, code) for code in answers.get(AGAINST_STOCKINGS) or []]


def medicine_against_bleeding(answers: Mapping[str, Any]) -> list[str]:
    """The bleeding risks of `AGAINST_ANY_MEDICINE` ticked with a medicine decided, in the form's
    order; none of another decision."""
    if answers.get("prophylaxis") not in MEDICINE:
        return []
    return [code for code in answers.get(BLEEDING_RISKS) or [] if code in AGAINST_ANY_MEDICINE]


def reassess_by(admitted_at: datetime, assessed: Collection[datetime]) -> datetime | None:
    """When the admission's reassessment falls due: 24 hours after admission (the Department of
    Health's tool), or 12 hours after an admission's assessment made later than 12 hours in, when
    every one of `assessed` (this stay's) was the admission's; None once one was a reassessment, or
    none made. Whether the first was made 12 hours in or more does not count: it was the admission's,
    and taking it for the reassessment left the stay with none asked."""
    if not assessed:
        return None
    first, *others = sorted(assessed, key=instant)
    if any(between(admitted_at, one) >= ON_ADMISSION_WITHIN for one in others):
        return None
    return max(later(admitted_at, REASSESS_WITHIN), later(first, ON_ADMISSION_WITHIN), key=instant)


def reassessment_due(admitted_at: datetime | None, assessed: Collection[datetime], operated_at: datetime | None,
                     at: datetime) -> Reassess | None:
    """Whether, and why, a reassessment is due at `at`: an operation done since the latest of
    `assessed` (this stay's), or 24 hours gone by since admission (`admitted_at`; None for a
    patient admitted under the EHR, whose own assessment the ward cannot see) with only the
    admission's assessment made."""
    if not assessed:
        return None
    latest = max(assessed, key=instant)
    if operated_at is not None and instant(latest) < instant(operated_at) <= instant(at):
        return Reassess.AFTER_OPERATION
    if admitted_at is not None and reached(reassess_by(admitted_at, assessed), at):
        return Reassess.AFTER_ADMISSION
    return None

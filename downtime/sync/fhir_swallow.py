"""Each bedside swallow screen as a FHIR Observation, in the stay it was done in, and the speech
and language therapist's (SLT) assessment recorded on it as a second one at its own time.

The screen's value is its result alone (Pass, Pass with advice, Fail), not the paper's instruction
beside it ("FAIL: NIL BY MOUTH, no medicines by mouth" stood as the EHR's latest swallow entry
after the SLT had allowed a puree diet and crushed tablets); its components are what the records
clerk back-enters from the paper screen: the screener and the reason, each check before the water
as a boolean, each water step and the signs seen, the textures advised (IDDSI levels in words),
the SLT referral and the doctor told. The SLT's assessment, once its outcome is recorded (form
version 2), has that outcome as its value and the IDDSI levels, the tablets and the plan as its
components, so the EHR's latest swallow entry is the SLT's decision, which replaces the screen
(NICE NG128 1.6). Codes are in words: no LOINC or SNOMED CT code for a nurse's bedside swallow
screen could be checked here (a SNOMED CT code offered for it, 261991000000102, is not verified),
and a code invented would be read by the EHR as another test."""

from __future__ import annotations

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.services.swallow_screen import FORM
from downtime.sync.fhir_answers import answer_components
from downtime.sync.fhir_elements import Context, Group, Made, label
from downtime.sync.fhir_observations import Measured, record_groups, record_observation
from downtime.sync.fhir_stays import Stays

SCREEN = {"text": "Bedside swallow screen"}
SLT = {"text": "Swallow assessment by the speech and language therapist"}
SLT_PLAN = frozenset({"food_level", "drink_level", "tablets", "slt_plan"})
"""The SLT's plan: the components of its assessment, not of the screen, once assessed."""
SLTS = SLT_PLAN | {"slt_assessed_at", "slt_outcome"}
"""The SLT's assessment: its time, its value and its plan."""
LEFT_OUT = frozenset({"screened_at", "outcome"})
"""Sent as the screen's time and value, not as components."""


def swallow_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per screen: its Observation and the SLT's assessment recorded on it."""
    return record_groups(db, ctx, stays, FORM, _made)


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    """The screen at its time, its result the value, its answers components (sync.fhir_answers: a
    No before the water a boolean, why the screen failed); the SLT's assessment, when its outcome
    is recorded (a version 1 screen's SLT time stays a component of the screen), at its time,
    recorded by who amended the screen with it."""
    spec, data = ctx.forms[FORM], record.data
    assessed = bool(data.get("slt_outcome"))
    made = Made()
    made.add(record_observation(
        record, ctx, stays, "exam", SCREEN, data["screened_at"],
        valueCodeableConcept={"text": label(spec, "outcome", data["outcome"]).partition(":")[0].capitalize()},
        component=list(answer_components(spec, data, LEFT_OUT | (SLTS if assessed else frozenset())))),
        record.record_id)
    if assessed:
        slt = Measured(record, ctx, stays, data["slt_assessed_at"])
        slt.add("slt", "exam", code=SLT, performer=[ctx.author(record)],
                valueCodeableConcept={"text": label(spec, "slt_outcome", data["slt_outcome"])},
                component=list(answer_components(spec, data, spec.field_ids - SLT_PLAN)))
        made.add(slt.made[0], record.record_id)
    return made

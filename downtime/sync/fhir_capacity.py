"""Each mental capacity assessment (forms/capacity_assessment.yaml) as one FHIR Observation, in the
stay it was made in, at its time, by who made it.

Why an Observation: the assessment is a finding about the person at one time, by an assessor,
for one decision (Mental Capacity Act 2005 s.2: "at the material time"), which is what R4's
Observation records ("assessment tool" findings, category `survey`, as a MoCA or a 4AT score is
sent). R4's ClinicalImpression would fit its reasoning but is at maturity level 0 and few EHRs
take it in; Consent is the person's own decision, which this is precisely not; a Condition would
read "lacks capacity" as a lasting diagnosis, where capacity is decision- and time-specific. Its
value is the outcome in words ("Lacks capacity for this decision"), its components what the
records clerk back-enters from the paper: the decision assessed, each stage's answer and what
showed it, the steps taken to help, and, lacking, the best-interests decision (whether it could
wait, who was consulted, the IMCA, the wishes, the least restrictive option, the decision made,
its review). Codes are in words: no SNOMED CT or LOINC code for an MCA assessment could be
checked here, and a code invented would be read by the EHR as another test."""

from __future__ import annotations

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.services.capacity import FORM
from downtime.sync.fhir_answers import answer_components
from downtime.sync.fhir_elements import Context, Group, Made, label
from downtime.sync.fhir_observations import record_groups, record_observation
from downtime.sync.fhir_stays import Stays

ASSESSMENT = {"text": "Mental capacity assessment (Mental Capacity Act 2005)"}
LEFT_OUT = frozenset({"assessed_at", "outcome"})
"""Sent as the Observation's time and value, not as components."""


def capacity_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per assessment: its Observation."""
    return record_groups(db, ctx, stays, FORM, _made)


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    """The assessment at its time, its outcome the value ("HAS capacity for this decision" sent as
    "Has capacity for this decision"), its answers components (sync.fhir_answers)."""
    spec, data = ctx.forms[FORM], record.data
    made = Made()
    made.add(record_observation(
        record, ctx, stays, "survey", ASSESSMENT, data["assessed_at"],
        valueCodeableConcept={"text": label(spec, "outcome", data["outcome"]).capitalize()},
        component=list(answer_components(spec, data, LEFT_OUT))), record.record_id)
    return made

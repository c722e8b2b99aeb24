"""Each record of the enhanced care chart (forms/enhanced_observation.yaml) as one FHIR Observation
in the stay it was made in, at its time, by who made it: a level decision with the level as its
value, a log entry with where the patient was and what they were doing as its value; the other
answers (the decision, the risks, who decided, the review, the restrictions and the DoLS answers;
the behaviour and mood, the engagement, who was with the patient and who took over the watch) as
components, which the records clerk back-enters from the paper.

Why Observations, category `survey`: each is a finding about the patient at one time by one
member of staff, as the capacity assessment's is (sync.fhir_capacity). The level is a decision of
the ward's, but R4's CarePlan or ServiceRequest would want an order the EHR then tracks, and the
EHR's own enhanced care record has no standard profile to fill. Codes are in words: no SNOMED CT
or LOINC code for an enhanced observation level, or for a DoLS authorisation, could be checked
here, and a code invented would be read by the EHR as another finding."""

from __future__ import annotations

from sqlite_utils import Database

from downtime.domain.enhanced_observation import Kind
from downtime.domain.records import RecordVersion
from downtime.services.enhanced_observation import FORM
from downtime.sync.fhir_answers import answer_components
from downtime.sync.fhir_elements import Context, Group, Made, label
from downtime.sync.fhir_observations import record_groups, record_observation
from downtime.sync.fhir_stays import Stays

CODES = {Kind.DECISION: {"text": "Enhanced observation level decision"},
         Kind.ENTRY: {"text": "Enhanced observation log entry"}}
LEFT_OUT = {Kind.DECISION: frozenset({"kind", "noted_at", "level"}), Kind.ENTRY: frozenset({"kind", "noted_at", "where", "doing"})}
"""Sent as the Observation's code, time and value, not as components."""


def enhanced_observation_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per record: its Observation."""
    return record_groups(db, ctx, stays, FORM, _made)


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    """A decision with its level in words ("Within eyesight: continuous"; a stop with none, its
    decision a component), an entry with where the patient was in words and what they were doing
    ("In bed: dozing"), the answers as components."""
    spec, data = ctx.forms[FORM], record.data
    kind = Kind(data["kind"])
    if kind is Kind.ENTRY:
        doing = " ".join((data.get("doing") or "").split())
        value = {"valueString": ": ".join([label(spec, "where", data["where"]), *([doing] if doing else [])])}
    elif data.get("level"):
        value = {"valueCodeableConcept": {"text": label(spec, "level", data["level"])}}
    else:
        value = {"valueCodeableConcept": {"text": label(spec, "decision", data["decision"])}}
    made = Made()
    made.add(record_observation(record, ctx, stays, "survey", CODES[kind], data["noted_at"], **value,
                                component=list(answer_components(spec, data, LEFT_OUT[kind]))), record.record_id)
    return made

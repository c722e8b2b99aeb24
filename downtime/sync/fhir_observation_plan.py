"""A doctor's observation and escalation plan (forms/observation_plan.yaml) as a FHIR Observation:
SNOMED CT 735324008 "Treatment escalation plan" decided at its `decided_at`, valued with the
escalation in the form's words (comfort care coded 133918004 "Comfort measures" as well), the
agreed observation frequency as a component (routine observations stopped, version 2, in the
form's words: no code says it), and who decided it, who it was discussed with, why CPR stands
without a DNACPR (version 2) and the notes as notes. The bundle carried none, the plan only in the
CSV: the EHR, back up, had a dying patient on comfort care for full escalation.

An Observation rather than a CarePlan: each plan is a decision made at a moment that stands until
the next is decided, as the DNACPR beside it (fhir_resuscitation) is sent; a CarePlan would be
"active" until revoked, and which of two laptops' plans revoked the other is not the laptop's to
say. The clerk back-entering the EHR's escalation plan reads it as the paper box reads: what,
how often, by whom, when, discussed with whom. One per plan record, its id the record's: an
amendment updates it, a withdrawal enters it in error."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.sync.fhir_codes import SNOMED, coding
from downtime.sync.fhir_elements import Context, Group, label, moment, record_identifier, reference
from downtime.sync.fhir_observations import observation_status
from downtime.sync.fhir_stays import Stays, one_each

FORM = "observation_plan"
TREATMENT_ESCALATION_PLAN, COMFORT_MEASURES = "735324008", "133918004"
"""SNOMED CT's "Treatment escalation plan" (record artifact) and "Comfort measures" (regime/therapy)."""
ESCALATION_CODES = {"comfort": COMFORT_MEASURES}
"""The escalation answers SNOMED CT codes as such; a ceiling of treatment goes in words alone."""


def observation_plan_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per plan record."""
    return one_each(db, ctx, stays, ((FORM, plan_observation),))


def plan_observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[FORM]
    escalation = data["escalation"]
    notes = [f"{spec.field(field_id).label.en}: {' '.join(data[field_id].split())}"
             for field_id in ("decided_by", "discussed_with", "cpr_reason", "notes")
             if (data.get(field_id) or "").strip()]
    return {"resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
            "status": observation_status(record),
            "code": {"coding": [coding(SNOMED, TREATMENT_ESCALATION_PLAN)], "text": spec.title.en},
            "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["decided_at"]),
            "effectiveDateTime": moment(data["decided_at"]), "performer": [ctx.author(ctx.original(record))],
            "valueCodeableConcept": {
                **({"coding": [coding(SNOMED, ESCALATION_CODES[escalation])]} if escalation in ESCALATION_CODES
                   else {}),
                "text": label(spec, "escalation", escalation)},
            "component": [{"code": {"text": spec.field("frequency").label.en},
                           "valueCodeableConcept": {"text": label(spec, "frequency", data["frequency"])}}],
            **({"note": [{"text": text} for text in notes]} if notes else {})}

"""Each fall on the ward as a FHIR Observation (an exam) in the stay it happened in: "Inpatient
fall" at its time, what was found (seen or found on the floor, a possible fracture, a head
injury, an anticoagulant as the app counts it, the medication chart's among them, the patient's
usual GCS when recorded, NICE's other signs for a CT head of form version 4, the limbs weak before
it and when a patient found was last seen well of version 5), the doctor's
examination, the CT head and the incident report's reference as components, the injuries and
notes as notes. Not an AdverseEvent: R4's has no status, and a fall recorded in error must say so.
Codes are in words: SNOMED CT's could not be checked here."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.falls import Fall, anticoagulants_named
from downtime.domain.gcs import LIMBS
from downtime.domain.records import RecordVersion
from downtime.services.falls import FORM, charted
from downtime.sync.fhir_elements import Context, Group, label, moment
from downtime.sync.fhir_observations import doctor_review, record_observation
from downtime.sync.fhir_stays import Stays, one_each

FALL = {"text": "Inpatient fall"}
ANSWERED = ("witnessed", "where", "fracture_signs", "head_injury", "lost_consciousness", "ct_head",
            "anticoagulant_after_ct")
"""The fall's choices sent as components, in words."""
SIGNS = "ct_signs"
"""The fall's signs for a CT head within 1 hour (form version 4), each sent as a component, Yes."""
TOLD = {"family_told": "Family or next of kin told", "incident_reported": "Incident reported",
        "weak_before": "Limb weakness known before the fall"}
WRITTEN = ("ct_head_result", "incident_reference")
"""The fall's words sent as components (form version 3)."""
WEAK_LIMB = "Limb weak before the fall"
"""Each limb the fall records weak before it (form version 5), sent as a component, in words."""
LAST_SEEN_WELL = "Last seen well at"
"""When a patient found on the floor was last seen well (form version 5): the EHR's CT deadlines
count from it."""
CHART_SAYS = "{drugs} on the medication chart at the fall (box answered No)"
"""The note saying why a fall whose box says No is sent as anticoagulated."""


def fall_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per fall, each read with the medication chart's anticoagulants at it."""
    return one_each(db, ctx, stays, ((FORM, lambda record, ctx, stays: _observation(
        record, ctx, stays, charted(db, record))),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays, fall: Fall) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[FORM]
    charted_only = [CHART_SAYS.format(drugs=anticoagulants_named(fall, "en", None))] \
        if fall.anticoagulants and not fall.anticoagulated else []
    notes = [text for text in (data.get("injuries"), data.get("notes"), *charted_only) if text]
    return record_observation(
        record, ctx, stays, "exam", FALL, data["fell_at"],
        component=[*({"code": {"text": spec.field(item).label.en},
                      "valueCodeableConcept": {"text": label(spec, item, data[item])}} for item in ANSWERED
                     if data.get(item)),
                   *({"code": {"text": spec.field(item).label.en}, "valueString": data[item]} for item in WRITTEN
                     if data.get(item)),
                   *({"code": {"text": label(spec, SIGNS, sign)}, "valueBoolean": True}
                     for sign in data.get(SIGNS) or ()),
                   *({"code": {"text": WEAK_LIMB}, "valueCodeableConcept": {"text": LIMBS[limb]["en"]}}
                     for limb in fall.weak_limbs),
                   *([{"code": {"text": LAST_SEEN_WELL}, "valueDateTime": moment(seen)}]
                     if (seen := fall.last_seen_well_at) is not None else []),
                   *([{"code": {"text": spec.field("ct_head_at").label.en},
                       "valueDateTime": moment(data["ct_head_at"])}] if data.get("ct_head_at") else []),
                   {"code": {"text": "On anticoagulant treatment"}, "valueBoolean": fall.on_anticoagulant},
                   *([{"code": {"text": spec.field("usual_gcs").label.en}, "valueInteger": fall.usual_gcs}]
                     if fall.usual_gcs is not None else []),
                   *({"code": {"text": text}, "valueBoolean": data[field_id]}
                     for field_id, text in TOLD.items() if data.get(field_id) is not None),
                   *doctor_review(data, "Examined by the doctor")],
        **({"note": [{"text": text} for text in notes]} if notes else {}))

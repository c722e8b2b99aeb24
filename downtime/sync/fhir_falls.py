"""Each fall on the ward as a FHIR Observation (an exam) in the stay it happened in: "Inpatient
fall" at its time, what was found (seen or found on the floor, a possible fracture, a head
injury, an anticoagulant, the patient's usual GCS when recorded) and the doctor's examination as
components, the injuries and notes as notes. Not an AdverseEvent: R4's has no status, and a fall
recorded in error must say so. Codes are in words: SNOMED CT's could not be checked here."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.services.falls import FORM, recorded
from downtime.sync.fhir_elements import Context, Group, label
from downtime.sync.fhir_observations import doctor_review, record_observation
from downtime.sync.fhir_stays import Stays, one_each

FALL = {"text": "Inpatient fall"}
ANSWERED = ("witnessed", "where", "fracture_signs", "head_injury")
"""The fall's choices sent as components, in words."""
TOLD = {"family_told": "Family or next of kin told", "incident_reported": "Incident reported"}


def fall_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per fall."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, fall = record.data, ctx.forms[FORM], recorded(record).fall
    notes = [text for text in (data.get("injuries"), data.get("notes")) if text]
    return record_observation(
        record, ctx, stays, "exam", FALL, data["fell_at"],
        component=[*({"code": {"text": spec.field(item).label.en},
                      "valueCodeableConcept": {"text": label(spec, item, data[item])}} for item in ANSWERED
                     if data.get(item)),
                   {"code": {"text": "On anticoagulant treatment"}, "valueBoolean": fall.anticoagulated},
                   *([{"code": {"text": spec.field("usual_gcs").label.en}, "valueInteger": fall.usual_gcs}]
                     if fall.usual_gcs is not None else []),
                   *({"code": {"text": text}, "valueBoolean": data[field_id]}
                     for field_id, text in TOLD.items() if data.get(field_id) is not None),
                   *doctor_review(data, "Examined by the doctor")],
        **({"note": [{"text": text} for text in notes]} if notes else {}))

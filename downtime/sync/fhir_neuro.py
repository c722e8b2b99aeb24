"""Each set of neurological observations as FHIR Observations in the stay it was taken in: the
Glasgow Coma Scale (LOINC 9269-2, its total; eye opening 9267-6, verbal 9270-0 and motor 9268-4
as its components, each its score), and the pupils and limbs as what the nurse observed
(category `exam`), in words: no LOINC code was certain enough to send for a pupil's reaction or a
limb's power. A component not testable (eyes closed by swelling, a patient intubated) is sent as
absent with the reason in words, and the set has no total, as on the chart. Neuro obs stopped, and
the doctor told of the set, are notes on its GCS. A set not done sends its GCS absent, with why,
and the pupils and limbs it records all the same."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.gcs import gcs
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.services.neuro import FORM, STOPPED
from downtime.sync.fhir_codes import DATA_ABSENT_REASON, LOINC, OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import (Context, Group, Made, derived_id, label, moment, patient_key,
                                         record_identifier, reference)
from downtime.sync.fhir_observations import observation_status, quantity
from downtime.sync.fhir_stays import Stays

TOTAL = "9269-2"
REFUSED = "refused"
"""The form's reason a set was not done (`not_done`) that is the patient's refusal."""
COMPONENTS = {"eyes": "9267-6", "verbal": "9270-0", "motor": "9268-4"}
SEEN = ("pupil_left_reaction", "pupil_right_reaction", "arm_left", "arm_right", "leg_left", "leg_right")
SIZES = ("pupil_left_size", "pupil_right_size")


def neuro_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per set; it needs its patient, and names the stay it was taken in."""
    return {f"neuro:{record.record_id}": Group(
        f"neuro:{record.record_id}", partial(_made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in ctx.current(db, FORM)}


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    resources = _resources(record, ctx, stays)
    return Made(resources, {record.record_id: [resource["id"] for resource in resources]})


def _absent(text: str, why: str = "not-applicable") -> dict[str, Any]:
    return {"dataAbsentReason": {"coding": [coding(DATA_ABSENT_REASON, why)], "text": text}}


def _notes(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The set's notes, and in words what FHIR's GCS has no element for (form version 2): neuro obs
    stopped and the doctor who decided, the doctor told of the set and when."""
    notes = [{"text": data["notes"]}] if data.get("notes") else []
    if data["next_set_in"] == STOPPED:
        notes.append({"text": f"Neuro obs stopped (doctor's decision), decided by {data['stopped_by']}"})
    if data.get("doctor_told"):
        notes.append({"text": f"Doctor told: {data['doctor_told']}", "time": moment(data["doctor_told_at"])})
    return notes


def _not_done(record: RecordVersion, data: dict[str, Any], spec: FormSpec, common: dict[str, Any]) -> dict[str, Any]:
    """A set not done (form version 3): its GCS absent, with why, and its notes; no components.
    FHIR's observation not performed is `cancelled` (one entered in error stays so), absent as
    asked and declined when refused, else not performed: sent `final` and "not applicable", it
    told the EHR the GCS did not apply to the patient (review R2 D6)."""
    status = common["status"] if common["status"] == "entered-in-error" else "cancelled"
    why = "asked-declined" if data["not_done"] == REFUSED else "not-performed"
    return {"resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
            "category": [{"coding": [coding(OBSERVATION_CATEGORY, "survey")]}], **common, "status": status,
            "code": {"coding": [coding(LOINC, TOTAL)], "text": "Glasgow Coma Scale"},
            **_absent(f"Set not done: {label(spec, 'not_done', data['not_done'])}", why),
            **({"note": notes} if (notes := _notes(data)) else {})}


def _resources(record: RecordVersion, ctx: Context, stays: Stays) -> list[dict[str, Any]]:
    data, spec = record.data, ctx.forms[FORM]
    common = {"status": observation_status(record), "subject": reference(str(record.patient_id)),
              **stays.encounter_at(record.patient_id, data["taken_at"]), "effectiveDateTime": moment(data["taken_at"]),
              "performer": [ctx.author(ctx.original(record))]}
    if data.get("not_done"):
        return [_not_done(record, data, spec, common), *_seen(record, spec, common)]
    scored = gcs(data)
    total: dict[str, Any] = {
        "resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "category": [{"coding": [coding(OBSERVATION_CATEGORY, "survey")]}], **common,
        "code": {"coding": [coding(LOINC, TOTAL)], "text": scored.text("en")},
        **({"valueInteger": scored.total} if scored.total is not None
           else _absent("A component was not testable: no total")),
        "component": [{"code": {"coding": [coding(LOINC, code)]},
                       **({"valueInteger": score} if (score := getattr(scored, field)) is not None
                          else _absent(label(spec, field, data[field])))} for field, code in COMPONENTS.items()]}
    if notes := _notes(data):
        total["note"] = notes
    return [total, *_seen(record, spec, common)]


def _seen(record: RecordVersion, spec: FormSpec, common: dict[str, Any]) -> list[dict[str, Any]]:
    """The pupils and limbs the set records, as one Observation (none when it records none): those
    of a set not done too, whose fixed pupil the records office's copy lost."""
    data = record.data
    seen = [{"code": {"text": spec.field(field).label.en}, "valueQuantity": quantity(data[field], "mm")}
            for field in SIZES if data.get(field) is not None]
    seen += [{"code": {"text": spec.field(field).label.en}, "valueString": label(spec, field, data[field])}
             for field in SEEN if data.get(field)]
    if not seen:
        return []
    ident = derived_id(record.record_id, "pupils_and_limbs")
    return [{"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident),
             "category": [{"coding": [coding(OBSERVATION_CATEGORY, "exam")]}], **common,
             "code": {"text": "Pupils and limb movement"}, "component": seen}]

"""The skin's records, for the EHR's pressure ulcer and wound records. Each change of position
as a FHIR Procedure in the stay it was done in: "Repositioning" in words with the position
("Left side (30° tilt)"), done when, by whom, or `not-done` when the patient declined it; the
skin over the pressure areas as a note, and pressure damage found as a `complication`. Each
Braden assessment as an Observation (a survey): its total as the value, its band as the
interpretation, each item a component. Each look at a wound as an Observation (an exam) of the
wound named as its body site: what it is and its size in words as the value, each measure and
finding a component, the dressing put on (with the nurse's reason to use it despite a recorded
allergy, as a medicine prescribed so says it: the EHR had the dressing alone) and when the next
is due as notes. Codes are in words:
SNOMED CT's and LOINC's could not be checked here, and a wrong code files it as something else."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.braden import BANDS, ITEMS
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.repositioning import DAMAGE
from downtime.services import wounds
from downtime.services.repositioning import FORM, RISK_FORM, SELDOM_REASON, assessed, turned
from downtime.sync.fhir_codes import OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import Context, Group, label, moment, record_identifier, reference
from downtime.sync.fhir_observations import observation_status, quantity, record_observation
from downtime.sync.fhir_stays import Stays, one_each

BRADEN = {"text": "Braden scale for predicting pressure ulcer risk: total score"}
WOUND = {"text": "Wound assessment"}


def skin_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per change of position, risk assessment and look at a wound."""
    return one_each(db, ctx, stays, ((FORM, _procedure), (RISK_FORM, _assessment), (wounds.FORM, _wound)))


def _assessment(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[RISK_FORM], assessed(record)
    return record_observation(
        record, ctx, stays, "survey", BRADEN, data["assessed_at"], valueInteger=found.score,
        interpretation=[{"text": BANDS[found.band]["en"]}],
        component=[{"code": {"text": spec.field(item).label.en}, "valueInteger": int(data[item])} for item in ITEMS])


def _status(record: RecordVersion) -> str:
    if record.status is RecordStatus.ENTERED_IN_ERROR:
        return "entered-in-error"
    return "not-done" if record.data["position"] == "declined" else "completed"


def _procedure(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[FORM]
    skin = turned(record).skin(spec, "en")
    declined = data["position"] == "declined"
    resource: dict[str, Any] = {
        "resourceType": "Procedure", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": _status(record),
        "code": {"text": "Repositioning" if declined else f"Repositioning: {label(spec, 'position', data['position'])}"},
        "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["turned_at"]),
        "performedDateTime": moment(data["turned_at"]), "performer": [{"actor": ctx.author(ctx.original(record))}],
        "note": [{"text": text} for text in (*([f"Skin over the pressure areas: {skin}"] if skin else []),
                                             f"Next change of position in {label(spec, 'next_in', data['next_in'])}",
                                             *([f"Less often than the Braden risk advises, the nurse's reason: "
                                                f"{data[SELDOM_REASON]}"] if data.get(SELDOM_REASON) else []),
                                             *([data["notes"]] if data.get("notes") else []))]}
    if declined:
        resource["statusReason"] = {"text": "Declined by the patient" + (f": {data['notes']}" if data.get("notes") else "")}
    if data.get("skin") in DAMAGE:
        resource["complication"] = [{"text": f"Pressure damage: {skin}"}]
    return resource


def _wound(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[wounds.FORM]
    measures = [{"code": {"text": spec.field(name).label.en}, "valueQuantity": quantity(data[name], "cm")}
                for name in ("length_cm", "width_cm", "depth_cm") if data.get(name) is not None]
    findings = [{"code": {"text": spec.field(name).label.en},
                 "valueCodeableConcept": {"text": label(spec, name, data[name])}}
                for name in ("kind", "category", wounds.PRESENT_ON_ADMISSION, "bed", "exudate") if data.get(name)]
    infection = ([{"code": {"text": spec.field("infection").label.en}, "valueBoolean": data["infection"]}]
                 if data.get("infection") is not None else [])
    notes = [*([f"Dressing put on: {data['dressing']}"] if data.get("dressing") else []),
             *([f"Used despite the recorded allergy: {' '.join(reason.split())}"]
               if (reason := data.get(wounds.ALLERGY_REASON)) else []),
             *([f"Next dressing or look in {label(spec, 'next_in', data['next_in'])}"] if data.get("next_in") else []),
             *([f"Charted a pressure ulcer before, not now: {why}"] if (why := data.get(wounds.RECLASSIFIED_WHY))
               else []),
             *([data["notes"]] if data.get("notes") else [])]
    return {
        "resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": observation_status(record), "category": [{"coding": [coding(OBSERVATION_CATEGORY, "exam")]}],
        "code": WOUND, "subject": reference(str(record.patient_id)),
        **stays.encounter_at(record.patient_id, data["assessed_at"]),
        "effectiveDateTime": moment(data["assessed_at"]), "performer": [ctx.author(ctx.original(record))],
        "bodySite": {"text": " ".join(data["wound"].split())},
        "valueString": wounds.looked(record).text(spec, "en"),
        "component": [*findings, *measures, *infection],
        **({"note": [{"text": text} for text in notes]} if notes else {})}

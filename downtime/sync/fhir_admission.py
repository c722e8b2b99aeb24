"""What an admission records beyond who the patient is, where they stay and their allergies,
as FHIR: the next of kin as a Patient.contact, the height as a vital-sign Observation (LOINC,
UCUM), the diet as a NutritionOrder and the medicines taken before admission as a
MedicationStatement. Without them the records office had to find them on the paper form: neither
the bundle nor the worklist carried them.

The weight stays on the admission's worklist line, where the clerk enters it with the other
answers the bundle lacks; writing it here too would enter it twice."""

from __future__ import annotations

from typing import Any

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.sync.fhir_codes import CONTACT_ROLE, LOINC, OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import Context, derived_id, label, moment, record_identifier, reference
from downtime.sync.fhir_observations import observation_status, quantity

HEIGHT = ("height_cm", "8302-2", "cm")
# French law's "personne de confiance" has no code of its own in the contact-role value set.
TRUSTED_PERSON = "Trusted person (personne de confiance)"


def next_of_kin(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The person to call, as a Patient.contact: a contact needs a name or a telephone
    (FHIR's con-1), so a relationship alone is not one."""
    name, phone, relationship = (data.get(key) for key in ("nok_name", "nok_phone", "nok_relationship"))
    if not (name or phone):
        return []
    kin: dict[str, Any] = {"coding": [coding(CONTACT_ROLE, "N")]}
    if relationship:
        kin["text"] = relationship
    roles = [kin]
    if data.get("nok_is_trusted_person"):
        roles.append({"text": TRUSTED_PERSON})
    contact: dict[str, Any] = {"relationship": roles}
    if name:
        contact["name"] = {"text": name}
    if phone:
        contact["telecom"] = [{"system": "phone", "value": phone}]
    return [contact]


def height(admission: RecordVersion, patient_id: str, ctx: Context) -> list[dict[str, Any]]:
    """The height measured or given on arrival, at the admission's time."""
    field_id, code, unit = HEIGHT
    value = admission.data.get(field_id)
    if value is None:
        return []
    ident = derived_id(admission.record_id, field_id)
    return [{"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident),
             "status": observation_status(admission),
             "category": [{"coding": [coding(OBSERVATION_CATEGORY, "vital-signs")]}],
             "code": {"coding": [coding(LOINC, code)]}, "subject": reference(patient_id),
             "effectiveDateTime": moment(admission.occurred_at),
             "performer": [ctx.author(ctx.original(admission))],
             "valueQuantity": quantity(value, unit)}]


def diet(spec: FormSpec, admission: RecordVersion, patient_id: str, ended: bool) -> list[dict[str, Any]]:
    """The diet as an oral-diet order, its kinds as text (no diet code means exactly what the
    form's choices do): active while the stay lasts, completed once it has ended (`ended`)."""
    kinds, notes = admission.data.get("diet") or [], admission.data.get("diet_notes")
    if not (kinds or notes):
        return []
    withdrawn = admission.status is RecordStatus.ENTERED_IN_ERROR
    status = "entered-in-error" if withdrawn else "completed" if ended else "active"
    oral: dict[str, Any] = {}
    if kinds:
        oral["type"] = [{"text": label(spec, "diet", kind)} for kind in kinds]
    if notes:
        oral["instruction"] = notes
    ident = derived_id(admission.record_id, "diet")
    return [{"resourceType": "NutritionOrder", "id": ident, "identifier": record_identifier(ident), "status": status,
             "intent": "order", "patient": reference(patient_id), "dateTime": moment(admission.occurred_at),
             "oralDiet": oral}]


def usual_medicines(admission: RecordVersion, patient_id: str, encounter_id: str) -> list[dict[str, Any]]:
    """The medicines taken at home as one statement in the words typed (the form asks drug, dose
    and when last taken as free text, several drugs in one answer), asserted when recorded, in
    the stay the admission opened (`encounter_id`), for the prescriber to reconcile in the EHR.
    Neither informationSource nor derivedFrom: the form does not ask who told (the patient, a
    relative, a GP letter), and the admission's Provenance names who wrote it."""
    text = admission.data.get("usual_medicines")
    if not text:
        return []
    withdrawn = admission.status is RecordStatus.ENTERED_IN_ERROR
    ident = derived_id(admission.record_id, "usual_medicines")
    return [{"resourceType": "MedicationStatement", "id": ident, "identifier": record_identifier(ident),
             "status": "entered-in-error" if withdrawn else "active", "medicationCodeableConcept": {"text": text},
             "subject": reference(patient_id), "context": reference(encounter_id),
             "dateAsserted": moment(admission.recorded_at)}]

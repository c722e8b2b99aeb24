"""What an admission records beyond who the patient is, where they stay and their allergies,
as FHIR: the next of kin as a Patient.contact, the height and the weight as vital-sign
Observations (LOINC, UCUM), the diet as a NutritionOrder and the medicines taken before admission
as a MedicationStatement, each in the stay the admission opened. Without them the records office
had to find them on the paper form: neither the bundle nor the worklist carried them.

The weight decides doses (enoxaparin, gentamicin), and the EHR's dose checks read it from a
body-weight Observation, which a worklist line cannot give them. It was kept out of the bundle so
as not to be entered twice, being on the admission's worklist line; the allergies and the
medicines taken before admission are on that line too, and in the bundle, for the clerk to check
against the EHR rather than enter: the weight now is the same."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from downtime.domain.medication import TUBE_FED
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.services.home_medicines import elsewhere, home_lines
from downtime.services.weight import ADMITTED_HOW
from downtime.sync.fhir_codes import CONTACT_ROLE, LOINC, OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import Context, derived_id, label, moment, record_identifier, reference
from downtime.sync.fhir_observations import observation_status, quantity

# Field → (LOINC code, UCUM unit) of what the admission measures or is told of the body.
BODY = {"height_cm": ("8302-2", "cm"), "weight_kg": ("29463-7", "kg")}
METHODS = {"weight_kg": ADMITTED_HOW}
"""A measure's field → the answer saying how it is known (weighed, estimated, stated)."""
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


def body_measures(admission: RecordVersion, patient_id: str, encounter_id: str, ctx: Context,
                  history: Sequence[RecordVersion]) -> list[dict[str, Any]]:
    """The height and the weight measured or given on arrival, at the admission's time; the
    weight with how it is known (`METHODS`), as a weighing's is (sync.fhir_weight): a child's
    estimate went to the EHR's dose checks as if weighed on the scales. A measure an earlier
    version (of `history`, the admission's versions) gave and this one has not goes entered in
    error, as that version said it: a weight taken out of the admission as another patient's,
    already sent final, stayed the EHR's latest body weight for its dose checks."""
    spec = ctx.forms[admission.form_id]
    found = []
    for field_id, (code, unit) in BODY.items():
        said = admission if admission.data.get(field_id) is not None else next(
            (version for version in reversed(history)
             if version.version < admission.version and version.data.get(field_id) is not None), None)
        if said is None:
            continue
        ident = derived_id(admission.record_id, field_id)
        found.append({"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident),
                      "status": observation_status(admission) if said is admission else "entered-in-error",
                      "category": [{"coding": [coding(OBSERVATION_CATEGORY, "vital-signs")]}],
                      "code": {"coding": [coding(LOINC, code)]}, "subject": reference(patient_id),
                      "encounter": reference(encounter_id), "effectiveDateTime": moment(said.occurred_at),
                      "performer": [ctx.author(ctx.original(admission))],
                      "valueQuantity": quantity(said.data[field_id], unit),
                      **({"method": {"text": label(spec, METHODS[field_id], method)}}
                         if field_id in METHODS and (method := said.data.get(METHODS[field_id])) else {})})
    return found


def diet(spec: FormSpec, admission: RecordVersion, patient_id: str, encounter_id: str,
         ended: bool) -> list[dict[str, Any]]:
    """The diet as an oral-diet order, its kinds as text (no diet code means exactly what the
    form's choices do): active while the stay lasts, completed once it has ended (`ended`). Fed by
    tube (`TUBE_FED`) is no diet by mouth: sent as the enteral feed's instruction, the notes with it
    when no diet by mouth is ticked ("Tube fed (NG, PEG)" was sent as an oral diet's type)."""
    kinds, notes = admission.data.get("diet") or [], admission.data.get("diet_notes")
    if not (kinds or notes):
        return []
    withdrawn = admission.status is RecordStatus.ENTERED_IN_ERROR
    status = "entered-in-error" if withdrawn else "completed" if ended else "active"
    by_mouth = [kind for kind in kinds if kind != TUBE_FED]
    notes_by_tube = bool(notes) and TUBE_FED in kinds and not by_mouth
    oral = {**({"type": [{"text": label(spec, "diet", kind)} for kind in by_mouth]} if by_mouth else {}),
            **({"instruction": notes} if notes and not notes_by_tube else {})}
    tube = ": ".join([label(spec, "diet", TUBE_FED), *([notes] if notes_by_tube else [])]) if TUBE_FED in kinds else ""
    ident = derived_id(admission.record_id, "diet")
    return [{"resourceType": "NutritionOrder", "id": ident, "identifier": record_identifier(ident), "status": status,
             "intent": "order", "patient": reference(patient_id), "encounter": reference(encounter_id),
             "dateTime": moment(admission.occurred_at),
             **({"oralDiet": oral} if oral else {}),
             **({"enteralFormula": {"administrationInstruction": tube}} if tube else {})}]


def usual_medicines(admission: RecordVersion, patient_id: str, encounter_id: str,
                    history: Sequence[RecordVersion], sent: Callable[[str], bool]) -> list[dict[str, Any]]:
    """The medicines taken at home as one statement in the words typed (the form asks drug, dose
    and when last taken as free text, several drugs in one answer), asserted when recorded, in
    the stay the admission opened (`encounter_id`), for the prescriber to reconcile in the EHR.
    Neither informationSource nor derivedFrom: the form does not ask who told (the patient, a
    relative, a GP letter), and the admission's Provenance names who wrote it. Taken up to the
    admission (`effectivePeriod.end`): beside a reconciliation's statements of the stay
    (sync.fhir_reconciliation, a line held or stopped), an `active` list undated read as taken now."""
    return medicines_said(admission, "usual_medicines", patient_id, encounter_id, history, sent,
                          effectivePeriod={"end": moment(admission.occurred_at)})


BLANK = "(blank)"
"""The medicine's text of a statement withdrawn by a record amended to a blank answer that no
version filled in (R4 requires one): one an earlier release sent for a list it took for medicines."""


def says_taken(typed: object) -> bool:
    """Whether an answer says the patient takes medicines: a line naming one, or saying the list
    is elsewhere ("See GP list": medicines still to be listed, not none)."""
    return bool(home_lines(typed) or elsewhere(typed))


def medicines_said(record: RecordVersion, field: str, patient_id: str, encounter_id: str | None,
                   history: Sequence[RecordVersion], sent: Callable[[str], bool], **more: Any) -> list[dict[str, Any]]:
    """The medicines a record's answer `field` lists, as one MedicationStatement in the words
    typed, asserted when recorded, in the stay `encounter_id` (None: the record is of no stay),
    entered in error with the record; `more`: elements the statement adds (a discharge's when and
    category). None when the answer says no medicine is taken (`says_taken`: "Nil", "NKDA",
    "Aucun"): "Nil" went to the EHR as an active statement of a medicine named "Nil"; but a record
    amended to that from one saying some (in `history`, the record's versions), or whose
    statement an earlier export sent (`sent`, by its id: an earlier release sent "Nil" too),
    withdraws the statement sent, entered in error as a record withdrawn is, in the last words
    that said a medicine: amended from apixaban to "Nil", the EHR kept the apixaban active. A
    record that never said one sends nothing, amended or not (a bed corrected sent the EHR a
    withdrawn "(blank)" statement it had never had)."""
    texts = [*(version.data.get(field) for version in history if version.version < record.version),
             record.data.get(field)]
    said = [text for text in texts if says_taken(text)]
    ident = derived_id(record.record_id, field)
    if not said and not sent(ident):
        return []
    withdrawn = record.status is RecordStatus.ENTERED_IN_ERROR or not says_taken(texts[-1])
    return [{"resourceType": "MedicationStatement", "id": ident, "identifier": record_identifier(ident),
             "status": "entered-in-error" if withdrawn else "active",
             "medicationCodeableConcept": {"text": said[-1] if said else texts[-1] or BLANK},
             "subject": reference(patient_id), **({"context": reference(encounter_id)} if encounter_id else {}),
             "dateAsserted": moment(record.recorded_at), **more}]

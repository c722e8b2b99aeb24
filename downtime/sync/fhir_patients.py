"""Each patient as FHIR: the Patient (downtime number as a temporary identifier under the
system of the database that gave it, see `downtime_system`; IPP when
known, INS when known and the identity validated, next of kin), one Encounter per stay with
every bed it used, each admission's allergies (fhir_allergies), height, diet and medicines
taken before admission (fhir_admission), its refusal of blood products (`blood_refusal`), and
each discharge's medicines on discharge, each
naming the stay it was recorded in. A patient the records office linked to an EHR patient is
sent as that patient, found by the EHR number, and their death as a patch of that patient
(`deceased_patch`): the EHR's patient is never updated. A death not verified yet by a doctor
(`unverified`) is not put on the Patient, and its stay and Provenance say so (UNVERIFIED_DEATH).
One admitted unidentified keeps the
temporary names they had, ended at their identification; identified as a patient with an IPP
and not linked yet, their Patient says it is replaced by the EHR's, without the IPP.

Stays are replayed from the movement records (fhir_stays); a discharge, death or transfer out
closes the stay with its disposition, one recorded under a linked number too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import Movement
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import VALIDATED_IDENTITY, Meaning
from downtime.services.census import DEATH_FORM, VERIFICATION_PENDING, event_of
from downtime.services.patients import PatientSummary, downtime_numbers, earlier_temporary_names, summarise
from downtime.storage import fhir_sent
from downtime.storage.records import chunks, histories, marks
from downtime.sync.fhir_admission import body_measures, diet, medicines_said, next_of_kin, usual_medicines
from downtime.sync.fhir_allergies import allergy_resources
from downtime.sync.fhir_codes import (
    ACT_CODE,
    DISCHARGE_DESTINATION,
    DISCHARGE_DISPOSITION,
    GENDER,
    LOCATION_TYPE,
    code_only,
    coding,
)
from downtime.sync.fhir_elements import (
    Context,
    Group,
    Made,
    derived_id,
    label,
    moment,
    patient_key,
    record_identifier,
    reference,
)
from downtime.sync.fhir_stays import Stay, Stays
from downtime.sync.fr_core import (
    BIRTHPLACE,
    FR_CORE_IDENTIFIER_TYPE,
    FR_CORE_IDENTITY_RELIABILITY,
    FR_CORE_IDENTITY_STATUS,
    FR_CORE_INSEE_CODE,
    FR_CORE_VALIDATION_MODE,
    IDENTITY_STATUS_PART,
    INSEE_COMMUNES,
    STATUS_CODES,
    VALIDATION_DATE_PART,
    VALIDATION_MODE_PART,
    VALIDATION_MODES,
)

DOWNTIME_SYSTEM = "urn:downtime:number"
"""The downtime number's system as earlier releases sent it, for every database alike: a laptop
set up again for a later outage gives its numbers again, and the bundle's conditional create of
its first patient found the EHR's patient of the last outage (`downtime_system`)."""
IPP_SYSTEM = "urn:downtime:hospital-patient-number"
INS_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
# The INS of a person awaiting registration (an NIA: first digit 7 or 8) is under its own OID,
# as the ANS's INS referential assigns them (1.2.250.1.213.1.4.8 INS-NIR, .9 INS-NIA).
INS_NIA_SYSTEM = "urn:oid:1.2.250.1.213.1.4.9"
# The EHR's visit number the admission form asks "if known", as IPP_SYSTEM is the EHR's patient
# number: a deployment that knows the EHR's own system would put it here.
ENCOUNTER_NUMBER_SYSTEM = "urn:downtime:ehr-encounter-number"
# The ward's code and the bed's (ward/bed) as the ward board names them; a deployment that knows
# the EHR's location identifiers would put their systems here.
WARD_SYSTEM = "urn:downtime:ward"
BED_SYSTEM = "urn:downtime:bed"
_EIE = RecordStatus.ENTERED_IN_ERROR


def patient_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """Every patient of the database (or of `ctx.patient_ids`), whatever the state of their
    records (`stays.records`)."""
    items = stays.records
    numbers = downtime_numbers(db, ctx.patient_ids)
    systems = _systems(db, numbers)
    # Every version of the amended admissions, for the allergies an amendment removed (fhir_allergies),
    # and of the amended admissions and discharges, for a list of medicines amended to none.
    amended = histories(db, [record.record_id for pid in numbers for spec, record in items.get(pid, [])
                             if (spec.creates_patient or spec.movement is Movement.DISCHARGE) and record.version > 1])
    # An admission or a leaving recorded under a linked number may end the patient's stay, or its
    # last place (fhir_stays).
    return {patient_key(pid): Group(patient_key(pid),
                                    partial(_made, pid, {"system": systems[pid], "value": number},
                                            items.get(pid, []), ctx.ehr_numbers.get(pid), ctx, amended, stays.of),
                                    frozenset(r.record_id for _, r in items.get(pid, [])) | stays.ends_elsewhere(pid),
                                    frozenset())
            for pid, number in numbers.items()}


def blood_refusal(spec: FormSpec, admission: RecordVersion, versions: Sequence[RecordVersion], patient_id: str,
                  encounter_id: str) -> list[dict[str, Any]]:
    """A refusal of blood products (the admission's version 4) as an Observation of what the
    patient said, in words ("Refuses blood, accepts some components: Platelets (advance decision
    in the notes)"), for the clerk to enter as the EHR's alert; one an amendment withdrew since
    (`versions`, every version of the admission) sent amended as withdrawn. A status code the
    export's tables hold (fhir_codes), not a Flag, whose statuses they do not."""
    said = _refusal_said(spec, admission.data)
    if said is None and not any(_refusal_said(spec, version.data) for version in versions):
        return []
    status = ("entered-in-error" if admission.status is _EIE
              else "final" if all(_refusal_said(spec, version.data) == said for version in versions) else "amended")
    ident = derived_id(admission.record_id, "blood_refusal")
    return [{"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident), "status": status,
             "code": {"text": spec.field("blood_refusal").label.en}, "subject": reference(patient_id),
             "encounter": reference(encounter_id), "effectiveDateTime": moment(admission.occurred_at),
             "valueString": said or "No longer refuses blood products"}]


def _refusal_said(spec: FormSpec, data: dict[str, Any]) -> str | None:
    """The refusal an admission's answers say, in the form's English words; None when none."""
    if data.get("blood_refusal") not in ("all", "some"):
        return None
    said = label(spec, "blood_refusal", data["blood_refusal"])
    if data["blood_refusal"] == "some" and data.get("blood_accepted"):
        said += ": " + ", ".join(label(spec, "blood_accepted", code) for code in data["blood_accepted"])
    if data.get("blood_refusal_details"):
        said += f" ({' '.join(str(data['blood_refusal_details']).split())})"
    return said


def downtime_system(device_id: str) -> str:
    """The system of the downtime numbers the database `device_id` gave (its device id, random at
    each set-up, see services.setup): the EHR keeps a back-entered patient's downtime number as
    an identifier, and matches the next bundles' patients on it; a number given again by a later
    outage's set-up of the laptop is another identifier, never that patient's."""
    return f"{DOWNTIME_SYSTEM}:{device_id}"


def _systems(db: Database, numbers: dict[str, str]) -> dict[str, str]:
    """Each patient's downtime number system: the giving database's (`downtime_system`), or the
    unscoped one for a patient this database sent under it before (an export made by an earlier
    release during this outage): sent under another, the EHR would be given the patient twice."""
    sent = fhir_sent.sent_before(db)
    givers = {patient_id: device_id for part in chunks(numbers) for patient_id, device_id in db.execute(
        f"SELECT patient_id, device_id FROM patients WHERE patient_id IN ({marks(part)})", part)}
    return {patient_id: DOWNTIME_SYSTEM if sent(fhir_sent.identity(
                "Patient", fhir_sent.identifier_condition(DOWNTIME_SYSTEM, number))) is not None
            else downtime_system(givers[patient_id]) for patient_id, number in numbers.items()}


def _made(patient_id: str, number: dict[str, str], items: list[tuple[FormSpec, RecordVersion]],
          ehr_number: str | None, ctx: Context, amended: dict[str, list[RecordVersion]],
          stays_of: Callable[[str], list[Stay]]) -> Made:
    # The latest admission is the one they arrived by last, as the census takes it, not the one
    # written last: amending the first stay must not give the Patient its old identity back.
    admissions = sorted(((spec, r) for spec, r in items if spec.creates_patient), key=lambda p: p[1].occurred_at)
    standing = [(spec, r) for spec, r in admissions if r.status is not _EIE]
    stays = stays_of(patient_id)
    made = Made()
    # Their own death: one recorded under a linked number ends their stay, but is that number's record.
    death = next((left[1] for stay in stays if (left := stay.left) and left[0].movement is Movement.DEATH
                  and left[1].patient_id == patient_id), None)
    identity = (standing or admissions)[-1] if admissions else None
    identified_by = [record.record_id for record in (identity and identity[1], death) if record is not None]
    histories = {record.record_id: amended.get(record.record_id, [record]) for _, record in admissions}
    patient = _patient(patient_id, number, identity and (identity[0], histories[identity[1].record_id]),
                       bool(standing), death)
    if ehr_number is not None:
        patient |= _ehr_patient(patient["identifier"], ehr_number)
    made.add(patient, *identified_by)
    if len({_reliability_codes(spec, version.data) for spec, record in admissions
            for version in histories[record.record_id]}) > 1:
        # An earlier release sent no reliability: whether it sent this identity before or after
        # its status or document changed cannot be told from what it recorded.
        made.unlike_before.add(patient["id"])
    for stay in stays:
        made.add(_encounter(stay, patient_id), *stay.records)
    for spec, admission in admissions:
        if admission.status is _EIE:
            made.add(_withdrawn_encounter(spec, admission, patient_id), admission.record_id)
    ended = {stay.admission.record_id for stay in stays if stay.left}
    # A withdrawn admission is its own Encounter; a standing one may have joined a stay already open.
    encounter_of = {record_id: stay.admission.record_id for stay in stays for record_id in stay.records}
    for spec, admission in admissions:
        encounter = encounter_of.get(admission.record_id, admission.record_id)
        for resource in (*allergy_resources(spec, admission, amended.get(admission.record_id, ()), patient_id,
                                            encounter, partial(ctx.sent_under, "AllergyIntolerance"), ctx.author),
                         *body_measures(admission, patient_id, encounter, ctx, histories[admission.record_id]),
                         *diet(spec, admission, patient_id, encounter, admission.record_id in ended),
                         *usual_medicines(admission, patient_id, encounter, histories[admission.record_id],
                                          partial(ctx.sent_under, "MedicationStatement")),
                         *blood_refusal(spec, admission, amended.get(admission.record_id, ()), patient_id, encounter)):
            made.add(resource, admission.record_id)
    for spec, record in items:
        if spec.movement is Movement.DISCHARGE:
            for resource in _medicines_on_discharge(record, patient_id, encounter_of.get(record.record_id),
                                                    amended.get(record.record_id, ()),
                                                    partial(ctx.sent_under, "MedicationStatement")):
                made.add(resource, record.record_id)
    return made


def _ehr_patient(identifiers: list[dict[str, Any]], ehr_number: str) -> dict[str, Any]:
    """A patient the records office linked to an EHR patient is that patient: found by their
    EHR number, first among the identifiers (the bundle's condition, fhir_export), so the
    conditional create finds the EHR's patient and every resource of the bundle is filed under
    it; on the downtime number alone, which the EHR does not have, it created a second patient.
    The IPP the admission recorded goes only as that number: one the clerk linked otherwise was
    wrong, as linking says (services.back_entry.link_patient); a patient whose link the admission
    contradicts since is held back from the bundle (fhir_export._write_bundle). The downtime number was replaced
    by the EHR's (`link`)."""
    ehr = {"system": IPP_SYSTEM, "value": ehr_number}
    return {"identifier": [{"use": "usual", **ehr}, *(found for found in identifiers if found["system"] != IPP_SYSTEM)],
            "link": [{"other": {"identifier": ehr, "display": f"EHR patient {ehr_number}"}, "type": "replaced-by"}]}


def deceased_patch(died: str | None) -> dict[str, Any]:
    """A FHIRPath Patch of the EHR's patient's death alone (the bundle patches that patient, never
    updates her, see fhir_export): whatever the EHR says of it (a `deceasedBoolean`, an earlier
    date) deleted if found, then the death's time added, `died`, or nothing for a death
    withdrawn. Posted twice, it leaves her file as once. A choice element is named without its
    type, its value with it (FHIRPath Patch's rule)."""
    operations = [[("type", "valueCode", "delete"), ("path", "valueString", "Patient.deceased")]]
    if died is not None:
        operations.append([("type", "valueCode", "add"), ("path", "valueString", "Patient"),
                           ("name", "valueString", "deceased"), ("value", "valueDateTime", died)])
    return {"resourceType": "Parameters", "parameter": [
        {"name": "operation", "part": [{"name": name, kind: value} for name, kind, value in operation]}
        for operation in operations]}


UNVERIFIED_DEATH = QT_TRANSLATE_NOOP("messages", "DEATH NOT VERIFIED YET: recorded before it was verified; enter "
                                                 "the death once a later version of this record says it is verified")
"""What the Provenance of a death recorded "not verified yet" (the death form's VERIFICATION_PENDING)
says, and its stay's disposition: it went out as a final death, the EHR's patient patched
deceased, though in France a doctor must verify a death first. It names no verifier: in the UK
a registered nurse may verify an expected death (death form version 5)."""


def unverified(record: RecordVersion) -> bool:
    """A death recorded before it was verified: the Patient goes without `deceased` (nor
    is the EHR's patient patched, fhir_export) until a version says it is verified."""
    return record.form_id == DEATH_FORM and bool(record.data.get(VERIFICATION_PENDING))


def _value(spec: FormSpec, data: dict[str, Any], meaning: Meaning) -> Any:
    found = spec.by_meaning(meaning)
    return data.get(found.id) if found else None


def _patient(patient_id: str, number: dict[str, str], identity: tuple[FormSpec, list[RecordVersion]] | None,
             standing: bool, death: RecordVersion | None) -> dict[str, Any]:
    """The Patient from their latest standing admission (`identity`: its form and its every
    version, oldest first); inactive when every admission was withdrawn (the number was
    allocated, so it must still be accounted for). `number`: the downtime number's system and
    value (see `_systems`)."""
    identifiers = [{"use": "temp", **number}]
    resource: dict[str, Any] = {"resourceType": "Patient", "id": patient_id, "identifier": identifiers}
    if identity is None:
        return resource
    spec, versions = identity
    admission = versions[-1]
    summary: PatientSummary = summarise(spec, admission, number["value"])
    earlier = earlier_temporary_names(spec, versions)
    # Admitted unidentified (the EHR may hold a provisional file for them already), then found to
    # be a patient of the EHR: this Patient is replaced by theirs, which alone carries the IPP,
    # until the records office links them (`_ehr_patient`): the IPP put on the provisional file
    # gave the EHR two patients of one IPP.
    replaced = bool(earlier) and not summary.unidentified and bool(summary.ipp)
    if summary.ipp and not replaced:
        identifiers.append({"use": "usual", "system": IPP_SYSTEM, "value": summary.ipp})
    # Identity vigilance: the INS may be sent only for an identity checked against a document;
    # a provisional one goes without it, as the back-entry line tells the clerk.
    if summary.nir and summary.identity_status == VALIDATED_IDENTITY:
        identifiers.append(_ins(summary.nir))
    data = admission.data
    if summary.unidentified:
        names = [{"use": "temp", "text": str(_value(spec, data, Meaning.TEMPORARY_NAME) or summary.display_name)}]
    else:
        # A newborn's first names may not be declared yet: no "given" then (FHIR has no empty list).
        given = {"given": words} if (words := str(_value(spec, data, Meaning.GIVEN_NAMES) or "").split()) else {}
        names = [{"use": "official", "family": str(_value(spec, data, Meaning.BIRTH_NAME)), **given}]
        if used := _value(spec, data, Meaning.USED_NAME):
            names.append({"use": "usual", "family": str(used), **given})
    # The temporary names they were known by until identified, each ended then: the laboratory's
    # results and the paper forms filed under UNKNOWN MALE ALPHA are joined to them in the EHR by
    # it. Of use `temp`, as FHIR R4 names one assigned in an emergency, and as their Patient said it
    # while they were unidentified; its period's end says it is no longer theirs.
    names += [{"use": "temp", "text": f"{was.name} ({was.descriptor})" if was.descriptor else was.name,
               "period": {"end": moment(was.until)}} for was in earlier]
    resource |= {"active": standing, "name": names, "gender": GENDER.get(summary.sex or "unknown", "unknown")}
    if summary.birth_date:
        resource["birthDate"] = summary.birth_date.isoformat()
    if summary.phone:
        resource["telecom"] = [{"system": "phone", "value": summary.phone}]
    resource["extension"] = _identity_extensions(spec, versions)
    if death is not None and not unverified(death):
        resource["deceasedDateTime"] = moment(death.occurred_at)
    if contact := next_of_kin(data):
        resource["contact"] = contact
    if replaced:
        resource["link"] = [{"other": {"identifier": {"system": IPP_SYSTEM, "value": summary.ipp},
                                       "display": f"EHR patient {summary.ipp}"}, "type": "replaced-by"}]
    return resource


def _ins(nir: str) -> dict[str, Any]:
    """The INS as FR Core's Patient profile types it: INS-NIR, or INS-NIA under the NIA's OID."""
    awaiting = nir[0] in "78"
    return {"use": "official",
            "type": {"coding": [code_only(FR_CORE_IDENTIFIER_TYPE, "INS-NIA" if awaiting else "INS-NIR")]},
            "system": INS_NIA_SYSTEM if awaiting else INS_SYSTEM, "value": nir}


def _identity_extensions(spec: FormSpec, versions: list[RecordVersion]) -> list[dict[str, Any]]:
    """How far the identity can be trusted, and the birthplace's INSEE code, which identity
    vigilance matches on with the INS traits."""
    code = versions[-1].data.get("birthplace_code")
    return [_reliability(spec, versions), *([_birthplace(str(code))] if code else [])]


def _reliability_codes(spec: FormSpec, data: dict[str, Any]) -> tuple[str, str | None]:
    """FR Core's identity status of an admission, and for a validated one the document seen's
    code. An unidentified patient has no document to check: provisional, whatever was ticked."""
    if _value(spec, data, Meaning.UNIDENTIFIED) or _value(spec, data, Meaning.IDENTITY_STATUS) != VALIDATED_IDENTITY:
        return STATUS_CODES["provisional"], None
    return STATUS_CODES[VALIDATED_IDENTITY], VALIDATION_MODES.get(str(data.get("identity_document")))


def _reliability(spec: FormSpec, versions: list[RecordVersion]) -> dict[str, Any]:
    """FR Core's identity reliability, which the EHR's identity staff read to decide whether to
    qualify the identity through INSi: its status, and for a validated one the document seen and
    the day, that of the version which validated it, the first of the validated versions ending
    with the current one. Version 1's day is the arrival's; an amendment's is the day it was
    written (its time of care is still the arrival), each in the ward's time as written there."""
    status, mode = _reliability_codes(spec, versions[-1].data)
    parts = [{"url": IDENTITY_STATUS_PART, "valueCoding": code_only(FR_CORE_IDENTITY_STATUS, status)}]
    if status == STATUS_CODES[VALIDATED_IDENTITY]:
        if mode is not None:
            parts.append({"url": VALIDATION_MODE_PART, "valueCoding": code_only(FR_CORE_VALIDATION_MODE, mode)})
        seen = versions[-1]
        for version in reversed(versions):
            if _reliability_codes(spec, version.data)[0] != status:
                break
            seen = version
        day = seen.occurred_at if seen.version == 1 else seen.recorded_at
        parts.append({"url": VALIDATION_DATE_PART, "valueDate": day.date().isoformat()})
    return {"url": FR_CORE_IDENTITY_RELIABILITY, "extension": parts}


def _birthplace(code: str) -> dict[str, Any]:
    """The birthplace's INSEE code (a commune's, or 99 and a country's for a person born abroad)
    in the standard birthPlace extension's Address: coded in FR Core 2.1's INSEE code extension,
    and as `district` too, where FR Core 2.0 put it and the release before this one sent it, so
    an EHR on 2.0 still reads it; both say the same five characters."""
    return {"url": BIRTHPLACE, "valueAddress": {
        "extension": [{"url": FR_CORE_INSEE_CODE, "valueCoding": {"system": INSEE_COMMUNES, "code": code}}],
        "district": code}}


def identity_as_before(patient: dict[str, Any]) -> list[dict[str, Any]]:
    """A Patient as earlier releases wrote it, the latest first: without the identity
    reliability and with the birthplace's code as `district` alone; before that, the INS
    untyped, under the NIR's OID whatever its number, and no birthplace. What an earlier export
    recorded as sent is the hash of one of these: compared with this one, each patient it sent
    went again as an update, replacing the EHR's identity, and any correction made to it there
    by the identity-vigilance staff. The worklist line still gives them the birthplace."""
    district = [{"url": BIRTHPLACE, "valueAddress": {"district": found["valueAddress"]["district"]}}
                for found in patient.get("extension", []) if found["url"] == BIRTHPLACE]
    latest = {name: district if name == "extension" else value for name, value in patient.items()
              if name != "extension" or district}
    first = {name: value for name, value in patient.items() if name != "extension"}
    first["identifier"] = [{"use": found["use"], "system": INS_SYSTEM, "value": found["value"]} if "type" in found
                           else found for found in patient["identifier"]]
    return [latest, first]


def _places(ward: str | None, bed: str | None, **when: Any) -> list[dict[str, Any]]:
    """The ward and the bed as two Encounter.location entries, each typed (`wa`, `bd`) and with
    an identifier the EHR can map onto its own locations, their names as displays: as the app's
    own FHIR snapshot reader takes them, where "ward 3B bed 12" as one display could be loaded by
    none. A bed's identifier is its ward's and its number (bed 12 is on every ward). `when`: the
    entries' status and period."""
    places = []
    for system, value, name, kind in ((WARD_SYSTEM, ward, ward, "wa"),
                                      (BED_SYSTEM, f"{ward}/{bed}" if ward else bed, bed, "bd")):
        if name:
            places.append({"location": {"identifier": {"system": system, "value": value}, "display": name},
                           "physicalType": {"coding": [coding(LOCATION_TYPE, kind)]}, **when})
    return places


def _encounter_base(admission: RecordVersion, patient_id: str, status: str) -> dict[str, Any]:
    """The admission's Encounter, found by the record's identifier (first: the bundle's
    condition), and by the EHR's visit number too when the form was given it."""
    identifiers = record_identifier(admission.record_id)
    if number := admission.data.get("encounter_number"):
        identifiers.append({"system": ENCOUNTER_NUMBER_SYSTEM, "value": str(number)})
    return {"resourceType": "Encounter", "id": admission.record_id, "identifier": identifiers,
            "status": status, "class": coding(ACT_CODE, "IMP"), "subject": reference(patient_id)}


def _encounter(stay: Stay, patient_id: str) -> dict[str, Any]:
    """Each ward and bed of the stay is a location with its period: it ends when the next one starts
    (completed), or stays open (active) while the patient is still there; the last one ends when
    the person was admitted under a linked number (`Stay.moved_on`). A place moved into and
    replaced at the same minute is left out: the step of a bed swap (to the ward with no bed, then
    into the other bed, all at one time) gave the EHR a place with no bed that lasted no time,
    for the clerk to enter. The admission's place stays, however short: the EHR's stay starts
    there. The reason for
    admission and the admitting clinician, which the back-entry line leaves out, travel here
    as text, where the FHIR snapshot reader takes them from."""
    ended = stay.left[1].occurred_at if stay.left else None
    locations = []
    for index, (ward, bed, since) in enumerate(stay.places):
        until = stay.places[index + 1][2] if index + 1 < len(stay.places) else stay.moved_on or ended
        if 0 < index < len(stay.places) - 1 and until == since:
            continue
        period = {"start": moment(since)} | ({"end": moment(until)} if until else {})
        locations += _places(ward, bed, status="completed" if until else "active", period=period)
    resource = _encounter_base(stay.admission, patient_id, "finished" if stay.left else "in-progress")
    resource["period"] = {"start": moment(stay.admission.occurred_at)} | ({"end": moment(ended)} if ended else {})
    resource["location"] = locations
    if reason := stay.admission.data.get("reason"):
        resource["reasonCode"] = [{"text": str(reason)}]
    if clinician := stay.admission.data.get("admitting_clinician"):
        resource["participant"] = [{"individual": {"display": str(clinician)}}]
    if stay.left:
        resource["hospitalization"] = _leaving(*stay.left)
        resource |= _discharged_by(resource.get("participant", []), stay.left[1])
    return resource


def _discharged_by(participants: list[dict[str, Any]], left: RecordVersion) -> dict[str, Any]:
    """A discharge's doctor who decided it, beside the admitting clinician, and its reason for the
    stay as the diagnosis, in text: the GP's letter in the EHR named neither (discharge form
    version 3). No code: the EHR's clerk types them as the letter reads."""
    said: dict[str, Any] = {}
    if doctor := left.data.get("decided_by"):
        said["participant"] = [*participants, {"type": [{"text": "Discharge decided by"}],
                                               "individual": {"display": str(doctor)}}]
    if reason := left.data.get("reason_for_stay"):
        said["diagnosis"] = [{"condition": {"display": str(reason)}}]
    return said


def _leaving(spec: FormSpec, record: RecordVersion) -> dict[str, Any]:
    """Where the patient went, coded only where the discharge-disposition code means the same."""
    data = record.data
    if spec.movement is Movement.DEATH:
        died = f"Died — {UNVERIFIED_DEATH}" if unverified(record) else "Died"
        return {"dischargeDisposition": {"coding": [coding(DISCHARGE_DISPOSITION, "exp")], "text": died}}
    if spec.movement is Movement.TRANSFER_OUT:
        where = ", ".join(str(data[key]) for key in ("receiving_hospital", "receiving_unit") if data.get(key))
        where = where or "another hospital"
        return {"dischargeDisposition": {"coding": [coding(DISCHARGE_DISPOSITION, "other-hcf")],
                                         "text": f"Transferred to {where}"},
                "destination": {"display": where}}
    destination = data.get("destination")
    disposition: dict[str, Any] = {}
    if destination in DISCHARGE_DESTINATION:
        disposition["coding"] = [coding(DISCHARGE_DISPOSITION, DISCHARGE_DESTINATION[destination])]
    text = label(spec, "destination", destination) if destination else spec.title.en
    detail = data.get("destination_detail")
    disposition["text"] = f"{text}: {detail}" if detail else text
    return {"dischargeDisposition": disposition}


def _medicines_on_discharge(discharge: RecordVersion, patient_id: str, encounter_id: str | None,
                            history: Sequence[RecordVersion], sent: Callable[[str], bool]) -> list[dict[str, Any]]:
    """What the patient went home on, as the discharge lists it (the orders in force then, checked
    by the ward: what was started, stopped or changed), as a statement of the medicines taken from
    the discharge on, for the GP and the community nurse who read the EHR: the orders themselves
    end with the stay (fhir_medication). Its category as text, no code of the statement's
    categories saying "on discharge". The usual medicines the discharge repeats went with the
    admission's statement."""
    return medicines_said(discharge, "medicines_on_discharge", patient_id, encounter_id, history, sent,
                          effectiveDateTime=moment(discharge.occurred_at), category={"text": "Medicines on discharge"})


def _withdrawn_encounter(spec: FormSpec, admission: RecordVersion, patient_id: str) -> dict[str, Any]:
    """An admission marked entered in error: the Encounter says so, with where it claimed."""
    event = event_of(spec, admission.patient_id, admission.record_id, admission.data, admission.occurred_at,
                     admission.recorded_at)
    start = {"start": moment(admission.occurred_at)}
    return _encounter_base(admission, patient_id, "entered-in-error") | {
        "period": start, "location": _places(event.ward, event.bed, period=start)}

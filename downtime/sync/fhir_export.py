"""FHIR R4 transaction bundle of the patients written on this laptop: Patient (downtime number
as a temporary identifier, IPP and INS when known), the admission Encounter with its ward/bed
and period, and AllergyIntolerance. Entries use urn:uuid fullUrls and conditional create on
the downtime number, so posting the same bundle twice creates nothing new.

Codes come from fixed maps onto their FHIR value sets (fhir.resources does not check codes)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from downtime.domain.census import Location, StayStatus
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.services.patients import PatientSummary

DOWNTIME_SYSTEM = "urn:downtime:number"
IPP_SYSTEM = "urn:downtime:hospital-patient-number"
INS_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
GENDER = {"female": "female", "male": "male", "unknown": "unknown"}
SEVERITY = {"mild": "mild", "moderate": "moderate", "severe": "severe"}
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
ALLOWED = {"Patient.gender": set(GENDER.values()), "Encounter.status": {"in-progress", "finished"},
           "AllergyIntolerance.reaction.severity": set(SEVERITY.values())}


def _value(spec: FormSpec, data: dict[str, Any], meaning: Meaning) -> Any:
    field = spec.by_meaning(meaning)
    return data.get(field.id) if field else None


def _patient(spec: FormSpec, admission: RecordVersion, patient: PatientSummary) -> dict[str, Any]:
    data = admission.data
    identifiers = [{"use": "temp", "system": DOWNTIME_SYSTEM, "value": patient.downtime_number}]
    if patient.ipp:
        identifiers.append({"use": "usual", "system": IPP_SYSTEM, "value": patient.ipp})
    if patient.nir:
        identifiers.append({"use": "official", "system": INS_SYSTEM, "value": patient.nir.replace(" ", "")})
    if patient.unidentified:
        names = [{"use": "temp", "text": str(_value(spec, data, Meaning.TEMPORARY_NAME) or patient.display_name)}]
    else:
        given = str(_value(spec, data, Meaning.GIVEN_NAMES) or "").split()
        names = [{"use": "official", "family": str(_value(spec, data, Meaning.BIRTH_NAME)), "given": given}]
        if used := _value(spec, data, Meaning.USED_NAME):
            names.append({"use": "usual", "family": str(used), "given": given})
    resource: dict[str, Any] = {"resourceType": "Patient", "id": patient.patient_id, "identifier": identifiers,
                                "name": names, "gender": GENDER.get(patient.sex or "unknown", "unknown")}
    if patient.birth_date:
        resource["birthDate"] = patient.birth_date.isoformat()
    return resource


def _encounter(admission: RecordVersion, patient: PatientSummary, location: Location | None) -> dict[str, Any]:
    period = {"start": admission.occurred_at.isoformat()}
    status = "in-progress"
    if location is not None and location.status is not StayStatus.IN:
        status, period["end"] = "finished", location.since.isoformat()
    place = f"ward {location.ward if location else patient.ward} bed {(location.bed if location else patient.bed) or '-'}"
    return {"resourceType": "Encounter", "id": admission.record_id, "status": status,
            "class": {"system": ACT_CODE, "code": "IMP", "display": "inpatient encounter"},
            "subject": {"reference": f"urn:uuid:{patient.patient_id}"}, "period": period,
            "location": [{"location": {"display": place}}],
            "identifier": [{"system": "urn:downtime:record", "value": admission.record_id}]}


def _allergies(spec: FormSpec, admission: RecordVersion, patient: PatientSummary) -> list[dict[str, Any]]:
    field = spec.by_meaning(Meaning.ALLERGIES)
    rows = admission.data.get(field.id) or [] if field else []
    found = []
    for index, row in enumerate(rows):
        ident = str(uuid.uuid5(uuid.UUID(admission.record_id), f"allergy-{index}"))
        resource: dict[str, Any] = {
            "resourceType": "AllergyIntolerance", "id": ident,
            "identifier": [{"system": "urn:downtime:record", "value": ident}],
            "clinicalStatus": {"coding": [{"system": CLINICAL, "code": "active"}]},
            "verificationStatus": {"coding": [{"system": VERIFICATION, "code": "unconfirmed"}]},
            "code": {"text": row["substance"]}, "patient": {"reference": f"urn:uuid:{patient.patient_id}"},
            "recordedDate": admission.recorded_at.isoformat()}
        if row.get("reaction") or row.get("severity"):
            reaction: dict[str, Any] = {"manifestation": [{"text": row.get("reaction") or row["substance"]}]}
            if row.get("severity") in SEVERITY:
                reaction["severity"] = SEVERITY[row["severity"]]
            resource["reaction"] = [reaction]
        found.append(resource)
    return found


def _entry(resource: dict[str, Any], condition: str) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource,
            "request": {"method": "POST", "url": resource["resourceType"], "ifNoneExist": condition}}


def patient_bundle(items: list[tuple[FormSpec, RecordVersion, PatientSummary, Location | None]],
                   bundle_id: str, at: datetime) -> dict[str, Any]:
    """One transaction bundle; stable ids (record and patient UUIDs) give the same resources
    every time the same data is exported."""
    entries = []
    for spec, admission, patient, location in items:
        entries.append(_entry(_patient(spec, admission, patient),
                              f"identifier={DOWNTIME_SYSTEM}|{patient.downtime_number}"))
        entries.append(_entry(_encounter(admission, patient, location),
                              f"identifier=urn:downtime:record|{admission.record_id}"))
        entries += [_entry(resource, f"identifier=urn:downtime:record|{resource['id']}")
                    for resource in _allergies(spec, admission, patient)]
    return {"resourceType": "Bundle", "id": bundle_id, "type": "transaction", "timestamp": at.isoformat(),
            "entry": entries}

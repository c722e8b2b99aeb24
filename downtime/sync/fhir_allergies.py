"""What an admission says of the patient's allergies, as AllergyIntolerance resources an EHR
can keep up to date from one bundle to the next.

Each allergy's id is derived from the admission record and the substance as domain.duplicates
folds it (case, accents and spacing aside), not from its place in the list: the EHR updates an
allergy on its identifier, and with ids by position, removing the first of [Latex, Codeine]
sent Codeine under Latex's identifier (Latex overwritten, Codeine twice) and removing the last
sent nothing (the allergy stayed active in the EHR). The substance is what the ward recognises
an allergy by, and the form keeps no id per row; the same substance listed twice on one
admission is told apart by its rank among its namesakes. Correcting a substance's spelling
beyond folding ("Codiene" to "Codeine") withdraws the first and sends the second.

"No known allergies" is an AllergyIntolerance coded SNOMED CT 716186003 "No known allergy",
confirmed, as the IPS writes it; "not known yet" sends nothing, FHIR's way of saying nothing is
known. Sending nothing for both left the EHR unable to tell a patient checked from one never
asked.

An allergy (or the "no known allergy") an earlier version of the admission stated and the
current one does not goes again with verificationStatus entered-in-error, built from the last
version that stated it, with the amendment that dropped it in a note. Entered in error, not
refuted: the ward amended the admission record, which says an earlier version was wrong, not
that the allergy was disproved clinically (refuted, which the EHR keeps on show as a fact about
the patient); nor resolved, which a ward says by keeping the allergy, not by deleting it.
Earlier versions are all in the database, from every laptop merged into it, so the withdrawal is
in every bundle that holds the patient, whichever database made the earlier bundles; posted
where the allergy was never sent, it creates only an entry already withdrawn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from downtime.domain.duplicates import fold
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.sync.fhir_codes import ALLERGY_CLINICAL, ALLERGY_VERIFICATION, NO_KNOWN_ALLERGY, SEVERITY, SNOMED, coding
from downtime.sync.fhir_elements import derived_id, moment, record_identifier, reference

NO_KNOWN_ALLERGIES = "nka"
LISTED = "allergies"
_NO_KNOWN_KEY = "no-known-allergy"


def allergy_resources(spec: FormSpec, admission: RecordVersion, earlier: Sequence[RecordVersion],
                      patient_id: str) -> list[dict[str, Any]]:
    """What the current version states, entered in error when the admission is; then what
    `earlier` versions of the admission (any order, the current one among them or not) stated
    and it no longer does, entered in error. Each is recorded when the first version stating it
    was typed: an amendment elsewhere on the admission leaves it as the EHR has it."""
    versions = sorted((version for version in earlier if version.id != admission.id), key=lambda v: v.version)
    versions.append(admission)
    first_recorded: dict[str, datetime] = {}
    last_stated: dict[str, tuple[dict[str, Any] | None, int]] = {}
    for index, version in enumerate(versions):
        for key, row in _stated(spec, version).items():
            first_recorded.setdefault(key, version.recorded_at)
            last_stated[key] = (row, index)
    current = _stated(spec, admission)
    withdrawn = admission.status is RecordStatus.ENTERED_IN_ERROR
    found = [_resource(admission.record_id, key, row, first_recorded[key], patient_id, withdrawn, None)
             for key, row in current.items()]
    for key, (row, index) in last_stated.items():
        if key not in current:
            dropped_by = versions[index + 1]
            note = f"Removed from the admission record by its version {dropped_by.version}" + (
                f": {dropped_by.reason}" if dropped_by.reason else "")
            found.append(_resource(admission.record_id, key, row, first_recorded[key], patient_id, True, note))
    return found


def _stated(spec: FormSpec, version: RecordVersion) -> dict[str, dict[str, Any] | None]:
    """Each allergy the version lists by its key (None for "no known allergies"), as the ward's
    safety checks read them (services.patients.summarise): listed rows count only under the
    status "Allergies listed below"."""
    status_field, rows_field = spec.by_meaning(Meaning.ALLERGY_STATUS), spec.by_meaning(Meaning.ALLERGIES)
    status = version.data.get(status_field.id) if status_field else None
    if status == NO_KNOWN_ALLERGIES:
        return {_NO_KNOWN_KEY: None}
    if status != LISTED or rows_field is None:
        return {}
    stated: dict[str, dict[str, Any] | None] = {}
    for row in version.data.get(rows_field.id) or []:
        base = f"allergy:{fold(str(row.get('substance') or ''))}"
        key, rank = base, 1
        while key in stated:
            rank += 1
            key = f"{base}:{rank}"
        stated[key] = row
    return stated


def _resource(record_id: str, key: str, row: dict[str, Any] | None, recorded: datetime, patient_id: str,
              withdrawn: bool, note: str | None) -> dict[str, Any]:
    """One allergy (`row`) or the "no known allergy" (None). A listed allergy is unconfirmed: the
    ward wrote what the patient or family said, with no test behind it."""
    ident = derived_id(record_id, key)
    resource: dict[str, Any] = {"resourceType": "AllergyIntolerance", "id": ident, "identifier": record_identifier(ident)}
    if not withdrawn:
        resource["clinicalStatus"] = {"coding": [coding(ALLERGY_CLINICAL, "active")]}
    verification = "entered-in-error" if withdrawn else "confirmed" if row is None else "unconfirmed"
    resource["verificationStatus"] = {"coding": [coding(ALLERGY_VERIFICATION, verification)]}
    if row is None:
        resource["code"] = {"coding": [coding(SNOMED, NO_KNOWN_ALLERGY)], "text": "No known allergies"}
    else:
        resource["code"] = {"text": row["substance"]}
    resource |= {"patient": reference(patient_id), "recordedDate": moment(recorded)}
    if row is not None and (row.get("reaction") or row.get("severity")):
        reaction: dict[str, Any] = {"manifestation": [{"text": row.get("reaction") or row["substance"]}]}
        if row.get("severity") in SEVERITY:
            reaction["severity"] = SEVERITY[row["severity"]]
        resource["reaction"] = [reaction]
    if note:
        resource["note"] = [{"text": note}]
    return resource

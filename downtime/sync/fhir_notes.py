"""Each clinical note as a FHIR DocumentReference: a nurse's as LOINC's "Nurse Note", anyone
else's as a "Progress note" saying who wrote it (a doctor, a midwife…), its focus as the
document's description and its words whole as a plain-text attachment, in the stay it was
written in. Its author is whom the note is signed by (its Provenance names who typed it). The
EHR files it in the patient's notes for the outage, where a worklist line alone left the records
clerk to type it in again, word for word."""

from __future__ import annotations

import base64
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.records import NOTE_FORM
from downtime.sync.fhir_codes import LOINC, coding
from downtime.sync.fhir_elements import Context, Group, Made, label, moment, patient_key, record_identifier, reference
from downtime.sync.fhir_stays import Stays

NURSE_NOTE, PROGRESS_NOTE = "34746-8", "11506-3"
"""LOINC's document types: a nurse's note, anyone else's progress note."""
PLAIN_TEXT = "text/plain; charset=utf-8"


def note_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per note; it needs its patient, and names the stay it was written in."""
    return {f"note:{record.record_id}": Group(
        f"note:{record.record_id}", partial(_made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in ctx.current(db, NOTE_FORM)}


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    return Made([_document(record, ctx, stays)], {record.record_id: [record.record_id]})


def _document(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[NOTE_FORM]
    discipline = label(spec, "discipline", data["discipline"])
    nursing = data["discipline"] == "nursing"
    resource: dict[str, Any] = {
        "resourceType": "DocumentReference", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": "entered-in-error" if record.status is RecordStatus.ENTERED_IN_ERROR else "current",
        "docStatus": "amended" if record.version > 1 else "final",
        "type": {"coding": [coding(LOINC, NURSE_NOTE if nursing else PROGRESS_NOTE)],
                 "text": f"Clinical note — {discipline}"},
        "subject": reference(str(record.patient_id)), "date": moment(data["written_at"]),
        "author": [{"display": f"{data['written_by']} ({discipline})"}],
        "content": [{"attachment": {
            "contentType": PLAIN_TEXT, "data": base64.b64encode(data["note"].encode("utf-8")).decode("ascii"),
            "title": data.get("focus") or f"Clinical note — {discipline}", "creation": moment(data["written_at"])}}]}
    if data.get("focus"):
        resource["description"] = data["focus"]
    if encounter := stays.encounter_at(record.patient_id, data["written_at"]).get("encounter"):
        resource["context"] = {"encounter": [encounter]}
    return resource

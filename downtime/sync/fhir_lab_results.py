"""Each laboratory result received on the ward as a FHIR Communication from the laboratory to
the ward, in the stay it came in: the laboratory's system holds the result itself and sends it
to the EHR when it is back, so what the ward's record adds is the communication: when it came,
by telephone or on paper, who phoned, that it was read back, its flag (a critical one `stat`),
and which doctor was told when, with the action, as notes. Sending it as an Observation would
enter the result twice."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.lab_results import FORM, received
from downtime.sync.fhir_codes import PARTICIPATION_MODE, coding
from downtime.sync.fhir_elements import (Context, Group, Made, label, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_stays import Stays

MEDIUM = {"telephone": "PHONE", "paper": "WRITTEN"}


def lab_result_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per result; it needs its patient, and names the stay it came in."""
    return {f"lab_result:{record.record_id}": Group(
        f"lab_result:{record.record_id}", partial(_made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in ctx.current(db, FORM)}


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    return Made([_communication(record, ctx, stays)], {record.record_id: [record.record_id]})


def _communication(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], received(record)
    said = f"{found.text()}: {label(spec, 'flag', data['flag'])}"
    resource: dict[str, Any] = {
        "resourceType": "Communication", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": "entered-in-error" if record.status is RecordStatus.ENTERED_IN_ERROR else "completed",
        "category": [{"text": "Laboratory result received on the ward"}],
        "priority": "stat" if data["flag"] == "critical" else "routine",
        "medium": [{"coding": [coding(PARTICIPATION_MODE, MEDIUM[data["received_by"]])]}],
        "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["received_at"]),
        "received": moment(data["received_at"]), "recipient": [ctx.author(ctx.original(record))],
        "payload": [{"contentString": said}]}
    if data.get("caller"):
        resource["sender"] = {"display": " ".join(data["caller"].split())}
    notes = [
        "Read back to the caller and confirmed" if data.get("read_back") else None,
        f"Laboratory number {data['lab_number']}" if data.get("lab_number") else None,
        f"Sample taken {moment(data['sample_taken_at'])}" if data.get("sample_taken_at") else None,
        f"Doctor told: {' '.join(data['told'].split())}, {moment(data['told_at'])}" if data.get("told") else None,
        f"Action: {data['action']}" if data.get("action") else None]
    if kept := [text for text in notes if text]:
        resource["note"] = [{"text": text} for text in kept]
    return resource

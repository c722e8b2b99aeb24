"""Each WHO surgical safety checklist as a FHIR QuestionnaireResponse, the resource for a form
filled in: an item per pause (sign in, time out, sign out) holding an item per question answered,
its words as the paper form asks it, its answer as typed (yes or no as a boolean, a choice in its
words, a time as a dateTime, text as text). It is based on the operation's booking where the
checklist names one (its ServiceRequest), in the stay it was checked in, authored by whoever
typed it. The EHR had none of the outage's checklists: they stayed on paper in the notes."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import DateTimeField, Field, MultiChoiceField, OPTIONED, RecordRefField, YesNoField
from downtime.services.theatre import CHECKLIST_FORM
from downtime.sync.fhir_elements import (Context, Group, Made, label, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_stays import Stays

BOOKING_FIELD = "booking"


def checklist_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per checklist; it needs its patient, and the operation's booking it names."""
    return {f"checklist:{record.record_id}": Group(
        f"checklist:{record.record_id}", partial(_made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id)),
                   *([f"booking:{booking}"] if (booking := record.data.get(BOOKING_FIELD)) else [])}))
        for record in ctx.current(db, CHECKLIST_FORM)}


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    return Made([_response(record, ctx, stays)], {record.record_id: [record.record_id]})


def _status(record: RecordVersion) -> str:
    if record.status is RecordStatus.ENTERED_IN_ERROR:
        return "entered-in-error"
    return "amended" if record.version > 1 else "completed"


def _answers(spec: FormSpec, field: Field, value: Any) -> list[dict[str, Any]]:
    if isinstance(field, YesNoField):
        return [{"valueBoolean": bool(value)}]
    if isinstance(field, DateTimeField):
        return [{"valueDateTime": moment(str(value))}]
    if isinstance(field, MultiChoiceField):
        return [{"valueString": label(spec, field.id, code)} for code in value]
    if isinstance(field, OPTIONED):
        return [{"valueString": label(spec, field.id, str(value))}]
    return [{"valueString": str(value)}]


def _response(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[CHECKLIST_FORM]
    pauses = []
    for section in spec.sections:
        asked = [{"linkId": field.id, "text": field.label.en, "answer": _answers(spec, field, data[field.id])}
                 for field in section.fields
                 if not isinstance(field, RecordRefField) and data.get(field.id) not in (None, "", [])]
        if asked:
            pauses.append({"linkId": section.id, "text": section.title.en, "item": asked})
    first = ctx.original(record)
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse", "id": record.record_id,
        "identifier": record_identifier(record.record_id)[0], "status": _status(record),
        "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["checked_at"]),
        "authored": moment(data["checked_at"]), "author": ctx.author(first), "item": pauses}
    if booking := data.get(BOOKING_FIELD):
        resource["basedOn"] = [reference(str(booking))]
    return resource

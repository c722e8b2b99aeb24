"""Each capillary blood glucose reading as a FHIR Observation in the stay it was taken in: the
glucose in UCUM mmol/L (a meter's LO or HI as absent, with the meter's word as the reason: no
number is made up for it), the ketones as a component when checked, the meal it was taken
against, the action taken and when the next reading was planned as notes (as a line's or a
wound's next check). Its code is in words, "Capillary blood glucose": the LOINC code for a
glucometer reading could not be checked here, and a wrong code files it as another test."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.glucose import NONE_PLANNED
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.services.glucose import FORM, PLAN, charted
from downtime.sync.fhir_codes import DATA_ABSENT_REASON, OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import (Context, Group, Made, label, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_observations import observation_status, quantity
from downtime.sync.fhir_stays import Stays

MMOL = "mmol/L"


def glucose_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per reading; it needs its patient, and names the stay it was taken in."""
    return {f"glucose:{record.record_id}": Group(
        f"glucose:{record.record_id}", partial(_made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in ctx.current(db, FORM)}


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    return Made([_observation(record, ctx, stays)], {record.record_id: [record.record_id]})


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], charted(record)
    value = ({"valueQuantity": quantity(found.reading.glucose, MMOL)} if found.reading.glucose is not None else
             {"dataAbsentReason": {"coding": [coding(DATA_ABSENT_REASON, "not-applicable")],
                                   "text": f"Meter showed {label(spec, 'reading', data['reading'])}"}})
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": observation_status(record), "category": [{"coding": [coding(OBSERVATION_CATEGORY, "exam")]}],
        "code": {"text": "Capillary blood glucose"}, "subject": reference(str(record.patient_id)),
        **stays.encounter_at(record.patient_id, data["taken_at"]), "effectiveDateTime": moment(data["taken_at"]),
        "performer": [ctx.author(ctx.original(record))], **value}
    if found.reading.ketones is not None:
        resource["component"] = [{"code": {"text": "Blood ketones"}, "valueQuantity": quantity(found.reading.ketones, MMOL)}]
    notes = [text for text in (label(spec, "timing", data["timing"]) if data.get("timing") else None,
                               data.get("action"), _plan(spec, data.get(PLAN))) if text]
    if notes:
        resource["note"] = [{"text": text} for text in notes]
    return resource


def _plan(spec: FormSpec, plan: str | None) -> str | None:
    """"Next reading in 1 hour", "No further check planned"; None for a reading written before
    the form asked."""
    if not plan:
        return None
    return label(spec, PLAN, plan) if plan == NONE_PLANNED else f"Next reading in {label(spec, PLAN, plan)}"

"""Each volume measured in or out as a FHIR Observation in millilitres (UCUM), in the stay it was
measured in: the EHR's intake and output chart then covers the outage, one line per volume
as the nurse measured it, and the EHR adds up its own totals.

Its code is in words ("Fluid intake: intravenous"), as the form's option says it: LOINC's
fluid codes are mostly 24-hour totals or a particular route's, and none was certain enough to
send for each kind of volume a ward measures; a wrong code files a volume as something else,
words only ask the clerk to read them. The totals are not sent: worked out from these, they are
the EHR's to add up, as the records office's worklist shows the volumes one by one."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.fluid_balance import INTAKE
from downtime.domain.records import RecordVersion
from downtime.services.fluid_balance import FORM
from downtime.sync.fhir_elements import (Context, Group, Made, label, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_observations import observation_status, quantity
from downtime.sync.fhir_stays import Stays

CATEGORY = {"text": "Fluid balance (intake and output)"}


def fluid_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per volume; it needs its patient, and names the stay it was measured in."""
    return {f"fluid:{record.record_id}": Group(
        f"fluid:{record.record_id}", partial(_made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in ctx.current(db, FORM)}


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    return Made([_observation(record, ctx, stays)], {record.record_id: [record.record_id]})


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data = record.data
    side = "Fluid intake" if data["route"] in INTAKE else "Fluid output"
    route = label(ctx.forms[FORM], "route", data["route"]).split(": ", 1)[-1]
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": observation_status(record), "category": [CATEGORY], "code": {"text": f"{side}: {route}"},
        "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["measured_at"]),
        "effectiveDateTime": moment(data["measured_at"]), "performer": [ctx.author(ctx.original(record))],
        "valueQuantity": quantity(data["volume"], "mL")}
    if data.get("what"):
        resource["note"] = [{"text": data["what"]}]
    return resource

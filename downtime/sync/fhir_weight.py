"""Each weighing (forms/weight.yaml) as a body-weight vital-sign Observation of its own (LOINC
29463-7, in UCUM kg), at the time weighed, in the stay it was made in, how the weight is known
(weighed, estimated, stated) as its method: the EHR's dose checks read the latest body weight.
Before, a child weighed again was recorded by amending the admission, whose Observation
(fhir_admission.body_measures) then carried the new weight at the admission's time: the EHR's
admission weight was replaced, and the date weighed lost. The admission's stays as it is."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.services.weight import FORM, METHOD
from downtime.sync.fhir_admission import BODY
from downtime.sync.fhir_codes import LOINC, coding
from downtime.sync.fhir_elements import Context, Group, label
from downtime.sync.fhir_observations import quantity, record_observation
from downtime.sync.fhir_stays import Stays, one_each

CODE, UNIT = BODY["weight_kg"]


def weight_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per weighing."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data = record.data
    return record_observation(
        record, ctx, stays, "vital-signs", {"coding": [coding(LOINC, CODE)]}, data["weighed_at"],
        valueQuantity=quantity(data["weight_kg"], UNIT),
        method={"text": label(ctx.forms[FORM], METHOD, data[METHOD])},
        **({"note": [{"text": data["notes"]}]} if data.get("notes") else {}))

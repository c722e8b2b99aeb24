"""Each delirium screening as a FHIR Observation (a survey) in the stay it was made in: the 4AT
total as the value, what it says as the interpretation, each item's answer (its points in its
words) as a component. Codes are in words: LOINC's and SNOMED CT's could not be checked here,
and a wrong code files it as something else."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.delirium import ITEMS
from downtime.domain.records import RecordVersion
from downtime.services.delirium import FORM, screened
from downtime.sync.fhir_elements import Context, Group, label
from downtime.sync.fhir_observations import record_observation
from downtime.sync.fhir_stays import Stays, one_each

FOUR_AT = {"text": "4AT delirium screening: total score"}


def delirium_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per screening."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], screened(record)
    return record_observation(
        record, ctx, stays, "survey", FOUR_AT, data["screened_at"], valueInteger=found.score,
        interpretation=[{"text": found.meaning("en")}],
        component=[{"code": {"text": spec.field(item).label.en},
                    "valueCodeableConcept": {"text": label(spec, item, data[item])}} for item in ITEMS],
        **({"note": [{"text": data["notes"]}]} if data.get("notes") else {}))

"""Each malnutrition screening as a FHIR Observation (a survey) in the stay it was made in: the
MUST score as the value, its risk as the interpretation, the body mass index, weight, height,
weight lost and acute illness as components (the measures in UCUM), and a loss the stay's weights
show that the nurse confirmed as not scored (oedema gone: version 2's `loss_not_scored_pct`), the
score being lower than those weights alone give. Codes are in words: LOINC's and SNOMED CT's could
not be checked here, and a wrong code files it as something else."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.nutrition import RISKS
from downtime.domain.records import RecordVersion
from downtime.services.nutrition import FORM, LOSS_NOT_SCORED, screened
from downtime.sync.fhir_elements import Context, Group, label
from downtime.sync.fhir_observations import quantity, record_observation
from downtime.sync.fhir_stays import Stays, one_each

MUST = {"text": "Malnutrition Universal Screening Tool (MUST): total score"}


def nutrition_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per screening."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], screened(record)
    percent = data.get(LOSS_NOT_SCORED)
    not_scored = [{"code": {"text": spec.field(LOSS_NOT_SCORED).label.en}, "valueQuantity": quantity(percent, "%")}]
    return record_observation(
        record, ctx, stays, "survey", MUST, data["screened_at"], valueInteger=found.score,
        interpretation=[{"text": RISKS[found.risk]["en"]}],
        component=[
            {"code": {"text": "Body mass index"}, "valueQuantity": quantity(round(found.bmi, 1), "kg/m2")},
            {"code": {"text": spec.field("weight_kg").label.en}, "valueQuantity": quantity(data["weight_kg"], "kg")},
            {"code": {"text": spec.field("height_cm").label.en}, "valueQuantity": quantity(data["height_cm"], "cm")},
            {"code": {"text": spec.field("weight_loss").label.en},
             "valueCodeableConcept": {"text": label(spec, "weight_loss", data["weight_loss"])}},
            {"code": {"text": spec.field("acute_no_intake").label.en}, "valueBoolean": data["acute_no_intake"]},
            *(not_scored if percent else [])],
        **({"note": [{"text": data["notes"]}]} if data.get("notes") else {}))

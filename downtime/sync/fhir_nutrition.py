"""Each malnutrition screening as a FHIR Observation (a survey) in the stay it was made in: the
MUST score as the value, its risk as the interpretation (as the record says it: the screen's note
that the app keeps no food chart stays on the ward), the body mass index, weight, height,
weight lost and acute illness as components (the measures in UCUM), and a loss the stay's weights
show that the nurse confirmed as not scored (oedema gone: version 2's `loss_not_scored_pct`), the
score being lower than those weights alone give. Codes are in words: LOINC's and SNOMED CT's could
not be checked here, and a wrong code files it as something else.

The weight weighed at the screening goes as a body-weight vital sign too (LOINC 29463-7, as a
weighing's, sync.fhir_weight), derived from the survey, with how it is known as its method (form
version 3's `weight_method`; blank, or an older version, weighed): the app doses on it as the
latest weight (services.weight), and as a component alone it never reached the EHR's dose checks,
which read the admission's, heavier, weight. An estimate went as a plain weight, dosed on as if
weighed. The same kg at the same instant as the patient's admission weight or a weighing (one
weighing typed on two forms) is that body weight already: the survey's component alone says it,
and the EHR's weight chart no longer shows the weighing twice."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.nutrition import RISK_RECORDED
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services import weight
from downtime.services.nutrition import FORM, LOSS_NOT_SCORED, screened
from downtime.sync.fhir_admission import BODY
from downtime.sync.fhir_codes import LOINC, OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import Context, Group, Made, derived_id, label, patient_key, record_identifier, reference
from downtime.sync.fhir_observations import quantity, record_observation
from downtime.sync.fhir_stays import Stays

MUST = {"text": "Malnutrition Universal Screening Tool (MUST): total score"}
WEIGHT = "weight_kg"
WEIGHED_AT = "weighed_at"
"""A weighing's time (forms/weight.yaml)."""
MEASURED = "measured"
"""The option of `weight_method` (services.weight.SCREENED_HOW, read by name as the table of
formspec.required_by_code says) a blank answer, or a record of version 2, reads as."""


def nutrition_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per screening: its survey and its body weight."""
    screenings = ctx.current(db, FORM)
    weighed = _body_weights(db, ctx) if screenings else set()
    return {f"{FORM}:{record.record_id}": Group(
        f"{FORM}:{record.record_id}", partial(_made, record, ctx, stays, weighed), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in screenings}


Weighed = tuple[str, float, datetime, str]
"""A body weight the bundle sends: (patient id, kg, instant, how it is known)."""


def _body_weights(db: Database, ctx: Context) -> Collection[Weighed]:
    """The body weights the bundle's admissions and weighings standing give (sync.fhir_admission.
    body_measures, sync.fhir_weight), with how each is known (a blank answer as measured)."""
    found = {(str(record.patient_id), float(record.data[WEIGHT]), record.occurred_at,
              record.data.get("weight_method") or MEASURED)
             for form_id, spec in ctx.forms.items() if spec.creates_patient
             for record in ctx.current(db, form_id) if record.data.get(WEIGHT) is not None
             and record.status is not RecordStatus.ENTERED_IN_ERROR}
    if weight.FORM in ctx.forms:
        found |= {(str(record.patient_id), float(record.data[WEIGHT]), datetime.fromisoformat(record.data[WEIGHED_AT]),
                   record.data.get("method") or MEASURED)
                  for record in ctx.current(db, weight.FORM) if record.status is not RecordStatus.ENTERED_IN_ERROR}
    return found


def _made(record: RecordVersion, ctx: Context, stays: Stays, weighed: Collection[Weighed]) -> Made:
    survey = _observation(record, ctx, stays)
    made = [survey, *_body_weight(record, ctx, survey, weighed)]
    return Made(made, {record.record_id: [resource["id"] for resource in made]})


def _body_weight(record: RecordVersion, ctx: Context, survey: dict[str, Any],
                 weighed: Collection[Weighed]) -> list[dict[str, Any]]:
    """The screening's weight as a body-weight Observation at the time screened, sharing the
    survey's status, patient, stay and author, with how it is known; none where the patient's
    admission or a weighing gives that kg at that instant known the same way (`weighed`, see
    `_body_weights`: a weight measured on the scales was left out beside the admission's estimate
    of the same kg, and the EHR's dose checks saw the estimate alone)."""
    kg, how = record.data.get(WEIGHT), record.data.get("weight_method") or MEASURED
    if kg is None or (str(record.patient_id), float(kg), datetime.fromisoformat(record.data["screened_at"]),
                      how) in weighed:
        return []
    code, unit = BODY[WEIGHT]
    ident = derived_id(record.record_id, WEIGHT)
    return [{"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident),
             "status": survey["status"], "category": [{"coding": [coding(OBSERVATION_CATEGORY, "vital-signs")]}],
             "code": {"coding": [coding(LOINC, code)]},
             **{name: survey[name] for name in ("subject", "encounter", "effectiveDateTime", "performer")
                if name in survey},
             "valueQuantity": quantity(kg, unit),
             "method": {"text": label(ctx.forms[FORM], "weight_method", how)},
             "derivedFrom": [reference(survey["id"])]}]


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], screened(record)
    percent = data.get(LOSS_NOT_SCORED)
    not_scored = [{"code": {"text": spec.field(LOSS_NOT_SCORED).label.en}, "valueQuantity": quantity(percent, "%")}]
    return record_observation(
        record, ctx, stays, "survey", MUST, data["screened_at"], valueInteger=found.score,
        interpretation=[{"text": RISK_RECORDED[found.risk]["en"]}],
        component=[
            {"code": {"text": "Body mass index"}, "valueQuantity": quantity(round(found.bmi, 1), "kg/m2")},
            {"code": {"text": spec.field("weight_kg").label.en}, "valueQuantity": quantity(data["weight_kg"], "kg")},
            {"code": {"text": spec.field("height_cm").label.en}, "valueQuantity": quantity(data["height_cm"], "cm")},
            {"code": {"text": spec.field("weight_loss").label.en},
             "valueCodeableConcept": {"text": label(spec, "weight_loss", data["weight_loss"])}},
            {"code": {"text": spec.field("acute_no_intake").label.en}, "valueBoolean": data["acute_no_intake"]},
            *(not_scored if percent else [])],
        **({"note": [{"text": data["notes"]}]} if data.get("notes") else {}))

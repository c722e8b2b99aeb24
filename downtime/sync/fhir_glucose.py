"""Each capillary blood glucose reading as a FHIR Observation in the stay it was taken in:
LOINC 14743-9, "Glucose [Moles/volume] in Capillary blood by Glucometer" (its unit mmol/L; the
LOINC table's row), category laboratory (a point-of-care test, as a laboratory's glucose is
filed), the glucose in UCUM mmol/L at the 1 decimal a meter shows (0.52 g/L is 2.9 mmol/L, not
2.889) with the value as typed and its unit kept in a note, low or high as its interpretation
(v3 L, LL, H, HH: a hypo, a meter's LO or below 3, above 12, 30 or more or HI); a meter's LO or HI as a
comparator at a bound every ward meter's range passes (the lowest glucose of the stay went as
"not applicable", unflagged). The ketones as a component when checked (a ketone meter's HI as
"> 8" mmol/L, no number made up for it; with no code, only its text: no LOINC code for a
capillary beta-hydroxybutyrate meter was checked against the LOINC table), the meal it was taken
against, the action taken and when the next reading was planned as notes (as a line's or a
wound's next check)."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.glucose import (CHECK_KETONES_ABOVE, HYPEROSMOLAR_FROM, KETONES_HI_ABOVE, METER_BOUNDS,
                                     NONE_PLANNED, SCALES, Reading, Unit)
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.services.glucose import FORM, PLAN, charted
from downtime.sync.fhir_codes import LOINC, OBSERVATION_CATEGORY, OBSERVATION_INTERPRETATION, coding
from downtime.sync.fhir_elements import (Context, Group, Made, label, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_observations import observation_status, quantity
from downtime.sync.fhir_stays import Stays

MMOL = "mmol/L"
CODE = {"coding": [coding(LOINC, "14743-9")], "text": "Capillary blood glucose"}


def glucose_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per reading; it needs its patient, and names the stay it was taken in."""
    return {f"glucose:{record.record_id}": Group(
        f"glucose:{record.record_id}", partial(_made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in ctx.current(db, FORM)}


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    return Made([_observation(record, ctx, stays)], {record.record_id: [record.record_id]})


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], charted(record)
    places = SCALES[Unit.MMOL].places
    if found.reading.glucose is not None:
        value = quantity(round(found.reading.glucose, places), MMOL)
        typed = (f"As read on the meter: {found.reading.typed:g} {SCALES[found.reading.unit].symbol}"
                 if found.reading.unit is not Unit.MMOL and found.reading.typed is not None else None)
    else:
        comparator, bound = METER_BOUNDS[data["reading"]]
        value = {"comparator": comparator, **quantity(bound, MMOL)}
        typed = f"Meter showed {label(spec, 'reading', data['reading'])}"
    interpreted = _interpretation(found.reading)
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": observation_status(record), "category": [{"coding": [coding(OBSERVATION_CATEGORY, "laboratory")]}],
        "code": CODE, "subject": reference(str(record.patient_id)),
        **stays.encounter_at(record.patient_id, data["taken_at"]), "effectiveDateTime": moment(data["taken_at"]),
        "performer": [ctx.author(ctx.original(record))], "valueQuantity": value,
        **({"interpretation": [{"coding": [coding(OBSERVATION_INTERPRETATION, interpreted)]}]} if interpreted else {})}
    if found.reading.ketones_measured:
        ketones = ({"comparator": ">", **quantity(KETONES_HI_ABOVE, MMOL)} if found.reading.ketones_hi
                   else quantity(found.reading.ketones, MMOL))
        resource["component"] = [{"code": {"text": "Blood ketones"}, "valueQuantity": ketones}]
    notes = [text for text in (typed, label(spec, "timing", data["timing"]) if data.get("timing") else None,
                               data.get("action"), _plan(spec, data.get(PLAN))) if text]
    if notes:
        resource["note"] = [{"text": text} for text in notes]
    return resource


def _interpretation(found: Reading) -> str | None:
    """The reading as low or high (v3 ObservationInterpretation), as the chart judges it
    (domain.glucose): a meter's LO or below 3 mmol/L (level 2) critically low, another hypo low; HI
    or 30 mmol/L or more (a hyperosmolar state possible) critically high, above 12 (ketones
    checked) high; None between."""
    if found.severe_hypo:
        return "LL"
    if found.hypo:
        return "L"
    if found.hi or (found.glucose is not None and found.glucose >= HYPEROSMOLAR_FROM):
        return "HH"
    return "H" if found.glucose is not None and found.glucose > CHECK_KETONES_ABOVE else None


def _plan(spec: FormSpec, plan: str | None) -> str | None:
    """"Next reading in 1 hour", "No further check planned"; None for a reading written before
    the form asked."""
    if not plan:
        return None
    return label(spec, PLAN, plan) if plan == NONE_PLANNED else f"Next reading in {label(spec, PLAN, plan)}"

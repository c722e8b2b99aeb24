"""Each sepsis screening as a FHIR Observation (a survey) in the stay it was made in: what it
found as the value and its meaning as the interpretation; whether an infection is likely and
its source, the readings it was made on (LOINC and UCUM as a set's; typed on the screening, they
may be no set's), the NEWS2 they score, each red flag (ticked, or shown by a reading), each of
the Sepsis Six with its time (or not needed) and the doctor's review as components; one of the
Sepsis Six ticked not needed that the app still asks for (`left_to_do`: oxygen with the readings
under target on air, IV fluids before a doctor's review), saved before the form refused it, is
not sent as not needed but said in a note with why. Its own
codes are in words: SNOMED CT's could not be checked here, and a wrong code files it as
something else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.domain.sepsis import (MAY_BE_NOT_NEEDED, NEEDS_OXYGEN, READING_FLAG_WORDS, SIX, SIX_WORDS, left_to_do,
                                    reading_flags, target_missed)
from downtime.formspec import FormSpec
from downtime.services.sepsis import FORM, SHORT, screened
from downtime.sync.fhir_elements import Context, Group, label, moment
from downtime.sync.fhir_codes import LOINC, coding
from downtime.sync.fhir_observations import BLOOD_PRESSURE, VITALS, doctor_review, quantity, record_observation
from downtime.sync.fhir_stays import Stays, one_each

SEPSIS = {"text": "Sepsis screening (UK Sepsis Trust inpatient tool)"}
READINGS = {**VITALS, "systolic_bp": ((BLOOD_PRESSURE[1]["systolic_bp"],), BLOOD_PRESSURE[2])}
"""The readings a screening was made on, as a set's vital signs are coded."""


def sepsis_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per screening."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], screened(record)
    flags = [label(spec, "red_flags", code) for code in data.get("red_flags") or ()] + [
        READING_FLAG_WORDS[name].format(value=value) for name, value in reading_flags(data, found.news2).items()]
    ticked = set(data.get("not_needed") or ()) & MAY_BE_NOT_NEEDED
    ignored = [item for item in left_to_do(data) if item in ticked]
    not_needed = ticked - set(ignored)
    notes = [text for text in (data.get("notes"), *(_not_needed_ignored(data, spec, item) for item in ignored)) if text]
    six = [{"code": {"text": f"Sepsis Six: {SIX_WORDS[item]['en']}"}, "valueDateTime": moment(data[f"{item}_at"])}
           if data.get(f"{item}_at") else {"code": {"text": f"Sepsis Six: {SIX_WORDS[item]['en']}"},
                                           "valueString": "not needed"}
           for item in SIX if data.get(f"{item}_at") or item in not_needed]
    return record_observation(
        record, ctx, stays, "survey", SEPSIS, data["screened_at"],
        valueCodeableConcept={"text": SHORT[found.screening.outcome]["en"]},
        interpretation=[{"text": found.meaning("en")}],
        component=[{"code": {"text": spec.field("infection").label.en},
                    "valueCodeableConcept": {"text": label(spec, "infection", data["infection"])}},
                   *([{"code": {"text": "Likely source"},
                       "valueCodeableConcept": {"text": label(spec, "source", data["source"])}}]
                     if data.get("source") else []),
                   *({"code": {"coding": [coding(LOINC, code) for code in codes]},
                      "valueQuantity": quantity(data[field_id], unit)}
                     for field_id, (codes, unit) in READINGS.items() if data.get(field_id) is not None),
                   *({"code": {"text": spec.field(field_id).label.en},
                      "valueCodeableConcept": {"text": label(spec, field_id, data[field_id])}}
                     for field_id in ("spo2_scale", "consciousness") if data.get(field_id)),
                   *([{"code": {"text": "On supplemental oxygen"}, "valueBoolean": data["on_oxygen"]}]
                     if data.get("on_oxygen") is not None else []),
                   *([{"code": {"text": "NEWS2 of the readings"}, "valueInteger": found.news2.total}]
                     if found.news2 is not None else []),
                   *({"code": {"text": "Red flag"}, "valueString": flag} for flag in flags), *six,
                   *doctor_review(data, "Reviewed by the doctor")],
        **({"note": [{"text": text} for text in notes]} if notes else {}))


def _not_needed_ignored(data: Mapping[str, Any], spec: FormSpec, item: str) -> str:
    """Why one of the Sepsis Six ticked not needed is still asked for, as `left_to_do` reads it."""
    if item != "oxygen":
        because = "no doctor's review recorded, whose decision it is"
    elif (target := target_missed(data)) is not None:
        because = f"SpO2 {data['spo2']} % on air, under the target of {target} %"
    else:
        because = f"red flag: {label(spec, 'red_flags', NEEDS_OXYGEN)}"
    return f"Sepsis Six: {SIX_WORDS[item]['en']} ticked not needed, not taken as such: {because}"

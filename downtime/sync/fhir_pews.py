"""Each set of a child's paediatric observations as FHIR Observations, as an adult's set goes
(sync.fhir_observations): the vital signs with their LOINC codes and UCUM units, so the EHR's
charts of a child's heart rate and breathing cover the outage; the work of breathing, capillary
refill, oxygen given and consciousness as what the nurse observed, in words; and the Bedside PEWS
total derived from them, each item's points as a component, the child's age band and what the set
asked (8 or more, a red flag, a child not alert, someone worried) as its interpretation: each
calls the doctor whatever the score, and a PEWS 6 exported with only its age band gave no reason
it was escalated. The score's code is in words: no LOINC
or SNOMED CT code for Bedside PEWS could be checked here, and a wrong code files it as another
score. A set of a child whose date of birth is not known carries no total but why."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.pews import ALERT, BAND_WORDS, ITEMS, URGENT_FROM, missing_asked
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.services.pews import FORM, Taken, charted_by_record, taken
from downtime.sync.fhir_codes import DATA_ABSENT_REASON, UCUM, coding
from downtime.sync.fhir_elements import Context, Group, Made, label
from downtime.sync.fhir_observations import VITALS, Measured, sets_scored_by_age
from downtime.sync.fhir_stays import Stays

PEWS = {"text": "Bedside Paediatric Early Warning System score"}
SCORE = "{score}"
"""UCUM's annotation for a score, the unit of an incomplete set's "at least" total."""
PEWS_VITALS = {"respiratory_rate": VITALS["respiratory_rate"], "spo2": VITALS["spo2"],
               "heart_rate": VITALS["pulse"], "temperature": VITALS["temperature"]}
"""The form's vital signs and their codes: its heart rate is the adult chart's pulse (LOINC 8867-4, heart rate)."""
OBSERVED = {"respiratory_effort": "Work of breathing", "capillary_refill": "Capillary refill time",
            "oxygen": "Supplemental oxygen", "consciousness": "Level of consciousness (AVPU)"}


def pews_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per set, scored on its child's age band, each standing set as its chart reads it
    (`charted_by_record`: a set without a temperature with the recent one's red flags)."""
    charted = charted_by_record(ctx.current(db, FORM))
    return sets_scored_by_age(db, ctx, stays, FORM, "pews", partial(_made, charted=charted))


def _made(record: RecordVersion, ctx: Context, birth_date: date | None, stays: Stays,
          charted: dict[str, Taken]) -> Made:
    spec = ctx.forms[FORM]
    measured = Measured(record, ctx, stays, record.data["taken_at"])
    measured.vitals(PEWS_VITALS)
    for field_id, code in OBSERVED.items():
        measured.said(spec, field_id, code)
    one = charted.get(record.record_id) or taken(record)
    resources = [*measured.made, measured.total(PEWS, **_total(one, birth_date, spec))]
    return Made(resources, {record.record_id: [resource["id"] for resource in resources]})


def _total(one: Taken, birth_date: date | None, spec: FormSpec) -> dict[str, Any]:
    """The total, or, for a set missing a reading it is asked for (`missing_asked`), at least the
    total, as the screen says "PEWS ≥ 5 (incomplete)": sent as the figure, it was back-entered as
    the child's score; the readings not taken by the form's words."""
    consciousness = one.record.data.get("consciousness") or ALERT
    found = one.scored(birth_date)
    if found is None and birth_date is None:
        return {"dataAbsentReason": {"coding": [coding(DATA_ABSENT_REASON, "unknown")],
                                     "text": "Date of birth not known: the score's ranges go by age"}}
    if found is None:
        return {"dataAbsentReason": {"coding": [coding(DATA_ABSENT_REASON, "not-applicable")],
                                     "text": "16 or over when taken: NEWS2's, not PEWS's"}}
    missing = missing_asked(found)
    said = [f"Age band: {BAND_WORDS[found.band]['en']}",
            *([f"{URGENT_FROM} or more: urgent medical review"] if found.urgent else []),
            *(f"Red flag: {said}" for said in one.red_said(birth_date, "en")),
            *([f"Not alert: {label(spec, 'consciousness', consciousness)}"] if consciousness != ALERT else []),
            *(["Nurse or parent worried"] if one.concern else []),
            *([f"Not taken: {', '.join(spec.field(item).label.get('en') for item in missing)}"] if missing else [])]
    value = {"valueQuantity": {"value": found.total, "comparator": ">=", "system": UCUM, "code": SCORE}} if missing \
        else {"valueInteger": found.total}
    return {**value, "interpretation": [{"text": text} for text in said],
            "component": [{"code": {"text": item}, "valueInteger": found.points[item]} for item in ITEMS
                          if found.points[item] is not None]}

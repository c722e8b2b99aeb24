"""Each delirium screening as a FHIR Observation (a survey) in the stay it was made in: the 4AT
total as the value, what it says as the interpretation, each item's answer (its points in its
words) and the doctor told of it (version 2: a name and a time, as the app reads them) as
components; a doctor told at a time before the screening, which the app ignores, as a note. Codes are in words: LOINC's and SNOMED CT's could not be checked here,
and a wrong code files it as something else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from downtime.domain.delirium import ITEMS, doctor_told_at
from downtime.domain.records import RecordVersion
from downtime.services.delirium import FORM, screened
from downtime.sync.fhir_elements import Context, Group, label, moment
from downtime.sync.fhir_observations import doctor_review, record_observation
from downtime.sync.fhir_stays import Stays, one_each

FOUR_AT = {"text": "4AT delirium screening: total score"}
TOLD = "Doctor told"


def delirium_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per screening."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], screened(record)
    told, counted = doctor_review(data, TOLD, "doctor_told", "doctor_told_at"), doctor_told_at(data) is not None
    notes = [text for text in (data.get("notes"), _told_ignored(data) if told and not counted else None) if text]
    return record_observation(
        record, ctx, stays, "survey", FOUR_AT, data["screened_at"], valueInteger=found.score,
        interpretation=[{"text": found.meaning("en")}],
        component=[*({"code": {"text": spec.field(item).label.en},
                      "valueCodeableConcept": {"text": label(spec, item, data[item])}} for item in ITEMS),
                   *(told if counted else [])],
        **({"note": [{"text": text} for text in notes]} if notes else {}))


def _told_ignored(data: Mapping[str, Any]) -> str:
    """A doctor told before the screening (merged from a laptop that did not check it): a typing
    slip the app does not take as told, sent as typed so the records office can ask."""
    return (f"{TOLD}: {' '.join(data['doctor_told'].split())}, {moment(data['doctor_told_at'])}, before the "
            "screening: not taken as told")

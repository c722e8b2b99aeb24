"""Each record of a patient missing from the ward as a FHIR Flag and an Observation, in the stay
it happened in.

The Flag is what the EHR shows on the patient's banner: "Patient missing from ward", a safety
flag, active from when the patient was last seen until they were found or returned, or their stay
ended without it (discharged in their absence, or dead): then inactive, its period closed. It
is entered in error when the record was. The Observation carries what
the records clerk back-enters from the paper procedure: when and where last seen, the
description, the risk and its factors (HIGH whenever one is ticked: domain.missing_patient), each
action's time (searched, security, doctor, next of kin, police and its reference) and the return
with its doctor's review, each a component named by the form's English label. Codes are in words:
SNOMED CT's could not be checked here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.missing_patient import FORM, risk
from downtime.sync.fhir_answers import answer_components
from downtime.sync.fhir_codes import FLAG_CATEGORY, coding
from downtime.sync.fhir_elements import Context, Group, Made, derived_id, label, moment, patient_key, \
    record_identifier, reference
from downtime.sync.fhir_observations import record_observation
from downtime.sync.fhir_stays import Stays

MISSING = {"text": "Patient missing from ward"}
RECORDED = {"text": "Patient missing from ward: procedure record"}
RISK = "Risk (HIGH whenever a factor is ticked)"
"""The risk as the rules read it, sent beside the nurse's answer: a factor ticked makes it HIGH."""
LEFT_OUT = frozenset({"risk"})
"""Sent as `RISK` instead of as answered."""


def missing_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per record: its Flag and its Observation, standing or falling together, and
    changed by the leaving that ended the stay the patient went missing from (`_left`) as by the
    record: the export after a discharge in their absence sends the Flag ended."""
    return {f"{FORM}:{record.record_id}": Group(
        f"{FORM}:{record.record_id}", lambda record=record, left=left: _made(record, left, ctx, stays),
        frozenset({record.record_id, *([left.record_id] if left is not None else [])}),
        frozenset({patient_key(str(record.patient_id))}))
        for record in ctx.current(db, FORM) for left in [_left(record, stays)]}


def _made(record: RecordVersion, left: RecordVersion | None, ctx: Context, stays: Stays) -> Made:
    made = Made()
    made.add(flag(record, left, ctx, stays), record.record_id)
    made.add(observation(record, ctx, stays), record.record_id)
    return made


def flag(record: RecordVersion, left: RecordVersion | None, ctx: Context, stays: Stays) -> dict[str, Any]:
    """The Flag: active while the patient is missing, inactive once found or returned, or once
    the stay they went missing from ended (`left`: discharged in their absence, or dead)."""
    data = record.data
    ended = datetime.fromisoformat(data["returned_at"]) if data.get("returned_at") else (
        left.occurred_at if left is not None else None)
    status = "entered-in-error" if record.status is RecordStatus.ENTERED_IN_ERROR else (
        "inactive" if ended else "active")
    return {"resourceType": "Flag", "id": record.record_id, "identifier": record_identifier(record.record_id),
            "status": status, "category": [{"coding": [coding(FLAG_CATEGORY, "safety")]}], "code": MISSING,
            "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["last_seen_at"]),
            "period": {"start": moment(data["last_seen_at"]), **({"end": moment(ended)} if ended else {})},
            "author": ctx.author(ctx.original(record))}


def _left(record: RecordVersion, stays: Stays) -> RecordVersion | None:
    """The discharge, death or transfer out that ended the stay the patient was last seen in
    with no return recorded, else None: a patient discharged while missing was sent to the EHR
    missing for good."""
    if record.data.get("returned_at"):
        return None
    seen = datetime.fromisoformat(record.data["last_seen_at"])
    stay = next((stay for stay in reversed(stays.of(str(record.patient_id))) if stay.holds(seen)), None)
    return stay.left[1] if stay is not None and stay.left is not None else None


def observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    """The procedure's answers for the records clerk, as an Observation noticed missing at."""
    spec, data = ctx.forms[FORM], record.data
    judged = risk(data)
    made = record_observation(record, ctx, stays, "survey", RECORDED, data["noticed_at"],
                              component=[*([{"code": {"text": RISK}, "valueCodeableConcept": {"text": label(
                                  spec, "risk", judged.value)}}] if judged is not None else []),
                                         *answer_components(spec, data, LEFT_OUT)])
    made["id"] = derived_id(record.record_id, "record")
    made["identifier"] = record_identifier(made["id"])
    return made


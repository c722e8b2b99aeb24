"""A decision not to attempt resuscitation as a FHIR Observation: SNOMED CT 304251008
"Resuscitation status" valued 304253006 "Not for resuscitation", from when it was decided (the
admission's `resuscitation_decided_at`, else when it was recorded) by the doctor it names, in
the stay it was decided in. The bundle carried none: an EHR loading it kept a patient made DNACPR
during the outage "for resuscitation", the decision only on the worklist's line.

One Observation per admission record that ever said DNACPR, its identifier made from the record:
an amendment updates it. Lifted (the admission amended to another answer), it is sent again with
the decision's end; the admission withdrawn, it is entered in error with it."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.resuscitation import DECIDED_AT, DECIDED_BY, DNACPR, FORM
from downtime.sync.fhir_codes import SNOMED, coding
from downtime.sync.fhir_elements import (Context, Group, Made, derived_id, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_stays import Stays
from downtime.storage.records import histories

RESUSCITATION_STATUS, NOT_FOR_RESUSCITATION = "304251008", "304253006"
"""SNOMED CT's "Resuscitation status" and "Not for resuscitation" (fhir_codes' table holds their displays)."""


def resuscitation_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per admission record one of whose versions said DNACPR, made from its versions."""
    admissions = {record.record_id: record for record in ctx.current(db, FORM)}
    every = histories(db, list(admissions))
    return {f"resuscitation:{record_id}": Group(
        f"resuscitation:{record_id}", partial(_made, admissions[record_id], versions, ctx, stays),
        frozenset({record_id}), frozenset({patient_key(str(admissions[record_id].patient_id))}))
        for record_id, versions in every.items() if any(version.data.get("resuscitation") == DNACPR
                                                        for version in versions)}


def _made(current: RecordVersion, versions: list[RecordVersion], ctx: Context, stays: Stays) -> Made:
    made = Made()
    made.add(decision(current, versions, ctx, stays), current.record_id)
    return made


def decision(current: RecordVersion, versions: list[RecordVersion], ctx: Context, stays: Stays) -> dict[str, Any]:
    """The latest DNACPR of the admission (`versions`, oldest first; `current`, as the export
    reads it, entered in error when withdrawn): from the version that made it, until the version
    after it that lifted it, if one did."""
    last = max(n for n, version in enumerate(versions) if version.data.get("resuscitation") == DNACPR)
    first = last
    while first and versions[first - 1].data.get("resuscitation") == DNACPR:
        first -= 1
    made, latest = versions[first], versions[last]
    start = latest.data.get(DECIDED_AT) or made.recorded_at
    lifted = versions[last + 1] if last + 1 < len(versions) else None
    period = {"start": moment(start), **({"end": moment(lifted.recorded_at)} if lifted is not None else {})}
    decided_by = latest.data.get(DECIDED_BY)
    ident = derived_id(current.record_id, "resuscitation")
    withdrawn = current.status is RecordStatus.ENTERED_IN_ERROR
    return {"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident),
            "status": "entered-in-error" if withdrawn else "amended" if lifted is not None or last > first else "final",
            "code": {"coding": [coding(SNOMED, RESUSCITATION_STATUS)]}, "subject": reference(str(current.patient_id)),
            **stays.encounter_at(current.patient_id, start), "effectivePeriod": period,
            "performer": [ctx.author(made)],
            "valueCodeableConcept": {"coding": [coding(SNOMED, NOT_FOR_RESUSCITATION)],
                                     "text": "Not for resuscitation (DNACPR)"},
            **({"note": [{"text": f"Decided by {' '.join(decided_by.split())}"}]} if decided_by else {})}

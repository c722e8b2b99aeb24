"""A decision not to attempt resuscitation as a FHIR Observation: SNOMED CT 304251008
"Resuscitation status" valued 304253006 "Not for resuscitation", from when it was decided (the
admission's `resuscitation_decided_at`, else when it was recorded) by the doctor it names, in
the stay it was decided in. The bundle carried none: an EHR loading it kept a patient made DNACPR
during the outage "for resuscitation", the decision only on the worklist's line.

One Observation per DNACPR decision of an admission record (each run of its versions saying
DNACPR), its identifier made from the record and, after the first, the version that began it:
an amendment updates it. Lifted (the admission amended to another answer), it is sent again with
the decision's end; the admission withdrawn, each is entered in error with it. A DNACPR lifted
then decided again was one Observation sent again: the second decision overwrote the first, its
doctor and its period, in the EHR."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.resuscitation import DECIDED_AT, DECIDED_BY, DNACPR, FORM, LIFTED_AT
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
        for record_id, versions in every.items() if decisions(versions)}


def _made(current: RecordVersion, versions: list[RecordVersion], ctx: Context, stays: Stays) -> Made:
    made = Made()
    for nth, (first, last) in enumerate(decisions(versions)):
        made.add(decision(current, versions, first, last, nth, ctx, stays), current.record_id)
    return made


def decisions(versions: list[RecordVersion]) -> list[tuple[int, int]]:
    """Each DNACPR of the admission (`versions`, oldest first) as the indexes of its first and
    last versions: a run of versions saying DNACPR, ended by the next version's other answer."""
    runs: list[tuple[int, int]] = []
    for n, version in enumerate(versions):
        if version.data.get("resuscitation") != DNACPR:
            continue
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def decision(current: RecordVersion, versions: list[RecordVersion], first: int, last: int, nth: int,
             ctx: Context, stays: Stays) -> dict[str, Any]:
    """The DNACPR of `versions[first:last + 1]` (`current`, as the export reads the admission,
    entered in error when withdrawn): from when its latest version says it was decided, until
    the version after it that lifted it, if one did. The first decision (`nth` 0) keeps the
    identifier an earlier bundle gave the admission's only one; a later one's is made from the
    version that began it. A lift's end is when the doctor lifted it (`LIFTED_AT`, admission
    version 3), else when it was recorded, its note then saying so: before version 3 the form
    asked no time of a lift, and the EHR's DNACPR ended when the lift was typed."""
    made, latest = versions[first], versions[last]
    start = latest.data.get(DECIDED_AT) or made.recorded_at
    lifted = versions[last + 1] if last + 1 < len(versions) else None
    ended = None if lifted is None else lifted.data.get(LIFTED_AT)
    period = {"start": moment(start), **({"end": moment(ended or lifted.recorded_at)} if lifted is not None else {})}
    decided_by = latest.data.get(DECIDED_BY)
    notes = [*([f"Decided by {' '.join(decided_by.split())}"] if decided_by else []),
             *([f"Lifted: {lifted.reason or 'no reason given'}"
                + ("" if ended else " (the end is when the lifting was recorded)")] if lifted is not None else [])]
    ident = derived_id(current.record_id, "resuscitation" if nth == 0 else f"resuscitation:{made.version}")
    withdrawn = current.status is RecordStatus.ENTERED_IN_ERROR
    return {"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident),
            "status": "entered-in-error" if withdrawn else "amended" if lifted is not None or last > first else "final",
            "code": {"coding": [coding(SNOMED, RESUSCITATION_STATUS)]}, "subject": reference(str(current.patient_id)),
            **stays.encounter_at(current.patient_id, start), "effectivePeriod": period,
            "performer": [ctx.author(made)],
            "valueCodeableConcept": {"coding": [coding(SNOMED, NOT_FOR_RESUSCITATION)],
                                     "text": "Not for resuscitation (DNACPR)"},
            **({"note": [{"text": text} for text in notes]} if notes else {})}

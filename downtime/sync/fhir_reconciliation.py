"""Each medicines reconciliation's decisions as FHIR MedicationStatements, one per medicine taken
before admission it decides, in the stay it was made in: held as `on-hold`, stopped as `stopped`,
each with the reason written (and until when, for a medicine held); continued as `active`, its
order's MedicationRequest saying how it is given; changed as the home regimen `stopped`, "changed:
…", the order giving the new one; each effective when reconciled. A home medicine held or stopped
was sent only as an order written and stopped at once, a prescription never meant. The
admission's own statement (sync.fhir_admission) stays the list as typed, unchanged: its one
statement holds every line, and cannot carry a decision per line. The statement's id is the
record's and the line's (`derived_id`), so an amended decision replaces what was sent, and a
reconciliation entered in error withdraws its statements; a line an earlier version decided that an
amendment took off the list goes again withdrawn, as does, entered in error, every line any version
decided: the EHR kept "Apixaban 5 mg bd" on hold from a reconciliation withdrawn as another
patient's."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.reconciliation import FORM, Decision, decisions
from downtime.storage.records import histories
from downtime.sync.fhir_elements import (Context, Group, Made, derived_id, label, moment, patient_key,
                                         record_identifier, reference)
from downtime.sync.fhir_stays import Stays

STATUS = {"held": "on-hold", "stopped": "stopped", "continued": "active", "changed": "stopped"}
"""A decision's MedicationStatement status (R4 medication-statement-status): changed is the home
regimen stopped, its reason "changed: …", the new regimen the order's MedicationRequest (sent
`active`, "Ramipril 10 mg od" was read as still taken once reduced to 2.5 mg)."""


def reconciliation_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per reconciliation, its statements standing or falling with it; an amended one's
    earlier versions read for the lines they decided (one query for them all)."""
    current = ctx.current(db, FORM)
    amended = histories(db, [record.record_id for record in current if record.version > 1])
    return {f"{FORM}:{record.record_id}": Group(
        f"{FORM}:{record.record_id}", partial(_statements, record, amended.get(record.record_id, [record]), ctx,
                                              stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in current}


def _statements(record: RecordVersion, history: Sequence[RecordVersion], ctx: Context, stays: Stays) -> Made:
    """The statements of each line of the record's list a row decides (`decisions`), and of each
    line only an earlier version (in `history`, the record's versions) decided, withdrawn, as
    that version said it: its statement, sent, stayed in the EHR."""
    made = Made()
    withdrawn = record.status is RecordStatus.ENTERED_IN_ERROR
    lines = {one.line: (version, one) for version in history[:-1]
             for one in decisions(version.data, version.occurred_at)}
    lines |= {one.line: (record, one) for one in decisions(record.data, record.occurred_at)}
    for version, one in lines.values():
        made.add(_statement(version, one, ctx, stays, withdrawn or version is not record), record.record_id)
    return made


def _statement(record: RecordVersion, one: Decision, ctx: Context, stays: Stays, withdrawn: bool) -> dict[str, Any]:
    """One decision's statement, in the words typed, entered in error if `withdrawn`; who
    reconciled it and from what in a note (the form's name and role, and its sources ticked, in
    words)."""
    data, spec = record.data, ctx.forms[FORM]
    sources = ", ".join(label(spec, "sources", code) for code in data.get("sources") or [])
    by = f"{data.get('reconciled_by')} ({label(spec, 'reconciled_as', data.get('reconciled_as'))})"
    ident = derived_id(record.record_id, one.line)
    until = one.until if one.decision == "held" else None
    why = f"{one.reason} (until {until})" if one.reason and until else one.reason or until
    why = f"changed: {why}" if why and one.decision == "changed" else why
    return {"resourceType": "MedicationStatement", "id": ident, "identifier": record_identifier(ident),
            "status": "entered-in-error" if withdrawn else STATUS[one.decision],
            **({"statusReason": [{"text": why}]} if why else {}),
            "medicationCodeableConcept": {"text": one.line}, "subject": reference(str(record.patient_id)),
            **stays.encounter_at(record.patient_id, one.reconciled_at, "context"),
            "effectiveDateTime": moment(one.reconciled_at), "dateAsserted": moment(one.reconciled_at),
            "informationSource": ctx.author(ctx.original(record)),
            "note": [{"text": f"Medicines reconciliation by {by}; sources used: {sources}"}]}

"""Each laboratory result received on the ward as a FHIR Communication from the laboratory to
the ward, in the stay it came in: the laboratory's system holds the result itself and sends it
to the EHR when it is back, so what the ward's record adds is the communication: when it came,
by telephone or on paper, who phoned, that it was read back, its flag (a critical one `stat`),
and which doctor was told when, with the action, as notes. Sending it as an Observation would
enter the result twice. Each sample sent as a ServiceRequest (active until its results give each
of its tests, then completed), which its results are `basedOn`: the tests in words, the
laboratory's codes not being the ward's to choose. A sample whose stay ended before all its
results came back is `unknown`, with a note saying so: nobody cancelled it (not `revoked`) nor
saw it done (not `completed`), and the ward no longer follows it (not `active`): its result is for
the records office to look for in the laboratory's system. A sample the ward closed before its
results all came (rejected by the laboratory, lost, or cancelled as no longer needed) is
`revoked`: no result will come of that request, and a sample sent again is a request of its own.
R4B's ServiceRequest has no statusReason, so which it was, why, who said so and when are a note.
A result the laboratory corrected (amended to another test, value, units, range or flag) keeps, as
a note, each earlier value with its flag, the doctor told of it and the action then, and when and
why it was corrected: a critical potassium phoned, told and treated, then corrected as haemolysed,
reached the EHR as the corrected value alone, the treatment given for it with no reason on record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.lab_results import awaited, doctor_told, outside_range
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.services.lab_results import FORM, GIVEN, REQUEST_FORM, received, tests_named
from downtime.storage.records import histories
from downtime.sync.fhir_codes import PARTICIPATION_MODE, coding
from downtime.sync.fhir_elements import (Context, Group, Made, label, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_stays import Stays

MEDIUM = {"telephone": "PHONE", "paper": "WRITTEN"}


def lab_result_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per result; it needs its patient and its sample, and names the stay it came in.
    One group per sample, which its results change (completed once they give each of its tests),
    and the record ending its stay (see `_stay_ended`)."""
    results = ctx.current(db, FORM)
    amended = histories(db, [record.record_id for record in results if record.version > 1])
    groups = {f"lab_result:{record.record_id}": Group(
        f"lab_result:{record.record_id}", partial(_made, record, amended.get(record.record_id, [record]), ctx, stays),
        frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id)),
                   *([sample_key(str(sample))] if (sample := record.data.get("request")) else [])}))
        for record in results}
    for sample in ctx.current(db, REQUEST_FORM):
        back = [record for record in results if record.data.get("request") == sample.record_id]
        ended = _stay_ended(sample, stays)
        groups[sample_key(sample.record_id)] = Group(
            sample_key(sample.record_id), partial(_sent, sample, back, ended, ctx, stays),
            frozenset({sample.record_id, *(record.record_id for record in back),
                       *([ended[1].record_id] if ended else [])}),
            frozenset({patient_key(str(sample.patient_id))}))
    return groups


def sample_key(record_id: str) -> str:
    return f"lab_request:{record_id}"


def _sent(sample: RecordVersion, back: list[RecordVersion], ended: tuple[FormSpec, RecordVersion] | None,
          ctx: Context, stays: Stays) -> Made:
    return Made([_request(sample, back, ended, ctx, stays)], {sample.record_id: [sample.record_id]})


def _request(sample: RecordVersion, back: list[RecordVersion], ended: tuple[FormSpec, RecordVersion] | None,
             ctx: Context, stays: Stays) -> dict[str, Any]:
    """`ended`: the record ending the sample's stay, if it has ended."""
    data, spec = sample.data, ctx.forms[REQUEST_FORM]
    given = [record.data.get("gives") for record in back if record.status is not RecordStatus.ENTERED_IN_ERROR]
    left = awaited(data["tests"], given)
    closed = bool(left and data.get("outcome"))
    unfollowed = ended if left and not closed else None
    status = ("entered-in-error" if sample.status is RecordStatus.ENTERED_IN_ERROR
              else "completed" if not left else "revoked" if closed else "unknown" if unfollowed else "active")
    notes = [f"Sample taken {moment(data['taken_at'])}",
             *([f"Still awaited: {tests_named(spec, data, 'en', left)}"] if given and left else []),
             *([_closed(spec, data)] if closed else []),
             *([f"Not all back when the stay ended ({unfollowed[0].title.en}, {moment(unfollowed[1].occurred_at)}): "
                "no longer followed by the ward; look for its result in the laboratory's system"]
               if unfollowed else []),
             *([f"Number on the request form or tube: {data['sample_number']}"] if data.get("sample_number") else []),
             *([f"Requested by {' '.join(data['requested_by'].split())}"] if data.get("requested_by") else []),
             *([_group_screen(spec, data)] if data.get("group_sample") else []),
             *([_level(spec, data)] if data.get("level_drug") else []),
             *([data["notes"]] if data.get("notes") else [])]
    return {"resourceType": "ServiceRequest", "id": sample.record_id, "identifier": record_identifier(sample.record_id),
            "status": status, "intent": "order", "priority": "urgent" if data["urgency"] == "urgent" else "routine",
            "code": {"text": tests_named(spec, data, "en")}, "subject": reference(str(sample.patient_id)),
            **stays.encounter_at(sample.patient_id, data["taken_at"]), "authoredOn": moment(data["taken_at"]),
            "requester": ctx.author(ctx.original(sample)), "note": [{"text": text} for text in notes]}


def _group_screen(spec: FormSpec, data: dict[str, Any]) -> str:
    """"Group and screen: taken by Paul Martin; patient identified and tube labelled at the bedside;
    Not on record: first sample (…)": what the blood bank asks of the sample it crossmatches on
    (lab_request version 3)."""
    said = [f"taken by {' '.join(data['taken_by'].split())}"] if data.get("taken_by") else []
    if data.get("identified_at_bedside"):
        said.append("patient identified and tube labelled at the bedside")
    return f"Group and screen: {'; '.join([*said, label(spec, 'group_sample', data['group_sample'])])}"


def _level(spec: FormSpec, data: dict[str, Any]) -> str:
    """"Drug level: Gentamicin, trough; last dose given 2026-11-28T12:00:00+01:00" (lab_request
    version 4): a level is read by its time after the dose, which the ServiceRequest's code,
    "Gentamicin level (Trough)", does not say."""
    timing = label(spec, "level_timing", data["level_timing"]).lower()
    said = [f"Drug level: {' '.join(data['level_drug'].split())}, {timing}"]
    if data.get("last_dose_at"):
        said.append(f"last dose given {moment(data['last_dose_at'])}")
    return "; ".join(said)


def _closed(spec: FormSpec, data: dict[str, Any]) -> str:
    """"Rejected by the laboratory (Haemolysed), said by Mme Roux, biochemistry, 2026-12-01T13:05:00+01:00:
    no result will come of this request"."""
    why = f" ({label(spec, 'rejected_because', data['rejected_because'])})" if data.get("rejected_because") else ""
    return (f"{label(spec, 'outcome', data['outcome'])}{why}, said by {' '.join(data['closed_by'].split())}, "
            f"{moment(data['closed_at'])}: no result will come of this request")


def _stay_ended(sample: RecordVersion, stays: Stays) -> tuple[FormSpec, RecordVersion] | None:
    """The record that ended the stay the sample was taken in (a discharge, a transfer out, a
    death), None while it runs."""
    taken = datetime.fromisoformat(sample.data["taken_at"])
    stay = next((stay for stay in reversed(stays.of(str(sample.patient_id))) if stay.holds(taken)), None)
    return None if stay is None else stay.left


def _made(record: RecordVersion, versions: Sequence[RecordVersion], ctx: Context, stays: Stays) -> Made:
    return Made([_communication(record, versions, ctx, stays)], {record.record_id: [record.record_id]})


def _as_given(data: dict[str, Any]) -> tuple[str, ...]:
    """What the laboratory gave, its spaces aside: a correction changes it."""
    return tuple(" ".join(str(data.get(name) or "").split()) for name in ("test", "range", *GIVEN))


def _corrections(spec: FormSpec, versions: Sequence[RecordVersion]) -> list[str]:
    """A note for each earlier value of a result (`versions`: all of its versions, oldest first), as
    the last version giving it stood: "Given earlier as Potassium 6.9 mmol/L (3.5–5.3): Critical;
    Doctor told: Dr Martin, …; Action: …; corrected 2026-11-28T15:00:00+01:00: sample haemolysed"."""
    notes = []
    for before, after in zip(versions, versions[1:]):
        if _as_given(before.data) == _as_given(after.data):
            continue
        data = before.data
        said = [f"Given earlier as {received(before).text()}: {label(spec, 'flag', data['flag'])}",
                *([f"Doctor told: {' '.join(data['told'].split())}, {moment(data['told_at'])}"]
                  if doctor_told(data) else []),
                *([f"Action: {' '.join(data['action'].split())}"] if data.get("action") else []),
                f"corrected {moment(after.recorded_at)}" + (f": {after.reason}" if after.reason else "")]
        notes.append("; ".join(said))
    return notes


def _communication(record: RecordVersion, versions: Sequence[RecordVersion], ctx: Context,
                   stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], received(record)
    said = f"{found.text()}: {label(spec, 'flag', data['flag'])}"
    resource: dict[str, Any] = {
        "resourceType": "Communication", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": "entered-in-error" if record.status is RecordStatus.ENTERED_IN_ERROR else "completed",
        "category": [{"text": "Laboratory result received on the ward"}],
        "priority": "stat" if data["flag"] == "critical" else "routine",
        "medium": [{"coding": [coding(PARTICIPATION_MODE, MEDIUM[data["received_by"]])]}],
        "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["received_at"]),
        **({"basedOn": [reference(str(data["request"]))]} if data.get("request") else {}),
        "received": moment(data["received_at"]), "recipient": [ctx.author(ctx.original(record))],
        "payload": [{"contentString": said}]}
    if data.get("caller"):
        resource["sender"] = {"display": " ".join(data["caller"].split())}
    notes = [
        "Read back to the caller and confirmed" if data.get("read_back") else None,
        f"Laboratory number {data['lab_number']}" if data.get("lab_number") else None,
        # The nurse's word that the laboratory gave Normal a value outside its range (lab_results.check_flag),
        # said only while it is: her answer carried to a value amended back inside its range is no news.
        "Outside its reference range, flagged Normal by the laboratory"
        if data.get("flag_kept") and outside_range(str(data.get("result") or ""), data.get("range")) else None,
        f"Sample taken {moment(data['sample_taken_at'])}" if data.get("sample_taken_at") else None,
        f"Doctor told: {' '.join(data['told'].split())}, {moment(data['told_at'])}" if doctor_told(data) else None,
        f"Action: {data['action']}" if data.get("action") else None, *_corrections(spec, versions)]
    if kept := [text for text in notes if text]:
        resource["note"] = [{"text": text} for text in kept]
    return resource

"""Theatre bookings as FHIR: the operation itself is a ServiceRequest, and each date it was
given is an Appointment based on it. A booking cancelled and rebooked is therefore one
ServiceRequest with a cancelled Appointment (its reason kept) and a booked one, which is how
the EHR's waiting list must show what happened during the outage. An operation recorded done
has its Appointment fulfilled and its ServiceRequest completed: sent as booked, every past
operation read as still to do, or as one that silently did not happen. One that will not be done,
its patient's death recorded or its latest cancellation for the patient's death or refusal (not
rebooked since), has its ServiceRequest revoked: sent active, the EHR's waiting list showed a dead
patient's operation still to do. So has one transferred to another hospital, which operates it
under its own request: sent active, the EHR's waiting list kept an operation another hospital
owns, for the records office to book again. One done with no WHO surgical safety checklist
recorded naming it says so in a note, for the records office to ask the theatre team for it, as
does one whose checklist never answered the Sign out's counts. The operation done is also sent as
a Procedure, based on the ServiceRequest, with the side operated on: the EHR's procedure history
(surgical coding, the next operation on that knee) reads Procedures, not requests.

The slots are replayed from the booking, cancellation and rebooking records in the order they
happened, as services.theatre.bookings does, but keeping every slot rather than the last."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import Movement
from downtime.domain.elapsed import instant
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.theatre import CancelReason, letter_arrives, not_to_be_done
from downtime.formspec import FormSpec
from downtime.services.theatre import (
    CHECKLIST_FORM,
    COUNTS_NOT_CORRECT,
    COUNTS_UNANSWERED,
    NOT_YET,
    Deadline,
    cancellation_of,
    cancels_standing,
    checklists_of_done,
    done_in_left_slot,
    people_of,
    rebook_deadlines,
    side_operated,
    sign_out_gap,
    slot_named,
    slot_placed_by,
    still_to_tell,
    to_be_told,
    to_the_hour,
)
from downtime.sync.fhir_codes import (
    CANCELLATION_REASON,
    CANCELLED_BECAUSE,
    NCEPOD_PRIORITY,
    coding,
)
from downtime.sync.fhir_elements import (
    Context,
    Group,
    Made,
    derived_id,
    label,
    moment,
    patient_key,
    record_identifier,
    reference,
)
from downtime.sync.fhir_stays import Stays

BOOKING_FORM = "operation_booking"
CANCELLATION_FORM = "operation_cancellation"
REBOOKING_FORM = "operation_rebooking"
DONE_FORM = "operation_done"
SESSION_FORM = "theatre_session"
EHR_BOOKING_SYSTEM = "urn:downtime:ehr-booking-number"
_EIE = RecordStatus.ENTERED_IN_ERROR
NO_CHECKLIST = ("No WHO surgical safety checklist recorded in the downtime app: ask the theatre team for its paper "
                "checklist")
NO_SIGN_OUT = ("WHO surgical safety checklist recorded without its Sign out (instrument, swab and needle counts not "
               "answered): ask the theatre team for its paper checklist")
MISCOUNTED = ("WHO surgical safety checklist Sign out: instrument, swab and needle counts NOT correct; see the "
              "checklist's notes for what was done")


@dataclass
class _Slot:
    """A date the operation was given: by the booking itself or by a rebooking."""

    record: RecordVersion
    session_id: str
    start: datetime
    cancelled_by: RecordVersion | None = None
    done_by: RecordVersion | None = None
    superseded_by: RecordVersion | None = None
    """Another laptop's rebooking that gave the operation a new date, or transfer that sent it to
    another hospital, while this one stood (services.theatre's REBOOKED TWICE, REBOOKED AND
    TRANSFERRED): sent cancelled, so the EHR holds one decision."""
    cancelled_aside: RecordVersion | None = None
    """The cancellation of this slot set aside because the operation was recorded done in it,
    before or after (services.theatre's CANCELLED AND DONE): said in the request's note only, as
    the board sets it aside. Counted as the slot's cancellation, it cut the checklists off (the
    note asked for a paper checklist the app held) and gave the fulfilled Appointment a
    cancellation reason."""
    after_done: RecordVersion | None = None
    """For a date given after the slot the operation was recorded done in (the cancelling laptop
    rebooked it while the theatre did it, before the record or after): that record of the
    operation done. Sent cancelled: a booked Appointment after the fulfilled one had the EHR call
    the patient in again."""

    @property
    def contradiction(self) -> str | None:
        """What two laptops' records say of this slot that cannot both be true, in words (the
        operation cancelled from it and recorded done in it), for the request's note; None."""
        if self.cancelled_aside is None or self.done_by is None:
            return None
        return (f"Recorded cancelled {moment(self.cancelled_aside.occurred_at)} and done "
                f"{moment(self.done_by.occurred_at)} on two laptops: sent as done; check with the theatre team and "
                f"mark the wrong record entered in error")

    @property
    def appointment_id(self) -> str:
        return derived_id(self.record.record_id, "appointment")


def theatre_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per booking: its ServiceRequest, in the stay the operation was decided in
    (`stays`), and every Appointment, which need the patient. A death recorded (or withdrawn) for
    its patient changes the group: a death typed after an export sends the operation again,
    revoked; a safety checklist naming it recorded (or withdrawn) likewise, its note changed."""
    sessions = {record.record_id: record for record in ctx.current(db, SESSION_FORM)}
    events: dict[str, list[RecordVersion]] = defaultdict(list)
    for form_id in (CANCELLATION_FORM, REBOOKING_FORM, DONE_FORM):
        for record in ctx.current(db, form_id):
            events[record.data["booking"]].append(record)
    checklists: dict[str, list[RecordVersion]] = defaultdict(list)
    for record in ctx.current(db, CHECKLIST_FORM):
        if booking_id := record.data.get("booking"):
            checklists[str(booking_id)].append(record)
    bookings = ctx.current(db, BOOKING_FORM)
    people = people_of(db, {str(booking.patient_id) for booking in bookings})
    return {f"booking:{booking.record_id}": _group(booking, events[booking.record_id], checklists[booking.record_id],
                                                   sessions, ctx, stays, tuple(people[str(booking.patient_id)]))
            for booking in bookings}


def _death_records(stays: Stays, numbers: tuple[str, ...]) -> set[str]:
    """The ids of the death records of a person (`numbers`: their downtime numbers the records
    office linked, services.theatre.people_of), standing or withdrawn."""
    return {record.record_id for number in numbers for spec, record in stays.records.get(number, [])
            if spec.movement is Movement.DEATH}


def _died(stays: Stays, numbers: tuple[str, ...]) -> RecordVersion | None:
    """The person's earliest standing death under any of their `numbers`, as the stays replay it
    (a withdrawn one ends no stay): recorded under a linked number, the board said PATIENT DIED
    and the export sent the operation still to do."""
    return min((left[1] for number in numbers for stay in stays.of(number)
                if (left := stay.left) is not None and left[0].movement is Movement.DEATH),
               key=lambda death: death.occurred_at, default=None)


def _death_withdrawn(stays: Stays, numbers: tuple[str, ...]) -> bool:
    """Whether a death of the person was withdrawn as entered in error under any of their `numbers`."""
    return any(record.status is _EIE for number in numbers for spec, record in stays.records.get(number, [])
               if spec.movement is Movement.DEATH)


def _slot(record: RecordVersion) -> _Slot:
    return _Slot(record, record.data["session"], datetime.fromisoformat(record.data["planned_start"]))


def _group(booking: RecordVersion, events: list[RecordVersion], checklists: list[RecordVersion],
           sessions: dict[str, RecordVersion], ctx: Context, stays: Stays, numbers: tuple[str, ...]) -> Group:
    """A cancellation ends the slot in force; a rebooking opens the next one; a transfer sends
    the operation elsewhere; the operation done fulfils the slot in force and completes the
    operation. A withdrawn cancellation, transfer or operation done changes nothing, but its
    Provenance names what it would change (the slot then in force, the operation): an EHR that
    holds it from an earlier bundle gets that resource back as it stands, with the reason it
    changed; a withdrawn rebooking still shows its Appointment, as entered in error."""
    slots = [_slot(booking)]
    transfer: RecordVersion | None = None
    again: list[RecordVersion] = []
    made_from: dict[str, list[str]] = {booking.record_id: [booking.record_id, slots[0].appointment_id]}
    # Changes of the same minute in the order they were first typed, as services.theatre does.
    for event in sorted(events, key=lambda e: (e.occurred_at, ctx.original(e).recorded_at)):
        done = next((slot.done_by for slot in slots if slot.done_by is not None), None)
        if event.form_id == DONE_FORM:
            # Done in a slot another laptop cancelled (rebooked or transferred since, or not): sent
            # done there, as the lists show it, and said; any date or transfer given since set aside.
            slot = _slot_done_in(slots, transfer, event) if event.status is not _EIE else slots[-1]
            if event.status is not _EIE:
                slot.done_by = event
                slot.cancelled_aside, slot.cancelled_by = slot.cancelled_by, None
                for later in slots[slots.index(slot) + 1:]:
                    later.after_done = later.after_done or event
                transfer = None
            made_from[event.record_id] = [slot.appointment_id, booking.record_id]
        elif event.status is _EIE:
            if event.form_id == CANCELLATION_FORM:
                made_from[event.record_id] = [slots[-1].appointment_id]
            elif event.data["outcome"] == "transferred":
                made_from[event.record_id] = [booking.record_id]
        elif event.form_id == CANCELLATION_FORM and not cancels_standing(
                event, slots[-1].record if slots[-1].cancelled_by is None and transfer is None else None):
            # A date no longer standing, cancelled on another laptop: it changes nothing, and is
            # said, unless another laptop's rebooking replaced that date (its comment says so).
            if not any(slot.superseded_by is not None and cancels_standing(event, slot.record) for slot in slots):
                again.append(event)
            made_from[event.record_id] = [booking.record_id]
        elif event.form_id == CANCELLATION_FORM:
            if slots[-1].done_by is not None:
                slots[-1].cancelled_aside = event
            elif slots[-1].cancelled_by is None:
                slots[-1].cancelled_by = event
            made_from[event.record_id] = [slots[-1].appointment_id]
        elif event.data["outcome"] == "transferred":
            # After the operation was done, a transfer is set aside as the board sets it aside;
            # one replacing another laptop's new date standing supersedes it (REBOOKED AND TRANSFERRED).
            if done is None:
                transfer = event
                if slots[-1].cancelled_by is None and slots[-1].record.form_id == REBOOKING_FORM:
                    slots[-1].superseded_by = event
            made_from[event.record_id] = [booking.record_id]
        else:
            if slots[-1].cancelled_by is None and slots[-1].done_by is None and done is None:
                slots[-1].superseded_by = event
            slots.append(_slot(event))
            slots[-1].after_done = done
            made_from[event.record_id] = [slots[-1].appointment_id]
    # The slot in force: a withdrawn rebooking's, shown after it as entered in error, is none.
    in_force = slots[-1]
    for event in events:
        if event.status is _EIE and event.form_id == REBOOKING_FORM and event.data.get("outcome") == "rebooked":
            slots.append(_slot(event))
            made_from[event.record_id] = [slots[-1].appointment_id]
    sources = {booking.record_id, *(e.record_id for e in events), *(s.session_id for s in slots),
               *(c.record_id for c in checklists), *_death_records(stays, numbers)}
    cancelled = max((slot.cancelled_by.occurred_at for slot in slots if slot.cancelled_by is not None), default=None)
    counted = checklists_of_done(checklists, cancelled)
    unchecked = (NO_CHECKLIST if not counted
                 else {COUNTS_UNANSWERED: NO_SIGN_OUT, COUNTS_NOT_CORRECT: MISCOUNTED}.get(sign_out_gap(counted) or ""))
    dones = [event for event in events if event.form_id == DONE_FORM]
    for done in dones:
        made_from[done.record_id].append(done.record_id)
    return Group(f"booking:{booking.record_id}", partial(_made, booking, transfer, slots, in_force, unchecked, dones,
                                                         again, sessions, made_from, ctx, stays, numbers),
                 frozenset(sources), frozenset({patient_key(str(booking.patient_id))}))


def _slot_done_in(slots: list[_Slot], transfer: RecordVersion | None, done: RecordVersion) -> _Slot:
    """The slot a record of the operation done took place in, as services.theatre places it
    (`done_in_left_slot`): one it was cancelled from when the slot in force had not begun (or it
    was sent to another hospital since), else the slot in force. Always the slot in force, the
    case done at 09:05 on 28/11 was sent done on the 02/12 date it was rebooked to at 08:45."""
    placed = slots[-1].start if slots[-1].cancelled_by is None and transfer is None else None
    left = [slot for slot in slots if slot.cancelled_by is not None]
    index = done_in_left_slot(placed, [slot.start for slot in left], done.occurred_at)
    return left[index] if index is not None else slots[-1]


def _made(booking: RecordVersion, transfer: RecordVersion | None, slots: list[_Slot], in_force: _Slot,
          unchecked: str | None, dones: list[RecordVersion], again: list[RecordVersion],
          sessions: dict[str, RecordVersion], made_from: dict[str, list[str]], ctx: Context, stays: Stays,
          numbers: tuple[str, ...]) -> Made:
    """`unchecked`: what the operation's note says of its safety checklist once done (none
    recorded, or none signed out), None when its checklist is whole. `dones`: its records of the
    operation done, standing or withdrawn, each a Procedure. `again`: its cancellations of a date
    no longer standing, each said in a note (`_cancelled_again_said`)."""
    # What was recorded after each date's cancellation, in order (a withdrawn rebooking's date,
    # shown after the slot in force, has none).
    last = next(index for index, slot in enumerate(slots) if slot is in_force)
    changes = [change for slot in slots[:last + 1] for change in (slot.record, slot.cancelled_by) if change is not None]
    changes += [transfer] if transfer is not None else []
    since = [changes[changes.index(slot.cancelled_by) + 1:] if index <= last and slot.cancelled_by is not None else []
             for index, slot in enumerate(slots)]
    appointments = [_appointment(slot, after, booking, sessions, ctx) for slot, after in zip(slots, since)]
    done = any(slot.done_by is not None for slot in slots)
    not_done = _not_to_be_done(in_force, transfer, _died(stays, numbers), _death_withdrawn(stays, numbers), ctx)
    procedures = [_procedure(record, booking, ctx, stays) for record in dones]
    contradictions = [said for slot in slots if (said := slot.contradiction) is not None] + [
        _cancelled_again_said(cancelled, named, in_force if transfer is None else None)
        for cancelled in again if (named := slot_named(cancelled)) is not None]
    # A date to rebook by for one cancelled and still to be done here; one never cancelled, its
    # date when later than its own deadline.
    cancellations = [cancellation_of(slot.cancelled_by) for slot in slots if slot.cancelled_by is not None]
    to_do = not done and not_done is None and transfer is None
    deadlines = rebook_deadlines(booking.data, cancellations) if cancellations and to_do else {}
    late = _booked_late(booking.data, in_force, ctx.forms[BOOKING_FORM]) if to_do and not cancellations else []
    return Made([_service_request(booking, transfer, done, not_done, unchecked, deadlines, ctx, stays,
                                  [*late, *contradictions]),
                 *appointments,
                 *procedures], made_from)


def _booked_late(data: dict[str, Any], slot: _Slot, spec: FormSpec) -> list[str]:
    """The note of an operation never cancelled whose date is later than its own earliest
    deadline (a clinical priority's, a cancer target's, an NCEPOD target's), as the lists flag it
    (services.theatre.late_said: BOOKED AFTER ITS DEADLINE); none otherwise. A P1a booked three
    days after its decision went to the EHR with no deadline at all."""
    deadlines = rebook_deadlines(data, ())
    if not deadlines:
        return []
    rule, earliest = min(deadlines.items(), key=lambda item: item[1])
    if instant(slot.start) <= instant(earliest):
        return []
    return [f"Booked after its deadline {_deadline(earliest)} ({_rule_said(rule, data, spec)})"]


def _cancelled_again_said(cancelled: RecordVersion, named: datetime, in_force: _Slot | None) -> str:
    """The request's note of a cancellation of a date no longer standing, as services.theatre
    says it: a duplicate of the cancellation of the slot in force (`in_force`; None once sent to
    another hospital), nothing given since, asks no call (CANCELLED TWICE); one naming a date
    replaced since, a call with what stands (CANCELLED ON TWO LAPTOPS)."""
    if (in_force is not None and (first := in_force.cancelled_by) is not None
            and slot_placed_by(cancelled) == in_force.record.record_id):
        return (f"Cancelled again on another laptop {moment(cancelled.occurred_at)}, naming the date {moment(named)} "
                f"already cancelled {moment(first.occurred_at)}: a duplicate that changed nothing; mark it entered "
                f"in error")
    return (f"Cancelled on another laptop {moment(cancelled.occurred_at)}, naming the date {moment(named)} when it no "
            f"longer stood: it changed nothing; ring the patient with what stands, and mark that cancellation "
            f"entered in error")


def _not_to_be_done(last: _Slot, transfer: RecordVersion | None, died: RecordVersion | None,
                    death_withdrawn: bool, ctx: Context) -> str | None:
    """Why the operation will not be done, in words, or None while it is still to be done: the
    patient's death is recorded, or the slot in force (`last`) was cancelled because the
    patient died or declined the operation itself (`theatre.not_to_be_done`, as the rescheduling
    list asks it; rebooked since, the patient changed their mind), and the operation was neither rebooked (a new slot) nor sent to
    another hospital since. Cancelled because the patient died, on a death since withdrawn
    (`death_withdrawn`, none standing), it is still to be done, as the rescheduling list says
    (services.theatre.rescheduling): sent revoked, the living patient's operation left the
    EHR's waiting list."""
    if died is not None:
        return f"the patient's death is recorded ({moment(died.occurred_at)})"
    cancelled = last.cancelled_by
    if cancelled is None or transfer is not None or not not_to_be_done(cancelled.data):
        return None
    if death_withdrawn and cancelled.data["reason"] == CancelReason.PATIENT_DIED:
        return None
    return f"cancelled: {label(ctx.forms[CANCELLATION_FORM], 'reason', cancelled.data['reason'])}"


def _service_request(booking: RecordVersion, transfer: RecordVersion | None, done: bool, not_done: str | None,
                     unchecked: str | None, deadlines: dict[Deadline, datetime], ctx: Context, stays: Stays,
                     contradictions: list[str]) -> dict[str, Any]:
    """The operation still to be done: it stays active while it waits for a new date; once
    `done`, it is completed, saying so when no safety checklist counts for it or none answered
    its Sign out (`unchecked`, the note); one that
    will not be done (`not_done`, why) is revoked, unless done. One sent to another hospital
    (`transfer`) is revoked too, naming that hospital as its performer, its note saying why:
    "revoked" is R4's request terminated, no further activity to occur under it, which is this
    hospital's part; "on-hold" would have it resume here, "completed" would say it was done.
    `deadlines`: for one cancelled and still to be done here, the dates it must be done by
    (services.theatre.rebook_deadlines), the earliest, as the lists give it, with its rule, and
    the 28th day after a cancellation on the day apart, which the records office's return of
    operations cancelled on the day counts breaches by. `contradictions`: what two laptops' records say of a slot
    that cannot both be true, each a note, after one never cancelled booked after its deadline (`_booked_late`)."""
    data = booking.data
    spec = ctx.forms[BOOKING_FORM]
    identifiers = record_identifier(booking.record_id)
    if ehr := data.get("ehr_booking_id"):
        identifiers.append({"system": EHR_BOOKING_SYSTEM, "value": str(ehr)})
    team = [{"display": data["surgeon"]}] + ([{"display": data["anaesthetist"]}] if data.get("anaesthetist") else [])
    notes = [f"NCEPOD priority: {label(spec, 'priority', data['priority'])}"]
    if deadlines:
        rule, earliest = min(deadlines.items(), key=lambda item: item[1])
        notes.append(f"Rebook by {_deadline(earliest)} ({_rule_said(rule, data, spec)})")
        if rule is not Deadline.ON_THE_DAY and Deadline.ON_THE_DAY in deadlines:
            notes.append(f"{_rule_said(Deadline.ON_THE_DAY, data, spec)}: {_deadline(deadlines[Deadline.ON_THE_DAY])}")
    if data.get("cancer_pathway"):
        notes.append(f"Cancer pathway: {label(spec, 'cancer_pathway', data['cancer_pathway'])}, target date "
                     f"{data.get('cancer_target')}")
    if data.get("notes"):
        notes.append(data["notes"])
    if transfer is not None:
        hospital = transfer.data.get("other_hospital") or "another hospital"
        team = [{"display": hospital}]
        why = f": {transfer.data['reason']}" if transfer.data.get("reason") else ""
        notes.append(f"Transferred to {hospital} (decided {moment(transfer.occurred_at)}){why}; "
                     f"{_told_of(transfer, ctx)}")
    if not_done is not None and not done:
        notes.append(f"Not to be done: {not_done}")
    if done and unchecked is not None:
        notes.append(unchecked)
    notes += contradictions
    status = ("entered-in-error" if booking.status is _EIE else "completed" if done
              else "revoked" if not_done is not None or transfer is not None else "active")
    resource: dict[str, Any] = {
        "resourceType": "ServiceRequest", "id": booking.record_id, "identifier": identifiers,
        "status": status, "intent": "order",
        "priority": NCEPOD_PRIORITY[data["priority"]], "code": {"text": data["procedure"]},
        "subject": reference(str(booking.patient_id)), **stays.encounter_at(booking.patient_id, data["decided_at"]),
        "authoredOn": moment(data["decided_at"]),
        "requester": {"display": data["surgeon"]}, "performer": team,
        "note": [{"text": note} for note in notes]}
    details = []
    if data.get("laterality") and data["laterality"] != "not_applicable":
        details.append(f"Side: {label(spec, 'laterality', data['laterality'])}")
    # The clinical priority (operation_booking version 3) and what the theatre prepares (version
    # 2), each its own detail.
    details += [f"{spec.field(name).label.en}: {label(spec, name, data[name])}"
                for name in ("clinical_priority", "anaesthetic", "asa") if data.get(name)]
    if data.get("day_case") is not None:
        details.append("Day case" if data["day_case"] else "In-patient")
    if data.get("equipment"):
        details.append(f"Equipment: {data['equipment']}")
    if details:
        resource["orderDetail"] = [{"text": detail} for detail in details]
    if site := _body_site(booking, data["laterality"], ctx):
        resource["bodySite"] = [site]
    if data.get("diagnosis"):
        resource["reasonCode"] = [{"text": data["diagnosis"]}]
    return resource


def _body_site(booking: RecordVersion, side: str | None, ctx: Context) -> dict[str, Any] | None:
    """The operation's site with its `side` (the booking's, as requested; the side operated, as
    performed), in words ("LEFT: Knee arthroscopy"), for a sided operation; None for one with no
    side. Sent only as an order detail's text, the side of a knee operated on reached no coded
    element the EHR's procedure history reads."""
    if not side or side == "not_applicable":
        return None
    return {"text": f"{label(ctx.forms[BOOKING_FORM], 'laterality', side)}: {booking.data['procedure']}"}


def _deadline(deadline: datetime) -> str:
    """A rebook-by deadline: the moment, for one within a day (P1a, an NCEPOD target); else its date."""
    return moment(deadline) if to_the_hour(deadline) else f"{deadline:%Y-%m-%d}"


_RULES = {Deadline.NCEPOD: ("NCEPOD target", "priority"), Deadline.CANCER: ("cancer target", "cancer_pathway"),
          Deadline.CLINICAL: ("clinical priority", "clinical_priority")}
"""Each rebook-by rule but the 28 days, and the booking's answer it counts from."""


def _rule_said(rule: Deadline, data: dict[str, Any], spec: FormSpec) -> str:
    """The rule a rebook-by deadline comes from, with the booking's class or pathway."""
    if rule is Deadline.ON_THE_DAY:
        return "28 days after a last-minute cancellation for a non-clinical reason"
    said, field = _RULES[rule]
    return f"{said}: {label(spec, field, data[field])}"


def _procedure(done: RecordVersion, booking: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    """The operation as performed, from its record done: when, by whom (the booking's surgeon and
    anaesthetist), where (the theatre it was done in), on which side (the side operated, which a
    done record of the form's version 1 has not: the booking's), based on its request; the
    done record's notes and why it was recorded over a clash as notes. Withdrawn (or its booking
    withdrawn), it is entered in error: an EHR holding it from an earlier bundle takes it off the
    patient's procedure history."""
    data = booking.data
    performers = [{"function": {"text": "surgeon"}, "actor": {"display": data["surgeon"]}},
                  *([{"function": {"text": "anaesthetist"}, "actor": {"display": data["anaesthetist"]}}]
                    if data.get("anaesthetist") else [])]
    notes = [text for text in (done.data.get("notes"), done.data.get("clash_reason") and
                               f"Recorded over a clash: {done.data['clash_reason']}") if text]
    resource: dict[str, Any] = {
        "resourceType": "Procedure", "id": done.record_id, "identifier": record_identifier(done.record_id),
        "status": "entered-in-error" if _EIE in (done.status, booking.status) else "completed",
        "code": {"text": data["procedure"]}, "subject": reference(str(booking.patient_id)),
        **stays.encounter_at(booking.patient_id, done.occurred_at), "performedDateTime": moment(done.occurred_at),
        "performer": performers, "location": {"display": f"theatre {done.data['theatre']}"},
        "basedOn": [reference(booking.record_id)], **({"note": [{"text": text} for text in notes]} if notes else {})}
    if site := _body_site(booking, side_operated(done, data), ctx):
        resource["bodySite"] = [site]
    return resource


def _appointment(slot: _Slot, since: list[RecordVersion], booking: RecordVersion, sessions: dict[str, RecordVersion],
                 ctx: Context) -> dict[str, Any]:
    """`since`: for a cancelled date, what was recorded of the operation after its cancellation
    (a patient told of any of it knows this date is off)."""
    data = booking.data
    minutes = int(data["expected_minutes"])
    session = sessions.get(slot.session_id)
    theatre = f"theatre {session.data['theatre']}" if session else f"theatre session {slot.session_id}"
    later = _told_later(slot, since)
    patient = "needs-action" if _untold(slot, later, ctx.days_off) else "accepted"
    participants = [{"actor": reference(str(booking.patient_id)), "status": patient},
                    {"type": [{"text": "surgeon"}], "actor": {"display": data["surgeon"]}, "status": "accepted"}]
    if data.get("anaesthetist"):
        participants.append({"type": [{"text": "anaesthetist"}], "actor": {"display": data["anaesthetist"]},
                             "status": "accepted"})
    participants.append({"type": [{"text": "operating theatre"}], "actor": {"display": theatre}, "status": "accepted"})
    resource: dict[str, Any] = {
        "resourceType": "Appointment", "id": slot.appointment_id, "identifier": record_identifier(slot.appointment_id),
        "status": "booked", "description": data["procedure"], "start": moment(slot.start),
        "end": moment(slot.start + timedelta(minutes=minutes)), "minutesDuration": minutes,
        "basedOn": [reference(booking.record_id)], "participant": participants}
    comments = []
    if slot.record.form_id == REBOOKING_FORM:
        why = f": {slot.record.data['reason']}" if slot.record.data.get("reason") else ""
        comments.append(f"Rebooked{why}; {_told_of(slot.record, ctx)}")
    if slot.cancelled_by is not None:
        status, reason, how = _cancellation(slot.cancelled_by, ctx, later)
        resource |= {"status": status, "cancelationReason": reason}
        comments.append(how)
    if slot.done_by is not None:
        resource["status"] = "fulfilled"
        comments.append(_done(slot.done_by))
    if slot.after_done is not None:
        resource["status"] = "cancelled"
        comments.append(f"Rebooked on one laptop {moment(slot.record.occurred_at)}, the operation recorded done "
                        f"{moment(slot.after_done.occurred_at)} on another: the patient was given a date for an "
                        f"operation done; ring them")
    if slot.superseded_by is not None:
        resource["status"] = "cancelled"
        comments.append(f"Superseded by another laptop's {_named(slot.superseded_by)} decided "
                        f"{moment(slot.superseded_by.occurred_at)}: "
                        f"the patient was told of both; ring them with the decision kept")
    if comments:
        resource["comment"] = "; ".join(comments)
    if _EIE in (booking.status, slot.record.status):
        resource["status"] = "entered-in-error"
    return resource


def _told_later(slot: _Slot, since: list[RecordVersion]) -> RecordVersion | None:
    """For a cancelled date its patient was not told is off (the cancellation "Not yet" told, not
    for their death), the first change recorded `since` that they were told of (a new date, its
    cancellation, a transfer: the board counts the patient told of the latest change,
    services.theatre.still_to_tell), which tells them this date is off; None otherwise. One rule
    for the coded status (`_untold`) and the words (`_cancellation`): sent "accepted" with
    "patient not told yet", the records office rang the patient, or doubted the code."""
    if slot.cancelled_by is None or not still_to_tell(slot.cancelled_by):
        return None
    return next((change for change in since if not still_to_tell(change)), None)


def _untold(slot: _Slot, later: RecordVersion | None, days_off: Container[date]) -> bool:
    """A new date its patient has not been told of, or told by a letter that cannot reach them
    before it (`letter_arrives`, the board's rule, with the laptop's bank holidays `days_off`), or a cancelled date they were not told is off
    nor told of any change after it (`later`, `_told_later`): its Appointment's patient
    participant is `needs-action`, not `accepted`. Sent accepted, an EHR reading the coded status
    took the patient as agreed to a date nobody had given them, or told of a cancellation when
    they would come in fasting, and nobody rang them."""
    if slot.cancelled_by is not None and still_to_tell(slot.cancelled_by):
        return later is None
    if slot.record.form_id != REBOOKING_FORM:
        return False
    data = slot.record.data
    if data.get("patient_told") in (None, NOT_YET):
        return True
    told_at = datetime.fromisoformat(data["told_at"]) if data.get("told_at") else slot.record.occurred_at
    return data["patient_told"] == "letter" and not letter_arrives(told_at, slot.start, days_off)


def _told_of(change: RecordVersion, ctx: Context) -> str:
    """Whether the patient was told of the new date, the transfer or the cancellation, how and
    when: one never told of a new date may not come, one never told of a cancellation comes in
    fasting, which the EHR's waiting list must show. A cancellation told as it was recorded has
    no time of its own (told when it was cancelled, which the comment gives); one told later
    ("Patient told…") has, and said "patient told: By phone" without it. Who told them, when
    recorded (`told_by`): when the patient says nobody rang, there is someone to ask."""
    data = change.data
    if data.get("patient_told") in (None, NOT_YET):
        return "patient not told yet" if to_be_told(change) else "family not told yet"
    told = f"patient told: {label(ctx.forms[change.form_id], 'patient_told', data['patient_told'])}"
    if data.get("told_by"):
        told = f"{told} by {data['told_by']}"
    return f"{told} {moment(data['told_at'])}" if data.get("told_at") else told


def _done(done: RecordVersion) -> str:
    """When the operation took place and in which theatre (perhaps not its list's), in words, and
    why it was recorded although that theatre, its patient, surgeon or anaesthetist was not free then,
    as a dose's warning overridden is."""
    over = done.data.get("clash_reason")
    return "; ".join(part for part in (f"Done {moment(done.occurred_at)}, theatre {done.data['theatre']}",
                                       done.data.get("notes") or "",
                                       f"recorded over a clash: {over}" if over else "") if part)


def _named(change: RecordVersion) -> str:
    """A rebooking, a transfer or a cancellation, in a word."""
    if change.form_id != REBOOKING_FORM:
        return "cancellation"
    return "transfer" if change.data["outcome"] == "transferred" else "rebooking"


def _cancellation(cancellation: RecordVersion, ctx: Context,
                  later: RecordVersion | None) -> tuple[str, dict[str, Any], str]:
    """Status, coded reason (only where the HL7 code means the same) and how it went, in words.
    A patient who did not attend is a no-show, not a cancellation. `later`: the change after it
    the patient, not told of it, was told of (`_told_later`), said in its place."""
    data = cancellation.data
    spec = ctx.forms[CANCELLATION_FORM]
    reason: dict[str, Any] = {"text": label(spec, "reason", data["reason"])}
    if data["reason"] in CANCELLED_BECAUSE:
        reason["coding"] = [coding(CANCELLATION_REASON, CANCELLED_BECAUSE[data["reason"]])]
    parts = [f"Cancelled {moment(cancellation.occurred_at)}", "last minute" if data.get("last_minute") else "",
             _told_of(cancellation, ctx) if later is None else
             f"not told of the cancellation; told of the later {_named(later)} decided {moment(later.occurred_at)} "
             f"({_told_of(later, ctx)})", data.get("notes") or ""]
    status = "noshow" if data["reason"] == CancelReason.DID_NOT_ATTEND else "cancelled"
    return status, reason, "; ".join(part for part in parts if part)

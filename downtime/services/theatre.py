"""Theatre scheduling for surgical coordinators: sessions, bookings, cancellations with coded
reasons, the rescheduling list ordered by clinical priority and deadline, clash-free rebooking
and slot suggestions. Every change is a record version, so the history of a booking stays."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Container, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from functools import cached_property, reduce
from itertools import chain, permutations, product
from typing import Any, NamedTuple

from sqlite_utils import Database

from downtime.domain.census import Location, Movement, StayStatus
from downtime.domain.clock import DATED, ward_time, ward_zone
from downtime.domain.elapsed import instant
from downtime.domain.duplicates import ProbableDuplicate, fold, namesakes
from downtime.domain.laptops import Authors, Laptop, laptop_name
from downtime.domain.medication import (
    NIL_BY_MOUTH_ROUTES, Anticoagulated, Order, anticoagulant, anticoagulated_at, infused, insulin,
    parkinsons_medicine, route_code, time_critical_drug,
)
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.clock import ward_day
from downtime.domain.theatre import (
    ADMITTED_FOR_IT, ARRIVE_BEFORE, CLINICAL_REASONS, PRIORITY_RANK, TARGET_WAIT, TURNOVER,
    Booking, Cancellation, CancelReason, Clash, Priority, Slot, Suggested,
    TheatreSession, behind_later_ranks, clashes, diabetes_rank, latex_allergic, left_outside, letter_arrives, meetings,
    outside,
    Lowering, fasted_at, held_to_fast, list_overrun, lowering, maybe_same_person, not_to_be_done,
    overlapping_sessions, rebook_by, day_end,
    suggest_for_specialty, suggest_slots, theatre_key, theatre_order,
)
from downtime.formspec import FormSpec
from downtime.domain.laterality import contradiction, part_named, sides_named, sides_spoken, speaks_of_side
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TR_NOOP, QT_TRANSLATE_NOOP, Lang, Listed, Phrase, labelled, message, semicolon, translate
from downtime.services import medication, records, settings
from downtime.services.back_entry import ehr_numbers, probable_duplicates_among
from downtime.services.census import Departure, all_patients, deaths, departures, locations
from downtime.services.context import Session
from downtime.services.errors import NotFound, ServiceError, ValidationFailed
from downtime.services.laptops import laptops_known
from downtime.services.patients import PatientSummary, downtime_numbers, summarise
from downtime.services.wards import ward_names
from downtime.storage.records import as_version, chunks, current_of, histories, list_current, marks

BOOKING_FORM = "operation_booking"
CHECKLIST_FORM = "surgical_safety_checklist"
"""The WHO surgical safety checklist of an operation, which names its booking."""
SESSION_FORM = "theatre_session"
DONE_FORM = "operation_done"
NEAR_BREACH = timedelta(days=7)
NOT_YET = "not_yet"  # the cancellation form's "Patient told: Not yet"


class BookingStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    REBOOKED = "rebooked"
    TRANSFERRED = "transferred"
    DONE = "done"


class LeftSlot(NamedTuple):
    """A slot (session, start) an operation was cancelled from, why, the cancellation that did
    it, and the record that had placed the operation there (the booking or a rebooking): the
    records office's line of a second cancellation names the rebooked slot it cancelled, not the
    booking's first one."""

    session_id: str
    start: datetime
    reason: CancelReason
    cancelled_by: str
    placed_by: RecordVersion


@dataclass(frozen=True)
class BookingFacts:
    """A booking as it stands: where it is now, and what happened to it. Who it is for is left
    out: a clash check reads every booking of the hospital and needs no patient."""

    record: RecordVersion
    status: BookingStatus
    session_id: str | None
    start: datetime | None
    minutes: int
    priority: Priority
    decided_at: datetime
    cancelled_at: datetime | None
    cancel_reason: CancelReason | None
    last_minute: bool
    rebook_by: datetime | None
    cancelled_from: tuple[LeftSlot, ...]
    """Each slot the operation was cancelled from, oldest first: the day lists it was on show it
    struck through with that cancellation's reason, a rebooked date's list as well as the first
    one."""
    transferred_to: str | None
    """The hospital a transferred operation went to, from the transfer itself (the letter names
    it; the newest rebooking record written may be an earlier one, corrected since)."""
    placed_by: RecordVersion
    """The record that gave the operation its slot (the booking, or its latest rebooking): its
    device is the laptop a clash found after a merge names."""
    days_off: Container[date] = field(kw_only=True)
    """The bank holidays of the hospital (settings.days_off), which carry no letter
    (`letter_late`)."""
    person: str | None = field(default=None, kw_only=True)
    """Who the patient is to the clash check when their downtime number is linked to an EHR
    patient, as other numbers may be (see `_as_people`)."""
    told_of: RecordVersion | None = field(default=None, kw_only=True)
    """The change in force the patient is to be told of, which records whether they were
    (`record_told`): the rebooking or transfer (`moved_by`), or the cancellation of an operation
    waiting for a new date; None for one booked, or done."""
    done: RecordVersion | None = field(default=None, kw_only=True)
    """The record that the operation took place (`record_done`), for one done: when, and in
    which theatre."""
    rebooked_over: tuple[RecordVersion, ...] = field(default=(), kw_only=True)
    """The rebookings a later rebooking or transfer replaced with no cancellation between them:
    two laptops each rebooked the same cancelled operation (or one rebooked it and the other sent
    it to another hospital), each coordinator ringing the patient. The replay keeps the later
    decision; each replaced slot stays on its list struck ("MOVED"), and every list and report
    says REBOOKED TWICE (or REBOOKED AND TRANSFERRED), whatever came after, until a coordinator
    withdraws one of them (entered in error). A merge kept one date in silence, and the export
    sent both; a cancellation from one laptop after it cleared the report."""
    cancelled_and_done: RecordVersion | None = field(default=None, kw_only=True)
    """The cancellation of the slot the operation was recorded done in (one laptop cancelled it,
    the theatre did it and another laptop recorded it done): the operation stands done, as the
    export sends it, and every list and report says CANCELLED AND DONE until one of the two is
    withdrawn. The board said done and the export sent the operation still to do, in silence."""
    moved_after_done: tuple[RecordVersion, ...] = field(default=(), kw_only=True)
    """The rebookings and transfers that came after the operation was recorded done (the laptop
    that cancelled it went on to rebook it, as coordinators do, while the theatre did it): set
    aside as the cancellation is, the operation standing done, and said with CANCELLED AND DONE
    until one record is withdrawn, the new date's list showing it struck. Applied, the case was
    listed to be done again on the new date in silence, and the EHR sent a booked Appointment
    after the fulfilled one."""
    cancelled_again: tuple[RecordVersion, ...] = field(default=(), kw_only=True)
    """The cancellations naming a date no longer standing when they came (`cancels_standing`):
    a second laptop that never saw the rebooking recorded the outage's cancellation of the first
    date after it. Each changes nothing, and every list and report says CANCELLED ON TWO LAPTOPS
    (CANCELLED TWICE for a duplicate of the date's own cancellation, `cancelled_before`), and the
    back-entry worklist "do not enter" (`changed_nothing`), until it is withdrawn: applied, it
    cancelled the new date the patient had been given, in silence, and the EHR was sent that
    date cancelled. One naming a date another laptop's rebooking replaced (`rebooked_over`)
    changes nothing either, and is not among them: REBOOKED TWICE names both dates, and once one
    rebooking is withdrawn it applies, or names a date that never stood."""

    @property
    def rebookings_given(self) -> tuple[RecordVersion, ...]:
        """The rebookings two laptops gave the operation (`rebooked_over`, then the latest
        rebooking, cancelled since or not; a transferred operation's replaced one alone), in
        order; () when no rebooking was replaced."""
        if not self.rebooked_over:
            return ()
        latest = () if self.placed_by in self.rebooked_over or self.placed_by.form_id != "operation_rebooking" else (
            self.placed_by,)
        return (*self.rebooked_over, *latest)

    @property
    def decisions_given(self) -> tuple[RecordVersion, ...]:
        """`rebookings_given`, then the transfer that replaced the last of them (REBOOKED AND
        TRANSFERRED): each a decision the patient was rung with, which the back-entry worklist
        holds back until a coordinator keeps one (`rebooked_twice_among`)."""
        transfer = self.moved_by if self.status is BookingStatus.TRANSFERRED else None
        return (*self.rebookings_given, *((transfer,) if transfer is not None and self.rebooked_over else ()))

    @property
    def rebooked_twice(self) -> tuple[datetime, ...]:
        """The dates of `rebookings_given`, which every list says (REBOOKED TWICE)."""
        return tuple(datetime.fromisoformat(rebooking.data["planned_start"]) for rebooking in self.rebookings_given)

    @property
    def struck_rebookings(self) -> tuple[RecordVersion, ...]:
        """The rebookings to a date that no longer stands, replaced (`rebooked_over`) or set aside
        (`moved_after_done`): each day list of those dates shows the operation struck there."""
        return (*self.rebooked_over, *(moved for moved in self.moved_after_done if moved.data["outcome"] == "rebooked"))

    @property
    def done_at(self) -> datetime | None:
        return self.done.occurred_at if self.done is not None else None

    @property
    def moved_by(self) -> RecordVersion | None:
        """The rebooking (or transfer) in force; None for an operation booked or cancelled."""
        return self.told_of if self.status in (BookingStatus.REBOOKED, BookingStatus.TRANSFERRED) else None

    @property
    def telling(self) -> tuple[str, datetime] | None:
        """How and when the patient was told of the change in force; None when not told. A
        cancellation told as it was recorded was told when it was cancelled."""
        if self.told_of is None or (how := self.told_of.data.get("patient_told")) in (None, NOT_YET):
            return None
        told_at = self.told_of.data.get("told_at")
        return how, datetime.fromisoformat(told_at) if told_at else self.told_of.occurred_at

    @property
    def not_told(self) -> bool:
        """Cancelled, rebooked or transferred, and its patient not yet told: a patient not told of
        a cancellation comes in fasting on the day, one not told of the new date does not come.
        Not said of an operation cancelled for the patient's death (the family "Not yet" told).
        Told by a letter that cannot reach them in time (`letter_late`) is not told."""
        return self.told_of is not None and (still_to_tell(self.told_of) or self.letter_late)

    @property
    def letter_late(self) -> bool:
        """Told by letter, sent too late to arrive before the operation it tells of
        (`letter_arrives`): the slot a cancellation cancelled, or a rebooking's new one. The
        coordinator rings instead."""
        told = self.telling
        if told is None or told[0] != "letter" or self.told_of is None or not to_be_told(self.told_of):
            return False
        change = self.told_of
        if change.form_id == "operation_cancellation":
            before = next((slot.start for slot in self.cancelled_from if slot.cancelled_by == change.record_id), None)
        else:
            before = self.start if self.status is BookingStatus.REBOOKED else None
        return before is not None and not letter_arrives(told[1], before, self.days_off)

    @property
    def cancelled_start(self) -> datetime | None:
        """When the operation was planned for when it was last cancelled: the date its patient's
        letter says could not take place (after a second cancellation, the rebooked one)."""
        return self.cancelled_from[-1].start if self.cancelled_from else None

    @property
    def times_cancelled(self) -> int:
        """How many of its slots the operation was cancelled from: the rescheduling lists say
        "cancelled 2×" of one cancelled again after its rebooking."""
        return len(self.cancelled_from)

    @cached_property
    def booking(self) -> Booking:
        """Made once: a merged day's clash check compares each booking with dozens of others."""
        data = self.record.data
        return Booking(self.record.record_id, str(self.record.patient_id), self.session_id, self.start,
                       self.minutes, data["surgeon"], data.get("anaesthetist"), self.person)

    @cached_property
    def occupies(self) -> Booking:
        """The operation as every clash check places it: one recorded done stood in the theatre
        it was done in, from when it began for its expected length, with its surgeon and patient
        (booked in T1 at 08:00 and done in T3 at 09:05: T1 was free at 08:00, T3 was not at
        09:05); any other, in its slot. The booked slot (`booking`) is still the one its list
        shows it on."""
        if self.done is None:
            return self.booking
        return replace(self.booking, start=self.done.occurred_at, done_in=str(self.done.data["theatre"]))


def still_to_tell(change: RecordVersion) -> bool:
    """Whether the patient is still to be told of this cancellation, rebooking or transfer: not
    told yet, unless cancelled for the patient's death (the family "Not yet" told)."""
    return to_be_told(change) and change.data.get("patient_told") in (None, NOT_YET)


def to_be_told(change: RecordVersion) -> bool:
    """Whether the patient is to be told of this change at all: not of a cancellation for their
    death (the family is)."""
    return not (change.form_id == "operation_cancellation" and change.data["reason"] == CancelReason.PATIENT_DIED)


@dataclass(frozen=True)
class BookingState(BookingFacts):
    """A booking as lists, dialogs and letters show it: with the patient it is for."""

    patient: PatientSummary
    died_at: datetime | None = None
    """The patient's recorded death, if any."""
    left: Departure | None = None
    """How the patient left the hospital (discharged, transferred out, died), while out of it."""

    @property
    def untold(self) -> bool:
        """Its patient still to be told (`not_told`), as the lists say it: not once the patient's
        death is recorded (the board says to cancel instead; the rescheduling list names the
        operation apart, not to rebook)."""
        return self.not_told and not self.died_before

    @property
    def died_before(self) -> datetime | None:
        """The patient's recorded death, when it comes before the operation (one waiting for a
        new date: any recorded death). Nothing cancels a booked operation by itself: each list
        says so until a coordinator cancels it ("patient died"); one waiting for a new date leaves
        the rescheduling list (`rescheduling`)."""
        if self.died_at is None or (self.start is not None and self.start < self.died_at):
            return None
        return self.died_at

    @property
    def left_before(self) -> Departure | None:
        """How the patient left the hospital, when they left it before the operation (as
        `died_before`): there is no ward or bed to fetch them from, and the lists say where
        they went instead (`left_said`)."""
        if self.left is None or (self.start is not None and self.start < self.left.at):
            return None
        return self.left


CLASHES = QT_TRANSLATE_NOOP("messages", "This slot clashes: {clashes}.")
# A booking's status as a refusal names it.
STATUS_WORDS = {BookingStatus.BOOKED: QT_TRANSLATE_NOOP("messages", "booked"),
                BookingStatus.CANCELLED: QT_TRANSLATE_NOOP("messages", "cancelled"),
                BookingStatus.REBOOKED: QT_TRANSLATE_NOOP("messages", "rebooked"),
                BookingStatus.TRANSFERRED: QT_TRANSLATE_NOOP("messages", "transferred"),
                BookingStatus.DONE: QT_TRANSLATE_NOOP("messages", "done")}
_TRANSFERRED_TO = QT_TRANSLATE_NOOP("messages", "{status} to {hospital}")
_REBOOKED_FROM = QT_TRANSLATE_NOOP("messages", "{status} (from {day})")
_LEFT_DISCHARGED = QT_TRANSLATE_NOOP("messages", "PATIENT DISCHARGED {at} — {to}: call {phone}")
_LEFT_DISCHARGED_NO_PHONE = QT_TRANSLATE_NOOP("messages", "PATIENT DISCHARGED {at} — {to}: no telephone recorded")
_LEFT_DISCHARGED_TO = QT_TRANSLATE_NOOP("messages", "PATIENT DISCHARGED {at} — {to}")
_LEFT_TRANSFERRED = QT_TRANSLATE_NOOP("messages", "PATIENT TRANSFERRED OUT {at} to {hospital}")
_LEFT_DIED = QT_TRANSLATE_NOOP("messages", "PATIENT DIED {at}: cancel")
_ALSO_BOOKED = QT_TRANSLATE_NOOP("messages", "ALSO BOOKED {when}")
_CLASH = QT_TRANSLATE_NOOP("messages", "{status} — CLASH, move one: {clashes}")
_CLASH_DONE = QT_TRANSLATE_NOOP("messages", "{status} — CLASH: {clashes}")
"""On the line of an operation done, which is not to be moved: the other line says to move it."""
_NOT_TOLD = QT_TRANSLATE_NOOP("messages", "{status} — PATIENT NOT TOLD YET")
_NOT_TOLD_TELL = QT_TRANSLATE_NOOP("messages", "{status} — PATIENT NOT TOLD YET — tell: {whom}")
_LETTER_LATE = QT_TRANSLATE_NOOP("messages", "{said} (letter may not arrive: ring)")
_DONE_AT = QT_TRANSLATE_NOOP("messages", "{status} {when}")
_DONE_IN = QT_TRANSLATE_NOOP("messages", "{done} ({theatre})")
_DONE_OVER_CLASH = QT_TRANSLATE_NOOP("messages", "RECORDED OVER A CLASH: {reason}")
UNRECORDED = QT_TRANSLATE_NOOP("messages", "OUTCOME NOT RECORDED")
_SAME_NAME = QT_TRANSLATE_NOOP("messages", "SAME NAME: {others}")
_AFTER_LATEX = QT_TRANSLATE_NOOP("messages", "LATEX ALLERGY: move first, latex-free theatre")
_NO_CHECKLIST = QT_TRANSLATE_NOOP("messages", "NO SAFETY CHECKLIST recorded")
_OTHER_SIDE_ON_LIST = QT_TRANSLATE_NOOP("messages", "CHECKLIST NAMES ANOTHER SIDE: its time out says “{words}”: check "
                                                    "the side with the theatre team before the operation, and correct "
                                                    "the booking's side or the checklist")
_OTHER_SIDE_DONE_ON_LIST = QT_TRANSLATE_NOOP("messages", "CHECKLIST NAMES ANOTHER SIDE: its time out says “{words}”, side "
                                                         "operated {operated}: check with the theatre team, amend the "
                                                         "booking's side to the side operated, and report the incident "
                                                         "if it is not the side checked")
_NO_SIGN_OUT = QT_TRANSLATE_NOOP("messages", "SIGN OUT NOT RECORDED (counts)")
_COUNTS_NOT_CORRECT = QT_TRANSLATE_NOOP("messages", "COUNTS NOT CORRECT at sign out: see the checklist")
_ANTICOAGULANT = QT_TRANSLATE_NOOP("messages", "ANTICOAGULANT: {drugs}")
_STOPPED = QT_TRANSLATE_NOOP("messages", "{drug} (stopped {when})")
_ON_INSULIN = QT_TRANSLATE_NOOP("messages", "ON INSULIN: {drugs}")
_INSULIN_FIRST = QT_TRANSLATE_NOOP("messages", "ON INSULIN: put first on the list")
_LOWERING_FIRST = QT_TRANSLATE_NOOP("messages", "ON DIABETES MEDICINES: put first on the list")
_ON_TIME_CRITICAL = QT_TRANSLATE_NOOP("messages", "ON A TIME-CRITICAL PARKINSON'S MEDICINE: {said}")
_TIME_CRITICAL_FIRST = QT_TRANSLATE_NOOP("messages", "ON A TIME-CRITICAL PARKINSON'S MEDICINE: put first on the list")
_ON_LOWERING = {
    Lowering.SULFONYLUREA: QT_TRANSLATE_NOOP("messages", "ON A SULFONYLUREA: {drug} (omit on the morning of surgery)"),
    Lowering.MEGLITINIDE: QT_TRANSLATE_NOOP("messages", "ON A MEGLITINIDE: {drug} (omit on the morning of surgery)"),
    Lowering.SGLT2: QT_TRANSLATE_NOOP("messages", "ON AN SGLT2 INHIBITOR: {drug} (stop the day before surgery and on "
                                                  "its day: ketoacidosis)"),
    Lowering.METFORMIN: QT_TRANSLATE_NOOP("messages", "ON METFORMIN: {drug} (once or twice a day: as usual; three "
                                                      "times a day: omit the lunchtime dose)")}
_PAST_TARGET = QT_TRANSLATE_NOOP("messages", "PAST NCEPOD TARGET (decided {when})")
_AFTER_REBOOK_BY = QT_TRANSLATE_NOOP("messages", "AFTER REBOOK-BY DATE {day}")
_AFTER_DEADLINE = QT_TRANSLATE_NOOP("messages", "BOOKED AFTER ITS DEADLINE {day}")
_REBOOKED_TWICE = QT_TRANSLATE_NOOP("messages", "REBOOKED TWICE ({dates}): ring the patient with the date kept, "
                                                "mark the other rebooking entered in error")
_REBOOKED_AND_TRANSFERRED = QT_TRANSLATE_NOOP("messages", "REBOOKED AND TRANSFERRED ({dates}; {hospital}): ring the "
                                                          "patient with the decision kept, mark the other entered in "
                                                          "error")
_OVERRUNS = QT_TRANSLATE_NOOP("messages", "LIST OVERRUNS: ends about {end} with {minutes} min between cases (list ends "
                                          "{list_end})")
_CANCELLED_AND_DONE = QT_TRANSLATE_NOOP("messages", "CANCELLED AND DONE (cancelled {cancelled}): check with the theatre "
                                                    "team, mark the wrong record entered in error")
_DONE_THEN_MOVED = QT_TRANSLATE_NOOP("messages", "CANCELLED AND DONE (cancelled {cancelled}, since {moved}): check with "
                                                 "the theatre team, ring the patient, mark the wrong records entered in "
                                                 "error")
_CANCELLED_AGAIN = QT_TRANSLATE_NOOP("messages", "CANCELLED ON TWO LAPTOPS ({named} cancelled {cancelled} when it no "
                                                 "longer stood): that changed nothing; ring the patient with what "
                                                 "stands, mark that cancellation entered in error")
_CANCELLED_DUPLICATE = QT_TRANSLATE_NOOP("messages", "CANCELLED TWICE ({named} cancelled {cancelled}, already cancelled "
                                                     "{first}): a duplicate that changed nothing, no call to the "
                                                     "patient; mark it entered in error")
_MOVED_TO = {"rebooked": QT_TRANSLATE_NOOP("messages", "rebooked to {to}"),
             "transferred": QT_TRANSLATE_NOOP("messages", "transferred to {to}")}


_FREE = QT_TRANSLATE_NOOP("messages", "Free that day for {minutes} min: {slots}.")
_FREE_HERE = QT_TRANSLATE_NOOP("messages", "from {time} in {theatre}")
_FREE_THERE = QT_TRANSLATE_NOOP("messages", "{theatre} ({specialty}) from {time}")
_OR = QT_TRANSLATE_NOOP("messages", "{first}, or {then}")
_NONE_FREE = QT_TRANSLATE_NOOP("messages", "No session of that day known to this laptop has {minutes} min free.")
_EMERGENCY = QT_TRANSLATE_NOOP("messages", "For an immediate case: cancelling a planned operation (reason "
                                           "\u201cEmergency took the theatre\u201d) frees its slot.")
_EXTEND = QT_TRANSLATE_NOOP("messages", "Or extend the {starts}\u2013{ends} list of theatre {theatre} to {end} "
                                        "(amend the theatre session's end) and book it from {time}.")
IMMEDIATE = (Priority.IMMEDIATE_A, Priority.IMMEDIATE_B)
OVERRUN = (*IMMEDIATE, Priority.URGENT)
"""The classes a list is extended for, rather than an operation cancelled: emergencies."""


@dataclass(frozen=True)
class FreeThatDay:
    """Where the refused operation would fit on its day: the next free start on its own list
    first, then one on each other list of the day. A refusal naming only what is in the way
    left the coordinator of an emergency guessing theatre after theatre."""

    minutes: int
    session_id: str
    slots: tuple[Slot, ...]
    immediate: bool
    extend: Slot | None = None
    """For an immediate or urgent case not fitting before its own list's end: the earliest start
    on the last list of its theatre that day once that list's end is moved (`extended`). Told only
    to cancel another patient, the coordinator cancelled an elective operation for an emergency
    the list could have run over for."""
    extended: TheatreSession | None = None
    """The list `extend` is on, named by its times: a morning list followed by another in its
    theatre cannot run over, and "extend the list of theatre T1" sent the coordinator to run it
    across the afternoon's."""

    @property
    def extend_to(self) -> datetime | None:
        """The end the list is to be extended to, for the operation from `extend`."""
        return self.extend.start + timedelta(minutes=self.minutes) if self.extend is not None else None

    def text(self, lang: Lang) -> str:
        said = [message(lang, _FREE_HERE, time=f"{slot.start:%H:%M}", theatre=slot.theatre)
                if slot.session_id == self.session_id else
                message(lang, _FREE_THERE, theatre=slot.theatre, specialty=slot.specialty, time=f"{slot.start:%H:%M}")
                for slot in self.slots]
        free = (message(lang, _FREE, minutes=self.minutes, slots=reduce(
            lambda first, then: message(lang, _OR, first=first, then=then), said)) if said
            else message(lang, _NONE_FREE, minutes=self.minutes))
        extend = ("" if self.extend is None or self.extend_to is None or self.extended is None else " " + message(
            lang, _EXTEND, starts=f"{self.extended.start.astimezone(self.extend_to.tzinfo):%H:%M}",
            ends=f"{self.extended.end.astimezone(self.extend_to.tzinfo):%H:%M}", theatre=self.extend.theatre,
            end=f"{self.extend_to:%H:%M}", time=f"{self.extend.start:%H:%M}"))
        return (f"{free} {message(lang, _EMERGENCY)}" if self.immediate else free) + extend


class ClashRefused(ServiceError):
    """Every clash of the slot, each in the reader's language, then where the operation would
    fit that day (`free`; None: not worked out)."""

    def __init__(self, found: list[Clash], free: FreeThatDay | None = None):
        self.clashes, self.free = found, free
        super().__init__(CLASHES, clashes="; ".join(str(clash.said) for clash in found))

    def clashes_text(self, lang: Lang) -> str:
        """The clashes alone, for a screen that offers the free slots itself."""
        return message(lang, CLASHES, clashes=semicolon(lang).join(clash.said.text(lang) for clash in self.clashes))

    def text(self, lang: Lang) -> str:
        return self.clashes_text(lang) + (f" {self.free.text(lang)}" if self.free is not None else "")


class SessionGone(NotFound):
    """The session a booking names is not on the lists: withdrawn since the slot was offered
    (another coordinator, an import), or never set up here. A screen offering slots reads them
    again, as after a clash, or the withdrawn slot stays offered."""


EVENT_FORMS = ("operation_cancellation", "operation_rebooking", DONE_FORM)
LIVE = (BookingStatus.BOOKED, BookingStatus.REBOOKED)
PLACED = (*LIVE, BookingStatus.DONE)
"""In a slot of a list: still to take place there, or done there. A done operation held its
theatre, surgeon and patient at that time, as the clash checks see them."""
# The field of each theatre form that says when it happened, which orders a booking's changes.
OCCURRED_AT = {"operation_booking": "planned_start", "operation_cancellation": "cancelled_at",
               "operation_rebooking": "decided_at", DONE_FORM: "done_at"}
# The booking a booking, cancellation or rebooking row is about.
BOOKING_OF = "CASE form_id WHEN 'operation_booking' THEN record_id ELSE json_extract(data, '$.booking') END"


def _standing(db: Database, form_id: str) -> list[RecordVersion]:
    return [r for r in list_current(db, form_id=form_id) if r.status is not RecordStatus.ENTERED_IN_ERROR]


def _standing_where(db: Database, form_ids: Collection[str], clause: str, values: Collection[str]) -> list[RecordVersion]:
    """Standing current versions of these forms for which `clause`, written with one `?` for
    the list of `values`, holds; in time order, read 500 values at a time."""
    found = [as_version(row) for part in chunks(values) for row in db.query(
        f"SELECT * FROM current_records WHERE form_id IN ({marks(form_ids)}) AND status != ?"
        f" AND {clause.replace('?', marks(part), 1)}", [*form_ids, RecordStatus.ENTERED_IN_ERROR.value, *part])]
    return sorted(found, key=lambda record: record.recorded_at)


def sessions(db: Database, session_ids: Collection[str] | None = None) -> dict[str, TheatreSession]:
    """Every standing session, or these (a clash check reads the few it compares)."""
    found = (_standing(db, "theatre_session") if session_ids is None
             else _standing_where(db, ["theatre_session"], "record_id IN (?)", session_ids))
    return {r.record_id: session_of(r) for r in found}


def sessions_to_choose(db: Database, now: datetime) -> list[tuple[TheatreSession, bool]]:
    """Every standing session as a booking picks one, each with whether it has ended: those
    still to run first, in time and theatre order, then those ended, the latest first (a record
    typed late is of a recent list). In time order from the first list of the outage, a month's
    lists had to be scrolled past to reach today's."""
    by_theatre = sorted(sessions(db).values(), key=lambda s: theatre_order(s.theatre))
    coming = sorted((s for s in by_theatre if s.end > now), key=lambda s: s.start)
    ended = sorted((s for s in by_theatre if s.end <= now), key=lambda s: s.start, reverse=True)
    return [(s, False) for s in coming] + [(s, True) for s in ended]


def ended_session(db: Database, session_id: str, now: datetime) -> TheatreSession | None:
    """The session, if it has ended by now (a booking onto it is a record typed late, asked)."""
    found = sessions(db, {session_id}).get(session_id)
    return found if found is not None and found.end <= now else None


def session_of(record: RecordVersion) -> TheatreSession:
    return _session(record.record_id, record.data)


def _session(session_id: str, data: dict[str, Any]) -> TheatreSession:
    return TheatreSession(session_id, data["theatre"], datetime.fromisoformat(data["starts_at"]),
                          datetime.fromisoformat(data["ends_at"]), data["specialty"])


def _sessions_near(db: Database, start: datetime, end: datetime) -> list[TheatreSession]:
    """The standing sessions of any theatre at a time overlapping start..end (julianday reads
    each written time with its offset)."""
    return [_session(row["record_id"], json.loads(row["data"])) for row in db.query(
        "SELECT record_id, data FROM current_records WHERE form_id = 'theatre_session' AND status != ?"
        " AND julianday(json_extract(data, '$.starts_at')) < julianday(?)"
        " AND julianday(json_extract(data, '$.ends_at')) > julianday(?)",
        [RecordStatus.ENTERED_IN_ERROR.value, end.isoformat(), start.isoformat()])]


def _booking_ids(db: Database, clause: str, values: list[Any]) -> set[str]:
    """The bookings whose standing booking or rebooking rows meet `clause`."""
    return {row[0] for row in db.execute(
        f"SELECT {BOOKING_OF} FROM current_records WHERE form_id IN ('operation_booking', 'operation_rebooking')"
        f" AND status != ? AND {clause}", [RecordStatus.ENTERED_IN_ERROR.value, *values])}


def _around(db: Database, start: datetime, end: datetime) -> set[str]:
    """The bookings that may stand at a time overlapping start..end: booked or rebooked into a
    slot starting less than the longest booked operation before it, and before its end (a
    minute to spare either side). SQLite's julianday reads each written time with its offset,
    so the window holds across a change of summer time. Replaying them says where each stands
    now; a clash check then reads these, not a hospital's thousands."""
    planned = "julianday(json_extract(data, '$.planned_start'))"
    return _booking_ids(db, f"{planned} > julianday(?) - ({_LONGEST} + 1) / 1440.0 AND {planned} < julianday(?) + 1 / 1440.0",
                        [start.isoformat(), end.isoformat()])


_LONGEST = ("(SELECT COALESCE(MAX(json_extract(data, '$.expected_minutes')), 0) FROM records"
            " WHERE form_id = 'operation_booking')")
"""The longest operation booked, in minutes: how long before a window one may start and still
stand in it."""


def _done_around(db: Database, start: datetime, end: datetime) -> set[str]:
    """The bookings recorded done at a time that may stand in start..end, as `_around` reads the
    slots: an operation done long after its slot (a list running late), or in another theatre,
    is where and when it was done."""
    done = "julianday(json_extract(data, '$.done_at'))"
    return {row[0] for row in db.execute(
        f"SELECT json_extract(data, '$.booking') FROM current_records WHERE form_id = ? AND status != ?"
        f" AND {done} > julianday(?) - ({_LONGEST} + 1) / 1440.0 AND {done} < julianday(?) + 1 / 1440.0",
        [DONE_FORM, RecordStatus.ENTERED_IN_ERROR.value, start.isoformat(), end.isoformat()])}


def _near(db: Database, start: datetime, end: datetime) -> set[str]:
    """The bookings that may stand in start..end: in a slot then (`_around`), or done then
    (`_done_around`)."""
    return _around(db, start, end) | _done_around(db, start, end)


def _replay(db: Database, booking_ids: Collection[str] | None = None) -> list[BookingFacts]:
    """Every standing booking (or these) with its cancellations and rebookings applied in time
    order."""
    if booking_ids is None:
        booked, changes = _standing(db, "operation_booking"), [r for form_id in EVENT_FORMS for r in _standing(db, form_id)]
    else:
        booked = _standing_where(db, ["operation_booking"], "record_id IN (?)", booking_ids)
        changes = _standing_where(db, EVENT_FORMS, "json_extract(data, '$.booking') IN (?)", booking_ids)
    return _as_people(db, replay(booked, changes, _first_typed(db, changes), settings.days_off(db)))


def _as_people(db: Database, replayed: list[BookingFacts]) -> list[BookingFacts]:
    """Each booking's patient as a person: downtime numbers the records office linked to one EHR
    patient (one person admitted on two laptops) are one patient to every clash check, who
    cannot be in two theatres at once. A merge's exports have no links: there, numbers are
    people."""
    links = ehr_numbers(db, {str(facts.record.patient_id) for facts in replayed})
    return [replace(facts, person=f"ehr:{links[patient_id]}") if (patient_id := str(facts.record.patient_id)) in links
            else facts for facts in replayed]


def replay(booked: list[RecordVersion], changes: list[RecordVersion], typed: dict[str, datetime],
           days_off: Container[date]) -> list[BookingFacts]:
    """The standing bookings with their standing cancellations and rebookings applied, wherever
    the versions were read (this database, or a merge's combined exports); `typed`: when each
    change was first typed; `days_off`: the bank holidays its letters are read with."""
    events: dict[str, list[RecordVersion]] = {}
    for record in changes:
        events.setdefault(record.data["booking"], []).append(record)
    return [_fold(record, events.get(record.record_id, []), typed, days_off) for record in booked]


def _first_typed(db: Database, events: Collection[RecordVersion]) -> dict[str, datetime]:
    """When each event's record was first typed (its version 1's `recorded_at`), which orders
    a booking's changes of the same minute, as the census orders movements: a cancellation
    amended after a rebooking typed in its minute (both dialogs write the minute) must not move
    after that rebooking. A record not yet written is typed after everything stored."""
    return {record_id: datetime.fromisoformat(at) for part in chunks({event.record_id for event in events})
            for record_id, at in db.execute(f"SELECT record_id, recorded_at FROM records WHERE version = 1"
                                            f" AND record_id IN ({marks(part)})", part).fetchall()}


_Step = tuple[BookingStatus, RecordVersion | None, RecordVersion]
"""A change of a booking with the status and the placing record standing when it came."""


def _fold(record: RecordVersion, events: list[RecordVersion], typed: dict[str, datetime], days_off: Container[date],
          writing: str | None = None) -> BookingFacts:
    """The booking with its cancellations and rebookings applied in the order they happened
    (`typed`: when each was first typed, for those of the same minute). `writing` (the record
    of a version about to be written): refuse a change where it does not apply, as the lists,
    which show whatever is stored, would apply it differently from what was accepted. A stored
    cancellation of a date no longer standing without it (a merge's) changes nothing and is not
    judged, nor judges what comes after it: the office could neither cancel the date standing
    nor record it done."""
    facts, steps, unapplied = _folded(record, events, typed, days_off)
    if writing is not None:
        stored = [event for event in events if event.record_id != writing]
        exempt = unapplied if len(stored) == len(events) else _folded(record, stored, typed, days_off)[2]
        kept = [step for step in steps if step[2].record_id not in exempt]
        for index, (was, placed, event) in enumerate(kept):
            _refuse_out_of_place(was, placed, event, [later for _, _, later in kept[index + 1:]])
    return facts


def _folded(record: RecordVersion, events: list[RecordVersion], typed: dict[str, datetime],
            days_off: Container[date]) -> tuple[BookingFacts, list[_Step], set[str]]:
    """`_fold`'s replay, with each change as it came (`_Step`) and the cancellations of a date no
    longer standing, those REBOOKED TWICE settles among them."""
    data = record.data
    status, session_id = BookingStatus.BOOKED, data["session"]
    start: datetime | None = datetime.fromisoformat(data["planned_start"])
    cancelled_at, reason, last_minute, transferred_to, placed_by = None, None, False, None, record
    told_of: RecordVersion | None = None
    done: RecordVersion | None = None
    cancelled_from: list[LeftSlot] = []
    cancellations: list[Cancellation] = []
    rebooked_over: list[RecordVersion] = []
    cancelled_and_done: RecordVersion | None = None
    moved_after_done: list[RecordVersion] = []
    cancelled_again: list[RecordVersion] = []
    unapplied: set[str] = set()
    steps: list[_Step] = []
    ordered = sorted(events, key=lambda e: (e.occurred_at, typed.get(e.record_id, e.recorded_at)))
    by_id = {event.record_id: event for event in ordered}
    for event in ordered:
        steps.append((status, placed := placed_by if status in PLACED else None, event))
        # Only a merge's or an import's records reach the contradictions below (`_fold` refuses
        # them when written): a date no longer standing stays as it is; the operation stays done, where the
        # theatre says it took place.
        if event.form_id == "operation_cancellation" and not cancels_standing(event, placed):
            unapplied.add(event.record_id)
            # One naming a date another laptop's rebooking replaced is REBOOKED TWICE's to settle.
            if not any(cancels_standing(event, over) for over in rebooked_over):
                cancelled_again.append(event)
        elif event.form_id == "operation_cancellation" and status is BookingStatus.DONE:
            cancelled_and_done = event
        elif event.form_id == "operation_rebooking" and status is BookingStatus.DONE:
            moved_after_done.append(event)
        elif event.form_id == DONE_FORM and (done_in := _left_slot_done_in(status, start, cancelled_from, event)) is not None:
            left = cancelled_from.pop(done_in)
            cancelled_and_done = by_id[left.cancelled_by]
            cancellations.remove(next(c for c in cancellations if c.at == cancelled_and_done.occurred_at))
            if status is not BookingStatus.CANCELLED and told_of is not None:
                moved_after_done.append(told_of)
            status, session_id, start, done, told_of = BookingStatus.DONE, left.session_id, left.start, event, None
            placed_by, transferred_to = left.placed_by, None
            cancelled_at, reason, last_minute = ((cancellations[-1].at, cancellations[-1].reason,
                                                  cancellations[-1].last_minute) if cancellations else (None, None, False))
        elif event.form_id == "operation_cancellation":
            reason = CancelReason(event.data["reason"])
            if session_id is not None and start is not None:
                cancelled_from.append(LeftSlot(session_id, start, reason, event.record_id, placed_by))
            status, session_id, start, told_of = BookingStatus.CANCELLED, None, None, event
            cancellations.append(cancellation_of(event))
            cancelled_at, last_minute = cancellations[-1].at, cancellations[-1].last_minute
        elif event.form_id == DONE_FORM:
            # Done where it stood: nothing is left to tell its patient.
            status, done, told_of = BookingStatus.DONE, event, None
        elif event.data["outcome"] == "transferred":
            if status is BookingStatus.REBOOKED:
                rebooked_over.append(placed_by)
            status, session_id, start, told_of = BookingStatus.TRANSFERRED, None, None, event
            transferred_to = event.data.get("other_hospital")
        else:
            if status is BookingStatus.REBOOKED:
                rebooked_over.append(placed_by)
            status, session_id, placed_by, told_of = BookingStatus.REBOOKED, event.data["session"], event, event
            start = datetime.fromisoformat(event.data["planned_start"])
    facts = BookingFacts(record, status, session_id, start, int(data["expected_minutes"]), Priority(data["priority"]),
                         datetime.fromisoformat(data["decided_at"]), cancelled_at, reason, last_minute,
                         booking_rebook_by(data, cancellations),
                         tuple(cancelled_from), transferred_to, placed_by, told_of=told_of, done=done,
                         rebooked_over=tuple(rebooked_over), cancelled_and_done=cancelled_and_done,
                         moved_after_done=tuple(moved_after_done), cancelled_again=tuple(cancelled_again),
                         days_off=days_off)
    return facts, steps, unapplied


def _left_slot_done_in(status: BookingStatus, start: datetime | None, cancelled_from: list[LeftSlot],
                       done: RecordVersion) -> int | None:
    """Which slot the operation was cancelled from (the index in `cancelled_from`) a record of it
    done took place in, for one cancelled, or rebooked or transferred since (only a merge's or an
    import's records: one laptop cancelled, then rebooked or transferred it, while the theatre did
    it and another laptop recorded it done); None when it was done where it stands. A coordinator
    rebooks straight after cancelling, before the theatre records the case done: the record was
    filed in the new date's slot, with nothing reported and the EHR sent the slot it was done in
    cancelled (`done_in_left_slot`); a cancelled operation's is its last slot, as it always was."""
    if status is BookingStatus.CANCELLED and cancelled_from:
        found = done_in_left_slot(None, [left.start for left in cancelled_from], done.occurred_at)
        return len(cancelled_from) - 1 if found is None else found
    if status is BookingStatus.REBOOKED or status is BookingStatus.TRANSFERRED:
        return done_in_left_slot(start, [left.start for left in cancelled_from], done.occurred_at)
    return None


def done_in_left_slot(placed: datetime | None, left: list[datetime], done_at: datetime) -> int | None:
    """Which of the slots an operation was cancelled from (`left`: their starts, oldest first) it
    was done in, done at `done_at` while it stands in a slot starting `placed` (None: none, as
    cancelled or sent to another hospital): the latest of them begun by then (`EARLY_LIST`
    allowed) on the same day, on its clock, unless the slot it stands in had begun too; None for
    none. A case rebooked to 02/12 and brought forward to the evening list of 01/12 was done on
    that list, not in the 28/11 slot it was cancelled from. The lists and the export
    (sync.fhir_theatre) place it alike."""
    if placed is not None and instant(placed) - EARLY_LIST <= instant(done_at):
        return None
    begun = [index for index, start in enumerate(left) if instant(start) - EARLY_LIST <= instant(done_at)
             and done_at.astimezone(start.tzinfo).date() == start.date()]
    return begun[-1] if begun else None


def slot_named(cancellation: RecordVersion) -> datetime | None:
    """The planned start of the date a cancellation cancels as its dialog showed it
    (operation_cancellation version 3), to show; None for one naming none (versions 1 and 2, or
    left blank)."""
    named = cancellation.data.get("slot_start")
    return datetime.fromisoformat(named) if named else None


def slot_placed_by(cancellation: RecordVersion) -> str | None:
    """The record that placed the date a cancellation cancels: its rebooking, or the booking
    itself (operation_cancellation version 3); None for one naming no date. The record, not the
    start: a time corrected on another laptop (an amendment of the same record) is the same
    date, and a cancellation of it named by its old start changed nothing."""
    if slot_named(cancellation) is None:
        return None
    return str(cancellation.data.get("rebooking") or cancellation.data["booking"])


def cancelled_before(facts: BookingFacts, again: RecordVersion) -> RecordVersion | None:
    """The cancellation that had already cancelled the date `again` (one of
    `BookingFacts.cancelled_again`) names, nothing rebooked since (the operation still cancelled
    from that date): `again` is then a duplicate, both coordinators having told the patient of one
    cancellation, and no date stands to ring them with (CANCELLED TWICE). None when another date
    was given since, which the patient must hear of (CANCELLED ON TWO LAPTOPS)."""
    first, left = facts.told_of, facts.cancelled_from[-1] if facts.cancelled_from else None
    if (facts.status is BookingStatus.CANCELLED and first is not None and left is not None
            and left.cancelled_by == first.record_id and left.placed_by.record_id == slot_placed_by(again)):
        return first
    return None


def cancels_standing(cancellation: RecordVersion, placed: RecordVersion | None) -> bool:
    """Whether a cancellation applies to the date standing when it comes, placed by `placed`
    (the booking or a rebooking; None: none stands, the operation cancelled or sent elsewhere):
    the date it names, or, naming none, any. The lists and the export (sync.fhir_theatre) read
    it alike."""
    named = slot_placed_by(cancellation)
    return named is None or (placed is not None and placed.record_id == named)


def cancellation_of(record: RecordVersion) -> Cancellation:
    """A cancellation record as the rebook-by date counts it."""
    return Cancellation(record.occurred_at, CancelReason(record.data["reason"]), bool(record.data["last_minute"]))


class Deadline(StrEnum):
    """The rules a booking must be done by (`rebook_deadlines`)."""

    ON_THE_DAY = "on_the_day"
    """28 days after a last-minute cancellation for a non-clinical reason, the date the records
    office's return of operations cancelled on the day reports breaches by."""
    NCEPOD = "ncepod"
    CANCER = "cancer"
    CLINICAL = "clinical"


def rebook_deadlines(data: Mapping[str, Any], cancellations: Collection[Cancellation]) -> dict[Deadline, datetime]:
    """Each date a booking (its answers, `data`) must be done by, by its rule, after these
    cancellations of it (`rebook_by`; its NCEPOD class has no 28-day rule of its own, an elective
    one no target). Named apart, where the earliest alone hid the 28th day the return needs
    behind an earlier clinical priority."""
    priority, decided = Priority(data["priority"]), datetime.fromisoformat(data["decided_at"])
    found = {Deadline.ON_THE_DAY: rebook_by(Priority.ELECTIVE, decided, cancellations),
             Deadline.NCEPOD: rebook_by(priority, decided, ()),
             Deadline.CANCER: cancer_deadline(data),
             Deadline.CLINICAL: clinical_deadline(data, decided)}
    return {rule: deadline for rule, deadline in found.items() if deadline is not None}


def booking_rebook_by(data: Mapping[str, Any], cancellations: Collection[Cancellation]) -> datetime | None:
    """The date a booking (its answers, `data`) must be done by, the earliest of its
    `rebook_deadlines`: the lists and the export (sync.fhir_theatre) count it alike, where the
    records office's return of operations cancelled on the day needs it and had to count it
    again."""
    return min(rebook_deadlines(data, cancellations).values(), default=None)


def to_the_hour(deadline: datetime) -> bool:
    """Whether a deadline falls within a day (P1a, P1b, an NCEPOD target), not at its end (the 28
    days, a cancer target, P2, P3, which end at 23:59 on the ward's clock): said as a date alone,
    a P1a due 03:00 rebooked for 10:00 read "AFTER REBOOK-BY DATE 29/11/2026" on a 29/11 line,
    its 7 hours late unsaid."""
    local = deadline.astimezone(ward_zone(None))
    return (local.hour, local.minute) != (23, 59)


def deadline_said(deadline: datetime) -> str:
    """A rebook-by deadline as the lists print it, on the ward's clock (`ward_time`): its date, and
    its time when `to_the_hour`. A P1a decided at 10:00 the day before the clocks went back read
    "25/10/2026 10:00", the decision's offset, for a deadline at 09:00 on the ward's clock, and one
    decided on a laptop set to UTC an hour early."""
    return ward_time(deadline, None, DATED if to_the_hour(deadline) else "%d/%m/%Y")


CLINICAL_WAIT = {"p1a": timedelta(hours=24), "p1b": timedelta(hours=72), "p2": timedelta(weeks=4),
                 "p3": timedelta(weeks=13)}
"""How long an operation of each surgical clinical priority (operation_booking's
`clinical_priority`, FSSA) may wait from the decision: P4's more than 3 months gives no date."""
_BY_THE_HOUR = frozenset({"p1a", "p1b"})
"""The classes whose wait is hours: the others' is a day, all of it, as the 28-day rule's is."""


def clinical_deadline(data: Mapping[str, Any], decided: datetime) -> datetime | None:
    """A booking's clinical priority as a rebook-by deadline from its decision (`decided`), as its
    cancer target is one; None for none, or P4."""
    code = data.get("clinical_priority") or ""
    if code not in CLINICAL_WAIT:
        return None
    wait = CLINICAL_WAIT[code]
    return decided + wait if code in _BY_THE_HOUR else day_end(ward_day(decided) + wait)


def cancer_deadline(data: Mapping[str, Any]) -> datetime | None:
    """A booking's cancer pathway target as a rebook-by deadline: the end of its day on the ward's
    clock (`day_end`; on the offset the decision to operate was typed with, a target past the
    clocks' change ended an hour off); None for a booking with none."""
    if not data.get("cancer_target"):
        return None
    return day_end(date.fromisoformat(data["cancer_target"]))


_CANCER_PATHWAYS = {"two_week": QT_TRANSLATE_NOOP("messages", "CANCER 2-WEEK WAIT"),
                    "days_31": QT_TRANSLATE_NOOP("messages", "CANCER 31-DAY"),
                    "days_62": QT_TRANSLATE_NOOP("messages", "CANCER 62-DAY")}


def cancer_said(data: Mapping[str, Any], lang: Lang) -> str:
    """The booking's cancer pathway, as the rebook-by column names it beside its date ("04/12/2026
    CANCER 31-DAY SOON"): "" for none."""
    pathway = _CANCER_PATHWAYS.get(data.get("cancer_pathway") or "")
    return message(lang, pathway) if pathway else ""


def _refuse_out_of_place(status: BookingStatus, placed: RecordVersion | None, event: RecordVersion,
                         later: list[RecordVersion]) -> None:
    """A cancellation applies to a booked operation, on the date it names when it names one (the
    date `placed` placed: a dialog opened before an import moved the operation would cancel the
    new date), a rebooking to a cancelled one, at the time each is dated; that the operation was
    done, to one booked, and nothing comes after it. A
    rebooking dated before the cancellation it answers is refused rather than reordered: the
    coordinator holding the forms knows which time is wrong, and records staff back-entering
    them must not find a new date decided before the cancellation. An operation done in a slot
    it was cancelled from is refused likewise, whichever of the two is being written."""
    if event.form_id == DONE_FORM:
        if status not in LIVE:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "This booking is {status}; only a booked operation can be "
                                                             "recorded done."), status=Phrase(STATUS_WORDS[status]))
        if later:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "This operation was done at {done}: nothing is recorded of "
                                                             "it after that ({then}). If a record of it is wrong, amend "
                                                             "it or mark it entered in error (Patient's records)."),
                               done=ward_time(event.occurred_at, None, DATED), then=ward_time(later[0].occurred_at, None, DATED))
        return
    if event.form_id == "operation_cancellation":
        answer = next((e for e in later if e.form_id in (DONE_FORM, "operation_rebooking")), None)
        if answer is not None and answer.form_id == DONE_FORM:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Cancelled at {cancelled}, done at {done}: an operation is "
                                                             "not done in a slot it was cancelled from. If one of the "
                                                             "two is wrong, mark it entered in error (Patient's records) "
                                                             "first."),
                               cancelled=ward_time(event.occurred_at, None, DATED), done=ward_time(answer.occurred_at, None, DATED))
        rebooked = next((e for e in later if e.form_id == "operation_rebooking"), None)
        if status is BookingStatus.CANCELLED and rebooked is not None:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Cancelled at: this operation waited for a new date until "
                                                             "it was rebooked ({rebooked}); a cancellation of its new "
                                                             "date comes after that."),
                               rebooked=ward_time(rebooked.occurred_at, None, DATED))
        if status not in LIVE:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "This booking is {status}; only a booked operation can be cancelled."),
                               status=Phrase(STATUS_WORDS[status]))
        if placed is not None and not cancels_standing(event, placed):
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Since this cancellation was opened, the operation has "
                                                             "moved: the date standing is {standing}, not the date it "
                                                             "cancels, {named} (“Date cancelled”). Close it, and cancel "
                                                             "the date standing if that is meant."),
                               standing=ward_time(datetime.fromisoformat(placed.data['planned_start']), None, DATED),
                               named=ward_time(slot_named(event), None, DATED))
        return
    if status is BookingStatus.CANCELLED:
        return
    answered = next((e for e in later if e.form_id == "operation_cancellation"), None)
    if answered is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "A rebooking must come after the cancellation it answers: the "
                                                         "rebooking is dated {rebooked}, the cancellation {cancelled}."),
                           rebooked=ward_time(event.occurred_at, None, DATED),
                           cancelled=ward_time(answered.occurred_at, None, DATED))
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "This booking is {status}; cancel it before rebooking."),
                       status=Phrase(STATUS_WORDS[status]))


def as_placed(session: Session, changes: Collection[RecordVersion], known: Mapping[str, RecordVersion] | None = None,
              authors: Authors | None = None) -> dict[str, dict[str, str]]:
    """For each cancellation, or operation done, among these records, how its line names its
    booking (`records.record_label`'s `refs`): as it stood in the slot it cancelled, or was done
    in. A cancellation of the new date of an operation rebooked named the booking's first date
    ("Planned start: 01/12/2026 08:45 … Cancelled at: 02/12/2026 02:43"), and the records office
    would cancel the wrong appointment in the EHR (or record the wrong one as done)."""
    wanted = {record.record_id for record in changes if record.form_id in ("operation_cancellation", DONE_FORM)}
    if not wanted:
        return {}
    booked = {record.data["booking"] for record in changes if record.record_id in wanted}
    placed: dict[str, dict[str, str]] = {}
    for facts in _replay(session.db, booked):
        slots = [(slot.cancelled_by, slot.session_id, slot.start) for slot in facts.cancelled_from]
        # A cancellation of a date no longer standing, as the date it names.
        slots += [(again.record_id, left.session_id, left.start) for again in facts.cancelled_again
                  if (left := left_named(facts, again)) is not None]
        if facts.done is not None and facts.session_id is not None and facts.start is not None:
            slots.append((facts.done.record_id, facts.session_id, facts.start))
        placed |= {record_id: {facts.record.record_id: records.record_label(session, facts.record.model_copy(update={
            "data": {**facts.record.data, "session": session_id, "planned_start": start.isoformat(timespec="minutes")}}),
            known, authors)} for record_id, session_id, start in slots if record_id in wanted}
    return placed


def changed_nothing(db: Database, changes: Collection[RecordVersion]) -> list[RecordVersion]:
    """The cancellations among these records that changed nothing (`BookingFacts.cancelled_again`):
    the back-entry worklist tells the clerk not to enter them. A plain item, the clerk working
    down the list cancelled in the EHR the date the patient had been given since, or a second
    time the date already cancelled."""
    booked = {record.data["booking"] for record in changes if record.form_id == "operation_cancellation"}
    wanted = {record.record_id for record in changes}
    return [again for facts in (_replay(db, booked) if booked else []) for again in facts.cancelled_again
            if again.record_id in wanted]


def rebooked_twice_among(db: Database, changes: Collection[RecordVersion]) -> list[tuple[RecordVersion, RecordVersion]]:
    """Each rebooking or transfer among these records that another laptop's rebooking or transfer
    of the same operation contradicts (REBOOKED TWICE, REBOOKED AND TRANSFERRED:
    `BookingFacts.decisions_given`), with that other record (one pair for each other): the
    back-entry worklist tells the clerk to enter neither until a coordinator, having rung the
    patient with the decision kept, withdraws the other. Plain items, the clerk working down the
    list entered both dates, or a date and a transfer, and the EHR held the operation twice."""
    booked = {record.data["booking"] for record in changes if record.form_id == "operation_rebooking"}
    wanted = {record.record_id for record in changes}
    return [(decision, other) for facts in (_replay(db, booked) if booked else [])
            for decision in facts.decisions_given if decision.record_id in wanted
            for other in facts.decisions_given if other.record_id != decision.record_id]


def bookings(db: Database, forms: dict[str, FormSpec], keep: Callable[[BookingFacts], bool] = lambda facts: True,
             replayed: list[BookingFacts] | None = None) -> list[BookingState]:
    """The standing bookings `keep` chooses, with their patients: only theirs are read (a
    hospital's theatre has thousands of bookings; a day's list shows a few dozen). `replayed`:
    the bookings already replayed, when one screen shows more than one list."""
    kept = [facts for facts in (_replay(db) if replayed is None else replayed) if keep(facts)]
    patients = all_patients(db, forms, {str(facts.record.patient_id) for facts in kept})
    left, died = departures(db, forms, patients), _deaths(db, patients)
    return [_with_patient(facts, patients[str(facts.record.patient_id)], left.get(str(facts.record.patient_id)),
                          died.get(str(facts.record.patient_id))) for facts in kept]


def _with_patient(facts: BookingFacts, patient: PatientSummary, left: Departure | None,
                  died: datetime | None) -> BookingState:
    """`died`: the person's death under any of their numbers (`_deaths`), which is how they left
    the hospital whatever the number's own stay says: recorded under one number, the operation
    booked under a linked one read "booked", nothing said of the death."""
    if died is not None:
        left = Departure(StayStatus.DECEASED, died, None)
    return BookingState(**{field.name: getattr(facts, field.name) for field in fields(BookingFacts)},
                        patient=patient, left=left, died_at=died)


def _state(replayed: list[BookingFacts], booking_id: str) -> BookingFacts:
    for facts in replayed:
        if facts.record.record_id == booking_id:
            return facts
    raise NotFound(f"no standing booking {booking_id}")


def booking_facts(db: Database, booking_id: str) -> BookingFacts:
    """One booking as it stands, replayed alone: a check of the operation just changed (its
    patient still to tell, `not_told`) need not replay the hospital's thousands of others."""
    return _state(_replay(db, {booking_id}), booking_id)


def _booked(replayed: list[BookingFacts]) -> list[Booking]:
    return [facts.occupies for facts in replayed if facts.status in PLACED]


def _check(db: Database, candidate: Booking, now: datetime, priority: Priority) -> None:
    """Refuse the candidate if it clashes with a booking standing at an overlapping time: only
    those are replayed, with the sessions they and the candidate are in; saying where it would
    fit that day (see `free_that_day`)."""
    assert candidate.start is not None and candidate.end is not None
    booked = _booked(_replay(db, _near(db, candidate.start, candidate.end)))
    known = sessions(db, {candidate.session_id or "", *(other.session_id or "" for other in booked)})
    if candidate.session_id not in known:
        raise SessionGone(QT_TRANSLATE_NOOP("messages", "Session: this operation's theatre session is not on the "
                                                        "lists (withdrawn, or not set up on this laptop); book it in "
                                                        "another session."))
    if found := clashes(candidate, known, booked):
        raise ClashRefused(found, free_that_day(db, candidate, now, priority))


def free_that_day(db: Database, candidate: Booking, now: datetime, priority: Priority) -> FreeThatDay:
    """The next free start of the operation on its own list, and on each other list of its day
    (any specialty's: an emergency takes any free theatre, and the list's specialty is said),
    from now on a day under way (an ended day's, for a record typed late: from its start), on
    the day's clock as the operation was typed. For an immediate or urgent case (`OVERRUN`)
    with no room on its own list before its end, where it would start on the last list of its
    theatre that day extended (`_run_over`)."""
    assert candidate.start is not None and candidate.session_id is not None
    zone = candidate.start.tzinfo
    day_start = datetime.combine(candidate.start.date(), time.min, tzinfo=zone)
    day_end = day_start + timedelta(days=1)
    day = _sessions_near(db, day_start, day_end)
    booked = _booked(_replay(db, _near(db, day_start, day_end)))
    known = [*day, *sessions(db, {b.session_id for b in booked if b.session_id is not None}
                                 - {s.session_id for s in day}).values()]
    after = (max(now, day_start) if now < day_end else day_start).astimezone(zone)
    others = {s.session_id for s in day} - {candidate.session_id}
    own = suggest_slots(candidate, known, booked, after, limit=1, on=lambda s: s.session_id == candidate.session_id)
    elsewhere = suggest_slots(candidate, known, booked, after, limit=2, on=lambda s: s.session_id in others)
    extend, extended = (_run_over(candidate, known, booked, after, day_start, day_end)
                        if priority in OVERRUN and not own else (None, None))
    return FreeThatDay(candidate.minutes, candidate.session_id, (*own, *elsewhere), priority in IMMEDIATE, extend,
                       extended)


def _run_over(candidate: Booking, known: list[TheatreSession], booked: list[Booking], after: datetime,
              day_start: datetime, day_end: datetime) -> tuple[Slot | None, TheatreSession | None]:
    """Where the operation would start on the list of its theatre that ends last that day, that
    list run on to midnight, and that list; none when it already runs to midnight or the
    operation fits before its end (then it is free there, said as such). Only the last can run
    over: extending an earlier one ran it across the next list of the same room."""
    room = theatre_key(next(s.theatre for s in known if s.session_id == candidate.session_id))
    last = max((s for s in known if theatre_key(s.theatre) == room and s.start < day_end and s.end > day_start),
               key=lambda s: (s.end, s.start))
    if last.end >= day_end:
        return None, None
    overrun = [replace(s, end=day_end) if s.session_id == last.session_id else s for s in known]
    slot = next(iter(suggest_slots(candidate, overrun, booked, after, limit=1,
                                   on=lambda s: s.session_id == last.session_id)), None)
    if slot is None or slot.start + timedelta(minutes=candidate.minutes) <= last.end:
        return None, None
    return slot, last


@dataclass(frozen=True)
class StandingClash:
    """Two operations standing at once where the clash check would have refused the second: two
    laptops each booked one, neither seeing the other's. Both are real decisions already told to
    patients, so they are shown, for a person to move one, never undone."""

    first: BookingFacts
    second: BookingFacts
    first_session: TheatreSession
    second_session: TheatreSession
    first_meets: tuple[Clash, ...]
    """What the first meets in the second (naming the second's time), as its line shows it."""
    second_meets: tuple[Clash, ...]

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return (self.first, self.first_session), (self.second, self.second_session)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        """Reported with each side as `sides` words it (`laptop`: a laptop's name by device id).
        An operation recorded done happened: it is not the one to move ("both bookings stand,
        move one" sent a coordinator to move an operation over), and two done at once are two
        records to check with the theatre."""
        def clashes(meets: tuple[Clash, ...]) -> str:
            return semicolon(lang).join(clash.said.text(lang) for clash in meets)

        done = (self.first.status is BookingStatus.DONE, self.second.status is BookingStatus.DONE)
        if done == (True, False):
            return message(lang, DONE_HOLDS, booked=sides[1], done=sides[0], clashes=clashes(self.second_meets))
        if done == (False, True):
            return message(lang, DONE_HOLDS, booked=sides[0], done=sides[1], clashes=clashes(self.first_meets))
        return message(lang, BOTH_DONE if all(done) else STANDING, first=sides[0], second=sides[1],
                       clashes=clashes(self.second_meets))


@dataclass(frozen=True)
class StandingOutside:
    """An operation standing outside its session, where the booking check would have refused
    it: one laptop shortened (or moved) the list, another booked on what it cut. Shown for a
    person to move it, never undone."""

    facts: BookingFacts
    session: TheatreSession
    clash: Clash
    listed_on: str | None = None
    """The device of the session's current version: the laptop that last changed the list (the
    one that shortened it, unless changed since), whom the office asks as well as the one that
    booked (which had done nothing wrong, and was the only one named)."""

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return ((self.facts, self.session),)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        said = message(lang, OUTSIDE, operation=sides[0], clash=self.clash.said.text(lang))
        return said if self.listed_on is None else message(lang, LISTED_ON, said=said, laptop=laptop(self.listed_on))


def standing_outside(replayed: list[BookingFacts], known: dict[str, TheatreSession],
                     listed_on: Mapping[str, str] | None = None) -> list[StandingOutside]:
    """Each standing operation that does not fit in its session, by the booking check's rule;
    `listed_on`: the device of each session's current version, for a report to name."""
    found = []
    for facts in replayed:
        if facts.status in PLACED and facts.session_id in known:
            session = known[facts.session_id]
            if (clash := outside(facts.booking, session)) is not None:
                found.append(StandingOutside(facts, session, clash, (listed_on or {}).get(session.session_id)))
    return found


@dataclass(frozen=True)
class ProbablyOnePatient:
    """Two operations at once for two downtime numbers that are probably one person (the records
    office's rule: the same NIR, IPP, or name and date of birth) and not yet linked to one EHR
    patient: no check refuses them (they may be two people), but a coordinator must know, and
    the clerk who links the numbers settles it (then the clash is the patient's own)."""

    first: BookingFacts
    second: BookingFacts
    first_session: TheatreSession
    second_session: TheatreSession
    why: str

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return (self.first, self.first_session), (self.second, self.second_session)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        return message(lang, PROBABLY_ONE, why=Phrase(self.why), first=sides[0], second=sides[1])

    def met(self, other: BookingFacts, number: str) -> Clash:
        """What one of them meets in the `other` (downtime `number`), as its line on the day's
        list says it."""
        booking = other.occupies
        assert booking.start is not None and booking.end is not None
        return Clash("patient", other.record.record_id, Phrase(QT_TRANSLATE_NOOP(
            "messages", "probably the same patient as {number} ({why}), operated {window}"),
            {"number": number, "why": Phrase(self.why), "window": f"{ward_time(booking.start, None)}-{ward_time(booking.end, None, '%H:%M')}"}))


@dataclass(frozen=True)
class RebookedTwice:
    """One operation given two new dates by two laptops (`BookingFacts.rebooked_over`): the
    patient was rung with both. The records office names both dates and laptops, for one
    coordinator to ring the patient with the date kept and withdraw the other rebooking."""

    over: BookingFacts
    """The operation placed as the replaced rebooking placed it."""
    facts: BookingFacts
    over_session: TheatreSession
    session: TheatreSession

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return (self.over, self.over_session), (self.facts, self.session)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        return message(lang, REBOOKED_TWICE, first=sides[0], second=sides[1])


@dataclass(frozen=True)
class CancelledAndDone:
    """An operation recorded done on one laptop in a slot another laptop cancelled
    (`BookingFacts.cancelled_and_done`): the theatre team knows which is true, and the wrong
    record is withdrawn."""

    facts: BookingFacts
    session: TheatreSession

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return ((self.facts, self.session),)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        cancellation = self.facts.cancelled_and_done
        by = cancellation if cancellation is not None else self.facts.moved_after_done[0]
        said = {"operation": sides[0], "laptop": laptop(by.device_id),
                "cancelled": ward_time(cancellation.occurred_at, None, DATED) if cancellation is not None else "—"}
        if self.facts.moved_after_done:
            return message(lang, CANCELLED_AND_MOVED, moved=moved_said(self.facts, lang), **said)
        return message(lang, CANCELLED_AND_DONE, **said)


@dataclass(frozen=True)
class RebookedAndTransferred:
    """One operation given a new date by one laptop and sent to another hospital by another
    (`BookingFacts.rebooked_over`, then the transfer): the patient was rung with both."""

    over: BookingFacts
    """The operation placed as the replaced rebooking placed it."""
    over_session: TheatreSession
    transfer: RecordVersion

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return ((self.over, self.over_session),)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        return message(lang, REBOOKED_AND_TRANSFERRED, rebooked=sides[0], laptop=laptop(self.transfer.device_id),
                       hospital=self.transfer.data.get("other_hospital") or "—")


@dataclass(frozen=True)
class CancelledTwice:
    """A date of an operation cancelled again on another laptop once it no longer stood
    (`BookingFacts.cancelled_again`): both coordinators told the patient, one perhaps of a
    cancellation after the other had given a new date. The office names the date, the laptop
    and what stands, for a coordinator to ring the patient and withdraw the second record; or,
    the date already cancelled and nothing given since (`cancelled_before`), the duplicate and
    the earlier cancellation, for it to be withdrawn with no call."""

    facts: BookingFacts
    """The operation where it stands, or, standing nowhere, on the date the cancellation names."""
    session: TheatreSession
    again: RecordVersion

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return ((self.facts, self.session),)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        named = slot_named(self.again)
        assert named is not None
        said = {"named": ward_time(named, None, DATED), "laptop": laptop(self.again.device_id),
                "cancelled": ward_time(self.again.occurred_at, None, DATED), "operation": sides[0]}
        if (first := cancelled_before(self.facts, self.again)) is None:
            return message(lang, CANCELLED_TWICE, **said)
        return message(lang, CANCELLED_DUPLICATE, **said, first_laptop=laptop(first.device_id),
                       first=ward_time(first.occurred_at, None, DATED))


def left_named(facts: BookingFacts, again: RecordVersion) -> LeftSlot | None:
    """The slot the operation was cancelled from that a cancellation of a date no longer standing
    names (`BookingFacts.cancelled_again`) by the record that placed it, its list and start (as
    it stood, a time corrected since included); None if it names none of them."""
    named = slot_placed_by(again)
    return next((slot for slot in facts.cancelled_from if slot.placed_by.record_id == named), None)


def cancelled_twice(facts: BookingFacts, known: Mapping[str, TheatreSession]) -> list[CancelledTwice]:
    """Each cancellation of a date no longer standing (`BookingFacts.cancelled_again`), with the
    operation where it stands (on a list known here), else on the date it names (or, one it was
    never on, the last it was cancelled from)."""
    found = []
    for again in facts.cancelled_again:
        left = left_named(facts, again) or (facts.cancelled_from[-1] if facts.cancelled_from else None)
        placed = (facts if facts.status in PLACED
                  else replace(facts, session_id=left.session_id, start=left.start) if left is not None else None)
        if placed is not None and placed.session_id in known:
            found.append(CancelledTwice(placed, known[str(placed.session_id)], again))
    return found


def rebooked_where(facts: BookingFacts, rebooking: RecordVersion) -> BookingFacts:
    """The operation as a rebooking since replaced (`BookingFacts.rebooked_over`) placed it: its
    struck line and the report's side name that slot and the laptop that gave it."""
    return replace(facts, session_id=rebooking.data["session"], placed_by=rebooking,
                   start=datetime.fromisoformat(rebooking.data["planned_start"]))


@dataclass(frozen=True)
class CheckedOnAnotherSide:
    """An operation whose WHO checklist's time out names another side than the one it is booked
    on now (`checklist_other_side`): its side changed on one laptop after another's theatre team
    checked the site, and operated, on the side booked then (each laptop refuses it of its own
    records: `_refuse_side_after_checked`). The theatre team knows which side was operated; the
    booking or the checklist is corrected before the EHR receives either."""

    facts: BookingFacts
    session: TheatreSession
    checklist: RecordVersion
    words: str

    @property
    def sides(self) -> tuple[tuple[BookingFacts, TheatreSession], ...]:
        return ((self.facts, self.session),)

    def said(self, lang: Lang, sides: list[str], laptop: Callable[[str], str]) -> str:
        """Before the operation, the side to check with the team; once done, the side operated
        (`side_operated`), which the booking may be amended to (`_refuse_side_after_checked`)."""
        said = {"operation": sides[0], "words": self.words, "laptop": laptop(self.checklist.device_id),
                "at": ward_time(self.checklist.occurred_at, None, DATED)}
        if self.facts.done is None:
            return message(lang, CHECKED_ON_ANOTHER_SIDE, **said)
        return message(lang, CHECKED_ON_ANOTHER_SIDE_DONE, **said,
                       operated=message(lang, _SIDES_SAID[side_operated(self.facts.done, self.facts.record.data)]))


Contradiction = RebookedTwice | RebookedAndTransferred | CancelledAndDone | CancelledTwice | CheckedOnAnotherSide


def contradictions(replayed: list[BookingFacts], known: Mapping[str, TheatreSession],
                   checklists: Collection[RecordVersion], booked: Mapping[str, Collection[str]]) -> list[Contradiction]:
    """The operations two laptops' records say two things of (each on a list known here):
    rebooked twice, whatever came after (one laptop's cancellation of the date it gave does not
    tell the patient the other date is off), rebooked and transferred, cancelled and done, a date
    cancelled again once it no longer stood (`cancelled_twice`), or
    standing on another side than their own standing checklist's time out names, written while
    they were booked on another (`checklists`: the standing ones, any booking's; `booked`: the
    sides each booking's versions gave, `sides_booked`)."""
    found: list[Contradiction] = []
    named = _by_booking(checklists)
    for facts in replayed:
        if facts.status in PLACED and facts.session_id in known and (checked := other_side_checked(facts, named, booked)):
            found.append(CheckedOnAnotherSide(facts, known[facts.session_id], *checked))
        latest = facts.placed_by
        for over in facts.rebooked_over:
            if over.data["session"] not in known:
                continue
            if facts.status is BookingStatus.TRANSFERRED and facts.told_of is not None:
                found.append(RebookedAndTransferred(rebooked_where(facts, over), known[over.data["session"]],
                                                    facts.told_of))
            elif latest is not over and latest.form_id == "operation_rebooking" and latest.data["session"] in known:
                found.append(RebookedTwice(rebooked_where(facts, over), rebooked_where(facts, latest),
                                           known[over.data["session"]], known[latest.data["session"]]))
        if (facts.status is BookingStatus.DONE and facts.session_id in known
                and (facts.cancelled_and_done is not None or facts.moved_after_done)):
            found.append(CancelledAndDone(facts, known[facts.session_id]))
        found += cancelled_twice(facts, known)
    return found


Reported = StandingClash | StandingOutside | ProbablyOnePatient | Contradiction
PersonGroups = Mapping[str, tuple[str, str]]
"""For each patient probably one person with other downtime numbers: a key their group shares,
and why (see `probable_groups`)."""


def probable_groups(found: Collection[ProbableDuplicate], patient_ids: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """The probable duplicates by patient (`patient_ids`: each downtime number's patient)."""
    return {patient_ids[number]: ("|".join(group.downtime_numbers), group.why)
            for group in found for number in group.downtime_numbers if number in patient_ids}


def _probable_among(db: Database, replayed: list[BookingFacts]) -> dict[str, tuple[str, str]]:
    """The probable groups among the patients of these standing operations (only they can be
    operated at once): a day's few dozen, not a hospital's admissions."""
    booked = {str(facts.record.patient_id) for facts in replayed if facts.status in PLACED}
    return probable_groups(probable_duplicates_among(db, booked),
                           {number: patient_id for patient_id, number in downtime_numbers(db, booked).items()})


def probably_one_patient(replayed: list[BookingFacts], known: dict[str, TheatreSession],
                         groups: PersonGroups) -> list[ProbablyOnePatient]:
    """Operations at once of two patients of one probable group, not already one person to the
    clash check: the clash check's own rule, each group taken for one patient."""
    person = {facts.record.record_id: facts.booking.person_key for facts in replayed}
    grouped = [replace(facts, person=f"probably:{groups[patient_id][0]}") for facts in replayed
               if (patient_id := str(facts.record.patient_id)) in groups]
    return [ProbablyOnePatient(pair.first, pair.second, pair.first_session, pair.second_session,
                               groups[str(pair.first.record.patient_id)][1])
            for pair in standing_clashes(grouped, known)
            if person[pair.first.record.record_id] != person[pair.second.record.record_id]
            and any(clash.kind == "patient" for clash in pair.second_meets)]


def refused_standing(replayed: list[BookingFacts], known: dict[str, TheatreSession], groups: PersonGroups,
                     listed_on: Mapping[str, str], checklists: Collection[RecordVersion],
                     booked: Mapping[str, Collection[str]]) -> list[Reported]:
    """Everything standing that the booking check would have refused, as a merge or an import
    reports it: operations clashing in pairs, those outside their sessions (`listed_on`: the
    device of each session's current version), then those at once of probably one patient
    (`groups`), then those two laptops' records contradict (`contradictions`, with the standing
    `checklists` and the sides each booking was `booked` on)."""
    return [*standing_clashes(replayed, known), *standing_outside(replayed, known, listed_on),
            *probably_one_patient(replayed, known, groups), *contradictions(replayed, known, checklists, booked)]


def standing_clashes(replayed: list[BookingFacts], known: dict[str, TheatreSession]) -> list[StandingClash]:
    """Each pair of standing operations that clash, once, earliest first, each where it stands
    (`BookingFacts.occupies`): in start order, each is compared only with those starting before
    it ends (a merge holds thousands). An operation done running into the next slot of its own
    list is no clash (`_late_on_its_list`)."""
    live = sorted(((facts.occupies.start, facts) for facts in replayed
                   if facts.status in PLACED and facts.occupies.start is not None and facts.session_id in known),
                  key=lambda pair: pair[0])
    found = []
    for index, (_, facts) in enumerate(live):
        booking = facts.occupies
        for start, other in live[index + 1:]:
            if booking.end is None or start >= booking.end:
                break
            if _late_on_its_list(facts, other):
                continue
            if meets := _meets(booking, other.occupies, known):
                found.append(StandingClash(facts, other, known[str(facts.session_id)], known[str(other.session_id)],
                                           meets, _meets(other.occupies, booking, known)))
    return found


def _late_on_its_list(facts: BookingFacts, other: BookingFacts) -> bool:
    """One of the two done and the other still booked on the same list: a list running late, or
    taken in another order, reaches the next slot, which is no slip (`done_in_use` leaves it out
    likewise); that next operation is recorded done, or moved, when it happens."""
    return facts.session_id == other.session_id and (facts.done is None) != (other.done is None)


def _meets(booking: Booking, other: Booking, known: dict[str, TheatreSession]) -> tuple[Clash, ...]:
    """The clashes of `booking` with `other` (fitting its own session is each laptop's check)."""
    return tuple(meetings(booking, known, [other]))


def clashes_touching(db: Database, record_ids: Collection[str]) -> list[Reported]:
    """The standing clashes involving these bookings, or bookings in these sessions (those an
    import brought: a session moved to another theatre, or shortened, on one laptop meets the
    other's bookings there), against every booking standing here."""
    wanted = set(record_ids)
    if not wanted:
        return []
    replayed = _replay(db)
    checklists = _standing(db, CHECKLIST_FORM)
    # The lists of the dates rebooked twice, cancelled or replaced since, which their reports name.
    given = {rebooking.data["session"] for facts in replayed
             for rebooking in (*facts.struck_rebookings, *((facts.placed_by,) if facts.rebooked_over else ()))
             if rebooking.form_id == "operation_rebooking"}
    # The lists a date cancelled again was on, for an operation standing on none.
    left = {slot.session_id for facts in replayed if facts.cancelled_again for slot in facts.cancelled_from}
    listed = _standing_where(db, ["theatre_session"], "record_id IN (?)",
                             {facts.session_id for facts in replayed if facts.session_id is not None} | given | left)
    known, listed_on = {r.record_id: session_of(r) for r in listed}, {r.record_id: r.device_id for r in listed}
    booked = sides_booked(db, {str(record.data["booking"]) for record in checklists if record.data.get("booking")})
    return [found for found in refused_standing(replayed, known, _probable_among(db, replayed), listed_on, checklists,
                                                booked)
            if wanted & {key for facts, _ in found.sides for key in (facts.record.record_id, facts.session_id)}]


def clash_reports(found: list[Reported], numbers: dict[str, str],
                  laptops: Mapping[str, Laptop]) -> tuple[ClashReport, ...]:
    return tuple(ClashReport(clash, numbers, laptops) for clash in found)


def clashes_brought(session: Session, record_ids: Collection[str]) -> tuple[ClashReport, ...]:
    """`clashes_touching`, as an import reports them."""
    pairs = clashes_touching(session.db, record_ids)
    sides = [facts for pair in pairs for facts, _ in pair.sides]
    lists = {pair.listed_on for pair in pairs if isinstance(pair, StandingOutside) and pair.listed_on is not None}
    cancelled = {record.device_id for facts in sides
                 for record in (facts.cancelled_and_done, *facts.moved_after_done) if record is not None} | {
        pair.transfer.device_id for pair in pairs if isinstance(pair, RebookedAndTransferred)} | {
        pair.again.device_id for pair in pairs if isinstance(pair, CancelledTwice)} | {
        pair.checklist.device_id for pair in pairs if isinstance(pair, CheckedOnAnotherSide)}
    return clash_reports(pairs, downtime_numbers(session.db, {facts.booking.patient_id for facts in sides}),
                         laptops_known(session, {facts.placed_by.device_id for facts in sides} | lists | cancelled))


CLASH_SIDE = QT_TRANSLATE_NOOP("messages", "{procedure}, patient {number}, theatre {theatre} {window} (booked on {laptop})")
STANDING = QT_TRANSLATE_NOOP("messages", "THEATRE CLASH, both bookings stand, move one: {first}; and {second}: {clashes}")
DONE_HOLDS = QT_TRANSLATE_NOOP("messages", "THEATRE CLASH, an operation recorded done held the theatre then, move the "
                                           "other: {booked}; done: {done}: {clashes}")
BOTH_DONE = QT_TRANSLATE_NOOP("messages", "THEATRE CLASH, two operations recorded done at once, check both records "
                                          "with the theatre: {first}; and {second}: {clashes}")
PROBABLY_ONE = QT_TRANSLATE_NOOP("messages", "THEATRE CLASH, probably one patient under two downtime numbers ({why}), "
                                             "operated at once: {first}; and {second}: if one person, link both "
                                             "numbers to one EHR patient and move one operation")
OUTSIDE = QT_TRANSLATE_NOOP("messages", "THEATRE CLASH, an operation stands outside its session, move it: {operation}: "
                                        "{clash}")
LISTED_ON = QT_TRANSLATE_NOOP("messages", "{said} (session last changed on {laptop})")
REBOOKED_TWICE = QT_TRANSLATE_NOOP("messages", "REBOOKED TWICE, one operation given two new dates on two laptops: "
                                               "{first}; and {second}: ring the patient with the date kept, and mark "
                                               "the other rebooking entered in error")
CANCELLED_AND_DONE = QT_TRANSLATE_NOOP("messages", "CANCELLED AND DONE, an operation recorded done was cancelled on "
                                                   "{laptop} at {cancelled}: {operation}: check with the theatre team, "
                                                   "and mark the wrong record entered in error")
REBOOKED_AND_TRANSFERRED = QT_TRANSLATE_NOOP("messages", "REBOOKED AND TRANSFERRED, one operation given a new date on "
                                                         "one laptop and sent to another hospital on another: "
                                                         "{rebooked}; and transferred to {hospital} on {laptop}: ring "
                                                         "the patient with the decision kept, and mark the other "
                                                         "entered in error")
CHECKED_ON_ANOTHER_SIDE = QT_TRANSLATE_NOOP("messages", "OTHER SIDE CHECKED, the WHO checklist signed in {at} on "
                                                        "{laptop} names “{words}” at its time out, against the side "
                                                        "the operation is booked on now: {operation}: check the side "
                                                        "with the theatre team before the operation, and correct the "
                                                        "booking's side, or mark the checklist entered in error and "
                                                        "fill in a new one")
CHECKED_ON_ANOTHER_SIDE_DONE = QT_TRANSLATE_NOOP("messages", "OTHER SIDE CHECKED, the WHO checklist signed in {at} on "
                                                             "{laptop} names “{words}” at its time out, against the "
                                                             "side the operation is booked on now: {operation}, "
                                                             "recorded done on the side operated {operated}: check "
                                                             "with the theatre team which side was operated (amend "
                                                             "the operation done's Side operated if it is wrong), "
                                                             "then amend the booking's side to the side operated; if "
                                                             "it is not the side the team checked, report the "
                                                             "incident and say so in the checklist's notes")
CANCELLED_TWICE = QT_TRANSLATE_NOOP("messages", "CANCELLED ON TWO LAPTOPS, {named} was cancelled on {laptop} at "
                                                "{cancelled} when it no longer stood, which changed nothing: "
                                                "{operation}: ring the patient with what stands, and mark that "
                                                "cancellation entered in error")
CANCELLED_DUPLICATE = QT_TRANSLATE_NOOP("messages", "CANCELLED TWICE, {named} was cancelled on {laptop} at {cancelled}, "
                                                    "already cancelled on {first_laptop} at {first}: {operation}: a "
                                                    "duplicate that changed nothing, with no call to the patient: mark "
                                                    "the duplicate entered in error")
CANCELLED_AND_MOVED = QT_TRANSLATE_NOOP("messages", "CANCELLED AND DONE, an operation recorded done was cancelled on "
                                                    "{laptop} at {cancelled}, since {moved}: {operation}: check with the "
                                                    "theatre team, ring the patient, and mark the wrong records entered "
                                                    "in error")


@dataclass(frozen=True)
class ClashReport:
    """A standing clash as a merge or an import reports it: each operation with its patient's
    downtime number and the laptop that booked it (and, for one outside its list, the laptop
    that last changed the list)."""

    clash: Reported
    numbers: dict[str, str]
    """Each patient's downtime number, by patient id."""
    laptops: Mapping[str, Laptop]
    """What is known of each laptop by device id, to name it (domain.laptops)."""

    def _side(self, lang: Lang, facts: BookingFacts, session: TheatreSession) -> str:
        booking = facts.occupies
        assert booking.start is not None and booking.end is not None
        device = facts.placed_by.device_id
        return message(lang, CLASH_SIDE, procedure=facts.record.data["procedure"],
                       number=self.numbers.get(booking.patient_id, booking.patient_id),
                       theatre=booking.done_in or session.theatre,
                       window=f"{ward_time(booking.start, None, DATED)}-{ward_time(booking.end, None, '%H:%M')}",
                       laptop=laptop_name(lang, device, self.laptops))

    def text(self, lang: Lang) -> str:
        return self.clash.said(lang, [self._side(lang, facts, session) for facts, session in self.clash.sides],
                               lambda device: laptop_name(lang, device, self.laptops))


def check_version(db: Database, form_id: str, record_id: str, patient_id: str | None, data: dict[str, Any],
                  now: datetime, withdrawn: bool = False, settling: bool = False) -> None:
    """Called by the records service before any version of a theatre record is written, so a
    booking or a rebooking can never clash and a session never overlap another or lose its
    operations, whichever screen or import wrote it. The version is checked as if it replaced
    the record's current one (`withdrawn`: by nothing), so a correction is not refused by the
    very record it corrects. Only the records concerned are read: this booking's, and those at
    an overlapping time (a hospital has thousands, and a snapshot import checks each of its
    own in turn). A version `settling` a hold exists already: a laptop wrote it, and it is not
    refused for the rules that came since, on a booking's day or a last-minute cancellation (the
    clerk settling one was left to change the coordinator's answer to clear the hold)."""
    if form_id == "theatre_session":
        _check_session(db, record_id, None if withdrawn else _session(record_id, data))
        return
    if form_id in EVENT_FORMS:
        _refuse_moving(db, record_id, data)
    facts = _facts_with(db, _version_to_be(form_id, record_id, patient_id, data), withdrawn)
    if form_id in EVENT_FORMS and facts is not None and not withdrawn:
        _refuse_another_patient(db, facts, patient_id)
    if form_id == "operation_cancellation" and facts is not None and not withdrawn and not settling:
        _refuse_not_last_minute(db, facts, record_id, data, now)
    if facts is not None and facts.status in LIVE:
        assert facts.start is not None
        _refuse_after_death(db, facts.booking.patient_id, facts.start)
        _check(db, _as_people(db, [facts])[0].booking, now, facts.priority)
    if form_id in _BEFORE_DECIDED and facts is not None and not withdrawn:
        _refuse_before_decided(facts, form_id, data)
    if form_id == DONE_FORM and facts is not None and not withdrawn:
        _refuse_done_before_its_list(db, facts, data, now)
        _refuse_done_before_signed_in(db, facts, data)
        if not settling:
            _refuse_side_operated_unsaid(db, record_id, facts, data)
        _refuse_after_death(db, facts.booking.patient_id, datetime.fromisoformat(data["done_at"]))
    if form_id in EVENT_FORMS and not withdrawn:
        _refuse_told_before(form_id, data)
    if form_id == "operation_rebooking" and not withdrawn:
        _refuse_told_of_another_date(db, record_id, data)
    if facts is not None and form_id == "operation_rebooking" and not withdrawn and data.get("outcome") == "transferred":
        _refuse_after_death(db, facts.booking.patient_id, datetime.fromisoformat(data["decided_at"]))
    if form_id == "operation_booking" and patient_id is not None and not withdrawn:
        _refuse_booking_again(db, record_id, patient_id, data)
    if form_id == "operation_booking" and not withdrawn and not settling:
        _refuse_another_day(db, record_id, data)
        _refuse_side_after_checked(db, record_id, data)


# The refusal of a cancellation, or of an operation done, dated before the decision to operate.
_BEFORE_DECIDED = {"operation_cancellation": QT_TRANSLATE_NOOP("messages", "Cancelled at: this is before the decision "
                                                                           "to operate ({decided}); check the date and "
                                                                           "time."),
                   DONE_FORM: QT_TRANSLATE_NOOP("messages", "Done at: this is before the decision to operate ({decided}); "
                                                            "check the date and time.")}


def _refuse_before_decided(facts: BookingFacts, form_id: str, data: Mapping[str, Any]) -> None:
    """A cancellation dated back (the dialog's Cancelled at), or an operation done, cannot come
    before the decision to operate: a date typed wrong, from which the rebook-by date would be
    counted, or which the EHR would receive as an operation before its decision."""
    if datetime.fromisoformat(data[OCCURRED_AT[form_id]]) < facts.decided_at:
        raise ServiceError(_BEFORE_DECIDED[form_id], decided=ward_time(facts.decided_at, None, DATED))


def _refuse_another_patient(db: Database, facts: BookingFacts, patient_id: str | None) -> None:
    """A cancellation, rebooking or outcome is filed under its booking's patient: one filed under
    another was accepted, and stood in that patient's records, exported so to the EHR, while the
    lists applied it to the booking's."""
    booked_for = str(facts.record.patient_id)
    if patient_id is not None and patient_id != booked_for:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Booking: this operation is booked for another patient "
                                                         "(downtime number {number}); record what became of it under "
                                                         "that patient."),
                           number=downtime_numbers(db, [booked_for]).get(booked_for, booked_for))


def last_minute_by_rule(db: Database, patient_id: str, start: datetime, cancelled: datetime, reason: str | None,
                        zone: tzinfo | None) -> tuple[str, str] | None:
    """Why cancelling at `cancelled` the operation planned at `start` is a last-minute
    cancellation by the NHS's rule (on the day of the operation, or after arrival for it), as the
    refusal of "No" names it: ("day", the day) on the operation's own day read on the ward's clock
    (`zone`); ("ward", the ward) with the patient on a ward then (`on_a_ward`), for a reason that
    is not clinical (`reason`; the only ones whose answer owes the patient a 28-day date), and
    either from the day before the operation's or in a stay begun at most `ADMITTED_FOR_IT` before
    it (the admission for it); None when the coordinator answers. An in-patient on the ward for a
    fall, whose hernia repair a month on was cancelled, was forced to "Yes" and given a rebook-by
    date before the operation's own. The cancel dialog starts at "Yes" by the same rule."""
    at, day = cancelled.astimezone(zone), start.astimezone(zone).date()
    if at.date() == day:
        return "day", f"{at:%d/%m/%Y}"
    if reason in CLINICAL_REASONS or (stay := on_a_ward(db, patient_id, cancelled)) is None:
        return None
    if at.date() >= day - timedelta(days=1) or start - stay.admitted_at <= ADMITTED_FOR_IT:
        return "ward", stay.ward or "—"
    return None


_LAST_MINUTE_BECAUSE = {
    "day": QT_TRANSLATE_NOOP("messages", "Last minute: the operation was cancelled on its own day ({day}), which makes "
                                         "it a last-minute cancellation; answer Yes."),
    "ward": QT_TRANSLATE_NOOP("messages", "Last minute: the patient was admitted (ward {ward}) when the operation was "
                                          "cancelled, which makes it a last-minute cancellation; answer Yes.")}


def _refuse_not_last_minute(db: Database, facts: BookingFacts, record_id: str, data: Mapping[str, Any],
                            now: datetime) -> None:
    """A cancellation on the day of the operation, or of a patient already admitted, is a
    last-minute one (NHS: on the day the patient was due to arrive, after arrival, or on the day
    of the operation; `last_minute_by_rule`): a day case rung at 07:30 was still at home, an
    in-patient's list was cancelled the evening before from their bed, "No" was answered, and
    the 28-day date the patient is owed was never set."""
    left = next((slot for slot in facts.cancelled_from if slot.cancelled_by == record_id), None)
    if left is None or data["last_minute"]:
        return
    because = last_minute_by_rule(db, facts.booking.patient_id, left.start,
                                  datetime.fromisoformat(data["cancelled_at"]), data["reason"], now.tzinfo)
    if because is not None:
        raise ServiceError(_LAST_MINUTE_BECAUSE[because[0]], **{because[0]: because[1]})


EARLY_LIST = timedelta(minutes=15)
"""How long before its planned start a list may really begin (the first patient sent for early)."""
SAME_HOURS = timedelta(hours=4)
"""How far from its hours the day before the booked theatre's list may start and still be that
theatre's list of the day before (`_brought_forward`)."""


def _brought_forward(known: TheatreSession, listed: TheatreSession) -> bool:
    """Whether an operation booked on `listed` may have been done on `known`, another list, while
    `listed` is still to come: a list begun within a day of it (`SAME_HOURS` more), but not the booked
    theatre's own at about the same hours the day before, which is the board of the day before
    opened by mistake (tomorrow's case recorded done today). A cut-off by the hours between the lists refused an afternoon case brought forward to
    the evening emergency list and let a long day list of the day before take tomorrow's case."""
    before = instant(listed.start) - instant(known.start)
    return before <= timedelta(days=1) + SAME_HOURS and not (
        theatre_key(known.theatre) == theatre_key(listed.theatre) and abs(before - timedelta(days=1)) <= SAME_HOURS)


def _refuse_done_before_its_list(db: Database, facts: BookingFacts, data: Mapping[str, Any], now: datetime) -> None:
    """An operation is recorded done (`data`, the done form's answers) at a time its own list
    had begun (`EARLY_LIST` before its planned start allowed), or a list of the theatre it was
    done in had, and once that list has begun: the day before picked in the date field was sent
    to the EHR as done before its slot existed, and one chosen on the wrong day's board left its
    list done before anyone operated; while one brought forward to the emergency theatre's night
    list the evening before is recorded that night (`_brought_forward`), and a list begun a few
    minutes early as soon as its first case is done (both were refused until the planned start of
    their own list, the board showing them still to come meanwhile)."""
    listed = sessions(db, {facts.session_id}).get(facts.session_id) if facts.session_id is not None else None
    if listed is None:
        return
    done_at, done_in = datetime.fromisoformat(data["done_at"]), theatre_key(str(data["theatre"]))
    begun = instant(now) >= instant(listed.start) - EARLY_LIST
    if begun and instant(done_at) >= instant(listed.start) - EARLY_LIST:
        return
    around = [known for known in _sessions_near(db, done_at - timedelta(days=1), done_at + timedelta(days=1))
              if theatre_key(known.theatre) == done_in]
    if any(instant(known.start) - EARLY_LIST <= instant(done_at) < instant(known.end)
           and instant(now) >= instant(known.start) - EARLY_LIST
           and (begun or _brought_forward(known, listed)) for known in around):
        return
    if not begun:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This operation's theatre session starts {start}: record it "
                                                         "done once its list has begun."),
                           start=ward_time(listed.start, None, DATED))
    lists = ", ".join("–".join(hours_said(known.start, known.end, None, "%d/%m %H:%M"))
                      for known in sorted(around, key=lambda known: instant(known.start)))
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "No list of theatre {theatre} was running at {at} (its lists: "
                                                     "{lists}), and this operation's list starts {start}: check the "
                                                     "date, the time and the theatre."),
                       theatre=str(data["theatre"]), at=ward_time(done_at, None, DATED), lists=lists or "—",
                       start=ward_time(listed.start, None, DATED))


def _signed_in(db: Database, facts: BookingFacts) -> datetime | None:
    """The latest sign-in of the operation's own safety checklists (`checklists_of_done`)."""
    named = _standing_where(db, [CHECKLIST_FORM], "json_extract(data, '$.booking') IN (?)", [facts.booking.booking_id])
    return max((record.occurred_at for record in checklists_of_done(named, facts.cancelled_at)), key=instant,
               default=None)


def _refuse_done_before_signed_in(db: Database, facts: BookingFacts, data: Mapping[str, Any]) -> None:
    """An operation is not done (`data`) before a safety checklist of it was signed in (its own:
    `checklists_of_done`): the sign in comes before induction, and the done time is the one
    guessed, the dialog's slot time kept while the list ran late. Left, the board said NO
    SAFETY CHECKLIST of a checklist recorded. Both times on the ward's clock (`ward_time`): a
    checklist typed on a laptop set to UTC read as signed in an hour before its paper."""
    done_at, signed_in = datetime.fromisoformat(data["done_at"]), _signed_in(db, facts)
    if signed_in is not None and instant(done_at) < instant(signed_in):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Done at {done}: the safety checklist of this operation was "
                                                         "signed in at {signed_in}, and the sign in comes before "
                                                         "induction. Give the time the operation began, or ask the "
                                                         "theatre team to correct the checklist's sign in."),
                           done=ward_time(done_at, None, DATED), signed_in=ward_time(signed_in, None, DATED))


_SIDE_OPERATED_UNSAID = QT_TRANSLATE_NOOP("messages", "Notes: the side operated ({operated}) is not the side booked "
                                                     "({booked}). Say here what happened, naming the side operated: "
                                                     "an operation on another side than the one consented and marked "
                                                     "is a wrong-site operation, to report as an incident; a booking "
                                                     "on the wrong side is amended to the side operated once this is "
                                                     "recorded. If the side operated is a slip, correct it.")
_ONE_SIDE_DONE = QT_TRANSLATE_NOOP("messages", "Notes: the operation booked on BOTH SIDES was done on the {operated} "
                                              "only. Say here which side is still to do, to rebook it; if the side "
                                              "operated is a slip, correct it.")
# What a note says of a wrong-site operation without naming the side, in English and French.
_INCIDENT = re.compile(r"(?<!\w)(?:incident|error|erreur|mistake|never\s+event|datix|wrong\s+(?:side|site)|"
                       r"mauvais\s+(?:c[oô]t[ée]|site)|[ée]v[ée]nement\s+ind[ée]sirable)(?!\w)", re.IGNORECASE)


def _refuse_side_operated_unsaid(db: Database, record_id: str, facts: BookingFacts, data: Mapping[str, Any]) -> None:
    """An operation recorded done (`data`, record `record_id`) on a side operated (`SIDE_OPERATED`,
    given) other than its booking's says why in its notes: a wrong-site operation (a Never Event)
    and a booking on the wrong side, caught at the time out, read alike, and the EHR received a
    Procedure on another side than its ServiceRequest with no word of which it was, nor of an
    incident. The notes answer by naming the side operated or an incident (`_INCIDENT`): "Under
    GA, drain in situ", already there, says nothing of it, and an amendment to another side asks
    for notes of its own. A bilateral operation done on one side is planned, no incident: it asks
    which side is still to do (`_ONE_SIDE_DONE`). No side, booked or operated, is no wrong site."""
    booked, operated = facts.record.data["laterality"], data.get(SIDE_OPERATED)
    if operated in (None, booked, "not_applicable") or booked in (None, "not_applicable"):
        return
    stored = current_of(db, [record_id]).get(record_id)
    if stored is not None and stored.data.get(SIDE_OPERATED) == operated:
        return
    notes = str(data.get("notes") or "")
    if stored is not None and notes.strip() == str(stored.data.get("notes") or "").strip():
        notes = ""
    said = sides_spoken(notes)
    if booked == "bilateral" and operated in ("left", "right"):
        if not said.keys() & {"left", "right"}:
            raise ServiceError(_ONE_SIDE_DONE, operated=Phrase(_SIDES_SAID[operated]))
    elif not (operated in said or {"left", "right"} <= said.keys() or _INCIDENT.search(notes)):
        raise ServiceError(_SIDE_OPERATED_UNSAID, operated=Phrase(_SIDES_SAID[operated]),
                           booked=Phrase(_SIDES_SAID[booked]))


# The refusal of a patient told before the decision they were told of, by form.
_TOLD_BEFORE = {"operation_rebooking": QT_TRANSLATE_NOOP("messages", "Told at: the patient cannot be told before the "
                                                                     "new date was decided ({decided})."),
                "operation_cancellation": QT_TRANSLATE_NOOP("messages", "Told at: the patient cannot be told of the "
                                                                        "cancellation before it was decided ({decided}).")}


def _refuse_told_before(form_id: str, data: Mapping[str, Any]) -> None:
    """A patient cannot be told of a new date, or of a cancellation, before it was decided: a
    time typed wrong."""
    decided = datetime.fromisoformat(data[OCCURRED_AT[form_id]])
    if data.get("told_at") and datetime.fromisoformat(data["told_at"]) < decided:
        raise ServiceError(_TOLD_BEFORE[form_id], decided=ward_time(decided, None, DATED))


# What a patient is told of a rebooking: a correction of one of these makes their telling stale.
TOLD_OF = ("outcome", "session", "planned_start", "other_hospital")


def _refuse_told_of_another_date(db: Database, record_id: str, data: Mapping[str, Any]) -> None:
    """A new date (or hospital) corrected after the patient was told of it, keeping that
    telling: they were told of another one, and the board would no longer say to ring them."""
    stored = current_of(db, [record_id]).get(record_id)
    if (stored is not None and stored.data.get("patient_told") and data.get("told_at") == stored.data.get("told_at")
            and any(data.get(name) != stored.data.get(name) for name in TOLD_OF)):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Patient told: the patient was told before this correction. "
                                                         "Clear Patient told and Told at, then record them again once "
                                                         "the patient is told the corrected date."))


class PatientDied(ServiceError):
    """The patient's death is recorded: said when a booking is refused for it, and at once by
    the rebook dialog, which offers no slot."""

    def __init__(self, died: datetime):
        super().__init__(QT_TRANSLATE_NOOP("messages", "This patient's death is recorded ({died}): no operation can be "
                                                       "planned after it."),
                         died=ward_time(died, None, DATED))


def _refuse_after_death(db: Database, patient_id: str, at: datetime) -> None:
    """No operation is planned, nor sent to another hospital, after the patient's recorded
    death: it would stand on the day's list, or the other hospital would be told to operate. One
    planned (or transferred) before it, back-entered from paper, is recorded; a death recorded
    in error is withdrawn first. The death is the person's, under any of their numbers
    (`_deaths`): one booked under a linked number after it was accepted."""
    died = _deaths(db, [patient_id]).get(patient_id)
    if died is not None and died <= at:
        raise PatientDied(died)


# A side as a refusal names it.
SIDE_WORDS = {"left": QT_TRANSLATE_NOOP("messages", "left side"), "right": QT_TRANSLATE_NOOP("messages", "right side"),
              "bilateral": QT_TRANSLATE_NOOP("messages", "both sides")}
_SIDED = QT_TRANSLATE_NOOP("messages", "{procedure}, {side}")
_THIS_PATIENT = QT_TRANSLATE_NOOP("messages", "this patient")
_LINKED_NUMBER = QT_TRANSLATE_NOOP("messages", "this patient under downtime number {number}, linked to the same EHR "
                                               "patient {ehr}")


_WORD_BREAKS = re.compile(r"[\W_]+")
_PARTS = re.compile(r"[,;]+(?![^(\[]*[)\]])")
"""Where a wording's parts end, which another may give in another order: a comma or a semicolon
outside brackets ("Arthroscopy, left knee"). What a part says of itself stays with it: a label, a
bracket ("Removal: plate; insertion: nail" is not "Removal: nail; insertion: plate")."""
_PIECES = re.compile(r"[:()\[\]]+")
"""Where a part's pieces end, which may come in any order within it ("Genou gauche : arthroscopie",
"Knee arthroscopy (L)"); the words within a piece keep theirs ("Removal of plate and insertion of
nail" is not "Removal of nail and insertion of plate")."""
_MOST_PIECES = 5
"""Pieces beyond which a wording is read in its own order only (their orders grow as a factorial)."""


def _without_sides(text: str) -> tuple[str, list[str]]:
    """The text with each word naming a side taken out, by `sides_named`'s rule, over the whole
    text: a side word alone ("Knee arthroscopy (L)"), not the "D" of "D&C" nor the "R" of
    "R-CHOP"; and the parts those words name besides the side ("Both knees arthroscopy": the knee,
    `part_named`), which `_procedure_key` reads the wording with and without."""
    parts: list[str] = []
    while named := sides_named(text):
        spans = [found.span() for words in named.values()
                 if (found := re.search(rf"(?<![\w&/-]){re.escape(words)}(?![\w&/-])", text)) is not None]
        if not spans:
            break
        for begin, end in sorted(spans, reverse=True):
            parts.append(part_named(text[begin:end]))
            text = f"{text[:begin]} {text[end:]}"
    return text, [part for part in parts if part]


def _pieces(part: str) -> list[tuple[str, ...]]:
    """The words of each of a part's pieces (`_PIECES`) that has any, folded (`fold`)."""
    return [words for piece in _PIECES.split(part)
            if (words := tuple(folded for word in _WORD_BREAKS.split(piece) if (folded := fold(word))))]


def _in_any_order(parts: list[set[tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """Each reading of `parts` (each given as its own readings) in any order: one rule for a
    wording's parts and a part's pieces."""
    return {tuple(chain.from_iterable(reading)) for order in permutations(parts) for reading in product(*order)}


def _procedure_key(data: Mapping[str, Any]) -> frozenset[tuple[str, ...]]:
    """A procedure as typed on two booking forms, as the words it reads in, its parts (`_PARTS`)
    in any order and each part's pieces (`_PIECES`) in any order within it, each word compared as
    names are (`fold`: capitals and accents aside), spaces, hyphens and punctuation between them
    aside, and its side words left out, the side being compared apart (`_sides_meet`):
    "Cholécystectomie" and "Cholecystectomie", "Hernia repair - inguinal" and "Hernia repair,
    inguinal", "Knee arthroscopy" LEFT and "Left knee arthroscopy" LEFT were two operations, and the
    one waiting for a new date was booked again. Parts naming different sides keep theirs, as a
    piece: "Excision lesion R arm, L leg" and "Excision lesion L arm, R leg" are both BOTH SIDES,
    and two operations. A part the side words name besides the side ("both knees", `_without_sides`)
    is read as a piece of its own and left out, each, unless another word names it already:
    "Both knees arthroscopy" is "Knee arthroscopy", "Grommets both ears" is "Bilateral grommets",
    "Total knee replacement, both knees" is "Bilateral total knee replacement"; kept alone, the part
    parted the last two, and left out alone, the first. Two wordings are of one procedure when they
    share a reading."""
    parts = _PARTS.split(str(data["procedure"]))
    sides = [tuple(sorted(sides_named(part))) for part in parts]
    own_sides = len(set(sides) - {()}) > 1
    bare = [_without_sides(part) for part in parts]
    said = {word for text, _ in bare for piece in _pieces(text) for word in piece}
    pieces: list[list[list[tuple[str, ...]]]] = []
    for (text, named_parts), named in zip(bare, sides):
        found = [*_pieces(text), *([named] if own_sides and named else [])]
        added = [piece for part in named_parts for piece in _pieces(part) if not set(piece) <= said]
        alternatives = [found, *([[*found, *added]] if added else [])]
        if any(alternatives):
            pieces.append(alternatives)
    if sum(max(map(len, alternatives)) for alternatives in pieces) > _MOST_PIECES:
        return frozenset(tuple(chain.from_iterable(chain.from_iterable(choice))) for choice in product(*pieces))
    return frozenset(_in_any_order([set().union(*(_in_any_order([{piece} for piece in reading])
                                                  for reading in alternatives)) for alternatives in pieces]))


def _sides_meet(side: str, other: str) -> bool:
    """Whether two bookings' sides share one: the same side, or both sides against one of them
    (a bilateral knee arthroscopy waiting covers the left knee). Left and right are two
    operations; so are one with no side and one with a side, told apart by the surgeon."""
    return side == other or ({side, other} <= {"left", "right", "bilateral"} and "bilateral" in {side, other})


def _one_person(db: Database, patient_id: str) -> dict[str, str]:
    """The patient and every other downtime number the records office linked to the same EHR
    patient now (each patient's latest link), with that EHR number; the patient alone, with
    none, when not linked."""
    return people_of(db, [patient_id])[patient_id]


def people_of(db: Database, patient_ids: Collection[str]) -> dict[str, dict[str, str]]:
    """`_one_person` of each of these patients, read together: a list's patients, and the
    export's, whose operations a death under a linked number revokes."""
    ehr = ehr_numbers(db, patient_ids)
    linked = {row[0] for part in chunks(set(ehr.values())) for row in db.execute(
        f"SELECT DISTINCT patient_id FROM patient_links WHERE ehr_patient_number IN ({marks(part)})", part)}
    numbers: dict[str, dict[str, str]] = {}
    for other, now in ehr_numbers(db, linked).items():
        numbers.setdefault(now, {})[other] = now
    return {patient_id: numbers.get(ehr[patient_id], {}) | {patient_id: ehr[patient_id]} if patient_id in ehr
            else {patient_id: ""} for patient_id in patient_ids}


def next_operation(db: Database, patient_id: str, at: datetime) -> datetime | None:
    """When the patient's next operation still to take place starts (`coming_operations`); None
    when none stands. What is given at the bedside that morning (an anticoagulant the operation
    was to follow a stop of) is checked against it: a 08:00 case not yet recorded done at 08:05
    is a list running late, and its patient goes to theatre with what was given then."""
    coming = coming_operations(db, [patient_id], at).get(patient_id)
    return coming[0].start if coming else None


def coming_operations(db: Database, patient_ids: Collection[str], at: datetime,
                      ahead: timedelta | None = None) -> dict[str, list[BookingFacts]]:
    """Each of these patients' operations still to take place at `at`, soonest first, by patient
    id: their standing bookings booked or rebooked (`LIVE`), under their downtime number or any
    linked to the same EHR patient (`_one_person`, read together by `people_of`), starting at or
    after `at` (no later than `ahead` after it, None: whenever), or before it while their list
    runs (`_still_waiting`). Cancelled, transferred and done operations are not coming. One rule
    for the anticoagulant check (`next_operation`) and the ward's handover: the handover's own
    dropped a hernia repair at its planned end on a list running late, its patient still nil by
    mouth, and missed one booked under a number linked since."""
    asked_by, theirs = _theirs(db, patient_ids)
    replayed = [facts for facts in theirs if facts.status in LIVE and facts.start is not None]
    listed = sessions(db, {facts.session_id for facts in replayed if facts.session_id is not None})
    until = None if ahead is None else instant(at) + ahead
    found: dict[str, list[BookingFacts]] = {}
    for facts in sorted(replayed, key=lambda facts: instant(facts.start or at)):
        assert facts.start is not None
        starts = instant(facts.start)
        if starts < instant(at) and _still_waiting(facts, listed, at) or instant(at) <= starts and (
                until is None or starts <= until):
            for patient_id in asked_by[str(facts.record.patient_id)]:
                found.setdefault(patient_id, []).append(facts)
    return found


def awaiting_new_date(db: Database, since: Mapping[str, datetime],
                      until: datetime | None = None) -> dict[str, list[BookingFacts]]:
    """Each of these patients' operations cancelled at or after `since` (their admission, by
    patient id) from a slot starting during their stay and no later than `until` (None:
    whenever), and neither rebooked, transferred nor done since, under any number of theirs
    (`_theirs`), oldest cancellation first: the ward's handover and Patients tab say them with
    the operations coming (`coming_operations`) until a new date stands or the patient leaves.
    Only standing bookings were said, and a hernia repair cancelled on the morning left its
    patient fasting all day, no one on the ward knowing it was off. Said of any slot, an
    elective repair set two weeks on, cancelled, stood on every handover of the stay, the ward
    asked whether a patient it never fasted may eat."""
    asked_by, theirs = _theirs(db, list(since))
    found: dict[str, list[BookingFacts]] = {}
    for facts in sorted(theirs, key=lambda facts: instant(facts.cancelled_at or facts.decided_at)):
        if facts.status is BookingStatus.CANCELLED and facts.cancelled_at is not None and facts.cancelled_from:
            starts = instant(facts.cancelled_from[-1].start)
            if until is not None and starts > instant(until):
                continue
            for patient_id in asked_by[str(facts.record.patient_id)]:
                if instant(facts.cancelled_at) >= instant(since[patient_id]) and starts >= instant(since[patient_id]):
                    found.setdefault(patient_id, []).append(facts)
    return found


def _theirs(db: Database, patient_ids: Collection[str]) -> tuple[dict[str, list[str]], list[BookingFacts]]:
    """Who asks for each downtime number of these patients' (theirs, or one linked to the same
    EHR patient: `people_of`), and every standing booking under those numbers, replayed."""
    asked_by: dict[str, list[str]] = {}
    for patient_id, numbers in people_of(db, patient_ids).items():
        for number in numbers:
            asked_by.setdefault(number, []).append(patient_id)
    theirs = _standing_where(db, ["operation_booking"], "patient_id IN (?)", list(asked_by))
    return asked_by, _replay(db, {record.record_id for record in theirs})


def _still_waiting(facts: BookingFacts, listed: Mapping[str, TheatreSession], at: datetime) -> bool:
    """Whether an operation whose planned start has passed at `at`, not recorded done, may still
    be to come: until its list's session ends, or its own expected end if later (a list running
    late, or taking its cases in another order). After, one not recorded done is a record not
    yet back-entered (the board is kept on the coordinator's laptop), not a patient waiting: the
    evening's post-operative enoxaparin asked of an operation 12 hours past."""
    assert facts.start is not None
    ends = [facts.start + timedelta(minutes=facts.minutes)]
    if facts.session_id in listed:
        ends.append(listed[facts.session_id].end)
    return instant(at) < max(map(instant, ends))


def _deaths(db: Database, patient_ids: Collection[str]) -> dict[str, datetime]:
    """When each of these patients died, under any downtime number of theirs (`people_of`), the
    earliest death recorded: one person admitted on two laptops died under one number, and an
    operation was booked under the other after the death, and stood on the board as booked."""
    people = people_of(db, patient_ids)
    died = deaths(db, {number for numbers in people.values() for number in numbers})
    return {patient_id: min(found) for patient_id, numbers in people.items()
            if (found := [died[number] for number in numbers if number in died])}


def _deaths_withdrawn(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str]) -> set[str]:
    """Those of these patients with a death withdrawn as entered in error under any downtime
    number of theirs (`people_of`): an operation cancelled because they died was cancelled on a
    death recorded by mistake (`rescheduling`, sync.fhir_theatre), unless another death stands."""
    if not patient_ids:
        return set()
    people = people_of(db, patient_ids)
    numbers = {number for found in people.values() for number in found}
    withdrawn = {str(record.patient_id) for spec in forms.values() if spec.movement is Movement.DEATH
                 for record in list_current(db, form_id=spec.id, patient_ids=numbers)
                 if record.status is RecordStatus.ENTERED_IN_ERROR}
    return {patient_id for patient_id, found in people.items() if withdrawn & set(found)}


def _refuse_booking_again(db: Database, record_id: str, patient_id: str, data: dict[str, Any]) -> None:
    """A booking of an operation (procedure, on a side it covers) that its patient is waiting to
    have rebooked is refused: booked anew, the cancelled one stayed on the rescheduling list and
    was rebooked as well, one hernia on two lists. Rebooked instead, it keeps its history and its
    rebook-by date. The patient is the person: a waiting operation under another downtime number
    linked to the same EHR patient counts (one person admitted on two laptops). Another
    operation, the other side, or the same one beside an operation still booked (a second look,
    a staged repair) are booked as usual."""
    people = _one_person(db, patient_id)
    waiting = [facts for facts in _same_operations(db, people, record_id, data) if facts.status is BookingStatus.CANCELLED]
    if waiting:
        found, cancelled = waiting[0].record, waiting[0].cancelled_at
        assert cancelled is not None
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Procedure: {procedure} is already waiting to be rebooked for "
                                                         "{whose} (cancelled {cancelled}): rebook it from the "
                                                         "rescheduling list rather than booking it again."),
                           procedure=_operation_named(found.data), whose=_whose(db, people, patient_id, found),
                           cancelled=ward_time(cancelled, None, DATED))


def booked_already(db: Database, patient_id: str, data: Mapping[str, Any], record_id: str | None, lang: Lang) -> str | None:
    """The same operation (procedure, on a side it covers) standing booked for this patient (the
    person, as `_refuse_booking_again` has them) at another time, said with each date and theatre;
    None when there is none. Asked about, not refused: a second carpal tunnel release on the right
    was booked three days after the first with nothing said, yet a staged repair is booked twice
    on purpose."""
    people = _one_person(db, patient_id)
    standing = sorted(((facts.start, facts) for facts in _same_operations(db, people, record_id, data)
                       if facts.status in LIVE and facts.start is not None), key=lambda pair: pair[0])
    if not standing:
        return None
    theatres = {session_id: found.theatre for session_id, found in
                sessions(db, {str(facts.session_id) for _, facts in standing}).items()}
    slots = [f"{ward_time(start, None, DATED)} {theatres.get(str(facts.session_id), '?')}" for start, facts in standing]
    first = standing[0][1].record
    return message(lang, QT_TRANSLATE_NOOP("messages", "{procedure} is already booked for {whose}: {slots}."),
                   procedure=_operation_named(first.data), whose=_whose(db, people, patient_id, first),
                   slots=semicolon(lang).join(slots))


_MAYBE_SAME = QT_TRANSLATE_NOOP("messages", "{other} operates {window} in theatre {theatre}: is {name} the same person?")


def maybe_same_people(db: Database, data: Mapping[str, Any], record_id: str | None, lang: Lang) -> str | None:
    """For a booking's answers (its surgeon and anaesthetist, start and length): each operation
    standing at an overlapping time whose surgeon or anaesthetist may be the same person under
    another spelling (`maybe_same_person`: "Dr P. Roux" beside "Dr Roux"), said as a question;
    None when there is none. Asked, not refused: "Dr M. Martin" and "Dr L. Martin" are two
    people, but "Dr P. Roux" was booked in T2 while Dr Roux operated in T1 with nothing said."""
    if not data.get("planned_start") or not data.get("expected_minutes"):
        return None
    start = datetime.fromisoformat(str(data["planned_start"]))
    end = start + timedelta(minutes=int(data["expected_minutes"]))
    names = [name for name in (data.get("surgeon"), data.get("anaesthetist")) if name]
    found = []
    for facts in _replay(db, _near(db, start, end)):
        placed = facts.occupies
        if (facts.record.record_id == record_id or facts.status not in PLACED or placed.start is None
                or placed.end is None or not (instant(placed.start) < instant(end) and instant(start) < instant(placed.end))):
            continue
        found += [(placed, other, name) for name in names for other in (placed.surgeon, placed.anaesthetist)
                  if other and maybe_same_person(name, other)]
    if not found:
        return None
    theatres = {key: listed.theatre for key, listed in sessions(db, {str(placed.session_id) for placed, _, _ in found}).items()}
    return " ".join(message(lang, _MAYBE_SAME, other=other, name=name, theatre=placed.done_in or theatres.get(
        str(placed.session_id), "?"), window=f"{placed.start:%H:%M}–{placed.end:%H:%M}")
        for placed, other, name in found if placed.start is not None and placed.end is not None)


def _same_operations(db: Database, people: Collection[str], record_id: str | None,
                     data: Mapping[str, Any]) -> list[BookingFacts]:
    """The standing bookings of these patients, other than `record_id`, of the same operation as
    `data`, replayed."""
    same = {record.record_id for record in _standing_where(db, ["operation_booking"], "patient_id IN (?)", people)
            if _same_operation(record, data, record_id)}
    return _replay(db, same) if same else []


def _same_operation(record: RecordVersion, data: Mapping[str, Any], record_id: str | None) -> bool:
    """Whether another booking (not `record_id`) is of the operation `data` books: the same
    procedure, on a side it covers."""
    return (record.record_id != record_id and bool(_procedure_key(record.data) & _procedure_key(data))
            and _sides_meet(record.data["laterality"], data["laterality"]))


def _operation_named(data: Mapping[str, Any]) -> str | Phrase:
    """A booking's procedure and side, as a refusal names it."""
    side = data["laterality"]
    return data["procedure"] if side not in SIDE_WORDS else Phrase(_SIDED, {"procedure": data["procedure"],
                                                                            "side": Phrase(SIDE_WORDS[side])})


def _whose(db: Database, people: Mapping[str, str], patient_id: str, found: RecordVersion) -> Phrase:
    """"this patient", or the other downtime number linked to the same EHR patient `found` is for."""
    other = str(found.patient_id)
    return Phrase(_THIS_PATIENT) if other == patient_id else Phrase(_LINKED_NUMBER, {
        "number": downtime_numbers(db, [other])[other], "ehr": people[other]})


def _refuse_moving(db: Database, record_id: str, data: dict[str, Any]) -> None:
    """A cancellation or rebooking stays with the operation it was recorded for. Pointed at
    another, the first operation would come back into a slot perhaps given away since, with
    nothing checking it, and the record would stay filed under the first patient."""
    stored = current_of(db, [record_id]).get(record_id)
    if stored is not None and stored.data["booking"] != data["booking"]:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Booking: a cancellation or rebooking stays with its operation. "
                                                         "Mark this one entered in error, then record it on the right "
                                                         "operation."))


_SIDE_AFTER_DONE = QT_TRANSLATE_NOOP("messages", "Side: this operation was recorded done ({done}) on the side operated "
                                                 "{operated}: the booking's side is amended to that side only. If "
                                                 "the team operated on another side, amend the operation done's Side "
                                                 "operated first, and report the incident.")
_SIDE_AFTER_CHECKLIST = QT_TRANSLATE_NOOP("messages", "Side: the WHO checklist signed in {at} names “{words}” at its time "
                                                      "out, not the side now given. If the side it checked is wrong, the "
                                                      "team checks the site again: mark that checklist entered in error, "
                                                      "then correct the side and fill in a new checklist.")
_SIDES_SAID = {"left": QT_TRANSLATE_NOOP("messages", "LEFT"), "right": QT_TRANSLATE_NOOP("messages", "RIGHT"),
               "bilateral": QT_TRANSLATE_NOOP("messages", "BOTH SIDES"),
               "not_applicable": QT_TRANSLATE_NOOP("messages", "no side"),
               None: QT_TRANSLATE_NOOP("messages", "not recorded")}
"""A side code as a message says it, where the forms are not at hand (a check of a version)."""


def _refuse_side_after_checked(db: Database, record_id: str, data: Mapping[str, Any]) -> None:
    """A booking's side is amended, once the operation is recorded done, only to the side
    operated (`side_operated`: the booking follows the record of what was done); and before,
    not to a side one of its standing WHO checklists contradicts where its time out named the
    side booked until now (`time_out_other_side`): the team checked the site, and will operate,
    on the side booked then. A correction to the side the time out named (the time out caught a
    booking on the wrong side), or a side given to a booking with none, goes through. Amended
    after (reason "typo"), the list, the board and the EHR's Procedure said the other side, next
    to a time-out that said the first."""
    booked = current_of(db, [record_id]).get(record_id)
    if booked is None or booked.data.get("laterality") == data.get("laterality"):
        return
    facts = booking_facts(db, record_id)
    if facts.done is not None:
        if (operated := side_operated(facts.done, facts.record.data)) != data.get("laterality"):
            raise ServiceError(_SIDE_AFTER_DONE, done=ward_time(facts.done_at, None, DATED),
                               operated=Phrase(_SIDES_SAID[operated]))
        return
    for checklist in _own_checklists(db, facts):
        if (time_out_other_side(str(booked.data["laterality"]), checklist.data) is None
                and (words := time_out_other_side(str(data["laterality"]), checklist.data)) is not None):
            raise ServiceError(_SIDE_AFTER_CHECKLIST, at=ward_time(checklist.occurred_at, None, DATED), words=words)


def _own_checklists(db: Database, facts: BookingFacts) -> list[RecordVersion]:
    """An operation's own standing WHO checklists (`checklists_of_done`)."""
    return checklists_of_done(_standing_where(db, [CHECKLIST_FORM], "json_extract(data, '$.booking') IN (?)",
                                              [facts.record.record_id]), facts.cancelled_at)


def side_operated(done: RecordVersion, booking: Mapping[str, Any]) -> str | None:
    """The side an operation recorded done (`done`) was operated on: its done record's
    (`SIDE_OPERATED`; None where left to choose and not chosen: not the booking's, which the
    time out may have caught as wrong), or its `booking`'s answers' for a record of the form's
    version 1, which has none. The EHR's Procedure is sent on it (sync.fhir_theatre)."""
    return done.data[SIDE_OPERATED] if SIDE_OPERATED in done.data else booking["laterality"]


def side_operated_default(db: Database, booking_id: str) -> str | None:
    """The side operated the done dialog and `record_done` start from: the booking's, unless one
    of its standing WHO checklists names another side at its time out (`time_out_other_side`,
    whatever its notes say), when it is left for the coordinator to choose: the booking's side
    pre-filled sent the Procedure to the EHR on the side the time out caught as wrong."""
    facts = booking_facts(db, booking_id)
    side = str(facts.record.data["laterality"])
    if any(time_out_other_side(side, checklist.data) is not None for checklist in _own_checklists(db, facts)):
        return None
    return side


def time_out_other_side(side: str, checklist: Mapping[str, Any]) -> str | None:
    """The first time-out words of a checklist (`CHECKLIST_SIDE_FIELDS`, its answers) naming a
    side other than `side` (a code; `domain.laterality.contradiction`), whatever its notes say;
    None where none does."""
    return next((words for name in CHECKLIST_SIDE_FIELDS
                 if (words := contradiction(str(checklist.get(name) or ""), side, prose=True)) is not None), None)


def _refuse_another_day(db: Database, record_id: str, data: Mapping[str, Any]) -> None:
    """A correction of a booking keeps its day: amended to another, the operation left the old
    day's list with no struck line, and nobody was told to ring the patient, who came in fasting
    on the old day. A new day is a cancellation and a rebooking, which say both. The same list
    is the same day, whatever the clock (a night list's 23:30 corrected to 00:30), and days are
    told on the ward's clock (a time written in another offset is the same moment)."""
    stored = current_of(db, [record_id]).get(record_id)
    if stored is None or stored.data["session"] == data["session"]:
        return
    was, now = (instant(datetime.fromisoformat(version["planned_start"])).astimezone()
                for version in (stored.data, data))
    if was.date() != now.date():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Planned start: a correction cannot move the operation to "
                                                         "another day ({was} to {now}). Cancel it and rebook it "
                                                         "instead, so that the old day's list shows it moved and the "
                                                         "patient is told."),
                           was=f"{was:%d/%m/%Y}", now=f"{now:%d/%m/%Y}")


def _version_to_be(form_id: str, record_id: str, patient_id: str | None, data: dict[str, Any]) -> RecordVersion:
    """The version being written, as the replay reads it: dated by its own form's time, and
    typed after everything already stored. Not validated: only the replay reads it."""
    return RecordVersion.model_construct(record_id=record_id, form_id=form_id, patient_id=patient_id, data=data,
                                         occurred_at=datetime.fromisoformat(data[OCCURRED_AT[form_id]]),
                                         recorded_at=datetime.max.replace(tzinfo=timezone.utc))


def _facts_with(db: Database, version: RecordVersion, withdrawn: bool) -> BookingFacts | None:
    """Where the booking would stand with this version in place of the record's current one
    (or without the record, if withdrawn); None once the booking itself is withdrawn."""
    is_booking = version.form_id == "operation_booking"
    booking_id = version.record_id if is_booking else version.data["booking"]
    events = [event for event in _standing_where(db, EVENT_FORMS, "json_extract(data, '$.booking') IN (?)", {booking_id})
              if event.record_id != version.record_id]
    if is_booking:
        return None if withdrawn else _fold(version, events, _first_typed(db, events), settings.days_off(db),
                                            version.record_id)
    stored = _standing_where(db, ["operation_booking"], "record_id IN (?)", {booking_id})
    if not stored:
        raise NotFound(f"no standing booking {booking_id}")
    applied = events if withdrawn else [*events, version]
    return _fold(stored[0], applied, _first_typed(db, applied), settings.days_off(db), version.record_id)


def _check_session(db: Database, session_id: str, changed: TheatreSession | None) -> None:
    """Refuse a session overlapping another of its theatre, and a change (`changed`; None: the
    session withdrawn) that would leave an operation standing in it outside it: it would vanish
    from the day's list, or run outside its theatre's hours. Cancel or move it first. A session
    ending before it starts (13:00 typed 01:00) could hold no operation and would overlap no
    other list of its theatre, so it is refused too."""
    if changed is not None and changed.end <= changed.start:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "End: a session must end after it starts (it starts {start}, "
                                                         "ends {end})."),
                           start=ward_time(changed.start, None, DATED), end=ward_time(changed.end, None, DATED))
    if changed is not None and (others := overlapping_sessions(changed, _sessions_near(db, changed.start, changed.end))):
        other = others[0]
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Theatre {theatre} already has a session {window} ({specialty})."),
                           theatre=other.theatre, specialty=other.specialty,
                           window="-".join(hours_said(other.start, other.end, None, DATED)))
    replayed = _replay(db, _booking_ids(db, "json_extract(data, '$.session') = ?", [session_id]))
    standing = {facts.record.record_id: facts for facts in replayed if facts.status in PLACED and facts.session_id == session_id}
    if outside := left_outside(changed, [facts.booking for facts in standing.values()]):
        _refuse_leaving(db, standing[outside[0].booking_id], sessions(db, {session_id}).get(session_id))


def _refuse_leaving(db: Database, facts: BookingFacts, listed: TheatreSession | None) -> None:
    """Name the operation a session change would leave outside it, as the coordinator finds it
    on the list: procedure, patient's downtime number, time. One done is neither cancelled nor
    moved: the session is what must stay round its booked slot (told "Cancel or move it first",
    the coordinator could do neither), the list it is found on, even when it was done in another
    theatre (`listed`: the session as it stands, whose theatre that is told from)."""
    booking = facts.booking
    assert booking.start is not None and booking.end is not None
    named = {"procedure": facts.record.data["procedure"],
             "number": downtime_numbers(db, [booking.patient_id])[booking.patient_id],
             "window": "-".join(hours_said(booking.start, booking.end, None, DATED))}
    done_in = facts.occupies.done_in
    if facts.done_at is not None and done_in and listed is not None and theatre_key(done_in) != theatre_key(listed.theatre):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "An operation of this session was done in theatre {theatre}: "
                                                         "{procedure}, patient {number}, booked {window}, done {done}. "
                                                         "The session cannot start after its booked time or end before "
                                                         "it, nor be withdrawn: this list is where it is found."),
                           theatre=done_in, done=ward_time(facts.done_at, None, DATED), **named)
    if facts.done_at is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "An operation was done in this session: {procedure}, patient "
                                                         "{number}, booked {window}, done {done}. The session cannot "
                                                         "start after it or end before it, nor be withdrawn."),
                           done=ward_time(facts.done_at, None, DATED), **named)
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "This would leave an operation outside its session: {procedure}, "
                                                     "patient {number}, booked {window}. Cancel or move it first."), **named)


def book(session: Session, patient_id: str, values: dict[str, Any]) -> RecordVersion:
    return records.save_new(session, "operation_booking", values, patient_id=patient_id)


def _change(session: Session, form_id: str, booking_id: str, values: dict[str, Any]) -> RecordVersion:
    """A record of what happened to a standing booking, filed under its patient. A cancellation
    names the date it cancels, the one standing now unless its dialog names the one it showed
    (`cancels_standing`)."""
    state = _state(_replay(session.db, {booking_id}), booking_id)
    named = slot_of(state) if form_id == "operation_cancellation" and "slot_start" not in values else {}
    return records.save_new(session, form_id, {**named, **values, "booking": booking_id},
                            patient_id=state.record.patient_id)


def slot_of(facts: BookingFacts) -> dict[str, str | None]:
    """The answers of a cancellation naming the date standing (`slot_placed_by`): its start, to
    show, and the rebooking that placed it (None: the booking's own); none when no date stands."""
    if facts.start is None or facts.status not in LIVE:
        return {}
    return {"slot_start": facts.start.isoformat(timespec="minutes"),
            "rebooking": facts.placed_by.record_id if facts.placed_by.form_id == "operation_rebooking" else None}


def cancel(session: Session, booking_id: str, values: dict[str, Any]) -> RecordVersion:
    return _change(session, "operation_cancellation", booking_id, values)


def rebook(session: Session, booking_id: str, values: dict[str, Any]) -> RecordVersion:
    """A new date (or a transfer elsewhere) for a cancelled booking, clash-free."""
    return _change(session, "operation_rebooking", booking_id, values)


def record_done(session: Session, booking_id: str, values: dict[str, Any]) -> RecordVersion:
    """That the booked operation took place: when, and in which theatre. Refused for one
    cancelled, and while its list is still to come; nothing is recorded of it afterwards until
    this record is withdrawn (entered in error), when it stands booked again. Recorded in a
    theatre that was not free then by the records, only with the reason (`DoneOverClash`),
    asked once every refusal is past: a warning is not for an operation refused anyway, nor for
    someone who may not record it. A reason given where there is no clash is not kept (the
    theatre or time corrected since the warning). The side operated (`SIDE_OPERATED`) is
    `side_operated_default` unless given: the EHR's Procedure is sent on it, not on the booking's side, which
    says what was planned."""
    booked = _state(_replay(session.db, {booking_id}), booking_id)
    values = {SIDE_OPERATED: side_operated_default(session.db, booking_id), **values}
    if records.may_write(session, session.form(DONE_FORM)):
        data = records.checked_values(session, DONE_FORM, {**values, "booking": booking_id})
        check_version(session.db, DONE_FORM, "", str(booked.record.patient_id), data, session.clock())
        if not refuse_done_in_use(session.db, session.forms, data):
            values = {name: value for name, value in values.items() if name != OVER_CLASH}
    return _change(session, DONE_FORM, booking_id, values)


_OTHER_SIDE_CHECKED = QT_TRANSLATE_NOOP("messages", "“{field}” names “{words}”, but the operation is booked as {booked}: "
                                                    "check the site with the team, then correct these words or the "
                                                    "booking's side (amend it), or say in “{notes}” which side the "
                                                    "team checked, with the word checked, marked or consented or the "
                                                    "operation's body part, for example “{example}”.")
_NOTES_EXAMPLE = QT_TRANSLATE_NOOP("messages", "Site checked with the consent and the mark: {side}")


def other_side_words(booking: Mapping[str, Any], text: str, notes: str, *, either_side_answers: bool) -> str | None:
    """The words of `text`, said aloud of an operation (a booking's answers), naming another side
    than its booking's (`domain.laterality.contradiction`); None where they agree, the booking has
    no side, or `notes` answer the question (`domain.laterality.speaks_of_side`: a side, with a
    site check or the operation's body part, not a cannula's site). As the checklist is saved,
    notes naming either side answer it (`either_side_answers`: the team says what it found, the
    booking then corrected, its line flagged until it is: `other_side_confirmed`); read against a
    booking whose side changed since, on another laptop, only notes naming the side booked now
    do: "Left knee marked and consented", written while the booking said LEFT, says nothing of
    the RIGHT it says now."""
    side = booking.get("laterality")
    if side in (None, "not_applicable") or not text or (words := contradiction(text, side, prose=True)) is None:
        return None
    answered = {side, *sides_spoken(words)} if either_side_answers else {side}
    return None if speaks_of_side(notes, answered, str(booking["procedure"])) else words


def checklist_other_side(booking: Mapping[str, Any], checklist: Mapping[str, Any]) -> str | None:
    """The first time-out words of a checklist (`CHECKLIST_SIDE_FIELDS`, its answers) naming
    another side than its booking's as it stands (`other_side_words`), else None. Asked as the
    checklist is saved (`check_checklist`); reported where the booking's side changed after it,
    on another laptop (`contradictions`, `ListEntry.other_side_checked`)."""
    notes = str(checklist.get("notes") or "").strip()
    return next((words for name in CHECKLIST_SIDE_FIELDS
                 if (words := other_side_words(booking, str(checklist.get(name) or ""), notes,
                                               either_side_answers=False)) is not None), None)


def other_side_confirmed(facts: BookingFacts, named: Mapping[str, list[RecordVersion]]) -> str | None:
    """The time-out words of the first of a LEFT or RIGHT operation's own standing checklists
    (`checklists_of_done`, of `named`: by booking) naming the other side, whose notes confirm
    that side (`speaks_of_side`), whether or not they name the side booked too ("Consent form
    says left, patient and mark say right"). The team found the booking on the wrong side, and
    the checklist was saved as its paper says for the booking to be corrected; until it was, the
    list, the board and the EHR said the side the team found wrong, with nothing said. A prompt
    to check with the team: a note of both sides flagged wrongly costs a word with them."""
    booking = facts.record.data
    if booking.get("laterality") not in ("left", "right"):
        return None
    return next((words for checklist in checklists_of_done(named.get(facts.record.record_id, []), facts.cancelled_at)
                 for name in CHECKLIST_SIDE_FIELDS
                 if (words := contradiction(str(checklist.data.get(name) or ""), booking["laterality"], prose=True))
                 and speaks_of_side(str(checklist.data.get("notes") or ""), sides_spoken(words).keys(),
                                    str(booking["procedure"]))), None)


def _other_side(session: Session, booking_id: str, text: str, notes: str) -> tuple[str, str, str] | None:
    """`other_side_words` of `text` against its booking as it stands, the booking as said to the
    user ("Knee arthroscopy, LEFT"), and notes that would answer the question on its side, for
    the refusal to show ("Site checked with the consent and the mark: left"); None where they
    agree, or there is no such booking."""
    booking = current_of(session.db, [booking_id]).get(booking_id)
    if booking is None or (words := other_side_words(booking.data, text, notes, either_side_answers=True)) is None:
        return None
    spec = session.form(BOOKING_FORM)
    side = format_value(spec.field("laterality"), booking.data["laterality"], session.lang).lower()
    return (words, procedure_and_side(booking.data, spec, session.lang),
            message(session.lang, _NOTES_EXAMPLE, side=side))


CHECKLIST_SIDE_FIELDS = ("surgeon_critical_steps", "anaesthetist_concerns", "time_out_equipment_issues",
                         "equipment_problems")
"""The checklist's words the team says aloud of the operation, read as said aloud
(`domain.laterality.sides_spoken`) against its booking's side: its notes are where the team
says why, and lift the question once they speak of the operation's side (`_other_side`)."""
SIGN_IN_NEAR = timedelta(hours=12)
"""How far from its operation's slot a checklist's sign-in may be without a word why."""
_SIGNED_IN_AFTER = QT_TRANSLATE_NOOP("messages", "“{field}”: the sign in ({at}) is after the time the operation was "
                                                 "recorded done ({done}). If the sign in is right, say so here and "
                                                 "ask the surgical coordinator to amend the operation's done time; "
                                                 "if not, check the date, the time and the operation picked.")
_SIGNED_IN_FAR = QT_TRANSLATE_NOOP("messages", "“{field}”: the sign in ({at}) is more than {hours} hours from the "
                                               "operation's slot ({slot}): check its date and time, or say why here.")


def check_checklist(session: Session, spec: FormSpec, data: Mapping[str, Any],
                    before: Mapping[str, Any] | None = None) -> None:
    """A WHO checklist naming an operation (`data`'s booking), against it: signed in after the
    operation was recorded done (asked, in its notes: a slip of the date, another operation's
    paper, or a done time kept from the dialog's slot, which the coordinator amends; the paper
    is the team's record, and refused it was not recorded at all), or more than `SIGN_IN_NEAR`
    from each slot it was given (asked why, in its notes), and time-out words naming another side
    than the booking's (`CHECKLIST_SIDE_FIELDS`, asked until its notes speak of the operation's
    side: the wrong-site warning the checklist exists for, which a recovery concern, a cannula's
    site or a diathermy plate's side in the notes silenced).
    An amendment keeping the booking, sign-in and words (`before`) is not asked again. Times are
    said on the ward's clock (`ward_time`), not the offset the sign-in was typed with: typed on a
    laptop set to UTC, an 08:50 sign-in was said 07:50, the slot and done time an hour off too."""
    booking_id = data.get("booking")
    if not booking_id:
        return
    kept = before if before is not None and before.get("booking") == booking_id else {}
    notes = str(data.get("notes") or "").strip()
    if not (kept and kept.get("checked_at") == data.get("checked_at")):
        facts = booking_facts(session.db, str(booking_id))
        checked_at = datetime.fromisoformat(data["checked_at"])
        if not notes and facts.done_at is not None and instant(checked_at) > instant(facts.done_at):
            raise ValidationFailed([FieldError("notes", message(
                session.lang, _SIGNED_IN_AFTER, field=spec.field("notes").label.get(session.lang),
                at=ward_time(checked_at, None), done=ward_time(facts.done_at, None)))])
        slots = [start for start in (facts.done_at, facts.start, *(slot.start for slot in facts.cancelled_from))
                 if start is not None]
        if not notes and slots and all(abs(instant(checked_at) - instant(start)) > SIGN_IN_NEAR for start in slots):
            slot = facts.done_at or facts.start or slots[-1]
            raise ValidationFailed([FieldError("notes", message(
                session.lang, _SIGNED_IN_FAR, field=spec.field("notes").label.get(session.lang),
                at=ward_time(checked_at, None), slot=ward_time(slot, None),
                hours=SIGN_IN_NEAR // timedelta(hours=1)))])
    for name in CHECKLIST_SIDE_FIELDS:
        text = str(data.get(name) or "")
        if not text or (kept and kept.get(name) == data.get(name)):
            continue
        if (found := _other_side(session, str(booking_id), text, notes)) is not None:
            raise ValidationFailed([FieldError(name, message(
                session.lang, _OTHER_SIDE_CHECKED, field=spec.field(name).label.get(session.lang), words=found[0],
                booked=found[1], notes=spec.field("notes").label.get(session.lang), example=found[2]))])


SIDE_OPERATED = "laterality"
"""The field of the done form giving the side operated on (its version 2; one of version 1 has
none, and was on the booking's side): sync.fhir_theatre sends the Procedure's body site from it."""
OVER_CLASH = "clash_reason"
"""The field of the done form giving why it was recorded over a clash (`DoneOverClash`)."""
_DONE_IN_USE = QT_TRANSLATE_NOOP("messages", "Theatre {theatre} was not free {window}: {others}. Check the theatre and "
                                             "the time; if both are right, give the reason to record it anyway.")
_IN_USE_DONE = QT_TRANSLATE_NOOP("messages", "{patient} ({number}), {procedure}, done there at {at}, expected to run "
                                             "until {until}")
_IN_USE_BOOKED = QT_TRANSLATE_NOOP("messages", "{patient} ({number}), {procedure}, booked there {window} and not "
                                               "recorded done")
_BUSY_ELSEWHERE = {
    "patient": QT_TRANSLATE_NOOP("messages", "The patient had another operation {window}: {others}. Check the "
                                             "patient and the time; if both are right, give the reason to record it "
                                             "anyway."),
    "surgeon": QT_TRANSLATE_NOOP("messages", "Surgeon {name} had another operation {window}: {others}. Check the "
                                             "surgeon and the time; if both are right, give the reason to record it "
                                             "anyway."),
    "anaesthetist": QT_TRANSLATE_NOOP("messages", "Anaesthetist {name} had another operation {window}: {others}. "
                                                  "Check the anaesthetist and the time; if both are right, give the "
                                                  "reason to record it anyway.")}
"""Each person an operation done may have been elsewhere with, most serious first: another
operation is named once, under the first that met it."""
_ELSEWHERE_DONE = QT_TRANSLATE_NOOP("messages", "{patient} ({number}), {procedure}, done in theatre {theatre} at {at}, "
                                                "expected to run until {until}")
_ELSEWHERE_BOOKED = QT_TRANSLATE_NOOP("messages", "{patient} ({number}), {procedure}, booked in theatre {theatre} "
                                                  "{window} and not recorded done")


class DoneOverClash(ServiceError):
    """An operation recorded done in a theatre at a time another stands in it by the records,
    or by a surgeon, anaesthetist or patient then in another operation: two operations read as
    done at once, or one done over another booked. What happened happened, so it is not
    refused; but it is most often a slip of the theatre, the time or the booking (T3 typed for
    T2, 09:05 for 10:05), so it is recorded only with the reason (`OVER_CLASH`), which the record
    keeps for the records office. `parts`: a sentence for the theatre, then one for each person
    met elsewhere."""

    def __init__(self, parts: list[Phrase]):
        super().__init__("{parts}", parts=Listed(tuple(parts), between=" "))


def done_in_use(db: Database, forms: dict[str, FormSpec], data: Mapping[str, Any]) -> DoneOverClash | None:
    """The warning of an operation recorded done (`data`, the done form's answers) in a theatre
    that was not free then, or by a surgeon, an anaesthetist or a patient in another operation
    then: the operations standing at a time overlapping its expected length from when it began,
    earliest first, each done, or booked and not recorded done; None when there were none. Those
    booked on its own list are left out: a list running late, or taken in another order,
    reaches the next slot, which is no slip."""
    booking_id = str(data["booking"])
    own = booking_facts(db, booking_id)
    begun = datetime.fromisoformat(data["done_at"])
    ends = begun + timedelta(minutes=own.minutes)
    nearby = {facts.record.record_id: facts for facts in _replay(db, _near(db, begun, ends) - {booking_id})
              if facts.status in PLACED and not (facts.done is None and facts.session_id == own.session_id)}
    known = sessions(db, {facts.session_id for facts in nearby.values() if facts.session_id is not None})
    done_there = replace(own.booking, start=begun, done_in=str(data["theatre"]).strip())
    met: dict[str, list[str]] = {}
    for clash in meetings(done_there, known, [facts.occupies for facts in nearby.values()]):
        met.setdefault(clash.kind, []).append(clash.other)
    if not met:
        return None
    states = {state.record.record_id: state for state in bookings(
        db, forms, lambda facts: any(facts.record.record_id in ids for ids in met.values()), list(nearby.values()))}

    def named(ids: list[str], theatre_named: bool) -> list[Phrase]:
        return [_in_use(states[record_id], nearby[record_id].occupies, known if theatre_named else None)
                for record_id in sorted(ids, key=lambda record_id: nearby[record_id].occupies.start or begun)]

    window = f"{ward_time(begun, None)}–{ward_time(ends, None, '%H:%M')}"
    said = met.pop("theatre", [])
    parts = [Phrase(_DONE_IN_USE, {"theatre": done_there.done_in, "window": window,
                                   "others": Listed(tuple(named(said, False)))})] if said else []
    names = {"surgeon": own.booking.surgeon, "anaesthetist": own.booking.anaesthetist}
    for kind, template in _BUSY_ELSEWHERE.items():
        if elsewhere := [record_id for record_id in met.get(kind, []) if record_id not in said]:
            parts.append(Phrase(template, {"name": names.get(kind), "window": window,
                                           "others": Listed(tuple(named(elsewhere, True)))}))
            said += elsewhere
    return DoneOverClash(parts)


def _in_use(state: BookingState, placed: Booking, known: Mapping[str, TheatreSession] | None) -> Phrase:
    """An operation standing then, as the warning of one done names it: whose (the patient by
    name and downtime number, as on the board), which, when, and where unless it is the theatre
    the warning is about (`known`: the lists, to name the theatre it stands in)."""
    assert placed.start is not None and placed.end is not None
    named = {"patient": state.patient.display_name, "number": state.patient.downtime_number,
             "procedure": _operation_named(state.record.data)}
    if known is not None:
        session = known.get(placed.session_id or "")
        named["theatre"] = placed.done_in or (session.theatre if session is not None else "—")
    if state.done is not None:
        return Phrase(_IN_USE_DONE if known is None else _ELSEWHERE_DONE,
                      {**named, "at": ward_time(placed.start, None), "until": ward_time(placed.end, None, "%H:%M")})
    return Phrase(_IN_USE_BOOKED if known is None else _ELSEWHERE_BOOKED,
                  {**named, "window": f"{ward_time(placed.start, None)}–{ward_time(placed.end, None, '%H:%M')}"})


def refuse_done_in_use(db: Database, forms: dict[str, FormSpec], data: Mapping[str, Any]) -> bool:
    """Raise the `DoneOverClash` of `done_in_use` when `data` gives no reason for it; whether the
    theatre was not free then."""
    warning = done_in_use(db, forms, data)
    if warning is not None and not str(data.get(OVER_CLASH) or "").strip():
        raise warning
    return warning is not None


def done_defaults(db: Database, booking_id: str, now: datetime) -> tuple[datetime, str | None]:
    """What "Operation done" starts with: the time of the operation's slot, or of its safety
    checklist's sign-in where later (the list ran late: the slot's time kept was refused, being
    before the sign-in), never after now (its list runs early), and its list's theatre (None:
    the list withdrawn)."""
    facts = booking_facts(db, booking_id)
    listed = sessions(db, {facts.session_id}).get(facts.session_id) if facts.session_id is not None else None
    start = max([at for at in (facts.start, _signed_in(db, facts)) if at is not None], key=instant, default=now)
    return min(start, now, key=instant), listed.theatre if listed is not None else None


TOLD_REASON = "Patient told of the new date"
TOLD_OF_CANCELLATION = "Patient told of the cancellation"


def record_told(session: Session, booking_id: str, how: str | None, told_at: datetime,
                told_by: str | None = None) -> RecordVersion:
    """That the patient was told of their new date (or of their transfer, or of the cancellation
    of an operation not yet rebooked, recorded "Not yet" told), how, when and by whom (`told_by`,
    the user signed in unless named: the ward nurse or the surgeon's secretary rings, the
    coordinator types it, and when the patient says nobody rang there is someone to ask), as an
    amendment of the record in force. Until then the board says NOT TOLD, and a coordinator
    working through a morning's changes sees whom to ring still."""
    if not how:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Patient told: choose how the patient was told."))
    facts = _state(_replay(session.db, {booking_id}), booking_id)
    if facts.told_of is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This booking is {status}: there is no cancellation or new "
                                                         "date to tell the patient of."),
                           status=Phrase(STATUS_WORDS[facts.status]))
    told_of = facts.told_of
    reason = TOLD_OF_CANCELLATION if told_of.form_id == "operation_cancellation" else TOLD_REASON
    return records.amend(session, told_of.record_id,
                         {**told_of.data, "patient_told": how, "told_at": told_at.isoformat(timespec="minutes"),
                          "told_by": " ".join((told_by or "").split()) or session.user.name},
                         reason, based_on=told_of.version)


# The words of the rebook-by column, in the catalogue's shared context as the screen's columns:
# the screen, the printed list and the command line say one word each (the print said "À faire
# avant … PROCHE" where the screen said "Au plus tard le … BIENTÔT").
REBOOK_BY = QT_TR_NOOP("Rebook by")
BREACH = QT_TR_NOOP("BREACH")
SOON = QT_TR_NOOP("SOON")
# The rescheduling lists' column of the number to ring, or the ward to tell (`ToTell`).
WHOM_TO_TELL = QT_TR_NOOP("Whom to tell")


# Said where the rebook-by date is of an operation cancelled for a death since withdrawn.
REASON_TO_CORRECT = QT_TRANSLATE_NOOP("messages", "NO DEATH RECORDED (withdrawn): correct the cancellation's reason "
                                                  "and rebook")


@dataclass(frozen=True)
class WaitingItem:
    state: BookingState
    breach: bool
    near_breach: bool
    waited: timedelta
    to_tell: ToTell
    death_withdrawn: bool = False
    """Cancelled because the patient died, whose death was withdrawn as entered in error since,
    under every number of theirs (see `rescheduling`): the living patient's operation is to
    rebook, its cancellation's reason to correct."""

    def waited_said(self, lang: Lang) -> str:
        """How many days the patient has waited since the decision to operate, as the waiting
        column says it: "1 day" in the singular (it said "1 days", "1 jours" in French)."""
        days = self.waited.days
        return message(lang, QT_TRANSLATE_NOOP("messages", "1 day")) if days == 1 else \
            message(lang, QT_TRANSLATE_NOOP("messages", "{count} days"), count=days)

    def rebook_by(self, lang: Lang) -> str:
        """The date the operation must happen by, then BREACH (past it) or SOON (within
        `NEAR_BREACH`); "—" for an operation without one; for one cancelled for a death since
        withdrawn (`death_withdrawn`), what to do first, as the lists' rebook-by column says it."""
        if self.death_withdrawn:
            return message(lang, REASON_TO_CORRECT)
        deadline = self.state.rebook_by
        if deadline is None:
            return "—"
        flag = BREACH if self.breach else SOON if self.near_breach else None
        cancer = cancer_said(self.state.record.data, lang)
        return " ".join(filter(None, (deadline_said(deadline), cancer, translate(lang, '', flag) if flag else "")))


_CANCELLED_AT_TIMES = QT_TRANSLATE_NOOP("messages", "{when} — {times}")
_CANCELLED_TIMES = QT_TRANSLATE_NOOP("messages", "cancelled {count}×")


def last_cancelled(state: BookingFacts, lang: Lang) -> str:
    """When the operation waiting for a new date was last cancelled, as the rescheduling list
    gives it on screen and on paper, with how many times when more than once ("02/12 02:43 —
    cancelled 2×"): cancelled again after its rebooking, it read as cancelled once, that day.
    The count in one unbreakable run (non-breaking spaces): the printed list's narrow column put
    "2×" on a line of its own."""
    when = ward_time(state.cancelled_at, None) if state.cancelled_at else "—"
    if state.times_cancelled < 2:
        return when
    return message(lang, _CANCELLED_AT_TIMES, when=when,
                   times=times_cancelled(state.times_cancelled, lang).replace(" ", "\u00a0"))


def times_cancelled(count: int, lang: Lang) -> str:
    """"cancelled 2×" of an operation cancelled `count` times, more than once, as `downtime
    theatre rescheduling` says it; "" of one cancelled once."""
    return message(lang, _CANCELLED_TIMES, count=count) if count > 1 else ""


def waiting_item(state: BookingState, now: datetime, to_tell: ToTell) -> WaitingItem:
    """A cancelled operation as the rescheduling list and the rebook dialog show it at `now`:
    past its rebook-by date (a breach), or within `NEAR_BREACH` of it, how long it waited, and
    whom to tell of its new date (`whom_to_tell` at `now`)."""
    deadline = state.rebook_by
    return WaitingItem(state, breach=deadline is not None and deadline < now,
                       near_breach=deadline is not None and now <= deadline < now + NEAR_BREACH,
                       waited=now - state.decided_at, to_tell=to_tell)


def phone_to_call(patient: PatientSummary, lang: Lang) -> str:
    """The number the coordinator rings with a new date: the patient's, else their next of
    kin's, said so; "" when the admission holds neither."""
    if patient.phone:
        return patient.phone
    if patient.nok_phone:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{phone} (next of kin)"), phone=patient.nok_phone)
    return ""


_WARD = QT_TRANSLATE_NOOP("messages", "ward {ward}")
_WARD_WITH = QT_TRANSLATE_NOOP("messages", "ward {ward} ({details})")
_BED = QT_TRANSLATE_NOOP("messages", "bed {bed}")


@dataclass(frozen=True)
class ToTell:
    """Whom the coordinator tells of a cancellation, a new date or a transfer (`whom_to_tell`):
    a patient in a bed through their ward, whose team tells them at the bedside (rung on the
    admission's number, the next of kin at home heard of a date the patient on ward 3B did not);
    a patient at home on the number to ring (`phone_to_call`)."""

    patient: PatientSummary
    on_ward: Location | None
    """The patient's stay on a ward (`on_a_ward`); None: at home."""
    ward_name: str | None = None
    """The name of that ward where this laptop's wards know it."""

    def said(self, lang: Lang) -> str:
        """The ward, with its name and the bed ("ward 3B (Internal medicine, bed 16)"), or the
        number to ring; "" for a patient at home whose admission holds no number. The bed is one
        unbreakable run (non-breaking spaces): the printed list's narrow column put "bed" at a
        line's end and "16)" under it."""
        if self.on_ward is None:
            return phone_to_call(self.patient, lang)
        bed = message(lang, _BED, bed=self.on_ward.bed).replace(" ", "\u00a0") if self.on_ward.bed else None
        details, ward = ", ".join(filter(None, (self.ward_name, bed))), self.on_ward.ward or "—"
        return message(lang, _WARD_WITH, ward=ward, details=details) if details else message(lang, _WARD, ward=ward)


def whom_to_tell(db: Database, patients: Collection[PatientSummary], at: datetime) -> dict[str, ToTell]:
    """Whom to tell of each patient's cancellation, new date or transfer, by patient id, as the
    census has them at `at` (now): the rescheduling list, its print and command, the rebook
    dialog and the board's line all say it from here, one census read for a list's patients."""
    where, names = on_wards(db, [patient.patient_id for patient in patients], at), ward_names(db)
    return {patient.patient_id: ToTell(patient, found := where.get(patient.patient_id),
                                       names.get(found.ward) if found is not None and found.ward else None)
            for patient in patients}


NO_DEADLINE = datetime.max.replace(tzinfo=timezone.utc)
"""Where an operation with no rebook-by date sorts: after every dated one of its priority."""


def rescheduling(db: Database, forms: dict[str, FormSpec], now: datetime,
                 replayed: list[BookingFacts] | None = None) -> tuple[list[WaitingItem], list[WaitingItem]]:
    """Cancelled operations not yet rebooked (one cancelled because the patient died is not to
    be): those to rebook, by priority, then the date they must happen by, then how long the
    patient has waited, breaches (past the date) and near-breaches standing out; and, apart,
    those cancelled for another reason whose patient's death is recorded. These leave the
    list: one stayed on it, "do not rebook" at the far end of its line, and a coordinator working
    down the list rang a dead patient's family for a date. The lists name them under it, with
    the death, so none vanishes unexplained; a death withdrawn as entered in error puts the
    operation back, and one cancelled because the patient died, their death since withdrawn
    under every number of theirs, comes first (`WaitingItem.death_withdrawn`); one cancelled so
    with no death ever recorded here (a patient at home, the family rang) stays off, as does one
    whose patient declined the operation itself (`not_to_be_done`, as the export revokes it)."""
    states = bookings(db, forms, lambda facts: facts.status is BookingStatus.CANCELLED, replayed)
    withdrawn = _deaths_withdrawn(db, forms, {state.patient.patient_id for state in states
                                              if state.cancel_reason is CancelReason.PATIENT_DIED})
    states = [state for state in states if state.told_of is None or not not_to_be_done(state.told_of.data)
              or (state.cancel_reason is CancelReason.PATIENT_DIED and state.died_at is None
                  and state.patient.patient_id in withdrawn)]
    tell = whom_to_tell(db, [state.patient for state in states], now)
    items = [replace(waiting_item(state, now, tell[state.patient.patient_id]),
                     death_withdrawn=state.cancel_reason is CancelReason.PATIENT_DIED) for state in states]
    # Those cancelled for a death since withdrawn first: cancelled "not to rebook", a living
    # patient's operation was on no list. Then by when each must be rebooked by, as the lists
    # print it (a day's deadline at its 23:59), then the longest wait (two due the same day came
    # in the order of the hours they were cancelled). A deadline to the hour comes before one at
    # the end of its day: by the day alone, a P1b due at 10:00 came after a P2 due that night
    # that had waited longer. For a class with an NCEPOD target the longer wait is the earlier
    # deadline, so its order is the same.
    ordered = sorted(items, key=lambda i: (not i.death_withdrawn, PRIORITY_RANK[i.state.priority],
                                           instant(i.state.rebook_by) if i.state.rebook_by else NO_DEADLINE, -i.waited))
    # One left by a death is no breach: no one will do it.
    return ([i for i in ordered if i.state.died_at is None],
            [replace(i, breach=False, near_breach=False) for i in ordered if i.state.died_at is not None])


def procedure_and_side(data: Mapping[str, Any], booking_spec: FormSpec, lang: Lang) -> str:
    """A booking's procedure and its side, as a coordinator tells a patient's two knees apart;
    no side for an operation that has none."""
    if data["laterality"] == "not_applicable":
        return str(data["procedure"])
    return f"{data['procedure']}, {format_value(booking_spec.field('laterality'), data['laterality'], lang)}"


_DAY_CASE = QT_TRANSLATE_NOOP("messages", "Day case")
_IN_PATIENT = QT_TRANSLATE_NOOP("messages", "In-patient")
_EQUIPMENT = QT_TRANSLATE_NOOP("messages", "Equipment: {equipment}")


def preparation_said(data: Mapping[str, Any], booking_spec: FormSpec, lang: Lang) -> str:
    """The anaesthetic, ASA grade, day case or in-patient, and the equipment a booking records,
    in one line as the printed list gives it under the procedure, the board in its tooltip and
    `downtime theatre list` ("General anaesthetic · ASA 3 · In-patient · Equipment: image
    intensifier"): theatre staff plan the anaesthetic room, recovery, the day unit's discharges
    and the kit from these. "" for a booking with none (of the form's first version)."""
    said = [format_value(booking_spec.field(name), data[name], lang) for name in ("anaesthetic", "asa")
            if data.get(name)]
    if data.get("day_case") is not None:
        said.append(message(lang, _DAY_CASE if data["day_case"] else _IN_PATIENT))
    if data.get("equipment"):
        said.append(message(lang, _EQUIPMENT, equipment=data["equipment"]))
    return " · ".join(said)


def with_length(operation: str, minutes: int, lang: Lang) -> str:
    """An operation with its expected length, as the rescheduling lists give it: the coordinator
    finds it a gap on a list by hand. The number keeps its unit on a line's end (a non-breaking
    space: the printed list's narrow column read "(60" over "min)")."""
    return message(lang, QT_TRANSLATE_NOOP("messages", "{operation} ({length})"), operation=operation,
                   length=f"{minutes}\u00a0min")


def booked_from(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime,
                lang: Lang) -> list[str]:
    """The patient's operations booked or rebooked to begin from `at` on, soonest first, each as
    "Hip hemiarthroplasty, left side, 30/11 08:00, T1": a discharge names them (sent home on
    Saturday for Monday's list, she left not knowing when to come back)."""
    ids = {record.record_id for record in _standing_where(db, ["operation_booking"], "patient_id IN (?)", [patient_id])}
    live = sorted((facts for facts in _replay(db, ids) if facts.status in LIVE and facts.start is not None
                   and facts.start >= at), key=lambda facts: facts.start or at)
    known = sessions(db, {facts.session_id for facts in live if facts.session_id is not None})
    return [message(lang, QT_TRANSLATE_NOOP("messages", "{operation}, {when}, {theatre}"),
                    operation=procedure_and_side(facts.record.data, forms[BOOKING_FORM], lang),
                    when=ward_time(facts.start, None) if facts.start is not None else "",
                    theatre=known[facts.session_id].theatre if facts.session_id in known else "—")
            for facts in live]


def on_a_ward(db: Database, patient_id: str, at: datetime) -> Location | None:
    """The patient's stay on a ward at `at`, as the census puts them (admitted, not yet gone);
    None for a patient at home then, who is called in. Told by the operation's priority, an
    elective patient in bed 4 was offered slots 90 minutes on and sent a letter to present
    themselves, "if you cannot come", and an urgent one sent home the slot starting now."""
    return on_wards(db, [patient_id], at).get(patient_id)


def on_wards(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, Location]:
    """`on_a_ward` of each of these patients on a ward at `at`, read together."""
    return {patient_id: where for patient_id, where in locations(db, at=at, patient_ids=patient_ids).items()
            if where.status is StayStatus.IN}


def suggestions(db: Database, booking_id: str, now: datetime, limit: int = 5, from_day: date | None = None,
                fasted_since: datetime | None = None) -> Suggested:
    """The earliest free slots from the time the patient has fasted for an operation that waits
    for it (`held_to_fast`: under anaesthetic, neither immediate nor urgent), counted from
    `fasted_since`, the time the ward says they have been nil by mouth from, or else from now
    (`fasted_at`: a patient whose operation was cancelled this morning has usually been fed
    since, and was offered the list starting now); for a patient at home, called in, from the
    time they can arrive by (offered the list starting now, they were asked to arrive at a time
    already past), which their fast, kept while travelling, may cover; or from the start of
    `from_day` if later (the day the patient can come), on the lists of the operation's
    specialty: that of the list it was booked on (a list since withdrawn tells none: then every
    list's). `fasted` and `from_home` say which of the two kept sooner slots off, for the dialog
    to say why: a fast said when no list ran before it explained nothing. Read only the sessions
    still to come and the bookings around them (with their lists), not the theatre's whole
    history. A patient whose death is recorded, under any of their numbers (`_deaths`), is
    offered none (a death cannot be recorded for a time to come, so every slot would be after
    it, which the booking check refuses)."""
    asked = max(now, datetime.combine(from_day, time.min, tzinfo=now.tzinfo)) if from_day else now
    coming = _sessions_near(db, asked, asked + timedelta(days=3660))
    around = _near(db, asked, max(s.end for s in coming)) if coming else set()
    replayed = _replay(db, around | {booking_id})
    state, booked = _state(replayed, booking_id), _booked(replayed)
    if (died := _deaths(db, [state.booking.patient_id]).get(state.booking.patient_id)) is not None:
        return Suggested([], None, False, died_at=died)
    # Every list the clash check would know: those to come, and those of the bookings read and
    # the operation's own, ended ones too (an operation a merge left running past its list's end
    # still holds that list's theatre; an ended list offers no slot).
    lists = {state.record.data["session"], *(b.session_id for b in booked if b.session_id is not None)}
    known = [*coming, *sessions(db, lists - {s.session_id for s in coming}).values()]
    booked_on = next((s for s in known if s.session_id == state.record.data["session"]), None)

    def offered(after: datetime, most: int) -> Suggested:
        return suggest_for_specialty(state.booking, booked_on.specialty if booked_on else None, known, booked,
                                     after=after, limit=most, deadline=state.rebook_by)

    # The patient fasts while travelling in: the later of the two, not both added. The fast is
    # said only when it kept a sooner free slot off.
    fasted = fasted_at(now, fasted_since) if held_to_fast(state.record.data) else now
    arriving = now + ARRIVE_BEFORE if on_a_ward(db, state.booking.patient_id, now) is None else now
    ready = max(asked, arriving)
    found = replace(offered(max(ready, fasted), limit), from_home=arriving if arriving > max(asked, fasted) else None)
    if fasted <= ready:
        return found
    sooner = offered(ready, 1)
    kept_off = [*sooner.slots, *sooner.earlier][:1]
    return replace(found, fasted=fasted if kept_off and kept_off[0].start < fasted else None)


def next_free_start(db: Database, session_id: str, now: datetime, minutes: int | None = None) -> datetime | None:
    """Where a new operation of `minutes` (None: not known yet) would begin on this list: its
    first free time on the ward's quarter hours (the theatre's other lists and cancelled
    operations as the clash check sees them), from now on a list under way, else the list's
    start, for the booking check to name what is in the way; None for a list not on this
    laptop. The booking form's planned start was typed whole, date and all, after choosing a
    list that already says both."""
    session = sessions(db, {session_id}).get(session_id)
    if session is None:
        return None
    booked = _booked(_replay(db, _near(db, session.start, session.end)))
    known = sessions(db, {session_id, *(other.session_id for other in booked if other.session_id is not None)})
    probe = Booking("", "", None, None, minutes or 1, "", None)
    after = (max(session.start, now) if now < session.end else session.start).astimezone(now.tzinfo)
    slots = suggest_slots(probe, list(known.values()), booked, after, limit=1,
                          on=lambda candidate: candidate.session_id == session_id)
    return slots[0].start if slots else after


@dataclass(frozen=True)
class ListEntry:
    """A line of a day's theatre list: a booking at its time, or one struck through because
    it was cancelled (or moved) from this list."""

    state: BookingState
    start: datetime
    struck: bool
    theatre: str
    """The theatre of the list the line is on: an operation done in another one says where."""
    clashes: tuple[Clash, ...] = ()
    """What this standing operation clashes with (two laptops' bookings, merged), its session
    first when it stands outside it."""
    reason: CancelReason | None = None
    """Why a struck line left this list: its own cancellation's reason. The operation's latest
    was printed on every day it left (cancelled for the outage on Monday, for the patient unfit
    on its new date: Monday's list said the patient was unfit)."""
    booked_again: tuple[datetime, ...] = ()
    """When the same operation (procedure, on a side it covers) stands booked again for the
    patient, on a line still standing (`day_list`): a second booking was accepted silently and
    both stood on the lists, unmarked. A staged repair is booked so on purpose; each line says
    the other's date, for the coordinator to see which."""
    to_tell: ToTell | None = None
    """Whom to tell, on a line whose patient is still to be told (`day_list` given `now`): the
    board, the printed list and `theatre list` said PATIENT NOT TOLD YET and left the coordinator
    to find the ward or the number on another list."""
    namesakes: tuple[str, ...] = ()
    """The other patients of the day's standing lines, in any theatre, sharing a family name with
    this line's (`_namesakes`), each with their time and theatre ("MARTIN Jeanne 09:00 T1"): Mr
    Martin's left hernia at 08:00 and Mrs Martin's right one at 09:00, from two wards, stood on
    the lists unmarked, where the wards' censuses give the same name alert."""
    after_latex: bool = False
    """A standing line of a patient allergic to latex (`latex_allergic`, their admission's
    allergies or the booking's notes) with an operation of a patient who is not before it in its
    theatre that day (`domain.theatre.after_latex`): a latex-allergic patient booked last was
    accepted, and stood on the lists, with nothing said. Said, not refused: the coordinator moves
    them first."""
    no_checklist: bool = False
    """A standing line of an operation recorded done that no standing WHO surgical safety
    checklist names (the checklist picks its booking): the theatre's paper checklist stayed in
    the notes, the EHR learns nothing of it, and the coordinator gets it from the theatre team
    before back-entry, while they still have it."""
    no_sign_out: bool = False
    """A standing line of an operation recorded done whose safety checklists (`no_checklist`: one
    at least) never answered the Sign out's instrument, swab and needle counts: typed from the
    sign-in and time-out before the patient left, it cleared NO SAFETY CHECKLIST, and a retained
    swab never counted was said nowhere."""
    counts_not_correct: bool = False
    """A standing line of an operation recorded done whose safety checklists answered the Sign
    out's counts NOT correct only (a swab missing, an X-ray asked): it was taken for signed out,
    and the board and the export said nothing of a possibly retained item."""
    other_side_checked: str | None = None
    """The words of a standing line's own WHO checklist naming at its time out another side than
    the one it is booked on now (`other_side_checked`): the side changed on one laptop after the
    other's team checked the site, and the list, the board and the EHR said the other side, with
    nothing said; or its notes confirm the other side (`other_side_confirmed`): the team found the
    booking wrong, and it stayed so."""
    anticoagulated: tuple[Anticoagulated, ...] = ()
    """The anticoagulants of the patient's medication chart that still anticoagulate at the
    operation's start (`_charted`, `domain.medication.anticoagulated_at`), on a standing line:
    apixaban on the chart was said nowhere on the list, and the surgeon and anaesthetist learnt
    of it in theatre, if at all; nor was apixaban held the evening before (stopped, it still
    anticoagulates for 48 hours), whose last dose the anaesthetist times a spinal from."""
    insulins: tuple[str, ...] = ()
    """The insulins the patient's chart has in force at the operation's start, on a standing line
    (`_charted`): a patient on insulin glargine booked last, fasting from midnight, was said
    nowhere on the list, the only way the booking's notes ("e.g. diabetic") someone had to think
    to type."""
    lowering: tuple[tuple[str, Lowering], ...] = ()
    """The glucose-lowering medicines other than insulin the chart has in force at the
    operation's start, each with its day-of-surgery rule (`domain.theatre.lowering`), on a
    standing line (`_charted`): a type 2 on gliclazide and metformin, booked behind another
    patient and fasting from midnight, was said nowhere, and her 08:00 gliclazide was given on
    the round as on any day."""
    parkinsons: tuple[ParkinsonsDose, ...] = ()
    """The time-critical Parkinson's medicines (`domain.medication.time_critical_drug`, insulin
    aside: `parkinsons_medicine`) the chart has in force at the operation's start, each with how
    it goes on through the fast (`parkinsons_in_force`), on a standing line (`_charted`): a patient
    on co-careldopa booked last, fasting from midnight, was said nowhere on the list, and a dose
    missed or late leaves them rigid, unable to swallow, at risk of aspiration and of a
    neuroleptic-malignant-like crisis (Parkinson's UK "Get It On Time"; NICE NG71)."""
    insulin_not_first: bool = False
    """A standing line of a patient on insulin, or on another glucose-lowering medicine
    (`lowering`), or on a time-critical Parkinson's medicine (`time_critical`), with the operation
    of a patient who should go after them before them in their theatre that day
    (`domain.theatre.diabetes_rank`: insulin or a Parkinson's medicine, then a sulfonylurea or an
    SGLT2 inhibitor, then metformin alone, then the others): a patient on insulin goes first on the
    list, to keep the fast and the insulin's change short (CPOC and JBDS-IP, perioperative
    diabetes, 2021), and so does one with Parkinson's, whose doses the fast and the anaesthetic
    put at risk. Said, not refused: the coordinator moves them."""
    overrun: tuple[datetime, datetime] | None = None
    """On the last standing line of a list whose operations, a `TURNOVER` kept between each and
    the next, end past the list's end (`list_overrun`): when they would end, and when the list
    ends. Five 60-minute cases booked back to back in a five-hour list were accepted, and nothing
    on the board, the print or the booking said the list would run an hour late. Said, not
    refused."""

    @property
    def anticoagulants(self) -> tuple[str, ...]:
        """The drugs of `anticoagulated`, by name, as the command line's JSON gives them."""
        return tuple(one.drug for one in self.anticoagulated)

    @property
    def time_critical(self) -> tuple[str, ...]:
        """The medicines of `parkinsons`, each named once, as the command line's JSON gives them
        and as what puts the patient first is read."""
        return tuple(dict.fromkeys(dose.drug for dose in self.parkinsons))

    def hours(self, zone: tzinfo | None, form: str = "%H:%M") -> tuple[str, str]:
        """The start (as `form` gives it) and the expected end (`ends_at`) on the ward's clock
        (`hours_said`)."""
        return hours_said(self.start, self.ends_at(zone), zone, form)

    def ends_at(self, zone: tzinfo | None) -> datetime:
        """When the operation is expected to end, from its expected minutes counted in elapsed
        time and read on the ward's clock (`zone`): 01:00 plus two hours is 04:00 on the night
        summer time begins. The theatre team sees from it when to send for the next patient and
        whether the list will run late."""
        return (self.start.astimezone(timezone.utc) + timedelta(minutes=self.state.minutes)).astimezone(zone)

    def unrecorded(self, now: datetime) -> bool:
        """A line standing whose expected end has passed by `now` with nothing recorded of what
        became of it, done or cancelled: it stayed "booked" for ever, and an operation that
        silently did not take place read as one done."""
        return not self.struck and self.state.status in LIVE and self.ends_at(timezone.utc) <= now

    @property
    def over_clash(self) -> str | None:
        """Why the operation was recorded done in a theatre not free then (`DoneOverClash`), on
        its standing line; None on any other. Kept in the record alone, the coordinator reviewing
        the day saw two operations in one theatre at once with nothing said."""
        done = self.state.done
        return None if self.struck or done is None else (str(done.data.get(OVER_CLASH) or "").strip() or None)

    def clash_text(self, lang: Lang) -> str:
        """Each clash said once, with how many times it is met: twenty laptops each booked
        theatre T1 at 08:00, and each line said "theatre T1 is booked 08:00-09:00" nineteen
        times over (the merged day's list ran to 600 pages)."""
        said = Counter(clash.said.text(lang) for clash in self.clashes)
        return semicolon(lang).join(text if count == 1 else f"{text} (×{count})" for text, count in said.items())


def hours_said(start: datetime, end: datetime, zone: tzinfo | None, form: str = "%H:%M") -> tuple[str, str]:
    """A list's or an operation's start (as `form` gives it) and end, both on the ward's clock
    (`zone`, `ward_time`), whatever offsets they were stored with: one function for the board,
    the printed list and `downtime theatre list`. The command and the board printed a start kept
    in UTC as it was stored and its end on the laptop's clock, "07:00–09:00" for an hour's
    operation at 08:00."""
    return ward_time(start, zone, form), ward_time(end, zone, "%H:%M")


def with_telling(said: str, untold: bool, lang: Lang, to_tell: ToTell | None = None,
                 letter_late: bool = False) -> str:
    """`said` of an operation, then "PATIENT NOT TOLD YET" when its patient is still to be told
    of its cancellation, new date or transfer (`BookingState.untold`), as the board and the
    rescheduling lists say it, and whom to tell when given: the coordinator rings from either,
    and a patient never told of a cancellation comes in fasting. Told by a letter that cannot
    arrive in time (`letter_late`), it says to ring."""
    if not untold:
        return said
    whom = to_tell.said(lang) if to_tell is not None else ""
    said = message(lang, _NOT_TOLD_TELL, status=said, whom=whom) if whom else message(lang, _NOT_TOLD, status=said)
    return message(lang, _LETTER_LATE, said=said) if letter_late else said


def rebooked_from(entry: ListEntry, lang: Lang) -> str | None:
    """"REBOOKED (from 01/12 08:00)" on a rebooked operation's new line, as the printed list,
    the board and `theatre list` say it (`board_status`), with the time (an operation moved
    within its day): they said only "rebooked", and the coordinator looked up on another day's
    list which slot it had left; None on any other line."""
    state = entry.state
    if entry.struck or state.status is not BookingStatus.REBOOKED or state.cancelled_start is None:
        return None
    return message(lang, _REBOOKED_FROM, status=message(lang, STATUS_WORDS[state.status]).upper(),
                   day=ward_time(state.cancelled_start, None))


def left_said(state: BookingState, lang: Lang, call: bool = True) -> str | None:
    """Where a patient who left the hospital before their operation went (`left_before`), in
    place of a ward and bed: the list printed "Ward 3B, bed 12" for a patient discharged home at
    02:44, and a porter went to fetch her. A patient discharged is called on the number to ring
    (`phone_to_call`), unless not `call` (the line says it already, whom to tell of a change);
    one who died, the operation is to be cancelled."""
    left = state.left_before
    if left is None:
        return None
    at, to = ward_time(left.at, None, DATED), left.to.get(lang) if left.to is not None else "?"
    if left.status is StayStatus.DECEASED:
        return message(lang, _LEFT_DIED, at=at)
    if left.status is StayStatus.TRANSFERRED_OUT:
        return message(lang, _LEFT_TRANSFERRED, at=at, hospital=to)
    if not call:
        return message(lang, _LEFT_DISCHARGED_TO, at=at, to=to)
    phone = phone_to_call(state.patient, lang)
    return (message(lang, _LEFT_DISCHARGED, at=at, to=to, phone=phone) if phone
            else message(lang, _LEFT_DISCHARGED_NO_PHONE, at=at, to=to))


def done_said(entry: ListEntry, lang: Lang) -> str | None:
    """"DONE 08:40" on the line of an operation recorded done, as the board, the printed list
    and `downtime theatre list` say it, with the day when it was done on another one than its
    slot's (after midnight on an overnight list), and the theatre when it was done in another
    than its list's ("DONE 09:05 (T3)": the list's T1 read as where it took place); None on any
    other line."""
    done = entry.state.done
    if entry.struck or done is None:
        return None
    local = done.occurred_at.astimezone(entry.start.tzinfo)
    said = message(lang, _DONE_AT, status=message(lang, STATUS_WORDS[BookingStatus.DONE]).upper(),
                   when=f"{local:%H:%M}" if local.date() == entry.start.date() else f"{local:%d/%m %H:%M}")
    done_in = done.data["theatre"]
    return said if theatre_key(done_in) == theatre_key(entry.theatre) else message(lang, _DONE_IN, done=said,
                                                                                      theatre=done_in)


def unrecorded_said(entry: ListEntry, lang: Lang, now: datetime | None) -> list[str]:
    """OUTCOME NOT RECORDED on a line whose operation's expected end has passed by `now` with
    nothing recorded of it (`ListEntry.unrecorded`; no `now`: not asked)."""
    return [message(lang, UNRECORDED)] if now is not None and entry.unrecorded(now) else []


def same_name_said(entry: ListEntry, lang: Lang) -> list[str]:
    """SAME NAME on a line whose patient shares a family name with another of the day's
    (`ListEntry.namesakes`), as `downtime theatre list` says it under the name (the board and the
    printed list in their own words): the command's list said nothing of it."""
    return [message(lang, _SAME_NAME, others=semicolon(lang).join(entry.namesakes))] if entry.namesakes else []


def latex_said(entry: ListEntry, lang: Lang) -> list[str]:
    """LATEX ALLERGY on a line of a latex-allergic patient not first in their theatre that day
    (`ListEntry.after_latex`), as the board and `downtime theatre list` say it (the printed list
    in its own words)."""
    return [message(lang, _AFTER_LATEX)] if entry.after_latex else []


def anticoagulants_named(entry: ListEntry, lang: Lang) -> str:
    """The anticoagulants of a line (`ListEntry.anticoagulated`), one stopped with when:
    "Apixaban (stopped 28/11 21:00)", on the ward's clock (the line's start's)."""
    return ", ".join(one.drug if one.until is None else message(lang, _STOPPED, drug=one.drug,
                                                                 when=ward_time(one.until, entry.start.tzinfo))
                     for one in entry.anticoagulated)


def anticoagulant_said(entry: ListEntry, lang: Lang) -> list[str]:
    """"ANTICOAGULANT: Apixaban" on a standing line of a patient whose chart has one that still
    anticoagulates (`ListEntry.anticoagulated`, `anticoagulants_named`), as the board's patient
    tooltip and `downtime theatre list` say it under the patient (the printed list in its own
    words, under the allergies)."""
    return ([message(lang, _ANTICOAGULANT, drugs=anticoagulants_named(entry, lang))]
            if entry.anticoagulated and not entry.struck else [])


def insulin_said(entry: ListEntry, lang: Lang) -> list[str]:
    """"ON INSULIN: Insulin glargine" on a standing line of a patient whose chart has one in force
    (`ListEntry.insulins`), then each other glucose-lowering medicine with its day-of-surgery rule
    (`lowering_said`), then the time-critical Parkinson's medicines with what is done with them
    through the fast by their route (`ListEntry.parkinsons`, `parkinsons_said`), where `anticoagulant_said` is said: the board's
    patient tooltip, `downtime theatre list` under the patient, the printed list under the
    allergies."""
    if entry.struck:
        return []
    return [*([message(lang, _ON_INSULIN, drugs=", ".join(entry.insulins))] if entry.insulins else []),
            *lowering_said(entry, lang),
            *([message(lang, _ON_TIME_CRITICAL, said=parkinsons_said(entry.parkinsons, lang))] if entry.parkinsons
              else [])]


def lowering_said(entry: ListEntry, lang: Lang) -> list[str]:
    """"ON A SULFONYLUREA: Gliclazide (omit on the morning of surgery)", and likewise metformin and
    an SGLT2 inhibitor, on a standing line (`ListEntry.lowering`)."""
    return [] if entry.struck else [message(lang, _ON_LOWERING[kind], drug=drug) for drug, kind in entry.lowering]


def insulin_first_said(entry: ListEntry, lang: Lang) -> list[str]:
    """"ON INSULIN: put first on the list" on a line of a patient on insulin not first in their
    theatre that day (`ListEntry.insulin_not_first`), where `latex_said` is said; "ON A
    TIME-CRITICAL PARKINSON'S MEDICINE: put first on the list" for one on such a medicine and no
    insulin; "ON DIABETES MEDICINES: put first on the list" for one on another glucose-lowering
    medicine alone. One sentence, for the medicine that puts them first."""
    if not entry.insulin_not_first or entry.struck:
        return []
    return [message(lang, _INSULIN_FIRST if entry.insulins else _TIME_CRITICAL_FIRST if entry.time_critical
                    else _LOWERING_FIRST)]


def past_target(entry: ListEntry) -> bool:
    """A standing line of an operation still to be done whose start is later than its decision
    plus its NCEPOD class's target wait (`TARGET_WAIT`): an immediate, life-saving operation
    booked two days after its decision was accepted, and stood on the lists, with nothing said."""
    state = entry.state
    target = TARGET_WAIT.get(state.priority)
    return (not entry.struck and state.status in LIVE and target is not None
            and instant(entry.start) > instant(state.decided_at) + target)


def late_said(entry: ListEntry, lang: Lang) -> list[str]:
    """"PAST NCEPOD TARGET (decided 28/11 13:30)" on a line past its target (`past_target`), else
    "AFTER REBOOK-BY DATE 26/12/2026" on a rebooked operation's new line later than the date it
    was to be done by (`BookingFacts.rebook_by`, the 28-day standard): once rebooked, the breach
    was said nowhere. The target, when missed, says the stricter of the two. A first booking later
    than its own deadline (a clinical priority's, a cancer target's) says "BOOKED AFTER ITS
    DEADLINE": a P1a due within 24 hours, booked three days on, stood with nothing said."""
    state = entry.state
    if past_target(entry):
        return [message(lang, _PAST_TARGET, when=ward_time(state.decided_at, entry.start.tzinfo))]
    if (not entry.struck and state.status in LIVE and state.rebook_by is not None
            and instant(entry.start) > instant(state.rebook_by)):
        return [message(lang, _AFTER_REBOOK_BY if state.status is BookingStatus.REBOOKED else _AFTER_DEADLINE,
                        day=deadline_said(state.rebook_by))]
    return []


def contradiction_said(entry: ListEntry, lang: Lang) -> list[str]:
    """REBOOKED TWICE (with both dates), REBOOKED AND TRANSFERRED or CANCELLED AND DONE on the
    lines of an operation two laptops' records contradict (`contradictions`), until one record is
    withdrawn: the lines of the dates the rebookings gave (not the date the operation was first
    cancelled from, which neither laptop holds), and the line of the slot it was done in and of
    any date given after; then CANCELLED ON TWO LAPTOPS (`cancelled_again_said`)."""
    state = entry.state
    given = state.rebooked_twice
    said: list[str] = []
    if any(instant(entry.start) == instant(start) for start in given):
        dates = ", ".join(ward_time(start, None) for start in given)
        said = [message(lang, _REBOOKED_AND_TRANSFERRED, dates=dates, hospital=state.transferred_to or "—")
                if state.status is BookingStatus.TRANSFERRED else message(lang, _REBOOKED_TWICE, dates=dates)]
    elif state.status is BookingStatus.DONE and (state.cancelled_and_done is not None or state.moved_after_done):
        cancelled = (ward_time(state.cancelled_and_done.occurred_at, None) if state.cancelled_and_done is not None
                     else "—")
        said = [message(lang, _DONE_THEN_MOVED, cancelled=cancelled, moved=moved_said(state, lang))
                if state.moved_after_done else message(lang, _CANCELLED_AND_DONE, cancelled=cancelled)]
    return [*said, *cancelled_again_said(entry, lang)]


def cancelled_again_said(entry: ListEntry, lang: Lang) -> list[str]:
    """CANCELLED ON TWO LAPTOPS, with the date named and when it was cancelled again, for each
    cancellation of a date no longer standing (`BookingFacts.cancelled_again`), until withdrawn:
    on the struck line of the date it names, and on the operation's standing line, the date the
    patient must be rung with; CANCELLED TWICE, with when it was first cancelled, for a duplicate
    (`cancelled_before`), which asks no call."""
    standing = not entry.struck and entry.state.status in PLACED
    zone = entry.start.tzinfo
    found = []
    for again in entry.state.cancelled_again:
        named = slot_named(again)
        if named is None or not (standing or ((left := left_named(entry.state, again)) is not None
                                              and instant(left.start) == instant(entry.start))):
            continue
        said = {"named": ward_time(named, zone),
                "cancelled": ward_time(again.occurred_at, zone)}
        first = cancelled_before(entry.state, again)
        found.append(message(lang, _CANCELLED_AGAIN, **said) if first is None else message(
            lang, _CANCELLED_DUPLICATE, **said, first=ward_time(first.occurred_at, zone)))
    return found


def moved_said(facts: BookingFacts, lang: Lang) -> str:
    """What became of an operation after it was recorded done, by the records set aside
    (`BookingFacts.moved_after_done`): "rebooked to 02/12 08:00", "transferred to Hôpital Nord"."""
    return ", ".join(message(lang, _MOVED_TO[moved.data["outcome"]], to=(
        ward_time(datetime.fromisoformat(moved.data['planned_start']), None) if moved.data["outcome"] == "rebooked"
        else moved.data.get("other_hospital") or "—")) for moved in facts.moved_after_done)


def overrun_said(entry: ListEntry, lang: Lang) -> list[str]:
    """LIST OVERRUNS on the last line of a list that runs past its end once turnovers are counted
    (`ListEntry.overrun`), with when it would end and when the list ends, on the list's clock."""
    if entry.overrun is None:
        return []
    ends, list_end = (moment.astimezone(entry.start.tzinfo) for moment in entry.overrun)
    return [message(lang, _OVERRUNS, end=f"{ends:%H:%M}", minutes=int(TURNOVER.total_seconds() // 60),
                    list_end=f"{list_end:%H:%M}")]


def line_flags(entry: ListEntry, lang: Lang) -> list[str]:
    """What a standing line of a day list says after its status, in the same words on the board,
    the printed list and `downtime theatre list`: an operation done with no safety checklist
    recorded (`ListEntry.no_checklist`), one whose checklist's time out names another side than the
    one booked now (`ListEntry.other_side_checked`), none signed out (`ListEntry.no_sign_out`) or its counts NOT
    correct (`ListEntry.counts_not_correct`), one past its NCEPOD target or its rebook-by date
    (`late_said`), why one was recorded over a clash (`ListEntry.over_clash`), then, these safety
    flags first, a list that overruns (`overrun_said`), where its patient went if they left the
    hospital before it (`left_said`), and the other dates the same operation is booked on. First,
    on a struck line too, what two laptops' records contradict (`contradiction_said`)."""
    contradicted = contradiction_said(entry, lang)
    if entry.struck:
        return contradicted
    left = left_said(entry.state, lang, call=not (entry.state.untold and entry.to_tell is not None
                                                   and entry.to_tell.said(lang)))
    other_side = ([] if not entry.other_side_checked
                  else [message(lang, _OTHER_SIDE_ON_LIST, words=entry.other_side_checked)] if entry.state.done is None
                  else [message(lang, _OTHER_SIDE_DONE_ON_LIST, words=entry.other_side_checked,
                                operated=message(lang, _SIDES_SAID[side_operated(entry.state.done, entry.state.record.data)]))])
    unchecked = ([message(lang, _NO_CHECKLIST)] if entry.no_checklist
                 else [message(lang, _NO_SIGN_OUT)] if entry.no_sign_out
                 else [message(lang, _COUNTS_NOT_CORRECT)] if entry.counts_not_correct else [])
    over_clash = [message(lang, _DONE_OVER_CLASH, reason=entry.over_clash)] if entry.over_clash else []
    return [*contradicted, *other_side, *late_said(entry, lang), *unchecked, *over_clash, *overrun_said(entry, lang),
            *([left] if left else []),
            *(message(lang, _ALSO_BOOKED, when=ward_time(when, None)) for when in entry.booked_again)]


def alerts(entry: ListEntry, lang: Lang, now: datetime | None = None) -> list[str]:
    """What the board and `downtime theatre list` say of a line after its status and whether its
    patient was told: a latex-allergic patient, or one on insulin, not first in the theatre
    (`latex_said`, `insulin_first_said`), an operation past with nothing recorded of it by `now`
    (`unrecorded_said`), then `line_flags`."""
    return [*latex_said(entry, lang), *insulin_first_said(entry, lang), *unrecorded_said(entry, lang, now),
            *line_flags(entry, lang)]


def flagged(entry: ListEntry, lang: Lang, now: datetime) -> list[str]:
    """What the board flags on an operation's line, in its words (`alerts`, then the same-name
    alert it gives beside the name), as the coordinator who has just booked or rebooked it is
    told at once (`booking_line`): a latex-allergic patient booked second, or a second MARTIN
    on the day, was accepted with nothing said, and only the board said it later. Said, never
    refused. Its status and whom to tell are left out: the coordinator has just set the one,
    and is told the other as the rebooking is saved. A clash is not among them: a booking or
    rebooking that clashes is refused."""
    return [*alerts(entry, lang, now), *same_name_said(entry, lang)]


def booking_line(db: Database, forms: dict[str, FormSpec], booking_id: str, now: datetime) -> ListEntry | None:
    """The standing line of this operation on its list's day board, as `day_list` reads it (its
    namesakes and the latex order across the day's lists), carrying its list's overrun
    (`ListEntry.overrun`, which the board says on the list's last line alone): the coordinator
    whose 08:00 booking made the list overrun was told nothing, the flag going to the 11:30 line
    nobody touched. None for one not standing on a list (cancelled, transferred, or its list
    withdrawn)."""
    facts = booking_facts(db, booking_id)
    listed = sessions(db, {facts.session_id}).get(facts.session_id) if facts.session_id is not None else None
    if listed is None or facts.status not in PLACED:
        return None
    for _, entries in day_list(db, forms, listed.start.date(), listed.theatre, now=now):
        for entry in entries:
            if not entry.struck and entry.state.record.record_id == booking_id:
                return replace(entry, overrun=next((e.overrun for e in entries if e.overrun is not None), None))
    return None


def board_status(entry: ListEntry, lang: Lang, now: datetime | None = None) -> str:
    """A day list line's status as the board on screen and `downtime theatre list` say it: the
    slot a rebooked operation left (`rebooked_from`), when an operation done was done
    (`done_said`), the hospital a transferred operation went to, a patient not yet told of the
    new date (on its new line and on the struck one it left, where the coordinator works through
    the day the outage cancelled), then its `alerts` (a latex-allergic patient not first in the
    theatre, an operation past with nothing recorded of it by `now`, one done with no safety
    checklist, where a patient gone from the hospital went, the same operation booked again), a
    clash (each said it its own way, the command line with no hospital).
    The struck line an operation rebooked then done left says it was rebooked, as before."""
    state = entry.state
    shown = BookingStatus.REBOOKED if entry.struck and state.status is BookingStatus.DONE else state.status
    status = message(lang, STATUS_WORDS[shown])
    status = rebooked_from(entry, lang) or done_said(entry, lang) or (status.upper() if entry.struck else status)
    if state.status is BookingStatus.TRANSFERRED and state.transferred_to:
        status = message(lang, _TRANSFERRED_TO, status=status, hospital=state.transferred_to)
    status = " — ".join([with_telling(status, state.untold, lang, entry.to_tell, state.letter_late),
                         *alerts(entry, lang, now)])
    if entry.clashes:
        status = message(lang, _CLASH if entry.state.done is None else _CLASH_DONE, status=status,
                         clashes=entry.clash_text(lang))
    return status


def day_list(db: Database, forms: dict[str, FormSpec], day: date, theatre: str | None = None,
             replayed: list[BookingFacts] | None = None,
             now: datetime | None = None) -> list[tuple[TheatreSession, list[ListEntry]]]:
    """Each session of the day (one theatre or all) with its bookings in time order. Only the
    sessions near the day are read, and (unless `replayed`) only the bookings around them and
    those booked on them. Given `now`, each line still to tell says whom (`whom_to_tell`). One
    theatre's lines name its patients' namesakes in every theatre of the day (`_namesakes`), and
    say a latex-allergic patient not first in it (`_after_latex`), its other lists of the day
    counted too: a latex-allergic patient first on the afternoon's list follows the morning's.
    Its operations done say whether a safety checklist names them (`_unchecked`)."""
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc)
    near = _sessions_near(db, midnight - timedelta(days=1), midnight + timedelta(days=2))
    chosen = sorted((s for s in near if s.start.date() == day
                     and (theatre is None or theatre_key(s.theatre) == theatre_key(theatre))),
                    key=lambda s: (theatre_order(s.theatre), s.start))
    if not chosen:
        return []
    entries: dict[str, list[ListEntry]] = {s.session_id: [] for s in near if s.start.date() == day}
    if replayed is None:
        # Those booked on the day's lists too: one a merge left outside its list (one laptop
        # shortened it, the other booked on what it cut) is not around the lists' hours.
        on_lists = _booking_ids(db, f"json_extract(data, '$.session') IN ({marks(entries)})", list(entries))
        replayed = _replay(db, _near(db, min(s.start for s in chosen), max(s.end for s in chosen)) | on_lists)
    meets: dict[str, tuple[Clash, ...]] = {}
    known = {s.session_id: s for s in near}
    for pair in standing_clashes(replayed, known):
        for facts, met in ((pair.first, pair.first_meets), (pair.second, pair.second_meets)):
            meets[facts.record.record_id] = meets.get(facts.record.record_id, ()) + met
    for left in standing_outside(replayed, known):
        meets[left.facts.record.record_id] = (left.clash, *meets.get(left.facts.record.record_id, ()))
    probable = probably_one_patient(replayed, known, _probable_among(db, replayed))
    numbers = downtime_numbers(db, {str(facts.record.patient_id) for pair in probable for facts, _ in pair.sides})
    for pair in probable:
        for facts, other in ((pair.first, pair.second), (pair.second, pair.first)):
            meets[facts.record.record_id] = meets.get(facts.record.record_id, ()) + (
                pair.met(other, numbers[str(other.record.patient_id)]),)
    for state in bookings(db, forms, lambda facts: facts.session_id in entries
                          or any(slot.session_id in entries for slot in facts.cancelled_from)
                          or any(over.data["session"] in entries for over in facts.struck_rebookings), replayed):
        if state.session_id in entries and state.start is not None:
            entries[state.session_id].append(ListEntry(state, state.start, struck=False, theatre=known[state.session_id].theatre,
                                                       clashes=meets.get(state.record.record_id, ())))
        # One struck line per session it left, at the last time it was planned there.
        left: dict[str, tuple[datetime, CancelReason | None]] = {
            slot.session_id: (slot.start, slot.reason) for slot in state.cancelled_from
            if slot.session_id in entries and slot.session_id != state.session_id}
        # The slots of rebookings replaced by another laptop's, or set aside by the operation
        # done (`struck_rebookings`), struck: MOVED.
        left |= {over.data["session"]: (datetime.fromisoformat(over.data["planned_start"]), None)
                 for over in state.struck_rebookings if over.data["session"] in entries
                 and over.data["session"] != state.session_id}
        for session_id, (start, reason) in left.items():
            entries[session_id].append(ListEntry(state, start, struck=True, theatre=known[session_id].theatre,
                                                 reason=reason))
    same_name = _namesakes([entry for listed in entries.values() for entry in listed])
    latex = _after_latex([entry for listed in entries.values() for entry in listed])
    standing = {entry.state.record.record_id: entry.state for s in chosen for entry in entries[s.session_id]
                if not entry.struck}
    named = _by_booking(_standing_where(db, [CHECKLIST_FORM], "json_extract(data, '$.booking') IN (?)", standing))
    unchecked, unsigned, miscounted = _unchecked(named, {booking_id: state for booking_id, state in standing.items()
                                                         if state.done is not None})
    booked = sides_booked(db, named.keys() & standing.keys())
    moved = {booking_id: checked[1] for booking_id, state in standing.items()
             if (checked := other_side_checked(state, named, booked)) is not None}
    other_side = {booking_id: words for booking_id, state in standing.items()
                  if (words := moved.get(booking_id) or other_side_confirmed(state, named)) is not None}
    # The day's lists all read, as for latex: a patient on insulin first on the afternoon's list follows the morning's.
    # A patient on a time-critical Parkinson's medicine goes first as one on insulin does.
    charted, insulins, lowered, critical = _charted(db, [entry for listed in entries.values() for entry in listed
                                                         if not entry.struck])
    insulin_late = _after_others([entry for listed in entries.values() for entry in listed], lambda entry: diabetes_rank(
        entry.state.record.record_id in insulins or entry.state.record.record_id in critical,
        (kind for _, kind in lowered.get(entry.state.record.record_id, ()))))
    entries = {s.session_id: [replace(entry, namesakes=same_name.get(entry.state.record.record_id, ()),
                                      after_latex=entry.state.record.record_id in latex,
                                      no_checklist=entry.state.record.record_id in unchecked,
                                      no_sign_out=entry.state.record.record_id in unsigned,
                                      counts_not_correct=entry.state.record.record_id in miscounted,
                                      other_side_checked=other_side.get(entry.state.record.record_id),
                                      anticoagulated=charted.get(entry.state.record.record_id, ()),
                                      insulins=insulins.get(entry.state.record.record_id, ()),
                                      lowering=lowered.get(entry.state.record.record_id, ()),
                                      parkinsons=critical.get(entry.state.record.record_id, ()),
                                      insulin_not_first=entry.state.record.record_id in insulin_late)
                              if not entry.struck else entry for entry in entries[s.session_id]] for s in chosen}
    for listed in chosen:
        standing = [entry for entry in entries[listed.session_id] if not entry.struck]
        if standing and (ends := list_overrun(listed, [(entry.state.done_at or entry.start, entry.state.minutes,
                                                         entry.state.done_at is not None) for entry in standing])):
            last = max(standing, key=lambda entry: instant(entry.start))
            entries[listed.session_id] = [replace(entry, overrun=(ends, listed.end)) if entry is last else entry
                                          for entry in entries[listed.session_id]]
    again = _booked_again(db, [entry.state for listed in entries.values() for entry in listed if not entry.struck])
    entries = {session_id: [replace(entry, booked_again=again.get(entry.state.record.record_id, ()))
                            if not entry.struck else entry for entry in listed] for session_id, listed in entries.items()}
    if now is not None:
        untold = {entry.state.patient.patient_id: entry.state.patient for listed in entries.values()
                  for entry in listed if entry.state.untold}
        tell = whom_to_tell(db, list(untold.values()), now)
        entries = {session_id: [replace(entry, to_tell=tell[entry.state.patient.patient_id]) if entry.state.untold
                                else entry for entry in listed] for session_id, listed in entries.items()}
    return [(s, sorted(entries[s.session_id], key=lambda e: e.start)) for s in chosen]


def _namesakes(lines: Collection[ListEntry]) -> dict[str, tuple[str, ...]]:
    """For each standing line (by booking) whose patient shares a family name, birth or used,
    with the patient of another standing line of the day, those others (`ListEntry.namesakes`),
    in time order. The same name as the wards' census has it (census.name_alerts: folded, so
    "Lefèvre" is "LEFEVRE"), across the whole day rather than a ward: the two come to theatre
    from anywhere. One person under two numbers the records office linked is no namesake, nor is
    a patient with two operations that day."""
    standing = [entry for entry in lines if not entry.struck]
    found = namesakes(standing, lambda entry: entry.state.patient.family_names, person=_person)
    return {entry.state.record.record_id: tuple(
        f"{other.state.patient.display_name} {other.start:%H:%M} {other.theatre}"
        for other in sorted(others, key=lambda e: (e.start, theatre_order(e.theatre))))
        for entry, others in zip(standing, found) if others}


def _after_latex(lines: Collection[ListEntry]) -> set[str]:
    """The standing lines (by booking) of latex-allergic patients with another patient's
    operation before them in their theatre that day (`ListEntry.after_latex`). Struck lines do
    not count: a cancelled operation does not take place before them. A latex allergy written in
    the booking's notes counts as one the admission recorded: the notes' label asks for it there
    ("e.g. latex allergy"), and one written so was read by nothing."""
    return _after_others(lines, lambda entry: 0 if latex_allergic([*entry.state.patient.allergies,
                                                                   str(entry.state.record.data.get("notes") or "")])
                         else None)


def _after_others(lines: Collection[ListEntry], rank: Callable[[ListEntry], int | None]) -> set[str]:
    """The standing lines (by booking) of patients who go early on a list (`rank`, 0 first; None:
    anywhere) with the operation of a patient ranked later, or not at all, before them in their
    theatre that day (`domain.theatre.behind_later_ranks`: one after others of its rank or
    earlier is not)."""
    by_theatre: dict[str, list[ListEntry]] = {}
    for entry in lines:
        if not entry.struck:
            by_theatre.setdefault(theatre_key(entry.theatre), []).append(entry)
    found: set[str] = set()
    for standing in by_theatre.values():
        standing.sort(key=lambda e: e.start)
        found |= {entry.state.record.record_id
                  for entry, late in zip(standing, behind_later_ranks(map(rank, standing))) if late}
    return found


def other_side_checked(facts: BookingFacts, named: Mapping[str, list[RecordVersion]],
                       booked: Mapping[str, Collection[str]]) -> tuple[RecordVersion, str] | None:
    """The first of an operation's own standing checklists (`checklists_of_done`, of `named`: by
    booking) whose time out names another side than the one it is booked on now (with those
    words, `checklist_other_side`) and agrees with a side it was booked on before (`booked`,
    `sides_booked`): its side changed after the time out, on another laptop. None where none
    does: a checklist whose notes answered the question by an earlier rule ("Site checked with
    the team"), its side never changed, was flagged as though the side had moved under it."""
    before = [{**facts.record.data, "laterality": side} for side in booked.get(facts.record.record_id, ())
              if side != facts.record.data["laterality"]]
    return next(((checklist, words) for checklist in checklists_of_done(named.get(facts.record.record_id, []),
                                                                        facts.cancelled_at)
                 if (words := checklist_other_side(facts.record.data, checklist.data)) is not None
                 and any(checklist_other_side(data, checklist.data) is None for data in before)), None)


def sides_booked(db: Database, booking_ids: Collection[str]) -> dict[str, set[str]]:
    """Every side each of these bookings was given by any of its versions (`other_side_checked`)."""
    return {record_id: {str(version.data["laterality"]) for version in versions}
            for record_id, versions in histories(db, booking_ids).items()}


def _by_booking(checklists: Collection[RecordVersion]) -> dict[str, list[RecordVersion]]:
    """Checklists by the booking each names (none: left out)."""
    named: dict[str, list[RecordVersion]] = {}
    for record in checklists:
        if record.data.get("booking"):
            named.setdefault(str(record.data["booking"]), []).append(record)
    return named


def _unchecked(named: Mapping[str, list[RecordVersion]], done: Mapping[str, BookingFacts]
               ) -> tuple[set[str], set[str], set[str]]:
    """Of these operations recorded done (by booking), those no safety checklist counts for
    (`checklists_of_done`, `ListEntry.no_checklist`), those whose checklists never answered the
    Sign out's counts (`ListEntry.no_sign_out`), and those whose checklists answered them NOT
    correct (`ListEntry.counts_not_correct`), by `sign_out_gap`, of their standing checklists
    (`named`: by booking)."""
    counted = {booking_id: checklists_of_done(named.get(booking_id, []), facts.cancelled_at)
               for booking_id, facts in done.items()}
    gaps = {booking_id: sign_out_gap(checklists) for booking_id, checklists in counted.items() if checklists}
    return ({booking_id for booking_id, checklists in counted.items() if not checklists},
            {booking_id for booking_id, gap in gaps.items() if gap == COUNTS_UNANSWERED},
            {booking_id for booking_id, gap in gaps.items() if gap == COUNTS_NOT_CORRECT})


SIGN_OUT_COUNTS = "counts_correct"
"""The Sign out's instrument, swab and needle counts, which a checklist typed before the patient
left theatre leaves unanswered (`sign_out_gap`)."""
COUNTS_UNANSWERED, COUNTS_NOT_CORRECT = "unanswered", "not_correct"


def checklists_of_done(checklists: Collection[RecordVersion], cancelled_at: datetime | None) -> list[RecordVersion]:
    """The standing checklists naming an operation done that are its own: signed in after its
    last cancellation (`cancelled_at`; the sign-in of an attempt stopped in the anaesthetic room
    cleared the operation done days later, whose own checklist nobody had). One signed in after
    the done time counts: the paper's sign-in is the team's record, the done time often the
    slot's, kept from the dialog (asked about on both: `check_checklist`, `_refuse_done_before_signed_in`).
    The board and the export read them alike."""
    return [record for record in checklists if record.status is not RecordStatus.ENTERED_IN_ERROR
            and (cancelled_at is None or instant(record.occurred_at) > instant(cancelled_at))]


def sign_out_gap(checklists: Collection[RecordVersion]) -> str | None:
    """What an operation's checklists (each its latest version) leave wanting of the Sign out's
    counts (`SIGN_OUT_COUNTS`): nothing where the checklist signed in last says correct or not
    applicable, `COUNTS_NOT_CORRECT` where it says NOT correct, `COUNTS_UNANSWERED` where none
    answers them. The sign-in orders them because the form has no sign-out time of its own, and
    the typing time is not when it was said: a paper checklist back-entered hours later, ticked
    correct before the swab was found missing, silenced the count found wrong. So a NOT correct
    wins a tie on the sign-in, and clears only by its own amendment (the swab found) or a
    checklist signed in after it."""
    answered = [record for record in checklists if record.data.get(SIGN_OUT_COUNTS)]
    if not answered:
        return COUNTS_UNANSWERED
    latest = max(answered, key=lambda record: (instant(record.occurred_at),
                                               record.data[SIGN_OUT_COUNTS] == "not_correct",
                                               instant(record.recorded_at)))
    return COUNTS_NOT_CORRECT if latest.data[SIGN_OUT_COUNTS] == "not_correct" else None


def _charted(db: Database, standing: Collection[ListEntry]) -> tuple[
        dict[str, tuple[Anticoagulated, ...]], dict[str, tuple[str, ...]], dict[str, tuple[tuple[str, Lowering], ...]],
        dict[str, tuple[ParkinsonsDose, ...]]]:
    """For each standing line (by booking) whose patient's chart has an anticoagulant that still
    anticoagulates at its start, running or stopped shortly before (`ListEntry.anticoagulated`),
    an insulin in force, those (`ListEntry.insulins`), another glucose-lowering medicine in
    force, those (`ListEntry.lowering`), and a time-critical Parkinson's medicine in force, those
    (`ListEntry.time_critical`):
    the day's patients' charts read at once, as at the day's last start (the orders of a stay
    ended before it ended with it)."""
    if not standing:
        return {}, {}, {}, {}
    latest = max((entry.start for entry in standing), key=instant)
    orders = medication.orders_of_each(db, {str(entry.state.record.patient_id) for entry in standing}, latest)
    anticoagulated = {entry.state.record.record_id: anticoagulated_at(orders[str(entry.state.record.patient_id)],
                                                                      entry.start) for entry in standing}
    insulins = {entry.state.record.record_id: medicines_in_force(orders[str(entry.state.record.patient_id)],
                                                                 entry.start, insulin) for entry in standing}
    fasting_nil = medication.recorded_nil_by_mouth(db, [entry.state.patient.patient_id for entry in standing])
    critical = {entry.state.record.record_id: parkinsons_in_force(orders[str(entry.state.record.patient_id)],
                                                                  entry.start,
                                                                  str(entry.state.record.patient_id) in fasting_nil)
                for entry in standing}
    lowered = {entry.state.record.record_id: _lowering(orders[str(entry.state.record.patient_id)], entry.start)
               for entry in standing}
    return ({booking_id: drugs for booking_id, drugs in anticoagulated.items() if drugs},
            {booking_id: drugs for booking_id, drugs in insulins.items() if drugs},
            {booking_id: drugs for booking_id, drugs in lowered.items() if drugs},
            {booking_id: drugs for booking_id, drugs in critical.items() if drugs})


def medicines_in_force(orders: Collection[Order], at: datetime, kind: Callable[[str], bool]) -> tuple[str, ...]:
    """The medicines of `orders` of `kind` (by name: `insulin`) in force
    `at`, each named once as ordered."""
    return tuple(dict.fromkeys(order.drug for order in orders if order.active_at(at) and kind(order.drug)))


class ThroughTheFast(StrEnum):
    """How a time-critical Parkinson's dose goes on through a patient's fast, by its route and the
    patient's diet (`through_the_fast`): "with sips of water" was said of every route, a patch
    and an apomorphine pump included, and of a patient whose admission records nil by mouth (a
    failed swallow screen), whom water may choke."""

    SIPS = "sips"
    """By mouth (`NIL_BY_MOUTH_ROUTES`), the patient not recorded nil by mouth."""
    ANOTHER_ROUTE = "another_route"
    """By mouth, the patient's admission recording nil by mouth: the doctor asked for another
    route (a tube, a patch) now, not at the first dose missed."""
    TUBE = "tube"
    """By nasogastric tube: given by the tube, no swallow."""
    PATCH = "patch"
    """Transdermal: kept on through the fast and the operation."""
    PUMP = "pump"
    """Infused (an apomorphine pump): kept running."""
    ON_TIME = "on_time"
    """Any other route (an injection, rectal, a route not known): each dose on time."""


class ParkinsonsDose(NamedTuple):
    """A time-critical Parkinson's medicine in force and how it goes on through the fast."""

    drug: str
    how: ThroughTheFast


PARKINSONS_WORDS: dict[ThroughTheFast | str, dict[Lang, str]] = {
    ThroughTheFast.SIPS: {"en": "{drugs}: give each dose on time through the fast, with sips of water",
                          "fr": "{drugs} : donner chaque prise à l’heure pendant le jeûne, avec une gorgée d’eau"},
    ThroughTheFast.ANOTHER_ROUTE: {
        lang: labelled("{drugs}", words.format(nil_by_mouth=medication.NIL_BY_MOUTH_ON_ADMISSION[lang],
                                               another_route=medication.ANOTHER_ROUTE[lang]), lang)
        for lang, words in {"en": "ordered by mouth, but {nil_by_mouth}: {another_route}",
                            "fr": "prescrit par la bouche, mais {nil_by_mouth} : {another_route}"}.items()},
    ThroughTheFast.TUBE: {"en": "{drugs}: give each dose on time through the fast, by the tube",
                          "fr": "{drugs} : donner chaque prise à l’heure pendant le jeûne, par la sonde"},
    ThroughTheFast.PATCH: {"en": "{drugs}: keep the patch on through the fast and the operation",
                           "fr": "{drugs} : garder le patch pendant le jeûne et l’opération"},
    ThroughTheFast.PUMP: {"en": "{drugs}: keep the pump running on time through the fast and the operation",
                          "fr": "{drugs} : laisser la pompe tourner au débit prescrit pendant le jeûne et l’opération"},
    ThroughTheFast.ON_TIME: {"en": "{drugs}: give each dose on time through the fast",
                             "fr": "{drugs} : donner chaque prise à l’heure pendant le jeûne"},
    "cannot_swallow": {"en": "a dose the patient cannot swallow: plan another route",
                       "fr": "une prise que le patient ne peut pas avaler : prévoir une autre voie"},
}
"""What is done with a Parkinson's medicine through the fast, by how it is given, then what to do
of a dose by mouth the patient cannot swallow: one wording for the theatre list and the ward's
THEATRE line (services.printing.theatre_handover)."""


def through_the_fast(order: Order, nil_by_mouth: bool) -> ThroughTheFast:
    """How `order`'s doses go on through the fast (`ThroughTheFast`), the patient's admission
    recording them nil by mouth or not (`nil_by_mouth`)."""
    route = route_code(order.route)
    if route in NIL_BY_MOUTH_ROUTES:
        return ThroughTheFast.ANOTHER_ROUTE if nil_by_mouth else ThroughTheFast.SIPS
    if route == "NG":
        return ThroughTheFast.TUBE
    if route == "TD":
        return ThroughTheFast.PATCH
    return ThroughTheFast.PUMP if infused(order) else ThroughTheFast.ON_TIME


def parkinsons_in_force(orders: Collection[Order], at: datetime, nil_by_mouth: bool) -> tuple[ParkinsonsDose, ...]:
    """The time-critical Parkinson's medicines of `orders` in force `at` (`parkinsons_medicine`),
    each with how it goes on through the fast (`through_the_fast`), each once."""
    return tuple(dict.fromkeys(ParkinsonsDose(order.drug, through_the_fast(order, nil_by_mouth)) for order in orders
                               if order.active_at(at) and parkinsons_medicine(order.drug)))


def parkinsons_said(doses: Collection[ParkinsonsDose], lang: Lang) -> str:
    """"Co-careldopa 25/100: give each dose on time through the fast, with sips of water; a dose
    the patient cannot swallow: plan another route": the medicines grouped by how they go on
    through the fast (`PARKINSONS_WORDS`), the last clause only when one is swallowed. The one
    wording of the theatre list (`insulin_said`) and the ward's THEATRE line."""
    hows = dict.fromkeys(dose.how for dose in doses)
    return semicolon(lang).join([
        *(PARKINSONS_WORDS[how][lang].format(drugs=", ".join(dose.drug for dose in doses if dose.how is how))
          for how in hows),
        *([PARKINSONS_WORDS["cannot_swallow"][lang]] if ThroughTheFast.SIPS in hows else [])])


def _lowering(orders: Collection[Order], at: datetime) -> tuple[tuple[str, Lowering], ...]:
    """The glucose-lowering medicines of `orders` in force `at`, insulin aside, each named once
    as ordered with each of its day-of-surgery rules (`domain.theatre.lowering`)."""
    return tuple(dict.fromkeys((order.drug, kind) for order in orders if order.active_at(at) and not insulin(order.drug)
                               for kind in lowering(order.drug)))


def _person(entry: ListEntry) -> str:
    """Who a line's patient is: the EHR patient their number is linked to (`_as_people`), else
    the number."""
    return entry.state.person or str(entry.state.record.patient_id)


def not_recorded(db: Database, forms: dict[str, FormSpec], now: datetime) -> list[tuple[TheatreSession, list[ListEntry]]]:
    """Every operation of any day standing in a slot whose expected end has passed by `now`,
    with nothing recorded of what became of it (`ListEntry.unrecorded`), list by list in time
    order: the board's "Past, not recorded", which the coordinator clears at the end of the day
    (done, or cancelled: it did not take place). Only the bookings placed before now are read."""
    placed = "julianday(json_extract(data, '$.planned_start')) < julianday(?)"
    replayed = [facts for facts in _replay(db, _booking_ids(db, placed, [now.isoformat()])) if facts.status in LIVE]
    known = sessions(db, {facts.session_id for facts in replayed if facts.session_id is not None})
    found: dict[str, list[ListEntry]] = {}
    for state in bookings(db, forms, lambda facts: facts.session_id in known, replayed):
        assert state.session_id is not None and state.start is not None
        entry = ListEntry(state, state.start, struck=False, theatre=known[state.session_id].theatre)
        if entry.unrecorded(now):
            found.setdefault(state.session_id, []).append(entry)
    chosen = sorted((known[session_id] for session_id in found), key=lambda s: (s.start, theatre_order(s.theatre)))
    return [(listed, sorted(found[listed.session_id], key=lambda e: e.start)) for listed in chosen]


def _booked_again(db: Database, live: Collection[BookingFacts]) -> dict[str, tuple[datetime, ...]]:
    """For each of these standing operations booked again for its patient (`ListEntry.booked_again`),
    when the others start: only these patients' bookings are read."""
    if not live:
        return {}
    theirs = _standing_where(db, ["operation_booking"], "patient_id IN (?)", {str(facts.record.patient_id) for facts in live})
    standing: dict[str, list[BookingFacts]] = {}
    for facts in _replay(db, {record.record_id for record in theirs}):
        if facts.status in LIVE and facts.start is not None:
            standing.setdefault(str(facts.record.patient_id), []).append(facts)
    found = {}
    for facts in live:
        others = sorted(other.start for other in standing.get(str(facts.record.patient_id), [])
                        if other.start is not None and _same_operation(other.record, facts.record.data, facts.record.record_id))
        if others:
            found[facts.record.record_id] = tuple(others)
    return found


def board(db: Database, forms: dict[str, FormSpec], day: date, now: datetime) -> tuple[
        list[tuple[TheatreSession, list[ListEntry]]], tuple[list[WaitingItem], list[WaitingItem]]]:
    """The theatre tab's day board and rescheduling list (`rescheduling`): the day's bookings and the cancelled
    ones replayed, not the hospital's whole theatre history (a quarter of a second at a
    records office's scale, after every save with the tab in view)."""
    cancelled = {row[0] for row in db.execute(
        "SELECT json_extract(data, '$.booking') FROM current_records WHERE form_id = 'operation_cancellation'"
        " AND status != ?", [RecordStatus.ENTERED_IN_ERROR.value])}
    return day_list(db, forms, day), rescheduling(db, forms, now, _replay(db, cancelled))


LIST_PRINTED = "theatre list"
"""How the audit names a print of a day's theatre list, before its day and theatre
(`list_print_name`, `printing.print_theatre_list`)."""
_CHANGED_SINCE_PRINTED = QT_TRANSLATE_NOOP("messages", "CHANGED SINCE PRINTED {time} ({theatre})")
_REPRINT = QT_TRANSLATE_NOOP("messages", "The list for {day} was printed at {time} ({theatre}): print it again and "
                                         "replace the copy in theatre.")
# The words that name a print's lists, each theatre or the day's every theatre.
_ALL_THEATRES = "all"


def list_print_name(day: date, theatre_name: str | None) -> str:
    """What the audit calls a print of the day's list of one theatre, or of all of them."""
    return f"{LIST_PRINTED} {day.isoformat()} {theatre_name or _ALL_THEATRES}"


@dataclass(frozen=True)
class ChangedSincePrinted:
    """A theatre's list of the day printed, then changed (an operation booked, cancelled, moved
    onto or off it, its list's times amended): the paper on the theatre wall is out of date, and
    the team worked from it (sent for a cancelled patient, never ready for the emergency)."""

    day: date
    theatre: str
    printed_at: datetime

    def said(self, lang: Lang) -> str:
        """The board's words: until the list is printed again."""
        return message(lang, _CHANGED_SINCE_PRINTED, time=f"{self.printed_at:%H:%M}", theatre=self.theatre)

    def to_reprint(self, lang: Lang) -> str:
        """The words after a save that changed it: print again and replace the copy."""
        return message(lang, _REPRINT, day=f"{self.day:%d/%m/%Y}", time=f"{self.printed_at:%H:%M}", theatre=self.theatre)


def last_printed(db: Database, day: date, theatre_name: str) -> tuple[int, datetime] | None:
    """The audit's last print of the day's list holding this theatre (its own, or all the day's
    theatres'): its place in the log and when; None if never printed on this laptop."""
    prefix = f"{LIST_PRINTED} {day.isoformat()} "
    key, found = theatre_key(theatre_name), None
    for row in db.query("SELECT seq, at, json_extract(detail, '$.what') AS what FROM audit WHERE action = 'print'"
                        " AND json_extract(detail, '$.what') LIKE ? ORDER BY seq", [prefix.replace("%", "") + "%"]):
        printed = row["what"].removeprefix(prefix)
        if printed == _ALL_THEATRES or theatre_key(printed) == key:
            found = (row["seq"], datetime.fromisoformat(row["at"]))
    return found


def changed_since_printed(db: Database, day: date, lines: list[tuple[TheatreSession, list[ListEntry]]],
                          forms: Mapping[str, FormSpec] | None = None) -> list[ChangedSincePrinted]:
    """Each theatre of the day's lines (`day_list`) whose list was printed (`last_printed`) and
    changed after, read from the audit's order of writes: a booking or a list of it saved again,
    or a cancellation or rebooking of one of its operations recorded, withdrawn or moved (a
    patient told later amends a cancellation, which changes no one's place on the list). Its
    operations are those on its lines and those any version of a booking or rebooking put on its
    lists: one withdrawn or moved to another theatre after the print is on the copy in theatre,
    and no longer on the lines. Given the `forms`, so too an admission of a patient on its lines
    amended in what the list prints of them (`_identity_amended`). Once printed again, no more."""
    found = []
    for theatre_name in dict.fromkeys(session.theatre for session, _ in lines):
        if (printed := last_printed(db, day, theatre_name)) is None:
            continue
        mine = [(session, entries) for session, entries in lines
                if theatre_key(session.theatre) == theatre_key(theatre_name)]
        lists = [session.session_id for session, _ in mine]
        booked = {*(entry.state.record.record_id for _, entries in mine for entry in entries), *(
            booking for (booking,) in db.execute(
                "SELECT DISTINCT CASE form_id WHEN ? THEN record_id ELSE json_extract(data, '$.booking') END"
                f" FROM records WHERE form_id IN (?, ?) AND json_extract(data, '$.session') IN ({marks(lists)})",
                [BOOKING_FORM, BOOKING_FORM, "operation_rebooking", *lists]) if booking)}
        changed = next(db.query(
            "SELECT 1 FROM audit a JOIN records r ON r.id = a.entity_id LEFT JOIN records p"
            " ON p.record_id = r.record_id AND p.version = r.version - 1 WHERE a.entity = 'records' AND a.seq > ?"
            f" AND (r.record_id IN ({marks([*lists, *booked])}) OR (r.form_id IN (?, ?)"
            f" AND json_extract(r.data, '$.booking') IN ({marks(booked)}) AND (p.id IS NULL"
            " OR (r.status = ?) IS NOT (p.status = ?)"
            " OR json_extract(r.data, '$.outcome') IS NOT json_extract(p.data, '$.outcome')"
            " OR json_extract(r.data, '$.session') IS NOT json_extract(p.data, '$.session')"
            " OR json_extract(r.data, '$.planned_start') IS NOT json_extract(p.data, '$.planned_start')))) LIMIT 1",
            [printed[0], *lists, *booked, "operation_cancellation", "operation_rebooking", *booked,
             RecordStatus.ENTERED_IN_ERROR.value, RecordStatus.ENTERED_IN_ERROR.value]), None)
        starts: dict[str, datetime] = {}
        for entry in (entry for _, entries in mine for entry in entries if not entry.struck):
            patient_id = entry.state.patient.patient_id
            starts[patient_id] = max(starts.get(patient_id, entry.start), entry.start, key=instant)
        if changed is not None or _chart_changed(db, starts, printed[0]) or (forms is not None and _identity_amended(
                db, forms, {entry.state.patient.patient_id for _, entries in mine for entry in entries}, printed[0])):
            found.append(ChangedSincePrinted(day, theatre_name, printed[1]))
    return found


_PRINTED_OF_ORDER = ("drug", "start_at", "stop_at", "frequency")
"""What of an order the list's "ANTICOAGULANT", "ON INSULIN" and Parkinson's lines are made
from: the drug's name, when it runs (and so "(stopped …)"), and whether it is a single dose; its
dose is not printed."""


def _chart_changed(db: Database, starts: Mapping[str, datetime], after: int) -> bool:
    """Whether an order of an anticoagulant, an insulin or a Parkinson's medicine (those two the
    time-critical ones, `domain.medication.time_critical_drug`) of these patients (with their
    latest line's start) was written, amended in what the list prints of it (`_PRINTED_OF_ORDER`) or
    withdrawn after the audit's entry `after`, running from before that start (its drug before
    or after the change): apixaban charted at 15:30 from the GP's letter was missing from the
    copy printed at 15:00 and pinned in theatre, the board saying nothing; but a glargine
    titrated, as most days, or enoxaparin charted to start after the operation, changes nothing
    printed, and a list always out of date is one nobody reprints."""
    patients = list(starts)
    if not patients:
        return False
    fields = [f"json_extract({version}.data, '$.{name}')" for name in _PRINTED_OF_ORDER for version in ("r", "p")]
    rows = db.execute(
        f"SELECT r.patient_id, r.status, p.status, p.id IS NULL, {', '.join(fields)} FROM audit a"
        " JOIN records r ON r.id = a.entity_id LEFT JOIN records p ON p.record_id = r.record_id"
        " AND p.version = r.version - 1 WHERE a.entity = 'records' AND a.seq > ? AND r.form_id = ?"
        f" AND r.patient_id IN ({marks(patients)})", [after, records.ORDER_FORM, *patients])
    for patient_id, status, was, new, *pairs in rows:
        now, before = pairs[0::2], pairs[1::2]
        withdrawn = (status == RecordStatus.ENTERED_IN_ERROR.value) != (was == RecordStatus.ENTERED_IN_ERROR.value)
        if not (new or withdrawn or now != before):
            continue
        drugs, begun = [now[0], before[0]], [at for at in (now[1], before[1]) if at]
        if (any(drug and (anticoagulant(drug) or time_critical_drug(drug)) for drug in drugs)
                and any(instant(datetime.fromisoformat(at)) <= instant(starts[str(patient_id)]) for at in begun)):
            return True
    return False


def _identity_amended(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], after: int) -> bool:
    """Whether an admission of these patients was amended after the audit's entry `after` in what
    a theatre list prints of them: their name, date of birth, sex or allergies. UNKNOWN MALE ALPHA,
    allergies not known, on the copy pinned in theatre was identified at 08:00 with a latex
    anaphylaxis; his new band read GIRARD, and the board said nothing. A bed or a weight is not
    on the list."""
    admissions = [spec.id for spec in forms.values() if spec.creates_patient]
    patients = list(patient_ids)
    amended = {row["record_id"]: row["version"] for row in db.query(
        "SELECT r.record_id, MIN(r.version) AS version FROM audit a JOIN records r ON r.id = a.entity_id"
        f" WHERE a.entity = 'records' AND a.seq > ? AND r.version > 1 AND r.form_id IN ({marks(admissions)})"
        f" AND r.patient_id IN ({marks(patients)}) GROUP BY r.record_id", [after, *admissions, *patients])}
    for record_id, versions in histories(db, amended).items():
        spec = forms[versions[0].form_id]
        printed = [_printed_of(summarise(spec, version, "")) for version in versions[amended[record_id] - 2:]]
        if any(read != printed[0] for read in printed[1:]):
            return True
    return False


def _printed_of(patient: PatientSummary) -> tuple[object, ...]:
    """What a theatre list prints of a patient but where they are: the WHO sign-in reads the
    name, date of birth and sex off the band against it, and the list puts a latex allergy
    first in a latex-free theatre."""
    return (patient.display_name, patient.birth_date, patient.sex, patient.allergy_status, patient.allergies,
            patient.reactions)

"""The records office's back-entry worklist: everything the outage recorded, to be typed into
the hospital record (EHR), grouped by patient, in an order the EHR takes top to bottom
(domain.entry_order): each stay's admission first, then its orders, doses, theatre and
observations, its leaving last, and every record after those it points to. Each record version is ticked off with the EHR's reference, by whom
and when; a temporary downtime number is reconciled to the patient's EHR number.

A record amended after it was entered comes back on the list (the EHR must be corrected, and
the list says what changed), and one marked entered in error comes back only if its earlier
version had been entered. A record loaded from the EHR's own snapshot is in the EHR already:
its version 1 is not work, a later amendment or withdrawal is.

A record on hold (two laptops wrote different versions of it, see domain.holds) is listed as
such, with each laptop's versions and the answers they differ in, and cannot be ticked off:
entering either side would be a guess, until the ward says which is right and the records
office settles it (services.holds).

A line that says to ask the ward (one dose recorded on two laptops, a dose whose order or an
admission whose patient was withdrawn, a dose given after its order was stopped on another
laptop, a record dated after its patient's death or discharge recorded on another, one person's
second stay or order of the same medicine, another office's settlement) can instead be closed
with the ward's answer that it is not to be entered (`mark_not_entered`): who at the ward said
so and why. The record is not changed; an amendment brings the line back."""

from __future__ import annotations

import json
import sys
import uuid
from bisect import bisect_left
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field as dataclass_field, replace
from functools import cache, partial
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import DATED, ward_time
from downtime.domain.downtime_number import taken_apart
from downtime.domain.duplicates import SAME_IPP, SAME_NIR, NumberHolder, ProbableDuplicate, SharedNumber, fold
from downtime.domain.duplicates import duplicates_and_namesakes as find_both
from downtime.domain.duplicates import probable_duplicates as find_duplicates
from downtime.domain.duplicates import standing
from downtime.domain.census import Movement, Stay, leaves_hospital, stays as stays_of
from downtime.domain.entry_order import ToEnter, in_entry_order
from downtime.domain.holds import Settled, Settlement
from downtime.domain.medication import Check, Frequency, Order, Outcome, runs_at, shares_a_medicine
from downtime.domain.laptops import NOBODY, Authors, Laptop, laptop_name
from downtime.domain.tally import Tally
from downtime.domain.records import RecordStatus, RecordVersion, loaded_from_snapshot
from downtime.domain.roles import SUPERVISED
from downtime.domain.staff import Action
from downtime.formspec import FormSpec
from downtime.formspec.schema import VALIDATED_IDENTITY, Field, Meaning, RecordRefField, Text
from downtime.formspec.values import NOT_ON_VERSION, answer_text, never_asked, standing_for
from downtime.services import census, infusion_checks, infusion_rates, records, settings, transfusion
from downtime.services.census import all_patients, display_names
from downtime.services.context import Session
from downtime.services.errors import NotFound, ServiceError
from downtime.services.laptops import authors as authors_here, laptops_known
from downtime.services.patients import (
    EarlierName, PatientSummary, downtime_numbers, earlier_temporary_names, patients_numbered, summarise,
)
from downtime.services.records import THEATRE_FORMS
from downtime.services.search import refresh as refresh_search, sort_key
from downtime.services.staff import names_with_ids
from downtime.services.version_changes import Change, answer_or_dash, changes, changes_text
from downtime.storage import audit
from downtime.storage.fhir_sent import records_sent
from downtime.storage.laptops import exports
from downtime.sync.missing import MISSING_WORKLIST, MissingVersions, missing_versions
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Listed, Number, Phrase, labelled, message, semicolon
from downtime.storage.records import (
    RecordNotFound, as_version, chunks, current_of, first_authors, first_written, held_from, histories, list_current, marks,
    on_hold,
)

PAGE = 25  # patients read at a time: a hospital's list is read in pages as the screen scrolls (0.05 s each)
# A stay's records by kind, in the order to enter them (domain.entry_order): the stay first,
# its leaving last, the EHR taking nothing more of a stay once closed.
STEPS = (QT_TRANSLATE_NOOP("messages", "Admission, allergies and movements"),
         QT_TRANSLATE_NOOP("messages", "Medication order"),
         QT_TRANSLATE_NOOP("messages", "Medication administration"),
         QT_TRANSLATE_NOOP("messages", "Theatre"),
         QT_TRANSLATE_NOOP("messages", "Observations and other records"),
         QT_TRANSLATE_NOOP("messages", "Discharge, death or transfer out"))
LEAVING_STEP = len(STEPS) - 1


@dataclass(frozen=True)
class Entered:
    """The latest version of a record that is in the EHR: ticked off by a clerk, or (version 1
    of a record loaded from the EHR's snapshot) there from the start, with no reference and
    `entered_by` the one who loaded it."""

    version: int
    ehr_reference: str
    entered_by: str
    entered_at: datetime

    def on_hold_in(self, lang: Lang) -> str:
        """Said on the line of its record gone on hold since: the clerk phoning the wards said
        neither what the EHR shows now nor that whatever they settle is a correction there."""
        if self.ehr_reference:
            return message(lang, QT_TRANSLATE_NOOP("messages", "version {version} is in the EHR ({reference}): once "
                                                               "settled, correct it there"),
                           version=self.version, reference=self.ehr_reference)
        return message(lang, QT_TRANSLATE_NOOP("messages", "version {version} is in the EHR (loaded from its snapshot): "
                                                           "once settled, correct it there"), version=self.version)


@dataclass(frozen=True)
class NotEntered:
    """The ward's answer that a version of a record is not to be entered in the EHR, written
    down by a clerk (`mark_not_entered`): its line then counts as done, and says so, until the
    record is amended, or until the other record of the dose or move its line was asked about is
    withdrawn or no longer that dose or move (`lapsed`), when the ward may answer again (the
    newest answer stands). `recorded_by`: the clerk, as staff.names_with_ids names them."""

    version: int
    ward_said: str
    reason: str
    recorded_by: str
    recorded_at: datetime
    lapsed: bool = False
    """The other record of the dose or move the line was asked about is withdrawn since, or no
    longer that dose or move (LAPSED_SQL): the answer was given of the two together (one dose
    recorded twice, the other one entered), and the dose the patient had would be in the EHR
    nowhere once that one is withdrawn."""

    def stands_at(self, version: int) -> bool:
        """Whether the answer closes this version of its record."""
        return self.version == version and not self.lapsed

    def text_in(self, lang: Lang) -> str:
        return message(lang, QT_TRANSLATE_NOOP("messages", "the ward ({ward_said}) said: {reason}; recorded by {clerk}, "
                                                           "{time}"),
                       ward_said=self.ward_said, reason=self.reason, clerk=self.recorded_by,
                       time=f"{self.recorded_at.astimezone():%d/%m/%Y %H:%M}")


@dataclass(frozen=True)
class OnHold:
    """Why a record cannot be entered yet: from `from_version` its laptops wrote different
    versions, all in `versions` (each laptop's, in version order); `fields` are the answers
    they differ in, shown for each so the clerk can compare them with the wards; `laptops`
    names the laptops that wrote them, by device id."""

    from_version: int
    versions: tuple[RecordVersion, ...]
    fields: tuple[Field, ...]
    laptops: Mapping[str, Laptop]
    authors: Authors = dataclass_field(default_factory=Authors, compare=False)
    """Who wrote each version (see domain.holds.Authors): the clerk asks the ward for them."""
    first_saved_under: int | None = None
    """The version of its form the record's version 1 was saved under, held from a later one
    (none given, each version reads by its laptop's own version 1 on hold, or its own form's):
    a version 1 falls-risk corrected on a version 2 laptop, the decision left blank, read "—"
    there, as if the doctor had decided nothing, where its print leaves the row out."""

    def first_saved(self, version: RecordVersion) -> int:
        """The version of its form `version`'s record was first saved under, as its print reads
        it (values.shown): the earliest of its own, its laptop's version 1 here, and the record's."""
        return min([version.form_version, *(held.form_version for held in self.versions
                                            if held.version == 1 and held.device_id == version.device_id),
                    *([] if self.first_saved_under is None else [self.first_saved_under])])

    def text_in(self, lang: Lang) -> str:
        return " | ".join(self.named_in(version, lang) for version in self.versions)

    def named_in(self, version: RecordVersion, lang: Lang) -> str:
        """One of the versions after the laptop that wrote it, which the ward to ask is: the
        list, `downtime worklist` and the settle listing alike."""
        return labelled(laptop_name(lang, version.device_id, self.laptops), self.version_in(version, lang), lang)

    def version_in(self, version: RecordVersion, lang: Lang) -> str:
        """One of the versions: who wrote it and when (on the ward's clock: a laptop set to UTC
        stamped a bed moved at 14:10 "13:10", before the other laptop's of 14:15), and its answers
        that differ."""
        said = message(lang, QT_TRANSLATE_NOOP("messages", "version {version} by {author}, {time}"),
                       version=version.version,
                       author=self.authors.of(lang, version.author, version.device_id, self.laptops),
                       time=ward_time(version.recorded_at, None, DATED))
        if version.status is RecordStatus.ENTERED_IN_ERROR:
            said += " " + message(lang, QT_TRANSLATE_NOOP("messages", "(entered in error)"))
        answers = semicolon(lang).join(labelled(field.line_label(lang),
                                                _answer_in(field, version, self.first_saved(version), lang), lang)
                                       for field in self.fields)
        return labelled(said, answers, lang) if answers else said


def _answer_in(field: Field, version: RecordVersion, first_saved: int, lang: Lang) -> str:
    """A version's answer as the clerk compares it, as its print reads it: "not on version 1 of
    the form" for a question the form its record was first saved under (`first_saved`) did not
    ask (values.never_asked), where "—" read as the doctor having decided nothing beside the
    other laptop's decision; a choice left unanswered, the option that stands for it."""
    value = version.data.get(field.id)
    if never_asked(field, value, first_saved):
        return message(lang, NOT_ON_VERSION, version=first_saved)
    return answer_or_dash(field, standing_for(field, value), lang)


SAME_DOSE = QT_TRANSLATE_NOOP("messages", "the same dose (due {due}) was also recorded on {laptop} by {author}, "
                                         "{given}: ask the ward whether it is one dose recorded twice before entering "
                                         "both")
# When the other record of the same dose says it was given (or not): what the clerk compares
# with this line's dose and the paper chart. The time it was typed said nothing of it.
GIVEN_AT = QT_TRANSLATE_NOOP("messages", "given {time}")
BY_PRESCRIBER = QT_TRANSLATE_NOOP("messages", "Prescriber: {who}")
NOT_THE_IPP = QT_TRANSLATE_NOOP("messages", "{number}'s admission records the hospital number (IPP) {ipp}, not {ehr}: "
                                            "check the EHR; link to another number only if the admission's is wrong.")
BY_GIVER = QT_TRANSLATE_NOOP("messages", "Given by: {who}")
BY_RECORDER = QT_TRANSLATE_NOOP("messages", "Recorded by: {who}")
CHANGED_BY = QT_TRANSLATE_NOOP("messages", "{by}; changed by {who}")
NOT_GIVEN_AT = QT_TRANSLATE_NOOP("messages", "marked not given {time}")
ORDER_WITHDRAWN = QT_TRANSLATE_NOOP("messages", "its order was withdrawn (entered in error) on {laptop} by {author}, "
                                                "{time}: {reason}. Ask the ward or the prescriber before entering "
                                                "this dose")
ADMISSION_WITHDRAWN = QT_TRANSLATE_NOOP("messages", "this patient's admission was withdrawn (entered in error) on "
                                                    "{laptop} by {author}, {time}: {reason}. Ask the ward before "
                                                    "entering this record")
ORDER_STOPPED = QT_TRANSLATE_NOOP("messages", "its order was stopped at {stopped} on {laptop} by {author}, {time}: "
                                              "{reason}. Ask the ward or the prescriber before entering this dose, "
                                              "given after it")
# A record dated after its patient left hospital by a record of another laptop, by how they left.
AFTER_LEAVING = {
    Movement.DEATH: QT_TRANSLATE_NOOP("messages", "this patient's death at {at} was recorded on {laptop} by {author}, "
                                                  "{time}: ask the ward before entering this record, dated after it"),
    Movement.DISCHARGE: QT_TRANSLATE_NOOP("messages", "this patient's discharge at {at} was recorded on {laptop} by "
                                                      "{author}, {time}: ask the ward before entering this record, "
                                                      "dated after it"),
    Movement.TRANSFER_OUT: QT_TRANSLATE_NOOP("messages", "this patient's transfer to another hospital at {at} was "
                                                         "recorded on {laptop} by {author}, {time}: ask the ward "
                                                         "before entering this record, dated after it")}
AS_REQUIRED_TWICE = QT_TRANSLATE_NOOP("messages", "an as-required dose of the same order was also recorded on {laptop} "
                                                  "by {author}, {given}, {minutes} min apart (ordered at least "
                                                  "{hours} h apart): ask the ward whether it is one dose recorded "
                                                  "twice before entering both")
SAME_MOVE = QT_TRANSLATE_NOOP("messages", "a move to the same ward and bed at {at} was also recorded on {laptop} by "
                                         "{author}, {time}: ask the ward whether it is one move recorded twice before "
                                         "entering both")
TWO_ENDS = QT_TRANSLATE_NOOP("messages", "another end of this unit of blood was also recorded on {laptop} by {author}: "
                                        "ended {at}, {outcome}; ask the ward which is true before entering it; a "
                                        "reaction on either is reported to the blood bank")
UNIT_TWO_PATIENTS = QT_TRANSLATE_NOOP("messages", "the same unit of blood (donation number) was also started for "
                                                 "another patient at {at} on {laptop} by {author}, {time}: a unit is "
                                                 "given once; ask the ward and the blood bank whether it was given at "
                                                 "the wrong bedside or its number mistyped before entering it")
BED_HELD = QT_TRANSLATE_NOOP("messages", "bed {bed} of ward {ward} was held by another patient{whose} from {at} (recorded on "
                                        "{laptop} by {author}, {time}) while this record puts this patient in it: "
                                        "ask the ward which bed each was in before entering it")
MOVES_CROSSED = QT_TRANSLATE_NOOP("messages", "this move's time was changed to after the patient's move to bed {bed} "
                                             "of ward {ward} at {at}, recorded on {laptop} by {author}, {time}, after "
                                             "this move was first written: replayed, it puts the patient back where "
                                             "they had left; ask the ward where they were before entering it")
CHANGED_NOTHING = QT_TRANSLATE_NOOP("messages", "changed nothing (the date it cancels no longer stood when it came): "
                                               "do not enter it; mark it entered in error on {laptop}")
REBOOKED_TWICE = QT_TRANSLATE_NOOP("messages", "rebooked twice: another date was given on {laptop} by {author}, "
                                              "{time}: enter neither until a coordinator has rung the patient with "
                                              "the date kept and marked the other rebooking entered in error, then "
                                              "enter the one kept")
TRANSFERRED_TOO = QT_TRANSLATE_NOOP("messages", "rebooked and transferred: the operation was sent to {hospital} on "
                                               "{laptop} by {author}, {time}: enter neither until a coordinator has "
                                               "rung the patient with the decision kept and marked the other entered "
                                               "in error, then enter the one kept")
"""Said of a rebooking another laptop's transfer of the operation replaced (REBOOKED AND
TRANSFERRED)."""
REBOOKED_TOO = QT_TRANSLATE_NOOP("messages", "rebooked and transferred: a new date was given on {laptop} by {author}, "
                                            "{time}: enter neither until a coordinator has rung the patient with the "
                                            "decision kept and marked the other entered in error, then enter the one "
                                            "kept")
"""Said of that transfer, the other laptop's rebooking named."""
NOT_TO_ENTER = (CHANGED_NOTHING, REBOOKED_TWICE, TRANSFERRED_TOO, REBOOKED_TOO)
"""The conflicts whose record is not entered as it stands: a theatre cancellation that changed
nothing, a rebooking or transfer another laptop's contradicts (`theatre.rebooked_twice_among`)."""
SAME_MOVE_WITHIN = timedelta(hours=2)
"""How close two laptops' moves of one patient to one bed are to be perhaps one move: the ward
sending the patient back records it, and so does the ward receiving them, without the other's
stick, within the hour or so the patient is wheeled and settled."""
ONE_DOSE_TWICE = (SAME_DOSE, AS_REQUIRED_TWICE, SAME_MOVE, TWO_ENDS)
"""The kinds of conflict that are perhaps one record (a dose, a move, the end of a unit of blood)
made on two laptops: the ward may say one of the two records is not to be entered, never both."""
# Said after SAME_DOSE once the other record of the dose is ticked off: the next clerk, on the
# line left, typed the dose into the EHR a second time.
OTHER_ENTERED = QT_TRANSLATE_NOOP("messages", "that record is in the EHR already (reference {reference}): enter this "
                                              "one only if the ward says it is not the same dose")
# The other record of the dose as it stands beside this line: in the EHR at an earlier version
# (it said "in the EHR already" of a version amended since), or not to be entered as the ward
# said. Said with its advice (OPEN_*) on a line still to enter, alone on one done.
OTHER_IN_EHR = QT_TRANSLATE_NOOP("messages", "that record is in the EHR (reference {reference})")
OTHER_AMENDED = QT_TRANSLATE_NOOP("messages", "version {version} of that record is in the EHR (reference {reference}); "
                                              "it was amended since")
OTHER_NOT_ENTERED = QT_TRANSLATE_NOOP("messages", "the ward said that record is not to be entered ({ward_said}: "
                                                  "{reason})")
OPEN_IF_NOT_SAME = QT_TRANSLATE_NOOP("messages", "{said}: enter this one only if the ward says it is not the same dose")
OPEN_ENTER_THIS = QT_TRANSLATE_NOOP("messages", "{said}: enter this one")


@dataclass(frozen=True)
class Apart:
    """How far apart two as-required doses of one order were given, and how far apart the order
    has them at least (AS_REQUIRED_TWICE)."""

    minutes: int
    hours: float


@dataclass(frozen=True)
class Conflict:
    """Another record that a line contradicts, written on a laptop that did not have this
    line's record (the patient moved with a stick made before it): each laptop checked a record
    against its own records only, so the records office is the first to see both, and the ward
    must say which is true. `said`: SAME_DOSE (another record of the same scheduled dose of the
    same order), ORDER_WITHDRAWN (the dose's order, entered in error while the dose stands),
    ADMISSION_WITHDRAWN (the patient's admission, likewise), ORDER_STOPPED (the dose's order,
    stopped before the dose was given), AFTER_LEAVING (the patient's death, discharge or transfer
    out, before the record's time), AS_REQUIRED_TWICE (another as-required dose of the same
    order, closer to this one than the order allows: `apart`), SAME_MOVE (another laptop's move
    of the patient to the same ward and bed, close in time), TWO_ENDS (another laptop's end of the
    same unit of blood), UNIT_TWO_PATIENTS (a start of the same unit of blood for another
    patient), BED_HELD (another patient's admission or move into the same bed, held by them
    at the time: its ward and bed said from `spec`), MOVES_CROSSED (another laptop's later
    move of the patient, which this amended move's new time now comes after), CHANGED_NOTHING
    (a theatre cancellation of a date no longer standing, `theatre.changed_nothing`: `record` is
    the cancellation itself, whose laptop is to withdraw it) or REBOOKED_TWICE, TRANSFERRED_TOO,
    REBOOKED_TOO (another laptop's rebooking or transfer of the same operation,
    `theatre.rebooked_twice_among`: `record` is that one, `_contradicted_by`)."""

    said: str
    record: RecordVersion
    laptop: Laptop
    authors: Authors = dataclass_field(default_factory=Authors, compare=False)
    """Who wrote `record` (see domain.laptops.Authors): the ward is asked for that person, by the
    worklist's line and the bundle's Provenance alike."""
    entered: Entered | None = None
    """`record` as ticked off here, for SAME_DOSE (`with_entries`): that dose is in the EHR."""
    not_entered: NotEntered | None = None
    """The ward's answer that `record` is not to be entered, for SAME_DOSE (`with_entries`)."""
    apart: Apart | None = None
    """For AS_REQUIRED_TWICE: how far apart the two doses were, and the order's interval."""
    spec: FormSpec | None = dataclass_field(default=None, compare=False)
    """`record`'s form: TWO_ENDS says how the other end ended in its words ("Stopped: a
    reaction"), which the ward is asked about."""
    whose: str = ""
    """For BED_HELD: the other patient's downtime number, when known: the ward is asked about
    the two patients by name, and "another patient" left the clerk to find which."""

    def text_in(self, lang: Lang, closed: bool = False) -> str:
        """`closed`: said on a line done (entered, or not to be entered), where advice on
        entering it would contradict it."""
        said = self._said_in(lang)
        other = self._other_in(lang, closed)
        return f"{said}{semicolon(lang)}{other}" if other else said

    def _other_in(self, lang: Lang, closed: bool) -> str:
        """Where the other record of the same dose stands: in the EHR at its standing version or
        an earlier one, or not to be entered as the ward said at its standing version."""
        entered, decided, version = self.entered, self.not_entered, self.record.version
        if entered is not None and entered.version == version:
            if closed:
                return message(lang, OTHER_IN_EHR, reference=entered.ehr_reference)
            return message(lang, OTHER_ENTERED, reference=entered.ehr_reference)
        if decided is not None and decided.stands_at(version):
            said, advice = message(lang, OTHER_NOT_ENTERED, ward_said=decided.ward_said,
                                   reason=decided.reason), OPEN_ENTER_THIS
        elif entered is not None:
            said, advice = message(lang, OTHER_AMENDED, version=entered.version,
                                   reference=entered.ehr_reference), OPEN_IF_NOT_SAME
        else:
            return ""
        return said if closed else message(lang, advice, said=said)

    @property
    def other_not_entered(self) -> bool:
        """The other record of the same dose is not to be entered, as the ward said of the
        version that stands: this one is then the dose's only record for the EHR."""
        return (self.said in ONE_DOSE_TWICE and self.not_entered is not None
                and self.not_entered.stands_at(self.record.version))

    def _said_in(self, lang: Lang) -> str:
        """What the line asks, its times on the ward's clock: a discharge recorded at 14:30 on a
        laptop set to UTC read "recorded … 13:30", before the discharge itself."""
        record, apart = self.record, self.apart or Apart(0, 0)
        given = f"{record.occurred_at.astimezone():%d/%m/%Y %H:%M}"
        stopped = record.data.get("stop_at") if record.form_id == records.ORDER_FORM else None
        return message(lang, self.said, due=f"{_due(record):%d/%m/%Y %H:%M}" if record.data.get("scheduled_for") else "",
                       laptop=laptop_name(lang, record.device_id, {record.device_id: self.laptop}),
                       author=self.authors.of(lang, record.author, record.device_id, {record.device_id: self.laptop}),
                       time=ward_time(record.recorded_at, None, DATED), reason=record.reason or "", at=given,
                       hospital=record.data.get("other_hospital") or "—",
                       stopped=f"{datetime.fromisoformat(str(stopped)).astimezone():%d/%m/%Y %H:%M}" if stopped else "",
                       minutes=apart.minutes, hours=Number(apart.hours), whose=f" ({self.whose})" if self.whose else "",
                       **{name: census.field_value(self.spec, record.data, meaning) or ""
                          for name, meaning in (("ward", Meaning.WARD), ("bed", Meaning.BED))
                          if self.spec is not None and self.spec.movement is not None},
                       outcome=transfusion.outcome_said(record.data, self.spec, lang)
                       if self.spec is not None and record.form_id == transfusion.END_FORM else "",
                       given=message(lang, GIVEN_AT if record.data.get("outcome") == "given" else NOT_GIVEN_AT,
                                     time=given))


def _contradicted_by(decision: RecordVersion, other: RecordVersion) -> str:
    """What a rebooking or transfer is told of another laptop's that contradicts it
    (`theatre.rebooked_twice_among`): the transfer that replaced it (TRANSFERRED_TOO, naming the
    hospital), the rebooking it replaced (REBOOKED_TOO), or another date (REBOOKED_TWICE). Told
    "another date was given" of a transfer, the clerk looked in the EHR for a date it never had."""
    if other.data["outcome"] == "transferred":
        return TRANSFERRED_TOO
    return REBOOKED_TOO if decision.data["outcome"] == "transferred" else REBOOKED_TWICE


def _due(dose: RecordVersion) -> datetime:
    """The scheduled time a dose was recorded for, in this laptop's zone."""
    return datetime.fromisoformat(str(dose.data["scheduled_for"])).astimezone()


@dataclass(frozen=True)
class SharedEhrPatient:
    """The EHR patient an admission's patient is linked to, with the other downtime numbers
    linked to it: one person admitted on two laptops, whose stay the EHR must get once (each of
    them if they are two stays)."""

    ehr: str
    others: tuple[str, ...]

    def text_in(self, lang: Lang) -> str:
        return message(lang, QT_TRANSLATE_NOOP("messages", "EHR patient {ehr} is {numbers} too: enter this admission "
                                               "only if it is another stay, not the same one twice"),
                       ehr=self.ehr, numbers=", ".join(self.others))


ALSO_ORDERED = QT_TRANSLATE_NOOP("messages", "EHR patient {ehr} also has, under {number}, {order}: enter this order only if "
                                             "it is another one, not the same one twice")


@dataclass(frozen=True)
class AlsoOrdered:
    """A standing order of the same medicine (domain.medication.shares_a_medicine), running at a
    same time, under another downtime number linked to the same EHR patient: one person admitted
    on two laptops, each of whose doctors may have written the one prescription. Entered from
    both, the EHR ran two live orders for one patient."""

    ehr: str
    number: str
    order: Order
    form: FormSpec = dataclass_field(compare=False, hash=False)
    """The order form, which words the order as a nurse reads it (services.medication.order_reading)."""

    def text_in(self, lang: Lang) -> str:
        from downtime.services.medication import order_reading  # medication reads this module's snapshot marks

        return message(lang, ALSO_ORDERED, ehr=self.ehr, number=self.number,
                       order=order_reading(self.order, self.form, lang))


SETTLED_OTHERWISE = QT_TRANSLATE_NOOP("messages", "SETTLED OTHERWISE AT ANOTHER OFFICE: {settled}; not taken here, "
                                                  "where the hold was settled otherwise: ask the ward which version "
                                                  "is right and back-enter the record as the ward says, then tick it "
                                                  "off")


@dataclass(frozen=True)
class Otherwise:
    """Another office's settlement of the record's hold that an import did not take, as it chose
    another version than the settlement standing here (see sync.import_export): the ward's word
    there contradicts the one the record stands by, which may be in the EHR already. Said on the
    line until the clerk ticks the record off after it was noted, having asked the ward."""

    settlement: Settlement
    noted_at: datetime
    laptops: Mapping[str, Laptop]
    authors: Authors = dataclass_field(default_factory=Authors, compare=False)

    def text_in(self, lang: Lang) -> str:
        return message(lang, SETTLED_OTHERWISE, settled=self.settlement.text(lang, self.laptops, self.authors))


MOVE_DUE = QT_TRANSLATE_NOOP("messages", "entered in the EHR under patient {old}, linked to EHR patient {new} "
                                         "since: move it there in the EHR, then mark it moved")
WAITS_FOR = QT_TRANSLATE_NOOP("messages", "enter first what it points to, not in the EHR yet: {form} of {time}, at "
                                          "the start of the list (not about a patient)")


@dataclass(frozen=True)
class MoveDue:
    """A record entered in the EHR under a patient's earlier EHR number, the patient re-linked to
    another since (migration m028's `ehr_moves_due`): the EHR holds it in the wrong patient's
    file until a clerk moves it there and says so (`mark_moved`). Told once when re-linking, it
    was then forgotten; its line says it until then."""

    from_ehr: str
    to_ehr: str

    def text_in(self, lang: Lang) -> str:
        return message(lang, MOVE_DUE, old=self.from_ehr, new=self.to_ehr)


MERGE_DUE = QT_TRANSLATE_NOOP("messages", "identified since as EHR patient {ehr}: merge the provisional file "
                                           "{provisional} into theirs (identity vigilance), never rename it into a "
                                           "second file for them, then mark this version entered")
MERGE_AFTER_LINK = QT_TRANSLATE_NOOP("messages", "link {number} to EHR patient {ehr} first")


@dataclass(frozen=True)
class MergeDue:
    """An admission entered in the EHR while the patient was unidentified (the provisional file
    `provisional`), identified since as a patient who has their own EHR file (`ehr`: the EHR
    number they are linked to, else the IPP the admission records): its line said to correct
    the provisional file, a second file for them, and the bundle's IPP made two EHR patients of
    one IPP. Said until the version that stands is marked entered; `linked`: the patient is
    linked to `ehr` here, else that is to do first (the bundle sends them as that patient then)."""

    provisional: str
    ehr: str
    number: str
    linked: bool

    def text_in(self, lang: Lang) -> str:
        merge = message(lang, MERGE_DUE, provisional=self.provisional, ehr=self.ehr)
        return merge if self.linked else f"{message(lang, MERGE_AFTER_LINK, number=self.number, ehr=self.ehr)}; {merge}"


@dataclass(frozen=True)
class WaitsFor:
    """A record about no patient (a theatre session) that a patient's line points to and that is
    not in the EHR yet: listed first, before the patients', it is entered before the line."""

    form: Text
    occurred_at: datetime

    def text_in(self, lang: Lang) -> str:
        return message(lang, WAITS_FOR, form=self.form.get(lang),
                       time=f"{self.occurred_at.astimezone():%d/%m/%Y %H:%M}")


LINK_CONTRADICTED = QT_TRANSLATE_NOOP("messages", "CHECK THE IDENTITY: linked to EHR patient {ehr}, but the admission "
                                                  "now records the hospital number (IPP) {ipp}: check the identity and "
                                                  "re-link before entering anything")


@dataclass(frozen=True)
class LinkContradicted:
    """A patient's link to an EHR number that their standing admission's IPP contradicts since
    the clerk linked them (the ward corrected the IPP, or recorded one where there was none):
    linking checks the admission's IPP once (`link_patient`), and every later record went into
    the other patient's EHR file as "enter". Said on the heading and on every line left, none of
    which can be ticked off, and the bundle does not send the patient under it, until re-linked."""

    ehr: str
    ipp: str

    def text_in(self, lang: Lang) -> str:
        return message(lang, LINK_CONTRADICTED, ehr=self.ehr, ipp=self.ipp)


@dataclass(frozen=True)
class WorkItem:
    record: RecordVersion
    step: int
    label: str
    by: str
    """Whom the EHR is to name for it (`_by`): the clerk typing it in had only the ward's words."""
    entered: Entered | None
    changes: tuple[Change, ...] = ()
    provisional_identity: bool = False
    on_hold: OnHold | None = None
    conflicts: tuple[Conflict, ...] = ()
    shared: SharedEhrPatient | None = None
    settled: Settled | None = None
    """The settlement of a hold that left this version standing: said until it is entered."""
    otherwise: tuple[Otherwise, ...] = ()
    """Other offices' settlements of its hold, not taken here, noted since it was last ticked off."""
    not_entered: NotEntered | None = None
    """The ward's latest answer that the record is not to be entered, at whichever version."""
    move: MoveDue | None = None
    """Entered under the patient's earlier EHR number: to move in the EHR, until marked moved."""
    waits_for: tuple[WaitsFor, ...] = ()
    """The records about no patient it points to that are not in the EHR yet."""
    also_ordered: tuple[AlsoOrdered, ...] = ()
    """For an order: the same medicine's orders under the other numbers of its EHR patient."""
    merge: MergeDue | None = None
    """For an admission entered unidentified, identified since as an EHR patient: the merge due."""
    relink: LinkContradicted | None = None
    """Its patient's link, contradicted by their admission since: nothing is entered until re-linked."""

    @property
    def step_name(self) -> str:
        return STEPS[self.step]

    @property
    def entered_now(self) -> bool:
        """The version that stands is in the EHR, ticked off."""
        return self.entered is not None and self.entered.version == self.record.version

    @property
    def decided(self) -> NotEntered | None:
        """The ward's answer that the version that stands is not to be entered, if given."""
        said = self.not_entered
        return said if said is not None and said.stands_at(self.record.version) else None

    @property
    def done(self) -> bool:
        return (self.on_hold is None and not self.otherwise and self.move is None
                and (self.entered_now or self.decided is not None))

    @property
    def asks_the_ward(self) -> bool:
        """The line says to ask the ward before entering it: only such a line may be closed with
        the ward's answer that it is not to be entered (`mark_not_entered`)."""
        return bool(self.conflicts or self.shared is not None or self.otherwise or self.also_ordered)

    @property
    def to_do(self) -> str:
        return self.to_do_in("en")

    def to_do_in(self, lang: Lang, loud: bool = False) -> str:
        """What the clerk must do in the EHR, in words, with what changed since it was entered.
        `loud`: the action in capitals, as the screen shows what is left; the changed values
        keep their case (mg is not MG)."""
        action = self.action_in(lang).upper() if loud else self.action_in(lang)
        return " — ".join([action, *filter(None, (self.not_entered_in(lang), self.identity_in(lang),
                                                  self.changes_in(lang))),
                           *([self.move.text_in(lang)] if self.move is not None else []),
                           *([self.merge.text_in(lang)] if self.merge is not None and not self.done else []),
                           *([waits.text_in(lang) for waits in self.waits_for] if not self.done else []),
                           *([self.settled.text_in(lang)] if self.settled is not None and not self.done else []),
                           *(otherwise.text_in(lang) for otherwise in self.otherwise),
                           *(conflict.text_in(lang, closed=self.done) for conflict in self.conflicts),
                           *([self.shared.text_in(lang)] if self.shared is not None and not self.done else []),
                           *(also.text_in(lang) for also in self.also_ordered if not self.done)])

    def action_in(self, lang: Lang) -> str:
        if self.on_hold is not None:
            held = message(lang, QT_TRANSLATE_NOOP("messages", "on hold — two laptops disagree from version {version}: "
                                                   "enter neither until the wards say which is right"),
                           version=self.on_hold.from_version)
            return held if self.entered is None else f"{held} — {self.entered.on_hold_in(lang)}"
        if self.done:
            return message(lang, QT_TRANSLATE_NOOP("messages", "entered") if self.entered_now
                           else QT_TRANSLATE_NOOP("messages", "not entered"))
        if self.relink is not None:
            return self.relink.text_in(lang)
        entered = self.entered
        if self.record.status is RecordStatus.ENTERED_IN_ERROR:
            if entered is not None and entered.ehr_reference:
                return message(lang, QT_TRANSLATE_NOOP("messages", "withdraw in the EHR (entered in error here; version "
                                                                   "{version} was entered, EHR reference {reference})"),
                               version=entered.version, reference=entered.ehr_reference)
            return message(lang, QT_TRANSLATE_NOOP("messages", "withdraw in the EHR (entered in error here)"))
        if self.move is not None and self.entered_now and not self.otherwise:
            return message(lang, QT_TRANSLATE_NOOP("messages", "move in the EHR to patient {ehr}"), ehr=self.move.to_ehr)
        if self.merge is not None and self.entered is not None:
            return message(lang, QT_TRANSLATE_NOOP("messages", "merge in the EHR into patient {ehr} (version {version} "
                                                               "was entered as provisional file {provisional})"),
                           ehr=self.merge.ehr, version=self.entered.version, provisional=self.merge.provisional)
        if entered is None:
            return message(lang, QT_TRANSLATE_NOOP("messages", "do not enter")
                           if any(conflict.said in NOT_TO_ENTER for conflict in self.conflicts)
                           else QT_TRANSLATE_NOOP("messages", "enter"))
        # The reference the version was ticked off with, by which the clerk finds the entry to
        # change among others of the same time; one loaded from the EHR's snapshot has none.
        if entered.version == self.record.version:
            said = (QT_TRANSLATE_NOOP("messages", "check with the ward (version {version} was entered, EHR reference "
                                                  "{reference})") if entered.ehr_reference else
                    QT_TRANSLATE_NOOP("messages", "check with the ward (version {version} was entered)"))
        else:
            said = (QT_TRANSLATE_NOOP("messages", "correct in the EHR (version {version} was entered, EHR reference "
                                                  "{reference})") if entered.ehr_reference else
                    QT_TRANSLATE_NOOP("messages", "correct in the EHR (version {version} was entered)"))
        return message(lang, said, version=entered.version, reference=entered.ehr_reference)

    def not_entered_in(self, lang: Lang) -> str:
        """The ward's answer that it is not to be entered: of the version that stands, closing
        the line, unless it is entered after all; of an earlier one, on the line an amendment
        brought back."""
        said = self.not_entered
        if said is None or self.entered_now:
            return ""
        if self.decided is not None:
            return said.text_in(lang)
        if said.version == self.record.version:
            return message(lang, QT_TRANSLATE_NOOP("messages", "the other record asked about was amended or withdrawn "
                                                               "since the ward's answer ({said}): ask the ward again"),
                           said=said.text_in(lang))
        return message(lang, QT_TRANSLATE_NOOP("messages", "version {version} was not entered: {said}"),
                       version=said.version, said=said.text_in(lang))

    def identity_in(self, lang: Lang) -> str:
        """How to enter a provisional identity: identity-vigilance rules keep its INS out of the
        EHR until a document is seen (the FHIR bundle leaves it out too). Said until it is first
        entered; a later validation is among the changes to correct."""
        withdrawn = self.record.status is RecordStatus.ENTERED_IN_ERROR
        if not self.provisional_identity or self.entered is not None or withdrawn:
            return ""
        return message(lang, QT_TRANSLATE_NOOP("messages", "identity provisional: create it as provisional in the EHR, "
                                               "without the INS, until an identity document is seen"))

    def changes_in(self, lang: Lang) -> str:
        if self.on_hold is not None:
            return self.on_hold.text_in(lang)
        return changes_text(self.changes, lang)


ADMITTED_AS = QT_TRANSLATE_NOOP("messages", "admitted as {names}")
ADMITTED_UNTIL = QT_TRANSLATE_NOOP("messages", "{name} until {until}")


@dataclass(frozen=True)
class PatientWork:
    """A patient's items (or, with `patient` None, the ward-level ones such as theatre sessions)."""

    patient: PatientSummary | None
    ehr_patient_number: str | None
    items: tuple[WorkItem, ...]
    formerly: tuple[EarlierName, ...] = ()
    """The temporary names the patient was admitted under, identified since: the clerk holds
    paper forms and laboratory slips reading UNKNOWN MALE ALPHA, and the heading named GIRARD."""
    link_contradicted: LinkContradicted | None = None
    """The link `ehr_patient_number` names, contradicted by the admission since (see the class)."""

    def admitted_as(self, lang: Lang) -> str:
        """"admitted as UNKNOWN MALE ALPHA until 30/11/2026 10:00" (each temporary name, on the
        laptop's clock), or "" for a patient admitted under their own name: the printed heading and
        the tab's patient column say it beside the name."""
        return message(lang, ADMITTED_AS, names=", ".join(
            message(lang, ADMITTED_UNTIL, name=was.name.upper(), until=f"{was.until.astimezone():%d/%m/%Y %H:%M}")
            for was in self.formerly)) if self.formerly else ""

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items)


def _step(session: Session, form_id: str) -> int:
    spec = session.form(form_id)
    if spec.movement is not None:
        return LEAVING_STEP if leaves_hospital(spec.movement) else 0
    if form_id == records.ORDER_FORM:
        return 1
    if form_id in (census.DOSE_FORM, infusion_rates.FORM, infusion_checks.FORM):  # a bag's rate changed or its
        # check, with the bag's dose: the EHR's infusion chart holds them under it
        return 2
    if form_id in THEATRE_FORMS or not spec.about_patient:
        return 3
    return 4


def _to_enter(session: Session, item: WorkItem, written: Mapping[str, int]) -> ToEnter:
    """The item as its order sees it: its kind, its time, the records it points to and when it
    was first written (`first_written`; a record held, not written here, after those written)."""
    record = item.record
    return ToEnter(record.record_id, item.step, record.occurred_at, frozenset(_refers_to(session, record)),
                   session.form(record.form_id).creates_patient, item.step == LEAVING_STEP,
                   record.status is RecordStatus.ENTERED_IN_ERROR, written.get(record.record_id, sys.maxsize))


def _in_entry_order(session: Session, items: Sequence[WorkItem], admitted: Collection[datetime],
                    written: Mapping[str, int]) -> tuple[WorkItem, ...]:
    """A patient's items in the order to enter them (domain.entry_order); `admitted`: when each
    of their standing stays began; `written`: when each record was first written."""
    by_id = {item.record.record_id: item for item in items}
    return tuple(by_id[line.record_id] for line in in_entry_order([_to_enter(session, item, written) for item in items],
                                                                  admitted))


# A record loaded from the EHR's snapshot is told by its id (domain.records.loaded_from_snapshot),
# in Python and, here, in SQL for the counts.
LOADED_SQL = "substr({0}.record_id, 15, 1) IN ('3', '5')"


def _entries(db: Database, current: Collection[RecordVersion]) -> dict[str, Entered]:
    """The latest version of each of these records that is in the EHR: the latest one ticked
    off, else version 1 of a record loaded from the EHR's snapshot."""
    found: dict[str, Entered] = {}
    ids = [record.record_id for record in current]
    for part in chunks(ids):
        for row in db.query(f"SELECT * FROM back_entries WHERE record_id IN ({marks(part)}) ORDER BY version", part):
            found[row["record_id"]] = Entered(row["version"], row["ehr_reference"], row["entered_by"],
                                              datetime.fromisoformat(row["entered_at"]))
    loaded = [record.record_id for record in current if record.version > 1 and record.record_id not in found
              and loaded_from_snapshot(record.record_id)]
    for record_id, first in _versions(db, {record_id: 1 for record_id in loaded}).items():
        found[record_id] = Entered(1, "", first.author, first.recorded_at)
    return found


def _decisions(db: Database, record_ids: Collection[str], names: Mapping[str, str]) -> dict[str, NotEntered]:
    """The ward's latest answer that each of these records is not to be entered (its highest
    version so answered), the newest standing when the ward answered again after a lapse;
    `names`: staff.names_with_ids, naming the clerk who wrote it down."""
    found: dict[str, NotEntered] = {}
    for part in chunks(list(record_ids)):
        for row in db.query(f"SELECT n.*, {LAPSED_SQL.format('n')} AS lapsed FROM not_entered n"
                            f" WHERE n.record_id IN ({marks(part)}) ORDER BY n.version, n.rowid", part):
            found[row["record_id"]] = _not_entered(row, names)
    return found


SAME_RECORD_FIELDS = ("order", "scheduled_for", "outcome", "dose_given", "to_ward", "to_bed", "unit", "volume",
                      "reaction")
"""What makes a record the one dose, move or end of a unit the ward was asked about
(`ONE_DOSE_TWICE`), besides its time: a dose's order, scheduled time, outcome and dose, a move's
ward and bed, an end's unit, outcome, volume and reaction. Its site, a comment or an order
countersigned since leave the ward's answer as it was."""
SAME_ONE_FIELDS = ("order", "scheduled_for", "unit", "to_ward", "to_bed")
"""What two records of one patient and form share when they are perhaps the one dose, move or
end of a unit (`ONE_DOSE_TWICE`): the order and scheduled time, the unit, the ward and bed. Read
of an answer that did not keep what it was asked beside (`LAPSED_SQL`)."""


def _no_longer(now: str, then: str) -> str:
    """SQL: whether the record version `now` withdraws, or is no longer the same dose, move or
    end of a unit as, the version `then` of the same record (`SAME_RECORD_FIELDS`); its time read
    as an instant: an export's "11:43:00" amended to "11:43" is the same dose."""
    return (f"({now}.status = '{RecordStatus.ENTERED_IN_ERROR.value}' OR julianday({now}.occurred_at) IS NOT "
            f"julianday({then}.occurred_at) OR "
            + " OR ".join(f"json_extract({now}.data, '$.{name}') IS NOT json_extract({then}.data, '$.{name}')"
                          for name in SAME_RECORD_FIELDS) + ")")


LAPSED_SQL = ("""(EXISTS (SELECT 1 FROM audit a, json_each(a.detail, '$.asked_beside') j, records asked,
                          current_records now
                          WHERE a.entity = 'not_entered' AND a.entity_id = {0}.id
                          AND asked.record_id = json_extract(j.value, '$[0]')
                          AND asked.version = json_extract(j.value, '$[1]') AND now.record_id = asked.record_id
                          AND """ + _no_longer("now", "asked") + """)
                 OR EXISTS (SELECT 1 FROM audit a CROSS JOIN records mine CROSS JOIN records was
                            CROSS JOIN audit wrote CROSS JOIN current_records now CROSS JOIN audit rewrote
                            WHERE a.entity = 'not_entered' AND a.entity_id = {0}.id
                            AND json_type(a.detail, '$.asked_beside') IS NULL
                            AND mine.record_id = {0}.record_id AND mine.version = {0}.version
                            AND was.patient_id IS mine.patient_id AND was.form_id = mine.form_id
                            AND was.record_id != mine.record_id AND """
              + " AND ".join(f"json_extract(was.data, '$.{name}') IS json_extract(mine.data, '$.{name}')"
                             for name in SAME_ONE_FIELDS) + """
                            AND wrote.entity = 'records' AND wrote.entity_id = was.id AND wrote.seq < a.seq
                            AND now.record_id = was.record_id AND rewrote.entity = 'records'
                            AND rewrote.entity_id = now.id AND rewrote.seq > a.seq
                            AND """ + _no_longer("now", "was") + "))")
"""Whether the not_entered row `{0}` lapsed (`NotEntered.lapsed`): the other record of the dose,
move or end of a unit its line was asked about, which `mark_not_entered`'s audit entry keeps with
its version, is withdrawn since, or is no longer that one (`SAME_RECORD_FIELDS`). An answer
written before the audit kept that (an office database open while the release was installed)
lapses likewise when a record of the same patient, form and dose, move or unit
(`SAME_ONE_FIELDS`), there before the answer, is withdrawn or changed so by a version written
after it, by the audit's order: the answer was given beside it. Its tables are read in the
order written (`CROSS JOIN`): left to choose, SQLite began with every record's audit entry, to
find the versions written after the answer, for each answer: 450 answers kept a records
office's Back-entry tab reading for five minutes."""
NEWEST_SQL = "{0}.rowid = (SELECT MAX(m.rowid) FROM not_entered m WHERE m.record_id = {0}.record_id)"
"""Whether the not_entered row `{0}` is its record's newest answer, the one that stands: the ward
answers again once its answer lapsed (`_decisions`)."""


def standing_not_entered(db: Database, names: Mapping[str, str]) -> dict[str, NotEntered]:
    """The ward's answer that a record is not to be entered, of each record whose standing
    version it answers: the FHIR bundle leaves those records out (posted, the dose recorded
    twice went into the EHR twice all the same). `names`: as `_decisions`."""
    return {row["record_id"]: _not_entered(row, names) for row in db.query(
        "SELECT n.* FROM not_entered n JOIN current_records c ON c.record_id = n.record_id AND c.version = n.version"
        f" WHERE {NEWEST_SQL.format('n')} AND NOT {LAPSED_SQL.format('n')}")}


def _not_entered(row: Mapping[str, Any], names: Mapping[str, str]) -> NotEntered:
    return NotEntered(row["version"], row["ward_said"], row["reason"], names.get(row["recorded_by"], row["recorded_by"]),
                      datetime.fromisoformat(row["recorded_at"]), bool(row.get("lapsed")))


def _versions(db: Database, wanted: dict[str, int]) -> dict[str, RecordVersion]:
    """These versions of these records (record id: version)."""
    found: dict[str, RecordVersion] = {}
    for part in chunks(list(wanted)):
        for row in db.query(f"SELECT * FROM records WHERE record_id IN ({marks(part)})", part):
            if row["version"] == wanted[row["record_id"]]:
                found[row["record_id"]] = as_version(row)
    return found


def _changes(session: Session, before: RecordVersion | None, after: RecordVersion) -> tuple[Change, ...]:
    """The answers changed since the version in the EHR (none for a withdrawal: the whole record
    goes)."""
    if before is None or after.status is RecordStatus.ENTERED_IN_ERROR:
        return ()
    return changes(session.form(after.form_id), before.data, after.data)


def _provisional_identity(session: Session, record: RecordVersion) -> bool:
    """An admission whose identity was not validated against a document."""
    spec = session.form(record.form_id)
    status = spec.by_meaning(Meaning.IDENTITY_STATUS)
    return spec.creates_patient and status is not None and record.data.get(status.id) != VALIDATED_IDENTITY


def _is_work(record: RecordVersion, entered: Entered | None, held: bool) -> bool:
    """Nothing of a record withdrawn before anyone entered it goes to the EHR, nor does a record
    loaded from the EHR itself that nobody changed since; a record on hold is listed whatever it
    is, until the wards say which of its versions is right."""
    return held or entered is not None or not (record.status is RecordStatus.ENTERED_IN_ERROR
                                               or loaded_from_snapshot(record.record_id))


def _holds(session: Session, current: Collection[RecordVersion], patient_ids: Collection[str],
           without_patient: bool, authors: Authors) -> tuple[dict[str, OnHold], list[RecordVersion]]:
    """Each of these records on hold, and the records of these patients (or about no patient)
    on hold from their version 1, which have no version in `records` to stand for them (they
    are listed by their first held version). Holds are few: they are read whole, not asked of
    each of a hospital's records."""
    wanted = set(patient_ids) | ({None} if without_patient else set())
    held_only = {record_id for record_id, patient_id in session.db.execute(
        "SELECT DISTINCT record_id, patient_id FROM unsettled_versions WHERE record_id NOT IN (SELECT record_id FROM records)")
        if patient_id in wanted}
    holds = _read_holds(session, {record.record_id for record in current} & set(held_from(session.db)) | held_only,
                        authors)
    return holds, [holds[record_id].versions[0] for record_id in sorted(held_only)]


def _read_holds(session: Session, record_ids: Collection[str], authors: Authors) -> dict[str, OnHold]:
    """Those of these records on hold, each with its versions and the answers they differ in;
    `authors`: services.laptops.authors, read once by the caller."""
    holds: dict[str, OnHold] = {}
    found = on_hold(session.db, record_ids)
    laptops = laptops_known(session, {row["device_id"] for rows in found.values() for row in rows})
    first = {record_id: form_version for part in chunks(list(found)) for record_id, form_version in session.db.execute(
        f"SELECT record_id, form_version FROM records WHERE version = 1 AND record_id IN ({marks(part)})", part)}
    for record_id, rows in found.items():
        versions = tuple(sorted((as_version(row) for row in rows), key=lambda version: (
            version.version, version.recorded_at, version.author)))
        holds[record_id] = on_hold_of(session.form(versions[0].form_id), versions, laptops, authors,
                                      first.get(record_id))
    return holds


def on_hold_of(spec: FormSpec, versions: Sequence[RecordVersion], laptops: Mapping[str, Laptop],
               authors: Authors = NOBODY, first_saved_under: int | None = None) -> OnHold:
    """A record's versions on hold, in order, with the answers they differ in: as the worklist
    lists it, and as the merge's report says it before the office imports it; `first_saved_under`:
    see OnHold."""
    fields = tuple(field for field in spec.fields() if len({
        json.dumps(standing_for(field, version.data.get(field.id)), sort_keys=True) for version in versions}) > 1)
    return OnHold(versions[0].version, tuple(versions), fields, laptops, authors, first_saved_under)


def conflicts_among(forms: Mapping[str, FormSpec], current: Collection[RecordVersion],
                    laptops: Callable[[Collection[str]], Mapping[str, Laptop]],
                    held: Collection[RecordVersion] = (),
                    authors: Authors = NOBODY, first: Mapping[str, datetime] | None = None,
                    beds: BedMates | None = None) -> dict[str, tuple[Conflict, ...]]:
    """The standing records among these current ones that another laptop's record contradicts:
    their patient's admission withdrawn there, or their patient's leaving (death, discharge,
    transfer out) recorded there before their time; for a dose its order withdrawn there, or
    stopped there before the dose was given, the same scheduled time of the same order recorded
    there too (or on its own laptop, given twice with nothing to say why: `_same_slot`), or an
    as-required dose of the same order recorded there within the order's interval; for a move
    within the hospital, a move of the patient to the same ward and bed
    recorded there close to it (see `_same_move`); for a unit of blood, its end recorded there too,
    or the same unit started there for another patient (`_one_unit_twice`: found only where both
    patients' records are read together, as the merge and the bundle read them). A record's patient is one, so a page of the list (or the bundle's patients read
    together) holds both. The one rule for the merge, the import, the worklist's lines and the
    FHIR bundle's Provenance; `laptops` names the laptops by device id. Each rule is one pass
    over the records with lookups by id: a hospital's merge holds a million doses.

    `held`: every version of those of them on hold (as storage.records.on_hold reads them). Each
    laptop's latest version of a record on hold counts as its record does, although another
    laptop's version stands here: an order or an admission withdrawn there, an order stopped
    there, a dose given there (withdrawn here, it may be the only record of that dose given).
    Without it a line said nothing, or "ask the ward", by the order the sticks came in.
    `authors`: to name who wrote the other record (see domain.laptops.Authors). `first`: when
    version 1 of records amended was written (storage.records.first_authors): movements of one
    minute are replayed in that order, as the census replays them (an amendment does not move
    one after the others), and a move whose time was changed since to after another laptop's
    later move is found (`_moves_crossed`; none given, that rule is not applied). `beds`: the
    other patients placed in the beds these records put a patient in, at times they can have
    shared them, read from the database (`bed_mates`), and who is one person with whom: without
    it, only two patients among these records are found in one bed."""
    latest = {(version.record_id, version.device_id): version for version in sorted(held, key=lambda v: v.version)}
    withdrawn = {record.record_id: record for record in current if record.status is RecordStatus.ENTERED_IN_ERROR}
    for version in latest.values():
        if version.status is RecordStatus.ENTERED_IN_ERROR:
            withdrawn.setdefault(version.record_id, version)
    standing = [record for record in current if record.status is not RecordStatus.ENTERED_IN_ERROR]
    admissions: dict[str | None, list[RecordVersion]] = {}
    for record in current:
        if forms[record.form_id].creates_patient:
            admissions.setdefault(record.patient_id, []).append(record)
    found: dict[str, list[tuple[str, RecordVersion, Apart | None]]] = {}
    for record in standing:
        stays = admissions.get(record.patient_id, [])
        if stays and not forms[record.form_id].creates_patient and all(stay.record_id in withdrawn for stay in stays):
            found.setdefault(record.record_id, []).append(
                (ADMISSION_WITHDRAWN, max((withdrawn[stay.record_id] for stay in stays), key=lambda stay: stay.recorded_at),
                 None))
    for record, leaving in _after_leaving(forms, standing):
        found.setdefault(record.record_id, []).append((AFTER_LEAVING[forms[leaving.form_id].movement], leaving, None))
    doses = [record for record in standing if record.form_id == census.DOSE_FORM]
    for dose in doses:
        if (order := withdrawn.get(str(dose.data.get("order")))) is not None:
            found.setdefault(dose.record_id, []).append((ORDER_WITHDRAWN, order, None))
    orders = {record.record_id: record for record in standing if record.form_id == records.ORDER_FORM}
    stops: dict[str, list[RecordVersion]] = {}
    for order in [*orders.values(), *(version for version in latest.values() if version.form_id == records.ORDER_FORM
                                      and version.status is not RecordStatus.ENTERED_IN_ERROR)]:
        if order.data.get("stop_at"):
            stops.setdefault(order.record_id, []).append(order)
    for dose in doses:
        if (stopped := stops.get(str(dose.data.get("order")))) and (order := _stopped_before(dose, stopped)) is not None:
            found.setdefault(dose.record_id, []).append((ORDER_STOPPED, order, None))
    here = {(dose.record_id, dose.device_id) for dose in doses}
    flagged = {dose.record_id for dose in doses}
    both = doses + [version for key, version in latest.items() if key not in here and version.form_id == census.DOSE_FORM
                    and version.status is not RecordStatus.ENTERED_IN_ERROR]
    stopped = {change.bag_id: change.at for record in standing if record.form_id == infusion_rates.FORM
               and (change := infusion_rates.change_of(record)).change == infusion_rates.STOPPED}
    for dose, kind, other, apart in (*_same_slot(both, stopped), *_as_required_within(both, orders)):
        if dose.record_id in flagged:
            found.setdefault(dose.record_id, []).append((kind, other, apart))
    for move, kind, other, apart in _same_move(forms, standing):
        found.setdefault(move.record_id, []).append((kind, other, apart))
    for record, kind, other, apart in (*_one_unit_twice(standing), *_moves_crossed(forms, standing, first or {})):
        found.setdefault(record.record_id, []).append((kind, other, apart))
    beds = beds or BedMates()
    held_by = _bed_shared(forms, standing, beds.records, first or {})
    people = beds.people({str(record.patient_id) for pair in held_by for record in pair}) if held_by else {}
    for record, other in held_by:
        mine, theirs = people.get(str(record.patient_id)), people.get(str(other.patient_id))
        if mine is None or theirs is None or mine.same.isdisjoint(theirs.same):  # one person admitted twice
            found.setdefault(record.record_id, []).append((BED_HELD, other, None))
    found = {record_id: said for record_id, said in found.items() if said}
    if not found:
        return {}
    known = laptops({record.device_id for said in found.values() for _, record, _ in said})
    return {record_id: tuple(Conflict(kind, record, known.get(record.device_id, Laptop(None)), authors, apart=apart,
                                      spec=forms[record.form_id],
                                      whose=person.number if kind == BED_HELD and (
                                          person := people.get(str(record.patient_id))) else "")
                             for kind, record, apart in said)
            for record_id, said in found.items()}


@dataclass(frozen=True)
class Person:
    """A patient as BED_HELD names them (`number`: their downtime number) and the keys of the
    person they are (`same`: their EHR patient's number, their probable duplicates' group, their
    own id): two patients sharing a key are one person admitted twice, whose two records of one
    bed are that person's, not a bed held by another."""

    number: str
    same: frozenset[str]


def _nobody(patient_ids: Collection[str]) -> Mapping[str, Person]:
    return {}


@dataclass(frozen=True)
class BedMates:
    """What `_bed_shared` reads besides the records checked (`conflicts_among`'s `beds`):
    `records`, the current versions of the standing movements of the other patients placed in
    those beds at times they can have shared them (`bed_mates`), and `people`, who each patient
    of a bed held twice is."""

    records: Collection[RecordVersion] = ()
    people: Callable[[Collection[str]], Mapping[str, Person]] = _nobody


Found = tuple[RecordVersion, str, RecordVersion, Apart | None]
"""A dose, the kind of conflict (`Conflict.said`), the other laptop's record, and how far apart."""


def _same_slot(doses: Sequence[RecordVersion], stopped: Mapping[str, datetime]) -> list[Found]:
    """Each dose with the other records of the same scheduled time of the same order that are
    perhaps the one dose recorded twice (`_one_dose_twice`); `stopped`: when each bag of an
    infusion stopped was taken down, by its dose's record id."""
    slots: dict[tuple[str, datetime], list[RecordVersion]] = {}
    for dose in doses:
        if dose.data.get("scheduled_for"):
            slots.setdefault((str(dose.data.get("order")), _due(dose)), []).append(dose)
    return [(dose, SAME_DOSE, other, None) for same in slots.values() for dose in same for other in same
            if other.record_id != dose.record_id and _one_dose_twice(dose, other, stopped)]


def _one_dose_twice(dose: RecordVersion, other: RecordVersion, stopped: Mapping[str, datetime]) -> bool:
    """Whether two records of one scheduled time may be one dose recorded twice. Not when one is
    a bag stopped before the other was put up: the replacement of a bag that tissued is a bag of
    its own, whichever laptop charted it. Two laptops' records otherwise are, each laptop blind to
    the other's. One laptop showed the time charted: it asked for an "already given" override,
    with the nurse's reason, of a second dose (a dose vomited and given again), and a refusal
    beside a dose is no second dose; a second given with none is one typed where the first was
    not known, after a restore from a backup older than it (the ward told to re-type from paper
    what its stick held), and reached the EHR twice. Which one is later is by when each was typed
    (two typed at one instant, by whether it was given over the warning: either way round alike).
    No restore between the two is asked for, although the manifests name the restores: the
    office's database keeps none, so its worklist and its bundle could not ask it, and the merge
    would have said otherwise than they do; and a restore the manifests do not name (its entry
    wound back by a second restore from an older backup before any stick held it, or an older
    app's manifest) would have let a dose given twice through."""
    if any(elapsed.reached(stopped.get(first.record_id), then.occurred_at)
           for first, then in ((dose, other), (other, dose))):
        return False
    if other.device_id != dose.device_id:
        return True
    later = max(dose, other, key=lambda record: (record.recorded_at, _given_over_the_warning(record)))
    return _given(dose) and _given(other) and not _given_over_the_warning(later)


def _given_over_the_warning(dose: RecordVersion) -> bool:
    """Whether the dose was recorded over an "already given" warning, with the nurse's reason."""
    return any(item.get("check") == Check.ALREADY_GIVEN and str(item.get("reason") or "").strip()
               for item in dose.data.get("overrides") or ())


def _same_move(forms: Mapping[str, FormSpec], standing: Sequence[RecordVersion]) -> list[Found]:
    """Each move of a patient within the hospital with another laptop's move of them to the same
    ward and bed within `SAME_MOVE_WITHIN`: the ward they left and the ward they came back to
    each recorded the move back, neither with the other's stick, and the EHR was given a move
    from bed 12 to bed 12."""
    placed: dict[tuple[str | None, str, str], list[RecordVersion]] = {}
    for record in standing:
        spec = forms[record.form_id]
        if spec.movement is Movement.TRANSFER:
            place = tuple(census.field_value(spec, record.data, meaning) or "" for meaning in (Meaning.WARD, Meaning.BED))
            placed.setdefault((record.patient_id, place[0].casefold(), place[1].casefold()), []).append(record)
    return [(move, SAME_MOVE, other, None) for same in placed.values() for move in same for other in same
            if other.device_id != move.device_id
            and abs(elapsed.instant(other.occurred_at) - elapsed.instant(move.occurred_at)) <= SAME_MOVE_WITHIN]


def _bed_shared(forms: Mapping[str, FormSpec], standing: Sequence[RecordVersion], mates: Collection[RecordVersion],
                first: Mapping[str, datetime]) -> list[tuple[RecordVersion, RecordVersion]]:
    """Each admission or move among `standing` that puts a patient in a bed another patient held
    at that time (BED_HELD), with the record that put the other there (among `standing` or
    `mates`, the other patients of those beds): each laptop refuses a bed taken by its own
    patients, but two laptops each filled one bed, and the worklist told the clerk to enter
    both. Replayed as the census replays each patient's movements (domain.census.stays, one
    minute's moves in the order first written: `first`); said of the later of the two (both when
    they came at one minute). A bed left and taken at the same minute is free (a swap); a stay
    with no bed holds none. Each bed's stays are swept in time order, a stay compared with those
    still open when it begins only: a bed of a year's laptop held by a hundred patients in turn
    was compared pair by pair."""
    said = {record.record_id for record in standing}
    theirs: dict[str, dict[str, RecordVersion]] = {}
    for record in (*mates, *standing):
        if forms[record.form_id].movement is not None and record.patient_id:
            theirs.setdefault(record.patient_id, {})[record.record_id] = record
    beds: dict[tuple[str, str], list[tuple[Stay, RecordVersion]]] = {}
    for moves in theirs.values():
        events = [census.event_of(forms[record.form_id], record.patient_id, record.record_id, record.data,
                                  record.occurred_at, first.get(record.record_id, record.recorded_at))
                  for record in moves.values()]
        for stay in stays_of(events):
            if stay.bed and (stay.until is None or stay.until > stay.since):
                placing = max((event for event in events if event.occurred_at == stay.since and event.ward == stay.ward
                               and event.bed == stay.bed), key=lambda event: event.entered_at)
                beds.setdefault(place_key(stay.ward, stay.bed), []).append((stay, moves[placing.record_id]))
    found: list[tuple[RecordVersion, RecordVersion]] = []
    for held in beds.values():
        still_in: list[tuple[Stay, RecordVersion]] = []
        for stay, record in sorted(held, key=lambda one: one[0].since):
            still_in = [(other_stay, other) for other_stay, other in still_in
                        if other_stay.until is None or other_stay.until > stay.since]
            for other_stay, other in still_in:
                if other.patient_id != record.patient_id:
                    found += [(record, other)] if record.record_id in said else []
                    found += [(other, record)] if other_stay.since == stay.since and other.record_id in said else []
            still_in.append((stay, record))
    return found


def _moves_crossed(forms: Mapping[str, FormSpec], standing: Sequence[RecordVersion],
                   first: Mapping[str, datetime]) -> list[Found]:
    """Each amended move (`first`: when its version 1 was written) whose time now comes after
    another laptop's admission or move of the patient to another place that was written after
    it and dated from then on (`MOVES_CROSSED`): 3B's laptop corrected its move to 5A bed 4 from 15:00 to 15:45
    after its stick had gone, and 5A's laptop had moved the patient to bed 6 at 15:30; replayed,
    the patient went back to bed 4, and the worklist gave the EHR bed 6, then bed 4."""
    placing: dict[str | None, list[RecordVersion]] = {}
    for record in standing:
        if forms[record.form_id].movement in (Movement.ADMIT, Movement.TRANSFER):
            placing.setdefault(record.patient_id, []).append(record)
    return [(move, MOVES_CROSSED, other, None) for theirs in placing.values() for move in theirs
            if forms[move.form_id].movement is Movement.TRANSFER and move.version > 1
            and (written := first.get(move.record_id)) is not None
            for other in theirs if other.device_id != move.device_id and not _same_place(forms, move, other)
            and first.get(other.record_id, other.recorded_at) > written and written <= other.occurred_at < move.occurred_at]


def _same_place(forms: Mapping[str, FormSpec], move: RecordVersion, other: RecordVersion) -> bool:
    """Two movements to one ward and bed: replayed in either order they leave the patient there,
    and SAME_MOVE already asks whether they are one move recorded twice."""
    at, to = (place_key(census.field_value(forms[one.form_id], one.data, Meaning.WARD),
                        census.field_value(forms[one.form_id], one.data, Meaning.BED)) for one in (move, other))
    return at == to


def place_key(ward: str | None, bed: str | None) -> tuple[str, str]:
    """A ward and bed as the census compares them: case and surrounding spaces ignored."""
    return (ward or "").strip().casefold(), (bed or "").strip().casefold()


def _one_unit_twice(standing: Sequence[RecordVersion]) -> list[Found]:
    """Each end of a unit of blood with another laptop's end of it (`TWO_ENDS`: one said "given in
    full", the other a reaction, and the reaction was lost), and each first start of a unit with
    a start of the same donation number for another patient (`UNIT_TWO_PATIENTS`: the unit at the
    wrong bedside, or a number mistyped). Each laptop refuses both of its own records; merged, they
    were said to no one."""
    ends: dict[str, list[RecordVersion]] = {}
    starts: dict[str, list[RecordVersion]] = {}
    for record in standing:
        if record.form_id == transfusion.END_FORM:
            ends.setdefault(str(record.data.get("unit")), []).append(record)
        elif record.form_id == transfusion.FORM and record.data.get("restart") is not True:
            starts.setdefault(transfusion.same_unit(str(record.data["unit_number"])), []).append(record)
    return [*((end, TWO_ENDS, other, None) for same in ends.values() for end in same for other in same
              if other.device_id != end.device_id),
            *((start, UNIT_TWO_PATIENTS, other, None) for same in starts.values() for start in same for other in same
              if other.patient_id != start.patient_id)]


def _given(dose: RecordVersion) -> bool:
    return dose.data.get("outcome") == Outcome.GIVEN


def _stopped_before(dose: RecordVersion, stops: Sequence[RecordVersion]) -> RecordVersion | None:
    """The version of the dose's order that another laptop stopped before the dose was given
    there. The laptop that stopped it refuses such a dose, so it knew; the other one, given the
    patient's stick before the stop, charted the next dose as due."""
    if not _given(dose):
        return None
    return next((order for order in stops if order.device_id != dose.device_id
                 and elapsed.reached(datetime.fromisoformat(str(order.data["stop_at"])), dose.occurred_at)), None)


def _as_required_within(doses: Sequence[RecordVersion], orders: Mapping[str, RecordVersion]) -> list[Found]:
    """Each as-required dose given with another laptop's dose of the same order closer to it than
    the order's least interval: one dose charted twice, or two doses too close, which neither
    laptop could see (each checked its own doses)."""
    given: dict[str, list[RecordVersion]] = {}
    for dose in doses:
        if dose.data.get("scheduled_for") or not _given(dose):
            continue
        order = orders.get(str(dose.data.get("order")))
        if order is not None and order.data.get("frequency") == Frequency.PRN and order.data.get("min_interval_hours"):
            given.setdefault(order.record_id, []).append(dose)
    found: list[Found] = []
    for order_id, same in given.items():
        if len({dose.device_id for dose in same}) < 2:
            continue  # one laptop's doses: it weighed each against the others
        hours = float(orders[order_id].data["min_interval_hours"])
        interval = timedelta(hours=hours)
        timed = sorted(((elapsed.instant(dose.occurred_at), dose) for dose in same), key=lambda pair: pair[0])
        for index, (at, dose) in enumerate(timed):
            for other_at, other in timed[index + 1:]:
                if other_at - at >= interval:
                    break
                if other.device_id != dose.device_id and other.record_id != dose.record_id:
                    apart = Apart(int((other_at - at).total_seconds() // 60), hours)
                    found += [(dose, AS_REQUIRED_TWICE, other, apart), (other, AS_REQUIRED_TWICE, dose, apart)]
    return found


AFTER_THE_STAY = frozenset({"operation_booking", "operation_rebooking", "operation_cancellation", "lab_result"})
"""Forms whose records are dated after their patient left as a matter of course: an operation
planned (booked, moved, cancelled) for a patient waiting at home, a result received after the
sample's patient went home."""


def _after_leaving(forms: Mapping[str, FormSpec], standing: Sequence[RecordVersion]
                   ) -> list[tuple[RecordVersion, RecordVersion]]:
    """Each standing record (not an admission, nor one of `AFTER_THE_STAY`) dated after its
    patient's leaving (death, discharge, transfer out) that another laptop recorded, with no
    admission since, with that leaving: the laptop that recorded it takes nothing more of the
    stay; the other, never told, charted on for a patient who had gone (a dose given after a
    death was given to someone else)."""
    bounds: dict[str | None, list[RecordVersion]] = {}
    leavers: dict[str | None, set[str]] = {}
    for record in standing:
        movement = forms[record.form_id].movement
        if movement is Movement.ADMIT or (movement is not None and leaves_hospital(movement)):
            bounds.setdefault(record.patient_id, []).append(record)
            if movement is not Movement.ADMIT:
                leavers.setdefault(record.patient_id, set()).add(record.device_id)
    bounds = {patient_id: moves for patient_id, moves in bounds.items() if patient_id in leavers}
    times: dict[str | None, list[datetime]] = {}
    for patient_id, moves in bounds.items():
        moves.sort(key=lambda record: elapsed.instant(record.occurred_at))
        times[patient_id] = [elapsed.instant(record.occurred_at) for record in moves]
    found = []
    for record in standing:
        # Most patients' records are one laptop's, which recorded their leaving too: nothing to find.
        if (leavers.get(record.patient_id, {record.device_id}) <= {record.device_id}
                or forms[record.form_id].creates_patient or record.form_id in AFTER_THE_STAY):
            continue
        moves = bounds[record.patient_id]
        for position in range(bisect_left(times[record.patient_id], elapsed.instant(record.occurred_at)) - 1, -1, -1):
            move = moves[position]
            if forms[move.form_id].movement is Movement.ADMIT:
                break
            if move.device_id != record.device_id:
                found.append((record, move))
                break
    return found


def with_entries(conflicts: Mapping[str, tuple[Conflict, ...]], entered: Mapping[str, Entered],
                  decided: Mapping[str, NotEntered]) -> dict[str, tuple[Conflict, ...]]:
    """These conflicts, each other record of the same dose that is ticked off, or that the ward
    said is not to be entered, saying so (the records ticked off among `entered`, `_entries`, and
    so answered among `decided`, `_decisions`)."""
    return {record_id: tuple(replace(conflict, entered=entered.get(conflict.record.record_id),
                                     not_entered=decided.get(conflict.record.record_id))
                             if conflict.said in ONE_DOSE_TWICE else conflict for conflict in said)
            for record_id, said in conflicts.items()}


def hold_of(session: Session, record_id: str) -> OnHold | None:
    """The record's hold as the worklist shows it, or None when it is not on hold."""
    session.require(Action.READ_RECORDS)
    return _read_holds(session, [record_id], authors_here(session)).get(record_id)


def line_of(session: Session, record_id: str) -> WorkItem | None:
    """The record's line on the worklist as it reads now, or None when it has none (entered, or
    unknown here)."""
    try:
        patient_id = records.current(session.db, record_id).patient_id
    except RecordNotFound:
        return None
    return next((item for group in worklist_of(session, [patient_id]) for item in group.items
                 if item.record.record_id == record_id), None)


def ehr_numbers(db: Database, patient_ids: Collection[str] | None = None) -> dict[str, str]:
    """Each reconciled patient's EHR number (the latest line wins), or only these patients'."""
    if patient_ids is None:
        return {row["patient_id"]: row["ehr_patient_number"]
                for row in db.query("SELECT patient_id, ehr_patient_number FROM patient_links ORDER BY rowid")}
    return {row[0]: row[1] for part in chunks(patient_ids) for row in db.execute(
        f"SELECT patient_id, ehr_patient_number FROM patient_links WHERE patient_id IN ({marks(part)}) ORDER BY rowid", part)}


def bed_mates(db: Database, forms: Mapping[str, FormSpec], current: Collection[RecordVersion]) -> list[RecordVersion]:
    """The current versions of the standing movements of every other patient placed in a bed
    these records put their patients in, at a time their stays there can overlap
    (census.placed_during), read from the census's movement index: a bed held by two patients
    was said only when both came on one page of the worklist (25 patients by name), and no more
    once a line was ticked (the patient read again alone). Those gone from the bed before, or
    come after, are left out: a bed of a month's records office had held 170 patients in turn,
    and reading them all was half of the first page's time."""
    placing = [census.event_of(forms[record.form_id], record.patient_id, record.record_id, record.data,
                               record.occurred_at, record.recorded_at)
               for record in current if record.patient_id is not None and forms[record.form_id].movement is not None
               and record.status is not RecordStatus.ENTERED_IN_ERROR]
    others = census.placed_during(db, census.reaches(placing)) - {str(record.patient_id) for record in current}
    theirs = [row[0] for part in chunks(others) for row in db.execute(
        f"SELECT record_id FROM movement_index WHERE standing = 1 AND patient_id IN ({marks(part)})", part)]
    return list(current_of(db, theirs).values())


def people(db: Database, patient_ids: Collection[str]) -> dict[str, Person]:
    """Who each of these patients is (`Person`): their downtime number, the EHR patient they are
    linked to, and the group of probable duplicates they are in."""
    numbers = downtime_numbers(db, patient_ids)
    same = {patient_id: {patient_id} for patient_id in patient_ids}
    for patient_id, ehr in ehr_numbers(db, patient_ids).items():
        same[patient_id].add(f"ehr:{ehr}")
    by_number = {number: patient_id for patient_id, number in numbers.items()}
    for group in probable_duplicates_among(db, patient_ids):
        for number in group.downtime_numbers:
            if number in by_number:
                same[by_number[number]].add("probably:" + "|".join(group.downtime_numbers))
    return {patient_id: Person(numbers.get(patient_id, ""), frozenset(keys)) for patient_id, keys in same.items()}


def worklist(session: Session) -> list[PatientWork]:
    """The whole list (the command line and the printed worklist)."""
    return worklist_of(session, worklist_order(session))


def worklist_order(session: Session) -> list[str | None]:
    """Who the list goes through, in its order: the records about no patient (None: theatre
    sessions) first, since the patients' bookings point to them and the EHR wants a session
    before its bookings (put last, every booking said to go to the end of the list first), then
    patients by name. Once entered, the sessions leave the list of what is left, and the ward's
    records fill the first screen. A booking whose session is not in the EHR yet still says so
    (`WaitsFor`). Read from the patients' identities, not their records, so the records office's
    screen can fetch the items of a page of patients at a time (`worklist_of`)."""
    session.require(Action.READ_RECORDS)
    named = display_names(session.db, session.forms)
    numbers = downtime_numbers(session.db)
    order: list[str | None] = sorted(named, key=lambda patient_id: (sort_key(named[patient_id]), named[patient_id],
                                                                   numbers[patient_id]))
    rest = {row["patient_id"] for row in session.db.query(
        "SELECT DISTINCT patient_id FROM records UNION SELECT DISTINCT patient_id FROM unsettled_versions")}
    return ([None] if None in rest else []) + order + sorted(str(pid) for pid in rest - set(named) - {None})


BAG_PUT_UP = QT_TRANSLATE_NOOP("messages", "{order}, up {time}")
"""A bag as a record pointing to it names it (a rate change, a check, a fluid balance line): its
order as the chart heads it and when it was put up."""


def _bags_as_put_up(session: Session, current: Sequence[RecordVersion], orders: Mapping[str, str]) -> dict[str, str]:
    """The doses among `current` whose order is among `orders` (`chart_labels`) as the lines of
    the records pointing to them say them (`BAG_PUT_UP`): a rate change's line gave its bag's
    every answer, "Infusion rate: 0.7 mL/h" ahead of its "New rate: 1 mL/h", and a clerk skimming
    it could enter the old rate."""
    spec = session.form(census.DOSE_FORM)
    return {record.record_id: message(session.lang, BAG_PUT_UP, order=orders[str(record.data["order"])],
                                      time=answer_text(spec.field("given_at"), record.data["given_at"], session.lang))
            for record in current if record.form_id == census.DOSE_FORM and str(record.data.get("order")) in orders
            and record.data.get("given_at")}


def worklist_of(session: Session, order: Sequence[str | None]) -> list[PatientWork]:
    """The items of these patients (None: records about no patient), each patient's in the
    order to type them; a patient with nothing to enter is left out."""
    session.require(Action.READ_RECORDS)
    ids = [pid for pid in order if pid is not None]
    current = list_current(session.db, patient_ids=ids) + (
        list_current(session.db, without_patient=True) if None in order else [])
    authors = authors_here(session)  # read once for the page: its holds, conflicts, labels and settlements
    holds, held_only = _holds(session, current, ids, None in order, authors)
    current += held_only
    known = {record.record_id: record for record in current}
    entered = _entries(session.db, current)
    decided = _decisions(session.db, known, authors.names)
    mates = bed_mates(session.db, session.forms, current)
    firsts = first_authors(session.db, [record.record_id for record in (*current, *mates) if record.version > 1])
    conflicts = with_entries(conflicts_among(session.forms, current, partial(laptops_known, session),
                                             [version for hold in holds.values() for version in hold.versions],
                                             authors, {record_id: datetime.fromisoformat(at)
                                                       for record_id, (_, _, at) in firsts.items()},
                                             BedMates(mates, partial(people, session.db))), entered, decided)
    earlier = _versions(session.db, {record.record_id: entered[record.record_id].version for record in current
                                     if record.record_id in entered})
    patients = _identities(session, ids, current)
    links = ehr_numbers(session.db, ids)
    contradicted = _contradicted(session.db, session.forms, {patient_id: patients[patient_id].ipp
                                                            for patient_id in links if patient_id in patients})
    shared = _shared(session.db, links)
    also = _also_ordered(session, current, shared)
    settled = {record_id: found[-1] for record_id, found in settled_on(session, set(known) - set(holds), authors.names).items()}
    otherwise = _otherwise(session.db, partial(laptops_known, session), set(known) - set(holds), entered, decided,
                           authors)
    # A dose's line names its order as the chart heads it, its outcome next: every answer of the
    # order came first, and a dose refused read as given wherever the line was cut on screen.
    from downtime.services import theatre  # theatre reads this module's links to EHR patients
    # medication reads this module's snapshot marks
    from downtime.services.medication import chart_labels, typed_late

    orders = chart_labels(session, current)
    orders |= _bags_as_put_up(session, current, orders)
    typed = typed_late(session.db, [record for record in current if record.form_id == census.DOSE_FORM], session.lang)
    placed = theatre.as_placed(session, current, known, authors)
    not_to_enter = [(CHANGED_NOTHING, again, again) for again in theatre.changed_nothing(session.db, current)] + [
        (_contradicted_by(decision, other), decision, other)
        for decision, other in theatre.rebooked_twice_among(session.db, current)]
    by_laptop = laptops_known(session, {other.device_id for _, _, other in not_to_enter}) if not_to_enter else {}
    for said, record, other in not_to_enter:
        conflicts[record.record_id] = (*conflicts.get(record.record_id, ()), Conflict(
            said, other, by_laptop.get(other.device_id, Laptop(None)), authors))
    labels = field_labels(session, current, firsts, authors)
    by_words = _by_words(session.lang, authors, laptops_known(session, {record.device_id for record in current}
                                                              | {device_id for _, device_id, _ in firsts.values()}))
    moves = moves_due(session.db, known)
    waiting = _waiting(session, current, known)
    formerly = _formerly(session, [record for record in current if record.patient_id in patients
                                   and record.record_id == patients[str(record.patient_id)].admission_record_id])
    merges = _merges(session, current, entered, earlier, links, patients)
    groups: dict[str | None, list[WorkItem]] = {}
    for record in current:
        done = entered.get(record.record_id)
        if _is_work(record, done, record.record_id in holds):
            groups.setdefault(record.patient_id, []).append(WorkItem(
                record, _step(session, record.form_id),
                " — ".join(filter(None, (records.record_label(session, record, known, authors,
                                                               orders | placed.get(record.record_id, {}),
                                                               labels.get(record.record_id), office=True),
                                         typed.get(record.record_id)))),
                _by(record, firsts.get(record.record_id), by_words), done,
                _changes(session, earlier.get(record.record_id), record), _provisional_identity(session, record),
                holds.get(record.record_id), conflicts.get(record.record_id, ()),
                shared.get(str(record.patient_id)) if session.form(record.form_id).creates_patient else None,
                _standing(settled.get(record.record_id), record), otherwise.get(record.record_id, ()),
                decided.get(record.record_id), moves.get(record.record_id), waiting.get(record.record_id, ()),
                also.get(record.record_id, ()), merges.get(record.record_id), contradicted.get(str(record.patient_id))))
    written = first_written(session.db, known)
    admitted: dict[str | None, list[datetime]] = {}
    for record in current:
        if session.form(record.form_id).creates_patient and record.status is not RecordStatus.ENTERED_IN_ERROR:
            admitted.setdefault(record.patient_id, []).append(record.occurred_at)
    return [PatientWork(patients.get(patient_id) if patient_id else None, links.get(patient_id or ""),
                        _in_entry_order(session, items, admitted.get(patient_id, ()), written),
                        formerly.get(patient_id or "", ()), contradicted.get(patient_id or ""))
            for patient_id in order if (items := groups.get(patient_id))]


def _formerly(session: Session, admissions: Sequence[RecordVersion]) -> dict[str, tuple[EarlierName, ...]]:
    """The temporary names each of these admissions (a patient's standing one) gave them before."""
    amended = [admission for admission in admissions if admission.version > 1]
    versions = histories(session.db, [admission.record_id for admission in amended])
    return {str(admission.patient_id): found for admission in amended
            if (found := tuple(earlier_temporary_names(session.form(admission.form_id),
                                                       versions[admission.record_id])))}


def _merges(session: Session, current: Sequence[RecordVersion], entered: Mapping[str, Entered],
            earlier: Mapping[str, RecordVersion], links: Mapping[str, str],
            patients: Mapping[str, PatientSummary]) -> dict[str, MergeDue]:
    """The admissions entered while unidentified (their entered version `earlier`) whose version
    standing names a patient of the EHR (linked here, or an IPP recorded), by record id."""
    found = {}
    for record in current:
        spec = session.form(record.form_id)
        unidentified, ipp = spec.by_meaning(Meaning.UNIDENTIFIED), spec.by_meaning(Meaning.IPP)
        was = earlier.get(record.record_id)
        if (not spec.creates_patient or unidentified is None or was is None or record.record_id not in entered
                or was.data.get(unidentified.id) is not True or record.data.get(unidentified.id) is True
                or record.status is RecordStatus.ENTERED_IN_ERROR):
            continue
        linked = links.get(str(record.patient_id))
        if ehr := linked or (str(record.data.get(ipp.id) or "").strip() if ipp else ""):
            found[record.record_id] = MergeDue(entered[record.record_id].ehr_reference, ehr,
                                               patients[str(record.patient_id)].downtime_number, linked is not None)
    return found


# A student nurse's dose's second signature (its `witness`) is the ward nurse who supervised it
# (cd_register.SUPERVISION), accountable for it, as the export sends her (HL7's responsible party,
# sync.fhir_medication): labelled as the form labels any second signature, "Witness / second
# check", a paracetamol tablet's supervisor read to the clerk as a controlled drug's witness.
SUPERVISOR = QT_TRANSLATE_NOOP("messages", "Supervisor (student nurse's dose)")


def field_labels(session: Session, current: Collection[RecordVersion], firsts: Mapping[str, tuple[str, str, str]],
                 authors: Authors) -> dict[str, dict[str, str]]:
    """The fields each record's line labels otherwise than its form does, by record id then field
    id (records.record_label's `labels`): a student nurse's dose's `witness`, its `SUPERVISOR`. The
    giver is whom the dose names, else who wrote its first version (`firsts`: first_authors of
    those amended since), a student by their role in that laptop's staff directory (`authors`);
    a giver whose laptop's directory is not here (an older app's export) reads as before."""
    from downtime.services.medication import GIVEN_BY  # medication reads this module's snapshot marks

    labels: dict[str, dict[str, str]] = {}
    for record in current:
        if record.form_id != census.DOSE_FORM or not record.data.get("witness"):
            continue
        author, device_id, _ = firsts.get(record.record_id, (record.author, record.device_id, ""))
        known = authors.directory.get((device_id, str(record.data.get(GIVEN_BY) or author)))
        if known is not None and known[1] in SUPERVISED:
            labels[record.record_id] = {"witness": message(session.lang, SUPERVISOR)}
    return labels


def _also_ordered(session: Session, current: Sequence[RecordVersion],
                  shared: Mapping[str, SharedEhrPatient]) -> dict[str, tuple[AlsoOrdered, ...]]:
    """Each standing order of a patient whose EHR number other downtime numbers share with the
    same medicine's orders of those numbers running at a same time (`AlsoOrdered`), each order as
    it runs now (one left open when its stay ended read as stopped then). The admission lines
    said to enter the stay once, while each laptop's order of it read "enter"."""
    from downtime.services.medication import orders_of_each  # medication reads this module's snapshot marks

    mine = {str(record.patient_id) for record in current if record.form_id == records.ORDER_FORM
            and str(record.patient_id) in shared and record.status is not RecordStatus.ENTERED_IN_ERROR}
    if not mine:
        return {}
    linked = _linked_to(session.db, {shared[patient_id].ehr for patient_id in mine})
    running = orders_of_each(session.db, {patient_id for found in linked.values() for patient_id in found},
                             session.clock())
    form = session.form(records.ORDER_FORM)
    found: dict[str, tuple[AlsoOrdered, ...]] = {}
    for patient_id in mine:
        ehr = shared[patient_id].ehr
        others = [(number, order) for other, number in linked.get(ehr, {}).items() if other != patient_id
                  for order in running.get(other, [])]
        for order in running.get(patient_id, []):
            said = tuple(AlsoOrdered(ehr, number, other, form) for number, other in others
                         if shares_a_medicine(order.drug, other.drug)
                         and (runs_at(order, other.start_at) or runs_at(other, order.start_at)))
            if said:
                found[order.record_id] = said
    return found


def _by(record: RecordVersion, first: tuple[str, str, str] | None,
        said: Callable[[str, tuple[str, str] | str, tuple[str, str] | None], str]) -> str:
    """Whom the EHR names for a record, as the paper would: an order's prescriber (the one it
    names, a telephone order's, else who wrote it), a dose's giver (the one it names, else who
    recorded it), anything else's writer; `first`: who wrote version 1 of a record changed
    since, the later writer named after them. `said`: the words for (how, whom, changed by whom),
    whom a (staff ID, device id) or a name as written (`_by_words`, read once for a page: a
    page's few people named again and again)."""
    from downtime.services.medication import GIVEN_BY, PRESCRIBER

    author = (first[0], first[1]) if first is not None else (record.author, record.device_id)
    changed = None if author == (record.author, record.device_id) else (record.author, record.device_id)
    if record.form_id == records.ORDER_FORM:
        return said(BY_PRESCRIBER, record.data.get(PRESCRIBER) or author, changed)
    if record.form_id == census.DOSE_FORM and record.data.get("outcome") == Outcome.GIVEN:
        named = record.data.get(GIVEN_BY)  # a staff ID of the laptop that wrote the version naming them
        return said(BY_GIVER, (named, record.device_id) if named else author, changed)
    return said(BY_RECORDER, author, changed)


def _by_words(lang: Lang, authors: Authors, laptops: Mapping[str, Laptop]
              ) -> Callable[[str, tuple[str, str] | str, tuple[str, str] | None], str]:
    @cache
    def said(how: str, whom: tuple[str, str] | str, changed: tuple[str, str] | None) -> str:
        who = whom if isinstance(whom, str) else authors.of(lang, *whom, laptops)
        by = message(lang, how, who=who)
        return by if changed is None else message(lang, CHANGED_BY, by=by, who=authors.of(lang, *changed, laptops))
    return said


def moves_due(db: Database, record_ids: Collection[str]) -> dict[str, MoveDue]:
    """Each of these records entered in the EHR under its patient's earlier EHR number and not
    moved since (`MoveDue`)."""
    return {row["record_id"]: MoveDue(row["from_ehr"], row["to_ehr"]) for part in chunks(list(record_ids))
            for row in db.query(f"SELECT * FROM ehr_moves_due WHERE record_id IN ({marks(part)})", part)}


def _refers_to(session: Session, record: RecordVersion) -> set[str]:
    """The records this one points to (a dose's order, a booking's theatre session)."""
    return {str(record.data[field.id]) for field in session.form(record.form_id).fields()
            if isinstance(field, RecordRefField) and record.data.get(field.id)}


def _waiting(session: Session, current: Sequence[RecordVersion],
             known: Mapping[str, RecordVersion]) -> dict[str, tuple[WaitsFor, ...]]:
    """The records about no patient that each of these patients' records points to and that no
    clerk ticked off (`WaitsFor`): they come after the patients' on the list."""
    pointing = {record.record_id: _refers_to(session, record) for record in current if record.patient_id is not None}
    wanted = {target for targets in pointing.values() for target in targets}
    if not wanted:
        return {}
    found = {record_id: known[record_id] for record_id in wanted if record_id in known}
    found |= {record.record_id: record for part in chunks(sorted(wanted - set(found))) for record in
              (as_version(row) for row in session.db.query(
                  f"SELECT c.* FROM current_records c WHERE c.record_id IN ({marks(part)}) AND c.patient_id IS NULL",
                  part))}
    ticked = {row[0] for part in chunks(sorted(found)) for row in session.db.execute(
        f"SELECT DISTINCT record_id FROM back_entries WHERE record_id IN ({marks(part)})", part)}
    waiting = {record_id: WaitsFor(session.form(target.form_id).title, target.occurred_at)
               for record_id, target in found.items() if target.patient_id is None and record_id not in ticked
               and _is_work(target, None, False)}
    return {record_id: tuple(waiting[target] for target in sorted(targets) if target in waiting)
            for record_id, targets in pointing.items() if not targets.isdisjoint(waiting)}


def _standing(settled: Settled | None, record: RecordVersion) -> Settled | None:
    """The record's last settlement, if the version it left standing is the one that stands."""
    return settled if settled is not None and settled.standing_version == record.version else None


def otherwise_among(db: Database, current: Collection[RecordVersion],
                    laptops: Callable[[Collection[str]], Mapping[str, Laptop]],
                    authors: Authors = NOBODY) -> dict[str, tuple[Otherwise, ...]]:
    """The settlements otherwise (see `Otherwise`) of these standing records that their
    Back-entry line says: noted since each was last ticked off. The FHIR bundle says them too."""
    ids = [record.record_id for record in current]
    return _otherwise(db, laptops, ids, _entries(db, current), _decisions(db, ids, authors.names), authors)


def _otherwise(db: Database, laptops: Callable[[Collection[str]], Mapping[str, Laptop]], record_ids: Collection[str],
               entered: Mapping[str, Entered], decided: Mapping[str, NotEntered],
               authors: Authors) -> dict[str, tuple[Otherwise, ...]]:
    """The settlements otherwise (see `Otherwise`) of these records noted since each was last
    ticked off: marked entered, checked again (`mark_entered`), or answered by the ward as not
    to be entered (`mark_not_entered`)."""
    rows = [row for part in chunks(record_ids) for row in db.query(
        f"SELECT * FROM settlements_otherwise WHERE record_id IN ({marks(part)}) ORDER BY settled_at, id", part)]
    if not rows:
        return {}
    checked = _checked(db, {row["record_id"] for row in rows})
    known = laptops({row["chosen_device_id"] for row in rows})
    found: dict[str, list[Otherwise]] = {}
    for row in rows:
        noted = datetime.fromisoformat(row["noted_at"])
        ticked = [at for at in (checked.get(row["record_id"]),
                                entered[row["record_id"]].entered_at if row["record_id"] in entered else None,
                                decided[row["record_id"]].recorded_at if row["record_id"] in decided else None) if at]
        if not any(at >= noted for at in ticked):
            found.setdefault(row["record_id"], []).append(Otherwise(Settlement.of(row), noted, known, authors))
    return {record_id: tuple(said) for record_id, said in found.items()}


def _checked(db: Database, record_ids: Collection[str]) -> dict[str, datetime]:
    """When each of these records was last checked again (see `mark_entered`)."""
    found: dict[str, datetime] = {}
    for part in chunks(record_ids):
        for record_id, text in db.execute(f"SELECT record_id, checked_at FROM otherwise_checked"
                                          f" WHERE record_id IN ({marks(part)})", part):
            at = datetime.fromisoformat(text)
            found[record_id] = max(found.get(record_id, at), at)
    return found


def _identities(session: Session, ids: Collection[str], current: Sequence[RecordVersion]) -> dict[str, PatientSummary]:
    """Who each patient is: their standing admission, else the withdrawn one itself (whoever
    withdraws it in the EHR must know whose it is), else their downtime number alone: a later
    day's export imported before the one holding the admission. Without it their records
    would be listed as the ward's, "not about a patient", where nobody could tell whose."""
    found = all_patients(session.db, session.forms, patient_ids=ids)
    unknown = {str(record.patient_id) for record in current if record.patient_id is not None
               and record.patient_id not in found}
    numbers = downtime_numbers(session.db, unknown)
    for record in current:
        if str(record.patient_id) in unknown and session.form(record.form_id).creates_patient:
            found.setdefault(str(record.patient_id), summarise(session.form(record.form_id), record,
                                                               numbers[str(record.patient_id)]))
    for patient_id in unknown - found.keys():
        found[patient_id] = _not_admitted_here(session, patient_id, numbers[patient_id])
    return found


def _not_admitted_here(session: Session, patient_id: str, downtime_number: str) -> PatientSummary:
    """A patient known here only by their downtime number (no admission imported yet)."""
    return PatientSummary(
        patient_id=patient_id, downtime_number=downtime_number,
        display_name=message(session.lang, QT_TRANSLATE_NOOP("messages", "(admission not imported yet)")),
        birth_date=None, sex=None, ward=None, bed=None, allergy_status=None, allergies=(), unidentified=False,
        admission_record_id="", admission_version=0, admitted_at="", ipp=None, nir=None, identity_status=None,
        resuscitation=None, isolation=None)


def left_to_enter(work: list[PatientWork]) -> list[PatientWork]:
    """The same patients with only the items still to enter (a patient with none is left out):
    the screen's "only what is left" view, and a printed part of it."""
    left = [replace(group, items=tuple(item for item in group.items if not item.done)) for group in work]
    return [group for group in left if group.items]


def worklist_part(session: Session, order: Sequence[str | None], start: int, patients: int, *,
                  left_only: bool) -> list[PatientWork]:
    """`patients` patients of the list from `order[start]` on, as the screen shows them (only
    those with something left to enter when `left_only`), with the records about no patient
    when the part starts with them (they are not a patient: "--patients 5" printed four): what a
    clerk prints to tick on paper while typing. A hospital's whole list would be tens of
    thousands of pages."""
    part: list[PatientWork] = []
    for at in range(start, len(order), PAGE):
        work = worklist_of(session, order[at:at + PAGE])
        part += left_to_enter(work) if left_only else work
        if sum(group.patient is not None for group in part) >= patients:
            break
    ends = [at for at, group in enumerate(part) if group.patient is not None][patients - 1:patients]
    return part[:ends[0] + 1] if ends else part


def position(session: Session, order: Sequence[str | None], downtime_number: str) -> int:
    """Where the patient with this downtime number is in the list's order."""
    patient_id = _patient_of(session, downtime_number)
    if patient_id not in order:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "{number} has nothing on the back-entry list."),
                       number=downtime_number)
    return order.index(patient_id)


def probable_duplicates(session: Session) -> list[ProbableDuplicate]:
    """Patients who look like one person under two downtime numbers (the merge's report, here
    for exports imported one by one): each would become a second EHR file. Read with the list,
    off the screen's thread: a hospital's 100,000 admissions take seconds."""
    return probable_duplicates_among(session.db)


def duplicates_of(db: Database, patient_ids: Collection[str]) -> list[ProbableDuplicate]:
    """The probable duplicates not yet settled (`probable_duplicates`) that any of these patients
    is one of: what an export's import that admitted them, or changed their admission, says, as
    the merge does. Asked of every admission here: the other number was admitted on another
    laptop, whose stick came on another day."""
    if not patient_ids:
        return []
    numbers = set(downtime_numbers(db, sorted(patient_ids)).values())
    return [group for group in probable_duplicates_among(db) if not numbers.isdisjoint(group.downtime_numbers)]


def probable_duplicates_among(db: Database, patient_ids: Collection[str] | None = None) -> list[ProbableDuplicate]:
    """`probable_duplicates` among these patients only (those of operations at once: the clash
    check asks of a few, not of a hospital's admissions)."""
    return unsettled(db, find_duplicates(_standing_admissions(db, patient_ids)))


def duplicates_and_namesakes(session: Session) -> tuple[list[ProbableDuplicate], list[ProbableDuplicate]]:
    """`probable_duplicates`, and the patients alike whom the ward told apart when admitting them
    (domain.duplicates), each not yet linked to their EHR patients, from one reading of the
    admissions: the namesakes are said under each, so that the clerk, whom the EHR too may offer
    the other's file, enters each under their own."""
    session.require(Action.READ_RECORDS)
    duplicates, namesakes = find_both(_standing_admissions(session.db, None))
    return unsettled(session.db, duplicates), unsettled(session.db, namesakes)


_ADMISSION_VERSIONS = tuple(f"SELECT patient_id, record_id, version, status, device_id, data FROM {table}"
                            " WHERE form_id = 'admission'" for table in ("current_records", "unsettled_versions"))
"""Each admission's version standing here, and every laptop's version of one on hold (its held
versions no settlement covers), as the merge reads them all: an alias amended on one laptop and
identified on another was the merge's probable duplicate of the patient's other number, and the
office's list, reading the first laptop's side alone, said nothing."""


def _standing_admissions(db: Database, patient_ids: Collection[str] | None) -> list[Mapping[str, Any]]:
    wanted = None if patient_ids is None else sorted(set(patient_ids))
    numbers = downtime_numbers(db, wanted)
    rows = (row for query in _ADMISSION_VERSIONS for row in (db.query(query) if wanted is None else (
        row for part in chunks(wanted) for row in db.query(f"{query} AND patient_id IN ({marks(part)})", part))))
    return standing(({**json.loads(row["data"]), "downtime_number": numbers.get(row["patient_id"], ""),
                     "record_id": row["record_id"], "version": row["version"], "status": row["status"],
                     "device_id": row["device_id"]} for row in rows), held_from(db))


ONE_PERSON_BY = {SAME_NIR: "nir", SAME_IPP: "ipp"}
"""The reasons that are a number of the person's own (the national NIR, the hospital's IPP), by
the admission's field holding it: one such number is one person, whom two EHR numbers would
make two files, not namesakes told apart."""


def unsettled(db: Database, found: list[ProbableDuplicate]) -> list[ProbableDuplicate]:
    """Those not yet settled: a group whose numbers are all linked to EHR patients, to one (one
    person, entered once) or, found by name and birth date, to several (people the clerk told
    apart in the EHR). Said without end, the note asked a clerk of the next shift to link two
    people to one EHR file. A group found by the same NIR or IPP is settled only by one EHR
    number: linked to two, one person's records were split between two EHR files, and the note
    that would have said so went. Cheap, so the screen asks again after each link."""
    wanted = sorted({number for group in found for number in group.downtime_numbers})
    by_number = patients_numbered(db, wanted)
    links = ehr_numbers(db, set(by_number.values()))
    return [group for group in found if not _settled(group, [links.get(by_number.get(number, ""))
                                                             for number in group.downtime_numbers])]


def _settled(group: ProbableDuplicate, linked: Sequence[str | None]) -> bool:
    """`linked`: the EHR number each of the group's numbers is linked to (None: not linked)."""
    if None in linked:
        return False
    return group.why not in ONE_PERSON_BY or len({_plain(str(ehr)) for ehr in linked}) == 1


ONE_NUMBER_TWO_FILES = QT_TRANSLATE_NOOP("messages", "{other} has {why} as {number} ({value}) and is linked to EHR "
                                                     "patient {other_ehr}: one person, whose records would be split "
                                                     "between two EHR files. Link {number} to {other_ehr}, or to {ehr} "
                                                     "only if the EHR shows two people (the number mistyped on one "
                                                     "admission).")


class OneNumberTwoFiles(ServiceError):
    """A patient sharing an NIR or IPP with another downtime number linked to another EHR number
    than the one given (`one_number_two_files`): taken only as the clerk's word that the EHR
    shows two people (`link_patient`'s `two_people`): the screen asks, the command line wants it
    given (cli)."""

    def __init__(self, number: str, why: str, value: str, other: str, other_ehr: str, ehr: str) -> None:
        super().__init__(ONE_NUMBER_TWO_FILES, number=number, why=Phrase(why), value=value, other=other,
                         other_ehr=other_ehr, ehr=ehr)
        self.other, self.other_ehr, self.ehr = other, other_ehr, ehr


def one_number_two_files(session: Session, downtime_number: str, ehr_patient_number: str) -> OneNumberTwoFiles | None:
    """Why linking this patient to this EHR number would give one person two EHR files: another
    downtime number found with the same NIR or IPP (the probable duplicate the list says, unless
    the ward told them apart) is linked to another EHR number. None when nothing says so."""
    patient_id = _patient_of(session, downtime_number)
    own = _standing_admissions(session.db, [patient_id])
    keys = {(field, fold(str(row.get(field) or ""))) for row in own for field in ONE_PERSON_BY.values()}
    keys = {(field, value) for field, value in keys if value}
    if not keys:
        return None
    alike = {other for query in _ADMISSION_VERSIONS for other, *values in session.db.execute(
        f"SELECT patient_id, json_extract(data, '$.nir'), json_extract(data, '$.ipp') FROM ({query})")
        if not keys.isdisjoint(zip(("nir", "ipp"), (fold(str(value or "")) for value in values)))}
    groups = [group for group in find_duplicates(_standing_admissions(session.db, alike | {patient_id}))
              if group.why in ONE_PERSON_BY]
    by_number = patients_numbered(session.db, {number for group in groups for number in group.downtime_numbers})
    links = ehr_numbers(session.db, set(by_number.values()))
    for group in groups:
        if patient_id not in (by_number.get(number) for number in group.downtime_numbers):
            continue
        for other in group.downtime_numbers:
            linked = links.get(by_number.get(other, ""))
            if by_number.get(other) != patient_id and linked is not None and not same_number(linked, ehr_patient_number):
                value = next(str(row.get(ONE_PERSON_BY[group.why])) for row in own if row.get(ONE_PERSON_BY[group.why]))
                return OneNumberTwoFiles(downtime_number, group.why, value, other, linked, ehr_patient_number.strip())
    return None


SAME_PERSON = QT_TRANSLATE_NOOP("messages", "Probably the same person as {numbers} ({why}): link both to one EHR "
                                            "patient number, and enter the admission once.")


NAMESAKE = QT_TRANSLATE_NOOP("messages", "Not the same person as {numbers} ({why}): the ward told them apart when "
                                         "admitting them. Enter each under their own EHR patient; do not link them "
                                         "to one.")


TOLD_APART_ONE_NUMBER = QT_TRANSLATE_NOOP("messages", "Told apart from {numbers} by the ward, yet sharing {why}: check "
                                                      "each one's identity (carte Vitale, identity document) before "
                                                      "linking. A number mistyped on one admission is likelier than one "
                                                      "person told apart by mistake: correct it, and link both to one "
                                                      "EHR patient number only if their identities match.")


def same_person_notes(found: Collection[ProbableDuplicate], lang: Lang,
                      told_apart: Collection[ProbableDuplicate] = ()) -> dict[str, str]:
    """What to say under each patient of these probable duplicates (`unsettled` ones), by downtime
    number: the others they probably are, and why (every reason in one sentence). The printed
    worklist and `downtime worklist` say it where the clerk reaches each of them, as the tab says
    it above the list: without it each number became an EHR file of its own. Namesakes the
    ward `told_apart` are said to be other people, in the same place; those it told apart who
    share a NIR or IPP (still `found`) are to be checked, never linked as one person unasked."""
    said: dict[tuple[str, str], tuple[dict[str, None], dict[str, None]]] = {}
    for group, note in [*((group, TOLD_APART_ONE_NUMBER if group.told_apart else SAME_PERSON) for group in found),
                        *((group, NAMESAKE) for group in told_apart)]:
        for number in group.downtime_numbers:
            others, reasons = said.setdefault((number, note), ({}, {}))
            others.update(dict.fromkeys(n for n in group.downtime_numbers if n != number))
            reasons[message(lang, group.why)] = None
    notes: dict[str, list[str]] = {}
    for (number, note), (others, reasons) in said.items():
        notes.setdefault(number, []).append(message(lang, note, numbers=", ".join(sorted(others)),
                                                    why=semicolon(lang).join(reasons)))
    return {number: " ".join(sentences) for number, sentences in notes.items()}


def shared_numbers(session: Session) -> list[SharedNumber]:
    """The downtime numbers two laptops set up with one device number gave here (taken with
    --shared-device-number), each with both patients as they stand now: said above the list
    and under each of them, since the paper forms under one number are about two people."""
    session.require(Action.READ_RECORDS)
    rows = session.db.execute("SELECT patient_id, downtime_number FROM patients WHERE downtime_number IN"
                              " (SELECT downtime_number FROM patients GROUP BY downtime_number HAVING COUNT(*) > 1)"
                              " ORDER BY downtime_number, device_id").fetchall()
    ids = [patient_id for patient_id, _ in rows]
    shown, who = downtime_numbers(session.db, ids), all_patients(session.db, session.forms, ids)
    found: dict[str, list[NumberHolder]] = {}
    for patient_id, number in rows:
        summary = who.get(patient_id)
        found.setdefault(number, []).append(NumberHolder(shown[patient_id], summary.display_name if summary else "",
                                                         summary.birth_date if summary else None,
                                                         (summary.ward or "") if summary else ""))
    return [SharedNumber(number, tuple(holders)) for number, holders in found.items()]


def missing_here(db: Database) -> tuple[MissingVersions, ...]:
    """Each laptop's record versions that none of its exports imported here hold (sync.missing),
    at a records office (a laptop of no ward), whose worklist lacks them: said by every import and
    above the worklist until that stick is imported. A ward's laptop given a moved patient's
    stick holds part of another laptop's records by design."""
    return missing_versions(exports(db)) if settings.laptop_ward(db) is None else ()


def missing_exports(session: Session, lang: Lang) -> list[str]:
    """`missing_here` in the worklist's words, said first above it (the Back-entry tab, `downtime
    worklist`): the import's report said it to whoever imported, and the clerks working the list
    afterwards typed a list lacking that laptop's day without knowing."""
    session.require(Action.READ_RECORDS)
    missing = missing_here(session.db)
    laptops = laptops_known(session, {found.device_id for found in missing})
    return [found.text(lang, laptops, MISSING_WORKLIST) for found in missing]


def worklist_notes(session: Session) -> dict[str, str]:
    """What to say under each patient of the printed list and `downtime worklist`, by downtime
    number as shown: who else they probably are (`same_person_notes`), and who else has their
    number (`shared_numbers`)."""
    duplicates, namesakes = duplicates_and_namesakes(session)
    notes = same_person_notes(duplicates, session.lang, namesakes)
    for shared in shared_numbers(session):
        for holder in shared.holders:
            notes[holder.shown] = " ".join(filter(None, (notes.get(holder.shown), shared.text(session.lang))))
    return notes


def progress(work: list[PatientWork]) -> tuple[int, int]:
    return sum(group.done for group in work), sum(len(group.items) for group in work)


def held_count(work: list[PatientWork]) -> int:
    """How many of the items are on hold (`holds_by_patient` counts the whole list's)."""
    return sum(item.on_hold is not None for group in work for item in group.items)


def holds_by_patient(session: Session) -> dict[str | None, int]:
    """How many records on hold each patient has (None: the records about no patient): the
    progress says how many are on hold, and the tab can show only their lines, which were lost
    among a hospital's (one hold was line 330 of 464, and nothing said there was one). Holds are
    few: read whole, not found among each of a hospital's records."""
    session.require(Action.READ_RECORDS)
    return {patient_id: count for patient_id, count in session.db.execute(
        "SELECT patient_id, COUNT(DISTINCT record_id) FROM unsettled_versions GROUP BY patient_id")}


ON_HOLD_COUNT = QT_TRANSLATE_NOOP("messages", "{count} on hold")


def with_holds(said: str, on_hold: int, lang: Lang) -> str:
    """A progress as said, then how many records are on hold when any are: the screen,
    `downtime worklist` and the printed worklist alike."""
    if not on_hold:
        return said
    return f"{said} — {message(lang, ON_HOLD_COUNT, count=on_hold)}"


def not_entered_done(work: list[PatientWork]) -> int:
    """How many of the items done are done as not to be entered, the ward said (`progress`
    counts them done): the progress says so, as "entered in the EHR" they are not."""
    return sum(item.done and not item.entered_now for group in work for item in group.items)


def progress_counts(session: Session) -> tuple[int, int]:
    """Done and total items of the whole list (`progress_and_not_entered`)."""
    done, counted, _ = progress_and_not_entered(session)
    return done, counted.listed


def tally(session: Session) -> Tally:
    """The whole list's records reconciled with the record versions here (domain.tally), counted
    in the database. Every record is an item, except one withdrawn (entered in error) before
    anyone entered it and one loaded from the EHR's snapshot and not changed since, and a record
    on hold always is. Counted from the records' ids and the few withdrawn, loaded or held ones,
    not by finding each of a hospital's 1.4 million records' standing version."""
    session.require(Action.READ_RECORDS)
    standing = "(SELECT MAX(v.version) FROM records v WHERE v.record_id = w.record_id)"
    loaded = LOADED_SQL.format("w")
    versions, records, held_only, held, kept, withdrawn, unchanged = session.db.execute(f"""
        SELECT (SELECT COUNT(*) FROM records), (SELECT COUNT(DISTINCT record_id) FROM records),
               (SELECT COUNT(*) FROM records_on_hold WHERE record_id NOT IN (SELECT record_id FROM records)),
               (SELECT COUNT(*) FROM unsettled_versions), (SELECT COUNT(*) FROM held_versions),
               TOTAL(w.status = ? AND NOT {loaded}), TOTAL(w.version = 1 AND {loaded})
        FROM records w
        WHERE ((w.status = ? AND NOT {loaded}) OR (w.version = 1 AND {loaded}))
        AND w.version = {standing}
        AND NOT EXISTS (SELECT 1 FROM back_entries b WHERE b.record_id = w.record_id)
        AND w.record_id NOT IN (SELECT record_id FROM records_on_hold)""",
                                     [RecordStatus.ENTERED_IN_ERROR.value] * 2).fetchone()
    return Tally(int(versions), int(held), int(kept) - int(held), int(records) + int(held_only), int(withdrawn),
                 int(unchanged))


DONE_SQL = """
    SELECT e.record_id, e.version FROM (
        SELECT record_id, MAX(version) AS version, MAX(julianday(at)) AS entered
        FROM (SELECT record_id, version, entered_at AS at FROM back_entries
              UNION ALL SELECT record_id, version, recorded_at FROM not_entered n WHERE {newest} AND NOT {lapsed})
        GROUP BY record_id) e
    WHERE e.version = (SELECT MAX(v.version) FROM records v WHERE v.record_id = e.record_id)
    AND e.record_id NOT IN (SELECT record_id FROM records_on_hold)
    AND e.record_id NOT IN (SELECT record_id FROM ehr_moves_due)
    AND NOT EXISTS (SELECT 1 FROM settlements_otherwise o WHERE o.record_id = e.record_id
                    AND julianday(o.noted_at) > e.entered
                    AND NOT EXISTS (SELECT 1 FROM otherwise_checked c WHERE c.record_id = o.record_id
                                    AND julianday(c.checked_at) >= julianday(o.noted_at)))""".format(
    newest=NEWEST_SQL.format("n"), lapsed=LAPSED_SQL.format("n"))
"""The records done, with their standing version, as `WorkItem.done` judges them: entered, or
the ward's newest answer that it is not to be entered, at the version that stands and not lapsed; not on hold, not to
move in the EHR, no other office's settlement noted since and not checked."""


def progress_and_not_entered(session: Session) -> tuple[int, Tally, int]:
    """Done items of the whole list, its `tally` (the items are its `listed`), and how many of
    those done are not to be entered, counted in the database (as `progress` and
    `not_entered_done` of the whole worklist, without building it). Done are those entered at
    their standing version, unless on hold (`DONE_SQL`). A version the ward said is not to be
    entered (`not_entered`) is done as one entered is, and counted apart too when no reference
    ticked that version off."""
    session.require(Action.READ_RECORDS)
    done, not_entered = session.db.execute(f"""
        SELECT COUNT(*), TOTAL(NOT EXISTS (SELECT 1 FROM back_entries b WHERE b.record_id = d.record_id
                                           AND b.version = d.version))
        FROM ({DONE_SQL}) d""").fetchone()
    return int(done), tally(session), int(not_entered)


LAPTOP_ACCOUNT = QT_TRANSLATE_NOOP("messages", "{laptop}: {sticks} — {records} record(s): {entered} entered in the EHR, "
                                                "{not_entered} not to be entered, {on_hold} on hold")
STICKS = QT_TRANSLATE_NOOP("messages", "{count} stick(s), the latest exported {time}")
NO_STICK = QT_TRANSLATE_NOOP("messages", "no stick imported here")


@dataclass(frozen=True)
class LaptopAccount:
    """One laptop's share of the list (`by_laptop`): its sticks imported here, the records first
    written on it, and how many of those are done or on hold. The office had one hospital total,
    so "everything entered" was reached with a ward's whole stick in a drawer, named nowhere."""

    device_id: str
    laptop: Laptop
    sticks: int
    latest_export_at: datetime | None
    """None: no stick of it came here (its records came on another laptop's)."""
    records: int
    entered: int
    not_entered: int
    on_hold: int

    def text_in(self, lang: Lang) -> str:
        """The laptop, its sticks (the latest's export on the ward's clock, not the offset its
        laptop stamped: one set to UTC read "exported 13:00" of 14:00) and its records' count."""
        sticks = (message(lang, NO_STICK) if self.latest_export_at is None else
                  message(lang, STICKS, count=self.sticks, time=ward_time(self.latest_export_at, None, DATED)))
        return message(lang, LAPTOP_ACCOUNT, laptop=laptop_name(lang, self.device_id, {self.device_id: self.laptop}),
                       sticks=sticks, records=self.records, entered=self.entered, not_entered=self.not_entered,
                       on_hold=self.on_hold)


def by_laptop(session: Session) -> list[LaptopAccount]:
    """Each laptop known here but this one, by its number: from the exports imported
    (storage.laptops) and the records' first versions, each counted to the laptop that first
    wrote it, in one grouped query. Done as `DONE_SQL` judges it, told apart as
    `progress_and_not_entered` does; a record loaded from the EHR's snapshot is no laptop's.
    The records are the list's lines, as `tally` counts them: not one withdrawn before anyone
    entered it (the laptop's work read as not done when every line was), and one on hold from
    its first version, which has no version in `records`, by the laptop of its first held one."""
    session.require(Action.READ_RECORDS)
    counted = {device_id: (int(records), int(entered), int(not_entered), int(on_hold))
               for device_id, records, entered, not_entered, on_hold in session.db.execute(f"""
        SELECT f.device_id, COUNT(*),
               TOTAL(d.record_id IS NOT NULL AND EXISTS (SELECT 1 FROM back_entries b
                                                         WHERE b.record_id = d.record_id AND b.version = d.version)),
               TOTAL(d.record_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM back_entries b
                                                             WHERE b.record_id = d.record_id AND b.version = d.version)),
               TOTAL(f.record_id IN (SELECT record_id FROM records_on_hold))
        FROM (SELECT record_id, device_id, MIN(version) FROM records w WHERE NOT {LOADED_SQL.format("w")}
              GROUP BY record_id
              UNION ALL
              SELECT record_id, device_id, MIN(version) FROM unsettled_versions w WHERE NOT {LOADED_SQL.format("w")}
              AND record_id NOT IN (SELECT record_id FROM records) GROUP BY record_id) f
        LEFT JOIN ({DONE_SQL}) d ON d.record_id = f.record_id
        WHERE f.record_id NOT IN (
            SELECT w.record_id FROM records w WHERE w.status = ?
            AND w.version = (SELECT MAX(v.version) FROM records v WHERE v.record_id = w.record_id)
            AND NOT EXISTS (SELECT 1 FROM back_entries b WHERE b.record_id = w.record_id)
            AND w.record_id NOT IN (SELECT record_id FROM records_on_hold))
        GROUP BY f.device_id""", [RecordStatus.ENTERED_IN_ERROR.value])}
    sticks: dict[str, set[datetime]] = {}
    for row in exports(session.db):
        if row["exported_at"]:
            sticks.setdefault(row["device_id"], set()).add(datetime.fromisoformat(row["exported_at"]))
    devices = (set(counted) | set(sticks)) - {session.device.device_id}
    laptops = laptops_known(session, devices)
    found = [LaptopAccount(device_id, laptops.get(device_id, Laptop(None)), len(sticks.get(device_id, ())),
                           max(sticks[device_id]) if device_id in sticks else None, *counted.get(device_id, (0, 0, 0, 0)))
             for device_id in devices]
    return sorted(found, key=lambda one: (one.laptop.number is None, one.laptop.number or 0, one.device_id))


def patients_left(session: Session) -> set[str | None]:
    """The patients (None: the records about no patient) of the records not done (`DONE_SQL`),
    and of the records on hold, held here alone or not: every patient with a line left on the
    list, and the few whose records not done are none of them a line (withdrawn before anyone
    entered them, loaded from the snapshot and unchanged), a page of whom shows nothing. The
    list of what is left goes through these alone: through every patient, a page of 25 at a time
    on the window's thread, the records office's tab froze 190 seconds once 40,000 of a
    hospital's patients were entered. The records are read in their table's order (NOT
    INDEXED): through the patients' index, each row was a seek, 35 s rather than 10."""
    session.require(Action.READ_RECORDS)
    return {patient_id for (patient_id,) in session.db.execute(f"""
        SELECT DISTINCT patient_id FROM records NOT INDEXED WHERE record_id NOT IN (SELECT record_id FROM ({DONE_SQL}))
        UNION SELECT patient_id FROM unsettled_versions""")}


SUPERSEDED_ENTERED = QT_TRANSLATE_NOOP("messages", "Recorded: version {version} is in the EHR. The record now stands at "
                                                   "version {standing}: its line says what to correct or withdraw "
                                                   "there.")


def mark_entered(session: Session, record_id: str, version: int, ehr_reference: str) -> Phrase | None:
    """Tick one record version off: the version that stands, so a record amended meanwhile is
    never marked done by mistake, or one a later version superseded when no later one is ticked
    (audited `superseded_by`). A clerk working from the printed list enters version 1 while the
    ward's next stick brings version 2: refused, the EHR kept a dose the ward withdrew, or a bed
    never corrected, and the line said "enter" again. Ticked, the line says to withdraw or correct
    it there (`WorkItem.action_in`); what to tell the clerk then is returned (None: the standing
    version, whose line is done)."""
    session.require(Action.BACK_ENTRY)
    reference = ehr_reference.strip()
    if not reference:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Give the EHR's reference for what was entered (e.g. its order or event number)."))
    try:
        latest, superseded_by = _standing_at(session, record_id, version), None
    except NotStanding as refused:
        if not 1 <= version < refused.standing:
            raise
        ticked = session.db.execute("SELECT MAX(version) FROM back_entries WHERE record_id = ?", [record_id]).fetchone()[0]
        if ticked is not None and ticked >= version:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Version {ticked} of this record is marked as entered in "
                                                             "the EHR already, and it now stands at version {standing}: "
                                                             "its line says what to correct or withdraw there."),
                               ticked=ticked, standing=refused.standing) from None
        latest, superseded_by = records.current(session.db, record_id), refused.standing
    table, who, when, action = "back_entries", "entered_by", "entered_at", "back_entry.entered"
    if session.db.execute("SELECT 1 FROM back_entries WHERE record_id = ? AND version = ?",
                          [record_id, version]).fetchone():
        if not otherwise_among(session.db, [latest], partial(laptops_known, session)):
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "This version is already marked as entered in the EHR."))
        # Entered before another office's settlement otherwise came: ticked off again, the ward asked.
        table, who, when, action = "otherwise_checked", "checked_by", "checked_at", "back_entry.checked"
    now = session.clock()
    with session.db.atomic():
        audit.insert_audited(session.db, table, {
            "id": str(uuid.uuid4()), "record_id": record_id, "version": version, "ehr_reference": reference,
            who: session.user.staff_id, when: now.isoformat()},
            at=now, actor=session.user.staff_id, device_id=session.device.device_id,
            action=action, detail={"record_id": record_id, "version": version,
                                   **({"superseded_by": superseded_by} if superseded_by is not None else {})})
    if superseded_by is None:
        return None
    return Phrase(SUPERSEDED_ENTERED, {"version": version, "standing": superseded_by})


class NotStanding(ServiceError):
    """A version to tick off that is not the record's standing one (`_standing_at`). The screen
    ticks the version its line shows, so the record was amended since: review that version.
    The command line was given an id and a version typed, which its refusal names (cli)."""

    def __init__(self, standing: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP("messages", "This record now stands at version {version}; review that "
                                                       "version first."), version=standing)
        self.standing = standing


NO_SUCH_RECORD = QT_TRANSLATE_NOOP("messages", "No record {record} here: copy its id from the end of its line in "
                                               "`downtime worklist`.")


def _standing_at(session: Session, record_id: str, version: int) -> RecordVersion:
    """The record's standing version, which must be `version` and not on hold: what a clerk
    ticks off, entered or not to be entered, is the version they reviewed, and neither side of
    a hold can be. An id unknown here is one typed at the command line (the screen ticks its
    lines' records): it is said where to copy it from."""
    held = held_from(session.db).get(record_id)
    if held is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record is on hold: two laptops disagree from version "
                                             "{version}. Enter neither until the wards say which is right."),
                           version=held)
    try:
        latest = records.current(session.db, record_id)
    except RecordNotFound:
        raise NotFound(NO_SUCH_RECORD, record=record_id) from None
    if latest.patient_id is not None and (contradicted := contradicted_links(
            session.db, session.forms, [latest.patient_id]).get(latest.patient_id)) is not None:
        raise ServiceError(LINK_CONTRADICTED, ehr=contradicted.ehr, ipp=contradicted.ipp)
    if latest.version != version:
        raise NotStanding(latest.version)
    return latest


def mark_not_entered(session: Session, record_id: str, version: int, ward_said: str, reason: str) -> None:
    """Close a line with the ward's answer that its record is not to be entered in the EHR (one
    dose recorded twice, a dose never given from a withdrawn order…): who at the ward said so,
    and why. Only a line that says to ask the ward, at its standing version, not on hold and with
    no version in the EHR (that one is corrected or withdrawn there, then ticked off); never both
    records of one dose, which would leave it out of the EHR; never an end of a unit recording a
    reaction beside an end that records none (the reaction is reported), though one of two ends
    that both record it may be (one reaction recorded twice). The record is not changed."""
    session.require(Action.BACK_ENTRY)
    who, why = ward_said.strip(), reason.strip()
    if not who:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Say who at the ward said it is not to be entered (e.g. "
                                                         "Sr Dubois, 3B, by phone)."))
    if not why:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Give the ward's reason it is not to be entered (e.g. one "
                                                         "dose recorded twice)."))
    _standing_at(session, record_id, version)
    line = line_of(session, record_id)
    if line is None or not line.asks_the_ward:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This line does not say to ask the ward: enter it in the EHR. "
                                                         "Only a line that says to ask the ward can be marked not to "
                                                         "be entered, with the ward's answer."))
    if line.entered_now:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This version is already marked as entered in the EHR."))
    if line.entered is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Version {version} of this record is in the EHR already: "
                                                         "correct or withdraw it there as the ward says, then mark it "
                                                         "entered."), version=line.entered.version)
    if line.decided is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This version is already marked not to be entered."))
    ends = [conflict.record for conflict in line.conflicts if conflict.said == TWO_ENDS]
    if transfusion.reacted(line.record.data) and ends and not any(transfusion.reacted(end.data) for end in ends):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This end of the unit records a reaction: a reaction on "
                                                         "either end is reported, so it is entered. If the ward says "
                                                         "it is wrong, it is withdrawn on its laptop; mark the other "
                                                         "end not to be entered instead if the ward says so."))
    if (other := next((conflict for conflict in line.conflicts if conflict.other_not_entered), None)) is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "The other record of this dose ({record}) is marked not to "
                                                         "be entered already: the dose would be nowhere in the EHR. "
                                                         "Enter this one."), record=other.record.record_id)
    now = session.clock()
    with session.db.atomic():
        audit.insert_audited(session.db, "not_entered", {
            "id": str(uuid.uuid4()), "record_id": record_id, "version": version, "ward_said": who, "reason": why,
            "recorded_by": session.user.staff_id, "recorded_at": now.isoformat()},
            at=now, actor=session.user.staff_id, device_id=session.device.device_id,
            action="back_entry.not_entered", detail={
                "record_id": record_id, "version": version,
                # The other record of the dose or move it was given beside: withdrawn, or no longer
                # that dose or move since, the answer lapses (LAPSED_SQL).
                "asked_beside": sorted({(conflict.record.record_id, conflict.record.version)
                                        for conflict in line.conflicts if conflict.said in ONE_DOSE_TWICE})})


def mark_moved(session: Session, record_id: str) -> MoveDue:
    """The clerk's word that a record entered under its patient's earlier EHR number was moved
    in the EHR to the number the patient is linked to now (`MoveDue`): its line then says it no
    more. Audited, one transaction; refused for a record with nothing to move."""
    session.require(Action.BACK_ENTRY)
    try:
        records.current(session.db, record_id)
    except RecordNotFound:
        raise NotFound(NO_SUCH_RECORD, record=record_id) from None
    now = session.clock()
    with session.db.atomic():
        due = moves_due(session.db, [record_id]).get(record_id)
        if due is None:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Nothing of record {record} is to be moved in the EHR: "
                                                             "it was entered under the EHR number its patient is "
                                                             "linked to, or marked moved there already."),
                               record=record_id)
        audit.insert_audited(session.db, "ehr_moves", {
            "id": str(uuid.uuid4()), "record_id": record_id, "from_ehr": due.from_ehr, "to_ehr": due.to_ehr,
            "moved_by": session.user.staff_id, "moved_at": now.isoformat()},
            at=now, actor=session.user.staff_id, device_id=session.device.device_id,
            action="back_entry.moved", detail={"record_id": record_id, "from_ehr": due.from_ehr, "to_ehr": due.to_ehr})
    return due


SENT_IN_A_BUNDLE = QT_TRANSLATE_NOOP("messages", "This record was sent in an earlier FHIR bundle: with the ward's answer "
                                                 "recorded, the next bundle marks it entered in error in the EHR.")


def sent_in_an_earlier_bundle(session: Session, record_id: str) -> bool:
    """Whether an earlier FHIR bundle of this database sent the record (storage.fhir_sent): said
    to the clerk recording the ward's answer that it is not to be entered, as the EHR may hold
    it from that bundle, which the next one withdraws (sync.fhir_export)."""
    session.require(Action.READ_RECORDS)
    return bool(records_sent(session.db, [record_id]))


def _patient_of(session: Session, downtime_number: str) -> str:
    found = patients_numbered(session.db, [downtime_number]).get(downtime_number)
    if found is not None:
        return found
    given = [told for told in downtime_numbers(session.db, [patient_id for (patient_id,) in session.db.execute(
        "SELECT patient_id FROM patients WHERE downtime_number = ?", [taken_apart(downtime_number)[0]])]).values()]
    if len(given) > 1:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "{number} was given to two patients, by two laptops set up with "
                                                     "the same device number: give it as the list shows it, {shown}."),
                       number=downtime_number, shown=Listed(tuple(sorted(given))))
    raise NotFound(QT_TRANSLATE_NOOP("messages", "No patient has the downtime number {number}."), number=downtime_number)


def _linked_to(db: Database, ehr_patient_numbers: Collection[str]) -> dict[str, dict[str, str]]:
    """The patients linked to each of these EHR numbers now (a patient's latest link), each with
    their downtime number, in its order."""
    wanted = sorted(set(ehr_patient_numbers))
    linked = {row[0] for part in chunks(wanted) for row in db.execute(
        f"SELECT patient_id FROM patient_links WHERE ehr_patient_number IN ({marks(part)})", part)}
    now = {patient_id: ehr for patient_id, ehr in ehr_numbers(db, linked).items() if ehr in wanted}
    numbers = downtime_numbers(db, list(now))
    found: dict[str, dict[str, str]] = {}
    for patient_id, ehr in sorted(now.items(), key=lambda link: numbers[link[0]]):
        found.setdefault(ehr, {})[patient_id] = numbers[patient_id]
    return found


def contradicted_links(db: Database, forms: dict[str, FormSpec],
                       patient_ids: Collection[str] | None = None) -> dict[str, LinkContradicted]:
    """The links of these patients (or of every patient linked) that their standing admission's
    IPP contradicts since they were made (`LinkContradicted`), by patient id: the worklist,
    ticking a record off and the FHIR bundle, which holds such a patient back, read them alike."""
    linked = list(ehr_numbers(db, patient_ids))
    return _contradicted(db, forms, {patient_id: summary.ipp
                                     for patient_id, summary in all_patients(db, forms, linked).items()})


def _contradicted(db: Database, forms: dict[str, FormSpec],
                  ipps: Mapping[str, str | None]) -> dict[str, LinkContradicted]:
    """Of these linked patients with their standing admission's IPP, those whose latest link
    differs from it, the admission having recorded another IPP (or none) when the link was made
    (`_ipps_when_linked`): a link made otherwise than the IPP then stood was the clerk's word
    that it was wrong (`link_patient`'s `not_the_admissions_ipp`), and stands as judged."""
    latest: dict[str, tuple[str, str]] = {}
    for part in chunks([patient_id for patient_id, ipp in ipps.items() if ipp]):
        for patient_id, ehr, link_id in db.execute(
                f"SELECT patient_id, ehr_patient_number, id FROM patient_links WHERE patient_id IN ({marks(part)})"
                " ORDER BY rowid", part):
            latest[patient_id] = (ehr, link_id)
    differ = {patient_id: found for patient_id, found in latest.items()
              if not same_number(str(ipps[patient_id]), found[0])}
    then = _ipps_when_linked(db, forms, [link_id for _, link_id in differ.values()])
    return {patient_id: LinkContradicted(ehr, str(ipps[patient_id])) for patient_id, (ehr, _) in differ.items()
            if not same_number(str(ipps[patient_id]), then.get(patient_id) or "")}


def _ipps_when_linked(db: Database, forms: dict[str, FormSpec], link_ids: Sequence[str]) -> dict[str, str | None]:
    """The IPP each of these links' patient's admission recorded here when the link was made, by
    patient id: of the admission versions imported before the link's audit entry, the latest
    standing admission's, as census reads a patient's identity now. Read from what was here,
    not from the link's own entry, so a link made by an earlier release reads alike."""
    admissions = [spec.id for spec in forms.values() if spec.creates_patient]
    versions: dict[str, RecordVersion] = {}
    for part in chunks(list(link_ids)):
        for row in db.query(
                "SELECT r.* FROM patient_links l JOIN records r ON r.patient_id = l.patient_id"
                f" WHERE l.id IN ({marks(part)}) AND r.form_id IN ({marks(admissions)})"
                " AND (SELECT MIN(ra.seq) FROM audit ra WHERE ra.entity = 'records' AND ra.entity_id = r.id)"
                " < (SELECT MIN(la.seq) FROM audit la WHERE la.entity = 'patient_links' AND la.entity_id = l.id)"
                " ORDER BY r.version", [*part, *admissions]):
            version = as_version(row)
            versions[version.record_id] = version
    found: dict[str, str | None] = {}
    for admission in sorted(versions.values(), key=lambda version: version.occurred_at):
        if admission.status is not RecordStatus.ENTERED_IN_ERROR and admission.patient_id:
            found[admission.patient_id] = census.field_value(forms[admission.form_id], admission.data, Meaning.IPP)
    return found


def linked_elsewhere(db: Database, downtime_number: str, ehr_patient_number: str) -> list[str]:
    """The other downtime numbers already linked to this EHR number: one person admitted on two
    laptops, or a number typed on the wrong line (another patient's records would go into
    this one's EHR file)."""
    number = ehr_patient_number.strip()
    return [other for other in _linked_to(db, [number]).get(number, {}).values() if other != downtime_number]


def _shared(db: Database, links: dict[str, str]) -> dict[str, SharedEhrPatient]:
    """Each of these linked patients (patient id: EHR number) whose EHR number other downtime
    numbers are linked to too."""
    linked = _linked_to(db, links.values())
    found = {patient_id: tuple(number for other, number in linked.get(ehr, {}).items() if other != patient_id)
             for patient_id, ehr in links.items()}
    return {patient_id: SharedEhrPatient(links[patient_id], others) for patient_id, others in found.items() if others}


SAME_LINK = QT_TRANSLATE_NOOP("messages", "{number} is already linked to EHR patient {ehr}: nothing changed.")


@dataclass(frozen=True)
class EnteredUnder:
    """A record ticked off as entered in the EHR: what the clerk looks for in the EHR's file."""

    record_id: str
    form: Text
    occurred_at: datetime
    reference: str

    def text_in(self, lang: Lang) -> str:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{form} of {time} (EHR reference {reference})"),
                       form=self.form.get(lang), time=f"{self.occurred_at.astimezone():%d/%m/%Y %H:%M}",
                       reference=self.reference)


@dataclass(frozen=True)
class EhrLink:
    """A patient's link to an EHR number as it stands, with their records ticked off as entered
    in the EHR (each version's reference, by `mark_entered`): those were typed into that EHR
    patient's file, so linking the patient to another number leaves them there unless the clerk
    moves them. Records loaded from the EHR's own snapshot are the EHR's, and are not named."""

    downtime_number: str
    ehr: str
    entered: tuple[EnteredUnder, ...]
    """Each record entered, in the order it happened, with the reference of its latest entry."""

    def text_in(self, lang: Lang, new: str) -> str:
        """What re-linking to `new` means, said before it is done: the current number, and what
        must be moved in the EHR from it."""
        if not self.entered:
            return message(lang, QT_TRANSLATE_NOOP("messages", "{number} is linked to EHR patient {ehr}; none of their "
                                                               "records is marked entered in the EHR yet."),
                           number=self.downtime_number, ehr=self.ehr)
        return message(lang, QT_TRANSLATE_NOOP("messages", "{number} is linked to EHR patient {ehr}, and {count} of "
                                                           "their record(s) are marked entered in the EHR under that "
                                                           "number: {records}. Linked to {new} instead, move them in "
                                                           "the EHR from patient {ehr} to patient {new}."),
                       number=self.downtime_number, ehr=self.ehr, count=len(self.entered), new=new,
                       records=self._records_in(lang))

    def moving_in(self, lang: Lang, new: str) -> str:
        """What to move in the EHR once linked to `new` instead ("" when nothing was entered)."""
        if not self.entered:
            return ""
        return message(lang, QT_TRANSLATE_NOOP("messages", "Move in the EHR, from patient {ehr} to patient {new}, the "
                                                           "{count} record(s) entered under {ehr}: {records}."),
                       ehr=self.ehr, new=new, count=len(self.entered), records=self._records_in(lang))

    def _records_in(self, lang: Lang) -> str:
        return semicolon(lang).join(record.text_in(lang) for record in self.entered)


class NotTheAdmissionsIpp(ServiceError):
    """An EHR number other than the hospital number (IPP) the patient's admission records, taken
    only as the clerk's word that the admission's is wrong (`link_patient`'s
    `not_the_admissions_ipp`): the screen asks, the command line wants it given (cli)."""

    def __init__(self, number: str, ipp: str, ehr: str) -> None:
        super().__init__(NOT_THE_IPP, number=number, ipp=ipp, ehr=ehr)
        self.ipp, self.ehr = ipp, ehr


class LinkedToAnother(ServiceError):
    """A patient already linked to another EHR number than the one given, which replaces it only
    when the clerk names the number replaced (`link_patient`'s `replacing`): the screen asks,
    the command line wants it given (cli)."""

    def __init__(self, link: EhrLink, new: str) -> None:
        super().__init__(link.text_in("en", new))
        self.link, self.new = link, new

    def text(self, lang: Lang) -> str:
        return self.link.text_in(lang, self.new)


def link_of(session: Session, downtime_number: str) -> EhrLink | None:
    """The patient's link to an EHR number as it stands (`EhrLink`), None if not linked yet."""
    session.require(Action.READ_RECORDS)
    patient_id = _patient_of(session, downtime_number)
    ehr = ehr_numbers(session.db, [patient_id]).get(patient_id)
    if ehr is None:
        return None
    references = {record_id: reference for record_id, reference in session.db.execute(
        "SELECT b.record_id, b.ehr_reference FROM back_entries b JOIN records r ON r.record_id = b.record_id"
        " AND r.version = b.version WHERE r.patient_id = ? ORDER BY b.version, b.entered_at", [patient_id])}
    standing = sorted((record for record in list_current(session.db, patient_ids=[patient_id])
                       if record.record_id in references), key=lambda record: (record.occurred_at, record.record_id))
    return EhrLink(downtime_number, ehr, tuple(EnteredUnder(
        record.record_id, session.form(record.form_id).title, record.occurred_at, references[record.record_id])
        for record in standing))


def recorded_ipp(session: Session, downtime_number: str) -> str | None:
    """The hospital number (IPP, the EHR's patient number) the patient's admission records, from
    their papers or the EHR's snapshot: the number to link them to, unless the EHR shows it wrong."""
    patient_id = _patient_of(session, downtime_number)
    found = all_patients(session.db, session.forms, [patient_id]).get(patient_id)
    return found.ipp if found is not None and found.ipp else None


def same_number(one: str, other: str) -> bool:
    """Two hospital numbers alike, whatever their spaces and capitals."""
    return _plain(one) == _plain(other)


def _plain(number: str) -> str:
    return "".join(number.split()).upper()


def link_patient(session: Session, downtime_number: str, ehr_patient_number: str, *, same_person: bool = False,
                 replacing: str | None = None, not_the_admissions_ipp: bool = False, two_people: bool = False) -> bool:
    """Reconcile a temporary downtime number to the patient's number in the EHR; the export
    then says the downtime identity was replaced by the EHR one (Patient.link replaced-by).
    An EHR number already linked to another downtime number is taken only as the same person
    (`same_person`, which the screen asks). A patient linked to another number is linked anew
    only when `replacing` names that number (`LinkedToAnother` says what was entered under it);
    the audit entry keeps both. A number other than the IPP the admission records is taken only
    as the clerk's word that the admission's is wrong (`not_the_admissions_ipp`, which the screen
    asks): a digit mistyped linked one patient's records to another's file. A number other than
    the one another downtime number of the same NIR or IPP is linked to is taken only as the
    clerk's word that the EHR shows two people (`two_people`, which the screen asks; see
    `one_number_two_files`). False when the patient is linked to this number already: nothing is
    written, unless their admission contradicts that link since (`LinkContradicted`), which is
    kept only as the clerk's word that the admission's IPP is wrong (`not_the_admissions_ipp`),
    written again: made since the admission's IPP, the link stands (`_contradicted`)."""
    session.require(Action.BACK_ENTRY)
    number = ehr_patient_number.strip()
    if not number:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Give the patient's number in the EHR."))
    link = link_of(session, downtime_number)
    if link is not None and link.ehr == number:
        patient_id = _patient_of(session, downtime_number)
        contradicted = contradicted_links(session.db, session.forms, [patient_id]).get(patient_id)
        if contradicted is None:
            return False
        if not not_the_admissions_ipp:  # kept only as the clerk's word that the admission's IPP is wrong
            raise NotTheAdmissionsIpp(downtime_number, contradicted.ipp, number)
    elif link is not None and (replacing or "").strip() != link.ehr:
        raise LinkedToAnother(link, number)
    ipp = recorded_ipp(session, downtime_number)
    if ipp is not None and not same_number(ipp, number) and not not_the_admissions_ipp:
        raise NotTheAdmissionsIpp(downtime_number, ipp, number)
    if (others := linked_elsewhere(session.db, downtime_number, number)) and not same_person:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "EHR number {ehr} is already linked to {others}: link it "
                                             "again only if they are the same person."), ehr=number,
                           others=", ".join(others))
    split = one_number_two_files(session, downtime_number, number)
    if split is not None and not two_people:
        raise split
    patient_id = _patient_of(session, downtime_number)
    now = session.clock()
    detail: dict[str, object] = {"downtime_number": downtime_number, "ehr": number}
    if split is not None:
        detail |= {"two_people_with": split.other, "their_ehr": split.other_ehr}
    if link is not None:
        detail |= {"replaced_ehr": link.ehr, "entered_under_replaced": [record.record_id for record in link.entered]}
    with session.db.atomic():
        audit.insert_audited(session.db, "patient_links", {
            "id": str(uuid.uuid4()), "patient_id": patient_id, "ehr_patient_number": number,
            "linked_by": session.user.staff_id, "linked_at": now.isoformat()},
            at=now, actor=session.user.staff_id, device_id=session.device.device_id,
            action="back_entry.patient_relinked" if link is not None else "back_entry.patient_linked", detail=detail)
        refresh_search(session.db, session.forms, patient_id)  # the EHR's labels, scanned, find the patient
    return True


def settled_on(session: Session, record_ids: Collection[str],
               names: Mapping[str, str] | None = None) -> dict[str, list[Settled]]:
    """Every settlement of these records' holds, made here or taken from another office, by
    record, oldest first; `names`: staff.names_with_ids, when the caller has read it."""
    rows = [row for part in chunks(record_ids) for row in session.db.query(
        f"SELECT * FROM hold_settlements WHERE record_id IN ({marks(part)})", part)]
    combined = {row["id"]: tuple((int(one["version"]), str(one["device_id"])) for one in json.loads(row["combined"] or "[]"))
                for row in rows}
    laptops = laptops_known(session, {row["chosen_device_id"] for row in rows}
                            | {device_id for kept in combined.values() for _, device_id in kept})
    names = names_with_ids(session.db) if names is None else names
    found: dict[str, list[Settled]] = {}
    for row in rows:
        found.setdefault(row["record_id"], []).append(Settled(
            datetime.fromisoformat(row["settled_at"]), row["settled_by"], row["from_version"], row["chosen_version"],
            row["chosen_device_id"], row["standing_version"], row["reason"], laptops, names, row["settled_by_name"],
            combined[row["id"]]))
    return {record_id: sorted(settled, key=lambda one: one.at) for record_id, settled in found.items()}

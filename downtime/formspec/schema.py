"""The pydantic schema of a form definition file.

A field is a discriminated union on `kind`, so a typo in a kind or a property is refused
with the field named, instead of becoming a widget that silently drops what nurses type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from functools import cached_property
from enum import StrEnum
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field as PydField, field_validator, model_validator

from downtime.domain.pews import ITEMS as PEWS_ITEMS
from downtime.domain.score_totals import SCORE_TOTALS
from downtime.domain.sepsis import OUTCOME_FIELDS as SEPSIS_FIELDS
from downtime.domain.census import Movement
from downtime.domain.laterality import SIDES
from downtime.domain.news2 import ObservationSet
from downtime.domain.staff import Role
from downtime.errors import WHERE
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Phrase

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class SpecProblems(ValueError):
    """What is wrong with a definition, each problem in the catalogue's words: pydantic passes the
    error on to the loader, which says each in `forms check`'s language; as text, the English."""

    def __init__(self, phrases: list[Phrase]):
        self.phrases = phrases
        super().__init__("; ".join(map(str, phrases)))


def _problem(template: str, **values: object) -> SpecProblems:
    return SpecProblems([Phrase(template, values)])


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Text(_Strict):
    """A label in both languages of the ward: records staff may read what a nurse typed in French."""

    en: str = PydField(min_length=1)
    fr: str = PydField(min_length=1)

    @field_validator("en", "fr")
    @classmethod
    def _worded(cls, value: str) -> str:
        """`fr: " "` is one character long, and showed the French ward an option with no words."""
        if not value.strip():
            raise _problem(QT_TRANSLATE_NOOP("messages", "a label cannot be blank"))
        return value

    def get(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


class Equals(_Strict):
    field: str
    equals: Any


class OneOf(_Strict):
    field: str
    in_: list[Any] = PydField(alias="in", min_length=1)


class Filled(_Strict):
    field: str
    filled: bool = True


class BornWithin(_Strict):
    """Holds when the date of birth `field` is fewer than `born_within_days` days before the
    date or time `before`, both answered: a baby born on the ward has no first name yet for
    its first days, until the birth is declared."""

    field: str
    born_within_days: int = PydField(gt=0)
    before: str


class AllOf(_Strict):
    all: list[Condition] = PydField(min_length=1)


class AnyOf(_Strict):
    any: list[Condition] = PydField(min_length=1)


class Not(_Strict):
    not_: Condition = PydField(alias="not")


Condition = Union[Equals, OneOf, Filled, BornWithin, AllOf, AnyOf, Not]


def condition_fields(condition: Condition) -> Iterator[str]:
    match condition:
        case AllOf(all=parts) | AnyOf(any=parts):
            for part in parts:
                yield from condition_fields(part)
        case Not(not_=inner):
            yield from condition_fields(inner)
        case BornWithin(field=name, before=before):
            yield name
            yield before
        case _:
            yield condition.field


def condition_values(condition: Condition) -> Iterator[tuple[str, Any]]:
    """Each answer a condition compares a field with (`equals`, each of `in`), with that field's
    id: a code the field does not have ("numerc", or an option renamed and not its rule) never
    holds, and the question it governs was never asked."""
    match condition:
        case AllOf(all=parts) | AnyOf(any=parts):
            for part in parts:
                yield from condition_values(part)
        case Not(not_=inner):
            yield from condition_values(inner)
        case Equals(field=name, equals=value):
            yield name, value
        case OneOf(field=name, in_=values):
            for value in values:
                yield name, value


def _answers(field: Field) -> list[Any] | None:
    """What a condition may compare a field with: its codes, or yes and no; None for a field whose
    answers are not listed (a number, a text)."""
    if isinstance(field, OPTIONED):
        return [option.code for option in field.options]
    if isinstance(field, YesNoField):
        return [True, False]
    return None


def _is_filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def _day(value: Any) -> date | None:
    """The day of a date or date-and-time answer (ISO text, or as an editor holds it); None
    when unanswered or not yet a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def holds(condition: Condition, values: dict[str, Any]) -> bool:
    match condition:
        case Equals(field=name, equals=expected):
            return values.get(name) == expected
        case OneOf(field=name, in_=options):
            value = values.get(name)
            if isinstance(value, list):
                return any(item in options for item in value)
            return value in options
        case Filled(field=name, filled=wanted):
            return _is_filled(values.get(name)) == wanted
        case BornWithin(field=name, born_within_days=days, before=before):
            born, at = _day(values.get(name)), _day(values.get(before))
            return born is not None and at is not None and (at - born).days < days
        case AllOf(all=parts):
            return all(holds(part, values) for part in parts)
        case AnyOf(any=parts):
            return any(holds(part, values) for part in parts)
        case Not(not_=inner):
            return not holds(inner, values)
    raise TypeError(f"unknown condition {condition!r}")


class Meaning(StrEnum):
    """What a field means to the rest of the app (patient list, PDFs, export), so code never
    has to know a form's field ids."""

    BIRTH_NAME = "birth_name"
    USED_NAME = "used_name"
    GIVEN_NAMES = "given_names"
    BIRTH_DATE = "birth_date"
    SEX = "sex"
    NIR = "nir"
    IPP = "ipp"
    ENCOUNTER_NUMBER = "encounter_number"
    DESCRIPTOR = "descriptor"
    TEMPORARY_NAME = "temporary_name"
    UNIDENTIFIED = "unidentified"
    OCCURRED_AT = "occurred_at"
    WARD = "ward"
    BED = "bed"
    ALLERGY_STATUS = "allergy_status"
    ALLERGIES = "allergies"
    ALLERGIES_CHECKED = "allergies_checked"
    RESUSCITATION = "resuscitation"
    IDENTITY_STATUS = "identity_status"
    ISOLATION = "isolation"
    PHONE = "phone"
    NOK_PHONE = "nok_phone"
    WEIGHT = "weight"
    WEIGHT_CONFIRMED = "weight_confirmed"
    LANGUAGE = "language"
    INTERPRETER = "interpreter"
    """The language a patient speaks and whether they need an interpreter: every patient screen's header says so."""
    REASON = "reason"
    """Why the patient came in, as the admission says it: the handover sheet gives it beside each bed."""
    PAPER_NUMBER = "paper_number"
    """The reserved downtime number a patient admitted on paper was given (services.paper_numbers)."""


# The identity-status answer of an identity checked against an identity document: French
# identity-vigilance rules allow the INS to be used and sent only for such an identity.
VALIDATED_IDENTITY = "validated"


class Paper(_Strict):
    """Layout hints for the printed form: columns out of a 4-column grid, writing lines; and how
    the blank form asks what the screen asks of the person typing."""

    span: int = PydField(default=2, ge=1, le=4)
    lines: int = PydField(default=1, ge=1, le=12)
    rows: int = PydField(default=4, ge=1, le=20)
    label: Text | None = None
    """The question as the blank form asks it, where the screen's supposes the one typing is not
    the one who did it: "Given by (if not you)" is "Given by" on paper, whose writer usually gave
    the dose; and so a record's one line and its printed form read it (see `line_label`)."""
    help: Text | None = None
    """The help as the blank form gives it, where the screen's speaks of the app to the one typing
    ("the app asks for it until this is answered"): on paper nothing asks or checks it."""
    on_blank: bool = True
    """Asked on the blank form; not an answer only typing a record in gives ("Transcribed from the
    paper chart", which a blank form asked of itself)."""


class Pattern(_Strict):
    regex: str
    message: Text

    @field_validator("regex")
    @classmethod
    def _compiles(cls, regex: str) -> str:
        try:
            re.compile(regex)
        except re.error as exc:
            raise _problem(QT_TRANSLATE_NOOP("messages", "not a valid regular expression: {problem}"),
                           problem=exc) from exc
        return regex


class Option(_Strict):
    code: str = PydField(min_length=1)
    label: Text
    retired: bool = False
    """Withdrawn from the form: no longer offered for a new answer, but kept so that a record
    already holding the code reads it in words and keeps it when amended (removed, a patient's
    "Protective isolation" showed blank and went at the next amendment)."""


# The forms whose standing records a `copied_from` without a field lists, one a line: the
# patient's treatments, their laboratory samples awaiting a result and recent results, their
# pressure areas as the repositioning chart last found them, their wounds still dressed, their
# lines and catheters still in, their latest pain, their malnutrition risk, their latest delirium
# screening, their falls in this stay, their latest neuro obs set and what it still asks of a
# doctor, their latest sepsis screening this stay, their latest VTE decision this stay, a
# child's latest paediatric observations, their times missing from the ward this stay, the failed
# swallow screen standing (nil by mouth, or the SLT's plan), and their latest falls-risk assessment.
TREATMENTS_FORM = "medication_order"
RESULTS_FORM = "lab_result"
REPOSITIONING_FORM = "repositioning"
WOUNDS_FORM = "wound_care"
DEVICES_FORM = "device_check"
PAIN_FORM = "pain_assessment"
NUTRITION_FORM = "nutrition_screening"
DELIRIUM_FORM = "delirium_screening"
FALLS_FORM = "inpatient_fall"
NEURO_FORM = "neuro_observations"
SEPSIS_FORM = "sepsis_screening"
VTE_FORM = "vte_assessment"
PEWS_FORM = "paediatric_observations"
MISSING_FORM = "missing_patient"
SWALLOW_FORM = "swallow_screen"
FALLS_RISK_FORM = "falls_risk"
LISTED_FORMS = (TREATMENTS_FORM, RESULTS_FORM, REPOSITIONING_FORM, WOUNDS_FORM, DEVICES_FORM, PAIN_FORM,
                NUTRITION_FORM, DELIRIUM_FORM, FALLS_FORM, NEURO_FORM, SEPSIS_FORM, VTE_FORM, PEWS_FORM, MISSING_FORM,
                SWALLOW_FORM, FALLS_RISK_FORM)
# The forms whose things still open a multiple choice's `copied_from` without a field ticks: the
# kinds of lines and catheters still in.
TICKED_FORMS = (DEVICES_FORM,)
# The form whose sets a `news2` section's answers are copied from, and scored as.
OBSERVATIONS_FORM = "observations"


class CopiedFrom(_Strict):
    """Where a new record's answer starts from, for the nurse to check and change: the patient's
    latest record of `form` (its answer `field`, a choice's codes translated by `codes`), or,
    without `field`, the patient's current treatments (TREATMENTS_FORM), one a line, each with
    its last dose given, their samples awaiting a result and recent results (RESULTS_FORM), or
    their pressure areas and how often they are turned (REPOSITIONING_FORM), their wounds not
    healed with their dressings (WOUNDS_FORM), their lines and catheters still in
    (DEVICES_FORM), their latest pain (PAIN_FORM), their
    malnutrition risk (NUTRITION_FORM), their latest delirium screening (DELIRIUM_FORM), their
    falls in this stay (FALLS_FORM), their latest neuro obs set and what it still asks (NEURO_FORM),
    their latest sepsis screening this stay (SEPSIS_FORM) or their
    latest VTE decision this stay (VTE_FORM); a multiple choice without `field` ticks the kinds of
    the things still open on a chart of TICKED_FORMS (each kind as `codes` names it, a kind that
    is none of its options left unticked). Copied by hand from
    the chart, a transfer-out's last observations and treatments were one more place to misread a
    figure."""

    form: str
    field: str | None = None
    codes: dict[str, str] = {}


class AnswerOf(_Strict):
    """An answer of the record a record_ref field of this form points to: the unit of a number
    (a dose given is in its order's unit, "Dose given: 4000" read on the clerk's line, units or mg
    left to guess), or the codes a multiple choice keeps within (a result gives tests its sample
    was sent for)."""

    record: str
    """The record_ref field of this form."""
    field: str
    """The answer of that record's form."""


class _FieldBase(_Strict):
    id: str
    label: Text
    help: Text | None = None
    required: bool = False
    required_when: Condition | None = None
    relevant: Condition | None = None
    meaning: Meaning | None = None
    paper: Paper = Paper()
    copied_from: CopiedFrom | None = None
    signed_in: bool = False
    """A new record's answer starts as the signed-in person's name, for them to change when
    someone else did it (a death's verifier, typed at every death)."""
    safety_critical: bool = False
    """A change to it that settling a hold would drop must be confirmed by name (services.holds):
    an allergy one laptop added was lost, unseen, when the clerk chose the other laptop's weight."""
    formerly: list[str] = []
    """The ids this field had in earlier versions of the form: a record kept under one reads its
    answer as this field's (renamed, an earlier note's focus was no longer printed, listed or
    carried by an amendment)."""
    since: int | None = PydField(default=None, ge=2)
    """The version of the form this field came in (`values.never_asked`): a record first saved
    under an earlier one was never asked it, so it is shown and printed only where answered, and
    a version on hold written under one reads "not on version 1 of the form" in its place. A v1
    falls-risk assessment printed the v2 "Decided at the review" row empty, and a hold between a
    v1 and a v2 version read "—" on the v1 side, as if the doctor had decided nothing."""

    def line_label(self, lang: Lang) -> str:
        """The field's label on a record's one line (the back-entry worklist, the record lists) and
        on paper, blank or filled (pdf.forms), which is read, not asked of whoever types: the blank
        form's question (`Paper.label`: "Given by (if not you)" is "Given by" there), else its label."""
        return (self.paper.label or self.label).get(lang)

    def blank_help(self) -> Text | None:
        """The help a blank form prints under the question: the paper's own (`Paper.help`) where
        the screen's tells the one typing what the app does with the answer."""
        return self.paper.help or self.help

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        if not _ID.match(value):
            raise _problem(QT_TRANSLATE_NOOP("messages", "field id {id} must be lower_snake_case"), id=repr(value))
        return value

    @field_validator("formerly")
    @classmethod
    def _former_ids(cls, value: list[str]) -> list[str]:
        for former in value:
            cls._snake(former)
        return value


class TextField(_FieldBase):
    kind: Literal["text"]
    max_length: int = PydField(default=200, ge=1, le=10_000)
    pattern: Pattern | None = None
    check: Literal["nir", "downtime_number"] | None = None
    side_from: str | None = None
    """The choice field giving the side this text is about (codes left, right, bilateral,
    not_applicable): the text may name no other side (domain.laterality)."""
    suggested: bool = False
    """The patient's earlier answers of this field on this form are offered as it is typed: a
    chart that follows a thing by its name ("Sacrum", "Left forearm") keeps one name for it, where
    "Sacral" typed at the next dressing began a second wound."""


class LongTextField(_FieldBase):
    kind: Literal["long_text"]
    max_length: int = PydField(default=4000, ge=1, le=100_000)
    paper: Paper = Paper(span=4, lines=3)


class IntegerField(_FieldBase):
    kind: Literal["integer"]
    unit: str | None = None
    unit_from: AnswerOf | None = None
    min: int | None = None
    max: int | None = None


class DecimalField(_FieldBase):
    kind: Literal["decimal"]
    unit: str | None = None
    unit_from: AnswerOf | None = None
    min: float | None = None
    max: float | None = None
    places: int = PydField(default=1, ge=0, le=6)


class DateField(_FieldBase):
    kind: Literal["date"]
    allow_future: bool = False
    min_year: int = 1880


class DateTimeField(_FieldBase):
    kind: Literal["datetime"]
    allow_future: bool = False
    not_after: str | None = None
    """Another datetime field of the form this time cannot follow: scale 2 prescribed after the
    set it scored means the set was scored on a scale nobody had prescribed yet."""


class ChoiceField(_FieldBase):
    kind: Literal["choice"]
    options: list[Option] = PydField(min_length=2)
    by_role: dict[str, str] = {}
    """A new record's answer starts as the option given for the signed-in person's role (a
    clinical note's "Written by a": a nurse's note is the nurse's), for them to change."""
    unanswered: str | None = None
    """The option the question left unanswered stands for, ticked on the filled paper form: an
    order's How often, empty as on every order written before it was asked, is daily, and its
    nine boxes printed empty left the clerk back-entering it to guess."""


class MultiChoiceField(_FieldBase):
    kind: Literal["multi_choice"]
    options: list[Option] = PydField(min_length=2)
    within: AnswerOf | None = None
    """The codes it may hold are those the record it points to holds in that answer (the tests a
    result gives are among those its sample was sent for); checked when the record is saved."""


class YesNoField(_FieldBase):
    kind: Literal["yes_no"]
    yes_only: Text | None = None
    """What to say when the answer is not Yes: a step that must be done before the record stands
    (a unit's bedside identity check, a phoned result read back to the caller)."""


class PatientRefField(_FieldBase):
    kind: Literal["patient_ref"]


class StaffRefField(_FieldBase):
    kind: Literal["staff_ref"]


class RecordRefField(_FieldBase):
    """Another record this one belongs to, e.g. the order a dose was given for."""

    kind: Literal["record_ref"]
    form: str
    picked: bool = False
    """Picked on the form from the patient's standing records of `form` (a unit of blood's
    prescription), where a reference to a patient's record is otherwise set by the screen that
    opened the form (a dose's order)."""


SimpleField = Annotated[
    Union[TextField, LongTextField, IntegerField, DecimalField, DateField, DateTimeField,
          ChoiceField, MultiChoiceField, YesNoField, PatientRefField, StaffRefField,
          RecordRefField],
    PydField(discriminator="kind"),
]


class RepeatField(_FieldBase):
    """A list of rows, like the allergy lines of a paper form."""

    kind: Literal["repeat"]
    fields: list[SimpleField] = PydField(min_length=1)
    min_items: int = PydField(default=0, ge=0)
    max_items: int = PydField(default=50, ge=1)
    paper: Paper = Paper(span=4)


Field = Annotated[Union[SimpleField, RepeatField], PydField(discriminator="kind")]
OPTIONED = (ChoiceField, MultiChoiceField)


class Section(_Strict):
    id: str
    title: Text
    fields: list[Field] = PydField(min_length=1)
    news2: bool = False
    """Its answers are scored with NEWS2 where the record is typed, shown and printed (see
    `news2_rows`): a handover's last observations copied from a set, or the set itself. Worked out
    from the answers as they stand, never typed, so a reading changed on the form is rescored. It
    must answer every row the score reads."""
    total: str | None = None
    """Its answers are the items of a score (domain.score_totals: "braden", "4at", "must"), totalled
    on screen as they are typed, as the paper form's total box is; never typed itself. It must hold
    each item."""
    total_key: str | None = None
    """The field of the section whose help, printed under it, says what the total means (the
    CIWA-Ar's bands under item 10): the blank form's total line names it. Without it the line sends
    the nurse to "its help", which on the CIWA-Ar's paper was nowhere to be found."""
    pews: bool = False
    """Its answers are a child's set, scored on screen with the Bedside PEWS as they are typed,
    with what the score asks (domain.pews.ITEMS, each a field of that id; never typed itself)."""
    sepsis: bool = False
    """Under its answers, what a sepsis screening finds from the form's answers as they stand
    (domain.sepsis.outcome: red flag sepsis, possible sepsis…), shown as they are typed and printed
    on its record, with the boxes to tick on the blank form: the paper tool's outcome box. The form
    must answer each field the outcome reads (domain.sepsis.OUTCOME_FIELDS) and score its readings
    in a `news2` section."""
    amending: bool = False
    """Answered only by amending a saved record, never on a new one: what becomes of the record
    afterwards (a sample the laboratory rejected or lost, or no longer needed), which whoever
    writes it has nothing to answer yet. A new record's form does not show it (a nurse sending a
    sample was asked whether it was rejected), and a new record answering it is refused
    (services.records). None of its fields is required."""


class OfficeLine(_Strict):
    """How the records office's worklist line (services.back_entry) reads a form's records where
    the line the ward reads (`summary`) will not do: the clerk types into the EHR from it."""

    titled: bool = False
    """The line starts with the form's title: an enhanced care record read "This record is: A log
    entry", under the step "Observations and other records", and named no chart to enter it in."""
    notice: Text | None = None
    """Said first, before the title: a safeguarding concern's "CONFIDENTIAL — enter in the EHR's
    restricted safeguarding record", which the clerk typing by hand otherwise put in the ordinary
    notes, read by the patient's online and proxy access. Its CSV says it on each line too."""
    summary: list[str] = []
    """The fields the line gives, where the bedside line withholds what the EHR needs (a concern's
    categories and raiser, kept from the visitor reading the screen); default: `summary`'s."""


_CACHED = ("_fields", "_by_id", "_by_meaning", "field_ids", "renamed")
"""A form's indexes of its fields, kept on it once worked out (`FormSpec.model_copy` forgets them)."""


class FormSpec(_Strict):
    id: str
    version: int = PydField(ge=1)
    title: Text
    creates_patient: bool = False
    about_patient: bool = True
    """False for records about the ward itself (e.g. a theatre session), saved without a patient."""
    prints_allergies: bool = True
    """Its paper carries the patient's allergies (filled: the allergy line under its heading;
    blank: a box to write them in), as every form giving, prescribing or planning care must;
    false for a record that asks nothing of them (a death, which printed "ALLERGIES: Penicillin";
    an operation cancelled, rebooked or done, whose blank forms in the binder each carried the box)."""
    notice: Text | None = None
    """Printed under the title of every page, blank and filled (pdf.forms): a safeguarding
    concern's "CONFIDENTIAL: file apart, not at the bedside". Unmarked, it went
    into the notes folder that travels to the bedside and read as any other form."""
    movement: Movement | None = None
    authors: list[Role] | None = None
    """Roles that may write this form (default: every role that records care)."""
    owned_by_author: bool = False
    """Each record is its author's own signed entry (a clinical note, signed as on paper): only
    the person who saved it corrects or withdraws it, anyone else writes one of their own
    (services.records). A nurse rewrote a doctor's note, which still read as the doctor's on
    screen, on paper and in the EHR. False for a shared record the ward keeps up to date (an
    admission, corrected by whoever finds it wrong)."""
    in_hospital: bool = False
    """Care taken at the bedside (an observation set): refused at a time its patient was not
    admitted. A discharged namesake chosen from the search took the set, and it reached no ward
    list and no escalation list."""
    under_years: int | None = PydField(default=None, ge=1)
    """Care for children only (the paediatric observation chart): refused for a patient this old
    or older when it happened, whose chart is another (NEWS2's from 16)."""
    from_years: int | None = PydField(default=None, ge=1)
    """Care for adults only (the sepsis screening, scored with NEWS2): refused for a patient
    younger when it happened (a well two-year-old's breathing and pulse scored as red flag
    sepsis)."""
    summary: list[str] = []
    """The fields a record is told by in one line (a list, the back-entry worklist); default:
    its first four required answers, which for an observation set say only its time and scale."""
    office: OfficeLine | None = None
    sections: list[Section] = PydField(min_length=1)

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        if not _ID.match(value):
            raise _problem(QT_TRANSLATE_NOOP("messages", "form id {id} must be lower_snake_case"), id=repr(value))
        return value

    def fields(self) -> Iterator[Field]:
        return iter(self._fields)

    def field(self, field_id: str) -> Field:
        return self._by_id[field_id]

    def by_meaning(self, meaning: Meaning) -> Field | None:
        return self._by_meaning.get(meaning)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> FormSpec:
        """A copy, its indexes below worked out again from its own fields: copied with the
        original's, a form copied without some fields (an older version's) still found them."""
        copied = super().model_copy(update=update, deep=deep)
        for cached in _CACHED:
            copied.__dict__.pop(cached, None)
        return copied

    # Looked up for every patient of a census, a search or an export, and walked by every
    # validation (78,000 of them in the tests' edge values): a form is frozen, so its fields are
    # listed and indexed once (the first field of an id or a meaning, as a scan would find it).
    @cached_property
    def _fields(self) -> tuple[Field, ...]:
        return tuple(field for section in self.sections for field in section.fields)

    @cached_property
    def renamed(self) -> tuple[tuple[str, str], ...]:
        """(former id, field id) of each field once kept under another id (`Field.formerly`), in
        form order: read as the field's by every record read (formspec.values.as_current)."""
        return tuple((former, field.id) for field in self._fields for former in field.formerly)

    @cached_property
    def field_ids(self) -> frozenset[str]:
        """Every field's id: what an answer is refused as unknown by, an older version asked."""
        return frozenset(self._by_id)

    @cached_property
    def _by_id(self) -> dict[str, Field]:
        found: dict[str, Field] = {}
        for field in self.fields():
            found.setdefault(field.id, field)
        return found

    @cached_property
    def _by_meaning(self) -> dict[Meaning, Field]:
        found: dict[Meaning, Field] = {}
        for field in self.fields():
            if field.meaning is not None:
                found.setdefault(field.meaning, field)
        return found

    @model_validator(mode="after")
    def _consistent(self) -> FormSpec:
        if self.creates_patient != (self.movement is Movement.ADMIT):
            raise _problem(QT_TRANSLATE_NOOP("messages", "a form that creates a patient is the one with movement "
                                                         "'admit'"))
        problems = list(_consistency_problems(self))
        if problems:
            raise SpecProblems(problems)
        return self


def news2_rows(section: Section) -> dict[str, str]:
    """The observation set's row each field of a section answers, by field id: the row it is
    copied from (OBSERVATIONS_FORM's field of that name), in a section copying from a set (a
    handover's last observations); its own id, in a section copying from none (the set's own
    form, whose field ids are the rows). A field of a copying section left uncopied answers no
    row: a scale typed apart from the readings it was copied with would score them wrongly."""
    copied = {field.id: field.copied_from.field for field in section.fields
              if field.copied_from is not None and field.copied_from.form == OBSERVATIONS_FORM
              and field.copied_from.field is not None}
    if copied:
        return copied
    return {field.id: field.id for field in section.fields if field.copied_from is None}


def answer_of(field: Field) -> tuple[str, AnswerOf] | None:
    """The answer of another record a field takes something from, and what it takes: "unit_from"
    or "within"."""
    if isinstance(field, (IntegerField, DecimalField)) and field.unit_from is not None:
        return "unit_from", field.unit_from
    if isinstance(field, MultiChoiceField) and field.within is not None:
        return "within", field.within
    return None


def answer_of_problems(forms: dict[str, FormSpec]) -> Iterator[Phrase]:
    """A `unit_from` or a `within` must name an answer of the form its record_ref points to; a
    `within`, a multiple choice offering each code of that answer's options."""
    for spec in forms.values():
        for field in spec.fields():
            if (taken := answer_of(field)) is None:
                continue
            key, source = taken
            pointer = spec._by_id.get(source.record)
            target = forms.get(pointer.form) if isinstance(pointer, RecordRefField) else None
            origin = target._by_id.get(source.field) if target is not None else None
            if target is not None and origin is None:
                yield Phrase(WHERE, {"where": f"{spec.id}.yaml", "problem": Phrase(
                    QT_TRANSLATE_NOOP("messages", "field {field}: {key} names unknown field {source} of {form}"),
                    {"field": repr(field.id), "key": key, "source": repr(source.field), "form": repr(target.id)})})
            elif key == "within" and isinstance(field, MultiChoiceField) and (
                    not isinstance(origin, MultiChoiceField)
                    or {option.code for option in origin.options} - {option.code for option in field.options}):
                yield Phrase(WHERE, {"where": f"{spec.id}.yaml", "problem": Phrase(
                    QT_TRANSLATE_NOOP("messages", "field {field}: within: {source} of {form} is no multiple choice "
                                                  "of codes this field offers"),
                    {"field": repr(field.id), "source": repr(source.field), "form": repr(pointer.form)})})


def copy_problems(forms: dict[str, FormSpec]) -> Iterator[Phrase]:
    """A `copied_from` must name a form and field there are, of the same kind, every code it can
    bring one the field offers; without `field`, the lines go in a long text. A `news2` section
    copies every row of the observation set."""
    for spec in forms.values():
        for section in spec.sections:
            copied = set(news2_rows(section).values())
            if section.news2 and (missing := [row for row in ObservationSet.model_fields if row not in copied]):
                yield Phrase(WHERE, {"where": f"{spec.id}.yaml", "problem": Phrase(
                    QT_TRANSLATE_NOOP("messages", "section {section}: news2 copies no field {fields} of {form}"),
                    {"section": repr(section.id), "fields": ", ".join(map(repr, missing)),
                     "form": repr(OBSERVATIONS_FORM)})})
        for field in spec.fields():
            source = field.copied_from
            if source is None:
                continue
            def copying(template: str, /, **values: object) -> Phrase:
                return Phrase(WHERE, {"where": f"{spec.id}.yaml", "problem": Phrase(template, {
                    "field": repr(field.id), "form": repr(source.form), **values})})

            if source.form not in forms:
                yield copying(QT_TRANSLATE_NOOP("messages", "field {field}: copied_from names unknown form {form}"))
                continue
            if source.field is None and isinstance(field, MultiChoiceField) and source.form in TICKED_FORMS:
                offered = {option.code for option in field.options}
                if missing := [code for code in source.codes.values() if code not in offered]:
                    yield copying(QT_TRANSLATE_NOOP("messages", "field {field}: copied_from: codes {codes} are none of "
                                                                "this field's options"), codes=", ".join(map(repr, missing)))
                continue
            if source.field is None:
                if source.form not in LISTED_FORMS or not isinstance(field, LongTextField):
                    yield copying(QT_TRANSLATE_NOOP("messages", "field {field}: copied_from without a field copies "
                                                                "{form} into a long text only"),
                                  form=" or ".join(map(repr, LISTED_FORMS)))
                continue
            origin = forms[source.form]._by_id.get(source.field)
            if origin is None:
                yield copying(QT_TRANSLATE_NOOP("messages", "field {field}: copied_from names unknown field {source} of "
                                                            "{form}"), source=repr(source.field))
            elif origin.kind != field.kind:
                yield copying(QT_TRANSLATE_NOOP("messages", "field {field}: copied_from: {source} is a {kind}, this a "
                                                            "{own}"),
                              source=f"{source.form}.{source.field}", kind=origin.kind, own=field.kind)
            elif isinstance(origin, OPTIONED) and isinstance(field, OPTIONED):
                offered = {option.code for option in field.options}
                missing = [code for code in (source.codes.get(option.code, option.code) for option in origin.options)
                           if code not in offered]
                if missing:
                    yield copying(QT_TRANSLATE_NOOP("messages", "field {field}: copied_from: codes {codes} are none of "
                                                                "this field's options"), codes=", ".join(map(repr, missing)))


def _consistency_problems(spec: FormSpec) -> Iterator[Phrase]:
    def said(template: str, field: Field, /, **values: object) -> Phrase:
        return Phrase(template, {"field": repr(field.id), **values})

    seen: set[str] = set()
    meanings: set[Meaning] = set()
    for field in spec.fields():
        if field.id in seen:
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: id used twice"), field)
        seen.add(field.id)
        if field.meaning is not None:
            if field.meaning in meanings:
                yield said(QT_TRANSLATE_NOOP("messages", "field {field}: meaning {meaning} used twice"), field,
                           meaning=repr(field.meaning.value))
            meanings.add(field.meaning)
    for name in [*spec.summary, *(spec.office.summary if spec.office else ())]:
        if name not in seen:
            yield Phrase(QT_TRANSLATE_NOOP("messages", "summary names unknown field {name}"), {"name": repr(name)})
    for section in spec.sections:
        held = {field.id for field in section.fields}
        if section.total is not None and section.total not in SCORE_TOTALS:
            yield Phrase(QT_TRANSLATE_NOOP("messages", "section {section}: total {total} is none of {known}"),
                         {"section": repr(section.id), "total": repr(section.total),
                          "known": ", ".join(map(repr, SCORE_TOTALS))})
        elif section.total and (missing := [item for item in SCORE_TOTALS[section.total].items if item not in held]):
            yield Phrase(QT_TRANSLATE_NOOP("messages", "section {section}: {total} holds no field {fields}"),
                         {"section": repr(section.id), "total": section.total,
                          "fields": ", ".join(map(repr, missing))})
        if section.total_key is not None and (section.total is None or section.total_key not in held):
            yield Phrase(QT_TRANSLATE_NOOP("messages", "section {section}: total_key {field} is no field of its total"),
                         {"section": repr(section.id), "field": repr(section.total_key)})
        if section.pews and (missing := [item for item in PEWS_ITEMS if item not in held]):
            yield Phrase(QT_TRANSLATE_NOOP("messages", "section {section}: pews holds no field {fields}"),
                         {"section": repr(section.id), "fields": ", ".join(map(repr, missing))})
        if section.sepsis and (missing := [item for item in SEPSIS_FIELDS if item not in seen]):
            yield Phrase(QT_TRANSLATE_NOOP("messages", "section {section}: sepsis reads no field {fields}"),
                         {"section": repr(section.id), "fields": ", ".join(map(repr, missing))})
        if section.amending and (required := [field.id for field in section.fields if field.required]):
            yield Phrase(QT_TRANSLATE_NOOP("messages", "section {section}: amending, yet requires {fields}"),
                         {"section": repr(section.id), "fields": ", ".join(map(repr, required))})
        if section.sepsis and not any(scored.news2 for scored in spec.sections):
            yield Phrase(QT_TRANSLATE_NOOP("messages", "section {section}: sepsis needs a news2 section"),
                         {"section": repr(section.id)})
    for field in spec.fields():
        for rule, condition in (("relevant", field.relevant), ("required_when", field.required_when)):
            for name in condition_fields(condition) if condition else ():
                if name not in seen:
                    yield said(QT_TRANSLATE_NOOP("messages", "field {field}: condition names unknown field {name}"),
                               field, name=repr(name))
                elif name == field.id:
                    yield said(QT_TRANSLATE_NOOP("messages", "field {field}: condition refers to the field itself"), field)
            for name, value in condition_values(condition) if condition else ():
                answers = _answers(spec._by_id[name]) if name in seen else None
                if answers is not None and value not in answers:
                    yield said(QT_TRANSLATE_NOOP("messages", "field {field}: {rule} compares {name} with {value}, "
                                                             "which is none of its answers ({answers})"),
                               field, rule=rule, name=repr(name), value=repr(value),
                               answers=", ".join(str(answer).lower() if isinstance(answer, bool) else answer
                                                 for answer in answers))
        if field.since is not None and field.since > spec.version:
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: since {since} is above the form's version "
                                                     "{version}"), field, since=field.since, version=spec.version)
        if isinstance(field, ChoiceField) and field.since is not None and field.unanswered is not None:
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: since and unanswered: an earlier version's "
                                                     "record left it unanswered for {code}, so it is shown"),
                       field, code=repr(field.unanswered))
        if isinstance(field, RepeatField) and (columns := [sub.id for sub in field.fields if sub.since is not None]):
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: since marks a whole field, not the columns "
                                                     "{columns} of a repeat group"), field,
                       columns=", ".join(map(repr, columns)))
        subfields = field.fields if isinstance(field, RepeatField) else [field]
        for sub in subfields:
            if isinstance(sub, OPTIONED):
                codes = [option.code for option in sub.options]
                if len(codes) != len(set(codes)):
                    yield said(QT_TRANSLATE_NOOP("messages", "field {field}: option codes repeat"), sub)
            low, high = getattr(sub, "min", None), getattr(sub, "max", None)
            if low is not None and high is not None and low > high:
                yield said(QT_TRANSLATE_NOOP("messages", "field {field}: min is above max"), sub)
        if isinstance(field, ChoiceField) and (unknown := sorted(
                f"{role}: {code}" for role, code in field.by_role.items()
                if role not in set(Role) or code not in {option.code for option in field.options})):
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: by_role names no role or no option: {names}"),
                       field, names=", ".join(unknown))
        if isinstance(field, ChoiceField) and field.unanswered is not None and field.unanswered not in {
                option.code for option in field.options if not option.retired}:
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: unanswered names no option it offers: {code}"),
                       field, code=repr(field.unanswered))
        if field.signed_in and not isinstance(field, TextField):
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: signed_in fills a text field only"), field)
        if isinstance(field, RepeatField) and field.min_items > field.max_items:
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: min_items is above max_items"), field)
        if isinstance(field, DateTimeField) and field.not_after is not None and not isinstance(
                spec._by_id.get(field.not_after), DateTimeField):
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: not_after names no datetime field {name}"), field,
                       name=repr(field.not_after))
        if isinstance(field, TextField) and field.side_from is not None and {
                option.code for option in getattr(spec._by_id.get(field.side_from), "options", ())} != SIDES:
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: side_from names no choice field of the sides "
                                                     "{name}"), field, name=repr(field.side_from))
        if (taken := answer_of(field)) is not None and not isinstance(spec._by_id.get(taken[1].record), RecordRefField):
            yield said(QT_TRANSLATE_NOOP("messages", "field {field}: {key} names no record_ref field {name}"), field,
                       key=taken[0], name=repr(taken[1].record))


for _model in (AllOf, AnyOf, Not, _FieldBase, RepeatField, Section, FormSpec):
    _model.model_rebuild()

"""Medication orders, the ward round, recording doses with their safety checks (a controlled
drug's witness and its line in the ward's register, see services.cd_register) and the MAR grid."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, Self, TypeVar

from sqlite_utils import Database

from downtime.i18n import (QT_TRANSLATE_NOOP, Lang, Listed, Number, Phrase, decimal_text, labelled, message, semicolon,
                           stay_word)
from downtime.domain import adult_fluids, aki, child_fluids, clozapine, covert, digoxin, elapsed, order_units
from downtime.domain.age import age_in_years, months_old
from downtime.domain.fluid_balance import UrineOutput
from downtime.domain.weight import ideal_kg
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.census import Movement, MovementEvent, StayStatus, in_hospital, left_after, locate, stays
from downtime.domain.medication import (
    Administration, AsRequiredStatus, Check, DoseState, Frequency, NotGivenReason, Order, Outcome, RoundPolicy, Warning,
    DAY, MASS_IN_MG, ML, NIL_BY_MOUTH_DIET, NIL_BY_MOUTH_ROUTES, allergies_matched, antibacterial, allergies_not_known, allergy_matches, charted, charted_slots, clock_text, flags_known,
    before_due, dose_state, dose_text, given_nil_by_mouth, has_dose_limits, not_countersigned, offered_only, policy_for, prn_given, prn_status,
    runs_at, scheduled_slots,
    safety_warnings, route_differs, same_dose_time, same_medicine, shares_a_medicine, slots_by_version, times_problem,
    written_apart, WRITTEN_APART, medicine_name, names_alike,
)
from downtime.domain.medication import severe_reaction
from downtime.domain.medication import (background_insulin, given_instant, given_when_fasting, insulin, left_out_with_meals, levelled,
                                        mealtime_insulin, patch, patches_on, reason_offered, route_code, units_abbreviated,
                                        written_when)
from downtime.domain.medication import (ANTIBIOTIC_REVIEW_AFTER, DIET, INFUSION, anticoagulant, blocks_dopamine,
                                        course_decided, medicines_in, parkinsons_medicine, sedating)
from downtime.domain.anticoagulation import (INR_DECIDED, heparin_infusion_refusal, heparin_refusal,
                                            low_molecular_weight_refusal, ordered_beside)
from downtime.domain.potassium import HELD_ON_LETTER as POTASSIUM_ON_LETTER, POTASSIUM_REVIEWED, by_vein_refusal, \
    names_potassium, not_infused, unread_by_vein
from downtime.domain.swallow_screen import by_mouth, names_swallow
from downtime.domain.lithium import (HELD_ON_LETTER as LITHIUM_ON_LETTER, LEVEL_REVIEWED as LITHIUM_REVIEWED, LITHIUM,
                                     RAISED_BY as LITHIUM_RAISED_BY, raises_lithium)
from downtime.domain.alcohol_withdrawal import Flag as AlcoholFlag, sedation_held
from downtime.domain.lab_results import Flag, level_judged, level_read
from downtime.domain.falls import Ask
from downtime.domain.pain import FOUND, SLOW_BREATHING, opioid
from downtime.domain.laptops import Authors, Laptop, laptop_name
from downtime.domain.records import RecordStatus, RecordVersion, loaded_from_snapshot
from downtime.formspec import Field, FormSpec
from downtime.formspec.messages import message as field_message
from downtime.formspec.schema import RecordRefField
from downtime.formspec.values import FieldError, ParseError, format_value, parse_datetime
from downtime.domain.paper_gap import Silence
from downtime.services import (cd_register, census, clock_check, glucose, lab_results, observations, paper_gap, records,
                               settings, snapshot_time, telephone_orders, unlock, weight)
from downtime.services.context import Session

if TYPE_CHECKING:
    from downtime.services.falls import Falls, Recorded  # which read the medication chart through this module
from downtime.services.errors import LockedOut, NotFound, ServiceError, SignInError, ValidationFailed
from downtime.services.laptops import laptops_known
from downtime.services.patients import PatientSummary, summarise
from downtime.services.staff import PinNotChosen, PinUse, member_named, pin_confirmed
from downtime.storage.laptops import known as known_laptops
from downtime.storage.records import (RECORD_COLUMNS, as_version, chunks, current_of, first_authors, histories,
                                      list_current, marks)
from downtime.storage.records import history as record_history
from downtime.storage.records import on_hold as versions_on_hold

ORDER_FORM = records.ORDER_FORM
DOSE_FORM = census.DOSE_FORM


class OverrideNeeded(ServiceError):
    """Warnings the user must confirm, each with a reason, before the dose can be saved."""

    def __init__(self, warnings: list[Warning]):
        self.warnings = warnings
        super().__init__("\n".join(w.message for w in warnings))


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def order_of(record: RecordVersion, taken: datetime | None = None) -> Order:
    """`taken`: when a telephone order awaiting its countersignature was taken, if versions before
    this one awaited it too (see telephone_orders.calls_of); else this version's call (see
    telephone_orders.taken_at: the time the nurse gave it, or its writing)."""
    return _order(record.record_id, str(record.patient_id), record.data, taken or telephone_orders.taken_at(record))


# The order's field saying its doses fall one day in so many (Order.every_days); an order written
# before it was asked has none, and is daily.
EVERY_DAYS = "every_days"
# An as-required range's lowest dose, and a liquid's strength (Order.dose_min, Order.strength_mg
# in Order.strength_ml): asked from the form's version 4, none on an order written before.
DOSE_MIN = "dose_min"
STRENGTH_MG = "strength_mg"
STRENGTH_ML = "strength_ml"
SIDE = "side"
"""Which eye, ear or nostril an order of those routes treats (Order.side)."""


def _order(record_id: str, patient_id: str, data: dict[str, Any], written_at: datetime | None = None) -> Order:
    """`written_at`: when this version was written, from which a telephone order awaits its
    countersignature."""
    return Order(
        record_id=record_id, patient_id=patient_id, drug=data["drug"],
        dose=data["dose"], dose_unit=data["dose_unit"], route=data["route"], dose_min=data.get(DOSE_MIN) or None,
        form=data.get("form") or None, strength_mg=data.get(STRENGTH_MG) or None,
        strength_ml=data.get(STRENGTH_ML) or None,
        side=data.get(SIDE) or None, rate_ml_h=data.get("rate_ml_h") or None,
        dose_rule=data.get(DOSE_RULE) or None,
        frequency=Frequency(data["frequency"]),
        times=tuple(time.fromisoformat(t) for t in (data.get("times") or "").split()),
        every_days=int(data.get(EVERY_DAYS) or 1),
        indication=data.get("indication") or None, prn_indication=data.get("prn_indication"),
        min_interval_hours=data.get("min_interval_hours"),
        max_doses_24h=data.get("max_doses_24h"), start_at=datetime.fromisoformat(data["start_at"]),
        stop_at=_when(data.get("stop_at")), controlled=bool(data.get("controlled")),
        high_alert=bool(data.get("high_alert")), time_critical=data.get("time_critical") is True,
        allergy_reason=data.get(ALLERGY_REASON) or None, dose_reason=data.get(DOSE_REASON) or None,
        prescriber=data.get(PRESCRIBER) or None, telephone=data.get(telephone_orders.TELEPHONE) is True,
        awaiting_since=written_at if telephone_orders.awaiting(data) else None, review_at=_when(data.get(REVIEW_AT)),
        review_reason=data.get(REVIEW_REASON) or None, covert=covert.covert_of(data))


def administration_of(record: RecordVersion) -> Administration:
    """The dose as its latest version says it, given by whom it names (`given_by`), else by that
    version's author: for a dose amended since, `administrations` and the charts name the giver
    (see `_givers`)."""
    return _administration(record.record_id, record.author, record.device_id,
                           record.recorded_at if record.version == 1 else None, record.data)


def _givers(db: Database, versions: Iterable[tuple[str, int]]) -> dict[str, tuple[str, str, datetime]]:
    """Who wrote each of these doses amended since (record id, version), on which laptop and when
    it was typed: the author and the writing of its version 1. A dose's giver is whom it names
    (`given_by`), else whoever recorded it; the doctor correcting its site became the giver on the
    chart, the dose dialog and FHIR's witness's laptop."""
    return {record_id: (author, device_id, datetime.fromisoformat(typed)) for record_id, (author, device_id, typed)
            in first_authors(db, [record_id for record_id, version in versions if version > 1]).items()}


# The dose's field naming who gave it when not the person who typed it (the form's "Given by (if
# not you)"): a dose given on paper in the night is typed in by the day nurse.
GIVEN_BY = "given_by"
# The dose's field saying it was typed in from the paper chart, after the laptop was down (see
# `_from_paper`).
TRANSCRIBED = "transcribed"
# Where on the paper chart a transcribed dose is written, as the nurse typing it names it.
PAPER_REFERENCE = "paper_reference"
# The dose's field giving the reading a variable dose was decided on (see Order.asks_reading).
DECIDED_ON = "decided_on"
# The dose's fields saying where it went, the rate an infusion ran at, and what became of the
# patch on before it (Administration.site, rate_ml_h, previous_patch).
SITE, DOSE_RATE, PREVIOUS_PATCH = "site", "rate_ml_h", "previous_patch"
# The dose's field saying a dose of a covert order was given covertly (form version 4, see
# `_covert_of_order`).
GIVEN_COVERTLY = "given_covertly"


def _administration(record_id: str, author: str, device_id: str, typed_at: datetime | None,
                    data: dict[str, Any]) -> Administration:
    return Administration(device_id=device_id, typed_at=typed_at,
        record_id=record_id, order_id=data["order"], outcome=Outcome(data["outcome"]),
        scheduled_for=_when(data.get("scheduled_for")), at=datetime.fromisoformat(data["given_at"]),
        dose=data.get("dose_given"), given_by=data.get(GIVEN_BY) or author, witness=data.get("witness"),
        on_paper=bool(data.get(TRANSCRIBED)), paper_reference=data.get(PAPER_REFERENCE) or None,
        reason=NotGivenReason(data["not_given_reason"]) if data.get("not_given_reason") else None,
        detail=data.get("not_given_detail") or None, given_for=data.get("given_for") or None,
        decided_on=data.get(DECIDED_ON) or None, site=data.get(SITE) or None,
        rate_ml_h=data.get(DOSE_RATE) or None, previous_patch=data.get(PREVIOUS_PATCH) or None,
        covertly=bool(data.get(GIVEN_COVERTLY)),
        overrides=tuple((str(item["check"]), str(item.get("reason") or "")) for item in data.get("overrides") or []))


def _standing(db: Database, form_id: str, patient_id: str | None = None,
              patient_ids: Collection[str] | None = None) -> list[RecordVersion]:
    return [r for r in list_current(db, form_id=form_id, patient_id=patient_id, patient_ids=patient_ids)
            if r.status is not RecordStatus.ENTERED_IN_ERROR]


# What an order gives; once a dose is recorded from it these stay, since a dose names only its
# order: "amoxicillin 1 g IV" made "ceftriaxone" would rewrite what the patient was given, and a
# liquid's strength changed, the mg its doses in mL were.
ORDER_DEFINES = ("drug", "dose", "dose_unit", "route", "frequency", DOSE_MIN, STRENGTH_MG, STRENGTH_ML, SIDE)
# A once-only order's start is the time of its one dose: moved after that dose, it made the
# dose fall due again at the new time.
ONCE_DEFINES = (*ORDER_DEFINES, "start_at")


def check_order_change(session: Session, order: RecordVersion, data: dict[str, Any], withdrawn: bool) -> None:
    """Called by the records service before an order is amended or withdrawn. An order doses
    were given from is stopped (its stop time) and another written, never made another
    medicine; and it is not withdrawn while those doses stand, or they would vanish from the
    chart while the patient had them."""
    given = session.db.execute(  # the patient's doses only (an index): a hospital's are a million
        "SELECT COUNT(*) FROM current_records WHERE patient_id = ? AND form_id = ? AND status != ?"
        " AND json_extract(data, '$.order') = ?",
        [order.patient_id, DOSE_FORM, RecordStatus.ENTERED_IN_ERROR.value, order.record_id]).fetchone()[0]
    if not given:
        return
    if withdrawn:
        # Stopping comes first: "withdraw them first" led a doctor rewriting an order written for
        # the wrong patient to withdraw the dose that patient had been given, lost from their chart.
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{count} dose(s) were recorded from this order. A dose given "
                                             "stays on the chart, even one given to the wrong patient (they had it): "
                                             "stop the order instead (amend its stop time) and write the right "
                                             "patient's. Only a dose recorded by mistake, never given, is withdrawn "
                                             "first, from the chart."), count=given)
    spec = session.form(ORDER_FORM)
    defines = ONCE_DEFINES if order.data.get("frequency") == Frequency.ONCE.value else ORDER_DEFINES
    if changed := [name for name in defines if data.get(name) != order.data.get(name)]:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{fields}: cannot be changed once a dose has been recorded from "
                                             "this order; stop it (amend its stop time) and write a new order."),
                           fields=", ".join(spec.field(name).label.get(session.lang) for name in changed))


ALLERGY_REASON = "allergy_reason"
"""The order's field keeping why it was written despite an allergy of the patient's it matches."""
DOSE_REASON = "dose_reason"
"""The order's field keeping why an opioid's dose is above a usual first dose (see `_as_dosed`)."""
DOSE_RULE = "dose_rule"
"""The order's field giving a variable dose's rule (see Order.dose_rule)."""
PRESCRIBER = "prescriber"
"""The order's field naming its prescriber when not whoever wrote it (a paper or telephone order)."""
CONTINUES = "continues"
"""The order's field naming the order of an earlier stay it prescribes again (see
`prescribed_again`): that order's decision, kept in the new order."""


class ReasonNeeded(ServiceError):
    """An order written against a caution without the prescriber's reason: a judgement, not an
    error, saved once the reason is kept in the order's `field` for whoever gives its doses."""

    field: str


class AllergyReasonNeeded(ReasonNeeded):
    """An order the patient's recorded allergies match, written without the prescriber's reason:
    the question the dose dialog asks the nurse, asked first of the doctor."""

    field = ALLERGY_REASON


ASKED_TOGETHER = QT_TRANSLATE_NOOP("messages", "{asked}\nOne reason, given in “{field}”, is kept for all of these.")
"""Several things an order is asked about, each on its own line (`DoseReasonNeeded.of`)."""


class DoseReasonNeeded(ReasonNeeded):
    """An opioid's dose above a usual first dose, written without the prescriber's reason (see
    `_as_dosed`). `asked_on`: the order's field the reason is for, the dose or a child's fluid's
    rate (`RATE`), which the form names and goes back to (the bolus's rate was asked as a dose,
    and cancelling it went to the Dose box)."""

    field = DOSE_REASON

    def __init__(self, template: str, /, asked_on: str, **values: object) -> None:
        super().__init__(template, **values)
        self.asked_on = asked_on

    @classmethod
    def of(cls, asked: list[order_units.Refusal], field: str) -> DoseReasonNeeded:
        """What an order is asked, every question said (`field`: the reason's label), asked on
        the first's field: a toddler's tramadol asked only "not usually given under 3 years",
        its dose four times the child's and its day (or a weight never recorded) asked but never
        shown, and the reason about the age was kept for them all."""
        first = asked[0]
        if len(asked) == 1:
            return cls(first.said.template, first.field, **first.said.values, field=field)
        return cls(ASKED_TOGETHER, first.field, field=field, asked=Listed(tuple(
            Phrase(each.said.template, {**each.said.values, "field": field}) for each in asked), between="\n"))


def _reason_stands(data: dict[str, Any], before: dict[str, Any] | None, field: str, weighed: tuple[str, ...]) -> bool:
    """Whether an order gives a reason in `field` for what it prescribes: an amendment changing
    what the reason weighed (`weighed`), the reason left as it was, gives one for what the order
    was, not for this."""
    reason = str(data.get(field) or "").strip()
    return bool(reason) and (before is None or before.get(field) != reason
                             or all(data.get(name) == before.get(name) for name in weighed))


def allergy_reason_needed(session: Session, patient_id: str, data: dict[str, Any],
                          before: dict[str, Any] | None = None) -> list[str]:
    """The patient's allergies an order's medicine matches, when the order gives no reason to
    write it all the same (none, or, for an order amended to another medicine, the reason given
    for the one it was: that was not weighed against this one; nor, for an order amended with
    its reason as it was, one given before an allergy it matches was recorded: the reason for a
    penicillin rash stood for the amoxicillin anaphylaxis found the next day, nothing asked).
    Empty: nothing to ask. One matched as a cross-reaction is said with its reaction and why, in
    the prescriber's language (domain.medication.allergies_matched): "Ceftriaxone matches the
    patient's recorded allergy: Penicillin" read as a mistake; one only a version of the
    admission on hold records, with that version's laptop (`_recorded_allergies`)."""
    drug = str(data.get("drug") or "")
    patient = census.patient_with_location(session.db, session.forms, patient_id)
    matched = _matched(drug, _recorded_allergies(session.db, session.forms, session.lang, patient))
    if _reason_stands(data, before, ALLERGY_REASON, ("drug",)) and not (
            before is not None and _reason_kept(data, before) and _new_since_amended(session, patient, before, matched)):
        return []
    return [part if isinstance(part, str) else part.text(session.lang) for part in _matched_said(drug, matched).parts]


def _reason_kept(data: dict[str, Any], before: dict[str, Any]) -> bool:
    """Whether an amendment keeps the order's allergy reason, and its medicine, as they were."""
    reason = before.get(ALLERGY_REASON)
    return bool(reason) and reason == str(data.get(ALLERGY_REASON) or "").strip() and before.get("drug") == data.get("drug")


@dataclass(frozen=True)
class _Allergy:
    """One of the patient's recorded allergies: its substance, as the checks match it, described
    with its reaction and severity in the reader's language, and the laptop whose version of the
    admission on hold alone records it (None: the admission standing here does)."""

    substance: str
    described: str
    held_by: str | None = None
    severe: bool = False
    """Whether its reaction was immediate or severe (domain.medication.severe_reaction of its
    reaction and severity): a dose over one recorded since its order is refused, over a codeine
    nausea it is the nurse's to weigh (`_refuse_unreviewed_allergy`)."""


# An allergy only a version of the admission on hold records, as a warning lists it: the strip
# says "ADMISSION ON HOLD" and names none.
_IN_VERSION_ON_HOLD = QT_TRANSLATE_NOOP("messages", "{allergy} — in the version on hold from {laptop}")
# An order's allergy recorded after its prescriber's reason was given, or after it was written
# with none (see `_known_when_given`).
_NOT_REVIEWED = QT_TRANSLATE_NOOP("messages", "{drug} matches the recorded allergy: {allergies}. {since}: recorded "
                                              "after it was prescribed, not reviewed by the prescriber.")


def _recorded_allergies(db: Database, forms: Mapping[str, FormSpec], lang: Lang,
                        patient: PatientSummary) -> list[_Allergy]:
    """The patient's recorded allergies, each with its reaction and severity as the reader
    reads them: a penicillin anaphylaxis is asked about before a cephalosporin, a penicillin rash
    not (see domain.medication.allergy_matches). And those of each version of their admission
    another laptop wrote otherwise, on hold here, that the standing one does not record: the
    penicillin anaphylaxis the family rang the ward they left about, met here with this ward's
    weight, was on hold and checked by nothing. None chosen over another: the records office
    settles which version is right."""
    found = _allergies_of(patient, lang)
    held = _set_aside(db, patient).values()
    laptops = known_laptops(db, {version.device_id for version in held}) if held else {}
    for version in held:
        summary = summarise(forms[version.form_id], version, patient.downtime_number)
        found += [replace(allergy, held_by=laptop_name(lang, version.device_id, laptops))
                  for allergy in _allergies_of(summary, lang)
                  if allergy.described not in {known.described for known in found}]
    return found


def allergies_on_hold(session: Session, patient: PatientSummary) -> list[str]:
    """The allergies only a version of the patient's admission on hold records, each said as the
    dose dialog's warning says it, with its reaction and laptop (`_recorded_allergies`), in the
    reader's language: the printed chart and the handover sheet listed the standing version's
    alone, and a penicillin anaphylaxis recorded on the ward the patient came from was on neither
    under "ADMISSION ON HOLD … check it"."""
    held = [allergy for allergy in _recorded_allergies(session.db, session.forms, session.lang, patient)
            if allergy.held_by is not None]
    return _said_each(held, session.lang)


def _said_each(found: Sequence[_Allergy], lang: Lang) -> list[str]:
    """Each allergy as a warning lists it (`_described_said`), in the reader's language."""
    return [part.text(lang) if isinstance(part, Phrase) else part for part in _described_said(found).parts]


def _allergies_of(summary: PatientSummary, lang: Lang) -> list[_Allergy]:
    """The admission's allergies, each severe by its reaction's words or its severity graded."""
    reactions = summary.reactions or [("", None)] * len(summary.allergies)
    return [_Allergy(substance, described, severe=severe_reaction(f"{reaction} {severity.en if severity else ''}"))
            for substance, described, (reaction, severity) in zip(summary.allergies, summary.allergies_in(lang),
                                                                  reactions)]


def _substance_key(substance: str) -> str:
    """An allergy's substance as known whatever its spacing or capitals: a reaction reworded is
    the same allergy, not one found since (`_since`)."""
    return " ".join(substance.casefold().split())


def _set_aside(db: Database, patient: PatientSummary) -> dict[str, RecordVersion]:
    """The versions of the patient's admission another laptop wrote otherwise that no settlement
    covers (entered in error ones left out), oldest first, by their digest."""
    found: list[tuple[str, RecordVersion]] = []
    for row in db.query(f"SELECT digest, {', '.join(RECORD_COLUMNS)} FROM unsettled_versions WHERE record_id = ?",
                                [patient.admission_record_id]):
        digest = row.pop("digest")
        found.append((digest, as_version(row)))
    return dict(sorted(((digest, version) for digest, version in found if version.status is not RecordStatus.ENTERED_IN_ERROR),
                       key=lambda held: (held[1].version, held[1].recorded_at)))


def _matched(drug: str, recorded: Sequence[_Allergy]) -> list[_Allergy]:
    return [found for found in recorded if allergy_matches(drug, [found.substance], [found.described])]


def _matched_said(drug: str, matched: Sequence[_Allergy]) -> Listed:
    """Matched allergies as a warning lists them (domain.medication.allergies_matched), one only a
    version on hold records with its reaction and laptop."""
    return Listed(tuple(part if found.held_by is None else Phrase(_IN_VERSION_ON_HOLD, {
        "allergy": found.described if isinstance(part, str) else part, "laptop": found.held_by})
        for found in matched for part in allergies_matched(drug, [found.substance], [found.described]).parts), ", ")


def _described_said(found: Sequence[_Allergy]) -> Listed:
    return Listed(tuple(allergy.described if allergy.held_by is None else Phrase(_IN_VERSION_ON_HOLD, {
        "allergy": allergy.described, "laptop": allergy.held_by}) for allergy in found), ", ")


def _reason_given(versions: Sequence[RecordVersion]) -> RecordVersion:
    """The version of an order its allergy reason, as it stands, was given in: the first of its
    latest versions keeping it as it was (an amendment of its times did not give it again); for
    an order with none, the first of its latest versions with none, when it was written so."""
    given = versions[-1]
    for version in reversed(versions[:-1]):
        if version.data.get(ALLERGY_REASON) != given.data.get(ALLERGY_REASON):
            break
        given = version
    return given


def _known_when_given(db: Database, forms: Mapping[str, FormSpec], lang: Lang, patient: PatientSummary,
                      versions: Sequence[RecordVersion]) -> dict[str, bool]:
    """The substances of the patient's allergies the order matched when its allergy reason was
    given (`_reason_given`), each with whether it was known then as immediate or severe
    (`_Allergy.severe`): its medicine then against the admission as it was recorded by then,
    the latest version by then of each of the patient's stays, and those on hold written by
    then; and those its reason itself names (a reason given before the admission recorded the
    rash it weighs: "Penicillin rash as a child", then the GP letter's rash typed in). Known by
    substance: a reaction reworded ("Rash (itchy, 2010)") is the allergy the reason weighed, a
    rash grown into an anaphylaxis is not (`_since`). Each stay's: a dose of the earlier stay
    typed in after a readmission read the rash recorded again on the new admission as found
    since, and the earlier stay's admission corrected after the readmission hid the new one's
    rash from the reason given on it. Written in the same minute (a ward's times are to the
    minute), the one entered here first was written first."""
    given = _reason_given(versions)
    drug, reason = str(given.data.get("drug") or ""), str(given.data.get(ALLERGY_REASON) or "")
    form_id = record_history(db, patient.admission_record_id)[-1].form_id
    stays = {stay.record_id: record_history(db, stay.record_id) for stay in list_current(
        db, form_id=form_id, patient_id=patient.patient_id) if stay.status is not RecordStatus.ENTERED_IN_ERROR}
    held = _set_aside(db, patient)
    entered = {**_entered(db, "records", [given.id, *(version.id for stay in stays.values() for version in stay)]),
               **_entered(db, "held_versions", held)}

    def by_then(key: str, version: RecordVersion) -> bool:
        return (version.recorded_at, entered.get(key, 0)) <= (given.recorded_at, entered.get(given.id, 0))

    then = [latest for stay in stays.values() for latest in sorted(
        (version for version in stay if by_then(version.id, version)),
        key=lambda version: (version.recorded_at, entered.get(version.id, 0)))[-1:]]
    then += [version for key, version in held.items() if by_then(key, version)]
    known: dict[str, bool] = {}
    for found in (found for version in then for found in _matched(drug, _allergies_of(
            summarise(forms[version.form_id], version, patient.downtime_number), lang))):
        known[_substance_key(found.substance)] = known.get(_substance_key(found.substance), False) or found.severe
    for found in _matched(drug, _recorded_allergies(db, forms, lang, patient)) if reason else ():
        if allergy_matches(found.substance, [reason]):
            key = _substance_key(found.substance)
            known[key] = known.get(key, False) or severe_reaction(reason)
    return known


def _since(matched: Sequence[_Allergy], known: Mapping[str, bool]) -> list[_Allergy]:
    """Those of an order's matched allergies recorded since its prescriber decided (`known`, see
    `_known_when_given`): a substance not known then, or known then as neither immediate nor
    severe and recorded so now."""
    return [found for found in matched if (was := known.get(_substance_key(found.substance))) is None
            or (found.severe and not was)]


def _entered(db: Database, table: str, keys: Collection[str]) -> dict[str, int]:
    """Where each of these rows of `table` (by its key) was entered in this laptop's audit log."""
    return {key: seq for part in chunks(keys) for key, seq in db.execute(
        f"SELECT entity_id, seq FROM audit WHERE entity = ? AND entity_id IN ({marks(part)})", [table, *part])}


def allergies_since(db: Database, forms: Mapping[str, FormSpec], lang: Lang, patient: PatientSummary,
                    found: Iterable[Order]) -> dict[str, list[str]]:
    """Each of these orders of the patient's that an allergy recorded on their admission matches
    (its version standing, or one on hold, said with its laptop: `_unreviewed`),
    with those of them recorded after its allergy reason was given, or, written with none, after
    it was written (described, in the reader's language; see `_known_when_given`): what
    domain.medication.prescribed_despite reads to quote the reason or not, and the charts,
    letters and handover say "not reviewed by the prescriber" by. Co-amoxiclav written for a
    patient with no known allergies, then a penicillin anaphylaxis recorded, was flagged nowhere
    but the dose's warning, the prescriber never asked. Read only for orders an allergy matches,
    which are few."""
    return {record_id: _said_each(since, lang)
            for record_id, since in _unreviewed(db, forms, lang, patient, found).items()}


def _unreviewed(db: Database, forms: Mapping[str, FormSpec], lang: Lang, patient: PatientSummary,
                found: Iterable[Order]) -> dict[str, list[_Allergy]]:
    """`allergies_since`'s allergies themselves, by order id. Matched against those the dose's
    check reads (`_recorded_allergies`: a version on hold's too, with its laptop): a dose refused
    for the family's anaphylaxis phoned to the ward they left was on no list, the prescriber
    never asked."""
    recorded = _recorded_allergies(db, forms, lang, patient)
    matching = {order.record_id: matched for order in found if (matched := _matched(order.drug, recorded))}
    versions = histories(db, list(matching)) if matching else {}
    return {record_id: _since(matched, _known_when_given(db, forms, lang, patient, versions[record_id]))
            for record_id, matched in matching.items()}


UNREVIEWED_WORDS = {
    "en": "{refused}ALLERGY RECORDED AFTER THE ORDER: {allergies}: the prescriber to review the order (amend it "
          "with the allergy acknowledged, or stop it)",
    "fr": "{refused}ALLERGIE ENREGISTRÉE APRÈS LA PRESCRIPTION : {allergies} : le prescripteur doit revoir "
          "la prescription (la modifier en prenant acte de l’allergie, ou l’arrêter)"}
"""What the escalation list, the handover sheet and the chart's line say of an order an allergy
recorded since matches (`allergies_unreviewed`), until its prescriber reviews it."""
UNREVIEWED_FLAG = {"en": "{refused}ALLERGY SINCE ORDER: {allergies}",
                   "fr": "{refused}ALLERGIE DEPUIS LA PRESCRIPTION : {allergies}"}
"""`UNREVIEWED_WORDS` short, on a screen's row (the round's flags, the MAR's time rows after the
order's first), whole in its tooltip: the 190-character sentence made the round's row taller than
its table at the largest text in French, and a qds order's four rows hid the orders below."""
NOT_TO_BE_GIVEN = {"en": "NOT TO BE GIVEN — ", "fr": "NE PAS ADMINISTRER — "}
"""What `UNREVIEWED_WORDS` and `UNREVIEWED_FLAG` say first of an immediate or severe one, whose
doses are refused until then (`_refuse_unreviewed_allergy`); over a mild one the nurse's override
stands, and is said. First: said after the allergy, a row or block cut at the largest text cut
"not to be given" ("ne pas administrer") off, and the nurse read only that an allergy was recorded."""


GIVEN_OVER_WORDS = {"en": "DOSE GIVEN OVER AN ALLERGY NOT REVIEWED: {times}: tell the prescriber",
                    "fr": "DOSE ADMINISTRÉE MALGRÉ UNE ALLERGIE NON REVUE : {times} : prévenir le prescripteur"}
"""What `UNREVIEWED_WORDS` adds of the doses given since the allergy was recorded (`_given_over`):
one refused at the bedside, then typed in from the paper chart 15 minutes later, was saved and
the list still read "not to be given", as though it had not been."""


class Unreviewed(str):
    """What is asked of the prescriber of an order an allergy recorded since matches, whole as the
    escalation list, the handover sheet and a tooltip say it, with its short words (`flag`,
    `UNREVIEWED_FLAG`) for a screen's row: one reading serves both."""

    flag: str

    def __new__(cls, whole: str, flag: str) -> Self:
        said = super().__new__(cls, whole)
        said.flag = flag
        return said


def unreviewed_words(since: Sequence[_Allergy], given: Sequence[datetime], lang: Lang) -> Unreviewed:
    """`UNREVIEWED_WORDS` of the allergies recorded after an order (`_unreviewed`'s), then
    `GIVEN_OVER_WORDS` of its doses given since (`_given_over`), on the ward's clock; and
    `UNREVIEWED_FLAG` of them."""
    allergies, severe = semicolon(lang).join(_said_each(since, lang)), any(found.severe for found in since)
    refused = NOT_TO_BE_GIVEN[lang] if severe else ""
    said = UNREVIEWED_WORDS[lang].format(allergies=allergies, refused=refused)
    return Unreviewed(semicolon(lang).join([said] + [GIVEN_OVER_WORDS[lang].format(
        times=", ".join(f"{at:%d/%m %H:%M}" for at in given))] if given else [said]),
        UNREVIEWED_FLAG[lang].format(allergies=allergies, refused=refused))


def _given_over(db: Database, forms: Mapping[str, FormSpec], lang: Lang, patient: PatientSummary, order_id: str,
                since: Sequence[_Allergy], tz: tzinfo | None) -> list[datetime]:
    """When the order's doses were given since an allergy recorded after its prescriber decided
    (`since`) was first recorded, on the admission standing or a version on hold, as it reads now
    (its substance, severe if it is now): transcribed from the paper chart over the refusal
    (`_refuse_unreviewed_allergy`), or over a mild one with the nurse's reason."""
    recorded = [version.recorded_at for version in [*record_history(db, patient.admission_record_id),
                                                    *_set_aside(db, patient).values()]
                if any(_substance_key(found.substance) == _substance_key(allergy.substance)
                       and (found.severe or not allergy.severe)
                       for found in _allergies_of(summarise(forms[version.form_id], version, patient.downtime_number),
                                                  lang) for allergy in since)]
    if not recorded:
        return []
    return sorted(dose.at.astimezone(tz) for dose in administrations(db, patient.patient_id)
                  if dose.order_id == order_id and dose.outcome is Outcome.GIVEN and dose.at >= min(recorded))


def allergies_unreviewed(db: Database, forms: Mapping[str, FormSpec], lang: Lang, patients: Sequence[PatientSummary],
                         at: datetime) -> dict[str, list[tuple[Order, Unreviewed]]]:
    """Each of these patients' orders in force at `at` (running, or to start) that an allergy
    recorded since its prescriber decided matches (`allergies_since`), with what is asked of the
    prescriber (`unreviewed_words`), by patient: co-amoxiclav written for a patient with no known
    allergies, then a penicillin anaphylaxis recorded, was said on the printed chart alone, and
    the prescriber, never asked, did not review it. Said until they amend the order with the
    allergy acknowledged (its `ALLERGY_REASON` given since) or stop it."""
    theirs = orders_of_each(db, [patient.patient_id for patient in patients], at)
    found: dict[str, list[tuple[Order, Unreviewed]]] = {}
    for patient in patients:
        in_force = {order.record_id: order for order in theirs[patient.patient_id]
                    if runs_at(order, at) or elapsed.instant(at) < elapsed.instant(order.start_at)}
        since = _unreviewed(db, forms, lang, patient, in_force.values())
        if said := [(in_force[order_id], unreviewed_words(allergies, _given_over(
                db, forms, lang, patient, order_id, allergies, at.tzinfo), lang))
                    for order_id, allergies in since.items() if allergies]:
            found[patient.patient_id] = said
    return found


def unreviewed_handover(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
                        lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these patients' orders an allergy recorded since
    matches (`allergies_unreviewed`), each after its order's name, as the escalation list says it."""
    return {patient_id: semicolon(lang).join(labelled(order_label(order, forms[ORDER_FORM], lang), said, lang)
                                             for order, said in unreviewed)
            for patient_id, unreviewed in allergies_unreviewed(db, forms, lang, patients, at).items()}


# A dose given of an order an immediate or severe allergy recorded since matches
# (`_Allergy.severe`): refused, whatever reason is typed (`_refuse_unreviewed_allergy`).
_NOT_REVIEWED_REFUSED = QT_TRANSLATE_NOOP(
    "messages", "{drug} is not to be given: {since} was recorded after it was prescribed, and the prescriber has not "
                "reviewed the order. Record the dose withheld (W) and ask the prescriber to review the order: amend it "
                "with the allergy acknowledged (“{field}”), or stop it. At night, take the on-call prescriber's "
                "decision as a telephone order: amend the order, given by telephone, with the allergy reason.")


# A dose transcribed from the paper chart over an immediate or severe allergy recorded since its
# order, typed with no paper reference (`_refuse_unreviewed_allergy`).
_GIVEN_OVER_ON_PAPER = QT_TRANSLATE_NOOP(
    "messages", "{field}: required for a dose given over {since}, recorded after the order and not reviewed by the "
                "prescriber: name where the paper chart records it. The prescriber is told on the escalation list "
                "and the handover.")


def _refuse_unreviewed_allergy(session: Session, found: Order, values: dict[str, Any], on_paper: bool) -> None:
    """A dose given now of an order an immediate or severe allergy recorded after its prescriber
    decided matches (`_unreviewed`, as the escalation list reads it: the refusal and the lists
    agree) is refused, not left to the nurse's override:
    the nurse gave co-amoxiclav over a penicillin anaphylaxis the daughter had just reported by
    typing "patient says she is fine", and no prescriber ever heard of it (RPS/RCN, administration
    of medicines, 2019: not given, the prescriber contacted). The prescriber answers it by amending
    the order with the allergy acknowledged (`ALLERGY_REASON`, asked of them then: check_order), or
    by stopping it, or at night the on-call prescriber by telephone. Not over a mild reaction (a
    codeine nausea before end-of-life morphine; NICE CG183 tells an allergy from an intolerance):
    the nurse weighs it with a reason, and the escalation list and handover ask the prescriber
    (`allergies_unreviewed`). A dose transcribed from the paper chart was given already and is
    recorded as it was, over the warning, with its paper reference (`_GIVEN_OVER_ON_PAPER`); the
    escalation list and the handover then say it was given (`_given_over`)."""
    if values.get("outcome") != Outcome.GIVEN.value:
        return
    patient = census.patient_with_location(session.db, session.forms, found.patient_id)
    since = _unreviewed(session.db, session.forms, session.lang, patient, [found]).get(found.record_id, [])
    if not (severe := [allergy for allergy in since if allergy.severe]):
        return
    if on_paper:
        if not str(values.get(PAPER_REFERENCE) or "").strip():
            field = session.form(DOSE_FORM).field(PAPER_REFERENCE)
            said = message(session.lang, _GIVEN_OVER_ON_PAPER, field=field.label.get(session.lang),
                           since=_described_said(severe))
            raise ValidationFailed([FieldError(field.id, said)])
        return
    raise ServiceError(_NOT_REVIEWED_REFUSED, drug=" ".join(found.drug.split()), since=_described_said(severe),
                       field=session.form(ORDER_FORM).field(ALLERGY_REASON).label.get(session.lang))


def _new_since_amended(session: Session, patient: PatientSummary, before: dict[str, Any],
                       matched: Sequence[_Allergy]) -> bool:
    """Whether an allergy the amended order matches was recorded after its reason was given. The
    order is the patient's whose answers stand as `before` (the records service passes those);
    one not found, or found twice, is weighed as the least known of them."""
    amended = [record.record_id for record in list_current(session.db, form_id=ORDER_FORM, patient_id=patient.patient_id)
               if record.data == before]
    return not amended or any(_since(matched, _known_when_given(session.db, session.forms, session.lang, patient,
                                                                  versions))
                              for versions in histories(session.db, amended).values())


# Why a new order is refused for a patient who has left: said as the census says it.
_LEFT = {StayStatus.DECEASED: QT_TRANSLATE_NOOP("messages", "{field}: this patient is deceased at that time (since "
                                                            "{since}): check the patient and the time."),
         StayStatus.DISCHARGED: QT_TRANSLATE_NOOP("messages", "{field}: this patient is discharged at that time (since "
                                                              "{since}): check the patient and the time."),
         StayStatus.TRANSFERRED_OUT: QT_TRANSLATE_NOOP("messages", "{field}: this patient is transferred to another "
                                                                   "hospital at that time (since {since}): check the "
                                                                   "patient and the time.")}


# Why an order is refused with a flag the app knows its medicine carries left unticked (see
# domain.medication.flags_known), said on that flag's field.
_MUST_BE_TICKED = {
    "controlled": QT_TRANSLATE_NOOP("messages", "“{field}” must be Yes for {drug}, a controlled drug."),
    "high_alert": QT_TRANSLATE_NOOP("messages", "“{field}” must be Yes for {drug}, a high-alert medicine."),
    "time_critical": QT_TRANSLATE_NOOP("messages", "“{field}” must be Yes for {drug}, a time-critical medicine.")}


UNITS_IN_FULL = {"en": "“{field}”: write “units” in full, not “{typed}”: “4U” is read as 40 and “IU” as IV "
                       "(NPSA/2010/RRR013, safer administration of insulin).",
                 "fr": "« {field} » : écrire « unités » en toutes lettres, pas « {typed} » : « 4U » se lit 40 et "
                       "« UI » IV (NPSA/2010/RRR013, sécurité de l’administration de l’insuline)."}
"""An insulin order's name or rule writing units abbreviated (`_check_units_in_full`)."""


def _check_units_in_full(session: Session, spec: FormSpec, data: Mapping[str, Any]) -> None:
    """An insulin order whose name or rule writes "units" abbreviated after a number
    (domain.medication.units_abbreviated: "8-12: 2u", "Actrapid 50 IU in 50 mL") is refused on
    that field: its dose unit is asked in units, but the rule and the name are what the nurse
    doses from, printed on the chart as written."""
    if not insulin(str(data.get("drug") or "")):
        return
    if errors := [FieldError(name, UNITS_IN_FULL[session.lang].format(field=spec.field(name).label.get(session.lang),
                                                                        typed=typed))
                  for name in ("drug", DOSE_RULE) if (typed := units_abbreviated(str(data.get(name) or "")))]:
        raise ValidationFailed(errors)


def check_order(session: Session, patient_id: str, data: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    """Called by the records service before an order is written or amended on the ward (an
    order from the EHR's snapshot is what the EHR held, and is loaded as it was).

    An order for a medicine the patient's allergies match needs the prescriber's reason, kept
    in the order, as a dose does the nurse's: nothing warned before the first dose, at the round.

    A medicine the app knows as a controlled drug, a high-alert or a time-critical one
    (domain.medication.flags_known) is refused as not one rather than set so silently: the
    prescriber signs what the order says, and learns there and then that oxycodone needs a
    witness and a register line, or that a Parkinson's dose is given within 30 minutes; an order
    changed behind their back would read otherwise than what they wrote. Orders already written
    (or loaded) so are read as one all the same (domain.medication.Order).

    A new order stopped before its start, or at it, would never be given, on no round and in no
    chart's cell, while its prescriber thinks it written: a slip of the stop's day. An amendment may stop
    an order not started yet: it is not to be given.

    A new order starting after its patient died or left (`_LEFT`) was saved without a word: the
    patient chosen wrongly, the one meant left without it. One written before, typed afterwards,
    is saved; an order of theirs can still be stopped.

    An amendment that only stops the order (sooner than it stopped, see `_stops_sooner`)
    prescribes nothing, and is asked none of this: a doctor stopping the furosemide an allergy
    found on readmission matches was refused for want of a reason to prescribe it all the same.

    A regular order's times are refused on their field when a dose could not be given at each
    as written (see domain.medication.times_problem): "08:00 08:00" or "23:59 00:00" made two
    lines a minute apart on the round, and the second dose raised no warning.

    An insulin order writing "units" abbreviated in its name or rule is refused on that field
    (`_check_units_in_full`).

    An order whose dose cannot be as written (a unit by a route that cannot take it, a dose
    above its medicine's most, or more than it allows in a day) is refused on the field to
    correct; an opioid's above a usual first dose needs the prescriber's reason (`_as_dosed`).

    A new order prescribing again an order of an earlier stay (`CONTINUES`) is that order's
    decision: it must still await one (see `awaiting_decision`). An amendment keeps what it
    prescribes again: one written from the wrong order is entered in error, and that order
    awaits a decision again."""
    spec = session.form(ORDER_FORM)
    telephone_orders.check_signature(session, data, before)
    if before is not None and data.get(CONTINUES) != before.get(CONTINUES):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "“{field}” cannot be changed: mark this order entered in error "
                                                         "and write the right one."),
                           field=spec.field(CONTINUES).label.get(session.lang))
    if before is not None and _stops_sooner(before, data):
        return
    if before is None and data.get(CONTINUES):
        awaiting_decision(session, str(data[CONTINUES]), patient_id)
    stop, start = _when(data.get("stop_at")), _when(data.get("start_at"))
    where = census.location_at(session.db, patient_id, start) if before is None and start is not None else None
    if where is not None and where.status in _LEFT:
        raise ServiceError(_LEFT[where.status], field=spec.field("start_at").label.get(session.lang),
                           since=f"{where.since.astimezone(start.tzinfo):%d/%m/%Y %H:%M}")
    if before is None and stop is not None and start is not None and stop <= start:
        # Stopped at its very start, it has no time left to be given either.
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "“{stop}” is before “{start}”: the order would never be given.")
                           if stop < start else QT_TRANSLATE_NOOP("messages", "“{stop}” is the time of “{start}”: the "
                                                                               "order would never be given."),
                           stop=spec.field("stop_at").label.get(session.lang),
                           start=spec.field("start_at").label.get(session.lang))
    times_field = spec.field("times")
    if said := times_problem([time.fromisoformat(clock) for clock in str(data.get("times") or "").split()],
                             times_field.label.get(session.lang)):
        raise ValidationFailed([FieldError(times_field.id, said.text(session.lang))])
    _check_weekly_methotrexate(session, spec, data)
    _check_units_in_full(session, spec, data)
    _check_infusion_rate(session, spec, data, before)
    _check_range(session, spec, data)
    _check_strength(session, spec, patient_id, data, before)
    drug = str(data.get("drug") or "")
    if unticked := [flag for flag in flags_known(drug, str(data.get("route") or "")) if not data.get(flag)]:
        raise ValidationFailed([FieldError(flag, message(session.lang, _MUST_BE_TICKED[flag],
                                                         field=spec.field(flag).label.get(session.lang), drug=drug))
                                for flag in unticked])
    _as_dosed(session, patient_id, data, before)
    _check_antibiotic_review(session, spec, data, before)
    if allergy_reason_needed(session, patient_id, data, before):
        patient = census.patient_with_location(session.db, session.forms, patient_id)
        given = before is not None and _reason_kept(data, before)
        raise AllergyReasonNeeded(QT_TRANSLATE_NOOP("messages", "{drug} matches the patient's recorded allergy: "
                                                    "{allergies}; one was recorded after the reason in “{field}” was "
                                                    "given: give the reason to prescribe it all the same now.")
                                  if given else
                                  QT_TRANSLATE_NOOP("messages", "{drug} matches the patient's recorded allergy: "
                                                    "{allergies}. Give the reason to prescribe it all the same in "
                                                    "“{field}”."),
                                  drug=drug, allergies=_matched_said(drug, _matched(drug, _recorded_allergies(
                                      session.db, session.forms, session.lang, patient))),
                                  field=spec.field(ALLERGY_REASON).label.get(session.lang))


# The routes by which methotrexate is a weekly dose (rheumatoid arthritis, psoriasis, Crohn's
# disease): tablets, through a feeding tube, and the pens injected under the skin (Metoject,
# Imeth, Nordimet). See `_check_weekly_methotrexate`.
_WEEKLY_METHOTREXATE_ROUTES = frozenset({"PO", "NG", "SC"})
_WEEKLY = "7"
"""The `EVERY_DAYS` answer of a weekly order; a less frequent one (every 2 or 4 weeks) is weekly enough."""
_WEEKLY_METHOTREXATE = QT_TRANSLATE_NOOP("messages", "{drug} {route} is taken once a week, on a set day, never daily: "
                                                     "make it a regular order, “{weekly}” in “{field}”, starting on "
                                                     "the day of its dose. A cancer protocol's daily doses are written "
                                                     "as once-only doses.")


def _check_weekly_methotrexate(session: Session, spec: FormSpec, data: dict[str, Any]) -> None:
    """Refuse methotrexate by mouth, tube or under the skin ordered more often than once a week:
    regular and daily (`EVERY_DAYS` left empty is daily), every 2 or 3 days, or as required. A
    weekly dose taken daily killed patients (NPSA/2006/13); the ANSM lists it as a never event
    (événement qui ne devrait jamais arriver). Refused, not asked: no rheumatology dose is daily,
    and a question clicked through in a hurry is the error itself. A cancer protocol's rare
    daily oral doses (metronomic, a few days) are written one by one as once-only doses, each a
    deliberate decision, or as weekly orders on each of their days: the form keeps no reason for
    an exception, and one field more for a rare protocol is what a busy prescriber ticks without
    reading. Injected into a muscle or a vein it stays free: the ectopic pregnancy's and
    trophoblastic disease's alternate-day doses, and the oncology ward's protocols, are given so."""
    regular = data.get("frequency") == Frequency.SCHEDULED
    if (data.get("frequency") == Frequency.ONCE or data.get("route") not in _WEEKLY_METHOTREXATE_ROUTES
            or regular and int(data.get(EVERY_DAYS) or 1) >= int(_WEEKLY)
            or not shares_a_medicine(str(data.get("drug") or ""), "methotrexate")):
        return
    every_days = spec.field(EVERY_DAYS)
    said = message(session.lang, _WEEKLY_METHOTREXATE, drug=data.get("drug"), route=data.get("route"),
                   weekly=format_value(every_days, _WEEKLY, session.lang), field=every_days.label.get(session.lang))
    raise ValidationFailed([FieldError(EVERY_DAYS if regular else "frequency", said)])


RATE = "rate_ml_h"
"""The order form's infusion rate (`Order.rate_ml_h`)."""


def _check_infusion_rate(session: Session, spec: FormSpec, data: dict[str, Any], before: dict[str, Any] | None) -> None:
    """Refuse a new infusion without its rate, and an amendment taking an infusion's rate away or
    making another form an infusion without one: a litre of fluid with no rate left the nurse to
    ask or guess the pump's setting (NPSA/2007/20, NICE CG174: an IV fluid prescription states
    its rate). Not `required_when` in the form, as vte.check's device: an infusion of the form's
    version 1 (or loaded so from the EHR) ordered without a rate is corrected, stopped and settled
    at the records office as it was, no one having asked a rate then."""
    if (data.get("form") == "infusion" and data.get(RATE) is None
            and (before is None or before.get(RATE) is not None or before.get("form") != "infusion")):
        raise ValidationFailed([FieldError(RATE, field_message("required", session.lang,
                                                               spec.field(RATE).label.get(session.lang)))])


def _check_range(session: Session, spec: FormSpec, data: dict[str, Any]) -> None:
    """Refuse an as-required range whose lowest dose is not below its dose, the range's top: "2-1
    tablets" is a slip, and the top is what the medicine's limits weigh."""
    lowest, dose = data.get(DOSE_MIN) or None, data.get("dose") or None
    if lowest is None or dose is None or lowest < dose:
        return
    raise ValidationFailed([FieldError(DOSE_MIN, message(
        session.lang, QT_TRANSLATE_NOOP("messages", "“{lowest}” must be below “{dose}”, the range's highest dose."),
        lowest=spec.field(DOSE_MIN).label.get(session.lang), dose=spec.field("dose").label.get(session.lang)))])


def _check_strength(session: Session, spec: FormSpec, patient_id: str, data: dict[str, Any],
                    before: dict[str, Any] | None) -> None:
    """Refuse a dose in mL of a medicine with limits without the liquid's strength, or in tablets
    of one whose limits are in mg without the strength written in its name ("Co-codamol", said
    on the name) (domain.order_units.strength_refusal), new or amended from one that had it or
    needed none. Not `required_when` in the form: an order of version 3 or before, or loaded
    from the EHR, has no strength (nor did a tablet's name need one before it was asked), and
    is corrected and stopped as it was, weighed at the bedside by nothing as before. And a
    strength the order states that is not the one its medicine's name writes
    (order_units.named_strength_refusal), amended or new: the limits weigh the one, the nurse
    takes the bottle of the other, and no version of the form ever meant them to differ. So is
    potassium by vein whose mmol or bag's volume is not read (domain.potassium.unread_by_vein), and
    potassium by vein not as an infusion (domain.potassium.not_infused), each spared as the strength
    is in an order that had it so (one loaded from the EHR as an injection is corrected as it was)."""
    new = _order("", patient_id, data)
    refused = order_units.named_strength_refusal(new)
    for unstated in (order_units.strength_refusal, unread_by_vein, not_infused):
        if refused is None and (before is None or not unstated(_order("", patient_id, before))):
            refused = unstated(new)
    if refused is None:
        return
    form = spec.field("form")
    raise ValidationFailed([FieldError(refused.field, message(
        session.lang, refused.said.template, **refused.said.values,
        mg=spec.field(STRENGTH_MG).label.get(session.lang), ml=spec.field(STRENGTH_ML).label.get(session.lang),
        form=form.label.get(session.lang), infusion=format_value(form, INFUSION, session.lang)))])


REVIEW_AT = "review_at"
"""The order form's review date (`Order.review_at`)."""
ANTIBIOTIC_REVIEW_ASKED = QT_TRANSLATE_NOOP("messages", "Antibiotic: give its review date in “{review}”, or its "
                                                        "course's length as its “{stop}” (Start Smart then Focus).")
REVIEW_REASON = "review_reason"
"""The order form's reason for an antibiotic's review later than 72 hours after its start, or
its course longer than 14 days (see `_check_review_in_time`); asked from its version 5."""
ANTIBIOTIC_REVIEW_LATE = QT_TRANSLATE_NOOP("messages", "Antibiotic: review it within 72 hours of its start, or of "
                                                       "its typing if later, by {latest} (Start Smart then Focus): "
                                                       "write an earlier “{review}”, or the reason for a later review "
                                                       "in “{reason}”.")
ANTIBIOTIC_COURSE_LONG = QT_TRANSLATE_NOOP("messages", "Antibiotic: a stop more than 14 days after its start is no "
                                                       "course's length decided: give its review date, by {latest}, "
                                                       "in “{review}” (Start Smart then Focus), or the reason for so "
                                                       "long a course in “{reason}”.")


def _check_antibiotic_review(session: Session, spec: FormSpec, data: dict[str, Any],
                             before: dict[str, Any] | None) -> None:
    """Refuse a new antibacterial order (domain.medication.review_asked) with neither a review
    date nor a stop, and an amendment taking the last of them away: an IV antibiotic written on
    day 1 of the outage ran to day 31 with nothing asking anyone to review it (Start Smart then
    Focus; HAS, SPILF: réévaluation à 48-72 h). Not `required_when` in the form: an order
    written before it was asked, or loaded from the EHR, is amended for other reasons without
    one, and the escalation list asks its review at 72 hours instead (chart_alerts). A new one's
    review date and stop are weighed next (`_check_review_in_time`); an amendment is the
    doctor's review, and writes the next review date as it finds."""
    def decided(values: dict[str, Any]) -> bool:
        return bool(values.get(REVIEW_AT) or values.get("stop_at"))

    if data.get("frequency") == Frequency.ONCE or not antibacterial(str(data.get("drug") or ""),
                                                                     str(data.get("route") or "")):
        return
    if not decided(data) and (before is None or decided(before) or not antibacterial(
            str(before.get("drug") or ""), str(before.get("route") or ""))):
        raise ValidationFailed([FieldError(REVIEW_AT, message(session.lang, ANTIBIOTIC_REVIEW_ASKED,
                                                              review=spec.field(REVIEW_AT).label.get(session.lang),
                                                              stop=spec.field("stop_at").label.get(session.lang)))])
    if before is None and not str(data.get(REVIEW_REASON) or "").strip():
        _check_review_in_time(session, spec, data)


def _check_review_in_time(session: Session, spec: FormSpec, data: dict[str, Any]) -> None:
    """Refuse a new antibiotic's review date more than 72 hours after its start, or its stop more
    than 14 days after it with no review date (domain.medication.course_decided), unless the
    prescriber's reason is kept in `REVIEW_REASON`: a stop typed 28/11/2027, or a review a month
    on, was saved, and the antibiotic was on no list asking its review (the field's own label says
    "at 48-72 h"). A review that late, or a course that long, is sometimes right (endocarditis,
    osteomyelitis, advice of the microbiologist): asked, not forbidden. The escalation list asks
    the review of such a stop at 72 hours all the same (domain.medication.review_due_at). A paper
    order typed after its start is given 72 hours from its typing: its start's 72 hours may be
    gone, and the doctor was told to write a review date already past, overdue once saved."""
    start, review, stop = (_when(data.get(name)) for name in ("start_at", REVIEW_AT, "stop_at"))
    if start is None:
        return
    latest = elapsed.later(max(start, session.clock(), key=elapsed.instant), ANTIBIOTIC_REVIEW_AFTER)
    if review is not None and elapsed.instant(review) > elapsed.instant(latest):
        field, said = REVIEW_AT, ANTIBIOTIC_REVIEW_LATE
    elif review is None and stop is not None and not course_decided(start, stop):
        field, said = "stop_at", ANTIBIOTIC_COURSE_LONG
    else:
        return
    raise ValidationFailed([FieldError(field, message(session.lang, said, latest=f"{latest:%d/%m/%Y %H:%M}",
                                                      review=spec.field(REVIEW_AT).label.get(session.lang),
                                                      reason=spec.field(REVIEW_REASON).label.get(session.lang)))])


# What an order's dose, how often it falls and how fast it runs are: an amendment changing one
# of them is weighed again (`_as_dosed`); one adding an indication, or countersigning, is not.
DOSE_DEFINES = (*ORDER_DEFINES, "times", EVERY_DAYS, "min_interval_hours", "max_doses_24h", RATE)


def _as_dosed(session: Session, patient_id: str, data: dict[str, Any], before: dict[str, Any] | None) -> None:
    """An order whose dose cannot be as written is refused on the field to correct, before any
    dose of it (see domain.order_units): a tablet or puffs by vein, insulin in puffs; digoxin
    250 mg, 250 micrograms written in mg; morphine 5 g; paracetamol 10 g, 1 g six times a day,
    or 1 g as required 12 times in 24 h; a gram of it in "units". Each was saved and
    printed on the chart the nurse follows, the dose check at the bedside questioning one dose
    at a time. What it allows with the patient's other orders of its medicine is asked, not
    refused (see `_allowed_together`).

    The limits weighed are the medicine's maxima (BNF) and its age and weight's (`_dosed_for`),
    errors no reason makes a dose. An opioid's is a usual first dose, above which a patient on
    long-term opioids is rightly given more: asked (`DoseReasonNeeded`), the prescriber's reason
    kept in the order (`DOSE_REASON`), as an allergy's is; an amendment changing the dose asks it
    again (see `_reason_stands`). So is a child's dose above their weight's ceiling (a tenfold
    slip: morphine 10 mg to a 4 kg baby), a child's order of a medicine dosed by weight when no
    weight is recorded (weigh the child, or say the weight used, often estimated before the
    first dose of a child in pain or septic: refused, that dose would wait), an antibiotic's
    dose above the usual (meningitis), an insulin's tenfold slip: above what a syringe holds,
    or five times the patient's previous order of it or a fifth (`_previous_insulin`), and a
    child's fluid above 1.5 times their maintenance rate (domain.child_fluids: an adult's 125
    mL/h for a 5.8 kg baby), its rate amended too, one with no rate by its volume (a bolus above
    20 mL/kg, a day's bags above 1.5 times the maintenance), one for a child never weighed, and a
    child's hypotonic infusion past its first 28 days (NICE NG29 1.3.3, NPSA alert 22: glucose 5%),
    one dose of unfractionated heparin above BNF's most by its route or a child's by the kg, refused
    above what no ward gives (domain.anticoagulation.heparin_refusal: 50,000 units SC was saved),
    dalteparin, tinzaparin or nadroparin above its most by the kg, refused at five times it, or a
    treatment dose of one for a patient never weighed (domain.anticoagulation.low_molecular_weight_refusal:
    tinzaparin 87,500 units for 50 kg was saved),
    a heparin infusion's rate in units an hour by its syringe's strength above BNF's starting rate,
    refused above what no ward runs (domain.anticoagulation.heparin_infusion_refusal: 20 mL/h of 25,000
    units in 50 mL, 10,000 units an hour, was saved), and potassium by vein above a peripheral vein's 40 mmol/L or 10 mmol/h (domain.potassium.
    by_vein_refusal: 40 mmol in 100 mL at 100 mL/h was saved unasked).
    So is a baby's dose by weight, or fluid, on a weight more than 7 days old (weight.old_weight_refusal).
    So are an AKI's medicines (`kidney_injury_refusal`) and, in a new order or one amended to another
    medicine, a high potassium's (services.potassium.ordered_refusal; an amendment of the dose is the
    prescriber's decision on it), answered only by a reason naming the potassium (domain.potassium.
    names_potassium: one typed for another check lifted its hold unasked). So is an order by mouth
    written while the patient's swallow screen stands failed (services.swallow_screen.ordered_refusal),
    answered only by a reason naming the swallow or who allowed it (domain.swallow_screen.names_swallow)."""
    from downtime.services import potassium, swallow_screen  # which read the orders and doses through this module

    if before is not None and all(data.get(name) == before.get(name) for name in DOSE_DEFINES):
        return
    new = _order("", patient_id, data)
    patient = _patient(session, patient_id)
    dosed = _dosed_for(session, patient, new.start_at)
    found = [refusal for refusal in (order_units.unit_refusal(new.drug, new.dose_unit, new.route),
                                     order_units.ceiling_refusal(new.drug, new.dose, new.dose_unit, new.route,
                                                                 infused=new.rate_ml_h is not None,
                                                                 rate_ml_h=new.rate_ml_h,
                                                                 mg_per_ml=new.mg_per_ml, age=dosed["age"],
                                                                 kg=dosed["kg"]),
                                     order_units.insulin_refusal(new, _previous_insulin(session, new, before)),
                                     heparin_refusal(new, dosed["age"], dosed["kg"]),
                                     heparin_infusion_refusal(new, new.rate_ml_h, dosed["age"], dosed["kg"]),
                                     low_molecular_weight_refusal(new, dosed["age"], dosed["kg"]),
                                     by_vein_refusal(new, new.rate_ml_h),
                                     _fluid_rate_refusal(new, new.rate_ml_h, dosed,
                                                         _baby_age(patient, new.start_at)["days"], patient.sex),
                                     child_fluids.volume_refusal(new, dosed["age"], dosed["kg"],
                                                                 _baby_age(patient, new.start_at)["days"], patient.sex),
                                     child_fluids.tonicity_refusal(new, dosed["age"],
                                                                   _baby_age(patient, new.start_at)["days"]),
                                     child_fluids.weigh_refusal(new, dosed["age"], dosed["kg"]))
             if refusal is not None]
    if all(refusal.asked for refusal in found) and has_dose_limits(new.drug):
        found += order_units.limits_refusals(new, [], **dosed, **_baby_age(patient, new.start_at))
    by_weight = order_units.dosed_by_weight(new, dosed["age"], dosed["kg"], _baby_age(patient, new.start_at)["days"])
    if all(refusal.asked for refusal in found) and (by_weight or child_fluids.is_crystalloid(new)) \
            and (old := weight.old_weight_refusal(new, weight.latest(session.db, session.forms, [patient]).get(
                patient_id), patient.birth_date, new.start_at)) is not None:
        found.append(old)
    if all(refusal.asked for refusal in found) and (injured := kidney_injury_refusal(
            session, new, None if before is None else _order("", patient_id, before))) is not None:
        found.append(injured)
    held = potassium.ordered_refusal(session, new) if all(refusal.asked for refusal in found) and (
        before is None or not shares_a_medicine(str(before.get("drug") or ""), new.drug)) else None
    found += [] if held is None else [held]
    unswallowed = swallow_screen.ordered_refusal(session, new) if all(refusal.asked for refusal in found) else None
    found += [] if unswallowed is None else [unswallowed]
    blocked = _dopamine_blocked_refusal(session, new) if all(refusal.asked for refusal in found) else None
    found += [] if blocked is None else [blocked]
    raising = _lithium_raised_refusal(session, new) if all(refusal.asked for refusal in found) else None
    found += [] if raising is None else [raising]
    refused = [refusal for refusal in found if not refusal.asked]
    if refused:
        raise ValidationFailed([FieldError(refusal.field, _refusal_text(session, new, refusal)) for refusal in refused])
    # The reason weighed the dose, and every field asked on too: an antibiotic's day above the
    # usual given for 6 doses is asked again at 8, a loading dose's reason when it is made four a day.
    # The potassium's and the swallow's are answered only by a reason naming them (`_names_each`).
    if found and not (_reason_stands(data, before, DOSE_REASON, tuple(dict.fromkeys(
            ("drug", "dose", "dose_unit", "route", *(asked.field for asked in found)))))
            and _names_each(str(data.get(DOSE_REASON) or ""), ((held, names_potassium), (unswallowed, names_swallow)))):
        raise DoseReasonNeeded.of(found, session.form(ORDER_FORM).field(DOSE_REASON).label.get(session.lang))


_BLOCKS_DOPAMINE = {
    "order": QT_TRANSLATE_NOOP(
        "messages", "{drug} blocks dopamine, and the patient is on {parkinsons} (Parkinson's): it undoes that treatment "
                    "(rigidity, falls, a swallow lost) and, in dementia with Lewy bodies, can cause a severe reaction "
                    "(NICE NG71, Parkinson's UK). Prescribe another (domperidone or ondansetron for sickness, quetiapine "
                    "for agitation), or give the reason in “{field}”."),
    "dose": QT_TRANSLATE_NOOP(
        "messages", "{drug} blocks dopamine, and the patient is on {parkinsons} (Parkinson's): it undoes that treatment "
                    "(rigidity, falls, a swallow lost) and, in dementia with Lewy bodies, can cause a severe reaction "
                    "(NICE NG71, Parkinson's UK). Ask the prescriber for another before giving it.")}


def _in_force(theirs: Iterable[Order], at: datetime, picked: Callable[[str], bool]) -> list[Order]:
    """Those of the patient's orders `theirs` in force `at` whose medicine `picked` holds."""
    return [one for one in theirs if one.active_at(at) and picked(one.drug)]


def _beside_refusal(session: Session, new: Order, picked: Callable[[str], bool], template: str,
                    named: str) -> order_units.Refusal | None:
    """A new order asked on its medicine for the patient's orders in force at the later of its start
    and now whose medicine `picked` holds, named by `named` in `template`; the prescriber's reason
    kept in the order. None when there are none."""
    at = max(new.start_at, session.clock(), key=elapsed.instant)
    on = _in_force(orders(session.db, new.patient_id, at), at, picked)
    if not on:
        return None
    return order_units.Refusal("drug", Phrase(template, {
        "drug": " ".join(new.drug.split()), named: ", ".join(dict.fromkeys(one.drug for one in on))}), asked=True)


def _dopamine_blocked_refusal(session: Session, new: Order) -> order_units.Refusal | None:
    """A medicine that blocks dopamine (domain.medication.blocks_dopamine: haloperidol for the night's
    agitation, metoclopramide or prochlorperazine for sickness) ordered while a Parkinson's medicine
    is in force (`_beside_refusal`). Haloperidol written at night for a man on co-careldopa was
    saved unasked."""
    if not blocks_dopamine(new.drug):
        return None
    return _beside_refusal(session, new, parkinsons_medicine, _BLOCKS_DOPAMINE["order"], "parkinsons")


def _lithium_raised_refusal(session: Session, new: Order) -> order_units.Refusal | None:
    """A medicine that raises the lithium level (domain.lithium.raises_lithium: ibuprofen, ramipril,
    bendroflumethiazide) ordered while lithium is in force (`_beside_refusal`). Ibuprofen written
    for the knee of a patient on Priadel was saved unasked."""
    if not raises_lithium(new.drug, new.route, aki.mg_a_day(new)):
        return None
    return _beside_refusal(session, new, lambda drug: LITHIUM in medicines_in(drug), LITHIUM_RAISED_BY, "lithium")


def dopamine_blocked(session: Session, found: Order, theirs: Iterable[Order], versions: Sequence[RecordVersion],
                     values: Mapping[str, Any]) -> list[Warning]:
    """A dose of a medicine that blocks dopamine given while a Parkinson's medicine is in force (of
    the patient's orders as they run then, `theirs`), its order never asked (`_dopamine_blocked_refusal`:
    loaded from the EHR, or written before the Parkinson's medicine was): the nurse asks the
    prescriber. An order written, with the prescriber's reason, once every such medicine was
    ordered asks nothing. Not of a dose typed from the paper chart."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(TRANSCRIBED) or not blocks_dopamine(found.drug):
        return []
    on = _in_force(theirs, datetime.fromisoformat(values["given_at"]), parkinsons_medicine)
    if not on:
        return []
    written = histories(session.db, [one.record_id for one in on])
    if versions and versions[-1].data.get(DOSE_REASON) and all(
            elapsed.reached(written[one.record_id][0].recorded_at, versions[-1].recorded_at) for one in on):
        return []
    return [Warning(Check.PARKINSONS_DOPAMINE, _BLOCKS_DOPAMINE["dose"], {
        "drug": " ".join(found.drug.split()), "parkinsons": ", ".join(dict.fromkeys(one.drug for one in on))})]


def _names_each(reason: str, asked: Iterable[tuple[order_units.Refusal | None, Callable[[str], bool]]]) -> bool:
    """Whether a prescriber's `reason` names each check found (its refusal not None) that only a
    reason naming it answers (its `names`: a high potassium's, domain.potassium.names_potassium; a
    failed swallow screen's, domain.swallow_screen.names_swallow): "weight used 70 kg", typed for
    another check of the order, lifted either hold unasked."""
    return all(refusal is None or names(reason) for refusal, names in asked)


def _previous_insulin(session: Session, new: Order, before: dict[str, Any] | None) -> float | None:
    """The dose of the patient's order of the same insulin a new one's is weighed against for a
    tenfold slip (order_units.insulin_refusal): the order amended, else the latest started of the
    others, stopped or not (a downtime's orders are rewritten each day, yesterday's stopped); an
    infusion's is no dose. None: no such order, or not an insulin."""
    if not insulin(new.drug):
        return None
    found = [_order("", new.patient_id, before)] if before is not None else [
        order_of(record) for record in _standing(session.db, ORDER_FORM, new.patient_id)]
    same = [other for other in found if shares_a_medicine(other.drug, new.drug) and other.dose_unit == "units"
            and other.rate_ml_h is None]
    return max(same, key=lambda other: other.start_at).dose if same else None


def fluid_rate_refusal(session: Session, found: Order, rate: float | None,
                       at: datetime) -> order_units.Refusal | None:
    """A new `rate` of the bag of `found` at `at` weighed by the patient's age then and latest
    weight, as its order's rate was when written (`_fluid_rate_refusal`): the nurse setting the pump
    of a baby's fluid from 20 to 125 mL/h was asked nothing (see services.infusion_rates.
    above_order_asked); a neonate's by the neonatal ceiling."""
    patient = _patient(session, found.patient_id)
    return _fluid_rate_refusal(found, rate, _dosed_for(session, patient, at), _baby_age(patient, at)["days"],
                               patient.sex)


def _fluid_rate_refusal(found: Order, rate: float | None, dosed: Mapping[str, Any], days: int | None,
                        sex: str | None) -> order_units.Refusal | None:
    """A fluid's `rate` above a child's maintenance (domain.child_fluids.rate_refusal) or an
    adult's (domain.adult_fluids.rate_refusal) for the patient `dosed` (`_dosed_for`)."""
    return child_fluids.rate_refusal(found, rate, dosed["age"], dosed["kg"], days, sex) \
        or adult_fluids.rate_refusal(found, rate, dosed["age"], dosed["kg"])


_FLUID_WEIGHED_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the patient weighed {kg} kg on {time}, more than {percent} % under the {ordered} kg it was "
                "ordered for: {above}. Ask the prescriber before hanging this bag.")
_FLUID_ORDERED_UNWEIGHED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: ordered with no weight recorded; the patient weighed {kg} kg on {time}: {above}. Ask the "
                "prescriber before hanging this bag.")
LIGHTER_BY_PERCENT = weight.CHANGE_ASKED_PERCENT
"""How much lighter than the weight a child's fluid was ordered for the child must be weighed for
its bag to be questioned (`fluid_weighed_again`): daily weighings of a child differ by a few per
cent (a nappy, clothes, the scales, a feed), so a smaller drop questioned every bag of every child
on a deficit or losses their prescriber had reasoned; one of more than 10 % is the change the
weighing form has had confirmed as no slip (weight.CHANGE_ASKED_PERCENT), and takes up to a tenth
off the maintenance: a bag at the order's 1.5 times then runs at 1.67 times or more. A heavier
child is not over-infused."""


def _worked_out_at(versions: Sequence[RecordVersion]) -> datetime:
    """When an order was last worked out: its earliest version with its current dose, rate,
    timing and reason (`DOSE_DEFINES`, `DOSE_REASON`; a countersignature or an indication added
    works nothing out)."""
    defines = (*DOSE_DEFINES, DOSE_REASON)
    worked = versions[-1]
    for version in reversed(versions):
        if any(version.data.get(name) != versions[-1].data.get(name) for name in defines):
            break
        worked = version
    return worked.recorded_at


def fluid_weighed_again(session: Session, found: Order, versions: Sequence[RecordVersion],
                        values: dict[str, Any]) -> list[Warning]:
    """A bag of a child's fluid hung, its rate (the bag's; the order's when it says none) or its
    volume above what the child's latest weight allows (child_fluids.above_for, the order's own
    questions), or an adult's rate above twice their maintenance (adult_fluids.above_for: 125 mL/h
    ordered for an adult never weighed, then weighed 40 kg, 75 mL/kg a day, was hung bag after bag), when that weight is more than `LIGHTER_BY_PERCENT` under the one the order was
    worked out on (`_worked_out_at`; its reason given since, the prescriber knew it): 66 mL/h, 1.5
    times the maintenance of a 2-year-old's 12 kg, ran on after she was weighed 9 kg (1.83 times),
    her paracetamol questioned on the new weight and her fluid not (NICE NG29 works it out from the
    current weight). The nurse is told to ask the prescriber, whose reason only they can give.
    Not for a neonate (under 28 days): a neonatal unit works from the birth weight until it is
    regained, and a baby's first week's loss of a tenth of it is expected; not of a bag typed from
    the paper chart, hung already. An order worked out when no weight was recorded (the weight the
    prescriber used is its reason, `child_fluids.weigh_refusal`) is weighed against the child's
    weight measured since, lighter or not (`_FLUID_ORDERED_UNWEIGHED`): a 2-year-old's 66 mL/h on an
    estimated 12 kg ran at 1.83 times the maintenance of the 9 kg she was weighed, bag after bag
    (NICE NG29 works it out from the weight); a heavier child's is not above, a weight estimated or
    stated since is no more than the prescriber's own estimate (and was said "weighed"), and an
    order reworked on the weight is then weighed as any other."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(TRANSCRIBED) or not child_fluids.is_crystalloid(found):
        return []
    at = datetime.fromisoformat(values["given_at"])
    patient = _patient(session, found.patient_id)
    days = _baby_age(patient, at)["days"]
    if days is not None and days < child_fluids.NEONATE_UNTIL_DAYS:
        return []
    ordered = weight.latest(session.db, session.forms, [patient], by=_worked_out_at(versions)).get(patient.patient_id)
    weighed = weight.latest(session.db, session.forms, [patient]).get(patient.patient_id)
    if weighed is None or (ordered is None and weighed.how in weight.NOT_WEIGHED) \
            or (ordered is not None and weighed.kg * 100 >= ordered.kg * (100 - LIGHTER_BY_PERCENT)):
        return []
    rate = float(values[DOSE_RATE]) if values.get(DOSE_RATE) not in (None, "") else found.rate_ml_h
    age = _dosed_for(session, patient, at)["age"]
    above = child_fluids.above_for(found, rate, age, weighed.kg, patient.sex) \
        or adult_fluids.above_for(found, rate, age, weighed.kg)
    if above is None:
        return []
    said = {"drug": " ".join(found.drug.split()), "kg": Number(weighed.kg),
            "time": f"{weighed.at.astimezone(at.tzinfo):%d/%m %H:%M}", "above": above}
    if ordered is None:
        return [Warning(Check.MAXIMUM_DOSE, _FLUID_ORDERED_UNWEIGHED, said)]
    return [Warning(Check.MAXIMUM_DOSE, _FLUID_WEIGHED_AGAIN,
                    {**said, "percent": Number(LIGHTER_BY_PERCENT), "ordered": Number(ordered.kg)})]


def _patient(session: Session, patient_id: str) -> PatientSummary:
    return census.patient_with_location(session.db, session.forms, patient_id)


def _baby_age(patient: PatientSummary, at: datetime) -> dict[str, int | None]:
    """The patient's age on `at`'s day in whole months and in days, as an order's rules weigh a
    baby's (dose_limits.too_small by months, a neonate's doses by days: Rule.neonate); each None
    when not known."""
    born = patient.birth_date
    if born is None or born > at.date():
        return {"months": None, "days": None}
    return {"months": months_old(born, ward_day(at)), "days": (at.date() - born).days}


def _allowed_together(session: Session, new: Order, record_id: str | None) -> str:
    """What an order and the patient's other orders of its medicine running beside it (as
    `duplicate_orders` finds them) allow together in 24 hours, when above the medicine's most
    for the patient (see `_as_dosed`); empty otherwise. Said in the "Already ordered" question,
    not refused: a regular and an as-required order of paracetamol side by side are often meant
    (the as-required one when a regular dose is not given), and the dose check counts every dose
    given from either; the prescriber then knows what the two allow before confirming them,
    the more so above the day's most whatever the reason (a child's 120 mg/kg of paracetamol a day
    was said nothing of, 90 mg/kg was)."""
    if not has_dose_limits(new.drug):
        return ""
    standing = [record for record in _standing(session.db, ORDER_FORM, new.patient_id) if record.record_id != record_id]
    ended = ended_with_their_stay(session.db, new.patient_id, standing, session.clock())
    order_form = session.form(ORDER_FORM)
    beside = [(other, order_label(other, order_form, session.lang)) for other in map(order_of, standing)
              if shares_a_medicine(other.drug, new.drug) and _overlap(new, _as_ended(other, ended.get(other.record_id)))]
    patient = _patient(session, new.patient_id)
    together = order_units.limits_refusals(new, beside, **_dosed_for(session, patient, new.start_at),
                                           **_baby_age(patient, new.start_at))
    return "".join(" " + _refusal_said(session, new, found) for found in together
                   if beside and found.said.template in (*order_units.A_DAY.values(), *order_units.A_DAY_REFUSED.values()))


def _refusal_text(session: Session, new: Order, refused: order_units.Refusal) -> str:
    """A refusal of `_as_dosed` after the label of the field it is on, as the form's own refusals
    name theirs."""
    return labelled(session.form(ORDER_FORM).field(refused.field).label.get(session.lang),
                    _refusal_said(session, new, refused), session.lang)


def _refusal_said(session: Session, new: Order, refused: order_units.Refusal) -> str:
    """What an order's refusal (domain.order_units) says, in the prescriber's language, its unit
    and routes named as the form names them ("comprimé(s)", "Intraveineuse (IV)")."""
    spec = session.form(ORDER_FORM)
    unit, route = spec.field("dose_unit"), spec.field("route")
    return message(session.lang, refused.said.template, **{
        **refused.said.values, "unit": format_value(unit, new.dose_unit, session.lang),
        "route": format_value(route, new.route, session.lang),
        "routes": ", ".join(format_value(route, code, session.lang) for code in refused.routes)})


def _stops_sooner(before: dict[str, Any], data: dict[str, Any]) -> bool:
    """Whether an order's amendment changes nothing but its stop, to sooner than it was (or to
    one where it had none)."""
    stop, was = _when(data.get("stop_at")), _when(before.get("stop_at"))
    return (stop is not None and (was is None or stop < was)
            and {**data, "stop_at": None} == {**before, "stop_at": None})


def allergies_unknown(session: Session, patient_id: str, values: dict[str, Any],
                      before: dict[str, Any] | None = None) -> str | None:
    """What to ask the prescriber before an order is saved (None: nothing) while the patient's
    allergies are not known yet: written for a patient admitted an hour ago, nobody asked yet,
    an order was saved with nothing said, the nurse alone asked at each dose. An amendment is
    asked only when it makes the order another medicine."""
    if before is not None and before.get("drug") == values.get("drug"):
        return None
    patient = census.patient_with_location(session.db, session.forms, patient_id)
    if not allergies_not_known(patient.allergy_status, patient.allergies):
        return None
    return message(session.lang, QT_TRANSLATE_NOOP("messages", "Allergies not known yet: ask the patient or their "
                                                               "family before prescribing."))


def duplicate_orders(session: Session, values: dict[str, Any], patient_id: str,
                     record_id: str | None = None, typed_on_ward: bool = False) -> str | None:
    """What to ask the prescriber before an order is saved (None: nothing) when the patient has
    another standing order of the same medicine (see `shares_a_medicine`) running at a time this one
    runs (`_overlap`): a prescription rewritten without the old one stopped put "Insulin glargine
    18 units SC 22:00" twice on the round, and both doses were given. `record_id`: the order
    amended, not a duplicate of itself. An order left open when its stay ended (see `stay_end`)
    is read as stopped then: a readmitted patient's furosemide was 'Already ordered' by the
    order of the stay before, which the chart, the handover and the export read as stopped at
    the discharge. `typed_on_ward`: against the orders typed on the ward alone, not those loaded
    from the EHR's snapshot (sync.snapshot): two orders of one extract (modified-release morphine
    and its breakthrough dose) are the EHR's own prescription, and the ward was told to have one
    stopped as though it had written it again."""
    new = _order(record_id or "", patient_id, values)
    order_form = session.form(ORDER_FORM)
    standing = [record for record in _standing(session.db, ORDER_FORM, patient_id)
                if not (typed_on_ward and loaded_from_snapshot(record.record_id))]
    ended = ended_with_their_stay(session.db, patient_id, standing, session.clock())
    found = [order_reading(other, order_form, session.lang, ended.get(other.record_id), at=session.clock())
             for other in map(order_of, standing)
             if other.record_id != record_id and _perhaps_one_medicine(other.drug, new.drug)
             and _overlap(new, _as_ended(other, ended.get(other.record_id)))]
    from downtime.services import anticoagulation  # which reads the orders through this module

    beside = anticoagulation.prescribed_beside(session, new, record_id)
    if not found:
        return beside
    return message(session.lang, QT_TRANSLATE_NOOP("messages", "Already ordered: {orders}."),
                   orders=semicolon(session.lang).join(found)) + _allowed_together(session, new, record_id) + (
        f" {beside}" if beside else "")


def _perhaps_one_medicine(drug: str, other: str) -> bool:
    """Whether the prescriber is asked if two orders' names are one medicine: they give a same
    one (`shares_a_medicine`), or one name is the other's first letters, alike (`names_alike`) and
    cut inside its word: a brand the tables do not know written as its medicine's name shortened
    ("Levothyrox", "levothyroxine"). Names alike otherwise are other medicines more often than
    not ("Hydroxyzine", "Hydralazine"; "Losartan", "Valsartan"), asked nothing."""
    if shares_a_medicine(drug, other):
        return True
    shorter, longer = sorted((medicine_name(drug), medicine_name(other)), key=len)
    return (longer.startswith(shorter) and longer[len(shorter):][:1].isalpha() and names_alike(shorter, longer))


def _overlap(one: Order, other: Order) -> bool:
    """Whether two orders run at a same time, as the round flags them (`also_ordered`): a
    once-only order (none if stopped before its dose) with another running within a day either
    side of its dose (see `runs_at`), given or not: a second once-only dose written for the
    evening, or a regular order written from noon beside the morning's once-only dose, was asked
    nothing, while the round then flagged the two "ALSO ORDERED"."""
    if other.frequency is Frequency.ONCE:
        one, other = other, one
    if one.frequency is Frequency.ONCE:
        if not runs_at(one, one.start_at):
            return False
        if other.frequency is Frequency.ONCE:
            return runs_at(other, one.start_at)
        return (other.start_at < one.start_at + DAY and (other.stop_at is None or one.start_at - DAY < other.stop_at)
                and (other.stop_at is None or other.start_at < other.stop_at))
    return ((one.stop_at is None or other.start_at < one.stop_at)
            and (other.stop_at is None or one.start_at < other.stop_at))


def orders(db: Database, patient_id: str, at: datetime) -> list[Order]:
    """The patient's standing orders as they run at `at`: one left open when its stay ended by
    then is read as stopped then (see `stay_end`). A handover listed an order of the stay before,
    never stopped at its discharge, as a current treatment, and a dose was weighed against it."""
    return orders_of_each(db, [patient_id], at)[patient_id]


def orders_of_each(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, list[Order]]:
    """Each of these patients' standing orders as they run at `at` (see `orders`), read for all of
    them at once: the escalation list and the handover sheet read a whole ward's, and a patient's
    own three statements each made a ward of 25 read 75 more."""
    standing = _standing(db, ORDER_FORM, patient_ids=patient_ids)
    ended = _ended_with_their_stays(db, standing, census.movement_events(db, patient_ids), at)
    found: dict[str, list[Order]] = {patient_id: [] for patient_id in patient_ids}
    for record in standing:
        found[str(record.patient_id)].append(_as_ended(order_of(record), ended.get(record.record_id)))
    return found


def ended_with_their_stay(db: Database, patient_id: str, found: Iterable[RecordVersion],
                          at: datetime) -> dict[str, MovementEvent]:
    """The patient's orders among `found` left open when their stay ended by `at`, by id, each
    with the discharge, death or transfer out that ended it (see `stay_end`); a withdrawn order
    ran at no time. Such an order is read as stopped then."""
    return _ended_with_their_stays(db, found, census.movement_events(db, [patient_id]), at)


def _ended_with_their_stays(db: Database, found: Iterable[RecordVersion], moves: Mapping[str, list[MovementEvent]],
                            at: datetime) -> dict[str, MovementEvent]:
    """`ended_with_their_stay` of the orders of several patients, `moves` each one's movements."""
    standing = [record for record in found if record.form_id == ORDER_FORM
                and record.status is not RecordStatus.ENTERED_IN_ERROR]
    amended = histories(db, [record.record_id for record in standing if record.version > 1])
    return {record.record_id: ended for record in standing
            if (ended := stay_end(order_of(record), amended.get(record.record_id, [record])[0].recorded_at,
                                  moves.get(str(record.patient_id), []), at)) is not None}


def _as_ended(found: Order, ended: MovementEvent | None) -> Order:
    """The order as it ran: stopped when its stay ended, if it was left open then."""
    return found if ended is None else found.model_copy(update={"stop_at": ended.occurred_at})


def order(db: Database, order_id: str) -> Order:
    found = records.current(db, order_id)
    if found.form_id != ORDER_FORM or found.status is RecordStatus.ENTERED_IN_ERROR:
        raise NotFound(f"no standing medication order {order_id}")
    return order_of(found)


def administrations(db: Database, patient_id: str) -> list[Administration]:
    standing = _standing(db, DOSE_FORM, patient_id)
    givers = _givers(db, ((r.record_id, r.version) for r in standing))
    return [_administration(r.record_id, *givers.get(r.record_id, (r.author, r.device_id, r.recorded_at)), r.data)
            for r in standing]


def recorded_for(db: Database, found: Order, slot: datetime) -> Administration | None:
    """The standing dose recorded for an order's scheduled time, given or not (None: none is). A
    dose typed for that time and left unsaved may have been recorded since another way (again
    from the round, by its nurse or someone else): its draft must say so."""
    return next((dose for dose in administrations(db, found.patient_id)
                 if dose.order_id == found.record_id and same_dose_time(dose.scheduled_for, slot)), None)


def recorded_since(db: Database, typed: dict[str, Any]) -> Administration | None:
    """The standing dose recorded for the scheduled time a dose draft (what its nurse typed in the
    dose dialog) was typed for (None: none is, or an as-required dose)."""
    slot = typed.get("scheduled_for")
    return recorded_for(db, order(db, typed["order"]), datetime.fromisoformat(slot)) if slot else None


def _going_in(db: Database, others: Sequence[Order], at: datetime) -> list[Administration]:
    """The bags of `others` still going in at `at`: their order running then (`runs_at`), up, not
    stopped, and not run in by their volume at their rates (services.infusion_rates.runs_until: a
    paracetamol bag of 08:00, run in by 08:15, is no paracetamol going in at 14:00) or, with no
    volume known, within a day's syringe driver of going up (infusion_rates.UP_FOR), which a dose
    of their medicine is given beside (domain.medication.given_from_other_orders). A syringe whose
    order had stopped, or put up days before, was going in for ever, and every later dose of its
    medicine asked whether it was ordered twice (review S5 S2)."""
    from downtime.services import infusion_rates  # which reads the bags through this module

    going = []
    for other in others:
        if not runs_at(other, at) or (bag := infusion_rates.running_bag(db, other, at)) is None:
            continue
        changes = [change for change in infusion_rates.by_bag(db, [other.patient_id]).get(bag.record_id, [])
                   if change.at <= at]
        checked = infusion_rates.last_checked(infusion_rates.checks_by_bag(db, [other.patient_id]).get(
            bag.record_id, []), at)
        end = infusion_rates.runs_until(other, bag, changes, checked) or elapsed.later(bag.at, infusion_rates.UP_FOR)
        if elapsed.instant(end) > elapsed.instant(at):
            going.append(bag)
    return going


def check_dose(session: Session, order_id: str, values: dict[str, Any]) -> list[Warning]:
    """The warnings this dose would raise, for the screen to show before saving: the order, and
    the patient's others, as they run at the dose's time (see `orders`); an insulin given, the
    glucose chart (see glucose.before_insulin), unless typed in from the paper chart: given hours
    ago, it cannot be checked before now, and the glucose chart of that night is typed in too.
    An infusion's bag taken down early by then (infusion_rates.stopped_bags: not one that ran
    through) leaves its time open for the bag that replaces it: a bag tissued at 10:00, its new
    one at 10:30 was "already given"; a VRIII's syringe charted stopped only its time
    (infusion_rates.syringes_changed), still counted for the spacing and the daily maximum."""
    from downtime.services import infusion_rates  # which reads the bags through this module
    from downtime.services import sepsis  # which reads the doses through this module
    from downtime.services import anticoagulation  # which reads the orders and doses through this module
    from downtime.services import lithium, potassium  # which read the orders and doses through this module
    from downtime.services import capacity, devices, missing_patient, swallow_screen  # which read the doses through this module

    at = datetime.fromisoformat(values["given_at"])
    theirs, same, history = _judged_against(session.db, order(session.db, order_id), at)
    found = next(other for other in theirs if other.record_id == order_id)
    replaced = infusion_rates.stopped_bags(session.db, found, at)
    changed = infusion_rates.syringes_changed(session.db, found, at)
    patient = census.patient_with_location(session.db, session.forms, found.patient_id)
    location = census.location_at(session.db, found.patient_id, at)
    others = [other for other in theirs if other.record_id in same and other.record_id != found.record_id]
    versions = histories(session.db, [order_id])[order_id]
    found = found.model_copy(update={"awaiting_since": telephone_orders.taken_from(versions)})
    slot = _when(values.get("scheduled_for"))
    recorded = _recorded_allergies(session.db, session.forms, session.lang, patient)
    away = [] if values.get(TRANSCRIBED) else _away_on_another_ward(session, found, slot, at)
    return _with_prescribers_reason(session, patient, versions, recorded, _given_on_another_laptop(
        session, found, slot) + away + _typed_by_another(session, found, slot, at) + safety_warnings(
        found, outcome=Outcome(values["outcome"]), at=at, dose=values.get("dose_given"), scheduled_for=slot,
        allergies=[allergy.substance for allergy in recorded], allergies_described=[allergy.described for allergy in recorded],
        history=[dose for dose in history if dose.record_id not in replaced], open_again=changed,
        admitted=(location is not None and location.status is StayStatus.IN
                  or census.at_last_offices(DOSE_FORM, values) and census.laid_out(session.db, found.patient_id, at)),
        prn_orders=same,
        as_required=[other for other in others if other.frequency is Frequency.PRN],
        other_orders=[(other, order_label(other, session.form(ORDER_FORM), session.lang)) for other in others],
        due_before=settings.round_policy(session.db).due_before,
        open_slots=_open_slots(session.db, found, versions, history, at, session.clock().tzinfo),
        reason=_reason(values), on_hold=_perhaps_given(session, found.patient_id, same),
        running=_going_in(session.db, others, at),
        typed_at=session.clock(), on_paper=bool(values.get(TRANSCRIBED)), **_dosed_for(session, patient, at),
        **_baby_age(patient, at)) + _before_giving(
            found, patient, values) + (glucose.before_insulin(session.db, found, at, values.get(DECIDED_ON))
                                       if values["outcome"] == Outcome.GIVEN.value and not values.get(TRANSCRIBED)
                                       else []) + kidney_injury(session, found, values) + drug_levels(session, found, values)
        + sepsis.timed_on_screening(session, found, values) + missing_patient.dose_warnings(session, found, values)
        + swallow_screen.dose_warnings(session, found, values) + capacity.dose_warnings(session, found, values)
        + devices.dose_warnings(session, found, values)
        + (opioid_stopped(session, found, at) + sedative_on_observations(session, found, at)
           if values["outcome"] == Outcome.GIVEN.value and not values.get(TRANSCRIBED) else [])
        + (recorded_ahead(history, found, same, session.clock()) if values["outcome"] == Outcome.GIVEN.value else [])
        + (head_injury_asked(session, patient, found, at)
           if values["outcome"] == Outcome.GIVEN.value and not values.get(TRANSCRIBED) else [])
        + anticoagulation.dose_warnings(session, found, values) + potassium.dose_warnings(session, found, values)
        + lithium.dose_warnings(session, found, values)
        + fluid_weighed_again(session, found, versions, values) + patch_not_found(found, values)
        + digoxin_pulse(session, found, patient, values)
        + clozapine_restarted(session, found, history, values)
        + dopamine_blocked(session, found, theirs, versions, values)
        + (given_nil_by_mouth(found, values.get("route"),
                              patient.patient_id in recorded_nil_by_mouth(session.db, [patient.patient_id]))
           if values["outcome"] == Outcome.GIVEN.value and not values.get(TRANSCRIBED) else []))


def latest_admissions(db: Database, patient_ids: Collection[str]) -> dict[str, RecordVersion]:
    """Each of these patients' latest standing admission (the one their summary reads), by
    patient id."""
    return {str(admission.patient_id): admission for admission in sorted(
        _standing(db, "admission", patient_ids=patient_ids), key=lambda admission: admission.occurred_at)}


def recorded_diets(db: Database, patient_ids: Collection[str]) -> dict[str, list[str]]:
    """The diet (its codes) each of these patients' latest standing admission records
    (`latest_admissions`), by patient id: the only record of a patient nil by mouth or fed by tube."""
    return {patient_id: list(admission.data.get(DIET) or [])
            for patient_id, admission in latest_admissions(db, patient_ids).items()}


def recorded_nil_by_mouth(db: Database, patient_ids: Collection[str]) -> set[str]:
    """The ids of these patients whose admission records them nil by mouth (`recorded_diets`),
    which the printed census alone read, and the escalation list asked a levodopa by mouth to be
    given now (`TimeCritical`)."""
    return {patient_id for patient_id, diet in recorded_diets(db, patient_ids).items() if NIL_BY_MOUTH_DIET in diet}


@dataclass(frozen=True)
class NilByMouth:
    """Why a patient is nil by mouth, each cause stopping its own routes: a swallow screen standing
    failed (`screen`, its words: services.swallow_screen.nil_by_mouth, "failed swallow screen
    10:20", the newest and most specific record; standing too once the SLT allows food alone by
    mouth) what is swallowed (domain.swallow_screen.by_mouth),
    the admission's diet (`on_admission`, `recorded_nil_by_mouth`), fasting, anything by mouth
    (`NIL_BY_MOUTH_ROUTES`). The screen's words stood for both, and the buccal antiemetic the failed
    screen allows was told "not by mouth" (review s65 T3 D7); the time-critical list read the diet
    alone, and told the nurse to give the levodopa tablet of a patient who had just failed the screen."""

    screen: Mapping[Lang, str] | None
    on_admission: bool

    def why(self, route: str) -> Mapping[Lang, str] | None:
        """Why a medicine by `route` is not given by mouth (the screen's words before the diet's,
        the newer and more specific), or None when neither cause stops it."""
        if self.screen is not None and by_mouth(route):
            return self.screen
        return NIL_BY_MOUTH_ON_ADMISSION if self.on_admission and route_code(route) in NIL_BY_MOUTH_ROUTES else None


def nil_by_mouth(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, NilByMouth]:
    """Each of these patients nil by mouth at `at`, by cause (`NilByMouth`)."""
    from downtime.services import swallow_screen  # which reads the orders through this module

    screens = swallow_screen.nil_by_mouth(db, patient_ids, at)
    fasting = recorded_nil_by_mouth(db, patient_ids)
    return {patient_id: NilByMouth(screens.get(patient_id), patient_id in fasting)
            for patient_id in screens.keys() | fasting}


_NEURO_ALARM = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the neuro chart at {time} asks a doctor ({found}) and none is recorded told: a sedative "
                "or an opioid lowers the GCS and hides the next set's. Tell the doctor before giving it.")


def sedation_on_neuro_alarm(session: Session, found: Order, at: datetime) -> list[Warning]:
    """A sedative (domain.medication.sedating) or an opioid given at `at` while the neuro chart's
    latest set then asks a doctor no set since records told (neuro.NeuroSet.asks): lorazepam,
    haloperidol and morphine went unquestioned to a patient found on the floor whose GCS had just
    fallen to 8, and the next set's GCS would have been theirs. Not once a doctor stopped neuro
    obs (the doctor has seen the patient), nor of a dose typed from the paper chart, given already."""
    from downtime.services import neuro  # which the falls read, and they the medication chart

    if not (sedating(found.drug) or opioid(found.drug)):
        return []
    before = [one for one in neuro.chart(session.db, found.patient_id)
              if elapsed.instant(one.taken_at) <= elapsed.instant(at)]
    if not before or before[-1].stopped or not (asked := before[-1].asks):
        return []
    return [Warning(Check.NEURO_ALARM, _NEURO_ALARM, {
        "drug": " ".join(found.drug.split()), "time": f"{before[-1].taken_at.astimezone(at.tzinfo):%d/%m %H:%M}",
        "found": Listed(tuple(asked))})]


_WITHDRAWAL_DROWSY = {
    AlcoholFlag.CONSCIOUSNESS_FALLING: QT_TRANSLATE_NOOP(
        "messages", "{drug}: the alcohol withdrawal check at {time} records consciousness falling: no sedative or "
                    "opioid until the doctor has seen the patient (over-sedation, a head injury, Wernicke’s). Give "
                    "it only on the doctor’s decision, named in the reason."),
    AlcoholFlag.UNABLE: QT_TRANSLATE_NOOP(
        "messages", "{drug}: the alcohol withdrawal check at {time} found the patient too drowsy or sedated to be "
                    "scored: no sedative or opioid until the doctor has seen the patient (over-sedation, a head "
                    "injury, Wernicke’s). Give it only on the doctor’s decision, named in the reason.")}


def sedation_on_withdrawal_drowsy(session: Session, found: Order, at: datetime) -> list[Warning]:
    """A sedative or an opioid given at `at` while the alcohol withdrawal chart's latest check then
    holds them (domain.alcohol_withdrawal.sedation_held: consciousness falling, or too drowsy to be
    scored), until a check since says otherwise: the chart said "hold the symptom-triggered dose,
    doctor now", and the chlordiazepoxide as required was given on the MAR with nothing asked. Asked,
    not refused: the doctor may decide on a dose (a seizure), which the reason names."""
    from downtime.services import alcohol_withdrawal  # which reads the orders through this module

    if not (sedating(found.drug) or opioid(found.drug)):
        return []
    before = [one for one in alcohol_withdrawal.CHART.of(session.db, found.patient_id)
              if elapsed.instant(one.checked_at) <= elapsed.instant(at)]
    if not before or (held := sedation_held(before[-1].record.data)) is None:
        return []
    return [Warning(Check.WITHDRAWAL_DROWSY, _WITHDRAWAL_DROWSY[held], {
        "drug": " ".join(found.drug.split()), "time": written_when(before[-1].checked_at, at, at.tzinfo)})]


_HEAD_INJURY = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the patient fell at {time} with {injury} and no CT head is recorded done or decided "
                "against: an anticoagulant makes a bleed in the head worse. Ask the doctor before giving it.")
_NOT_DECIDED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the CT head after the fall at {time} is done and the fall records no doctor's decision "
                "to continue the anticoagulant: ask the doctor before giving it.")
_HELD = QT_TRANSLATE_NOOP(
    "messages", "{drug}: after the fall at {time}, the doctor's decision on the fall is to hold or stop the "
                "anticoagulant: give it only if a doctor has decided otherwise since, and say who in the reason.")
_HEAD_CT_ASKS = frozenset({Ask.ANTICOAGULANT, Ask.CT_SIGNS, Ask.CT_AGED, Ask.CT})
"""A fall's asks that wait on a CT head (domain.falls.asks): the doctor's examination first, then
the CT itself until it is recorded done or not needed."""
CT_DONE, DECISION, CONTINUE = "done", "anticoagulant_after_ct", "continue"
"""The fall's CT head done (form version 3) and the doctor's decision on the anticoagulant after
it (version 4): a CT done, its result not back or a bleed, is no decision to carry on."""


def _head_injury_said(known: Falls, one: Recorded) -> str | None:
    """What a fall asks of the next anticoagulant dose (see `anticoagulant_after_head_injury`)."""
    if _HEAD_CT_ASKS & set(known.asks(one)):
        return _HEAD_INJURY
    data = one.record.data
    if not one.fall.head_injury_possible or data.get("ct_head") != CT_DONE or data.get(DECISION) == CONTINUE:
        return None
    return _HELD if data.get(DECISION) else _NOT_DECIDED


def _decision(data: Mapping[str, Any]) -> tuple[object, object]:
    """A fall's CT head and the doctor's decision on the anticoagulant after it, as its record says."""
    return data.get("ct_head"), data.get(DECISION)


def _prescribed_since(db: Database, one: Recorded, found: Order, at: datetime) -> bool:
    """Whether the doctor prescribed `found`'s medicine again since the fall `one` recorded its CT
    head and decision as they stand (the earliest of its latest versions saying them): `found`, and
    each order of its medicine it carries on (`_course`), written and starting after it. The
    doctor's new prescription is the doctor deciding otherwise, and a week-old fall's "hold" asked
    a new order's every dose for the rest of the stay (review R2 D5); the outage's daily rewrite of
    the held order is no decision, and it was silenced (review S_NL S1) however the morning's
    rewrite was timed (review S_GLN S1). The fall amended since for
    something else (the family told) keeps its decision's time; the order standing at the fall is
    still asked."""
    course, versions = course_versions(db, found, at)
    standing, decided = _decision(one.record.data), one.record.recorded_at
    for version in reversed(histories(db, [one.record.record_id])[one.record.record_id]):
        if _decision(version.data) != standing:
            break
        decided = version.recorded_at
    began = [min(elapsed.instant(versions[other.record_id][0].recorded_at), elapsed.instant(other.start_at))
             for other in course]
    return elapsed.instant(decided) < min(began)


def course_versions(db: Database, found: Order, at: datetime) -> tuple[list[Order], dict[str, list[RecordVersion]]]:
    """`found`'s course as it runs at `at` (`_course` over the patient's orders of its medicine)
    and each of its medicine's orders' versions, oldest first; `found` not saved yet (an order
    being written, services.potassium.ordered_refusal) has none, and is read as written at `at`."""
    theirs = {other.record_id: other for other in orders(db, found.patient_id, at)} | {found.record_id: found}
    ids = same_medicine(found, theirs.values())
    versions = histories(db, list(ids))
    written = {order_id: versions[order_id][0].recorded_at if order_id in versions else at for order_id in ids}
    return _course(found, [theirs[order_id] for order_id in ids], written, at.tzinfo), versions


def course(db: Database, found: Order, at: datetime) -> list[Order]:
    """`found` and the orders of its medicine it carries on as it runs at `at` (`_course`): what a
    dose of an earlier order is read against where the outage rewrites the chart daily (services.
    infusion_rates: a twice-daily isophane's evening dose held on the rewrite)."""
    return course_versions(db, found, at)[0]


def dose_changed_since(db: Database, found: Order, at: datetime, since: datetime) -> bool:
    """Whether a prescriber changed what `found`'s medicine gives after `since`: the doses, units
    and times of its orders standing at `since` (each as recorded by then) are not those standing
    at `at` (`_regimen`), by an amendment, a dose time taken off, an order stopped or another
    written. The prescriber's review of a dose after what happened at `since` (a sulfonylurea's
    hypo: services.glucose); the outage's daily rewrite of the same doses is none, whichever line
    is typed first (80 mg mane and 40 mg at 18:00, the 80 mg weighed against the 40 mg, was taken
    for one), and a medicine first prescribed after it (transcribed from the home list) has no
    doses before it to review."""
    theirs = {other.record_id: other for other in orders(db, found.patient_id, at)} | {found.record_id: found}
    ids = same_medicine(found, theirs.values())
    versions = histories(db, list(ids))
    ended = ended_with_their_stay(db, found.patient_id, [versions[order_id][-1] for order_id in ids], at)
    before = _regimen(versions, ended, since)
    return bool(before) and before != _regimen(versions, ended, at)


def _regimen(versions: Mapping[str, list[RecordVersion]], ended: Mapping[str, MovementEvent],
             at: datetime) -> set[tuple[object, ...]]:
    """The dose, unit, frequency and times of each order among `versions` (each one's, oldest
    first) running at `at` as recorded by then, one left open by its stay's end (`ended`) read as
    stopped then (`_as_ended`)."""
    found: set[tuple[object, ...]] = set()
    for order_id, its in versions.items():
        standing = next((one for one in reversed(its) if elapsed.instant(one.recorded_at) <= elapsed.instant(at)), None)
        if standing is None or standing.status is RecordStatus.ENTERED_IN_ERROR:
            continue
        if (one := _as_ended(order_of(standing), ended.get(order_id))).active_at(at):
            found.add((one.dose, one.dose_unit, one.frequency, one.times, one.every_days))
    return found


def _course(found: Order, same: Sequence[Order], written: Mapping[str, datetime],
            zone: tzinfo | None) -> list[Order]:
    """`found` and the orders of `same` (its medicine's) it carries on, one from another: an order
    starting no later than the next, which misses none of its doses (`_carried_on`). A held order
    runs on until rewritten (its rewrite carries it on); one the doctor stopped leaves a gap before
    the medicine is prescribed again."""
    course, todo = {found.record_id: found}, [found]
    while todo:
        later = todo.pop()
        for other in same:
            if other.record_id not in course and elapsed.instant(other.start_at) <= elapsed.instant(later.start_at) \
                    and _carried_on(other, later, written[later.record_id], zone):
                course[other.record_id] = other
                todo.append(other)
    return list(course.values())


def _carried_on(earlier: Order, later: Order, written: datetime, zone: tzinfo | None) -> bool:
    """Whether `later`, written at `written`, carries `earlier` on: `earlier` still runs, or none of
    its dose times falls after its stop and before `later`'s first dose (`_first_dose`, on the
    ward's clock `zone`); one without dose times, stopped no earlier than `later` was written or
    started. The daily rewrite stops yesterday's order a few minutes before today's is written, or
    starts today's at its next dose time, and was read as the doctor restarting a held apixaban
    (review S_GLN S1); a stop that misses doses is a break in the medicine."""
    if earlier.stop_at is None:
        return True
    stop = elapsed.instant(earlier.stop_at)
    if earlier.frequency is not Frequency.SCHEDULED or not earlier.times:
        return min(elapsed.instant(written), elapsed.instant(later.start_at)) <= stop
    first = _first_dose(later, zone)
    running = earlier.model_copy(update={"stop_at": None})
    return not any(stop < elapsed.instant(slot) < elapsed.instant(first) for slot in scheduled_slots(
        running, earlier.stop_at.astimezone(zone).date(), first.astimezone(zone).date(), zone))


def _first_dose(found: Order, zone: tzinfo | None) -> datetime:
    """A regular order's first dose time on the ward's clock (`zone`), else its start."""
    day = found.start_at.astimezone(zone).date()
    return next(iter(scheduled_slots(found, day, day + timedelta(days=found.every_days), zone)), found.start_at)


def anticoagulant_after_head_injury(session: Session, patient: PatientSummary, found: Order,
                                    at: datetime) -> list[Warning]:
    """An anticoagulant given at `at` after a fall before it whose CT head is still asked
    (`_HEAD_CT_ASKS`): the 08:00 apixaban after a fall at 02:00 with a possible head injury, no
    doctor and no CT recorded, was given from the round with nothing said, the one decision the
    doctor must take first; once the CT is done, until the fall records the doctor's decision to
    continue it (`_head_injury_said`), or, once it is held or stopped, the doctor prescribes it
    again since (`_prescribed_since`: a CT done with no decision recorded is always asked). Not of
    a dose typed from the paper chart, given already."""
    from downtime.services import falls  # which read the anticoagulants on the medication chart

    if not anticoagulant(found.drug):
        return []
    known = falls.read(session.db, [patient]).get(patient.patient_id)
    if known is None:
        return []
    return [Warning(Check.HEAD_INJURY, said, {
        "drug": " ".join(found.drug.split()), "time": f"{one.fall.fell_at.astimezone(at.tzinfo):%d/%m %H:%M}",
        **one.fall.injury_named})
        for one in known.falls if elapsed.instant(one.fall.fell_at) <= elapsed.instant(at)
        and (said := _head_injury_said(known, one)) is not None
        and (said != _HELD or not _prescribed_since(session.db, one, found, at))][-1:]


def head_injury_asked(session: Session, patient: PatientSummary, found: Order, at: datetime) -> list[Warning]:
    """What the neuro chart, the alcohol withdrawal chart and a fall with a possible head injury ask
    of `found` given at `at` (`sedation_on_neuro_alarm`, `sedation_on_withdrawal_drowsy`,
    `anticoagulant_after_head_injury`): of a dose, and of an infusion's rate raised or restarted
    (infusion_rates.change_rate), which gives more of it as a dose does: a heparin syringe raised an
    hour after such a fall was asked nothing (review R2 D1)."""
    return sedation_on_neuro_alarm(session, found, at) + sedation_on_withdrawal_drowsy(session, found, at) \
        + anticoagulant_after_head_injury(session, patient, found, at)


_RECORDED_AHEAD = QT_TRANSLATE_NOOP(
    "messages", "{drug}: a dose is recorded given at {given}, later than this laptop's clock says now ({now}): a "
                "clock was wrong, this laptop's now or the one that recorded it then. Check this laptop's date and "
                "time. That dose may be the one due now: ask who gave it before giving this one; if its time is "
                "wrong, mark that record entered in error with the reason and record it again at its real time.")


def recorded_ahead(history: Iterable[Administration], found: Order, same: Collection[str],
                   now: datetime) -> list[Warning]:
    """A dose of the medicine (`same`: its orders) recorded given later than `now`: a clock a day
    ahead, put right, left the gram of amoxicillin given half an hour before on tomorrow's 14:00,
    and offered today's 14:00 as due with nothing said. No dose is given in the future but by a
    clock that was wrong (a time later than the laptop's is refused), so its time is the sign, on
    this laptop's records or another's; which clock was wrong, this one now or that one then, only
    the nurse can tell (a laptop a day behind read a right record as one "ahead"). A dose's times
    are not amended: the record is withdrawn and recorded again. Within `clock_check.TOLERANCE`,
    clocks merely drift."""
    return [Warning(Check.ALREADY_GIVEN, _RECORDED_AHEAD, {
        "drug": " ".join(found.drug.split()), "given": f"{dose.at.astimezone(now.tzinfo):%d/%m %H:%M}",
        "now": f"{now:%d/%m %H:%M}"})
        for dose in history if dose.order_id in {found.record_id, *same} and dose.outcome is Outcome.GIVEN
        and elapsed.between(now, dose.at) > clock_check.TOLERANCE]


_KIDNEY_INJURY = QT_TRANSLATE_NOOP("messages", "{drug}: {shown}, and {reviewed}: give it only once the doctor says to.")
_BY_CREATININE = QT_TRANSLATE_NOOP(
    "messages", "the creatinine shows an acute kidney injury (AKI stage {stage}: {value} µmol/L, {ratio} times the "
                "baseline {baseline} of {day})")
_NEPHROTOXIC = QT_TRANSLATE_NOOP("messages", "this medicine is one it asks a doctor to review")
_DOSE_REVIEWED = QT_TRANSLATE_NOOP("messages", "this medicine builds up as the kidneys fail: its dose is one it asks a "
                                               "doctor to review")


_KIDNEY_INJURY_ORDERED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {shown}, and {reviewed}: give the reason to prescribe it all the same in “{field}”.")
KIDNEY_INJURY_PRESCRIBED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {shown}, and {reviewed}: prescribed all the same: “{reason}”.")
"""An AKI's question the prescriber answered once the AKI was known (`_prescribed_knowing`): said
on the round and the MAR, as the allergy warning quotes its reason, but holding no dose (`holding`)."""


_BY_URINE = QT_TRANSLATE_NOOP(
    "messages", "the urine output shows an acute kidney injury ({volume} mL in {hours} hours since {time}, as the "
                "fluid balance chart judges it)")


def _by_creatinine(sign: lab_results.AkiSign) -> Phrase:
    """What the creatinine shows, the baseline's day on the ward's clock (`ward_time`), not on the
    offset a dose was typed with: the night the clocks go back, a baseline taken at 00:30 summer
    time read as of the day before beside a dose given in winter time."""
    found = sign.found
    return Phrase(_BY_CREATININE, {
        "stage": str(found.stage), "value": str(round(found.latest.umol)), "ratio": Number(sign.ratio),
        "baseline": str(round(found.baseline.umol)), "day": ward_time(found.baseline.at, None, "%d/%m")})


def _kidney_injury_values(found: Order, shown: Phrase) -> dict[str, Any]:
    """What the AKI's question says of `found`, at the dose and on the order alike: what shows the
    AKI (`shown`), and whether the medicine harms the kidneys or builds up as they fail
    (domain.aki.dose_reviewed), whose dose the doctor may only lower."""
    return {"drug": " ".join(found.drug.split()), "shown": shown,
            "reviewed": Phrase(_NEPHROTOXIC if aki.harms_kidneys(found) else _DOSE_REVIEWED)}


def _kidney_injury_shown(session: Session, patient_id: str, at: datetime) -> tuple[Phrase, datetime] | None:
    """What shows an AKI at `at`, and since when a doctor could know it: the creatinine by the
    results received then (lab_results.aki_signs), known from its receipt, else the urine output of
    the 6 hours before, low as the fluid balance chart judges it (services.fluid_balance.
    urine_outputs: KDIGO's AKI by urine, which in sepsis fails hours before the next creatinine; not
    with urine passed unmeasured, a catheter to check: fluid_balance.shows_aki), known from the
    start of those hours, said on the ward's clock (the gentamicin given at 03:30 the night the
    clocks went back said hourly bags read from 22:00 summer time "since 24/10 21:00"); None when
    neither does."""
    if (sign := lab_results.aki_signs(session.db, [patient_id], at).get(patient_id)) is not None:
        return _by_creatinine(sign), sign.received or at
    output = kidney_injury_by_urine(session.db, session.forms, [_patient(session, patient_id)], at).get(patient_id)
    return None if output is None else (_by_urine(output), output.since)


def kidney_injury_by_urine(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary],
                           at: datetime) -> dict[str, UrineOutput]:
    """Those of `patients` whose urine output of the hours before `at` shows an AKI as the fluid
    balance chart judges it (services.fluid_balance.urine_outputs, shows_aki), by patient id."""
    from downtime.services import fluid_balance  # which reads the bags through this module

    return {patient_id: output for patient_id, output in fluid_balance.urine_outputs(db, forms, patients, at).items()
            if fluid_balance.shows_aki(output)}


def _by_urine(output: UrineOutput) -> Phrase:
    """How an AKI the urine output shows is said (`_BY_URINE`), its time on the ward's clock."""
    return Phrase(_BY_URINE, {"volume": str(output.volume), "hours": str(round(output.hours)),
                              "time": ward_time(output.since, None)})


def _prescribed_knowing(versions: Sequence[RecordVersion], known: datetime) -> str | None:
    """The order's dose reason (`DOSE_REASON`) when the prescriber gave it at or after `known`, the
    AKI shown then, as the order asks it (`kidney_injury_refusal`): the doctor has decided, knowing
    the AKI, and the nurse was sent back to them at each dose of an end-of-life morphine. None for
    a reason given before (an opioid's dose, with kidneys then well) or none."""
    reason = versions[-1].data.get(DOSE_REASON) if versions else None
    if not reason:
        return None
    given = versions[-1].recorded_at
    for version in reversed(versions):
        if version.data.get(DOSE_REASON) != reason:
            break
        given = version.recorded_at
    return str(reason) if elapsed.reached(known, given) else None


_KIDNEY_INJURY_ON_CHART = QT_TRANSLATE_NOOP(
    "messages", "AKI stage {stage} (creatinine {value} µmol/L): give it only once the doctor says to.")
_KIDNEY_INJURY_PRESCRIBED_ON_CHART = QT_TRANSLATE_NOOP(
    "messages", "AKI stage {stage} (creatinine {value} µmol/L): prescribed all the same: “{reason}”.")
_URINE_INJURY_ON_CHART = QT_TRANSLATE_NOOP(
    "messages", "AKI by urine output ({volume} mL in {hours} h since {time}): give it only once the doctor says to.")
_URINE_INJURY_PRESCRIBED_ON_CHART = QT_TRANSLATE_NOOP(
    "messages", "AKI by urine output ({volume} mL in {hours} h since {time}): prescribed all the same: “{reason}”.")
_ON_CHART = {_BY_CREATININE: (_KIDNEY_INJURY_ON_CHART, _KIDNEY_INJURY_PRESCRIBED_ON_CHART, ("stage", "value")),
             _BY_URINE: (_URINE_INJURY_ON_CHART, _URINE_INJURY_PRESCRIBED_ON_CHART, ("volume", "hours", "time"))}
"""What shows an AKI (`_BY_CREATININE`, `_BY_URINE`) as the printed MAR says it (`on_chart`):
held, prescribed all the same, and the figures said."""


def on_chart(warning: Warning) -> Warning:
    """One of an order's `levels` as the printed MAR's order box says it: an AKI in a few words (a
    creatinine's stage and value, a urine output's volume and hours, and the prescriber's reason
    given knowing it: `_ON_CHART`), the screen saying it whole. The 200-character sentence repeated
    in each reviewed order's box took a 6-order patient's chart from 2 pages to 3."""
    shown = warning.values.get("shown")
    if warning.check is not Check.KIDNEY_INJURY or not isinstance(shown, Phrase) or shown.template not in _ON_CHART:
        return warning
    held, prescribed, figures = _ON_CHART[shown.template]
    said = {name: str(shown.values[name]) for name in figures}
    if warning.template == KIDNEY_INJURY_PRESCRIBED:
        return Warning(Check.KIDNEY_INJURY, prescribed, {**said, "reason": warning.values["reason"]})
    return Warning(Check.KIDNEY_INJURY, held, said)


def on_letter(warning: Warning) -> Warning:
    """One of an order's holds (`holding`) as a letter to the next team says it (services.prefill):
    its fact, as the printed MAR says it (`on_chart`), without this ward's instruction ("hold and
    ask the doctor", "check it before giving"), which the letters handed to a team that cannot know
    whether anyone did (review s65 H2 item 7). A warning with no letter form keeps its words: none
    of the holds."""
    from downtime.services import anticoagulation  # which reads the orders and doses through this module

    shown = on_chart(warning)
    forms = _HELD_ON_LETTER | anticoagulation.HELD_ON_LETTER | POTASSIUM_ON_LETTER | LITHIUM_ON_LETTER
    return replace(shown, template=forms.get(shown.template, shown.template))


def holding(warnings: Iterable[Warning]) -> list[Warning]:
    """Those of an order's `levels` that hold its dose, for the round and the MAR to mark: not an
    AKI's question the prescriber answered (`KIDNEY_INJURY_PRESCRIBED`), nor a high INR or potassium
    they decided on (domain.anticoagulation.INR_DECIDED, domain.potassium.POTASSIUM_REVIEWED, domain.
    lithium.LEVEL_REVIEWED), said there in plain."""
    return [warning for warning in warnings if warning.template not in {
        KIDNEY_INJURY_PRESCRIBED, POTASSIUM_REVIEWED, LITHIUM_REVIEWED, *INR_DECIDED}]


_METFORMIN_EGFR = QT_TRANSLATE_NOOP(
    "messages", "{drug}: eGFR {value} mL/min/1.73 m² on {day}: metformin is stopped below an eGFR of 30: give it only "
                "once the doctor says to.")
_METFORMIN_EGFR_BELOW = QT_TRANSLATE_NOOP(
    "messages", "{drug}: eGFR below {value} mL/min/1.73 m² on {day}: metformin is stopped below an eGFR of 30: give "
                "it only once the doctor says to.")


def metformin_egfr(session: Session, found: Order, at: datetime) -> list[Warning]:
    """A dose of metformin at `at` while the patient's latest eGFR then is below domain.aki.
    METFORMIN_STOPPED_BELOW (`_metformin_egfr`): a kidney failed for long, the creatinine 210 then
    215, shows no AKI, and metformin was given at an eGFR of 22 with nothing said."""
    if not aki.metformin(found):
        return []
    return _metformin_egfr(found, lab_results.chart(session.db, found.patient_id), at)


def _metformin_egfr(found: Order, results: Sequence[lab_results.Received], at: datetime) -> list[Warning]:
    """What an order of metformin waits on at `at` by the patient's `results` (lab_results.egfr), at
    the dose (`metformin_egfr`) and on the round and the MAR (`holds_now`) alike."""
    if not aki.metformin(found):
        return []
    found_egfr = lab_results.egfr(results, at)
    if found_egfr is None or not found_egfr.read.stops_metformin:
        return []
    return [Warning(Check.KIDNEY_INJURY, _METFORMIN_EGFR_BELOW if found_egfr.read.below else _METFORMIN_EGFR, {
        "drug": " ".join(found.drug.split()), "value": Number(found_egfr.read.value),
        "day": ward_time(found_egfr.at, None, "%d/%m")})]


def kidney_injury_refusal(session: Session, new: Order, before: Order | None = None) -> order_units.Refusal | None:
    """An order written (or its dose amended) for a medicine an AKI asks a doctor to review
    (domain.aki.reviewed) while the patient's creatinine shows one, from the later of its start
    and now (lab_results.aki_shown): asked on its medicine, the prescriber's reason kept in the
    order (`DOSE_REASON`, see `_as_dosed`). Naproxen and a new gentamicin written into a creatinine
    tripled that morning were saved unasked, onto the round and the printed plan, the nurse alone
    asked at the bedside. Not an amendment of the order as it stood (`before`) lowering its dose
    a day (domain.aki.lowered), which is the review asked."""
    if not aki.reviewed(new) or (before is not None and aki.lowered(new, before)):
        return None
    at = max(new.start_at, session.clock(), key=elapsed.instant)
    sign = lab_results.aki_shown(lab_results.chart(session.db, new.patient_id), at)
    if sign is None:
        return None
    return order_units.Refusal("drug", Phrase(_KIDNEY_INJURY_ORDERED, _kidney_injury_values(
        new, _by_creatinine(sign))), asked=True)


def kidney_injury(session: Session, found: Order, values: dict[str, Any]) -> list[Warning]:
    """A dose given of a medicine an acute kidney injury asks a doctor to review (domain.aki.
    reviewed: an NSAID, an aminoglycoside, metformin...) while the patient's creatinine, or their
    urine output, shows one at the dose's time (`_kidney_injury_shown`), as NICE NG148 asks them
    stopped or reviewed: the evening's gentamicin was given on a creatinine tripled that morning,
    the result told to a doctor and filed, and on 6 hours of 10 mL an hour the fluid tab called
    LOW URINE OUTPUT. Not of a dose given before the result came back, nor of one copied from the
    paper chart, which nobody could withhold any more, nor of an order whose prescriber gave its
    reason knowing the AKI (`_prescribed_knowing`; the round and the MAR quote it). With no AKI,
    metformin below an eGFR of 30 (`metformin_egfr`)."""
    if (values.get("outcome") != Outcome.GIVEN.value or values.get(TRANSCRIBED)
            or not aki.reviewed(found)):
        return []
    at = datetime.fromisoformat(values["given_at"])
    if (shown := _kidney_injury_shown(session, found.patient_id, at)) is None:
        return metformin_egfr(session, found, at)
    if _prescribed_knowing(histories(session.db, [found.record_id])[found.record_id], shown[1]) is not None:
        return []
    return [Warning(Check.KIDNEY_INJURY, _KIDNEY_INJURY, _kidney_injury_values(found, shown[0]))]


_OPIOID_STOPPED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the pain chart at {time} says {found}: stop the opioid, call the doctor, naloxone as "
                "prescribed.")


def opioid_stopped(session: Session, found: Order, at: datetime) -> list[Warning]:
    """A dose at `at` of an opioid (domain.pain.opioid) while the pain chart's sedation or breathing
    says to stop it, until a later line clears it (pain.stopped_opioid; not while comfort care
    stands): the morphine of 17:35 was "allowed now" after the 13:30 line found sedation 2 and
    breathing 8. Said in the as-required status of the dose dialog too. Else while the latest
    observations with a breathing rate, taken in the last hours, find it under the pain chart's limit
    or the patient roused only by voice or pain, or unresponsive (`_depressed_on_observations`).
    Not of a dose copied from the paper chart (see `check_dose`), which nobody could withhold any more."""
    from downtime.services import pain  # which reads the doses through this module

    if not opioid(found.drug):
        return []
    finding = pain.stopped_opioid(session.db, session.forms, found.patient_id, at)
    if finding is None:
        return _depressed_on_observations(session, found, at, Check.OPIOID_STOPPED, _OPIOID_ON_OBSERVATIONS)
    return [Warning(Check.OPIOID_STOPPED, _OPIOID_STOPPED, {
        "drug": " ".join(found.drug.split()), "time": f"{finding.assessed_at.astimezone(at.tzinfo):%d/%m %H:%M}",
        "found": Listed((finding,))})]


_OPIOID_ON_OBSERVATIONS = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the observations at {time} say {found}: stop the opioid, call the doctor, naloxone as "
                "prescribed.")
ROUSED_BY_VOICE_OR_LESS = frozenset({"voice", "pain", "unresponsive"})
"""The NEWS2 set's consciousness (ACVPU) that stops an opioid: roused by voice, as the pain chart's
sedation of 2, or less."""


@dataclass(frozen=True, eq=False)
class _Depressed:
    """What a NEWS2 set found that stops an opioid (`_depressed_on_observations`), said in the
    reader's language: its breathing rate as the pain chart says one (domain.pain.FOUND), its
    consciousness as the form names it ("V (Responds to voice)"); each None when not found so."""

    breathing: int | None
    consciousness: str | None
    field: Field

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        return ", ".join([*([FOUND["breathing_rate"][lang].format(value=self.breathing)] if self.breathing is not None
                            else []),
                          *([format_value(self.field, self.consciousness, lang)] if self.consciousness else [])])


def _depressed_on_observations(session: Session, found: Order, at: datetime, check: Check,
                               template: str) -> list[Warning]:
    """A dose of `found` at `at` when the latest observations with a breathing rate taken in the
    last hours (observations.SAYS_NOW_FOR) find it under the pain chart's limit (domain.pain.
    SLOW_BREATHING; an adult's and a young person's NEWS2 set) or the patient roused by voice or
    less (`ROUSED_BY_VOICE_OR_LESS`), said by `template` under `check`: morphine given on the
    round's set of 8 breaths a minute, "V", was saved with nothing said, the pain chart having no
    line since. Not while comfort care stands (see domain.pain.ON_COMFORT)."""
    taken = observations.latest_giving(session.db, found.patient_id, ("respiratory_rate",), at)
    if taken is None:
        return []
    breathing, roused = int(taken.data["respiratory_rate"]), taken.data.get("consciousness")
    depressed = _Depressed(breathing if breathing < SLOW_BREATHING else None,
                           roused if roused in ROUSED_BY_VOICE_OR_LESS else None,
                           session.form(observations.FORM).field("consciousness"))
    if (depressed.breathing, depressed.consciousness) == (None, None) \
            or found.patient_id in observations.comfort_care(session.db, [_patient(session, found.patient_id)], at):
        return []
    return [Warning(check, template, {
        "drug": " ".join(found.drug.split()),
        "time": f"{datetime.fromisoformat(taken.data['taken_at']).astimezone(at.tzinfo):%d/%m %H:%M}",
        "found": depressed})]


_SEDATIVE_ON_OBSERVATIONS = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the observations at {time} say {found}: no sedative until the doctor has seen the patient "
                "(it deepens drowsiness and slows breathing). Give it only on the doctor's decision, named in the "
                "reason.")


def sedative_on_observations(session: Session, found: Order, at: datetime) -> list[Warning]:
    """A sedative (domain.medication.sedating; an opioid is `opioid_stopped`'s) given at `at` when
    the latest observations find the breathing slow or the patient roused by voice or less
    (`_depressed_on_observations`): lorazepam at night to a patient the evening's set found "V",
    breathing 8, was saved with nothing said. Not of a dose typed from the paper chart."""
    if opioid(found.drug) or not sedating(found.drug):
        return []
    return _depressed_on_observations(session, found, at, Check.SEDATIVE_DROWSY, _SEDATIVE_ON_OBSERVATIONS)


_LEVEL_AWAITED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL AWAITED: check it before giving ({timing} level taken {taken}, no result yet).")
_LEVEL_ABOVE_RANGE = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL ABOVE RANGE ({timing} {result}, {range}): hold and ask the doctor.")
_LEVEL_ABOVE_RANGE_UNSENT = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL ABOVE RANGE ({result}, {range}, received {received}): hold and ask the doctor.")
_LEVEL_NOT_SENT = QT_TRANSLATE_NOOP(
    "messages", "{drug}: NO LEVEL SENT since the first dose on {first}: take one and check with the doctor before "
                "giving.")
LEVEL_COURSE_GAP = timedelta(hours=48)
"""The time with no dose of a medicine its levels decide beyond which its next starts a new course
(`_course_given`): the doses of orders rewritten each day are one course, a course weeks before
another is not."""
_LEVEL_FLAGGED_CRITICAL = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL FLAGGED CRITICAL ({timing} {result}): hold and ask the doctor.")
_LEVEL_FLAGGED_CRITICAL_UNSENT = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL FLAGGED CRITICAL ({result}, received {received}): hold and ask the doctor.")
"""Said of a level held on the laboratory's Critical flag alone, its value or range not read
(domain.lab_results.level_judged): "4.2, critical" phoned with no range. A "3" so flagged may be
low, and was said ABOVE RANGE with "None", then "flagged critical", as its range."""
_LEVEL_FLAGGED_ABNORMAL = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), not read as a number against its range: check it "
                "before giving.")
_LEVEL_FLAGGED_ABNORMAL_UNSENT = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL FLAGGED ABNORMAL ({result}, received {received}), not read as a number against its "
                "range: check it before giving.")
"""`_LEVEL_FLAGGED_CRITICAL` of a level the laboratory flagged Abnormal: "4.2, repeat 4.5" held
nothing, as a potassium flagged and not read holds (domain.potassium.POTASSIUM_NOT_READ)."""
_LEVEL_FLAGGED_UNRANGED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), with no range read to judge it by: check it "
                "against its range before giving.")
_LEVEL_FLAGGED_UNRANGED_UNSENT = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LEVEL FLAGGED ABNORMAL ({result}, received {received}), with no range read to judge it by: "
                "check it against its range before giving.")
"""`_LEVEL_FLAGGED_ABNORMAL` of a level read as a number (domain.lab_results.level_read) with no range
read: a trough of 0.4 typed with the range left blank was said "not read as a number"."""
_HELD_ON_LETTER = {
    _LEVEL_AWAITED: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL AWAITED ({timing} level taken {taken}, no result yet)."),
    _LEVEL_ABOVE_RANGE: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL ABOVE RANGE ({timing} {result}, {range})."),
    _LEVEL_ABOVE_RANGE_UNSENT: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL ABOVE RANGE ({result}, {range}, received "
                                                             "{received})."),
    _LEVEL_NOT_SENT: QT_TRANSLATE_NOOP("messages", "{drug}: NO LEVEL SENT since the first dose on {first}."),
    _LEVEL_FLAGGED_CRITICAL: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL FLAGGED CRITICAL ({timing} {result})."),
    _LEVEL_FLAGGED_CRITICAL_UNSENT: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL FLAGGED CRITICAL ({result}, received "
                                                                  "{received})."),
    _LEVEL_FLAGGED_ABNORMAL: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), not read "
                                                           "as a number against its range."),
    _LEVEL_FLAGGED_ABNORMAL_UNSENT: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL FLAGGED ABNORMAL ({result}, received "
                                                                  "{received}), not read as a number against its range."),
    _LEVEL_FLAGGED_UNRANGED: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), with no "
                                                           "range read to judge it by."),
    _LEVEL_FLAGGED_UNRANGED_UNSENT: QT_TRANSLATE_NOOP("messages", "{drug}: LEVEL FLAGGED ABNORMAL ({result}, received "
                                                                  "{received}), with no range read to judge it by."),
    _KIDNEY_INJURY_ON_CHART: QT_TRANSLATE_NOOP("messages", "AKI stage {stage} (creatinine {value} µmol/L)."),
    _URINE_INJURY_ON_CHART: QT_TRANSLATE_NOOP("messages", "AKI by urine output ({volume} mL in {hours} h since "
                                                          "{time})."),
    _METFORMIN_EGFR: QT_TRANSLATE_NOOP("messages", "{drug}: eGFR {value} mL/min/1.73 m² on {day}: metformin is "
                                                   "stopped below an eGFR of 30."),
    _METFORMIN_EGFR_BELOW: QT_TRANSLATE_NOOP("messages", "{drug}: eGFR below {value} mL/min/1.73 m² on {day}: metformin "
                                                         "is stopped below an eGFR of 30.")}
"""Each level's hold above, an AKI's and metformin's below an eGFR of 30, as a letter to the next team says it (`on_letter`): the
fact, not this ward's "hold and ask the doctor", "check it before giving" or "give it only once the
doctor says to"."""
_LEVEL_TIMINGS = {"trough": QT_TRANSLATE_NOOP("messages", "trough"), "peak": QT_TRANSLATE_NOOP("messages", "peak"),
                  "timed": QT_TRANSLATE_NOOP("messages", "timed")}


def _timing(sample: lab_results.Sent) -> Phrase:
    return Phrase(_LEVEL_TIMINGS[sample.record.data["level_timing"]])


def _above(result: lab_results.Received, judged: str, critical: str, abnormal: str, unranged: str) -> str:
    """The warning `judged` for a level above its range, or `critical`, or `abnormal` (`unranged`
    when its value is read, domain.lab_results.level_read) for one held on the laboratory's flag
    alone (domain.lab_results.level_judged)."""
    said = str(result.record.data["result"])
    if level_judged(said, result.record.data.get("range")):
        return judged
    return critical if result.flag is Flag.CRITICAL else unranged if level_read(said) else abnormal


def _course_given(found: Order, theirs: Iterable[Order], given: Iterable[Administration],
                  at: datetime) -> list[datetime]:
    """The times of the doses given before `at` of `found`'s course, oldest first: of any of the
    patient's orders (`theirs`) of its medicine by a route its levels decide, none more than
    `LEVEL_COURSE_GAP` after the one before nor before `at`. The outage's orders are rewritten
    each day: counted by order, the third daily gentamicin, under its third order, was asked
    nothing."""
    course = {one.record_id for one in theirs if levelled(one.drug, one.route)
              and shares_a_medicine(one.drug, found.drug)} | {found.record_id}
    found_given: list[datetime] = []
    for dose_at in sorted((dose.at for dose in given if dose.order_id in course and dose.outcome is Outcome.GIVEN
                           and elapsed.instant(dose.at) < elapsed.instant(at)), key=elapsed.instant):
        if found_given and elapsed.between(found_given[-1], dose_at) > LEVEL_COURSE_GAP:
            found_given = []
        found_given.append(dose_at)
    return found_given if found_given and elapsed.between(found_given[-1], at) <= LEVEL_COURSE_GAP else []


def level_warnings(found: Order, sent: Sequence[lab_results.Sent], given: Iterable[Administration],
                   at: datetime, results: Sequence[lab_results.Received] = (),
                   theirs: Iterable[Order] = ()) -> list[Warning]:
    """What a dose of `found` at `at` waits on when a level decides it (domain.medication.levelled):
    its levels awaited since its course began (`_course_given`: a trough taken at 06:00, before the
    day's rewritten order started at 10:00, held nothing), or back above their range since its
    last dose before `at` among `given` (lab_results.levels; among the patient's `results` too,
    for a level typed with no sample sent here), for the dose dialog and the round alike: the
    gentamicin due at 12:00 was DUE like any other with its trough awaited, or back at 2.4 mg/L for "< 1". And, once its course's doses
    (`_course_given`, among the patient's orders `theirs`) call for a first level (domain.aki.
    first_level: an aminoglycoside's after its second dose, vancomycin's by its fourth or 48 hours,
    teicoplanin's by day 5) with none taken since the first (lab_results.level_taken_since), a level
    to take before the next, asked as one awaited: the third daily gentamicin, none ever sent, was
    asked nothing."""
    if not levelled(found.drug, found.route):
        return []
    before = _course_given(found, theirs, given, at)
    last = before[-1] if before else None
    course_from = min(found.start_at, before[0], key=elapsed.instant) if before else found.start_at
    got, drug = lab_results.levels(sent, found.drug, course_from, last, results), " ".join(found.drug.split())
    unsent = ([Warning(Check.LEVEL_AWAITED, _LEVEL_NOT_SENT, {
        "drug": drug, "first": f"{before[0].astimezone(at.tzinfo):%d/%m %H:%M}"})]
        if aki.first_level(found.drug).due(before, at)
        and not lab_results.level_taken_since(sent, results, found.drug, before[0]) else [])
    return [*(Warning(Check.LEVEL_AWAITED, _LEVEL_AWAITED, {
        "drug": drug, "timing": _timing(one), "taken": f"{one.taken_at.astimezone(at.tzinfo):%d/%m %H:%M}"})
        for one in got.awaited),
        *(Warning(Check.LEVEL_ABOVE_RANGE, _above(result, _LEVEL_ABOVE_RANGE, _LEVEL_FLAGGED_CRITICAL, _LEVEL_FLAGGED_ABNORMAL,
                                                   _LEVEL_FLAGGED_UNRANGED), {
            "drug": drug, "timing": _timing(one), "range": result.words("range"),
            "result": result.words("result", "units")})
          for one, result in got.above),
        *(Warning(Check.LEVEL_ABOVE_RANGE, _above(result, _LEVEL_ABOVE_RANGE_UNSENT, _LEVEL_FLAGGED_CRITICAL_UNSENT,
                                                   _LEVEL_FLAGGED_ABNORMAL_UNSENT, _LEVEL_FLAGGED_UNRANGED_UNSENT), {
            "drug": drug, "result": result.words("test", "result", "units"),
            "range": result.words("range"),
            "received": f"{result.received_at.astimezone(at.tzinfo):%d/%m %H:%M}"})
          for result in got.above_unsent), *unsent]


def drug_levels(session: Session, found: Order, values: dict[str, Any]) -> list[Warning]:
    """A dose given of a medicine its levels decide, while one is awaited or back above its range
    (`level_warnings`): "LEVEL AWAITED: check it before giving", "… hold and ask the doctor"."""
    if values.get("outcome") != Outcome.GIVEN.value or not levelled(found.drug, found.route):
        return []
    results, at = lab_results.chart(session.db, found.patient_id), datetime.fromisoformat(values["given_at"])
    return level_warnings(found, lab_results.samples(session.db, found.patient_id, results),
                          administrations(session.db, found.patient_id), at, results,
                          orders(session.db, found.patient_id, at))


def _dosed_for(session: Session, patient: PatientSummary, at: datetime) -> dict[str, Any]:
    """The patient's age on the dose's day and latest weight this stay (see weight.latest), each
    None when not known, which a medicine's own limits are worked out for (see
    medication.beyond_dose_limits): a gram of paracetamol every 4 hours to a 42 kg woman, and an
    adult's gram to an 18 kg child, were weighed against an adult's 4 g. And their ideal weight,
    from the height their admission records and their sex (None without a height), which an obese
    adult's gentamicin is weighed by (dose_limits.AdultByWeight.adjusted): 4300 mg of it, 10 times
    7 mg/kg, was saved for an adult unasked. The height is the latest recorded (weight.latest_height)."""
    born = patient.birth_date
    weighed = weight.latest(session.db, session.forms, [patient]).get(patient.patient_id)
    height = weight.latest_height(session.db, patient)
    return {"age": age_in_years(born, ward_day(at)) if born is not None and born <= at.date() else None,
            "kg": weighed.kg if weighed is not None else None,
            "ideal_kg": ideal_kg(height, patient.sex) if height else None}


def _reason(values: dict[str, Any]) -> NotGivenReason | None:
    """Why the dose was not given, as typed (None: none, or none of the form's: its check says so)."""
    typed = values.get("not_given_reason")
    return NotGivenReason(typed) if typed in {reason.value for reason in NotGivenReason} else None


# Why a reason seen only when the dose is offered is refused ahead of it (see `_offered_first`):
# recorded so, or amended to.
_OFFER_IT_THEN = QT_TRANSLATE_NOOP(
    "messages", "“{field}”: “{reason}” cannot be recorded before the {slot} dose falls due ({due}); offer it then. "
                "Only nil by mouth, held or other can be recorded ahead.")
_RECORD_IT_WHEN_OFFERED = QT_TRANSLATE_NOOP(
    "messages", "“{field}”: “{reason}” cannot be recorded before the {slot} dose falls due ({due}), and this dose is "
                "recorded at {at}. Only nil by mouth, held or other can be recorded ahead: if the dose was offered "
                "since, mark this record entered in error with the reason, then record it from the round.")


def _offered_first(session: Session, values: dict[str, Any], said: str = _OFFER_IT_THEN) -> None:
    """A dose recorded not given, for a reason seen only when it is offered, before it falls due
    (see `offered_only`) is refused, naming the reason: "refused" at 08:00 for the 22:00 dose
    took it off the round, never offered. `said`: the refusal's words."""
    slot, reason = _when(values.get("scheduled_for")), _reason(values)
    at = datetime.fromisoformat(values["given_at"])
    due_before = settings.round_policy(session.db).due_before
    if values.get("outcome") != Outcome.NOT_GIVEN.value or slot is None or not offered_only(reason, at, slot, due_before):
        return
    field = session.form(DOSE_FORM).field("not_given_reason")
    raise ValidationFailed([FieldError(field.id, message(
        session.lang, said, field=field.label.get(session.lang), reason=format_value(field, reason, session.lang),
        slot=f"{slot:%d/%m %H:%M}", due=f"{slot - due_before:%H:%M}", at=f"{at:%d/%m %H:%M}"))])


def check_dose_amendment(session: Session, before: dict[str, Any], after: dict[str, Any]) -> None:
    """Called by the records service before a dose is amended, or a dose on hold settled to
    another laptop's version (its time, outcome and the rest its checks judge never change so,
    see records.CHECKED_BY_THEIR_SERVICE). A reason changed to one seen only when the dose is
    offered is refused ahead of the dose as at its recording (`_offered_first`): nil by mouth
    at 08:00 for the 22:00 dose, amended to "refused", read as refused at 08:00, never offered.
    Any other change of reason is an amendment as any (nil by mouth found to be "held"), judged by
    its order's rule as a person types it (`check_dose_typed`)."""
    if after.get("not_given_reason") != before.get("not_given_reason"):
        _offered_first(session, after, _RECORD_IT_WHEN_OFFERED)


def check_dose_typed(session: Session, data: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    """Called by the records service before a person's amendment of a dose, not before a hold
    is settled to a version that exists (see records.settle_to): the version typed now answers
    what the dose's recording asks (`_given_for_asked`), and its order's rule (`none_by_rule`),
    what the version `before` said not judged again. Cleared in an amendment, the reason an
    as-required dose was given was lost from the chart, the printed MAR and the EHR. A laptop
    whose app did not ask it yet wrote versions without it, and the records office still settles
    to one of them, as the ward decided (a version another laptop recorded "nil by mouth" of an IV
    dose on is settled to, not refused); the next amendment typed asks it."""
    if (found := _order_given_from(session.db, data)) is not None:
        _given_for_asked(session, found, data)
        none_by_rule(session, found, data, before)


def asked_by_order(session: Session, spec: FormSpec, data: dict[str, Any]) -> dict[str, bool]:
    """The questions of a dose's form its order decides, which the form's rules cannot (they read
    the dose's answers alone), by field id: True, asked and required; False, not asked. Why a
    dose was given is asked of an as-required order's dose alone (Order.asks_why_given), as the
    dose dialog asks it: the dose's form asked "Reason given (as required)" of a regular dose,
    and its printed record left it empty ("—"); the reading a variable dose was decided on of a
    variable-dose order's alone (Order.asks_reading). The rate a dose ran at and what became of
    the patch before it are not asked of a dose of an order with no rate, or not a patch (asked,
    not required, of the others); whether it was given covertly, of a dose holding no answer to
    it given under no covert decision (`covert_at`, at its time; now, for one not timed yet): an
    amendment of the dose given covertly at 10:05, its order made open at 14:00, dropped its
    answer (review S2 S3). Empty for any other form."""
    found = _order_given_from(session.db, data) if spec.id == DOSE_FORM else None
    if found is None:
        return {}
    return {"given_for": found.asks_why_given, DECIDED_ON: found.asks_reading,
            **({DOSE_RATE: False} if found.rate_ml_h is None else {}),
            **({PREVIOUS_PATCH: False} if not patch(found) else {}),
            **({GIVEN_COVERTLY: False}
               if data.get(GIVEN_COVERTLY) is None and covert_at(session.db, found, _dose_time(session, data)) is None
               else {})}


def _dose_time(session: Session, data: Mapping[str, Any]) -> datetime:
    """When a dose's answers say it was given, stored or as typed (a form's draft holds the text,
    "28/11/2026 10:05"); now for a dose not timed yet, or timed unreadably so far."""
    try:
        return parse_datetime(str(data["given_at"]), session.clock().tzinfo, now=session.clock())
    except (KeyError, ParseError):
        return session.clock()


def as_printed(record: RecordVersion, first: RecordVersion) -> RecordVersion:
    """The record as its printed form reads it: a dose given names its giver, whom it names
    (`given_by`), else whoever recorded its version 1 (`first`), as the chart and the EHR's
    performer take it. Printed with the blank form's "Given by", left empty it read "Given by —",
    nobody, where the screen's "Given by (if not you)" left empty means the one typing."""
    if record.form_id != DOSE_FORM or record.data.get("outcome") != Outcome.GIVEN.value or record.data.get(GIVEN_BY):
        return record
    return record.model_copy(update={"data": {**record.data, GIVEN_BY: first.author}})


def _order_given_from(db: Database, data: dict[str, Any]) -> Order | None:
    """The order a dose names, as it reads now (withdrawn since or not: what it prescribed is
    what the dose was given from); None when this laptop does not hold it."""
    found = current_of(db, [str(data["order"])]).get(str(data["order"])) if data.get("order") else None
    return order_of(found) if found is not None and found.form_id == ORDER_FORM else None


def _with_prescribers_reason(session: Session, patient: PatientSummary, versions: Sequence[RecordVersion],
                             recorded: Sequence[_Allergy], warnings: list[Warning]) -> list[Warning]:
    """An allergy warning says why the doctor prescribed the medicine all the same, as the order
    keeps it: the nurse at the round read only that it matched, and had to open the order. Only
    while the reason was given for every allergy it matches (`_known_when_given`): one recorded
    since is said not reviewed by the prescriber, the reason unquoted (given for a penicillin
    rash, it was quoted for the amoxicillin anaphylaxis found the next day), and so is one
    recorded after an order written with no reason (there was nothing to match then). An allergy only a
    version of the admission on hold records is said with its laptop (`_matched_said`)."""
    drug, reason = str(versions[-1].data.get("drug") or ""), versions[-1].data.get(ALLERGY_REASON)
    matched = _matched(drug, recorded)
    since = _since(matched, _known_when_given(session.db, session.forms, session.lang, patient, versions)) \
        if matched else []
    template, said = ((_NOT_REVIEWED, {"since": _described_said(since)}) if since else
                      (QT_TRANSLATE_NOOP("messages", "{drug} matches the recorded allergy: {allergies}. Prescribed all "
                                                     "the same: “{reason}”."), {"reason": reason}) if reason else
                      (None, {}))
    return [Warning(Check.ALLERGY, template or warning.template,
                    {**warning.values, "allergies": _matched_said(drug, matched), **said})
            if warning.check is Check.ALLERGY else warning for warning in warnings]


def _before_giving(found: Order, patient: PatientSummary, values: dict[str, Any]) -> list[Warning]:
    """What a dose given is questioned on besides the chart's rules: allergies not known yet, a
    route not the order's, and a telephone order a day old that no doctor has countersigned."""
    if values.get("outcome") != Outcome.GIVEN.value:
        return []
    return (allergies_not_known(patient.allergy_status, patient.allergies) + route_differs(found, values.get("route"))
            + not_countersigned(found, datetime.fromisoformat(values["given_at"])))


def _open_slots(db: Database, found: Order, versions: list[RecordVersion], history: list[Administration],
                at: datetime, tz: tzinfo | None) -> list[datetime]:
    """A regular order's dose times within a day of `at`, each version's own as the round reads
    them, by the ward's clock (`tz`, its zone's rules), with no dose recorded for them, before
    the order stops as it runs (its stay's end, see `orders`, stops it too), and, for an order
    loaded from the EHR's snapshot, from the moment its doses are no longer on the EHR's chart
    on (`_ehr_until`), as the round reads them. Placed by the offset the dose's time was written
    with, the night the clocks went forward the next morning's dose fell an hour late, and a late
    dose 5 h 45 min before it was weighed 6 h 45 min away. The 20:00 dose of the day before the
    load, typed in as given at 06:00, was weighed against the 08:00 one "not recorded yet",
    which the EHR's chart holds."""
    if found.frequency is not Frequency.SCHEDULED:
        return []
    day = at.astimezone(tz)
    slots = slots_by_version([(version.recorded_at, order_of(version)) for version in versions],
                             (day - DAY).date(), (day + DAY).date(), tz)
    recorded = set(charted_slots(slots, (dose.scheduled_for for dose in history if dose.order_id == found.record_id
                                         and dose.scheduled_for is not None)).values())
    in_ehr_before = _ehr_until(db, found, versions)
    return [slot for slot in slots if slot not in recorded and (found.stop_at is None or slot < found.stop_at)
            and (in_ehr_before is None or slot >= in_ehr_before)]


def _ehr_until(db: Database, found: Order, versions: list[RecordVersion]) -> datetime | None:
    """For an order loaded from the EHR's snapshot, the moment before which the EHR's chart holds
    its doses, read from its version 1 as the round reads it (see `_orders_with_slots`); None for
    an order typed on a ward."""
    if not loaded_from_snapshot(found.record_id):
        return None
    first = versions[0]
    return snapshot_time.ehr_until(db, {found.record_id: (first.recorded_at, first.device_id)})[found.record_id]


def _judged_against(db: Database, found: Order, at: datetime) -> tuple[list[Order], set[str], list[Administration]]:
    """What a dose of `found` at `at` is judged against: the patient's orders as they run then
    (see `orders`), those of the same medicine (see same_medicine) and the patient's doses."""
    theirs = orders(db, found.patient_id, at)
    return theirs, same_medicine(found, theirs), administrations(db, found.patient_id)


def as_required_status(session: Session, order_id: str, at: datetime | None = None) -> AsRequiredStatus:
    """An as-required order's last dose, its doses in 24 hours and when the next is allowed, as
    of `at` (the time a dose is typed for; now when not given): read from the doses and by the
    rule `check_dose` judges a dose of it by, so the dose dialog says beforehand what Save would
    question: the medicine's own limits too (see medication.beyond_dose_limits), for the patient's
    age and weight, read only for a medicine that has them."""
    found = order(session.db, order_id)
    at = at or session.clock()
    theirs, same, history = _judged_against(session.db, found, at)
    related = [other for other in theirs if other.record_id in same]
    spec = session.form(ORDER_FORM)
    patient = census.patient_with_location(session.db, session.forms, found.patient_id)
    dosed = {**_dosed_for(session, patient, at), "days": _baby_age(patient, at)["days"]} \
        if has_dose_limits(found.drug) else {}
    status = prn_status(found, at, prn_given(found, history, same), _perhaps_given(session, found.patient_id, same),
                        related, {other.record_id: order_label(other, spec, session.lang) for other in related}, **dosed)
    return replace(status, ehr_before=_in_ehr_before(session.db, order_id, at),
                   away=tuple(away_before(session.db, found, None, at)))


def _in_ehr_before(db: Database, order_id: str, at: datetime) -> datetime | None:
    """For an order loaded from the EHR's snapshot, the moment before which its doses are on the
    EHR's chart (see snapshot_time), while the 24 hours its doses are counted over reach back
    before it: none of those doses are counted here."""
    if not loaded_from_snapshot(order_id):
        return None
    _, device_id, loaded = first_authors(db, [order_id])[order_id]
    cut_off = snapshot_time.ehr_until(db, {order_id: (datetime.fromisoformat(loaded), device_id)})[order_id]
    return cut_off.astimezone(at.tzinfo) if elapsed.between(cut_off, at) < DAY else None


def _given_elsewhere(session: Session, held: HeldDose) -> Administration | None:
    """A dose on hold as another laptop recorded it given, when nothing here says it was given
    (withdrawn here, not given here, or not here at all): the patient may have had it. None: no
    version says it was given, or this laptop's does."""
    if not held.withdrawn and held.dose.outcome is Outcome.GIVEN:
        return None
    given = [version for version in records.set_aside(session, held.dose.record_id)
             if version.status is not RecordStatus.ENTERED_IN_ERROR and version.data.get("outcome") == Outcome.GIVEN.value]
    return _administration(given[-1].record_id, given[-1].author, given[-1].device_id, None,
                           given[-1].data) if given else None


def _perhaps_given(session: Session, patient_id: str, order_ids: Collection[str]) -> list[Administration]:
    """The doses of these orders of the patient's that another laptop recorded as given while
    nothing here says so (see `_given_elsewhere`): doses on hold are few, and read first."""
    held = doses_on_hold(session.db, [patient_id])
    return [dose for order_id in order_ids for found in held.get(order_id, [])
            if (dose := _given_elsewhere(session, found)) is not None]


def _given_on_another_laptop(session: Session, found: Order, slot: datetime | None) -> list[Warning]:
    """A dose for this time that another laptop says was given while nothing here says so
    (withdrawn here, recorded not given here, or never here: see `_given_elsewhere`): another
    dose is a second one until the records office settles which laptop was right, so it is
    questioned as a dose already given here is. Only the withdrawn one was: a dose refused here
    and given on the other laptop, a further dose recorded from the chart asked for nothing."""
    if slot is None:
        return []
    for held in held_for_dose(session.db, found, slot, slot):
        if _given_elsewhere(session, held) is not None:
            said = (QT_TRANSLATE_NOOP("messages", "Another laptop recorded the {time} dose of {drug} as given; this "
                                                  "laptop recorded it not given, and the two are on hold.")
                    if not held.withdrawn else
                    QT_TRANSLATE_NOOP("messages", "Another laptop recorded the {time} dose of {drug} as given; this "
                                                  "laptop's record of it was withdrawn, and the two are on hold.")
                    if held.here else
                    QT_TRANSLATE_NOOP("messages", "Another laptop recorded the {time} dose of {drug} as given; this "
                                                  "laptop holds no record of it but the versions on hold."))
            return [Warning(Check.ALREADY_GIVEN, said, {"time": f"{slot:%H:%M}", "drug": found.drug})]
    return []


_AWAY_ON_ANOTHER_WARD = QT_TRANSLATE_NOOP(
    "messages", "NOT RECORDED HERE — the patient was on ward {ward} from {start} to {end}, charted on another laptop: "
                "{drug} may have been given there. Check that ward's chart (or load its stick) before giving it.")


def _away_on_another_ward(session: Session, found: Order, slot: datetime | None, at: datetime) -> list[Warning]:
    """A dose given while `away_before` finds a stretch: questioned as a dose already given is,
    that ward's chart to be read first. Not asked of a dose typed in from a chart (`check_dose`):
    that ward's dose entered is what it asks for."""
    return [Warning(Check.ALREADY_GIVEN, _AWAY_ON_ANOTHER_WARD, {
        "ward": str(stretch.ward), "drug": found.drug, "start": f"{stretch.start:%d/%m %H:%M}",
        "end": f"{stretch.end:%d/%m %H:%M}"}) for stretch in away_before(session.db, found, slot, at)]


def away_before(db: Database, found: Order, slot: datetime | None, at: datetime) -> list[Silence]:
    """The patient's stretches on a ward charted on another laptop (see paper_gap.away) that this
    dose's time fell in, or, for no time of it (as required), that ended within the day before the
    dose, its doses counted for the interval and the day's maximum: this laptop holds none of that
    ward's doses, and read a once-daily dose given there as still to give, a morphine given there
    two hours before as none since the afternoon. None once a dose of the order is written since
    the stretch ended: the nurse has been through that ward's chart."""
    stretches = paper_gap.away(db, [found.patient_id], at).get(found.patient_id, [])
    late_after = settings.round_policy(db).late_after
    within = [stretch for stretch in stretches
              if (stretch.fell_due(slot, late_after) if slot is not None
                  else timedelta(0) <= elapsed.between(stretch.end, at) < DAY)]
    seen = paper_gap.last_recorded(db, [found.record_id], min((s.start for s in within), default=at))
    return [stretch for stretch in within
            if found.record_id not in seen or elapsed.between(stretch.end, seen[found.record_id]) < timedelta(0)]


# A dose of this order typed by someone else and left unsaved (see `_typed_by_another`).
_TYPED_BY_ANOTHER = {
    True: QT_TRANSLATE_NOOP("messages", "{name} was typing this dose at {time} and did not save it: ask them "
                                        "before giving it."),
    False: QT_TRANSLATE_NOOP("messages", "{name} was typing a dose of {drug} at {time} and did not save it: ask "
                                         "them before giving this one.")}


def _typed_by_another(session: Session, found: Order, slot: datetime | None, at: datetime) -> list[Warning]:
    """A dose of this order that someone else was typing and did not save (their draft, see
    drafts.waiting): for the same time of the order, or, for no time of it (as required), typed
    within an hour of this dose's time, or within the order's shortest interval when longer. It
    may have been given: a nurse called away, the laptop locking and a colleague signing in over
    her dose dialog, left it her private draft, and the slot stayed due, then OVERDUE, for the
    next nurse, who could give it again. Said as a dose already given is, its author named and
    never what she typed."""
    from downtime.services import drafts  # which names the paper-doses screen's drafts, recorded through this module

    window = max(timedelta(hours=1), timedelta(hours=found.min_interval_hours or 0))
    return [Warning(Check.ALREADY_GIVEN, _TYPED_BY_ANOTHER[slot is not None], {
        "name": drafts.author_words(typed, session.lang), "drug": found.drug,
        "time": drafts.typed_at_words(typed, at)})
        for typed in drafts.waiting(session.db, session.forms, form_id=DOSE_FORM)
        if typed.order_id == found.record_id and not typed.amends and typed.author != session.user.staff_id
        and (same_dose_time(typed.scheduled_for, slot) if slot is not None or typed.scheduled_for is not None
             else abs(elapsed.between(typed.typed_at, at)) < window)]


_WRONG_BAND = QT_TRANSLATE_NOOP(
    "messages", "WRONG PATIENT'S BAND: this dose is for {patient}; the band scanned is {band}. Scan this patient's "
                "band, or cancel.")
_NOBODYS_BAND = QT_TRANSLATE_NOOP(
    "messages", "WRONG PATIENT'S BAND: this dose is for {patient}; the band scanned ({band}) is no patient's on this "
                "laptop. Scan this patient's band, or cancel.")
_OLD_BAND = QT_TRANSLATE_NOOP(
    "messages", "BAND OUT OF DATE: the band scanned was printed {when} and reads what was amended since ({changes}). "
                "Print a new band and take the old one off, or cancel.")
_BED = QT_TRANSLATE_NOOP("messages", "{patient}, bed {bed}")
_LEFT_BED = QT_TRANSLATE_NOOP("messages", "{patient}, {status} — was in bed {bed}")
_LEFT_NO_BED = QT_TRANSLATE_NOOP("messages", "{patient}, {status}")


def _band_words(patient: PatientSummary, lang: Lang) -> str:
    """A patient as the nurse checks a band against them: name, downtime number, and bed (two
    SMITH John on the ward differ by it alone at a glance); one whose stay has ended, how, and the
    bed they left (perhaps another patient's now: a discharged patient's band read as if he were
    still in it)."""
    named = f"{patient.display_name}, {patient.downtime_number}"
    if patient.stay in (None, StayStatus.IN):
        return message(lang, _BED, patient=named, bed=patient.bed) if patient.bed else named
    status = stay_word(patient.stay, lang)
    return (message(lang, _LEFT_BED, patient=named, status=status, bed=patient.bed) if patient.bed
            else message(lang, _LEFT_NO_BED, patient=named, status=status))


def band_checked(session: Session, found: Order, band: str | None) -> list[Warning]:
    """The band last scanned at the bedside (None: none was) when it is not the dose's patient's,
    as a warning to override with a reason, kept with the dose: the dialog said WRONG PATIENT in
    red, and the next Ctrl+S, by habit after forty doses, recorded the dose for the other SMITH
    John, who was the one given it. The patient's own band printed before their admission was
    amended to read otherwise (printing.band_out_of_date) is one too: the old date of birth on the
    wrist was "Band checked"."""
    if band is None:
        return []
    from downtime.services import printing, search  # which read patients through census, as this module does

    identified = search.identified(session.db, session.forms, band)
    if [patient.patient_id for patient in identified] == [found.patient_id]:
        old = printing.band_out_of_date(session, found.patient_id)
        return [] if old is None else [Warning(Check.OLD_BAND, _OLD_BAND, {
            "when": f"{old.printed_at:%d/%m %H:%M}", "changes": "; ".join(f"{was} → {now}" for was, now in old.lines)})]
    patient = _band_words(census.patient_with_location(session.db, session.forms, found.patient_id), session.lang)
    if identified:
        return [Warning(Check.WRONG_BAND, _WRONG_BAND, {"patient": patient, "band": semicolon(session.lang).join(
            _band_words(other, session.lang) for other in identified)})]
    return [Warning(Check.WRONG_BAND, _NOBODYS_BAND, {"patient": patient, "band": band.strip()})]


def record_dose(session: Session, order_id: str, values: dict[str, Any], *,
                overrides: Mapping[Check | str, str] | None = None,
                witness: tuple[str, str] | None = None, giver_pin: str | None = None,
                register_page: str | None = None, band: str | None = None) -> RecordVersion:
    """Save a dose given or not given. Every warning needs an override with a reason (kept in
    the record and the audit log), but a dose given over an allergy recorded since its order was
    written is refused until its prescriber reviews it (`_refuse_unreviewed_allergy`); a
    controlled drug given needs a second person's PIN and
    stock in the ward's register. Whether this person may record care is asked first: a
    clinical warning is not for someone who may not give the dose anyway. `overrides`: a
    reason by warning, keyed by the warning's message (the dose dialog: the very warning the
    nurse read, so that a reason typed for one never covers another of its kind, shown or not)
    or by its check (every warning of that kind). A high-alert medicine given needs a second
    clinician's check with their PIN, as a controlled drug's witness (cd_register.second_check,
    kept as the dose's `witness`), with no register line; a student nurse's dose, of any medicine,
    a ward nurse's supervision with their PIN, kept there too (cd_register.SUPERVISION, by the
    giver's role: `dose_check`). A dose transcribed from the paper chart
    (`transcribed`, see `_from_paper`) given while this laptop was not in use (see
    `_paper_signed`) names its witness as the paper does: `witness`'s PIN is not asked (a
    high-alert medicine's second check is not asked). `giver_pin`: the PIN of a controlled
    drug's giver named in `given_by`, given now (see `_giver_confirms`). `register_page`: the
    drug of the ward register's page a controlled drug given was taken from, where the order's
    own is not the one (see `dose_page`). `band`: the wristband last scanned at the bedside, if
    one was (see `band_checked`)."""
    records.require_writer(session, DOSE_FORM)
    found = order(session.db, order_id)
    values = {**values, "order": order_id}
    _route_coded(values)
    _rate_of_order(session.db, found, values)
    _covert_of_order(session.db, found, values)
    _refuse_after_its_stay(session, found, values)
    _offered_first(session, values)
    _given_for_asked(session, found, values)
    none_by_rule(session, found, values)
    _previous_patch_asked(session, found, values)
    _giver_named(session, values)
    on_paper = _from_paper(session, values)
    if values.get(GIVEN_BY) == session.user.staff_id:  # "if not you": the record's author says it
        del values[GIVEN_BY]
    warnings = (band_checked(session, found, band) + nil_by_mouth_on_paper(found, values)  # the patient's first
                + check_dose(session, order_id, values))
    _refuse_unreviewed_allergy(session, found, values, on_paper)
    reasons = {key: reason.strip() for key, reason in (overrides or {}).items() if reason.strip()}
    if missing := [w for w in warnings if not (reasons.get(w.message) or reasons.get(w.check))]:
        raise OverrideNeeded(missing)
    values["overrides"] = [{"check": w.check.value, "reason": reasons.get(w.message) or reasons[w.check]}
                           for w in warnings] or None
    given = values.get("outcome") == Outcome.GIVEN.value
    check = dose_check(session, found, values.get(GIVEN_BY)) if given else None
    if check is not None and on_paper:
        _paper_signed(session, values, check, found)
    confirmed = check is not None and not on_paper and bool(values.get(GIVEN_BY))
    if confirmed:
        _giver_confirms(session, values[GIVEN_BY], giver_pin, check)
    witness_id = (cd_register.checked_witness(session, witness, values.get(GIVEN_BY), on_paper=on_paper, check=check)
                  if check is not None and (check.named or not on_paper) else None)
    if witness_id:
        values["witness"] = witness_id
    values = {key: value for key, value in values.items() if value is not None}
    stocked = found.controlled and given
    with session.db.atomic():
        page = None
        if stocked:
            page = cd_register.deduct_check(session, found, float(values.get("dose_given") or 0),
                                            datetime.fromisoformat(values["given_at"]), register_page)
        saved = records.save_new(session, DOSE_FORM, values, patient_id=found.patient_id, checked_by_service=True)
        if witness_id and page is not None:
            cd_register.dose_given(session, page, witness_id, saved.record_id, datetime.fromisoformat(values["given_at"]),
                                   giver=values[GIVEN_BY] if confirmed else None)
        if confirmed:
            pin_confirmed(session, values[GIVEN_BY], PinUse.GIVER, {"record_id": saved.record_id})
        if witness_id and check is not None and not on_paper:
            pin_confirmed(session, witness_id, check.audited_as, {"record_id": saved.record_id})
    return saved


def _rate_of_order(db: Database, found: Order, values: dict[str, Any]) -> None:
    """A bag or syringe of an infusion order given with no rate of its own is set at the order's
    (`RATE`), whichever way it was recorded (the dose dialog fills it in for the nurse to change):
    one typed in from the paper chart kept none, the ward read the order's, a later amendment of
    the order's rate rewrote the bag's on the MAR, and the EHR was sent "Morphine 10 mg SC,
    completed 10:00", a stat dose (review R3 D5). The order's rate as it stood when the bag went
    up (its version recorded by then; the first, for a bag up before the order was typed in from
    the paper chart): the 10:00 syringe typed in at 12:00 took the rate amended at 11:00, which
    nobody charted for it (review S5 S4)."""
    if values.get("outcome") != Outcome.GIVEN.value or found.rate_ml_h is None or values.get(RATE) is not None \
            or not values.get("given_at"):
        return  # no bag, or its rate charted; a dose given at no time is refused on it by its form
    values[RATE] = order_standing_at(db, found, datetime.fromisoformat(values["given_at"])).rate_ml_h


def order_standing_at(db: Database, found: Order, at: datetime) -> Order:
    """The order as it stood at `at`: its version recorded by then; the first, for a moment before
    the order was typed in from the paper chart. A dose is given under the order as it then read,
    not as amended since (its rate: `_rate_of_order`; its covert decision: `covert_at`)."""
    versions = histories(db, [found.record_id])[found.record_id]
    return order_of(next((one for one in reversed(versions) if elapsed.reached(one.recorded_at, at)), versions[0]))


def covert_at(db: Database, found: Order, at: datetime) -> covert.Covert | None:
    """The covert decision a dose of the order given at `at` is given under: the order's as it
    stood then (`order_standing_at`), made by then. None before it: the 10:05 dose, given before
    the best-interests decision made at 11:30 and written on the order at 14:00, was typed late
    and charted given covertly, a covert administration that never happened (review S2 S2)."""
    decided = order_standing_at(db, found, at).covert
    return decided if decided is not None and elapsed.reached(decided.decided_at, at) else None


def _covert_of_order(db: Database, found: Order, values: dict[str, Any]) -> None:
    """A dose given under a covert decision (`covert_at`, domain.covert) is given covertly unless
    the nurse said not (the patient took it openly that time), whichever way it was recorded: the
    chart, the MARs and the EHR said "given" alone of a dose disguised in yoghurt. Never said of a
    dose not given, nor of one given under no decision. One typed from the paper chart
    (`TRANSCRIBED`) is covert only when the nurse says so: the paper says nothing of how it was
    given, and the EHR was told it was given covertly as fact (review S2 S5)."""
    if (values.get("outcome") != Outcome.GIVEN.value or not values.get("given_at")
            or covert_at(db, found, datetime.fromisoformat(values["given_at"])) is None):
        values.pop(GIVEN_COVERTLY, None)
    elif values.get(GIVEN_COVERTLY) is None and not values.get(TRANSCRIBED):
        values[GIVEN_COVERTLY] = True


def _route_coded(values: dict[str, Any]) -> None:
    """The route typed as the dose form's code when it is one of the route table's words: the dose
    dialog's Route box took "TD" and refused "transdermal" or "oral" as no listed option, words
    the order's route is compared with (domain.medication.ROUTES) and the README names."""
    if code := route_code(str(values.get("route") or "")):
        values["route"] = code


def dose_check(session: Session, found: Order, giver: str | None) -> cd_register.SecondCheck | None:
    """The second signature a dose of `found` given by `giver` (a staff ID; None: the person
    signed in) needs (cd_register.second_check): by the giver's role as well as the medicine,
    a student nurse's dose being supervised, whoever types it in."""
    member = member_named(session.db, giver) if giver else session.user
    return cd_register.second_check(found, member.role if member is not None else None)


# A controlled drug or a high-alert medicine given now by someone other than the person signed in
# (see `_giver_confirms`).
GIVER_CONFIRMS = QT_TRANSLATE_NOOP("messages", "{field}: given by {name}, who confirms it with their own PIN, as "
                                               "the giver of a controlled drug or a high-alert medicine does.")
GIVER_PIN_WRONG = QT_TRANSLATE_NOOP("messages", "{field}: wrong PIN for {name}.")
# A student nurse's dose given now, typed by someone else (see `_giver_confirms`).
STUDENT_CONFIRMS = QT_TRANSLATE_NOOP("messages", "{field}: given by {name}, a student nurse, who confirms it with "
                                                 "their own PIN, as the nurse supervising them does.")


def _giver_confirms(session: Session, giver: str, pin: str | None, check: cd_register.SecondCheck) -> None:
    """A controlled drug or a high-alert medicine given now by a colleague (`given_by`) is
    confirmed with the giver's own PIN, as its witness's or second checker's is: named by the nurse
    signed in, who then witnessed or checked it with her own PIN, the register and the chart read
    as two people's word when one alone had signed anything (insulin "given by a colleague,
    checked by me" on one PIN); so is a student nurse's dose of any medicine typed by the nurse
    supervising them (`check`: cd_register.SUPERVISION, said so). A dose
    transcribed from the paper chart names its giver as the paper does, whose signatures are
    there. An empty PIN is not tried (a failed PIN in the giver's name). Refused naming the
    field otherwise; the right PIN audited in the dose's transaction (`record_dose`)."""
    field = session.form(DOSE_FORM).field(GIVEN_BY)
    label = field.label.get(session.lang)
    member = member_named(session.db, giver)
    name = member.name if member is not None else giver
    if not pin:
        said = STUDENT_CONFIRMS if check is cd_register.SUPERVISION else GIVER_CONFIRMS
        raise ValidationFailed([FieldError(field.id, message(session.lang, said, field=label, name=name))])
    try:
        unlock.confirm_pin(session.db, giver, pin, session.clock, PinUse.GIVER)
    except (LockedOut, PinNotChosen) as locked:
        raise ValidationFailed([FieldError(field.id, labelled(label, locked.text(session.lang), session.lang))]) from locked
    except SignInError as wrong:
        raise ValidationFailed([FieldError(field.id, message(session.lang, GIVER_PIN_WRONG, field=label,
                                                             name=name))]) from wrong


def _given_for_asked(session: Session, found: Order, values: dict[str, Any]) -> None:
    """An as-required dose given says why ("pain 7/10"), as the paper MAR asks of every one, or
    is refused naming the field, whichever way it comes (the dose dialog, the demo, a script,
    an amendment, see `check_dose_typed`): the prescriber reviewing the night's morphine read
    the times alone. A regular dose needs none (see Order.asks_why_given). A variable dose given
    says the reading it was decided on (Order.asks_reading), unless typed from the paper chart,
    which holds it beside the dose when it was written there."""
    if values.get("outcome") != Outcome.GIVEN.value:
        return
    asked = [name for name, needed in (("given_for", found.asks_why_given),
                                       (DECIDED_ON, found.asks_reading and not values.get(TRANSCRIBED))) if needed]
    if missing := [name for name in asked if not str(values.get(name) or "").strip()]:
        spec = session.form(DOSE_FORM)
        raise ValidationFailed([FieldError(name, field_message("required", session.lang,
                                                                spec.field(name).label.get(session.lang)))
                                for name in missing])


# A variable dose given as nothing, or recorded none by its rule for an order with no rule (see
# `none_by_rule`).
ZERO_BY_RULE = QT_TRANSLATE_NOOP("messages", "“{field}”: 0 {unit} is no dose given. When its rule gives none at the "
                                             "reading, record the dose not given, “{reason}”, with the reading.")
NO_RULE = QT_TRANSLATE_NOOP("messages", "“{field}”: “{reason}” is only for a variable-dose order, whose rule may give "
                                        "none; this order has no rule.")
NOT_BY_MOUTH = QT_TRANSLATE_NOOP("messages", "“{field}”: {drug} is given {route}: “{reason}” does not stop it. Give it, "
                                             "or, if the doctor holds it, record “{held}” with why.")
FASTING_INSULIN = QT_TRANSLATE_NOOP("messages", "“{field}”: {drug} is a basal or premixed insulin: it is continued "
                                                "when the patient is nil by mouth, often at a reduced dose, as "
                                                "stopping it brings on ketoacidosis (JBDS-IP). Give it as the "
                                                "prescriber says, or ask them; if they hold it, record “{held}” with "
                                                "why.")
NIL_BY_MOUTH_ON_PAPER = QT_TRANSLATE_NOOP(
    "messages", "The paper chart says nil by mouth, but {drug} is given {route}: nil by mouth does not stop it, so "
                "this dose was missed. Record it as the paper says, with a reason, and tell the prescriber.")


def none_by_rule(session: Session, found: Order, values: dict[str, Any],
                 before: dict[str, Any] | None = None) -> None:
    """A variable dose its rule gives none of is recorded not given, "none by its rule", with its
    reading: "0 units given" asked a second checker's PIN for nothing and reached the EHR as insulin
    given, completed. That reason is refused of an order with no rule, which gives its dose, and
    nil by mouth of an order by another route (see reason_offered; a basal or premixed insulin's
    refusal says it is continued when fasting), but of a dose typed from the
    paper chart, which says what was done hours ago (asked as a warning: `nil_by_mouth_on_paper`).
    Refused naming the field otherwise, whichever way the dose comes; on an amendment (`before`,
    the version it corrects: see `check_dose_typed`) only when it changes the reason or the
    dose: the details added to a dose recorded nil by mouth before the rule, or on a laptop still
    without it, were refused, the reason the nurse recorded to rewrite."""
    if before is not None and all(before.get(name) == values.get(name) for name in ("not_given_reason", "dose_given")):
        return
    spec = session.form(DOSE_FORM)
    reasons = spec.field("not_given_reason")
    given, typed = values.get("outcome") == Outcome.GIVEN.value, _reason(values)
    shown = NotGivenReason.BY_RULE
    if given and found.asks_reading and values.get("dose_given") is not None and float(values["dose_given"]) <= 0:
        field, said = spec.field("dose_given"), ZERO_BY_RULE
    elif not given and typed is not None and not reason_offered(found, typed):
        field, said = reasons, NO_RULE
        if typed is NotGivenReason.NIL_BY_MOUTH:
            if values.get(TRANSCRIBED):
                return
            said, shown = FASTING_INSULIN if given_when_fasting(found.drug) else NOT_BY_MOUTH, typed
    else:
        return
    raise ValidationFailed([FieldError(field.id, message(
        session.lang, said, field=field.label.get(session.lang), unit=found.dose_unit, drug=found.drug,
        route=found.route, reason=format_value(reasons, shown.value, session.lang),
        held=format_value(reasons, NotGivenReason.HELD.value, session.lang)))])


def nil_by_mouth_on_paper(found: Order, values: dict[str, Any]) -> list[Warning]:
    """A dose typed from the paper chart (`TRANSCRIBED`) not given "nil by mouth" though its order
    is not by mouth or tube (see reason_offered), as a warning to record over with a reason: the
    transcriber, refused, was told to give a dose of hours ago or record it held, which the paper
    does not say, the row saved only by writing what was not done. The dose was missed all the
    same: the handover says it to tell the prescriber (services.chart_alerts.not_given)."""
    nil_by_mouth = NotGivenReason.NIL_BY_MOUTH
    if (not values.get(TRANSCRIBED) or values.get("outcome") == Outcome.GIVEN.value
            or _reason(values) is not nil_by_mouth or reason_offered(found, nil_by_mouth)):
        return []
    return [Warning(Check.ROUTE_MISMATCH, NIL_BY_MOUTH_ON_PAPER, {"drug": found.drug, "route": found.route})]


def patches_on_now(db: Database, patient_id: str) -> list[tuple[Order, Administration]]:
    """The patient's patches applied and not taken off (domain.medication.patches_on), from any
    order of theirs, stopped or not."""
    return patches_on({found.record_id: order_of(found) for found in _standing(db, ORDER_FORM, patient_id)},
                      administrations(db, patient_id))


def on_before(db: Database, found: Order) -> list[Administration]:
    """The patches of a same medicine as `found`'s still on, which its next patch replaces."""
    return [dose for on, dose in patches_on_now(db, found.patient_id) if shares_a_medicine(on.drug, found.drug)]


LAST_SITES = 3


def last_sites(db: Database, found: Order) -> list[Administration]:
    """The order's last doses given that say where they went, latest first (at most `LAST_SITES`):
    the next injection goes elsewhere (enoxaparin or insulin given into one place hardens the skin)."""
    given = [dose for dose in administrations(db, found.patient_id)
             if dose.order_id == found.record_id and dose.outcome is Outcome.GIVEN and dose.site]
    return sorted(given, key=given_instant, reverse=True)[:LAST_SITES]


def _previous_patch_asked(session: Session, found: Order, values: dict[str, Any]) -> None:
    """A patch given while another of its medicine is on says what became of that one (taken
    off, or not found on the skin), or is refused naming the field: two patches on at once are an
    overdose. A dose typed from the paper chart, which holds no such box, need not."""
    if (values.get("outcome") != Outcome.GIVEN.value or not patch(found) or values.get(TRANSCRIBED)
            or values.get(PREVIOUS_PATCH) or not on_before(session.db, found)):
        return
    label = session.form(DOSE_FORM).field(PREVIOUS_PATCH).label.get(session.lang)
    raise ValidationFailed([FieldError(PREVIOUS_PATCH, field_message("required", session.lang, label))])


PATCH_NOT_FOUND = {
    True: QT_TRANSLATE_NOOP(
        "messages", "{drug}: the patch on before is recorded not found on the skin: search the whole skin (moved "
                    "elsewhere, it is a second dose with this one), the bed, clothes and linen; a controlled drug "
                    "unaccounted for is told to the nurse in charge and reported as an incident. Say what was done "
                    "in the reason."),
    False: QT_TRANSLATE_NOOP(
        "messages", "{drug}: the patch on before is recorded not found on the skin: search the whole skin (moved "
                    "elsewhere, it is a second dose with this one) and the bed before applying this one. Say what "
                    "was done in the reason.")}
"""`patch_not_found`'s question, by whether the medicine is a controlled drug."""


def patch_not_found(found: Order, values: Mapping[str, Any]) -> list[Warning]:
    """A patch given while the one on before is recorded not found on the skin (`PREVIOUS_PATCH`),
    asked what was done: a fentanyl patch "not found" was often on the back, moved, and the new one
    doubled the dose; one fallen off in the bed reaches another patient or a visiting child; a
    controlled drug's is a loss the nurse in charge reports. It was saved with nothing said. Not of
    a dose typed from the paper chart, given already."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(TRANSCRIBED) or not patch(found) \
            or values.get(PREVIOUS_PATCH) != "not_found":
        return []
    return [Warning(Check.PATCH_NOT_FOUND, PATCH_NOT_FOUND[found.controlled],
                    {"drug": " ".join(found.drug.split())})]


def digoxin_pulse(session: Session, found: Order, patient: PatientSummary, values: Mapping[str, Any]) -> list[Warning]:
    """A dose of digoxin given when the latest observations with a pulse taken in the last hours
    (observations.SAYS_NOW_FOR) record one under `digoxin.HELD_BELOW` (an adult's and a young
    person's NEWS2 set; a child's heart rate on the PEWS chart runs faster, and its limits are the
    paediatrician's), asked, the doctor's decision given as the reason. Not of a dose typed from
    the paper chart, given already."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(TRANSCRIBED) \
            or digoxin.DIGOXIN not in medicines_in(found.drug):
        return []
    at = datetime.fromisoformat(values["given_at"])
    taken = observations.latest_giving(session.db, patient.patient_id, ("pulse",), at)
    if taken is None or int(taken.data["pulse"]) >= digoxin.HELD_BELOW:
        return []
    return [Warning(Check.SLOW_PULSE, digoxin.SLOW_PULSE, {
        "drug": " ".join(found.drug.split()), "pulse": Number(int(taken.data["pulse"])),
        "most": Number(digoxin.HELD_BELOW),
        "time": f"{datetime.fromisoformat(taken.data['taken_at']).astimezone(at.tzinfo):%d/%m %H:%M}"})]


def clozapine_restarted(session: Session, found: Order, history: Sequence[Administration],
                        values: Mapping[str, Any]) -> list[Warning]:
    """A dose of clozapine given above its restart (`clozapine.RESTART_MG`; one whose mg is not read,
    a tablet of no strength written, too) more than
    `clozapine.BREAK` after the patient's last dose of it given, from any order (`history`: the
    patient's doses), asked, the prescriber's decision given as the reason. Not when no dose of
    it is recorded before (its first here: the last taken at home is the reconciliation's to
    ask), nor of a dose typed from the paper chart, given already."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(TRANSCRIBED) \
            or clozapine.CLOZAPINE not in medicines_in(found.drug):
        return []
    at = datetime.fromisoformat(values["given_at"])
    amount = float(values["dose_given"]) if values.get("dose_given") not in (None, "") else found.dose
    mg = clozapine.mg_of(amount, found.dose_unit, found.drug)
    if mg is not None and mg <= clozapine.RESTART_MG * (1 + 1e-9):
        return []
    given = [dose for dose in history if dose.outcome is Outcome.GIVEN and elapsed.instant(dose.at) < elapsed.instant(at)]
    drugs = {order_id: version.data.get("drug") for order_id, version in current_of(
        session.db, list({dose.order_id for dose in given})).items()}
    last = max((dose.at for dose in given if clozapine.CLOZAPINE in medicines_in(str(drugs.get(dose.order_id) or ""))),
               key=elapsed.instant, default=None)
    if last is None or elapsed.instant(at) - elapsed.instant(last) <= clozapine.BREAK:
        return []
    return [Warning(Check.CLOZAPINE_BREAK, clozapine.AFTER_A_BREAK, {
        "drug": " ".join(found.drug.split()), "restart": Number(clozapine.RESTART_MG),
        "time": f"{last.astimezone(at.tzinfo):%d/%m %H:%M}"})]


def _giver_named(session: Session, values: dict[str, Any]) -> None:
    """The giver a dose names, when not its typist, is someone of this laptop's staff who may
    give a dose, written as their staff ID is (a name typed in any case finds it): a chart's
    initials, the MAR and the EHR's performer are read from it. A dose not given names none.
    Refused naming the field otherwise, as a form's answer is."""
    typed = str(values.get(GIVEN_BY) or "").strip()
    if not typed or values.get("outcome") != Outcome.GIVEN.value:
        values.pop(GIVEN_BY, None)
        return
    member = member_named(session.db, typed)
    field = session.form(DOSE_FORM).field(GIVEN_BY)
    if member is None or not cd_register.gives_care(member):
        said = message(session.lang, QT_TRANSLATE_NOOP("messages", "{field}: {staff_id} is not a nurse or a doctor of "
                                                                  "this laptop's staff."),
                       field=field.label.get(session.lang), staff_id=repr(typed))
        raise ValidationFailed([FieldError(field.id, said)])
    values[GIVEN_BY] = member.staff_id


def _from_paper(session: Session, values: dict[str, Any]) -> bool:
    """Whether the dose is typed in from the paper chart (`transcribed`): only one given at least
    WRITTEN_APART before it is typed, as the register dates a dose charted late. Its witness
    signed the paper and may have gone home; a dose given now is witnessed with the witness's
    PIN, and ticking the box does not spare it. Refused naming the field otherwise."""
    if not values.get(TRANSCRIBED):
        values.pop(TRANSCRIBED, None)
        return False
    given_at = _when(values.get("given_at"))  # none: the form's check names the missing time
    if given_at is not None and session.clock() - given_at < WRITTEN_APART:
        field = session.form(DOSE_FORM).field(TRANSCRIBED)
        said = message(session.lang, QT_TRANSLATE_NOOP("messages", "{field}: only for a dose given at least {minutes} "
                                                                  "minutes before it is typed; a dose given now is "
                                                                  "witnessed with the witness's own PIN."),
                       field=field.label.get(session.lang), minutes=WRITTEN_APART // timedelta(minutes=1))
        raise ValidationFailed([FieldError(field.id, said)])
    values[TRANSCRIBED] = True
    return True


def _paper_signed(session: Session, values: dict[str, Any], check: cd_register.SecondCheck, found: Order) -> None:
    """A dose whose second signature is taken from the paper chart (a dose `_from_paper`, of a
    controlled drug or a high-alert medicine) was given while this laptop was not in use (see
    cd_register.paper_time), or before its order was typed in (`_before_typed_in`): one given
    while it could have been recorded here, its witness at hand, is witnessed here with their PIN.
    Refused naming the field otherwise."""
    given_at = _when(values.get("given_at"))  # none: the form's check names the missing time
    if given_at is None or cd_register.paper_time(session.db, given_at, session.clock()) \
            or _before_typed_in(session.db, found, given_at):
        return
    field = session.form(DOSE_FORM).field(TRANSCRIBED)
    said = message(session.lang, check.not_on_paper, field=field.label.get(session.lang),
                   time=f"{given_at.astimezone(session.clock().tzinfo):%H:%M}")
    raise ValidationFailed([FieldError(field.id, said)])


def _before_typed_in(db: Database, found: Order, given_at: datetime) -> bool:
    """Whether a dose was given from its order's paper before the order was typed in on any laptop
    (see `_Scheduled.typed_late`): a paper order's morphine given at 10:00 and copied at 14:00 on
    a laptop in use all morning could only be on paper, its witness's signature with it."""
    written = datetime.fromisoformat(first_authors(db, [found.record_id])[found.record_id][2])
    return Silence(found.start_at, written, found.drug).fell_due(given_at, settings.round_policy(db).late_after)


_ENDED_WITH_THE_STAY = QT_TRANSLATE_NOOP(
    "messages", "{order} stopped at the end of the stay of {date}: no dose is given from it. If it still stands, a "
                "prescriber prescribes it again, from the patient's chart.")
_ENDED_WITH_THE_DEATH = QT_TRANSLATE_NOOP(
    "messages", "{order}: the patient died on {date} at {time}; no dose is given after the death (a dose given "
                "before it is charted at the time it was given).")


def _refuse_after_its_stay(session: Session, found: Order, values: dict[str, Any]) -> None:
    """A dose given from an order after the stay it was written in ended (see `stay_end`):
    inpatient orders end with the stay, and a readmitted patient's order of the stay before is
    prescribed again if it still stands, never given from (a dose of it was saved with a
    reason typed). A dose given before that end, charted late from paper, is recorded. Refused
    after a death naming it: told to have the medicine prescribed again, the nurse typing a dose
    after the time of death was not told that the patient had died then."""
    if values.get("outcome") != Outcome.GIVEN.value:
        return
    at = datetime.fromisoformat(values["given_at"])
    ended = ended_with_their_stay(session.db, found.patient_id, [records.current(session.db, found.record_id)], at)
    if found.record_id in ended:
        end, zone = ended[found.record_id], session.clock().tzinfo
        raise ServiceError(_ENDED_WITH_THE_DEATH if end.movement is Movement.DEATH else _ENDED_WITH_THE_STAY,
                           order=order_label(found, session.form(ORDER_FORM), session.lang),
                           date=stay_end_date(end.occurred_at, zone), time=f"{end.occurred_at.astimezone(zone):%H:%M}")


def withdraw_dose(session: Session, record_id: str, reason: str, *, based_on: int | None = None,
                  witness: tuple[str, str] | None = None) -> RecordVersion:
    """Mark a dose entered in error. A controlled drug's dose took its quantity from the ward's
    register: the quantity goes back, witnessed as the dose was, so the balance again matches
    the cupboard (reconciled when a count already found the cupboard as the dose left it, see
    cd_register.recounted). A dose recorded for the wrong patient is then recorded for the
    right one, which takes it again; a drug drawn up and wasted is a witnessed count correction.
    An infusion's bag takes its rate changes with it, each withdrawn for the same reason: left
    standing, they went to the EHR as given, part of a dose withdrawn, and to the clerk to enter."""
    from downtime.services import infusion_rates  # which reads the bags through this module

    taken = cd_register.taken_from_register(session.db, record_id)
    witness_id = cd_register.checked_witness(session, witness) if taken else None
    with session.db.atomic():
        withdrawn = records.mark_entered_in_error(session, record_id, reason, based_on=based_on,
                                                  checked_by_service=True)
        for change in infusion_rates.by_bag(session.db, [str(withdrawn.patient_id)]).get(record_id, []):
            records.mark_entered_in_error(session, change.record_id, withdrawn.reason or reason)
        if taken and witness_id:
            cd_register.dose_given_back(session, taken, witness_id, record_id, withdrawn.reason)
            pin_confirmed(session, witness_id, PinUse.WITNESS, {"record_id": record_id})
    return withdrawn


@dataclass(frozen=True)
class _Scheduled:
    """A standing order as it runs (see `orders`) with its dose times over the days until it
    stops; `in_ehr_before`: for an order loaded from the EHR's snapshot, the moment the EHR's
    chart holds its doses until (services.snapshot_time: its load, or earlier its snapshot's own
    time, or the laptop's first use after a clock put back); `ended`: the end of the stay it was left open at;
    `continues`: the order of an earlier stay it prescribes again (see `CONTINUES`)."""

    order: Order
    slots: list[datetime]
    in_ehr_before: datetime | None
    ended: MovementEvent | None
    written_by: tuple[str, str]
    """Who wrote its version 1, and on which laptop (staff ID, device id)."""
    written_at: datetime
    """When its version 1 was written."""
    continues: str | None = None

    def in_ehr(self, slot: datetime) -> bool:
        return self.in_ehr_before is not None and slot < self.in_ehr_before

    def typed_late(self, tz: tzinfo | None) -> Silence | None:
        """From its start to its writing, for an order written after it started (see
        Silence.written), on the ward's clock; an order loaded from the EHR has its doses before
        then on the EHR's chart (`in_ehr`)."""
        if self.in_ehr_before is not None or self.written_at <= self.order.start_at:
            return None
        return Silence(self.order.start_at.astimezone(tz), self.written_at.astimezone(tz), self.order.drug)


def _typed_late(found: Iterable[_Scheduled], tz: tzinfo | None) -> dict[str, Silence]:
    return {scheduled.order.record_id: span for scheduled in found if (span := scheduled.typed_late(tz)) is not None}


def _orders_with_slots(db: Database, patient_ids: Collection[str], first_day: date, last_day: date,
                       tz: tzinfo | None, moves: Mapping[str, list[MovementEvent]], at: datetime) -> list[_Scheduled]:
    """These patients' standing orders as they run at `at`, each with its dose times over the
    days: an amended order's times are read version by version (few orders are amended, so only
    theirs are, all at once: a ward's stopped orders cost a query each). `moves`: each patient's
    movements, whose stays end the orders left open (see `stay_end`): a readmitted patient's
    order of the stay before came back due on the round."""
    standing = _standing(db, ORDER_FORM, patient_ids=patient_ids)
    amended = histories(db, [record.record_id for record in standing if record.version > 1])
    in_ehr_before = snapshot_time.ehr_until(db, {
        record.record_id: ((first := amended.get(record.record_id, [record])[0]).recorded_at, first.device_id)
        for record in standing if loaded_from_snapshot(record.record_id)})
    found = []
    for record in standing:
        versions = amended.get(record.record_id, [record])
        written = order_of(record, telephone_orders.taken_from(versions))
        ended = stay_end(written, versions[0].recorded_at, moves[written.patient_id], at)
        slots = slots_by_version([(version.recorded_at, order_of(version)) for version in versions],
                                 first_day, last_day, tz)
        running = _as_ended(written, ended)
        # An earlier version's times after the order's stop were none of its times: an order
        # stopped since at a moment passed (an earlier stay's, not continued) read "not recorded
        # (stopped)" at each, a dose missed. A once-only order's one time stays, cancelled.
        stop = running.stop_at if ended is not None or running.frequency is not Frequency.ONCE else None
        found.append(_Scheduled(
            running, [slot for slot in slots if stop is None or slot < stop],
            in_ehr_before.get(record.record_id), ended,
            (versions[0].author, versions[0].device_id), versions[0].recorded_at, record.data.get(CONTINUES)))
    return found


def placed_at(found: Order, written_at: datetime, moves: Sequence[MovementEvent]) -> datetime:
    """The moment whose stay an order is of: the later of its start and its writing (an order
    rewritten in this stay with the course's first day as its start is this stay's); when that
    moment finds the patient gone (`moves`: theirs), a paper order of the stay typed in
    afterwards, within the last stay they left, if it started before they left: it ended with no
    stay, and went to the EHR as a live order for a patient who had died."""
    later = max(found.start_at, written_at)
    left = [stay for stay in stays(moves) if stay.until is not None and stay.until <= later]
    if in_hospital(moves, later) or not left or found.start_at >= left[-1].until:
        return later
    return max(found.start_at, left[-1].since)


def stay_end(found: Order, written_at: datetime, moves: list[MovementEvent], at: datetime) -> MovementEvent | None:
    """The discharge, death or transfer out that ended the stay this order was written and
    started in (`placed_at`), by `at`, if the order outlived it (not stopped by then). Inpatient
    orders end with the stay: such an order is read as stopped then by everything that reads
    orders (the round, the chart and a dose through `orders` and `_orders_with_slots`, the
    handover, the list of records, the export), and a readmitted patient's is prescribed again if
    it still stands. Leaving rewrites no order (the nurse recording it may not write orders), so
    this is the one place that says it."""
    ended = left_after(moves, placed_at(found, written_at, moves))
    if ended is None or ended.occurred_at > at or (found.stop_at is not None and found.stop_at <= ended.occurred_at):
        return None
    return ended


def stay_end_date(ended: datetime, tz: tzinfo | None) -> str:
    """The day a stay ended, as "the stay of …" names it to the ward (by its clock, `tz`)."""
    return f"{ended.astimezone(tz):%d/%m/%Y}"


def prescribed_again(session: Session, order_id: str) -> dict[str, Any]:
    """What a new order starts from when an order that ended with an earlier stay is prescribed
    again (see `MarRow.stay_ended`): the medicine and its schedule as the old order says them,
    from now on, naming the old order (`CONTINUES`), which that decides. Its stop, its EHR number
    and its prescriber were the old order's, and the reason it was written despite an allergy is
    asked of whoever prescribes it now; so are an antibiotic's review date and the reason for a
    late review (copied, the old stay's reason excused the new course's 72-hour review, and a
    review date already past made it overdue the moment it was written). So were a telephone
    order's answers (given by telephone, read back, countersigned): the prescriber writing it again signs it, and it awaits no
    countersignature (copied, the doctor was refused "the order is yours: answer No" over the
    night nurse's call of the stay before). The old order is left as it is: a new one is
    written, the prescriber checking each answer before saving. Refused, said why, for one decided on since the
    chart offering it was read (see `awaiting_decision`)."""
    found, _ = awaiting_decision(session, order_id)
    answers = {name: value for name, value in found.data.items() if name not in _NOT_PRESCRIBED_AGAIN}
    start = _next_due(session.db, order_of(found), session.clock())
    return {**answers, "start_at": start.isoformat(timespec="minutes"), CONTINUES: order_id}


def _next_due(db: Database, old: Order, now: datetime) -> datetime:
    """When an order prescribed again starts: now, or for one given one day in several (see
    `Order.every_days`) the old order's first dose time at or after now on its own days, on a day
    no sooner than its last dose given and `every_days` more. Started now, the weekly
    methotrexate given yesterday before the patient went home was due again today, its week
    restarted on the day it was prescribed again (NPSA/2006/13)."""
    if old.every_days == 1 or old.frequency is not Frequency.SCHEDULED:
        return now
    every = timedelta(days=old.every_days)
    first_day = max([now.date()] + [(dose.at + every).astimezone(now.tzinfo).date()
                                    for dose in administrations(db, old.patient_id)
                                    if dose.order_id == old.record_id and dose.outcome is Outcome.GIVEN])
    slots = scheduled_slots(old.model_copy(update={"stop_at": None}), first_day, first_day + every, now.tzinfo)
    return next((slot for slot in slots if slot >= now), now)


_NOT_PRESCRIBED_AGAIN = ("start_at", "stop_at", "ehr_order_id", PRESCRIBER, ALLERGY_REASON, DOSE_REASON, CONTINUES,
                         REVIEW_AT, REVIEW_REASON, telephone_orders.TELEPHONE, telephone_orders.READ_BACK,
                         telephone_orders.COUNTERSIGNED)


def awaiting_decision(session: Session, order_id: str,
                      patient_id: str | None = None) -> tuple[RecordVersion, MovementEvent]:
    """An order that ended with an earlier stay and awaits a prescriber's decision (see
    `MarRow.awaiting_decision`), with the end of that stay; `patient_id`: whose it must be. One
    decided on since (recorded not continued, prescribed again) or no longer left open is
    refused, said why: the chart offering it was read before, on this laptop or another."""
    found = current_of(session.db, [order_id]).get(order_id)
    if (found is None or found.form_id != ORDER_FORM or found.status is RecordStatus.ENTERED_IN_ERROR
            or patient_id is not None and str(found.patient_id) != patient_id):
        raise NotFound(f"no standing medication order {order_id} of this patient")
    order_form = session.form(ORDER_FORM)
    ended = ended_with_their_stay(session.db, str(found.patient_id), [found], session.clock()).get(order_id)
    if ended is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{order} is no longer an order left open by an earlier stay "
                                                         "(stopped or changed since): read the patient's chart again."),
                           order=order_label(order_of(found), order_form, session.lang))
    if again := [order_of(record) for record in _standing(session.db, ORDER_FORM, str(found.patient_id))
                 if record.data.get(CONTINUES) == order_id]:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{order} was prescribed again already: {orders}. Read the "
                                                         "patient's chart again."),
                           order=order_label(order_of(found), order_form, session.lang),
                           orders=semicolon(session.lang).join(order_reading(other, order_form, session.lang,
                                                                             at=session.clock()) for other in again))
    return found, ended

# The reason an order of an earlier stay is amended with when its prescriber does not go on with
# it (see `not_continued`), with the prescriber's own words when they give some.
NOT_CONTINUED = QT_TRANSLATE_NOOP("messages", "Reviewed on readmission: not continued")
NOT_CONTINUED_BECAUSE = QT_TRANSLATE_NOOP("messages", "Reviewed on readmission: not continued — {words}")


def not_continued(session: Session, order_id: str, words: str = "") -> RecordVersion:
    """A prescriber's decision not to go on with an order that ended with an earlier stay (see
    `MarRow.stay_ended`), recorded as any order is stopped: amended (its checks, who may write
    orders, one transaction with its audit entry), its stop set to that stay's end, with the
    reason and the prescriber's `words` if any. It then reads as an order stopped then, on the
    chart, its print and the export: left open, it stayed in the chart's red box for the whole
    stay, "prescribe again if it still stands", every nurse left to wonder whether it did. One
    decided on since is refused (see `awaiting_decision`)."""
    found, ended = awaiting_decision(session, order_id)
    reason = message(session.lang, NOT_CONTINUED_BECAUSE if words.strip() else NOT_CONTINUED, words=words.strip())
    return records.amend(session, order_id, {**found.data, "stop_at": ended.occurred_at.isoformat(timespec="minutes")},
                         reason, based_on=found.version)


def dose_words(order_form: FormSpec, dose: float, unit: str, lang: Lang) -> str:
    """A dose in the order form's words: "18 unités", "0,5 comprimé(s)" on a French ward."""
    return f"{decimal_text(dose, lang)} {format_value(order_form.field('dose_unit'), unit, lang)}"


TYPED = QT_TRANSLATE_NOOP("messages", "typed {time}")
# A dose transcribed from the paper chart (Administration.on_paper): its giver's and witness's
# signatures are on the paper.
FROM_PAPER = QT_TRANSLATE_NOOP("messages", "from paper")
FROM_PAPER_TYPED = QT_TRANSLATE_NOOP("messages", "from paper, typed {time}")


def typed_words(dose: Administration, lang: Lang, zone: tzinfo | None = None) -> str:
    """" (typed 07:00)" after a dose typed long after it was given (`Administration.typed_late`,
    on the ward's clock, `zone`), " (from paper, typed 07:00)" after one transcribed from the
    paper chart, else nothing: on the chart, on screen and on paper, a dose charted from paper
    after an outage read as one written at the bedside."""
    typed = dose.typed_late(zone)
    if dose.on_paper:
        return f" ({message(lang, FROM_PAPER_TYPED, time=typed) if typed is not None else message(lang, FROM_PAPER)})"
    return f" ({message(lang, TYPED, time=typed)})" if typed is not None else ""


def typed_late(db: Database, doses: Iterable[RecordVersion], lang: Lang) -> dict[str, str]:
    """"typed 07:00" for each of these dose records typed long after it was given (see
    `Administration.typed_late`), by record id: the records office's worklist line says it."""
    found = list(doses)
    givers = _givers(db, ((record.record_id, record.version) for record in found))
    said = {}
    for record in found:
        _, _, typed = givers.get(record.record_id, (record.author, record.device_id, record.recorded_at))
        if (late := written_apart(typed, datetime.fromisoformat(record.data["given_at"]))) is not None:
            said[record.record_id] = message(lang, TYPED, time=late)
    return said


def chart_dose_text(dose: Administration, order: Order, authors: Authors, laptops: Mapping[str, Laptop],
                    order_form: FormSpec, lang: Lang, zone: tzinfo | None = None) -> str:
    """A dose as the chart writes it (domain.medication.dose_text), with its amount when it is
    not the order's, as a nurse writes it on paper: half a dose given with its reason read
    "HL 08:05", a full dose to the next nurse; a variable dose with the reading it was decided on
    ("HL 08:05 — 2 units (capillary glucose 9.1)"), which the next nurse and the prescriber check
    it against; and when it was typed, long after (`typed_words`). `zone`: the ward's clock's, on
    which a time it reads twice says its offset (domain.medication.dose_text)."""
    text = dose_text(dose, authors, laptops, lang, zone=zone)
    if dose.dose is not None and abs(dose.dose - order.dose) > 1e-9:
        text += f" — {dose_words(order_form, dose.dose, order.dose_unit, lang)}"
    if dose.decided_on:
        text += f" ({dose.decided_on})"
    if dose.rate_ml_h is not None:
        text += f" @{decimal_text(dose.rate_ml_h, lang)}\u00a0mL/h"
    if dose.site:
        text += f" — {dose.site}"
    return text + typed_words(dose, lang, zone)


def chart_doses(rows: Iterable[MarRow]) -> Iterator[Administration]:
    """The doses these chart rows print, recorded or on hold: the laptops they were written on
    (`chart_devices`), and whether one is marked given covertly, which the printed key then
    explains (the key followed the orders as they read now, and a dose given covertly of an order
    made open since printed "10:05 C" unexplained)."""
    for row in rows:
        yield from row.prn_doses
        for cell in row.cells:
            yield from (*cell.recorded, *(held.dose for held in cell.held))
        yield from (held.dose for held in row.held)


def chart_devices(rows: Iterable[MarRow]) -> set[str]:
    """The laptops the orders and doses of these chart rows were written on, by device id."""
    return {device_id for row in rows
            for device_id in (row.written_by[1], *(dose.device_id for dose in chart_doses([row])))}


def prescriber_words(row: MarRow, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang) -> str:
    """Who prescribed the order, as the paper chart's "prescriber's printed name" gives them, for
    the nurse to know whom to call: the prescriber it names (a paper or telephone order typed
    in), else who wrote it, as the FHIR export's requester."""
    return row.order.prescriber or authors.of(lang, *row.written_by, laptops)


def chart_laptops(session: Session, rows: Iterable[MarRow]) -> dict[str, Laptop]:
    """The laptops the doses of these chart rows were written on, to name their givers and
    witnesses by (see domain.laptops.Authors.initials)."""
    return laptops_known(session, chart_devices(rows))


OVERRIDDEN = "⚠"
"""Marks a dose recorded over a warning, on the screen's chart and the printed one."""


def overrides_text(dose_form: FormSpec, dose: Administration, lang: Lang) -> str:
    """Each warning a dose was recorded over with its reason, in the dose form's words ("Allergy:
    reviewed with the prescriber", "Allergie : …" on a French ward), where the chart marks the dose: the reasons were kept in
    the dose's record alone, and the pharmacist could not see which doses were given over one."""
    group = dose_form.field("overrides")
    check = next(part for part in getattr(group, "fields", []) if part.id == "check")
    return semicolon(lang).join(labelled(format_value(check, code, lang), reason, lang) for code, reason in dose.overrides)


# An order's kind and warnings in the words of the paper chart, which the chart on screen uses
# too: it said "PRN [CD]" on a French ward, where the paper says "si besoin" and "STUPÉFIANT —
# témoin".
ORDER_WORDS: dict[str, dict[Lang, str]] = {
    "as_required": {"en": "as required", "fr": "si besoin"},
    "controlled": {"en": "CONTROLLED DRUG — witness", "fr": "STUPÉFIANT — témoin"},
    "high_alert": {"en": "HIGH-ALERT", "fr": "HAUT RISQUE"},
    "time_critical": {"en": "TIME-CRITICAL — within 30 min", "fr": "HORAIRE CRITIQUE — à 30 min près"},
    "variable": {"en": "VARIABLE DOSE — by its rule", "fr": "DOSE VARIABLE — selon sa règle"},
    "telephone": {"en": "TELEPHONE ORDER — to countersign", "fr": "PRESCRIPTION TÉLÉPHONIQUE — à contresigner"},
    "rule": {"en": "Variable dose: {rule}", "fr": "Dose variable : {rule}"},
    "weekly": {"en": "weekly", "fr": "une fois par semaine"},
    "every_weeks": {"en": "every {count} weeks", "fr": "toutes les {count} semaines"},
    "every_days": {"en": "every {count} days", "fr": "tous les {count} jours"},
}


def every_days_words(order: Order, lang: Lang) -> str | None:
    """How often a regular order given one day in several falls, in the chart's words ("weekly",
    "every 3 days"); None for a daily one, which says nothing more than it always did."""
    days = order.every_days
    if order.frequency is not Frequency.SCHEDULED or days == 1:
        return None
    if days == 7:
        return ORDER_WORDS["weekly"][lang]
    if days % 7 == 0:
        return ORDER_WORDS["every_weeks"][lang].format(count=days // 7)
    return ORDER_WORDS["every_days"][lang].format(count=days)


def order_flags(order: Order, lang: Lang, at: datetime, *, letter: bool = False) -> list[str]:
    """The warnings an order carries at `at` (a controlled drug's witness, a high-alert medicine, a
    time-critical one, a telephone order no doctor has countersigned yet), in the chart's words
    (`ORDER_WORDS`); a covert one's how, and its review once due (domain.covert.flag), on a
    `letter` with who decided it and when."""
    flags = [ORDER_WORDS[flag][lang] for flag, carried in (("controlled", order.controlled),
                                                            ("high_alert", order.high_alert),
                                                            ("time_critical", order.time_critical),
                                                            ("variable", order.dose_rule is not None),
                                                            ("telephone", order.awaiting_since is not None)) if carried]
    return flags + ([said] if (said := covert.flag(order, at, lang, letter=letter)) else [])


def rule_words(order: Order, lang: Lang) -> str | None:
    """A variable dose's rule as charts and the dose dialog give it ("Variable dose: …")."""
    return ORDER_WORDS["rule"][lang].format(rule=order.dose_rule) if order.dose_rule is not None else None


def order_label(order: Order, order_form: FormSpec, lang: Lang) -> str:
    """An order as charts and dialogs head it: "Insuline glargine 18 unités SC" on a French ward; an
    infusion with its rate ("Sodium chloride 0.9% 1000 mL IV at 125 mL/h"); a variable dose with
    the most one dose may be ("Insulin aspart up to 8 units SC")."""
    return " ".join(order_parts(order, order_form, lang))


SAID_FORMS = frozenset({"patch", "inhaler", "liquid"})
"""The order form's forms its words say ("Rivastigmine 9.5 mg patch TD"): what the nurse looks for,
and a patch to take off; a tablet or an injection goes without saying."""


def order_parts(order: Order, order_form: FormSpec, lang: Lang) -> tuple[str, str]:
    """An order's label in two: the medicine and its dose ("Morphine 5 mg"), then how it is
    given ("SC", "IV at 125 mL/h", "PO weekly", "patch TD every 3 days", "EYE (left)"), for a
    narrow column that sets the second smaller under the first. A patch, inhaler or liquid says
    so (`SAID_FORMS`), unless its name does: a patch read as a cream "Rivastigmine 9.5 mg TOP"."""
    given = order.route
    if order.side is not None:
        given = message(lang, QT_TRANSLATE_NOOP("messages", "{route} ({side})"), route=given,
                        side=format_value(order_form.field(SIDE), order.side, lang).lower())
    if order.form in SAID_FORMS:
        form = format_value(order_form.field("form"), order.form, lang).lower()
        given = given if form in order.drug.lower() else f"{form} {given}"
    if order.rate_ml_h is not None:
        given = message(lang, QT_TRANSLATE_NOOP("messages", "{order} at {rate} mL/h"), order=given,
                        rate=decimal_text(order.rate_ml_h, lang))
    if period := every_days_words(order, lang):
        given = f"{given} {period}"
    dose = order_dose(order, order_form, lang)
    return (order.drug if _said_by_name(order, order_form, dose) else f"{order.drug} {dose}"), given


def _said_by_name(order: Order, order_form: FormSpec, dose: str) -> bool:
    """Whether the drug's name already says its dose (`dose`, in the reader's language), as a bag's
    or a syringe's name says its volume ("Sodium chloride 0.9% 500 mL" of 500 mL, "Heparin 25,000
    units in 50 mL" of 50 mL), its spacing, case and decimal mark aside ("500ml", "0,4 mL" of 0.4
    mL): the label read "… 500 mL 500 mL IV" on every alert of the bag. Read in English too, as
    names are written, and a volume by its litres ("Hartmann's 1 L" of 1000 mL): "Insulin 50 units
    in 50 mL" of 50 units read "… 50 unités" in French alone. Not a number within another ("1500
    mL" of 500), nor a strength's ("250 mg/5 mL" of 5 mL, "100 units/mL" of 100 units), whose dose
    is still said. A unit in its plural is the same unit ("Levothyroxine 25 micrograms" of 25
    microgram, "25 microgrammes")."""
    said = {dose, order_dose(order, order_form, "en")}
    if order.dose_unit == ML and order.dose_min is None and order.dose_rule is None:
        said.add(f"{decimal_text(order.dose / 1000, 'en')} L")
    return any(re.search(rf"(?<![\w.,/]){_loosely(text)}s?(?![\w/])", order.drug, re.IGNORECASE) is not None
               for text in said)


def _loosely(text: str) -> str:
    """`text` as a pattern its spacing and decimal mark aside ("500ml", "0,4 mL")."""
    return "".join(r"[.,]" if char in ".," else r"\s*" if char.isspace() else re.escape(char) for char in text.strip())


def order_dose(order: Order, order_form: FormSpec, lang: Lang) -> str:
    """An order's dose as charts say it, a variable dose's as the most it may be ("up to 10
    units"): the round's Dose column read "10 units" for insulin by its scale; an as-required
    range's as its two ends ("1–2 tablet(s)"); a liquid's of a stated strength with the mg of a
    volume ("2.5 mL (60 mg)") or the volume of a weight ("500 mg = 5 mL"), which the nurse draws up
    and the pharmacist checks: a tenfold slip in mL is the liquid's classic error."""
    dose = dose_words(order_form, order.dose, order.dose_unit, lang)
    if order.dose_min is not None:
        dose = f"{decimal_text(order.dose_min, lang)}–{dose}"
    if (per_ml := order.mg_per_ml) is not None and order.dose_unit == ML:
        dose += f" ({_ends(order, per_ml, 3, lang)} mg)"
    elif per_ml is not None and order.dose_unit in MASS_IN_MG:
        dose += f" = {_ends(order, MASS_IN_MG[order.dose_unit] / per_ml, 2, lang)} mL"
    return message(lang, QT_TRANSLATE_NOOP("messages", "up to {dose}"), dose=dose) if order.dose_rule is not None else dose


def _ends(order: Order, each: float, places: int, lang: Lang) -> str:
    """An order's dose, or its range's two ends, as so much of another unit (`each` of it a unit
    of the dose's), rounded to `places`."""
    ends = (order.dose,) if order.dose_min is None else (order.dose_min, order.dose)
    return "–".join(decimal_text(round(end * each, places), lang, places) for end in ends)


def next_due_day(order: Order, at: datetime, last_given: datetime | None = None) -> date | None:
    """The first day from `at`'s (on the ward's clock) a regular order given one day in several
    falls on, while it runs, after the day of its `last_given` dose; None for a daily one, or one
    stopped by then. A depot every 12 weeks is on no chart's seven days: "every 12 weeks" said
    nothing of when, and a letter written the morning it was given read it due that day."""
    if order.frequency is not Frequency.SCHEDULED or order.every_days == 1 or \
            order.stop_at is not None and elapsed.reached(order.stop_at, at):
        return None
    first, today = order.start_at.astimezone(at.tzinfo).date(), at.date()
    if last_given is not None:
        today = max(today, last_given.astimezone(at.tzinfo).date() + timedelta(days=1))
    return first + timedelta(days=max(0, -(-(today - first).days // order.every_days)) * order.every_days)


# How an order left open when its stay ended reads, by the movement that ended the stay.
_STOPPED_WITH_THE_STAY = {
    Movement.DISCHARGE: QT_TRANSLATE_NOOP("messages", "{order}, stopped {stop} at the patient's discharge"),
    Movement.DEATH: QT_TRANSLATE_NOOP("messages", "{order}, stopped {stop} at the patient's death"),
    Movement.TRANSFER_OUT: QT_TRANSLATE_NOOP("messages", "{order}, stopped {stop} at the patient's transfer to another "
                                                         "hospital")}


def order_reading(order: Order, order_form: FormSpec, lang: Lang, ended: MovementEvent | None = None,
                  at: datetime | None = None, last_given: datetime | None = None) -> str:
    """An order as a nurse reads it on a record pointing to it (a dose's "Order"): medicine, dose,
    route and when ("Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00"). `ended`:
    the end of the stay it was left open at (see `stay_end`), when it stopped: such an order read
    as one running in the patient's list of records. `at`: when it is read (the screen's clock,
    the chart's printing): its stop reached by then reads "stopped", as the chart's course says
    it (`elapsed.reached`): "until 29/11 15:00" read at 16:00 said a finished course ran on; a
    regular order given one day in several says the day it is next due after its `last_given`
    dose (`next_due_day`)."""
    start = f"{order.start_at.astimezone():%d/%m/%Y %H:%M}"
    said = order_label(order, order_form, lang)
    if order.frequency is Frequency.ONCE:
        said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, once, at {start}"), order=said, start=start)
    elif order.frequency is Frequency.SCHEDULED:
        said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, at {times}, from {start}"), order=said,
                       times=" ".join(f"{clock:%H:%M}" for clock in order.times), start=start)
        if at is not None and (due := next_due_day(order, at, last_given)) is not None:
            said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, next due {day}"), order=said,
                           day=f"{due:%d/%m/%Y}")
    else:
        said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, as required ({why})"), order=said,
                       why=order.prn_indication or "—")
        if order.min_interval_hours is not None:
            said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, at least {hours} h apart"), order=said,
                           hours=decimal_text(order.min_interval_hours, lang))
        if order.max_doses_24h is not None:
            said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, at most {count} in 24 h"), order=said,
                           count=order.max_doses_24h)
        said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, from {start}"), order=said, start=start)
    if ended is not None:
        said = message(lang, _STOPPED_WITH_THE_STAY[ended.movement], order=said,
                       stop=f"{ended.occurred_at.astimezone():%d/%m/%Y %H:%M}")
    elif order.stop_at is not None:
        # "until" while ahead: a course planned to end on Thursday read as stopped already.
        said = message(lang, QT_TRANSLATE_NOOP("messages", "{order}, stopped {stop}")
                       if at is not None and elapsed.reached(order.stop_at, at)
                       else QT_TRANSLATE_NOOP("messages", "{order}, until {stop}"), order=said,
                       stop=f"{order.stop_at.astimezone():%d/%m/%Y %H:%M}")
    return said


def chart_labels(session: Session, found: Iterable[RecordVersion]) -> dict[str, str]:
    """The orders among `found` as the chart heads them (see `order_label`), by id: a list of
    records names a dose's order so, its own answers after it (every answer of the order, first,
    ran them off the screen)."""
    order_form = session.form(ORDER_FORM)
    return {record.record_id: order_label(order_of(record), order_form, session.lang)
            for record in found if record.form_id == ORDER_FORM}


def reference_texts(session: Session, spec: FormSpec, data: dict[str, Any]) -> dict[str, str]:
    """How each record `data` points to reads, by its id: an order as a nurse reads it (see
    `order_reading`; one withdrawn said so, one left open by its stay stopped then: the order an
    order prescribes again read as running), any other record by its label
    (records.record_label). A record this laptop does not hold is left out: it reads as its id,
    all there is to trace it."""
    found = current_of(session.db, {str(data[field.id]) for field in spec.fields()
                                  if isinstance(field, RecordRefField) and data.get(field.id)})
    texts = {}
    for record_id, target in found.items():
        if target.form_id != ORDER_FORM:
            texts[record_id] = records.record_label(session, target)
            continue
        ended = ended_with_their_stay(session.db, str(target.patient_id), [target], session.clock()).get(record_id)
        texts[record_id] = order_reading(order_of(target), session.form(ORDER_FORM), session.lang, ended,
                                         at=session.clock())
        if target.status is RecordStatus.ENTERED_IN_ERROR:
            texts[record_id] += " " + message(session.lang, QT_TRANSLATE_NOOP("messages", "(entered in error)"))
    return texts


@dataclass(frozen=True)
class HeldDose:
    """A dose another laptop recorded otherwise (see records.on_hold), as this laptop reads it.
    Each chart shows its own laptop's version alone: given here while the other withdrew it (the
    next dose may be missed), or `withdrawn` here, its time then empty, due again on the round,
    while the other says it was given (a second dose). Wherever the dose is shown, the nurse is
    told to check it first."""

    dose: Administration
    withdrawn: bool
    """Nothing of it stands here: withdrawn here, or never here (`here`)."""
    here: bool = True
    """False: this laptop holds no version of it, only others' on hold (a merge held it from its
    version 1, and was imported here): read from its latest version another laptop says stands,
    its cell empty here as one withdrawn here is (it was left off the chart)."""


def doses_on_hold(db: Database, patient_ids: Collection[str]) -> dict[str, list[HeldDose]]:
    """The doses of these patients on hold, by order, withdrawn ones included: few records are
    ever on hold, so the view of them is read first."""
    held = [record_id for (record_id,) in db.execute("SELECT record_id FROM records_on_hold")]
    wanted = set(patient_ids)
    found: dict[str, list[HeldDose]] = defaultdict(list)
    elsewhere: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for part in chunks(held):
        rows = [row for row in db.execute(
            f"SELECT patient_id, record_id, author, device_id, data, status, version, recorded_at FROM current_records"
            f" WHERE form_id = ? AND record_id IN ({marks(part)})", [DOSE_FORM, *part]) if row[0] in wanted]
        givers = _givers(db, ((row[1], row[6]) for row in rows))
        for _, record_id, author, device_id, data, status, _, typed in rows:
            dose = _administration(record_id, *givers.get(record_id, (author, device_id, datetime.fromisoformat(typed))),
                                   json.loads(data))
            found[dose.order_id].append(HeldDose(dose, status == RecordStatus.ENTERED_IN_ERROR.value))
        for row in db.execute(
                f"SELECT record_id, patient_id, author, data, status, version, recorded_at, device_id FROM unsettled_versions"
                f" WHERE form_id = ? AND record_id IN ({marks(part)})"
                " AND record_id NOT IN (SELECT record_id FROM records)", [DOSE_FORM, *part]):
            if row[1] in wanted:
                elsewhere[row[0]].append(row)
    for record_id, versions in elsewhere.items():
        _, _, author, data, _, _, _, device_id = max(versions, key=lambda row: (
            row[4] != RecordStatus.ENTERED_IN_ERROR.value, row[5], datetime.fromisoformat(row[6])))
        first = next((row for row in versions if row[5] == 1), None)  # its giver, when the hold carries it
        author, device_id, typed = (first[2], first[7], datetime.fromisoformat(first[6])) if first else (
            author, device_id, None)
        dose = _administration(record_id, author, device_id, typed, json.loads(data))
        found[dose.order_id].append(HeldDose(dose, True, here=False))
    return found


def held_at(held: Collection[HeldDose], slot: datetime | None, tz: tzinfo | None,
            day: date | None = None) -> list[HeldDose]:
    """Those of an order's held doses recorded for this time, or, as required (`slot` None),
    given on `day` by the ward's clock (`tz`)."""
    if slot is not None:
        return [found for found in held if same_dose_time(found.dose.scheduled_for, slot)]
    return [found for found in held if found.dose.scheduled_for is None and found.dose.at.astimezone(tz).date() == day]


def held_for_dose(db: Database, order: Order, slot: datetime | None, now: datetime) -> list[HeldDose]:
    """The doses on hold a nurse recording this one must know of: those recorded for its time,
    or, as required, those given in the last 24 hours (its interval and daily maximum count them),
    real ones: counted back on the ward's clock the morning after the clocks went forward, a
    dose on hold given 23 h 30 min before was left unsaid."""
    held = doses_on_hold(db, [order.patient_id])[order.record_id]
    if slot is not None:
        return held_at(held, slot, now.tzinfo)
    return [found for found in held if found.dose.scheduled_for is None and elapsed.earlier(now, DAY) <= found.dose.at]


def also_ordered_for(db: Database, order: Order, slot: datetime | None, now: datetime) -> list[Order]:
    """The patient's other orders of this medicine running at this dose's time (its slot, else
    now), as the round and the chart flag them (see `also_ordered`): the dose dialog said nothing
    of it until Save, and then only once the other order's dose was given."""
    return ordered_beside(order, slot or now, orders(db, order.patient_id, now))


@dataclass(frozen=True)
class RoundItem:
    """`missed`: overdue for longer than the round's window of doses to give now (`ROUND_WINDOW`):
    by then the next dose of most regimens has fallen due, so it is not simply given late but
    recorded (given, or not given with its reason) and, for a dose that matters, taken to the
    prescriber. Listed after the others, and never dropped while nothing is recorded for it.
    `held`: the doses on hold recorded for this time, withdrawn here or never here, that another
    laptop recorded otherwise (see HeldDose): it may have been given."""

    patient: PatientSummary
    order: Order
    slot: datetime
    state: DoseState
    missed: bool = False
    held: tuple[HeldDose, ...] = ()
    also_ordered: tuple[Order, ...] = ()
    """The patient's other orders of the medicine running at this dose's time (see `also_ordered`)."""
    on_paper: Silence | None = None
    """The silence of this laptop the dose fell due in, its state CHECK_PAPER (see `with_paper_gap`)."""
    levels: tuple[Warning, ...] = ()
    """What a dose given now waits on: its levels, awaited or back above their range, and an AKI
    that asks a doctor to review it (see `holds_now`)."""
    ahead: tuple[Warning, ...] = ()
    """The medicine's doses recorded given later than now, by a clock that was ahead (see `recorded_ahead`)."""
    fasting: tuple[Warning, ...] = ()
    """The dose recorded nil by mouth before it fell due, said while it is due or late (see `round_list`)."""


FASTED_AHEAD = QT_TRANSLATE_NOOP("messages", "Recorded nil by mouth at {time}, before its time: if the patient may "
                                             "now eat and drink (the operation cancelled), give it.")


# Doses that may be on paper first: they are entered before anything is given.
_URGENCY = {DoseState.CHECK_PAPER: 0, DoseState.OVERDUE: 1, DoseState.LATE: 2, DoseState.DUE: 3, DoseState.UPCOMING: 4}

ROUND_WINDOW = timedelta(hours=12)


def window_hours() -> str:
    """The round's window in hours ("12"), as the lists say a dose missed past it ("MISSED, over
    12 h"): the handover's doses overdue (services.chart_alerts) and the time-critical line's
    count of them (`EARLIER_MISSED`)."""
    return f"{ROUND_WINDOW.total_seconds() / 3600:g}"


def round_list(db: Database, forms: dict[str, FormSpec], ward: str, now: datetime,
               window: timedelta = ROUND_WINDOW, ahead: timedelta = timedelta(hours=2)) -> list[RoundItem]:
    """Scheduled doses of the ward not yet recorded, judged by the ward's late/overdue
    thresholds: those of the last 12 hours (`window`) and the next 2, overdue first, then those
    missed earlier in the patient's stay (a missed dose left the round after 12 hours, unsaid,
    while the chart still read OVERDUE); none from before the stay (a patient readmitted at noon
    had the 08:00 dose of a time they were at home listed OVERDUE beside the one due now). The ward's orders are read at once, and of their doses
    only the times they were recorded for: the list is read again after every dose given, and a
    month's stay holds hundreds. Each patient comes with their namesakes' beds on the ward
    (census.name_alerts): the round, where doses are given, said nothing of Mr Martin in bed 31
    beside Mr Martin's dose in bed 12. The 12 hours are real ones (see `elapsed`): counted on the
    ward's clock the day the clocks go forward, 11 hours on, the 23:30 dose was missed at noon.
    A dose recorded nil by mouth alone, before it fell due (fasting for theatre), stays while due
    or late, said so (`FASTED_AHEAD`): the operation cancelled, the levetiracetam recorded "nil by
    mouth" at 09:30 was off the round at 14:00 though the patient could have had it."""
    policy = settings.round_policy(db)
    first, last = elapsed.earlier(now, window), elapsed.later(now, ahead)
    ward_patients = census.in_patients(db, forms, ward=ward, at=now)
    namesakes = census.name_alerts(ward_patients)
    patients = [replace(patient, namesakes=namesakes.get(patient.patient_id, ())) for patient in ward_patients]
    ids = [patient.patient_id for patient in patients]
    admitted = {pid: location.admitted_at for pid, location in census.locations(db, at=now, patient_ids=ids).items()}
    since = min([first, *admitted.values()])
    recorded = _recorded_times(db, ids, since.date(), policy.due_before)
    ordered: dict[str, list[_Scheduled]] = defaultdict(list)
    every = _orders_with_slots(db, ids, since.date(), last.date(), now.tzinfo, census.movement_events(db, ids), now)
    for scheduled in every:
        ordered[scheduled.order.patient_id].append(scheduled)
    held = doses_on_hold(db, ids)
    reviewed = {scheduled.order.patient_id for scheduled in every if aki.reviewed(scheduled.order)}
    levels = holds_now(db, [scheduled.order for scheduled in every], now, kidney_injury_by_urine(
        db, forms, [patient for patient in patients if patient.patient_id in reviewed], now) if reviewed else None)
    ahead = _given_ahead(db, ids, now)
    items = []
    for patient in patients:
        stay_start = admitted.get(patient.patient_id, first)
        theirs = [scheduled.order for scheduled in ordered[patient.patient_id]]
        for scheduled in ordered[patient.patient_id]:
            found = scheduled.order
            placed = charted_slots(scheduled.slots, [slot for slot, _ in recorded[found.record_id]])
            fasted = {placed[slot]: at for slot, at in recorded[found.record_id] if at is not None}
            taken = {placed[slot] for slot, at in recorded[found.record_id] if at is None}
            for slot in scheduled.slots:
                missed = slot < first
                state = dose_state(slot, now, None, policy_for(found, policy))
                fasting = () if slot not in fasted else (Warning(
                    Check.NOT_GIVEN_AHEAD, FASTED_AHEAD, {"time": ward_time(fasted[slot], now.tzinfo, "%H:%M")}),)
                if (stay_start <= slot <= last and slot not in taken
                        and (slot not in fasted or state in (DoseState.DUE, DoseState.LATE))
                        and not _stopped(found, now, slot) and not scheduled.in_ehr(slot)):
                    items.append(RoundItem(patient, found, slot, state, missed,
                                           tuple(held_at(held[found.record_id], slot, now.tzinfo)),
                                           tuple(ordered_beside(found, slot, theirs)),
                                           levels=levels.get(found.record_id, ()),
                                           ahead=tuple(recorded_ahead(ahead.get(found.patient_id, ()), found,
                                                                      same_medicine(found, theirs), now)),
                                           fasting=fasting))
    items = with_paper_gap(db, now, [(item.order, item) for item in items], _typed_late(every, now.tzinfo))
    return sorted(items, key=lambda i: (i.missed, _URGENCY[i.state], i.slot, census.bed_order(i.patient.bed)))


def holds_now(db: Database, found: Iterable[Order], now: datetime,
              by_urine: Mapping[str, UrineOutput] | None = None) -> dict[str, tuple[Warning, ...]]:
    """What each order's dose given now waits on, by order: its levels (`level_warnings`), and an
    acute kidney injury the patient's creatinine shows now when the order is one it asks a doctor
    to review (`kidney_injury`'s words): the round read the evening's gentamicin DUE like any other
    dose on a creatinine tripled that morning, and the printed MAR, which the ward gives from when
    the laptop is elsewhere, said nothing of it; the prescriber's reason instead when they gave it
    knowing the AKI (`KIDNEY_INJURY_PRESCRIBED`, which `holding` leaves out). With no AKI, metformin
    below an eGFR of 30 (`_metformin_egfr`), as the dose dialog asks it: the round read the 14:00
    Glucophage DUE at an eGFR of 22, and the printed MAR said nothing of it. The samples, doses
    and results are read only for the patients with such an order. With no AKI by the creatinine, one
    the urine output shows (`by_urine`: `kidney_injury_by_urine` of the patients, read by the callers
    that know their weights), as the dose dialog asks it: six hours of 10 mL left the evening's
    gentamicin DUE on the round. A vitamin K antagonist's INR likewise
    (anticoagulation.inr_now), a high potassium a medicine that raises it (potassium.potassium_now),
    and a high lithium level lithium (lithium.lithium_now).
    Public: the letters handing the patient on say each hold too (services.prefill)."""
    from downtime.services import anticoagulation  # which reads the orders and doses through this module
    from downtime.services import lithium, potassium  # which read the orders and doses through this module

    found = list(found)
    levelled_orders = {one.record_id: one for one in found if levelled(one.drug, one.route)}
    reviewed_orders = {one.record_id: one for one in found if aki.reviewed(one)}
    patient_ids = {one.patient_id for one in levelled_orders.values()}
    kidney_ids = {one.patient_id for one in reviewed_orders.values()}
    results = lab_results.charts(db, patient_ids | kidney_ids) if patient_ids | kidney_ids else {}
    sent = lab_results.samples_of(db, patient_ids) if patient_ids else {}
    given = {patient_id: administrations(db, patient_id) for patient_id in patient_ids}
    theirs = orders_of_each(db, patient_ids, now) if patient_ids else {}
    signs = {patient_id: sign for patient_id in kidney_ids
             if (sign := lab_results.aki_shown(results.get(patient_id, []), now)) is not None}
    held: dict[str, list[Warning]] = defaultdict(list)
    for order_id, one in levelled_orders.items():
        held[order_id] += level_warnings(one, sent.get(one.patient_id, []), given[one.patient_id], now,
                                         results.get(one.patient_id, []), theirs[one.patient_id])
    shown = {**{patient_id: (_by_urine(output), output.since) for patient_id, output in (by_urine or {}).items()},
             **{patient_id: (_by_creatinine(sign), sign.received or now) for patient_id, sign in signs.items()}}
    injured = [order_id for order_id, one in reviewed_orders.items() if one.patient_id in shown]
    versions = histories(db, injured) if injured else {}
    for order_id in injured:
        one = reviewed_orders[order_id]
        why, known = shown[one.patient_id]
        said = _kidney_injury_values(one, why)
        reason = _prescribed_knowing(versions.get(order_id, []), known)
        held[order_id].append(Warning(Check.KIDNEY_INJURY, _KIDNEY_INJURY, said) if reason is None else
                              Warning(Check.KIDNEY_INJURY, KIDNEY_INJURY_PRESCRIBED, {**said, "reason": reason}))
    for order_id, one in reviewed_orders.items():
        if one.patient_id not in shown:
            held[order_id] += _metformin_egfr(one, results.get(one.patient_id, []), now)
    for waits in (anticoagulation.inr_now(db, found, now), potassium.potassium_now(db, found, now),
                  lithium.lithium_now(db, found, now)):
        for order_id, warnings in waits.items():
            held[order_id] += warnings
    return {order_id: tuple(warnings) for order_id, warnings in held.items() if warnings}


def _given_ahead(db: Database, patient_ids: Collection[str], now: datetime) -> dict[str, list[Administration]]:
    """The doses recorded given later than `now` (see `recorded_ahead`), by patient: none but after
    a clock put right, so the round reads them in one query."""
    limit = (now + clock_check.TOLERANCE).isoformat()
    found: dict[str, list[Administration]] = defaultdict(list)
    for part in chunks(patient_ids):
        for row in db.execute(
                f"SELECT {', '.join(RECORD_COLUMNS)} FROM current_records WHERE form_id = ?"
                f" AND patient_id IN ({marks(part)}) AND status != ?"
                " AND julianday(json_extract(data, '$.given_at')) > julianday(?)",
                [DOSE_FORM, *part, RecordStatus.ENTERED_IN_ERROR.value, limit]):
            dose = as_version(dict(zip(RECORD_COLUMNS, row)))
            found[str(dose.patient_id)].append(administration_of(dose))
    return found


def _recorded_times(db: Database, patient_ids: Collection[str], first_day: date,
                    due_before: timedelta) -> dict[str, list[tuple[datetime, datetime | None]]]:
    """The times standing doses were recorded for from `first_day` on (two days earlier by the
    clock it was written in, as `_doses_near`), by order, each with when it was recorded nil by
    mouth if it was so before it fell due (`before_due`; see `round_list`): a few fields of each,
    not whole records, since the round reads a stay's worth after every dose."""
    low = (first_day - timedelta(days=2)).isoformat()
    found: dict[str, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    for part in chunks(patient_ids):
        for order_id, at, reason, recorded_at in db.execute(
                f"SELECT json_extract(data, '$.order'), json_extract(data, '$.scheduled_for'),"
                f" json_extract(data, '$.not_given_reason'), json_extract(data, '$.given_at') FROM current_records"
                f" WHERE form_id = ? AND patient_id IN ({marks(part)}) AND status != ?"
                " AND json_extract(data, '$.scheduled_for') >= ?",
                [DOSE_FORM, *part, RecordStatus.ENTERED_IN_ERROR.value, low]):
            slot, recorded = datetime.fromisoformat(at), datetime.fromisoformat(recorded_at)
            fasted = reason == NotGivenReason.NIL_BY_MOUTH and before_due(recorded, slot, due_before)
            found[order_id].append((slot, recorded if fasted else None))
    return found


@dataclass(frozen=True)
class MarCell:
    """`administration` decides the cell's state (a dose given outweighs a "not given": the
    patient had it); `others` are the rest recorded for the same time, shown beside it, since a
    second dose given for one time may be a double dose."""

    slot: datetime
    state: DoseState
    administration: Administration | None
    others: tuple[Administration, ...] = ()
    held: tuple[HeldDose, ...] = ()
    """The doses recorded for this time that are on hold, withdrawn here or not."""
    on_paper: Silence | None = None
    """As RoundItem's."""

    @property
    def recorded(self) -> tuple[Administration, ...]:
        return (self.administration, *self.others) if self.administration is not None else ()

    @property
    def as_happened(self) -> tuple[Administration, ...]:
        """`recorded` as a cell lists them, in the order they were given or not, the one deciding the
        state not first: refused at 10:05 and taken at 10:45 read "HL 10:45; (R) HL", as though the
        patient refused after taking it."""
        return tuple(sorted(self.recorded, key=lambda dose: elapsed.instant(dose.at)))

    @property
    def clock(self) -> str:
        """The time row of the chart the cell is on."""
        return clock_text(self.slot)


Item = TypeVar("Item", RoundItem, MarCell)


def with_paper_gap(db: Database, now: datetime, found: list[tuple[Order, Item]],
                   typed_late: Mapping[str, Silence]) -> list[Item]:
    """The round's doses or the chart's cells, each with its order, those with nothing recorded
    that fell due while this laptop wrote nothing, or before their order was typed in
    (`typed_late`, see `_Scheduled.typed_late`), or while the patient was on a ward charted on
    another laptop (paper_gap.away: due, not yet late, it may have been given there early),
    marked CHECK_PAPER, each with its stretch (see services.paper_gap)."""
    away = paper_gap.away(db, {found_order.patient_id for found_order, _ in found}, now)
    silences = paper_gap.doses_on_paper(
        db, now, ((found_order.record_id, item.slot) for found_order, item in found
                  if item.state in (DoseState.LATE, DoseState.OVERDUE)
                  or item.state is DoseState.DUE and found_order.patient_id in away), typed_late,
        {found_order.record_id: away[found_order.patient_id] for found_order, _ in found if found_order.patient_id in away})
    return [replace(item, state=DoseState.CHECK_PAPER, on_paper=silences[found_order.record_id, item.slot])
            if (found_order.record_id, item.slot) in silences else item for found_order, item in found]


@dataclass(frozen=True)
class MarRow:
    """`held`: the order's doses on hold over the days shown (see HeldDose), each also in its
    cell for a regular order."""

    order: Order
    cells: tuple[MarCell, ...]
    prn_doses: tuple[Administration, ...]
    written_by: tuple[str, str]
    """Who wrote the order's version 1, and on which laptop (staff ID, device id): its prescriber
    unless it names another (`prescriber_words`)."""
    held: tuple[HeldDose, ...] = ()
    stay_ended: datetime | None = None
    """When the stay the order was written in ended, the patient back in hospital since: inpatient
    orders end with the stay (see `orders`), so it is not due, but shown apart for a prescriber
    to prescribe again if it still stands (see `prescribed_again`); a medicine still meant is
    not missed."""
    also_ordered: tuple[Order, ...] = ()
    """The patient's other orders of the medicine running now beside this one, itself running
    (see `also_ordered`): a chart is read now, whatever days it shows."""
    ordered_again: tuple[Order, ...] = ()
    """For an order of an earlier stay, the patient's standing orders that prescribe it again (their
    `CONTINUES`, see `prescribed_again`), running or stopped since: it was prescribed again,
    which the chart says in place of asking for it (a doctor who had prescribed it again was
    still told to, and offered the button). Read once from any order of its medicine running
    now, the old order came back to be decided on when the new one's course finished, and one
    written for another reason decided it unsaid."""
    off_the_days: bool = False
    """The order belongs to none of the days shown (see `_off_the_days`): a chart rewritten on
    paper leaves it off, and on day 31 the 3-day chart was 13 lines of orders stopped weeks
    before around 3 running ones, printed on 4 pages."""
    levels: tuple[Warning, ...] = ()
    """What its next dose waits on as the chart is read: its levels, awaited or back above their
    range, and an AKI that asks a doctor to review it (see `holds_now`): the paper chart's
    gentamicin box has its "level taken / result" lines."""
    stop_reason: str | None = None
    """Why its stop was written (`why_stopped`), printed and shown after it: the paper chart's
    ceased box carries it."""

    @property
    def awaiting_decision(self) -> bool:
        """Whether it is an order of an earlier stay no prescriber has decided on yet (neither
        prescribed again nor recorded not continued): the chart's red box lists these alone. One
        prescribed again stayed there, "ordered again", for the whole stay, beside those still
        waiting; the new order is on the chart, and the old one's line, if the days shown hold
        its doses, names it."""
        return self.stay_ended is not None and not self.ordered_again

    @property
    def on_the_grid(self) -> bool:
        """Whether the chart's grid has a line for it: not one of an order off the days shown
        (`off_the_days`); an order of an earlier stay only over the days shown that it ran in
        (its doses of then stay where they were recorded), and else shown apart alone: empty
        lines of a medicine read as one given now."""
        return not self.off_the_days and (self.stay_ended is None or bool(self.cells or self.prn_doses or self.held))

    @cached_property
    def _by_time(self) -> dict[tuple[date, str], MarCell]:
        return {(cell.slot.date(), cell.clock): cell for cell in reversed(self.cells)}

    def cell_at(self, day: date, clock: str) -> MarCell | None:
        """The chart's cell of this day in this time row (the first of the order's cells there)."""
        return self._by_time.get((day, clock))

    def outside_course(self, day: date, clock: str) -> bool:
        """Whether this day's cell of a time row is one no dose of the order falls in, nor was
        recorded for: before the order's start (its first day's times before it too), after its
        stop or the end of its stay, a once-only order's other days, a time it no longer has since
        its times changed. The printed chart hatches it and the screen's shades it, one rule for
        both: left blank, on paper it read as a dose not given, and a nurse could sign in it."""
        return self.order.frequency is not Frequency.PRN and self.cell_at(day, clock) is None

    @property
    def clocks(self) -> list[str]:
        """The chart's time rows: every time the order now has, and any other a dose fell due at
        in the days shown (an amended order's earlier times). Taken from the days' doses alone,
        an order started this evening had no row for tomorrow morning's dose."""
        found = {cell.clock for cell in self.cells}
        if self.order.frequency is Frequency.SCHEDULED:
            found.update(f"{clock:%H:%M}" for clock in self.order.times)
        return sorted(found)


def _doses_near(db: Database, patient_ids: Collection[str], first_day: date,
                last_day: date) -> list[tuple[str, Administration]]:
    """Standing doses (with their patient) of these patients scheduled (or, as required, given)
    within two days of the period by the clock they were written in, in the order recorded:
    two written offsets are never 48 hours apart, so no dose of the period is left out, and a
    chart reads its days' doses rather than every dose of each stay. Each dose is built from the
    few columns it needs, not as a whole record version first (a ward pack reads hundreds)."""
    low, high = (first_day - timedelta(days=2)).isoformat(), (last_day + timedelta(days=3)).isoformat()
    found = [row for part in chunks(patient_ids) for row in db.execute(
        f"SELECT patient_id, record_id, author, device_id, data, recorded_at, version FROM current_records"
        f" WHERE form_id = ? AND patient_id IN ({marks(part)}) AND status != ?"
        " AND COALESCE(json_extract(data, '$.scheduled_for'), json_extract(data, '$.given_at')) BETWEEN ? AND ?"
        " ORDER BY recorded_at", [DOSE_FORM, *part, RecordStatus.ENTERED_IN_ERROR.value, low, high])]
    givers = _givers(db, ((row[1], row[6]) for row in found))
    return [(patient_id, _administration(record_id, *givers.get(record_id, (author, device_id,
                                                                            datetime.fromisoformat(typed))),
                                         json.loads(data)))
            for patient_id, record_id, author, device_id, data, typed, _ in sorted(
                found, key=lambda row: datetime.fromisoformat(row[5]))]


def _stopped(found: Order, now: datetime, slot: datetime) -> bool:
    """Stopped by now, or before the slot's dose: a once-only dose cancelled before its time
    (stopped at 09:00 for 10:00) read upcoming and stood on the round until 09:00."""
    return found.stop_at is not None and (found.stop_at <= now or found.stop_at <= slot)


def _cell(slot: datetime, recorded: list[Administration], now: datetime, policy: RoundPolicy,
          scheduled: _Scheduled, held: tuple[HeldDose, ...], moves: list[MovementEvent]) -> MarCell:
    """`recorded`: the slot's doses, given ones first, each group in the order recorded;
    `moves`: the patient's movements, whose stays say when they were in hospital."""
    deciding = recorded[0] if recorded else None
    if deciding is None and not _in_hospital(moves, slot):
        state = DoseState.NOT_IN_HOSPITAL
    elif deciding is None and scheduled.in_ehr(slot):
        state = DoseState.IN_EHR
    elif deciding is None and _stopped(scheduled.order, now, slot):
        state = DoseState.NOT_RECORDED
    else:
        state = dose_state(slot, now, deciding, policy_for(scheduled.order, policy))
    return MarCell(slot, state, deciding, tuple(recorded[1:]), held)


def _in_hospital(moves: list[MovementEvent], at: datetime) -> bool:
    found = locate(moves, at)
    return found is not None and found.status is StayStatus.IN


def _with_recorded(slots: list[datetime], placed: Iterable[datetime], first_day: date, last_day: date) -> list[datetime]:
    """The order's dose times over the days, and any other time of the chart in them a dose was
    recorded for (`placed`, see `charted_slots`), on the day the chart reads it: a dose given early
    for a time the order's times then changed away from stays on the chart where it was given,
    rather than vanish while the new time reads due."""
    return sorted(set(slots) | {slot for slot in placed if first_day <= charted(slot).date() <= last_day})


def _off_the_days(db: Database, every: Sequence[_Scheduled], first_day: date, last_day: date,
                  tz: tzinfo | None) -> set[str]:
    """The orders of `every` a chart of these days leaves off unless something of theirs falls
    in them (see `MarRow.off_the_days`): those whose course ended before the first day (stopped,
    or ended with their stay), a once-only order whose dose fell due before it and was recorded,
    given or not, or is on the EHR's chart, and one written and started after the last day (a
    chart of the stay's first days, read on day 31, is not the month's orders). Never one another
    laptop wrote otherwise (its version may say it runs), nor a once-only dose recorded nowhere:
    overdue, it stays on every chart until it is."""
    def day(moment: datetime) -> date:
        return moment.astimezone(tz).date()

    ended = {s.order.record_id for s in every if s.order.stop_at is not None and day(s.order.stop_at) < first_day}
    written_later = {s.order.record_id for s in every if day(s.order.start_at) > last_day and day(s.written_at) > last_day}
    once_before = [s for s in every if s.order.frequency is Frequency.ONCE and day(s.order.start_at) < first_day]
    in_ehr = {s.order.record_id for s in once_before if s.in_ehr(s.order.start_at)}
    once = {s.order.record_id: s.order.patient_id for s in once_before if s.order.record_id not in ended | in_ehr}
    recorded: set[str] = set()
    for part in chunks(list(once)):
        patients = sorted({once[order_id] for order_id in part})
        recorded.update(order_id for (order_id,) in db.execute(
            f"SELECT DISTINCT json_extract(data, '$.order') FROM current_records WHERE form_id = ? AND status != ?"
            f" AND patient_id IN ({marks(patients)}) AND json_extract(data, '$.order') IN ({marks(part)})",
            [DOSE_FORM, RecordStatus.ENTERED_IN_ERROR.value, *patients, *part]))
    off = ended | written_later | in_ehr | recorded
    return off - set(versions_on_hold(db, off))


def why_stopped(db: Database, stopped: Collection[str]) -> dict[str, str]:
    """The reason each of these orders' stop was written with, by id: the latest amendment that
    changed its stop, when it set one where there was none or brought it earlier (bisoprolol
    stopped for "pulse 48"; a 7-day clarithromycin written with its end, stopped early for a QTc
    of 520 ms); none of an order written with its end and kept, nor of one extended and run out
    (a course extended because "CRP still rising" read as stopped for it). The chart prints it
    after the stop (`MarRow.stop_reason`), as the letters do: "held for AKI, restart when the
    creatinine is back" read "Stopped 28/11 10:30", as though for good."""
    return {order_id: str(version.reason)
            for order_id, versions in histories(db, stopped).items()
            for earlier, version in [next(((earlier, later) for earlier, later in reversed(list(pairwise(versions)))
                                           if later.data.get("stop_at") != earlier.data.get("stop_at")), (None, None))]
            if version is not None and version.reason and stop_brought_forward(earlier.data, version.data)}


def stop_brought_forward(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether an amendment set the order's stop where there was none, or brought it earlier."""
    was, now = before.get("stop_at"), after.get("stop_at")
    return bool(now) and (not was or datetime.fromisoformat(now) < datetime.fromisoformat(was))


def mar_grid(db: Database, patient_id: str, first_day: date, days: int, now: datetime) -> list[MarRow]:
    """Each order with its scheduled doses over the days shown (recorded or not), and the
    as-required doses given in that period."""
    return mar_grids(db, [patient_id], first_day, days, now)[patient_id]


def mar_grids(db: Database, patient_ids: Collection[str], first_day: date, days: int,
              now: datetime, by_urine: Mapping[str, UrineOutput] | None = None) -> dict[str, list[MarRow]]:
    """`mar_grid` of each patient, their orders and doses read at once (a ward's MAR pack); an AKI
    their urine output shows (`by_urine`, see `holds_now`) held as the creatinine's is."""
    policy = settings.round_policy(db)
    last_day = first_day + timedelta(days=days - 1)
    tz = now.tzinfo
    doses: dict[tuple[str, str], list[Administration]] = defaultdict(list)
    for patient_id, dose in _doses_near(db, patient_ids, first_day, last_day):
        doses[patient_id, dose.order_id].append(dose)
    grids: dict[str, list[MarRow]] = {patient_id: [] for patient_id in patient_ids}
    on_hold = doses_on_hold(db, patient_ids)
    moves = census.movement_events(db, patient_ids)
    every = _orders_with_slots(db, patient_ids, first_day, last_day, tz, moves, now)
    off = _off_the_days(db, every, first_day, last_day, tz)
    levels = holds_now(db, [scheduled.order for scheduled in every if runs_at(scheduled.order, now)], now, by_urine)
    stopped_for = why_stopped(db, [scheduled.order.record_id for scheduled in every if scheduled.order.stop_at is not None])
    theirs: dict[str, list[Order]] = defaultdict(list)
    again: dict[str, list[Order]] = defaultdict(list)
    for scheduled in every:
        theirs[scheduled.order.patient_id].append(scheduled.order)
        if scheduled.continues is not None:
            again[scheduled.continues].append(scheduled.order)
    for scheduled in every:
        found = scheduled.order
        mine = doses[found.patient_id, found.record_id]
        held = tuple(h for h in on_hold[found.record_id] if first_day <= (
            charted(h.dose.scheduled_for) if h.dose.scheduled_for is not None else h.dose.at.astimezone(tz)).date()
            <= last_day)
        placed = charted_slots(scheduled.slots, [*(dose.scheduled_for for dose in mine if dose.scheduled_for is not None),
                                                 *(h.dose.scheduled_for for h in held if h.dose.scheduled_for is not None)])
        by_slot: dict[datetime, list[Administration]] = defaultdict(list)
        for dose in sorted(mine, key=lambda a: a.outcome is not Outcome.GIVEN):
            if dose.scheduled_for is not None:
                by_slot[placed[dose.scheduled_for]].append(dose)
        cells = tuple(_cell(slot, by_slot.get(slot, []), now, policy, scheduled,
                            tuple(h for h in held if h.dose.scheduled_for is not None
                                  and placed[h.dose.scheduled_for] == slot), moves[found.patient_id])
                      for slot in _with_recorded(scheduled.slots, placed.values(), first_day, last_day))
        prn = tuple(a for a in mine if a.scheduled_for is None
                    and first_day <= a.at.astimezone(tz).date() <= last_day)
        ended = scheduled.ended
        earlier_stay = ended.occurred_at if ended is not None and _in_hospital(moves[found.patient_id], now) else None
        # A dose given late into the days shown (its time the day before) keeps the line too.
        shown = bool(cells or prn or held) or any(first_day <= dose.at.astimezone(tz).date() <= last_day for dose in mine)
        grids[found.patient_id].append(MarRow(
            found, cells, prn, scheduled.written_by, held, earlier_stay,
            tuple(ordered_beside(found, now, theirs[found.patient_id])) if runs_at(found, now) else (),
            tuple(again[found.record_id]) if earlier_stay is not None else (), found.record_id in off and not shown,
            levels.get(found.record_id, ()), stopped_for.get(found.record_id)))
    return _marked_on_paper(db, now, grids, _typed_late(every, tz))


TIME_CRITICAL_WORDS = {
    DoseState.LATE: {"en": "TIME-CRITICAL DOSE LATE (due {due}): {give}",
                     "fr": "DOSE À HORAIRE CRITIQUE EN RETARD (prévue {due}) : {give}"},
    DoseState.OVERDUE: {"en": "TIME-CRITICAL DOSE OVERDUE (due {due}): {give}, or record why not and tell the doctor",
                        "fr": "DOSE À HORAIRE CRITIQUE TRÈS EN RETARD (prévue {due}) : {give}, ou noter pourquoi et "
                              "prévenir le médecin"},
    DoseState.CHECK_PAPER: {"en": "TIME-CRITICAL DOSE NOT RECORDED (due {due}): check the paper chart; not given "
                                  "there, {give} or tell the doctor",
                            "fr": "DOSE À HORAIRE CRITIQUE NON TRACÉE (prévue {due}) : vérifier la feuille papier ; si "
                                  "elle n’y est pas donnée, {give} ou prévenir le médecin"},
    DoseState.NOT_GIVEN: {"en": "TIME-CRITICAL DOSE NOT GIVEN (due {due}: {why}): tell the doctor (another route or "
                                "medicine)",
                          "fr": "DOSE À HORAIRE CRITIQUE NON DONNÉE (prévue {due} : {why}) : prévenir le médecin (autre "
                                "voie ou autre médicament)"},
}
GIVE_IT_NOW = {"en": "give it now", "fr": "la donner maintenant"}
GIVE_THE_LATEST_NOW = {"en": "give the latest now", "fr": "donner la dernière maintenant"}
"""What the time-critical list asks of a dose still to give (`TIME_CRITICAL_WORDS`'s `{give}`, a
run's latest `TIME_CRITICAL_RUN_WORDS`'s `{give_latest}`), by mouth unless the patient is nil by
mouth (`ANOTHER_ROUTE`)."""
ANOTHER_ROUTE = {"en": "ask the doctor for another route now",
                 "fr": "demander dès maintenant au médecin une autre voie"}
"""What is asked instead of `GIVE_IT_NOW` of a time-critical dose by mouth of a patient nil by mouth
(`TimeCritical.nil_by_mouth`), the rest of its state's words kept: "give it now" asked for a tablet
the patient must not swallow (Parkinson's UK "Get It On Time": the doctor finds another route, an
NG tube or a rotigotine patch), while the dose not recorded may still be on the paper chart, given,
and the others are still to record. The theatre list's words too (services.theatre.PARKINSONS_WORDS)."""
NIL_BY_MOUTH_ON_ADMISSION = {"en": "nil by mouth on admission", "fr": "à jeun strict à l’admission"}
"""Why the patient is nil by mouth when their admission's diet says so (`recorded_nil_by_mouth`),
named on the time-critical list beside the dose's time and on the theatre list."""
NO_BACKGROUND_INSULIN = {"en": "TIME-CRITICAL DOSE NOT GIVEN (due {due}: {why}): no basal insulin ordered: ask the "
                               "doctor now (type 1 diabetes never without insulin)",
                         "fr": "DOSE À HORAIRE CRITIQUE NON DONNÉE (prévue {due} : {why}) : aucune insuline basale "
                               "prescrite : appeler le médecin maintenant (diabète de type 1 : jamais sans insuline)"}
"""A mealtime insulin left out with the meals of a patient with no basal, premixed or intravenous
insulin ordered (`time_critical_omitted`): "another route or medicine" is not what is asked, but
the doctor's plan (JBDS-IP: a VRIII, or the basal insulin) before ketoacidosis sets in."""
BASAL_WHEN_FASTING = {"en": "TIME-CRITICAL DOSE NOT GIVEN (due {due}: {why}): basal insulin is usually continued "
                            "when nil by mouth: tell the doctor now",
                      "fr": "DOSE À HORAIRE CRITIQUE NON DONNÉE (prévue {due} : {why}) : l’insuline basale est "
                            "d’habitude poursuivie à jeun : prévenir le médecin maintenant"}
"""A basal or premixed insulin (domain.medication.given_when_fasting) not given as the patient is
nil by mouth (`fasting_omission`): glargine held "NBM for theatre tomorrow" was "tell the doctor
(another route or medicine)", no answer for insulin, which JBDS-IP continues, often reduced,
through the fast; without it a type 1 patient goes into ketoacidosis."""
FASTING_WORDS = re.compile(r"(?<!\w)(nbm|npo|nil by mouth|fasting|fasted|starved|à jeun|a jeun)(?!\w)", re.IGNORECASE)
"""What the nurse writes of a dose held as the patient is nil by mouth, in English and French."""


def fasting_omission(order: Order, dose: Administration) -> bool:
    """Whether `dose` of a basal or premixed insulin was left out as the patient is nil by mouth:
    its reason says so, or it is held with a note that does ("NBM for theatre tomorrow")."""
    return given_when_fasting(order.drug) and (dose.reason is NotGivenReason.NIL_BY_MOUTH or (
        dose.reason is NotGivenReason.HELD and bool(FASTING_WORDS.search(dose.detail or ""))))


NOT_RECORDED = (DoseState.LATE, DoseState.OVERDUE, DoseState.CHECK_PAPER)
"""A time-critical dose's states with nothing recorded (one that may be on paper too: given there
or not at all, and late if not)."""
NOT_RECORDED_RUN = {"en": "{count} doses since {first}", "fr": "{count} doses depuis le {first}"}
TIME_CRITICAL_RUN_WORDS = {
    DoseState.OVERDUE: {"en": "TIME-CRITICAL DOSES OVERDUE (latest due {due}): {give_latest}, record the others "
                              "(given on paper, or not given and why) and tell the doctor",
                        "fr": "DOSES À HORAIRE CRITIQUE TRÈS EN RETARD (dernière prévue {due}) : {give_latest}, "
                              "tracer les autres (données sur papier, ou non données et pourquoi) et prévenir le "
                              "médecin"},
    DoseState.CHECK_PAPER: {"en": "TIME-CRITICAL DOSES NOT RECORDED (latest due {due}): check the paper chart: if the "
                                  "latest is not given there, {give}; record the others; any not given, tell the "
                                  "doctor",
                            "fr": "DOSES À HORAIRE CRITIQUE NON TRACÉES (dernière prévue {due}) : vérifier la feuille "
                                  "papier : si la dernière n’y est pas donnée, {give} ; tracer les autres ; si une "
                                  "n’est pas donnée, prévenir le médecin"},
}
"""An order's time-critical doses with nothing recorded, said at the latest (`TimeCritical.each`),
`{due}` its time and how many since when (`NOT_RECORDED_RUN`); those to check on paper if any
is: "give it now" said of each of levodopa's 10:00, 14:00 and 18:00 doses, three lines, gave
three doses at once."""
REPLACED_WORDS = {
    False: {"en": "TIME-CRITICAL DOSE NOT RECORDED (due {due}): {later}, do not give it late: record it (given on "
                  "paper, or not given and why) and tell the doctor",
            "fr": "DOSE À HORAIRE CRITIQUE NON TRACÉE (prévue {due}) : {later}, ne pas la donner en retard : la "
                  "tracer (donnée sur papier, ou non donnée et pourquoi) et prévenir le médecin"},
    True: {"en": "TIME-CRITICAL DOSES NOT RECORDED (latest due {due}): {later}, do not give them late: record them "
                 "(given on paper, or not given and why) and tell the doctor",
           "fr": "DOSES À HORAIRE CRITIQUE NON TRACÉES (dernière prévue {due}) : {later}, ne pas les donner "
                 "en retard : les tracer (données sur papier, ou non données et pourquoi) et prévenir le médecin"},
}
"""An order's latest dose with nothing recorded (alone, or counting those before it: True) when a
later dose of the medicine is given or due now (`LATER_DOSE`, `TimeCritical.later`): "give the
latest now" was said of the levodopa of 14:00 with the 18:00 dose given at 18:10, a double dose
(Parkinson's: a dose missed is not doubled up with the next)."""
LATER_DOSE = {DoseState.GIVEN: {"en": "the {time} dose is given", "fr": "la dose du {time} est donnée"},
              DoseState.DUE: {"en": "the {time} dose is due now", "fr": "la dose du {time} est à donner maintenant"},
              DoseState.NOT_GIVEN: {"en": "the {time} dose is recorded not given ({why})",
                                    "fr": "la dose du {time} est notée non donnée ({why})"}}
"""The medicine's later dose that makes an earlier one with nothing recorded not to give
(`REPLACED_WORDS`'s `{later}`); one recorded not given, with why (`why_not_given`): the levodopa
of 08:00 was "give it now", URGENT, beside the 12:00 dose held while the patient was drowsy, a
doctor told: a dose the doctor decided against, given late instead."""
MEAL_PASSED = {"en": "its meal has passed", "fr": "son repas est passé"}
ORDER_STOPPED = {"en": "the order is stopped ({time})", "fr": "la prescription est arrêtée ({time})"}
"""`REPLACED_WORDS`'s `{later}` of a dose with nothing recorded that fell due before its order's
stop (`TimeCritical.stopped`): to record, not to give by an order no longer running."""
"""`REPLACED_WORDS`'s `{later}` of a mealtime insulin (domain.medication.mealtime_insulin) with
nothing recorded once it is overdue: given with its meal or not at all (JBDS-IP), the aspart of
08:00 was "give it now" at 17:00 to a fasting patient, a hypoglycaemia."""
EARLIER_MISSED = {
    False: {"en": "1 earlier dose MISSED (over {hours} h): record it, tell the prescriber",
            "fr": "1 dose antérieure OMISE (plus de {hours} h) : la tracer, prévenir le prescripteur"},
    True: {"en": "{count} earlier doses MISSED (over {hours} h): record them, tell the prescriber",
           "fr": "{count} doses antérieures OMISES (plus de {hours} h) : les tracer, prévenir le prescripteur"},
}
"""An order's doses with nothing recorded past the round's window (`TimeCritical.missed`), counted
on the line of its latest within it, as the handover's missed doses are to do (services.
chart_alerts.RECORD_MISSED): "2 doses since 29/11 22:00", the urgent line, read as a chart
complete before 22:00, with three more missed since 10:00 the day before."""
DOCTOR_IS_TOLD = {"en": "the doctor is told, do as they said", "fr": "médecin prévenu, faire ce qu’il a dit"}
"""What is done of a dose not given whose nurse wrote that a doctor was told of it or decided it
(`decided_by_a_doctor`), time-critical (`DOCTOR_TOLD`) or not (services.chart_alerts.not_given)."""
DOCTOR_TOLD = {"en": "TIME-CRITICAL DOSE NOT GIVEN (due {due}: {why}): " + DOCTOR_IS_TOLD["en"],
               "fr": "DOSE À HORAIRE CRITIQUE NON DONNÉE (prévue {due} : {why}) : " + DOCTOR_IS_TOLD["fr"]}
"""A time-critical dose not given whose nurse wrote that a doctor was told (`TOLD`): "Dr on call
told, give at 06:00" was followed by "tell the doctor", and the doctor called again."""
_TOLD_WORDS = (r"(told|informed|aware|notified|discussed|advised|decided|agreed|instructed|answered|replied|"
               r"inform[ée]e?s?|prévenue?s?|avertie?s?|décidée?s?|discutée?s?|conseillée?s?|répondu)")
TOLD = re.compile(rf"(?<!\w){_TOLD_WORDS}(?!\w)", re.IGNORECASE)
"""Words of the nurse's saying a doctor was told of the dose, or decided of it, in English and French."""
CLINICIAN = re.compile(r"(?<!\w)(dr|drs|doctors?|docteur|prescriber|prescripteur|on[- ]call|de garde|registrar|"
                       r"reg|spr|fy ?[12]|f[12]|sho|consultant|house officer|médecins?|medecins?|interne|medics?|"
                       r"anaesthetists?|anesthetists?|anesthésistes?|anesthesistes?|anaesthetics|surgeons?|"
                       r"chirurgiens?|anp|acp|pa|physician associates?|hospital at night|h@n|"
                       r"(medical|surgical|stroke|neuro|ortho|orthopaedic|renal|palliative|night) team|équipe|"
                       r"equipe)(?!\w)", re.IGNORECASE)
"""Who a note must name for its told word to count (`doctor_told`): "patient told", "daughter
informed" are no doctor told. Prescribers and medical teams in the ward's words ("Medics informed",
"Stroke team aware", "H@N informed", "ANP aware") are: read as no one told, the list asked to tell
a doctor already told. "Bleeped" is not: it says a doctor was called, not that one answered."""
NOT_A_CLINICIAN = re.compile(r"(?<!\w)(patient|pt|family|daughter|son|wife|husband|partner|relatives?|nok|"
                             r"next of kin|carers?|nurse|nic|famille|fille|fils|épouse|mari|proches?|"
                             r"infirmière)(?!\w)", re.IGNORECASE)
"""Who, named in a told word's own clause with no clinician, was the one told ("Dr bleeped, no
answer, daughter informed")."""
_NEGATED, _STILL_TO_DO = r"(not|no|never|pas|non|jamais)", r"((to|will|shall|would)\s+be|sera|seront|être)"
NOT_TOLD = re.compile(rf"(?<!\w)({_NEGATED}(\s+\w+){{0,2}}|{_STILL_TO_DO})\s+$", re.IGNORECASE)
"""What, before a told word, says it not done ("Dr not yet told", "médecin pas encore prévenu"), or
directly before it, still to do ("prescriber to be informed at 14:00", "will be told when he
answers", "sera prévenu"): a "to" or "à" further back is none ("NBM due to surgery Dr informed",
"Patient à jeun médecin prévenu" read as not told)."""
NOT_DONE = re.compile(rf"(?<!\w)({_NEGATED}|{_STILL_TO_DO})(?!\w)", re.IGNORECASE)
"""`NOT_TOLD`'s words anywhere in a clause naming a clinician, with no told word (`clinician_named`)."""
NOT_REACHED = re.compile(r"(?<!\w)((unable|cannot)(?!\s+(to\s+)?swallow)|await\w*|unaware|uncontactable|unavailable|"
                         r"no (answer|response|reply)|to call back|will|busy|injoignables?|indisponibles?|"
                         r"occupée?s?|en attente|(pas de|sans) réponse|à (prévenir|appeler|rappeler))(?!\w)",
                         re.IGNORECASE)
"""Words saying the doctor named was not reached or has not yet decided, anywhere in the answer
(`clinician_named`): "Bleeped FY1, no answer", "Awaiting Dr review", "Médecin à prévenir" named a
doctor, and the levodopa held nil by mouth left the list with no doctor having decided. "Unable to
swallow" is the patient, not the doctor."""
CLAUSE = re.compile(r"[,;.!?:\n]")
"""Where one thing the nurse wrote ends and the next begins ("Refused, patient told, Dr aware")."""


def doctor_told(written: str) -> bool:
    """Whether the nurse wrote that a doctor was told of the dose, or decided of it: a clinician
    named in the note (`CLINICIAN`: a short note names them once, "On call doctor bleeped, aware")
    and a told word (`TOLD`) in a clause naming no one else told (`NOT_A_CLINICIAN`), with nothing
    before it saying it not done or still to do (`NOT_TOLD`). "Refused, patient told it is for his
    Parkinson's" and "prescriber to be informed at the 14:00 round" were read as the doctor told,
    and the missed levodopa and glargine left the escalation list's "tell the doctor"."""
    return bool(CLINICIAN.search(written)) and any(
        (CLINICIAN.search(clause) or not NOT_A_CLINICIAN.search(clause))
        and any(not NOT_TOLD.search(clause[:found.start()]) for found in TOLD.finditer(clause))
        for clause in CLAUSE.split(written))


def clinician_named(written: str) -> bool:
    """Whether `written` names a clinician (`CLINICIAN`) in a clause saying nothing not done or still
    to do (`NOT_DONE`: "no doctor answered", "Dr to be told"; "Dr Jones: no oral meds" names one),
    and says nowhere that the doctor was not reached (`NOT_REACHED`, over the whole answer: its "no
    answer" is often a clause of its own): the answer to "say who decided" is a name ("Dr Jones",
    "FY1 Smith, on call"), no told word, and the list asked the nurse to tell the doctor who had
    decided."""
    return not NOT_REACHED.search(written) and any(
        CLINICIAN.search(clause) and not NOT_DONE.search(clause) for clause in CLAUSE.split(written))


WHY_WRITTEN = {"en": "{why}: {detail}", "fr": "{why} : {detail}"}
"""A dose's reason not given and what the nurse wrote of it (`why_not_given`)."""
ASKED_OF_THE_NURSE = re.compile(r"\s*\([^)]*\)$")
"""What a reason's option ends with to ask the nurse to write why ("O — Other (write why)", "O —
Autre (préciser)"): not said once she has."""


def why_not_given(reasons: Field, dose: Administration, lang: Lang) -> str:
    """The dose's reason as its option reads without what it asks of the nurse, then what she
    wrote of it (the escalation list, the handover and the discharge letter say it): the day team
    acts on "O — Other: no IV access: cannula tissued, 2 attempts", and the line said "O — Other
    (write why)", telling its reader to write why, without the why."""
    why = ASKED_OF_THE_NURSE.sub("", format_value(reasons, dose.reason.value, lang)) if dose.reason else ""
    return WHY_WRITTEN[lang].format(why=why, detail=dose.detail) if dose.detail else why


@dataclass(frozen=True)
class TimeCritical:
    """A patient's time-critical doses of the round's window not given: `late` those late or
    overdue (or with nothing recorded that may be on paper), and those recorded not given and
    omitted (`time_critical_omitted`: levodopa for a patient nil by mouth is harm unless the doctor
    finds another route), an order's run of them as its latest (`runs`, by that dose's record id),
    said even past the window; `next_change` when the next of them falls late or overdue;
    `nil_by_mouth`, when the patient is, why and for which routes (`NilByMouth`); by order id,
    `later` the medicine's latest dose given, due now or recorded not given (a dose with nothing
    recorded before it is no longer to give: `REPLACED_WORDS`) and `missed` its doses past the
    window with nothing recorded (`EARLIER_MISSED` counts them) and `stopped` its stop when the
    order is stopped by now: its doses with nothing recorded are to record, not to give
    (`ORDER_STOPPED`)."""

    late: list[tuple[Order, MarCell]]
    next_change: datetime | None
    runs: Mapping[str, NotGivenRun]
    nil_by_mouth: NilByMouth | None
    later: Mapping[str, MarCell]
    missed: Mapping[str, list[MarCell]]
    stopped: Mapping[str, datetime]

    @property
    def each(self) -> list[tuple[Order, MarCell]]:
        """`late` as the escalation list and the handover say it, one line each: an order's doses
        with nothing recorded (`NOT_RECORDED`) at the latest alone, which counts them
        (`not_recorded_of`)."""
        return [(order, cell) for order, cell in self.late
                if cell.state not in NOT_RECORDED or self.not_recorded_of(order)[-1] is cell]

    def not_recorded_of(self, order: Order) -> list[MarCell]:
        """`order`'s doses of `late` with nothing recorded, oldest first: those the line at the
        latest says (`each`)."""
        return [one for other, one in self.late if other.record_id == order.record_id and one.state in NOT_RECORDED]

    @property
    def listed(self) -> set[tuple[str, datetime]]:
        """Each dose said here, as (its order's id, its time), a run's every dose with it, and the
        doses missed past the window that the line of an order's doses not recorded counts
        (`EARLIER_MISSED`): the lists of doses not given or overdue leave them to this one (the
        handover counted 11 levodopa doses missed here and listed the same 11 as overdue)."""
        counted = {order.record_id for order, cell in self.late if cell.state in NOT_RECORDED}
        return {(order.record_id, cell.slot) for order, cell in self.late} | {
            (cell.administration.order_id, cell.slot) for run in self.runs.values() for cell in run.cells
            if cell.administration is not None} | {
            (order_id, cell.slot) for order_id, cells in self.missed.items() if order_id in counted for cell in cells}

    def said(self, cell: MarCell, dose_form: FormSpec, lang: Lang) -> str:
        """What the escalation list says of a dose (`dose_form`: the dose's, whose words say why
        it was not given, then what the nurse wrote, `why_not_given`); one not given whose nurse
        wrote, there or in her reason to record it over a warning, that a doctor was told
        (`DOCTOR_TOLD`) does not ask her to tell one; one by mouth still to give of a patient
        nil by mouth asks the doctor for another route (`ANOTHER_ROUTE`, why beside its time), a mealtime insulin
        left out with the meals (said only with no background insulin) for a plan
        (`NO_BACKGROUND_INSULIN`), a basal insulin left out fasting says it is continued
        (`BASAL_WHEN_FASTING`); the latest of an order's doses with nothing recorded counts
        them (`TIME_CRITICAL_RUN_WORDS`, `each`), is not to give once a later dose of the medicine
        is given, due now or recorded not given, nor a mealtime insulin's once overdue, its meal
        passed, nor one of an order since stopped (`REPLACED_WORDS`, `LATER_DOSE`, `MEAL_PASSED`,
        `ORDER_STOPPED`), and counts those missed past the
        window (`EARLIER_MISSED`). `cell` is one of `each`'s, whose order says its route."""
        order = next(order for order, one in self.late if one is cell)
        dose = cell.administration
        run = self.runs.get(dose.record_id) if dose is not None else None
        why = semicolon(lang).join(said for said in (
            "" if dose is None else why_not_given(dose_form.field("not_given_reason"), dose, lang),
            "" if run is None else run.said(cell.slot.tzinfo, lang)) if said)
        fasting = self.nil_by_mouth.why(order.route) if self.nil_by_mouth is not None \
            and cell.state is not DoseState.NOT_GIVEN else None
        folded = [one for one in self.not_recorded_of(order) if one.slot <= cell.slot] \
            if cell.state in NOT_RECORDED else [cell]
        due = semicolon(lang).join([f"{cell.slot:%d/%m %H:%M}", *([NOT_RECORDED_RUN[lang].format(
            count=len(folded), first=f"{folded[0].slot:%d/%m %H:%M}")] if len(folded) > 1 else []),
            *([fasting[lang]] if fasting is not None else [])])
        later = self.later.get(order.record_id) if cell.state in NOT_RECORDED else None
        replaced = later if later is not None and later.slot > cell.slot else None
        meal_passed = replaced is None and cell.state in (DoseState.OVERDUE, DoseState.CHECK_PAPER) \
            and mealtime_insulin(order)
        stopped = self.stopped.get(order.record_id) if replaced is None and not meal_passed \
            and cell.state in NOT_RECORDED else None
        words = DOCTOR_TOLD if self.told(cell) else NO_BACKGROUND_INSULIN if (
            dose is not None and left_out_with_meals(order, dose.reason)) else BASAL_WHEN_FASTING if (
            dose is not None and fasting_omission(order, dose)) else REPLACED_WORDS[
            len(folded) > 1] if replaced is not None or meal_passed or stopped is not None else TIME_CRITICAL_RUN_WORDS[
            DoseState.CHECK_PAPER if any(one.state is DoseState.CHECK_PAPER for one in folded) else DoseState.OVERDUE
        ] if len(folded) > 1 else TIME_CRITICAL_WORDS[cell.state]
        replaced_by = "" if replaced is None else LATER_DOSE[replaced.state][lang].format(
            time=f"{replaced.slot:%d/%m %H:%M}", why="" if replaced.administration is None else why_not_given(
                dose_form.field("not_given_reason"), replaced.administration, lang))
        said = words[lang].format(due=due, why=why, give=(ANOTHER_ROUTE if fasting is not None else GIVE_IT_NOW)[lang],
                                  give_latest=(ANOTHER_ROUTE if fasting is not None else GIVE_THE_LATEST_NOW)[lang],
                                  later=MEAL_PASSED[lang] if meal_passed else ORDER_STOPPED[lang].format(
                                      time=ward_time(stopped, cell.slot.tzinfo)) if stopped is not None
                                  else replaced_by)
        missed = len(self.missed.get(order.record_id, ())) if cell.state in NOT_RECORDED else 0
        return semicolon(lang).join([said, *([EARLIER_MISSED[missed > 1][lang].format(
            count=missed, hours=window_hours())] if missed else [])])

    @staticmethod
    def told(cell: MarCell) -> bool:
        """Whether `cell`'s dose is one not given whose nurse wrote that a doctor was told of it or
        decided it (`decided_by_a_doctor`): its line asks to do as they said (`DOCTOR_TOLD`), the
        one line of the list not urgent."""
        return cell.state is DoseState.NOT_GIVEN and cell.administration is not None \
            and decided_by_a_doctor(cell.administration)


RUN_LOOKBACK = timedelta(days=7)
"""How far back the lists read an order's doses not given one after another (`doses_not_given_run`):
past the round's 12 hours, an enoxaparin refused three evenings running left the morning handover,
and 12 levodopa doses refused in a row were said as the last one; a week holds an outage's runs."""
NOT_GIVEN_RUN = {"en": "{count} doses not given since {first}", "fr": "{count} doses non données depuis le {first}"}


@dataclass(frozen=True)
class NotGivenRun:
    """An order's doses recorded not given one after another (`doses_not_given_run`), oldest first."""

    cells: tuple[MarCell, ...]

    @property
    def latest(self) -> MarCell:
        """The one the lists name: the run is said beside it."""
        return self.cells[-1]

    def said(self, zone: tzinfo | None, lang: Lang) -> str:
        """"3 doses not given since 28/11 18:00"; nothing for one dose alone, said by its line."""
        return NOT_GIVEN_RUN[lang].format(count=len(self.cells), first=ward_time(self.cells[0].slot, zone)) \
            if len(self.cells) > 1 else ""


def doses_not_given_run(cells: Sequence[MarCell], at: datetime, written: datetime, stop_at: datetime | None,
                        omitted: Callable[[Administration], bool]) -> NotGivenRun | None:
    """The doses of one order (its row's `cells`, read from `at` less `RUN_LOOKBACK`) recorded not
    given and `omitted` one after another up to its latest dose recorded by `at`, or None when that
    one was given (the patient has it again) or not omitted (a doctor's hold: they decided), or when
    past the round's window it is no longer to say: a single dose once the order's next dose has
    fallen due (that one is then to give, and said overdue), any run once the order's `stop_at` is
    a round's window past (its course ended, no dose can end the run). A single refusal stayed on
    the lists for the week, the course ended or the next slots blank and said as overdue.

    Walking back from the latest: a dose given, or not given but not omitted, ends the run; one with
    nothing recorded neither ends nor counts (the round and the missed-dose lines say it); nor do
    doses recorded before the order's standing version was `written` (its prescriber changed or
    rewrote it since, having seen the chart). The escalation list and the handover keep the run's
    latest dose said past the round's window until then: the lists read 12 hours alone, and a dose
    refused every evening was on no morning list, nor were 12 levodopa doses said as more than one."""
    run: list[MarCell] = []
    for cell in reversed([cell for cell in cells if cell.slot <= at and cell.administration is not None]):
        dose = cell.administration
        if cell.state is not DoseState.NOT_GIVEN or not omitted(dose) or (dose.typed_at or dose.at) < written:
            break
        run.append(cell)
    if not run:
        return None
    latest = run[0].slot
    if latest < elapsed.earlier(at, ROUND_WINDOW) and (
            (stop_at is not None and elapsed.reached(elapsed.later(stop_at, ROUND_WINDOW), at))
            or (len(run) == 1 and any(latest < cell.slot <= at for cell in cells))):
        return None
    return NotGivenRun(tuple(reversed(run)))


NOT_OMITTED = frozenset({NotGivenReason.HELD, NotGivenReason.BY_RULE})
"""Why a time-critical dose not given is no omission for the doctor: held by the doctor, or a
variable dose its rule gives none of (a sliding scale's insulin at a normal glucose was called
"TIME-CRITICAL DOSE NOT GIVEN: tell the doctor" at every meal)."""


def decided_by_a_doctor(dose: Administration) -> bool:
    """Whether the nurse wrote, in the dose's details or her reason to record it over a warning,
    that a doctor was told of it or decided it (`doctor_told`), or, over the time-critical warning,
    which asked who decided, named one (`clinician_named`)."""
    return any(doctor_told(written) for written in (dose.detail or "", *(reason for _, reason in dose.overrides))) \
        or any(clinician_named(reason) for check, reason in dose.overrides
               if check == Check.TIME_CRITICAL_NOT_GIVEN.value)


def time_critical_omitted(order: Order, dose: Administration, covered: bool) -> bool:
    """Whether a time-critical dose recorded not given is an omission the doctor is to hear of: not
    one none by its rule (`NOT_OMITTED`), nor a mealtime insulin left out with the meals, as it
    must be (domain.medication.left_out_with_meals), while a background insulin is ordered for its
    time (`covered`: domain.medication.background_insulin; with none, nothing stands between a
    type 1 patient and ketoacidosis, `NO_BACKGROUND_INSULIN`), nor one held that the nurse wrote
    a doctor decided (`decided_by_a_doctor`): anyone recording care may choose "W — Held", and the
    levodopa held "NBM - failed swallow screen" by the nurse was on no list."""
    if left_out_with_meals(order, dose.reason):
        return not covered
    if dose.reason is NotGivenReason.HELD:
        return not decided_by_a_doctor(dose)
    return dose.reason not in NOT_OMITTED


def _covered(background: Collection[Order], dose: Administration, now: datetime) -> bool:
    """Whether one of the patient's `background` insulins (domain.medication.background_insulin) is
    ordered for the time of `dose` or `now` (`time_critical_omitted`): a basal insulin or a VRIII
    the doctor ordered after the dose left out is the plan asked for, and "no basal insulin
    ordered: ask the doctor now" was said all shift after it."""
    return any(order.active_at(dose.scheduled_for or dose.at) or order.active_at(now) for order in background)


def due_while_running(order: Order, cells: Iterable[MarCell], now: datetime, judged: RoundPolicy) -> list[MarCell]:
    """`cells`, those of doses that fell due before the order's stop with nothing recorded, which
    the chart reads "not recorded (stopped)" (`_cell`), read late or overdue as when it ran: they
    are to record (`ORDER_STOPPED`), and the levodopa of 12:00, its order stopped at 14:05 to be
    written by NG, was on no list at 14:10 and never came back. The round's window bounds them to
    12 hours past the stop. Public: the handover's DOSES OVERDUE reads the doses of every stopped
    order by it (services.chart_alerts), one rule for both lists."""
    return [replace(cell, state=dose_state(cell.slot, now, None, judged))
            if cell.state is DoseState.NOT_RECORDED and order.stop_at is not None and cell.slot < order.stop_at
            else cell for cell in cells]


def given_apart(order: Order, rows: Iterable[MarRow]) -> set[datetime]:
    """The times of `order`'s doses that another order of the medicine (`shares_a_medicine`: a
    prescription written again, the first not stopped then) gave a dose for, of the patient's
    chart `rows`: no dose of `order` is missing there. The time-critical list and a letter's doses
    with nothing recorded (services.prefill) read them by this one rule: "give it now" was a second
    dose, and the transfer letter's "no dose recorded" of levodopa by mouth, given for its time by
    the NG order, was chased by the receiving team."""
    return {cell.slot for row in rows if row.order.record_id != order.record_id
            and shares_a_medicine(order.drug, row.order.drug) for cell in row.cells if cell.state is DoseState.GIVEN}


def time_critical(db: Database, patient_ids: Collection[str], now: datetime) -> dict[str, TimeCritical]:
    """The time-critical doses of the last 12 hours (the round's window) not recorded, of each of
    these patients with a time-critical order: the escalation list calls them out beside the
    round, a levodopa dose an hour late being harm the nurse in charge must know of. Only those
    patients' charts are read: those with an order time-critical as the round reads it, ticked or
    a medicine the app knows as one (Order's `_known_flags`): the EHR's snapshot sends no tick,
    and its levodopa, LATE on the round, was on no list. Those recorded not given and omitted
    one after another (`doses_not_given_run`) are said as one run at its latest, past the window
    until a dose of the order is given or its prescriber changes it (a single dose until the
    order's next falls due, none past the order's stop): 12 levodopa doses refused in
    a row were said as the last alone, then as nothing. Of each order, the medicine's latest dose
    given or due now (`TimeCritical.later`), and how many of its doses before the window, within
    the week read, have nothing recorded (`TimeCritical.missed`), as the handover's missed doses."""
    ticked = {str(record.patient_id) for record in list_current(db, form_id=ORDER_FORM, patient_ids=patient_ids)
              if order_of(record).time_critical}
    if not ticked:
        return {}
    policy = settings.round_policy(db)
    since, back = elapsed.earlier(now, ROUND_WINDOW), elapsed.earlier(now, RUN_LOOKBACK)
    grids = mar_grids(db, ticked, back.date(), (now.date() - back.date()).days + 2, now)
    written = {order_id: version.recorded_at for order_id, version in current_of(
        db, {row.order.record_id for rows in grids.values() for row in rows if row.order.time_critical}).items()}
    found: dict[str, TimeCritical] = {}
    fasting = nil_by_mouth(db, ticked, now)
    for patient_id, rows in grids.items():
        late, coming, runs, later, missed = [], [], {}, {}, {}
        # A dose given for its time from another order of the medicine (`given_apart`): "give it
        # now" was a second dose. One given or due now after a dose with nothing recorded: "give
        # the latest now" was a second dose too.
        # One recorded not given after it too, once its time has come (not one recorded ahead, nil
        # by mouth for tomorrow's theatre): the doctor told of that one decides the next, not the
        # nurse giving the earlier one late.
        taken = [(row.order, cell) for row in rows for cell in row.cells
                 if cell.state in (DoseState.GIVEN, DoseState.DUE)
                 or (cell.state is DoseState.NOT_GIVEN and cell.slot <= now)]
        background = [row.order for row in rows if background_insulin(row.order)]
        for row in rows:
            if not row.order.time_critical:
                continue
            judged = policy_for(row.order, policy)
            order = row.order
            run = doses_not_given_run(row.cells, now, written[order.record_id], order.stop_at,
                                      lambda dose: time_critical_omitted(order, dose, _covered(background, dose, now)))
            if run is not None and run.latest.administration is not None:
                runs[run.latest.administration.record_id] = run
            said_by_the_run = run.cells[:-1] if run is not None else ()
            medicine = [one for other, one in taken
                        if other.record_id == order.record_id or shares_a_medicine(order.drug, other.drug)]
            if medicine:
                later[order.record_id] = max(medicine, key=lambda one: elapsed.instant(one.slot))
            apart = given_apart(order, rows)
            missed[order.record_id] = [cell for cell in row.cells if cell.slot < since and cell.slot not in apart
                                       and cell.state in (DoseState.OVERDUE, DoseState.CHECK_PAPER)]
            for cell in due_while_running(order, row.cells, now, judged):
                if any(cell is one for one in said_by_the_run) or (
                        cell.slot < since and (run is None or cell is not run.latest)) or cell.slot in apart:
                    continue
                omitted = cell.state is DoseState.NOT_GIVEN and cell.administration is not None \
                    and time_critical_omitted(order, cell.administration,
                                              _covered(background, cell.administration, now))
                if cell.state in NOT_RECORDED or omitted:
                    late.append((order, cell))
                if cell.state in (DoseState.UPCOMING, DoseState.DUE, DoseState.LATE):
                    coming.append(cell.slot + (judged.overdue_after if cell.state is DoseState.LATE
                                               else judged.late_after))
        found[patient_id] = TimeCritical(late, min(coming, default=None), runs, fasting.get(patient_id), later,
                                         missed, {row.order.record_id: row.order.stop_at for row in rows
                                                  if row.order.stop_at is not None
                                                  and elapsed.reached(row.order.stop_at, now)})
    return found


def time_critical_handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], now: datetime,
                           lang: Lang, critical: Mapping[str, TimeCritical] | None = None) -> dict[str, str]:
    """What the handover sheet says of each of these patients' time-critical doses of the last 12
    hours late, overdue or not given, as the escalation list does (`TimeCritical.each`: an order's
    doses not recorded once): the next shift gave them, or told the doctor, from the list on
    screen alone. `critical`: those to say, when not all of
    `time_critical`'s (the sheet leaves those the line of a patient back from missing names to
    that line: services.missing_patient.unsaid_on_return)."""
    order_form, dose_form = forms[ORDER_FORM], forms[DOSE_FORM]
    return {patient_id: semicolon(lang).join(
                labelled(f"{order_label(order, order_form, lang)} {ward_time(cell.slot, now.tzinfo)}",
                         found.said(cell, dose_form, lang), lang) for order, cell in found.each)
            for patient_id, found in (time_critical(db, patient_ids, now) if critical is None else critical).items()
            if found.late}


def _marked_on_paper(db: Database, now: datetime, grids: dict[str, list[MarRow]],
                     typed_late: Mapping[str, Silence]) -> dict[str, list[MarRow]]:
    """The charts' cells that may be on paper said so (see `with_paper_gap`), all patients' at once:
    the silence is the laptop's, whichever patient's chart is read."""
    cells = iter(with_paper_gap(db, now, [(row.order, cell) for found in grids.values() for row in found
                                          for cell in row.cells], typed_late))
    return {patient_id: [replace(row, cells=tuple(next(cells) for _ in row.cells)) for row in found]
            for patient_id, found in grids.items()}

"""Saving, amending and withdrawing form records: every change is a new version, audited."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, labelled, message, semicolon, translate
from downtime.domain.clock import DATED, ward_day, ward_time
from downtime.domain.age import age_in_years, age_words
from downtime.domain.census import leaves_hospital
from downtime.domain.downtime_number import format_downtime_number
from downtime.domain.holds import Hold
from downtime.domain.laterality import BILATERAL, LEFT, NOT_APPLICABLE, RIGHT
from downtime.domain.laptops import Authors
from downtime.domain.medication import MEALS_SERVED, NIL_BY_MOUTH_DIET, allergies_not_known, allergy_status_said
from downtime.domain.pews import UNDER_YEARS as PEWS_UNDER_YEARS
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.score_totals import SCORE_TOTALS
from downtime.domain.roles import PERMISSIONS, ROLE_NAMES, Role
from downtime.domain.staff import Action
from downtime.formspec import FormSpec
from downtime.formspec.messages import message as field_message
from downtime.formspec.schema import holds as asked_when
from downtime.formspec.schema import (DecimalField, IntegerField, Meaning, MultiChoiceField, RecordRefField,
                                      RepeatField, StaffRefField, TextField)
from downtime.formspec.values import (NO_LONGER_ON_FORM, FieldError, answer_text, as_current, format_value, leftover,
                                      leftover_lines, relevant_values, standing_for, validate)
from downtime.services import (census, devices, glucose, identity, lab_results, nutrition, observations, paper_numbers,
                               pews, repositioning, resuscitation, search, sepsis, transfusion, weight, wounds)
from downtime.services.context import Session
from downtime.services.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from downtime.services.laptops import author_of, authors as authors_here, laptops_known
from downtime.storage import audit
from downtime.storage.records import (
    RECORD_COLUMNS, RecordNotFound, as_version, current, current_of, history, holds, list_current, signed_on,
)

ORDER_FORM = "medication_order"
# A clinical note, which prints with the patient's others as continuation sheets (printing.print_notes).
NOTE_FORM = "clinical_note"
# An operation done, whose time or theatre corrected is asked about as when recorded (services.theatre.DoneOverClash).
DONE_FORM = "operation_done"
# Theatre records are checked before any version is written, withdrawals included (see services.theatre).
SETTLED = "record.settle"
THEATRE_FORMS = frozenset({"theatre_session", "operation_booking", "operation_cancellation", "operation_rebooking",
                           "operation_done"})

__all__ = ["amend", "checked_values", "choices", "current", "history", "list_current", "mark_entered_in_error", "may_change",
           "may_withdraw", "record_label", "require_writer", "save_imported", "save_new", "settle_to"]


def _occurred_at(spec: FormSpec, values: dict[str, Any], recorded_at: datetime) -> str:
    """When the care happened: the form's own time field, else the time it was typed."""
    field = spec.by_meaning(Meaning.OCCURRED_AT)
    if field is not None and values.get(field.id):
        return str(values[field.id])
    return recorded_at.isoformat(timespec="seconds")


def _writers(spec: FormSpec, action: Action) -> list[Role]:
    """The roles that write `spec`'s records: those it names, else those with the right to `action`."""
    return spec.authors if spec.authors is not None else [role for role in Role if action in PERMISSIONS[role]]


def _require_author(session: Session, spec: FormSpec, action: Action) -> None:
    """A form may name the roles that write it (orders: doctors; theatre lists: coordinators;
    bedside charts: healthcare assistants too); otherwise writing needs the clinical right.
    Checked here, not only in the screens; refused naming the form and the roles that write it
    (an assistant refused an admission read that she "may not record care", and not who may)."""
    writers = _writers(spec, action)
    session.require_active()
    if not session.user.active or session.user.role not in writers:
        raise PermissionDenied(QT_TRANSLATE_NOOP("messages", "{form}: only {roles} may write this form."), form=spec.title.get(session.lang),
                               roles=", ".join(translate(session.lang, "Banner", ROLE_NAMES[role]) for role in writers))


def require_writer(session: Session, form_id: str) -> None:
    """Refused, as `save_new` would refuse it (see `_require_author`), unless this person may
    write new records of this form: asked first by a service whose own checks run before it saves
    (a dose's warnings are not for someone who may not give it)."""
    _require_author(session, session.form(form_id), Action.RECORD_CARE)


def _checked(session: Session, spec: FormSpec, values: dict[str, Any], before: Mapping[str, Any] | None = None, *,
             chosen: bool = False) -> dict[str, Any]:
    """`before`: the answers of the version an amendment is written over, kept under an older
    version of the form: what it answered that this version no longer asks is carried forward,
    and its codes this version no longer offers stand (see values.validate, and `chosen`), so
    that an amendment changes only what its author changed (a weight amended took a patient's
    isolation, an option since withdrawn, and a note's focus, a field since renamed)."""
    kept = relevant_values(spec, values)
    errors = validate(spec, kept, session.lang, now=session.clock(),
                      before=None if before is None else as_current(spec, before), chosen=chosen)
    if errors:
        raise ValidationFailed(errors)
    kept = kept if before is None else {**kept, **leftover(spec, before)}
    return census.as_configured(session.db, spec, kept) if spec.movement is not None else kept


def checked_values(session: Session, form_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """The values as they would be stored (only the questions that apply), or ValidationFailed."""
    return _checked(session, session.form(form_id), values)


def _write(session: Session, row: dict[str, Any], action: str) -> RecordVersion:
    audit.insert_audited(session.db, "records", row, at=datetime.fromisoformat(row["recorded_at"]),
                         actor=session.user.staff_id, device_id=session.device.device_id,
                         action=action, detail={"record_id": row["record_id"],
                                                "version": row["version"],
                                                "reason": row["reason"]})
    return as_version(row)


def _allocate_patient(session: Session, now: datetime, paper_number: str | None,
                      keep: bool = True) -> tuple[str, str]:
    """The patient's downtime number: the reserved one they were given on paper, else this
    laptop's next (see services.paper_numbers; `keep`: see paper_numbers.next_sequences)."""
    db, device_id = session.db, session.device.device_id
    device_number, sequence = paper_numbers.allocation(session, paper_number, keep)
    patient_id = str(uuid.uuid4())
    number = format_downtime_number(device_number, sequence)
    audit.insert_audited(db, "patients", {
        "patient_id": patient_id, "downtime_number": number,
        "device_number": device_number, "sequence": sequence,
        "device_id": device_id, "created_by": session.user.staff_id,
        "created_at": now.isoformat()}, at=now, actor=session.user.staff_id,
        device_id=device_id, action="patient.allocate",
        detail={"downtime_number": number, **({"used_on_paper": True} if paper_number else {})})
    return patient_id, number


# Records only their own service writes, with the checks a form alone cannot run: a dose's
# safety checks, its controlled-drug witness (with a PIN) and its line in the ward's register.
# Their fields that those checks judge cannot be amended either: the dose is marked entered in
# error and recorded again, through the checks.
CHECKED_BY_THEIR_SERVICE: dict[str, frozenset[str]] = {
    census.DOSE_FORM: frozenset({"order", "scheduled_for", "outcome", "given_at", "dose_given", "given_by",
                                 "witness", "transcribed", "overrides"}),
}


def save_new(session: Session, form_id: str, values: dict[str, Any],
             patient_id: str | None = None, *, checked_by_service: bool = False) -> RecordVersion:
    """Version 1 of a record; a form that creates patients also allocates the downtime number.
    `checked_by_service`: the form's own service has run its checks (see CHECKED_BY_THEIR_SERVICE)."""
    spec = session.form(form_id)
    _require_author(session, spec, Action.RECORD_CARE)
    if spec.id in CHECKED_BY_THEIR_SERVICE and not checked_by_service:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{form}: record it from the medication round or the chart, "
                                             "where its safety checks and the controlled-drug register apply."),
                           form=spec.title.get(session.lang))
    with session.db.atomic():
        _check_typed(_Typed(session, spec, patient_id, _checked(session, spec, values)))
        saved = _first_version(session, spec, values, patient_id, str(uuid.uuid4()), "record.create")
    session.emit("record_saved", saved)
    return saved


def save_imported(session: Session, form_id: str, values: dict[str, Any], patient_id: str | None,
                  record_id: str) -> RecordVersion:
    """Version 1 of a record loaded from the hospital's last known state, inside the import's
    transaction. The record id is chosen by the import (derived from the laptop and the source's
    own key), so loading the same snapshot again finds the record instead of adding it twice,
    and two laptops that loaded it do not collide at the records office. The same
    checks as on the ward apply: a snapshot cannot put two patients in one bed. A patient's
    number is not kept as given here: the import keeps the highest once, before its transaction
    commits (paper_numbers.keep_highest)."""
    session.require(Action.IMPORT_DATA)
    return _first_version(session, session.form(form_id), values, patient_id, record_id, "record.import",
                          keep=False)


def _first_version(session: Session, spec: FormSpec, values: dict[str, Any], patient_id: str | None,
                   record_id: str, action: str, keep: bool = True, chosen: bool = False) -> RecordVersion:
    """`chosen`: `values` are a version that exists, settled to (see `settle_to`)."""
    kept = _checked(session, spec, values, values if chosen else None, chosen=chosen)
    if spec.about_patient and not spec.creates_patient and patient_id is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{form}: choose the patient first."), form=spec.title.get(session.lang))
    if not spec.about_patient and patient_id is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{form} is not about a patient."), form=spec.title.get(session.lang))
    now = session.clock()
    with session.db.atomic():
        if spec.creates_patient and patient_id is None:
            patient_id = (paper_numbers.withdrawn_holder(session, spec, kept)
                          or _allocate_patient(session, now, paper_numbers.paper_number(spec, kept), keep)[0])
        elif patient_id is not None and not session.db.execute(
                "SELECT 1 FROM patients WHERE patient_id = ?", [patient_id]).fetchone():
            raise NotFound(f"no patient {patient_id}")
        return _commit(session, spec, {
            "id": str(uuid.uuid5(uuid.UUID(record_id), "1")), "record_id": record_id, "version": 1,
            "form_id": spec.id, "form_version": spec.version, "patient_id": patient_id,
            "status": RecordStatus.FINAL.value, "data": audit.canonical(kept), "reason": None,
            "author": session.user.staff_id, "device_id": session.device.device_id,
            "occurred_at": _occurred_at(spec, kept, now),
            "recorded_at": now.isoformat()}, action)


KEPT_IN = {census.CORONER: QT_TRANSLATE_NOOP("messages", "{field}: this patient's death is referred to the coroner: "
                                                           "leave lines and devices in place for the coroner, and "
                                                           "chart none removed."),
           census.VERIFICATION_PENDING: QT_TRANSLATE_NOOP("messages", "{field}: this patient's death awaits "
                                                                      "verification: leave lines and devices in place "
                                                                      "until the death is verified and it is known "
                                                                      "whether it is referred to the coroner.")}
"""A device's removal refused after a death, by the death's answer keeping it in (census.devices_kept)."""


def _commit(session: Session, spec: FormSpec, row: dict[str, Any], action: str, *, ages: bool = True
            ) -> RecordVersion:
    """Write one version inside the caller's transaction: movement rules first, then the row
    and its audit entry, then the search index of an admission. A version that already exists
    (SETTLED: the records office settling a hold on one another laptop's older app wrote, a
    child's NEWS2 set before the form refused it) is not held to the patient's age for the form
    nor to a booking's day; nor is an amendment keeping its time to the age (`ages`: a reading
    corrected on such a set)."""
    settling = action == SETTLED
    if spec.movement is not None:
        census.check_movement(session.db, session.forms, spec, row, session.lang)
    if spec.in_hospital and row["status"] != RecordStatus.ENTERED_IN_ERROR.value:
        when, at = spec.by_meaning(Meaning.OCCURRED_AT), datetime.fromisoformat(row["occurred_at"])
        field = when.label.get(session.lang) if when is not None else ""
        # Care at last offices (a cannula taken out, a unit of blood taken down) is charted at its
        # true time after the death until the body leaves the ward (census.LAST_OFFICES); but a
        # coroner's case, or a death awaiting verification, keeps its lines and devices in
        # (census.devices_kept).
        if not (census.at_last_offices(spec.id, json.loads(row["data"]))
                and census.laid_out(session.db, str(row["patient_id"]), at)):
            census.require_in_hospital(session.db, str(row["patient_id"]), at, field)
        elif spec.id == census.DEVICE_FORM and (
                kept := census.devices_kept(session.db, str(row["patient_id"]), at)) is not None:
            raise ServiceError(KEPT_IN[kept], field=field)
    if spec.id == INFUSION_RATE_FORM and row["status"] != RecordStatus.ENTERED_IN_ERROR.value:
        from downtime.services import infusion_rates  # which writes through this module

        # Its form's `in_hospital` in the service's words, which let a stop after a death through:
        # a version settled or imported is held to the stay as a typed one (infusion_rates.check).
        infusion_rates.require_in_stay(session.db, spec, str(row["patient_id"]), json.loads(row["data"]),
                                       session.lang)
    if (ages and not settling and (spec.under_years or spec.from_years)
            and row["status"] != RecordStatus.ENTERED_IN_ERROR.value):
        _require_age(session, spec, str(row["patient_id"]), datetime.fromisoformat(row["occurred_at"]))
    if spec.id in THEATRE_FORMS:
        from downtime.services import theatre

        theatre.check_version(session.db, spec.id, row["record_id"], str(row["patient_id"]), json.loads(row["data"]),
                              datetime.fromisoformat(row["recorded_at"]),
                              withdrawn=row["status"] == RecordStatus.ENTERED_IN_ERROR.value, settling=settling)
    saved = _write(session, row, action)
    census.index_record(session.db, spec, row)
    if spec.creates_patient:
        search.refresh(session.db, session.forms, str(row["patient_id"]))
    return saved


def _require_age(session: Session, spec: FormSpec, patient_id: str, at: datetime) -> None:
    """A form for children (`under_years`) refused for a patient that old or older at `at`, one
    for adults (`from_years`) for a patient younger; a patient whose date of birth is not known
    is taken at the nurse's word (the chart then asks for it). The age is said in words (a
    baby's "4 months old", not "0")."""
    born = census.patient_with_location(session.db, session.forms, patient_id).birth_date
    if born is None:
        return
    age, said, when = age_in_years(born, ward_day(at)), age_words(born, ward_day(at)), spec.by_meaning(Meaning.OCCURRED_AT)
    field = when.label.get(session.lang) if when is not None else ""
    if spec.under_years is not None and age >= spec.under_years:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{field}: this patient was {age} old then; {form} is for "
                                                         "children under {under}: chart their observations on the "
                                                         "NEWS2 chart."),
                           field=field, age=said, form=spec.title.get(session.lang), under=spec.under_years)
    if spec.from_years is not None and age < spec.from_years:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{field}: this patient was {age} old then; {form} is for "
                                                         "patients {years} or over: use the paediatric chart (PEWS) and "
                                                         "tell the doctor.") if age < PEWS_UNDER_YEARS and _scores_news2(spec)
                           else QT_TRANSLATE_NOOP("messages", "{field}: this patient was {age} old then; {form} is for "
                                                              "patients {years} or over."),
                           field=field, age=said, form=spec.title.get(session.lang), years=spec.from_years)


def _scores_news2(spec: FormSpec) -> bool:
    """A form scoring its readings with NEWS2, whose refusal of a child sends the nurse to the
    paediatric chart (a malnutrition screen's did too)."""
    return any(section.news2 for section in spec.sections)


def _next_version(session: Session, record_id: str, reason: str, based_on: int | None) -> tuple[RecordVersion, str]:
    """The version a change replaces. `based_on`, the version the person had on screen: if
    someone else has changed the record since, writing over it would silently undo their change
    (an allergy a doctor added, lost under a nurse's resumed amendment). Its time is said on the
    ward's clock (`ward_time`): a version written on a laptop set to UTC at 13:00 read "at 12:00"."""
    if not reason.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "A reason is required to change a saved record."))
    latest = current(session.db, record_id)
    if based_on is not None and latest.version != based_on:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record was changed after you opened it (version {version}, by "
                                             "{author} at {time}). Close it and open it again to see that change, "
                                             "then make yours."),
                           version=latest.version, author=author_of(session, latest),
                           time=ward_time(latest.recorded_at, None, DATED))
    if latest.status is RecordStatus.ENTERED_IN_ERROR:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record was marked entered in error and cannot be changed."))
    return latest, reason.strip()


def _require_form_known(session: Session, spec: FormSpec, latest: RecordVersion) -> None:
    """A record written with a later version of its form than this laptop's is not amended here:
    the older screen cannot show the answers the later one asked (a CT head on a fall), which the
    amendment would sign again, and its version was stamped with the older form's number."""
    if latest.form_version > spec.version:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{form}: this record was written with version {written} of "
                                                         "the form and this laptop has version {here}, which cannot "
                                                         "show all its answers: update Downtime on this laptop, or "
                                                         "amend it on one that is up to date."),
                           form=spec.title.get(session.lang), written=latest.form_version, here=spec.version)


def amend(session: Session, record_id: str, values: dict[str, Any], reason: str, *,
          based_on: int | None = None) -> RecordVersion:
    """The corrected record as a new version; the old one stays readable in the history. An
    order, a dose, and the time or theatre of an operation done typed so are checked by their
    service as when first written (a hold settled to a version that exists is not: see
    `settle_to`)."""
    latest, reason = _next_version(session, record_id, reason, based_on)
    spec = session.form(latest.form_id)
    _require_form_known(session, spec, latest)
    _require_author(session, spec, Action.AMEND_RECORD)
    _require_owner(session, spec, latest)
    _check_typed(_Typed(session, spec, latest.patient_id, _checked(session, spec, values, latest.data), latest))
    return _amended(session, latest, values, reason, "record.amend")


def _amended(session: Session, latest: RecordVersion, values: dict[str, Any], reason: str,
             action: str, *, chosen: bool = False) -> RecordVersion:
    """The amendment's rules, whoever may make it: the form's checks, a change that changes
    something, and no field its own service judges. `chosen`: `values` are a version that
    exists (see `settle_to`), whose own answers stand as `_checked` keeps the amended one's."""
    spec = session.form(latest.form_id)
    kept = _checked(session, spec, values, values if chosen else latest.data, chosen=chosen)
    if kept == as_current(spec, latest.data):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Nothing was changed, so there is nothing to amend."))
    judged = CHECKED_BY_THEIR_SERVICE.get(spec.id, frozenset())
    if changed := sorted(name for name in judged if kept.get(name) != latest.data.get(name)):
        fields = ", ".join(spec.field(name).label.get(session.lang) for name in changed)
        if spec.id == census.DOSE_FORM and (latest.data.get("outcome"), kept.get("outcome")) == ("not_given", "given"):
            # Refused at 10:05, taken at 10:45: both happened. Marked entered in error, the refusal
            # would reach the EHR as a mistake; a second dose for the time keeps it and reads given.
            raise ServiceError(QT_TRANSLATE_NOOP(
                "messages", "{fields} cannot be amended: a dose not given, then taken, is recorded as a second "
                            "dose for the same time. Keep this record, which says when it was not given and "
                            "why, and record the dose given from the chart's cell: the chart then reads it "
                            "given."), fields=fields)
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{fields} cannot be amended: mark this record entered in error "
                                             "with the reason, then record it again, so that its checks apply."),
                           fields=fields)
    if spec.id == census.DOSE_FORM:
        from downtime.services import medication  # which writes through this module

        medication.check_dose_amendment(session, latest.data, kept)
    return _append_version(session, latest, kept, RecordStatus.AMENDED, reason,
                           _occurred_at(spec, kept, session.clock()), action)


def settle_to(session: Session, record_id: str, standing: RecordVersion | None, chosen: RecordVersion,
              reason: str) -> RecordVersion:
    """Make a record on hold read as `chosen`, one of its versions (see services.holds), inside
    the caller's transaction: an amendment to its answers, or a withdrawal when the chosen
    version withdrew it, under the rules of any amendment (the records clerk writes what the
    ward decided, so the form's authors are not asked); version 1 when none stands here yet.
    What is asked of a version typed (see `amend`) is not asked of one chosen: it exists, and a
    laptop with an older app wrote it without a question asked since (an as-required dose's
    reason), which no one at the office can answer."""
    spec = session.form(chosen.form_id)
    for version in (chosen, standing):
        if version is not None:
            _require_form_known(session, spec, version)
    if standing is None:
        first = _first_version(session, spec, chosen.data, chosen.patient_id, record_id, SETTLED, chosen=True)
        if chosen.status is not RecordStatus.ENTERED_IN_ERROR:
            return first
        standing = first
    latest, reason = _next_version(session, record_id, reason, standing.version)
    if chosen.status is RecordStatus.ENTERED_IN_ERROR:
        return _append_version(session, latest, latest.data, RecordStatus.ENTERED_IN_ERROR, reason,
                               latest.occurred_at.isoformat(), SETTLED)
    return _amended(session, latest, chosen.data, reason, SETTLED, chosen=True)


def mark_entered_in_error(session: Session, record_id: str, reason: str, *,
                          based_on: int | None = None, checked_by_service: bool = False) -> RecordVersion:
    """Withdraw a record written by mistake (e.g. wrong patient); it stays in the history. A
    dose is withdrawn through its service (`checked_by_service`), which gives a controlled
    drug's quantity back to the register; an order by whom may withdraw it (see
    telephone_orders.check_withdrawal)."""
    latest, reason = _next_version(session, record_id, reason, based_on)
    spec = session.form(latest.form_id)
    _check_withdrawer(session, latest)
    if spec.id in CHECKED_BY_THEIR_SERVICE and not checked_by_service:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{form}: withdraw it from the patient's chart, where a controlled "
                                             "drug's quantity goes back to the register."),
                           form=spec.title.get(session.lang))
    return _append_version(session, latest, latest.data, RecordStatus.ENTERED_IN_ERROR, reason,
                           latest.occurred_at.isoformat(), "record.entered_in_error")


def _check_withdrawer(session: Session, latest: RecordVersion) -> None:
    """Whether this person may withdraw this record: one of the roles that write its form, its
    author for a form whose records are their author's (see `_require_owner`), and for an order,
    one whose order it is to withdraw (see telephone_orders.check_withdrawal), and for a critical
    result no doctor is told of, a registered nurse or a doctor (see lab_results.check_withdrawal)."""
    spec = session.form(latest.form_id)
    _require_author(session, spec, Action.MARK_ENTERED_IN_ERROR)
    _require_owner(session, spec, latest)
    if latest.form_id == ORDER_FORM:
        from downtime.services import telephone_orders  # which writes through this module

        telephone_orders.check_withdrawal(session, latest)
    elif latest.form_id == lab_results.FORM:
        lab_results.check_withdrawal(session, latest)


def may_withdraw(session: Session, latest: RecordVersion) -> bool:
    """Whether this person may mark this record entered in error, by the rules
    `mark_entered_in_error` applies: the screens offer only that."""
    try:
        _check_withdrawer(session, latest)
    except PermissionDenied:
        return False
    return True


def _append_version(session: Session, latest: RecordVersion, data: dict[str, Any],
                    status: RecordStatus, reason: str, occurred_at: str,
                    action: str) -> RecordVersion:
    now = session.clock()
    spec = session.form(latest.form_id)
    with session.db.atomic():
        _check_what_stands_on_it(session, spec, latest, data, status is RecordStatus.ENTERED_IN_ERROR)
        saved = _commit(session, spec, {
            "id": str(uuid.uuid4()), "record_id": latest.record_id,
            "version": latest.version + 1, "form_id": latest.form_id,
            "form_version": max(spec.version, latest.form_version),
            "patient_id": latest.patient_id, "status": status.value,
            "data": audit.canonical(data), "reason": reason,
            "author": session.user.staff_id, "device_id": session.device.device_id,
            "occurred_at": occurred_at, "recorded_at": now.isoformat()}, action,
            ages=datetime.fromisoformat(occurred_at) != latest.occurred_at)
    session.emit("record_saved", saved)
    return saved


@dataclass(frozen=True)
class _Typed:
    """A record's answers as typed on the ward, new or correcting `latest`: one argument for
    every check, so that the table of each form's checks (see _form_checks) says which run on
    it, and each check reads what it needs of this."""
    session: Session
    spec: FormSpec
    patient_id: str | None
    data: dict[str, Any]
    latest: RecordVersion | None = None

    @property
    def before(self) -> dict[str, Any] | None:
        """The answers an amendment corrects: a check may hold it only to what it changes."""
        return None if self.latest is None else self.latest.data

    @property
    def record_id(self) -> str | None:
        """The record amended, which a check against the patient's other records leaves out."""
        return None if self.latest is None else self.latest.record_id


class _Check(NamedTuple):
    """One of a form's own checks. `patient`: it reads the patient's other records, so it runs
    only once one is chosen (a record typed without one is refused after the checks, see
    _first_version). `amending`: it runs on an amendment only, a new record of its form being
    written through its own service, which checks it, or having no earlier answers to compare."""
    run: Callable[[_Typed], None]
    patient: bool = True
    amending: bool = False


def _check_typed(typed: _Typed) -> None:
    """The checks a form alone cannot run, on a record typed on the ward, new or amended (not on
    one imported or settled, which exists already: see save_imported, settle_to). First those
    its kind of form calls for, whatever its id: a patient created, a reference picked, the
    patient leaving with a unit of blood running (new only, see transfusion.check_leaving),
    allergies said checked; then the form's own (see _form_checks). The first to refuse gives
    the message the nurse reads, so this order is kept."""
    session, spec, patient_id, data = typed.session, typed.spec, typed.patient_id, typed.data
    if typed.latest is None:
        _check_not_yet(session, spec, data)
    if spec.creates_patient:
        identity.check_temporary_name(session.db, session.forms, spec, data, patient_id, session.lang,
                                      before=typed.before)
        # An admission's weight unusual for the age, or amended far from the one it replaces,
        # refused unconfirmed as the form view asks it (see weight.check_stay).
        weight.check_stay(session, spec, patient_id, data, typed.latest)
        paper_numbers.check(session, spec, data, patient_id, before=typed.before)
        _check_diet(session, spec, data, typed.before)
    _check_picked(session, spec, patient_id, data)
    if (typed.latest is None and spec.movement is not None and leaves_hospital(spec.movement)
            and patient_id is not None):
        transfusion.check_leaving(session, spec, patient_id, data)
    _check_allergies_checked(session, spec, patient_id, data)
    _check_allergy_lines(session, spec, data, typed.before)
    for check in _form_checks().get(spec.id, ()):
        if (patient_id is not None or not check.patient) and (typed.latest is not None or not check.amending):
            check.run(typed)


INFUSION_RATE_FORM = "infusion_rate"
"""services.infusion_rates.FORM, whose service writes through this module and checks a new record
itself, finding its bag: only an amendment is checked here."""
INFUSION_CHECK_FORM = "infusion_check"
"""services.infusion_checks.FORM, written and checked as INFUSION_RATE_FORM is."""


@cache
def _form_checks() -> dict[str, tuple[_Check, ...]]:
    """Each form's own checks by its id, in the order they run, said once for a record typed
    (save_new) and for an amendment (amend): a check added to one and forgotten in the other
    would let a correction write what the first save refused. Built at first use, as the
    services of orders, doses, pain, theatre and VTE records write through this module."""
    # which write through this module
    from downtime.services import (alcohol_withdrawal, capacity, falls, falls_risk, infusion_checks, infusion_rates, medication,
                                   missing_patient, pain, reconciliation, safeguarding, swallow_screen, theatre, vte)
    from downtime.services import fluid_balance  # reads medication's, which writes through this module
    from downtime.services import enhanced_observation  # reads capacity's

    return {
        # An order written or amended on the ward (see medication.check_order).
        ORDER_FORM: (_Check(lambda typed: medication.check_order(typed.session, typed.patient_id, typed.data,
                                                                 typed.before)),),
        # A dose amended as typed, checked as the round checked it (see medication.check_dose_typed).
        census.DOSE_FORM: (_Check(lambda typed: medication.check_dose_typed(typed.session, typed.data, typed.before),
                                  patient=False, amending=True),),
        # A rate change amended to another time or change, held to its bag's other changes as when
        # recorded (see infusion_rates.check): a stop moved before a later change of rate.
        INFUSION_RATE_FORM: (_Check(lambda typed: infusion_rates.check(typed.session, typed.patient_id, typed.data,
                                                                       typed.record_id), amending=True),),
        # A check of a running infusion amended to another time or bag, or to a volume or a rate off
        # with nothing said done, held to its bag as when recorded (see infusion_checks.check).
        INFUSION_CHECK_FORM: (_Check(lambda typed: infusion_checks.check(typed.session, typed.patient_id, typed.data,
                                                                         typed.record_id), amending=True),),
        # An operation done moved to another time or theatre, asked about as when recorded.
        DONE_FORM: (_Check(_check_done_moved, patient=False, amending=True),),
        # A result amended to another test, value, units or flag keeps a doctor told of the earlier
        # one (see lab_results.check_amended): a corrected critical value would never be told. A
        # student nurse's critical result, a value outside its range saved Normal (see lab_results.check).
        lab_results.FORM: (_Check(lambda typed: lab_results.check(typed.session, typed.before, typed.data),
                                  patient=False),),
        # A sample's drug level naming none of the patient's medicines whose doses levels decide, a
        # group and screen's second sample at the first's time (see lab_results.check_request).
        lab_results.REQUEST_FORM: (_Check(lambda typed: lab_results.check_request(
            typed.session, str(typed.patient_id), typed.data, typed.before, typed.record_id)),),
        # A unit of blood's prescription, start or end (see transfusion.check).
        **dict.fromkeys(transfusion.FORMS, (_Check(lambda typed: transfusion.check(
            typed.session, typed.spec, typed.patient_id, typed.data, typed.record_id)),)),
        # A WHO surgical safety checklist against what the ward knows, which the form alone
        # cannot see: the admission's allergies and the side the operation is booked on, and its
        # sign-in against the operation's slot and done time (see theatre.check_checklist).
        theatre.CHECKLIST_FORM: (_Check(_check_allergy_known), _Check(_check_site_marked),
                                 _Check(lambda typed: theatre.check_checklist(typed.session, typed.spec, typed.data,
                                                                              typed.before))),
        pews.FORM: (_Check(_check_pews),),
        # A glucose reading asked when the next is due and the meter's unit, its value one such a
        # meter shows (see glucose.check): one written before the form asked is corrected as it was.
        # The reading after a hypo asked how it was treated (see glucose.check_treated); one taken
        # while an insulin infusion runs, its next within the hour (glucose.check_plan_on_infusion).
        glucose.FORM: (_Check(lambda typed: glucose.check(typed.spec, typed.data, typed.session.lang, typed.before),
                              patient=False),
                       _Check(lambda typed: glucose.check_treated(typed.session.db, typed.spec, str(typed.patient_id),
                                                                  typed.data, typed.session.lang, typed.before)),
                       _Check(lambda typed: glucose.check_plan_on_infusion(
                           typed.session.db, typed.spec, str(typed.patient_id), typed.data, typed.session.lang,
                           typed.before))),
        # A fall's limbs weak before it, asked of a Yes typed (a fall of version 4 is corrected as
        # it was), and its last seen well time in the stay of the fall (see falls.check).
        falls.FORM: (_Check(lambda typed: falls.check(typed.session.db, typed.spec, str(typed.patient_id), typed.data,
                                                      typed.session.lang, typed.before)),),
        # A patient missing from the ward: a factor making the risk HIGH, or a child, answered medium or
        # low, an action or the return before noticed missing, the review before the return (see
        # missing_patient.check).
        missing_patient.FORM: (_Check(lambda typed: missing_patient.check(
            typed.spec, typed.data, typed.session.lang, typed.before, born=None if typed.patient_id is None else
            census.patient_with_location(typed.session.db, typed.session.forms, typed.patient_id).birth_date),
            patient=False),),
        # A swallow screen passed after a No before the water or a sign at the water, a referral or
        # the SLT's assessment before the screen (see swallow_screen.check).
        swallow_screen.FORM: (_Check(lambda typed: swallow_screen.check(typed.spec, typed.data, typed.session.lang,
                                                                        typed.before), patient=False),),
        # A capacity assessment of a patient under 16, the outcome the two stages do not give (LACKS
        # with no impairment or no ability answered No, HAS with one), an IMCA said not needed with
        # no one but staff consulted (see capacity.check).
        capacity.FORM: (_Check(lambda typed: capacity.check(
            typed.spec, typed.data, typed.session.lang, typed.before, born=None if typed.patient_id is None else
            census.patient_with_location(typed.session.db, typed.session.forms, typed.patient_id).birth_date),
            patient=False),),
        # A safeguarding concern's adult or child against the patient's age, a category not of
        # either, a time before it was raised, consent refused with no reason and a referral,
        # "lacks capacity" with no assessment saying so, a danger with no police and no reason
        # (see safeguarding.check).
        safeguarding.FORM: (_Check(lambda typed: safeguarding.check(
            typed.spec, typed.data, typed.session.lang, typed.before,
            born=census.patient_with_location(typed.session.db, typed.session.forms, typed.patient_id).birth_date,
            assessments=[one.assessment for one in capacity.CHART.of(typed.session.db, str(typed.patient_id))])),),
        # A VTE assessment naming the mechanical prophylaxis decided, and no stockings after an
        # acute stroke or with a reason against them ticked (see vte.check).
        vte.FORM: (_Check(lambda typed: vte.check(typed.spec, typed.data, typed.session.lang, typed.before),
                          patient=False),),
        # A falls-risk assessment's standing readings with no lying one or with "unable to stand",
        # a diastolic not below its systolic (see falls_risk.check).
        falls_risk.FORM: (_Check(lambda typed: falls_risk.check(typed.spec, typed.data, typed.session.lang,
                                                                typed.before), patient=False),),
        # An alcohol withdrawal check's dose given before the check (see alcohol_withdrawal.check).
        alcohol_withdrawal.FORM: (_Check(lambda typed: alcohol_withdrawal.check(
            typed.spec, typed.data, typed.session.lang, typed.before), patient=False),),
        # An enhanced observation decision by anyone but a registered nurse or a doctor, an entry with
        # no level standing, a review beyond 24 hours, an urgent DoLS authorisation without its
        # grounds, an extension beyond 7 days (see enhanced_observation.check).
        enhanced_observation.FORM: (_Check(lambda typed: enhanced_observation.check(
            typed.session, typed.spec, str(typed.patient_id), typed.data, typed.before, typed.record_id)),),
        # A medicines reconciliation leaving a medicine of its list undecided, a row that could decide
        # two lines, or no medicine decided and no list checked (see reconciliation.check).
        reconciliation.FORM: (_Check(lambda typed: reconciliation.check(typed.spec, typed.data, typed.session.lang),
                                     patient=False),),
        # A sepsis screening's review typed on the wrong day, oxygen "not needed" under target on
        # air (see sepsis.check); IV antibiotics timed with none prescribed (see sepsis.check_prescribed).
        sepsis.FORM: (_Check(lambda typed: sepsis.check(typed.spec, typed.data, typed.session.lang, typed.before),
                             patient=False), _scale_2_check(("taken_at", "screened_at")),
                      _Check(lambda typed: sepsis.check_prescribed(typed.session, typed.spec, str(typed.patient_id),
                                                                   typed.data, typed.before))),
        # A new cannula put in where the old one still is, a misspelt removal (see devices.check_look).
        devices.FORM: (_Check(lambda typed: devices.check_look(typed.session.db, typed.spec, typed.patient_id,
                                                               typed.data, typed.session.lang, typed.latest)),),
        # A pressure ulcer charted at a better category than its worst (see wounds.check_look), a
        # dressing the patient's allergies match without the nurse's reason (see wounds.check_dressing).
        wounds.FORM: (_Check(lambda typed: wounds.check_look(typed.session.db, typed.spec, typed.patient_id,
                                                             typed.data, typed.session.lang, typed.latest)),
                      _Check(lambda typed: wounds.check_dressing(typed.session, typed.spec, str(typed.patient_id),
                                                                 typed.data))),
        # Analgesia given left unassessed for hours, a toddler scored on the number scale (see pain.check).
        pain.FORM: (_Check(lambda typed: pain.check(typed.session, typed.spec, typed.patient_id, typed.data,
                                                    typed.before)),),
        # A NEWS2 set on SpO2 scale 2 by a nurse only while a doctor's prescription of it stands for
        # the stay (see observations.check_scale_2): any name typed as its prescriber cleared the
        # list. So too the readings a sepsis screening (above) or a transfer copies, each at its
        # readings' time: switched to scale 2, red flag sepsis read "low".
        observations.FORM: (_scale_2_check(("taken_at",)),),
        # A plan stopping observations without comfort care, or comfort care with no DNACPR recorded
        # and no word of why CPR stands (see observations.check_plan).
        observations.PLAN_FORM: (_Check(lambda typed: observations.check_plan(typed.session, typed.spec,
                                                                             str(typed.patient_id), typed.data,
                                                                             typed.before)),),
        "transfer": (_scale_2_check(("obs_at", "moved_at")),),
        # The last observations' time required of an adult's transfer alone (see _news2_time_check).
        "transfer_out": (_news2_time_check("obs_at", "departed_at"), _scale_2_check(("obs_at", "departed_at"))),
        # A change of position less often than the latest Braden asks, without the nurse's reason
        # kept (see repositioning.check_often_enough): only the form on screen asked.
        repositioning.FORM: (_Check(lambda typed: repositioning.check_often_enough(
            typed.session.db, typed.spec, str(typed.patient_id), typed.data, typed.before, typed.session.lang)),),
        # A MUST screening's weight asked about as an admission's and against the stay's latest, and
        # a weight lost ticked lower than the stay's weights show (see weight.check_screening).
        nutrition.FORM: (_Check(lambda typed: weight.check_screening(typed.session, typed.spec, str(typed.patient_id),
                                                                     typed.data, typed.latest)),),
        # A weighing's weight asked about as an admission's and against the stay's latest (see
        # weight.check_stay).
        weight.FORM: (_Check(lambda typed: weight.check_stay(typed.session, typed.spec, typed.patient_id, typed.data,
                                                             typed.latest)),),
        # A fluid restriction or target under 250 mL for a patient past a newborn's size, a typo
        # (15 for 1500: see fluid_balance.check_plan); the form's least is a preterm baby's.
        fluid_balance.PLAN_FORM: (_Check(lambda typed: fluid_balance.check_plan(typed.session, str(typed.patient_id),
                                                                                typed.data)),),
        # A resuscitation decision set or changed only by a doctor, or a ward nurse naming the
        # doctor (see resuscitation.check_change): a student nurse reversed a DNACPR.
        resuscitation.FORM: (_Check(lambda typed: resuscitation.check_change(typed.session, typed.spec, typed.data,
                                                                             typed.before), patient=False),),
        # A death verified without its findings, or by a nurse when not expected (see _check_death).
        census.DEATH_FORM: (_Check(_check_death, patient=False), _Check(_check_last_seen)),
    }


def _scale_2_check(times: tuple[str, ...]) -> _Check:
    """A form's SpO2 scale 2 held to the stay's prescription at the first of `times` answered (see
    observations.check_scale_2)."""
    return _Check(lambda typed: observations.check_scale_2(typed.session, str(typed.patient_id), typed.data, times,
                                                           typed.latest))


def _news2_time_check(taken: str, at: str) -> _Check:
    """A letter's last observations' time (`taken`) required of a patient NEWS2 scores at the
    letter's time (`at`; now, unanswered: observations.applies_to), not of a child: a form cannot
    require it by the patient's age, and a child's transfer was refused until a time was typed
    into its adult section, which then printed "NEWS2 not applicable" (a child's observations go
    in its PEWS field)."""
    def check(typed: _Typed) -> None:
        session, when = typed.session, typed.data.get(at)
        if typed.data.get(taken) or not observations.applies_to(
                census.patient_with_location(session.db, session.forms, str(typed.patient_id)),
                datetime.fromisoformat(str(when)) if when else session.clock()):
            return
        raise ValidationFailed([FieldError(taken, field_message("required", session.lang,
                                                                typed.spec.field(taken).label.get(session.lang)))])
    return _Check(check)


def _check_pews(typed: _Typed) -> None:
    """A child's set typed, or its next set changed by an amendment, checked by its chart (see
    pews.check_next): a reading corrected hours later is not refused for the plan made then."""
    if typed.before is None or typed.before["next_in"] != typed.data["next_in"]:
        pews.check_next(typed.session, typed.spec, typed.patient_id, typed.data)


DEATH_FINDINGS = ("verifier_role", "observed_minutes", "no_central_pulse", "no_heart_sounds", "no_respiration",
                  "pupils_fixed", "no_response_to_pain")
"""The death form's answers of its verification from version 5 (census.FINDINGS_ASKED): who
verified it, for how long, and each sign of life found absent (`_check_death`)."""
LAST_SEEN = "last_seen_alive_at"
"""The death form's time the patient found dead was last seen alive (`_check_last_seen`)."""
NURSE_VERIFIER = "registered_nurse"
"""The death form's `verifier_role` of a registered nurse trained to verify an expected death."""


def death_asked(session: Session, record: RecordVersion | None) -> dict[str, bool]:
    """The death's findings (`DEATH_FINDINGS`) its form view stars as required, by field id: those
    of a new death and of one first saved under census.FINDINGS_ASKED or later (`_check_death`),
    which the form no longer requires by `required_when`. None of a death of an earlier version:
    verified now by amending it, they are asked at the save."""
    if record is not None and not census.first_saved_from(session.db, [record.record_id], census.FINDINGS_ASKED):
        return {}
    return dict.fromkeys(DEATH_FINDINGS, True)


def _check_death(typed: _Typed) -> None:
    """A death verified with a finding unanswered (`DEATH_FINDINGS`), asked of a new record, of one
    first saved under census.FINDINGS_ASKED or later, and of one awaiting verification verified now
    by amending it: a death verified under version 4, whose findings no one was asked, is amended
    (its body gone to the mortuary, its family told) as it was, where the form's `required_when`
    asked every amendment for findings the nurse could only make up on a legal record. And a
    registered nurse named as verifier of a death not expected, or referred to the coroner: a nurse
    verifies an expected death only (RCN 2019), and the record said both."""
    session, spec, data, before = typed.session, typed.spec, typed.data, typed.before
    lang = session.lang
    errors = []
    if data.get(census.VERIFICATION_PENDING) is not True and (
            spec.version >= census.FINDINGS_ASKED if before is None
            else before.get(census.VERIFICATION_PENDING) is True
            or bool(census.first_saved_from(session.db, [str(typed.record_id)], census.FINDINGS_ASKED))):
        errors += [FieldError(name, field_message("required", lang, spec.field(name).label.get(lang)))
                   for name in DEATH_FINDINGS if data.get(name) in (None, "")]
    if data.get("verifier_role") == NURSE_VERIFIER and (data.get("expected") is not True
                                                        or data.get(census.CORONER) is True):
        errors.append(FieldError("verifier_role", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: a registered nurse verifies an expected death only, not one referred to the "
                        "coroner: this death is verified by a doctor."),
            field=spec.field("verifier_role").label.get(lang))))
    if errors:
        raise ValidationFailed(errors)


def _check_last_seen(typed: _Typed) -> None:
    """When a patient found dead was last seen alive, held to the stay as the time of death is: the
    form holds it only to the death ("27/11" of a patient admitted on the 28th went to the clerk)."""
    seen, lang = typed.data.get(LAST_SEEN), typed.session.lang
    if not seen or census.location_at(typed.session.db, str(typed.patient_id),
                                      datetime.fromisoformat(seen)) is not None:
        return
    raise ValidationFailed([FieldError(LAST_SEEN, message(lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: the patient was not in hospital then: the time they were last seen alive is "
                    "within their stay."), field=typed.spec.field(LAST_SEEN).label.get(lang)))])


def _check_done_moved(typed: _Typed) -> None:
    """An operation done amended to another time or theatre, asked about as when recorded (see
    theatre.refuse_done_in_use); its other answers corrected are not."""
    from downtime.services import theatre  # which writes through this module

    if any(typed.before.get(name) != typed.data.get(name) for name in ("done_at", "theatre")):
        theatre.refuse_done_in_use(typed.session.db, typed.session.forms, typed.data)


def _check_not_yet(session: Session, spec: FormSpec, data: dict[str, Any]) -> None:
    """A new record answers nothing of a section only an amendment answers (Section.amending:
    a sample just sent is not yet rejected, lost or cancelled), which its form does not show: a
    script or a stale draft could still write it, and the sample was never chased."""
    if answered := [field for section in spec.sections if section.amending for field in section.fields
                    if data.get(field.id) not in (None, "", [])]:
        raise ValidationFailed([FieldError(field.id, message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: answered by amending the record once it is saved, not on a new one."),
            field=field.label.get(session.lang))) for field in answered])


def _check_picked(session: Session, spec: FormSpec, patient_id: str | None, data: dict[str, Any]) -> None:
    """A reference picked from the patient's own records (a unit's prescription, a result's
    sample) names one of this patient's standing records of its form: the form's list offers
    only those, a script or a stale draft could name another. A multiple choice kept `within`
    an answer of that record holds none of its codes but those (a result gives tests its sample
    was sent for)."""
    picked: dict[str, RecordVersion] = {}
    for field in spec.fields():
        if not (isinstance(field, RecordRefField) and field.picked and data.get(field.id)):
            continue
        found = current_of(session.db, [str(data[field.id])]).get(str(data[field.id]))
        if (found is None or found.form_id != field.form or found.patient_id != patient_id
                or found.status is RecordStatus.ENTERED_IN_ERROR):
            raise ValidationFailed([FieldError(field.id, message(session.lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: no standing record of this patient's with that reference."),
                field=field.label.get(session.lang)))])
        picked[field.id] = found
    for field in spec.fields():
        if not (isinstance(field, MultiChoiceField) and field.within and (pointer := data.get(field.within.record))):
            continue
        if (pointed := picked.get(field.within.record) or current_of(session.db, [str(pointer)]).get(str(pointer))) is None:
            continue
        allowed = pointed.data.get(field.within.field) or []
        if outside := [code for code in data.get(field.id) or [] if code not in allowed]:
            raise ValidationFailed([FieldError(field.id, message(session.lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: {codes}: not among those of “{record}”: {allowed}."),
                field=field.label.get(session.lang), codes=format_value(field, outside, session.lang),
                record=spec.field(field.within.record).label.get(session.lang),
                allowed=format_value(session.form(pointed.form_id).field(field.within.field), allowed,
                                     session.lang)))])


def _check_allergies_checked(session: Session, spec: FormSpec, patient_id: str | None, data: dict[str, Any]) -> None:
    """"Allergies checked and written on this form: Yes" while the admission says the patient's
    allergies are not known yet: MEYER's printed transfer said both, under "ALLERGIES NOT KNOWN
    YET", and the receiving team could believe either. Typed records only, as an order's checks."""
    field = spec.by_meaning(Meaning.ALLERGIES_CHECKED)
    if field is None or patient_id is None or data.get(field.id) is not True:
        return
    patient = census.patient_with_location(session.db, session.forms, patient_id)
    if allergies_not_known(patient.allergy_status, patient.allergies):
        raise ValidationFailed([FieldError(field.id, message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "{field}: the patient's allergies are not known yet. Record them on the admission record "
                        "first (the allergies, or “No known allergies”), then answer Yes; until then answer No."),
            field=field.label.get(session.lang)))])


def _check_diet(session: Session, spec: FormSpec, data: dict[str, Any], before: dict[str, Any] | None) -> None:
    """An admission's diet nil by mouth and a meal served at once (domain.medication.MEALS_SERVED),
    refused naming the field: "Normal, Nil by mouth" was saved and printed on the handover, the
    kitchen and the next nurse left to guess whether the patient who failed the swallow screen
    eats. An amendment keeping the diet the record it corrects (`before`) had is not held to it."""
    diet = set(data.get("diet") or [])
    served = sorted(diet & MEALS_SERVED)
    if NIL_BY_MOUTH_DIET not in diet or not served or (before is not None and set(before.get("diet") or []) == diet):
        return
    field = spec.field("diet")
    raise ValidationFailed([FieldError(field.id, message(session.lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: “{nil}” cannot go with “{served}”: a patient nil by mouth is served no meal. Tick "
                    "one or the other."), field=field.label.get(session.lang),
        nil=format_value(field, [NIL_BY_MOUTH_DIET], session.lang), served=format_value(field, served, session.lang)))])


def _check_allergy_lines(session: Session, spec: FormSpec, data: dict[str, Any],
                         before: dict[str, Any] | None = None) -> None:
    """An allergy line whose substance says "no known allergies" or "not known yet" instead of
    naming an allergy ("NKDA", "Aucune", "Unknown", "?": domain.medication.allergy_status_said),
    refused, pointing to the status that says it: saved, "NKDA" printed in red as an allergy and
    went to the EHR as one, and "Unknown" counted as allergies listed, so no dose asked about them.
    An amendment keeping a line the record it corrects (`before`) had is not held to it: an
    admission saved with "NKDA" before this check could no longer have its weight corrected."""
    status_field, rows_field = spec.by_meaning(Meaning.ALLERGY_STATUS), spec.by_meaning(Meaning.ALLERGIES)
    if status_field is None or not isinstance(rows_field, RepeatField):
        return
    substance = next(field for field in rows_field.fields if field.id == "substance")
    kept = {str(row.get(substance.id) or "") for row in (before or {}).get(rows_field.id) or []}
    for at, row in enumerate(data.get(rows_field.id) or []):
        if (str(row.get(substance.id) or "") not in kept
                and (said := allergy_status_said(str(row.get(substance.id) or ""))) is not None):
            raise ValidationFailed([FieldError(f"{rows_field.id}[{at}].{substance.id}", message(
                session.lang, QT_TRANSLATE_NOOP("messages", "“{field}”: “{typed}” names no allergy. Choose “{answer}” "
                                                            "in “{status}” instead."),
                field=substance.label.get(session.lang), typed=row[substance.id],
                answer=format_value(status_field, said, session.lang), status=status_field.label.get(session.lang)))])


ALLERGY_KNOWN = "allergy_known"
"""The WHO checklist's "Known allergy" (`_check_allergy_known`), whose Yes prints the patient's
allergies beside it (printing.print_record)."""


def _check_allergy_known(typed: _Typed) -> None:
    """"Known allergy: No" for a patient whose admission lists one: the team would not look for
    it (latex, an antibiotic given at induction); nor while the admission says their allergies
    were never asked (not known yet): a box ticked No by habit was saved and sent to the EHR as
    "no allergy", the admission still saying nobody knew. And "Yes" while the admission lists
    none ("No known allergies", or not known yet): ticked by habit, it was saved unasked and
    printed under "No known allergies", naming no allergen, and the team could believe either.
    An amendment keeping an earlier answer is not held to the admission as it reads since."""
    session, spec, data, before = typed.session, typed.spec, typed.data, typed.before
    answer = data.get(ALLERGY_KNOWN)
    if answer is None or (before is not None and before.get(ALLERGY_KNOWN) is answer):
        return
    patient = census.patient_with_location(session.db, session.forms, typed.patient_id)
    field = spec.field(ALLERGY_KNOWN).label.get(session.lang)
    if answer is True:
        if not patient.allergies:
            raise ValidationFailed([FieldError(ALLERGY_KNOWN, message(session.lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: Yes, but the admission lists no allergy. Record the allergy on the admission "
                            "first (the team reads it there and on the wristband), then answer here."),
                field=field))])
        return
    if patient.allergies:
        raise ValidationFailed([FieldError(ALLERGY_KNOWN, message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: No, but the admission lists an allergy: {allergies}. Answer Yes and tell the team; "
                        "if the admission is wrong, correct it first."),
            field=field, allergies=", ".join(patient.allergies)))])
    if allergies_not_known(patient.allergy_status, patient.allergies):
        raise ValidationFailed([FieldError(ALLERGY_KNOWN, message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: No, but the admission says the patient's allergies are not known yet. Ask the "
                        "patient at the Sign In and record the answer on the admission first (“No known allergies”, "
                        "or the allergy), then answer here."),
            field=field))])


def _check_site_marked(typed: _Typed) -> None:
    """Site marking "Not applicable" for the operation picked, booked on a side or both, with no
    word why: a wrong-site operation's start, as a site answered No (which the form asks about)."""
    session, spec, data = typed.session, typed.spec, typed.data
    if data.get("site_marked") != NOT_APPLICABLE or data.get("notes") or not data.get("booking"):
        return
    booking = current_of(session.db, [str(data["booking"])]).get(str(data["booking"]))
    if booking is not None and booking.data.get("laterality") in (LEFT, RIGHT, BILATERAL):
        raise ValidationFailed([FieldError("notes", message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the operation is booked for a side ({side}): say why its site was not marked."),
            field=spec.field("notes").label.get(session.lang),
            side=format_value(session.form(booking.form_id).field("laterality"), booking.data["laterality"],
                              session.lang)))])


def _check_what_stands_on_it(session: Session, spec: FormSpec, latest: RecordVersion, data: dict[str, Any],
                             withdrawn: bool) -> None:
    """A record other records stand on changes only as far as they still read right: an order
    doses were given from (see medication.check_order_change), a prescription of blood units were
    started on (see transfusion.check_order_withdrawn), and a patient's last admission, whose other
    records would be left without a patient on any list, unreachable and uncorrectable."""
    if spec.id == ORDER_FORM:
        from downtime.services import medication  # which writes through this module

        medication.check_order_change(session, latest, data, withdrawn)
    elif spec.id == transfusion.ORDER_FORM and withdrawn:
        transfusion.check_order_withdrawn(session, latest)
    elif spec.creates_patient and withdrawn:
        others = [record for record in list_current(session.db, patient_id=latest.patient_id)
                  if record.record_id != latest.record_id and record.status is not RecordStatus.ENTERED_IN_ERROR]
        if others and not any(record.form_id == spec.id for record in others):  # a readmission's first stay stays
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "{count} other record(s) of this patient stand (orders, "
                                                 "doses, observations, operations…): withdraw them first, from the "
                                                 "patient's records (Ctrl+Shift+R), then this admission."),
                               count=len(others))


def may_write(session: Session, spec: FormSpec) -> bool:
    """Whether this person may write new records of this form: the screens offer only the forms
    the service would save, not one typed whole and then refused."""
    return bool(writable(session, [spec]))


def writable(session: Session, specs: Iterable[FormSpec]) -> list[FormSpec]:
    """Those of `specs` this person may write new records of, as `_require_author` would let them
    save one, their account read once (Session.require_active; none when it refuses the account):
    the window's menu of forms read it once a form, 48 times."""
    try:
        session.require_active()
    except PermissionDenied:
        return []
    return [spec for spec in specs if session.user.active and session.user.role in _writers(spec, Action.RECORD_CARE)]


def may_change(session: Session, spec: FormSpec, latest: RecordVersion | None = None) -> bool:
    """Whether this person may amend or withdraw this form's records, and `latest`, the record
    on screen, whose author alone changes it when the form's records are their author's (see
    `_require_owner`): the screens offer only what the service would accept."""
    try:
        _require_author(session, spec, Action.AMEND_RECORD)
        if latest is not None:
            _require_owner(session, spec, latest)
    except PermissionDenied:
        return False
    return True


def _require_owner(session: Session, spec: FormSpec, latest: RecordVersion) -> None:
    """A record of a form whose records are each their author's (`owned_by_author`: a note,
    signed as on paper) is changed by its author alone: the person who saved its first version,
    on this laptop (staff IDs are each laptop's own, the same ID on another is someone else).
    A nurse rewrote a doctor's note, which still read as the doctor's on screen, on paper and
    in the EHR; on paper a colleague writes their own note below."""
    if not spec.owned_by_author:
        return
    first = latest if latest.version == 1 else history(session.db, latest.record_id)[0]
    if (first.author, first.device_id) != (session.user.staff_id, session.device.device_id):
        raise PermissionDenied(QT_TRANSLATE_NOOP("messages", "{form}: this one was written by {author}, and only they "
                                                             "may correct or withdraw it. Write a new one of your own "
                                                             "to add to it or to say it is wrong."),
                               form=spec.title.get(session.lang), author=author_of(session, first))


# A record held whole (two versions 1 of it, see domain.holds) whose target went on a stick not
# imported yet: the back-entry list read the target to label it, and did not open.
NOT_HERE = QT_TRANSLATE_NOOP("messages", "{field} {record} is not here: import the stick that has it")


def record_label(session: Session, record: RecordVersion, known: Mapping[str, RecordVersion] | None = None,
                 authors: Authors | None = None, refs: Mapping[str, str] | None = None,
                 labels: Mapping[str, str] | None = None, office: bool = False) -> str:
    """A record in one line: its form's summary fields, or else its first required answers, each
    after its label (a number with its unit), but a first one that names the record, a text (a
    drug, a procedure, a theatre) or the record it is about: a line of bare answers, "… —
    01/12/2026 18:36 — Information-system outage — Yes", left the clerk to guess what each
    answered. An answer that points to another record (the order a dose was given from) shows
    that record's own label, in brackets after its own (a rebooking's new session), or its text
    in `refs` (a dose's order as the chart heads it, see medication.chart_labels); and one naming
    a staff member (a dose's witness) their name with the ID, as `authors` names the staff of the
    record's laptop (see domain.laptops.Authors). `known`: current versions already read, so that
    a list of doses does not read its order once per dose; `authors`: read once for a list (read
    here when a label needs it); `labels`: the words a field is labelled by on this line, by field
    id, where the record says more than its form (a student nurse's dose's `witness` is its
    supervisor, see back_entry.field_labels). `office`: the records office's worklist line, as the
    form's `office` says (its notice and title first, its own fields). An answer reads as its
    form says an unanswered one stands (values.standing_for): a death verified under version 4,
    "Verified by a: Doctor" on its print, was silent on the line the clerk typed from."""
    spec = session.form(record.form_id)
    line = spec.office if office else None
    names = (line.summary if line else None) or spec.summary
    fields = [spec.field(name) for name in names] or [field for field in spec.fields() if field.required][:4]
    units = units_from(session, spec, record.data, known)
    data = as_current(spec, record.data)
    parts: list[str] = []
    for field in fields:
        value = data.get(field.id)
        if field.relevant is None or asked_when(field.relevant, data):  # a death awaiting verification: no verifier
            value = standing_for(field, value)
        if value in (None, "", []):
            continue
        names_it = not parts and isinstance(field, (TextField, RecordRefField))
        if isinstance(field, RecordRefField):
            try:
                # `refs` on down: a rate change's bag names its order as the chart heads it too
                shown = (refs or {}).get(str(value)) or record_label(
                    session, (known or {}).get(str(value)) or current(session.db, str(value)), known, authors, refs)
            except RecordNotFound:  # a version on hold is not checked for what it points to
                parts.append(message(session.lang, NOT_HERE, field=field.line_label(session.lang), record=value))
                continue
            shown = shown if names_it else f"({shown})"
        else:
            who = None
            if isinstance(field, StaffRefField):
                authors = authors or authors_here(session)
                signed = signed_on(session.db, record)
                who = authors.on(session.lang, signed, laptops_known(session, {signed}))
            shown = answer_text(field, value, session.lang, who, unit=units.get(field.id))
        parts.append(shown if names_it else labelled((labels or {}).get(field.id) or field.line_label(session.lang),
                                                     shown, session.lang))
    if gone := leftover_lines(spec, record.data, session.lang):  # kept under an older version of the form
        parts.append(labelled(message(session.lang, NO_LONGER_ON_FORM), semicolon(session.lang).join(gone),
                              session.lang))
    heading = [*([line.notice.get(session.lang)] if line and line.notice else []),
               *([spec.title.get(session.lang)] if line and line.titled else [])]
    return " — ".join([*heading, *_totals(spec, data, session.lang), *parts])


def _totals(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> list[str]:
    """The scores a record's line starts with (domain.score_totals' `headline`: "CIWA-Ar 12
    MODERATE"): the clerk added up the items to type the EHR's total, and the band was nowhere."""
    return [said for section in spec.sections if section.total is not None
            and (headline := SCORE_TOTALS[section.total].headline) is not None and (said := headline(data, lang))]


def units_from(session: Session, spec: FormSpec, data: Mapping[str, Any],
               known: Mapping[str, RecordVersion] | None = None) -> dict[str, str]:
    """The unit of each answer whose unit is that of the record it points to (`unit_from`: a
    dose's is its order's), by field id: the records a list holds from `known`, else read. None
    for a record not here (a version on hold is not checked for what it points to)."""
    units = {}
    for field in spec.fields():
        source = field.unit_from if isinstance(field, (IntegerField, DecimalField)) else None
        if source is None or not (pointed := data.get(source.record)):
            continue
        try:
            target = (known or {}).get(str(pointed)) or current(session.db, str(pointed))
        except RecordNotFound:
            continue
        if unit := target.data.get(source.field):
            # In the words the record it comes from gives it: "18 UI" on a French chart, "18 units" here.
            units[field.id] = format_value(session.form(target.form_id).field(source.field), unit, session.lang)
    return units


def within(session: Session, field: MultiChoiceField, data: Mapping[str, Any]) -> list[str] | None:
    """The codes a multiple choice kept `within` an answer of the record it points to may hold
    as `data` stands (a result's tests, those its sample was sent for); None while it points to
    no record here, when any may be chosen."""
    if field.within is None or not (pointed := data.get(field.within.record)):
        return None
    try:
        return list(current(session.db, str(pointed)).data.get(field.within.field) or [])
    except RecordNotFound:
        return None


def choices(session: Session, form_id: str, patient_id: str | None = None) -> list[tuple[str, str]]:
    """Standing records a form field may point to (e.g. theatre sessions; `patient_id`'s alone,
    when given: a unit of blood's prescriptions), each with its label, as the screen offers them
    in a list: in the order of the moments they are about, then of their labels (a session's
    start, then its theatre). In the order each was last saved, a list shortened went after the
    next day's, and one imported after all of this laptop's."""
    standing = [record for record in list_current(session.db, form_id=form_id, patient_id=patient_id)
                if record.status is not RecordStatus.ENTERED_IN_ERROR]
    labelled = sorted(((record.occurred_at, record_label(session, record), record.record_id) for record in standing))
    return [(record_id, label) for _, label, record_id in labelled]


def on_hold(session: Session, record_ids: Collection[str]) -> dict[str, Hold]:
    """Those of these records another laptop wrote otherwise (two versions of one version
    number, met at an import): the ward's own version stands here, and whoever reads or acts on
    it must know that another exists until the records office settles which is right."""
    return {hold.record_id: hold for hold in holds(session.db, record_ids)}


def set_aside(session: Session, record_id: str) -> list[RecordVersion]:
    """The versions of this record another laptop wrote otherwise, kept beside those that stand
    here, in version order, then in the order written (sorted as moments, not as text: see
    domain.holds.holds_of)."""
    return sorted((as_version(row) for row in session.db.query(
        f"SELECT {', '.join(RECORD_COLUMNS)} FROM held_versions WHERE record_id = ?", [record_id])),
        key=lambda version: (version.version, version.recorded_at))

"""Autosaved drafts: what was typed into a form that is not saved yet.

A draft is a working copy, not a clinical record: it is replaced on every autosave and removed
when the record is saved, so a crash or power cut loses at most the field being typed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message, semicolon
from downtime.domain.census import StayStatus
from downtime.domain.records import RecordVersion
from downtime.domain.roles import Action
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.services.census import DOSE_FORM, Departure, all_patients, departures, field_value, patient_for_record
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.paper_doses import DRAFT_FORM as PAPER_DOSES, PaperDraft
from downtime.services.patients import PatientSummary, display_name
from downtime.storage import audit
from downtime.storage.audit import canonical
from downtime.storage.records import current, current_of


@dataclass(frozen=True)
class Draft:
    draft_id: str
    form_id: str
    record_id: str | None
    record_version: int | None  # the version an amendment under way started from
    patient_id: str | None
    data: dict[str, Any]
    updated_at: str


def save_draft(session: Session, draft_id: str, form_id: str, values: dict[str, Any],
               record_id: str | None = None, record_version: int | None = None,
               patient_id: str | None = None) -> None:
    """Only its author's autosave replaces a draft (discarding one checks the same)."""
    with session.db.atomic():
        session.db.execute(
            "INSERT INTO drafts (draft_id, form_id, record_id, record_version, patient_id, author, data, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(draft_id) DO UPDATE SET"
            " data = excluded.data, updated_at = excluded.updated_at WHERE drafts.author = excluded.author",
            [draft_id, form_id, record_id, record_version, patient_id, session.user.staff_id, canonical(values),
             session.clock().isoformat()])


def drafts_of(session: Session) -> list[Draft]:
    return [draft for draft, _ in _drafts(session.db, session.user.staff_id)]


def _drafts(db: Database, author: str | None = None, form_id: str | None = None) -> list[tuple[Draft, str]]:
    """The drafts on this laptop (`author`'s, of `form_id`, when given), newest first, each with its author."""
    rows = db.query("SELECT * FROM drafts WHERE (:author IS NULL OR author = :author)"
                    " AND (:form_id IS NULL OR form_id = :form_id) ORDER BY updated_at DESC",
                    {"author": author, "form_id": form_id})
    return [(Draft(draft_id=row["draft_id"], form_id=row["form_id"], record_id=row["record_id"],
                   record_version=row["record_version"], patient_id=row["patient_id"], data=json.loads(row["data"]),
                   updated_at=row["updated_at"]), str(row["author"])) for row in rows]


def unsaved_by_form(db: Database) -> list[dict[str, Any]]:
    """The drafts on this laptop as its export's manifest counts them, by form: how many, whose
    (staff IDs) and when the last was typed; never what was typed, which is no record. A dose
    typed and left at the lock screen is one a nurse believes saved, and no export said it was
    not: the records office could not ask the ward what it held."""
    found: dict[str, list[tuple[Draft, str]]] = {}
    for draft, author in _drafts(db):
        found.setdefault(draft.form_id, []).append((draft, author))
    return [{"form_id": form_id, "count": len(each), "authors": sorted({author for _, author in each}),
             "last_typed_at": max((draft.updated_at for draft, _ in each), key=datetime.fromisoformat)}
            for form_id, each in sorted(found.items())]


def discard_draft(session: Session, draft_id: str) -> None:
    with session.db.atomic():
        session.db.execute("DELETE FROM drafts WHERE draft_id = ? AND author = ?",
                           [draft_id, session.user.staff_id])


@dataclass(frozen=True)
class Waiting:
    """A draft as anyone signed in may know of it (see `waiting`): that it exists, whose it is,
    what it is for and when it was last typed; never what was typed in it, but a new patient's
    name and bed as typed so far, by which a patient on no census is found."""

    draft_id: str  # by which it is set aside (see `set_aside`)
    form_id: str
    author: str
    author_name: str
    author_active: bool
    typed_at: datetime
    amends: bool  # an amendment of a saved record under way, not a new record
    patient: str | None  # name and downtime number; a new patient's name as typed
    ward: str | None
    bed: str | None
    order_id: str | None  # a dose's order, its medicine and the order's time the dose is for
    drug: str | None
    scheduled_for: datetime | None  # None: a dose for no time of its order (as required)
    left: Departure | None  # its patient out of hospital now: how and when they left


def waiting(db: Database, forms: dict[str, FormSpec], author: str | None = None,
            form_id: str | None = None) -> list[Waiting]:
    """Every draft on this laptop (`author`'s, of `form_id`, when given), newest first, as others
    may know of it. Drafts are their author's alone to open, and they were told to no one else: an
    admission typed at 06:50 when the battery died was on no census for the day shift, a dose
    typed when the laptop changed hands at the lock screen was still due on the round for the
    next nurse, who could give it again, and a deactivated nurse's drafts were left unseen for
    good."""
    found = _drafts(db, author, form_id)
    people = {str(row["staff_id"]): (str(row["name"]), bool(row["active"]))
              for row in db.query("SELECT staff_id, name, active FROM staff")}
    amended = current_of(db, [draft.record_id for draft, _ in found if draft.record_id is not None])
    orders = current_of(db, [str(draft.data["order"]) for draft, _ in found if _is_dose(draft)])
    whose = {draft.draft_id: _whose(draft, amended) for draft, _ in found}
    known = {patient_id for patient_id in whose.values() if patient_id is not None}
    patients = all_patients(db, forms, known) if known else {}
    gone = departures(db, forms, known) if known else {}
    known_of = []
    for draft, writer in found:
        name, active = people.get(writer, (writer, False))
        patient_id = whose[draft.draft_id]
        order = orders.get(str(draft.data["order"])) if _is_dose(draft) else None
        slot = draft.data.get("scheduled_for") if order is not None else None
        left = gone.get(patient_id) if patient_id is not None else None
        patient, ward, bed = _place(draft, forms.get(draft.form_id),
                                    patients.get(patient_id) if patient_id is not None else None, left)
        known_of.append(Waiting(
            draft_id=draft.draft_id, form_id=draft.form_id, author=writer, author_name=name, author_active=active,
            typed_at=datetime.fromisoformat(draft.updated_at), amends=draft.record_id is not None,
            patient=patient, ward=ward, bed=bed, order_id=order.record_id if order is not None else None,
            drug=str(order.data.get("drug", "")) if order is not None else None,
            scheduled_for=datetime.fromisoformat(slot) if slot else None, left=left))
    return known_of


def _place(draft: Draft, spec: FormSpec | None, patient: PatientSummary | None,
           left: Departure | None) -> tuple[str | None, str | None, str | None]:
    """Who a draft is about and where they are (name, ward, bed): a known patient by name and
    downtime number, in their bed now, and nowhere once they have left (the bed they left from
    was told, and weeks later it was another patient's, on the same medicine); a new patient by
    the name, ward and bed typed so far; the paper-doses screen's for a ward by its ward."""
    if patient is not None:
        named = f"{patient.display_name} ({patient.downtime_number})"
        return (named, None, None) if left is not None else (named, patient.ward, patient.bed)
    if spec is not None and spec.creates_patient and draft.record_id is None:
        return (display_name(spec, draft.data) or None, field_value(spec, draft.data, Meaning.WARD),
                field_value(spec, draft.data, Meaning.BED))
    if draft.form_id == PAPER_DOSES:
        return None, PaperDraft.model_validate(draft.data).ward, None
    return None, None, None


def _is_dose(draft: Draft) -> bool:
    """A dose's draft, typed in the dose dialog or amending a dose, which names its order."""
    return draft.form_id == DOSE_FORM and bool(draft.data.get("order"))


def _whose(draft: Draft, amended: dict[str, RecordVersion]) -> str | None:
    """The patient a draft is about, when one is known: the paper-doses screen's for one patient,
    the amended record's, or the one it was opened for."""
    if draft.form_id == PAPER_DOSES:
        ids = PaperDraft.model_validate(draft.data).patient_ids
        return ids[0] if len(ids) == 1 else None
    if draft.record_id is not None and (record := amended.get(draft.record_id)) is not None:
        return record.patient_id
    return draft.patient_id


def typed_at_words(found: Waiting, now: datetime) -> str:
    """When a draft was last typed, on the laptop's clock (see `when_words`)."""
    return when_words(found.typed_at, now)


def when_words(at: datetime, now: datetime) -> str:
    """A time on the laptop's clock: its time, its day too when not today."""
    at = at.astimezone(now.tzinfo)
    return f"{at:%H:%M}" if at.date() == now.date() else f"{at:%d/%m %H:%M}"


_LEFT = {StayStatus.DISCHARGED: QT_TRANSLATE_NOOP("messages", "{what}, discharged {day}"),
         StayStatus.DECEASED: QT_TRANSLATE_NOOP("messages", "{what}, died {day}"),
         StayStatus.TRANSFERRED_OUT: QT_TRANSLATE_NOOP("messages", "{what}, transferred out {day}")}


def about(found: Waiting, forms: dict[str, FormSpec], lang: Lang, now: datetime) -> str:
    """What a draft is for, short, with no patient's name: its form (a dose, its medicine and
    time, its day too when not today), and the bed, else the ward, or, its patient gone, how and
    when they left ("Downtime admission record, bed 12", "dose of Amoxicillin 27/11 14:00,
    discharged 28/11"): for a line of the banner and the deactivation's question. A month-old
    dose was said "14:00, bed 12", and read at 13:30 as the dose due for the patient in bed 12
    today."""
    if found.drug is not None:
        what = (message(lang, QT_TRANSLATE_NOOP("messages", "dose of {drug} {time}"), drug=found.drug,
                        time=when_words(found.scheduled_for, now)) if found.scheduled_for is not None
                else message(lang, QT_TRANSLATE_NOOP("messages", "dose of {drug}"), drug=found.drug))
    elif found.form_id == PAPER_DOSES:
        what = message(lang, QT_TRANSLATE_NOOP("messages", "doses from the paper chart"))
    else:
        spec = forms.get(found.form_id)
        what = spec.title.get(lang) if spec is not None else found.form_id
    if found.amends:
        what = message(lang, QT_TRANSLATE_NOOP("messages", "amendment of {form}"), form=what)
    if found.left is not None:
        return message(lang, _LEFT[found.left.status], what=what, day=f"{found.left.at.astimezone(now.tzinfo):%d/%m}")
    if found.bed:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{what}, bed {bed}"), what=what, bed=found.bed)
    if found.ward:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{what}, ward {ward}"), what=what, ward=found.ward)
    return what


def author_words(found: Waiting, lang: Lang) -> str:
    """Whose a draft is, by name: one of a deactivated account says so, as she can no longer
    sign in to save it (given a new PIN, she can)."""
    return (found.author_name if found.author_active else
            message(lang, QT_TRANSLATE_NOOP("messages", "{name} (deactivated)"), name=found.author_name))


def unsaved_line(found: Sequence[Waiting], forms: dict[str, FormSpec], lang: Lang, now: datetime) -> str | None:
    """The banner's one short line on drafts others left (None: none): the last one's author, time
    and what it is for, and how many there are (each is in `unsaved_list`)."""
    if not found:
        return None
    last = found[0]
    values = {"name": author_words(last, lang), "time": typed_at_words(last, now),
              "what": about(last, forms, lang, now)}
    if len(found) == 1:
        return message(lang, QT_TRANSLATE_NOOP("messages", "1 form typed by {name} at {time} not saved ({what})"),
                       **values)
    return message(lang, QT_TRANSLATE_NOOP("messages", "{count} forms typed and not saved, the last by {name} at "
                                                       "{time} ({what})"), count=len(found), **values)


def unsaved_list(found: Sequence[Waiting], forms: dict[str, FormSpec], lang: Lang, now: datetime) -> str:
    """Each draft others left, a line each, with its patient when known: what the banner's line
    shows when pointed at. Only its author can open one: she is the one to ask."""
    ask = message(lang, QT_TRANSLATE_NOOP("messages", "Only whoever typed a form can open it: ask them to sign in "
                                                      "and save it, or to say what it held."))
    return "\n".join([*(told(each, forms, lang, now) for each in found), ask])


def told(found: Waiting, forms: dict[str, FormSpec], lang: Lang, now: datetime) -> str:
    """One draft another left, with its patient when known: a line of `unsaved_list`, and of the
    list a draft is set aside from."""
    values = {"what": about(found, forms, lang, now), "name": author_words(found, lang),
              "time": typed_at_words(found, now)}
    if found.patient:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{what} — {patient}: typed by {name} at {time}, not saved"),
                       patient=found.patient, **values)
    return message(lang, QT_TRANSLATE_NOOP("messages", "{what}: typed by {name} at {time}, not saved"), **values)


def listed(found: Sequence[Waiting], forms: dict[str, FormSpec], lang: Lang, now: datetime) -> str:
    """The drafts, each for what it is (see `about`), on one line: a deactivation names them."""
    return semicolon(lang).join(about(each, forms, lang, now) for each in found)


SET_ASIDE_AFTER = timedelta(hours=24)
"""A draft last typed this long ago can be set aside whoever typed it: its author has been off
the ward for a shift at least, and the banner told of it meanwhile."""

SETTING_ASIDE = (Action.MANAGE_STAFF, Action.RECORD_CARE)
"""Who may set aside another's draft: the administrator, who deactivates accounts, and any
clinician who records care, the nurse in charge of a shift being one with no role of her own."""


def may_set_aside(session: Session) -> bool:
    return any(session.user.may(action) for action in SETTING_ASIDE)


def can_be_set_aside(found: Waiting, now: datetime) -> bool:
    """A draft no one else can clear (only its author opens or discards it) once its author can
    no longer sign in, its patient has left hospital, or it was left a day: a deactivated agency
    nurse's dose stayed in every banner for the rest of the outage, and only reactivating her
    account and signing in as her removed it."""
    return not found.author_active or found.left is not None or now - found.typed_at >= SET_ASIDE_AFTER


def set_aside(session: Session, draft_id: str, reason: str) -> Waiting:
    """Another's draft removed, with a reason, by someone who may (see `SETTING_ASIDE`,
    `can_be_set_aside`). Audited with who typed it, when, for which patient and form, and what
    it held: a dose typed and never saved may have been given, and the clinical-safety officer
    checking it later has only the audit to read it in."""
    session.require_active()
    if not may_set_aside(session):
        session.require(Action.RECORD_CARE)
    reason = reason.strip()
    if not reason:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Say why the form is set aside (for example: the dose is "
                                                         "on the paper chart)."))
    now = session.clock()
    with session.db.atomic():
        found = next((each for each in waiting(session.db, session.forms) if each.draft_id == draft_id), None)
        draft = next((draft for draft, _ in _drafts(session.db) if draft.draft_id == draft_id), None)
        if found is None or draft is None:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "This form is no longer waiting: it was saved, "
                                                             "discarded or set aside meanwhile."))
        if not can_be_set_aside(found, now):
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "{name} typed this form at {time} and can still sign in:"
                                                             " ask them to save it or discard it. A form is set aside "
                                                             "once its author is deactivated, its patient has left "
                                                             "hospital, or a day after it was last typed."),
                               name=found.author_name, time=typed_at_words(found, now))
        whose = _whose(draft, current_of(session.db, [draft.record_id] if draft.record_id else []))
        audit.append(session.db, at=now, actor=session.user.staff_id, device_id=session.device.device_id,
                     action="draft.set_aside", entity="draft", entity_id=draft_id,
                     detail={"reason": reason, "author": found.author, "form_id": draft.form_id,
                             "patient_id": whose, "record_id": draft.record_id,
                             "record_version": draft.record_version, "typed_at": draft.updated_at,
                             "data": draft.data})
        session.db.execute("DELETE FROM drafts WHERE draft_id = ?", [draft_id])
    return found


def described(session: Session, draft: Draft) -> str:
    """A draft as the question after a crash names it: the form, the patient (name and downtime
    number; a new admission's name as typed so far) and when it was last typed. It said "2
    unsaved form(s)" alone, and the nurse could not tell whose, nor whether they still mattered."""
    typed_at = f"{datetime.fromisoformat(draft.updated_at):%d/%m/%Y %H:%M}"
    if draft.form_id == PAPER_DOSES:
        return _paper_described(session, PaperDraft.model_validate(draft.data), typed_at)
    spec = session.form(draft.form_id)
    patient = None
    if draft.record_id is not None and spec.about_patient:
        patient = patient_for_record(session.db, session.forms, current(session.db, draft.record_id))
    elif draft.patient_id is not None:
        patient = all_patients(session.db, session.forms, [draft.patient_id]).get(draft.patient_id)
    who = (f"{patient.display_name} ({patient.downtime_number})" if patient is not None
           else display_name(spec, draft.data) if spec.creates_patient else "")
    if not who:
        return message(session.lang, QT_TRANSLATE_NOOP("messages", "{form}, last typed {time}"),
                       form=spec.title.get(session.lang), time=typed_at)
    return message(session.lang, QT_TRANSLATE_NOOP("messages", "{form} — {patient}, last typed {time}"),
                   form=spec.title.get(session.lang), patient=who, time=typed_at)


def _paper_described(session: Session, draft: PaperDraft, typed_at: str) -> str:
    """The paper-doses screen's draft, with how many rows were said given or not given."""
    return message(session.lang, QT_TRANSLATE_NOOP("messages", "Doses from the paper chart — {patient}: {count} "
                                                               "row(s) typed, not saved, last typed {time}"),
                   patient=_paper_whose(session, draft), count=draft.typed(), time=typed_at)


def paper_waiting(session: Session, draft: Draft) -> str:
    """The paper-doses screen's draft as the question after a crash heads it, apart from the forms
    and single doses: it was counted among "unsaved form(s) or dose(s)", and a nurse read one
    form where a night's rows of a paper chart were waiting."""
    typed = PaperDraft.model_validate(draft.data)
    return message(session.lang, QT_TRANSLATE_NOOP("messages", "{count} row(s) of doses typed in from the paper chart "
                                                               "for {patient} are waiting, not saved."),
                   count=typed.typed(), patient=_paper_whose(session, typed))


def _paper_whose(session: Session, draft: PaperDraft) -> str:
    """Whose doses the screen's draft holds: one patient's by name and downtime number, a ward's
    by its code."""
    if len(draft.patient_ids) == 1 and (patient := all_patients(session.db, session.forms, draft.patient_ids)
                                        .get(draft.patient_ids[0])) is not None:
        return f"{patient.display_name} ({patient.downtime_number})"
    return message(session.lang, QT_TRANSLATE_NOOP("messages", "ward {ward}"), ward=draft.ward or "—")

"""Autosaved drafts: what was typed into a form that is not saved yet.

A draft is a working copy, not a clinical record: it is replaced on every autosave and removed
when the record is saved, so a crash or power cut loses at most the field being typed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message, semicolon
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.services.census import DOSE_FORM, all_patients, field_value, patient_for_record
from downtime.services.context import Session
from downtime.services.paper_doses import DRAFT_FORM as PAPER_DOSES, PaperDraft
from downtime.services.patients import PatientSummary, display_name
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


def discard_draft(session: Session, draft_id: str) -> None:
    with session.db.atomic():
        session.db.execute("DELETE FROM drafts WHERE draft_id = ? AND author = ?",
                           [draft_id, session.user.staff_id])


@dataclass(frozen=True)
class Waiting:
    """A draft as anyone signed in may know of it (see `waiting`): that it exists, whose it is,
    what it is for and when it was last typed; never what was typed in it, but a new patient's
    name and bed as typed so far, by which a patient on no census is found."""

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
    told = []
    for draft, writer in found:
        name, active = people.get(writer, (writer, False))
        patient_id = whose[draft.draft_id]
        order = orders.get(str(draft.data["order"])) if _is_dose(draft) else None
        slot = draft.data.get("scheduled_for") if order is not None else None
        patient, ward, bed = _place(draft, forms.get(draft.form_id),
                                    patients.get(patient_id) if patient_id is not None else None)
        told.append(Waiting(
            form_id=draft.form_id, author=writer, author_name=name, author_active=active,
            typed_at=datetime.fromisoformat(draft.updated_at), amends=draft.record_id is not None,
            patient=patient, ward=ward, bed=bed, order_id=order.record_id if order is not None else None,
            drug=str(order.data.get("drug", "")) if order is not None else None,
            scheduled_for=datetime.fromisoformat(slot) if slot else None))
    return told


def _place(draft: Draft, spec: FormSpec | None,
           patient: PatientSummary | None) -> tuple[str | None, str | None, str | None]:
    """Who a draft is about and where they are (name, ward, bed): a known patient by name and
    downtime number, in their bed now; a new patient by the name, ward and bed typed so far; the
    paper-doses screen's for a ward by its ward."""
    if patient is not None:
        return f"{patient.display_name} ({patient.downtime_number})", patient.ward, patient.bed
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
    """When a draft was last typed, on the laptop's clock: its time, its day too when not today."""
    typed = found.typed_at.astimezone(now.tzinfo)
    return f"{typed:%H:%M}" if typed.date() == now.date() else f"{typed:%d/%m %H:%M}"


def about(found: Waiting, forms: dict[str, FormSpec], lang: Lang) -> str:
    """What a draft is for, short, with no patient's name: its form (a dose, its medicine and
    time), and the bed, else the ward ("Downtime admission record, bed 12", "dose of Amoxicillin
    14:00, bed 12"): for a line of the banner and the deactivation's question."""
    if found.drug is not None:
        what = (message(lang, QT_TRANSLATE_NOOP("messages", "dose of {drug} {time}"), drug=found.drug,
                        time=f"{found.scheduled_for:%H:%M}") if found.scheduled_for is not None
                else message(lang, QT_TRANSLATE_NOOP("messages", "dose of {drug}"), drug=found.drug))
    elif found.form_id == PAPER_DOSES:
        what = message(lang, QT_TRANSLATE_NOOP("messages", "doses from the paper chart"))
    else:
        spec = forms.get(found.form_id)
        what = spec.title.get(lang) if spec is not None else found.form_id
    if found.amends:
        what = message(lang, QT_TRANSLATE_NOOP("messages", "amendment of {form}"), form=what)
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
    values = {"name": author_words(last, lang), "time": typed_at_words(last, now), "what": about(last, forms, lang)}
    if len(found) == 1:
        return message(lang, QT_TRANSLATE_NOOP("messages", "1 form typed by {name} at {time} not saved ({what})"),
                       **values)
    return message(lang, QT_TRANSLATE_NOOP("messages", "{count} forms typed and not saved, the last by {name} at "
                                                       "{time} ({what})"), count=len(found), **values)


def unsaved_list(found: Sequence[Waiting], forms: dict[str, FormSpec], lang: Lang, now: datetime) -> str:
    """Each draft others left, a line each, with its patient when known: what the banner's line
    shows when pointed at. Only its author can open one: she is the one to ask."""
    lines = [message(lang, QT_TRANSLATE_NOOP("messages", "{what} — {patient}: typed by {name} at {time}, not saved"),
                     what=about(each, forms, lang), patient=each.patient, name=author_words(each, lang),
                     time=typed_at_words(each, now)) if each.patient else
             message(lang, QT_TRANSLATE_NOOP("messages", "{what}: typed by {name} at {time}, not saved"),
                     what=about(each, forms, lang), name=author_words(each, lang), time=typed_at_words(each, now))
             for each in found]
    return "\n".join([*lines, message(lang, QT_TRANSLATE_NOOP(
        "messages", "Only whoever typed a form can open it: ask them to sign in and save it, or to say what it held."))])


def listed(found: Sequence[Waiting], forms: dict[str, FormSpec], lang: Lang) -> str:
    """The drafts, each for what it is (see `about`), on one line: a deactivation names them."""
    return semicolon(lang).join(about(each, forms, lang) for each in found)


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

"""Autosaved drafts: what was typed into a form that is not saved yet.

A draft is a working copy, not a clinical record: it is replaced on every autosave and removed
when the record is saved, so a crash or power cut loses at most the field being typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from downtime.i18n import QT_TRANSLATE_NOOP, message
from downtime.services.census import all_patients, patient_for_record
from downtime.services.context import Session
from downtime.services.paper_doses import DRAFT_FORM as PAPER_DOSES, PaperDraft
from downtime.services.patients import display_name
from downtime.storage.audit import canonical
from downtime.storage.records import current


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
    rows = session.db.query("SELECT * FROM drafts WHERE author = ? ORDER BY updated_at DESC",
                            [session.user.staff_id])
    return [Draft(draft_id=row["draft_id"], form_id=row["form_id"], record_id=row["record_id"],
                  record_version=row["record_version"], patient_id=row["patient_id"], data=json.loads(row["data"]),
                  updated_at=row["updated_at"]) for row in rows]


def discard_draft(session: Session, draft_id: str) -> None:
    with session.db.atomic():
        session.db.execute("DELETE FROM drafts WHERE draft_id = ? AND author = ?",
                           [draft_id, session.user.staff_id])


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

"""Autosaved drafts: what was typed into a form that is not saved yet.

A draft is a working copy, not a clinical record: it is replaced on every autosave and removed
when the record is saved, so a crash or power cut loses at most the field being typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from downtime.services.context import Session
from downtime.storage.audit import canonical


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

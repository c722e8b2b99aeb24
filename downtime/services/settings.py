"""Ward settings kept in the database (so every user of the laptop gets the same), audited."""

from __future__ import annotations

from sqlite_utils import Database

from downtime.domain.staff import Action
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.storage import audit

LABEL_STOCKS = ("L7159", "L7160", "L7163", "wristband")
DEFAULTS = {"label_stock": "L7160"}


def get(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [f"setting.{key}"]).fetchone()
    return row[0] if row else DEFAULTS[key]


def set_label_stock(session: Session, stock: str) -> None:
    """Which A4 label sheet this ward's printer is loaded with (administrators only)."""
    session.require(Action.MANAGE_STAFF)
    if stock not in LABEL_STOCKS:
        raise ServiceError(f"Label stock: one of {', '.join(LABEL_STOCKS)}.")
    with session.db.atomic():
        audit.upsert_audited(session.db, "meta", {"key": "setting.label_stock", "value": stock},
                             at=session.clock(), actor=session.user.staff_id,
                             device_id=session.device.device_id, action="setting.label_stock")

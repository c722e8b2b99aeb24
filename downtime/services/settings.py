"""Ward settings kept in the database (so every user of the laptop gets the same), audited."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.domain.bounds import DAY_MINUTES, MOST_IDLE_LOCK_MINUTES
from downtime.domain.medication import RoundPolicy
from downtime.domain.staff import Action
from downtime.services import wards
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.storage import audit

LABEL_STOCKS = ("L7159", "L7160", "L7163", "wristband")
DEFAULTS = {"label_stock": "L7160", "late_after_minutes": "30", "overdue_after_minutes": "60",
            "backup_folder": "", "backup_every_minutes": "15", "backup_keep": "10",
            "idle_lock_minutes": "5", "letter_contact": "", "export_key": "", "laptop_ward": "", "wards_key": ""}


def meta_key(key: str) -> str:
    """The `meta` row a setting is kept in."""
    return f"setting.{key}"


def get(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [meta_key(key)]).fetchone()
    return row[0] if row else DEFAULTS[key]


def set_value(session: Session, key: str, value: str) -> None:
    """Administrators only; every change is audited with its new value."""
    session.require(Action.MANAGE_STAFF)
    with session.db.atomic():
        audit.upsert_audited(session.db, "meta", {"key": meta_key(key), "value": value},
                             at=session.clock(), actor=session.user.staff_id,
                             device_id=session.device.device_id, action=f"setting.{key}")


def set_label_stock(session: Session, stock: str) -> None:
    """Which A4 label sheet this ward's printer is loaded with (administrators only), in any case
    ("l7163" as the box of labels reads was refused)."""
    known = {known.casefold(): known for known in LABEL_STOCKS}
    if stock.strip().casefold() not in known:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Label stock: one of {stocks}."), stocks=", ".join(LABEL_STOCKS))
    set_value(session, "label_stock", known[stock.strip().casefold()])


def set_round_thresholds(session: Session, late_after_minutes: int, overdue_after_minutes: int) -> None:
    """The ward's policy: a dose is late, then overdue, that many minutes after its time."""
    if not 0 < late_after_minutes < overdue_after_minutes <= DAY_MINUTES:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Round thresholds: late must be above 0 and below overdue (at most 24 h)."))
    with session.db.atomic():  # apart, a disk full between them could leave late after overdue
        set_value(session, "late_after_minutes", str(late_after_minutes))
        set_value(session, "overdue_after_minutes", str(overdue_after_minutes))


def set_idle_lock(session: Session, minutes: int) -> None:
    """How long the app waits, untouched, before it locks the screen (the form stays open)."""
    if not 1 <= minutes <= MOST_IDLE_LOCK_MINUTES:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Idle lock: 1 to 120 minutes."))
    set_value(session, "idle_lock_minutes", str(minutes))


def set_letter_contact(session: Session, contact: str) -> None:
    """Whom a patient calls about a rescheduled operation, printed on their letter (blank: the
    letter leaves a line to write it by hand)."""
    contact = " ".join(contact.split())
    if len(contact) > 120:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Contact on patients' letters: at most 120 characters."))
    set_value(session, "letter_contact", contact)


def set_export_key(session: Session, key: str) -> None:
    """The records office's public key, left on the laptop by IT: every export is encrypted to
    it. Left to the nurse exporting at the outage's end, a 62-character age1… key was typed by no
    one, and every patient's record went on the stick in plain text. Empty: none."""
    from downtime.sync.encryption import BadRecipient, parse_recipients

    key = key.strip()
    if key:
        try:
            parse_recipients([key])
        except BadRecipient:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Records office's key: {key!r} is not an age public key (it "
                                                             "starts with age1…; 'downtime keygen' prints it at the "
                                                             "records office)."), key=key) from None
    set_value(session, "export_key", key)


def set_wards_key(session: Session, secret: str) -> None:
    """The wards' key (an age identity, AGE-SECRET-KEY-1…) the hospital's set-up file brings to
    every ward laptop: a stick made for a patient moved to another ward is encrypted to its
    public half as well as to the records office's key, so the receiving ward's laptop reads it
    without the records office's secret key, which never goes on a ward laptop. Kept here, in the
    encrypted database, like the other settings: never in a file beside it. Empty: none."""
    from downtime.sync.encryption import BadIdentity, wards_identity

    secret = secret.strip()
    if secret:
        try:
            wards_identity(secret)
        except BadIdentity as problem:
            raise ServiceError(problem.template, **problem.values) from None
    set_value(session, "wards_key", secret)


def save_all(session: Session, *, label_stock: str, late_after_minutes: int, overdue_after_minutes: int,
             idle_lock_minutes: int, letter_contact: str, backup_folder: Path, backup_every_minutes: int,
             backup_keep: int, export_key: str) -> None:
    """The administration screen's settings in one transaction: one refused leaves them all as
    they were."""
    from downtime.services import backups  # which keeps its own settings here

    with session.db.atomic():
        set_label_stock(session, label_stock)
        set_round_thresholds(session, late_after_minutes, overdue_after_minutes)
        set_idle_lock(session, idle_lock_minutes)
        set_letter_contact(session, letter_contact)
        set_export_key(session, export_key)
        backups.set_backup_policy(session, backup_folder, backup_every_minutes, backup_keep)


def set_laptop_ward(session: Session, ward: str) -> str | None:
    """The ward this laptop belongs to, whose patients every ward list opens on (empty: none, the
    records office's laptop, whose lists open on all wards). Each list opened on "All wards" or
    the first ward set up, and a nurse at night chose her own ward on each, every time. Only a
    ward set up here: one typed wrong would leave every list on a ward with nobody in it. The
    laptop's own, like its device number: in no export and no set-up file."""
    from downtime.services import this_laptop  # which reads the ward from here

    session.require(Action.MANAGE_STAFF)
    code = laptop_ward_chosen(session.db, ward)
    set_value(session, "laptop_ward", code or "")
    this_laptop.keep(session.db)
    return code



def laptop_ward_chosen(db: Database, ward: str) -> str | None:
    """The ward set up here that `ward` names, None for none (empty); refused naming the wards
    that are."""
    ward = ward.strip()
    found = wards.wards(db, ward) if ward else []
    if ward and not found:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This laptop's ward: no ward {ward} is set up here (wards set "
                                                         "up: {known})."),
                           ward=ward, known=", ".join(wards.ward_codes(db)) or "-")
    return found[0].ward if found else None


def laptop_ward_said(ward: str | None, lang: Lang) -> str:
    """What setting the laptop's ward to `ward` did, as the Administration tab and the command
    line both say it."""
    if ward is None:
        return message(lang, QT_TRANSLATE_NOOP("messages", "This laptop belongs to no ward: the patient list and the "
                                                           "NEWS2 escalations open on all wards."))
    return message(lang, QT_TRANSLATE_NOOP("messages", "This laptop belongs to ward {ward}: its lists open on that ward."),
                   ward=ward)


def laptop_ward(db: Database) -> str | None:
    """This laptop's ward as `set_laptop_ward` keeps it, None for none."""
    return get(db, "laptop_ward") or None


def round_policy(db: Database) -> RoundPolicy:
    return RoundPolicy(late_after=timedelta(minutes=int(get(db, "late_after_minutes"))),
                       overdue_after=timedelta(minutes=int(get(db, "overdue_after_minutes"))))

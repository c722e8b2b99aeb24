"""Ward settings kept in the database (so every user of the laptop gets the same), audited."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from downtime.i18n import DAY_NAMES, QT_TRANSLATE_NOOP, Lang, message
from downtime.domain.bounds import DAY_MINUTES, MOST_IDLE_LOCK_MINUTES
from downtime.domain.medication import RoundPolicy
from downtime.domain.staff import Action
from downtime.domain.working_days import NO_REGION, BankHolidays, PartNeeded, coming, region_named
from downtime.services import wards
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.storage import audit

LABEL_STOCKS = ("L7159", "L7160", "L7163", "wristband")
DEFAULTS = {"label_stock": "L7160", "late_after_minutes": "30", "overdue_after_minutes": "60",
            "backup_folder": "", "backup_every_minutes": "15", "backup_keep": "10",
            "idle_lock_minutes": "5", "letter_contact": "", "export_key": "", "laptop_ward": "", "wards_key": "",
            "bank_holidays": NO_REGION}
BANK_HOLIDAY_REGIONS = {NO_REGION: QT_TRANSLATE_NOOP("messages", "None: Monday to Friday"),
                        "GB-ENG": QT_TRANSLATE_NOOP("messages", "England"),
                        "GB-WLS": QT_TRANSLATE_NOOP("messages", "Wales"),
                        "GB-SCT": QT_TRANSLATE_NOOP("messages", "Scotland"),
                        "GB-NIR": QT_TRANSLATE_NOOP("messages", "Northern Ireland"),
                        "FR": QT_TRANSLATE_NOOP("messages", "France"),
                        "FR-6AE": QT_TRANSLATE_NOOP("messages", "France: Alsace"),
                        "FR-57": QT_TRANSLATE_NOOP("messages", "France: Moselle")}
"""The regions the Settings tab offers, by name; `downtime set bank-holidays` takes any other the
`holidays` library knows (domain.working_days.region_named)."""


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


def set_bank_holidays(session: Session, region: str) -> None:
    """The bank holidays the hospital keeps, by its country or part of one ("GB-ENG", "FR";
    "none" or nothing: Monday to Friday only): a patient's letter reaches them in working days,
    and a safeguarding referral is due on one (domain.working_days)."""
    if region.strip().casefold() in ("", "none"):
        set_value(session, "bank_holidays", NO_REGION)
        return
    try:
        named = region_named(region)
    except PartNeeded as alone:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bank holidays: {region!r} has none of its own: name the part of "
                                                         "it the hospital is in ({parts})."),
                           region=region.strip(), parts=", ".join(alone.parts)) from None
    except ValueError:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bank holidays: {region!r} is not a country, or a part of one, "
                                                         "whose bank holidays are known (e.g. GB-ENG England, GB-SCT "
                                                         "Scotland, FR France, FR-6AE Alsace; none: Monday to Friday "
                                                         "only)."), region=region.strip()) from None
    set_value(session, "bank_holidays", named)


def days_off(db: Database) -> BankHolidays:
    """The bank holidays this laptop keeps (`set_bank_holidays`)."""
    return BankHolidays(get(db, "bank_holidays"))


def bank_holidays_said(db: Database, today: date, lang: Lang) -> str:
    """The bank holidays kept, by name and code, with the next three: an administrator reads
    back that the region set is the hospital's (Scotland's differ from England's)."""
    kept = days_off(db)
    if kept.region == NO_REGION:
        return message(lang, QT_TRANSLATE_NOOP("messages", "No bank holidays kept: every weekday is a working day."))
    days = ", ".join(f"{DAY_NAMES[lang][day.weekday()]} {day:%d/%m/%Y}" for day in coming(kept, today, 3))
    if kept.region not in BANK_HOLIDAY_REGIONS:  # set on the command line: its code is its name
        return message(lang, QT_TRANSLATE_NOOP("messages", "Bank holidays kept: {region}; the next: {days}."),
                       region=kept.region, days=days)
    return message(lang, QT_TRANSLATE_NOOP("messages", "Bank holidays kept: {name} ({region}); the next: {days}."),
                   name=message(lang, BANK_HOLIDAY_REGIONS[kept.region]), region=kept.region, days=days)


def save_all(session: Session, *, label_stock: str, late_after_minutes: int, overdue_after_minutes: int,
             idle_lock_minutes: int, letter_contact: str, backup_folder: Path, backup_every_minutes: int,
             backup_keep: int, export_key: str, bank_holidays: str) -> None:
    """The administration screen's settings in one transaction: one refused leaves them all as
    they were."""
    from downtime.services import backups  # which keeps its own settings here

    with session.db.atomic():
        set_label_stock(session, label_stock)
        set_round_thresholds(session, late_after_minutes, overdue_after_minutes)
        set_idle_lock(session, idle_lock_minutes)
        set_letter_contact(session, letter_contact)
        set_export_key(session, export_key)
        set_bank_holidays(session, bank_holidays)
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

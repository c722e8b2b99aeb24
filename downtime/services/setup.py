"""First run: give the laptop its identity and create the first administrator."""

from __future__ import annotations

import json
import uuid

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.domain.clock import local_now
from downtime.domain.downtime_number import MAX_DEVICE, MAX_SEQUENCE
from downtime.domain.staff import Role
from downtime.domain.roles import Action
from downtime.services import this_laptop
from downtime.services.context import Clock, Device, Session, load_device
from downtime.services.errors import SetupError
from downtime.services.installation import META_KEY
from downtime.services.staff import check_new_account, check_printable, staff_row
from downtime.storage import audit


def needs_setup(db: Database) -> bool:
    return db.execute("SELECT 1 FROM meta WHERE key = 'device_id'").fetchone() is None


FIRST_SEQUENCE = "first_sequence"
"""The meta key of the first sequence a set-up gives (services.paper_numbers starts after it)."""


def check_first_number(first_number: int) -> None:
    if not 1 <= first_number <= MAX_SEQUENCE:
        raise SetupError(QT_TRANSLATE_NOOP("messages", "First number: 1 to {limit}, the one after the highest this device "
                                           "number gave at the last outage."), limit=MAX_SEQUENCE)


def first_number(db: Database) -> int:
    """The first sequence this database gives (1 unless set up or loaded with another)."""
    found = db.execute("SELECT value FROM meta WHERE key = ?", [FIRST_SEQUENCE]).fetchone()
    return 1 if found is None else int(found[0])


def raise_first_number(session: Session, first: int) -> None:
    """The set-up file's first number for this outage (services.setup_file), taken by a laptop
    set up without it; only ever raised: a number given is on a wristband whatever comes after."""
    session.require(Action.MANAGE_STAFF)
    check_first_number(first)
    if first <= first_number(session.db):
        return
    with session.db.atomic():
        audit.upsert_audited(session.db, "meta", {"key": FIRST_SEQUENCE, "value": str(first)}, at=session.clock(),
                             actor=session.user.staff_id, device_id=session.device.device_id,
                             action=f"setup.{FIRST_SEQUENCE}")


def check_device(device_number: int, device_name: str, first_number: int = 1) -> None:
    """The laptop's identity, checked before anything is written (and before the
    administrator's account, which comes after it on the set-up screen)."""
    check_first_number(first_number)
    if not 1 <= device_number <= MAX_DEVICE:
        raise SetupError(QT_TRANSLATE_NOOP("messages", "Device number: 1 to {limit}, as written on the laptop's label."), limit=MAX_DEVICE)
    if not device_name.strip():
        raise SetupError(QT_TRANSLATE_NOOP("messages", "Device name: required (e.g. 'Ward 3B laptop 2')."))
    # At every printed page's foot ("Ward 3B laptop"), as the forms' answers are printed.
    check_printable(QT_TRANSLATE_NOOP("messages", "Device name"), device_name)


def initialise(db: Database, *, device_number: int, device_name: str, admin_id: str,
               admin_name: str, admin_pin: str, is_demo: bool = False,
               clock: Clock = local_now, installation: str | None = None, first_number: int = 1) -> Device:
    """Set up an empty database; the device number comes from the hospital's downtime plan
    (one per laptop), which is what keeps downtime numbers of two laptops apart.
    `installation`: the computer it is set up on (services.installation), so that a copy of the
    file opened on another is caught; None leaves it to the first opening. `first_number`: the
    first sequence its patients are given: a device number set up again for a later outage
    gave the numbers before it to patients the EHR holds, whose wristbands and letters carry
    them (the EHR tells its identifiers apart by database, see sync.fhir_patients, a clerk
    searching by the number alone does not)."""
    if not needs_setup(db):
        raise SetupError("this database is already set up")
    check_device(device_number, device_name, first_number)
    check_new_account(admin_id, admin_name, admin_pin)
    now = clock()
    device_id = str(uuid.uuid4())
    meta = {"device_id": device_id, "device_number": str(device_number),
            "device_name": device_name.strip(), "created_at": now.isoformat(),
            "is_demo": "1" if is_demo else "0"}
    if first_number > 1:
        meta[FIRST_SEQUENCE] = str(first_number)
    if installation is not None:
        meta[META_KEY] = json.dumps([installation])
    with db.atomic():
        for key, value in meta.items():
            audit.insert_audited(db, "meta", {"key": key, "value": value}, at=now,
                                 actor=admin_id, device_id=device_id, action="setup")
        audit.insert_audited(db, "staff", staff_row(admin_id, admin_name, Role.ADMINISTRATOR,
                                                    admin_pin, now.isoformat(), None),
                             at=now, actor=admin_id, device_id=device_id, action="staff.add",
                             detail={"role": Role.ADMINISTRATOR.value})
    return load_device(db)


def change_device(session: Session, *, number: int | None = None, name: str | None = None) -> int:
    """IT's correction of a laptop's identity (administrators only): a name mistyped, or a device
    number found to be another laptop's too (two laptops labelled 003). A downtime number
    already given is on its patient's wristband, labels and forms, so it stays: only patients
    registered from now on take the new number. Returns how many patients this laptop has
    numbered so far, for the administrator to be told they keep theirs."""
    session.require(Action.MANAGE_STAFF)
    device = load_device(session.db)
    number = device.device_number if number is None else number
    name = device.name if name is None else name
    check_device(number, name)
    before = {"device_number": str(device.device_number), "device_name": device.name}
    changed = {key: value for key, value in {"device_number": str(number), "device_name": name.strip()}.items()
               if value != before[key]}
    if not changed:
        raise SetupError(QT_TRANSLATE_NOOP("messages", "This laptop is already device {number} ({name}): nothing to change."),
                         number=device.device_number, name=device.name)
    now = session.clock()
    with session.db.atomic():
        for key, value in changed.items():
            audit.upsert_audited(session.db, "meta", {"key": key, "value": value}, at=now,
                                 actor=session.user.staff_id, device_id=device.device_id, action=f"setup.{key}")
    session.device = load_device(session.db)
    this_laptop.keep(session.db)
    return session.db.execute("SELECT COUNT(*) FROM patients WHERE device_id = ?", [device.device_id]).fetchone()[0]

"""Staff accounts, PINs and sign-in.

PINs are short, so they are stretched with scrypt (memory-hard) and a per-person salt; only
the hash is stored. A wrong PIN and an unknown staff ID give the same answer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.domain.clock import local_now
from downtime.domain.staff import (
    LOCKOUT_FAILURES,
    Action,
    Role,
    StaffMember,
    locked_until,
    typed_staff_id,
)
from downtime.services.context import Clock, Session, load_device
from downtime.services.errors import LockedOut, ServiceError, SignInError
from downtime.storage import audit, keyslots
from downtime.storage.keyslots import KeySlotError

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_STAFF_ID = re.compile(r"[A-Za-z0-9._-]{2,32}")
_PIN = re.compile(r"[0-9]{4,12}")  # the number keys' digits: "٤٨٢٩١٣" is no PIN anyone can type back


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    params = f"{_SCRYPT['n']}:{_SCRYPT['r']}:{_SCRYPT['p']}"
    return f"scrypt${params}${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"


def check_pin(pin: str, stored: str) -> bool:
    scheme, params, salt, key = stored.split("$")
    n, r, p = (int(x) for x in params.split(":"))
    derived = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=n, r=r, p=p, dklen=32)
    return scheme == "scrypt" and hmac.compare_digest(derived, base64.b64decode(key))


def check_new_account(staff_id: str, name: str, pin: str) -> None:
    # fullmatch: `$` also matches before a final newline, which nobody can type back.
    if not _STAFF_ID.fullmatch(staff_id):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Staff ID: 2 to 32 letters, digits, dots, dashes or underscores."))
    if not name.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Name: required."))
    if not _PIN.fullmatch(pin):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "PIN: 4 to 12 digits."))


def staff_row(staff_id: str, name: str, role: Role, pin: str, created_at: str,
              created_by: str | None) -> dict[str, object]:
    return {"staff_id": staff_id, "name": name.strip(), "role": role.value,
            "pin_hash": hash_pin(pin), "active": 1, "created_at": created_at,
            "created_by": created_by}


def _member(row: dict[str, object]) -> StaffMember:
    return StaffMember(staff_id=str(row["staff_id"]), name=str(row["name"]),
                       role=Role(row["role"]), active=bool(row["active"]))


def account_named(db: Database, typed: str) -> tuple[str, dict[str, object] | None]:
    """The staff ID a typed one stands for (see `typed_staff_id`) and its account, if any: at
    the sign-in, the lock screen, a witness's PIN, a command's --user or staff ID."""
    rows = {str(row["staff_id"]): row for row in db.query("SELECT * FROM staff WHERE staff_id = ? COLLATE NOCASE",
                                                          [typed.strip()])}
    staff_id = typed_staff_id(typed, rows)
    return staff_id, rows.get(staff_id)


def member_named(db: Database, typed: str) -> StaffMember | None:
    """The account a typed staff ID stands for (see `account_named`), deactivated or not: a dose's
    giver or its witness on the paper chart is named so, without their PIN."""
    return _member(row) if (row := account_named(db, typed)[1]) is not None else None


def _existing(db: Database, typed: str) -> tuple[str, dict[str, object]]:
    staff_id, row = account_named(db, typed)
    if row is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "No staff account {staff_id}."), staff_id=repr(typed.strip()))
    return staff_id, row


def add_staff(session: Session, staff_id: str, name: str, role: Role, pin: str) -> StaffMember:
    session.require(Action.MANAGE_STAFF)
    check_new_account(staff_id, name, pin)
    db = session.db
    if found := db.execute("SELECT staff_id, active FROM staff WHERE staff_id = ? COLLATE NOCASE", [staff_id]).fetchone():
        # "Agency1" beside "agency1" would be two people who read the same in every list.
        if not found[1]:  # someone back: a second staff ID would split their care under two identities
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Staff ID {staff_id} already exists, deactivated: give it a new "
                                                 "PIN to reactivate it, so that their care stays under one staff ID."),
                               staff_id=repr(found[0]))
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Staff ID {staff_id} already exists."), staff_id=repr(found[0]))
    now = session.clock()
    row = staff_row(staff_id, name, role, pin, now.isoformat(), session.user.staff_id)
    with db.atomic():
        audit.insert_audited(db, "staff", row, at=now, actor=session.user.staff_id,
                             device_id=session.device.device_id, action="staff.add",
                             detail={"role": role.value})
        if session.vault is not None and session.vault.key is not None:
            keyslots.add_slot(session.vault.path, session.vault.key, staff_id, pin)
    return _member(row)


def deactivate_staff(session: Session, staff_id: str) -> None:
    """Someone leaves the ward's team: they can no longer sign in, and their key slot is removed
    so their PIN no longer opens the database. Their records and audit entries stay."""
    session.require(Action.MANAGE_STAFF)
    db = session.db
    staff_id, row = _existing(db, staff_id)
    if not row["active"]:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Account {staff_id} is already deactivated."), staff_id=staff_id)
    if staff_id == session.user.staff_id:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "You cannot deactivate your own account; ask another administrator."))
    if row["role"] == Role.ADMINISTRATOR.value and not db.execute(
            "SELECT 1 FROM staff WHERE role = ? AND active = 1 AND staff_id != ?",
            [Role.ADMINISTRATOR.value, staff_id]).fetchone():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This is the last active administrator; add another one first."))
    now = session.clock()
    with db.atomic():
        audit.upsert_audited(db, "staff", {**row, "active": 0}, at=now, actor=session.user.staff_id,
                             device_id=session.device.device_id, action="staff.deactivate")
        if session.vault is not None and session.vault.key is not None:
            keyslots.remove_slot(session.vault.path, staff_id)


def set_pin(session: Session, staff_id: str, pin: str) -> StaffMember:
    """A new PIN for someone who forgot theirs, or who comes back after their account was
    deactivated (the agency nurse of Monday night, back on Thursday): the account signs in
    again with it, under the same staff ID, so their care stays under one identity. Their key
    slot is made again with the new PIN."""
    session.require(Action.MANAGE_STAFF)
    staff_id, row = _existing(session.db, staff_id)
    return replace_pin(session, row, pin, "staff.set_pin")


def replace_pin(session: Session, row: dict[str, object], pin: str, action: str) -> StaffMember:
    """The account of `row` signs in (active again) with `pin`, and, on an encrypted database,
    its key slot opens the file with it in the same step (see `stage_slot`): at every moment
    one of the two PINs both opens the file and signs in. Audited as `action`, its failures as
    `action`.failed and `action`.slot_kept. The caller has checked who may do it."""
    db, staff_id = session.db, str(row["staff_id"])
    check_new_account(staff_id, str(row["name"]), pin)
    now = session.clock()
    changed = {**row, "active": 1, "pin_hash": hash_pin(pin)}
    vault = session.vault if session.vault is not None and session.vault.key is not None else None
    if vault is not None:
        key = vault.key
        _slot_step(session, staff_id, lambda: keyslots.stage_slot(vault.path, key, staff_id, pin),
                   f"{action}.failed", PIN_NOT_CHANGED)
    try:
        with db.atomic():
            audit.upsert_audited(db, "staff", changed, at=now, actor=session.user.staff_id,
                                 device_id=session.device.device_id, action=action)
    except BaseException:
        if vault is not None:
            with suppress(OSError, KeySlotError):  # left, it only opens the file to a PIN the database refuses
                keyslots.remove_slot(vault.path, staff_id, staged_only=True)
        raise
    if vault is not None:
        _slot_step(session, staff_id, lambda: keyslots.settle_slot(vault.path, staff_id), f"{action}.slot_kept",
                   OLD_SLOT_KEPT)
    return _member(changed)


# A PIN is changed in two files, the key slots' and the database's (see keyslots.stage_slot):
# what the administrator is told when the key-slot file cannot be written, before the database
# took the new PIN, then after.
PIN_NOT_CHANGED = QT_TRANSLATE_NOOP("messages", "The PIN of {staff_id} was not changed: the key-slot file could not be "
                                                "written ({problem}). The old PIN still signs in. Try again, or check "
                                                "the laptop's disk.")
OLD_SLOT_KEPT = QT_TRANSLATE_NOOP("messages", "The new PIN of {staff_id} is set and opens the database, but the old PIN's "
                                              "key slot could not be removed ({problem}): the old PIN still opens the "
                                              "file (not the app) until the PIN is set again. Check the laptop's disk, "
                                              "then set the PIN again.")


def _slot_step(session: Session, staff_id: str, write: Callable[[], None], action: str, said: str) -> None:
    """One write of the key-slot file while a PIN changes; failing, audited as `action` with its
    cause and refused with `said` (the database's side is sound: each step leaves a PIN that
    both opens the file and signs in)."""
    try:
        write()
    except (OSError, KeySlotError) as problem:
        with session.db.atomic():
            audit.append(session.db, at=session.clock(), actor=session.user.staff_id,
                         device_id=session.device.device_id, action=action, entity="staff", entity_id=staff_id,
                         detail={"staff_id": staff_id, "problem": str(problem)})
        raise ServiceError(said, staff_id=staff_id, problem=problem) from problem


def list_staff(db: Database) -> list[StaffMember]:
    return [_member(row) for row in db.query("SELECT * FROM staff ORDER BY name")]


def names_with_ids(db: Database) -> dict[str, str]:
    """Each staff ID to the person's name with it ("Hélène Lefèvre (nurse)"), for wherever a
    person reads who did something: an ID is a sign-in, not someone a nurse can find on the
    ward. An ID missing here (staff of another laptop) is shown as it is by whoever looks it up."""
    return {member.staff_id: f"{member.name} ({member.staff_id})" for member in list_staff(db)}


def staff_directory(db: Database) -> list[dict[str, str]]:
    """This laptop's staff as its export's manifest lists them (domain.laptops.directory_of):
    staff ID, name and role, the deactivated among them (their records stay theirs), so the
    records office names who wrote each version; never a PIN's hash or a key slot."""
    return [{"staff_id": member.staff_id, "name": member.name, "role": member.role.value}
            for member in sorted(list_staff(db), key=lambda member: member.staff_id)]


def _attempts(db: Database, actor: str) -> list[tuple[bool, datetime]]:
    rows = db.query("SELECT action, at FROM audit WHERE actor = ? AND action IN ('sign_in', 'sign_in.failed')"
                    " ORDER BY seq DESC LIMIT ?", [actor, LOCKOUT_FAILURES])
    return [(row["action"] == "sign_in", datetime.fromisoformat(row["at"])) for row in rows][::-1]


def locked(until: datetime) -> LockedOut:
    return LockedOut(QT_TRANSLATE_NOOP("messages", "Too many wrong PINs for this staff ID: it is locked until {time}. "
                                       "Ask a colleague to sign in meanwhile."), time=f"{until:%H:%M}")


def sign_in(db: Database, staff_id: str, pin: str, clock: Clock = local_now) -> StaffMember:
    """The staff member whose PIN this is; every attempt, good or bad, is audited. Five wrong
    PINs in a row lock the staff ID for five minutes, even with the right PIN, whatever the
    capitals they were typed in."""
    device = load_device(db)
    (actor, row), now = account_named(db, staff_id), clock()
    until = locked_until(_attempts(db, actor), now)
    if until is not None:
        audit.append_reading(db, at=now, actor=actor, device_id=device.device_id, action="sign_in.locked")
        raise locked(until)
    ok = row is not None and bool(row["active"]) and check_pin(pin, str(row["pin_hash"]))
    audit.append_reading(db, at=now, actor=actor, device_id=device.device_id,
                         action="sign_in" if ok else "sign_in.failed")
    if not ok or row is None:
        raise SignInError(QT_TRANSLATE_NOOP("messages", "Unknown staff ID or wrong PIN."))
    return _member(row)

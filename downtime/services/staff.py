"""Staff accounts, PINs and sign-in.

PINs are short, so they are stretched with scrypt (memory-hard) and a per-person salt; only
the hash is stored. A wrong PIN and an unknown staff ID give the same answer.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import hmac
import os
import re
import secrets
from collections.abc import Callable, Collection, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Listed, message, translate
from downtime.domain.clock import local_now
from downtime.domain.roles import ROLE_NAMES
from downtime.domain.staff import (
    LOCKOUT_FAILURES,
    PERMISSIONS,
    Action,
    Role,
    StaffMember,
    locked_until,
    name_key,
    typed_staff_id,
)
from downtime.formspec.messages import message as form_message
from downtime.formspec.printable import unprintable
from downtime.services.context import Clock, Session, load_device
from downtime.services.errors import AccountDeactivated, LockedOut, ServiceError, SignInError
from downtime.storage import audit, keyslots
from downtime.storage.connection import writable
from downtime.storage.keyslots import KeySlotError
from downtime.sync.csv_cells import FORMULA_STARTS

if TYPE_CHECKING:
    from downtime.services.drafts import Waiting

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
    _check_name(name)
    _check_pin(pin)


def _check_name(name: str) -> None:
    if not name.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Name: required."))
    # A name goes on every version its owner writes, into the CSVs the records office opens in
    # a spreadsheet, which would take "=HYPERLINK(…)" for a formula to run.
    if name.strip().startswith(FORMULA_STARTS):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Name: it cannot start with =, +, - or @ (a spreadsheet would take "
                                                         "it for a formula)."))
    check_printable(QT_TRANSLATE_NOOP("messages", "Name"), name)


class Unprintable(ServiceError):
    """A name typed outside the forms that the prints cannot draw, refused in the forms' own words
    (formspec.messages "unprintable"): a staff member's is on every page they print and on the
    MAR's signatures, a ward's or a bed's on the census, the wristband and the MAR, the laptop's
    at every page's foot. "王小明" printed as empty boxes, an Arabic ward reversed, while the
    forms refused both."""

    def __init__(self, label: str, characters: str) -> None:
        super().__init__(form_message("unprintable", "en", label, characters))
        self.label, self.characters = label, characters

    def text(self, lang: Lang) -> str:
        return form_message("unprintable", lang, message(lang, self.label), self.characters)


def check_printable(label: str, text: str) -> None:
    """Refuse `text`, a name typed outside the forms (`label`: what it is, marked for the
    catalogue), holding characters the print fonts cannot draw as typed (formspec.printable)."""
    if characters := unprintable(text):
        raise Unprintable(label, characters)


def _check_pin(pin: str) -> None:
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


@dataclass(frozen=True)
class RoleSaid:
    """A role in the reader's words, the staff list's ("ward nurse"), within a message."""

    role: Role

    def __str__(self) -> str:  # the exception's own words, a log's, are the English
        return self.text("en")

    def text(self, lang: Lang) -> str:
        return translate(lang, "Banner", ROLE_NAMES[self.role])


_ACTIVE = QT_TRANSLATE_NOOP("messages", "active")
_DEACTIVATED = QT_TRANSLATE_NOOP("messages", "deactivated")


@dataclass(frozen=True)
class AccountSaid:
    """An account as a refusal names it, "night (Noémie Faure, ward nurse, deactivated)": whose
    it is and whether it signs in, which a staff ID alone does not tell the administrator."""

    member: StaffMember

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{staff_id} ({name}, {role}, {state})"),
                       staff_id=self.member.staff_id, name=self.member.name, role=RoleSaid(self.member.role),
                       state=message(lang, _ACTIVE if self.member.active else _DEACTIVATED))


SAME_NAME = QT_TRANSLATE_NOOP("messages", "An account of that name exists already: {accounts}. If it is the same person, "
                                          "give that account a new PIN instead (it reactivates a deactivated one), so "
                                          "that their care stays under one staff ID; add {staff_id} only for someone "
                                          "else of the same name.")


class SameNameFound(ServiceError):
    """Accounts whose name is the new one's (domain.staff.name_key): the same person added again
    under a second staff ID splits their care over two identities (two Practitioners in the
    export); taken only as the administrator's word that it is someone else (`add_staff`'s
    `same_name`): the Administration tab asks, the command line wants --same-name."""

    def __init__(self, staff_id: str, namesakes: list[StaffMember]) -> None:
        super().__init__(SAME_NAME, staff_id=staff_id, accounts=Listed(tuple(AccountSaid(found) for found in namesakes)))
        self.namesakes = namesakes


def add_staff(session: Session, staff_id: str, name: str, role: Role, pin: str, *, same_name: bool = False) -> StaffMember:
    """A new account; refused under a staff ID another account has, whatever its capitals
    ("Agency1" beside "agency1" would be two people who read the same in every list), naming
    whose it is; and, unless `same_name` (the administrator's word that it is someone else),
    under a name an account has already (SameNameFound)."""
    session.require(Action.MANAGE_STAFF)
    check_new_account(staff_id, name, pin)
    db = session.db
    if found := next(db.query("SELECT * FROM staff WHERE staff_id = ? COLLATE NOCASE", [staff_id]), None):
        holder = _member(found)
        if not holder.active:
            # "Give it a new PIN" alone, followed for another agency nurse, had Paul Girard's care
            # charted under Noémie Faure's name: it says whose the ID is, and that it is hers alone.
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Staff ID {staff_id} already exists for {name} ({role}), "
                                                 "deactivated. If {name} is back, give it a new PIN to reactivate it, "
                                                 "so that their care stays under one staff ID; anyone else needs a staff "
                                                 "ID of their own: what they record under this one is named {name}'s."),
                               staff_id=repr(holder.staff_id), name=holder.name, role=RoleSaid(holder.role))
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Staff ID {staff_id} already exists for {name} ({role})."),
                           staff_id=repr(holder.staff_id), name=holder.name, role=RoleSaid(holder.role))
    namesakes = [member for member in list_staff(db) if name_key(member.name) == name_key(name)]
    if namesakes and not same_name:
        raise SameNameFound(staff_id, namesakes)
    now = session.clock()
    row = staff_row(staff_id, name, role, pin, now.isoformat(), session.user.staff_id)
    detail: dict[str, object] = {"role": role.value}
    if namesakes:
        detail["same_name_as"] = [member.staff_id for member in namesakes]
    with db.atomic():
        audit.insert_audited(db, "staff", row, at=now, actor=session.user.staff_id,
                             device_id=session.device.device_id, action="staff.add", detail=detail)
        if session.vault is not None and session.vault.key is not None:
            keyslots.add_slot(session.vault.path, session.vault.key, staff_id, pin)
    return _member(row)


LAST_ADMINISTRATOR = QT_TRANSLATE_NOOP("messages", "This is the last active administrator; add another one first.")


def _last_administrator(db: Database, row: dict[str, object]) -> bool:
    """Whether the account of `row` is the laptop's only active administrator: without one, no
    one can add the night's agency nurse, nor give anyone a forgotten PIN."""
    return bool(row["active"]) and row["role"] == Role.ADMINISTRATOR.value and not db.execute(
        "SELECT 1 FROM staff WHERE role = ? AND active = 1 AND staff_id != ?",
        [Role.ADMINISTRATOR.value, row["staff_id"]]).fetchone()


CORRECTED = QT_TRANSLATE_NOOP("messages", "{staff_id} is now {name} ({role}). What they recorded keeps their staff ID, "
                                          "so every screen and print names them so from now on (pages printed before "
                                          "keep the old name).")


def check_correction(session: Session, staff_id: str, *, name: str | None = None,
                     role: Role | None = None) -> tuple[StaffMember, StaffMember]:
    """The account as it is and as corrected (None: kept), or why it cannot be: checked before
    the administrator is asked the reason, the screen showing the old and the new."""
    session.require(Action.MANAGE_STAFF)
    staff_id, row = _existing(session.db, staff_id)
    if name is not None:
        _check_name(name)
    old = _member(row)
    new = old.model_copy(update={"name": old.name if name is None else name.strip(), "role": role or old.role})
    if new == old:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Nothing to correct: {staff_id} is already {name} ({role})."),
                           staff_id=staff_id, name=old.name, role=RoleSaid(old.role))
    if new.role is not Role.ADMINISTRATOR and _last_administrator(session.db, row):
        raise ServiceError(LAST_ADMINISTRATOR)
    return old, new


def correct_staff(session: Session, staff_id: str, reason: str, *, name: str | None = None,
                  role: Role | None = None) -> StaffMember:
    """A name or role typed wrong, corrected (None: kept), with the reason, the old and the new in
    the audit entry. A nurse added at 03:00 as a doctor could write orders, and "Noemie Faur" was
    printed on all she did, until the account was deactivated and a second staff ID split her
    care over two identities. Records keep their author's staff ID, so they read the corrected
    name (see CORRECTED); an administrator cannot take the last administrator's role away."""
    old, new = check_correction(session, staff_id, name=name, role=role)
    if not reason.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Reason: required (what was typed wrong)."))
    changed = {field: [before, after] for field, before, after in
               (("name", old.name, new.name), ("role", old.role.value, new.role.value)) if before != after}
    db, now = session.db, session.clock()
    with db.atomic():
        db.execute("UPDATE staff SET name = ?, role = ? WHERE staff_id = ?", [new.name, new.role.value, new.staff_id])
        stored = next(db.query("SELECT * FROM staff WHERE staff_id = ?", [new.staff_id]))
        audit.append(db, at=now, actor=session.user.staff_id, device_id=session.device.device_id,
                     action="staff.correct", entity="staff", entity_id=new.staff_id, row=stored,
                     detail={**changed, "reason": reason.strip()})
    return new


def deactivate_staff(session: Session, staff_id: str) -> list[Waiting]:
    """Someone leaves the ward's team: they can no longer sign in, and their key slot is removed
    so their PIN no longer opens the database. Their records and audit entries stay. Returns the
    drafts they leave (see drafts.waiting), for the command line to name: only they can open
    one, given a new PIN (the Administration tab names them before it asks to deactivate)."""
    from downtime.services.drafts import waiting  # which reads doses through medication, which names staff here
    session.require(Action.MANAGE_STAFF)
    db = session.db
    staff_id, row = _existing(db, staff_id)
    if not row["active"]:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Account {staff_id} is already deactivated."), staff_id=staff_id)
    if staff_id == session.user.staff_id:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "You cannot deactivate your own account; ask another administrator."))
    if _last_administrator(db, row):
        raise ServiceError(LAST_ADMINISTRATOR)
    now = session.clock()
    with db.atomic():
        audit.upsert_audited(db, "staff", {**row, "active": 0}, at=now, actor=session.user.staff_id,
                             device_id=session.device.device_id, action="staff.deactivate")
        if session.vault is not None and session.vault.key is not None:
            keyslots.remove_slot(session.vault.path, staff_id)
    return waiting(db, session.forms, staff_id)


def set_pin(session: Session, staff_id: str, pin: str) -> StaffMember:
    """A new PIN for someone who forgot theirs, or who comes back after their account was
    deactivated (the agency nurse of Monday night, back on Thursday): the account signs in
    again with it, under the same staff ID, so their care stays under one identity. Their key
    slot is made again with the new PIN. It is the administrator's, so it signs in only for its
    holder to choose their own (`pin_to_choose`): given to a nurse on shift, it let the
    administrator amend her patients' records and witness controlled drugs, audited as hers."""
    session.require(Action.MANAGE_STAFF)
    staff_id, row = _existing(session.db, staff_id)
    return replace_pin(session, row, pin, "staff.set_pin", to_choose=True)


def replace_pin(session: Session, row: dict[str, object], pin: str, action: str, *, to_choose: bool) -> StaffMember:
    """The account of `row` signs in (active again) with `pin`, and, on an encrypted database,
    its key slot opens the file with it in the same step (see `stage_slot`): at every moment
    one of the two PINs both opens the file and signs in. Audited as `action`, its failures as
    `action`.failed and `action`.slot_kept. `to_choose`: a PIN someone else chose, which its
    holder must replace before it signs anything (`pin_to_choose`). The caller has checked who
    may do it."""
    db, staff_id = session.db, str(row["staff_id"])
    _check_pin(pin)  # the account's ID and name are as it was made: an older one stays reachable
    now = session.clock()
    changed = {**row, "active": 1, "pin_hash": hash_pin(pin), "pin_to_choose": int(to_choose)}
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
        with suppress(OSError, KeySlotError):  # its run ends at the locked file too; else at the next good PIN
            keyslots.clear_failures(vault.path, staff_id)
    _run_ended(db, staff_id)
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


def givers(db: Database, *, on_paper: bool = False, roles: Collection[Role] | None = None) -> list[StaffMember]:
    """This laptop's nurses and doctors a dose may name as its giver or witness, by name: for a
    dose typed in from the paper chart, those deactivated since too, listed last, as the dose's
    record takes them (see cd_register.gives_care): the agency nurse who signed the night's paper
    chart had left when it was typed in. Never for a dose given now: they are not there to give it.
    `roles`: only those who sign a check (cd_register.SecondCheck.signers): a student nurse gives
    a dose but witnesses none."""
    members = [member for member in list_staff(db)
               if Action.RECORD_CARE in PERMISSIONS[member.role] and (member.active or on_paper)
               and (roles is None or member.role in roles)]
    return sorted(members, key=lambda member: not member.active)


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


class PinUse(StrEnum):
    """What a PIN is typed for: a sign-in, or a colleague's word on an act that the person signed
    in records (a controlled drug's witness, a high-alert medicine's second check, a student's
    supervisor, a dose's giver), or its holder's current PIN before they change it. Only a
    sign-in is audited as one: a witness's PIN was logged as the doctor "signing in", in a
    transaction of its own before the dose, left there when the dose was then refused."""

    SIGN_IN = "sign_in"
    WITNESS = "witness"
    SECOND_CHECK = "second_check"
    SUPERVISOR = "supervisor"
    GIVER = "giver"
    CURRENT_PIN = "current_pin"

    def action(self, outcome: str | None = None) -> str:
        """Its audit action: "sign_in", "sign_in.failed"; "witness.confirm", "witness.failed"."""
        if outcome is None:
            return self.value if self is PinUse.SIGN_IN else f"{self.value}.confirm"
        return f"{self.value}.{outcome}"


# The audit entries that count towards a staff ID's lockout: its PIN right (which ends a run of
# wrong ones) or wrong, whatever it was typed for: a wrong witness PIN is a guess at a colleague's.
_RIGHT = tuple(use.action() for use in PinUse) + ("staff.change_pin",)
_WRONG = tuple(use.action("failed") for use in PinUse)


_RESET = "staff.set_pin"
"""An administrator's new PIN for a staff ID (`set_pin`), audited under the administrator: it ends
that ID's run of wrong PINs as its own good one does (the nurse who forgot hers at 03:00, given a
new one by the nurse in charge, was told her ID was locked when she typed it at once)."""


LAST_PINS = (f"SELECT seq, action, at FROM audit WHERE actor = ? AND {audit.PINS_TYPED} ORDER BY seq DESC LIMIT ?",
             "SELECT seq, action, at FROM audit WHERE entity = 'staff' AND entity_id = ? AND action = ?"
             " ORDER BY seq DESC LIMIT ?")
"""A staff ID's last PINs typed (`_RIGHT`, `_WRONG`, from the index of PIN entries by staff ID),
then its last PINs set by an administrator (`_RESET`, by the entries' entity): each newest first,
read from an index in its order (SQLite sorts nothing; `_attempts` merges the two lists' few rows)."""


def _attempts(db: Database, actor: str) -> list[tuple[bool, datetime]]:
    """The staff ID's last PINs, oldest first (True: right, or reset by an administrator): the
    audit log's and those no file could count (`uncounted`), merged by when they were typed,
    each in its own order (a clock put back leaves the log's as typed)."""
    typed, reset = LAST_PINS
    rows = (db.execute(typed, [actor, LOCKOUT_FAILURES]).fetchall()
            + db.execute(reset, [actor, _RESET, LOCKOUT_FAILURES]).fetchall())
    logged = [(action not in _WRONG, datetime.fromisoformat(at)) for _, action, at in sorted(rows)[-LOCKOUT_FAILURES:]]
    return merged(logged, uncounted(_file_of(db), actor))


def merged(counted: list[tuple[bool, datetime]], kept: list[tuple[bool, datetime]]) -> list[tuple[bool, datetime]]:
    """A file's count of a staff ID's PINs and this running app's (`uncounted`), by when each was
    typed: the app's run put last whatever its time, one wrong PIN typed on a full disk stayed
    "the last" after room came back, older than the lockout, and no number of guesses locked
    the ID again."""
    return list(heapq.merge(counted, kept, key=lambda typed: typed[1]))


_Typed = tuple[bool, datetime, str]
"""A PIN typed (right, when, the audit action it is written as if wrong)."""

_UNCOUNTED: dict[tuple[str, str], list[_Typed]] = {}
"""The PINs this running app typed at each database file (by its real path) and staff ID that no
file counted: at a database opened only for reading (its disk full) the audit log is not
written, nor, the disk full, the key-slot file. Counted from the audit log alone, the lock screen
and the witness boxes then took unlimited guesses at a colleague's PIN. The wrong ones go into
the audit log at the first PIN checked, or the opening, where it can be written
(`flush_uncounted`)."""


def uncounted(where: str, actor: str) -> list[tuple[bool, datetime]]:
    """The PINs typed for `actor` at the database file `where` that no file counted (`_UNCOUNTED`)."""
    return [(ok, at) for ok, at, _ in _UNCOUNTED.get((_real(where), actor), [])]


def count_uncounted(where: str, actor: str, ok: bool, at: datetime, action: str) -> None:
    """A PIN no file could count (`ok`: right; `action`: what it is audited as if wrong), counted
    here for as long as the app runs."""
    _UNCOUNTED.setdefault((_real(where), actor), []).append((ok, at, action))


def flush_uncounted(db: Database) -> None:
    """The wrong PINs typed at this database file that no file could count (`_UNCOUNTED`) written
    in its audit log, now that it can be, at the time each was typed: they stayed out of it for
    good, although failed sign-ins and witness PINs are audited. Of each run, only its last right
    PIN stays here: it still ends the run the log now holds (`merged`), at the log's latest time if
    typed later (a clock running ahead on the full disk: its right PIN "at 15:00", the clock put
    right, sorted after every guess typed since, and no number of them locked the ID)."""
    if not _UNCOUNTED or not writable(db):
        return
    where = _real(_file_of(db))
    if not (runs := {actor: run for (file, actor), run in _UNCOUNTED.items() if file == where}):
        return
    device_id = load_device(db).device_id
    with db.atomic():
        for actor, run in sorted(runs.items()):
            for ok, at, action in run:
                if not ok:
                    audit.append(db, at=at, actor=actor, device_id=device_id, action=action,
                                 detail={"while": "disk full or read-only"})
    latest = audit.latest_time(db)
    for actor, run in runs.items():
        if rights := [typed for typed in run if typed[0]]:
            ok, at, action = rights[-1]
            _UNCOUNTED[(where, actor)] = [(ok, at if latest is None else min(at, latest), action)]
        else:
            del _UNCOUNTED[(where, actor)]


def _counted(db: Database, actor: str, ok: bool, at: datetime, action: str) -> None:
    """A PIN typed for `actor` (`ok`: right; `action`: what it is audited as if wrong): where the
    log can be written, a wrong one audited, and a right one (which its caller audits) ends the
    run kept here, which the log then goes past; else counted in this running app
    (`count_uncounted`)."""
    if not writable(db):
        count_uncounted(_file_of(db), actor, ok, at, action)
    elif ok:
        _run_ended(db, actor)
    else:
        audit.append_reading(db, at=at, actor=actor, device_id=load_device(db).device_id, action=action)


def _run_ended(db: Database, actor: str) -> None:
    """The run of wrong PINs kept in this running app for `actor` (`uncounted`) ended, the log
    now going past it."""
    _UNCOUNTED.pop((_real(_file_of(db)), actor), None)


def _file_of(db: Database) -> str:
    return str(db.execute("PRAGMA database_list").fetchone()[2])


def _real(where: str) -> str:
    return os.path.realpath(where) if where else where


def locked(until: datetime) -> LockedOut:
    return LockedOut(QT_TRANSLATE_NOOP("messages", "Too many wrong PINs for this staff ID: it is locked until {time}. "
                                       "Ask a colleague to sign in meanwhile."), time=f"{until:%H:%M}")


class PinNotChosen(AccountDeactivated):
    """A PIN an administrator set (`pin_to_choose`), typed for anything but its holder choosing
    their own: a colleague's word on an act, or any act of a session signed in with it. A window
    whose holder's PIN an administrator sets meanwhile signs them out, as for an account
    deactivated: their next sign-in asks them to choose their own."""

    def __init__(self, name: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("messages", "{name} must choose their own PIN first: a PIN an administrator "
                                                       "set signs in only to choose a new one (Change my PIN, or "
                                                       "'downtime staff change-pin')."), name=name)


def pin_to_choose(db: Database, staff_id: str) -> bool:
    """Whether the account's PIN is one an administrator set (`set_pin`), still to be replaced
    by its holder's own: the sign-in window then asks for it at once, a command refuses."""
    row = account_named(db, staff_id)[1]  # every column: see Session.require_active
    return row is not None and bool(row.get("pin_to_choose"))


def check_pin_of(db: Database, staff_id: str, pin: str, clock: Clock = local_now,
                 use: PinUse = PinUse.SIGN_IN) -> StaffMember:
    """The staff member whose PIN this is, typed for `use`. A wrong one is audited at once, in a
    transaction of its own (the act it was for may then be refused: a guess still counts), and
    five in a row lock the staff ID for five minutes, even with the right PIN, whatever the
    capitals they were typed in. A right one is audited by the caller: a sign-in as one
    (`sign_in`), a colleague's word in the transaction of the act it signs (`pin_confirmed`).
    A PIN an administrator set signs nothing for anyone else (PinNotChosen)."""
    flush_uncounted(db)
    device = load_device(db)
    (actor, row), now = account_named(db, staff_id), clock()
    if row is None:  # audited and counted by its length: a PIN typed in the Staff ID box stays out of the log
        actor = keyslots.unknown(actor)
    until = locked_until(_attempts(db, actor), now)
    if until is not None:
        audit.append_reading(db, at=now, actor=actor, device_id=device.device_id, action=use.action("locked"))
        raise locked(until)
    if row is None or not row["active"] or not check_pin(pin, str(row["pin_hash"])):
        _counted(db, actor, False, now, use.action("failed"))
        raise SignInError(QT_TRANSLATE_NOOP("messages", "Unknown staff ID or wrong PIN."))
    if row.get("pin_to_choose") and use not in (PinUse.SIGN_IN, PinUse.CURRENT_PIN):
        audit.append_reading(db, at=now, actor=actor, device_id=device.device_id, action=use.action("refused"),
                             detail={"why": "pin_to_choose"})
        raise PinNotChosen(str(row["name"]))
    _counted(db, actor, True, now, use.action("failed"))  # audited by the caller (`sign_in`, `pin_confirmed`)
    return _member(row)


def sign_in(db: Database, staff_id: str, pin: str, clock: Clock = local_now) -> StaffMember:
    """The staff member whose PIN this is (`check_pin_of`), their sign-in audited. One with a
    PIN an administrator set (`pin_to_choose`) signs in only to choose their own: their session
    does nothing else (Session.require_active)."""
    member = check_pin_of(db, staff_id, pin, clock)
    audit.append_reading(db, at=clock(), actor=member.staff_id, device_id=load_device(db).device_id,
                         action=PinUse.SIGN_IN.action())
    return member


def pin_confirmed(session: Session, staff_id: str, use: PinUse, signed: Mapping[str, str]) -> None:
    """A colleague's PIN checked for `use` (`check_pin_of`), audited with them as its actor,
    naming what they signed (`signed`: a dose's `record_id`, a `register_line`) and who recorded
    it: call inside the transaction of that act, so that an act refused leaves no word of theirs,
    and a controlled drug's investigation reads who witnessed what. In the detail, not as the
    entry's entity: an entity's entries are the writes of its rows (storage.records)."""
    audit.append(session.db, at=session.clock(), actor=staff_id, device_id=session.device.device_id,
                 action=use.action(), detail={**signed, "recorded_by": session.user.staff_id})

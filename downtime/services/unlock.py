"""Opening the ward database: creating it (encrypted unless the person setting it up chooses
otherwise, explicitly) and signing in, which for an encrypted database also unlocks it.

While the database is still locked, wrong PINs are counted in the key-slot file (the only
place that can be read), the same five-in-five-minutes lockout applies, and those failures
are copied into the audit log as soon as someone opens it. Wrong PINs typed while it is open
(at the lock screen) are counted there too, and a staff ID's count ends only with its own good
sign-in (or witness PIN), or a new PIN an administrator gives it: neither a colleague opening the
database nor quitting the app gives five more guesses. On a full disk, where neither file can be
written, the running app counts them (`staff.uncounted`). An ID that holds no key slot is counted
and audited by its length alone (`keyslots.unknown`): swapped boxes put a PIN there."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from downtime.i18n import QT_TRANSLATE_NOOP, Phrase
from downtime.domain.clock import local_now
from downtime.domain.staff import LOCKOUT_FAILURES, StaffMember, locked_until
from downtime.services import setup, staff, this_laptop
from downtime.services.context import Clock, Device, Vault, load_device
from downtime.services.errors import LockedOut, SetupError, SignInError
from downtime.services.installation import this_installation
from downtime.storage import audit, keyslots, open_database
from downtime.storage.connection import writable

if TYPE_CHECKING:
    from sqlite_utils import Database


def check_new(path: Path, device_number: int, device_name: str, first_number: int = 1) -> None:
    """The file and the laptop's identity, checked before the administrator's PIN is asked for
    (the command line asked for it twice, then refused them)."""
    if path.exists() or keyslots.is_encrypted(path):
        raise SetupError(QT_TRANSLATE_NOOP("messages", "{path} already exists: choose a new file for a new database."), path=path)
    setup.check_device(device_number, device_name, first_number)


def create(path: Path, *, encrypted: bool, device_number: int, device_name: str, admin_id: str,
           admin_name: str, admin_pin: str, is_demo: bool = False, clock: Clock = local_now,
           first_number: int = 1) -> tuple[Vault, Device]:
    """A new database with its first administrator. The administrator's key slot is written
    before the database, so a failure never leaves an encrypted file nobody can open.
    `first_number`: see setup.initialise."""
    check_new(path, device_number, device_name, first_number)
    staff.check_new_account(admin_id, admin_name, admin_pin)
    key = keyslots.new_key() if encrypted else None
    try:
        if key is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            keyslots.add_slot(path, key, admin_id, admin_pin)
        db = open_database(path, key=key)
        device = setup.initialise(db, device_number=device_number, device_name=device_name, admin_id=admin_id,
                                  admin_name=admin_name, admin_pin=admin_pin, is_demo=is_demo, clock=clock,
                                  installation=this_installation(), first_number=first_number)
        this_laptop.keep(db)
    except BaseException:
        for leftover in (path, keyslots.keys_path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return Vault(path, db, key), device


def _flush_failures(vault: Vault, device: Device) -> None:
    """Kept in the key-slot file while the database can only be read (its disk full)."""
    if vault.db is None or not writable(vault.db):
        return
    staff.flush_uncounted(vault.db)  # those neither file could take
    pending = keyslots.take_failures(vault.path)
    if not pending:
        return
    with vault.db.atomic():
        for actor, times in sorted(pending.items()):
            for at in times:
                audit.append(vault.db, at=datetime.fromisoformat(at), actor=actor, device_id=device.device_id,
                             action="sign_in.failed", detail={"while": "database locked"})


def _unlock(vault: Vault, staff_id: str, pin: str, now: datetime) -> None:
    actor = keyslots.holder(vault.path, staff_id)
    counted = [(False, at) for at in keyslots.failures(vault.path, actor)]
    until = locked_until(staff.merged(counted, staff.uncounted(str(vault.path), actor)), now)
    if until is not None:
        raise staff.locked(until)
    key = keyslots.unwrap(vault.path, actor, pin)
    if key is None:
        try:
            keyslots.record_failure(vault.path, actor, now, LOCKOUT_FAILURES)
        except OSError:  # a full disk: told as the wrong PIN it is ("the disk is full" stopped no guess)
            staff.count_uncounted(str(vault.path), actor, False, now, "sign_in.failed")
        raise SignInError(QT_TRANSLATE_NOOP("messages", "Unknown staff ID or wrong PIN."))
    vault.key = key  # kept even if the file cannot be opened: it tells this database's backups from another's
    vault.db = open_database(vault.path, create=False, key=key)
    _flush_failures(vault, load_device(vault.db))


def sign_in(vault: Vault, staff_id: str, pin: str, clock: Clock = local_now) -> StaffMember:
    """Open the database if it is not open yet (unlocking it when encrypted), then sign in."""
    if vault.db is None:
        if keyslots.is_encrypted(vault.path):
            _unlock(vault, staff_id, pin, clock())
        else:
            vault.db = open_database(vault.path, create=False)
    member = confirm_pin(vault.db, staff_id, pin, clock)
    with suppress(OSError):  # kept at a later sign-in: a full disk still opens the database to read and print
        this_laptop.keep(vault.db)  # an administrator may have renamed it, or set its ward, on the command line
    return member


def confirm_pin(db: Database, staff_id: str, pin: str, clock: Clock = local_now,
                use: staff.PinUse = staff.PinUse.SIGN_IN) -> StaffMember:
    """A PIN typed at an open database, for `use` (see `staff.check_pin_of`): a sign-in at the
    lock screen (audited as one), a controlled drug's witness, a dose's giver (audited by the act
    it signs, `staff.pin_confirmed`). An encrypted database's key-slot file counts each wrong PIN
    too, and forgets them at a good one: the lockout of the locked file, at the app's next start,
    must see them, and the audit log cannot be read then."""
    where = db.execute("PRAGMA database_list").fetchone()[2]
    check = staff.sign_in if use is staff.PinUse.SIGN_IN else partial(staff.check_pin_of, use=use)
    if not where or not keyslots.is_encrypted(Path(where)):
        return check(db, staff_id, pin, clock)
    typed = staff.account_named(db, staff_id)[0]
    if not writable(db):  # its audit log cannot count the wrong PINs typed meanwhile: the key-slot file may have
        until = locked_until([(False, at) for at in keyslots.failures(Path(where), typed)], clock())
        if until is not None:
            raise staff.locked(until)
    try:
        member = check(db, staff_id, pin, clock)
    except LockedOut:
        raise
    except SignInError:
        with suppress(OSError):  # a full disk: counted by the check itself, in the log or in this running app
            keyslots.record_failure(Path(where), typed, clock(), LOCKOUT_FAILURES, audited=True)
        raise
    with suppress(OSError):  # the PIN is proven: on a full disk the run ends at the next good one written
        keyslots.clear_failures(Path(where), member.staff_id)
    return member


def describe(vault: Vault) -> Phrase:
    """How the database is protected, for the sign-in screen and the set-up's and the demo's
    messages, in the reader's language (it stood in English on the French sign-in window)."""
    if keyslots.is_encrypted(vault.path):
        return Phrase(QT_TRANSLATE_NOOP("messages", "encrypted (SQLCipher); each staff member's PIN opens it"))
    return Phrase(QT_TRANSLATE_NOOP("messages", "NOT encrypted (set up with --unencrypted)"))

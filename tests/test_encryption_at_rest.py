"""The ward database is encrypted with a random key that each staff member's PIN unwraps:
a stolen file reveals nothing, any valid sign-in opens it, staff come and go without
re-encrypting, and wrong PINs lock a staff ID out."""

import os
import re
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from contextlib import suppress
from pathlib import Path

import pytest

from downtime.domain.staff import Role
from downtime.services import records, staff, unlock
from downtime.services.context import Session, Vault, load_device
from downtime.services.errors import LockedOut, ServiceError, SignInError
from downtime.storage import keyslots, open_database
from downtime.storage.connection import StorageError


@pytest.fixture
def encrypted(tmp_path, clock, forms):
    path = tmp_path / "ward.sqlite"
    vault, device = unlock.create(path, encrypted=True, device_number=12, device_name="Ward 2A laptop",
                                  admin_id="admin", admin_name="Alice Admin", admin_pin="0000", clock=clock)
    admin = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    staff.add_staff(admin, "nurse", "Hélène Lefèvre", Role.WARD_NURSE, "1111")
    return path, admin


def test_the_file_reveals_nothing_without_a_pin(encrypted, admission_values, clock, forms):
    path, admin = encrypted
    user = unlock.sign_in(vault := Vault(path), "nurse", "1111", clock)
    records.save_new(Session(vault.db, load_device(vault.db), user, forms, clock, vault=vault), "admission",
                     admission_values)
    vault.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for name in (path, keyslots.keys_path(path)):
        content = name.read_bytes()
        # Needles long enough that random ciphertext cannot hold one by chance ("Lef" alone did).
        for needle in ("Lefèvre", "Hélène Marie", "Penicillin", "SQLite format 3"):
            assert needle.encode("utf-8") not in content
    with pytest.raises(StorageError, match="encrypted: sign in"):
        open_database(path, create=False)


def test_any_staff_pin_opens_and_a_wrong_one_does_not(encrypted, clock):
    path, _ = encrypted
    assert keyslots.slot_holders(path) == ["admin", "nurse"]
    assert unlock.sign_in(Vault(path), "admin", "0000", clock).staff_id == "admin"
    assert unlock.sign_in(Vault(path), "nurse", "1111", clock).staff_id == "nurse"
    for staff_id, pin in (("nurse", "1112"), ("nobody", "1111")):
        with pytest.raises(SignInError, match="Unknown staff ID or wrong PIN"):
            unlock.sign_in(Vault(path), staff_id, pin, clock)


def test_a_deactivated_person_no_longer_opens_it(encrypted, clock):
    path, admin = encrypted
    staff.deactivate_staff(admin, "nurse")
    assert keyslots.slot_holders(path) == ["admin"]
    with pytest.raises(SignInError):
        unlock.sign_in(Vault(path), "nurse", "1111", clock)
    with pytest.raises(ServiceError, match="your own account"):
        staff.deactivate_staff(admin, "admin")


def test_lockout_after_five_wrong_pins_then_release_after_five_minutes(encrypted, clock):
    path, _ = encrypted
    for _ in range(5):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(Vault(path), "nurse", "0000", clock)
    with pytest.raises(SignInError, match="locked until"):
        unlock.sign_in(Vault(path), "nurse", "1111", clock)
    clock.advance(minutes=5, seconds=1)
    vault = Vault(path)
    assert unlock.sign_in(vault, "nurse", "1111", clock).staff_id == "nurse"
    actions = [row["action"] for row in vault.db.query("SELECT action FROM audit WHERE actor = 'nurse'")]
    assert actions.count("sign_in.failed") == 5 and actions[-1] == "sign_in"


def test_lockout_on_an_open_database_is_audited(ward_db, clock):
    for _ in range(5):
        with pytest.raises(SignInError):
            staff.sign_in(ward_db, "doctor", "0000", clock)
    with pytest.raises(SignInError, match="locked until 14:05"):
        staff.sign_in(ward_db, "doctor", "2222", clock)
    assert ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.locked'").fetchone()[0] == 1
    assert staff.sign_in(ward_db, "nurse", "1111", clock).staff_id == "nurse"


def test_an_existing_file_is_never_set_up_again(encrypted, clock):
    path, _ = encrypted
    with pytest.raises(ServiceError, match="already exists"):
        unlock.create(path, encrypted=True, device_number=1, device_name="x", admin_id="admin",
                      admin_name="A", admin_pin="0000", clock=clock)


def test_staff_deactivate_command(encrypted, capsys):
    from downtime.cli import main

    path, _ = encrypted
    admin = ["--db", str(path), "--user", "admin", "--pin", "0000"]
    assert main(["staff", "deactivate", "nurse", *admin]) == 0
    assert keyslots.slot_holders(path) == ["admin"]
    assert main(["staff", "list", "--json", *admin]) == 0
    assert '"active": false' in capsys.readouterr().out
    # The administrator checking that a leaver can no longer sign in reads it in the list too
    # (it listed a deactivated account as it listed an active one).
    assert main(["staff", "list", *admin]) == 0
    listed = {cells[0]: cells[1:3] for cells in (re.split(" {2,}", line) for line in capsys.readouterr().out.splitlines())}
    assert listed == {"admin": ["administrator", "active"], "nurse": ["ward nurse", "deactivated"]}


def test_work_off_the_gui_thread_opens_the_encrypted_file_with_the_session_key(encrypted, admission_values):
    path, admin = encrypted
    own = admin.own_connection()()
    try:
        assert own.db is not admin.db and own.user == admin.user and own.listeners == [] and own.vault is None
        assert own.db.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 2
    finally:
        own.db.close()


def test_every_connection_keeps_32_mib_of_decrypted_pages(encrypted):
    """SQLCipher decrypts a page at each read from the file: the page cache keeps a ward's
    census and search index decrypted between reads, on background connections too."""
    _, admin = encrypted
    own = admin.own_connection()()
    try:
        assert [db.execute("PRAGMA cache_size").fetchone()[0] for db in (admin.db, own.db)] == [-32 * 1024] * 2
    finally:
        own.db.close()


def test_a_colleague_signing_in_does_not_reset_the_lockout_of_a_locked_database(encrypted, clock):
    """Another person's PIN opening the database hands the wrong PINs over to the audit log; the
    next opening of the locked file must still count them (a nurse signing in between guesses
    got five more for a colleague's PIN each time)."""
    path, _ = encrypted
    for _ in range(5):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(Vault(path), "nurse", "0000", clock)
    assert unlock.sign_in(Vault(path), "admin", "0000", clock).staff_id == "admin"
    for guess in ("1234", "1111"):  # a wrong PIN is not even tried, so the right one is not told apart
        with pytest.raises(SignInError, match="locked until"):
            unlock.sign_in(Vault(path), "nurse", guess, clock)


def test_wrong_pins_at_an_open_database_still_count_once_it_is_locked_again(encrypted, clock):
    """Wrong PINs typed at the lock screen (the database open) count at the next start of the
    app, when it is locked again: quitting the app did not clear them."""
    path, _ = encrypted
    vault = Vault(path)
    unlock.sign_in(vault, "admin", "0000", clock)
    for _ in range(5):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(vault, "nurse", "0000", clock)
    vault.db.close()
    for guess in ("1234", "1111"):
        with pytest.raises(SignInError, match="locked until"):
            unlock.sign_in(Vault(path), "nurse", guess, clock)
    clock.advance(minutes=5, seconds=1)
    reopened = Vault(path)
    assert unlock.sign_in(reopened, "nurse", "1111", clock).staff_id == "nurse"
    failed = reopened.db.execute("SELECT COUNT(*) FROM audit WHERE actor = 'nurse' AND action = 'sign_in.failed'")
    assert failed.fetchone()[0] == 5  # each wrong PIN audited once


def test_wrong_witness_pins_count_towards_the_lockout_of_the_locked_database(encrypted, clock, forms):
    """A controlled drug's witness PIN is a sign-in too: five wrong ones lock the staff ID, and
    still do once the app is started again, before the database is unlocked."""
    from downtime.services import cd_register

    path, admin = encrypted
    staff.add_staff(admin, "doctor", "Dr Ward", Role.DOCTOR, "2222")
    vault = Vault(path)
    user = unlock.sign_in(vault, "nurse", "1111", clock)
    nurse = Session(vault.db, load_device(vault.db), user, forms, clock, vault=vault)
    for _ in range(5):
        with pytest.raises(SignInError, match="wrong PIN"):
            cd_register.cd_receive(nurse, "2A", "Morphine", "mg", 10, witness=("doctor", "0000"))
    vault.db.close()
    for guess in ("1234", "2222"):
        with pytest.raises(SignInError, match="locked until"):
            unlock.sign_in(Vault(path), "doctor", guess, clock)


def test_a_locked_database_opens_under_a_staff_id_typed_in_any_case(encrypted, clock):
    """The key slots are kept under the stored staff ID: "NURSE" did not find "nurse"'s, and its
    wrong PINs were counted apart from those of "nurse" and "Nurse"."""
    path, _ = encrypted
    assert unlock.sign_in(Vault(path), " NURSE ", "1111", clock).staff_id == "nurse"
    for typed in ("NURSE", "Nurse", "nUrse", "nuRse", "nurSe"):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(Vault(path), typed, "0000", clock)
    for typed in ("nurse", "NURSE"):
        with pytest.raises(SignInError, match="locked until"):
            unlock.sign_in(Vault(path), typed, "1111", clock)
    clock.advance(minutes=5, seconds=1)
    vault = Vault(path)
    assert unlock.sign_in(vault, "Nurse", "1111", clock).staff_id == "nurse"
    failed = vault.db.execute("SELECT actor, COUNT(*) FROM audit WHERE action = 'sign_in.failed' GROUP BY actor")
    assert failed.fetchall() == [("nurse", 5)]


def test_a_witness_typed_in_capitals_is_the_stored_staff_id(encrypted, clock, forms):
    from downtime.services import cd_register

    path, admin = encrypted
    staff.add_staff(admin, "doctor", "Dr Ward", Role.DOCTOR, "2222")
    vault = Vault(path)
    user = unlock.sign_in(vault, "nurse", "1111", clock)
    nurse = Session(vault.db, load_device(vault.db), user, forms, clock, vault=vault)
    cd_register.cd_receive(nurse, "2A", "Morphine", "mg", 10, witness=("DOCTOR", "2222"))
    assert [line.witness for line in cd_register.cd_lines(vault.db, forms, "2A", "Morphine", "mg")] == ["doctor"]
    for _ in range(5):
        with pytest.raises(SignInError, match="wrong PIN"):
            cd_register.cd_receive(nurse, "2A", "Morphine", "mg", 10, witness=("Doctor", "0000"))
    vault.db.close()
    with pytest.raises(SignInError, match="locked until"):
        unlock.sign_in(Vault(path), "doctor", "2222", clock)


def test_two_instances_changing_the_key_slots_at_once_lose_neither_change(encrypted, monkeypatch):
    """Two windows of the app (or the app and a `downtime staff` command) each read the key-slot
    file, change it and write it back: the second write dropped the first one's slot, and that
    person could no longer open the database."""
    path, _ = encrypted
    both_read = threading.Barrier(2, timeout=1)
    read = keyslots._load

    def read_then_meet(db_path):
        content = read(db_path)
        with suppress(threading.BrokenBarrierError):
            both_read.wait()  # without a lock both have read before either writes
        return content

    monkeypatch.setattr(keyslots, "_load", read_then_meet)
    key = keyslots.unwrap(path, "admin", "0000")
    added = [threading.Thread(target=keyslots.add_slot, args=(path, key, staff_id, "2468"))
             for staff_id in ("agency1", "agency2")]
    for thread in added:
        thread.start()
    for thread in added:
        thread.join()
    monkeypatch.undo()
    assert keyslots.slot_holders(path) == ["admin", "agency1", "agency2", "nurse"]
    assert keyslots.unwrap(path, "agency1", "2468") == keyslots.unwrap(path, "agency2", "2468") == key


def test_a_crash_while_the_key_slots_are_written_keeps_every_slot(encrypted, tmp_path):
    """The app killed (a power cut) half-way through writing the key-slot file: the file on
    disk is the whole old one, everyone still opens the database, and the next change of the
    file clears what the cut left."""
    path, _ = encrypted
    before = keyslots.keys_path(path).read_bytes()
    killed = subprocess.run([sys.executable, "-c", f"""
import json, os
from pathlib import Path
from downtime.storage import keyslots

def dump_then_die(content, out, **options):
    out.write(json.dumps(content, **options)[:40])
    out.flush()
    os._exit(9)

json.dump = dump_then_die
keyslots.add_slot(Path({str(path)!r}), keyslots.new_key(), "agency1", "2468")
"""], env={**os.environ, "PYTHONPATH": str(Path(keyslots.__file__).parents[2])}, capture_output=True, text=True)
    assert killed.returncode == 9, killed.stderr
    assert len(list(path.parent.glob(".ward.sqlite.keys-*"))) == 1  # the half-written file
    assert keyslots.keys_path(path).read_bytes() == before
    assert keyslots.slot_holders(path) == ["admin", "nurse"]
    assert unlock.sign_in(Vault(path), "nurse", "1111").staff_id == "nurse"
    keyslots.add_slot(path, keyslots.unwrap(path, "admin", "0000"), "agency1", "2468")
    assert keyslots.slot_holders(path) == ["admin", "agency1", "nurse"]
    assert sorted(p.name for p in path.parent.iterdir() if ".keys" in p.name) == ["ward.sqlite.keys",
                                                                                  "ward.sqlite.keys.lock"]


def _failing_at(monkeypatch, target, name, call):
    """`target.name` raising a disk failure at its `call`-th call (1 for the first)."""
    original, calls = getattr(target, name), []

    def fail_or_run(*args, **kwargs):
        calls.append(1)
        if len(calls) == call:
            raise OSError(5, "Input/output error")
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, fail_or_run)


def _audited(admin, action):
    return [row["detail"] for row in admin.db.query("SELECT detail FROM audit WHERE action = ?", [action])]


def test_a_new_pin_whose_key_slot_cannot_be_written_leaves_the_old_pin_working_and_is_audited(encrypted, clock,
                                                                                                monkeypatch):
    """The PIN was changed in the database and its key slot written in another file: a failed
    write of one left the person unable to open the laptop's database with either PIN. The new
    PIN's slot is written beside the old one first: failing there, nothing changes."""
    path, admin = encrypted
    _failing_at(monkeypatch, keyslots, "_save", 1)
    with pytest.raises(ServiceError, match="The PIN of nurse was not changed: .*Input/output error"):
        staff.set_pin(admin, "nurse", "246810")
    monkeypatch.undo()
    assert unlock.sign_in(Vault(path), "nurse", "1111", clock).staff_id == "nurse"
    with pytest.raises(SignInError):
        unlock.sign_in(Vault(path), "nurse", "246810", clock)
    (said,) = _audited(admin, "staff.set_pin.failed")
    assert "nurse" in said and "Input/output error" in said


def test_a_new_pin_not_committed_leaves_the_old_pin_working(encrypted, clock, monkeypatch):
    """The database's write failing after the new slot was written: the old PIN still opens
    the database and signs in (the new one's slot, which opens nothing here, is taken away)."""
    from downtime.storage import audit

    path, admin = encrypted
    _failing_at(monkeypatch, audit, "upsert_audited", 1)
    with pytest.raises(OSError):
        staff.set_pin(admin, "nurse", "246810")
    monkeypatch.undo()
    assert unlock.sign_in(Vault(path), "nurse", "1111", clock).staff_id == "nurse"
    with pytest.raises(SignInError):
        unlock.sign_in(Vault(path), "nurse", "246810", clock)


@pytest.mark.parametrize("deactivated", [False, True])
def test_a_new_pin_committed_whose_old_slot_cannot_be_replaced_still_signs_in_and_is_audited(
        encrypted, clock, monkeypatch, deactivated):
    """The key-slot file failing after the database took the new PIN: the new PIN opens the
    locked database and signs in (the old PIN's slot stays beside it until the next change),
    and the administrator and the audit log are told."""
    path, admin = encrypted
    if deactivated:  # back after their account was closed: they had no slot left
        staff.deactivate_staff(admin, "nurse")
    _failing_at(monkeypatch, keyslots, "_save", 2)
    with pytest.raises(ServiceError, match="The new PIN of nurse is set and opens the database"):
        staff.set_pin(admin, "nurse", "246810")
    monkeypatch.undo()
    assert unlock.sign_in(Vault(path), "nurse", "246810", clock).staff_id == "nurse"
    (said,) = _audited(admin, "staff.set_pin.slot_kept")
    assert "Input/output error" in said
    staff.set_pin(admin, "nurse", "135790")  # once the disk is mended, the next change tidies up
    assert unlock.sign_in(Vault(path), "nurse", "135790", clock).staff_id == "nurse"
    for pin in ("1111", "246810"):
        assert keyslots.unwrap(path, "nurse", pin) is None


def test_a_pin_changed_by_its_owner_opens_the_locked_database_and_the_old_one_no_longer_does(encrypted, clock, forms,
                                                                                               monkeypatch):
    """The person's key slot is wrapped again with their new PIN in the same step; the key-slot
    file failing, the old PIN still opens the file and signs in, as with an administrator's set-pin."""
    from downtime.services.own_pin import change_own_pin

    path, _ = encrypted
    vault = Vault(path)
    user = unlock.sign_in(vault, "nurse", "1111", clock)
    assert vault.db is not None
    nurse = Session(vault.db, load_device(vault.db), user, forms, clock, vault=vault)
    _failing_at(monkeypatch, keyslots, "_save", 1)
    with pytest.raises(ServiceError, match="The PIN of nurse was not changed"):
        change_own_pin(nurse, "1111", "482913")
    monkeypatch.undo()
    assert unlock.sign_in(Vault(path), "nurse", "1111", clock).staff_id == "nurse"
    (said,) = _audited(nurse, "staff.change_pin.failed")
    assert "Input/output error" in said
    change_own_pin(nurse, "1111", "482913")
    assert unlock.sign_in(Vault(path), "nurse", "482913", clock).staff_id == "nurse"
    assert keyslots.unwrap(path, "nurse", "1111") is None
    with pytest.raises(SignInError):
        unlock.sign_in(Vault(path), "nurse", "1111", clock)


def _audited_text(db) -> str:
    """Every audit entry's actor and detail, as one text to search."""
    return "\n".join(f"{row['actor']} {row['detail']}" for row in db.query("SELECT actor, detail FROM audit"))


def test_a_pin_typed_in_the_staff_id_box_is_kept_nowhere_readable(encrypted, clock):
    """The two boxes swapped at the sign-in: the nurse's PIN went into the key-slot file (plain
    JSON, copied beside every backup) for good, and opened the database at the first try for
    whoever read it. Now only its length is kept, and audited."""
    path, admin = encrypted
    staff.add_staff(admin, "nurse2", "Anne Martin", Role.WARD_NURSE, "482913")
    with pytest.raises(SignInError, match="wrong PIN"):
        unlock.sign_in(Vault(path), "482913", "nurse2", clock)
    assert unlock.sign_in(Vault(path), "nurse2", "482913", clock).staff_id == "nurse2"
    assert "482913" not in keyslots.keys_path(path).read_text(encoding="utf-8")
    clock.advance(days=2)
    vault = Vault(path)
    assert unlock.sign_in(vault, "admin", "0000", clock).staff_id == "admin"
    assert "482913" not in keyslots.keys_path(path).read_text(encoding="utf-8")
    assert "482913" not in _audited_text(vault.db)
    failed = vault.db.execute("SELECT actor FROM audit WHERE action = 'sign_in.failed'").fetchall()
    assert failed == [("unknown staff ID (6 characters)",)]


def test_what_an_earlier_version_kept_of_typed_ids_is_scrubbed_at_the_next_write(encrypted, clock):
    """A key-slot file written before: the typed text under `recent` and `failures` goes at the
    next sign-in, its failures still audited under its length."""
    import json

    path, _ = encrypted
    content = json.loads(keyslots.keys_path(path).read_text(encoding="utf-8"))
    content["recent"]["482913"] = [clock().isoformat()]
    content["failures"]["482913"] = [clock().isoformat()]
    keyslots.keys_path(path).write_text(json.dumps(content), encoding="utf-8")
    vault = Vault(path)
    assert unlock.sign_in(vault, "nurse", "1111", clock).staff_id == "nurse"
    assert "482913" not in keyslots.keys_path(path).read_text(encoding="utf-8")
    failed = vault.db.execute("SELECT actor FROM audit WHERE action = 'sign_in.failed'").fetchall()
    assert failed == [("unknown staff ID (6 characters)",)]


def test_unknown_staff_ids_lock_after_five_in_a_row_and_are_forgotten_after_the_lockout(encrypted, clock):
    """Unknown IDs are counted by their length, within the lockout window only: nothing ends
    their run (no good sign-in of theirs), so kept longer, a shift's mistypes locked the next
    one. A staff member's own count is untouched."""
    path, _ = encrypted
    for typed in ("ghost1", "ghost2", "ghost3", "ghost4", "ghost5"):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(Vault(path), typed, "0000", clock)
        clock.advance(seconds=10)
    with pytest.raises(SignInError, match="locked until"):
        unlock.sign_in(Vault(path), "ghost6", "0000", clock)
    assert unlock.sign_in(Vault(path), "nurse", "1111", clock).staff_id == "nurse"
    clock.advance(minutes=5, seconds=1)
    with pytest.raises(SignInError, match="wrong PIN"):
        unlock.sign_in(Vault(path), "ghost7", "0000", clock)
    assert keyslots.failures(path, "ghost8") == [clock()]


@pytest.fixture
def fill_the_disk(monkeypatch):
    """fill_the_disk(db=None): the laptop's disk full from then on: each database opens only for
    reading (as `open_database` does on a full disk), `db` too, and the key-slot file cannot be
    written. Returns `db`."""
    import errno

    from downtime.errors import DISK_FULL

    def read_only(db):
        db.read_only = DISK_FULL
        return db

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    def fill(db=None):
        opening = unlock.open_database
        monkeypatch.setattr(unlock, "open_database", lambda *args, **kwargs: read_only(opening(*args, **kwargs)))
        monkeypatch.setattr(keyslots, "_save", no_space)
        return db if db is None else read_only(db)

    return fill


@pytest.mark.parametrize("where", ["lock screen", "locked file", "plain database"])
def test_on_a_full_disk_five_wrong_pins_still_lock_the_staff_id(request, clock, fill_the_disk, where):
    """No file can count a wrong PIN: the audit log of a database opened only for reading is not
    written, nor the key-slot file. The lock screen and the witness boxes took unlimited guesses
    (the right PIN signed in after twenty wrong ones), and at the locked file each guess was told
    "the disk is full"."""
    from downtime.services.errors import LockedOut

    if where == "plain database":
        db = fill_the_disk(request.getfixturevalue("ward_db"))

        def typed(pin):
            return staff.sign_in(db, "nurse", pin, clock)
    else:
        path, admin = request.getfixturevalue("encrypted")
        if where == "lock screen":
            db = fill_the_disk(admin.db)

            def typed(pin):
                return unlock.confirm_pin(db, "nurse", pin, clock)
        else:
            admin.db.close()
            fill_the_disk()

            def typed(pin):
                return unlock.sign_in(Vault(path), "nurse", pin, clock)
    for guess in ("1234", "4321", "0000", "9999", "1212"):
        with pytest.raises(SignInError, match="wrong PIN"):
            typed(guess)
    with pytest.raises(LockedOut):
        typed("1111")
    clock.advance(minutes=5, seconds=1)
    assert typed("1111").staff_id == "nurse"
    for guess in ("1234", "4321", "0000", "9999"):  # the good one ended the run
        with pytest.raises(SignInError, match="wrong PIN"):
            typed(guess)
    assert typed("1111").staff_id == "nurse"


def test_wrong_pins_kept_in_the_key_slots_count_at_a_database_opened_only_for_reading(encrypted, clock, monkeypatch):
    """Typed at the locked file, four wrong PINs wait in the key-slot file for an audit log that
    can be written; the database then opened only for reading (its file read-only), its log knew
    none of them, and the lock screen gave five more guesses."""
    from downtime.errors import READ_ONLY_FILE
    from downtime.services.errors import LockedOut

    path, admin = encrypted
    admin.db.close()
    for guess in ("1234", "4321", "0000", "9999"):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(Vault(path), "nurse", guess, clock)
    opening = unlock.open_database

    def read_only(*args, **kwargs):
        db = opening(*args, **kwargs)
        db.read_only = READ_ONLY_FILE
        return db

    monkeypatch.setattr(unlock, "open_database", read_only)
    vault = Vault(path)
    unlock.sign_in(vault, "admin", "0000", clock)
    with pytest.raises(SignInError, match="wrong PIN"):
        unlock.confirm_pin(vault.db, "nurse", "1212", clock)
    with pytest.raises(LockedOut):
        unlock.confirm_pin(vault.db, "nurse", "1111", clock)


def test_on_a_full_disk_a_nurse_who_once_mistyped_her_pin_signs_in_to_read_and_print(encrypted, clock, fill_the_disk):
    """Her run of wrong PINs is cleared from the key-slot file at her good sign-in: on a full disk
    that write failed, and she was told "Not done: the disk is full" at every try, while the
    README promises the census, the lists and every print on a full disk. The clearing waits for
    a sign-in with room."""
    path, admin = encrypted
    admin.db.close()
    with pytest.raises(SignInError, match="wrong PIN"):
        unlock.sign_in(Vault(path), "nurse", "9999", clock)
    fill_the_disk()
    vault = Vault(path)
    assert unlock.sign_in(vault, "nurse", "1111", clock).staff_id == "nurse"
    assert unlock.confirm_pin(vault.db, "nurse", "1111", clock).staff_id == "nurse"


@pytest.mark.parametrize(("ahead", "until"), [(timedelta(0), "14:05"), (timedelta(minutes=3), "14:05"),
                                              (timedelta(hours=1), None), (timedelta(days=1), None)])
def test_wrong_pins_typed_under_a_clock_since_put_back_lock_five_minutes_from_now_at_most(ahead, until):
    """A clock an hour fast put right after five wrong PINs locked the staff ID for an hour (a
    day fast, for a day), at every start too: the key-slot file keeps the count."""
    from downtime.domain.staff import locked_until

    now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    found = locked_until([(False, now + ahead - timedelta(seconds=second)) for second in range(4, -1, -1)], now)
    assert (f"{found:%H:%M}" if found else None) == until


def test_a_clock_put_back_an_hour_after_five_wrong_pins_does_not_lock_the_staff_id_for_that_hour(encrypted, clock):
    path, admin = encrypted
    admin.db.close()
    for guess in ("1234", "4321", "0000", "9999", "1212"):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(Vault(path), "nurse", guess, clock)
    clock.advance(minutes=-50)  # put right an hour back, ten minutes ago
    assert unlock.sign_in(Vault(path), "nurse", "1111", clock).staff_id == "nurse"


@pytest.mark.parametrize("where", ["open database", "locked file"])
def test_a_new_pin_given_by_an_administrator_lifts_the_lockout(encrypted, clock, where):
    """03:00: a nurse forgot her PIN, tried five, and her staff ID locked. The nurse in charge
    gave her a new PIN at Administration; typed at once, it was refused "locked until 03:05":
    neither the audit log nor the key-slot file took the administrator's word as ending the run."""
    path, admin = encrypted
    for guess in ("1234", "4321", "0000", "9999", "1212"):
        with pytest.raises(SignInError, match="wrong PIN"):
            unlock.confirm_pin(admin.db, "nurse", guess, clock)
    staff.set_pin(admin, "nurse", "482913")
    clock.advance(seconds=30)
    if where == "locked file":
        admin.db.close()
        assert unlock.sign_in(Vault(path), "nurse", "482913", clock).staff_id == "nurse"
    else:
        assert unlock.confirm_pin(admin.db, "nurse", "482913", clock).staff_id == "nurse"


@pytest.fixture
def disk_full_for_a_while(monkeypatch):
    """disk_full_for_a_while(db=None): a context in which the laptop's disk is full: `db` opened
    only for reading, and the key-slot file cannot be written; room again when it ends."""
    import errno
    from contextlib import contextmanager

    from downtime.errors import DISK_FULL

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    @contextmanager
    def full(db=None):
        with monkeypatch.context() as disk:
            disk.setattr(keyslots, "_save", no_space)
            if db is not None:
                db.read_only = DISK_FULL
            yield
            if db is not None:
                db.read_only = None

    return full


@pytest.mark.parametrize("where", ["witness box", "locked file"])
def test_a_wrong_pin_typed_on_a_full_disk_does_not_switch_the_lockout_off_once_there_is_room(
        request, clock, disk_full_for_a_while, where):
    """One PIN mistyped on a full disk, counted by the running app alone: room again, its count
    came after the file's whatever its time, so that stale wrong PIN was always "the last", older
    than the lockout, and no number of guesses locked the staff ID again."""
    from downtime.services.errors import LockedOut

    if where == "witness box":
        db = request.getfixturevalue("ward_db")

        def typed(pin):
            return staff.check_pin_of(db, "nurse", pin, clock, use=staff.PinUse.WITNESS)
    else:
        path, admin = request.getfixturevalue("encrypted")
        admin.db.close()
        db = None

        def typed(pin):
            return unlock.sign_in(Vault(path), "nurse", pin, clock)
    with disk_full_for_a_while(db), pytest.raises(SignInError, match="wrong PIN"):
        typed("9999")
    clock.advance(minutes=6)
    for guess in ("1234", "4321", "0000", "9999", "1212"):
        with pytest.raises(SignInError, match="wrong PIN"):
            typed(guess)
    with pytest.raises(LockedOut):
        typed("1111")


@pytest.mark.parametrize("where", ["witness box", "locked file"])
def test_wrong_pins_typed_on_a_full_disk_are_audited_once_the_log_can_be_written(request, clock, forms,
                                                                                 disk_full_for_a_while, where):
    """Counted by the running app alone (neither the audit log nor the key-slot file could take
    them), wrong PINs never reached the audit log, which the README says records failed sign-ins
    and witness PINs. They are written there at the first PIN checked with room, or the opening."""
    if where == "witness box":
        db = request.getfixturevalue("ward_db")
        with disk_full_for_a_while(db), pytest.raises(SignInError, match="wrong PIN"):
            staff.check_pin_of(db, "nurse", "9999", clock, use=staff.PinUse.WITNESS)
        failed = "witness.failed"
        assert db.execute("SELECT COUNT(*) FROM audit WHERE action = ?", [failed]).fetchone()[0] == 0
        clock.advance(minutes=1)
        staff.check_pin_of(db, "nurse", "1111", clock, use=staff.PinUse.WITNESS)
    else:
        path, admin = request.getfixturevalue("encrypted")
        admin.db.close()
        with disk_full_for_a_while(), pytest.raises(SignInError, match="wrong PIN"):
            unlock.sign_in(Vault(path), "nurse", "9999", clock)
        clock.advance(minutes=1)
        unlock.sign_in(vault := Vault(path), "nurse", "1111", clock)
        db, failed = vault.db, "sign_in.failed"
    rows = db.execute("SELECT actor, at, detail FROM audit WHERE action = ?", [failed]).fetchall()
    assert rows == [("nurse", (clock() - timedelta(minutes=1)).isoformat(), '{"while":"disk full or read-only"}')]


def test_a_right_pin_typed_on_a_full_disk_under_a_clock_running_ahead_does_not_switch_the_lockout_off(
        ward_db, clock, disk_full_for_a_while):
    """The laptop's clock runs an hour fast and its disk is full: the nurse's right witness PIN is
    counted in the running app only, at 'an hour from now'. Room is made and IT puts the clock
    right. Someone then guesses the nurse's PIN in the witness box: after five wrong PINs the ID
    must lock (five minutes), as it does on any other laptop (review T4 #1: the right PIN "at an
    hour from now" sorted after every guess, and none locked it)."""
    db = ward_db
    clock.advance(minutes=60)  # clock an hour fast
    with disk_full_for_a_while(db):
        staff.check_pin_of(db, "nurse", "1111", clock, use=staff.PinUse.WITNESS)  # right PIN, kept in memory
    clock.advance(minutes=-60)  # clock put right, disk has room again
    for guess in ("1234", "4321", "0000", "9999", "1212"):
        clock.advance(seconds=10)
        with pytest.raises(SignInError, match="wrong PIN"):
            staff.check_pin_of(db, "nurse", guess, clock, use=staff.PinUse.WITNESS)
    clock.advance(seconds=10)
    with pytest.raises(LockedOut):
        staff.check_pin_of(db, "nurse", "5555", clock, use=staff.PinUse.WITNESS)

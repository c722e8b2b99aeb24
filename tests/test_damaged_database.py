"""A damaged ward file or backup (one bad page: a bad sector, whose SQLCipher page check fails)
is said damaged and a sound backup offered, never an error raised; and a database restored
from a backup before a damaged or abandoned one is not called tampered with at its next
opening (the ward was offered the same restore at every opening)."""

from collections.abc import Callable
from pathlib import Path

from datetime import datetime

import pytest
import sqlcipher3

from downtime.cli import main
from downtime.errors import UserError
from downtime.services import backups, records, staff, unlock
from downtime.services.context import Session, Vault, load_device
from downtime.storage.backup import audit_ends, restore_backup, set_aside

PAGE = 4096  # SQLCipher 4's page size


@pytest.fixture
def ward(tmp_path, ward_on_a_stick):
    """An encrypted ward with a nurse, eighteen admissions (pages enough to damage one that the
    sign-in does not read), backing up to a stick."""
    return ward_on_a_stick(tmp_path / "ward.sqlite", beds=[str(bed) for bed in range(12, 30)])


def bad_page(path: Path, wanted: Callable[[], bool]) -> None:
    """Part of one page zeroed, the last page of the file for which `wanted` holds."""
    data = path.read_bytes()
    for page in range(len(data) // PAGE - 1, 1, -1):
        spoilt = bytearray(data)
        spoilt[page * PAGE + 300:page * PAGE + 340] = bytes(40)
        path.write_bytes(bytes(spoilt))
        if wanted():
            return
    raise AssertionError("no such page")


def _raw(path: Path, key: bytes, sql: str) -> list[tuple]:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _fails(path: Path, key: bytes, sql: str) -> bool:
    try:
        return _raw(path, key, sql) != [("ok",)]
    except (sqlcipher3.DatabaseError, MemoryError):
        return True


def signs_in(path: Path, clock) -> bool | None:
    """True: the nurse signs in; None: refused in words (a page the file's opening needs); False:
    the sign-in itself raised SQLite's error."""
    fresh = Vault(path)
    try:
        unlock.sign_in(fresh, "nurse", "1111", clock)
    except UserError:
        return None
    except (sqlcipher3.DatabaseError, MemoryError):
        return False
    finally:
        if fresh.db is not None:
            fresh.db.conn.close()
    return True


def closed(vault: Vault) -> None:
    vault.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.db.conn.close()


def test_a_bad_page_in_the_ward_file_is_said_damaged_and_its_backup_offered(ward, clock):
    vault, nurse = ward
    made = backups.backup_now(nurse)
    closed(vault)
    bad_page(vault.path, lambda: signs_in(vault.path, clock) is True
             and _fails(vault.path, vault.key, "PRAGMA quick_check"))
    opened = Vault(vault.path)
    unlock.sign_in(opened, "nurse", "1111", clock)
    # The check at every opening (qt.app.sound_or_restored) said nothing: SQLite's error went up.
    assert backups.sound(opened.db, opened.key).startswith("the file could not be read")
    assert backups.prepare_restore(opened) == made


def test_downtime_verify_on_a_bad_page_the_sign_in_meets_says_not_sound(ward, clock, capsys):
    vault, _ = ward
    closed(vault)
    bad_page(vault.path, lambda: signs_in(vault.path, clock) is False)
    capsys.readouterr()
    assert main(["verify", "--db", str(vault.path), "--user", "nurse", "--pin", "1111"]) == 1
    said = capsys.readouterr()
    assert said.err.startswith("NOT SOUND: the database file is damaged: part of it cannot be read") and not said.out


def test_a_bad_page_in_the_newest_backup_passes_over_it_to_the_sound_one_before(ward, clock, admission_values):
    vault, nurse = ward
    older = backups.backup_now(nurse)
    clock.advance(minutes=15)
    records.save_new(nurse, "admission", {**admission_values, "bed": "31", "nir": ""})
    newest = backups.backup_now(nurse)
    # Its audit and its tables' list still read (it is this database's, and opens), its pages not all.
    bad_page(newest, lambda: audit_ends(newest, vault.key) is not None
             and not _fails(newest, vault.key, "SELECT 'ok' FROM sqlite_master LIMIT 1")
             and _fails(newest, vault.key, "PRAGMA quick_check"))
    assert backups.prepare_restore(vault) == older


def _damaged_beyond_its_audit(backup: Path, key: bytes) -> None:
    bad_page(backup, lambda: audit_ends(backup, key) is not None and _fails(backup, key, "PRAGMA quick_check"))


def _restore(vault: Vault, backup: Path, clock) -> None:
    """IT's `downtime restore` of `backup` in place of the ward's file, then the nurse signs in."""
    vault.db.conn.close()
    set_aside(vault.path, clock())
    restore_backup(backup, vault.path, lambda copy: backups._checked(copy, vault.key))
    vault.db = None
    unlock.sign_in(vault, "nurse", "1111", clock)


def test_a_restore_that_passed_over_a_damaged_newer_backup_is_sound_at_the_next_opening(ward, clock,
                                                                                      admission_values):
    vault, nurse = ward
    sound_one = backups.backup_now(nurse)
    clock.advance(minutes=15)
    for bed in range(31, 40):
        records.save_new(nurse, "admission", {**admission_values, "bed": str(bed), "nir": ""})
    newer = backups.backup_now(nurse)
    _damaged_beyond_its_audit(newer, vault.key)
    clock.advance(minutes=15)
    _restore(vault, sound_one, clock)
    # The newer backup's last entry is not in the restored file: it was called tampered with,
    # and the same restore offered at every opening.
    assert backups.sound(vault.db, vault.key) is None
    assert backups.checked_against(vault.db, vault.key) == sound_one


def test_a_restore_from_before_a_sound_newer_backup_is_not_held_to_that_backup(ward, clock, admission_values):
    """IT restores an older backup on purpose (the newer one copied a file already damaged, in a
    way the quick check misses): the restore's audit entry says so, and the backups made
    before it, of the history it abandoned, are not held against the database's end; those made
    after it are."""
    vault, nurse = ward
    older = backups.backup_now(nurse)
    clock.advance(minutes=15)
    records.save_new(nurse, "admission", {**admission_values, "bed": "31", "nir": ""})
    backups.backup_now(nurse)
    clock.advance(minutes=15)
    _restore(vault, older, clock)
    backups.restored(vault.path, vault.key, older, None, "admin", clock())  # as `downtime restore` audits it
    assert backups.sound(vault.db, vault.key) is None
    assert backups.checked_against(vault.db, vault.key) == older, "the backup it was restored from"
    clock.advance(minutes=15)
    nurse = Session(vault.db, load_device(vault.db), staff.sign_in(vault.db, "nurse", "1111", clock), nurse.forms,
                    clock, vault=vault)
    after = backups.backup_now(nurse)
    assert backups.checked_against(vault.db, vault.key) == after and backups.sound(vault.db, vault.key) is None


def test_a_damaged_page_met_while_at_work_is_said_damaged_never_read_only(tmp_path):
    """A save that meets a bad page said "Unexpected error"; the disk-full path (opening the
    file only for reading) must not take a damaged file for a full disk."""
    from downtime.errors import refused, unwritable

    for problem in (sqlcipher3.DatabaseError("database disk image is malformed"),
                    sqlcipher3.DatabaseError("file is not a database")):
        assert refused(problem).text("en") == ("Not done: the database file is damaged: part of it cannot be read (a "
                                               "failing disk or USB stick). Nothing was half-written; call IT if it "
                                               "happens again.")
        assert not unwritable(problem)
    assert refused(MemoryError()) is None  # one of ours, out of the database, stays loud


def _restored_on_purpose(vault: Vault, nurse: Session, backup: Path, clock) -> Session:
    """IT's `downtime restore` of an older `backup`, audited as the command audits it; the nurse signs in again."""
    _restore(vault, backup, clock)
    backups.restored(vault.path, vault.key, backup, None, "admin", clock())
    return Session(vault.db, load_device(vault.db), staff.sign_in(vault.db, "nurse", "1111", clock), nurse.forms,
                   clock, vault=vault)


def _refused_morning(nurse: Session, clock, admission_values, count: int) -> list[Path]:
    """Backups of a busy morning (five admissions each) that IT then restores from before: each
    reaches further than several backups of the restored history will."""
    made = []
    for n in range(count):
        clock.advance(minutes=15)
        for bed in range(5):
            records.save_new(nurse, "admission", {**admission_values, "bed": f"{40 + 5 * n + bed}", "nir": ""})
        made.append(backups.backup_now(nurse))
    return made


def test_after_restoring_an_older_backup_each_new_backup_stays_and_the_refused_ones_go_first(
        tmp_path, ward_on_a_stick, clock, admission_values):
    """The backups IT refused reach further than the restored history: ranked newest, they were
    kept, and each backup made since was removed as soon as made, the banner saying "0 min ago"
    with no copy of the work since the restore on the stick."""
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite", keep=3)
    first = backups.backup_now(nurse)
    clock.advance(hours=8)
    older = backups.backup_now(nurse)
    clock.advance(hours=10)
    refused = _refused_morning(nurse, clock, admission_values, 3)
    clock.advance(minutes=15)
    nurse = _restored_on_purpose(vault, nurse, older, clock)
    clock.advance(minutes=15)
    records.save_new(nurse, "admission", {**admission_values, "bed": "50", "nir": ""})
    made = backups.backup_now(nurse)
    assert made.exists() and backups.last_made(vault.db) == (clock(), made)
    assert not any(path.exists() for path in refused), "the refused history goes before the restored one's"
    assert first.exists() and older.exists()
    assert backups.sound(vault.db, vault.key) is None


def test_a_second_restore_offers_the_newest_backup_made_since_the_first_not_the_refused_one(
        tmp_path, ward_on_a_stick, clock, admission_values):
    """The backup IT refused reached further than those made since its restore: when the disk
    failed again, it was offered as "the newest backup", and the work since the first restore lost."""
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite")  # keeping 10: none goes
    older = backups.backup_now(nurse)
    refused = _refused_morning(nurse, clock, admission_values, 2)
    clock.advance(minutes=15)
    nurse = _restored_on_purpose(vault, nurse, older, clock)
    clock.advance(minutes=15)
    records.save_new(nurse, "admission", {**admission_values, "bed": "50", "nir": ""})
    since = backups.backup_now(nurse)
    assert all(path.exists() for path in refused)
    assert backups.prepare_restore(vault) == since
    backups.discard_restore(vault)


def test_no_tamper_alarm_once_the_backup_restored_from_has_rotated_away(tmp_path, ward_on_a_stick, clock,
                                                                        admission_values):
    """The backup a restore came from tells the history it abandoned (its backups passed over by
    the chain's end check); rotated away while a refused backup stayed, the database was called
    tampered with at the next opening and a restore offered."""
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite", keep=3)
    backups.backup_now(nurse)
    clock.advance(minutes=15)
    older = backups.backup_now(nurse)
    _refused_morning(nurse, clock, admission_values, 1)
    clock.advance(minutes=15)
    nurse = _restored_on_purpose(vault, nurse, older, clock)
    for _ in range(4):
        clock.advance(minutes=15)
        backups.backup_now(nurse)
    assert not older.exists(), "rotated away"
    assert backups.sound(vault.db, vault.key) is None


def test_the_restore_offers_the_backup_reaching_furthest_not_one_named_by_a_clock_a_day_ahead(
        tmp_path, ward_on_a_stick, clock, admission_values):
    """A backup named by a clock a day ahead, the clock put right, a patient admitted and backed
    up, then the file lost its last writes (as `_cut_after` cuts them): the restore offered the
    backup named "tomorrow", without the admission, before the one reaching furthest (review T4 #2)."""
    from downtime.storage.backup import backups_to_restore
    from tests.test_backups import _cut_after

    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite", keep=3)
    clock.now = datetime.fromisoformat("2026-11-29T20:00+01:00")
    ahead = backups.backup_now(nurse)
    clock.now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    records.save_new(nurse, "admission", {**admission_values, "bed": "13", "nir": None})
    real = backups.backup_now(nurse)
    _cut_after(nurse.db, audit_ends(ahead, vault.key)[-1][0])  # the disk's cache lost at a power cut
    assert backups_to_restore(nurse.db, vault.key, tmp_path / "usb")[0] == real
    assert backups.prepare_restore(vault) == real

"""Backups are consistent, encrypted like the database, rotated, audited, and restore to a
sound database; the banner's "last backup" comes from the audit log."""

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from downtime.cli import main
from downtime.domain.staff import Role
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.services import backups, records, staff, unlock
from downtime.services.context import Session, Vault
from downtime.services.errors import ServiceError, SignInError
from downtime.storage import keyslots
from downtime.storage.backup import BackupError, backups_in, backups_of, first_entry, made_at, restore_backup
from downtime.storage.integrity import check_database


@pytest.fixture
def ward(tmp_path, clock, forms):
    vault, device = unlock.create(tmp_path / "ward.sqlite", encrypted=True, device_number=3, device_name="Ward 3",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    admin = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    staff.add_staff(admin, "nurse", "Nurse", Role.WARD_NURSE, "1111")
    (tmp_path / "usb").mkdir()
    backups.set_backup_policy(admin, tmp_path / "usb", every_minutes=15, keep=3)
    nurse = Session(vault.db, device, staff.sign_in(vault.db, "nurse", "1111", clock), forms, clock, vault=vault)
    return nurse, tmp_path


def test_a_backup_is_encrypted_sound_and_audited(ward, admission_values, clock):
    nurse, tmp_path = ward
    records.save_new(nurse, "admission", admission_values)
    assert backups.due(nurse.db, clock())
    path = backups.backup_now(nurse)
    assert path.parent == tmp_path / "usb" and keyslots.is_encrypted(path)
    assert b"Penicillin" not in path.read_bytes() and b"SQLite format 3" not in path.read_bytes()
    assert backups.last_backup(nurse.db) == clock() and not backups.due(nurse.db, clock())
    clock.advance(minutes=15)
    assert backups.due(nurse.db, clock())


def test_the_last_k_and_the_first_are_kept(ward, clock):
    nurse, tmp_path = ward
    made = []
    for _ in range(5):
        made.append(backups.backup_now(nurse))
        clock.advance(minutes=1)
    assert backups_in(tmp_path / "usb") == [*made[:1:-1], made[0]]
    assert not made[1].exists() and not keyslots.keys_path(made[1]).exists()


def test_a_days_backups_thin_out_to_the_outages_start_and_the_last_of_each_day(ward, clock):
    """Every 15 minutes, 10 kept: each backup removed the oldest, and after a day the folder held
    the last two and a half hours, nothing of the day before nor of the outage's start. Here
    every 6 hours, 3 kept, from 27/11 08:00 to 30/11 08:00."""
    nurse, tmp_path = ward
    clock.now = datetime.fromisoformat("2026-11-27T08:00+01:00")
    made = []
    for _ in range(13):
        made.append(backups.backup_now(nurse))
        clock.advance(hours=6)
    kept = [made[12], made[11], made[10], made[6], made[2], made[0]]
    assert [f"{made_at(path):%d/%m %H:%M}" for path in kept] == [
        "30/11 08:00", "30/11 02:00", "29/11 20:00", "28/11 20:00", "27/11 20:00", "27/11 08:00"]
    assert backups_in(tmp_path / "usb") == kept
    assert all(keyslots.keys_path(path).exists() == (path in kept) for path in made)


def test_the_settings_say_how_far_back_the_kept_backups_reach():
    assert backups.kept_said(10, "en") == ("Kept: the last 10, one a day before them (the last of each day, for 31 "
                                          "days), and the first.")


def test_restore_gives_back_a_sound_database_that_the_pins_open(ward, admission_values, clock):
    nurse, tmp_path = ward
    saved = records.save_new(nurse, "admission", admission_values)
    backup = backups.backup_now(nurse)
    target = tmp_path / "restored.sqlite"
    restore_backup(backup, target)
    vault = Vault(target)
    unlock.sign_in(vault, "nurse", "1111", clock)
    assert check_database(vault.db) is None
    assert records.current(vault.db, saved.record_id).data["bed"] == "12"
    with pytest.raises(BackupError, match="move it aside first"):
        restore_backup(backup, target)


def test_backup_and_restore_commands(ward, capsys):
    nurse, tmp_path = ward
    who = ["--db", str(nurse.vault.path), "--user", "nurse", "--pin", "1111"]
    assert main(["backup", *who]) == 0
    backup = backups_in(tmp_path / "usb")[0]
    # Named in UTC, told in the laptop's time (the command runs on the real clock).
    made = made_at(backup)
    assert "Z-" in backup.name and made.utcoffset() == datetime.now().astimezone().utcoffset()
    assert f"backed up to {backup} (made {made:%d/%m/%Y %H:%M})" in capsys.readouterr().out
    assert main(["restore", str(backup), "--db", str(tmp_path / "new.sqlite"), "--user", "nurse",
                 "--pin", "1111"]) == 0
    out = capsys.readouterr().out
    assert f"restored {backup} (made {made:%d/%m/%Y %H:%M})" in out and "integrity and audit chain sound" in out
    # A restore is also how a second laptop gets set up in a hurry, its downtime numbers then the first's.
    assert ("It is device 3 (Ward 3): open it only on a laptop that replaces that one, never beside it "
            "(two laptops with one database give one downtime number to two patients); set a second laptop up with "
            "'downtime setup'.") in out


def test_a_backup_copied_without_its_key_slots_says_which_file_is_missing(ward, capsys):
    """IT copied the backup's .sqlite from the stick and not its .keys: the restore said "not
    sound (file is not a database)", and a sound backup was taken for a damaged one. A wrong
    PIN at the restore left the copy's lock file behind."""
    nurse, tmp_path = ward
    backup = backups.backup_now(nurse)
    (tmp_path / "elsewhere").mkdir()
    lone = tmp_path / "elsewhere" / backup.name
    lone.write_bytes(backup.read_bytes())
    target = tmp_path / "elsewhere" / "restored.sqlite"
    assert main(["restore", str(lone), "--db", str(target), "--user", "nurse", "--pin", "1111"]) == 1
    said = capsys.readouterr().err
    assert f"{lone} is encrypted and its key slots ({lone.name}.keys) are not beside it: copy that file" in said
    keyslots.keys_path(lone).write_bytes(keyslots.keys_path(backup).read_bytes())
    assert main(["restore", str(lone), "--db", str(target), "--user", "nurse", "--pin", "9999"]) == 1
    assert sorted(path.name for path in lone.parent.iterdir()) == sorted([lone.name, f"{lone.name}.keys"])
    assert main(["restore", str(lone), "--db", str(target), "--user", "nurse", "--pin", "1111"]) == 0


def test_a_damaged_backup_is_never_put_in_place_and_a_sound_one_can_follow(ward, admission_values, capsys):
    """The copy is checked under a temporary name: a damaged backup used to be left in place as
    the ward's database, and the sound one then refused ("move it aside first")."""
    nurse, tmp_path = ward
    records.save_new(nurse, "admission", admission_values)
    good = backups.backup_now(nurse)
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):
        data[offset + 100:offset + 300] = b"\xff" * 200
    bad = tmp_path / "usb" / "damaged.sqlite"
    bad.write_bytes(bytes(data))
    keyslots.keys_path(bad).write_bytes(keyslots.keys_path(good).read_bytes())
    target = tmp_path / "restored.sqlite"
    who = ["--db", str(target), "--user", "nurse", "--pin", "1111"]
    assert main(["restore", str(bad), *who]) == 1
    assert "nothing was put in place" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("restored")) == []
    assert main(["restore", str(good), *who]) == 0
    assert "integrity and audit chain sound" in capsys.readouterr().out


def test_a_missing_stick_is_a_clear_message_and_no_copy_lands_on_the_laptops_disk(ward, tmp_path):
    """The stick's folder was created on the laptop's own disk when the stick was out: the
    banner said a backup was made, and a disk failure took both copies."""
    nurse, _ = ward
    (tmp_path / "usb").rmdir()  # the stick pulled out
    with pytest.raises(BackupError, match="the folder is not there \\(is the USB stick removed\\?\\)"):
        backups.backup_now(nurse)
    assert not (tmp_path / "usb").exists() and backups.last_backup(nurse.db) is None


def test_a_backups_folder_is_a_whole_path_to_a_folder_that_is_there(ward, tmp_path, monkeypatch):
    nurse, _ = ward
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", nurse.clock), nurse.forms,
                    nurse.clock, vault=nurse.vault)
    with pytest.raises(ServiceError, match="give its whole path"):
        backups.set_backup_policy(admin, Path("stick"), every_minutes=15, keep=3)
    with pytest.raises(ServiceError, match="is not there: plug in the USB stick"):
        backups.set_backup_policy(admin, tmp_path / "media" / "STICK", every_minutes=15, keep=3)
    backups.set_backup_policy(admin, Path(""), every_minutes=15, keep=3)  # empty: the laptop's own folder
    assert backups.folder(nurse.db) == backups.default_folder()
    # A stick whose write-protect switch is on (or mounted read-only): "Settings saved.", then
    # every backup failed, told as "is the USB stick full or removed?".
    (tmp_path / "locked").mkdir()
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", read_only)
    with pytest.raises(ServiceError, match=r"locked cannot be written to \(Read-only file system\): is the USB stick "
                                           r"write-protected"):
        backups.set_backup_policy(admin, tmp_path / "locked", every_minutes=15, keep=3)
    assert backups.folder(nurse.db) == backups.default_folder()


def test_a_backup_policy_is_saved_whole_or_not_at_all(ward, tmp_path, monkeypatch, sqlite_full):
    """Folder, interval and count were three transactions: a disk full at the second left the
    new stick's folder with the old interval, the command having said it failed."""
    from downtime.services import settings

    nurse, _ = ward
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", nurse.clock), nurse.forms,
                    nurse.clock, vault=nurse.vault)
    (tmp_path / "stick2").mkdir()
    written = settings.set_value

    def full_after_one(session, key, value):
        if key != "backup_folder":
            raise sqlite_full
        written(session, key, value)

    monkeypatch.setattr(settings, "set_value", full_after_one)
    with pytest.raises(type(sqlite_full)):
        backups.set_backup_policy(admin, tmp_path / "stick2", every_minutes=30, keep=5)
    assert backups.folder(nurse.db) == tmp_path / "usb"


def test_a_stick_that_fills_up_during_the_copy_is_a_clear_message_and_leaves_no_part(ward, admission_values,
                                                                                     monkeypatch, clock):
    """SQLite meets the full stick (SQLCipher's module raises that without its result code):
    the person reads that the stick may be full, no half-written copy stays on it, the failed
    backup is not counted as made (its audit entry, written before the copy, read "Last backup:
    0 min ago" in the next person's banner, and none was due for 15 minutes), and the next
    backup, with room again, is whole and audited by its file's name."""
    import downtime.storage.backup as backup

    nurse, tmp_path = ward
    records.save_new(nurse, "admission", admission_values)
    roomy = backup._connect

    def cramped(path, key):
        destination = roomy(path, key)
        destination.execute("PRAGMA max_page_count = 3")
        return destination

    monkeypatch.setattr(backup, "_connect", cramped)
    with pytest.raises(BackupError, match=r"^Could not write to \S+usb: the disk is full\. Nothing was written\.$"):
        backups.backup_now(nurse)
    assert list((tmp_path / "usb").iterdir()) == []
    assert backups.last_backup(nurse.db) is None
    clock.advance(minutes=2)
    assert backups.due(nurse.db, clock())
    monkeypatch.setattr(backup, "_connect", roomy)
    made = backups.backup_now(nurse)
    assert sorted((tmp_path / "usb").iterdir()) == sorted([made, keyslots.keys_path(made)])
    assert backups.last_backup(nurse.db) == clock() and not backups.due(nurse.db, clock())
    assert made.name in nurse.db.execute("SELECT detail FROM audit WHERE action = 'backup'").fetchone()[0]


@pytest.mark.parametrize("stick", ["removed", "full"])
def test_a_failed_backup_is_due_again_two_minutes_on_not_at_the_next_save(ward, clock, monkeypatch, stick):
    """A full or removed stick: every save on the ward started a copy of the whole database
    that failed, the failure not being counted as a backup made. The automatic backup now
    waits two minutes after a failure; a manual one still tries at once, and a failure keeps
    the wait going from its own time."""
    nurse, tmp_path = ward
    if stick == "removed":
        (tmp_path / "usb").rmdir()
    else:
        def full(*args, **kwargs):
            raise BackupError(QT_TRANSLATE_NOOP("messages", "backup to {folder} failed: {problem} (is the USB stick "
                                                "full or removed?)"), folder=tmp_path / "usb", problem="disk full")

        working = backups.make_backup
        monkeypatch.setattr(backups, "make_backup", full)
    with pytest.raises(BackupError):
        backups.backup_now(nurse, "automatic")
    assert not backups.due(nurse.db, clock())
    clock.advance(minutes=1, seconds=59)
    assert not backups.due(nurse.db, clock())
    with pytest.raises(BackupError):
        backups.backup_now(nurse)  # manual: tried at once, and failing again
    clock.advance(minutes=1)
    assert not backups.due(nurse.db, clock())
    clock.advance(minutes=1)
    assert backups.due(nurse.db, clock())
    if stick == "removed":
        (tmp_path / "usb").mkdir()  # put back
    else:
        monkeypatch.setattr(backups, "make_backup", working)  # room again
    backups.backup_now(nurse, "automatic")
    assert not backups.due(nurse.db, clock())
    clock.advance(minutes=15)
    assert backups.due(nurse.db, clock())


def test_a_stick_that_fills_up_with_the_key_slots_keeps_no_part_of_them(ward, monkeypatch):
    """Room for the copy but not for its key slots: the half-written .keys stayed on the stick
    beside no backup."""
    nurse, tmp_path = ward

    def cramped(source, target):
        keyslots.keys_path(target).write_bytes(b'{"format": 1, "sl')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keyslots, "copy_slots", cramped)
    with pytest.raises(BackupError, match=r"^Could not write to \S+usb: the disk is full\. Nothing was written\.$"):
        backups.backup_now(nurse)
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_database_error_raised_without_its_code_is_known_by_sqlite_s_words(tmp_path):
    """SQLCipher's module raises a failed backup's error without its result code."""
    import sqlcipher3

    from downtime.errors import refused_by_storage

    source = sqlcipher3.connect(":memory:")
    source.execute("CREATE TABLE t (x)")
    source.executemany("INSERT INTO t VALUES (?)", [(b"x" * 3000,) for _ in range(30)])
    source.commit()
    destination = sqlcipher3.connect(str(tmp_path / "copy.sqlite"))
    destination.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlcipher3.OperationalError) as raised:
        source.backup(destination)
    assert getattr(raised.value, "sqlite_errorcode", None) is None
    refusal = refused_by_storage(raised.value)
    assert refusal is not None and refusal.cause == "the disk is full"


def _cut_after(db, seq):
    """What someone with the database file and SQL could do: drop the newest audit entries
    with the records they wrote, leaving a shorter chain that verifies on its own."""
    for table in ("records", "patients", "audit"):
        db.execute(f"DROP TRIGGER {table}_no_delete")
    for table, key in (("records", "id"), ("patients", "patient_id")):
        written = [row[0] for row in db.execute("SELECT entity_id FROM audit WHERE seq > ? AND entity = ?", [seq, table])]
        db.execute(f"DELETE FROM {table} WHERE {key} IN ({', '.join('?' * len(written))})", written)
    db.execute("DELETE FROM audit WHERE seq > ?", [seq])
    db.conn.commit()


def test_the_audit_logs_end_is_checked_against_the_newest_backup(ward, admission_values, tmp_path, forms, clock):
    """A record and its audit entries deleted with SQL after a backup leave a chain that
    verifies alone; the backup on the stick still holds the entry that is gone."""
    nurse, _ = ward
    records.save_new(nurse, "admission", admission_values)
    backups.backup_now(nurse)
    kept = nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    records.save_new(nurse, "admission", {**admission_values, "bed": "14"})
    assert backups.sound(nurse.db, nurse.vault.key) is None  # the live log goes on past the backup: sound
    clock.advance(minutes=15)
    last = nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]  # the backup's last: its own entry follows it
    backups.backup_now(nurse)
    _cut_after(nurse.db, kept)
    assert check_database(nurse.db) is None  # on its own, the shorter chain verifies
    problem = backups.sound(nurse.db, nurse.vault.key)
    assert problem is not None and f"audit entry {last} " in problem and "removed or rewritten" in problem
    # Its end not here, but of no history a restore abandoned: the rotation keeps it by its time, as the proof.
    holding = backups.checked_against(nurse.db, nurse.vault.key)
    for _ in range(2):
        clock.advance(minutes=15)
        backups.backup_now(nurse)
    assert holding.exists() and backups.checked_against(nurse.db, nurse.vault.key) == holding
    # Another database's backups in the same folder say nothing about this one.
    other, device = unlock.create(tmp_path / "other.sqlite", encrypted=True, device_number=4, device_name="Other",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    assert backups.sound(other.db, other.key) is None


def test_a_new_pin_opens_the_encrypted_database_and_the_old_one_no_longer_does(ward, clock):
    """The key slot is made again with the new PIN, in one write of the slots file."""
    nurse, _ = ward
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms,
                    clock, vault=nurse.vault)
    staff.set_pin(admin, "nurse", "918273")
    assert unlock.sign_in(Vault(nurse.vault.path), "nurse", "918273", clock).staff_id == "nurse"
    with pytest.raises(SignInError):
        unlock.sign_in(Vault(nurse.vault.path), "nurse", "1111", clock)


def test_rotation_keeps_another_databases_backups_in_the_same_folder(ward, tmp_path, forms, clock):
    """Two databases backing up to one folder (the demo ward and the real one both use the user
    data folder's unless told otherwise): each keeps its own last K, and the other's stay, so
    an hour of training on the demo does not remove the ward's backups."""
    nurse, _ = ward
    ours = [backups.backup_now(nurse)]
    clock.advance(minutes=1)
    ours.append(backups.backup_now(nurse))
    vault, device = unlock.create(tmp_path / "other.sqlite", encrypted=True, device_number=4, device_name="Other",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    other = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    backups.set_backup_policy(other, tmp_path / "usb", every_minutes=15, keep=3)
    theirs = []
    for _ in range(5):
        clock.advance(minutes=1)
        theirs.append(backups.backup_now(other))
    assert all(path.exists() and keyslots.keys_path(path).exists() for path in ours)
    assert backups_in(tmp_path / "usb") == [*theirs[:1:-1], theirs[0], *ours[::-1]]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_backups_key_slots_are_readable_by_their_owner_only(ward, tmp_path):
    """The key slots are written readable by their owner alone (another account on the laptop
    could otherwise guess the PINs offline); their copies beside a backup and a restored
    database are too."""
    nurse, _ = ward
    assert keyslots.keys_path(nurse.vault.path).stat().st_mode & 0o077 == 0
    backup = backups.backup_now(nurse)
    restore_backup(backup, tmp_path / "restored.sqlite")
    for copy in (keyslots.keys_path(backup), keyslots.keys_path(tmp_path / "restored.sqlite")):
        assert copy.stat().st_mode & 0o077 == 0, copy


def _other_ward(tmp_path, forms, clock) -> Session:
    """A second database backing up to the same folder (the demo ward beside the real one)."""
    vault, device = unlock.create(tmp_path / "other.sqlite", encrypted=True, device_number=4, device_name="Other",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    other = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    backups.set_backup_policy(other, tmp_path / "usb", every_minutes=15, keep=3)
    return other


def test_two_databases_backing_up_in_the_same_second_to_one_folder_keep_both(ward, tmp_path, forms, clock):
    """Backups were named to the second: the second database's copy took the first one's name
    (and its key slots), and the first database had no backup left."""
    nurse, _ = ward
    other = _other_ward(tmp_path, forms, clock)
    ours, theirs = backups.backup_now(nurse), backups.backup_now(other)
    assert ours != theirs and sorted(backups_in(tmp_path / "usb")) == sorted([ours, theirs])
    assert backups_of(tmp_path / "usb", nurse.vault.key, first_entry(nurse.db)) == [ours]
    assert backups_of(tmp_path / "usb", other.vault.key, first_entry(other.db)) == [theirs]
    restore_backup(ours, tmp_path / "restored.sqlite")
    assert unlock.sign_in(Vault(tmp_path / "restored.sqlite"), "nurse", "1111", clock).staff_id == "nurse"


def test_two_backups_within_a_second_are_both_kept_the_newest_first(ward, clock):
    nurse, tmp_path = ward
    first = backups.backup_now(nurse)
    clock.advance(milliseconds=300)
    second = backups.backup_now(nurse)
    assert backups_in(tmp_path / "usb") == [second, first]


def test_backups_named_by_an_earlier_version_are_still_found_ordered_and_rotated(ward, clock):
    """Backups already on a stick were named to the second, without the new names' ending."""
    nurse, tmp_path = ward
    first = backups.backup_now(nurse)  # kept, as the first
    clock.advance(minutes=1)
    made = backups.backup_now(nurse)
    old = made.with_name(f"downtime-backup-{clock():%Y%m%d-%H%M%S}.sqlite")
    made.rename(old)
    keyslots.keys_path(made).rename(keyslots.keys_path(old))
    newer = [backups.backup_now(nurse)]  # in the same second: the earlier version's comes first
    assert backups_in(tmp_path / "usb") == [newer[0], old, first]
    assert backups_of(tmp_path / "usb", nurse.vault.key, first_entry(nurse.db)) == [newer[0], old, first]
    for _ in range(2):
        clock.advance(minutes=1)
        newer.insert(0, backups.backup_now(nurse))
    assert backups_in(tmp_path / "usb") == [*newer, first] and not keyslots.keys_path(old).exists()


def test_backups_across_the_hour_the_clocks_go_back_are_ordered_by_when_they_were_made(ward, clock):
    """Named in the laptop's time, the backup made at 02:20 the second time round the hour the
    clocks go back sorted before the one made at 02:30 the first time: it was removed as the
    oldest, and the older one offered for restoring. Named in UTC, they keep the order they
    were made in, and are told by the laptop's time."""
    nurse, tmp_path = ward
    made = []
    for at in ("2027-10-31T01:00+02:00", "2027-10-31T02:30+02:00", "2027-10-31T02:10+01:00", "2027-10-31T02:20+01:00",
               "2027-10-31T02:40+01:00"):  # the first is kept as the first
        clock.now = datetime.fromisoformat(at)
        made.append(backups.backup_now(nurse))
    assert backups_in(tmp_path / "usb") == [*made[:1:-1], made[0]] and not made[1].exists()
    assert backups.newest(tmp_path / "usb") == made[-1]
    assert made[-1].name.startswith("downtime-backup-20271031-014000-000000Z-")
    assert [made_at(path).isoformat() for path in made[2:]] == [
        "2027-10-31T02:10:00+01:00", "2027-10-31T02:20:00+01:00", "2027-10-31T02:40:00+01:00"]


def test_an_earlier_versions_names_in_the_laptops_time_are_ordered_among_utc_names(ward, clock):
    """A name of the laptop's time (13:50 in Paris, 12:50 UTC) is older than one of 13:00 UTC,
    though it reads later."""
    nurse, tmp_path = ward
    clock.advance(minutes=-10)
    earlier = backups.backup_now(nurse)
    old = earlier.with_name(f"downtime-backup-{clock():%Y%m%d-%H%M%S-%f}-0123abcd.sqlite")
    earlier.rename(old)
    keyslots.keys_path(earlier).rename(keyslots.keys_path(old))
    clock.advance(minutes=10)
    new = backups.backup_now(nurse)
    assert backups_in(tmp_path / "usb") == [new, old]
    assert f"{made_at(old):%H:%M}" == "13:50" and f"{made_at(new):%H:%M}" == "14:00"


def test_a_name_whose_digits_are_no_time_comes_last_and_stops_nothing(ward):
    nurse, tmp_path = ward
    made = backups.backup_now(nurse)
    odd = tmp_path / "usb" / "downtime-backup-20261399-999999.sqlite"
    odd.write_bytes(b"")
    assert backups_in(tmp_path / "usb") == [made, odd] and made_at(odd) is None
    assert backups.made(odd) == "?"


def test_another_databases_backup_tried_with_this_key_prints_nothing(ward, tmp_path, forms, clock, capfd):
    """Each of another database's backups in the folder, tried with this database's key, printed
    SQLCipher's three "hmac check failed" lines on the console: `downtime verify` on a fresh
    laptop beside the demo ward's backups printed hundreds, burying its one line."""
    nurse, _ = ward
    other = _other_ward(tmp_path, forms, clock)
    ours, _ = backups.backup_now(nurse), backups.backup_now(other)
    capfd.readouterr()
    assert backups_of(tmp_path / "usb", nurse.vault.key, first_entry(nurse.db)) == [ours]
    assert "hmac check failed" not in capfd.readouterr().err


def test_a_failed_backup_is_due_again_two_real_minutes_on_the_night_the_clocks_go_back(ward, clock):
    """A removed stick at 02:59 summer time, the minute before the clocks go back: two minutes
    later the clock reads 02:01, and counted on it the failure was 58 minutes in the future, so
    no backup was tried for an hour."""
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    nurse, tmp_path = ward
    (tmp_path / "usb").rmdir()
    clock.now = datetime(2026, 10, 25, 2, 59, tzinfo=paris)
    with pytest.raises(BackupError):
        backups.backup_now(nurse, "automatic")
    clock.now = datetime(2026, 10, 25, 2, 0, fold=1, tzinfo=paris)
    assert not backups.due(nurse.db, clock())
    clock.now = datetime(2026, 10, 25, 2, 1, fold=1, tzinfo=paris)
    assert backups.due(nurse.db, clock())
    (tmp_path / "usb").mkdir()  # put back


def test_downtime_restore_puts_a_backup_on_a_spare_laptop_and_leaves_which_laptop_to_its_opening(
        ward, monkeypatch, capsys):
    """The ward's laptop is dead and IT restores its backup on a spare, as the window's message
    says: it failed naming a temporary ….partial file "set up on another computer", asked for
    'downtime set this-laptop replaces' on a database that was never put in place, and left none."""
    from downtime.services import installation

    nurse, tmp_path = ward
    backup = backups.backup_now(nurse)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "spare-laptop-data"))  # another computer
    target = tmp_path / "spare" / "ward.sqlite"
    assert main(["restore", str(backup), "--db", str(target), "--user", "admin", "--pin", "0000"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert ".partial" not in out and sorted(path.name for path in target.parent.iterdir()) == [
        "ward.sqlite", "ward.sqlite.keys"]
    assert ("It was set up on another computer: at its first opening here an administrator says which laptop this "
            "is, or now with 'downtime set this-laptop replaces' (or 'copy NUMBER NAME').") in out
    vault = Vault(target)
    unlock.sign_in(vault, "admin", "0000")
    assert installation.placed(vault.db) is installation.Placed.ELSEWHERE


def test_a_backup_clears_what_backups_cut_short_left_and_spares_another_laptops_in_progress(ward, tmp_path, forms,
                                                                                              clock, monkeypatch):
    """A power cut at a backup's rename left the whole copy under its temporary name with key
    slots every PIN of then opened; no later backup, rotation or restore ever looked at it, and
    each cut ate the stick a little more. Key slots beside nothing open nothing and go too; another
    laptop's copy (not this key's) is its own laptop's to clear, whatever its age: judged by the
    time its file says, written by a clock 45 minutes slow, it was removed while being made."""
    import downtime.storage.backup as backup

    nurse, _ = ward
    stick = tmp_path / "usb"
    real_replace = os.replace

    def power_cut(source, target):
        if str(source).endswith(".partial"):
            raise KeyboardInterrupt("power cut")
        return real_replace(source, target)

    with monkeypatch.context() as cut:
        cut.setattr(backup.os, "replace", power_cut)
        with pytest.raises(KeyboardInterrupt):
            backups.backup_now(nurse)
    left = sorted(stick.iterdir())
    assert [path.name.rsplit(".", 1)[1] for path in left] == ["keys", "partial"]
    orphan = stick / "downtime-backup-20261101-000000-000000Z-0badf00d.sqlite.keys"
    orphan.write_text("{}")
    other = _other_ward(tmp_path, forms, clock)
    in_progress = stick / "downtime-backup-20261201-000000-000000Z-12345678.sqlite.partial"
    copying = backup._connect(in_progress, other.vault.key)
    other.db.conn.backup(copying)
    copying.close()
    made = backups.backup_now(nurse)
    assert sorted(stick.iterdir()) == sorted([made, keyslots.keys_path(made), in_progress])
    os.utime(in_progress, (0, 0))  # written by a clock set far back, or left by a cut on the other laptop
    made_again = backups.backup_now(nurse)
    assert in_progress.exists() and made_again.exists()


def test_a_backup_in_progress_in_another_window_is_left_to_finish(ward, clock, monkeypatch):
    """IT's `downtime backup` was checking its copy (a minute on a 2 GB database) when the
    window's automatic backup began: its clean-up took the copy, seconds old and this database's,
    for one a cut left and removed it, and the command said the stick had been pulled. Both are made."""
    nurse, tmp_path = ward
    real_fsync = os.fsync
    synced: list[int] = []
    window: list[Path] = []

    def window_backs_up_meanwhile(descriptor: int) -> None:
        synced.append(descriptor)
        if len(synced) == 1:  # the command's copy made and checked, not yet renamed
            clock.advance(minutes=1)
            window.append(backups.backup_now(nurse))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", window_backs_up_meanwhile)
    command = backups.backup_now(nurse)
    assert sorted(backups_in(tmp_path / "usb")) == sorted([command, *window])
    assert [path for path in (tmp_path / "usb").iterdir() if not path.name.endswith((".sqlite", ".keys"))] == []


@pytest.mark.parametrize("slots", ["damaged", "missing"])
def test_a_backup_whose_key_slots_cannot_be_read_is_passed_over_for_the_one_before(ward, clock, slots):
    """A bad sector in the newest backup's `.keys` file (its database sound): checked with the key
    in hand, it was put in place and every PIN was then refused, the ward locked out; its `.keys`
    gone, the search for a sound backup stopped on it. Either way the backup before is offered."""
    from downtime.storage.backup import set_aside

    nurse, _ = ward
    before = backups.backup_now(nurse)
    clock.advance(minutes=15)
    newest = backups.backup_now(nurse)
    keys = keyslots.keys_path(newest)
    if slots == "damaged":
        keys.write_bytes(keys.read_bytes()[:200])
    else:
        keys.unlink()
    vault = nurse.vault
    assert backups.prepare_restore(vault) == before
    vault.db.conn.close()
    backups.put_restored(vault, before, set_aside(vault.path, clock()), "nurse", clock())
    assert unlock.sign_in(Vault(vault.path), "nurse", "1111", clock).staff_id == "nurse"
    with pytest.raises(BackupError, match=r"its key slots \(\S+\.keys\) (cannot be read|are not beside it)"):
        restore_backup(newest, vault.path.with_name("elsewhere.sqlite"))


def test_backups_named_by_a_clock_running_ahead_give_way_to_those_that_reach_further(ward, admission_values, clock):
    """The laptop's clock ran a day ahead through the evening, then IT put it right at 22:00 and
    the ward admitted a patient. The backups named "tomorrow" were taken for the newest: the
    restore offered one without her, the tail check compared against it, and each real backup
    removed the real one before it."""
    nurse, tmp_path = ward  # keeping the last 3
    clock.now = datetime.fromisoformat("2026-11-29T20:00+01:00")  # a day ahead
    ahead = [backups.backup_now(nurse)]
    clock.advance(minutes=15)
    ahead.append(backups.backup_now(nurse))
    real = []
    for minutes in (0, 15, 30):
        clock.now = datetime.fromisoformat(f"2026-11-28T22:{minutes:02d}+01:00")  # put right
        records.save_new(nurse, "admission", {**admission_values, "bed": f"{14 + minutes // 15}", "nir": ""})
        real.append(backups.backup_now(nurse))
    assert set(backups_in(tmp_path / "usb")) == {*real, ahead[0]}, "the newest 3 reach furthest; the first stays"
    assert backups.checked_against(nurse.db, nurse.vault.key) == real[-1]
    assert backups.prepare_restore(nurse.vault) == real[-1]
    backups.discard_restore(nurse.vault)


def test_a_restore_entry_forged_after_a_cut_does_not_hide_it_and_a_real_one_still_excuses_its_past(
        ward, admission_values, clock):
    """The chain is computed as the app computes it: one `backup.restored` entry appended to a
    log whose newest entries were cut passed over every backup made before it, the one holding
    the cut entries too. A restore entry excuses only the backups whose history leaves the log
    where it took it back to: its last entry still here, and the backup it names there, ending
    at it."""
    from downtime.storage import audit
    from downtime.storage.backup import RESTORED, audit_ends

    nurse, _ = ward
    older = backups.backup_now(nurse)
    kept = audit_ends(older, nurse.vault.key)[-1]
    clock.advance(minutes=15)
    records.save_new(nurse, "admission", admission_values)
    backups.backup_now(nurse)
    _cut_after(nurse.db, kept[0])  # back to where the older backup ends
    clock.advance(minutes=15)
    for forged in ({"backup": str(older), "last_entry": None},  # as an entry written by hand says it
                   {"backup": str(older.with_name("gone.sqlite")), "last_entry": {"seq": kept[0], "hash": kept[1]}},
                   {"backup": str(older), "last_entry": {"seq": kept[0] - 1, "hash": "0" * 64}}):
        with nurse.db.atomic():
            audit.append(nurse.db, at=clock(), actor="nurse", device_id=nurse.device.device_id, action=RESTORED,
                         detail=forged)
        problem = backups.sound(nurse.db, nurse.vault.key)
        assert problem is not None and "removed or rewritten" in problem, forged
    # The restore the app writes, from the backup the log was cut back to, says what happened.
    backups.restored(nurse.vault.path, nurse.vault.key, older, None, "nurse", clock())
    assert backups.sound(nurse.db, nurse.vault.key) is None
    assert backups.checked_against(nurse.db, nurse.vault.key) == older


def test_a_backup_made_while_the_laptops_disk_is_full_is_kept_as_made_not_said_failed(ward, clock):
    """The laptop's disk full (the database opened only for reading), the stick with room: the
    copy was made and checked on the stick, then its audit entry was refused, and the nurse was
    told "Not done: the disk is full. Nothing was half-written", the banner said BACKUP FAILED,
    and a fresh copy was made again every two minutes."""
    from downtime.errors import DISK_FULL

    nurse, tmp_path = ward
    nurse.db.read_only = DISK_FULL
    clock.advance(minutes=20)
    made = backups.backup_now(nurse)
    assert backups_in(tmp_path / "usb") == [made] and backups.last_made(nurse.db) == (clock(), made)
    assert backups.unrecorded(nurse.db) and not backups.due(nurse.db, clock())
    assert nurse.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'backup'").fetchone()[0] == 0
    nurse.db.read_only = None  # room again: the next one is audited
    clock.advance(minutes=15)
    again = backups.backup_now(nurse)
    assert backups.last_made(nurse.db) == (clock(), again) and not backups.unrecorded(nurse.db)


def test_a_restore_forgets_the_unaudited_backup_of_the_database_it_replaced(ward, clock):
    """A backup made while the disk was full is known to the running app alone; restored over
    in the same running app, the database was said backed up by a backup of the file it
    replaced, and no backup of the restored one fell due."""
    from downtime.errors import DISK_FULL

    nurse, _ = ward
    older = backups.backup_now(nurse)
    clock.advance(minutes=20)
    nurse.db.read_only = DISK_FULL
    backups.backup_now(nurse)
    nurse.db.read_only = None
    backups.restored(nurse.vault.path, nurse.vault.key, older, None, "nurse", clock())
    assert backups.unrecorded(nurse.db) is None and backups.last_made(nurse.db) == (clock() - timedelta(minutes=20),
                                                                                     older)
    assert backups.due(nurse.db, clock())


def test_a_backup_to_a_folder_whose_file_system_takes_no_locks_is_still_made(tmp_path, ward_on_a_stick, monkeypatch):
    """A network share answering the system's lock with ENOLCK: every backup failed ("Could not
    write to …"), BACKUP FAILED in the banner, for a lock that only spares a copy in progress from
    another backup's clean-up (review T4 #3)."""
    import errno
    import fcntl

    _, nurse = ward_on_a_stick(tmp_path / "ward.sqlite")
    real_flock, stick = fcntl.flock, str(tmp_path / "usb")

    def flock(descriptor: int, operation: int) -> None:
        if os.readlink(f"/proc/self/fd/{descriptor}").startswith(stick):
            raise OSError(errno.ENOLCK, "No locks available")
        real_flock(descriptor, operation)

    monkeypatch.setattr(fcntl, "flock", flock)
    assert backups.backup_now(nurse).exists()

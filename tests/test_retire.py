"""Retiring a ward laptop at the end of the outage (services.retire, `downtime retire`): refused
while anything it wrote is on no stick, then a whole encrypted export as the archive, and every
copy of its data on the laptop and the backup stick removed."""

import os
from datetime import datetime

import pytest

from downtime.cli import main
from downtime.paths import data_dir
from downtime.services import backups, drafts, records, settings, staff, unlock
from downtime.services.context import Session
from downtime.services.errors import PermissionDenied, ServiceError
from downtime.services.retire import retire
from downtime.storage import keyslots
from downtime.sync.encryption import generate_identity
from downtime.sync.export import export


@pytest.fixture
def exported_ward(ward_on_a_stick, tmp_path, clock, forms):
    """Ward 3's encrypted laptop (device 3) with one patient, two backups on its stick, a print
    left, the records office's key set, and its last stick made at 12:00 on 28/11. Returns the
    vault and an administrator's session."""
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite")
    admin = Session(vault.db, nurse.device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    settings.set_value(admin, "export_key", generate_identity(tmp_path / "office.key"))
    backups.backup_now(admin)
    clock.now = datetime.fromisoformat("2026-11-28T11:30+01:00")
    backups.backup_now(admin)
    (data_dir() / "prints").mkdir(parents=True, exist_ok=True)
    (data_dir() / "prints" / "census.pdf").write_bytes(b"%PDF-1.4 census")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    export(admin, tmp_path / "last-stick")
    clock.now = datetime.fromisoformat("2026-11-28T13:00+01:00")
    return vault, admin


def test_retiring_archives_the_laptop_then_removes_every_copy_of_its_data(exported_ward, tmp_path):
    vault, admin = exported_ward
    copies = sorted((tmp_path / "usb").iterdir())
    assert len([copy for copy in copies if copy.suffix == ".sqlite"]) == 2 and keyslots.keys_path(vault.path).exists()
    done = retire(admin, tmp_path / "archive", 3)
    assert done.archive.encrypted and (tmp_path / "archive" / "manifest.json.age").exists()
    assert sum(done.archive.counts.values()) == 1, "the whole laptop, not what changed since the last stick"
    assert list(tmp_path.glob("ward.sqlite*")) == [], "the database, its journal, its key slots and their lock"
    assert list((tmp_path / "usb").iterdir()) == [], "each backup and its key slots: any PIN of then opened them"
    assert list((data_dir() / "prints").iterdir()) == []
    assert set(done.removed) >= {vault.path, keyslots.keys_path(vault.path), *copies}
    assert (done.device_number, done.next_first_number) == (3, 2), "its one patient was DT-003-00001"
    assert vault.db is None


def test_a_laptop_that_never_exported_is_not_retired(ward_on_a_stick, tmp_path, clock, forms):
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite")
    admin = Session(vault.db, nurse.device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    settings.set_value(admin, "export_key", generate_identity(tmp_path / "office.key"))
    with pytest.raises(ServiceError) as refused:
        retire(admin, tmp_path / "archive", 3)
    assert str(refused.value) == ("Not retired: this laptop never exported, and holds 1 record version(s) and 0 "
                                  "controlled-drug register line(s) no stick took to the records office: export them "
                                  "first (Export for back-entry).")
    assert vault.path.exists() and not (tmp_path / "archive").exists()


def test_what_was_written_after_the_last_export_or_typed_and_not_saved_stops_it(exported_ward, tmp_path,
                                                                             admission_values, clock, forms):
    vault, admin = exported_ward
    nurse = Session(vault.db, admin.device, staff.sign_in(vault.db, "nurse", "1111", clock), forms, clock, vault=vault)
    drafts.save_draft(nurse, "d1", "admission", {"birth_name": "Roux"})
    with pytest.raises(ServiceError, match=r"^Not retired: 1 form\(s\) typed and not saved, by nurse: "):
        retire(admin, tmp_path / "archive", 3)
    drafts.discard_draft(nurse, "d1")
    records.save_new(nurse, "admission", {**admission_values, "bed": "2", "nir": ""})
    with pytest.raises(ServiceError) as refused:
        retire(admin, tmp_path / "archive", 3)
    assert str(refused.value) == ("Not retired: 1 record version(s) and 0 controlled-drug register line(s) were "
                                  "written after the last export (28/11/2026 12:00) and are on no stick: export again "
                                  "first (Export for back-entry, only what changed since the last).")
    assert vault.path.exists() and not (tmp_path / "archive").exists()


def test_only_an_administrator_retires_the_laptop_typing_its_own_device_number(exported_ward, tmp_path, clock,
                                                                              forms):
    vault, admin = exported_ward
    nurse = Session(vault.db, admin.device, staff.sign_in(vault.db, "nurse", "1111", clock), forms, clock, vault=vault)
    with pytest.raises(PermissionDenied):
        retire(nurse, tmp_path / "archive", 3)
    with pytest.raises(ServiceError, match=r"^Not retired: this laptop is device 3 \(Ward 3\), not 4\.$"):
        retire(admin, tmp_path / "archive", 4)
    assert vault.path.exists() and len(list((tmp_path / "usb").iterdir())) == 4


def test_downtime_retire_says_what_it_removed_and_where_numbering_starts_next_time(exported_ward, tmp_path, capsys):
    vault, admin = exported_ward
    vault.db.close()
    assert main(["retire", "--out", str(tmp_path / "archive"), "--confirm-device-number", "3", "--db",
                 str(vault.path), "--user", "admin", "--pin", "0000"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == (f"archived 1 record version(s) to {tmp_path / 'archive'}, every file encrypted (.age): keep it "
                       "with the hospital's records")
    assert f"removed {vault.path}" in said
    assert said[-1] == ("Retired. At the next outage, set device 3 up with --first-number 2: the numbers before it "
                        "are on earlier patients' wristbands.")
    assert not vault.path.exists()


def test_a_damaged_copy_set_aside_goes_and_another_database_beside_it_stays(exported_ward, tmp_path):
    """The copy a restore set aside holds the ward's patients and opens with the PINs of then;
    another database beside it (the demo ward) is not the laptop's to remove."""
    vault, admin = exported_ward
    aside = vault.path.with_name(f"{vault.path.name}.damaged-20261128-113000")
    aside.write_bytes(b"damaged")
    keyslots.keys_path(aside).write_bytes(b"{}")
    other = vault.path.with_name("demo.sqlite")
    other.write_bytes(b"demo")
    done = retire(admin, tmp_path / "archive", 3)
    assert not aside.exists() and not keyslots.keys_path(aside).exists()
    assert {aside, keyslots.keys_path(aside)} <= set(done.removed)
    assert other.exists()


def test_a_stick_failing_half_way_leaves_the_database_to_retire_again_and_says_what_is_left(exported_ward, tmp_path,
                                                                                              monkeypatch):
    """The stick write-protected or failing: the backups, each opened by every former PIN, go
    first; the database and its key slots stay, to retire again with, and the error lists both."""
    import errno
    from pathlib import Path

    vault, admin = exported_ward
    copies = sorted((tmp_path / "usb").iterdir())
    real_unlink = Path.unlink

    def failing_stick(self, *args, **kwargs):
        if "usb" in self.parts:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real_unlink(self, *args, **kwargs)

    with monkeypatch.context() as stick:
        stick.setattr(Path, "unlink", failing_stick)
        with pytest.raises(ServiceError) as refused:
            retire(admin, tmp_path / "archive", 3)
    said = refused.value.text("en")
    stopped_at, left = said.removeprefix("Retiring stopped at ").split(": Input/output error.")[0], said.split(
        "Still there: ")[1]
    assert stopped_at in map(str, copies) and all(str(copy) in left for copy in copies)
    assert said.endswith("The laptop's database is still there: fix the disk (or plug the stick back in) and retire "
                         "again.")
    assert vault.path.exists() and keyslots.keys_path(vault.path).exists() and vault.db is not None
    done = retire(admin, tmp_path / "archive-again", 3)
    assert list((tmp_path / "usb").iterdir()) == [] and not vault.path.exists()
    assert set(done.removed) >= {vault.path, *copies}


def test_a_stick_pulled_while_the_archive_is_made_is_not_retired(exported_ward, tmp_path, monkeypatch):
    """check() saw the stick; pulled while the archive was written, its backups were left on it,
    no word said, and the laptop said "Retired"."""
    from downtime.services import retire as module

    vault, admin = exported_ward
    real_export = module.export

    def export_then_pull(*args, **kwargs):
        made = real_export(*args, **kwargs)
        (tmp_path / "usb").rename(tmp_path / "usb-in-a-pocket")
        return made

    monkeypatch.setattr(module, "export", export_then_pull)
    with pytest.raises(ServiceError) as refused:
        retire(admin, tmp_path / "archive", 3)
    assert refused.value.text("en").startswith(f"Not retired: the backups folder {tmp_path / 'usb'} went while the "
                                               "archive was made")
    assert len(list((tmp_path / "usb-in-a-pocket").glob("*.sqlite"))) == 2
    assert vault.path.exists() and keyslots.keys_path(vault.path).exists()
    assert (data_dir() / "prints" / "census.pdf").exists()


def test_every_copy_goes_the_laptops_own_folder_a_cut_backup_and_a_restore_copy_too(ward_on_a_stick, tmp_path, clock,
                                                                                     forms, monkeypatch):
    """Three copies stayed, each opened by every former PIN: the first backups, made in the
    laptop's own folder before IT set the stick; a backup cut by a power cut at its rename (the
    copy under its temporary name, with its key slots); and the copy a restore makes beside the
    database, left by a crash at its question. Another database's backup stays."""
    from downtime.storage import backup as storage_backup

    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite")
    admin = Session(vault.db, nurse.device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    settings.set_value(admin, "export_key", generate_identity(tmp_path / "office.key"))
    settings.set_value(admin, "backup_folder", "")
    own = backups.backup_now(admin)
    other, device = unlock.create(tmp_path / "demo.sqlite", encrypted=True, device_number=4, device_name="Demo",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    theirs = backups.backup_now(Session(other.db, device, staff.sign_in(other.db, "admin", "0000", clock), forms,
                                        clock, vault=other))
    settings.set_value(admin, "backup_folder", str(tmp_path / "usb"))
    clock.now = datetime.fromisoformat("2026-11-28T11:15+01:00")
    backups.backup_now(admin)
    real_replace = os.replace

    def power_cut(source, target):
        if str(source).endswith(".partial"):
            raise KeyboardInterrupt("power cut")  # the process dies: no clean-up runs
        return real_replace(source, target)

    with monkeypatch.context() as cut:
        cut.setattr(storage_backup.os, "replace", power_cut)
        with pytest.raises(KeyboardInterrupt):
            backups.backup_now(admin)
    assert any(left.name.endswith(".sqlite.partial") for left in (tmp_path / "usb").iterdir())
    backups.prepare_restore(vault)  # then the crash: nothing discards the copy
    assert vault.path.with_name("ward.sqlite.restoring").exists()
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    export(admin, tmp_path / "last-stick")
    done = retire(admin, tmp_path / "archive", 3)
    assert list((tmp_path / "usb").iterdir()) == []
    assert sorted(own.parent.iterdir()) == sorted([theirs, keyslots.keys_path(theirs)])
    assert sorted(path.name for path in tmp_path.glob("ward.sqlite*")) == []
    assert {own, keyslots.keys_path(own), vault.path.with_name("ward.sqlite.restoring")} <= set(done.removed)


def test_retiring_one_ward_leaves_another_wards_copy_in_progress_on_the_shared_stick(ward_on_a_stick, tmp_path,
                                                                                     clock, forms):
    """Ward 3 and Ward 4 share a stick; Ward 4's laptop, its clock 45 minutes slow, was writing
    its backup when Ward 3 was retired: taken for a copy a cut left by the time its file said,
    it was removed mid-copy and listed among Ward 3's removed files. Another database's files are
    its own laptop's to clear."""
    from downtime.storage import backup as storage_backup

    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite")
    admin = Session(vault.db, nurse.device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    settings.set_value(admin, "export_key", generate_identity(tmp_path / "office.key"))
    backups.backup_now(admin)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    export(admin, tmp_path / "last-stick")
    other, _ = unlock.create(tmp_path / "ward4.sqlite", encrypted=True, device_number=4, device_name="Ward 4",
                             admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    theirs = tmp_path / "usb" / "downtime-backup-20261128-110500-000000Z-44444444.sqlite.partial"
    copying = storage_backup._connect(theirs, other.key)
    try:
        other.db.conn.backup(copying)
        slow = datetime.now().timestamp() - 45 * 60
        os.utime(theirs, (slow, slow))
        done = retire(admin, tmp_path / "archive", 3)
    finally:
        copying.close()
    assert theirs.exists() and theirs not in done.removed
    assert sorted(path.name for path in (tmp_path / "usb").iterdir()) == [theirs.name]

"""A database copied to a second laptop that becomes a laptop of its own ("It is a copy both
laptops go on using") keeps the first audit entry and the key of the original: with one USB
stick serving both, each laptop's backups are still its own, never the other's."""

import shutil

from downtime.services import backups, installation, records, staff, unlock
from downtime.services.context import Session, Vault, load_device
from downtime.storage.backup import backups_of, first_entry


def test_a_copy_made_a_laptop_of_its_own_and_the_original_keep_their_own_backups_on_one_stick(
        tmp_path, clock, forms, admission_values, monkeypatch, ward_on_a_stick):
    first, nurse_a = ward_on_a_stick(tmp_path / "a" / "ward.sqlite", keep=1, name="Ward 3 laptop 1")
    laptop_1s = backups.backup_now(nurse_a)
    first.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # IT copies laptop 1's database to laptop 2, which becomes a laptop of its own (device 4).
    (tmp_path / "b").mkdir()
    for name in ("ward.sqlite", "ward.sqlite.keys"):
        shutil.copyfile(tmp_path / "a" / name, tmp_path / "b" / name)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop-2-data"))
    second = Vault(tmp_path / "b" / "ward.sqlite")
    admin_b = Session(second.db, None, unlock.sign_in(second, "admin", "0000", clock), forms, clock, vault=second)
    admin_b = Session(second.db, load_device(second.db), admin_b.user, forms, clock, vault=second)
    installation.become_own_laptop(admin_b, 4, "Ward 3 laptop 2", "")
    nurse_b = Session(second.db, load_device(second.db), staff.sign_in(second.db, "nurse", "1111", clock), forms,
                      clock, vault=second)
    clock.advance(minutes=20)
    records.save_new(nurse_b, "admission", {**admission_values, "bed": "20", "nir": ""})
    laptop_2s = backups.backup_now(nurse_b)  # its rotation (one kept) removed laptop 1's
    assert laptop_1s.exists()
    assert backups_of(tmp_path / "usb", second.key, first_entry(second.db)) == [laptop_2s]
    # Laptop 1, sound, opens the next morning: it was called tampered with (laptop 2's backup
    # ends in an entry it never held) and offered laptop 2's database in its place.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    assert backups.sound(first.db, first.key) is None
    assert backups.checked_against(first.db, first.key) == laptop_1s
    assert backups.prepare_restore(first) == laptop_1s
    backups.discard_restore(first)

"""A damaged database is set aside for a backup to take its place only once no other window of
the app (another process, or another connection) has it open: one still open went on saving
into the file set aside, each save said saved and none of them in the ward's database."""

import subprocess
import sys

import pytest

from downtime.services import backups, records, unlock
from downtime.services.context import Session, Vault, load_device
from downtime.storage.backup import BackupError, set_aside

OTHER_WINDOW = """
import sys
import sqlcipher3

conn = sqlcipher3.connect(sys.argv[1])
conn.execute(f"PRAGMA key = \\"x'{sys.argv[2]}'\\"")
conn.execute("SELECT COUNT(*) FROM audit").fetchone()
print("open", flush=True)
sys.stdin.readline()
conn.close()
"""


@pytest.fixture
def ward(tmp_path, ward_on_a_stick):
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite")
    backups.backup_now(nurse)
    return vault


def test_a_window_open_in_another_process_stops_the_damaged_file_being_set_aside(ward, clock):
    other = subprocess.Popen([sys.executable, "-c", OTHER_WINDOW, str(ward.path), ward.key.hex()],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline() == "open\n"
        ward.db.conn.close()
        with pytest.raises(BackupError, match="^Close the other Downtime window on this laptop first"):
            set_aside(ward.path, clock())
        assert ward.path.exists() and not list(ward.path.parent.glob("ward.sqlite.damaged-*"))
    finally:
        other.communicate("\n")
    aside = set_aside(ward.path, clock())
    assert aside.exists() and not ward.path.exists()


def test_what_a_window_still_open_saves_is_not_lost_in_the_file_set_aside(ward, forms, clock, admission_values):
    other = Vault(ward.path)
    member = unlock.sign_in(other, "nurse", "1111", clock)
    other_nurse = Session(other.db, load_device(other.db), member, forms, clock, vault=other)
    assert backups.prepare_restore(ward) is not None  # this window's opening found the file damaged: "Yes"
    ward.db.conn.close()
    with pytest.raises(BackupError):
        set_aside(ward.path, clock())
    backups.discard_restore(ward)
    saved = records.save_new(other_nurse, "admission", {**admission_values, "bed": "14", "nir": ""})
    other.db.conn.close()  # the other window closed, as the refusal asks
    ward.db = None
    unlock.sign_in(ward, "nurse", "1111", clock)
    assert ward.db.execute("SELECT COUNT(*) FROM records WHERE record_id = ?", [saved.record_id]).fetchone()[0] == 1

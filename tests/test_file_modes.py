"""Who else on a shared laptop can read the ward's files: an unencrypted database, its WAL and
its backups are the laptop's account's alone, in folders other accounts cannot enter."""

import os
import shutil
import stat
from pathlib import Path

import pytest

from downtime import paths
from downtime.domain.staff import Role
from downtime.services import backups, records, staff, unlock, wards
from downtime.services.context import Session
from downtime.storage import open_database

pytestmark = pytest.mark.skipif(os.name == "nt", reason="a file's mode means nothing on Windows")


@pytest.fixture
def shared_umask():
    """The default umask of Debian, Ubuntu and Fedora accounts: files 0644, folders 0755."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_unencrypted_database_its_wal_and_its_backups_are_the_accounts_alone(shared_umask, tmp_path, clock, forms,
                                                                              admission_values):
    """Made with the umask's mode, any other account of the laptop (an agency nurse's own login,
    a student's) read every patient with `sqlite3`."""
    path = paths.data_dir() / "downtime.sqlite"
    vault, device = unlock.create(path, encrypted=False, device_number=12, device_name="Ward 2A laptop",
                                  admin_id="admin", admin_name="Alice Admin", admin_pin="0000", clock=clock)
    admin = Session(vault.db, device, unlock.confirm_pin(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    wards.add_ward(admin, "3B", "Medicine", [str(number) for number in range(1, 21)])
    staff.add_staff(admin, "nurse", "Hélène Lefèvre", Role.WARD_NURSE, "1111")
    nurse = Session(vault.db, device, unlock.confirm_pin(vault.db, "nurse", "1111", clock), forms, clock, vault=vault)
    records.save_new(nurse, "admission", admission_values)
    made = backups.backup_now(admin)
    files = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), made]
    assert {str(file): oct(_mode(file)) for file in files} == {str(file): "0o600" for file in files}
    assert oct(_mode(paths.data_dir())) == oct(_mode(made.parent)) == "0o700"


def test_a_database_and_a_data_folder_an_earlier_version_made_are_closed_at_the_next_opening(shared_umask, tmp_path,
                                                                                            ward_db, db_path):
    """A ward database made before, or restored by a copy, keeps the umask's mode until then."""
    ward_db.close()
    folder = paths.data_dir()
    folder.mkdir(parents=True)
    assert _mode(folder) == 0o755
    copied = folder / "downtime.sqlite"
    shutil.copyfile(db_path, copied)
    assert _mode(copied) == 0o644
    db = open_database(copied, create=False)
    db.execute("SELECT COUNT(*) FROM audit").fetchone()
    assert _mode(copied) == _mode(Path(f"{copied}-wal")) == 0o600
    assert _mode(paths.data_dir()) == 0o700
    db.close()

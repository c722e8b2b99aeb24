"""A ward database copied to another computer is caught before it numbers a patient: IT setting
one laptop up and copying its file to the ward's others gave every laptop one device number, so
DT-003-00001 went to a patient on each, on their wristbands and labels, and the records office
could merge none of them."""

import shutil
from pathlib import Path

import pytest

from downtime.cli import main
from downtime.services import installation, records, settings, staff
from downtime.services.context import Session, load_device
from downtime.services.errors import PermissionDenied, ServiceError, SetupError
from downtime.services.wards import add_ward
from downtime.storage import open_database

PERSON = ["--user", "it", "--pin", "2468"]


def _set_up(tmp_path: Path, capsys) -> str:
    db = str(tmp_path / "laptop1" / "ward.sqlite")
    assert main(["setup", "--db", db, "--device-number", "3", "--device-name", "Ward 3B laptop 1", "--admin-id", "it",
                 "--admin-name", "IT", "--admin-pin", "2468", "--unencrypted"]) == 0
    assert main(["staff", "add", "nurse", "--name", "Nurse", "--role", "ward_nurse", "--new-pin", "1111", "--db", db,
                 *PERSON]) == 0
    capsys.readouterr()
    return db


def _copied(tmp_path: Path, db: str, monkeypatch) -> str:
    """The file copied to another laptop, whose account has its own data folder."""
    copy = tmp_path / "laptop2" / "ward.sqlite"
    copy.parent.mkdir()
    shutil.copy(db, copy)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop2-data"))
    return str(copy)


def _nurse(path: str, forms, clock) -> Session:
    db = open_database(Path(path), create=False)
    return Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock)


def test_a_copy_opened_on_another_computer_is_refused_until_an_administrator_says_which_it_is(
        tmp_path, capsys, monkeypatch):
    db = _set_up(tmp_path, capsys)
    assert main(["census", "--db", db, "--user", "nurse", "--pin", "1111"]) == 0
    copy = _copied(tmp_path, db, monkeypatch)
    assert main(["census", "--db", copy, "--user", "nurse", "--pin", "1111"]) == 1
    said = capsys.readouterr().err
    assert f"{copy} was set up on another computer and is opened on this one for the first time" in said
    assert "both would give device 3's downtime numbers to different patients" in said
    assert "'downtime set this-laptop replaces'" in said and "'downtime set this-laptop copy NUMBER NAME'" in said
    assert main(["set", "this-laptop", "replaces", "--db", copy, "--user", "nurse", "--pin", "1111"]) == 1
    assert main(["set", "this-laptop", "copy", "3", "Ward 3B laptop 2", "--db", copy, *PERSON]) == 1
    assert "Device number: 3 is the other laptop's" in capsys.readouterr().err
    assert main(["census", "--db", copy, "--user", "nurse", "--pin", "1111"]) == 1, "still refused"


def test_a_copy_both_laptops_go_on_using_becomes_a_laptop_of_its_own(tmp_path, capsys, monkeypatch, forms, clock,
                                                                       admission_values):
    db = _set_up(tmp_path, capsys)
    assert main(["ward", "add", "3B", "--name", "Surgery", "--beds", "1-20", "--db", db, *PERSON]) == 0
    assert main(["set", "laptop-ward", "3B", "--db", db, *PERSON]) == 0
    before = load_device(open_database(Path(db), create=False))
    copy = _copied(tmp_path, db, monkeypatch)
    capsys.readouterr()
    assert main(["set", "this-laptop", "copy", "8", "Ward", "3B", "laptop", "2", "--db", copy, *PERSON]) == 0
    said = capsys.readouterr().out
    assert "This copy is now a laptop of its own, device 8 (Ward 3B laptop 2): its patients are numbered DT-008-…." in said
    assert "This laptop belongs to ward 3B: its lists open on that ward." in said, "the ward it was copied with, said"
    assert main(["census", "--db", copy, "--user", "nurse", "--pin", "1111"]) == 0
    nurse = _nurse(copy, forms, clock)
    assert nurse.device.device_id != before.device_id and nurse.device.device_number == 8
    admitted = records.save_new(nurse, "admission", admission_values)
    number = nurse.db.execute("SELECT downtime_number, device_id FROM patients WHERE patient_id = ?",
                              [admitted.patient_id]).fetchone()
    assert number[0].startswith("DT-008-00001") and number[1] == nurse.device.device_id
    actions = [row[0] for row in nurse.db.execute("SELECT action FROM audit WHERE action LIKE 'setup.installation%'")]
    assert actions == ["setup.installation.copy"] * 5, "its device id, number, name, computer and ward at once"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop1-data-again"))
    assert main(["census", "--db", copy, "--user", "nurse", "--pin", "1111"]) == 1, "copied again, asked again"


def test_a_laptop_that_replaces_the_first_goes_on_with_its_number_and_each_is_asked_once(
        tmp_path, capsys, monkeypatch, forms, clock):
    db = _set_up(tmp_path, capsys)
    first_data = str(tmp_path / "xdg-data")
    copy = _copied(tmp_path, db, monkeypatch)
    assert main(["set", "this-laptop", "replaces", "--db", copy, *PERSON]) == 0
    assert ("This laptop goes on as device 3 (Ward 3B laptop 1): the computer it was set up on must not use it again."
            in capsys.readouterr().out)
    assert main(["census", "--db", copy, "--user", "nurse", "--pin", "1111"]) == 0
    monkeypatch.setenv("XDG_DATA_HOME", first_data)
    assert main(["census", "--db", copy, "--user", "nurse", "--pin", "1111"]) == 0, "the same laptop, another account"
    assert _nurse(copy, forms, clock).device.device_number == 3


def test_a_database_set_up_before_it_listed_its_computers_is_taken_as_this_ones_at_its_first_opening(
        ward_db, db_path, forms, clock, monkeypatch, tmp_path):
    nurse = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "nurse", "1111", clock), forms, clock)
    assert installation.placed(ward_db) is installation.Placed.UNKNOWN
    assert installation.usable_here(nurse)
    assert installation.placed(ward_db) is installation.Placed.HERE
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    assert installation.placed(ward_db) is installation.Placed.ELSEWHERE
    assert not installation.usable_here(nurse)
    with pytest.raises(PermissionDenied):
        installation.carry_on_here(nurse)
    with pytest.raises(SetupError, match="Device number: 1 to"):
        installation.become_own_laptop(
            Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "admin", "0000", clock), forms, clock),
            0, "Ward 3B laptop 2", "")


def test_this_computers_id_is_made_once_and_kept(tmp_path):
    made = installation.this_installation()
    assert installation.this_installation() == made
    assert installation.data_file().read_text(encoding="ascii") == made
    assert [path.name for path in installation.data_file().parent.iterdir()] == ["installation-id"]


def test_a_laptop_the_database_runs_on_is_not_decided_on(tmp_path, capsys):
    """`set this-laptop copy 8 …` typed on the first laptop gave it a new device id and number,
    the copy going on as device 3: refused, as there is nothing to decide."""
    db = _set_up(tmp_path, capsys)
    for decided in (["replaces"], ["copy", "8", "Ward 3B laptop 2"]):
        assert main(["set", "this-laptop", *decided, "--db", db, *PERSON]) == 1
        assert "This database already runs on this computer: nothing to decide" in capsys.readouterr().err
    assert load_device(open_database(Path(db), create=False)).device_number == 3


def test_a_copy_given_a_ward_not_set_up_is_refused_naming_the_wards_and_stays_as_it_was(
        ward_db, forms, clock, monkeypatch, tmp_path):
    admin = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "admin", "0000", clock), forms, clock)
    add_ward(admin, "3B", "Surgery", ["1"])
    assert installation.usable_here(admin)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    before = load_device(ward_db)
    with pytest.raises(ServiceError, match=r"This laptop's ward: no ward 4A is set up here \(wards set up: 3B\)"):
        installation.become_own_laptop(admin, 8, "Ward 4A laptop", "4A")
    assert load_device(ward_db) == before and installation.placed(ward_db) is installation.Placed.ELSEWHERE
    installation.become_own_laptop(admin, 8, "Ward 3B laptop 2", " 3B ")
    assert settings.laptop_ward(ward_db) == "3B" and load_device(ward_db).device_number == 8

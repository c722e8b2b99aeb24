"""A ward laptop belongs to one ward: an administrator says which, its lists open on it, and the
records office's laptop (no ward) keeps all wards. The setting is the laptop's own: no export,
import or set-up file carries it to another laptop."""

import json
import sqlite3

import pytest

from downtime.cli import main
from downtime.services import settings, setup_file, staff, wards
from downtime.services.context import Session, load_device
from downtime.services.demo import DEMO_WARD
from downtime.services.errors import PermissionDenied, ServiceError
from downtime.storage import audit
from downtime.sync.export import export
from downtime.sync.import_export import import_export


@pytest.fixture
def two_wards(session_for) -> Session:
    admin = session_for("admin")
    wards.add_ward(admin, "3B", "Medicine", ["1", "2"])
    wards.add_ward(admin, "ICU", "Intensive care", ["1"])
    return admin


def _audited(db) -> list[tuple[str, str, str]]:
    """Who set the laptop's ward, and the stored row's hash each entry holds."""
    return [(row["actor"], row["action"], json.loads(row["detail"])["row_hash"]) for row in db.query(
        "SELECT actor, action, detail FROM audit WHERE action = 'setting.laptop_ward' ORDER BY seq")]


def _stored(ward: str) -> str:
    return audit.digest({"key": "setting.laptop_ward", "value": ward})


def test_the_administrator_gives_the_laptop_its_ward_as_set_up_and_audited(two_wards):
    db = two_wards.db
    assert settings.laptop_ward(db) is None, "a laptop set up has no ward until it is given one"
    assert settings.set_laptop_ward(two_wards, " icu ") == "ICU", "the ward's code as it was set up"
    assert settings.laptop_ward(db) == "ICU"
    assert settings.set_laptop_ward(two_wards, "") is None, "none: the records office's laptop"
    assert settings.laptop_ward(db) is None
    assert _audited(db) == [("admin", "setting.laptop_ward", _stored("ICU")), ("admin", "setting.laptop_ward", _stored(""))]
    assert audit.verify_chain(db) is None


@pytest.mark.parametrize("typed", ["3C", "ICU/1", "Medicine"])
def test_a_ward_not_set_up_here_is_refused_naming_it_and_nothing_is_written(two_wards, typed):
    settings.set_laptop_ward(two_wards, "3B")
    with pytest.raises(ServiceError) as refused:
        settings.set_laptop_ward(two_wards, typed)
    assert refused.value.text("en") == f"This laptop's ward: no ward {typed} is set up here (wards set up: 3B, ICU)."
    assert settings.laptop_ward(two_wards.db) == "3B"
    assert len(_audited(two_wards.db)) == 1


def test_only_an_administrator_gives_the_laptop_its_ward(two_wards, session_for):
    for who in ("nurse", "records"):
        with pytest.raises(PermissionDenied):
            settings.set_laptop_ward(session_for(who), "ICU")
    assert settings.laptop_ward(two_wards.db) is None and _audited(two_wards.db) == []


def test_an_audit_entry_that_cannot_be_written_leaves_the_laptop_without_the_ward(two_wards, monkeypatch):
    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(audit, "append", full)
    with pytest.raises(sqlite3.OperationalError):
        settings.set_laptop_ward(two_wards, "ICU")
    assert settings.laptop_ward(two_wards.db) is None


def test_the_demo_laptop_is_its_wards_and_its_export_does_not_carry_it(tmp_path, forms, clock, laptop, demo_database):
    """A clinical record travels; which ward a laptop sits on is not one: imported at the records
    office, the office's laptop (no ward) would have opened on the demo ward's."""
    db = demo_database(tmp_path / "demo.sqlite")
    assert settings.laptop_ward(db) == DEMO_WARD
    clerk = Session(db, load_device(db), staff.sign_in(db, "records", "4444", clock), forms, clock)
    folder = export(clerk, tmp_path / "export").folder
    assert not [path.name for path in folder.rglob("*") if path.is_file() and "laptop_ward" in path.read_text(
        errors="replace")]
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, folder)
    assert wards.ward_codes(office.db) == [], "the wards come with the set-up file, not an export"
    assert settings.laptop_ward(office.db) is None


def test_the_set_up_file_leaves_each_laptop_its_own_ward(two_wards, session_for, tmp_path, laptop, forms, clock):
    settings.set_laptop_ward(two_wards, "ICU")
    path = setup_file.save(two_wards, tmp_path / setup_file.FILE_NAME)
    assert "laptop_ward" not in path.read_text() and "ICU" in path.read_text()
    second_db = laptop(tmp_path / "second.sqlite", 2)[0].db
    admin = Session(second_db, load_device(second_db), staff.sign_in(second_db, "admin", "0000", clock), forms, clock)
    setup_file.load(admin, setup_file.read(admin, path))
    assert wards.ward_codes(second_db) == ["3B", "ICU"]
    assert settings.laptop_ward(second_db) is None
    settings.set_laptop_ward(admin, "3B")
    setup_file.load(admin, setup_file.read(admin, path))
    assert settings.laptop_ward(second_db) == "3B"


def test_the_command_line_sets_the_laptops_ward_or_none(two_wards, db_path, capsys):
    admin = ["--db", str(db_path), "--user", "admin", "--pin", "0000"]
    assert main(["set", "laptop-ward", "icu", *admin]) == 0
    assert capsys.readouterr().out.strip() == "This laptop belongs to ward ICU: its lists open on that ward."
    assert main(["set", "laptop-ward", "3C", *admin]) == 1
    assert "This laptop's ward: no ward 3C is set up here (wards set up: 3B, ICU)." in capsys.readouterr().err
    assert main(["set", "laptop-ward", "ICU", "--db", str(db_path), "--user", "nurse", "--pin", "1111"]) == 1
    assert "may not" in capsys.readouterr().err
    assert settings.laptop_ward(two_wards.db) == "ICU"
    assert main(["set", "laptop-ward", "", *admin]) == 0
    assert capsys.readouterr().out.strip() == ("This laptop belongs to no ward: the patient list and the NEWS2 "
                                               "escalations open on all wards.")
    assert settings.laptop_ward(two_wards.db) is None


def test_a_new_admission_starts_in_this_laptops_ward_and_in_none_on_a_laptop_of_no_ward(two_wards, session_for,
                                                                                         admission_values):
    """Nearly every admission typed on a ward's laptop is to that ward; the nurse changes it for
    one that is not. A transfer's ward, somewhere else by nature, starts blank."""
    from downtime.services import prefill, records

    nurse = session_for("nurse")
    admission, transfer = nurse.form("admission"), nurse.form("transfer")
    assert prefill.first_answers(nurse, admission, None) == {}
    settings.set_laptop_ward(two_wards, "ICU")
    assert prefill.first_answers(nurse, admission, None) == {"ward": "ICU"}
    patient = records.save_new(nurse, "admission", {**admission_values, "ward": "3B", "bed": "1"}).patient_id
    assert prefill.first_answers(nurse, admission, patient)["ward"] == "ICU", "a readmission too"
    assert "to_ward" not in prefill.first_answers(nurse, transfer, patient)

"""IT sets the first laptop up, saves its wards, beds and ward settings to a file, and loads it
on each other laptop: the same ward codes and beds everywhere, nothing typed twenty times, and
a file typed wrong refused by its line with nothing written."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from downtime.cli import main
from downtime.services import settings, setup, setup_file, staff, wards
from downtime.services.context import Session
from downtime.services.errors import PermissionDenied, ServiceError
from downtime.storage import audit, open_database


@pytest.fixture
def admin_of(forms, clock):
    """admin_of(path, number): an administrator's session on a newly set-up laptop."""

    def make(path: Path, number: int) -> Session:
        db = open_database(path)
        device = setup.initialise(db, device_number=number, device_name=f"laptop {number}", admin_id="admin",
                                  admin_name="Admin", admin_pin="0000", clock=clock)
        return Session(db, device, staff.sign_in(db, "admin", "0000", clock), forms, clock)

    return make


@pytest.fixture
def first_laptop(admin_of, tmp_path):
    admin = admin_of(tmp_path / "first.sqlite", 1)
    wards.add_ward(admin, "3B", "Médecine 3B", wards.parse_beds("1-20, 21A, 21B, Side room"))
    wards.add_ward(admin, "4C", "Surgery", ["01", "02", "12-14"])  # a bed named like a range, from the EHR
    settings.save_all(admin, label_stock="L7163", late_after_minutes=45, overdue_after_minutes=90, idle_lock_minutes=3,
                      letter_contact="Surgical admissions, 01 23 45 67 89", backup_folder=Path(""),
                      backup_every_minutes=15, backup_keep=10,
                      export_key="age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p", bank_holidays="gb-sct")
    return admin


def _set_up(admin: Session) -> tuple[list[wards.Ward], list[str]]:
    return wards.wards(admin.db), [settings.get(admin.db, key) for key in setup_file.SETTINGS]


def test_a_second_laptop_loads_the_first_ones_wards_beds_and_settings(first_laptop, admin_of, tmp_path):
    (tmp_path / "usb").mkdir()
    path = setup_file.save(first_laptop, tmp_path / "usb" / setup_file.FILE_NAME)
    assert "beds: 1-20, 21A, 21B, Side room" in path.read_text(), "as typed on the Administration tab"
    second = admin_of(tmp_path / "second.sqlite", 2)
    plan = setup_file.read(second, path)
    assert wards.wards(second.db) == [], "read writes nothing"
    assert plan.lines("en")[:2] == ["ward 3B (Médecine 3B) added with 23 beds: 1-20, 21A, 21B, Side room",
                                    "ward 4C (Surgery) added with 3 beds: 01-02, \"12-14\""]
    assert "Lock the screen when idle for (minutes): 3 (it was 5 here)" in plan.lines("en"), "named by its key"
    assert "Whom patients call (on their letters): Surgical admissions, 01 23 45 67 89 (it was empty here)" in plan.lines(
        "en")
    assert "Bank holidays kept: GB-SCT (it was empty here)" in plan.lines("en"), "as set, in capitals"
    setup_file.load(second, plan)
    assert _set_up(second) == _set_up(first_laptop)
    assert wards.wards(second.db, "4C")[0].beds == ("01", "02", "12-14")
    assert audit.verify_chain(second.db) is None
    again = setup_file.read(second, path)
    assert not again.changes and again.lines("en") == ["nothing to change: this laptop has the file's set-up already"]
    assert settings.get(second.db, "backup_folder") == "", "each laptop's own stick"


def test_a_setting_left_empty_on_the_first_laptop_leaves_the_others_own(admin_of, tmp_path):
    first, second = admin_of(tmp_path / "first.sqlite", 1), admin_of(tmp_path / "second.sqlite", 2)
    settings.set_letter_contact(second, "Ward 3B, 01 23 45 67 89")
    path = setup_file.save(first, tmp_path / setup_file.FILE_NAME)
    assert "letter_contact" not in path.read_text() and "export_key" not in path.read_text()
    setup_file.load(second, setup_file.read(second, path))
    assert settings.get(second.db, "letter_contact") == "Ward 3B, 01 23 45 67 89"


def test_a_laptop_with_some_of_the_wards_gets_the_missing_beds_and_keeps_its_own(first_laptop, admin_of, tmp_path):
    path = setup_file.save(first_laptop, tmp_path / setup_file.FILE_NAME)
    second = admin_of(tmp_path / "second.sqlite", 2)
    wards.add_ward(second, "3b", "Medicine", wards.parse_beds("1-10, 30"))
    plan = setup_file.read(second, path)
    assert plan.lines("en")[1] == "ward 3b: 13 beds added: 11-20, 21A, 21B, Side room"
    assert "ward 3b keeps its name here, Medicine (the file says Médecine 3B)" in plan.lines("en")
    assert ("ward 3b keeps its code as typed here, where the file says 3B (a ward's code is never changed): this "
            "laptop's patients read ward 3b, the other laptops' 3B") in plan.lines("en"), "it said nothing"
    assert plan.lines("en")[-1] == "ward 3b keeps beds the file does not list (beds are never removed): 30"
    setup_file.load(second, plan)
    assert wards.wards(second.db, "3b")[0].beds == (*map(str, range(1, 11)), "30", *map(str, range(11, 21)),
                                                     "21A", "21B", "Side room")


@pytest.mark.parametrize("text, says", [
    ("format: downtime-setup\nwards:\n  - code: 3B\n    name: [Medicine\n", "line 5: not readable as YAML (while parsing a flow sequence at line 4"),
    ("wards: []\n", "not a set-up file (it has no 'format: downtime-setup' line"),
    ("format: downtime-setup\nwards:\n  - code: 3B\n    nmae: Medicine\n    beds: 1-4\n",
     "line 3, wards[1].name: Field required"),
    ("format: downtime-setup\nwards:\n  - code: 3B\n    name: M\n    beds: 1-4\n    colour: red\n",
     "line 6, wards[1].colour: Extra inputs are not permitted"),
    ("format: downtime-setup\nsettings:\n  idle_lock_minutes: five\n",
     "line 3, settings.idle_lock_minutes: Input should be a valid integer"),
    ("format: downtime-setup\nwards:\n  - {code: 3B, name: M, beds: 1-4}\n  - {code: 4C, name: S, beds: '1, B/2'}\n",
     "line 4, ward 4C: Bed 'B/2': no \"/\""),
    ("format: downtime-setup\nwards:\n  - {code: 3B, name: M, beds: 1-4}\n  - {code: 3b, name: M, beds: 5}\n",
     "line 4, ward 3b: the ward is listed twice."),
    ("format: downtime-setup\nwards:\n  - {code: 3B, name: M, beds: 1-4}\nsettings:\n  idle_lock_minutes: 500\n",
     "setup.yaml: Idle lock: 1 to 120 minutes."),
    ("format: downtime-setup\nsettings:\n  export_key: age1nope\n", "Records office's key: 'age1nope' is not an age"),
])
def test_a_file_typed_wrong_is_refused_by_its_line_and_nothing_is_written(admin_of, tmp_path, text, says):
    admin = admin_of(tmp_path / "laptop.sqlite", 2)
    path = tmp_path / "setup.yaml"
    path.write_text(text, encoding="utf-8")
    before = _set_up(admin)
    with pytest.raises(ServiceError) as refused:
        setup_file.read(admin, path)
    assert says in refused.value.text("en") and str(path) in refused.value.text("en")
    assert _set_up(admin) == before
    assert audit.verify_chain(admin.db) is None


def test_only_an_administrator_saves_or_loads_the_set_up(first_laptop, session_for, tmp_path):
    path = setup_file.save(first_laptop, tmp_path / setup_file.FILE_NAME)
    nurse = session_for("nurse")
    with pytest.raises(PermissionDenied):
        setup_file.read(nurse, path)
    with pytest.raises(PermissionDenied):
        setup_file.save(nurse, tmp_path / "mine.yaml")


def test_the_command_line_saves_on_one_laptop_and_loads_on_another(tmp_path, capsys):
    first, second, file = (str(tmp_path / name) for name in ("first.sqlite", "second.sqlite", "setup.yaml"))
    person = ["--user", "admin", "--pin", "0000"]
    main(["setup", "--db", first, "--device-number", "1", "--device-name", "First", "--admin-id", "admin",
          "--admin-name", "Admin", "--admin-pin", "0000", "--unencrypted"])
    main(["setup", "--db", second, "--device-number", "2", "--device-name", "Second", "--admin-id", "admin",
          "--admin-name", "Admin", "--admin-pin", "0000", "--unencrypted"])
    assert main(["ward", "add", "3B", "--name", "Medicine", "--beds", "1-4", "--db", first, *person]) == 0
    capsys.readouterr()
    assert main(["setup-file", "save", file, "--db", first, *person]) == 0
    assert f"load it on each other laptop with 'downtime setup-file load {file}'" in capsys.readouterr().out
    assert main(["setup-file", "load", file, "--db", second, *person]) == 0
    assert "ward 3B (Medicine) added with 4 beds: 1-4" in capsys.readouterr().out
    assert main(["setup-file", "load", str(tmp_path / "missing.yaml"), "--db", second, *person]) == 1
    assert "missing.yaml" in capsys.readouterr().err


def test_a_folder_given_on_the_command_line_holds_the_file_as_the_tab_names_it(tmp_path, capsys):
    """IT typed the stick's folder, as the tab asks for one: saving said "downtime:
    .usb.part: Is a directory", naming a file IT never typed, and loading "usb: Is a directory"."""
    first, second, usb = (tmp_path / name for name in ("first.sqlite", "second.sqlite", "usb"))
    usb.mkdir()
    person = ["--user", "admin", "--pin", "0000"]
    for db, number in ((first, "1"), (second, "2")):
        main(["setup", "--db", str(db), "--device-number", number, "--device-name", f"Laptop {number}", "--admin-id",
              "admin", "--admin-name", "Admin", "--admin-pin", "0000", "--unencrypted"])
    assert main(["ward", "add", "3B", "--name", "Medicine", "--beds", "1-4", "--db", str(first), *person]) == 0
    capsys.readouterr()
    assert main(["setup-file", "save", str(usb), "--db", str(first), *person]) == 0
    file = usb / setup_file.FILE_NAME
    assert f"set-up saved to {file}: load it on each other laptop" in capsys.readouterr().out
    assert [found.name for found in usb.iterdir()] == [setup_file.FILE_NAME]
    assert main(["setup-file", "load", str(usb), "--db", str(second), *person]) == 0
    assert "ward 3B (Medicine) added with 4 beds: 1-4" in capsys.readouterr().out


@pytest.fixture
def saved_and_second(first_laptop, admin_of, tmp_path) -> tuple[str, Session]:
    return (setup_file.save(first_laptop, tmp_path / setup_file.FILE_NAME).read_text(encoding="utf-8"),
            admin_of(tmp_path / "second.sqlite", 2))


@hypothesis_settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 2000), typed=st.text(max_size=8))
def test_any_edit_of_a_saved_file_is_read_or_refused_in_words(saved_and_second, tmp_path_factory, cut, typed):
    """A file edited by hand, or cut short on a stick, never raises anything but a refusal
    naming it, and reading it (its trial load included) writes nothing."""
    text, admin = saved_and_second
    edited = tmp_path_factory.mktemp("edit") / "edited.yaml"
    at = cut % (len(text) + 1)
    edited.write_text(text[:at] + typed + text[at + len(typed):], encoding="utf-8")
    try:
        setup_file.read(admin, edited)
    except ServiceError as refused:
        assert str(edited) in refused.text("en")
    assert wards.wards(admin.db) == [] and audit.verify_chain(admin.db) is None


def test_the_outages_first_downtime_number_goes_to_every_laptop_by_the_file(admin_of, tmp_path, admission_values):
    """The downtime plan of the March outage numbers from 5001, past every number November gave:
    set on the first laptop (`downtime setup --first-number 5001`), it reaches the others by the
    file, and their first patient is DT-ddd-05001, never a November wristband's number."""
    from downtime.domain.downtime_number import format_downtime_number
    from downtime.domain.staff import Role
    from downtime.services import records

    first = admin_of(tmp_path / "first.sqlite", 1)
    setup.raise_first_number(first, 5001)
    (tmp_path / "usb").mkdir()
    path = setup_file.save(first, tmp_path / "usb" / setup_file.FILE_NAME)
    assert "first_number: 5001" in path.read_text()
    second = admin_of(tmp_path / "second.sqlite", 2)
    plan = setup_file.read(second, path)
    assert ("downtime numbers from sequence 5001 (it was 1 here): those before it are earlier outages' patients'"
            in plan.lines("en"))
    setup_file.load(second, plan)
    assert setup.first_number(second.db) == 5001 and not setup_file.read(second, path).changes
    wards.add_ward(second, "3B", "Medicine", ["12"])
    staff.add_staff(second, "nurse", "Nurse", Role.WARD_NURSE, "1111")
    nurse = Session(second.db, second.device, staff.sign_in(second.db, "nurse", "1111", second.clock), second.forms,
                    second.clock)
    saved = records.save_new(nurse, "admission", {**admission_values, "nir": ""})
    assert second.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?",
                             [saved.patient_id]).fetchone()[0] == format_downtime_number(2, 5001)
    path.write_text(path.read_text().replace("first_number: 5001", "first_number: 0"))
    with pytest.raises(ServiceError, match=r"First number: 1 to 99999"):
        setup_file.read(second, path)

"""The stick that goes with a patient moved to a ward on another laptop. Every laptop's exports
are encrypted to the records office's key alone, which must never be on a ward laptop: the
receiving ward's laptop reads a stick made "for another ward" with the wards' key the
hospital's set-up file brings to every laptop, and is never asked for the office's key."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from downtime.cli import main
from downtime.qt.main_window import MainWindow
from downtime.services import records, settings, setup_file, staff, wards
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.sync.encryption import generate_identity
from downtime.sync.export import export
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportRefused


@pytest.fixture
def hospital(tmp_path, laptop, clock):
    """Ward 3B's laptop (device 1) and ward 5A's (device 2), set up as the README tells IT: the
    wards by the set-up file saved on the first and loaded on the second, the records office's
    public key set on both. Returns (3B's nurse, 5A's administrator, the office's key file)."""
    office_key = tmp_path / "records-office.key"
    public = generate_identity(office_key)
    sessions = []
    for number in (1, 2):
        nurse, _ = laptop(tmp_path / f"laptop{number}.sqlite", number)
        admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
        settings.set_export_key(admin, public)
        sessions.append((nurse, admin))
    (nurse_3b, admin_3b), (_, admin_5a) = sessions
    for code in ("3B", "5A"):
        wards.add_ward(admin_3b, code, f"Ward {code}", [str(bed) for bed in range(1, 21)])
    plan = setup_file.read(admin_5a, setup_file.save(admin_3b, tmp_path / "downtime-setup.yaml"))
    setup_file.load(admin_5a, plan)
    settings.set_laptop_ward(admin_3b, "3B")
    settings.set_laptop_ward(admin_5a, "5A")
    return nurse_3b, admin_5a, office_key


def test_the_receiving_wards_laptop_reads_a_stick_made_for_another_ward(hospital, admission_values, tmp_path, laptop):
    nurse_3b, admin_5a, office_key = hospital
    records.save_new(nurse_3b, "admission", admission_values)
    stick = export(nurse_3b, tmp_path / "usb" / "moved", for_another_ward=True)  # a nurse may make it
    assert stick.encrypted and stick.for_another_ward
    assert import_path(admin_5a, stick.folder).added == {"patients": 1, "records": 1}
    # The records office opens it with its own key, as any export.
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    assert import_path(office, stick.folder, identity=office_key).added == {"patients": 1, "records": 1}


def test_a_stick_made_for_the_records_office_alone_never_asks_a_ward_for_the_offices_key(hospital, admission_values,
                                                                                         tmp_path):
    nurse_3b, admin_5a, _ = hospital
    records.save_new(nurse_3b, "admission", admission_values)
    sealed = export(nurse_3b, tmp_path / "usb" / "for-office").folder
    with pytest.raises(ImportRefused) as refused:
        import_path(admin_5a, sealed)
    said = refused.value.text("en")
    assert "give the records office's key" not in said and "--identity" not in said
    assert "ask the ward that made it for a stick made for another ward" in said
    assert admin_5a.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0


def test_a_stick_for_another_ward_is_no_export_for_the_records_office(hospital, admission_values, tmp_path):
    """Whole, and leaving the next `--since-last` export to start where the office's last ended."""
    nurse_3b, _, _ = hospital
    records.save_new(nurse_3b, "admission", admission_values)
    stick = export(nurse_3b, tmp_path / "usb" / "moved", since_last=True, for_another_ward=True)
    assert stick.first_rowid == 1
    assert export(nurse_3b, tmp_path / "usb" / "office", since_last=True).first_rowid == 1
    assert nurse_3b.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'export.another_ward'").fetchone()[0] == 1


def test_the_wards_key_travels_in_the_set_up_file_and_stays_in_the_database(hospital, tmp_path):
    nurse_3b, admin_5a, _ = hospital
    secret = settings.get(nurse_3b.db, "wards_key")
    assert secret.startswith("AGE-SECRET-KEY-1") and settings.get(admin_5a.db, "wards_key") == secret
    # Kept in the database (encrypted outside the tests), in no other file but the set-up file.
    files = [path for path in tmp_path.rglob("*") if path.is_file() and ".sqlite" not in path.name]
    assert [path.name for path in files if secret.encode() in path.read_bytes()] == ["downtime-setup.yaml"]


def test_a_laptop_with_no_wards_key_cannot_make_a_stick_for_another_ward(tmp_path, laptop, admission_values):
    nurse, _ = laptop(tmp_path / "alone.sqlite", 7)
    with pytest.raises(ServiceError, match="no wards' key"):
        export(nurse, tmp_path / "usb" / "moved", for_another_ward=True)
    assert not (tmp_path / "usb" / "moved").exists()


def test_a_set_up_file_lines_say_the_wards_key_is_taken_never_its_value(tmp_path, laptop, clock):
    first, second = (laptop(tmp_path / f"l{number}.sqlite", number)[0] for number in (1, 2))
    admins = [Session(one.db, one.device, staff.sign_in(one.db, "admin", "0000", clock), one.forms, clock)
              for one in (first, second)]
    saved = setup_file.save(admins[0], tmp_path / "downtime-setup.yaml")
    plan = setup_file.read(admins[1], saved)
    lines = plan.lines("en")
    assert any("wards' key" in line and "taken from the file" in line for line in lines)
    assert not any("AGE-SECRET-KEY" in line for line in lines)


def test_the_commands_make_the_stick_for_another_ward_and_load_it_on_the_receiving_ward(hospital, admission_values,
                                                                                       tmp_path, capsys):
    nurse_3b, admin_5a, _ = hospital
    records.save_new(nurse_3b, "admission", admission_values)
    db_3b, db_5a = (str(session.db.conn.execute("PRAGMA database_list").fetchone()[2]) for session in (nurse_3b, admin_5a))
    stick = tmp_path / "usb" / "moved"
    assert main(["export", "--out", str(stick), "--for-another-ward", "--db", db_3b, "--user", "nurse",
                 "--pin", "1111"]) == 0
    assert "made for another ward" in capsys.readouterr().out
    assert main(["import", str(stick), "--db", db_5a, "--user", "admin", "--pin", "0000"]) == 0
    assert "1 patient(s)" in capsys.readouterr().out


def test_the_dialogs_make_the_stick_and_the_ward_wizard_reads_it_with_no_key_file(hospital, admission_values, tmp_path,
                                                                                  qtbot):
    nurse_3b, admin_5a, _ = hospital
    records.save_new(nurse_3b, "admission", admission_values)
    window_3b = MainWindow(nurse_3b)
    qtbot.addWidget(window_3b)
    dialog = window_3b.export_data()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "usb" / "moved"))
    box = dialog.for_another_ward
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() and not dialog.since_last.isEnabled()
    with qtbot.waitSignal(dialog.ran, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "the receiving ward's laptop imports it" in dialog.result.text(), dialog.result.text()
    window_5a = MainWindow(admin_5a)
    qtbot.addWidget(window_5a)
    wizard = window_5a.import_data()
    qtbot.keyClicks(wizard.source.path, str(tmp_path / "usb" / "moved"))
    assert "wards' key" in wizard.source.kind.text() and not wizard.source.key_row.isVisibleTo(wizard.source)
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.run_page.succeeded, wizard.run_page.result.text()
    assert admin_5a.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 1


def test_a_new_wards_key_after_a_lost_set_up_file_is_made_by_the_command_never_typed(hospital, capsys):
    nurse_3b, _, _ = hospital
    before = settings.get(nurse_3b.db, "wards_key")
    db = str(nurse_3b.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["set", "wards-key", before, "--db", db, "--user", "admin", "--pin", "0000"]) != 0
    assert "wards-key takes only 'new'" in capsys.readouterr().err
    assert main(["set", "wards-key", "new", "--db", db, "--user", "admin", "--pin", "0000"]) == 0
    assert "a new wards' key is set on this laptop" in capsys.readouterr().out
    assert settings.get(nurse_3b.db, "wards_key") not in ("", before)

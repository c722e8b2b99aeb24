"""Signing in to a ward database set up on another computer (services.installation), driven as
an administrator and a nurse would."""

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel

from downtime.qt.copied_database import CopiedDatabaseDialog
from downtime.services import installation, records, settings, staff, wards
from downtime.services.context import Session, Vault, load_device


def _elsewhere(ward_db, session_for, monkeypatch, tmp_path, who):
    """The database as it opens on the second laptop, `who` signed in."""
    assert installation.usable_here(session_for("admin"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop2-data"))
    session = session_for(who)
    assert installation.placed(session.db) is installation.Placed.ELSEWHERE
    return session


def _choose(qtbot, button):
    """Clicked on its words, as a person does (the button is as wide as the dialog)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))


def _texts(dialog):
    return [label.text() for label in dialog.findChildren(QLabel)]


def _shown(qtbot, session):
    dialog = CopiedDatabaseDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_administrator_makes_a_copy_a_laptop_of_its_own(qtbot, ward_db, session_for, monkeypatch, tmp_path,
                                                          type_text, admission_values):
    first = session_for("admin")
    for ward in ("3B", "ICU"):
        wards.add_ward(first, ward, ward, [str(bed) for bed in range(1, 21)])
    settings.set_laptop_ward(first, "3B")
    admin = _elsewhere(ward_db, session_for, monkeypatch, tmp_path, "admin")
    before = admin.device
    dialog = _shown(qtbot, admin)
    assert any("set up on another computer, as device 42 (Ward 3B laptop)" in text for text in _texts(dialog))
    assert not dialog.device_number.isEnabled() and not dialog.ward.isEnabled()
    assert dialog.ward.currentText() == "3B", "the ward it was copied with, to be changed if it is another's"
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Choose whether this laptop replaces the other or is a copy."
    _choose(qtbot, dialog.copy)
    assert dialog.device_number.isEnabled()
    dialog.device_number.setValue(42)
    type_text(dialog.device_name, "Ward 3B laptop 2")
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Device number: 42 is the other laptop's, which goes on using it; give this one its own."
    assert dialog.isVisible() and load_device(admin.db) == before
    dialog.device_number.setValue(8)
    dialog.ward.setFocus()
    qtbot.keyClick(dialog.ward, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    device = load_device(admin.db)
    assert (device.device_number, device.name) == (8, "Ward 3B laptop 2") and device.device_id != before.device_id
    assert settings.laptop_ward(admin.db) == "ICU"
    assert installation.placed(admin.db) is installation.Placed.HERE
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    assert nurse.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?",
                            [admitted.patient_id]).fetchone()[0].startswith("DT-008-00001")


def test_an_administrator_says_this_laptop_replaces_the_other(qtbot, ward_db, session_for, monkeypatch, tmp_path):
    admin = _elsewhere(ward_db, session_for, monkeypatch, tmp_path, "admin")
    dialog = _shown(qtbot, admin)
    _choose(qtbot, dialog.replaces)
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert installation.placed(admin.db) is installation.Placed.HERE and load_device(admin.db).device_number == 42


def test_a_nurse_is_told_to_fetch_an_administrator_and_the_sign_in_comes_back(qtbot, ward_db, session_for, monkeypatch,
                                                                              tmp_path, forms):
    from downtime.qt.app import _load_app

    nurse = _elsewhere(ward_db, session_for, monkeypatch, tmp_path, "nurse")
    dialog = _shown(qtbot, nurse)
    texts = _texts(dialog)
    assert "An administrator must sign in and say whether this laptop replaces the other or is a copy." in texts
    assert any("set up on another computer, as device 42 (Ward 3B laptop)" in text for text in texts)
    assert not dialog.replaces.isVisible() and not hasattr(dialog, "go")
    dialog.close()

    class SignedIn:
        member = staff.sign_in(ward_db, "nurse", "1111", nurse.clock)

    def cancel() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, CopiedDatabaseDialog)
        shown.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()

    QTimer.singleShot(200, cancel)
    vault = Vault(tmp_path / "ward.sqlite", ward_db)
    assert _load_app(vault).open_window(vault, SignedIn, "en", lambda _: None) is None
    assert installation.placed(ward_db) is installation.Placed.ELSEWHERE
    assert Session(ward_db, load_device(ward_db), SignedIn.member, forms).device.device_number == 42

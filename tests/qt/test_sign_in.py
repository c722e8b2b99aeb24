from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.sign_in import FirstRunDialog, SignInDialog
from downtime.services.setup import needs_setup
from downtime.storage import open_database


def test_wrong_pin_is_refused_and_cleared_then_right_pin_signs_in(qtbot, ward_db, clock):
    dialog = SignInDialog(ward_db, clock, "Ward 3B laptop")
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.staff_id, "nurse")
    QTest.keyClicks(dialog.pin, "9999")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.error.text() == "Unknown staff ID or wrong PIN."
    assert dialog.pin.text() == "" and dialog.member is None
    QTest.keyClicks(dialog.pin, "1111")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.member.staff_id == "nurse"


def test_first_run_creates_the_device_and_administrator(qtbot, tmp_path, clock):
    db = open_database(tmp_path / "new.sqlite")
    dialog = FirstRunDialog(db, clock)
    qtbot.addWidget(dialog)
    dialog.device_number.setValue(17)
    QTest.keyClicks(dialog.device_name, "Ward 5 laptop")
    QTest.keyClicks(dialog.admin_id, "boss")
    QTest.keyClicks(dialog.admin_name, "Chief Nurse")
    QTest.keyClicks(dialog.pin, "4321")
    QTest.keyClicks(dialog.pin_again, "4322")
    dialog.try_setup()
    assert dialog.error.text() == "The two PINs differ." and needs_setup(db)
    dialog.pin_again.clear()
    QTest.keyClicks(dialog.pin_again, "4321")
    dialog.try_setup()
    assert not needs_setup(db)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_return_on_a_shown_dialog_tries_once(qtbot, ward_db, clock):
    dialog = SignInDialog(ward_db, clock, "Ward 3B laptop")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    QTest.keyClicks(dialog.staff_id, "nurse")
    QTest.keyClick(dialog.staff_id, Qt.Key.Key_Return)
    assert ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed'").fetchone()[0] == 0
    assert dialog.focusWidget() is dialog.pin
    QTest.keyClicks(dialog.pin, "0001")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    failed = ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed'").fetchone()[0]
    assert failed == 1

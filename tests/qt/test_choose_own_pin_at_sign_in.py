"""Signed in with a PIN an administrator set, a nurse chooses her own before the window opens (at
the app's start as at the lock screen, both this sign-in window): with it, the administrator
charted as her."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from downtime.qt.change_pin import ChangePinDialog
from downtime.qt.sign_in import SignInDialog
from downtime.services import staff
from downtime.services.context import Vault


def _signing_in(qtbot, session_for, ward_db, db_path, clock) -> SignInDialog:
    staff.set_pin(session_for("admin"), "nurse", "9876")
    dialog = SignInDialog(Vault(db_path, ward_db), clock, "Ward 3B laptop")
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.staff_id, "nurse")
    QTest.keyClicks(dialog.pin, "9876")
    return dialog


def _button(dialog: ChangePinDialog, which: QDialogButtonBox.StandardButton) -> None:
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(which), Qt.MouseButton.LeftButton)


def test_a_pin_an_administrator_set_asks_its_holder_to_choose_their_own_before_signing_in(
        qtbot, monkeypatch, session_for, ward_db, db_path, clock):
    dialog = _signing_in(qtbot, session_for, ward_db, db_path, clock)
    asked: list[str] = []

    def chosen(shown: ChangePinDialog) -> int:  # the modal dialog, as the nurse answers it
        shown.show()
        asked.append(shown.error.text())
        assert shown.current.isHidden()  # the PIN just typed at the sign-in
        QTest.keyClicks(shown.new, "482913")
        QTest.keyClicks(shown.again, "482914")
        _button(shown, QDialogButtonBox.StandardButton.Ok)
        asked.append(shown.error.text())
        QTest.keyClicks(shown.new, "482913")
        QTest.keyClicks(shown.again, "482913")
        _button(shown, QDialogButtonBox.StandardButton.Ok)
        return shown.result()

    monkeypatch.setattr(ChangePinDialog, "exec", chosen)
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert asked == ["", "New PIN: the two new PINs typed differ; type them again."]
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.member.staff_id == "nurse"
    assert not staff.pin_to_choose(ward_db, "nurse")
    assert staff.sign_in(ward_db, "nurse", "482913", clock).staff_id == "nurse"


def test_not_choosing_one_signs_no_one_in(qtbot, monkeypatch, session_for, ward_db, db_path, clock):
    dialog = _signing_in(qtbot, session_for, ward_db, db_path, clock)

    def cancelled(shown: ChangePinDialog) -> int:
        shown.show()
        _button(shown, QDialogButtonBox.StandardButton.Cancel)
        return shown.result()

    monkeypatch.setattr(ChangePinDialog, "exec", cancelled)
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.member is None
    assert dialog.error.text() == "Your PIN is one an administrator set: choose your own to sign in."
    assert dialog.pin.text() == "" and staff.pin_to_choose(ward_db, "nurse")


def test_at_the_lock_screen_the_nurse_chooses_her_own_and_carries_on(window, monkeypatch, session_for):
    """Her PIN forgotten while the laptop was locked, the administrator gives her one: typed at
    the lock screen, it asks for her own, then her window comes back as she left it."""
    staff.set_pin(session_for("admin"), "nurse", "9876")

    def signed_in(shown: SignInDialog) -> int:
        QTest.keyClicks(shown.staff_id, "nurse")
        QTest.keyClicks(shown.pin, "9876")
        shown.try_sign_in()
        return shown.result()

    def chosen(shown: ChangePinDialog) -> int:
        shown.show()
        QTest.keyClicks(shown.new, "482913")
        QTest.keyClicks(shown.again, "482913")
        _button(shown, QDialogButtonBox.StandardButton.Ok)
        return shown.result()

    monkeypatch.setattr(SignInDialog, "exec", signed_in)
    monkeypatch.setattr(ChangePinDialog, "exec", chosen)
    window.idle_timer.timeout.emit()
    assert not window.centralWidget().isHidden() and window.isVisible()
    assert not staff.pin_to_choose(window.session.db, "nurse")
    window.session.require(staff.Action.RECORD_CARE)


def test_a_window_whose_holder_is_given_a_pin_signs_them_out_at_their_next_click(window, qtbot, session_for, answers):
    """The administrator gives the nurse on shift a new PIN: her window, signed in with her own,
    goes no further under her name; her next sign-in asks her to choose her own."""
    _, asked = answers
    signed_out: list[object] = []
    window._signed_out = signed_out.append
    staff.set_pin(session_for("admin"), "nurse", "9876")
    qtbot.mouseClick(window.menuBar(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: signed_out == [None])
    assert asked == [("error", "Hélène Lefèvre must choose their own PIN first: a PIN an administrator set signs in "
                               "only to choose a new one (Change my PIN, or 'downtime staff change-pin').")]

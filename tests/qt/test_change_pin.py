"""A nurse changes her own PIN from the Ward menu, typing the current one first; no
administrator knows the new one."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

import pytest

from downtime.qt.change_pin import ChangePinDialog
from downtime.services import staff
from downtime.services.errors import SignInError


def _opened(window) -> ChangePinDialog:
    window.actions_by_id["change_pin"].trigger()
    (dialog,) = window.findChildren(ChangePinDialog)
    assert dialog.isVisible()
    return dialog


def _typed(dialog: ChangePinDialog, current: str, new: str, again: str) -> None:
    for field, typed in ((dialog.current, current), (dialog.new, new), (dialog.again, again)):
        field.clear()
        QTest.keyClicks(field, typed)
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_a_nurse_changes_her_own_pin_from_the_ward_menu(window, clock):
    db = window.session.db
    dialog = _opened(window)
    assert dialog.current.echoMode() == dialog.current.EchoMode.Password
    _typed(dialog, "1111", "482913", "482914")
    assert dialog.error.text() == "New PIN: the two new PINs typed differ; type them again."
    assert dialog.isVisible() and dialog.new.text() == "" and dialog.current.text() == "1111"
    _typed(dialog, "1112", "482913", "482913")
    assert dialog.error.text().startswith("Current PIN: wrong PIN; nothing was changed.")
    assert dialog.current.text() == "" and dialog.new.text() == ""
    assert staff.sign_in(db, "nurse", "1111", clock).staff_id == "nurse"
    _typed(dialog, "1111", "482913", "482913")
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Your PIN is changed: sign in with the new one from now on."
    assert staff.sign_in(db, "nurse", "482913", clock).staff_id == "nurse"
    with pytest.raises(SignInError):
        staff.sign_in(db, "nurse", "1111", clock)
    (row,) = db.query("SELECT actor FROM audit WHERE action = 'staff.change_pin'")
    assert row["actor"] == "nurse"


def test_the_change_pin_and_shortcuts_dialogs_are_freed_once_closed(window, qtbot, escaped):
    """Each opening made a dialog kept, hidden, for the rest of the session."""
    from downtime.qt.shortcuts_help import ShortcutsDialog

    window.show()
    qtbot.waitExposed(window)
    escaped([window.show_shortcuts, window.change_pin] * 3)
    assert window.findChildren(ChangePinDialog) == [] and window.findChildren(ShortcutsDialog) == []

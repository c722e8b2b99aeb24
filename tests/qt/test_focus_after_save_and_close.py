"""Where the keyboard's focus lands when a form is saved from its Save button and when a tab is
closed with Ctrl+W: on the page the nurse is looking at, never on the window's tab bar, where a
screen reader says only "tab bar" and the next arrow key shows another patient's tab."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.qt.form_view import FormView


def _active(window, qtbot) -> None:
    """The window active, as the nurse's is: on the offscreen platform a window just shown is not,
    and no widget of it has the focus until it is."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _transfer_typed(window, patient: str) -> FormView:
    form = window.open_new(window.session.form("transfer"), patient)
    for name, value in (("moved_at", "2026-11-28T11:00+01:00"), ("to_ward", "3B"), ("to_bed", "14"),
                        ("reason", "closer to the desk")):
        form.editors[name].set_value(value)
    return form


def test_a_new_record_saved_from_its_save_button_keeps_the_focus_on_the_saved_form(
        window, medication_ward, qtbot):
    """Save hid before the saved record's buttons showed: Qt gave the focus to the next widget
    then visible, the window's tab bar, and the nurse's Left arrow showed the MAR beside."""
    patient = medication_ward[0]
    _active(window, qtbot)
    window.open_mar_of(patient)
    form = _transfer_typed(window, patient)
    form.save_button.setFocus()
    QTest.keyClick(form.save_button, Qt.Key.Key_Space)
    assert form.record is not None, form.summary.text()
    assert QApplication.focusWidget() is form.print_button
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert window.tabs.currentWidget() is form


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)


def test_closing_a_chart_opened_from_the_round_gives_the_focus_back_to_the_round_s_line(medication_ward, window, qtbot):
    """Ctrl+M, Down, Ctrl+Shift+M to check the MAR, Ctrl+W: the round came back on her line, but
    with the focus on the tab bar her Enter recorded nothing."""
    _active(window, qtbot)
    _key(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    _key(Qt.Key.Key_Down)
    chosen = window.medication.table.currentIndex().row()
    _key(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.currentWidget() is not window.medication
    _key(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.medication
    assert QApplication.focusWidget() is window.medication.table
    assert window.medication.table.currentIndex().row() == chosen
    _key(Qt.Key.Key_Return)
    assert window.medication.dialog is not None, "Enter records the dose of her line"
    window.medication.dialog.reject()


def test_closing_a_form_untouched_gives_the_focus_back_to_the_tab_it_came_from(medication_ward, window, qtbot):
    _active(window, qtbot)
    _key(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    _key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # the round's patient's internal transfer
    assert isinstance(window.tabs.currentWidget(), FormView)
    _key(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.medication
    assert QApplication.focusWidget() is window.medication.table


def test_a_tab_no_widget_of_which_had_the_focus_gets_it_on_its_first_tab_stop(medication_ward, window, qtbot):
    """The Patients tab, shown and never typed in, then a MAR opened and closed: the focus on the
    first box Tab reaches on the Patients tab, not on the tab bar."""
    _active(window, qtbot)
    window.tabs.tabBar().setFocus()
    window.open_mar_of(medication_ward[0])
    window.close_current_tab()
    assert window.tabs.currentWidget() is window.patients
    focused = QApplication.focusWidget()
    assert window.patients.isAncestorOf(focused) and focused.focusPolicy() & Qt.FocusPolicy.TabFocus

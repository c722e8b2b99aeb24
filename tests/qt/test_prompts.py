"""The app's own modal questions, answered from the keyboard as a nurse answers them."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QWidget

from downtime.qt import screen_fit
from downtime.qt.i18n import set_language
from downtime.qt.prompts import ConfirmDialog, Prompts
from downtime.qt.style import TEXT_SIZES, change_text_size


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def answered(qtbot, ask: Callable[[], str | None], keys: Callable[[QWidget], None]) -> tuple[str | None, bool]:
    """What `ask` returned with `keys` pressed in its dialog once it is open, and whether they
    closed it (a dialog still open is cancelled, the test not left waiting on it)."""
    closed_by_keys: list[bool] = []

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.windowHandle().requestActivate()
        qtbot.waitUntil(dialog.isActiveWindow)  # its shortcuts are the active window's
        keys(dialog)
        closed_by_keys.append(not dialog.isVisible())
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, press)
    return ask(), closed_by_keys == [True]


def typed_then(*keys: tuple[Qt.Key, Qt.KeyboardModifier]) -> Callable[[QWidget], None]:
    """The reason typed in the box the dialog opens on, then each key pressed where the focus is."""
    def press(dialog: QWidget) -> None:
        box = dialog.focusWidget()
        assert isinstance(box, QPlainTextEdit)
        QTest.keyClicks(box, "Bed number misheard")
        for key, modifier in keys:
            QTest.keyClick(dialog.focusWidget(), key, modifier)
    return press


NONE = Qt.KeyboardModifier.NoModifier


def test_a_reason_is_typed_then_tab_then_enter_presses_ok(qtbot, parent):
    """Tab leaves the reason for OK, as in every other box, and Enter presses it: Qt's multi-line
    dialog typed both into the reason and stayed open."""
    got, closed = answered(qtbot, lambda: Prompts.reason(parent, "Amend", "Why?"),
                           typed_then((Qt.Key.Key_Tab, NONE), (Qt.Key.Key_Return, NONE)))
    assert (got, closed) == ("Bed number misheard", True)


def test_tab_goes_to_ok_first_in_french(qtbot, parent):
    set_language("fr")
    try:
        went_to: list[str] = []

        def press(dialog: QWidget) -> None:
            typed_then((Qt.Key.Key_Tab, NONE))(dialog)
            button = dialog.focusWidget()
            went_to.append(button.text() if isinstance(button, QPushButton) else type(button).__name__)

        answered(qtbot, lambda: Prompts.reason(parent, "Corriger", "Pourquoi ?"), press)
    finally:
        set_language("en")
    assert went_to == ["OK"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["Return", "keypad-Enter"])
def test_ctrl_enter_in_the_reason_confirms_it(qtbot, parent, key):
    got, closed = answered(qtbot, lambda: Prompts.optional_reason(parent, "Entered in error", "Why?"),
                           typed_then((key, Qt.KeyboardModifier.ControlModifier)))
    assert (got, closed) == ("Bed number misheard", True)


def test_the_reason_is_saved_without_the_tabs_and_line_breaks_at_its_ends(qtbot, parent):
    """Enter pressed in the box before finding OK left a line break, kept in the audit."""
    got, closed = answered(qtbot, lambda: Prompts.reason(parent, "Amend", "Why?", "\t"),
                           typed_then((Qt.Key.Key_Return, NONE), (Qt.Key.Key_Tab, NONE), (Qt.Key.Key_Return, NONE)))
    assert (got, closed) == ("Bed number misheard", True)


def test_a_reason_filled_in_is_added_to_not_typed_over(qtbot, parent):
    got, _ = answered(qtbot, lambda: Prompts.optional_reason(parent, "Not continued", "Why?", "Seen by the pharmacist. "),
                      typed_then((Qt.Key.Key_Tab, NONE), (Qt.Key.Key_Return, NONE)))
    assert got == "Seen by the pharmacist. Bed number misheard"


def test_escape_cancels_the_reason(qtbot, parent):
    got, closed = answered(qtbot, lambda: Prompts.reason(parent, "Amend", "Why?"), typed_then((Qt.Key.Key_Escape, NONE)))
    assert (got, closed) == (None, True)


LAPTOP_AT_125 = QSize(1092, 542)
"""The room for a dialog on a 1366×768 laptop at 125 %: less the taskbar and its own title bar."""


@pytest.fixture
def largest_text_at_125(qapp, app_style, monkeypatch):
    """The largest text size on a 125 % laptop's screen; the text size put back after."""
    monkeypatch.setattr(screen_fit, "room", lambda widget: LAPTOP_AT_125)
    change_text_size(qapp, len(TEXT_SIZES))
    yield
    change_text_size(qapp, -len(TEXT_SIZES))


def shown_whole(qtbot, ask: Callable[[], object]) -> QSize:
    """The size of the dialog `ask` opens (within its frame, which `room` leaves space for), closed
    once measured."""
    sizes: list[QSize] = []

    def measure() -> None:
        dialog = QApplication.activeModalWidget()
        qtbot.waitExposed(dialog)
        sizes.append(dialog.size())
        dialog.reject()

    QTimer.singleShot(0, measure)
    ask()
    return sizes[0]


def test_a_confirm_found_to_fit_fits_as_the_message_box_shown(qtbot, largest_text_at_125):
    """The changed admission's "Ward on another laptop?" at the largest text: measured at 480
    pixels it fitted, and the message box asked it at 400, 650 pixels high, Yes and No under
    the taskbar. Measured at the message box's width, it is asked within the screen."""
    text = ("The patient is on ward 5A. If it keeps its records on another laptop, that laptop has their admission "
            "as it was before this change (their identity, allergies or resuscitation decision) until a stick made "
            "now is imported there: make it (Export for back-entry ▸ For a patient moved to another ward) and send "
            "it to ward 5A.\n\nMake the stick now?")
    shown = shown_whole(qtbot, lambda: Prompts.confirm(None, "Ward on another laptop?", text))
    assert shown.height() <= LAPTOP_AT_125.height()


def test_what_the_user_is_told_scrolls_above_ok_when_taller_than_the_screen(qtbot, largest_text_at_125):
    """"One person, two charts" at the largest text was a message box 746 pixels high, its OK
    under a 125 % laptop's taskbar: told in words scrolled above OK, the default."""
    text = "\n".join(f"• Line {number} of what the nurse is told" for number in range(40))
    shown = shown_whole(qtbot, lambda: Prompts.info(None, "One person, two charts", text))
    assert shown.height() <= LAPTOP_AT_125.height()
    told = ConfirmDialog(None, "One person, two charts", text, told=True)
    qtbot.addWidget(told)
    assert not told.fits and told.yes.isDefault() and told.yes.text().replace("&", "") == "OK"

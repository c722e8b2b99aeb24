"""The rebook dialog's body at the largest text, French or English, is no wider than the dialog
on the screen: "Nil by mouth since (blank: from now):" and its box side by side made it 953
pixels wide in French, scrolled sideways on an 800-pixel screen and on a 1366×768 laptop at 150 %
(910), the patient's name and downtime number cut off. `test_screen_fit` measures the dialog,
whose scrolled body hides how wide it is."""

import pytest
from PySide6.QtWidgets import QApplication

from downtime.qt.i18n import set_language
from downtime.qt.screen_fit import Scrolled
from downtime.qt.style import TEXT_SIZES, change_text_size
from tests.qt.test_rebook_dialog_says_fasting import _under_general
from tests.qt.test_theatre_panel import _rebooking_by_keyboard, coordinator  # noqa: F401  (fixture)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_body_is_no_wider_than_the_dialog_at_the_largest_text(coordinator, qtbot, listed, lang):
    window, _ = coordinator
    _under_general(window)
    app = QApplication.instance()
    set_language(lang)
    change_text_size(app, len(TEXT_SIZES))
    try:
        dialog = _rebooking_by_keyboard(window, qtbot, listed)
        (area,) = dialog.findChildren(Scrolled)
        assert area.widget().minimumSizeHint().width() <= area.viewport().width()
        assert area.horizontalScrollBar().maximum() == 0, "nothing scrolled sideways"
    finally:
        change_text_size(app, -len(TEXT_SIZES))
        set_language("en")

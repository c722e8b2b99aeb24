"""A choice's options read whole at the largest text on a laptop at 125 % (a 1092 × 582 window):
the box was held to 640 pixels, and the drop-down, as wide as the screen, cut the longest option in
the middle: the CIWA-Ar's "7 Acute panic states, as seen in sever…irium or acute schizophrenic
reactions", the capacity assessment's "Aucune personne à consulter, et ni tr…nt lourd ni
changement de lieu de vie". Now the box is as wide as its longest option where the form has room,
and an option wider than the screen wraps in the drop-down; the form still never scrolls sideways."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QStyle

from downtime.qt.field_editors import ComboEditor
from tests.qt.test_form_labels_in_view import new_form_at_the_largest_text

CAPACITY_ASKED = {"outcome": "lacks", "can_wait": False}
"""What makes the capacity assessment ask whether an IMCA was instructed."""


def _whole_in_view(combo, row: int) -> bool:
    """Whether the option's text fits the room its row has in the shown drop-down, wrapped at the
    row's width if need be."""
    view = combo.view()
    rect = view.visualRect(combo.model().index(row, 0)).intersected(view.viewport().rect())
    margin = 2 * (combo.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, combo) + 1)
    metrics = view.fontMetrics()
    needed = metrics.boundingRect(QRect(0, 0, rect.width() - margin, 1 << 20), int(Qt.TextFlag.TextWordWrap),
                                  combo.itemText(row))
    return needed.width() <= rect.width() - margin and needed.height() <= rect.height()


@pytest.mark.parametrize(("form_id", "lang", "field_ids"), [
    ("alcohol_withdrawal", "en", ("anxiety", "agitation", "tactile")),
    ("alcohol_withdrawal", "fr", ("anxiety", "agitation", "unable_to_assess")),
    ("capacity_assessment", "fr", ("imca",)),
])
def test_each_option_reads_whole_in_its_drop_down_and_the_form_does_not_scroll_sideways(
        qtbot, laptop_window, session_for, admission_values, app_style, form_id, lang, field_ids):
    _, form = new_form_at_the_largest_text(laptop_window, session_for, admission_values, form_id, lang)
    if form_id == "capacity_assessment":
        for field_id, value in CAPACITY_ASKED.items():
            form.editors[field_id].set_value(value)
    (area,) = [area for area in form.findChildren(QScrollArea) if area.widget() is not None
               and area.widget().isAncestorOf(form.first_editor().widget)]
    qtbot.waitUntil(lambda: area.widget().width() > 0)
    assert area.widget().minimumSizeHint().width() <= area.viewport().width(), "no scrolling sideways"
    for field_id in field_ids:
        editor = form.editors[field_id]
        assert isinstance(editor, ComboEditor)
        combo = editor.combo
        longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(row)) for row in range(combo.count()))
        assert longest > 640, "an option longer than the box was held to"
        area.ensureWidgetVisible(combo)
        # As wide as its longest option where the form's column has room, as wide as the column where not.
        column = editor.widget.parentWidget().width()
        assert combo.width() >= min(longest, column - 2 * combo.style().pixelMetric(
            QStyle.PixelMetric.PM_LayoutLeftMargin)), field_id
        combo.showPopup()
        qtbot.waitUntil(combo.view().isVisible)
        try:
            screen = combo.screen().availableGeometry()
            assert screen.contains(combo.view().window().geometry()), "the drop-down on the screen"
            cut = [combo.itemText(row) for row in range(1, combo.count()) if not _whole_in_view(combo, row)]
            assert cut == [], field_id
        finally:
            combo.hidePopup()
    QApplication.processEvents()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_long_answer_chosen_reads_whole_once_saved(qtbot, laptop_window, session_for, admission_values, app_style,
                                                     lang):
    """Read-only, the CIWA-Ar's anxiety anchor 7 was cut at "schizophrén" in its one-line box (1167
    pixels of French in 1014): its words now wrap in the box, every line in sight, the form no wider."""
    _, form = new_form_at_the_largest_text(laptop_window, session_for, admission_values, "alcohol_withdrawal", lang)
    (area,) = [area for area in form.findChildren(QScrollArea) if area.widget() is not None
               and area.widget().isAncestorOf(form.first_editor().widget)]
    editor = form.editors["anxiety"]
    editor.set_value("7")
    chosen = editor.combo.currentText()
    assert chosen.endswith(("schizophrenic reactions", "schizophrénique aiguë"))
    editor.set_read_only(True)
    qtbot.waitUntil(lambda: area.widget().width() > 0)
    (shown,) = [child for child in editor.widget.findChildren(QLabel) if child.isVisibleTo(form)]
    area.ensureWidgetVisible(shown)
    QApplication.processEvents()
    assert shown.text() == chosen and shown.focusPolicy() & Qt.FocusPolicy.TabFocus, "reached by Tab"
    room = shown.contentsRect().adjusted(shown.margin(), shown.margin(), -shown.margin(), -shown.margin())
    needed = shown.fontMetrics().boundingRect(QRect(0, 0, room.width(), 1 << 20), int(Qt.TextFlag.TextWordWrap),
                                              chosen)
    assert shown.fontMetrics().horizontalAdvance(chosen) > room.width(), "longer than one line: it wraps"
    assert needed.width() <= room.width() and needed.height() <= room.height(), "every line in sight"
    assert area.widget().minimumSizeHint().width() <= area.viewport().width(), "no scrolling sideways"

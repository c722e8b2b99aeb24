"""The medicines reconciliation at the largest text on a laptop, in English and French: its
sources and its decision table fit the view, nothing scrolled sideways, so that "GP letter" and
"Care home" are seen to be ticked, and each row's medicine stays in sight while its reason is typed
(at 20 points the form was 1,895 pixels wide, 2,050 in French, and typing a reason scrolled the
medicine out of sight: on a 20-line list, a reason went on the wrong row)."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.qt.test_form_labels_in_view import new_form_at_the_largest_text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_reconciliation_fits_the_view_at_the_largest_text(
        qtbot, laptop_window, session_for, admission_values, app_style, lang):
    _, form = new_form_at_the_largest_text(laptop_window, session_for, admission_values, "medicines_reconciliation",
                                           lang)
    (area,) = [area for area in form.findChildren(QScrollArea) if area.widget() is not None
               and area.widget().isAncestorOf(form.first_editor().widget)]
    assert area.widget().minimumSizeHint().width() <= area.viewport().width(), "no scrolling sideways"
    decisions = form.editors["decisions"]
    decisions.add_button.click()
    medicine, why = decisions.rows[0].editors[0].widget, decisions.rows[0].editors[2].widget
    QApplication.processEvents()
    area.ensureWidgetVisible(why)
    view = area.viewport()
    left, right = medicine.mapTo(view, QPoint(0, 0)).x(), why.mapTo(view, QPoint(why.width(), 0)).x()
    assert 0 <= left and right <= view.width(), "the row's medicine in sight beside its reason"

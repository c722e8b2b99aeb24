"""A form's table of rows (the reconciliation's decisions, the admission's allergies) spans its
section under its label: beside the label column it had what the longest label left ("Medicines
taken before admission, as listed on the admission"), 537 pixels of a 1,016-pixel section on a
laptop at the usual text, and each Medicine box 172 pixels, "Metformine 1 g matin…"."""

import pytest
from PySide6.QtCore import QPoint

from tests.qt.test_medicines_reconciliation_rows_readable import opened_on_a_laptop


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_medicine_line_is_whole_in_its_box_at_the_usual_text(
        qtbot, laptop_window, session_for, admission_values, app_style, lang):
    form = opened_on_a_laptop(session_for, admission_values, laptop_window, lang)
    decisions = form.editors["decisions"]
    for row in decisions.rows:
        box, choice = row.editors[0].edit, row.editors[1].widget
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.text() + "00"), \
            f"{box.text()!r} whole in a box {box.width()} pixels wide"
        assert choice.width() <= choice.sizeHint().width(), "the Decision box no wider than its longest choice"
    label = form.form_labels["decisions"]
    assert label.isVisible() and label.mapTo(form, QPoint(0, 0)).y() < decisions.widget.mapTo(form, QPoint(0, 0)).y(), \
        "its label above it"

"""A form's sections kept side by side at the largest text on a laptop keep their boxes wide
enough to read: counted at their least width, the sepsis form's "doctor's review" kept its notes
box beside its labels, 215 pixels wide (about 16 characters of a 20-point line), its help a
13-line column; the French admission's identity boxes were 362 pixels in a 1,054-pixel view."""

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from tests.qt.test_form_labels_in_view import new_form_at_the_largest_text


@pytest.mark.parametrize(("form_id", "lang"), [("sepsis_screening", "en"), ("sepsis_screening", "fr"),
                                               ("admission", "fr"), ("observations", "fr")])
def test_each_typed_box_is_wide_enough_to_read_at_the_largest_text(
        qtbot, laptop_window, session_for, admission_values, app_style, form_id, lang):
    _, form = new_form_at_the_largest_text(laptop_window, session_for, admission_values, form_id, lang)
    # Each field typed in one box: a repeat's boxes are its table's columns, sized by the table.
    typed = {field_id: boxes[0] for field_id, (_, cell) in form.rows.items()
             if len(boxes := [box for box in (cell, *cell.findChildren(QWidget))
                              if isinstance(box, (QLineEdit, QPlainTextEdit, QTextEdit)) and box.isVisibleTo(form)]) == 1}
    assert len(typed) >= 3
    narrow = [(field_id, box.width()) for field_id, box in typed.items()
              if box.width() < box.fontMetrics().averageCharWidth() * 18]
    assert narrow == [], "boxes too narrow to read"

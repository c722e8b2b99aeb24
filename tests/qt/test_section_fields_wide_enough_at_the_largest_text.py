"""A form's sections kept side by side at the largest text on a laptop keep their boxes wide
enough to read: counted at their least width, the sepsis form's "doctor's review" kept its notes
box beside its labels, 215 pixels wide (about 16 characters of a 20-point line), its help a
13-line column; the French admission's identity boxes were 362 pixels in a 1,054-pixel view."""

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.services import records, wards


@pytest.mark.parametrize(("form_id", "lang"), [("sepsis_screening", "en"), ("sepsis_screening", "fr"),
                                               ("admission", "fr"), ("observations", "fr")])
def test_each_typed_box_is_wide_enough_to_read_at_the_largest_text(
        qtbot, laptop_window, session_for, admission_values, app_style, form_id, lang):
    change_text_size(QApplication.instance(), len(TEXT_SIZES))
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse", lang)
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window = laptop_window(nurse, 1092, 582)
    form = window.open_new(nurse.form(form_id), patient.patient_id)
    # Each field typed in one box: a repeat's boxes are its table's columns, sized by the table.
    typed = {field_id: boxes[0] for field_id, (_, cell) in form.rows.items()
             if len(boxes := [box for box in (cell, *cell.findChildren(QWidget))
                              if isinstance(box, (QLineEdit, QPlainTextEdit, QTextEdit)) and box.isVisibleTo(form)]) == 1}
    assert len(typed) >= 3
    narrow = [(field_id, box.width()) for field_id, box in typed.items()
              if box.width() < box.fontMetrics().averageCharWidth() * 18]
    assert narrow == [], "boxes too narrow to read"

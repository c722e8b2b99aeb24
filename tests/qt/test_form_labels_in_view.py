"""A form's field the keyboard is in is shown with its label at the largest text on a laptop:
the transfusion form at 20 points and 125 % was 1,498 pixels wide in a 1,054-pixel view,
scrolled sideways to each field, and "Started at" and "Taken from the blood fridge at" were two
date boxes alike, their labels out of sight; on the prescription form at 20 points in French, one
long label ("Antibiotique réévalué après 72 h…") put every box of its section 1,000 pixels right
of "Dose *", and the Dose box was typed in between two other unlabelled boxes."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea

from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.services import records, wards


def new_form_at_the_largest_text(laptop_window, session_for, admission_values, form_id: str, lang: str):
    """A new `form_id` for a patient of ward 3B, at the largest text, on a laptop at 125 % (a
    1092 × 582 window); the window and the form."""
    change_text_size(QApplication.instance(), len(TEXT_SIZES))
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse", lang)
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window = laptop_window(nurse, 1092, 582)
    return window, window.open_new(nurse.form(form_id), patient.patient_id)


@pytest.mark.parametrize(("form_id", "lang"), [
    ("blood_transfusion", "en"), ("blood_transfusion", "fr"), ("medication_order", "fr"), ("discharge", "en"),
    ("sepsis_screening", "en"), ("vte_assessment", "en"),
])
def test_the_label_of_each_field_tabbed_to_is_in_sight_at_the_largest_text(
        qtbot, laptop_window, session_for, admission_values, app_style, form_id, lang):
    window, form = new_form_at_the_largest_text(laptop_window, session_for, admission_values, form_id, lang)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    (area,) = [area for area in form.findChildren(QScrollArea) if area.widget() is not None
               and area.widget().isAncestorOf(form.first_editor().widget)]
    view = area.viewport()
    assert area.widget().minimumSizeHint().width() <= view.width(), "no scrolling sideways"
    labels = []
    focused = QApplication.focusWidget()
    while area.widget().isAncestorOf(focused):  # Tab on to the form's buttons, under the scrolled fields
        (label,) = [layout.labelForField(cell) for layout, cell in form.rows.values() if cell.isAncestorOf(focused)]
        shown = QRect(label.mapTo(view, QPoint(0, 0)), label.size())
        # A list's sixth box and its label, 130 pixels apart in a view as high, are not seen at once.
        together = shown.united(QRect(focused.mapTo(view, QPoint(0, 0)), focused.size()))
        assert view.rect().intersects(shown) or together.height() > view.height(), label.text()
        labels.append(label)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
    # Every field shown tabbed through, ten at least where the form shows more (the VTE form shows seven).
    assert len(set(labels)) >= min(10, sum(cell.isVisibleTo(form) for _, cell in form.rows.values()))

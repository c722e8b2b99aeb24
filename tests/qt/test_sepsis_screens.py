"""Sepsis screening on screen: a set of 5 or more asks for a screening on the observations tab,
whose button opens it with the set's readings copied and scored; the escalation list says the
Sepsis Six left, and Enter on its line opens the screening to time them."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.services import records

HIGH = {"taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 104, "diastolic_bp": 62, "pulse": 112, "consciousness": "alert",
        "temperature": 38.6}  # NEWS2 7


def _button(view, text: str) -> QPushButton:
    return next(button for button in view.findChildren(QPushButton) if button.text() == text)


def test_a_high_score_asks_for_a_screening_made_from_the_tab_and_timed_from_the_escalation_list(
        window_for, session_for, patient, answers, listed):
    window = window_for(session_for("nurse"))
    chart = window.open_observations_of(patient)
    assert chart.sepsis.text() == "Sepsis: not screened this stay"
    records.save_new(window.session, "observations", HIGH, patient_id=patient)
    window.refresh_lists()
    assert chart.alarms.text() == "NEWS2 7 at 28/11 13:00: COULD THIS BE SEPSIS? Screen with the sepsis tool"
    QTest.mouseClick(_button(chart, "Screen for &sepsis…"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "sepsis_screening"
    assert form.editors["pulse"].value() == 112  # copied from the set
    (score,) = form.news2_labels.values()
    assert score.text().startswith("<b>NEWS2 7")
    form.editors["screened_at"].set_value("2026-11-28T13:10+01:00")
    (found,) = form.sepsis_labels.values()
    assert found.isHidden()  # nothing found until the infection question is answered
    combo = form.editors["infection"].combo
    combo.setFocus()
    QTest.keyClicks(combo, "n")
    assert found.text() == "<b>infection unlikely: look for another cause; screen again if worse</b>"
    QTest.keyClick(combo, Qt.Key.Key_Up)
    assert form.editors["infection"].value() == "likely"
    assert not found.isHidden() and found.text() == (
        "<b>RED FLAG SEPSIS: the Sepsis Six within the hour; tell the doctor now</b>")  # NEWS2 7, no tick needed
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, (form.summary.text(), answers[1])
    window.tabs.setCurrentWidget(chart)
    assert chart.sepsis.text() == "Sepsis screen 28/11 13:10 (NEWS2 7): RED FLAG SEPSIS"
    assert chart.alarms.text().startswith("SEPSIS SIX by 28/11 14:10: oxygen, blood cultures, IV antibiotics")
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    row = next(row for row in range(panel.charts_model.rowCount()) if panel.charts_model.texts(row)[4] == "Sepsis")
    assert panel.charts_model.texts(row)[5] == "Sepsis screen 28/11 13:10 (NEWS2 7): RED FLAG SEPSIS"
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.record is not None
    assert opened.record.record_id == form.record.record_id

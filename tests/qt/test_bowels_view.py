"""The bowel chart from the keyboard: the nurse opens the patient's bowel tab, charts a watery
stool through the form (asked its Bristol type), charts two more, reads the call to isolate and
sample on the tab and on the escalation tab, whose Enter brings her back to the chart."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.bowels_view import BowelsView
from downtime.qt.form_view import FormView
from downtime.services import records, wards


def test_three_loose_stools_charted_ask_to_isolate_and_sample(window, session_for, admission_values, select_bed,
                                                              listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {**admission_values,
                                                              "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, BowelsView) and chart.latest.text() == "Nothing charted yet"
    QTest.mouseClick(next(button for button in chart.findChildren(QPushButton) if button.text() == "&Chart the bowels"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "bowel_chart"
    form.editors["charted_at"].set_value("2026-11-28T09:30+01:00")
    form.editors["opened"].set_value("opened")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None and "“Bristol stool type” is required" in form.summary.text()
    form.editors["stool_type"].set_value("7")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    for at in ("2026-11-28T11:00+01:00", "2026-11-28T13:00+01:00"):
        records.save_new(window.session, "bowel_chart", {"charted_at": at, "opened": "opened", "stool_type": "6"},
                         patient_id=admitted.patient_id)
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == "Last opened 28/11 13:00 (type 6)"
    assert chart.alarms.text().startswith("3 LOOSE STOOLS IN 24 HOURS (since 28/11 09:30): isolate in a side room")
    assert chart.model.texts(2)[:2] == ("28/11 09:30", "type 7") and chart.model.is_warning(2, 1)
    assert chart.read_again.timer.isActive()  # constipation, three days after the last
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:6] == ("Bowels", "last opened 28/11 13:00 (type 6)")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is chart


def test_the_tab_counts_the_days_loose_stools_with_a_known_cause(window, session_for, admission_values, select_bed):
    """Loose stools after a laxative ask no isolation, but are counted on the tab, not read as one "last opened"."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {**admission_values,
                                                              "arrival_at": "2026-11-28T09:00+01:00"})
    for at in ("2026-11-28T09:30+01:00", "2026-11-28T11:00+01:00", "2026-11-28T13:00+01:00"):
        records.save_new(window.session, "bowel_chart", {"charted_at": at, "opened": "opened", "stool_type": "6",
                                                         "known_cause": True}, patient_id=admitted.patient_id)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, BowelsView)
    assert chart.latest.text() == "Last opened 28/11 13:00 (type 6); 3 loose in 24 hours (known cause)"
    assert chart.alarms.isHidden()

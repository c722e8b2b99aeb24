"""The paediatric observation chart from the keyboard: the nurse opens a baby's PEWS tab, records a
set through the form (asked the oxygen she is on), reads each reading's points and the score on
the tab, records a worse set with her mother worried, reads the call for the doctor on the tab and
on the escalation tab, whose Enter brings her back to the chart; the NEWS2 tab points a child here."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.patients_panel import NEWS2
from downtime.qt.pews_view import PewsView
from downtime.services import records, wards


def _lina(window, session_for, admission_values) -> str:
    """Lina, 4 months old and 6.1 kg, admitted to bed 12 of 3B with bronchiolitis: her patient id."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {
        **admission_values, "given_names": "Lina", "birth_date": "2026-07-31", "nir": None,
        "identity_status": "provisional", "identity_document": None, "weight_kg": 6.1, "height_cm": 62,
        "arrival_at": "2026-11-28T09:00+01:00", "reason": "Bronchiolitis"})
    window.patients.reload_wards()
    return admitted.patient_id


def pews_tab(window, select_bed) -> PewsView:
    """The PEWS tab of the child in bed 12, opened from the keyboard (Ctrl+Shift+E)."""
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, PewsView)
    return chart


def new_set(window, chart: PewsView) -> FormView:
    """The form of a new set, opened from the tab's "Record observations"."""
    QTest.mouseClick(next(button for button in chart.findChildren(QPushButton)
                          if button.text() == "Record &observations"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "paediatric_observations"
    return form


def test_a_babys_observations_scored_on_her_age_call_the_doctor(window, session_for, admission_values, select_bed,
                                                                listed, answers):
    lina = _lina(window, session_for, admission_values)
    chart = pews_tab(window, select_bed)
    assert chart.latest.text() == "No paediatric observations recorded yet"
    form = new_set(window, chart)
    form.editors["taken_at"].set_value("2026-11-28T12:00+01:00")
    for field, value in (("respiratory_rate", 56), ("respiratory_effort", "moderate"), ("spo2", 93),
                         ("heart_rate", 158), ("systolic_bp", 90), ("capillary_refill", "under_3"),
                         ("temperature", 37.2), ("consciousness", "alert"), ("concern", False), ("next_in", "60")):
        form.editors[field].set_value(value)
    # Scored as typed, on her band, what is not taken yet said.
    score = form.pews_labels["set"]
    assert score.isVisible() and "PEWS ≥ 5 (3 to under 12 months; incomplete: oxygen not taken)" in score.text()
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None and "“Oxygen” is required" in form.summary.text()
    form.editors["oxygen"].set_value("high")
    assert "PEWS 9 (3 to under 12 months)" in score.text() and "PEWS 9 (8 or more): call the doctor" in score.text()
    form.editors["oxygen"].set_value("low")
    assert "PEWS 7 (3 to under 12 months)" in score.text() and "call the doctor" not in score.text()
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    _, asked = answers
    assert window.statusBar().currentMessage().endswith("set taken 28/11 12:00: PEWS 7 (3 to under 12 months)")
    assert not [what for what in asked if what[0] == "info"]
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == "PEWS 7 (3 to under 12 months) at 28/11 12:00"  # its next set overdue, said under it
    assert chart.model.texts(0)[:8] == ("28/11 12:00", "56 (1)", "Moderate increase (2)", "93 (1)",
                                        "Under 4 L/min or 50% (2)", "158 (1)", "90 (0)", "Under 3 s (0)")
    assert chart.model.is_warning(0, 2) and not chart.model.is_warning(0, 1) and not chart.model.is_warning(0, 10)
    assert chart.alarms.text() == "OBSERVATIONS OVERDUE since 28/11 13:00"
    records.save_new(window.session, "paediatric_observations", {
        **form.record.data, "taken_at": "2026-11-28T13:50+01:00", "oxygen": "high", "concern": True},
        patient_id=lina)
    # Saved, a set that asks for the doctor says so in a dialog the nurse must close, as NEWS2's.
    assert asked[-1] == ("info", f"{window.statusBar().currentMessage()}\n\n"
                                 "PEWS 9 (8 or more): call the doctor to review the child now\n"
                                 "NURSE OR PARENT WORRIED (28/11 13:50): tell the doctor, whatever the score")
    chart.refresh()
    assert chart.model.texts(0)[10:12] == ("9", "Yes") and chart.model.is_warning(0, 10) and chart.model.is_warning(0, 11)
    assert chart.alarms.text().splitlines() == [
        "PEWS 9 (8 or more): call the doctor to review the child now",
        "NURSE OR PARENT WORRIED (28/11 13:50): tell the doctor, whatever the score"]
    assert chart.read_again.timer.isActive()  # the next set falls due at 14:50
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:6] == ("PEWS", "PEWS 9 (3 to under 12 months) at 28/11 13:50; next set due 28/11 14:50")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is chart
    # The patient list's NEWS2 column gives a child's PEWS, in the warning colour when it asks.
    window.patients.refresh()
    patients = listed(window.patients)
    line = next(row for row in range(patients.model.rowCount()) if patients.model.text(row, 1) == "12")
    assert patients.model.text(line, NEWS2) == "PEWS 9 · 14:50" and patients.model.is_warning(line, NEWS2)
    assert patients.model.data(patients.model.index(line, NEWS2), Qt.ItemDataRole.ToolTipRole).startswith(
        "PEWS 9 (3 to under 12 months) at 28/11 13:50; next set due 28/11 14:50; PEWS 9 (8 or more)")


def test_a_set_the_doctor_reviewed_is_saved_with_the_doctors_plan_its_red_flag_still_shown(
        window, session_for, admission_values, select_bed, answers):
    """A bronchiolitic baby breathing 62 a minute, reviewed by the registrar, who planned 2-hourly
    sets: the form refused anything but the hour, and nothing recorded the plan (review S8, #9)."""
    _lina(window, session_for, admission_values)
    chart = pews_tab(window, select_bed)
    form = new_set(window, chart)
    form.editors["taken_at"].set_value("2026-11-28T13:30+01:00")
    for field, value in (("respiratory_rate", 62), ("respiratory_effort", "normal"), ("spo2", 96),
                         ("oxygen", "room_air"), ("heart_rate", 140), ("systolic_bp", 90),
                         ("capillary_refill", "under_3"), ("consciousness", "alert"), ("concern", False),
                         ("next_in", "120")):
        form.editors[field].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None and "with a red flag" in form.summary.text()
    form.editors["plan_by"].widget.setFocus()
    QTest.keyClicks(form.editors["plan_by"].widget, "Dr Benali 13:20")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert form.record.data["next_in"] == "120" and form.record.data["plan_by"] == "Dr Benali 13:20"
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    reviewed = "reviewed by Dr Benali 13:20: next set as the doctor planned"
    assert chart.alarms.text().splitlines() == [
        "RED FLAG (breathing rate over 60 a minute, 28/11 13:30): call the doctor now, whatever the score", reviewed]
    assert chart.model.texts(0)[-1] == reviewed

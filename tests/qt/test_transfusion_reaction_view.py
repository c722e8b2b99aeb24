"""A transfusion reaction on the screen: the 15-minute set reading a fever shows on the unit's tab
and on the escalation tab as a possible reaction; the end of a unit stopped for it asks which
doctor was told, when, and that they acknowledged it; the nurse cannot name herself as the
bedside second checker."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.services import records
from tests.test_transfusion import OBS, UNIT

SAID = ("POSSIBLE TRANSFUSION REACTION at 28/11 13:45 (temperature 38.4, up 1.5 °C): stop the unit, keep the line "
        "open, call the doctor")


def _press(widget, text: str) -> None:
    QTest.mouseClick(next(b for b in widget.findChildren(QPushButton) if b.text() == text), Qt.MouseButton.LeftButton)


def test_a_fever_at_15_minutes_is_a_possible_reaction_on_the_tab_and_the_end_names_the_doctor_told(
        window_for, session_for, patient, type_text, listed):
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T13:20+01:00"}, patient_id=patient)
    records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T13:30+01:00"}, patient_id=patient)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T13:45+01:00", "temperature": 38.4},
                     patient_id=patient)
    window = window_for(nurse)
    chart = window.open_transfusion_of(patient)
    assert chart.alarms.text() == SAID and chart.model.is_warning(0, 5)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[-1] == SAID
    window.tabs.setCurrentWidget(chart)
    _press(chart, "Record the &end of the unit")
    end = window.tabs.currentWidget()
    assert isinstance(end, FormView) and end.spec.id == "transfusion_end"
    end.editors["ended_at"].set_value("2026-11-28T13:47+01:00")
    end.editors["outcome"].set_value("stopped_reaction")
    end.editors["signs"].set_value(["fever"])
    end.editors["blood_bank_told"].set_value(True)
    layout, row = end.rows["doctor_name"]
    assert not layout.isRowVisible(row)
    end.editors["doctor_told"].set_value(True)
    assert layout.isRowVisible(row)
    QTest.mouseClick(end.save_button, Qt.MouseButton.LeftButton)
    assert end.record is None and "“Doctor told (name)” is required" in end.summary.text()
    type_text(end.editors["doctor_name"].edit, "Dr Benali")
    end.editors["doctor_told_at"].set_value("2026-11-28T13:50+01:00")
    end.editors["doctor_acknowledged"].set_value(True)
    QTest.mouseClick(end.save_button, Qt.MouseButton.LeftButton)
    assert end.record is not None, end.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.isHidden()


def test_the_nurse_is_not_her_own_second_checker_on_the_form(window_for, session_for, patient, type_text):
    window = window_for(session_for("nurse"))
    chart = window.open_transfusion_of(patient)
    _press(chart, "Record a unit &started")
    form = window.tabs.currentWidget()
    for key in ("component", "unit_group", "patient_group", "identity_checked", "abo_card", "use_by", "started_at"):
        form.editors[key].set_value(UNIT[key])
    type_text(form.editors["unit_number"].edit, "G0001 26 123456")
    type_text(form.editors["second_checker"].edit, "Hélène Lefèvre")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None and "“Hélène Lefèvre” reads as Hélène Lefèvre, who records this start" in form.summary.text()
    form.editors["second_checker"].edit.clear()
    type_text(form.editors["second_checker"].edit, "Paul Martin")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()

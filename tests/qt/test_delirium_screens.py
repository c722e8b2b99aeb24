"""Delirium screening on screen: the observations tab says an adult's latest 4AT, asks for one
when a set records new confusion, and screens from its button, the answers chosen by typing their
first letters, its total shown as they are; a child's tab has no 4AT."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.observations_view import ObservationsView
from downtime.services import records

CONFUSED = {"taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 18, "spo2": 96, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 128, "diastolic_bp": 74, "pulse": 88, "consciousness": "new_confusion",
            "temperature": 37.2}


def _button(view, text: str) -> QPushButton:
    return next(button for button in view.findChildren(QPushButton) if button.text() == text)


def test_new_confusion_asks_for_a_4at_screened_from_the_observations_tab(window_for, session_for, patient, answers):
    window = window_for(session_for("nurse"))
    chart = window.open_observations_of(patient)
    assert isinstance(chart, ObservationsView)
    assert chart.delirium.text() == "Delirium: not screened yet (4AT)" and chart.alarms.isHidden()
    assert chart.screening.isVisible()
    records.save_new(window.session, "observations", CONFUSED, patient_id=patient)
    window.refresh_lists()
    assert "NEWS2 3" in answers[1][-1][1]  # the set's response, told as any set's
    assert chart.alarms.text() == "NEW CONFUSION on the observations of 28/11 13:00: screen for delirium (4AT)"
    assert chart.alarms.isVisible()
    QTest.mouseClick(_button(chart, "Screen for &delirium (4AT)…"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "delirium_screening"
    form.editors["screened_at"].set_value("2026-11-28T13:20+01:00")
    (total,) = form.total_labels.values()
    assert total.text() == "4AT total: 4 item(s) left to score"
    for field_id, typed in (("alertness", "c"), ("amt4", "2"), ("attention", "s"), ("acute_change", "y")):
        combo = form.editors[field_id].combo
        combo.setFocus()
        QTest.keyClicks(combo, typed)
    assert form.editors["alertness"].value() == "abnormal" and form.editors["acute_change"].value() == "yes"
    # As the paper form's total box, while typed.
    assert total.text() == "<b>4AT total: 11 — POSSIBLE DELIRIUM: tell the doctor, who looks for its cause</b>"
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, (form.summary.text(), answers[1])
    window.tabs.setCurrentWidget(chart)
    assert chart.delirium.text() == (
        "Delirium: 4AT 11, POSSIBLE DELIRIUM: tell the doctor, who looks for its cause (28/11 13:20)")
    assert chart.alarms.isHidden()


def test_a_patient_65_or_over_is_asked_for_a_screening_a_day_after_coming_in(window_for, session_for, patient,
                                                                             clock):
    window = window_for(session_for("nurse"))
    chart = window.open_observations_of(patient)
    assert chart.alarms.isHidden()
    clock.advance(hours=19)
    chart.refresh()
    assert chart.alarms.text() == (
        "DELIRIUM NOT SCREENED since admission on 28/11 09:00 (65 or over): screen with the 4AT")


def test_a_childs_observations_tab_has_no_4at(window_for, session_for, patient, admission_values):
    nurse = session_for("nurse")
    child = records.save_new(nurse, "admission", {**admission_values, "nir": None, "bed": "3",
                                                  "birth_date": "2019-04-02", "weight_kg": 23}).patient_id
    window = window_for(nurse)
    chart = window.open_observations_of(child)
    assert chart.screening.isHidden() and chart.alarms.isHidden()

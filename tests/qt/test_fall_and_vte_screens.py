"""A fall and a VTE risk assessment on screen: the nurse records a fall from the selected
patient's menu, the escalation list says what it asks, and Enter on its line opens the fall, for
the doctor's examination to be recorded on it; the doctor assesses VTE risk from the same menu,
which a nurse's does not offer."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QScrollArea

from downtime.qt.field_editors import columns_for
from downtime.qt.form_view import FormView
from downtime.services import records


def test_a_fall_recorded_from_the_menu_asks_on_the_escalation_list_and_opens_from_it(window_for, session_for, patient,
                                                                                  select_bed, listed):
    window = window_for(session_for("nurse"))
    window.patients.reload_wards()
    select_bed(window, "12")
    action = next(action for action in window.findChildren(QAction) if action.text().startswith("Inpatient fall"))
    action.trigger()
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "inpatient_fall"
    for field_id, value in (("fell_at", "2026-11-28T13:20+01:00"), ("witnessed", "witnessed"),
                            ("fracture_signs", "suspected"), ("head_injury", "no"), ("anticoagulated", False)):
        form.editors[field_id].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:] == (
        "Fall", "Fell 28/11 13:20",  # its ask says the fracture suspected
        "POSSIBLE FRACTURE OR SPINAL INJURY: do not get the patient up (lift them flat); the doctor examines them "
        "first; NO OBSERVATIONS SINCE THE FALL: take a set now")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.record.record_id == form.record.record_id


def test_the_doctor_assesses_vte_risk_from_the_menu_and_a_nurse_is_not_offered_it(window_for, session_for, patient,
                                                                                    select_bed):
    nurse = window_for(session_for("nurse"))
    assert not any(action.text().startswith("VTE risk assessment") for action in nurse.findChildren(QAction))
    window = window_for(session_for("doctor"))
    window.patients.reload_wards()
    select_bed(window, "12")
    next(action for action in window.findChildren(QAction) if action.text() == "VTE risk assessment").trigger()
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "vte_assessment"
    for field_id, value in (("assessed_at", "2026-11-28T13:00+01:00"), ("mobility", "medical_reduced"),
                            ("thrombosis_risks", ["over_60"]), ("prophylaxis", "pharmacological")):
        form.editors[field_id].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None and form.record.data["thrombosis_risks"] == ["over_60"], form.summary.text()


def test_the_vte_risks_are_one_to_a_line_and_nothing_scrolls_sideways_in_french(window_for, session_for, patient):
    """Three to a line, the risks ran off the form's right edge, half of each label cut."""
    from downtime.qt.i18n import set_language

    set_language("fr")
    try:
        window = window_for(session_for("doctor", "fr"))
        window.resize(1366, 768)
        form = window.open_new(window.session.form("vte_assessment"), patient)
        (area,) = [area for area in form.findChildren(QScrollArea) if area.widget().findChildren(QCheckBox)]
        assert area.widget().minimumSizeHint().width() <= area.viewport().width()
        boxes = form.editors["thrombosis_risks"].boxes
        assert len({box.x() for box in boxes.values()}) == 1 and len(boxes) == 19
    finally:
        set_language("en")


def test_check_boxes_are_three_to_a_line_while_their_labels_fit():
    assert columns_for(["Analgesia given", "Doctor told", "Declined"]) == 3
    assert columns_for(["a" * 40, "b" * 40, "c" * 40, "d" * 10]) == 2
    assert columns_for(["a" * 60, "b" * 60]) == 1


def test_the_observations_tab_says_what_a_fall_asks_until_a_set_is_taken(window_for, session_for, patient, answers):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {"fell_at": "2026-11-28T13:20+01:00", "witnessed": "witnessed",
                                               "fracture_signs": "none", "head_injury": "no", "anticoagulated": False},
                     patient_id=patient)
    window = window_for(nurse)
    chart = window.open_observations_of(patient)
    assert chart.alarms.text().startswith("Fell 28/11 13:20: NO OBSERVATIONS SINCE THE FALL: take a set now; NOT "
                                          "EXAMINED BY A DOCTOR since the fall")
    records.save_new(nurse, "observations", {
        "taken_at": "2026-11-28T13:40+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 76, "consciousness": "alert",
        "temperature": 36.9}, patient_id=patient)
    window.refresh_lists()
    assert "NO OBSERVATIONS SINCE THE FALL" not in chart.alarms.text()
    assert "NOT EXAMINED BY A DOCTOR" in chart.alarms.text()

"""A set scoring HIGH for a patient whose doctor's plan limits escalation (comfort care, a ward
ceiling): the form's live score and the dialog on saving say the plan, not the RCP's "consider
transfer to HDU or ICU", as the observations tab and the escalation list already did."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.domain.news2 import CLINICAL_RESPONSE, Band
from downtime.services import observations, records, wards

HIGH_SET = {"taken_at": "2026-11-28T13:50+01:00", "respiratory_rate": 30, "spo2": 88, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 85, "diastolic_bp": 50, "pulse": 125, "consciousness": "voice",
            "temperature": 35.2}
RCP_HIGH = CLINICAL_RESPONSE[Band.HIGH]["en"]


@pytest.mark.parametrize(("escalation", "frequency", "limits"), [
    ("comfort", "stopped", True), ("ward_ceiling", "four_hourly", True), ("full", "four_hourly", False)])
def test_a_high_set_under_a_plan_limiting_escalation_says_the_plan_as_typed_and_on_saving(
        window, session_for, admission_values, answers, type_text, escalation, frequency, limits):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
        "resuscitation_decided_at": "2026-11-28T10:40+01:00"}).patient_id
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T11:00+01:00", "decided_by": "Dr Benali", "escalation": escalation,
        "frequency": frequency, "discussed_with": "daughter"}, patient_id=patient)
    chart = window.open_observations_of(patient)
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    for field_id, value in HIGH_SET.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            type_text(form.editors[field_id].edit, str(value))
            QTest.keyClick(form.editors[field_id].edit, Qt.Key.Key_Tab)
        else:
            form.editors[field_id].set_value(value)
    plan = observations.plans(window.session.db, [chart.patient], window.session.clock())[patient]
    said = plan.text("en", window.session.clock().tzinfo)
    (score,) = form.news2_labels.values()
    assert score.text().startswith("<b>NEWS2 15 — HIGH</b>")
    assert (said in score.text() and "HDU or ICU" not in score.text()) if limits else RCP_HIGH in score.text()
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None
    (info,) = [text for kind, text in answers[1] if kind == "info"]
    assert "NEWS2 15 — HIGH" in info
    assert (said in info and "HDU or ICU" not in info) if limits else info.endswith(RCP_HIGH)

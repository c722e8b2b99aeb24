"""The falls-risk assessment on screen: the nurse opens it from the patient's menu, ticks the
factors found and types each one's plan, the lying and standing blood pressure, saves; the
escalation list then says the postural drop for the doctor, and Enter on it opens the assessment
for the review to be recorded by amending it. A standing reading typed with "Unable to stand"
ticked is refused on the form, naming the reading, and nothing is saved. After a fall, Enter on
the reassessment overdue opens a new one, its reason filled. The tests' clock is 14:00 on 28/11;
the patient, 72, was admitted at 09:00."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import records

READINGS = {"lying_systolic": "150", "lying_diastolic": "80", "standing_1_systolic": "130",
            "standing_1_diastolic": "76", "standing_3_systolic": "116", "standing_3_diastolic": "68"}


def _fill(form: FormView, type_text, readings: dict[str, str]) -> None:
    form.editors["assessed_at"].set_value("2026-11-28T13:00+01:00")
    form.editors["why"].set_value("age_65")
    form.editors["factors"].boxes["mobility"].click()
    type_text(form.editors["mobility_plan"].edit, "Physiotherapy; supervise to the toilet")
    for field_id, value in readings.items():
        type_text(form.editors[field_id].edit, value)
    form.editors["bed_rails"].set_value("not_used")
    type_text(form.editors["bed_rails_reason"].edit, "Mobile, would climb over")
    form.editors["call_bell"].set_value(True)


def test_an_assessment_typed_with_a_postural_drop_is_on_the_escalation_list_and_opens_from_it(
        window_for, session_for, patient, form_on_bed_12, listed, type_text, tmp_path):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, "falls_risk")
    assert not form.editors["mobility_plan"].widget.isVisible()
    _fill(form, type_text, READINGS)
    assert form.editors["mobility_plan"].widget.isVisible() and not form.editors["sitting_systolic"].widget.isVisible()
    form.grab().save(str(tmp_path / "falls_risk_form.png"))
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, "falls_risk", patient_id=patient)
    assert (saved.data["standing_3_systolic"], saved.data["factors"]) == (116, ["mobility"])
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount()) if panel.charts_model.texts(row)[4] == "Falls risk"]
    assert panel.charts_model.texts(row)[5:] == (
        "Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg (13:00)",
        "doctor to review medicines and fluids")
    panel.grab().save(str(tmp_path / "falls_risk_escalation.png"))
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.record.record_id == saved.record_id


def test_a_standing_reading_with_unable_to_stand_is_refused_on_the_form(window_for, session_for, patient,
                                                                         form_on_bed_12, type_text):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, "falls_risk")
    _fill(form, type_text, {"lying_systolic": "150", "lying_diastolic": "80", "standing_1_systolic": "130",
                            "standing_1_diastolic": "76"})
    form.editors["unable_to_stand"].set_value(True)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None
    assert "Standing systolic at 1 minute" in form.summary.text()
    assert "recorded unable to stand" in form.summary.text()
    assert records.list_current(window.session.db, "falls_risk", patient_id=patient) == []


def test_enter_on_the_reassessment_overdue_after_a_fall_opens_a_new_one_for_the_patient(
        window_for, session_for, patient, clock, listed):
    """Not the assessment made before the fall: amended into the new one, it would be replaced."""
    nurse = session_for("nurse")
    records.save_new(nurse, "falls_risk", {
        "assessed_at": "2026-11-28T13:00+01:00", "why": "age_65", "lying_systolic": 150, "lying_diastolic": 80,
        "standing_1_systolic": 148, "standing_1_diastolic": 80, "bed_rails": "not_used",
        "bed_rails_reason": "Mobile", "call_bell": True}, patient_id=patient)
    records.save_new(nurse, "inpatient_fall", {
        "fell_at": "2026-11-28T13:40+01:00", "witnessed": "witnessed", "where": "toilet", "fracture_signs": "none",
        "head_injury": "no", "anticoagulated": False}, patient_id=patient)
    clock.advance(days=1, hours=1)
    window = window_for(session_for("nurse"))
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount()) if panel.charts_model.texts(row)[4] == "Falls risk"]
    assert panel.charts_model.texts(row)[5] == "Falls-risk assessment OVERDUE since 13:40 (fell 28/11 13:40, 72 years)"
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.spec.id == "falls_risk" and opened.record is None
    assert opened.patient_id == patient and opened.editors["why"].value() == "after_fall"

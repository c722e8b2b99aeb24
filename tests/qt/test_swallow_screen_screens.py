"""A bedside swallow screen on screen: the nurse records a failed screen from the patient's menu
(a wet voice at the teaspoons, the SLT referral made), the escalation list asks the doctor be told
for another route and Enter on it opens the record; a pass typed after a No before the water is
refused on the outcome, the record unsaved; the Patients tab says the patient nil by mouth by
their name; the dose dialog of a medicine by mouth says it as it opens, not that of one by vein.
The tests' clock is 14:00 on 28/11."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import records
from tests.qt.conftest import open_from_escalation

FAILED_LINE = "SWALLOW SCREEN FAILED 10:20 — nil by mouth, no medicines by mouth; SLT referred 10:40"


def _before_water(form: FormView, cough: bool) -> None:
    form.editors["screened_at"].set_value("2026-11-28T10:20+01:00")
    form.editors["reason"].set_value("stroke")
    for field_id, answer in (("alert_upright", True), ("cough_on_request", cough), ("controls_saliva", True)):
        form.editors[field_id].set_value(answer)


def test_a_failed_screen_recorded_from_the_menu_is_asked_on_the_escalation_list_and_opens_from_it(
        window_for, session_for, patient, form_on_bed_12, escalation_row, type_text, tmp_path):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, "swallow_screen")
    _before_water(form, cough=True)
    assert form.editors["teaspoons"].widget.isVisible() and not form.editors["glass"].widget.isVisible()
    form.editors["teaspoons"].set_value("sign")
    form.editors["signs"].boxes["wet_voice"].click()
    form.editors["outcome"].set_value("fail")
    form.editors["slt_referral"].set_value("made")
    form.editors["slt_referred_at"].set_value("2026-11-28T10:40+01:00")
    form.grab().save(str(tmp_path / "form.png"))
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, "swallow_screen", patient_id=patient)
    assert (saved.data["outcome"], saved.data["signs"], saved.data["screened_by"]) == ("fail", ["wet_voice"],
                                                                                      "Hélène Lefèvre")
    panel, row = escalation_row(window, "Swallow screen")
    assert panel.charts_model.texts(row)[5:] == (FAILED_LINE,
                                                 "tell the doctor: medicines, fluids and food by another route")
    panel.grab().save(str(tmp_path / "escalation.png"))
    opened = open_from_escalation(window, panel, row)
    assert isinstance(opened, FormView) and opened.record.record_id == saved.record_id


def test_a_pass_after_a_no_before_the_water_is_refused_on_the_outcome(window_for, session_for, patient, form_on_bed_12):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, "swallow_screen")
    _before_water(form, cough=False)
    assert not form.editors["teaspoons"].widget.isVisible()
    form.editors["outcome"].set_value("pass")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None
    assert "a pass is not possible after “Able to cough when asked” (No)" in form.summary.text()
    assert records.list_current(window.session.db, "swallow_screen", patient_id=patient) == []


def _failed(session_for, patient: str) -> None:
    records.save_new(session_for("nurse"), "swallow_screen", {
        "screened_at": "2026-11-28T10:20+01:00", "screened_by": "Hélène Lefèvre", "reason": "stroke",
        "alert_upright": True, "cough_on_request": True, "controls_saliva": True, "teaspoons": "sign",
        "outcome": "fail", "slt_referral": "made", "slt_referred_at": "2026-11-28T10:40+01:00"}, patient_id=patient)


def test_the_patients_tab_says_the_failed_screen_by_the_name(window_for, session_for, patient, listed):
    _failed(session_for, patient)
    window = window_for(session_for("nurse"))
    window.patients.reload_wards()
    panel = listed(window.patients)
    (row,) = [row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == "12"]
    assert panel.model.text(row, 2).endswith(f" — {FAILED_LINE}")
    assert panel.model.is_warning(row, 2)


def test_the_dose_dialog_of_a_medicine_by_mouth_says_the_failed_screen(dose_dialog, session_for, medication_ward):
    """The tablets were prescribed before the screen failed (one written after it asks the prescriber)."""
    patient, amoxicillin, _ = medication_ward
    oral = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Levetiracetam", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    _failed(session_for, patient)
    at = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert FAILED_LINE in dose_dialog(session_for("nurse"), oral, at).order_line.text()
    assert "SWALLOW" not in dose_dialog(session_for("nurse"), amoxicillin, at).order_line.text()


def test_the_slts_outcome_by_mouth_asks_the_textures_and_tablets(window_for, session_for, patient, form_on_bed_12):
    """Once the SLT's assessment is timed, its outcome is asked; by mouth, the food and drink
    levels and the tablets are asked with it, as a pass with advice asks them."""
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, "swallow_screen")
    _before_water(form, cough=False)
    form.editors["outcome"].set_value("fail")
    assert not form.editors["slt_outcome"].widget.isVisible()
    form.editors["slt_assessed_at"].set_value("2026-11-28T12:00+01:00")
    form.editors["slt_assessed_at"].committed.emit()  # the time typed in, as leaving its box does
    assert form.editors["slt_outcome"].widget.isVisible() and not form.editors["food_level"].widget.isVisible()
    form.editors["slt_outcome"].set_value("oral")
    assert all(form.editors[field_id].widget.isVisible() for field_id in ("food_level", "drink_level", "tablets"))


def test_the_dose_dialog_of_a_medicine_by_mouth_says_the_advice_of_a_pass(dose_dialog, session_for, medication_ward):
    """Passed with advice, tablets crushed in puree: the nurse opening a tablet's dose reads how to
    give it, as an SLT's plan says it (review s73)."""
    patient, amoxicillin, _ = medication_ward
    oral = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Levetiracetam", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    records.save_new(session_for("nurse"), "swallow_screen", {
        "screened_at": "2026-11-28T13:00+01:00", "screened_by": "Hélène Lefèvre", "reason": "stroke",
        "alert_upright": True, "cough_on_request": True, "controls_saliva": True, "teaspoons": "no_sign",
        "glass": "no_sign", "outcome": "pass_with_advice", "food_level": "4", "drink_level": "2",
        "tablets": "crushed"}, patient_id=patient)
    at = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert ("Swallow screen passed with advice 13:00: food IDDSI 4 Pureed, drinks IDDSI 2 Mildly thick; "
            "tablets: Crushed in puree") in dose_dialog(session_for("nurse"), oral, at).order_line.text()
    assert "Swallow" not in dose_dialog(session_for("nurse"), amoxicillin, at).order_line.text()


def test_a_stroke_not_yet_screened_is_listed_and_enter_opens_a_new_screen(window_for, session_for, patient,
                                                                          escalation_row):
    """Admitted with a stroke at 09:00, no screen by 14:00: the escalation list says it overdue, and
    Enter on the line opens a new screen for the patient (it opened the latest screen, of which
    there was none)."""
    nurse = session_for("nurse")
    [admission] = records.list_current(nurse.db, "admission", patient_id=patient)
    records.amend(nurse, admission.record_id, {**admission.data, "reason": "? stroke, left arm weakness"}, "typo")
    window = window_for(nurse)
    panel, row = escalation_row(window, "Swallow screen")
    assert panel.charts_model.texts(row)[5:] == (
        "STROKE: SWALLOW NOT YET SCREENED (arrived 09:00)",
        "swallow screen OVERDUE since 13:00 (4 hours after arrival): screen it now; nothing by mouth, medicines "
        "included, until a screen is passed")
    opened = open_from_escalation(window, panel, row)
    assert isinstance(opened, FormView) and opened.spec.id == "swallow_screen" and opened.record is None
    assert opened.patient_id == patient and opened.editors["reason"].value() == "suspected_stroke"

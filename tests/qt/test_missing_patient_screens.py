"""A patient missing from the ward on screen: the nurse in charge records it from the patient's
menu (typing where last seen and the description, ticking "Lacks capacity"), the escalation list
puts the HIGH-risk line first and Enter on it opens the record, for the police told and the
return to be recorded by amending it; the medication round says, by the patient's name, that a
dose due is recorded "A — Patient away from ward", as the dose form's option reads. The tests' clock is 14:00 on 28/11."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import records


def test_missing_recorded_from_the_menu_heads_the_escalation_list_and_opens_from_it(
        window_for, session_for, patient, select_bed, listed, type_text, tmp_path):
    window = window_for(session_for("nurse"))
    window.patients.reload_wards()
    select_bed(window, "12")
    next(action for action in window.findChildren(QAction)
         if action.text().startswith("Patient missing from the ward")).trigger()
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "missing_patient"
    assert "returned_at" not in form.editors or not form.editors["returned_at"].widget.isVisible()
    form.editors["noticed_at"].set_value("2026-11-28T13:30+01:00")
    form.editors["last_seen_at"].set_value("2026-11-28T13:20+01:00")
    type_text(form.editors["last_seen_where"].edit, "day room")
    type_text(form.editors["description"].edit, "Grey hair, blue dressing gown, slippers")
    form.editors["risk_factors"].boxes["lacks_capacity"].click()
    form.editors["risk"].set_value("high")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, "missing_patient", patient_id=patient)
    assert (saved.data["last_seen_where"], saved.data["risk_factors"]) == ("day room", ["lacks_capacity"])
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:] == (
        "Missing from the ward", "MISSING since 13:20 (last seen: day room) — HIGH RISK: police NOT told yet",
        "tell the police now (due 13:45); search the ward and grounds; tell security or the site manager; "
        "tell the doctor; tell the next of kin; record each dose due as “A — Patient away from ward”")
    panel.grab().save(str(tmp_path / "escalation.png"))
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.record.record_id == saved.record_id


def _missing_since_13_20(session_for, patient: str) -> None:
    records.save_new(session_for("nurse"), "missing_patient", {
        "noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00", "last_seen_where": "day room",
        "description": "Grey hair", "risk": "medium"}, patient_id=patient)


def test_the_round_says_the_patient_is_missing_by_their_name(window_for, session_for, medication_ward):
    patient = medication_ward[0]
    _missing_since_13_20(session_for, patient)
    window = window_for(session_for("nurse"))
    panel = window.medication
    panel.refresh()
    rows = [panel.model.texts(row) for row in range(panel.model.rowCount())]
    assert rows and all("MISSING from the ward: record “A — Patient away from ward”" in row[3] for row in rows)
    assert panel.model.is_warning(0, 3)


def test_the_patients_tab_says_the_patient_missing_by_their_name(window_for, session_for, patient, listed):
    records.save_new(session_for("nurse"), "missing_patient", {
        "noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00", "last_seen_where": "day room",
        "description": "Grey hair", "risk": "low", "police_told_at": "2026-11-28T13:50+01:00"}, patient_id=patient)
    window = window_for(session_for("nurse"))
    window.patients.reload_wards()
    panel = listed(window.patients)
    (row,) = [row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == "12"]
    assert panel.model.text(row, 2).endswith(
        " — MISSING since 13:20 (last seen: day room) — low risk: police told 13:50")
    assert panel.model.is_warning(row, 2)


def test_the_dose_dialog_says_the_patient_is_missing_as_it_opens(dose_dialog, session_for, medication_ward):
    """The dialog of the 14:00 amoxicillin opened on "Given" and said nothing of the patient
    missing since 13:20 until Save asked."""
    patient, amoxicillin, _ = medication_ward
    _missing_since_13_20(session_for, patient)
    dialog = dose_dialog(session_for("nurse"), amoxicillin, datetime.fromisoformat("2026-11-28T14:00+01:00"))
    assert "MISSING since 13:20" in dialog.order_line.text()
    assert "record each dose due as “A — Patient away from ward”" in dialog.order_line.text()

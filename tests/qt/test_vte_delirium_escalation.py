"""The Escalation tab's list of other charts says a VTE risk assessment never made and a 4AT
finding possible delirium; the first line opens a new assessment, the second the patient's
observations, where the 4AT is read and done."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.qt.observations_view import ObservationsView
from downtime.services import records, wards


def test_the_nurse_in_charge_sees_vte_not_assessed_and_possible_delirium_and_opens_each(
        window, session_for, admission_values, listed, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = window.session
    never = records.save_new(nurse, "admission", {**admission_values, "bed": "3"}).patient_id
    confused = records.save_new(nurse, "admission", {**admission_values, "bed": "9", "given_names": "Paul",
                                                     "arrival_at": "2026-11-28T13:00+01:00"}).patient_id
    records.save_new(session_for("doctor"), "vte_assessment", {
        "assessed_at": "2026-11-28T13:30+01:00", "mobility": "medical_mobile", "prophylaxis": "not_needed"},
        patient_id=confused)
    clock.advance(hours=11)  # 29/11 01:00: bed 3 in since 10:30, 14 and a half hours
    records.save_new(nurse, "delirium_screening", {"screened_at": "2026-11-28T23:50+01:00", "alertness": "abnormal",
                                                   "amt4": "two_or_more", "attention": "untestable",
                                                   "acute_change": "yes"}, patient_id=confused)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert [panel.charts_model.texts(row)[4:] for row in range(2)] == [
        ("VTE risk", "VTE risk: not assessed yet",
         "VTE RISK NOT ASSESSED since admission on 28/11 10:30: ask the doctor (NICE NG89, within 14 hours)"),
        ("Delirium (4AT)", "4AT 12 28/11 23:50", "POSSIBLE DELIRIUM: tell the doctor, who looks for its cause")]
    panel.charts_table.setFocus()
    panel.charts_table.selectRow(0)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.spec.id == "vte_assessment" and opened.patient_id == never
    window.tabs.setCurrentWidget(panel)
    panel.charts_table.selectRow(1)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    shown = window.tabs.currentWidget()
    assert isinstance(shown, ObservationsView) and shown.patient_id == confused

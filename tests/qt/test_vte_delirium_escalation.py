"""The Escalation tab's list of other charts says a VTE risk assessment never made and a 4AT
finding possible delirium. The first line opens a new assessment for a doctor; a nurse, who could
not save one, is told to ask the doctor, or reads the patient's latest assessment. The second
opens the patient's observations, where the 4AT is read and done, and leaves the list once the
doctor told is recorded on the 4AT."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.qt.observations_view import ObservationsView
from downtime.services import records, wards


def test_the_nurse_in_charge_sees_vte_not_assessed_and_possible_delirium_and_opens_each(
        window, session_for, admission_values, listed, clock, answers):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = window.session
    never = records.save_new(nurse, "admission", {**admission_values, "bed": "3"}).patient_id
    confused = records.save_new(nurse, "admission", {**admission_values, "bed": "9", "given_names": "Paul",
                                                     "arrival_at": "2026-11-28T13:00+01:00"}).patient_id
    records.save_new(session_for("doctor"), "vte_assessment", {
        "assessed_at": "2026-11-28T13:30+01:00", "mobility": "medical_mobile", "prophylaxis": "not_needed"},
        patient_id=confused)
    clock.advance(hours=11)  # 29/11 01:00: bed 3 in since 10:30, 14 and a half hours
    screening = records.save_new(nurse, "delirium_screening", {"screened_at": "2026-11-28T23:50+01:00", "alertness": "abnormal",
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
    assert panel.charts_model.rows[0].patient.patient_id == never
    panel.charts_table.setFocus()
    panel.charts_table.selectRow(0)
    tabs = window.tabs.count()
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    # No blank assessment the nurse could not save: told to ask the doctor, the list still on screen.
    assert window.tabs.count() == tabs and window.tabs.currentWidget() is panel
    assert answers[1] == [("info", "A VTE risk assessment is made and saved by a doctor: ask the doctor to assess "
                                   "this patient.")]
    panel.charts_table.selectRow(1)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    shown = window.tabs.currentWidget()
    assert isinstance(shown, ObservationsView) and shown.patient_id == confused
    records.amend(nurse, screening.record_id, {**screening.data, "doctor_told": "Dr Benali",
                                               "doctor_told_at": "2026-11-29T00:10+01:00"}, "Doctor told")
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert [panel.charts_model.texts(row)[4] for row in range(panel.charts_model.rowCount())] == ["VTE risk"]


ASSESSED = {"assessed_at": "2026-11-28T13:30+01:00", "mobility": "medical_reduced", "thrombosis_risks": ["over_60"],
            "prophylaxis": "pharmacological"}


def test_a_nurse_reads_the_latest_assessment_and_a_doctor_opens_a_new_one_from_the_vte_line(
        window_for, session_for, patient, listed):
    """A medicine decided and not prescribed: the nurse reads the decision (read only, no Save),
    the doctor gets a new assessment to make."""
    doctor = session_for("doctor")
    saved = records.save_new(doctor, "vte_assessment", ASSESSED, patient_id=patient)
    for who in ("nurse", "doctor"):
        window = window_for(session_for(who))
        panel = window.escalation
        window.tabs.setCurrentWidget(panel)
        panel.refresh()
        listed(panel)
        assert [panel.charts_model.texts(row)[4] for row in range(panel.charts_model.rowCount())] == ["VTE risk"]
        panel.charts_table.setFocus()
        panel.charts_table.selectRow(0)
        QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
        opened = window.tabs.currentWidget()
        assert isinstance(opened, FormView) and opened.spec.id == "vte_assessment" and opened.patient_id == patient
        if who == "nurse":
            assert opened.record.record_id == saved.record_id and not opened.editing
            assert not opened.save_button.isVisibleTo(opened)
        else:
            assert opened.record is None and opened.editing and opened.save_button.isVisibleTo(opened)

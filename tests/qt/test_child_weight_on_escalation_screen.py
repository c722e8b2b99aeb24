"""A child's weight estimated on admission on the escalation tab (review s67 F2): the nurse in
charge reads "WEIGH THE CHILD" on the list, in the handover sheet's words, and Enter on the line
opens a new weighing for the child, whose gentamicin is worked out from it. The tests' clock is
14:00 on 28/11."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import records, wards, weight
from tests.test_child_weight_on_the_escalation_list import GENTAMICIN


def test_an_estimated_weight_is_listed_and_enter_opens_a_new_weighing(window, session_for, admission_values, listed,
                                                                       tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    child = records.save_new(window.session, "admission", {
        **admission_values, "given_names": "Noe", "birth_date": "2023-05-02", "nir": None,
        "identity_status": "provisional", "identity_document": None, "weight_kg": 14.0, "weight_method": "estimated",
        "height_cm": None, "arrival_at": "2026-11-28T09:00+01:00", "reason": "Bronchiolitis"}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN, "dose": 98.0}, patient_id=child)
    window.patients.reload_wards()
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount()) if panel.charts_model.texts(row)[4] == "Weight"]
    assert panel.charts_model.texts(row)[5:] == (
        "14 kg ESTIMATED on admission (28/11/2026), not weighed",
        "WEIGH THE CHILD: 14 kg ESTIMATED on admission (28/11/2026), not weighed (their doses are worked out from it)")
    panel.grab().save(str(tmp_path / "weight_escalation.png"))
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.spec.id == weight.FORM and opened.record is None
    assert opened.patient_id == child

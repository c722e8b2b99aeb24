"""A nasogastric tube charted out, none in since, on the escalation tab (review s68 N2): the
nurse in charge reads it among the urgent lines, whole, with the next dose by NG, and Enter on it
opens the patient's line and catheter tab, where a tube re-passed is charted. The tests' clock is
14:00 on 28/11."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.devices_view import DevicesView
from downtime.services import devices, records, wards
from tests.test_ng_position_at_use import PULLED_OUT, TUBE
from tests.test_ng_tube_out_said import LANSOPRAZOLE, SAID


def test_a_tube_out_is_listed_first_and_enter_opens_the_line_chart(window, session_for, admission_values, listed,
                                                                    shown_whole, tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    records.save_new(session_for("doctor"), "medication_order", LANSOPRAZOLE, patient_id=patient)
    records.save_new(window.session, devices.FORM, {**TUBE, "position_by": "ph", "ph": 4.5}, patient_id=patient)
    records.save_new(window.session, devices.FORM, PULLED_OUT, patient_id=patient)
    window.patients.reload_wards()
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:] == (
        "Line or catheter", "Nasogastric tube, Left nostril, Ch 12: Leaking, blocked or pulled out at 28/11 11:00", SAID)
    assert shown_whole(panel.charts_table, 0, 6)
    panel.grab().save(str(tmp_path / "ng_tube_out_escalation.png"))
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, DevicesView) and opened.patient_id == patient

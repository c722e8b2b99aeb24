"""The Escalation tab's third list: the ward's patients whose neuro obs or blood glucose ask
something now, read with the rest, each line opening that chart."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.glucose_view import GlucoseView
from downtime.qt.neuro_view import NeuroView
from downtime.services import chart_alerts, records, wards
from downtime.services.census import in_patients
from tests.test_neuro import SET


def test_the_nurse_in_charge_sees_a_hypo_and_an_overdue_neuro_set_and_opens_each_chart(
        window, session_for, admission_values, listed, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = window.session
    injured = records.save_new(nurse, "admission", {**admission_values, "bed": "3"}).patient_id
    diabetic = records.save_new(nurse, "admission", {**admission_values, "bed": "9", "given_names": "Paul"}).patient_id
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=injured)
    records.save_new(nurse, "blood_glucose", {"taken_at": "2026-11-28T13:55+01:00", "reading": "value",
                                              "glucose": 3.4, "glucose_unit": "mmol_l", "next_in": "60"},
                     patient_id=diabetic)
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_patients(nurse.db, nurse.forms, "3B", nurse.clock()), nurse.clock(), "en",
                                ward="3B")
    assert [(alert.patient.bed, alert.said) for alert in found.alerts] == [
        ("3", ["NEXT SET OVERDUE since 28/11 14:00"]),
        ("9", ["HYPO (below 4 mmol/L, 0.72 g/L, 72 mg/dL): treat now as the hypoglycaemia protocol says; recheck within 15 minutes"])]
    assert f"{found.next_due:%H:%M}" == "14:10"  # the hypo's recheck: the list is read again then
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_count.text() == "Other charts and laboratory results asking now: 2 patient(s)"
    assert panel.charts_model.texts(0)[4:6] == ("Neuro obs (GCS)", "GCS 13 (E3 V4 M6) 28/11 13:00")
    panel.charts_table.setFocus()
    panel.charts_table.selectRow(0)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert isinstance(window.tabs.currentWidget(), NeuroView) and window.tabs.currentWidget().patient_id == injured
    window.tabs.setCurrentWidget(panel)
    panel.charts_table.selectRow(1)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert isinstance(window.tabs.currentWidget(), GlucoseView) and window.tabs.currentWidget().patient_id == diabetic

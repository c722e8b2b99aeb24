"""The Escalation tab's third list: the ward's patients whose neuro obs or blood glucose ask
something now, read with the rest, each line opening that chart."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.glucose_view import GlucoseView
from downtime.qt.neuro_view import NeuroView
from downtime.qt.style import warning_colour
from downtime.services import chart_alerts, records, wards
from downtime.services.census import bed_order, in_patients
from tests.test_neuro import SET
from tests.test_safeguarding_concern import RAISED


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
    assert [(alert.patient.bed, alert.said) for alert in found.alerts] == [  # the hypo to treat now first (R2 #5)
        ("9", ["HYPO (below 4 mmol/L, 0.72 g/L, 72 mg/dL): treat now as the hypoglycaemia protocol says; recheck within 15 minutes"]),
        ("3", ["NEXT SET OVERDUE since 28/11 14:00"])]
    assert f"{found.next_due:%H:%M}" == "14:10"  # the hypo's recheck: the list is read again then
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_count.text() == "Other charts and laboratory results asking now: 2 patient(s)"
    assert panel.charts_model.texts(1)[4:6] == ("Neuro obs (GCS)", "GCS 13 (E3 V4 M6) 28/11 13:00")
    panel.charts_table.setFocus()
    panel.charts_table.selectRow(1)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert isinstance(window.tabs.currentWidget(), NeuroView) and window.tabs.currentWidget().patient_id == injured
    window.tabs.setCurrentWidget(panel)
    panel.charts_table.selectRow(0)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert isinstance(window.tabs.currentWidget(), GlucoseView) and window.tabs.currentWidget().patient_id == diabetic


def test_the_lines_asking_for_a_doctor_now_come_first_then_the_others_by_bed(full_ward, qtbot, listed, answers):
    """A full ward's 20-odd chart alerts, four or five in sight, were listed by bed: an
    anticoagulated patient's possible head injury ("tell the doctor now (CT head within 8 hours)")
    and a critical blood culture no doctor was told of came after a cannula's check, a catheter no
    longer needed and a change of position overdue. What needs a doctor now comes first, then the
    rest, each in bed order."""
    from downtime.qt.main_window import MainWindow
    from downtime.qt.observations_view import ChartAlertModel

    nurse, _ = full_ward
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.escalation)
    model = listed(window.escalation).charts_model
    asks = [model.text(row, ChartAlertModel.ASKS) for row in range(model.rowCount())]
    now = [row for row, said in enumerate(asks) if "doctor now" in said or "tell one now" in said]
    assert len(now) >= 3 and now == list(range(len(now))), f"lines asking for a doctor now at rows {now}"
    for group in (now, range(len(now), len(asks))):
        beds = [bed_order(model.rows[row].patient.bed) for row in group]
        assert beds == sorted(beds)
    assert any("HEAD INJURY" in said for said in asks[:len(now)])
    assert any("CRITICAL RESULT" in said for said in asks[:len(now)])


def test_only_what_is_to_be_done_now_reads_in_red(window, session_for, admission_values, listed):
    """A hypo to treat now beside a safeguarding referral due by Monday: with every line's "What
    it asks now" in red, the one to act on at once did not stand out."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = window.session
    diabetic = records.save_new(nurse, "admission", {**admission_values, "bed": "9", "given_names": "Paul"}).patient_id
    bruised = records.save_new(nurse, "admission", {**admission_values, "bed": "3"}).patient_id
    records.save_new(nurse, "blood_glucose", {"taken_at": "2026-11-28T13:55+01:00", "reading": "value",
                                              "glucose": 3.4, "glucose_unit": "mmol_l", "next_in": "60"},
                     patient_id=diabetic)
    records.save_new(nurse, "safeguarding_concern", {**RAISED, "raised_at": "2026-11-28T13:50+01:00"}, patient_id=bruised)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    model = panel.charts_model
    shown = {model.texts(row)[4]: model.data(model.index(row, model.ASKS), Qt.ItemDataRole.ForegroundRole)
             for row in range(model.rowCount())}
    assert shown == {"Blood glucose": warning_colour(), "Safeguarding": None}
    assert all(model.data(model.index(row, model.LATEST), Qt.ItemDataRole.ForegroundRole) is None
               for row in range(model.rowCount()))

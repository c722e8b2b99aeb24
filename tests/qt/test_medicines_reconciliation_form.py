"""The prescriber's medicines reconciliation on screen: the admission's list copied, one row a
medicine to decide; a row left without its reason for a hold is refused naming the field, and the
record saved holds each decision, which clears the held medicine from the ward's line."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import census, home_medicines, reconciliation, records, wards

USUAL = "Apixaban 5 mg bd\nRamipril 10 mg od"


def test_the_prescriber_decides_each_copied_line_and_the_held_one_leaves_the_ward_line(
        qtbot, session_for, admission_values, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", "usual_medicines": USUAL}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    doctor = session_for("doctor")
    view = FormView(doctor, doctor.form(reconciliation.FORM), patient_id=patient)
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.editors["reconciled_at"].now_button.click()
    view.editors["sources"].set_raw(["patient", "gp_letter"])
    rows = view.editors["decisions"].rows
    assert [row.editors[0].raw() for row in rows] == ["Apixaban 5 mg bd", "Ramipril 10 mg od"]
    held, continued = (row.editors[1].combo for row in rows)
    held.setCurrentIndex(held.findText("Held"))
    continued.setCurrentIndex(continued.findText("Continued"))
    view.save()
    assert view.record is None and "“Why” is required" in view.summary.text()
    reason = rows[0].editors[2].edit
    reason.setFocus()
    QTest.keyClicks(reason, "Hb 78, melaena")
    QTest.keyClick(reason, Qt.Key.Key_Tab)
    view.save()
    assert view.record is not None, view.summary.text()
    saved = records.current(doctor.db, view.record.record_id).data
    assert saved["home_list"] == USUAL and saved["reconciled_as"] == "prescriber"
    assert saved["decisions"] == [{"medicine": "Apixaban 5 mg bd", "decision": "held", "reason": "Hb 78, melaena"},
                                  {"medicine": "Ramipril 10 mg od", "decision": "continued"}]
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    inside = [row.patient for row in census.census(doctor.db, doctor.forms, ward="3B", at=clock.now) if row.patient]
    assert "NICE NG5): Ramipril 10 mg od: prescriber" in home_medicines.handover(doctor.db, inside, clock.now, "en")[
        patient]

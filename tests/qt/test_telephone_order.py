"""A telephone order as the ward takes it: the night nurse writes it from the patient list, the
chart flags it, and the doctor countersigns it from the chart the next morning."""

from PySide6.QtCore import Qt

from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.main_window import MainWindow
from downtime.qt.mar_view import MarView
from downtime.qt.telephone_orders_dialog import TelephoneOrdersDialog
from downtime.services import medication, records


def _row_of(mar, drug: str) -> int:
    return next(line for line, (row, _) in enumerate(mar.model.rows) if row.order.drug == drug)


def test_the_night_nurse_writes_it_and_the_doctor_countersigns_it_from_the_chart(
        qtbot, session_for, medication_ward, select_bed, type_text, answers, clock):
    patient, _, _ = medication_ward
    script, asked = answers
    nurse_window = MainWindow(session_for("nurse"))
    qtbot.addWidget(nurse_window)
    select_bed(nurse_window, "12")
    nurse_window.actions_by_id["record_medication_order"].trigger()
    view = nurse_window.tabs.currentWidget()
    assert view.editors["telephone_order"].value() is True and view.editors["read_back"].widget.isVisibleTo(view)
    assert view.editors["countersigned"].value() is False
    for field_id, value in {"dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "once",
                            "start_at": "2026-11-28T14:00+01:00", "controlled": False, "high_alert": False}.items():
        view.editors[field_id].set_value(value)
    type_text(view.editors["drug"].widget, "Paracetamol")
    type_text(view.editors["prescriber"].widget, "Dr Hugo Bernard")
    view.save()
    assert view.record is None and "Read back to the prescriber" in view.summary.text()
    view.editors["read_back"].set_value(True)
    view.save()
    assert view.record is not None and view.record.author == "nurse", view.summary.text()
    assert "Countersigned by a doctor: No" in records.record_label(
        view.session, view.record)

    nurse_mar = nurse_window.open_mar_of(patient)
    line = _row_of(nurse_mar, "Paracetamol")
    assert "[TELEPHONE ORDER — to countersign]" in nurse_mar.model.texts(line)[0]
    assert nurse_mar.countersign_button.isHidden()
    dialog = DoseDialog(nurse_window.session, medication.order(nurse_window.session.db, view.record.record_id), None)
    qtbot.addWidget(dialog)
    assert "TELEPHONE\u00a0ORDER:\u00a0not\u00a0countersigned\u00a0yet" in dialog.order_line.text()

    clock.advance(hours=8)
    doctor_window = MainWindow(session_for("doctor"))
    qtbot.addWidget(doctor_window)
    mar = doctor_window.open_mar_of(patient)
    assert not mar.countersign_button.isHidden()
    mar.table.setCurrentIndex(mar.model.index(_row_of(mar, "Amoxicillin"), 0))
    qtbot.mouseClick(mar.countersign_button, Qt.MouseButton.LeftButton)
    assert asked[-1][0] == "error" and "Choose the row of a telephone order" in asked[-1][1]
    mar.table.setCurrentIndex(mar.model.index(_row_of(mar, "Paracetamol"), 0))
    qtbot.mouseClick(mar.countersign_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == ("confirm", "Countersign the telephone order")
    signed = records.current(doctor_window.session.db, view.record.record_id)
    assert (signed.version, signed.author, signed.data["countersigned"]) == (2, "doctor", True)
    assert "TELEPHONE" not in mar.model.texts(_row_of(mar, "Paracetamol"))[0]
    assert medication.order(mar.session.db, signed.record_id).awaiting_since is None


def test_the_wards_list_gives_each_one_opens_its_chart_and_lets_a_doctor_countersign_it(
        qtbot, session_for, medication_ward, answers, clock):
    patient, _, _ = medication_ward
    script, asked = answers
    taken = records.save_new(session_for("nurse"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "once",
        "start_at": "2026-11-28T14:00+01:00", "controlled": False, "high_alert": False, "telephone_order": True,
        "read_back": True, "prescriber": "Dr Hugo Bernard"}, patient_id=patient)
    nurse_window = MainWindow(session_for("nurse"))
    qtbot.addWidget(nurse_window)
    nurse_window.actions_by_id["telephone_orders"].trigger()
    dialog = nurse_window.findChild(TelephoneOrdersDialog)
    assert dialog.countersign_button.isHidden() and dialog.model.rowCount() == 1
    assert [dialog.model.text(0, column) for column in (0, 3, 4, 5)] == [
        "3B / 12", "Dr Hugo Bernard", "28/11/2026 14:00", "Hélène Lefèvre (nurse)"]
    assert dialog.model.text(0, 2).startswith("Paracetamol 1 g PO, once, at 28/11/2026 14:00")
    assert not dialog.model.is_warning(0, 4)
    clock.advance(hours=24)
    dialog.refresh()
    assert dialog.model.text(0, 4) == "28/11/2026 14:00 — OVER 24 H" and dialog.model.is_warning(0, 4)
    qtbot.mouseClick(dialog.chart_button, Qt.MouseButton.LeftButton)
    assert isinstance(nurse_window.tabs.currentWidget(), MarView)
    assert nurse_window.tabs.currentWidget().patient_id == patient

    doctor_window = MainWindow(session_for("doctor"))
    qtbot.addWidget(doctor_window)
    doctor_window.actions_by_id["telephone_orders"].trigger()
    dialog = doctor_window.findChild(TelephoneOrdersDialog)
    qtbot.mouseClick(dialog.countersign_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == ("confirm", "Countersign the telephone order")
    assert records.current(doctor_window.session.db, taken.record_id).data["countersigned"] is True
    assert dialog.model.rowCount() == 0 and not dialog.none.isHidden() and not dialog.countersign_button.isEnabled()

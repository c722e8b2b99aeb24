"""The surgical safety checklist is typed in from the Record menu of the patient chosen, or from
the theatre board's operation chosen."""

from PySide6.QtCore import Qt

from downtime.qt.form_view import FormView
from downtime.qt.main_window import MainWindow
from downtime.services import records, theatre, wards


def test_the_nurse_opens_the_checklist_of_the_patient_chosen_from_the_record_menu(window, session_for,
                                                                                 admission_values, select_bed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    window.patients.reload_wards()
    select_bed(window, "12")
    window.actions_by_id["record_surgical_safety_checklist"].trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, FormView) and view.spec.id == "surgical_safety_checklist"
    assert view.patient_id == patient and view.title.startswith("Surgical safety checklist")


def _hip_on_the_board(qtbot, session_for, admission_values, listed):
    """A nurse's window on the theatre tab, today's right hip replacement chosen on the board:
    (window, patient id, booking)."""
    coord, nurse = session_for("coord"), session_for("nurse")
    listed_session = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T08:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booked = theatre.book(coord, patient, {
        "procedure": "Total hip replacement", "laterality": "right", "priority": "elective",
        "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
        "session": listed_session, "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 120})
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.theatre)
    listed(window.theatre)
    window.theatre.day_table.setFocus()
    window.theatre.day_table.selectRow(0)
    return window, patient, booked


def _checklist_of(window, patient, booked):
    view = window.tabs.currentWidget()
    assert isinstance(view, FormView) and view.spec.id == "surgical_safety_checklist" and view.patient_id == patient
    assert view.editors["booking"].raw() == booked.record_id
    assert "Total hip replacement" in view.editors["booking"].combo.currentText()


def test_opened_from_the_theatre_tab_the_checklist_names_the_operation_chosen_there(qtbot, session_for,
                                                                                  admission_values, listed):
    """The checklist's booking is set by the screen that opens it: from the Patients tab it has
    none to name; from the theatre board, the operation chosen, read as the board reads it."""
    window, patient, booked = _hip_on_the_board(qtbot, session_for, admission_values, listed)
    window.actions_by_id["record_surgical_safety_checklist"].trigger()
    _checklist_of(window, patient, booked)


def test_the_theatre_tabs_checklist_button_opens_it_for_the_operation_chosen(qtbot, session_for, admission_values,
                                                                             listed):
    """The Record menu was the only way to it, from a tab about operations; a coordinator, who
    may not write one, is offered no button."""
    window, patient, booked = _hip_on_the_board(qtbot, session_for, admission_values, listed)
    qtbot.mouseClick(window.theatre.checklist_button, Qt.MouseButton.LeftButton)
    _checklist_of(window, patient, booked)
    coordinator = MainWindow(session_for("coord"))
    qtbot.addWidget(coordinator)
    assert coordinator.theatre.checklist_button.isHidden() and not coordinator.theatre.cancel_button.isHidden()

"""Screens that list a field's choices themselves (the dose dialog's reasons not given, the
theatre panel's dialogs) offer no option the form has retired: listed, it would be chosen and then
refused at saving."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.theatre_panel import CancelDialog
from downtime.services import medication, records, staff, theatre
from downtime.services.context import Session, Vault, load_device
from tests.conftest import STAFF
from tests.test_retired_options_offered import retiring


def test_a_dose_not_given_is_not_offered_a_reason_the_form_retired(
        ward_db, db_path, clock, medication_ward, tmp_path, qtbot):
    _, amoxicillin, _ = medication_ward
    forms = retiring(tmp_path, "medication_administration", "patient_away")
    nurse = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "nurse", STAFF["nurse"][2], clock),
                    forms, clock, "en", vault=Vault(db_path, ward_db))
    dialog = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    QTest.keyClick(dialog.outcome, Qt.Key.Key_End)
    assert dialog.outcome.currentText() == "Not given" and dialog.reason.isVisibleTo(dialog)
    reasons = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
    assert "R — Refused" in reasons and "N — Drug not available" in reasons
    assert "A — Patient away from ward" not in reasons


def test_a_cancellation_is_not_offered_a_reason_the_form_retired(
        ward_db, db_path, clock, session_for, admission_values, tmp_path, qtbot):
    """The theatre panel's dialogs list their choices themselves (blank first)."""
    coord = session_for("coord")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    theatre.book(coord, patient, {"procedure": "Total hip replacement", "laterality": "right",
                                  "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
                                  "surgeon": "Dr Roux", "anaesthetist": "Dr Klein", "session": session_id,
                                  "planned_start": "2026-11-30T09:00+01:00", "expected_minutes": 120})
    forms = retiring(tmp_path, "operation_cancellation", "information_system")
    later = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "coord", STAFF["coord"][2], clock),
                    forms, clock, "en", vault=Vault(db_path, ward_db))
    (state,) = theatre.bookings(later.db, later.forms)
    dialog = CancelDialog(later, state)
    qtbot.addWidget(dialog)
    reasons = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
    assert reasons[:2] == ["", "No ward bed"]
    assert "Information-system outage" not in reasons and "information_system" not in dialog.reason_codes

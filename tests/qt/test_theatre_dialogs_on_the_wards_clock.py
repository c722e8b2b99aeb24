"""The theatre dialogs' heading says the operation's slot on the ward's clock, as the day's list
does: booked at 08:00 on a laptop set to UTC, merged here, the Cancel dialog read "theatre T1,
30/11/2026 07:00", a slot the list has no line at."""

from PySide6.QtWidgets import QLabel

from downtime.qt.theatre_panel import CancelDialog
from downtime.services import records, theatre


def test_the_cancel_dialog_names_the_slot_on_the_wards_clock(session_for, admission_values, qtbot):
    coord = session_for("coord")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    theatre.book(coord, patient, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "session": session_id,
        "planned_start": "2026-11-30T07:00+00:00", "expected_minutes": 60})
    (state,) = theatre.bookings(coord.db, coord.forms)
    dialog = CancelDialog(coord, state)
    qtbot.addWidget(dialog)
    assert any("Hernia repair — theatre T1, 30/11/2026 08:00" in label.text() for label in dialog.findChildren(QLabel))

"""The Cancel dialog records the date its heading showed (operation_cancellation version 3): left
open while the operation was cancelled and moved to another date (an import, another
coordinator), it cancelled the new date unseen; it is refused, naming the date, instead."""

from downtime.qt.theatre_panel import CancelDialog
from downtime.services import records, theatre

OUTAGE = {"cancelled_at": "2026-11-28T12:00+01:00", "reason": "information_system", "last_minute": True,
          "patient_told": "in_person"}


def test_the_dialog_cancels_the_date_it_showed_and_no_other(session_for, admission_values, qtbot):
    coord = session_for("coord")
    sessions = [records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id for name, day in (("T1", "2026-11-30"), ("T2", "2026-12-02"))]
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    booking = theatre.book(coord, patient, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "session": sessions[0],
        "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 60}).record_id
    (state,) = theatre.bookings(coord.db, coord.forms)
    dialog = CancelDialog(coord, state)
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("information_system"))
    dialog.told.setCurrentIndex(dialog.told_codes.index("in_person"))
    dialog.last_minute.setCurrentIndex(2)
    theatre.cancel(coord, booking, OUTAGE)
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": sessions[1],
                                    "planned_start": "2026-12-02T08:00+01:00", "decided_at": "2026-11-28T13:00+01:00",
                                    "patient_told": "in_person", "told_at": "2026-11-28T13:05+01:00"})
    assert dialog.save() is None
    assert dialog.error.text().startswith("Since this cancellation was opened, the operation has moved: the date "
                                          "standing is 02/12/2026 08:00, not the date it cancels, 30/11/2026 08:00")
    assert theatre.booking_facts(coord.db, booking).status is theatre.BookingStatus.REBOOKED
    (state,) = theatre.bookings(coord.db, coord.forms)
    again = CancelDialog(coord, state)
    qtbot.addWidget(again)
    again.reason.setCurrentIndex(again.reason_codes.index("surgeon_unavailable"))
    again.told.setCurrentIndex(again.told_codes.index("phone"))
    again.last_minute.setCurrentIndex(1)
    saved = again.save()
    assert saved is not None, again.error.text()
    assert saved.data["slot_start"] == "2026-12-02T08:00+01:00" and saved.data["rebooking"] == state.placed_by.record_id

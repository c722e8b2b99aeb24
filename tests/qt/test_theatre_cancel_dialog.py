"""The Cancel dialog's "Last minute" answer on the operation's own day, and whom to ring once a
cancellation told by a letter that cannot arrive in time is saved."""

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtTest import QTest

from downtime.qt.main_window import MainWindow
from downtime.qt.theatre_panel import STATUS, CancelDialog
from downtime.services import records, theatre


@pytest.fixture
def monday(session_for, admission_values, send_home):
    """The coordinator's session, with a hip replacement booked at 09:00 on Monday 30/11 for a
    patient gone home with a telephone; the clock reads Saturday 28/11 14:00."""
    coord = session_for("coord")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values, "phone": "01 23 45 67 89"}
                               ).patient_id
    send_home(patient)
    theatre.book(coord, patient, {"procedure": "Total hip replacement", "laterality": "right",
                                  "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
                                  "surgeon": "Dr Roux", "anaesthetist": "Dr Klein", "session": session_id,
                                  "planned_start": "2026-11-30T09:00+01:00", "expected_minutes": 120})
    return coord


def _dialog(qtbot, coord) -> CancelDialog:
    (state,) = theatre.bookings(coord.db, coord.forms)
    dialog = CancelDialog(coord, state)
    qtbot.addWidget(dialog)
    return dialog


def _type_time(dialog: CancelDialog, text: str) -> None:
    dialog.cancelled_at.edit.selectAll()
    QTest.keyClicks(dialog.cancelled_at.edit, text)


def test_last_minute_starts_at_yes_on_the_operations_own_day(monday, qtbot, clock):
    """Cancelled at 07:30 on the operation's day, "Last minute" was blank and "No" refused on
    saving: it starts at Yes, and the cancellation saves as it stands."""
    clock.now = datetime.fromisoformat("2026-11-30T07:30+01:00")
    dialog = _dialog(qtbot, monday)
    assert dialog.last_minute.currentText() == "Yes"
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("information_system"))
    dialog.told.setCurrentIndex(dialog.told_codes.index("phone"))
    saved = dialog.save()
    assert saved is not None and saved.data["last_minute"] is True


def test_last_minute_follows_the_time_typed_and_keeps_the_coordinators_answer(monday, qtbot, clock):
    """Another day is the coordinator's to answer: blank to start with, Yes once the time typed
    falls on the operation's day, blank again when it leaves it; an answer chosen stays."""
    dialog = _dialog(qtbot, monday)
    assert dialog.last_minute.currentText() == ""
    clock.now = datetime.fromisoformat("2026-11-30T07:30+01:00")
    _type_time(dialog, "30/11/2026 06:45")
    assert dialog.last_minute.currentText() == "Yes"
    _type_time(dialog, "29/11/2026 18:00")
    assert dialog.last_minute.currentText() == ""
    QTest.keyClicks(dialog.last_minute, "N")
    assert dialog.last_minute.currentText() == "No"
    _type_time(dialog, "28/11/2026 16:00")
    assert dialog.last_minute.currentText() == "No"


@pytest.mark.parametrize(("told", "ring"), [("letter", True), ("in_person", False)])
def test_a_cancellation_told_by_a_late_letter_says_to_ring(monday, qtbot, listed, told, ring):
    """Told "by letter" on Saturday of Monday's cancellation, the board said the letter may not
    arrive, and the line over it said nothing: it says to ring, as for a patient not yet told."""
    window = MainWindow(monday)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.theatre)
    panel = listed(window.theatre)
    panel.day.setDate(QDate(2026, 11, 30))
    listed(panel)
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    QTest.keyClicks(dialog.reason, "Sur")
    QTest.keyClicks(dialog.last_minute, "N")
    dialog.told.setCurrentIndex(dialog.told_codes.index(told))
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    listed(panel)
    assert ("letter may not arrive: ring" in panel.day_model.text(0, STATUS)) is ring
    assert panel.to_tell.isVisibleTo(window) is ring
    if ring:
        assert panel.to_tell.text().startswith("Ring 01 23 45 67 89 to tell ")
        # Chosen on the board again later, its line says to ring again.
        panel.to_tell.hide()
        panel.day_table.setCurrentIndex(QModelIndex())
        QTest.keyClick(panel.day_table, Qt.Key.Key_Down)
        assert panel.to_tell.isVisibleTo(window)

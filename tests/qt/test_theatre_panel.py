"""A coordinator cancels a booking and rebooks it from a suggested slot with the keyboard."""

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QStyle

from downtime.qt.main_window import MainWindow
from downtime.qt.prompts import Prompts
from downtime.qt.theatre_panel import (
    CANCELLED, PATIENT, PROCEDURE, REBOOK_BY, SCREEN_MARGIN, SIDE, STATUS, CancelDialog,
)
from downtime.services import records, theatre, wards
from downtime.sync.importing import import_path
from tests.conftest import death_answers


@pytest.fixture
def coordinator(qtbot, session_for, admission_values, answers, listed):
    nurse, coord = session_for("nurse"), session_for("coord")
    session_ids = [records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id
        for name, day in (("T1", "2026-11-28"), ("T2", "2026-11-30"))]
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    theatre.book(coord, patient, {"procedure": "Total hip replacement", "laterality": "right",
                                  "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
                                  "surgeon": "Dr Roux", "anaesthetist": "Dr Klein", "session": session_ids[0],
                                  "planned_start": "2026-11-28T09:00+01:00",
                                  "expected_minutes": 120})
    window = MainWindow(coord)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.theatre)
    listed(window.theatre)
    return window, session_ids


def test_cancel_then_rebook_from_a_suggested_slot_by_keyboard(coordinator, qtbot, monkeypatch, listed):
    window, session_ids = coordinator
    panel = window.theatre
    real, boards = theatre.board, []
    monkeypatch.setattr(theatre, "board", lambda *args: (boards.append(args), real(*args))[1])
    assert panel.day_model.text(0, STATUS) == "booked — OUTCOME NOT RECORDED" and panel.day_model.text(0, SIDE) == "RIGHT"
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    assert "Reason" in dialog.error.text() and panel.day_model.text(0, STATUS) == "booked — OUTCOME NOT RECORDED"
    QTest.keyClicks(dialog.reason, "Inf")
    assert dialog.reason.currentText() == "Information-system outage"
    QTest.keyClicks(dialog.last_minute, "Y")
    QTest.keyClicks(dialog.told, "In")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "CANCELLED"
    assert len(boards) == 1, "the board is read once after the cancellation is saved"
    assert panel.day_model.data(panel.day_model.index(0, 3), Qt.ItemDataRole.FontRole).strikeOut()
    assert panel.waiting_model.rowCount() == 1
    panel.waiting_table.setFocus()
    panel.waiting_table.selectRow(0)
    QTest.keyClick(panel.waiting_table, Qt.Key.Key_Return)
    rebook = panel.dialog
    qtbot.waitActive(rebook)
    assert rebook.slot_list.currentItem().text().startswith("Mon 30/11 08:00 — theatre T2")
    QTest.keyClick(rebook.slot_list, Qt.Key.Key_Return)
    listed(panel)
    assert panel.waiting_model.rowCount() == 0
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.REBOOKED and state.session_id == session_ids[1]


def test_the_boards_dialogs_closed_are_not_kept(coordinator, qtbot, listed, escaped):
    """Each operation's dialog stayed, hidden, a child of the board for the rest of the session:
    once closed it is deleted, and the board holds none."""
    window, _ = coordinator
    panel = window.theatre
    escaped([lambda: _first_lines_dialog(panel, qtbot)] * 2)
    assert panel.findChildren(CancelDialog) == [] and panel.dialog is None


def test_stepping_through_days_shows_each_day_without_reading_the_rescheduling_list_again(coordinator, qtbot,
                                                                                           monkeypatch, listed):
    from PySide6.QtCore import QDate

    window, _ = coordinator
    panel = window.theatre
    read: list[bool] = []
    whole = theatre.rescheduling
    monkeypatch.setattr(theatre, "rescheduling", lambda *args: read.append(True) or whole(*args))
    panel.day.setDate(QDate(2026, 11, 28))
    assert panel.day_model.rowCount() == 1
    panel.day.setFocus()
    QTest.keyClick(panel.day, Qt.Key.Key_Up)
    listed(panel)
    assert panel.selected_day().isoformat() == "2026-11-29" and panel.day_model.rowCount() == 0
    QTest.keyClick(panel.day, Qt.Key.Key_Down)
    listed(panel)
    assert panel.day_model.rowCount() == 1 and read == []


def test_the_board_is_read_on_a_thread_of_its_own_and_never_shows_another_days_operations(coordinator, qtbot,
                                                                                           monkeypatch, listed):
    """At a records office the day's board (every laptop's bookings merged, their clashes compared
    pair by pair) held the window a quarter of a second at each day stepped through and each
    save. It is read on a thread of its own, "Reading…" said while it takes; the day just
    chosen never shows the operations of the day before meanwhile."""
    window, _ = coordinator
    panel = listed(window.theatre)
    assert panel.day_model.rowCount() == 1
    on_gui_thread, release = [], threading.Event()
    real = theatre.day_list

    def day_list(*args, **kwargs):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(theatre, "day_list", day_list)
    panel.day.setFocus()
    QTest.keyClick(panel.day, Qt.Key.Key_Up)
    assert panel.selected_day().isoformat() == "2026-11-29" and panel.day_model.rowCount() == 0
    qtbot.waitUntil(lambda: "Reading" in panel.reading.text(), timeout=30_000)
    QTest.keyClick(panel.day, Qt.Key.Key_Down)
    release.set()
    listed(panel)
    assert panel.day_model.rowCount() == 1 and panel.reading.text() == ""
    panel.refresh()
    listed(panel)
    assert on_gui_thread and not any(on_gui_thread)


def test_each_operations_status_is_on_screen_without_scrolling(coordinator, qtbot, listed):
    """Status came last, after ten columns: on a laptop's screen in French (or a window not
    full width) CANCELLED, "CLASH, move one" and "PATIENT DIED: cancel" lay beyond the board's
    right edge. It comes after the time, its words whole up to the first clash at least, the
    rest in its tooltip."""
    window, _ = coordinator
    window.resize(1000, 700)
    panel = listed(window.theatre)
    table, model = panel.day_table, panel.day_model
    assert model.columns[STATUS] == "Status" and model.text(0, STATUS) == "booked — OUTCOME NOT RECORDED"
    shown = table.visualRect(model.index(0, STATUS))
    assert 0 <= shown.left() and shown.right() <= table.viewport().width()
    assert model.data(model.index(0, STATUS), Qt.ItemDataRole.ToolTipRole) == "booked — OUTCOME NOT RECORDED"


def test_the_board_shows_each_bookings_notes(coordinator, listed):
    """"Latex allergy", "diabetic: first on the list": typed on the booking for the order of the
    list, and shown nowhere on the board the coordinator orders it from."""
    window, _ = coordinator
    coord, panel = window.session, window.theatre
    (state,) = theatre.bookings(coord.db, coord.forms)
    records.amend(coord, state.record.record_id, {**state.record.data, "notes": "LATEX ALLERGY"}, "told by the ward")
    panel.refresh()
    listed(panel)
    model = panel.day_model
    assert model.columns[-1] == "Notes" and model.text(0, len(model.columns) - 1) == "LATEX ALLERGY"


@pytest.mark.parametrize("table", ["day_table", "waiting_table"])
def test_a_patient_action_on_the_theatre_tab_is_for_the_operation_chosen_there(coordinator, session_for, admission_values,
                                                                              select_bed, listed, table):
    """Another patient was chosen on the Patients tab earlier; on the theatre tab, with Mrs
    Lefèvre's operation chosen, "Record for selected patient ▸ Operation booking" (her other
    knee) opened a booking for the patient out of sight: the wrong patient's operation."""
    window, _ = coordinator
    (booked,) = theatre.bookings(window.session.db, window.session.forms)
    records.save_new(session_for("nurse"), "admission", {**admission_values, "birth_name": "Durand", "used_name": "",
                                                        "nir": None, "bed": "13"})
    window.patients.refresh()
    select_bed(window, "13")
    window.tabs.setCurrentWidget(window.theatre)
    panel = window.theatre
    if table == "waiting_table":
        panel = _first_operation_cancelled(window, listed)
    getattr(panel, table).setFocus()
    getattr(panel, table).selectRow(0)
    window.actions_by_id["record_operation_booking"].trigger()
    form = window.tabs.currentWidget()
    assert form.patient().patient_id == booked.record.patient_id


def test_the_operation_cancelled_stays_chosen_on_the_board_read_again(coordinator, qtbot, session_for,
                                                                       admission_values, listed):
    """The board is read again after a cancellation: it lost its chosen line, so the coordinator
    working through the outage's cancellations lost her place, and Enter or Patient's letter did
    nothing until a line was chosen again."""
    window, session_ids = coordinator
    coord, panel = window.session, window.theatre
    other = records.save_new(session_for("nurse"), "admission", {**admission_values, "bed": "13",
                                                                  "birth_name": "Roux"}).patient_id
    theatre.book(coord, other, {"procedure": "Hernia repair", "laterality": "left", "priority": "elective",
                                "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr Haddad",
                                "anaesthetist": "Dr Sato", "session": session_ids[0],
                                "planned_start": "2026-11-28T11:30+01:00", "expected_minutes": 60})
    panel.refresh()
    listed(panel)
    panel.day_table.setFocus()
    panel.day_table.selectRow(1)
    chosen = panel.day_model.rows[1][1].state.record.record_id
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    QTest.keyClicks(dialog.reason, "Inf")
    QTest.keyClicks(dialog.last_minute, "Y")
    QTest.keyClicks(dialog.told, "In")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    listed(panel)
    current = panel.day_table.currentIndex()
    assert current.isValid() and panel.day_model.rows[current.row()][1].state.record.record_id == chosen
    assert panel.day_model.rows[current.row()][1].struck


def test_an_operation_of_a_patient_who_has_died_since_says_so_until_cancelled_as_such(coordinator, qtbot, session_for,
                                                                                       listed):
    """The death recorded on the ward after the booking left Monday's operation on the board as
    if nothing had happened; now the board says so, and "Patient died" is a reason to cancel."""
    window, session_ids = coordinator
    coord, panel = window.session, window.theatre
    (booked,) = theatre.bookings(coord.db, coord.forms)
    theatre.book(coord, booked.record.patient_id, {**booked.record.data, "session": session_ids[1],
                                                   "planned_start": "2026-11-30T08:00+01:00"})
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                                      "expected": False, "family_informed": True},
                     patient_id=booked.record.patient_id)
    panel.day.setDate(QDate(2026, 11, 30))
    panel.refresh()
    listed(panel)
    # The hip replacement booked again, on the other list: each line says the other's date.
    assert panel.day_model.text(0, STATUS) == "booked — PATIENT DIED 28/11/2026 13:00: cancel — ALSO BOOKED 28/11 09:00"
    assert panel.day_model.is_warning(0, STATUS)
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    assert "Patient died" in [dialog.reason.itemText(index) for index in range(dialog.reason.count())]
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("patient_died"))
    QTest.keyClicks(dialog.last_minute, "N")
    QTest.keyClicks(dialog.told, "No")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "CANCELLED" and panel.waiting_model.rowCount() == 0


def test_cancelling_as_patient_died_with_no_death_recorded_asks_first(coordinator, qtbot, listed, answers):
    """"Patient died" sits next to "Patient declined" in the reasons: picked by mistake, the
    operation left the rescheduling list for good, no one asked. With no death recorded here (a
    patient waiting at home may die with none), the coordinator is asked first."""
    script, asked = answers
    window, _ = coordinator
    panel = window.theatre
    dialog = _first_lines_dialog(panel, qtbot)
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("patient_died"))
    QTest.keyClicks(dialog.last_minute, "Y")
    QTest.keyClicks(dialog.told, "No")
    script["confirm"] = [False]
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    assert asked[-1] == ("confirm", "No death recorded") and dialog.isVisible()
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.BOOKED
    script["confirm"] = [True]
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert (state.status, state.cancel_reason) == (theatre.BookingStatus.CANCELLED, theatre.CancelReason.PATIENT_DIED)


def test_cancelling_for_the_patients_death_offers_the_family_told(coordinator, qtbot, session_for):
    """One tells a dead patient's family: "Patient told" offered only in person, by phone, by
    letter or not yet, each about the patient. For a death it offers "Family told" or "Not yet";
    another reason offers every choice again, "Family told" among them (a child's parents)."""
    window, _ = coordinator
    panel = window.theatre
    (booked,) = theatre.bookings(window.session.db, window.session.forms)
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                                      "expected": False, "family_informed": True},
                     patient_id=booked.record.patient_id)
    panel.refresh()
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    QTest.keyClicks(dialog.told, "In")
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("patient_died"))
    assert [dialog.told.itemText(index) for index in range(dialog.told.count())] == ["", "Family told", "Not yet"]
    assert dialog.told.currentText() == "", "in person, chosen before, does not fit a death"
    dialog.told.setCurrentIndex(dialog.told_codes.index("family"))
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("patient_unfit"))
    assert dialog.told.count() == 6 and dialog.told.currentText() == "Family told"
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("patient_died"))
    QTest.keyClicks(dialog.last_minute, "Y")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    (cancellation,) = records.list_current(window.session.db, "operation_cancellation")
    assert state.status is theatre.BookingStatus.CANCELLED and cancellation.data["patient_told"] == "family"


def _first_operation_cancelled(window, listed):
    """The demo's first operation cancelled at the last minute (no ward bed), the theatre tab
    read again: its rescheduling list holds it."""
    state = theatre.bookings(window.session.db, window.session.forms)[0]
    theatre.cancel(window.session, state.record.record_id, {"cancelled_at": "2026-11-28T09:00+01:00",
                                                            "reason": "no_ward_bed", "last_minute": True,
                                                            "patient_told": "in_person"})
    window.theatre.refresh()
    return listed(window.theatre)


def _rebooking_by_keyboard(window, qtbot, listed):
    """The rebook dialog of the demo's first operation, cancelled, opened with Enter on the
    rescheduling list."""
    panel = _first_operation_cancelled(window, listed)
    panel.waiting_table.setFocus()
    panel.waiting_table.selectRow(0)
    QTest.keyClick(panel.waiting_table, Qt.Key.Key_Return)
    qtbot.waitActive(panel.dialog)
    return panel.dialog


def test_the_coordinator_moves_an_operation_to_the_day_the_patient_can_come(coordinator, qtbot, listed):
    """Moving an operation to another day (the patient away until Wednesday) is a cancellation
    then a rebooking, whose dialog offered only the earliest slots: Monday's, refused, and no way
    to reach Wednesday's list. The slots now start from the day chosen in the dialog."""
    window, _ = coordinator
    wednesday = records.save_new(window.session, "theatre_session", {
        "theatre": "T3", "specialty": "General surgery", "starts_at": "2026-12-02T08:00+01:00",
        "ends_at": "2026-12-02T13:00+01:00"}).record_id
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert dialog.slot_list.item(0).text().startswith("Mon 30/11 08:00")
    dialog.from_day.setDate(QDate(2026, 12, 2))  # as picked in its calendar
    assert [dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count())] == [
        "Wed 02/12 08:00 — theatre T3 (General surgery)"]
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.REBOOKED and state.session_id == wednesday


def test_the_rebook_dialog_opens_on_its_slots_the_first_chosen(coordinator, qtbot, listed):
    """The focus began in "Slots from": Down did nothing, Up moved the day back a day, today's
    slots gone unsaid, and Enter booked that day's first. It begins on the slots, the first
    chosen; Tab goes on to the day, the time nil by mouth since, then the answers and the buttons."""
    window, _ = coordinator
    tuesday = records.save_new(window.session, "theatre_session", {
        "theatre": "T3", "specialty": "General surgery", "starts_at": "2026-12-01T08:00+01:00",
        "ends_at": "2026-12-01T13:00+01:00"}).record_id
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert dialog.focusWidget() is dialog.slot_list and dialog.slot_list.currentRow() == 0
    today = dialog.from_day.date()
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Up)
    assert dialog.from_day.date() == today and dialog.slot_list.currentRow() == 0
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.from_day
    for _ in range(3):  # through the day, month and year
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.nil_by_mouth
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.reason
    passed = []
    while dialog.focusWidget() is not dialog.slot_list and len(passed) < 6:  # back through the day's parts
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Backtab)
        passed.append(dialog.focusWidget())
    assert passed[-1] is dialog.slot_list and set(passed[:-1]) == {dialog.nil_by_mouth, dialog.from_day}
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    assert dialog.slot_list.currentItem().text().startswith("Tue 01/12 08:00 — theatre T3")
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.REBOOKED and state.session_id == tuesday


def test_each_side_of_a_staged_operation_is_named_wherever_one_is_chosen(coordinator, qtbot, session_for, listed):
    """Both knees of one patient, booked on two days: the rescheduling list and the rebook and
    cancel dialogs named neither side, so the coordinator could not tell which was being
    cancelled or rebooked (the board and the printed lists did)."""
    window, session_ids = coordinator
    coord, panel = window.session, window.theatre
    (hip,) = theatre.bookings(coord.db, coord.forms)
    theatre.book(coord, hip.record.patient_id, {**hip.record.data, "procedure": "Knee arthroscopy", "laterality": "left",
                                                "session": session_ids[1], "planned_start": "2026-11-30T08:00+01:00",
                                                "expected_minutes": 45})
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert panel.waiting_model.columns[4] == "Side" and panel.waiting_model.text(0, 4) == "RIGHT"
    assert "Total hip replacement, RIGHT (120 min)" in dialog.heading.text()
    dialog.reject()
    panel.day.setDate(QDate(2026, 11, 30))
    listed(panel)
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    qtbot.waitActive(panel.dialog)
    assert "Knee arthroscopy, LEFT — theatre T2, 30/11/2026 08:00" in panel.dialog.findChild(QLabel).text()


def test_the_rebook_dialog_of_a_patient_who_died_says_so_and_offers_neither_slot_nor_transfer(coordinator, qtbot,
                                                                                            session_for, listed):
    """Slots were offered to a patient whose death is recorded, and Enter on one was refused
    only then: the dialog says at once that the patient died, when, and offers none. "Transfer
    instead" stayed offered beside the reason, and transferred the dead patient's operation to
    another hospital. The list was read before the death reached this laptop."""
    window, _ = coordinator
    panel = _first_operation_cancelled(window, listed)
    (booked,) = theatre.bookings(window.session.db, window.session.forms)
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                                      "expected": False, "family_informed": True},
                     patient_id=booked.record.patient_id)
    panel.waiting_table.setFocus()
    panel.waiting_table.selectRow(0)
    QTest.keyClick(panel.waiting_table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    assert dialog.slot_list.count() == 0
    assert dialog.error.text() == ("This patient's death is recorded (28/11/2026 13:00): no operation can be planned "
                                   "after it.")
    assert not dialog.transfer.isEnabled() and not dialog.other_hospital.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    QTest.keyClick(dialog.transfer, Qt.Key.Key_Space)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.CANCELLED
    assert dialog.error.text().startswith("This patient's death is recorded")


def test_a_death_recorded_while_the_rebook_dialog_is_open_closes_its_offers(coordinator, qtbot, session_for, listed):
    """The death arrived (an import, the ward on this laptop) with the dialog open: Enter on a
    slot was refused, and the slots and "Transfer instead" stayed offered. The dialog reads them
    again, as after a slot taken meanwhile: none, the death said."""
    window, _ = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert dialog.slots and dialog.transfer.isEnabled()
    (booked,) = theatre.bookings(window.session.db, window.session.forms)
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                                      "expected": False, "family_informed": True},
                     patient_id=booked.record.patient_id)
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.slot_list.count() == 0
    assert not dialog.transfer.isEnabled() and dialog.error.text().startswith("This patient's death is recorded")


def test_a_session_withdrawn_while_the_rebook_dialog_is_open_leaves_its_slots(coordinator, qtbot, listed):
    """Another coordinator withdrew the list (theatre closed) with the dialog open: Enter on its
    slot was refused, and the slot stayed offered for Enter to try again. Refused as a slot
    taken is: the slots read again, the withdrawn list's gone."""
    window, session_ids = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert [slot.session_id for slot in dialog.slots] == [session_ids[1]]
    records.mark_entered_in_error(window.session, session_ids[1], "Theatre T2 closed (ventilation failure)")
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.slots == [] and dialog.slot_list.count() == 0
    assert dialog.error.text().startswith("Session: this operation's theatre session is not on the lists")
    assert dialog.error.text().endswith("The suggested slots have been read again.")
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.CANCELLED


def test_an_operation_whose_patient_died_after_its_cancellation_leaves_the_rescheduling_list_saying_why(
        coordinator, session_for, listed):
    """Cancelled (no ward bed) on Saturday morning, the patient dead that afternoon: the operation
    stayed on the rescheduling list, "do not rebook" at the far end of its line, and the
    coordinator working down the list rang the family for a date. It leaves the list, and a line
    under it names the operation and the death, so it is not looked for."""
    window, _ = coordinator
    panel = _first_operation_cancelled(window, listed)
    assert panel.waiting_model.rowCount() == 1 and panel.left_by_death.isHidden()
    (booked,) = theatre.bookings(window.session.db, window.session.forms)
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                                      "expected": False, "family_informed": True},
                     patient_id=booked.record.patient_id)
    panel.refresh()
    listed(panel)
    assert panel.waiting_model.rowCount() == 0
    patient = booked.patient
    assert not panel.left_by_death.isHidden()
    assert panel.left_by_death.text() == (
        f"Not to rebook, the patient's death is recorded: {patient.display_name} "
        f"({patient.downtime_number}), Total hip replacement, RIGHT — died 28/11/2026 13:00.")


def test_the_rescheduling_list_says_why_each_operation_was_cancelled(coordinator, listed):
    """The printed rescheduling list gave each cancellation's reason, the screen did not: an
    operation the patient declined, or put off while unfit, read like one the outage cancelled,
    and the coordinator rang to rebook it as such."""
    window, _ = coordinator
    panel = _first_operation_cancelled(window, listed)
    model = panel.waiting_model
    reason = model.columns.index("Reason")
    assert model.text(0, reason) == "No ward bed"
    assert model.data(model.index(0, reason), Qt.ItemDataRole.ToolTipRole) == "No ward bed", "whole when elided"


def test_the_rescheduling_list_gives_each_operations_expected_length(coordinator, listed):
    """The coordinator finding a gap on a list for an operation needs its length: only the rebook
    dialog gave it, one operation at a time."""
    window, _ = coordinator
    model = _first_operation_cancelled(window, listed).waiting_model
    state = model.rows[0].state
    assert model.text(0, model.columns.index("Procedure")) == f"{state.record.data['procedure']} ({state.minutes}\u00a0min)"


def test_the_rescheduling_list_says_an_operation_was_cancelled_again_keeping_its_rebook_by_date(
        coordinator, listed, clock):
    """Cancelled on the day, rebooked, then cancelled again ahead of its new date: the line read
    "—" for its rebook-by date, below every dated case, and as cancelled once."""
    window, session_ids = coordinator
    panel = _first_operation_cancelled(window, listed)
    first = panel.waiting_model.text(0, REBOOK_BY)
    booking_id = panel.waiting_model.rows[0].state.record.record_id
    theatre.rebook(window.session, booking_id, {"outcome": "rebooked", "session": session_ids[1],
                                                "planned_start": "2026-11-30T08:00+01:00",
                                                "decided_at": clock.now.isoformat(timespec="minutes")})
    clock.advance(minutes=5)
    theatre.cancel(window.session, booking_id, {"cancelled_at": clock.now.isoformat(timespec="minutes"),
                                                "reason": "surgeon_unavailable", "last_minute": True,
                                                "patient_told": "phone"})
    panel.refresh()
    listed(panel)
    assert first.startswith("26/12/2026")
    assert panel.waiting_model.text(0, REBOOK_BY) == first
    assert panel.waiting_model.text(0, CANCELLED) == f"{clock.now:%d/%m %H:%M} — cancelled\u00a02×"


@pytest.mark.parametrize("at_home, said", [(True, "01 23 45 67 89"), (False, "ward 3B (bed\u00a012)")])
def test_the_rescheduling_list_gives_the_number_to_call_or_the_ward_to_tell(coordinator, listed, session_for,
                                                                            send_home, at_home, said):
    """The coordinator rings each patient at home for a new date: the screen's list gave no
    telephone. A patient in bed 12 of ward 3B is told by the ward's team: the list gave their
    home number, as if they were at home."""
    window, _ = coordinator
    state = theatre.bookings(window.session.db, window.session.forms)[0]
    admission = records.current(window.session.db, state.patient.admission_record_id)
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "phone": "01 23 45 67 89"},
                  "her own number")
    if at_home:
        send_home(state.patient.patient_id)
    model = _first_operation_cancelled(window, listed).waiting_model
    assert model.text(0, model.columns.index("Whom to tell")) == said


def test_transfer_needs_a_hospital(coordinator, qtbot, listed):
    window, _ = coordinator
    panel = _first_operation_cancelled(window, listed)
    panel.waiting_table.selectRow(0)
    dialog = panel.rebook_selected()
    qtbot.addWidget(dialog)
    assert dialog.send_elsewhere() is None and "Receiving hospital" in dialog.error.text()
    dialog.other_hospital.setText("CHU Sud")
    assert dialog.send_elsewhere() is not None
    assert theatre.bookings(window.session.db, window.session.forms)[0].status is theatre.BookingStatus.TRANSFERRED
    listed(panel).refresh()
    listed(panel)
    # The board named no hospital, where the printed list and the letter do.
    assert [panel.day_model.text(row, STATUS) for row in range(panel.day_model.rowCount())] == [
        "TRANSFERRED to CHU Sud — PATIENT NOT TOLD YET"]


def test_enter_after_typing_the_receiving_hospital_transfers_and_books_no_slot(coordinator, qtbot, type_text, listed):
    """Enter in "Or transfer to hospital" is the transfer the coordinator just typed: it booked the
    first suggested slot instead, the patient kept on this hospital's list."""
    window, _ = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert dialog.slots, "a free slot is offered, which Enter must not book here"
    dialog.other_hospital.setFocus()
    type_text(dialog.other_hospital, "CHU Bicêtre")
    QTest.keyClick(dialog.other_hospital, Qt.Key.Key_Return)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.TRANSFERRED and not dialog.isVisible()


def test_the_rebook_dialog_offers_the_operations_own_specialtys_lists(coordinator, qtbot, listed):
    """A hip replacement booked on a general surgery list, cancelled: the dialog offered Monday's
    earlier ENT list first, and Enter booked it there. Other specialties' lists come only when
    none of its own has a free slot, and the dialog says so above them."""
    window, session_ids = coordinator
    for name, specialty, day, start in (("T3", "ENT", "2026-11-30", "07:00"), ("T4", "Gynaecology", "2026-12-01", "08:00")):
        records.save_new(window.session, "theatre_session", {"theatre": name, "specialty": specialty,
                                                             "starts_at": f"{day}T{start}+01:00",
                                                             "ends_at": f"{day}T13:00+01:00"})
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert [dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count())] == [
        "Mon 30/11 08:00 — theatre T2 (General surgery)"]
    assert dialog.elsewhere.isHidden()
    dialog.from_day.setDate(QDate(2026, 12, 1))  # no general surgery list from Tuesday on
    assert dialog.elsewhere.isVisible() and dialog.elsewhere.text() == (
        "No General surgery list known to this laptop has a free slot from Tue 01/12. Other specialties' lists:")
    assert [dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count())] == [
        "Tue 01/12 08:00 — theatre T4 (Gynaecology)"]
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.REBOOKED and theatre.sessions(window.session.db)[
        state.session_id].specialty == "Gynaecology"


def _rebooking_an_urgent_case(coordinator, qtbot, listed, decided="2026-11-28T09:00+01:00"):
    """The demo's first operation made urgent (24 hours from the decision) and cancelled at the
    last minute, its rebook dialog open: its first free slot is two days on."""
    window, _ = coordinator
    panel, session = window.theatre, window.session
    state = theatre.bookings(session.db, session.forms)[0]
    records.amend(session, state.record.record_id, {**state.record.data, "priority": "urgent",
                                                    "decided_at": decided}, "urgent after review")
    theatre.cancel(session, state.record.record_id, {"cancelled_at": "2026-11-28T13:00+01:00", "reason": "no_ward_bed",
                                                     "last_minute": True, "patient_told": "in_person"})
    panel.refresh()
    listed(panel)
    panel.waiting_table.selectRow(0)
    dialog = panel.rebook_selected()
    qtbot.addWidget(dialog)
    return dialog


def test_a_slot_after_an_urgent_operations_rebook_by_date_says_so(coordinator, qtbot, listed):
    """An urgent case (24 hours from the decision) whose first free slot is two days on: Enter
    booked it there without a word, and once rebooked it left the list that showed its BREACH."""
    dialog = _rebooking_an_urgent_case(coordinator, qtbot, listed)
    assert dialog.slot_list.item(0).text() == "Mon 30/11 08:00 — theatre T2 (General surgery) — after the rebook-by date"
    assert "No free slot before this operation's rebook-by date (29/11/2026 09:00)" in dialog.error.text()
    dialog.from_day.setDate(QDate(2026, 11, 30))  # the coordinator looks from Monday on: not "no free slot before"
    assert dialog.error.text() == "These slots are after this operation's rebook-by date (29/11/2026 09:00)."


def test_an_urgent_operation_past_its_rebook_by_date_is_not_sent_to_free_a_slot_before_it(coordinator, qtbot,
                                                                                         listed):
    """Its rebook-by date already past, the dialog said "No free slot before this operation's
    rebook-by date: free one on a list (move an operation that can wait)": no slot can come
    before a date gone by, and the coordinator went looking for one to free. It says the date
    has passed: the earliest slot, or a transfer."""
    dialog = _rebooking_an_urgent_case(coordinator, qtbot, listed, decided="2026-11-27T09:00+01:00")
    assert dialog.slot_list.item(0).text().endswith("— after the rebook-by date")
    assert dialog.error.text() == ("This operation's rebook-by date (28/11/2026 09:00) has passed: book the earliest "
                                   "slot, or transfer.")


def test_each_suggested_slot_shows_whole_after_the_rebook_by_date_included(coordinator, qtbot, listed):
    """The list kept Qt's default width: on the demo's lists, "— after the rebook-by date" was cut
    off at the dialog's edge on every line but the first."""
    session = coordinator[0].session
    records.save_new(session, "theatre_session", {"theatre": "T4", "specialty": "Obstetrics and gynaecology (emergency list)",
                                                  "starts_at": "2026-12-01T08:00+01:00", "ends_at": "2026-12-01T13:00+01:00"})
    dialog = _rebooking_an_urgent_case(coordinator, qtbot, listed)
    dialog.from_day.setDate(QDate(2026, 12, 1))  # no general surgery list from then: the other lists'
    dialog.show()
    qtbot.waitExposed(dialog)
    assert any("Obstetrics" in dialog.slot_list.item(row).text() and "after the rebook-by date" in
               dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count()))
    # Whole, as far as the screen allows (the test's offscreen screen is 800 pixels wide: with the
    # app's own font, set by an earlier test, the longest line is wider than that).
    slots = dialog.slot_list
    room = dialog.screen().availableGeometry().width() - SCREEN_MARGIN
    chrome = 2 * slots.frameWidth() + slots.verticalScrollBar().sizeHint().width()
    assert slots.viewport().width() >= min(slots.sizeHintForColumn(0), room - chrome)


def test_coordinator_adds_a_session_and_books_from_the_forms(coordinator, qtbot):
    window, session_ids = coordinator
    window.actions_by_id["new_theatre_session"].trigger()
    session_view = window.tabs.currentWidget()
    for field_id, value in {"theatre": "T3", "specialty": "Orthopaedics", "starts_at": "2026-12-02T08:00+01:00",
                            "ends_at": "2026-12-02T12:00+01:00"}.items():
        session_view.editors[field_id].set_value(value)
    session_view.save()
    assert session_view.summary.isHidden(), session_view.summary.text()
    new_session = session_view.record.record_id
    panel = window.patients
    window.tabs.setCurrentWidget(panel)
    panel.table.selectRow(0)
    window.actions_by_id["record_operation_booking"].trigger()
    booking_view = window.tabs.currentWidget()
    combo = booking_view.editors["session"].combo
    assert any("T3" in combo.itemText(i) for i in range(combo.count()))
    values = {"procedure": "Knee arthroscopy", "laterality": "left", "priority": "elective",
              "decided_at": "2026-11-01T09:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
              "planned_start": "2026-12-02T11:00+01:00", "expected_minutes": 90}
    for field_id, value in values.items():
        booking_view.editors[field_id].set_value(value)
    booking_view.editors["session"].set_raw(new_session)
    booking_view.save()
    assert "does not fit in the session" in booking_view.summary.text()
    booking_view.editors["planned_start"].set_value("2026-12-02T10:00+01:00")
    booking_view.save()
    assert booking_view.summary.isHidden(), booking_view.summary.text()
    assert len(theatre.bookings(window.session.db, window.session.forms)) == 2


def test_picking_a_list_fills_the_planned_start_with_its_next_free_time(coordinator, qtbot):
    """The planned start was typed whole, date and all, after picking a list that says both:
    now the list's first free time is filled in for the coordinator to adjust, and again once
    the expected duration is typed while it stands as filled; a start she typed is kept."""
    window, session_ids = coordinator
    view = _new_booking(window)
    combo, start = view.editors["session"].combo, view.editors["planned_start"]
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "T1" in combo.itemText(i)))
    assert start.raw() == "28/11/2026 08:00", "08:00-09:00 is free before the hip replacement"
    view.editors["expected_minutes"].edit.setText("90")
    view.editors["expected_minutes"].edit.editingFinished.emit()
    assert start.raw() == "28/11/2026 11:15", "a turnover after the hip replacement: 90 minutes do not fit before it"
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "T2" in combo.itemText(i)))
    assert start.raw() == "30/11/2026 08:00"
    start.edit.setText("30/11/2026 10:15")
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "T1" in combo.itemText(i)))
    assert start.raw() == "30/11/2026 10:15"


def _new_booking(window, session_id=None, **values):
    """A booking form opened for the first patient, these answers typed and this session picked."""
    window.tabs.setCurrentWidget(window.patients)
    window.patients.table.selectRow(0)
    window.actions_by_id["record_operation_booking"].trigger()
    view = window.tabs.currentWidget()
    for field_id, value in values.items():
        view.editors[field_id].set_value(value)
    if session_id is not None:
        view.editors["session"].set_raw(session_id)
    return view


def test_the_session_list_offers_the_lists_to_come_first_each_on_a_short_line_said_whole_over_it(coordinator):
    """The list began with the outage's first, long-ended sessions (41 of them before today's),
    each too long for the box: "… Fin : 02/12/202". Now the lists still to run come first, those
    ended after them, marked so; each line short enough to read whole in the list, the whole
    description over it and over the box once chosen."""
    window, session_ids = coordinator
    combo = _new_booking(window).editors["session"].combo
    assert [combo.itemText(index) for index in range(combo.count())] == [
        "", "Mon 30/11 08:00–13:00 T2 General surgery", "Sat 28/11 08:00–13:00 T1 General surgery — ended"]
    whole = "Theatre T2 — General surgery — from 30/11/2026 08:00 to 30/11/2026 13:00"
    assert combo.itemData(1, Qt.ItemDataRole.ToolTipRole) == whole
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == 1 and combo.toolTip() == whole
    view = combo.view()
    assert view.minimumWidth() >= max(view.fontMetrics().horizontalAdvance(combo.itemText(index))
                                      for index in range(combo.count()))


def test_booking_onto_a_session_that_has_ended_asks_first(coordinator, qtbot, answers):
    """A booking on the 30/11 13:30 list, typed on 02/12, was accepted with nothing said. A
    record typed late is legitimate, so it is asked: No goes back to the session, Yes saves."""
    script, asked = answers
    window, session_ids = coordinator
    knee = {"procedure": "Knee arthroscopy", "laterality": "left", "priority": "elective",
            "decided_at": "2026-11-01T09:00+01:00", "surgeon": "Dr Petit", "expected_minutes": 60}
    view = _new_booking(window, session_ids[0], **knee, planned_start="2026-11-28T11:00+01:00")
    script["confirm"] = [False, True]
    view.save()
    assert asked == [("confirm", "Session already ended")]
    assert view.record is None and view.editors["session"].combo.hasFocus()
    view.save()
    assert asked[:2] == [("confirm", "Session already ended")] * 2
    assert asked[2][1].endswith(":\n• OUTCOME NOT RECORDED"), "as the board says it: record it done or cancelled"
    assert view.record is not None and len(theatre.bookings(window.session.db, window.session.forms)) == 2
    to_come = _new_booking(window, session_ids[1], **{**knee, "laterality": "right"}, planned_start="2026-11-30T08:00+01:00")
    to_come.save()
    assert to_come.record is not None and len(asked) == 3, "a session to come is not asked about"


def test_the_lists_of_other_tabs_are_read_when_first_shown_not_when_the_window_opens(qtbot, session_for, answers,
                                                                                     monkeypatch, listed):
    from downtime.services import medication, observations

    read: list[str] = []
    for module, name in ((theatre, "day_list"), (medication, "round_list"), (observations, "review")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, real=real, name=name, **k: (read.append(name), real(*a, **k))[1])
    window = MainWindow(session_for("coord"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert read == []
    window.tabs.setCurrentWidget(window.theatre)
    window.tabs.setCurrentWidget(window.escalation)
    window.tabs.setCurrentWidget(window.theatre)
    listed(window.escalation)
    listed(window.theatre)
    assert sorted(read) == ["day_list", "review"]  # each on a thread of its own


def test_the_coordinator_prints_the_days_list_the_rescheduling_list_and_the_patients_letter(coordinator, answers,
                                                                                           listed):
    """The lists for theatre and the letter for the patient were printed only from the command
    line; a letter asked for an operation not yet rebooked says why there is none."""
    from pypdf import PdfReader

    window, session_ids = coordinator
    panel = window.theatre
    _, asked = answers
    text = lambda path: " ".join(page.extract_text() for page in PdfReader(path).pages)  # noqa: E731
    assert "Total hip replacement" in text(panel.print_list())
    panel.day_table.selectRow(0)
    assert panel.print_letter() is None and asked[-1] == (
        "error", "The letter gives the new date: rebook the operation first.")
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    theatre.cancel(window.session, state.record.record_id, {
        "cancelled_at": "2026-11-28T07:30+01:00", "reason": "information_system", "last_minute": True,
        "patient_told": "in_person"})
    panel.refresh()
    listed(panel)
    assert "Total hip replacement" in text(panel.print_waiting())
    theatre.rebook(window.session, state.record.record_id, {
        "outcome": "rebooked", "decided_at": "2026-11-28T10:00+01:00", "session": session_ids[1],
        "planned_start": "2026-11-30T08:00+01:00"})
    panel.refresh()
    listed(panel)
    panel.day_table.selectRow(0)
    letter = text(panel.print_letter())
    assert "Monday 30 November 2026" in " ".join(letter.split()) and "Total hip replacement" in letter


def test_after_rebooking_the_board_shows_the_new_day_with_the_operation_chosen_for_its_letter(
        coordinator, qtbot, listed, answers):
    """Rebooked, the operation left the rescheduling list and the board stayed on the day it was
    cancelled from: to print the patient's letter the coordinator had to find its new day and
    line. The board now goes to the new day, the operation chosen there, the board in focus:
    the letter is one click (or Alt+L) away."""
    from pypdf import PdfReader

    window, session_ids = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert window.theatre.selected_day().isoformat() == "2026-11-28"
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    panel = listed(window.theatre)
    assert panel.selected_day().isoformat() == "2026-11-30"
    row = panel.day_table.currentIndex().row()
    assert row >= 0 and panel.day_table.selectionModel().isRowSelected(row)
    assert panel.day_model.text(row, 0) == "T2" and panel.day_model.text(row, STATUS) == "REBOOKED (from 28/11 09:00) — PATIENT NOT TOLD YET"
    assert window.focusWidget() is panel.day_table  # focused once the window is active again
    letter = " ".join(page.extract_text() for page in PdfReader(panel.print_letter()).pages)
    assert "Monday 30 November 2026" in " ".join(letter.split()) and "Total hip replacement" in letter


@pytest.mark.parametrize("height", [420, 500, 548])
def test_the_operation_chosen_for_its_letter_is_in_view_on_a_full_day(coordinator, qtbot, session_for,
                                                                      admission_values, listed, height):
    """On a full day the rebooked operation was chosen below the board's last visible line: the
    coordinator pressed Alt+L for the letter of an operation she could not see. The board
    scrolls to it, and keeps it in sight once read again after the save, under the horizontal
    scroll bar its columns bring in (at some heights of the window it lay under that bar)."""
    window, session_ids = coordinator
    coord, nurse = window.session, session_for("nurse")
    for number in range(6):  # Monday's list taken until 10:45, a turnover after each case
        patient = records.save_new(nurse, "admission", {**admission_values, "bed": str(20 + number),
                                                        "birth_name": f"Full{number}", "nir": ""}).patient_id
        theatre.book(coord, patient, {"procedure": "Carpal tunnel release", "laterality": "left", "priority": "elective",
                                      "decided_at": "2026-10-01T09:00+01:00", "surgeon": f"Dr S{number}",
                                      "anaesthetist": None, "session": session_ids[1], "expected_minutes": 15,
                                      "planned_start": f"2026-11-30T{8 + number // 2:02d}:{30 * (number % 2):02d}+01:00"})
    window.resize(900, height)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    panel = listed(window.theatre)
    table = panel.day_table
    row = table.currentIndex().row()
    assert (panel.day_model.text(row, 1), panel.day_model.text(row, STATUS)) == (
        "11:00–13:00", "REBOOKED (from 28/11 09:00) — PATIENT NOT TOLD YET")
    assert table.viewport().rect().contains(table.visualRect(table.currentIndex()))


def test_rebooked_after_midnight_on_an_overnight_list_the_board_shows_that_lists_day(
        coordinator, qtbot, session_for, admission_values, listed):
    """An overnight list (30/11 20:00 to 01/12 04:00) is on the board of the day it starts, with
    its operations after midnight. Rebooked at 00:00 on it, the board went to 01/12, where the
    operation is not: nothing chosen, its letter not one click away, the operation to be found."""
    window, _ = coordinator
    coord = window.session
    night = records.save_new(coord, "theatre_session", {
        "theatre": "T9", "specialty": "General surgery", "starts_at": "2026-11-30T20:00+01:00",
        "ends_at": "2026-12-01T04:00+01:00"}).record_id
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values, "bed": "30",
                                                                   "birth_name": "Evening", "nir": ""}).patient_id
    theatre.book(coord, patient, {"procedure": "Appendicectomy", "laterality": "not_applicable", "priority": "urgent",
                                  "decided_at": "2026-11-28T09:00+01:00", "surgeon": "Dr Evening", "anaesthetist": None,
                                  "session": night, "planned_start": "2026-11-30T20:00+01:00", "expected_minutes": 240})
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    dialog.slot_list.setCurrentRow(next(row for row in range(dialog.slot_list.count())
                                        if "theatre T9" in dialog.slot_list.item(row).text()))
    assert dialog.slot_list.currentItem().text().startswith("Tue 01/12 00:15")  # a turnover after 20:00-00:00
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    panel = listed(window.theatre)
    assert panel.selected_day().isoformat() == "2026-11-30"
    row = panel.day_table.currentIndex().row()
    assert row >= 0 and (panel.day_model.text(row, 0), panel.day_model.text(row, 1)) == ("T9", "00:15–02:15")


def test_after_a_transfer_the_board_shows_the_operation_on_the_day_it_was_cancelled_from(coordinator, qtbot, listed,
                                                                                         type_text, answers):
    """The letter of an operation moved to another hospital is printed from its struck line on
    the day it was cancelled from: that line is chosen once the transfer is saved."""
    from pypdf import PdfReader

    window, _ = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    window.theatre.day.setDate(QDate(2026, 11, 30))
    listed(window.theatre)
    dialog.other_hospital.setFocus()
    type_text(dialog.other_hospital, "CHU de Nantes")
    QTest.keyClick(dialog.other_hospital, Qt.Key.Key_Return)
    panel = listed(window.theatre)
    assert panel.selected_day().isoformat() == "2026-11-28"
    row = panel.day_table.currentIndex().row()
    assert row >= 0 and panel.day_model.rows[row][1].struck and window.focusWidget() is panel.day_table
    letter = " ".join(page.extract_text() for page in PdfReader(panel.print_letter()).pages)
    assert "CHU de Nantes" in letter


def test_the_letter_of_a_second_rebooking_names_the_date_just_cancelled(qtbot, session_for, admission_values, answers,
                                                                        clock, listed):
    """Booked 28/11, cancelled, rebooked 30/11 (the patient got a letter for 30/11), cancelled
    again, rebooked 02/12: the new letter must say the 30/11 operation could not take place,
    not the 28/11 one the patient was already told about."""
    from pypdf import PdfReader

    nurse, coord = session_for("nurse"), session_for("coord")
    sessions = [records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id
        for name, day in (("T1", "2026-11-28"), ("T2", "2026-11-30"), ("T3", "2026-12-02"))]
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booking = theatre.book(coord, patient, {
        "procedure": "Total hip replacement", "laterality": "right", "priority": "elective",
        "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
        "session": sessions[0], "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 120}).record_id
    for days, (cancelled_at, session, start, decided) in enumerate((
            ("2026-11-28T07:30+01:00", sessions[1], "2026-11-30T08:00+01:00", "2026-11-28T10:00+01:00"),
            ("2026-11-30T07:00+01:00", sessions[2], "2026-12-02T08:00+01:00", "2026-11-30T10:00+01:00"))):
        clock.advance(days=2 * days)
        theatre.cancel(coord, booking, {"cancelled_at": cancelled_at, "reason": "information_system",
                                        "last_minute": True, "patient_told": "in_person"})
        theatre.rebook(coord, booking, {"outcome": "rebooked", "decided_at": decided, "session": session,
                                        "planned_start": start})
    window = MainWindow(coord)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.theatre)
    panel = window.theatre
    panel.day.setDate(QDate(2026, 12, 2))  # the new day
    panel.refresh()
    listed(panel)
    panel.day_table.selectRow(0)
    letter = " ".join(page.extract_text() for page in PdfReader(panel.print_letter()).pages)
    assert "Wednesday 2 December 2026 at 08:00" in " ".join(letter.split())
    assert "planned for Monday 30 November 2026 at 08:00" in " ".join(letter.split()), letter


SNAPSHOT = Path(__file__).parent.parent / "data" / "snapshot"


def _snapshot_in_utc(tmp_path: Path) -> Path:
    """The sample snapshot as an EHR that writes UTC gives it: the operation at 08:30 in Paris is
    07:30Z, the arrival at 09:30 in Paris is 08:30Z."""
    folder = Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))
    bookings = folder / "theatre_bookings.csv"
    bookings.write_text(bookings.read_text(encoding="utf-8").replace("2026-11-30T08:30+01:00", "2026-11-30T07:30Z"),
                        encoding="utf-8")
    stays = folder / "stays.csv"
    stays.write_text(stays.read_text(encoding="utf-8").replace("2026-11-25T09:30+01:00", "2026-11-25T08:30Z"),
                     encoding="utf-8")
    return folder


def test_an_operation_the_snapshot_gave_in_utc_is_shown_and_printed_on_the_wards_clock(
        qtbot, session_for, answers, tmp_path, listed):
    """The hemiarthroplasty is at 08:30 Paris time, which the EHR wrote 07:30Z: the day board,
    the printed list and the letter said 07:30 (each formats the time as stored)."""
    import_path(session_for("admin"), _snapshot_in_utc(tmp_path))
    coord = session_for("coord")
    main = MainWindow(coord)
    qtbot.addWidget(main)
    panel = main.theatre
    main.tabs.setCurrentWidget(panel)
    panel.day.setDate(QDate(2026, 11, 30))
    panel.refresh()
    listed(panel)
    assert panel.day_model.rowCount() == 1 and panel.day_model.text(0, PROCEDURE) == "Hemiarthroplasty"
    board_time = panel.day_model.text(0, 1)
    from pypdf import PdfReader

    printed = " ".join(page.extract_text() for page in PdfReader(panel.print_list()).pages)
    assert (board_time, "08:30" in printed) == ("08:30–10:30", True), (
        f"day board says {board_time}; printed list: {[l for l in printed.splitlines() if ':' in l and len(l) < 8]}")


def test_the_board_s_buttons_with_no_operation_chosen_say_so(coordinator, answers, listed):
    """Cancel, Patient's letter and Rebook did nothing at all with no line chosen (the board is
    read with none), nor Enter on an operation already struck through."""
    window, _ = coordinator
    panel = window.theatre
    _, asked = answers
    panel.refresh()
    listed(panel)
    assert panel.cancel_selected() is None and panel.print_letter() is None and panel.rebook_selected() is None
    assert [said for kind, said in asked if kind == "error"] == [
        "Select an operation on the day board first.", "Select an operation on the day board first.",
        "Select an operation in the rescheduling list first."]
    state = theatre.bookings(window.session.db, window.session.forms)[0]
    theatre.cancel(window.session, state.record.record_id, {"cancelled_at": "2026-11-28T09:00+01:00",
                                                            "reason": "no_ward_bed", "last_minute": True,
                                                            "patient_told": "in_person"})
    panel.refresh()
    listed(panel)
    panel.day_table.selectRow(0)
    assert panel.cancel_selected() is None
    assert asked[-1] == ("error", "This operation is struck through: it was already cancelled or moved from this list.")


def test_a_list_added_after_the_rebook_dialog_opened_is_offered_with_its_specialty(coordinator, qtbot, listed):
    """The dialog named each slot's specialty from the lists known when it opened: a list added
    since (another coordinator, an import) broke the slots read again on another day."""
    window, _ = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    records.save_new(window.session, "theatre_session", {"theatre": "T3", "specialty": "General surgery",
                                                         "starts_at": "2026-11-29T08:00+01:00",
                                                         "ends_at": "2026-11-29T13:00+01:00"})
    dialog.from_day.setDate(QDate(2026, 11, 29))
    assert [dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count())] == [
        "Sun 29/11 08:00 — theatre T3 (General surgery)", "Mon 30/11 08:00 — theatre T2 (General surgery)"]


@pytest.mark.parametrize("priority", ["elective", "urgent"])
@pytest.mark.parametrize("at_home, first", [(True, "Sat 28/11 15:30"), (False, "Sat 28/11 14:00")])
def test_a_patient_called_in_from_home_is_offered_no_slot_they_cannot_reach(coordinator, qtbot, listed, send_home,
                                                                           priority, at_home, first):
    """At 14:00 the dialog offered a patient at home the 14:00 slot first, and Enter booked it:
    the letter then asked them to arrive 90 minutes before, at 12:30, already past. Told by the
    priority, an elective patient in a ward bed was held back 90 minutes too, and an urgent one
    at home was not. Where the census puts the patient decides: at home, slots from 90 minutes
    on, and the dialog says why; on a ward, at once. Under local anaesthetic: no fasting to wait
    for (domain.theatre.fasts)."""
    window, _ = coordinator
    session = window.session
    records.save_new(session, "theatre_session", {
        "theatre": "T3", "specialty": "General surgery", "starts_at": "2026-11-28T14:00+01:00",
        "ends_at": "2026-11-28T18:00+01:00"})
    state = theatre.bookings(session.db, session.forms)[0]
    records.amend(session, state.record.record_id, {**state.record.data, "priority": priority, "anaesthetic": "local",
                                                    "decided_at": "2026-11-28T09:00+01:00"}, "priority reviewed")
    if at_home:
        send_home(state.patient.patient_id)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert dialog.slot_list.item(0).text().startswith(f"{first} — theatre T3 (General surgery)")
    shown = "" if dialog.called_in.isHidden() else dialog.called_in.text()
    assert shown == ("Not on a ward by the census: called in from home, slots from Sat 28/11 15:30, the patient "
                     "arriving 90 minutes before their operation as the letter asks." if at_home else "")
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    (rebooked,) = theatre.bookings(session.db, session.forms)
    assert f"{rebooked.start:%a %d/%m %H:%M}" == first


@pytest.mark.parametrize("phone, nok_phone, at_home, said", [
    ("01 23 45 67 89", "", True, "Ring 01 23 45 67 89 to tell {who}: {news}. Then print their letter "
                                 "(Patient's letter)."),
    ("", "06 11 22 33 44", True, "Ring 06 11 22 33 44 (next of kin) to tell {who}: {news}. Then print their letter "
                                 "(Patient's letter)."),
    ("", "", True, "No telephone recorded: post their letter (Patient's letter) to {who}: {news}."),
    ("01 23 45 67 89", "06 11 22 33 44", False, "Tell ward 3B (bed\u00a012) so its team tells {who}: {news}. Then print "
                                                "their letter (Patient's letter)."),
    ("", "", False, "Tell ward 3B (bed\u00a012) so its team tells {who}: {news}. Then print their letter "
                    "(Patient's letter).")])
def test_once_rebooked_the_tab_says_whom_to_tell_and_the_number_to_ring(coordinator, qtbot, listed, session_for,
                                                                       send_home, phone, nok_phone, at_home, said):
    """The number to ring with the new date was on the rescheduling list only: booked, the
    operation left the list and its number with it, at the moment the coordinator was to ring. A
    second morning's fifteen rebookings each had to be looked up again. The tab now says, over
    the board, the number to ring, whom to tell and what. A patient in bed 12 of ward 3B is told
    by the ward's team: the line said to ring their home, where no one was."""
    window, _ = coordinator
    state = theatre.bookings(window.session.db, window.session.forms)[0]
    admission = records.current(window.session.db, state.patient.admission_record_id)
    records.amend(session_for("nurse"), admission.record_id,
                  {**admission.data, "phone": phone, "nok_phone": nok_phone}, "numbers checked")
    if at_home:
        send_home(state.patient.patient_id)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    panel = window.theatre
    assert panel.to_tell.isHidden()
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    listed(panel)
    who = f"{state.patient.display_name} ({state.patient.downtime_number})"
    assert panel.to_tell.isVisibleTo(window) and panel.to_tell.text() == said.format(
        who=who, news="Total hip replacement, RIGHT now Mon 30/11 08:00, theatre T2")
    table = panel.day_table  # the board shorter by that line, its line chosen for the letter still in sight
    assert table.viewport().rect().contains(table.visualRect(table.currentIndex()))


@pytest.mark.parametrize("phone, said", [
    ("01 23 45 67 89", "Ring 01 23 45 67 89 to tell {who}: {news}."),
    ("", "No telephone recorded: find another way to tell {who}: {news}.")])
def test_told_by_a_letter_that_cannot_arrive_the_line_says_to_ring(coordinator, qtbot, listed, session_for, send_home,
                                                                   phone, said):
    """Rebooked for Monday 08:00 and "told by letter" on Saturday afternoon, the patient is not
    told (the board says the letter may not arrive): the line over the board went as the letter
    was recorded, and before that it said to print the letter (or post it, with no number)."""
    window, _ = coordinator
    state = theatre.bookings(window.session.db, window.session.forms)[0]
    admission = records.current(window.session.db, state.patient.admission_record_id)
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "phone": phone, "nok_phone": ""},
                  "numbers checked")
    send_home(state.patient.patient_id)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    panel = window.theatre
    listed(panel)
    told = panel.record_told()
    qtbot.waitActive(told)
    told.how.setCurrentIndex(told.how_codes.index("letter"))
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    listed(panel)
    who = f"{state.patient.display_name} ({state.patient.downtime_number})"
    assert panel.to_tell.isVisibleTo(window) and panel.to_tell.text() == said.format(
        who=who, news="Total hip replacement, RIGHT now Mon 30/11 08:00, theatre T2")


def test_once_transferred_the_tab_says_whom_to_tell_of_the_hospital(coordinator, qtbot, listed):
    window, _ = coordinator
    panel = _first_operation_cancelled(window, listed)
    panel.waiting_table.selectRow(0)
    state = panel.waiting_model.rows[0].state
    dialog = panel.rebook_selected()
    qtbot.addWidget(dialog)
    dialog.other_hospital.setText("CHU Sud")
    dialog.send_elsewhere()
    listed(panel)
    assert panel.to_tell.text().startswith("Tell ward 3B (bed\u00a012) so its team tells ") and (
        f" {state.patient.display_name} ({state.patient.downtime_number}): Total hip replacement, RIGHT goes "
        "to another hospital, CHU Sud. ") in panel.to_tell.text()


@pytest.mark.parametrize("at_home, said", [
    (True, "Telephone: 06 11 22 (next of kin)"),
    (False, "In hospital, ward 3B (Medicine, bed\u00a012): tell the ward, which tells the patient.")])
def test_the_rebook_dialog_gives_the_number_to_ring_or_the_ward_to_tell(coordinator, qtbot, listed, session_for,
                                                                        send_home, at_home, said):
    """The coordinator rings the patient to agree the day they can come, the dialog open on its
    "Slots from": the number was on the list behind it, under the dialog. For a patient in bed
    12 of ward 3B (Medicine, as this laptop's wards name it), the ward: the dialog gave the next
    of kin's number, as if the patient were at home."""
    window, _ = coordinator
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    state = theatre.bookings(window.session.db, window.session.forms)[0]
    admission = records.current(window.session.db, state.patient.admission_record_id)
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "phone": "", "nok_phone": "06 11 22"},
                  "numbers checked")
    if at_home:
        send_home(state.patient.patient_id)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    shown = dialog.heading.text()
    assert said in shown and ("Telephone" in shown) is at_home


def test_the_coordinator_records_the_patient_told_of_the_new_date_and_the_board_stops_saying_not_told(
        coordinator, qtbot, listed, answers, clock):
    """Fifteen rebookings over a morning, and nothing said which patients were still to ring: a
    patient not told of the new date does not come. The board says PATIENT NOT TOLD YET, on the
    new day's line and on the struck line of the day the outage cancelled, until "Patient told…"
    records how and when; the line saying whom to ring goes."""
    window, _ = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    panel = window.theatre
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "REBOOKED (from 28/11 09:00) — PATIENT NOT TOLD YET"
    assert panel.day_model.is_warning(0, STATUS) and panel.to_tell.isVisibleTo(window)
    panel.day.setDate(QDate(2026, 11, 28))
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "REBOOKED — PATIENT NOT TOLD YET"
    clock.advance(minutes=30)
    told = _first_lines_dialog(panel, qtbot, panel.told_button)
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    assert told.error.text() == "Patient told: choose how the patient was told."
    QTest.keyClicks(told.how, "By p")
    assert told.how.currentText() == "By phone"
    told.when.selectAll()
    QTest.keyClicks(told.when, "28/11/2026 25:00")
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    assert told.error.text() == "“Told at”: 25:00 is not a time of day (00:00 to 23:59)." and told.isVisible()
    told.when.selectAll()
    QTest.keyClicks(told.when, "28/11/2026 13:50")
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    assert told.error.text().startswith("Told at: the patient cannot be told before the new date was decided")
    told.when.selectAll()
    QTest.keyClicks(told.when, "28/11/2026 14:20")
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "REBOOKED" and panel.to_tell.isHidden()
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert (state.moved_by.data["patient_told"], state.moved_by.data["told_at"], state.moved_by.author) == (
        "phone", "2026-11-28T14:20+01:00", "coord")
    assert not state.not_told


def test_a_patient_told_on_the_phone_with_the_rebook_dialog_open_is_recorded_told_as_it_is_booked(
        coordinator, qtbot, listed, clock):
    """The dialog gives the number to ring, and the day is agreed on the phone with it open: the
    board then said PATIENT NOT TOLD YET and asked to ring the patient just rung."""
    window, _ = coordinator
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    panel = window.theatre
    dialog.told.setFocus()
    QTest.keyClicks(dialog.told, "By p")
    assert dialog.told.currentText() == "By phone"
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "REBOOKED (from 28/11 09:00)" and panel.to_tell.isHidden()
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert (state.moved_by.data["patient_told"], state.moved_by.data["told_at"], state.moved_by.version) == (
        "phone", clock.now.isoformat(timespec="minutes"), 1), "told as it was decided, in the rebooking itself"


def test_patient_told_on_an_operation_not_rebooked_says_so(coordinator, answers, listed):
    window, _ = coordinator
    panel = window.theatre
    _, asked = answers
    panel.day_table.selectRow(0)
    assert panel.record_told() is None
    assert asked[-1] == ("error", "This operation stands as booked: there is no cancellation, new date or transfer to "
                                  "tell its patient of.")


def _struck_line_of_a_rebooking_chosen(window, qtbot, listed):
    """The operation rebooked by keyboard to Monday, its struck line on the day it left chosen
    on the board, in focus."""
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    panel = window.theatre
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    panel.day.setDate(QDate(2026, 11, 28))
    listed(panel)
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    return panel


def test_the_patient_told_dialog_names_the_new_date_and_a_telling_already_recorded(coordinator, qtbot, listed, clock):
    """Opened from the struck line of the day the outage cancelled, the dialog named the
    operation only: among a morning's rebookings the coordinator recorded a patient told with
    no sight of the date they were told of; and, opened again on a patient already told, it
    gave no hint of the telling it would replace."""
    window, _ = coordinator
    panel = _struck_line_of_a_rebooking_chosen(window, qtbot, listed)
    QTest.keyClick(panel.told_button, Qt.Key.Key_Space)
    told = panel.dialog
    qtbot.waitActive(told)
    said = told.findChild(QLabel).text()
    assert "Total hip replacement, RIGHT now Mon 30/11 08:00, theatre T2" in said and "Already" not in said
    QTest.keyClicks(told.how, "By p")
    clock.advance(minutes=10)
    told.when.selectAll()
    QTest.keyClicks(told.when, "28/11/2026 14:05")
    QTest.keyClick(told.when, Qt.Key.Key_Return)
    assert not told.isVisible()
    listed(panel)
    QTest.keyClick(panel.told_button, Qt.Key.Key_Space)
    again = panel.dialog
    qtbot.waitActive(again)
    assert "Already recorded: By phone, 28/11/2026 14:05. Recording again replaces it." in again.findChild(QLabel).text()
    QTest.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_cancelling_the_struck_line_of_a_rebooked_operation_says_where_it_is_now(coordinator, qtbot, listed, answers):
    """Enter on the struck line of an operation rebooked (the day the outage cancelled, where
    the coordinator works) said it was "already cancelled or moved" and no more: to cancel its
    new date the coordinator had to find, unhelped, which day that was."""
    window, _ = coordinator
    _, asked = answers
    panel = _struck_line_of_a_rebooking_chosen(window, qtbot, listed)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    assert asked[-1] == ("error", "This operation is struck through: it was moved from this list. Total hip "
                                  "replacement, RIGHT now Mon 30/11 08:00, theatre T2: to cancel it, choose it on "
                                  "that day.")


def _struck_said_titled(monkeypatch) -> list[tuple[str, str]]:
    """The title and text of each error the panel shows (the `answers` fixture keeps the text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda parent, title, text: shown.append((title, text))))
    return shown


def test_enter_on_a_struck_line_is_titled_by_what_happened_to_the_operation(coordinator, qtbot, listed, monkeypatch):
    """Enter on the struck line of an operation moved to another day was titled "Already
    cancelled": the coordinator read that the operation was off the lists, when it stands on
    its new day."""
    window, _ = coordinator
    shown = _struck_said_titled(monkeypatch)
    panel = _first_operation_cancelled(window, listed)
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    assert shown[-1][0] == "Already cancelled"
    panel.waiting_table.selectRow(0)
    rebook = panel.rebook_selected()
    qtbot.addWidget(rebook)
    rebook.other_hospital.setText("CHU Sud")
    rebook.send_elsewhere()
    listed(panel)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    assert shown[-1] == ("Transferred", "This operation is struck through: it was transferred. Total hip replacement, "
                                        "RIGHT goes to another hospital, CHU Sud.")


def test_enter_on_the_struck_line_of_a_rebooked_operation_is_titled_moved(coordinator, qtbot, listed, monkeypatch):
    window, _ = coordinator
    shown = _struck_said_titled(monkeypatch)
    panel = _struck_line_of_a_rebooking_chosen(window, qtbot, listed)
    QTest.keyClick(panel.cancel_button, Qt.Key.Key_Space)
    assert shown[-1][0] == "Moved to another day"


def test_operation_done_on_the_struck_line_of_a_rebooked_operation_says_where_it_is_now(coordinator, qtbot, listed,
                                                                                        monkeypatch, clock):
    """"Operation done…" on the line an operation left opened the dialog there, for its new slot
    on another day: it says, as Cancel does, where the operation is now to be recorded done."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    window, _ = coordinator
    shown = _struck_said_titled(monkeypatch)
    panel = _struck_line_of_a_rebooking_chosen(window, qtbot, listed)
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))  # its new list under way
    assert panel.done_selected() is None
    assert shown[-1] == ("Moved to another day", "This operation is struck through: it was moved from this list. "
                                                 "Total hip replacement, RIGHT now Mon 30/11 08:00, theatre T2: to "
                                                 "record it done, choose it on that day.")


def _first_lines_dialog(panel, qtbot, button=None):
    """The dialog of the board's first line: its cancel dialog, opened with Enter, or the one
    `button` opens (Space)."""
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    if button is None:
        QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    else:
        QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitActive(panel.dialog)
    return panel.dialog


def _cancelled_by_keyboard(window, qtbot, listed, told: str):
    """The fixture's operation cancelled from the board (Enter), its patient told as `told`
    starts ("No": not yet)."""
    panel = window.theatre
    dialog = _first_lines_dialog(panel, qtbot)
    QTest.keyClicks(dialog.reason, "Sur")
    QTest.keyClicks(dialog.last_minute, "Y")
    QTest.keyClicks(dialog.told, told)
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    return listed(panel)


@pytest.mark.parametrize(("phone", "at_home", "said"), [
    ("01 23 45 67 89", True, "Ring 01 23 45 67 89 to tell {who}: {news}."),
    ("", True, "No telephone recorded: find another way to tell {who}: {news}."),
    ("01 23 45 67 89", False, "Tell ward 3B (bed\u00a012) so its team tells {who}: {news}.")])
def test_a_cancellation_not_yet_told_says_whom_to_ring_until_the_patient_told_is_recorded(
        coordinator, qtbot, listed, session_for, send_home, clock, phone, at_home, said):
    """A patient not told of a cancellation comes in fasting on the day. Cancelled with its
    patient "Not yet" told, the board said CANCELLED alone, and "Patient told…" refused it (no
    new date): it says PATIENT NOT TOLD YET and whom to ring, and records the telling as for a
    new date."""
    window, _ = coordinator
    state = theatre.bookings(window.session.db, window.session.forms)[0]
    admission = records.current(window.session.db, state.patient.admission_record_id)
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "phone": phone, "nok_phone": ""},
                  "numbers checked")
    if at_home:
        send_home(state.patient.patient_id)
    window.theatre.refresh()
    listed(window.theatre)
    panel = _cancelled_by_keyboard(window, qtbot, listed, "No")
    assert panel.day_model.text(0, STATUS) == "CANCELLED — PATIENT NOT TOLD YET" and panel.day_model.is_warning(0, STATUS)
    who = f"{state.patient.display_name} ({state.patient.downtime_number})"
    assert panel.to_tell.isVisibleTo(window) and panel.to_tell.text() == said.format(
        who=who, news="Total hip replacement, RIGHT on Sat 28/11 09:00, theatre T1, is cancelled")
    # Chosen on the board later (the window opened again, the line said only PATIENT NOT TOLD
    # YET), the line says whom to tell again.
    panel.to_tell.hide()
    panel.day_table.setCurrentIndex(QModelIndex())
    panel.day_table.setFocus()
    QTest.keyClick(panel.day_table, Qt.Key.Key_Down)
    assert panel.to_tell.isVisibleTo(window) and panel.to_tell.text() == said.format(
        who=who, news="Total hip replacement, RIGHT on Sat 28/11 09:00, theatre T1, is cancelled")
    clock.advance(minutes=15)
    told = _first_lines_dialog(panel, qtbot, panel.told_button)
    assert told.windowTitle() == "Patient told of the cancellation"
    assert "Total hip replacement, RIGHT on Sat 28/11 09:00, theatre T1, is cancelled" in told.findChild(QLabel).text()
    assert [told.how.itemText(index) for index in range(told.how.count())] == [
        "", "In person", "By phone", "By letter", "Family told"], "told how: not \"Not yet\""
    QTest.keyClicks(told.how, "By p")
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    assert not told.isVisible()
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "CANCELLED" and panel.to_tell.isHidden()
    (cancellation,) = records.list_current(window.session.db, "operation_cancellation")
    assert (cancellation.data["patient_told"], cancellation.data["told_at"], cancellation.version) == (
        "phone", clock.now.isoformat(timespec="minutes"), 2)



def test_the_rescheduling_list_says_a_patient_not_told_of_the_cancellation_until_it_is_recorded(
        coordinator, qtbot, listed, clock):
    """The coordinator rings from the rescheduling list, which said only when the operation was
    cancelled: a patient never told of it came in fasting. It says PATIENT NOT TOLD YET beside
    the cancellation's time, in red, as the board does, until the telling is recorded; under the
    time, whole on a laptop's screen (beside it, it was cut at the screen's edge)."""
    window, _ = coordinator
    panel = _cancelled_by_keyboard(window, qtbot, listed, "No")
    model = panel.waiting_model
    cancelled = model.columns.index("Cancelled")
    when = f"{model.rows[0].state.cancelled_at:%d/%m %H:%M}"
    assert model.text(0, cancelled) == f"{when}\nPATIENT NOT TOLD YET" and model.is_warning(0, cancelled)
    assert model.data(model.index(0, cancelled), Qt.ItemDataRole.ToolTipRole) == model.text(0, cancelled), (
        "whole where a narrow window cuts it")
    clock.advance(minutes=15)
    told = _first_lines_dialog(panel, qtbot, panel.told_button)
    QTest.keyClicks(told.how, "By p")
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    listed(panel)
    assert model.text(0, cancelled) == when and not model.is_warning(0, cancelled)


def test_the_family_told_of_a_cancellation_for_the_patients_death_is_recorded_from_the_board(
        coordinator, qtbot, listed):
    """Cancelled for the patient's death, the family "Not yet" told: the board does not say
    PATIENT NOT TOLD YET of a dead patient, and "Patient told…" offers the family told alone."""
    window, _ = coordinator
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    theatre.cancel(window.session, state.record.record_id, {"cancelled_at": "2026-11-28T09:00+01:00",
                                                            "reason": "patient_died", "last_minute": True,
                                                            "patient_told": "not_yet"})
    panel = window.theatre
    panel.refresh()
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "CANCELLED"
    panel.day_table.selectRow(0)
    told = panel.record_told()
    qtbot.waitActive(told)
    assert [told.how.itemText(index) for index in range(told.how.count())] == ["", "Family told"]
    QTest.keyClicks(told.how, "F")
    QTest.keyClick(told.confirm, Qt.Key.Key_Space)
    (cancellation,) = records.list_current(window.session.db, "operation_cancellation")
    assert cancellation.data["patient_told"] == "family" and not told.isVisible()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_operations_side_is_whole_on_a_laptops_screen(qtbot, session_for, admission_values, answers, listed,
                                                           lang):
    """At 1340 pixels the board cut "Not applicable" at the window's edge ("Not applica"), the
    side after the procedure past ten columns; in French the side lay wholly beyond it. A side
    half read is a wrong-site operation waiting: it comes before the procedure, whole on screen
    beside the patient's name, date of birth and number, whatever the status says, and whatever
    the name: an unidentified patient's long one pushed the side off the screen, and is cut now,
    whole in its tooltip. On the rescheduling list, PATIENT NOT TOLD YET was cut and whom to tell
    lay beyond the screen's edge: each is whole on screen, wrapped. An operation rebooked onto
    the list says the slot it left, as the printed list does, whole on screen too: the board
    said only "rebooked"."""
    from PySide6.QtWidgets import QApplication

    from downtime.qt.i18n import set_language
    from downtime.qt.style import apply_style

    nurse, coord = session_for("nurse"), session_for("coord", lang)
    wards.add_ward(session_for("admin"), "3B", "Internal medicine and geriatrics", ["12"])
    day_before, listed_on = (records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": f"2026-11-{day}T08:00+01:00",
        "ends_at": f"2026-11-{day}T15:00+01:00"}).record_id for day in (27, 28))
    patient = records.save_new(nurse, "admission", {
        **admission_values, "used_name": "Martin de la Tour-Fontenay-Beauregard"}).patient_id
    booked = [theatre.book(coord, patient, {
        "procedure": procedure, "laterality": side, "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
        "surgeon": "Dr Roux", "anaesthetist": "Dr Klein", "session": on, "planned_start": f"{start}+01:00",
        "expected_minutes": 120}).record_id
        for on, start, procedure, side in ((listed_on, "2026-11-28T08:00", "Total hip replacement", "right"),
                                           (listed_on, "2026-11-28T10:30", "Laparoscopic cholecystectomy",
                                            "not_applicable"),
                                           (day_before, "2026-11-27T08:00", "Inguinal hernia repair", "left"))]
    for cancelled in booked[1:]:
        theatre.cancel(coord, cancelled, {"cancelled_at": "2026-11-27T07:00+01:00", "reason": "no_ward_bed",
                                          "last_minute": True, "patient_told": "not_yet"})
    theatre.rebook(coord, booked[2], {"outcome": "rebooked", "decided_at": "2026-11-27T10:00+01:00",
                                      "session": listed_on, "planned_start": "2026-11-28T12:30+01:00"})
    app = QApplication.instance()
    font = app.font()
    apply_style(app)  # the app's own text size, as the coordinator sees it
    set_language(lang)
    try:
        window = MainWindow(coord)
        qtbot.addWidget(window)
        window.resize(1340, 760)
        window.show()
        qtbot.waitExposed(window)
        window.tabs.setCurrentWidget(window.theatre)
        panel = listed(window.theatre)
        table, model = panel.day_table, panel.day_model
        assert model.rowCount() == 3
        assert model.text(2, STATUS) == {"en": "REBOOKED (from 27/11 08:00) — PATIENT NOT TOLD YET",
                                         "fr": "REPROGRAMMÉE (au lieu du 27/11 08:00) — PATIENT PAS ENCORE INFORMÉ"}[lang]
        named = model.columns.index("Patient")
        name = model.text(0, named)
        assert name.startswith("MARTIN DE LA TOUR-FONTENAY-BEAUREGARD")
        assert model.data(model.index(0, named), Qt.ItemDataRole.ToolTipRole) == f"{name}\n" + {
            "en": "Allergies: Penicillin (Rash, moderate)", "fr": "Allergies : Penicillin (Rash, modérée)"}[lang]
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)  # unelided
        for row in range(model.rowCount()):
            for column in (SIDE, STATUS, 4, 5):
                shown = table.visualRect(model.index(row, column))
                text = model.text(row, column)
                assert 0 <= shown.left() and shown.right() <= table.viewport().width(), (text, shown)
                assert table.fontMetrics().horizontalAdvance(text) + margin <= shown.width(), text
        assert model.data(model.index(1, PROCEDURE), Qt.ItemDataRole.ToolTipRole) == "Laparoscopic cholecystectomy"
        # The rescheduling list: the rebook-by date (BREACH, SOON) whole beside the patient, then
        # PATIENT NOT TOLD YET under the cancellation's time and whom to tell, each line whole in
        # the window; said after the surgeon, the telling pushed the date off the screen.
        table, model = panel.waiting_table, panel.waiting_model
        assert model.rowCount() == 1 and "PATIENT" in model.text(0, CANCELLED)
        whom = model.columns.index("Whom to tell")
        assert "Internal medicine and geriatrics" in model.text(0, whom)
        for column in (REBOOK_BY, CANCELLED, whom, *(model.columns.index(name) for name in ("Patient", "Procedure"))):
            shown = table.visualRect(model.index(0, column))
            assert 0 <= shown.left() and shown.right() <= table.viewport().width(), (column, shown)
            laid = table.fontMetrics().boundingRect(shown.adjusted(3, 0, -3, 0), Qt.TextFlag.TextWordWrap,
                                                     model.text(0, column))
            assert laid.width() <= shown.width() and laid.height() <= shown.height(), (model.text(0, column), shown)
    finally:
        set_language("en")
        app.setFont(font)


def _cancel_dialog(window, qtbot):
    """The cancel dialog of the board's first operation, opened with Enter, its reason chosen."""
    panel = window.theatre
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_Return)
    qtbot.waitActive(panel.dialog)
    dialog = panel.dialog
    QTest.keyClicks(dialog.reason, "Inf")
    QTest.keyClicks(dialog.last_minute, "Y")
    QTest.keyClicks(dialog.told, "In")
    return dialog


def test_a_cancellation_decided_this_morning_is_recorded_at_that_time(coordinator, qtbot, listed):
    """The cancel dialog stamped the moment it was saved: the outage's 09:30 cancellations,
    recorded from the paper at 14:00, were dated 14:00, and the rebook-by date was counted from
    then. Cancelled at starts as now and takes the time it was decided; a time to come or one
    that cannot be read is refused, naming the field, and nothing is saved."""
    window, _ = coordinator
    dialog = _cancel_dialog(window, qtbot)
    box = dialog.cancelled_at.edit
    assert box.text() == "28/11/2026 14:00"
    for typed, said in (("28/11/2026 15:00", "“Cancelled at” cannot be in the future."),
                        ("28/11 9", "“Cancelled at”: write the date and time as DD/MM/YYYY HH:MM.")):
        box.selectAll()
        QTest.keyClicks(box, typed)
        QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
        assert dialog.error.text() == said and dialog.isVisible()
        assert theatre.bookings(window.session.db, window.session.forms)[0].status is theatre.BookingStatus.BOOKED
    box.selectAll()
    QTest.keyClicks(box, "28/11/2026 09:30")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    listed(window.theatre)
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert f"{state.cancelled_at:%d/%m/%Y %H:%M}" == "28/11/2026 09:30"
    assert f"{state.rebook_by:%d/%m/%Y}" == "26/12/2026", "28 days from the morning it was cancelled"


@pytest.mark.parametrize("lang, priority, said, red", [
    ("en", "elective", "Rebook by: 26/12/2026", False), ("en", "urgent", "Rebook by: 29/11/2026 09:00 SOON", True),
    ("fr", "urgent", "Au plus tard le : 29/11/2026 09:00 BIENTÔT", True)])
def test_the_rebook_dialog_says_the_operations_rebook_by_date_as_the_list_does(coordinator, qtbot, listed, lang,
                                                                              priority, said, red):
    """The rebook dialog covers the rescheduling list, and the coordinator chose among its slots
    with the date the operation must happen by, and its SOON, out of sight: the dialog says it,
    in the list's words and red likewise."""
    from downtime.qt.i18n import set_language

    window, _ = coordinator
    session = window.session
    state = theatre.bookings(session.db, session.forms)[0]
    records.amend(session, state.record.record_id, {**state.record.data, "priority": priority,
                                                    "decided_at": "2026-11-28T09:00+01:00"}, "priority reviewed")
    set_language(lang)
    try:
        dialog = _rebooking_by_keyboard(window, qtbot, listed)
        heading = dialog.heading
        assert said in heading.text()
        assert ("color" in heading.text().split("<br>")[-1]) is red
        assert window.theatre.waiting_model.text(0, REBOOK_BY) == said.split(": ")[1]
    finally:
        set_language("en")


def test_the_done_dialog_warns_of_the_patients_other_operation_and_keeps_the_whole_date_in_sight(
        coordinator, qtbot, listed, app_style, type_text):
    """In French, once the reason's label ("Motif de l’enregistrement malgré tout") showed, the
    date box was squeezed to "6 13:20". The warning names the patient's other operation (with
    the same surgeon: named once)."""
    from downtime.qt.i18n import set_language

    window, _ = coordinator
    panel, coord = window.theatre, window.session
    t3 = records.save_new(coord, "theatre_session", {"theatre": "T3", "specialty": "General surgery",
                                                     "starts_at": "2026-11-28T08:00+01:00",
                                                     "ends_at": "2026-11-28T13:00+01:00"}).record_id
    (booked,) = theatre.bookings(coord.db, coord.forms)
    theatre.book(coord, booked.patient.patient_id, {
        "procedure": "Knee arthroscopy", "laterality": "left", "priority": "elective",
        "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None, "session": t3,
        "planned_start": "2026-11-28T11:30+01:00", "expected_minutes": 60})
    set_language("fr")
    try:
        panel.refresh()
        listed(panel)
        panel.day_table.selectRow(0)
        dialog = panel.done_selected()
        qtbot.waitActive(dialog)
        dialog.done_at.edit.selectAll()
        QTest.keyClicks(dialog.done_at.edit, "28/11/2026 10:00")
        QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.clash_reason)
        assert dialog.clash.text().startswith("⚠ Le patient avait une autre intervention 28/11 10:00–12:00 : ")
        assert "Knee arthroscopy, côté gauche, programmée en salle T3 28/11 11:30–12:30" in dialog.clash.text()
        assert "chirurgien" not in dialog.clash.text(), "his other operation is the patient's, named once"
        dialog.resize(dialog.minimumSizeHint())  # made as narrow as it goes
        qtbot.waitUntil(lambda: dialog.width() == dialog.minimumSizeHint().width())
        edit = dialog.done_at.edit
        assert edit.width() - 8 >= edit.fontMetrics().horizontalAdvance("28/11/2026 10:00"), edit.width()
        type_text(dialog.clash_reason, "Commencée en retard")
        QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
        assert not dialog.isVisible()
    finally:
        set_language("en")
    (done,) = records.list_current(coord.db, form_id=theatre.DONE_FORM)
    assert done.data[theatre.OVER_CLASH] == "Commencée en retard"


def test_booking_an_operation_the_patient_has_booked_already_asks_first(coordinator, qtbot, answers):
    """A second "carpal tunnel release " on the right was booked three days after the first, still
    booked, with nothing said. Saving now names the booking there: No goes back to the
    procedure, Yes (a staged repair, booked twice on purpose) saves."""
    script, asked = answers
    window, session_ids = coordinator
    view = _new_booking(window, session_ids[1], procedure="total hip  replacement ", laterality="right",
                        priority="elective", decided_at="2026-11-01T09:00+01:00", surgeon="Dr Roux",
                        planned_start="2026-11-30T08:00+01:00", expected_minutes=120)
    script["confirm"] = [False, True]
    view.save()
    assert asked == [("confirm", "Already booked")]
    assert view.record is None and view.editors["procedure"].widget.hasFocus()
    assert len(theatre.bookings(window.session.db, window.session.forms)) == 1
    view.save()
    assert view.record is not None and len(theatre.bookings(window.session.db, window.session.forms)) == 2


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_cancel_dialog_names_last_minute_as_its_refusal_does(coordinator, qtbot, session_for, lang):
    """The dialog asked "Dernière minute (le jour même, après l’admission)" and, left blank,
    refused « Dernière minute (le jour même, patient admis) » est obligatoire: one question in two
    words. The dialog now asks in the form's own."""
    from downtime.qt.i18n import set_language
    from downtime.qt.theatre_panel import CancelDialog

    set_language(lang)
    try:
        coord = session_for("coord", lang=lang)
        (state,) = theatre.bookings(coord.db, coord.forms)
        dialog = CancelDialog(coord, state)
        qtbot.addWidget(dialog)
        dialog.reason.setCurrentIndex(1)
        dialog.told.setCurrentIndex(1)
        dialog.last_minute.setCurrentIndex(0)  # Yes to start with, the operation being today's
        assert dialog.save() is None
        (label,) = [label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.last_minute]
        asked = label.text().replace("&", "")
        assert asked.startswith(("Last minute", "Dernière minute")) and asked in dialog.error.text()
    finally:
        set_language("en")


def test_the_coordinator_records_an_operation_done_from_the_board_by_keyboard(coordinator, qtbot, listed, answers):
    """A booking whose day had passed stayed "booked" for ever: the board could not tell an
    operation done from one that silently did not take place. Past with nothing recorded, its
    line says so in red; Alt+N on it records it done, at its slot's time and in its list's
    theatre to start with, and the line says when."""
    window, _ = coordinator
    panel = window.theatre
    assert panel.day_model.text(0, STATUS) == "booked — OUTCOME NOT RECORDED"
    assert panel.day_model.is_warning(0, STATUS)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.dialog is not None)  # the button's animated click
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    assert (dialog.done_at.edit.text(), dialog.theatre.text()) == ("28/11/2026 09:00", "T1")
    dialog.done_at.edit.clear()
    QTest.keyClicks(dialog.done_at.edit, "28/11/2026 09:05")
    QTest.keyClicks(dialog.notes, "Started on time")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "DONE 09:05 — NO SAFETY CHECKLIST recorded", "until one is typed"
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.status is theatre.BookingStatus.DONE and state.done.data["notes"] == "Started on time"
    panel.day_table.selectRow(0)
    assert panel.done_selected() is None, "a second record would say it took place twice"
    assert answers[1][-1] == ("error", "This operation is recorded done at 28/11/2026 09:05. To correct it, amend "
                                       "that record, or mark it entered in error, in the patient's records.")


def test_the_done_dialog_records_a_note_naming_the_other_side_as_written(coordinator, qtbot, listed):
    """A RIGHT hip's done note naming the left (a wrong-site operation, or "drain left in situ")
    was refused with no way through but amending the booking's side: what was done is recorded
    as written."""
    window, _ = coordinator
    panel = window.theatre
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.day_table.setFocus()
    panel.day_table.selectRow(0)
    QTest.keyClick(panel.day_table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.dialog is not None)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    QTest.keyClicks(dialog.notes, "WRONG SITE: left hip operated, incident reported")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    assert not dialog.isVisible(), dialog.error.text()
    listed(panel)
    assert panel.day_model.text(0, STATUS) == "DONE 09:00 — NO SAFETY CHECKLIST recorded"


def test_the_done_dialog_records_the_side_operated_the_bookings_to_start_with(coordinator, qtbot):
    """The done record had no side: the EHR's Procedure went on the booking's side as it stood at
    export, whatever side was operated. The dialog offers the booking's (RIGHT), and records the
    side chosen, another than the booking's only with a word of what happened in its notes."""
    window, _ = coordinator
    panel = window.theatre
    panel.day_table.selectRow(0)
    panel.done_selected()
    dialog = panel.dialog
    assert dialog.side.currentText() == "RIGHT"
    dialog.side.setCurrentIndex(dialog.sides.index("left"))
    dialog.save()
    assert dialog.error.text().startswith("Notes: the side operated (LEFT) is not the side booked (RIGHT).")
    dialog.notes.setText("WRONG SITE: left side operated, incident reported")
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    assert state.done.data[theatre.SIDE_OPERATED] == "left"


def _board_titles(panel) -> list[str]:
    """The words of the board's heading on screen, and its list's name to a screen reader."""
    return [label.text() for label in panel.findChildren(QLabel) if "board" in label.text() or "past" in label.text()
            ] + [panel.day_table.accessibleName()]


def test_past_not_recorded_shows_every_days_operations_to_clear_with_their_dates(coordinator, qtbot, listed):
    """At the end of the day the coordinator clears what is still "booked" though past: the
    board showed one day at a time, and an operation of the day before stayed unseen. Its
    heading says what it lists, and how many: it went on saying "Theatre day board"."""
    window, _ = coordinator
    panel = window.theatre
    panel.day.setDate(QDate(2026, 11, 30))
    listed(panel)
    assert panel.day_model.rowCount() == 0
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(panel.day_table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.past_only.isChecked)  # the box's animated click
    assert not panel.day.isEnabled()
    listed(panel)
    assert [panel.day_model.text(0, column) for column in range(STATUS + 1)] == [
        "T1", "28/11 09:00–11:00", "booked — OUTCOME NOT RECORDED"]
    assert _board_titles(panel) == ["<b>Operations past with no outcome recorded: 1</b>",
                                    "Operations past with no outcome recorded: 1"]
    panel.day_table.selectRow(0)
    dialog = panel.done_selected()
    qtbot.waitActive(dialog)
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    listed(panel)
    assert panel.day_model.rowCount() == 0
    assert _board_titles(panel)[-1] == "Operations past with no outcome recorded: 0"
    panel.past_only.setChecked(False)
    listed(panel)
    assert panel.day.isEnabled() and panel.selected_day().isoformat() == "2026-11-30"
    assert _board_titles(panel) == ["<b>Theatre day board</b> (cancelled or moved operations struck through)",
                                    "Theatre day board"]


def test_an_operation_done_in_a_theatre_not_free_then_asks_why_in_the_dialog(coordinator, qtbot, session_for,
                                                                             admission_values, listed):
    """Booked in T1, done in T3 at 09:05, where another operation was booked at 09:00: the dialog
    recorded it with nothing said. It now names the other operation and asks why it is recorded
    anyway; correcting the theatre or the time takes the warning and its reason back."""
    window, _ = coordinator
    panel, coord = window.theatre, window.session
    t3 = records.save_new(coord, "theatre_session", {"theatre": "T3", "specialty": "Orthopaedics",
                                                     "starts_at": "2026-11-28T08:00+01:00",
                                                     "ends_at": "2026-11-28T13:00+01:00"}).record_id
    other = records.save_new(session_for("nurse"), "admission", {
        **{name: value for name, value in admission_values.items() if name != "nir"}, "bed": "14",
        "birth_name": "Durand", "used_name": "", "birth_date": "1961-05-02"}).patient_id
    theatre.book(coord, other, {"procedure": "Knee arthroscopy", "laterality": "left", "priority": "elective",
                                "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr Vidal", "anaesthetist": "Dr Noor",
                                "session": t3, "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 60})
    panel.refresh()
    listed(panel)
    panel.day_table.selectRow(0)
    dialog = panel.done_selected()
    qtbot.waitActive(dialog)
    assert not dialog.clash.isVisible() and not dialog.clash_reason.isVisible()
    dialog.theatre.selectAll()
    QTest.keyClicks(dialog.theatre, "T3")
    dialog.done_at.edit.selectAll()
    QTest.keyClicks(dialog.done_at.edit, "28/11/2026 09:05")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    assert dialog.isVisible() and records.list_current(coord.db, form_id=theatre.DONE_FORM) == []
    assert dialog.clash.isVisible() and dialog.clash.text().startswith(
        "⚠ Theatre T3 was not free 28/11 09:05–11:05: DURAND Hélène Marie (")
    assert "Knee arthroscopy, left side, booked there 28/11 09:00–10:00 and not recorded done" in dialog.clash.text()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.clash_reason)
    QTest.keyClicks(dialog.clash_reason, "Typed ahead")
    QTest.keyClicks(dialog.theatre, "x")
    assert not dialog.clash.isVisible() and dialog.clash_reason.text() == "", "a reason for another theatre"
    QTest.keyClick(dialog.theatre, Qt.Key.Key_Backspace)
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.clash_reason)
    QTest.keyClicks(dialog.clash_reason, "T3's 09:00 case went to T4")
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    (done,) = records.list_current(coord.db, form_id=theatre.DONE_FORM)
    assert (done.data["theatre"], done.data[theatre.OVER_CLASH]) == ("T3", "T3's 09:00 case went to T4")
    listed(panel)
    assert panel.day_model.text(0, STATUS) == (
        "DONE 09:05 (T3) — NO SAFETY CHECKLIST recorded — RECORDED OVER A CLASH: T3's 09:00 case went to T4 — "
        "CLASH: theatre T3 is booked 28/11 09:00-10:00"), (
        "the coordinator reviewing the day sees why, and no advice to move an operation done")
    assert panel.day_model.is_warning(0, STATUS)
    assert panel.day_model.text(1, STATUS) == (
        "booked — OUTCOME NOT RECORDED — CLASH, move one: theatre T3 is in use 28/11 09:05-11:05 by an operation "
        "done there")


def test_a_procedure_typed_with_the_other_side_is_not_saved_until_one_is_corrected(coordinator, qtbot):
    """"Left knee arthroscopy" typed, RIGHT chosen: the list would read "Left knee arthroscopy,
    RIGHT". Refused at the procedure, both named; saved once the side chosen agrees."""
    window, session_ids = coordinator
    view = _new_booking(window, session_ids[1], laterality="right", priority="elective",
                        decided_at="2026-11-01T09:00+01:00", surgeon="Dr Roux", planned_start="2026-11-30T08:00+01:00",
                        expected_minutes=60)
    QTest.keyClicks(view.editors["procedure"].edit, "Left knee arthroscopy")
    view.save()
    assert "“Procedure” says “Left”, and “Side” is RIGHT" in view.summary.text()
    assert view.error_labels["procedure"].isVisibleTo(view)
    assert len(theatre.bookings(window.session.db, window.session.forms)) == 1
    view.editors["laterality"].set_value("left")
    view.save()
    assert view.summary.isHidden(), view.summary.text()
    assert view.record.data["procedure"] == "Left knee arthroscopy" and view.record.data["laterality"] == "left"


def test_patients_sharing_a_family_name_on_the_day_are_flagged_beside_their_names(coordinator, session_for,
                                                                                    admission_values, listed):
    """Mrs MARTIN (née Lefèvre) at 09:00 and Mr LEFEVRE at 11:30 stood on the board unmarked,
    where the patient list gives the same name alert: each name is followed by the other's, with
    their time and theatre, in red, whole in its tooltip. A patient sharing no name reads as ever."""
    window, session_ids = coordinator
    coord, panel, nurse = window.session, window.theatre, session_for("nurse")
    for bed, family, start in ((13, "Lefevre", "11:30"), (14, "Durand", "12:00")):
        patient = records.save_new(nurse, "admission", {**admission_values, "bed": str(bed), "birth_name": family,
                                                        "used_name": None, "given_names": "Paul", "nir": None,
                                                        "sex": "male"}).patient_id
        theatre.book(coord, patient, {"procedure": "Inguinal hernia repair", "laterality": "left",
                                      "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
                                      "surgeon": "Dr Blanc", "session": session_ids[0],
                                      "planned_start": f"2026-11-28T{start}+01:00", "expected_minutes": 30})
    panel.refresh()
    model = listed(panel).day_model
    names = [model.text(row, PATIENT) for row in range(model.rowCount())]
    martin = model.rows[0][1].state.patient.display_name
    assert names == [f"{martin} — SAME NAME: LEFEVRE Paul 11:30 T1", f"LEFEVRE Paul — SAME NAME: {martin} 09:00 T1",
                     "DURAND Paul"]
    assert [model.is_warning(row, PATIENT) for row in range(3)] == [True, True, False]
    assert model.data(model.index(1, PATIENT), Qt.ItemDataRole.ToolTipRole) == f"{names[1]}\nAllergies: Penicillin " \
                                                                              "(Rash, moderate)"


@pytest.mark.parametrize(("allergies", "said"), [
    ({"allergy_status": "allergies", "allergies": [{"substance": "Latex", "reaction": "Anaphylaxis",
                                                    "severity": "severe"}]}, "Allergies: Latex (Anaphylaxis, severe)"),
    ({"allergy_status": "nka", "allergies": []}, "Allergies: none known"),
    ({"allergy_status": "unknown", "allergies": []}, "Allergies: NOT KNOWN — ask")])
def test_the_board_gives_each_patients_allergies_and_a_latex_allergy_not_first_in_red(
        coordinator, session_for, admission_values, listed, allergies, said):
    """The board said nothing of allergies, which the printed list gives under each name: the
    patient's tooltip gives them, as the admission recorded them. A latex-allergic patient booked
    after another patient in the theatre that day has it said in their status, in red."""
    window, session_ids = coordinator
    coord, panel = window.session, window.theatre
    for bed, family, answers, start in ((13, "Blanc", {"allergy_status": "nka", "allergies": []}, "08:00"),
                                        (14, "Durand", allergies, "08:30")):
        patient = records.save_new(session_for("nurse"), "admission", {
            **admission_values, **answers, "bed": str(bed), "birth_name": family, "used_name": None,
            "given_names": "Paul", "nir": None, "sex": "male"}).patient_id
        theatre.book(coord, patient, {"procedure": "Inguinal hernia repair", "laterality": "left",
                                      "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
                                      "surgeon": "Dr Blanc", "session": session_ids[1],
                                      "planned_start": f"2026-11-30T{start}+01:00", "expected_minutes": 30})
    panel.day.setDate(QDate(2026, 11, 30))
    panel.refresh()
    model = listed(panel).day_model
    assert model.data(model.index(0, PATIENT), Qt.ItemDataRole.ToolTipRole) == "BLANC Paul\nAllergies: none known"
    assert (model.text(0, STATUS), model.is_warning(0, STATUS)) == ("booked", False)
    assert model.data(model.index(1, PATIENT), Qt.ItemDataRole.ToolTipRole) == f"DURAND Paul\n{said}"
    latex = "Latex" in said
    assert ("LATEX ALLERGY: move first" in model.text(1, STATUS)) is latex
    assert model.is_warning(1, STATUS) is latex


def test_an_operation_done_is_said_in_red_until_a_safety_checklist_names_it(coordinator, session_for, listed):
    """The theatre's paper checklist stayed in the notes and nothing asked for it: the line of an
    operation done says none is recorded, in red, until the theatre team's is typed."""
    from tests.test_surgical_safety_checklist import SIGNED_IN

    window, _ = coordinator
    panel, coord = window.theatre, window.session
    (state,) = theatre.bookings(coord.db, coord.forms)
    theatre.record_done(coord, state.record.record_id, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    panel.refresh()
    model = listed(panel).day_model
    assert (model.text(0, STATUS), model.is_warning(0, STATUS)) == ("DONE 09:05 — NO SAFETY CHECKLIST recorded", True)
    checklist = records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **SIGNED_IN, "booking": state.record.record_id}, patient_id=state.record.patient_id)
    panel.refresh()
    listed(panel)
    assert (model.text(0, STATUS), model.is_warning(0, STATUS)) == ("DONE 09:05 — SIGN OUT NOT RECORDED (counts)",
                                                                    True)
    records.amend(session_for("nurse"), checklist.record_id, {**checklist.data, "counts_correct": "correct"},
                  "sign out typed from the paper")
    panel.refresh()
    listed(panel)
    assert (model.text(0, STATUS), model.is_warning(0, STATUS)) == ("DONE 09:05", False)


def test_rebooking_says_what_the_board_now_flags_on_the_operation(coordinator, qtbot, session_for, admission_values,
                                                                  listed, answers):
    """Rebooked into the first free slot, a turnover after Mr Durand's operation in T2, Mr Durand who is
    allergic to latex stood second on the list, and a second DURAND on the day: the board said
    so, later. Once the rebooking is saved, and the dialog gone, a warning names the operation
    and says both in the board's words."""
    window, session_ids = coordinator
    panel, coord, nurse = window.theatre, window.session, session_for("nurse")
    latex = {"allergy_status": "allergies", "allergies": [{"substance": "Latex", "reaction": "Anaphylaxis",
                                                           "severity": "severe"}]}
    hernia = {"procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
              "decided_at": "2026-10-01T09:00+01:00", "expected_minutes": 60}
    patients = [records.save_new(nurse, "admission", {
        **admission_values, **answers_given, "bed": bed, "birth_name": "Durand", "used_name": None, "given_names": given,
        "nir": None, "sex": "male"}).patient_id
        for bed, given, answers_given in (("13", "Luc", latex), ("14", "Paul", {}))]
    allergic = theatre.book(coord, patients[0], {**hernia, "surgeon": "Dr Blanc", "session": session_ids[0],
                                                 "planned_start": "2026-11-28T11:00+01:00"})
    theatre.cancel(coord, allergic.record_id, {"cancelled_at": "2026-11-28T10:00+01:00", "reason": "list_overran",
                                               "last_minute": True, "patient_told": "in_person"})
    theatre.book(coord, patients[1], {**hernia, "surgeon": "Dr Petit", "session": session_ids[1],
                                      "planned_start": "2026-11-30T08:00+01:00"})
    panel.refresh()
    listed(panel)
    panel.waiting_table.setFocus()
    panel.waiting_table.selectRow(0)
    rebook = panel.rebook_selected()
    qtbot.waitActive(rebook)
    assert rebook.slot_list.currentItem().text().startswith("Mon 30/11 09:15 — theatre T2")
    script, asked = answers
    QTest.keyClick(rebook.slot_list, Qt.Key.Key_Return)
    listed(panel)
    number = theatre.bookings(coord.db, coord.forms, lambda facts: facts.record.record_id == allergic.record_id)[
        0].patient.downtime_number
    assert asked == [("error", f"DURAND Luc — {number}\nInguinal hernia repair, LEFT: Mon 30/11 09:15, theatre T2\n\n"
                               "Saved; the day board flags it:\n• LATEX ALLERGY: move first, latex-free theatre\n"
                               "• SAME NAME: DURAND Paul 08:00 T2")]


def test_booking_from_the_form_says_what_the_board_now_flags_on_the_operation(coordinator, session_for,
                                                                              admission_values, answers):
    """Mrs MARTIN booked on Monday's T2 list, Mr MARTIN on it already, was saved with nothing
    said, and only the board said it, later. Once saved, a warning names the operation and says
    it in the board's words."""
    script, asked = answers
    window, session_ids = coordinator
    coord = window.session
    other = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "bed": "13", "birth_name": "Martin", "used_name": None, "given_names": "Jacques",
        "nir": None, "sex": "male", "birth_date": "1950-01-02"}).patient_id
    knee = {"procedure": "Knee arthroscopy", "laterality": "left", "priority": "elective",
            "decided_at": "2026-11-01T09:00+01:00", "expected_minutes": 60}
    theatre.book(coord, other, {**knee, "surgeon": "Dr Vidal", "session": session_ids[1],
                                "planned_start": "2026-11-30T08:00+01:00"})
    view = _new_booking(window, session_ids[1], **knee, surgeon="Dr Petit", planned_start="2026-11-30T10:00+01:00")
    view.save()
    assert view.record is not None
    patient = theatre.bookings(coord.db, coord.forms, lambda facts: facts.record.record_id == view.record.record_id)[
        0].patient
    assert asked == [("error", f"{patient.display_name} — {patient.downtime_number}\nKnee arthroscopy, LEFT: "
                               "Mon 30/11 10:00, theatre T2\n\nSaved; the day board flags it:\n"
                               "• SAME NAME: MARTIN Jacques 08:00 T2")]

"""The rebook dialog says why today's free list is not offered to an operation under
anaesthetic: the patient, told now to eat nothing more, will have fasted 6 hours only then (R4
D2); takes the time the ward says the patient has been nil by mouth since, and writes it in the
rebooking; and says an urgent case, not held back, has not fasted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import records, theatre
from tests.qt.test_theatre_panel import _rebooking_by_keyboard, coordinator  # noqa: F401  (fixture)


def _under_general(window, **changed: str) -> None:
    """An afternoon list, T3 14:00-23:59, and the demo's first operation under a general anaesthetic."""
    session = window.session
    records.save_new(session, "theatre_session", {
        "theatre": "T3", "specialty": "General surgery", "starts_at": "2026-11-28T14:00+01:00",
        "ends_at": "2026-11-28T23:59+01:00"})
    state = theatre.bookings(session.db, session.forms)[0]
    records.amend(session, state.record.record_id, {**state.record.data, "anaesthetic": "general", **changed},
                  "anaesthetic said")


def test_an_in_patient_under_anaesthetic_is_offered_a_slot_once_fasted(coordinator, qtbot, listed):
    window, _ = coordinator
    session = window.session
    _under_general(window)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert dialog.slot_list.item(0).text().startswith("Sat 28/11 20:00 — theatre T3 (General surgery)")
    assert not dialog.called_in.isHidden()
    assert dialog.called_in.text() == (
        "Under anaesthetic: the patient, told now to eat nothing more, will have fasted 6 hours by Sat 28/11 20:00.")
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    (rebooked,) = theatre.bookings(session.db, session.forms)
    assert f"{rebooked.start:%a %d/%m %H:%M}" == "Sat 28/11 20:00"


def test_nil_by_mouth_since_midnight_offers_this_afternoons_list_and_is_written_in_the_rebooking(
        coordinator, qtbot, listed):
    window, _ = coordinator
    session = window.session
    _under_general(window)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert not dialog.nil_by_mouth.text(), "blank: counted from now"
    dialog.nil_by_mouth.setFocus()
    QTest.keyClicks(dialog.nil_by_mouth, "28/11/2026 00:00")
    QTest.keyClick(dialog.nil_by_mouth, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter there reads the slots again, to be seen: it books none"
    assert dialog.slot_list.item(0).text().startswith("Sat 28/11 14:00")
    assert dialog.called_in.text() == (
        "Under anaesthetic: nil by mouth since Sat 28/11 00:00, the patient has fasted 6 hours already."), \
        "the time read said, though the fast kept no slot off"
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    (rebooked,) = theatre.bookings(session.db, session.forms)
    assert f"{rebooked.start:%a %d/%m %H:%M}" == "Sat 28/11 14:00"
    assert "Nil by mouth since Sat 28/11 00:00." in rebooked.placed_by.data["reason"]


def _typed_since(dialog, text: str) -> None:
    dialog.nil_by_mouth.setFocus()
    QTest.keyClicks(dialog.nil_by_mouth, text)
    QTest.keyClick(dialog.nil_by_mouth, Qt.Key.Key_Return)


def test_a_time_alone_after_the_clocks_time_is_yesterdays_and_said(coordinator, qtbot, listed):
    """17:00 typed at 14:00 (07:00 mistyped, or misheard) was read as yesterday's unsaid, and a
    slot now booked for a patient who may have eaten: the reading is shown before booking."""
    window, _ = coordinator
    _under_general(window)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    _typed_since(dialog, "17:00")
    assert dialog.called_in.text() == (
        "Under anaesthetic: nil by mouth since Fri 27/11 17:00, the patient has fasted 6 hours already.")
    _typed_since(dialog, "\b" * 5 + "15:30")
    assert dialog.called_in.text().startswith("Under anaesthetic: nil by mouth since Fri 27/11 15:30"), \
        "a time alone not yet come today is yesterday's, never a fast that has not begun"
    _typed_since(dialog, "\b" * 5 + "12:00")
    assert dialog.called_in.text() == (
        "Under anaesthetic: nil by mouth since Sat 28/11 12:00, the patient will have fasted 6 hours by "
        "Sat 28/11 18:00.")


def test_a_time_not_yet_come_is_refused_naming_the_box(coordinator, qtbot, listed):
    window, _ = coordinator
    _under_general(window)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    _typed_since(dialog, "28/11/2026 15:30")
    assert dialog.error.text() == "“Nil by mouth since” cannot be in the future."
    assert not dialog.book.isEnabled(), "a fast that has not begun is not booked past"


def test_a_time_not_understood_names_the_box(coordinator, qtbot, listed):
    window, _ = coordinator
    _under_general(window)
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    dialog.nil_by_mouth.setFocus()
    QTest.keyClicks(dialog.nil_by_mouth, "midnight")
    QTest.keyClick(dialog.nil_by_mouth, Qt.Key.Key_Return)
    assert "Nil by mouth since" in dialog.error.text()
    assert dialog.slot_list.item(0).text().startswith("Sat 28/11 20:00"), "counted from now meanwhile"
    assert not dialog.book.isEnabled(), "a time not understood is not booked past"


def test_an_urgent_case_is_not_held_back_and_the_anaesthetist_is_to_be_told(coordinator, qtbot, listed):
    window, _ = coordinator
    _under_general(window, priority="urgent")
    dialog = _rebooking_by_keyboard(window, qtbot, listed)
    assert dialog.slot_list.item(0).text().startswith("Sat 28/11 14:00")
    assert dialog.called_in.text() == "Not fasted: tell the anaesthetist when the patient last ate."

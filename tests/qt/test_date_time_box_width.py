"""A date-time box keeps its whole text in sight, however narrow the form beside it: a time of
the hour the clocks go back is written with its offset ("25/10/2026 02:30 +01:00"), filled in or
typed, and the box sized for "01/12/2026 13:20" alone showed "2026 02:30 +01:00", its day and
month out of sight."""

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtTest import QTest

from downtime.services import records, wards

PARIS = ZoneInfo("Europe/Paris")


def test_an_admission_at_the_second_02_30_amended_shows_its_whole_time_with_its_offset(
        window, session_for, admission_values, clock, qtbot):
    clock.now = datetime(2026, 10, 25, 4, 0, tzinfo=PARIS)
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    view = window.open_record(records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-10-25T02:30+01:00"}))
    view.amend_button.click()
    edit = view.editors["arrival_at"].edit
    assert edit.text() == "25/10/2026 02:30 +01:00"
    assert edit.minimumWidth() >= edit.fontMetrics().horizontalAdvance(edit.text())
    edit.clear()
    QTest.keyClicks(edit, "25/10/2026 02:10 +02:00")
    assert edit.minimumWidth() >= edit.fontMetrics().horizontalAdvance(edit.text())

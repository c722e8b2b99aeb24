"""What another window of the app (or a `downtime` command) writes shows in this one within
seconds, as its own saves do: a chart or list open in one window went on showing what it had
read, and a nurse reading it missed a dose recorded in the other."""

from downtime.qt.main_window import ELSEWHERE_MS
from downtime.services import records


def test_an_admission_saved_on_another_connection_shows_in_the_open_patient_list(window, qtbot, listed,
                                                                                 admission_values):
    panel = listed(window.patients)
    assert window.tabs.currentWidget() is panel and panel.model.rowCount() == 0
    other = window.session.own_connection()()
    try:
        records.save_new(other, "admission", admission_values)
    finally:
        other.db.close()
    # The window asks every ELSEWHERE_MS whether another connection wrote: that moment, not its wait.
    assert window.elsewhere_timer.isActive() and window.elsewhere_timer.interval() == ELSEWHERE_MS
    window.elsewhere_timer.timeout.emit()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=ELSEWHERE_MS)
    assert "MARTIN" in listed(panel).model.text(0, 2)

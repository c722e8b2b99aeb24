"""The Medication round and Controlled drugs tabs, and the actions leading to them, only for
those who give, prescribe or witness medicines (ward nurses and doctors): a records clerk, a
coordinator and the administrator had both tabs and could act on neither. The rest of their
window works without them, and a records clerk still reads a patient's MAR."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from downtime.qt.main_window import MainWindow
from downtime.qt.mar_view import MarView
from downtime.qt.sign_in import SignInDialog
from downtime.services import drafts, medication

EVERYONE = ["Patients", "Theatre", "Escalation"]
MEDICINES = ["Medication round", "Controlled drugs"]


def _tabs(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(index) for index in range(window.tabs.count())]


def _ward_menu(window: MainWindow) -> list[str]:
    ward = window.menuBar().actions()[0].menu()
    return [action.text().replace("&", "") for action in ward.actions()]


@pytest.mark.parametrize(("staff_id", "tabs"), [
    ("nurse", ["Patients", *MEDICINES, "Theatre", "Escalation"]),
    ("doctor", ["Patients", *MEDICINES, "Theatre", "Escalation"]),
    ("coord", EVERYONE),
    ("records", [*EVERYONE, "Back-entry"]),
    ("admin", [*EVERYONE, "Administration"]),
])
def test_only_those_who_record_doses_have_the_round_and_the_register(window_for, session_for, answers, staff_id, tabs):
    window = window_for(session_for(staff_id))
    assert _tabs(window) == tabs
    gives = "Medication round" in tabs
    assert ("round" in window.actions_by_id, "cd_register" in window.actions_by_id) == (gives, gives)
    menu = _ward_menu(window)
    assert ("Medication round" in menu, "Controlled-drug register" in menu) == (gives, gives)
    assert "Medication chart (MAR)" in menu, "every role reads a patient's MAR"
    shortcuts = {action.shortcut().toString() for action in window.actions_by_id.values()}
    assert ("Ctrl+M" in shortcuts) == gives
    if gives:
        window.actions_by_id["round"].trigger()
        assert window.tabs.currentWidget() is window.medication
        window.actions_by_id["cd_register"].trigger()
        assert window.tabs.currentWidget() is window.cd_register
    else:
        assert window.medication is None and window.cd_register is None


def test_the_records_clerk_opens_a_patients_mar_from_the_patient_list(window_for, session_for, answers, medication_ward,
                                                                      select_bed):
    patient, amox, _ = medication_ward
    window = window_for(session_for("records"))
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, MarView) and chart.patient_id == patient
    assert amox in {row.order.record_id for row, _ in chart.model.rows}


def test_the_records_clerks_window_refreshes_switches_language_and_locks_without_the_medicine_tabs(
        window_for, session_for, answers, medication_ward, select_bed, monkeypatch):
    window = window_for(session_for("records"))
    select_bed(window, "12")
    chart = window.for_selected(window.open_mar_of)
    window.refresh_lists()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # each list read once shown, after the refresh
    window.set_language("fr")
    try:
        assert _tabs(window)[:3] == ["Patients", "Bloc", "Alertes"]
        assert isinstance(window.tabs.widget(window.tabs.count() - 1), MarView), "the open chart stays open"
    finally:
        window.set_language("en")

    def same_clerk(dialog: SignInDialog) -> QDialog.DialogCode:
        dialog.staff_id.setText("records")
        dialog.pin.setText("4444")
        dialog.try_sign_in()
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(SignInDialog, "exec", same_clerk)
    window.lock()
    assert not window.centralWidget().isHidden() and window.idle_timer.isActive()
    assert chart.patient_id == medication_ward[0]


def test_a_dose_the_records_clerk_typed_at_a_mar_cell_stays_a_draft_at_their_next_sign_in(
        qtbot, window_for, session_for, answers, medication_ward, select_bed):
    """A clerk's dose draft (typed before the MAR told a clerk it is for reading, its Save refused
    to them) reopens on the round, which they do not have: their next window opens without
    offering it, the draft kept."""
    from downtime.qt.dose_dialog import DoseDialog

    clerk = session_for("records")
    window = window_for(clerk)
    select_bed(window, "12")
    chart = window.for_selected(window.open_mar_of)
    row, _ = chart.model.rows[0]
    dialog = DoseDialog(clerk, row.order, row.cells[0].slot, chart)
    dialog.open()
    qtbot.waitActive(dialog)
    dialog.outcome.setCurrentIndex(1)
    dialog.hand_over()  # as when they sign out over it
    assert [draft.form_id for draft in drafts.drafts_of(clerk)] == [medication.DOSE_FORM]
    window.close()
    _, asked = answers
    again = window_for(session_for("records"))
    assert again.resume_drafts() == [] and asked == []
    assert [draft.form_id for draft in drafts.drafts_of(clerk)] == [medication.DOSE_FORM], "kept, not discarded"


def test_a_records_clerk_pressing_enter_on_a_mar_cell_is_told_the_chart_is_for_reading(
        window_for, session_for, answers, medication_ward, select_bed):
    """The dose dialog opened for a clerk, who typed a dose Save then refused: the chart says it is
    for reading, and its Record a dose button is greyed out."""
    window = window_for(session_for("records"))
    select_bed(window, "12")
    chart = window.for_selected(window.open_mar_of)
    chart.table.setCurrentIndex(chart.model.index(0, 2))
    QTest.keyClick(chart.table, Qt.Key.Key_Return)
    _, asked = answers
    assert asked[-1][0] == "error" and asked[-1][1].startswith("Doses are recorded by the nurse or doctor who gives them")
    assert chart.dialog is None and not chart.record_button.isEnabled()

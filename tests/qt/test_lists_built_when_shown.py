"""The main window builds the patient list at once and each other list (the round, the
controlled drugs, the theatre, the escalations, administration, back-entry) as its tab is first
shown or the list first asked for: built, each is in its tab's place, read, and keeps the ward
chosen on it across a change of language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

from downtime.qt.i18n import set_language
from downtime.qt.main_window import MainWindow
from downtime.qt.medication_panel import MedicationPanel
from downtime.qt.observations_view import EscalationPanel
from downtime.qt.theatre_panel import TheatrePanel
from downtime.services import settings, wards

NURSE_TABS = ["Patients", "Medication round", "Controlled drugs", "Theatre", "Escalation"]


def _titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(index) for index in range(window.tabs.count())]


def _click_tab(qtbot, window: MainWindow, index: int) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_a_list_is_built_in_its_tabs_place_as_the_tab_is_first_clicked_and_read(
        qtbot, window_for, session_for, medication_ward, listed):
    window = window_for(session_for("nurse"))
    assert _titles(window) == NURSE_TABS
    assert not any(isinstance(window.tabs.widget(index), (MedicationPanel, TheatrePanel, EscalationPanel))
                   for index in range(window.tabs.count())), "only the patient list is built at once"

    _click_tab(qtbot, window, 1)
    shown = window.tabs.currentWidget()
    assert isinstance(shown, MedicationPanel) and window.tabs.currentIndex() == 1
    assert window.medication is shown, "asked for again, the same list"
    assert {row.order.drug for row in shown.model.rows} == {"Amoxicillin"}, "read as it was shown"
    assert _titles(window) == NURSE_TABS
    assert window.tabs.tabBar().tabButton(1, QTabBar.ButtonPosition.RightSide) is None, "a fixed tab has no close button"

    _click_tab(qtbot, window, 4)
    escalations = listed(window.tabs.currentWidget())
    assert isinstance(escalations, EscalationPanel) and window.escalation is escalations
    _click_tab(qtbot, window, 1)
    assert window.tabs.currentWidget() is shown, "built once"


def test_a_list_asked_for_before_it_is_shown_is_read_when_shown(qtbot, window_for, session_for, medication_ward):
    window = window_for(session_for("nurse"))
    window.activateWindow()
    qtbot.waitActive(window)
    theatre = window.theatre
    assert window.tabs.currentIndex() == 0, "asking for a list does not show it"
    assert window.tabs.widget(3) is theatre and _titles(window) == NURSE_TABS
    window.show_round()
    assert window.tabs.currentWidget() is window.medication
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.medication.table)


def test_the_ward_chosen_on_each_list_stays_through_changes_of_language_built_or_not(
        qtbot, window_for, session_for, medication_ward):
    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["1", "2"])
    window = window_for(session_for("nurse"))
    try:
        window.show_round()
        window.medication.ward.choose("ICU")
        window.escalation.ward.choose("ICU")
        first_ward = window.cd_register.ward.currentData()
        window.actions_by_id["language_fr"].trigger()
        assert window.tabs.tabText(1) == "Tour des médicaments"
        window.actions_by_id["language_en"].trigger()
        assert window.medication.ward.currentData() == "ICU"
        assert window.escalation.ward.currentData() == "ICU"
        assert window.cd_register.ward.currentData() == first_ward == "3B"
    finally:
        set_language("en")


def test_a_laptops_ward_set_since_opens_every_list_not_yet_built_again_on_it(
        qtbot, window_for, session_for, medication_ward):
    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["1", "2"])
    admin = window_for(session_for("admin"))
    try:
        admin.escalation.ward.choose("ICU")
        admin.actions_by_id["language_fr"].trigger()
        admin.actions_by_id["language_en"].trigger()
        admin.admin.laptop_ward.choose("3B")
        admin.admin.laptop_ward_button.click()
        assert settings.laptop_ward(admin.session.db) == "3B"
        assert admin.escalation.ward.currentData() == "3B"
    finally:
        set_language("en")


def test_someone_without_a_list_has_neither_its_tab_nor_the_list(window_for, session_for):
    clerk = window_for(session_for("records"))
    assert clerk.medication is None and clerk.cd_register is None and clerk.admin is None
    assert _titles(clerk) == ["Patients", "Theatre", "Escalation", "Back-entry"]
    assert clerk.back_entry is not None and clerk.tabs.widget(3) is clerk.back_entry


@pytest.mark.parametrize("who", ["nurse", "doctor", "admin", "records", "coord"])
def test_no_list_built_on_an_open_window_shows_a_window_of_its_own_or_takes_the_focus(
        qtbot, window_for, session_for, medication_ward, who, stray_windows):
    """The theatre's Safety checklist button was shown before it was in the panel: a window of its
    own for an instant, which took the focus from the window the list was opened in."""
    window = window_for(session_for(who))
    window.activateWindow()
    qtbot.waitActive(window)
    window.patients.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    stray_windows.clear()
    built = [getattr(window, name) for name in ("medication", "cd_register", "theatre", "escalation", "admin",
                                                "back_entry")]
    qtbot.wait(20)
    assert sum(panel is not None for panel in built) == window.tabs.count() - 1
    assert stray_windows == []
    assert window.isActiveWindow() and QApplication.focusWidget() is focused

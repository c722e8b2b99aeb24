"""The main window and its dialogs on a ward laptop's screen: 1366×768 at Windows' 125 % is
1,092×582 logical pixels, 1024×768 at 100 % is 1,024 wide, each less a taskbar."""

from downtime.qt import main_window
from downtime.qt.main_window import MainWindow

NARROWEST = 1_000
"""A tab may not need more: a 1024-pixel screen, less the window's frame."""


def test_every_tab_of_a_french_nurses_window_fits_a_1024_pixel_screen(qtbot, session_for, medication_ward, listed,
                                                                      laptop_window, answers, app_style):
    """In French the window could not be narrower than 1,045 pixels, and once the Medication round
    was opened 1,330 (a tab bar's window is as wide as its widest page): the round's count ("… omise(s)
    depuis plus de 12 h, en fin de liste") sat beside its print button, the banner's lines and
    the theatre board's and MAR's buttons on one row each. At 125 % the round's Route and
    Alerts, the MAR's today column and the tabs' close buttons lay past the screen's edge."""
    patient, _, _ = medication_ward
    window = laptop_window(session_for("nurse", "fr"), 900, 600)
    window.show_round()
    window.open_mar_of(patient)
    window.open_observations_of(patient)
    assert "en fin de liste" in window.medication.count.text()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        if hasattr(page, "reader"):
            listed(page)
        assert page.minimumSizeHint().width() <= NARROWEST, window.tabs.tabText(index)
    assert window.banner.minimumSizeHint().width() <= NARROWEST
    assert window.minimumSizeHint().width() <= NARROWEST


def test_the_back_entry_tab_fits_a_1024_pixel_screen_in_french(session_for, back_entry_tab, app_style):
    from downtime.qt.i18n import set_language

    set_language("fr")
    try:
        window = back_entry_tab(session_for("records", "fr"))
        assert window.back_entry.minimumSizeHint().width() <= NARROWEST
        assert window.minimumSizeHint().width() <= NARROWEST
    finally:
        set_language("en")


def test_the_window_opens_within_the_screen_and_maximised_on_a_small_one(qtbot, session_for, answers):
    """It opened at a fixed 1340×740: on a 1366×768 laptop at 125 % with a taskbar, Save (Ctrl+S)
    lay under the taskbar. Where the screen has no room for that, the window opens maximised."""
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < main_window.PREFERRED.width(), "the test screen is smaller than the window's preferred size"
    assert window.width() <= room.width() and window.height() <= room.height()
    window.show_on_screen()
    qtbot.waitExposed(window)
    assert window.isMaximized()
    assert window.width() <= room.width() and window.height() <= room.height()


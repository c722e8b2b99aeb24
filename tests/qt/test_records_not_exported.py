"""Records typed on the laptop after its last export: the banner says so, in bold, and signing
out, quitting or closing the window asks first. The stick that left holds none of them and the
records office cannot know of them (sync.missing)."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from downtime.qt.banner import Banner
from downtime.qt.prompts import Prompts
from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.services import cd_register, records
from downtime.sync.export import export

NOT_EXPORTED = "1 record(s) typed since the last export (28/11 09:00): export again"


@pytest.fixture
def stick_at_9(session_for, patient, clock, tmp_path):
    """`patient` admitted, the ward's last stick made at 09:00 on 28/11; the clock then at 14:05."""
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    export(session_for("records"), tmp_path / "last-stick")
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    return patient


def _order_typed(session_for, patient: str) -> None:
    """The doctor's paracetamol order, written at 14:05: after the stick."""
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T14:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient)


def test_the_banner_says_the_records_typed_since_the_last_export_until_exported_again(
        qtbot, session_for, stick_at_9, clock, tmp_path):
    banner = Banner(session_for("nurse"))
    qtbot.addWidget(banner)
    banner.show()
    assert not banner.not_exported.isVisible(), "nothing typed since the stick"
    _order_typed(session_for, stick_at_9)
    banner.saved(clock.now)
    assert banner.not_exported.isVisible() and banner.not_exported.text() == NOT_EXPORTED
    assert banner.not_exported.font().bold()
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    export(session_for("records"), tmp_path / "again", since_last=True)
    clock.now += timedelta(minutes=1)
    banner.tick()
    assert not banner.not_exported.isVisible(), "the minute's reading sees the export made since"


def test_a_laptop_that_never_exported_says_its_records_are_on_no_stick(qtbot, session_for, patient, window_for,
                                                                       monkeypatch):
    """Put away with no export, its records reach nobody: the banner says so from the first one,
    beside the backup's age (the ward exports at the outage's end: a row of its own, weeks long,
    took a small screen's height). Signing out does not ask (asked at every sign-out, it would be
    answered unread)."""
    banner = Banner(session_for("nurse"))
    qtbot.addWidget(banner)
    banner.show()
    held = session_for("nurse").db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    assert not banner.not_exported.isVisible()
    assert banner.no_export.isVisible() and banner.no_export.text() == "No export yet"
    assert banner.no_export.toolTip() == (
        f"{held} record(s) typed on this laptop, which has never exported: export them before the laptop is put away")
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(title) or False))
    window = window_for(session_for("nurse"))
    window.actions_by_id["sign_out"].trigger()
    assert said == [] and not window.isVisible()


def _signed_in(window, qtbot) -> None:
    """The window active, as at sign-in: on the offscreen platform a window just shown is not, and
    no widget of it has the focus until it is."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_laptop_that_never_exported_counts_its_records_without_a_mouse(qtbot, session_for, patient, window_for):
    """The count was in the tooltip alone, shown on mouse hover: Shift+Tab from the tab bar now
    reaches "No export yet", and a screen reader reads the count as its description. Its words stay
    short (written beside it, they widened the window past a laptop's screen)."""
    window = window_for(session_for("nurse"))
    _signed_in(window, qtbot)
    label = window.banner.no_export
    counted = label.toolTip()
    assert counted.endswith("typed on this laptop, which has never exported: export them before the laptop is put away")
    assert label.accessibleDescription() == counted
    _shift_tabbed_to(window, label)
    assert label.text() == "No export yet" and label.accessibleDescription() == counted


def _shift_tabbed_to(window, widget: QWidget) -> None:
    """Shift+Tab from the tab bar until `widget` has the focus, each key let go where the focus
    then is, as a keyboard's is (QTest.keyClick lets it go where it was pressed)."""
    window.tabs.tabBar().setFocus()
    for _ in range(len(window.findChildren(QWidget))):
        if QApplication.focusWidget() is widget:
            break
        QTest.keyPress(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        QTest.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is widget


def test_no_export_yet_reached_by_tab_shows_its_count_and_its_focus_to_a_sighted_nurse(qtbot, session_for, patient,
                                                                                       window_for):
    """The count reached a screen reader alone: a sighted nurse Shift+Tabbing to "No export yet"
    saw no count, and nothing drawn with the focus, her next keys going nowhere. Its detail pops
    up under it and a ring is drawn round it, the label no wider; both gone with the focus."""
    from PySide6.QtWidgets import QToolTip

    window = window_for(session_for("nurse"))
    _signed_in(window, qtbot)
    label = window.banner.no_export
    unfocused, width = label.grab().toImage(), label.width()
    _shift_tabbed_to(window, label)
    assert QToolTip.isVisible() and QToolTip.text() == label.toolTip()
    assert label.grab().toImage() != unfocused, "no focus drawn"
    assert label.width() == width and label.text() == "No export yet"
    window.tabs.tabBar().setFocus()
    assert not QToolTip.isVisible()
    assert label.grab().toImage() == unfocused


def test_signing_in_on_a_laptop_never_exported_starts_on_the_patient_search(qtbot, session_for, patient, window_for):
    """"No export yet" is the window's first tab stop: each sign-in, on every laptop from its first
    record to the outage's first export, put the focus on it, a screen reader's first words the
    export's nag and the nurse's typing going nowhere. The keyboard starts on the Patients tab's
    search."""
    window = window_for(session_for("nurse"))
    _signed_in(window, qtbot)
    assert window.banner.no_export.isVisible()
    assert QApplication.focusWidget() is window.patients.search_box
    QTest.keyClicks(QApplication.focusWidget(), "Martin")
    assert window.patients.search_box.text() == "Martin"


def test_register_lines_written_after_the_last_export_are_said_and_asked_over(qtbot, session_for, stick_at_9,
                                                                            window_for, monkeypatch, clock):
    """Morphine received after the 09:00 stick: the pharmacy reconciles the cupboard from the
    register the stick carries, which does not have it."""
    cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 10, witness=("doctor", "2222"))
    banner = Banner(session_for("nurse"))
    qtbot.addWidget(banner)
    banner.show()
    assert banner.not_exported.isVisible() and banner.not_exported.text() == (
        "1 controlled-drug register line(s) typed since the last export (28/11 09:00): export again")
    _order_typed(session_for, stick_at_9)
    banner.saved(clock.now)
    assert banner.not_exported.text() == (
        "1 record(s) and 1 controlled-drug register line(s) typed since the last export (28/11 09:00): export again")
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or False))
    window = window_for(session_for("nurse"))
    window.actions_by_id["sign_out"].trigger()
    assert said == ["1 record(s) and 1 controlled-drug register line(s) typed since the last export (28/11 09:00) "
                    "will not reach the records office unless exported again: leave all the same?"]
    assert window.isVisible()


def test_signing_out_quitting_and_closing_ask_over_records_not_exported(window_for, session_for, stick_at_9,
                                                                        monkeypatch):
    """The nurse leaving at 14:05 is asked, as the next person may not read the banner; No keeps
    the window open, to export."""
    window = window_for(session_for("nurse"))
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text))
                                                          or False))
    window.actions_by_id["sign_out"].trigger()
    assert said == [] and not window.isVisible(), "nothing typed since the stick: no question"
    window = window_for(session_for("nurse"))
    _order_typed(session_for, stick_at_9)
    window.actions_by_id["sign_out"].trigger()
    assert said == [("Records not exported", "1 record(s) typed since the last export (28/11 09:00) will not "
                                             "reach the records office unless exported again: leave all the same?")]
    assert window.isVisible()
    window.actions_by_id["quit"].trigger()
    assert len(said) == 2 and window.isVisible(), "Quit (Ctrl+Q) asks too"

    class ClosedByItsCross(QCloseEvent):
        def spontaneous(self) -> bool:
            return True

    closed = ClosedByItsCross()
    window.closeEvent(closed)
    assert len(said) == 3 and not closed.isAccepted(), "the cross asks too"
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: True))
    window.actions_by_id["sign_out"].trigger()
    assert not window.isVisible(), "Yes signs out all the same"


@pytest.mark.parametrize("width", [1366, 1092])
def test_the_banners_words_are_whole_on_a_laptop_at_the_largest_text(session_for, stick_at_9, laptop_window,
                                                                      app_style, width):
    """On its own row, wrapped: at 1366 and at a 1366×768 laptop's 1092 pixels (125 %), at the
    largest text, the words are whole and the window no wider than the screen."""
    app = QApplication.instance()
    change_text_size(app, len(TEXT_SIZES))
    _order_typed(session_for, stick_at_9)
    window = laptop_window(session_for("nurse"), width, 582)
    said = window.banner.not_exported
    assert said.isVisible() and said.text() == NOT_EXPORTED
    assert said.height() >= said.heightForWidth(said.width())
    assert said.geometry().right() <= window.banner.width() and window.minimumSizeHint().width() <= 1_000

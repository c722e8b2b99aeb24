"""Driving the real widgets as a user would: typing (accents included), Tab, Enter."""

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QApplication, QDialog, QInputDialog, QLineEdit, QMainWindow, QMenu, QMessageBox,
                               QProgressDialog, QStyle, QTableView, QWidget)

from downtime.domain.medication import Check

from downtime.qt.collector import collect_on_gui_thread
from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.form_view import FormView
from downtime.qt.main_window import MainWindow
from downtime.qt.back_entry_panel import BackEntryPanel
from downtime.qt.observations_view import EscalationPanel
from downtime.qt.patients_panel import PatientsPanel
from downtime.qt.prompts import Prompts
from downtime.qt.work import Work
from downtime.services import census, medication, records, staff, wards
from downtime.services.context import Session, Vault, load_device

Panel = TypeVar("Panel", PatientsPanel, EscalationPanel, BackEntryPanel)


@pytest.fixture(autouse=True)
def _collected_on_gui_thread(qapp):
    """As in the app: Python's cycle collector runs on the GUI thread only, between events.
    Automatic again after the test, once its threads have ended (`_windows_deleted`)."""
    collector = collect_on_gui_thread(qapp)
    yield
    collector.stop()


class ModalWatch:
    """Closes a modal dialog that blocks the test's own code, and says which one. A dialog run
    with `exec()` (a message box, a question) that no test scripted waits for a click no one
    gives: a test pressing Enter on a cell that had become a refusal's message box held the
    whole suite until CI was stopped. Such a dialog is told from one a test drives while it
    waits (`dialog.open()`, then qtbot's waits) by who is waiting on it: the code that called
    `exec()`, not pytest-qt's loop. The busy dialog of a long call is not a question."""

    def __init__(self, patience: float = 3.0) -> None:
        self.patience = patience
        self.seen: list[str] = []
        self._since: dict[int, float] = {}
        self.timer = QTimer(interval=100)
        self.timer.timeout.connect(self.look)

    def look(self) -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QDialog) or isinstance(modal, QProgressDialog) or not _blocked_on(sys._getframe(1)):
            self._since.clear()
            return
        since = self._since.setdefault(id(modal), time.monotonic())
        if time.monotonic() - since >= self.patience:
            self.seen.append(_described(modal))
            self._since.clear()
            modal.reject()


def _blocked_on(frame) -> bool:
    """Whether the first Python code under this timer's call is other than pytest-qt's waits:
    the code that called a dialog's `exec()`."""
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    return frame is not None and "pytestqt" not in frame.f_code.co_filename


def _described(modal: QDialog) -> str:
    if isinstance(modal, QMessageBox):
        return f"{modal.windowTitle()}: {modal.text()}"
    if isinstance(modal, QInputDialog):
        return f"{modal.windowTitle()}: {modal.labelText()}"
    return f"{type(modal).__name__} {modal.windowTitle()!r}"


@pytest.fixture(autouse=True)
def _app_style_restored(qapp) -> Iterator[None]:
    """The application's style, font, palette and style sheet as they were before the test: a test
    starting the app styles it (Fusion, the ward's text size), and every later test of that
    worker measured its widths in that style, passing alone and failing in the suite. A test of
    how something fits the laptop's screen styles the app itself (`app_style`)."""
    style, font, palette, sheet = qapp.style().name(), qapp.font(), qapp.palette(), qapp.styleSheet()
    yield
    # The style sheet first: while one is set the style is named "" (Qt's style sheet style), and
    # the app's own Fusion, set again under a test's sheet, went through every widget once more.
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)
    if qapp.style().name() != style:
        qapp.setStyle(style)
    if qapp.font() != font:
        qapp.setFont(font)
    if qapp.palette() != palette:
        qapp.setPalette(palette)


@pytest.fixture(autouse=True)
def _windows_deleted(qapp) -> Iterator[None]:
    """The test's windows deleted as it ends, once its threads have ended and what they sent has
    arrived: pytest-qt closes them and asks Qt to delete them later, which Qt did only at the
    next test's first wait, so the style restored after this test (`_app_style_restored`) and set
    before the next (`app_style`) went through every widget of them (a tenth of the Qt tests'
    time), and their band scanners saw every event of the next test."""
    yield
    for work in list(Work.running):
        work.wait()
    qapp.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def app_style(qapp) -> None:
    """The app's own style (downtime.qt.style), as a ward's laptop shows it; undone after the test."""
    from downtime.qt.style import apply_style

    apply_style(qapp)


@pytest.fixture(autouse=True)
def modal_watch(qapp) -> Iterator[ModalWatch]:
    """Fails a test whose code met a modal dialog it did not script, instead of waiting forever."""
    watch = ModalWatch()
    watch.timer.start()
    yield watch
    watch.timer.stop()
    if watch.seen:
        pytest.fail("a modal dialog no test answered, closed after "
                    f"{watch.patience:g} s: " + "; ".join(watch.seen), pytrace=False)


def _type_text(widget: QWidget, text: str) -> None:
    """Type any text into a widget. QTest.keyClicks aborts the process on non-ASCII characters
    (see TESTING-NOTES), so those go one by one as key events carrying their text."""
    run = ""
    for char in text:
        if char.isascii():
            run += char
            continue
        if run:
            QTest.keyClicks(widget, run)
            run = ""
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)
    if run:
        QTest.keyClicks(widget, run)


@pytest.fixture
def listed(qtbot) -> Callable[[Panel], Panel]:
    """A list once read: the patient list, the NEWS2 escalations and the back-entry worklist
    are read on a thread of their own, after every save or change of ward."""

    def wait(panel: Panel) -> Panel:
        qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
        return panel

    return wait


@pytest.fixture
def escalation_row(listed) -> Callable[[MainWindow, str], tuple[EscalationPanel, int]]:
    """escalation_row(window, chart): the window's escalation tab shown and read, and the one row
    of its other charts' list whose Chart column says `chart`."""

    def find(window: MainWindow, chart: str) -> tuple[EscalationPanel, int]:
        panel = window.escalation
        window.tabs.setCurrentWidget(panel)
        panel.refresh()
        listed(panel)
        (row,) = [row for row in range(panel.charts_model.rowCount()) if panel.charts_model.texts(row)[4] == chart]
        return panel, row

    return find


def open_from_escalation(window: MainWindow, panel: EscalationPanel, row: int) -> QWidget:
    """Enter on a row of the escalation list's other charts, as a nurse opens it: the tab it opened."""
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    return window.tabs.currentWidget()


@pytest.fixture
def back_entry_tab(qtbot) -> Callable[[Session], MainWindow]:
    """back_entry_tab(office): the records office clerk's window shown on its Back-entry tab, the
    worklist read."""

    def show(office: Session) -> MainWindow:
        window = MainWindow(office)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.tabs.setCurrentWidget(window.back_entry)
        qtbot.waitUntil(lambda: not window.back_entry.reader.busy, timeout=60_000)
        return window

    return show


@pytest.fixture
def select_bed(listed) -> Callable[[MainWindow, str], None]:
    """Selects the patient in that bed in the window's patient list, as a click would."""

    def select(window: MainWindow, bed: str) -> None:
        panel = listed(window.patients)
        panel.table.selectRow(next(row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == bed))

    return select


@pytest.fixture
def form_on_bed_12(select_bed) -> Callable[[MainWindow, str], FormView]:
    """form_on_bed_12(window, form_id): the patient in bed 12 chosen in the window's list and a new
    record of that form opened from **Record for selected patient**, as a nurse does: its view."""

    def open_form(window: MainWindow, form_id: str) -> FormView:
        window.patients.reload_wards()
        select_bed(window, "12")
        window.actions_by_id[f"record_{form_id}"].trigger()
        form = window.tabs.currentWidget()
        assert isinstance(form, FormView) and form.spec.id == form_id
        return form

    return open_form


@pytest.fixture
def order_form_on_bed_12(select_bed, qtbot) -> Callable[[Session], tuple[MainWindow, QWidget]]:
    """order_form_on_bed_12(session): that prescriber's window shown, the patient in bed 12 chosen
    and a new medication order opened from the menu, as a doctor does: (window, the order's view)."""

    def open_order(session: Session) -> tuple[MainWindow, QWidget]:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        select_bed(window, "12")
        window.actions_by_id["record_medication_order"].trigger()
        return window, window.tabs.currentWidget()

    return open_order


@pytest.fixture
def type_text() -> Callable[[QWidget, str], None]:
    return _type_text


@pytest.fixture
def escaped(qtbot) -> Callable[[Iterable[Callable[[], QDialog]]], None]:
    """escaped(openings): each opening does what the user does to open a dialog and returns it,
    which is closed with Escape once shown; then Qt deletes what it was asked to delete, for the
    test to find which dialogs are still kept once closed."""

    def close_each(openings: Iterable[Callable[[], QDialog]]) -> None:
        for opening in openings:
            dialog = opening()
            qtbot.waitExposed(dialog)
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            assert not dialog.isVisible()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    return close_each


@pytest.fixture
def dose_dialog(qtbot) -> Callable[..., DoseDialog]:
    """dose_dialog(session, order_id, slot=None): the dose dialog of that order (at that time),
    shown as the chart opens it."""
    def show(session: Session, order_id: str, slot: datetime | None = None) -> DoseDialog:
        dialog = DoseDialog(session, medication.order(session.db, order_id), slot)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return show


@pytest.fixture
def reason_box() -> Callable[[DoseDialog, Check], QLineEdit]:
    """The box of the reason to give a dose despite the dose dialog's one warning of a kind."""
    def find(dialog: DoseDialog, check: Check) -> QLineEdit:
        (box,) = [edit for (kind, _), edit in dialog.override_edits.items() if kind is check]
        return box
    return find


@pytest.fixture
def laptop_window(qtbot) -> Iterator[Callable[[Session, int, int], MainWindow]]:
    """laptop_window(session, width, height): the main window of `session`'s person shown at a
    laptop screen's size, in their language (English again after the test)."""
    from downtime.qt.i18n import set_language

    def show(session: Session, width: int, height: int) -> MainWindow:
        set_language(session.lang)
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield show
    set_language("en")


@pytest.fixture
def typist(qtbot) -> Callable[[str], QWidget]:
    """Types into whichever widget has the focus, then presses Tab; returns that widget."""

    def type_and_tab(text: str = "") -> QWidget:
        focused = QApplication.focusWidget()
        assert focused is not None
        if text:
            _type_text(focused, text)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        return focused

    return type_and_tab


@pytest.fixture
def answers(monkeypatch):
    """Scripted answers for the app's modal prompts; records what was asked."""
    asked: list[tuple[str, str]] = []
    script = {"reason": ["Bed number misheard"], "confirm": [True], "text": [], "filled": [], "reason_filled": []}

    def reason(parent, title, label, filled=""):
        asked.append(("reason", title))
        script["reason_filled"].append(filled)
        return script["reason"].pop(0) if script["reason"] else None

    def confirm(parent, title, text):
        asked.append(("confirm", title))
        return script["confirm"].pop(0) if script["confirm"] else False

    def text(parent, title, label, filled=""):
        asked.append(("text", title))
        script["filled"].append(filled)
        return script["text"].pop(0) if script["text"] else None

    monkeypatch.setattr(Prompts, "reason", staticmethod(reason))
    monkeypatch.setattr(Prompts, "text", staticmethod(text))
    monkeypatch.setattr(Prompts, "confirm", staticmethod(confirm))
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda p, t, x: asked.append(("error", x))))
    monkeypatch.setattr(Prompts, "info", staticmethod(lambda p, t, x: asked.append(("info", x))))
    monkeypatch.setattr(Prompts, "open_file", staticmethod(lambda path: asked.append(("open", str(path)))))
    return script, asked


@pytest.fixture
def app_signed_in(qtbot, monkeypatch) -> Callable[..., MainWindow]:
    """app_signed_in(path, staff_id="nurse", pin="1111"): the app started on `path` as the
    README's command starts it, the person typing their staff ID and PIN at the sign-in window
    and pressing Enter; returns the window it opens."""
    from downtime.qt import app as app_module

    def run(path: Path, staff_id: str = "nurse", pin: str = "1111") -> MainWindow:
        opened: list[MainWindow] = []

        def type_in(dialog):
            QTest.keyClicks(dialog.staff_id, staff_id)
            QTest.keyClick(dialog.staff_id, Qt.Key.Key_Return)
            QTest.keyClicks(dialog.pin, pin)
            QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
            return dialog.result()

        monkeypatch.setattr(app_module.SignInDialog, "exec", type_in)
        monkeypatch.setattr(MainWindow, "resume_drafts", lambda self: opened.append(self) or [])
        monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
        assert app_module.run(path) == 0
        (window,) = opened
        qtbot.addWidget(window)
        return window

    return run


@pytest.fixture
def window_for(qtbot) -> Callable[[Session], MainWindow]:
    """window_for(session): the main window of that person, shown."""

    def show(session: Session) -> MainWindow:
        main = MainWindow(session)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        return main

    return show


@pytest.fixture
def window(window_for, session_for, answers) -> MainWindow:
    return window_for(session_for("nurse"))


@pytest.fixture
def shown_whole() -> Callable[[QTableView, int, int], bool]:
    """shown_whole(table, row, column): whether the cell's words are all on screen, within the
    list's width, on one line or wrapped onto a row tall enough for them, never cut."""

    def whole(table: QTableView, row: int, column: int) -> bool:
        text = str(table.model().index(row, column).data() or "")
        within = 0 <= table.columnViewportPosition(column) and \
            table.columnViewportPosition(column) + table.columnWidth(column) <= table.viewport().width()
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
        one_line = "\n" not in text and table.fontMetrics().horizontalAdvance(text) + margin <= table.columnWidth(column)
        return within and (one_line or table.wordWrap() and table.rowHeight(row) >= table.sizeHintForRow(row))

    return whole


# Five patients who fill the demo ward's empty beds (and two beds added): long names, a birth name
# in brackets, two allergies each, a resuscitation decision not yet discussed (the longest words of
# that column in French), and a family name another patient of the ward has.
FULL_WARD_PATIENTS = (
    ("Van der Berghe-Delacroix", "Montgomery-Fitzgerald", "Marie-Thérèse Anne-Sophie", "female", "1941-02-03"),
    ("Nguyen", "", "Thi Bich Ngoc", "female", "1950-06-01"),
    ("Boulanger", "", "Jean-Baptiste", "male", "1962-09-09"),
    ("Abdelkader-Benmoussa", "", "Mohammed Amine", "male", "1977-11-21"),
    ("Leclerc", "", "Édith", "female", "1933-01-15"))


@pytest.fixture
def full_ward(demo_database, forms, clock, tmp_path) -> tuple[Session, Session]:
    """The demo ward 3B grown to 30 beds, every bed taken, as a nurse in charge sees a full ward
    on a laptop: (the nurse's session, the administrator's). Built by services only."""
    path = tmp_path / "demo.sqlite"
    db = demo_database(path)
    vault = Vault(path, db)
    admin = Session(db, load_device(db), staff.sign_in(db, "admin", "0000", clock), forms, clock, vault=vault)
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock, vault=vault)
    wards.add_beds(admin, "3B", ["29", "30"])
    empty = [row.bed for row in census.census(db, forms, ward="3B") if row.patient is None]
    for bed, (family, used, given, sex, born) in zip(empty, FULL_WARD_PATIENTS):
        records.save_new(nurse, "admission", {
            "unidentified": False, "birth_name": family, **({"used_name": used} if used else {}),
            "given_names": given, "sex": sex, "birth_date": born, "identity_status": "provisional",
            "arrival_at": "2026-11-28T11:00+01:00", "admission_mode": "emergency",
            "reason": "Community-acquired pneumonia with acute kidney injury and new atrial fibrillation, for review.",
            "ward": "3B", "bed": bed, "admitting_clinician": "Dr Benali", "allergy_status": "allergies",
            "allergies": [{"substance": "Co-trimoxazole", "reaction": "Stevens-Johnson syndrome", "severity": "severe"},
                          {"substance": "Morphine", "reaction": "Hallucinations", "severity": "moderate"}],
            "resuscitation": "not_discussed"})
    assert all(row.patient is not None for row in census.census(db, forms, ward="3B"))
    return nurse, admin


@pytest.fixture
def worklist_printing(qtbot, session_for, admission_values, listed, monkeypatch, answers):
    """The records office's window on its Back-entry tab, read, with the worklist's print held
    until `held` is set (2 s at a hospital's scale)."""
    import threading

    from downtime.services import printing

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(session_for("nurse"), "admission", admission_values)
    window = MainWindow(session_for("records"))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.back_entry)
    listed(window.back_entry)
    held, real = threading.Event(), printing.print_worklist
    monkeypatch.setattr(printing, "print_worklist", lambda *args, **kwargs: (held.wait(10), real(*args, **kwargs))[1])
    return window, held


class _StrayWindows(QObject):
    """Widgets shown as windows of their own while watched, but dialogs, main windows, menus,
    tooltips and drop-downs."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (isinstance(event, QShowEvent) and isinstance(watched, QWidget) and watched.isWindow()
                and not isinstance(watched, (QDialog, QMainWindow, QMenu))
                and watched.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)):
            text = watched.text() if callable(getattr(watched, "text", None)) else ""
            self.shown.append(f"{type(watched).__name__} {text}".strip())
        return False


@pytest.fixture
def stray_windows(qapp) -> Iterator[list[str]]:
    """The widgets shown as windows of their own during the test (see _StrayWindows): a button or
    a label shown before it was placed in its dialog or panel was a window for an instant, and
    took the focus from the window it opened in."""
    watch = _StrayWindows()
    qapp.installEventFilter(watch)
    yield watch.shown
    qapp.removeEventFilter(watch)

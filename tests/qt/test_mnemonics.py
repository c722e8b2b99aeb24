"""Alt + an underlined letter reaches one thing only: a letter both a menu and a button or label
of the screen shown use (Alt+W for the Ward menu and a ward list's label) does nothing at all."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget, QWidget

from downtime.qt.form_view import FormView
from downtime.qt.i18n import set_language
from downtime.qt.main_window import MainWindow
from downtime.services import pews, repositioning, staff, wounds
from downtime.services.census import in_patients
from downtime.services.context import Session, load_device
from downtime.services.patients import PatientSummary
from tests.conftest import STAFF


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found[1].casefold() if found else None


def _page_letters(page) -> list[tuple[str, str]]:
    """Every mnemonic shown on a page: buttons, and labels with a buddy; an inner tab widget's
    hidden pages do not count (only the page shown answers)."""
    hidden = {child for tabs in page.findChildren(QTabWidget) for index in range(tabs.count())
              if index != tabs.currentIndex() for child in tabs.widget(index).findChildren(QWidget)}
    found = [(widget.text(), _letter(widget.text())) for widget in page.findChildren(QAbstractButton)
             if widget.isVisibleTo(page) and widget not in hidden]
    found += [(label.text(), _letter(label.text())) for label in page.findChildren(QLabel)
              if label.buddy() is not None and label.isVisibleTo(page) and label not in hidden]
    return [(text, letter) for text, letter in found if letter]


def _menu_letters(window: MainWindow) -> dict[str, str]:
    return {letter: action.text() for action in window.menuBar().actions() if (letter := _letter(action.text()))}


def _shared(letters: list[tuple[str, str]], menus: dict[str, str]) -> list[tuple[str, str]]:
    """The pairs of texts holding one letter on a page: a menu's and a widget's, or two widgets'
    (Qt then only moves the focus between them)."""
    seen = dict(menus)
    shared = []
    for text, letter in letters:
        if letter in seen:
            shared.append((seen[letter], text))
        seen[letter] = text
    return shared


def _oldest_and_youngest(db, forms) -> tuple[PatientSummary, PatientSummary]:
    """The demo's oldest patient and its youngest, a child: some buttons are an adult's or a child's."""
    dated = sorted((patient for patient in in_patients(db, forms) if patient.birth_date),
                   key=lambda patient: patient.birth_date)
    return dated[0], dated[-1]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("who", ["nurse", "doctor", "admin", "records", "coord"])
def test_no_screen_shares_an_alt_letter_with_the_menus_or_within_itself(qtbot, session_for, answers, lang, who):
    set_language(lang)
    try:
        window = MainWindow(session_for(who, lang))
        qtbot.addWidget(window)
        window.show()
        menus = _menu_letters(window)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            page = window.tabs.widget(index)  # a list's panel is built as its tab is first shown
            inner = page.findChildren(QTabWidget)
            for shown in range(inner[0].count() if inner else 1):
                if inner:
                    inner[0].setCurrentIndex(shown)
                where = (window.tabs.tabText(index), inner[0].tabText(shown) if inner else "")
                assert not (shared := _shared(_page_letters(page), menus)), (where, shared)
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_adults_observations_tab_shares_no_alt_letter(qtbot, session_for, answers, patient, lang):
    """Its buttons (a new set, print, the 4AT and sepsis screenings) against each other and the
    menus: Alt+P printed the chart where it was meant to screen for sepsis."""
    set_language(lang)
    try:
        window = MainWindow(session_for("nurse", lang))
        qtbot.addWidget(window)
        window.show()
        menus = {_letter(action.text()) for action in window.menuBar().actions()} - {None}
        letters = [letter for _, letter in _page_letters(window.open_observations_of(patient))]
        assert len(letters) >= 4 and len(set(letters)) == len(letters) and not set(letters) & menus, letters
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("who", ["nurse", "doctor"])
def test_no_patient_tab_shares_an_alt_letter_with_the_menus_or_within_itself(tmp_path, demo_database, forms, clock,
                                                                            window_for, answers, lang, who):
    """Every tab the window opens about a patient (its `open_…_of`: each chart, the MAR, the
    records, the screenings), for the demo's oldest and youngest patient (a child's tabs show other
    buttons). Only the tabs open at sign-in and an adult's observations were checked: Alt+W on the
    repositioning chart opened the Ward menu, Alt+P there only moved between two buttons."""
    db = demo_database(tmp_path / "demo.sqlite")
    set_language(lang)
    try:
        window = window_for(Session(db, load_device(db), staff.sign_in(db, who, STAFF[who][2], clock), forms, clock,
                                    lang))
        menus = _menu_letters(window)
        openers = [name for name in dir(MainWindow) if re.fullmatch(r"open_\w+_of", name)]
        shared, unread = [], []
        for patient in _oldest_and_youngest(db, forms):
            for name in openers:
                if (page := getattr(window, name)(patient.patient_id)) is not None:
                    letters = _page_letters(page)
                    unread += [name] if not letters else []
                    shared += [(name, patient.display_name, *pair) for pair in _shared(letters, menus)]
        assert len(openers) >= 15 and not unread, (openers, unread)  # the walk read every tab's buttons
        assert not shared, shared
    finally:
        set_language("en")


@pytest.mark.parametrize("opener,key,youngest,form", [
    ("open_repositioning_of", Qt.Key.Key_C, False, repositioning.FORM),
    ("open_repositioning_of", Qt.Key.Key_B, False, repositioning.RISK_FORM),
    ("open_wounds_of", Qt.Key.Key_N, False, wounds.FORM),
    ("open_pews_of", Qt.Key.Key_O, True, pews.FORM)])
def test_the_alt_letter_the_readme_gives_opens_the_charts_form(tmp_path, demo_database, forms, clock, window_for,
                                                               qtbot, answers, opener, key, youngest, form):
    """The nurse's tour: Alt+P on the repositioning chart only moved between Record a change of
    position and Print, and Alt+W and Alt+R opened the Ward and Record menus."""
    db = demo_database(tmp_path / "demo.sqlite")
    window = window_for(Session(db, load_device(db), staff.sign_in(db, "nurse", STAFF["nurse"][2], clock), forms,
                                clock))
    chart = getattr(window, opener)(_oldest_and_youngest(db, forms)[youngest].patient_id)
    window.hide()
    with qtbot.waitActive(window):  # a mnemonic answers in the active window only
        window.show()
    QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    # the button's mnemonic clicks it as a mouse would, pressed then released
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is not chart or QApplication.activePopupWidget() is not None)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.spec.id == form, (opened, QApplication.activePopupWidget())

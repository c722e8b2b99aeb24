"""Alt + an underlined letter reaches one thing only: a letter both a menu and a button or label
of the screen shown use (Alt+W for the Ward menu and a ward list's label) does nothing at all."""

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

from downtime.qt.i18n import set_language
from downtime.qt.main_window import MainWindow


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


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("who", ["nurse", "admin", "records", "coord"])
def test_no_screen_shares_an_alt_letter_with_the_menus_or_within_itself(qtbot, session_for, answers, lang, who):
    set_language(lang)
    try:
        window = MainWindow(session_for(who, lang))
        qtbot.addWidget(window)
        window.show()
        menus = {_letter(action.text()): action.text() for action in window.menuBar().actions() if _letter(action.text())}
        for index in range(window.tabs.count()):
            page = window.tabs.widget(index)
            window.tabs.setCurrentIndex(index)
            inner = page.findChildren(QTabWidget)
            for shown in range(inner[0].count() if inner else 1):
                if inner:
                    inner[0].setCurrentIndex(shown)
                where = (window.tabs.tabText(index), inner[0].tabText(shown) if inner else "")
                letters = _page_letters(page)
                clashes = [(text, menus[letter]) for text, letter in letters if letter in menus]
                assert not clashes, (where, clashes)
                seen: dict[str, str] = {}
                for text, letter in letters:
                    assert letter not in seen, (where, seen[letter], text)
                    seen[letter] = text
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

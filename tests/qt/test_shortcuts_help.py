"""Help ▸ Keyboard shortcuts, the page printed for the trolley: every key named as the ward's
keyboard names it."""

import pytest
from PySide6.QtGui import QAction, QKeySequence

from downtime.qt.i18n import set_language
from downtime.qt.shortcuts_help import ShortcutsDialog


def keys_shown(qtbot, lang: str) -> list[str]:
    """The keys column of the dialog, in `lang`, with one menu action bound as the menus bind them."""
    set_language(lang)
    try:
        action = QAction("&Resuscitation list")
        action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        dialog = ShortcutsDialog([action])
        qtbot.addWidget(dialog)
        return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    finally:
        set_language("en")


def test_the_french_keys_are_french(qtbot):
    """"Tab / Shift+Tab", "Enter", "Esc" and "Alt + underlined letter" stood in the French table
    beside the menus' "Ctrl+Maj+R"."""
    keys = keys_shown(qtbot, "fr")
    assert keys == ["Ctrl+Maj+R", "Tab / Maj+Tab", "Alt + lettre soulignée", "Entrée", "M, Entrée", "Ctrl+Entrée",
                    "Ctrl+S", "Ctrl+P", "Échap"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_reason_box_confirmed_by_ctrl_enter_is_listed(qtbot, lang):
    """The reason of an amendment or an entry in error is confirmed by Ctrl+Enter (see Prompts.reason)."""
    assert ("Ctrl+Enter" if lang == "en" else "Ctrl+Entrée") in keys_shown(qtbot, lang)

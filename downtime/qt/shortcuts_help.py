"""Help ▸ Keyboard shortcuts: ward staff work from the keyboard, and a printed list on the
trolley is only true if it comes from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.qt.i18n import translate
from downtime.qt.screen_fit import fit_dialog, wrapped

# Keys that belong to widgets rather than to menu actions, each named as the ward's keyboard names
# it: the French table said "Shift", "Enter", "Esc" and "Alt + underlined letter" beside the
# menus' "Maj" on the page printed for the trolley.
EVERYWHERE = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab / Shift+Tab"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous field or button")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt + underlined letter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to that field, button or menu")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "In a list: open the selected patient or item; in a field of a form or of "
                                          "the dose dialog: next field")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "N, Enter"), QT_TRANSLATE_NOOP("ShortcutsDialog", "In a date and time box: now")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Enter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "In the box of a reason (an amendment, an entry in error): confirm it")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("ShortcutsDialog", "Save the open form, or the dose being recorded")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("ShortcutsDialog", "Print, from the print preview")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Close a dialog without saving")),
)


def rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """Each menu action that has a shortcut, as the menu names it, then the widget keys."""
    bound = [(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), action.text().replace("&", ""))
             for action in actions if not action.shortcut().isEmpty()]
    widget_keys = [(translate("ShortcutsDialog", keys), translate("ShortcutsDialog", what)) for keys, what in EVERYWHERE]
    return sorted(bound, key=lambda row: row[1].casefold()) + widget_keys


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(QLabel(translate("ShortcutsDialog", "Everything in Downtime can be done from the keyboard:"))))
        found = rows(actions)
        self.table = QTableWidget(len(found), 2)
        self.table.setHorizontalHeaderLabels([translate("ShortcutsDialog", "Keys"), translate("ShortcutsDialog", "What they do")])
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for number, (keys, what) in enumerate(found):
            self.table.setItem(number, 0, QTableWidgetItem(keys))
            self.table.setItem(number, 1, QTableWidgetItem(what))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        # Headings at the left of their columns: the second column is as wide as its longest
        # line, and its heading, centred in it, stood past the dialog's edge, unseen.
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, QSize(620, 520))

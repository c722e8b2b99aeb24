"""Every modal question the app asks, in one replaceable place.

Tests swap these static methods for answers, because a real modal dialog would block them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox, QStyle,
    QVBoxLayout, QWidget,
)

from downtime.qt.field_editors import PlainTextEdit
from downtime.qt.screen_fit import Scrolled, fit_dialog, fits_screen, wrapped
from downtime.qt.screen_reader import named


class ReasonDialog(QDialog):
    """The reason for an amendment or an entry in error, finished from the keyboard as every other
    box is: Tab leaves the box for OK, which Enter presses, and Ctrl+Enter confirms from within it.
    Qt's own multi-line dialog typed Tab and Enter into the reason, and the nurse could reach OK
    only with Shift+Tab twice, which the shortcuts help says nothing of."""

    def __init__(self, parent: QWidget | None, title: str, label: str, filled: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        words = wrapped(QLabel(label))
        layout.addWidget(words)
        self.box = PlainTextEdit()
        self.box.setPlainText(filled)
        self.box.moveCursor(QTextCursor.MoveOperation.End)  # kept or added to, never typed over unseen
        named(self.box, label)
        layout.addWidget(self.box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ok, cancel = buttons.button(QDialogButtonBox.StandardButton.Ok), buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # OK first after the box whatever side the platform puts it on (GNOME's is on the right).
        QWidget.setTabOrder(self.box, ok)
        QWidget.setTabOrder(ok, cancel)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.box.setFocus()

    def reason(self) -> str:
        """The reason as audited: no tab or line break left at its ends by a key pressed to leave the box."""
        return self.box.toPlainText().strip()


MESSAGE_BOX_WIDTH = 500
"""The widest a message box's words wrap at, however wide the screen (Qt's own limit)."""
ICON = 32


def message_box_width(widget: QWidget) -> int:
    """The width a message box on `widget`'s screen wraps long words at, as Qt sizes it: half the
    screen, at most `MESSAGE_BOX_WIDTH`. Measured at 480 pixels whatever the screen, a question a
    `ConfirmDialog` found fit a 125 % laptop was asked in a message box 400 pixels wide and 650
    tall, its Yes and No under the taskbar."""
    return min(widget.screen().availableGeometry().width() // 2, MESSAGE_BOX_WIDTH)


class ConfirmDialog(QDialog):
    """A question answered Yes or No, No the default (Enter, Escape), as QMessageBox asks it, its
    words scrolled when taller than the screen has room for (`fits`: they are not): the
    discharge's confirm of a ten days' stay was 1,052 pixels high on a 768-pixel screen, Yes and
    No below its bottom edge, and Enter answered No. `told`: something the user is told, with OK
    alone (its `yes`) as a message box tells it: "One person, two charts" at the largest text
    was 746 pixels high, its OK under a 125 % laptop's taskbar."""

    def __init__(self, parent: QWidget | None, title: str, text: str, *, told: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        icon = QLabel()
        shown = QStyle.StandardPixmap.SP_MessageBoxInformation if told else QStyle.StandardPixmap.SP_MessageBoxQuestion
        icon.setPixmap(self.style().standardIcon(shown).pixmap(ICON, ICON))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        words = wrapped(QLabel(text))
        words.setTextFormat(Qt.TextFormat.PlainText)
        self.words = Scrolled(words)
        row.addWidget(self.words, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok if told else
                                   QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.yes = buttons.button(QDialogButtonBox.StandardButton.Ok if told else QDialogButtonBox.StandardButton.Yes)
        default = self.yes if told else buttons.button(QDialogButtonBox.StandardButton.No)
        default.setDefault(True)
        default.setFocus()
        margins = layout.contentsMargins()
        width = message_box_width(self)
        inner = width - margins.left() - margins.right() - ICON - row.spacing()
        whole = QSize(width, margins.top() + self.words.height_for(inner) + layout.spacing()
                      + buttons.sizeHint().height() + margins.bottom())
        self.fits = fits_screen(self, whole)
        fit_dialog(self, whole)


class Prompts:
    @staticmethod
    def reason(parent: QWidget | None, title: str, label: str, filled: str = "") -> str | None:
        """A reason the user must type (amendments, entered in error), `filled` in already for
        them to keep or change; None if cancelled or left empty."""
        return Prompts.optional_reason(parent, title, label, filled) or None

    @staticmethod
    def optional_reason(parent: QWidget | None, title: str, label: str, filled: str = "") -> str | None:
        """A reason the user may leave empty ("" then); None if cancelled."""
        dialog = ReasonDialog(parent, title, label, filled)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.reason()
        dialog.deleteLater()
        return text if ok else None

    @staticmethod
    def text(parent: QWidget | None, title: str, label: str, filled: str = "") -> str | None:
        """A short answer on one line (an EHR reference), `filled` in already for the person to
        check or change; None if cancelled or left empty. The question's words wrap: a worklist
        line's (its patient, what to enter and what to do) made the box wider than a laptop's
        screen, its OK button off it."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(filled)
        for words in dialog.findChildren(QLabel):
            words.setWordWrap(True)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.textValue().strip()
        dialog.deleteLater()  # one a tick, thousands a day: not kept until the window closes
        return text if ok and text else None

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        """Yes or No, No the default, as a message box asks; words taller than the screen has room
        for in a `ConfirmDialog`, scrolled above its buttons."""
        dialog = ConfirmDialog(parent, title, text)
        if dialog.fits:
            dialog.deleteLater()
            answer = QMessageBox.question(parent, title, text,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            return answer == QMessageBox.StandardButton.Yes
        yes = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return yes

    @staticmethod
    def info(parent: QWidget | None, title: str, text: str) -> None:
        """Told in a message box; words taller than the screen has room for in a `ConfirmDialog`
        with OK alone, scrolled above it."""
        dialog = ConfirmDialog(parent, title, text, told=True)
        if dialog.fits:
            QMessageBox.information(parent, title, text)
        else:
            dialog.exec()
        dialog.deleteLater()

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @staticmethod
    def secret(parent: QWidget | None, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    @staticmethod
    def choose_folder(parent: QWidget | None, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None

    @staticmethod
    def choose_file(parent: QWidget | None, title: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
        return Path(chosen) if chosen else None

    @staticmethod
    def open_file(path: Path) -> None:
        """Show a PDF in the laptop's viewer (no network: a local file URL)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

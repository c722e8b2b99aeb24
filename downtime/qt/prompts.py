"""Every modal question the app asks, in one replaceable place.

Tests swap these static methods for answers, because a real modal dialog would block them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget


class Prompts:
    @staticmethod
    def reason(parent: QWidget | None, title: str, label: str, filled: str = "") -> str | None:
        """A reason the user must type (amendments, entered in error), `filled` in already for
        them to keep or change; None if cancelled or left empty."""
        return Prompts.optional_reason(parent, title, label, filled) or None

    @staticmethod
    def optional_reason(parent: QWidget | None, title: str, label: str, filled: str = "") -> str | None:
        """A reason the user may leave empty ("" then); None if cancelled."""
        text, ok = QInputDialog.getMultiLineText(parent, title, label, filled)
        return text.strip() if ok else None

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
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def info(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

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

"""The app's look: one readable font size, Fusion everywhere, and a focus ring that can be seen
from arm's length, because ward staff move through forms with Tab, not the mouse."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

ERROR_COLOUR = "#b00000"
ERROR_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"
HINT_STYLE = "color: #505050; font-size: 10pt;"

FOCUS_SHEET = """
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus {
    border: 2px solid #1c5fb0; border-radius: 3px;
}
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: #f1f1f1; }
QCheckBox:focus, QPushButton:focus, QToolButton:focus { outline: 2px solid #1c5fb0; }
QCheckBox:focus { background: #dbe8f8; }
QPushButton:focus { border: 2px solid #1c5fb0; border-radius: 3px; padding: 3px 10px; }
QTableView:focus { border: 2px solid #1c5fb0; }
QGroupBox { font-weight: bold; margin-top: 14px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox, QGroupBox QCheckBox,
QGroupBox QPlainTextEdit, QGroupBox QPushButton { font-weight: normal; }
"""


def apply_style(app: QApplication) -> None:
    """Fusion draws the same on every laptop, so what was checked on screenshots is what wards see."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)
    app.setStyleSheet(FOCUS_SHEET)

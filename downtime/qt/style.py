"""The app's look: one readable font size, Fusion everywhere, and a focus ring that can be seen
from arm's length, because ward staff move through forms with Tab, not the mouse. Text size
and a high-contrast theme are the laptop's own choice (View menu), kept in the user data folder."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QSettings, QSize
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from downtime.paths import data_dir
from downtime.qt.screen_fit import within_screen

# Warnings (an allergy, a dose overdue, a breach) in each mode's colour, at least 7:1 on its
# background (WCAG AAA): dark red on the light theme's white and grey, light red on high
# contrast's black, where dark red measured 1.9:1 and the warnings vanished while "no known
# allergy" stayed bright white. The palette carries it too, as BrightText, so that a style
# sheet's palette(bright-text) follows the mode when it is switched on an open screen.
WARNING_COLOURS = {"light": "#800000", "dark": "#ff8080"}
ERROR_STYLE = "color: palette(bright-text); font-weight: bold;"
# Hints under fields, grey so as not to be taken for an answer: the placeholder grey they were
# written in measured 3.5:1 on the window.
HINT_COLOURS = {"light": "#4d4d4d", "dark": "#c0c0c0"}
# Where the keyboard is, as the focus rings of FOCUS_SHEET and HIGH_CONTRAST_SHEET draw it.
FOCUS_COLOURS = {"light": "#1c5fb0", "dark": "#ffd400"}
FOCUS_WIDTH = 3


class ErrorLabel(QLabel):
    """Red, bold and wrapped: what went wrong can be long (a path, SQLite's words, a rule), and
    an unwrapped line widens its dialog past an old laptop's screen. Qt does not grow a window
    for the lines a wrapped label gains, so a dialog showing one grows to fit it."""

    def __init__(self, text: str = "", *, only_when_said: bool = False) -> None:
        """`only_when_said`: hidden while it says nothing, as in a dialog fitted to what it holds
        (an empty label kept its line and its spacing, a blank band between two rows)."""
        super().__init__(text)
        self.only_when_said = only_when_said
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        if only_when_said and not text:
            self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        if self.only_when_said:
            self.setVisible(bool(text))
        grow_to_fit(self.window())


def _mode() -> str:
    """"dark" under high contrast's black, "light" otherwise: read off the background shown."""
    return "dark" if QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128 else "light"


def warning_colour() -> QColor:
    """The warning colour of the background the app now shows (see WARNING_COLOURS)."""
    return QColor(WARNING_COLOURS[_mode()])


def focus_colour() -> QColor:
    return QColor(FOCUS_COLOURS[_mode()])


def points(offset: int = 0) -> int:
    """The laptop's text size (View menu) and `offset` points, for words set larger or smaller
    than the rest (the patient's name, a field's hint): fixed sizes left the patient's identity
    at 13 pt under 20-point fields, and the hints at 10."""
    return text_size() + offset


def hint_style() -> str:
    """A field's hint, which can carry a clinical rule, a point under the text size and in a grey
    of at least 7:1 on the window of its mode (HINT_COLOURS)."""
    return f"color: {HINT_COLOURS[_mode()]}; font-size: {points(-1)}pt;"


def warning_html(escaped: str) -> str:
    """Words already escaped, bold in the warning colour, for rich text (which knows no palette):
    a label showing it is written through `written`, again when the mode changes."""
    return f'<b style="color: {warning_colour().name()}">{escaped}</b>'


# What a widget is sent when the View menu switches the mode or the text size: the application's
# events reach every widget, those whose own style sheet sets their colour or size too.
VIEW_CHANGES = frozenset((QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                          QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange))
Shown = TypeVar("Shown", bound=QWidget)


class _ViewFollower(QObject):
    """Runs a widget's `restyle` on each of VIEW_CHANGES; once at a time, as restyling a widget
    sends it such events itself."""

    def __init__(self, widget: QWidget, restyle: Callable[[], None]) -> None:
        super().__init__(widget)
        self.restyle = restyle
        self._restyling = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in VIEW_CHANGES and not self._restyling:
            self._restyling = True
            try:
                self.restyle()
            finally:
                self._restyling = False
        return False


def follow_view(widget: Shown, restyle: Callable[[], None]) -> Shown:
    """`restyle` run now, and again whenever the View menu switches high contrast or the text size
    while `widget` is open: a colour or size of this module's written into a style sheet or rich
    text stays as it was written, and a hint's dark grey stayed on high contrast's black (2.4:1),
    a late dose's red the light theme's. Given again, the widget's last `restyle` is the one kept
    (a label written anew)."""
    # Its own children alone (not Qt's namespace: the sign-in window paints before it is loaded).
    follower = next((child for child in widget.children() if isinstance(child, _ViewFollower)), None)
    if follower is None:
        _ViewFollower(widget, restyle)
    else:
        follower.restyle = restyle
    restyle()
    return widget


def styled(widget: Shown, sheet: Callable[[], str]) -> Shown:
    """`widget` in the style sheet `sheet()` gives, for the mode and text size shown (see `follow_view`)."""
    def restyle() -> None:
        if widget.styleSheet() != (now := sheet()):
            widget.setStyleSheet(now)
    return follow_view(widget, restyle)


def written(label: QLabel, html: Callable[[], str]) -> QLabel:
    """`label` showing the rich text `html()` gives, for the mode and text size shown (see `follow_view`)."""
    return follow_view(label, lambda: label.setText(html()))


def grow_to_fit(window: QWidget) -> None:
    """A shown dialog made tall enough for what it now holds (wrapped lines, rows added), at
    its width, as far as the screen has room; a window is never shrunk under the person's hand."""
    if isinstance(window, QDialog) and window.isVisible():
        if (layout := window.layout()) is not None:
            layout.activate()
        needed = window.heightForWidth(window.width())
        within_screen(window, QSize(window.width(), max(window.height(),
                                                        needed if needed > 0 else window.sizeHint().height())))

# A button is as wide as Fusion draws it unfocused (6 pixels and a 1-pixel frame each side of
# its text): its focus border and padding must fit in that room, or the focused button cuts its
# own text ("Imprimer…" read "mprimer." on the print preview, which opens focused on it).
FOCUS_SHEET = """
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus {
    border: 2px solid #1c5fb0; border-radius: 3px;
}
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: #f1f1f1; }
QCheckBox:focus, QPushButton:focus, QToolButton:focus { outline: 2px solid #1c5fb0; }
QCheckBox:focus { background: #dbe8f8; }
QPushButton:focus { border: 2px solid #1c5fb0; border-radius: 3px; padding: 3px 4px; }
QTableView:focus { border: 2px solid #1c5fb0; }
QGroupBox { font-weight: bold; margin-top: 14px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox, QGroupBox QCheckBox,
QGroupBox QPlainTextEdit, QGroupBox QPushButton { font-weight: normal; }
"""


TEXT_SIZES = (11, 12, 14, 16, 18, 20)
# A read-only box on high contrast's near-black alternate rows: FOCUS_SHEET's light grey stayed
# under white words and the back-entry's light-grey hint (1.3:1).
HIGH_CONTRAST_SHEET = """
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QTableView, QPushButton { border: 1px solid #ffffff; }
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: #1a1a1a; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus, QTableView:focus,
QPushButton:focus { border: 3px solid #ffd400; }
"""


def _settings() -> QSettings:
    return QSettings(str(data_dir() / "view.ini"), QSettings.Format.IniFormat)


def text_size() -> int:
    return int(_settings().value("text_size", TEXT_SIZES[0]))


def high_contrast() -> bool:
    return str(_settings().value("high_contrast", "false")).lower() == "true"


def apply_style(app: QApplication) -> None:
    """Fusion draws the same on every laptop, so what was checked on screenshots is what wards see."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(text_size())
    app.setFont(font)
    contrast = high_contrast()
    app.setPalette(_high_contrast_palette() if contrast else app.style().standardPalette())
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.BrightText, warning_colour())
    app.setPalette(palette)
    app.setStyleSheet(FOCUS_SHEET + (HIGH_CONTRAST_SHEET if contrast else ""))


def change_text_size(app: QApplication, steps: int) -> int:
    """One step larger or smaller among TEXT_SIZES; returns the size now used."""
    sizes = list(TEXT_SIZES)
    current = min(sizes, key=lambda size: abs(size - text_size()))
    chosen = sizes[max(0, min(len(sizes) - 1, sizes.index(current) + steps))]
    _settings().setValue("text_size", chosen)
    apply_style(app)
    return chosen


def set_high_contrast(app: QApplication, on: bool) -> None:
    _settings().setValue("high_contrast", "true" if on else "false")
    apply_style(app)


def _high_contrast_palette() -> QPalette:
    """White on black with yellow selection, as operating systems' high-contrast themes do."""
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffd400")
    for role, colour in ((QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
                         (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
                         (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
                         (QPalette.ColorRole.ButtonText, white), (QPalette.ColorRole.Highlight, yellow),
                         (QPalette.ColorRole.HighlightedText, black), (QPalette.ColorRole.ToolTipBase, black),
                         (QPalette.ColorRole.ToolTipText, white), (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0"))):
        palette.setColor(role, colour)
    return palette

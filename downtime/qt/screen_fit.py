"""What keeps the app's windows on a ward laptop's screen: 1366×768 or 1024×768, at Windows'
125 or 150 % scaling, with a taskbar, and the largest text size. A window or dialog wider or
taller than that put its buttons (Save, Close, OK) under the taskbar or past the screen's edge,
out of the mouse's reach."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget

TITLE_BAR = 40
"""Room left for the window frame's title bar, which the available geometry does not count."""


def wrapped(label: QLabel) -> QLabel:
    """The label, its words wrapped: an unwrapped line is as wide as its words, and so is its window."""
    label.setWordWrap(True)
    return label


def room(widget: QWidget) -> QSize:
    """The size a window of `widget`'s may take on its screen: the screen less the taskbar and
    the title bar."""
    available = widget.screen().availableGeometry()
    return QSize(available.width(), available.height() - TITLE_BAR)


def within_screen(widget: QWidget, size: QSize) -> None:
    """Resized to `size`, or as much of it as its screen has room for."""
    widget.resize(size.boundedTo(room(widget)))


def fits_screen(widget: QWidget, size: QSize) -> bool:
    """Whether a window of `size` fits `widget`'s screen."""
    available = room(widget)
    return size.width() <= available.width() and size.height() <= available.height()

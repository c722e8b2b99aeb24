"""The life of a dialog a view opens afresh each time it is asked for (a dose, the paper doses)."""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

DialogT = TypeVar("DialogT", bound=QDialog)


def open_until_closed(dialog: DialogT, let_go: Callable[[], None] | None = None) -> DialogT:
    """`dialog` opened window-modal and deleted by Qt once closed, after its result's signals
    (recorded, accepted, finished) have been handled: each one stayed a hidden child of its view
    for the rest of the session, a night's 150 doses as many dialogs and their widgets on an old
    ward laptop. Hidden alone (the lock screen), it is kept to be shown again. `let_go`: the view
    drops its own reference as the dialog closes, so that nothing reads the dialog once deleted
    (none for a view that keeps none)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if let_go is not None:
        dialog.finished.connect(let_go)
    dialog.open()
    return dialog

"""What keeps the app's windows on a ward laptop's screen: 1366×768 or 1024×768, at Windows'
125 or 150 % scaling, with a taskbar, and the largest text size. A window or dialog wider or
taller than that put its buttons (Save, Close, OK) under the taskbar or past the screen's edge,
out of the mouse's reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QSize
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QFrame, QLabel, QScrollArea, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollBar

TITLE_BAR = 40
"""Room left for the window frame's title bar, which the available geometry does not count."""


def wrapped(label: QLabel) -> QLabel:
    """The label, its words wrapped: an unwrapped line is as wide as its words, and so is its window."""
    label.setWordWrap(True)
    return label


class Scrolled(QScrollArea):
    """A page or a dialog's body taller than the screen has room for, scrolled: the control that
    takes the focus, by Tab, its Alt+letter or a click, is scrolled into view. The scroll area
    itself takes no Tab stop: one on it showed no focus, Tab going nowhere seen."""

    def __init__(self, body: QWidget, *, framed: bool = False) -> None:
        """`framed`: a frame round it, where it is not the whole of its page or dialog. Qt's
        namespace is imported here, not with the module, which the sign-in window imports: setting
        it up is 30 ms of the window's cold start."""
        from PySide6.QtCore import Qt

        super().__init__()
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if not framed:
            self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(body)
        # Qt puts the body in the viewport; PySide records it as the scroll area's unless told so.
        # With the two apart, a dialog left to Python's cycle collector (opened with no parent,
        # and dropped) was torn down by a segmentation fault, a plain QScrollArea's too.
        body.setParent(self.viewport())
        self._body = body
        _follow_focus(QApplication.instance())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Its body's whole size, room for a scroll bar beside it: Qt's stops at 24 lines of text,
        and a dialog fitted to it scrolled on a screen with room to spare. The screen bounds it
        (within_screen)."""
        if (body := _held(self)) is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return body.sizeHint() + QSize(frame + self.verticalScrollBar().sizeHint().width(), frame)

    def height_for(self, width: int) -> int:
        """How tall it must be, `width` wide, to show its body whole: wrapped lines take more
        of them the narrower they are, which the body's size hint, at a width of Qt's choosing,
        does not say. Counted beside a scroll bar, as the size hint is: Qt, deciding whether the
        body needs one, tries it at that width, and a line wrapping there kept the bar, the last
        row under it."""
        if (body := _held(self)) is None:
            return self.sizeHint().height()
        frame = 2 * self.frameWidth()
        inner = width - frame - self.verticalScrollBar().sizeHint().width()
        height = body.heightForWidth(inner) if body.hasHeightForWidth() else -1
        return (height if height > 0 else body.sizeHint().height()) + frame

    def show_whole(self, control: QWidget) -> None:
        """The control whole in view, a margin of up to 50 pixels round it as the view has room;
        one larger than the view, as much of it as the view holds from its top left. Qt's own
        rule brings a text box's cursor line alone into view: at the largest text and 125 % the
        back-entry's four-line box showed its first line at the bottom of the view."""
        if (body := _held(self)) is not None and body.isAncestorOf(control):
            corner, view = control.mapTo(body, control.rect().topLeft()), self.viewport().size()
            _into_view(self.horizontalScrollBar(), corner.x(), control.width(), view.width())
            _into_view(self.verticalScrollBar(), corner.y(), control.height(), view.height())


def _held(area: Scrolled) -> QWidget | None:
    """The area's body, or None once Python's cycle collector has begun to take the area apart
    (its attributes are cleared first): Qt still asks its size hint while the collector deletes
    its dialog, and the body reached through Qt then (`widget()`) may be a wrapper being freed."""
    return getattr(area, "_body", None)


FOLLOWING_FOCUS = "scrolled_follows_focus"


def _follow_focus(app: QApplication) -> None:
    """The application's focus changes followed, once for all areas (see `_focus_moved`)."""
    if not app.property(FOLLOWING_FOCUS):
        app.focusChanged.connect(_focus_moved)
        app.setProperty(FOLLOWING_FOCUS, True)


def _focus_moved(_: QWidget | None, now: QWidget | None) -> None:
    """The control that takes the focus, by Tab, its Alt+letter or a click, shown whole by each
    area it is in. One handler for the application, which looks for the areas round the
    control: each area connected its own method for its whole life, and every dialog ever
    closed ran it at each focus change (a dose dialog is made at each dose and kept, hidden, by
    the chart or round that opened it), the areas of a dialog being destroyed included."""
    holder = now
    while holder is not None:
        if isinstance(holder, Scrolled):
            holder.show_whole(now)
        holder = holder.parentWidget()


def _into_view(bar: QScrollBar, start: int, length: int, view: int) -> None:
    """Scrolled along one axis for `start` and as much of `length` as `view` holds to be seen."""
    length = min(length, view)
    margin = max(0, min(50, (view - length) // 2))
    if start - margin < bar.value():
        bar.setValue(start - margin)
    elif start + length + margin > bar.value() + view:
        bar.setValue(start + length + margin - view)


def wrapped_form(form: QFormLayout) -> QFormLayout:
    """The form's fields under their labels, the labels wrapped: a long label ("Clé publique du
    bureau des entrées (chaque export est chiffré pour elle)") on one line made its page as wide
    as its words, and the window with it; wrapped beside its field, the form gave it the field's
    height and cut its second line."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    for row in range(form.rowCount()):
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and isinstance(
                label := item.widget(), QLabel):
            label.setWordWrap(True)
    return form


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


def fit_dialog(dialog: QDialog, size: QSize | None = None) -> None:
    """Called as a dialog is built: the fields of its forms go under their labels when the dialog
    is narrow, and it opens within the screen, at `size` when given. At 150 % and the largest
    text, "Patient told" was 961 pixels wide, Rebook 1,047, Export 1,114 (a 1366-pixel screen is
    910 there), and the keyboard shortcuts' fixed 620×520 put its Close button under the taskbar."""
    for form in dialog.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    if (layout := dialog.layout()) is not None:
        layout.activate()
    if size is None:
        # As wide as its longest line where the screen has room (Qt sizes a wrapped label
        # narrow, its lines cut at the bottom), then as tall as the lines wrapped at that width.
        width = min(max([dialog.sizeHint().width(), *(_unwrapped_width(label) for label in dialog.findChildren(QLabel)
                                                     if label.wordWrap() and label.isVisibleTo(dialog))]),
                    room(dialog).width())
        height = dialog.heightForWidth(width)
        size = QSize(width, height if height > 0 else dialog.sizeHint().height())
    within_screen(dialog, size)


def _unwrapped_width(label: QLabel) -> int:
    """How wide the label's text is on one line, its dialog's margins added."""
    label.setWordWrap(False)
    width = label.sizeHint().width()
    label.setWordWrap(True)
    margins = label.window().layout().contentsMargins() if label.window().layout() is not None else QMargins()
    return width + margins.left() + margins.right()

"""What keeps the app's windows on a ward laptop's screen: 1366×768 or 1024×768, at Windows'
125 or 150 % scaling, with a taskbar, and the largest text size. A window or dialog wider or
taller than that put its buttons (Save, Close, OK) under the taskbar or past the screen's edge,
out of the mouse's reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QApplication, QDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QLabel, QScrollArea, QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QScrollBar

TITLE_BAR = 40
"""Room left for the window frame's title bar, which the available geometry does not count."""


READABLE = 18
"""Average characters a typed box shows at the least, beside its label or under it: at the
largest text a box counted at its least width was 60 to 215 pixels, a few characters of a
doctor's notes or a rate."""


def readable_width(widget: QWidget) -> int:
    """The width that shows `READABLE` of `widget`'s average characters."""
    return widget.fontMetrics().averageCharWidth() * READABLE


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
        back-entry's four-line box showed its first line at the bottom of the view. Along each
        axis the view has room for both, the label of the form's row it is in too: a form's box
        alone in view, the transfusion's "Started at" and "Taken from the blood fridge at" were
        two date boxes alike, their labels scrolled out of sight. Where the view holds the control
        but not its label above it too, as much of the label as it holds."""
        if (body := _held(self)) is None or not body.isAncestorOf(control):
            return
        shown = QRect(control.mapTo(body, QPoint(0, 0)), control.size())
        label = _label_of(control, body)
        labelled = QRect(label.mapTo(body, QPoint(0, 0)), label.size()) if label else shown
        with_label = shown.united(labelled)
        view = self.viewport().size()
        along_x = with_label if with_label.width() <= view.width() else shown
        along_y = with_label if with_label.height() <= view.height() else (
            # As much of a label above it as the view holds over it: at the largest text a form's
            # view can be 68 pixels high, and a label over its box was cut to its top quarter.
            QRect(shown.x(), shown.bottom() + 1 - view.height(), shown.width(), view.height())
            if labelled.top() < shown.top() and shown.height() <= view.height() else shown)
        _into_view(self.horizontalScrollBar(), along_x.x(), along_x.width(), view.width())
        _into_view(self.verticalScrollBar(), along_y.y(), along_y.height(), view.height())


def _label_of(control: QWidget, body: QWidget) -> QWidget | None:
    """The label of the form row `control` is in (its field, or a widget within its field), if
    it is in one within `body`, and the label is shown."""
    field: QWidget | None = control
    while field is not None and field is not body and (holder := field.parentWidget()) is not None:
        for form in holder.findChildren(QFormLayout):
            if form.parentWidget() is holder and (label := form.labelForField(field)) is not None:
                return label if label.isVisible() else None
        field = holder
    return None


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


class SectionForm(QFormLayout):
    """A form section's rows: each field beside its label where the section's widest label and
    widest field fit side by side, every field under its label (a label longer than the line
    wrapped) where they do not, decided again at each layout (a resize, a text size, a row shown
    or hidden). Qt's own rule (WrapLongRows) wraps row by row and keeps the label column as wide
    as the longest label beside its field: at the largest text "Antibiotique réévalué après 72 h,
    ou traitement de plus de 14 jours : motif" put every box of its section a thousand pixels
    right of "Dose *", out of view with it. A label wrapped beside its field was given the
    field's height, its lines cut."""

    def __init__(self, parent: QWidget) -> None:
        """Laid out on `parent`, as QFormLayout(parent)."""
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        """Its least size with its widest field, not a label beside it, for its least width:
        given less than it needs side by side, it wraps (`setGeometry`). Qt's least width was the
        longest label's, or near a row's side by side, so a section held the form as wide, and
        scrolled sideways, to stay side by side."""
        margins = self.contentsMargins()
        widest = max((item.minimumSize().width() for row in range(self.rowCount()) for role in
                      (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
                      if (item := self.itemAt(row, role)) is not None and not item.isEmpty()), default=0)
        return QSize(widest + margins.left() + margins.right(), super().minimumSize().height())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        """The rows wrapped or not for `rect`'s width, then laid out in it. Either way the form
        asks no more width than its widest field (`minimumSize`), so the width it is given, and
        the choice, do not follow from the choice."""
        margins = self.contentsMargins()
        room = rect.width() - margins.left() - margins.right()
        under = self._side_by_side_width() > room
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if under else QFormLayout.RowWrapPolicy.WrapLongRows
        if policy != self.rowWrapPolicy():
            self.setRowWrapPolicy(policy)
            # The height the section was given was its height under the other policy: side by
            # side again, each field's wrapped hint kept the height of its lines under its
            # label, cut. Its section asks its new height of the form around it.
            if (section := self.parentWidget()) is not None:
                section.updateGeometry()
        for row in range(self.rowCount()):
            # Only a label longer than the line wrapped: Qt wraps a short one at a quarter of 80
            # characters ("Mobility (all patients)" over its "*").
            if (item := self.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and isinstance(
                    label := item.widget(), QLabel) and label.wordWrap() != (wrap := under and _one_line(label) > room):
                label.setWordWrap(wrap)
        super().setGeometry(rect)

    def _side_by_side_width(self) -> int:
        """How wide the shown rows need the form, labels on one line in a column of their widest
        (read off the text: a wrapped label's size hint is its wrapped width) beside fields at
        their least, each counted at no less than a readable width: counted at its least, the
        sepsis form's "doctor's review" stayed side by side at the largest text, its notes box
        215 pixels wide."""
        labels, fields = [0], [0]
        for row in range(self.rowCount()):
            label = self.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None and not label.isEmpty() and isinstance(
                    shown := label.widget(), QLabel):
                labels.append(_one_line(shown))
                fields.append(max(field.minimumSize().width(), readable_width(shown)))
        return max(labels) + max(self.horizontalSpacing(), 0) + max(fields)


def _one_line(label: QLabel) -> int:
    """How wide the label's text is on one line, read off the text: a wrapped label's size hint
    is its wrapped width."""
    return label.fontMetrics().horizontalAdvance(label.text()) + 2 * label.margin()


class Section(QGroupBox):
    """A form's section framed, its rows in a `SectionForm` (`form`), its title on the frame where
    the title fits its width, else wrapped above its rows: a group box is at least as wide as its
    title on one line, and at the largest text "Sepsis Six: within one hour of red flag sepsis
    (the time each was done)" held the sepsis form wider than its view, scrolled sideways."""

    def __init__(self, title: str) -> None:
        """Titled `title`."""
        super().__init__(title)
        self._title = title
        self.form = SectionForm(self)
        self._heading = wrapped(QLabel(title))
        self._heading.setStyleSheet("font-weight: bold")  # as the title on the frame
        self._heading.hide()
        self.form.addRow(self._heading)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Its rows' least size, the title left out: too long, it goes above them (`resizeEvent`)."""
        return QWidget.minimumSizeHint(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """The title on the frame if `event`'s width holds it, else over the rows, wrapped."""
        above = self.fontMetrics().horizontalAdvance(self._title + "  ") + 2 * TITLE_INDENT > event.size().width()
        self.setTitle("" if above else self._title)
        self._heading.setVisible(above)
        super().resizeEvent(event)


TITLE_INDENT = 12
"""Room a group box's frame takes on either side of its title, more than any style's."""


class Columns(QWidget):
    """Widgets in reading order, up to `most` to a line, fewer where the width it is given does
    not hold `most` side by side, one to a line at the least: a VTE assessment's risks, three
    check boxes to a line, made its form 1,500 pixels wide at the largest text, scrolled sideways
    from each box to its label. Tab follows the order they were added in, whatever the lines."""

    def __init__(self, most: int) -> None:
        """At most `most` to a line."""
        super().__init__()
        self._most = self._columns = most
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._widgets: list[QWidget] = []

    def add(self, widget: QWidget) -> None:
        """`widget` after the others."""
        self._widgets.append(widget)
        self._grid.addWidget(widget, *divmod(len(self._widgets) - 1, self._columns))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as one to a line: narrower than its lines, it takes more of them
        (`resizeEvent`), where the whole grid's least width widened its form instead."""
        widest = max((widget.minimumSizeHint().width() for widget in self._widgets), default=0)
        return QSize(widest, self._grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """As many to a line as `event`'s width holds side by side, up to its most."""
        if (columns := self._fitting(event.size().width())) != self._columns:
            self._columns = columns
            for widget in self._widgets:
                self._grid.removeWidget(widget)
            for index, widget in enumerate(self._widgets):
                self._grid.addWidget(widget, *divmod(index, columns))
        super().resizeEvent(event)

    def _fitting(self, width: int) -> int:
        """The most columns, each as wide as its widest widget, that `width` holds."""
        spacing = max(self._grid.horizontalSpacing(), 0)
        return next((count for count in range(self._most, 1, -1)
                     if sum(max((widget.sizeHint().width() for widget in self._widgets[column::count]), default=0)
                            for column in range(count)) + spacing * (count - 1) <= width), 1)


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

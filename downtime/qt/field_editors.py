"""One editor per field kind. Each keeps the raw state the user typed (saved as a draft, so a
half-typed date survives a crash) and turns it into a value on demand.

Every editor is driven by the keyboard alone: text boxes, combos that select an option as its
first letters are typed, check boxes toggled with Space, and buttons that Enter presses."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QPainter
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QStyle, QStyledItemDelegate, QStyleOptionButton, QStyleOptionViewItem, QToolButton,
    QVBoxLayout, QWidget,
)

from downtime.formspec import Field, Lang
from downtime.formspec.messages import message
from downtime.formspec.schema import (
    ChoiceField, DateField, DateTimeField, LongTextField, MultiChoiceField, PatientRefField,
    RecordRefField, RepeatField, TextField, YesNoField,
)
from downtime.formspec.values import FieldError, ParseError, format_value, offered, parse_text, standing_for
from downtime.qt.i18n import translate
from downtime.qt.now_typed import now_when_typed
from downtime.qt.screen_fit import Columns, wrapped
from downtime.qt.screen_reader import named

Clock = Callable[[], datetime]
RefChoices = Callable[[str], list[tuple[str, str, str]] | None]
"""The records a reference may pick, each as (id, its line in the list, its whole description)."""

HINTS: dict[type, dict[Lang, str]] = {
    DateField: {"en": "DD/MM/YYYY", "fr": "JJ/MM/AAAA"},
    DateTimeField: {"en": "DD/MM/YYYY HH:MM", "fr": "JJ/MM/AAAA HH:MM"},
}
YES_NO = {"en": ("", "Yes", "No"), "fr": ("", "Oui", "Non")}
NOW = {"en": "Now", "fr": "Maintenant"}
ADD_ROW = {"en": "Add row", "fr": "Ajouter une ligne"}
REMOVE_ROW = {"en": "Remove row", "fr": "Retirer la ligne"}
READABLE = "0" * 16
"""The least a repeat row's text column shows: "Atorvastatine 40 mg", a drug and its strength."""


def _row(*widgets: QWidget, stretch_first: bool = True) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        row.addWidget(widget, 1 if stretch_first and index == 0 else 0)
    box.setFocusProxy(widgets[0])
    return box


class Editor(QObject):
    """The common face of every editor: a widget, its raw state, its value, a commit signal
    (fired when the user finishes with the field, which is when a draft is autosaved) and an
    edit signal (fired at every keystroke in a box, for what must follow the typing: a NEWS2
    score read while the cursor was still in the temperature box was the score without it)."""

    committed = Signal()
    edited = Signal()

    def __init__(self, field: Field, lang: Lang):
        super().__init__()
        self.field = field
        self.lang = lang
        self.widget: QWidget = QWidget()
        self._raw: Any = None

    def raw(self) -> Any:
        """What the widget holds as typed; subclasses that hold text override this."""
        return self._raw

    def set_raw(self, raw: Any) -> None:
        self._raw = raw

    def value(self) -> Any:
        """The stored value; raises ParseError for text that is not a value of this kind."""
        return self.raw()

    def lenient_value(self) -> Any:
        """The value, or None while the text cannot be read yet (enough to decide relevance)."""
        try:
            return self.value()
        except ParseError:
            return None

    def parse_errors(self, path: str) -> list[FieldError]:
        try:
            self.value()
        except ParseError as problem:
            return [FieldError(path, message(problem.key, self.lang, self.field.label.get(self.lang), problem.limit))]
        return []

    def set_value(self, value: Any) -> None:
        self.set_raw(value)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)


class LineEditor(Editor):
    """Text, numbers (unit shown after the box), dates and date-times typed day first. The box
    takes whatever is typed: one that dropped the keystrokes past the field's length made
    "Side room 2" the ward's bed "Side room"; the form's check names a text too long instead."""

    def __init__(self, field: Field, lang: Lang, now: Clock | None = None, who: Callable[[str], str] | None = None):
        super().__init__(field, lang)
        self.who = who  # a staff reference shown by name with the ID (see format_value)
        self.now = now  # a date-time box's day is today's: "06:00" typed alone is today's
        self.edit = QLineEdit()
        self.shown: tuple[str, Any] | None = None
        hint = HINTS.get(type(field), {}).get(lang)
        if hint:
            self.edit.setPlaceholderText(hint)
        if isinstance(field, DateTimeField) and now is not None:
            # "N" (French "M") typed alone is now, as the Now button gives it: the button is out
            # of the keyboard's way, Tab passing it by, and a nurse at the keyboard typed the
            # whole date and time for each set of observations.
            now_when_typed(self.edit, lang, lambda: self._set_now(now))
        self.edit.editingFinished.connect(self.committed)
        self.edit.textEdited.connect(self.edited)
        named(self.edit, field.label.get(lang))
        if isinstance(field, DateField | DateTimeField):
            # The whole date stays in sight however long the labels beside it: the French
            # Operation done dialog, its reason's label shown, squeezed "01/12/2026 13:20" to "6 13:20".
            self._in_sight("00/00/0000 00:00" if isinstance(field, DateTimeField) else "00/00/0000")
        if isinstance(field, DateTimeField):
            # and with its offset, the night the clocks go back (values.format_value): "25/10/2026
            # 02:30 +01:00", filled in or typed, was squeezed to "2026 02:30 +01:00".
            self.edit.textChanged.connect(lambda text: self._in_sight(max("00/00/0000 00:00", text, key=len)))
        extras: list[QWidget] = []
        unit = getattr(field, "unit", None)
        if unit:
            extras.append(QLabel(unit))
        self.now_button: QToolButton | None = None
        if isinstance(field, DateTimeField) and now is not None:
            self.now_button = QToolButton()
            self.now_button.setText(NOW[lang])
            self.now_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.now_button.setToolTip(translate("FieldEditors", "Fill in the laptop's current date and time"))
            self.now_button.clicked.connect(lambda: self.fill_now(now))
            extras.append(self.now_button)
        self.widget = _row(self.edit, *extras) if extras else self.edit

    def _in_sight(self, text: str) -> None:
        """The box at least as wide as `text`, a digit on either side for its frame."""
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(text + "00"))

    def fill_now(self, now: Clock) -> None:
        self._set_now(now)
        self.edit.setFocus()
        self.committed.emit()

    def _set_now(self, now: Clock) -> None:
        """Shown in the laptop's own zone, which is the zone typed text is read in, and kept as
        the instant itself (a value shown and left as it was, see `value`): in the hour the
        clocks go back, "02:10" read back is the first 02:10, an hour before the second."""
        self.set_value(now().astimezone().isoformat(timespec="minutes"))

    def raw(self) -> str:
        return self.edit.text()

    def set_raw(self, raw: Any) -> None:
        self._put(str(raw or ""))

    def _put(self, text: str) -> None:
        """A text put in by the app is shown from its start: a box narrower than its text showed
        the end, "Metformine 1 g matin et soir" read "matin et soir", never the drug."""
        self.edit.setText(text)
        self.edit.setCursorPosition(0)

    def value(self) -> Any:
        """A value shown and left as it was is the value stored, not its text read back: a time
        stored in another offset (an EHR's 09:00Z) reads back in the laptop's zone, and an
        amendment of another field moved it by an hour."""
        if self.shown is not None and self.edit.text() == self.shown[0]:
            return self.shown[1]
        return parse_text(self.field, self.edit.text(), day=self.now().date() if self.now is not None else None)

    def set_value(self, value: Any) -> None:
        text = format_value(self.field, value, self.lang, self.who) if value is not None else ""
        self.shown = (text, value)
        self._put(text)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        if self.now_button is not None:
            self.now_button.setVisible(not read_only)

    def suggest(self, words: list[str]) -> None:
        """Offer `words` as the box is typed in, any of them holding what is typed, case aside
        ("heel" offers "Left heel"); nothing when there are none."""
        if words:
            completer = QCompleter(words, self.edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.edit.setCompleter(completer)


class PlainTextEdit(QPlainTextEdit):
    """A multi-line box that Tab leaves (like paper, not like a word processor) and that says
    when the user is done with it, as QLineEdit does."""

    editingFinished = Signal()  # noqa: N815 (named like QLineEdit's signal)

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editingFinished.emit()


# A long text's box on screen: three lines' room, more for one the paper gives more lines to (a
# clinical note's twelve), at most `LONG_TEXT_LINES`: a note of several paragraphs was typed
# into a box of four lines.
LONG_TEXT_HEIGHT = 78
LONG_TEXT_LINES = 10


class LongTextEditor(Editor):
    def __init__(self, field: LongTextField, lang: Lang):
        super().__init__(field, lang)
        self.edit = PlainTextEdit()
        lines = min(field.paper.lines, LONG_TEXT_LINES)
        self.edit.setFixedHeight(max(LONG_TEXT_HEIGHT, self.edit.fontMetrics().lineSpacing() * lines + 16))
        named(self.edit, field.label.get(lang))
        self.edit.editingFinished.connect(self.committed)
        self.widget = self.edit

    def raw(self) -> str:
        return self.edit.toPlainText()

    def set_raw(self, raw: Any) -> None:
        self.edit.setPlainText(str(raw or ""))

    def value(self) -> str | None:
        return self.edit.toPlainText() if self.edit.toPlainText().strip() else None

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class _ShownAsText(Editor):
    """Editors whose input greys out when disabled (combos, check boxes) show a saved answer
    as read-only text instead, so it stays readable, selectable and reachable with Tab, its
    words wrapped in a framed box: in a one-line box, a French CIWA-Ar anchor chosen was cut at
    "schizophrén" at the largest text in the least window."""

    def _wrap(self, editable: QWidget, box: QWidget | None = None) -> QWidget:
        """`editable` over the read-only text, in `box` (a plain widget by default)."""
        self._editable = editable
        self._text = wrapped(QLabel())
        self._text.setTextFormat(Qt.TextFormat.PlainText)  # an answer is words, never markup
        self._text.setFrameShape(QLabel.Shape.StyledPanel)
        self._text.setMargin(self._text.fontMetrics().averageCharWidth() // 2)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        named(self._text, self.field.label.get(self.lang))
        self._text.hide()
        box = box or QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(editable)
        column.addWidget(self._text)
        box.setFocusProxy(editable)
        return box

    def display_text(self) -> str:
        raise TypeError(f"{type(self).__name__} must say how its answer reads")

    def set_read_only(self, read_only: bool) -> None:
        self._text.setText(self.display_text())
        self._editable.setVisible(not read_only)
        self._text.setVisible(read_only)
        self.widget.setFocusProxy(self._text if read_only else self._editable)


class WholeOptions(QStyledItemDelegate):
    """A drop-down's options each whole: one wider than the screen has room for wraps onto more
    lines, the others drawn as the box's own list draws them (`plain`). Qt's list is as wide as
    its longest option up to the screen's width, and past it cut the option in the middle: at the
    largest text on a laptop at 125 %, the CIWA-Ar's "7 Acute panic states, as seen in sever…irium
    or acute schizophrenic reactions"."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        self.plain = combo.itemDelegate()

    def _wraps(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """How many lines the option takes in the room there is (`room`): 1 where it fits on one.
        Read off its text in the list's font, whatever rectangle Qt asks it for: the list's height
        is summed before the list is given its width."""
        metrics = self._combo.view().fontMetrics()
        text = str(index.data() or "")
        width = self.room() - 2 * (self._combo.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                                                   self._combo) + 1) - metrics.averageCharWidth()
        if metrics.horizontalAdvance(text) <= width:
            return 1
        high = metrics.boundingRect(QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), text).height()
        return max(1, round(high / metrics.lineSpacing()))

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        one_line = self.plain.sizeHint(option, index)
        if (lines := self._wraps(index)) == 1:
            return one_line
        return QSize(self.room(), one_line.height() + (lines - 1) * self._combo.view().fontMetrics().lineSpacing())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if self._wraps(index) == 1:
            self.plain.paint(painter, option, index)
            return
        wrapped = QStyleOptionViewItem(option)
        self.initStyleOption(wrapped, index)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        wrapped.textElideMode = Qt.TextElideMode.ElideNone
        wrapped.backgroundBrush = option.palette.window()  # as the list's other options, not the white of a view
        style = self._combo.view().style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, wrapped, painter, self._combo.view())

    def room(self) -> int:
        """The widest an option is shown: the screen's width, less the list's frame and a scroll
        bar (a long list has one)."""
        view = self._combo.view()
        return (self._combo.screen().availableGeometry().width() - 2 * view.frameWidth()
                - view.verticalScrollBar().sizeHint().width())


class _ChoiceBox(QWidget):
    """A choice's box over its answer read-only, whichever of the two shows; on a form
    (`ComboEditor.fit_on_form`, `least` given) sized by its longest option: asking that width,
    `least` at least, and needing it up to `least`."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__()
        self._combo = combo
        self.least: int | None = None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        laid = super().sizeHint()
        return laid if self.least is None else QSize(max(self._combo.sizeHint().width(), self.least), laid.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        laid = super().minimumSizeHint()
        return laid if self.least is None else QSize(min(self._combo.sizeHint().width(), self.least), laid.height())


class ComboEditor(_ShownAsText):
    """Choices and yes/no: an empty first entry keeps "not answered" distinct from any answer.
    Typing the first letters of an option selects it, so no mouse is needed."""

    def __init__(self, field: ChoiceField | YesNoField | RecordRefField, lang: Lang,
                 options: list[tuple[Any, str]] | None = None, tips: list[str] | None = None):
        """`tips`: each option's whole description, shown over it and over the box once chosen,
        its line kept short enough to read whole (a theatre session's end time was cut off)."""
        super().__init__(field, lang)
        self.combo = QComboBox()
        if options is not None:
            pairs = options
        elif isinstance(field, YesNoField):
            pairs = list(zip((True, False), YES_NO[lang][1:]))
        else:
            pairs = [(option.code, option.label.get(lang)) for option in offered(field)]  # type: ignore[arg-type]
        self.codes: list[Any] = [None] + [code for code, _ in pairs]
        self.combo.addItems([""] + [label for _, label in pairs])
        self.combo.setItemDelegate(WholeOptions(self.combo))
        named(self.combo, field.label.get(lang))
        if tips:
            for index, tip in enumerate(tips, start=1):
                self.combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
            self.combo.currentIndexChanged.connect(
                lambda index: self.combo.setToolTip(self.combo.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""))
            # Read before the list is ever shown, when the view cannot measure its rows yet.
            view, metrics = self.combo.view(), self.combo.view().fontMetrics()
            view.setMinimumWidth(max(metrics.horizontalAdvance(label) for _, label in pairs)
                                 + 4 * metrics.averageCharWidth() + view.verticalScrollBar().sizeHint().width())
        self.combo.currentIndexChanged.connect(self.committed)
        self.widget = self._wrap(self.combo, _ChoiceBox(self.combo))

    def fit_on_form(self, least: int) -> None:
        """Its box on a form: as wide as its longest option, `least` at least, where the form has
        room, and no wider; where it has not, narrower, to `least` or its longest option if less
        (so that a section puts it under its label rather than narrow beside it), its options
        whole in the drop-down (`WholeOptions`). Held to 640 pixels, the CIWA-Ar's anchors were
        cut in the box at the largest text in a window with room for them; as wide as its longest
        option, never less, it held the form wider than a laptop's window, scrolled sideways."""
        assert isinstance(self.widget, _ChoiceBox)
        self.widget.least = least
        self.widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.combo.setMinimumContentsLength(len(READABLE))

    def raw(self) -> Any:
        return self.codes[self.combo.currentIndex()]

    def set_raw(self, raw: Any) -> None:
        """A code the form no longer offers (a record kept under an older version of it) is an
        entry of its own, in words, so that it shows and an amendment keeps it: at the blank first
        entry, an admission's "Protective isolation" showed blank and the amendment dropped it."""
        if isinstance(self.field, ChoiceField) and isinstance(raw, str) and raw not in self.codes:
            self.codes.append(raw)
            self.combo.addItem(format_value(self.field, raw, self.lang))
        self.combo.setCurrentIndex(self.codes.index(raw) if raw in self.codes else 0)

    def display_text(self) -> str:
        """The answer read-only; a choice left unanswered, the option it stands for (values.standing_for)."""
        if self.raw() is None and (code := standing_for(self.field, None)) is not None:
            return format_value(self.field, code, self.lang)
        return self.combo.currentText()


def columns_for(labels: Sequence[str], most: int = 3, width: int = 110) -> int:
    """How many check boxes to a line: as many as `most` whose columns, each as wide as its
    longest label, stay within `width` characters together (three to a line, a VTE assessment's
    risks ran off the form's right edge, half of each label cut)."""
    return next((count for count in range(most, 1, -1)
                 if sum(max((len(label) for label in labels[column::count]), default=0) for column in range(count))
                 <= width), 1)


class WrappedCheckBox(QCheckBox):
    """A check box whose words wrap to the width it is given: a QCheckBox's own text is one line
    as wide as its words, and at the largest text the VTE form's "On an anticoagulant raising the
    bleeding risk (warfarin, INR over 2)" held the form 1,322 pixels wide, scrolled sideways from
    each box to its label. The words are a wrapped label laid in the box past its indicator, so
    that the box stays one control: Tab stops on it and Space ticks it, a click on the words ticks
    it, its focus colour covers them, they grey out with it, and a screen reader names it by them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        named(self, text)
        self.words = wrapped(QLabel(text))
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the box takes the click
        inside = QHBoxLayout(self)
        style = self.style()
        inside.setContentsMargins(style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
                                  + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self), 0, 0, 0)
        inside.addWidget(self.words)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # a QCheckBox's is one line high
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _one_line(self) -> QSize:
        """The box as a QCheckBox with these words would be, on one line: what it asks where the
        room holds it (a box sized by its wrapped words made the sepsis red flags two columns of
        broken lines on a laptop at the usual text, and stood 5 pixels lower than a plain one)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.words.text()
        metrics = self.fontMetrics()
        return self.style().sizeFromContents(QStyle.ContentsType.CT_CheckBox, option, QSize(
            metrics.horizontalAdvance(option.text), metrics.height()), self)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._one_line()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as its longest word beside the indicator, as high as a box of one line."""
        least = QWidget.minimumSizeHint(self)
        return QSize(least.width(), max(least.height(), self._one_line().height()))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return max(QWidget.heightForWidth(self, width), self._one_line().height())

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 (Qt's name)
        """The indicator or the words, as a QCheckBox's own text: not the blank its column leaves
        beside shorter words (a stray click there ticked a sepsis red flag)."""
        words = self.words.fontMetrics().boundingRect(
            self.words.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                           | Qt.TextFlag.TextWordWrap), self.words.text())
        return QCheckBox.hitButton(self, pos) or words.translated(self.words.pos()).contains(pos)


class MultiEditor(_ShownAsText):
    """Check boxes in reading order, up to three to a line (`columns_for`), fewer where the form
    is narrower (screen_fit.Columns); Tab visits each, Space ticks it."""

    def __init__(self, field: MultiChoiceField, lang: Lang):
        super().__init__(field, lang)
        self.boxes: dict[str, WrappedCheckBox] = {}
        options = offered(field)
        labels = [option.label.get(lang) for option in options]
        self._grid = Columns(columns_for(labels))
        for option, label in zip(options, labels):
            self._add_box(option.code, label)
        self._grid.setFocusProxy(next(iter(self.boxes.values())))
        self.widget = self._wrap(self._grid)

    def _add_box(self, code: str, label: str) -> None:
        box = WrappedCheckBox(label)
        box.toggled.connect(self.committed)
        self._grid.add(box)
        self.boxes[code] = box

    def offer(self, codes: Collection[str] | None) -> None:
        """Only these options may be ticked (all when None): the others greyed out and untick
        (a result's tests, to those its sample was sent for)."""
        for code, box in self.boxes.items():
            allowed = codes is None or code in codes
            if not allowed:
                box.setChecked(False)
            box.setEnabled(allowed)

    def raw(self) -> list[str] | None:
        return [code for code, box in self.boxes.items() if box.isChecked()] or None

    def set_raw(self, raw: Any) -> None:
        """A code the form no longer offers is a box of its own, ticked (see ComboEditor.set_raw)."""
        for code in raw or []:
            if isinstance(code, str) and code not in self.boxes:
                self._add_box(code, format_value(self.field, [code], self.lang))
        for code, box in self.boxes.items():
            box.setChecked(code in (raw or []))

    def display_text(self) -> str:
        return format_value(self.field, self.raw(), self.lang)


class ReferenceEditor(Editor):
    """A reference set by the screen that opened the form (the patient, the order). `texts`: how
    each record it may point to reads (a dose's order as a nurse reads it), set by the form; its
    id, which alone it read as, is kept in the tooltip for tracing."""

    def __init__(self, field: Field, lang: Lang):
        super().__init__(field, lang)
        self.label = QLabel("—")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.widget = self.label
        self.texts: Mapping[str, str] = {}

    def set_raw(self, raw: Any) -> None:
        self._raw = raw
        text = self.texts.get(str(raw)) if raw else None
        self.label.setText(text or (str(raw) if raw else "—"))
        self.label.setToolTip(str(raw) if text else "")

    def set_read_only(self, read_only: bool) -> None:
        """Never typed into, so never greyed out: a dose's order read pale grey, hard to read."""


def _focus_target(widget: QWidget) -> QWidget:
    """The widget that takes the focus for `widget` (a choice's combo inside its box): Tab
    order set on the box itself left the combo, the Remove and the Add buttons out of it."""
    while (proxy := widget.focusProxy()) is not None:
        widget = proxy
    return widget


class _Row:
    """One line of a repeat group: its sub-field editors and its own Remove button."""

    def __init__(self, editors: list[Editor], remove: QPushButton):
        self.editors, self.remove = editors, remove

    def widgets(self) -> list[QWidget]:
        return [editor.widget for editor in self.editors] + [self.remove]


class RepeatEditor(Editor):
    """Rows of sub-field editors lined up under column headings (e.g. one allergy per row),
    with Add row and a Remove button per row. Tab runs along each row, then to Add row.
    The free-text columns share the room left by what they hold (`_share`; every column alike
    when none is free text), the first (the medicine, the substance) showing at least READABLE,
    each of its boxes its whole line in a tooltip: four equal columns made the reconciliation's
    Medicine boxes 97 pixels wide, no drug named on any row; the room left all to the first, the
    allergy's reaction was a dozen characters beside a substance box of 800 pixels."""

    def __init__(self, field: RepeatField, lang: Lang, now: Clock | None = None):
        super().__init__(field, lang)
        self.repeat = field
        self._now = now
        self.widget = QWidget()
        outer = QVBoxLayout(self.widget)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.wide = next((column for column, sub in enumerate(field.fields) if isinstance(sub, TextField)), None)
        for column, sub in enumerate(field.fields):
            heading = QLabel(f"{sub.label.get(lang)}{' *' if sub.required else ''}")
            heading.setStyleSheet("font-weight: bold;")
            heading.setWordWrap(True)  # "Suspendu jusqu’à" over its box, not 270 pixels of it
            self.grid.addWidget(heading, 0, column, Qt.AlignmentFlag.AlignBottom)
            self.grid.setColumnStretch(column, 1 if self.wide is None else 0)
        outer.addLayout(self.grid)
        self.add_button = QPushButton(ADD_ROW[lang])
        self.add_button.setAutoDefault(True)
        self.add_button.clicked.connect(self._add_clicked)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.widget.setFocusProxy(self.add_button)
        self.rows: list[_Row] = []
        self._read_only = False

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.editors[0].widget.setFocus()
        self.committed.emit()

    def add_row(self) -> _Row:
        editors = [make_editor(sub, self.lang, now=self._now) for sub in self.repeat.fields]
        remove = QPushButton(REMOVE_ROW[self.lang])
        remove.setAutoDefault(True)
        row = _Row(editors, remove)
        remove.clicked.connect(lambda: self._remove(row))
        for editor in editors:
            editor.committed.connect(self.committed)
        if self.wide is not None:
            text = editors[self.wide]
            assert isinstance(text, LineEditor)  # a TextField's editor (make_editor)
            text._in_sight(READABLE)
            text.edit.textChanged.connect(text.edit.setToolTip)
        for editor in editors:
            if isinstance(editor, LineEditor) and isinstance(editor.field, TextField):
                editor.edit.textChanged.connect(self._share)
        previous: QWidget = self.rows[-1].remove if self.rows else self.add_button
        self.rows.append(row)
        self._lay_out()
        for widget in row.widgets():
            QWidget.setTabOrder(previous, _focus_target(widget))
            previous = _focus_target(widget)
        QWidget.setTabOrder(previous, self.add_button)
        for editor in editors:
            editor.set_read_only(self._read_only)
        remove.setVisible(not self._read_only)
        return row

    def _lay_out(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.removeWidget(widget)
                self.grid.addWidget(widget, number, column)
            row.remove.setAccessibleName(f"{REMOVE_ROW[self.lang]} {number}")
        self._share()

    def _share(self) -> None:
        """Each free-text column stretched by the width of its longest line, READABLE at least:
        the room left goes where the words are, the medicine's "Paracétamol 1 g si douleur, 3
        fois par jour au plus" whole beside short reasons, an empty reaction as wide as its
        substance."""
        if self.wide is None:
            return
        for column, sub in enumerate(self.repeat.fields):
            if isinstance(sub, TextField):
                boxes = [editor.edit for row in self.rows if isinstance(editor := row.editors[column], LineEditor)]
                self.grid.setColumnStretch(column, max(
                    (box.fontMetrics().horizontalAdvance(text) for box in boxes for text in (box.text(), READABLE)),
                    default=1))

    def _remove(self, row: _Row) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._lay_out()
        following = self.rows[index].editors[0].widget if index < len(self.rows) else self.add_button
        following.setFocus()
        self.committed.emit()

    def raw(self) -> list[dict[str, Any]] | None:
        return [{e.field.id: e.raw() for e in row.editors} for row in self.rows] or None

    def set_raw(self, raw: Any) -> None:
        self._fill(raw, lambda editor, value: editor.set_raw(value))

    def value(self) -> list[dict[str, Any]] | None:
        rows = [{e.field.id: e.value() for e in row.editors} for row in self.rows]
        return [{key: value for key, value in row.items() if value is not None} for row in rows] or None

    def lenient_value(self) -> list[dict[str, Any]] | None:
        rows = [{e.field.id: e.lenient_value() for e in row.editors} for row in self.rows]
        return [{key: value for key, value in row.items() if value is not None} for row in rows] or None

    def parse_errors(self, path: str) -> list[FieldError]:
        return [error for number, row in enumerate(self.rows, start=1) for editor in row.editors
                for error in editor.parse_errors(f"{path}[{number}].{editor.field.id}")]

    def set_value(self, value: Any) -> None:
        self._fill(value, lambda editor, item: editor.set_value(item))

    def _fill(self, rows: Any, setter: Callable[[Editor, Any], None]) -> None:
        for row in self.rows:
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = []
        for values in rows or []:
            row = self.add_row()
            for editor in row.editors:
                setter(editor, values.get(editor.field.id))
            for editor in row.editors:
                editor.set_read_only(self._read_only)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setVisible(not read_only)
        self.widget.setFocusProxy(self.rows[0].editors[0].widget if read_only and self.rows else self.add_button)
        for row in self.rows:
            for editor in row.editors:
                editor.set_read_only(read_only)
            row.remove.setVisible(not read_only)


def make_editor(field: Field, lang: Lang, ref_choices: RefChoices | None = None,
                now: Clock | None = None, who: Callable[[str], str] | None = None) -> Editor:
    """`ref_choices(form_id)` lists the records a reference may pick, or None when the
    reference is set by the screen that opened the form (the patient, the order); `now`
    gives date-time boxes their "Now" button; `who` (domain.laptops.Authors.on) shows a staff
    reference (a dose's witness) by name with the ID, kept as the ID when left as shown."""
    match field:
        case LongTextField():
            return LongTextEditor(field, lang)
        case ChoiceField() | YesNoField():
            return ComboEditor(field, lang)
        case MultiChoiceField():
            return MultiEditor(field, lang)
        case RepeatField():
            return RepeatEditor(field, lang, now)
        case RecordRefField() if ref_choices is not None and (options := ref_choices(field.form)) is not None:
            return ComboEditor(field, lang, [(code, text) for code, text, _ in options], [tip for _, _, tip in options])
        case PatientRefField() | RecordRefField():
            return ReferenceEditor(field, lang)
    return LineEditor(field, lang, now, who)

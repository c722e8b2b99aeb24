"""One editor per field kind. Each keeps the raw state the user typed (saved as a draft, so a
half-typed date survives a crash) and turns it into a value on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from downtime.formspec import Field, Lang
from downtime.formspec.schema import (
    ChoiceField, DateField, DateTimeField, LongTextField,
    MultiChoiceField, PatientRefField, RecordRefField, RepeatField, TextField, YesNoField,
)
from downtime.formspec.values import format_value, parse_text

HINTS: dict[type, dict[Lang, str]] = {
    DateField: {"en": "DD/MM/YYYY", "fr": "JJ/MM/AAAA"},
    DateTimeField: {"en": "DD/MM/YYYY HH:MM", "fr": "JJ/MM/AAAA HH:MM"},
}
YES_NO = {"en": ("", "Yes", "No"), "fr": ("", "Oui", "Non")}


class Editor(QObject):
    """The common face of every editor: a widget, its raw state, its value, a commit signal."""

    committed = Signal()

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

    def set_value(self, value: Any) -> None:
        self.set_raw(value)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)


class LineEditor(Editor):
    def __init__(self, field: Field, lang: Lang):
        super().__init__(field, lang)
        self.edit = QLineEdit()
        if isinstance(field, TextField):
            self.edit.setMaxLength(field.max_length)
        hint = HINTS.get(type(field), {}).get(lang)
        if hint:
            self.edit.setPlaceholderText(hint)
        self.edit.editingFinished.connect(self.committed)
        self.edit.setAccessibleName(field.label.get(lang))
        unit = getattr(field, "unit", None)
        if unit:
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.edit, 1)
            row.addWidget(QLabel(unit))
            self.widget = box
        else:
            self.widget = self.edit

    def raw(self) -> str:
        return self.edit.text()

    def set_raw(self, raw: Any) -> None:
        self.edit.setText(str(raw or ""))

    def value(self) -> Any:
        return parse_text(self.field, self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(format_value(self.field, value, self.lang) if value is not None else "")

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class LongTextEditor(Editor):
    def __init__(self, field: LongTextField, lang: Lang):
        super().__init__(field, lang)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(70)
        self.edit.setAccessibleName(field.label.get(lang))
        self.edit.textChanged.connect(self.committed)
        self.widget = self.edit

    def raw(self) -> str:
        return self.edit.toPlainText()

    def set_raw(self, raw: Any) -> None:
        self.edit.setPlainText(str(raw or ""))

    def value(self) -> str | None:
        return self.edit.toPlainText() if self.edit.toPlainText().strip() else None

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class ComboEditor(Editor):
    """Choices and yes/no: an empty first entry keeps "not answered" distinct from any answer.
    Typing the first letters of an option selects it, so no mouse is needed."""

    def __init__(self, field: ChoiceField | YesNoField, lang: Lang):
        super().__init__(field, lang)
        self.combo = QComboBox()
        if isinstance(field, YesNoField):
            self.codes: list[Any] = [None, True, False]
            labels = list(YES_NO[lang])
        else:
            self.codes = [None] + [option.code for option in field.options]
            labels = [""] + [option.label.get(lang) for option in field.options]
        self.combo.addItems(labels)
        self.combo.setAccessibleName(field.label.get(lang))
        self.combo.currentIndexChanged.connect(self.committed)
        self.widget = self.combo

    def raw(self) -> Any:
        return self.codes[self.combo.currentIndex()]

    def set_raw(self, raw: Any) -> None:
        self.combo.setCurrentIndex(self.codes.index(raw) if raw in self.codes else 0)


class MultiEditor(Editor):
    def __init__(self, field: MultiChoiceField, lang: Lang):
        super().__init__(field, lang)
        self.widget = QWidget()
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for index, option in enumerate(field.options):
            box = QCheckBox(option.label.get(lang))
            box.toggled.connect(self.committed)
            grid.addWidget(box, index // 3, index % 3)
            self.boxes[option.code] = box

    def raw(self) -> list[str] | None:
        return [code for code, box in self.boxes.items() if box.isChecked()] or None

    def set_raw(self, raw: Any) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in (raw or []))


class RecordChoiceEditor(Editor):
    """A pick from the records a field may point to (e.g. the theatre session of a booking)."""

    def __init__(self, field: RecordRefField, lang: Lang, options: list[tuple[str, str]]):
        super().__init__(field, lang)
        self.combo = QComboBox()
        self.ids: list[str | None] = [None] + [record_id for record_id, _ in options]
        self.combo.addItems([""] + [label for _, label in options])
        self.combo.setAccessibleName(field.label.get(lang))
        self.combo.currentIndexChanged.connect(self.committed)
        self.widget = self.combo

    def raw(self) -> str | None:
        return self.ids[self.combo.currentIndex()]

    def set_raw(self, raw: Any) -> None:
        self.combo.setCurrentIndex(self.ids.index(raw) if raw in self.ids else 0)


class ReferenceEditor(Editor):
    """A reference set by the screen that opened the form (the patient, the order)."""

    def __init__(self, field: Field, lang: Lang):
        super().__init__(field, lang)
        self.label = QLabel("—")
        self.widget = self.label

    def set_raw(self, raw: Any) -> None:
        self._raw = raw
        self.label.setText(str(raw) if raw else "—")


class RepeatEditor(Editor):
    """Rows of sub-field editors (e.g. one allergy per row) with Add row / Remove row."""

    def __init__(self, field: RepeatField, lang: Lang):
        super().__init__(field, lang)
        self.repeat = field
        self.widget = QWidget()
        outer = QVBoxLayout(self.widget)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        for sub in field.fields:
            header.addWidget(QLabel(f"<b>{sub.label.get(lang)}{' *' if sub.required else ''}</b>"), 1)
        header.addSpacing(90)
        outer.addLayout(header)
        self.rows_box = QVBoxLayout()
        outer.addLayout(self.rows_box)
        self.add_button = QPushButton("Add row" if lang == "en" else "Ajouter une ligne")
        self.add_button.clicked.connect(self._add_clicked)
        outer.addWidget(self.add_button)
        self.rows: list[tuple[QWidget, list[Editor]]] = []
        self._read_only = False

    def _add_clicked(self) -> None:
        editors = self.add_row()
        editors[0].widget.setFocus()

    def add_row(self) -> list[Editor]:
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        editors = [make_editor(sub, self.lang) for sub in self.repeat.fields]
        for editor in editors:
            editor.committed.connect(self.committed)
            row.addWidget(editor.widget, 1)
        remove = QPushButton("Remove" if self.lang == "en" else "Retirer")
        remove.setFixedWidth(80)
        remove.clicked.connect(lambda: self._remove(row_widget))
        row.addWidget(remove)
        self.rows_box.addWidget(row_widget)
        self.rows.append((row_widget, editors))
        QWidget.setTabOrder(editors[-1].widget, remove)
        return editors

    def _remove(self, row_widget: QWidget) -> None:
        self.rows = [(w, e) for w, e in self.rows if w is not row_widget]
        row_widget.deleteLater()
        self.committed.emit()

    def raw(self) -> list[dict[str, Any]] | None:
        return [{e.field.id: e.raw() for e in editors} for _, editors in self.rows] or None

    def set_raw(self, raw: Any) -> None:
        self._fill(raw, lambda editor, value: editor.set_raw(value))

    def value(self) -> list[dict[str, Any]] | None:
        rows = []
        for _, editors in self.rows:
            row = {e.field.id: e.value() for e in editors}
            rows.append({key: value for key, value in row.items() if value is not None})
        return rows or None

    def set_value(self, value: Any) -> None:
        self._fill(value, lambda editor, item: editor.set_value(item))

    def _fill(self, rows: Any, setter: Any) -> None:
        for widget, _ in self.rows:
            widget.deleteLater()
        self.rows = []
        for row in rows or []:
            for editor in self.add_row():
                setter(editor, row.get(editor.field.id))
        self.set_read_only(self._read_only)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        for widget, editors in self.rows:
            for editor in editors:
                editor.set_read_only(read_only)
            widget.layout().itemAt(widget.layout().count() - 1).widget().setEnabled(not read_only)


RefChoices = Callable[[str], list[tuple[str, str]] | None]


def make_editor(field: Field, lang: Lang, ref_choices: RefChoices | None = None) -> Editor:
    """`ref_choices(form_id)` lists the records a reference may pick, or None when the
    reference is set by the screen that opened the form (the patient, the order)."""
    match field:
        case LongTextField():
            return LongTextEditor(field, lang)
        case ChoiceField() | YesNoField():
            return ComboEditor(field, lang)
        case MultiChoiceField():
            return MultiEditor(field, lang)
        case RepeatField():
            return RepeatEditor(field, lang)
        case RecordRefField() if ref_choices is not None and (options := ref_choices(field.form)) is not None:
            return RecordChoiceEditor(field, lang, options)
        case PatientRefField() | RecordRefField():
            return ReferenceEditor(field, lang)
    return LineEditor(field, lang)

"""Above the round and a patient's chart: the stretches this laptop recorded no dose in while doses
fell due (see services.paper_gap), in red, so the doses given then on paper are entered before
anything is given again."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from downtime.domain.paper_gap import Silence
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import language, translate
from downtime.qt.style import ERROR_STYLE
from downtime.services.paper_gap import gap_said

CHECK_PAPER = QT_TR_NOOP("NOT RECORDED — check the paper")
"""A dose's state, on the round and the chart, in place of OVERDUE."""


class WholeLines(QLabel):
    """Words wrapped, which show the whole lines their height holds, the last ending "…" when
    more would not fit: in the least window the round gave the notice three lines for fifteen, and
    a wrapped label cut through the middle of its last ("2 prescriptions" over half a line); a
    form's prefilled-answers notice too (qt.form_view). Its size hints and its text stay the whole
    notice's, for the layout to give it all the room there is and a screen reader to read it all;
    its owner puts the whole in its tooltip. Plain text: its lines are laid out as words."""

    def shown_lines(self) -> list[str]:
        """The lines shown at its size."""
        spans, held = self._spans(), self._held()
        lines = [self.text()[start:start + length].strip() for start, length in spans[:held]]
        if len(spans) > held:
            rest = " ".join(self.text()[spans[held - 1][0]:].split())
            lines[-1] = self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, self.contentsRect().width())
        return lines

    def _spans(self) -> list[tuple[int, int]]:
        """Where each line of the words wrapped at its width starts, and its length."""
        layout = QTextLayout(self.text(), self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        spans = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(self.contentsRect().width())
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return spans

    def _held(self) -> int:
        """How many lines its height holds, one at the least."""
        return max(1, self.contentsRect().height() // self.fontMetrics().lineSpacing())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """Drawn by QLabel where every line fits, else line by line (`shown_lines`)."""
        if len(self._spans()) <= self._held():
            super().paintEvent(event)
            return
        room, spacing = self.contentsRect(), self.fontMetrics().lineSpacing()
        painter = QPainter(self)
        for number, line in enumerate(self.shown_lines()):
            self.style().drawItemText(painter, QRect(room.x(), room.y() + number * spacing, room.width(), spacing),
                                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.palette(),
                                      self.isEnabled(), line, self.foregroundRole())


class PaperNotice(QWidget):
    """The red words, with the button that enters the doses from the paper chart on one screen
    (see qt.paper_doses_dialog): `enter_doses` fires when it is pressed."""

    enter_doses = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.said = WholeLines()
        self.said.setWordWrap(True)
        self.said.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.said, 1)
        self.enter_button = QPushButton(translate("PaperNotice", "&Enter doses from the paper chart…"))
        self.enter_button.clicked.connect(self.enter_doses)
        layout.addWidget(self.enter_button)
        self.hide()

    def text(self) -> str:
        return self.said.text()

    def setText(self, text: str) -> None:  # noqa: N802 (a label's name, as the notice was one)
        self.said.setText(text)
        self.said.setToolTip(text)

    def show_gap(self, found: Iterable[Silence | None]) -> None:
        """Said while any dose shown (`found`: the silence of each) may be on paper."""
        said = gap_said(found)
        self.setText(" ".join(phrase.text(language()) for phrase in said))
        self.setVisible(bool(said))

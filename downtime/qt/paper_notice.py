"""Above the round and a patient's chart: the stretches this laptop recorded no dose in while doses
fell due (see services.paper_gap), in red, so the doses given then on paper are entered before
anything is given again."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from downtime.domain.paper_gap import Silence
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import language, translate
from downtime.qt.style import ERROR_STYLE
from downtime.services.paper_gap import gap_said

CHECK_PAPER = QT_TR_NOOP("NOT RECORDED — check the paper")
"""A dose's state, on the round and the chart, in place of OVERDUE."""


class PaperNotice(QWidget):
    """The red words, with the button that enters the doses from the paper chart on one screen
    (see qt.paper_doses_dialog): `enter_doses` fires when it is pressed."""

    enter_doses = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.said = QLabel()
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

    def show_gap(self, found: Iterable[Silence | None]) -> None:
        """Said while any dose shown (`found`: the silence of each) may be on paper."""
        said = gap_said(found)
        self.setText(" ".join(phrase.text(language()) for phrase in said))
        self.setVisible(bool(said))

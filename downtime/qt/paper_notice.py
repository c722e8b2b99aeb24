"""Above the round and a patient's chart: the stretch this laptop recorded no dose in while doses
fell due (see services.paper_gap), in red, so the doses given then on paper are entered before
anything is given again."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from downtime.domain.paper_gap import Silence
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import language
from downtime.qt.style import ERROR_STYLE
from downtime.services.paper_gap import gap_said

CHECK_PAPER = QT_TR_NOOP("NOT RECORDED — check the paper")
"""A dose's state, on the round and the chart, in place of OVERDUE."""


class PaperNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def show_gap(self, found: Iterable[Silence | None]) -> None:
        """Said while any dose shown (`found`: the silence of each) may be on paper."""
        silence = next((silence for silence in found if silence is not None), None)
        self.setText(gap_said(silence).text(language()) if silence is not None else "")
        self.setVisible(silence is not None)

"""The ward chooser a ward-wide list starts with (the patients, the round, the controlled
drugs, the NEWS2 escalation list)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from downtime.qt.i18n import translate
from downtime.services import settings, wards
from downtime.services.context import Session


class WardChoice(QComboBox):
    """The wards set up on this laptop, each item's data its ward; `everywhere` (e.g. "All
    wards") comes first, its data None. It opens on this laptop's ward (settings.laptop_ward);
    another chosen stays chosen until the window closes."""

    def __init__(self, session: Session, everywhere: str | None = None) -> None:
        super().__init__()
        self.session, self.everywhere = session, everywhere
        self.refill()
        self.choose(settings.laptop_ward(session.db))

    def choose(self, ward: str | None) -> None:
        """`ward`, or `everywhere` for None; a chooser without `everywhere` keeps its ward then."""
        found = self.findData(ward) if ward is not None else (0 if self.everywhere is not None else -1)
        if found >= 0:
            self.setCurrentIndex(found)

    def refill(self) -> None:
        """Read the wards again (an administrator added one), keeping the one chosen; the list
        is told once, by `currentIndexChanged`, only if the choice changed."""
        current = self.currentText()
        self.blockSignals(True)
        self.clear()
        if self.everywhere is not None:
            self.addItem(self.everywhere, None)
        for known in wards.wards(self.session.db):
            self.addItem(known.ward, known.ward)
        self.setCurrentIndex(max(self.findText(current), 0))
        self.blockSignals(False)
        if self.currentText() != current:
            self.currentIndexChanged.emit(self.currentIndex())


def ward_choice(session: Session, changed: Callable[[], None],
                everywhere: str | None = None) -> tuple[QHBoxLayout, WardChoice]:
    """A row with its label and the chooser, which calls `changed` when another ward is chosen."""
    row = QHBoxLayout()
    combo = WardChoice(session, everywhere)
    combo.currentIndexChanged.connect(changed)
    label = QLabel(translate("WardChoice", "W&ard:"))  # Alt+W is the Ward menu's
    label.setBuddy(combo)
    row.addWidget(label)
    row.addWidget(combo)
    return row, combo

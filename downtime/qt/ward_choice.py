"""The ward chooser a ward-wide list starts with (the round, the controlled drugs, the NEWS2
escalation list)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from downtime.qt.i18n import translate
from downtime.services import wards
from downtime.services.context import Session


def ward_choice(session: Session, changed: Callable[[], None],
                everywhere: str | None = None) -> tuple[QHBoxLayout, QComboBox]:
    """A row with the wards set up on this laptop, each item's data its ward; `everywhere`
    (e.g. "All wards") comes first, its data None."""
    row = QHBoxLayout()
    combo = QComboBox()
    if everywhere is not None:
        combo.addItem(everywhere, None)
    for known in wards.wards(session.db):
        combo.addItem(known.ward, known.ward)
    combo.currentIndexChanged.connect(changed)
    label = QLabel(translate("WardChoice", "W&ard:"))  # Alt+W is the Ward menu's
    label.setBuddy(combo)
    row.addWidget(label)
    row.addWidget(combo)
    return row, combo

"""A row of buttons that goes on to a second line when the window is too narrow for it.

A tab is as wide as its widest row: the MAR's four buttons, the theatre board's and the
back-entry's five made their tabs 1,040 to 1,200 pixels wide in French, and, a QTabWidget being
as wide as its widest page, the whole window wider than a ward laptop's screen once the tab was
opened. Left to right, then down, in the order added: Tab goes through them as read."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle


class FlowRow(QLayout):
    def __init__(self, spacing: int = -1, line_spacing: int | None = None) -> None:
        """`spacing`: between two items of a line (the style's, by default); `line_spacing`:
        between lines, the same as between items by default."""
        super().__init__()
        self.setContentsMargins(QMargins(0, 0, 0, 0))
        self.setSpacing(spacing)
        self.line_spacing = line_spacing
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._lay_out(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._lay_out(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """All on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """One per line: as narrow as the widest of them."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        if (spacing := self.spacing()) >= 0:
            return spacing
        parent = self.parentWidget()
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if parent is not None else 6

    def _lay_out(self, rect: QRect, *, place: bool) -> int:
        """Place the items line by line within `rect` (or only measure); returns the height used."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, line_height, gap = area.x(), area.y(), 0, self._spacing()
        between_lines = gap if self.line_spacing is None else self.line_spacing
        for item in self._shown():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + between_lines, 0
            if place:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


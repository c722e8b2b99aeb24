"""A scrolled page brings the field the keyboard goes to into view with its label: the field
alone, at the largest text, left the transfusion's "Started at" and "Taken from the blood
fridge at" as two date boxes alike, their labels out of sight."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QWidget

from downtime.qt.screen_fit import Scrolled

LABEL = "Taken from\nthe blood fridge\nat"
"""A label of three lines, above its box: taller than the margin kept round the box."""


def _page(qtbot, wrap: QFormLayout.RowWrapPolicy) -> tuple[Scrolled, list[QLineEdit], list[QLabel]]:
    body = QWidget()
    form = QFormLayout(body)
    form.setRowWrapPolicy(wrap)
    boxes = [QLineEdit() for _ in range(6)]
    labels = [QLabel(f"{LABEL} {number}") for number in range(6)]
    for label, box in zip(labels, boxes, strict=True):
        form.addRow(label, box)
    area = Scrolled(body)
    qtbot.addWidget(area)
    return area, boxes, labels


def _seen(widget: QWidget, area: Scrolled) -> bool:
    view = area.viewport()
    return view.rect().contains(QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()))


def _focused(qtbot, area: Scrolled, box: QLineEdit) -> None:
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)


def test_the_label_above_the_field_focused_is_brought_into_view_with_it(qtbot):
    area, boxes, labels = _page(qtbot, QFormLayout.RowWrapPolicy.WrapAllRows)
    row = labels[0].sizeHint().height() + boxes[0].sizeHint().height()
    area.resize(300, row + 20)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    for box, label in zip(boxes[1:], labels[1:], strict=True):
        _focused(qtbot, area, box)
        assert _seen(box, area) and _seen(label, area), label.text()
    _focused(qtbot, area, boxes[0])  # and back up
    assert _seen(boxes[0], area) and _seen(labels[0], area)


def test_a_field_taller_than_the_view_with_its_label_is_shown_alone(qtbot):
    """Where the view has no room for both, the field the keyboard is in comes first."""
    area, boxes, labels = _page(qtbot, QFormLayout.RowWrapPolicy.WrapAllRows)
    area.resize(300, boxes[0].sizeHint().height() + 10)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    _focused(qtbot, area, boxes[3])
    assert _seen(boxes[3], area) and not _seen(labels[3], area)

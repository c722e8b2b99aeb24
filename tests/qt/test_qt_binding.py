"""The Qt binding the app runs on must not corrupt the interpreter."""

import gc
import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_that_return_nothing_leave_none_alone(qtbot):
    """PySide6 6.12.0 on Python 3.11 took a reference to None away at each call of a Qt method
    that returns nothing (setText, show, processEvents...): after some thousands of them None is
    freed and the app crashes ("deallocating None", or a segmentation fault later). pyproject
    excludes that release; this catches a binding that does it again."""
    label = QLabel()
    qtbot.addWidget(label)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.setEnabled(True)
    gc.collect()
    assert sys.getrefcount(None) > before - 100

"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs on whichever thread allocates when its counts pass their
thresholds: a thread reading the audit chain may free a window or a dialog left in a reference
cycle, and Qt aborts when a widget is destroyed off the GUI thread (CI did, stop 17:
"Fatal Python error: Aborted" while the opening check ran); a collection in the middle of a
Python call on the GUI thread can free a Qt object that an event in flight still names (the
segmentation faults seen in the data-transfer tests). So automatic collection is off while the
app runs, and a timer on the GUI thread collects between events, by the same counts and
thresholds Python would use. The oldest generation is collected at most once in twenty times
the last full collection took: with as many objects held as a merge has records (1.4 million)
a full pass takes 0.7 s, and Python's own rule for deferring it cannot be read from outside."""

from __future__ import annotations

import gc
from time import monotonic

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
FULL_PASS_SPACING = 20


class GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._thresholds = gc.get_threshold()
        self._full_not_before = 0.0
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start()

    def collect(self) -> None:
        young, middle, old = gc.get_count()
        first, second, third = self._thresholds
        if old > third and monotonic() >= self._full_not_before:
            started = monotonic()
            gc.collect(2)
            self._full_not_before = monotonic() + FULL_PASS_SPACING * (monotonic() - started)
        elif middle > second:
            gc.collect(1)
        elif young > first:
            gc.collect(0)

    def stop(self) -> None:
        """Automatic collection again, once whatever is left over is collected here."""
        global _installed
        self._timer.stop()
        gc.collect()
        gc.enable()
        _installed = None
        self.deleteLater()


_installed: GuiThreadCollector | None = None


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Called on the GUI thread once its application exists; a second call keeps the first."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
    return _installed

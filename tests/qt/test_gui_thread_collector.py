"""Python's cycle collector runs on the GUI thread only (`downtime.qt.collector`): a collection
on a work thread that frees a Qt widget aborts the app."""

import gc
import threading
import weakref

from downtime.qt.collector import INTERVAL_MS
from downtime.qt.work import waited


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_garbage_made_on_a_work_thread_is_collected_on_the_gui_thread(qtbot):
    collected_on: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            collected_on.append(threading.get_ident())

    def make_garbage() -> weakref.ref:
        for _ in range(50_000):  # well past every generation's threshold
            _Cycle()
        return weakref.ref(_Cycle())

    gc.callbacks.append(note)
    try:
        last = waited(make_garbage, "Making garbage")
        qtbot.wait(3 * INTERVAL_MS)
    finally:
        gc.callbacks.remove(note)
    assert collected_on and set(collected_on) == {threading.get_ident()}
    assert last() is None

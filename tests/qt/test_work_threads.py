"""Work on a thread of its own never touches the window's database connection: SQLite's
connection must not be used by two threads at once, and a list is now read after every save."""

import threading

from downtime.qt.work import ListReader, Work


def _watched(session, monkeypatch) -> list[bool]:
    """For each statement on the window's connection, whether it ran on the GUI thread."""
    on_gui_thread: list[bool] = []
    real = type(session.db).execute

    def execute(db, *args, **kwargs):
        if db is session.db:
            on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(db, *args, **kwargs)

    monkeypatch.setattr(type(session.db), "execute", execute)
    return on_gui_thread


def test_work_opens_its_own_connection_without_using_the_windows_from_its_thread(qtbot, session_for, monkeypatch):
    """The file's path was asked of the window's connection from the work's thread, while the
    window saved: the connection's statement cache broke (a KeyError in a save), once a crash."""
    session = session_for("nurse")
    on_gui_thread = _watched(session, monkeypatch)
    work = Work(session, lambda own, _: own.db.execute("SELECT count(*) FROM staff").fetchone()[0])
    with qtbot.waitSignal(work.succeeded, timeout=30_000) as done:
        work.begin()
    assert done.args[0] > 0
    assert on_gui_thread and all(on_gui_thread)


def test_a_list_asked_again_while_read_shows_only_the_last_read(qtbot, session_for):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    reader, shown, release = ListReader(owner), [], threading.Event()
    reader.found.connect(shown.append)
    session = session_for("nurse")
    reader.read(session, lambda own, _: release.wait(10) and "first")
    reader.read(session, lambda own, _: "second")
    reader.read(session, lambda own, _: "third")
    release.set()
    qtbot.waitUntil(lambda: not reader.busy, timeout=30_000)
    assert shown == ["third"]
    reader.read(session, lambda own, _: release.wait(10) and "read while a search was typed")
    reader.drop()
    qtbot.waitUntil(lambda: not reader.busy, timeout=30_000)
    assert shown == ["third"]

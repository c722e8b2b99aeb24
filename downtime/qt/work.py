"""Long work (an import, an export, reading a hospital's back-entry list) on a thread of its
own: the window keeps painting and the progress bar moves, instead of the whole app freezing
for the minute a hospital's import takes.

The work gets its own connection to the database (`Session.own_connection`); the window's
connection keeps serving its reads meanwhile. What the work ends with comes back to the GUI
thread as a signal: its result, or the `UserError` to show (a disk that refuses a write is one).
An error we caused is raised again on the GUI thread, so it is reported as loudly as any other.

A running thread is kept here, not by the window that started it: a window closed meanwhile
(a sign-out, the idle lock, a change of language) must not destroy a thread that still runs,
which would abort the app. Quitting waits for it, so an import's transaction ends first, and
so does the end of a program that never quits an event loop (a script, the test run)."""

from __future__ import annotations

import atexit
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QWidget

from downtime.domain import elapsed
from downtime.errors import UserError, refused
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.services.context import Session
from downtime.sync.outcome import Progress

Job = Callable[[Session, Progress], Any]
T = TypeVar("T")


class Work(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    refused = Signal(object)
    _crashed = Signal(object)
    running: ClassVar[set[Work]] = set()

    def __init__(self, session: Session, job: Job, *, only_reads: bool = False) -> None:
        """`only_reads`: a list read for the screen, which an automatic backup need not wait for."""
        super().__init__()
        self.opened, self.job, self.only_reads = session.own_connection(), job, only_reads
        self._crashed.connect(self._raise)
        self.finished.connect(self._forget)

    def begin(self) -> Work:
        Work.running.add(self)
        if (app := QCoreApplication.instance()) is not None:
            app.aboutToQuit.connect(self.wait)
        self.start()
        return self

    @classmethod
    def holding_the_database(cls) -> bool:
        """Whether work that writes or copies the database runs (an import, an export, a backup)."""
        return any(not work.only_reads for work in cls.running)

    def run(self) -> None:
        try:
            own = self.opened()
        except UserError as problem:
            self.refused.emit(problem)
            return
        try:
            self.succeeded.emit(self.job(own, self.progressed.emit))
        except Exception as crash:  # noqa: BLE001 (handed to the GUI thread, raised there)
            refusal = refused(crash)  # the person's to act on: a refused line, a full disk
            if refusal is None:
                self._crashed.emit(crash)
            else:
                self.refused.emit(refusal)
        finally:
            own.db.close()

    def _forget(self) -> None:
        Work.running.discard(self)
        self.deleteLater()

    @staticmethod
    def _raise(crash: Exception) -> None:
        raise crash


class ListReader(QObject):
    """A list whose size grows with the hospital (every ward's patients, the NEWS2 escalations,
    the back-entry worklist), read on a thread of its own, one read at a time. Asked again
    while reading (a save, another ward chosen), it reads once more when that read ends, and
    only what the last one found is shown: never a ward's list arriving after another's.

    `slow` fires when the list asked for is still unanswered SLOW_MS after it was asked, so a
    list says "Reading…" only when it takes long enough to be seen: a ward's list, read after
    each save, would flicker. Never once the list is shown: the read's thread still ends after
    its answer (closing its connection), and a slow timer left to fire then said "Reading…" above
    the rows just read, until the next read.

    A read that is refused (a disk that fails) or fails with an error of ours (raised on the
    GUI thread, so reported) ends with `refused`: the list then shows its reason and no rows,
    never the rows of an earlier read under the ward chosen since, nor "Reading…" for ever."""

    found = Signal(object)
    refused = Signal(object)
    slow = Signal()
    ended = Signal()  # nothing left to read: the list shows the last read asked for
    SLOW_MS = 300

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.reading: Work | None = None
        self.waiting: tuple[Session, Job] | None = None
        self.dropped = False
        self.answered = False
        self.unanswered = QTimer(self, singleShot=True, interval=self.SLOW_MS)
        self.unanswered.timeout.connect(self.slow)

    def read(self, session: Session, job: Job) -> None:
        # Asked again after a drop (a search cleared while the list was read), the list is
        # wanted again: "Reading…" is said if it takes long, not the search's count left above it.
        self.dropped = False
        if not self.unanswered.isActive():  # a read asked while another is waited for: waited for since then
            self.unanswered.start()
        if self.reading is not None:
            self.waiting = (session, job)
            return
        self.reading, self.answered = Work(session, job, only_reads=True), False
        self.reading.succeeded.connect(self._found)
        self.reading.refused.connect(self._refused)
        self.reading.finished.connect(self._ended)
        self.reading.begin()

    def drop(self) -> None:
        """What is being read will not be shown, and nothing more is read (the list now shows
        something else, such as a search typed meanwhile)."""
        self.waiting, self.dropped = None, True
        self.unanswered.stop()

    @property
    def busy(self) -> bool:
        return self.reading is not None

    def _found(self, found: Any) -> None:
        self.answered = True
        if self.waiting is None and not self.dropped:
            self.unanswered.stop()
            self.found.emit(found)

    def _refused(self, problem: UserError) -> None:
        self.answered = True
        if self.waiting is None and not self.dropped:
            self.unanswered.stop()
            self.refused.emit(problem)

    def _ended(self) -> None:
        self.reading = None
        if self.waiting is not None:
            session, job = self.waiting
            self.waiting = None
            self.read(session, job)
            return
        self.unanswered.stop()
        if not self.answered and not self.dropped:
            self.refused.emit(UserError(QT_TRANSLATE_NOOP("messages", "The list could not be read: an error in the "
                                                          "program, reported. Try again; if it happens again, tell IT.")))
        self.ended.emit()


@atexit.register
def _wait_for_all() -> None:
    for work in list(Work.running):
        work.wait()


class _Waited(QThread):
    """`waited`'s thread: runs the call and keeps its result or its error for the GUI thread."""

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self.call = call
        self.found: list[Any] = []
        self.crashed: list[BaseException] = []

    def run(self) -> None:
        try:
            self.found.append(self.call())
        except BaseException as crash:  # noqa: BLE001 (raised again on the GUI thread)
            self.crashed.append(crash)


def waited(call: Callable[[], T], text: str) -> T:
    """`call` on a thread of its own, for work the person must wait for (the check before a
    database is used, the last backup at exit, a print), returning its result or raising its
    error here. Meanwhile the event loop keeps the screen painted and, past 0.4 s, a busy
    dialog says what is happening: on a records office's 2 GB database the check takes over a
    minute and the backup 22 s, which a frozen window would leave unexplained. What the person
    clicks or types waits until the call is done: a second print, a save or a sign-out would
    otherwise run inside it."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QProgressDialog

    busy = QProgressDialog(text, "", 0, 0)
    busy.setCancelButton(None)
    busy.setWindowModality(Qt.WindowModality.ApplicationModal)
    later = QTimer(singleShot=True, interval=400)
    later.timeout.connect(busy.show)
    thread, loop = _Waited(call), QEventLoop()
    thread.finished.connect(loop.quit)
    later.start()
    thread.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    thread.wait()
    later.stop()
    busy.close()
    if thread.crashed:
        raise thread.crashed[0]
    result: T = thread.found[0]
    return result


def on_own_connection(opened: Callable[[], Session], call: Callable[[Session], T]) -> T:
    """`call` with the session `opened` gives (`Session.own_connection`), its connection closed
    after: what `waited` runs on its thread, never on the window's connection."""
    own = opened()
    try:
        return call(own)
    finally:
        own.db.close()


def waited_backup(session: Session, reason: str, text: str) -> Path:
    """A backup made on a connection of its own behind the busy dialog saying `text` (see
    `waited`): the one of Back up now, and the last at closing."""
    from downtime.services import backups

    copy = backups.begin_backup(session, reason)
    opened = session.own_connection()
    return waited(lambda: on_own_connection(opened, lambda own: copy(own.db)), text)


class ReadAgain(QObject):
    """A list whose lines change with time as well as with saves (a dose falling overdue, a set
    falling due): read again `after` a while if on screen, else as soon as it is shown. Read only
    after saves, a list left open on a quiet night said what was true hours before."""

    def __init__(self, owner: QWidget, refresh: Callable[[], None]):
        super().__init__(owner)
        self.owner, self.refresh = owner, refresh
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # To the second: a coarse timer of three hours may fire minutes either side of the time a set falls due.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._due)
        self.unread = False
        owner.installEventFilter(self)

    def after(self, milliseconds: int) -> None:
        self.timer.start(milliseconds)

    def when_due(self, due: datetime | None, now: datetime) -> None:
        """Read again when `due` comes (None: nothing falls due), at least a minute apart, and a
        second late rather than early: a set not due yet when read is read again as it was. The
        wait is real time (see `elapsed`): counted on the ward's clock the night the clocks go
        forward, the list was read again an hour after a set fell due."""
        if due is None:
            self.stop()
        else:
            self.after(max(60_000, int(elapsed.between(now, due).total_seconds() * 1000) + 1000))

    def stop(self) -> None:
        self.timer.stop()

    def _due(self) -> None:
        if self.owner.isVisible():
            self.refresh()
        else:
            self.unread = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.owner and event.type() == QEvent.Type.Show and self.unread:
            self.unread = False
            self.refresh()
        return False

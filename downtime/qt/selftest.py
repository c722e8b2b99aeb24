"""`downtime selftest`: the app started as `downtime demo --launch` starts it
(`downtime.qt.app.run`), on an encrypted demo ward in a throw-away folder, with a timer playing
the person at the keyboard: it signs in on the sign-in window once the app has loaded behind it,
checks the main window, prints a form and shows it in the print preview, exports for
back-entry, then closes the window, which makes the exit backup.

It is how a frozen copy for a ward laptop is checked (CI runs it on every build, offscreen), so
each check looks at the real result: a bundle missing a Qt plugin, Qt PDF or print support
fails here, and the checks of `downtime.services.selftest` cover the rest."""

from __future__ import annotations

import ctypes
import importlib
import pkgutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QObject, QSize, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import downtime
from downtime.services import installation
from downtime.services import selftest as checks
from downtime.services.selftest import Report, SelfTestFailed

if TYPE_CHECKING:  # loaded by `check_modules`, which names whatever the bundle lacks
    from downtime.qt.main_window import MainWindow

POLL_MS = 50
TIMEOUT_SECONDS = 180

# What a ward laptop of each system needs beside the offscreen platform this test may run on:
# its own windowing platform, and on Linux CUPS' print support (the ward printer).
REQUIRED_PLUGINS: dict[str, dict[str, tuple[str, ...]]] = {
    "linux": {"platforms": ("offscreen", "xcb"), "printsupport": ("cupsprintersupport",)},
    "win32": {"platforms": ("offscreen", "windows")},
    "darwin": {"platforms": ("offscreen", "cocoa")},
}


def _plugin_name(path: Path) -> str:
    """libqxcb.so, qwindows.dll and libqcocoa.dylib are the plugins xcb, windows and cocoa."""
    name = path.name.split(".")[0].removeprefix("lib")
    return name.removeprefix("q") if path.parent.name == "platforms" else name


def check_qt(app: QApplication, report: Report) -> None:
    """The platform the test runs on is proved by running; the laptop's own (xcb, windows) and
    CUPS' print support are loaded as libraries, which fails when a library they need is
    neither in the bundle nor on this machine."""
    with checks.step("Qt plugins"):
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        found: dict[str, list[str]] = {}
        for kind, names in REQUIRED_PLUGINS.get(sys.platform, {}).items():
            files = {_plugin_name(path): path for path in (plugins / kind).glob("*")}
            missing = sorted(set(names) - set(files))
            if missing:
                raise SelfTestFailed("Qt plugins", f"{', '.join(missing)} missing from {plugins / kind}")
            for name in names:
                try:
                    ctypes.CDLL(str(files[name]))
                except OSError as problem:
                    raise SelfTestFailed("Qt plugins", f"{name} cannot load: {problem}") from problem
            found[kind] = sorted(names)
    listed = "; ".join(f"{kind}: {', '.join(names)}" for kind, names in found.items())
    report(f"ok Qt {qVersion()}: running on the '{app.platformName()}' platform; plugins found and loaded "
           f"({listed}) from {plugins}")


def check_modules(report: Report) -> None:
    """Every module of the app, and so every library they import when loaded (SQLCipher,
    pyrage, reportlab, pypdf, Qt PDF...), before anything runs: a missing one is named here
    rather than breaking the app half-way. Libraries loaded only on use are the later steps'."""
    names = [module.name for module in pkgutil.walk_packages(downtime.__path__, "downtime.")
             if not module.name.endswith("__main__")]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as problem:
            raise SelfTestFailed("modules", f"{name}: {type(problem).__name__}: {problem}") from problem
    report(f"ok modules: the app's {len(names)} modules and the libraries they need load")


class _Driver(QObject):
    """Looks at the screen every POLL_MS and does what a nurse would do next. A failure is
    kept and whatever is open is closed; `selftest` reports it once `run` returns."""

    def __init__(self, app: QApplication, folder: Path, report: Report):
        super().__init__()
        self.app, self.folder, self.report = app, folder, report
        self.stage = "sign-in window"
        self.failure: SelfTestFailed | None = None
        self.window: MainWindow | None = None
        self.finished = False
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.look)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(TIMEOUT_SECONDS * 1000)
        self.deadline.timeout.connect(
            lambda: self.fail(SelfTestFailed(self.stage, f"nothing happened for {TIMEOUT_SECONDS} s")))
        self.poll.start()
        self.deadline.start()

    def stop(self) -> None:
        self.poll.stop()
        self.deadline.stop()

    def fail(self, problem: SelfTestFailed) -> None:
        if self.failure is None:
            self.failure = problem
        self.poll.start()
        self.leave()

    def leave(self) -> None:
        """Close whatever is open, as a person giving up would, so `run` returns: Qt quits once
        its last window has closed. (Asking Qt to exit as well would leave that quit pending for
        the next event loop of the process.)"""
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            modal.reject()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()

    def close_window(self) -> None:
        """Gone for good, not only closed: its banner's clock would otherwise go on reading the
        database closed here, for as long as the process lives."""
        assert self.window is not None
        db = self.window.session.db
        self.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.window = None
        db.conn.close()

    def look(self) -> None:
        if self.failure is not None:
            self.leave()
            return
        try:
            if self.stage == "sign-in window":
                self.sign_in()
            elif self.stage == "main window":
                self.use_main_window()
        except SelfTestFailed as problem:
            self.fail(problem)
        except Exception as problem:
            self.fail(checks.failure(self.stage, problem))

    def sign_in(self) -> None:
        from downtime.qt.sign_in import SignInDialog
        from downtime.services.demo import DEMO_ACCOUNTS

        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            raise SelfTestFailed("sign-in window", f"the app asked '{modal.windowTitle()}': {modal.text()}")
        if not isinstance(modal, SignInDialog) or not modal.demo_hint.isVisible():
            return  # not on screen yet, or the app is still loading behind it
        staff_id, _, _, pin = DEMO_ACCOUNTS[1]
        self.report("ok sign-in window: on screen; the app loaded behind it and recognised the demo ward")
        modal.staff_id.setText(staff_id)
        modal.pin.setText(pin)
        self.stage = "main window"
        modal.try_sign_in()
        if modal.member is None:
            raise SelfTestFailed("sign-in window",
                                 f"{staff_id} could not sign in: {modal.error.text() or modal.unreadable}")

    def use_main_window(self) -> None:
        from downtime.qt.main_window import MainWindow

        window = next((widget for widget in QApplication.topLevelWidgets()
                       if isinstance(widget, MainWindow) and widget.isVisible()), None)
        if window is None or window.patients.reader.busy:
            return  # not on screen yet, or its patient list still read on a thread of its own
        self.poll.stop()
        self.window = window
        session = window.session
        patients = [row.patient for row in window.patients.model.rows if row.patient is not None]
        if "DEMO DATA" not in window.banner.device.text() or not patients:
            raise SelfTestFailed("main window", "the demo ward's banner or patients are missing")
        self.report(f"ok main window: {session.user.name} signed in (their PIN unlocked the database), "
                    f"{len(patients)} patients listed, banner says DEMO DATA")
        self.stage = "French"
        check_french(self.report)
        self.stage = "PDF"
        form = checks.check_pdfs(session, patients[0], self.folder, self.report)
        self.stage = "print preview"
        self.print_preview(window, form)
        self.stage = "export"
        checks.check_export(session, self.folder, self.report)
        self.stage = "closing the app"
        self.finished = window.close()  # the last window closed, the app quits by itself

    def print_preview(self, window: MainWindow, form: Path) -> None:
        """The PDF shown with Qt PDF as a nurse sees it, page 1 rendered with ink on it, then
        printed through Qt's print support to a PDF printer (no ward printer is needed)."""
        from pypdf import PdfReader
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrinter

        from downtime.qt.print_preview import PrintPreview

        preview = PrintPreview(form, window)
        preview.show()
        document = preview.document
        pages = document.pageCount()
        if document.status() != QPdfDocument.Status.Ready or pages < 1:
            raise SelfTestFailed("print preview", f"Qt PDF could not open {form} ({document.status().name})")
        image = document.render(0, QSize(300, 424))
        inked = sum(image.pixelColor(x, y).lightness() < 128 for x in range(0, 300, 3) for y in range(0, 424, 3))
        if not inked:
            raise SelfTestFailed("print preview", "page 1 rendered blank")
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # a ward printer's 1200 dpi takes seconds
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.folder / "printed.pdf"))
        preview.print_to(printer)
        printed = len(PdfReader(self.folder / "printed.pdf").pages)
        if printed != pages:
            raise SelfTestFailed("print preview", f"{pages} pages shown but {printed} printed")
        preview.close()
        self.report(f"ok print preview: Qt PDF showed the {pages} pages (page 1 rendered), and Qt print support "
                    f"printed them ({printed} pages to a PDF printer)")


def check_french(report: Report) -> None:
    """Our catalogue and Qt's own load (a missing .qm would leave a French ward in English),
    then English again for the checks that follow; the laptop's saved choice is not touched."""
    from downtime.qt.i18n import set_language, translate

    qt_own = ("QPlatformTheme", "Cancel")  # a variable, so lupdate does not copy Qt's string into ours
    set_language("fr")
    try:
        ours, qts = translate("MainWindow", "&Ward"), translate(*qt_own)
    finally:
        set_language("en")
    if (ours, qts) != ("&Service", "Annuler"):
        raise SelfTestFailed("French", f"the translations did not load ('&Ward' read {ours!r}, 'Cancel' {qts!r})")
    report("ok French: the interface's catalogue (downtime_fr.qm) and Qt's own (qtbase_fr.qm) load")


def selftest(report: Report) -> None:
    """Raises SelfTestFailed naming the first thing that does not work; touches nothing outside
    its temporary folder (the laptop's own databases, backups and prints stay as they are)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="downtime-selftest-", ignore_cleanup_errors=True) as name, \
            installation.kept_in(Path(name)):
        folder = Path(name)
        check_qt(app, report)
        check_modules(report)
        forms = checks.check_forms(report)
        checks.check_bank_holidays(date.today(), report)
        path = checks.make_demo_ward(folder, forms, report)
        from downtime.qt import app as app_module  # once `check_modules` has seen it load

        driver = _Driver(app, folder, report)
        try:
            code = app_module.run(path, lang="en")  # whatever this laptop chose, the checks read English
        finally:
            driver.stop()
            if driver.window is not None:
                driver.close_window()
        if driver.failure is not None:
            raise driver.failure
        if code != 0 or not driver.finished:
            raise SelfTestFailed(driver.stage, f"the app exited (status {code}) before the test was done")
        checks.check_backup(folder, report)

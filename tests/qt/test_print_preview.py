"""Every PDF opens in the in-app preview, and Print sends its pages, each turned the way its
page is (checked by printing to a PDF file instead of a printer)."""

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from downtime.qt.print_preview import PrintPreview
from downtime.services import printing


def _printed(preview, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    return PdfReader(tmp_path / "printed.pdf")


def test_the_preview_shows_the_generated_pdf_and_prints_every_page(qtbot, session_for, tmp_path):
    path = printing.print_blank(session_for("nurse"), "admission", tmp_path / "blank.pdf")
    preview = PrintPreview(path)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.document.status() is QPdfDocument.Status.Ready
    pages = len(PdfReader(path).pages)
    assert preview.document.pageCount() == pages and f"{pages} page(s)" in preview.summary.text()
    printed = _printed(preview, tmp_path)
    assert len(printed.pages) == pages
    assert all(page.mediabox.height > page.mediabox.width for page in printed.pages)


def test_a_landscape_chart_prints_landscape(forms, qtbot, session_for, tmp_path):
    path = printing.blank_mar(forms, tmp_path / "mar.pdf", lang="en", printed_by="Nurse",
                              printed_at=session_for("nurse").clock(),
                              device_name="Ward 3B laptop")
    preview = PrintPreview(path)
    qtbot.addWidget(preview)
    printed = _printed(preview, tmp_path)
    assert len(printed.pages) == preview.document.pageCount() >= 1
    assert all(page.mediabox.width > page.mediabox.height for page in printed.pages)


def test_a_print_is_made_off_the_gui_thread_with_the_busy_cursor_which_goes_when_it_fails(qtbot, answers,
                                                                                         session_for):
    """The records office's census of every ward is a hundred pages: it froze the window."""
    import threading

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from downtime.qt.tables import print_and_open
    from downtime.services.errors import ServiceError

    session, seen, looked = session_for("nurse"), [], threading.Event()

    def look() -> None:
        seen.append(QGuiApplication.overrideCursor().shape())
        looked.set()

    def refused(own, out):
        looked.wait(10)
        seen.append((threading.current_thread() is threading.main_thread(), own.db is session.db))
        raise ServiceError("No patient on this ward.")

    parent = QWidget()
    qtbot.addWidget(parent)
    QTimer.singleShot(0, look)
    assert print_and_open(parent, session, refused, "census") is None
    assert seen == [Qt.CursorShape.WaitCursor, (False, False)] and QGuiApplication.overrideCursor() is None
    assert answers[1] == [("error", "No patient on this ward.")]


def test_a_print_the_disk_refuses_says_which_file_without_an_error_number(qtbot, answers, session_for):
    from PySide6.QtWidgets import QWidget

    from downtime.qt.tables import print_and_open

    def full_disk(own, out):
        raise OSError(28, "No space left on device", str(out))

    parent = QWidget()
    qtbot.addWidget(parent)
    assert print_and_open(parent, session_for("nurse"), full_disk, "census") is None
    ((kind, text),) = answers[1]
    assert kind == "error" and text.endswith("census.pdf: No space left on device") and "Errno" not in text



def test_what_the_person_clicks_during_a_print_waits_until_the_print_is_made(qtbot, answers, session_for,
                                                                          monkeypatch):
    """The window paints while a print is made, but a click (a second print, a save, Sign out)
    must not run in the middle of it: the wait's event loop leaves input from the window system
    for later. Offscreen, the tests cannot send such input (QTest delivers its events at once);
    under Xvfb, an XTest click 0.1 s into a 1 s print ran inside it before, and after it now."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QWidget

    from downtime.qt.tables import print_and_open
    from downtime.services.printing import print_blank

    real, loops = QEventLoop.exec, []
    monkeypatch.setattr(QEventLoop, "exec", lambda loop, *flags: (loops.append(flags), real(loop, *flags))[1])
    parent = QWidget()
    qtbot.addWidget(parent)
    assert print_and_open(parent, session_for("nurse"), lambda own, out: print_blank(own, "admission", out), "blank")
    assert loops == [(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents,)]


def test_the_preview_fits_the_screen_with_its_buttons_on_it(qtbot, session_for, tmp_path):
    """A fixed 1000 pixels high, the preview put Print…, Open and Close below the bottom edge of a
    1280×800 or 1400×900 laptop screen."""
    path = printing.print_blank(session_for("nurse"), "admission", tmp_path / "blank.pdf")
    preview = PrintPreview(path)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    room = preview.screen().availableGeometry()
    assert room.height() < 1000, "the test screen is smaller than the preview used to be"
    bottom = preview.print_button.mapToGlobal(preview.print_button.rect().bottomLeft())
    assert room.contains(bottom) and preview.frameGeometry().height() <= room.height()


def test_the_print_button_shows_its_whole_text_while_it_has_the_focus_in_french(qtbot, session_for, tmp_path):
    """The preview opens with the focus on Print, and the focus ring's padding took more room
    than the button had: the French read "mprimer." (every focused button lost as much)."""
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

    from downtime.qt.i18n import set_language
    from downtime.qt.style import apply_style

    app = QApplication.instance()
    before = app.font(), app.palette(), app.styleSheet()
    set_language("fr")
    apply_style(app)
    try:
        path = printing.print_blank(session_for("nurse", "fr"), "admission", tmp_path / "blank.pdf")
        preview = PrintPreview(path)
        qtbot.addWidget(preview)
        preview.show()
        qtbot.waitExposed(preview)
        button = preview.print_button
        qtbot.waitUntil(button.hasFocus)
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        text = button.text().replace("&", "")
        assert text == "Imprimer…"
        assert room.width() >= button.fontMetrics().horizontalAdvance(text), (room.width(), button.width())
    finally:
        set_language("en")
        app.setFont(before[0])
        app.setPalette(before[1])
        app.setStyleSheet(before[2])


def test_the_preview_is_titled_by_what_it_prints_not_by_its_temporary_file(qtbot, session_for, tmp_path,
                                                                             admission_values):
    """It read "news2.pdf: 2 page(s) — /tmp/tmphhnt_4_7": the prints folder, a temporary path."""
    from downtime.services import records

    nurse = session_for("nurse")
    saved = records.save_new(nurse, "admission", admission_values)
    patient = next(row.patient for row in printing.census(nurse.db, nurse.forms)
                   if row.patient and row.patient.patient_id == saved.patient_id)
    made = {"NEWS2 observation chart": printing.print_news2_chart(nurse, patient.patient_id, tmp_path / "tmpa1.pdf"),
            "Downtime binder": printing.print_binder(nurse, tmp_path / "tmpb2.pdf"),
            f"ID labels — {patient.downtime_number}": printing.print_labels(nurse, patient.patient_id,
                                                                            tmp_path / "tmpc3.pdf", count=1)}
    last = PdfReader(made["Downtime binder"]).pages[-1].extract_text()
    assert "Printed by Hélène Lefèvre on " in last, "the binder names the person signed in, as `pdf binder --user` does"
    for title, path in made.items():
        preview = PrintPreview(path)
        qtbot.addWidget(preview)
        assert preview.windowTitle() == f"Print preview — {title}"
        assert preview.summary.text() == f"{title}: {preview.document.pageCount()} page(s)"
        assert str(tmp_path) not in preview.summary.text() + preview.windowTitle()
    french = printing.print_binder(session_for("nurse", "fr"), tmp_path / "tmpd4.pdf")
    preview = PrintPreview(french)
    qtbot.addWidget(preview)
    assert preview.title == "Classeur de procédure dégradée"

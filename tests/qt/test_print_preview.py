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


def test_a_landscape_chart_prints_landscape(qtbot, session_for, tmp_path):
    path = printing.blank_mar(tmp_path / "mar.pdf", lang="en", printed_by="Nurse", printed_at=session_for("nurse").clock(),
                              device_name="Ward 3B laptop")
    preview = PrintPreview(path)
    qtbot.addWidget(preview)
    printed = _printed(preview, tmp_path)
    assert len(printed.pages) == preview.document.pageCount() >= 1
    assert all(page.mediabox.width > page.mediabox.height for page in printed.pages)


def test_the_busy_cursor_shows_while_a_print_is_made_and_goes_when_it_fails(qtbot, answers):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from downtime.qt.tables import print_and_open
    from downtime.services.errors import ServiceError

    seen = []

    def refused(out):
        seen.append(QGuiApplication.overrideCursor().shape())
        raise ServiceError("No patient on this ward.")

    parent = QWidget()
    qtbot.addWidget(parent)
    assert print_and_open(parent, refused, "census") is None
    assert seen == [Qt.CursorShape.WaitCursor] and QGuiApplication.overrideCursor() is None
    assert answers[1] == [("error", "No patient on this ward.")]


def test_a_print_the_disk_refuses_says_which_file_without_an_error_number(qtbot, answers):
    from PySide6.QtWidgets import QWidget

    from downtime.qt.tables import print_and_open

    def full_disk(out):
        raise OSError(28, "No space left on device", str(out))

    parent = QWidget()
    qtbot.addWidget(parent)
    assert print_and_open(parent, full_disk, "census") is None
    ((kind, text),) = answers[1]
    assert kind == "error" and text.endswith("census.pdf: No space left on device") and "Errno" not in text

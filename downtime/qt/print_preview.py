"""Every PDF the app makes, shown in the app before it is printed: a nurse checks the patient
and the page count, then prints to the ward printer, without a PDF reader installed on the
laptop (which, in an outage, nobody can install)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from downtime.qt.prompts import Prompts
from downtime.qt.i18n import translate
from downtime.qt.screen_fit import fit_dialog




class PrintPreview(QDialog):
    """The pages as they will print; Print (Ctrl+P) asks which printer. Open hands the file to
    the laptop's own viewer when there is one, for a print that names no patient (`outside`):
    the idle lock and the next person's sign-in hide the app's windows, never another program's,
    which kept a census or a MAR chart on screen over the lock, in the viewer's recent files
    and thumbnails, and (on Windows) held the file past the sign-out's clean-up.

    The pages are read into memory as the preview opens: the lock deletes the prints folder
    (`tables.clear_prints`), and the preview still shows and prints them when its person is back."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, outside: bool = False):
        super().__init__(parent)
        self.path = path
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf = path.read_bytes()
        self.document = QPdfDocument(self)
        self._pages = QBuffer(self)
        self._pages.setData(QByteArray(self.pdf))
        self._pages.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._pages)
        # Named by what it prints, as the service that made it titled it in the person's language
        # ("NEWS2 observation chart"): it read "news2.pdf … — /tmp/tmphhnt_4_7", the prints folder.
        self.title = str(self.document.metaData(QPdfDocument.MetaDataField.Title) or "") or path.stem
        self.setWindowTitle(translate("PrintPreview", "Print preview — {title}").format(title=self.title))
        self.view = QPdfView(self)
        self.view.setAccessibleName(translate("PrintPreview", "Preview of {title}").format(title=self.title))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        self.summary = QLabel(translate("PrintPreview", "{title}: {pages} page(s)").format(
            title=self.title, pages=self.document.pageCount()))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(translate("PrintPreview", "&Print…"))
        self.print_button.clicked.connect(self.choose_printer)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        buttons.addWidget(self.print_button)
        self.open_button: QPushButton | None = None
        if outside:
            self.open_button = QPushButton(translate("PrintPreview", "&Open in PDF viewer"))
            self.open_button.clicked.connect(self.open_outside)
            buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, self.choose_printer)
        # A page at a readable size, within the screen: a fixed 1000 pixels put the buttons below
        # the bottom edge of a 1280×800 laptop screen.
        fit_dialog(self, QSize(900, 1000))
        self.print_button.setFocus()

    def open_outside(self) -> None:
        """The file written again first if the lock deleted it meanwhile."""
        if not self.path.exists():
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with os.fdopen(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
                out.write(self.pdf)
        Prompts.open_file(self.path)

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page drawn at the printer's resolution, turned to match its page (a MAR chart
        is landscape, a form portrait)."""
        painter = QPainter()
        for page in range(self.document.pageCount()):
            points = self.document.pagePointSize(page)
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if points.width() > points.height()
                                       else QPageLayout.Orientation.Portrait)
            if page == 0:
                painter.begin(printer)
            else:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            painter.drawImage(QRect(0, 0, size.width(), size.height()), self.document.render(page, size))
        if painter.isActive():
            painter.end()

"""Moving data in and out of a laptop from the app: the import wizard (a snapshot before the
outage, or laptops' exports into the records office) and the export for back-entry. Both show
progress and end with a plain statement of what happened, or of what was refused and why —
a refused import has written nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication, QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from downtime.errors import UserError
from downtime.qt.prompts import Prompts
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.qt.i18n import say, translate
from downtime.qt.style import ERROR_STYLE
from downtime.services.context import Session
from downtime.sync.export import export
from downtime.sync.importing import import_path

KINDS = {"export": QT_TRANSLATE_NOOP("ImportWizard", "exports or a merge of exports"),
         "snapshot": QT_TRANSLATE_NOOP("ImportWizard", "a snapshot")}


def describe_source(path: Path) -> str:
    """What the wizard will do with a path, in words, before anything is written."""
    if path.is_dir() and (path / "manifest.json").exists():
        return translate("ImportWizard", "A laptop's export or a merge: its records will be added to this database.")
    if path.is_dir() and any((path / name).exists() for name in ("patients.csv", "theatre_sessions.csv")):
        return translate("ImportWizard", "A CSV snapshot: patients, beds, allergies, orders and theatre bookings will be loaded.")
    if path.is_file() and path.suffix.lower() == ".json":
        return translate("ImportWizard", "A FHIR Bundle snapshot: its patients, stays, allergies, orders and appointments "
                                         "will be loaded.")
    return ""


def _progress_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setAccessibleName(name)
    bar.setRange(0, 1)
    bar.setValue(0)
    return bar


def _report(label: QLabel, text: str, failed: bool) -> None:
    label.setStyleSheet(ERROR_STYLE if failed else "")
    label.setText(text)


class _SourcePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("ImportWizard", "What to import"))
        self.setSubTitle(translate("ImportWizard", "A snapshot of the hospital's last known state (a folder of CSV files or a FHIR "
                                           "Bundle), or laptops' exports for the records office."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(translate("ImportWizard", "Folder or file to import"))
        self.path.textChanged.connect(self._changed)
        row.addWidget(self.path, 1)
        for text, choose in ((translate("ImportWizard", "Choose &folder…"), self._choose_folder),
                             (translate("ImportWizard", "Choose &file…"), self._choose_file)):
            button = QPushButton(text)
            button.clicked.connect(choose)
            row.addWidget(button)
        layout.addLayout(row)
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        layout.addWidget(self.kind)
        layout.addStretch(1)

    def _choose_folder(self) -> None:
        if chosen := Prompts.choose_folder(self, translate("ImportWizard", "Folder to import")):
            self.path.setText(str(chosen))

    def _choose_file(self) -> None:
        if chosen := Prompts.choose_file(self, translate("ImportWizard", "FHIR Bundle to import"), translate("ImportWizard", "FHIR Bundle (*.json)")):
            self.path.setText(str(chosen))

    def _changed(self) -> None:
        text = self.path.text().strip()
        description = describe_source(Path(text)) if text else ""
        self.kind.setText(description or (translate("ImportWizard", "Not something Downtime can import.") if text else ""))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.path.text().strip()) and bool(describe_source(Path(self.path.text().strip())))


class _RunPage(QWizardPage):
    def __init__(self, session: Session, source: _SourcePage) -> None:
        super().__init__()
        self.session, self.source = session, source
        self.setTitle(translate("ImportWizard", "Importing"))
        layout = QVBoxLayout(self)
        self.bar = _progress_bar(translate("ImportWizard", "Import progress"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.succeeded = False

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        QApplication.processEvents()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        path = Path(self.source.path.text().strip())
        self.bar.setRange(0, 0)
        _report(self.result, translate("ImportWizard", "Reading {path}…").format(path=path), failed=False)
        QApplication.processEvents()
        try:
            outcome = import_path(self.session, path, self._progress)
        except UserError as problem:
            self.bar.setRange(0, 1)
            self.succeeded = False
            _report(self.result, translate("ImportWizard", "Nothing was imported.") + "\n\n" + say(problem), failed=True)
        else:
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
            self.succeeded = True
            added = ", ".join(f"{count} {kind}(s)" for kind, count in sorted(outcome.added.items()))
            _report(self.result, translate("ImportWizard", "Imported {what}: {added}; {unchanged} already here and unchanged.").format(
                what=translate("ImportWizard", KINDS[outcome.kind]), added=added or translate("ImportWizard", "nothing new"), unchanged=outcome.unchanged),
                failed=False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.succeeded


class ImportWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ImportWizard", "Import data"))
        self.source = _SourcePage()
        self.run_page = _RunPage(session, self.source)
        self.addPage(self.source)
        self.addPage(self.run_page)
        self.resize(720, 420)


class ExportDialog(QDialog):
    """The export for back-entry onto a USB stick, optionally encrypted to the records office."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("ExportDialog", "Export for back-entry"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setAccessibleName(translate("ExportDialog", "New export folder"))
        choose = QPushButton(translate("ExportDialog", "Choose…"))
        choose.clicked.connect(self._choose)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(self._label(translate("ExportDialog", "New &folder (on the USB stick):"), self.folder), folder_row)
        self.since_last = QCheckBox(translate("ExportDialog", "Only what changed since this laptop's last export"))
        form.addRow("", self.since_last)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(translate("ExportDialog", "age1… (the records office's public key)"))
        self.recipient.setAccessibleName(translate("ExportDialog", "Encrypt to public key"))
        form.addRow(self._label(translate("ExportDialog", "&Encrypt to:"), self.recipient), self.recipient)
        layout.addLayout(form)
        self.bar = _progress_bar(translate("ExportDialog", "Export progress"))
        layout.addWidget(self.bar)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(translate("ExportDialog", "&Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.run)
        close = QPushButton(translate("ExportDialog", "Close"))
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(640, 260)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _choose(self) -> None:
        if chosen := Prompts.choose_folder(self, translate("ExportDialog", "Where to put the export")):
            self.folder.setText(str(chosen / f"downtime-export-{self.session.device.device_number:03d}-"
                                              f"{self.session.clock():%Y%m%d-%H%M}"))

    def run(self) -> bool:
        text = self.folder.text().strip()
        if not text:
            _report(self.result, translate("ExportDialog", "Choose a new folder for the export."), failed=True)
            return False
        self.bar.setRange(0, 0)
        QApplication.processEvents()
        recipient = self.recipient.text().strip()
        try:
            result = export(self.session, Path(text), since_last=self.since_last.isChecked(),
                            encrypt_to=[recipient] if recipient else None)
        except UserError as problem:
            self.bar.setRange(0, 1)
            _report(self.result, translate("ExportDialog", "Not exported.") + "\n\n" + say(problem), failed=True)
            return False
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        sealed = " " + translate("ExportDialog", "Every file is encrypted to the records office's key.") if recipient else ""
        _report(self.result, translate("ExportDialog", "Exported {count} record version(s) to {folder}.").format(
            count=sum(result.counts.values()), folder=result.folder) + sealed, failed=False)
        return True

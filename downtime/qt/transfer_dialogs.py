"""Moving data in and out of a laptop from the app: the import wizard (a snapshot before the
outage, or laptops' exports into the records office) and the export for back-entry. Both show
progress and end with a plain statement of what happened, or of what was refused and why —
a refused import has written nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from downtime.domain.staff import Action
from downtime.errors import UserError
from downtime.qt.new_bands import print_new_band
from downtime.qt.prompts import Prompts
from downtime.qt.screen_fit import fit_dialog
from downtime.qt.i18n import language, say, translate
from downtime.qt.style import ERROR_STYLE
from downtime.services import settings
from downtime.services.context import Session
from downtime.services.printing import BandChange
from downtime.qt.work import Job, Work
from downtime.sync.export import ExportResult, export
from downtime.sync.encryption import encrypted_export
from downtime.sync.import_export import SharedDeviceNumber
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportResult



def describe_source(path: Path, ward_laptop: bool = False) -> str:
    """What the wizard will do with a path, in words, before anything is written. `ward_laptop`:
    a ward's laptop reads an encrypted export with its wards' key, and is never asked for the
    records office's key file, which must never be on it."""
    if encrypted_export(path) and ward_laptop:
        return translate("ImportWizard", "A laptop's encrypted export: this laptop reads it with its wards' key if it "
                                         "was made for another ward; its records will be added to this database.")
    if encrypted_export(path):
        return translate("ImportWizard", "A laptop's encrypted export: choose the records office's key file below to "
                                         "read it; its records will be added to this database.")
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


def _scrolled(label: QLabel) -> QScrollArea:
    """A report's label, whole and scrolled: the records to ask the ward about, the holds and the
    probable duplicates of a three-day outage are a line each, and the wizard's page showed the
    few that fitted, with no way to the others."""
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    scrolled = QScrollArea()
    scrolled.setWidgetResizable(True)
    scrolled.setFrameShape(QFrame.Shape.NoFrame)
    scrolled.setWidget(label)
    return scrolled


def _report(label: QLabel, text: str, failed: bool) -> None:
    label.setStyleSheet(ERROR_STYLE if failed else "")
    label.setText(text)


class _SourcePage(QWizardPage):
    def __init__(self, ward_laptop: bool) -> None:
        super().__init__()
        self.ward_laptop = ward_laptop
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
        self.key_row = QWidget()
        key_layout = QHBoxLayout(self.key_row)
        key_layout.setContentsMargins(0, 0, 0, 0)
        self.key = QLineEdit()
        self.key.setAccessibleName(translate("ImportWizard", "The records office's key file"))
        self.key.textChanged.connect(self.completeChanged)
        self.choose_key = QPushButton(translate("ImportWizard", "Choose &key file…"))
        self.choose_key.clicked.connect(self._choose_key)
        key_layout.addWidget(self.key, 1)
        key_layout.addWidget(self.choose_key)
        self.key_row.hide()
        layout.addWidget(self.key_row)
        layout.addStretch(1)

    def _choose_folder(self) -> None:
        if chosen := Prompts.choose_folder(self, translate("ImportWizard", "Folder to import")):
            self.path.setText(str(chosen))

    def _choose_file(self) -> None:
        if chosen := Prompts.choose_file(self, translate("ImportWizard", "FHIR Bundle to import"), translate("ImportWizard", "FHIR Bundle (*.json)")):
            self.path.setText(str(chosen))

    def _choose_key(self) -> None:
        if chosen := Prompts.choose_file(self, translate("ImportWizard", "The records office's key file"),
                                         translate("ImportWizard", "Key file (*.key *.txt);;Any file (*)")):
            self.key.setText(str(chosen))

    def _changed(self) -> None:
        text = self.path.text().strip()
        description = describe_source(Path(text), self.ward_laptop) if text else ""
        self.kind.setText(description or (translate("ImportWizard", "Not something Downtime can import.") if text else ""))
        self.key_row.setVisible(bool(text) and encrypted_export(Path(text)) and not self.ward_laptop)
        self.completeChanged.emit()

    def identity(self) -> Path | None:
        """The key file, for an encrypted export."""
        return Path(self.key.text().strip()) if self.key_row.isVisibleTo(self) and self.key.text().strip() else None

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        path = Path(self.path.text().strip())
        return (bool(self.path.text().strip()) and bool(describe_source(path))
                and (not encrypted_export(path) or self.ward_laptop or self.identity() is not None))


class _RunPage(QWizardPage):
    """Runs the import on a thread of its own (`Work`) as soon as it is shown; there is no
    going back or cancelling while it runs, since the import is one transaction."""

    ran = Signal(bool)

    def __init__(self, session: Session, source: _SourcePage) -> None:
        super().__init__()
        self.session, self.source = session, source
        self.setTitle(translate("ImportWizard", "Importing"))
        layout = QVBoxLayout(self)
        self.bar = _progress_bar(translate("ImportWizard", "Import progress"))
        self.result = QLabel()
        layout.addWidget(self.bar)
        layout.addWidget(_scrolled(self.result), 1)
        # Offered only once the import is refused for two laptops set up with one device number,
        # naming both: the clerk's explicit word to take both (see sync.import_export).
        self.both = QCheckBox()
        self.both.hide()
        self.again = QPushButton(translate("ImportWizard", "&Import both laptops' patients"))
        self.again.hide()
        self.again.setEnabled(False)
        self.both.toggled.connect(self.again.setEnabled)
        self.again.clicked.connect(lambda: self._run(shared_device_number=True))
        layout.addWidget(self.both)
        layout.addWidget(self.again, 0, Qt.AlignmentFlag.AlignLeft)
        # Offered once the import has made bands wrong (ImportResult.bands), to whoever may print:
        # the new bands, as an amended admission offers its own.
        self.reprint = QPushButton(translate("ImportWizard", "&Print the new wristbands"))
        self.reprint.hide()
        self.reprint.clicked.connect(self._reprint)
        layout.addWidget(self.reprint, 0, Qt.AlignmentFlag.AlignLeft)
        self.bands: tuple[BandChange, ...] = ()
        self.succeeded = False
        self.work: Work | None = None

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self._run(shared_device_number=False)

    def _run(self, shared_device_number: bool) -> None:
        path, identity = Path(self.source.path.text().strip()), self.source.identity()
        self.succeeded = False
        self.both.hide()
        self.again.hide()
        self.reprint.hide()
        self.source.setCommitPage(True)
        self.wizard().button(QWizard.WizardButton.CancelButton).setEnabled(False)
        _report(self.result, translate("ImportWizard", "Reading {path}…").format(path=path), failed=False)
        self.work = _start(self.session, lambda own, progress: import_path(own, path, progress, identity,
                                                                           shared_device_number),
                           self.bar, self._imported, self._refused, self._ended)
        self.completeChanged.emit()

    def _imported(self, outcome: ImportResult) -> None:
        self.succeeded = True
        self.bands = outcome.bands
        self.reprint.setVisible(bool(outcome.bands) and self.session.user.may(Action.PRINT))
        added = outcome.added_text(language())
        _report(self.result, translate("ImportWizard", "Imported {what}: {added}; {unchanged} already here and unchanged.").format(
            what=outcome.kind_in(language()), added=added or translate("ImportWizard", "nothing new"),
            unchanged=outcome.unchanged_text(language()))
            + "".join("\n\n" + text for text in outcome.missing_text(language()))
            + "".join("\n\n" + text for text in outcome.not_exported_text(
                language(), {form_id: spec.title.get(language()) for form_id, spec in self.session.forms.items()}))
            + "".join("\n\n" + text for text in outcome.later_forms_text(language()))
            + "".join("\n\n" + text for text in outcome.listed_text(language()))
            + "".join("\n\n" + report.text(language()) for report in outcome.theatre_clashes)
            + "".join("\n\n" + text for text in (*outcome.holds_text(language()), *outcome.duplicates_text(language())))
            + "".join("\n\n" + said.text(language()) for said in (*outcome.to_check, *outcome.shared_numbers))
            + "".join("\n\n" + text for text in outcome.bands_text(language())),
            failed=bool(outcome.missing or outcome.not_exported or outcome.theatre_clashes or outcome.holds or outcome.settlements_not_taken
                        or outcome.to_check or outcome.shared_numbers or outcome.duplicates or outcome.bands))

    def _reprint(self) -> list[Path]:
        """Each band the import made wrong, and the ID labels of those whose labels it made wrong
        too: the wizard named them, and each had to be found and printed from its record."""
        return [out for band in self.bands
                for out in print_new_band(self, self.session, band.patient, band.labels_too)]

    def _refused(self, problem: UserError) -> None:
        _report(self.result, translate("ImportWizard", "Nothing was imported.") + "\n\n" + say(problem), failed=True)
        if isinstance(problem, SharedDeviceNumber):
            first, second = problem.laptops
            self.both.setText(translate("ImportWizard", "Take both laptops' patients: laptop {first} and laptop "
                                                        "{second}").format(first=first, second=second))
            self.both.setChecked(False)
            self.both.show()
            self.again.show()

    def _ended(self) -> None:
        self.work = None
        _settle(self.bar, self.succeeded)
        self.source.setCommitPage(self.succeeded)
        self.wizard().button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.completeChanged.emit()
        self.ran.emit(self.succeeded)

    def running(self) -> bool:
        return self.work is not None

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.succeeded and not self.running()


class ImportWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ImportWizard", "Import data"))
        self.source = _SourcePage(settings.laptop_ward(session.db) is not None)
        self.run_page = _RunPage(session, self.source)
        self.addPage(self.source)
        self.addPage(self.run_page)
        fit_dialog(self, QSize(720, 420))

    def reject(self) -> None:
        """Cancel, Escape and the window's close button wait for a running import to end."""
        if not self.run_page.running():
            super().reject()


class ExportDialog(QDialog):
    """The export for back-entry onto a USB stick, encrypted to the records office's key, or in plain
    text once the person has ticked that they want it so, told in red before and after;
    it runs on a thread of its own (`Work`) and the dialog stays open until it ends."""

    ran = Signal(bool)

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
        # The stick that goes with a patient moved to a ward on another laptop, which that laptop
        # reads with the wards' key: made for the records office alone, it asked the ward for the
        # office's secret key.
        self.for_another_ward = QCheckBox(translate("ExportDialog", "For a patient moved to &another ward (that ward's "
                                                                    "laptop reads it)"))
        self.for_another_ward.toggled.connect(lambda _on: self._key_changed())
        form.addRow("", self.for_another_ward)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(translate("ExportDialog", "age1… (the records office's public key)"))
        self.recipient.setAccessibleName(translate("ExportDialog", "Encrypt to public key"))
        self.office_key = settings.get(session.db, "export_key")  # set by IT, in Administration
        self.recipient.setText(self.office_key)
        form.addRow(self._label(translate("ExportDialog", "&Encrypt to:"), self.recipient), self.recipient)
        # With no key, said before the export and agreed to: a stick lost on the way to the records
        # office held every patient's record in plain text, and the dialog had said nothing of it.
        self.plain_warning = QLabel(translate("ExportDialog", "NOT ENCRYPTED: with no key above, every patient's record "
                                                              "goes onto the stick in plain text, readable by whoever finds "
                                                              "it. IT sets the records office's key in Administration ▸ "
                                                              "Settings; or type it above."))
        self.plain_warning.setWordWrap(True)
        self.plain_warning.setStyleSheet(ERROR_STYLE)
        self.plain = QCheckBox(translate("ExportDialog", "Export &NOT encrypted all the same"))
        self.recipient.textChanged.connect(lambda _text: self._key_changed())
        layout.addLayout(form)
        layout.addWidget(self.plain_warning)  # the whole width: squeezed into the form's column, it was cut
        layout.addWidget(self.plain)
        self._key_changed()  # once in the dialog: before, the warning was a window of its own for an instant
        self.bar = _progress_bar(translate("ExportDialog", "Export progress"))
        layout.addWidget(self.bar)
        self.result = QLabel()
        layout.addWidget(_scrolled(self.result), 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(translate("ExportDialog", "&Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.run)
        self.close_button = QPushButton(translate("ExportDialog", "Close"))
        self.close_button.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        fit_dialog(self, QSize(640, 400))
        self.controls = [self.folder, choose, self.since_last, self.for_another_ward, self.recipient, self.plain,
                         self.export_button, self.close_button]
        self.work: Work | None = None
        self.succeeded = False

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _plain(self) -> bool:
        """No key in the box and none set by IT, which the export takes when the box is left empty;
        a stick for another ward is encrypted to the wards' key, or refused."""
        return not self.recipient.text().strip() and not self.office_key and not self.for_another_ward.isChecked()

    def _key_changed(self) -> None:
        """The warning and its tick box only while there is no key; a key typed then removed asks again.
        A stick for another ward is whole: the ward it goes to has none of the patient's records."""
        if self.for_another_ward.isChecked():
            self.since_last.setChecked(False)
        self.since_last.setEnabled(not self.for_another_ward.isChecked())
        plain = self._plain()
        self.plain_warning.setVisible(plain)
        self.plain.setVisible(plain)
        if not plain:
            self.plain.setChecked(False)

    def _choose(self) -> None:
        if chosen := Prompts.choose_folder(self, translate("ExportDialog", "Where to put the export")):
            self.folder.setText(str(chosen / f"downtime-export-{self.session.device.device_number:03d}-"
                                              f"{self.session.clock():%Y%m%d-%H%M}"))

    def run(self) -> None:
        text = self.folder.text().strip()
        if not text:
            _report(self.result, translate("ExportDialog", "Choose a new folder for the export."), failed=True)
            return
        recipient = self.recipient.text().strip()
        if self._plain() and not self.plain.isChecked():
            _report(self.result, translate("ExportDialog", "Not exported: tick “Export NOT encrypted all the same” to put "
                                                           "every patient's record on the stick in plain text, or give "
                                                           "the records office's key."), failed=True)
            return
        self.succeeded = False
        for control in self.controls:
            control.setEnabled(False)
        _report(self.result, translate("ExportDialog", "Exporting…"), failed=False)
        self.work = _start(self.session, lambda own, progress: export(
            own, Path(text), since_last=self.since_last.isChecked(), encrypt_to=[recipient] if recipient else None,
            progress=progress, for_another_ward=self.for_another_ward.isChecked()),
            self.bar, self._exported, self._refused, self._ended)

    def _exported(self, result: ExportResult) -> None:
        self.succeeded = True
        sealed = (translate("ExportDialog", "Every file is encrypted to the records office's key and the wards' key: "
                                            "the receiving ward's laptop imports it (Ward ▸ Import data…).")
                  if result.for_another_ward else
                  translate("ExportDialog", "Every file is encrypted to the records office's key.") if result.encrypted
                  else translate("ExportDialog", "NOT ENCRYPTED: every patient's record there is in plain text."))
        said = translate("ExportDialog", "Exported {count} record version(s) to {folder}.").format(
            count=sum(result.counts.values()), folder=result.folder) + " " + sealed
        if notes := result.notes_in(language(), self.session.forms):
            said += "\n\n" + "\n".join(notes)
        # Red with records to ask the ward about (as an import's holds are), or with nothing encrypted.
        _report(self.result, said, failed=bool(result.ask_the_ward) or not result.encrypted)

    def _refused(self, problem: UserError) -> None:
        self.succeeded = False
        _report(self.result, translate("ExportDialog", "Not exported.") + "\n\n" + say(problem), failed=True)

    def _ended(self) -> None:
        self.work = None
        _settle(self.bar, self.succeeded)
        for control in self.controls:
            control.setEnabled(True)
        self._key_changed()
        self.ran.emit(self.succeeded)

    def reject(self) -> None:
        """Escape and the window's close button wait for a running export to end."""
        if self.work is None:
            super().reject()


def _start(session: Session, job: Job, bar: QProgressBar, succeeded: Callable[[Any], None],
           refused: Callable[[UserError], None], ended: Callable[[], None]) -> Work:
    """The import's and the export's one way of running: off the GUI thread, moving `bar`."""
    bar.setRange(0, 0)

    def moved(done: int, total: int) -> None:
        bar.setRange(0, max(total, 1))
        bar.setValue(done)

    work = Work(session, job)
    work.progressed.connect(moved)
    work.succeeded.connect(succeeded)
    work.refused.connect(refused)
    work.finished.connect(ended)
    return work.begin()


def _settle(bar: QProgressBar, succeeded: bool) -> None:
    bar.setRange(0, 1)
    bar.setValue(1 if succeeded else 0)

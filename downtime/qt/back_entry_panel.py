"""The records office's back-entry tab: what is left to type into the EHR, patient by patient,
in the order to type it, with progress. Enter (or the button) ticks the selected line off with
the EHR's reference; a patient's downtime number is linked to their EHR number."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from downtime.qt.prompts import Prompts
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import language, say, translate
from downtime.qt.tables import TextTableModel, make_table, print_and_open
from downtime.services import back_entry, printing
from downtime.services.back_entry import PatientWork, WorkItem
from downtime.services.context import Session
from downtime.services.errors import ServiceError

Row = tuple[PatientWork, WorkItem]


class WorkModel(TextTableModel):
    columns = (QT_TR_NOOP("Patient"), QT_TR_NOOP("Downtime no."), QT_TR_NOOP("EHR no."), QT_TR_NOOP("Step"),
               QT_TR_NOOP("When"), QT_TR_NOOP("What to enter"), QT_TR_NOOP("Version"), QT_TR_NOOP("To do"),
               QT_TR_NOOP("EHR reference"))

    def text(self, row: int, column: int) -> str:
        group, item = self.rows[row]
        patient = group.patient
        entered = item.entered.ehr_reference if item.done and item.entered else ""
        return (patient.display_name if patient else translate("", "(not about a patient)"),
                patient.downtime_number if patient else "", group.ehr_patient_number or "",
                translate("messages", item.step_name), item.record.occurred_at.strftime("%d/%m %H:%M"), item.label,
                str(item.record.version), item.to_do_in(language()).upper() if not item.done else item.to_do_in(language()),
                entered)[column]

    def is_warning(self, row: int, column: int) -> bool:
        return column == 7 and not self.rows[row][1].done


class BackEntryPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("BackEntryPanel", "Back-entry progress"))
        self.summary = QLabel()
        self.left_only = QCheckBox(translate("BackEntryPanel", "Show only what is &left to enter"))
        self.left_only.setChecked(True)
        self.left_only.toggled.connect(self.refresh)
        top.addWidget(self.summary)
        top.addWidget(self.progress, 1)
        top.addWidget(self.left_only)
        layout.addLayout(top)
        self.model = WorkModel()
        self.table = make_table(self.model, translate("BackEntryPanel", "Back-entry worklist"), self.mark_selected)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for text, handler in ((translate("BackEntryPanel", "&Mark entered in EHR… (Enter)"), self.mark_selected),
                              (translate("BackEntryPanel", "Link to EHR &patient number…"), self.link_selected),
                              (translate("BackEntryPanel", "&Print worklist"), self.print_worklist)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        work = back_entry.worklist(self.session)
        done, total = back_entry.progress(work)
        self.summary.setText(translate("BackEntryPanel", "{done} of {total} entered in the EHR").format(done=done, total=total))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        rows: list[Row] = [(group, item) for group in work for item in group.items
                           if not (self.left_only.isChecked() and item.done)]
        self.model.set_rows(rows)

    def selected(self) -> Row | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.rows[indexes[0].row()] if indexes else None

    def mark_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            Prompts.error(self, translate("BackEntryPanel", "Nothing selected"), translate("BackEntryPanel", "Select a line of the worklist first."))
            return
        group, item = chosen
        who = group.patient.display_name if group.patient else translate("BackEntryPanel", "ward record")
        reference = Prompts.text(self, translate("BackEntryPanel", "Entered in the EHR"),
                                 translate("BackEntryPanel", "{who}: {step} — {what}\nThe EHR's reference for it:").format(
                                     who=who, step=translate("messages", item.step_name), what=item.label))
        if reference is None:
            return
        try:
            back_entry.mark_entered(self.session, item.record.record_id, item.record.version, reference)
        except ServiceError as problem:
            Prompts.error(self, translate("BackEntryPanel", "Not marked"), say(problem))
        row = self.table.currentIndex().row()
        self.refresh()
        self.table.selectRow(min(row, self.model.rowCount() - 1))

    def link_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[0].patient is None:
            Prompts.error(self, translate("BackEntryPanel", "No patient selected"), translate("BackEntryPanel", "Select a line of the patient first."))
            return
        patient = chosen[0].patient
        number = Prompts.text(self, translate("BackEntryPanel", "EHR patient number"),
                              translate("BackEntryPanel", "{name} ({number}), born {born}:\nthe patient's number in the EHR:").format(
                                  name=patient.display_name, number=patient.downtime_number,
                                  born=patient.birth_date_text))
        if number is None:
            return
        try:
            back_entry.link_patient(self.session, patient.downtime_number, number)
        except ServiceError as problem:
            Prompts.error(self, translate("BackEntryPanel", "Not linked"), say(problem))
        self.refresh()

    def print_worklist(self) -> None:
        print_and_open(self, lambda out: printing.print_worklist(self.session, out), "worklist")

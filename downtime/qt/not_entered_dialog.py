"""Closing a worklist line that says to ask the ward, with the ward's answer that it is not to
be entered in the EHR (one dose recorded twice, a dose never given from a withdrawn order): whose
record it is, what the line says to enter and to do, whole; who at the ward said so, and why, both
required. A record an earlier FHIR bundle sent is said so, in red, before the answer is
recorded: the EHR may hold it from that bundle, and the next one marks it entered in error there.
A refusal (no answer, a line amended or on hold meanwhile, the other record of the dose already
not to be entered) is said in the dialog, which stays open with what was typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from downtime.i18n import message
from downtime.qt.i18n import language, say, translate
from downtime.qt.patient_header import identity_label
from downtime.qt.style import ErrorLabel
from downtime.qt.screen_fit import Scrolled, fit_dialog
from downtime.services import back_entry
from downtime.services.back_entry import WorkItem
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.patients import PatientSummary


class NotEnteredDialog(QDialog):
    """`recorded` fires once the ward's answer is written down."""

    recorded = Signal()

    def __init__(self, session: Session, item: WorkItem, patient: PatientSummary | None,
                 parent: QWidget | None = None):
        """`patient`: whose record it is (None for a ward's record, such as a theatre session)."""
        super().__init__(parent)
        self.session, self.item = session, item
        self.setWindowTitle(translate("NotEnteredDialog", "Not to be entered in the EHR"))
        self.setMinimumWidth(640)
        # Whose record, what the line says and the red warning scroll, the boxes and the buttons
        # kept in sight: at the largest text on a laptop at 125 % the words stopped at "ask…".
        words = QWidget()
        said = QVBoxLayout(words)
        said.setContentsMargins(0, 0, 0, 0)
        identity = identity_label(patient, with_place=False) if patient is not None else QLabel()
        said.addWidget(identity)
        identity.setVisible(patient is not None)  # once in the dialog: before, a window of its own for an instant
        intro = QLabel(translate("NotEnteredDialog", "{what} (version {version})\n\nTo do: {to_do}\n\nOnly once the "
                                                     "ward has answered: the line is then done, not entered, until "
                                                     "the record is amended.").format(
            what=item.label, version=item.record.version, to_do=item.to_do_in(language(), loud=True)))
        intro.setWordWrap(True)
        said.addWidget(intro)
        self.sent = ErrorLabel(message(language(), back_entry.SENT_IN_A_BUNDLE))
        said.addWidget(self.sent)
        self.sent.setVisible(back_entry.sent_in_an_earlier_bundle(session, item.record.record_id))
        said.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(Scrolled(words), 1)
        self.ward_said = QLineEdit()
        self.ward_said.setPlaceholderText(translate("NotEnteredDialog", "e.g. Sr Dubois, 3B, by phone"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(translate("NotEnteredDialog", "e.g. one dose recorded twice"))
        for text, field in ((translate("NotEnteredDialog", "&Who at the ward said so"), self.ward_said),
                            (translate("NotEnteredDialog", "W&hy it is not to be entered"), self.reason)):
            label = QLabel(text)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
        self.problem = ErrorLabel()
        self.problem.hide()
        layout.addWidget(self.problem)
        for field in (self.ward_said, self.reason):
            field.textEdited.connect(self.problem.hide)  # a refusal answered is not said on
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("NotEnteredDialog", "&Record the ward's answer"))
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ward_said.setFocus()
        fit_dialog(self)

    def record(self) -> None:
        record = self.item.record
        try:
            back_entry.mark_not_entered(self.session, record.record_id, record.version, self.ward_said.text(),
                                        self.reason.text())
        except ServiceError as problem:
            self.problem.setText(say(problem))
            self.problem.show()
            # The box the refusal names, the first left empty: the keyboard stayed on the ward's
            # name typed, Enter pressed, and the reason asked for was a Tab away.
            if (empty := next((box for box in (self.ward_said, self.reason) if not box.text().strip()), None)):
                empty.setFocus()
            return
        self.recorded.emit()
        self.accept()

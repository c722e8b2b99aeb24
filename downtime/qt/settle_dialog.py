"""Settling a record on hold, once the ward has said which version is right: whose record it is
(the dialog covers the worklist line that said so); each version as the worklist gives it (who,
on which laptop, when, and the answers they differ in), one its laptop replaced since said so
(choosing it would undo that laptop's later change: a stopped order, say); one to choose with
the arrow keys (none is chosen beforehand); and the reason naming who decided. Enter settles.
A refusal (no reason, the form's rules, a hold changed meanwhile) is said in the dialog, which
stays open."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget,
)

from downtime.qt.i18n import say, translate
from downtime.qt.patient_header import identity_label
from downtime.qt.style import ErrorLabel
from downtime.services import holds
from downtime.services.back_entry import WorkItem
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.patients import PatientSummary


class SettleHoldDialog(QDialog):
    """`settled` fires with the version that then stands."""

    settled = Signal(object)

    def __init__(self, session: Session, item: WorkItem, patient: PatientSummary | None,
                 parent: QWidget | None = None):
        """`patient`: whose record it is (None for a ward's record, such as a theatre session)."""
        super().__init__(parent)
        assert item.on_hold is not None, "only a line on hold is settled"
        self.session, self.hold = session, item.on_hold
        self.setWindowTitle(translate("SettleHoldDialog", "Settle the hold"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.identity = identity_label(patient, with_place=False) if patient is not None else QLabel()
        self.identity.setVisible(patient is not None)
        layout.addWidget(self.identity)
        intro = QLabel(translate("SettleHoldDialog", "{what}\nTwo laptops disagree from version {version}. Choose the "
                                                     "version the ward says is right (its nurse in charge or the "
                                                     "prescriber).").format(what=item.label,
                                                                            version=self.hold.from_version))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.versions = QListWidget()
        self.versions.addItems(holds.choices(session, self.hold))
        self.versions.setWordWrap(True)
        # No current version either: the list would make its first current, unseen, on taking the
        # focus, and the first arrow key would then move past it (Down) or not at all (Up, Home).
        self.versions.setCurrentIndex(QModelIndex())
        chosen_label = QLabel(translate("SettleHoldDialog", "&Version that is right:"))
        chosen_label.setBuddy(self.versions)
        layout.addWidget(chosen_label)
        layout.addWidget(self.versions, 1)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(translate("SettleHoldDialog", "e.g. Sister Martin, ward 3B, by phone"))
        reason_label = QLabel(translate("SettleHoldDialog", "&Reason: who decided, and how"))
        reason_label.setBuddy(self.reason)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        self.problem = ErrorLabel()
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("SettleHoldDialog", "&Settle"))
        buttons.accepted.connect(self.settle)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.versions.setFocus()

    def settle(self) -> None:
        """None is chosen for the clerk: one tabbing past the list would settle the first."""
        rows = [index.row() for index in self.versions.selectedIndexes()]
        if not rows:
            self.problem.setText(translate("SettleHoldDialog", "Choose the version that is right (arrow keys)."))
            self.problem.show()
            return
        chosen = self.hold.versions[rows[0]]
        try:
            kept = holds.settle(self.session, self.hold, chosen, self.reason.text())
        except ServiceError as problem:
            self.problem.setText(say(problem))
            self.problem.show()
            return
        self.settled.emit(kept)
        self.accept()

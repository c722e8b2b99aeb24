"""Settling a record on hold, once the ward has said which version is right: whose record it is
(the dialog covers the worklist line that said so); each version as the worklist gives it (who,
on which laptop, when, and the answers they differ in), one its laptop replaced since said so
(choosing it would undo that laptop's later change: a stopped order, say), each with what it
changed since the version the laptops started from and what choosing it drops; below them,
when they changed different answers, the choice to keep both changes; one to choose with
the arrow keys (none is chosen beforehand); and the reason naming who decided. Enter settles.
What the version chosen drops is said in red at once, and a safety-critical change dropped
needs the box saying the ward said so ticked. The header's allergies are those the settlement
will leave, not the ones standing before it. A refusal (no reason, a change not confirmed, the
form's rules, a hold changed meanwhile) is said in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget,
)

from downtime.qt.i18n import say, translate
from downtime.qt.patient_header import allergies_text, identity_html, identity_label
from downtime.qt.style import ErrorLabel, written
from downtime.qt.screen_fit import fit_dialog
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
        self.session, self.hold, self.patient = session, item.on_hold, patient
        self.setWindowTitle(translate("SettleHoldDialog", "Settle the hold"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.identity = identity_label(patient, with_place=False) if patient is not None else QLabel()
        layout.addWidget(self.identity)
        self.identity.setVisible(patient is not None)  # once in the dialog: before, a window of its own for an instant
        # The worklist's line reads the version standing here, not what the settlement will leave.
        self.intro = QLabel(translate("SettleHoldDialog", "Standing here before settling: {what}\nTwo laptops disagree "
                                                          "from version {version}. Choose the version the ward says "
                                                          "is right (its nurse in charge or the prescriber).").format(
            what=item.label, version=self.hold.from_version))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.versions = QListWidget()
        self.versions.addItems(holds.choices(session, self.hold))
        self.combined = holds.combination(session, self.hold)
        # A hold on the admission settles the patient's allergies: the header says those it will leave.
        self.admission = holds.patient_after(session, self.hold, self.hold.versions[0].data) is not None
        if (combined := holds.combined_choice(session, self.hold)) is not None:
            self.versions.addItem(combined)
        self.versions.setWordWrap(True)
        self.versions.setSpacing(4)  # each version is several lines: they ran together
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
        self.drops = ErrorLabel(only_when_said=True)
        layout.addWidget(self.drops)
        self.drop_confirmed = QCheckBox(translate("SettleHoldDialog", "The ward said these changes are to be "
                                                                      "&dropped"))
        self.drop_confirmed.hide()
        layout.addWidget(self.drop_confirmed)
        self.problem = ErrorLabel()
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("SettleHoldDialog", "&Settle"))
        buttons.accepted.connect(self.settle)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.versions.itemSelectionChanged.connect(self.show_outcome)
        self.show_outcome()
        self.versions.setFocus()
        fit_dialog(self)

    def _chosen_row(self) -> int | None:
        rows = [index.row() for index in self.versions.selectedIndexes()]
        return rows[0] if rows else None

    def show_outcome(self) -> None:
        """What settling with the version chosen leaves and drops, before anything is written. A
        confirmation given for one version is never carried to another."""
        row = self._chosen_row()
        chosen = self.hold.versions[row] if row is not None and row < len(self.hold.versions) else None
        drops = holds.dropped(self.session, self.hold, chosen) if chosen is not None else ()
        self.drops.setText(translate("SettleHoldDialog", "If you settle with this version, {dropped}.").format(
            dropped=holds.dropped_text(self.session, drops)) if drops else "")
        self.drop_confirmed.setChecked(False)
        self.drop_confirmed.setVisible(any(change.safety_critical for change in drops))
        if self.patient is None or not self.admission:  # another record leaves the patient's allergies as they are
            return
        data = chosen.data if chosen is not None else self.combined if row is not None else None
        after = holds.patient_after(self.session, self.hold, data) if data is not None else None
        allergies_said = (translate("SettleHoldDialog", "those of the version you choose (shown once chosen)")
                          if after is None else translate("SettleHoldDialog", "{allergies} (once settled so)").format(
                              allergies=allergies_text(after)))
        written(self.identity, lambda: identity_html(self.patient if after is None else after, with_place=False,
                                                     allergies_said=allergies_said))
        # Qt does not grow a dialog for the lines a wrapped label gains (a long list of allergies).
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def settle(self) -> None:
        """None is chosen for the clerk: one tabbing past the list would settle the first."""
        row = self._chosen_row()
        if row is None:
            self.problem.setText(translate("SettleHoldDialog", "Choose the version that is right (arrow keys)."))
            self.problem.show()
            return
        try:
            if row == len(self.hold.versions):
                kept = holds.combine(self.session, self.hold, self.reason.text())
            else:
                kept = holds.settle(self.session, self.hold, self.hold.versions[row], self.reason.text(),
                                    drop_changes=not self.drop_confirmed.isHidden() and self.drop_confirmed.isChecked())
        except ServiceError as problem:
            self.problem.setText(say(problem))
            self.problem.show()
            return
        self.settled.emit(kept)
        self.accept()

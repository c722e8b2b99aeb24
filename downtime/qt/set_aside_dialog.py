"""Setting aside forms others typed and left unsaved, from the banner's line that tells of them:
the nurse in charge of the shift reads that line, and the administrator too (see
drafts.set_aside). Each one ticked is set aside with the one reason typed; a refusal (one saved
or set aside meanwhile) is said in the dialog, which stays open with what was typed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from downtime.qt.i18n import language, say, translate
from downtime.qt.screen_fit import fit_dialog
from downtime.qt.screen_reader import named
from downtime.qt.style import ErrorLabel
from downtime.services import drafts
from downtime.services.context import Session
from downtime.services.drafts import Waiting
from downtime.services.errors import ServiceError


class SetAsideDialog(QDialog):
    """`set_aside` fires after each form set aside, a later one refused or not."""

    set_aside = Signal()

    def __init__(self, session: Session, found: Sequence[Waiting], now: datetime, parent: QWidget | None = None):
        """`found`: the drafts that may be set aside (see drafts.can_be_set_aside)."""
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("SetAsideDialog", "Set aside forms not saved"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("SetAsideDialog", "Only whoever typed a form can open it. Set one aside once you "
                                                   "know what it held is done or recorded: a dose typed and not "
                                                   "saved may have been given. What it held is kept in the audit "
                                                   "log, with your name and reason."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.forms = QListWidget()
        named(self.forms, translate("SetAsideDialog", "Forms that can be set aside"))
        self.forms.setWordWrap(True)  # each line whole: its patient and author come last
        self.forms.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for each in found:
            item = QListWidgetItem(drafts.told(each, session.forms, language(), now))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, each.draft_id)
            self.forms.addItem(item)
        self.forms.setCurrentRow(0)
        layout.addWidget(self.forms)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(translate("SetAsideDialog", "e.g. dose recorded on the paper chart"))
        label = QLabel(translate("SetAsideDialog", "&Why they are set aside"))
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.problem = ErrorLabel()
        self.problem.hide()
        layout.addWidget(self.problem)
        self.reason.textEdited.connect(self.problem.hide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("SetAsideDialog", "&Set aside the ticked forms"))
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.forms.setFocus()
        fit_dialog(self)

    def ticked(self) -> list[QListWidgetItem]:
        return [item for item in (self.forms.item(row) for row in range(self.forms.count()))
                if item.checkState() is Qt.CheckState.Checked]

    def record(self) -> None:
        """Each ticked form set aside in turn, and taken off the list once it is."""
        ticked = self.ticked()
        if not ticked:
            self.problem.setText(translate("SetAsideDialog", "Tick the forms to set aside."))
            self.problem.show()
            return
        for item in ticked:
            try:
                drafts.set_aside(self.session, str(item.data(Qt.ItemDataRole.UserRole)), self.reason.text())
            except ServiceError as problem:
                self.problem.setText(say(problem))
                self.problem.show()
                return
            self.forms.takeItem(self.forms.row(item))
            self.set_aside.emit()
        self.accept()

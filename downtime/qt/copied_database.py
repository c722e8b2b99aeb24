"""Asked as someone signs in to a ward database set up on another computer (see
services.installation): an administrator says whether this laptop replaces the other or is a
copy both go on using; anyone else is told to fetch one."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from downtime.domain.downtime_number import MAX_DEVICE
from downtime.domain.roles import Action
from downtime.errors import UserError
from downtime.qt.i18n import say, translate
from downtime.qt.style import ErrorLabel, grow_to_fit
from downtime.qt.ward_choice import WardChoice
from downtime.qt.screen_fit import fit_dialog
from downtime.services import installation
from downtime.services.context import Session


def usable_here(session: Session, parent: QWidget | None = None) -> bool:
    """Whether the window may open on this database: asks when it was set up elsewhere."""
    return installation.usable_here(session) or CopiedDatabaseDialog(session, parent).exec() == QDialog.DialogCode.Accepted


class CopiedDatabaseDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        device = session.device
        self.setWindowTitle(translate("CopiedDatabase", "Downtime — a database set up on another computer"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "CopiedDatabase", "This database was set up on another computer, as device {number} ({name}), and is opened "
                              "on this one for the first time. If it is a copy the other laptop goes on using, both "
                              "would give the same downtime numbers to different patients.").format(
            number=device.device_number, name=device.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.may_decide = session.user.may(Action.MANAGE_STAFF)
        self.replaces = QRadioButton(translate("CopiedDatabase", "This laptop &replaces the other"))
        self.copy = QRadioButton(translate("CopiedDatabase", "It is a &copy both laptops go on using"))
        explained = {self.replaces: translate(
            "CopiedDatabase", "The other will not be used again, or this is the same laptop under another account: it "
                              "goes on as device {number}.").format(number=device.device_number),
                     self.copy: translate(
            "CopiedDatabase", "This one becomes a laptop of its own, with the device number IT gives it from the "
                              "hospital's downtime plan:")}
        self.device_number = QSpinBox()
        self.device_number.setRange(0, MAX_DEVICE)
        self.device_number.setSpecialValueText(translate("CopiedDatabase", "choose 1-999"))
        self.device_name = QLineEdit()
        self.device_name.setPlaceholderText(translate("CopiedDatabase", "e.g. Ward 3B laptop 2"))
        self.ward = WardChoice(session, translate("CopiedDatabase", "None (all wards)"))
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        if self.may_decide:
            choice = QButtonGroup(self)
            for button, text in explained.items():
                choice.addButton(button)
                layout.addWidget(button)
                below = QLabel(text)
                below.setWordWrap(True)
                below.setIndent(24)
                layout.addWidget(below)
            form = QFormLayout()
            form.addRow(translate("CopiedDatabase", "New device &number"), self.device_number)
            form.addRow(translate("CopiedDatabase", "New device n&ame"), self.device_name)
            form.addRow(translate("CopiedDatabase", "This laptop's &ward"), self.ward)
            layout.addLayout(form)
            self.copy.toggled.connect(self._copy_chosen)
            self._copy_chosen(False)
            self.go = buttons.addButton(translate("CopiedDatabase", "Con&tinue"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.accepted.connect(self.decide)
        else:
            told = QLabel(translate("CopiedDatabase", "An administrator must sign in and say whether this laptop replaces "
                                                      "the other or is a copy."))
            told.setWordWrap(True)
            layout.addWidget(told)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_dialog(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Tall enough for its wrapped lines, which Qt does not count at the dialog's first size."""
        super().showEvent(event)
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))

    def _copy_chosen(self, chosen: bool) -> None:
        for asked in (self.device_number, self.device_name, self.ward):
            asked.setEnabled(chosen)

    def decide(self) -> None:
        try:
            if self.replaces.isChecked():
                installation.carry_on_here(self.session)
            elif self.copy.isChecked():
                installation.become_own_laptop(self.session, self.device_number.value(), self.device_name.text(),
                                               self.ward.currentData() or "")
            else:
                self.error.setText(translate("CopiedDatabase", "Choose whether this laptop replaces the other or is a "
                                                               "copy."))
                return
        except UserError as problem:
            self.error.setText(say(problem))
            return
        self.accept()

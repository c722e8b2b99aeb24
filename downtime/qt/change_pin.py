"""Ward ▸ Change my PIN: the person signed in sets their own PIN (services.own_pin), so that
no PIN, a controlled drug witness's included, is one the administrator chose and knows."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from downtime.errors import UserError
from downtime.qt.i18n import say, translate
from downtime.qt.sign_in import pin_field
from downtime.qt.style import ErrorLabel
from downtime.qt.screen_fit import fit_dialog
from downtime.services.context import Session
from downtime.services.own_pin import change_own_pin


class ChangePinDialog(QDialog):
    """The current PIN, then the new one twice; refused, it says why and stays open, the PINs
    to type again cleared (a wrong current PIN is counted as a failed sign-in). `current_pin`:
    the PIN an administrator set, just typed at the sign-in, which asks for the person's own
    before anything else (qt.sign_in.SignInDialog.choose_own_pin): not asked again."""

    def __init__(self, session: Session, parent: QWidget | None = None, *, current_pin: str | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("ChangePin", "Change my PIN"))
        layout = QVBoxLayout(self)
        said = (translate("ChangePin", "{name} ({staff_id}): your PIN is one an administrator set; it signs in only "
                                       "for you to choose your own, which then signs you in, and signs when you "
                                       "witness a controlled drug.") if current_pin is not None else
                translate("ChangePin", "{name} ({staff_id}): from now on your new PIN signs you in, and "
                                       "signs when you witness a controlled drug."))
        who = QLabel(said.format(name=session.user.name, staff_id=session.user.staff_id))
        who.setWordWrap(True)
        layout.addWidget(who)
        form = QFormLayout()
        self.current, self.new, self.again = pin_field(), pin_field(), pin_field()
        form.addRow(translate("ChangePin", "&Current PIN"), self.current)
        form.addRow(translate("ChangePin", "&New PIN (4-12 digits)"), self.new)
        form.addRow(translate("ChangePin", "New PIN &again"), self.again)
        if current_pin is not None:
            self.current.setText(current_pin)
            form.setRowVisible(self.current, False)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.new if current_pin is not None else self.current).setFocus()
        fit_dialog(self)

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self._refused(translate("ChangePin", "New PIN: the two new PINs typed differ; type them again."),
                          self.new, self.again)
            return
        try:
            change_own_pin(self.session, self.current.text(), self.new.text())
        except UserError as problem:
            typed = (self.new, self.again) if self.current.isHidden() else (self.current, self.new, self.again)
            self._refused(say(problem), *typed)
            return
        self.accept()

    def _refused(self, said: str, *typed_again: QLineEdit) -> None:
        """Said, and the PINs to type again cleared, the first of them with the focus."""
        self.error.setText(said)
        for field in typed_again:
            field.clear()
        typed_again[0].setFocus()

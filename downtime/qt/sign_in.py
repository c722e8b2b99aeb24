"""First run (this laptop's identity and the first administrator) and staff sign-in."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from downtime.errors import UserError, damage_cause, refusal_of
from downtime.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Phrase, save_language
from downtime.qt.i18n import language, say, set_language, translate
from downtime.qt.style import ErrorLabel, points, styled
from downtime.qt.screen_fit import fit_dialog, wrapped

if TYPE_CHECKING:  # the database layer loads after the window shows, while the PIN is typed
    from downtime.domain.staff import StaffMember
    from downtime.services.context import Clock, Vault
    from downtime.services.this_laptop import Laptop

def pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(12)
    return field


def _language_choice(changed: Callable[[], None]) -> QComboBox:
    """The languages, the one in use chosen; choosing one saves it for the laptop and speaks it
    (then `changed` says the window's words again)."""
    languages = QComboBox()
    for lang, name in LANGUAGES.items():
        languages.addItem(name, lang)
    languages.setCurrentIndex(list(LANGUAGES).index(language()))

    def chosen() -> None:
        save_language(languages.currentData())
        set_language(languages.currentData())
        changed()

    languages.currentIndexChanged.connect(chosen)
    return languages


# What the sign-in window says of the laptop; the name alone when it names itself a laptop already
# ("Ward 3B laptop 2" read "Laptop Ward 3B laptop 2", "Portable 2 du service 3B" "Portable Portable…").
LAPTOP_OF_WARD = QT_TRANSLATE_NOOP("SignIn", "Laptop {name} — ward {ward}")
LAPTOP_OF_ALL_WARDS = QT_TRANSLATE_NOOP("SignIn", "Laptop {name} — all wards")
NAMED_OF_WARD = QT_TRANSLATE_NOOP("SignIn", "{name} — ward {ward}")
NAMED_OF_ALL_WARDS = QT_TRANSLATE_NOOP("SignIn", "{name} — all wards")


def laptop_said(laptop: Laptop) -> str:
    """The laptop and its ward, in the interface's language."""
    named = _names_a_laptop(laptop.name)
    if laptop.ward:
        return translate("SignIn", NAMED_OF_WARD if named else LAPTOP_OF_WARD).format(name=laptop.name, ward=laptop.ward)
    return translate("SignIn", NAMED_OF_ALL_WARDS if named else LAPTOP_OF_ALL_WARDS).format(name=laptop.name)


def _names_a_laptop(name: str) -> bool:
    """Whether the name holds, as a word, what the window puts before it in any language
    ("Laptop", "Portable"): set up in French, it is read in English too."""
    from downtime.i18n import translate as in_language

    words = {in_language(lang, "SignIn", LAPTOP_OF_WARD).partition("{name}")[0].strip().casefold() for lang in LANGUAGES}
    return any(re.search(rf"\b{re.escape(word)}\b", name.casefold()) for word in words if word)


class SignInDialog(QDialog):
    """Staff ID and PIN; Enter signs in. A wrong PIN and an unknown ID get the same answer."""

    painted = Signal()  # once, just after the window first appears on screen

    def __init__(self, vault: Vault, clock: Clock, device_name: str | Phrase, parent: QWidget | None = None,
                 demo: bool = False, laptop: Laptop | None = None):
        super().__init__(parent)
        self.vault, self.clock = vault, clock
        self.member: StaffMember | None = None
        self.unreadable: str | None = None
        self._painted = False
        self._device_name: str | Phrase = device_name
        self._laptop = laptop
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.header = QLabel()
        self.languages = _language_choice(self._language_chosen)
        top.addWidget(self.header, 1)
        top.addWidget(self.languages)
        layout.addLayout(top)
        # Which laptop and whose ward, before the PIN: one of several at a nurses' station, or
        # one lent from another ward (services.this_laptop).
        # Two points over the text size, as the banner's mode line: a fixed 13 points stood under
        # the largest text's 20-point fields.
        self.laptop = styled(QLabel(), lambda: f"font-size: {points(2)}pt;")
        layout.addWidget(self.laptop)
        self.demo_hint = wrapped(QLabel())  # at 150 %, its one line made the window wider than the screen
        layout.addWidget(self.demo_hint)
        self.demo_hint.setVisible(demo)
        form = QFormLayout()
        self.staff_id = QLineEdit()
        self.pin = pin_field()
        self.staff_label, self.pin_label = QLabel(), QLabel()
        self.staff_label.setBuddy(self.staff_id)
        self.pin_label.setBuddy(self.pin)
        form.addRow(self.staff_label, self.staff_id)
        form.addRow(self.pin_label, self.pin)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()  # its buttons set apart: the constructor that takes them sets up
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)  # Qt's namespace, 30 ms
        self.sign_in_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.try_sign_in)
        self.staff_id.returnPressed.connect(lambda: self.pin.setFocus())
        self.pin.returnPressed.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._retranslate()
        self.staff_id.setFocus()
        fit_dialog(self)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("SignIn", "Downtime — sign in"))
        device = self._device_name.text(language()) if isinstance(self._device_name, Phrase) else self._device_name
        self.header.setText(translate("SignIn", "<b>DOWNTIME MODE</b> — {device}").format(device=device))
        self.languages.setAccessibleName(translate("SignIn", "Language"))
        self.laptop.setVisible(self._laptop is not None)
        if self._laptop is not None:
            said = laptop_said(self._laptop)
            self.laptop.setText(f"<b>{escape(said)}</b>")  # the name as typed at set-up, never markup
            self.laptop.setAccessibleName(said)
        self.demo_hint.setText(translate("SignIn", "Demo data: try <b>nurse</b> / PIN <b>1111</b> "
                                                   "(other demo accounts are listed in the README)."))
        self.staff_label.setText(translate("SignIn", "&Staff ID"))
        self.pin_label.setText(translate("SignIn", "&PIN"))
        self.sign_in_button.setText(translate("SignIn", "Sign in"))

    def _language_chosen(self) -> None:
        """The person at the keyboard picks their language before signing in; the laptop keeps it."""
        self._retranslate()
        self.staff_id.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.painted.emit)

    def set_details(self, device_name: Phrase, *, demo: bool, laptop: Laptop | None) -> None:
        """Which laptop and database this is; filled in once the app has loaded behind the
        window (the window shows first, with the file name)."""
        self._device_name, self._laptop = device_name, laptop
        self.demo_hint.setVisible(demo)
        self._retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Return belongs to the fields (next field, then sign in), not to a default button
        that would try an empty PIN and count a failed sign-in. Qt's namespace is imported here,
        not with the module: setting it up is 30 ms of the window's cold start."""
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def try_sign_in(self) -> None:
        from downtime.services import unlock
        from downtime.storage.connection import StorageError

        try:
            self.member = unlock.sign_in(self.vault, self.staff_id.text(), self.pin.text(), self.clock)
        except StorageError as problem:
            self.unreadable = str(problem)
            self.accept()
            return
        except Exception as problem:  # noqa: BLE001 (raised again unless the person can act on it)
            damaged = damage_cause(problem)
            if damaged is not None:
                # A bad page met by the sign-in's own reads and writes (its audit entry): the
                # check at the opening then finds it and offers the newest sound backup, where
                # this said "Unexpected error" (or nothing, the error raised at start-up).
                self.unreadable = translate("messages", damaged)
                self.accept()
                return
            self.error.setText(say(refusal_of(problem)))  # a wrong PIN; the database busy with an import
            self.pin.clear()
            self.pin.setFocus()
            return
        if self._pin_to_choose() and not self.choose_own_pin():
            self.member = None
            self.error.setText(translate("SignIn", "Your PIN is one an administrator set: choose your own to sign in."))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.accept()

    def _pin_to_choose(self) -> bool:
        from downtime.services.staff import pin_to_choose

        assert self.vault.db is not None and self.member is not None  # signed in
        return pin_to_choose(self.vault.db, self.member.staff_id)

    def choose_own_pin(self) -> bool:
        """The PIN just typed is one an administrator set (services.staff.pin_to_choose), which
        signs in only for its holder to choose their own, here, before the window opens (at the
        app's start as at the lock screen): with it, the administrator charted as the nurse.
        Whether they chose one."""
        from downtime.qt.change_pin import ChangePinDialog
        from downtime.services.context import Session, load_device

        assert self.vault.db is not None and self.member is not None  # signed in
        session = Session(self.vault.db, load_device(self.vault.db), self.member, {}, self.clock, language(),
                          vault=self.vault)
        return ChangePinDialog(session, self, current_pin=self.pin.text()).exec() == QDialog.DialogCode.Accepted


class FirstRunDialog(QDialog):
    """A new database: which laptop this is (from the downtime plan) and its administrator, in
    the language chosen at its top, which the laptop keeps; once set up, what to do next."""

    def __init__(self, path: Path, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.clock = path, clock
        self.vault: Vault | None = None
        layout = QVBoxLayout(self)
        self.languages = _language_choice(self._retranslate)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.languages)
        layout.addLayout(top)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.device_number = QSpinBox()
        # Blank until chosen: a box showing 1 was taken as it stood, and laptops set up in a
        # hurry were all device 1, their patients wearing the same downtime numbers.
        self.device_number.setRange(0, 999)
        self.device_name = QLineEdit()
        self.admin_id = QLineEdit()
        self.admin_name = QLineEdit()
        self.pin = pin_field()
        self.pin_again = pin_field()
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.labels, (self.device_number, self.device_name, self.admin_id, self.admin_name,
                                              self.pin, self.pin_again)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.encrypted = QCheckBox()
        self.encrypted.setChecked(True)
        form.addRow("", self.encrypted)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_setup)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._retranslate()
        fit_dialog(self)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("SignIn", "Downtime — set up this laptop"))
        self.languages.setAccessibleName(translate("SignIn", "Language"))
        self.intro.setText(translate("SignIn", "This database is new. Enter this laptop's device number from the hospital's "
                                       "downtime plan: no other laptop may have it, and every downtime number this "
                                       "laptop gives carries it for good (it keeps downtime numbers of different laptops apart; never set a laptop up "
                                       "with a copy of another's database). Then create the first administrator "
                                       "account."))
        self.device_number.setSpecialValueText(translate("SignIn", "choose 1-999"))
        self.device_name.setPlaceholderText(translate("SignIn", "e.g. Laptop 2, ward 3B"))
        for label, text in zip(self.labels, (translate("SignIn", "Device &number"), translate("SignIn", "Device n&ame"),
                                             translate("SignIn", "Administrator &staff ID"),
                                             translate("SignIn", "Administrator &full name"),
                                             translate("SignIn", "&PIN (4-12 digits)"), translate("SignIn", "PIN &again"))):
            label.setText(text)
        self.encrypted.setText(translate("SignIn", "&Encrypt the database (recommended: a stolen laptop then reveals nothing)"))
        self.error.setText("")

    def try_setup(self) -> None:
        if self.pin.text() != self.pin_again.text():
            self.error.setText(translate("SignIn", "The two PINs differ."))
            return
        from downtime.qt.prompts import Prompts
        from downtime.services import unlock

        if not self.encrypted.isChecked() and not Prompts.confirm(
                self, translate("SignIn", "Unencrypted database"),
                translate("SignIn", "Without encryption, anyone who takes this laptop can read every patient's record. "
                                    "Set it up unencrypted anyway?")):
            return
        try:
            self.vault, _ = unlock.create(self.path, encrypted=self.encrypted.isChecked(),
                                          device_number=self.device_number.value(),
                                          device_name=self.device_name.text(), admin_id=self.admin_id.text().strip(),
                                          admin_name=self.admin_name.text(), admin_pin=self.pin.text(),
                                          clock=self.clock)
        except UserError as problem:
            self.error.setText(say(problem))
            return
        from downtime.qt.prompts import Prompts

        Prompts.info(self, translate("SignIn", "This laptop is set up: next steps"), translate(
            "SignIn", "Sign in as {staff_id}, then on the Administration tab:\n"
                      "1. Staff: add a second administrator now, one on the ward (the nurse in charge). An agency "
                      "nurse arriving at night needs an account, and no one can reset the last administrator's "
                      "forgotten PIN.\n"
                      "2. Wards and beds: add the wards and their beds, or load the hospital's set-up file (This "
                      "laptop).\n"
                      "3. This laptop: give this laptop its ward, which its lists open on.").format(
            staff_id=self.admin_id.text().strip()))
        self.accept()

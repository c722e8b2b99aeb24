"""Administration, for administrators only: staff accounts, wards and their beds, the ward's
settings, the laptop's own number and name, and its retirement at the end of the outage. The command line does all of it too, but the person in charge of a ward laptop during
an outage has no terminal at hand when an agency nurse arrives at night and needs an account."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from downtime.domain.bounds import DAY_MINUTES, MOST_BACKUPS_KEPT, MOST_IDLE_LOCK_MINUTES
from downtime.domain.downtime_number import MAX_DEVICE, format_downtime_number
from downtime.domain.roles import ROLE_NAMES, Role
from downtime.i18n import QT_TR_NOOP, QT_TRANSLATE_NOOP, message
from downtime.qt.i18n import language, say, translate
from downtime.qt.prompts import Prompts
from downtime.qt.flow_row import FlowRow
from downtime.qt.screen_fit import Scrolled, wrapped_form
from downtime.qt.style import ErrorLabel
from downtime.qt.tables import TextTableModel, make_table
from downtime.qt.ward_choice import WardChoice
from downtime.qt.work import Work, waited_backup
from downtime.services import backups, drafts, retire, settings, setup, setup_file, staff, wards
from downtime.services.context import Session, load_device
from downtime.errors import UserError, refusal_of
from downtime.services.errors import ServiceError
from downtime.services.staff import StaffMember
from downtime.services.wards import Ward


class StaffModel(TextTableModel):
    columns = (QT_TR_NOOP("Staff ID"), QT_TR_NOOP("Name"), QT_TR_NOOP("Role"), QT_TR_NOOP("Account"))

    def texts(self, row: int) -> tuple[str, ...]:
        member: StaffMember = self.rows[row]
        return (member.staff_id, member.name, translate("Banner", ROLE_NAMES[member.role.value]),
                translate("AdminPanel", "active") if member.active else translate("AdminPanel", "deactivated"))


class WardsModel(TextTableModel):
    columns = (QT_TR_NOOP("Ward"), QT_TR_NOOP("Name"), QT_TR_NOOP("Beds"), QT_TR_NOOP("Bed names"))

    def texts(self, row: int) -> tuple[str, ...]:
        ward: Ward = self.rows[row]
        return ward.ward, ward.name, str(len(ward.beds)), wards.bed_ranges(ward.beds)


def _section(table: QWidget, form: QFormLayout, buttons: list[QPushButton]) -> QWidget:
    """A list above the form that adds to it, and its buttons, on to another line when narrow."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addLayout(wrapped_form(form))
    row = FlowRow()
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    return page


NO_ACCOUNT = QT_TRANSLATE_NOOP("AdminPanel", "Select an account in the list first.")
NO_WARD = QT_TRANSLATE_NOOP("AdminPanel", "Select a ward in the list first.")


def _named(member: StaffMember) -> str:
    """"Noémie Faure (ward nurse)", the role as the staff list says it."""
    return f"{member.name} ({translate('Banner', ROLE_NAMES[member.role.value])})"

_NUMBERS = ("late_after_minutes", "overdue_after_minutes", "idle_lock_minutes", "backup_every_minutes", "backup_keep")
_THIS_LAPTOP = ("device_number", "device_name", "laptop_ward")  # saved by their own buttons, not with the settings


class AdminPanel(QWidget):
    """`wards_changed` fires once a ward or beds are added, for the ward lists to read them;
    `settings_changed` once settings are saved, for this window's idle lock to follow;
    `device_changed` once the laptop's number or name is, for the banner to say it;
    `laptop_ward_changed` once the laptop's ward is, for the banner to say it and the lists to
    show it; `backed_up` (the file) and `backup_failed` (why) after Back up now, for the banner."""

    wards_changed = Signal()
    settings_changed = Signal()
    device_changed = Signal()
    laptop_ward_changed = Signal()
    backed_up = Signal(object)
    backup_failed = Signal(object)
    retired = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.said = QLabel()
        self.error = ErrorLabel()
        self.sections = QTabWidget()
        # Each section scrolled: the settings, their Save and Back up now buttons last, were taller
        # than a 1366×768 screen at 125 % (the window's 637 pixels to the screen's 582), the
        # buttons under the taskbar, out of reach.
        for page, title in ((self._staff_section(), translate("AdminPanel", "Staff")),
                            (self._wards_section(), translate("AdminPanel", "Wards and beds")),
                            (self._settings_section(), translate("AdminPanel", "Settings")),
                            (self._laptop_section(), translate("AdminPanel", "This laptop"))):
            self.sections.addTab(Scrolled(page), title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.said)
        layout.addWidget(self.error)

    def _staff_section(self) -> QWidget:
        self.staff = StaffModel()
        self.staff_table = make_table(self.staff, translate("AdminPanel", "Staff accounts"), lambda: None)
        form = QFormLayout()
        self.staff_id, self.staff_name = QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(translate("Banner", ROLE_NAMES[role.value]), role)
        self.pin, self.pin_again = QLineEdit(), QLineEdit()
        for secret in (self.pin, self.pin_again):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(translate("AdminPanel", "Staff &ID"), self.staff_id)
        form.addRow(translate("AdminPanel", "&Name"), self.staff_name)
        form.addRow(translate("AdminPanel", "R&ole"), self.role)
        form.addRow(translate("AdminPanel", "&PIN (4 to 12 digits)"), self.pin)
        form.addRow(translate("AdminPanel", "PIN a&gain"), self.pin_again)
        self.add_staff_button = QPushButton(translate("AdminPanel", "&Add the account"))
        self.add_staff_button.clicked.connect(self.add_staff)
        self.deactivate_button = QPushButton(translate("AdminPanel", "&Deactivate the selected account…"))
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.set_pin_button = QPushButton(translate("AdminPanel", "Give the selected account &this PIN (reactivates it)"))
        self.set_pin_button.clicked.connect(self.set_pin_of_selected)
        self.correct_button = QPushButton(translate("AdminPanel", "Correct the selected account: this name and ro&le…"))
        self.correct_button.clicked.connect(self.correct_selected)
        return _section(self.staff_table, form, [self.add_staff_button, self.deactivate_button, self.set_pin_button,
                                                 self.correct_button])

    def _wards_section(self) -> QWidget:
        self.wards = WardsModel()
        self.wards_table = make_table(self.wards, translate("AdminPanel", "Wards and their beds"), lambda: None)
        form = QFormLayout()
        self.ward_code, self.ward_name, self.beds = QLineEdit(), QLineEdit(), QLineEdit()
        self.beds.setPlaceholderText(translate("AdminPanel", "e.g. 1-20, 21A, 21B, Side room"))
        form.addRow(translate("AdminPanel", "Ward &code"), self.ward_code)
        form.addRow(translate("AdminPanel", "Ward na&me"), self.ward_name)
        form.addRow(translate("AdminPanel", "&Beds"), self.beds)
        self.add_ward_button = QPushButton(translate("AdminPanel", "Add the war&d"))
        self.add_ward_button.clicked.connect(self.add_ward)
        self.add_beds_button = QPushButton(translate("AdminPanel", "Add these beds to the &selected ward"))
        self.add_beds_button.clicked.connect(self.add_beds)
        return _section(self.wards_table, form, [self.add_ward_button, self.add_beds_button])

    def _settings_section(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.label_stock = QComboBox()
        self.label_stock.addItems(list(settings.LABEL_STOCKS))
        self.late, self.overdue, self.idle, self.every, self.keep = (QSpinBox() for _ in range(5))
        for box, most, suffix in ((self.late, DAY_MINUTES, " min"), (self.overdue, DAY_MINUTES, " min"),
                                  (self.idle, MOST_IDLE_LOCK_MINUTES, " min"), (self.every, DAY_MINUTES, " min"),
                                  (self.keep, MOST_BACKUPS_KEPT, "")):
            box.setRange(1, most)
            box.setSuffix(suffix)
        self.letter_contact = QLineEdit()
        self.letter_contact.setPlaceholderText(translate("AdminPanel", "e.g. Surgical admissions, 01 23 45 67 89, 9:00-17:00"))
        self.bank_holidays = QComboBox()
        for region, name in settings.BANK_HOLIDAY_REGIONS.items():
            self.bank_holidays.addItem(message(language(), name) + (f" ({region})" if region else ""), region)
        self.bank_holidays_kept = QLabel()
        self.bank_holidays_kept.setWordWrap(True)
        self.export_key = QLineEdit()
        self.export_key.setPlaceholderText(translate("AdminPanel", "age1… (printed by 'downtime keygen' at the records office)"))
        self.backup_folder = QLineEdit()
        choose = QPushButton(translate("AdminPanel", "&Browse…"))
        choose.clicked.connect(self._choose_backup_folder)
        folder = QHBoxLayout()
        folder.addWidget(self.backup_folder, 1)
        folder.addWidget(choose)
        form.addRow(translate("AdminPanel", "&Label sheets in the printer"), self.label_stock)
        form.addRow(translate("AdminPanel", "A dose is la&te after"), self.late)
        form.addRow(translate("AdminPanel", "A dose is &overdue after"), self.overdue)
        form.addRow(translate("AdminPanel", "Lock the screen when &idle for"), self.idle)
        form.addRow(translate("AdminPanel", "Whom &patients call (on their letters)"), self.letter_contact)
        form.addRow(translate("AdminPanel", "Bank holi&days (no post, safeguarding teams away)"), self.bank_holidays)
        form.addRow(self.bank_holidays_kept)
        form.addRow(translate("AdminPanel", "Records office's public ke&y (every export is encrypted to it)"),
                    self.export_key)
        folder_label = QLabel(translate("AdminPanel", "Backups &folder (e.g. a USB stick)"))
        folder_label.setBuddy(self.backup_folder)  # a row holding a layout gets no buddy of its own
        form.addRow(folder_label, folder)
        form.addRow(translate("AdminPanel", "Back up &every"), self.every)
        form.addRow(translate("AdminPanel", "Backups &kept"), self.keep)
        self.kept_reach = QLabel()
        self.kept_reach.setWordWrap(True)
        self.keep.valueChanged.connect(self._say_kept_reach)
        self._say_kept_reach(self.keep.value())
        form.addRow(self.kept_reach)
        self.save_settings_button = QPushButton(translate("AdminPanel", "&Save the settings"))
        self.save_settings_button.clicked.connect(self.save_settings)
        form.addRow(self.save_settings_button)
        form.addRow(self._backup_now_row())
        wrapped_form(form)
        self._fields: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {
            "label_stock": (self.label_stock.currentText, self.label_stock.setCurrentText),
            "backup_folder": (self.backup_folder.text, self.backup_folder.setText),
            "letter_contact": (self.letter_contact.text, self.letter_contact.setText),
            "export_key": (self.export_key.text, self.export_key.setText),
            "bank_holidays": (self.bank_holidays.currentData, self._choose_bank_holidays),
            **{key: (box.value, box.setValue)
               for key, box in zip(_NUMBERS, (self.late, self.overdue, self.idle, self.every, self.keep))}}
        self._shown: dict[str, Any] = {}  # each setting as last shown from the database
        return page

    def _backup_now_row(self) -> QVBoxLayout:
        """A backup made now (before the laptop goes to another ward, or the stick to the records
        office), the last one's time and file, and how to restore one: on the command line, the
        app closed, since the file in use cannot be put back under it."""
        rows = QVBoxLayout()
        self.back_up_button = QPushButton(translate("AdminPanel", "Ba&ck up now"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.last_backup = QLabel()
        self.last_backup.setWordWrap(True)
        line = QHBoxLayout()
        line.addWidget(self.back_up_button)
        line.addWidget(self.last_backup, 1)
        rows.addLayout(line)
        where = self.session.vault.path if self.session.vault is not None else translate("AdminPanel", "DATABASE")
        restore = QLabel(translate("AdminPanel", "To restore a backup, close the app, then run in a terminal: "
                                                 "downtime restore BACKUP-FILE --db {database} (the database file "
                                                 "must not exist: rename the damaged one first; the backup's .keys "
                                                 "file goes beside it).").format(database=where))
        restore.setWordWrap(True)
        restore.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows.addWidget(restore)
        return rows

    def _laptop_section(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        why = QLabel(translate("AdminPanel", "Every downtime number this laptop gives carries its device number. Change "
                                             "it only if another laptop has it too, or it was typed wrong: the patients "
                                             "registered from then on take the new number, and those numbered before "
                                             "keep theirs, as on their wristbands and forms."))
        why.setWordWrap(True)
        form.addRow(why)
        self.device_number = QSpinBox()
        self.device_number.setRange(1, MAX_DEVICE)
        self.device_name = QLineEdit()
        form.addRow(translate("AdminPanel", "Device &number"), self.device_number)
        form.addRow(translate("AdminPanel", "Device na&me"), self.device_name)
        self.change_device_button = QPushButton(translate("AdminPanel", "&Change the laptop's number or name"))
        self.change_device_button.clicked.connect(self.change_device)
        form.addRow(self.change_device_button)
        ward_why = QLabel(translate("AdminPanel", "The patient list, the medication round, the controlled drugs and the "
                                                  "NEWS2 escalations open on this laptop's ward; staff can still choose "
                                                  "another ward on each. None: a laptop of no ward (the records office's), "
                                                  "whose patient list and NEWS2 escalations open on all wards."))
        ward_why.setWordWrap(True)
        form.addRow(ward_why)
        self.laptop_ward = WardChoice(self.session, translate("AdminPanel", "None (all wards)"))
        form.addRow(translate("AdminPanel", "This la&ptop's ward"), self.laptop_ward)
        self.laptop_ward_button = QPushButton(translate("AdminPanel", "Set this lapt&op's ward"))
        self.laptop_ward_button.clicked.connect(self.set_laptop_ward)
        form.addRow(self.laptop_ward_button)
        shared = QLabel(translate("AdminPanel", "The wards, their beds and the settings are the same on every laptop of "
                                                "the hospital: save them to a file (a USB stick) on the first laptop set "
                                                "up, and load that file on each of the others. The device number and "
                                                "name, the laptop's ward, the staff and their PINs, and the backups folder "
                                                "are not in it."))
        shared.setWordWrap(True)
        form.addRow(shared)
        self.save_setup_button = QPushButton(translate("AdminPanel", "&Save the wards and settings to a file…"))
        self.save_setup_button.clicked.connect(self.save_setup_file)
        self.load_setup_button = QPushButton(translate("AdminPanel", "&Load a set-up file…"))
        self.load_setup_button.clicked.connect(self.load_setup_file)
        files = FlowRow()
        files.addWidget(self.save_setup_button)
        files.addWidget(self.load_setup_button)
        form.addRow(files)
        end = QLabel(translate("AdminPanel", "At the end of the outage, once everything is exported: retire the "
                                             "laptop. A whole export, encrypted to the records office's key, is made "
                                             "as its archive; then its database, key slots, backups and prints are "
                                             "removed, and the app closes."))
        end.setWordWrap(True)
        form.addRow(end)
        self.retire_button = QPushButton(translate("AdminPanel", "Ret&ire this laptop…"))
        self.retire_button.clicked.connect(self.retire_laptop)
        form.addRow(self.retire_button)
        wrapped_form(form)
        self._fields.update({"device_number": (self.device_number.value, self.device_number.setValue),
                             "device_name": (self.device_name.text, self.device_name.setText),
                             "laptop_ward": (self.laptop_ward.currentData, self.laptop_ward.choose)})
        return page

    def refresh(self) -> None:
        """Read again after any save in the window or here. A setting typed and not yet saved
        stays as typed (adding an account, or admitting a patient on another tab, used to put
        back what is stored, silently); every other one shows what is stored."""
        db = self.session.db
        self.staff.set_rows(staff.list_staff(db))
        self.wards.set_rows(wards.wards(db))
        stored = {"label_stock": settings.get(db, "label_stock"), "backup_folder": str(backups.folder(db)),
                  "letter_contact": settings.get(db, "letter_contact"), "export_key": settings.get(db, "export_key"),
                  "bank_holidays": settings.get(db, "bank_holidays"),
                  **{key: int(settings.get(db, key)) for key in _NUMBERS}}
        found = backups.last_made(db)
        self.last_backup.setText(translate("AdminPanel", "Last backup: {when}, {file}").format(
            when=f"{found[0]:%d/%m/%Y %H:%M}", file=found[1]) if found else translate(
            "AdminPanel", "No backup made yet."))
        device = load_device(db)
        stored.update(device_number=device.device_number, device_name=device.name,
                      laptop_ward=settings.laptop_ward(db))
        for key, value in stored.items():
            shown, show = self._fields[key]
            if key not in self._shown or shown() == self._shown[key]:
                show(value)
                self._shown[key] = value

    def _settings_saved(self, keys: tuple[str, ...]) -> None:
        self._shown.update({key: self._fields[key][0]() for key in keys})

    def _done(self, text: str) -> None:
        self.error.setText("")
        self.said.setText(text)
        self.refresh()

    def _refused(self, problem: UserError | str) -> None:
        self.said.setText("")
        self.error.setText(problem if isinstance(problem, str) else say(problem))

    def _chosen(self, table: QTableView, missing: str) -> QModelIndex | None:
        """The line chosen in a list, or None once the administrator is told to choose one (the
        button used to do nothing at all, a PIN or beds typed for it)."""
        index = table.currentIndex()
        if index.isValid():
            return index
        self._refused(translate("AdminPanel", missing))
        return None

    def _pin_typed_twice(self) -> bool:
        if self.pin.text() == self.pin_again.text():
            return True
        self._refused(translate("AdminPanel", "PIN: the two PINs typed differ; type them again."))
        self.pin.clear()
        self.pin_again.clear()
        return False

    def add_staff(self) -> StaffMember | None:
        if not self._pin_typed_twice():
            return None
        try:
            member = self._added(self.staff_id.text().strip(), self.staff_name.text().strip(),
                                 Role(self.role.currentData()), self.pin.text())
        except ServiceError as problem:
            self._refused(problem)
            return None
        for edit in (self.staff_id, self.staff_name, self.pin, self.pin_again):
            edit.clear()
        self._done(translate("AdminPanel", "Account {staff_id} added for {name}: they sign in with their PIN.").format(
            staff_id=member.staff_id, name=member.name))
        return member

    def _added(self, staff_id: str, name: str, role: Role, pin: str) -> StaffMember:
        """The account added, once the administrator has said the new person is someone else
        when an account of that name exists (staff.SameNameFound): the same person added again
        split their care over two staff IDs. Answered No, the refusal stays said, and the PIN
        typed, for the existing account instead."""
        try:
            return staff.add_staff(self.session, staff_id, name, role, pin)
        except staff.SameNameFound as found:
            if not Prompts.confirm(self, translate("AdminPanel", "An account of that name exists"), "{}\n\n{}".format(
                    say(found), translate("AdminPanel", "Add {staff_id} for someone else named {name}?").format(
                        staff_id=staff_id, name=name))):
                raise
            return staff.add_staff(self.session, staff_id, name, role, pin, same_name=True)

    def correct_selected(self) -> StaffMember | None:
        """A name or role typed wrong (a nurse added as a doctor could write orders): the selected
        account takes the role above and the name above (left empty: kept), once the
        administrator, shown the old and the new, gives the reason the audit log keeps."""
        index = self._chosen(self.staff_table, NO_ACCOUNT)
        if index is None:
            return None
        typed = self.staff_name.text().strip()
        try:
            old, new = staff.check_correction(self.session, self.staff.rows[index.row()].staff_id,
                                              name=typed or None, role=Role(self.role.currentData()))
            reason = Prompts.reason(self, translate("AdminPanel", "Correct an account"), translate(
                "AdminPanel", "{staff_id}: {old} becomes {new}, on every screen and print of what they recorded. "
                              "Why (what was typed wrong)?").format(staff_id=old.staff_id, old=_named(old), new=_named(new)))
            if reason is None:
                return None
            member = staff.correct_staff(self.session, old.staff_id, reason, name=new.name, role=new.role)
        except ServiceError as problem:
            self._refused(problem)
            return None
        self.staff_name.clear()
        self._done(message(language(), staff.CORRECTED, staff_id=member.staff_id, name=member.name,
                           role=staff.RoleSaid(member.role)))
        return member

    def set_pin_of_selected(self) -> StaffMember | None:
        """A forgotten PIN, or someone back after their account was deactivated: the PIN typed
        twice above becomes theirs, under their own staff ID."""
        index = self._chosen(self.staff_table, NO_ACCOUNT)
        if index is None or not self._pin_typed_twice():
            return None
        try:
            member = staff.set_pin(self.session, self.staff.rows[index.row()].staff_id, self.pin.text())
        except ServiceError as problem:
            self._refused(problem)
            return None
        self.pin.clear()
        self.pin_again.clear()
        self._done(translate("AdminPanel", "{name} ({staff_id}) signs in with the new PIN once, to choose their own.").format(
            name=member.name, staff_id=member.staff_id))
        return member

    def deactivate_selected(self) -> bool:
        index = self._chosen(self.staff_table, NO_ACCOUNT)
        if index is None:
            return False
        member: StaffMember = self.staff.rows[index.row()]
        if not member.active:
            self._refused(translate("AdminPanel", "Account {staff_id} is already deactivated.").format(
                staff_id=member.staff_id))
            return False
        question = translate("AdminPanel", "{name} ({staff_id}) will no longer sign in; their records stay. Deactivate?")
        if not Prompts.confirm(self, translate("AdminPanel", "Deactivate an account"), self._unsaved_said(member)
                               + question.format(name=member.name, staff_id=member.staff_id)):
            return False
        try:
            staff.deactivate_staff(self.session, member.staff_id)
        except ServiceError as problem:
            self._refused(problem)
            return False
        self._done(translate("AdminPanel", "Account {staff_id} deactivated.").format(staff_id=member.staff_id))
        return True

    def _unsaved_said(self, member: StaffMember) -> str:
        """What the account leaves unsaved, ahead of the question (see drafts.waiting): only its
        owner can open a draft, and a deactivation said nothing of them, stranding a dose given
        and never charted, or an admission on no census, so the administrator asks them first."""
        left = drafts.waiting(self.session.db, self.session.forms, member.staff_id)
        if not left:
            return ""
        return translate("AdminPanel", "{count} unsaved form(s): {forms}. Only {name} can open them: ask them to save "
                                       "them first.").format(
            count=len(left), forms=drafts.listed(left, self.session.forms, language(), self.session.clock()),
            name=member.name) + "\n\n"

    def _beds_seen(self, question: str, beds: list[str], **values: str) -> bool:
        """Beds are never removed: "1-200" typed for "1-20" put 180 empty beds on every census
        of the ward for good, said only once made. The administrator sees the list first."""
        shown = ", ".join(beds) if len(beds) <= 12 else f"{', '.join(beds[:5])} … {', '.join(beds[-3:])}"
        return Prompts.confirm(self, translate("AdminPanel", "Add beds"), "{}\n{}".format(
            question.format(count=len(beds), beds=shown, **values), translate("AdminPanel", "Beds cannot be removed later.")))

    def add_ward(self) -> Ward | None:
        try:
            code, name, beds = wards.check_new_ward(self.session, self.ward_code.text(), self.ward_name.text(),
                                                    wards.parse_beds(self.beds.text()))
            if not self._beds_seen(translate("AdminPanel", "Add ward {ward} ({name}) with {count} beds: {beds}?"), beds,
                                   ward=code, name=name):
                return None
            ward = wards.add_ward(self.session, code, name, beds)
        except ServiceError as problem:
            self._refused(problem)
            return None
        for edit in (self.ward_code, self.ward_name, self.beds):
            edit.clear()
        self._done(translate("AdminPanel", "Ward {ward} added with {beds} beds.").format(ward=ward.ward, beds=len(ward.beds)))
        self.wards_changed.emit()
        return ward

    def add_beds(self) -> Ward | None:
        index = self._chosen(self.wards_table, NO_WARD)
        if index is None:
            return None
        chosen = self.wards.rows[index.row()].ward
        try:
            beds = wards.check_new_beds(self.session, chosen, wards.parse_beds(self.beds.text()))
            if not self._beds_seen(translate("AdminPanel", "Add {count} beds to ward {ward}: {beds}?"), beds, ward=chosen):
                return None
            ward = wards.add_beds(self.session, chosen, beds)
        except ServiceError as problem:
            self._refused(problem)
            return None
        self.beds.clear()
        self._done(translate("AdminPanel", "Ward {ward} now has {beds} beds.").format(ward=ward.ward, beds=len(ward.beds)))
        self.wards_changed.emit()
        return ward

    def _say_kept_reach(self, keep: int) -> None:
        """Beside "Backups kept", as it is typed: the number alone read as all that is kept, and the
        default 10 every 15 minutes as two and a half hours of the outage."""
        self.kept_reach.setText(backups.kept_said(keep, language()))

    def _choose_bank_holidays(self, region: str) -> None:
        """The region stored, added to the choice when set on the command line to one the tab
        does not offer (`settings.BANK_HOLIDAY_REGIONS`), and what it keeps said below it."""
        if self.bank_holidays.findData(region) < 0:
            self.bank_holidays.addItem(region, region)
        self.bank_holidays.setCurrentIndex(self.bank_holidays.findData(region))
        self.bank_holidays_kept.setText(settings.bank_holidays_said(self.session.db, self.session.clock().date(), language()))

    def _choose_backup_folder(self) -> None:
        chosen = Prompts.choose_folder(self, translate("AdminPanel", "Backups folder"))
        if chosen is not None:
            self.backup_folder.setText(str(chosen))

    def save_settings(self) -> bool:
        try:
            settings.save_all(self.session, label_stock=self.label_stock.currentText(),
                              late_after_minutes=self.late.value(), overdue_after_minutes=self.overdue.value(),
                              idle_lock_minutes=self.idle.value(), letter_contact=self.letter_contact.text(),
                              backup_folder=Path(self.backup_folder.text().strip()),
                              backup_every_minutes=self.every.value(), backup_keep=self.keep.value(),
                              export_key=self.export_key.text(), bank_holidays=self.bank_holidays.currentData())
        except ServiceError as problem:
            self._refused(problem)
            return False
        self._settings_saved(tuple(key for key in self._fields if key not in _THIS_LAPTOP))
        self._done(translate("AdminPanel", "Settings saved."))
        self.settings_changed.emit()
        return True

    def back_up_now(self) -> Path | None:
        """On a thread of its own behind the busy dialog: a records office's 2 GB take 22 s.
        Not while an import, an export or another backup holds the database."""
        if Work.holding_the_database():
            self._refused(translate("AdminPanel", "An import, an export or a backup is under way: back up once it "
                                                  "has ended."))
            return None
        try:
            made = waited_backup(self.session, "manual", translate("AdminPanel", "Backing up the database…"))
        except Exception as problem:  # noqa: BLE001 (raised again unless the person can act on it)
            refusal = refusal_of(problem)
            self._refused(refusal)
            self.backup_failed.emit(refusal)
            return None
        self._done(translate("AdminPanel", "Backed up to {file}.").format(file=made))
        self.backed_up.emit(made)
        return made

    def change_device(self) -> bool:
        """A new number is asked about first: it cannot be taken back from the patients
        registered under it."""
        before, number = self.session.device.device_number, self.device_number.value()
        if number != before and not Prompts.confirm(self, translate("AdminPanel", "Change the device number"), translate(
                "AdminPanel", "Make this laptop device {number}? Patients registered from now on are numbered {new}…; "
                              "those numbered before keep theirs ({old}…).\nNo other laptop may have device number "
                              "{number}: check the hospital's list.").format(
                number=number, new=format_downtime_number(number, 1)[:7], old=format_downtime_number(before, 1)[:7])):
            return False
        try:
            setup.change_device(self.session, number=number, name=self.device_name.text())
        except ServiceError as problem:
            self._refused(problem)
            return False
        self._settings_saved(("device_number", "device_name"))
        self._done(translate("AdminPanel", "This laptop is now {name} (device {number}).").format(
            name=self.session.device.name, number=self.session.device.device_number))
        self.device_changed.emit()
        return True

    def set_laptop_ward(self) -> bool:
        try:
            ward = settings.set_laptop_ward(self.session, self.laptop_ward.currentData() or "")
        except ServiceError as problem:
            self._refused(problem)
            return False
        self._settings_saved(("laptop_ward",))
        self._done(settings.laptop_ward_said(ward, language()))
        self.laptop_ward_changed.emit()
        return True

    def save_setup_file(self) -> Path | None:
        folder = Prompts.choose_folder(self, translate("AdminPanel", "Folder to save the set-up in (a USB stick)"))
        if folder is None:
            return None
        path = folder / setup_file.FILE_NAME
        if path.exists() and not Prompts.confirm(self, translate("AdminPanel", "Save the set-up"), translate(
                "AdminPanel", "{path} is there already. Replace it with this laptop's set-up?").format(path=path)):
            return None
        try:
            setup_file.save(self.session, path)
        except UserError as problem:
            self._refused(problem)
            return None
        self._done(translate("AdminPanel", "Set-up saved to {path}: load it on each other laptop (Administration, "
                                           "This laptop).").format(path=path))
        return path

    def retire_laptop(self) -> retire.Retired | None:
        """What stands in the way is said before anything is asked; then the archive's folder,
        then Yes to what goes. Not while an import, an export or a backup holds the database."""
        if Work.holding_the_database():
            self._refused(translate("AdminPanel", "An import, an export or a backup is under way: retire the laptop "
                                                  "once it has ended."))
            return None
        device = self.session.device
        try:
            retire.check(self.session, device.device_number)
        except ServiceError as problem:
            self._refused(problem)
            return None
        folder = Prompts.choose_folder(self, translate("AdminPanel", "Folder for the laptop's archive (the records "
                                                                     "office's stick)"))
        if folder is None:
            return None
        archive = folder / f"downtime-archive-{device.device_number:03d}-{self.session.clock():%Y%m%d-%H%M%S}"
        if not Prompts.confirm(self, translate("AdminPanel", "Retire this laptop"), translate(
                "AdminPanel", "Retire {name} (device {number})? Its archive is made in {archive}; then its backups "
                              "in {backups}, its prints and, last, its database and its key slots are removed, for "
                              "good, and the app closes.").format(name=device.name, number=device.device_number, archive=archive,
                                                    backups=backups.folder(self.session.db))):
            return None
        try:
            done = retire.retire(self.session, archive, device.device_number)
        except ServiceError as problem:
            self._refused(problem)
            return None
        Prompts.info(self, translate("AdminPanel", "Laptop retired"), translate(
            "AdminPanel", "Archived to {archive} (every file encrypted): keep it with the hospital's records. "
                          "{count} file(s) removed. At the next outage, set device {number} up with --first-number "
                          "{first}: the numbers before it are on earlier patients' wristbands.").format(
            archive=done.archive.folder, count=len(done.removed), number=done.device_number,
            first=done.next_first_number))
        self.retired.emit(done)
        return done

    def load_setup_file(self) -> bool:
        """What the file changes is shown first, and written only on Yes: beds are never removed."""
        path = Prompts.choose_file(self, translate("AdminPanel", "Set-up file to load"),
                                   translate("AdminPanel", "Set-up files (*.yaml)"))
        if path is None:
            return False
        try:
            plan = setup_file.read(self.session, path)
            if plan.changes and not Prompts.confirm(self, translate("AdminPanel", "Load the set-up"), translate(
                    "AdminPanel", "Loading {path} here:\n{changes}\n\nLoad it?").format(
                    path=path, changes="\n".join(f"• {line}" for line in plan.lines(self.session.lang)))):
                return False
            setup_file.load(self.session, plan)
        except UserError as problem:
            self._refused(problem)
            return False
        self._done("\n".join(plan.lines(self.session.lang)))
        self.wards_changed.emit()
        self.settings_changed.emit()
        return True

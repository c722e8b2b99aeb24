"""The ward's controlled-drug register: each drug's balance, and its page (every receipt,
dose, withdrawn dose, wastage, supply to take home, count and discrepancy, with its witness and
the balance it left). A nurse enters stock received, stock supplied to a patient going home and
the cupboard's count here, each witnessed by a second clinician's PIN: the count when the outage
starts is what the app's register opens with, since a controlled drug is given only from stock
the register holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from downtime.domain.census import StayStatus
from downtime.formspec.messages import message as field_message
from downtime.formspec.values import ParseError, parse_decimal
from downtime.i18n import QT_TR_NOOP, decimal_text
from downtime.qt.dialog_life import open_until_closed
from downtime.qt.dose_dialog import NO_WITNESS_PIN, clear_pins, pin_box, witness_keys
from downtime.qt.flow_row import FlowRow
from downtime.qt.i18n import language, say, translate, word
from downtime.qt.prompts import Prompts
from downtime.qt.screen_fit import Scrolled, fit_dialog, wrapped
from downtime.qt.style import ErrorLabel
from downtime.qt.tables import Index, TextTableModel, make_table, print_and_open
from downtime.qt.ward_choice import ward_choice
from downtime.services import cd_register, printing
from downtime.services.context import Session
from downtime.services.errors import ServiceError, SignInError
from downtime.services.cd_register import RegisterLine, Stock
from downtime.services.patients import PatientSummary
from downtime.services.staff import list_staff

KINDS = {"receipt": QT_TR_NOOP("Received"), "administration": QT_TR_NOOP("Dose given"),
         "withdrawal": QT_TR_NOOP("Dose withdrawn (entered in error)"), "correction": QT_TR_NOOP("Count correction"),
         "count": QT_TR_NOOP("Count checked, correct: {balance} {unit}"),
         "opening": QT_TR_NOOP("Opening count: {balance} {unit}"),
         "discrepancy": QT_TR_NOOP("DISCREPANCY: {balance} {unit} counted, {register} {unit} on the register"),
         "wastage": QT_TR_NOOP("Discarded, from the dose of {given}"),
         "supply": QT_TR_NOOP("Supplied to {patient} to take home"),
         "reconciled": QT_TR_NOOP("Reconciled: the count of {counted} already reflected the dose of {given}"),
         cd_register.STRUCK: QT_TR_NOOP("ENTERED IN ERROR: the line of {struck_at} struck out")}

EntryT = TypeVar("EntryT", bound="_WitnessedEntry")


class StockModel(TextTableModel):
    columns = (QT_TR_NOOP("Drug"), QT_TR_NOOP("Unit"), QT_TR_NOOP("Balance"))

    def texts(self, row: int) -> tuple[str, ...]:
        stock: Stock = self.rows[row]
        return stock.drug, stock.unit, decimal_text(stock.balance, language())


def entry_words(line: RegisterLine, unit: str, zone: tzinfo | None) -> str:
    """A line's "Entry", as its page on screen and the lines offered to mark entered in error say
    it, its times on the ward's clock (`zone`, see RegisterLine.entry_times)."""
    return word(KINDS.get(line.kind, line.kind)).format(
        balance=decimal_text(line.balance, language()), unit=unit,
        register=decimal_text(line.balance - line.change, language()), patient=line.patient or "",
        **line.entry_times(zone))


class LinesModel(TextTableModel):
    """In the order written, as the paper register's page, the balance on its last line; a dose
    is dated by its giving, and by its writing too when charted late; a withdrawn dose's line by
    the dose's giving and its withdrawal (RegisterLine.when_texts)."""

    columns = (QT_TR_NOOP("When"), QT_TR_NOOP("Entry"), QT_TR_NOOP("Quantity"), QT_TR_NOOP("Balance"),
               QT_TR_NOOP("By"), QT_TR_NOOP("Witness"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Note"))

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}
        self.unit = ""
        self.zone: tzinfo | None = None

    def load(self, lines: list[RegisterLine], names: dict[str, str], unit: str = "", zone: tzinfo | None = None
             ) -> None:
        """`zone`: the ward's clock's, read at each load, whose times the page shows (RegisterLine.when_texts)."""
        self.names, self.unit, self.zone = names, unit, zone
        self.set_rows(lines)

    def texts(self, row: int) -> tuple[str, ...]:
        line: RegisterLine = self.rows[row]
        when, written = line.when_texts(self.zone)
        if written and line.kind == "withdrawal":
            when = translate("CdRegisterPanel", "{when} (withdrawn {written})").format(when=when, written=written)
        elif written:
            when = translate("CdRegisterPanel", "{when} (written {written})").format(when=when, written=written)
        entry = entry_words(line, self.unit, self.zone)
        if line.struck is not None:
            entry = translate("CdRegisterPanel", "{entry} — ENTERED IN ERROR: {reason}").format(entry=entry,
                                                                                               reason=line.struck)
        return (when, entry, "" if line.kind == "count" else decimal_text(line.change, language(), signed=True),
                decimal_text(line.balance, language()), line.by_text(self.names, language()), line.witness_text(self.names, language(), self.zone),
                line.patient_text(), line.note or "")

    def is_warning(self, row: int, column: int) -> bool:
        """A discrepancy stands out on the page, to be investigated, as no routine line is; so do
        a line entered in error and the line marking it."""
        line: RegisterLine = self.rows[row]
        return line.kind in ("discrepancy", cd_register.STRUCK) or line.struck is not None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A line entered in error struck through, as on the paper register, and kept; its entry,
        which says why, left to read."""
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() != 1 \
                and self.rows[index.row()].struck is not None:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return super().data(index, role)


class CdRegisterPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        controls, self.ward = ward_choice(session, self.refresh)
        controls.addStretch(1)
        layout.addLayout(controls)
        self.stock = StockModel()
        self.stock_table = make_table(self.stock, translate("CdRegisterPanel", "Controlled drugs and their balances"),
                                      self.show_page)
        self.stock_table.selectionModel().currentRowChanged.connect(lambda current, previous: self.show_page())
        layout.addWidget(self.stock_table, 1)
        self.page_title = wrapped(QLabel())  # a long drug name, or the French of no drug yet, wider than a laptop's screen
        layout.addWidget(self.page_title)
        self.lines = LinesModel()
        self.lines_table = make_table(self.lines, translate("CdRegisterPanel", "The drug's page of the register"),
                                      lambda: None)
        layout.addWidget(self.lines_table, 2)
        buttons = FlowRow()  # on to a second line when narrow: on one, 1,150 pixels in French at the largest text
        self.receive_button = QPushButton(translate("CdRegisterPanel", "&Stock received…"))
        self.receive_button.clicked.connect(lambda: self.enter(counted=False))
        self.count_button = QPushButton(translate("CdRegisterPanel", "Cupboard &count…"))
        self.count_button.clicked.connect(lambda: self.enter(counted=True))
        self.waste_button = QPushButton(translate("CdRegisterPanel", "Record wasta&ge…"))
        self.waste_button.clicked.connect(self.record_wastage)
        self.supply_button = QPushButton(translate("CdRegisterPanel", "Supplied &to take home…"))
        self.supply_button.clicked.connect(self.record_supply)
        self.strike_button = QPushButton(translate("CdRegisterPanel", "Mark line entered in &error…"))
        self.strike_button.clicked.connect(self.strike_line)
        signing = (self.receive_button, self.count_button, self.waste_button, self.supply_button, self.strike_button)
        for button in signing:
            buttons.addWidget(button)
        self.print_button = QPushButton(translate("CdRegisterPanel", "&Print this page"))
        self.print_button.clicked.connect(self.print_page)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        # Hidden once in the panel: shown before, each button was a window of its own, for an instant.
        for button in signing:
            button.setVisible(cd_register.signs_register(session.user))  # a nurse's or a doctor's, never a student's
        self.dialog: CdEntryDialog | WastageDialog | SupplyDialog | StrikeDialog | None = None

    def refresh(self) -> None:
        chosen = self.selected()
        ward = self.ward.currentText()
        found = cd_register.cd_stock(self.session.db, self.session.forms, ward) if ward else []
        self.stock.set_rows(found)
        keep = next((row for row, stock in enumerate(found) if chosen and (stock.drug, stock.unit) == (chosen.drug, chosen.unit)), 0)
        if found:
            self.stock_table.selectRow(keep)
        self.show_page()

    def selected(self) -> Stock | None:
        index = self.stock_table.currentIndex()
        return self.stock.rows[index.row()] if index.isValid() and index.row() < len(self.stock.rows) else None

    def show_page(self) -> None:
        stock = self.selected()
        if stock is None:
            self.page_title.setText(translate("CdRegisterPanel", "No controlled drug on this ward's register or orders yet."))
            self.lines.load([], {})
            return
        self.page_title.setText(translate("CdRegisterPanel", "<b>{drug} ({unit})</b>: balance {balance}").format(
            drug=stock.drug, unit=stock.unit, balance=decimal_text(stock.balance, language())))
        self.lines.load(cd_register.cd_lines(self.session.db, self.session.forms, self.ward.currentText(), stock.drug, stock.unit),
                        {member.staff_id: member.name for member in list_staff(self.session.db)}, stock.unit,
                        self.session.clock().tzinfo)
        self.lines_table.scrollToBottom()

    def print_page(self) -> Path | None:
        """The drug's page on paper, with empty lines to carry on by hand if the laptop goes."""
        stock, ward = self.selected(), self.ward.currentText()
        if stock is None:
            return None
        return print_and_open(self, self.session, lambda own, out: printing.print_cd_page(own, ward, stock.drug, stock.unit, out),
                              "cd-register")

    def enter(self, counted: bool) -> CdEntryDialog | None:
        if not self.ward.currentText():
            return None
        return self._open(CdEntryDialog(self.session, self.ward.currentText(), self.stock.rows, self.selected(), counted,
                                        self))

    def record_wastage(self) -> WastageDialog | None:
        """What was left of an ampoule after one of the selected drug's recent doses."""
        stock, ward = self.selected(), self.ward.currentText()
        if stock is None or not ward:
            return None
        return self._open(WastageDialog(self.session, stock, cd_register.cd_doses_to_waste(
            self.session, ward, stock.drug, stock.unit), self))

    def record_supply(self) -> SupplyDialog | None:
        """The selected drug supplied to a patient of the ward to take home."""
        stock, ward = self.selected(), self.ward.currentText()
        if stock is None or not ward:
            return None
        return self._open(SupplyDialog(self.session, ward, stock, cd_register.cd_supply_patients(
            self.session.db, self.session.forms, ward), self))

    def strike_line(self) -> StrikeDialog | None:
        """A line of the selected page written in error, marked so with a reason and a witness."""
        stock, ward = self.selected(), self.ward.currentText()
        if stock is None or not ward:
            return None
        return self._open(StrikeDialog(self.session, stock, cd_register.cd_lines_to_strike(
            self.session.db, self.session.forms, ward, stock.drug, stock.unit), self))

    def _open(self, dialog: EntryT) -> EntryT:
        self.dialog = dialog
        dialog.accepted.connect(self.refresh)
        return open_until_closed(dialog, self._closed)

    def _closed(self) -> None:
        self.dialog = None


class _WitnessedEntry(QDialog):
    """A line of the register typed by a nurse: a quantity, a note, and a second clinician's
    staff ID and PIN; `write` (each dialog's own service call) writes it and returns the new
    balance."""

    def __init__(self, session: Session, write: Callable[[float, tuple[str, str], str | None], float],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._write = write
        self.quantity = QLineEdit()
        self.note = QLineEdit()
        self.witness_id = QLineEdit()
        self.witness_pin = pin_box()
        self.error = ErrorLabel(only_when_said=True)
        self.save_button = QPushButton(translate("CdEntryDialog", "&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

    def _lay_out(self, form: QFormLayout, note: str | None = None) -> QVBoxLayout:
        """The entry's own rows, then the note (`note`: its label, when not "Note") and the witness,
        scrolled where the screen is short of room, the message and Save kept in sight under them:
        at the largest text on a laptop at 150 % the wastage's dose, shown whole, was squeezed,
        cut through its first line."""
        self._form = form
        form.addRow(note or translate("CdEntryDialog", "N&ote"), self.note)
        form.addRow(translate("CdEntryDialog", "&Witness staff ID"), self.witness_id)
        form.addRow(translate("CdEntryDialog", "Witness &PIN"), self.witness_pin)
        rows = QWidget()
        rows.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(Scrolled(rows), 1)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button)
        return layout

    def locked(self) -> None:
        """The laptop locked over the entry (see dose_dialog.LockAware): its witness signs again at
        Save, as a dose's does; their PIN typed before the lock signed a count an hour later."""
        clear_pins(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if not witness_keys(event, self.witness_id, self.witness_pin):
            super().keyPressEvent(event)

    def _refusal(self, quantity: float) -> tuple[str, QWidget] | None:
        """What is wrong with the entry before the witness is tried, if anything, and the box to
        put it right in, which takes the keyboard: it stayed on the witness's PIN."""
        return None

    def _confirmed(self, quantity: float) -> bool:
        """Whether the nurse, asked what the entry would write, goes on (nothing asked by default)."""
        return True

    def _quantity(self) -> float | None:
        """The entry's quantity as typed, None (said) when it is no number. A count of "10.000" mL
        is named by its box with both its readings, as a form's box names them: told to write a
        number, the nurse who had could not tell what to change."""
        try:
            return parse_decimal(self.quantity.text())
        except ParseError as problem:
            if problem.key == "zeros_after_the_point":
                box = self._form.labelForField(self.quantity).text().replace("&", "")
                self.error.setText(field_message(problem.key, language(), box, problem.limit))
            else:
                self.error.setText(translate("CdEntryDialog", "Quantity: write a number, e.g. 20 or 2,5."))
            self.quantity.setFocus()
            return None

    def save(self) -> float | None:
        """The new balance, once written."""
        if (quantity := self._quantity()) is None:
            return None
        if refused := self._refusal(quantity):
            said, box = refused
            self.error.setText(said)
            box.setFocus()
            return None
        if not self.witness_pin.text():
            self.error.setText(translate("messages", NO_WITNESS_PIN))  # not tried: a failed sign-in of theirs
            self.witness_pin.setFocus()
            return None
        if not self._confirmed(quantity):
            return None
        try:
            balance = self._write(quantity, (self.witness_id.text(), self.witness_pin.text()),
                                  self.note.text().strip() or None)
        except ServiceError as problem:
            self.error.setText(say(problem))
            self.witness_pin.clear()
            self._refused_box(problem).setFocus()
            return None
        self.accept()
        return balance

    def _refused_box(self, problem: ServiceError) -> QWidget:
        """The box to put right what the register refused: the witness's (their ID, their PIN
        when it was a wrong one) for a refusal of the witness, otherwise the quantity, which the
        register's other refusals are about (nothing discarded, more than the dose left, a
        balance below nought): the keyboard stayed on the PIN, cleared."""
        if isinstance(problem, SignInError):
            return self.witness_pin
        named = cd_register.WITNESS
        if problem.template in (named.needed, named.same_person, named.not_clinician, named.not_signer) \
                or "staff_id" in problem.values:  # "No staff account {staff_id}."
            return self.witness_id
        return self.quantity


class CdEntryDialog(_WitnessedEntry):
    """Stock received (a quantity added), or the cupboard's count (the quantity found: the page's
    opening count, the count written as checked, correct, or a discrepancy, reported)."""

    def __init__(self, session: Session, ward: str, known: list[Stock], chosen: Stock | None, counted: bool,
                 parent: QWidget | None = None):
        super().__init__(session, self._entered, parent)
        self.ward, self.counted = ward, counted
        self.setWindowTitle(translate("CdEntryDialog", "Cupboard count") if counted
                            else translate("CdEntryDialog", "Stock received"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.drug = QComboBox()
        self.drug.setEditable(True)
        self.drug.addItems(sorted({stock.drug for stock in known}, key=str.casefold))
        self.drug.setCurrentText(chosen.drug if chosen else "")
        self.unit = QLineEdit(chosen.unit if chosen else "")
        self.known = known
        self.new_page: tuple[str, str] | None = None  # the drug and unit the nurse said open a new page
        self.reported: str | None = None  # who was told of the count's discrepancy, as the nurse answered
        self.drug.currentTextChanged.connect(self._unit_of)
        form.addRow(translate("CdEntryDialog", "&Drug"), self.drug)
        form.addRow(translate("CdEntryDialog", "&Unit"), self.unit)
        form.addRow(translate("CdEntryDialog", "&Counted in the cupboard") if counted
                    else translate("CdEntryDialog", "&Quantity received"), self.quantity)
        self._lay_out(form)
        (self.quantity if chosen else self.drug).setFocus()

    def _unit_of(self, drug: str) -> None:
        """A drug chosen from the list is counted in its page's unit: the count of morphine
        opened from the fentanyl page kept "microgram" and opened a page of its own."""
        units = [stock.unit for stock in self.known if stock.drug == drug.strip()]
        if units:
            self.unit.setText(units[0])

    def save(self) -> float | None:
        """Written on the drug's page, asked first when the drug and unit are on none; No goes back
        to the drug as typed."""
        if not self._on_its_page():
            self.drug.setFocus()
            return None
        return super().save()

    def _on_its_page(self) -> bool:
        """Whether the entry may be written: a drug and unit on a page of the register are taken as
        the page writes them ("MORPHINE" is its "Morphine"); one on no page only once the nurse
        says it opens a new page: "Morphin" received opened one unasked, the ward's morphine split
        over two pages of the legal register and the balance wrong on both. The question names the
        pages a drug typed is close to (`cd_pages_alike`), as `cd receive --new-page` refuses it."""
        drug, unit = self.drug.currentText().strip(), self.unit.text().strip()
        if not drug or not unit or (drug, unit) == self.new_page:  # a missing one is the service's to name
            return True
        pages = cd_register.cd_stock(self.session.db, self.session.forms, self.ward)
        if page := cd_register.cd_page(pages, drug, unit):
            self.drug.setCurrentText(page.drug)
            self.unit.setText(page.unit)
            return True
        alike = cd_register.cd_pages_alike(pages, drug)
        if alike:
            question = translate("CdEntryDialog", "{drug} ({unit}) is no page of ward {ward}'s register, but is close "
                                                  "to {pages}: one drug on two pages leaves both balances wrong. If it "
                                                  "is the same drug, answer No and choose it in the Drug list. Open a "
                                                  "new page for {drug} ({unit}), another drug?")
        elif pages:
            question = translate("CdEntryDialog", "{drug} ({unit}) is no page of ward {ward}'s register (its pages: "
                                                  "{pages}). Open a new page for it?")
        else:
            question = translate("CdEntryDialog", "{drug} ({unit}) is no page of ward {ward}'s register, which has no "
                                                  "page yet. Open a new page for it?")
        if not Prompts.confirm(self, self.windowTitle(), question.format(
                drug=drug, unit=unit, ward=self.ward,
                pages=", ".join(f"{page.drug} ({page.unit})" for page in alike or pages))):
            return False
        self.new_page = (drug, unit)
        return True

    def _refusal(self, quantity: float) -> tuple[str, QWidget] | None:
        if quantity < 0:
            return (translate("CdEntryDialog", "Quantity: a count or a quantity received is never below zero."),
                    self.quantity)
        return None

    def _confirmed(self, quantity: float) -> bool:
        """A count that differs from the register is a discrepancy: the nurse is told the
        difference and writes it only once they say who was told; Cancel writes nothing, to count
        again. Counting 2 for 20 rewrote the register to 2 unasked, as a routine correction."""
        self.reported = None
        if not self.counted:
            return True
        unit = self.unit.text().strip()
        check = cd_register.cd_count_check(self.session.db, self.ward, self.drug.currentText(), unit, quantity)
        if not check.discrepancy:
            return True
        self.reported = Prompts.text(self, translate("CdEntryDialog", "Count discrepancy"), translate(
            "CdEntryDialog", "{counted} {unit} counted: {difference}. This is a discrepancy, written as one on the "
                             "register to be investigated, not a routine correction. If unsure, Cancel and count again "
                             "with your witness.\n\nWho was told (e.g. the nurse in charge, the pharmacist)?").format(
            counted=decimal_text(check.counted, language()), unit=unit, difference=check.said(unit).text(language())))
        if self.reported is None:
            self.error.setText(translate("CdEntryDialog", "Nothing written: count the cupboard again."))
            self.quantity.setFocus()
            return False
        return True

    def _entered(self, quantity: float, witness: tuple[str, str], note: str | None) -> float:
        drug, unit = self.drug.currentText(), self.unit.text()
        if self.counted:
            return cd_register.cd_count(self.session, self.ward, drug, unit, quantity, witness=witness, note=note,
                                        discrepancy_note=self.reported)
        return cd_register.cd_receive(self.session, self.ward, drug, unit, quantity, witness=witness, note=note)


class WastageDialog(_WitnessedEntry):
    """The part of an ampoule discarded at a dose, chosen among the drug's latest doses on the
    page still without their wastage, witnessed as the dose was: the register line names the
    dose and its patient. With none left, the dialog says why and asks for nothing: it listed
    doses whose wastage was recorded, and Save refused each after the witness had typed a PIN.
    A dose drawn up and charted not given is offered too, saying so, the quantity filled in with
    the order's dose for the nurse to keep or correct (what was drawn up and destroyed)."""

    def __init__(self, session: Session, stock: Stock, offer: cd_register.DosesToWaste, parent: QWidget | None = None):
        super().__init__(session, self._discarded, parent)
        self.doses = offer.doses
        self.stock = stock
        self.filled_in = ""
        self.setWindowTitle(translate("WastageDialog", "Wastage of {drug}").format(drug=stock.drug))
        form = QFormLayout()
        self.dose = QComboBox()
        # No wider than a dose's time (`chosen` says the rest): as wide as its longest line, the
        # dialog was wider than the screen.
        self.dose.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dose.setMinimumContentsLength(len("00/00/0000 00:00"))
        for line in offer.doses:
            said = (translate("WastageDialog", "{when} — {patient} — {drawn_up}: {quantity} {unit} ordered")
                    if line.kind == "not_given" else translate("WastageDialog", "{when} — {patient} — {quantity} {unit}"))
            self.dose.addItem(said.format(when=line.when_texts(session.clock().tzinfo)[0], patient=line.patient_text(),
                                          drawn_up=line.note, quantity=decimal_text(-line.change, language()),
                                          unit=stock.unit))
        self.dose.currentIndexChanged.connect(self._fill_in)
        self._fill_in()
        form.addRow(translate("WastageDialog", "&Dose"), self.dose)
        # The dose chosen whole, its lines wrapped: the list's one line cut it before "not given"
        # and its quantity, at the largest text before the patient, and the nurse and the witness
        # choose a patient's line of the legal register, and what is left of an ampoule, from it.
        self.chosen = wrapped(QLabel(self.dose.currentText()))
        self.dose.currentTextChanged.connect(self.chosen.setText)
        form.addRow(self.chosen)
        form.addRow(translate("WastageDialog", "&Quantity discarded ({unit})").format(unit=stock.unit), self.quantity)
        layout = self._lay_out(form)
        self.none_left = QLabel(offer.none_left.text(language()) if offer.none_left else "")
        self.none_left.setWordWrap(True)
        layout.insertWidget(0, self.none_left)
        self.close_button = QPushButton(translate("WastageDialog", "&Close"))
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.close_button)
        said = offer.none_left is not None
        for row in range(form.rowCount()):
            form.setRowVisible(row, not said)
        for widget, shown in ((self.none_left, said), (self.close_button, said), (self.save_button, not said)):
            widget.setVisible(shown)
        self.save_button.setEnabled(not said)
        self.save_button.setDefault(not said)
        self.close_button.setDefault(said)
        (self.close_button if said else self.quantity).setFocus()
        fit_dialog(self)

    def _fill_in(self) -> None:
        """A dose not given: the order's dose, unless the nurse typed her own quantity."""
        if self.quantity.text() != self.filled_in or not self.doses:
            return
        line = self.doses[self.dose.currentIndex()]
        self.filled_in = decimal_text(-line.change, language()) if line.kind == "not_given" else ""
        self.quantity.setText(self.filled_in)

    def _discarded(self, quantity: float, witness: tuple[str, str], note: str | None) -> float:
        return cd_register.cd_waste(self.session, str(self.doses[self.dose.currentIndex()].record_id), quantity,
                                    witness=witness, note=note, page=self.stock.drug)


class SupplyDialog(_WitnessedEntry):
    """The selected page's drug supplied to a patient to take home, witnessed, the patient chosen
    among those the register may supply (`cd_supply_patients`: on the ward, or discharged from
    it), the line naming them. The register had no line for it: the capsules handed over made the
    next count a discrepancy."""

    def __init__(self, session: Session, ward: str, stock: Stock, patients: list[PatientSummary],
                 parent: QWidget | None = None):
        super().__init__(session, self._supplied, parent)
        self.ward, self.stock, self.patients = ward, stock, patients
        self.setWindowTitle(translate("SupplyDialog", "Supplied to take home: {drug} ({unit})").format(
            drug=stock.drug, unit=stock.unit))
        self.setMinimumWidth(600)  # a patient: the downtime number, the name, the bed
        form = QFormLayout()
        self.patient = QComboBox()
        for patient in patients:
            said = (translate("SupplyDialog", "{number} — {name} — bed {bed}") if patient.stay is StayStatus.IN
                    else translate("SupplyDialog", "{number} — {name} — discharged"))
            self.patient.addItem(said.format(number=patient.downtime_number, name=patient.display_name,
                                             bed=patient.bed or "—"))
        form.addRow(translate("SupplyDialog", "Pa&tient"), self.patient)
        form.addRow(translate("SupplyDialog", "&Quantity supplied ({unit})").format(unit=stock.unit), self.quantity)
        self._lay_out(form)
        self.patient.setFocus()

    def _supplied(self, quantity: float, witness: tuple[str, str], note: str | None) -> float:
        chosen = self.patient.currentIndex()
        return cd_register.cd_supply(self.session, self.ward, self.stock.drug, self.stock.unit, quantity,
                                     self.patients[chosen].patient_id if chosen >= 0 else "", witness=witness,
                                     note=note)


class StrikeDialog(_WitnessedEntry):
    """A line of the selected page written in error (a receipt on the wrong page, a wastage that
    never happened), chosen among those that may be (`cd_lines_to_strike`), marked entered in
    error with why and a witness: the line stays, struck through, and a line under it gives its
    quantity back (cd_register.cd_strike). The only way back was a count written as a discrepancy."""

    def __init__(self, session: Session, stock: Stock, lines: list[RegisterLine], parent: QWidget | None = None):
        super().__init__(session, self._struck, parent)
        self.lines = lines
        self.setWindowTitle(translate("StrikeDialog", "Mark a line entered in error: {drug} ({unit})").format(
            drug=stock.drug, unit=stock.unit))
        self.setMinimumWidth(640)  # a line: its time, its entry, its quantity
        form = QFormLayout()
        self.line = QComboBox()
        zone = session.clock().tzinfo
        for line in lines:
            self.line.addItem(translate("StrikeDialog", "{when} — {entry} — {quantity} {unit}").format(
                when=line.when_texts(zone)[0], entry=entry_words(line, stock.unit, zone),
                quantity=decimal_text(line.change, language(), signed=True), unit=stock.unit))
        form.addRow(translate("StrikeDialog", "&Line"), self.line)
        self._lay_out(form, translate("StrikeDialog", "W&hy it was entered in error"))
        self.line.setFocus()

    def _quantity(self) -> float | None:
        """The chosen line's own: nothing is typed but why."""
        if not self.lines:
            self.error.setText(translate("StrikeDialog", "No line of this page may be marked entered in error."))
            return None
        return self.lines[self.line.currentIndex()].change

    def _refusal(self, quantity: float) -> tuple[str, QWidget] | None:
        """Asked before the witness is tried."""
        return None if self.note.text().strip() else (
            translate("StrikeDialog", "Say why the line was entered in error."), self.note)

    def _struck(self, quantity: float, witness: tuple[str, str], note: str | None) -> float:
        return cd_register.cd_strike(self.session, str(self.lines[self.line.currentIndex()].line_id), note or "",
                                     witness=witness)

"""A wristband scanned. A barcode scanner is a keyboard: it types the band's number, fast, then
Enter (or Tab), into whatever widget has the focus. Typed into the patient list, the Enter opened
the line still selected, the previous patient's; with a chart on screen, that patient's dose
dialog; in the dose dialog it did nothing and said nothing. A scan is recognised here and taken
from the widget it was typed into, which is left as it was and never sees its Enter."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget,
)

from downtime.domain.census import StayStatus
from downtime.domain.downtime_number import misread_numbers, parse_downtime_number, taken_apart, told_apart
from downtime.i18n import stay_word
from downtime.qt.i18n import language, translate
from downtime.qt.style import ERROR_STYLE
from downtime.services import printing, search
from downtime.services.context import Session
from downtime.services.patients import PatientSummary

if TYPE_CHECKING:
    from downtime.qt.main_window import MainWindow

# A scanner types a character every few milliseconds; a person, at best every 80 or so, and not
# a whole number of six and more characters so.
SCAN_GAP_S = 0.06
# The shortest number a band's barcode holds: a shorter burst (a dose, a bed typed fast) is
# never looked up.
SHORTEST = 6
# What a band's barcode holds: a downtime number, an IPP, an NIR, an encounter or EHR number.
_BAND_CODE = re.compile(r"[A-Za-z0-9-]+")
ENDS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
COMMANDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def types_text(widget: QWidget) -> bool:
    """Whether the widget is a box the person types in, which keeps what is typed into it: a scan
    there was put there on purpose (the paper number used, the records office's number boxes)."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


def _undoer(widget: QWidget) -> Callable[[], None]:
    """What puts the widget back as it was before a scan typed into it: a list's keyboard search
    moves its current line, a closed choice's picks another answer, a box holds the characters."""
    if isinstance(widget, QLineEdit):
        text, cursor = widget.text(), widget.cursorPosition()

        def typed_back() -> None:
            widget.setText(text)
            widget.setCursorPosition(cursor)

        return typed_back
    if isinstance(widget, QAbstractItemView):
        current = QPersistentModelIndex(widget.currentIndex())
        return lambda: widget.setCurrentIndex(widget.model().index(current.row(), current.column())
                                              if current.isValid() else current)
    if isinstance(widget, QComboBox):
        chosen = widget.currentIndex()
        return lambda: widget.setCurrentIndex(chosen)
    return lambda: None


def code_shaped(typed: str) -> bool:
    """Long enough for a band's number, with a digit in it: a word typed fast is no scan."""
    typed = typed.strip()
    return len(typed) >= SHORTEST and any(character.isdigit() for character in typed)


def _downtime_shaped(typed: str) -> bool:
    """A downtime number, its check digit holding or not, alone or told apart as a barcode holds
    it ("DT042000018/deadbeef", `in_bars`): a band's, whoever's it is, never a site, a reference
    or a staff ID."""
    number = taken_apart(typed)[0]
    return parse_downtime_number(number) is not None or misread_numbers(number) is not None


class BandScanner(QObject):
    """Watches the keys typed into the window of the widget it belongs to for a band scanned: a
    burst of keystrokes (each within SCAN_GAP_S of the last) ending in Enter or Tab, whose text is
    shaped as a downtime number or is one of a patient's numbers whole (search.identified), and
    gives it to `scanned`. A widget that `keeps` what is typed into it is left alone. Installed on the
    application: the keys reach the focused widget's own filters and handlers after it. It holds
    no reference to its widget but Qt's own: a window kept alive by one outlived its C++ object."""

    def __init__(self, owner: QWidget, session: Session) -> None:
        super().__init__(owner)
        self.session = session
        self.typed = ""
        self.last = 0.0
        self.undo: Callable[[], None] = lambda: None
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Every event of the application passes here: a key's class is checked before its type,
        # which PySide makes a Python enum each time (a tenth of the window's processor time).
        if (not isinstance(event, QKeyEvent) or event.type() is not QEvent.Type.KeyPress
                or watched is not QApplication.focusWidget()
                or not isinstance(watched, QWidget) or watched.window() is not self.owner().window()
                or self.keeps(watched)):
            return False
        # The system's time of each key where it gives one: a long search after each key typed
        # into Find would space a scanner's keys out as they are read.
        at = event.timestamp() / 1000 if event.timestamp() else time.monotonic()
        burst, self.last = at - self.last <= SCAN_GAP_S, at
        if event.key() in ENDS and not event.modifiers() & (COMMANDS | Qt.KeyboardModifier.ShiftModifier):
            typed, undo = self.typed, self.undo
            self.typed, self.undo = "", lambda: None
            if burst and self.recognised(typed):
                undo()
                self.scanned(typed.strip())
                return True
            return False
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & COMMANDS:
            if not (burst and self.typed):
                self.typed, self.undo = "", _undoer(watched)
            self.typed += text
        else:
            self.typed, self.undo = "", lambda: None
        return False

    def owner(self) -> QWidget:
        owner = self.parent()
        assert isinstance(owner, QWidget)
        return owner

    def keeps(self, widget: QWidget) -> bool:
        """Whether the widget keeps a scan typed into it: none does, unless said otherwise."""
        return False

    def scanned(self, band: str) -> None:
        raise TypeError(f"{type(self).__name__} must say what a band scanned does")

    def recognised(self, typed: str) -> bool:
        """A downtime number's shape (`_downtime_shaped`: this laptop's or not, its check digit
        misread or not), or one of a patient's numbers whole."""
        return code_shaped(typed) and (_downtime_shaped(typed) or bool(
            search.identified(self.session.db, self.session.forms, typed.strip())))


class ScanToFind(BandScanner):
    """A band scanned anywhere in the main window but a box typed in goes to Find, on the
    Patients tab, which opens its patient when it is one patient's number whole
    (PatientsPanel.scanned). A downtime number's band this laptop cannot place, its check digit
    misread off a creased band or another laptop's number told apart, goes there too (see
    `recognised`), where Find says what it is: its keys went into the list's or the chart's
    keyboard search, nothing said, and the nurse walked on believing the band scanned."""

    def main_window(self) -> MainWindow:
        return self.owner()  # type: ignore[return-value]

    def keeps(self, widget: QWidget) -> bool:
        return types_text(widget) and widget is not self.main_window().patients.search_box

    def scanned(self, band: str) -> None:
        window = self.main_window()
        window.tabs.setCurrentWidget(window.patients)
        window.patients.scanned(band)


class _ScanChecked(BandScanner):
    """The scanner of a BandCheck: a band recognised (a downtime number misprinted too) goes to
    its check from any box. Any other band's code (`_BAND_CODE`: letters, digits and dashes, as
    an IPP, an NIR or an encounter number are) goes to it only from the dose's box
    (`BandCheck.amount`) or from what is no box: there the EHR's band of an IPP the admission did
    not record was saved as the dose itself, nothing said. In any other box a burst that is no
    patient's stays typed: a site, a paper chart's reference or a witness's staff ID typed fast
    (a text expander, a barcode on the pack) was emptied, its Tab or Enter eaten. A time typed
    fast ("28/11/2026 08:20") stays typed."""

    def recognised(self, typed: str) -> bool:
        if super().recognised(typed):
            return True
        focused = QApplication.focusWidget()
        owner = self.owner()
        assert isinstance(owner, BandCheck)
        return ((focused is owner.amount or not types_text(focused)) and code_shaped(typed)
                and bool(_BAND_CODE.fullmatch(typed.strip())))

    def scanned(self, band: str) -> None:
        owner = self.owner()
        assert isinstance(owner, BandCheck)
        focused = QApplication.focusWidget()
        owner.check(band, from_box=types_text(focused) and focused is not owner.amount)


def _band_of(patient: PatientSummary) -> str:
    """Another patient whose band was scanned, and whether their stay has ended: a band found in
    a bed, or on a patient back, was read as that of someone still on the ward."""
    named = f"{patient.display_name}, {patient.downtime_number}"
    return named if patient.stay in (None, StayStatus.IN) else f"{named} ({stay_word(patient.stay, language())})"


class BandCheck(QLabel):
    """In a dialog about one patient (a dose), whether a band scanned there is theirs: the nurse
    at the bedside scans the band before giving, and another patient's band said nothing. Hidden
    until a band is scanned. `scanned`: the last band scanned (None: none yet), which Save checks
    (see medication.band_checked): said only, another patient's band did not stop the dose."""

    def __init__(self, session: Session, patient: PatientSummary) -> None:
        super().__init__()
        self.session, self.patient = session, patient
        self.scanned: str | None = None
        self.amount: QWidget | None = None
        """The box of the dose (or rate), set by the dialog: a band's code no patient's scanned
        there is taken and said, where it would be saved as the dose (`_ScanChecked`)."""
        self.setWordWrap(True)
        self.hide()
        _ScanChecked(self, session)

    def check(self, band: str, from_box: bool = False) -> None:
        """Says whose the band is. `from_box`: it was scanned into a box other than the dose's
        and taken out of it, which the nurse is told: the box went back to what it held."""
        self.scanned = band
        found = search.identified(self.session.db, self.session.forms, band)
        this = f"{self.patient.display_name}, {self.patient.downtime_number}"
        own = [patient.patient_id for patient in found] == [self.patient.patient_id]
        old = printing.band_out_of_date(self.session, self.patient.patient_id) if own else None
        self.setStyleSheet("font-weight: bold;" if own and old is None else ERROR_STYLE)
        if own and old is None:
            said = translate("BandCheck", "Band checked: {patient}").format(patient=this)
        elif old is not None:
            said = translate("BandCheck", "BAND OUT OF DATE: this is the band of {patient}, but printed {when} it "
                                          "reads what was amended since ({changes}): print a new band and take the "
                                          "old one off").format(
                patient=this, when=f"{old.printed_at:%d/%m %H:%M}",
                changes="; ".join(f"{was} → {now}" for was, now in old.lines))
        elif found:
            said = translate("BandCheck", "WRONG PATIENT: this band is {band}, not {patient}").format(
                band="; ".join(map(_band_of, found)), patient=this)
        else:
            said = self._nobodys(band, this)
        self.setText(translate("BandCheck", "{said} (scanned into a box: taken out of it)").format(said=said)
                     if from_box else said)
        self.show()

    def _nobodys(self, band: str, this: str) -> str:
        """A band identifying nobody here: a downtime number of another laptop's, withdrawn or
        reserved is another patient's band; anything else is no band read (its check digit
        failing: with the numbers it may be misread from, `search.number_status`). A number told
        apart is read as the lists show it ("DT-042-00001-8 (laptop deadbeef)")."""
        number, laptop = taken_apart(band)
        status = search.number_status(self.session.db, self.session.forms, number)
        if parse_downtime_number(number) is not None:
            return translate("BandCheck", "WRONG PATIENT: this band ({band}) is no patient's on this laptop, "
                                          "not {patient}").format(
                band=status.text(language()) if status else told_apart(number, laptop) if laptop else band,
                patient=this)
        return translate("BandCheck", "Band not recognised, not checked against {patient}. {band}").format(
            patient=this, band=status.text(language()) if status else translate(
                "BandCheck", "{band} is neither a downtime number nor any patient's number on this laptop").format(
                band=band))

"""Surgical coordination: the day board per theatre (cancelled operations struck through), or
the operations past with nothing recorded of them, the rescheduling list worst first, and
dialogs to cancel with a coded reason, to rebook from the app's clash-free suggestions and to
record an operation done, all by keyboard."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QTableView, QVBoxLayout, QWidget,
)

from downtime.domain.clock import DATED, ward_time
from downtime.domain.records import RecordVersion
from downtime.domain.theatre import ARRIVE_BEFORE, NOTHING_TO_EAT_BEFORE, TOLD_AFTER_DEATH, Slot, fasts, held_to_fast
from downtime.errors import UserError
from downtime.formspec.messages import message as field_message
from downtime.formspec.values import ParseError, format_value, offered, parse_datetime
from downtime.i18n import QT_TR_NOOP, QT_TRANSLATE_NOOP, labelled, semicolon
from downtime.qt.dialog_life import open_until_closed
from downtime.qt.flow_row import FlowRow
from downtime.qt.screen_fit import Scrolled, fit_dialog, wrapped
from downtime.qt.field_editors import LineEditor
from downtime.qt.i18n import language, locale, say, translate, word
from downtime.qt.patient_header import allergies_text, born_text
from downtime.qt.prompts import Prompts
from downtime.qt.tables import (
    Index, TextTableModel, cut_column, make_table, print_and_open, show_keeping_choice, wrap_columns,
)
from downtime.qt.style import ErrorLabel, grow_to_fit, warning_html, written
from downtime.qt.work import ListReader
from downtime.services import printing, records, theatre
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.patients import PatientSummary

Board = list[tuple[theatre.TheatreSession, list[theatre.ListEntry]]]
Waiting = tuple[list[theatre.WaitingItem], list[theatre.WaitingItem]]  # to rebook, and left by a death (theatre.rescheduling)
STATUS, PATIENT = 2, 3  # the day board's columns saying booked, cancelled, a clash or a death, and whose it is
SIDE, PROCEDURE = 6, 7  # the side first: after the procedure it lay at a laptop's right edge, cut or beyond it
REBOOK_BY, CANCELLED = 5, 6  # the rescheduling list's columns saying BREACH or SOON, and PATIENT NOT TOLD YET
WAITING_NAME, WAITING_OPERATION, WHOM = 1, 3, 7  # its patient's name, the operation and whom to tell
REASON = 10  # its cancellation's reason, last: elided when the list is narrow
STATUS_CHARACTERS = 55  # the status at least up to its first clash's time ("booked — CLASH, move one: theatre T1 is booked…")
# A name up to its first 34 characters: an unidentified patient's ("INCONNU TRÈFLE (Unknown man, about 40, found
# at the station)") pushed the side off a 1340-pixel screen. Its date of birth and number follow it.
NAME_CHARACTERS = 34
# The rescheduling list's columns wrapped at so many characters, whom to tell on a 1340-pixel screen in French
# (`wrap_columns`): its name, operation, cancellation (with PATIENT NOT TOLD YET under it) and whom to tell.
WRAPPED = {WAITING_NAME: 20, WAITING_OPERATION: 22, CANCELLED: 34, WHOM: 24}
SCREEN_MARGIN = 80  # pixels left beside a dialog sized to its contents: its frame and the screen's edge
LAST_MINUTE = (None, False, True)  # the Cancel dialog's "Last minute" answers, in its list's order: blank, No, Yes
ON_THE_BOARD = QT_TRANSLATE_NOOP("TheatrePanel", "Select an operation on the day board first.")
ON_THE_LIST = QT_TRANSLATE_NOOP("TheatrePanel", "Select an operation in the rescheduling list first.")
ALLERGIES = QT_TR_NOOP("Allergies")


def _line(row: tuple[str, theatre.ListEntry]) -> tuple[str, datetime]:
    """A line of the day board: an operation at a time (struck where it was, live where it is)."""
    return row[1].state.record.record_id, row[1].start


def _who(state: theatre.BookingState) -> str:
    patient = state.patient
    return f"<b>{escape(patient.display_name)}</b> — {escape(born_text(patient))} — <b>{escape(patient.downtime_number)}</b>"


def _operation(session: Session, state: theatre.BookingState) -> str:
    """The procedure and its side, as the coordinator chooses which to cancel or rebook (a
    patient's two knees are two operations); no side for one that has none."""
    return theatre.procedure_and_side(state.record.data, session.form("operation_booking"), session.lang)


def _news(session: Session, state: theatre.BookingState, change: RecordVersion) -> str:
    """What the patient is to be told of the operation's cancellation, rebooking or transfer
    (`change`): the day, time and theatre cancelled, the new ones, or the hospital it goes to."""
    operation = _operation(session, state)
    if change.form_id == "operation_cancellation":
        session_id, start = _cancelled_slot(state)
        return translate("TheatrePanel", "{operation} on {when}, theatre {theatre}, is cancelled").format(
            operation=operation, when=_day_and_time(start), theatre=_theatre_of(session, session_id))
    if change.data["outcome"] == "rebooked":
        start, session_id = datetime.fromisoformat(change.data["planned_start"]), change.data["session"]
        return translate("TheatrePanel", "{operation} now {when}, theatre {theatre}").format(
            operation=operation, when=_day_and_time(start), theatre=_theatre_of(session, session_id))
    return translate("TheatrePanel", "{operation} goes to another hospital, {hospital}").format(
        operation=operation, hospital=change.data["other_hospital"])


def _day_and_time(start: datetime) -> str:
    return f"{locale().toString(start.date(), 'ddd dd/MM')} {start:%H:%M}"


def _theatre_of(session: Session, session_id: str) -> str:
    return theatre.sessions(session.db, {session_id})[session_id].theatre


def _cancelled_slot(state: theatre.BookingState) -> tuple[str, datetime]:
    """The list and time an operation was (or is being) cancelled from: its own while it stands
    (the operation as read before its cancellation was saved), else the last it left."""
    if state.status in theatre.LIVE and state.session_id is not None and state.start is not None:
        return state.session_id, state.start
    left = state.cancelled_from[-1]
    return left.session_id, left.start


def _name(entry: theatre.ListEntry) -> str:
    """The patient's name, then the day's other patients sharing their family name, with their
    times and theatres (`ListEntry.namesakes`), as the patient list gives its name alert: Mr
    Martin's left hernia at 08:00 and Mrs Martin's right one at 09:00 stood on the board
    unmarked."""
    name = entry.state.patient.display_name
    if not entry.namesakes:
        return name
    return translate("TheatrePanel", "{name} — SAME NAME: {others}").format(
        name=name, others=semicolon(language()).join(entry.namesakes))


class DayModel(TextTableModel):
    """Status comes after the time: last, after ten columns, CANCELLED, a clash or a death lay
    beyond the right edge of a laptop's screen in French. Its text is cut at the room left on screen
    (`_narrow_status`; a merged hospital's clashes run to pages), whole in its tooltip. The side comes before the
    procedure ("RIGHT", "Total hip replacement"), whole beside the patient's identifiers on a
    laptop's screen: after it, at 1340 pixels, "Not applicable" was cut at the board's edge
    ("Not applica"), and in French the side lay wholly beyond it. The procedure, then at that
    edge, is whole in its tooltip. A patient sharing a family name with another of the day's
    lines has the others after their name, in red (`_name`); the patient's tooltip gives their
    allergies under it, as the printed list does (`_patient_tip`). A latex-allergic patient not
    first in their theatre that day has their status in red (`ListEntry.after_latex`), as has
    one on insulin or a Parkinson's medicine (`ListEntry.insulin_not_first`) and an operation done
    with no safety checklist recorded (`ListEntry.no_checklist`), none signed out
    (`ListEntry.no_sign_out`) or its counts NOT correct (`ListEntry.counts_not_correct`), the last
    of a list that overruns (`ListEntry.overrun`), and one two laptops' records contradict
    (`theatre.contradiction_said`)."""

    columns = (QT_TR_NOOP("Theatre"), QT_TR_NOOP("Time"), QT_TR_NOOP("Status"), QT_TR_NOOP("Patient"),
               QT_TR_NOOP("Date of birth"), QT_TR_NOOP("Downtime no."), QT_TR_NOOP("Side"), QT_TR_NOOP("Procedure"),
               QT_TR_NOOP("Priority"), QT_TR_NOOP("Surgeon"), QT_TR_NOOP("Anaesthetist"), QT_TR_NOOP("Notes"))
    whole_in_tooltip = frozenset({STATUS, PATIENT, PROCEDURE})

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.spec = session.form("operation_booking")
        self.lang = session.lang
        self.clock = session.clock
        self.dated = False  # lines of several days (Past, not recorded): each time with its day

    def texts(self, row: int) -> tuple[str, ...]:
        """The time is the start and the expected end, as the printed list gives them."""
        theatre_name, entry = self.rows[row]
        state, data = entry.state, entry.state.record.data
        start, end = entry.hours(self.clock().tzinfo, "%d/%m %H:%M" if self.dated else "%H:%M")
        return (theatre_name, f"{start}–{end}",
                theatre.board_status(entry, language(), self.clock()), _name(entry),
                state.patient.birth_date_in(language()), state.patient.downtime_number,
                format_value(self.spec.field("laterality"), data["laterality"], self.lang), data["procedure"],
                format_value(self.spec.field("priority"), data["priority"], self.lang), data["surgeon"],
                data.get("anaesthetist") or "—", data.get("notes") or "")

    def is_warning(self, row: int, column: int) -> bool:
        entry = self.rows[row][1]
        if column == PATIENT:
            return bool(entry.namesakes)
        return column == STATUS and (entry.struck or bool(entry.clashes) or entry.state.died_before is not None
                                     or entry.state.untold or entry.unrecorded(self.clock())
                                     or entry.over_clash is not None or entry.after_latex or entry.no_checklist
                                     or entry.no_sign_out or entry.counts_not_correct or entry.insulin_not_first
                                     or entry.overrun is not None or bool(theatre.contradiction_said(entry, self.lang)))

    def _patient_tip(self, row: int) -> str:
        """The patient's cell whole, then their allergies as the admission recorded them (or
        none known, or not known yet), as the printed list gives them under the name: the board
        said none, and a coordinator ordering the day could not see a latex allergy without
        opening each patient. Under them, the anticoagulants, the insulins and the time-critical
        Parkinson's medicines the chart has in force (`theatre.anticoagulant_said`,
        `theatre.insulin_said`), then the anaesthetic, ASA grade, day case and equipment
        (`theatre.preparation_said`)."""
        entry = self.rows[row][1]
        allergies = labelled(word(ALLERGIES), allergies_text(entry.state.patient), language())
        preparation = theatre.preparation_said(entry.state.record.data, self.spec, language())
        return "\n".join([self.text(row, PATIENT), allergies, *theatre.anticoagulant_said(entry, language()),
                          *theatre.insulin_said(entry, language()), *filter(None, [preparation])])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole and index.column() == PATIENT:
            return self._patient_tip(index.row())
        if index.isValid() and role == Qt.ItemDataRole.FontRole and self.rows[index.row()][1].struck:
            font = QFont()
            font.setStrikeOut(index.column() != STATUS)
            return font
        return super().data(index, role)


class WaitingModel(TextTableModel):
    """The rescheduling list, with each cancellation's reason as the printed list gives it (one
    the patient declined, or put off while unfit, read like one the outage cancelled): last, so
    the rebook-by date and its BREACH stay on a laptop's screen in French. A patient not yet told
    of the cancellation is said under its time (and how many times it was cancelled), right after
    the rebook-by date and before the number to ring, the surgeon after them: said after the
    surgeon, PATIENT NOT TOLD YET pushed the rebook-by date off a laptop's screen, and said beside
    the time it was cut there, whom to tell beyond it (`WRAPPED`). Whom to tell is the number to
    ring for a patient at home, the ward for one in a bed (`theatre.whom_to_tell`)."""

    columns = (QT_TR_NOOP("Priority"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Date of birth"), QT_TR_NOOP("Procedure"),
               QT_TR_NOOP("Side"), theatre.REBOOK_BY, QT_TR_NOOP("Cancelled"), theatre.WHOM_TO_TELL,
               QT_TR_NOOP("Surgeon"), QT_TR_NOOP("Waiting"), QT_TR_NOOP("Reason"))
    whole_in_tooltip = frozenset({CANCELLED, REASON})

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.spec = session.form("operation_booking")
        self.reasons = session.form("operation_cancellation").field("reason")
        self.lang = session.lang

    def texts(self, row: int) -> tuple[str, ...]:
        item: theatre.WaitingItem = self.rows[row]
        state, data = item.state, item.state.record.data
        return (format_value(self.spec.field("priority"), data["priority"], self.lang), state.patient.display_name,
                state.patient.birth_date_in(language()), theatre.with_length(data["procedure"], state.minutes, self.lang),
                format_value(self.spec.field("laterality"), data["laterality"], self.lang), item.rebook_by(language()),
                "\n".join([theatre.last_cancelled(state, language()),
                           *([translate("WaitingModel", "PATIENT NOT TOLD YET")] if state.untold else [])]),
                item.to_tell.said(self.lang), data["surgeon"],
                item.waited_said(language()),
                format_value(self.reasons, state.cancel_reason.value, self.lang) if state.cancel_reason else "—")

    def is_warning(self, row: int, column: int) -> bool:
        item: theatre.WaitingItem = self.rows[row]
        return ((column == REBOOK_BY and (item.breach or item.near_breach or item.death_withdrawn))
                or (column == CANCELLED and item.state.untold))


def _day_edit(day: date) -> QDateEdit:
    """A day typed or picked in a calendar, day first as the ward writes it."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _choice_combo(session: Session, form_id: str, field_id: str) -> tuple[QComboBox, list[str | None]]:
    """Blank until someone chooses: a first answer picked by default would be recorded as if
    given (a cancellation "because of the outage", a patient "told in person")."""
    combo = QComboBox()
    return combo, _fill_choices(combo, session, form_id, field_id)


def _codes(session: Session, form_id: str) -> list[str]:
    """The codes of a form's "Patient told" choices."""
    return [option.code for option in offered(session.form(form_id).field("patient_told"))]  # type: ignore[arg-type]


def _fill_choices(combo: QComboBox, session: Session, form_id: str, field_id: str,
                  among: Collection[str] | None = None, chosen: str | None = None) -> list[str | None]:
    """The combo's choices, blank first (see `_choice_combo`): those the form offers for a new
    answer (not one it retired), only those `among` where not all fit, `chosen` kept if among
    them. Their codes, in the combo's order."""
    options = [option for option in offered(session.form(form_id).field(field_id))  # type: ignore[arg-type]
               if among is None or option.code in among]
    codes: list[str | None] = [None, *(option.code for option in options)]
    combo.clear()
    combo.addItems(["", *(option.label.get(session.lang) for option in options)])
    combo.setCurrentIndex(codes.index(chosen) if chosen in codes else 0)
    return codes


def _closing(layout: QVBoxLayout, form: QFormLayout, confirm: str,
             save: Callable[[], object]) -> tuple[ErrorLabel, QPushButton]:
    """A dialog's answers, then where a refusal is said, then the button that saves."""
    layout.addLayout(form)
    error = ErrorLabel()
    layout.addWidget(error)
    button = QPushButton(confirm)
    button.clicked.connect(save)
    layout.addWidget(button)
    return error, button


def _heading(session: Session, state: theatre.BookingState) -> QLabel:
    """Whose operation a dialog records, and which: its side, and the slot it stands in."""
    what = _operation(session, state)
    if state.session_id is not None and state.start is not None:
        what = translate("CancelDialog", "{operation} — theatre {theatre}, {when}").format(
            operation=what, theatre=theatre.sessions(session.db, {state.session_id})[state.session_id].theatre,
            when=ward_time(state.start, None, DATED))
    return wrapped(QLabel(f"{_who(state)}<br>{escape(what)}"))


class CancelDialog(QDialog):
    saved = Signal(object)  # the cancellation just saved

    def __init__(self, session: Session, state: theatre.BookingState, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.state = session, state
        self.setWindowTitle(translate("CancelDialog", "Cancel an operation"))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(session, state))
        form = QFormLayout()
        self.reason, self.reason_codes = _choice_combo(session, "operation_cancellation", "reason")
        self.last_minute = QComboBox()
        self.last_minute.addItems(["", translate("CancelDialog", "No"), translate("CancelDialog", "Yes")])
        self.told, self.told_codes = _choice_combo(session, "operation_cancellation", "patient_told")
        self.reason.currentIndexChanged.connect(self._offer_told)
        # Asked only of "Patient declined": this date, to rebook, or the operation, off the list.
        self.declined, self.declined_codes = _choice_combo(session, "operation_cancellation", "declined")
        self.declined_label = QLabel("&" + session.form("operation_cancellation").field("declined").label.get(
            session.lang))
        self.declined_label.setBuddy(self.declined)
        self.reason.currentIndexChanged.connect(self._ask_declined)
        self.notes = QLineEdit()
        # When it was decided, now unless changed: one recorded hours later from the paper (the
        # outage's morning cancellations typed in the afternoon) was dated when typed, which the
        # rebook-by date (28 days after a last-minute cancellation) and the order of the
        # operation's changes count from. The form refuses a time to come; "N" or the Now button
        # give now again.
        self.cancelled_at = LineEditor(session.form("operation_cancellation").field("cancelled_at"), session.lang,
                                       now=session.clock)
        self.cancelled_at.set_value(session.clock().isoformat(timespec="minutes"))
        self.last_minute_guessed = False
        self.last_minute.activated.connect(self._last_minute_chosen)
        self.cancelled_at.edit.textChanged.connect(self._last_minute_on_the_day)
        self.reason.currentIndexChanged.connect(self._last_minute_on_the_day)
        self._last_minute_on_the_day()
        form.addRow(translate("CancelDialog", "&Reason"), self.reason)
        form.addRow(self.declined_label, self.declined)
        self._ask_declined()
        form.addRow(translate("CancelDialog", "Cancelled &at"), self.cancelled_at.widget)
        # The form's own label, which a refusal names: the dialog's words of its own ("après
        # l’admission") were refused as "« … patient admis » est obligatoire". Wrapped: the NHS's
        # "on the day of the operation, or after admission" made the dialog wider than a laptop's
        # screen at the largest text.
        last_minute = QLabel("&" + session.form("operation_cancellation").field("last_minute").label.get(session.lang))
        last_minute.setWordWrap(True)
        last_minute.setBuddy(self.last_minute)
        form.addRow(last_minute, self.last_minute)
        form.addRow(translate("CancelDialog", "Patient &told"), self.told)
        form.addRow(translate("CancelDialog", "&Notes"), self.notes)
        self.error, self.confirm = _closing(layout, form, translate("CancelDialog", "&Cancel the operation"), self.save)
        fit_dialog(self)

    def save(self) -> RecordVersion | None:
        if unread := self.cancelled_at.parse_errors("cancelled_at"):
            self.error.setText(unread[0].message)
            return None
        values = {"cancelled_at": self.cancelled_at.value(),
                  "reason": self.reason_codes[self.reason.currentIndex()],
                  "last_minute": LAST_MINUTE[self.last_minute.currentIndex()],
                  "patient_told": self.told_codes[self.told.currentIndex()]}
        if self.notes.text().strip():
            values["notes"] = self.notes.text().strip()
        if values["reason"] == theatre.CancelReason.PATIENT_DECLINED:
            values["declined"] = self.declined_codes[self.declined.currentIndex()]
        # The date its heading showed: moved since by an import, the new one is not cancelled unseen.
        values |= theatre.slot_of(self.state)
        if not self._death_confirmed(values["reason"]):
            return None
        try:
            saved = theatre.cancel(self.session, self.state.record.record_id, values)
        except (ValidationFailed, ServiceError) as problem:
            self.error.setText(say(problem))
            return None
        self.saved.emit(saved)
        self.accept()
        return saved

    def _last_minute_on_the_day(self) -> None:
        """"Yes" while the cancellation is a last-minute one by the service's rule (on the
        operation's own day on the ward's clock, or the patient on a ward then from the day
        before it or admitted for it, `theatre.last_minute_by_rule`): the service refuses "No"
        then, and the coordinator cancelling at 07:30, or the evening before for an in-patient,
        learnt so only on saving. Any other time is the coordinator's to answer: a "Yes" put here
        goes back to blank once the time typed leaves the rule, one they chose stays."""
        cancelled, start = self.cancelled_at.lenient_value(), self.state.start
        by_rule = bool(cancelled) and start is not None and theatre.last_minute_by_rule(
            self.session.db, self.state.booking.patient_id, start, datetime.fromisoformat(cancelled),
            self.reason_codes[self.reason.currentIndex()], self.session.clock().tzinfo) is not None
        yes = LAST_MINUTE.index(True)
        if by_rule:
            self.last_minute_guessed = self.last_minute_guessed or self.last_minute.currentIndex() != yes
            self.last_minute.setCurrentIndex(yes)
        elif self.last_minute_guessed:
            self.last_minute.setCurrentIndex(LAST_MINUTE.index(None))
            self.last_minute_guessed = False

    def _last_minute_chosen(self) -> None:
        """The coordinator's own answer, kept whatever time is typed after it."""
        self.last_minute_guessed = False

    def _offer_told(self) -> None:
        """For the patient's death, the family told or not yet: the patient told in person, by
        phone or by letter does not fit."""
        died = self.reason_codes[self.reason.currentIndex()] == theatre.CancelReason.PATIENT_DIED
        self.told_codes = _fill_choices(self.told, self.session, "operation_cancellation", "patient_told",
                                        TOLD_AFTER_DEATH if died else None, self.told_codes[self.told.currentIndex()])

    def _ask_declined(self) -> None:
        """What the patient declined is asked of "Patient declined" alone, as the form asks it."""
        shown = self.reason_codes[self.reason.currentIndex()] == theatre.CancelReason.PATIENT_DECLINED
        self.declined.setVisible(shown)
        self.declined_label.setVisible(shown)

    def _death_confirmed(self, reason: str | None) -> bool:
        """"Patient died" with no death recorded here is asked about first: it sits next to
        "Patient declined", and the operation leaves the rescheduling list for good. Not refused:
        a patient waiting at home may die with no death recorded in the hospital."""
        if reason != theatre.CancelReason.PATIENT_DIED or self.state.died_at is not None:
            return True
        return Prompts.confirm(self, translate("CancelDialog", "No death recorded"), translate(
            "CancelDialog", "No death is recorded for {name}. Cancel as \"Patient died\"? The operation leaves the "
                            "rescheduling list and is not rebooked.").format(name=self.state.patient.display_name))


class ToldDialog(QDialog):
    """How and when the patient was told of their new date (or transfer, or the cancellation of
    an operation not yet rebooked), recorded by the coordinator signed in: until then the board
    says PATIENT NOT TOLD YET. The time starts as now, for one told later than rung (a letter
    posted) to change."""

    def __init__(self, session: Session, state: theatre.BookingState, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.state = session, state
        assert state.told_of is not None  # TheatrePanel.record_told opens it on a change to tell only
        self.form_id = state.told_of.form_id
        self.setWindowTitle(translate("ToldDialog", "Patient told of the cancellation")
                            if self.form_id == "operation_cancellation"
                            else translate("ToldDialog", "Patient told of the new date"))
        layout = QVBoxLayout(self)
        said = [_who(state), escape(_news(session, state, state.told_of))]
        if (telling := state.telling) is not None:
            how, told_at = telling
            said.append(escape(translate("ToldDialog", "Already recorded: {how}, {at}. Recording again replaces it.").format(
                how=format_value(session.form(self.form_id).field("patient_told"), how, session.lang),
                at=ward_time(told_at, session.clock().tzinfo, DATED))))
        layout.addWidget(wrapped(QLabel("<br>".join(said))))
        form = QFormLayout()
        # Told how, "Not yet" aside; a dead patient's family only.
        died = state.cancel_reason is theatre.CancelReason.PATIENT_DIED and self.form_id == "operation_cancellation"
        self.how = QComboBox()
        self.how_codes = _fill_choices(self.how, session, self.form_id, "patient_told",
                                       [code for code in (TOLD_AFTER_DEATH if died else _codes(session, self.form_id))
                                        if code != theatre.NOT_YET])
        now = session.clock()
        # The time filled in, and the moment it stands for: in the hour the clocks go back its
        # text alone reads as the first pass.
        self.filled_in = (now.strftime("%d/%m/%Y %H:%M"), now)
        self.when = QLineEdit(self.filled_in[0])
        # Who told the patient, the user signed in unless another rang (the ward nurse, the
        # surgeon's secretary): when the patient says nobody rang, there is someone to ask.
        self.told_by = QLineEdit(session.user.name)
        form.addRow(translate("ToldDialog", "Patient &told"), self.how)
        form.addRow(translate("ToldDialog", "Told &at"), self.when)
        form.addRow(translate("ToldDialog", "Told &by"), self.told_by)
        self.error, self.confirm = _closing(layout, form, translate("ToldDialog", "&Record"), self.save)
        fit_dialog(self)

    def save(self) -> RecordVersion | None:
        try:
            when = (self.filled_in[1] if self.when.text() == self.filled_in[0]
                    else parse_datetime(self.when.text(), self.session.clock().tzinfo))
            saved = theatre.record_told(self.session, self.state.record.record_id,
                                        self.how_codes[self.how.currentIndex()], when, self.told_by.text())
        except ParseError as problem:
            told_at = self.session.form(self.form_id).field("told_at").label.get(self.session.lang)
            self.error.setText(field_message(problem.key, self.session.lang, told_at, problem.limit))
            return None
        except (ValidationFailed, ServiceError) as problem:
            self.error.setText(say(problem))
            return None
        self.accept()
        return saved


class DoneDialog(QDialog):
    """That the operation took place: when (its slot's time to start with, changed to the time
    it began), the theatre (its list's to start with: one moved on the day says so), the side
    operated (the booking's to start with: the EHR's Procedure is sent on it) and a note.
    Until then a past operation stays "booked", and the board says its outcome is not recorded.
    In a theatre that was not free then (another operation done or booked there), the warning
    names it and a box asks why it is recorded anyway: most often the theatre or the time was
    typed wrong, and correcting either takes the warning back."""

    def __init__(self, session: Session, state: theatre.BookingState, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.state = session, state
        self.setWindowTitle(translate("DoneDialog", "Operation done"))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(session, state))
        at, theatre_name = theatre.done_defaults(session.db, state.record.record_id, session.clock())
        form = QFormLayout()
        self.done_at = LineEditor(session.form(theatre.DONE_FORM).field("done_at"), session.lang, now=session.clock)
        self.done_at.set_value(at.isoformat(timespec="minutes"))
        self.theatre = QLineEdit(theatre_name or "")
        self.side = QComboBox()
        self.sides = _fill_choices(self.side, session, theatre.DONE_FORM, theatre.SIDE_OPERATED,
                                   chosen=theatre.side_operated_default(session.db, state.record.record_id))
        self.notes = QLineEdit()
        self.clash = ErrorLabel()
        self.clash_reason = QLineEdit()
        self.clash_reason.setToolTip(translate("DoneDialog", "Why it is recorded in this theatre at this time, "
                                                             "kept in the record for the records office"))
        form.addRow(translate("DoneDialog", "Done &at"), self.done_at.widget)
        form.addRow(translate("DoneDialog", "&Theatre"), self.theatre)
        form.addRow(translate("DoneDialog", "&Side operated"), self.side)
        form.addRow(translate("DoneDialog", "&Notes"), self.notes)
        form.addRow(self.clash)
        form.addRow(translate("DoneDialog", "&Why recorded anyway"), self.clash_reason)
        self.form = form
        self._withdraw_warning()
        self.done_at.edit.textEdited.connect(self._withdraw_warning)
        self.theatre.textEdited.connect(self._withdraw_warning)
        self.error, self.confirm = _closing(layout, form, translate("DoneDialog", "&Record the operation done"), self.save)
        fit_dialog(self)

    def _withdraw_warning(self) -> None:
        """No warning, nor its reason: the theatre or time it was about changed (a reason typed
        for T3 at 09:05 would have been recorded for T4 at 10:05, over another operation)."""
        self.clash.clear()
        self.clash_reason.clear()
        for row in (self.clash, self.clash_reason):
            self.form.setRowVisible(row, False)

    def save(self) -> RecordVersion | None:
        if unread := self.done_at.parse_errors("done_at"):
            self.error.setText(unread[0].message)
            return None
        values = {"done_at": self.done_at.value(), "theatre": self.theatre.text().strip()}
        if (side := self.sides[self.side.currentIndex()]) is not None:
            values[theatre.SIDE_OPERATED] = side
        if self.notes.text().strip():
            values["notes"] = self.notes.text().strip()
        if self.clash_reason.text().strip():
            values[theatre.OVER_CLASH] = self.clash_reason.text().strip()
        try:
            saved = theatre.record_done(self.session, self.state.record.record_id, values)
        except theatre.DoneOverClash as warning:
            self.error.clear()
            self.clash.setText("⚠ " + say(warning))
            for row in (self.clash, self.clash_reason):
                self.form.setRowVisible(row, True)
            self.clash_reason.setFocus()
            grow_to_fit(self)
            return None
        except (ValidationFailed, ServiceError) as problem:
            self.error.setText(say(problem))
            return None
        self.accept()
        return saved


def say_flagged(parent: QWidget, session: Session, booking_id: str) -> list[str]:
    """Once an operation is booked or rebooked (saved: a warning refuses nothing), what the
    board now flags on its line (`theatre.flagged`: a latex-allergic patient not first in the
    theatre, another patient of the same name that day…), in a warning naming the operation:
    the coordinator booked a latex-allergic patient second, or a second MARTIN on the day, and
    only the board said it, later. What was said; nothing is shown when the board flags
    nothing."""
    now = session.clock()
    entry = theatre.booking_line(session.db, session.forms, booking_id, now)
    said = theatre.flagged(entry, language(), now) if entry is not None else []
    if entry is None or not said:
        return []
    patient = entry.state.patient
    # Said in the text as well as the title, which some systems do not show.
    which = translate("TheatrePanel", "{name} — {number}\n{operation}: {when}, theatre {theatre}\n\nSaved; the day "
                                      "board flags it:").format(
        name=patient.display_name, number=patient.downtime_number, operation=_operation(session, entry.state),
        when=_day_and_time(entry.start), theatre=entry.theatre)
    Prompts.error(parent, translate("TheatrePanel", "Saved — the board flags this operation"),
                  "\n".join([which, *(f"• {flag}" for flag in said)]))
    return said


def _to_tell(session: Session, patient: PatientSummary) -> theatre.ToTell:
    """Whom to tell of the patient's new date, as the census has them now."""
    return theatre.whom_to_tell(session.db, [patient], session.clock())[patient.patient_id]


def _rebook_by(session: Session, state: theatre.BookingState, to_tell: theatre.ToTell) -> str:
    """The date the operation must happen by, BREACH or SOON as the rescheduling list says it
    (in red likewise): the dialog covers the list, and the coordinator chose among its slots
    with the date out of sight."""
    item = theatre.waiting_item(state, session.clock(), to_tell)
    said = escape(labelled(word(theatre.REBOOK_BY), item.rebook_by(language()), language()))
    return warning_html(said) if item.breach or item.near_breach else said


class RebookDialog(QDialog):
    """The earliest clash-free slots first; Enter books the highlighted one. A slot after the
    operation's rebook-by date says so: once rebooked, the operation leaves the rescheduling
    list, the one place its BREACH showed, so an urgent case must not be booked late unawares."""

    saved = Signal(object)  # the rebooking (or transfer) just saved

    def __init__(self, session: Session, state: theatre.BookingState, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.state = session, state
        self.setWindowTitle(translate("RebookDialog", "Rebook an operation"))
        # All but the refusal and the buttons scrolled: at 150 % and 16-point text the dialog was
        # taller than a 1366×768 screen, Book this slot and Transfer instead under the taskbar.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        what = translate("RebookDialog", "{procedure} ({minutes} min) — {surgeon}").format(
            procedure=_operation(session, state), minutes=state.minutes, surgeon=state.record.data["surgeon"])
        # The number to ring, to agree the day the patient can come with the dialog open (it was
        # on the list behind the dialog); for a patient in a bed, their ward, which tells them.
        to_tell = _to_tell(session, state.patient)
        said = to_tell.said(session.lang)
        call = ("" if not said else translate("RebookDialog", "Telephone: {phone}").format(phone=said)
                if to_tell.on_ward is None else translate(
                    "RebookDialog", "In hospital, {ward}: tell the ward, which tells the patient.").format(ward=said))
        # The rebook-by date red when near or past, in the red of the mode shown.
        self.heading = written(wrapped(QLabel()), lambda: f"{_who(state)}<br>{escape(what)}"
                               f"{'<br>' + escape(call) if call else ''}<br>{_rebook_by(session, state, to_tell)}")
        layout.addWidget(self.heading)
        self.from_day = _day_edit(session.clock().date())
        self.from_day.setMinimumDate(self.from_day.date())
        from_row = QHBoxLayout()
        from_label = QLabel(translate("RebookDialog", "Slots f&rom:"))
        from_label.setBuddy(self.from_day)
        from_row.addWidget(from_label)
        from_row.addWidget(self.from_day)
        from_row.addStretch(1)
        layout.addLayout(from_row)
        # The time the ward says the patient has been nil by mouth since (blank: told now): one
        # kept so since midnight for the morning's list lost the afternoon's to a fast counted from
        # the rebooking. Written in the rebooking, for the anaesthetist.
        self.nil_by_mouth = QLineEdit()
        self.nil_by_mouth.setPlaceholderText(translate("RebookDialog", "dd/mm/yyyy hh:mm"))
        # Its hint and a time typed whole, with room for the cursor and the frame.
        self.nil_by_mouth.setMinimumWidth(self.nil_by_mouth.fontMetrics().horizontalAdvance(
            max(self.nil_by_mouth.placeholderText(), "00/00/0000 00:00", key=len) + "MMM"))
        self.nil_by_mouth.editingFinished.connect(self.suggest)
        # The box under its label, the label wrapped: side by side at the largest text they made
        # the body 953 pixels wide in French, scrolled sideways, the patient's name cut off.
        nil_label = wrapped(QLabel(translate("RebookDialog", "&Nil by mouth since (blank: from now):")))
        nil_label.setBuddy(self.nil_by_mouth)
        layout.addWidget(nil_label)
        nil_row = QHBoxLayout()
        nil_row.addWidget(self.nil_by_mouth)
        nil_row.addStretch(1)
        layout.addLayout(nil_row)
        # Why the next slots are not offered to a patient at home (theatre.suggestions): the
        # coordinator looked for the 14:00 slot. Said as the census decides it, for a patient on
        # no ward of this laptop's census to be found.
        self.called_in = QLabel()
        self.called_in.setWordWrap(True)
        layout.addWidget(self.called_in)
        slots_label = wrapped(QLabel(translate(
            "RebookDialog", "&Suggested slots (no clash with theatre, surgeon, anaesthetist or patient):")))
        layout.addWidget(slots_label)
        self.elsewhere = QLabel()  # none of the operation's own specialty's lists is free: said before its slots
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setTextFormat(Qt.TextFormat.PlainText)  # the specialty as typed
        self.elsewhere.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.elsewhere)
        self.slot_list = QListWidget()
        self.slot_list.itemActivated.connect(lambda item: self.save())
        slots_label.setBuddy(self.slot_list)
        layout.addWidget(self.slot_list)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.other_hospital = QLineEdit()
        # Told as it is saved, when the day was agreed on the phone with the dialog open (as its
        # "Telephone:" invites): else the board's "Patient told…" afterwards.
        self.told, self.told_codes = _choice_combo(session, "operation_rebooking", "patient_told")
        form.addRow(translate("RebookDialog", "&Why this date"), self.reason)
        form.addRow(translate("RebookDialog", "Or &transfer to hospital"), self.other_hospital)
        form.addRow(translate("RebookDialog", "Patient t&old now (blank: not yet)"), self.told)
        layout.addLayout(form)
        outer = QVBoxLayout(self)
        outer.addWidget(Scrolled(body), 1)
        self.error = ErrorLabel()
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.book = QPushButton(translate("RebookDialog", "&Book this slot"))
        self.book.clicked.connect(self.save)
        self.transfer = QPushButton(translate("RebookDialog", "Trans&fer instead"))
        self.transfer.clicked.connect(self.send_elsewhere)
        buttons.addWidget(self.book)
        buttons.addWidget(self.transfer)
        outer.addLayout(buttons)
        self.suggest()
        self.from_day.dateChanged.connect(self.suggest)
        # The slots first, the first chosen: the focus began in "Slots from", where Down did
        # nothing and Up moved the day back, today's slots gone, and Enter booked that day's.
        self.setTabOrder(self.slot_list, self.from_day)
        self.setTabOrder(self.from_day, self.nil_by_mouth)
        self.setTabOrder(self.nil_by_mouth, self.reason)
        self.slot_list.setFocus()
        fit_dialog(self)

    def suggest(self) -> None:
        """The earliest clash-free slots from the day chosen (today at first): moving an
        operation to the day the patient can come is a cancellation, then this. On the lists of
        the operation's specialty; other specialties' only when none of those is free, and
        then said so (Enter booked a hernia repair on an earlier Gynaecology list unsaid). A
        patient whose death is recorded is offered neither a slot nor a transfer, and the dialog
        says so at once."""
        picked = self.from_day.date()
        state, deadline = self.state, self.state.rebook_by
        try:
            since, not_read = self._nil_by_mouth_since(), ""
        except ParseError as problem:
            since, not_read = None, field_message(problem.key, self.session.lang, self._nil_by_mouth_label(),
                                                  problem.limit)
        found = theatre.suggestions(self.session.db, state.record.record_id, self.session.clock(),
                                    from_day=date(picked.year(), picked.month(), picked.day()), fasted_since=since)
        self.slots = [*found.slots, *found.earlier]
        self.elsewhere.setText(translate("RebookDialog", "No {specialty} list known to this laptop has a free slot "
                                                         "from {day}. Other specialties' lists:").format(
            specialty=found.specialty, day=locale().toString(picked, "ddd dd/MM")) if found.elsewhere else "")
        self.elsewhere.setVisible(found.elsewhere)
        # Why today's free list is not offered: the patient is to fast first, or travel in; or
        # that an immediate or urgent case under anaesthetic, not held back, has not fasted.
        said = [fasting] if (fasting := self._fasting_said(found.fasted, since)) else []
        if found.from_home is not None:
            said.append(translate("RebookDialog", "Not on a ward by the census: called in from home, slots "
                                                  "from {time}, the patient arriving {minutes} minutes before "
                                                  "their operation as the letter asks.").format(
                time=_day_and_time(found.from_home), minutes=int(ARRIVE_BEFORE.total_seconds() // 60)))
        self.called_in.setText(" ".join(said))
        self.called_in.setVisible(bool(said))
        self.slot_list.clear()
        self.rows: list[Slot | None] = []
        for index, slot in enumerate(self.slots):
            if index == len(found.slots):
                self._add_heading(translate("RebookDialog", "Before the rebook-by date, on other lists:"))
            text = translate("RebookDialog", "{day} {time} — theatre {theatre} ({specialty})").format(
                day=locale().toString(slot.start.date(), "ddd dd/MM"), time=f"{slot.start:%H:%M}", theatre=slot.theatre,
                specialty=slot.specialty)
            if deadline is not None and slot.start > deadline:
                text = translate("RebookDialog", "{slot} — after the rebook-by date").format(slot=text)
            self.slot_list.addItem(text)
            self.rows.append(slot)
        self.slot_list.setCurrentRow(0)
        # Each slot whole, "after the rebook-by date" included (it was cut off at the dialog's
        # edge), within the screen.
        fits = (self.slot_list.sizeHintForColumn(0) + 2 * self.slot_list.frameWidth()
                + self.slot_list.verticalScrollBar().sizeHint().width())
        self.slot_list.setMinimumWidth(min(fits, self.screen().availableGeometry().width() - SCREEN_MARGIN))
        self.error.setText(not_read)
        # Enter, the default button, has nothing to book; nor is a dead patient's operation sent
        # to another hospital (the reason is said below, as for the slots). Nor is a slot booked
        # past a nil-by-mouth time not understood: its slots were counted from now.
        for offer in (self.book, self.transfer, self.other_hospital):
            offer.setEnabled(found.died_at is None)
        self.book.setEnabled(found.died_at is None and not not_read)
        if not_read:
            return
        if found.died_at is not None:
            self.error.setText(say(theatre.PatientDied(found.died_at)))
        elif not self.slots:
            self.error.setText(translate("RebookDialog",
                                         "No free slot in the sessions known to this laptop: add sessions or transfer."))
        elif deadline is not None and deadline < self.session.clock():  # no slot can come before it: none to free
            self.error.setText(translate("RebookDialog", "This operation's rebook-by date ({date}) has passed: book the "
                                                         "earliest slot, or transfer.").format(
                date=theatre.deadline_said(deadline)))
        elif deadline is not None and self.slots[0].start > deadline and picked > self.from_day.minimumDate():
            self.error.setText(translate("RebookDialog", "These slots are after this operation's rebook-by date "
                                                         "({date}).").format(date=theatre.deadline_said(deadline)))
        elif found.earlier:
            self.error.setText(translate("RebookDialog", "No free {specialty} slot before this operation's rebook-by "
                                                         "date ({date}): slots on other lists before it are offered "
                                                         "below the heading.").format(
                specialty=found.specialty, date=theatre.deadline_said(deadline)))
        elif deadline is not None and self.slots[0].start > deadline:
            self.error.setText(translate("RebookDialog", "No free slot before this operation's rebook-by date ({date}): "
                                                         "free one on a list (move an operation that can wait), or "
                                                         "transfer.").format(date=theatre.deadline_said(deadline)))

    def _nil_by_mouth_since(self) -> datetime | None:
        """The time typed in "Nil by mouth since", None when blank. A fast has begun: a time alone
        is the latest at or before now, today's or else yesterday's (read by the dose rule, 17:00
        typed at 14:00 was yesterday's but 15:30 today's, a fast not begun that booked a slot),
        and a time after now is refused (ParseError "future")."""
        text = self.nil_by_mouth.text().strip()
        if not text:
            return None
        now = self.session.clock()
        since = parse_datetime(text, now.tzinfo, day=now.date())
        if since > now:  # a time alone later today is yesterday's; a day typed stays as it is
            since = parse_datetime(text, now.tzinfo, day=now.date() - timedelta(days=1))
        if since > now:
            raise ParseError("future")
        return since

    def _nil_by_mouth_label(self) -> str:
        return translate("RebookDialog", "Nil by mouth since")

    def _fasting_said(self, fasted: datetime | None, since: datetime | None) -> str:
        """Why the slots start when they do for the fast (`Suggested.fasted`), from the time
        given or from now; for an operation under anaesthetic not held back to fast (immediate,
        urgent, P1a: `held_to_fast`) with no time given, that the anaesthetist is to be told when
        the patient last ate, for a rapid-sequence induction. A time given is always said as read
        (its day too), the fast complete or not held to: 17:00 mistyped for 07:00 was read as
        yesterday's and a slot now booked, nothing shown. "" otherwise."""
        hours = int(NOTHING_TO_EAT_BEFORE.total_seconds() // 3600)
        if fasted is not None and since is not None:
            return translate("RebookDialog", "Under anaesthetic: nil by mouth since {since}, the patient will have "
                                             "fasted {hours} hours by {time}.").format(
                since=_day_and_time(since), hours=hours, time=_day_and_time(fasted))
        if fasted is not None:
            return translate("RebookDialog", "Under anaesthetic: the patient, told now to eat nothing more, will have "
                                             "fasted {hours} hours by {time}.").format(
                hours=hours, time=_day_and_time(fasted))
        data = self.state.record.data
        if since is not None and held_to_fast(data):
            return translate("RebookDialog", "Under anaesthetic: nil by mouth since {since}, the patient has fasted "
                                             "{hours} hours already.").format(since=_day_and_time(since), hours=hours)
        if since is not None:
            return translate("RebookDialog", "Nil by mouth since {time}.").format(time=_day_and_time(since))
        if fasts(data.get("anaesthetic")) and not held_to_fast(data):
            return translate("RebookDialog", "Not fasted: tell the anaesthetist when the patient last ate.")
        return ""

    def _add_heading(self, text: str) -> None:
        """A line of the slot list that names the slots under it and cannot be booked."""
        heading = QListWidgetItem(text)
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.slot_list.addItem(heading)
        self.rows.append(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter in the receiving hospital's box transfers, as typed there: the dialog's default
        button booked the first suggested slot instead. Enter on a slot has booked it already
        (the list passes the key on): pressing the default button as well booked, unseen, the
        first of the slots read again after that slot was refused; and, none left (its list
        withdrawn), said "Choose a slot first." over why it was refused. Enter in "Nil by mouth
        since" reads the slots again from that time, to be seen before one is booked."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is self.other_hospital:
                self.send_elsewhere()
                return
            if self.focusWidget() in (self.slot_list, self.nil_by_mouth):  # the slots read again from the time typed
                return
        super().keyPressEvent(event)

    def _finish(self, values: dict[str, Any]) -> RecordVersion | None:
        values["decided_at"] = self.session.clock().isoformat(timespec="minutes")
        try:
            since = self._nil_by_mouth_since()
        except ParseError:
            return None  # said under the slots as the box was left
        why = [self.reason.text().strip(), translate("RebookDialog", "Nil by mouth since {time}.").format(
            time=_day_and_time(since)) if since is not None else ""]
        if any(why):
            values["reason"] = " ".join(filter(None, why))
        if (told := self.told_codes[self.told.currentIndex()]) is not None:
            values |= {"patient_told": told, "told_at": values["decided_at"]}
        try:
            saved = theatre.rebook(self.session, self.state.record.record_id, values)
        except (theatre.ClashRefused, theatre.SessionGone) as taken:
            # Taken or withdrawn since the slots were read (another coordinator, an import): read
            # them again, or the slot refused stays offered, and Enter tries it again.
            self.suggest()
            self.error.setText(translate("RebookDialog", "{clash} The suggested slots have been read again.").format(
                clash=taken.clashes_text(language()) if isinstance(taken, theatre.ClashRefused) else say(taken)))
            return None
        except theatre.PatientDied:
            self.suggest()  # the death recorded since the dialog opened: no slot nor transfer offered, and why
            return None
        except (ValidationFailed, ServiceError) as problem:
            self.error.setText(say(problem))
            return None
        self.saved.emit(saved)
        self.accept()
        return saved

    def save(self) -> RecordVersion | None:
        row = self.slot_list.currentRow()
        if not 0 <= row < len(self.rows) or (slot := self.rows[row]) is None:
            self.error.setText(translate("RebookDialog", "Choose a slot first."))
            return None
        return self._finish({"outcome": "rebooked", "session": slot.session_id,
                             "planned_start": slot.start.isoformat(timespec="minutes")})

    def send_elsewhere(self) -> RecordVersion | None:
        if not self.other_hospital.text().strip():
            self.error.setText(translate("RebookDialog", "Receiving hospital: required for a transfer."))
            return None
        return self._finish({"outcome": "transferred", "other_hospital": self.other_hospital.text().strip()})


class TheatrePanel(QWidget):
    checklist = Signal()
    """Asks for a new surgical safety checklist of the operation chosen (the window opens it,
    naming the booking: see `chosen_booking`)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        controls = FlowRow()
        self.day = _day_edit(session.clock().date())
        self.day.dateChanged.connect(self.show_day)
        label = QLabel(translate("TheatrePanel", "&Day:"))
        label.setBuddy(self.day)
        controls.addWidget(label)
        controls.addWidget(self.day)
        # Every operation past with nothing recorded of it, of any day, in place of the day's
        # board: the coordinator clears them at the end of the day, each done or cancelled.
        self.past_only = QCheckBox(translate("TheatrePanel", "Past, no&t recorded"))
        self.past_only.toggled.connect(self._show_past)
        controls.addWidget(self.past_only)
        self.cancel_button = QPushButton(translate("TheatrePanel", "&Cancel selected operation…"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.done_button = QPushButton(translate("TheatrePanel", "Operation do&ne…"))
        self.done_button.clicked.connect(self.done_selected)
        self.letter_button = QPushButton(translate("TheatrePanel", "Patient's &letter"))
        self.letter_button.clicked.connect(self.print_letter)
        self.told_button = QPushButton(translate("TheatrePanel", "Patient t&old…"))
        self.told_button.clicked.connect(self.record_told)
        self.list_button = QPushButton(translate("TheatrePanel", "&Print the day's list"))
        self.list_button.clicked.connect(self.print_list)
        # The sign in, time out and sign out of the operation chosen, for the theatre nurse or the
        # doctor who may write them (a coordinator may not: no button).
        self.checklist_button = QPushButton(translate("TheatrePanel", "Safety chec&klist…"))
        self.checklist_button.clicked.connect(self.checklist)
        for button in (self.cancel_button, self.done_button, self.told_button, self.letter_button, self.list_button,
                       self.checklist_button):
            controls.addWidget(button)
        layout.addLayout(controls)
        # Hidden once in the panel: shown before, the button was a window of its own, for an instant.
        self.checklist_button.setVisible(records.may_write(session, session.form(theatre.CHECKLIST_FORM)))
        heading = QHBoxLayout()
        # Wrapped: on one line, its French ("Programme opératoire du jour (interventions annulées
        # ou déplacées barrées)") made the tab wider than a 1024-pixel screen at the largest text.
        self.title = wrapped(QLabel())
        heading.addWidget(self.title, 1)
        self.reading = QLabel()
        heading.addWidget(self.reading)
        # Whom to tell of the operation just rebooked or transferred (`_say_to_tell`), beside the
        # board's title: on a line of its own it took the board's last visible line in a small
        # window. It never widens the window.
        self.to_tell = QLabel()
        self.to_tell.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.to_tell.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.to_tell.setStyleSheet("font-weight: bold;")
        self.to_tell.hide()
        heading.addWidget(self.to_tell, 100)  # all the room left, when shown
        self.telling: str | None = None  # the booking whose patient `to_tell` says to ring
        heading.addStretch(1)
        layout.addLayout(heading)
        # A list printed, then changed (theatre.changed_since_printed): said above the board after
        # every save until it is printed again, the paper on the theatre wall being out of date.
        self.reprint_said: list[str] = []
        self.reprint = written(wrapped(QLabel()), lambda: "<br>".join(warning_html(escape(said))
                                                                      for said in self.reprint_said))
        self.reprint.hide()
        layout.addWidget(self.reprint)
        self.day_model = DayModel(session)
        self.day_table = make_table(self.day_model, translate("TheatrePanel", "Theatre day board"), self.cancel_selected)
        self._say_title(None)
        self.day_model.modelReset.connect(self._narrow_status)
        self.day_table.selectionModel().currentRowChanged.connect(self._say_chosen_to_tell)
        layout.addWidget(self.day_table, 3)
        # Two lines of the board at least: in a short window (150 % on a 768-pixel screen) the
        # controls above, grown by the operations done, squeezed it to part of one line, and the
        # operation just rebooked, chosen on it, was out of sight.
        self.day_table.setMinimumHeight(self.day_table.horizontalHeader().sizeHint().height()
                                        + 2 * self.day_table.verticalHeader().defaultSectionSize())
        row = FlowRow()
        row.addWidget(QLabel(translate("TheatrePanel", "<b>To reschedule</b> — priority, then deadline, then waiting time")))
        self.rebook_button = QPushButton(translate("TheatrePanel", "Re&book selected…"))
        self.rebook_button.clicked.connect(self.rebook_selected)
        self.waiting_button = QPushButton(translate("TheatrePanel", "Print the re&scheduling list"))
        self.waiting_button.clicked.connect(self.print_waiting)
        row.addWidget(self.rebook_button)
        row.addWidget(self.waiting_button)
        layout.addLayout(row)
        self.waiting_model = WaitingModel(session)
        self.waiting_table = make_table(self.waiting_model, translate("TheatrePanel", "Operations to reschedule"), self.rebook_selected)
        self.waiting_model.modelReset.connect(lambda: wrap_columns(self.waiting_table, WRAPPED))
        layout.addWidget(self.waiting_table, 2)
        self.left_by_death = QLabel()  # what left the list since its patient's death was recorded, and why
        self.left_by_death.setWordWrap(True)
        self.left_by_death.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.left_by_death.setStyleSheet("font-weight: bold;")
        self.left_by_death.hide()
        layout.addWidget(self.left_by_death)
        self.dialog: QDialog | None = None
        self.to_choose: tuple[str, datetime] | None = None  # the board's line to choose once read (`_line`)
        self.waiting_unread = False
        self.reader = ListReader(self)
        self.reader.found.connect(self._read)
        self.reader.refused.connect(self._refused)
        self.reader.slow.connect(lambda: self.reading.setText(translate("TheatrePanel", "Reading the theatre lists…")))

    def chosen_patient(self) -> PatientSummary | None:
        """The patient of the operation chosen in the list the person is in (the rescheduling
        list when it has the focus), else of the board's chosen line: a patient action here
        ("Record for selected patient") was for whoever was chosen on the Patients tab, out of
        sight."""
        state = self._chosen_state()
        return state.patient if state is not None else None

    def chosen_booking(self) -> str | None:
        """The booking of the operation chosen, as `chosen_patient` finds it: a record about the
        operation (its surgical safety checklist) opened from here names it."""
        state = self._chosen_state()
        return state.record.record_id if state is not None else None

    def _chosen_state(self) -> theatre.BookingState | None:
        for table in sorted((self.day_table, self.waiting_table), key=lambda table: not table.hasFocus()):
            index = table.currentIndex()
            if index.isValid():
                row = table.model().rows[index.row()]
                return (row[1] if table is self.day_table else row).state
        return None

    def selected_day(self) -> date:
        picked = self.day.date()
        return date(picked.year(), picked.month(), picked.day())

    def refresh(self) -> None:
        """Read again after every save: the operation chosen on the board stays chosen (struck
        through once cancelled), and on the rescheduling list too, or the one that takes its line
        once it is rebooked."""
        self.waiting_unread = True
        self._read_lists()

    def show_day(self) -> None:
        """The day board alone: stepping through days with the arrow keys does not read the
        rescheduling list again. The day before's operations go at once: shown under the day
        just chosen while it is read, one of them could be cancelled or lettered as that day's."""
        self.day_model.set_rows([])
        self._read_lists()

    def _show_past(self, past: bool) -> None:
        """The operations past with nothing recorded, of every day, or the day's board again."""
        self.day.setEnabled(not past)
        self.show_day()

    def _read_lists(self) -> None:
        """On a thread of its own: a records office's day holds every laptop's bookings, merged,
        whose clashes are compared pair by pair (a quarter of a second, the window frozen at
        each day stepped through and each save). Only the last read asked for is shown, so its
        day is the one chosen; the rescheduling list is read with it until one read has shown it.
        With "Past, not recorded" ticked, the operations past with nothing recorded, each with
        its day."""
        day, with_waiting, past = self.selected_day(), self.waiting_unread, self.past_only.isChecked()
        self.day_model.dated = past

        def read(own: Session, _: object) -> tuple[Board, Waiting | None]:
            if past:
                now = own.clock()
                return theatre.not_recorded(own.db, own.forms, now), (
                    theatre.rescheduling(own.db, own.forms, now) if with_waiting else None)
            if with_waiting:
                return theatre.board(own.db, own.forms, day, own.clock())
            return theatre.day_list(own.db, own.forms, day), None

        self.reader.read(self.session, read)

    def _say_title(self, past: int | None) -> None:
        """What the board lists: the day's lists, or (`past`: how many) the operations past with
        no outcome recorded, which it went on calling the day board."""
        if past is None:
            title, name = translate("TheatrePanel", "<b>Theatre day board</b> (cancelled or moved operations struck "
                                                    "through)"), translate("TheatrePanel", "Theatre day board")
        else:
            name = translate("TheatrePanel", "Operations past with no outcome recorded: {count}").format(count=past)
            title = f"<b>{escape(name)}</b>"
        self.title.setText(title)
        self.day_table.setAccessibleName(name)

    def _read(self, found: tuple[Board, Waiting | None]) -> None:
        day, waiting = found
        self.reading.clear()
        self._say_reprint(day)
        show_keeping_choice(self.day_table, self.day_model, [(s.theatre, entry) for s, entries in day for entry in entries],
                            _line, or_same_line=False)
        self._say_title(self.day_model.rowCount() if self.day_model.dated else None)
        if self.to_choose is not None:
            found = next((number for number, row in enumerate(self.day_model.rows) if _line(row) == self.to_choose), None)
            self.to_choose = None
            if found is not None:
                self.day_table.selectRow(found)
                self.day_table.setFocus()
        if self.day_table.currentIndex().isValid():
            # The line chosen in sight, read again after every save: on a full day the operation
            # chosen for its letter lay below the last line seen, or went out of sight when the
            # board was read again after the save, or its columns, fitted to the day just read,
            # brought in the horizontal scroll bar over it.
            self.day_table.updateGeometries()
            self.day_table.scrollTo(self.day_table.currentIndex())
        if waiting is not None:
            self.waiting_unread = False
            to_rebook, left = waiting
            show_keeping_choice(self.waiting_table, self.waiting_model, to_rebook,
                                lambda item: item.state.record.record_id, or_same_line=True)
            self._say_left(left)

    def _say_reprint(self, day: Board) -> None:
        """Each of the day's lists printed and changed since: CHANGED SINCE PRINTED, and to print it
        again and replace the copy in theatre. Not of the operations past, of every day."""
        changed = [] if self.day_model.dated else theatre.changed_since_printed(self.session.db, self.selected_day(), day,
                                                                                self.session.forms)
        self.reprint_said = [f"{one.said(language())} — {one.to_reprint(language())}" for one in changed]
        self.reprint.setText("<br>".join(warning_html(escape(said)) for said in self.reprint_said))
        self.reprint.setVisible(bool(changed))

    def _say_left(self, left: list[theatre.WaitingItem]) -> None:
        """Under the list, each operation that left it since its patient's death was recorded:
        gone unexplained, it would be looked for (theatre.rescheduling)."""
        died = [translate("TheatrePanel", "{name} ({number}), {operation} — died {died}").format(
            name=item.state.patient.display_name, number=item.state.patient.downtime_number,
            operation=_operation(self.session, item.state), died=ward_time(item.state.died_at, None, DATED))
            for item in left]
        self.left_by_death.setText(translate("TheatrePanel", "Not to rebook, the patient's death is recorded: "
                                                             "{operations}.").format(operations=semicolon(language()).join(died)))
        self.left_by_death.setVisible(bool(left))

    def _refused(self, problem: UserError) -> None:
        """No rows rather than those of another day than the one chosen, and the reason why."""
        self.reading.setText(say(problem))
        self.day_model.set_rows([])

    def _narrow_status(self) -> None:
        """After the columns are fitted to the rows (make_table): a long name is cut, then a
        status wider than its first clash, or than the room the board leaves it beside the
        patient's identifiers and the side (less the vertical scroll bar a longer day is about
        to bring), all staying on screen. Cut at its first clash alone, a French rebooked line lost
        PATIENT NOT TOLD YET after the slot it left ("REPROGRAMMÉE (au lieu du 27/11 08:00) —
        PATIENT P…") on a 1340-pixel screen with room to spare."""
        table = self.day_table
        cut_column(table, PATIENT, NAME_CHARACTERS)
        bar = table.verticalScrollBar()
        coming = not bar.isVisible() and (table.verticalHeader().length() > table.viewport().height()
                                          - table.horizontalScrollBar().sizeHint().height())
        room = (table.viewport().width() - (bar.sizeHint().width() if coming else 0)
                - sum(table.columnWidth(column) for column in range(SIDE + 1) if column != STATUS))
        cut_column(table, STATUS, STATUS_CHARACTERS, room=room)

    def _open(self, dialog: QDialog) -> QDialog:
        """What the dialog saves is shown by the window's refresh of the list in view after
        every save (reading the board here as well read it twice)."""
        self.dialog = dialog
        return open_until_closed(dialog, self._closed)

    def _closed(self) -> None:
        self.dialog = None

    def _chosen(self, table: QTableView, missing: str) -> QModelIndex | None:
        """The line chosen, or None once the coordinator is told to choose one (the buttons and
        Enter did nothing at all)."""
        index = table.currentIndex()
        if index.isValid():
            return index
        Prompts.error(self, translate("TheatrePanel", "No operation chosen"), translate("TheatrePanel", missing))
        return None

    def cancel_selected(self) -> QDialog | None:
        index = self._chosen(self.day_table, ON_THE_BOARD)
        if index is None:
            return None
        entry = self.day_model.rows[index.row()][1]
        if entry.struck:
            Prompts.error(self, *self._struck_said(entry.state))
            return None
        dialog = CancelDialog(self.session, entry.state, self)
        dialog.saved.connect(lambda saved: self._say_saved_to_tell(entry.state, saved))
        return self._open(dialog)

    def done_selected(self) -> QDialog | None:
        """That the operation chosen on the board took place (`DoneDialog`): one cancelled, or
        whose list is still to come, is refused there, saying why. One recorded done already is
        corrected where it is recorded: a second record would say it took place twice. A struck
        line is one the operation left: where it is now is said, as when cancelling (the dialog
        opened on the line of a day the operation had left, for its new slot)."""
        index = self._chosen(self.day_table, ON_THE_BOARD)
        if index is None:
            return None
        entry = self.day_model.rows[index.row()][1]
        state = entry.state
        if entry.struck and state.done_at is None:
            Prompts.error(self, *self._struck_said(state, done=True))
            return None
        if state.done_at is not None:
            Prompts.error(self, translate("TheatrePanel", "Already recorded done"), translate(
                "TheatrePanel", "This operation is recorded done at {at}. To correct it, amend that record, or mark it "
                                "entered in error, in the patient's records.").format(
                at=ward_time(state.done_at, self.session.clock().tzinfo, DATED)))
            return None
        return self._open(DoneDialog(self.session, state, self))

    def _struck_said(self, state: theatre.BookingState, done: bool = False) -> tuple[str, str]:
        """Why a struck line cannot be cancelled (or, `done`, recorded done), titled by what
        happened to the operation, and, for one rebooked, where it is now to be cancelled: the
        coordinator works on the day the outage cancelled, and was left to find its new day
        unhelped. Titled "Already cancelled", an operation moved read as off the lists."""
        if state.moved_by is not None and state.status is theatre.BookingStatus.REBOOKED:
            said = (translate("TheatrePanel", "This operation is struck through: it was moved from this list. {news}: to "
                                              "record it done, choose it on that day.") if done else
                    translate("TheatrePanel", "This operation is struck through: it was moved from this list. {news}: to "
                                              "cancel it, choose it on that day."))
            return translate("TheatrePanel", "Moved to another day"), said.format(
                news=_news(self.session, state, state.moved_by))
        if state.moved_by is not None and state.status is theatre.BookingStatus.TRANSFERRED:
            return translate("TheatrePanel", "Transferred"), translate(
                "TheatrePanel", "This operation is struck through: it was transferred. {news}.").format(
                news=_news(self.session, state, state.moved_by))
        return translate("TheatrePanel", "Already cancelled"), translate(
            "TheatrePanel", "This operation is struck through: it was already cancelled or moved from this list.")

    def print_list(self) -> Path | None:
        day = self.selected_day()
        printed = print_and_open(self, self.session, lambda own, out: printing.print_theatre_list(own, day, out),
                                 f"theatre-list-{day.isoformat()}")
        self._read_lists()  # printed again: no longer changed since printed (the line chosen kept)
        return printed

    def print_waiting(self) -> Path | None:
        return print_and_open(self, self.session, lambda own, out: printing.print_rescheduling(own, out), "rescheduling")

    def print_letter(self) -> Path | None:
        """The letter of the new date, for the operation chosen on the board (on either day:
        struck where it was, or on its new day), to give or post to the patient."""
        index = self._chosen(self.day_table, ON_THE_BOARD)
        if index is None:
            return None
        booking_id = self.day_model.rows[index.row()][1].state.record.record_id
        return print_and_open(self, self.session, lambda own, out: printing.print_letter(own, booking_id, out),
                              f"letter-{booking_id[:8]}")

    def record_told(self) -> QDialog | None:
        """How and when the patient of the operation chosen on the board (on either day) was
        told of its cancellation, new date or transfer."""
        index = self._chosen(self.day_table, ON_THE_BOARD)
        if index is None:
            return None
        state = self.day_model.rows[index.row()][1].state
        if state.told_of is None:
            Prompts.error(self, translate("TheatrePanel", "Nothing to tell"), translate(
                "TheatrePanel", "This operation stands as booked: there is no cancellation, new date or transfer to "
                                "tell its patient of."))
            return None
        dialog = ToldDialog(self.session, state, self)
        dialog.accepted.connect(lambda: self._told(state))
        return self._open(dialog)

    def _told(self, state: theatre.BookingState) -> None:
        """The line saying whom to ring goes once that patient is told; told by a letter posted too
        late to arrive (`letter_late`), it says to ring them instead: the line went, the board
        saying to ring."""
        facts = theatre.booking_facts(self.session.db, state.record.record_id)
        if facts.not_told and facts.told_of is not None:
            self._say_to_tell(state, facts.told_of, facts.letter_late)
        elif self.telling == state.record.record_id:
            self.to_tell.hide()

    def rebook_selected(self) -> QDialog | None:
        index = self._chosen(self.waiting_table, ON_THE_LIST)
        if index is None:
            return None
        state = self.waiting_model.rows[index.row()].state
        dialog = RebookDialog(self.session, state, self)
        dialog.saved.connect(lambda saved: self._say_saved_to_tell(state, saved))
        dialog.saved.connect(lambda saved: self._choose_for_letter(state, saved))
        # Once the dialog is gone, not over it: accepted only once saved.
        dialog.accepted.connect(lambda: say_flagged(self, self.session, state.record.record_id))
        return self._open(dialog)

    def _say_saved_to_tell(self, state: theatre.BookingState, saved: RecordVersion) -> None:
        """Whom to tell once a cancellation, rebooking or transfer is saved, when the operation,
        read again, still has its patient to tell as the board judges it (`not_told`): told by a
        letter posted too late to arrive before the operation it tells of, the patient is not
        told, and the line said nothing while the board said to ring. None for a patient told."""
        if (facts := theatre.booking_facts(self.session.db, state.record.record_id)).not_told:
            self._say_to_tell(state, saved, facts.letter_late)
        else:
            self.to_tell.hide()

    def _say_to_tell(self, state: theatre.BookingState, saved: RecordVersion, letter_late: bool) -> None:
        """Over the board, the number to ring, whom to tell, and what, once an operation is
        cancelled, rebooked or transferred with its patient not yet told: the number was on the
        rescheduling list only, which a rebooked operation had just left, and a morning's fifteen
        rebookings each had their number looked up again. One line beside the board's title, the
        number first (a narrow window cuts its end; whole in its tooltip). For a patient in a bed,
        their ward instead, whose team tells them (`theatre.whom_to_tell`): the line said to ring
        the number of a patient on ward 3B, who was not at home. An operation cancelled has no
        letter until it is rebooked; one told by a letter posted too late (`letter_late`) is rung,
        its letter not printed or posted again."""
        patient, news = state.patient, _news(self.session, state, saved)
        to_tell = _to_tell(self.session, patient)
        whom = to_tell.said(self.session.lang)
        lettered = saved.form_id == "operation_rebooking" and not letter_late
        who = (translate("TheatrePanel", "Tell {ward} so its team tells {name} ({number})") if to_tell.on_ward
               else translate("TheatrePanel", "Ring {phone} to tell {name} ({number})") if whom
               else translate("TheatrePanel", "No telephone recorded: post their letter (Patient's letter) to {name} "
                                              "({number})") if lettered
               else translate("TheatrePanel", "No telephone recorded: find another way to tell {name} ({number})")
               ).format(ward=whom, phone=whom, name=patient.display_name, number=patient.downtime_number)
        said = translate("TheatrePanel", "{who}: {news}.").format(who=who, news=news)
        if whom and lettered:
            said = " ".join((said, translate("TheatrePanel", "Then print their letter (Patient's letter).")))
        self.to_tell.setText(said)
        self.to_tell.setToolTip(said)
        self.to_tell.show()
        self.telling = state.record.record_id

    def _say_chosen_to_tell(self, current: QModelIndex) -> None:
        """Whom to tell of the board's line chosen, whose patient is still to be told, over the
        board (`_say_to_tell`): the line said PATIENT NOT TOLD YET, and the ward or the number
        was on the rescheduling list alone, which a rebooked operation has left. A line told
        leaves the last one said, which names its patient."""
        if not current.isValid() or current.row() >= len(self.day_model.rows):
            return
        state = self.day_model.rows[current.row()][1].state
        if state.untold and state.told_of is not None:
            self._say_to_tell(state, state.told_of, state.letter_late)

    def _choose_for_letter(self, state: theatre.BookingState, saved: RecordVersion) -> None:
        """Rebooked, the operation leaves the rescheduling list and its patient's letter is what
        the coordinator prints next: the board goes to its new day, the operation chosen there
        and the board in focus, so "Patient's letter" prints it (the board stayed on the day
        before, the operation to be found). Transferred, its letter is printed from its struck
        line on the day it was cancelled from, chosen likewise. The day is its list's, as the
        board shows each list on the day it starts: after midnight on an overnight list, the
        board went to a day without it."""
        if saved.data["outcome"] == "rebooked":
            session_id, start = saved.data["session"], datetime.fromisoformat(saved.data["planned_start"])
        elif state.cancelled_from:
            session_id, start = state.cancelled_from[-1].session_id, state.cancelled_from[-1].start
        else:
            return
        self.to_choose = (state.record.record_id, start)
        listed_on = theatre.sessions(self.session.db, {session_id}).get(session_id)
        local = (listed_on.start if listed_on is not None else start).astimezone(self.session.clock().tzinfo)
        self.day.setDate(QDate(local.year, local.month, local.day))


"""A night's doses from the paper chart typed in on one screen: a row per dose due in the
stretch the laptop was down (see services.paper_doses), each said given, not given (with its
reason) or not on paper (left to check, nothing saved), and rows added for the as-required doses
given. One dose dialog per dose asked its questions again each time: a 30-bed ward's night is
some 150 of them, at shift change. Tab and Enter go from box to box, row after row; Save all
(Ctrl+S) saves every row or none, after one confirmation of the counts. What is typed is the
nurse's draft on every change, offered back after a crash (see `PaperDosesDialog.resume`)."""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from downtime.domain.medication import NotGivenReason, Order, Outcome, Warning, patch, reason_offered
from downtime.domain.records import RecordVersion
from downtime.formspec.messages import message as field_message
from downtime.formspec.values import ParseError, offered, parse_datetime, parse_decimal
from downtime.i18n import QT_TRANSLATE_NOOP, decimal_text, labelled
from downtime.qt.dose_dialog import staff_choice
from downtime.qt.flow_row import FlowRow
from downtime.qt.form_view import enter_moves_on
from downtime.qt.i18n import language, say, translate
from downtime.qt.patient_header import admission_on_hold, enteric_isolation, identity_label
from downtime.qt.prompts import Prompts
from downtime.qt.screen_fit import fit_dialog, wrapped
from downtime.qt.screen_reader import named
from downtime.qt.style import ErrorLabel, follow_view, hint_style, warning_html
from downtime.services import cd_register, devices, drafts, medication, paper_doses
from downtime.services.census import patient_with_location
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.laptops import staff_of
from downtime.services.paper_doses import DraftRow, PaperDose, PaperDraft, ResumedRow, Stretch
from downtime.storage.connection import DatabaseError, write_failure

# A row's outcome, by its place in the row's list: nothing is saved of a row left "not on paper",
# where every row starts, so no dose is charted unless the nurse says what the paper says.
NOT_ON_PAPER, GIVEN, NOT_GIVEN = range(3)
OUTCOME_KEYS: tuple[Literal["not_on_paper"], Literal["given"], Literal["not_given"]] = (
    "not_on_paper", "given", "not_given")
"""Each outcome as a draft keeps it."""
OUTCOMES = (QT_TRANSLATE_NOOP("PaperDosesDialog", "Not on paper"), QT_TRANSLATE_NOOP("PaperDosesDialog", "Given"),
            QT_TRANSLATE_NOOP("PaperDosesDialog", "Not given"))
COLUMNS = (QT_TRANSLATE_NOOP("PaperDosesDialog", "Row"), QT_TRANSLATE_NOOP("PaperDosesDialog", "Patient"),
           QT_TRANSLATE_NOOP("PaperDosesDialog", "Medicine"), QT_TRANSLATE_NOOP("PaperDosesDialog", "Due"),
           QT_TRANSLATE_NOOP("PaperDosesDialog", "On the paper"), QT_TRANSLATE_NOOP("PaperDosesDialog", "Actual time"),
           QT_TRANSLATE_NOOP("PaperDosesDialog", "Dose"), QT_TRANSLATE_NOOP("PaperDosesDialog", "Given by"))
ASKED = (QT_TRANSLATE_NOOP("PaperDosesDialog", "Witness on paper"),
         QT_TRANSLATE_NOOP("PaperDosesDialog", "Reason not given"),
         QT_TRANSLATE_NOOP("PaperDosesDialog", "Details / reason given / reading"),
         QT_TRANSLATE_NOOP("PaperDosesDialog", "Patch site"))
"""The boxes only some rows ask (a controlled drug's witness, the reason a dose was not given,
what it was given for, or the reading a variable dose was decided on, where a patch was put on),
under their row, each named, shown when the row's outcome asks it: as three more columns, a
ward's rows at the normal text size ran 1,404 pixels wide on a 1,092-pixel screen and scrolled
sideways, the witness column empty on all but the controlled drugs' rows. A patch's site, asked
as the dose dialog asks it: typed in with none, the next dose dialog's CURRENT PATCH said "site
not recorded" of the patch to take off."""
PATIENT, MEDICINE = 1, 2
LIST_CHARACTERS = 16
"""The giver's list's width in a row, and the as-required list's, in characters: as wide as
its longest item, a reason not given ("S — Suspendu (raison clinique, préciser)") or a name, the
rows ran past a 1366-pixel screen's edge and the medicine wrapped on four lines. Its open list
shows each item whole."""
MEDICINE_CHARACTERS = 21
"""The medicine column's width at most, in characters of the text size shown: the room the
columns left it, "Paracetamol 1 g PO" took two lines and a controlled drug with its flags six,
a night's 150 rows six times as tall. A name and dose as long take one line, a longer one two."""
PATIENT_CHARACTERS = 20
"""The patient column's width at most, in characters: a long name ("21 LEROY Françoise (née
ROUSSEAU)") goes on two lines rather than taking the medicine's room."""
LOOK_BACK_CHOSEN = timedelta(hours=12)
"""The stretch offered when the chart says no dose is on paper: the night shift's."""
TIME_FORMAT = "%d/%m/%Y %H:%M"


def at_most(label: QLabel, characters: int, unwrapped: int | None = None) -> QLabel:
    """The label wrapped, as wide as its text up to `characters` of the app's font: its column
    sized from the text size shown, not from the longest words of a night's rows. `unwrapped`: the
    text's width on one line, where it is not the plain text's in the label's font (rich text)."""
    width = label.fontMetrics().horizontalAdvance(label.text()) if unwrapped is None else unwrapped
    label.setMinimumWidth(min(width, characters * QFontMetrics(QApplication.font()).averageCharWidth()))
    return wrapped(label)


def focus_moves() -> SignalInstance:
    """The application's signal of the keyboard going from one box to another."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.focusChanged


@dataclass
class PaperRow:
    """The boxes of one row: `slot` None for an as-required dose the nurse added."""

    number: int
    order: Order
    slot: datetime | None
    outcome: QComboBox
    given_at: QLineEdit
    dose: QLineEdit
    given_by: QComboBox
    witness: QComboBox | None
    reason: QComboBox
    """The reasons not given its order allows (domain.medication.reason_offered), each one's code its
    item's data."""
    detail: QLineEdit
    site: QLineEdit | None
    """A patch's site (None: the row is no patch's)."""
    asked: QWidget
    """The line under the row holding the boxes of ASKED, each beside its name in `questions`."""
    questions: list[tuple[QWidget, QWidget]]
    warnings: QWidget
    override_edits: dict[str, QLineEdit] = field(default_factory=dict)
    """The reason box of each warning shown, by the warning's message."""
    overrides_typed: dict[str, str] = field(default_factory=dict)
    """The reasons a draft reopened kept, by warning: each fills its box when Save shows the
    warning again (it is shown, not taken as read)."""

    def overrides(self) -> dict[str, str]:
        """The reason typed for each warning, shown again or not yet."""
        return self.overrides_typed | {said: edit.text() for said, edit in self.override_edits.items()}

    def draft(self) -> DraftRow:
        """The row as typed, its reason not given by its code."""
        return DraftRow(order_id=self.order.record_id, slot=self.slot, outcome=OUTCOME_KEYS[self.outcome.currentIndex()],
                        given_at=self.given_at.text(), dose=self.dose.text(), given_by=self.given_by.currentData(),
                        witness=self.witness.currentData() if self.witness is not None else None,
                        reason=self.reason.currentData(), detail=self.detail.text(),
                        site=self.site.text() if self.site is not None else "", overrides=self.overrides())

    def boxes(self) -> list[QWidget]:
        return [box for box in (self.outcome, self.given_at, self.dose, self.given_by, self.witness, self.reason,
                                self.detail, self.site) if box is not None]

    def judged(self) -> None:
        """Only the boxes the outcome asks are open (Tab goes through those alone), and of those
        under the row only the ones it asks are shown."""
        chosen = self.outcome.currentIndex()
        given = chosen == GIVEN
        asks = {self.given_at: chosen != NOT_ON_PAPER, self.dose: given, self.given_by: given, self.witness: given,
                self.reason: chosen == NOT_GIVEN,
                self.detail: chosen == NOT_GIVEN or (given and (self.order.asks_why_given or self.order.asks_reading)),
                self.site: given}
        for box, asked in asks.items():
            if box is not None:
                box.setEnabled(asked)
        for box, pair in self.questions:
            pair.setVisible(asks[box])
        self.asked.setVisible(any(asks[box] for box, _ in self.questions))


class PaperDosesDialog(QDialog):
    """`saved` fires with the doses saved."""

    saved = Signal(object)

    def __init__(self, session: Session, patient_ids: list[str], parent: QWidget | None = None,
                 draft: drafts.Draft | None = None):
        """`patient_ids`: one patient's (their chart) or a ward's (the round), whose rows then
        name the patient. `draft`: the screen typed before and left unsaved, reopened as typed;
        without it, the nurse's draft for the same patients is, if she has one."""
        super().__init__(parent)
        self.session, self.patient_ids = session, patient_ids
        self.draft_id = str(uuid.uuid4())
        self.autosaving = False  # on from the screen built (see `_keep_typed`)
        self.set_aside = False  # closed for the next person: see `hand_over`
        self.setWindowTitle(translate("PaperDosesDialog", "Enter doses from the paper chart"))
        self.rows: list[PaperRow] = []
        self.patients = {patient_id: patient_with_location(session.db, session.forms, patient_id)
                         for patient_id in patient_ids}
        self.order_form = session.form(medication.ORDER_FORM)
        self.reasons = [(option.code, option.label.get(session.lang))
                        for option in offered(session.form(medication.DOSE_FORM).field("not_given_reason"))]
        layout = QVBoxLayout(self)
        if len(patient_ids) == 1:
            patient = self.patients[patient_ids[0]]
            layout.addWidget(identity_label(patient, held=admission_on_hold(session, patient),
                                            enteric=enteric_isolation(session, patient)))
        self.resumed = ErrorLabel(only_when_said=True)  # a draft reopened: said not saved (see `resume`)
        self.unsaved_said = ""
        """The draft reopened's line without its rows' numbers, said again while rows it kept stay
        typed after another stretch is listed (see `list_doses`)."""
        layout.addWidget(self.resumed)
        now = session.clock()
        stretch = paper_doses.gap_stretch(session, patient_ids) or Stretch(now - LOOK_BACK_CHOSEN, now)
        chosen = QHBoxLayout()
        self.start, self.end = QLineEdit(f"{stretch.start:{TIME_FORMAT}}"), QLineEdit(f"{stretch.end:{TIME_FORMAT}}")
        chosen.addWidget(QLabel(translate("PaperDosesDialog", "Doses due from")))
        chosen.addWidget(named(self.start, translate("PaperDosesDialog", "Doses due from")))
        chosen.addWidget(QLabel(translate("PaperDosesDialog", "to")))
        chosen.addWidget(named(self.end, translate("PaperDosesDialog", "Doses due to")))
        self.list_button = QPushButton(translate("PaperDosesDialog", "&List them"))
        self.list_button.setAutoDefault(False)
        self.list_button.clicked.connect(self.list_doses)
        for edit in (self.start, self.end):
            edit.textChanged.connect(self._keep_typed)
        chosen.addWidget(self.list_button)
        chosen.addStretch(1)
        layout.addLayout(chosen)
        everyone = QHBoxLayout()
        self.giver_for_all = staff_choice(session, first=session.user.staff_id, on_paper=True)
        self.giver_for_all.currentIndexChanged.connect(self._giver_chosen)
        everyone.addWidget(QLabel(translate("PaperDosesDialog", "Given by, on every row:")))
        everyone.addWidget(named(self.giver_for_all, translate("PaperDosesDialog", "Given by, on every row")))
        everyone.addStretch(1)
        layout.addLayout(everyone)
        layout.addWidget(wrapped(QLabel(translate(
            "PaperDosesDialog", "Say of each dose what the paper chart says; nothing is saved of a row left “Not on "
                                "paper”. Tab or Enter goes to the next box."))))
        self.grid_holder = QWidget()
        holder = QVBoxLayout(self.grid_holder)
        holder.setContentsMargins(4, 4, 4, 4)  # the scroll area's frame is the table's edge: its room for the rows
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(4)
        self.grid.setColumnStretch(len(COLUMNS), 1)  # the room to spare after the last column, the rows kept together
        holder.addLayout(self.grid)
        holder.addStretch(1)  # a few rows stay at the top
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_holder)
        layout.addWidget(self.scroll, 1)
        self.nothing_due = QLabel()
        layout.addWidget(self.nothing_due)
        adding = QHBoxLayout()
        self.as_required = QComboBox()
        self.as_required.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # As wide as its longest order, a controlled drug's flags and its patient's name, the list made
        # the dialog 1,388 pixels wide, Save off a 1,092-pixel screen: it takes a row's list's width,
        # and the line's room to spare, an order shown whole where the line has room.
        self.as_required.setMinimumContentsLength(LIST_CHARACTERS)
        adding.addWidget(named(self.as_required, translate("PaperDosesDialog", "As-required order")), 1)
        self.add_button = QPushButton(translate("PaperDosesDialog", "&Add a row"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_as_required)
        adding.addWidget(self.add_button)
        # The list and its button under their words where the line has no room for the three (see
        # fit_dialog): at 150 % and 18 points in French the line was 957 pixels wide on a 910-pixel
        # screen, Add a row past its edge.
        as_required = QFormLayout()
        as_required.addRow(QLabel(translate("PaperDosesDialog", "As required, given on paper:")), adding)
        layout.addLayout(as_required)
        self.error = ErrorLabel(only_when_said=True)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(translate("PaperDosesDialog", "&Save all (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        cancel = QPushButton(translate("PaperDosesDialog", "Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.orders: dict[str, Order] = {}
        """The as-required orders a row may be added for, by id."""
        focus_moves().connect(self._keep_in_view)
        self.watching_focus = True
        earlier = draft or self._earlier_draft()
        if earlier is None:
            self.list_doses()
        else:
            self.resume(earlier)
        self.autosaving = True
        fit_dialog(self, QSize(1366, 768))

    def _earlier_draft(self) -> drafts.Draft | None:
        """The nurse's draft of this screen for the same patients: the screen reopened after a
        crash takes up the rows typed, rather than a second draft of the same doses beside them."""
        return next((draft for draft in drafts.drafts_of(self.session) if draft.form_id == paper_doses.DRAFT_FORM
                     and set(PaperDraft.model_validate(draft.data).patient_ids) == set(self.patient_ids)), None)

    @contextmanager
    def _one_autosave(self) -> Iterator[None]:
        """Changes made together (the rows listed again, every row's giver) autosaved once, after
        them: a row's change each was a write each, 40 for a ward's giver."""
        was, self.autosaving = self.autosaving, False
        try:
            yield
        finally:
            self.autosaving = was
        self._keep_typed()

    def _keep_typed(self) -> None:
        """The screen as typed kept as the nurse's draft, on every change; none while no row says
        given or not given (nothing to lose)."""
        if not self.autosaving:
            return
        draft = PaperDraft(patient_ids=tuple(self.patient_ids), ward=self.patients[self.patient_ids[0]].ward
                           if self.patient_ids else None, start=self.start.text(), end=self.end.text(),
                           giver_for_all=self.giver_for_all.currentData(),
                           rows=tuple(row.draft() for row in self.rows))
        try:
            if draft.typed():
                drafts.save_draft(self.session, self.draft_id, paper_doses.DRAFT_FORM, draft.model_dump(mode="json"),
                                  patient_id=self.patient_ids[0] if len(self.patient_ids) == 1 else None)
            else:
                drafts.discard_draft(self.session, self.draft_id)
        except DatabaseError as problem:
            self.error.setText(write_failure(problem, self.session.lang, draft=True))

    def resume(self, draft: drafts.Draft) -> None:
        """The screen as it was typed and left unsaved (the laptop stopped, or its nurse's window
        closed for someone else): its stretch, its giver for every row, every row as typed, and
        said not saved. A row whose dose was recorded since (again from the round) is left not on
        paper, saying by whom; a row of an order withdrawn since is left out, saying so."""
        self.draft_id = draft.draft_id
        typed = PaperDraft.model_validate(draft.data)
        self.start.setText(typed.start)
        self.end.setText(typed.end)
        self.giver_for_all.setCurrentIndex(max(0, self.giver_for_all.findData(typed.giver_for_all)))
        chart = self._read_chart()
        found = paper_doses.resumed_rows(self.session, typed)
        kept = [row for row in found if row.order is not None]
        self._lay_out([(row.order, row.typed.slot) for row in kept if row.order is not None],
                      chart.as_required if chart is not None else ())
        for row, resumed in zip(self.rows, kept):
            self._fill(row, resumed)
        self.unsaved_said = translate("PaperDosesDialog", "NOT SAVED YET: these rows were typed at {time} and left "
                                                          "unsaved. Check them, then save them all, or cancel.").format(
            time=f"{datetime.fromisoformat(draft.updated_at):%d/%m %H:%M}")
        if withdrawn := len(found) - len(kept):
            self.unsaved_said += " " + translate(
                "PaperDosesDialog", "{count} row(s) of orders withdrawn since are left out.").format(count=withdrawn)
        said = self.unsaved_said
        if recorded := [str(row.number) for row, resumed in zip(self.rows, kept) if resumed.recorded is not None]:
            said += " " + translate("PaperDosesDialog", "Recorded since, left not on paper: row(s) {rows}.").format(
                rows=", ".join(recorded))
        self.resumed.setText(said)

    def _fill(self, row: PaperRow, resumed: ResumedRow) -> None:
        """A row's boxes as the draft kept them; one whose dose was recorded since is left not on
        paper, its outcome closed, saying what was recorded and by whom."""
        typed = resumed.typed
        row.given_at.setText(typed.given_at)
        row.dose.setText(typed.dose)
        row.given_by.setCurrentIndex(max(0, row.given_by.findData(typed.given_by)))
        if row.witness is not None:
            row.witness.setCurrentIndex(max(0, row.witness.findData(typed.witness or "")))
        row.reason.setCurrentIndex(max(0, row.reason.findData(typed.reason)) if typed.reason else 0)
        row.detail.setText(typed.detail)
        if row.site is not None:
            row.site.setText(typed.site)
        row.overrides_typed = dict(typed.overrides)
        if (recorded := resumed.recorded) is None:
            row.outcome.setCurrentIndex(OUTCOME_KEYS.index(typed.outcome))
            return
        row.outcome.setCurrentIndex(NOT_ON_PAPER)
        row.outcome.setEnabled(False)
        said = (translate("PaperDosesDialog", "Recorded since as given at {time} by {who}: this row is left not on "
                                              "paper.") if recorded.outcome is Outcome.GIVEN else
                translate("PaperDosesDialog", "Recorded since as not given at {time} by {who}: this row is left not "
                                              "on paper."))
        row.warnings.layout().addWidget(wrapped(ErrorLabel("⚠ " + said.format(
            time=f"{recorded.at.astimezone(self.session.clock().tzinfo):%d/%m %H:%M}",
            who=staff_of(self.session, recorded.given_by, recorded.device_id)))), 0, 0)
        row.warnings.show()

    def list_doses(self) -> None:
        """The rows of the doses due in the stretch typed above, as the chart reads them now. A
        row typed whose dose is still due in it (same order, same time), or an as-required row
        whose order still runs in it, keeps what was typed; the nurse is asked before the other
        rows typed go (a stretch widened by an hour cleared a night's rows unasked)."""
        chart = self._read_chart()
        if chart is None:
            return
        due = {(dose.order.record_id, dose.slot) for dose in chart.due}
        running = {order.record_id for order in chart.as_required}
        typed = self._rows_typed()
        staying = [row for row in typed if ((row.order.record_id, row.slot) in due if row.slot is not None
                                            else row.order.record_id in running)]
        if (going := len(typed) - len(staying)) and not Prompts.confirm(
                self, translate("PaperDosesDialog", "List the new stretch"), translate(
                    "PaperDosesDialog", "{count} row(s) typed are not in the new stretch and are not saved. List the "
                                        "new stretch all the same?").format(count=going)):
            return
        again = {(row.order.record_id, row.slot): row.draft() for row in staying if row.slot is not None}
        laid = [(dose.order, dose.slot, again.get((dose.order.record_id, dose.slot))) for dose in chart.due] + [
            (row.order, None, row.draft()) for row in staying if row.slot is None]
        with self._one_autosave():
            self._lay_out([(order, slot) for order, slot, _ in laid], chart.as_required)
            for row, (_, _, typed_row) in zip(self.rows, laid):
                if typed_row is not None:
                    self._fill(row, ResumedRow(typed_row, row.order, None))
            # The rows kept are no more saved than before: the red line went, as if they were.
            # Said without the rows recorded since, which a stretch lists no more.
            self.resumed.setText(self.unsaved_said if self._rows_typed() else "")

    def _rows_typed(self) -> list[PaperRow]:
        """The rows said given or not given: those the nurse would lose."""
        return [row for row in self.rows if row.outcome.currentIndex() != NOT_ON_PAPER]

    def _stretch(self) -> Stretch | None:
        """The stretch typed above; None when it cannot be read."""
        tz = self.session.clock().tzinfo
        try:
            return Stretch(parse_datetime(self.start.text(), tz), parse_datetime(self.end.text(), tz))
        except ParseError:
            return None

    def _read_chart(self) -> paper_doses.PaperChart | None:
        """The chart of the stretch typed above; None when it cannot be read (said under the table)."""
        stretch = self._stretch()
        if stretch is None:
            self.error.setText(translate("PaperDosesDialog", "Type the stretch as DD/MM/YYYY HH:MM, from and to."))
            return None
        try:
            chart = paper_doses.paper_chart(self.session, self.patient_ids, stretch)
        except ServiceError as problem:
            self.error.setText(say(problem))
            return None
        self.error.setText("")
        return chart

    def _lay_out(self, rows: list[tuple[Order, datetime | None]], as_required: Sequence[Order]) -> None:
        """The table of these rows (a dose due by its time, an as-required one added by None), and
        the as-required orders a row may be added for."""
        while (item := self.grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                # Hidden, not made parentless: a parentless widget is a window of its own, and
                # the going of those windows took the keyboard from the dialog, the nurse's
                # next key typed nowhere.
                widget.hide()
                widget.deleteLater()
        self.rows = []
        for column, heading in enumerate(COLUMNS):
            if column != PATIENT or len(self.patient_ids) > 1:
                # Wrapped: a long heading ("Précisions / motif d’administration") takes two lines
                # rather than widening its column past the screen's edge.
                title = wrapped(QLabel(f"<b>{html.escape(translate('PaperDosesDialog', heading))}</b>"))
                self.grid.addWidget(title, 0, column, Qt.AlignmentFlag.AlignBottom)
        for order, slot in rows:
            self._add_row(order, slot)
        self.as_required.clear()
        for order in as_required:
            whose = f" — {self._patient(order)}" if len(self.patient_ids) > 1 else ""
            self.as_required.addItem(f"{self._medicine(order)}{whose}", order.record_id)
        self.as_required.setEnabled(bool(as_required))
        self.add_button.setEnabled(bool(as_required))
        self.orders = {order.record_id: order for order in as_required}
        self.nothing_due.setText("" if rows else translate(
            "PaperDosesDialog", "No scheduled dose due in that stretch is left unrecorded."))
        self.nothing_due.setVisible(not rows)
        self._chain()
        (self.rows[0].outcome if self.rows else self.list_button).setFocus()

    def _medicine(self, order: Order) -> str:
        """The order as the chart heads it, with its flags (a controlled drug's witness)."""
        flags = "".join(f" [{flag}]" for flag in medication.order_flags(order, language(), self.session.clock()))
        return f"{medication.order_label(order, self.order_form, language())}{flags}"

    def _medicine_cell(self, order: Order, tip: str) -> QWidget:
        """The medicine and its dose in the row's words, how it is given and its flags under them,
        smaller (a hint's grey, the flags in the warning colour), `tip` the tooltip of both: the
        whole in one line of the column, a controlled drug took six."""
        named_dose, given = medication.order_parts(order, self.order_form, language())
        flags = "".join(f" [{flag}]" for flag in medication.order_flags(order, language(), self.session.clock()))
        cell = QWidget()
        lines = QVBoxLayout(cell)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        name = at_most(QLabel(named_dose), MEDICINE_CHARACTERS)
        lines.addWidget(name)
        how = QLabel()
        how.setTextFormat(Qt.TextFormat.RichText)
        follow_view(how, lambda: (how.setStyleSheet(hint_style()), how.setText(
            html.escape(given) + (warning_html(html.escape(flags)) if flags else ""))))
        how.ensurePolished()  # in the hint's smaller font, measured
        bold = QFont(how.font())
        bold.setBold(True)
        lines.addWidget(at_most(how, MEDICINE_CHARACTERS, unwrapped=how.fontMetrics().horizontalAdvance(given)
                                + QFontMetrics(bold).horizontalAdvance(flags)))
        lines.addStretch(1)  # its lines together at the top of a row made taller by a patient's name
        for part in (name, how):
            part.setToolTip(tip)
        return cell

    def _patient(self, order: Order) -> str:
        """The order's patient by bed and name, on a ward's rows."""
        patient = self.patients[order.patient_id]
        return f"{patient.bed or '—'} {patient.display_name}"

    def _add_row(self, order: Order, slot: datetime | None) -> PaperRow:
        number = len(self.rows) + 1
        line = 3 * number - 2
        said = translate("PaperDosesDialog", "Row {row}, {medicine} {time}").format(
            row=number, medicine=medication.order_label(order, self.order_form, language()),
            time=f"{slot:%H:%M}" if slot is not None else medication.ORDER_WORDS["as_required"][language()])
        outcome = QComboBox()
        outcome.addItems([translate("PaperDosesDialog", text) for text in OUTCOMES])
        filled = slot if slot is not None else self.session.clock()
        given_at = QLineEdit(f"{filled:{TIME_FORMAT}}")
        given_at.setMinimumWidth(given_at.fontMetrics().horizontalAdvance("00/00/0000 00:000"))
        # A variable dose's box left empty, for the amount the paper chart gives (see Order.dose_rule).
        dose = QLineEdit(decimal_text(order.dose, language()) if order.dose_rule is None else "")
        # The row saves the order's route, which it does not show: a dose the paper says was
        # given by another route was saved as given by the ordered one.
        by_route = translate("PaperDosesDialog", "Saved as given by the order's route, {route}. A dose given by another "
                                                 "route on the paper chart: leave this row not on paper and record it "
                                                 "in the dose dialog, from the patient's chart.").format(route=order.route)
        dose.setToolTip(by_route)
        # As wide as a dose of four digits and a decimal with its frame: as wide as its
        # heading ("Dose"), it cut "4000" units of enoxaparin.
        dose.setFixedWidth(dose.fontMetrics().horizontalAdvance("0000,0"))
        given_by = staff_choice(self.session, first=self.session.user.staff_id, on_paper=True)
        given_by.setCurrentIndex(max(0, given_by.findData(self.giver_for_all.currentData())))
        # Only those who sign a controlled drug's witness (no student nurse: cd_register.WITNESS).
        witness = (staff_choice(self.session, on_paper=True, roles=cd_register.WITNESS.signers) if order.controlled
                   else None)
        reason = QComboBox()
        reason.addItem("")
        for code, label in self.reasons:
            # As the dose dialog offers them, "none by its rule" of an order with no rule refused by
            # Save once the sheet was typed; but nil by mouth as the paper says it whatever the
            # route, asked its reason as a warning (services.medication.nil_by_mouth_on_paper).
            if code == NotGivenReason.NIL_BY_MOUTH or reason_offered(order, code):
                reason.addItem(label, code)
        # The witness and the reason, under the row, have the room to show their lists' items whole.
        given_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        given_by.setMinimumContentsLength(LIST_CHARACTERS)
        detail = QLineEdit()
        if order.asks_why_given or order.asks_reading:
            hint = (translate("PaperDosesDialog", "why given, e.g. pain 7/10") if order.asks_why_given
                    else translate("PaperDosesDialog", "reading, e.g. glucose 13.2"))
            detail.setPlaceholderText(hint)
            detail.setToolTip(hint)
            # As wide as its hint: Qt's width of 17 x's cut it ("why give…").
            detail.setMinimumWidth(detail.sizeHint().width() + detail.fontMetrics().horizontalAdvance(hint)
                                   - 17 * detail.fontMetrics().horizontalAdvance("x"))
        site = QLineEdit() if patch(order) else None
        if site is not None:
            site.setMaxLength(self.session.form(medication.DOSE_FORM).field(medication.SITE).max_length)
        warnings = QWidget()
        warnings.setLayout(QGridLayout())
        warnings.layout().setContentsMargins(0, 0, 0, 0)
        warnings.hide()
        asked, questions = self._questions(said, ((witness, ASKED[0]), (reason, ASKED[1]), (detail, ASKED[2]),
                                                  (site, ASKED[3])))
        medicine = self._medicine_cell(order, by_route)
        row = PaperRow(number, order, slot, outcome, given_at, dose, given_by, witness, reason, detail, site, asked,
                       questions, warnings)
        cells: list[tuple[int, QWidget]] = [  # in their columns' order, which Tab follows
            (0, QLabel(str(number))), (MEDICINE, medicine),
            (3, QLabel(f"{slot:%d/%m %H:%M}" if slot is not None else medication.ORDER_WORDS["as_required"][language()])),
            *((column, named(box, labelled(said, translate("PaperDosesDialog", COLUMNS[column]), language())))
              for column, box in ((4, outcome), (5, given_at), (6, dose), (7, given_by)))]
        if len(self.patient_ids) > 1:
            cells.append((PATIENT, at_most(QLabel(self._patient(order)), PATIENT_CHARACTERS)))
        for column, widget in sorted(cells, key=lambda cell: cell[0]):
            self.grid.addWidget(widget, line, column)
            widget.show()  # at once, in a dialog shown: a row added is typed in straight away
        # Under the row: what the paper says of this dose, asked below it.
        self.grid.addWidget(asked, line + 1, PATIENT, 1, len(COLUMNS) - PATIENT)
        self.grid.addWidget(warnings, line + 2, 2, 1, len(COLUMNS) - 2)
        outcome.currentIndexChanged.connect(row.judged)
        row.judged()
        for choice in (outcome, given_by, witness, reason):
            if choice is not None:
                choice.currentIndexChanged.connect(self._keep_typed)
        for edit in (given_at, dose, detail, site):
            if edit is not None:
                edit.textChanged.connect(self._keep_typed)
        self.rows.append(row)
        return row

    @staticmethod
    def _questions(said: str, boxes: Sequence[tuple[QWidget | None, str]]) -> tuple[QWidget, list[tuple[QWidget, QWidget]]]:
        """The line under a row: each of its `boxes` (None where the row has no such box) beside
        its name, the row's `said` and that name the box's name for a screen reader."""
        line = QWidget()
        layout = FlowRow()  # a witness or a reason beside the details where the row has the room, else under them
        line.setLayout(layout)
        questions = []
        for box, heading in boxes:
            if box is None:
                continue
            pair = QWidget()
            beside = QHBoxLayout(pair)
            beside.setContentsMargins(0, 0, 0, 0)
            name = QLabel(translate("PaperDosesDialog", heading))
            name.setBuddy(box)
            beside.addWidget(name)
            beside.addWidget(named(box, labelled(said, translate("PaperDosesDialog", heading), language())), 1)
            layout.addWidget(pair)
            questions.append((box, pair))
        return line, questions

    def _chain(self) -> None:
        """Tab (and Enter) from box to box along a row, then the next row's, each warning's reason
        box after its row's; boxes a row's outcome does not ask are passed over. A row or a
        reason box added later came last, after the buttons."""
        order: list[QWidget] = [self.start, self.end, self.list_button, self.giver_for_all]
        for row in self.rows:
            order += [*row.boxes(), *row.override_edits.values()]
        order += [self.as_required, self.add_button, self.save_button]
        for first, then in zip(order, order[1:]):
            QWidget.setTabOrder(first, then)

    def _giver_chosen(self) -> None:
        """Every row's giver made the one chosen for all: the night nurse who gave them."""
        with self._one_autosave():
            for row in self.rows:
                row.given_by.setCurrentIndex(max(0, row.given_by.findData(self.giver_for_all.currentData())))

    def add_as_required(self) -> PaperRow | None:
        """A row for an as-required dose given on paper, of the order chosen, at its end."""
        order = self.orders.get(self.as_required.currentData())
        if order is None:
            return None
        with self._one_autosave():
            row = self._add_row(order, None)
            row.outcome.setCurrentIndex(GIVEN)
        self._chain()
        self.nothing_due.hide()
        row.given_at.setFocus()
        row.given_at.selectAll()
        return row

    def _keep_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The box the keyboard reached scrolled into view, the rows below a screen's height too."""
        if new is not None and self.grid_holder.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new)

    def hand_over(self) -> None:
        """Closed for the next person to sign in (at the lock screen, or its nurse's account
        deactivated): the rows typed stay her draft, offered again at her next sign-in."""
        self.set_aside = True
        self.close()

    def reject(self) -> None:
        """Escape or Cancel: rows said given or not given are not thrown away unasked (a night's
        rows typed for a quarter of an hour); closed, nothing of them is kept."""
        if not self.set_aside:
            typed = len(self._rows_typed())
            if typed and not Prompts.confirm(self, translate("PaperDosesDialog", "Close without saving"), translate(
                    "PaperDosesDialog", "{count} row(s) typed are not saved. Close all the same?").format(count=typed)):
                return
            drafts.discard_draft(self.session, self.draft_id)
        super().reject()

    def done(self, result: int) -> None:
        if self.watching_focus:
            focus_moves().disconnect(self._keep_in_view)
            self.watching_focus = False
        super().done(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter goes to the next box, as in the forms; saving is Save all or Ctrl+S alone."""
        if not enter_moves_on(self, event):
            super().keyPressEvent(event)

    def typed(self) -> dict[int, PaperDose] | None:
        """The rows said given or not given, as typed, by their number; None when a box cannot be
        read (said under the table, its box given the keyboard)."""
        now = self.session.clock()
        stretch = self._stretch()
        found: dict[int, PaperDose] = {}
        for row in self.rows:
            chosen = row.outcome.currentIndex()
            if chosen == NOT_ON_PAPER:
                continue
            box: QLineEdit = row.given_at
            try:
                # An as-required row has no slot to read its time by: the stretch typed above
                # has, its latest time to its end (read by now, a night's "22:00" typed in days
                # later was the night before now's, saved on another night).
                at = parse_datetime(row.given_at.text(), now.tzinfo, now=min(now, stretch.end) if row.slot is None
                                    and stretch is not None else now, slot=row.slot)
                if row.slot is None and stretch is not None and not stretch.start <= at <= stretch.end:
                    self.error.setText(translate(
                        "PaperDosesDialog", "Row {row}: “{box}” {at} is outside the stretch {start} to {end}: type "
                                            "its date, or list its stretch.").format(
                        row=row.number, box=translate("PaperDosesDialog", COLUMNS[5]), at=f"{at:{TIME_FORMAT}}",
                        start=f"{stretch.start:{TIME_FORMAT}}", end=f"{stretch.end:{TIME_FORMAT}}"))
                    box.setFocus()
                    return None
                box = row.dose
                dose = parse_decimal(row.dose.text()) if chosen == GIVEN else None
            except ParseError as problem:
                named = translate("PaperDosesDialog", COLUMNS[5 if box is row.given_at else 6])
                # Why, as a form's box says it (both readings of a "1.000" copied from the paper,
                # the offset the ward's clock was on, which of a repeated hour's two): said
                # "cannot be read", the nurse could not tell what to change.
                self.error.setText(translate("PaperDosesDialog", "Row {row}: {problem}").format(
                    row=row.number, problem=field_message(problem.key, language(), named, problem.limit)))
                box.setFocus()
                return None
            reason = row.reason.currentData() if chosen == NOT_GIVEN else None
            # None by its rule: the row's details are the reading the rule gave none at.
            read = (chosen == GIVEN and not row.order.asks_why_given) or reason == NotGivenReason.BY_RULE
            found[row.number] = PaperDose(
                row.order.record_id, row.slot, chosen == GIVEN, at, dose=dose, route=row.order.route,
                given_by=row.given_by.currentData(), witness=row.witness.currentData() if row.witness else None,
                reason=reason, detail=row.detail.text().strip() if chosen == NOT_GIVEN and not read else None,
                given_for=row.detail.text().strip() if chosen == GIVEN and row.order.asks_why_given else None,
                decided_on=row.detail.text().strip() if read else None,
                site=row.site.text().strip() if chosen == GIVEN and row.site is not None else None,
                overrides={said: edit.text() for said, edit in row.override_edits.items()})
        return found

    def save(self) -> list[RecordVersion] | None:
        """Every row said given or not given saved, after one confirmation of the counts, or none
        (a row refused is named, its box given the keyboard; warnings are shown on their rows,
        each with its reason box)."""
        typed = self.typed()
        if typed is None:
            return None
        if not typed:
            self.error.setText(translate("PaperDosesDialog", "Every row is “Not on paper”: nothing to save."))
            return None
        given, not_given = paper_doses.tally(typed)
        if not Prompts.confirm(self, translate("PaperDosesDialog", "Save the doses from the paper chart"), translate(
                "PaperDosesDialog", "Save {count} dose(s) from the paper chart: {given} given, {not_given} not given. "
                                    "{left} row(s) not on paper: nothing is saved of them.").format(
                count=len(typed), given=given, not_given=not_given, left=len(self.rows) - len(typed))):
            return None
        try:
            saved = paper_doses.save_paper_doses(self.session, typed)
        except paper_doses.OverridesNeeded as needed:
            self.error.setText(say(needed))
            for number, warnings in needed.warnings.items():
                self._show_warnings(self.rows[number - 1], warnings)
            return None
        except paper_doses.RowRefused as refused:
            self.error.setText(say(refused))
            self._box_refused(self.rows[refused.row - 1], refused.problem).setFocus()
            return None
        except ServiceError as problem:
            self.error.setText(say(problem))
            return None
        drafts.discard_draft(self.session, self.draft_id)
        # Given already by an NG tube to confirm then (devices.paper_dose_said): what to do told.
        if said := "\n\n".join(told for row in typed.values()
                                if (told := devices.paper_dose_said(self.session, row.order_id, row.values(), language()))):
            Prompts.info(self, translate("messages", devices.PAPER_DOSE_TOLD), said)
        self.saved.emit(saved)
        self.accept()
        return saved

    def _box_refused(self, row: PaperRow, problem: ServiceError) -> QWidget:
        """The box of the row the refusal is about: the field named, else the witness of a
        controlled drug's refusal, else the row's outcome."""
        if isinstance(problem, ValidationFailed):
            return {"given_at": row.given_at, "dose_given": row.dose, medication.GIVEN_BY: row.given_by,
                    "not_given_reason": row.reason, "not_given_detail": row.detail,
                    "given_for": row.detail, medication.DECIDED_ON: row.detail,
                    medication.SITE: row.site or row.outcome}.get(problem.errors[0].path, row.outcome)
        return row.witness if row.witness is not None and "witness" in str(problem) else row.outcome

    def _show_warnings(self, row: PaperRow, warnings: list[Warning]) -> None:
        """Each warning under its row with its reason box; the first box without a reason gets
        the keyboard."""
        grid = row.warnings.layout()
        for warning in warnings:
            if warning.message in row.override_edits:
                continue
            edit = QLineEdit(row.overrides_typed.get(warning.message, ""))
            edit.setPlaceholderText(translate("PaperDosesDialog", "Reason for recording anyway"))
            edit.textChanged.connect(self._keep_typed)
            place = grid.rowCount()
            grid.addWidget(wrapped(ErrorLabel("⚠ " + warning.text(language()))), place, 0)
            grid.addWidget(named(edit, translate("PaperDosesDialog", "Row {row}: reason for recording anyway").format(
                row=row.number)), place, 1)
            edit.setAccessibleDescription(warning.text(language()))
            row.override_edits[warning.message] = edit
        row.warnings.show()
        self._chain()
        first = next((edit for shown in self.rows for edit in shown.override_edits.values() if not edit.text().strip()),
                     None)
        if first is not None:
            first.setFocus()

"""The records office's back-entry tab: what is left to type into the EHR, patient by patient,
in the order to type it, with progress. Enter (or the button) ticks the selected line off with
the EHR's reference, or a line that says to ask the ward with the ward's answer that it is not
to be entered; a patient's downtime number is linked to their EHR number; a record on hold is
settled once the ward says which version is right. A laptop's stick that did not come is said in
red above everything, until it is imported: the list lacks its records."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QMainWindow, QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from downtime.domain.clock import DATED, ward_time
from downtime.domain.duplicates import ProbableDuplicate, SharedNumber, reasons_by_people
from downtime.domain.tally import Tally
from downtime.errors import UserError
from downtime.qt.dialog_life import open_until_closed
from downtime.qt.flow_row import FlowRow
from downtime.qt.not_entered_dialog import NotEnteredDialog
from downtime.qt.prompts import Prompts
from downtime.qt.settle_dialog import SettleHoldDialog
from downtime.qt.screen_fit import Scrolled
from downtime.qt.style import ErrorLabel
from downtime.i18n import QT_TR_NOOP, message, semicolon
from downtime.qt.i18n import language, say, translate
from downtime.qt.tables import (
    ColumnsCut, Index, TextTableModel, cut_column, make_table, not_printed, prints, show_print,
)
from downtime.qt.work import ListReader, Work
from downtime.services import back_entry, printing
from downtime.services.back_entry import PAGE, PatientWork, WorkItem
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.patients import PatientSummary
from downtime.sync.outcome import Progress

Row = tuple[PatientWork, WorkItem]


PRINTED = 50  # patients on a printed worklist: a part to tick while typing, never the whole hospital
TO_DO, WHAT = 5, 7  # the columns saying what to do in the EHR and what to enter there
CUT_CHARACTERS = 60  # where a long to-do or what-to-enter is cut on its line (whole in its tooltip and the pane)
LEAST_CHARACTERS = 12  # the to-do's least width, "ENTER" or "À SAISIR", whatever the room left


class WorkModel(TextTableModel):
    """The worklist fetched a page of patients at a time as the table scrolls (Qt's
    canFetchMore/fetchMore), never the whole hospital's items at once. What to do comes after
    the time: after what to enter, the widest column, "ON HOLD", "ask the ward" and "withdraw"
    lay beyond the right edge of a laptop's screen."""

    columns = (QT_TR_NOOP("Patient"), QT_TR_NOOP("Downtime no."), QT_TR_NOOP("EHR no."), QT_TR_NOOP("Step"),
               QT_TR_NOOP("When"), QT_TR_NOOP("To do"), QT_TR_NOOP("Version"), QT_TR_NOOP("What to enter"),
               QT_TR_NOOP("EHR reference"))
    whole_in_tooltip = frozenset({TO_DO, WHAT})  # cut on their line

    def texts(self, row: int) -> tuple[str, ...]:
        group, item = self.rows[row]
        patient = group.patient
        entered = item.entered.ehr_reference if item.entered_now and item.entered else ""
        note = self.same_person.get(patient.downtime_number) if patient and not item.done else None
        to_do = " — ".join(filter(None, (item.to_do_in(language(), loud=not item.done), note)))
        admitted = group.admitted_as(language())
        return (f"{patient.display_name} ({admitted})" if patient and admitted else
                patient.display_name if patient else translate("", "(not about a patient)"),
                patient.downtime_number if patient else "", group.ehr_patient_number or "",
                translate("messages", item.step_name), ward_time(item.record.occurred_at, None, DATED), to_do,
                str(item.record.version), item.label, entered)

    def __init__(self, fetch: Callable[[Sequence[str | None]], list[PatientWork]]) -> None:
        super().__init__()
        self.fetch = fetch
        self.order: list[str | None] = []
        self.fetched = 0
        self.left_only = True
        self.holds_only = False
        self.same_person: dict[str, str] = {}
        """Who else each patient probably is, by downtime number (back_entry.same_person_notes):
        said on each of their lines left, as the printed list says it under their name."""
        self.first: list[PatientWork] | None = None  # see `start`

    def start(self, order: list[str | None], left_only: bool, holds_only: bool = False,
              first: list[PatientWork] | None = None) -> None:
        """`holds_only`: the lines on hold alone, `order` then being their patients'; `first`:
        the work of its first page, when already read."""
        self.order, self.fetched, self.left_only, self.holds_only = order, 0, left_only, holds_only
        self.first = first
        self.set_rows([])
        self.fetchMore(QModelIndex())

    def _shown(self, work: list[PatientWork]) -> list[Row]:
        """Each line keeps its patient's whole group, done items too: a tick moves the progress
        by what changed in the group (`_redo`)."""
        return [(group, item) for group in work for item in group.items
                if not (self.left_only and item.done) and not (self.holds_only and item.on_hold is None)]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and self.fetched < len(self.order)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 (Qt's name)
        """The next page with something to show (pages of patients already entered show nothing)."""
        while self.canFetchMore(parent):
            page = self.order[self.fetched:self.fetched + PAGE]
            work = self.first if self.first is not None and self.fetched == 0 else self.fetch(page)
            self.first = None
            self.fetched += len(page)
            if added := self._shown(work):
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(added) - 1)
                self.rows.extend(added)
                self.endInsertRows()
                return

    def say_same_person(self, notes: dict[str, str]) -> None:
        """The lines as they read with these notes (`same_person`), the line chosen kept."""
        self.same_person, self.read = notes, {}
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def replace_patient(self, patient_id: str | None, work: list[PatientWork]) -> None:
        """One patient's lines again, after the clerk ticked one off or linked them."""
        kept = [row for row in self.rows if _patient_id(row) != patient_id]
        at = next((number for number, row in enumerate(self.rows) if _patient_id(row) == patient_id), len(kept))
        self.set_rows(kept[:at] + self._shown(work) + kept[at:])

    def is_warning(self, row: int, column: int) -> bool:
        return column == TO_DO and not self.rows[row][1].done


def _listed(order: list[str | None], holds: Mapping[str | None, int], left: Collection[str | None], left_only: bool,
            holds_only: bool) -> list[str | None]:
    """The patients the list goes through, as its boxes say: those with a record on hold, or
    with a line left (see back_entry.patients_left), or all."""
    if holds_only:
        return [patient for patient in order if holds.get(patient)]
    return [patient for patient in order if patient in left] if left_only else order


def _answerable(item: WorkItem) -> bool:
    """A line left, not on hold, that says to ask the ward: one the ward may answer is not to be
    entered (the service says why any other is refused)."""
    return item.asks_the_ward and not item.done and item.on_hold is None


def _patient_id(row: Row) -> str | None:
    return row[0].patient.patient_id if row[0].patient else row[1].record.patient_id


class BackEntryPanel(QWidget):
    loaded = Signal()  # the list's order and progress are read (after `refresh`)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        # Scrolled where the screen is short: at 20 points and 125 % the tab needed 652 pixels of
        # a 582-pixel screen's height, its buttons under the taskbar.
        body = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(Scrolled(body))
        layout = QVBoxLayout(body)
        self.missing = ErrorLabel()
        self.missing.hide()
        layout.addWidget(self.missing)
        top = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("BackEntryPanel", "Back-entry progress"))
        self.summary = QLabel()
        self.left_only = QCheckBox(translate("BackEntryPanel", "Show only what is &left to enter"))
        self.left_only.setChecked(True)
        self.left_only.toggled.connect(self._start_list)
        # The lines on hold alone, in the list's order: among a hospital's they were lost (one was
        # line 330 of 464), and "Settle the hold…" stayed grey until the clerk came upon it.
        self.holds_only = QCheckBox(translate("BackEntryPanel", "Show only re&cords on hold"))
        self.holds_only.setEnabled(False)
        self.holds_only.toggled.connect(self._start_list)
        top.addWidget(self.summary)
        top.addWidget(self.progress, 1)
        layout.addLayout(top)
        # Why the list's count is not the merge's nor the import's: they count record versions.
        self.tallied = QLabel()
        self.tallied.setWordWrap(True)
        self.tallied.hide()
        layout.addWidget(self.tallied)
        # Each laptop's sticks and records: from the hospital's total alone, a ward whose stick
        # never came was named nowhere, and the list could be done without it.
        self.laptops = QLabel()
        self.laptops.setWordWrap(True)
        self.laptops.setAccessibleName(translate("BackEntryPanel", "Each laptop's sticks and records"))
        self.laptops.hide()
        layout.addWidget(self.laptops)
        # The list's own choices on a row of their own, under its progress: beside it, the second
        # box cut the progress and both boxes' words in French on a 1024-pixel screen.
        choices = FlowRow()
        choices.addWidget(self.left_only)
        choices.addWidget(self.holds_only)
        layout.addLayout(choices)
        self.duplicates = ErrorLabel()
        self.duplicates.hide()
        self.duplicate_groups: list[ProbableDuplicate] = []
        self.namesake_groups: list[ProbableDuplicate] = []
        layout.addWidget(self.duplicates)
        self.shared = ErrorLabel()
        self.shared.hide()
        layout.addWidget(self.shared)
        self.model = WorkModel(lambda page: back_entry.worklist_of(self.session, page))
        self.table = make_table(self.model, translate("BackEntryPanel", "Back-entry worklist"), self.mark_selected)
        layout.addWidget(self.table, 1)
        self.cut = ColumnsCut(self.table, (TO_DO, WHAT), self._narrow)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.detail.setAccessibleName(translate("BackEntryPanel", "The chosen line in full"))
        self.detail.setPlaceholderText(translate("BackEntryPanel", "The line chosen in the list is shown here in "
                                                                   "full: what to do and what to enter."))
        self.detail.setFixedHeight(self.detail.fontMetrics().lineSpacing() * 4 + 12)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.modelReset.connect(self._show_detail)
        layout.addWidget(self.detail)
        buttons = FlowRow()
        made = [QPushButton(text) for text in (
            translate("BackEntryPanel", "&Mark entered in EHR… (Enter)"),
            translate("BackEntryPanel", "N&ot to be entered…"),
            translate("BackEntryPanel", "Link to EHR patient &number…"),
            translate("BackEntryPanel", "Mov&ed in the EHR…"),
            translate("BackEntryPanel", "&Settle the hold…"))]
        for button, handler in zip(made, (self.mark_selected, self.not_entered_selected, self.link_selected,
                                          self.moved_selected, self.settle_selected)):
            button.clicked.connect(handler)
            buttons.addWidget(button)
        self.not_entered_button, self.moved_button, self.settle_button = made[1], made[3], made[-1]
        for button in (self.not_entered_button, self.moved_button, self.settle_button):
            button.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(self._offer_settling)
        self.model.modelReset.connect(self._offer_settling)
        layout.addLayout(buttons)
        # Printing is of the list, not of the chosen line: beside the list's own choice, above it.
        # Among the line's buttons it made the tab 1,190 px wide in French, wider than a small
        # laptop's window could shrink to.
        self.print_button = QPushButton(translate("BackEntryPanel", "&Print the next {count} patients").format(
            count=PRINTED))
        self.print_button.clicked.connect(self.print_worklist)
        choices.addWidget(self.print_button)
        self.counts = (0, 0)
        self.not_entered = 0  # of those done, how many the ward said are not to be entered
        self.order: list[str | None] = []  # the whole list's, as read
        self.holds: dict[str | None, int] = {}  # records on hold by patient (back_entry.holds_by_patient)
        self.left: set[str | None] = set()  # the patients with a line left (back_entry.patients_left)
        self.first_page: tuple[tuple[bool, bool], list[PatientWork]] | None = None
        """The list's first page read with its order, and the boxes (left only, on hold only) it
        was read for: used once, by the list started with those boxes."""
        self.reader = ListReader(self)
        self.reader.found.connect(self._read)
        self.reader.refused.connect(self._refused)
        self.reader.ended.connect(self._ended)
        # The versions counted again after a settlement (`_settled`), as the list is read: on its
        # own thread, the list in use meanwhile.
        self.counting = ListReader(self)
        self.counting.found.connect(self._show_tally)
        self.counting.refused.connect(lambda problem: self.tallied.setText(say(problem)))
        self.counting.slow.connect(lambda: self.tallied.setText(
            translate("BackEntryPanel", "Counting the record versions again…")))
        self.printing: Work | None = None
        self.settling: SettleHoldDialog | None = None
        self.answering: NotEnteredDialog | None = None

    def _narrow(self, fitted: Mapping[int, int]) -> None:
        """A long to-do or what-to-enter is cut, the to-do within the list's width (a laptop's
        screen, long names or French step names), the columns after it staying in reach; the
        line's pane has both whole."""
        cut_column(self.table, TO_DO, CUT_CHARACTERS, fitted[TO_DO], least=LEAST_CHARACTERS)
        cut_column(self.table, WHAT, CUT_CHARACTERS, fitted[WHAT])

    def _show_detail(self) -> None:
        """The line the arrows are on, whole, under the list: what to do and what to enter, which
        its line cuts when long, and whom the EHR names for it; read-only text the clerk can also
        copy from."""
        chosen = self.selected()
        if chosen is None:
            self.detail.clear()
            return
        row = self.table.currentIndex().row()
        self.detail.setPlainText(translate("BackEntryPanel", "{patient} — {step}, {when}\nTo do: {to_do}\n"
                                                             "What to enter: {what}\n{by}").format(
            patient=self.model.text(row, 0), step=self.model.text(row, 3), when=self.model.text(row, 4),
            to_do=self.model.text(row, TO_DO), what=self.model.text(row, WHAT), by=chosen[1].by))

    def refresh(self) -> None:
        """Read the list's order and progress again, on a thread of its own: for a hospital's
        100,000 patients that takes seconds, and the window must keep answering meanwhile."""
        self.summary.setText(translate("BackEntryPanel", "Reading the worklist…"))
        self.progress.setRange(0, 0)
        self.print_button.setEnabled(False)
        lang, boxes = language(), (self.left_only.isChecked(), self.holds_only.isChecked())

        def read(own: Session, _: Progress) -> tuple[Any, ...]:
            """And the first page of the list as the boxes said when it began, read here too: it
            holds every record about no patient (a hospital's 1,883), 0.6 s on the window's thread."""
            order, holds, left = (back_entry.worklist_order(own), back_entry.holds_by_patient(own),
                                  back_entry.patients_left(own))
            return (order, back_entry.progress_and_not_entered(own), holds, back_entry.duplicates_and_namesakes(own),
                    back_entry.shared_numbers(own), back_entry.missing_exports(own, lang), left,
                    (boxes, back_entry.worklist_of(own, _listed(order, holds, left, *boxes)[:PAGE])),
                    back_entry.by_laptop(own))

        self.reader.read(self.session, read)

    def _read(self, found: tuple[list[str | None], tuple[int, Tally, int], dict[str | None, int],
                                 tuple[list[ProbableDuplicate], list[ProbableDuplicate]], list[SharedNumber],
                                 list[str], set[str | None], tuple[tuple[bool, bool], list[PatientWork]],
                                 list[back_entry.LaptopAccount]]) -> None:
        (self.order, (done, tallied, self.not_entered), self.holds, (duplicates, namesakes), shared, missing,
         self.left, self.first_page, laptops) = found
        self.laptops.setText("\n".join(laptop.text_in(language()) for laptop in laptops))
        self.laptops.setVisible(bool(laptops))
        self.missing.setText("\n".join(missing))
        self.missing.setVisible(bool(missing))
        self.counts = (done, tallied.listed)
        self._show_tally(tallied)
        self._start_list()
        self._show_progress()
        self._show_duplicates(duplicates, namesakes)
        # Above the list, where the clerk reaches for a paper form by its number.
        self.shared.setText("\n".join(number.text(language()) for number in shared))
        self.shared.setVisible(bool(shared))

    def _show_duplicates(self, duplicates: list[ProbableDuplicate], namesakes: list[ProbableDuplicate]) -> None:
        """Said above the list, before anyone types a second EHR file for one person; the
        `namesakes` the ward told apart are said on their lines only, and so are those it told
        apart who share a NIR or IPP (a card to check, not one person to link: their note says so)."""
        self.duplicate_groups, self.namesake_groups = duplicates, namesakes
        lines = [translate("BackEntryPanel", "Probably one person: {numbers} ({why}). Link them to the same EHR "
                                             "patient number, and enter the admission once.").format(
            numbers=", ".join(numbers), why=semicolon(language()).join(message(language(), why) for why in whys))
            for numbers, whys in reasons_by_people([group for group in duplicates if not group.told_apart]).items()]
        self.duplicates.setText("\n".join(lines))
        self.duplicates.setVisible(bool(lines))
        self.model.say_same_person(back_entry.same_person_notes(duplicates, language(), namesakes))
        self.table.fit_columns()  # as a reset fits them, to the lines' new words
        self.cut.fit()

    def _start_list(self) -> None:
        """The list from its start, as the boxes above it say: what is left (through the patients
        with a line left alone: see back_entry.patients_left), the lines on hold."""
        left_only, holds_only = boxes = self.left_only.isChecked(), self.holds_only.isChecked()
        first = self.first_page[1] if self.first_page is not None and self.first_page[0] == boxes else None
        self.first_page = None  # a list started again reads its first page again
        self.model.start(_listed(self.order, self.holds, self.left, left_only, holds_only), left_only, holds_only, first)
        self._offer_holds()

    def _refused(self, problem: UserError) -> None:
        self.summary.setText(say(problem))
        self.tallied.hide()
        self.order, self.holds, self.left, self.first_page = [], {}, set(), None
        self._start_list()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def _ended(self) -> None:
        self.print_button.setEnabled(self.printing is None)
        self.loaded.emit()

    def _show_progress(self) -> None:
        done, total = self.counts
        if self.not_entered:  # done, but not "entered in the EHR"
            said = translate("BackEntryPanel", "{done} of {total} done: {entered} entered in the EHR, "
                                               "{not_entered} not to be entered as the ward said").format(
                done=done, total=total, entered=done - self.not_entered, not_entered=self.not_entered)
        else:
            said = translate("BackEntryPanel", "{done} of {total} entered in the EHR").format(done=done, total=total)
        self.summary.setText(back_entry.with_holds(said, sum(self.holds.values()), language()))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._offer_holds()

    def _show_tally(self, tallied: Tally) -> None:
        """Under the progress, why the list's count is not the merge's nor the import's."""
        self.tallied.setText(tallied.listed_in(language()))
        self.tallied.setVisible(bool(tallied.counted))

    def _offer_holds(self) -> None:
        """The lines on hold alone are offered while there is one; the box stays while ticked (the
        list empty once all are settled), for the clerk to untick."""
        self.holds_only.setEnabled(any(self.holds.values()) or self.holds_only.isChecked())

    def _redo(self, row: Row) -> None:
        """The lines of the patient just worked on, and the progress moved by what changed in
        their items; the rest stays as fetched, and the hospital's progress is not counted again.
        The line the clerk was on stays chosen (the next one once it is ticked off and gone): a
        patient just linked lost it, and Enter then answered "Select a line". A record about no
        patient (a theatre session) worked on, the patients shown whose lines wait for such a
        record are read again too: their bookings said "enter first" the session just ticked off
        (sessions are few, and so are their bookings)."""
        group, _ = row
        line = self.table.currentIndex().row()
        waiting = ({_patient_id(shown): shown[0] for shown in self.model.rows if shown[1].waits_for}
                   if group.patient is None else {})
        for patient_id, before in {_patient_id(row): group, **waiting}.items():
            work = back_entry.worklist_of(self.session, [patient_id])
            self.model.replace_patient(patient_id, work)
            (done_before, total_before), (done, total) = back_entry.progress([before]), back_entry.progress(work)
            self.counts = (self.counts[0] + done - done_before, self.counts[1] + total - total_before)
            self.not_entered += back_entry.not_entered_done(work) - back_entry.not_entered_done([before])
            self.holds[patient_id] = back_entry.held_count(work)
        if line >= 0 and self.model.rowCount():
            self.table.selectRow(min(line, self.model.rowCount() - 1))
        self._show_progress()

    def selected(self) -> Row | None:
        """The line the clerk is on, the one Enter acts on: Tab into the list makes the first
        line current without selecting it, and a selection-only test answered "Select a line"."""
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def chosen_patient(self) -> PatientSummary | None:
        """The patient of the line the clerk is on, for an action about a patient (ID labels, the
        MAR): it took the patient chosen on the Patients tab, out of sight."""
        chosen = self.selected()
        return chosen[0].patient if chosen is not None else None

    def mark_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            Prompts.error(self, translate("BackEntryPanel", "Nothing selected"), translate("BackEntryPanel", "Select a line of the worklist first."))
            return
        group, item = chosen
        if item.on_hold is not None:  # said before the clerk types a reference for nothing
            Prompts.error(self, translate("BackEntryPanel", "Not marked"), item.action_in(language()))
            return
        # Named by two identifiers, as the link box names them: two patients of one name are next
        # to each other in the list, and the name alone did not tell a line too low.
        who = translate("BackEntryPanel", "{name} ({number}), born {born}").format(
            name=group.patient.display_name, number=group.patient.downtime_number,
            born=group.patient.birth_date_in(language())) if group.patient else translate("BackEntryPanel", "ward record")
        # What to do whole, as the pane under the list gives it: a clerk working by Enter read
        # only the line, whose "ask the ward" was cut off on a laptop's screen.
        reference = Prompts.text(self, translate("BackEntryPanel", "Entered in the EHR"),
                                 translate("BackEntryPanel", "{who}: {step} — {what}\n{by}\n\nTo do: {to_do}\n\n"
                                                             "The EHR's reference for it:").format(
                                     who=who, step=translate("messages", item.step_name), what=item.label, by=item.by,
                                     to_do=self.model.text(self.table.currentIndex().row(), TO_DO)))
        if reference is None:
            return
        try:
            # The line read before the ward's next stick came: its version is recorded as the one
            # in the EHR, and the line read again says what to correct or withdraw there.
            superseded = back_entry.mark_entered(self.session, item.record.record_id, item.record.version, reference)
        except ServiceError as problem:
            Prompts.error(self, translate("BackEntryPanel", "Not marked"), say(problem))
        else:
            if superseded is not None:
                Prompts.info(self, translate("BackEntryPanel", "Entered in the EHR"), superseded.text(language()))
        self._redo(chosen)

    def _offer_settling(self) -> None:
        """Settling is offered on a line on hold only; the ward's answer that a line is not to be
        entered on a line left that says to ask the ward (see back_entry.mark_not_entered)."""
        chosen = self.selected()
        self.settle_button.setEnabled(chosen is not None and chosen[1].on_hold is not None)
        self.not_entered_button.setEnabled(chosen is not None and _answerable(chosen[1]))
        self.moved_button.setEnabled(chosen is not None and chosen[1].move is not None)

    def not_entered_selected(self) -> None:
        """Opened once the ward has answered; the list is read again for the patient when the
        answer is written down."""
        chosen = self.selected()
        if chosen is None or not _answerable(chosen[1]):
            Prompts.error(self, translate("BackEntryPanel", "Nothing to ask the ward about selected"),
                          translate("BackEntryPanel", "Select a line left that says to ask the ward first."))
            return
        self.answering = NotEnteredDialog(self.session, chosen[1], chosen[0].patient, self)
        self.answering.recorded.connect(lambda: self._redo(chosen))
        open_until_closed(self.answering, self._answering_closed)

    def _answering_closed(self) -> None:
        self.answering = None

    def moved_selected(self) -> None:
        """The clerk moved in the EHR a record entered under the patient's earlier EHR number (its
        line says so from the re-link on): asked to confirm, naming both numbers, then kept."""
        chosen = self.selected()
        if chosen is None or chosen[1].move is None:
            Prompts.error(self, translate("BackEntryPanel", "Nothing to move selected"),
                          translate("BackEntryPanel", "Select a line that says to move the record in the EHR first."))
            return
        group, item = chosen
        move = item.move
        if not Prompts.confirm(self, translate("BackEntryPanel", "Moved in the EHR?"), translate(
                "BackEntryPanel", "{step} — {what}\n\nMoved in the EHR from patient {old} to patient {new}?").format(
                step=translate("messages", item.step_name), what=item.label, old=move.from_ehr, new=move.to_ehr)):
            return
        try:
            back_entry.mark_moved(self.session, item.record.record_id)
        except ServiceError as problem:
            Prompts.error(self, translate("BackEntryPanel", "Not marked"), say(problem))
        self._redo(chosen)

    def settle_selected(self) -> None:
        """Opened once the ward has said which version is right; the list is read again for
        the patient when it is settled."""
        chosen = self.selected()
        if chosen is None or chosen[1].on_hold is None:
            Prompts.error(self, translate("BackEntryPanel", "Nothing on hold selected"),
                          translate("BackEntryPanel", "Select a line on hold first."))
            return
        self.settling = SettleHoldDialog(self.session, chosen[1], chosen[0].patient, self)
        self.settling.settled.connect(lambda _: self._settled(chosen))
        open_until_closed(self.settling, self._settling_closed)

    def _settling_closed(self) -> None:
        self.settling = None

    def _settled(self, chosen: Row) -> None:
        """The patient's lines read again at once, and the versions counted again on a thread of
        their own: a settlement sets the versions on hold aside (and may write one), which the
        count under the progress says. Counted on the window's thread, a hospital's 1.4 million
        records froze the window for seconds after each settlement."""
        self._redo(chosen)
        self.counting.read(self.session, lambda own, _: back_entry.tally(own))

    def link_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[0].patient is None:
            Prompts.error(self, translate("BackEntryPanel", "No patient selected"), translate("BackEntryPanel", "Select a line of the patient first."))
            return
        patient = chosen[0].patient
        link = back_entry.link_of(self.session, patient.downtime_number)
        # The hospital number the admission records, filled in for the clerk to check in the EHR.
        ipp = back_entry.recorded_ipp(self.session, patient.downtime_number)
        asked = translate("BackEntryPanel", "{name} ({number}), born {born}:\nthe patient's number in the EHR:").format(
            name=patient.display_name, number=patient.downtime_number, born=patient.birth_date_in(language()))
        if ipp is not None:
            asked += "\n" + translate("BackEntryPanel", "(the admission records the hospital number {ipp}: check it "
                                                         "in the EHR)").format(ipp=ipp)
        # A link the admission contradicts since (back_entry.LinkContradicted): re-linked to the
        # admission's number, or kept on the clerk's word that the admission's is wrong.
        contradicted = chosen[0].link_contradicted is not None
        number = Prompts.text(self, translate("BackEntryPanel", "EHR patient number"), asked,
                              ipp if ipp is not None and (link is None or contradicted) else "")
        if number is None:
            return
        same = link is not None and link.ehr == number
        if same and not contradicted:
            Prompts.info(self, translate("BackEntryPanel", "Already linked"),
                         message(language(), back_entry.SAME_LINK, number=patient.downtime_number, ehr=number))
            return
        if link is not None and not same and not Prompts.confirm(self, translate("BackEntryPanel", "Replace the EHR link?"), translate(
                "BackEntryPanel", "{said}\n\nLink {name} ({number}) to EHR patient {new} instead of {ehr}?").format(
                said=link.text_in(language(), number), name=patient.display_name, number=patient.downtime_number,
                new=number, ehr=link.ehr)):
            return
        other_than_ipp = ipp is not None and not back_entry.same_number(ipp, number)
        if other_than_ipp and not Prompts.confirm(self, translate("BackEntryPanel", "Not the admission's hospital number"),
                                                  translate("BackEntryPanel", "{name} ({number})'s admission records the "
                                                            "hospital number {ipp}. Link to EHR patient {new} instead? "
                                                            "Only if the EHR shows the admission's is wrong.").format(
                                                      name=patient.display_name, number=patient.downtime_number,
                                                      ipp=ipp, new=number)):
            return
        others = back_entry.linked_elsewhere(self.session.db, patient.downtime_number, number)
        if others and not Prompts.confirm(self, translate("BackEntryPanel", "EHR number already linked"), translate(
                "BackEntryPanel", "EHR number {ehr} is already linked to {others}. Link {name} ({number}) to it too? "
                                  "Only if they are the same person, admitted under two downtime numbers.").format(
                ehr=number, others=", ".join(others), name=patient.display_name, number=patient.downtime_number)):
            return
        split = back_entry.one_number_two_files(self.session, patient.downtime_number, number)
        if split is not None and not Prompts.confirm(self, translate("BackEntryPanel", "One person, two EHR files?"),
                                                     translate("BackEntryPanel", "{said}\n\nLink {name} ({number}) to "
                                                               "EHR patient {new} all the same?").format(
                                                         said=say(split), name=patient.display_name,
                                                         number=patient.downtime_number, new=number)):
            return
        try:
            back_entry.link_patient(self.session, patient.downtime_number, number, same_person=bool(others),
                                    replacing=link.ehr if link is not None else None,
                                    not_the_admissions_ipp=other_than_ipp, two_people=split is not None)
        except ServiceError as problem:
            Prompts.error(self, translate("BackEntryPanel", "Not linked"), say(problem))
        self._redo(chosen)
        self._show_duplicates(back_entry.unsettled(self.session.db, self.duplicate_groups),  # one linked twice is settled
                              back_entry.unsettled(self.session.db, self.namesake_groups))

    def print_worklist(self) -> None:
        """The next patients as the list shows them, from the selected line's patient (else the
        first): the part of the list about to be typed, to tick on paper. Made on a thread of its
        own (fifty patients are forty pages, 2 s at a hospital's scale); the preview opens when
        it is written."""
        chosen = self.selected()
        order, left_only, out = self.model.order, self.left_only.isChecked(), prints("worklist")
        start = order.index(_patient_id(chosen)) if chosen else 0
        self.print_button.setEnabled(False)
        self.printing = Work(self.session, lambda own, _: printing.print_worklist(
            own, out, back_entry.worklist_part(own, order, start, PRINTED, left_only=left_only)))
        self.printing.succeeded.connect(self._printed)
        self.printing.refused.connect(self._not_printed)
        self.printing.finished.connect(self._print_ended)
        self.printing.begin()

    def _printed(self, out: Path) -> None:
        """Shown if the clerk is still there (on whichever tab): not over the sign-in or the
        lock screen, to the next person. Else deleted: written after the sign-out's or the
        lock's clean-up, fifty patients' worklist stayed in the prints folder through the next
        person's whole session."""
        window = self.window()
        central = window.centralWidget() if isinstance(window, QMainWindow) else None
        if window.isVisible() and (central is None or central.isVisible()):
            show_print(self, out)
        else:
            out.unlink(missing_ok=True)

    def _not_printed(self, problem: UserError) -> None:
        not_printed(self, problem)

    def _print_ended(self) -> None:
        self.printing = None
        self.print_button.setEnabled(not self.reader.busy)

"""A patient's records, newest first: every form written about them (admission, movements,
orders, doses, observation sets, theatre bookings), withdrawn ones included and said so. Enter
opens one to read its history, amend it with a reason or mark it entered in error: a stopped
order, a transfer typed to the wrong bed or a dose recorded for the wrong patient is corrected
here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QWidget

from downtime.domain.census import MovementEvent
from downtime.domain.clock import DATED, ward_time
from downtime.domain.laptops import Authors, Laptop
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.i18n import QT_TR_NOOP, record_status_word
from downtime.qt.i18n import translate
from downtime.qt.patient_header import PatientTab
from downtime.qt.tables import TextTableModel, make_table, print_and_open
from downtime.services import medication, printing, records, theatre
from downtime.services.context import Session
from downtime.services.laptops import authors as authors_here, laptops_known


RECORD = 2  # the record in one line: its column takes the width the others leave (RecordsView)


class RecordsModel(TextTableModel):
    columns = (QT_TR_NOOP("When"), QT_TR_NOOP("Form"), QT_TR_NOOP("Record"), QT_TR_NOOP("Version"), QT_TR_NOOP("By"))
    whole_in_tooltip = frozenset({RECORD})

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.labels: dict[str, str] = {}
        self.held: set[str] = set()
        self.authors = Authors()
        self.laptops: dict[str, Laptop] = {}

    def load(self, found: list[RecordVersion], labels: dict[str, str], held: set[str]) -> None:
        """`held`: the records another laptop wrote otherwise (see records.on_hold). Each author
        is given as domain.laptops.Authors names them: another laptop's by staff ID and laptop."""
        self.labels, self.held, self.authors = labels, held, authors_here(self.session)
        self.laptops = laptops_known(self.session, {record.device_id for record in found})
        self.set_rows(found)

    def is_warning(self, row: int, column: int) -> bool:
        record: RecordVersion = self.rows[row]
        return column == 3 and (record.status is RecordStatus.ENTERED_IN_ERROR or record.record_id in self.held)

    def texts(self, row: int) -> tuple[str, ...]:
        record: RecordVersion = self.rows[row]
        held = translate("RecordsView", "ON HOLD: another laptop wrote it otherwise") if record.record_id in self.held else ""
        return (ward_time(record.occurred_at, None, DATED), self.session.form(record.form_id).title.get(self.session.lang),
                self.labels[record.record_id], f"v{record.version} {record_status_word(record.status, self.session.lang)}"
                + (f" — {held}" if held else ""),
                self.authors.of(self.session.lang, record.author, record.device_id, self.laptops))


class RecordsView(PatientTab):
    """Enter, a double-click or the button opens the record chosen (`open_record`)."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, False, parent)
        self.titled = translate("RecordsView", "Records — {name}")
        layout = self.column
        self.model = RecordsModel(session)
        self.table = make_table(self.model, translate("RecordsView", "The patient's records, newest first"),
                                self.open_selected)
        # Fitted to its longest line (an admission's answers run to 1,900 pixels) the record's column
        # put its own heading and the Version (ENTERED IN ERROR, ON HOLD) and By columns off the
        # screen: it takes the width the others leave, whatever the window's, its line cut there.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RECORD, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)  # By, fitted to its names: the room is the record's
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(translate("RecordsView", "&Open the selected record"))
        self.open_button.clicked.connect(self.open_selected)
        buttons.addWidget(self.open_button)
        # The notes folder's continuation sheets, for the next shift while the laptop is away.
        self.notes_button = QPushButton(translate("RecordsView", "&Print the clinical notes"))
        self.notes_button.clicked.connect(self.print_notes)
        buttons.addWidget(self.notes_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read again after every save: the record chosen stays chosen (the newest at first)."""
        index = self.table.currentIndex()
        chosen = self.model.rows[index.row()].record_id if index.isValid() else None
        found = records.list_current(self.session.db, patient_id=self.patient_id)
        known, authors = {record.record_id: record for record in found}, authors_here(self.session)
        orders = medication.chart_labels(self.session, found)
        placed = theatre.as_placed(self.session, found, known, authors)
        labels = {record.record_id: records.record_label(self.session, record, known, authors,
                                                         orders | placed.get(record.record_id, {}))
                  for record in found}
        ended = medication.ended_with_their_stay(self.session.db, self.patient_id, found, self.session.clock())
        labels.update({record.record_id: self._order_line(record, ended.get(record.record_id)) for record in found
                       if record.form_id == medication.ORDER_FORM})
        self.model.load(sorted(found, key=lambda record: (record.occurred_at, record.recorded_at), reverse=True), labels,
                        set(records.on_hold(self.session, list(known))))
        if found:
            self.table.selectRow(next((row for row, record in enumerate(self.model.rows) if record.record_id == chosen), 0))

    def _order_line(self, record: RecordVersion, ended: MovementEvent | None) -> str:
        """An order as its doses' lines and the dose dialog read it, with its flags: its form's
        answers one by one ("Morphine — Dose: 5 — Unit: mg — Route: …") ran off the window.
        `ended`: the end of the stay it was left open at (see medication.stay_end). Its flags in
        the chart's and the paper's words (medication.order_flags), as the round says them."""
        order = medication.order_of(record)
        line = medication.order_reading(order, self.session.form(medication.ORDER_FORM), self.session.lang, ended,
                                        at=self.session.clock())
        flags = medication.order_flags(order, self.session.lang, self.session.clock())
        return f"{line} — {', '.join(flags)}" if flags else line

    def print_notes(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_notes(own, patient_id, out),
                              f"notes-{patient_id[:8]}")

    def open_selected(self) -> RecordVersion | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        record: RecordVersion = self.model.rows[index.row()]
        self.open_record.emit(record)
        return record

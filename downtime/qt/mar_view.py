"""A patient's MAR as a grid: each order with a row per administration time and a column per
day; a cell says who gave the dose and when, the not-given code, or LATE / OVERDUE in words.
As-required (PRN) orders have one row listing the doses given. Enter records a dose."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent, QShowEvent, QTextLayout,
                           QTextOption)
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

from downtime.domain.clock import said_twice, ward_time
from downtime.domain.elapsed import instant, reached
from downtime.domain.laptops import Authors, Laptop
from downtime.domain.medication import (NOT_GIVEN_CODES, Administration, DoseState, Frequency, Order, Outcome,
                                       review_due_at)
from downtime.domain.records import RecordVersion
from downtime.domain.staff import Action
from downtime.formspec import FormSpec
from downtime.i18n import QT_TR_NOOP, labelled, semicolon
from downtime.qt.countersign import countersign
from downtime.qt.dialog_life import open_until_closed
from downtime.qt.i18n import language, locale, say, translate, word
from downtime.qt.flow_row import FlowRow
from downtime.qt.dose_dialog import DOSE_HELD, ORDER_ON_HOLD, ROUND_TICK_MS, DoseDialog, also_ordered_words, held_words
from downtime.qt.paper_doses_dialog import PaperDosesDialog
from downtime.qt.paper_notice import CHECK_PAPER, PaperNotice
from downtime.qt.patient_header import PatientTab
from downtime.qt.prompts import Prompts
from downtime.qt.infusion_check_dialog import InfusionCheckDialog
from downtime.qt.rate_dialog import RateDialog
from downtime.qt.style import ERROR_STYLE, FOCUS_WIDTH, focus_colour
from downtime.qt.tables import ColumnsCut, Index, TextTableModel, cut_column, make_table, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import (capacity, census, infusion_checks, infusion_rates, medication, printing, records,
                               telephone_orders)
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.medication import OVERRIDDEN, HeldDose, MarCell, MarRow
from downtime.services.laptops import authors as authors_here

STATE_WORDS = {DoseState.LATE: QT_TR_NOOP("LATE"), DoseState.OVERDUE: QT_TR_NOOP("OVERDUE"),
               DoseState.DUE: QT_TR_NOOP("due now"), DoseState.NOT_RECORDED: QT_TR_NOOP("not recorded (stopped)"),
               DoseState.IN_EHR: QT_TR_NOOP("in the EHR (before downtime)"),
               DoseState.NOT_IN_HOSPITAL: QT_TR_NOOP("not in hospital"), DoseState.CHECK_PAPER: CHECK_PAPER}

# A day's cell no dose of the order falls in (see medication.MarRow.outside_course): hatched
# grey as the printed chart hatches it, and said why in its tooltip, the order's course named.
OUTSIDE_COURSE = QBrush(QColor("#9a9a9a"), Qt.BrushStyle.BDiagPattern)
NO_DOSE_HERE = QT_TR_NOOP("No dose of the order at this time (before its start, after its stop): not to be recorded here.")
START = QT_TR_NOOP("Start {when}")
PRESCRIBER = QT_TR_NOOP("Prescriber: {who}")
STOPPED = QT_TR_NOOP("Stopped {when}")
STOPPED_BECAUSE = QT_TR_NOOP("Stopped {when}: {why}")
UNTIL = QT_TR_NOOP("Until {when}")
REVIEW_BY = QT_TR_NOOP("Review by {when}")
# Said instead of a dose dialog when a nurse acts on such a cell: it opened the dose of another
# day nearest to now, which she would sign believing it the cell's.
NO_DOSE_AT = QT_TR_NOOP("No dose of {drug} falls at {time} on {day}: nothing to record in this cell.")
NO_DOSE_ON = QT_TR_NOOP("No dose of {drug} falls on {day}: nothing to record in this cell.")
# Over a chart moved back from today's days (MarView.show_earlier), and why a dose given now is
# not recorded from it: the medicine column's Enter opened the dose of those days nearest to
# now, and an as-required row's a dose given now in no column shown.
EARLIER_DAYS = QT_TR_NOOP("EARLIER DAYS: {first} to {last}, not today's chart")
NOT_TODAY = QT_TR_NOOP("This chart shows {first} to {last}. A dose given now is recorded from today's chart (Back "
                       "to today); a dose of these days, in its day's cell.")


def course_words(row: MarRow, now: datetime) -> str:
    """An order's course as the printed chart names it: "Start 01/12 14:03 — Stopped 03/12 10:00"
    (`stop_words`)."""
    return " — ".join(filter(None, (word(START).format(when=ward_time(row.order.start_at, now.tzinfo)),
                                    stop_words(row, now))))


def stop_words(row: MarRow, now: datetime, *, why: bool = True) -> str:
    """An order's stop as the printed chart says it: "Stopped 03/12 10:00" with the reason it was
    written with (medication.MarRow.stop_reason: "held for AKI, restart when the creatinine is
    back" read on screen as stopped for good), "Until 03/12 10:00" while it is ahead (a course to
    end on Thursday read as ended), on the ward's clock (`now`'s) with its offset the night the
    clocks go back, as the print says it: a stop at the second 02:30 read "Until 25/10 02:30" at
    the first 02:40, as though passed. Empty for an order with no stop. Without its reason (`why`)
    on the screen's row: a 300-character reason on every time row pushed the red allergy row out
    of sight at the largest text; the tooltip says it."""
    stop_at = row.order.stop_at
    if stop_at is None:
        return ""
    when = ward_time(stop_at, now.tzinfo)
    if not reached(stop_at, now):
        return word(UNTIL).format(when=when)
    return word(STOPPED_BECAUSE).format(when=when, why=row.stop_reason) if row.stop_reason and why else \
        word(STOPPED).format(when=when)


def dose_time(dose: Administration, zone: tzinfo | None) -> str:
    """A dose's time of day as its cell writes it (medication.chart_dose_text): on the clock it was
    recorded on, with its offset where the ward's clock (`zone`) reads it twice; a cell's tooltip
    said "02:10 given, typed 02:50 +01:00" of the second 02:10."""
    return f"{dose.at:%H:%M}{said_twice(dose.at, zone)}"


def review_words(order: Order, now: datetime) -> str:
    """When an antibiotic or an as-required opioid running `now` is to be reviewed, as the printed
    chart says it (domain.medication.review_due_at); empty for another order."""
    due = None if reached(order.stop_at, now) else review_due_at(order)
    return "" if due is None else word(REVIEW_BY).format(when=f"{due.astimezone(now.tzinfo):%d/%m}")


# A once-only order's line, which otherwise reads as a regular order's at that time each day.
ONCE_ONLY = QT_TR_NOOP("ONCE ONLY")
NOTHING_RECORDED = QT_TR_NOOP("nothing recorded")
MEDICINE = 0
NO_TIME = "—"  # the time of a row with no dose in the days shown (a once-only order's, given before them)
# An order that ended with an earlier stay (see medication.MarRow.stay_ended): not due, and said
# so apart, with the way to go on with it if it still stands.
STOPPED_WITH_ITS_STAY = QT_TR_NOOP("Stopped at the end of the stay of {date} — prescribe again if it still stands")
ORDERED_AGAIN = QT_TR_NOOP("Stopped at the end of the stay of {date} — ordered again: {orders}")


def stopped_with_its_stay_words(row: MarRow, now: datetime, order_form: FormSpec) -> str:
    """What an order that ended with an earlier stay says, naming the orders it was prescribed
    again as (see medication.MarRow.ordered_again) as read `now` (one whose stop has passed said
    stopped, as the printed chart says it); empty for another order."""
    if row.stay_ended is None:
        return ""
    date = medication.stay_end_date(row.stay_ended, now.tzinfo)
    if not row.ordered_again:
        return word(STOPPED_WITH_ITS_STAY).format(date=date)
    orders = semicolon(language()).join(medication.order_reading(other, order_form, language(), at=now)
                                        for other in row.ordered_again)
    return word(ORDERED_AGAIN).format(date=date, orders=orders)


def _as_required() -> str:
    return medication.ORDER_WORDS["as_required"][language()]


# The medicine column's widest, an infusion's with its flags ("Sodium chloride 0.9% 1000 mL IV at
# 125 mL/h ONCE ONLY [HIGH-ALERT]"): fitted to an order's "ALSO ORDERED: …", it pushed the
# chart's days off the screen. Its text wraps, each row as tall as its text.
MEDICINE_CHARACTERS = 75
# And never narrower than so many characters, cut further for the days to stay in sight: at 75
# characters an as-required morphine with its flags ("[CONTROLLED DRUG — witness] [HIGH-ALERT]")
# pushed today's column, its dose due now, past a 1024-pixel laptop's edge.
MEDICINE_LEAST = 24
# A medicine's name on the chart's screen, cut with "…" beyond this, whole in the cell's tooltip:
# "Pipéracilline/tazobactam (Tazocilline) 4 g/500 mg poudre pour solution pour perfusion" left
# no room for the dose, route and [HIGH-ALERT] after it, cut off the line. The printed chart
# wraps it whole.
DRUG_CHARACTERS = 50
# The most lines the red block above the chart takes (MarView.allergies_said), cut with "…", the
# whole in its tooltip: said whole for each of three penicillins, at the largest text it was 384
# to 416 pixels, and the chart below it a screen and more down.
ALLERGIES_LINES = 3


def _paragraph_cut(text: str, font: QFont, width: int, most: int) -> tuple[str, int]:
    """`text`, one paragraph, as a label `width` pixels wide in `font` wraps it, cut after `most`
    lines with "…" (the last line kept cut to its width), and how many lines it then takes."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    starts: list[int] = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= most:
        return text, len(starts)
    last = starts[most - 1]
    return text[:last] + QFontMetrics(font).elidedText(" ".join(text[last:].split()), Qt.TextElideMode.ElideRight,
                                                      width), most


def lines_cut(text: str, font: QFont, width: int, most: int, named: Sequence[str] = ()) -> str:
    """`text` as a label `width` pixels wide in `font` wraps it (its own lines kept), in at most
    `most` lines, whole when it takes no more: each of its lines (paragraphs) keeps at least its
    first, the earlier ones what lines are left, each cut with "…"; past `most` lines, the rest
    in the last, cut. Cut as one, the allergy's paragraph took the three lines and the "ALSO
    ORDERED" below it was seen nowhere. The first paragraph takes more lines, up to all but one,
    until it shows one of `named` (the allergens it names): one line each, two "ALSO ORDERED" cut
    it before the allergen at the largest text; two lines whatever its first showed, it cut the
    second "ALSO ORDERED" off even at the usual text."""
    paragraphs, left = text.split("\n"), most
    said: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        later = len(paragraphs) - number - 1
        if later and left == 1:
            said.append(_paragraph_cut(" ".join(paragraphs[number:]), font, width, 1)[0])
            break
        lines = max(1, left - later)
        cut, taken = _paragraph_cut(paragraph, font, width, lines)
        while number == 0 and named and lines < left - min(later, 1) and not _names(cut, named):
            lines += 1
            cut, taken = _paragraph_cut(paragraph, font, width, lines)
        said.append(cut)
        left -= taken
    return "\n".join(said)


def _names(cut: str, named: Sequence[str]) -> bool:
    """Whether `cut` shows one of `named` whole (its case aside; an empty one names nothing)."""
    return any(name and name.casefold() in cut.casefold() for name in named)


class LinesCutLabel(QLabel):
    """Red, wrapped and at most `most` lines at its width (`lines_cut`), the whole in its tooltip
    and a screen reader's description; hidden while it says nothing. Cut again as its width
    changes."""

    def __init__(self, most: int) -> None:
        super().__init__()
        self.most, self.whole = most, ""
        self.named: Sequence[str] = ()
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def say(self, whole: str, named: Sequence[str] = ()) -> None:
        """Say `whole`, its first paragraph showing one of `named` where it can (`lines_cut`)."""
        self.whole, self.named = whole, named
        self.setToolTip(whole)
        self.setAccessibleDescription(whole)
        self._cut()
        self.setVisible(bool(whole))

    def _cut(self) -> None:
        self.setText(lines_cut(self.whole, self.font(), self.contentsRect().width(), self.most, self.named))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._cut()


class MarModel(TextTableModel):
    """Rows: (order, time of day, or None for a PRN order); columns: medicine, time, days."""

    warnings = TextTableModel.warnings | {CHECK_PAPER}

    def __init__(self, order_form: FormSpec, dose_form: FormSpec) -> None:
        super().__init__()
        self.order_form = order_form  # whose words the doses are given in
        self.dose_form = dose_form  # whose words the warnings overridden are named in
        self.days: list[date] = []
        self.authors = Authors()
        self.laptops: dict[str, Laptop] = {}
        self.held: set[str] = set()
        self.unreviewed: Mapping[str, medication.Unreviewed] = {}
        self.tz: tzinfo | None = None
        self.now: datetime | None = None
        self.rate_changes: dict[str, list[infusion_rates.RateChange]] = {}
        self.checks: dict[str, list[tuple[datetime, str]]] = {}
        self.running: dict[str, str] = {}

    def load(self, rows: list[MarRow], days: list[date], authors: Authors, laptops: dict[str, Laptop], held: set[str],
             now: datetime, rate_changes: dict[str, list[infusion_rates.RateChange]],
             checks: dict[str, list[tuple[datetime, str]]], running: dict[str, str],
             unreviewed: Mapping[str, medication.Unreviewed]) -> None:
        """`authors`, `laptops`: who gave and witnessed each dose (domain.laptops.Authors); `held`:
        the orders on hold; `now`: when the chart was read, on the ward's clock, whose days the
        columns are; `rate_changes`: each infusion bag's changes, by its dose's id
        (services.infusion_rates.by_bag), and `checks` its checks' lines with their times
        (services.infusion_checks.chart_lines), written after its dose in time order; `running`:
        what each infusion's bag runs at now, by order id (services.infusion_rates.running), in its
        medicine's tooltip; `unreviewed`: what is asked of the prescriber of each order an allergy
        recorded since matches, by order id (services.medication.allergies_unreviewed), on its line."""
        self.days, self.authors, self.laptops, self.held = days, authors, laptops, held
        self.unreviewed = unreviewed
        self.rate_changes, self.checks, self.running = rate_changes, checks, running
        self.now, self.tz = now, now.tzinfo
        self.columns = (QT_TR_NOOP("Medicine"), QT_TR_NOOP("Time"), *(locale().toString(day, "ddd dd/MM") for day in days))
        lines: list[tuple[MarRow, str | None]] = []
        for row in rows:
            if row.order.frequency is Frequency.PRN:
                lines.append((row, None))
            else:
                times = row.clocks or [NO_TIME]
                lines += [(row, clock) for clock in times]
        self.set_rows(lines)

    def cell(self, row: MarRow, clock: str | None, day: date) -> MarCell | None:
        return None if clock is None else row.cell_at(day, clock)

    def outside_course(self, line: int, column: int) -> bool:
        """Whether a day's cell is one no dose of the order falls in (see medication.MarRow.outside_course)."""
        row, clock = self.rows[line]
        return column >= 2 and clock is not None and row.outside_course(self.days[column - 2], clock)

    def outside_course_words(self, line: int, column: int) -> str:
        """Why a hatched cell is not to be recorded in, with the order's start (and stop)."""
        if not self.outside_course(line, column):
            return ""
        return f"{word(NO_DOSE_HERE)}\n{course_words(self.rows[line][0], self.now)}"

    def texts(self, line: int) -> tuple[str, ...]:
        row, clock = self.rows[line]
        order = row.order
        if len(order.drug) > DRUG_CHARACTERS:
            order = order.model_copy(update={"drug": order.drug[:DRUG_CHARACTERS - 1].rstrip() + "…"})
        return (self.medicine_words(row, order, line), clock or _as_required(),
                *(self._day(row, clock, day) for day in self.days))

    def medicine_words(self, row: MarRow, order: Order, line: int | None = None) -> str:
        """The order as the chart's line heads it, `order`'s medicine named as given (the row's,
        or cut): its dose, route, kind and flags in the printed chart's words (see
        medication.ORDER_WORDS), then what it is warned of: an allergy recorded since it was
        written, its stop once passed (`stop_words`; one with its earlier stay says that
        instead), as the printed chart says them. On the screen's `line`, the stop without its
        reason, and on the order's first time row alone: a qds order said it four times, and a
        stopped order is no live warning to take the room of one; the allergy short on each time
        row (medication.UNREVIEWED_FLAG), still red, whole above the chart (MarView.allergies_said):
        whole on the first row, at the largest text it was taller than the chart, which scrolls a
        row at a time, and its end could not be read. Its tooltip (no `line`) says them whole."""
        first = line is None or line == 0 or self.rows[line - 1][0] is not row
        unreviewed = self.unreviewed.get(order.record_id)
        allergy = "" if unreviewed is None else unreviewed if line is None else unreviewed.flag
        stopped = stop_words(row, self.now, why=line is None) if first and row.stay_ended is None \
            and reached(order.stop_at, self.now) else ""
        flags = "".join(f" [{flag}]" for flag in medication.order_flags(order, language(), self.now))
        kind = {Frequency.PRN: f" {_as_required()}", Frequency.ONCE: f" {word(ONCE_ONLY)}"}.get(order.frequency, "")
        warned = "".join(f" — {text}" for text in (allergy, stopped,
                                                     word(ORDER_ON_HOLD) if order.record_id in self.held else "",
                                                     stopped_with_its_stay_words(row, self.now, self.order_form),
                                                     also_ordered_words(order, row.also_ordered, self.order_form),
                                                     *(warning.text(language()) for warning in row.levels)) if text)
        return f"{medication.order_label(order, self.order_form, language())}{kind}{flags}{warned}"

    def cell_words(self, line: int, column: int) -> str:
        """A day's cell as a screen reader says it, with the order, day and time it stands at
        ("Amoxicillin 1 g IV, Tue 01/12 06:00: NF 06:17"): it said "NF 06:17" alone, and which
        dose Enter would record was to be guessed."""
        row, clock = self.rows[line]
        return translate("MarModel", "{medicine}, {day} {time}: {cell}").format(
            medicine=medication.order_label(row.order, self.order_form, language()), day=self.columns[column],
            time=clock or _as_required(), cell=self.text(line, column) or word(NOTHING_RECORDED))

    def held_in(self, line: int, column: int) -> list[HeldDose]:
        """The doses on hold of a day's cell (see medication.HeldDose)."""
        if column < 2:
            return []
        row, clock = self.rows[line]
        day = self.days[column - 2]
        if clock is None:
            return medication.held_at(row.held, None, self.tz, day)
        found = self.cell(row, clock, day)
        return list(found.held) if found is not None else []

    def doses_in(self, line: int, column: int) -> list[Administration]:
        """The doses recorded in a day's cell (an as-required row: that day's doses)."""
        if column < 2:
            return []
        row, clock = self.rows[line]
        day = self.days[column - 2]
        if clock is None:
            return [dose for dose in row.prn_doses if dose.at.date() == day]
        found = self.cell(row, clock, day)
        return list(found.recorded) if found is not None else []

    def not_given_words(self, line: int, column: int) -> str:
        """Why each dose of the cell was not given, as its nurse wrote it ("(O) IV line tissued"):
        the cell gives the code alone, and "O — Other" said nothing of why."""
        return "\n".join(f"({NOT_GIVEN_CODES[language()][dose.reason]}) {dose.detail}"
                         for dose in self.doses_in(line, column) if dose.reason is not None and dose.detail)

    def overridden_words(self, line: int, column: int) -> str:
        """Each dose of the cell recorded over a warning, the warning and the reason: the pharmacist
        reviewing the chart saw none (they were in each dose's record alone). A dose not given
        says so: one recorded ahead read "given over a warning"."""
        return "\n".join((translate("MarModel", "{mark} {time} given over a warning — {overrides}")
                          if dose.outcome is Outcome.GIVEN else
                          translate("MarModel", "{mark} {time} not given, recorded over a warning — {overrides}")).format(
            mark=OVERRIDDEN, time=dose_time(dose, self.tz),
            overrides=medication.overrides_text(self.dose_form, dose, language()))
            for dose in self.doses_in(line, column) if dose.overrides)

    def typed_words(self, line: int, column: int) -> str:
        """Each dose of the cell typed long after it was given (charted from paper), when it was
        given and when typed: "02:30 given, typed 07:00"."""
        return "\n".join(translate("MarModel", "{time} given, typed {typed}").format(time=dose_time(dose, self.tz),
                                                                                     typed=typed)
                         for dose in self.doses_in(line, column) if (typed := dose.typed_late(self.tz)) is not None)

    def paper_words(self, line: int, column: int) -> str:
        """Where on the paper chart each dose of the cell transcribed from it is written: "02:30 from
        the paper chart: MAR sheet 2, night 01/12"."""
        return "\n".join(translate("MarModel", "{time} from the paper chart: {reference}").format(
            time=dose_time(dose, self.tz), reference=dose.paper_reference)
            for dose in self.doses_in(line, column) if dose.paper_reference)

    def elsewhere_words(self, line: int, column: int) -> str:
        """Who the cell's "nurse@002" is, "nurse@002: nurse (laptop 002)": another laptop's giver or
        witness, by their staff ID on that laptop (see domain.laptops.Authors.initials)."""
        authors, laptops, lang = self.authors, self.laptops, language()
        return "\n".join(dict.fromkeys(
            labelled(authors.initials(who, dose.device_id, laptops), authors.of(lang, who, dose.device_id, laptops), lang)
            for dose in self.doses_in(line, column) if dose.device_id != self.authors.device_id
            for who in (dose.given_by, dose.witness) if who))

    def is_warning(self, row: int, column: int) -> bool:
        chart_row = self.rows[row][0]
        order_warned = (chart_row.order.record_id in self.held or chart_row.order.record_id in self.unreviewed
                        or bool(chart_row.also_ordered)
                        or bool(medication.holding(chart_row.levels)))
        return (column == 0 and order_warned) or bool(self.held_in(row, column)) or super().is_warning(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell with a dose on hold says in its tooltip what that means (the cell only names it),
        and one with a dose given over a warning which and why (the cell marks it); one no dose
        falls in is hatched, and says why. The medicine's tooltip names it whole (the cell may
        cut it, see `DRUG_CHARACTERS`), with all the line says, and its prescriber: whom to call."""
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and self.outside_course(index.row(), index.column()):
            return OUTSIDE_COURSE
        if role == Qt.ItemDataRole.AccessibleTextRole and index.isValid() and index.column() >= 2:
            return self.cell_words(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == MEDICINE:
            row = self.rows[index.row()][0]
            prescriber = word(PRESCRIBER).format(who=medication.prescriber_words(row, self.authors, self.laptops,
                                                                                 language()))
            return "\n".join(filter(None, (self.medicine_words(row, row.order), medication.rule_words(row.order, language()),
                                            self.running.get(row.order.record_id, ""), review_words(row.order, self.now), prescriber)))
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() != MEDICINE:
            return "\n".join(filter(None, (self.outside_course_words(index.row(), index.column()),
                                            held_words(self.held_in(index.row(), index.column())),
                                            self.not_given_words(index.row(), index.column()),
                                            self.overridden_words(index.row(), index.column()),
                                            self.typed_words(index.row(), index.column()),
                                            self.paper_words(index.row(), index.column()),
                                            self.elsewhere_words(index.row(), index.column())))) or None
        return super().data(index, role)

    def _dose(self, dose: Administration, row: MarRow) -> str:
        """A dose as the chart writes it, an infusion bag's with each change of its rate and each
        check after it, in time order ("→ 4 mL/h 11:00", "check 12:00: 470 mL left …"): the bag's
        first rate read as its rate all day, and a driver found running fast was on no screen."""
        text = medication.chart_dose_text(dose, row.order, self.authors, self.laptops, self.order_form, language(),
                                          self.tz)
        text = " ".join([text, *(words for _, words in sorted(
            [*((change.at, infusion_rates.change_words(change, dose.at, language(), self.tz))
               for change in self.rate_changes.get(dose.record_id, [])), *self.checks.get(dose.record_id, [])],
            key=lambda line: instant(line[0])))])
        return f"{text} {OVERRIDDEN}" if dose.overrides else text

    def _day(self, row: MarRow, clock: str | None, day: date) -> str:
        if clock is None:
            shown = semicolon(language()).join(self._dose(d, row) for d in row.prn_doses if d.at.date() == day)
            held = medication.held_at(row.held, None, self.tz, day)
        else:
            found = self.cell(row, clock, day)
            if found is None:
                return ""
            held = list(found.held)
            shown = (semicolon(language()).join(self._dose(dose, row) for dose in found.as_happened) if found.recorded
                     else word(STATE_WORDS.get(found.state, "")))
        return " — ".join(part for part in (shown, word(DOSE_HELD) if held else "") if part)


class CurrentCellOutline(QStyledItemDelegate):
    """The cell Enter records in, outlined 3 pixels wide in the focus colour: the whole row is
    highlighted, and Qt's 1-pixel frame around the current cell went unseen at arm's length."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            pen = QPen(focus_colour(), FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(QRectF(option.rect).adjusted(FOCUS_WIDTH / 2, FOCUS_WIDTH / 2,
                                                          -FOCUS_WIDTH / 2, -FOCUS_WIDTH / 2))
            painter.restore()


class MarView(PatientTab):
    """Opens an order to stop or change it (an amendment with a reason), or a dose recorded in
    error to withdraw it. The orders that ended with an earlier stay are listed apart, above the
    chart, each with a button for a prescriber to prescribe it again: `prescribe` fires with
    the answers the new order starts from (see medication.prescribed_again)."""

    prescribe = Signal(object)

    def __init__(self, session: Session, patient_id: str, days: int = 3, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.span = days
        self.titled = translate("MarView", "MAR — {name}")
        layout = self.column
        self.earlier_stay = QGroupBox(translate("MarView", "Orders of an earlier stay: not to be given"))
        self.earlier_stay.setStyleSheet(f"QGroupBox {{ {ERROR_STYLE} }}")
        self.earlier_stay.setLayout(QVBoxLayout())
        layout.addWidget(self.earlier_stay)
        self.paper = PaperNotice()
        self.paper.enter_doses.connect(self.enter_from_paper)
        self.paper.enter_button.setEnabled(session.user.may(Action.RECORD_CARE))
        layout.addWidget(self.paper)
        self.allergies_said = LinesCutLabel(ALLERGIES_LINES)
        """What is asked of the prescriber of each order an allergy recorded since matches, whole,
        then of each order of a medicine ordered twice ("ALSO ORDERED"), each before the orders it
        is said of (the chart's rows say it short, see MarModel.medicine_words), in at most
        ALLERGIES_LINES lines; hidden when none."""
        layout.addWidget(self.allergies_said)
        self.first_day: date | None = None
        """The first day shown, moved back or forth a span at a time within the stay; None: the
        days ending today, which follow the clock past midnight."""
        days = QHBoxLayout()
        self.earlier_button = QPushButton(translate("MarView", "◀ Ear&lier days"))
        self.earlier_button.clicked.connect(self.show_earlier)
        self.later_button = QPushButton(translate("MarView", "Later da&ys ▶"))
        self.later_button.clicked.connect(self.show_later)
        self.today_button = QPushButton(translate("MarView", "&Back to today"))
        self.today_button.clicked.connect(self.show_today)
        self.days_said = QLabel()
        self.days_said.setWordWrap(True)
        self.days_said.setStyleSheet(ERROR_STYLE)
        for widget in (self.earlier_button, self.later_button, self.today_button):
            days.addWidget(widget)
        days.addWidget(self.days_said, 1)
        layout.addLayout(days)
        self.prescribe_buttons: dict[str, QPushButton] = {}
        """The "Prescribe again" button of each order of an earlier stay, by its id."""
        self.not_continued_buttons: dict[str, QPushButton] = {}
        """The "Not continued" button of each order of an earlier stay, by its id."""
        self._earlier_stay_said: tuple[list[tuple[str, str]], bool] | None = None
        """What the box of orders of an earlier stay says (each order's id and words, whether its
        buttons are offered): made again only when that changes."""
        self.model = MarModel(session.form(medication.ORDER_FORM), session.form(medication.DOSE_FORM))
        self.table = make_table(self.model, translate("MarView", "Medication administration record"), self.record_dose)
        self.table.setItemDelegate(CurrentCellOutline(self.table))
        # After make_table fits the columns to the rows, and again as the chart's width changes: the
        # medicine's flags are whole in its tooltip.
        self.cut = ColumnsCut(self.table, (MEDICINE,), self._fit_medicine)
        self.table.horizontalHeader().sectionResized.connect(self._medicine_resized)
        layout.addWidget(self.table, 1)
        buttons = FlowRow()
        layout.addLayout(buttons)  # before its buttons: one shown before was a window of its own, for an instant
        self.record_button = QPushButton(translate("MarView", "Record a &dose for the selected order"))
        self.record_button.clicked.connect(self.record_dose)
        self.record_button.setEnabled(session.user.may(Action.RECORD_CARE))
        buttons.addWidget(self.record_button)
        # A running infusion's rate changed, paused or its bag stopped (the infusion chart's line):
        # recorded as a dose, it was refused as already given.
        self.rate_button = QPushButton(translate("MarView", "Change the in&fusion rate…"))
        self.rate_button.clicked.connect(self.change_rate)
        self.rate_button.setEnabled(records.may_write(session, session.form(infusion_rates.FORM)))
        buttons.addWidget(self.rate_button)
        self.rate_dialog: RateDialog | None = None
        # A running infusion's or syringe driver's check (the monitoring chart's line, at least every
        # 4 hours): the volume left against the volume expected, the pump's rate, the line, the site.
        self.check_button = QPushButton(translate("MarView", "Chec&k the infusion…"))
        self.check_button.clicked.connect(self.check_infusion)
        self.check_button.setEnabled(records.may_write(session, session.form(infusion_checks.FORM)))
        buttons.addWidget(self.check_button)
        self.check_dialog: InfusionCheckDialog | None = None
        self.order_button = QPushButton(translate("MarView", "Open the &order"))
        self.order_button.clicked.connect(self.open_order)
        buttons.addWidget(self.order_button)
        # A doctor's round: each telephone order taken in the night signed from the chart it is on.
        self.countersign_button = QPushButton(translate("MarView", "Countersi&gn the telephone order…"))
        self.countersign_button.clicked.connect(self.countersign)
        buttons.addWidget(self.countersign_button)
        self.countersign_button.setVisible(telephone_orders.prescribes(session))
        self.doses_button = QPushButton(translate("MarView", "Open the dose&s of the cell"))
        self.doses_button.clicked.connect(self.open_doses)
        buttons.addWidget(self.doses_button)
        # A night's doses given on paper typed in on one screen, rather than a dose dialog each.
        self.from_paper_button = QPushButton(translate("MarView", "E&nter doses from the paper chart…"))
        self.from_paper_button.clicked.connect(self.enter_from_paper)
        self.from_paper_button.setEnabled(session.user.may(Action.RECORD_CARE))
        buttons.addWidget(self.from_paper_button)
        self.print_button = QPushButton(translate("MarView", "&Print this MAR (3 days)"))
        self.print_button.clicked.connect(self.print_chart)
        buttons.addWidget(self.print_button)
        self.dialog: DoseDialog | None = None
        self.paper_dialog: PaperDosesDialog | None = None
        # A dose falls due, late or overdue with time, as on the round: read again each minute on
        # screen (once shown again, a tab behind); read only after saves, a chart left open on a
        # quiet night read "due now" an hour after the dose fell late.
        self.read_again = ReadAgain(self, self.refresh)
        self.refresh()

    def _fit_medicine(self, fitted: Mapping[int, int]) -> None:
        """The medicine column cut at `MEDICINE_CHARACTERS`, or narrower (to `MEDICINE_LEAST`) for
        the days to stay in sight, its text wrapped and each row as tall as its text, never less
        than a list's row: a long medicine's dose, route and [HIGH-ALERT] were cut off its line."""
        cut_column(self.table, MEDICINE, MEDICINE_CHARACTERS, fitted[MEDICINE], least=MEDICINE_LEAST,
                   the_rest_in_sight=True)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its text, never less than a list's row nor taller than the chart's
        view (its text cut, the medicine's whole in its tooltip): the view scrolls a row at a
        time, and the end of a row taller than it ("ALSO ORDERED: … ask the prescriber …") could
        not be read. Fitted again as the view's height changes (ColumnsCut)."""
        least = self.table.verticalHeader().defaultSectionSize()
        most = max(least, self.table.viewport().height())
        for line in range(self.model.rowCount()):
            self.table.setRowHeight(line, min(max(least, self.table.sizeHintForRow(line)), most))

    def _medicine_resized(self, column: int, _old: int, _new: int) -> None:
        """Rows fitted again to the medicine column's new width (dragged, or fitted again)."""
        if column == MEDICINE:
            self._fit_rows()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Rows fitted again once shown: read before, the chart's text was measured in the font
        of a widget not yet styled, and a wrapped medicine's third line was cut in a row of two."""
        super().showEvent(event)
        self._fit_rows()

    def refresh(self) -> None:
        """Read again after every save (a dose given here or from the round) and each minute: the
        cell chosen stays chosen, the same order's time on the same day, so Enter goes on
        recording from it."""
        self.read_again.after(ROUND_TICK_MS)
        index = self.table.currentIndex()
        chosen = None
        if index.isValid():
            row, clock = self.model.rows[index.row()]
            chosen = (row.order.record_id, clock, self.model.days[index.column() - 2] if index.column() >= 2 else None,
                      index.column())
        now = self.session.clock()
        first = self.first_shown(now)
        self._say_days(first, now)
        rows = medication.mar_grid(self.session.db, self.patient_id, first, self.span, now)
        self._list_earlier_stay([row for row in rows if row.awaiting_decision], now)
        rows = [row for row in rows if row.on_the_grid]
        self.paper.show_gap(cell.on_paper for row in rows for cell in row.cells)
        patients = census.all_patients(self.session.db, self.session.forms, [self.patient_id])
        self.model.load(rows, [first + timedelta(days=n) for n in range(self.span)], authors_here(self.session),
                        medication.chart_laptops(self.session, rows),
                        set(records.on_hold(self.session, [row.order.record_id for row in rows])), now,
                        infusion_rates.by_bag(self.session.db, [self.patient_id]),
                        infusion_checks.chart_lines(self.session, [self.patient_id], language(), now.tzinfo).under_bag,
                        infusion_rates.running(self.session.db, [row.order for row in rows], now, language()),
                        {order.record_id: said for order, said in medication.allergies_unreviewed(
                            self.session.db, self.session.forms, language(), list(patients.values()),
                            now).get(self.patient_id, [])})
        # Said once of the orders it is the same of (an allergy matches every order of its class),
        # the allergies first, what it asks first and the orders last: cut at the largest text, the
        # block kept the orders' names and lost "not to be given", and said no "ALSO ORDERED".
        # An order given covertly that no capacity assessment supports (services.capacity.covert_flags).
        orders_said: dict[str, list[str]] = {}
        unsupported = capacity.covert_flags(self.session.db, [row.order for row in rows], now, language())
        for warned in (lambda row: self.model.unreviewed.get(row.order.record_id),
                       lambda row: also_ordered_words(row.order, row.also_ordered, self.model.order_form),
                       lambda row: unsupported.get(row.order.record_id)):
            for row in rows:
                if said := warned(row):
                    orders_said.setdefault(str(said), []).append(
                        medication.order_label(row.order, self.model.order_form, language()))
        self.allergies_said.say("\n".join(translate("MarView", "{said} — orders: {medicine}").format(
            medicine=semicolon(language()).join(medicines), said=said) for said, medicines in orders_said.items()),
                                patients[self.patient_id].allergies if self.model.unreviewed else ())
        if chosen is None:
            return
        order_id, clock, day, column = chosen
        line = next((number for number, (row, time_of_day) in enumerate(self.model.rows)
                     if row.order.record_id == order_id and time_of_day == clock), None)
        if line is not None and (day is None or day in self.model.days):
            self.table.setCurrentIndex(self.model.index(line, column if day is None else self.model.days.index(day) + 2))

    def first_shown(self, now: datetime) -> date:
        """The first day of the chart shown `now`: the chosen one, else that of the days ending today."""
        return self.first_day or now.date() - timedelta(days=self.span - 1)

    def _say_days(self, first: date, now: datetime) -> None:
        """The days' buttons offered as far as they lead (Earlier back to the stay's first day,
        Later up to the days ending today), and earlier days said in red over the chart, whose
        cells then hold no dose of today."""
        began = printing.mar_stay_began(self.session.db, self.patient_id, now)
        self.earlier_button.setEnabled(began is None or first > began)
        self.later_button.setEnabled(self.first_day is not None)
        self.today_button.setEnabled(self.first_day is not None)
        last = first + timedelta(days=self.span - 1)
        self.days_said.setText("" if self.first_day is None else word(EARLIER_DAYS).format(
            first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"))

    def show_earlier(self) -> None:
        """The span of days before those shown, from the stay's first day at the earliest: the
        MAR of a month's stay, every sheet, as in the paper binder (only 3 days ending today were
        ever shown)."""
        now = self.session.clock()
        first = self.first_shown(now) - timedelta(days=self.span)
        began = printing.mar_stay_began(self.session.db, self.patient_id, now)
        self.first_day = first if began is None else max(first, began)
        self.refresh()

    def show_later(self) -> None:
        """The span of days after those shown, back to the days ending today once they are reached."""
        now = self.session.clock()
        first = self.first_shown(now) + timedelta(days=self.span)
        self.first_day = first if first + timedelta(days=self.span - 1) < now.date() else None
        self.refresh()

    def show_today(self) -> None:
        self.first_day = None
        self.refresh()

    def _list_earlier_stay(self, rows: list[MarRow], now: datetime) -> None:
        """The orders that ended with an earlier stay still awaiting a decision (see
        medication.MarRow.awaiting_decision), each said in red with its buttons to prescribe it
        again or record that it is not continued, offered to those who may write orders (the
        service would refuse anyone else); the box is hidden when there is none. Made again only
        when what it says changes: read each minute, it took the prescriber's focus off its
        buttons."""
        may_prescribe = telephone_orders.prescribes(self.session)
        said = ([(row.order.record_id, f"{medication.order_label(row.order, self.model.order_form, language())} — "
                                       f"{stopped_with_its_stay_words(row, now, self.model.order_form)}") for row in rows],
                may_prescribe)
        if said == self._earlier_stay_said:
            return
        self._earlier_stay_said = said
        box = self.earlier_stay.layout()
        while (item := box.takeAt(0)) is not None:
            if (line := item.widget()) is not None:
                line.setParent(None)
                line.deleteLater()
        self.prescribe_buttons, self.not_continued_buttons = {}, {}
        for row, (_, words) in zip(rows, said[0]):
            line = QWidget()
            parts = QHBoxLayout(line)
            parts.setContentsMargins(0, 0, 0, 0)
            label = QLabel(words)
            label.setWordWrap(True)
            label.setStyleSheet(ERROR_STYLE)
            parts.addWidget(label, 1)
            if may_prescribe:
                button = QPushButton(translate("MarView", "Prescribe again…"))
                button.clicked.connect(lambda checked=False, order_id=row.order.record_id: self.prescribe_again(order_id))
                parts.addWidget(button)
                self.prescribe_buttons[row.order.record_id] = button
                stop = QPushButton(translate("MarView", "Not continued…"))
                stop.clicked.connect(lambda checked=False, found=row: self.not_continued(found))
                parts.addWidget(stop)
                self.not_continued_buttons[row.order.record_id] = stop
            box.addWidget(line)
        self.earlier_stay.setVisible(bool(rows))

    def prescribe_again(self, order_id: str) -> dict[str, Any] | None:
        """A new order, its form filled in from this one's (see medication.prescribed_again); None
        when it is refused, decided on since the chart was read (said why, the chart read again)."""
        try:
            answers = medication.prescribed_again(self.session, order_id)
        except ServiceError as problem:
            Prompts.error(self, translate("MarView", "Not prescribed again"), say(problem))
            self.refresh()
            return None
        self.prescribe.emit(answers)
        return answers

    def not_continued(self, row: MarRow) -> RecordVersion | None:
        """The prescriber's decision not to go on with an order of an earlier stay, their own
        words optional (see medication.not_continued); None when they cancel, or it is refused
        (said why, the chart read again)."""
        words = Prompts.optional_reason(self, translate("MarView", "Not continued"), translate(
            "MarView", "{order} will read as stopped at the end of the stay it was written in, and leave the orders "
                       "of an earlier stay.\nWhy it is not continued (optional):").format(
            order=medication.order_label(row.order, self.model.order_form, language())))
        if words is None:
            return None
        saved = None
        try:
            saved = medication.not_continued(self.session, row.order.record_id, words)
        except ServiceError as problem:
            Prompts.error(self, translate("MarView", "Not recorded"), say(problem))
        self.refresh()  # refused, the chart was read before another's decision on the order
        return saved

    def _read_row(self, order: Order) -> MarRow:
        """The order's row of the chart read again: the one on screen may be a minute old, and
        another dose or a change to the order saved since."""
        return next(row for row in medication.mar_grid(self.session.db, self.patient_id, self.model.days[0],
                                                       len(self.model.days), self.session.clock())
                    if row.order.record_id == order.record_id)

    def _nearest_slot(self, row: MarRow, clock: str | None) -> datetime | None:
        """The dose the nurse means from the medicine or time column: that row's dose nearest to
        now, open ones first (None for PRN). Taking the earliest open one instead filed tonight's
        dose under yesterday's missed one, and one given before its time as a dose "as
        required", in no cell of the chart while its time stayed due for a second dose. A
        once-only order's is its one dose: past the chart's days its row has none, and it opened
        "as required"."""
        if clock is None:
            return None
        if row.order.frequency is Frequency.ONCE:
            return row.order.start_at
        now = self.session.clock()
        cells = [cell for cell in row.cells if cell.clock == clock]
        open_cells = [cell for cell in cells if cell.administration is None] or cells
        return min((cell.slot for cell in open_cells), key=lambda slot: abs(slot - now), default=None)

    def open_order(self) -> RecordVersion | None:
        """The selected row's order, to stop or change it (an amendment with a reason)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        order = records.current(self.session.db, self.model.rows[index.row()][0].order.record_id)
        self.open_record.emit(order)
        return order

    def countersign(self) -> RecordVersion | None:
        """The selected row's telephone order countersigned by the doctor signed in (see
        qt.countersign); None when no such row is chosen (said so), or it is not countersigned.
        The chart is read again either way."""
        index = self.table.currentIndex()
        row = self.model.rows[index.row()][0] if index.isValid() else None
        if row is None or row.order.awaiting_since is None:
            Prompts.error(self, translate("MarView", "No telephone order chosen"), translate(
                "MarView", "Choose the row of a telephone order awaiting its countersignature (marked so on the "
                           "chart) first."))
            return None
        saved = countersign(self, self.session, row.order, self.model.order_form)
        self.refresh()
        return saved

    def open_doses(self) -> list[RecordVersion]:
        """Each dose recorded in the selected day's cell (an as-required row: that day's doses),
        to amend or withdraw; a double dose opens both, and a dose on hold withdrawn here. Said
        when there is none (the button did nothing from the medicine's column, where the chart
        opens)."""
        index = self.table.currentIndex()
        if not index.isValid() or index.column() < 2:
            Prompts.error(self, translate("MarView", "No cell chosen"), translate("MarView", "Choose a day's cell of the chart first."))
            return []
        recorded = self.model.doses_in(index.row(), index.column())
        # One withdrawn here that another laptop recorded otherwise opens too: its history names the
        # other. One this laptop holds no version of has no record here to open.
        recorded += [found.dose for found in self.model.held_in(index.row(), index.column())
                     if found.withdrawn and found.here]
        if not recorded:
            Prompts.error(self, translate("MarView", "No dose in this cell"), translate("MarView", "No dose is recorded in this cell."))
            return []
        opened = [records.current(self.session.db, dose.record_id) for dose in recorded]
        for dose in opened:
            self.open_record.emit(dose)
        return opened

    def print_chart(self) -> Path | None:
        """The days shown printed: today's as any chart of the days ending today is (tomorrow
        too from midday, see printing.mar_days), earlier ones as they are shown."""
        patient_id, span, first = self.patient_id, self.span, self.first_day
        return print_and_open(self, self.session, lambda own, out: printing.print_mar(own, [patient_id], out, days=span,
                                                                                      first_day=first),
                              f"mar-{patient_id[:8]}")

    def record_dose(self) -> DoseDialog | None:
        """The dose dialog for the chosen day's cell, from the medicine or time column for the
        row's dose nearest to now (see `_nearest_slot`). A day's cell no dose of the order falls
        in (hatched, see medication.MarRow.outside_course) opens nothing and says so, with the
        order's course: it opened the dose of another day nearest to now, which the nurse would
        sign believing it the cell's. Someone who records no care (a records clerk reading the
        chart to back-enter it) is told so: the dialog opened, was typed in, and Save refused it.
        A chart moved back to earlier days records in a day's cell alone, as today's does in
        yesterday's (a dose of then, typed in from paper); a dose given now is refused there
        (`NOT_TODAY`)."""
        if not self.session.user.may(Action.RECORD_CARE):
            Prompts.error(self, translate("MarView", "This chart is for reading"), translate(
                "MarView", "Doses are recorded by the nurse or doctor who gives them. To read a cell's doses, "
                           "choose it and press Open the doses of the cell."))
            return None
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        shown, clock = self.model.rows[index.row()]
        in_a_cell = clock is not None and index.column() >= 2  # a day's cell, rather than the order's nearest dose
        if not in_a_cell and self.first_day is not None:
            Prompts.error(self, translate("MarView", "Not today's chart"), word(NOT_TODAY).format(
                first=f"{self.model.days[0]:%d/%m/%Y}", last=f"{self.model.days[-1]:%d/%m/%Y}"))
            return None
        row = shown if clock is None else self._read_row(shown.order)
        if not in_a_cell:
            slot = self._nearest_slot(row, clock)
        elif (cell := row.cell_at(day := self.model.days[index.column() - 2], clock)) is not None:
            slot = cell.slot
        else:
            said = word(NO_DOSE_ON if clock == NO_TIME else NO_DOSE_AT).format(drug=row.order.drug, time=clock,
                                                                               day=f"{day:%d/%m}")
            Prompts.error(self, translate("MarView", "No dose in this cell"),
                          f"{said}\n{course_words(row, self.session.clock())}")
            self.refresh()  # a chart read before the order changed shows the cell as it is now
            return None
        self.dialog = DoseDialog(self.session, row.order, slot, self, from_chart=in_a_cell)
        self.dialog.recorded.connect(lambda record: self.refresh())
        return open_until_closed(self.dialog, self._dose_closed)

    def _dose_closed(self) -> None:
        self.dialog = None

    def change_rate(self) -> RateDialog | None:
        """The rate dialog for the bag up now of the selected row's infusion, the stay over or not
        (a syringe driver running at a death is charted stopped at last offices: the service takes
        its stop alone then); said why not when the row is no infusion's, or none of its bags is up
        (the first is recorded as a dose)."""
        if (chosen := self._bag_chosen()) is None:
            return None
        self.rate_dialog = RateDialog(self.session, *chosen, self)
        self.rate_dialog.recorded.connect(lambda record: self.refresh())
        return open_until_closed(self.rate_dialog, self._rate_closed)

    def _rate_closed(self) -> None:
        self.rate_dialog = None

    def _bag_chosen(self) -> tuple[Order, Administration] | None:
        """The selected row's infusion and its bag up now, the stay over or not; said why not when
        the row is no infusion's, or none of its bags is up (the first is recorded as a dose)."""
        index = self.table.currentIndex()
        order = medication.order(self.session.db, self.model.rows[index.row()][0].order.record_id) \
            if index.isValid() else None
        bag = infusion_rates.bag_up(self.session.db, order, self.session.clock()) if order is not None else None
        if bag is None:
            Prompts.error(self, translate("MarView", "No infusion running"), translate(
                "MarView", "Choose the row of an infusion whose bag is running: the bag put up is recorded as its "
                           "dose first."))
            return None
        return order, bag

    def check_infusion(self) -> InfusionCheckDialog | None:
        """The check dialog for the bag up now of the selected row's infusion (see `_bag_chosen`)."""
        if (chosen := self._bag_chosen()) is None:
            return None
        self.check_dialog = InfusionCheckDialog(self.session, *chosen, self)
        self.check_dialog.recorded.connect(lambda recorded: self.refresh())
        return open_until_closed(self.check_dialog, self._check_closed)

    def _check_closed(self) -> None:
        self.check_dialog = None

    def enter_from_paper(self) -> PaperDosesDialog:
        """The doses due while the laptop was down, on one screen, to type in from the paper chart."""
        self.paper_dialog = PaperDosesDialog(self.session, [self.patient_id], self)
        self.paper_dialog.saved.connect(lambda saved: self.refresh())
        return open_until_closed(self.paper_dialog, self._paper_closed)

    def _paper_closed(self) -> None:
        self.paper_dialog = None

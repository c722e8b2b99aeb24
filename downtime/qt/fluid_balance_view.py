"""A patient's fluid balance chart on screen, one chart's day (07:00 to 07:00) at a time: the
hours as the paper chart's rows with each route's volume, each side's total and the balance
carried, the day's totals under them, and below, the volumes one by one, to open and amend.
The day's sums are worked out by the app as each volume is saved: on paper they are done by
hand at the end of the shift."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QWidget

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.fluid_balance import HOURS, FluidDay, chart_day, chart_hour
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.style import points, styled
from downtime.qt.tables import TextTableModel, make_table, print_and_open, shares_height
from downtime.qt.work import ReadAgain
from downtime.services import fluid_balance, lab_results, nutrition, observations, printing, records
from downtime.services.context import Session
from downtime.services.fluid_balance import Charted, DayChart, columns


class HoursModel(TextTableModel):
    """The chart's 24 rows and its totals' row, headed in the chart's own words (those of the
    paper chart, in the session's language)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.columns = ("hour", *columns(None))
        self.chart: FluidDay | None = None

    def show_chart(self, chart: FluidDay) -> None:
        """Its columns are the chart's: a bladder irrigation's only on a day it ran."""
        self.chart = chart
        self.columns = ("hour", *columns(chart))
        self.set_rows([*range(len(HOURS)), "total"])

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt's name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            # On two lines, as on paper, so the columns share the width whole: on one, "Selles /
            # stomie" was cut at both ends in a French column.
            words = fluid_balance.heading(self.columns[section], self.session.lang)
            return words.replace(" / ", " /\n") if " / " in words else words.replace(" ", "\n", 1)
        return None

    def texts(self, row: int) -> tuple[str, ...]:
        chart, which = self.chart, self.rows[row]
        assert chart is not None, "rows are shown with their chart"
        if which == "total":
            return ("24 h", *(fluid_balance.total_text(chart, column) for column in self.columns[1:]))
        hour = HOURS[which]
        return (f"{hour:02d}–{(hour + 1) % 24:02d}",
                *(fluid_balance.cell_text(chart, which, column) for column in self.columns[1:]))


class EntriesModel(TextTableModel):
    """Newest first; an amended volume's version says so ("v2")."""

    columns = (QT_TR_NOOP("Measured"), QT_TR_NOOP("In or out"), QT_TR_NOOP("Volume"), QT_TR_NOOP("Version"),
               QT_TR_NOOP("What"))

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def texts(self, row: int) -> tuple[str, ...]:
        found: Charted = self.rows[row]
        spec = self.session.form(fluid_balance.FORM)
        return (ward_time(found.measure.at, self.session.clock().tzinfo),
                fluid_balance.route_label(spec, found.measure.route, self.session.lang),
                fluid_balance.volume_words(spec, found.measure, self.session.lang), f"v{found.record.version}", found.record.data.get("what") or "")


class FluidBalanceView(ChartTab):
    """Opens on the chart under way; the day before and after are a button (or Alt+letter)
    away. Enter on a volume opens it (to amend or withdraw); Record adds one through the form;
    "Restriction or target" records one, which the day's intake is measured against; "Chart a
    bag" records the oldest infusion or feed given on the medication chart and not charted here."""

    set_plan = Signal(str)
    """The patient whose fluid restriction or target to record."""
    record_given = Signal(str, dict)
    """The patient, and the first answers of a volume charted from a dose on the medication chart."""
    screen_nutrition = Signal(str)
    """The patient whose malnutrition risk to screen (MUST)."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("FluidBalanceView", "Fluid balance — {name}")
        self.day = chart_day(session.clock())
        self.found: DayChart | None = None
        layout = self.column
        turning = QHBoxLayout()
        self.earlier = QPushButton(translate("FluidBalanceView", "◀ &Day before"))
        self.earlier.clicked.connect(lambda: self.show_day(self.day - timedelta(days=1)))
        self.day_label = styled(QLabel(), lambda: f"font-size: {points(1)}pt; font-weight: bold;")
        self.later = QPushButton(translate("FluidBalanceView", "Day &after ▶"))
        self.later.clicked.connect(lambda: self.show_day(self.day + timedelta(days=1)))
        self.today = QPushButton(translate("FluidBalanceView", "&Chart under way"))
        self.today.clicked.connect(lambda: self.show_day(chart_day(self.session.clock())))
        for widget in (self.earlier, self.day_label, self.later, self.today):
            turning.addWidget(widget)
        turning.addStretch(1)
        layout.addLayout(turning)
        self.totals = styled(QLabel(), lambda: f"font-size: {points(2)}pt; font-weight: bold;")
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName(translate("FluidBalanceView", "The day's fluid balance"))
        layout.addWidget(self.totals)
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.plan.setAccessibleName(translate("FluidBalanceView", "Fluid restriction or target"))
        layout.addWidget(self.plan)
        self.given = QLabel()
        self.given.setWordWrap(True)
        self.given.setAccessibleName(translate("FluidBalanceView", "Given on the medication chart, not charted"))
        layout.addWidget(self.given)
        # A patient not weighed this stay, their urine measured each hour: what it was, and to weigh
        # them for it to be judged per kilogram (an empty bag each hour is an alarm instead).
        self.urine = QLabel()
        self.urine.setWordWrap(True)
        self.urine.setAccessibleName(translate("FluidBalanceView", "Urine output"))
        layout.addWidget(self.urine)
        self.nutrition = QLabel()
        self.nutrition.setWordWrap(True)
        self.nutrition.setAccessibleName(translate("FluidBalanceView", "Nutrition screening (MUST)"))
        # Beside the line it changes: the buttons under the chart filled a French screen's width.
        fed = QHBoxLayout()
        fed.addWidget(self.nutrition, 1)
        self.screen_nutrition_button = QPushButton(translate("FluidBalanceView", "Screen &nutrition (MUST)…"))
        self.screen_nutrition_button.clicked.connect(lambda: self.screen_nutrition.emit(self.patient_id))
        fed.addWidget(self.screen_nutrition_button)
        layout.addLayout(fed)
        self.warning_lines()
        self.read_again = ReadAgain(self, self.refresh)
        self.hours = HoursModel(session)
        self.hours_table = make_table(self.hours, translate("FluidBalanceView", "Fluid balance by the hour"),
                                      lambda: None)
        # The columns share the width as the paper's do: the last one alone took what was left.
        self.hours_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.hours_table, 2)
        self.entries = EntriesModel(session)
        self.table = self.records_table(self.entries, translate("FluidBalanceView", "Volumes measured this day"))
        for table in (self.hours_table, self.table):
            shares_height(table)
        self.chart_buttons(translate("FluidBalanceView", "Record fluid &in or out"), fluid_balance.FORM,
                           translate("FluidBalanceView", "&Print this day's chart"), self.print_chart,
                           (translate("FluidBalanceView", "Restriction or &target…"),
                            lambda: self.set_plan.emit(self.patient_id), fluid_balance.PLAN_FORM),
                           (translate("FluidBalanceView", "Chart a &bag from the medication chart"), self.chart_given,
                            fluid_balance.FORM))
        self.show_day(self.day)

    def show_day(self, day: date) -> None:
        """The day's chart, the chart under way at the hour now: the night's rows are below the
        fold of a laptop's screen. Read again after a save, it stays where the nurse scrolled it
        (it went back to the hour now, the evening's rows she was reading out of sight)."""
        self.day = day
        self.refresh()
        if day == chart_day(now := self.session.clock()):
            self.hours_table.scrollTo(self.hours.index(HOURS.index(chart_hour(now)), 0))

    def refresh(self) -> None:
        lang = self.session.lang
        self.found = found = fluid_balance.day_chart(self.session.db, self.patient_id, self.day)
        self.day_label.setText(fluid_balance.day_words(self.day, lang, self.session.clock().tzinfo))
        # The balance brought forward beside the day's: day two does not start the patient even.
        self.totals.setText("\n".join(filter(None, (fluid_balance.summary(found.chart, lang), fluid_balance.carried_words(
            fluid_balance.brought_forward(self.session.db, self.patient_id, self.day), found.chart, lang)))))
        self.hours.show_chart(found.chart)
        self.entries.set_rows(list(reversed(found.entries)))
        under_way = chart_day(self.session.clock())
        self.later.setEnabled(self.day < under_way)
        self.today.setEnabled(self.day != under_way)
        self.earlier.setEnabled(self.day > min([*found.days, under_way]))
        now = self.session.clock()
        judged = fluid_balance.judged_day(self.session.db, self.patient_id, found.chart, now, lang,
                                          fluid_balance.child_kg(self.session.db, self.session.forms, self.patient, now))
        self.plan.setText(judged.plan)
        self.plan.setVisible(bool(judged.plan))
        self.waiting = judged.given
        self.given.setText(fluid_balance.given_words(self.waiting, lang))
        self.given.setVisible(bool(self.waiting))
        output = fluid_balance.urine_outputs(self.session.db, self.session.forms, [self.patient], now).get(self.patient_id)
        said = output if output is not None and fluid_balance.noted(output) and self.day == under_way else None
        urine = "" if said is None else fluid_balance.urine_words(said, lang, review=lab_results.to_review(
            self.session.db, [self.patient_id], now)[self.patient_id], comfort=bool(observations.comfort_care(
                self.session.db, [self.patient], now)))
        low = [urine] if said is not None and said.low else []
        self.urine.setText(urine)
        self.urine.setVisible(bool(urine) and not low)
        screening = nutrition.latest(self.session.db, [self.patient_id]).get(self.patient_id)
        fed, hungry = nutrition.state(screening, self.patient, now, lang)
        self.nutrition.setText(fed)
        # The form refuses a child, and is written by those who may (records.may_write).
        self.screen_nutrition_button.setHidden(nutrition.child(self.patient, now) or not records.may_write(
            self.session, self.session.form(nutrition.FORM)))
        self.warn([*judged.asks, *low, *hungry])
        # The hours judged move on each hour, a screening falls due with the days, not with a save.
        self.read_again.when_due(min((due for due in (None if output is None else output.moves_on,
                                                      nutrition.next_change(screening, self.patient, now))
                                      if due is not None), key=elapsed.instant, default=None), now)

    def chart_given(self) -> None:
        """The oldest dose in mL of this day given on the medication chart and not charted here,
        as a volume to record (its time, once it has run through, the nurse's)."""
        if not self.waiting:
            QMessageBox.information(self, translate("FluidBalanceView", "Chart a bag from the medication chart"),
                                    translate("FluidBalanceView", "Every infusion or feed given in mL on the medication "
                                                                  "chart this day is on this chart already."))
            return
        self.record_given.emit(self.patient_id, self.waiting[0].answers())

    def print_chart(self) -> Path | None:
        patient_id, day = self.patient_id, self.day
        return print_and_open(self, self.session,
                              lambda own, out: printing.print_fluid_chart(own, patient_id, day, out),
                              f"fluid-{patient_id[:8]}-{day.isoformat()}")

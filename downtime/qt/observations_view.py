"""A patient's observations: every set with its NEWS2 score and band in words, and the score
plotted over time against the escalation thresholds, as on the paper NEWS2 chart. The ward's
escalation list shows the patients whose risk now needs someone told, and those whose next set
is overdue."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from downtime.domain.census import StayStatus
from downtime.domain.clock import ward_time
from downtime.domain.news2 import Band, Monitoring, News2Score
from downtime.domain.sepsis import Outcome
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, semicolon, stay_word
from downtime.errors import UserError
from downtime.qt.i18n import language, say, translate, word
from downtime.qt.patient_header import DNACPR, RESUSCITATION, ChartTab
from downtime.qt.screen_fit import Scrolled
from downtime.qt.style import points, styled
from downtime.qt.tables import (ColumnsCut, ListTable, TextTableModel, cut_column, make_table, print_and_open,
                                 show_keeping_choice, wrap_columns)
from downtime.qt.ward_choice import ward_choice
from downtime.qt.work import ListReader, ReadAgain
from downtime.domain import elapsed
from downtime.services import (alcohol_withdrawal, bowels, capacity, chart_alerts, delirium, devices, falls, falls_risk, fluid_balance, glucose, infusion_checks,
                               lab_results, medication, missing_patient, neuro, observations, pews, printing, pain, repositioning, sepsis,
                               safeguarding, swallow_screen, transfusion, vte, weight, wounds)
from downtime.services import enhanced_observation
from downtime.services.census import in_patients
from downtime.services.chart_alerts import ChartAlert, ChartAlerts
from downtime.services.context import Session
from downtime.services.patients import PatientSummary
from downtime.services.observations import Escalation, Overdue, ScoredSet, WardReview

# The clinical risk in the RCP chart's colours, pale under black words (the band is also written,
# never the colour alone): the patient list's NEWS2, and behind the plotted score low, medium
# (5–6) and high (7+). Each darker than the one below it, as on paper, so that the order holds
# in grey and for a colour-blind nurse (HIGH's pink was paler than MEDIUM's orange, and grey as
# LOW's green to a deuteranope); black words measure at least 9:1 on each.
RISK_SHADES = {Band.LOW: "#eef6ee", Band.LOW_MEDIUM: "#fbf0b5", Band.MEDIUM: "#f6c48a", Band.HIGH: "#e99a9a"}
SEPSIS_SHADES = {Outcome.RED: RISK_SHADES[Band.HIGH], Outcome.AMBER: RISK_SHADES[Band.MEDIUM],
                 Outcome.LOW: RISK_SHADES[Band.LOW_MEDIUM], Outcome.UNLIKELY: RISK_SHADES[Band.LOW]}
BAND_SHADES = ((0, 4, RISK_SHADES[Band.LOW]), (5, 6, RISK_SHADES[Band.MEDIUM]), (7, 20, RISK_SHADES[Band.HIGH]))
INCOMPLETE = QT_TR_NOOP("(incomplete)")
RED_POINTS = 3
"""A single reading scoring this calls for an urgent ward review whatever the total (RCP NEWS2)."""
LATER_INCOMPLETE = QT_TR_NOOP("(later set incomplete)")
NOT_TOLD = QT_TR_NOOP("NOT RECORDED")
MONITORING_WORDS = {Monitoring.TWELVE_HOURLY: QT_TR_NOOP("12-hourly"), Monitoring.FOUR_TO_SIX_HOURLY: QT_TR_NOOP("4-hourly"),
                    Monitoring.HOURLY: QT_TR_NOOP("hourly"), Monitoring.CONTINUOUS: QT_TR_NOOP("continuous (at least hourly)")}
NO_COMPLETE_SET = QT_TR_NOOP("none recorded")
AXIS_MARKS = (0, 3, 5, 7, 10)  # the bands' edges as on the paper chart, and 10
MINIMUM_HEIGHT = 180
_TOP_MARGIN, _BOTTOM_MARGIN = 8, 24  # around the plot: its top score's label above, the times below
ON_ADMISSION = QT_TR_NOOP("on admission")


def _total(news2: News2Score | None) -> str:
    """The total, marked where a row was not measured: such a total is a floor, not a score; "—"
    for a set NEWS2 does not score (a child's)."""
    if news2 is None:
        return "—"
    return f"{news2.total}{'' if news2.complete else ' ' + word(INCOMPLETE)}"


class SetsModel(TextTableModel):
    """`spec`: the observations form, whose words (in `lang`) its answers are shown in. Each
    reading is followed by the points it scores ("91% (3)"), as the paper chart writes it, and one
    scoring 3 is in the warning colour: a Low-medium set (a single parameter scoring 3) showed only
    its band in colour, and which reading scored was for the nurse to work out again."""

    columns = (QT_TR_NOOP("Taken"), QT_TR_NOOP("Resp."), QT_TR_NOOP("SpO2"), QT_TR_NOOP("Scale"), QT_TR_NOOP("O2"),
               QT_TR_NOOP("BP"), QT_TR_NOOP("Pulse"), QT_TR_NOOP("ACVPU"), QT_TR_NOOP("Temp."), QT_TR_NOOP("NEWS2"),
               QT_TR_NOOP("Band"))

    def __init__(self, spec: FormSpec, lang: Lang) -> None:
        super().__init__()
        self.spec, self.lang = spec, lang

    # Each reading's column and the name of its points in the score (domain.news2.ParameterScores).
    POINTS = {1: "respiratory_rate", 2: "spo2", 4: "air_or_oxygen", 5: "systolic_bp", 6: "pulse", 7: "consciousness",
              8: "temperature"}

    def is_warning(self, row: int, column: int) -> bool:
        news2 = self.rows[row].news2
        if column in self.POINTS:
            return self._points(self.rows[row], column) == RED_POINTS
        return column == len(self.columns) - 1 and news2 is not None and news2.escalates

    def _points(self, found: ScoredSet, column: int) -> int | None:
        """What the reading in `column` scores; None for a set not scored (a child's) or a
        reading not taken."""
        return None if found.news2 is None else getattr(found.news2.parameters, self.POINTS[column])

    def _scored(self, found: ScoredSet, column: int, reading: str) -> str:
        points = self._points(found, column)
        return reading if points is None or reading == "—" else f"{reading} ({points})"

    def _reading(self, data: dict[str, object], field_id: str, suffix: str = "") -> str:
        """A reading as the form shows it (37,4 on a French ward), "—" when not taken."""
        shown = format_value(self.spec.field(field_id), data.get(field_id), self.lang)
        return f"{shown}{suffix}" if shown else "—"

    def texts(self, row: int) -> tuple[str, ...]:
        found: ScoredSet = self.rows[row]
        data = found.record.data
        # A pressure the cuff cannot find is typed 0: "0/0", not "—" (not taken).
        bp = "—" if data.get("systolic_bp") is None else "/".join(
            "—" if data.get(name) is None else str(data[name]) for name in ("systolic_bp", "diastolic_bp"))
        oxygen = "—" if data.get("on_oxygen") is None else (
            f"O2 {self._reading(data, 'oxygen_flow', ' L/min')}" if data["on_oxygen"] else translate("", "air"))
        band = "—" if found.news2 is None else observations.band_said(found.news2, language())
        readings = (ward_time(found.taken_at, None), self._reading(data, "respiratory_rate"),
                    self._reading(data, "spo2", "%"), "2" if data.get("spo2_scale") == "scale_2" else "1", oxygen, bp,
                    self._reading(data, "pulse"), self._reading(data, "consciousness"),
                    self._reading(data, "temperature"), _total(found.news2), band)
        return tuple(self._scored(found, column, said) if column in self.POINTS else said
                     for column, said in enumerate(readings))


class News2Plot(QWidget):
    """The NEWS2 total of each set, joined in time order over shaded bands (`show_sets`: scored
    sets only, `observations.scored_sets`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sets: list[ScoredSet] = []
        self.setMinimumHeight(MINIMUM_HEIGHT)
        self.setAccessibleName(translate("News2Plot", "NEWS2 score over time"))

    def show_sets(self, sets: list[ScoredSet]) -> None:
        self.sets = sets
        self.setMinimumHeight(self._height_for_marks())
        self.setAccessibleDescription(semicolon(language()).join(f"{ward_time(s.taken_at, None)} NEWS2 {s.news2.total}" for s in sets))
        self.update()

    def _height_for_marks(self) -> int:
        """Tall enough that axis marks 2 apart (3, 5 and 7) stand a line and a quarter apart at
        the top score shown (at a 20 they were written over each other, in 180 pixels)."""
        line = QFontMetricsF(self.font()).height()
        return max(MINIMUM_HEIGHT, math.ceil(self._top() / 2 * line * 1.25 + _TOP_MARGIN + line + _BOTTOM_MARGIN))

    def _area(self) -> QRectF:
        """The plot inside its axis labels, a line of text below the widget's top edge so the
        label of a score at the top of the scale is written whole (a 16's was cut off there)."""
        return QRectF(self.rect()).adjusted(36, QFontMetricsF(self.font()).height() + _TOP_MARGIN, -48,
                                            -_BOTTOM_MARGIN)

    def _top(self) -> int:
        """The scale runs to 12, or to the highest score shown: a 13 and a 16 were both drawn at
        12, the top of the plot, as if the patient had not got worse."""
        return max([12, *(found.news2.total for found in self.sets)])

    def _y(self, score: float) -> float:
        area, top = self._area(), self._top()
        return area.bottom() - area.height() * min(score, top) / top

    def axis_marks(self) -> list[tuple[str, QRectF]]:
        """The scores marked on the axis and the box each is written in, beside its height: the
        thresholds and 10, then every 5 and the top score itself (the marks stopped at 10, and a
        16 or a 20 stood by no number), none closer than 2 to the next."""
        metrics, top = QFontMetricsF(self.font()), self._top()
        return [(str(mark), QRectF(4, self._y(mark) - metrics.height() / 2, metrics.horizontalAdvance(str(mark)),
                                   metrics.height()))
                for mark in (*AXIS_MARKS, *range(AXIS_MARKS[-1] + 5, top - 1, 5), top)]

    def points(self) -> list[QPointF]:
        """Each set's total, placed by when it was taken (one set alone in the middle)."""
        if not self.sets:
            return []
        area, first = self._area(), self.sets[0].taken_at
        span = max((self.sets[-1].taken_at - first).total_seconds(), 1.0)
        return [QPointF(area.left() + area.width() * ((found.taken_at - first).total_seconds() / span
                                                      if len(self.sets) > 1 else 0.5), self._y(found.news2.total))
                for found in self.sets]

    def score_labels(self) -> list[tuple[str, QRectF]]:
        """Each set's total and the box it is written in, up and to the right of its point."""
        metrics = QFontMetricsF(self.font())
        return [(text, QRectF(point.x() + 5, point.y() - 6 - metrics.ascent(), metrics.horizontalAdvance(text),
                              metrics.height()))
                for point, text in zip(self.points(), (f"{found.news2.total}{'' if found.news2.complete else '*'}"
                                                       for found in self.sets))]

    def key(self) -> str:
        """What the star on an incomplete set's total means, when one is shown: its "0" read as
        calm beside a HIGH 7 an hour before."""
        if all(found.news2.complete for found in self.sets):
            return ""
        return translate("News2Plot", "* incomplete set: can only underestimate the risk")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._area()
        for low, high, shade in BAND_SHADES:
            upper, lower = self._y(high + 0.5), self._y(max(low - 0.5, 0))
            painter.fillRect(QRectF(area.left(), upper, area.width(), lower - upper), QColor(shade))
        # The marks and times beside the plot in the palette's words colour, as on any screen: grey
        # on high contrast's black they measured 1.7:1. Inside it, on the pale shades, black.
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText)))
        for text, box in self.axis_marks():
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        if not self.sets:
            painter.setPen(QPen(QColor(Qt.GlobalColor.black)))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, translate("News2Plot", "No observations recorded"))
            return
        points = self.points()
        painter.setPen(QPen(QColor("#1f3a93"), 2))
        for start, end in zip(points, points[1:]):
            painter.drawLine(start, end)
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        for text, box in self.score_labels():
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText)))
        if key := self.key():
            painter.drawText(QRectF(area.left(), area.bottom() + 4, area.width(), 16), Qt.AlignmentFlag.AlignHCenter, key)
        painter.drawText(QPointF(area.left(), area.bottom() + 16), ward_time(self.sets[0].taken_at, None))
        painter.drawText(QPointF(area.right() - 60, area.bottom() + 16), ward_time(self.sets[-1].taken_at, None))


class ObservationsView(ChartTab):
    """Enter on a set opens it (to amend); Record adds a set through the observations form.
    `open_pews` fires with the patient, a child, when the nurse opens their paediatric chart from
    here (the toolbar's Observations is where a nurse looks first). An adult's delirium screening
    (the 4AT) is here, under the sets where a new confusion is charted: `screen_delirium` fires
    with the patient to screen; so is their sepsis screening, where a set of 5 or more is
    charted: `screen_sepsis`."""

    open_pews = Signal(str)
    screen_delirium = Signal(str)
    screen_sepsis = Signal(str)

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("ObservationsView", "Observations — {name}")
        layout = self.column
        # The latest score three points over the text size: fixed at 14, it stood smaller than
        # the list under it at 20.
        self.latest = styled(QLabel(), lambda: f"font-size: {points(3)}pt; font-weight: bold;")
        self.latest.setWordWrap(True)
        self.latest.setAccessibleName(translate("ObservationsView", "Latest NEWS2 score"))
        layout.addWidget(self.latest)
        self.to_pews = QPushButton(translate("ObservationsView", "Open the paediatric chart (P&EWS)"))
        self.to_pews.clicked.connect(lambda: self.open_pews.emit(self.patient_id))
        layout.addWidget(self.to_pews, 0, Qt.AlignmentFlag.AlignLeft)
        self.response = QLabel()
        self.response.setWordWrap(True)
        layout.addWidget(self.response)
        self.screening = QWidget()
        screened = QGridLayout(self.screening)
        screened.setContentsMargins(0, 0, 0, 0)
        screened.setColumnStretch(0, 1)
        self.delirium, self.sepsis = QLabel(), QLabel()
        for row, (line, name, button, signal, form_id) in enumerate((
                (self.delirium, translate("ObservationsView", "Delirium screening (4AT)"),
                 translate("ObservationsView", "Screen for &delirium (4AT)…"), self.screen_delirium, delirium.FORM),
                (self.sepsis, translate("ObservationsView", "Sepsis screening"),
                 translate("ObservationsView", "Screen for &sepsis…"), self.screen_sepsis, sepsis.FORM))):
            line.setWordWrap(True)
            line.setAccessibleName(name)
            screened.addWidget(line, row, 0)
            screen = QPushButton(button)
            screen.clicked.connect(lambda _=False, signal=signal: signal.emit(self.patient_id))
            screened.addWidget(self.offered(screen, form_id), row, 1)
        layout.addWidget(self.screening)
        self.warning_lines()
        self.read_again = ReadAgain(self, self.refresh)
        self.plot = News2Plot()
        layout.addWidget(self.plot)
        self.model = SetsModel(session.form(observations.FORM), session.lang)
        self.table = self.records_table(self.model, translate("ObservationsView", "Observation sets"))
        self.chart_buttons(translate("ObservationsView", "Record a &new set"), observations.FORM,
                           translate("ObservationsView", "&Print NEWS2 chart"), self.print_chart)
        self.refresh()

    def refresh(self) -> None:
        """A child's sets (under 16) are listed with their readings, unscored: the plot of
        scores is hidden and the paediatric chart named where the score would be."""
        sets = observations.chart(self.session.db, self.patient)
        scored = observations.scored_sets(sets)
        child = sets[-1].news2 is None if sets else not observations.applies_to(self.patient, self.session.clock())
        self.model.set_rows(sets)
        self.plot.show_sets(scored)
        self.plot.setVisible(bool(scored) or not child)
        lang = self.session.lang
        self.response.setText("")
        self.to_pews.setVisible(child)
        self._show_screenings(child)
        if child:
            self.latest.setText(observations.not_applicable_text(lang))
            return
        if not sets:
            self.latest.setText(translate("ObservationsView", "No observations recorded yet"))
            return
        # The score that stands (`judged`), not the latest: "Latest: NEWS2 0 — Low" in bold over a
        # HIGH 7's response, after a temperature-only recheck.
        standing = observations.judged(scored)
        self.latest.setText(translate("ObservationsView", "Score that stands: {score} at {time}").format(
            score=observations.band_text(standing.news2, lang), time=ward_time(standing.taken_at, None)))
        # The doctor's plan standing instead of the RCP's response when it limits escalation
        # (comfort care, a ceiling of treatment: `observations.response`), the tab said "consider HDU
        # or ICU" of a dying patient; a plan that does not (an agreed frequency) above the response.
        now = self.session.clock()
        plan = observations.plans(self.session.db, [self.patient], now).get(self.patient_id)
        self.response.setText("\n".join(text for text in (
            observations.incomplete_notice(scored, lang), plan.text(lang, now.tzinfo) if plan and not plan.limits else "",
            observations.response(standing.news2, plan, lang, now.tzinfo)) if text))

    def _show_screenings(self, child: bool) -> None:
        """An adult's latest 4AT and sepsis screening; in the warning colour, what their falls
        still ask (a set since, neuro obs, the doctor: the set is taken here), what their sepsis
        asks (a screening for a set of 5 or more, the Sepsis Six and the doctor's review within
        the hour) and what their delirium asks (a new confusion on a set since, or a patient 65 or
        over never screened a day after coming in), read again when that falls due, and at a fall's
        CT head deadline, said passed from then as the handover says it (the tab said "CT head within 8
        hours: by 21:20" at 22:00); neither screening of a child, whom they do not screen."""
        self.screening.setVisible(not child)
        now, lang = self.session.clock(), self.session.lang
        known = delirium.read(self.session.db, [self.patient_id])[self.patient_id]
        line, asks = delirium.state(known, self.patient, now, lang)
        self.delirium.setText(line)
        found_sepsis = sepsis.read(self.session.db, [self.patient], now)[self.patient_id]
        self.sepsis.setText(found_sepsis.state(now, lang)[0])
        fell = falls.read(self.session.db, [self.patient]).get(self.patient_id) \
            if self.patient.stay in (None, StayStatus.IN) else None
        after_falls = [f"{one.text(lang, now.tzinfo, fell.asks(one))}: {semicolon(lang).join(said)}"
                       for one, said in falls.asking(fell, lang, now)] if fell is not None else []
        adults = [] if child else sepsis.asking(found_sepsis, self.patient, now, lang) + asks
        self.warn(after_falls + adults)
        self.read_again.when_due(None if child else min(
            (due for due in (delirium.next_change(known, self.patient, now), found_sepsis.next_change(now),
                             fell.coming(now) if fell is not None else None) if due),
            key=elapsed.instant, default=None), now)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_news2_chart(own, patient_id, out),
                              f"news2-{patient_id}")


class EscalationModel(TextTableModel):
    """Each line says who was told, as the set (or a later one) records it: the nurse in charge
    going down the list at night could not see whether the HIGH patient's doctor had been
    called, written only in the set, opened one patient at a time. Then the resuscitation
    decision, DNACPR in the warning colour: the doctor called for a HIGH score decides what to
    do knowing it, and no column said it."""

    columns = (QT_TR_NOOP("Ward"), QT_TR_NOOP("Bed"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Downtime no."),
               QT_TR_NOOP("Set judged"), QT_TR_NOOP("NEWS2"), QT_TR_NOOP("Band"), QT_TR_NOOP("Who was told"),
               QT_TR_NOOP("Resuscitation"))
    PATIENT, BAND, TOLD, RESUS = 2, 6, 7, 8
    # Elided: a pregnant woman's band, a long name and a doctor's plan; who was told wrapped (see
    # `EscalationPanel`).
    whole_in_tooltip = frozenset({PATIENT, BAND, TOLD, RESUS})

    def is_warning(self, row: int, column: int) -> bool:
        item: Escalation = self.rows[row]
        if column == self.BAND:
            return item.judged.news2.escalates
        if column == self.RESUS:
            return item.patient.resuscitation == DNACPR or (item.plan is not None and item.plan.limits)
        return column == self.TOLD and not item.told and item.needs_told

    def texts(self, row: int) -> tuple[str, ...]:
        item: Escalation = self.rows[row]
        news2 = item.judged.news2
        taken = ward_time(item.judged.taken_at, None)
        if item.latest is not item.judged:
            taken += " " + word(LATER_INCOMPLETE)
        told = item.told or (word(NOT_TOLD) if item.needs_told else "")
        # The doctor's observation and escalation plan beside the resuscitation decision: the list
        # is what the nurse in charge escalates from, and a dying patient read as one to send to ICU.
        # Who decided a DNACPR and when, as the NEWS2 chart and the MAR print it.
        status = word(RESUSCITATION.get(item.patient.resuscitation or "", "?"))
        resus = " — ".join([f"{status} ({item.dnacpr_decided})" if item.dnacpr_decided else status,
                            *([item.response(language())] if item.plan is not None and item.plan.limits else [])])
        return (item.patient.ward or "", item.patient.bed or "", item.patient.display_name, item.patient.downtime_number,
                taken, _total(news2), observations.band_said(news2, language()), told, resus)


class OverdueModel(TextTableModel):
    columns = (QT_TR_NOOP("Ward"), QT_TR_NOOP("Bed"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Downtime no."),
               QT_TR_NOOP("Last complete set"), QT_TR_NOOP("Frequency"), QT_TR_NOOP("Next set was due"))
    PATIENT = 2
    whole_in_tooltip = frozenset({PATIENT})

    def is_warning(self, row: int, column: int) -> bool:
        return column == len(self.columns) - 1

    def texts(self, row: int) -> tuple[str, ...]:
        item: Overdue = self.rows[row]
        last = (f"{ward_time(item.last.taken_at, None)} — {_total(item.last.news2)}" if item.last else word(NO_COMPLETE_SET))
        due = ward_time(item.due_at, None) + ("" if item.last else " " + word(ON_ADMISSION))
        return (item.patient.ward or "", item.patient.bed or "", item.patient.display_name, item.patient.downtime_number,
                last, word(MONITORING_WORDS[item.monitoring]) if item.monitoring else "", due)


class ChartAlertModel(TextTableModel):
    columns = (QT_TR_NOOP("Ward"), QT_TR_NOOP("Bed"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Downtime no."),
               QT_TR_NOOP("Chart"), QT_TR_NOOP("Latest"), QT_TR_NOOP("What it asks now"))
    CHARTS = {neuro.FORM: QT_TR_NOOP("Neuro obs (GCS)"), glucose.FORM: QT_TR_NOOP("Blood glucose"),
              transfusion.FORM: QT_TR_NOOP("Blood transfusion"), lab_results.FORM: QT_TR_NOOP("Laboratory result"),
              lab_results.REQUEST_FORM: QT_TR_NOOP("Laboratory sample"), fluid_balance.FORM: QT_TR_NOOP("Fluid balance"),
              repositioning.FORM: QT_TR_NOOP("Repositioning"), wounds.FORM: QT_TR_NOOP("Wound"),
              devices.FORM: QT_TR_NOOP("Line or catheter"), bowels.FORM: QT_TR_NOOP("Bowels"), pain.FORM: QT_TR_NOOP("Pain"),
              pews.FORM: QT_TR_NOOP("PEWS"), falls.FORM: QT_TR_NOOP("Fall"), sepsis.FORM: QT_TR_NOOP("Sepsis"),
              missing_patient.FORM: QT_TR_NOOP("Missing from the ward"), falls_risk.FORM: QT_TR_NOOP("Falls risk"),
              swallow_screen.FORM: QT_TR_NOOP("Swallow screen"),
              alcohol_withdrawal.FORM: QT_TR_NOOP("Alcohol withdrawal (CIWA-Ar)"),
              enhanced_observation.FORM: QT_TR_NOOP("Enhanced observation"),
              capacity.FORM: QT_TR_NOOP("Mental capacity"), safeguarding.FORM: QT_TR_NOOP("Safeguarding"),
              medication.ORDER_FORM: QT_TR_NOOP("Medicines (MAR)"), vte.FORM: QT_TR_NOOP("VTE risk"),
              delirium.FORM: QT_TR_NOOP("Delirium (4AT)"), chart_alerts.DEATH_FORM: QT_TR_NOOP("Death"),
              infusion_checks.FORM: QT_TR_NOOP("Infusion or syringe driver"), weight.FORM: QT_TR_NOOP("Weight")}
    PATIENT, LATEST, ASKS = 2, 5, 6
    whole_in_tooltip = frozenset({PATIENT, LATEST, ASKS})

    def is_warning(self, row: int, column: int) -> bool:
        """What it asks, in red when it is to be done now (chart_alerts.acted_on_now)."""
        return column == self.ASKS and chart_alerts.acted_on_now(self.rows[row], language())

    def texts(self, row: int) -> tuple[str, ...]:
        """A patient who left the ward is said so where their bed was (someone else may be in it)."""
        item: ChartAlert = self.rows[row]
        stay = item.patient.stay
        bed = item.patient.bed or "" if stay in (None, StayStatus.IN) else stay_word(stay, language())
        return (item.patient.ward or "", bed, item.patient.display_name, item.patient.downtime_number,
                word(self.CHARTS[item.form_id]), item.latest, semicolon(language()).join(item.said))


LEAST = 16
"""A column of the escalation lists cut for the last one's room is never narrower, in characters."""
NAME_CHARACTERS, CHART_NAME_CHARACTERS, LATEST_CHARACTERS = 40, 30, 36
"""The patient's name on the NEWS2 lists and on the charts' list, and a chart's latest reading,
bounded at so many characters: an unknown patient's description, a culture's words or a unit of
blood pushed the columns after them off the screen."""
ASKS_CHARACTERS = 40
"""What a chart asks, the reason its line is on the list, is given so many characters before the
columns left of it are cut for it (wrapped beyond, onto a taller row)."""
TOLD_CHARACTERS = 30
"""Who was told, wrapped beyond so many characters: "Registrar Dr …", "NOT …" read nothing."""


def cut_for_the_last(table: QTableView, fitted: Mapping[int, int], cuts: Sequence[tuple[int, int]],
                     last_characters: int | None = None) -> None:
    """Each of `cuts` (column, characters) cut at its characters, then, in turn, down to `LEAST`
    characters, for the last column to have the room its rows need (or `last_characters`, when
    less) within the list's width: the names and latest readings kept 300 pixels each while what
    each line asks read "CHECK …", and who was told "NOT …"."""
    character = table.fontMetrics().averageCharWidth()
    last = table.model().columnCount() - 1
    for column, characters in cuts:
        cut_column(table, column, characters, fitted[column])
    wanted = max(table.horizontalHeader().sectionSizeHint(last), table.sizeHintForColumn(last))
    if last_characters is not None:
        wanted = min(wanted, character * last_characters)
    over = sum(table.columnWidth(column) for column in range(last) if not table.isColumnHidden(column)) \
        + wanted - table.viewport().width()
    for column, _ in cuts:
        if over <= 0:
            return
        if isinstance(table, ListTable) and column in table.by_hand:
            continue
        width = table.columnWidth(column)
        narrower = max(min(width, character * LEAST), width - over)
        table.setColumnWidth(column, narrower)
        over -= width - narrower


class EscalationPanel(QWidget):
    """Patients whose judged NEWS2 is above low or who have no complete set, most urgent first,
    below them the patients whose next set is overdue, longest overdue first, and then those
    whose other charts (neuro obs, blood glucose, transfusion, fluid balance, repositioning,
    wounds, lines and catheters, pain, bowels, paediatric observations, falls, time-critical
    medicines) or laboratory results ask something now (services.chart_alerts); Enter opens their
    chart (`open_chart` with the chart's form for the last list; a fall's line, the fall; a
    time-critical dose's, the MAR). A list with nothing in it
    is hidden under its line saying so, and the others take its room: three lists a third of the
    screen each left a busy ward's chart alerts four lines under two empty headers."""

    open_patient = Signal(str)
    open_chart = Signal(str, str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        # Its three lists scroll where the screen is short: at the largest text on a 125 % laptop
        # they asked for more height than the screen has, the whole window's too.
        body = QWidget()
        layout = QVBoxLayout(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(Scrolled(body))
        controls, self.ward = ward_choice(session, self.refresh, translate("EscalationPanel", "All wards"))
        controls.addStretch(1)
        layout.addLayout(controls)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.model = EscalationModel()
        self.table = make_table(self.model, translate("EscalationPanel", "Patients needing escalation"),
                                lambda: self._open_current(self.table))
        layout.addWidget(self.table, 1)
        self.overdue_count = QLabel()
        layout.addWidget(self.overdue_count)
        self.overdue_model = OverdueModel()
        self.overdue_table = make_table(self.overdue_model, translate("EscalationPanel", "Observations overdue"),
                                        lambda: self._open_current(self.overdue_table))
        layout.addWidget(self.overdue_table, 1)
        self.charts_count = QLabel()
        layout.addWidget(self.charts_count)
        self.charts_model = ChartAlertModel()
        self.charts_table = make_table(self.charts_model, translate("EscalationPanel", "Bedside charts and laboratory results"),
                                       self._open_chart)
        layout.addWidget(self.charts_table, 1)
        # Cut again as the window's width changes: what each line asks, who was told, the
        # resuscitation decision and since when a set is overdue kept whole in sight, the names
        # and latest readings cut for them, whole in their tooltip.
        ColumnsCut(self.table, (EscalationModel.PATIENT, EscalationModel.TOLD), self._fit_escalations)
        ColumnsCut(self.overdue_table, (OverdueModel.PATIENT,), self._fit_overdue)
        ColumnsCut(self.charts_table, (ChartAlertModel.PATIENT, ChartAlertModel.LATEST), self._fit_charts)
        # Queued: Qt says a stretched column resized before its new width is read.
        self.charts_table.horizontalHeader().sectionResized.connect(self._asks_resized,
                                                                    Qt.ConnectionType.QueuedConnection)
        self.reader = ListReader(self)
        self.reader.found.connect(self._read)
        self.reader.refused.connect(self._refused)
        self.reader.slow.connect(self._say_reading)
        # Overdue comes with time, not with a save: the list is read again when the next set falls due
        # (on "All wards" of a hospital-wide database a set falls due every minute or so, and the
        # list takes a second to read: only on screen).
        self.read_again = ReadAgain(self, self.refresh)

    def refresh(self) -> None:
        """Read on a thread of its own: every in-patient's observations, thousands of patients
        on "All wards" of a hospital-wide database."""
        ward = self.ward.currentData()

        def read(own: Session, _: object) -> tuple[WardReview, ChartAlerts]:
            """The ward's in-patients read once, at one moment, for both."""
            at = own.clock()
            patients = in_patients(own.db, own.forms, ward, at)
            return (observations.review(own.db, own.forms, ward, at, patients),
                    chart_alerts.alerts(own.db, own.forms, patients, at, own.lang, ward=ward))

        self.reader.read(self.session, read)

    def chosen_patient(self) -> PatientSummary | None:
        """The patient of the line chosen in the list the person is in (the overdue one when it
        has the focus), else of the escalation list's chosen line."""
        for table in sorted((self.table, self.overdue_table, self.charts_table),
                            key=lambda table: not table.hasFocus()):
            index = table.currentIndex()
            if index.isValid():
                return table.model().rows[index.row()].patient
        return None

    def _say_reading(self) -> None:
        self.count.setText(translate("EscalationPanel", "Reading the list…"))

    def _read(self, read: tuple[WardReview, ChartAlerts]) -> None:
        """The patient chosen stays chosen, the list being read again after every save, or, gone
        from it (their set recorded, what was asked done), the line that takes their place: the
        nurse in charge working down a list was left on no line, her next arrow key back at the
        top."""
        found, charts = read
        high = sum(item.judged.news2.band is Band.HIGH for item in found.escalations)
        self.count.setText(translate("EscalationPanel", "{count} patient(s) to review, {high} HIGH").format(
            count=len(found.escalations), high=high) if found.escalations
            else translate("EscalationPanel", "No patient's NEWS2 is above low risk"))
        self.overdue_count.setText(translate("EscalationPanel", "Observations overdue: {count} patient(s)").format(
            count=len(found.overdue)) if found.overdue else translate("EscalationPanel", "No observations overdue"))
        show_keeping_choice(self.table, self.model, found.escalations, lambda item: item.patient.patient_id,
                            or_same_line=True)
        show_keeping_choice(self.overdue_table, self.overdue_model, found.overdue, lambda item: item.patient.patient_id,
                            or_same_line=True)
        asking = len({item.patient.patient_id for item in charts.alerts})
        self.charts_count.setText(
            translate("EscalationPanel", "Other charts and laboratory results asking now: {count} patient(s)").format(
                count=asking)
            if asking else translate("EscalationPanel", "No other chart nor laboratory result asking now"))
        show_keeping_choice(self.charts_table, self.charts_model, charts.alerts,
                            lambda item: (item.patient.patient_id, item.form_id), or_same_line=True)
        self._hide_empty()
        self.read_again.when_due(min((due for due in (found.next_due, charts.next_due) if due is not None),
                                     key=elapsed.instant, default=None), self.session.clock())

    def _fit_escalations(self, fitted: Mapping[int, int]) -> None:
        """A married woman's both names narrowed for who was told and the resuscitation decision:
        a long note made it "RCP en cas …" on a 1366-pixel screen, and on a 1024-pixel one "NOT …"
        and "For …". The name, who was told and the decision, with the doctor's plan, are wrapped,
        never cut."""
        bounds = {EscalationModel.PATIENT: NAME_CHARACTERS, EscalationModel.TOLD: TOLD_CHARACTERS}
        cut_for_the_last(self.table, fitted, tuple(bounds.items()))
        wrap_columns(self.table, bounds, (EscalationModel.RESUS,))

    def _fit_overdue(self, fitted: Mapping[int, int]) -> None:
        """A long name (a birth name in brackets) made the patient 700 pixels wide, and since when
        the set was due, the reason for the line, lay past the screen's edge: it is narrowed and
        wrapped."""
        bounds = {OverdueModel.PATIENT: NAME_CHARACTERS}
        cut_for_the_last(self.overdue_table, fitted, tuple(bounds.items()))
        wrap_columns(self.overdue_table, bounds)

    def _fit_charts(self, fitted: Mapping[int, int]) -> None:
        """An unknown patient's description, a culture's words or a unit of blood left what each
        line asks 100 pixels: the latest reading, then the name, narrowed for it, the name and it
        wrapped."""
        cut_for_the_last(self.charts_table, fitted, ((ChartAlertModel.LATEST, LATEST_CHARACTERS),
                                                     (ChartAlertModel.PATIENT, CHART_NAME_CHARACTERS)), ASKS_CHARACTERS)
        self._asks_resized(ChartAlertModel.ASKS, 0, 0)

    def _asks_resized(self, column: int, _old: int, _new: int) -> None:
        """Rows fitted again to what each line asks at its width, which follows the list's (the
        last column, stretched): fitted as the list's width changed, before the column did, a
        scroll bar come left each line a row short."""
        if column == ChartAlertModel.ASKS:
            wrap_columns(self.charts_table, {ChartAlertModel.PATIENT: CHART_NAME_CHARACTERS,
                                             ChartAlertModel.ASKS: ASKS_CHARACTERS})

    def _refused(self, problem: UserError) -> None:
        """No rows rather than an earlier list's, which may be another ward's than the one chosen."""
        self.count.setText(say(problem))
        self.overdue_count.clear()
        self.charts_count.clear()
        for model in (self.model, self.overdue_model, self.charts_model):
            model.set_rows([])
        self._hide_empty()

    def _hide_empty(self) -> None:
        for table in (self.table, self.overdue_table, self.charts_table):
            table.setVisible(table.model().rowCount() > 0)

    def _open_current(self, table: QTableView) -> None:
        index = table.currentIndex()
        if index.isValid():
            self.open_patient.emit(table.model().rows[index.row()].patient.patient_id)

    def _open_chart(self) -> None:
        index = self.charts_table.currentIndex()
        if index.isValid():
            item: ChartAlert = self.charts_model.rows[index.row()]
            self.open_chart.emit(item.patient.patient_id, item.form_id)

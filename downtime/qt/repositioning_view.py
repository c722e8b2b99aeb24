"""A patient's repositioning (turning) chart: every change of position newest first with the
skin over the pressure areas, the latest over them with when the next is due and, in the warning
colour, what it asks now (the next change overdue, pressure damage found)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from downtime.domain.clock import ward_time
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import printing, repositioning, wounds
from downtime.services.context import Session
from downtime.services.repositioning import Turned


class TurnsModel(TextTableModel):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Position"), QT_TR_NOOP("Skin over the pressure areas"),
               QT_TR_NOOP("Notes"), QT_TR_NOOP("Next change due"))
    TIME, SKIN, NEXT = 0, 2, 4
    whole_in_tooltip = frozenset({SKIN, 3})

    def __init__(self, spec: FormSpec, lang: Lang, at: datetime) -> None:
        """`at`: the moment the rows are read at (the newest's next change overdue or not)."""
        super().__init__()
        self.spec, self.lang, self.at = spec, lang, at

    def is_warning(self, row: int, column: int) -> bool:
        """The skin when damaged; the time of a change made after the one due before it; the next
        change due when the newest's is overdue (an earlier one's was done by the next)."""
        turn: Turned = self.rows[row]
        return ((column == self.SKIN and turn.damaged) or (column == self.TIME and turn.late)
                or (column == self.NEXT and row == 0 and turn.overdue(self.at)))

    def texts(self, row: int) -> tuple[str, ...]:
        turn: Turned = self.rows[row]
        data = turn.record.data
        zone = self.at.tzinfo
        late = turn.late_said(zone, self.lang)
        return (ward_time(turn.turned_at, zone) + (f" — {late}" if late else ""),
                format_value(self.spec.field("position"), data["position"], self.lang),
                turn.skin(self.spec, self.lang), " ".join((data.get("notes") or "").split()),
                turn.next_change(self.at, self.lang) if row == 0 else ward_time(turn.due_at, zone))


class RepositioningView(ChartTab):
    """Enter on a change of position opens it (to amend); Record adds one through the form;
    "Assess the risk" a Braden assessment, the latest shown over the list; "Chart the wound" the
    wound chart's form for the damage found."""

    assess = Signal(str)
    """The patient whose pressure ulcer risk to assess."""
    chart_wound = Signal(str, dict)
    """The patient, and what their wound's first look starts from (the damage found)."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("RepositioningView", "Repositioning — {name}")
        self.headline(translate("RepositioningView", "Repositioning and skin"))
        self.risk = QLabel()
        self.risk.setWordWrap(True)
        self.risk.setAccessibleName(translate("RepositioningView", "Pressure ulcer risk"))
        self.column.addWidget(self.risk)
        self.read_again = ReadAgain(self, self.refresh)
        self.model = TurnsModel(session.form(repositioning.FORM), session.lang, session.clock())
        self.table = self.records_table(self.model, translate("RepositioningView", "Changes of position"))
        # Letters the menus (Alt+W Ward, Alt+R Record) and Print leave free: those pressed nothing.
        self.chart_buttons(translate("RepositioningView", "Record a &change of position"), repositioning.FORM,
                           translate("RepositioningView", "&Print the repositioning chart"), self.print_chart,
                           (translate("RepositioningView", "Assess the risk (&Braden)…"),
                            lambda: self.assess.emit(self.patient_id), repositioning.RISK_FORM),
                           (translate("RepositioningView", "Chart the wou&nd…"), self.wound_found, wounds.FORM))
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        assessed = repositioning.risk(self.session.db, self.patient_id)
        self.risk.setText(assessed.text(lang, now.tzinfo) if assessed is not None
                          else translate("RepositioningView", "Pressure ulcer risk: not assessed yet (Braden scale)"))
        areas = repositioning.pressure_areas(self.session.db, [self.patient_id]).get(self.patient_id)
        turns = areas.turns if areas is not None else []
        self.model.at = now
        self.model.set_rows(list(reversed(turns)))
        asks = areas.asks(now, lang) if areas is not None else []
        if not turns:  # a patient at risk asks a change once their band's hours have gone by
            self.say(translate("RepositioningView", "No change of position recorded yet"), asks)
        else:
            latest = turns[-1]
            self.say(translate("RepositioningView", "Latest: {turn} at {time}").format(
                turn=latest.text(self.session.form(repositioning.FORM), lang),
                time=ward_time(latest.turned_at, now.tzinfo))
                + ("" if latest.overdue(now) else f" — {latest.next_change(now, lang)}"), asks)
        # What the chart asks changes with time, not with a save.
        self.read_again.when_due(areas.coming(now) if areas is not None else None, now)

    def wound_found(self) -> None:
        """The wound chart's form, starting from the pressure damage the latest change found."""
        turns = repositioning.chart(self.session.db, self.patient_id)
        self.chart_wound.emit(self.patient_id, wounds.first_look(turns[-1], self.session.form(wounds.FORM))
                              if turns else {})

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session,
                              lambda own, out: printing.print_repositioning_chart(own, patient_id, out),
                              f"repositioning-{patient_id[:8]}")

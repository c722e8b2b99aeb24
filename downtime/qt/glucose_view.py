"""A patient's capillary blood glucose: every reading newest first with what it asked of the
nurse and when the next was due, the latest over them with when the next is due and, in the
warning colour, what it asks now (a hypo to treat and recheck, ketones to check or tell the
doctor), a hypo's recheck or the planned next reading once it is overdue."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from downtime.domain.clock import ward_time
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, semicolon
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import glucose, printing
from downtime.services.context import Session
from downtime.services.glucose import Charted


class ReadingsModel(TextTableModel):
    columns = (QT_TR_NOOP("Taken"), QT_TR_NOOP("When"), QT_TR_NOOP("Reading"), QT_TR_NOOP("Next check"),
               QT_TR_NOOP("Action taken"), QT_TR_NOOP("What it asked"))
    READING, NEXT, ASKED = 2, 3, 5
    whole_in_tooltip = frozenset({NEXT, 4, ASKED})

    def __init__(self, spec: FormSpec, lang: Lang, at: datetime) -> None:
        """`at`: the moment the rows are read at (the newest's next reading overdue or not)."""
        super().__init__()
        self.spec, self.lang, self.at = spec, lang, at

    def is_warning(self, row: int, column: int) -> bool:
        """A reading that asks something; the next check when the newest's is overdue (an earlier
        one's was taken by the next)."""
        found: Charted = self.rows[row]
        return ((column in (self.READING, self.ASKED) and bool(found.signs))
                or (column == self.NEXT and row == 0 and found.overdue(self.at)))

    def next_check(self, row: int, found: Charted) -> str:
        """The newest's next check in words, an earlier one's when it was due; the plan as
        chosen when none is due ("No further check planned"; nothing before the form asked)."""
        if found.due_at is None:
            return format_value(self.spec.field(glucose.PLAN), found.record.data.get(glucose.PLAN), self.lang)
        if row == 0:
            return found.next_check(self.at, self.lang)
        return ward_time(found.due_at, self.at.tzinfo)

    def texts(self, row: int) -> tuple[str, ...]:
        found: Charted = self.rows[row]
        data = found.record.data
        return (found.when(), format_value(self.spec.field("timing"), data.get("timing"), self.lang),
                found.text(self.lang), self.next_check(row, found), " ".join((data.get("action") or "").split()),
                semicolon(self.lang).join(found.said(self.lang)))


class GlucoseView(ChartTab):
    """Enter on a reading opens it (to amend); Record adds one through the form."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("GlucoseView", "Glucose — {name}")
        self.headline(translate("GlucoseView", "Latest blood glucose"))
        self.read_again = ReadAgain(self, self.refresh)
        self.model = ReadingsModel(session.form(glucose.FORM), session.lang, session.clock())
        self.table = self.records_table(self.model, translate("GlucoseView", "Blood glucose readings"))
        self.chart_buttons(translate("GlucoseView", "Record a r&eading"), glucose.FORM,
                           translate("GlucoseView", "&Print the glucose chart"), self.print_chart)
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        readings = glucose.chart(self.session.db, self.patient_id)
        self.model.at = now
        self.model.set_rows(list(reversed(readings)))
        if not readings:
            self.say(translate("GlucoseView", "No blood glucose recorded yet"), [])
            self.read_again.stop()
            return
        # The insulin orders too: a hypo into an insulin infusion says it runs (glucose.infusion_asks),
        # and while one runs the next reading is due within the hour, as the lists and the handover
        # say (glucose.hourly_on_infusion): the tab said "next reading due 11:55" and woke then.
        insulins = glucose.insulins_of_each(self.session.db, [self.patient_id], now)[self.patient_id]
        readings = glucose.hourly_on_infusion(readings, insulins)
        latest = readings[-1]
        again = latest.next_check(now, lang)
        self.say(translate("GlucoseView", "Latest: {reading} at {time}").format(
            reading=latest.text(lang), time=latest.when())
            + (f" — {again}" if again and not latest.overdue(now) else ""), glucose.asking(readings, now, lang, insulins))
        # The next reading (a hypo's recheck, or as planned) falls overdue with time, not with a save.
        self.read_again.when_due(glucose.coming(readings, now), now)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_glucose_chart(own, patient_id, out),
                              f"glucose-{patient_id[:8]}")

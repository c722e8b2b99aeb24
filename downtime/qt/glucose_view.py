"""A patient's capillary blood glucose: every reading newest first with what it asked of the
nurse, the latest over them and, in the warning colour, what it asks now (a hypo to treat and
recheck, ketones to check or tell the doctor), a hypo's recheck once it is overdue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

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
    columns = (QT_TR_NOOP("Taken"), QT_TR_NOOP("When"), QT_TR_NOOP("Reading"), QT_TR_NOOP("Action taken"),
               QT_TR_NOOP("What it asked"))
    whole_in_tooltip = frozenset({3, 4})

    def __init__(self, spec: FormSpec, lang: Lang) -> None:
        super().__init__()
        self.spec, self.lang = spec, lang

    def is_warning(self, row: int, column: int) -> bool:
        return column in (2, 4) and bool(self.rows[row].signs)

    def texts(self, row: int) -> tuple[str, ...]:
        found: Charted = self.rows[row]
        data = found.record.data
        return (f"{found.taken_at:%d/%m %H:%M}", format_value(self.spec.field("timing"), data.get("timing"), self.lang),
                found.text(self.lang), " ".join((data.get("action") or "").split()), semicolon(self.lang).join(found.said(self.lang)))


class GlucoseView(ChartTab):
    """Enter on a reading opens it (to amend); Record adds one through the form."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("GlucoseView", "Glucose — {name}")
        self.headline(translate("GlucoseView", "Latest blood glucose"))
        self.read_again = ReadAgain(self, self.refresh)
        self.model = ReadingsModel(session.form(glucose.FORM), session.lang)
        self.table = self.records_table(self.model, translate("GlucoseView", "Blood glucose readings"))
        self.chart_buttons(translate("GlucoseView", "Record a r&eading"),
                           translate("GlucoseView", "&Print the glucose chart"), self.print_chart)
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        readings = glucose.chart(self.session.db, self.patient_id)
        self.model.set_rows(list(reversed(readings)))
        latest = readings[-1] if readings else None
        again = glucose.recheck(readings, now, lang)
        said = glucose.asking(readings, now, lang) if readings else []
        if latest is None:
            self.say(translate("GlucoseView", "No blood glucose recorded yet"), said)
            self.read_again.stop()
            return
        self.say(translate("GlucoseView", "Latest: {reading} at {time}").format(
            reading=latest.text(lang), time=f"{latest.taken_at:%d/%m %H:%M}")
            + (f" — {again[0]}" if again and not again[1] else ""), said)
        # A hypo's recheck falls overdue with time, not with a save.
        self.read_again.when_due(glucose.recheck_due(readings) if again and not again[1] else None, now)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_glucose_chart(own, patient_id, out),
                              f"glucose-{patient_id[:8]}")

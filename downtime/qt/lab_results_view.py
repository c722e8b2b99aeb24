"""A patient's laboratory results received on the ward, newest first: how each came and from
whom, the result as the laboratory gave it, its flag, which doctor was told when, and in the
warning colour what it asks (a critical result no doctor is told of yet). Who was told is
recorded on the result itself, as an amendment of it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from downtime.domain.lab_results import Flag
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, cut_column, print_and_open
from downtime.services import lab_results, printing
from downtime.services.context import Session
from downtime.services.lab_results import Received


CUT_CHARACTERS = {1: 30, 2: 40, 4: 30, 5: 40}
"""How it came, the result, who was told and what it asks, cut there on screen (whole in their
tooltips): a culture's words alone pushed who was told off the screen."""


class ResultsModel(TextTableModel):
    columns = (QT_TR_NOOP("Received"), QT_TR_NOOP("How, from whom"), QT_TR_NOOP("Result"), QT_TR_NOOP("Flag"),
               QT_TR_NOOP("Doctor told"), QT_TR_NOOP("What it asks"))
    whole_in_tooltip = frozenset({1, 2, 4, 5})

    def __init__(self, spec: FormSpec, lang: Lang) -> None:
        super().__init__()
        self.spec, self.lang = spec, lang

    def is_warning(self, row: int, column: int) -> bool:
        found: Received = self.rows[row]
        return (column == 3 and found.flag is Flag.CRITICAL) or (column == 5 and bool(found.signs))

    def texts(self, row: int) -> tuple[str, ...]:
        found: Received = self.rows[row]
        data = found.record.data
        how = [format_value(self.spec.field("received_by"), data["received_by"], self.lang)]
        if data.get("caller"):
            how.append(" ".join(data["caller"].split()))
        if data.get("read_back"):
            how.append(translate("LabResultsView", "read back"))
        told = found.told(self.lang)
        if told and data.get("action"):
            told += f": {' '.join(data['action'].split())}"
        return (f"{found.received_at:%d/%m %H:%M}", "; ".join(how), found.text(),
                format_value(self.spec.field("flag"), data["flag"], self.lang), told, "; ".join(found.said(self.lang)))


class LabResultsView(ChartTab):
    """Enter on a result opens it (to amend); Record adds one through the form; "Doctor told"
    amends the result chosen, or the only one asking, to write who was told and when."""

    tell = Signal(object)
    """The result whose doctor told to record: amended, the cursor on who."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("LabResultsView", "Results — {name}")
        self.headline(translate("LabResultsView", "Laboratory results"))
        self.model = ResultsModel(session.form(lab_results.FORM), session.lang)
        self.table = self.records_table(self.model, translate("LabResultsView", "Laboratory results received"))
        self.chart_buttons(translate("LabResultsView", "Record a res&ult received"),
                           translate("LabResultsView", "&Print the results log"), self.print_chart,
                           (translate("LabResultsView", "&Doctor told…"), self.doctor_told))
        self.refresh()

    def refresh(self) -> None:
        lang = self.session.lang
        results = lab_results.chart(self.session.db, self.patient_id)
        self.model.set_rows(list(reversed(results)))
        for column, characters in CUT_CHARACTERS.items():
            cut_column(self.table, column, characters)
        said = [f"{text}: {one.text()} ({one.received_at:%d/%m %H:%M})"
                for one in lab_results.critical_untold(results) for text in one.said(lang)]
        if not results:
            self.say(translate("LabResultsView", "No laboratory result recorded"), said)
            return
        latest = results[-1]
        self.say(translate("LabResultsView", "Latest: {result}").format(
            result=latest.line(self.session.form(lab_results.FORM), lang)), said)

    def doctor_told(self) -> None:
        index = self.table.currentIndex()
        asking = [one for one in self.model.rows if one.signs]
        chosen = self.model.rows[index.row()] if index.isValid() else (asking[0] if len(asking) == 1 else None)
        if chosen is None:
            QMessageBox.information(self, translate("LabResultsView", "Doctor told"),
                                    translate("LabResultsView", "Choose the result in the list first."))
            return
        self.tell.emit(chosen.record)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_lab_results(own, patient_id, out),
                              f"results-{patient_id[:8]}")

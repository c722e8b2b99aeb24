"""A patient's laboratory samples sent and results received on the ward, newest first: each
sample's tests and urgency and whether its result is back, in the warning colour once overdue
(or that it was closed, rejected by the laboratory, lost or cancelled: no longer chased, an
urgent one rejected or lost in the warning colour until a new sample is sent; Enter on it, then
Amend, closes it);
each result's way and caller, the result as the laboratory gave it, its flag, which doctor was
told when and the action (whom the nurse bleeped, while none is), and in the warning colour what it asks (a critical result no doctor is told of yet).
Who was told is recorded on the result itself, as an amendment of it."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from downtime.domain.clock import ward_time
from downtime.domain.lab_results import Flag
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, labelled, semicolon
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, cut_column, print_and_open, shares_height
from downtime.services import lab_results, printing
from downtime.services.context import Session
from downtime.qt.work import ReadAgain
from downtime.services.lab_results import Received, Sent


CUT_CHARACTERS = {1: 30, 2: 40, 4: 30, 5: 40}
"""How it came, the result, who was told and what it asks, cut there on screen (whole in their
tooltips): a culture's words alone pushed who was told off the screen."""


class SamplesModel(TextTableModel):
    columns = (QT_TR_NOOP("Sample taken"), QT_TR_NOOP("Tests"), QT_TR_NOOP("Urgency"), QT_TR_NOOP("Number"),
               QT_TR_NOOP("Its result"))
    whole_in_tooltip = frozenset({1, 4})

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.at = session.clock()

    def is_warning(self, row: int, column: int) -> bool:
        return column == 4 and self.rows[row].overdue(self.at)

    def texts(self, row: int) -> tuple[str, ...]:
        sent: Sent = self.rows[row]
        spec, lang = self.session.form(lab_results.REQUEST_FORM), self.session.lang
        data = sent.record.data
        return (ward_time(sent.taken_at, self.at.tzinfo), sent.tests(spec, lang), format_value(spec.field("urgency"),
                                                                                    data["urgency"], lang),
                data.get("sample_number") or "", sent.state(spec, self.at, lang))


class ResultsModel(TextTableModel):
    columns = (QT_TR_NOOP("Received"), QT_TR_NOOP("How, from whom"), QT_TR_NOOP("Result"), QT_TR_NOOP("Flag"),
               QT_TR_NOOP("Doctor told, action"), QT_TR_NOOP("What it asks"))
    whole_in_tooltip = frozenset({1, 2, 4, 5})

    def __init__(self, spec: FormSpec, lang: Lang, zone: tzinfo | None) -> None:
        super().__init__()
        self.spec, self.lang = spec, lang
        self.zone = zone  # the ward's clock's, read again at each refresh: the times are shown on it

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
        return (ward_time(found.received_at, self.zone), semicolon(self.lang).join(how), found.text(),
                format_value(self.spec.field("flag"), data["flag"], self.lang), found.passed_on(self.lang, self.zone),
                semicolon(self.lang).join(found.said(self.lang)))


class LabResultsView(ChartTab):
    """Enter on a sample or a result opens it (to amend); Record adds a result through the form,
    "Record a sample sent" a sample; "Doctor told" amends the result chosen, or the only one
    asking, to write who was told and when."""

    tell = Signal(object)
    """The result whose doctor told to record: amended, the cursor on who."""
    send_sample = Signal(str)
    """The patient a sample is sent for."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("LabResultsView", "Results — {name}")
        self.headline(translate("LabResultsView", "Laboratory results"))
        self.read_again = ReadAgain(self, self.refresh)
        self.column.addWidget(QLabel(translate("LabResultsView", "Samples sent")))
        self.samples_model = SamplesModel(session)
        self.samples_table = self.records_table(self.samples_model, translate("LabResultsView", "Samples sent"))
        self.column.addWidget(QLabel(translate("LabResultsView", "Results received")))
        self.model = ResultsModel(session.form(lab_results.FORM), session.lang, session.clock().tzinfo)
        self.table = self.records_table(self.model, translate("LabResultsView", "Laboratory results received"))
        for table in (self.samples_table, self.table):
            shares_height(table)
        self.chart_buttons(translate("LabResultsView", "Record a res&ult received"), lab_results.FORM,
                           translate("LabResultsView", "&Print the results log"), self.print_chart,
                           (translate("LabResultsView", "&Doctor told…"), self.doctor_told, lab_results.FORM),
                           (translate("LabResultsView", "Record a sample sen&t"),
                            lambda: self.send_sample.emit(self.patient_id), lab_results.REQUEST_FORM))
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        results = lab_results.chart(self.session.db, self.patient_id)
        sent = lab_results.samples(self.session.db, self.patient_id, results)
        self.model.zone = now.tzinfo
        self.model.set_rows(list(reversed(results)))
        self.samples_model.at = now
        self.samples_model.set_rows(list(reversed(sent)))
        for column, characters in CUT_CHARACTERS.items():
            cut_column(self.table, column, characters)
        request_spec = self.session.form(lab_results.REQUEST_FORM)
        said = [*(labelled(text, f"{one.text()} ({ward_time(one.received_at, now.tzinfo)})", lang)
                  for one in lab_results.critical_untold(results) for text in one.said(lang)),
                *(labelled(one.state(request_spec, now, lang), one.line(request_spec, lang, now.tzinfo), lang)
                  for one in lab_results.overdue(sent, now)),
                *(sign.said(lang, now.tzinfo) for sign in lab_results.aki_signs(
                    self.session.db, [self.patient_id], now, {self.patient_id: results}).values())]
        # A sample's result falls overdue with time, not with a save.
        self.read_again.when_due(lab_results.next_due(sent, now), now)
        if not results:
            self.say(translate("LabResultsView", "No laboratory result recorded"), said)
            return
        latest = results[-1]
        self.say(translate("LabResultsView", "Latest: {result}").format(
            result=latest.line(self.session.form(lab_results.FORM), lang, now.tzinfo)), said)

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

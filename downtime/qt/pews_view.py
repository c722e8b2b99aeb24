"""A child's paediatric observation chart: every set newest first, each reading with the points it
scores in brackets, the set's PEWS ("≥ 3" when a reading asked for is missing); over them the
latest score and when the next set is due and, in the warning colour, what it asks now (the doctor
from 8, for a red flag, someone worried, a child not alert, the next set overdue)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from downtime.domain.clock import ward_time
from downtime.domain.pews import ITEMS, PewsScore
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, semicolon, sentence
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import pews, printing
from downtime.services.context import Session
from downtime.services.pews import Taken

ITEM_FROM = 2
"""An item scoring this or more is shown in the warning colour (the table's two worst columns)."""


class PewsModel(TextTableModel):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Resp. rate"), QT_TR_NOOP("Breathing"), QT_TR_NOOP("SpO2"),
               QT_TR_NOOP("Oxygen"), QT_TR_NOOP("Heart rate"), QT_TR_NOOP("Systolic BP"), QT_TR_NOOP("Cap. refill"),
               QT_TR_NOOP("Temp."), QT_TR_NOOP("AVPU"), QT_TR_NOOP("PEWS"), QT_TR_NOOP("Worried"), QT_TR_NOOP("Notes"))
    AVPU, SCORE, WORRIED = 9, 10, 11
    whole_in_tooltip = frozenset({2, 4, 7, 12})

    def __init__(self, spec: FormSpec, lang: Lang) -> None:
        super().__init__()
        self.spec, self.lang = spec, lang
        self.scores: list[PewsScore | None] = []

    def score_rows(self, scores: list[PewsScore | None]) -> None:
        """Each row's score (None where the child's age is not known), in the rows' order."""
        self.scores = scores

    def is_warning(self, row: int, column: int) -> bool:
        one: Taken = self.rows[row]
        found = self.scores[row]
        if column == self.SCORE:
            return found is None or found.urgent
        if column == self.AVPU:
            return one.record.data.get("consciousness") not in (None, "alert")
        if column == self.WORRIED:
            return one.concern
        item = ITEMS[column - 1] if 1 <= column <= len(ITEMS) else None
        return found is not None and item is not None and (found.points[item] or 0) >= ITEM_FROM

    def texts(self, row: int) -> tuple[str, ...]:
        one: Taken = self.rows[row]
        data, found = one.record.data, self.scores[row]
        return (ward_time(one.taken_at, None), *(pews.reading(one, item, found, self.spec, self.lang) for item in ITEMS),
                format_value(self.spec.field("temperature"), data.get("temperature"), self.lang),
                (format_value(self.spec.field("consciousness"), data.get("consciousness"), self.lang) or "")[:1],
                pews.total_text(found, self.lang),
                format_value(self.spec.field("concern"), data.get("concern"), self.lang),
                semicolon(self.lang).join([*([notes] if (notes := " ".join((data.get("notes") or "").split())) else []),
                                           *pews.reviewed(one, self.lang)]))


class PewsView(ChartTab):
    """Enter on a set opens it (to amend); Record adds one through the form."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("PewsView", "PEWS — {name}")
        self.headline(translate("PewsView", "Paediatric early warning score"))
        self.read_again = ReadAgain(self, self.refresh)
        self.spec = session.form(pews.FORM)
        self.model = PewsModel(self.spec, session.lang)
        self.table = self.records_table(self.model, translate("PewsView", "Paediatric observations"))
        self.chart_buttons(translate("PewsView", "Record &observations"), pews.FORM,
                           translate("PewsView", "&Print the PEWS chart"), self.print_chart)
        self.refresh()

    def refresh(self) -> None:
        lang, now, born = self.session.lang, self.session.clock(), self.patient.birth_date
        lines = pews.chart(self.session.db, self.patient_id)
        newest_first = list(reversed(lines))
        self.model.score_rows([one.scored(born) for one in newest_first])
        self.model.set_rows(newest_first)
        if not lines:
            self.say(translate("PewsView", "No paediatric observations recorded yet"), [])
            self.read_again.stop()
            return
        self.say(sentence(pews.state(lines, born, self.spec, now, lang)), pews.asking(lines, born, self.spec, now, lang))
        # The next set falls overdue with time, not with a save.
        self.read_again.when_due(pews.coming(lines, now), now)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_pews_chart(own, patient_id, out),
                              f"pews-{patient_id[:8]}")

"""A patient's pain chart: every assessment newest first (one typed from the paper chart says so
by its time), each score on its scale ("7/10", "FLACC 6/10"; a child's observed items in its
tooltip), the latest over them with when the pain is next assessed and, in the warning colour,
what it asks now (pain that matters with nothing done for it, its reassessment overdue)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from downtime.domain.clock import ward_time
from downtime.formspec import FormSpec, Lang
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import Index, TextTableModel, cut_column, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import pain, printing
from downtime.services.census import patient_with_location
from downtime.services.context import Session
from downtime.services.pain import Assessed


DONE = 3
CUT_CHARACTERS = {DONE: 40}
"""Cut so the notes start in sight (the whole in the tooltip)."""


class PainModel(TextTableModel):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Pain"), QT_TR_NOOP("Where"), QT_TR_NOOP("What was done"),
               QT_TR_NOOP("Next assessment"), QT_TR_NOOP("Notes"))
    SCORE, NEXT = 1, 4
    whole_in_tooltip = frozenset({2, DONE, 5})

    def __init__(self, spec: FormSpec, lang: Lang, at: datetime) -> None:
        """`at`: the moment the rows are read at (the newest's reassessment overdue or not)."""
        super().__init__()
        self.spec, self.lang, self.at = spec, lang, at

    def is_warning(self, row: int, column: int) -> bool:
        """Pain that matters; the next assessment when the newest's is overdue (an earlier one's
        was done by the next)."""
        one: Assessed = self.rows[row]
        return (column == self.SCORE and one.matters) or (column == self.NEXT and row == 0 and one.overdue(self.at))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A score observed item by item (FLACC, EVENDOL) gives each item's score in its tooltip
        and to a screen reader, for the next assessment to compare with."""
        if (index.isValid() and index.column() == self.SCORE
                and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)):
            one: Assessed = self.rows[index.row()]
            items = one.items(self.spec, self.lang)
            return f"{self.text(index.row(), self.SCORE)}: {items}" if items else None
        return super().data(index, role)

    def texts(self, row: int) -> tuple[str, ...]:
        one: Assessed = self.rows[row]
        data = one.record.data
        return (one.when(self.lang), one.score(self.spec, self.lang),
                " ".join((data.get("where") or "").split()),
                one.what_was_done(self.spec, self.lang),
                one.next_one(self.spec, self.at, self.lang) if row == 0 else ward_time(one.due_at, self.at.tzinfo),
                " ".join((data.get("notes") or "").split()))


class PainView(ChartTab):
    """Enter on an assessment opens it (to amend); Record adds one through the form."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("PainView", "Pain — {name}")
        self.headline(translate("PainView", "Pain"))
        self.read_again = ReadAgain(self, self.refresh)
        self.spec = session.form(pain.FORM)
        self.model = PainModel(self.spec, session.lang, session.clock())
        self.table = self.records_table(self.model, translate("PainView", "Pain assessments"))
        self.chart_buttons(translate("PainView", "&Assess the pain"), pain.FORM,
                           translate("PainView", "&Print the pain chart"), self.print_chart)
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        found = pain.chart(self.session.db, self.patient_id)
        self.model.at = now
        self.model.set_rows(list(reversed(found)))
        for column, characters in CUT_CHARACTERS.items():
            cut_column(self.table, column, characters)
        if not found:
            self._unassessed(pain.unassessed(self.session.db, self.patient_id), now)
            return
        # On comfort care standing now a sedation found is said without stopping the opioid (pain.comforted).
        latest = pain.comforted(self.session.db, patient_with_location(self.session.db, self.session.forms,
                                                                       self.patient_id), found[-1], now)
        overdue = latest.overdue(now)
        self.say(translate("PainView", "Latest: {pain} at {time}").format(
            pain=latest.text(self.spec, lang), time=ward_time(latest.assessed_at, now.tzinfo))
            + ("" if overdue else f" — {latest.next_one(self.spec, now, lang)}"), latest.asks(self.spec, now, lang))
        # The reassessment falls overdue with time, not with a save.
        self.read_again.when_due(None if overdue else latest.due_at, now)

    def _unassessed(self, dosed: pain.Unassessed | None, now: datetime) -> None:
        """No assessment yet: the doses for pain given all the same ask for one by their effect."""
        none_yet = translate("PainView", "No pain assessment recorded yet")
        if dosed is None:
            self.say(none_yet, [])
            self.read_again.stop()
            return
        lang, overdue = self.session.lang, dosed.overdue(now)
        coming = [] if overdue else [dosed.next_one(self.spec, now, lang)]
        self.say(" — ".join([none_yet, *dosed.dosed(lang), *coming]), dosed.asks(self.spec, now, lang))
        self.read_again.when_due(None if overdue else dosed.due_at, now)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_pain_chart(own, patient_id, out),
                              f"pain-{patient_id[:8]}")

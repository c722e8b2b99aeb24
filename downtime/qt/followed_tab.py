"""What the tabs of the charts that follow several things by name share (the wounds tab each
wound, the lines and catheters tab each device; services.followed): every look newest first,
each thing still open over them with its next look and, in the warning colour, what it asks
now; a button that starts the next look at the thing chosen (or the only one open) from its
last look's answers, so the name stays the one the chart follows it by."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.formspec import FormSpec, Lang
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, cut_column, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import followed
from downtime.services.context import Session


class LooksModel(TextTableModel):
    """The looks, newest first; `latest` the latest look at each thing still open."""

    def __init__(self, spec: FormSpec, lang: Lang, at: datetime, late: str, closed: str) -> None:
        """`at`: the moment the rows are read at (a next look overdue or not); `late` and
        `closed` what the next look's column says of one overdue and of a look that closed its
        thing ("dressing overdue", "healed")."""
        super().__init__()
        self.spec, self.lang, self.at, self.late, self.closed = spec, lang, at, late, closed
        self.latest: set[int] = set()

    def arrange(self) -> None:
        """The rows come newest first: the latest look at each thing still open is known by them."""
        self.latest = {id(one) for one in followed.still_open(self.rows[::-1])}

    def next_cell(self, look: Any) -> str:
        """When the next look falls due; `late` once the latest look's is overdue (an earlier
        one's was done by the next); `closed` for a look that closed its thing: the column's
        header says the rest."""
        if look.due_at is None:
            return self.closed
        if self.overdue(look):
            return self.late
        return ward_time(look.due_at, self.at.tzinfo)

    def overdue(self, look: Any) -> bool:
        """The latest look at a thing still open whose next look is overdue."""
        return id(look) in self.latest and elapsed.reached(look.due_at, self.at)


@dataclass(frozen=True)
class TabWords:
    """The tab's words, translated in its own context: `title` with `{name}`, `headline` and
    `table` for a screen reader, the three buttons, what the tab heads the list with when
    nothing is charted, when nothing is open, and `open` with `{open}` (each thing still open);
    `choose` when the next look has nothing to start from; `late` a next look overdue in short."""

    title: str
    headline: str
    table: str
    record: str
    printed: str
    next_look: str
    none: str
    all_closed: str
    open: str
    choose: str
    late: str


class FollowedTab(ChartTab):
    """Enter on a look opens it (to amend); Record adds a thing through the form; the next-look
    button records the next look at the thing chosen (or the only one open), from what
    `carried` gives of its latest look, or says why not (`refused`, e.g. a device taken out)."""

    carry_on = Signal(str, dict)
    """The patient, and the answers the next look at their thing starts from."""

    def __init__(self, session: Session, patient_id: str, form_id: str, model: LooksModel,
                 cut: dict[int, int], words: TabWords, read: Callable[[Any, str], Sequence[Any]],
                 carried: Callable[[Any], dict[str, Any]], refused: Callable[[Any], str | None],
                 printed: tuple[Callable[[Session, str, Path], Path], str], parent: QWidget | None = None):
        """`read` the chart of a patient (services' `chart`), `cut` the columns cut to their
        characters so the notes start in sight (the whole in the tooltip), `printed` the
        printing service and the file's name."""
        super().__init__(session, patient_id, True, parent)
        self.words, self.read, self.carried, self.refused, self.printed = words, read, carried, refused, printed
        self.cut = cut
        self.titled = words.title
        self.headline(words.headline)
        self.read_again = ReadAgain(self, self.refresh)
        self.spec = session.form(form_id)
        self.model = model
        self.table = self.records_table(self.model, words.table)
        self.chart_buttons(words.record, form_id, words.printed, self.print_chart,
                           (words.next_look, self.next_chosen, form_id))
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        looks = self.read(self.session.db, self.patient_id)
        self.model.at = now
        self.model.set_rows(list(reversed(looks)))
        for column, characters in self.cut.items():
            cut_column(self.table, column, characters)
        self.read_again.when_due(followed.coming(looks, now), now)
        if not looks:
            self.say(self.words.none, [])
        elif not followed.still_open(looks):
            self.say(self.words.all_closed, [])
        else:
            self.say(self.words.open.format(open=followed.open_words(looks, self.spec, now, lang, self.words.late)),
                     followed.asking(looks, self.spec, now, lang))

    def chosen(self) -> Any:
        """The look chosen in the list, else the only thing still open's latest (None when
        there is neither)."""
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.rows[index.row()]
        still = followed.still_open(self.model.rows[::-1])
        return still[0] if len(still) == 1 else None

    def next_chosen(self) -> None:
        look = self.chosen()
        title = self.words.next_look.replace("&", "").rstrip("…")
        if look is None:
            QMessageBox.information(self, title, self.words.choose)
            return
        latest = next(one for one in self.model.rows if one.key == look.key)  # newest first
        if (why := self.refused(latest)) is not None:
            QMessageBox.information(self, title, why)
            return
        self.carry_on.emit(self.patient_id, self.carried(latest))

    def print_chart(self) -> Path | None:
        patient_id, (make, name) = self.patient_id, self.printed
        return print_and_open(self, self.session, lambda own, out: make(own, patient_id, out),
                              f"{name}-{patient_id[:8]}")

"""A patient's wound chart: every look at a wound newest first with the dressing put on, each
open wound over them with its next dressing and, in the warning colour, what it asks now
(infection, a wound worse, a dressing overdue). "Dress the chosen wound" starts the next look at
a wound from the last one's answers, so its name stays the one the chart follows it by."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, cut_column, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import printing, wounds
from downtime.services.context import Session
from downtime.services.wounds import Dressed

CARRIED = ("wound", "kind", "category", "dressing", "next_in")
"""What the next look at a wound starts from, of the last one's answers."""
WOUND, DRESSING, NOTES = 1, 7, 8
CUT_CHARACTERS = {WOUND: 20, DRESSING: 24}
"""Cut so the notes start in sight (the whole in the tooltip)."""


class LooksModel(TextTableModel):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Wound"), QT_TR_NOOP("What it is"), QT_TR_NOOP("Size"),
               QT_TR_NOOP("Wound bed"), QT_TR_NOOP("Infection"), QT_TR_NOOP("Next dressing"),
               QT_TR_NOOP("Dressing"), QT_TR_NOOP("Notes"))
    INFECTION, NEXT = 5, 6
    whole_in_tooltip = frozenset({WOUND, 2, DRESSING, NOTES})

    def __init__(self, spec: FormSpec, lang: Lang, at: datetime) -> None:
        """`at`: the moment the rows are read at (a wound's next dressing overdue or not)."""
        super().__init__()
        self.spec, self.lang, self.at = spec, lang, at
        self.latest: set[int] = set()

    def arrange(self) -> None:
        """The rows come newest first: the latest look at each open wound is known by them."""
        self.latest = {id(one) for one in wounds.open_wounds(self.rows[::-1])}

    def is_warning(self, row: int, column: int) -> bool:
        """Infection; the next dressing when the latest look at its wound says it is overdue (an
        earlier one's was done by the next)."""
        look: Dressed = self.rows[row]
        return ((column == self.INFECTION and look.infected)
                or (column == self.NEXT and id(look) in self.latest and wounds.overdue(look.due_at, self.at)))

    def texts(self, row: int) -> tuple[str, ...]:
        look: Dressed = self.rows[row]
        data, lang = look.record.data, self.lang
        return (f"{look.assessed_at:%d/%m %H:%M}", look.wound, look.what(self.spec, lang), look.size(lang),
                look.bed(self.spec, lang),
                format_value(self.spec.field("infection"), data.get("infection"), lang),
                look.next_change(self.spec, self.at, lang) if id(look) in self.latest or look.healed
                else f"{look.due_at:%d/%m %H:%M}",
                " ".join((data.get("dressing") or "").split()), " ".join((data.get("notes") or "").split()))


class WoundsView(ChartTab):
    """Enter on a look opens it (to amend); Record adds a wound through the form; "Dress the
    chosen wound" records the next look at the wound chosen (or the only one open)."""

    dress = Signal(str, dict)
    """The patient, and the answers the next look at their wound starts from."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("WoundsView", "Wounds — {name}")
        self.headline(translate("WoundsView", "Wounds"))
        self.read_again = ReadAgain(self, self.refresh)
        self.spec = session.form(wounds.FORM)
        self.model = LooksModel(self.spec, session.lang, session.clock())
        self.table = self.records_table(self.model, translate("WoundsView", "Looks at the wounds and dressings"))
        self.chart_buttons(translate("WoundsView", "Record a new &wound"),
                           translate("WoundsView", "&Print the wound chart"), self.print_chart,
                           (translate("WoundsView", "&Dress the chosen wound…"), self.dress_chosen))
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        looks = wounds.chart(self.session.db, self.patient_id)
        self.model.at = now
        self.model.set_rows(list(reversed(looks)))
        for column, characters in CUT_CHARACTERS.items():
            cut_column(self.table, column, characters)
        self.read_again.when_due(wounds.coming(looks, now), now)
        still = wounds.open_wounds(looks)
        if not looks:
            self.say(translate("WoundsView", "No wound charted yet"), [])
        elif not still:
            self.say(translate("WoundsView", "Every wound charted is healed"), [])
        else:
            self.say(translate("WoundsView", "Open wounds: {wounds}").format(
                wounds=wounds.open_words(looks, self.spec, now, lang)), wounds.asking(looks, self.spec, now, lang))

    def chosen(self) -> Dressed | None:
        """The look chosen in the list, else the only open wound's latest."""
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.rows[index.row()]
        still = wounds.open_wounds(self.model.rows[::-1])
        return still[0] if len(still) == 1 else None

    def dress_chosen(self) -> None:
        look = self.chosen()
        if look is None:
            QMessageBox.information(self, translate("WoundsView", "Dress the chosen wound"),
                                    translate("WoundsView", "Choose the wound in the list first."))
            return
        latest = next(one for one in self.model.rows if one.key == look.key)  # newest first
        carried: dict[str, Any] = {name: latest.record.data[name] for name in CARRIED if latest.record.data.get(name)}
        self.dress.emit(self.patient_id, carried)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_wound_chart(own, patient_id, out),
                              f"wounds-{patient_id[:8]}")

"""A patient's wound chart: every look at a wound newest first with the dressing put on, each
open wound over them with its next dressing and, in the warning colour, what it asks now
(infection, a new pressure ulcer to report, a wound worse, a dressing overdue, a wound open when
its stay ended). "Dress the chosen wound" starts the next look at
a wound from the last one's answers, so its name stays the one the chart follows it by."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from downtime.domain.clock import ward_time
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP
from downtime.qt.followed_tab import FollowedTab, LooksModel, TabWords
from downtime.qt.i18n import translate
from downtime.services import printing, wounds
from downtime.services.context import Session
from downtime.services.wounds import Dressed

CARRIED = ("wound", "kind", "category", "dressing", "next_in")
"""What the next look at a wound starts from, of the last one's answers: not whether it was present
on admission, which its first look alone says (services.wounds.check_look)."""
WOUND, DRESSING, NOTES = 1, 7, 8
CUT_CHARACTERS = {WOUND: 20, DRESSING: 24}
"""Cut so the notes start in sight (the whole in the tooltip)."""


class WoundLooks(LooksModel):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Wound"), QT_TR_NOOP("What it is"), QT_TR_NOOP("Size"),
               QT_TR_NOOP("Wound bed"), QT_TR_NOOP("Infection"), QT_TR_NOOP("Next dressing"),
               QT_TR_NOOP("Dressing"), QT_TR_NOOP("Notes"))
    INFECTION, NEXT = 5, 6
    whole_in_tooltip = frozenset({WOUND, 2, DRESSING, NOTES})

    def is_warning(self, row: int, column: int) -> bool:
        """Infection; the next dressing when the latest look at its wound says it is overdue (an
        earlier one's was done by the next), or asks whether it is still open."""
        look: Dressed = self.rows[row]
        return ((column == self.INFECTION and look.infected)
                or (column == self.NEXT and (self.overdue(look) or (look.asked and id(look) in self.latest))))

    def next_cell(self, look: Dressed) -> str:
        """A wound open when its stay ended: "still open?" on its latest look, nothing on an
        earlier one (its dressing went with its stay); "healed" would say what no one charted."""
        if look.asked:
            return look.next_change(self.spec, self.at, self.lang) if id(look) in self.latest else ""
        return super().next_cell(look)

    def texts(self, row: int) -> tuple[str, ...]:
        look: Dressed = self.rows[row]
        data, lang = look.record.data, self.lang
        zone = self.at.tzinfo
        return (ward_time(look.assessed_at, zone), look.name, look.what(self.spec, lang, zone), look.size(lang),
                look.bed(self.spec, lang),
                format_value(self.spec.field("infection"), data.get("infection"), lang),
                self.next_cell(look),
                " ".join((data.get("dressing") or "").split()), " ".join((data.get("notes") or "").split()))


def _carried(latest: Dressed) -> dict[str, Any]:
    return {name: latest.record.data[name] for name in CARRIED if latest.record.data.get(name)}


class WoundsView(FollowedTab):
    """A healed wound may be dressed again: a wound that opens again goes on under its name."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        spec = session.form(wounds.FORM)
        words = TabWords(
            title=translate("WoundsView", "Wounds — {name}"), headline=translate("WoundsView", "Wounds"),
            table=translate("WoundsView", "Looks at the wounds and dressings"),
            record=translate("WoundsView", "Record a &new wound"),
            printed=translate("WoundsView", "&Print the wound chart"),
            next_look=translate("WoundsView", "&Dress the chosen wound…"),
            none=translate("WoundsView", "No wound charted yet"),
            all_closed=translate("WoundsView", "Every wound charted is healed"),
            open=translate("WoundsView", "Open wounds: {open}"),
            choose=translate("WoundsView", "Choose the wound in the list first."),
            late=wounds.WORDS["late"][session.lang])
        super().__init__(session, patient_id, wounds.FORM, WoundLooks(spec, session.lang, session.clock(), words.late,
                                                                  wounds.WORDS["healed"][session.lang]),
                         CUT_CHARACTERS, words, wounds.chart, _carried, lambda latest: None,
                         (printing.print_wound_chart, "wounds"), parent)

"""A patient's bowel chart: every line newest first, when the bowels last opened over them and,
in the warning colour, what the chart asks now (loose stools that may be infective, a result
finding C. difficile, blood in the stool, bowels not opened for three days)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from downtime.domain.clock import ward_time
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, sentence
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import bowels, printing
from downtime.services.bowels import Charted
from downtime.services.context import Session


class BowelsModel(TextTableModel):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Stool"), QT_TR_NOOP("Known cause"), QT_TR_NOOP("Sample sent"),
               QT_TR_NOOP("Notes"))
    STOOL = 1
    whole_in_tooltip = frozenset({STOOL, 4})

    def __init__(self, spec: FormSpec, lang: Lang) -> None:
        super().__init__()
        self.spec, self.lang = spec, lang

    def is_warning(self, row: int, column: int) -> bool:
        """A loose stool with no known cause, blood or black stool."""
        one: Charted = self.rows[row]
        return column == self.STOOL and (one.loose or bool(one.bleeding))

    def texts(self, row: int) -> tuple[str, ...]:
        """Its time on the ward's clock, as the chart's asks and the paper say it: a stool charted
        at 13:00 on a laptop set to UTC, merged here, read "28/11 12:00" in the list beside "last
        opened 28/11 13:00" over it."""
        one: Charted = self.rows[row]
        data = one.record.data
        return (ward_time(one.charted_at, None), one.stool(self.spec, self.lang),
                format_value(self.spec.field("known_cause"), data.get("known_cause"), self.lang),
                format_value(self.spec.field("sample_sent"), data.get("sample_sent"), self.lang),
                " ".join((data.get("notes") or "").split()))


class BowelsView(ChartTab):
    """Enter on a line opens it (to amend); Record adds one through the form."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("BowelsView", "Bowels — {name}")
        self.headline(translate("BowelsView", "Bowels"))
        self.read_again = ReadAgain(self, self.refresh)
        self.spec = session.form(bowels.FORM)
        self.model = BowelsModel(self.spec, session.lang)
        self.table = self.records_table(self.model, translate("BowelsView", "Bowel chart"))
        self.chart_buttons(translate("BowelsView", "&Chart the bowels"), bowels.FORM,
                           translate("BowelsView", "&Print the bowel chart"), self.print_chart)
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        lines = bowels.chart(self.session.db, self.patient_id)
        self.model.set_rows(list(reversed(lines)))
        if not lines and not lines.found:
            self.say(translate("BowelsView", "Nothing charted yet"), [])
            self.read_again.stop()
            return
        # A result finding C. difficile asks to isolate before any stool is charted.
        said = bowels.state(lines, self.spec, now, lang)
        self.say(sentence(said) if said else translate("BowelsView", "Nothing charted yet"),
                 bowels.asking(lines, self.spec, now, lang))
        # Bowels not opened become constipation with time, not with a save; blood seen and loose
        # stools leave the day, an isolation ends 48 hours clear.
        self.read_again.when_due(bowels.coming(lines, now), now)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_bowel_chart(own, patient_id, out),
                              f"bowels-{patient_id[:8]}")

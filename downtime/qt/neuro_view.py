"""A patient's neurological observations: every set with its Glasgow Coma Scale, pupils and
limbs, the latest GCS over them, and in the warning colour what the latest set says against the
one before it that needs a doctor now (a fall in the GCS, a pupil gone fixed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from downtime.domain.clock import ward_time
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, semicolon, sentence
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import neuro, printing
from downtime.services.context import Session
from downtime.services.neuro import NeuroSet


class NeuroSetsModel(TextTableModel):
    """`spec`: the neuro observations form, whose words (in `lang`) its answers are shown in; `at`:
    the moment the rows are read at, whose clock (the ward's) their times are shown on. The set's
    notes last (the bleeps unanswered, the sedation given that explain a GCS were shown nowhere)."""

    columns = (QT_TR_NOOP("Taken"), QT_TR_NOOP("GCS"), QT_TR_NOOP("Pupils L / R"), QT_TR_NOOP("Arms L / R"),
               QT_TR_NOOP("Legs L / R"), QT_TR_NOOP("To tell the doctor"), QT_TR_NOOP("Notes"))
    TELL = 5
    whole_in_tooltip = frozenset({TELL, 6})

    def __init__(self, spec: FormSpec, lang: Lang, at: datetime) -> None:
        super().__init__()
        self.spec, self.lang, self.at = spec, lang, at

    def is_warning(self, row: int, column: int) -> bool:
        return column == self.TELL and bool(self.rows[row].flags)

    def _answer(self, data: dict[str, object], field_id: str) -> str:
        return format_value(self.spec.field(field_id), data.get(field_id), self.lang) or "—"

    def _pupil(self, data: dict[str, object], side: str) -> str:
        size = data.get(f"pupil_{side}_size")
        return f"{size if size is not None else '?'} mm {self._answer(data, f'pupil_{side}_reaction')}"

    def texts(self, row: int) -> tuple[str, ...]:
        found: NeuroSet = self.rows[row]
        data = found.record.data
        return (ward_time(found.taken_at, self.at.tzinfo), found.text(self.lang, self.at.tzinfo),
                f"{self._pupil(data, 'left')} / {self._pupil(data, 'right')}",
                f"{self._answer(data, 'arm_left')} / {self._answer(data, 'arm_right')}",
                f"{self._answer(data, 'leg_left')} / {self._answer(data, 'leg_right')}",
                semicolon(self.lang).join(found.said(self.lang, self.at.tzinfo)),
                " ".join(str(data.get("notes") or "").split()))


class NeuroView(ChartTab):
    """Enter on a set opens it (to amend); Record adds a set through the neuro form."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("NeuroView", "Neuro obs — {name}")
        self.headline(translate("NeuroView", "Latest Glasgow Coma Scale"))
        self.read_again = ReadAgain(self, self.refresh)
        self.model = NeuroSetsModel(session.form(neuro.FORM), session.lang, session.clock())
        self.table = self.records_table(self.model, translate("NeuroView", "Neurological observation sets"))
        self.chart_buttons(translate("NeuroView", "Record a &new set"), neuro.FORM,
                           translate("NeuroView", "&Print the neuro chart"), self.print_chart)
        self.refresh()

    def refresh(self) -> None:
        """Newest first: the set a nurse compares with the one she is about to take. Over them the
        latest GCS taken, and a set not done since with why, as the handover says them (a set refused
        read "Latest: GCS — (ET VT MT)", as though not testable, the GCS before it said nowhere)."""
        sets = neuro.chart(self.session.db, self.patient_id)
        lang, now = self.session.lang, self.session.clock()
        self.model.at = now
        self.model.set_rows(list(reversed(sets)))
        latest = sets[-1] if sets else None
        said = neuro.asking(latest, now, lang) if latest else []
        if latest is None:
            self.say(translate("NeuroView", "No neurological observations recorded yet"), said)
            self.read_again.stop()
            return
        taken = neuro.latest_taken(sets)
        headline = [*([translate("NeuroView", "Latest: {gcs} at {time}").format(
            gcs=taken.gcs.text(lang), time=ward_time(taken.taken_at, now.tzinfo))] if taken else []),
            *([latest.text(lang, now.tzinfo)] if latest.not_done is not None else [])]
        self.say(sentence(semicolon(lang).join(headline))
                 + ("" if latest.overdue(now) else f" — {latest.next_set(now, lang)}"), said)
        # Overdue comes with time, not with a save.
        self.read_again.when_due(latest.coming(now), now)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session, lambda own, out: printing.print_neuro_chart(own, patient_id, out),
                              f"neuro-{patient_id[:8]}")

"""A patient's blood transfusions: each unit newest first (what it is, the bedside check, the
observation sets taken around it, its end), the running unit over them and, in the warning
colour, what the units ask now (the 15-minute set, the set after the end, a unit running at 4
hours, a reaction to report) and the end of a unit that ran past 4 hours out of the fridge, after
a refusal of blood products the admission records, first. A unit's end is recorded from here, on
the unit chosen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from downtime.domain import elapsed
from downtime.domain.blood_groups import abo, short
from downtime.domain.clock import ward_time
from downtime.formspec import Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, semicolon
from downtime.qt.i18n import translate
from downtime.qt.patient_header import ChartTab
from downtime.qt.tables import TextTableModel, cut_column, print_and_open
from downtime.qt.work import ReadAgain
from downtime.services import printing, transfusion
from downtime.services.context import Session
from downtime.services.transfusion import Transfused


UNIT, CHECK, WHERE = 1, 2, 4
CUT_CHARACTERS = {UNIT: 37, CHECK: 33, WHERE: 26}
"""The unit, its bedside check and where it stands, cut there on screen (whole in their
tooltips): in French a red cell unit's line alone pushed what the units ask off the screen. The
unit reads number first, so the cut leaves its number and group in sight; the check the
patient's group first, both groups short ("A RhD+")."""


def _when(at: datetime | None) -> str:
    return "—" if at is None else f"{at:%H:%M}"


def sets_text(unit: Transfused) -> str:
    """"Before: yes · 15 min: 12:16 · After: —", as the paper record's observation boxes."""
    return translate("TransfusionView", "Before: {before} · 15 min: {first} · After: {after}").format(
        before=translate("TransfusionView", "yes") if unit.sets.baseline else "—",
        first=_when(unit.sets.first_at), after=_when(unit.sets.end_at))


class UnitsModel(TextTableModel):
    columns = (QT_TR_NOOP("Started"), QT_TR_NOOP("Unit of blood"), QT_TR_NOOP("Bedside check"), QT_TR_NOOP("Observations"),
               QT_TR_NOOP("Where it stands"), QT_TR_NOOP("What it asks"))
    whole_in_tooltip = frozenset({1, 2, 4, 5})

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.at = session.clock()

    def is_warning(self, row: int, column: int) -> bool:
        """What the unit asks; where it stands when it ran past 4 hours out of the fridge (said at the
        end of a cell cut on screen, whole in its tooltip)."""
        unit: Transfused = self.rows[row]
        return (column == 5 and bool(unit.asks(self.at, self.session.lang))) or (column == 4 and unit.unit.ran_over)

    def texts(self, row: int) -> tuple[str, ...]:
        """The unit with the special requirements its label shows, and its bedside check with every
        answer the blood bank's issue stands on (RhD+, group A or B plasma, group O platelets
        high-titre negative), as the paper record says them."""
        unit: Transfused = self.rows[row]
        lang: Lang = self.session.lang
        data = unit.record.data
        spec = self.session.form(transfusion.FORM)
        patient = data.get("patient_group")
        check = ", ".join(filter(None, (
            translate("TransfusionView", "patient {group}").format(
                group=short(patient) or format_value(spec.field("patient_group"), patient, lang)) if patient else "",
            translate("TransfusionView", "identity checked"),
            translate("TransfusionView", "RhD+ issued so") if data.get("rhd_agreed") else "",
            translate("TransfusionView", "group {group} issued so").format(group=abo(data["unit_group"]))
            if data.get("group_a_agreed") else "",
            translate("TransfusionView", "group O HT neg") if data.get("group_o_agreed") else "",
            data.get("second_checker"))))
        requirements = data.get("unit_requirements") or []
        return (ward_time(unit.started_at, self.at.tzinfo), " · ".join((
                    unit.number, str(short(data["unit_group"])),
                    format_value(spec.field("component"), data["component"], lang),
                    *([format_value(spec.field("unit_requirements"), requirements, lang)] if requirements else []))),
                check, sets_text(unit), unit.state(self.session.form(transfusion.END_FORM), lang),
                semicolon(lang).join(unit.asks(self.at, lang)))


class TransfusionView(ChartTab):
    """Enter on a unit opens its start (to amend); Record starts a unit through the form; "Record
    the end" opens the end of the unit chosen, the running one when none is, or the end already
    recorded (to amend)."""

    record_end = Signal(str, str)
    """The patient and the unit whose end to record."""
    prescribe = Signal(str)
    """The patient to prescribe blood for (a doctor's button)."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        super().__init__(session, patient_id, True, parent)
        self.titled = translate("TransfusionView", "Transfusion — {name}")
        self.headline(translate("TransfusionView", "Blood transfusion"))
        self.prescribed = QLabel()
        self.prescribed.setWordWrap(True)
        self.prescribed.setAccessibleName(translate("TransfusionView", "Blood prescribed"))
        self.column.addWidget(self.prescribed)
        self.read_again = ReadAgain(self, self.refresh)
        self.model = UnitsModel(session)
        self.table = self.records_table(self.model, translate("TransfusionView", "Units transfused"))
        self.chart_buttons(translate("TransfusionView", "Record a unit &started"), transfusion.FORM,
                           translate("TransfusionView", "&Print the transfusion record"), self.print_chart,
                           (translate("TransfusionView", "Record the &end of the unit"), self.end_unit,
                            transfusion.END_FORM),
                           (translate("TransfusionView", "Pres&cribe blood…"),
                            lambda: self.prescribe.emit(self.patient_id), transfusion.ORDER_FORM))
        self.refresh()

    def refresh(self) -> None:
        lang, now = self.session.lang, self.session.clock()
        units = transfusion.chart(self.session.db, self.patient_id)
        self.model.at = now
        self.model.set_rows(list(reversed(units)))
        for column, characters in CUT_CHARACTERS.items():
            cut_column(self.table, column, characters)
        refused = transfusion.refusal(self.session.db, self.session.forms, self.patient_id)
        said = [*([refused.text(self.session.form(transfusion.ADMISSION_FORM), lang)] if refused else []),
                *transfusion.asking(units, now, lang)]
        prescribed = transfusion.prescriptions(self.session.db, self.patient_id)
        order_spec = self.session.form(transfusion.ORDER_FORM)
        self.prescribed.setText("\n".join(translate("TransfusionView", "Prescribed: {prescription}").format(
            prescription=found.text(order_spec, lang)) for found in prescribed))
        self.prescribed.setVisible(bool(prescribed))
        running = [unit for unit in units if unit.unit.running]
        spec = self.session.form(transfusion.FORM)
        if running:
            # Since it was started, or restarted: the unit's stops are said in its line.
            latest = translate("TransfusionView", "Running: {unit} since {time}").format(
                unit=running[-1].what(spec, lang), time=ward_time(running[-1].unit.started_at, now.tzinfo))
            due = running[-1].unit.first_set_due
            if running[-1].sets.first_at is None and elapsed.instant(now) < elapsed.instant(due):
                # On the laptop's clock, as what the units ask says it once overdue.
                latest += " — " + translate("TransfusionView", "15-minute observations due {time}").format(
                    time=ward_time(due, now.tzinfo))
        elif units:
            latest = translate("TransfusionView", "Last unit: {unit}, {state}").format(
                unit=units[-1].what(spec, lang), state=units[-1].state(self.session.form(transfusion.END_FORM), lang))
        else:
            latest = translate("TransfusionView", "No unit of blood recorded")
        self.say(latest, said)
        # The 15-minute set, 4 hours and the set after the end fall due with time, not with a save.
        self.read_again.when_due(transfusion.next_after(units, now), now)

    def _chosen(self) -> Transfused | None:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.rows[index.row()]
        running = [unit for unit in self.model.rows if unit.unit.running]
        return running[0] if len(running) == 1 else None

    def end_unit(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            QMessageBox.information(self, translate("TransfusionView", "Record the end of a unit"),
                                    translate("TransfusionView", "Choose the unit that ended in the list first."))
        elif chosen.end is not None:
            self.open_record.emit(chosen.end)
        else:
            self.record_end.emit(self.patient_id, chosen.record.record_id)

    def print_chart(self) -> Path | None:
        patient_id = self.patient_id
        return print_and_open(self, self.session,
                              lambda own, out: printing.print_transfusion_record(own, patient_id, out),
                              f"transfusion-{patient_id[:8]}")

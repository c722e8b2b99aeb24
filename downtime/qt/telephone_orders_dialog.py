"""The telephone orders no doctor has countersigned yet, for every patient in hospital, then for
those who left it since, their ward saying how they left (discharged, transferred out, deceased):
the doctor's morning list, and the nurse in charge's to chase. Each opens the patient's chart; a
doctor countersigns one from here as from the chart."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from downtime.domain.census import StayStatus
from downtime.i18n import QT_TR_NOOP, stay_word
from downtime.qt.countersign import countersign
from downtime.qt.i18n import language, translate
from downtime.qt.prompts import Prompts
from downtime.qt.screen_fit import fit_dialog
from downtime.qt.tables import TextTableModel, cut_column, make_table
from downtime.services import medication, telephone_orders
from downtime.services.context import Session
from downtime.services.telephone_orders import ToCountersign


ORDER = 2
"""The order's column, cut at `ORDER_CHARACTERS` on screen (whole in its tooltip): read whole, an
as-required order's limits pushed its prescriber and time off the list."""
ORDER_CHARACTERS = 45
TAKEN = 4
"""The column of when it was taken, in the warning colour once its countersignature is a day overdue."""


class ToCountersignModel(TextTableModel):
    columns = (QT_TR_NOOP("Ward / bed"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Order"), QT_TR_NOOP("Prescriber"),
               QT_TR_NOOP("When taken"), QT_TR_NOOP("Taken by"))
    whole_in_tooltip = frozenset({ORDER})

    def __init__(self, session: Session):
        super().__init__()
        self.order_form = session.form(medication.ORDER_FORM)
        self.clock = session.clock

    def texts(self, row: int) -> tuple[str, ...]:
        item: ToCountersign = self.rows[row]
        stay = item.patient.stay
        where = item.patient.bed if stay in (None, StayStatus.IN) else stay_word(stay, language())
        return (f"{item.patient.ward or '—'} / {where or '—'}",
                f"{item.patient.display_name} ({item.patient.downtime_number})",
                medication.order_reading(item.order, self.order_form, language(), at=self.clock()),
                item.order.prescriber or "—",
                self._taken_words(item), item.taken_by)

    @staticmethod
    def _taken_words(item: ToCountersign) -> str:
        taken = item.order.awaiting_since
        said = f"{taken.astimezone():%d/%m/%Y %H:%M}" if taken is not None else "—"
        return translate("TelephoneOrdersDialog", "{taken} — OVER 24 H").format(taken=said) if item.overdue else said

    def is_warning(self, row: int, column: int) -> bool:
        return column == TAKEN and self.rows[row].overdue


class TelephoneOrdersDialog(QDialog):
    """`open_chart` fires with the patient id of the line whose chart is asked for."""

    open_chart = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("TelephoneOrdersDialog", "Telephone orders to countersign"))
        layout = QVBoxLayout(self)
        self.none = QLabel(translate("TelephoneOrdersDialog", "No telephone order awaits a countersignature."))
        layout.addWidget(self.none)
        self.model = ToCountersignModel(session)
        self.table = make_table(self.model, translate("TelephoneOrdersDialog", "Telephone orders to countersign"),
                                self.chart)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.chart_button = QPushButton(translate("TelephoneOrdersDialog", "&Open the patient's chart"))
        self.chart_button.clicked.connect(self.chart)
        buttons.addButton(self.chart_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.countersign_button = QPushButton(translate("TelephoneOrdersDialog", "Countersi&gn…"))
        self.countersign_button.clicked.connect(self.countersign)
        buttons.addButton(self.countersign_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.countersign_button.setVisible(telephone_orders.prescribes(session))  # once added, which shows it
        layout.addWidget(buttons)
        self.refresh()
        fit_dialog(self, QSize(1300, 500))

    def refresh(self) -> None:
        self.model.set_rows(telephone_orders.to_countersign(self.session))
        self.table.fit_columns()
        cut_column(self.table, ORDER, ORDER_CHARACTERS)
        listed = bool(self.model.rows)
        self.none.setVisible(not listed)
        self.table.setVisible(listed)
        self.chart_button.setEnabled(listed)
        self.countersign_button.setEnabled(listed)
        if listed:
            self.table.selectRow(0)

    def _chosen(self) -> ToCountersign | None:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.rows[index.row()]
        Prompts.error(self, translate("TelephoneOrdersDialog", "No line chosen"),
                      translate("TelephoneOrdersDialog", "Choose a telephone order first."))
        return None

    def chart(self) -> None:
        if (chosen := self._chosen()) is not None:
            self.open_chart.emit(chosen.patient.patient_id)
            self.accept()

    def countersign(self) -> None:
        if (chosen := self._chosen()) is not None:
            countersign(self, self.session, chosen.order, self.model.order_form)
            self.refresh()

"""The ward medication round: every scheduled dose due, late or overdue across the ward, worst
first, with the state written out (never colour alone). Enter records the selected dose."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget,
)

from downtime.domain.medication import DoseState
from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, wards
from downtime.services.context import Session
from downtime.services.medication import RoundItem

STATE = {DoseState.OVERDUE: "OVERDUE", DoseState.LATE: "LATE", DoseState.DUE: "Due now",
         DoseState.UPCOMING: "Upcoming"}


class RoundModel(QAbstractTableModel):
    COLUMNS = ("State", "Due at", "Bed", "Patient", "Date of birth", "Medicine", "Dose", "Route", "Flags")

    def __init__(self) -> None:
        super().__init__()
        self.items: list[RoundItem] = []

    def set_items(self, items: list[RoundItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            order, patient = item.order, item.patient
            flags = ", ".join(f for f, on in (("CD", order.controlled), ("high-alert", order.high_alert)) if on)
            return (STATE[item.state], item.slot.strftime("%d/%m %H:%M"), f"{patient.ward}/{patient.bed or '—'}",
                    patient.display_name, patient.birth_date_text, order.drug,
                    f"{order.dose:g} {order.dose_unit}", order.route, flags)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and item.state in (DoseState.OVERDUE, DoseState.LATE):
            return Qt.GlobalColor.darkRed
        return None


class MedicationPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.ward = QComboBox()
        self.ward.addItems([w.ward for w in wards.wards(session.db)])
        self.ward.currentIndexChanged.connect(self.refresh)
        label = QLabel("&Ward:")
        label.setBuddy(self.ward)
        controls.addWidget(label)
        controls.addWidget(self.ward)
        self.count = QLabel()
        controls.addWidget(self.count, 1)
        layout.addLayout(controls)
        self.model = RoundModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self.record_selected())
        self.table.setAccessibleName("Medication round")
        layout.addWidget(self.table, 1)
        self.dialog: DoseDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        if not self.ward.currentText():
            self.model.set_items([])
            self.count.setText("No ward set up: an administrator adds wards and beds first.")
            return
        items = medication.round_list(self.session.db, self.session.forms, self.ward.currentText(),
                                      self.session.clock())
        self.model.set_items(items)
        overdue = sum(i.state is DoseState.OVERDUE for i in items)
        self.count.setText(f"{len(items)} dose(s) to give or record; {overdue} overdue")

    def record_selected(self) -> DoseDialog | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item = self.model.items[index.row()]
        self.dialog = DoseDialog(self.session, item.order, item.slot, self)
        self.dialog.recorded.connect(lambda record: self.refresh())
        self.dialog.open()
        return self.dialog

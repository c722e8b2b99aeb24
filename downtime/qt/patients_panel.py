"""The ward's patients: the live census (empty beds too) or a search across the site.

A table over one Qt item model, sortable and filterable, never a widget per row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from downtime.qt.tables import Index, TextTableModel, make_table
from downtime.services import census, search, wards
from downtime.services.context import Session
from downtime.services.patients import PatientSummary

ALL_WARDS = "All wards"
SEX = {"female": "F", "male": "M", "unknown": "U"}
RESUS = {"full": "For resuscitation", "dnacpr": "DNACPR", "not_discussed": "Not discussed"}
STAY = {"in": "In", "discharged": "Discharged", "deceased": "Deceased", "transferred_out": "Transferred out"}


@dataclass(frozen=True)
class Row:
    ward: str
    bed: str | None
    patient: PatientSummary | None


def allergy_text(patient: PatientSummary) -> str:
    """Worded, never colour alone: a screen reader and a colour-blind nurse read the same."""
    if patient.allergies:
        return "ALLERGY: " + ", ".join(patient.allergies)
    return "NKA" if patient.allergy_status == "nka" else "Unknown"


class PatientTableModel(TextTableModel):
    columns = ("Ward", "Bed", "Name", "Date of birth", "Sex", "Downtime no.", "Allergies",
               "Resuscitation", "Isolation", "Identity", "Admitted", "Status")

    def cell(self, row: Row, column: int) -> str:
        patient = row.patient
        if column == 0:
            return row.ward
        if column == 1:
            return row.bed or "(no bed)"
        if patient is None:
            return "— empty bed —" if column == 2 else ""
        admitted = datetime.fromisoformat(patient.admitted_at).strftime("%d/%m %H:%M")
        values = ("", "", patient.display_name, patient.birth_date_text, SEX.get(patient.sex or "", "?"),
                  patient.downtime_number, allergy_text(patient), RESUS.get(patient.resuscitation or "", "?"),
                  patient.isolation if patient.isolation not in (None, "none") else "",
                  patient.identity_status or "", admitted, STAY.get(patient.stay or "", ""))
        return values[column]

    def text(self, row: int, column: int) -> str:
        return self.cell(self.rows[row], column)

    def is_warning(self, row: int, column: int) -> bool:
        return column == 6 and self.text(row, column).startswith("ALLERGY")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.patient
        if role == Qt.ItemDataRole.UserRole + 1:
            number, text = census.bed_order(row.bed)
            bed = f"{number:07d}{text}"
            if index.column() == 0:
                return f"{row.ward.casefold()}\x00{bed}"
            return bed if index.column() == 1 else self.cell(row, index.column()).casefold()
        return super().data(index, role)


class PatientsPanel(QWidget):
    """`open_patient` fires with a patient when Enter or a double-click opens one."""

    open_patient = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Find a patient: name, date of birth, downtime no., IPP or NIR (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.refresh)
        self.search_box.returnPressed.connect(self._focus_table)
        self.ward = QComboBox()
        self.ward.currentIndexChanged.connect(self.refresh)
        self.empty_beds = QCheckBox("Show &empty beds")
        self.empty_beds.setChecked(True)
        self.empty_beds.toggled.connect(self.refresh)
        search_label = QLabel("&Find:")
        search_label.setBuddy(self.search_box)
        ward_label = QLabel("&Ward:")
        ward_label.setBuddy(self.ward)
        controls.addWidget(search_label)
        controls.addWidget(self.search_box, 3)
        controls.addWidget(ward_label)
        controls.addWidget(self.ward, 1)
        controls.addWidget(self.empty_beds)
        layout.addLayout(controls)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.model = PatientTableModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole + 1)
        self.table = make_table(self.proxy, "Patients", self._open_current)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        self.reload_wards()

    def reload_wards(self) -> None:
        current = self.ward.currentText()
        self.ward.blockSignals(True)
        self.ward.clear()
        self.ward.addItems([ALL_WARDS] + [w.ward for w in wards.wards(self.session.db)])
        index = self.ward.findText(current)
        self.ward.setCurrentIndex(max(index, 0))
        self.ward.blockSignals(False)
        self.refresh()

    def current_ward(self) -> str | None:
        return None if self.ward.currentText() in ("", ALL_WARDS) else self.ward.currentText()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def refresh(self) -> None:
        db, forms = self.session.db, self.session.forms
        text = self.search_box.text().strip()
        ward = self.current_ward()
        if text:
            rows = [Row(p.ward or "", p.bed, p) for p in search.search(db, forms, text)]
            self.count.setText(f"{len(rows)} patient(s) found for “{text}” (all wards, any status)")
        elif self.empty_beds.isChecked():
            rows = [Row(r.ward, r.bed, r.patient) for r in census.census(db, forms, ward=ward)]
            occupied = sum(r.patient is not None for r in rows)
            self.count.setText(f"{occupied} patient(s), {len(rows) - occupied} empty bed(s)")
        else:
            rows = [Row(p.ward or "", p.bed, p) for p in census.in_patients(db, forms, ward=ward)]
            self.count.setText(f"{len(rows)} patient(s)")
        self.model.set_rows(rows)

    def selected_patient(self) -> PatientSummary | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _open_current(self) -> None:
        patient = self.selected_patient()
        if patient is not None:
            self.open_patient.emit(patient)

"""The ward's patients: the live census (empty beds too) or a search across the site.

A table over one Qt item model, sortable and filterable, never a widget per row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from downtime.qt.tables import Index, TextTableModel, make_table
from downtime.qt.ward_choice import WardChoice
from downtime.i18n import QT_TR_NOOP
from downtime.qt.i18n import language, translate, word
from downtime.services import census, search
from downtime.services.context import Session
from downtime.services.patients import PatientSummary

SEX = {"female": QT_TR_NOOP("F"), "male": QT_TR_NOOP("M"), "unknown": QT_TR_NOOP("U")}
RESUS = {"full": QT_TR_NOOP("For resuscitation"), "dnacpr": QT_TR_NOOP("DNACPR"),
         "not_discussed": QT_TR_NOOP("Not discussed")}
IDENTITY = {"provisional": QT_TR_NOOP("Provisional"), "validated": QT_TR_NOOP("Validated")}
STAY = {"in": QT_TR_NOOP("In"), "discharged": QT_TR_NOOP("Discharged"), "deceased": QT_TR_NOOP("Deceased"),
        "transferred_out": QT_TR_NOOP("Transferred out")}

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Row:
    ward: str
    bed: str | None
    patient: PatientSummary | None


def allergy_text(patient: PatientSummary) -> str:
    """Worded, never colour alone: a screen reader and a colour-blind nurse read the same."""
    if patient.allergies:
        return translate("PatientTableModel", "ALLERGY: {allergies}").format(allergies="; ".join(patient.allergies_in(language())))
    return translate("", "NKA") if patient.allergy_status == "nka" else translate("", "Unknown")


class PatientTableModel(TextTableModel):
    columns = (QT_TR_NOOP("Ward"), QT_TR_NOOP("Bed"), QT_TR_NOOP("Name"), QT_TR_NOOP("Date of birth"),
               QT_TR_NOOP("Sex"), QT_TR_NOOP("Downtime no."), QT_TR_NOOP("Allergies"), QT_TR_NOOP("Resuscitation"),
               QT_TR_NOOP("Isolation"), QT_TR_NOOP("Identity"), QT_TR_NOOP("Admitted"), QT_TR_NOOP("Status"))

    def texts(self, number: int) -> tuple[str, ...]:
        row: Row = self.rows[number]
        patient, bed = row.patient, row.bed or translate("", "(no bed)")
        if patient is None:
            return (row.ward, bed, translate("", "— empty bed —"), *[""] * (len(self.columns) - 3))
        admitted = datetime.fromisoformat(patient.admitted_at).strftime("%d/%m %H:%M")
        return (row.ward, bed, patient.display_name, patient.birth_date_in(language()), word(SEX.get(patient.sex or "", "?")),
                patient.downtime_number, allergy_text(patient), word(RESUS.get(patient.resuscitation or "", "?")),
                patient.isolation if patient.isolation not in (None, "none") else "",
                word(IDENTITY.get(patient.identity_status or "", patient.identity_status or "")), admitted,
                word(STAY.get(patient.stay or "", "")))

    def is_warning(self, row: int, column: int) -> bool:
        patient = self.rows[row].patient
        return column == 6 and patient is not None and bool(patient.allergies)

    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.keys = {}
        super().set_rows(rows)

    def sort_keys(self, number: int) -> tuple[str, ...]:
        """Each column's sort key of that row, worked out once until the rows change: sorting a
        hospital's 3,800 in-patients asks for 57,000 keys, and working each out again took a
        fifth of the list's reading."""
        found = self.keys.get(number)
        if found is None:
            row: Row = self.rows[number]
            digits, text = census.bed_order(row.bed)
            bed = f"{digits:07d}{text}"
            found = self.keys[number] = (f"{row.ward.casefold()}\x00{bed}", bed,
                                         *(self.text(number, column).casefold() for column in range(2, len(self.columns))))
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].patient
        if role == SORT_ROLE:
            return self.sort_keys(index.row())[index.column()]
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
        self.search_box.setPlaceholderText(translate("PatientsPanel",
                                                   "Find a patient: name, date of birth, downtime no., IPP or NIR (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.refresh)
        self.search_box.returnPressed.connect(self._focus_table)
        self.ward = WardChoice(session, translate("PatientsPanel", "All wards"))
        self.ward.currentIndexChanged.connect(self.refresh)
        self.empty_beds = QCheckBox(translate("PatientsPanel", "Show &empty beds"))
        self.empty_beds.setChecked(True)
        self.empty_beds.toggled.connect(self.refresh)
        search_label = QLabel(translate("PatientsPanel", "&Find:"))
        search_label.setBuddy(self.search_box)
        ward_label = QLabel(translate("PatientsPanel", "W&ard:"))  # Alt+W is the Ward menu's
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
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table(self.proxy, translate("PatientsPanel", "Patients"), self._open_current)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        self.refresh()

    def reload_wards(self) -> None:
        self.ward.refill()
        self.refresh()

    def current_ward(self) -> str | None:
        return self.ward.currentData()

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
            self.count.setText(translate("PatientsPanel", "{count} patient(s) found for “{text}” (all wards, any status)")
                               .format(count=len(rows), text=text))
        elif self.empty_beds.isChecked():
            rows = [Row(r.ward, r.bed, r.patient) for r in census.census(db, forms, ward=ward)]
            occupied = sum(r.patient is not None for r in rows)
            self.count.setText(translate("PatientsPanel", "{patients} patient(s), {empty} empty bed(s)").format(
                patients=occupied, empty=len(rows) - occupied))
        else:
            rows = [Row(p.ward or "", p.bed, p) for p in census.in_patients(db, forms, ward=ward)]
            self.count.setText(translate("PatientsPanel", "{count} patient(s)").format(count=len(rows)))
        self.model.set_rows(rows)

    def selected_patient(self) -> PatientSummary | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _open_current(self) -> None:
        patient = self.selected_patient()
        if patient is not None:
            self.open_patient.emit(patient)

"""The Patients tab names a patient's operation standing in the next two days, its date, theatre
and fasting times, as the handover sheet does: nothing on the ward's screens said it (R4 D3)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.test_census_standing_operation import _rebooked


def test_the_patients_list_says_the_operation_and_its_fasting(window_for, session_for, admission_values, qtbot):
    from downtime.services import records

    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    panel = window_for(nurse).patients
    qtbot.waitUntil(lambda: any(row.patient and row.patient.patient_id == patient_id for row in panel.model.rows))
    headers = [panel.model.headerData(column, Qt.Orientation.Horizontal) for column in range(panel.model.columnCount())]
    theatre = headers.index("Theatre")
    number = next(n for n, row in enumerate(panel.model.rows) if row.patient and row.patient.patient_id == patient_id)
    assert panel.model.text(number, theatre) == (
        "Hernia repair Sun 29/11 08:00 T2 — nothing to eat from 02:00, clear fluids until 06:00")
    assert not panel.table.isColumnHidden(theatre)
    assert panel.table.rowHeight(number) >= panel.table.sizeHintForRow(number), "wrapped whole, not cut"


def test_the_theatre_column_is_hidden_when_no_one_has_an_operation_coming(window_for, session_for, admission_values,
                                                                           qtbot):
    from downtime.qt.patients_panel import THEATRE
    from downtime.services import records

    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    panel = window_for(nurse).patients
    qtbot.waitUntil(lambda: any(row.patient and row.patient.patient_id == patient_id for row in panel.model.rows))
    assert panel.table.isColumnHidden(THEATRE)

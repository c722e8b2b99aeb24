"""The Patients tab says when a patient arrived on the ward's clock, as the census does: an arrival
at 13:30 typed on a laptop set to UTC, merged here, read "Admitted 28/11 12:30"."""

from downtime.qt.patients_panel import PatientsPanel
from downtime.services import records


def test_the_patients_list_says_the_arrival_on_the_wards_clock(qtbot, session_for, admission_values):
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", {**admission_values,
                                                       "arrival_at": "2026-11-28T12:30+00:00"}).patient_id
    panel = PatientsPanel(nurse)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: any(row.patient and row.patient.patient_id == patient_id for row in panel.model.rows))
    admitted = panel.model.columns.index("Admitted")
    assert panel.model.text(0, admitted) == "28/11 13:30"

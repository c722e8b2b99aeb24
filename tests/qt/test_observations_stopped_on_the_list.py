"""The patient list of a patient whose routine observations the doctor stopped at the end of life:
their NEWS2 column read "Not applicable (under 16)" of a woman of 84."""

from datetime import datetime

from downtime.qt.patients_panel import news2_cell, news2_text
from downtime.services import observations, records
from downtime.services.census import in_patients


def test_observations_stopped_are_said_on_the_patient_list(session_for, medication_ward, forms, clock):
    patient = medication_ward[0]
    doctor = session_for("doctor")
    records.save_new(doctor, "observation_plan", {
        "decided_at": "2026-11-28T14:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "stopped", "cpr_reason": "DNACPR on the paper notes"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T03:00+01:00")
    watch = observations.watches(doctor.db, in_patients(doctor.db, forms, "3B", clock.now), clock.now)[patient]
    assert news2_cell(watch, clock.now) == "No set — observations stopped"
    assert news2_text(watch, clock.now) == "No set — observations stopped"

"""The Patients tab's count of beds says a bed held by a body apart (review R3 D4): it counted
it empty, "0 patient(s), 12 empty bed(s)", under "Show empty beds", as the printed census did."""

from datetime import datetime

from downtime.services import records, wards
from tests.conftest import death_answers


def test_the_patients_tab_counts_a_bed_held_by_a_body_apart(window, session_for, admission_values, listed, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {**admission_values, "bed": "12",
                                                             "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(window.session, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                               "expected": True, "family_informed": True}, patient_id=patient)
    window.patients.reload_wards()
    panel = listed(window.patients)
    assert panel.count.text() == "0 patient(s), 11 empty bed(s), 1 held (deceased)"

"""The observations tab's line for a fall, as the escalation list's: on the ward's clock, and
saying once what its asks say ("head injury not excluded, on an anticoagulant" said before the
asks that say it again), its times an hour off the list's on a laptop whose zone was not the
ward clock's."""

from datetime import timezone

from downtime.services import records


def test_the_observations_tab_says_a_falls_asks_once_on_the_wards_clock(window_for, session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {"fell_at": "2026-11-28T13:20+01:00", "witnessed": "found",
                                               "where": "toilet", "fracture_signs": "none",
                                               "head_injury": "not_excluded", "anticoagulated": True},
                     patient_id=patient)
    clock.now = clock.now.astimezone(timezone.utc)  # the ward's clock at UTC, the laptop's at Paris
    chart = window_for(nurse).open_observations_of(patient)
    assert chart.alarms.text().startswith(
        "Fell 28/11 12:20 (found on the floor): ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell the doctor now "
        "(CT head within 8 hours: by 28/11 20:20); HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now")

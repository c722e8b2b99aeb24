"""A fall's line on the escalation list, on the ward's clock and saying its asks once: with the
laptop's zone unlike the ward clock's, the list read "Fell 29/11 05:30 … by 29/11 13:30" where the
handover read "Fell 29/11 06:30 … by 29/11 14:30" for the same fall, and its "Latest" cell said
"head injury not excluded, on an anticoagulant" again beside the asks that say it."""

from datetime import timezone

from downtime.services import census, chart_alerts, falls, records

FELL = {"fell_at": "2026-11-28T13:20+01:00", "witnessed": "found", "where": "toilet", "fracture_signs": "none",
        "head_injury": "not_excluded", "anticoagulated": True, "injuries": "Bruise over the left eyebrow"}


def test_the_fall_line_reads_the_ward_clock_as_the_handover_does_and_says_its_asks_once(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    clock.now = clock.now.astimezone(timezone.utc)  # the ward's clock at UTC, the laptop's at Paris
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.latest == "Fell 28/11 12:20 (found on the floor)"
    assert alert.said[0] == ("ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell the doctor now (CT head within 8 "
                             "hours: by 28/11 20:20)")
    line = "; ".join([alert.latest, *alert.said])
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(line)

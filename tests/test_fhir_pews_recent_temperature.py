"""A set that took no temperature goes to the EHR with the red flag the chart gave it from the
temperature of the set before (within the hour), as the screen, the escalation list and the printed
chart say it: a baby of 7 weeks at 38.4 °C at 12:00, seen again at 12:30 without a temperature, had
the 12:30 set called "RED FLAG (38 °C or more, younger than 3 months: temperature of the 12:00 set)"
on the ward and exported with no red flag, a PEWS of 3 the EHR had no reason was escalated."""

import json
from datetime import datetime

from downtime.services import pews, records
from downtime.sync.export import export

SET = {"respiratory_rate": 50, "respiratory_effort": "mild", "spo2": 97, "oxygen": "room_air", "heart_rate": 165,
       "systolic_bp": 75, "capillary_refill": "under_3", "consciousness": "alert", "concern": False, "next_in": "60"}


def test_a_set_without_a_temperature_is_exported_with_the_fever_of_the_set_before(session_for, admit_to_paediatrics,
                                                                                    clock, tmp_path):
    clock.now = datetime.fromisoformat("2026-11-28T12:45+01:00")
    baby = admit_to_paediatrics("1", "2026-10-10", 4.6, "Baby")
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:00+01:00", "temperature": 38.4,
                                        "plan_by": "Dr Benali 12:10", "next_in": "120"}, patient_id=baby)
    later = records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:30+01:00"}, patient_id=baby)
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    total = next(entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == later.record_id)
    assert "Red flag: 38 °C or more, younger than 3 months: temperature of the 28/11 12:00 set" in [
        one["text"] for one in total["interpretation"]]

"""The records office's worklist gives a dose's unit in the words the chart prints it in."""

from downtime.services import back_entry, medication
from tests.test_glucose_insulin import glucose_charted


def test_a_dose_line_gives_its_unit_in_the_charts_words(insulin_twice, session_for):
    nurse, first, _ = insulin_twice
    glucose_charted(nurse, first.patient_id, "2026-11-27T21:50+01:00", timing="bedtime")
    dose = medication.record_dose(nurse, first.record_id, {
        "outcome": "given", "given_at": "2026-11-27T22:00+01:00", "scheduled_for": "2026-11-27T22:00+01:00",
        "dose_given": 18.0, "route": "SC"}, witness=("doctor", "2222"))
    labels = {item.record.record_id: item.label for group in back_entry.worklist(session_for("records", "fr"))
              for item in group.items}
    assert "18 unités" in labels[dose.record_id] and "units" not in labels[dose.record_id]

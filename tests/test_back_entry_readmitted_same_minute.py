"""A patient discharged and readmitted at the same minute (a day case kept in overnight, whom the
EHR gives a new stay; the census takes it: a bed left and taken at the same minute is free). On
the records office's list the first stay's 14:00 discharge came after the second stay's admission
and its 14:30 observations: typed top to bottom, the EHR, given the second admission with the
first stay still open, then closed the second stay with the first's discharge."""

from downtime.services import back_entry, records
from tests.test_back_entry_conflicts_across_laptops import OBSERVATIONS


def test_the_first_stays_discharge_comes_before_the_readmission_of_the_same_minute(session_for, patient, clock,
                                                                                  admission_values):
    nurse, clerk = session_for("nurse"), session_for("records")
    records.save_new(nurse, "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T11:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T14:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.advance(minutes=1)
    records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": [], "ward": "3B",
                                          "bed": "4", "arrival_at": "2026-11-28T14:00+01:00"}, patient_id=patient)
    clock.advance(minutes=30)
    records.save_new(nurse, "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T14:30+01:00"}, patient_id=patient)
    (group,) = back_entry.worklist(clerk)
    assert [(item.record.form_id, f"{item.record.occurred_at:%H:%M}") for item in group.items] == [
        ("admission", "09:00"), ("observations", "11:00"), ("discharge", "14:00"), ("admission", "14:00"),
        ("observations", "14:30")]

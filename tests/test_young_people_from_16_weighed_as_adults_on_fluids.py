"""NICE NG29's daily weight on IV fluids is for children and young people under 16: from the 16th
birthday the adults' guideline (CG174) applies, and a 17-year-old on sodium chloride 0.9% with
glucose 5% for a day was told "WEIGH THE CHILD … (NICE NG29: a daily weight)" (review T2 D4)."""

from downtime.services import census, records, since_admission
from tests.test_child_weight_goes_out_of_date import MAINTENANCE


def test_a_17_year_old_on_iv_fluids_is_not_asked_ng29s_daily_weight(session_for, clock, admit_to_paediatrics):
    nurse = session_for("nurse")
    seventeen = admit_to_paediatrics("3", "2009-06-01", 60.0, "Lou")
    fifteen = admit_to_paediatrics("4", "2011-06-01", 60.0, "Max")
    for patient in (seventeen, fifteen):
        records.save_new(session_for("doctor"), "medication_order", MAINTENANCE, patient_id=patient)
    clock.advance(days=2)
    inside = [census.patient_with_location(nurse.db, nurse.forms, patient) for patient in (seventeen, fifteen)]
    lines = since_admission.handover(nurse.db, inside, clock.now, "en")
    assert "NICE NG29" not in lines.get(seventeen, "")
    assert "NICE NG29: a daily weight" in lines[fifteen]

"""Where a child's weight out of date is asked (review s66 R1 D5): the handover sheet says to weigh
a child on IV fluids whose weight is a day old (NICE NG29), and a baby's order by weight on a
weight more than 7 days old is asked with the weight's day (weight.old_weight_refusal)."""

import pytest

from downtime.services import census, medication, records, since_admission
from tests.test_child_gentamicin_ceiling import ORDER
from tests.test_child_weight_goes_out_of_date import MAINTENANCE


def test_the_handover_asks_to_weigh_a_child_on_iv_fluids_a_day_on(session_for, clock, admit_to_paediatrics):
    nurse = session_for("nurse")
    toddler = admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")
    records.save_new(session_for("doctor"), "medication_order", MAINTENANCE, patient_id=toddler)
    clock.advance(days=2)
    inside = [census.patient_with_location(nurse.db, nurse.forms, toddler)]
    assert since_admission.handover(nurse.db, inside, clock.now, "en")[toddler].endswith(
        "WEIGH THE CHILD: 12 kg on admission (27/11/2026), more than 24 hours ago on IV fluids (NICE NG29: a daily "
        "weight) (their doses are worked out from it)")


def test_a_babys_gentamicin_on_a_six_week_old_weight_is_asked_with_its_day(session_for, clock, admit_to_paediatrics):
    baby = admit_to_paediatrics("4", "2026-08-20", 5.0, "Lea")
    doctor = session_for("doctor")
    clock.advance(days=42)
    later = {**ORDER, "dose": 35.0, "start_at": "2027-01-09T08:00+01:00", "review_at": "2027-01-11T12:00+01:00"}
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", later, patient_id=baby)
    assert "35 mg for 5 kg (weighed 27/11, more than 42 days ago)" in asked.value.text("en")
    saved = records.save_new(doctor, "medication_order", {**later, medication.DOSE_REASON: "Weighed 5.6 kg today"},
                             patient_id=baby)
    assert saved.data[medication.DOSE_REASON] == "Weighed 5.6 kg today"


@pytest.mark.parametrize("drug, unit, route", [("Gentamicin 0.3% eye drops", "drop", "EYE"),
                                               ("Gentamicin 0.3% ear drops", "drop", "EAR")])
def test_a_babys_drops_go_by_no_weight_and_are_not_asked(session_for, clock, admit_to_paediatrics, drug, unit, route):
    """Gentamicin goes by the weight only by vein or IM (dose_limits: weighed_routes); its drops
    were asked "a baby under 1 year is dosed on a weight" (S8 S3)."""
    baby = admit_to_paediatrics("4", "2026-07-20", 6.0, "Lea")
    clock.advance(days=10)
    start = clock.now.isoformat(timespec="minutes")
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": 2, "dose_unit": unit, "route": route, "frequency": "scheduled", "times": "08:00",
        "start_at": start, "controlled": False, "high_alert": False, "side": "bilateral"}, patient_id=baby)

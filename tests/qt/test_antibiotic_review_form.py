"""The order form refuses a new antibiotic's stop a year on, or its review a month on, on the
field, and saves it once the prescriber writes why in the form's own box (review R8, defect 4;
see tests/test_antimicrobial_review.py)."""

import pytest

from downtime.services import medication, records

CEFTRIAXONE = {"drug": "Ceftriaxone", "dose": 2.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
               "times": "08:00", "high_alert": False, "controlled": False, "start_at": "2026-11-28T15:00+01:00"}


@pytest.mark.parametrize(("written", "field", "said"), [
    ({"stop_at": "2027-11-28T15:00+01:00"}, "stop_at",
     "⚠ Antibiotic: a stop more than 14 days after its start is no course's length decided"),
    ({"review_at": "2026-12-28T15:00+01:00"}, "review_at",
     "⚠ Antibiotic: review it within 72 hours of its start, or of its typing if later, by 01/12/2026 15:00")])
def test_the_prescriber_reads_why_on_the_field_and_saves_once_the_reason_is_written(
        order_form_on_bed_12, qtbot, session_for, medication_ward, answers, written, field, said):
    window, view = order_form_on_bed_12(session_for("doctor"))
    for field_id, value in {**CEFTRIAXONE, **written}.items():
        view.editors[field_id].set_value(value)
    view.save()
    patient, _, _ = medication_ward
    assert view.record is None and "Ceftriaxone" not in {
        order.drug for order in medication.orders(window.session.db, patient, window.session.clock())}
    assert not view.error_labels[field].isHidden() and view.error_labels[field].text().startswith(said)
    qtbot.keyClicks(view.editors["review_reason"].widget, "Endocarditis: 6 weeks IV, microbiology advice")
    view.save()
    assert view.record is not None
    assert records.current(window.session.db, view.record.record_id).data["review_reason"] == (
        "Endocarditis: 6 weeks IV, microbiology advice")

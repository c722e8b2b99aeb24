"""Times of the bowel chart, the MUST screening and the Braden a turning plan is refused by, and
the day of a weight, are said on the ward's clock, whatever offset they were stored with: lines typed on a laptop set to
UTC and merged here read an hour early, the bowel chart's header disagreeing with its own table."""

from datetime import datetime

import pytest

from downtime.services import bowels, census, nutrition, printing, records, repositioning, weight
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text

UTC_LOOSE = {"opened": "opened", "stool_type": "7", "amount": "medium", "known_cause": False, "seen": ["blood"]}


def test_the_bowel_chart_says_its_times_on_the_ward_clock(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    for hour in (9, 10, 11):  # 10:00, 11:00, 12:00 in Paris
        records.save_new(nurse, bowels.FORM, {**UTC_LOOSE, "charted_at": f"2026-11-28T{hour:02d}:00+00:00",
                                              "sample_sent": hour == 11}, patient_id=patient)
    lines, spec, at = bowels.chart(nurse.db, patient), nurse.form(bowels.FORM), nurse.clock()
    assert bowels.asking(lines, spec, at, "en") == [
        ("3 LOOSE STOOLS IN 24 HOURS (since 28/11 10:00): isolate in a side room, gloves and apron, wash hands with "
         "soap and water, tell the doctor"),
        "BLOOD IN THE STOOL (Fresh blood, 28/11 12:00): tell the doctor now"]
    assert bowels.state(lines, spec, at, "en") == ("last opened 28/11 12:00 (type 7, Medium); stool sample sent "
                                                   "28/11 12:00")
    printed = " ".join(pdf_text(printing.print_bowel_chart(nurse, patient, tmp_path / "b.pdf")).split())
    assert "Last opened 28/11 12:00" in printed and "(Fresh blood, 28/11 12:00)" in printed


def test_the_must_screening_is_said_on_the_ward_clock(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "nutrition_screening", {"screened_at": "2026-11-28T09:00+00:00", "weight_kg": 61.5,
                                                    "weight_method": "measured", "height_cm": 170,
                                                    "weight_loss": "5_to_10", "acute_no_intake": False},
                     patient_id=patient)
    at = nurse.clock()
    said = nutrition.handover(nurse.db, census.in_patients(nurse.db, nurse.forms, at=at), at, "en")[patient]
    assert said.endswith("(BMI 21.3, 28/11 10:00)")
    assert nutrition.handed_on(nurse.db, nurse.forms, patient, at, "en") == [said]


def test_a_turning_plan_too_seldom_names_the_braden_on_the_ward_clock(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", {"assessed_at": "2026-11-28T09:30+00:00", "sensory": "2",
                                                  "moisture": "2", "activity": "1", "mobility": "2", "nutrition": "2",
                                                  "friction": "1"}, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, repositioning.FORM, {"turned_at": "2026-11-28T11:00+01:00", "position": "left",
                                                     "skin": "intact", "next_in": "6"}, patient_id=patient)
    assert "(28/11 10:30)" in refused.value.errors[0].message


def test_a_weights_day_is_the_wards():
    """Weighed at 00:30 on the 29th on a laptop set to UTC: it read "weighed 28/11/2026" beside a
    dose per kilogram, a day off the baby's 7-day rule, which counts on the ward's day."""
    weighed = weight.Weighed(61.0, datetime.fromisoformat("2026-11-28T23:30+00:00"), "measured", "r1")
    assert weighed.text("en") == "61 kg weighed 29/11/2026" and weighed.text("fr") == "61 kg pesé le 29/11/2026"

"""The printed fall record names the medication chart's anticoagulant beside the form's "On
anticoagulant treatment: No": the lists, the handover and the export count the chart's apixaban,
and the copy filed in the notes and sent with the incident report printed "☒ No", naming none."""

from datetime import datetime

from downtime.services import printing, records
from tests.pdf_text import pdf_text

APIXABAN = {"drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "08:00 20:00", "start_at": "2026-11-27T16:00+01:00", "controlled": False, "high_alert": True}
FELL = {"fell_at": "2026-11-28T02:00+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False}


def test_a_fall_left_not_anticoagulated_prints_the_charts_anticoagulant(session_for, patient_on_the_clock, tmp_path):
    patient = patient_on_the_clock(datetime(2026, 11, 28, 3, 0), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", APIXABAN, patient_id=patient)
    fall = records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    text = pdf_text(printing.print_record(nurse, fall.record_id, tmp_path / "fall.pdf"))
    assert "On anticoagulant treatment" in text
    assert "No on this form, but the medication chart had Apixaban at the fall" in text


def test_a_fall_answered_yes_or_with_no_anticoagulant_charted_prints_nothing_more(session_for, patient_on_the_clock,
                                                                                 tmp_path):
    patient = patient_on_the_clock(datetime(2026, 11, 28, 3, 0), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    assert "medication chart had" not in pdf_text(printing.print_record(nurse, fall.record_id, tmp_path / "a.pdf"))
    records.save_new(session_for("doctor"), "medication_order", APIXABAN, patient_id=patient)
    records.amend(nurse, fall.record_id, {**FELL, "anticoagulated": True}, "On apixaban")
    assert "medication chart had" not in pdf_text(printing.print_record(nurse, fall.record_id, tmp_path / "b.pdf"))

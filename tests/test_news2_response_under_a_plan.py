"""A set's printed NEWS2 says the doctor's plan in place of the RCP's response when the plan
limits escalation (comfort care, a ward ceiling): a dying patient's printed set read "consider
transfer to a higher level of care (HDU or ICU)"."""

import pytest

from downtime.domain.news2 import CLINICAL_RESPONSE, Band
from downtime.pdf.forms import filled_form_pdf
from downtime.services import observations, printing, records, wards
from downtime.services.census import patient_for_record
from downtime.services.laptops import authors
from tests.pdf_text import pdf_text

HIGH_SET = {"taken_at": "2026-11-28T13:50+01:00", "respiratory_rate": 30, "spo2": 88, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 85, "diastolic_bp": 50, "pulse": 125, "consciousness": "voice",
            "temperature": 35.2}


@pytest.mark.parametrize(("escalation", "frequency", "limits"), [
    ("comfort", "stopped", True), ("ward_ceiling", "four_hourly", True), ("full", "four_hourly", False)])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_printed_high_set_says_the_plan_limiting_escalation(session_for, admission_values, clock, tmp_path,
                                                              escalation, frequency, limits, lang):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse", lang)
    patient = records.save_new(nurse, "admission", {
        **admission_values, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
        "resuscitation_decided_at": "2026-11-28T10:40+01:00"}).patient_id
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T11:00+01:00", "decided_by": "Dr Benali", "escalation": escalation,
        "frequency": frequency, "discussed_with": "daughter"}, patient_id=patient)
    saved = records.save_new(nurse, "observations", HIGH_SET, patient_id=patient)
    about = patient_for_record(nurse.db, nurse.forms, saved)
    plan = observations.plans(nurse.db, [about], saved.occurred_at)[patient]
    out = filled_form_pdf(nurse.form("observations"), saved, about, tmp_path / "set.pdf", lang=lang,
                          printed_by="Nurse", printed_at=clock.now, device_name="Ward 3B laptop", history=[saved],
                          authors=authors(nurse), laptops={}, plan=plan)
    text, rcp = pdf_text(out), " ".join(CLINICAL_RESPONSE[Band.HIGH][lang].split())
    assert "NEWS2 15" in text
    if limits:
        assert " ".join(plan.text(lang, clock.now.tzinfo).split()) in text and rcp not in text
    else:
        assert rcp in text


def test_print_record_of_a_set_says_the_plan_standing_when_it_was_taken(session_for, admission_values, tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {
        **admission_values, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
        "resuscitation_decided_at": "2026-11-28T10:40+01:00"}).patient_id
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T11:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "stopped", "discussed_with": "daughter"}, patient_id=patient)
    saved = records.save_new(nurse, "observations", HIGH_SET, patient_id=patient)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "set.pdf"))
    assert "Comfort care (Dr Benali, 28/11 11:00)" in text and "HDU or ICU" not in text

"""The pain chart's times are said on the ward's clock, whatever offset they were stored with, and a
child's age is the one on the ward's day: a line typed on a laptop set to UTC and merged here read
an hour early on the chart, the handover sheet, the escalation list and the letters, and a dose
given at 13:45 read "given 28/11 12:45; reassess by 28/11 14:45"."""

import pytest

from downtime.services import census, chart_alerts, medication, pain, printing, records
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text

PAIN = {"scale": "numeric", "score_numeric": 3, "where": "Right hip", "action": ["analgesia"], "reassess_in": "60",
        "sedation": "2", "breathing_rate": 8}
STOP = "SEDATION 2/3, BREATHING 8/min at 28/11 13:30: stop the opioid, call the doctor, naloxone as prescribed"


def test_a_line_typed_on_a_laptop_set_to_utc_reads_on_the_wards_clock(session_for, patient, clock, tmp_path):
    """12:30 UTC is 13:30 in Paris: the drowsy line, then a 13:40 line scoring the pain alone."""
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T12:30+00:00"}, patient_id=patient)
    records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T12:40+00:00", "sedation": None,
                                                "breathing_rate": None, "action": ["non_drug"]}, patient_id=patient)
    lines = pain.chart(nurse.db, patient)
    assert [one.when("en") for one in lines] == ["28/11 13:30", "28/11 13:40"]
    assert lines[-1].asks(spec, clock(), "en")[0] == STOP
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "en")[patient].startswith(
        f"PAIN: 3/10 (Right hip), Position, cold or heat, reassurance at 28/11 13:40; {STOP}")
    assert pain.handed_on(nurse.db, nurse.forms, patient, clock(), "en")[0] == (
        "3/10 (Right hip), Position, cold or heat, reassurance at 28/11 13:40")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", clock())
    assert [(alert.latest, alert.said[0]) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, clock(), "en", ward="3B").alerts if alert.form_id == pain.FORM] == [
        ("3/10 (Right hip), Position, cold or heat, reassurance 28/11 13:40", STOP)]
    printed = " ".join(pdf_text(printing.print_pain_chart(nurse, patient, tmp_path / "pain.pdf")).split())
    assert "28/11 13:30 3/10 Right hip" in printed and "12:30" not in printed


def test_a_dose_given_on_a_laptop_set_to_utc_reads_on_the_wards_clock(session_for, medication_ward, clock):
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    paracetamol = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 6, "max_doses_24h": 4, "start_at": "2026-11-27T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    medication.record_dose(nurse, paracetamol, {"outcome": "given", "given_at": "2026-11-28T12:45+00:00",
                                                "given_for": "pain 7/10", "dose_given": 1.0, "route": "PO"})
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "en")[patient] == (
        "PAIN: not assessed; Paracetamol (PO) given 28/11 13:45; reassess by 28/11 14:45")


@pytest.mark.parametrize("at", ["2026-11-28T00:30+01:00", "2026-11-27T23:30+00:00"],
                         ids=["ward's clock", "laptop set to UTC"])
def test_a_child_six_today_gives_a_number_however_the_laptops_clock_is_set(session_for, admission_values, at):
    """Born 28/11/2020, scored at 00:30 on her sixth birthday: saved, and typed on a laptop set to
    UTC (23:30 on the 27th there) it was refused as a child of five's."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "5C", "Paediatrics", [str(n) for n in range(1, 9)])
    nurse = session_for("nurse")
    child = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Léa", "sex": "female", "birth_date": "2020-11-28", "nir": None,
        "identity_status": "provisional", "identity_document": None, "weight_kg": 20.0, "height_cm": 115,
        "ward": "5C", "bed": "5", "arrival_at": "2026-11-27T22:00+01:00", "reason": "Appendicectomy"}).patient_id
    records.save_new(nurse, "pain_assessment", {"assessed_at": at, "scale": "numeric", "score_numeric": 5,
                                                "action": ["non_drug"], "reassess_in": "60"}, patient_id=child)
    with pytest.raises(ValidationFailed) as refused:  # the day before, she was five
        records.save_new(nurse, "pain_assessment", {"assessed_at": "2026-11-27T23:50+01:00", "scale": "numeric",
                                                    "score_numeric": 5, "action": ["non_drug"], "reassess_in": "60"},
                         patient_id=child)
    assert [error.path for error in refused.value.errors] == ["scale"]

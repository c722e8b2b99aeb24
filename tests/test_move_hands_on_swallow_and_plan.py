"""A move to another ward (the internal transfer, version 4) hands on what the letters leaving the
hospital were given in their versions 5 to 7: a stroke patient nil by mouth after a failed swallow
screen, on comfort care, moved to a ward on another laptop with a sheet listing levetiracetam PO,
"For resuscitation" and no word of either; the receiving nurse gave the tablet by mouth and
called the outreach team."""

from datetime import datetime

from downtime.services import prefill, printing, records, swallow_screen
from tests.pdf_text import pdf_text
from tests.test_swallow_screen import LEVETIRACETAM, REFERRED


def test_a_move_starts_with_the_swallow_screen_and_the_escalation_plan_and_prints_them(session_for, medication_ward,
                                                                                      clock, tmp_path):
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, "medication_order", LEVETIRACETAM, patient_id=patient)
    records.save_new(nurse, swallow_screen.FORM, REFERRED, patient_id=patient)
    records.save_new(doctor, "observation_plan", {
        "decided_at": "2026-11-28T14:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "stopped", "cpr_reason": "DNACPR on the paper notes"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    first = prefill.first_answers(nurse, nurse.form("transfer"), patient)
    assert first["swallow"] == ("SWALLOW SCREEN FAILED 28/11 10:20 — nil by mouth, no medicines by mouth; "
                                "SLT referred 28/11 10:40")
    assert first["escalation_plan"].startswith("Comfort care (Dr Benali, 28/11/2026 14:00)")
    moved = records.save_new(nurse, "transfer", {**first, "moved_at": "2026-11-28T15:00+01:00", "to_ward": "3B",
                                                 "to_bed": "4", "reason": "Side room"}, patient_id=patient)
    assert moved.form_version == 4
    printed = " ".join(pdf_text(printing.print_record(nurse, moved.record_id, tmp_path / "move.pdf")).split())
    assert "SWALLOW SCREEN FAILED 28/11 10:20 — nil by mouth" in printed
    assert "Escalation plan (comfort care, ceiling of treatment) Comfort care (Dr Benali" in printed

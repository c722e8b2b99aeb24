"""A letter's child's age and weight, and a fluid plan's reason a child's volume is above their
weight's, are printed only where answered (prefill.answered_asked, S8 S4): every adult's letter
printed "A child's age and weight (their doses are worked out from it): —" and every adult's plan
the child's reason, read as "no weight" and as a question left unanswered."""

from downtime.services import fluid_balance, prefill, printing, records
from tests.pdf_text import pdf_text
from tests.test_child_fluid_plan_per_kg import PLAN
from tests.test_child_letters_carry_the_weight import DISCHARGE


def _printed(session, record_id: str, tmp_path) -> str:
    return " ".join(pdf_text(printing.print_record(session, record_id, tmp_path / "printed.pdf")).split())


def test_an_adults_letter_and_plan_print_no_childs_field(session_for, patient, tmp_path):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    letter = records.save_new(nurse, "discharge", DISCHARGE, patient_id=patient)
    assert "A child's age and weight" not in _printed(nurse, letter.record_id, tmp_path)
    plan = records.save_new(doctor, "fluid_plan", PLAN, patient_id=patient)
    assert "Why a child's volume" not in _printed(doctor, plan.record_id, tmp_path)


def test_a_childs_plan_prints_the_reason_given(session_for, admit_to_paediatrics, tmp_path):
    doctor = session_for("doctor")
    baby = admit_to_paediatrics("4", "2026-07-20", 6.1, "Lea")
    plan = records.save_new(doctor, "fluid_plan", {**PLAN, "volume": 1500, fluid_balance.PLAN_REASON: "Renal team"},
                            patient_id=baby)
    assert "Why a child's volume is above their weight's (kept in the record) Renal team" in _printed(
        doctor, plan.record_id, tmp_path)
    assert prefill.answered_asked(plan.data) == {prefill.CHILD_WEIGHT: False}

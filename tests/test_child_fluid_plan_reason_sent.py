"""A child's fluid plan above their weight's keeps the doctor's reason on the records office's
worklist line and in the EHR's NutritionOrder (review s66 T4 D2): the reason asked of the doctor
reached only the CSV, and the EHR was sent 246 mL/kg a day for a 6.1 kg baby with no reason, where
an infusion's rate above a child's maintenance sends its own."""

import json

from downtime.services import fluid_balance, records
from downtime.sync.export import export
from tests.test_child_fluid_plan_per_kg import PLAN

REASON = "Dehydrated, catch-up over 24 h"


def test_the_reason_is_on_the_line_and_in_the_nutrition_orders_instruction(session_for, admit_to_paediatrics, tmp_path):
    baby = admit_to_paediatrics("4", "2026-07-20", 6.1, "Lea")
    saved = records.save_new(session_for("doctor"), "fluid_plan",
                             {**PLAN, "volume": 1500, fluid_balance.PLAN_REASON: REASON}, patient_id=baby)
    office = session_for("records")
    assert f"(kept in the record): {REASON}" in records.record_label(office, saved)
    assert f"(conservé dans le dossier) : {REASON}" in records.record_label(session_for("records", "fr"), saved)
    bundle = json.loads((export(office, tmp_path / "stick").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (order,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "NutritionOrder"]
    assert order["oralDiet"]["instruction"] == f"Decided by Dr Benali. Volume above the child's maintenance: {REASON}"

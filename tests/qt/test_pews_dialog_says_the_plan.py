"""A child's PEWS set saved under a doctor's plan limiting escalation (comfort care, a ward
ceiling): the dialog on saving says the plan after what the set asks, as the escalation list's
PEWS line says it and as NEWS2's dialog gives the plan (observations.limiting); it said only "call
the doctor to review the child now" of a dying child (review s67 F2)."""

import pytest

from downtime.services import pews, records
from tests.test_pews_escalation import BABY, URGENT, _admit

ASKS = "PEWS 9 (8 or more): call the doctor to review the child now"


@pytest.mark.parametrize(("escalation", "frequency", "plan"), [
    ("comfort", "twelve_hourly", ("Comfort care (Dr Benali, 28/11 12:00): observations as agreed, escalate for comfort "
                                  "only; observations every 12 hours")),
    ("ward_ceiling", "hourly", ("Ward-based care, not for ICU (Dr Benali, 28/11 12:00): tell the medical team as the "
                                "score asks; no transfer to critical care; observations every hour")),
    ("full", "hourly", None)])
def test_the_pews_dialog_says_a_plan_limiting_escalation(window, session_for, admission_values, answers, escalation,
                                                         frequency, plan):
    child = _admit(session_for, admission_values, BABY)
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T12:00+01:00", "decided_by": "Dr Benali", "escalation": escalation,
        "frequency": frequency, **({"cpr_reason": "DNACPR on the paper notes"} if escalation == "comfort" else {})},
        patient_id=child)
    records.save_new(window.session, pews.FORM, {**URGENT, "taken_at": "2026-11-28T13:50+01:00"}, patient_id=child)
    (info,) = [text for kind, text in answers[1] if kind == "info"]
    assert info.endswith(f"\n\n{ASKS}" if plan is None else f"\n\n{ASKS}\n{plan}"), info

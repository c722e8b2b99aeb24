"""A PEWS line calling the doctor comes first on the escalation list only while the call is
unanswered: no doctor's review (`plan_by`) on the calling set or a later one, and no standing
observation plan limiting the response (comfort care, a ward ceiling; said on the line, as NEWS2's
list says it). A PEWS 9 reviewed at the bedside by Dr Benali, and a dying child on comfort care,
stayed at the top of the list until a set scored lower (S4 S3)."""

from datetime import datetime

import pytest

from downtime.services import census, chart_alerts, pews, records
from tests.test_pews_escalation import BABY, URGENT, _admit

REVIEWED = {"plan_by": "Dr Benali 13:55", "notes": "Dr Benali told 13:52, reviewed at the bedside"}


def _pews_line(nurse, at):
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "5C", at), at, "en",
                                ward="5C").alerts
    (line,) = [alert for alert in found if alert.form_id == pews.FORM]
    return line


def test_a_pews_call_reviewed_by_a_doctor_is_no_longer_urgent_until_a_later_set_calls_again(session_for,
                                                                                           admission_values, clock):
    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, BABY)
    records.save_new(nurse, pews.FORM, {**URGENT, **REVIEWED, "taken_at": "2026-11-28T13:50+01:00"}, patient_id=child)
    assert not _pews_line(nurse, nurse.clock()).urgent
    clock.now = datetime.fromisoformat("2026-11-28T14:55+01:00")
    records.save_new(nurse, pews.FORM, {**URGENT, "taken_at": "2026-11-28T14:50+01:00"}, patient_id=child)
    assert _pews_line(nurse, clock.now).urgent  # the 14:50 set calls again, reviewed by no one


def test_an_unanswered_pews_call_is_urgent(session_for, admission_values):
    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, BABY)
    records.save_new(nurse, pews.FORM, {**URGENT, "taken_at": "2026-11-28T13:50+01:00"}, patient_id=child)
    assert _pews_line(nurse, nurse.clock()).urgent


@pytest.mark.parametrize(("escalation", "frequency", "said"), [
    ("comfort", "twelve_hourly", "Comfort care (Dr Benali, 28/11 12:00): observations as agreed, escalate for comfort "
                                 "only; observations every 12 hours"),
    ("ward_ceiling", "hourly", "Ward-based care, not for ICU (Dr Benali, 28/11 12:00): tell the medical team as the "
                               "score asks; no transfer to critical care; observations every hour")])
def test_a_pews_call_of_a_child_whose_plan_limits_escalation_is_not_urgent_and_says_the_plan(
        session_for, admission_values, escalation, frequency, said):
    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, BABY)
    records.save_new(nurse, pews.FORM, {**URGENT, "taken_at": "2026-11-28T13:50+01:00"}, patient_id=child)
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T12:00+01:00", "decided_by": "Dr Benali", "escalation": escalation,
        "frequency": frequency, **({"cpr_reason": "DNACPR on the paper notes"} if escalation == "comfort" else {})},
        patient_id=child)
    line = _pews_line(nurse, nurse.clock())
    assert not line.urgent and line.said[-1] == said

"""The plan limiting a child's escalation is read by one reader (observations.limiting) for the
escalation list's PEWS line and the dialog on saving a set: the list filtered the plans itself
beside it, so a change to which plans limit would have reached the dialog alone (review s67 S3)."""

from downtime.services import census, chart_alerts, observations, pews, records
from tests.test_pews_escalation import BABY, URGENT, _admit

PLAN = ("Comfort care (Dr Benali, 28/11 12:00): observations as agreed, escalate for comfort only; observations every "
        "12 hours")


def test_the_pews_line_says_the_plan_observations_limiting_reads(session_for, admission_values, monkeypatch):
    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, BABY)
    records.save_new(nurse, pews.FORM, {**URGENT, "taken_at": "2026-11-28T13:50+01:00"}, patient_id=child)
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T12:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "twelve_hourly", "cpr_reason": "DNACPR on the paper notes"}, patient_id=child)
    asked: list[list[str]] = []
    reader = observations.limiting

    def limiting(db, patients, at):
        asked.append([patient.patient_id for patient in patients])
        return reader(db, patients, at)

    monkeypatch.setattr(observations, "limiting", limiting)
    at = nurse.clock()
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "5C", at), at, "en",
                                ward="5C").alerts
    (line,) = [alert for alert in found if alert.form_id == pews.FORM]
    assert line.said[-1] == PLAN and not line.urgent
    assert [child] in asked

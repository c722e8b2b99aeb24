"""The escalation list asks the prescriber for the medicines taken before admission no order
covers: at once for a time-critical one (NPSA RRR009, Parkinson's UK "Get It On Time"), every one
a day after admission (NICE NG5 1.3.4); the list is read again when the day is up."""

from datetime import datetime

from downtime.services import census, chart_alerts, medication
from tests.test_home_medicines_reconciled_on_the_ward import admitted  # noqa: F401 (a fixture)


def _asked(session, at: datetime) -> tuple[list[chart_alerts.ChartAlert], datetime | None]:
    inside = [row.patient for row in census.census(session.db, session.forms, ward="3B", at=at) if row.patient]
    found = chart_alerts.alerts(session.db, session.forms, inside, at, "en", ward="3B")
    return [one for one in found.alerts if one.latest == "Medicines taken before admission"], found.next_due


def test_the_levodopa_at_once_urgent_every_home_medicine_after_a_day(session_for, admitted, clock):  # noqa: F811
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    (hour_in,), next_due = _asked(nurse, clock.now)
    assert hour_in.urgent and hour_in.form_id == medication.ORDER_FORM
    assert "Co-careldopa 25/100 1 tab 06:00 10:00 14:00 18:00 22:00 (TIME-CRITICAL: prescribe now)" in hour_in.said[0]
    assert "Apixaban" not in hour_in.said[0]
    assert next_due is not None and next_due <= datetime.fromisoformat("2026-11-29T09:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    (day_in,), _ = _asked(nurse, clock.now)
    assert "Apixaban 5 mg bd; Metformin 1 g bd; Ramipril 10 mg od: prescriber to chart" in day_in.said[0]

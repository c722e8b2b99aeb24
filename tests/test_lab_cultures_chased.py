"""Cultures are chased when a culture's first report can come (48 hours, UKHSA SMI B 37), not at an
urgent sample's 2 hours: blood cultures sent with a lactate for sepsis at 11:40, the lactate back at
12:10, read at 14:00 "NOT ALL BACK since 28/11 13:40 (Blood cultures awaited): phone the
laboratory", on every patient screened for sepsis."""

from datetime import datetime, timedelta

from downtime.domain.lab_results import back_by
from downtime.services import census, chart_alerts, lab_results, records
from tests.test_lab_results import PHONED, SAMPLE

SEPSIS = {**SAMPLE, "tests": ["blood_cultures", "lactate"], "other_tests": ""}
LACTATE = {**PHONED, "test": "Lactate", "result": "1.4", "range": "0.5–2.2", "flag": "normal",
           "received_at": "2026-11-28T12:10+01:00", "gives": ["lactate"]}


def test_blood_cultures_left_awaited_are_not_chased_at_the_lactates_2_hours(session_for, patient, clock):
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", SEPSIS, patient_id=patient)
    records.save_new(nurse, "lab_result", {**LACTATE, "request": sample.record_id}, patient_id=patient)
    [sent] = lab_results.samples(nurse.db, patient)
    assert sent.state(nurse.form("lab_request"), clock(), "en") == "Blood cultures still awaited, due by 30/11 11:40"
    inside = census.in_patients(nurse.db, nurse.forms, "3B", clock())
    assert [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, clock(), "en", ward="3B").alerts
            if alert.form_id == "lab_request"] == []
    clock.advance(days=2)
    assert sent.state(nurse.form("lab_request"), clock(), "en") == (
        "NOT ALL BACK since 30/11 11:40 (Blood cultures awaited): phone the laboratory")


def test_a_sample_is_chased_by_the_earliest_of_its_tests_still_awaited():
    """The lactate beside the cultures is chased at the sample's 2 hours while it is awaited; a
    routine urine culture at 48 hours, not the routine 24."""
    taken = datetime.fromisoformat("2026-11-28T11:40+01:00")
    assert back_by(taken, True, ["blood_cultures", "lactate"]) - taken == timedelta(hours=2)
    assert back_by(taken, True, ["blood_cultures"]) - taken == timedelta(hours=48)
    assert back_by(taken, False, ["urine"]) - taken == timedelta(hours=48)
    assert back_by(taken, False, ["fbc", "urine"]) - taken == timedelta(hours=24)
    assert back_by(taken, True) - taken == timedelta(hours=2)

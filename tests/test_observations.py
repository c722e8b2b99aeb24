"""Observations scored with NEWS2 from what was recorded: per set, over time, and the ward's
list of patients who need escalating."""

import pytest

from downtime.domain.news2 import Band
from downtime.services import observations, records, wards
from downtime.services.errors import ValidationFailed

# The RCP worked example: RR 22 (2), SpO2 95 on air scale 1 (1), BP 105 (1), pulse 115 (2),
# alert (0), temperature 38.3 (1): total 7, high.
HIGH = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
        "temperature": 38.3}
CALM = {**HIGH, "taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 16, "spo2": 97, "systolic_bp": 125,
        "pulse": 72, "temperature": 36.8}


@pytest.fixture
def ward(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values).patient_id
    second = records.save_new(nurse, "admission", {**admission_values, "nir": None, "birth_name": "Durand",
                                                   "used_name": None, "bed": "13"}).patient_id
    return nurse, first, second


def test_each_set_is_scored_and_the_chart_runs_in_time_order(ward):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", HIGH, patient_id=patient)
    records.save_new(nurse, "observations", CALM, patient_id=patient)
    chart = observations.chart(nurse.db, patient)
    assert [(s.news2.total, s.news2.band) for s in chart] == [(0, Band.LOW), (7, Band.HIGH)]
    assert observations.band_text(chart[-1].news2, "en") == "NEWS2 7 — HIGH"


def test_an_amended_set_is_rescored_and_a_withdrawn_one_leaves_the_chart(ward):
    nurse, patient, _ = ward
    saved = records.save_new(nurse, "observations", HIGH, patient_id=patient)
    records.amend(nurse, saved.record_id, {**HIGH, "respiratory_rate": 18}, "rate misread")
    assert observations.chart(nurse.db, patient)[0].news2.total == 5
    records.mark_entered_in_error(nurse, saved.record_id, "wrong patient")
    assert observations.chart(nurse.db, patient) == []


def test_a_missing_parameter_is_named_not_scored_as_normal(ward):
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", {**CALM, "temperature": None}, patient_id=patient)
    (found,) = observations.chart(nurse.db, patient)
    assert not found.news2.complete
    assert observations.band_text(found.news2, "en") == "NEWS2 0 — Low (incomplete: temperature not taken)"


def test_impossible_readings_are_refused_by_the_form(ward):
    nurse, patient, _ = ward
    with pytest.raises(ValidationFailed, match="Respiration rate"):
        records.save_new(nurse, "observations", {**HIGH, "respiratory_rate": 220}, patient_id=patient)


def test_the_escalation_list_holds_latest_scores_above_low_highest_first(ward, forms):
    nurse, first, second = ward
    records.save_new(nurse, "observations", HIGH, patient_id=first)
    records.save_new(nurse, "observations", {**CALM, "consciousness": "voice"}, patient_id=second)
    assert [(e.patient.patient_id, e.latest.news2.band) for e in observations.escalations(nurse.db, forms, "3B")] == [
        (second, Band.LOW_MEDIUM), (first, Band.HIGH)][::-1]
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=first)
    assert [e.patient.patient_id for e in observations.escalations(nurse.db, forms, "3B")] == [second]

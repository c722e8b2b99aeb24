"""The observation and escalation plan's rules that the form alone cannot hold
(services.observations.check_plan), for any caller, the screen's or not: routine observations
stopped only with comfort care, and comfort care with no DNACPR recorded saved once why CPR stands
is said, the answer kept in the plan."""

from datetime import datetime

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed

PLAN = {"decided_at": "2026-11-28T14:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "stopped", "discussed_with": "her daughter"}
DNACPR = {"resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
          "resuscitation_decided_at": "2026-11-28T10:00+01:00"}


@pytest.fixture
def doctor(session_for, clock):
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    return session_for("doctor")


@pytest.mark.parametrize("escalation", ["full", "ward_ceiling"])
def test_observations_are_stopped_with_comfort_care_only(doctor, medication_ward, escalation):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "observation_plan", {**PLAN, "escalation": escalation}, patient_id=medication_ward[0])
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "frequency", "“Observations”: routine observations are stopped with comfort care only (end of life); choose "
                     "a frequency for this plan.")]


def test_comfort_care_with_no_dnacpr_says_why_cpr_stands(doctor, medication_ward):
    """The admission says "For resuscitation": comfort care was saved without a word, and the
    strip and the crash team read "For resuscitation" of a patient whose plan was comfort only."""
    patient = medication_ward[0]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "observation_plan", PLAN, patient_id=patient)
    (error,) = refused.value.errors
    assert error.path == "cpr_reason" and error.message.startswith(
        "This patient is recorded “For resuscitation” on the admission, with no DNACPR decision, and the plan is "
        "comfort care only: if a DNACPR was decided, record it on the admission (amend it); otherwise say why CPR "
        "stands. Say it in “No DNACPR recorded: why CPR stands")
    saved = records.save_new(doctor, "observation_plan", {**PLAN, "cpr_reason": "Patient's wish, reviewed tomorrow"},
                             patient_id=patient)
    assert saved.data["cpr_reason"] == "Patient's wish, reviewed tomorrow"
    amended = records.amend(doctor, saved.record_id, {**saved.data, "cpr_reason": "", "notes": "Family visited"},
                            "Notes")
    assert amended.data["notes"] == "Family visited"


def test_comfort_care_with_a_dnacpr_recorded_asks_nothing(doctor, medication_ward):
    patient = medication_ward[0]
    admission = next(r for r in records.list_current(doctor.db, patient_id=patient) if r.form_id == "admission")
    records.amend(doctor, admission.record_id, {**admission.data, **DNACPR}, "DNACPR decided with the family")
    assert "cpr_reason" not in records.save_new(doctor, "observation_plan", PLAN, patient_id=patient).data

"""Digoxin given when the observations of the last 4 hours record a pulse under 60 is asked the
doctor's decision, kept as an override (domain.digoxin): a dose given on a pulse of 48 at the
round's set was saved with nothing said. Not on an older set, a pulse of 60 or more, nor a dose
typed from the paper chart."""

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records

SET = {"respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 130,
       "diastolic_bp": 80, "consciousness": "alert", "temperature": 37.0}
DOSE = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 62.5, "route": "PO"}


@pytest.fixture
def digoxin(medication_ward, daily_order) -> tuple[str, str]:
    return medication_ward[0], daily_order("Digoxin 62.5 micrograms", 62.5, "microgram", "14:00",
                                           "2026-11-28T10:00+01:00")


def _pulse(nurse, patient: str, pulse: int, at: str) -> None:
    records.save_new(nurse, "observations", {**SET, "pulse": pulse, "taken_at": at}, patient_id=patient)


def _asked(nurse, order: str, dose=DOSE) -> list[str]:
    return [w.text("en") for w in medication.check_dose(nurse, order, dose) if w.check is Check.SLOW_PULSE]


def test_digoxin_on_a_slow_pulse_is_asked_and_given_only_with_the_doctors_decision(session_for, digoxin):
    patient, order = digoxin
    nurse = session_for("nurse")
    _pulse(nurse, patient, 72, "2026-11-28T09:00+01:00")
    assert _asked(nurse, order) == []
    _pulse(nurse, patient, 48, "2026-11-28T12:30+01:00")
    assert _asked(nurse, order) == [
        "Digoxin 62.5 micrograms: pulse 48/min at 28/11 12:30 on the observations, under 60: withhold the dose and "
        "tell the doctor (a slow pulse is the first sign of digoxin toxicity). Take the apical pulse for a full "
        "minute; if the doctor says to give it, say so in the reason."]
    assert _asked(nurse, order, {**DOSE, "transcribed": True, "paper_reference": "MAR sheet 2"}) == []
    assert _asked(nurse, order, {**DOSE, "outcome": "not_given", "not_given_reason": "held", "dose_given": None}) == []
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, DOSE)
    saved = medication.record_dose(nurse, order, DOSE, overrides={
        Check.SLOW_PULSE: "Dr Benali: apical 64 over a minute, give"})
    assert [o["check"] for o in saved.data["overrides"]] == ["slow_pulse"]
    _pulse(nurse, patient, 64, "2026-11-28T13:30+01:00")  # the latest set says the pulse now
    assert _asked(nurse, order) == []


def test_a_slow_pulse_older_than_four_hours_says_nothing_of_now(session_for, digoxin):
    patient, order = digoxin
    nurse = session_for("nurse")
    _pulse(nurse, patient, 48, "2026-11-28T09:30+01:00")
    assert _asked(nurse, order) == []
    assert _asked(nurse, order, {**DOSE, "given_at": "2026-11-28T13:00+01:00"}) != []

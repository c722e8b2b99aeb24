"""What an insulin or a sulfonylurea given is asked of the glucose chart (glucose.before_insulin,
glucose.check_treated), said on the ward's clock, not on the fixed offset the dose or the recheck
was typed with: the night the clocks went back, gliclazide given at 08:00 (+01:00) said the hypo of
22:00 the evening before (+02:00) "at 24/10 21:00", and insulin given at 02:10 said the hypo it
was given on, at 01:50, "at 25/10 00:50", twenty minutes before it as an hour and twenty."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records
from downtime.services.errors import ValidationFailed
from tests.test_glucose_insulin import READ, SLIDING
from tests.test_sulfonylurea_after_a_hypo import GLICLAZIDE

NIGHT_BEFORE = datetime(2026, 10, 24, 21, 0)


def _charted(nurse, patient: str, clock, taken_at: str, glucose: float, **more) -> None:
    clock.now = datetime.fromisoformat(taken_at).astimezone(clock.now.tzinfo)
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": taken_at, "glucose": glucose, **more},
                     patient_id=patient)


def _warned(nurse, order: str, clock, at: str, dose: float, **more) -> list[str]:
    clock.now = datetime.fromisoformat(at).astimezone(clock.now.tzinfo)
    return [w.text("en") for w in medication.check_dose(nurse, order, {
        "order": order, "outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": dose, **more})
        if w.check is Check.GLUCOSE]


def test_a_sulfonylurea_after_the_hypo_of_the_summer_evening_says_its_hour(session_for, patient_on_the_clock, clock):
    patient = patient_on_the_clock(NIGHT_BEFORE, "2026-10-24T09:00+02:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = records.save_new(doctor, "medication_order", {**GLICLAZIDE, "start_at": "2026-10-24T10:00+02:00"},
                             patient_id=patient).record_id
    _charted(nurse, patient, clock, "2026-10-24T22:00+02:00", 2.6, timing="night")
    _charted(nurse, patient, clock, "2026-10-24T22:15+02:00", 4.4, timing="recheck", action="orange juice 150 mL")
    said = _warned(nurse, order, clock, "2026-10-25T08:00+01:00", 80.0, route="PO")
    assert any("a hypo, 2.6 mmol/L at 24/10 22:00" in one for one in said), said


def test_insulin_on_a_hypo_of_the_first_hour_says_its_time(session_for, patient_on_the_clock, clock):
    patient = patient_on_the_clock(NIGHT_BEFORE, "2026-10-24T09:00+02:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = records.save_new(doctor, "medication_order", {**SLIDING, "times": "02:00",
                                                          "start_at": "2026-10-24T10:00+02:00"},
                             patient_id=patient).record_id
    _charted(nurse, patient, clock, "2026-10-25T01:50+02:00", 2.9, timing="night")
    said = _warned(nurse, order, clock, "2026-10-25T02:10+01:00", 4.0, route="SC",
                   **{medication.DECIDED_ON: "capillary glucose 2.9"})
    assert any("2.9 mmol/L at 25/10 01:50" in one for one in said), said


def test_the_recheck_refused_untreated_says_the_hypo_at_its_time(session_for, patient_on_the_clock, clock):
    patient = patient_on_the_clock(NIGHT_BEFORE, "2026-10-24T09:00+02:00")
    nurse = session_for("nurse")
    _charted(nurse, patient, clock, "2026-10-25T01:50+02:00", 2.9, timing="night")
    with pytest.raises(ValidationFailed, match="25/10 01:50"):
        _charted(nurse, patient, clock, "2026-10-25T02:05+01:00", 4.4, timing="recheck")

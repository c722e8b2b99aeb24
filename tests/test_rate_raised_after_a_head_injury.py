"""An infusion's rate raised, or its paused syringe restarted, is asked what a dose of it is after
a head injury (review R2 D1): a heparin syringe raised from 2 to 3 mL/h an hour after a fall with a
possible head injury, no CT head done, and a midazolam syringe doubled while the neuro chart's GCS
had fallen to 8 and no doctor was told, were saved with nothing asked, while the same syringe
checked as a dose asked both. A rate lowered, a pause, or a change typed from the paper chart is
not asked."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import infusion_rates, medication, records
from tests.test_doses_after_a_head_injury import SET
from tests.test_infusion_rates import HEPARIN

FALL = {"fell_at": "2026-11-28T10:00+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": True}
WITNESS = ("doctor", "2222")


def _running(session_for, patient, clock, drug: str, **strength: float) -> str:
    """The order's syringe at 2 mL/h, put up at 08:00 with the doctor's check (`strength`: its
    liquid's, which a medicine with a ceiling is weighed by)."""
    order = records.save_new(session_for("doctor"), "medication_order", {**HEPARIN, "drug": drug, **strength},
                             patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(session_for("nurse"), order, {
        "outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 2.0}, witness=WITNESS)
    return order


def _change(nurse, clock, order: str, at: str, change: str, rate: float | None = None, **asked):
    clock.now = datetime.fromisoformat(f"2026-11-28T{at}+01:00")
    return infusion_rates.change_rate(nurse, order, {"changed_at": f"2026-11-28T{at}+01:00", "change": change,
                                                     "rate_ml_h": rate, "reason": "APTT ratio 1.2"},
                                      witness=WITNESS if change == "rate" else None, **asked)


def test_a_heparin_raised_or_restarted_after_a_head_injury_asks_as_a_dose_does(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = _running(session_for, patient, clock, HEPARIN["drug"])
    clock.now = datetime.fromisoformat("2026-11-28T10:10+01:00")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    with pytest.raises(medication.OverrideNeeded) as needed:
        _change(nurse, clock, order, "11:00", "rate", 3.0)
    assert [warning.check for warning in needed.value.warnings] == [Check.HEAD_INJURY]
    saved = _change(nurse, clock, order, "11:00", "rate", 3.0,
                    overrides={Check.HEAD_INJURY: "Dr Benali: APTT low, CT head booked at 11:30"})
    assert saved.data["overrides"] == [{"check": "head_injury", "reason": "Dr Benali: APTT low, CT head booked at 11:30"}]
    assert "overrides" not in _change(nurse, clock, order, "11:30", "rate", 1.0).data  # lowered
    assert "overrides" not in _change(nurse, clock, order, "12:00", "paused").data
    with pytest.raises(medication.OverrideNeeded):  # restarted, even at the rate it ran at
        _change(nurse, clock, order, "12:30", "rate", 1.0)
    # Typed from the paper chart an hour after it was set: given already, nothing to ask before.
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    assert "overrides" not in infusion_rates.change_rate(nurse, order, {
        "changed_at": "2026-11-28T12:30+01:00", "change": "rate", "rate_ml_h": 1.0, "reason": "Restarted"},
        witness=WITNESS).data


def test_a_sedative_syringe_raised_while_the_neuro_chart_asks_a_doctor_is_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = _running(session_for, patient, clock, "Midazolam 10 mg in 50 mL", strength_mg=10.0, strength_ml=50.0)
    clock.now = datetime.fromisoformat("2026-11-28T10:36+01:00")
    records.save_new(nurse, "inpatient_fall", {**FALL, "anticoagulated": False}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T10:10+01:00", "verbal": "5"},
                     patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T10:35+01:00", "eyes": "2",
                                                   "verbal": "2", "motor": "4"}, patient_id=patient)
    with pytest.raises(medication.OverrideNeeded) as needed:
        _change(nurse, clock, order, "10:40", "rate", 4.0)
    assert [warning.check for warning in needed.value.warnings] == [Check.NEURO_ALARM]
    assert "overrides" not in _change(nurse, clock, order, "10:45", "rate", 1.0).data  # lowered


def test_every_question_of_a_rate_is_an_option_of_the_rate_forms_overrides(forms):
    [check] = [field for field in forms["infusion_rate"].field("overrides").fields if field.id == "check"]
    assert {Check.HEAD_INJURY.value, Check.NEURO_ALARM.value} <= {option.code for option in check.options}

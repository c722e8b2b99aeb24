"""A premixed insulin beside its rapid partner's correction scale (domain.medication
.shares_a_medicine): Humalog Mix25 was read as lispro, so Humalog written beside it asked a
tenfold slip ("a fifth or less of the patient's previous order of it") and each correction dose
after the premix "is this medicine ordered twice?", as NovoMix 30 beside NovoRapid did not."""

from datetime import datetime

import pytest

from downtime.domain.medication import shares_a_medicine
from downtime.services import medication, records

BASE = {"dose_unit": "units", "route": "SC", "frequency": "scheduled", "start_at": "2026-11-28T10:00+01:00",
        "controlled": False, "high_alert": True, "time_critical": True}
READ = {"reading": "value", "glucose_unit": "mmol_l", "timing": "before_breakfast", "next_in": "240"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(("premixed", "rapid"), [("Humalog Mix25", "Humalog"), ("Humalog Mix50 KwikPen", "Humalog"),
                                                 ("NovoMix 30", "NovoRapid")])
def test_a_correction_scale_beside_a_premixed_insulin_asks_nothing(session_for, medication_ward, clock, premixed,
                                                                    rapid):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    mix = records.save_new(doctor, "medication_order", {**BASE, "drug": premixed, "dose": 20.0,
                                                        "times": "08:00 18:00"}, patient_id=patient).record_id
    scale = records.save_new(doctor, "medication_order", {
        **BASE, "drug": rapid, "dose": 4.0, "times": "08:00 12:00 18:00",
        "dose_rule": "correction: 12-16: 2 units; over 16: 4 units"}, patient_id=patient).record_id
    clock.now = _at("2026-11-29T07:55+01:00")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-29T07:50+01:00", "glucose": 14.1},
                     patient_id=patient)
    clock.now = _at("2026-11-29T08:05+01:00")
    medication.record_dose(nurse, mix, {"outcome": "given", "given_at": "2026-11-29T08:00+01:00",
                                        "scheduled_for": "2026-11-29T08:00+01:00", "dose_given": 20.0, "route": "SC"},
                           witness=("doctor", "2222"))
    saved = medication.record_dose(nurse, scale, {
        "outcome": "given", "given_at": "2026-11-29T08:01+01:00", "scheduled_for": "2026-11-29T08:00+01:00",
        "dose_given": 2.0, "route": "SC", medication.DECIDED_ON: "capillary glucose 14.1"}, witness=("doctor", "2222"))
    assert "overrides" not in saved.data


def test_a_premixed_insulin_still_shares_its_medicine_with_itself_and_another_premix_of_it():
    assert shares_a_medicine("Humalog Mix25", "Humalog Mix 25 KwikPen")
    assert shares_a_medicine("Humalog", "Insulin lispro")
    assert not shares_a_medicine("Humalog Mix25", "Insulin lispro")

"""What a dose given is asked of the kidneys and the potassium (services.medication.kidney_injury,
services.potassium.dose_warnings) says its results' and urine's times on the ward's clock, not on
the fixed offset the dose was typed with: the night the clocks went back, the ramipril given at
08:00 (+01:00) said the potassium of 6.8 received at 22:00 the evening before (+02:00) "received
24/10 21:00", and the gentamicin given at 03:30 said the low urine "since 24/10 21:00" of hourly
bags read from 22:00."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import medication, records
from tests.test_aki_urine import GENTAMICIN

NIGHT_BEFORE = datetime(2026, 10, 24, 21, 0)


def _given(nurse, order: str, at: str, dose: float, route: str, check: Check) -> list[str]:
    return [w.text("en") for w in medication.check_dose(nurse, order, {
        "outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": dose, "route": route})
        if w.check is check]


def test_the_potassium_of_the_summer_evening_holding_the_ramipril_says_its_hour(session_for, patient_on_the_clock,
                                                                               clock):
    patient = patient_on_the_clock(NIGHT_BEFORE, "2026-10-24T09:00+02:00")
    ramipril = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Ramipril", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "08:00",
        "start_at": "2026-10-24T10:00+02:00", "indication": "Heart failure", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-10-24T22:10+02:00").astimezone(clock.now.tzinfo)
    records.save_new(nurse, "lab_result", {
        "received_at": "2026-10-24T22:00+02:00", "received_by": "paper", "test": "Potassium", "result": "6.8",
        "units": "mmol/L", "range": "3.5–5.3", "flag": "abnormal"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-10-25T08:00+01:00").astimezone(clock.now.tzinfo)
    said = _given(nurse, ramipril, "2026-10-25T08:00+01:00", 5.0, "PO", Check.POTASSIUM_HIGH)
    assert any("received 24/10 22:00" in one for one in said), said


def test_the_low_urine_of_the_night_the_clocks_went_back_says_when_it_began(session_for, patient_on_the_clock, clock):
    patient = patient_on_the_clock(NIGHT_BEFORE, "2026-10-24T09:00+02:00")
    gentamicin = records.save_new(session_for("doctor"), "medication_order", {
        **GENTAMICIN, "times": "03:30", "start_at": "2026-10-24T10:00+02:00",
        "review_at": "2026-10-27T18:00+01:00"}, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-10-25T03:20+01:00").astimezone(clock.now.tzinfo)
    for read_at in ("2026-10-24T22:00+02:00", "2026-10-24T23:00+02:00", "2026-10-25T00:00+02:00",
                    "2026-10-25T01:00+02:00", "2026-10-25T02:00+02:00", "2026-10-25T02:00+01:00",
                    "2026-10-25T03:00+01:00"):
        records.save_new(nurse, "fluid_balance", {"measured_at": read_at, "route": "out_urine", "volume": 10,
                                                  "what": "Catheter bag"}, patient_id=patient)
    said = _given(nurse, gentamicin, "2026-10-25T03:30+01:00", 380.0, "IV", Check.KIDNEY_INJURY)
    assert any("60 mL in 6 hours since 24/10 22:00" in one for one in said), said

"""A regular dose given while a bag of another order of its medicine is still going in is asked
whether the medicine is ordered twice (review R3 D3): the evening's MST 30 mg given while the
morphine syringe driver put up at 10:00 ran was saved with nothing asked, the driver's set-up 10
hours before being outside the MST's half-spacing (domain.medication.given_from_other_orders)."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import cd_register, infusion_rates, medication, records

WITNESS = ("doctor", "2222")
MST = {"drug": "Morphine sulfate MR (MST Continus)", "dose": 30.0, "dose_unit": "mg", "route": "PO",
       "frequency": "scheduled", "times": "08:00 20:00", "start_at": "2026-11-28T08:00+01:00", "controlled": True,
       "high_alert": True, "dose_reason": "On it at home"}
DRIVER = {"drug": "Morphine", "dose": 20.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7,
          "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": True,
          "high_alert": True}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _given(nurse, order: str, at: str, dose: float, route: str, **overrides: str):
    return medication.record_dose(nurse, order, {"outcome": "given", "given_at": at, "scheduled_for": at,
                                                 "dose_given": dose, "route": route}, witness=WITNESS,
                                  overrides={Check.ALLERGY: "tolerated", **overrides})


@pytest.fixture
def switched(session_for, medication_ward, clock):
    """MST given at 08:00, and the doctor's morphine syringe driver put up at 10:00, the MST not
    stopped."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = _at("2026-11-28T07:00+01:00")
    mst = records.save_new(doctor, "medication_order", MST, patient_id=patient).record_id
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 200, witness=WITNESS)
    clock.now = _at("2026-11-28T08:05+01:00")
    _given(nurse, mst, "2026-11-28T08:00+01:00", 30.0, "PO")
    clock.now = _at("2026-11-28T09:00+01:00")
    driver = records.save_new(doctor, "medication_order", DRIVER, patient_id=patient).record_id
    clock.now = _at("2026-11-28T10:05+01:00")
    _given(nurse, driver, "2026-11-28T10:00+01:00", 20.0, "SC", **{Check.ALREADY_GIVEN: "switched to the driver"})
    return nurse, mst, driver


def test_the_evening_mst_given_while_the_morphine_driver_runs_is_asked(switched, clock):
    nurse, mst, _ = switched
    clock.now = _at("2026-11-28T20:05+01:00")
    evening = {"outcome": "given", "given_at": "2026-11-28T20:00+01:00", "scheduled_for": "2026-11-28T20:00+01:00",
               "dose_given": 30.0, "route": "PO"}
    asked = [warning.text("en") for warning in medication.check_dose(nurse, mst, evening)
             if warning.check is Check.ALREADY_GIVEN]
    assert asked == ["Morphine 20 mg SC at 0.7 mL/h is running since 10:00 from another order (from 28/11 10:00); "
                     "is this medicine ordered twice?"], asked


def test_once_the_driver_is_stopped_the_evening_mst_is_not_asked(switched, clock, session_for):
    nurse, mst, driver = switched
    clock.now = _at("2026-11-28T16:05+01:00")
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T16:00+01:00", "change": "stopped",
                                               "reason": "Pain settled"}, witness=WITNESS)
    clock.now = _at("2026-11-28T20:05+01:00")
    evening = {"outcome": "given", "given_at": "2026-11-28T20:00+01:00", "scheduled_for": "2026-11-28T20:00+01:00",
               "dose_given": 30.0, "route": "PO"}
    assert [warning for warning in medication.check_dose(nurse, mst, evening)
            if warning.check is Check.ALREADY_GIVEN] == []


@pytest.mark.parametrize("ended", [
    {"frequency": "once", "times": None},  # a once-only syringe, run out unseen
    {"stop_at": "2026-11-29T10:00+01:00"},  # the driver's order stopped, its syringe never charted stopped
    {},  # the order runs on, no syringe charted since the first: no volume known, a day's syringe at most
])
def test_a_syringe_of_days_ago_is_not_going_in_beside_a_later_dose(session_for, medication_ward, clock, ended):
    """A syringe whose order had stopped, or set up days before with no volume known, counted as
    going in for ever: every later dose of its medicine was asked whether it was ordered twice
    (review S5 S2)."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = _at("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 200, witness=WITNESS)
    driver = records.save_new(doctor, "medication_order", {
        key: value for key, value in {**DRIVER, **ended}.items() if value is not None}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T10:05+01:00")
    _given(nurse, driver, "2026-11-28T10:00+01:00", 20.0, "SC")
    clock.now = _at("2026-11-30T07:00+01:00")
    mst = records.save_new(doctor, "medication_order", {**MST, "start_at": "2026-11-30T08:00+01:00"},
                           patient_id=patient).record_id
    clock.now = _at("2026-11-30T20:05+01:00")
    evening = {"outcome": "given", "given_at": "2026-11-30T20:00+01:00", "scheduled_for": "2026-11-30T20:00+01:00",
               "dose_given": 30.0, "route": "PO"}
    assert [warning.text("en") for warning in medication.check_dose(nurse, mst, evening)
            if warning.check is Check.ALREADY_GIVEN] == []

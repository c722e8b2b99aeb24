"""A VRIII written without its volume ("Actrapid 50 units", its rate by the scale): its planned run
was not known, so it was not taken for a continuous infusion and each syringe change asked "The
08:00 dose … was already given", where the same order with "in 50 mL" asked nothing. Read at
the same for a heparin syringe on the APTT nomogram ("Heparin sodium 25000 units"), which guessing
an insulin's strength left asked. Read by its rate, a syringe driver's few mL an hour
(services.infusion_rates.SYRINGE_RATE_ML_H); a once-only insulin-glucose bag for hyperkalaemia
written without its volume, run at hundreds of mL an hour, is still one dose."""

import pytest

from downtime.domain.medication import Check
from downtime.services import infusion_rates, medication, records
from tests.test_vriii_rates import VRIII, _at, _charted

NEXT = {"outcome": "given", "given_at": "2026-11-28T20:01+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 2.0, medication.DECIDED_ON: "capillary glucose 11.0"}


def _stopped_then_next(session_for, patient: str, clock, order_data: dict) -> list[Check]:
    """`order_data` put up at 08:00, charted stopped at 20:00 and the next put up at 20:01: what
    the next is asked."""
    order = records.save_new(session_for("doctor"), "medication_order", order_data, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    _charted(nurse, patient, "2026-11-28T07:55+01:00", 14.0)
    medication.record_dose(nurse, order, {**NEXT, "given_at": "2026-11-28T08:00+01:00",
                                          "dose_given": order_data["dose"], "rate_ml_h": order_data["rate_ml_h"],
                                          medication.DECIDED_ON: "capillary glucose 14.0"},
                           witness=("doctor", "2222"))
    clock.now = _at("2026-11-28T20:00+01:00")
    _charted(nurse, patient, "2026-11-28T19:55+01:00", 11.0)
    infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T20:00+01:00", "change": "stopped"},
                               overrides={Check.INSULIN_OMITTED: "next syringe now"})
    clock.now = _at("2026-11-28T20:02+01:00")
    return [w.check for w in medication.check_dose(nurse, order, {
        **NEXT, "dose_given": order_data["dose"], "rate_ml_h": order_data["rate_ml_h"]})]


HEPARIN = {**VRIII, "dose": 25000.0, "dose_rule": "rate by the APTT nomogram"}


@pytest.mark.parametrize("order", [
    {**VRIII, "drug": "Actrapid 50 units"}, {**VRIII, "drug": "Actrapid 50 units in 50 mL"},
    {**HEPARIN, "drug": "Heparin sodium 25000 units"}, {**HEPARIN, "drug": "Heparin sodium 25000 units in 50 mL"}],
    ids=lambda order: order["drug"])
def test_a_titrated_syringes_next_is_no_second_dose_with_or_without_its_volume(session_for, medication_ward, clock,
                                                                               order):
    asked = _stopped_then_next(session_for, medication_ward[0], clock, order)
    assert Check.ALREADY_GIVEN not in asked


def test_an_insulin_glucose_bag_without_its_volume_is_still_a_dose_given(session_for, medication_ward, clock):
    """Actrapid 10 units with glucose for hyperkalaemia at 500 mL/h, its volume not written."""
    bag = {**VRIII, "drug": "Actrapid 10 units in glucose 10%", "dose": 10.0, "rate_ml_h": 500.0,
           "dose_rule": "10 units over 1 hour; 5 units if eGFR under 30"}
    assert Check.ALREADY_GIVEN in _stopped_then_next(session_for, medication_ward[0], clock, bag)

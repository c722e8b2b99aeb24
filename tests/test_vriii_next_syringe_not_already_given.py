"""A VRIII's next syringe (services.infusion_rates.stopped_bags): its order a "once" one, each
syringe taken down after running 46 of its 50 mL asked "The 08:00 dose of Actrapid … was already
given" as the next was put up, so that every syringe change of every VRIII needed an override."""

import pytest

from downtime.domain.medication import Check
from downtime.services import infusion_rates, medication
from tests.test_vriii_rates import _at, _charted, _new_rate
from tests.test_vriii_rates import vriii  # noqa: F401  (the fixture)

NEXT = {"outcome": "given", "given_at": "2026-11-28T20:01+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 4.0, medication.DECIDED_ON: "capillary glucose 11.0"}


@pytest.mark.parametrize("charted_stopped", [True, False], ids=["stopped", "still up"])
def test_the_next_syringe_after_one_charted_stopped_is_no_second_dose(vriii, clock, charted_stopped):
    """2 mL/h from 08:00, 4 mL/h from 09:00: 46 of its 50 mL run by 20:00. Taken down and the next
    put up at 20:01, nothing asked; the first not charted stopped, two would run: still asked."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T09:00+01:00")
    _charted(nurse, patient, "2026-11-28T08:55+01:00", 15.0)
    _new_rate(nurse, order, "2026-11-28T09:00+01:00", 4.0, "glucose 15.0")
    clock.now = _at("2026-11-28T20:00+01:00")
    _charted(nurse, patient, "2026-11-28T19:55+01:00", 11.0)
    if charted_stopped:
        infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T20:00+01:00", "change": "stopped"})
    clock.now = _at("2026-11-28T20:02+01:00")
    if charted_stopped:
        assert "overrides" not in medication.record_dose(nurse, order, NEXT, witness=("doctor", "2222")).data
        return
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, NEXT, witness=("doctor", "2222"))
    assert [w.check for w in asked.value.warnings] == [Check.ALREADY_GIVEN]


def test_a_bag_run_through_of_an_order_not_titrated_is_still_a_dose_given(session_for, medication_ward, clock):
    """A once-only litre, no rule for its rate, run through and taken down: a second is still asked."""
    from downtime.services import records

    patient = medication_ward[0]
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
        "rate_ml_h": 125.0, "frequency": "once", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                          "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0,
                                          "route": "IV", "rate_ml_h": 125.0})
    clock.now = _at("2026-11-28T16:05+01:00")
    infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T16:00+01:00", "change": "stopped"})
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-28T16:05+01:00",
                                              "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0,
                                              "route": "IV", "rate_ml_h": 125.0})
    assert Check.ALREADY_GIVEN in [w.check for w in asked.value.warnings]


def test_a_gentamicin_with_a_dose_rule_run_through_is_still_a_dose_given(session_for, medication_ward, clock):
    """Review S_DI S1: a once-daily gentamicin whose order carries a dose rule, its bag run through
    and charted stopped at 08:35, was taken for a VRIII's syringe: a second 360 mg at 11:00 asked
    nothing, neither "already given" nor the daily maximum. Only an insulin's or an anticoagulant's
    syringe is the next of one infusion."""
    from downtime.services import records
    from tests.test_infusion_rates import GENTAMICIN, _change

    order = records.save_new(session_for("doctor"), "medication_order", {
        **GENTAMICIN, "dose_rule": "7 mg/kg once daily; interval by the Hartford nomogram"},
        patient_id=medication_ward[0]).record_id
    nurse = session_for("nurse")
    first = {"outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
             "dose_given": 100.0, "route": "IV", "rate_ml_h": 200.0, medication.DECIDED_ON: "weight 70 kg"}
    clock.now = _at("2026-11-28T08:00+01:00")
    medication.record_dose(nurse, order, first)
    clock.now = _at("2026-11-28T08:35+01:00")
    _change(nurse, order, "2026-11-28T08:35+01:00", "stopped", None, None)
    clock.now = _at("2026-11-28T11:00+01:00")
    again = {**first, "given_at": "2026-11-28T11:00+01:00"}
    assert {Check.ALREADY_GIVEN, Check.MAXIMUM_DOSE} <= {w.check for w in medication.check_dose(nurse, order, again)}
    unscheduled = {w.check for w in medication.check_dose(nurse, order, {**again, "scheduled_for": None})}
    assert {Check.DOSE_SPACING, Check.MAXIMUM_DOSE} <= unscheduled


def test_a_once_only_insulin_glucose_bag_with_a_dose_rule_run_through_is_still_a_dose_given(
        session_for, medication_ward, clock):
    """Review S_DI2 S2: Actrapid 10 units in glucose 10 % 500 mL for hyperkalaemia, once, at
    500 mL/h with a dose rule, run through and charted stopped at 09:05, was taken for a VRIII's
    syringe: a second bag at 10:00 asked nothing. Its bag runs an hour, no continuous infusion."""
    from downtime.services import records

    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Actrapid 10 units in glucose 10% 500 mL", "dose": 10.0, "dose_unit": "units", "route": "IV",
        "form": "infusion", "rate_ml_h": 500.0, "dose_rule": "10 units over 1 hour; 5 units if eGFR under 30",
        "frequency": "once", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": True,
        "time_critical": True}, patient_id=medication_ward[0]).record_id
    nurse = session_for("nurse")
    first = {"outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
             "dose_given": 10.0, "route": "IV", "rate_ml_h": 500.0, medication.DECIDED_ON: "eGFR 45"}
    clock.now = _at("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order, first, witness=("doctor", "2222"), overrides={Check.GLUCOSE: "lab glucose 5.2"})
    clock.now = _at("2026-11-28T09:05+01:00")
    infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T09:05+01:00", "change": "stopped"},
                               overrides={"insulin_omitted": "hyperkalaemia dose done"})
    clock.now = _at("2026-11-28T10:00+01:00")
    again = {**first, "given_at": "2026-11-28T10:00+01:00"}
    assert Check.ALREADY_GIVEN in {w.check for w in medication.check_dose(nurse, order, again)}

"""A child's IV fluid ordered with no weight recorded (the weight the prescriber used given as the
order's reason) is weighed at the bedside once the child is weighed, as a fluid ordered on a weight
is when the child is found lighter (services.medication.fluid_weighed_again): a 2-year-old ordered
66 mL/h on an estimated 12 kg, weighed 9 kg, had every bag hung at 1.83 times her maintenance with
nothing said (NICE NG29: worked out from the weight)."""

from datetime import datetime

import pytest

from downtime.services import medication, records
from tests.test_child_fluid_weighed_again import BAG, ORDER, _weigh

REASON = {"dose_reason": "Not weighed yet: estimated 12 kg by age, Dr Benali"}


@pytest.fixture
def unweighed(admit_to_paediatrics, clock):
    clock.now = datetime.fromisoformat("2026-11-28T05:00+01:00")
    return admit_to_paediatrics("2", "2024-10-01", None, "Tod")


def _said(nurse, fluid, bag=BAG):
    return [warning.text("en") for warning in medication.check_dose(nurse, fluid, bag)
            if warning.template == medication._FLUID_ORDERED_UNWEIGHED]


def test_a_fluid_ordered_with_no_weight_is_weighed_against_the_weight_since(session_for, unweighed, clock):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    fluid = records.save_new(doctor, "medication_order", {**ORDER, **REASON}, patient_id=unweighed).record_id
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    assert not _said(nurse, fluid)  # still not weighed: the prescriber's reason stands
    _weigh(nurse, unweighed, 9.0)
    (said,) = _said(nurse, fluid)
    assert said == ("Sodium chloride 0.9% and glucose 5%: ordered with no weight recorded; the patient weighed 9 kg on "
                    "28/11 08:00: 66 mL/h is above 1.5 times the maintenance for 9 kg (36 mL/h, Holliday-Segar "
                    "4-2-1; NICE NG29). Ask the prescriber before hanging this bag.")
    assert not _said(nurse, fluid, {**BAG, "rate_ml_h": 36})  # within 9 kg's


def test_a_fluid_within_the_weight_since_or_reworked_on_it_is_not_asked(session_for, unweighed, clock):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    fluid = records.save_new(doctor, "medication_order", {**ORDER, **REASON}, patient_id=unweighed)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    _weigh(nurse, unweighed, 12.0)  # 66 mL/h is 1.5 times 12 kg's 44 mL/h
    assert not _said(nurse, fluid.record_id)
    _weigh(nurse, unweighed, 9.0, at="2026-11-28T09:00+01:00")
    assert _said(nurse, fluid.record_id)
    records.amend(doctor, fluid.record_id, {**fluid.data, "dose_reason": "Weighed 9 kg: deficit over 24 h, Dr Benali"},
                  reason="Reworked on the weight")
    assert not _said(nurse, fluid.record_id)


def test_a_bolus_is_weighed_by_its_volume_per_kg_not_against_the_maintenance(session_for, unweighed, clock):
    """A 20 mL/kg bolus run in over minutes (200 mL at 1200 mL/h, 10 minutes, for an estimated 12
    kg) was asked at every bag once the child was weighed at that very 12 kg: 1200 mL/h is 27 times
    the maintenance of any child, and a resuscitation bolus was held up by a false question (review
    S_I2 S3). A bag that runs in within the hour is a bolus, weighed as one (NICE NG29: 10-20
    mL/kg)."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    bolus = records.save_new(doctor, "medication_order", {**ORDER, "drug": "Sodium chloride 0.9%", "dose": 200,
                                                          "rate_ml_h": 1200, **REASON}, patient_id=unweighed)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    _weigh(nurse, unweighed, 12.0)
    assert not _said(nurse, bolus.record_id, {**BAG, "dose_given": 200})
    _weigh(nurse, unweighed, 9.0, at="2026-11-28T09:00+01:00")
    (said,) = _said(nurse, bolus.record_id, {**BAG, "dose_given": 200})
    assert said == ("Sodium chloride 0.9%: ordered with no weight recorded; the patient weighed 9 kg on 28/11 09:00: "
                    "200 mL in one dose is above 20 mL/kg for 9 kg (180 mL; a bolus is 10-20 mL/kg, NICE NG29). Ask "
                    "the prescriber before hanging this bag.")


def test_only_a_weight_measured_questions_a_fluid_ordered_unweighed(session_for, unweighed, clock):
    """A weight estimated or stated since is no more a weighing than the prescriber's own estimate,
    and the bag was said to be of a child "weighed 9 kg" nobody had weighed (review S_I2 S6)."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    fluid = records.save_new(doctor, "medication_order", {**ORDER, **REASON}, patient_id=unweighed).record_id
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T08:00+01:00", "weight_kg": 9.0,
                                       "method": "estimated", "weight_confirmed_kg": 9.0}, patient_id=unweighed)
    assert not _said(nurse, fluid)
    _weigh(nurse, unweighed, 9.0, at="2026-11-28T09:00+01:00")
    (said,) = _said(nurse, fluid)
    assert "the patient weighed 9 kg on 28/11 09:00" in said

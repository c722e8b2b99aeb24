"""Phenindione, the BNF's third vitamin K antagonist, and the brands Marevan (warfarin) and
Savaysa (edoxaban) are anticoagulants to the app as the others are: a fall with a possible head
injury on the chart's phenindione asked no CT head, its 08:00 dose was not questioned and the
export said "not on anticoagulant treatment" (review R2 D2); a vitamin K antagonist counts for
5 days after it is stopped, as its INR falls."""

from datetime import datetime, timedelta

import pytest

from downtime.domain.medication import (Frequency, Order, anticoagulant, anticoagulated_at, anticoagulates_for,
                                        high_alert_drug)
from downtime.services import falls, records


@pytest.mark.parametrize("drug", ["Phenindione", "Phenindione 10 mg", "Marevan", "Marevan 3 mg", "Savaysa"])
def test_each_is_an_anticoagulant_and_high_alert(drug):
    assert anticoagulant(drug) and high_alert_drug(drug, "PO")


def test_phenindione_stopped_4_days_before_a_fall_still_anticoagulates():
    at = datetime.fromisoformat("2026-11-28T02:00+01:00")
    stopped = at - timedelta(days=4)
    order = Order(record_id="o", patient_id="p", drug="Phenindione", dose=50.0, dose_unit="mg", route="PO",
                  frequency=Frequency.SCHEDULED, times=(), start_at=stopped - timedelta(days=30), stop_at=stopped)
    assert anticoagulates_for("Phenindione") == timedelta(days=5)
    assert [one.drug for one in anticoagulated_at([order], at)] == ["Phenindione"]


def test_a_fall_on_the_charts_phenindione_is_answered_on_an_anticoagulant(session_for, patient_on_the_clock):
    patient = patient_on_the_clock(datetime(2026, 11, 28, 8, 10), "2026-11-27T15:00+01:00")
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Phenindione", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00", "start_at": "2026-11-27T09:30+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    nurse = session_for("nurse")
    assert falls.first_answers(nurse.db, patient, nurse.clock()) == {"anticoagulated": True}

"""A child's weight goes out of date (review s66 R1 D5): a child on IV fluids is asked to be
weighed once their latest weight is 24 hours old (NICE NG29: a daily weight on IV fluids), and a
baby under 1 dosed on a weight more than 7 days old is asked at the dose with the weight's day (a
rule of this hospital's). A 2-year-old on maintenance for 10 days kept the admission's 12 kg, and
a 4-month-old's gentamicin was worked out six weeks on from 5 kg, with nothing said."""

from datetime import datetime, timedelta

import pytest

from downtime.domain.medication import Frequency, Order
from downtime.i18n import message
from downtime.services import census, medication, records, weight
from tests.test_child_hypotonic_fluids import FLUID

MAINTENANCE = {**FLUID, "drug": "Sodium chloride 0.9% and glucose 5%", "rate_ml_h": 44.0,
               "start_at": "2026-11-27T10:00+01:00"}


def _gentamicin(dose: float) -> Order:
    return Order(record_id="r", patient_id="p", drug="Gentamicin", dose=dose, dose_unit="mg", route="IV",
                 frequency=Frequency.SCHEDULED, times=("08:00",),
                 start_at=datetime.fromisoformat("2027-01-09T08:00+01:00"))


@pytest.fixture
def toddler(admit_to_paediatrics):
    """Noe, 2 years, weighed 12 kg on admission on 27/11 at 09:00, on ward PED."""
    return admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")


def _to_weigh(session, patient_id: str, at: datetime) -> dict[str, weight.ToWeigh]:
    patients = [census.patient_with_location(session.db, session.forms, patient_id)]
    orders = medication.orders_of_each(session.db, [patient_id], at)
    return {patient_id: one for patient_id, one in weight.weighings_due(session.db, patients, at, orders).items()
            if one.due_at <= at}


def test_a_child_on_iv_fluids_is_asked_to_be_weighed_once_the_weight_is_a_day_old(session_for, clock, toddler):
    nurse = session_for("nurse")
    assert _to_weigh(nurse, toddler, clock.now) == {}
    records.save_new(session_for("doctor"), "medication_order", MAINTENANCE, patient_id=toddler)
    assert _to_weigh(nurse, toddler, datetime.fromisoformat("2026-11-28T08:59+01:00")) == {}
    clock.advance(days=2)
    due = _to_weigh(nurse, toddler, clock.now)[toddler]
    assert due.text("en") == ("12 kg on admission (27/11/2026), more than 24 hours ago on IV fluids "
                              "(NICE NG29: a daily weight)")
    assert due.text("fr") == ("12 kg à l’admission (27/11/2026), il y a plus de 24 heures, sous perfusion "
                              "(NICE NG29 : un poids chaque jour)")
    records.save_new(nurse, weight.FORM, {"weighed_at": "2026-11-30T13:00+01:00", "weight_kg": 11.8,
                                          "method": "measured"}, patient_id=toddler)
    assert _to_weigh(nurse, toddler, clock.now) == {}


def test_a_child_off_iv_fluids_is_not_asked_daily(session_for, clock, toddler):
    clock.advance(days=2)
    assert _to_weigh(session_for("nurse"), toddler, clock.now) == {}


def test_an_estimated_weight_is_still_asked_within_4_hours_in_its_own_words(session_for, clock, admit_to_paediatrics):
    nurse = session_for("nurse")
    baby = admit_to_paediatrics("4", "2026-07-20", None, "Lea")
    records.save_new(nurse, weight.FORM, {"weighed_at": "2026-11-27T09:00+01:00", "weight_kg": 6.0,
                                          "method": "estimated"}, patient_id=baby)
    records.save_new(session_for("doctor"), "medication_order", {**MAINTENANCE, "rate_ml_h": 24.0}, patient_id=baby)
    assert _to_weigh(nurse, baby, clock.now)[baby].text("en") == (
        "6 kg ESTIMATED 27/11/2026, not weighed")


def test_a_baby_dosed_on_a_weight_over_a_week_old_is_asked_with_its_day(session_for, admit_to_paediatrics):
    nurse = session_for("nurse")
    baby = admit_to_paediatrics("4", "2026-08-20", 5.0, "Lea")
    weighed = weight.latest(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, baby)])[baby]
    born = datetime.fromisoformat("2026-08-20").date()
    assert weight.old_weight_refusal(_gentamicin(35.0), weighed, born,
                                     datetime.fromisoformat("2026-12-04T09:00+01:00")) is None  # 7 days to the minute
    a_week_on = weight.old_weight_refusal(_gentamicin(35.0), weighed, born,
                                          datetime.fromisoformat("2026-12-04T12:00+01:00"))
    assert message("en", a_week_on.said.template, **a_week_on.said.values).startswith(
        "35 mg for 5 kg (weighed 27/11, more than 7 days ago)")  # it read "7 days ago", refused as older (S8 S5)
    asked = weight.old_weight_refusal(_gentamicin(35.0), weighed, born,
                                      datetime.fromisoformat("2027-01-09T08:00+01:00"))
    assert asked.asked and asked.field == "dose"
    assert message("en", asked.said.template, **asked.said.values) == (
        "35 mg for 5 kg (weighed 27/11, more than 42 days ago): a baby under 1 year is dosed on a weight no more than 7 days "
        "old (this hospital's rule): weigh the baby, or give the weight used as the reason.")
    assert weight.old_weight_refusal(_gentamicin(35.0), weighed, datetime.fromisoformat("2024-10-01").date(),
                                     datetime.fromisoformat("2027-01-09T08:00+01:00")) is None


@pytest.mark.parametrize("frequency, days_after, on_fluids", [
    (Frequency.ONCE, 0, True), (Frequency.ONCE, 3, False), (Frequency.PRN, 0, False), (Frequency.SCHEDULED, 3, True)])
def test_a_bolus_long_given_or_an_as_required_bag_is_not_being_on_iv_fluids(frequency, days_after, on_fluids):
    """A once-only bolus runs within a day of its dose (domain.medication.runs_at), an as-required
    bag is no maintenance (S8 S2: one 240 mL bolus asked a daily weight for the rest of the stay)."""
    start = datetime.fromisoformat("2026-11-27T10:00+01:00")
    bag = Order(record_id="r", patient_id="p", drug="Sodium chloride 0.9%", dose=240.0, dose_unit="mL", route="IV",
                frequency=frequency, times=("10:00",) if frequency is Frequency.SCHEDULED else (), start_at=start)
    assert weight.on_iv_fluids({"p": [bag]}, start + timedelta(days=days_after, hours=2)) == ({"p"} if on_fluids else set())

"""Amoxicillin's most in one dose goes by its route (BNF, BNFc; the EU summary of product
characteristics, Clamoxyl): by vein at most 2 g a dose (50-60 mg/kg in severe infection), by mouth
at most 3 g a dose (the BNF's 3 g twice a day and repeated after 8 h, the 2 g of endocarditis
prophylaxis), a child's 90 mg/kg a day in two or three doses (45 mg/kg a dose). 3.5 g by
vein to a 60 kg 15-year-old, and 700 mg by mouth three times a day to a 12 kg toddler (58 mg/kg),
were saved unasked: the rule had no mg a dose and one child's figure for every route."""

from datetime import datetime

import pytest

from downtime.domain.dose_limits import RULES, limit_for
from downtime.services import medication, records

BASE = {"frequency": "scheduled", "times": "06:00 14:00 22:00", "start_at": "2026-11-28T15:00+01:00",
        "controlled": False, "high_alert": False, "review_at": "2026-11-30T12:00+01:00", "drug": "Amoxicillin",
        "dose_unit": "mg"}


@pytest.mark.parametrize(("age", "kg", "route", "dose", "day"), [
    (15, 60.0, "IV", 2000, 10800), (40, 80.0, "IV", 2000, 12000), (40, None, "IV", 2000, 12000),
    (2, 12.0, "PO", 540, 1080), (15, 60.0, "PO", 2700, 5400), (40, 80.0, "PO", 3000, 12000),
    (2, 12.0, "NG", 540, 1080), (2, 12.0, "IV", 720, 2160)])
def test_amoxicillins_limits_go_by_the_route(age, kg, route, dose, day):
    limit = limit_for(RULES["amoxicillin"], age, kg, route)
    assert (limit.dose_mg, limit.day_mg) == pytest.approx((dose, day))


@pytest.mark.parametrize(("born", "kg", "route", "dose", "said"), [
    ("2011-05-01", 60.0, "IV", 3500, "Amoxicillin: 3500 mg in one dose is above the most for one dose (2000 mg"),
    ("2024-10-01", 12.0, "PO", 700, "Amoxicillin: 700 mg in one dose is above the most for one dose (540 mg for 12 kg")])
def test_a_dose_above_the_routes_most_is_asked(session_for, admit_to_paediatrics, clock, born, kg, route, dose, said):
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    child = admit_to_paediatrics("1", born, kg, "Child")
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(session_for("doctor"), "medication_order", {**BASE, "route": route, "dose": dose},
                         patient_id=child)
    assert said in str(asked.value)


@pytest.mark.parametrize(("born", "kg", "dose", "said"), [
    ("1980-01-01", 70.0, 3500, "Amoxicillin: 3500 mg in one dose is above the most for one dose (3000 mg)."),
    ("2009-05-01", 70.0, 3500, "Amoxicillin: 3500 mg in one dose is above the most for one dose (3000 mg)."),
    ("2012-05-01", 50.0, 2500, ("Amoxicillin: 2500 mg in one dose is above the most for one dose (2250 mg for 50 "
                                "kg, 45 mg/kg)"))])
def test_a_dose_by_mouth_names_the_routes_most_as_the_most(session_for, admit_to_paediatrics, clock, born, kg, dose,
                                                           said):
    """By mouth the most is 3 g a dose: above it an adult's, or a 70 kg 17-year-old's, names 3 g
    alone; a 50 kg child's 45 mg/kg (2250 mg, above the 2 g by vein) is named as a figure by weight.
    The base rule's 2 g was compared with: 2250 mg was said with no weight, and under a cap below
    the child's figure the cap was said "for 60 kg, 45 mg/kg"."""
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    patient = admit_to_paediatrics("1", born, kg, "Child")
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(session_for("doctor"), "medication_order", {**BASE, "route": "PO", "dose": dose},
                         patient_id=patient)
    assert said in str(asked.value)


def test_an_adults_3_g_by_mouth_is_not_asked(session_for, admit_to_paediatrics, clock):
    """The BNF's 3 g twice a day (severe chest infection) and repeated after 8 h (dental abscess),
    and the 2 g of endocarditis prophylaxis, are licensed single doses by mouth."""
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    adult = admit_to_paediatrics("1", "1980-01-01", 70.0, "Adult")
    records.save_new(session_for("doctor"), "medication_order", {**BASE, "route": "PO", "dose": 3000,
                                                                 "times": "08:00 20:00"}, patient_id=adult)

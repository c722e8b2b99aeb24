"""A child's doses weighed against a child's limits when the order is written (domain.order_units,
domain.dose_limits, services.medication._as_dosed): a tenfold slip within an adult's ceiling
(morphine 10 mg to a 4 kg baby), paracetamol by vein for a baby of 10 kg or less, antibiotics by
weight, a child never weighed, a medicine not usually given under 3 months (review RB)."""

from datetime import datetime, time

import pytest

from downtime.domain.dose_limits import RULES, limit_for, liquid_strength, refused_above, too_small
from downtime.domain.medication import Check, Frequency, Order, differs_from_order
from downtime.domain.order_units import NO_CONTENT, ceiling_refusal, limits_refusals, unit_refusal
from downtime.services import medication, records
from downtime.i18n import Phrase
from downtime.services.errors import ValidationFailed

BASE = {"route": "PO", "frequency": "scheduled", "times": "00:00 06:00 12:00 18:00",
        "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": False}
IV_ANTIBIOTIC = {"route": "IV", "times": "06:00 14:00 22:00", "review_at": "2026-11-30T12:00+01:00"}
MORPHINE_PRN = {"drug": "Morphine", "dose_unit": "mg", "route": "IV", "frequency": "prn", "times": None,
                "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 6, "controlled": True,
                "high_alert": True}


@pytest.fixture
def children(admit_to_paediatrics):
    """Ward PED: a 2-month-old of 4 kg, a 10-day-old of 3.4 kg, a 2-year-old of 12 kg, a
    5-year-old never weighed; and a woman of 72 never weighed."""
    admit = admit_to_paediatrics

    return {"infant": admit("1", "2026-09-28", 4.0, "Lea"), "neonate": admit("2", "2026-11-18", 3.4, "Tom"),
            "toddler": admit("3", "2024-10-01", 12.0, "Noe"), "unweighed": admit("4", "2021-06-01", None, "Ines"),
            "adult": admit("5", "1954-03-12", None, "Anne")}


def _write(session_for, patient, **values):
    return records.save_new(session_for("doctor"), "medication_order", {**BASE, **values}, patient_id=patient)


def _asked(session_for, patient, **values) -> str:
    """What writing the order asks, then that it is saved with the prescriber's reason, kept."""
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, patient, **values)
    reason = "Checked with the pharmacist"
    saved = _write(session_for, patient, **values, **{medication.DOSE_REASON: reason})
    assert saved.data[medication.DOSE_REASON] == reason
    return str(asked.value)


def _said(refusal) -> str:
    """A refusal's words, the reason's field named as the form names it."""
    return str(Phrase(refusal.said.template, {**refusal.said.values, "field": "Reason"}))


def _refused(session_for, patient, **values) -> dict[str, str]:
    try:
        _write(session_for, patient, **values, **{medication.DOSE_REASON: "any reason"})
    except ValidationFailed as failed:
        return {error.path: error.message for error in failed.errors}
    return {}


# RB #2: the tenfold-error ceilings worked out per kg under 18.

def test_a_babys_tenfold_slip_within_an_adults_ceiling_is_asked_by_the_babys_weight():
    """BNFc: morphine injected 100-200 micrograms/kg (0.8 mg at most for 4 kg), digoxin about 15
    micrograms/kg a dose (51 micrograms for 3.4 kg); both slips were within an adult's ceiling."""
    morphine = ceiling_refusal("Morphine", 10.0, "mg", "IV", age=0, kg=4.0)
    assert morphine is not None and morphine.asked and morphine.field == "dose"
    assert _said(morphine).startswith(
        "Morphine: 10 mg in one dose by this route is above a child's usual first dose (0.8 mg for 4 kg, 0.2 mg/kg, "
        "BNFc), where a tenfold slip is likelier than a dose")
    digoxin = ceiling_refusal("Digoxin", 0.2, "mg", "PO", age=0, kg=3.4)
    assert digoxin is not None and digoxin.asked and digoxin.field == "dose"
    assert _said(digoxin).startswith(
        "Digoxin: 200 micrograms in one dose is above the most for a child by this route (51 micrograms for 3.4 kg, "
        "15 micrograms/kg, BNFc)")
    assert ceiling_refusal("Morphine", 0.8, "mg", "IV", age=0, kg=4.0) is None
    assert ceiling_refusal("Digoxin", 20.0, "microgram", "PO", age=0, kg=3.4) is None


def test_a_childs_ceiling_is_never_above_an_adults_nor_held_without_age_or_weight():
    """A 17-year-old of 60 kg: 0.2 mg/kg is 12 mg, the adult's 10 mg holds (and says so, as
    today); a child never weighed, or a patient of no known age, is held to the adult's alone;
    digoxin 250 mg to a baby is still the unit's slip, refused."""
    assert ceiling_refusal("Morphine", 10.0, "mg", "IV", age=17, kg=60.0) is None
    over = ceiling_refusal("Morphine", 11.0, "mg", "IV", age=17, kg=60.0)
    assert over is not None and "above a usual first dose (10 mg) for a patient not already" in _said(over)
    assert ceiling_refusal("Morphine", 10.0, "mg", "IV", age=0, kg=None) is None
    assert ceiling_refusal("Morphine", 10.0, "mg", "IV", age=None, kg=4.0) is None
    assert ceiling_refusal("Morphine", 10.0, "mg", "IV", age=18, kg=4.0) is None
    unit = ceiling_refusal("Digoxin", 250.0, "mg", "PO", age=0, kg=3.4)
    assert unit is not None and not unit.asked and unit.field == "dose_unit"


def test_morphine_10_mg_iv_to_a_4_kg_baby_and_digoxin_0_2_mg_to_a_neonate_are_asked_with_the_reason_kept(
        session_for, children):
    said = _asked(session_for, children["infant"], **MORPHINE_PRN, dose=10.0)
    assert "(0.8 mg for 4 kg, 0.2 mg/kg, BNFc)" in said
    said = _asked(session_for, children["neonate"], drug="Digoxin", dose=0.2, dose_unit="mg", times="08:00 20:00")
    assert "(51 micrograms for 3.4 kg, 15 micrograms/kg, BNFc)" in said
    # the baby's own doses ask nothing
    _write(session_for, children["infant"], **MORPHINE_PRN, dose=0.4)
    _write(session_for, children["neonate"], drug="Digoxin", dose=17.0, dose_unit="microgram", times="08:00 20:00")


# RB #3: paracetamol by vein for a baby of 10 kg or less.

@pytest.mark.parametrize("age, kg, route, dose, day", [
    (0, 4.0, "IV", 30, 120),      # 7.5 mg/kg, 30 mg/kg in 24 h (MHRA 2010, SmPC)
    (0, 4.0, "PO", 60, 240),      # by mouth a child's 15 and 60 mg/kg
    (0, 4.0, None, 60, 240),      # no route known: as before
    (1, 10.0, "IV", 75, 300),
    (2, 12.0, "IV", 180, 720),    # over 10 kg: 15 and 60 mg/kg
    (80, 42.0, "IV", 630, 2520),  # an adult of 50 kg or less by vein: 15 mg/kg a dose too (SmPC)
    (80, 42.0, "PO", 1000, 2520),
    (80, 70.0, "IV", 1000, 4000),
    # From 12 years and 50 kg an adult's (BNFc 12-17 years, ANSM from 50 kg): 60 kg held to 900 mg
    (16, 60.0, "PO", 1000, 4000),
    (16, 50.0, "PO", 1000, 4000),
    (16, 60.0, "IV", 1000, 4000),
    (16, 49.0, "PO", 735, 2940),
    (10, 55.0, "PO", 825, 3300),  # under 12, by the kg still
])
def test_paracetamols_limits_by_the_route_and_weight(age, kg, route, dose, day):
    limit = limit_for(RULES["paracetamol"], age, kg, route)
    assert (limit.dose_mg, limit.day_mg) == pytest.approx((dose, day))


def test_a_60_kg_teenagers_gram_of_paracetamol_four_times_a_day_is_an_adults_order():
    """A 16-year-old of 60 kg after an appendicectomy: every gram was asked a reason, held to
    15 mg/kg (900 mg) and 3.6 g a day."""
    order = Order(record_id="o", patient_id="p", drug="Paracetamol", dose=1.0, dose_unit="g", route="PO",
                  frequency=Frequency.SCHEDULED, times=(time(0), time(6), time(12), time(18)),
                  start_at=datetime.fromisoformat("2026-11-28T15:00+01:00"))
    assert limits_refusals(order, [], age=16, kg=60.0) == []
    assert [found.field for found in limits_refusals(order, [], age=11, kg=60.0)] == ["dose", "times"]


def test_a_childs_paracetamol_loading_dose_is_asked_and_refused_only_above_30_mg_per_kg(session_for, children,
                                                                                         admit_to_paediatrics):
    """BNFc's post-operative loading dose (20-30 mg/kg) and a measurable 4 mL of 120 mg in 5 mL
    for a 4-month-old of 6.1 kg were refused with no reason possible, the module saying "asked"
    all the while. Refused above 30 mg/kg, the refusal names the 30 mg/kg it is refused above
    (it named the usual 180 mg, and 360 mg was saved with a reason)."""
    said = _asked(session_for, children["toddler"], drug="Paracetamol", dose=360.0, dose_unit="mg", frequency="once",
                  times=None)
    assert said.startswith("Paracetamol: 360 mg in one dose is above the most for one dose (180 mg for 12 kg, "
                           "15 mg/kg).")
    baby = admit_to_paediatrics("6", "2026-07-20", 6.1, "Zoe")
    said = _asked(session_for, baby, drug="Paracetamol 120 mg/5 mL", dose=4.0, dose_unit="mL",
                  form="liquid", strength_mg=120.0, strength_ml=5.0, times="06:00 12:00")
    assert said.startswith("Paracetamol: 96 mg in one dose is above the most for one dose (91.5 mg for 6.1 kg")
    assert _refused(session_for, children["toddler"], drug="Paracetamol", dose=370.0, dose_unit="mg",
                    frequency="once", times=None) == {
        "dose": "Dose: Paracetamol: 370 mg in one dose is above the most for one dose whatever the reason (360 mg "
                "for 12 kg, 30 mg/kg); from the usual most (180 mg) up to it, the order is saved with the "
                "prescriber's reason."}


@pytest.mark.parametrize("kg, born, dose", [(3.4, "2026-11-18", 50.0), (4.0, "2026-10-14", 60.0)])
def test_a_babys_paracetamol_under_3_months_is_refused_above_20_and_60_mg_per_kg(session_for, admit_to_paediatrics,
                                                                              kg, born, dose):
    """50 mg every 4 hours to a 10-day-old of 3.4 kg (88 mg/kg in 24 h), 60 mg to a 6-week-old of
    4 kg (90 mg/kg) were asked, any reason saving them: BNFc's most under 3 months is 60 mg/kg.
    Its loading dose of 20 mg/kg once (from 32 weeks' corrected age) is asked, with its reason,
    and refused above (it was refused whatever the reason: review T8 #4)."""
    baby = admit_to_paediatrics("6", born, kg, "Zoe")
    every_4_hours = "00:00 04:00 08:00 12:00 16:00 20:00"
    assert list(_refused(session_for, baby, drug="Paracetamol", dose=dose, dose_unit="mg", times=every_4_hours)) == ["times"]
    assert "above the most for one dose" in _asked(session_for, baby, drug="Paracetamol", dose=20 * kg,
                                                   dose_unit="mg", frequency="once", times=None)
    assert list(_refused(session_for, baby, drug="Paracetamol", dose=25 * kg, dose_unit="mg", frequency="once",
                         times=None)) == ["dose"]
    _write(session_for, baby, drug="Paracetamol", dose=10 * kg, dose_unit="mg", times=every_4_hours)


def test_a_childs_paracetamol_day_is_asked_up_to_90_mg_per_kg_and_refused_above():
    """180 mg (15 mg/kg) six times a day is 90 mg/kg for 12 kg: asked; seven times, refused."""
    def order(times):
        return Order(record_id="o", patient_id="p", drug="Paracetamol", dose=180.0, dose_unit="mg", route="PO",
                     frequency=Frequency.SCHEDULED, times=tuple(time(hour) for hour in times),
                     start_at=datetime.fromisoformat("2026-11-28T15:00+01:00"))
    (asked,) = limits_refusals(order((0, 4, 8, 12, 16, 20)), [], age=2, kg=12.0)
    assert asked.asked and asked.field == "times" and _said(asked).startswith(
        "Paracetamol: as ordered, up to 1080 mg in 24 h (this order: 1080 mg); at most 720 mg in 24 h for 12 kg")
    (refused,) = limits_refusals(order((0, 3, 6, 9, 12, 15, 18)), [], age=2, kg=12.0)
    assert not refused.asked and refused.field == "times"


@pytest.mark.parametrize("age, kg, route, dose, day", [
    (2, 12.0, "PO", 360, 1080), (11, 40.0, "PO", 1000, 3600), (11, 60.0, "PO", 1000, 4000),
    (0, 4.0, "IV", 30, 120), (2, 12.0, "IV", 180, 720)])
def test_a_childs_paracetamol_is_refused_above_30_and_90_mg_per_kg_or_an_adults_gram_and_4_g(age, kg, route, dose,
                                                                                             day):
    """By vein the SmPC's figures hold: no loading dose by weight is asked there."""
    limit = limit_for(refused_above(RULES["paracetamol"], months=age * 12 + 6), age, kg, route)
    assert (limit.dose_mg, limit.day_mg) == pytest.approx((dose, day))


def test_iv_paracetamol_for_an_adult_never_weighed_is_asked_with_the_weight_used(session_for, children):
    """By vein paracetamol goes by weight under 50 kg at any age: an adult's gram ordered with
    no weight recorded this stay asks for the weight, and is saved with the prescriber's reason."""
    said = _asked(session_for, children["adult"], drug="Paracetamol", dose=1.0, dose_unit="g", route="IV")
    assert ("Paracetamol by this route is dosed by weight under 50 kg, and no weight is recorded this stay: weigh the "
            "patient, or give the weight") in said
    _write(session_for, children["adult"], drug="Paracetamol", dose=1.0, dose_unit="g")  # by mouth: nothing asked


def test_iv_paracetamol_15_mg_per_kg_four_times_a_day_to_a_4_kg_baby_is_refused(session_for, children):
    """60 mg IV four times a day to a 4 kg baby is 60 mg/kg a day, twice the most."""
    assert _refused(session_for, children["infant"], drug="Paracetamol", dose=60.0, dose_unit="mg", route="IV") == {
        "dose": "Dose: Paracetamol: 60 mg in one dose is above the most for one dose (30 mg for 4 kg, 7.5 mg/kg)."}
    assert _refused(session_for, children["infant"], drug="Paracetamol", dose=30.0, dose_unit="mg", route="IV",
                    times="00:00 04:00 08:00 12:00 16:00 20:00")["times"].endswith(
        "at most 120 mg in 24 h for 4 kg (30 mg/kg).")
    assert _refused(session_for, children["infant"], drug="Paracetamol", dose=30.0, dose_unit="mg", route="IV") == {}


def test_the_route_is_weighed_in_an_orders_limits():
    order = Order(record_id="o", patient_id="p", drug="Paracetamol", dose=60.0, dose_unit="mg", route="IV",
                  frequency=Frequency.SCHEDULED, times=(time(0), time(6), time(12), time(18)),
                  start_at=datetime.fromisoformat("2026-11-28T15:00+01:00"))
    assert [found.field for found in limits_refusals(order, [], age=0, kg=4.0)] == ["dose"]
    assert limits_refusals(order.model_copy(update={"route": "PO"}), [], age=0, kg=4.0) == []


# RB #4: antibiotics by a child's weight, asked (a meningitis dose is meant), never refused.

def test_an_adults_gentamicin_to_a_neonate_is_refused_and_a_neonates_is_not(session_for, children):
    """The adult's 350 mg to a neonate, 103 mg/kg, is refused whatever the reason above 10 mg/kg
    (review S4 S5); an adult's, saved unasked when an adult's gentamicin had no most, is asked: an
    adult is dosed by weight as well (7 mg/kg, review R8), and this woman was never weighed."""
    refused = _refused(session_for, children["neonate"], drug="Gentamicin", dose=350.0, dose_unit="mg", **{
        **IV_ANTIBIOTIC, "times": "12:00"})
    assert refused["dose"].startswith("Dose: Gentamicin: 350 mg in one dose is above the most for one dose "
                                      "whatever the reason (34 mg for 3.4 kg, 10 mg/kg)")
    _write(session_for, children["neonate"], drug="Gentamicin", dose=17.0, dose_unit="mg",
           **{**IV_ANTIBIOTIC, "times": "12:00"})
    said = _asked(session_for, children["adult"], drug="Gentamicin", dose=350.0, dose_unit="mg",
                  **{**IV_ANTIBIOTIC, "times": "12:00"})
    assert said.startswith("Gentamicin is dosed by weight, and no weight is recorded this stay: weigh the patient, or "
                           "give the weight the dose is worked out from (measured, estimated or stated, and when) in “")


def test_amoxicillin_a_gram_to_a_4_kg_baby_and_a_meningitis_dose_are_asked(session_for, children):
    said = _asked(session_for, children["infant"], drug="Amoxicillin", dose=1.0, dose_unit="g", **IV_ANTIBIOTIC)
    assert said.startswith("Amoxicillin: 1000 mg in one dose is above the most for one dose (240 mg for 4 kg, "
                           "60 mg/kg).")
    # 50 mg/kg every 4 hours (BNFc, meningitis): within a dose, above a day's usual
    said = _asked(session_for, children["toddler"], drug="Amoxicillin", dose=600.0, dose_unit="mg",
                  **{**IV_ANTIBIOTIC, "times": "02:00 06:00 10:00 14:00 18:00 22:00"})
    assert said.startswith("Amoxicillin: as ordered, up to 3600 mg in 24 h (this order: 3600 mg); at most 2160 mg "
                           "in 24 h for 12 kg (180 mg/kg).")
    _write(session_for, children["infant"], drug="Amoxicillin", dose=120.0, dose_unit="mg", **IV_ANTIBIOTIC)
    _write(session_for, children["toddler"], drug="Ceftriaxone", dose=960.0, dose_unit="mg",
           **{**IV_ANTIBIOTIC, "times": "12:00"})
    _write(session_for, children["adult"], drug="Amoxicillin", dose=1.0, dose_unit="g", **IV_ANTIBIOTIC)


@pytest.mark.parametrize("drug, dose, most", [("Amoxicillin", 360.0, 720), ("Gentamicin", 80.0, 84),
                                               ("Ceftriaxone", 960.0, 960)])
def test_an_antibiotic_written_in_g_for_mg_is_refused_as_a_unit_slip(session_for, children, drug, dose, most):
    """g picked for mg: amoxicillin 360 g to a 12 kg child was asked "above the most for one dose"
    as a meningitis dose is, and any reason saved it and printed it on the chart."""
    said = _refused(session_for, children["toddler"], drug=drug, dose=dose, dose_unit="g", **IV_ANTIBIOTIC)
    assert said == {"dose_unit": f"Unit: {drug}: {dose:g} g in one dose is more than 10 times the most allowed "
                                 f"({most} mg), where a slip of the unit is likelier than any dose meant. Did you mean "
                                 f"{dose:g} mg?"}


def test_an_adults_gram_to_a_small_baby_is_refused_not_told_did_you_mean_1_mg(session_for, admit_to_paediatrics):
    """Amoxicillin 1 g to a 27-day-old of 1.5 kg (90 mg at most) was told "Did you mean 1 mg?",
    a 60th of the dose, which was then saved unasked; gentamicin 0.35 g to a 3.4 kg neonate
    likewise "0.35 mg"; then only asked, any reason saved them (review T8 #3)."""
    baby = admit_to_paediatrics("6", "2026-11-01", 1.5, "Mia")
    said = _refused(session_for, baby, drug="Amoxicillin", dose=1.0, dose_unit="g", **IV_ANTIBIOTIC)["dose"]
    assert said.endswith("Amoxicillin: 1 g in one dose is more than 10 times the most allowed (90 mg): no reason "
                         "makes it a dose. Check the dose and its unit.")
    neonate = admit_to_paediatrics("7", "2026-11-18", 3.4, "Tom")
    said = _refused(session_for, neonate, drug="Gentamicin", dose=0.35, dose_unit="g",
                    **{**IV_ANTIBIOTIC, "times": "12:00"})["dose"]
    assert "no reason makes it a dose" in said and "Did you mean" not in said


@pytest.mark.parametrize("patient", ["unweighed", "adult"])
def test_gentamicin_in_g_for_a_patient_never_weighed_is_refused_as_a_unit_slip(session_for, children, patient):
    """80 g of gentamicin to a 5-year-old or a woman of 72 never weighed was asked only for the
    weight, and "estimated 20 kg (APLS)" saved it: by the kg alone it has no most to slip from."""
    said = _refused(session_for, children[patient], drug="Gentamicin", dose=80.0, dose_unit="g",
                    **{**IV_ANTIBIOTIC, "times": "12:00"})
    assert said["dose_unit"].endswith("Did you mean 80 mg?")


def test_an_antibiotic_in_g_within_ten_times_the_most_is_asked_and_an_adults_slip_refused(session_for, children):
    """2 g of amoxicillin to a 4 kg baby (8 times 240 mg) is asked as a dose meant may be; an
    adult's 360 g of amoxicillin, held to 2 g a dose, is told the slip."""
    said = _asked(session_for, children["infant"], drug="Amoxicillin", dose=2.0, dose_unit="g", **IV_ANTIBIOTIC)
    assert said.startswith("Amoxicillin: 2000 mg in one dose is above the most for one dose (240 mg for 4 kg")
    assert _refused(session_for, children["adult"], drug="Amoxicillin", dose=360.0, dose_unit="g",
                    **IV_ANTIBIOTIC)["dose_unit"].endswith("(2000 mg), where a slip of the unit is likelier than any "
                                                          "dose meant. Did you mean 360 mg?")


@pytest.mark.parametrize("medicine, kg, dose, day", [
    ("gentamicin", 3.4, 23.8, 25.5), ("amoxicillin", 4.0, 240, 720), ("cefotaxime", 12.0, 600, 2400),
    ("ceftriaxone", 12.0, 960, 1200), ("ceftriaxone", 60.0, 4000, 4000)])
def test_a_childs_antibiotic_limits_by_weight_are_asked_not_refused(medicine, kg, dose, day):
    rule = RULES[medicine]
    limit = limit_for(rule, 5, kg, "IV")
    assert rule.asked and (limit.dose_mg, limit.day_mg) == pytest.approx((dose, day))


# RB #7: a child never weighed, an order of a medicine dosed by weight.

def test_a_childs_order_by_weight_with_no_weight_recorded_asks_for_the_weight_used(session_for, children):
    """Asked, not refused: a child in pain or septic is given a first dose on an estimated weight
    before one is measured; the prescriber says which weight in the reason, kept in the order."""
    said = _asked(session_for, children["unweighed"], drug="Paracetamol", dose=1.0, dose_unit="g")
    assert said.startswith("Paracetamol is dosed by weight under 18, and no weight is recorded this stay: weigh the "
                           "child, or give the weight the dose is worked out from (measured, estimated or a parent's, "
                           "and when) in “")
    # an adult never weighed, and a child's medicine not dosed by weight, ask nothing
    _write(session_for, children["adult"], drug="Paracetamol", dose=1.0, dose_unit="g")
    _write(session_for, children["unweighed"], drug="Salbutamol", dose=2.5, dose_unit="mg", route="NEB")


# RB #8: a medicine not usually given under 3 months or 5 kg.

def test_oral_ibuprofen_under_3_months_or_5_kg_is_asked():
    rule = RULES["ibuprofen"]
    assert too_small(rule, 0, 3.4, "PO") and too_small(rule, 2, 6.0, "PO") and too_small(rule, 4, 4.5, "PO")
    assert not too_small(rule, 3, 5.0, "PO") and not too_small(rule, None, None, "PO")
    assert not too_small(rule, 0, 3.4, "IV")  # a neonatal unit's duct closure is another product


def test_ibuprofen_by_mouth_for_a_10_day_old_is_asked(session_for, children):
    said = _asked(session_for, children["neonate"], drug="Ibuprofen", dose=30.0, dose_unit="mg",
                  times="06:00 14:00 22:00")
    assert said.startswith("Ibuprofen by this route is not usually given to a baby under 3 months old or under 5 kg "
                           "(ANSM, BNFc)")
    _write(session_for, children["toddler"], drug="Ibuprofen", dose=100.0, dose_unit="mg", times="06:00 14:00 22:00")


@pytest.mark.parametrize("drug, strength_mg, strength_ml", [
    ("Nurofenpro 20 mg/mL suspension buvable", 20.0, 1.0), ("Advilmed 20 mg/mL suspension buvable", 20.0, 1.0),
    ("Antarène 20 mg/mL", 20.0, 1.0), ("Calprofen 100 mg/5 mL oral suspension", 100.0, 5.0),
    ("Fenpaed 100 mg/5 mL", 100.0, 5.0), ("Nureflex 20 mg/mL", 20.0, 1.0)])
def test_a_childrens_ibuprofen_brand_is_weighed_as_ibuprofen(session_for, children, drug, strength_mg, strength_ml):
    """120 mg four times a day (30 mg/kg a dose, 120 mg/kg a day) to a 4 kg baby: "Ibuprofen 20
    mg/mL" is refused, each brand of it was saved unasked."""
    said = _refused(session_for, children["infant"], drug=drug, dose=120 / strength_mg * strength_ml, dose_unit="mL",
                    form="liquid", strength_mg=strength_mg, strength_ml=strength_ml)
    assert said["dose"] == ("Dose: Ibuprofen: 120 mg in one dose is above the most for one dose (40 mg for 4 kg, "
                            "10 mg/kg).")


def test_a_childs_tramadol_is_weighed_by_the_childs_weight_and_asked_under_3_years(session_for, children,
                                                                                      admit_to_paediatrics):
    """100 mg four times a day to a 4-year-old of 15 kg (6.7 mg/kg a dose, 27 mg/kg a day) was
    held to an adult's 400 mg a day alone and saved unasked."""
    four = admit_to_paediatrics("6", "2022-06-01", 15.0, "Tom")
    said = _asked(session_for, four, drug="Tramadol", dose=100.0, dose_unit="mg")
    assert said.startswith("Tramadol: 100 mg in one dose is above the most for one dose (30 mg for 15 kg, 2 mg/kg).")
    said = _asked(session_for, four, drug="Tramadol", dose=30.0, dose_unit="mg",
                  times="00:00 04:00 08:00 12:00 16:00 20:00")
    assert said.startswith("Tramadol: as ordered, up to 180 mg in 24 h (this order: 180 mg); at most 120 mg in 24 h "
                           "for 15 kg (8 mg/kg).")
    _write(session_for, four, drug="Tramadol", dose=30.0, dose_unit="mg")
    # above an adult's 400 mg a day, refused whatever the reason
    assert _refused(session_for, four, drug="Tramadol", dose=150.0, dose_unit="mg") == {
        "times": "Administration times: Tramadol: as ordered, up to 600 mg in 24 h (this order: 600 mg); at most 400 "
                 "mg in 24 h whatever the reason; from the usual most (120 mg) up to it, the order is saved with the "
                 "prescriber's reason."}
    said = _asked(session_for, children["toddler"], drug="Tramadol", dose=12.0, dose_unit="mg")
    assert said.startswith("Tramadol is not usually given under 3 years (ANSM; the FDA: under 12")


@pytest.mark.parametrize("kg", [45.0, None])
def test_a_teenagers_usual_tramadol_is_an_adults_weighed_or_not(session_for, admit_to_paediatrics, kg):
    """BNFc 12-17 years: 50-100 mg every 4-6 hours, at most 400 mg a day. A 15-year-old's 100 mg
    four times a day was asked as above a young child's 2 mg/kg, and one never weighed was asked
    to be weighed; 150 mg four times a day is still above an adult's 400 mg."""
    teenager = admit_to_paediatrics("6", "2011-06-01", kg, "Tom")
    _write(session_for, teenager, drug="Tramadol", dose=100.0, dose_unit="mg")
    assert list(_refused(session_for, teenager, drug="Tramadol", dose=150.0, dose_unit="mg")) == ["times"]


def test_a_toddlers_tramadol_says_every_question_and_one_reason_answers_them(session_for, children,
                                                                               admit_to_paediatrics):
    """100 mg four times a day to a 2-year-old of 12 kg asked only "not usually given under 3
    years": its dose four times the child's, and the weight of a child never weighed, were asked
    but never said, and the reason about the age was kept for them."""
    said = _asked(session_for, children["toddler"], drug="Tramadol", dose=100.0, dose_unit="mg").replace(
        "why (opioid-tolerant, current dose; weight used; meningitis dose)", "why")
    assert said.split("\n") == [
        "Tramadol is not usually given under 3 years (ANSM; the FDA: under 12, children who turn it fast into its "
        "opioid have stopped breathing): check it is meant, and give the reason in “Dose to check: why”.",
        "Tramadol: 100 mg in one dose is above the most for one dose (24 mg for 12 kg, 2 mg/kg).",
        "Tramadol: as ordered, up to 400 mg in 24 h (this order: 400 mg); at most 96 mg in 24 h for 12 kg (8 mg/kg).",
        "One reason, given in “Dose to check: why”, is kept for all of these."]
    never_weighed = admit_to_paediatrics("6", "2024-10-01", None, "Ines")
    said = _asked(session_for, never_weighed, drug="Tramadol", dose=20.0, dose_unit="mg")
    assert said.split("\n")[1].startswith("Tramadol is dosed by weight under 18, and no weight is recorded this stay")


def test_aspirin_under_16_is_asked_with_its_indication(session_for, children):
    """300 mg four times a day to a 2-year-old was saved unasked, where codeine under 12 is refused."""
    said = _asked(session_for, children["toddler"], drug="Aspirin", dose=100.0, dose_unit="mg")
    assert said.startswith("Aspirin is not given under 16 years (Reye's syndrome: MHRA, BNFc) but for a named "
                           "indication (Kawasaki disease, after heart surgery): give the indication in “")
    _write(session_for, children["adult"], drug="Aspirin", dose=75.0, dose_unit="mg", times="08:00")


@pytest.mark.parametrize("age, kg, dose", [(2, 12.0, 240.0), (15, 45.0, 1000.0)])
def test_a_childs_paracetamol_dose_asked_says_its_day_above_the_usual_too(age, kg, dose):
    """240 mg (20 mg/kg) every 6 hours to a 12 kg child is 80 mg/kg in 24 h, a gram four times a
    day to a 15-year-old of 45 kg 89 mg/kg: only the dose was asked, and a "loading dose" reason
    kept for a day above the usual never said."""
    order = Order(record_id="o", patient_id="p", drug="Paracetamol", dose=dose, dose_unit="mg", route="PO",
                  frequency=Frequency.SCHEDULED, times=(time(0), time(6), time(12), time(18)),
                  start_at=datetime.fromisoformat("2026-11-28T15:00+01:00"))
    found = limits_refusals(order, [], age=age, kg=kg, months=age * 12 + 2, days=age * 365 + 60)
    assert [(refusal.field, refusal.asked) for refusal in found] == [("dose", True), ("times", True)]


def test_a_loading_dose_made_four_times_a_day_is_asked_again(session_for, children):
    """240 mg once a day for a 12 kg child, "post-op loading dose", amended to four times a day
    (80 mg/kg in 24 h) was saved with nothing asked."""
    doctor = session_for("doctor")
    order = _write(session_for, children["toddler"], drug="Paracetamol", dose=240.0, dose_unit="mg", times="08:00",
                   **{medication.DOSE_REASON: "post-op loading dose"})
    four = {**order.data, "times": "02:00 08:00 14:00 20:00"}
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.amend(doctor, order.record_id, four, "regular analgesia")
    assert "at most 720 mg in 24 h for 12 kg (60 mg/kg)" in str(asked.value)
    records.amend(doctor, order.record_id, {**four, medication.DOSE_REASON: "20 mg/kg 6-hourly, surgeon's plan"},
                  "regular analgesia")


def test_a_day_above_the_usual_is_asked_again_when_its_times_change(session_for, children):
    """The reason was given for six doses a day of 50 mg/kg (meningitis); changed times are
    another judgement (eight doses, 400 mg/kg a day, kept the reason given for six)."""
    doctor = session_for("doctor")
    meningitis = {"drug": "Amoxicillin", "dose": 600.0, "dose_unit": "mg", **IV_ANTIBIOTIC,
                  "times": "02:00 06:00 10:00 14:00 18:00 22:00", medication.DOSE_REASON: "Meningitis, BNFc"}
    order = _write(session_for, children["toddler"], **meningitis)
    more = {**order.data, "times": "00:00 03:00 06:00 09:00 12:00 15:00 18:00 21:00"}
    with pytest.raises(medication.DoseReasonNeeded):
        records.amend(doctor, order.record_id, more, "more often")
    again = records.amend(doctor, order.record_id, {**more, medication.DOSE_REASON: "Meningitis, 3-hourly agreed"},
                          "more often")
    assert again.data[medication.DOSE_REASON] == "Meningitis, 3-hourly agreed"


# S1 #3, #4: a child's opioid by mouth in mL, and by nose or cheek, held to the child's weight.

def test_a_childs_oral_morphine_in_ml_is_weighed_as_its_mg_against_the_childs_ceiling(session_for, children):
    """5 mL of morphine 10 mg in 5 mL is 10 mg, above 0.5 mg/kg (6 mg) for 12 kg: written "10 mg"
    it was asked, written "5 mL" it was saved with nothing said."""
    liquid = {**MORPHINE_PRN, "drug": "Morphine sulfate oral solution", "dose_unit": "mL", "route": "PO",
              "form": "liquid", "strength_mg": 10.0, "strength_ml": 5.0}
    said = _asked(session_for, children["toddler"], **liquid, dose=5.0)
    assert said.startswith("Morphine: 10 mg in one dose by this route is above a child's usual first dose (6 mg for "
                           "12 kg, 0.5 mg/kg, BNFc)")
    _write(session_for, children["toddler"], **liquid, dose=2.5)


def test_nasal_diamorphine_is_held_to_a_childs_01_mg_per_kg_and_an_adults_first_dose(session_for, children):
    """Intranasal diamorphine, a children's emergency analgesic at 100 micrograms/kg (BNFc): 12 mg
    to a 12 kg child, a tenfold slip, was saved unasked by the nose where by vein it was asked."""
    nasal = {**MORPHINE_PRN, "drug": "Diamorphine", "route": "NAS", "side": "bilateral"}
    assert _asked(session_for, children["toddler"], **nasal, dose=12.0).startswith(
        "Diamorphine: 12 mg in one dose by this route is above a usual first dose (5 mg)")
    assert _asked(session_for, children["toddler"], **nasal, dose=2.0).startswith(
        "Diamorphine: 2 mg in one dose by this route is above a child's usual first dose (1.2 mg for 12 kg, "
        "0.1 mg/kg, BNFc)")
    _write(session_for, children["toddler"], **nasal, dose=1.2)


@pytest.mark.parametrize("route", ["NAS", "BUC"])
def test_an_opioid_by_nose_or_cheek_is_held_to_the_injected_ceilings(route):
    """Absorbed past the liver as an injection is: the injected figures, an adult's and a child's."""
    assert ceiling_refusal("Morphine", 20.0, "mg", route).asked
    assert ceiling_refusal("Oxycodone", 20.0, "mg", route).asked
    assert ceiling_refusal("Hydromorphone", 4.0, "mg", route).asked
    assert ceiling_refusal("Morphine", 2.0, "mg", route, age=0, kg=4.0).asked
    assert ceiling_refusal("Morphine", 0.8, "mg", route, age=0, kg=4.0) is None


# Review L4 (RB, S1 leftovers): the opioids with no child's figure, a neonate's antibiotics by its
# own doses, benzylpenicillin by weight and in units.

@pytest.mark.parametrize("drug, dose, unit, route, most", [
    ("Hydromorphone", 2.0, "mg", "PO", 1.2),        # 0.1 mg/kg by mouth (BNFc equivalence with morphine)
    ("Hydromorphone", 1.0, "mg", "SC", 0.48),       # 0.04 mg/kg injected
    ("Hydromorphone", 1.0, "mg", "NAS", 0.48),
    ("Diamorphine", 2.0, "mg", "SC", 1.2),          # 0.1 mg/kg injected (BNFc, 75-100 micrograms/kg)
    ("Diamorphine", 2.0, "mg", "IV", 1.2),
    ("Fentanyl", 100.0, "microgram", "IV", 0.06),   # 5 micrograms/kg (BNFc 1-5 micrograms/kg)
    ("Fentanyl", 0.1, "mg", "NAS", 0.06),
])
def test_a_childs_tenfold_opioid_slip_within_an_adults_ceiling_is_asked_by_the_childs_weight(
        drug, dose, unit, route, most):
    """Each was saved with nothing said for a 12 kg two-year-old: no child's figure by that route."""
    asked = ceiling_refusal(drug, dose, unit, route, age=2, kg=12.0)
    assert asked is not None and asked.asked and asked.field == "dose", _said(asked) if asked else None
    assert ceiling_refusal(drug, most * (1000 if unit == "microgram" else 1), unit, route, age=2, kg=12.0) is None
    assert ceiling_refusal(drug, dose, unit, route, age=30, kg=70.0) is None  # an adult's dose


def test_a_childs_fentanyl_is_said_in_micrograms_per_kg_and_its_patch_or_syringe_is_not_weighed_by_the_kg(
        session_for, children):
    """100 micrograms IV to a 12 kg child is 8 micrograms/kg; a 25 micrograms/hour patch is an
    hour's, and a syringe's 500 micrograms run at an hourly rate, neither one dose per kg."""
    said = _asked(session_for, children["toddler"], **{**MORPHINE_PRN, "drug": "Fentanyl", "dose_unit": "microgram"},
                  dose=100.0)
    assert said.startswith("Fentanyl: 100 micrograms in one dose is above the most for a child by this route (60 "
                           "micrograms for 12 kg, 5 micrograms/kg, BNFc)")
    assert ceiling_refusal("Fentanyl", 25.0, "microgram", "TD", age=0, kg=4.0) is None
    assert ceiling_refusal("Fentanyl", 500.0, "microgram", "IV", infused=True, age=2, kg=12.0) is None


@pytest.mark.parametrize("drug", ["Digoxin", "Levothyroxine"])
def test_a_neonates_digoxin_or_levothyroxine_infused_is_held_to_its_weight_as_a_bolus_is(drug):
    """BNFc gives IV digoxin by infusion over 10-20 minutes: one dose, 15 micrograms/kg, whatever
    its form. Written with a rate, 0.2 mg to a 3.4 kg baby (four times 51 micrograms) was saved
    unasked, the exemption meant for a fentanyl syringe covering every infusion."""
    infused = ceiling_refusal(drug, 0.2, "mg", "IV", infused=True, age=0, kg=3.4)
    assert infused is not None and infused.asked and infused.field == "dose"
    assert "(51 micrograms for 3.4 kg, 15 micrograms/kg, BNFc)" in _said(infused)
    assert ceiling_refusal(drug, 50.0, "microgram", "IV", infused=True, age=0, kg=3.4) is None


def test_a_neonates_digoxin_infusion_order_is_asked_with_its_weights_figure(session_for, children):
    said = _asked(session_for, children["neonate"], drug="Digoxin", dose=0.2, dose_unit="mg", route="IV",
                  form="infusion", rate_ml_h=20.0, times="08:00")
    assert "(51 micrograms for 3.4 kg, 15 micrograms/kg, BNFc)" in said


def test_a_neonates_gentamicin_is_held_to_5_mg_per_kg_a_dose_and_in_24_hours(session_for, children):
    """BNFc: a neonate's 5 mg/kg every 24 h (every 36 h in its first week), not a child's 7 mg/kg:
    24 mg, 7 mg/kg, to the 3.4 kg ten-day-old was within a child's and saved unasked."""
    once = {**IV_ANTIBIOTIC, "times": "12:00"}
    said = _asked(session_for, children["neonate"], drug="Gentamicin", dose=24.0, dose_unit="mg", **once)
    assert said.startswith("Gentamicin: 24 mg in one dose is above the most for one dose (17 mg for 3.4 kg, 5 mg/kg).")
    said = _asked(session_for, children["neonate"], drug="Gentamicin", dose=17.0, dose_unit="mg",
                  **{**once, "times": "00:00 12:00"})
    assert said.startswith("Gentamicin: as ordered, up to 34 mg in 24 h (this order: 34 mg); at most 17 mg in 24 h "
                           "for 3.4 kg (5 mg/kg).")
    _write(session_for, children["neonate"], drug="Gentamicin", dose=17.0, dose_unit="mg", **once)
    # from 28 days a child's 7 mg/kg: the 2-month-old's 28 mg is within it
    _write(session_for, children["infant"], drug="Gentamicin", dose=28.0, dose_unit="mg", **once)


@pytest.mark.parametrize("age, days, kg, dose, day", [
    (0, 10, 3.4, 17, 17), (0, 27, 3.4, 17, 17), (0, 28, 3.4, 23.8, 25.5), (0, None, 3.4, 23.8, 25.5)])
def test_a_neonates_gentamicin_limits_by_its_days(age, days, kg, dose, day):
    limit = limit_for(RULES["gentamicin"], age, kg, "IV", days)
    assert (limit.dose_mg, limit.day_mg) == pytest.approx((dose, day))


@pytest.mark.parametrize("age, days, kg, dose, day", [
    (0, 10, 3.4, 170, 510),      # a neonate's 50 mg/kg every 8 hours at most (BNFc)
    (0, 70, 4.0, 200, 1200),     # a child's 50 mg/kg every 4 hours (meningitis)
    (15, None, 60.0, 2400, 14400),
    (40, None, 70.0, 2400, 14400)])
def test_benzylpenicillins_limits_by_weight_and_age(age, days, kg, dose, day):
    rule = RULES["benzylpenicillin"]
    limit = limit_for(rule, age, kg, "IV", days)
    assert rule.asked and (limit.dose_mg, limit.day_mg) == pytest.approx((dose, day))


def test_benzylpenicillin_for_a_baby_is_weighed_in_mg_and_refused_in_units_saying_a_million_units_in_mg(
        session_for, children):
    """An adult's 1.2 g to a 4 kg baby (300 mg/kg) was saved unasked. Written in units, as French
    wards write pénicilline G, it cannot be held by the form (1 MUI is 1,000,000, its dose stops at
    100,000): refused, saying it in mg."""
    said = _asked(session_for, children["infant"], drug="Benzylpenicillin", dose=1.2, dose_unit="g", **IV_ANTIBIOTIC)
    assert said.startswith("Benzylpenicillin: 1200 mg in one dose is above the most for one dose (200 mg for 4 kg, "
                           "50 mg/kg).")
    assert _refused(session_for, children["infant"], drug="Benzylpénicilline", dose=100000.0, dose_unit="units",
                    **IV_ANTIBIOTIC) == {
        "dose_unit": "Unit: Benzylpenicillin is written in millions of units (MUI), which the order form cannot hold: "
                     "write its dose in mg, 1 million units of benzylpenicillin sodium being 600 mg (BNF)."}
    _write(session_for, children["infant"], drug="Benzylpenicillin", dose=200.0, dose_unit="mg", **IV_ANTIBIOTIC)
    _write(session_for, children["adult"], drug="Benzylpenicillin", dose=1.2, dose_unit="g", **IV_ANTIBIOTIC)


@pytest.mark.parametrize("drug", ["Extencilline", "Benzathine benzylpenicillin", "Benzylpénicilline benzathine",
                                  "Pénicilline G benzathine", "Penicillin G benzathine"])
def test_benzathine_benzylpenicillin_in_units_is_told_its_own_750_mg_a_million_units(drug):
    """Extencilline 2.4 MUI is 1.8 g (MSF, Essential drugs): told the sodium salt's 600 mg, the
    prescriber wrote 1440 mg, four fifths of a once-only syphilis dose."""
    refusal = unit_refusal(drug, "units", "IM")
    assert refusal is not None and refusal.field == "dose_unit"
    assert str(refusal.said) == (
        "Benzathine benzylpenicillin is written in millions of units (MUI), which the order form cannot hold: write "
        "its dose in mg, 1 million units of benzathine benzylpenicillin being 750 mg (MSF).")


@pytest.mark.parametrize("drug", ["Procaine benzylpenicillin", "Pénicilline G procaïne", "Procaine penicillin G"])
def test_procaine_benzylpenicillin_in_units_is_not_told_the_sodium_salts_600_mg(drug):
    """"Pénicilline G procaïne", read as benzylpenicillin once "Pénicilline G" was, was told the
    sodium salt's 600 mg a million units."""
    refusal = unit_refusal(drug, "units", "IM")
    assert refusal is not None and refusal.said.template == NO_CONTENT


def test_benzathine_benzylpenicillin_is_weighed_by_its_own_limits(session_for, children):
    """An adult's 2.4 MUI (1.8 g) saved unasked; a child's 50,000 IU (37.5 mg)/kg, not the sodium's 50 mg/kg."""
    once = {"route": "IM", "times": "12:00", "review_at": "2026-11-30T12:00+01:00"}
    _write(session_for, children["adult"], drug="Extencilline", dose=1.8, dose_unit="g", **once)
    said = _asked(session_for, children["toddler"], drug="Extencilline", dose=600.0, dose_unit="mg", **once)
    assert said.startswith("Benzathine benzylpenicillin: 600 mg in one dose is above the most for one dose (450 mg "
                           "for 12 kg, 37.5 mg/kg).")
    _write(session_for, children["toddler"], drug="Benzathine benzylpenicillin", dose=450.0, dose_unit="mg", **once)


@pytest.mark.parametrize("drug", ["Pénicilline G", "Penicillin G", "Péni G"])
def test_penicillin_g_as_french_wards_write_it_is_benzylpenicillin(session_for, children, drug):
    """"Pénicilline G" was taken for no medicine the tables weigh: its units were not refused nor
    said in mg, and an adult's 1.2 g saved unasked for a 4 kg baby."""
    refusal = unit_refusal(drug, "units", "IV")
    assert refusal is not None and "600 mg (BNF)" in str(refusal.said)
    said = _asked(session_for, children["infant"], drug=drug, dose=1.2, dose_unit="g", **IV_ANTIBIOTIC)
    assert said.startswith("Benzylpenicillin: 1200 mg in one dose is above the most for one dose")


def test_a_neonates_gentamicin_is_weighed_at_the_bedside_and_beside_another_order_by_a_neonates_figure(
        session_for, children):
    """The order was weighed at a neonate's 5 mg/kg when written, the dose given from it and the
    "Already ordered" question at a child's 7: 24 mg to a 3.4 kg baby of 10 days passed the
    bedside check unsaid."""
    once_a_day = {**IV_ANTIBIOTIC, "times": "12:00", "start_at": "2026-11-28T10:00+01:00"}
    order = _write(session_for, children["neonate"], drug="Gentamicin", dose=24.0, dose_unit="mg", **once_a_day,
                   **{medication.DOSE_REASON: "Level-guided, checked with the pharmacist"})
    warnings = medication.check_dose(session_for("nurse"), order.record_id, {
        "outcome": "given", "given_at": "2026-11-28T12:05+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
        "dose_given": 24.0, "route": "IV"})
    assert any("(17 mg for 3.4 kg, 5 mg/kg)" in str(warning.message) for warning in warnings), warnings
    beside = medication.duplicate_orders(session_for("doctor"), {
        **BASE, "drug": "Gentamicin", "dose": 10.0, "dose_unit": "mg", **once_a_day, "times": "20:00"},
        children["neonate"])
    assert beside is not None and beside.endswith("at most 17 mg in 24 h for 3.4 kg (5 mg/kg)."), beside


# R4 #2: the strength a liquid's name writes against the strength its order states.

@pytest.mark.parametrize("name, strength", [
    ("Paracetamol 250 mg/5 mL oral suspension", (250, 5)), ("Paracetamol 120 mg in 5 mL", (120, 5)),
    ("paracetamol 250mg/5ml", (250, 5)), ("Paracétamol 120 mg pour 5 ml", (120, 5)),
    ("Levetiracetam 100 mg/mL", (100, 1)), ("Digoxin 50 micrograms/mL", (0.05, 1)), ("Digoxin 50 µg/mL", (0.05, 1)),
    ("Paracetamol 1 g/100 mL", (1000, 100)), ("Ibuprofen 100 mg/5 mL (20 mg/mL)", (100, 5)),
    ("Co-amoxiclav 250/62 mg in 5 mL", None), ("Amoxicillin 400 mg/57 mg per 5 mL", None),
    ("Ibuprofen 100 mg/5 mL or 200 mg/5 mL", None), ("Paracetamol oral suspension", None),
    ("Paracetamol 500 mg", None), ("Heparin 5000 units/mL", None), ("Glucose 5%", None)])
def test_a_liquids_strength_is_read_from_its_name(name, strength):
    assert liquid_strength(name) == (pytest.approx(strength) if strength else None)


def test_a_strength_in_the_name_that_is_not_the_orders_is_refused_naming_both(session_for, children):
    """"Paracetamol 250 mg/5 mL" with 120 mg in 5 mL in the strength boxes: 10 mL was weighed as
    240 mg, and the nurse reading the name drew up 500 mg."""
    suspension = {"drug": "Paracetamol 250 mg/5 mL oral suspension", "dose": 5.0, "dose_unit": "mL",
                  "form": "liquid", "strength_mg": 120.0, "strength_ml": 5.0}
    assert _refused(session_for, children["toddler"], **suspension) == {"strength_mg": (
        "“Paracetamol 250 mg/5 mL oral suspension” says 250 mg in 5 mL, and “Strength (mg)” and “in (mL)” say 120 mg "
        "in 5 mL: the dose is weighed by the one, and the nurse may take the bottle of the other. Write the strength "
        "of the liquid meant in both.")}
    assert _write(session_for, children["toddler"], **{**suspension, "drug": "Paracetamol 24 mg/mL oral suspension"}
                  ).data["strength_mg"] == 120.0  # the same strength, written per mL


def test_an_amendment_making_the_strength_differ_from_the_name_is_refused(session_for, children):
    order = _write(session_for, children["toddler"], drug="Paracetamol 120 mg/5 mL oral suspension", dose=5.0,
                   dose_unit="mL", form="liquid", strength_mg=120.0, strength_ml=5.0)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(session_for("doctor"), order.record_id, {**order.data, "strength_mg": 250.0}, "other bottle")
    assert [error.path for error in refused.value.errors] == ["strength_mg"]
    assert "says 120 mg in 5 mL, and “Strength (mg)” and “in (mL)” say 250 mg in 5 mL" in refused.value.errors[0].message


# R8 #9: the volume drawn up typed in the dose's box, or the dose in mg in the volume's.

@pytest.mark.parametrize("ordered, given, said", [
    ({"dose": 180.0, "dose_unit": "mg"}, 7.5,
     "Dose 7.5 mg differs from the order (180 mg), and 7.5 is its volume (180 mg = 7.5 mL): type the dose given in "
     "mg, not the volume drawn up."),
    ({"dose": 7.5, "dose_unit": "mL"}, 180.0,
     "Dose 180 mL differs from the order (7.5 mL), and 180 is its dose in mg (7.5 mL = 180 mg): type the volume given "
     "in mL."),
    ({"dose": 180.0, "dose_unit": "mg"}, 90.0, "Dose 90 mg differs from the order (180 mg).")])
def test_the_volume_drawn_up_typed_for_the_dose_in_mg_is_said_so(session_for, children, ordered, given, said):
    """"Paracetamol 120 mg/5 mL 180 mg = 7.5 mL": the nurse drew up 7.5 mL and typed 7.5 in "Dose
    given (mg)", told only that it differed from the order, as a part dose is; a reason saved 7.5 mg."""
    order = _write(session_for, children["toddler"], drug="Paracetamol 120 mg/5 mL oral suspension", form="liquid",
                   strength_mg=120.0, strength_ml=5.0, start_at="2026-11-28T10:00+01:00", **ordered)
    warnings = medication.check_dose(session_for("nurse"), order.record_id, {
        "outcome": "given", "given_at": "2026-11-28T12:05+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
        "dose_given": given, "route": "PO"})
    assert [str(warning.message) for warning in warnings if warning.check is Check.DOSE_MISMATCH] == [said]


@pytest.mark.parametrize("drug, ordered, strength, given, said", [
    ("Morphine sulfate 10 mg/5 mL oral solution", 5.0, 10.0, 2.5,
     "Dose 2.5 mg differs from the order (5 mg): 2.5 is half of it, or its volume (5 mg = 2.5 mL) typed for the dose: "
     "check which was given, and type the dose given in mg."),
    ("Paracetamol 120 mg/5 mL oral suspension", 180.0, 120.0, 7.4,
     "Dose 7.4 mg differs from the order (180 mg), and 7.4 is its volume (180 mg = 7.5 mL): type the dose given in "
     "mg, not the volume drawn up.")])
def test_a_part_dose_that_is_also_the_volume_is_said_both_ways_and_the_volume_worked_out(drug, ordered, strength,
                                                                                         given, said):
    """Half of Oramorph's 5 mg (2 mg/mL), the child spitting half out, was said to be its volume
    typed for the dose; 7.4 typed for the 7.5 mL of 180 mg read "180 mg = 7.4 mL"."""
    order = Order(record_id="o", patient_id="p", drug=drug, dose=ordered, dose_unit="mg", route="PO",
                  frequency=Frequency.SCHEDULED, times=(time(8),), form="liquid", strength_mg=strength,
                  strength_ml=5.0, start_at=datetime.fromisoformat("2026-11-28T15:00+01:00"))
    assert differs_from_order(order, given).message == said


@pytest.mark.parametrize("prn_doses, day", [(2, "up to 1080 mg in 24 h"), (4, "up to 1440 mg in 24 h")])
def test_already_ordered_says_what_a_childs_paracetamol_orders_allow_together_whatever_the_total(
        session_for, children, prn_doses, day):
    """Regular 180 mg four times a day for 12 kg, and 180 mg as required: at most 2 more a day
    (90 mg/kg) was said with the day's total, at most 4 (120 mg/kg, above the day's most whatever
    the reason) with nothing of it (review T8 #2): the worse the total, the less was said."""
    _write(session_for, children["toddler"], drug="Paracetamol", dose=180.0, dose_unit="mg")
    beside = medication.duplicate_orders(session_for("doctor"), {
        **BASE, "drug": "Paracetamol", "dose": 180.0, "dose_unit": "mg", "frequency": "prn", "times": None,
        "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": prn_doses}, children["toddler"])
    assert beside is not None and day in beside

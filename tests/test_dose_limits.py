"""A medicine's own limits (domain.dose_limits), whatever its orders say: the most in one dose
and in 24 hours, by the patient's weight and age where the rule goes by them, and how close two
doses of it may be, across every order giving it."""

from datetime import datetime, time, timedelta

import pytest

from downtime.domain.dose_limits import RULES, limit_for, strengths_mg
from downtime.domain.medication import (
    Administration, Check, Frequency, Order, Outcome, content_mg, safety_warnings)
from downtime.domain.order_units import limits_refusals, strength_refusal
from downtime.domain.weight import ideal_kg
from downtime.i18n import Phrase
from downtime.services import medication, records, wards

LIMITS = {Check.MAXIMUM_DOSE, Check.MEDICINE_INTERVAL, Check.NOT_FOR_AGE}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-28T{text}+01:00")


def _order(record_id="reg", drug="Paracetamol", dose=1.0, unit="g", frequency=Frequency.SCHEDULED,
           times=(time(0), time(6), time(12), time(18)), start="00:00", **changes):
    return Order(record_id=record_id, patient_id="p", drug=drug, dose=dose, dose_unit=unit, route="PO",
                 frequency=frequency, times=times if frequency is Frequency.SCHEDULED else (),
                 start_at=_at(start) - timedelta(days=2), **changes)


def _given(order_id, at, amount=1.0, slot=True):
    return Administration(record_id=f"{order_id}{at.isoformat()}", order_id=order_id, outcome=Outcome.GIVEN,
                          scheduled_for=at if slot else None, at=at, dose=amount, given_by="nurse")


def _said(order, at, history, others=(), amount=None, slot=True, age=72, kg=70.0, on_hold=(), months=None):
    """The warnings of a medicine's limits a dose of `order` at `at` raises."""
    warnings = safety_warnings(order, outcome=Outcome.GIVEN, at=at, dose=amount,
                               scheduled_for=at if slot and order.frequency is not Frequency.PRN else None,
                               allergies=[], history=history, admitted=True, on_hold=on_hold,
                               prn_orders={other.record_id for other in others},
                               as_required=[other for other in others if other.frequency is Frequency.PRN],
                               other_orders=[(other, other.drug) for other in others], age=age, kg=kg,
                               months=months)
    return [(w.check, w.message) for w in warnings if w.check in LIMITS]


def test_four_grams_a_day_of_paracetamol_to_a_70_kg_adult_says_nothing():
    regular = _order()
    history = [_given("reg", _at(f"{h:02d}:00")) for h in (0, 6, 12)]
    assert _said(regular, _at("18:00"), history) == []


def test_a_once_only_gram_3_hours_after_a_regular_one_is_too_close():
    """Half the regular order's spacing (3 h of 6) let it pass as no double dose."""
    regular, once = _order(), _order("once", frequency=Frequency.ONCE, start="09:00")
    history = [_given("reg", _at("06:00"))]
    assert _said(once, _at("09:00"), history, [regular], slot=False) == [(Check.MEDICINE_INTERVAL, (
        "Paracetamol: a dose was given 180 min from this one (28/11 06:00, Paracetamol); its doses are at least "
        "4 h apart."))]
    # and the regular 12:00 gram, 3 hours after the once-only one
    assert _said(regular, _at("12:00"), [*history, _given("once", _at("09:00"), slot=False)], [once]) == [
        (Check.MEDICINE_INTERVAL, "Paracetamol: a dose was given 180 min from this one (28/11 09:00, Paracetamol); "
                                  "its doses are at least 4 h apart.")]


def test_a_fifth_gram_in_24_hours_from_another_order_is_questioned_naming_every_dose():
    regular, once = _order(), _order("once", frequency=Frequency.ONCE, start="09:00")
    history = [_given("reg", _at(f"{h:02d}:00")) for h in (0, 6, 12)] + [_given("once", _at("09:00"), slot=False)]
    assert _said(regular, _at("18:00"), history, [once]) == [(Check.MAXIMUM_DOSE, (
        "Paracetamol: with this dose, 5 g within 24 h; at most 4 g in 24 h. Counted: 28/11 00:00: 1 g (Paracetamol); "
        "28/11 06:00: 1 g (Paracetamol); 28/11 09:00: 1 g (Paracetamol); 28/11 12:00: 1 g (Paracetamol); "
        "28/11 18:00: 1 g, this dose."))]


def test_a_dose_on_hold_counts_as_perhaps_given():
    regular, once = _order(), _order("once", frequency=Frequency.ONCE, start="09:00")
    history = [_given("reg", _at(f"{h:02d}:00")) for h in (0, 6, 12)]
    (said,) = _said(regular, _at("18:00"), history, [once], on_hold=[_given("once", _at("09:00"), slot=False)])
    assert "28/11 09:00: 1 g (Paracetamol), on hold, perhaps given" in said[1]


def test_an_adult_under_50_kg_is_held_to_60_mg_per_kg():
    """BNF: 60 mg/kg in 24 h under 50 kg; a gram every 4 hours is 95 mg/kg a day at 42 kg."""
    prn = _order("prn", frequency=Frequency.PRN, min_interval_hours=4, max_doses_24h=4)
    history = [_given("prn", _at("01:00"), slot=False), _given("prn", _at("05:00"), slot=False)]
    assert _said(prn, _at("09:00"), history[:1], kg=42) == []
    assert _said(prn, _at("09:00"), history, kg=42) == [(Check.MAXIMUM_DOSE, (
        "Paracetamol: with this dose, 3 g within 24 h; at most 2.52 g in 24 h for 42 kg (60 mg/kg). Counted: "
        "28/11 01:00: 1 g (Paracetamol); 28/11 05:00: 1 g (Paracetamol); 28/11 09:00: 1 g, this dose."))]
    assert _said(prn, _at("09:00"), history, kg=70) == []


def test_an_adults_gram_to_an_18_kg_child_is_questioned_and_15_mg_per_kg_is_not():
    prn = _order("prn", frequency=Frequency.PRN, min_interval_hours=4, max_doses_24h=4)
    assert _said(prn, _at("13:00"), [], age=5, kg=18) == [(Check.MAXIMUM_DOSE, (
        "Paracetamol: 1000 mg in one dose is above the most for one dose (270 mg for 18 kg, 15 mg/kg)."))]
    child = _order("prn", dose=270, unit="mg", frequency=Frequency.PRN, min_interval_hours=4, max_doses_24h=6)
    history = [_given("prn", _at(f"{h:02d}:00"), 270, slot=False) for h in (1, 7, 13)]
    assert _said(child, _at("19:00"), history, age=5, kg=18) == []
    (said,) = _said(child, _at("23:00"), [*history, _given("prn", _at("19:00"), 270, slot=False)], age=5, kg=18)
    assert said[0] is Check.MAXIMUM_DOSE and "1350 mg within 24 h; at most 1080 mg in 24 h for 18 kg (60 mg/kg)" in said[1]


def test_iv_paracetamol_to_an_adult_never_weighed_asks_for_the_weight():
    """By vein paracetamol goes by weight under 50 kg at any age (MHRA 2010): a gram to a frail
    woman of 84 never weighed (38 kg: 26 mg/kg) was said nothing of. Asked, not refused; by
    mouth, or once weighed, as before."""
    iv = _order().model_copy(update={"route": "IV"})
    assert _said(iv, _at("06:00"), [], age=84, kg=None) == [(Check.MAXIMUM_DOSE, (
        "Paracetamol by this route is dosed by weight under 50 kg, and no weight is recorded this stay: weigh the "
        "patient and check the dose (under 50 kg, at most 15 mg/kg a dose, 60 mg/kg in 24 h)."))]
    assert _said(iv, _at("06:00"), [], age=None, kg=None)[0][1].startswith("Paracetamol by this route")
    assert _said(_order(), _at("06:00"), [], age=84, kg=None) == []
    assert _said(iv, _at("06:00"), [], age=84, kg=70.0) == []
    assert [check for check, _ in _said(iv, _at("06:00"), [], age=84, kg=38.0)] == [Check.MAXIMUM_DOSE]  # 570 mg


def test_a_child_with_no_weight_is_to_be_weighed_before_a_dose_given_by_weight():
    prn = _order("prn", dose=250, unit="mg", frequency=Frequency.PRN, min_interval_hours=4, max_doses_24h=4)
    assert _said(prn, _at("13:00"), [], age=5, kg=None) == [(Check.MAXIMUM_DOSE, (
        "Paracetamol is dosed by weight under 18, and no weight is recorded this stay: weigh the patient and check "
        "the dose (at most 15 mg/kg a dose, 60 mg/kg in 24 h)."))]
    assert _said(prn, _at("13:00"), [], age=None, kg=None) == []  # no birth date: an adult's limits


def test_co_codamol_counts_as_paracetamol_and_codeine_by_its_tablets_strength():
    """Two tablets of co-codamol 30/500 four times a day are 4 g of paracetamol and 240 mg of
    codeine: a gram of paracetamol as required on top is a fifth gram."""
    co_codamol = _order("cc", drug="Co-codamol 30/500", dose=2, unit="tablet")
    prn = _order("prn", frequency=Frequency.PRN, min_interval_hours=4)
    history = [_given("cc", _at(f"{h:02d}:00"), 2) for h in (0, 6, 12, 18)]
    (said,) = _said(prn, _at("22:00"), history, [co_codamol])
    assert said == (Check.MAXIMUM_DOSE, "Paracetamol: with this dose, 5 g within 24 h; at most 4 g in 24 h. Counted: "
                                        "28/11 00:00: 1 g (Co-codamol 30/500); 28/11 06:00: 1 g (Co-codamol 30/500); "
                                        "28/11 12:00: 1 g (Co-codamol 30/500); 28/11 18:00: 1 g (Co-codamol 30/500); "
                                        "28/11 22:00: 1 g, this dose.")
    extra = _said(co_codamol, _at("22:30"), history, amount=2, slot=False)
    assert [message.split(":")[0] for _, message in extra if "within 24 h" in message] == ["Codeine", "Paracetamol"]


@pytest.mark.parametrize("drug", ["Prontalgine 400 mg/20 mg/50 mg", "Prontalgine"])
def test_prontalgines_paracetamol_after_four_regular_grams_is_questioned(drug):
    """Four regular grams, then two Prontalgine tablets (paracetamol 400 mg, codeine 20 mg,
    caffeine 50 mg) as required at 22:00: 4.8 g of paracetamol in 24 h, said nothing of, the
    three strengths not told apart by their size."""
    regular = _order()
    prontalgine = _order("pr", drug=drug, dose=2, unit="tablet", frequency=Frequency.PRN, min_interval_hours=4)
    history = [_given("reg", _at(f"{h:02d}:00")) for h in (0, 6, 12, 18)]
    (said,) = _said(prontalgine, _at("22:00"), history, [regular])
    assert said == (Check.MAXIMUM_DOSE, "Paracetamol: with this dose, 4800 mg within 24 h; at most 4000 mg in 24 h. "
                                        "Counted: 28/11 00:00: 1000 mg (Paracetamol); 28/11 06:00: 1000 mg "
                                        "(Paracetamol); 28/11 12:00: 1000 mg (Paracetamol); 28/11 18:00: 1000 mg "
                                        "(Paracetamol); 28/11 22:00: 800 mg, this dose.")


def test_a_tablet_whose_strength_is_not_written_is_refused_when_ordered_and_not_guessed_at_the_dose():
    """Its limits could not weigh it: refused when written, on the medicine's name, where its
    strength is written (it was saved, weighed by nothing). One written before it was asked, or
    loaded from the EHR, reaches the bedside: its content is still not guessed; its doses are
    still spaced."""
    dafalgan = _order("d", drug="Dafalgan codéiné", dose=2, unit="tablet")
    assert [(refused.field, str(refused.said)) for refused in [strength_refusal(dafalgan)] if refused] == [(
        "drug", "Dafalgan codéiné in tablets: write the strength of each of its medicines in the medicine's name (e.g. "
                "“Paracetamol 500 mg”, “Co-codamol 30/500”): its limits could not weigh the dose, and a tablet of "
                "another strength may be given.")]
    assert strength_refusal(dafalgan.model_copy(update={"drug": "Dafalgan codéiné 500 mg/30 mg"})) is None
    once = _order("once", frequency=Frequency.ONCE, start="21:00")
    history = [_given("d", _at(f"{h:02d}:00"), 2) for h in (0, 6, 12, 18)]
    assert _said(once, _at("22:00"), history, [dafalgan], slot=False) == []
    assert [check for check, _ in _said(once, _at("21:00"), history, [dafalgan], slot=False)] == [
        Check.MEDICINE_INTERVAL]


@pytest.mark.parametrize("drug, unit, amount, expected", [
    ("Co-codamol 30/500", "tablet", 2, [60, 1000]),
    ("Co-codamol 8/500", "tablet", 2, [16, 1000]),
    ("Dafalgan codéiné 500 mg/30 mg", "tablet", 1, [30, 500]),
    ("Ixprim 37,5 mg/325 mg", "tablet", 2, [75, 650]),
    ("Co-dydramol 10/500", "tablet", 2, [1000]),  # dihydrocodeine has no limits here
    ("Doliprane 1 g", "tablet", 1, [1000]),
    ("Paracetamol 500mg", "tablet", 2, [1000]),
    ("Paracetamol", "g", 1, [1000]),
    ("Ibuprofen", "mg", 400, [400]),
    ("Paracetamol 120 mg/5 mL", "mL", 10, []),
    ("Paracetamol 120 mg/5 mL", "tablet", 1, []),
    ("Dafalgan codéiné", "tablet", 2, []),
    # Three medicines a tablet, by their table: caffeine 50 mg is no codeine 20 mg.
    ("Prontalgine 400 mg/20 mg/50 mg", "tablet", 2, [40, 800]),
    ("Lamaline 300 mg/10 mg/30 mg", "tablet", 2, [600]),
    ("Lamaline", "tablet", 1, [300]),
    ("Migraleve Pink", "tablet", 2, [16, 1000]),
    # Solpadeine's codeine counted when its name writes it (review S4 #7), never guessed; Headache's
    # 65 mg is its caffeine, and so is Plus's 30 mg written as its pack does (review S7 #3).
    ("Solpadeine Max 500 mg/12.8 mg", "tablet", 2, [25.6, 1000]),
    ("Solpadeine Plus 500 mg/8 mg", "tablet", 2, [16, 1000]),
    ("Solpadeine Plus 500 mg/8 mg/30 mg", "tablet", 2, [16, 1000]),
    ("Solpadeine Plus 500 mg/30 mg/8 mg", "tablet", 2, [16, 1000]),
    ("Solpadeine Max", "tablet", 2, [1000]),
    ("Solpadeine Headache 500 mg/65 mg", "tablet", 2, [1000]),
    ("Lamaline 500 mg/15 mg/50 mg", "tablet", 1, []),  # strengths not the table's: another form, not guessed
    ("Prontalgine", "mg", 400, []),
    ("Co-codamol", "mg", 500, []),
    ("Amoxicillin", "g", 1, [1000]),
    ("Clarithromycin", "g", 1, []),
])
def test_what_a_dose_gives_of_each_medicine_with_limits(drug, unit, amount, expected):
    order = _order(drug=drug, unit=unit, dose=amount)
    assert sorted(content_mg(order, amount).values()) == pytest.approx(expected)


def test_strengths_are_read_from_a_name_unless_a_unit_says_no_weight_a_tablet():
    assert strengths_mg("Co-codamol 30/500") == (30, 500)
    assert strengths_mg("Efferalgan 1g") == (1000,)
    assert strengths_mg("Paracetamol 120 mg/5 mL") is None
    # The micro sign, casefolded, is the Greek mu: "500 µg" was read as no strength, a child's dose never weighed.
    assert [strengths_mg(f"Dexamethasone 500 {unit}") for unit in ("\u00b5g", "\u03bcg", "MCG", "micrograms")] == [
        (0.5,)] * 4


@pytest.mark.parametrize("medicine, age, kg, day, dose", [
    ("paracetamol", 72, 70, 4000, 1000), ("paracetamol", 72, 42, 2520, 1000), ("paracetamol", 72, None, 4000, 1000),
    ("paracetamol", 5, 18, 1080, 270), ("paracetamol", 16, 80, 4000, 1000), ("ibuprofen", 8, 20, 600, 200),
    ("ibuprofen", 40, 45, 2400, None), ("codeine", 40, 45, 240, 60), ("tramadol", 40, 70, 400, None)])
def test_a_medicines_limits_for_a_patient(medicine, age, kg, day, dose):
    limit = limit_for(RULES[medicine], age, kg)
    assert (limit.day_mg, limit.dose_mg) == (day, dose)


def test_ibuprofen_above_10_mg_per_kg_for_a_child_and_tramadol_above_400_mg_a_day():
    ibuprofen = _order("i", drug="Ibuprofen", dose=400, unit="mg", frequency=Frequency.PRN, min_interval_hours=6)
    assert [check for check, _ in _said(ibuprofen, _at("13:00"), [], age=8, kg=20)] == [Check.MAXIMUM_DOSE]
    tramadol = _order("t", drug="Tramadol", dose=100, unit="mg", times=(time(0), time(6), time(12), time(18)))
    history = [_given("t", _at(f"{h:02d}:00"), 100) for h in (0, 6, 12, 18)]
    (said,) = _said(tramadol, _at("20:00"), history, amount=100, slot=False)
    assert said[0] is Check.MAXIMUM_DOSE and "500 mg within 24 h; at most 400 mg in 24 h" in said[1]


def test_the_medicines_interval_is_not_said_again_beside_an_orders():
    """An as-required dose 2 hours after another: the order's own interval says it."""
    prn = _order("prn", frequency=Frequency.PRN, min_interval_hours=4, max_doses_24h=4)
    warnings = safety_warnings(prn, outcome=Outcome.GIVEN, at=_at("11:00"), dose=None, scheduled_for=None,
                               allergies=[], history=[_given("prn", _at("09:00"), slot=False)], admitted=True,
                               age=72, kg=70)
    assert [w.check for w in warnings] == [Check.PRN_INTERVAL]


# Through the service: the patient's weight and age are read for the dose's check.

def _admit(session_for, admission_values, **changes):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, **changes, "arrival_at": "2026-11-28T00:30+01:00"}).patient_id


def _prn_paracetamol(session_for, patient, dose=1.0, unit="g", **reason):
    """`reason`: the prescriber's (`DOSE_REASON`), which a child's order with no weight recorded asks."""
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": dose, "dose_unit": unit, "route": "PO", "frequency": "prn",
        "prn_indication": "pain or fever", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-28T01:00+01:00", "controlled": False, "high_alert": False, **reason},
        patient_id=patient).record_id


ESTIMATED = {medication.DOSE_REASON: "Not weighed yet: 18 kg estimated (APLS)"}


def _weighed(session_for, patient, kg):
    """The patient weighed after the order was written (the admission's weight typed then): an
    order written so for their weight is refused when written (see tests/test_order_dose_checks.py);
    one written before they were weighed is questioned at each dose."""
    nurse = session_for("nurse")
    admission = records.list_current(nurse.db, form_id="admission", patient_id=patient)[0]
    records.amend(nurse, admission.record_id, {**admission.data, "weight_kg": kg}, "weighed on the ward")


def _prn(at, dose):
    return {"outcome": "given", "given_at": f"2026-11-28T{at}+01:00", "dose_given": dose, "route": "PO",
            "given_for": "pain 6/10"}


def _limits(warnings):
    return [(w.check, w.message) for w in warnings if w.check in LIMITS]


def test_a_third_gram_in_8_hours_to_a_42_kg_patient_is_questioned_by_her_weight(session_for, admission_values, clock):
    patient = _admit(session_for, admission_values, weight_kg=None)
    order, nurse = _prn_paracetamol(session_for, patient), session_for("nurse")
    _weighed(session_for, patient, 42)
    for at in ("01:00", "05:00"):
        medication.record_dose(nurse, order, _prn(at, 1.0), overrides={Check.ALLERGY: "n/a"})
    assert [check for check, _ in _limits(medication.check_dose(nurse, order, _prn("09:00", 1.0)))] == [
        Check.MAXIMUM_DOSE]
    assert "at most 2.52 g in 24 h for 42 kg (60 mg/kg)" in _limits(medication.check_dose(
        nurse, order, _prn("09:00", 1.0)))[0][1]


def test_a_70_kg_adults_gram_every_6_hours_says_nothing(session_for, admission_values, clock):
    patient = _admit(session_for, admission_values, weight_kg=70)
    order, nurse = _prn_paracetamol(session_for, patient), session_for("nurse")
    for at in ("01:00", "07:00", "13:00"):
        medication.record_dose(nurse, order, _prn(at, 1.0), overrides={Check.ALLERGY: "n/a"})
    assert _limits(medication.check_dose(nurse, order, _prn("19:00", 1.0))) == []


def test_a_childs_dose_is_weighed_by_the_childs_weight(session_for, admission_values, clock):
    patient = _admit(session_for, admission_values, birth_date="2021-03-12", weight_kg=None)
    nurse = session_for("nurse")
    adults = _prn_paracetamol(session_for, patient, **ESTIMATED)
    _weighed(session_for, patient, 18)
    assert [check for check, _ in _limits(medication.check_dose(nurse, adults, _prn("13:00", 1.0)))] == [
        Check.MAXIMUM_DOSE]
    childs = _prn_paracetamol(session_for, patient, 270, "mg", **ESTIMATED)
    assert _limits(medication.check_dose(nurse, childs, _prn("13:00", 270))) == []


def test_a_child_never_weighed_is_to_be_weighed(session_for, admission_values, clock):
    patient = _admit(session_for, admission_values, birth_date="2021-03-12", weight_kg=None)
    order = _prn_paracetamol(session_for, patient, 250, "mg", **ESTIMATED)
    assert [message for _, message in _limits(medication.check_dose(session_for("nurse"), order, _prn("13:00", 250)))
            ] == ["Paracetamol is dosed by weight under 18, and no weight is recorded this stay: weigh the patient "
                  "and check the dose (at most 15 mg/kg a dose, 60 mg/kg in 24 h)."]


def test_a_once_only_gram_between_two_regular_ones_is_questioned_and_recorded_with_a_reason(
        session_for, admission_values, clock):
    patient = _admit(session_for, admission_values)
    doctor, nurse = session_for("doctor"), session_for("nurse")
    regular = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "00:00 06:00 12:00 18:00", "start_at": "2026-11-28T01:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    once = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "once",
        "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    medication.record_dose(nurse, regular, {"outcome": "given", "given_at": "2026-11-28T06:00+01:00", "dose_given": 1.0,
                                            "route": "PO", "scheduled_for": "2026-11-28T06:00+01:00"},
                           overrides={Check.ALLERGY: "n/a"})
    values = {"outcome": "given", "given_at": "2026-11-28T09:00+01:00", "dose_given": 1.0, "route": "IV",
              "scheduled_for": "2026-11-28T09:00+01:00"}
    assert [check for check, _ in _limits(medication.check_dose(nurse, once, values))] == [Check.MEDICINE_INTERVAL]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, once, values, overrides={Check.ALLERGY: "n/a"})
    medication.record_dose(nurse, once, values, overrides={Check.ALLERGY: "n/a",
                                                           Check.MEDICINE_INTERVAL: "Prescriber asked, pain 9/10"})
    (dose,) = [dose for dose in medication.administrations(nurse.db, patient) if dose.order_id == once]
    assert medication.overrides_text(nurse.form(medication.DOSE_FORM), dose, "fr") == (
        "Prises du médicament trop rapprochées : Prescriber asked, pain 9/10")
    noon = {"outcome": "given", "given_at": "2026-11-28T12:00+01:00", "dose_given": 1.0, "route": "PO",
            "scheduled_for": "2026-11-28T12:00+01:00"}
    assert [check for check, _ in _limits(medication.check_dose(nurse, regular, noon))] == [Check.MEDICINE_INTERVAL]


@pytest.mark.parametrize("drug,dose,unit", [("Codeine phosphate", 30.0, "mg"), ("Co-codamol 30/500", 1.0, "tablet"),
                                            ("Dafalgan codéiné", 1.0, "tablet")])
def test_codeine_to_a_child_under_12_is_not_given_whatever_its_dose(drug, dose, unit):
    """MHRA, ANSM 2013, EMA 2015: children who turn codeine into morphine fast stopped breathing
    on usual doses. Nothing was said of a 10-year-old's dose."""
    order = _order(drug=drug, dose=dose, unit=unit, frequency=Frequency.PRN, min_interval_hours=6, max_doses_24h=4)
    said = [warning for warning in _said(order, _at("13:00"), [], age=10, kg=32.0) if warning[0] is Check.NOT_FOR_AGE]
    assert said == [(Check.NOT_FOR_AGE, "Codeine is never given under 12 years, and the patient is 10 years old: "
                                        "children who turn it into morphine fast have stopped breathing on usual doses "
                                        "(MHRA, ANSM 2013). Do not give it; ask the prescriber for another analgesic.")]
    assert [w for w in _said(order, _at("13:00"), [], age=12, kg=40.0) if w[0] is Check.NOT_FOR_AGE] == []
    assert [w for w in _said(order, _at("13:00"), [], age=None, kg=40.0) if w[0] is Check.NOT_FOR_AGE] == []


@pytest.mark.parametrize("drug, route, age, months, kg, said", [
    ("Ibuprofen", "PO", 0, 1, 5.2, "Ibuprofen by this route is not usually given to a baby under 3 months old or "
                                   "under 5 kg (ANSM, BNFc): check with the prescriber that it is meant before giving "
                                   "it."),
    ("Nurofenpro 20 mg/mL", "PO", 0, 5, 4.6, "Ibuprofen by this route is not usually given to a baby under 3 months "
                                             "old or under 5 kg (ANSM, BNFc): check with the prescriber that it is "
                                             "meant before giving it."),
    ("Tramadol", "PO", 2, 30, 13.0, "Tramadol is not usually given under 3 years (ANSM; the FDA: under 12, children "
                                    "who turn it fast into its opioid have stopped breathing): check with the "
                                    "prescriber that it is meant before giving it."),
    ("Aspirin", "PO", 6, 75, 20.0, "Aspirin is not given under 16 years (Reye's syndrome: MHRA, BNFc) but for a named "
                                   "indication (Kawasaki disease, after heart surgery): check the indication with the "
                                   "prescriber before giving it."),
    ("Ibuprofen", "PO", 0, 3, 5.0, None), ("Ibuprofen", "IV", 0, 1, 3.4, None),
    ("Ibuprofen", "PO", 0, None, None, None),
    ("Tramadol", "PO", 3, 36, 14.0, None), ("Aspirin", "PO", 16, 192, 60.0, None)])
def test_a_medicine_not_usually_given_so_young_or_light_is_questioned_at_the_bedside(drug, route, age, months, kg,
                                                                                      said):
    """An order written before a mistyped birth year was corrected, or loaded from the EHR: oral
    ibuprofen to a 6-week-old of 5.2 kg was asked when written to a "1-year-old", never at the dose."""
    order = _order(drug=drug, dose=1.0, unit="mg", frequency=Frequency.ONCE).model_copy(update={"route": route})
    found = [message for check, message in _said(order, _at("13:00"), [], age=age, kg=kg, months=months, slot=False)
             if check is Check.NOT_FOR_AGE]
    assert found == ([said] if said else [])


def test_codeine_written_before_the_birth_date_was_corrected_is_questioned_at_the_dose(
        session_for, admission_values, clock):
    """The order was written for an adult; the child's birth date typed since: each dose asks."""
    patient = _admit(session_for, admission_values, weight_kg=35)
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Codeine phosphate", "dose": 30.0, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 6, "max_doses_24h": 4,
        "start_at": "2026-11-28T01:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    nurse = session_for("nurse")
    admission = records.list_current(nurse.db, form_id="admission", patient_id=patient)[0]
    records.amend(nurse, admission.record_id, {**admission.data, "birth_date": "2016-05-02"}, "birth date from parents")
    values = _prn("13:00", 30.0)
    assert [w.check for w in medication.check_dose(nurse, order, values) if w.check is Check.NOT_FOR_AGE] == [
        Check.NOT_FOR_AGE]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, values, overrides={Check.ALLERGY: "n/a"})
    medication.record_dose(nurse, order, values, overrides={Check.ALLERGY: "n/a",
                                                            Check.NOT_FOR_AGE: "Paediatrician present, 30 mg agreed"})
    (dose,) = medication.administrations(nurse.db, patient)
    assert medication.overrides_text(nurse.form(medication.DOSE_FORM), dose, "fr") == (
        "Médicament contre-indiqué à cet âge : Paediatrician present, 30 mg agreed")


def test_a_dose_of_paracetamol_by_vein_to_a_4_kg_baby_is_weighed_by_the_route():
    """Perfalgan SmPC, MHRA 2010: 7.5 mg/kg a dose by vein for 10 kg or less; by mouth 15 mg/kg."""
    by_vein = _order(drug="Paracetamol", dose=60.0, unit="mg").model_copy(update={"route": "IV"})
    assert _said(by_vein, _at("12:00"), [], age=0, kg=4.0) == [(Check.MAXIMUM_DOSE, (
        "Paracetamol: 60 mg in one dose is above the most for one dose (30 mg for 4 kg, 7.5 mg/kg)."))]
    assert _said(by_vein.model_copy(update={"route": "PO"}), _at("12:00"), [], age=0, kg=4.0) == []


# An adult's gentamicin and vancomycin (review R8 #1): dosed by weight and levels, the app holding
# no levels, each had no most at all, and a tenfold slip was saved and given with nothing said.

GENTAMICIN_DAILY = {"drug": "Gentamicin", "dose_unit": "mg", "route": "IV", "frequency": "scheduled", "times": "12:00",
                    "start_at": "2026-11-28T12:00+01:00", "review_at": "2026-11-30T12:00+01:00", "controlled": False,
                    "high_alert": False}
ADJUSTED = "55 kg adjusted body weight, the actual 61.5 kg being over 120 % of the ideal 50.6 kg"
"""The standard woman's (61.5 kg, 158 cm): her ideal weight (Devine) is 50.6 kg, 61.5 is over 120 % of it."""


def _write_order(session_for, patient, **values):
    return records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN_DAILY, **values},
                            patient_id=patient)


def _asked_when_written(session_for, patient, **values) -> tuple[str, str]:
    """What writing the order asks, and the order's id once saved with the prescriber's reason, kept."""
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write_order(session_for, patient, **values)
    reason = "Level-guided, checked with the pharmacist"
    saved = _write_order(session_for, patient, **values, **{medication.DOSE_REASON: reason})
    assert saved.data[medication.DOSE_REASON] == reason
    return str(asked.value), saved.record_id


@pytest.mark.parametrize("dose", [4300.0, 3600.0, 430.0])
def test_an_adults_gentamicin_above_7_mg_per_kg_of_her_adjusted_weight_is_asked(session_for, admission_values,
                                                                                   dose):
    """4300 mg once a day (430 slipped tenfold, 70 mg/kg) was saved unasked. Over 120 % of her
    ideal weight, she is dosed by her adjusted weight: 430 mg, 7 mg/kg of her actual 61.5 kg, is
    asked too, the message naming the weight it is worked out from."""
    patient = _admit(session_for, admission_values)
    said, _ = _asked_when_written(session_for, patient, dose=dose)
    assert said.startswith(f"Gentamicin: {dose:g} mg in one dose is above the most for one dose (385 mg for "
                           f"{ADJUSTED}, 7 mg/kg).")


def test_an_adults_gentamicin_within_7_mg_per_kg_a_day_says_nothing_and_above_it_is_asked(session_for,
                                                                                          admission_values):
    patient = _admit(session_for, admission_values)
    _write_order(session_for, patient, dose=380.0)
    _write_order(session_for, patient, dose=80.0, times="06:00 14:00 22:00")  # 8-hourly, 3-5 mg/kg a day (BNF)
    said, _ = _asked_when_written(session_for, patient, dose=160.0, times="06:00 14:00 22:00")
    assert said.startswith(f"Gentamicin: as ordered, up to 480 mg in 24 h (this order: 480 mg); at most 385 mg in 24 h "
                           f"for {ADJUSTED} (7 mg/kg).")


def test_an_adults_gentamicin_with_no_height_recorded_is_weighed_by_the_actual_weight_said_so(session_for,
                                                                                              admission_values):
    patient = _admit(session_for, {key: value for key, value in admission_values.items() if key != "height_cm"})
    _write_order(session_for, patient, dose=430.0)
    said, _ = _asked_when_written(session_for, patient, dose=4300.0)
    assert said.startswith("Gentamicin: 4300 mg in one dose is above the most for one dose (430.5 mg for 61.5 kg "
                           "actual weight, no height being recorded to work out the ideal weight, 7 mg/kg).")


@pytest.mark.parametrize("kg, height, sex, most, weight", [
    (61.5, 158, "female", 385, ADJUSTED),
    (80.0, 180, "male", 560, "80 kg"),  # ideal 75.1 kg: 80 is within 120 % of it, the actual weight
    (120.0, 170, "unknown", 594.3,  # a sex not known is weighed by a woman's ideal weight, the lower
     "84.9 kg adjusted body weight, the actual 120 kg being over 120 % of the ideal 61.5 kg"),
    (61.5, None, "female", 430.5, "61.5 kg actual weight, no height being recorded to work out the ideal weight")])
def test_an_adults_gentamicin_limit_by_the_weight_it_is_dosed_by(kg, height, sex, most, weight):
    limit = limit_for(RULES["gentamicin"], 72, kg, "IV", ideal_kg=None if height is None else ideal_kg(height, sex))
    assert (limit.dose_mg, limit.day_mg) == pytest.approx((most, most))
    assert str(limit.weight) == weight


def test_an_adults_gentamicin_never_weighed_is_to_be_weighed_when_written_and_given():
    order = _order("g", drug="Gentamicin", dose=350.0, unit="mg", times=(time(12),)).model_copy(
        update={"route": "IV"})  # by vein or IM only: nebulised, it goes by no weight
    assert _said(order, _at("12:00"), [], kg=None) == [(Check.MAXIMUM_DOSE, (
        "Gentamicin is dosed by weight, and no weight is recorded this stay: weigh the patient and check the dose (at "
        "most 7 mg/kg a dose, 7 mg/kg in 24 h)."))]
    (refusal,) = limits_refusals(order, [], age=72, kg=None)
    assert refusal.asked and str(Phrase(refusal.said.template, {**refusal.said.values, "field": "Reason"})) == (
        "Gentamicin is dosed by weight, and no weight is recorded this stay: weigh the patient, or give the weight "
        "the dose is worked out from (measured, estimated or stated, and when) in “Reason”.")


def test_an_adults_tenfold_vancomycin_is_asked_when_written_and_questioned_at_the_bedside(session_for,
                                                                                          admission_values, clock):
    """BNF: 15-20 mg/kg every 8-12 h by the actual weight, at most 2 g a dose, a loading dose
    25-30 mg/kg. 10 g twice a day (1 g slipped tenfold) was saved unasked, vancomycin having no
    limits at all."""
    patient = _admit(session_for, admission_values)
    said, order = _asked_when_written(session_for, patient, drug="Vancomycin", dose=10.0, dose_unit="g",
                                      times="08:00 20:00")
    assert said.startswith("Vancomycin: 10000 mg in one dose is above the most for one dose (1845 mg for 61.5 kg, "
                           "30 mg/kg).")
    said, _ = _asked_when_written(session_for, patient, drug="Vancomycin", dose=1.5, dose_unit="g",
                                  times="04:00 12:00 20:00")
    assert said.startswith("Vancomycin: as ordered, up to 4500 mg in 24 h (this order: 4500 mg); at most 3690 mg in "
                           "24 h for 61.5 kg (60 mg/kg).")
    _write_order(session_for, patient, drug="Vancomycin", dose=1.0, dose_unit="g", times="08:00 20:00")
    _write_order(session_for, patient, drug="Vancomycin", dose=1750.0, frequency="once", times=None, review_at=None)
    _write_order(session_for, patient, drug="Vancomycin", dose=125.0, route="PO", times="00:00 06:00 12:00 18:00")
    clock.now = datetime.fromisoformat("2026-11-28T20:00+01:00")
    warnings = medication.check_dose(session_for("nurse"), order, {
        "outcome": "given", "given_at": "2026-11-28T20:00+01:00", "scheduled_for": "2026-11-28T20:00+01:00",
        "dose_given": 10.0, "route": "IV"})
    assert (Check.MAXIMUM_DOSE, "Vancomycin: 10 g in one dose is above the most for one dose (1.845 g for 61.5 kg, "
                                "30 mg/kg).") in _limits(warnings)


@pytest.mark.parametrize("age, days, kg, route, dose, day", [
    (72, None, 100.0, "IV", 2000, 4500),  # an adult's most, whatever the weight
    (72, None, None, "PO", 2000, 4500),   # by mouth, not by weight: an adult never weighed is not asked
    (8, None, 25.0, "IV", 500, 1500),     # a child's 20 mg/kg a dose, 60 mg/kg in 24 h (BNFc)
    (0, 10, 3.4, "IV", 51, 153)])         # a neonate's 15 mg/kg, every 8 h at most (BNFc)
def test_vancomycins_limits_by_age_weight_and_route(age, days, kg, route, dose, day):
    limit = limit_for(RULES["vancomycin"], age, kg, route, days)
    assert RULES["vancomycin"].asked and not limit.weigh
    assert (limit.dose_mg, limit.day_mg) == pytest.approx((dose, day))


def test_once_daily_gentamicin_within_20_hours_of_another_dose_is_questioned_and_8_hourly_doses_are_not():
    """Hartford's once-daily gentamicin is given every 24 h at the shortest; the 8-hourly regimen
    every 8 h, whose doses are not held to it."""
    daily = _order("daily", drug="Gentamicin", dose=180.0, unit="mg", times=(time(8),))
    stat = _order("stat", drug="Gentamicin", dose=180.0, unit="mg", frequency=Frequency.ONCE)
    history = [_given("stat", _at("00:00") - timedelta(hours=6), 180.0, slot=False)]
    assert _said(daily, _at("08:00"), history, [stat], amount=180.0) == [(Check.MEDICINE_INTERVAL, (
        "Gentamicin: a dose was given 840 min from this one (27/11 18:00, Gentamicin); its doses are at least 20 h "
        "apart."))]
    assert _said(daily, _at("14:00"), history, [stat], amount=180.0, slot=False) == []
    eight_hourly = _order("tds", drug="Gentamicin", dose=80.0, unit="mg", times=(time(6), time(14), time(22)))
    assert _said(eight_hourly, _at("14:00"), [_given("tds", _at("06:00"), 80.0)], amount=80.0) == []


def test_the_daily_gentamicin_given_14_hours_after_its_stat_dose_is_questioned_at_the_bedside(
        session_for, admission_values, clock):
    """Stat gentamicin at 18:00 for sepsis, then the regular daily dose at 08:00 the next morning
    (the daily time should follow the stat's): two doses of a once-daily aminoglycoside in 14 h,
    and the 08:00 dose's check said nothing."""
    patient = _admit(session_for, admission_values)
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    stat = _write_order(session_for, patient, dose=240.0, frequency="once", times=None, review_at=None,
                        start_at="2026-11-28T18:00+01:00").record_id
    clock.now = datetime.fromisoformat("2026-11-28T18:02+01:00")
    medication.record_dose(nurse, stat, {"outcome": "given", "given_at": "2026-11-28T18:00+01:00",
                                         "scheduled_for": "2026-11-28T18:00+01:00", "dose_given": 240.0,
                                         "route": "IV"}, overrides={Check.ALLERGY: "n/a"})
    daily = _write_order(session_for, patient, dose=140.0, times="08:00", start_at="2026-11-29T08:00+01:00").record_id
    clock.now = datetime.fromisoformat("2026-11-29T08:00+01:00")
    values = {"outcome": "given", "given_at": "2026-11-29T08:00+01:00", "scheduled_for": "2026-11-29T08:00+01:00",
              "dose_given": 140.0, "route": "IV"}
    (said,) = _limits(medication.check_dose(nurse, daily, values))
    assert said[0] is Check.MEDICINE_INTERVAL and "its doses are at least 20 h apart" in said[1]
    assert said[1].startswith("Gentamicin: a dose was given 840 min from this one (28/11 18:00, Gentamicin 240 mg IV")


@pytest.mark.parametrize("height, kg, dose", [(140, 45.0, 315.0), (100, 30.0, 210.0), (58, 61.5, 363.3)])
def test_a_short_adults_ideal_weight_is_never_below_five_feets(height, kg, dose):
    """Devine's formula carried below five feet: a woman of 140 cm and a normal 45 kg was dosed by
    an "adjusted" 38.5 kg, one of 100 cm by 10.7 kg, and 58 cm typed for 158 named an ideal weight
    of -40.4 kg."""
    assert ideal_kg(height, "female") == pytest.approx(45.5)
    limit = limit_for(RULES["gentamicin"], 40, kg, "IV", ideal_kg=ideal_kg(height, "female"))
    assert limit.dose_mg == pytest.approx(dose) and "-" not in str(limit.weight), str(limit.weight)


def test_the_height_of_the_nutrition_screening_is_read_for_the_ideal_weight(session_for, admission_values):
    """The admission left the height blank and the screening measured it: gentamicin said "no
    height being recorded" and went by the actual weight's 430.5 mg, not the adjusted 385 mg."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", {
        **{key: value for key, value in admission_values.items() if key != "height_cm"},
        "arrival_at": "2026-11-28T00:30+01:00"}).patient_id
    records.save_new(session_for("nurse"), "nutrition_screening", {
        "screened_at": "2026-11-28T09:00+01:00", "weight_kg": 61.5, "height_cm": 158,
        "weight_loss": "under_5", "acute_no_intake": False}, patient_id=patient)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN_DAILY, "dose": 4300.0},
                         patient_id=patient)
    assert "(385 mg for 55 kg adjusted body weight" in str(asked.value), str(asked.value)

"""What an anticoagulant's dose is weighed against beyond its own order: the INR a vitamin K
antagonist is dosed by (BSH 2011: an INR above its range holds the dose until a doctor decides),
another anticoagulant running beside it (two at once, or a bridge left on, is the commonest
anticoagulant harm NPSA 2007 names), a dose plainly prophylactic where a treatment dose is
decided, and how long before an operation it is held (BSH/ASRA perioperative guidance; the
anaesthetist times a spinal from the last dose). Pure: the services read the records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from downtime.domain import elapsed
from downtime.domain.dose_limits import ADULT_FROM_YEARS
from downtime.domain.lab_results import Bound, Reading
from downtime.domain.medication import (DIRECT_ORAL, ML, VITAMIN_K_ANTAGONISTS, Frequency, Order, also_ordered,
                                        anticoagulant, anticoagulates_for, infused, medicine_name, medicines_in,
                                        runs_at, shares_a_medicine)
from downtime.domain.order_units import Refusal
from downtime.domain.potassium import named_ml
from downtime.i18n import QT_TRANSLATE_NOOP, Number, Phrase

INR_TARGET_TOP = 3.0
"""The top of the usual INR target (2.0–3.0, BSH): an INR is held above it, or above its result's
own range when that range is a higher target (2.5–3.5 for a mechanical valve). A laboratory's
reference range for someone not anticoagulated (0.8–1.2) would make every therapeutic INR "high"."""
INR_RECENT = timedelta(hours=24)
"""An INR a vitamin K antagonist's dose is started with in the dose dialog: the day's (warfarin is
dosed daily on the latest INR; an older one is shown, the nurse typing the reading she doses on)."""
INR_BY_RULE = QT_TRANSLATE_NOOP(
    "messages", "{drug}: INR {result} ({range}) received {time}: dosed by the prescriber's rule ({band}).")
INR_REVIEWED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: INR {result} ({range}) received {time}: order amended by the prescriber since: "
                "“{reason}”.")
INR_DECIDED = frozenset({INR_BY_RULE, INR_REVIEWED})
"""A high INR the prescriber decided on (the order's dose rule names its band, or the order was
amended after it came back): said on the round and the MAR as the decision, holding no dose, as an
AKI's question answered is (services.medication.holding)."""
COAGULATION = "coagulation"
"""The sample's test (lab_request) that gives the INR."""

LOW_MOLECULAR_WEIGHT = frozenset(medicine_name(name) for name in (
    "enoxaparin", "tinzaparin", "dalteparin", "nadroparin", "certoparin", "reviparin"))
"""The low-molecular-weight heparins, held by their dose before an operation (`LOW_MOLECULAR_WEIGHT_HELD`)."""
FONDAPARINUX = medicine_name("fondaparinux")
HEPARIN = medicine_name("heparin")

PROPHYLACTIC_A_DAY: Mapping[str, Mapping[str, float]] = {
    medicine_name("enoxaparin"): {"mg": 40, "units": 4000},
    medicine_name("dalteparin"): {"units": 5000},
    medicine_name("tinzaparin"): {"units": 4500},
    medicine_name("nadroparin"): {"units": 5700},
    medicine_name("fondaparinux"): {"mg": 2.5},
    medicine_name("heparin"): {"units": 15000},
}
"""The most a day, by unit, of each heparin's prophylactic regimen (BNF: enoxaparin 40 mg once
daily, dalteparin 5,000 units, tinzaparin 4,500 units, heparin 5,000 units SC two or three times a
day, fondaparinux 2.5 mg): a dose no more than this is not a treatment dose, whatever the order
says. A direct oral anticoagulant is never told by its dose: apixaban 2.5 mg twice a day and
dabigatran 110 mg twice a day are atrial fibrillation's doses for the old and the light, and were
called prophylactic; warfarin has no prophylactic regimen."""
INTRAVENOUS = "IV"
"""The order form's code of the intravenous route."""
_VTE = r"(?:\bvte\b|\bdvt\b|\bmtev\b|\btvp\b|veineu|venous|deep vein|thrombose veineuse)"
_PREVENTS = "(?:prophyla|prevent|prévent)"
VTE_PROPHYLAXIS = re.compile(rf"thromboprophyla|{_PREVENTS}.*{_VTE}|{_VTE}.*{_PREVENTS}")
"""An indication that says the order prevents a venous thrombosis: "VTE prophylaxis", "prophylaxie
de la MTEV", "DVT prevention", "thromboprophylaxis". Never a bare "prevention": "stroke prevention
in AF" and "prevention of mechanical valve thrombosis" are treatment doses, whose hold before an
operation was halved."""

HELD_BEFORE_OPERATION: tuple[tuple[frozenset[str], timedelta], ...] = ((frozenset({FONDAPARINUX}), timedelta(hours=42)),)
"""How long before an operation a dose is not given without asking: a vitamin K antagonist or a
direct oral anticoagulant for as long as it still anticoagulates, the creatinine clearance not
known here (domain.medication.anticoagulates_for, its longest): a vitamin K antagonist 5 days (BSH
2016), apixaban, rivaroxaban and edoxaban 48 hours, dabigatran 96 (EHRA 2021, surgery of high
bleeding risk below a clearance of 50; ASRA 2018 asks 72 of the others before a spinal, the
anaesthetist's to time): dabigatran was held 48 hours, as at a normal renal function, and a dose
50 hours before theatre asked nothing, where a fall and the theatre list count it 96. Fondaparinux
42 hours (AAGBI 2013: 36 to 42; half-life 17 to 21 hours: it was held as a low-molecular-weight
heparin, 12 hours, and a dose 14 hours before theatre asked nothing); a low-molecular-weight
heparin by its dose (`LOW_MOLECULAR_WEIGHT_HELD`), unfractionated heparin by its dose and route (`_heparin_held`)."""
LOW_MOLECULAR_WEIGHT_HELD = {True: timedelta(hours=12), False: timedelta(hours=24)}
"""A low-molecular-weight heparin's hold before an operation, prophylactic (True) or treatment."""
HEPARIN_HELD = ((5000, 15000, timedelta(hours=6)), (10000, 20000, timedelta(hours=12)))
"""Unfractionated heparin under the skin, by its most a dose and a day in units (ASRA 2018):
5,000 two or three times a day 6 hours, up to 10,000 a dose and 20,000 a day 12 hours, more
24 hours (`HEPARIN_TREATMENT_HELD`); into a vein, 6 hours from its stop (`HEPARIN_IV_HELD`)."""
HEPARIN_TREATMENT_HELD = timedelta(hours=24)
HEPARIN_IV_HELD = timedelta(hours=6)


def vitamin_k_antagonist(drug: str) -> bool:
    """Whether a medicine is dosed by the INR: warfarin, acenocoumarol, fluindione (Previscan)."""
    return bool(medicines_in(drug) & VITAMIN_K_ANTAGONISTS) and anticoagulant(drug)


def inr_high(reading: Reading, range_top: float | None) -> bool:
    """Whether an INR is above its target (`INR_TARGET_TOP`, or its result's higher range): a value
    above it, or a bound the assay reads past ("> 8") at or above it; "> 2" or "< 1" says nothing."""
    top = max(range_top or INR_TARGET_TOP, INR_TARGET_TOP)
    if reading.bound is Bound.ABOVE:
        return reading.value >= top
    return reading.bound is Bound.EQUAL and reading.value > top


INR_RULE_MOST = 4.0
"""The highest INR a dose rule answers (BSH 2011: above it the doses are omitted or reversed on a
doctor's decision, whatever the rule says): "over 4: 0.5 mg" still asks."""
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_BETWEEN = re.compile(rf"{_NUMBER}\s*(?:to|à|-|–|—)\s*{_NUMBER}")
_UNDER = re.compile(rf"(?:under|below|less than|<|moins de|inférieur à)\s*{_NUMBER}")
_OVER = re.compile(rf"(?:over|above|more than|>|plus de|supérieur à)\s*{_NUMBER}")
_ASKS = re.compile(r"doctor|médecin|medecin|\bdr\b|\bnone\b|\bomit|\bhold|withhold|stop|aucun|pas de|arrêt|suspend")
"""The words of a band that send the nurse to the doctor or give no dose: "none and tell the doctor"."""


def _band_holds(head: str, value: float) -> bool:
    """Whether a dose rule's band (`head`: "3 to 4", "3–4", "under 2", "> 4") holds an INR value."""
    if found := _BETWEEN.search(head):
        low, high = (float(number.replace(",", ".")) for number in found.groups())
        return low <= value <= high
    if found := _UNDER.search(head):
        return value < float(found.group(1).replace(",", "."))
    if found := _OVER.search(head):
        return value > float(found.group(1).replace(",", "."))
    return False


def rule_band(dose_rule: str | None, reading: Reading) -> str | None:
    """The band of a vitamin K antagonist's dose rule the prescriber wrote for this INR ("3 to 4:
    1 mg"), as written; None when the rule names none, sends the nurse to the doctor or gives no
    dose for it, or the INR is a bound read past ("> 8") or above `INR_RULE_MOST`. The 1 mg the
    rule gave for an INR of 3.4 was "hold and ask the doctor" at each evening's dose."""
    if not dose_rule or reading.bound is not Bound.EQUAL or reading.value > INR_RULE_MOST:
        return None
    for band in re.split(r"[;\n]", dose_rule):
        head, colon, dose = band.partition(":")
        if colon and _band_holds(head.casefold(), reading.value):
            return None if _ASKS.search(dose.casefold()) else " ".join(band.split())
    return None


def a_day(order: Order) -> float:
    """What an order gives in a day, in its unit: a regular order's dose at each of its times, over
    its days apart; any other order's one dose."""
    if order.frequency is Frequency.SCHEDULED and order.times:
        return order.dose * len(order.times) / max(order.every_days, 1)
    return order.dose


def _at_prophylactic_dose(order: Order) -> bool:
    """Whether a heparin order gives no more in a day than its prophylactic regimen
    (`PROPHYLACTIC_A_DAY`); an intravenous one is a treatment (a bolus of 5,000 units IV starts an
    infusion)."""
    if order.route == INTRAVENOUS:
        return False
    most = [limits[order.dose_unit] for name in medicines_in(order.drug)
            if (limits := PROPHYLACTIC_A_DAY.get(name)) is not None and order.dose_unit in limits]
    return bool(most) and a_day(order) <= min(most)


def prophylactic(order: Order) -> bool:
    """Whether an anticoagulant order is plainly at a prophylactic dose: its indication says VTE
    prophylaxis (`VTE_PROPHYLAXIS`), or a heparin's dose is no more than its prophylactic regimen
    (`_at_prophylactic_dose`). A decision of treatment dose was met by enoxaparin 40 mg daily for a
    pulmonary embolism."""
    return bool(VTE_PROPHYLAXIS.search((order.indication or "").casefold())) or _at_prophylactic_dose(order)


def held_before_operation(order: Order) -> timedelta | None:
    """How long before an operation this anticoagulant's dose is asked (`HELD_BEFORE_OPERATION`,
    `LOW_MOLECULAR_WEIGHT_HELD`); None for one not held (argatroban, a line lock). A low-molecular-
    weight heparin's shorter hold is by its dose alone, never its words: when in doubt, the longer
    hold asks, where the shorter one let a treatment dose go 12 hours before a spinal."""
    if not anticoagulant(order.drug):
        return None
    found = medicines_in(order.drug)
    if found & LOW_MOLECULAR_WEIGHT:
        return LOW_MOLECULAR_WEIGHT_HELD[_at_prophylactic_dose(order)]
    if unfractionated_heparin(order.drug):
        return _heparin_held(order)
    if found & (VITAMIN_K_ANTAGONISTS | DIRECT_ORAL):
        return anticoagulates_for(order.drug)
    return next((held for names, held in HELD_BEFORE_OPERATION if found & names), None)


def _heparin_held(order: Order) -> timedelta:
    """Unfractionated heparin's hold (`HEPARIN_HELD`): 12,500 units twice a day under the skin was
    held 6 hours, as 5,000 is, where ASRA asks 24; a dose in another unit than units, the longest."""
    if order.route == INTRAVENOUS:
        return HEPARIN_IV_HELD
    if order.dose_unit != "units":
        return HEPARIN_TREATMENT_HELD
    return next((held for dose, day, held in HEPARIN_HELD if order.dose <= dose and a_day(order) <= day),
                HEPARIN_TREATMENT_HELD)


# Unfractionated heparin in one dose, not an infusion (BNF 2024, BNFc): under the skin 5,000 units
# every 8 to 12 hours to prevent a thrombosis, 15,000 units every 12 hours to treat one (adjusted by
# the APTT); into a vein a loading dose of 5,000 units, 10,000 in a severe pulmonary embolism, then an
# infusion; a child's 75 units/kg loading dose and 250 units/kg under the skin every 12 hours. A
# high-alert medicine written in units, whose tenfold slip (5,000 written 50,000, "U" read as a 0) is
# the commonest of its errors; heparin 50,000 units SC was saved with nothing asked.
HEPARIN_MOST: Mapping[str, float] = {"SC": 15000, INTRAVENOUS: 10000}
"""The most units in one dose of unfractionated heparin by route, above which it is asked."""
HEPARIN_CHILD_MOST_PER_KG: Mapping[str, float] = {"SC": 250, INTRAVENOUS: 75}
"""A child's most units/kg in one dose by route (BNFc), above which it is asked."""
HEPARIN_REFUSED_ABOVE = 40000.0
"""Units in one dose no ward gives by any route, refused whatever the reason: above twice the
largest dose BNF gives, and above a dialysis catheter's lock (5,000 units/mL, a few mL a lumen)."""
HEPARIN_ABOVE = {
    "SC": QT_TRANSLATE_NOOP(
        "messages", "{drug}: {dose} units under the skin in one dose is above the most BNF gives ({most} units every "
                    "12 hours, a treatment dose), where a tenfold slip (5,000 written 50,000) is likelier than a "
                    "dose: check it. If it is meant, give the reason in “{field}”."),
    INTRAVENOUS: QT_TRANSLATE_NOOP(
        "messages", "{drug}: {dose} units into a vein in one dose is above the most BNF gives ({most} units, the "
                    "loading dose of a severe pulmonary embolism; then an infusion), where a tenfold slip is likelier "
                    "than a dose: check it. If it is meant, give the reason in “{field}”.")}
HEPARIN_CHILD_ABOVE = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {dose} units in one dose is {per_kg} units/kg for {kg} kg, above a child's {most} units/kg "
                "by this route (BNFc): check it. If it is meant, give the reason in “{field}”.")
HEPARIN_REFUSED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {dose} units in one dose is more than any ward gives of unfractionated heparin (at most "
                "{most} units): a zero too many? Correct the dose; an infusion is written as one, with its rate.")


def unfractionated_heparin(drug: str) -> bool:
    """Whether a medicine is unfractionated heparin ("Heparin sodium", "Héparine calcique", a
    flush): not a low-molecular-weight heparin nor fondaparinux, named beside it or not."""
    found = medicines_in(drug)
    return HEPARIN in found and not found & (LOW_MOLECULAR_WEIGHT | {FONDAPARINUX})


def heparin_refusal(order: Order, age: int | None, kg: float | None) -> Refusal | None:
    """One dose of unfractionated heparin in units (not an infusion's, weighed by the APTT), by a
    route `HEPARIN_MOST` knows, above it asked; a child's (`age` in years under
    domain.dose_limits.ADULT_FROM_YEARS, weighing `kg`) above `HEPARIN_CHILD_MOST_PER_KG` asked; by any route
    above `HEPARIN_REFUSED_ABOVE` refused."""
    if not unfractionated_heparin(order.drug) or order.dose_unit != "units" or infused(order):
        return None
    said = {"drug": " ".join(order.drug.split()), "dose": Number(order.dose)}
    if order.dose > HEPARIN_REFUSED_ABOVE:
        return Refusal("dose", Phrase(HEPARIN_REFUSED, {**said, "most": Number(HEPARIN_REFUSED_ABOVE)}))
    most = HEPARIN_MOST.get(order.route)
    if most is not None and order.dose > most:
        return Refusal("dose", Phrase(HEPARIN_ABOVE[order.route], {**said, "most": Number(most)}), asked=True)
    per_kg = HEPARIN_CHILD_MOST_PER_KG.get(order.route)
    if per_kg is None or age is None or age >= ADULT_FROM_YEARS or not kg or order.dose / kg <= per_kg + 1e-9:
        return None
    return Refusal("dose", Phrase(HEPARIN_CHILD_ABOVE, {**said, "per_kg": Number(round(order.dose / kg)),
                                                        "kg": Number(kg), "most": Number(per_kg)}), asked=True)


# Unfractionated heparin by continuous infusion (BNF 2024, BNFc): 18 units/kg an hour after its
# loading dose, 1,000 to 2,000 units an hour, then as the APTT's nomogram says; a child's 20
# units/kg an hour, under 1 year 25. More than 35,000 units a day (1,460 an hour) is heparin
# resistance. Its order is a rate in mL/h of a syringe whose strength the name writes ("Heparin
# sodium 25,000 units in 50 mL"): 20 mL/h for 2, 10,000 units an hour, was saved with nothing
# asked (its pump set faster than the order is asked, services.infusion_rates).
HEPARIN_INFUSION_MOST = 2000.0
"""The most units an hour BNF starts an adult on, above which the order is asked."""
HEPARIN_INFUSION_PER_KG: tuple[tuple[int | None, float], ...] = ((1, 30.0), (None, 25.0))
"""The most units/kg an hour by the first band whose age in years the patient is under (None: any):
BNF's and BNFc's starting rates and a nomogram's first steps up above them."""
HEPARIN_INFUSION_REFUSED_ABOVE = 5000.0
"""Units an hour no ward runs heparin at (120,000 a day), refused whatever the reason."""
_UNITS = re.compile(r"(?<![\d.,])(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)\s*(?:units?|unit[ée]s?|u\.?\s?i\.?|i\.?\s?u\.?)"
                    r"(?![^\W\d_])(\s*(?:/|per|par)\s*(?:1\s*)?ml\b)?", re.IGNORECASE)
"""Units a name writes ("25,000 units", "25 000 UI", "1000 units/mL"), and whether a mL's."""
HEPARIN_INFUSION_ABOVE = {
    "hour": QT_TRANSLATE_NOOP(
        "messages", "{drug}: {rate} mL/h at {per_ml} units/mL is {per_h} units/h, above the {most} units/h BNF starts an "
                    "adult on (18 units/kg/h, then by the APTT; above 35,000 units a day is heparin resistance): check "
                    "the rate and the syringe's strength. If it is meant, give the reason in “{field}”."),
    "kg": QT_TRANSLATE_NOOP(
        "messages", "{drug}: {rate} mL/h at {per_ml} units/mL is {per_h} units/h, {per_kg} units/kg/h for {kg} kg, above "
                    "{most} units/kg/h (BNF 18, BNFc 20, under 1 year 25, then by the APTT): check the rate and the "
                    "syringe's strength. If it is meant, give the reason in “{field}”.")}
HEPARIN_INFUSION_REFUSED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {rate} mL/h at {per_ml} units/mL is {per_h} units/h, more than any ward runs heparin at (at "
                "most {most} units/h): a slip of the rate or of the syringe's strength? Correct it.")


def heparin_units_per_ml(order: Order) -> float | None:
    """The units a mL of an unfractionated heparin infusion holds: as its name writes them ("1000
    units/mL"), or its units (the name's, else the dose's) in its volume (the dose's mL, else the
    one the name writes); None: not read (two amounts that differ, or no volume)."""
    written = {(float(re.sub(r"\D", "", number)), bool(per)) for number, per in _UNITS.findall(order.drug)}
    if len(written) > 1:
        return None
    units, per_ml = next(iter(written), (order.dose if order.dose_unit == "units" else None, False))
    if units is None or per_ml:
        return units
    ml = order.dose if order.dose_unit == ML else named_ml(order.drug)
    return units / ml if ml else None


def heparin_infusion_refusal(order: Order, rate: float | None, age: int | None, kg: float | None) -> Refusal | None:
    """An unfractionated heparin infusion's `rate` (mL/h; None: none, nothing asked) in units an
    hour by its strength (`heparin_units_per_ml`; not read, nothing asked), for a patient of `age`
    (None: an adult) weighing `kg` (None: not weighed): refused above
    `HEPARIN_INFUSION_REFUSED_ABOVE`, asked above its `HEPARIN_INFUSION_PER_KG` when weighed, else
    above `HEPARIN_INFUSION_MOST`."""
    if rate is None or not unfractionated_heparin(order.drug) or not infused(order) \
            or (per_ml := heparin_units_per_ml(order)) is None:
        return None
    per_h = rate * per_ml
    said = {"drug": " ".join(order.drug.split()), "rate": Number(rate), "per_ml": Number(round(per_ml, 1)),
            "per_h": Number(round(per_h))}
    if per_h > HEPARIN_INFUSION_REFUSED_ABOVE:
        return Refusal("rate_ml_h", Phrase(HEPARIN_INFUSION_REFUSED, {
            **said, "most": Number(HEPARIN_INFUSION_REFUSED_ABOVE)}))
    most = next(most for under, most in HEPARIN_INFUSION_PER_KG if under is None or (age is not None and age < under))
    if kg and per_h / kg > most * (1 + 1e-9):
        return Refusal("rate_ml_h", Phrase(HEPARIN_INFUSION_ABOVE["kg"], {
            **said, "per_kg": Number(round(per_h / kg, 1)), "kg": Number(kg), "most": Number(most)}), asked=True)
    if per_h > HEPARIN_INFUSION_MOST * (1 + 1e-9):
        return Refusal("rate_ml_h", Phrase(HEPARIN_INFUSION_ABOVE["hour"], {
            **said, "most": Number(HEPARIN_INFUSION_MOST)}), asked=True)
    return None


# Dalteparin, tinzaparin and nadroparin are written in units and dosed by the kg to treat a
# thrombosis (BNF 2024, BNFc; nadroparin's SmPC): dalteparin 200 units/kg once a day or 100 twice,
# 120 twice in an acute coronary syndrome, a child under 12 up to 150 twice; tinzaparin 175 units/kg
# once a day, a child's more by age (a neonate's 275, 250 to 1 year, 240 to 5, 200 to 10);
# nadroparin 171 units/kg once a day or 85.5 twice. Enoxaparin's units are weighed as its mg
# (domain.dose_limits, 100 units a mg). Tinzaparin 87,500 units, a tenfold slip for 50 kg, was
# saved with nothing asked, as was a treatment dose for a patient never weighed.
LOW_MOLECULAR_WEIGHT_PER_KG: Mapping[str, tuple[tuple[int | None, float, float], ...]] = {
    medicine_name("dalteparin"): ((12, 150, 300), (None, 200, 240)),
    medicine_name("tinzaparin"): ((1, 275, 275), (5, 240, 240), (10, 200, 200), (None, 175, 175)),
    medicine_name("nadroparin"): ((None, 171, 171),),
}
"""Each one's most units/kg in one dose and in a day, by the first band whose age in years the
patient is under (None: any age, an adult's)."""
SYRINGE_ROUNDING = 1.15
"""How far above its most by the kg a dose is still the most rounded up to a syringe (tinzaparin
10,000, 14,000 and 18,000 units; dalteparin's weight bands): above it, asked."""
REFUSED_TIMES = 5
"""A dose this many times its most by the kg is a slip no reason makes a dose (a zero too many, a
dose read off another syringe): refused. The order form holds doses up to 100,000: a tenfold slip
of a 60 kg patient's tinzaparin is above it."""
LOW_MOLECULAR_WEIGHT_ABOVE = {
    "dose": QT_TRANSLATE_NOOP(
        "messages", "{drug}: {amount} units in one dose is {per_kg} units/kg for {kg} kg, above the most BNF gives "
                    "({most} units/kg a dose): check it. If it is meant, give the reason in “{field}”."),
    "day": QT_TRANSLATE_NOOP(
        "messages", "{drug}: {amount} units a day is {per_kg} units/kg for {kg} kg, above the most BNF gives ({most} "
                    "units/kg a day): check it. If it is meant, give the reason in “{field}”.")}
LOW_MOLECULAR_WEIGHT_REFUSED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {amount} units in one dose is {per_kg} units/kg for {kg} kg, {times} times or more the "
                "most BNF gives ({most} units/kg a dose): a zero too many? Correct the dose.")
LOW_MOLECULAR_WEIGHT_UNWEIGHED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {amount} units a day is more than its prophylactic dose ({prophylactic} units), a treatment "
                "dose given by the kg (at most {most} units/kg), and no weight is recorded this stay: weigh the "
                "patient and check the dose. If it is meant, give the weight used in “{field}”.")


def low_molecular_weight_refusal(order: Order, age: int | None, kg: float | None) -> Refusal | None:
    """A dose in units of a low-molecular-weight heparin dosed by the kg (`LOW_MOLECULAR_WEIGHT_PER_KG`,
    not an infusion) for a patient of `age` in years (None: not known, an adult's) weighing `kg`:
    refused at `REFUSED_TIMES` its most a dose, asked above its most a dose or a day by more than a
    syringe's rounding; with no weight recorded, asked above its prophylactic dose a day (a
    child's at any dose)."""
    found = medicines_in(order.drug) & LOW_MOLECULAR_WEIGHT_PER_KG.keys()
    if order.dose_unit != "units" or infused(order) or len(found) != 1:
        return None
    medicine = next(iter(found))
    dose_most, day_most = next((dose, day) for under, dose, day in LOW_MOLECULAR_WEIGHT_PER_KG[medicine]
                               if under is None or (age is not None and age < under))
    said = {"drug": " ".join(order.drug.split())}
    if not kg:
        prophylactic = PROPHYLACTIC_A_DAY[medicine]["units"]
        child = age is not None and age < ADULT_FROM_YEARS
        if not child and a_day(order) <= prophylactic:
            return None
        return Refusal("dose", Phrase(LOW_MOLECULAR_WEIGHT_UNWEIGHED, {
            **said, "amount": Number(a_day(order)), "prophylactic": Number(prophylactic), "most": Number(day_most)}),
            asked=True)
    for scope, amount, most in (("dose", order.dose, dose_most), ("day", a_day(order), day_most)):
        per_kg = amount / kg
        weighed = {**said, "amount": Number(amount), "per_kg": Number(round(per_kg)), "kg": Number(kg),
                   "most": Number(most)}
        if scope == "dose" and per_kg >= REFUSED_TIMES * most:
            return Refusal("dose", Phrase(LOW_MOLECULAR_WEIGHT_REFUSED, {**weighed, "times": Number(REFUSED_TIMES)}))
        if per_kg > most * SYRINGE_ROUNDING:
            return Refusal("dose", Phrase(LOW_MOLECULAR_WEIGHT_ABOVE[scope], weighed), asked=True)
    return None


def before_operation(order: Order, at: datetime, operation_at: datetime) -> bool:
    """Whether a dose at `at` falls within its hold before an operation planned at `operation_at`
    and still to take place: a dose after the planned start of an operation still waiting (a list
    running late) is within it too, the patient going to theatre anticoagulated, where 08:05 for
    a 08:00 case not yet done asked nothing."""
    held = held_before_operation(order)
    return held is not None and elapsed.between(at, operation_at) < held


def _period(order: Order) -> tuple[datetime, datetime | None]:
    """When an order gives its doses: a once-only order at its dose, another from its start to its stop."""
    if order.frequency is Frequency.ONCE:
        return order.start_at, elapsed.later(order.start_at, timedelta(minutes=1))
    return order.start_at, order.stop_at


def overlap(one: Order, other: Order) -> bool:
    """Whether two orders give doses over a same time: an anticoagulant stopped at 20:00 as
    another starts at 20:00 is a switch, not two at once."""
    (start, stop), (other_start, other_stop) = _period(one), _period(other)
    return ((stop is None or elapsed.instant(other_start) < elapsed.instant(stop))
            and (other_stop is None or elapsed.instant(start) < elapsed.instant(other_stop)))


def other_anticoagulants(order: Order, at: datetime, others: Iterable[Order]) -> list[Order]:
    """The patient's orders of another anticoagulant running at `at` (`runs_at`) beside an
    anticoagulant `order`: enoxaparin written at 20:00 beside the apixaban of 08:00 and 20:00 was
    given, the round asking nothing; the same medicine is `also_ordered`'s. A once-only one only
    when it gives its dose while `order` runs (`overlap`, as the prescriber is asked): the stat
    enoxaparin of the day before made each dose of the apixaban switched to the next morning "two
    at once", which the order had not asked."""
    return [other for other in others if other.record_id != order.record_id and another_anticoagulant(order, other)
            and runs_at(other, at) and (other.frequency is not Frequency.ONCE or overlap(order, other))]


def another_anticoagulant(order: Order, other: Order) -> bool:
    """Whether `other` is an anticoagulant of another medicine beside the anticoagulant `order`: the
    round says it "ALSO ON AN ANTICOAGULANT", where "ask before giving more than one of these
    orders" and "and 1 more orders of it" were said of warfarin beside enoxaparin."""
    return anticoagulant(order.drug) and anticoagulant(other.drug) and not shares_a_medicine(order.drug, other.drug)


def ordered_beside(order: Order, at: datetime, others: Iterable[Order]) -> list[Order]:
    """What an order's dose is flagged beside, as the round, the dose dialog and the medication chart
    (on screen and printed) all say it: the patient's other orders of its medicine (`also_ordered`)
    and of another anticoagulant (`other_anticoagulants`) running at `at`. The round said the
    enoxaparin beside the apixaban, and the chart the ward gives from said nothing."""
    others = list(others)
    return also_ordered(order, at, others) + other_anticoagulants(order, at, others)

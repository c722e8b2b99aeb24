"""A child's intravenous fluid weighed by their weight, as their medicines' doses are: the rate of
a crystalloid (saline, glucose, Hartmann's, Plasma-Lyte, and their mixtures with potassium)
against the maintenance rate for the child's weight, when the order is written
(services.medication._as_dosed) and when its bag's rate is changed
(services.infusion_rates.above_order_asked). An adult's 125 mL/h of saline and glucose was saved
for a 5.8 kg baby with nothing said: five times its maintenance, 3 litres a day, the fluid most
likely to overload a baby or make its sodium fall (NPSA/2007/22).

A crystalloid by vein in mL with no rate (a bolus, bags written by the mL at their times) is
weighed by its volume instead: one dose above `BOLUS_MOST` mL/kg (NICE NG29's boluses are 10-20
mL/kg) and its day (`order_units.most_in_a_day` doses) above the same 1.5 times the maintenance,
or a neonate's ceiling (`volume_refusal`): a 6 kg baby's 20 mL/kg bolus slipped to 1200 mL, and
its day written as two litre bags, were saved unasked. And a child's fluid, with a rate or none,
asks for the weight when none is recorded this stay (`weigh_refusal`): a child on fluids alone
has no medicine with limits to ask it; once the child is weighed, each bag hung is weighed against
that weight at the bedside (services.medication.fluid_weighed_again, `above_for`), a bag run in
within the hour by its volume, as a bolus.

Maintenance by Holliday and Segar's 4-2-1 rule (Pediatrics 1957;19:823), the hourly form of
NICE NG29's 100, 50 and 20 mL/kg a day (Intravenous fluid therapy in children and young people
in hospital, 2015, updated 2020): 4 mL/kg an hour for the first 10 kg, 2 for the next 10, 1
for each kg above 20, up to NG29's day for the sex (`DAY_MOST_ML`). Asked above 1.5 times it,
the prescriber's reason kept, never refused: a bolus in shock (10-20 mL/kg over minutes), losses
replaced or a deficit made up are rightly more; an adult's rate slipped onto a child's order is far
above (2.4 times a 16 kg child's). Under 18 (dose_limits.ADULT_FROM_YEARS, NICE NG29's children and
young people). A neonate (under 28 days)
is weighed against the neonatal ceiling instead (`NEONATE_MOST`): from the end of its first week
a term baby's usual 120-150 mL/kg a day (NICE NG29) is above 1.5 times the 4-2-1 rate, and each
neonatal maintenance order was asked as an over-rate. Its lower needs in its first days (50-60
mL/kg a day on day 1) are not weighed: a neonatal unit prescribes them by the mL/kg a day.

A child's infusion (under 16, NG29's) past its first 28 days is asked when it is hypotonic
(`tonicity_refusal`): NICE NG29 1.3.3 starts maintenance on an isotonic crystalloid, sodium
131-154 mmol/L, and the NPSA's Patient Safety Alert 22 (2007) withdrew sodium chloride 0.18% with glucose 4% from
children's wards after deaths from hyponatraemic encephalopathy; 0.18%, 0.45% and glucose 5%
alone were saved for a 2-year-old unasked. A neonate's glucose 10% is its usual maintenance
(NG29 1.3.5), not asked."""

from __future__ import annotations

import re

from downtime.domain.dose_limits import ADULT_FROM_YEARS
from downtime.domain.medication import ML, Order, infused, line_lock, medicine_name, medicines_in
from downtime.domain.order_units import Refusal, day_field, most_in_a_day
from downtime.i18n import QT_TRANSLATE_NOOP, Number, Phrase

ASKED_ABOVE = 1.5
"""How many times the maintenance rate a child's fluid may run at before it is asked."""

# The crystalloids' names, English and French, as wards write them: a medicine given in one
# ("Vancomycin in sodium chloride 0.9%") is dosed by its own mg, and is no fluid (`is_fluid`).
_GLUCOSE = r"glucos|dextrose|\bG\s?\d+(?:[.,]\d+)?\s?%"
"""Glucose as wards write it, French wards' "G5%" and "G10 %" with it."""
_POLYIONIC = r"polyionique|bionolyte|\bB\s?(?:2[167]|4[56]|6[56])\b"
"""The French polyionic solutions, glucose with a little sodium and potassium, by their names and
their numbers as wards write them ("B46", "Polyionique B66", "Bionolyte G5")."""
_CRYSTALLOID = re.compile(r"sodium\s+chlorid|chlorure\s+de\s+sodium|\bnacl\b|saline|s[ée]rum\s+(?:physiologique|sal)"
                          r"|hartmann|ringer|sodium\s+lactat|lactate\s+de\s+sodium|plasma[\s-]*lyte|"
                          + _GLUCOSE + "|" + _POLYIONIC, re.IGNORECASE)
_PARENTERAL_NUTRITION = re.compile(r"numeta|kabiven|olimel|clinimix|parenteral\s+nutrition|nutrition\s+parent[ée]rale"
                                   r"|\bt?pn\b", re.IGNORECASE)
"""Parenteral nutrition by its names and its makes ("Numeta G16%E", "TPN"): its sodium is set by
the nutrition team by the mmol/kg a day, no maintenance crystalloid (Numeta's "G16%" was read as
glucose, and each new bag asked as hypotonic: review T2 D3)."""
_MEDICINE_AMOUNT = re.compile(r"\d\s*(?:mg|micrograms?|mcg|µg|ug|units?|iu|ui)\b", re.IGNORECASE)
"""A medicine's amount in a name ("Aminophylline 600 mg in 50 mL glucose 5%"): a fluid names its
strength by the %, the g/L or the mmol, a drug infusion diluted in it by the mg or the units."""
_ADDITIVES = medicines_in("Potassium chloride")
"""A medicine a maintenance fluid is given with, which leaves it a fluid (KCl 20 mmol/L)."""
BY_VEIN = frozenset({"IV"})

NEONATE_UNTIL_DAYS = 28
"""A baby is a neonate before this many days old (NICE NG29's term neonate)."""
NEONATE_MOST = 165
"""The mL/kg a day a neonate's fluid may run at before it is asked: above NICE NG29's usual
120-150 mL/kg a day from day 5, with room for a baby nursed under a radiant warmer."""
ABOVE_NEONATAL = QT_TRANSLATE_NOOP(
    "messages", "{rate} mL/h is above {most} mL/kg a day for a neonate of {kg} kg ({limit} mL/h; NICE NG29 "
                "neonatal): check the rate against the baby's weight. If it is meant (a bolus, losses replaced), "
                "give the reason in “{field}”.")
ABOVE_MAINTENANCE = QT_TRANSLATE_NOOP(
    "messages", "{rate} mL/h is above {times} times the maintenance for {kg} kg ({maintenance} mL/h, {basis})")
BY_4_2_1 = QT_TRANSLATE_NOOP("messages", "Holliday-Segar 4-2-1; NICE NG29")
BY_DAY_MOST = QT_TRANSLATE_NOOP("messages", "NICE NG29's most of {day} mL a day {who}; 4-2-1 gives {rule} mL/h")
DAY_MOST_WHO = {"female": QT_TRANSLATE_NOOP("messages", "for a female"),
                "male": QT_TRANSLATE_NOOP("messages", "for a male"),
                None: QT_TRANSLATE_NOOP("messages", "for a male, the sex not recorded")}
"""Whose day `BY_DAY_MOST` is (`DAY_MOST_ML`'s sexes; None: not known, the male's)."""
CHECK_RATE = QT_TRANSLATE_NOOP(
    "messages", "{finding}: check the rate against the child's weight. If it is meant (a bolus, losses replaced), "
                "give the reason in “{field}”.")
"""The prescriber's question on a finding (`ABOVE_MAINTENANCE`); the nurse at the bedside is told
to ask the prescriber instead (services.medication.fluid_weighed_again)."""


BOLUS_MOST = 20
"""The mL/kg one dose of a child's fluid with no rate may be before it is asked: NICE NG29's bolus
of 10-20 mL/kg (a tenfold slip of a 20 mL/kg bolus is 200)."""
ABOVE_BOLUS = QT_TRANSLATE_NOOP(
    "messages", "{dose} mL in one dose is above {most} mL/kg for {kg} kg ({limit} mL; a bolus is 10-20 mL/kg, NICE "
                "NG29)")
DAY_ABOVE_MAINTENANCE = QT_TRANSLATE_NOOP(
    "messages", "As ordered, up to {amount} mL in 24 h, above {times} times the maintenance for {kg} kg ({limit} mL "
                "in 24 h, {basis})")
CHECK_VOLUME = QT_TRANSLATE_NOOP(
    "messages", "{finding}: check the volume against the child's weight. If it is meant (losses replaced), give the "
                "reason in “{field}”.")
"""The prescriber's question on a volume's finding (`ABOVE_BOLUS`, `DAY_ABOVE_MAINTENANCE`)."""
DAY_ABOVE_NEONATAL = QT_TRANSLATE_NOOP(
    "messages", "As ordered, up to {amount} mL in 24 h, above {most} mL/kg a day for a neonate of {kg} kg ({limit} mL; "
                "NICE NG29 neonatal): check the volume against the baby's weight. If it is meant (losses replaced), "
                "give the reason in “{field}”.")
WEIGH_THE_CHILD = QT_TRANSLATE_NOOP(
    "messages", "A child's fluid by vein is worked out from the child's weight (NICE NG29), and no weight is recorded "
                "this stay: weigh the child, or give the weight the fluid is worked out from (measured, estimated or a "
                "parent's, and when) in “{field}”.")


DAY_MOST_ML = {"female": 2000, "male": 2500}
"""NICE NG29 1.3.3's ceiling on the 4-2-1 rule: over 24 hours females rarely need more than 2,000
mL and males more than 2,500 mL (a 15-year-old girl of 60 kg was given 100 mL/h, 2.4 L a day, as
her maintenance, and an adult's 125 mL/h for her was not asked). A sex not known: the male's, the
most either needs."""


def _by_rule(kg: float) -> float:
    """The maintenance rate for `kg` by the 4-2-1 rule, in mL an hour."""
    return 4 * min(kg, 10) + 2 * min(max(kg - 10, 0), 10) + max(kg - 20, 0)


def _day_most(sex: str | None) -> float:
    """NICE NG29's most in a day for `sex` (the admission's code; another or None: the male's)."""
    return DAY_MOST_ML.get(sex or "", max(DAY_MOST_ML.values()))


def maintenance_ml_h(kg: float, sex: str | None = None) -> float:
    """The maintenance rate for `kg` by the 4-2-1 rule, in mL an hour, at most NICE NG29's day for
    `sex` (`DAY_MOST_ML`, the admission's code)."""
    return min(_by_rule(kg), _day_most(sex) / 24)


def _basis(kg: float, sex: str | None) -> Phrase:
    """What the maintenance for `kg` is worked out by, as a message quotes it: the 4-2-1 rule, or
    NG29's day for the sex when lower, with the rule's own figure beside it (a 60 kg girl's 83.3
    mL/h was said to be 4-2-1's, which gives 100)."""
    if _by_rule(kg) <= _day_most(sex) / 24:
        return Phrase(BY_4_2_1)
    return Phrase(BY_DAY_MOST, {"day": Number(_day_most(sex)), "rule": Number(round(_by_rule(kg), 1)),
                                "who": Phrase(DAY_MOST_WHO[sex if sex in DAY_MOST_ML else None])})


def is_crystalloid(order: Order) -> bool:
    """Whether `order` gives a crystalloid into a vein by the mL (`_CRYSTALLOID`), no medicine
    the tables know in it but potassium, no parenteral nutrition, and no flush of a line: a drug
    in a bag of saline is ordered by its mg, and its rate is its own."""
    known = medicines_in(order.drug) - {medicine_name(order.drug)}
    return (order.route in BY_VEIN and order.dose_unit == ML and _CRYSTALLOID.search(order.drug) is not None
            and _PARENTERAL_NUTRITION.search(order.drug) is None and not known - _ADDITIVES
            and not line_lock(order.drug))


CHALLENGE_LEAST_ML = 250
"""The least volume of a fluid challenge (NICE CG174: 500 mL, 250 mL where the heart or kidneys
call for less; the Sepsis Six's IV fluids)."""
CHALLENGE_LEAST_ML_H = 1000
"""The slowest rate a fluid challenge runs at (NICE CG174, NG51: 500 mL in under 15 minutes; a
maintenance bag runs at 80-125 mL/h)."""
_NOT_SODIUM = re.compile(_GLUCOSE + "|" + _POLYIONIC + r"|potassium|\bkcl\b", re.IGNORECASE)


def fluid_challenge(order: Order) -> bool:
    """Whether `order` is a fluid challenge, what the Sepsis Six's IV fluids are: a crystalloid
    holding sodium (saline, Hartmann's, Ringer, Plasma-Lyte; no glucose, nothing added), by vein
    in mL, at least `CHALLENGE_LEAST_ML`, with no rate or one of `CHALLENGE_LEAST_ML_H` or more.
    Glucose 5 %, a 10 mL flush of saline or a maintenance bag at 83 mL/h marked the IV fluids
    done."""
    return (is_crystalloid(order) and _NOT_SODIUM.search(order.drug) is None
            and not medicines_in(order.drug) - {medicine_name(order.drug)} and order.dose >= CHALLENGE_LEAST_ML
            and (order.rate_ml_h is None or order.rate_ml_h >= CHALLENGE_LEAST_ML_H))


def is_fluid(order: Order) -> bool:
    """Whether `order` runs a crystalloid as an infusion, whose rate is weighed (`rate_refusal`)."""
    return infused(order) and is_crystalloid(order)


def _child(age: int | None) -> bool:
    """Under 18, NICE NG29's children and young people (None: age not known, an adult's)."""
    return age is not None and age < ADULT_FROM_YEARS


NG29_UNTIL_YEARS = 16
"""NICE NG29 covers children and young people under 16; from the 16th birthday the adults'
guideline (CG174) applies, whose routine maintenance is sodium chloride 0.18% with glucose 4% and
potassium: its hypotonic question and its daily weight are for under 16 (review T2 D4)."""


def under_ng29(age: int | None) -> bool:
    """Under `NG29_UNTIL_YEARS` (None: age not known, an adult's)."""
    return age is not None and age < NG29_UNTIL_YEARS


def rate_refusal(order: Order, rate: float | None, age: int | None, kg: float | None,
                 days: int | None = None, sex: str | None = None) -> Refusal | None:
    """`rate` (mL/h: the order's, or a new one of its bag's; None, none) of the fluid `order`
    for a patient of `age` weighing `kg` (each None: not known, nothing asked) above `ASKED_ABOVE`
    times their maintenance (for their `sex`: `maintenance_ml_h`), or a neonate's (`days` old,
    None: not known) above `NEONATE_MOST`, asked on the rate, for the caller to name the reason's
    field."""
    if rate is None or kg is None or not _child(age) or not is_fluid(order):
        return None
    if days is not None and days < NEONATE_UNTIL_DAYS:
        limit = NEONATE_MOST * kg / 24
        if rate <= limit * (1 + 1e-9):
            return None
        return Refusal("rate_ml_h", Phrase(ABOVE_NEONATAL, {
            "rate": Number(rate), "most": Number(NEONATE_MOST), "kg": Number(kg), "limit": Number(round(limit, 1))}),
            asked=True)
    found = _above_maintenance(rate, kg, sex)
    return None if found is None else Refusal("rate_ml_h", Phrase(CHECK_RATE, {"finding": found}), asked=True)


def _above_maintenance(rate: float, kg: float, sex: str | None) -> Phrase | None:
    """`rate` above `ASKED_ABOVE` times the maintenance for `kg` and `sex`, in words; None: not."""
    maintenance = maintenance_ml_h(kg, sex)
    if rate <= ASKED_ABOVE * maintenance * (1 + 1e-9):
        return None
    return Phrase(ABOVE_MAINTENANCE, {"rate": Number(rate), "times": Number(ASKED_ABOVE), "kg": Number(kg),
                                      "maintenance": Number(round(maintenance, 1)), "basis": _basis(kg, sex)})


ISOTONIC_SODIUM = 131
"""The least sodium, in mmol/L, of an isotonic crystalloid (NICE NG29 1.3.3: 131-154 mmol/L)."""
SODIUM_PER_PERCENT = 1000 * 10 / 58.44
"""The mmol/L of sodium in a sodium chloride of 1 % (10 g/L, 58.44 g a mole): 0.9 % holds 154."""
_PER_UNIT = {"%": SODIUM_PER_PERCENT, "‰": SODIUM_PER_PERCENT / 10, "g/l": SODIUM_PER_PERCENT / 10, "mmol/l": 1.0}
"""The mmol/L of sodium in one of each unit a sodium chloride's strength is written in: French
wards write it in g/L ("G5% + NaCl 4 g/L") or ‰, neonatal units the sodium in mmol/L."""
_SODIUM = r"(?:sodium\s+chlorid\w*|chlorure\s+de\s+sodium|\bnacl\b|saline|s[ée]rum\s+sal[ée]\w*|\bsodium\b)"
_OTHER = r"(?:glucos\w*|dextrose|potassium\s+chlorid\w*|chlorure\s+de\s+potassium|\bkcl|\bG)"
"""What else a crystalloid's name gives a strength of, whose figure written after it is not the
sodium's ("Glucose 5% NaCl", "KCl 0.15% sodium chloride", "G 5% NaCl")."""
# Sodium chloride's strength, written after its name ("Sodium chloride 0.45% and glucose 5%",
# "Glucose 5% NaCl 4 g/L") but not another's after it ("N/5 saline 4% dextrose"), or a percent
# before it ("Glucose 5%, 0.45% sodium chloride") but not another's ("Glucose 5% NaCl"): the
# glucose's 5% was read as the sodium's, 856 mmol/L, and a hypotonic fluid never asked. Another's
# name before the percent is its own only when its strength is not written before it: "4% glucose
# 0.18% saline", PSA 22's fluid, read as glucose 0.18% and was never asked.
_SODIUM_THEN_STRENGTH = re.compile(_SODIUM + r"\s*(\d+(?:[.,]\d+)?)\s*(%|‰|g\s*/\s*l\b|mmol\s*/\s*l\b)"
                                   r"(?!\s*(?:glucos\w*|dextrose)\b(?!\s*\d))", re.IGNORECASE)
_PERCENT_THEN_SODIUM = re.compile(r"(" + _OTHER + r"\s*)?(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%\s*" + _SODIUM,
                                  re.IGNORECASE)
_STRENGTH_ENDS = re.compile(r"%\s*$")
_BALANCED = re.compile(r"hartmann|ringer|sodium\s+lactat|lactate\s+de\s+sodium|plasma[\s-]*lyte"
                       r"|s[ée]rum\s+physiologique", re.IGNORECASE)
_POLYIONIC_NAMED = re.compile(_POLYIONIC, re.IGNORECASE)
# The sodium of fluids named by what they are rather than by their strength, in mmol/L: glucose
# saline, the 0.18% with glucose 4% of PSA 22; "N/5", a fifth of normal saline's; Plasma-Lyte 56;
# a French polyionic solution at most its richest's, NaCl 4 g/L (B27's 2 g/L, B46's 3, Formule 1A
# G5's 4: ANSM's summaries), all below an isotonic fluid's.
_NAMED_SODIUM = ((re.compile(r"plasma[\s-]*lyte\s*56", re.IGNORECASE), 40.0),
                 (re.compile(r"(?:dextrose|glucos\w*)[\s/-]+saline|saline[\s/-]+(?:dextrose|glucos)", re.IGNORECASE),
                  0.18 * SODIUM_PER_PERCENT),
                 (re.compile(r"half[\s-]*normal", re.IGNORECASE), 0.45 * SODIUM_PER_PERCENT),
                 (_POLYIONIC_NAMED, 4 * SODIUM_PER_PERCENT / 10))
_FRACTION_OF_NORMAL = re.compile(r"\bN\s*/\s*(\d+)\b")
_SODIUM_NAMED = re.compile(_SODIUM, re.IGNORECASE)
HYPOTONIC = QT_TRANSLATE_NOOP(
    "messages", "{drug} {finding}: NICE NG29 (1.3.3) starts a child's maintenance on an isotonic crystalloid, sodium "
                "131-154 mmol/L (sodium chloride 0.9% with glucose 5%, Hartmann's, Plasma-Lyte); hypotonic fluids have "
                "caused fatal hyponatraemia in children (NPSA Patient Safety Alert 22, 2007). If it is meant (a "
                "specialist's plan, the sodium checked), give the reason in “{field}”.")
SODIUM_ABOUT = QT_TRANSLATE_NOOP("messages", "is hypotonic (sodium about {mmol} mmol/L)")
SODIUM_AT_MOST = QT_TRANSLATE_NOOP("messages", "is hypotonic (sodium at most {mmol} mmol/L, a polyionic solution)")
NO_SODIUM = QT_TRANSLATE_NOOP("messages", "holds little or no sodium (free water once the glucose is used)")
"""Glucose alone is hypertonic in the bag: it is its sodium, not its tonicity, that is said."""


def sodium_mmol_l(drug: str) -> float | None:
    """The sodium of a crystalloid named `drug`, in mmol/L, as far as its name says it: a sodium
    chloride's by its own strength (`_PER_UNIT`), a fluid named by what it is by its make
    (`_NAMED_SODIUM`, "N/5"), a balanced crystalloid's isotonic (`ISOTONIC_SODIUM`), glucose with
    no sodium named none; None when the name leaves it unsaid (a "sodium chloride" of no strength),
    which is not asked: never another component's figure."""
    if (strength := _SODIUM_THEN_STRENGTH.search(drug)) is not None:
        unit = re.sub(r"\s", "", strength.group(2)).lower()
        return float(strength.group(1).replace(",", ".")) * _PER_UNIT[unit]
    if (before := _PERCENT_THEN_SODIUM.search(drug)) is not None and (
            before.group(1) is None or _STRENGTH_ENDS.search(drug, 0, before.start())):
        return float(before.group(2).replace(",", ".")) * SODIUM_PER_PERCENT
    if (fraction := _FRACTION_OF_NORMAL.search(drug)) is not None and int(fraction.group(1)):
        return 0.9 * SODIUM_PER_PERCENT / int(fraction.group(1))
    if (named := next((mmol for name, mmol in _NAMED_SODIUM if name.search(drug)), None)) is not None:
        return named
    if _BALANCED.search(drug):
        return float(ISOTONIC_SODIUM)
    return None if _SODIUM_NAMED.search(drug) else 0.0


def _sodium_said(drug: str, sodium: float) -> Phrase:
    """What a hypotonic fluid's name says of its `sodium` (mmol/L), for `HYPOTONIC`."""
    if not sodium:
        return Phrase(NO_SODIUM)
    words = SODIUM_AT_MOST if _POLYIONIC_NAMED.search(drug) else SODIUM_ABOUT
    return Phrase(words, {"mmol": Number(round(sodium))})


def tonicity_refusal(order: Order, age: int | None, days: int | None) -> Refusal | None:
    """A hypotonic infusion (`sodium_mmol_l` below `ISOTONIC_SODIUM`), a plain fluid (a medicine's
    amount in its name, `_MEDICINE_AMOUNT`, is a drug in its carrier, no maintenance), for a child
    under 16 (`under_ng29`) past its first 28 days (`days` old; each None: not known, nothing
    asked), asked on the medicine, the prescriber's reason kept: NICE NG29 1.3.3 and NPSA Patient
    Safety Alert 22 (2007). A neonate's glucose 10% is its usual maintenance, and a bolus (no
    infusion, or one its rate runs in within the hour, `_bolus`: 2 mL/kg of glucose 10% for a
    hypoglycaemia at a pump's 60 mL/h) is no maintenance."""
    if not under_ng29(age) or days is None or days < NEONATE_UNTIL_DAYS or not is_fluid(order) \
            or _MEDICINE_AMOUNT.search(order.drug) or (order.rate_ml_h is not None and _bolus(order, order.rate_ml_h)):
        return None
    sodium = sodium_mmol_l(order.drug)
    if sodium is None or sodium >= ISOTONIC_SODIUM:
        return None
    return Refusal("drug", Phrase(HYPOTONIC, {"drug": " ".join(order.drug.split()),
                                              "finding": _sodium_said(order.drug, sodium)}), asked=True)


def weigh_refusal(order: Order, age: int | None, kg: float | None) -> Refusal | None:
    """A child's crystalloid by vein with no weight recorded this stay, asked on the dose, the
    weight used kept as the reason, as a medicine dosed by weight is (a 2-year-old never weighed
    had saline and glucose at an adult's 125 mL/h with nothing said)."""
    if kg is not None or not _child(age) or not is_crystalloid(order):
        return None
    return Refusal("dose", Phrase(WEIGH_THE_CHILD), asked=True)


def volume_refusal(order: Order, age: int | None, kg: float | None, days: int | None = None,
                   sex: str | None = None) -> Refusal | None:
    """A child's crystalloid by vein with no rate weighed by its volume for `kg` (None: not known,
    `weigh_refusal` asks it): one dose above `BOLUS_MOST` mL/kg, asked on the dose; the
    day's doses above `ASKED_ABOVE` times the maintenance (for their `sex`), or a neonate's (`days`
    old) above `NEONATE_MOST` mL/kg, asked on what decides them (`order_units.day_field`)."""
    if order.rate_ml_h is not None or kg is None or not _child(age) or not is_crystalloid(order):
        return None
    neonate = days is not None and days < NEONATE_UNTIL_DAYS
    if not neonate or order.dose > BOLUS_MOST * kg * (1 + 1e-9):  # a neonate's bolus is a child's
        found = _above_by_volume(order, kg, sex)
        return None if found is None else Refusal(found[0], Phrase(CHECK_VOLUME, {"finding": found[1]}), asked=True)
    amount, limit = order.dose * most_in_a_day(order), NEONATE_MOST * kg
    if amount <= limit * (1 + 1e-9):
        return None
    return Refusal(day_field(order), Phrase(DAY_ABOVE_NEONATAL, {
        "amount": Number(amount), "kg": Number(kg), "limit": Number(round(limit, 1)), "most": Number(NEONATE_MOST)}),
        asked=True)


def _above_by_volume(order: Order, kg: float, sex: str | None) -> tuple[str, Phrase] | None:
    """The field and words of a fluid `order` with no rate above a bolus for `kg`, or its day above
    `ASKED_ABOVE` times the maintenance for `kg` and `sex`; None: neither."""
    if order.dose > BOLUS_MOST * kg * (1 + 1e-9):
        return "dose", Phrase(ABOVE_BOLUS, {"dose": Number(order.dose), "most": Number(BOLUS_MOST), "kg": Number(kg),
                                            "limit": Number(round(BOLUS_MOST * kg, 1))})
    amount, limit = order.dose * most_in_a_day(order), ASKED_ABOVE * 24 * maintenance_ml_h(kg, sex)
    if amount <= limit * (1 + 1e-9):
        return None
    return day_field(order), Phrase(DAY_ABOVE_MAINTENANCE, {
        "amount": Number(amount), "kg": Number(kg), "limit": Number(round(limit, 1)), "times": Number(ASKED_ABOVE),
        "basis": _basis(kg, sex)})


BOLUS_WITHIN_HOURS = 1.0
"""A bag whose volume its rate runs in within this many hours is a bolus (NICE NG29: 10-20 mL/kg
over less than 10 minutes; 10 mL/kg over up to an hour where the heart calls for care), not a
maintenance bag running on for hours (`above_for`)."""


def _bolus(order: Order, rate: float) -> bool:
    """Whether `order`'s bag, run at `rate`, is a bolus (`BOLUS_WITHIN_HOURS`)."""
    return rate > 0 and order.dose <= rate * BOLUS_WITHIN_HOURS


def above_for(order: Order, rate: float | None, age: int | None, kg: float | None,
              sex: str | None = None) -> Phrase | None:
    """What a child's (not a neonate's) fluid `order`, its bag run at `rate` (None: none), is above
    for `kg`, in the words of the order's own questions (`rate_refusal`, `volume_refusal`) without
    what they ask the prescriber to do: for the bedside, where a bag is weighed against a lighter
    child (services.medication.fluid_weighed_again) and the nurse asks the prescriber. A bag run
    in as a bolus (`_bolus`) is weighed by its volume as one with no rate is: a 20 mL/kg bolus at
    1200 mL/h, 27 times any child's maintenance, was asked at every bag of a child weighed at the
    very weight it was worked out on."""
    if kg is None or not _child(age) or not is_crystalloid(order):
        return None
    if rate is not None and is_fluid(order):
        if not _bolus(order, rate):
            return _above_maintenance(rate, kg, sex)
    elif order.rate_ml_h is not None:
        return None
    found = _above_by_volume(order, kg, sex)
    return None if found is None else found[1]

"""A child's intravenous fluid weighed by their weight, as their medicines' doses are: the rate of
a crystalloid (saline, glucose, Hartmann's, Plasma-Lyte, and their mixtures with potassium)
against the maintenance rate for the child's weight, when the order is written
(services.medication._as_dosed) and when its bag's rate is changed
(services.infusion_rates.above_order_asked). An adult's 125 mL/h of saline and glucose was saved
for a 5.8 kg baby with nothing said: five times its maintenance, 3 litres a day, the fluid most
likely to overload a baby or make its sodium fall (NPSA/2007/22).

Maintenance by Holliday and Segar's 4-2-1 rule (Pediatrics 1957;19:823), the hourly form of
NICE NG29's 100, 50 and 20 mL/kg a day (Intravenous fluid therapy in children and young people
in hospital, 2015, updated 2020): 4 mL/kg an hour for the first 10 kg, 2 for the next 10, 1
for each kg above 20. Asked above 1.5 times it, the prescriber's reason kept, never refused: a
bolus in shock (10-20 mL/kg over minutes), losses replaced or a deficit made up are rightly more;
an adult's rate slipped onto a child's order is far above (2.4 times a 16 kg child's). Under
18 (dose_limits.ADULT_FROM_YEARS, NICE NG29's children and young people) and with a weight
known alone: a child never weighed is asked to be by their medicines. A neonate (under 28 days)
is weighed against the neonatal ceiling instead (`NEONATE_MOST`): from the end of its first week
a term baby's usual 120-150 mL/kg a day (NICE NG29) is above 1.5 times the 4-2-1 rate, and each
neonatal maintenance order was asked as an over-rate. Its lower needs in its first days (50-60
mL/kg a day on day 1) are not weighed: a neonatal unit prescribes them by the mL/kg a day."""

from __future__ import annotations

import re

from downtime.domain.dose_limits import ADULT_FROM_YEARS
from downtime.domain.medication import ML, Order, infused, medicine_name, medicines_in
from downtime.domain.order_units import Refusal
from downtime.i18n import QT_TRANSLATE_NOOP, Number, Phrase

ASKED_ABOVE = 1.5
"""How many times the maintenance rate a child's fluid may run at before it is asked."""

# The crystalloids' names, English and French, as wards write them: a medicine given in one
# ("Vancomycin in sodium chloride 0.9%") is dosed by its own mg, and is no fluid (`is_fluid`).
_CRYSTALLOID = re.compile(r"sodium\s+chlorid|chlorure\s+de\s+sodium|\bnacl\b|saline|s[ée]rum\s+(?:physiologique|sal)"
                          r"|glucos|dextrose|hartmann|ringer|sodium\s+lactat|lactate\s+de\s+sodium|plasma[\s-]*lyte"
                          r"|polyionique|bionolyte", re.IGNORECASE)
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
    "messages", "{rate} mL/h is above {times} times the maintenance for {kg} kg ({maintenance} mL/h, Holliday-Segar "
                "4-2-1; NICE NG29): check the rate against the child's weight. If it is meant (a bolus, losses "
                "replaced), give the reason in “{field}”.")


def maintenance_ml_h(kg: float) -> float:
    """The maintenance rate for `kg` by the 4-2-1 rule, in mL an hour."""
    return 4 * min(kg, 10) + 2 * min(max(kg - 10, 0), 10) + max(kg - 20, 0)


def is_fluid(order: Order) -> bool:
    """Whether `order` runs a crystalloid into a vein by the mL (`_CRYSTALLOID`), no medicine
    the tables know in it but potassium: a drug in a bag of saline is ordered by its mg, and
    its rate is its own."""
    known = medicines_in(order.drug) - {medicine_name(order.drug)}
    return (infused(order) and order.route in BY_VEIN and order.dose_unit == ML
            and _CRYSTALLOID.search(order.drug) is not None and not known - _ADDITIVES)


def rate_refusal(order: Order, rate: float | None, age: int | None, kg: float | None,
                 days: int | None = None) -> Refusal | None:
    """`rate` (mL/h: the order's, or a new one of its bag's; None, none) of the fluid `order`
    for a patient of `age` weighing `kg` (each None: not known, nothing asked) above `ASKED_ABOVE`
    times their maintenance, or a neonate's (`days` old, None: not known) above `NEONATE_MOST`,
    asked on the rate, for the caller to name the reason's field."""
    if rate is None or age is None or kg is None or age >= ADULT_FROM_YEARS or not is_fluid(order):
        return None
    if days is not None and days < NEONATE_UNTIL_DAYS:
        limit = NEONATE_MOST * kg / 24
        if rate <= limit * (1 + 1e-9):
            return None
        return Refusal("rate_ml_h", Phrase(ABOVE_NEONATAL, {
            "rate": Number(rate), "most": Number(NEONATE_MOST), "kg": Number(kg), "limit": Number(round(limit, 1))}),
            asked=True)
    maintenance = maintenance_ml_h(kg)
    if rate <= ASKED_ABOVE * maintenance * (1 + 1e-9):
        return None
    return Refusal("rate_ml_h", Phrase(ABOVE_MAINTENANCE, {
        "rate": Number(rate), "times": Number(ASKED_ABOVE), "kg": Number(kg),
        "maintenance": Number(round(maintenance, 1))}), asked=True)

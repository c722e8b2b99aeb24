"""An adult's intravenous fluid weighed by their weight, as a child's is (domain.child_fluids): NICE
CG174 (Intravenous fluid therapy in adults in hospital, 2013, updated 2017) gives routine
maintenance as 25-30 mL/kg of water a day, less (20-25) for the old, the frail and in kidney or
heart failure, an obese patient's by their ideal weight. The ward's habit of 125 mL/h, 3 litres a
day, is 67 mL/kg a day for a 45 kg woman: the fluid overload NCEPOD's reports keep finding in the
old and light. A crystalloid's rate above `ASKED_ABOVE` times `MAINTENANCE_ML_KG_DAY` is asked, the
prescriber's reason kept, never refused: losses replaced, a deficit made up or a resuscitation are
rightly more. Twice, where a child's is asked above 1.5 times, and by the actual weight, where
CG174 doses an obese patient by the ideal one: so weighed, the ward's 125 mL/h (a litre every 8
hours) was a question for a 61 kg woman and for most obese patients, whom CG174 also says rarely
need more than 3 litres a day; twice asks it from 50 kg down, the light and old it harms. Weighed only when a weight is recorded this
stay (an adult is not asked to be weighed for a fluid, as a child is); not a fluid challenge nor a
bag run in within the hour (a bolus, NICE CG174's 500 mL in under 15 minutes). A bag hung after
the patient is found materially lighter than the weight the order was worked out on, or first
weighed after an order written with none, is weighed again at the bedside, as a child's is
(services.medication.fluid_weighed_again). Pure: the services
read the weight and the height."""

from __future__ import annotations

from downtime.domain.child_fluids import fluid_challenge, is_fluid
from downtime.domain.dose_limits import ADULT_FROM_YEARS
from downtime.domain.medication import ML, Order
from downtime.domain.order_units import Refusal
from downtime.i18n import QT_TRANSLATE_NOOP, Number, Phrase

MAINTENANCE_ML_KG_DAY = 30
"""The most of NICE CG174's routine maintenance, in mL/kg of water a day."""
ASKED_ABOVE = 2.0
"""How many times `MAINTENANCE_ML_KG_DAY` a rate is asked above."""
ABOVE_MAINTENANCE = QT_TRANSLATE_NOOP(
    "messages", "{rate} mL/h is {day} mL a day, above {times} times an adult's routine maintenance for {kg} kg ({limit} "
                "mL/h: 25-30 mL/kg a day, NICE CG174; less for the old, the frail and in kidney or heart failure)")
CHECK_RATE = QT_TRANSLATE_NOOP(
    "messages", "{finding}: check the rate. If it is meant (losses replaced, a resuscitation), give the reason in "
                "“{field}”.")
"""The prescriber's question on the finding (`ABOVE_MAINTENANCE`); the nurse hanging a bag after
the patient was weighed lighter is told to ask the prescriber instead (services.medication.
fluid_weighed_again)."""


def rate_refusal(order: Order, rate: float | None, age: int | None, kg: float | None) -> Refusal | None:
    """`rate` (mL/h: the order's, or a new one of its bag's; None, none) of the fluid `order` for an
    adult of `age` weighing `kg` (each None: not known, nothing asked) above `ASKED_ABOVE` times
    `MAINTENANCE_ML_KG_DAY`: asked on the rate, for the caller to name the reason's field."""
    found = above_for(order, rate, age, kg)
    return None if found is None else Refusal("rate_ml_h", Phrase(CHECK_RATE, {"finding": found}), asked=True)


def above_for(order: Order, rate: float | None, age: int | None, kg: float | None) -> Phrase | None:
    """What an adult's fluid `order`, its bag run at `rate`, is above for `kg` (`ABOVE_MAINTENANCE`),
    in words without what to do: the order's question (`rate_refusal`), and the bedside's when
    the patient is weighed lighter than the order was worked out on; None: not above."""
    if rate is None or kg is None or age is None or age < ADULT_FROM_YEARS or not is_fluid(order) \
            or fluid_challenge(order) or (order.dose_unit == ML and order.dose <= rate):
        return None
    limit = ASKED_ABOVE * MAINTENANCE_ML_KG_DAY * kg / 24
    if rate <= limit * (1 + 1e-9):
        return None
    return Phrase(ABOVE_MAINTENANCE, {"rate": Number(rate), "day": Number(round(rate * 24)),
                                      "times": Number(ASKED_ABOVE), "kg": Number(kg), "limit": Number(round(limit, 1))})

"""Whether a weight typed on admission is plausible for the patient's age.

The weight decides weight-based doses (enoxaparin, gentamicin), and a slip of the decimal
point (0,9 typed for 90) passed the form's limits, which must hold a premature baby and the
heaviest adult (0.3–400 kg). Outside these much narrower bounds for the age the nurse is asked
to confirm; the bounds are wide on purpose, as a question asked of every thin or heavy patient
would be answered without reading."""

from __future__ import annotations

from decimal import Decimal

from downtime.domain.news2 import ADULT_FROM_YEARS

ADULT_LIGHTEST_KG = Decimal(25)
ADULT_HEAVIEST_KG = Decimal(250)
INFANT_HEAVIEST_KG = Decimal(15)  # under 1 year: the heaviest infants weigh about 13 kg at 12 months


def unusual_for_age(weight_kg: Decimal, age_years: int | None) -> bool:
    """`age_years` None: the age is not known (an unidentified patient), judged as an adult's,
    as nearly all such patients are; a child of unknown age is asked one question too many."""
    if age_years is None or age_years >= ADULT_FROM_YEARS:
        return not ADULT_LIGHTEST_KG <= weight_kg <= ADULT_HEAVIEST_KG
    return age_years < 1 and weight_kg > INFANT_HEAVIEST_KG

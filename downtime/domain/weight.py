"""Whether a weight typed on admission is plausible for the patient's age.

The weight decides weight-based doses (enoxaparin, gentamicin), and a slip of the decimal
point (0,9 typed for 90) passed the form's limits, which must hold a premature baby and the
heaviest adult (0.3–400 kg). Outside these much narrower bounds for the age the nurse is asked
to confirm; the bounds are wide on purpose, as a question asked of every thin or heavy patient
would be answered without reading.

And the weight a medicine is dosed by: an obese adult's gentamicin by the adjusted weight
(`ideal_kg`, `adjusted_kg`), as fat takes little of it up."""

from __future__ import annotations

from decimal import Decimal

from downtime.domain.news2 import ADULT_FROM_YEARS

ADULT_LIGHTEST_KG = Decimal(25)
ADULT_HEAVIEST_KG = Decimal(250)
INFANT_HEAVIEST_KG = Decimal(15)  # under 1 year: the heaviest infants weigh about 13 kg at 12 months
INFANT_LIGHTEST_KG = Decimal("1.5")
INFANT_LIGHTEST_FROM_MONTHS = 3
"""From 3 months old a baby weighs 1.5 kg or more, an ex-premature one too (a 24-weeker of 600 g
weighs about 2 kg at 3 months): 0,8 typed for 8 kg on a 9-month-old passed as any weight under
15 kg, and every dose worked out from it was ten times too small. Younger, a premature baby's
weight may be anything the form takes."""
CHILD_BOUNDS_KG: dict[int, tuple[Decimal, Decimal]] = {
    age: (Decimal(light), Decimal(heavy)) for age, (light, heavy) in {
        1: (5, 20), 2: (6, 25), 3: (7, 30), 4: (8, 35), 5: (9, 45), 6: (10, 50), 7: (11, 60), 8: (12, 70),
        9: (13, 80), 10: (14, 90), 11: (15, 100), 12: (17, 110), 13: (19, 120), 14: (22, 130), 15: (25, 140)}.items()}
"""A child's bounds by age in whole years: about 0.6 times the 2nd centile and 1.7 times the 98th
of the WHO and UK-WHO growth charts, so only a slip is asked about (180 kg typed for a 4-year-old,
3.2 kg for a 10-year-old: almost every child's dose is worked out from their weight). Under 1
year, a premature baby's weight may be anything the form takes: only the upper bound holds."""


def unusual_for_age(weight_kg: Decimal, age_years: int | None, months: int | None = None) -> bool:
    """`age_years` None: the age is not known (an unidentified patient), judged as an adult's,
    as nearly all such patients are; a child of unknown age is asked one question too many.
    `months`: a baby's age in whole months (domain.age.months_old), None when not known, judged
    by the upper bound alone."""
    lightest = lightest_kg(age_years, months)
    return (lightest is not None and weight_kg < lightest) or weight_kg > _heaviest_kg(age_years)


def lightest_kg(age_years: int | None, months: int | None = None) -> Decimal | None:
    """The lightest weight the age allows (`unusual_for_age`'s lower bound), the ages as there;
    None for a baby under `INFANT_LIGHTEST_FROM_MONTHS` or of months not known, whose weight may be
    anything the form takes. What a patient not weighed yet weighs at the least: an adult's urine
    of 5 mL an hour is below 0.5 mL/kg/h whatever they weigh, and was not told for want of a weight."""
    if age_years is None or age_years >= ADULT_FROM_YEARS:
        return ADULT_LIGHTEST_KG
    if age_years < 1:
        return INFANT_LIGHTEST_KG if months is not None and months >= INFANT_LIGHTEST_FROM_MONTHS else None
    return CHILD_BOUNDS_KG[age_years][0]


def _heaviest_kg(age_years: int | None) -> Decimal:
    if age_years is None or age_years >= ADULT_FROM_YEARS:
        return ADULT_HEAVIEST_KG
    return INFANT_HEAVIEST_KG if age_years < 1 else CHILD_BOUNDS_KG[age_years][1]


# An adult's ideal body weight, from the height and sex (Devine, 1974: 50 kg for a man and 45.5 kg
# for a woman at 5 feet, 152.4 cm, and 2.3 kg an inch, 0.91 kg a cm, above), and the adjusted
# weight a medicine that fat does not take up is dosed by once the actual weight is over
# OBESE_FROM of it (ideal + 0.4 x the excess: the aminoglycosides, BNF and the Hartford
# once-daily gentamicin protocols).
IDEAL_AT_5_FEET_KG = {"male": 50.0, "female": 45.5}
IDEAL_KG_A_CM = 0.91
FIVE_FEET_CM = 152.4
OBESE_FROM = 1.2
ADJUSTED_BY = 0.4


def ideal_kg(height_cm: float, sex: str | None) -> float:
    """A sex not known (None, "unknown") is weighed as a woman's, the lower ideal weight: the
    adjusted weight then holds from a lighter patient, and a dose is asked about sooner. Below
    five feet the five feet's figure (Devine's formula is for heights above it: carried below, a
    woman of 140 cm and a normal 45 kg was "over 120 % of the ideal 34.2 kg", and 58 cm typed for
    158 an ideal of -40.4 kg)."""
    return IDEAL_AT_5_FEET_KG.get(sex or "", IDEAL_AT_5_FEET_KG["female"]) \
        + IDEAL_KG_A_CM * (max(height_cm, FIVE_FEET_CM) - FIVE_FEET_CM)


def adjusted_kg(kg: float, ideal: float) -> float | None:
    """The adjusted body weight of an adult of actual weight `kg` and `ideal` weight, when the
    actual is over OBESE_FROM times the ideal; None when it is not, the actual weight then being
    the one dosed by."""
    return ideal + ADJUSTED_BY * (kg - ideal) if kg > OBESE_FROM * ideal else None

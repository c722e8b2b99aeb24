"""The most of a medicine a patient may have, whatever its order says: in one dose, in any 24
hours and how close two doses may be, for the few medicines a ward gives every day whose
overdose hurts. An order's own maximum (an as-required order's doses in 24 h) is the
prescriber's; this one is the medicine's, and it holds across every order giving it (regular,
once-only, as required, and a combination product's share: co-codamol is paracetamol too).

Sources: BNF and BNF for Children (NICE, 2024), ANSM (France) summaries of product
characteristics.
- Paracetamol: adult 0.5-1 g a dose, at least 4 h apart, at most 4 g in 24 h; adult under
  50 kg at most 60 mg/kg in 24 h (BNF, MHRA 2010 for IV, which also caps it at 3 g: 60 mg/kg
  under 50 kg never reaches it). Child 15 mg/kg a dose and 60 mg/kg in 24 h (ANSM; BNFc allows
  up to 75 mg/kg for some ages: 60 is taken as the point where the nurse is asked, never
  above the adult's doses). 6 h apart in renal impairment is not weighed here.
- Ibuprofen: adult at most 2.4 g in 24 h (BNF); child 10 mg/kg a dose and 30 mg/kg in 24 h
  (ANSM; BNFc 5-10 mg/kg, 30 mg/kg a day).
- Codeine: 30-60 mg a dose, at least 4 h apart, at most 240 mg in 24 h (BNF); never under 12
  years (MHRA 2013, ANSM 2013, EMA 2015: children who turn it into morphine fast stopped
  breathing after ordinary doses), co-codamol's and Dafalgan codéiné's share too.
- Tramadol: at most 400 mg in 24 h (BNF); its slow-release doses (200 mg, 12-hourly) leave
  no single dose or interval to hold all its forms to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from downtime.i18n import QT_TRANSLATE_NOOP

ADULT_FROM_YEARS = 18
"""From this age a patient is dosed as an adult (BNFc covers children up to 18)."""
LOW_WEIGHT_KG = 50.0
"""An adult lighter than this is dosed by weight where the medicine's rule says so."""


@dataclass(frozen=True)
class Rule:
    """A medicine's limits, in mg. `low_weight_day_mg_kg`: an adult's under `LOW_WEIGHT_KG`;
    `child_…`: under `ADULT_FROM_YEARS`, never above an adult's."""

    name: str
    """The medicine as a warning names it, marked for the catalogue ("Paracétamol")."""
    day_mg: float
    dose_mg: float | None = None
    interval: timedelta | None = None
    low_weight_day_mg_kg: float | None = None
    child_day_mg_kg: float | None = None
    child_dose_mg_kg: float | None = None
    from_years: int | None = None
    """Not given at all under this age, whatever the dose."""


RULES: dict[str, Rule] = {
    "paracetamol": Rule(QT_TRANSLATE_NOOP("messages", "Paracetamol"), day_mg=4000, dose_mg=1000,
                        interval=timedelta(hours=4), low_weight_day_mg_kg=60, child_day_mg_kg=60,
                        child_dose_mg_kg=15),
    "ibuprofen": Rule(QT_TRANSLATE_NOOP("messages", "Ibuprofen"), day_mg=2400, child_day_mg_kg=30, child_dose_mg_kg=10),
    "codeine": Rule(QT_TRANSLATE_NOOP("messages", "Codeine"), day_mg=240, dose_mg=60, interval=timedelta(hours=4),
                    from_years=12),
    "tramadol": Rule(QT_TRANSLATE_NOOP("messages", "Tramadol"), day_mg=400),
}
"""By the medicine's name, as `medication.medicines_in` reads it once stemmed."""


@dataclass(frozen=True)
class Limit:
    """A rule as it holds for one patient: by their weight (`kg`, the weight it was worked out
    from; None when it was not) and age. `weigh`: a child whose dose goes by weight, and no
    weight is known to work it out from."""

    rule: Rule
    day_mg: float
    dose_mg: float | None
    kg: float | None = None
    day_mg_kg: float | None = None
    dose_mg_kg: float | None = None
    weigh: bool = False


def too_young(rule: Rule, age: int | None) -> bool:
    """Whether a patient of `age` (None: not known, never too young) is under the age the
    medicine is never given below."""
    return rule.from_years is not None and age is not None and age < rule.from_years


def limit_for(rule: Rule, age: int | None, kg: float | None) -> Limit:
    """The limit of `rule` for a patient of `age` (None: not known, dosed as an adult) weighing
    `kg` (None: not known)."""
    child = age is not None and age < ADULT_FROM_YEARS
    day_mg_kg = rule.child_day_mg_kg if child else rule.low_weight_day_mg_kg if kg is not None and kg < LOW_WEIGHT_KG else None
    dose_mg_kg = rule.child_dose_mg_kg if child else None
    if kg is None or (day_mg_kg is None and dose_mg_kg is None):
        return Limit(rule, rule.day_mg, rule.dose_mg, weigh=child and None not in (day_mg_kg, dose_mg_kg))
    day = min(rule.day_mg, day_mg_kg * kg) if day_mg_kg is not None else rule.day_mg
    dose = min(rule.dose_mg or float("inf"), dose_mg_kg * kg) if dose_mg_kg is not None else rule.dose_mg
    return Limit(rule, day, dose, kg, day_mg_kg, dose_mg_kg)


# A strength written in a medicine's name: a number, then a unit of weight or none ("30/500":
# the UK writes a combination's milligrams bare), or another unit, which leaves it unread ("120
# mg/5 mL" is no tablet's content).
_STRENGTH = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]*%?)")
_IN_MG = {"": 1.0, "mg": 1.0, "g": 1000.0, "microgram": 0.001, "micrograms": 0.001, "mcg": 0.001, "µg": 0.001}


def strengths_mg(name: str) -> tuple[float, ...] | None:
    """The strengths a tablet's name writes, in mg, as written ("Co-codamol 30/500": 30, 500;
    "Paracetamol 1 g": 1000); None when one is in a unit that says no weight per tablet (mL, %)."""
    found = []
    for number, unit in _STRENGTH.findall(name):
        if unit.casefold() not in _IN_MG:
            return None
        found.append(float(number.replace(",", ".")) * _IN_MG[unit.casefold()])
    return tuple(found)

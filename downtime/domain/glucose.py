"""What a capillary blood glucose reading asks of the nurse now, as an inpatient diabetes
protocol says it (JBDS-IP): below 4 mmol/L (or a meter's LO) is a hypo, treated at once and
rechecked within 15 minutes, the doctor called at the third in a row (JBDS-IP calls after 45
minutes or 3 cycles, the fourth reading: called a cycle sooner here); above 12 (or
HI), the blood ketones are checked; 30 or more (or HI) is told to the doctor at once, a
hyperosmolar state possible (JBDS HHS). Ketones of 0.6 to 1.4 are rechecked within 2 hours, 1.5
or more told to the doctor, 3 or more (or a ketone meter's HI) at once (diabetic ketoacidosis
likely). Ketones are judged whatever the glucose: a patient on an SGLT2 inhibitor goes into
ketoacidosis with a normal one.
Each reading plans the next: hourly on an insulin infusion or in ketoacidosis, by the meals on
insulin injections; a hypo's recheck comes first whatever the plan.
A French ward's meter reads in g/L or mg/dL, an English one's in mmol/L: a reading keeps the unit
it was typed in (`Unit`), and is judged in mmol/L (`Reading.glucose`). 2,5 g/L typed in a box in
mmol/L was a hypo given sugar; 30 mg/dL, a severe hypo, asked for ketones."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.medication import basal_insulin, medicine_name, medicines_in, premixed

HYPO_BELOW = 4.0
SEVERE_HYPO_BELOW = 3.0
"""Level 2 hypoglycaemia (ADA, JBDS-IP), as critical as a meter's LO: sent to the EHR as
critically low (sync.fhir_glucose), not with 3.9's "low"."""
CHECK_KETONES_ABOVE = 12.0
HYPEROSMOLAR_FROM = 30.0
KETONES_RECHECK = 0.6
KETONES_TELL = 1.5
KETONES_NOW = 3.0
KETONES_HI_ABOVE = 8.0
"""What a ketone meter's HI is above (8.0 mmol/L on Abbott's FreeStyle meters): judged as the
highest ketones, exported as "> 8" (sync.fhir_glucose), never as a number made up for it."""
KETONES_FIELD = "ketones_reading"
"""What the ketone meter showed (form version 4): a value, or HI; a reading of version 3 and older
with ketones typed a value."""
METER_BOUNDS: Mapping[str, tuple[str, float]] = {"lo": ("<", 1.1), "hi": (">", 27.8)}
"""A glucose meter's LO and HI as a comparator at a bound true whichever meter read it: LO is below
0.6 to 1.1 mmol/L, HI above 27.8 to 33.3, by the meter (Accu-Chek, FreeStyle, OneTouch). The export
sends them so (sync.fhir_glucose), and a value typed for a dose is weighed against them
(services.glucose.measured_differs): no number is made up for either."""
HYPO_CYCLES = 3
"""Hypos in a row (each treated and rechecked) after which the doctor is called (JBDS-IP)."""
UNIT_FIELD = "glucose_unit"
RECHECK_WITHIN = timedelta(minutes=15)
"""A hypo's recheck after treating it."""
KETONES_RECHECK_WITHIN = timedelta(hours=2)
"""Ketones of 0.6 to 1.4 mmol/L rechecked (JBDS-IP), whatever the glucose readings between."""
NONE_PLANNED = "none"
"""The plan of a reading after which no further one is planned (a one-off check)."""
EVERY: Mapping[str, Mapping[str, str]] = {
    "hour": {"en": "hourly", "fr": "toutes les heures"},
    "hours": {"en": "every {count} hours", "fr": "toutes les {count} heures"},
    "minutes": {"en": "every {count} minutes", "fr": "toutes les {count} minutes"},
}
"""A plan in words, as the ward says it: "hourly", "every 4 hours"."""


class Unit(StrEnum):
    """The unit a meter reads in, as the form's `glucose_unit` codes it: a reading typed before the
    form asked (version 2 and older) was typed in mmol/L."""

    MMOL = "mmol_l"
    G_L = "g_l"
    MG_DL = "mg_dl"


@dataclass(frozen=True)
class Scale:
    """A unit's symbol, how many of it make 1 mmol/L of glucose (180 mg/dL per 10 mmol/L, the
    figure protocols convert by: 4 mmol/L is 72 mg/dL, 0.72 g/L), the places its meters show and
    the values they show (a meter measures 0.6 to 33.3 mmol/L: beyond is LO or HI)."""

    symbol: str
    per_mmol: float
    places: int
    lowest: float
    highest: float


SCALES: Mapping[Unit, Scale] = {
    Unit.MMOL: Scale("mmol/L", 1.0, 1, 0.6, 35.0),
    Unit.G_L: Scale("g/L", 0.18, 2, 0.1, 6.3),
    Unit.MG_DL: Scale("mg/dL", 18.0, 0, 10.0, 630.0),
}


def to_mmol(value: float, unit: Unit) -> float:
    """Rounded off below what any unit shows, so 0,72 g/L is 4 mmol/L, not 3.9999999."""
    return round(value / SCALES[unit].per_mmol, 3)


def from_mmol(value: float, unit: Unit) -> float:
    return round(value * SCALES[unit].per_mmol, SCALES[unit].places)


def unit_of(data: Mapping[str, Any]) -> Unit:
    """The unit a reading was typed in: mmol/L for one typed before the form asked."""
    return Unit(data.get(UNIT_FIELD) or Unit.MMOL)


def out_of_scale(value: float, unit: Unit) -> bool:
    """A value no meter reading in `unit` shows: beyond its values, or with more places than it
    has (1,25 typed as mmol/L is a meter reading in g/L)."""
    scale = SCALES[unit]
    return not scale.lowest <= value <= scale.highest or round(value, scale.places) != value


class Sign(StrEnum):
    HYPO = "hypo"
    HYPO_PERSISTS = "hypo_persists"
    HYPEROSMOLAR = "hyperosmolar"
    CHECK_KETONES = "check_ketones"
    KETONES_RECHECK = "ketones_recheck"
    KETONES = "ketones"
    KETONES_HIGH = "ketones_high"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.HYPO: {"en": "HYPO (below 4 mmol/L, 0.72 g/L, 72 mg/dL): treat now as the hypoglycaemia protocol says; "
                      "recheck within 15 minutes",
                "fr": "HYPOGLYCÉMIE (moins de 4 mmol/L, 0,72 g/L, 72 mg/dL) : resucrer maintenant selon le protocole ; "
                      "recontrôler dans les 15 minutes"},
    Sign.HYPO_PERSISTS: {"en": "STILL A HYPO after 2 treatments or more: call the doctor now; consider IV glucose or "
                               "glucagon",
                         "fr": "HYPOGLYCÉMIE PERSISTANTE après 2 resucrages ou plus : appeler le médecin "
                               "immédiatement ; envisager glucosé IV ou glucagon"},
    Sign.HYPEROSMOLAR: {"en": "HI or 30 mmol/L (5.4 g/L, 540 mg/dL) or more: tell the doctor now (hyperosmolar state "
                              "possible); send a laboratory glucose",
                        "fr": "HI ou 30 mmol/L (5,4 g/L, 540 mg/dL) ou plus : prévenir le médecin immédiatement "
                              "(syndrome hyperosmolaire possible) ; envoyer une glycémie au laboratoire"},
    Sign.CHECK_KETONES: {"en": "Above 12 mmol/L (2.16 g/L, 216 mg/dL): check the blood ketones",
                         "fr": "Au-dessus de 12 mmol/L (2,16 g/L, 216 mg/dL) : mesurer la cétonémie"},
    Sign.KETONES_RECHECK: {"en": "Ketones 0.6 to 1.4 mmol/L: recheck them within 2 hours",
                           "fr": "Cétonémie de 0,6 à 1,4 mmol/L : la recontrôler dans les 2 heures"},
    Sign.KETONES: {"en": "Ketones 1.5 mmol/L or more: tell the doctor",
                   "fr": "Cétonémie à 1,5 mmol/L ou plus : prévenir le médecin"},
    Sign.KETONES_HIGH: {"en": "Ketones 3 mmol/L or more, or the ketone meter's HI: tell the doctor now (ketoacidosis "
                              "likely)",
                        "fr": "Cétonémie à 3 mmol/L ou plus, ou HI au lecteur de cétonémie : prévenir le médecin "
                              "immédiatement (acidocétose probable)"},
}


@dataclass(frozen=True)
class Reading:
    """`glucose` in mmol/L, None when the meter showed LO or HI (`lo`, `hi`); `typed` as the
    nurse typed it, in `unit`; `ketones` None when not measured or when the ketone meter showed
    HI (`ketones_hi`)."""

    glucose: float | None
    lo: bool
    hi: bool
    ketones: float | None
    typed: float | None = None
    unit: Unit = Unit.MMOL
    ketones_hi: bool = False

    @property
    def ketones_measured(self) -> bool:
        return self.ketones is not None or self.ketones_hi

    @property
    def ketones_level(self) -> float | None:
        """The ketones as the protocol weighs them: a ketone meter's HI at what it is above, the
        highest band (3 or more, told at once); None when not measured."""
        return KETONES_HI_ABOVE if self.ketones_hi else self.ketones

    def ketones_text(self, decimal: Callable[[float], str] = str) -> str:
        """"1.2", "HI"; "" when not measured."""
        return "HI" if self.ketones_hi else "" if self.ketones is None else decimal(self.ketones)

    @property
    def hypo(self) -> bool:
        return self.lo or (self.glucose is not None and self.glucose < HYPO_BELOW)

    @property
    def severe_hypo(self) -> bool:
        return self.lo or (self.glucose is not None and self.glucose < SEVERE_HYPO_BELOW)

    def text(self, decimal: Callable[[float], str] = str) -> str:
        """"5.6 mmol/L", "1.25 g/L (6.9 mmol/L)", "LO", "HI": in the unit typed, as the meter
        showed it, with the mmol/L the protocol judges it in; `decimal` writes a number as the
        ward does (a comma in French)."""
        if self.glucose is None:
            return "LO" if self.lo else "HI"
        if self.unit is Unit.MMOL:
            return f"{decimal(self.glucose)} mmol/L"
        shown = self.typed if self.typed is not None else from_mmol(self.glucose, self.unit)
        return f"{decimal(shown)} {SCALES[self.unit].symbol} ({decimal(round(self.glucose, 1))} mmol/L)"


def reading(data: Mapping[str, Any]) -> Reading:
    typed, unit = data.get("glucose"), unit_of(data)
    return Reading(None if typed is None else to_mmol(typed, unit), data["reading"] == "lo", data["reading"] == "hi",
                   data.get("ketones"), typed, unit, data.get(KETONES_FIELD) == "hi")


def signs(found: Reading) -> list[Sign]:
    """What this reading asks of the nurse now, the most urgent first."""
    said = []
    if found.hypo:
        said.append(Sign.HYPO)
    if found.hi or (found.glucose is not None and found.glucose >= HYPEROSMOLAR_FROM):
        said.append(Sign.HYPEROSMOLAR)
    ketones = found.ketones_level
    if ketones is not None and ketones >= KETONES_NOW:
        said.append(Sign.KETONES_HIGH)
    elif ketones is not None and ketones >= KETONES_TELL:
        said.append(Sign.KETONES)
    elif ketones is not None and ketones >= KETONES_RECHECK:
        said.append(Sign.KETONES_RECHECK)
    if ketones is None and (found.hi or (found.glucose is not None and found.glucose > CHECK_KETONES_ABOVE)):
        said.append(Sign.CHECK_KETONES)
    return said


def hypo_persists(readings: Sequence[Reading]) -> bool:
    """The latest of `readings` (oldest first) a hypo, and the HYPO_CYCLES - 1 before it: each
    treated and rechecked within 15 minutes, the third low reading in a row (after 2 treatments,
    and each after) calls the doctor, a cycle before JBDS-IP's "3 cycles", where the chart said "treat, recheck in 15
    minutes" again and again. Its words say so: "after 3 treatments", at the third reading, was a
    count wrong by one to a nurse who had given two."""
    return len(readings) >= HYPO_CYCLES and all(one.hypo for one in readings[-HYPO_CYCLES:])


CHECKED_WITHIN = timedelta(hours=1)
"""The reading an insulin dose is chosen on (JBDS-IP: a capillary glucose before each dose): a
mealtime or correction dose by the reading just before it, an infusion by its hourly one."""
BASAL_CHECKED_WITHIN = timedelta(hours=24)
"""A basal dose is given whatever the glucose once a hypo is treated, never chosen on the reading
(JBDS-IP: basal insulin is not omitted), but a patient on insulin with no reading in the day is
not being watched."""


SULFONYLUREA_WORDS = frozenset(medicine_name(name) for name in (
    "gliclazide", "glibenclamide", "glyburide", "glimepiride", "glipizide", "tolbutamide", "diamicron", "daonil",
    "euglucon", "amarel", "glucovance", "ozidia", "minidiab", "glibenese"))
"""A word of a medicine, as `medicines_in` names it, that makes it a sulfonylurea, by its name or
a brand's ("Diamicron 30 mg LM", "Hémi-Daonil", Glucovance: glibenclamide with metformin)."""


def sulfonylurea(drug: str) -> bool:
    """Whether an order's medicine is a sulfonylurea: its hypo lasts and comes back (JBDS-IP), and
    a dose given on one not rechecked was asked nothing, as insulin is."""
    return any(SULFONYLUREA_WORDS & set(re.split(r"[\s/-]+", name)) for name in medicines_in(drug))


def checked_within(drug: str) -> timedelta:
    """How recent a capillary glucose an insulin dose of `drug` is given on (see CHECKED_WITHIN,
    BASAL_CHECKED_WITHIN; domain.medication.basal_insulin). A premixed one with a basal part
    (Ryzodeg: degludec with aspart) is given with a meal, its mealtime part chosen on the reading
    before it as any premix's: it asked a reading in the day."""
    return BASAL_CHECKED_WITHIN if basal_insulin(drug) and not premixed(drug) else CHECKED_WITHIN


def every(plan: str | None) -> timedelta | None:
    """A reading's plan (the form's minutes) as a span; None when no further reading is planned,
    or for a reading written before the form asked (version 1): no plan, never overdue."""
    return None if plan in (None, "", NONE_PLANNED) else timedelta(minutes=int(plan))


def every_words(span: timedelta, lang: str) -> str:
    """"hourly", "every 4 hours", "every 30 minutes": how often, beside when the next is due."""
    minutes = int(span.total_seconds()) // 60
    if minutes == 60:
        return EVERY["hour"][lang]
    return (EVERY["hours"][lang].format(count=minutes // 60) if minutes % 60 == 0
            else EVERY["minutes"][lang].format(count=minutes))


def next_due(taken_at: datetime, found: Reading, planned: timedelta | None) -> datetime | None:
    """When the reading after this one falls due, as a watch counts (the night the clocks change
    included): a hypo's recheck within 15 minutes whatever the plan (`every`), which is never
    shorter; else as planned; None with no plan."""
    span = RECHECK_WITHIN if found.hypo else planned
    return None if span is None else elapsed.later(taken_at, span)

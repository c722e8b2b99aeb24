"""Lithium's level (NICE CG185; BNF; NPSA/2009/PSA005, "Safer lithium therapy"): kept between 0.4
and 1.0 mmol/L, toxic from 1.5 (tremor, diarrhoea and vomiting, confusion, fits), and cleared by
the kidneys, so it rises as they fail, as the patient dehydrates or takes an NSAID or a diuretic.
A level above its range holds the next dose until the doctor decides; the evening's Priadel was
given on a level of 1.8 phoned that afternoon, with nothing said. Pure: the service reads the
results and the order's amendments."""

from __future__ import annotations

import re

from downtime.domain.aki import fold, nephrotoxic
from downtime.domain.lab_results import Bound, Reading, reference_range
from downtime.domain.medication import ALLERGY_CLASSES, medicine_name, medicines_in
from downtime.i18n import QT_TRANSLATE_NOOP

LITHIUM = medicine_name("lithium")
"""Lithium as `medicines_in` reads an order's name ("Lithium carbonate 400 mg", "Priadel", "Téralithe")."""
USUAL_TOP = 1.0
"""The top of lithium's range (mmol/L) when the result gives none read."""
_LEVEL = re.compile(r"lithi|lithem|\bli\b")
"""A test that is a lithium level, folded: "Lithium", "Serum lithium", "Lithémie", "Li"."""
LEVEL_HIGH = QT_TRANSLATE_NOOP(
    "messages", "{drug}: LITHIUM LEVEL {result} ({range}) received {time}: above its range: hold it and ask the doctor "
                "(toxic from 1.5 mmol/L: tremor, vomiting, confusion).")
LEVEL_REVIEWED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: lithium level {result} ({range}) received {time}: order amended by the prescriber since: "
                "“{reason}”.")
"""A high level the prescriber decided on (the order amended once it came back): said on the round
and the MAR, holding no dose."""
HELD_ON_LETTER = {LEVEL_HIGH: QT_TRANSLATE_NOOP(
    "messages", "{drug}: LITHIUM LEVEL {result} ({range}) received {time}: above its range.")}
"""The hold as a letter to the next team says it (services.medication.on_letter): the fact, not this
ward's "hold it and ask the doctor"."""


def is_level(test: str) -> bool:
    """Whether a result's test, as the laboratory names it, is a lithium level."""
    return bool(_LEVEL.search(fold(test)))


def high(read: Reading, range_text: str | None) -> bool:
    """Whether a level `read` in mmol/L is above its range's top (the result's, else `USUAL_TOP`):
    not one said below a bound ("< 0.1")."""
    top = (reference_range(range_text) or (None, None))[1]
    return read.bound is not Bound.BELOW and read.value > (USUAL_TOP if top is None else top)


def names_lithium(reason: str) -> bool:
    """Whether a prescriber's reason names the level: "lithium 1.3 seen, continue"."""
    return bool(re.search(r"lithi|\bli\b|level|taux", fold(reason)))


NOT_RAISING = frozenset(medicine_name(name) for name in (
    "vancomycin", "teicoplanin", "metformin", "lithium", *ALLERGY_CLASSES["aminoglycoside"][1],
    *ALLERGY_CLASSES["contrast"][1]))
"""The medicines an AKI reviews (domain.aki.nephrotoxic) that do not cut lithium's clearance."""
RAISED_BY = QT_TRANSLATE_NOOP(
    "messages", "{drug} raises the lithium level, and the patient is on {lithium}: an NSAID, an ACE inhibitor, an "
                "angiotensin receptor blocker or a diuretic slows its clearance, toxic within days (NICE CG185, BNF). "
                "Prescribe another, or check a lithium level within a week and give the reason in “{field}”.")


def raises_lithium(drug: str, route: str | None, mg_a_day: float | None = None) -> bool:
    """Whether a medicine so given raises the lithium level (BNF, NICE CG185): an NSAID, an ACE
    inhibitor, an angiotensin receptor blocker or a diuretic, read as an AKI reviews them (domain.
    aki.nephrotoxic) less those that do not (`NOT_RAISING`); not one put on the skin (ibuprofen gel),
    nor aspirin at the heart's dose (`mg_a_day` up to 300 mg; its dose not read, it asks)."""
    return nephrotoxic(drug, route, mg_a_day) and not medicines_in(drug) <= NOT_RAISING

"""A high potassium and the medicines that raise it. The UK Kidney Association's guideline on the
treatment of acute hyperkalaemia in adults (2020) calls a potassium of 6.0 to 6.4 mmol/L moderate
and one of 6.5 or more severe, and at either asks that potassium supplements and the medicines that
raise the potassium be stopped or reviewed by a doctor: ACE inhibitors, angiotensin receptor
blockers, the potassium-sparing diuretics and aldosterone antagonists, trimethoprim (BNF,
"hyperkalaemia"). A potassium of 6.8 phoned as critical left the Sando-K, the ramipril and the
spironolactone due on the round like any other dose. Pure: the services read the records
(services.potassium)."""

from __future__ import annotations

import re
from datetime import timedelta

from downtime.domain.aki import ANGIOTENSIN_ENDINGS, POTASSIUM_SPARING, fold, in_units
from downtime.domain.lab_results import Bound, Flag, Reading, inr_reading, reference_range
from downtime.domain.medication import (ALLERGY_CLASSES, NOT_REVIEWED_ROUTES, Order, medicine_name, medicines_in,
                                        medicines_known)
from downtime.i18n import QT_TRANSLATE_NOOP, Listed, Number

HIGH_FROM = 6.0
"""The potassium (mmol/L) from which a medicine that raises it waits on a doctor (UKKA 2020: moderate
hyperkalaemia from 6.0), whatever the laboratory's flag."""
USUAL_BOTTOM, USUAL_TOP = 3.5, 5.3
"""The adult reference range of the UK's harmonised pathology ranges, for a result that gives none:
its top, which a potassium must be above to hold (a critical 2.4 is low; a newborn's range goes to
6.5), and at or below which a newer one ends the hold."""
USUAL_RANGE = Listed((Number(USUAL_BOTTOM), Number(USUAL_TOP)), "–")
"""`USUAL_BOTTOM`–`USUAL_TOP` as said when the result gives no range, in the reader's decimals
("3,5–5,3" beside a French "6,8")."""
WITHIN = timedelta(hours=24)
"""A potassium received this long before a dose holds it, though the medicine's first order started
after it: the doctor who wrote it then may not have known of it."""
UNITS = {"mmol/l": 1.0, "meq/l": 1.0}
"""A potassium's units as typed, in mmol/L (a monovalent ion's mEq/L are its mmol/L)."""
TEST_WORDS = ("potassium", "k", "kaliem", "kalium")
"""Words (their beginnings for "kaliem": "Kaliémie") by which a test is the potassium: "Potassium",
"K+", "Serum K", "Kaliémie"."""
NOT_SERUM = ("urin", "kaliur", "vitamin", "ratio", "rapport")
"""Words (their beginnings) by which a test so named is not the blood's potassium: a urine potassium,
"Kaliurèse", "Vitamin K"."""
REASON_WORDS = ("potassium", "kalium", "kaliemie")
"""Words by which a prescriber's reason names the potassium ("Potassium reviewed", "Kaliémie vue"),
beside a word holding its disorder's stem (`_DISORDER`) and its symbol (`_SYMBOL`)."""
_SYMBOL = re.compile(r"(?<![a-z])(?<!vitamin )(?<!vitamine )(?<!vit )(?<!vit\. )k\s*[+=<>≤≥\d]|\bserum k\b")
"""The potassium's symbol in a prescriber's reason (folded): "K 6.2 seen", "K+ 6.2", "K=6.1", "K>6",
"Serum K". Not a "K" alone, an initial ("per Dr K Patel", "K. Lee") or vitamin K's ("Vitamin K
antagonist", "Vit K 10 mg"), which ended a 6.8 hold as the prescriber's decision (review S_GLN S3)."""
_DISORDER = re.compile(r"kal[ai]?emi|^hyperk")
"""The potassium's disorders as prescribers write them: "Hyperkalaemia", "hyperkalemia",
"Hyperkaliémie", "hypokalaemia", "hyperK"."""
SUPPLEMENT_BRANDS = ("sando k", "slow k", "kay cee l", "diffu k", "kaleorid")
"""Potassium supplements by their brands' words, with a strength or not ("Slow-K 600 mg")."""
NOT_SUPPLEMENTS = ("iodid", "iodur", "permanganat")
"""Words (their beginnings) of the potassium salts given for something else than their potassium:
potassium iodide for the thyroid, potassium permanganate soaks."""
RAISING = frozenset(medicine_name(name) for name in (
    *ALLERGY_CLASSES["ace inhibitor"][1], *ALLERGY_CLASSES["angiotensin receptor blocker"][1], *POTASSIUM_SPARING,
    "finerenone", "aliskiren", "trimethoprim"))
"""The medicines that raise the potassium, read by a word of a medicine's name ("Trimethoprim" in
Septrin, valsartan in Entresto), beside those ending as an ACE inhibitor or an angiotensin receptor
blocker does (domain.aki.ANGIOTENSIN_ENDINGS)."""

POTASSIUM_HIGH = QT_TRANSLATE_NOOP(
    "messages", "{drug}: POTASSIUM {value} mmol/L ({range}) received {time}, and this medicine raises it: hold and "
                "ask the doctor.")
POTASSIUM_NOT_REPEATED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: no potassium since the POTASSIUM {value} mmol/L ({range}) received {time}, and this "
                "medicine raises it: ask for a potassium, and ask the doctor before giving it.")
"""`POTASSIUM_HIGH` once over `WITHIN` old with no potassium since: what ends the hold is a new one,
and "hold" of 29/11's 6.2 on 03/12 read as today's (review S_GLN S2)."""
POTASSIUM_REVIEWED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: POTASSIUM {value} mmol/L ({range}) received {time}: order amended by the prescriber since: "
                "“{reason}”.")
"""A high potassium the prescriber decided on, the order amended after it came back: said on the
round and the MAR as the decision, holding no dose, as a high INR decided on is
(services.medication.holding)."""


def raises_potassium(order: Order) -> bool:
    """Whether `order` gives a medicine a high potassium holds: a potassium supplement
    (`supplement`) or one that raises it (`RAISING`, or a name ending as an ACE inhibitor's or an
    angiotensin receptor blocker's), by a route that reaches the blood (not one put on the skin or
    in the eye, ear or nose: domain.medication.NOT_REVIEWED_ROUTES)."""
    if order.route in NOT_REVIEWED_ROUTES:
        return False
    return supplement(order.drug) or any(word in RAISING or word.endswith(ANGIOTENSIN_ENDINGS)
                                         for name in medicines_in(order.drug) for word in name.split())


def supplement(drug: str) -> bool:
    """Whether `drug` gives potassium: named in its words ("Potassium citrate 3 g", "Chlorure de
    potassium", "K 20 mmol"), by a brand (`SUPPLEMENT_BRANDS`), or a potassium salt the tables know
    ("KCl" in a bag of fluid). Not when the medicines it names are others, the potassium their salt's
    counter-ion ("Losartan potassium", "Penicillin V potassium"), nor potassium given for something
    else (`NOT_SUPPLEMENTS`). The salt's name read whole missed every one written with its strength
    ("Potassium gluconate 2 g"), and the phosphate and bicarbonate altogether (review S_NL S4)."""
    words = re.findall(r"[a-z]+", fold(drug))
    known = medicines_known(drug)
    salts = [name for name in known if "potassium" in name.split()]
    if any(word.startswith(NOT_SUPPLEMENTS) for word in words) or (known and not salts):
        return False
    said = f" {' '.join(words)} "
    return bool(salts) or any(word.startswith("potassi") for word in words) or {"k", "mmol"} <= set(words) \
        or any(f" {brand} " in said for brand in SUPPLEMENT_BRANDS)


def is_potassium(test: str) -> bool:
    """Whether a test as the laboratory names it names the blood's potassium (`TEST_WORDS`, not
    `NOT_SERUM`)."""
    words = re.findall(r"[a-z]+", fold(test))
    return any(word in TEST_WORDS or word.startswith("kaliem") for word in words) and not any(
        word.startswith(NOT_SERUM) for word in words)


def names_potassium(reason: str) -> bool:
    """Whether a prescriber's reason names the potassium (`REASON_WORDS`, `_DISORDER`, `_SYMBOL`),
    whatever else it says: "Hyperkalaemia reviewed: continue", "K 6.2 seen, urine output good" were
    no decision to a reader of test names, which knows no disorder and takes "urine" for a urine
    potassium."""
    folded = fold(reason)
    return bool(_SYMBOL.search(folded)) or any(word in REASON_WORDS or _DISORDER.search(word)
                                               for word in re.findall(r"[a-z]+", folded))


def mmol_per_l(result: str, units: str | None) -> Reading | None:
    """A potassium's value in mmol/L as typed ("6.8", "6,8 H", "6.8 mmol/L"; domain.aki.in_units),
    Units left empty read as mmol/L, the one unit a potassium is reported in (a 6.8 phoned with no
    unit typed held nothing), and the bound of the assay it lies beyond ("> 9.0", "supérieur à 9":
    domain.lab_results.inr_reading; read as nothing, the most dangerous potassium held nothing);
    None for words ("haemolysed"), two numbers, or other units."""
    read = inr_reading(result)
    value = None if read is None else in_units(re.sub(r"^\D*", "", result), units or "mmol/L", UNITS)
    return None if read is None or value is None else Reading(value, read.bound)


def _top(range_text: str | None) -> float:
    """The top of a result's range, `USUAL_TOP` when it gives none read."""
    top = (reference_range(range_text) or (None, None))[1]
    return USUAL_TOP if top is None else top


def high(read: Reading, flag: Flag, range_text: str | None) -> bool:
    """Whether a potassium `read` in mmol/L holds a medicine that raises it: above its range's top
    (`_top`: a newborn's 6.3 in a range to 6.5 is theirs), from `HIGH_FROM` or flagged critical by
    the laboratory (a critical low one holds nothing, nor a value said below a bound)."""
    return read.bound is not Bound.BELOW and read.value > _top(range_text) and (
        read.value >= HIGH_FROM or flag is Flag.CRITICAL)


def in_range(read: Reading, range_text: str | None) -> bool:
    """Whether a potassium `read` is at or below its range's top (`_top`), which a newer one must be
    to end a high one's hold: a 5.8 an hour after insulin-dextrose, which wears off, is still high
    (review S_NL S2); a value beyond a bound above it never is."""
    return read.bound is not Bound.ABOVE and read.value <= _top(range_text)

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

from downtime.domain.aki import ANGIOTENSIN_ENDINGS, POTASSIUM_SPARING, fold
from downtime.domain.lab_results import Bound, Flag, Reading, inr_reading, reference_range, result_value
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
_MMOL = re.compile(r"\s*(?:mmol|meq|mm)(?:\s*(?:/|per)?\s*(?:l|litre|liter|litres|liters))?(?![a-z])", re.IGNORECASE)
"""A potassium's units as typed, read by their stem: "mmol/L", "mmol", "mmol/litre", "mmol per L", "mM",
"mEq/L" (a monovalent ion's mEq/L are its mmol/L). Units is free text: "mmol" and "mM" held nothing."""
_OTHER_UNITS = re.compile(r"/|(?<![a-z])[uµnmp]?(?:mol|g|eq)(?![a-z])", re.IGNORECASE)
"""Units other than `_MMOL` written after a result's number ("6.8 mg/L", "6.8 µmol/L"), not its
laboratory's words ("6.8 High", "6.8 critical"), which it is read with."""
TEST_WORDS = ("potassium", "k", "kaliem", "kalium")
"""Words (their beginnings for "kaliem": "Kaliémie") by which a test is the potassium: "Potassium",
"K+", "Serum K", "Kaliémie"."""
NOT_SERUM = ("urin", "kaliur", "vitamin", "ratio", "rapport")
"""Words (their beginnings) by which a test so named is not the blood's potassium: a urine potassium,
"Kaliurèse", "Vitamin K"; nor is "Na/K", "Sodium/Potassium" or "Na K", the two's ratio
(`_SODIUM_WITH`)."""
_SODIUM_WITH = re.compile(r"(?<![a-z])(?:na|sodium)\s*[/:]?\s*(?:k|potassium)(?![a-z])")
"""The sodium and the potassium named together, their ratio (folded)."""
PANEL_WORDS = ("electrolyt", "ionogram", "renal", "urea", "vbg", "abg", "gas", "gaz", "gazometri")
"""Words (their beginnings) of the panels a potassium is reported in: "Electrolytes", "Urea &
electrolytes", "Ionogramme sanguin", "Renal profile", "VBG", "Blood gas", "Gaz du sang"; and "U&E"
(`_U_AND_E`). "K 6.8" typed under one held nothing."""
_U_AND_E = re.compile(r"(?<![a-z])u\s*[&+]\s*es?(?![a-z])")
""""U&E", "U+E", "U&Es" (folded)."""
_PANELS_K = re.compile(r"(?<![^\W\d_])(?<!/)(?:k\s*\+?|potassium|kali[ée]mie)(?![^\W\d_/])\s*[:=]?\s*", re.IGNORECASE)
"""The potassium named in a panel's result ("Na 139, K 6.8", "K+: 6,8 H", "potassium > 9"), not in
a ratio ("Na/K 20")."""
_NEXT = re.compile(r",(?!\d)|[;|\n]|\s(?=[^\W\d_]+\s*[+-]?\s*[:=]?\s*[<>≤≥]?\s*\d)")
"""Where a panel's potassium ends, after its number: the next result's separator or name ("…, Na 140",
"6.8 Urea 12", an ion with its charge, "6,5 Cl- 100": read as "6,5 Cl- 100", no number, its hold
never ended by a normal one); a French decimal comma ("6,8") is none."""
REASON_WORDS = ("potassium", "kalium", "kaliemie")
"""Words by which a prescriber's reason names the potassium ("Potassium reviewed", "Kaliémie vue"),
beside a word holding its disorder's stem (`_DISORDER`) and its symbol (`_SYMBOL`)."""
_SAID_OF_IT = r"(?:high|raised|elevated|elevee?s?|low|normal|of|was|level|bas|basses?)"
"""What prescribers say of the potassium beside its symbol alone: "K high", "High K", "K of 6.2"."""
_SYMBOL = re.compile(
    rf"(?<![a-z])(?<!vitamin )(?<!vitamine )(?<!vit )(?<!vit\. )(?:k\s*[+=<>≤≥\d]|(?<!-)k\s+{_SAID_OF_IT}(?![a-z]))"
    rf"|\bserum k\b|(?<![a-z]){_SAID_OF_IT}\s+k(?![a-z-])|\bhyper[- ]?k(?![a-z])|(?<![a-z])u\s*[&+]\s*es?(?![a-z])")
"""The potassium's symbol in a prescriber's reason (folded): "K 6.2 seen", "K+ 6.2", "K=6.1", "K>6",
"Serum K", "K high", "High K", "K of 6.2", "Hyper-K", and the panel it is reported in, "U&Es
reviewed" (review T4 D7). Not a "K" alone, an initial ("per Dr K Patel", "K. Lee") or vitamin K's
("Vitamin K antagonist", "Vit K 10 mg"), which ended a 6.8 hold as the prescriber's decision (review
S_GLN S3), nor a supplement's brand ("Sando-K")."""
_DISORDER = re.compile(r"kal[ai]?emi|^hyperk")
"""The potassium's disorders as prescribers write them: "Hyperkalaemia", "hyperkalemia",
"Hyperkaliémie", "hypokalaemia", "hyperK"."""
SUPPLEMENT_BRANDS = ("sando k", "slow k", "kay cee l", "diffu k", "kaleorid")
"""Potassium supplements by their brands' words, with a strength or not ("Slow-K 600 mg")."""
NOT_SUPPLEMENTS = ("iodid", "iodur", "permanganat", "clavulan")
"""Words (their beginnings) of the potassium salts given for something else than their potassium:
potassium iodide for the thyroid, potassium permanganate soaks, potassium clavulanate (in
co-amoxiclav)."""
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
POTASSIUM_NOT_READ = QT_TRANSLATE_NOOP(
    "messages", "{drug}: POTASSIUM “{value}” received {time}, flagged by the laboratory, not read as one number in "
                "mmol/L: this medicine raises it: hold and ask the doctor.")
"""A potassium the laboratory flagged (Critical or Abnormal) that is not read as one number in mmol/L
(`mmol_per_l`), quoted as typed: "6.8, repeat 6.9" or units "mg/L" held nothing, and nothing said
so (review T4 D1)."""
POTASSIUM_REVIEWED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: POTASSIUM {value} mmol/L ({range}) received {time}: order amended by the prescriber since: "
                "“{reason}”.")
"""A high potassium the prescriber decided on, the order amended after it came back: said on the
round and the MAR as the decision, holding no dose, as a high INR decided on is
(services.medication.holding)."""

HELD_ON_LETTER = {
    POTASSIUM_HIGH: QT_TRANSLATE_NOOP("messages", "{drug}: POTASSIUM {value} mmol/L ({range}) received {time}, and this "
                                                  "medicine raises it."),
    POTASSIUM_NOT_REPEATED: QT_TRANSLATE_NOOP("messages", "{drug}: no potassium since the POTASSIUM {value} mmol/L "
                                                          "({range}) received {time}, and this medicine raises it."),
    POTASSIUM_NOT_READ: QT_TRANSLATE_NOOP("messages", "{drug}: POTASSIUM “{value}” received {time}, flagged by the "
                                                      "laboratory, not read as one number in mmol/L, and this medicine "
                                                      "raises it.")}
"""Each hold above as a letter to the next team says it (services.medication.on_letter): the fact,
not this ward's "hold and ask the doctor"."""

POTASSIUM_ORDERED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: POTASSIUM {value} mmol/L ({range}) received {time}, and this medicine raises it: give the "
                "reason to prescribe it all the same, naming the potassium, in “{field}”.")
POTASSIUM_NOT_READ_ORDERED = QT_TRANSLATE_NOOP(
    "messages", "{drug}: POTASSIUM “{value}” received {time}, flagged by the laboratory, not read as one number in "
                "mmol/L, and this medicine raises it: give the reason to prescribe it all the same, naming the "
                "potassium, in “{field}”.")
"""`POTASSIUM_HIGH` (and `POTASSIUM_NOT_REPEATED`) and `POTASSIUM_NOT_READ` asked of the prescriber
writing an order of a medicine that raises the potassium (services.potassium.ordered_refusal): a
ramipril written after a 6.8 came back was saved unasked, the nurse alone asked at the round. Only a
reason naming the potassium (`names_potassium`) answers them: "weight used 70 kg", typed for another
check, lifted the hold (review S2 S1)."""


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
    `NOT_SERUM` nor the sodium's ratio)."""
    folded = fold(test)
    words = re.findall(r"[a-z]+", folded)
    return any(word in TEST_WORDS or word.startswith("kaliem") for word in words) and not any(
        word.startswith(NOT_SERUM) for word in words) and not _SODIUM_WITH.search(folded)


def potassium_said(test: str, result: str) -> str | None:
    """The part of a result that gives the blood's potassium: the whole of a potassium's
    (`is_potassium`), where a panel's (`PANEL_WORDS`) names it, from its number up to the next result
    ("U&E": "Na 139, K 6.8, urea 12" gives "6.8"); None for another test, or a panel's that names
    none."""
    if is_potassium(test):
        return result
    folded = fold(test)
    if not (_U_AND_E.search(folded) or any(word.startswith(PANEL_WORDS) for word in re.findall(r"[a-z]+", folded))):
        return None
    named = _PANELS_K.search(result)
    if named is None:
        return None
    said = result[named.end():]
    number = re.search(r"\d", said)
    end = _NEXT.search(said, number.end()) if number else None
    return (said if end is None else said[:end.start()]).strip()


def names_potassium(reason: str) -> bool:
    """Whether a prescriber's reason names the potassium (`REASON_WORDS`, `_DISORDER`, `_SYMBOL`),
    whatever else it says: "Hyperkalaemia reviewed: continue", "K 6.2 seen, urine output good" were
    no decision to a reader of test names, which knows no disorder and takes "urine" for a urine
    potassium."""
    folded = fold(reason)
    return bool(_SYMBOL.search(folded)) or any(word in REASON_WORDS or _DISORDER.search(word)
                                               for word in re.findall(r"[a-z]+", folded))


def mmol_per_l(result: str, units: str | None) -> Reading | None:
    """A potassium's value in mmol/L as typed, read as the results tab reads one number
    (domain.lab_results.result_value: "6.8", "6,8 H", "6.8 High", "6.8 critical"), perhaps after words
    ("Haemolysed, 6.8") and the bound of the assay it lies beyond ("> 9.0", "supérieur à 9":
    domain.lab_results.inr_reading; read as nothing, the most dangerous potassium held nothing),
    its units (those written after it or typed in Units) by their stem (`_MMOL`), Units left empty
    read as mmol/L, the one unit a potassium is reported in (a 6.8 phoned with no unit typed held
    nothing); None for words ("haemolysed"), two numbers, a number started with its point (".8",
    once read as 8), or other units (`_OTHER_UNITS`)."""
    read = inr_reading(result)
    parts = re.fullmatch(r"(\D*?)(\d.*)", result.strip())
    if read is None or parts is None or parts.group(1).endswith((".", ",")):
        return None
    written = re.sub(r"^[\d.,\s]*", "", parts.group(2))
    if (units or "").strip() and not _MMOL.fullmatch(units.strip()):
        return None
    if not _MMOL.match(written) and _OTHER_UNITS.search(written):
        return None
    value = result_value(parts.group(2))
    return None if value is None else Reading(value, read.bound)


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

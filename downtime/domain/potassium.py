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
from dataclasses import dataclass
from datetime import timedelta

from downtime.domain.aki import ANGIOTENSIN_ENDINGS, POTASSIUM_SPARING, fold
from downtime.domain.dose_limits import BY_VEIN
from downtime.domain.lab_results import Bound, Flag, Reading, inr_reading, reference_range, result_value
from downtime.domain.medication import (ALLERGY_CLASSES, INFUSION, MASS_IN_MG, ML, NOT_REVIEWED_ROUTES, Order,
                                        medicine_name, medicines_in, medicines_known)
from downtime.domain.order_units import Refusal
from downtime.i18n import QT_TRANSLATE_NOOP, Listed, Number, Phrase

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


# Potassium by vein (NPSA/2002/01, potassium chloride concentrate; the Never Event "mis-selection
# of a strong potassium solution"; UK trusts' intravenous potassium policies): a peripheral vein
# takes at most 40 mmol/L at 10 mmol an hour, the ward's premixed bags (20 or 40 mmol in 500 or
# 1000 mL: "Sodium chloride 0.9% and potassium chloride 0.3%" is 40 mmol/L, "0.15%" 20); stronger
# or faster is critical care's, by a central line with ECG monitoring (20 mmol/h at most there).
# "Potassium chloride 40 mmol in sodium chloride 0.9% 100 mL" at 100 mL/h, 400 mmol/L and
# 40 mmol/h, was saved with nothing asked.
PERIPHERAL_MOST_PER_L = 40.0
"""The most mmol/L of potassium by a peripheral vein."""
PERIPHERAL_MOST_PER_H = 10.0
"""The most mmol of potassium an hour by a peripheral vein."""
MMOL_PER_G_KCL = 13.4
"""The mmol of potassium in a gram of potassium chloride (74.55 g a mole): French wards prescribe
it in g ("KCl 2 g/L", "chlorure de potassium 1 g"), UK bags say it as a percent ("0.3%"), each
labelled in whole mmol/L (0.3% is 3 g/L, 40.2 mmol/L, labelled and hung as 40: `_read`)."""
_PER_L_OF_KCL = {"%": 10 * MMOL_PER_G_KCL, "‰": MMOL_PER_G_KCL, "g/l": MMOL_PER_G_KCL}
"""The mmol/L of potassium in one of each unit a potassium chloride's strength is written in."""
_KCL = medicines_in("Potassium chloride")
_NAME = (r"(?:(?:chlorure|phosphate|ac[ée]tate|bicarbonate|hydrog[ée]nocarbonate|gluconate|citrate)\s+de\s+)?"
         r"potassium(?:\s+(?:chlorid|phosphat|dihydrogen\s*phosphat|acetat|bicarbonat|hydrogen\s*carbonat|gluconat"
         r"|citrat)\w*)?|\bkcl\b|\bk\b\+?")
"""The potassium as a name writes it: its salt, English or French ("Chlorure de potassium"),
"KCl", "K"."""
_AMOUNT = r"(\d+(?:[.,]\d+)?)\s*(mmol|meq|mg|g|%|‰)(?:\s*(/|per|par)\s*(?:l|litres?|liters?)\b)?(?![^\W\d_])"
"""An amount (mmol; mg, g of the chloride; mEq, a monovalent ion's mmol) or a strength (the same
per litre, a percent)."""
_AFTER = re.compile(rf"(?:{_NAME})\s*[:=(]?\s*{_AMOUNT}", re.IGNORECASE)
_BEFORE = re.compile(rf"{_AMOUNT}\s*(?:of\s+|de\s+|d[’'])?(?:{_NAME})$", re.IGNORECASE)
_JOINS = re.compile(r"(?:^|[+,&/;(]|\b(?:and|with|plus|et|avec|in|dans|l|ml|litres?))\s*$", re.IGNORECASE)
"""What may stand before an amount written before the potassium ("with 20 mmol KCl", "1 L + 2 g KCl"):
not another medicine's name ("Glucose 5% potassium chloride": the glucose's 5% is no potassium's)."""
_VOLUME = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*(ml|l|litres?|liters?)\b",
                     re.IGNORECASE)
"""A volume a name writes ("in 1000 mL", "1 L", "500ml"), its thousands apart as French writes them
("1 000 mL", read as none and refused); "mmol/L" writes none."""
BY_VEIN_ABOVE = {
    True: QT_TRANSLATE_NOOP(
        "messages", "Potassium by vein: {mmol} mmol in {ml} mL is {per_l} mmol/L, at {rate} mL/h {per_h} mmol/h: by a "
                    "peripheral vein at most {most_per_l} mmol/L and {most_per_h} mmol/h; stronger or faster only by a "
                    "central line with ECG monitoring. Correct it, or give the reason in “{field}”."),
    False: QT_TRANSLATE_NOOP(
        "messages", "Potassium by vein: {mmol} mmol in {ml} mL is {per_l} mmol/L: by a peripheral vein at most "
                    "{most_per_l} mmol/L and {most_per_h} mmol/h; stronger only by a central line with ECG monitoring. "
                    "Correct it, or give the reason in “{field}”.")}
"""`by_vein_refusal`'s question, by whether the order has a rate to say the mmol an hour of."""
BY_VEIN_UNREAD = QT_TRANSLATE_NOOP(
    "messages", "Potassium by vein: write the potassium's mmol and the bag's volume, in the dose or in the medicine's "
                "name (e.g. “Potassium chloride 40 mmol in sodium chloride 0.9% 1000 mL”, “Sodium chloride 0.9% and "
                "potassium chloride 0.3% 500 mL”): its strength and speed could not be checked, nor the bag the "
                "nurse hangs against the order.")

BY_VEIN_NOT_INFUSED = QT_TRANSLATE_NOOP(
    "messages", "Potassium by vein is given only as an infusion, by a pump at a set rate, never as an injection: a "
                "bolus of potassium can stop the heart. Choose “{infusion}” in “{form}”, and give its rate.")
"""`not_infused`'s refusal: the form's names for the field and its choice are the caller's."""


@dataclass(frozen=True)
class Bag:
    """What an order of potassium by vein gives: `mmol` in `ml`."""

    mmol: float
    ml: float

    @property
    def per_l(self) -> float:
        return self.mmol / self.ml * 1000


def by_vein(order: Order) -> bool:
    """Whether `order` gives potassium (`supplement`) by vein."""
    return order.route in BY_VEIN and supplement(order.drug)


def _kcl(order: Order) -> bool:
    """Whether `order` gives potassium chloride alone, whose weight says its mmol (`MMOL_PER_G_KCL`):
    another salt's gram is other mmol."""
    return medicines_known(order.drug) == _KCL


def _read(amount: tuple[str, ...], chloride: bool) -> tuple[float, bool] | None:
    """An amount `_AMOUNT` read as (mmol, whether per litre); None: a weight of another salt than
    the chloride, whose mmol a gram is not known here."""
    number, unit, per = float(amount[0].replace(",", ".")), amount[1].lower(), bool(amount[2])
    if unit in ("mmol", "meq"):
        return number, per
    if not chloride:
        return None
    if unit == "%":  # as the UK's bags are labelled, in whole mmol/L
        return round(number * _PER_L_OF_KCL[unit]), True
    if unit == "‰":
        return number * _PER_L_OF_KCL[unit], True
    return number * MASS_IN_MG[unit] / 1000 * MMOL_PER_G_KCL, per


def _named(drug: str, chloride: bool) -> set[tuple[float, bool] | None]:
    """The potassium's amounts its name writes beside it (`_AFTER`, else `_BEFORE` where no other
    medicine's name stands before it: `_JOINS`), each as `_read`."""
    found = set()
    for named in re.finditer(_NAME, drug, re.IGNORECASE):
        after = _AFTER.match(drug, named.start())
        before = _BEFORE.search(drug, 0, named.end())
        if after is not None:
            found.add(_read(after.groups(), chloride))
        elif before is not None and _JOINS.search(drug, 0, before.start()):
            found.add(_read(before.groups(), chloride))
    return found


def named_ml(drug: str) -> float | None:
    """The one volume a medicine's name writes (`_VOLUME`), in mL; None: none, or several."""
    volumes = {float(re.sub(r"\s", "", number).replace(",", ".")) * (1 if unit.lower() == "ml" else 1000)
               for number, unit in _VOLUME.findall(drug)}
    return next(iter(volumes)) if len(volumes) == 1 and 0 not in volumes else None


def bag_of(order: Order) -> Bag | None:
    """What an order of potassium by vein gives, read from its dose and its name: its mmol the dose's
    (in mmol; in g or mg, or mL of a stated strength, of the chloride, at `MMOL_PER_G_KCL`) or the
    name's ("40 mmol"); its strength the name's ("KCl 0.3%", "KCl 2 g/L", "20 mmol/L") or the name's
    amount in the name's volume ("40 mmol in 100 mL"), else its mmol in the dose's volume (in mL) or
    the name's ("in 1000 mL", "1 L", "500ml"). None when either is not read: "Potassium chloride"
    40 mmol at 50 mL/h, in no volume written, was saved unasked."""
    chloride = _kcl(order)
    found, in_name = _named(order.drug, chloride), named_ml(order.drug)
    if len(found) > 1 or None in found:  # two that differ ("20 mmol … 40 mmol"), or a weight of another salt
        return None
    named = next(iter(found), None)
    amount = named[0] if named is not None and not named[1] else None
    per_l = named[0] if named is not None and named[1] else None
    if per_l is None and amount is not None and in_name is not None:
        per_l = amount / in_name * 1000
    if per_l is None and chloride and order.mg_per_ml is not None:
        per_l = order.mg_per_ml * MMOL_PER_G_KCL
    dosed = order.dose if order.dose_unit == "mmol" else None
    if chloride and order.dose_unit in MASS_IN_MG:
        dosed = order.dose * MASS_IN_MG[order.dose_unit] / 1000 * MMOL_PER_G_KCL
    if order.dose_unit == ML:
        ml = order.dose
        mmol = ml * per_l / 1000 if per_l is not None else amount
    else:
        mmol = dosed if dosed is not None else amount
        ml = mmol / per_l * 1000 if per_l and mmol is not None else in_name
    return None if mmol is None or not ml else Bag(mmol, ml)


def unread_by_vein(order: Order) -> Refusal | None:
    """An order of potassium by vein whose mmol or volume is not read (`bag_of`), refused on the
    medicine's name asking them written: a nurse cannot check the strength and speed of a bag she
    cannot weigh, and "Potassium chloride" 40 mmol at 50 mL/h was 40 mmol in 100 mL or in 1 L."""
    if not by_vein(order) or bag_of(order) is not None:
        return None
    return Refusal("drug", Phrase(BY_VEIN_UNREAD))


def not_infused(order: Order) -> Refusal | None:
    """An order of potassium by vein in another form than an infusion (or none), refused on its
    form: potassium is never pushed by vein (NPSA/2002/01; the Never Event "mis-selection of a strong
    potassium solution"), and only an infusion is asked its rate, by which `by_vein_refusal` weighs
    its mmol an hour. "Potassium chloride 20 mmol in 500 mL" IV written as an injection was saved with
    its strength checked and no rate, nothing asked of its speed."""
    if not by_vein(order) or order.form == INFUSION:
        return None
    return Refusal("form", Phrase(BY_VEIN_NOT_INFUSED))


def by_vein_refusal(order: Order, rate: float | None) -> Refusal | None:
    """An order of potassium by vein (`bag_of`) above `PERIPHERAL_MOST_PER_L`, or at `rate` (mL/h:
    the order's, or a new one of its bag's; None, none) above `PERIPHERAL_MOST_PER_H`, asked, not
    refused: critical care gives it stronger and faster by a central line, the reason kept. Asked on
    the rate when the order has one (what gives its mmol an hour), else on the dose. None when the
    bag is not read (`unread_by_vein` refuses it)."""
    bag = bag_of(order) if by_vein(order) else None
    if bag is None:
        return None
    per_h = None if rate is None else bag.per_l * rate / 1000
    if bag.per_l <= PERIPHERAL_MOST_PER_L * (1 + 1e-9) and (
            per_h is None or per_h <= PERIPHERAL_MOST_PER_H * (1 + 1e-9)):
        return None
    said = {"mmol": Number(round(bag.mmol, 1)), "ml": Number(round(bag.ml, 1)), "per_l": Number(round(bag.per_l, 2)),
            "most_per_l": Number(PERIPHERAL_MOST_PER_L), "most_per_h": Number(PERIPHERAL_MOST_PER_H)}
    if per_h is not None:
        said |= {"rate": Number(rate), "per_h": Number(round(per_h, 2))}
    return Refusal("dose" if order.rate_ml_h is None else "rate_ml_h", Phrase(BY_VEIN_ABOVE[per_h is not None], said),
                   asked=True)

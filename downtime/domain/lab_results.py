"""What a laboratory result received on the ward asks of the nurse, as critical-results
policies have it (RCPath 2017; the Joint Commission's read-back goal): a result the laboratory
gives as critical is told to a doctor at once, and is the nurse's to pass on until one is told;
an abnormal one waits for a doctor to see it, which the next shift is told. A telephoned result
is read back to the caller before it is written (the form refuses it otherwise); a doctor is told
of it once they take it, hearing it and repeating it back (a doctor bleeped who did not answer is
not told). A sample sent whose results have not all come back is chased with the laboratory: an
urgent one after 2 hours (an hour's turnaround, doubled for an outage's paper and porters), a
routine one after a day."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed

BACK_WITHIN = {True: timedelta(hours=2), False: timedelta(hours=24)}
"""When a sample's result is chased, urgent (True) or routine."""
CULTURES = frozenset({"blood_cultures", "urine"})
"""The lab_request tests that are cultures: their growth is watched for days, a positive phoned by
the laboratory, and they are chased at `CULTURE_BACK_WITHIN` whatever the sample's urgency."""
CULTURE_BACK_WITHIN = timedelta(hours=48)
"""When a culture's first report is chased (UKHSA SMI B 37: most significant positive blood
cultures flag within 48 hours): chased at the 2 hours of the urgent lactate sent beside them, every
patient screened for sepsis read "NOT ALL BACK (Blood cultures awaited): phone the laboratory"."""


class Flag(StrEnum):
    CRITICAL = "critical"
    ABNORMAL = "abnormal"
    NORMAL = "normal"


class Sign(StrEnum):
    TELL_NOW = "tell_now"
    FOR_A_DOCTOR = "for_a_doctor"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.TELL_NOW: {"en": "CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who and when",
                    "fr": "RÉSULTAT CRITIQUE PAS ENCORE TRANSMIS À UN MÉDECIN : le transmettre maintenant, et noter "
                          "à qui et quand"},
    Sign.FOR_A_DOCTOR: {"en": "Abnormal: for a doctor to see", "fr": "Anormal : à montrer à un médecin"},
}


def is_inr(test: str) -> bool:
    """Whether a test as the laboratory names it gives the INR a vitamin K antagonist is dosed by:
    "INR", "PT/INR", "TP/INR" (French "taux de prothrombine"), "INR (coagulation)"; not "APTT".
    Read as a word, so "Inr" typed in lower case counts and no longer word holding the letters does."""
    return "inr" in re.findall(r"[a-z]+", test.casefold())


class Bound(StrEnum):
    """How a reading's number is meant: the value itself, or a limit of the laboratory's assay the
    value lies beyond ("> 8": above 8, the most dangerous INR there is)."""
    EQUAL = "="
    ABOVE = ">"
    BELOW = "<"


@dataclass(frozen=True)
class Reading:
    """An INR as read from a result or a typed reading: its number and how it is meant (`Bound`)."""

    value: float
    bound: Bound = Bound.EQUAL

    def same(self, other: Reading) -> bool:
        """Whether two readings say one INR, to its tenth: "INR 2.4" typed for a result of 2.40."""
        return self.bound is other.bound and round(self.value, 1) == round(other.value, 1)


def inr_reading(text: str) -> Reading | None:
    """The INR a result or a typed reading gives: "5.8", "INR 2,4", "INR: 1.8", and a bound the
    laboratory reads past, "> 8", ">10", "supérieur à 8" (read as None, an INR beyond the assay held
    nothing and yesterday's 2.4 was shown as the latest); None for words or two numbers ("8.5,
    repeat 8.7"), which the nurse reads herself as typed."""
    found = _NUMBER.findall(text)
    if len(found) != 1:
        return None
    before = text.casefold()[:text.index(found[0])]
    bound = Bound.ABOVE if any(sign in before for sign in _ABOVE) else \
        Bound.BELOW if any(sign in before for sign in _BELOW) else Bound.EQUAL
    return Reading(_number(found[0]), bound)


def doctor_told(answers: Mapping[str, Any]) -> bool:
    """Whether a result's answers record a doctor as told of it: one named, who acknowledged it.
    The one test of it for every list, sheet, letter and export: a name alone ("bleeped, no
    answer") took a critical result off them. A record of the form's version 1, which has no
    such answer, is told when it names the doctor, as it was read then."""
    return bool(answers.get("told")) and answers.get("acknowledged", True) is True


def signs(flag: Flag, told: bool) -> list[Sign]:
    """What a result with this flag asks while no doctor is recorded as told of it."""
    if told or flag is Flag.NORMAL:
        return []
    return [Sign.TELL_NOW if flag is Flag.CRITICAL else Sign.FOR_A_DOCTOR]


def back_by(taken_at: datetime, urgent: bool, tests: Sequence[str] = ()) -> datetime:
    """When the result of a sample taken at `taken_at` is due back, as a watch counts (the night
    the clocks change included): the earliest of its `tests` still awaited (a culture's at
    `CULTURE_BACK_WITHIN`, any other's by the sample's urgency), or by its urgency with none."""
    return elapsed.later(taken_at, min((CULTURE_BACK_WITHIN if test in CULTURES else BACK_WITHIN[urgent]
                                        for test in tests), default=BACK_WITHIN[urgent]))


def awaited(tests: Sequence[str], given: Iterable[Sequence[str] | None]) -> list[str]:
    """Those of a sample's `tests` no result received gives yet, in the sample's order. Each of
    `given` is the tests one result gives; None for one that names none (recorded before results
    named their tests), which gives them all."""
    left = list(tests)
    for gives in given:
        if gives is None:
            return []
        left = [test for test in left if test not in gives]
    return left


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_BELOW = ("<", "≤", "less than", "under", "inférieur")
_ABOVE = (">", "≥", "more than", "over", "supérieur")
_OR_EQUAL = ("≤", "≥", "<=", ">=", "=<", "=>", "or equal", "ou égal", "at most", "at least", "au plus", "au moins")
"""What makes a one-sided bound hold its own number ("≤ 1", "inférieur ou égal à 1"); a bound without
them does not ("< 1": a gentamicin trough of exactly 1.0 is above its target, and held nothing)."""
_PAIR = re.compile(rf"({_NUMBER.pattern})(?:\s*[-–—]\s*|\s+(?:to|à)\s+)({_NUMBER.pattern})")
"""A low–high pair ("3.5–5.3", "15 to 20"), its two numbers caught."""
_THOUSANDS = re.compile(r"\d[,\s]\d{3}(?!\d)")
"""A digit group as thousands are written ("150,000", the French "150 000"), read as two numbers."""
_SEXES = re.compile(r"\b(?:[mfh](?=\s*[:\d])|male|female|men|women|homme|femme|hommes|femmes)\b")
"""A sex named: a word, or a letter before its range ("M 130-170", "F:"); never the "h" of hours
("trough, 18-24 h"), which threw out a drug level's range and its alert."""


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def reference_range(range_text: str | None) -> tuple[float | None, float | None] | None:
    """A reference range's bottom and top when read without doubt, either None for a range with
    none ("< 1 (trough)" and "≤1" have a top of 1, "> 10" a bottom of 10; "3.5–5.3", "15 to 20
    mg/L" both); None when in doubt: words, two ranges ("M 130-170, F 115-165", whose woman's
    haemoglobin of 120 was refused Normal), a number beside the pair ("10^9/L: 4.0-11.0" read as
    10 to 9), thousands ("150,000-400,000" read as 150 to 400), a range for one sex, or one starting
    with a sign ("-2 - +2", a base excess). What is not read is the nurse's to read."""
    text = " ".join((range_text or "").casefold().split())
    numbers = [_number(found) for found in _NUMBER.findall(text)]
    if text.startswith(("-", "−", "+")) or _THOUSANDS.search(text) or _SEXES.search(text):
        return None
    if len(numbers) == 1 and text.startswith(_BELOW):
        return None, numbers[0]
    if len(numbers) == 1 and text.startswith(_ABOVE):
        return numbers[0], None
    if len(numbers) == 2 and _PAIR.search(text) and numbers[0] <= numbers[1]:
        return numbers[0], numbers[1]
    return None


_VALUE = re.compile(rf"({_NUMBER.pattern})\s*[^\d\s<>=≤≥][^\d]*|({_NUMBER.pattern})")
"""A result's one number, perhaps followed by its units or the laboratory's flag, with no other
number ("2.4 mg/L", "6.8 H"; not "4.2, repeat 4.5" nor "150 000")."""


def result_value(result: str) -> float | None:
    """A result's value when it reads as one number, perhaps followed by its units as copied from
    the report: "6.9", "6,9", "2.4 mg/L" (as domain.aki reads "260 µmol/L": a gentamicin trough of
    "2.4 mg/L" for "< 1" held nothing); None for "< 0.3", "> 90", words or two numbers. The one
    reader of a result's number, the potassium's too (domain.potassium.mmol_per_l)."""
    found = _VALUE.fullmatch(result.strip())
    return None if found is None else _number(found.group(1) or found.group(2))


_ONE_BOUND = re.compile(rf"(?:{'|'.join(map(re.escape, _BELOW + _ABOVE))})\D*?{_NUMBER.pattern}")
"""A range that is one bound, up to its number ("> 150", "≥ 60", "less than 5")."""
_BOUND_AFTER_WORDS = re.compile(rf"\D*?(?:{'|'.join(map(re.escape, _BELOW))})\D*?({_NUMBER.pattern})")
"""A range's top as the first number after its first "<" or "≤" (`_BELOW`), with only words before it:
"< 1", "Trough < 1", "Pre-dose: < 1", "Résiduelle < 1"; a gentamicin trough of 2.4 for "Trough < 1"
held nothing (review S_GLN S7). Not a bound after another number ("Peak 5-10, trough < 1"), whose
it is cannot be told."""


def _top(range_text: str | None) -> float | None:
    """A drug level's top, whatever follows it (its timing, "< 1 mg/L (trough, 18-24 h)", "1-2 mg/L
    12 h post dose"): the first number after a "<" or "≤" no number comes before (`_BOUND_AFTER_WORDS`:
    "Trough < 1"), else the high of its
    first low–high pair; None for "> 10", words, or thousands ("1,000-2,000", "1 000 - 2 000": read
    as 1 and 2, a level of 1500 was held as above its range). Here a doubt loses the alert that holds the next
    dose, so the bound is read as it always was; `outside_range` keeps its doubts, where a doubt
    only asks."""
    text = " ".join((range_text or "").casefold().split())
    if _THOUSANDS.search(text):
        return None
    if bound := _BOUND_AFTER_WORDS.match(text):
        return _number(bound.group(1))
    tops = (_number(high) for low, high in _PAIR.findall(text) if _number(low) <= _number(high))
    return next(tops, None)


def _strict(range_text: str | None) -> bool:
    """Whether a range is one bound that holds not its own number (`_OR_EQUAL`): "< 1", "> 10",
    "Trough < 1 (18-24 h)", "less than 1"; a low–high pair holds both of its numbers. Read up to
    the bound's number, as `_top` and `reference_range` read it."""
    text = " ".join((range_text or "").casefold().split())
    bound = _BOUND_AFTER_WORDS.match(text) or _ONE_BOUND.match(text)
    return bound is not None and not any(word in bound.group(0) for word in _OR_EQUAL)


_READS_BELOW = ("<", "≤")
"""What a result below the lowest the assay reads starts with ("< 0.3", "≤ 0.3"): above no range."""
_READS_ABOVE = ">≥"
"""What a result beyond the highest the assay reads starts with ("> 10", "≥ 10"): its number at least."""


def above_range(result: str, range_text: str | None) -> bool:
    """Whether a result's value is above its reference range's top (`_top`): a gentamicin trough
    of 2.4 mg/L, or "> 2" or "≥ 2", for "< 1", and exactly 1.0 for it (`_strict`), not for "≤ 1"
    nor "0.5-1". A result below a number ("< 0.3") or in words is not above."""
    value = result.strip()
    top, found = _top(range_text), None if value.startswith(_READS_BELOW) else result_value(value.lstrip(_READS_ABOVE))
    return top is not None and found is not None and (found >= top if _strict(range_text) else found > top)


def level_above(result: str, range_text: str | None, flag: Flag) -> bool:
    """Whether a drug level holds its drug's next dose as above its range: its value above the
    range's top (`above_range`) or, when the value or the top cannot be read, flagged by the
    laboratory, Critical or Abnormal: "4.2, critical" phoned with no range, as the telephone often
    gives it, and "4.2, repeat 4.5" flagged Abnormal held nothing (services.medication.level_warnings
    says which: hold for the Critical, check it for the Abnormal, against its range when its value
    is read, `level_read`: with no range, an Abnormal one may be a low vancomycin trough as well as
    a high gentamicin one, which alone harms given unasked). A value and top read are judged by
    them alone: a low level flagged Critical is no reason to hold the dose."""
    return above_range(result, range_text) if level_judged(result, range_text) else flag is not Flag.NORMAL


def level_read(result: str) -> bool:
    """Whether a drug level's value reads as one number, perhaps beyond the assay's bounds ("> 2",
    "< 0.5"), whether or not its range does: one read with no range typed was said "not read as a
    number" (services.medication.level_warnings; review S2 S4)."""
    value = result.strip()
    return value.startswith(_READS_BELOW) or result_value(value.lstrip(_READS_ABOVE)) is not None


def level_judged(result: str, range_text: str | None) -> bool:
    """Whether a drug level's value and its range's top are read (`level_read`), so that it is
    judged by them (`above_range`) and not by its flag (`level_above`); a value below the assay's
    floor ("< 0.5") always is, above no range: flagged Critical with no range, it held the
    gentamicin (review S_GLN S6)."""
    return result.strip().startswith(_READS_BELOW) or (_top(range_text) is not None and level_read(result))


def outside_range(result: str, range_text: str | None) -> bool:
    """Whether a result's value is outside its own reference range (`reference_range`): a potassium
    of 6.9 for "3.5–5.3", a haemoglobin of 62 for "130-170". A value or a range not read without
    doubt is not judged: units and the laboratory's words are the nurse's to read. A one-sided
    bound holds its number only when it says so (`_strict`): a CRP of 5 for "< 5" is outside."""
    value, read = result_value(result), reference_range(range_text)
    if value is None or read is None:
        return False
    low, top = read
    if _strict(range_text):
        return (low is not None and value <= low) or (top is not None and value >= top)
    return (low is not None and value < low) or (top is not None and value > top)

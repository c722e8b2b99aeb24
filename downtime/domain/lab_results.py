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
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed

BACK_WITHIN = {True: timedelta(hours=2), False: timedelta(hours=24)}
"""When a sample's result is chased, urgent (True) or routine."""


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


def back_by(taken_at: datetime, urgent: bool) -> datetime:
    """When the result of a sample taken at `taken_at` is due back, as a watch counts (the night
    the clocks change included)."""
    return elapsed.later(taken_at, BACK_WITHIN[urgent])


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


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def upper_bound(range_text: str) -> float | None:
    """The top of a reference range as a laboratory writes it: "< 1 (trough)" and "≤1" are 1,
    "15–20" and "15 - 20 mg/L" are 20; None when it reads as no top ("> 10", words)."""
    text = range_text.strip().casefold()
    numbers = _NUMBER.findall(text)
    if not numbers:
        return None
    if text.startswith(_BELOW):
        return _number(numbers[0])
    if len(numbers) >= 2 and re.search(r"\d\s*[-–—]\s*\d|\d\s+(?:to|à)\s+\d", text):
        return _number(numbers[1])
    return None


def above_range(result: str, range_text: str | None) -> bool:
    """Whether a result's value is above its reference range's top (`upper_bound`): a gentamicin
    trough of 2.4 mg/L for "< 1". A result not read as a number ("< 0.3", words) is not above."""
    value, top = result.strip(), upper_bound(range_text or "")
    found = None if value.startswith("<") else _NUMBER.fullmatch(value.lstrip(">").strip())
    return top is not None and found is not None and _number(found.group()) > top

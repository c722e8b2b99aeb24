"""The side an operation's words name, against the side chosen for it. The theatre list prints
the side in full in a column of its own (no "L"/"R", no ditto marks); a procedure typed as
"Left knee arthroscopy" with RIGHT chosen, or "TKR L" with no side chosen, put on the list a
side in words the column contradicts, or a side only as a letter: a wrong-site operation's
start. Read in English and French whatever the screen's language: the snapshot's bookings and
a colleague's typing come in either."""

from __future__ import annotations

import re

LEFT, RIGHT, BILATERAL, NOT_APPLICABLE = "left", "right", "bilateral", "not_applicable"
SIDES = frozenset({LEFT, RIGHT, BILATERAL, NOT_APPLICABLE})

_WORDS = {
    LEFT: r"left|lt|gauche|gche",
    RIGHT: r"right|rt|droite?|dte|dt",
    BILATERAL: r"bilateral(?:e|es)?|bilatérale?s?|bilat|both\s+sides|des\s+deux\s+côtés|deux\s+côtés",
}
# The wards' abbreviations that carry a side in their first letter, read in capitals only, as
# the letters are: "RIH repair" (right inguinal hernia) booked LEFT went through. Only those
# written so on lists, none an ordinary word: "TKR", "IH" name no side and stay unread.
_ABBREVIATIONS = {LEFT: "LIH|LTKR|LTHR|LTKA|LTHA", RIGHT: "RIH|RTKR|RTHR|RTKA|RTHA", BILATERAL: "BIH|BTKR|BTHR"}
# A letter alone is a side only in capitals and standing alone: "TKR L", "PTH G", "genou D";
# never the "D" of "D&C", the "L" of "L4-L5", an "R" in "R-CHOP".
_LETTERS = {LEFT: "LG", RIGHT: "RD"}
_FOUND = re.compile("|".join(
    [rf"(?P<{side}>(?<![\w&/-])(?:{words})(?![\w&/-]))" for side, words in _WORDS.items()]
    + [rf"(?P<{side}_letter>(?<![\w&/.-])[{letters}](?![\w&/-]))" for side, letters in _LETTERS.items()]
    + [rf"(?P<{side}_abbreviation>(?<![\w&/-])(?:{words})(?![\w&/-]))" for side, words in _ABBREVIATIONS.items()]),
    re.IGNORECASE)


def sides_named(text: str) -> dict[str, str]:
    """Each side the text names, with the first words that name it ("left": "Left")."""
    named: dict[str, str] = {}
    for found in _FOUND.finditer(text):
        side = found.lastgroup
        assert side is not None
        if side.endswith(("_letter", "_abbreviation")):
            if not found.group().isupper():
                continue
            side = side.removesuffix("_letter").removesuffix("_abbreviation")
        named.setdefault(side, found.group())
    return named


def side_of(text: str) -> str:
    """The side the words give, where nothing else does (an EHR's appointment has no side of its
    own): both sides named are bilateral, none named not applicable."""
    named = sides_named(text)
    if BILATERAL in named or {LEFT, RIGHT} <= named.keys():
        return BILATERAL
    return next(iter(named), NOT_APPLICABLE)


def contradiction(text: str, side: str) -> str | None:
    """The words of `text` that name a side other than `side` (a code: left, right, bilateral,
    not_applicable), or None where they agree: a bilateral operation may name both sides, and
    a sided one its own side alone. Any side named where none is chosen is one to choose."""
    named = sides_named(text)
    if side == BILATERAL:
        if BILATERAL in named or {LEFT, RIGHT} <= named.keys():
            return None
        return next(iter(named.values()), None)
    if side in (LEFT, RIGHT):
        return next((words for named_side, words in named.items() if named_side != side), None)
    return next(iter(named.values()), None)

"""The side an operation's words name, against the side chosen for it. The theatre list prints
the side in full in a column of its own (no "L"/"R", no ditto marks); a procedure typed as
"Left knee arthroscopy" with RIGHT chosen, or "TKR L" with no side chosen, put on the list a
side in words the column contradicts, or a side only as a letter: a wrong-site operation's
start. Read in English and French whatever the screen's language: the snapshot's bookings and
a colleague's typing come in either."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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


# The words a side is said of in free text (a note, a time-out's words): a body part, or the
# side or site itself, in English and French.
_PARTS = (r"side|site|c[oô]t[ée]|knee|hip|leg|thigh|calf|foot|feet|toe|hallux|ankle|heel|arm|hand|finger|thumb|"
          r"wrist|elbow|shoulder|eye|ear|kidney|ureter|breast|lung|chest|ovary|testis|testicle|inguinal|groin|"
          r"hernia|femur|femoral|tibia|tibial|humerus|radius|ulna|carpal|limb|lobe|nephrectomy|mastectomy|"
          r"tkr|thr|tka|tha|acl|genou|hanche|jambe|cuisse|mollet|pied|orteil|cheville|talon|bras|main|doigt|pouce|"
          r"poignet|coude|[ée]paule|œil|oeil|yeux|oreille|rein|uret[èe]re|sein|poumon|ovaire|testicule|"
          r"aine|f[ée]mur|f[ée]moral|hum[ée]rus|membre|inguinale?")
_PART = re.compile(rf"^(?:{_PARTS})s?$", re.IGNORECASE)
# How many words may stand between a side and what it is said of: "right total knee", "genou
# côté droit".
_NEAR = 2


def _side_words(text: str) -> Iterator[tuple[str, str, list[str] | None]]:
    """Each side free text names in words (a letter alone never), with the words within `_NEAR`
    of it, which say what it is the side of; a ward abbreviation ("RIH") in capitals only, with
    None for them: it carries what it is said of in itself."""
    words = [(found.start(), found.group()) for found in re.finditer(r"[\w&/-]+", text)]
    for found in _FOUND.finditer(text):
        side = found.lastgroup
        assert side is not None
        if side.endswith("_letter"):
            continue
        if side.endswith("_abbreviation"):
            if found.group().isupper():
                yield side.removesuffix("_abbreviation"), found.group(), None
            continue
        at = next(index for index, (start, _) in enumerate(words) if start >= found.start())
        last = at + len(found.group().split()) - 1
        yield side, found.group(), [word for _, word in words[max(0, at - _NEAR):at] + words[last + 1:last + 1 + _NEAR]]


def sides_in_prose(text: str) -> dict[str, str]:
    """Each side free text names, as `sides_named`, but only a side word next to what it is said
    of (`_PARTS`, within `_NEAR` words): "right knee", "genou gauche", "RIH". A note is prose, and
    prose says "right away", "all right", "right after lunch", "drain left in situ", "à droite de
    la cicatrice" and "Dr R. Martin", none of them a side: read as one, they refused the record of
    what was done. A letter alone is never a side here."""
    named: dict[str, str] = {}
    for side, words, around in _side_words(text):
        if around is None or any(_PART.match(word) for word in around):
            named.setdefault(side, words)
    return named


# What a time-out's words say with a side word in them of something else: "right away", "all
# right", "right after closure", "drain left in situ", a quantity of fluid or blood in litres or
# grams ("blood loss 1 L", "2 L crystalloid", "1,5 L"), a blood group's "Rh D", and an initial after
# a title, its dot said or not ("Dr R. Martin", "Dr G Martin"). Only these: the rest of what is
# said aloud before the knife is read as `sides_named` reads it; a side after any number was taken
# for litres, and "digit 3 L" on a RIGHT finger's checklist passed unasked.
_IDIOMS = re.compile(r"(?<![\w&/-])(?:right\s+(?:away|after|before|now)|all\s+right|left\s+in\s+(?:situ|place)|"
                     r"\d+[.,]\d+\s*[LG]|"
                     r"(?:loss|perte|saignement|bleeding|attendue?|expected)\W+(?:\w+\W+){0,2}?\d+\s*[LG]|"
                     r"\d+\s*[LG]\s+(?:of\s+|de\s+)?(?:crystalloids?|cristallo[iï]des?|fluids?|blood|sang|saline|s[ée]rum)|"
                     r"Rh\s*D|"
                     r"(?:dr|pr|prof|mr|mrs|ms|mme|mlle)\.?\s+[A-Z]\.?)(?![\w&/-])", re.IGNORECASE)


def sides_spoken(text: str) -> dict[str, str]:
    """Each side words said aloud name, as `sides_named` ("TKR L", "knee on the left", "Left."),
    but for `_IDIOMS`. The time-out is the wrong-site question's last chance, and a question the
    notes answer: read as `sides_in_prose`, "TKR L" or "mark on the left" on a RIGHT knee's
    checklist went through unasked; read as `sides_named`, "all right" stopped it."""
    return sides_named(_IDIOMS.sub(" ", text))


# A site check said in so many words, English and French: "checked", "confirmed", "marked",
# "consented", "vérifié", "confirmé", "marqué", "consentement", "vu avec", "wrong site", "bon
# côté". Alone it answers nothing ("Cannula site checked, no redness"): a side must be named too.
_CHECKED = re.compile(r"(?<!\w)(?:check(?:ed|s)?|confirm(?:ed|s)?|verif(?:y|ied)|v[ée]rifi[ée]e?s?|confirm[ée]e?s?|"
                      r"mark(?:ed|ing)?|marqu[ée]e?s?|marquage|consent(?:ed|s)?|consentie?s?|consentement|"
                      r"contr[oô]l[ée]e?s?|vue?s?\s+avec|seen\s+with|(?:wrong|correct|mauvais|bon)\s+(?:side|site|c[oô]t[ée])|"
                      r"erreur\s+de\s+(?:site|c[oô]t[ée]))(?!\w)", re.IGNORECASE)
# A bilateral operation done on one side today says so: "left only", "seulement le côté gauche,
# droit reporté".
_ONE_SIDE_ONLY = re.compile(r"(?<!\w)(?:only|seul(?:e|ement)?|postponed|deferred|report[ée]e?)(?!\w)", re.IGNORECASE)
# The body parts an operation's words may name, each in English and French with the operations
# that name one without it (a cataract is an eye's): notes say "genou gauche" of a "Knee
# arthroscopy", and "left eye" of a "Phacoémulsification".
_BODY_PARTS = (r"knee|genou|tkr|tka|arthroscop\w*|menisc\w*|m[ée]nisqu\w*",
               r"hip|hanche|thr|tha|pth",
               r"eye|œil|oeil|yeux|cataracts?|cataractes?|phaco\w*|vitrectom\w*|trab[ée]cul[ée]ctom\w*|strabism\w*",
               r"ear|oreille|tympan\w*", r"shoulder|[ée]paule", r"elbow|coude", r"wrist|poignet|carpal|carpien",
               r"hand|main|finger|doigt|thumb|pouce", r"foot|feet|pied|toe|orteil|hallux|bunion",
               r"ankle|cheville", r"heel|talon", r"leg|jambe|limb|membre", r"thigh|cuisse|femur|femoral|f[ée]mur\w*",
               r"arm|bras|humerus|hum[ée]rus", r"kidney|rein|n[ée]phrectom\w*|renal|r[ée]nal", r"ureter|uret[èe]re",
               r"breast|sein|mastectom\w*", r"lung|poumon|lobe|lobectom\w*", r"ovary|ovaire|ovari\w*",
               r"testis|testicle|testicule|orchid\w*", r"inguinal|inguinale|groin|aine|hernia|hernie",
               r"varicose|varices|saph[èe]ne|saphenous")
_BODY_PART = [re.compile(rf"^(?:{words})s?$", re.IGNORECASE) for words in _BODY_PARTS]


def speaks_of_side(text: str, sides: Iterable[str], procedure: str) -> bool:
    """Whether free text (a checklist's notes) answers a wrong-site question between `sides` (the
    booked side and, as the checklist is saved, the one the words name, as codes; a bilateral
    booking's either side, as one done on one side only says) of the operation `procedure`: it
    names one of those sides
    (`sides_spoken`, a side word is needed), and says a site check (`_CHECKED`: "left side marked
    and consented", "site marqué à gauche, vu avec le patient"), one side only of a bilateral
    booking (`_ONE_SIDE_ONLY`), or names the side next to the procedure's own body part in either
    language ("genou gauche" of a "Knee arthroscopy", "left eye" of a cataract). "Cannula site checked", "turned on her side" and "diathermy plate site:
    right thigh" name no side, or another part's, and let a wrong-site time-out through."""
    asked = set(sides) | ({LEFT, RIGHT} if BILATERAL in sides else set())
    if not sides_spoken(text).keys() & asked:
        return False
    if _CHECKED.search(text) or (BILATERAL in asked and _ONE_SIDE_ONLY.search(text)):
        return True
    words = re.findall(r"\w+", procedure)
    parts = [part for part in _BODY_PART if any(part.match(word) for word in words)]
    return any(side in asked and (around is None or any(part.match(word) for part in parts for word in around))
               for side, _, around in _side_words(_IDIOMS.sub(" ", text)))


def contradiction(text: str, side: str, prose: bool = False) -> str | None:
    """The words of `text` that name a side other than `side` (a code: left, right, bilateral,
    not_applicable), or None where they agree: a bilateral operation may name both sides, and
    a sided one its own side alone. Any side named where none is chosen is one to choose. Words
    said aloud (`prose`) are read by `sides_spoken`, a procedure's title by `sides_named`."""
    named = sides_spoken(text) if prose else sides_named(text)
    if side == BILATERAL:
        if BILATERAL in named or {LEFT, RIGHT} <= named.keys():
            return None
        return next(iter(named.values()), None)
    if side in (LEFT, RIGHT):
        return next((words for named_side, words in named.items() if named_side != side), None)
    return next(iter(named.values()), None)

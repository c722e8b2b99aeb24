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

_PAIRS = {"knees": "knee", "hips": "hip", "eyes": "eye", "ears": "ear"}
_PAIRS_FR = {"genoux": "genou", "hanches": "hanche", "yeux": "œil", "oreilles": "oreille"}
"""The pairs "both" (or "deux") names as both sides, each with the one it names on one side: "both
knees" is the knee, on both sides (`part_named`)."""
_WORDS = {
    LEFT: r"left(?:-sided)?|lt|gauche|gche",
    RIGHT: r"right(?:-sided)?|rt|droite?|dte|dt",
    BILATERAL: rf"bilateral(?:e|es)?|bilatérale?s?|bilat[ée]raux|bilat|both\s+(?:sides|{'|'.join(_PAIRS)})|"
               rf"(?:des\s+)?deux\s+(?:côtés|{'|'.join(_PAIRS_FR)})",
}
# The wards' abbreviations that carry a side in their first letter, read in capitals only, as
# the letters are: "RIH repair" (right inguinal hernia) booked LEFT went through. Only those
# written so on lists, none an ordinary word: "TKR", "IH" name no side and stay unread.
_ABBREVIATIONS = {LEFT: "LIH|LTKR|LTHR|LTKA|LTHA", RIGHT: "RIH|RTKR|RTHR|RTKA|RTHA", BILATERAL: "BIH|BTKR|BTHR"}
# A letter alone is a side only in capitals and standing alone: "TKR L", "PTH G", "genou D";
# never the "D" of "D&C", the "L" of "L4-L5", an "R" in "R-CHOP", nor the French article elided
# before a vowel, "D'" or "L'" ("PTH GAUCHE, ABORD D'HARDINGE" was a bilateral hip, and "CURE
# D'HERNIE OMBILICALE" a right one).
_LETTERS = {LEFT: "LG", RIGHT: "RD"}
# Both of a pair a note may say a bilateral operation was marked on ("Both hands marked", "deux
# pieds marqués"), read in notes only: said aloud, "IV access difficult in both hands" or "pulses
# in both feet" is the anaesthetic's, and read as a side it refused a LEFT knee's checklist.
_NOTES_BILATERAL = r"both\s+(?:hands|feet)|(?:les\s+|des\s+)?deux\s+(?:mains|pieds)"


def _found(words: dict[str, str]) -> re.Pattern[str]:
    """The side words of `words` (as `_WORDS`), letters and abbreviations, as one pattern whose
    group names the side: one for titles and words said aloud (`_FOUND`), one for notes, which
    read more pairs as both sides (`_FOUND_IN_NOTES`)."""
    return re.compile("|".join(
        [rf"(?P<{side}>(?<![\w&/-])(?:{said})(?![\w&/-]))" for side, said in words.items()]
        + [rf"(?P<{side}_letter>(?<![\w&/.-])[{letters}](?![\w&/'’-]))" for side, letters in _LETTERS.items()]
        + [rf"(?P<{side}_abbreviation>(?<![\w&/-])(?:{said})(?![\w&/-]))" for side, said in _ABBREVIATIONS.items()]),
        re.IGNORECASE)


_FOUND = _found(_WORDS)
_FOUND_IN_NOTES = _found({**_WORDS, BILATERAL: f"{_NOTES_BILATERAL}|{_WORDS[BILATERAL]}"})


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


def part_named(words: str) -> str:
    """What a side's words (`sides_named`'s) name besides the side, one of it: "knee" of "both
    knees", "" of "left" or "both sides". Taken out whole, "Both knees arthroscopy" read
    "arthroscopy", another operation than "Knee arthroscopy" booked on both sides."""
    last = words.split()[-1].lower() if words.strip() else ""
    return {**_PAIRS, **_PAIRS_FR}.get(last, "")


def side_of(text: str) -> str:
    """The side the words give, where nothing else does (an EHR's appointment has no side of its
    own): both sides named are bilateral, none named not applicable."""
    named = sides_named(text)
    if BILATERAL in named or {LEFT, RIGHT} <= named.keys():
        return BILATERAL
    return next(iter(named), NOT_APPLICABLE)


# How many words may stand between a side and what it is said of: "right total knee", "genou
# côté droit".
_NEAR = 2


# What ends the clause a side is said in: a side's words are only those said in the same breath
# ("Checked: LEFT. Hand washed" says nothing of a left hand). A dot followed by a small letter or a
# figure is an abbreviation's or a number's ("Lt. knee", "1.5"), not a sentence's end.
_CLAUSE_END = re.compile(r"[;,:/\n]|\.(?!\s*[a-zà-ÿ\d])")


# What joins a lone part to a lone side, clauses apart: "Knee: left", "Genou : gauche", "Left: knee",
# "Genou, gauche".
_JOINS = ":,"


def _side_words(text: str) -> Iterator[tuple[str, str, list[str]]]:
    """Each side a note names (`_FOUND_IN_NOTES`), with the words it is said of: those of its own
    words after the first ("both hands"), and those within `_NEAR` of it in its own clause
    (`_CLAUSE_END`), or for a clause of the side alone, a lone body part in the clause next to it
    joined by `_JOINS`; a ward abbreviation ("RIH") with the part it names, its side letter off
    ("IH", "TKR"); an abbreviation or a letter alone ("L knee") in capitals only. The clause keeps a
    side away from another part ("Checked: LEFT. Hand washed"); cut there too, "Genou : gauche"
    named the side of nothing and a correct knee's checklist was refused."""
    ends = list(_CLAUSE_END.finditer(text))
    for found in _FOUND_IN_NOTES.finditer(text):
        side = found.lastgroup
        assert side is not None
        if side.endswith(("_letter", "_abbreviation")) and not found.group().isupper():
            continue
        if side.endswith("_abbreviation"):
            yield side.removesuffix("_abbreviation"), found.group(), [found.group()[1:]]
            continue
        earlier = [end for end in ends if end.end() <= found.start()]
        later = [end for end in ends if end.start() >= found.end()]
        before = re.findall(r"[\w&-]+", text[earlier[-1].end() if earlier else 0:found.start()])
        after = re.findall(r"[\w&-]+", text[found.end():later[0].start() if later else len(text)])
        around = re.findall(r"[\w&-]+", found.group())[1:] + before[-_NEAR:] + after[:_NEAR]
        if not before and not after:
            next_to = ([text[earlier[-2].end() if len(earlier) > 1 else 0:earlier[-1].start()]]
                       if earlier and earlier[-1].group() in _JOINS else [])
            next_to += ([text[later[0].end():later[1].start() if len(later) > 1 else len(text)]]
                        if later and later[0].group() in _JOINS else [])
            around += [word for clause in next_to if len(words := re.findall(r"[\w&-]+", clause)) == 1
                       for word in words if any(part.match(word) for part in _BODY_PART.values())]
        yield side.removesuffix("_letter"), found.group(), around


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
    notes answer: read only next to a body part, "TKR L" or "mark on the left" on a RIGHT knee's
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
# that name one without it (a cataract is an eye's, an ACL's or a PTG's a knee's, a hemiarthroplasty's,
# a NOF's or a DHS's a hip's): notes say "genou gauche" of a "Knee arthroscopy", and "left eye" of a
# "Phacoémulsification".
_BODY_PARTS = {"knee": r"knee|genou|tkr|tka|ptg|acl|arthroscop\w*|menisc\w*|m[ée]nisqu\w*",
               "hip": r"hip|hanche|thr|tha|pth|nof|dhs|hemiarthroplast\w*|h[ée]miarthroplast\w*",
               "eye": r"eye|œil|oeil|yeux|cataracts?|cataractes?|phaco\w*|vitrectom\w*|trab[ée]cul[ée]ctom\w*|"
                      r"strabism\w*",
               "ear": r"ear|oreille|tympan\w*", "shoulder": r"shoulder|[ée]paule|pte", "elbow": r"elbow|coude",
               "wrist": r"wrist|poignet|carpal|carpien", "hand": r"hand|main|finger|doigt|thumb|pouce",
               "foot": r"foot|feet|pied|toe|orteil|hallux|bunion", "ankle": r"ankle|cheville", "heel": r"heel|talon",
               "leg": r"leg|jambe|limb|membre", "thigh": r"thigh|cuisse|femur|femoral|f[ée]mur\w*",
               "arm": r"arm|bras|humerus|hum[ée]rus", "kidney": r"kidney|rein|n[ée]phrectom\w*|renal|r[ée]nal",
               "ureter": r"ureter|uret[èe]re", "breast": r"breast|sein|mastectom\w*",
               "lung": r"lung|poumon|lobe|lobectom\w*", "ovary": r"ovary|ovaire|ovari\w*",
               "testis": r"testis|testicle|testicule|orchid\w*",
               "groin": r"inguinal|inguinale|ih|groin|aine|hernia|hernie",
               "vein": r"varicose|varices|saph[èe]ne|saphenous"}
_BODY_PART = {name: re.compile(rf"^(?:{words})s?$", re.IGNORECASE) for name, words in _BODY_PARTS.items()}
# The limb or region around each part, said of the operation as much as the part itself: "left leg
# marked" of a knee, "left hip" of a femoral neck, "left hand" of a carpal tunnel, "left groin" of
# a femoral bypass, a thigh's tourniquet of a knee.
_AROUND = {"knee": ("leg", "thigh"), "hip": ("leg", "thigh"), "ankle": ("leg", "foot"), "foot": ("leg",),
           "heel": ("leg", "foot"), "thigh": ("leg", "hip", "groin"), "vein": ("leg", "thigh", "groin"),
           "wrist": ("hand", "arm"), "hand": ("arm",), "elbow": ("arm",), "shoulder": ("arm",)}


def speaks_of_side(text: str, sides: Iterable[str], procedure: str) -> bool:
    """Whether free text (a checklist's notes) answers a wrong-site question between `sides` (the
    booked side, as a code; a bilateral booking's either side, as one done on one side only says)
    of the operation `procedure`: it names one of those sides of the operation (`_of_operation`:
    not next to another body part than the procedure's), and says a site check (`_CHECKED`: "left
    side marked and consented", "site marqué à gauche, vu avec le patient"), one side only of a
    bilateral booking (`_ONE_SIDE_ONLY`), or names the side next to the procedure's own body part
    in either language ("genou gauche" of a "Knee arthroscopy", "left eye" of a cataract, "LIH"
    of a hernia repair). "Cannula site checked", "turned on her side", "diathermy plate site:
    right thigh", "IV in left hand, site checked", "left hip confirmed" and "LIH" of a knee name
    no side, or another part's, and let a wrong-site time-out through."""
    asked = set(sides) | ({LEFT, RIGHT} if BILATERAL in sides else set())
    own = {name for name, part in _BODY_PART.items() if any(part.match(word) for word in re.findall(r"\w+", procedure))}
    said = [around for side, _, around in _side_words(_IDIOMS.sub(" ", text))
            if side in asked and _of_operation(around, own)]
    return bool(said) and bool(_CHECKED.search(text) or (BILATERAL in asked and _ONE_SIDE_ONLY.search(text))
                               or any(_BODY_PART[name].match(word)
                                      for around in said for name in own for word in around))


def _of_operation(around: list[str], own: set[str]) -> bool:
    """Whether a side said next to `around` may be the operation's, whose body parts are `own`
    (`_BODY_PART`'s names): it names one of them or the region around one (`_AROUND`), or no body
    part at all ("left side", "Checked: LEFT"). A procedure whose part is not known here
    ("Excision of lipoma") leaves any part its own."""
    named = {name for name, part in _BODY_PART.items() if any(part.match(word) for word in around)}
    return not own or not named or bool(named & own.union(*(_AROUND.get(name, ()) for name in own)))


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

"""Whether a medicine's name states a modified-release (slow) or an immediate-release form.

A breakthrough dose of OxyNorm is not a second dose of the OxyContin given an hour before, and a
Zomorph dose does not come off the Oramorph page of the controlled-drugs register: the as-required
spacing and the register read the same words of a name, so they are read in one place. A name
stating neither, or both, says nothing of its release.
"""
from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache


class Release(StrEnum):
    IMMEDIATE = "immediate"
    MODIFIED = "modified"


# Folded words (no accents, no capitals) that state a release: the abbreviations written after a
# name in English and French ("MR", "SR", "LP" for libération prolongée), the words written out,
# and the brands sold in one release only ("Skenan LP" is modified, "Actiskenan" immediate).
# "la" is left out: it is also the French article.
WORDS: dict[Release, frozenset[str]] = {
    Release.MODIFIED: frozenset({
        "mr", "sr", "lp", "xl", "cr", "er", "retard", "modified", "prolonged", "prolongee", "sustained",
        "extended", "continus", "oxycontin", "longtec", "mst", "zomorph", "mxl", "moscontin", "skenan",
        "targinact", "zamudol", "monoalgic", "monocrixo"}),
    Release.IMMEDIATE: frozenset({
        "ir", "immediate", "oramorph", "sevredol", "actiskenan", "oxynorm", "oxynormoro", "shortec"}),
}


@lru_cache(maxsize=8192)
def number_apart(text: str, shortest: int) -> str:
    """`text` with a space between a word of `shortest` letters or more and the number written
    against it: "NovoMix30", "Zomorph30", "MR10" are a name and a number (read whole, Zomorph30
    was no modified release and came off the Oramorph page of the register unasked). Shorter
    words stay whole: "B12", "M3" are names."""
    return re.sub(rf"([^\W\d_]{{{shortest},}})(?=\d)", r"\1 ", text)


def _words(name: str) -> set[str]:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = number_apart("".join(c for c in decomposed if not unicodedata.combining(c)), 2)
    return set("".join(c if c.isalnum() else " " for c in plain).split())


@lru_cache(maxsize=8192)
def release_of(name: str) -> Release | None:
    """The release `name` states, or None when it states none or both ("Zomorph IR" is a slip
    to ask about, not a form to guess)."""
    words = _words(name)
    stated = [release for release, said in WORDS.items() if words & said]
    return stated[0] if len(stated) == 1 else None

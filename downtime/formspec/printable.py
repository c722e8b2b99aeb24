"""The characters the paper forms can show.

In an outage paper is the fallback for everything typed: the wristband, the labels, the MAR
and the census are how a patient is identified when the laptop is not at hand. A name in a
script the forms' fonts lack (Chinese, Japanese, Korean) printed blank there; one written
right to left (Arabic, Hebrew) printed with its letters in reverse order and unjoined, as
reportlab does not shape text; and a bidirectional control made the screen show a name the
paper did not. Text that cannot be printed as typed is refused where it is typed."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reportlab.pdfbase.ttfonts import TTFontFile

from downtime.paths import resources_dir

# Letters written right to left, and the invisible controls that reorder a line on screen.
_REORDERING = frozenset({"R", "AL", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})
# Beyond Latin, its accents and the usual punctuation (below U+0250), which every print font
# has: found by one pattern, as a character-by-character look-up took most of a save's
# validation for a long note.
_UNSURE = re.compile(r"[^\x00-\u024f]")


def unprintable(text: str) -> str:
    """The characters of `text` the forms cannot print as typed, each once, in order, spaced,
    an invisible one by its code point (shown as itself it would reorder the message)."""
    found = [ch for ch in dict.fromkeys(_UNSURE.findall(text)) if (
        ord(ch) not in _glyphs() or unicodedata.bidirectional(ch) in _REORDERING)]
    return " ".join(f"U+{ord(ch):04X}" if unicodedata.category(ch) == "Cf" else ch for ch in found)


@cache
def _glyphs() -> frozenset[int]:
    """The characters every font the prints use has a glyph for (all of them ship in resources/fonts)."""
    fonts = sorted((resources_dir() / "fonts").glob("*.ttf"))
    return frozenset.intersection(*(frozenset(TTFontFile(str(font)).charToGlyph) for font in fonts))

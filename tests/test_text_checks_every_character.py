"""The two checks every typed text meets (no control character; nothing the prints cannot draw)
find characters by pattern, not one look-up a character: here they are held, over every
character Unicode has, to the definitions they replaced."""

from __future__ import annotations

import sys
import unicodedata

from downtime.formspec.printable import _REORDERING, _glyphs, unprintable
from downtime.formspec.values import _control_chars

EVERY = [chr(point) for point in range(sys.maxunicode + 1)]


def test_a_control_character_is_one_of_unicodes_controls_or_a_lone_surrogate_newline_and_tab_in_long_text_alone():
    for allow_newlines in (False, True):
        allowed = "\n\t" if allow_newlines else ""
        found = [ch for ch in EVERY if _control_chars(f"a{ch}b", allow_newlines)]
        expected = [ch for ch in EVERY if unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed]
        assert found == expected


def test_what_cannot_be_printed_is_each_character_beyond_latin_no_font_draws_or_written_right_to_left():
    text = "".join(ch for ch in EVERY if unicodedata.category(ch) != "Cs") * 2
    expected = [ch for ch in EVERY if ord(ch) >= 0x250 and unicodedata.category(ch) != "Cs" and (
        ord(ch) not in _glyphs() or unicodedata.bidirectional(ch) in _REORDERING)]
    assert unprintable(text) == " ".join(
        f"U+{ord(ch):04X}" if unicodedata.category(ch) == "Cf" else ch for ch in expected)
    assert unprintable("Zoë Ñúñez-Łukasiewicz, œuvre ß") == ""
    assert unprintable("Dupont \u202eeitsirk") == "U+202E"

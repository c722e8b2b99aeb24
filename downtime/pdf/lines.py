"""Plain text in a cell, broken into lines as a typesetter would break it and drawn straight onto
the canvas.

reportlab's Paragraph breaks a word wider than its cell wherever the cell ends, with no mark:
"Piperaci" over "llin", "PAPADOPOULOPOUL" over "OS", which a nurse reads as two words or a
misspelt name. Here a line breaks at its spaces, and a word wider than the cell after the
hyphens inside it (MONTMORENCY-LAVAL, sulfamethoxazole-trimethoprim); a word still wider sets
the cell's text a little smaller, down to `FLOOR`, and only a word too wide even then is split,
with a hyphen at each break. Drawing the lines costs less than a Paragraph, which parses its text as
markup and wraps it again each time a table measures it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

FLOOR = 6.0
"""The smallest size a cell's text is set at to keep its words whole: the 6 pt the page headers
and labels already go down to for a long name."""
FUZZ = 1e-6

# Where a word too wide for its line may break: after each hyphen inside it.
_AFTER_HYPHENS = re.compile(r".+?-(?=.)|.+")

_CLOSING = frozenset(":;?!»")
"""What French typography spaces from the word before it, never to begin a line."""
NO_BREAK = "\u00a0"

Setting = tuple[object, str, float, float]
"""A text object's colour, font, size and leading."""


def words(line: str) -> list[str]:
    """The line's words: only ASCII spaces part them, so a no-break space keeps "(written
    28/11 10:00)" one word; and French typography's spaced punctuation (" : ", " ; ", " ? ",
    "« … »") stays with the word before it, as a French typesetter keeps it: a French handover
    line began "; Latex" and ": risque d'escarre"."""
    found: list[str] = []
    for word in line.replace("\t", " ").split(" "):
        if not word:
            continue
        if found and (word[0] in _CLOSING or found[-1] == "«"):
            found[-1] += NO_BREAK + word
        else:
            found.append(word)
    return found


def pieces(word: str) -> list[str]:
    """A word's pieces after its hyphens ("MONTMORENCY-", "LAVAL")."""
    return _AFTER_HYPHENS.findall(word)


def wrap(line: str, font: str, size: float, width: float) -> list[str]:
    """The line in lines no wider than `width` where its words allow: broken at spaces, and a
    word too wide for a line after its hyphens (a piece wider even then is a line of its own)."""
    return _wrap(_units(line, font, size, width, cut=False), font, size, width)


def _units(line: str, font: str, size: float, width: float, cut: bool) -> list[tuple[str, bool]]:
    """What a line is laid out in, each with whether a space follows it: its words, each whole
    where it fits a line (a typesetter keeps "Low-medium" and "Stevens-Johnson" whole), else in
    its pieces after its hyphens, and with `cut`, a piece too wide even then cut with hyphens."""
    units: list[tuple[str, bool]] = []
    said = words(line)
    for index, word in enumerate(said):
        spaced = index < len(said) - 1
        if stringWidth(word, font, size) <= width + FUZZ:
            units.append((word, spaced))
            continue
        parts = pieces(word)
        for number, part in enumerate(parts):
            last = spaced and number == len(parts) - 1
            units += _hyphenated(part, last, font, size, width) if cut else [(part, last)]
    return units


def _wrap(units: list[tuple[str, bool]], font: str, size: float, width: float) -> list[str]:
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for unit, spaced in units:
        wide = stringWidth(unit, font, size)
        if line and used + wide > width + FUZZ:
            lines.append("".join(line).rstrip(" "))
            line, used = [], 0.0
        line.append(unit + (" " if spaced else ""))
        used += wide + (space if spaced else 0.0)
    return [*lines, "".join(line).rstrip(" ")]


def _hyphenated(piece: str, spaced: bool, font: str, size: float, width: float) -> list[tuple[str, bool]]:
    """A piece too wide for `width`, cut into parts that fit, each but the last ending with a
    hyphen (at least a letter a part, however narrow the cell); the last keeps the space after
    the piece."""
    parts = []
    while stringWidth(piece, font, size) > width + FUZZ and len(piece) > 1:
        cut = 1
        while cut < len(piece) - 1 and stringWidth(piece[:cut + 1] + "-", font, size) <= width + FUZZ:
            cut += 1
        parts.append((piece[:cut] + "-", False))
        piece = piece[cut:]
    return [*parts, (piece, spaced)]


def shrunk(size: float, widest: float, width: float) -> float:
    """The size text set at `size` is set at for its widest piece (`widest` wide at `size`) to
    fit `width`: as it is when it fits, else as much smaller as it needs, in half points, down
    to `FLOOR`."""
    if widest <= width + FUZZ:
        return size
    return max(min(size, FLOOR), math.floor(2 * size * width / widest) / 2)


@dataclass(frozen=True)
class Fitted:
    """Text as a cell prints it: its lines, and the size and leading they are set at."""

    lines: tuple[str, ...]
    size: float
    leading: float


def fit(value: str, font: str, size: float, leading: float, width: float) -> Fitted:
    """`value` (lines split on newlines) in lines no wider than `width` (see `_units`): at
    `size` when every word, or every piece of a word after its hyphens, fits; else as much
    smaller as the widest piece needs, in half points, down to `FLOOR` (the leading kept in
    proportion); at the floor a piece still too wide is split with hyphens. Trailing blank lines
    are dropped, as a Paragraph drops them."""
    given = [" ".join(words(line)) for line in value.split("\n")]
    while given and not given[-1]:
        given.pop()
    if all(stringWidth(line, font, size) <= width + FUZZ for line in given):
        return Fitted(tuple(given), size, leading)
    widest = max(stringWidth(piece, font, size) for line in given for word in words(line) for piece in pieces(word))
    smaller = shrunk(size, widest, width)
    size, leading = smaller, leading * smaller / size
    lines = [wrapped for line in given for wrapped in _wrap(_units(line, font, size, width, cut=True), font, size, width)]
    return Fitted(tuple(lines), size, leading)


class Lines(Flowable):
    """Plain text in one style, fitted (see `fit`) to the width each `wrap` gives it, drawn as
    a Paragraph draws its lines (first baseline one font size below the top, then a leading
    apart)."""

    def __init__(self, value: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.value, self.style = value, style
        self.width = self.height = 0.0
        self.fitted: Fitted | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.fitted is None or available_width != self.width:
            style = self.style
            self.fitted = fit(self.value, style.fontName, style.fontSize, style.leading, available_width)
            self.width, self.height = available_width, len(self.fitted.lines) * self.fitted.leading
        return self.width, self.height

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines as last wrapped."""
        assert self.fitted is not None, "wrap a Lines before reading its lines"
        return self.fitted.lines

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Between lines, for a table line taller than a page (the longest allergy list). The
        lines are split as last wrapped: a Table wraps a cell's content at the width inside
        the cell's padding, then asks it to split at the column's whole width."""
        if self.fitted is None:
            self.wrap(available_width, available_height)
        assert self.fitted is not None
        count = int((available_height + FUZZ) // self.fitted.leading)
        if count <= 0 or count >= len(self.fitted.lines):
            return [] if count <= 0 else [self]
        style = ParagraphStyle(f"{self.style.name}@{self.fitted.size}", parent=self.style,
                               fontSize=self.fitted.size, leading=self.fitted.leading)
        return [type(self)("\n".join(self.fitted.lines[:count]), style),
                type(self)("\n".join(self.fitted.lines[count:]), style)]

    def draw(self) -> None:
        words = self.canv.beginText()
        self.write(words, 0, self.height, None)
        self.canv.drawText(words)

    def write(self, into: PDFTextObject, x: float, top: float, current: Setting | None) -> Setting:
        """Add the lines, as last wrapped, to a text object, the first line's top at `top`. Many
        cells share one text object (a drawString makes one of its own, which costs more than
        the text), so the font and colour are set only when they differ from `current`, what the
        text object already has; returns what it has now."""
        fitted = self.fitted
        assert fitted is not None, "wrap a Lines before drawing it"
        setting = (self.style.textColor, self.style.fontName, fitted.size, fitted.leading)
        if setting != current:
            into.setFillColor(self.style.textColor)
            into.setFont(self.style.fontName, fitted.size, fitted.leading)
        y = top - fitted.size
        for line in fitted.lines:
            into.setTextOrigin(x, y)
            into.textOut(line)
            y -= fitted.leading
        return setting


def text(value: str, style: ParagraphStyle, width: float) -> Lines:
    """Plain text set in `style`, fitted to `width` (a flowable fits itself again to any other
    width it is wrapped at)."""
    lines = Lines(value, style)
    lines.wrap(width, 0)
    return lines

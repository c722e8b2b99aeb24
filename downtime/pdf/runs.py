"""Text in runs of their own font, size or colour (a heading's bold name, a red note under it, a
tick box larger than its answer), broken into lines by lines.py's rule and drawn straight onto
the canvas.

Set as reportlab Paragraphs, such text had its words cut wherever the line ended: a long name,
drug or answer printed as two words, or ran out of its box. No Paragraph option keeps them
whole: `splitLongWords` cuts a word wider than the line with no mark (off, the word runs past
the box's edge); `embeddedHyphenation` breaks a word after its hyphen even where the whole word
fits the next line ("Low-" over "medium"); nothing sets the text smaller. Here, as `lines.fit`
does for text in one style, a line breaks at its spaces (a no-break space joins), a word too
wide for a line after its own hyphens; a piece still too wide sets every run smaller, each in
proportion, down to `FLOOR`, and only a piece too wide even then is split, with a hyphen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from downtime.pdf.lines import FUZZ, pieces, shrunk


@dataclass(frozen=True)
class Run:
    """Part of a text in its own font, size or colour (None: its style's); a newline in it
    starts a new line."""

    text: str
    font: str | None = None
    size: float | None = None
    color: Color | None = None


@dataclass(frozen=True)
class Ink:
    """How a run is printed at the size its text was given (before any fitting)."""

    font: str
    size: float
    color: Color


Word = tuple[tuple[str, Ink], ...]
"""A word, or a line of words, as its parts in each ink."""


@dataclass(frozen=True)
class FittedRuns:
    """Runs as a box prints them: their lines, and the scale every size is set at."""

    lines: tuple[Word, ...]
    scale: float


def _given_lines(runs: Sequence[Run], style: ParagraphStyle) -> list[list[tuple[str, Ink]]]:
    lines: list[list[tuple[str, Ink]]] = [[]]
    for run in runs:
        ink = Ink(run.font or style.fontName, run.size or style.fontSize,
                  style.textColor if run.color is None else run.color)
        for number, part in enumerate(run.text.replace("\t", " ").split("\n")):
            if number:
                lines.append([])
            if part:
                lines[-1].append((part, ink))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _words(line: list[tuple[str, Ink]]) -> list[Word]:
    """The line's words: only ASCII spaces part them (see lines.words), whatever inks a word
    is printed in (a tick box and its answer, joined by a no-break space)."""
    words: list[Word] = []
    word: list[tuple[str, Ink]] = []
    for text, ink in line:
        for number, part in enumerate(text.split(" ")):
            if number and word:
                words.append(tuple(word))
                word = []
            if part:
                word.append((part, ink))
    return [*words, tuple(word)] if word else words


def _width(word: Word, scale: float) -> float:
    return sum(stringWidth(text, ink.font, ink.size * scale) for text, ink in word)


def _pieces(word: Word) -> list[Word]:
    """The word's pieces after its hyphens (see lines.pieces)."""
    found: list[list[tuple[str, Ink]]] = [[]]
    for text, ink in word:
        for number, piece in enumerate(pieces(text)):
            if number:
                found.append([])
            found[-1].append((piece, ink))
    return [tuple(piece) for piece in found]


def _joined(letters: list[tuple[str, Ink]]) -> Word:
    """Letters (or any parts) in one part for each run of one ink."""
    return tuple(("".join(letter for letter, _ in same), ink) for ink, same in groupby(letters, key=lambda one: one[1]))


def _hyphenated(piece: Word, scale: float, width: float) -> list[Word]:
    """A piece too wide for `width` cut into parts that fit, each but the last ending with a
    hyphen in its last letter's ink (at least a letter a part, however narrow the box)."""
    letters = [(letter, ink) for text, ink in piece for letter in text]
    parts: list[Word] = []
    while len(letters) > 1 and _width(_joined(letters), scale) > width + FUZZ:
        cut = 1
        while cut < len(letters) - 1 and _width(_joined([*letters[:cut + 1], ("-", letters[cut][1])]),
                                                 scale) <= width + FUZZ:
            cut += 1
        parts.append(_joined([*letters[:cut], ("-", letters[cut - 1][1])]))
        letters = letters[cut:]
    return [*parts, _joined(letters)]


def _units(line: list[tuple[str, Ink]], scale: float, width: float) -> list[tuple[Word, bool]]:
    """What a line is laid out in, each with whether a space follows it: each word whole where
    it fits a line, else its pieces after its hyphens, a piece too wide even then cut."""
    units: list[tuple[Word, bool]] = []
    said = _words(line)
    for index, word in enumerate(said):
        spaced = index < len(said) - 1
        if _width(word, scale) <= width + FUZZ:
            units.append((word, spaced))
            continue
        parts = [part for piece in _pieces(word) for part in _hyphenated(piece, scale, width)]
        units += [(part, spaced and number == len(parts) - 1) for number, part in enumerate(parts)]
    return units


def _wrap(units: list[tuple[Word, bool]], scale: float, width: float) -> list[Word]:
    lines: list[Word] = []
    line: list[tuple[str, Ink]] = []
    used = 0.0
    for word, spaced in units:
        wide = _width(word, scale)
        if line and used + wide > width + FUZZ:
            lines.append(_trimmed(line))
            line, used = [], 0.0
        text, ink = word[-1]
        line += [*word[:-1], (text + " " if spaced else text, ink)]
        used += wide + (stringWidth(" ", ink.font, ink.size * scale) if spaced else 0.0)
    return [*lines, _trimmed(line)]


def _trimmed(line: list[tuple[str, Ink]]) -> Word:
    """A line as drawn: a part for each run of one ink, without the space at its end."""
    if not line:
        return ()
    text, ink = line[-1]
    return _joined([*line[:-1], (text.rstrip(" "), ink)])


def fit_runs(runs: Sequence[Run], style: ParagraphStyle, width: float) -> FittedRuns:
    """The runs in lines no wider than `width`, by lines.fit's rule: at their sizes when every
    word, or every piece of a word after its hyphens, fits; else every run as much smaller as
    the widest piece needs (the style's size in half points, down to `FLOOR`); at the floor a
    piece still too wide is split with hyphens."""
    given = _given_lines(runs, style)
    widest = max((_width(piece, 1.0) for line in given for word in _words(line) for piece in _pieces(word)),
                 default=0.0)
    scale = shrunk(style.fontSize, widest, width) / style.fontSize
    return FittedRuns(tuple(fitted for line in given for fitted in _wrap(_units(line, scale, width), scale, width)),
                      scale)


class RunLines(Flowable):
    """Runs fitted (see `fit_runs`) to the width each `wrap` gives them, drawn as a Paragraph
    draws its lines (first baseline one font size below the top, then a leading apart)."""

    def __init__(self, runs: Sequence[Run], style: ParagraphStyle) -> None:
        super().__init__()
        self.runs, self.style = tuple(runs), style
        self.width = self.height = 0.0
        self.fitted: FittedRuns | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.fitted is None or available_width != self.width:
            self.fitted = fit_runs(self.runs, self.style, available_width)
            self.width = available_width
            self.height = len(self.fitted.lines) * self.style.leading * self.fitted.scale
        return self.width, self.height

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines as last wrapped, as read."""
        assert self.fitted is not None, "wrap a RunLines before reading its lines"
        return tuple("".join(text for text, _ in line) for line in self.fitted.lines)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Between lines (a letter's paragraph at the foot of a page), each part at the scale the
        whole was set at."""
        self.wrap(available_width, available_height)
        fitted = self.fitted
        assert fitted is not None
        count = int((available_height + FUZZ) // (self.style.leading * fitted.scale))
        if count <= 0 or count >= len(fitted.lines):
            return [] if count <= 0 else [self]
        style = ParagraphStyle(f"{self.style.name}@{fitted.scale}", parent=self.style,
                               fontSize=self.style.fontSize * fitted.scale, leading=self.style.leading * fitted.scale)
        return [type(self)(self._as_set(fitted.lines[:count], fitted.scale), style),
                type(self)(self._as_set(fitted.lines[count:], fitted.scale), style)]

    @staticmethod
    def _as_set(lines: Sequence[Word], scale: float) -> list[Run]:
        """Fitted lines as runs at the sizes they were set at."""
        runs: list[Run] = []
        for number, line in enumerate(lines):
            runs += [Run("\n")] if number else []
            runs += [Run(text, ink.font, ink.size * scale, ink.color) for text, ink in line]
        return runs

    def draw(self) -> None:
        fitted = self.fitted
        assert fitted is not None, "wrap a RunLines before drawing it"
        words = self.canv.beginText()
        y = self.height - self.style.fontSize * fitted.scale
        for line in fitted.lines:
            words.setTextOrigin(0, y)
            for text, ink in line:
                words.setFont(ink.font, ink.size * fitted.scale)
                words.setFillColor(ink.color)
                words.textOut(text)
            y -= self.style.leading * fitted.scale
        self.canv.drawText(words)

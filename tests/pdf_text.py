"""The text of a PDF the app printed, as the tests read it: each page's words with every run of
spaces and line breaks made one space, so a phrase the PDF wrapped across lines is found whole;
and each piece of text with its size and the grey it prints in (`pdf_runs`)."""

import math
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


def pdf_pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))


@dataclass(frozen=True)
class Run:
    """A piece of text as a page prints it: its page (from 1), size in points as drawn, and the
    grey its fill colour prints as (0 black, 1 white)."""

    page: int
    size: float
    grey: float
    text: str


def pdf_runs(path: Path) -> list[Run]:
    """Every piece of text the PDF draws, with its size and the grey it prints in, as a black and
    white printer or a photocopier renders it."""
    found: list[Run] = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        fill, saved = [0.0], []

        def before(operator, operands, cm, tm):
            if operator == b"rg":
                red, green, blue = (float(value) for value in operands)
                fill[0] = 0.299 * red + 0.587 * green + 0.114 * blue
            elif operator == b"g":
                fill[0] = float(operands[0])
            elif operator == b"q":
                saved.append(fill[0])
            elif operator == b"Q" and saved:
                fill[0] = saved.pop()

        def text(said, cm, tm, font, size):
            if said.strip():
                scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
                found.append(Run(number, round(size * scale, 2), round(fill[0], 2), said.strip()))

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found

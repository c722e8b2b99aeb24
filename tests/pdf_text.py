"""The text of a PDF the app printed, as the tests read it: each page's words with every run of
spaces and line breaks made one space, so a phrase the PDF wrapped across lines is found whole."""

from pathlib import Path

from pypdf import PdfReader


def pdf_pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))

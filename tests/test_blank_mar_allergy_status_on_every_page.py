"""Every page of the blank MAR after the first asks the allergy status, as the first page's box
does: the as-required and once-only pages "can be printed on the back", and a loose sheet of
as-required morphine written by hand carried name, date of birth and number boxes but no word of
allergies. A blank form with no medicines on it is unchanged."""

import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from downtime.pdf.fluid_balance import blank_fluid_chart_pdf
from downtime.pdf.mar import blank_mar_pdf

PRINTED = {"printed_by": None, "printed_at": datetime(2026, 11, 28, 14, tzinfo=UTC),
           "device_name": "Ward 3B laptop"}


def _pages(path):
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


@pytest.mark.parametrize(("lang", "asked"), [
    ("en", "ALLERGIES: ☐ none known ☐ yes, listed on page 1:"),
    ("fr", "ALLERGIES : ☐ aucune connue ☐ oui, listées en page 1 :")])
def test_each_page_after_the_first_asks_the_allergy_status(tmp_path, lang, asked):
    pages = _pages(blank_mar_pdf(tmp_path / "mar.pdf", lang=lang, **PRINTED))
    assert len(pages) > 2
    assert [asked in page for page in pages] == [False] + [True] * (len(pages) - 1), pages
    assert all("ALLERG" in page for page in pages)


def test_a_blank_chart_with_no_medicines_does_not_ask_it(tmp_path):
    assert not any("ALLERG" in page for page in _pages(blank_fluid_chart_pdf(tmp_path / "fluid.pdf", lang="en",
                                                                            **PRINTED)))

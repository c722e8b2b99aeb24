"""The blank fall form keeps NICE's guidance its screen gives, on one page: shortened to fit form
version 5's new questions, it lost "under 16, vomiting alone: observe 4 hours" and "neuro obs
half-hourly until back to it", and asked "If found: last seen well at (if Seen to fall: Found on
the floor (not seen))", which read as a contradiction."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.services import printing


@pytest.mark.parametrize("lang, said, unsaid", [
    ("en", ["Under 16, vomiting alone: observe 4 hours", "Neuro obs half-hourly until back to it (NICE)",
            "Last seen well at (if Seen to fall: Found on the floor (not seen))"], "If found"),
    ("fr", ["Moins de 16 ans, vomissements seuls : surveiller 4 heures",
            "surveiller toutes les 30 min jusqu’à ce score (NICE)", "Vu en bon état jusqu’à (si Chute vue"],
     "Si trouvé")])
def test_the_blank_fall_form_keeps_its_guidance_on_one_page(forms, tmp_path, lang, said, unsaid):
    out = printing.blank(forms, "inpatient_fall", tmp_path / "fall.pdf", lang=lang, printed_by=None,
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="3B")
    pages = PdfReader(out).pages
    text = re.sub(r"\s+", " ", pages[0].extract_text())
    assert len(pages) == 1
    assert [words for words in said if words not in text] == []
    assert unsaid not in text

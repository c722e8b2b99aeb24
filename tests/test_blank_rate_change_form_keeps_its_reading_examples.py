"""The blank printed rate-change form keeps the examples of the reading to write (review s65 S5
S7): shortened for a record's line, where a morphine driver's rate read "(APTT ratio 1.4, glucose
14.2 mmol/L): breakthrough pain", its question lost them on paper too, and a nurse charting a
heparin or insulin change during a full outage was no longer told to write the APTT or glucose."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.services import printing


@pytest.mark.parametrize("lang, examples, short", [
    ("en", "APTT ratio 1.4, glucose 14.2 mmol/L", "Reading or reason"),
    ("fr", "ratio TCA 1,4, glycémie 14,2 mmol/L", "Valeur ou motif")])
def test_the_blank_form_says_the_examples_and_the_line_does_not(forms, tmp_path, lang, examples, short):
    out = printing.blank(forms, "infusion_rate", tmp_path / "rate.pdf", lang=lang, printed_by=None,
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="3B")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))
    assert examples in text and short in text
    assert forms["infusion_rate"].field("reason").line_label(lang) == short

"""A French print gives a date of birth as the wristband does, DD-Mmm-YYYY, its month as French
writes it short: "12-Mar-1954" read as English on a French census, label and MAR (and "mar." is
Tuesday on the French MAR's columns); "Jan" and "Sep" are English, "Aoû" no French word."""

from datetime import date
from types import SimpleNamespace

import pytest

from downtime.pdf.page import birth_date_label
from downtime.services import printing
from tests.pdf_text import pdf_text


@pytest.mark.parametrize("month, said", [(1, "12-Janv-1954"), (2, "12-Févr-1954"), (3, "12-Mars-1954"),
                                         (8, "12-Août-1954"), (9, "12-Sept-1954"), (12, "12-Déc-1954")])
def test_a_french_birth_date_names_its_month_in_french(month, said):
    assert birth_date_label(SimpleNamespace(birth_date=date(1954, month, 12)), "fr") == said


def test_the_french_census_keeps_the_longest_month_whole(session_for, medication_ward, tmp_path):
    """"Mars" is the widest of the months: the census's column, as wide as the widest date, broke
    it "12-Mars-" over "1954" until widened for it."""
    text = pdf_text(printing.print_census(session_for("nurse", "fr"), tmp_path / "census.pdf", "3B"))
    assert "12-Mars-1954" in text

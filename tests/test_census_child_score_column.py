"""The census and handover sheet heads its score column "NEWS2 / PEWS" over a ward with a child,
whose cell holds their PEWS: headed "NEWS2" over "PEWS 1 / PEWS 2 / PEWS 3", a figure was read
against NEWS2's thresholds. A ward of adults keeps "NEWS2"."""

from datetime import datetime

from downtime.services import printing
from tests.pdf_text import pdf_text


def test_a_wards_score_column_says_pews_when_it_has_a_child(session_for, admit_to_paediatrics, patient, clock,
                                                           tmp_path):
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    for lang in ("en", "fr"):
        nurse = session_for("nurse", lang)
        children = pdf_text(printing.print_census(nurse, tmp_path / f"ped-{lang}.pdf", ward="PED"))
        adults = pdf_text(printing.print_census(nurse, tmp_path / f"adults-{lang}.pdf", ward="3B"))
        assert "NEWS2 / PEWS" in children and "NEWS2 / PEWS" not in adults and "NEWS2" in adults

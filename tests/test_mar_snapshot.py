"""A printed MAR is the ward's chart from its printing on: it says so at the top of every page,
and each as-required line says where its doses stood then (the night on paper, the nurse giving
morphine at 04:00 added up the last dose and the day's doses from the list)."""

import re
from dataclasses import replace
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.services import medication, printing


def _pages(path):
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Doses recorded after 28/11/2026 22:00 (when this was printed) are not shown."),
    ("fr", "Les doses tracées après le 28/11/2026 22:00 (heure de cette impression) n’y figurent pas."),
])
def test_every_page_of_a_ward_pack_says_which_doses_it_leaves_out(session_for, medication_ward, twin, clock, tmp_path,
                                                                  lang, said):
    clock.now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    pages = _pages(printing.print_ward_mar_pack(session_for("nurse", lang), "3B", tmp_path / "pack.pdf"))
    assert len(pages) >= 2
    assert all(said in page for page in pages)


def _prn_doses(paracetamol, clock):
    """Paracetamol as required given at 20:00 and at 00:55, typed at 01:00."""
    nurse, _, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T01:00+01:00")
    for at in ("2026-11-27T20:00+01:00", "2026-11-28T00:55+01:00"):
        medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": at, "dose_given": 1.0,
                                                      "route": "PO", "given_for": "pain"})
    return nurse, prn


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "When printed: last 28/11 00:55 — next possible from 28/11 04:55 — 2 in 24 h (most 4)"),
    ("fr", "À l’impression : dernière 28/11 00:55 — prochaine possible à partir du 28/11 04:55 — 2 sur 24 h (max 4)"),
])
def test_an_as_required_line_says_its_last_dose_the_next_allowed_and_the_days_count(paracetamol, clock, tmp_path,
                                                                                   lang, said):
    nurse, prn = _prn_doses(paracetamol, clock)
    clock.now = datetime.fromisoformat("2026-11-28T02:00+01:00")
    status = medication.as_required_status(nurse, prn.record_id)
    assert (status.last.at, status.next_at, len(status.recent)) == (
        datetime.fromisoformat("2026-11-28T00:55+01:00"), datetime.fromisoformat("2026-11-28T04:55+01:00"), 2)
    pages = _pages(printing.print_mar(replace(nurse, lang=lang), [prn.patient_id], tmp_path / "mar.pdf"))
    assert said in " ".join(pages)


def test_once_a_dose_is_allowed_again_the_line_names_no_next_time(paracetamol, clock, tmp_path):
    nurse, prn = _prn_doses(paracetamol, clock)
    clock.now = datetime.fromisoformat("2026-11-28T05:30+01:00")
    printed = " ".join(_pages(printing.print_mar(nurse, [prn.patient_id], tmp_path / "mar.pdf")))
    assert "When printed: last 28/11 00:55 — 2 in 24 h (most 4)" in printed

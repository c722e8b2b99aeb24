"""The printed handover of a busy ward on few pages: its notes column, which carries nearly all of
its text, had 21.9 % of the page, the demo ward's notes running down 28 lines beside cells of 2
to 8, two to four patients a page, and its 25 patients took 13 pages (14 in French)."""

import pytest
from pypdf import PdfReader

from downtime.services import printing, staff
from downtime.services.context import Session, load_device

PAGES = {"en": 12, "fr": 13}
"""The most pages the demo ward's sheet may take: 11 and 12 with the notes given their room."""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_demo_wards_handover_sheet_gives_its_notes_the_room_they_need(tmp_path, forms, clock, demo_database,
                                                                           lang):
    db = demo_database(tmp_path / "demo.sqlite")
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock, lang)
    out = printing.print_census(nurse, tmp_path / f"census-{lang}.pdf", ward="3B")
    assert len(PdfReader(out).pages) <= PAGES[lang]

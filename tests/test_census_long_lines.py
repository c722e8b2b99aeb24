"""A census line that runs over several pages (a patient with many allergies and long handover
notes): each page it carries on to names the patient once as continued, and gives their whole
allergy list, every allergen named, never cut at the page's foot."""

import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, wards

ALLERGENS = ["Benzylpenicillin", "Co-trimoxazole", "Chlorhexidine gluconate", "Latex (natural rubber)", "Ibuprofen",
             "Morphine sulfate", "Ondansetron", "Vancomycin", "Iodinated contrast media"]
CHARTS = 100
"""Lines of the handover notes, ten words each: about three pages of them."""


@pytest.fixture
def allergic(session_for, admission_values, monkeypatch):
    """Ward 3B, one patient with nine allergies described at length (each reaction 190
    characters) and handover notes three pages long."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2"])
    nurse = session_for("nurse")
    allergies = [{"substance": substance, "severity": "severe", "reaction": (
        f"Anaphylaxis with {substance.lower()}: bronchospasm, facial angio-oedema, hypotension 70/40, admitted to ICU "
        "for adrenaline infusion and 48 hours of observation, allergy clinic confirmed")} for substance in ALLERGENS]
    patient = records.save_new(nurse, "admission", {**admission_values, "bed": "1", "nir": None,
                                                    "allergies": allergies}).patient_id
    notes = {patient: [" ".join(f"c{line:02d}w{word}" for word in range(10)) for line in range(CHARTS)]}
    monkeypatch.setattr(printing, "_charted", lambda session, patients, at, children: notes)
    return nurse


def _pages(nurse, tmp_path, lang):
    out = printing.print_census(replace(nurse, lang=lang), tmp_path / f"census-{lang}.pdf", ward="3B")
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(out).pages]


@pytest.mark.parametrize("lang, continued", [("en", "(continued)"), ("fr", "(suite)")])
def test_a_line_over_several_pages_says_it_is_continued_once_on_each(allergic, tmp_path, lang, continued):
    """A line over ten pages said "(continued)" nine times under the name on its last, a grey
    column taking the room of the notes."""
    pages = [page for page in _pages(allergic, tmp_path, lang) if re.search(r"\bc\d\dw\d\b", page)]
    assert len(pages) >= 3
    assert [page.count(continued) for page in pages] == [0] + [1] * (len(pages) - 1)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_page_a_line_carries_on_to_names_every_allergy(allergic, tmp_path, lang):
    """The allergy cell given again on each page, cut at its foot, named three allergies of nine
    on each, and the last six only on the line's last pages, which began mid-allergy. Too long
    to repeat whole, the list names each allergen with its severity and how many there are, the
    reactions left to the admission record; every note is printed, once."""
    pages = [page for page in _pages(allergic, tmp_path, lang) if re.search(r"\bc\d\dw\d\b", page)]
    assert len(pages) >= 3
    for page in pages:
        assert [allergen for allergen in ALLERGENS if allergen not in page] == [], page
        assert "(9)" in page
    words = re.findall(r"\bc\d\dw\d\b", " ".join(pages))
    assert sorted(words) == sorted(f"c{line:02d}w{word}" for line in range(CHARTS) for word in range(10))

"""Every page of a patient's bedside chart gives their allergy status in its identification box,
as the MAR's and the records' pages do (page.chart_info)."""

from datetime import date

import pytest

from downtime.services import printing, records
from tests.pdf_text import pdf_pages

CHARTS = ["news2_chart", "pews_chart", "neuro_chart", "glucose_chart", "pain_chart", "bowel_chart", "wound_chart",
          "repositioning_chart", "device_chart", "transfusion_record", "lab_results", "notes", "fluid_chart"]


def _printed(nurse, chart: str, patient: str, out):
    if chart == "fluid_chart":
        return printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), out)
    return getattr(printing, f"print_{chart}")(nurse, patient, out)


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize(("status", "allergies", "said"), [
    ("allergies", [{"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}],
     "ALLERGIES: Penicillin (Rash, moderate)"),
    ("nka", [], "No known allergies"),
    ("unknown", [], "ALLERGIES NOT KNOWN YET"),
])
def test_every_page_of_a_bedside_chart_gives_the_allergy_status(session_for, patient, tmp_path, chart, status,
                                                                allergies, said):
    """The NEWS2, glucose, pain or transfusion chart beside the MAR at the bedside, from which
    insulin, analgesia and blood are given, named no allergy: its box had the name, birth date,
    number, ward and bed only."""
    nurse = session_for("nurse")
    if status != "allergies":
        admission = records.list_current(nurse.db, patient_ids=[patient])[0]
        records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": status, "allergies": allergies},
                      "Asked the family")
    pages = pdf_pages(_printed(nurse, chart, patient, tmp_path / f"{chart}.pdf"))
    assert pages and all(said in page for page in pages)


MANY = [{"substance": substance, "reaction": "Anaphylaxis", "severity": "severe"} for substance in (
    "Penicillin", "Cefuroxime", "Morphine", "Codeine", "Ibuprofen", "Chlorhexidine", "Latex", "Trimethoprim",
    "Vancomycin", "Metronidazole")]


@pytest.mark.parametrize("chart", CHARTS)
def test_a_bedside_chart_gives_a_list_too_long_for_its_box_in_full_on_the_same_pages(session_for, patient, tmp_path,
                                                                                     chart):
    """Ten allergies: every page's box read "ALLERGIES (10): Penicillin (severe); … Chlor…", and
    chlorhexidine and latex, the line chart's own allergies, were printed nowhere on it. The first
    page now gives the line in full, the box cuts between allergens, and the chart takes the pages
    it takes for a patient with none (the fluid and neuro charts' grids give up the room)."""
    nurse = session_for("nurse")
    pages = {}
    for status, allergies in (("nka", []), ("allergies", MANY)):
        admission = records.list_current(nurse.db, patient_ids=[patient])[0]
        records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": status, "allergies": allergies},
                      "Asked the family")
        pages[status] = pdf_pages(_printed(nurse, chart, patient, tmp_path / f"{chart}-{status}.pdf"))
    first = " ".join(pages["allergies"][0].split())
    assert [allergy["substance"] for allergy in MANY if f"{allergy['substance']} (Anaphylaxis, severe)" not in first] \
        == []
    assert all("ALLERGIES (10):" in page and "; …" in page and "Chlor…" not in page for page in pages["allergies"])
    assert len(pages["allergies"]) == len(pages["nka"])

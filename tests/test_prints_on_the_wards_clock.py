"""Times printed, and said by the merge report, on the ward's clock whatever offset each was typed
with: a patient arrived at 13:00 on a laptop set to UTC (12:00+00:00), merged here, was printed
"28/11 12:00" on the census, the records office's worklist dated the admission 12:00, the NEWS2
chart's scale 2 "prescribed … on 28/11/2026 08:30" of a prescription at 09:30, and the merge
report named another laptop's records an hour off."""

import re

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, wards
from downtime.sync.missing import shown_time
from tests.pdf_text import pdf_text
from tests.test_pdf_news2 import SCALE_2, SETS, _charted


def test_the_census_prints_an_arrival_typed_on_a_laptop_set_to_utc_on_the_wards_clock(session_for, admission_values,
                                                                                     tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T12:00+00:00"})
    printed = pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert re.search(r"28/11\s+13:00", printed) and not re.search(r"28/11\s+12:00", printed), printed


def test_the_worklist_dates_a_record_typed_on_a_laptop_set_to_utc_on_the_wards_clock(laptop, admission_values,
                                                                                    tmp_path):
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T12:00+00:00"})
    printed = " ".join(pdf_text(printing.print_worklist(clerk, tmp_path / "worklist.pdf")).split())
    assert "28/11/2026 13:00" in printed and "28/11/2026 12:00" not in printed


def test_the_news2_chart_says_when_scale_2_was_prescribed_on_the_wards_clock(session_for, admission_values, tmp_path):
    nurse, patient = _charted(session_for, admission_values)
    records.save_new(session_for("doctor"), "observations", {
        **SETS[0], "taken_at": "2026-11-28T13:00+01:00", "spo2": 88, **SCALE_2,
        "scale_2_prescribed_at": "2026-11-28T08:30+00:00"}, patient_id=patient)
    path = printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")
    page = " ".join(re.sub(r"\s+", " ", one.extract_text()) for one in PdfReader(path).pages)
    assert "prescribed by Dr Benali on 28/11/2026 09:30" in page


@pytest.mark.parametrize(("stored", "said"), [("2026-11-28T12:00+00:00", "28/11/2026 13:00"),
                                              ("2026-10-24T23:30+01:00", "25/10/2026 00:30")])
def test_the_merge_report_says_another_laptops_times_on_the_wards_clock(stored, said):
    """A laptop set to UTC, and one left in winter time the night before summer time ended."""
    assert shown_time(stored) == said

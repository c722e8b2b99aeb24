"""The name alert ("SAME NAME: bed 3") in the identification box of every printed page about a
patient sharing a family name with another of their ward, not only on the MAR."""
import re

import pytest
from pypdf import PdfReader

from downtime.services import printing


def _pages(path):
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


@pytest.mark.parametrize("make", [
    printing.print_news2_chart, printing.print_transfusion_record, printing.print_lab_results,
    printing.print_neuro_chart, printing.print_glucose_chart, printing.print_pain_chart, printing.print_notes,
    lambda session, patient_id, out: printing.print_fluid_chart(session, patient_id, session.clock().date(), out)],
    ids=["news2", "transfusion", "lab results", "neuro", "glucose", "pain", "notes", "fluid"])
def test_every_chart_of_a_patient_sharing_a_name_says_so_in_its_header_box(tmp_path, session_for, medication_ward,
                                                                           twin, make):
    """Two MARTIN Hélène Marie (née LEFÈVRE) in beds 12 and 3: only the MAR said SAME NAME; the
    transfusion record, the NEWS2 chart and the laboratory log, whose identity checks matter most,
    read alike but for the bed and the number."""
    pages = _pages(make(session_for("nurse"), twin, tmp_path / "chart.pdf"))
    assert all("Ward 3B — Bed 3 — SAME NAME: bed 12" in page for page in pages), pages[0][:400]


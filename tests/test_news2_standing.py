"""The printed NEWS2 chart answers the score that stands (`observations.judged`), not a later
incomplete recheck."""

import re

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, wards

HIGH = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
        "temperature": 38.3}
RECHECK = {"taken_at": "2026-11-28T12:30+01:00", "spo2_scale": "scale_1", "on_oxygen": False, "temperature": 37.9}


@pytest.mark.parametrize("lang, heading", [
    ("en", "Response to the score that stands: NEWS2 7 — HIGH (28/11 12:00)"),
    ("fr", "Conduite à tenir selon le score retenu : NEWS2 7 — ÉLEVÉ (28/11 12:00)"),
])
def test_the_response_heading_names_the_score_that_stands_after_an_incomplete_recheck(session_for, admission_values,
                                                                                     tmp_path, lang, heading):
    """A temperature-only recheck's "NEWS2 0 — Low" headed, in bold, the response to a HIGH 7."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse", lang)
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    for values in (HIGH, RECHECK):
        records.save_new(nurse, "observations", values, patient_id=patient)
    path = printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")
    page = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert heading in page, re.findall(r"(?:Response|Conduite)[^.]{0,80}", page)

"""A page's footer gives the date of birth and number after the name's last line, or under it:
put after its first, a portrait record's footer read "… Françoise (née DE — Date of birth
12-Mar-1954 Sex F — DT-…" over "LA ROCHEFOUCAULD-MONTMORENCY)", the birth name parted by the date
of birth."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.platypus import Spacer

from downtime.pdf.page import PageInfo, build_pdf
from downtime.services import records, wards
from downtime.services.census import patient_with_location

LONG_NAME = {"birth_name": "de La Rochefoucauld-Montmorency", "used_name": "Dupont-Aignan de Saint-Exupéry",
             "given_names": "Marie-Bénédicte Éléonore Françoise"}


def _as_read(path) -> str:
    """The page's words in reading order, line by line down the page and each line from the left
    (the text's own order gives a line's words in the order they were drawn)."""
    placed = []

    def visit(said, cm, tm, font, size):
        if said.strip():
            placed.append((-round(tm[5] * cm[3] + cm[5], 1), tm[4] * cm[0] + cm[4], said))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return re.sub(r"\s+", " ", " ".join(said for _, _, said in sorted(placed)))


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
def test_the_footer_gives_the_whole_name_then_the_birth_date(session_for, admission_values, tmp_path, landscape):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, **LONG_NAME})
    patient = patient_with_location(nurse.db, nurse.forms, admitted.patient_id)
    info = PageInfo(title="Admission", lang="en", printed_by="Hélène Lefèvre",
                    printed_at=datetime(2026, 11, 28, 14, 0), device_name="Ward 3B laptop", patient=patient,
                    landscape=landscape)
    text = _as_read(build_pdf(tmp_path / "page.pdf", [Spacer(1, 1)], info))
    assert re.search(r"DUPONT-AIGNAN DE SAINT-EXUPÉRY Marie-Bénédicte Éléonore Françoise "
                     r"\(née DE LA ROCHEFOUCAULD-MONTMORENCY\)( —)? Date of birth 12-Mar-1954 Sex F — "
                     + re.escape(patient.downtime_number), text), text

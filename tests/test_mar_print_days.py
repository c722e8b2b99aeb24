"""A MAR printed in the evening is the night's paper chart: it carries tomorrow's column too, so
the night's and the morning's doses have their boxes."""

from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.services import printing


@pytest.mark.parametrize(("printed", "period"), [
    ("2026-11-28T22:00+01:00", "26/11/2026 to 29/11/2026"),
    ("2026-11-28T12:00+01:00", "26/11/2026 to 29/11/2026"),
    ("2026-11-28T11:59+01:00", "26/11/2026 to 28/11/2026"),
])
def test_a_mar_printed_from_midday_carries_tomorrow(session_for, medication_ward, clock, tmp_path, printed, period):
    patient, _, _ = medication_ward
    clock.now = datetime.fromisoformat(printed)
    out = printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf")
    reader = PdfReader(out)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert period in text
    assert ("Sun 29/11" in text) is period.endswith("29/11/2026")
    assert len(reader.pages) == 1


def test_the_ward_pack_does_too(session_for, medication_ward, clock, tmp_path):
    clock.now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    out = printing.print_ward_mar_pack(session_for("nurse"), "3B", tmp_path / "pack.pdf")
    assert "26/11/2026 to 29/11/2026" in PdfReader(out).pages[0].extract_text()

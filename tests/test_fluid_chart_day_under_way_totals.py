"""A fluid chart printed while its day is under way leaves the "24 h" totals row empty, for the
day's totals written by hand at 07:00: printed at 14:00 it read "24 h 200 500 0 0 700 150 0 … +550",
the morning's sums in the bold row of the day's (its "0" under urine read as measured, "+550" as
the day's balance). The sums so far stay in the sentence under the grid, which says how far the
chart was kept. A day over prints its totals."""

import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from downtime.services import printing, records


@pytest.fixture
def charted(session_for, patient, clock):
    """The patient's chart of 28/11 with 200 mL oral, 150 mL urine and 500 mL IV by 12:30."""
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    for at, route, volume in (("09:30", "in_oral", 200), ("10:30", "out_urine", 150), ("12:30", "in_iv", 500)):
        records.save_new(session_for("nurse"), "fluid_balance", {"measured_at": f"2026-11-28T{at}+01:00",
                                                                 "route": route, "volume": volume},
                         patient_id=patient)
    return patient


def _totals_row(session, patient, tmp_path) -> str:
    out = printing.print_fluid_chart(session, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")
    text = re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text())
    return re.search(r"24 h (.*?)(In|Entrées) 700 mL", text).group(1)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_day_under_way_leaves_its_totals_to_write(session_for, charted, tmp_path, lang):
    assert re.search(r"\d", _totals_row(session_for("nurse", lang), charted, tmp_path)) is None


def test_a_day_over_prints_its_totals(session_for, charted, clock, tmp_path):
    clock.now = datetime.fromisoformat("2026-11-29T07:00+01:00")
    assert _totals_row(session_for("nurse"), charted, tmp_path).split() == [
        "200", "500", "0", "0", "700", "150", "0", "0", "0", "0", "150", "+550"]

"""On the printed paediatric chart a reading that is a red flag is printed in red as the points'
are: a baby of 7 weeks at 38.9 °C (NICE NG143's red feature) had "38.9" in black beside her red
saturation and heart rate, the red flag only in the "What it asked" column."""

from datetime import datetime

import pytest

from downtime.services import pews, printing, records
from tests.pdf_text import pdf_runs

SET = {"taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 40, "respiratory_effort": "normal", "spo2": 88,
       "oxygen": "room_air", "heart_rate": 140, "systolic_bp": 70, "capillary_refill": "under_3",
       "consciousness": "alert", "concern": False, "next_in": "15"}


@pytest.mark.parametrize(("born", "temperature", "red"), [
    ("2026-10-10", 38.9, True), ("2026-10-10", 35.4, True), ("2026-10-10", 37.2, False), ("2026-05-10", 38.9, False)])
def test_a_temperature_that_is_a_red_flag_is_printed_in_red(session_for, admit_to_paediatrics, clock, tmp_path, born,
                                                              temperature, red):
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    baby = admit_to_paediatrics("1", born, 4.2, "Bebe")
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {**SET, "temperature": temperature}, patient_id=baby)
    runs = pdf_runs(printing.print_pews_chart(nurse, baby, tmp_path / "pews.pdf"))
    (spo2,) = [run.grey for run in runs if run.text.startswith("88")]
    (cell,) = [run.grey for run in runs if run.text == str(temperature)]
    assert (cell == spo2) is red and spo2 > 0.1

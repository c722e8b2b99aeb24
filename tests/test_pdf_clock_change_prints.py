"""The printed bedside records the night the clocks go back: two entries an hour apart, at 02:30
summer time and 02:30 winter time, each print its offset ("25/10 02:30 +02:00", then "+01:00"),
as the NEWS2, fluid and MAR prints do (tests/test_ward_clock.py). They printed as the same minute,
on the offset each was stored with: one duplicated line to whoever read the chart, the real
rhythm hidden."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from downtime.services import printing, records
from tests.pdf_text import pdf_text

PARIS = ZoneInfo("Europe/Paris")
FIRST, SECOND = "2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00"
UNIT = {"component": "red_cells", "unit_group": "o_neg", "patient_group": "a_neg", "use_by": "2026-12-20T23:59+01:00",
        "identity_checked": True, "abo_card": "compatible", "second_checker": "Paul Martin"}
CHARTS = {
    "bowels": (printing.print_bowel_chart, lambda at, n: ("bowel_chart", {
        "charted_at": at, "opened": "opened", "stool_type": "4", "amount": "medium", "known_cause": False})),
    "notes": (printing.print_notes, lambda at, n: ("clinical_note", {
        "written_at": at, "discipline": "nursing", "focus": "Pain", "note": f"Settled ({n}).",
        "written_by": "Hélène Lefèvre"})),
    "lab results": (printing.print_lab_results, lambda at, n: ("lab_result", {
        "received_by": "paper", "test": "Creatinine", "units": "µmol/L", "range": "59–104", "received_at": at,
        "result": str(80 + n), "flag": "normal"})),
    "transfusion": (printing.print_transfusion_record, lambda at, n: ("blood_transfusion", {
        **UNIT, "unit_number": f"G0001 26 12345{n}", "started_at": at})),
}


@pytest.mark.parametrize("chart", CHARTS)
def test_two_entries_an_hour_apart_in_the_repeated_hour_print_which_02_30(chart, patient_on_the_clock, session_for,
                                                                           clock, tmp_path):
    patient = patient_on_the_clock(datetime(2026, 10, 25, 3, 40), "2026-10-24T19:00+02:00")
    nurse = session_for("nurse")
    print_chart, entry = CHARTS[chart]
    for n, at in enumerate((FIRST, SECOND)):
        records.save_new(nurse, *entry(at, n), patient_id=patient)
    text = pdf_text(print_chart(nurse, patient, tmp_path / "chart.pdf"))
    assert "02:30 +02:00" in text and "02:30 +01:00" in text

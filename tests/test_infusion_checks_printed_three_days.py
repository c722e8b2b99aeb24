"""A bag checked often, each check finding something with what was done at length, prints on the
3-day MAR: each check is a short line in its day's column ("check 12:00 HL: 470 mL left ‡1"), and
what it found and what was done in full in the numbered notes under the chart
(services.infusion_checks.chart_lines). A 300-character action in a column a third of the chart's
width made the cell taller than a page: the chart did not print at all at 4-hourly checks, nor at
the hourly checks a syringe driver or a VRIII is given."""

import re

import pytest
from pypdf import PdfReader

from downtime.services import infusion_checks, medication, printing, records
from tests.test_infusion_checks import _at

ACTION = ("Site red and sore along the vein; flushed with 10 mL saline, no resistance; dressing changed; Dr Benali "
          "told by phone, asked to resite if worse; nurse in charge told; patient told to call if painful; checked "
          "again in an hour as asked; VIP score recorded on the line chart too, resite kit left at the bedside")[:300]


@pytest.mark.parametrize("every_hours", [4, 1])
def test_a_bag_checked_often_with_long_actions_prints_on_the_three_day_chart(session_for, medication_ward, clock,
                                                                             tmp_path, every_hours):
    patient, nurse = medication_ward[0], session_for("nurse")
    clock.now = _at("2026-11-28T07:00+01:00")
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "route": "IV", "form": "infusion", "controlled": False, "high_alert": False, "drug": "Sodium chloride 0.9%",
        "dose": 1000.0, "dose_unit": "mL", "rate_ml_h": 42.0, "frequency": "scheduled", "times": "08:00",
        "start_at": "2026-11-28T08:00+01:00"}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T08:00+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0,
                                             "route": "IV", "rate_ml_h": 42.0})
    hours = range(9, 24, every_hours)
    for hour in hours:
        clock.now = _at(f"2026-11-28T{hour:02d}:00+01:00")
        infusion_checks.record_check(nurse, order_id, {
            "checked_at": clock.now.isoformat(), "volume_left_ml": 1000.0 - 42.0 * (hour - 8), "pump_rate_ml_h": 42.0,
            "site": "red", "vip": "2", "line_intact": True, infusion_checks.PUMP_WORKING: True, "action": ACTION})
    clock.now = _at("2026-11-28T23:30+01:00")
    out = printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=3, first_day=clock.now.date())
    printed = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))
    last = len(hours)
    assert f"check {hours[-1]}:00 HL: {1000 - 42 * (hours[-1] - 8)} mL left ‡{last}" in printed
    assert (f"‡{last} 28/11 Sodium chloride 0.9% 1000 mL IV at 42 mL/h: check {hours[-1]}:00 HL: "
            f"{1000 - 42 * (hours[-1] - 8)} mL left") in printed
    assert printed.count("VIP score recorded on the line chart too") == last

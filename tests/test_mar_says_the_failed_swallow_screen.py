"""The printed MAR says a failed swallow screen as the ward's lists say it, under the allergies in
red, and "NOT BY MOUTH" on each running order whose route the screen stops (a swallowed one: not
the buccal, not the IV): the MAR is what the ward gives from when the laptop is elsewhere, and it
listed the aspirin tablet OVERDUE with no word of the screen failed at 10:20 (review s65 T3 D2).
Each time with its day: the paper is read on the days after."""

from datetime import datetime

import pytest

from downtime.services import printing, records, wards
from tests.pdf_text import pdf_text

START = "2026-11-28T07:45+01:00"
ASPIRIN = {"drug": "Aspirin", "dose": 300.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
           "times": "10:00", "start_at": START, "controlled": False, "high_alert": False}
ORDERS = [ASPIRIN, {**ASPIRIN, "drug": "Prochlorperazine buccal", "dose": 3.0, "route": "BUC"},
          {**ASPIRIN, "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV",
           "review_at": "2026-11-30T10:00+01:00"}]
FAILED_SWALLOW = {"screened_at": "2026-11-28T10:20+01:00", "screened_by": "Hélène Lefèvre", "reason": "stroke",
                  "alert_upright": True, "cough_on_request": True, "controls_saliva": True, "teaspoons": "sign",
                  "signs": ["wet_voice"], "outcome": "fail", "slt_referral": "made",
                  "slt_referred_at": "2026-11-28T10:40+01:00"}


@pytest.mark.parametrize("lang, screen, not_by_mouth", [
    ("en", "SWALLOW SCREEN FAILED 28/11 10:20 — nil by mouth, no medicines by mouth", "NOT BY MOUTH"),
    ("fr", "DÉPISTAGE DE DÉGLUTITION ÉCHOUÉ 28/11 10:20", "PAS PAR LA BOUCHE")])
def test_the_printed_mar_says_the_failed_swallow_screen(session_for, admission_values, clock, tmp_path, lang, screen,
                                                        not_by_mouth):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T07:30+01:00")
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "allergy_status": "nka", "allergies": [],
        "arrival_at": "2026-11-28T07:30+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T07:40+01:00")
    for order in ORDERS:
        records.save_new(session_for("doctor"), "medication_order", order, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T10:45+01:00")
    records.save_new(session_for("nurse"), "swallow_screen", FAILED_SWALLOW, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    text = " ".join(pdf_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "mar.pdf")).split())
    assert screen in text
    assert text.count(not_by_mouth) == 1, text

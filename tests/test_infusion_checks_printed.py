"""Each check of a running infusion printed on the MAR under its bag, with its rate changes in time
order, as the paper monitoring chart's lines (pdf.mar, services.infusion_checks.chart_lines); one
of a later day at the top of that day's column."""

import os
import shutil

from pypdf import PdfReader

from downtime.services import infusion_rates, printing
from tests.test_infusion_checks import _at, _check
from tests.test_infusion_rates import fluids_running  # noqa: F401  (the fixture)


def _printed(nurse, patient, path, lang: str = "en") -> str:
    from dataclasses import replace

    out = printing.print_mar(replace(nurse, lang=lang), [patient], path, days=2)
    if os.environ.get("B1_SHOTS"):
        shutil.copy(out, os.path.join(os.environ["B1_SHOTS"], f"mar_{lang}.pdf"))
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)


def test_the_checks_print_under_the_bag_with_its_rate_changes_in_time_order(fluids_running, tmp_path, clock):
    nurse, patient, order_id, _ = fluids_running
    _check(nurse, order_id, "2026-11-28T09:00+01:00", 880.0)
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T10:00+01:00", "change": "rate",
                                                 "rate_ml_h": 83.0, "reason": "Crackles"})
    _check(nurse, order_id, "2026-11-28T12:00+01:00", 470.0, pump=83.0, site="red", action="Resited, Dr told")
    printed = _printed(nurse, patient, tmp_path / "mar.pdf")
    # 12:00 judged from the 09:00 check: 880 mL less 125 mL to 10:00 and 166 mL since.
    # In the day's column in short, the check found amiss in full in the note its mark numbers.
    assert ("check 09:00 HL: 880 mL left, all well → 83 mL/h 10:00 (Crackles) check 12:00 HL: 470 mL left ‡1"
            in printed)
    assert "‡ Infusion checks that found something amiss, in full:" in printed
    assert ("‡1 28/11 Sodium chloride 0.9% 1000 mL IV at 125 mL/h: check 12:00 HL: 470 mL left (589 mL expected), "
            "pump 83 mL/h, site red — RUNNING FAST → Resited, Dr told") in printed
    french = _printed(nurse, patient, tmp_path / "mar-fr.pdf", "fr")
    assert "surv. 09:00 HL : 880 mL restants, rien d’anormal" in french
    assert ("‡1 28/11 Sodium chloride 0.9% 1000 mL IV à 125 mL/h : surv. 12:00 HL : 470 mL restants (589 mL attendus), "
            "pompe 83 mL/h, site rouge — PASSE TROP VITE") in french


def test_a_check_of_the_next_day_is_at_the_top_of_its_column(fluids_running, tmp_path, clock):
    nurse, patient, order_id, _ = fluids_running
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T12:00+01:00", "change": "rate",
                                                 "rate_ml_h": 20.0, "reason": "Slowed overnight"})
    clock.now = _at("2026-11-29T02:10+01:00")
    _check(nurse, order_id, "2026-11-29T02:00+01:00", 220.0, pump=20.0)  # 500 mL by 12:00, 280 mL since
    printed = _printed(nurse, patient, tmp_path / "mar.pdf")
    assert "bag of 28/11 08:00: running at 20 mL/h since 28/11 12:00 (Slowed overnight) check 29/11 02:00 HL: 220 mL left, all well" in printed

"""When a bag runs out is read from its last check's volume left (review T1 #5): a check at 16:00
reading 140 mL left at 83 mL/h means empty about 17:41, yet the MAR said "should have run out
at 19:02" from the bag's litre and its rates, and the bag was asked its checks until then. And a
check that found the bag amiss (running fast, found empty) stays on the escalation list with what
it found after its own low reading has run out (review S_I2 S1): a bag read 20 mL left at 12:00
where 500 were expected left the list at 12:10, before the nurse in charge had seen it."""

from datetime import datetime

import pytest

from downtime.services import infusion_checks, infusion_rates, medication
from tests.test_infusion_rates import _change, fluids_running  # noqa: F401  (fixture)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _checked(nurse, order_id: str, at: str, left: float, pump: float = 83.0) -> None:
    infusion_checks.record_check(nurse, order_id, {
        infusion_checks.CHECKED_AT: at, infusion_checks.VOLUME_LEFT: left, infusion_checks.PUMP_RATE: pump,
        infusion_checks.SITE: "ok", infusion_checks.LINE_INTACT: True, infusion_checks.PUMP_WORKING: True,
        infusion_checks.ACTION: "Rate checked, doctor told"})


def _running(nurse, order_id: str, at: str, lang: str = "en") -> str:
    return infusion_rates.running(nurse.db, [medication.order(nurse.db, order_id)], _at(at), lang).get(order_id, "")


def _escalated(nurse, order_id: str, at: str) -> list[str]:
    """The escalation list's words of the order's bag at `at` (infusion_checks.running_checked)."""
    site = nurse.form(infusion_checks.FORM).field(infusion_checks.SITE)
    return [said for asking in infusion_checks.running_checked(nurse.db, [medication.order(nurse.db, order_id)],
                                                               _at(at), site, "en")
            for said in asking.said(_at(at), "en")]


def test_the_bag_runs_out_from_its_last_checks_volume_left_not_from_its_litre(fluids_running, clock):
    nurse, _, order_id, _ = fluids_running
    clock.now = _at("2026-11-28T16:05+01:00")
    _change(nurse, order_id, "2026-11-28T10:00+01:00")
    _checked(nurse, order_id, "2026-11-28T16:00+01:00", 140.0)
    clock.now = _at("2026-11-28T18:00+01:00")
    # 140 mL at 83 mL/h from 16:00: empty at 17:41 (the litre's rates said 19:02).
    assert _running(nurse, order_id, "2026-11-28T18:00+01:00") == (
        "should have run out at 17:41: record the next syringe or bag, or its stop")
    assert _running(nurse, order_id, "2026-11-28T18:00+01:00", "fr").startswith("aurait dû se terminer à 17:41")
    # Read before the check, the bag's own volume still says when.
    assert _running(nurse, order_id, "2026-11-28T15:00+01:00").startswith("running at 83 mL/h since 10:00")
    # 140 mL where about 252 were expected is itself running fast: run through, the bag is asked no
    # next check, and what its check found stays told until the bag is charted stopped.
    ran_out, found = _escalated(nurse, order_id, "2026-11-28T18:00+01:00")
    assert ran_out.startswith("should have run out at 17:41")
    assert found.startswith("INFUSION CHECK 16:00 FOUND: 140 mL left") and "running faster than set" in found
    _change(nurse, order_id, "2026-11-28T18:00+01:00", change="stopped", rate=None, reason=None)
    assert _escalated(nurse, order_id, "2026-11-28T18:05+01:00") == []


def test_a_rate_changed_after_the_check_still_applies_from_its_time(fluids_running, clock):
    nurse, _, order_id, _ = fluids_running
    clock.now = _at("2026-11-28T16:35+01:00")
    _change(nurse, order_id, "2026-11-28T10:00+01:00")
    _checked(nurse, order_id, "2026-11-28T16:00+01:00", 140.0)
    _change(nurse, order_id, "2026-11-28T16:30+01:00", rate=40.0)
    # 16:00–16:30 at 83 (41.5 mL), then 98.5 mL at 40 mL/h: empty at 18:57.
    clock.now = _at("2026-11-28T19:00+01:00")
    assert _running(nurse, order_id, "2026-11-28T18:30+01:00").startswith("running at 40 mL/h since 16:30")
    assert _running(nurse, order_id, "2026-11-28T19:00+01:00").startswith("should have run out at 18:57")


@pytest.mark.parametrize("left", [20.0, 0.0])
def test_a_check_found_running_fast_or_empty_stays_on_the_list_after_its_low_reading_runs_out(
        fluids_running, clock, left):
    nurse, _, order_id, _ = fluids_running
    clock.now = _at("2026-11-28T12:05+01:00")
    infusion_checks.record_check(nurse, order_id, {
        infusion_checks.CHECKED_AT: "2026-11-28T12:00+01:00", infusion_checks.VOLUME_LEFT: left,
        infusion_checks.PUMP_RATE: 125.0, infusion_checks.SITE: "ok", infusion_checks.LINE_INTACT: True,
        infusion_checks.PUMP_WORKING: True, infusion_checks.ACTION: "Pump found at 999 mL/h, reset, Dr told"})
    # Its reading ran out by 12:10 at the latest; the FAST finding is still told at 12:30, with no
    # overdue check asked of a bag the chart now asks to be charted stopped or replaced.
    clock.now = _at("2026-11-28T12:30+01:00")
    ran_out, found = _escalated(nurse, order_id, "2026-11-28T12:30+01:00")
    assert ran_out.startswith("should have run out at 12:")
    assert found.startswith(f"INFUSION CHECK 12:00 FOUND: {left:g} mL left, 500 mL expected")
    assert _escalated(nurse, order_id, "2026-11-28T16:30+01:00") == [ran_out, found]
    assert _running(nurse, order_id, "2026-11-28T12:30+01:00").startswith("should have run out at 12:")
    # The next bag put up: the list asks that one's checks, and the old bag's finding is answered.
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T12:30+01:00",
                                             "dose_given": 1000.0, "route": "IV", "rate_ml_h": 125.0},
                           overrides={"dose_spacing": "The bag found empty at 12:00", "given_early": "Its next bag"})
    assert _escalated(nurse, order_id, "2026-11-28T12:35+01:00") == []

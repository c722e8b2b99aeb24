"""A check of a paused bag (forms/infusion_check.yaml version 2, domain.infusion_check): version 1
asked "Pump running, battery good", which a pump on hold could only answer "No", and that "No"
was a pump finding asked again at every check until the bag restarted. Version 2 asks whether
the pump works (on hold when paused); its "No" at a paused or stopped bag is the pump faulty or
its battery low. A check answering version 1's question reads as it did."""

from downtime.domain.infusion_check import Expected, Finding, InfusionCheck, findings
from downtime.services import infusion_checks, infusion_rates
from tests.test_infusion_checks import _at, _check
from tests.test_infusion_rates import fluids_running  # noqa: F401  (the fixture)

PAUSED = Expected(ran_in_ml=None, left_ml=None, rate_ml_h=0.0, paused=True)


def _pump_not_working(asked_on_hold: bool) -> InfusionCheck:
    return InfusionCheck("c", "b", _at("2026-11-28T12:00+01:00"), 750.0, 125.0, "ok", None, True, False, asked_on_hold,
                         "Pump changed", "nurse", "laptop")


def test_a_paused_pumps_no_is_a_fault_from_version_2_and_reads_as_before_in_version_1():
    assert findings(_pump_not_working(True), PAUSED) == [Finding.PUMP_FAULTY]
    assert findings(_pump_not_working(False), PAUSED) == [Finding.PUMP]
    running = Expected(ran_in_ml=None, left_ml=None, rate_ml_h=125.0)
    assert findings(_pump_not_working(True), running) == [Finding.PUMP]


def test_the_question_asks_a_paused_pump_whether_it_works_and_its_no_is_said_as_a_fault(fluids_running):
    nurse, _, order_id, _ = fluids_running
    spec = nurse.form(infusion_checks.FORM)
    assert spec.version == 2
    assert spec.field(infusion_checks.PUMP_WORKING).label.get("en") == \
        "Pump working (on hold if paused), battery good"
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T10:00+01:00", "change": "paused",
                                                 "rate_ml_h": None, "reason": "Hypotensive, fluids held"})
    # On hold with no alarm: all well, no pump finding left to be asked at every check.
    assert _check(nurse, order_id, "2026-11-28T11:00+01:00", 750.0).said[0].startswith("Checked: 750 mL left")
    faulty = _check(nurse, order_id, "2026-11-28T12:00+01:00", 750.0, action="Pump changed", **{infusion_checks.PUMP_WORKING: False})
    assert faulty.said == ["The pump is faulty or its battery is low."]

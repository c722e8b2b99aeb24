"""A syringe driver dosed in mg (morphine 10 mg in 17 mL) has no volume in its dose, but its
checks give the mL left (review T1 of 060aa094, #1 and #2): the demo's hyoscine driver, read
10.4 mL left at 13:00 at 0.7 mL/h, was empty about 03:51, yet the escalation list, the MAR and the
letter said it "running since 05:00" the next morning; and 170 mL read left in its 17 mL syringe
was saved, "170 mL left, 7.6 mL expected" asked for days."""

from datetime import datetime

import pytest

from downtime.services import infusion_checks, infusion_rates, medication
from downtime.services.errors import ValidationFailed
from tests.test_infusion_rates import syringe_running  # noqa: F401  (fixture)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _check(nurse, order_id: str, at: str, left: float) -> None:
    infusion_checks.record_check(nurse, order_id, {
        infusion_checks.CHECKED_AT: at, infusion_checks.VOLUME_LEFT: left, infusion_checks.PUMP_RATE: 0.7,
        infusion_checks.SITE: "ok", infusion_checks.LINE_INTACT: True, infusion_checks.PUMP_WORKING: True})


def test_a_driver_in_mg_runs_out_from_its_last_checks_volume_left(syringe_running, clock):
    nurse, _, driver = syringe_running
    _check(nurse, driver, "2026-11-28T10:30+01:00", 3.0)  # 3 mL at 0.7 mL/h from 10:30: empty at 14:47
    clock.now = _at("2026-11-28T16:00+01:00")
    found = medication.order(nurse.db, driver)
    said = infusion_rates.running(nurse.db, [found], clock.now, "en")[driver]
    assert said == "should have run out at 14:47: record the next syringe or bag, or its stop"
    assert infusion_rates.running(nurse.db, [found], clock.now, "fr")[driver].startswith(
        "aurait dû se terminer à 14:47")
    # Run in, its last check all well: no longer asked its next check, but its next syringe or its stop.
    site = nurse.form(infusion_checks.FORM).field(infusion_checks.SITE)
    (asked,) = infusion_checks.running_checked(nurse.db, [found], clock.now, site, "en")
    assert asked.said(clock.now, "en") == [said]
    # Before it ran out, it runs on.
    assert infusion_rates.running(nurse.db, [found], _at("2026-11-28T14:00+01:00"), "en")[driver].startswith(
        "running at 0.7 mL/h")


@pytest.mark.parametrize("lang, words", [("en", "170 mL is more than the bag or syringe put up at 10:00 held (17 mL)"),
                                         ("fr", ("170 mL, c’est plus que ne contenait la poche ou la seringue "
                                                 "posée à 10:00 (17 mL)"))])
def test_a_volume_above_a_driver_in_mgs_set_up_check_is_refused(syringe_running, lang, words):
    nurse, _, driver = syringe_running
    _check(nurse, driver, "2026-11-28T10:30+01:00", 17.0)
    nurse.lang = lang
    with pytest.raises(ValidationFailed) as refused:
        _check(nurse, driver, "2026-11-28T13:30+01:00", 170.0)
    assert refused.value.errors[0].path == infusion_checks.VOLUME_LEFT
    assert words in refused.value.errors[0].message

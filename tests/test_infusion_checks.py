"""A check of a running infusion or syringe driver (forms/infusion_check.yaml,
services.infusion_checks, domain.infusion_check): a bag running fast, a pump on the wrong rate or
an inflamed site went unseen until someone looked, the chart asking no check."""

from datetime import datetime

import pytest

from downtime.domain.infusion_check import Expected, Finding, InfusionCheck, findings, next_due, still_amiss
from downtime.services import infusion_checks, infusion_rates, medication
from downtime.services.errors import ValidationFailed
from tests.test_infusion_rates import fluids_running, syringe_running  # noqa: F401  (fixtures)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _check(nurse, order_id: str, at: str, left: float, pump: float = 125.0, site: str = "ok", **more):
    return infusion_checks.record_check(nurse, order_id, {"checked_at": at, "volume_left_ml": left,
                                                          "pump_rate_ml_h": pump, "site": site, "line_intact": True,
                                                          infusion_checks.PUMP_WORKING: True, **more})


def _refused(call) -> tuple[str, str]:
    with pytest.raises(ValidationFailed) as refused:
        call()
    return refused.value.errors[0].path, refused.value.errors[0].message


def _one(at: str, left: float = 500.0, pump: float = 125.0, site: str = "ok", vip: int | None = None,
         line: bool = True, working: bool = True) -> InfusionCheck:
    return InfusionCheck("c", "b", _at(at), left, pump, site, vip, line, working, True, None, "nurse", "laptop")


def test_the_volume_off_by_more_than_a_tenth_of_what_ran_in_is_found_either_way():
    expected = Expected(ran_in_ml=500.0, left_ml=500.0, rate_ml_h=125.0)
    assert findings(_one("2026-11-28T12:00+01:00", left=451.0), expected) == []
    assert findings(_one("2026-11-28T12:00+01:00", left=440.0), expected) == [Finding.FAST]
    assert findings(_one("2026-11-28T12:00+01:00", left=560.0), expected) == [Finding.SLOW]
    # A syringe's graduations: under a millilitre off is not told, whatever its share.
    small = Expected(ran_in_ml=2.8, left_ml=14.2, rate_ml_h=0.7)
    assert findings(_one("2026-11-28T14:00+01:00", left=13.4, pump=0.7), small) == []
    assert findings(_one("2026-11-28T14:00+01:00", left=12.9, pump=0.7), small) == [Finding.FAST]


def test_a_wrong_rate_a_site_a_line_and_a_pump_are_each_found_but_a_paused_pumps_rate_is_not():
    expected = Expected(ran_in_ml=None, left_ml=None, rate_ml_h=125.0)
    assert findings(_one("2026-11-28T12:00+01:00", pump=152.0, site="red", line=False, working=False), expected) == [
        Finding.RATE, Finding.SITE, Finding.LINE, Finding.PUMP]
    assert findings(_one("2026-11-28T12:00+01:00", site="resited", vip=2), expected) == [Finding.SITE]
    assert findings(_one("2026-11-28T12:00+01:00", site="resited", vip=1), expected) == []
    paused = Expected(ran_in_ml=None, left_ml=None, rate_ml_h=0.0, paused=True)
    assert findings(_one("2026-11-28T12:00+01:00", pump=125.0), paused) == []


def test_the_next_check_is_four_hours_after_the_set_up_or_the_last_check_and_a_problem_stays_until_one_is_good():
    assert next_due(_at("2026-11-28T08:00+01:00"), []) == _at("2026-11-28T12:00+01:00")
    checks = [_one("2026-11-28T11:00+01:00", site="red"), _one("2026-11-28T11:30+01:00")]
    assert next_due(_at("2026-11-28T08:00+01:00"), checks) == _at("2026-11-28T15:30+01:00")
    assert still_amiss([(checks[0], [Finding.SITE])]) == (checks[0], [Finding.SITE])
    assert still_amiss([(checks[0], [Finding.SITE]), (checks[1], [])]) is None


def test_a_check_as_expected_is_saved_with_its_bag_and_said_all_well_with_the_next_due(fluids_running):
    nurse, patient, order_id, bag = fluids_running
    recorded = _check(nurse, order_id, "2026-11-28T12:00+01:00", 505.0)
    assert recorded.record.data["bag"] == bag.record_id and recorded.record.patient_id == patient
    assert recorded.said == ["Checked: 505 mL left (500 mL expected), nothing amiss. Next check by 16:00."]
    assert not recorded.tell
    audit = nurse.db.execute("SELECT detail FROM audit WHERE action = 'record.create' ORDER BY seq DESC LIMIT 1"
                             ).fetchone()[0]
    assert recorded.record.record_id in audit


def test_a_bag_running_fast_asks_what_was_done_and_to_tell_the_prescriber_in_french_too(fluids_running, session_for):
    nurse, _, order_id, _ = fluids_running
    path, said = _refused(lambda: _check(nurse, order_id, "2026-11-28T12:00+01:00", 380.0))
    assert path == "action" and "380 mL left, 500 mL expected: running faster than set." in said
    infirmiere = session_for("nurse", "fr")
    recorded = _check(infirmiere, order_id, "2026-11-28T12:00+01:00", 380.0, action="Débit vérifié, médecin prévenu")
    assert recorded.tell and recorded.said == [
        "380 mL restants, 500 mL attendus : passe plus vite que le débit réglé.",
        "Prévenir le prescripteur et l’infirmier responsable : une dose qui ne passe pas comme prescrite doit être "
        "expliquée."]


def test_the_expected_volume_follows_the_rate_changes(fluids_running):
    nurse, patient, order_id, bag = fluids_running
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T10:00+01:00", "change": "rate",
                                                 "rate_ml_h": 83.0, "reason": "Crackles"})
    # 08:00–10:00 at 125 (250 mL), 10:00–12:00 at 83 (166 mL): 584 mL left; the pump at 83.
    recorded = _check(nurse, order_id, "2026-11-28T12:00+01:00", 584.0, pump=83.0)
    assert recorded.said[0].startswith("Checked: 584 mL left (584 mL expected)")
    path, said = _refused(lambda: _check(nurse, order_id, "2026-11-28T11:30+01:00", 625.0, pump=125.0))
    assert path == "action" and "The pump shows 125 mL/h, the rate set is 83 mL/h." in said


def test_a_red_site_is_asked_its_action_by_the_form_and_told_to_the_nurse(fluids_running):
    nurse, _, order_id, _ = fluids_running
    path, said = _refused(lambda: _check(nurse, order_id, "2026-11-28T12:00+01:00", 500.0, site="red"))
    assert path == "action" and "Action taken (who was told)" in said
    recorded = _check(nurse, order_id, "2026-11-28T12:00+01:00", 500.0, site="red", action="Resited left arm")
    assert recorded.said == ["The site: red."] and not recorded.tell


def test_a_check_is_refused_before_the_bag_after_its_stop_and_in_the_future(fluids_running, clock):
    nurse, _, order_id, _ = fluids_running
    path, said = _refused(lambda: _check(nurse, order_id, "2026-11-28T07:30+01:00", 1000.0))
    assert path == "bag" and said == "No bag of Sodium chloride 0.9% is running: record the bag put up as a dose first."
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "stopped"})
    path, _ = _refused(lambda: _check(nurse, order_id, "2026-11-28T11:30+01:00", 400.0))
    assert path == "bag"
    path, said = _refused(lambda: _check(nurse, order_id, "2026-11-28T13:00+01:00", 400.0))
    assert path == "bag"
    clock.now = _at("2026-11-28T10:00+01:00")
    path, _ = _refused(lambda: _check(nurse, order_id, "2026-11-28T10:30+01:00", 700.0))
    assert path == "checked_at"


def test_the_check_of_a_record_naming_a_bag_is_held_to_its_bag(fluids_running):
    """As an amendment is checked (services.records runs `check`): a check moved before its bag,
    after its stop, or onto another patient's or a dose that is no bag."""
    nurse, patient, order_id, bag = fluids_running
    data = {"bag": bag.record_id, "checked_at": "2026-11-28T07:00+01:00", "volume_left_ml": 1000.0,
            "pump_rate_ml_h": 125.0, "site": "ok", "line_intact": True, infusion_checks.PUMP_WORKING: True}
    path, said = _refused(lambda: infusion_checks.check(nurse, patient, data))
    assert path == "checked_at" and "before the bag was put up" in said
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "stopped"})
    path, said = _refused(lambda: infusion_checks.check(nurse, patient, {**data, "checked_at": "2026-11-28T11:30+01:00"}))
    assert path == "checked_at" and "stopped at 11:00" in said
    infusion_checks.check(nurse, patient, {**data, "checked_at": "2026-11-28T11:00+01:00", "volume_left_ml": 625.0})
    path, _ = _refused(lambda: infusion_checks.check(nurse, "someone-else", {**data, "checked_at": "2026-11-28T10:00+01:00"}))
    assert path == "bag"


def test_a_syringe_driver_in_mg_is_judged_against_its_first_check(syringe_running, clock):
    """Morphine 10 mg in a syringe at 0.7 mL/h: its volume is not the dose's, so the set-up check's
    volume is the one later checks are held to, as on the paper chart."""
    nurse, _, driver = syringe_running
    first = _check(nurse, driver, "2026-11-28T10:30+01:00", 17.0, pump=0.7)
    assert first.said == ["Checked: 17 mL left, nothing amiss. Next check by 14:30."]
    # 3 h at 0.7 mL/h since: 14.9 mL expected; 12.0 left is 2.9 mL off, over a tenth of 2.1 and 1 mL.
    path, said = _refused(lambda: _check(nurse, driver, "2026-11-28T13:30+01:00", 12.0, pump=0.7))
    assert path == "action" and "12 mL left, 14.9 mL expected: running faster than set." in said
    assert _check(nurse, driver, "2026-11-28T13:30+01:00", 14.6, pump=0.7).said[0].startswith(
        "Checked: 14.6 mL left (14.9 mL expected)")


def test_the_escalation_asks_an_overdue_check_and_one_amiss_until_a_good_one(fluids_running, clock):
    nurse, patient, order_id, bag = fluids_running
    orders = [medication.order(nurse.db, order_id)]
    site = nurse.form("infusion_check").field("site")
    (asked,) = infusion_checks.running_checked(nurse.db, orders, _at("2026-11-28T12:00+01:00"), site, "en")
    assert asked.said(_at("2026-11-28T12:00+01:00"), "en") == [
        "INFUSION CHECK OVERDUE (due 12:00): check the volume left, the rate, the line and the site"]
    assert asked.said(_at("2026-11-28T11:59+01:00"), "en") == []
    _check(nurse, order_id, "2026-11-28T12:00+01:00", 500.0, site="swollen", action="Resite asked")
    (asked,) = infusion_checks.running_checked(nurse.db, orders, _at("2026-11-28T12:10+01:00"), site, "fr")
    assert asked.said(_at("2026-11-28T12:10+01:00"), "fr") == [
        "SURVEILLANCE DE LA PERFUSION DE 12:00 : Le site : gonflé. La refaire une fois corrigé."]
    clock.now = _at("2026-11-28T12:40+01:00")
    _check(nurse, order_id, "2026-11-28T12:40+01:00", 417.0, site="resited")
    (asked,) = infusion_checks.running_checked(nurse.db, orders, _at("2026-11-28T13:00+01:00"), site, "en")
    assert asked.said(_at("2026-11-28T13:00+01:00"), "en") == [] and asked.due_at == _at("2026-11-28T16:40+01:00")
    # Run through by its rates (16:00), never charted stopped: its next bag or its stop is asked, not a check.
    (asked,) = infusion_checks.running_checked(nurse.db, orders, _at("2026-11-28T16:30+01:00"), site, "en")
    assert asked.said(_at("2026-11-28T16:30+01:00"), "en") == [
        "should have run out at 16:00: record the next syringe or bag, or its stop"]


def test_the_escalation_list_names_the_bag_whose_check_is_overdue(fluids_running, clock):
    from downtime.services import census, chart_alerts

    nurse, _, order_id, _ = fluids_running
    clock.now = _at("2026-11-28T12:30+01:00")
    listed = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B"), nurse.clock(),
                                 "en", ward="3B")
    (alert,) = [alert for alert in listed.alerts if alert.form_id == "infusion_check"]
    assert alert.latest == "Sodium chloride 0.9% 1000 mL IV at 125 mL/h put up 28/11 08:00"
    assert alert.said == ["INFUSION CHECK OVERDUE (due 12:00): check the volume left, the rate, the line and the site"]
    _check(nurse, order_id, "2026-11-28T12:30+01:00", 440.0)
    listed = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B"), nurse.clock(),
                                 "en", ward="3B")
    assert [alert for alert in listed.alerts if alert.form_id == "infusion_check"] == []
    assert listed.next_due is not None and listed.next_due <= _at("2026-11-28T16:30+01:00")


def test_an_amendment_is_held_to_its_bag_as_the_check_was(fluids_running):
    """services.records runs `check` on an amendment (its form's own check): moved after the bag's
    stop, or to a volume far off with nothing said done."""
    from downtime.services import records

    nurse, _, order_id, _ = fluids_running
    saved = _check(nurse, order_id, "2026-11-28T10:00+01:00", 750.0).record
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "stopped"})
    with pytest.raises(ValidationFailed, match="stopped at 11:00"):
        records.amend(nurse, saved.record_id, {**saved.data, "checked_at": "2026-11-28T11:30+01:00"}, "Time misread")
    with pytest.raises(ValidationFailed, match="running faster than set"):
        records.amend(nurse, saved.record_id, {**saved.data, "volume_left_ml": 600.0}, "Volume misread")
    amended = records.amend(nurse, saved.record_id, {**saved.data, "volume_left_ml": 745.0}, "Volume misread")
    assert infusion_checks.check_of(amended).volume_left_ml == 745.0


def test_on_comfort_care_the_syringe_drivers_check_is_still_asked(syringe_running, clock):
    """The charts stop asking routine observations on comfort care; a syringe driver's check is
    what matters most then (its morphine running fast, its site inflamed)."""
    from downtime.services import census, chart_alerts, records
    from tests.test_observation_plan import plan

    nurse, patient, _ = syringe_running
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly", "2026-11-28T13:00+01:00"),
                     patient_id=patient)
    clock.now = _at("2026-11-28T14:30+01:00")
    listed = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B"), nurse.clock(),
                                 "en", ward="3B")
    assert [alert.said for alert in listed.alerts if alert.form_id == "infusion_check"] == [
        ["INFUSION CHECK OVERDUE (due 14:00): check the volume left, the rate, the line and the site"]]

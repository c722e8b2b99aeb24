"""Which bags a check is asked of, and what each check is judged against (services.infusion_checks,
domain.infusion_check): an intermittent antibiotic's hour-long bag nagged "overdue" until its next
dose; a bolus found once was found again at every later check; a driver gone home was asked its
checks after the patient came back; a litre bag's overfill read "tell the prescriber"; the set-up
and take-down checks were refused at their very minute; a late paper check was told a next check
of a syringe already replaced."""

from datetime import datetime

import pytest

from downtime.services import chart_alerts, census, infusion_checks, infusion_rates, medication, records
from downtime.services.errors import ValidationFailed
from tests.test_infusion_checks import _check
from tests.test_infusion_rates import _bag, fluids_running, syringe_at_death, syringe_running  # noqa: F401

VANCOMYCIN = {"drug": "Vancomycin", "dose": 1.0, "dose_unit": "g", "route": "IV", "form": "infusion",
              "rate_ml_h": 250.0, "frequency": "scheduled", "times": "06:00 18:00",
              "start_at": "2026-11-28T06:00+01:00", "controlled": False, "high_alert": False,
              "review_at": "2026-11-30T10:00+01:00"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _checks_said(nurse, at: str, lang: str = "en") -> list[list[str]]:
    listed = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B"), _at(at),
                                 lang, ward="3B")
    return [alert.said for alert in listed.alerts if alert.form_id == "infusion_check"]


def test_an_intermittent_antibiotics_bag_is_not_asked_once_run_in_but_a_syringe_driver_is(
        syringe_running, session_for, clock):
    nurse, patient, _ = syringe_running
    clock.now = _at("2026-11-28T05:00+01:00")
    vancomycin = records.save_new(session_for("doctor"), "medication_order", VANCOMYCIN, patient_id=patient).record_id
    clock.now = _at("2026-11-28T06:05+01:00")
    medication.record_dose(nurse, vancomycin, {"outcome": "given", "given_at": "2026-11-28T06:00+01:00",
                                               "scheduled_for": "2026-11-28T06:00+01:00", "dose_given": 1.0,
                                               "route": "IV"})
    # 15:00: the vancomycin given at 06:00 over an hour asks nothing; the driver set up at 10:00 is overdue.
    assert _checks_said(nurse, "2026-11-28T15:00+01:00") == [
        ["INFUSION CHECK OVERDUE (due 14:00): check the volume left, the rate, the line and the site"]]
    clock.now = _at("2026-11-29T09:00+01:00")
    assert _checks_said(nurse, "2026-11-29T09:00+01:00") == [
        ["INFUSION CHECK OVERDUE (due 28/11 14:00): check the volume left, the rate, the line and the site"]]
    assert _checks_said(nurse, "2026-11-29T09:00+01:00", "fr") == [
        ["SURVEILLANCE DE LA PERFUSION EN RETARD (prévue le 28/11 à 14:00) : vérifier le volume restant, le débit, "
         "la tubulure et le site"]]
    assert not infusion_rates.continuous(medication.order(nurse.db, vancomycin))
    assert infusion_rates.continuous(medication.order(nurse.db, syringe_running[2]))


def test_a_bolus_found_once_and_acted_on_is_not_found_again_at_the_next_check(syringe_running, clock):
    nurse, _, driver = syringe_running
    _check(nurse, driver, "2026-11-28T10:30+01:00", 17.0, pump=0.7)
    fast = _check(nurse, driver, "2026-11-28T13:30+01:00", 12.0, pump=0.7,
                  action="Dr told, 3 mL bolus from free flow, pump replaced")
    assert fast.tell
    clock.now = _at("2026-11-28T17:30+01:00")
    # 4 h at 0.7 mL/h since the 13:30 check's 12 mL: 9.2 mL expected.
    assert _check(nurse, driver, "2026-11-28T17:30+01:00", 9.2, pump=0.7).said == [
        "Checked: 9.2 mL left (9.2 mL expected), nothing amiss. Next check by 21:30."]
    assert _checks_said(nurse, "2026-11-28T18:00+01:00") == []


def test_a_driver_of_an_earlier_stay_is_not_asked_nor_checked_after_a_readmission(
        syringe_running, admission_values, clock):
    nurse, patient, driver = syringe_running
    clock.now = _at("2026-11-28T12:05+01:00")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.now = _at("2026-11-29T07:00+01:00")
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-29T06:00+01:00", "bed": "5"},
                     patient_id=patient)
    clock.now = _at("2026-11-29T08:00+01:00")
    assert _checks_said(nurse, "2026-11-29T08:00+01:00") == []
    with pytest.raises(ValidationFailed) as refused:
        _check(nurse, driver, "2026-11-29T08:00+01:00", 3.0, pump=0.7)
    assert refused.value.errors[0].message == "No bag of Morphine is running: record the bag put up as a dose first."
    bag = infusion_rates.bag_up(nurse.db, medication.order(nurse.db, driver), _at("2026-11-29T08:00+01:00"))
    with pytest.raises(ValidationFailed) as refused:
        infusion_checks.check(nurse, patient, {"bag": bag.record_id, "checked_at": "2026-11-29T08:00+01:00",
                                               "volume_left_ml": 3.0, "pump_rate_ml_h": 0.7, "site": "ok",
                                               "line_intact": True, infusion_checks.PUMP_WORKING: True})
    assert (refused.value.errors[0].path, refused.value.errors[0].message) == (
        "checked_at", "“Time checked”: this bag was put up at 28/11 10:00, in an earlier stay: chart its stop, "
                      "not a check.")


def test_a_bags_overfill_and_markings_are_not_found_off_but_a_syringes_millilitre_is(fluids_running, clock):
    nurse, _, order_id, _ = fluids_running
    # 1 L at 125 mL/h, an hour in: 875 mL expected, 900 read on a bag marked every 50 mL.
    assert _check(nurse, order_id, "2026-11-28T09:00+01:00", 900.0).said[0].startswith(
        "Checked: 900 mL left (875 mL expected), nothing amiss.")
    with pytest.raises(ValidationFailed, match="running faster than set"):
        _check(nurse, order_id, "2026-11-28T10:00+01:00", 720.0)  # 775 expected: 55 mL off


def test_the_set_up_check_at_the_bags_minute_and_the_last_at_its_stop_are_taken(syringe_running, fluids_running,
                                                                                  clock):
    nurse, _, driver = syringe_running
    assert _check(nurse, driver, "2026-11-28T10:00+01:00", 17.0, pump=0.7).said == [
        "Checked: 17 mL left, nothing amiss. Next check by 14:00."]
    order_id = fluids_running[2]
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "stopped"})
    last = _check(nurse, order_id, "2026-11-28T11:00+01:00", 625.0)
    assert last.record.data["bag"] == fluids_running[3].record_id
    assert last.said == ["Checked: 625 mL left (625 mL expected), nothing amiss."]


def test_no_next_check_is_said_after_a_death(syringe_at_death, clock):
    nurse, _, driver = syringe_at_death
    clock.now = _at("2026-11-28T14:00+01:00")
    assert _check(nurse, driver, "2026-11-28T12:50+01:00", 15.0, pump=0.7).said == [
        "Checked: 15 mL left, nothing amiss."]


def test_a_late_paper_check_of_the_syringe_replaced_says_no_next_check(syringe_running, clock):
    nurse, _, driver = syringe_running
    clock.now = _at("2026-11-29T10:05+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-29T10:00+01:00",
                                           "scheduled_for": "2026-11-29T10:00+01:00", "dose_given": 10.0,
                                           "route": "SC"}, witness=("doctor", "2222"),
                           overrides={"allergy": "not hers"})
    clock.now = _at("2026-11-29T11:00+01:00")
    recorded = _check(nurse, driver, "2026-11-29T06:00+01:00", 3.0, pump=0.7)
    assert recorded.said == ["Checked: 3 mL left, nothing amiss."]


@pytest.mark.parametrize("when", [{"frequency": "once"}, {"frequency": "scheduled", "times": "08:00"}])
def test_a_once_or_once_daily_antibiotic_dosed_in_grams_is_not_asked_once_run_in(
        syringe_running, session_for, clock, when):
    """Ceftriaxone 2 g over 30 minutes, stat or each morning, was read as a bag running until
    charted stopped: "INFUSION CHECK OVERDUE" all day after each dose, three days after the stat
    one, burying the syringe driver's line."""
    nurse, patient, _ = syringe_running
    clock.now = _at("2026-11-28T07:00+01:00")
    order = {**VANCOMYCIN, "drug": "Ceftriaxone", "dose": 2.0, "rate_ml_h": 200.0, "times": "", **when}
    ceftriaxone = records.save_new(session_for("doctor"), "medication_order", order, patient_id=patient).record_id
    clock.now = _at("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, ceftriaxone, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                                "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 2.0,
                                                "route": "IV"})
    assert not infusion_rates.continuous(medication.order(nurse.db, ceftriaxone))
    clock.now = _at("2026-11-28T13:00+01:00")
    # 13:00: only the driver set up at 10:00, not yet overdue, and nothing of the ceftriaxone.
    assert _checks_said(nurse, "2026-11-28T13:00+01:00") == []

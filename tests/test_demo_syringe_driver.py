"""The demo's syringe driver (services.demo.build_syringe_driver_demo): the demo had no infusion, so
its checks (services.infusion_checks) showed nowhere. The palliative patient's driver is on the
MAR with its checks and its rate, and the escalation tab asks what its checks ask, in English and
French, whatever the hour the demo is built at (tests/test_demo.py builds it at several). Its
second check resites the site and primes a new line, which the third reading is short of, and the
third is all well on the new site (review S_I2 S4); its answers are the check form's own fields,
whatever the form's version names them (S5)."""

from datetime import datetime, timedelta

from downtime.services import census, chart_alerts, infusion_checks, infusion_rates, medication
from downtime.services.demo import _DRIVER_CHECKS, _SYRINGE_DRIVER, _driver_check_answers


def _palliative(db, forms):
    return next(each for each in census.in_patients(db, forms, ward="3B") if "Palliative" in (each.reason or ""))


def test_the_palliative_patients_driver_runs_checked_on_the_mar_and_the_escalation_tab(tmp_path, forms, clock,
                                                                                          demo_database):
    db = demo_database(tmp_path / "demo.sqlite")
    patient = _palliative(db, forms)
    (driver,) = [order for order in medication.orders(db, patient.patient_id, clock.now)
                 if order.drug == _SYRINGE_DRIVER["drug"]]
    assert medication.order_label(driver, forms["medication_order"], "en") == (
        "Hyoscine butylbromide 60 mg in 17 mL water for injections SC at 0.7 mL/h")
    (bag,) = [dose for dose in medication.administrations(db, patient.patient_id) if dose.order_id == driver.record_id]
    checks = infusion_checks.by_bag(db, [patient.patient_id])[bag.record_id]
    assert [(one.site, one.volume_left_ml) for one in checks] == [("ok", 17.0), ("red", 14.2), ("ok", 10.4)]
    assert "primed (1 mL)" in (checks[1].action or "")
    assert infusion_rates.running(db, [driver], clock.now, "en")[driver.record_id].startswith("running at 0.7 mL/h")
    assert infusion_rates.running(db, [driver], clock.now, "fr")[driver.record_id].startswith("en cours à 0,7 mL/h")
    # Checked well on its new site within the 4 hours: its next check is due, not overdue yet;
    # asked once the 4 hours are up, in either language.
    later = clock.now + timedelta(hours=4)
    for at, lang, asked in ((clock.now, "en", ""), (later, "en", "INFUSION CHECK OVERDUE"),
                            (later, "fr", "SURVEILLANCE DE LA PERFUSION EN RETARD")):
        listed = chart_alerts.alerts(db, forms, census.in_patients(db, forms, "3B"), at, lang, ward="3B").alerts
        said = [line for alert in listed if alert.patient.patient_id == patient.patient_id
                and alert.form_id == infusion_checks.FORM for line in alert.said]
        assert [line[:len(asked)] for line in said] == ([asked] if asked else []), said


def test_the_demos_check_answers_are_the_check_forms_fields(forms):
    """Each answer the demo gives is a field of the check form, and each field the form requires is
    answered (its bag is chosen by services.infusion_checks.record_check)."""
    spec = forms[infusion_checks.FORM]
    fields = {field.id: field for field in spec.fields()}
    for check in _DRIVER_CHECKS:
        answers = _driver_check_answers(check, datetime.fromisoformat("2026-11-28T08:00+01:00"), 0.0)
        assert set(answers) <= set(fields)
        assert {name for name, field in fields.items() if field.required} - {infusion_checks.BAG} <= set(answers)

"""A VRIII ended with no insulin after it (JBDS-IP: the infusion is stopped 30 to 60 minutes after
the first subcutaneous dose, the basal given): the nurse stopping the syringe before the doctor
typed the order's stop was taken for a syringe changed, and nothing ever said the patient had no
insulin; a glargine prescribed whose dose was held the night before was read as covering the stop."""

from datetime import datetime, timedelta

import pytest

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, glucose, infusion_rates, medication, printing, records
from tests.pdf_text import pdf_text
from tests.test_vriii_rates import READ, _at, _charted, _order_stopped, _put_up, _stop
from tests.test_vriii_rates import vriii  # noqa: F401  (the fixture)

GLARGINE = {"drug": "Insulin glargine", "dose": 20.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
            "times": "22:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
            "time_critical": True}
STOPPED_LINE = ("INSULIN INFUSION STOPPED at 28/11 12:00 (Actrapid 50 units in 50 mL), no subcutaneous insulin "
                "since: tell the doctor now and chart who was told in the “Action taken” of a reading, not a hypo’s "
                "(stopped without it, a patient who needs insulin is in ketoacidosis within hours)")


def _lists(nurse, patient: str, at: datetime) -> tuple[list[str], str]:
    """What the escalation list's glucose line and the handover say of the patient at `at`."""
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, "en",
                                ward="3B")
    said = [line for alert in found.alerts if alert.form_id == glucose.FORM for line in alert.said]
    return said, glucose.handover(nurse.db, [patient], at, "en")[patient]


def _glucose_then_given(nurse, clock, patient: str, order_id: str, at: str) -> None:
    """A glucose charted 5 minutes before `at`, then 20 units of `order_id` given at `at`, typed 5
    minutes after."""
    given = _at(at)
    clock.now = given + timedelta(minutes=5)
    _charted(nurse, patient, (given - timedelta(minutes=5)).isoformat(), 9.0)
    medication.record_dose(nurse, order_id, {"scheduled_for": at, "outcome": "given", "given_at": at,
                                             "dose_given": 20.0, "route": "SC"}, witness=("doctor", "2222"))


def test_a_syringe_stopped_before_its_order_is_listed_until_insulin_is_given(vriii, session_for, clock):
    """Stopped at noon, its order standing; the doctor stops the order at 13:30 (as of noon); at
    16:00 a glucose of 16.4 with ketones of 1.8 said only "tell the doctor" of the ketones."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 8.2)
    assert "overrides" not in _stop(nurse, order).data
    assert STOPPED_LINE in _lists(nurse, patient, _at("2026-11-28T12:30+01:00"))[0]
    clock.now = _at("2026-11-28T13:30+01:00")
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    clock.now = _at("2026-11-28T15:50+01:00")
    records.save_new(nurse, glucose.FORM, {**READ, "taken_at": "2026-11-28T15:50+01:00", "glucose": 16.4,
                                           "next_in": "240", "ketones_reading": "value", "ketones": 1.8},
                     patient_id=patient)
    listed, handed_over = _lists(nurse, patient, _at("2026-11-28T16:00+01:00"))
    assert STOPPED_LINE in listed
    assert STOPPED_LINE in handed_over
    assert "PERFUSION D’INSULINE ARRÊTÉE le 28/11 à 12:00 (Actrapid 50 units in 50 mL), aucune insuline " \
           "sous-cutanée depuis : prévenir le médecin immédiatement et noter qui a été prévenu dans la « Conduite " \
           "tenue » d’une glycémie, pas celle d’une hypoglycémie" in glucose.handover(nurse.db, [patient], _at("2026-11-28T16:00+01:00"), "fr")[patient]
    novorapid = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "NovoRapid", "dose": 8.0, "dose_unit": "units", "route": "SC", "frequency": "once",
        "start_at": "2026-11-28T16:05+01:00", "controlled": False, "high_alert": True, "time_critical": True},
        patient_id=patient).record_id
    clock.now = _at("2026-11-28T16:10+01:00")
    medication.record_dose(nurse, novorapid, {"outcome": "given", "given_at": "2026-11-28T16:10+01:00",
                                              "dose_given": 8.0, "route": "SC"}, witness=("doctor", "2222"))
    listed, handed_over = _lists(nurse, patient, _at("2026-11-28T16:20+01:00"))
    assert STOPPED_LINE not in listed
    assert STOPPED_LINE not in handed_over


def test_a_stop_asked_and_answered_or_a_syringe_put_up_again_is_not_listed(vriii, session_for, clock):
    """The stop asked its question and saved with the reason: not listed again. A syringe stopped
    and the next put up: nothing listed once it runs; nor a day after the stop."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 8.2)
    _stop(nurse, order)
    clock.now = _at("2026-11-28T12:05+01:00")
    medication.record_dose(nurse, order, {
        "outcome": "given", "given_at": "2026-11-28T12:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 2.0, medication.DECIDED_ON: "capillary glucose 8.2"},
        witness=("doctor", "2222"))
    assert STOPPED_LINE not in _lists(nurse, patient, _at("2026-11-28T12:10+01:00"))[1]
    _order_stopped(session_for, order, "2026-11-28T14:00+01:00")
    clock.now = _at("2026-11-28T14:00+01:00")
    _charted(nurse, patient, "2026-11-28T13:55+01:00", 8.0)
    infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T14:00+01:00", "change": "stopped"},
                               overrides={Check.INSULIN_OMITTED: "Dr Benali: diet-controlled, no insulin"})
    assert "INSULIN INFUSION STOPPED" not in _lists(nurse, patient, _at("2026-11-28T15:00+01:00"))[1]


def test_a_stop_listed_stays_until_the_doctor_told_is_charted(vriii, session_for, clock):
    """Review S_DI S5: a peri-operative VRIII of a patient with no diabetes medicine, stopped at noon;
    the doctor stops its order at 12:30 "no insulin needed". The line could not be answered and
    left by the clock (a day on, for a patient who did need insulin, with nothing done). Still
    listed a day on, until a reading after the stop says in its action who was told."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 7.2)
    _stop(nurse, order)
    clock.now = _at("2026-11-28T12:30+01:00")
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T12:30+01:00", 6.9)
    assert STOPPED_LINE in _lists(nurse, patient, _at("2026-11-29T12:30+01:00"))[1]
    clock.now = _at("2026-11-29T12:40+01:00")
    records.save_new(nurse, glucose.FORM, {**READ, "taken_at": "2026-11-29T12:40+01:00", "glucose": 6.8,
                                           "next_in": "240", "action": "Dr Benali told: not diabetic, no insulin"},
                     patient_id=patient)
    listed, handed_over = _lists(nurse, patient, _at("2026-11-29T12:45+01:00"))
    assert "INSULIN INFUSION STOPPED" not in handed_over
    assert not [line for line in listed if "INSULIN INFUSION STOPPED" in line]


def test_a_vriii_stop_is_not_listed_while_its_new_order_runs(vriii, session_for, clock):
    """Review S_DI S2: the VRIII rewritten from noon on the increased scale, the first syringe
    stopped at 12:00 and the new order's put up at 12:01: "no subcutaneous insulin since: tell the
    doctor now" was listed all day with insulin running."""
    nurse, patient, first = vriii
    clock.now = _at("2026-11-28T11:55+01:00")
    second = records.save_new(session_for("doctor"), "medication_order", {
        **records.history(nurse.db, first)[-1].data, "start_at": "2026-11-28T12:00+01:00",
        "dose_rule": "rate by the VRIII increased scale on the hourly capillary glucose"}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 15.2)
    _stop(nurse, first)
    clock.now = _at("2026-11-28T12:01+01:00")
    medication.record_dose(nurse, second, {
        "outcome": "given", "given_at": "2026-11-28T12:01+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 3.0, medication.DECIDED_ON: "capillary glucose 15.2"},
        witness=("doctor", "2222"), overrides={Check.ALREADY_GIVEN: "new VRIII order, increased scale"})
    clock.now = _at("2026-11-28T12:30+01:00")
    _order_stopped(session_for, first, "2026-11-28T12:00+01:00")
    listed, handed_over = _lists(nurse, patient, _at("2026-11-28T13:00+01:00"))
    assert "INSULIN INFUSION STOPPED" not in handed_over
    assert not [line for line in listed if "INSULIN INFUSION STOPPED" in line]


@pytest.mark.parametrize("given", [False, True], ids=["held", "given"])
def test_a_basal_insulin_covers_a_vriii_stop_only_once_given(session_for, medication_ward, clock, given):
    """Glargine 20 units at 22:00 prescribed; its dose on 27/11 held ("on VRIII tomorrow"): the
    VRIII stopped as its order ended at noon asked nothing, the patient's last insulin then the
    syringe. Given, it covers the stop."""
    patient = medication_ward[0]
    basal = records.save_new(session_for("doctor"), "medication_order", GLARGINE, patient_id=patient).record_id
    nurse = session_for("nurse")
    dose = {"scheduled_for": "2026-11-27T22:00+01:00", "given_at": "2026-11-27T22:00+01:00"}
    if given:
        _glucose_then_given(nurse, clock, patient, basal, "2026-11-27T22:00+01:00")
    else:
        clock.now = _at("2026-11-27T22:05+01:00")
        _charted(nurse, patient, "2026-11-27T21:55+01:00", 9.0)
        medication.record_dose(nurse, basal, {**dose, "outcome": "not_given", "not_given_reason": "held",
                                              "not_given_detail": "on VRIII tomorrow"},
                               overrides={Check.INSULIN_OMITTED: "Dr Benali: VRIII tomorrow"})
    nurse, _, order = _put_up(session_for, patient, clock)
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 8.2)
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    if given:
        assert "overrides" not in _stop(nurse, order).data
        return
    with pytest.raises(medication.OverrideNeeded) as asked:
        _stop(nurse, order)
    assert [w.check for w in asked.value.warnings] == [Check.INSULIN_OMITTED]
    assert "nor any basal or premixed insulin still acting" in str(asked.value)


@pytest.mark.parametrize("drug, asked", [("Tresiba", False), ("Insulin glargine", True)])
def test_a_degludec_given_30_hours_before_covers_a_stop_and_a_glargine_does_not(session_for, medication_ward, clock,
                                                                              drug, asked):
    """Degludec acts for 42 hours: its dose at 22:00 still covers the VRIII's stop 30 hours later,
    at 04:00 the day after next; glargine's covers a day, and the same stop is asked."""
    patient = medication_ward[0]
    basal = records.save_new(session_for("doctor"), "medication_order", {**GLARGINE, "drug": drug},
                             patient_id=patient).record_id
    nurse = session_for("nurse")
    _glucose_then_given(nurse, clock, patient, basal, "2026-11-27T22:00+01:00")
    nurse, _, order = _put_up(session_for, patient, clock)
    clock.now = _at("2026-11-29T04:00+01:00")
    _charted(nurse, patient, "2026-11-29T03:55+01:00", 8.2)
    _order_stopped(session_for, order, "2026-11-29T04:00+01:00")
    stop = {"changed_at": "2026-11-29T04:00+01:00", "change": "stopped"}
    if not asked:
        assert "overrides" not in infusion_rates.change_rate(nurse, order, stop).data
        return
    with pytest.raises(medication.OverrideNeeded) as stop_asked:
        infusion_rates.change_rate(nurse, order, stop)
    assert [w.check for w in stop_asked.value.warnings] == [Check.INSULIN_OMITTED]


@pytest.mark.parametrize("rewritten", [False, True], ids=["one order", "rewritten"])
@pytest.mark.parametrize("drug", ["Humulin I", "NovoMix 30"])
def test_a_twice_daily_insulin_whose_evening_dose_was_held_does_not_cover_a_stop(session_for, medication_ward, clock,
                                                                                drug, rewritten):
    """Review S_DI S3: an isophane or premixed insulin at 07:30 and 18:00, its morning dose given,
    its 18:00 dose held "on VRIII": the VRIII stopped at 07:00 the next morning, nothing since, was
    covered by the morning dose 23.5 hours before (an isophane acts 12 to 16 hours). Review S_DI2
    S5: the same with the chart rewritten at 10:00 (the morning's order stopped, the same written),
    the rewrite's evening dose held: still covered, its order another."""
    patient = medication_ward[0]
    doctor = session_for("doctor")
    sc = records.save_new(doctor, "medication_order", {**GLARGINE, "drug": drug, "times": "07:30 18:00"},
                          patient_id=patient).record_id
    nurse = session_for("nurse")
    _glucose_then_given(nurse, clock, patient, sc, "2026-11-28T07:30+01:00")
    nurse, _, order = _put_up(session_for, patient, clock)
    if rewritten:
        clock.now = _at("2026-11-28T10:00+01:00")
        records.amend(doctor, sc, {**records.history(doctor.db, sc)[-1].data, "stop_at": "2026-11-28T10:00+01:00"},
                      "daily rewrite of the chart")
        sc = records.save_new(doctor, "medication_order", {**GLARGINE, "drug": drug, "times": "07:30 18:00",
                                                           "start_at": "2026-11-28T10:00+01:00"},
                              patient_id=patient).record_id
    clock.now = _at("2026-11-28T18:05+01:00")
    _charted(nurse, patient, "2026-11-28T17:55+01:00", 9.0)
    medication.record_dose(nurse, sc, {"outcome": "not_given", "scheduled_for": "2026-11-28T18:00+01:00",
                                       "given_at": "2026-11-28T18:00+01:00", "not_given_reason": "held",
                                       "not_given_detail": "on VRIII"},
                           overrides={Check.INSULIN_OMITTED: "Dr Benali: on VRIII"})
    clock.now = _at("2026-11-29T07:05+01:00")
    _charted(nurse, patient, "2026-11-29T06:55+01:00", 8.0)
    _order_stopped(session_for, order, "2026-11-29T07:00+01:00")
    with pytest.raises(medication.OverrideNeeded) as asked:
        infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-29T07:00+01:00", "change": "stopped"})
    assert [w.check for w in asked.value.warnings] == [Check.INSULIN_OMITTED]


def test_a_stop_listed_ends_with_the_stay(vriii, session_for, clock, admission_values):
    """Review S_DI2 S4: stopped at noon unanswered, the patient discharged home at 16:00 and
    readmitted five days later: "tell the doctor now" of the old stop was listed and handed over
    in the new stay. The stay's end ends the line."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 7.2)
    _stop(nurse, order)
    clock.now = _at("2026-11-28T12:30+01:00")
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    assert STOPPED_LINE in _lists(nurse, patient, _at("2026-11-28T15:00+01:00"))[1]
    clock.now = _at("2026-11-28T16:00+01:00")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T16:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.now = _at("2026-12-03T10:00+01:00")
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-12-03T10:00+01:00", "bed": "5"},
                     patient_id=patient)
    clock.now = _at("2026-12-03T11:00+01:00")
    _charted(nurse, patient, "2026-12-03T11:00+01:00", 6.1)
    listed, handed_over = _lists(nurse, patient, _at("2026-12-03T12:00+01:00"))
    assert "INSULIN INFUSION STOPPED" not in handed_over
    assert not [line for line in listed if "INSULIN INFUSION STOPPED" in line]


def test_who_was_told_is_read_on_any_reading_after_the_stop_and_not_a_hypo_treated(vriii, session_for, clock):
    """Review S_DI2 S6: the syringe stopped at noon, its order standing. "Dr Benali told" added at
    12:10 to the 11:55 reading, the latest the nurse sees, left the line listed; a hypo of 3.6 at
    13:00 treated with "4 glucose tablets" took it away, no one told. An action recorded after the
    stop answers it, on any reading but a hypo's."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 7.2)
    _stop(nurse, order)
    clock.now = _at("2026-11-28T13:00+01:00")
    records.save_new(nurse, glucose.FORM, {**READ, "taken_at": "2026-11-28T13:00+01:00", "glucose": 3.6,
                                           "action": "4 glucose tablets"}, patient_id=patient)
    assert STOPPED_LINE in _lists(nurse, patient, _at("2026-11-28T13:05+01:00"))[1]
    clock.now = _at("2026-11-28T13:10+01:00")
    before = next(one.record.record_id for one in glucose.chart(nurse.db, patient)
                  if one.taken_at == _at("2026-11-28T11:55+01:00"))
    records.amend(nurse, before, {**records.history(nurse.db, before)[-1].data,
                                  "action": "VRIII stopped: Dr Benali told"}, "who was told added")
    assert "INSULIN INFUSION STOPPED" not in _lists(nurse, patient, _at("2026-11-28T13:15+01:00"))[1]


def test_a_stop_listed_is_to_be_acted_on_now_as_a_hypo_is(vriii, clock):
    """Review: the stop's line ranked on the list by its words alone ("doctor now"), where a hypo's
    is marked to be acted on now (ChartAlert.urgent) whatever its words."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 8.2)
    _stop(nurse, order)
    at = _at("2026-11-28T12:30+01:00")
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, "en",
                                ward="3B")
    assert [alert.urgent for alert in found.alerts if STOPPED_LINE in alert.said] == [True]


def test_the_printed_glucose_chart_says_a_stop_with_no_insulin_since(vriii, clock, tmp_path):
    """The bedside copy printed at 12:30, the syringe stopped at noon with no insulin since, said
    nothing of it (the tab, the list and the handover did), while the laptop was away."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 8.2)
    _stop(nurse, order)
    clock.now = _at("2026-11-28T12:30+01:00")
    assert STOPPED_LINE in pdf_text(printing.print_glucose_chart(nurse, patient, tmp_path / "glucose.pdf"))


@pytest.mark.parametrize("covered", [None, "glargine the night before", "NovoRapid with lunch"])
def test_the_doctors_stop_of_a_vriii_leaving_no_insulin_is_asked(vriii, session_for, clock, covered):
    """Review: the doctor's stop of the VRIII's order asked nothing, where JBDS-IP gives the basal,
    or a meal-time rapid-acting dose with a meal, before the VRIII is stopped. Not asked once a
    basal insulin given is still acting, or a subcutaneous dose was given in the 2 hours before."""
    nurse, patient, order = vriii
    doctor = session_for("doctor")
    if covered is not None:
        basal = covered.startswith("glargine")
        given = records.save_new(doctor, "medication_order", {
            **GLARGINE, "start_at": "2026-11-27T10:00+01:00"} if basal else {
            **GLARGINE, "drug": "NovoRapid", "frequency": "once", "start_at": "2026-11-28T11:30+01:00",
            "times": None}, patient_id=patient).record_id
        _glucose_then_given(nurse, clock, patient, given,
                            "2026-11-27T22:00+01:00" if basal else "2026-11-28T11:30+01:00")
    clock.now = _at("2026-11-28T11:50+01:00")
    stopped = records.history(doctor.db, order)[-1]
    asked = infusion_rates.order_stop_asked(doctor, stopped, {**stopped.data, "stop_at": "2026-11-28T12:00+01:00"})
    if covered is not None:
        assert asked is None
        return
    assert asked is not None and asked.startswith(
        "Actrapid 50 units in 50 mL: no subcutaneous insulin given, or ordered to be given, in the 2 hours before its "
        "stop at 28/11 12:00")
    assert "give the patient's basal insulin, or a meal-time rapid-acting insulin with a meal, before stopping" in asked
    assert infusion_rates.order_stop_asked(doctor, stopped, stopped.data) is None


@pytest.mark.parametrize("due, asked", [("2026-11-28T12:30+01:00", False), ("2026-11-28T13:30+01:00", True)])
def test_a_stop_written_ahead_with_the_insulin_to_follow_it_ordered_is_not_asked(vriii, session_for, clock, due,
                                                                                  asked):
    """Review: at 11:50 the doctor orders NovoRapid 6 units with lunch at 12:30 and stops the VRIII
    at 13:15, as JBDS-IP has it, and was asked "no subcutaneous insulin given in the 2 hours
    before its stop": only doses given counted. A dose ordered due after the stop covers nothing."""
    _, patient, order = vriii
    doctor = session_for("doctor")
    clock.now = _at("2026-11-28T11:50+01:00")
    records.save_new(doctor, "medication_order", {**GLARGINE, "drug": "NovoRapid", "dose": 6.0, "frequency": "once",
                                                  "start_at": due, "times": None}, patient_id=patient)
    stopped = records.history(doctor.db, order)[-1]
    said = infusion_rates.order_stop_asked(doctor, stopped, {**stopped.data, "stop_at": "2026-11-28T13:15+01:00"})
    assert (said is not None) is asked


@pytest.mark.parametrize("moved_to, asked", [("2026-11-28T14:00+01:00", False), ("2026-11-28T11:55+01:00", True)])
def test_a_vriiis_stop_is_asked_again_when_brought_forward_not_put_back(vriii, session_for, clock, moved_to, asked):
    """Review: a stop already at 12:00 put back to 14:00 (the patient not eating yet) was asked
    again, any change of it asked where a stop set or brought forward is (as
    services.medication reads an order's stop brought forward)."""
    *_, order = vriii
    doctor = session_for("doctor")
    clock.now = _at("2026-11-28T11:00+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data,
                                  "stop_at": "2026-11-28T12:00+01:00"}, "eating at lunch")
    clock.now = _at("2026-11-28T11:50+01:00")
    stopped = records.history(doctor.db, order)[-1]
    said = infusion_rates.order_stop_asked(doctor, stopped, {**stopped.data, "stop_at": moved_to})
    assert (said is not None) is asked

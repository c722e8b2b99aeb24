"""An insulin given is questioned on the glucose chart, the nurse confirming as for any warning:
its latest reading a hypo not rechecked, or no reading in the hour before (the day before for a
basal insulin). Any other medicine is not, nor a dose typed in afterwards from the paper chart.
A patient with insulin in force and no reading for 6 hours, none planned, is on the escalation
list and the handover sheet."""

from datetime import datetime

import pytest

from downtime.domain.glucose import BASAL_CHECKED_WITHIN, CHECKED_WITHIN, checked_within
from downtime.domain.medication import Check, insulin
from downtime.services import census, chart_alerts, glucose, infusion_rates, medication, records
from downtime.services.paper_doses import PaperDose, save_paper_doses

SLIDING = {"drug": "Insulin aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
           "times": "14:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True,
           "time_critical": True,
           "dose_rule": "under 8: none; 8-12: 2 units; 12-16: 4 units; over 16: 6 units"}
DOSE = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 4.0, "route": "SC", medication.DECIDED_ON: "capillary glucose 13.2"}
READ = {"timing": "before_lunch", "reading": "value", "glucose_unit": "mmol_l", "next_in": "240"}


def glucose_charted(session, patient: str, taken_at: str, value: float = 9.4, **more) -> None:
    """A capillary glucose of `value` mmol/L charted at `taken_at`: what a test giving insulin
    gives it on, as a ward does (services.glucose.before_insulin)."""
    records.save_new(session, "blood_glucose", {**READ, "taken_at": taken_at, "glucose": value, **more},
                     patient_id=patient)


@pytest.fixture
def sliding(session_for, medication_ward):
    """The sliding-scale insulin of `medication_ward`'s patient. Returns (nurse, patient, order id)."""
    patient = medication_ward[0]
    order = records.save_new(session_for("doctor"), "medication_order", SLIDING, patient_id=patient).record_id
    return session_for("nurse"), patient, order


def _glucose_warnings(nurse, order, **dose):
    return [warning for warning in medication.check_dose(nurse, order, {"order": order, **DOSE, **dose})
            if warning.check is Check.GLUCOSE]


def test_every_way_an_insulin_is_written_is_one():
    assert all(insulin(drug) for drug in ("Insulin aspart", "Lantus", "Insuline glargine", "Actrapid", "Umuline NPH",
                                          "Insuman Basal", "Insuman Rapid", "Semglee", "NovoMix 30", "Admelog",
                                          # a brand written against its number was no insulin
                                          "NovoMix30", "Mixtard30", "Insuman Comb25"))
    assert not any(insulin(drug) for drug in ("Paracetamol", "Metformin", "Gliclazide", "Ozempic"))


def test_insulin_given_after_a_hypo_not_rechecked_asks_the_nurse(session_for, sliding, clock):
    """2.9 at 13:50, a hypo not rechecked, and 4 units given at 14:00 on "capillary glucose 13.2"."""
    nurse, patient, order = sliding
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:50+01:00", "glucose": 2.9},
                     patient_id=patient)
    (warning,) = _glucose_warnings(nurse, order)
    assert warning.text("en") == ("Insulin aspart: the latest capillary glucose, 2.9 mmol/L at 28/11 13:50, is a hypo "
                                  "not rechecked since: treat it and recheck the glucose before giving insulin.")
    assert "2,9 mmol/L" in warning.text("fr")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, DOSE)
    saved = medication.record_dose(nurse, order, DOSE, overrides={Check.GLUCOSE: "Rechecked 13:58: 13.2, not charted yet"},
                                   witness=("doctor", "2222"))
    assert saved.data["overrides"] == [{"check": "glucose", "reason": "Rechecked 13:58: 13.2, not charted yet"}]


def test_insulin_given_on_a_reading_of_the_last_6_hours_not_a_hypo_asks_nothing(session_for, sliding, clock):
    nurse, patient, order = sliding
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:50+01:00", "glucose": 2.9},
                     patient_id=patient)
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:58+01:00", "glucose": 13.2,
                                              "timing": "recheck", "action": "Orange juice"}, patient_id=patient)
    assert _glucose_warnings(nurse, order) == []
    # Not given, nothing to question.
    assert _glucose_warnings(nurse, order, outcome="not_given", not_given_reason="held", dose_given=None) == []


def test_a_basal_insulin_asks_a_reading_in_the_day_any_other_in_the_hour():
    """Glargine is given whatever the glucose once a hypo is treated; a sliding scale and an
    infusion's rate are chosen on the reading just before."""
    assert all(checked_within(drug) == BASAL_CHECKED_WITHIN
               for drug in ("Insulin glargine", "Lantus", "Insuline détémir", "Tresiba", "Umuline NPH", "Insulatard",
                            "Humulin I", "Humulin N", "Insuman Basal", "Semglee"))
    assert all(checked_within(drug) == CHECKED_WITHIN
               for drug in ("Insulin aspart", "Novorapid", "Actrapid 50 units in 50 mL", "Humulin S", "Humulin M3",
                            "Insuman Rapid", "Insuman Comb 25", "NovoMix 30", "Ryzodeg 70/30", "Ryzodeg"))
    assert checked_within("Xultophy") == BASAL_CHECKED_WITHIN


def test_insulin_given_with_no_reading_in_the_hour_asks_the_nurse(session_for, sliding, clock):
    nurse, patient, order = sliding
    (none,) = _glucose_warnings(nurse, order)
    assert none.text("en") == ("Insulin aspart: no capillary glucose charted in the hour before 28/11 14:00: check "
                               "it before giving insulin.")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:00+01:00", "glucose": 9.2},
                     patient_id=patient)
    assert [warning.template for warning in _glucose_warnings(nurse, order)] == [none.template]
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:01+01:00", "glucose": 13.2},
                     patient_id=patient)
    assert _glucose_warnings(nurse, order) == []
    # A reading after the dose's time is not what it was decided on.
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T14:30+01:00", "glucose": 3.0},
                     patient_id=patient)
    assert _glucose_warnings(nurse, order) == []


def test_a_basal_insulin_asks_a_reading_in_the_day(session_for, medication_ward, clock):
    nurse, patient = session_for("nurse"), medication_ward[0]
    glargine = records.save_new(session_for("doctor"), "medication_order", {
        **{key: SLIDING[key] for key in ("dose_unit", "route", "frequency", "controlled", "high_alert", "time_critical")},
        "drug": "Insulin glargine", "dose": 18.0, "times": "14:00", "start_at": "2026-11-27T10:00+01:00"},
        patient_id=patient).record_id
    given = {"dose_given": 18.0, medication.DECIDED_ON: None}
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-27T14:00+01:00", "glucose": 7.2},
                     patient_id=patient)
    (none,) = _glucose_warnings(nurse, glargine, **given)
    assert none.text("en") == ("Insulin glargine: no capillary glucose charted in the 24 hours before 28/11 14:00: "
                               "check it before giving insulin.")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T07:30+01:00", "glucose": 8.1},
                     patient_id=patient)
    assert _glucose_warnings(nurse, glargine, **given) == []


def test_a_dose_typed_in_from_the_paper_chart_is_not_questioned(session_for, sliding, clock):
    """Given at 14:00 on paper, typed in at 18:00: it cannot be checked before giving any more, and
    that afternoon's glucose chart is on paper too, typed in after it or not."""
    nurse, patient, order = sliding
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    at = datetime.fromisoformat(DOSE["given_at"])
    (saved,) = save_paper_doses(nurse, {1: PaperDose(order, at, True, at, dose=4.0, route="SC", given_by="nurse",
                                                     decided_on="capillary glucose 13.2")})
    assert "overrides" not in saved.data
    assert _glucose_warnings(nurse, order, **{medication.TRANSCRIBED: True}) == []


def test_another_medicine_is_not_questioned_on_the_glucose_chart(session_for, medication_ward):
    nurse = session_for("nurse")
    patient, amoxicillin, _ = medication_ward
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:50+01:00", "glucose": 2.9},
                     patient_id=patient)
    assert [warning for warning in medication.check_dose(nurse, amoxicillin, {
        "order": amoxicillin, **DOSE, "dose_given": 1.0, "route": "IV"}) if warning.check is Check.GLUCOSE] == []


def _glucose_alerts(nurse, at: str) -> tuple[chart_alerts.ChartAlerts, list[tuple[str, list[str]]]]:
    moment = datetime.fromisoformat(at)
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", moment), moment,
                                "en", ward="3B")
    return found, [(alert.latest, alert.said) for alert in found.alerts if alert.form_id == glucose.FORM]


def test_a_patient_on_insulin_with_no_glucose_for_6_hours_is_asked_one(session_for, sliding):
    """The sliding scale written at 10:00 and nothing charted: on no list all day. From 16:00 the
    escalation list and the handover ask a reading; the list is read again then."""
    nurse, patient, _ = sliding
    found, said = _glucose_alerts(nurse, "2026-11-28T15:59+01:00")
    assert said == [] and found.next_due == datetime.fromisoformat("2026-11-28T16:00+01:00")
    asked = "ON INSULIN, NO GLUCOSE since 28/11 10:00: check it"
    assert _glucose_alerts(nurse, "2026-11-28T16:00+01:00")[1] == [("no reading charted", [asked])]
    assert glucose.handover(nurse.db, [patient], datetime.fromisoformat("2026-11-28T16:00+01:00"), "en") == {
        patient: asked}
    assert glucose.handover(nurse.db, [patient], datetime.fromisoformat("2026-11-28T16:00+01:00"), "fr") == {
        patient: "SOUS INSULINE, PAS DE GLYCÉMIE depuis le 28/11 10:00 : la contrôler"}


def test_a_reading_planning_none_asks_again_6_hours_on_one_planning_the_next_as_planned(session_for, sliding, clock):
    nurse, patient, _ = sliding
    glucose_charted(nurse, patient, "2026-11-28T11:00+01:00", 7.1, next_in="none")
    assert _glucose_alerts(nurse, "2026-11-28T16:59+01:00")[1] == []
    assert _glucose_alerts(nurse, "2026-11-28T17:00+01:00")[1] == [
        ("7.1 mmol/L 28/11 11:00", ["ON INSULIN, NO GLUCOSE since 28/11 11:00: check it"])]
    clock.now = datetime.fromisoformat("2026-11-28T17:10+01:00")
    glucose_charted(nurse, patient, "2026-11-28T17:05+01:00", 8.0, next_in="720")
    assert _glucose_alerts(nurse, "2026-11-29T05:04+01:00")[1] == []


def test_a_patient_on_no_insulin_is_not_asked_a_glucose(session_for, medication_ward):
    assert _glucose_alerts(session_for("nurse"), "2026-11-29T16:00+01:00")[1] == []


@pytest.mark.parametrize("unit,charted,typed", [
    ("mmol_l", 5.1, "capillary glucose 15.1"),
    ("g_l", 0.92, "1.92"),
    ("mmol_l", 5.1, "5.1 g/L"),
])
def test_a_measured_value_not_the_charts_latest_asks_the_nurse(session_for, sliding, unit, charted, typed):
    """R2 #2: 5.1 charted at 13:55, the rule giving no insulin, and 4 units given at 14:00 on a
    "15.1" typed in the dose (another patient's, or a slip): nothing was asked, the chart and
    the dose each saying another glucose."""
    nurse, patient, order = sliding
    glucose_charted(nurse, patient, "2026-11-28T13:55+01:00", charted, glucose_unit=unit)
    (warning,) = _glucose_warnings(nurse, order, **{medication.DECIDED_ON: typed})
    assert warning.text("en").startswith(f"Insulin aspart: the measured value “{typed}” differs from the latest "
                                         "charted capillary glucose, ")
    assert "28/11 13:55" in warning.text("en")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, {**DOSE, medication.DECIDED_ON: typed}, witness=("doctor", "2222"))


@pytest.mark.parametrize("unit,charted,typed", [
    ("mmol_l", 13.2, "capillary glucose 13.2"), ("mmol_l", 13.2, "BM 13,2 mmol/L"), ("g_l", 2.38, "2,38"),
    ("g_l", 2.38, "238 mg/dL"), ("mmol_l", 13.2, "see the chart"),
])
def test_a_measured_value_the_charts_latest_asks_nothing(session_for, sliding, unit, charted, typed):
    nurse, patient, order = sliding
    glucose_charted(nurse, patient, "2026-11-28T13:55+01:00", charted, glucose_unit=unit)
    assert _glucose_warnings(nurse, order, **{medication.DECIDED_ON: typed}) == []


VRIII = {"drug": "Actrapid 50 units in 50 mL", "dose": 50.0, "dose_unit": "units", "route": "IV", "form": "infusion",
         "rate_ml_h": 2.0, "dose_rule": "rate by the VRIII scale on the hourly capillary glucose",
         "frequency": "once", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": True,
         "time_critical": True}
INFUSING = {"en": "INSULIN INFUSION RUNNING (Actrapid 50 units in 50 mL at 2 mL/h): review its rate as the VRIII "
                  "protocol says; tell the doctor now",
            "fr": "PERFUSION D’INSULINE EN COURS (Actrapid 50 units in 50 mL à 2 mL/h) : revoir son débit selon le "
                  "protocole ; prévenir le médecin immédiatement"}


def vriii_put_up(session_for, clock, patient: str) -> str:
    """`VRIII` ordered for `patient` and its syringe put up at 08:00 at 2 mL/h (the doctor's second
    check); the clock back where it was. Returns the order id."""
    order = records.save_new(session_for("doctor"), "medication_order", VRIII, patient_id=patient).record_id
    now, clock.now = clock.now, datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(session_for("nurse"), order, {
        "outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 2.0, medication.DECIDED_ON: "capillary glucose 14.0"},
        witness=("doctor", "2222"), overrides={check: "VRIII started" for check in Check})
    clock.now = now
    return order


def _rate_changed(session_for, clock, order: str, at: str, **change) -> None:
    now, clock.now = clock.now, datetime.fromisoformat(at)
    infusion_rates.change_rate(session_for("nurse"), order, {"changed_at": at, **change},
                               witness=("doctor", "2222") if change.get("change") == "rate" else None,
                               overrides={check: "as the VRIII protocol says" for check in Check})
    clock.now = now


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_hypo_on_an_insulin_infusion_says_it_runs_and_asks_the_doctor_now(session_for, medication_ward, clock, lang):
    """R2 #3: 3.1 mmol/L at 13:50 with a VRIII at 2 mL/h read as any hypo on the chart, the
    escalation list and the handover: nothing of the insulin running into it (JBDS-IP)."""
    patient = medication_ward[0]
    vriii_put_up(session_for, clock, patient)
    nurse = session_for("nurse")
    glucose_charted(nurse, patient, "2026-11-28T13:50+01:00", 3.1, timing="night", next_in="60")
    at = nurse.clock()
    insulins = glucose.insulins_of_each(nurse.db, [patient], at)[patient]
    assert glucose.asking(glucose.chart(nurse.db, patient), at, lang, insulins)[1] == INFUSING[lang]
    assert INFUSING[lang] in glucose.handover(nurse.db, [patient], at, lang)[patient]
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, lang,
                                ward="3B").alerts
    assert INFUSING[lang] in next(alert for alert in found if alert.form_id == glucose.FORM).said


@pytest.mark.parametrize("change, said", [
    # Stopped at 12:30 (eating, back on injections), or paused: no pump runs into the hypo.
    ({"change": "stopped"}, None), ({"change": "paused", "reason": "glucose 4.1"}, None),
    # Slowed on the hourly glucose: the rate the pump runs at, not the one first prescribed.
    ({"change": "rate", "rate_ml_h": 0.5, "reason": "glucose 5.2"}, "Actrapid 50 units in 50 mL at 0.5 mL/h"),
])
def test_a_hypo_says_the_insulin_infusion_as_it_runs_when_taken(session_for, medication_ward, clock, change, said):
    """The syringe stopped at 12:30 was said running at 13:50 "at 2 mL/h", the doctor called for a
    pump that was off; one slowed to 0.5 mL/h was said at the 2 mL/h first prescribed."""
    patient = medication_ward[0]
    order = vriii_put_up(session_for, clock, patient)
    _rate_changed(session_for, clock, order, "2026-11-28T12:30+01:00", **change)
    nurse = session_for("nurse")
    glucose_charted(nurse, patient, "2026-11-28T13:50+01:00", 3.1, timing="night", next_in="60")
    at = nurse.clock()
    insulins = glucose.insulins_of_each(nurse.db, [patient], at)[patient]
    running = [line for line in glucose.asking(glucose.chart(nurse.db, patient), at, "en", insulins)
               if line.startswith("INSULIN INFUSION RUNNING")]
    assert running == ([] if said is None else [f"INSULIN INFUSION RUNNING ({said}): review its rate as the VRIII "
                                                "protocol says; tell the doctor now"])
    assert ("INSULIN INFUSION RUNNING" in glucose.handover(nurse.db, [patient], at, "en")[patient]) is (said is not None)


def test_an_insulin_infusion_ordered_and_no_syringe_put_up_is_not_said_running(session_for, medication_ward):
    patient = medication_ward[0]
    records.save_new(session_for("doctor"), "medication_order", VRIII, patient_id=patient)
    nurse = session_for("nurse")
    glucose_charted(nurse, patient, "2026-11-28T13:50+01:00", 3.1, timing="night", next_in="60")
    at = nurse.clock()
    insulins = glucose.insulins_of_each(nurse.db, [patient], at)[patient]
    assert not any("INFUSION" in line for line in glucose.asking(glucose.chart(nurse.db, patient), at, "en", insulins))


def test_a_reading_not_a_hypo_on_an_infusion_or_a_hypo_on_injections_says_no_infusion(session_for, sliding):
    nurse, patient, _ = sliding  # sliding-scale injections, no infusion
    records.save_new(session_for("doctor"), "medication_order", {**VRIII, "start_at": "2026-11-28T13:55+01:00"},
                     patient_id=patient)
    glucose_charted(nurse, patient, "2026-11-28T13:50+01:00", 3.1, timing="night", next_in="60")
    at = nurse.clock()
    insulins = glucose.insulins_of_each(nurse.db, [patient], at)[patient]
    assert not any("INFUSION" in line for line in glucose.asking(glucose.chart(nurse.db, patient), at, "en", insulins))
    glucose_charted(nurse, patient, "2026-11-28T13:58+01:00", 6.2, timing="night", next_in="60",
                    action="Orange juice")
    assert glucose.asking(glucose.chart(nurse.db, patient), at, "en", insulins) == []


def test_every_way_a_sulfonylurea_is_written_is_one():
    from downtime.domain.glucose import sulfonylurea

    assert all(sulfonylurea(drug) for drug in ("Gliclazide 80 mg", "Diamicron 30 mg LM", "Hémi-Daonil", "Glibenclamide",
                                               "Glyburide", "Glimépiride", "Amarel 2 mg", "Glipizide", "Ozidia",
                                               "Glucovance 500 mg/5 mg", "Tolbutamide"))
    assert not any(sulfonylurea(drug) for drug in ("Metformin", "Glucophage", "Insulin aspart", "Sitagliptin",
                                                   "Gliadel", "Glucose 5%"))


def _sulfonylurea(session_for, patient: str, drug: str) -> str:
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": 80.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "14:00",
        "start_at": "2026-11-28T07:00+01:00", "controlled": False, "high_alert": False, "time_critical": False},
        patient_id=patient).record_id


@pytest.mark.parametrize("drug", ["Gliclazide", "Diamicron 30 mg LM", "Glucovance 500 mg/5 mg"])
def test_a_sulfonylurea_given_on_a_hypo_not_rechecked_asks_the_nurse(session_for, medication_ward, clock, drug):
    """R5 #3: a type 2 on gliclazide, 2.9 mmol/L at 13:50 not rechecked, the 14:00 tablet given:
    insulin would have been asked, the sulfonylurea was not (its hypo lasts and comes back)."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    order = _sulfonylurea(session_for, patient, drug)
    glucose_charted(nurse, patient, "2026-11-28T13:50+01:00", 2.9)
    (warning,) = _glucose_warnings(nurse, order, dose_given=80.0, route="PO", **{medication.DECIDED_ON: None})
    assert warning.text("en") == (f"{drug}: the latest capillary glucose, 2.9 mmol/L at 28/11 13:50, is a hypo not "
                                  "rechecked since: treat it, recheck the glucose and tell the prescriber before "
                                  "giving it (a sulfonylurea's hypo lasts and comes back).")


def test_a_sulfonylurea_is_not_asked_a_reading_in_the_hour(session_for, medication_ward, clock):
    """A tablet is not chosen on the hour's reading as a sliding scale is: no reading at all asks
    nothing, and a hypo rechecked since asks only that the prescriber be told (it comes back:
    tests/test_sulfonylurea_after_a_hypo.py)."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    order = _sulfonylurea(session_for, patient, "Gliclazide 80 mg")
    given = {"dose_given": 80.0, "route": "PO", medication.DECIDED_ON: None}
    assert _glucose_warnings(nurse, order, **given) == []
    glucose_charted(nurse, patient, "2026-11-28T09:50+01:00", 2.9)
    glucose_charted(nurse, patient, "2026-11-28T10:05+01:00", 6.4, timing="recheck", action="Orange juice")
    assert [w.template for w in _glucose_warnings(nurse, order, **given)] == [glucose.AFTER_A_HYPO]


@pytest.mark.parametrize("shown, typed, asked", [
    ("hi", "capillary glucose 5.1", True), ("hi", "0.92 g/L", True), ("hi", "27.8", True),
    ("hi", "HI", False), ("hi", "capillary glucose 29.0", False), ("hi", "540 mg/dL", False),
    ("lo", "capillary glucose 5.1", True), ("lo", "LO", False), ("lo", "1.0", False),
])
def test_a_measured_value_against_a_meters_hi_or_lo_is_weighed_by_its_bound(session_for, sliding, shown, typed, asked):
    """R5 #4: the chart showing HI (above 27.8 mmol/L whatever the meter) at 13:55, the sliding
    scale given at 14:00 on a "5.1" typed, the rule giving none: only a value typed against a
    number was questioned. A value beyond the meter's bound, or none, is the chart's."""
    nurse, patient, _ = sliding
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:55+01:00", "reading": shown,
                                              "ketones": 0.4}, patient_id=patient)
    assert glucose.measured_differs(glucose.chart(nurse.db, patient)[-1], typed) is asked


def test_a_value_typed_while_the_chart_shows_hi_asks_the_nurse(session_for, sliding, clock):
    nurse, patient, order = sliding
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:55+01:00", "reading": "hi",
                                              "ketones": 0.4}, patient_id=patient)
    (warning,) = _glucose_warnings(nurse, order, dose_given=0.0, **{medication.DECIDED_ON: "capillary glucose 5.1"})
    assert warning.text("en") == (
        "Insulin aspart: the measured value “capillary glucose 5.1” differs from the latest charted capillary glucose, "
        "HI at 28/11 13:55: check which is the patient's before giving insulin by its rule.")


def _printed(nurse, patient: str, out) -> str:
    from pypdf import PdfReader

    from downtime.services import printing

    return " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(printing.print_glucose_chart(nurse, patient, out)).pages)


def test_the_printed_chart_says_a_hypo_into_an_insulin_infusion_and_its_protocol(session_for, medication_ward, clock,
                                                                                 tmp_path):
    """R5 #5: the tab, the list and the handover said INSULIN INFUSION RUNNING for 3.1 at 13:50 on
    a VRIII; the bedside chart printed while the laptop was elsewhere said the ordinary hypo line,
    and its protocol box nothing of a hypo written by hand on an infusion."""
    patient = medication_ward[0]
    vriii_put_up(session_for, clock, patient)
    nurse = session_for("nurse")
    glucose_charted(nurse, patient, "2026-11-28T13:50+01:00", 3.1, timing="night", next_in="60")
    text = _printed(nurse, patient, tmp_path / "g.pdf")
    assert INFUSING["en"] in text
    assert ("A hypo on an insulin infusion (VRIII): review its rate as the VRIII protocol says; tell the doctor now"
            in text)


def test_the_printed_chart_says_a_patient_on_insulin_has_no_glucose(session_for, sliding, clock, tmp_path):
    nurse, patient, _ = sliding
    clock.now = datetime.fromisoformat("2026-11-28T16:30+01:00")
    assert "ON INSULIN, NO GLUCOSE since 28/11 10:00: check it" in _printed(nurse, patient, tmp_path / "g.pdf")
    glucose_charted(nurse, patient, "2026-11-28T16:20+01:00", 7.1, next_in="240")
    assert "ON INSULIN, NO GLUCOSE" not in _printed(nurse, patient, tmp_path / "again.pdf")

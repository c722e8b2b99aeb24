"""The fluid balance chart, from review 6: no urine at all in an unweighed patient is told as any
low output is, and their urine is asked to be judged per kilogram once weighed; a subcutaneous
infusion given on the medication chart counts on the fluid chart, a subcutaneous injection does
not; a bag typed by hand at the hour it went up is the dose recorded given a few minutes later."""

from datetime import date, datetime, timedelta, timezone

from pypdf import PdfReader

from downtime.domain.fluid_balance import Measure, urine_output
from downtime.services import census, chart_alerts, fluid_balance, medication, printing, records, wards

PARIS = timezone(timedelta(hours=1))
PLAN = {"decided_at": "2026-11-28T09:30+01:00", "kind": "restriction", "volume": 1500, "decided_by": "Dr Benali",
        "notes": "Heart failure"}
NO_URINE = ("NO URINE: 0 mL in 6 hours since 28/11 07:30, each hour measured: tell the doctor, check the catheter "
            "is not blocked")


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 28, hour, minute, tzinfo=PARIS)


def _handed_over(nurse, patient, lang="en"):
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    return fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), lang).get(patient) or ""


def _escalated(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B")


def _unweighed(session_for, admission_values, hourly_ml):
    """A patient admitted at 06:00 with no weight, their catheter bag read at half past each hour
    from 08:00 to 14:00 (`hourly_ml` each time); the clock at 14:00."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    values = {key: value for key, value in admission_values.items() if key != "weight_kg"}
    patient = records.save_new(nurse, "admission", {**values, "arrival_at": "2026-11-28T06:00+01:00"}).patient_id
    for hour in range(8, 14):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00",
                                                  "route": "out_urine", "volume": hourly_ml}, patient_id=patient)
    return nurse, patient


def test_no_urine_in_six_measured_hours_calls_the_doctor_without_a_weight_and_with_one():
    empty = [Measure(_at(hour, 30), "out_urine", 0) for hour in range(8, 14)]
    unweighed = urine_output(empty, None, _at(14, 20))
    assert (unweighed.volume, unweighed.weight_kg, unweighed.per_kg_hour, unweighed.anuric, unweighed.low) == (
        0, None, None, True, True)
    assert urine_output(empty, 0.0, _at(14, 20)).weight_kg is None  # no weight to divide by
    assert urine_output(empty, 80.0, _at(14, 20)).anuric
    assert urine_output(empty[1:], None, _at(14, 20)) is None  # five hours read: nothing to judge yet
    some = urine_output([*empty, Measure(_at(9, 45), "out_urine", 5)], None, _at(14, 20))
    assert (some.anuric, some.low) == (False, False)  # unweighed: not judged per kilogram
    assert fluid_balance.urine_words(urine_output(empty, 80.0, _at(14, 20)), "en") == NO_URINE
    assert fluid_balance.urine_words(unweighed, "fr") == (
        "ANURIE : 0 mL en 6 heures depuis 28/11 07:30, chaque heure mesurée : prévenir le médecin, vérifier que la "
        "sonde n’est pas bouchée")


def test_no_urine_at_all_for_six_hours_is_said_of_a_patient_never_weighed(session_for, admission_values, tmp_path):
    """The admission's weight is optional (an unconscious patient, no hoist scale): a catheter bag
    empty six hours running asked nothing anywhere, the per-kg rule having no weight to divide by."""
    nurse, patient = _unweighed(session_for, admission_values, 0)
    found = _escalated(nurse)
    assert [(alert.form_id, alert.latest, alert.said) for alert in found.alerts] == [
        ("fluid_balance", "Urine 0 mL in 6 hours since 28/11 07:30", [NO_URINE])]
    assert found.next_due.isoformat() == "2026-11-28T15:30:00+01:00"  # the 14:30 reading an hour late
    assert _handed_over(nurse, patient).endswith(NO_URINE)
    assert _handed_over(nurse, patient, "fr").endswith("vérifier que la sonde n’est pas bouchée")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages)
    assert NO_URINE in text


def test_the_urine_of_a_patient_never_weighed_asks_to_weigh_them_not_the_escalation_list(session_for,
                                                                                         admission_values):
    nurse, patient = _unweighed(session_for, admission_values, 30)
    said = ("Urine 180 mL in 6 hours since 28/11 07:30: no weight this stay, weigh the patient to judge the urine "
            "output per kg")
    assert _handed_over(nurse, patient).endswith(said)
    assert _handed_over(nurse, patient, "fr").endswith(
        "Urines 180 mL en 6 heures depuis 28/11 07:30 : aucun poids pendant ce séjour, peser le patient pour juger "
        "la diurèse par kg")
    found = _escalated(nurse)
    assert [alert for alert in found.alerts if alert.form_id == "fluid_balance"] == []
    assert found.next_due.isoformat() == "2026-11-28T15:30:00+01:00"  # the 14:30 reading an hour late
    records.save_new(nurse, "nutrition_screening", {
        "screened_at": "2026-11-28T13:45+01:00", "weight_kg": 70.0, "height_cm": 158, "weight_loss": "under_5",
        "acute_no_intake": False}, patient_id=patient)
    assert _handed_over(nurse, patient).endswith(  # weighed, it is judged: low
        "LOW URINE OUTPUT: 180 mL in 6 hours since 28/11 07:30 (0.42 mL/kg/h for 70 kg, below 0.5): tell the doctor")


LOW_UNWEIGHED = ("LOW URINE OUTPUT: 30 mL in 6 hours since 28/11 07:30 (below 0.5 mL/kg/h even at 25 kg, the "
                 "lightest for the age; no weight this stay): tell the doctor, weigh the patient")


def test_urine_low_at_the_lightest_weight_for_the_age_is_low_without_a_weight():
    """Not weighed, 5 mL an hour is below 0.5 mL/kg/h at any weight an adult may have: judged
    against the lightest the age allows; 30 mL an hour is not (1.2 mL/kg/h at 25 kg)."""
    trickle = [Measure(_at(hour, 30), "out_urine", 5) for hour in range(8, 14)]
    low = urine_output(trickle, None, _at(14, 20), lightest_kg=25.0)
    assert (low.volume, low.weight_kg, low.anuric, low.low_at_any_weight, low.low) == (30, None, False, True, True)
    assert fluid_balance.urine_words(low, "en") == LOW_UNWEIGHED
    assert not urine_output(trickle, None, _at(14, 20)).low  # no lightest weight known (a newborn's)
    assert not urine_output(trickle, 80.0, _at(14, 20), lightest_kg=25.0).low_at_any_weight  # weighed: per kg
    steady = [Measure(_at(hour, 30), "out_urine", 30) for hour in range(8, 14)]
    assert not urine_output(steady, None, _at(14, 20), lightest_kg=25.0).low


def test_an_adult_never_weighed_with_5_ml_an_hour_is_told_to_the_doctor(session_for, admission_values, tmp_path):
    """A 72-year-old admitted with no weight, 5 mL in her catheter bag each hour for 6 hours:
    the escalation list said nothing, the handover only to weigh her."""
    nurse, patient = _unweighed(session_for, admission_values, 5)
    found = _escalated(nurse)
    assert [(alert.form_id, alert.latest, alert.said) for alert in found.alerts] == [
        ("fluid_balance", "Urine 30 mL in 6 hours since 28/11 07:30", [LOW_UNWEIGHED])]
    assert _handed_over(nurse, patient).endswith(LOW_UNWEIGHED)
    assert _handed_over(nurse, patient, "fr").endswith(
        "DIURÈSE BASSE : 30 mL en 6 heures depuis 28/11 07:30 (moins de 0,5 mL/kg/h même à 25 kg, le poids le plus "
        "faible pour l’âge ; aucun poids pendant ce séjour) : prévenir le médecin, peser le patient")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages)
    assert LOW_UNWEIGHED in text


def test_a_child_never_weighed_is_judged_at_the_lightest_weight_for_their_age(session_for, admit_to_paediatrics):
    """A 3-year-old weighs 7 kg at the least: 20 mL in 6 hours (0.48 mL/kg/h at 7 kg) is low;
    a baby of a month, who may weigh anything, is judged by an empty bag alone."""
    nurse = session_for("nurse")
    child = admit_to_paediatrics("3", "2023-06-01", None, "Lucas")
    baby = admit_to_paediatrics("4", "2026-10-20", None, "Jade")
    for patient in (child, baby):
        for hour in range(8, 14):
            records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00",
                                                      "route": "out_urine", "volume": 20 if hour == 8 else 0},
                             patient_id=patient)
    patients = [census.patient_with_location(nurse.db, nurse.forms, one) for one in (child, baby)]
    found = fluid_balance.urine_outputs(nurse.db, nurse.forms, patients, nurse.clock())
    assert (found[child].lightest_kg, found[child].low, found[baby].lightest_kg, found[baby].low) == (
        7.0, True, None, False)


def _order_and_give(session_for, patient, drug, dose, unit, route, given_at="2026-11-28T10:05+01:00", *,
                    high_alert=False, **strength):
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": unit, "route": route, "frequency": "scheduled", "times": "10:00",
        "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": high_alert, **strength},
        patient_id=patient)
    medication.record_dose(session_for("nurse"), order.record_id, {
        "outcome": "given", "given_at": given_at, "dose_given": dose, "route": route,
        "scheduled_for": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222") if high_alert else None)


def test_subcutaneous_fluids_given_on_the_medication_chart_count_on_the_fluid_chart(session_for, medication_ward):
    """500 mL of sodium chloride 0.9 % by subcutaneous infusion (hypodermoclysis) given on the
    medication chart: 1200 mL drunk and 500 mL run of 1500 allowed read "300 mL left". An
    injection under the skin is no fluid: enoxaparin 40 mg, nor hyoscine butylbromide written as
    its 1 mL."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    _order_and_give(session_for, patient, "Sodium chloride 0.9 %", 500.0, "mL", "SC")
    _order_and_give(session_for, patient, "Enoxaparin", 40.0, "mg", "SC", high_alert=True)
    _order_and_give(session_for, patient, "Hyoscine butylbromide", 1.0, "mL", "SC", strength_mg=20.0, strength_ml=1.0)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:30+01:00", "route": "in_oral",
                                              "volume": 1200}, patient_id=patient)
    waiting = fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))
    assert [one.text("en") for one in waiting] == ["10:05 Sodium chloride 0.9 % 500 mL"]
    assert {key: waiting[0].answers()[key] for key in ("route", "volume")} == {"route": "in_other", "volume": 500}
    exceeded = fluid_balance.restrictions_exceeded(nurse.db, [patient], nurse.clock(), "en")[patient]
    assert exceeded.said == [("OVER THE FLUID RESTRICTION: 1200 mL in (+500 mL given on the medication chart, not "
                              "on this chart), 1500 mL allowed: tell the doctor")]
    # Typed by hand as "In: other" once run through, it is that infusion: counted once.
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T14:00+01:00", "route": "in_other",
                                              "volume": 500}, patient_id=patient)
    assert fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28)) == []


def test_an_iv_bag_typed_by_hand_at_the_time_it_was_hung_is_counted_once(session_for, medication_ward):
    """The litre given on the medication chart at 10:05, typed by hand on the fluid chart at 10:00
    (the hour it went up): 1000 + 300 mL of 1500 allowed, nothing asked."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    _order_and_give(session_for, patient, "Sodium chloride 0.9 %", 1000.0, "mL", "IV")
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T10:00+01:00", "route": "in_iv",
                                              "volume": 1000, "what": "Sodium chloride 0.9 %"}, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:30+01:00", "route": "in_oral",
                                              "volume": 300}, patient_id=patient)
    assert fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28)) == []
    assert fluid_balance.restrictions_exceeded(nurse.db, [patient], nurse.clock(), "en") == {}
    assert [alert for alert in _escalated(nurse).alerts if alert.form_id == "fluid_balance"] == []


def test_a_bag_typed_by_hand_is_its_dose_from_an_hour_before_its_giving_or_from_its_slot(session_for,
                                                                                        medication_ward):
    """A volume typed more than an hour before the dose was recorded given, and before its slot,
    is another bag (the one before it, say); typed at the slot of a dose given late, it is that
    dose."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    _order_and_give(session_for, patient, "Sodium chloride 0.9 %", 1000.0, "mL", "IV")  # 10:00 slot, given 10:05
    _order_and_give(session_for, patient, "Glucose 5 %", 500.0, "mL", "IV", "2026-11-28T12:30+01:00")  # slot 10:00

    def waiting() -> list[str]:
        return [one.text("en") for one in fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))]

    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T09:00+01:00", "route": "in_iv",
                                              "volume": 1000}, patient_id=patient)
    assert waiting() == ["10:05 Sodium chloride 0.9 % 1000 mL", "12:30 Glucose 5 % 500 mL"]
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T09:05+01:00", "route": "in_iv",
                                              "volume": 1000}, patient_id=patient)
    assert waiting() == ["12:30 Glucose 5 % 500 mL"]
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T10:00+01:00", "route": "in_iv",
                                              "volume": 500}, patient_id=patient)
    assert waiting() == []


def test_an_empty_bag_each_hour_with_urine_bypassing_into_a_pad_still_calls_to_check_the_catheter(
        session_for, admission_values, tmp_path):
    """A blocked catheter: its bag empty each hour, the urine leaking round it into the pad,
    charted "not measured: small". The pad made the 6 hours unjudged: the handover, the tab and the
    escalation list said nothing of six empty bags, the very sign the call to check the catheter
    is for."""
    nurse, patient = _unweighed(session_for, admission_values, 0)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T11:10+01:00", "route": "out_urine",
                                              "not_measured": "small", "what": "Pad wet"}, patient_id=patient)
    said = ("NO URINE IN THE BAG: 0 mL in 6 hours since 28/11 07:30, each hour measured, and urine passed not "
            "measured (+) in those hours: check the catheter is not blocked (bypassing), tell the doctor")
    assert _handed_over(nurse, patient).endswith(said)
    assert _handed_over(nurse, patient, "fr").endswith(
        "AUCUNE URINE DANS LA POCHE : 0 mL en 6 heures depuis 28/11 07:30, chaque heure mesurée, et des urines non "
        "mesurées (+) pendant ces heures : vérifier que la sonde n’est pas bouchée (fuite autour de la sonde), "
        "prévenir le médecin")
    assert [(alert.form_id, alert.said) for alert in _escalated(nurse).alerts] == [("fluid_balance", [said])]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages)
    assert said in text


def test_an_unidentified_patient_is_judged_at_an_adults_lightest_said_so_not_the_lightest_for_the_age(
        session_for, admission_values):
    """A man no one can name, no birth date, no weight, 5 mL in the bag each hour: the doctor was
    told "even at 25 kg, the lightest for the age" of a patient whose age nobody knows (he may be a
    child). Still told, at an adult's lightest, the age said not known."""
    from tests.conftest import unknown_man

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    values = {key: value for key, value in unknown_man(admission_values).items() if key != "weight_kg"}
    patient = records.save_new(nurse, "admission", {**values, "arrival_at": "2026-11-28T06:00+01:00"}).patient_id
    for hour in range(8, 14):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00",
                                                  "route": "out_urine", "volume": 5}, patient_id=patient)
    said = ("LOW URINE OUTPUT: 30 mL in 6 hours since 28/11 07:30 (below 0.5 mL/kg/h even at 25 kg, an adult's "
            "lightest, the age not known; no weight this stay): tell the doctor, weigh the patient")
    assert _handed_over(nurse, patient).endswith(said)
    assert _handed_over(nurse, patient, "fr").endswith(
        "DIURÈSE BASSE : 30 mL en 6 heures depuis 28/11 07:30 (moins de 0,5 mL/kg/h même à 25 kg, le poids adulte le "
        "plus faible, âge inconnu ; aucun poids pendant ce séjour) : prévenir le médecin, peser le patient")
    assert [(alert.form_id, alert.said) for alert in _escalated(nurse).alerts] == [("fluid_balance", [said])]

"""An insulin given is questioned on the glucose chart, the nurse confirming as for any warning:
its latest reading a hypo not rechecked, or no reading in the hour before (the day before for a
basal insulin). Any other medicine is not, nor a dose typed in afterwards from the paper chart.
A patient with insulin in force and no reading for 6 hours, none planned, is on the escalation
list and the handover sheet."""

from datetime import datetime

import pytest

from downtime.domain.glucose import BASAL_CHECKED_WITHIN, CHECKED_WITHIN, checked_within
from downtime.domain.medication import Check, insulin
from downtime.services import census, chart_alerts, glucose, medication, records
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
                                          "Insuman Basal", "Insuman Rapid", "Semglee", "NovoMix 30", "Admelog"))
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
                                              "timing": "recheck"}, patient_id=patient)
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
                            "Insuman Rapid", "Insuman Comb 25", "NovoMix 30"))


def test_insulin_given_with_no_reading_in_the_hour_asks_the_nurse(session_for, sliding, clock):
    nurse, patient, order = sliding
    (none,) = _glucose_warnings(nurse, order)
    assert none.text("en") == ("Insulin aspart: no capillary glucose charted in the hour before 28/11 14:00: check "
                               "it before giving insulin.")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:00+01:00", "glucose": 9.2},
                     patient_id=patient)
    assert [warning.template for warning in _glucose_warnings(nurse, order)] == [none.template]
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T13:01+01:00", "glucose": 9.4},
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

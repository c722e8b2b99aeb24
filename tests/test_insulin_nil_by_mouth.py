"""An insulin's dose while the patient is nil by mouth (JBDS-IP): a mealtime or correction insulin
is left out with the meal, recorded "F — nil by mouth"; a basal (or premixed) one is continued,
and one not given for any reason is questioned, the prescriber to be told (review R5)."""

from datetime import datetime

import pytest

from downtime.domain.medication import (Check, Frequency, NotGivenReason, Order, Outcome, mealtime_insulin,
                                        reason_offered, safety_warnings)
from downtime.services import medication, records
from downtime.services.errors import ValidationFailed

ORDER = {"route": "SC", "dose_unit": "units", "frequency": "scheduled", "controlled": False, "high_alert": True,
         "time_critical": True, "times": "12:00", "start_at": "2026-11-28T07:00+01:00"}
NOON = "2026-11-28T12:00+01:00"
FASTING = {"outcome": "not_given", "not_given_reason": "nil_by_mouth", "scheduled_for": NOON, "given_at": NOON}


def _insulin(session_for, patient, drug, dose=6.0):
    return records.save_new(session_for("doctor"), "medication_order", {**ORDER, "drug": drug, "dose": dose},
                            patient_id=patient).record_id


@pytest.mark.parametrize("drug, rate, offered", [
    ("Insulin aspart", None, True), ("Novorapid", None, True), ("Humalog", None, True), ("Actrapid", None, True),
    ("Insulin glargine", None, False), ("Lantus", None, False), ("Tresiba", None, False), ("Ryzodeg", None, False),
    ("NovoMix 30", None, False), ("Humalog Mix25", None, False), ("Humulin M3", None, False),
    ("NovoMix30", None, False), ("Mixtard30", None, False), ("Insuman Comb25", None, False),
    # Humulin I (isophane) written with its pen or a hyphen: read as a mealtime insulin (review S4 #2)
    ("Humulin I KwikPen", None, False), ("Humulin I Kwikpen 100 units/mL", None, False), ("Humulin-I", None, False),
    ("Humulin N KwikPen", None, False),
    # a mealtime insulin whose line names the regimen: no basal one (review S_DI2 S1)
    ("NovoRapid 6 units TDS (basal-bolus regimen)", None, True), ("NovoRapid correction dose with basal", None, True),
    ("Insuline rapide (NovoRapid) schéma basal-bolus", None, True),
    ("Insulin (Humulin I) 20 units", None, False), ("Insulin long-acting 20 units nocte", None, False),
    ("Actrapid 50 units in 50 mL", 2.0, False),  # an insulin infusion runs on while the patient fasts
    ("Enoxaparin", None, False)])
def test_nil_by_mouth_is_offered_for_a_mealtime_insulin_alone(drug, rate, offered):
    order = Order(record_id="o", patient_id="p", drug=drug, dose=6.0, dose_unit="units", route="SC",
                  frequency=Frequency.SCHEDULED, rate_ml_h=rate, start_at=datetime.fromisoformat(NOON))
    assert (reason_offered(order, NotGivenReason.NIL_BY_MOUTH), mealtime_insulin(order)) == (offered, offered)


@pytest.mark.parametrize("route", ["IV", "IM"])
def test_nil_by_mouth_is_not_offered_for_soluble_insulin_given_as_a_bolus_injection(route):
    """Hyperkalaemia: Actrapid 10 units IV with glucose 20 %, once, for a patient fasting for
    theatre, was recorded "F — nil by mouth" without a question (review S4 #1)."""
    order = Order(record_id="o", patient_id="p", drug="Actrapid", dose=10.0, dose_unit="units", route=route,
                  frequency=Frequency.ONCE, start_at=datetime.fromisoformat(NOON))
    assert not reason_offered(order, NotGivenReason.NIL_BY_MOUTH) and not mealtime_insulin(order)


def test_actrapid_iv_for_hyperkalaemia_is_refused_nil_by_mouth_and_questioned_on_paper(session_for, medication_ward,
                                                                                        clock):
    """The same by the dose form: refused as any IV medicine is, and a paper row of it warned again."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    actrapid = records.save_new(session_for("doctor"), "medication_order", {
        **ORDER, "drug": "Actrapid", "dose": 10.0, "route": "IV", "frequency": "once", "times": "",
        "start_at": NOON}, patient_id=patient).record_id
    with pytest.raises(ValidationFailed):
        medication.record_dose(nurse, actrapid, FASTING)
    paper = {"order": actrapid, **FASTING, "transcribed": True}
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, actrapid, paper)
    assert [warning.check for warning in caught.value.warnings] == [Check.ROUTE_MISMATCH]


def test_the_lunchtime_aspart_of_a_fasting_patient_is_recorded_nil_by_mouth(session_for, medication_ward, clock):
    """Refused, the nurse told to "Give it": a mealtime insulin given to a patient not eating
    brings on a hypo."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    aspart = _insulin(session_for, patient, "Insulin aspart")
    assert medication.check_dose(nurse, aspart, {"order": aspart, **FASTING}) == []
    saved = medication.record_dose(nurse, aspart, FASTING)
    assert saved.data["not_given_reason"] == "nil_by_mouth"


@pytest.mark.parametrize("drug", ["Insulin glargine", "NovoMix 30"])
def test_a_basal_or_premixed_insulin_nil_by_mouth_is_refused_saying_it_is_continued(drug, session_for,
                                                                                      medication_ward, clock):
    nurse, patient = session_for("nurse"), medication_ward[0]
    order = _insulin(session_for, patient, drug, 18.0)
    with pytest.raises(ValidationFailed) as caught:
        medication.record_dose(nurse, order, FASTING, overrides={Check.INSULIN_OMITTED: "Dr Benali told"})
    assert [(error.path, error.message) for error in caught.value.errors] == [("not_given_reason", (
        f"“Reason not given”: {drug} is a basal or premixed insulin: it is continued when the patient is nil by "
        "mouth, often at a reduced dose, as stopping it brings on ketoacidosis (JBDS-IP). Give it as the prescriber "
        "says, or ask them; if they hold it, record “W — Held for clinical reason (write why)” with why."))]
    assert medication.administrations(nurse.db, patient) == []


@pytest.mark.parametrize("drug", ["Insulin glargine", "NovoMix 30", "Hypurin Porcine Isophane", "Actraphane 30"])
def test_a_basal_or_premixed_insulin_held_asks_the_nurse_to_tell_the_prescriber(drug, session_for, medication_ward,
                                                                                 clock):
    """The 12:00 glargine held "NBM for theatre": nothing was said, and a type 1 patient heads for
    ketoacidosis; a premixed one held likewise (review S4 #3). Asked whatever the reason, saved with
    the nurse's under a check of its own, not "glucose low or not checked" (review S4 #8), whose
    label says premixed in French too ("Insuline de fond omise" said basal alone: review S7 #4); a
    mealtime insulin held is not. Hypurin's isophane and the premixed Actraphane, no insulin to the
    app, were held unasked (review R7 #2)."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    order = _insulin(session_for, patient, drug, 18.0)
    held = {**FASTING, "not_given_reason": "held", "not_given_detail": "NBM for theatre"}
    said = [(w.check, w.text("en")) for w in medication.check_dose(nurse, order, {"order": order, **held})]
    assert said == [(Check.INSULIN_OMITTED, f"{drug} is a basal or premixed insulin: not to be omitted (in type 1 it "
                                            "brings on ketoacidosis within hours); tell the prescriber, and say so in "
                                            "the reason.")]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, held, overrides={Check.GLUCOSE: "Dr Benali told"})
    saved = medication.record_dose(nurse, order, held, overrides={Check.INSULIN_OMITTED: "Dr Benali told: 80% at 12:00"})
    assert saved.data["overrides"] == [{"check": "insulin_omitted", "reason": "Dr Benali told: 80% at 12:00"}]
    checks = nurse.form("medication_administration").field("overrides").fields[0]
    labels = {option.code: (option.label.en, option.label.fr) for option in checks.options}
    assert labels["insulin_omitted"] == ("Basal or premixed insulin not given", "Insuline basale ou mélange omise")
    aspart = _insulin(session_for, patient, "Insulin aspart")
    assert medication.check_dose(nurse, aspart, {"order": aspart, **held}) == []


@pytest.mark.parametrize("drug", ["Lantus", "Humulin I KwikPen", "Humulin-I", "NovoMix 30", "Humalog Mix25",
                                  "Humulin M3", "Mixtard 30"])
@pytest.mark.parametrize("reason", ["refused", "unavailable", "vomited", "other"])
def test_a_basal_or_premixed_insulin_not_given_for_any_reason_is_questioned(drug, reason):
    """A premixed insulin, or Humulin I written with its pen, held, refused or not available was not
    questioned (review S4 #2, #3)."""
    order = Order(record_id="o", patient_id="p", drug=drug, dose=18.0, dose_unit="units", route="SC",
                  frequency=Frequency.SCHEDULED, start_at=datetime.fromisoformat("2026-11-27T07:00+01:00"))
    said = safety_warnings(order, outcome=Outcome.NOT_GIVEN, at=datetime.fromisoformat(NOON), dose=None,
                           scheduled_for=datetime.fromisoformat(NOON), allergies=[], history=[], admitted=True,
                           reason=NotGivenReason(reason))
    assert [w.check for w in said] == [Check.INSULIN_OMITTED]


def test_a_mealtime_insulin_left_out_at_several_meals_is_on_no_list_of_doses_not_given(session_for, patient, clock):
    """Left out with the meals is the app's own required practice (JBDS-IP): off the time-critical
    list, it came back on the doses-not-given list as "3 doses not given … tell the prescriber"
    (review S4 S7); its glucose checks carry the follow-up."""
    from downtime.services import census, chart_alerts
    aspart = records.save_new(session_for("doctor"), "medication_order", {
        **ORDER, "drug": "Insulin aspart", "dose": 6.0, "times": "08:00 12:00 18:00"}, patient_id=patient).record_id
    nurse = session_for("nurse")
    for at in ("2026-11-28T18:00+01:00", "2026-11-29T08:00+01:00", "2026-11-29T12:00+01:00"):
        clock.now = datetime.fromisoformat(at)
        medication.record_dose(nurse, aspart, {**FASTING, "scheduled_for": at, "given_at": at,
                                               "not_given_detail": "NBM for theatre"})
    clock.now = datetime.fromisoformat("2026-11-29T12:40+01:00")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert chart_alerts.doses_not_given(nurse.db, nurse.forms, inside, nurse.clock(), "en") == {}

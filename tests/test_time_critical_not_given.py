"""A time-critical dose not given, whatever the reason: refused, vomited, nil by mouth or held
asks the nurse at once, as asleep did (Parkinson's UK "Get It On Time"; NPSA RRR009); a dose held
by the nurse stays on the escalation list until a doctor is written as deciding it; a mealtime
insulin left out nil by mouth is no omission; an order's doses not given one after another are
said as a run, kept past the round's 12 hours until one is given or the order changed."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, records

LEVODOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
            "times": "06:00 10:00 14:00 18:00 22:00", "start_at": "2026-11-28T13:30+01:00", "controlled": False,
            "high_alert": False, "time_critical": True}
INSULIN = {"route": "SC", "dose": 6.0, "dose_unit": "units", "frequency": "scheduled", "controlled": False,
           "high_alert": True, "time_critical": True, "times": "14:00", "start_at": "2026-11-28T13:30+01:00"}


def _not_given(at: str, reason: str, detail: str | None = None) -> dict[str, str]:
    """A dose recorded not given at its time, `at`."""
    return {"outcome": "not_given", "given_at": at, "scheduled_for": at, "not_given_reason": reason,
            **({"not_given_detail": detail} if detail else {})}


def _alerts(nurse) -> list[str]:
    """What the escalation list says of the ward's time-critical doses."""
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                  ward="3B").alerts for said in alert.said if "TIME-CRITICAL" in said]


@pytest.mark.parametrize("reason, asks", [
    ("refused", "offer it again within 30 minutes"), ("vomited", "offer it again within 30 minutes"),
    ("nil_by_mouth", "Ask the doctor now for another route"), ("held", "Ask the doctor now for another route"),
    ("asleep", "wake the patient to give it")])
def test_a_time_critical_dose_not_given_asks_the_nurse_now(session_for, patient, clock, reason, asks):
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    nurse = session_for("nurse")
    (warning,) = medication.check_dose(nurse, order, _not_given("2026-11-28T14:00+01:00", reason, "NBM"))
    assert warning.check is Check.TIME_CRITICAL_NOT_GIVEN and asks in warning.text("en")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, _not_given("2026-11-28T14:00+01:00", reason, "NBM"))


def test_a_time_critical_dose_not_available_is_not_asked(session_for, patient):
    """Not available is no choice of the bedside: the escalation list says it, as before."""
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    assert medication.check_dose(session_for("nurse"), order, _not_given("2026-11-28T14:00+01:00", "unavailable")) == []


def test_a_basal_insulin_held_is_asked_once_by_its_own_warning(session_for, patient):
    order = records.save_new(session_for("doctor"), "medication_order", {**INSULIN, "drug": "Insulin glargine"},
                             patient_id=patient).record_id
    warnings = medication.check_dose(session_for("nurse"), order, _not_given("2026-11-28T14:00+01:00", "held"))
    assert [warning.check for warning in warnings] == [Check.INSULIN_OMITTED]


def test_a_mealtime_insulin_left_out_nil_by_mouth_is_no_time_critical_omission(session_for, patient, clock):
    """The app itself asks a mealtime insulin left out with the meal: "another route or medicine"
    for it, at every meal missed, drowned the real omissions (JBDS-IP: check the glucose). With a
    basal insulin ordered beside it: with none, the doctor is asked for a plan
    (test_mealtime_insulin_left_out_with_no_basal)."""
    records.save_new(session_for("doctor"), "medication_order", {**INSULIN, "drug": "Insulin glargine", "dose": 10.0,
                                                                 "times": "22:00"}, patient_id=patient)
    order = records.save_new(session_for("doctor"), "medication_order", {**INSULIN, "drug": "Insulin aspart"},
                             patient_id=patient).record_id
    nurse = session_for("nurse")
    fasting = _not_given("2026-11-28T14:00+01:00", "nil_by_mouth", "NBM for theatre")
    assert medication.check_dose(nurse, order, fasting) == []
    medication.record_dose(nurse, order, fasting)
    clock.now = datetime.fromisoformat("2026-11-28T14:40+01:00")
    assert _alerts(nurse) == []


@pytest.mark.parametrize("detail, escalated", [
    ("NBM - failed swallow screen", True),
    ("NBM, patient told", True),
    ("Dr Patel decided: NG levodopa from 18:00", False),
    ("Held as discussed with the FY1", False),
])
def test_a_time_critical_dose_held_is_escalated_unless_a_doctor_decided_it(session_for, patient, clock, detail,
                                                                          escalated):
    """Anyone recording care may choose "W — Held": the levodopa held "NBM - failed swallow screen"
    by the nurse was on no list, the patient without it for the day."""
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    nurse = session_for("nurse")
    medication.record_dose(nurse, order, _not_given("2026-11-28T14:00+01:00", "held", detail),
                           overrides={Check.TIME_CRITICAL_NOT_GIVEN: detail})
    clock.now = datetime.fromisoformat("2026-11-28T14:40+01:00")
    said = f"TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: W — Held for clinical reason: {detail}): tell the doctor (another route or " \
           "medicine)"
    assert (said in _alerts(nurse)) is escalated


def _refused_from_14_to_22(session_for, patient, clock) -> tuple[str, object]:
    """Levodopa refused at 14:00, 18:00 and 22:00 on 28/11 (each recorded at its time)."""
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    nurse = session_for("nurse")
    for at in ("2026-11-28T14:00+01:00", "2026-11-28T18:00+01:00", "2026-11-28T22:00+01:00"):
        clock.now = datetime.fromisoformat(at)
        medication.record_dose(nurse, order, _not_given(at, "refused", "agitated"),
                               overrides={Check.TIME_CRITICAL_NOT_GIVEN: "offered again, refused again"})
    return order, nurse


def test_doses_refused_one_after_another_are_said_as_a_run_past_the_rounds_window(session_for, patient, clock):
    """At 12:30 the next day the 22:00 refusal is past the round's 12 hours: it was said nowhere,
    nor that it was the third in a row."""
    _, nurse = _refused_from_14_to_22(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T05:00+01:00")
    assert _alerts(nurse) == ["TIME-CRITICAL DOSE NOT GIVEN (due 28/11 22:00: R — Refused: agitated; 3 doses not "
                              "given since 28/11 14:00): tell the doctor (another route or medicine)"]
    clock.now = datetime.fromisoformat("2026-11-29T07:00+01:00")  # the 06:00 dose late, on the list beside the run
    clock.now = datetime.fromisoformat("2026-11-29T12:30+01:00")
    assert "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 22:00: R — Refused: agitated; 3 doses not given since 28/11 " \
           "14:00): tell the doctor (another route or medicine)" in _alerts(nurse)
    french = medication.time_critical_handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    assert "(prévue 28/11 22:00 : R — Refus : agitated ; 3 doses non données depuis le 28/11 14:00)" in french, french


def test_a_run_ends_with_a_dose_given(session_for, patient, clock):
    order, nurse = _refused_from_14_to_22(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-29T06:05+01:00",
                                          "scheduled_for": "2026-11-29T06:00+01:00", "dose_given": 1.0,
                                          "route": "PO"})
    clock.now = datetime.fromisoformat("2026-11-29T12:30+01:00")
    assert [said for said in _alerts(nurse) if "NOT GIVEN" in said] == []


def test_a_run_ends_when_the_prescriber_changes_the_order(session_for, patient, clock):
    order, nurse = _refused_from_14_to_22(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T08:00+01:00")
    doctor = session_for("doctor")
    records.amend(doctor, order, {**LEVODOPA, "times": "06:00 10:00 14:00 18:00"}, "fewer doses while refusing")
    clock.now = datetime.fromisoformat("2026-11-29T10:30+01:00")  # the 22:00 dose past the round's 12 hours
    assert [said for said in _alerts(nurse) if "NOT GIVEN" in said] == []


VRIII = {"drug": "Actrapid 50 units in 50 mL sodium chloride 0.9%", "dose": 50.0, "dose_unit": "units", "route": "IV",
         "frequency": "once", "start_at": "2026-11-28T13:30+01:00", "controlled": False, "high_alert": True,
         "time_critical": True, "rate_ml_h": 2.0}


@pytest.mark.parametrize("order_values, reason", [
    ({**INSULIN, "drug": "Insulin aspart"}, "vomited"), ({**INSULIN, "drug": "Insulin aspart"}, "refused"),
    (VRIII, "held")], ids=["aspart vomited", "aspart refused", "vriii held"])
def test_an_insulin_not_given_is_not_asked_as_levodopa_is(session_for, patient, order_values, reason):
    """A mealtime insulin vomited is not given again (JBDS-IP: check the glucose, tell the doctor),
    and an IV insulin has no "another route (NG, dispersible, patch)": the levodopa's words told
    the nurse to offer aspart again to a patient vomiting (review S4 S1)."""
    order = records.save_new(session_for("doctor"), "medication_order", order_values, patient_id=patient).record_id
    values = {**_not_given("2026-11-28T14:00+01:00", reason, "not eating"),
              "scheduled_for": None if order_values is VRIII else "2026-11-28T14:00+01:00"}
    warnings = medication.check_dose(session_for("nurse"), order, values)
    assert Check.TIME_CRITICAL_NOT_GIVEN not in [warning.check for warning in warnings]


def test_a_refusal_typed_from_paper_hours_later_is_not_asked_to_be_offered_again(session_for, patient, clock):
    """Typed in at 22:30 from the paper chart, a 14:05 refusal cannot be offered again within 30
    minutes: the escalation list carries the omission (review S4 S5)."""
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T22:30+01:00")
    values = {**_not_given("2026-11-28T14:05+01:00", "refused", "spat it out"),
              "scheduled_for": "2026-11-28T14:00+01:00", "transcribed": True}
    assert Check.TIME_CRITICAL_NOT_GIVEN not in [w.check for w in medication.check_dose(session_for("nurse"), order,
                                                                                       values)]


@pytest.mark.parametrize("who, escalated", [
    ("Dr Jones", False), ("per Dr Jones", False), ("FY1 Smith, on call", False), ("anaesthetist", False),
    ("Dr Jones: no oral meds, NG from 18:00", False), ("no doctor answered yet", True),
    ("Dr to be told at the round", True), ("Fasting for theatre", True),
    ("Unable to contact Dr", True), ("Will inform doctor", True), ("Doctor unaware", True),
    ("FY1 bleeped, to call back", True), ("Bleeped FY1, no answer", True), ("Dr asked to review, awaiting", True),
    ("Awaiting Dr review", True), ("Dr busy in resus", True), ("Médecin à prévenir", True),
    ("Interne injoignable", True), ("Bleeped x2", True), ("Dr Jones: unable to swallow, NG from 18:00", False)])
def test_the_clinician_named_as_who_decided_a_hold_is_read_as_deciding_it(session_for, patient, clock, who,
                                                                           escalated):
    """The warning asks to "say who decided in the reason": the nurse's answer is a name, and the
    list still asked her to tell the doctor who had decided (review S4 S2)."""
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    nurse = session_for("nurse")
    medication.record_dose(nurse, order, _not_given("2026-11-28T14:00+01:00", "held", "NBM, failed swallow screen"),
                           overrides={Check.TIME_CRITICAL_NOT_GIVEN: who})
    clock.now = datetime.fromisoformat("2026-11-28T14:40+01:00")
    said = "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: W — Held for clinical reason: NBM, failed swallow " \
           "screen): tell the doctor (another route or medicine)"
    assert (said in _alerts(nurse)) is escalated

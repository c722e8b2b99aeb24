"""A doctor's observation and escalation plan (forms/observation_plan.yaml): comfort care only at
the end of life, a ceiling of treatment (ward-based care, not for ICU), an agreed frequency. The
RCP's NEWS2 is not for end-of-life care and a ceiling changes the response: the escalation list
told the nurse to call outreach and consider HDU or ICU for a dying patient, the overdue list
asked a set every hour and the chart alerts a sepsis screening, until she died."""

from datetime import datetime

import pytest

from downtime.domain.staff import Role
from downtime.services import chart_alerts, observations, printing, records, sepsis, staff
from downtime.services.census import in_patients
from downtime.services.context import Session, load_device
from downtime.services.errors import PermissionDenied
from tests.pdf_text import pdf_text

# A dying patient's set: breathing fast, low saturation, low pressure, only voice-responsive (NEWS2 15).
DYING = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 28, "spo2": 88, "spo2_scale": "scale_1",
         "on_oxygen": False, "systolic_bp": 88, "diastolic_bp": 50, "pulse": 125, "consciousness": "voice",
         "temperature": 38.3}
EVENING = datetime.fromisoformat("2026-11-28T18:00+01:00")


def plan(escalation: str, frequency: str, at: str = "2026-11-28T14:00+01:00") -> dict:
    """A plan as the nurse records it from the doctor's decision, naming the doctor."""
    return {"decided_at": at, "decided_by": "Dr Benali", "escalation": escalation, "frequency": frequency,
            "discussed_with": "her daughter",
            **({"cpr_reason": "DNACPR on the paper notes, to be typed in"} if escalation == "comfort" else {})}


@pytest.fixture
def dying(session_for, medication_ward) -> str:
    """`medication_ward`'s patient with a set scoring NEWS2 15 at 12:00."""
    patient = medication_ward[0]
    records.save_new(session_for("nurse"), "observations", DYING, patient_id=patient)
    return patient


def _review(session, forms, clock):
    clock.now = EVENING
    return observations.review(session.db, forms, "3B", clock.now)


def test_comfort_care_names_the_plan_instead_of_icu_and_keeps_observations_as_agreed(session_for, dying, forms,
                                                                                   clock):
    nurse = session_for("nurse")
    before = _review(nurse, forms, clock)
    assert "HDU or ICU" in before.escalations[0].response("en") and before.overdue, "the case no longer shows it"
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    review = _review(nurse, forms, clock)
    (listed,) = review.escalations
    said = listed.response("en", EVENING.tzinfo)
    assert said == ("Comfort care (Dr Benali, 28/11 14:00): observations as agreed, escalate for comfort only; "
                    "observations every 12 hours")
    assert "HDU or ICU" not in said and listed.judged.news2.total == 15
    assert review.overdue == []
    watch = observations.watches(nurse.db, in_patients(nurse.db, forms, "3B", EVENING), EVENING)[dying]
    assert (f"{watch.due_at:%d/%m %H:%M}", watch.overdue) == ("29/11 00:00", False)


def test_comfort_care_counts_a_set_kept_for_comfort_and_goes_below_a_patient_to_act_on(
        session_for, dying, forms, clock, admission_values):
    """An incomplete set (pulse and breathing only) asked a complete one within the hour, and the
    dying patient headed the list above a patient deteriorating."""
    nurse = session_for("nurse")
    other = records.save_new(nurse, "admission", {**admission_values, "nir": "", "birth_name": "Roux",
                                                  "used_name": "Roux", "given_names": "Paul", "sex": "male",
                                                  "birth_date": "1950-01-01", "bed": "14",
                                                  "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    records.save_new(nurse, "observations", {**DYING, "respiratory_rate": 22, "spo2": 94, "systolic_bp": 105,
                                             "pulse": 100, "consciousness": "alert", "temperature": 37.0},
                     patient_id=other)
    records.save_new(nurse, "observation_plan", plan("comfort", "four_hourly"), patient_id=dying)
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T15:00+01:00", "respiratory_rate": 26,
                                             "pulse": 120, "spo2_scale": "scale_1", "on_oxygen": False},
                     patient_id=dying)
    review = _review(nurse, forms, clock)
    assert [item.patient.patient_id for item in review.escalations] == [other, dying]
    assert dying not in {item.patient.patient_id for item in review.overdue}
    clock.now = datetime.fromisoformat("2026-11-28T19:05+01:00")
    late = observations.review(nurse.db, forms, "3B", clock.now)
    assert [(item.patient.patient_id, f"{item.due_at:%H:%M}") for item in late.overdue
            if item.patient.patient_id == dying] == [(dying, "19:00")]


def test_a_ceiling_of_treatment_says_not_for_icu_and_keeps_the_scores_frequency(session_for, dying, forms, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "observation_plan", plan("ward_ceiling", "news2"), patient_id=dying)
    review = _review(nurse, forms, clock)
    said = review.escalations[0].response("en", EVENING.tzinfo)
    assert said.startswith("Ward-based care, not for ICU (Dr Benali, 28/11 14:00): tell the medical team")
    assert "HDU or ICU" not in said
    assert [f"{item.due_at:%H:%M}" for item in review.overdue] == ["13:00"]


def test_an_agreed_frequency_alone_changes_when_the_next_set_is_due_not_the_response(session_for, dying, forms,
                                                                                    clock):
    nurse = session_for("doctor")
    records.save_new(nurse, "observation_plan", plan("full", "four_hourly"), patient_id=dying)
    review = _review(nurse, forms, clock)
    assert "HDU or ICU" in review.escalations[0].response("en")
    assert [(f"{item.due_at:%H:%M}", item.monitoring.value) for item in review.overdue] == [("16:00", "4-6-hourly")]


def test_a_plan_ended_or_withdrawn_gives_the_scores_response_back(session_for, dying, forms, clock):
    nurse = session_for("nurse")
    comfort = records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    ended = records.save_new(nurse, "observation_plan", plan("full", "news2", "2026-11-28T15:00+01:00"),
                             patient_id=dying)
    review = _review(nurse, forms, clock)
    assert "HDU or ICU" in review.escalations[0].response("en") and review.plans == {}
    records.mark_entered_in_error(nurse, ended.record_id, "Wrong patient")
    assert _review(nurse, forms, clock).escalations[0].plan.record.record_id == comfort.record_id
    records.amend(nurse, comfort.record_id, {**comfort.data, "escalation": "ward_ceiling"}, "Family meeting: not comfort yet")
    assert _review(nurse, forms, clock).escalations[0].response("en").startswith("Ward-based care, not for ICU")
    records.mark_entered_in_error(nurse, comfort.record_id, "Wrong patient")
    assert "HDU or ICU" in _review(nurse, forms, clock).escalations[0].response("en")


@pytest.mark.parametrize("role", [Role.STUDENT_NURSE, Role.HEALTHCARE_ASSISTANT])
def test_only_a_doctor_or_a_ward_nurse_records_a_plan(session_for, dying, forms, clock, role):
    staff.add_staff(session_for("admin"), "junior", "Léa Petit", role, "6666")
    nurse = session_for("nurse")
    junior = Session(nurse.db, load_device(nurse.db), staff.sign_in(nurse.db, "junior", "6666", clock), forms, clock)
    with pytest.raises(PermissionDenied):
        records.save_new(junior, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)


def test_the_sepsis_prompt_leaves_a_patient_on_comfort_care_alone(session_for, dying, forms, clock):
    nurse = session_for("nurse")
    clock.now = EVENING

    def asked() -> list[str]:
        (patient,) = in_patients(nurse.db, forms, "3B", clock.now)
        return sepsis.asking(sepsis.read(nurse.db, [patient], clock.now)[dying], patient, clock.now, "en")

    assert any("COULD THIS BE SEPSIS" in said for said in asked()), "the case no longer shows it"
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    assert asked() == []
    records.save_new(nurse, "observation_plan", plan("ward_ceiling", "news2", "2026-11-28T17:00+01:00"),
                     patient_id=dying)
    assert any("COULD THIS BE SEPSIS" in said for said in asked())


def test_the_handover_sheet_says_the_plan(session_for, dying, forms, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    clock.now = EVENING
    said = pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert "Comfort care (Dr Benali, 28/11 14:00): observations as agreed, escalate for comfort only" in said


def test_an_agreed_frequency_gives_way_to_a_score_risen_since_it_was_agreed(session_for, medication_ward, forms,
                                                                           clock):
    """Agreed 12-hourly at NEWS2 0 under full escalation: a set scoring 15 three hours on was asked
    again only the next morning, the list itself saying "continuous monitoring"."""
    nurse, patient = _twelve_hourly_agreed_while_well(session_for, medication_ward, clock)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    assert observations.review(nurse.db, forms, "3B", clock.now).overdue == []
    clock.now = datetime.fromisoformat("2026-11-28T13:05+01:00")
    records.save_new(nurse, "observations", {**DYING, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    review = _review(nurse, forms, clock)
    assert [(f"{item.due_at:%H:%M}", item.monitoring.value) for item in review.overdue] == [("14:00", "continuous")]


def test_comfort_care_decided_after_a_red_flag_screening_stops_its_sepsis_six(session_for, dying, forms, clock):
    """Red flag sepsis screened at 12:10, comfort care decided at 14:00 (no cultures, no antibiotics):
    at 18:00 the handover and the chart alerts still said "SEPSIS SIX OVERDUE" and "NOT REVIEWED BY
    A DOCTOR", which no answer could end truthfully. Screened again after the decision, she was
    "SEPSIS SIX OVERDUE (due 28/11 13:10)" the moment it was saved: that screening stands down too,
    until the doctor records a plan other than comfort care."""
    nurse = session_for("nurse")
    screening = {**DYING, "screened_at": "2026-11-28T12:10+01:00", "infection": "likely", "source": "chest"}
    clock.now = datetime.fromisoformat("2026-11-28T12:15+01:00")
    records.save_new(nurse, "sepsis_screening", screening, patient_id=dying)

    def said() -> tuple[dict[str, str], list[str]]:
        inside = in_patients(nurse.db, forms, "3B", clock.now)
        alerts = chart_alerts.alerts(nurse.db, forms, inside, clock.now, "en", ward="3B").alerts
        return (sepsis.handover(nurse.db, inside, clock.now, "en"),
                [" ".join(alert.said) for alert in alerts if alert.form_id == sepsis.FORM])

    clock.now = EVENING
    handed, alerted = said()
    assert "SEPSIS SIX OVERDUE" in handed[dying] and alerted, "the case no longer shows it"
    records.save_new(nurse, "observation_plan", plan("comfort", "four_hourly"), patient_id=dying)
    assert said() == ({dying: "Sepsis screen 28/11 12:10 (NEWS2 15): RED FLAG SEPSIS; comfort care decided "
                              "(Dr Benali, 28/11 14:00) after this screening: Sepsis Six not pursued"}, [])
    records.save_new(nurse, "sepsis_screening", {**screening, "screened_at": "2026-11-28T17:50+01:00"},
                     patient_id=dying)
    assert said() == ({dying: "Sepsis screen 28/11 17:50 (NEWS2 15): RED FLAG SEPSIS; comfort care decided "
                              "(Dr Benali, 28/11 14:00) before this screening: Sepsis Six not pursued unless the "
                              "doctor records a new plan"}, [])
    records.save_new(nurse, "observation_plan", plan("ward_ceiling", "four_hourly", "2026-11-28T17:55+01:00"),
                     patient_id=dying)
    assert any("SEPSIS SIX OVERDUE" in line for line in said()[1])


def test_a_plans_words_say_the_frequency_the_overdue_list_asks_once_the_score_rose(session_for, medication_ward,
                                                                                  forms, clock, tmp_path):
    """Agreed 12-hourly at NEWS2 0: once a set scored 15 the overdue list asked the next within the
    hour, while the plan's words on the handover sheet, the strip and the chart still said
    "observations every 12 hours"."""
    nurse, patient = _twelve_hourly_agreed_while_well(session_for, medication_ward, clock)
    agreed = "Observation frequency agreed (Dr Benali, 28/11 10:30); observations every 12 hours"
    assert observations.review(nurse.db, forms, "3B", clock.now).plans[patient].text("en", clock.now.tzinfo) == agreed
    clock.now = datetime.fromisoformat("2026-11-28T13:05+01:00")
    records.save_new(nurse, "observations", {**DYING, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    review = observations.review(nurse.db, forms, "3B", clock.now)
    risen = ("Observation frequency agreed (Dr Benali, 28/11 10:30); observations every 12 hours as agreed until "
             "NEWS2 rose to 15: now continuous monitoring, observations at least every hour, until the doctor "
             "reviews the plan")
    assert review.plans[patient].text("en", clock.now.tzinfo) == risen
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    later = observations.review(nurse.db, forms, "3B", clock.now)
    assert [item.monitoring for item in later.overdue] == [later.plans[patient].in_use]
    assert risen in " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())


def _twelve_hourly_agreed_while_well(session_for, medication_ward, clock):
    """A set scoring NEWS2 0 at 10:00, then a plan agreeing 12-hourly observations under full
    escalation at 10:30, the clock then: (the nurse, the patient)."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-28T10:30+01:00")
    records.save_new(nurse, "observations", {**DYING, "taken_at": "2026-11-28T10:00+01:00", "respiratory_rate": 16,
                                             "spo2": 97, "systolic_bp": 125, "pulse": 72, "consciousness": "alert",
                                             "temperature": 36.8}, patient_id=patient)
    records.save_new(nurse, "observation_plan", plan("full", "twelve_hourly", "2026-11-28T10:30+01:00"),
                     patient_id=patient)
    return nurse, patient


def test_a_doctor_stops_routine_observations_in_the_last_days_of_life(session_for, dying, forms, clock, tmp_path):
    """"Every 12 hours" chosen, "stop observations" written in the notes: the dying patient was
    OVERDUE all night, the nurse to wake her for a set or the ward to learn to read past the list.
    Stopped, she is on no overdue list, the escalation list, the handover sheet and the NEWS2 chart
    say it with who decided it and when, and a set taken is still charted and scored."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(session_for("doctor"), "observation_plan", plan("comfort", "stopped"), patient_id=dying)
    clock.now = datetime.fromisoformat("2026-11-29T03:00+01:00")
    review = observations.review(nurse.db, forms, "3B", clock.now)
    assert review.overdue == [] and review.next_due is None
    said = ("Comfort care (Dr Benali, 28/11 14:00): observations as agreed, escalate for comfort only; routine "
            "observations stopped: no set is due")
    assert review.escalations[0].response("en", clock.now.tzinfo) == said
    watch = observations.watches(nurse.db, in_patients(nurse.db, forms, "3B", clock.now), clock.now)[dying]
    assert (watch.due_at, watch.overdue, watch.news2_applies, watch.standing.news2.total) == (None, False, True, 15)
    assert said in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert said in " ".join(pdf_text(printing.print_news2_chart(nurse, dying, tmp_path / "news2.pdf")).split())
    records.save_new(nurse, "observations", {**DYING, "taken_at": "2026-11-29T02:50+01:00", "pulse": 130},
                     patient_id=dying)
    assert observations.review(nurse.db, forms, "3B", clock.now).standing[dying].record.data["pulse"] == 130


def test_why_cpr_stands_is_not_taken_of_a_patient_with_a_dnacpr(session_for, medication_ward, clock):
    """The admission records a DNACPR: "No DNACPR recorded: why CPR stands, …" answered anyway was
    kept, and went to the EHR as a note of a patient with a DNACPR. Refused, naming the field; a
    reason kept from before the DNACPR stands as it was said, when the plan is amended."""
    from downtime.services import observations
    from downtime.services.errors import ValidationFailed

    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    spec = doctor.form("observation_plan")
    comfort = {"decided_at": "2026-11-28T14:00+01:00", "decided_by": "Dr B", "escalation": "comfort",
               "frequency": "stopped", "cpr_reason": "Family asks for CPR; to discuss again tomorrow"}
    observations.check_plan(doctor, spec, patient, comfort, None)
    admission = records.list_current(doctor.db, form_id="admission", patient_ids=[patient])[0]
    records.amend(doctor, admission.record_id, {**admission.data, "resuscitation": "dnacpr",
                                                "resuscitation_decided_by": "Dr Benali",
                                                "resuscitation_decided_at": "2026-11-28T13:00+01:00"}, "DNACPR decided")
    with pytest.raises(ValidationFailed) as refused:
        observations.check_plan(doctor, spec, patient, comfort, None)
    assert [error.path for error in refused.value.errors] == ["cpr_reason"]
    observations.check_plan(doctor, spec, patient, comfort, comfort)
    observations.check_plan(doctor, spec, patient, {**comfort, "cpr_reason": ""}, None)

"""Enoxaparin refused three evenings running was said as the last refusal alone, and left every
list 12 hours after its time: at 07:30 the day team's handover and escalation list had nothing of
it (review R2 D3; NPSA RRR009 lists anticoagulants among the medicines whose omission harms). A
run of doses of one order not given is said as a run, at its latest, until a dose of the order is
given or its prescriber changes the order."""

from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.services import census, chart_alerts, medication, printing, records

ENOXAPARIN = {"frequency": "scheduled", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": True,
              "drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "times": "18:00",
              "indication": "VTE prophylaxis"}
SAID = {"en": "DOSES NOT GIVEN: Enoxaparin 40 mg SC 30/11 18:00: NOT GIVEN (R — Refused: pushed the syringe away; "
              "3 doses not given since 28/11 18:00) — tell the prescriber",
        "fr": "DOSES NON ADMINISTRÉES : Enoxaparin 40 mg SC 30/11 18:00 : NON ADMINISTRÉE (R — Refus : pushed the syringe "
              "away ; 3 doses non données depuis le 28/11 18:00) — prévenir le prescripteur"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-{text}+01:00")


def _handover(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return chart_alerts.doses_not_given(nurse.db, nurse.forms, inside, nurse.clock(), lang)


@pytest.fixture
def refused_three_evenings(session_for, patient, clock):
    """The nurse and the enoxaparin order refused on 28, 29 and 30/11 at 18:05."""
    clock.now = _at("11-28T09:00")
    order = records.save_new(session_for("doctor"), "medication_order", ENOXAPARIN, patient_id=patient).record_id
    nurse = session_for("nurse")
    for day in ("28", "29", "30"):
        clock.now = _at(f"11-{day}T18:05")
        medication.record_dose(nurse, order, {"outcome": "not_given", "given_at": clock.now.isoformat(),
                                              "scheduled_for": _at(f"11-{day}T18:00").isoformat(),
                                              "not_given_reason": "refused",
                                              "not_given_detail": "pushed the syringe away"})
    clock.now = _at("12-01T07:30")
    return nurse, order


def test_a_run_of_refusals_is_said_as_a_run_past_the_rounds_twelve_hours(refused_three_evenings, patient):
    nurse, _ = refused_three_evenings
    assert _handover(nurse) == {patient: SAID["en"]}
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [(alert.latest, alert.said) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts if "Enoxaparin" in alert.latest] == [
        ("Enoxaparin 40 mg SC 30/11 18:00", [SAID["en"].removeprefix("DOSES NOT GIVEN: Enoxaparin 40 mg SC 30/11 "
                                                                      "18:00: ")])]


def test_a_run_of_refusals_is_said_in_french(refused_three_evenings, patient):
    nurse, _ = refused_three_evenings
    assert _handover(nurse, "fr") == {patient: SAID["fr"]}


def test_a_run_ends_when_a_dose_of_the_order_is_given(refused_three_evenings, patient, clock):
    nurse, order = refused_three_evenings
    clock.now = _at("12-01T18:05")
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": clock.now.isoformat(), "dose_given": 40.0,
                                          "route": "SC", "scheduled_for": _at("12-01T18:00").isoformat()},
                           witness=("doctor", "2222"))
    assert _handover(nurse) == {}


def test_a_run_ends_when_the_prescriber_changes_the_order(refused_three_evenings, session_for, clock):
    nurse, order = refused_three_evenings
    doctor = session_for("doctor")
    records.amend(doctor, order, {**ENOXAPARIN, "times": "20:00"}, "Refuses at 18:00: try at 20:00 with his daughter")
    assert _handover(nurse) == {}


def test_the_printed_handover_sheet_says_the_run(refused_three_evenings, tmp_path):
    nurse, _ = refused_three_evenings
    printed = " ".join(" ".join(page.extract_text().split())
                       for page in PdfReader(printing.print_census(nurse, tmp_path / "handover.pdf", "3B")).pages)
    assert "3 doses not given since 28/11 18:00" in printed


def _refused(nurse, order, day: str) -> None:
    """The order's 18:00 dose of `day` refused at 18:05."""
    medication.record_dose(nurse, order, {"outcome": "not_given", "given_at": _at(f"11-{day}T18:05").isoformat(),
                                          "scheduled_for": _at(f"11-{day}T18:00").isoformat(),
                                          "not_given_reason": "refused", "not_given_detail": "pushed it away"})


def test_a_single_dose_not_given_stays_past_the_window_only_until_the_next_dose_falls_due(session_for, patient,
                                                                                           clock):
    """One refusal with the next evening's slot blank and overdue stayed on the lists for 7 days
    (review S4 S4): the next dose is then the one to give, said as overdue."""
    clock.now = _at("11-28T09:00")
    order = records.save_new(session_for("doctor"), "medication_order", ENOXAPARIN, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("11-28T18:05")
    _refused(nurse, order, "28")
    clock.now = _at("11-29T07:30")  # past the 12 hours, the next dose not yet due
    assert "28/11 18:00: NOT GIVEN" in _handover(nurse)[patient]
    clock.now = _at("11-29T19:00")  # the 29/11 18:00 dose due, nothing recorded
    assert "28/11 18:00: NOT GIVEN" not in _handover(nurse).get(patient, "")


def test_a_run_is_not_kept_past_the_orders_stop(session_for, patient, clock):
    """Enoxaparin to stop 30/11 09:00, refused two evenings: said the morning it stops, not days
    after the course ended, when no dose could end it."""
    clock.now = _at("11-28T09:00")
    order = records.save_new(session_for("doctor"), "medication_order",
                             {**ENOXAPARIN, "stop_at": _at("11-30T09:00").isoformat()}, patient_id=patient).record_id
    nurse = session_for("nurse")
    for day in ("28", "29"):
        clock.now = _at(f"11-{day}T18:05")
        _refused(nurse, order, day)
    clock.now = _at("11-30T07:30")
    assert "2 doses not given since 28/11 18:00" in _handover(nurse)[patient]
    clock.now = _at("12-01T07:30")
    assert _handover(nurse) == {}

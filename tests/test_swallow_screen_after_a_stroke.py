"""A patient admitted with a stroke and no swallow screen yet (RCP National Clinical Guideline for
Stroke 2023: screened within 4 hours of arrival, nothing by mouth, medicines included, until a
screen is passed): the escalation list, the handover's line and the round say it, urgent once 4
hours have passed, a dose swallowed is asked, a screen ends it; a stroke of the past or ruled out
asks nothing. On paper the admission said "stroke", and the morning's tablets went by mouth before
anyone screened the swallow. The tests' patient arrives at 11:00 on 28/11; the clock is 14:00."""

from datetime import datetime

import pytest
from hypothesis import given, settings, strategies as st

from downtime.domain.medication import Check
from downtime.domain.swallow_screen import stroke_said, stroke_suspected
from downtime.services import census, chart_alerts, medication, records, swallow_screen
from tests.test_swallow_screen import PASSED

ASPIRIN = {"drug": "Aspirin", "dose": 300.0, "dose_unit": "mg", "route": "PO", "frequency": "once",
           "start_at": "2026-11-28T11:30+01:00", "controlled": False, "high_alert": False}
GIVEN = {"outcome": "given", "dose_given": 300.0, "route": "PO", "given_at": "2026-11-28T14:00+01:00",
         "scheduled_for": "2026-11-28T11:30+01:00"}


@pytest.mark.parametrize("reason, said", [
    ("Stroke, right arm weakness", True), ("? stroke, FAST positive", True), ("AVC ischémique", True),
    ("Accident vasculaire cérébral", True), ("CVA", True), ("Old stroke; new left weakness ?stroke", True),
    ("Fall, no stroke signs", False), ("Heat stroke", False), ("Stroke ruled out, migraine", False),
    ("AVC écarté", False), ("Pneumonia. History of stroke", False), ("ATCD d'AVC, pneumopathie", False),
    ("PMH: CVA 2019. Fall.", False), ("TIA, symptoms resolved", False), (None, False)])
def test_a_stroke_is_read_from_the_admissions_reason(reason, said):
    assert stroke_said(reason) is said


@given(st.text(max_size=80))
@settings(max_examples=60, deadline=None)
def test_any_reason_typed_is_read_and_a_stroke_ruled_out_is_none(typed):
    """Whatever the admission's reason holds, it is read, and a stroke ruled out after it adds none."""
    assert isinstance(stroke_suspected(typed), bool)
    assert stroke_said(f"{typed}, no stroke") is stroke_said(f"{typed}, stroke ruled out") is stroke_said(typed)


@pytest.mark.parametrize("reason, suspected", [("? stroke", True), ("Suspected CVA", True), ("Suspicion d'AVC", True),
                                               ("Possible stroke", True), ("Stroke, right arm weakness", False),
                                               ("AVC ischémique", False)])
def test_a_suspected_stroke_is_told_from_one_diagnosed(reason, suspected):
    assert stroke_suspected(reason) is suspected


@pytest.fixture
def stroke(session_for, admission_values) -> str:
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T11:00+01:00", "reason": "Stroke, right arm weakness"}).patient_id


def _alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [(alert.latest, alert.said, alert.urgent) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang, ward="3B").alerts if alert.form_id == swallow_screen.FORM]


def test_not_yet_screened_is_said_everywhere_and_asked_at_the_dose_until_a_screen(session_for, stroke, clock):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", ASPIRIN, patient_id=stroke).record_id
    assert _alerts(nurse) == [("STROKE: SWALLOW NOT YET SCREENED (arrived 11:00)", [
        "screen the swallow by 15:00 (within 4 hours of arrival)",
        "nothing by mouth, medicines included, until a screen is passed"], False)]
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [stroke], clock(), "en") == {
        stroke: "STROKE: SWALLOW NOT YET SCREENED — nothing by mouth, medicines included; screen by 15:00"}
    assert swallow_screen.handed_on(nurse.db, nurse.forms, stroke, clock(), "en") == [
        "STROKE: SWALLOW NOT YET SCREENED — nothing by mouth, medicines included; screen by 28/11 15:00"]
    assert medication.nil_by_mouth(nurse.db, [stroke], clock())[stroke].why("PO") == {
        "en": "stroke, swallow not yet screened", "fr": "AVC, déglutition pas encore dépistée"}
    [asked] = [one for one in medication.check_dose(nurse, order, GIVEN) if one.check is Check.NIL_BY_MOUTH_GIVEN]
    assert asked.message == (
        "Aspirin is recorded given PO at 14:00, and the patient, admitted with a stroke at 11:00, has no swallow screen "
        "recorded: nothing by mouth, medicines included, until a screen is passed. Screen the swallow first, or give "
        "it by another route the doctor decides, or say who allowed it by mouth in the reason.")
    assert "AVC" in asked.text("fr")
    assert not [one for one in medication.check_dose(nurse, order, {**GIVEN, "route": "PR"})
                if one.check is Check.NIL_BY_MOUTH_GIVEN]
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    assert _alerts(nurse)[0][1:] == (["swallow screen OVERDUE since 15:00 (4 hours after arrival): screen it now",
                                      "nothing by mouth, medicines included, until a screen is passed"], True)
    records.save_new(nurse, swallow_screen.FORM, {**PASSED, "screened_at": "2026-11-28T15:20+01:00"}, patient_id=stroke)
    assert _alerts(nurse) == [] and swallow_screen.ward_lines(nurse.db, nurse.forms, [stroke], clock(), "en") == {}
    assert medication.nil_by_mouth(nurse.db, [stroke], clock()) == {}
    assert not [one for one in medication.check_dose(nurse, order, {**GIVEN, "given_at": "2026-11-28T15:30+01:00"})
                if one.check is Check.NIL_BY_MOUTH_GIVEN]


def test_a_stroke_of_the_past_asks_nothing(session_for, patient, clock):
    nurse = session_for("nurse")
    [admission] = records.list_current(nurse.db, "admission", patient_id=patient)
    records.amend(nurse, admission.record_id, {**admission.data, "reason": "Pneumonia. History of stroke"}, "typo")
    assert _alerts(nurse) == [] and swallow_screen.unscreened(nurse.db, [patient], clock()) == {}

"""A patient nil by mouth: a medicine by a feeding tube (NG) is the route the doctor chose for
them, not one fasting stops; a dose recorded nil by mouth ahead (fasting for theatre) comes back to
the round while it is due, in case the operation is cancelled; a dose given by mouth to a patient
the admission records nil by mouth is asked for a reason."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check, Frequency, NotGivenReason, Order, reason_offered
from downtime.services import census, medication, records
from downtime.services.errors import ValidationFailed
from downtime.storage.records import current

LEVETIRACETAM = {"drug": "Levetiracetam", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
                 "times": "08:00 14:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False,
                 "high_alert": False, "time_critical": False}
FASTING_AT_14 = {"outcome": "not_given", "not_given_reason": "nil_by_mouth", "not_given_detail": "NBM for theatre",
                 "scheduled_for": "2026-11-28T14:00+01:00"}


@pytest.mark.parametrize("route, offered", [("NG", False), ("PO", True), ("SL", True), ("BUC", True)])
def test_nil_by_mouth_is_offered_by_mouth_alone_not_by_a_feeding_tube(route, offered):
    order = Order(record_id="o", patient_id="p", drug="Madopar dispersible 62.5", dose=1.0, dose_unit="tablet",
                  route=route, frequency=Frequency.SCHEDULED, start_at=datetime.fromisoformat("2026-11-28T09:30+01:00"))
    assert reason_offered(order, NotGivenReason.NIL_BY_MOUTH) is offered


def test_a_dose_by_ng_recorded_nil_by_mouth_is_refused_naming_the_reason(session_for, patient, clock):
    """Levodopa by NG is how a patient failing the swallow screen gets it: "nil by mouth" went
    unasked, and the escalation list asked the doctor for the route they had found."""
    order = records.save_new(session_for("doctor"), "medication_order", {**LEVETIRACETAM, "route": "NG"},
                             patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(session_for("nurse"), order, {**FASTING_AT_14, "given_at": "2026-11-28T14:05+01:00"})
    (error,) = refused.value.errors
    assert error.path == "not_given_reason" and "is given NG" in error.message, error.message


def _fasted_at_09_30(session_for, patient, clock) -> tuple[str, object]:
    """The 14:00 levetiracetam recorded nil by mouth at 09:30 for an afternoon operation."""
    clock.now = datetime.fromisoformat("2026-11-28T09:30+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    nurse = session_for("nurse")
    medication.record_dose(nurse, order, {**FASTING_AT_14, "given_at": "2026-11-28T09:30+01:00"},
                           overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 15:00"})
    return order, nurse


def _on_the_round(nurse, order: str) -> list[tuple[str, str, list[str]]]:
    return [(f"{item.slot:%H:%M}", str(item.state), [warning.text("en") for warning in item.fasting])
            for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
            if item.order.record_id == order]


def test_a_dose_recorded_nil_by_mouth_ahead_is_back_on_the_round_while_due(session_for, patient, clock):
    """The operation cancelled at 10:00, the patient eats: the 14:00 dose was off the round."""
    order, nurse = _fasted_at_09_30(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    assert _on_the_round(nurse, order) == []  # upcoming: not yet
    clock.now = datetime.fromisoformat("2026-11-28T13:55+01:00")
    assert _on_the_round(nurse, order) == [("14:00", "due", [
        "Recorded nil by mouth at 09:30, before its time: if the patient may now eat and drink (the operation "
        "cancelled), give it."])]
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")  # overdue: said as not given, as before
    assert _on_the_round(nurse, order) == []


def test_a_dose_recorded_nil_by_mouth_at_its_time_leaves_the_round(session_for, patient, clock):
    order = records.save_new(session_for("doctor"), "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    nurse = session_for("nurse")
    medication.record_dose(nurse, order, {**FASTING_AT_14, "given_at": "2026-11-28T14:00+01:00"})
    assert _on_the_round(nurse, order) == []


@pytest.mark.parametrize("ordered, route, asked", [("PO", "PO", True), ("SL", "SL", True), ("NG", "NG", False),
                                                    ("NG", "PO", True), ("PO", "NG", False)])
def test_a_dose_given_by_mouth_to_a_patient_admitted_nil_by_mouth_is_asked(session_for, patient, ordered, route,
                                                                           asked):
    """The admission's "Nil by mouth" ("Failed bedside swallow screen") was read by the printed
    census alone: the levodopa given PO went unasked. Asked by the route the dose was given, not its
    order's: ordered down the NG tube and given PO, it was asked only that its route differed."""
    nurse = session_for("nurse")
    admission = current(nurse.db, census.patient_with_location(nurse.db, nurse.forms, patient).admission_record_id)
    records.amend(nurse, admission.record_id, {**admission.data, "diet": ["nil_by_mouth"]}, "failed swallow screen")
    order = records.save_new(session_for("doctor"), "medication_order", {**LEVETIRACETAM, "route": ordered},
                             patient_id=patient).record_id
    warnings = medication.check_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-28T14:00+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00", "dose_given": 500.0,
                                                    "route": route})
    assert [(warning.check, warning.text("en")) for warning in warnings
            if warning.check is not Check.ROUTE_MISMATCH] == ([(
        Check.NIL_BY_MOUTH_GIVEN, f"The admission records this patient nil by mouth, and Levetiracetam is given {route}: "
        "give it by mouth only if the doctor or the speech and language therapist allows it, and say who in the "
        "reason.")] if asked else [])


def test_a_time_critical_dose_recorded_nil_by_mouth_ahead_is_asked_once_and_told_it_comes_back(session_for, patient,
                                                                                                clock):
    """"It leaves the round" was false for nil by mouth ahead, which comes back on the round when
    due; and a levodopa so recorded asked two reasons for one act (review S4 S6)."""
    clock.now = datetime.fromisoformat("2026-11-28T09:30+01:00")
    doctor = session_for("doctor")
    plain = records.save_new(doctor, "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    critical = records.save_new(doctor, "medication_order", {**LEVETIRACETAM, "time_critical": True},
                                patient_id=patient).record_id
    nurse = session_for("nurse")
    ahead = {**FASTING_AT_14, "given_at": "2026-11-28T09:30+01:00"}
    (warning,) = medication.check_dose(nurse, plain, ahead)
    assert warning.check is Check.NOT_GIVEN_AHEAD and "leaves the round" not in warning.text("en")
    assert "comes back on the round when due" in warning.text("en")
    assert [warning.check for warning in medication.check_dose(nurse, critical, ahead)] == [
        Check.TIME_CRITICAL_NOT_GIVEN]

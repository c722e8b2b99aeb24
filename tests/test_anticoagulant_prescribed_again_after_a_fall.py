"""An anticoagulant the doctor prescribes again, after a fall's CT head and decision to hold or stop
it and once its orders had stopped, is the doctor deciding otherwise: a new apixaban written a day
after a small subdural was asked "give it only if a doctor has decided otherwise since" at every
dose for the rest of the stay (review R2 D5). The order standing at the fall is still asked, so is
one written or started before the decision, and so is the outage's daily rewrite of a held order,
which is no decision (review S_NL S1), whenever in the morning the old order was stopped and the new
one written, so long as no dose of the old one fell between them (review S_GLN S1); a CT done with no
decision recorded is always asked."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import records
from tests.conftest import PARIS_WINTER
from tests.test_doses_after_a_head_injury import APIXABAN, FALL, _asked

DECIDED = {**FALL, "fell_at": "2026-11-28T02:00+01:00", "anticoagulated": True, "reviewed_by": "Dr Benali",
           "reviewed_at": "2026-11-28T02:40+01:00", "ct_head": "done", "ct_head_at": "2026-11-28T04:00+01:00",
           "ct_head_result": "Small subdural haematoma", "anticoagulant_after_ct": "hold"}
EVENING = {"outcome": "given", "scheduled_for": "2026-11-29T20:00+01:00", "given_at": "2026-11-29T20:05+01:00",
           "dose_given": 5.0, "route": "PO"}
NEXT_MORNING = {**EVENING, "scheduled_for": "2026-11-30T08:00+01:00", "given_at": "2026-11-30T08:05+01:00"}


def _stop(doctor, order: str, at: str, reason: str) -> None:
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "stop_at": at}, reason)


def _rewrite(doctor, patient: str, order: str, at: str) -> str:
    """The outage's daily rewrite of the chart: `order` stopped at `at`, the same written from then."""
    _stop(doctor, order, at, "Daily rewrite of the chart")
    return records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": at}, patient_id=patient).record_id


def test_a_new_order_after_the_old_one_stopped_is_not_asked_and_the_old_one_still_is(
        session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    standing = records.save_new(doctor, "medication_order", APIXABAN, patient_id=patient).record_id
    fall = records.save_new(nurse, "inpatient_fall", {**DECIDED, "anticoagulant_after_ct": None}, patient_id=patient)
    clock.advance(minutes=10)
    fall = records.amend(doctor, fall.record_id, DECIDED, "CT reported")
    clock.advance(minutes=50)
    _stop(doctor, standing, "2026-11-28T15:00+01:00", "Held after the fall")
    clock.now = datetime(2026, 11, 29, 9, 0, tzinfo=PARIS_WINTER)
    again = records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": "2026-11-29T20:00+01:00"},
                             patient_id=patient).record_id
    clock.now = datetime(2026, 11, 29, 20, 5, tzinfo=PARIS_WINTER)
    assert _asked(nurse, again, EVENING, Check.HEAD_INJURY) == []
    assert len(_asked(nurse, standing, EVENING, Check.HEAD_INJURY)) == 1
    # The fall amended since for something else (the family told) keeps its decision's time.
    records.amend(nurse, fall.record_id, {**DECIDED, "family_told": True}, "Daughter rang back")
    assert _asked(nurse, again, EVENING, Check.HEAD_INJURY) == []
    # The next day's rewrite of the order prescribed again is that prescription still.
    clock.now = datetime(2026, 11, 30, 7, 50, tzinfo=PARIS_WINTER)
    today = _rewrite(doctor, patient, again, "2026-11-30T08:00+01:00")
    assert _asked(nurse, today, NEXT_MORNING, Check.HEAD_INJURY) == []
    # The decision changed after the new order (hold, then stop) asks again.
    clock.advance(minutes=5)
    records.amend(doctor, fall.record_id, {**DECIDED, "family_told": True, "anticoagulant_after_ct": "stop"},
                  "Neurosurgery: stop")
    assert len(_asked(nurse, today, NEXT_MORNING, Check.HEAD_INJURY)) == 1


def test_the_daily_rewrite_of_a_held_order_is_still_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    standing = records.save_new(doctor, "medication_order", APIXABAN, patient_id=patient).record_id
    records.save_new(nurse, "inpatient_fall", DECIDED, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 7, 50, tzinfo=PARIS_WINTER)
    today = _rewrite(doctor, patient, standing, "2026-11-29T08:00+01:00")
    clock.now = datetime(2026, 11, 29, 20, 5, tzinfo=PARIS_WINTER)
    (asked,) = _asked(nurse, today, EVENING, Check.HEAD_INJURY)
    assert "the doctor's decision on the fall is to hold or stop the anticoagulant" in asked.text("en")


@pytest.mark.parametrize("stopped, written, start", [
    ("2026-11-29T08:00", "2026-11-29T08:05", "2026-11-29T08:05"),
    ("2026-11-29T08:00", "2026-11-29T09:00", "2026-11-29T09:00"),
    ("2026-11-29T08:00", "2026-11-29T09:00", "2026-11-29T20:00"),
    ("2026-11-29T07:55", "2026-11-29T08:10", "2026-11-29T08:00")],
    ids=["5 minutes apart", "an hour apart", "first dose at 20:00", "stopped now, started at 08:00"])
def test_a_rewrite_missing_no_dose_of_the_held_order_is_still_asked(session_for, medication_ward, clock,
                                                                      stopped, written, start):
    """The old order stopped a few minutes or an hour before the new one is written, or the new one
    starting at its next dose time: no dose of the held apixaban was missed, so no doctor decided."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    standing = records.save_new(doctor, "medication_order", APIXABAN, patient_id=patient).record_id
    records.save_new(nurse, "inpatient_fall", DECIDED, patient_id=patient)
    clock.now = datetime.fromisoformat(stopped).replace(tzinfo=PARIS_WINTER)
    _stop(doctor, standing, f"{stopped}+01:00", "Daily rewrite of the chart")
    clock.now = datetime.fromisoformat(written).replace(tzinfo=PARIS_WINTER)
    today = records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": f"{start}+01:00"},
                             patient_id=patient).record_id
    clock.now = datetime(2026, 11, 29, 20, 5, tzinfo=PARIS_WINTER)
    (asked,) = _asked(nurse, today, EVENING, Check.HEAD_INJURY)
    assert "the doctor's decision on the fall is to hold or stop the anticoagulant" in asked.text("en")


def test_a_held_order_stopped_then_prescribed_again_the_next_day_is_not_asked(session_for, medication_ward, clock):
    """The doctor stopped it at the decision; three doses missed, the new order the next day is theirs."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    standing = records.save_new(doctor, "medication_order", APIXABAN, patient_id=patient).record_id
    records.save_new(nurse, "inpatient_fall", DECIDED, patient_id=patient)
    clock.now = datetime(2026, 11, 28, 5, 0, tzinfo=PARIS_WINTER)
    _stop(doctor, standing, "2026-11-28T05:00+01:00", "Held after the fall")
    clock.now = datetime(2026, 11, 29, 9, 0, tzinfo=PARIS_WINTER)
    again = records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": "2026-11-29T09:00+01:00"},
                             patient_id=patient).record_id
    clock.now = datetime(2026, 11, 29, 20, 5, tzinfo=PARIS_WINTER)
    assert _asked(nurse, again, EVENING, Check.HEAD_INJURY) == []


def test_a_ct_done_with_no_decision_is_asked_of_an_order_prescribed_again(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    standing = records.save_new(doctor, "medication_order", APIXABAN, patient_id=patient).record_id
    records.save_new(nurse, "inpatient_fall", {**DECIDED, "ct_head_result": "Awaiting the radiologist's report",
                                               "anticoagulant_after_ct": None}, patient_id=patient)
    clock.advance(hours=1)
    _stop(doctor, standing, "2026-11-28T15:00+01:00", "Held after the fall")
    clock.now = datetime(2026, 11, 29, 9, 0, tzinfo=PARIS_WINTER)
    again = records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": "2026-11-29T20:00+01:00"},
                             patient_id=patient).record_id
    clock.now = datetime(2026, 11, 29, 20, 5, tzinfo=PARIS_WINTER)
    (asked,) = _asked(nurse, again, EVENING, Check.HEAD_INJURY)
    assert "the fall records no doctor's decision to continue the anticoagulant" in asked.text("en")


def test_a_new_order_backdated_to_before_the_decision_is_still_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(nurse, "inpatient_fall", DECIDED, patient_id=patient)
    clock.advance(hours=1)
    backdated = records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": "2026-11-28T08:00+01:00"},
                                 patient_id=patient).record_id
    clock.advance(days=1)
    assert len(_asked(nurse, backdated, EVENING, Check.HEAD_INJURY)) == 1


def test_a_new_order_written_before_the_decision_is_still_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime(2026, 11, 28, 13, 0, tzinfo=PARIS_WINTER)
    before = records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": "2026-11-29T20:00+01:00"},
                              patient_id=patient).record_id
    clock.advance(hours=1)
    records.save_new(nurse, "inpatient_fall", DECIDED, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 20, 5, tzinfo=PARIS_WINTER)
    assert len(_asked(nurse, before, EVENING, Check.HEAD_INJURY)) == 1

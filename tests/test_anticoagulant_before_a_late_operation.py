"""An anticoagulant given while its patient still waits for an operation whose planned start has
passed (a list running late) asks as before it: apixaban at 08:05 and 08:30 for a 08:00 hernia
repair not yet done asked nothing, and the patient went to theatre anticoagulated."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import records, theatre
from tests.test_anticoagulation import APIXABAN, _asked, _dose, _order

ASKED = ("Apixaban: operation booked 30/11 08:00, within 48 hours of this dose: ask the surgeon or anaesthetist "
         "whether to give it.")


@pytest.fixture
def waiting(session_for, medication_ward):
    """Apixaban twice a day, and a hernia repair booked on Monday 30/11 at 08:00: the order, the
    booking."""
    patient = medication_ward[0]
    coord, doctor = session_for("coord"), session_for("doctor")
    listed = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {
        "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": listed,
        "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 60}).record_id
    return _order(doctor, patient, **APIXABAN), booking


def _given(session_for, clock, apixaban, at: str) -> list[str]:
    """What the dose given at `at` (a time on the operation's day, or a date and time) asks."""
    at = at if "T" in at else f"2026-11-30T{at}"
    clock.now = datetime.fromisoformat(f"{at}+01:00")
    return _asked(session_for("nurse"), apixaban, _dose(f"{at}+01:00", f"{at[:10]}T08:00+01:00", 5.0, "PO"),
                  Check.BEFORE_OPERATION)


WAITING = ("Apixaban: operation booked 30/11 08:00, not yet recorded done: if the patient has not gone to theatre "
           "yet, ask the surgeon or anaesthetist whether to give it.")


def test_a_dose_before_the_operation_is_asked(session_for, clock, waiting):
    apixaban, _ = waiting
    assert _given(session_for, clock, apixaban, "07:55") == [ASKED]


@pytest.mark.parametrize("at", ["08:05", "08:30", "12:55"])
def test_a_dose_while_the_operation_still_waits_after_its_start_is_asked(session_for, clock, waiting, at):
    """Said as a start passed, not as one "within 48 hours" still to come."""
    apixaban, _ = waiting
    assert _given(session_for, clock, apixaban, at) == [WAITING]


@pytest.mark.parametrize("at", ["13:05", "20:00", "23:30"])
def test_a_dose_once_the_list_has_ended_is_not_asked(session_for, clock, waiting, at):
    """The list ended at 13:00: the evening's post-operative dose asked of an operation 12 hours
    past "within 48 hours of this dose", as the board is back-entered on another laptop."""
    apixaban, _ = waiting
    assert _given(session_for, clock, apixaban, at) == []


def test_a_dose_the_next_day_of_an_operation_not_recorded_done_is_not_asked(session_for, clock, waiting):
    """A day later, one not recorded done is a record missing, not a patient waiting: asking of
    every dose for ever would teach the ward to click through."""
    apixaban, _ = waiting
    assert _given(session_for, clock, apixaban, "2026-12-01T08:05") == []


def test_a_dose_after_the_operation_is_recorded_done_is_not_asked(session_for, clock, waiting):
    apixaban, booking = waiting
    clock.now = datetime.fromisoformat("2026-11-30T09:10+01:00")
    theatre.record_done(session_for("coord"), booking, {"done_at": "2026-11-30T08:40+01:00", "theatre": "T1"})
    assert _given(session_for, clock, apixaban, "09:15") == []


@pytest.mark.parametrize("at", ["2026-11-30T23:45", "2026-12-01T00:30", "2026-12-01T01:55"])
def test_an_operation_of_an_overnight_list_still_waiting_is_said_with_its_date(session_for, clock, medication_ward,
                                                                              at):
    """A 23:30 operation on a list running to 02:00, not yet done: a dose at 00:30 said "operation
    booked 23:30 today" of yesterday's, as though it were still to come tonight."""
    patient = medication_ward[0]
    coord, doctor = session_for("coord"), session_for("doctor")
    listed = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T20:00+01:00",
        "ends_at": "2026-12-01T02:00+01:00"}).record_id
    theatre.book(coord, patient, {
        "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": listed,
        "planned_start": "2026-11-30T23:30+01:00", "expected_minutes": 60})
    assert _given(session_for, clock, _order(doctor, patient, **APIXABAN), at) == [WAITING.replace("08:00", "23:30")]

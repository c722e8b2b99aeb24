"""An operation not to be done goes to the EHR revoked: cancelled because the patient died or
declined it (and not rebooked since), or its patient's death recorded, or sent to another
hospital. It went as an active order, and the EHR's waiting list showed a dead patient's
operation still to do, or one another hospital operates."""

import pytest
from fhir.resources.R4B.servicerequest import ServiceRequest

from downtime.services import records, theatre, wards
from tests.conftest import death_answers

CANCEL = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system", "last_minute": True,
          "patient_told": "phone"}


def _admitted(session_for, admission_values, bed):
    return records.save_new(session_for("nurse"), "admission", {**admission_values, "bed": str(bed),
                                                                "birth_name": f"Patient{bed}"}).patient_id


def _booked(coord, patient_id, session_id, start, surgeon):
    return theatre.book(coord, patient_id, {
        "procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": surgeon, "session": session_id,
        "planned_start": f"2026-11-30T{start}+01:00", "expected_minutes": 60}).record_id


@pytest.fixture
def theatre_day(session_for):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    coord = session_for("coord")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T14:00+01:00"}).record_id
    return coord, session_id


@pytest.mark.parametrize(("reason", "told", "status"), [
    ({"reason": "patient_died"}, "family", "revoked"),
    ({"reason": "patient_declined", "declined": "operation"}, "phone", "revoked"),
    ({"reason": "patient_declined", "declined": "date"}, "phone", "active"),
    ({"reason": "information_system"}, "phone", "active")])
def test_an_operation_cancelled_for_the_patients_death_or_refusal_is_sent_revoked(
        session_for, admission_values, theatre_day, exported_resource, reason, told, status):
    """Cancelled because the patient died (or declined the operation itself), the operation went
    to the EHR as an active order: its waiting list showed a dead patient's operation still to do.
    A patient who declined only the date waits to be rebooked, as the rescheduling list has it."""
    coord, session_id = theatre_day
    booking = _booked(coord, _admitted(session_for, admission_values, 1), session_id, "08:00", "Dr Roux")
    theatre.cancel(coord, booking, {**CANCEL, **reason, "patient_told": told})
    found = exported_resource(booking, ServiceRequest)
    assert found.status == status
    assert any("Not to be done" in note.text for note in found.note or []) is (status == "revoked")


def test_an_operation_whose_patients_death_is_recorded_is_sent_revoked(session_for, admission_values, theatre_day,
                                                                       exported_resource):
    """Still booked (no coordinator has cancelled it yet), it is not to be done either."""
    coord, session_id = theatre_day
    patient = _admitted(session_for, admission_values, 1)
    booking = _booked(coord, patient, session_id, "08:00", "Dr Roux")
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"),
                                                      "verified_by": "Dr Benali", "expected": False,
                                                      "family_informed": True}, patient_id=patient)
    found = exported_resource(booking, ServiceRequest)
    assert found.status == "revoked"
    assert [note.text for note in found.note][-1].startswith("Not to be done: the patient's death is recorded (2026-11-28T13:00")


def test_an_operation_declined_then_rebooked_is_still_active(session_for, admission_values, theatre_day,
                                                            exported_resource):
    coord, session_id = theatre_day
    booking = _booked(coord, _admitted(session_for, admission_values, 1), session_id, "08:00", "Dr Roux")
    theatre.cancel(coord, booking, {**CANCEL, "reason": "patient_declined", "declined": "operation"})
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": session_id,
                                    "planned_start": "2026-11-30T11:00+01:00", "decided_at": "2026-11-28T10:00+01:00"})
    assert exported_resource(booking, ServiceRequest).status == "active"


def test_a_rebooking_withdrawn_leaves_a_declined_operation_revoked(session_for, admission_values, theatre_day,
                                                                   exported_resource):
    """The withdrawn rebooking's slot, shown after the others as entered in error, was read as
    the slot in force: the operation went active."""
    coord, session_id = theatre_day
    booking = _booked(coord, _admitted(session_for, admission_values, 1), session_id, "08:00", "Dr Roux")
    theatre.cancel(coord, booking, {**CANCEL, "reason": "patient_declined", "declined": "operation"})
    mistaken = theatre.rebook(coord, booking, {"outcome": "rebooked", "session": session_id,
                                               "planned_start": "2026-11-30T11:00+01:00",
                                               "decided_at": "2026-11-28T10:00+01:00"})
    records.mark_entered_in_error(coord, mistaken.record_id, "Rebooked the wrong patient's operation")
    assert exported_resource(booking, ServiceRequest).status == "revoked"


def test_a_death_under_a_linked_number_revokes_the_operation(session_for, admission_values, theatre_day,
                                                            exported_resource):
    """The board said PATIENT DIED from a death recorded under the person's other number; the
    export sent the operation still to do."""
    from downtime.services import back_entry
    from downtime.services.patients import downtime_numbers

    coord, session_id = theatre_day
    first, second = (_admitted(session_for, {**admission_values, "nir": None}, bed) for bed in (1, 2))
    clerk = session_for("records")
    numbers = downtime_numbers(clerk.db, [first, second])
    back_entry.link_patient(clerk, numbers[first], "800123")
    back_entry.link_patient(clerk, numbers[second], "800123", same_person=True)
    booking = _booked(coord, second, session_id, "08:00", "Dr Roux")
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"),
                                                      "verified_by": "Dr Benali", "expected": False,
                                                      "family_informed": True}, patient_id=first)
    assert exported_resource(booking, ServiceRequest).status == "revoked"


def test_an_operation_transferred_to_another_hospital_is_sent_revoked_naming_it(session_for, admission_values,
                                                                                 theatre_day, exported_resource):
    """Sent active, the EHR's waiting list kept an operation another hospital now operates, for
    the records office to book again. Revoked (R4: terminated, no further activity under it;
    not on hold, which resumes, nor completed, which was done), with that hospital as its
    performer and the transfer's note saying why."""
    coord, session_id = theatre_day
    booking = _booked(coord, _admitted(session_for, admission_values, 1), session_id, "08:00", "Dr Roux")
    theatre.cancel(coord, booking, CANCEL)
    theatre.rebook(coord, booking, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                    "decided_at": "2026-11-28T10:00+01:00", "reason": "Cannot wait"})
    found = exported_resource(booking, ServiceRequest)
    assert found.status == "revoked" and [performer.display for performer in found.performer] == ["CHU Sud"]
    assert found.note[-1].text == ("Transferred to CHU Sud (decided 2026-11-28T10:00:00+01:00): Cannot wait; "
                                   "patient not told yet")


def test_a_transfer_withdrawn_leaves_the_operation_active_waiting_here(session_for, admission_values, theatre_day,
                                                                       exported_resource):
    coord, session_id = theatre_day
    booking = _booked(coord, _admitted(session_for, admission_values, 1), session_id, "08:00", "Dr Roux")
    theatre.cancel(coord, booking, CANCEL)
    mistaken = theatre.rebook(coord, booking, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                               "decided_at": "2026-11-28T10:00+01:00"})
    records.mark_entered_in_error(coord, mistaken.record_id, "Transferred the wrong patient's operation")
    assert exported_resource(booking, ServiceRequest).status == "active"


def test_an_operation_cancelled_for_a_death_since_withdrawn_is_sent_active(session_for, admission_values, theatre_day,
                                                                           exported_resource):
    """The death was recorded for the wrong patient and the coordinator cancelled "Patient
    died"; the ward withdrew the death. The living patient's operation went to the EHR revoked,
    "not to be done"; it is still to be done (the rescheduling list asks for it first)."""
    coord, session_id = theatre_day
    patient = _admitted(session_for, admission_values, 1)
    booking = _booked(coord, patient, session_id, "08:00", "Dr Roux")
    death = records.save_new(session_for("doctor"), "death", {
        **death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali", "expected": False,
        "family_informed": True}, patient_id=patient)
    theatre.cancel(coord, booking, {**CANCEL, "cancelled_at": "2026-11-28T13:30+01:00", "reason": "patient_died",
                                    "patient_told": "family", "last_minute": False})
    records.mark_entered_in_error(session_for("nurse"), death.record_id, "recorded for the wrong patient")
    found = exported_resource(booking, ServiceRequest)
    assert found.status == "active"
    assert not any("Not to be done" in note.text for note in found.note or [])

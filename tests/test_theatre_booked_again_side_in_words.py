"""A waiting operation booked again with its side written in the procedure, or its words in
another order: "Knee arthroscopy" LEFT, or "Arthroscopy, left knee" LEFT, went through while
"Left knee arthroscopy" LEFT waited for a new date, one knee on two lists."""

import pytest

from downtime.services import records, theatre
from downtime.services.errors import ServiceError


def _session(coord, day):
    return records.save_new(coord, "theatre_session", {
        "theatre": "T2", "specialty": "Orthopaedics",
        "starts_at": f"{day}T08:00+01:00", "ends_at": f"{day}T13:00+01:00"}).record_id


def _knee(session_id, day, procedure, side="left"):
    return {"procedure": procedure, "laterality": side, "priority": "elective",
            "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None,
            "session": session_id, "planned_start": f"{day}T09:00+01:00", "expected_minutes": 60}


@pytest.mark.parametrize("waiting_procedure, procedure", [
    ("Left knee arthroscopy", "Knee arthroscopy"), ("Left knee arthroscopy", "Arthroscopy, left knee"),
    ("Left knee arthroscopy", "Left-sided knee arthroscopy"), ("Left knee arthroscopy", "Knee arthroscopy (L)"),
    ("Arthroscopie genou gauche", "Genou gauche : arthroscopie")])
def test_the_side_in_the_words_does_not_make_another_operation(session_for, admission_values, waiting_procedure,
                                                                procedure):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    waiting = theatre.book(coord, patient, _knee(_session(coord, "2026-11-28"), "2026-11-28", waiting_procedure))
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    with pytest.raises(ServiceError, match="is already waiting to be rebooked for this patient"):
        theatre.book(coord, patient, _knee(_session(coord, "2026-12-03"), "2026-12-03", procedure))
    assert len(theatre.bookings(coord.db, coord.forms)) == 1, "nothing written"


def test_the_other_side_or_another_operation_is_still_booked(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    waiting = theatre.book(coord, patient, _knee(_session(coord, "2026-11-28"), "2026-11-28", "Left knee arthroscopy"))
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    later = _session(coord, "2026-12-03")
    theatre.book(coord, patient, _knee(later, "2026-12-03", "Right knee arthroscopy", side="right"))
    theatre.book(coord, patient, {**_knee(later, "2026-12-03", "Left knee replacement"),
                                  "planned_start": "2026-12-03T11:00+01:00"})
    assert len(theatre.bookings(coord.db, coord.forms)) == 3


def test_the_same_words_in_another_order_within_a_part_are_another_operation(session_for, admission_values):
    """Parts of a wording (between commas, colons, brackets) may come in any order, not the words
    within them: a nail removed for a plate is not a plate removed for a nail."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    waiting = theatre.book(coord, patient, _knee(_session(coord, "2026-11-28"), "2026-11-28",
                                                 "Removal of plate and insertion of nail, left femur"))
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    theatre.book(coord, patient, _knee(_session(coord, "2026-12-03"), "2026-12-03",
                                       "Removal of nail and insertion of plate, left femur"))
    assert len(theatre.bookings(coord.db, coord.forms)) == 2

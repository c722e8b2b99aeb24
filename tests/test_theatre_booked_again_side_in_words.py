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


@pytest.mark.parametrize("waiting_procedure, procedure, side", [
    ("Left knee arthroscopy", "Knee arthroscopy", "left"), ("Left knee arthroscopy", "Arthroscopy, left knee", "left"),
    ("Left knee arthroscopy", "Left-sided knee arthroscopy", "left"),
    ("Left knee arthroscopy", "Knee arthroscopy (L)", "left"),
    ("Arthroscopie genou gauche", "Genou gauche : arthroscopie", "left"),
    ("Knee arthroscopy (L), hip injection (R)", "Right hip injection, left knee arthroscopy", "bilateral")])
def test_the_side_in_the_words_does_not_make_another_operation(session_for, admission_values, waiting_procedure,
                                                                procedure, side):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    waiting = theatre.book(coord, patient, _knee(_session(coord, "2026-11-28"), "2026-11-28", waiting_procedure, side))
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    with pytest.raises(ServiceError, match="is already waiting to be rebooked for this patient"):
        theatre.book(coord, patient, _knee(_session(coord, "2026-12-03"), "2026-12-03", procedure, side))
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
    """Parts of a wording (between commas and semicolons) may come in any order, not the words
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


@pytest.mark.parametrize("waiting_procedure, procedure, side", [
    ("Removal: plate; insertion: nail", "Removal: nail; insertion: plate", "left"),
    ("Excision of lesion (back), biopsy (arm)", "Excision of lesion (arm), biopsy (back)", "not_applicable"),
    ("Excision lesion R arm, L leg", "Excision lesion L arm, R leg", "bilateral")])
def test_a_label_bracket_or_side_stays_with_its_part(session_for, admission_values, waiting_procedure, procedure,
                                                     side):
    """Only the parts between commas and semicolons come in any order: what a label, a bracket or
    a side says of one part is not said of another, and a lesion excised from the back with the
    arm biopsied is another operation than the reverse."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    waiting = theatre.book(coord, patient, _knee(_session(coord, "2026-11-28"), "2026-11-28", waiting_procedure, side))
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    theatre.book(coord, patient, _knee(_session(coord, "2026-12-03"), "2026-12-03", procedure, side))
    assert len(theatre.bookings(coord.db, coord.forms)) == 2

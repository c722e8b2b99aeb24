"""A booking's side once its site was checked, or the operation done: amended LEFT to RIGHT
("typo") after a time-out that said "Left knee" and the operation recorded done, it was accepted
with nothing said, and the list, the board and the EHR's Procedure said RIGHT."""

import pytest

from downtime.services import records, theatre
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from tests.test_theatre_merge import BOOKING, SIGNED, _coordinator, _list_session


def left_knee_booked(nurse: Session, admission_values: dict, clock) -> tuple[Session, str, str]:
    """A LEFT knee arthroscopy booked on 28/11's T1 list at 09:00 on the nurse's laptop, for a
    patient admitted with no NIR: the coordinator, the patient, the booking. The side tests all
    start from it, on one laptop or two."""
    coord = _coordinator(nurse, clock)
    patient = records.save_new(nurse, "admission", {**admission_values, "nir": ""}).patient_id
    booking = theatre.book(coord, patient, {**BOOKING, "procedure": "Knee arthroscopy", "laterality": "left",
                                            "anaesthetist": None, "session": _list_session(coord, "T1", "2026-11-28"),
                                            "planned_start": "2026-11-28T09:00+01:00"}).record_id
    return coord, patient, booking


@pytest.fixture
def left_knee(tmp_path, laptop, admission_values, clock):
    """A LEFT knee arthroscopy on 28/11's T1 list at 09:00: the coordinator, the nurse, the patient, the booking."""
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, patient, booking = left_knee_booked(nurse, admission_values, clock)
    return coord, nurse, patient, booking


def _checked(nurse, patient: str, booking: str, notes: str = "") -> str:
    return records.save_new(nurse, theatre.CHECKLIST_FORM, {
        **SIGNED, "checked_at": "2026-11-28T08:50+01:00", "booking": booking,
        "surgeon_critical_steps": "Left knee, scope 40 min", "notes": notes}, patient_id=patient).record_id


def checked_right_knee(nurse: Session, patient: str, booking: str,
                       notes: str = "Right knee confirmed with the consent and the mark") -> None:
    """A WHO checklist whose time out said "Right knee" of the LEFT booking, the notes naming the side."""
    records.save_new(nurse, theatre.CHECKLIST_FORM, {
        **SIGNED, "checked_at": "2026-11-28T08:50+01:00", "booking": booking, "surgeon_critical_steps": "Right knee",
        "notes": notes}, patient_id=patient)


def _to_right(coord, booking: str) -> None:
    records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "right"}, "typo")


def test_the_side_of_an_operation_done_is_not_amended(left_knee):
    coord, nurse, patient, booking = left_knee
    _checked(nurse, patient, booking)
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    with pytest.raises(ServiceError, match=r"Side: this operation was recorded done \(28/11/2026 09:05\)"):
        _to_right(coord, booking)
    assert records.current(coord.db, booking).data["laterality"] == "left"


def test_the_side_under_a_standing_checklist_is_amended_only_once_it_is_withdrawn(left_knee):
    coord, nurse, patient, booking = left_knee
    checklist = _checked(nurse, patient, booking)
    with pytest.raises(ServiceError, match="Side: the WHO checklist signed in 28/11/2026 08:50 names “Left” at its time out"):
        _to_right(coord, booking)
    records.amend(coord, booking, {**records.current(coord.db, booking).data, "notes": "Latex allergy"}, "allergy")
    records.mark_entered_in_error(nurse, checklist, "Time out on the wrong side: site checked again")
    _to_right(coord, booking)
    assert records.current(coord.db, booking).data["laterality"] == "right"


def test_a_side_booked_wrong_is_corrected_to_the_side_the_checklist_checked(left_knee):
    """The time out caught a booking on the wrong side: the coordinator corrects it to the side
    the team checked, and the operation is done, and sent, on that side."""
    coord, nurse, patient, booking = left_knee
    checked_right_knee(nurse, patient, booking,
                       "Right knee confirmed with the consent and the mark: booking wrong, coordinator told")
    _to_right(coord, booking)
    done = theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    assert records.current(coord.db, done.record_id).data[theatre.SIDE_OPERATED] == "right"


def test_a_side_is_given_to_a_booking_with_none_the_checklist_agrees_with(left_knee):
    coord, nurse, patient, booking = left_knee
    records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "not_applicable",
                                   "procedure": "Hernia repair"}, "snapshot")
    records.save_new(nurse, theatre.CHECKLIST_FORM, {
        **SIGNED, "checked_at": "2026-11-28T08:50+01:00", "booking": booking,
        "surgeon_critical_steps": "Left inguinal hernia"}, patient_id=patient)
    records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "left"}, "side")
    with pytest.raises(ServiceError, match="Side: the WHO checklist signed in 28/11/2026 08:50 names “Left”"):
        records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "right"}, "side")


def test_the_side_operated_is_left_to_choose_where_the_checklist_names_another(left_knee):
    coord, nurse, patient, booking = left_knee
    checked_right_knee(nurse, patient, booking)
    assert theatre.side_operated_default(coord.db, booking) is None
    done = theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    assert records.current(coord.db, done.record_id).data.get(theatre.SIDE_OPERATED) is None


def test_once_done_the_booking_is_amended_only_to_the_side_operated(left_knee):
    coord, nurse, patient, booking = left_knee
    _checked(nurse, patient, booking)
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1",
                                         theatre.SIDE_OPERATED: "left"})
    with pytest.raises(ServiceError, match=r"Side: this operation was recorded done \(28/11/2026 09:05\) on the side "
                                           r"operated LEFT"):
        _to_right(coord, booking)

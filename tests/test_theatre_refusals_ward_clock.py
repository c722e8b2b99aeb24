"""The theatre's refusals say their times on the ward's clock, whatever offset each was typed
with: a cancellation, a rebooking, an operation done, a decision, a death or a list typed on a
laptop set to UTC (09:10 at the ward typed 08:10+00:00), merged here, was said an hour before
the time on its paper ("done at 28/11/2026 08:10"), and the coordinator went looking for
another record."""

from datetime import date

import pytest

from downtime.services import printing, records, theatre
from downtime.services.errors import ServiceError
from tests.conftest import death_answers
from tests.pdf_text import pdf_text
from tests.test_theatre_service import (  # noqa: F401 (lists: a fixture)
    CANCEL, DONE, MONDAY, SATURDAY, TUESDAY, _booking, _rebooking, _session, _today, lists,
)
from tests.test_theatre_side_after_checked import left_knee_booked


def _utc_session(coord, theatre_name: str, start: str, end: str) -> str:
    """A list on Monday 30/11 typed on a laptop set to UTC: 08:00 at the ward typed 07:00+00:00."""
    return records.save_new(coord, "theatre_session", {
        "theatre": theatre_name, "specialty": "General surgery",
        "starts_at": f"{MONDAY}T{start}+00:00", "ends_at": f"{MONDAY}T{end}+00:00"}).record_id


def _died_on_a_utc_laptop(session_for, patient_id: str) -> None:
    """The patient's death at 13:00 on 28/11, typed on a laptop set to UTC."""
    records.save_new(session_for("doctor"), "death", {**death_answers(f"{SATURDAY}T12:00+00:00"),
                                                      "verified_by": "Dr Benali", "expected": False,
                                                      "family_informed": True}, patient_id=patient_id)


def test_a_record_after_the_operation_done_says_both_on_the_wards_clock(lists, clock):  # noqa: F811
    coord, _, _ = lists
    _, booked = _today(lists)
    theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T08:10+00:00"})
    with pytest.raises(ServiceError, match=r"This operation was done at 28/11/2026 09:10: nothing is recorded of it "
                                           r"after that \(28/11/2026 11:00\)"):
        theatre.cancel(coord, booked.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T10:00+00:00"})


def test_an_operation_done_in_a_slot_cancelled_says_both_on_the_wards_clock(lists, clock):  # noqa: F811
    coord, _, _ = lists
    _, booked = _today(lists)
    theatre.cancel(coord, booked.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T07:00+00:00"})
    with pytest.raises(ServiceError, match="Cancelled at 28/11/2026 08:00, done at 28/11/2026 09:10"):
        theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T08:10+00:00"})


def test_a_rebooking_dated_before_its_cancellation_says_both_on_the_wards_clock(lists):  # noqa: F811
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T12:00+00:00"})
    with pytest.raises(ServiceError, match="the rebooking is dated 28/11/2026 12:30, "
                                           "the cancellation 28/11/2026 13:00"):
        theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                          f"{SATURDAY}T11:30+00:00"))


def test_a_cancellation_before_its_rebooking_says_the_rebooking_on_the_wards_clock(lists):  # noqa: F811
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                      f"{SATURDAY}T10:00+00:00"))
    with pytest.raises(ServiceError, match=r"until it was rebooked \(28/11/2026 11:00\)"):
        theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T10:00+01:00"})


def test_a_patient_told_before_the_decision_is_refused_saying_it_on_the_wards_clock(lists):  # noqa: F811
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    with pytest.raises(ServiceError, match=r"cannot be told before the new date was decided \(28/11/2026 11:00\)"):
        theatre.rebook(coord, first.record_id, {**_rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                             f"{SATURDAY}T10:00+00:00"),
                                                "patient_told": "phone", "told_at": f"{SATURDAY}T10:30+01:00"})


def test_a_cancellation_before_the_decision_says_it_on_the_wards_clock(lists):  # noqa: F811
    coord, patients, made = lists
    decided = {**_booking(made["t1-mon"], "08:00"), "decided_at": "2026-10-01T09:00+00:00"}  # 11:00 summer time
    first = theatre.book(coord, patients[0], decided)
    with pytest.raises(ServiceError, match=r"before the decision to operate \(01/10/2026 11:00\)"):
        theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": "2026-09-30T10:00+01:00"})


def test_a_booking_after_the_death_says_it_on_the_wards_clock(lists, session_for):  # noqa: F811
    coord, patients, made = lists
    _died_on_a_utc_laptop(session_for, patients[0])
    with pytest.raises(ServiceError, match=r"death is recorded \(28/11/2026 13:00\)"):
        theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))


def test_an_operation_done_when_no_list_ran_says_the_lists_on_the_wards_clock(lists):  # noqa: F811
    coord, _, _ = lists
    _, booked = _today(lists)
    with pytest.raises(ServiceError, match=r"No list of theatre T1 was running at 28/11/2026 07:30 \(its lists: "
                                           r"28/11 08:00–13:00\), and this operation's list starts 28/11/2026 08:00"):
        theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T06:30+00:00"})


def test_an_operation_done_before_its_list_begun_says_its_start_on_the_wards_clock(lists, clock):  # noqa: F811
    coord, patients, _ = lists
    utc = _utc_session(coord, "T3", "07:00", "12:00")
    booked = theatre.book(coord, patients[0], {**_booking(utc, "08:00"), "planned_start": f"{MONDAY}T07:00+00:00"})
    with pytest.raises(ServiceError, match="theatre session starts 30/11/2026 08:00: record it done once its list"):
        theatre.record_done(coord, booked.record_id, {"done_at": clock.now.isoformat(timespec="minutes"),
                                                      "theatre": "T3"})


def test_a_session_overlapping_another_says_it_on_the_wards_clock(lists):  # noqa: F811
    coord, _, _ = lists
    with pytest.raises(ServiceError, match=r"Theatre T1 already has a session 30/11/2026 08:00-13:00"):
        _utc_session(coord, "T1", "09:00", "10:00")
    _utc_session(coord, "T4", "07:00", "12:00")
    with pytest.raises(ServiceError, match=r"Theatre T4 already has a session 30/11/2026 08:00-13:00"):
        _session(coord, "T4", MONDAY, "09:00", "10:00")


def test_a_session_holding_an_operation_done_says_its_times_on_the_wards_clock(lists):  # noqa: F811
    coord, _, _ = lists
    today, booked = _today(lists)
    theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T08:10+00:00"})
    session = records.current(coord.db, today)
    with pytest.raises(ServiceError, match=r"booked 28/11/2026 09:00-10:30, done 28/11/2026 09:10\."):
        records.amend(coord, today, {**session.data, "ends_at": f"{SATURDAY}T10:00+01:00"}, "short list")


def test_the_same_operation_booked_again_says_the_cancellation_and_the_dates_on_the_wards_clock(lists):  # noqa: F811
    coord, patients, made = lists
    utc = {**_booking(made["t1-mon"], "08:00"), "planned_start": f"{MONDAY}T07:00+00:00"}
    first = theatre.book(coord, patients[0], utc)
    values = _booking(made["t1-tue"], "08:00", day=TUESDAY)
    assert theatre.booked_already(coord.db, patients[0], values, None, "en").endswith(": 30/11/2026 08:00 T1.")
    theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T08:00+00:00"})
    with pytest.raises(ServiceError, match=r"already waiting to be rebooked for .* \(cancelled 28/11/2026 09:00\)"):
        theatre.book(coord, patients[0], values)


def test_the_side_of_an_operation_done_is_refused_saying_it_on_the_wards_clock(tmp_path, laptop, admission_values,
                                                                               clock):
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    theatre.record_done(coord, booking, {"done_at": f"{SATURDAY}T08:05+00:00", "theatre": "T1"})
    with pytest.raises(ServiceError, match=r"Side: this operation was recorded done \(28/11/2026 09:05\)"):
        records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "right"}, "typo")


def test_a_death_typed_on_a_laptop_set_to_utc_is_said_on_the_lists_and_the_letter_on_the_wards_clock(
        lists, clock, session_for, tmp_path):  # noqa: F811
    """A death at 13:00 typed 12:00+00:00: the day's list read "PATIENT DIED 28/11/2026 12:00",
    the rescheduling list "died 28/11/2026 12:00", and the letter's refusal the same."""
    coord, patients, made = lists
    theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    waiting = theatre.book(coord, patients[0], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    theatre.cancel(coord, waiting.record_id, CANCEL)
    moved = theatre.book(coord, patients[0], {**_booking(made["t2-mon"], "11:00", surgeon="Dr M", anaesthetist="Dr N"),
                                              "procedure": "Inguinal hernia repair"})
    theatre.cancel(coord, moved.record_id, CANCEL)
    theatre.rebook(coord, moved.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T11:00+01:00",
                                                      clock.now.isoformat(timespec="minutes")))
    _died_on_a_utc_laptop(session_for, patients[0])
    assert "PATIENT DIED 28/11/2026 13:00: cancel" in pdf_text(
        printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "Laparoscopic cholecystectomy — died 28/11/2026 13:00." in pdf_text(
        printing.print_rescheduling(coord, tmp_path / "resched.pdf"))
    with pytest.raises(ServiceError, match=r"This patient's death is recorded \(28/11/2026 13:00\): no letter"):
        printing.print_letter(coord, moved.record_id, tmp_path / "letter.pdf")

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from downtime.domain.theatre import (
    Booking, Cancellation, CancelReason, Priority, TheatreSession, clashes, rebook_by, suggest_slots,
)

TZ = timezone(timedelta(hours=1))
PARIS = ZoneInfo("Europe/Paris")
DAY = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)


def _session(sid, theatre, day=0, start=8, end=13, specialty="general"):
    return TheatreSession(sid, theatre, DAY + timedelta(days=day, hours=start - 8),
                          DAY + timedelta(days=day, hours=end - 8), specialty)


def _booking(bid, session, start_h, minutes=60, patient=None, surgeon="Dr A", anaesthetist="Dr Z", day=0):
    start = DAY + timedelta(days=day, hours=start_h - 8) if start_h is not None else None
    return Booking(bid, patient or f"p-{bid}", session, start, minutes, surgeon, anaesthetist)


SESSIONS = {s.session_id: s for s in (_session("s1", "T1"), _session("s2", "T2"))}


@pytest.mark.parametrize("candidate, kind", [
    (_booking("new", "s1", 8.5, surgeon="Dr B", anaesthetist="Dr Y"), "theatre"),
    (_booking("new", "s2", 8.75, anaesthetist="Dr Y"), "surgeon"),
    (_booking("new", "s2", 8.9, surgeon="Dr B"), "anaesthetist"),
    (_booking("new", "s2", 8.5, patient="p-b1", surgeon="Dr B", anaesthetist="Dr Y"), "patient"),
    (_booking("new", "s1", 12.5, surgeon="Dr B", anaesthetist="Dr Y"), "session"),
])
def test_each_kind_of_clash_including_partial_overlaps(candidate, kind):
    booked = [_booking("b1", "s1", 8)]
    assert [c.kind for c in clashes(candidate, SESSIONS, booked)] == [kind]


def test_back_to_back_is_not_a_clash():
    booked = [_booking("b1", "s1", 8)]
    assert clashes(_booking("new", "s1", 9), SESSIONS, booked) == []


def test_suggestions_are_clash_free_and_earliest_first():
    sessions = [_session("s1", "T1"), _session("s2", "T2"), _session("s3", "T1", day=1)]
    booked = [_booking("b1", "s1", 8, minutes=240, surgeon="Dr C", anaesthetist="Dr X"),
              _booking("b2", "s2", 8, minutes=90, surgeon="Dr B")]
    wanted = _booking("new", None, None, minutes=120)
    slots = suggest_slots(wanted, sessions, booked, after=DAY)
    assert [(s.session_id, s.start.strftime("%d %H:%M")) for s in slots] == [
        ("s2", "01 09:45"), ("s3", "02 08:00")]
    by_id = {s.session_id: s for s in sessions}
    for slot in slots:
        trial = Booking("new", "p-new", slot.session_id, slot.start, 120, "Dr A", "Dr Z")
        assert clashes(trial, by_id, booked) == []


def test_no_suggestion_before_now():
    sessions = [_session("s1", "T1")]
    slots = suggest_slots(_booking("new", None, None), sessions, [], after=DAY + timedelta(hours=2, minutes=5))
    assert slots[0].start.strftime("%H:%M") == "10:15"


def test_28_day_breach_date_for_last_minute_non_clinical_cancellation():
    decided = DAY - timedelta(days=40)
    cancelled = DAY

    def once(reason, last_minute):
        return [Cancellation(cancelled, reason, last_minute)]

    assert rebook_by(Priority.ELECTIVE, decided, once(CancelReason.INFORMATION_SYSTEM, True)) == (
        DAY + timedelta(days=28)).replace(hour=23, minute=59), "the 28th day, all of it"
    assert rebook_by(Priority.ELECTIVE, decided, once(CancelReason.PATIENT_UNFIT, True)) is None
    assert rebook_by(Priority.ELECTIVE, decided, once(CancelReason.INFORMATION_SYSTEM, False)) is None
    assert rebook_by(Priority.EXPEDITED, DAY, once(CancelReason.INFORMATION_SYSTEM, True)) == DAY + timedelta(days=7)


@pytest.mark.parametrize("cancelled, due", [
    ("2026-10-10T09:00+02:00", "2026-11-07T23:59+01:00"),  # the clocks go back between: it ended at 22:59
    ("2026-03-10T09:00+01:00", "2026-04-07T23:59+02:00"),  # forward: it ran to 00:59 on the 29th day
    ("2026-10-09T23:30+00:00", "2026-11-07T23:59+01:00"),  # typed on a laptop in UTC: the 10th on the ward
])
def test_the_28th_day_ends_at_midnight_on_the_wards_clock_across_a_change_of_summer_time(cancelled, due):
    found = rebook_by(Priority.ELECTIVE, datetime.fromisoformat(cancelled) - timedelta(days=40),
                      [Cancellation(datetime.fromisoformat(cancelled), CancelReason.INFORMATION_SYSTEM, True)])
    assert found == datetime.fromisoformat(due) and found.strftime("%H:%M") == "23:59"


def test_a_second_cancellation_keeps_the_first_last_minute_ones_28_days():
    """Cancelled on the day, rebooked, then cancelled again ahead of the new date: the patient
    is still owed the first 28 days; the later deadline of a second last-minute cancellation
    does not put it off either."""
    first, second = DAY, DAY + timedelta(days=5)
    owed = (DAY + timedelta(days=28)).replace(hour=23, minute=59)
    for again in (Cancellation(second, CancelReason.SURGEON_UNAVAILABLE, False),
                  Cancellation(second, CancelReason.LIST_OVERRAN, True),
                  Cancellation(second, CancelReason.PATIENT_UNFIT, True)):
        assert rebook_by(Priority.ELECTIVE, DAY - timedelta(days=40),
                         [Cancellation(first, CancelReason.INFORMATION_SYSTEM, True), again]) == owed


def test_a_month_of_twenty_theatres_with_a_busy_anaesthetist():
    sessions = [_session(f"s{d}-{t}", f"T{t}", day=d) for d in range(30) for t in range(20)]
    booked = [_booking(f"b{d}-{t}", f"s{d}-{t}", 8, minutes=300, surgeon=f"Dr {t}", day=d)
              for d in range(29) for t in range(20)]
    slots = suggest_slots(_booking("new", None, None, minutes=120), sessions, booked, after=DAY)
    assert len(slots) == 5
    assert all(s.session_id.startswith("s29-") and s.start.strftime("%H:%M") == "08:00" for s in slots)


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3), st.sampled_from(["Dr A", "Dr B", "Dr C"]),
                          st.sampled_from([30, 60, 90, 240, 600])), max_size=25),
       st.integers(30, 300))
@settings(max_examples=150, deadline=None)
def test_no_suggested_slot_clashes_with_any_booking_however_long(placed, minutes):
    """Each session reads only the bookings that start less than the longest one before it (a
    hospital's history is thousands): a long operation of the same surgeon, started the session
    before, must still keep its slot out. Checked against every booking, by the clash rules."""
    sessions = [_session(f"s{day}{theatre}", f"T{theatre}", day=day, start=8 + 4 * theatre, end=22)
                for day in range(6) for theatre in range(2)]
    by_id = {s.session_id: s for s in sessions}
    booked = [Booking(f"b{number}", f"p{number}", f"s{day}{number % 2}",
                      by_id[f"s{day}{number % 2}"].start + timedelta(minutes=30 * slot), length, surgeon, None)
              for number, (day, slot, surgeon, length) in enumerate(placed)]
    wanted = _booking("new", None, None, minutes=minutes, surgeon="Dr A", anaesthetist=None)
    for slot in suggest_slots(wanted, sessions, booked, after=DAY, limit=20):
        trial = Booking("new", "p-new", slot.session_id, slot.start, minutes, "Dr A", None)
        assert clashes(trial, by_id, booked) == []


def test_the_earliest_slot_comes_first_whichever_session_starts_first():
    """Enter books the first slot offered: T1's list starts at 08:00 but is busy until 12:00,
    T2's is free at 08:00; offered in session order, an urgent case went to T1 at 12:00. With
    five lists starting at 08:00 busy all morning, a list free from 09:00 was not offered at all."""
    busy = [_booking(f"b{t}", f"s{t}", 8, minutes=240, surgeon=f"Dr {t}", anaesthetist=f"Dr Z{t}") for t in range(5)]
    sessions = [*(_session(f"s{t}", f"T{t}", end=18) for t in range(5)), _session("late", "T9", start=9)]
    slots = suggest_slots(_booking("new", None, None, minutes=60, anaesthetist=None), sessions, busy, after=DAY)
    assert [(s.session_id, s.start.strftime("%H:%M")) for s in slots] == [
        ("late", "09:00"), ("s0", "12:15"), ("s1", "12:15"), ("s2", "12:15"), ("s3", "12:15")]


def test_a_theatre_holding_two_lists_at_once_is_busy_with_both_lists_operations():
    """Two laptops each added Monday's T1 list ("T1", "t1 "): merged, the room holds two lists at
    once. The slots counted only the list's own operations, so 08:00 on one list was offered
    while the other's operation stood in the room at 08:00, and Enter booked it."""
    sessions = [_session("s1", "T1"), _session("s1b", "t1 "), _session("s2", "T2")]
    booked = [_booking("b1", "s1", 8, minutes=90, surgeon="Dr B", anaesthetist="Dr Y"),
              _booking("b2", "s1b", 9, minutes=60, surgeon="Dr C", anaesthetist="Dr X"),
              _booking("b3", "s2", 8, minutes=300, surgeon="Dr D", anaesthetist="Dr W")]
    slots = suggest_slots(_booking("new", None, None), sessions, booked, after=DAY)
    assert [(s.theatre, s.start.strftime("%H:%M")) for s in slots] == [("T1", "10:15")], (
        "one slot: the room's two lists offer the same time once")


# The evenings before the clocks skip an hour (spring) and repeat one (autumn).
CHANGE_EVES = (datetime(2026, 3, 28, 20, 0, tzinfo=PARIS), datetime(2026, 10, 24, 20, 0, tzinfo=PARIS))


def _stored(eve: datetime, minutes: int) -> datetime:
    """A time so many minutes after `eve` as it is stored: with the ward's offset then."""
    return datetime.fromisoformat((eve.astimezone(timezone.utc) + timedelta(minutes=minutes))
                                  .astimezone(PARIS).isoformat())


@st.composite
def _merged_theatre_nights(draw):
    """Lists of two theatres over a change of summer time, typed otherwise on each laptop and
    overlapping as a merge leaves them; operations of every length on them, sharing patients,
    surgeons and anaesthetists typed otherwise; an operation to place, and now."""
    people = ["Dr A", "dr. a ", "Dr B", "DR  B", "Dr C"]
    eve = draw(st.sampled_from(CHANGE_EVES))
    sessions = []
    for index in range(draw(st.integers(1, 6))):
        start = _stored(eve, 5 * draw(st.integers(0, 24 * 12)))
        sessions.append(TheatreSession(f"s{index}", draw(st.sampled_from(["T1", " t1", "T2", "t2 "])), start,
                                       start + timedelta(minutes=5 * draw(st.integers(1, 12 * 12))), "general"))
    booked = [Booking(f"b{index}", draw(st.sampled_from(["p1", "p2", "p3"])), session.session_id,
                      session.start + timedelta(minutes=5 * draw(st.integers(0, 100))),
                      draw(st.sampled_from([15, 30, 60, 95, 240, 600])), draw(st.sampled_from(people)),
                      draw(st.sampled_from([None, *people])))
              for index, session in enumerate(draw(st.lists(st.sampled_from(sessions), max_size=15)))]
    wanted = Booking("new", draw(st.sampled_from(["p1", "p9"])), None, None, draw(st.sampled_from([15, 45, 90, 300])),
                     draw(st.sampled_from(people)), draw(st.sampled_from([None, *people])))
    return sessions, booked, wanted, _stored(eve, draw(st.integers(0, 30 * 60))).astimezone(PARIS)


@given(_merged_theatre_nights())
@settings(max_examples=300, deadline=None)
def test_no_suggested_slot_clashes_whatever_a_merge_left(night):
    """After a merge a theatre may hold overlapping lists: every suggested slot, across a change
    of summer time (either way), for an operation of any length sharing anyone with others, is
    checked by the clash rules against every booking of every list."""
    sessions, booked, wanted, after = night
    by_id = {s.session_id: s for s in sessions}
    for slot in suggest_slots(wanted, sessions, booked, after=after, limit=20):
        trial = Booking("new", wanted.patient_id, slot.session_id, slot.start, wanted.minutes, wanted.surgeon,
                        wanted.anaesthetist)
        assert slot.start >= after and [clash.kind for clash in clashes(trial, by_id, booked)] == []


def test_lists_starting_at_once_are_offered_in_the_order_of_their_theatres_numbers():
    """Two lists at 08:00: theatre 10's slot was offered before theatre 2's (as text, "T10" <
    "T2"), and Enter books the first."""
    sessions = [_session("s10", "T10"), _session("s2", "T2")]
    slots = suggest_slots(_booking("new", None, None), sessions, [], after=DAY - timedelta(hours=1))
    assert [slot.theatre for slot in slots] == ["T2", "T10"]

"""The back-entry list's order, as a clerk types it top to bottom into the EHR: every line after
the lines it points to, each stay from its admission to its leaving."""

from datetime import datetime, timedelta, timezone

from hypothesis import given, strategies as st

from downtime.domain.entry_order import ToEnter, in_entry_order

START = datetime(2026, 11, 28, 8, 0, tzinfo=timezone(timedelta(hours=1)))
ADMISSION, ORDER, DOSE, THEATRE, LEAVING = 0, 1, 2, 3, 5


def at(hours: float) -> datetime:
    return START + timedelta(hours=hours)


@st.composite
def lines_pointing_back(draw: st.DrawFn) -> list[ToEnter]:
    """Records of any kind and time, each pointing to any of those written before it (as a
    record can only point to one that exists), listed in any order, some pointing to records
    not listed (entered already, or loaded from the EHR)."""
    count = draw(st.integers(0, 14))
    written: list[ToEnter] = []
    for number in range(count):
        targets = draw(st.sets(st.sampled_from([line.record_id for line in written] + ["not-listed"]), max_size=3)
                       if written else st.just(set[str]()))
        written.append(ToEnter(f"r{number}", draw(st.integers(0, 5)), at(draw(st.integers(-48, 48))),
                               frozenset(targets)))
    return draw(st.permutations(written))


@given(lines_pointing_back(), st.lists(st.integers(-48, 48).map(at), max_size=3))
def test_every_line_comes_after_every_line_it_points_to(lines, admitted):
    ordered = in_entry_order(lines, admitted)
    assert sorted(ordered, key=lambda line: line.record_id) == sorted(lines, key=lambda line: line.record_id)
    place = {line.record_id: index for index, line in enumerate(ordered)}
    for line in ordered:
        assert all(place[target] < place[line.record_id] for target in line.refers_to if target in place), (
            f"{line.record_id} listed before a record it points to")


@given(lines_pointing_back())
def test_a_stay_is_entered_from_its_admission_to_its_leaving(lines):
    """Whatever their kind and time, nothing of a stay comes before its admission, and after its
    leaving only another leaving or a record waiting for one it points to."""
    admission = ToEnter("admission", ADMISSION, at(30), admits=True)
    leaving = ToEnter("discharge", LEAVING, at(-60))
    ordered = in_entry_order([leaving, *lines, admission], [admission.occurred_at])
    assert ordered[0] == admission
    waits_for_a_leaving = {line.record_id for line in lines if line.step == LEAVING}
    for line in sorted(lines, key=lambda line: int(line.record_id[1:])):  # each after those it points to
        if line.refers_to & waits_for_a_leaving:
            waits_for_a_leaving.add(line.record_id)
    assert {line.record_id for line in ordered[ordered.index(leaving) + 1:]} <= waits_for_a_leaving


def test_a_cancellation_typed_before_the_time_of_its_booking_comes_after_it():
    """ANDRÉ Loïc: the theatre cancellation (06:36) came before the 11:00 booking it cancels."""
    booking = ToEnter("booking", THEATRE, at(3), frozenset({"session"}))
    cancellation = ToEnter("cancellation", THEATRE, at(-1.4), frozenset({"booking"}))
    rebooking = ToEnter("rebooking", THEATRE, at(-1), frozenset({"booking", "other-session"}))
    assert [line.record_id for line in in_entry_order([rebooking, cancellation, booking])] == [
        "booking", "cancellation", "rebooking"]


def test_orders_and_doses_come_after_the_admission_and_a_dose_after_its_order():
    admission = ToEnter("admission", ADMISSION, at(2.5), admits=True)
    transfer = ToEnter("transfer", ADMISSION, at(2.5))
    order = ToEnter("order", ORDER, at(3))
    early_dose = ToEnter("dose", DOSE, at(1), frozenset({"order"}))
    continued = ToEnter("continued", ORDER, at(0), frozenset({"order"}))
    ordered = in_entry_order([early_dose, continued, transfer, order, admission], [admission.occurred_at])
    assert [line.record_id for line in ordered] == ["admission", "transfer", "order", "continued", "dose"]


def test_each_stay_is_entered_in_turn_from_its_admission_to_its_leaving():
    """A readmission: the first stay's discharge before the second admission (an EHR takes a
    second stay once the first is closed), each stay's orders within it."""
    first, second = ToEnter("admission-1", ADMISSION, at(0), admits=True), ToEnter("admission-2", ADMISSION, at(48),
                                                                                   admits=True)
    lines = [ToEnter("order-2", ORDER, at(50)), ToEnter("discharge-1", LEAVING, at(24)), second,
             ToEnter("order-1", ORDER, at(2)), first, ToEnter("discharge-2", LEAVING, at(72))]
    ordered = in_entry_order(lines, [second.occurred_at, first.occurred_at])
    assert [line.record_id for line in ordered] == [
        "admission-1", "order-1", "discharge-1", "admission-2", "order-2", "discharge-2"]


def test_records_pointing_to_each_other_are_listed_all_the_same():
    one, other = ToEnter("one", ORDER, at(1), frozenset({"other"})), ToEnter("other", ORDER, at(0), frozenset({"one"}))
    first = ToEnter("first", ORDER, at(5))
    assert in_entry_order([one, other, first]) == [first, other, one]


def test_a_discharge_at_the_minute_of_a_readmission_closes_the_first_stay():
    """Discharged at 14:00 and readmitted at 14:00 (a bed left and taken at the same minute is
    free): the discharge was taken for the second stay's, listed after its admission and records,
    and the EHR, given the second admission with the first stay still open, would have closed
    the second stay with the first's discharge."""
    first, second = ToEnter("admission-1", ADMISSION, at(0), admits=True), ToEnter("admission-2", ADMISSION, at(6),
                                                                                   admits=True)
    lines = [ToEnter("discharge-1", LEAVING, at(6), leaves=True), ToEnter("order-2", ORDER, at(6.5)), second,
             ToEnter("order-1", ORDER, at(2)), first]
    ordered = in_entry_order(lines, [first.occurred_at, second.occurred_at])
    assert [line.record_id for line in ordered] == ["admission-1", "order-1", "discharge-1", "admission-2", "order-2"]


def test_a_stay_left_at_the_minute_it_began_keeps_its_leaving_when_the_one_before_was_left_earlier():
    """Readmitted at 14:00 and dead on arrival at 14:00, the first stay discharged at 10:00: the
    death is the second stay's."""
    first, second = ToEnter("admission-1", ADMISSION, at(0), admits=True), ToEnter("admission-2", ADMISSION, at(6),
                                                                                   admits=True)
    lines = [ToEnter("death-2", LEAVING, at(6), leaves=True), second, ToEnter("discharge-1", LEAVING, at(2), leaves=True),
             first]
    ordered = in_entry_order(lines, [first.occurred_at, second.occurred_at])
    assert [line.record_id for line in ordered] == ["admission-1", "discharge-1", "admission-2", "death-2"]


def test_a_withdrawn_dose_is_withdrawn_before_its_withdrawn_order():
    """The ward withdraws a dose recorded by mistake, then its order (an order is refused entered
    in error while a dose of it stands): the list said to withdraw the order first, in an EHR
    still holding its dose. A dose withdrawn of an order that stands still comes after it."""
    order = ToEnter("order", ORDER, at(1), withdraws=True)
    dose = ToEnter("dose", DOSE, at(2), frozenset({"order"}), withdraws=True)
    standing = ToEnter("standing", ORDER, at(0))
    other = ToEnter("other-dose", DOSE, at(3), frozenset({"standing"}), withdraws=True)
    assert [line.record_id for line in in_entry_order([order, dose, other, standing])] == [
        "standing", "dose", "order", "other-dose"]

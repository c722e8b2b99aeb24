"""A rebooked operation's line on the day's list and the board says the slot it left on the ward's
clock, as the letter does: booked at 08:00 on a laptop set to UTC, merged here, it read "REBOOKED
(from 30/11 07:00)", a slot it never had."""

from datetime import date

from downtime.services import theatre
from tests.test_theatre_service import CANCEL, MONDAY, TUESDAY, _booking, _rebooking, lists  # noqa: F401 (a fixture)


def test_a_rebooked_operation_says_the_slot_it_left_on_the_wards_clock(lists, clock):  # noqa: F811
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], {**_booking(made["t1-mon"], "08:00"),
                                                "planned_start": f"{MONDAY}T07:00+00:00"})
    theatre.cancel(coord, booking.record_id, CANCEL)
    theatre.rebook(coord, booking.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                        clock.now.isoformat(timespec="minutes")))
    (_, (entry,)), = theatre.day_list(coord.db, coord.forms, date(2026, 12, 1))
    assert theatre.rebooked_from(entry, "en") == "REBOOKED (from 30/11 08:00)"

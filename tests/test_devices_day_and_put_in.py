"""The line chart's day of a device, counted on the ward's calendar, and a device's putting in
never after the look that charts it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from downtime.domain.devices import days_in
from downtime.services import census, chart_alerts, devices, followed, records
from downtime.services.errors import ValidationFailed

CAME_IN_WITH = {"checked_at": "2026-11-28T10:00+01:00", "event": "checked", "device": "peripheral",
                "site": "Left forearm", "inserted_at": "2026-11-27T22:00+01:00", "vip": "0", "still_needed": True,
                "next_in": "8"}


def test_a_cannula_put_in_late_last_night_is_on_its_second_day_this_morning(session_for, patient):
    """Put in at 22:00 on 27/11 and read at 14:00 on 28/11: the day it went in was 27/11 (day 1,
    « J0 = jour de pose »), so 28/11 is day 2, J1. Counted by 24 hours gone by, it read "day 1"
    and "J0", a day short of the chart's tally and of every French ward's J count."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", CAME_IN_WITH, patient_id=patient)
    [latest] = followed.still_open(devices.chart(nurse.db, patient))
    assert latest.in_since(nurse.clock(), "en") == "in since 27/11 22:00 (day 2)"
    assert latest.in_since(nurse.clock(), "fr") == "en place depuis le 27/11 22:00 (J1)"


def test_the_day_of_a_device_is_the_wards_day_the_night_the_clocks_go_back():
    """Put in at 23:30 on 24/10 (summer time), read at 23:45 on 25/10 after the clocks went back:
    25 hours and a quarter gone by, but the next calendar day on the ward's clock (day 2), and put
    in at 00:30 on 25/10 read at 23:59 that day is still its first, though 24 hours and a half have
    gone by."""
    paris = ZoneInfo("Europe/Paris")
    assert days_in(datetime(2026, 10, 24, 23, 30, tzinfo=paris), datetime(2026, 10, 25, 23, 45, tzinfo=paris)) == 1
    assert days_in(datetime(2026, 10, 25, 0, 30, tzinfo=paris), datetime(2026, 10, 25, 23, 59, tzinfo=paris)) == 0


def test_a_put_in_time_typed_on_a_utc_laptop_counts_on_the_wards_day():
    """Put in at 00:30 on 28/11 on the ward's clock, typed on a laptop set to UTC (27/11 23:30+00:00),
    read at 14:00 that day: its first day, not its second."""
    paris = ZoneInfo("Europe/Paris")
    assert days_in(datetime.fromisoformat("2026-11-27T23:30+00:00"), datetime(2026, 11, 28, 14, tzinfo=paris)) == 0


def test_the_day_is_the_wards_whatever_offset_the_reading_carries():
    """Put in at 00:30 on 25/10 (summer time) and read at 23:59 that day on a clock carrying winter's
    fixed offset, as the laptop's clock gives it: its first day (taken on the reading's offset, the
    putting in fell at 23:30 the day before, its second)."""
    assert days_in(datetime.fromisoformat("2026-10-25T00:30+02:00"), datetime.fromisoformat("2026-10-25T23:59+01:00")) == 0


def test_a_device_cannot_be_put_in_after_the_look_that_charts_it(session_for, patient):
    """A check at 10:00 of a cannula "put in on 28/11 13:00" (the hour or the day slipped) was
    saved: its 72 hours counted from 13:00, its day from a time after it was seen."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", {**CAME_IN_WITH, "inserted_at": "2026-11-28T13:00+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["inserted_at"]


def test_the_escalation_list_is_read_again_when_a_cannula_reaches_its_72_hours(session_for, patient, clock):
    """Put in at 10:00 on 28/11, scored VIP 0 at 09:00 on 01/12, its next check due at 21:00: the
    list read at 09:30 was read again at 21:00 alone, and said "IN OVER 72 HOURS" nowhere from
    10:00 until then, though nothing else was saved; so did the devices tab."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**CAME_IN_WITH, "event": "inserted", "checked_at": "2026-11-28T10:00+01:00",
                                             "inserted_at": None, "vip": None, "still_needed": None, "next_in": "12"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-01T09:30+01:00")
    records.save_new(nurse, "device_check", {**CAME_IN_WITH, "checked_at": "2026-12-01T09:00+01:00", "inserted_at": None,
                                             "next_in": "12"}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B")
    assert [alert.said for alert in found.alerts if alert.form_id == devices.FORM] == []
    assert found.next_due.isoformat() == "2026-12-01T10:00:00+01:00"
    assert devices.coming(devices.chart(nurse.db, patient), nurse.clock()).isoformat() == "2026-12-01T10:00:00+01:00"

"""A dose warning writes its times as every screen does (`clock.ward_time`): the night the clocks
go back, the dose given at the first 02:30 says its offset, where the warning read "the 25/10
02:30 dose was given 50 min before this one" of a dose given at 02:20."""

from datetime import datetime, time, timedelta

from downtime.domain.medication import Administration, Frequency, Order, Outcome, safety_warnings


def test_the_dose_given_at_the_first_0230_says_its_offset():
    start = datetime.fromisoformat("2026-10-20T00:00+02:00")
    order = Order(record_id="o1", patient_id="p", drug="Amoxicillin", dose=1.0, dose_unit="g", route="PO",
                  frequency=Frequency.SCHEDULED, times=(time(2, 30), time(14, 30)), start_at=start)
    first = datetime.fromisoformat("2026-10-25T02:30+02:00")
    given = Administration(record_id="a1", order_id="o1", outcome=Outcome.GIVEN, scheduled_for=first, at=first,
                           dose=1.0, given_by="nurse")
    (said,) = safety_warnings(order, outcome=Outcome.GIVEN, at=datetime.fromisoformat("2026-10-25T02:20+01:00"),
                              dose=1.0, scheduled_for=None, allergies=[], history=[given], admitted=True)
    assert said.message.format(**said.values) == ("The 25/10 02:30 +02:00 dose of Amoxicillin was given 50 min before "
                                                  "this one; the order's doses are 12 h apart.")


def test_a_dose_given_early_the_day_the_clocks_go_forward_says_when_the_ward_shows_it_due():
    """The 03:00 dose falls due from 30 minutes before: 01:30 on the ward's clock (02:30 it never
    read that night)."""
    start = datetime.fromisoformat("2027-03-20T00:00+01:00")
    order = Order(record_id="o1", patient_id="p", drug="Amoxicillin", dose=1.0, dose_unit="g", route="PO",
                  frequency=Frequency.SCHEDULED, times=(time(3),), start_at=start)
    (said,) = safety_warnings(order, outcome=Outcome.GIVEN, at=datetime.fromisoformat("2027-03-28T00:30+01:00"),
                              dose=1.0, scheduled_for=datetime.fromisoformat("2027-03-28T03:00+02:00"), allergies=[],
                              history=[], admitted=True, due_before=timedelta(minutes=30))
    assert said.values["due"] == "01:30"


def test_a_dose_typed_on_a_laptop_set_to_utc_is_said_at_its_time_on_the_wards_clock():
    """The regular 06:00 paracetamol, written 05:00+00:00 by a laptop set to UTC: the as-required
    dose two hours later read "a dose was given 120 min from this one (28/11 05:00 …)", and the
    round held it until "the 05:00 dose" (the ward is in Paris: tests/conftest.py sets TZ)."""
    from datetime import timezone
    from zoneinfo import ZoneInfo

    from downtime.domain.medication import prn_status

    start = datetime.fromisoformat("2026-11-20T00:00+01:00")
    regular = Order(record_id="r", patient_id="p", drug="Paracetamol", dose=1.0, dose_unit="g", route="PO",
                    frequency=Frequency.SCHEDULED, times=(time(6), time(12), time(18), time(23)), start_at=start)
    needed = Order(record_id="q", patient_id="p", drug="Paracetamol", dose=1.0, dose_unit="g", route="PO",
                   frequency=Frequency.PRN, min_interval_hours=1, prn_indication="pain", start_at=start)
    written = datetime(2026, 11, 28, 5, 0, tzinfo=timezone.utc)
    given = Administration(record_id="a1", order_id="r", outcome=Outcome.GIVEN, scheduled_for=written, at=written,
                           dose=1.0, given_by="nurse")
    at = datetime(2026, 11, 28, 8, 0, tzinfo=ZoneInfo("Europe/Paris"))
    said = safety_warnings(needed, outcome=Outcome.GIVEN, at=at, dose=1.0, scheduled_for=None, allergies=[],
                           history=[given], admitted=True, other_orders=[(regular, "Paracetamol 1 g PO")], age=40, kg=70)
    assert [warning.values["time"] for warning in said] == ["28/11 06:00"]
    held = prn_status(needed, at, [given], orders=[regular], names={"r": "Paracetamol 1 g PO"}, age=40, kg=70).held_by
    assert held is not None and held.values["time"] == "28/11 06:00"

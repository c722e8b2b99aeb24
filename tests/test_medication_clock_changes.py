"""The medication checks that count hours gone by count real ones on the nights the clocks
change: the ward's clock carries Europe/Paris's rules, and Python counts hours between two of
its times on the wall clock (see downtime.domain.elapsed)."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from downtime.domain import elapsed
from downtime.domain.medication import Administration, Frequency, Order, Outcome, prn_status, safety_warnings
from downtime.services import medication, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.conftest import ondansetron_carried

PARIS = ZoneInfo("Europe/Paris")
WINTER, SUMMER = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


def _prn(drug: str, interval: int, most: int) -> Order:
    return Order(record_id="o1", patient_id="p", drug=drug, dose=1.0, dose_unit="g", route="PO",
                 frequency=Frequency.PRN, times=(), min_interval_hours=interval, max_doses_24h=most,
                 prn_indication="pain", start_at=datetime(2026, 1, 1, tzinfo=WINTER))


def _given(at: datetime) -> Administration:
    return Administration(record_id=f"a{at.isoformat()}{at.fold}", order_id="o1", outcome=Outcome.GIVEN,
                          scheduled_for=None, at=at, dose=1.0, given_by="nurse")


def _said(order: Order, at: datetime, history: list[Administration]) -> list[str]:
    return [w.message for w in safety_warnings(order, outcome=Outcome.GIVEN, at=at, dose=1.0, scheduled_for=None,
                                               allergies=[], history=history, admitted=True)]


def test_the_daily_maximum_counts_24_real_hours_the_morning_after_the_clocks_go_forward():
    """Paracetamol 1 g as required, at most 4 in 24 h; grams at 09:30, 16:00 and 22:00 the day
    before the clocks go forward and at 04:00 after. At 10:00 on the ward's clock the first is
    23 h 30 min old: counted back on the wall clock, the 24 hours began at 10:00 the day before,
    23 real hours, and a fifth gram in 24 hours was saved with nothing said."""
    given = [_given(at) for at in (datetime(2027, 3, 27, 9, 30, tzinfo=WINTER), datetime(2027, 3, 27, 16, 0, tzinfo=WINTER),
                                   datetime(2027, 3, 27, 22, 0, tzinfo=WINTER), datetime(2027, 3, 28, 4, 0, tzinfo=SUMMER))]
    at = datetime(2027, 3, 28, 10, 0, tzinfo=PARIS)
    assert _said(_prn("Paracetamol", 4, 4), at, given) == [
        "With this dose, 5 doses fall within 24 h; the order allows at most 4."]
    assert len(prn_status(_prn("Paracetamol", 4, 4), at, given).recent) == 4


def test_the_interval_is_measured_in_real_minutes_across_the_hour_the_clocks_skip():
    """Morphine as required every 4 h, given at 01:30 and again at 03:15 on the ward's clock the
    night the clocks go forward: 45 minutes apart, said as 105."""
    last = _given(datetime(2027, 3, 28, 1, 30, tzinfo=PARIS))
    assert _said(_prn("Morphine", 4, 6), datetime(2027, 3, 28, 3, 15, tzinfo=PARIS), [last]) == [
        "Last dose was 45 min ago; the order allows one every 4 h."]


def test_the_doses_of_the_hour_the_clocks_repeat_are_in_the_order_they_were_given():
    """Two doses on the ward's clock the night the clocks go back: 02:30 summer time, then 02:10
    winter time, 40 minutes later. Read by the hour they show, the 02:30 one was the last and the
    nearest to a dose at 03:00 (30 min, when it was 90); the 02:10 one is, 50 minutes before."""
    first = _given(datetime(2026, 10, 25, 2, 30, tzinfo=PARIS))
    second = _given(datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=PARIS))
    at = datetime(2026, 10, 25, 3, 0, tzinfo=PARIS)
    status = prn_status(_prn("Morphine", 4, 6), at, [second, first])
    assert (status.last, status.recent) == (second, (first, second))
    assert _said(_prn("Morphine", 4, 6), at, [first, second]) == [
        "Last dose was 50 min ago; the order allows one every 4 h."]


def test_an_as_required_dose_on_hold_of_the_last_24_real_hours_is_said_before_the_next(
        tmp_path, laptop, clock, admission_values):
    """Ondansetron as required given at 09:30 the day before the clocks go forward on laptop 1
    and withdrawn on laptop 2, the two versions on hold. At 10:00 the next morning, 23 h 30 min
    later, laptop 2's dose dialog counted back 24 hours on its clock, to 10:00 the day before,
    and said nothing of it."""
    clock.now = datetime(2027, 3, 27, 9, 35, tzinfo=PARIS)
    nurses, clerks, prn, dose = ondansetron_carried(tmp_path, laptop, clock, admission_values, "2027-03-27T09:30+01:00")
    medication.withdraw_dose(nurses[1], dose, "recorded for the wrong patient")
    records.amend(nurses[0], dose, {**records.current(nurses[0].db, dose).data, "site": "left arm"}, "site")
    first, second = (export(clerk, tmp_path / f"next-{number}").folder for number, clerk in enumerate(clerks, 1))
    import_export(clerks[1], first)
    import_export(clerks[0], second)
    clock.now = datetime(2027, 3, 28, 10, 0, tzinfo=PARIS)
    held = medication.held_for_dose(nurses[1].db, medication.order(nurses[1].db, prn), None, clock())
    assert [(found.dose.record_id, f"{found.dose.at:%d/%m %H:%M}") for found in held] == [(dose, "27/03 09:30")]


def test_a_real_span_is_counted_across_the_change_and_read_on_the_clock_it_came_with():
    """The helpers themselves: 24 real hours before 10:00 the day the clocks go forward is 09:00
    the day before, on the ward's clock."""
    back = elapsed.earlier(datetime(2027, 3, 28, 10, 0, tzinfo=PARIS), timedelta(hours=24))
    assert (back.tzinfo, back.replace(tzinfo=None), back.utcoffset()) == (
        PARIS, datetime(2027, 3, 27, 9, 0), timedelta(hours=1))
    assert elapsed.between(datetime(2026, 10, 25, 2, 30, tzinfo=PARIS),
                           datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=PARIS)) == timedelta(minutes=40)
    assert time(3, 10) == elapsed.later(datetime(2027, 3, 28, 1, 0, tzinfo=PARIS), timedelta(minutes=70)).time()


def test_the_rounds_last_12_hours_are_real_ones_the_day_the_clocks_go_forward(session_for, patient_on_the_clock):
    """Amoxicillin at 11:30 and 23:30. At noon the day the clocks go forward, the 23:30 dose of
    the night before is 11 h 30 min old, among those to give now; counted back 12 hours on the
    ward's clock (to midnight, 11 real hours) it was listed missed, below the others."""
    patient = patient_on_the_clock(datetime(2027, 3, 28, 12, 0), "2027-03-27T09:00+01:00")
    nurse = session_for("nurse")
    amox = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "11:30 23:30", "start_at": "2027-03-27T10:00+01:00", "review_at": "2027-03-30T10:00+02:00",
        "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    assert {f"{item.slot:%d/%m %H:%M}": item.missed for item in medication.round_list(
        nurse.db, nurse.forms, "3B", nurse.clock()) if item.order.record_id == amox} == {
        "27/03 11:30": True, "27/03 23:30": False, "28/03 11:30": False}

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from downtime.domain.medication import (
    Administration, Check, DoseState, Frequency, NotGivenReason, Order, Outcome, RoundPolicy, allergy_matches,
    anticoagulant, dose_state, offered_only, order_release, prn_status, safety_warnings, scheduled_slots,
)
from downtime.domain.release import Release

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 27, 0, 0, tzinfo=TZ)


def _order(**changes):
    base = dict(record_id="o1", patient_id="p", drug="Amoxicillin", dose=1.0, dose_unit="g",
                route="IV", frequency=Frequency.SCHEDULED, times=(time(8), time(14), time(20)),
                start_at=START)
    return Order(**{**base, **changes})


def _given(at, scheduled_for=None, order_id="o1"):
    return Administration(record_id=f"a{at}", order_id=order_id, outcome=Outcome.GIVEN,
                          scheduled_for=scheduled_for, at=at, dose=1.0, given_by="nurse")


def test_scheduled_slots_respect_start_and_stop():
    order = _order(start_at=START + timedelta(hours=10), stop_at=START + timedelta(days=1, hours=15))
    slots = scheduled_slots(order, date(2026, 11, 27), date(2026, 11, 29), TZ)
    assert [s.strftime("%d %H") for s in slots] == ["27 14", "27 20", "28 08", "28 14"]


@pytest.mark.parametrize("minutes, state", [(-45, DoseState.UPCOMING), (-30, DoseState.DUE),
                                            (29, DoseState.DUE), (30, DoseState.LATE),
                                            (59, DoseState.LATE), (60, DoseState.OVERDUE)])
def test_due_late_overdue_at_given_clock_times(minutes, state):
    slot = datetime(2026, 11, 28, 8, tzinfo=TZ)
    assert dose_state(slot, slot + timedelta(minutes=minutes), None) is state


def test_the_overdue_threshold_is_configurable():
    slot = datetime(2026, 11, 28, 8, tzinfo=TZ)
    policy = RoundPolicy(late_after=timedelta(minutes=15), overdue_after=timedelta(minutes=120))
    assert dose_state(slot, slot + timedelta(minutes=90), None, policy) is DoseState.LATE


def test_recorded_dose_is_given_whatever_the_time():
    slot = datetime(2026, 11, 28, 8, tzinfo=TZ)
    assert dose_state(slot, slot + timedelta(hours=5), _given(slot, slot)) is DoseState.GIVEN


@pytest.mark.parametrize("drug, allergies, expected", [
    ("Amoxicillin", ["Penicillin"], ["Penicillin"]),
    ("amoxicilline", ["Amoxicillin"], ["Amoxicillin"]),
    ("Morphine sulfate", ["opioids"], ["opioids"]),
    ("Paracetamol", ["Penicillin", "Latex"], []),
    ("Céfuroxime", ["cefuroxime"], ["cefuroxime"]),
    # A French ward writes allergies and orders in French: the same classes must match.
    ("Amoxicilline", ["Pénicilline"], ["Pénicilline"]),
    ("Augmentin", ["Pénicillines"], ["Pénicillines"]),
    ("Céfuroxime", ["Céphalosporines"], ["Céphalosporines"]),
    ("Ibuprofène", ["AINS"], ["AINS"]),
    ("Aspirine", ["Anti-inflammatoires non stéroïdiens"], ["Anti-inflammatoires non stéroïdiens"]),
    ("Codéine", ["Opiacés"], ["Opiacés"]),
    ("Bactrim", ["Sulfamides"], ["Sulfamides"]),
    # An allergy to one member warns before the others of its class.
    ("Flucloxacillin", ["amoxicilline"], ["amoxicilline"]),
    ("Ceftriaxone", ["Penicillin"], []),
    ("Paracétamol", ["Pénicilline", "Latex"], []),
])
def test_allergy_matching_by_name_and_class(drug, allergies, expected):
    assert allergy_matches(drug, allergies) == expected


def _checks(order, **kwargs):
    defaults = dict(outcome=Outcome.GIVEN, at=datetime(2026, 11, 28, 8, 5, tzinfo=TZ), dose=order.dose,
                    scheduled_for=datetime(2026, 11, 28, 8, tzinfo=TZ), allergies=[], history=[],
                    admitted=True)
    return [w.check for w in safety_warnings(order, **{**defaults, **kwargs})]


def test_each_safety_check_fires():
    order = _order()
    slot = datetime(2026, 11, 28, 8, tzinfo=TZ)
    assert _checks(order) == []
    assert _checks(order, allergies=["Penicillin"]) == [Check.ALLERGY]
    assert _checks(order, history=[_given(slot, slot)]) == [Check.ALREADY_GIVEN]
    assert _checks(order, dose=2.0) == [Check.DOSE_MISMATCH]
    assert _checks(order, admitted=False) == [Check.NOT_ADMITTED]
    assert _checks(_order(stop_at=slot)) == [Check.ORDER_INACTIVE]


def test_a_first_dose_given_as_it_falls_due_is_not_before_the_order_starts():
    """Shown due on the round from 30 minutes before its time, the first dose of an order
    starting at 08:00, given at 07:45, asked for a reason to override "order not active"."""
    slot = datetime(2026, 11, 28, 8, tzinfo=TZ)
    starting = _order(start_at=slot)
    window = timedelta(minutes=30)
    assert _checks(starting, at=slot - timedelta(minutes=15), due_before=window) == []
    # Before it falls due, it is questioned as early, for its time: not as outside the order.
    assert _checks(starting, at=slot - timedelta(minutes=45), due_before=window) == [Check.GIVEN_EARLY]
    assert _checks(starting, at=slot - timedelta(minutes=15)) == [Check.GIVEN_EARLY]  # a ward with no window
    assert _checks(starting, at=slot - timedelta(minutes=15), scheduled_for=None, due_before=window) == [
        Check.ORDER_INACTIVE]  # typed for no time of the order


def test_a_scheduled_dose_given_before_it_falls_due_is_questioned_as_early():
    """The 20:00 amoxicillin recorded as given at 15:00 was saved without a word (no dose of the
    order near enough for the spacing to question it). Given before the round shows it due, a
    dose is questioned, naming its time and how early; a once-only dose as well."""
    eight_pm = datetime(2026, 11, 28, 20, tzinfo=TZ)
    window = timedelta(minutes=30)
    warnings = safety_warnings(_order(), outcome=Outcome.GIVEN, at=eight_pm - timedelta(hours=5), dose=1.0,
                               scheduled_for=eight_pm, allergies=[], history=[], admitted=True, due_before=window)
    assert [(w.check, w.message) for w in warnings] == [(
        Check.GIVEN_EARLY, "The 28/11 20:00 dose of Amoxicillin is given 5\u00a0h\u00a000\u00a0min early; it falls due from "
                          "19:30.")]
    for minutes in (-30, -5, 0, 45):  # as the round shows it due, on time, or late
        assert _checks(_order(), at=eight_pm + timedelta(minutes=minutes), scheduled_for=eight_pm,
                       due_before=window) == []
    assert _checks(_order(), at=eight_pm - timedelta(minutes=31), scheduled_for=eight_pm,
                   due_before=window) == [Check.GIVEN_EARLY]
    ten = datetime(2026, 11, 28, 10, tzinfo=TZ)
    once = _order(drug="Furosemide", frequency=Frequency.ONCE, times=(), start_at=ten)
    assert _checks(once, at=ten - timedelta(hours=3), scheduled_for=ten, due_before=window) == [Check.GIVEN_EARLY]


def test_a_dose_not_given_before_it_falls_due_is_refused_or_questioned_by_its_reason():
    """At 08:00 the 22:00 dose recorded as refused left the round, never offered. Nil by mouth
    (theatre in the morning), a dose the prescriber holds, or another reason written out may be
    known ahead: questioned, since the dose leaves the round. A refusal, a dose vomited, missed
    asleep or away, or not available is seen when the dose is offered, and not recorded before."""
    ten_pm = datetime(2026, 11, 28, 22, tzinfo=TZ)
    window, morning = timedelta(minutes=30), ten_pm - timedelta(hours=14)

    def not_given(reason, at):
        return [(w.check, w.message) for w in safety_warnings(
            _order(times=(time(22),)), outcome=Outcome.NOT_GIVEN, at=at, dose=None, scheduled_for=ten_pm,
            allergies=[], history=[], admitted=True, due_before=window, reason=reason)]

    assert not_given(NotGivenReason.NIL_BY_MOUTH, morning) == [(Check.NOT_GIVEN_AHEAD, (
        "The 28/11 22:00 dose of Amoxicillin is recorded nil by mouth 14\u00a0h\u00a000\u00a0min before its time; it comes "
        "back on the round when due, marked recorded nil by mouth."))]
    assert not_given(NotGivenReason.HELD, morning) == [(Check.NOT_GIVEN_AHEAD, (
        "The 28/11 22:00 dose of Amoxicillin is recorded not given 14\u00a0h\u00a000\u00a0min before its time; it leaves "
        "the round."))]
    assert not_given(NotGivenReason.NIL_BY_MOUTH, ten_pm - window) == []
    assert not_given(NotGivenReason.REFUSED, morning) == []  # refused outright (offered_only), not questioned
    # None by a variable dose's rule is decided on the reading taken at its time, never ahead.
    assert {reason for reason in NotGivenReason if offered_only(reason, morning, ten_pm, window)} == {
        NotGivenReason.REFUSED, NotGivenReason.VOMITED, NotGivenReason.ASLEEP, NotGivenReason.PATIENT_AWAY,
        NotGivenReason.UNAVAILABLE, NotGivenReason.BY_RULE}
    assert not any(offered_only(reason, ten_pm - window, ten_pm, window) for reason in NotGivenReason)
    assert not offered_only(NotGivenReason.REFUSED, morning, None, window)  # as required: offered when asked for


def test_prn_interval_and_daily_maximum():
    order = _order(drug="Morphine", frequency=Frequency.PRN, times=(), min_interval_hours=4,
                   max_doses_24h=3, controlled=True)
    now = datetime(2026, 11, 28, 20, tzinfo=TZ)
    recent = [_given(now - timedelta(hours=h)) for h in (2, 9, 15)]
    checks = _checks(order, at=now, scheduled_for=None, history=recent)
    assert checks == [Check.PRN_INTERVAL, Check.PRN_DAILY_MAX]
    spaced = [_given(now - timedelta(hours=h)) for h in (5, 30)]
    assert _checks(order, at=now, scheduled_for=None, history=spaced) == []


def test_an_as_required_dose_on_hold_counts_as_perhaps_given():
    """Ondansetron as required (8 h apart, at most 2 in 24 h) given at 09:00 on the laptop the
    patient came from and withdrawn here, the two versions on hold: to a dose here at 12:00 it
    was no dose at all. It counts against the interval and the maximum, said as perhaps given,
    and the next dose allowed waits for it."""
    order = _order(drug="Ondansetron", dose=4.0, dose_unit="mg", frequency=Frequency.PRN, times=(),
                   min_interval_hours=8, max_doses_24h=2, prn_indication="nausea")
    nine = datetime(2026, 11, 28, 9, tzinfo=TZ)
    last_night, held = [_given(nine - timedelta(hours=10))], [_given(nine)]

    def at_noon(on_hold):
        return [(w.check, w.message) for w in safety_warnings(
            order, outcome=Outcome.GIVEN, at=nine + timedelta(hours=3), dose=4.0, scheduled_for=None, allergies=[],
            history=last_night, admitted=True, on_hold=on_hold)]

    assert at_noon(held) == [
        (Check.PRN_INTERVAL, "A dose on hold, perhaps given (another laptop recorded it at 28/11 09:00), is 180 min "
                             "from this one; the order allows one every 8 h."),
        (Check.PRN_DAILY_MAX, "With this dose, 3 doses fall within 24 h, 1 of them on hold and perhaps given; the order "
                              "allows at most 2.")]
    assert at_noon([]) == []
    status = prn_status(order, nine + timedelta(hours=3), last_night, held)
    assert (status.recent, status.on_hold, status.next_at) == (tuple(last_night), tuple(held), nine + timedelta(hours=14))


def test_not_given_dose_skips_the_dose_checks_but_not_the_slot_already_given():
    assert _checks(_order(), outcome=Outcome.NOT_GIVEN, allergies=["Penicillin"], dose=None) == []
    slot = datetime(2026, 11, 28, 8, tzinfo=TZ)
    assert _checks(_order(), outcome=Outcome.NOT_GIVEN, dose=None, history=[_given(slot, slot)]) == [Check.ALREADY_GIVEN]


def test_prn_checks_weigh_doses_recorded_after_the_one_being_entered():
    """After an outage doses are back-entered out of order: a forgotten dose typed after a
    later one is judged against it too."""
    order = _order(drug="Paracetamol", frequency=Frequency.PRN, times=(), min_interval_hours=4, max_doses_24h=2,
                   route="PO")
    noon = datetime(2026, 11, 28, 12, tzinfo=TZ)
    assert _checks(order, at=noon - timedelta(hours=1), scheduled_for=None, history=[_given(noon)]) == [
        Check.PRN_INTERVAL]
    later = [_given(noon - timedelta(hours=2)), _given(noon + timedelta(hours=5))]
    warnings = safety_warnings(order, outcome=Outcome.GIVEN, at=noon - timedelta(hours=7), dose=1.0,
                               scheduled_for=None, allergies=[], history=later, admitted=True)
    assert [w.check for w in warnings] == [Check.PRN_DAILY_MAX]
    assert warnings[0].message == "With this dose, 3 doses fall within 24 h; the order allows at most 2."
    assert _checks(order, at=noon - timedelta(hours=20), scheduled_for=None, history=later) == []


def test_a_slot_on_the_night_the_clocks_change_is_the_moment_a_dose_records():
    """A dose keeps its written offset; the slot must equal it (Python finds a zone's time in
    the repeated or skipped hour equal to no other zone's)."""
    from zoneinfo import ZoneInfo

    night = _order(times=(time(2),), start_at=datetime(2026, 3, 1, tzinfo=TZ))
    for day, written in ((date(2026, 10, 25), "2026-10-25T02:00+02:00"), (date(2026, 3, 29), "2026-03-29T02:00+01:00")):
        (slot,) = scheduled_slots(night, day, day, ZoneInfo("Europe/Paris"))
        assert slot == datetime.fromisoformat(written) and slot.isoformat(timespec="minutes") == written


def test_an_order_whose_times_changed_keeps_each_versions_times_in_its_own_days():
    from downtime.domain.medication import slots_by_version

    changed_at = datetime(2026, 11, 28, 10, tzinfo=TZ)
    versions = [(START, _order()), (changed_at, _order(times=(time(6), time(12), time(18))))]
    slots = slots_by_version(versions, date(2026, 11, 27), date(2026, 11, 28), TZ)
    assert [f"{slot:%d %H:%M}" for slot in slots] == ["27 08:00", "27 14:00", "27 20:00", "28 08:00", "28 12:00",
                                                      "28 18:00"]


def test_an_as_required_orders_next_dose_is_the_first_moment_its_checks_allow():
    """Every 4 h at most 3 in 24 h: doses at 00:00, 04:00 and 08:00 leave the next at 00:00
    the day after (the daily maximum), not 12:00 (the interval alone); one dose at 08:00 leaves
    it at 12:00; none, now."""
    prn = _order(frequency=Frequency.PRN, times=(), min_interval_hours=4, max_doses_24h=3, prn_indication="pain")
    doses = [_given(START + timedelta(hours=hour)) for hour in (0, 4, 8)]
    noon = START + timedelta(hours=12)
    status = prn_status(prn, noon, doses)
    assert status.last == doses[-1] and status.recent == tuple(doses)
    assert status.next_at == START + timedelta(days=1)
    assert prn_status(prn, START + timedelta(hours=9), doses[-1:]).next_at == noon
    assert prn_status(prn, noon, []).next_at is None and prn_status(prn, noon, doses[-1:]).next_at is None


def _spacing(at, scheduled_for, history=(), open_slots=(), on_hold=(), order=None):
    """The regular-dose spacing warning of a dose of the 08:00 14:00 20:00 amoxicillin (or `order`), if any."""
    return [w.message for w in safety_warnings(order or _order(), outcome=Outcome.GIVEN, at=at, dose=1.0,
                                               scheduled_for=scheduled_for,
                                               allergies=[], history=list(history), admitted=True,
                                               open_slots=list(open_slots), on_hold=list(on_hold))
            if w.check is Check.DOSE_SPACING]


def test_a_regular_dose_given_late_close_to_the_next_is_questioned():
    """The 08:00 dose given at 13:00, an hour before the 14:00 one (the round's OVERDUE line, or
    yesterday's MISSED one with its time read now), was saved with a red note at most: two doses
    of a 6-hourly order an hour apart. Closer than half the order's spacing to the next dose,
    not yet recorded, or to another dose of the order given, it is questioned, either side."""
    day = datetime(2026, 11, 28, tzinfo=TZ)
    eight, two, eight_pm = day + timedelta(hours=8), day + timedelta(hours=14), day + timedelta(hours=20)
    assert _spacing(day + timedelta(hours=13), eight, open_slots=[two, eight_pm]) == [
        "The 28/11 14:00 dose of Amoxicillin is due 60 min from this one and is not recorded yet; the order's doses "
        "are 6 h apart."]
    assert _spacing(day + timedelta(hours=10, minutes=30), eight, open_slots=[two]) == []  # 2 h 30 late, 3 h 30 before
    assert _spacing(day + timedelta(hours=14, minutes=30), eight, open_slots=[two]) == [
        "The 28/11 14:00 dose of Amoxicillin is due 30 min from this one and is not recorded yet; the order's doses "
        "are 6 h apart."]
    assert _spacing(day + timedelta(hours=13), eight, history=[_given(two, two)]) == [
        "The 28/11 14:00 dose of Amoxicillin is recorded as given 60 min after this one; the order's doses are 6 h apart."]
    late = _given(day + timedelta(hours=13), eight)
    assert _spacing(two, two, history=[late]) == [
        "The 28/11 08:00 dose of Amoxicillin was given 60 min before this one; the order's doses are 6 h apart."]
    # Each on time, or the same time given twice (ALREADY_GIVEN says that), or another order's dose: nothing.
    assert _spacing(two, two, history=[_given(eight, eight), _given(two - timedelta(minutes=5), two),
                                       _given(two, two, order_id="o2")], open_slots=[eight_pm]) == []
    # The 08:00 dose given at 14:00 exactly: "due 0 min from this one" said it oddly.
    assert _spacing(two, eight, open_slots=[two]) == [
        "The 28/11 14:00 dose of Amoxicillin is due at the time of this one and is not recorded yet; the order's "
        "doses are 6 h apart."]
    assert _spacing(two, eight, history=[_given(two, two)]) == [
        "The 28/11 14:00 dose of Amoxicillin is recorded as given at the time of this one; the order's doses are "
        "6 h apart."]
    # A slot before this dose's own is not "the next dose": yesterday's 20:00 left unrecorded.
    assert _spacing(eight, eight, open_slots=[day - timedelta(hours=4)]) == []


def test_a_regular_dose_on_hold_counts_in_its_own_orders_spacing_as_perhaps_given():
    """The 08:00 amoxicillin given at 08:05 on the laptop the patient came from, withdrawn here
    (on hold): the 14:00 dose given here at 10:00 was weighed as if it had never been, and last
    night's 20:00 dose charted at 06:00 read its time "not recorded yet". It counts as perhaps
    given, and is said so; one of another order, or for this dose's own time (ALREADY_GIVEN
    says that), does not."""
    day = datetime(2026, 11, 28, tzinfo=TZ)
    eight, two = day + timedelta(hours=8), day + timedelta(hours=14)
    held = _given(eight + timedelta(minutes=5), eight)
    assert _spacing(day + timedelta(hours=10), two, on_hold=[held]) == [
        "The 28/11 08:00 dose of Amoxicillin is on hold, perhaps given (another laptop recorded it at 28/11 08:05), "
        "115 min from this one; the order's doses are 6 h apart."]
    assert _spacing(day + timedelta(hours=6), day - timedelta(hours=4), open_slots=[eight], on_hold=[held]) == [
        "The 28/11 08:00 dose of Amoxicillin is on hold, perhaps given (another laptop recorded it at 28/11 08:05), "
        "125 min from this one; the order's doses are 6 h apart."]
    assert _spacing(day + timedelta(hours=10), two, on_hold=[_given(held.at, eight, order_id="o2")]) == []
    assert _spacing(day + timedelta(hours=8, minutes=30), eight, on_hold=[held]) == []


def test_doses_a_minute_apart_of_an_order_written_a_minute_apart_are_questioned():
    """Paracetamol "23:59 00:00" (loaded from the EHR as it was, or written before such times
    were refused): the 23:59 and 00:00 doses raised no warning, half a minute being the order's
    spacing. It is weighed as if its times were half an hour apart."""
    order = _order(drug="Paracetamol", times=(time(23, 59), time(0, 0)))
    night, midnight = datetime(2026, 11, 28, 23, 59, tzinfo=TZ), datetime(2026, 11, 29, tzinfo=TZ)
    assert _spacing(midnight, midnight, history=[_given(night, night)], order=order) == [
        "The 28/11 23:59 dose of Paracetamol was given 1 min before this one; the order's doses are 0.016667 h apart."]
    assert _spacing(midnight + timedelta(minutes=15), midnight, history=[_given(night, night)], order=order) == []


@pytest.mark.parametrize("times, problem", [
    ("08:00 08:00", "“Times”: 08:00 is written twice."),
    ("08:00 14:00 08:00", "“Times”: 08:00 is written twice."),
    ("23:59 00:00", "“Times”: 23:59 and 00:00 are 1 min apart; a regular order's times are at least 30 min apart."),
    ("00:10 12:00 23:50", "“Times”: 23:50 and 00:10 are 20 min apart; a regular order's times are at least 30 min "
                          "apart."),
    ("08:00 08:29", "“Times”: 08:00 and 08:29 are 29 min apart; a regular order's times are at least 30 min apart."),
    (" ".join(f"{hour:02d}:{minute:02d}" for hour in range(12) for minute in (0, 30)) + " 12:00",
     "“Times”: 25 times; at most 24 a day (one each hour)."),
])
def test_a_regular_orders_times_that_cannot_each_be_given_are_refused(times, problem):
    from downtime.domain.medication import times_problem

    found = times_problem([time.fromisoformat(clock) for clock in times.split()], "Times")
    assert found is not None and str(found) == problem


@pytest.mark.parametrize("times", ["08:00", "08:00 08:30", "23:30 00:00", "00:00 23:30",
                                   " ".join(f"{hour:02d}:00" for hour in range(24)),
                                   " ".join(f"{hour:02d}:00" for hour in range(0, 24, 2))])
def test_hourly_half_hourly_and_two_hourly_times_are_accepted(times):
    from downtime.domain.medication import times_problem

    assert times_problem([time.fromisoformat(clock) for clock in times.split()], "Times") is None


@given(st.lists(st.times().map(lambda moment: moment.replace(second=0, microsecond=0)), min_size=1, max_size=30))
def test_times_accepted_are_distinct_at_most_24_and_half_an_hour_apart_round_the_clock(times):
    from downtime.domain.medication import times_problem

    if times_problem(times, "Times") is not None:
        return
    minutes = sorted(clock.hour * 60 + clock.minute for clock in times)
    assert len(minutes) <= 24 and len(set(minutes)) == len(minutes)
    assert all(later - earlier >= 30 for earlier, later in zip(minutes, [*minutes[1:], minutes[0] + 24 * 60])
               if len(minutes) > 1)


@pytest.mark.parametrize("times, hours", [((time(8), time(14), time(20)), 6), ((time(8),), 24),
                                          ((time(22), time(6)), 8), ((time(8), time(12), time(20)), 4)])
def test_a_regular_orders_spacing_is_its_shortest_gap_round_the_clock(times, hours):
    from downtime.domain.medication import dose_spacing

    assert dose_spacing(_order(times=times)) == timedelta(hours=hours)


def test_a_regular_dose_typed_for_no_time_is_not_questioned_beside_an_open_time():
    """Typed for none of the order's times, a dose given at 08:05 may well be the 08:00 one: only
    the doses given are weighed."""
    day = datetime(2026, 11, 28, tzinfo=TZ)
    assert _spacing(day + timedelta(hours=8, minutes=5), None, open_slots=[day + timedelta(hours=8)]) == []
    assert _spacing(day + timedelta(hours=8, minutes=5), None, history=[_given(day + timedelta(hours=7), day)]) != []


@pytest.mark.parametrize("drug, other, same", [
    ("Morphine", "Morphine sulfate", True),
    ("Morphine", "morphine sulphate", True),
    ("Sulfate de morphine", "Morphine hydrochloride", True),
    ("Chlorhydrate de morphine", "MORPHINE", True),
    ("Insulin glargine", "Insuline glargine", True),
    ("Lantus", "Insulin glargine", True),
    ("Doliprane", "Paracétamol", True),
    ("Augmentin", "co-amoxiclav", True),
    ("Magnesium sulfate", "Magnesium", True),
    ("Morphine", "Oxycodone hydrochloride", False),
    ("Insulin glargine", "Insulin aspart", False),
    ("Potassium chloride", "Potassium", False),
])
def test_one_medicine_written_two_ways_is_the_same_medicine(drug, other, same):
    """"Morphine" and "Morphine sulfate" as required were two medicines: a dose of each, minutes
    apart, was never spaced by the interval."""
    from downtime.domain.medication import same_medicine

    assert (same_medicine(_order(drug=drug), [_order(record_id="o2", drug=other)]) == {"o1", "o2"}) is same


def _insulin(record_id="o1", **changes):
    return _order(**{"record_id": record_id, "drug": "Insulin glargine", "dose": 18.0, "dose_unit": "units",
                     "route": "SC", "times": (time(22),), **changes})


def test_a_dose_given_from_another_order_of_the_same_medicine_is_questioned():
    """Insulin glargine 18 units SC at 22:00 ordered twice: the 22:00 dose of each order given at
    22:05 was saved without a word, a double dose of insulin."""
    ten_pm = datetime(2026, 11, 28, 22, tzinfo=TZ)
    first, second = _insulin(), _insulin("o2", start_at=START + timedelta(hours=9))
    history = [_given(ten_pm + timedelta(minutes=5), ten_pm, order_id="o1")]
    warnings = safety_warnings(second, outcome=Outcome.GIVEN, at=ten_pm + timedelta(minutes=5), dose=18.0,
                               scheduled_for=ten_pm, allergies=[], history=history, admitted=True,
                               other_orders=[(first, "Insulin glargine 18 units SC")])
    assert [(w.check, w.message) for w in warnings] == [(Check.ALREADY_GIVEN, (
        "Insulin glargine 18 units SC was given at 22:05 from another order (at 22:00, from 27/11 00:00); is this "
        "medicine ordered twice?"))]
    # Half a day later, the next day's dose: not the same one given twice.
    assert safety_warnings(second, outcome=Outcome.GIVEN, at=ten_pm + timedelta(hours=12, minutes=5), dose=18.0,
                           scheduled_for=None, allergies=[], history=history, admitted=True,
                           other_orders=[(first, "Insulin glargine 18 units SC")]) == []


def test_a_dose_on_hold_of_another_order_of_the_same_medicine_counts_as_perhaps_given():
    """Insulin glargine at 22:00 ordered twice, the first order's 22:00 dose given at 22:05 on the
    laptop the patient came from and withdrawn here (on hold): the second order's dose at 22:10
    was saved with nothing said, a double dose of insulin. It counts as perhaps given, said so
    with the time the other laptop recorded it at; a dose of another medicine on hold, or one a
    day away, does not."""
    ten_pm = datetime(2026, 11, 28, 22, tzinfo=TZ)
    first, second = _insulin(), _insulin("o2", start_at=START + timedelta(hours=9))
    once = _insulin("o3", frequency=Frequency.ONCE, times=(), start_at=ten_pm - timedelta(hours=1))

    def second_dose(at, on_hold, others=((first, "Insulin glargine 18 units SC"),)):
        return [(w.check, w.message) for w in safety_warnings(
            second, outcome=Outcome.GIVEN, at=at, dose=18.0, scheduled_for=None, allergies=[], history=[],
            admitted=True, other_orders=list(others), on_hold=on_hold)]

    held = _given(ten_pm + timedelta(minutes=5), ten_pm, order_id="o1")
    assert second_dose(ten_pm + timedelta(minutes=10), [held]) == [(Check.ALREADY_GIVEN, (
        "A dose of Insulin glargine 18 units SC from another order (at 22:00, from 27/11 00:00) is on hold, perhaps "
        "given (another laptop recorded it at 28/11 22:05); is this medicine ordered twice?"))]
    assert second_dose(ten_pm + timedelta(minutes=10), [_given(ten_pm - timedelta(hours=1), order_id="o3")],
                       [(once, "Insulin glargine 18 units SC")]) == [(Check.ALREADY_GIVEN, (
        "A dose of Insulin glargine 18 units SC from another order (once, at 28/11 21:00) is on hold, perhaps given "
        "(another laptop recorded it at 28/11 21:00); is this medicine ordered twice?"))]
    assert second_dose(ten_pm + timedelta(minutes=10), [_given(held.at, ten_pm, order_id="o9")]) == []
    assert second_dose(ten_pm + timedelta(hours=12, minutes=10), [held]) == []


def test_a_regular_dose_is_counted_against_the_as_required_orders_daily_maximum():
    """Paracetamol 1 g as required (4 h apart, at most 4 a day) given at 22:00 and 02:00, then the
    regular grams of 06:00, 12:00 and 18:00: five grams in 20 hours with no warning."""
    night = datetime(2026, 11, 27, 22, tzinfo=TZ)
    regular = _order(drug="Paracetamol", times=(time(6), time(12), time(18)), route="PO")
    prn = _order(record_id="prn", drug="Paracetamol", frequency=Frequency.PRN, times=(), min_interval_hours=4,
                 max_doses_24h=4, prn_indication="pain", route="PO")
    history = [_given(night, order_id="prn"), _given(night + timedelta(hours=4), order_id="prn")]
    history += [_given(night + timedelta(hours=hours), night + timedelta(hours=hours)) for hours in (8, 14)]
    six_pm = night + timedelta(hours=20)

    def regular_dose(at, doses):
        return [(w.check, w.message) for w in safety_warnings(
            regular, outcome=Outcome.GIVEN, at=at, dose=1.0, scheduled_for=at, allergies=[], history=doses,
            admitted=True, as_required=[prn], other_orders=[(prn, "Paracetamol 1 g PO")])]

    # The as-required order's maximum, named as such ("the order" read as the regular one), and its doses.
    assert regular_dose(six_pm, history) == [(Check.PRN_DAILY_MAX, (
        "With this dose, 5 doses fall within 24 h; Paracetamol as required allows at most 4. Given from another "
        "order: 27/11 22:00, 28/11 02:00 (Paracetamol 1 g PO)."))]
    assert regular_dose(night + timedelta(hours=14), history[:3]) == []  # the fourth gram, at noon


def test_a_medicines_doses_are_counted_by_their_amount_across_orders_against_a_daily_maximum():
    """Paracetamol 1 g at 00:00 06:00 12:00 18:00 (4 g a day) and 500 mg as required, at most 8 in
    24 h (4 g): the as-required 500 mg at 22:30 made 4.5 g in 24 hours, and nothing was said,
    five doses being fewer than eight. The day's amount of the medicine is counted across its
    orders, in the maximum's unit (grams and milligrams alike), the doses given named; the same
    dose after three grams is 3.5 g, within it. A regular gram after the as-required doses is
    counted so too."""
    day = datetime(2026, 11, 28, tzinfo=TZ)
    regular = _order(drug="Paracetamol", times=(time(0), time(6), time(12), time(18)), route="PO")
    prn = _order(record_id="prn", drug="Paracetamol", dose=500.0, dose_unit="mg", frequency=Frequency.PRN, times=(),
                 min_interval_hours=4, max_doses_24h=8, prn_indication="pain", route="PO")
    grams = [_given(day + timedelta(hours=hour), day + timedelta(hours=hour)) for hour in (0, 6, 12, 18)]

    def as_required_dose(history, dose=500.0):
        return [(w.check, w.text("en")) for w in safety_warnings(
            prn, outcome=Outcome.GIVEN, at=day + timedelta(hours=22, minutes=30), dose=dose, scheduled_for=None,
            allergies=[], history=history, admitted=True, prn_orders={"o1"},
            other_orders=[(regular, "Paracetamol 1 g PO")])]

    assert as_required_dose(grams) == [(Check.PRN_DAILY_MAX, (
        "With this dose, 5 doses fall within 24 h; the order allows at most 4 g (8 × 500 mg), and they come to 4.5 g. "
        "Given from another order: 28/11 00:00, 28/11 06:00, 28/11 12:00, 28/11 18:00 (Paracetamol 1 g PO)."))]
    assert as_required_dose(grams[1:]) == []
    assert as_required_dose(grams[1:], dose=1500.0)[0][1].endswith("and they come to 4.5 g. Given from another "
                                                                   "order: 28/11 06:00, 28/11 12:00, 28/11 18:00 "
                                                                   "(Paracetamol 1 g PO).")
    status = prn_status(prn, day + timedelta(hours=22, minutes=30), grams, orders=[regular])
    assert status.next_at == day + timedelta(hours=24)  # the 00:00 gram out of the 24 hours
    night = [_given(day + timedelta(hours=hour), order_id="prn").model_copy(update={"dose": 500.0})
             for hour in (1, 5, 9)]
    assert [(w.check, w.text("en")) for w in safety_warnings(
        regular, outcome=Outcome.GIVEN, at=day + timedelta(hours=18), dose=1.0, scheduled_for=day + timedelta(hours=18),
        allergies=[], history=[*night, *grams[:3]], admitted=True, as_required=[prn],
        other_orders=[(prn, "Paracetamol 500 mg PO")])] == [(Check.PRN_DAILY_MAX, (
            "With this dose, 7 doses fall within 24 h; Paracetamol as required allows at most 4 g (8 × 500 mg), and "
            "they come to 5.5 g. Given from another order: 28/11 01:00, 28/11 05:00, 28/11 09:00 (Paracetamol 500 mg "
            "PO)."))]


def test_an_as_required_dose_on_hold_counts_against_a_regular_dose_as_perhaps_given():
    """Paracetamol 1 g as required (4 h apart, at most 3 a day) given at 22:00 and 02:00, and at
    04:30 on the laptop the patient came from, withdrawn here (on hold): the regular 06:00 gram,
    90 minutes after it, was weighed as if it had never been, though the as-required dose's own
    checks counted it. It counts against that order's interval and maximum, said as perhaps given."""
    night = datetime(2026, 11, 27, 22, tzinfo=TZ)
    regular = _order(drug="Paracetamol", times=(time(6), time(12), time(18)), route="PO")
    prn = _order(record_id="prn", drug="Paracetamol", frequency=Frequency.PRN, times=(), min_interval_hours=4,
                 max_doses_24h=3, prn_indication="pain", route="PO")
    history = [_given(night, order_id="prn"), _given(night + timedelta(hours=4), order_id="prn")]
    held = [_given(night + timedelta(hours=6, minutes=30), order_id="prn")]
    six_am = night + timedelta(hours=8)

    def regular_dose(on_hold):
        return [(w.check, w.message) for w in safety_warnings(
            regular, outcome=Outcome.GIVEN, at=six_am, dose=1.0, scheduled_for=six_am, allergies=[], history=history,
            admitted=True, as_required=[prn], other_orders=[(prn, "Paracetamol 1 g PO")], on_hold=on_hold)]

    assert regular_dose(held) == [
        (Check.PRN_INTERVAL, "A dose of Paracetamol as required on hold, perhaps given (another laptop recorded it at "
                             "28/11 04:30), is 90 min from this one; that order allows a dose every 4 h."),
        (Check.PRN_DAILY_MAX, "With this dose, 4 doses fall within 24 h, 1 of them on hold and perhaps given; "
                              "Paracetamol as required allows at most 3. Given from another order: 27/11 22:00, "
                              "28/11 02:00 (Paracetamol 1 g PO).")]
    assert regular_dose([]) == []


def test_a_dose_given_from_a_once_only_order_of_the_same_medicine_is_questioned():
    """A once-only dose of insulin glargine at 21:00, then the regular 22:00 one: two doses in an
    hour, said with the once-only order's time."""
    nine_pm = datetime(2026, 11, 28, 21, tzinfo=TZ)
    once = _insulin("o2", frequency=Frequency.ONCE, times=(), start_at=nine_pm)
    warnings = safety_warnings(_insulin(), outcome=Outcome.GIVEN, at=nine_pm + timedelta(hours=1), dose=18.0,
                               scheduled_for=nine_pm + timedelta(hours=1), allergies=[], admitted=True,
                               history=[_given(nine_pm, nine_pm, order_id="o2")],
                               other_orders=[(once, "Insulin glargine 18 units SC")])
    assert [w.message for w in warnings] == [
        "Insulin glargine 18 units SC was given at 21:00 from another order (once, at 28/11 21:00); is this medicine "
        "ordered twice?"]


def test_a_second_dose_of_a_once_only_order_is_questioned_whatever_time_it_is_recorded_for():
    """Furosemide once at 10:00, given at 10:05. A second dose of it recorded with no time of the
    order (the chart's row of a once-only order given days before, the day's columns past its
    dose: the dialog opened "as required") was saved with nothing said: one order, two doses."""
    ten = datetime(2026, 11, 28, 10, tzinfo=TZ)
    once = _order(drug="Furosemide", frequency=Frequency.ONCE, times=(), start_at=ten)
    history = [_given(ten + timedelta(minutes=5), ten)]
    for later, slot in ((timedelta(days=4), None), (timedelta(hours=1), ten)):
        warnings = safety_warnings(once, outcome=Outcome.GIVEN, at=ten + later, dose=1.0, scheduled_for=slot,
                                   allergies=[], history=history, admitted=True)
        assert [(w.check, w.message) for w in warnings] == [
            (Check.ALREADY_GIVEN, "The 10:00 dose of Furosemide was already given.")]


def _morphine_prn():
    """Morphine as required, every 4 h, at most 4 in 24 h, from the start of the year."""
    return _order(drug="Morphine", frequency=Frequency.PRN, times=(), min_interval_hours=4, max_doses_24h=4,
                  prn_indication="pain", start_at=datetime(2026, 1, 1, tzinfo=TZ))


def test_the_next_as_required_dose_reads_on_the_ward_clock_after_the_clocks_go_forward():
    """Morphine as required every 4 h, given at 01:30 the night the clocks go forward: the dose
    dialog at 04:00 said the next was allowed from 05:30 (on the winter offset the last dose was
    written with), when the ward's clock would read 06:30 then; a dose given at 05:30 was 3 h
    after the last."""
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    last = datetime(2026, 3, 29, 1, 30, tzinfo=TZ)
    status = prn_status(_morphine_prn(), datetime(2026, 3, 29, 4, 0, tzinfo=paris), [_given(last)])
    assert status.next_at is not None and f"{status.next_at:%d/%m %H:%M}" == "29/03 06:30"


def test_the_as_required_days_maximum_counts_24_hours_on_the_day_the_clocks_go_back():
    """Four doses of morphine (at most 4 in 24 h), the first at 11:30 summer time the day before
    the clocks go back: at 11:00 on the day, that dose is 25 hours old, but the dose dialog counted
    back 24 hours on the wall clock (to 11:00 summer time), counted four and said no dose was
    allowed before 11:30, when Save, counting 24 hours, allowed one."""
    from zoneinfo import ZoneInfo

    paris, summer = ZoneInfo("Europe/Paris"), timezone(timedelta(hours=2))
    given = [_given(datetime(2026, 10, day, hour, minute, tzinfo=summer))
             for day, hour, minute in ((24, 11, 30), (24, 16, 0), (24, 20, 0), (25, 0, 30))]
    at = datetime(2026, 10, 25, 11, 0, tzinfo=paris)
    status = prn_status(_morphine_prn(), at, given)
    assert (len(status.recent), status.next_at) == (3, None)
    assert safety_warnings(_morphine_prn(), outcome=Outcome.GIVEN, at=at.astimezone(timezone(timedelta(hours=1))),
                           dose=1.0, scheduled_for=None, allergies=[], history=given, admitted=True) == []


@pytest.mark.parametrize("drug, other, shared", [
    ("Co-codamol 30/500", "Paracetamol", True),
    ("co-codamol", "Doliprane 1 g", True),
    ("Dafalgan codéiné", "Paracétamol", True),
    ("Efferalgan codéiné", "paracetamol", True),
    ("EFFERALGAN CODEINE", "Codéine", True),
    ("Ixprim", "Paracetamol", True),
    ("Ixprim 37.5/325", "Tramadol", True),
    ("Lamaline", "Dafalgan", True),
    ("Paracétamol/codéine 500/30", "Co-codamol", True),
    ("Co-codamol", "Ixprim", True),  # both paracetamol
    ("Co-codamol", "Tramadol", False),
    ("Ixprim", "Codeine", False),
    ("Co-codamol", "Ibuprofen", False),
])
def test_a_combination_product_is_the_same_medicine_as_each_of_its_components(drug, other, shared):
    """Paracetamol 1 g at 08:00 and two tablets of co-codamol 30/500 at 09:00: co-codamol was
    another medicine, its doses neither spaced from paracetamol's nor counted with them."""
    from downtime.domain.medication import same_medicine

    assert (same_medicine(_order(drug=drug), [_order(record_id="o2", drug=other)]) == {"o1", "o2"}) is shared


@pytest.mark.parametrize(("drug", "other", "shared"), [
    ("Enoxaparin", "Enoxaparin sodium", True), ("Enoxaparine", "Lovenox", True), ("Clexane", "Enoxaparin", True),
    ("Héparine sodique", "Héparine", True), ("Phenytoin", "Phenytoin sodium", True),
    ("Sodium valproate", "Valproate de sodium", True), ("Toujeo", "Lantus", True), ("NovoRapid", "Insulin aspart", True),
    ("Eliquis", "Apixaban", True), ("Xarelto", "Rivaroxaban", True),
    ("Sodium chloride 0.9%", "Potassium chloride", False), ("Calcium gluconate", "Calcium carbonate", False),
    ("Potassium chloride", "Sodium chloride", False), ("Enoxaparin", "Tinzaparin", False)])
def test_a_medicine_written_as_its_salt_or_by_its_brand_is_one_medicine(drug, other, shared):
    """"Enoxaparin" and "Enoxaparin sodium" (the BNF's name) at 18:00 were two medicines: no
    "Already ordered", two lines on the round, both doses given. The ion a medicine is a salt of
    goes, but where it is the medicine ("Potassium chloride")."""
    from downtime.domain.medication import shares_a_medicine

    assert shares_a_medicine(drug, other) is shared


_PARACETAMOL_PRODUCTS = ("Co-codamol", "Dafalgan codéiné", "Efferalgan codéiné", "Ixprim", "Zaldiar", "Lamaline",
                         "Codoliprane", "Co-dydramol", "Prontalgine", "Klipal codéine", "Tramacet", "Izalgi")


@given(st.sampled_from(_PARACETAMOL_PRODUCTS), st.sampled_from(("Paracetamol", "Paracétamol", "Doliprane", "Dafalgan")),
       st.lists(st.booleans(), max_size=30), st.sampled_from(("", " 30/500", " 500 mg/30 mg", " cp", " (2 tablets)")))
def test_a_combination_written_any_way_shares_paracetamol(product, paracetamol, upper, strength):
    """However a ward writes the product (capitals, accents dropped, a strength after it), a dose
    of it is a dose of paracetamol."""
    import unicodedata

    from downtime.domain.medication import shares_a_medicine

    plain = "".join(c for c in unicodedata.normalize("NFKD", product) if not unicodedata.combining(c))
    for name in (product, plain):
        cased = "".join(c.upper() if up else c for c, up in zip(name, [*upper, *[False] * len(name)]))
        assert shares_a_medicine(cased + strength, paracetamol)


@given(st.text(), st.text())
def test_sharing_a_medicine_never_raises_and_is_symmetric(drug, other):
    from downtime.domain.medication import shares_a_medicine

    assert shares_a_medicine(drug, other) == shares_a_medicine(other, drug)
    assert shares_a_medicine(drug, drug)


def _co_codamol_prn():
    return _order(record_id="cc", drug="Co-codamol 30/500", dose=2.0, dose_unit="tablets", route="PO",
                  frequency=Frequency.PRN, times=(), min_interval_hours=4, max_doses_24h=4, prn_indication="pain")


def test_co_codamol_an_hour_after_paracetamol_is_questioned_naming_the_paracetamol_order():
    """Regular paracetamol 1 g given at 08:00, co-codamol 30/500 as required at 09:00: a second
    gram of paracetamol within the hour, saved with nothing said. The warning names the order the
    paracetamol was given from; and a regular gram an hour after the co-codamol is questioned too."""
    from downtime.domain.medication import same_medicine

    eight = datetime(2026, 11, 28, 8, tzinfo=TZ)
    paracetamol = _order(drug="Paracetamol", route="PO", times=(time(8), time(14), time(20)))
    co_codamol = _co_codamol_prn()
    history = [_given(eight, eight)]
    warnings = safety_warnings(co_codamol, outcome=Outcome.GIVEN, at=eight + timedelta(hours=1), dose=2.0,
                               scheduled_for=None, allergies=[], history=history, admitted=True,
                               prn_orders=same_medicine(co_codamol, [paracetamol]),
                               other_orders=[(paracetamol, "Paracetamol 1 g PO")])
    assert [(w.check, w.message) for w in warnings] == [(Check.PRN_INTERVAL, (
        "Paracetamol 1 g PO was given 60 min ago from another order; this order allows a dose every 4 h."))]
    two = eight + timedelta(hours=6)
    history = [_given(two - timedelta(hours=1), order_id="cc")]
    warnings = safety_warnings(paracetamol, outcome=Outcome.GIVEN, at=two, dose=1.0, scheduled_for=two,
                               allergies=[], history=history, admitted=True, as_required=[co_codamol],
                               other_orders=[(co_codamol, "Co-codamol 30/500 2 tablets PO")])
    assert [(w.check, w.message) for w in warnings] == [(Check.PRN_INTERVAL, (
        "Co-codamol 30/500 as required was given 60 min ago; that order allows a dose every 4 h."))]


def test_ixprim_regular_beside_regular_paracetamol_is_questioned_as_a_medicine_ordered_twice():
    """Ixprim (tramadol and paracetamol) at 08:00 beside paracetamol at 08:00: the round flagged
    neither "also ordered", and both given at 08:05, two doses of paracetamol at once, were saved
    with nothing said."""
    from downtime.domain.medication import also_ordered

    eight = datetime(2026, 11, 28, 8, tzinfo=TZ)
    paracetamol = _order(drug="Paracetamol", route="PO")
    ixprim = _order(record_id="o2", drug="Ixprim", dose=2.0, dose_unit="tablets", route="PO")
    assert also_ordered(ixprim, eight, [paracetamol, ixprim]) == [paracetamol]
    warnings = safety_warnings(ixprim, outcome=Outcome.GIVEN, at=eight + timedelta(minutes=5), dose=2.0,
                               scheduled_for=eight, allergies=[], admitted=True,
                               history=[_given(eight + timedelta(minutes=5), eight)],
                               other_orders=[(paracetamol, "Paracetamol 1 g PO")])
    assert [w.message for w in warnings] == [
        "Paracetamol 1 g PO was given at 08:05 from another order (at 08:00 14:00 20:00, from 27/11 00:00); is this "
        "medicine ordered twice?"]


def test_an_as_required_doses_daily_maximum_names_the_other_orders_doses_it_counts():
    """Co-codamol as required (at most 4 in 24 h) after the regular paracetamol grams of 08:00,
    14:00 and 20:00 and a co-codamol at 02:00: "5 doses fall within 24 h" sent the nurse to the
    co-codamol line, which held one. The paracetamol order is named with its doses' times."""
    paracetamol = _order(drug="Paracetamol", route="PO")
    co_codamol = _co_codamol_prn()
    day = datetime(2026, 11, 28, tzinfo=TZ)
    history = [_given(day + timedelta(hours=2), order_id="cc")]
    history += [_given(day + timedelta(hours=hour), day + timedelta(hours=hour)) for hour in (8, 14, 20)]
    warnings = safety_warnings(co_codamol, outcome=Outcome.GIVEN, at=day + timedelta(hours=24, minutes=30), dose=2.0,
                               scheduled_for=None, allergies=[], history=history, admitted=True,
                               prn_orders={"o1"}, other_orders=[(paracetamol, "Paracetamol 1 g PO")])
    assert [(w.check, w.message) for w in warnings] == [(Check.PRN_DAILY_MAX, (
        "With this dose, 5 doses fall within 24 h; the order allows at most 4. Given from another order: 28/11 08:00, "
        "28/11 14:00, 28/11 20:00 (Paracetamol 1 g PO)."))]
    assert warnings[0].text("en") == warnings[0].message


@pytest.mark.parametrize(("drug", "expected"), [
    ("Apixaban", True), ("Eliquis", True), ("Enoxaparin sodium", True), ("Héparine calcique", True),
    ("Calciparine", True), ("Previscan", True), ("Fluindione", True), ("Coumadine", True), ("Warfarine", True),
    ("Arixtra", True), ("Minisintrom", True), ("Aspirin", False), ("Kardegic", False), ("Paracetamol", False),
    ("Heparin sodium 50 units/5 mL flush", False), ("Heparin lock flush 100 units/mL", False), ("Hepsal", False),
    ("Héparine pour rinçage", False), ("Héparine verrou 500 UI/mL", False),
])
def test_an_anticoagulant_is_known_by_its_name_brand_or_salt(drug, expected):
    """What a fall with a possible head injury and a VTE decision are read against on the chart; a
    heparin flush or lock keeps a line open and is none."""
    assert anticoagulant(drug) is expected


def _driver_and_breakthrough(drug="Morphine", route="SC", dose=10.0, unit="mg"):
    """A syringe driver of `drug` (an infusion with its rate, set up at 10:00 on 28/11) and a
    breakthrough order of it as required, an hour apart at most 6 in 24 h."""
    driver = _order(record_id="driver", drug=drug, dose=dose, dose_unit=unit, route=route, form="infusion",
                    rate_ml_h=0.7, times=(time(10),))
    prn = _order(record_id="prn", drug=drug, dose=2.5, dose_unit=unit, route=route, frequency=Frequency.PRN, times=(),
                 min_interval_hours=1, max_doses_24h=6, prn_indication="pain")
    return driver, prn


@pytest.mark.parametrize("infusion", [{"form": "infusion"}, {"rate_ml_h": 0.7}, {"form": "infusion", "rate_ml_h": 0.7}])
def test_a_syringe_drivers_set_up_is_no_earlier_dose_for_the_breakthrough_order(infusion):
    """Morphine 10 mg over 24 h by syringe driver, set up at 10:00, beside morphine 2.5 mg SC as
    required every hour: at 10:30 the breakthrough dose was questioned as "given 30 min ago from
    another order" and its next dose put at 11:00, the 24-hour syringe counted as a bolus. An
    order written as an infusion, or with a rate, is no earlier dose for it, nor for its day's count."""
    driver, prn = _driver_and_breakthrough()
    driver = driver.model_copy(update={"form": None, "rate_ml_h": None, **infusion})
    day = datetime(2026, 11, 28, tzinfo=TZ)
    set_up = _given(day + timedelta(hours=10), day + timedelta(hours=10), order_id="driver")
    at = day + timedelta(hours=10, minutes=30)
    assert _checks(prn, at=at, scheduled_for=None, history=[set_up], prn_orders={"driver"},
                   other_orders=[(driver, "Morphine 10 mg SC at 0.7 mL/h")]) == []
    status = prn_status(prn, at, [set_up], orders=[driver])
    assert (status.last, status.recent, status.next_at) == (None, (), None)
    breakthrough = _given(at, order_id="prn")
    assert prn_status(prn, at + timedelta(minutes=15), [set_up, breakthrough], orders=[driver]).last == breakthrough


def test_the_syringe_change_is_not_questioned_after_a_breakthrough_dose():
    """The daily syringe change at 10:00, a quarter of an hour after a breakthrough dose given
    for pain: neither the as-required order's interval nor its day's maximum weigh it."""
    driver, prn = _driver_and_breakthrough()
    day = datetime(2026, 11, 29, tzinfo=TZ)
    history = [_given(day + timedelta(hours=hour, minutes=45), order_id="prn") for hour in (4, 5, 6, 7, 8, 9)]
    assert _checks(driver, at=day + timedelta(hours=10), scheduled_for=day + timedelta(hours=10), history=history,
                   dose=10.0, as_required=[prn], other_orders=[(prn, "Morphine 2.5 mg SC as required")]) == []


def test_two_bolus_orders_and_a_medicines_own_limits_still_weigh_an_infusion():
    """What the syringe driver's rule leaves as it was: a morphine bolus order beside the
    breakthrough one is an earlier dose for it, and a gram of paracetamol run as an infusion at
    10:00 still holds the oral gram as required at 11:00 back by paracetamol's own 4 hours."""
    driver, prn = _driver_and_breakthrough()
    day = datetime(2026, 11, 28, tzinfo=TZ)
    at = day + timedelta(hours=10, minutes=30)
    bolus = driver.model_copy(update={"form": None, "rate_ml_h": None})
    given = _given(day + timedelta(hours=10), day + timedelta(hours=10), order_id="driver")
    assert _checks(prn, at=at, scheduled_for=None, history=[given], prn_orders={"driver"},
                   other_orders=[(bolus, "Morphine 10 mg SC")]) == [Check.PRN_INTERVAL]
    drip, oral = _driver_and_breakthrough("Paracetamol", "IV", 1.0, "g")
    oral = oral.model_copy(update={"route": "PO", "dose": 1.0, "min_interval_hours": 4})
    drip = drip.model_copy(update={"rate_ml_h": 400.0})
    assert _checks(oral, at=day + timedelta(hours=11), scheduled_for=None, history=[given], prn_orders={"driver"},
                   other_orders=[(drip, "Paracetamol 1 g IV at 400 mL/h")]) == [Check.MEDICINE_INTERVAL]


def _background_and_breakthrough(background="OxyContin 10 mg modified-release", breakthrough="OxyNorm 5 mg capsules"):
    """An opioid's modified-release form at 08:00 and 20:00, and its immediate-release form as
    required every 2 h, at most 6 in 24 h, for breakthrough pain (a post-operative regimen)."""
    regular = _order(record_id="mr", drug=background, dose=10.0, dose_unit="mg", route="PO",
                     times=(time(8), time(20)))
    prn = _order(record_id="ir", drug=breakthrough, dose=5.0, dose_unit="mg", route="PO", frequency=Frequency.PRN,
                 times=(), min_interval_hours=2, max_doses_24h=6, prn_indication="pain")
    return regular, prn


@pytest.mark.parametrize("background, breakthrough", [
    ("OxyContin 10 mg modified-release", "OxyNorm 5 mg capsules"),
    ("Zomorph 10 mg", "Oramorph 10 mg/5 mL"),
    ("Oxycodone MR 10 mg", "Oxycodone 5 mg capsules"),  # as required by mouth, no release said: immediate
    ("Skenan LP 10 mg", "Actiskenan 5 mg")])
def test_the_morning_modified_release_dose_is_no_earlier_dose_for_the_breakthrough_order(background, breakthrough):
    """OxyNorm at 09:00 for pain 7/10, an hour after the OxyContin tablet: questioned as "given
    60 min ago from another order", its next dose put at 10:00 and the day's two tablets counted
    in its maximum of 6, the background tablet taken for a breakthrough dose."""
    regular, prn = _background_and_breakthrough(background, breakthrough)
    day = datetime(2026, 11, 28, tzinfo=TZ)
    tablets = [_given(day - timedelta(hours=4), day - timedelta(hours=4), "mr"),
               _given(day + timedelta(hours=8), day + timedelta(hours=8), "mr")]
    at = day + timedelta(hours=9)
    assert _checks(prn, at=at, scheduled_for=None, history=tablets, prn_orders={"mr"},
                   other_orders=[(regular, background)]) == []
    status = prn_status(prn, at, tablets, orders=[regular])
    assert (status.last, status.recent, status.next_at) == (None, (), None)
    assert status.background == tablets[1]  # still said, not counted (review S4 #6)


@pytest.mark.parametrize("route, breakthrough", [("SC", "Morphine 2.5 mg"), ("IV", "Morphine 2 mg"),
                                                 ("IM", "Morphine 5 mg"), ("SC", "Oxycodone 2.5 mg"),
                                                 ("BUC", "Diamorphine 2.5 mg"), ("NAS", "Diamorphine 1.5 mg"),
                                                 ("PR", "Morphine 10 mg")])
def test_an_injected_breakthrough_opioid_is_not_held_back_by_the_modified_release_tablet(route, breakthrough):
    """MST Continus (or OxyContin) at 08:00 and 20:00, morphine 2.5 mg SC as required for pain 8/10
    at 09:00: held back as "given 60 min ago from another order", the tablet counted in its
    maximum, as the OxyNorm by mouth was (review S4 #4). A bolus stating no release is immediate:
    injected, buccal, and the diamorphine nasal spray or morphine suppository too (review S7 #2)."""
    background = "MST Continus 30 mg" if "Oxycodone" not in breakthrough else "OxyContin 10 mg"
    regular, prn = _background_and_breakthrough(background, breakthrough)
    prn = prn.model_copy(update={"route": route, "dose": 2.5})
    day = datetime(2026, 11, 28, tzinfo=TZ)
    tablet = _given(day + timedelta(hours=8), day + timedelta(hours=8), "mr")
    assert _checks(prn, at=day + timedelta(hours=9), scheduled_for=None, dose=2.5, history=[tablet],
                   prn_orders={"mr"}, other_orders=[(regular, background)]) == []
    driver = prn.model_copy(update={"frequency": Frequency.PRN, "form": "infusion"})  # a pump's PRN is no bolus
    assert order_release(driver) is None and order_release(prn) is Release.IMMEDIATE


def _patch_and_breakthrough(route, breakthrough):
    """A fentanyl 25 micrograms/hour patch applied at 08:00 every 72 hours, and the fentanyl
    `breakthrough` form by `route` as required every 2 h (the palliative regimen)."""
    regular, prn = _background_and_breakthrough("Fentanyl 25 micrograms/hour patch", breakthrough)
    patch = regular.model_copy(update={"route": "TD", "dose": 25.0, "dose_unit": "microgram", "times": (time(8),),
                                       "every_days": 3})
    return patch, prn.model_copy(update={"route": route, "dose": 100.0, "dose_unit": "microgram"})


@pytest.mark.parametrize("route, breakthrough", [("BUC", "Fentanyl 100 micrograms buccal tablet"),
                                                 ("NAS", "Fentanyl 50 micrograms nasal spray")])
def test_a_fentanyl_patch_applied_is_no_earlier_dose_for_the_breakthrough_order(route, breakthrough):
    """The fentanyl patch applied at 08:00, buccal or nasal fentanyl as required for pain 8/10 at
    09:00: held back as "given 60 min ago from another order", the patch taken for a
    breakthrough dose (review S7 #2). A patch is background beside a bolus, as an infusion is;
    a second patch order is still weighed with it."""
    patch, prn = _patch_and_breakthrough(route, breakthrough)
    day = datetime(2026, 11, 28, tzinfo=TZ)
    applied = _given(day + timedelta(hours=8), day + timedelta(hours=8), "mr")
    at = day + timedelta(hours=9)
    assert _checks(prn, at=at, scheduled_for=None, dose=100.0, history=[applied], prn_orders={"mr"},
                   other_orders=[(patch, patch.drug)]) == []
    status = prn_status(prn, at, [applied], orders=[patch])
    assert (status.last, status.next_at, status.background) == (None, None, applied)
    another = prn.model_copy(update={"drug": "Fentanyl 12 micrograms/hour patch", "route": "TD", "dose": 12.0})
    assert _checks(another, at=at, scheduled_for=None, dose=12.0, history=[applied], prn_orders={"mr"},
                   other_orders=[(patch, patch.drug)]) == [Check.PRN_INTERVAL]


def test_the_evening_modified_release_dose_is_not_questioned_after_a_breakthrough_dose():
    """The 20:00 OxyContin due an hour after a breakthrough OxyNorm: neither the as-required
    order's interval nor its day's maximum weigh it, after six breakthrough doses either."""
    regular, prn = _background_and_breakthrough()
    day = datetime(2026, 11, 28, tzinfo=TZ)
    history = [_given(day + timedelta(hours=hour), order_id="ir") for hour in (9, 11, 13, 15, 17, 19)]
    assert _checks(regular, at=day + timedelta(hours=20), scheduled_for=day + timedelta(hours=20), history=history,
                   dose=10.0, as_required=[prn], other_orders=[(prn, "OxyNorm 5 mg capsules as required")]) == []


def test_two_immediate_release_orders_and_two_modified_release_ones_are_still_weighed_together():
    """What the breakthrough rule leaves as it was: a regular oxycodone stating no release, or
    a second immediate-release order, is an earlier dose for the breakthrough order, and two
    modified-release orders are spaced from each other."""
    regular, prn = _background_and_breakthrough()
    day = datetime(2026, 11, 28, tzinfo=TZ)
    at = day + timedelta(hours=9)
    for drug in ("Oxycodone 10 mg", "OxyNorm 10 mg"):
        other = regular.model_copy(update={"drug": drug})
        assert _checks(prn, at=at, scheduled_for=None, history=[_given(day + timedelta(hours=8), order_id="mr")],
                       prn_orders={"mr"}, other_orders=[(other, drug)]) == [Check.PRN_INTERVAL]
    mr_prn = prn.model_copy(update={"drug": "Longtec 5 mg", "min_interval_hours": 12})
    assert _checks(mr_prn, at=at, scheduled_for=None, history=[_given(day + timedelta(hours=8), order_id="mr")],
                   prn_orders={"mr"}, other_orders=[(regular, regular.drug)]) == [Check.PRN_INTERVAL]


def test_a_modified_release_codeine_still_counts_in_codeines_own_day():
    """The medicine's own limits count every dose, background or breakthrough: codeine's 4 hours
    apart and 240 mg a day hold across a slow-release and an as-required form."""
    regular = _order(record_id="mr", drug="Codeine LP 60 mg", dose=60.0, dose_unit="mg", route="PO",
                     times=(time(8), time(20)))
    prn = _order(record_id="ir", drug="Codeine 60 mg", dose=60.0, dose_unit="mg", route="PO",
                 frequency=Frequency.PRN, times=(), min_interval_hours=4, max_doses_24h=6, prn_indication="pain")
    day = datetime(2026, 11, 28, tzinfo=TZ)
    history = [_given(day + timedelta(hours=8), day + timedelta(hours=8), "mr"),
               _given(day + timedelta(hours=12), order_id="ir"), _given(day + timedelta(hours=16), order_id="ir"),
               _given(day + timedelta(hours=20), day + timedelta(hours=20), "mr")]
    history = [dose.model_copy(update={"dose": 60.0}) for dose in history]
    assert _checks(prn, at=day + timedelta(hours=22), scheduled_for=None, history=history, dose=60.0,
                   prn_orders={"mr"}, other_orders=[(regular, regular.drug)], age=60, kg=70.0) == [
        Check.MEDICINE_INTERVAL, Check.MAXIMUM_DOSE]

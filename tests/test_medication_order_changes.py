"""Orders changed after they were written (moved, rewritten at a new dose, new times): each dose
stays where it was given and is due once, and an as-required dose is spaced from the replaced
order's doses."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check, DoseState
from downtime.services import cd_register, medication, records
from downtime.services.errors import ServiceError
from tests.test_glucose_insulin import glucose_charted


def _furosemide_once_at_ten(session_for, medication_ward, clock):
    """Furosemide 40 mg IV once at 10:00, written at 09:00 by the doctor: (patient, doctor, nurse,
    the order)."""
    patient, _, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    once = records.save_new(doctor, "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    return patient, doctor, nurse, once


def test_a_once_only_dose_moved_to_a_later_time_is_due_once(session_for, medication_ward, clock):
    """Furosemide once at 10:00, not given; at 11:00 the doctor moves it to 12:00. The round and
    the chart showed both 10:00 OVERDUE and 12:00: once the noon dose is given, the 10:00 one
    stayed OVERDUE at the top of the round, inviting a second dose of a once-only medicine."""
    patient, doctor, nurse, once = _furosemide_once_at_ten(session_for, medication_ward, clock)
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    records.amend(doctor, once.record_id, {**records.current(doctor.db, once.record_id).data,
                                           "start_at": "2026-11-28T12:00+01:00"}, "moved to noon")
    clock.now = datetime.fromisoformat("2026-11-28T12:30+01:00")
    due = [f"{item.slot:%H:%M}" for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())
           if item.order.record_id == once.record_id]
    assert due == ["12:00"]
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock().date(), 1, clock())
              if row.order.record_id == once.record_id]
    assert [(f"{cell.slot:%H:%M}", cell.state) for cell in row.cells] == [("12:00", DoseState.LATE)]


def test_a_once_only_order_amended_after_its_time_keeps_its_one_dose(session_for, medication_ward, clock):
    """Amended at 11:00 for something else than its time (the indication), the 10:00 once-only
    dose is still the order's one dose."""
    patient, doctor, nurse, once = _furosemide_once_at_ten(session_for, medication_ward, clock)
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    records.amend(doctor, once.record_id, {**records.current(doctor.db, once.record_id).data,
                                           "indication": "fluid overload"}, "indication left out")
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock().date(), 1, clock())
              if row.order.record_id == once.record_id]
    # Its one dose, not given: the laptop wrote nothing from the order at 09:00 to the amendment at
    # 11:00 while it fell due, so it may have been given on paper (domain.paper_gap).
    assert [(f"{cell.slot:%H:%M}", cell.state) for cell in row.cells] == [("10:00", DoseState.CHECK_PAPER)]


def test_a_given_once_only_dose_cannot_be_made_due_again_by_moving_the_order(session_for, medication_ward, clock):
    """Given at 10:00; the order's time then moved to 12:00 made a second dose fall due at noon
    (the start of a once-only order is the time of its dose)."""
    patient, doctor, nurse, once = _furosemide_once_at_ten(session_for, medication_ward, clock)
    clock.now = datetime.fromisoformat("2026-11-28T10:10+01:00")
    medication.record_dose(nurse, once.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:05+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "dose_given": 40.0, "route": "IV"})
    with pytest.raises(ServiceError, match="Start: cannot be changed once a dose has been recorded"):
        records.amend(doctor, once.record_id, {**records.current(doctor.db, once.record_id).data,
                                               "start_at": "2026-11-28T12:00+01:00"}, "moved to noon")
    clock.now = datetime.fromisoformat("2026-11-28T12:30+01:00")
    assert [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())
            if item.order.record_id == once.record_id] == []


def test_a_prn_order_rewritten_at_a_new_dose_keeps_the_interval_from_the_old_orders_doses(
        session_for, medication_ward):
    """Morphine 5 mg SC PRN every 4 h given at 12:00; at 12:10 the doctor raises it to 10 mg the
    only way the app allows (stop the order, write a new one). 10 mg at 12:30 from the new order
    was recorded with no warning: 15 mg of morphine within half an hour."""
    patient, _, morphine = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": "2026-11-28T12:00+01:00",
                                             "given_for": "pain",
                                             "dose_given": 5.0, "route": "SC"}, witness=("doctor", "2222"))
    data = records.current(doctor.db, morphine).data
    records.amend(doctor, morphine, {**data, "stop_at": "2026-11-28T12:10+01:00"}, "dose increased")
    raised = records.save_new(doctor, "medication_order", {**data, "dose": 10.0, "start_at": "2026-11-28T12:10+01:00"},
                              patient_id=patient)
    warnings = medication.check_dose(nurse, raised.record_id, {"outcome": "given", "given_at": "2026-11-28T12:30+01:00",
                                                               "dose_given": 10.0})
    assert [(w.check, w.message) for w in warnings] == [
        (Check.PRN_INTERVAL, "Morphine 5 mg SC was given 30 min before this dose from another order (last: 28/11 12:00); "
                             "this order allows a dose every 4 h.")]


def test_a_dose_given_early_stays_on_the_chart_when_the_orders_times_change_after_it(session_for, medication_ward,
                                                                                      clock):
    """07:40: the 08:00 amoxicillin given 20 minutes early and recorded for 08:00. 07:50: the doctor
    moves the times to 09:00 13:00 21:00. The dose vanished from the chart (its time no longer one
    of the order's since 07:50), which showed the 09:00 dose due with nothing given that morning."""
    patient, amox, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:40+01:00")
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T07:40+01:00",
                                         "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1.0, "route": "IV"},
                           overrides={Check.ALLERGY: "tolerated before"})
    clock.now = datetime.fromisoformat("2026-11-28T07:50+01:00")
    records.amend(doctor, amox, {**records.current(doctor.db, amox).data, "times": "09:00 13:00 21:00"}, "theatre")
    clock.now = datetime.fromisoformat("2026-11-28T09:10+01:00")
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock().date(), 1, clock())
              if row.order.record_id == amox]
    assert [(f"{cell.slot:%H:%M}", cell.state) for cell in row.cells][:2] == [
        ("08:00", DoseState.GIVEN), ("09:00", DoseState.DUE)]


def test_the_first_dose_of_a_new_order_given_as_it_falls_due_raises_no_warning(session_for, medication_ward, clock):
    """The round shows the 14:00 dose due from 13:30 (the ward's window); given at 13:45, the
    first dose of an order starting at 14:00 asked for a reason to override "order not active"."""
    patient, _, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T13:00+01:00")
    new = records.save_new(doctor, "medication_order", {
        "drug": "Gentamicin", "dose": 320.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T14:00+01:00", "review_at": "2026-12-01T14:00+01:00",
        "controlled": False, "high_alert": True},
        patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:45+01:00")
    assert [item.state for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())
            if item.order.record_id == new.record_id] == [DoseState.DUE]
    assert medication.check_dose(nurse, new.record_id, {
        "outcome": "given", "given_at": "2026-11-28T13:45+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 320.0, "route": "IV"}) == []


def test_a_prn_dose_is_spaced_from_and_counted_with_regular_doses_of_the_same_medicine(paracetamol_day):
    """The PRN dose at 09:00, an hour after the regular one, was recorded with no warning, and so
    was a day's fifth gram."""
    nurse, _, prn = paracetamol_day
    warnings = medication.check_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T09:00+01:00",
                                                            "dose_given": 1.0})
    assert [w.check for w in warnings] == [Check.PRN_INTERVAL, Check.PRN_DAILY_MAX]


def test_an_as_required_orders_status_says_when_the_save_check_next_allows_a_dose(paracetamol_day):
    """At 09:00 the last gram was the regular 08:00 one, four fell within 24 h, and the next is
    allowed at 14:00, once 27/11 14:00 is more than a day old: the time from which saving a dose
    raises neither the interval nor the daily maximum, and not a minute before."""
    nurse, regular, prn = paracetamol_day
    status = medication.as_required_status(nurse, prn.record_id)
    assert status.last is not None and status.last.order_id == regular.record_id
    assert status.last.at == datetime.fromisoformat("2026-11-28T08:00+01:00") and status.last.given_by == "nurse"
    assert [dose.order_id for dose in status.recent] == [regular.record_id] * 2 + [prn.record_id, regular.record_id]
    assert status.next_at == datetime.fromisoformat("2026-11-28T14:00+01:00")

    def prn_checks(at):
        warnings = medication.check_dose(nurse, prn.record_id, {"outcome": "given", "given_at": at, "dose_given": 1.0})
        return {w.check for w in warnings} & {Check.PRN_INTERVAL, Check.PRN_DAILY_MAX}

    assert prn_checks("2026-11-28T13:59+01:00") == {Check.PRN_DAILY_MAX}
    assert prn_checks("2026-11-28T14:00+01:00") == set()


def test_an_as_required_order_with_nothing_given_allows_a_dose_now(paracetamol):
    nurse, _, prn = paracetamol
    status = medication.as_required_status(nurse, prn.record_id)
    assert status.last is None and status.recent == () and status.next_at is None


@pytest.mark.parametrize("given_at,said", [
    ("2026-11-28T13:00+01:00", "paracétamol as required was given 60 min before this dose (last: 28/11 13:00); that "
                               "order allows a dose every 4 h."),
    ("2026-11-28T15:00+01:00", "paracétamol as required is recorded 60 min after this dose; that order allows a dose "
                               "every 4 h."),
])
def test_a_regular_dose_is_spaced_from_the_as_required_doses_of_the_same_medicine(paracetamol, clock, given_at, said):
    """Paracetamol as required given at 13:00: the regular 14:00 gram an hour later asked for no
    reason (only the as-required dose was spaced from the regular ones), two grams in an hour.
    It is now questioned as the as-required one would be, whichever was recorded first."""
    nurse, regular, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": given_at, "dose_given": 1.0,
                                                  "given_for": "pain", "route": "PO"})
    values = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
              "dose_given": 1.0, "route": "PO"}
    [warning] = medication.check_dose(nurse, regular.record_id, values)
    assert warning.check is Check.PRN_INTERVAL and warning.text("en") == said
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, regular.record_id, values)
    medication.record_dose(nurse, regular.record_id, values, overrides={Check.PRN_INTERVAL: "prescriber agreed"})
    assert medication.check_dose(nurse, regular.record_id, {**values, "given_at": "2026-11-28T20:00+01:00",
                                                            "scheduled_for": "2026-11-28T20:00+01:00"}) == []


def test_a_dose_of_a_medicine_ordered_twice_is_questioned_after_the_other_orders_dose(insulin_twice, clock):
    """Both orders' 22:00 doses given at 22:05: the second was saved with no warning, a double
    dose of insulin. It now needs a reason, the other order named."""
    nurse, first, second = insulin_twice
    clock.now = datetime.fromisoformat("2026-11-28T22:10+01:00")
    glucose_charted(nurse, first.patient_id, "2026-11-28T21:55+01:00", timing="bedtime")
    dose = {"outcome": "given", "given_at": "2026-11-28T22:05+01:00", "scheduled_for": "2026-11-28T22:00+01:00",
            "dose_given": 18.0, "route": "SC"}
    assert medication.check_dose(nurse, first.record_id, dose) == []
    medication.record_dose(nurse, first.record_id, dose, witness=("doctor", "2222"))  # insulin: a second check
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, second.record_id, dose)
    assert [(w.check, w.message) for w in caught.value.warnings] == [(Check.ALREADY_GIVEN, (
        "Insulin glargine 18 units SC was given at 22:05 from another order (at 22:00, from 27/11 10:00); is this "
        "medicine ordered twice?"))]
    medication.record_dose(nurse, second.record_id, dose, overrides={Check.ALREADY_GIVEN: "prescriber asked for 36"},
                           witness=("doctor", "2222"))


def test_a_dose_given_from_another_infusion_of_the_same_fluid_names_that_order_with_its_rate(
        session_for, medication_ward, clock):
    """Two sodium chloride 0.9% infusions, at 125 and at 80 mL/h: the warning given the second's
    08:00 litre after the first's named "Sodium chloride 0.9% 1000 mL IV" alone, and the nurse
    could not tell which order it meant. It names it as the chart heads it, with its rate."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    fluids = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
              "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T07:00+01:00",
              "controlled": False, "high_alert": False}
    fast = records.save_new(doctor, "medication_order", fluids, patient_id=patient)
    slow = records.save_new(doctor, "medication_order", {**fluids, "rate_ml_h": 80.0}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T08:10+01:00")
    dose = {"outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
            "dose_given": 1000.0, "route": "IV"}
    medication.record_dose(nurse, fast.record_id, dose)
    assert [(w.check, w.message) for w in medication.check_dose(nurse, slow.record_id, dose)] == [(
        Check.ALREADY_GIVEN, "Sodium chloride 0.9% 1000 mL IV at 125 mL/h was given at 08:05 from another order (at "
                             "08:00, from 28/11 07:00); is this medicine ordered twice?")]


def test_an_order_of_a_medicine_the_patient_already_has_is_questioned_at_prescribing(session_for, medication_ward,
                                                                                     insulin_twice):
    """The second insulin order was saved with nothing said of the first, still running."""
    nurse, first, second = insulin_twice
    doctor, patient = session_for("doctor"), medication_ward[0]
    values = records.current(doctor.db, second.record_id).data
    assert medication.duplicate_orders(doctor, {**values, "drug": "INSULINE GLARGINE"}, patient) == (
        "Already ordered: Insulin glargine 18 units SC, at 22:00, from 27/11/2026 10:00; Insulin glargine 18 units SC, "
        "at 22:00, from 28/11/2026 09:00.")
    assert medication.duplicate_orders(doctor, values, patient, second.record_id) == (
        "Already ordered: Insulin glargine 18 units SC, at 22:00, from 27/11/2026 10:00.")
    # The first stopped when the second starts: one order at a time, nothing to ask.
    records.amend(doctor, first.record_id, {**records.current(doctor.db, first.record_id).data,
                                            "stop_at": "2026-11-28T09:00+01:00"}, "rewritten")
    assert medication.duplicate_orders(doctor, values, patient, second.record_id) is None
    assert medication.duplicate_orders(doctor, {**values, "drug": "Insulin aspart"}, patient) is None
    once = {**values, "frequency": "once", "times": None, "start_at": "2026-11-28T08:00+01:00"}
    # The second, from 09:00, gives its 22:00 dose within the day of the once-only 08:00 one; the
    # first, read at 14:00, is stopped since 09:00.
    assert medication.duplicate_orders(doctor, once, patient) == (
        "Already ordered: Insulin glargine 18 units SC, at 22:00, from 28/11/2026 09:00; Insulin glargine 18 units SC,"
        " at 22:00, from 27/11/2026 10:00, stopped 28/11/2026 09:00.")


def test_as_required_orders_of_one_medicine_written_two_ways_are_spaced_from_each_other(session_for, medication_ward):
    """Morphine 5 mg SC PRN given at 12:00; "Morphine sulfate" 5 mg SC PRN, another order, at
    12:30 was saved with no warning: two medicines to the check."""
    patient, _, morphine = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": "2026-11-28T12:00+01:00",
                                             "given_for": "pain",
                                             "dose_given": 5.0, "route": "SC"}, witness=("doctor", "2222"))
    sulfate = records.save_new(doctor, "medication_order", {**records.current(doctor.db, morphine).data,
                                                            "drug": "Morphine sulfate"}, patient_id=patient)
    warnings = medication.check_dose(nurse, sulfate.record_id, {"outcome": "given",
                                                                "given_at": "2026-11-28T12:30+01:00", "dose_given": 5.0})
    assert [(w.check, w.message) for w in warnings] == [
        (Check.PRN_INTERVAL, "Morphine 5 mg SC was given 30 min before this dose from another order (last: 28/11 12:00); "
                             "this order allows a dose every 4 h.")]


def test_a_regular_dose_beyond_the_as_required_orders_daily_maximum_is_questioned(paracetamol, clock):
    """Paracetamol as required at 22:00 and 02:00, then the regular grams of 08:00 and 14:00: the
    20:00 gram, the fifth in 22 hours, was saved with no warning (the maximum was counted only
    when an as-required dose was given)."""
    nurse, regular, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T20:00+01:00")
    for at in ("2026-11-27T22:00+01:00", "2026-11-28T02:00+01:00"):
        medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": at, "dose_given": 1.0,
                                                      "given_for": "pain", "route": "PO"})
    for slot in ("2026-11-28T08:00+01:00", "2026-11-28T14:00+01:00"):
        medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": slot, "scheduled_for": slot,
                                                          "dose_given": 1.0, "route": "PO"})
    warnings = medication.check_dose(nurse, regular.record_id, {
        "outcome": "given", "given_at": "2026-11-28T20:00+01:00", "scheduled_for": "2026-11-28T20:00+01:00",
        "dose_given": 1.0, "route": "PO"})
    assert [(w.check, w.message) for w in warnings] == [(Check.PRN_DAILY_MAX, (
        "With this dose, 5 doses fall within 24 h; paracétamol as required allows at most 4. Given from another "
        "order: 27/11 22:00, 28/11 02:00 (paracétamol 1 g PO)."))]


def test_an_as_required_dose_beyond_the_days_amount_of_its_medicine_is_questioned(three_grams_then_half_grams):
    """The regular grams of 08:00, 14:00 and 20:00, then paracetamol 500 mg as required (at most 6
    in 24 h, 3 g) at 00:10: 3.5 g in 24 hours, four doses of six, and nothing was said, neither
    at Save nor by the dialog's next dose allowed. Both now count the amount."""
    nurse, _, prn = three_grams_then_half_grams
    warnings = medication.check_dose(nurse, prn, {"outcome": "given", "given_at": "2026-11-29T00:10+01:00",
                                                  "dose_given": 500.0, "route": "PO"})
    assert [(w.check, w.message) for w in warnings] == [(Check.PRN_DAILY_MAX, (
        "With this dose, 4 doses fall within 24 h; the order allows at most 3 g (6 × 500 mg), and they come to 3.5 g. "
        "Given from another order: 28/11 08:00, 28/11 14:00, 28/11 20:00 (Paracetamol 1 g PO)."))]
    assert medication.as_required_status(nurse, prn).next_at == datetime.fromisoformat("2026-11-29T08:00+01:00")


def test_a_dose_whose_amount_cannot_be_said_still_counts_in_the_days_amount(three_grams_then_half_grams, session_for):
    """Two co-codamol tablets at 02:00 (their paracetamol not said in mg): the day's amount was
    then not weighed at all, and 500 mg at 00:10 after three regular grams went by unsaid. The
    tablets count as one dose of the order weighed (500 mg)."""
    nurse, regular, prn = three_grams_then_half_grams
    cocodamol = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Co-codamol 8/500", "dose": 2.0, "dose_unit": "tablet", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4, "start_at": "2026-11-28T00:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=regular.patient_id).record_id
    tablets = {"outcome": "given", "given_at": "2026-11-28T02:00+01:00", "dose_given": 2.0, "route": "PO",
               "given_for": "pain"}
    medication.record_dose(nurse, cocodamol, tablets, overrides={
        warning.check: "as prescribed" for warning in medication.check_dose(nurse, cocodamol, tablets)})
    warnings = medication.check_dose(nurse, prn, {"outcome": "given", "given_at": "2026-11-29T00:10+01:00",
                                                  "dose_given": 500.0, "route": "PO"})
    assert [w.check for w in warnings] == [Check.PRN_DAILY_MAX] and "they come to 4 g" in warnings[0].message


def test_both_round_lines_and_chart_rows_of_a_medicine_ordered_twice_name_the_other_order(
        insulin_twice, medication_ward, session_for, clock):
    """Insulin glargine 18 units SC at 22:00 written twice: the round listed two identical "Due
    now" lines, and the chart two rows, nothing saying the medicine was ordered twice (only the
    second dose saved was questioned). Both lines stay listed, each naming the other order; the
    first's dose of the night before, when the second was not written yet, names none, and once
    the first is stopped neither does."""
    nurse, first, second = insulin_twice
    patient, amox, morphine = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T21:50+01:00")

    def listed():
        return {(item.order.record_id, f"{item.slot:%d/%m %H:%M}"): [other.record_id for other in item.also_ordered]
                for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.order.drug == "Insulin glargine"}

    def charted():
        return {row.order.record_id: [other.record_id for other in row.also_ordered]
                for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)}

    assert listed() == {(first.record_id, "27/11 22:00"): [], (first.record_id, "28/11 22:00"): [second.record_id],
                        (second.record_id, "28/11 22:00"): [first.record_id]}
    assert charted() == {amox: [], morphine: [], first.record_id: [second.record_id], second.record_id: [first.record_id]}
    doctor = session_for("doctor")
    records.amend(doctor, first.record_id, {**records.current(doctor.db, first.record_id).data,
                                            "stop_at": "2026-11-28T21:00+01:00"}, "rewritten")
    assert listed() == {(second.record_id, "28/11 22:00"): []}
    assert charted() == {amox: [], morphine: [], first.record_id: [], second.record_id: []}


def test_a_second_once_only_order_of_a_medicine_within_a_day_is_questioned_at_prescribing(
        session_for, medication_ward, clock):
    """Furosemide 40 mg IV once at 10:00, then once again at 18:00 the same day: saved with
    nothing said, "Already ordered" being asked only of orders running at the same moment. A
    once-only order of the medicine with its dose within 24 hours before or after is named,
    given or not; one a full day apart, or one stopped before its dose, is not."""
    patient, doctor, nurse, once = _furosemide_once_at_ten(session_for, medication_ward, clock)
    values = records.current(doctor.db, once.record_id).data
    said = "Already ordered: Furosemide 40 mg IV, once, at 28/11/2026 10:00."

    def asked(start):
        return medication.duplicate_orders(doctor, {**values, "start_at": start}, patient)

    assert asked("2026-11-28T18:00+01:00") == said
    assert asked("2026-11-27T10:30+01:00") == said
    clock.now = datetime.fromisoformat("2026-11-28T10:05+01:00")
    medication.record_dose(nurse, once.record_id, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                                   "scheduled_for": "2026-11-28T10:00+01:00", "dose_given": 40.0,
                                                   "route": "IV"})
    assert asked("2026-11-29T09:59+01:00") == said
    assert asked("2026-11-29T10:00+01:00") is None
    other = records.save_new(doctor, "medication_order", {**values, "start_at": "2026-11-30T10:00+01:00"},
                             patient_id=patient)
    records.amend(doctor, other.record_id, {**records.current(doctor.db, other.record_id).data,
                                            "stop_at": "2026-11-29T12:00+01:00"}, "not needed")
    assert asked("2026-11-30T08:00+01:00") is None


def test_an_order_for_the_wrong_patient_whose_dose_was_given_is_to_be_stopped_not_its_dose_withdrawn(
        session_for, medication_ward, clock):
    """Furosemide written for the wrong patient and given to them at 10:05: withdrawing the order
    was answered "withdraw them first (each from the chart)", and the doctor withdrew the dose,
    the patient's chart then saying they never had the furosemide they had."""
    patient, doctor, nurse, once = _furosemide_once_at_ten(session_for, medication_ward, clock)
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    medication.record_dose(nurse, once.record_id, {"outcome": "given", "given_at": "2026-11-28T10:05+01:00",
                                                   "scheduled_for": "2026-11-28T10:00+01:00", "dose_given": 40.0,
                                                   "route": "IV"})
    with pytest.raises(ServiceError) as refused:
        records.mark_entered_in_error(doctor, once.record_id, "written for the wrong patient")
    assert str(refused.value) == (
        "1 dose(s) were recorded from this order. A dose given stays on the chart, even one given to the wrong "
        "patient (they had it): stop the order instead (amend its stop time) and write the right patient's. Only a "
        "dose recorded by mistake, never given, is withdrawn first, from the chart.")


def test_a_regular_order_within_a_day_of_a_once_only_one_of_the_medicine_is_questioned_at_prescribing(
        session_for, medication_ward, clock):
    """Furosemide 40 mg IV once at 10:00, then furosemide 40 mg IV regularly at 18:00 written
    from noon: saved with nothing said (the once-only dose was asked about only against an order
    running at its very time), while the round flags the 18:00 dose "ALSO ORDERED" with the
    once-only one. Either way round, the prescriber is asked as the round will flag it; a
    regular order starting a full day after the dose, or stopped a day before it, is not named."""
    patient, doctor, nurse, once = _furosemide_once_at_ten(session_for, medication_ward, clock)
    values = records.current(doctor.db, once.record_id).data
    regular = {**values, "frequency": "scheduled", "times": "18:00", "start_at": "2026-11-28T12:00+01:00"}
    assert medication.duplicate_orders(doctor, regular, patient) == (
        "Already ordered: Furosemide 40 mg IV, once, at 28/11/2026 10:00.")
    assert medication.duplicate_orders(doctor, {**regular, "start_at": "2026-11-29T10:00+01:00"}, patient) is None
    assert medication.duplicate_orders(doctor, {**regular, "start_at": "2026-11-26T08:00+01:00",
                                                "stop_at": "2026-11-27T10:00+01:00"}, patient) is None
    written = records.save_new(doctor, "medication_order", regular, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T17:50+01:00")
    flagged = {f"{item.slot:%H:%M}": [other.record_id for other in item.also_ordered]
               for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
               if item.order.record_id == written.record_id}
    assert flagged == {"18:00": [once.record_id]}
    assert medication.duplicate_orders(doctor, values, patient, once.record_id) == (
        "Already ordered: Furosemide 40 mg IV, at 18:00, from 28/11/2026 12:00.")


def test_a_once_only_dose_cancelled_before_its_time_is_not_due_meanwhile(session_for, medication_ward, clock):
    """Furosemide once at 10:00, cancelled at 08:30 by a stop at 09:00: until 09:00 the chart read
    it upcoming and the round listed it at 10:00, a dose a nurse on an early round might give.
    A dose after its order's stop is never due, as a regular order's is not."""
    patient, doctor, nurse, once = _furosemide_once_at_ten(session_for, medication_ward, clock)
    clock.now = datetime.fromisoformat("2026-11-28T08:30+01:00")
    records.amend(doctor, once.record_id, {**records.current(doctor.db, once.record_id).data,
                                           "stop_at": "2026-11-28T09:00+01:00"}, "not needed after all")
    clock.now = datetime.fromisoformat("2026-11-28T08:40+01:00")
    assert "Furosemide" not in {item.order.drug for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())}
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock())
              if row.order.drug == "Furosemide"]
    assert [cell.state for cell in row.cells] == [DoseState.NOT_RECORDED]


def test_a_regular_orders_times_after_a_stop_written_later_are_not_on_its_chart(session_for, medication_ward, clock):
    """Amoxicillin (08:00 14:00 20:00) stopped at 09:00, the stop written at 15:00: its 14:00 of
    that day read "not recorded (stopped)", a dose missed at a time it no longer ran; its 08:00,
    before the stop, still does."""
    patient, amox, _ = medication_ward
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    records.amend(doctor, amox, {**records.current(doctor.db, amox).data, "stop_at": "2026-11-28T09:00+01:00"},
                  "stopped on the ward round, written after")
    [row] = [row for row in medication.mar_grid(doctor.db, patient, clock.now.date(), 1, clock.now)
             if row.order.record_id == amox]
    assert [(cell.clock, cell.state) for cell in row.cells] == [("08:00", DoseState.NOT_RECORDED)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_doses_of_other_orders_beyond_the_daily_maximum_are_listed_with_french_typography(
        paracetamol, session_for, clock, lang, listed_in):
    """Paracetamol as required at 22:00 from one order and at 02:00 from a second, then the
    regular grams of 08:00 and 14:00: the 20:00 gram's warning named both orders' doses, in French
    "…(paracétamol 1 g PO); 28/11 02:00…", where every sentence of the catalogue writes " ; ".
    The audit log keeps the English."""
    nurse, regular, prn = paracetamol
    second = records.save_new(session_for("doctor"), "medication_order", {**prn.data, "drug": "Paracetamol"},
                              patient_id=prn.patient_id)
    clock.now = datetime.fromisoformat("2026-11-28T20:00+01:00")
    for order, at in ((prn, "2026-11-27T22:00+01:00"), (second, "2026-11-28T02:00+01:00")):
        medication.record_dose(nurse, order.record_id, {"outcome": "given", "given_at": at, "dose_given": 1.0,
                                                        "given_for": "pain", "route": "PO"})
    for slot in ("2026-11-28T08:00+01:00", "2026-11-28T14:00+01:00"):
        medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": slot, "scheduled_for": slot,
                                                          "dose_given": 1.0, "route": "PO"})
    (warning,) = medication.check_dose(session_for("nurse", lang), regular.record_id, {
        "outcome": "given", "given_at": "2026-11-28T20:00+01:00", "scheduled_for": "2026-11-28T20:00+01:00",
        "dose_given": 1.0, "route": "PO"})
    assert warning.check is Check.PRN_DAILY_MAX
    listed_in(warning.text(lang), lang)
    assert "PO); 28/11 02:00 (Paracetamol" in warning.message

import json
import sqlite3
from datetime import datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from downtime.domain.medication import Check, DoseState
from downtime.services import cd_register, medication, records, wards
from downtime.storage import audit
from downtime.services.errors import PermissionDenied, ServiceError, SignInError, ValidationFailed
from tests.conftest import death_answers


@pytest.fixture
def ward(session_for, medication_ward):
    nurse = session_for("nurse")
    patient, amox, morphine = medication_ward
    return nurse, patient, medication.order(nurse.db, amox), medication.order(nurse.db, morphine)


def _given(at, dose, scheduled=None):
    """A dose given: for its scheduled time, or as required, with why."""
    values = {"outcome": "given", "given_at": at, "dose_given": dose, "route": "IV"}
    if scheduled:
        values["scheduled_for"] = scheduled
    else:
        values["given_for"] = "pain 6/10"
    return values


def test_a_nurse_writes_no_order_but_a_telephone_one(session_for, ward):
    nurse, patient, amox, _ = ward
    with pytest.raises(PermissionDenied, match="only as a prescriber gives it by telephone"):
        records.save_new(nurse, "medication_order", {
            "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "once",
            "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    with pytest.raises(PermissionDenied, match="only doctor"):
        records.save_new(session_for("coord"), "medication_order", {"drug": "X"}, patient_id=patient)


def test_allergy_needs_an_override_with_a_reason(ward):
    nurse, _, amox, _ = ward
    values = _given("2026-11-28T08:05+01:00", 1.0, "2026-11-28T08:00+01:00")
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, amox.record_id, values)
    assert [w.check for w in caught.value.warnings] == [Check.ALLERGY]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, amox.record_id, values, overrides={Check.ALLERGY: "   "})
    saved = medication.record_dose(nurse, amox.record_id, values,
                                   overrides={Check.ALLERGY: "Allergy disproved by allergist 2024"})
    assert saved.data["overrides"] == [{"check": "allergy", "reason": "Allergy disproved by allergist 2024"}]
    assert medication.administrations(nurse.db, saved.patient_id)[0].record_id == saved.record_id


def test_double_dose_is_caught(ward):
    nurse, _, amox, _ = ward
    values = _given("2026-11-28T08:05+01:00", 1.0, "2026-11-28T08:00+01:00")
    medication.record_dose(nurse, amox.record_id, values, overrides={Check.ALLERGY: "tolerated before"})
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, amox.record_id, values, overrides={Check.ALLERGY: "tolerated before"})
    assert Check.ALREADY_GIVEN in [w.check for w in caught.value.warnings]


def test_controlled_drug_needs_a_different_witness_and_stock(ward, session_for):
    nurse, _, _, morphine = ward
    values = {**_given("2026-11-28T10:00+01:00", 5.0), "route": "SC"}
    with pytest.raises(ServiceError, match="witness"):
        medication.record_dose(nurse, morphine.record_id, values)
    with pytest.raises(ServiceError, match="different person"):
        medication.record_dose(nurse, morphine.record_id, values, witness=("nurse", "1111"))
    with pytest.raises(SignInError):
        medication.record_dose(nurse, morphine.record_id, values, witness=("doctor", "9999"))
    with pytest.raises(ServiceError, match="holds 0 mg of Morphine; 5 mg cannot be given from it"):  # its unit said
        medication.record_dose(nurse, morphine.record_id, values, witness=("doctor", "2222"))
    assert cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222")) == 20
    saved = medication.record_dose(nurse, morphine.record_id, values, witness=("doctor", "2222"))
    assert saved.data["witness"] == "doctor"
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15


def test_cd_balance_cannot_go_negative(ward):
    nurse, *_ = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="above zero"):
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", -11, witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="below zero"):
        cd_register.cd_count(nurse, "3B", "Morphine", "mg", -1, witness=("doctor", "2222"), discrepancy_note="told")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 10


def test_prn_interval_and_daily_max(ward, session_for):
    nurse, _, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    first = {**_given("2026-11-28T08:00+01:00", 5.0), "route": "SC"}
    medication.record_dose(nurse, morphine.record_id, first, witness=("doctor", "2222"))
    soon = {**_given("2026-11-28T10:00+01:00", 5.0), "route": "SC"}
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, morphine.record_id, soon, witness=("doctor", "2222"))
    assert [w.check for w in caught.value.warnings] == [Check.PRN_INTERVAL]


def test_not_given_with_a_coded_reason(ward):
    nurse, _, amox, _ = ward
    saved = medication.record_dose(nurse, amox.record_id, {
        "outcome": "not_given", "given_at": "2026-11-28T08:10+01:00",
        "scheduled_for": "2026-11-28T08:00+01:00", "not_given_reason": "refused"})
    (row,) = [r for r in medication.mar_grid(nurse.db, saved.patient_id, datetime(2026, 11, 28).date(), 1,
                                             nurse.clock()) if r.order.record_id == amox.record_id]
    assert [c.state for c in row.cells] == [DoseState.NOT_GIVEN, DoseState.DUE, DoseState.UPCOMING]


def test_mar_grid_finds_the_days_doses_whatever_offset_they_were_written_in(ward):
    nurse, patient, amox, morphine = ward
    overrides = {Check.ALLERGY: "tolerated before"}
    # 08:00 in Paris on the 28th, typed on a laptop ten hours behind: still the 27th by its clock.
    medication.record_dose(nurse, amox.record_id, _given("2026-11-27T21:05-10:00", 1.0, "2026-11-27T21:00-10:00"),
                           overrides=overrides)
    medication.record_dose(nurse, amox.record_id, _given("2026-11-27T14:00+01:00", 1.0, "2026-11-27T14:00+01:00"),
                           overrides=overrides)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine.record_id, {**_given("2026-11-28T00:30+01:00", 5.0), "route": "SC"},
                           witness=("doctor", "2222"))
    day = datetime(2026, 11, 28).date()
    grids = medication.mar_grids(nurse.db, [patient], day, 1, nurse.clock())
    assert grids[patient] == medication.mar_grid(nurse.db, patient, day, 1, nurse.clock())
    scheduled, prn = grids[patient]
    assert [(c.slot.strftime("%H:%M"), c.state) for c in scheduled.cells] == [
        ("08:00", DoseState.GIVEN), ("14:00", DoseState.DUE), ("20:00", DoseState.UPCOMING)]
    assert [d.at.isoformat() for d in prn.prn_doses] == ["2026-11-28T00:30:00+01:00"]
    assert medication.mar_grid(nurse.db, patient, datetime(2026, 11, 29).date(), 1, nurse.clock())[1].prn_doses == ()


def test_round_list_orders_overdue_first(ward, clock):
    nurse, patient, amox, _ = ward
    items = [i for i in medication.round_list(nurse.db, nurse.forms, "3B", clock.now) if not i.missed]
    # The order, from 27/11, was typed in at 14:00: its 08:00 dose first, to look for on paper.
    assert [(i.slot.strftime("%H:%M"), i.state) for i in items] == [
        ("08:00", DoseState.CHECK_PAPER), ("14:00", DoseState.DUE)]
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T13:50+01:00", 1.0, "2026-11-28T14:00+01:00"),
                           overrides={Check.ALLERGY: "tolerated before"})
    # A dose of it recorded since: its paper has been gone through, the 08:00 dose is overdue.
    assert [(i.slot.strftime("%H:%M"), i.state) for i in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
            if not i.missed] == [("08:00", DoseState.OVERDUE)]


def test_a_dose_missed_over_12_hours_ago_stays_on_the_round_until_recorded(ward, clock):
    """Yesterday's 14:00 and 20:00 doses, never recorded, left the round 12 hours after their
    time while the chart still read OVERDUE: the next shift never saw them (a once-weekly
    methotrexate, an anticoagulant missed overnight). They stay, after the doses to give now and
    marked missed, until each is recorded as given or not given with its reason."""
    nurse, patient, amox, _ = ward

    def listed():
        return [(f"{i.slot:%d %H:%M}", i.state, i.missed) for i in medication.round_list(nurse.db, nurse.forms, "3B",
                                                                                            clock.now)]

    assert listed() == [("28 08:00", DoseState.CHECK_PAPER, False), ("28 14:00", DoseState.DUE, False),
                        ("27 14:00", DoseState.CHECK_PAPER, True), ("27 20:00", DoseState.CHECK_PAPER, True)]
    medication.record_dose(nurse, amox.record_id, {"outcome": "not_given", "given_at": "2026-11-28T13:55+01:00",
                                                   "scheduled_for": "2026-11-27T20:00+01:00",
                                                   "not_given_reason": "unavailable"})
    assert ("27 20:00", DoseState.OVERDUE, True) not in listed()
    clock.advance(days=7)  # a week's outage later: 27/11 14:00 and every time since to 05/12 02:00, less 27/11 20:00
    missed = [item for item in listed() if item[2]]
    assert ("27 14:00", DoseState.OVERDUE, True) in missed and len(missed) == 1 + 3 * 7
    # Nothing written on the laptop for the week: its doses may be on paper (see paper_gap).
    assert missed[0] == ("28 20:00", DoseState.CHECK_PAPER, True)
    assert [item for item in listed() if not item[2]] == [("05 08:00", DoseState.CHECK_PAPER, False),
                                                          ("05 14:00", DoseState.DUE, False)]


def test_a_readmitted_patients_round_lists_no_dose_of_a_time_they_were_at_home(readmitted, clock):
    """Discharged at 21:00 on 27/11 and readmitted at 12:00 on 28/11: the round listed this
    morning's 08:00 amoxicillin, a time the patient was at home, as OVERDUE beside the 14:00 one
    due now (two doses to give within minutes). Only the current stay's times are listed, the
    recent ones as the missed ones already were."""
    nurse = readmitted
    assert [(f"{i.slot:%d %H:%M}", i.state) for i in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)] == [
        ("28 14:00", DoseState.DUE)]


def test_discharged_patient_cannot_be_given_doses_from_the_stays_orders(ward, clock):
    """The stay's orders ended with it, whenever they were typed in (one typed after the
    discharge's time was given from with a reason, the one typed before was refused)."""
    nurse, patient, amox, _ = ward
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    with pytest.raises(ServiceError, match="stopped at the end of the stay of 28/11/2026"):
        medication.record_dose(nurse, amox.record_id, _given("2026-11-28T13:50+01:00", 1.0, "2026-11-28T14:00+01:00"))
    assert medication.round_list(nurse.db, nurse.forms, "3B", clock.now) == []


def test_a_movement_that_would_leave_a_dose_outside_the_stay_is_refused_naming_it(ward, session_for):
    """An arrival moved after a dose, or a discharge before one, left the dose recorded for a
    time the patient was not in hospital, with nothing said (observation sets were checked, doses
    not). The dose is named."""
    nurse, patient, amox, _ = ward
    admission = next(r for r in records.list_current(nurse.db, form_id="admission", patient_id=patient))
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T08:05+01:00", 1.0, "2026-11-28T08:00+01:00"),
                           overrides={Check.ALLERGY: "tolerated before"})
    refused = r"Arrival date and time: Medication administration \(Amoxicillin\) of 28/11/2026 08:05 would then fall " \
              r"outside the patient's stay"
    with pytest.raises(ServiceError, match=refused):
        records.amend(nurse, admission.record_id, {**admission.data, "arrival_at": "2026-11-28T09:00+01:00"},
                      "arrival typed wrong")
    discharge = records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                                      "letter_given": True, "medicines_given": True}, patient_id=patient)
    with pytest.raises(ServiceError, match="Medication administration \\(Amoxicillin\\) of 28/11/2026 08:05"):
        records.amend(nurse, discharge.record_id, {**discharge.data, "discharged_at": "2026-11-28T08:00+01:00"},
                      "time typed wrong")
    records.amend(nurse, discharge.record_id, {**discharge.data, "letter_given": False}, "letter not yet given")
    records.amend(nurse, discharge.record_id, {**discharge.data, "discharged_at": "2026-11-28T09:00+01:00"},
                  "left at nine")


def test_late_and_overdue_thresholds_are_a_ward_setting(ward, session_for, clock):
    from downtime.services import settings

    nurse, *_ = ward
    with pytest.raises(ServiceError, match="below overdue"):
        settings.set_round_thresholds(session_for("admin"), 90, 60)
    with pytest.raises(PermissionDenied):
        settings.set_round_thresholds(nurse, 15, 45)
    settings.set_round_thresholds(session_for("admin"), 60, 400)
    clock.now = datetime.fromisoformat("2026-11-28T19:45+01:00")  # the 14:00 dose 5 h 45 late, the 20:00 one due
    states = {f"{i.slot:%H:%M}": i.state for i in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
              if not i.missed}
    assert (states["14:00"], states["20:00"]) == (DoseState.LATE, DoseState.DUE)


def test_late_and_overdue_are_saved_together_or_not_at_all(session_for, monkeypatch, sqlite_full):
    """Two transactions: a disk full at the second kept the new "late" (90) after the old
    "overdue" (60), a round no nurse can read."""
    from downtime.services import settings

    written = settings.set_value

    def full_at_overdue(session, key, value):
        if key == "overdue_after_minutes":
            raise sqlite_full
        written(session, key, value)

    monkeypatch.setattr(settings, "set_value", full_at_overdue)
    admin = session_for("admin")
    with pytest.raises(type(sqlite_full)):
        settings.set_round_thresholds(admin, 90, 120)
    assert settings.round_policy(admin.db).late_after == timedelta(minutes=30)


def _amoxicillin(doctor, patient, times, start):
    """Amoxicillin 1 g IV at `times` from `start`, to review 3 days on."""
    return records.save_new(doctor, "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": times, "start_at": start, "review_at": (datetime.fromisoformat(start) + timedelta(days=3)).isoformat(),
        "controlled": False, "high_alert": False}, patient_id=patient)


def test_a_dose_given_before_the_clocks_go_back_stays_given_on_the_mar_after(session_for, clock, patient_on_the_clock):
    """A month's outage can span a change of summer time: the laptop's clock carries its time
    zone's rules (`local_now`), so the slots of days before the change keep that day's offset."""
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    patient = patient_on_the_clock(datetime(2026, 10, 24, 9, 0), "2026-10-23T09:00+02:00")
    nurse = session_for("nurse")
    amox = _amoxicillin(session_for("doctor"), patient, "08:00", "2026-10-23T10:00+02:00")
    medication.record_dose(nurse, amox.record_id, _given("2026-10-24T08:05+02:00", 1.0, "2026-10-24T08:00+02:00"))
    clock.now = datetime(2026, 10, 26, 10, 0, tzinfo=paris)
    (row,) = medication.mar_grid(nurse.db, patient, datetime(2026, 10, 24).date(), 3, nurse.clock())
    # Nothing written on the laptop since the 24th: the doses since may be on paper (see paper_gap).
    assert [(c.slot.isoformat(), c.state) for c in row.cells] == [
        ("2026-10-24T08:00:00+02:00", DoseState.GIVEN), ("2026-10-25T08:00:00+01:00", DoseState.CHECK_PAPER),
        ("2026-10-26T08:00:00+01:00", DoseState.CHECK_PAPER)]


def test_a_late_dose_the_night_the_clocks_go_forward_is_spaced_from_the_next_by_the_ward_clock(
        session_for, patient_on_the_clock):
    """Amoxicillin at 06:00 and 18:00; the 18:00 dose given late at 23:15 on the night the clocks go
    forward, when the 06:00 dose is 5 h 45 min away. The next dose was placed by the given time's
    winter offset, at 06:00 winter time, an hour late: 6 h 45 min away, beyond half the spacing,
    and the two doses 5 h 45 min apart were saved with nothing said."""
    patient = patient_on_the_clock(datetime(2026, 3, 28, 23, 20), "2026-03-27T09:00+01:00")
    nurse = session_for("nurse")
    amox = _amoxicillin(session_for("doctor"), patient, "06:00 18:00", "2026-03-27T10:00+01:00")
    late = _given("2026-03-28T23:15+01:00", 1.0, "2026-03-28T18:00+01:00")
    assert [w.message for w in medication.check_dose(nurse, amox.record_id, late)] == [
        "The 29/03 06:00 dose of Amoxicillin is due 345 min from this one and is not recorded yet; the order's doses "
        "are 12 h apart."]


def test_not_given_for_a_slot_already_given_is_questioned_and_the_chart_keeps_the_dose(ward, clock):
    nurse, patient, amox, _ = ward
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T08:05+01:00", 1.0, "2026-11-28T08:00+01:00"),
                           overrides={Check.ALLERGY: "tolerated before"})
    refused = {"outcome": "not_given", "given_at": "2026-11-28T08:30+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
               "not_given_reason": "refused"}
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, amox.record_id, refused)
    assert [w.check for w in caught.value.warnings] == [Check.ALREADY_GIVEN]
    medication.record_dose(nurse, amox.record_id, refused, overrides={Check.ALREADY_GIVEN: "spat it out at once"})
    (row,) = [r for r in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
              if r.order.record_id == amox.record_id]
    assert row.cells[0].state is DoseState.GIVEN


@pytest.mark.parametrize("who,pin", [("records", "4444"), ("coord", "3333"), ("admin", "0000")])
def test_a_controlled_drug_witness_is_a_nurse_or_a_doctor(ward, session_for, who, pin):
    nurse, _, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 50, witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="witness must be a nurse or a doctor"):
        medication.record_dose(nurse, morphine.record_id, {**_given("2026-11-28T10:00+01:00", 5.0), "route": "SC"},
                               witness=(who, pin))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 50


def test_changing_an_orders_times_leaves_yesterdays_doses_where_they_were_given(ward, session_for, clock):
    nurse, patient, amox, _ = ward
    for clock_time in ("14:00", "20:00"):
        medication.record_dose(nurse, amox.record_id, _given(f"2026-11-27T{clock_time}+01:00", 1.0,
                                                             f"2026-11-27T{clock_time}+01:00"),
                               overrides={Check.ALLERGY: "tolerated before"})
    data = records.current(nurse.db, amox.record_id).data
    records.amend(session_for("doctor"), amox.record_id, {**data, "times": "06:00 12:00 18:00"}, "times changed")
    (row,) = [r for r in medication.mar_grid(nurse.db, patient, datetime(2026, 11, 27).date(), 2, clock.now)
              if r.order.record_id == amox.record_id]
    # Amended at 14:00 on the 28th: the old times until then, the new ones after.
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in row.cells] == [
        ("27 14:00", DoseState.GIVEN), ("27 20:00", DoseState.GIVEN), ("28 08:00", DoseState.OVERDUE),
        ("28 18:00", DoseState.UPCOMING)]


def test_a_dose_is_written_only_through_its_checks_and_corrected_by_withdrawal(ward, session_for):
    """A form alone would skip the safety checks, the witness's PIN and the register: a dose
    saved straight through the records service, or amended in what those judge (5 mg of a
    witnessed morphine made 15 mg, "not given" made "given"), is refused."""
    nurse, patient, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    typed = {**_given("2026-11-28T10:00+01:00", 5.0), "route": "SC", "order": morphine.record_id, "witness": "doctor"}
    with pytest.raises(ServiceError, match="record it from the medication round or the chart"):
        records.save_new(nurse, "medication_administration", typed, patient_id=patient)
    given = medication.record_dose(nurse, morphine.record_id, {**_given("2026-11-28T10:00+01:00", 5.0), "route": "SC"},
                                   witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="Dose given cannot be amended: mark this record entered in error"):
        records.amend(nurse, given.record_id, {**given.data, "dose_given": 15.0}, "typo")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    amended = records.amend(nurse, given.record_id, {**given.data, "site": "left thigh"}, "site left out")
    assert amended.data["site"] == "left thigh"


def test_a_chart_has_a_row_for_every_time_of_the_order_even_on_the_day_it_started(ward, clock):
    """Started at 10:00 on the 27th, the 08:00 dose has no slot that day; its row must still be
    there for the next morning's dose to be written in."""
    nurse, patient, amox, _ = ward
    (row,) = [r for r in medication.mar_grid(nurse.db, patient, datetime(2026, 11, 27).date(), 1, clock.now)
              if r.order.record_id == amox.record_id]
    assert [f"{cell.slot:%H:%M}" for cell in row.cells] == ["14:00", "20:00"]
    assert row.clocks == ["08:00", "14:00", "20:00"]


def test_a_second_dose_given_for_one_time_shows_beside_the_first_on_screen_and_paper(ward, clock, tmp_path):
    """One cell held one dose: a double dose, given past the "already given" warning, vanished
    from the chart the next nurse reads."""
    from pypdf import PdfReader

    from downtime.services import printing

    nurse, patient, amox, _ = ward
    allergy = {Check.ALLERGY: "tolerated before"}
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T08:20+01:00", 1.0, "2026-11-28T08:00+01:00"),
                           overrides=allergy)
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T09:40+01:00", 1.0, "2026-11-28T08:00+01:00"),
                           overrides={**allergy, Check.ALREADY_GIVEN: "first dose not charted on paper"})
    (row,) = [r for r in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
              if r.order.record_id == amox.record_id]
    assert [f"{dose.at:%H:%M}" for dose in row.cells[0].recorded] == ["08:20", "09:40"]
    text = " ".join(page.extract_text() for page in PdfReader(printing.print_mar(nurse, [patient], tmp_path / "m.pdf",
                                                                                  days=1)).pages)
    assert "08:20" in text and "09:40" in text


def test_the_dose_recorded_first_decides_its_cell_whatever_offset_the_laptops_wrote(ward, clock):
    """Doses are taken in the order they were recorded, as moments: written as text, 09:40 in
    Paris (08:40 UTC) came after 08:50 written in UTC, and the later dose would decide the cell."""
    from datetime import timezone

    nurse, patient, amox, _ = ward
    allergy = {Check.ALLERGY: "tolerated before"}
    clock.now = datetime.fromisoformat("2026-11-28T09:40+01:00")
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T08:20+01:00", 1.0, "2026-11-28T08:00+01:00"),
                           overrides=allergy)
    clock.now = clock.now.astimezone(timezone.utc) + timedelta(minutes=10)
    # A laptop on UTC places the order's doses on its own clock: its 08:00 (09:00 in Paris) is 10 min away.
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T08:50+01:00", 1.0, "2026-11-28T08:00+01:00"),
                           overrides={**allergy, Check.ALREADY_GIVEN: "second nurse",
                                      Check.DOSE_SPACING: "second nurse"})
    (row,) = [r for r in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
              if r.order.record_id == amox.record_id]
    assert [f"{dose.at:%H:%M}" for dose in row.cells[0].recorded] == ["08:20", "08:50"]


def test_withdrawing_a_witnessed_dose_gives_its_quantity_back_to_the_register(ward, session_for):
    """5 mg of morphine recorded for the wrong patient: the balance must again match the
    cupboard, witnessed as the dose was; the right patient's dose then takes it again."""
    nurse, patient, amox, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    given = medication.record_dose(nurse, morphine.record_id, {**_given("2026-11-28T10:00+01:00", 5.0), "route": "SC"},
                                   witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="withdraw it from the patient's chart"):
        records.mark_entered_in_error(nurse, given.record_id, "wrong patient")
    with pytest.raises(ServiceError, match="witness"):
        medication.withdraw_dose(nurse, given.record_id, "wrong patient")
    with pytest.raises(SignInError):
        medication.withdraw_dose(nurse, given.record_id, "wrong patient", witness=("doctor", "9999"))
    assert records.current(nurse.db, given.record_id).version == 1
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    withdrawn = medication.withdraw_dose(nurse, given.record_id, "wrong patient", witness=("doctor", "2222"))
    assert withdrawn.status.value == "entered-in-error"
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert cd_register.taken_from_register(nurse.db, given.record_id) is None
    (line,) = nurse.db.query("SELECT change, kind, witness, note FROM cd_register WHERE kind = 'withdrawal'")
    assert line == {"change": 5.0, "kind": "withdrawal", "witness": "doctor", "note": "wrong patient"}
    # A dose that took nothing from the register needs no witness.
    amox_dose = medication.record_dose(nurse, amox.record_id, _given("2026-11-28T08:05+01:00", 1.0),
                                       overrides={Check.ALLERGY: "tolerated before"})
    assert medication.withdraw_dose(nurse, amox_dose.record_id, "typed twice").version == 2


_PAGES = [cd_register.Stock("Fentanyl", "microgram", 0.0), cd_register.Stock("Kétamine", "mg", 0.0),
          cd_register.Stock("KÉTAMINE", "mg", 5.0), cd_register.Stock("Morphine", "mg", 20.0)]


@given(st.sampled_from([page for page in _PAGES if page.drug.isascii()]), st.data())
def test_a_drug_typed_in_any_case_is_found_on_its_page_under_the_pages_own_spelling(page, data):
    """The CLI took "MORPHINE" as the page's "Morphine"; the register tab's Stock received…
    opened a page of its own for it. Both ask `cd_page`, which answers with the page."""
    def typed(text: str) -> str:
        flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
        spaces = data.draw(st.sampled_from(["", " ", "  "]))
        return spaces + "".join(c.swapcase() if flip else c for c, flip in zip(text, flips)) + spaces

    assert cd_register.cd_page(_PAGES, typed(page.drug), typed(page.unit)) == page


def test_a_drug_on_no_page_or_alike_two_is_found_on_none():
    """Typed "Morphin", or morphine in another unit, is no page of the register; "kétamine" is as like
    "Kétamine" as "KÉTAMINE" (SQLite keeps them two pages): none is chosen for the nurse."""
    assert cd_register.cd_page(_PAGES, "Morphin", "mg") is None
    assert cd_register.cd_page(_PAGES, "Morphine", "ml") is None
    assert cd_register.cd_page(_PAGES, "kétamine", "mg") is None
    assert cd_register.cd_page(_PAGES, "KÉTAMINE", "mg") == _PAGES[2]
    assert cd_register.cd_page([], "Morphine", "mg") is None


@given(st.text(min_size=1).filter(str.strip), st.sampled_from(["mg", "ml", "microgram"]), st.data())
def test_a_pages_own_name_in_any_case_is_never_a_new_page(drug, unit, data):
    """A new page is opened only for a drug no page is alike: the page's own name, in any
    capitals or small letters, with its accents or without, is always one."""
    cased = "".join(data.draw(st.sampled_from([letter, letter.upper(), letter.lower(), letter.casefold()]))
                    for letter in drug)
    page = cd_register.Stock(drug, unit, 0.0)
    assert cd_register.cd_pages_alike([page], cased) == [page]


def test_a_new_page_is_alike_the_pages_it_may_be_a_typo_or_another_name_of():
    """"Morphin" received on a page of its own split the ward's morphine over two pages; so would
    morphine in another unit, "morphine sulfate", or "Ketamine" typed without its accent. A drug
    of its own ("Oxycodone") is alike none."""
    morphine, fentanyl, ketamine = _PAGES[3], _PAGES[0], _PAGES[1:3]
    assert cd_register.cd_pages_alike(_PAGES, "Morphin") == [morphine]
    assert cd_register.cd_pages_alike(_PAGES, "Morphine") == [morphine]
    assert cd_register.cd_pages_alike(_PAGES, "Morphine sulfate") == [morphine]
    assert cd_register.cd_pages_alike(_PAGES, "Fentanil") == [fentanyl]
    assert cd_register.cd_pages_alike(_PAGES, "Ketamine") == ketamine
    assert cd_register.cd_pages_alike(_PAGES, "Oxycodone") == []
    assert cd_register.cd_pages_alike(_PAGES, "Codeine") == []
    assert cd_register.cd_pages_alike([], "Morphin") == []


def test_a_wards_register_pages_each_drug_with_its_running_balance(ward, session_for):
    """The opening count when the outage starts, a dose (naming its patient), a withdrawal
    and a discrepancy, on the page of the drug ordered for a patient on the ward."""
    nurse, patient, _, morphine = ward
    assert cd_register.cd_stock(nurse.db, nurse.forms, "3B") == [cd_register.Stock("Morphine", "mg", 0.0)]
    with pytest.raises(ServiceError, match="name the drug and its unit"):
        cd_register.cd_receive(nurse, "3B", "  ", "mg", 10, witness=("doctor", "2222"))
    cd_register.cd_count(nurse, "3B", "Morphine ", "mg", 20, witness=("doctor", "2222"), note="outage began")
    # Given after the count (one given before it was already out of the cupboard it found).
    given = medication.record_dose(nurse, morphine.record_id, {**_given("2026-11-28T14:00+01:00", 5.0), "route": "SC"},
                                   witness=("doctor", "2222"))
    medication.withdraw_dose(nurse, given.record_id, "wrong patient", witness=("doctor", "2222"))
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 19, witness=("doctor", "2222"),
                         discrepancy_note="ampoule broken, nurse in charge told")
    assert cd_register.cd_stock(nurse.db, nurse.forms, "3B") == [cd_register.Stock("Morphine", "mg", 19.0)]
    number = nurse.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?", [patient]).fetchone()[0]
    assert [(line.kind, line.change, line.balance, line.patient, line.note)
            for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] == [
        ("opening", 20.0, 20.0, None, "outage began"), ("administration", -5.0, 15.0, number, None),
        ("withdrawal", 5.0, 20.0, number, "wrong patient"),
        ("discrepancy", -1.0, 19.0, None, "ampoule broken, nurse in charge told")]


def test_a_regular_dose_given_late_just_before_the_next_asks_for_a_reason_and_so_does_the_next(ward):
    """The 08:00 amoxicillin given at 13:30, half an hour before the 14:00 one: Save asked
    nothing (the dialog's red note is for a dose over 12 h late). It asks for a reason, kept with
    the dose, and so does the 14:00 dose given at its time after it."""
    nurse, _, amox, _ = ward
    allergy = {Check.ALLERGY: "tolerated before"}
    late = _given("2026-11-28T13:30+01:00", 1.0, "2026-11-28T08:00+01:00")
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, amox.record_id, late, overrides=allergy)
    assert [w.message for w in caught.value.warnings if w.check is Check.DOSE_SPACING] == [
        "The 28/11 14:00 dose of Amoxicillin is due 30 min from this one and is not recorded yet; the order's doses "
        "are 6 h apart."]
    saved = medication.record_dose(nurse, amox.record_id, late,
                                   overrides={**allergy, Check.DOSE_SPACING: "prescriber agreed, 14:00 moved to 18:00"})
    assert {"check": "dose_spacing", "reason": "prescriber agreed, 14:00 moved to 18:00"} in saved.data["overrides"]
    warnings = medication.check_dose(nurse, amox.record_id, _given("2026-11-28T14:00+01:00", 1.0, "2026-11-28T14:00+01:00"))
    assert [w.message for w in warnings if w.check is Check.DOSE_SPACING] == [
        "The 28/11 08:00 dose of Amoxicillin was given 30 min before this one; the order's doses are 6 h apart."]
    # The 14:00 recorded not given (held for the late one): the 08:00 given at 13:30 is not questioned again.
    medication.record_dose(nurse, amox.record_id, {"outcome": "not_given", "given_at": "2026-11-28T14:00+01:00",
                                                   "scheduled_for": "2026-11-28T14:00+01:00", "not_given_reason": "held",
                                                   "not_given_detail": "08:00 dose given late at 13:30"})
    assert Check.DOSE_SPACING not in [w.check for w in medication.check_dose(nurse, amox.record_id, late)]


def _given_sc(at, dose=5.0):
    return {**_given(at, dose), "route": "SC"}


def _charted_late(nurse, morphine, clock):
    """The opening count at 14:00; at 14:10 the nurse charts from paper the morphine given at
    22:00 the day before and at 10:00, and the dose she has just given at 14:05."""
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"), note="opening count")
    clock.now += timedelta(minutes=10)
    for given_at in ("2026-11-27T22:00+01:00", "2026-11-28T10:00+01:00", "2026-11-28T14:05+01:00"):
        medication.record_dose(nurse, morphine.record_id, _given_sc(given_at), witness=("doctor", "2222"))


def test_a_dose_line_says_when_the_dose_was_given_and_when_it_was_written_if_much_later(ward, clock):
    """The register dated a dose's line by its typing: after the outage every dose charted from
    paper read 14:10. A legal register dates the administration; a line written more than 15
    minutes apart from it says when it was written too. The lines stay in the order they were
    written, which the balance follows."""
    nurse, _, _, morphine = ward
    _charted_late(nurse, morphine, clock)
    assert [(line.when_texts(nurse.clock().tzinfo), line.balance) for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] == [
        (("28/11/2026 14:00", None), 20.0), (("27/11/2026 22:00", "28/11 14:10"), 15.0),
        (("28/11/2026 10:00", "14:10"), 10.0), (("28/11/2026 14:05", None), 5.0)]


def test_a_dose_given_before_a_transfer_and_recorded_after_it_comes_off_the_ward_it_was_given_on(ward, session_for):
    """10:00 on 3B the nurse gives 5 mg of morphine from 3B's cupboard; at 11:00 the patient goes
    to ICU; at 14:00 (the outage's usual catch-up) the 3B nurse records the dose with its real
    time. The 5 mg left 3B's cupboard, so 3B's register must show it."""
    nurse, patient, _, morphine = ward
    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["1", "2"])
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    cd_register.cd_receive(nurse, "ICU", "Morphine", "mg", 20, witness=("doctor", "2222"))
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T11:00+01:00", "to_ward": "ICU", "to_bed": "1",
                                         "reason": "needs monitoring"}, patient_id=patient)
    medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    assert (cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg"),
            cd_register.cd_balance(nurse.db, "ICU", "Morphine", "mg")) == (15, 20)


def test_a_dose_given_before_discharge_can_still_be_recorded_from_the_wards_stock(ward, session_for):
    """Given at 10:00 on 3B, patient discharged home at 12:00, dose back-entered at 14:00."""
    nurse, patient, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15


def test_a_page_emptied_in_tenths_reads_zero(ward):
    """0.3 mL received, three 0.1 mL ampoules' worth taken out: the page's last line and the
    balances must read 0, not a tiny negative number."""
    nurse, *_ = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 0.3, witness=("doctor", "2222"))
    for counted in (0.2, 0.1, 0):
        cd_register.cd_count(nurse, "3B", "Morphine", "mg", counted, witness=("doctor", "2222"),
                             discrepancy_note="wasted, nurse in charge told")
    last = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    (stock,) = cd_register.cd_stock(nurse.db, nurse.forms, "3B")
    assert (f"{last.balance:g}", f"{stock.balance:g}", f"{cd_register.cd_balance(nurse.db, '3B', 'Morphine', 'mg'):g}") \
        == ("0", "0", "0")


def test_no_view_is_told_of_a_dose_the_register_line_failed_to_follow(ward, sqlite_full, monkeypatch):
    """The dose and its register line are one transaction; when the disk refuses the line the
    dose is rolled back, so no open view may have been told it was saved (the main window
    refreshes the chart and banner on that event, reading the uncommitted dose)."""
    nurse, patient, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    told = []
    nurse.listeners.append(lambda event, payload: told.append(
        (event, len(medication.administrations(nurse.db, patient)))))
    real = audit.insert_audited

    def full_for_register(db, table, row, **kwargs):
        if table == "cd_register":
            raise sqlite_full
        return real(db, table, row, **kwargs)

    monkeypatch.setattr(audit, "insert_audited", full_for_register)
    with pytest.raises(sqlite3.OperationalError):
        medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    assert medication.administrations(nurse.db, patient) == []
    assert told == []


def test_a_page_reads_in_the_order_its_lines_were_written_across_the_autumn_clock_change(ward, clock):
    """Night of the last Sunday of October, Europe/Paris: 02:50 summer time the night nurse
    enters the opening count (10); 40 minutes later, 02:30 winter time, an ampoule broken is
    counted (9), a discrepancy. The page must read receipt then discrepancy, never a balance of -1."""
    from datetime import datetime, timedelta, timezone

    nurse, *_ = ward
    clock.now = datetime(2026, 10, 25, 2, 50, tzinfo=timezone(timedelta(hours=2)))
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=("doctor", "2222"), note="opening count")
    clock.now = datetime(2026, 10, 25, 2, 30, tzinfo=timezone(timedelta(hours=1)))
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 9, witness=("doctor", "2222"),
                         discrepancy_note="ampoule broken, nurse in charge told")
    assert [(line.change, line.balance) for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] == [
        (10.0, 10.0), (-1.0, 9.0)]


def test_a_page_is_not_hidden_behind_another_spelled_with_accented_capitals(ward):
    """SQLite's NOCASE folds only A-Z, the tab folds every letter: "KÉTAMINE" and "Kétamine"
    are two pages of the register with two balances, and the tab shows one of them."""
    nurse, *_ = ward
    cd_register.cd_receive(nurse, "3B", "Kétamine", "mg", 10, witness=("doctor", "2222"))
    cd_register.cd_receive(nurse, "3B", "KÉTAMINE", "mg", 5, witness=("doctor", "2222"))
    shown = {(stock.drug, stock.balance) for stock in cd_register.cd_stock(nurse.db, nurse.forms, "3B")}
    held = {(drug, balance) for drug, balance in nurse.db.execute(
        "SELECT drug, SUM(change) FROM cd_register WHERE ward = '3B' AND drug != 'Morphine' GROUP BY drug")}
    assert held <= shown


def test_a_unit_written_in_capitals_is_the_same_page(ward):
    """The opening count typed "MG" as on the ampoule box, the order in "mg": two pages, and the
    witnessed dose refused against the empty one ("ward 3B holds 0 mg")."""
    nurse, patient, _, morphine = ward
    cd_register.cd_count(nurse, "3B", "Morphine", "MG", 50, witness=("doctor", "2222"))
    assert [(stock.drug, stock.balance) for stock in cd_register.cd_stock(nurse.db, nurse.forms, "3B")] == [
        ("Morphine", 50.0)]
    medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T14:00+01:00"), witness=("doctor", "2222"))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 45
    assert [line.balance for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] == [50, 45]


def test_a_stopped_orders_unrecorded_doses_leave_the_round_and_read_not_recorded(ward, session_for, clock, tmp_path):
    """The doctor stopped the amoxicillin at 11:00; at 15:00 its 08:00 dose stayed OVERDUE at
    the top of the round and on the chart, on screen and paper, inviting a dose of an
    antibiotic stopped for a reason."""
    from pypdf import PdfReader

    from downtime.services import printing

    nurse, patient, amox, _ = ward
    doctor = session_for("doctor")
    records.amend(doctor, amox.record_id, {**records.current(doctor.db, amox.record_id).data,
                                           "stop_at": "2026-11-28T11:00+01:00"}, "switched antibiotic")
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    assert [item.order.drug for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())] == []
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock().date(), 1, clock())
              if row.order.record_id == amox.record_id]
    assert [(f"{cell.slot:%H:%M}", cell.state) for cell in row.cells] == [("08:00", DoseState.NOT_RECORDED)]
    text = " ".join(page.extract_text() for page in PdfReader(printing.print_mar(nurse, [patient], tmp_path / "m.pdf")).pages)
    assert "not recorded (stopped)" in text and "OVERDUE" not in text


def test_a_dose_warning_writes_its_numbers_as_the_wards_language_does(ward):
    """"Dose 1.5 g differs from the order (1 g)" on a French ward, whose form and nurse write 1,5."""
    nurse, _, amox, _ = ward
    values = _given("2026-11-28T08:05+01:00", 1.5, "2026-11-28T08:00+01:00")
    (mismatch,) = [w for w in medication.check_dose(nurse, amox.record_id, values) if w.check is Check.DOSE_MISMATCH]
    assert mismatch.text("fr") == "La dose 1,5 g diffère de la prescription (1 g)."
    assert mismatch.message == mismatch.text("en") == "Dose 1.5 g differs from the order (1 g)."


def test_a_readmitted_patients_chart_reads_not_in_hospital_for_the_times_they_were_at_home(readmitted, ward, clock):
    """The chart read OVERDUE for the doses of the night and morning the patient spent at home
    between two stays: a dose to give, to whoever read it. Those cells now say the patient was
    not in hospital; the 20:00 dose of 27/11, due before the discharge and never recorded, is to
    look for on paper (its order was typed in the next day)."""
    _, patient, amox, _ = ward
    [row] = [row for row in medication.mar_grid(readmitted.db, patient, clock.now.date() - timedelta(days=1), 2, clock.now)
             if row.order.record_id == amox.record_id]
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in row.cells] == [
        ("27 14:00", DoseState.CHECK_PAPER), ("27 20:00", DoseState.CHECK_PAPER),  # the order typed in on 28/11
        ("28 08:00", DoseState.NOT_IN_HOSPITAL), ("28 14:00", DoseState.DUE), ("28 20:00", DoseState.UPCOMING)]


FUROSEMIDE_AT_14 = {"outcome": "given", "dose_given": 40.0, "route": "PO", "scheduled_for": "2026-11-28T14:00+01:00"}


def test_an_order_of_an_earlier_stay_is_not_due_on_the_round_and_cannot_be_given_from(earlier_stay, ward, clock):
    """Inpatient orders end with the stay: the furosemide of the first stay, never stopped at
    discharge, came back due on the round of the second, a dose of it taking a reason typed.
    It is not on the round, and a dose of it after that stay is refused, nothing recorded; the
    orders of this stay (the amoxicillin rewritten in it with the course's first day as its
    start) are due."""
    nurse, furosemide, new = earlier_stay
    patient, amox = ward[1], ward[2].record_id
    assert {item.order.record_id for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)} == {
        new, amox}
    with pytest.raises(ServiceError, match="^Furosemide 40 mg PO stopped at the end of the stay of 27/11/2026: no "
                                           "dose is given from it. If it still stands, a prescriber prescribes it "
                                           "again, from the patient's chart.$"):
        medication.record_dose(nurse, furosemide, {**FUROSEMIDE_AT_14, "given_at": "2026-11-28T14:30+01:00"},
                               overrides={check: "asked the doctor" for check in Check})
    assert medication.administrations(nurse.db, patient) == []


def test_a_prescriber_records_an_order_of_an_earlier_stay_as_not_continued(earlier_stay, session_for, clock):
    """The first stay's furosemide, reviewed on readmission and not to go on: the doctor had no
    way to say so, and it stayed "prescribe again if it still stands" for the whole stay. It is
    amended, stopped at that stay's end with the reason and the doctor's words, in one version
    with its audit entry, and then reads as any order stopped then: no longer of an earlier
    stay, on the chart as stopped at the discharge."""
    _, furosemide, _ = earlier_stay
    doctor = session_for("doctor")
    patient = str(records.current(doctor.db, furosemide).patient_id)
    saved = medication.not_continued(doctor, furosemide, "  Renal function worse  ")
    assert (saved.version, saved.status.value, saved.author) == (2, "amended", "doctor")
    assert saved.reason == "Reviewed on readmission: not continued — Renal function worse"
    assert saved.data == {**records.history(doctor.db, furosemide)[0].data, "stop_at": "2026-11-27T21:00+01:00"}
    [entry] = doctor.db.query("SELECT action, detail FROM audit WHERE entity_id = ? AND action = 'record.amend'",
                              [saved.id])
    assert json.loads(entry["detail"])["reason"] == saved.reason
    [row] = [row for row in medication.mar_grid(doctor.db, patient, clock.now.date() - timedelta(days=1), 2, clock.now)
             if row.order.record_id == furosemide]
    assert (row.stay_ended, row.order.stop_at) == (None, datetime.fromisoformat("2026-11-27T21:00+01:00"))
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in row.cells] == [("27 14:00", DoseState.NOT_RECORDED)]
    assert medication.ended_with_their_stay(doctor.db, patient, [records.current(doctor.db, furosemide)],
                                            clock.now) == {}


def test_only_a_prescriber_records_an_order_of_an_earlier_stay_as_not_continued_and_only_such_an_order(
        earlier_stay, session_for):
    """A nurse may not stop an order; an order of this stay is stopped by amending it, with its
    own stop; one already recorded not continued is not again (a second doctor, on a chart read
    before the first's decision). Each is refused with nothing written."""
    nurse, furosemide, ceftriaxone = earlier_stay
    doctor = session_for("doctor")
    with pytest.raises(PermissionDenied):
        medication.not_continued(nurse, furosemide)
    assert records.current(nurse.db, furosemide).version == 1
    with pytest.raises(ServiceError, match="^Ceftriaxone 2 g IV is no longer an order left open by an earlier stay "
                                           r"\(stopped or changed since\): read the patient's chart again.$"):
        medication.not_continued(doctor, ceftriaxone)
    assert medication.not_continued(doctor, furosemide).reason == "Reviewed on readmission: not continued"
    with pytest.raises(ServiceError, match="^Furosemide 40 mg PO is no longer"):
        medication.not_continued(doctor, furosemide)
    assert [version.version for version in records.history(doctor.db, ceftriaxone)] == [1]
    assert [version.version for version in records.history(doctor.db, furosemide)] == [1, 2]


def test_a_dose_given_before_an_earlier_stay_ended_is_charted_where_it_was_given(earlier_stay, ward, clock):
    """A dose of the first stay charted late from paper, given before its discharge, is
    recorded, and stays on the readmitted patient's chart in its cell; the times after the
    discharge have none: the order stopped then."""
    nurse, furosemide, _ = earlier_stay
    patient = ward[1]
    medication.record_dose(nurse, furosemide, {**FUROSEMIDE_AT_14, "given_at": "2026-11-27T14:05+01:00",
                                               "scheduled_for": "2026-11-27T14:00+01:00"})
    [row] = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date() - timedelta(days=1), 2, clock.now)
             if row.order.record_id == furosemide]
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in row.cells] == [("27 14:00", DoseState.GIVEN)]
    assert row.order.stop_at == row.stay_ended == datetime.fromisoformat("2026-11-27T21:00+01:00")
    assert row.on_the_grid


def test_a_readmitted_patients_chart_has_no_dose_due_of_an_order_of_an_earlier_stay(earlier_stay, ward, clock):
    """The chart read the furosemide of the first stay due at 14:00 the day the patient came
    back. It reads as stopped at the discharge: its 14:00 dose of that day, never recorded, is
    not recorded (stopped), none falls due after, and it is said to be of an earlier stay (to
    be shown apart); this stay's ceftriaxone is due."""
    nurse, furosemide, new = earlier_stay
    patient = ward[1]
    rows = {row.order.record_id: row for row in medication.mar_grid(
        nurse.db, patient, clock.now.date() - timedelta(days=1), 2, clock.now)}
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in rows[furosemide].cells] == [
        ("27 14:00", DoseState.NOT_RECORDED)]
    assert rows[furosemide].stay_ended == datetime.fromisoformat("2026-11-27T21:00+01:00")
    # Written at 14:30 to start at 14:00: its dose then may have been given from a paper order.
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in rows[new].cells] == [("28 14:00", DoseState.CHECK_PAPER)]
    assert rows[new].stay_ended is None
    assert not [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
                if row.order.record_id == furosemide and row.on_the_grid]


def test_an_order_of_an_earlier_stay_prescribed_again_starts_from_it_now(earlier_stay, session_for, ward, clock):
    """A prescriber prescribes the first stay's furosemide again: a new order from its answers,
    starting now, without the old one's stop or EHR number, naming the order it prescribes again;
    the old order is left as it was, and the two are not a medicine ordered twice."""
    nurse, furosemide, _ = earlier_stay
    patient, doctor = ward[1], session_for("doctor")
    records.amend(doctor, furosemide, {**records.current(doctor.db, furosemide).data, "ehr_order_id": "RX-1",
                                       "prescriber": "Dr Martin"}, "EHR number read from the paper chart")
    answers = medication.prescribed_again(doctor, furosemide)
    assert answers == {"drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
                       "times": "14:00", "controlled": False, "high_alert": False,
                       "start_at": "2026-11-28T14:30+01:00", "continues": furosemide}
    assert medication.duplicate_orders(doctor, answers, patient) is None
    again = records.save_new(doctor, "medication_order", answers, patient_id=patient).record_id
    assert records.current(doctor.db, furosemide).version == 2
    clock.now = datetime.fromisoformat("2026-11-29T13:50+01:00")
    [row] = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
             if row.order.record_id == again]
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in row.cells] == [("29 14:00", DoseState.DUE)]
    assert row.also_ordered == () and medication.also_ordered_for(nurse.db, row.order, row.cells[0].slot,
                                                                    clock.now) == []
    [old] = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
             if row.order.record_id == furosemide]
    assert [order.record_id for order in old.ordered_again] == [again]


def test_an_order_of_an_earlier_stay_prescribed_again_stays_decided_once_the_new_order_stops(ordered_again, clock):
    """The first stay's furosemide, prescribed again from the chart: the new order stopped, its
    course finished, the old one came back as awaiting a decision, a doctor asked the next day to
    decide again what was decided. It stays decided, naming the order it was prescribed again
    as, stopped since."""
    nurse, furosemide, again = ordered_again
    patient = str(records.current(nurse.db, furosemide).patient_id)
    [old] = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date() - timedelta(days=2), 3, clock.now)
             if row.order.record_id == furosemide]
    assert old.stay_ended is not None and not old.awaiting_decision
    assert [(order.record_id, order.stop_at) for order in old.ordered_again] == [
        (again, datetime.fromisoformat("2026-11-29T15:00+01:00"))]


def test_a_new_order_of_the_medicine_written_apart_leaves_the_earlier_stay_s_awaiting_a_decision(
        earlier_stay, session_for, ward, clock):
    """Furosemide 20 mg IV written on readmission for an oedema, not from the chart's box, was
    read as the first stay's furosemide prescribed again, its 40 mg PO decided on by nobody. It
    stays awaiting a decision, prescribed again or not continued."""
    _, furosemide, _ = earlier_stay
    patient, doctor = ward[1], session_for("doctor")
    records.save_new(doctor, "medication_order", {
        "drug": "Furosemide", "dose": 20.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
        "times": "18:00", "controlled": False, "high_alert": False, "start_at": "2026-11-28T14:30+01:00"},
        patient_id=patient)
    [old] = [row for row in medication.mar_grid(doctor.db, patient, clock.now.date(), 1, clock.now)
             if row.order.record_id == furosemide]
    assert old.awaiting_decision and old.ordered_again == ()


def test_only_an_order_of_an_earlier_stay_awaiting_a_decision_is_prescribed_again_and_it_stays_so(
        earlier_stay, session_for, ward, admission_values):
    """Prescribing again records which order it goes on with, kept in the new order: another
    patient's order or an order of this stay is not one, one prescribed again is neither
    prescribed again a second time nor recorded not continued (a second doctor, on a chart read
    before the first's decision), and the new order is not amended to another or to none
    (withdrawn instead, the old one awaits a decision again). Each is refused with nothing
    written."""
    nurse, furosemide, ceftriaxone = earlier_stay
    patient, doctor = ward[1], session_for("doctor")
    answers = medication.prescribed_again(doctor, furosemide)
    assert answers["continues"] == furosemide
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "15"}).patient_id
    with pytest.raises(ServiceError, match=f"^no standing medication order {furosemide} of this patient$"):
        records.save_new(doctor, "medication_order", answers, patient_id=other)
    with pytest.raises(ServiceError, match="^Ceftriaxone 2 g IV is no longer an order left open by an earlier stay"):
        records.save_new(doctor, "medication_order", {**answers, "continues": ceftriaxone}, patient_id=patient)
    again = records.save_new(doctor, "medication_order", answers, patient_id=patient)
    decided = ("^Furosemide 40 mg PO was prescribed again already: Furosemide 40 mg PO, at 14:00, from 28/11/2026 "
               "14:30. Read the patient's chart again.$")
    with pytest.raises(ServiceError, match=decided):
        records.save_new(doctor, "medication_order", answers, patient_id=patient)
    with pytest.raises(ServiceError, match=decided):
        medication.not_continued(doctor, furosemide)
    with pytest.raises(ServiceError, match="^“Prescribed again from \\(an earlier stay's order\\)” cannot be "
                                           "changed: mark this order entered in error and write the right one.$"):
        records.amend(doctor, again.record_id, {**again.data, "continues": None}, "Not a represcription")
    assert [version.version for version in records.history(doctor.db, furosemide)] == [1]
    assert [order.record_id for order in medication.orders(doctor.db, patient, doctor.clock())
            if order.drug == "Furosemide"] == [furosemide, again.record_id]
    assert records.current(doctor.db, again.record_id).version == 1
    records.mark_entered_in_error(doctor, again.record_id, "Prescribed again from the wrong order")
    [old] = [row for row in medication.mar_grid(doctor.db, patient, doctor.clock().date(), 1, doctor.clock())
             if row.order.record_id == furosemide]
    assert old.awaiting_decision and medication.prescribed_again(doctor, furosemide) == answers


def test_the_chart_of_a_patient_not_back_flags_no_order_of_an_earlier_stay(ward, clock):
    """Discharged and not readmitted, their chart (printed for the records office, say) is not
    told to ask the prescriber about orders of the stay they left."""
    nurse, patient, amox, _ = ward
    clock.advance(hours=1)  # the orders were written at 14:00, in the stay
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T14:30+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    assert [row.stay_ended for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)] == [
        None, None]


def test_a_dose_withdrawn_here_that_another_laptop_recorded_given_is_questioned_before_another(dose_on_hold):
    """Laptop 2 withdrew the 08:00 paracetamol that laptop 1 says was given: its round offered
    the dose again, and recording it asked for nothing, a second gram with only a red line said.
    It now needs a reason, as a dose already given here would."""
    _, order, _, _, nurse = dose_on_hold
    values = {"outcome": "given", "given_at": "2026-11-28T14:15+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 1.0, "route": "PO"}
    warning, spacing = medication.check_dose(nurse, order, values)
    assert warning.check is Check.ALREADY_GIVEN and warning.text("en") == (
        "Another laptop recorded the 08:00 dose of Paracetamol as given; this laptop's record of it was withdrawn, and "
        "the two are on hold.")
    assert spacing.check is Check.DOSE_SPACING  # at 14:15, a quarter of an hour from the 14:00 gram
    assert medication.check_dose(nurse, order, {**values, "scheduled_for": "2026-11-28T14:00+01:00"}) == []


def test_a_dose_not_given_here_that_another_laptop_recorded_given_is_questioned_before_another(
        dose_not_given_here_given_elsewhere):
    """The 08:00 paracetamol stands here refused, and another laptop says it was given: a further
    dose for that time, recorded from the chart, asked for nothing, a second gram, where the same
    dose withdrawn here asked why. It now needs a reason, as a dose already given here would."""
    _, order, _, nurse = dose_not_given_here_given_elsewhere
    values = {"outcome": "given", "given_at": "2026-11-28T13:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 1.0, "route": "PO"}
    [warning] = [found for found in medication.check_dose(nurse, order, values) if found.check is Check.ALREADY_GIVEN]
    assert warning.text("en") == ("Another laptop recorded the 08:00 dose of Paracetamol as given; this laptop recorded "
                                  "it not given, and the two are on hold.")
    with pytest.raises(medication.OverrideNeeded) as refused:
        medication.record_dose(nurse, order, values, overrides={Check.DOSE_SPACING: "Late dose, doctor informed"})
    assert [found.check for found in refused.value.warnings] == [Check.ALREADY_GIVEN]


def test_a_regular_dose_is_spaced_from_its_own_orders_dose_on_hold(dose_on_hold):
    """Laptop 2 withdrew the 08:00 paracetamol (6 h apart) that laptop 1 says was given at 08:05:
    the 14:00 gram given there at 10:30, before theatre, asked only why it was early, two grams
    2 h 25 min apart. Its spacing counts the dose on hold as perhaps given; on laptop 1, where
    it stands given, as any dose given."""
    _, order, _, nurse_1, nurse_2 = dose_on_hold
    values = {"outcome": "given", "given_at": "2026-11-28T10:30+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
              "dose_given": 1.0, "route": "PO"}
    assert [w.text("en") for w in medication.check_dose(nurse_2, order, values) if w.check is Check.DOSE_SPACING] == [
        "The 28/11 08:00 dose of Paracetamol is on hold, perhaps given (another laptop recorded it at 28/11 08:05), "
        "145 min from this one; the order's doses are 6 h apart."]
    assert [w.text("en") for w in medication.check_dose(nurse_1, order, values) if w.check is Check.DOSE_SPACING] == [
        "The 28/11 08:00 dose of Paracetamol was given 145 min before this one; the order's doses are 6 h apart."]
    with pytest.raises(medication.OverrideNeeded) as refused:
        medication.record_dose(nurse_2, order, values, overrides={Check.GIVEN_EARLY: "Theatre at 11:00"})
    assert [w.check for w in refused.value.warnings] == [Check.DOSE_SPACING]


def test_an_as_required_dose_withdrawn_here_and_given_on_another_laptop_counts_at_save(dose_on_hold):
    """The 09:00 ondansetron (8 h apart) was given on laptop 1 and withdrawn on laptop 2: a dose
    at 12:00 on laptop 2 was saved without a word, its interval counting nothing. It is counted
    as perhaps given; on laptop 1, where it stands given, it is the last dose as any."""
    patient, _, _, nurse_1, nurse_2 = dose_on_hold
    [ondansetron] = [found.record_id for found in medication.orders(nurse_2.db, patient, nurse_2.clock()) if found.drug == "Ondansetron"]
    values = {"outcome": "given", "given_at": "2026-11-28T12:00+01:00", "dose_given": 4.0, "route": "IV"}
    assert [(w.check, w.text("en")) for w in medication.check_dose(nurse_2, ondansetron, values)] == [(
        Check.PRN_INTERVAL, "A dose on hold, perhaps given (another laptop recorded it at 28/11 09:00), is 180 min from "
                            "this one; the order allows one every 8 h.")]
    assert [w.text("en") for w in medication.check_dose(nurse_1, ondansetron, values)] == [
        "A dose was given 180 min before this dose (last: 28/11 09:00); the order allows one every 8 h."]
    status = medication.as_required_status(nurse_2, ondansetron, datetime.fromisoformat("2026-11-28T12:00+01:00"))
    assert [f"{dose.at:%H:%M}" for dose in status.on_hold] == ["09:00"] and status.recent == ()
    assert f"{status.next_at:%d/%m %H:%M}" == "28/11 17:00"


def test_a_regular_dose_is_spaced_from_an_as_required_dose_on_hold(dose_on_hold, clock):
    """The 09:00 ondansetron as required (8 h apart), given on laptop 1 and withdrawn on laptop 2,
    counted against another as-required dose there but not against a regular one: ondansetron
    at 12:00, ordered regular on laptop 2, was given three hours after it with nothing said."""
    from downtime.services import staff
    from downtime.services.context import Session

    patient, _, _, _, nurse_2 = dose_on_hold
    doctor = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "doctor", "2222", clock), nurse_2.forms,
                     clock)
    regular = records.save_new(doctor, "medication_order", {
        "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
        "times": "12:00", "start_at": "2026-11-28T11:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    values = {"outcome": "given", "given_at": "2026-11-28T12:00+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
              "dose_given": 4.0, "route": "IV"}
    assert [(w.check, w.text("en")) for w in medication.check_dose(nurse_2, regular, values)] == [(
        Check.PRN_INTERVAL, "A dose of Ondansetron as required on hold, perhaps given (another laptop recorded it at "
                            "28/11 09:00), is 180 min from this one; that order allows a dose every 8 h.")]


def test_a_regular_dose_is_questioned_beside_another_regular_orders_dose_on_hold(dose_on_hold, clock):
    """The 08:00 paracetamol, given at 08:05 on laptop 1 and withdrawn on laptop 2, counted in its
    own order's spacing there but not beside another regular order of paracetamol: the gram of
    10:00 of one rewritten on laptop 2 without the first stopped was saved with nothing said, two
    grams in two hours. It is questioned as a medicine ordered twice, the dose said perhaps given,
    and needs its reason."""
    from downtime.services import staff
    from downtime.services.context import Session

    patient, _, _, _, nurse_2 = dose_on_hold
    doctor = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "doctor", "2222", clock), nurse_2.forms,
                     clock)
    rewritten = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "10:00 16:00 22:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    values = {"outcome": "given", "given_at": "2026-11-28T10:00+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
              "dose_given": 1.0, "route": "PO"}
    assert [(w.check, w.text("en")) for w in medication.check_dose(nurse_2, rewritten, values)] == [(
        Check.ALREADY_GIVEN, "A dose of Paracetamol 1 g PO from another order (at 08:00 14:00 20:00, from 27/11 10:00) "
                             "is on hold, perhaps given (another laptop recorded it at 28/11 08:05); is this medicine "
                             "ordered twice?")]
    with pytest.raises(medication.OverrideNeeded) as refused:
        medication.record_dose(nurse_2, rewritten, values)
    assert [w.check for w in refused.value.warnings] == [Check.ALREADY_GIVEN]


def test_a_dose_this_laptop_holds_only_on_hold_is_on_its_chart_and_round_and_questioned(dose_held_whole):
    """The 08:00 paracetamol came to laptop 2 only on hold (two versions 1 of it, neither this
    laptop's): its chart had no word of it, and its round offered the 08:00 dose as not given,
    a second gram recorded with nothing asked. Both now flag it, and another dose for that time
    needs a reason."""
    patient, order, dose, nurse = dose_held_whole
    now = nurse.clock()
    [row] = medication.mar_grid(nurse.db, patient, now.date(), 1, now)
    [cell] = [cell for cell in row.cells if cell.clock == "08:00"]
    assert (cell.state, cell.administration) == (DoseState.CHECK_PAPER, None)  # its order typed in at 14:00
    assert [(held.dose.record_id, held.withdrawn, held.here) for held in cell.held] == [(dose, True, False)]
    assert [held.dose.record_id for held in row.held] == [dose]
    [item] = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", now)
              if item.slot.hour == 8 and item.slot.date() == now.date()]
    assert item.held
    values = {"outcome": "given", "given_at": "2026-11-28T13:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 1.0, "route": "PO"}
    warning = medication.check_dose(nurse, order, values)[0]
    assert warning.check is Check.ALREADY_GIVEN and warning.text("en") == (
        "Another laptop recorded the 08:00 dose of Paracetamol as given; this laptop holds no record of it but the "
        "versions on hold.")


def test_a_regular_dose_typed_for_no_time_is_weighed_against_the_next_dose_due(ward):
    """Amoxicillin given at 13:30 typed for no time of its order (an extra dose, say): it was
    weighed against the doses given alone, and nothing said that the 14:00 gram was due half an
    hour later. It is questioned as a dose typed for a time is, naming the dose due; one due at
    its very time says so."""
    nurse, _, amox, _ = ward
    allergy = {Check.ALLERGY: "tolerated before"}
    extra = {"outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 1.0, "route": "IV"}
    assert [w.message for w in medication.check_dose(nurse, amox.record_id, extra) if w.check is Check.DOSE_SPACING] == [
        "The 28/11 14:00 dose of Amoxicillin is due 30 min from this one and is not recorded yet; the order's doses "
        "are 6 h apart."]
    at_its_time = {**extra, "given_at": "2026-11-28T14:00+01:00"}
    assert [w.message for w in medication.check_dose(nurse, amox.record_id, at_its_time)
            if w.check is Check.DOSE_SPACING] == [
        "The 28/11 14:00 dose of Amoxicillin is due at the time of this one and is not recorded yet; the order's doses "
        "are 6 h apart."]
    medication.record_dose(nurse, amox.record_id, _given("2026-11-28T14:00+01:00", 1.0, "2026-11-28T14:00+01:00"),
                           overrides=allergy)
    assert Check.DOSE_SPACING not in [w.check for w in medication.check_dose(
        nurse, amox.record_id, {**extra, "given_at": "2026-11-28T17:00+01:00"})], "3 h from the 14:00 and the 20:00"


def test_a_count_that_matches_the_register_is_written_witnessed_and_one_that_differs_is_a_discrepancy(ward):
    """The nurse in charge counts 15 mg of morphine at the shift change, the register's balance:
    "nothing to correct", and the register kept no record of the check. It is a witnessed line,
    the balance unchanged, audited. A count of 14 is a discrepancy, written with its note."""
    nurse, _, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="different person"):
        cd_register.cd_count(nurse, "3B", "Morphine", "mg", 15, witness=("nurse", "1111"))
    assert cd_register.cd_count(nurse, "3B", "Morphine", "mg", 15, witness=("doctor", "2222"), note="shift change") == 15
    assert cd_register.cd_count(nurse, "3B", "Morphine ", "mg", 14, witness=("doctor", "2222"),
                                discrepancy_note="pharmacist told") == 14
    assert [(line.kind, line.change, line.balance, line.author, line.witness, line.note)
            for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[2:]] == [
        ("count", 0.0, 15.0, "nurse", "doctor", "shift change"),
        ("discrepancy", -1.0, 14.0, "nurse", "doctor", "pharmacist told")]
    assert [row["action"] for row in nurse.db.query("SELECT action FROM audit WHERE entity = 'cd_register' ORDER BY seq")][-2:] \
        == ["cd.count", "cd.discrepancy"]


def test_a_count_that_differs_is_a_discrepancy_written_only_once_reported(ward):
    """Counting 2 where the register held 20 (a typo for 20) wrote "Count correction -18", the
    balance 2, asking nothing. A count that differs is refused without a note of who was told,
    naming the difference, nothing written and no witness tried; with it, a "discrepancy" line.
    A count that matches has no discrepancy to report; a page's first count opens it."""
    nurse, _, _, _ = ward
    assert cd_register.cd_count_check(nurse.db, "3B", "Morphine", "mg", 20).opening
    assert cd_register.cd_count(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222")) == 20
    check = cd_register.cd_count_check(nurse.db, "3B", "Morphine", "mg", 2)
    assert (check.discrepancy, check.difference, check.said("mg").text("en")) == (
        True, -18, "18 mg fewer than the register (20 mg)")
    assert cd_register.cd_count_check(nurse.db, "3B", "Morphine", "mg", 22.5).said("mg").text("en") == \
        "2.5 mg more than the register (20 mg)"
    for note in (None, "  "):
        with pytest.raises(ServiceError) as refused:
            cd_register.cd_count(nurse, "3B", "Morphine", "mg", 2, witness=("doctor", "2222"), note="shift change",
                                 discrepancy_note=note)
        assert refused.value.text("en") == (
            "Controlled-drug register: 2 mg counted, 18 mg fewer than the register (20 mg). A discrepancy is "
            "written only with a note saying who was told (the nurse in charge, the pharmacist).")
    with pytest.raises(ServiceError, match="no discrepancy to report"):
        cd_register.cd_count(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"), discrepancy_note="told")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert cd_register.cd_count(nurse, "3B", "Morphine", "mg", 2, witness=("doctor", "2222"), note="shift change",
                                discrepancy_note="Sr Dubois (in charge) and pharmacy told") == 2
    assert [(line.kind, line.change, line.balance, line.note)
            for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] == [
        ("opening", 20.0, 20.0, None),
        ("discrepancy", -18.0, 2.0, "Sr Dubois (in charge) and pharmacy told; shift change")]


def test_a_negative_receipt_is_refused_for_the_count_to_report(ward):
    """`cd receive --quantity -18` wrote a cupboard holding less than the register as a routine
    "Count correction", unreported: a receipt is above zero."""
    nurse, _, _, _ = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="a quantity received is above zero; a cupboard holding less than the "
                                           "register is counted"):
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", -18, witness=("doctor", "2222"))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20


def test_a_doses_wastage_is_recorded_once_the_second_refused_naming_the_first(ward, session_for, clock):
    """`cd wastage --dose ID --quantity 5` twice wrote both, 10 mg discarded from a 5 mg dose:
    the register knows what a dose gave, not what was drawn up, so a second wastage of one dose
    is refused, naming the first (when, by whom, witnessed by whom, how much); another dose's is
    written."""
    nurse, _, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 50, witness=("doctor", "2222"))
    first = medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    second = medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T14:00+01:00"), witness=("doctor", "2222"))
    assert cd_register.cd_waste(nurse, first.record_id, 5, witness=("doctor", "2222")) == 35
    clock.advance(hours=1)
    doctor = session_for("doctor")
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_waste(doctor, first.record_id, 5, witness=("nurse", "1111"))
    assert refused.value.text("en") == (
        "Controlled-drug register: what was left of this dose was recorded discarded already, 5 mg on "
        f"{clock.now - timedelta(hours=1):%d/%m/%Y %H:%M} by Hélène Lefèvre (nurse), witnessed by Dr Karim Benali "
        "(doctor). A dose's wastage is recorded once; if that quantity was wrong, count the cupboard: the difference "
        "is written as a discrepancy.")
    assert cd_register.cd_waste(doctor, second.record_id, 2.5, witness=("nurse", "1111")) == 32.5
    assert [line.kind for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")].count("wastage") == 2


def test_only_doses_still_without_their_wastage_are_offered_and_when_none_is_left_it_says_why(ward):
    """Record wastage… and `cd wastage` listed doses whose wastage was recorded, which Save then
    refused, and an empty list said nothing of why. A dose is offered while it may take one
    (given, not withdrawn, no wastage yet); with none left, why: no dose given, or every dose
    given has its wastage."""
    nurse, _, _, morphine = ward

    def offered():
        offer = cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg")
        return [line.record_id for line in offer.doses], offer.none_left and offer.none_left.text("en")

    none_given = ("No dose of Morphine has been given from ward 3B's register: wastage is recorded against a dose "
                  "given (a withdrawn dose takes none).")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 50, witness=("doctor", "2222"))
    assert offered() == ([], none_given)
    first = medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T06:00+01:00"), witness=("doctor", "2222"))
    second = medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    third = medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T14:00+01:00"), witness=("doctor", "2222"))
    assert offered() == ([third.record_id, second.record_id, first.record_id], None)
    cd_register.cd_waste(nurse, second.record_id, 5, witness=("doctor", "2222"))
    medication.withdraw_dose(nurse, third.record_id, "wrong patient", witness=("doctor", "2222"))
    assert offered() == ([first.record_id], None)
    assert cd_register.wastage_refusal(nurse, first.record_id) is None
    assert cd_register.wastage_refusal(nurse, second.record_id).text("en").startswith(
        "Controlled-drug register: what was left of this dose was recorded discarded already, 5 mg on ")
    cd_register.cd_waste(nurse, first.record_id, 2.5, witness=("doctor", "2222"))
    assert offered() == ([], "Every dose of Morphine given from ward 3B's register has its wastage recorded already: "
                             "a dose's wastage is recorded once. If a quantity was wrong, count the cupboard: the "
                             "difference is written as a discrepancy.")
    medication.withdraw_dose(nurse, first.record_id, "wrong patient", witness=("doctor", "2222"))
    medication.withdraw_dose(nurse, second.record_id, "wrong patient", witness=("doctor", "2222"))
    assert offered() == ([], none_given)


def test_what_is_left_of_an_ampoule_is_discarded_against_its_dose_and_patient(ward):
    """A 5 mg dose from a 10 mg ampoule left the register 5 mg above the cupboard, the half
    discarded entered as an anonymous count correction. It is a witnessed line tied to the dose
    (its time and patient, by name and number); withdrawing the dose gives back the dose alone,
    and a withdrawn dose takes no wastage. The ampoule's 10 mg left the cupboard, 5 given and 5
    discarded: the dose recorded again for the right patient, the register holds what the
    cupboard does, its count a check with nothing to correct."""
    nurse, patient, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    dose = medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    (offered,) = cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses
    assert offered.record_id == dose.record_id
    with pytest.raises(ServiceError, match="above zero"):
        cd_register.cd_waste(nurse, dose.record_id, 0, witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="below zero"):
        cd_register.cd_waste(nurse, dose.record_id, 16, witness=("doctor", "2222"))
    assert cd_register.cd_waste(nurse, dose.record_id, 5, witness=("doctor", "2222")) == 10
    number = nurse.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?", [patient]).fetchone()[0]
    wasted = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    assert (wasted.kind, wasted.change, wasted.balance, wasted.witness, wasted.record_id, wasted.patient_text(),
            wasted.when_texts(nurse.clock().tzinfo), f"{wasted.given_at:%d/%m %H:%M}") == (
        "wastage", -5.0, 10.0, "doctor", dose.record_id, f"{number} — MARTIN Hélène Marie (née LEFÈVRE)", ("28/11/2026 14:00", None),
        "28/11 10:00")
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=("doctor", "2222"))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    assert cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses == []
    with pytest.raises(ServiceError, match="takes nothing from the register"):
        cd_register.cd_waste(nurse, dose.record_id, 1, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine.record_id, _given_sc("2026-11-28T10:00+01:00"), witness=("doctor", "2222"))
    assert cd_register.cd_count(nurse, "3B", "Morphine", "mg", 10, witness=("doctor", "2222")) == 10
    assert [(line.kind, line.change, line.balance) for line in cd_register.cd_lines(
        nurse.db, nurse.forms, "3B", "Morphine", "mg")] == [
        ("receipt", 20.0, 20.0), ("administration", -5.0, 15.0), ("wastage", -5.0, 10.0), ("withdrawal", 5.0, 15.0),
        ("administration", -5.0, 10.0), ("count", 0.0, 10.0)]


def test_a_dead_patients_chart_reads_the_orders_stopped_at_the_death_and_the_round_drops_them(ward, clock):
    """The orders left open at a death end with the stay, as the export says them: the doses
    before it never recorded read not recorded (stopped), not OVERDUE, none falls due after it,
    and nothing of them is due."""
    nurse, patient, amox, _ = ward
    clock.advance(hours=1)
    records.save_new(nurse, "death", {**death_answers("2026-11-28T14:30+01:00"), "verified_by": "Dr Benali",
                                      "expected": False, "family_informed": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    [row] = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date() - timedelta(days=1), 2, clock.now)
             if row.order.record_id == amox.record_id]
    assert [(f"{cell.slot:%d %H:%M}", cell.state) for cell in row.cells] == [
        ("28 08:00", DoseState.NOT_RECORDED), ("28 14:00", DoseState.NOT_RECORDED)]
    assert row.order.stop_at == datetime.fromisoformat("2026-11-28T14:30+01:00") and row.stay_ended is None
    assert medication.round_list(nurse.db, nurse.forms, "3B", clock.now) == []


def test_a_dose_amended_by_someone_else_stays_given_by_the_nurse_who_gave_it(paracetamol, session_for, clock):
    """The doctor corrected the site of the 08:00 paracetamol: the chart's cell, the dose
    dialog's "Last dose … by" and the held-dose lists then named the doctor as the giver (a
    dose's giver is whoever recorded it, the author of its first version, not of the latest)."""
    nurse, regular, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    prn_dose = medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T02:00+01:00",
                                                             "given_for": "pain", "dose_given": 1.0, "route": "PO"})
    regular_dose = medication.record_dose(nurse, regular.record_id, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.0, "route": "PO"})
    doctor = session_for("doctor")
    for dose in (regular_dose, prn_dose):
        records.amend(doctor, dose.record_id, {**dose.data, "site": "left arm"}, "site")
    assert {dose.given_by for dose in medication.administrations(nurse.db, regular.patient_id)} == {"nurse"}
    cells = [cell.administration for row in medication.mar_grid(nurse.db, regular.patient_id,
                                                               clock.now.date(), 1, clock.now)
             for cell in row.cells if cell.administration]
    assert cells and {dose.given_by for dose in cells} == {"nurse"}


def test_co_codamol_after_the_regular_paracetamol_is_questioned_and_prescribing_it_asks(paracetamol, session_for,
                                                                                        clock):
    """Paracetamol 1 g given at 08:00, then co-codamol 30/500 as required at 09:00: the dose
    dialog said nothing of the gram an hour before, and writing the co-codamol beside the
    patient's paracetamol asked nothing either."""
    nurse, regular, _ = paracetamol
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                                      "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1.0,
                                                      "route": "PO"})
    values = {"drug": "Co-codamol 30/500", "dose": 2.0, "dose_unit": "tablet", "route": "PO", "frequency": "prn",
              "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4,
              "start_at": "2026-11-28T07:00+01:00", "controlled": False, "high_alert": False}
    assert medication.duplicate_orders(doctor, values, regular.patient_id).startswith(
        "Already ordered: Paracetamol 1 g PO, at 08:00 14:00 20:00")
    co_codamol = records.save_new(doctor, "medication_order", values, patient_id=regular.patient_id)
    warnings = medication.check_dose(nurse, co_codamol.record_id, {"outcome": "given", "given_at": "2026-11-28T09:00+01:00",
                                                                   "dose_given": 2.0, "route": "PO"})
    assert [(w.check, w.text("en")) for w in warnings] == [(Check.PRN_INTERVAL, (
        "Paracetamol 1 g PO was given 60 min ago from another order; this order allows a dose every 4 h."))]


def test_a_dose_held_for_a_clinical_reason_says_which(ward, clock):
    """"W — Held for clinical reason" was saved with no reason: the prescriber reviewing the held
    doses read a W alone, never the blood pressure or the INR it was held for."""
    from downtime.services.errors import ValidationFailed

    nurse, _, amox, _ = ward
    held = {"outcome": "not_given", "not_given_reason": "held", "given_at": "2026-11-28T08:10+01:00",
            "scheduled_for": "2026-11-28T08:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, amox.record_id, held)
    assert [error.path for error in refused.value.errors] == ["not_given_detail"]
    saved = medication.record_dose(nurse, amox.record_id, {**held, "not_given_detail": "BP 85/50"})
    assert saved.data["not_given_detail"] == "BP 85/50"


def test_a_regular_dose_given_hours_early_needs_a_reason_kept_with_the_dose(ward, clock):
    """At 15:00 the 20:00 amoxicillin recorded as given then was saved without a word. It needs a
    reason, which the chart's tooltip and the printed MAR name in the ward's language."""
    nurse, _, amox, _ = ward
    clock.advance(hours=1)
    values = _given("2026-11-28T15:00+01:00", 1.0, "2026-11-28T20:00+01:00")
    allergy = {Check.ALLERGY: "tolerated before"}
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, amox.record_id, values, overrides=allergy)
    assert [(w.check, w.text("en")) for w in caught.value.warnings] == [(
        Check.GIVEN_EARLY, "The 28/11 20:00 dose of Amoxicillin is given 5\u00a0h\u00a000\u00a0min early; it falls due from "
                          "19:30.")]
    saved = medication.record_dose(nurse, amox.record_id, values,
                                   overrides={**allergy, Check.GIVEN_EARLY: "Patient leaving for theatre at 16:00"})
    (dose,) = medication.administrations(nurse.db, saved.patient_id)
    assert medication.overrides_text(nurse.form(medication.DOSE_FORM), dose, "fr") == (
        "Dose donnée en avance : Patient leaving for theatre at 16:00 ; Allergie : tolerated before")


def test_a_dose_refused_hours_before_its_time_is_not_recorded_and_held_asks_why(ward, clock):
    """At 14:00 the 20:00 amoxicillin recorded as refused took it off the round, never offered.
    A refusal is recorded once the dose falls due; a dose held may be known ahead, with a reason."""
    from downtime.services.errors import ValidationFailed

    nurse, patient, amox, _ = ward
    refused = {"outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T14:00+01:00",
               "scheduled_for": "2026-11-28T20:00+01:00"}
    with pytest.raises(ValidationFailed) as caught:
        medication.record_dose(nurse, amox.record_id, refused)
    assert [(error.path, error.message) for error in caught.value.errors] == [("not_given_reason", (
        "“Reason not given”: “R — Refused” cannot be recorded before the 28/11 20:00 dose falls due (19:30); offer it "
        "then. Only nil by mouth, held or other can be recorded ahead."))]
    assert medication.administrations(nurse.db, patient) == []
    fasting = {**refused, "not_given_reason": "held", "not_given_detail": "surgeon's decision"}
    with pytest.raises(medication.OverrideNeeded) as questioned:
        medication.record_dose(nurse, amox.record_id, fasting)
    assert [(w.check, w.text("en")) for w in questioned.value.warnings] == [(Check.NOT_GIVEN_AHEAD, (
        "The 28/11 20:00 dose of Amoxicillin is recorded not given 6\u00a0h\u00a000\u00a0min before its time; it leaves "
        "the round."))]
    saved = medication.record_dose(nurse, amox.record_id, fasting,
                                   overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 20:30, fasting from 14:00"})
    assert saved.data["overrides"] == [{"check": "not_given_ahead", "reason": "Theatre at 20:30, fasting from 14:00"}]
    clock.now = datetime.fromisoformat("2026-11-29T07:45+01:00")  # the next dose, due: a refusal is recorded
    medication.record_dose(nurse, amox.record_id, {**refused, "given_at": "2026-11-29T07:45+01:00",
                                                   "scheduled_for": "2026-11-29T08:00+01:00"})


def test_a_dose_recorded_not_given_ahead_is_not_amended_to_refused(ward, clock):
    """Not given for another reason ("theatre") recorded at 14:00 for the 20:00 amoxicillin, then
    amended to "refused", read as a refusal at 14:00, never offered: the very record `record_dose`
    refuses. The amendment is refused naming the field, the dose left as it was; another reason
    known ahead is amended to."""
    from downtime.services.errors import ValidationFailed

    nurse, patient, amox, _ = ward
    fasting = medication.record_dose(nurse, amox.record_id, {
        "outcome": "not_given", "not_given_reason": "other", "not_given_detail": "theatre",
        "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T20:00+01:00"},
        overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 20:30"})
    clock.now = datetime.fromisoformat("2026-11-28T20:10+01:00")  # offered at its time, and refused
    with pytest.raises(ValidationFailed) as caught:
        records.amend(nurse, fasting.record_id, {**fasting.data, "not_given_reason": "refused"}, "refused it")
    assert [(error.path, error.message) for error in caught.value.errors] == [("not_given_reason", (
        "“Reason not given”: “R — Refused” cannot be recorded before the 28/11 20:00 dose falls due (19:30), and "
        "this dose is recorded at 28/11 14:00. Only nil by mouth, held or other can be recorded ahead: if the dose "
        "was offered since, mark this record entered in error with the reason, then record it from the round."))]
    assert records.current(nurse.db, fasting.record_id) == fasting
    held = records.amend(nurse, fasting.record_id, {**fasting.data, "not_given_reason": "held",
                                                         "not_given_detail": "BP 85/50"}, "held, not fasting")
    assert (held.version, held.data["not_given_reason"]) == (2, "held")
    medication.withdraw_dose(nurse, fasting.record_id, "offered at 20:10 and refused")
    refused = medication.record_dose(nurse, amox.record_id, {
        "outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T20:10+01:00",
        "scheduled_for": "2026-11-28T20:00+01:00"})
    asleep = records.amend(nurse, refused.record_id, {**refused.data, "not_given_reason": "asleep"}, "was asleep")
    assert [dose.reason.value for dose in medication.administrations(nurse.db, patient)] == [asleep.data[
        "not_given_reason"]] == ["asleep"]


def test_nil_by_mouth_is_refused_of_a_dose_not_by_mouth_naming_the_field(ward, session_for, clock):
    """A patient fasting for theatre: the 20:00 amoxicillin IV recorded "nil by mouth" was saved
    without a question and left the round, the antibiotic omitted. Nil by mouth is a reason for a
    dose by mouth or tube alone: refused, as an amendment to it is; a paracetamol PO's accepted."""
    from downtime.services.errors import ValidationFailed

    nurse, patient, amox, _ = ward
    fasting = {"outcome": "not_given", "not_given_reason": "nil_by_mouth", "given_at": "2026-11-28T14:00+01:00",
               "scheduled_for": "2026-11-28T20:00+01:00"}
    with pytest.raises(ValidationFailed) as caught:
        medication.record_dose(nurse, amox.record_id, fasting, overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 20:30"})
    assert [(error.path, error.message) for error in caught.value.errors] == [("not_given_reason", (
        "“Reason not given”: Amoxicillin is given IV: “F — Nil by mouth / fasting” does not stop it. Give it, or, if "
        "the doctor holds it, record “W — Held for clinical reason (write why)” with why."))]
    assert medication.administrations(nurse.db, patient) == []
    held = medication.record_dose(nurse, amox.record_id, {**fasting, "not_given_reason": "held",
                                                          "not_given_detail": "surgeon's decision"},
                                  overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 20:30"})
    with pytest.raises(ValidationFailed, match="does not stop it"):
        records.amend(nurse, held.record_id, {**held.data, "not_given_reason": "nil_by_mouth"}, "fasting")
    paracetamol = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "20:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    saved = medication.record_dose(nurse, paracetamol, fasting, overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 20:30"})
    assert saved.data["not_given_reason"] == "nil_by_mouth"


def test_an_amendment_keeping_a_doses_nil_by_mouth_of_an_iv_order_is_saved_a_change_to_it_is_judged(ward):
    """The 08:00 amoxicillin IV recorded not given, nil by mouth, on a laptop whose app did not
    refuse it yet (merged in since). The nurse adds why ("theatre at 09:00"): refused, "Give it,
    or ... record held", its reason judged again though she did not change it; the only way to
    correct the record was to rewrite what was recorded. A change to nil by mouth is judged still."""
    from downtime.services.errors import ValidationFailed

    nurse, patient, amox, _ = ward
    earlier = records.save_new(nurse, "medication_administration", {
        "order": amox.record_id, "outcome": "not_given", "not_given_reason": "nil_by_mouth",
        "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00"}, patient_id=patient,
        checked_by_service=True)  # as the app before the rule wrote it
    amended = records.amend(nurse, earlier.record_id, {**earlier.data, "not_given_detail": "theatre at 09:00"},
                            "Why added")
    assert (amended.data["not_given_reason"], amended.data["not_given_detail"]) == ("nil_by_mouth", "theatre at 09:00")
    held = records.amend(nurse, earlier.record_id, {**amended.data, "not_given_reason": "held"}, "Surgeon's decision")
    with pytest.raises(ValidationFailed, match="does not stop it"):
        records.amend(nurse, earlier.record_id, {**held.data, "not_given_reason": "nil_by_mouth"}, "fasting")


def test_an_as_required_dose_given_is_refused_without_why_naming_the_field_a_regular_one_is_not(ward):
    nurse, patient, amox, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    before = len(medication.administrations(nurse.db, patient))
    for why in (None, "   "):
        values = {"outcome": "given", "given_at": "2026-11-28T08:00+01:00", "dose_given": 5.0, "route": "SC",
                  **({"given_for": why} if why is not None else {})}
        with pytest.raises(ValidationFailed) as caught:
            medication.record_dose(nurse, morphine.record_id, values, witness=("doctor", "2222"))
        assert [(e.path, e.message) for e in caught.value.errors] == [
            ("given_for", "“Reason given (as required)” is required.")]
    assert len(medication.administrations(nurse.db, patient)) == before
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 100
    saved = medication.record_dose(nurse, morphine.record_id, {
        "outcome": "given", "given_at": "2026-11-28T08:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10"}, witness=("doctor", "2222"))
    assert saved.data["given_for"] == "pain 7/10"
    assert medication.administration_of(saved).given_for == "pain 7/10"
    # A regular dose, and an as-required dose not given, need none.
    regular = medication.record_dose(nurse, amox.record_id,
                                     _given("2026-11-28T08:05+01:00", 1.0, "2026-11-28T08:00+01:00"),
                                     overrides={Check.ALLERGY: "tolerated before"})
    refused = medication.record_dose(nurse, morphine.record_id, {
        "outcome": "not_given", "given_at": "2026-11-28T13:00+01:00", "not_given_reason": "refused"})
    assert "given_for" not in regular.data and "given_for" not in refused.data


@pytest.mark.parametrize("cleared", [None, "", "   "])
def test_an_amendment_of_an_as_required_dose_given_cannot_drop_why_it_was_given(ward, cleared):
    """The nurse correcting the site of a morphine dose cleared its reason, and the amendment was
    saved: the prescriber reviewing the night's doses read the times alone again. It is refused
    as the dose's recording is, naming the field, and nothing is written."""
    nurse, patient, _, morphine = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    dose = medication.record_dose(nurse, morphine.record_id, {
        "outcome": "given", "given_at": "2026-11-28T08:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10"}, witness=("doctor", "2222"))
    typed = {**{name: value for name, value in dose.data.items() if name != "given_for"}, "site": "left thigh",
             **({"given_for": cleared} if cleared is not None else {})}
    versions = len(records.history(nurse.db, dose.record_id))
    with pytest.raises(ValidationFailed) as caught:
        records.amend(nurse, dose.record_id, typed, "site was not written")
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("given_for", "“Reason given (as required)” is required.")]
    assert len(records.history(nurse.db, dose.record_id)) == versions
    assert records.current(nurse.db, dose.record_id).data["given_for"] == "pain 7/10"
    amended = records.amend(nurse, dose.record_id, {**typed, "given_for": "pain 8/10, left hip"}, "site and score")
    assert (amended.data["given_for"], amended.data["site"]) == ("pain 8/10, left hip", "left thigh")


def test_an_amendment_asks_why_of_an_as_required_dose_recorded_before_the_field_a_regular_one_never(ward):
    """A dose an older app recorded without the reason: the next version typed says it, as any
    as-required dose given does. A regular dose's amendment asks none."""
    nurse, patient, amox, morphine = ward
    older = records.save_new(nurse, medication.DOSE_FORM, {
        "order": morphine.record_id, "outcome": "given", "given_at": "2026-11-28T02:00+01:00", "dose_given": 5.0,
        "route": "SC"}, patient_id=patient, checked_by_service=True)
    with pytest.raises(ValidationFailed, match="Reason given"):
        records.amend(nurse, older.record_id, {**older.data, "site": "abdomen"}, "site")
    assert records.amend(nurse, older.record_id, {**older.data, "site": "abdomen", "given_for": "pain, from the "
                                                  "night nurse's handover"}, "site and reason").version == 2
    regular = medication.record_dose(nurse, amox.record_id, _given("2026-11-28T08:05+01:00", 1.0,
                                                                   "2026-11-28T08:00+01:00"),
                                     overrides={Check.ALLERGY: "tolerated before"})
    assert records.amend(nurse, regular.record_id, {**regular.data, "site": "left arm"}, "site").version == 2


def test_an_as_required_dose_recorded_before_the_field_reads_without_it(ward):
    nurse, patient, _, morphine = ward
    older = records.save_new(nurse, medication.DOSE_FORM, {
        "order": morphine.record_id, "outcome": "given", "given_at": "2026-11-28T02:00+01:00", "dose_given": 5.0,
        "route": "SC"}, patient_id=patient, checked_by_service=True)
    (read,) = [dose for dose in medication.administrations(nurse.db, patient) if dose.record_id == older.record_id]
    assert read.given_for is None and read.dose == 5.0


# The chart's cells (order, day, time) course_orders leaves no dose in, on 26/11 to 28/11: before
# each order's start (26/11, and 27/11 08:00 before 10:00), after the furosemide's stop at 12:00,
# the ondansetron's days but its one.
OUTSIDE_COURSE = {("Amoxicillin", 26, "08:00"), ("Amoxicillin", 26, "14:00"), ("Amoxicillin", 26, "20:00"),
                  ("Amoxicillin", 27, "08:00"), ("Furosemide", 26, "08:00"), ("Furosemide", 26, "18:00"),
                  ("Furosemide", 27, "08:00"), ("Furosemide", 28, "18:00"), ("Ondansetron", 26, "16:00"),
                  ("Ondansetron", 27, "16:00")}


def _outside_course(db, patient, now):
    from datetime import date

    first = date(2026, 11, 26)
    return {(row.order.drug, day.day, clock) for row in medication.mar_grid(db, patient, first, 3, now)
            for day in (first + timedelta(days=n) for n in range(3)) for clock in row.clocks
            if row.outside_course(day, clock)}


def test_the_charts_cells_outside_an_orders_course_are_those_no_dose_falls_in(course_orders, session_for, clock):
    """LEFÈVRE's furosemide, started on the chart's last day at 14:03, had its 08:00 cells of the
    days before blank on paper: read as doses not given, and a nurse could sign in them. A cell
    is outside the course before the order's start (its first day's times before it too), after
    its stop, or on a once-only order's other days; never an as-required order's."""
    patient = course_orders[0]
    assert _outside_course(session_for("nurse").db, patient, clock()) == OUTSIDE_COURSE


def test_a_time_an_order_no_longer_has_is_outside_its_course_from_its_change(course_orders, session_for, clock):
    """Amoxicillin's 20:00 dropped at 14:00 on 28/11: that evening's 20:00 cell is no dose to give,
    its row kept for the 20:00 doses of the day before."""
    patient = course_orders[0]
    doctor = session_for("doctor")
    amox = next(order for order in medication.orders(doctor.db, patient, clock()) if order.drug == "Amoxicillin")
    records.amend(doctor, amox.record_id, {**records.current(doctor.db, amox.record_id).data, "times": "08:00 14:00"},
                  "evening dose stopped")
    assert _outside_course(doctor.db, patient, clock()) == OUTSIDE_COURSE | {("Amoxicillin", 28, "20:00")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_orders_already_written_are_listed_with_a_space_before_the_semicolon_in_french(paracetamol, session_for,
                                                                                           lang, listed_in):
    """A third paracetamol beside the regular and the as-required one asks about both: in French
    it read "…20:00; paracétamol…", where every sentence of the catalogue writes " ; "."""
    _, regular, _ = paracetamol
    listed_in(medication.duplicate_orders(session_for("doctor", lang), {**regular.data, "times": "09:00"},
                                          regular.patient_id), lang)


def test_a_second_extra_dose_of_a_regular_order_is_spaced_from_the_first(session_for, medication_ward):
    """Two doses typed for no time of the order: 1 g of amoxicillin at 10:00 and again at 10:30
    asked nothing but the allergy."""
    nurse = session_for("nurse")
    _, amoxicillin, _ = medication_ward

    def extra(at):
        return {"outcome": "given", "given_at": f"2026-11-28T{at}+01:00", "dose_given": 1.0, "route": "IV"}

    first = medication.check_dose(nurse, amoxicillin, extra("10:00"))
    medication.record_dose(nurse, amoxicillin, extra("10:00"), overrides={w.check: "Extra dose, Dr Benali" for w in first})
    assert Check.DOSE_SPACING in {w.check for w in medication.check_dose(nurse, amoxicillin, extra("10:30"))}


def test_the_breakthrough_dose_beside_a_syringe_driver_is_allowed_at_once(session_for, medication_ward, clock):
    """Morphine 10 mg over 24 h by syringe driver, set up at 10:00, and morphine 2.5 mg SC as
    required every hour: at 10:30 the dose dialog put the next dose at 11:00 and Save questioned
    it as "given 30 min ago from another order", the syringe counted as a bolus of 10 mg."""
    witness = ("doctor", "2222")
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 50, witness=witness)
    common = {"drug": "Morphine", "dose_unit": "mg", "route": "SC", "start_at": "2026-11-28T09:00+01:00",
              "controlled": True, "high_alert": True}
    driver = records.save_new(doctor, "medication_order", {
        **common, "dose": 10.0, "form": "infusion", "rate_ml_h": 0.7, "frequency": "scheduled", "times": "10:00"},
        patient_id=patient)
    prn = records.save_new(doctor, "medication_order", {
        **common, "dose": 2.5, "frequency": "prn", "prn_indication": "pain or breathlessness", "min_interval_hours": 1,
        "max_doses_24h": 6}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T10:05+01:00")
    medication.record_dose(nurse, driver.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "dose_given": 10.0, "route": "SC"}, witness=witness, overrides={"allergy": "not hers"})
    clock.now = datetime.fromisoformat("2026-11-28T10:30+01:00")
    warned = [warning.check for warning in medication.check_dose(nurse, prn.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:30+01:00", "dose_given": 2.5, "route": "SC",
        "given_for": "pain"})]
    status = medication.as_required_status(nurse, prn.record_id)
    assert Check.PRN_INTERVAL not in warned and Check.PRN_DAILY_MAX not in warned
    assert (status.last, status.next_at) == (None, None)

"""A cancellation names the date it cancels by the record that placed the operation there (the
booking, or the rebooking: `rebooking`), not by its start (`slot_start`, kept to show). Named by
its start, a booking's time corrected on one laptop (08:00 typed, the paper list says 08:30)
turned the other laptop's real cancellation into a duplicate: the slot kept, the EHR sent it
booked, and the office told to withdraw the true record. A cancellation of a date no longer
standing that a merge brought changes nothing, and blocks nothing after it either: the office
could neither cancel the date standing nor record it done."""

import json
from datetime import date

import pytest

from downtime.services import records, theatre
from downtime.services.errors import ServiceError
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.test_theatre_cancellation_names_its_slot import BOOKING, OUTAGE, _session
from tests.test_theatre_merge import _coordinator

CORRECTED = "Typed 08:00, the paper list says 08:30"


def test_a_cancellation_on_one_laptop_of_a_time_corrected_on_the_other_cancels_it(tmp_path, laptop,
                                                                                  admission_values, clock):
    (nurse1, clerk1), (nurse2, clerk2) = laptop(tmp_path / "1.sqlite", 1), laptop(tmp_path / "2.sqlite", 2)
    coord1, coord2 = _coordinator(nurse1, clock), _coordinator(nurse2, clock)
    patient = records.save_new(nurse1, "admission", admission_values).patient_id
    booking = theatre.book(coord1, patient, {**BOOKING, "session": _session(coord1, "T1", "2026-11-30")}).record_id
    import_export(clerk2, export(clerk1, tmp_path / "export-1a").folder)
    latest = theatre.booking_facts(coord1.db, booking).record
    records.amend(coord1, booking, {**latest.data, "planned_start": "2026-11-30T08:30+01:00"}, CORRECTED)
    cancelled = theatre.cancel(coord2, booking, OUTAGE)
    assert cancelled.data["slot_start"] == "2026-11-30T08:00+01:00" and not cancelled.data.get("rebooking")
    folders = [export(clerk1, tmp_path / "export-1b").folder, export(clerk2, tmp_path / "export-2").folder]
    merged = merge(folders, tmp_path / "merged")
    assert merged.theatre_clashes == ()
    _, office = laptop(tmp_path / "office.sqlite", 900)
    assert import_export(office, merged.folder).theatre_clashes == ()
    facts = theatre.booking_facts(office.db, booking)
    assert facts.status is theatre.BookingStatus.CANCELLED and facts.cancelled_again == ()
    assert [item.state.record.record_id for item in theatre.rescheduling(office.db, office.forms, clock.now)[0]] == [
        booking]
    bundle = json.loads((export(office, tmp_path / "office-export").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    (appointment,) = [entry["resource"] for entry in bundle["entry"]
                      if entry["resource"]["resourceType"] == "Appointment"]
    assert appointment["status"] == "cancelled"


def test_the_time_of_a_cancelled_booking_can_still_be_corrected(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booking = theatre.book(coord, patient, {**BOOKING, "session": _session(coord, "T1", "2026-11-30")}).record_id
    theatre.cancel(coord, booking, OUTAGE)
    latest = theatre.booking_facts(coord.db, booking).record
    records.amend(coord, booking, {**latest.data, "planned_start": "2026-11-30T08:30+01:00"}, CORRECTED)
    (_, (line,)), = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))
    assert line.struck and theatre.board_status(line, "en") == "CANCELLED"


def _merged_in_office(tmp_path, laptop, admission_values, clock, second_day, times):
    """TH1's D1 case brought to the office: laptop 1 cancels (`times[0]`) and rebooks to
    `second_day` 08:00 (`times[1]`), laptop 2, which never saw the rebooking, cancels the first
    date (`times[2]`)."""
    (nurse1, clerk1), (nurse2, clerk2) = laptop(tmp_path / "1.sqlite", 1), laptop(tmp_path / "2.sqlite", 2)
    coord1, coord2 = _coordinator(nurse1, clock), _coordinator(nurse2, clock)
    patient = records.save_new(nurse1, "admission", admission_values).patient_id
    first, second = _session(coord1, "T1", "2026-11-30"), _session(coord1, "T2", second_day)
    booking = theatre.book(coord1, patient, {**BOOKING, "session": first}).record_id
    import_export(clerk2, export(clerk1, tmp_path / "export-1a").folder)
    theatre.cancel(coord1, booking, {**OUTAGE, "cancelled_at": f"2026-11-28T{times[0]}+01:00"})
    theatre.rebook(coord1, booking, {"outcome": "rebooked", "session": second,
                                     "planned_start": f"{second_day}T08:00+01:00",
                                     "decided_at": f"2026-11-28T{times[1]}+01:00", "patient_told": "in_person",
                                     "told_at": f"2026-11-28T{times[1]}+01:00"})
    theatre.cancel(coord2, booking, {**OUTAGE, "cancelled_at": f"2026-11-28T{times[2]}+01:00"})
    office_nurse, office = laptop(tmp_path / "office.sqlite", 900)
    for folder in (export(clerk1, tmp_path / "export-1b").folder, export(clerk2, tmp_path / "export-2").folder):
        import_export(office, folder)
    assert theatre.booking_facts(office.db, booking).status is theatre.BookingStatus.REBOOKED
    return _coordinator(office_nurse, clock), booking


def test_after_a_merge_the_date_standing_can_still_be_cancelled(tmp_path, laptop, admission_values, clock):
    coord, booking = _merged_in_office(tmp_path, laptop, admission_values, clock, "2026-12-02",
                                       ("12:00", "13:00", "13:30"))
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T14:00+01:00", "reason": "patient_declined",
                                    "declined": "date", "last_minute": False, "patient_told": "phone"})
    facts = theatre.booking_facts(coord.db, booking)
    assert facts.status is theatre.BookingStatus.CANCELLED and facts.times_cancelled == 2


def test_after_a_merge_the_date_standing_can_be_recorded_done(tmp_path, laptop, admission_values, clock):
    coord, booking = _merged_in_office(tmp_path, laptop, admission_values, clock, "2026-11-28",
                                       ("07:00", "07:10", "07:30"))
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T08:05+01:00", "theatre": "T2"})
    assert theatre.booking_facts(coord.db, booking).status is theatre.BookingStatus.DONE


def test_a_dialog_left_open_on_a_date_since_cancelled_says_the_booking_is_cancelled(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booking = theatre.book(coord, patient, {**BOOKING, "session": _session(coord, "T1", "2026-11-30")}).record_id
    theatre.cancel(coord, booking, OUTAGE)
    with pytest.raises(ServiceError) as refused:
        theatre.cancel(coord, booking, {**OUTAGE, "cancelled_at": "2026-11-28T13:30+01:00",
                                        "slot_start": "2026-11-30T08:00+01:00"})
    assert refused.value.text("en") == "This booking is cancelled; only a booked operation can be cancelled."


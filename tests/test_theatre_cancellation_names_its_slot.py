"""A cancellation names the date it cancels (operation_cancellation version 3, `slot_start`). Two
coordinators on two laptops recorded the outage's cancellation of one operation; the first had
rebooked it, and told the patient, before the second's (later-timed) record: after the merge the
second cancelled the new date, in silence, the patient holding a date the theatre had struck
off and the EHR told it was cancelled. A cancellation of a date no longer standing changes
nothing, and the merge, the import and the board name it."""

import json
from datetime import date, datetime

import pytest

from downtime.services import records, theatre
from downtime.services.errors import ServiceError
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.test_theatre_merge import _coordinator

FLAG = ("CANCELLED ON TWO LAPTOPS (30/11 08:00 cancelled 28/11 13:30 when it no longer stood): that changed "
        "nothing; ring the patient with what stands, mark that cancellation entered in error")
BOOKING = {"procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
           "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None,
           "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 60}
OUTAGE = {"cancelled_at": "2026-11-28T12:00+01:00", "reason": "information_system", "last_minute": True,
          "patient_told": "in_person"}


def _session(coord, name, day):
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery",
        "starts_at": f"{day}T08:00+01:00", "ends_at": f"{day}T13:00+01:00"}).record_id


def _rebooked(coord, booking, session_id):
    theatre.cancel(coord, booking, OUTAGE)
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": session_id,
                                    "planned_start": "2026-12-02T08:00+01:00", "decided_at": "2026-11-28T13:00+01:00",
                                    "patient_told": "in_person", "told_at": "2026-11-28T13:05+01:00"})


@pytest.fixture
def cancelled_on_two_laptops(tmp_path, laptop, admission_values, clock):
    """Laptop 1 books the hernia repair for 30/11 08:00; laptop 2 imports it. Laptop 1 cancels it
    (outage, 12:00) and rebooks it to T2 on 02/12 08:00, the patient told at 13:05; laptop 2's
    coordinator, who never saw the rebooking, records the same cancellation at 13:30."""
    (nurse1, clerk1), (nurse2, clerk2) = laptop(tmp_path / "1.sqlite", 1), laptop(tmp_path / "2.sqlite", 2)
    coord1, coord2 = _coordinator(nurse1, clock), _coordinator(nurse2, clock)
    patient = records.save_new(nurse1, "admission", admission_values).patient_id
    first, second = _session(coord1, "T1", "2026-11-30"), _session(coord1, "T2", "2026-12-02")
    booking = theatre.book(coord1, patient, {**BOOKING, "session": first}).record_id
    import_export(clerk2, export(clerk1, tmp_path / "export-1a").folder)
    _rebooked(coord1, booking, second)
    again = theatre.cancel(coord2, booking, {**OUTAGE, "cancelled_at": "2026-11-28T13:30+01:00"})
    assert again.data["slot_start"] == "2026-11-30T08:00+01:00", "the date it cancels, as laptop 2 saw it"
    folders = [export(clerk1, tmp_path / "export-1b").folder, export(clerk2, tmp_path / "export-2").folder]
    return folders, booking, laptop(tmp_path / "office.sqlite", 900)


def test_a_second_laptops_cancellation_of_a_date_already_cancelled_changes_nothing(cancelled_on_two_laptops,
                                                                                   tmp_path, clock):
    folders, booking, (_, office) = cancelled_on_two_laptops
    merged = merge(folders, tmp_path / "merged")
    (report,) = merged.theatre_clashes
    assert report.text("en").startswith("CANCELLED ON TWO LAPTOPS, 30/11/2026 08:00 was cancelled on laptop 2 (no. "
                                        "002) at 28/11/2026 13:30 when it no longer stood, which changed nothing")
    assert "theatre T2 02/12/2026 08:00-09:00" in report.text("en")
    (brought,) = import_export(office, merged.folder).theatre_clashes
    assert brought.text("en") == report.text("en")
    state = theatre.booking_facts(office.db, booking)
    assert state.status is theatre.BookingStatus.REBOOKED and state.start == datetime.fromisoformat(
        "2026-12-02T08:00+01:00")
    assert state.times_cancelled == 1 and state.telling is not None
    assert theatre.rescheduling(office.db, office.forms, clock.now)[0] == []
    (_, (kept,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 2))
    assert not kept.struck
    assert theatre.board_status(kept, "en") == f"REBOOKED (from 30/11 08:00) — {FLAG}"
    (_, (left,)), = theatre.day_list(office.db, office.forms, date(2026, 11, 30))
    assert left.struck and theatre.board_status(left, "en").endswith(FLAG)
    bundle = json.loads((export(office, tmp_path / "office-export").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    dates = {entry["resource"]["start"]: entry["resource"] for entry in bundle["entry"]
             if entry["resource"]["resourceType"] == "Appointment"}
    assert dates["2026-12-02T08:00:00+01:00"]["status"] == "booked"
    assert "Cancelled 2026-11-28T13:30" not in dates["2026-12-02T08:00:00+01:00"]["comment"]
    (request,) = [entry["resource"] for entry in bundle["entry"]
                  if entry["resource"]["resourceType"] == "ServiceRequest"]
    assert any(note["text"].startswith("Cancelled on another laptop 2026-11-28T13:30") for note in request["note"])


def test_the_second_cancellation_withdrawn_the_report_goes(cancelled_on_two_laptops, tmp_path, clock):
    folders, booking, (office_nurse, office) = cancelled_on_two_laptops
    for folder in folders:
        import_export(office, folder)
    again = next(facts for facts in [theatre.booking_facts(office.db, booking)]).cancelled_again[0]
    records.mark_entered_in_error(_coordinator(office_nurse, clock), again.record_id, "Recorded twice")
    assert theatre.clashes_touching(office.db, {booking}) == []
    (_, (kept,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 2))
    assert theatre.board_status(kept, "en") == "REBOOKED (from 30/11 08:00)"


def test_a_cancellation_of_a_date_no_longer_standing_is_refused_on_one_laptop(session_for, admission_values):
    """The dialog opened on the 30/11 date, saved after the operation was moved to 02/12 (an import
    between the two): refused, naming the date, rather than cancelling the 02/12 one."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    first, second = _session(coord, "T1", "2026-11-30"), _session(coord, "T2", "2026-12-02")
    booking = theatre.book(coord, patient, {**BOOKING, "session": first}).record_id
    _rebooked(coord, booking, second)
    with pytest.raises(ServiceError) as refused:
        theatre.cancel(coord, booking, {**OUTAGE, "cancelled_at": "2026-11-28T13:30+01:00",
                                        "slot_start": "2026-11-30T08:00+01:00"})
    assert refused.value.text("en").startswith("Since this cancellation was opened, the operation has moved: the date "
                                               "standing is 02/12/2026 08:00, not the date it cancels, 30/11/2026 08:00")
    assert theatre.booking_facts(coord.db, booking).status is theatre.BookingStatus.REBOOKED
    theatre.cancel(coord, booking, {**OUTAGE, "cancelled_at": "2026-11-28T13:30+01:00"})
    facts = theatre.booking_facts(coord.db, booking)
    assert facts.status is theatre.BookingStatus.CANCELLED and facts.times_cancelled == 2


def test_a_cancellation_naming_no_date_cancels_the_date_standing_then(session_for, admission_values):
    """A record of the form's version 2 (or one typed with the date blank) keeps its meaning: it
    cancels whatever date stood at its time."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    first, second = _session(coord, "T1", "2026-11-30"), _session(coord, "T2", "2026-12-02")
    booking = theatre.book(coord, patient, {**BOOKING, "session": first}).record_id
    _rebooked(coord, booking, second)
    records.save_new(coord, "operation_cancellation", {**OUTAGE, "cancelled_at": "2026-11-28T13:30+01:00",
                                                       "booking": booking}, patient_id=patient)
    facts = theatre.booking_facts(coord.db, booking)
    assert facts.status is theatre.BookingStatus.CANCELLED and facts.cancelled_start == datetime.fromisoformat(
        "2026-12-02T08:00+01:00")

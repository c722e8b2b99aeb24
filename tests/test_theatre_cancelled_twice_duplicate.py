"""Both coordinators recorded the outage's cancellation of one date, and nobody rebooked it: the
second record is a duplicate. It was worded as a cancellation of a date no longer standing
("ring the patient with what stands"), a needless call with nothing to say, and read as if a
date stood. It is named CANCELLED TWICE, with the earlier cancellation, and only asks that the
duplicate be marked entered in error; the back-entry worklist tells the clerk not to enter it."""

import json
from datetime import date

import pytest

from downtime.services import back_entry, records, theatre
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.test_theatre_cancellation_names_its_slot import (  # noqa: F401 (a fixture)
    BOOKING,
    OUTAGE,
    _session,
    cancelled_on_two_laptops,
)
from tests.test_theatre_merge import _coordinator


@pytest.fixture
def cancelled_twice(tmp_path, laptop, admission_values, clock):
    """Laptop 1 books the hernia repair for 30/11 08:00; laptop 2 imports it; both cancel it
    (outage), laptop 1 at 12:00 and laptop 2 at 13:30; the office merges both exports."""
    (nurse1, clerk1), (nurse2, clerk2) = laptop(tmp_path / "1.sqlite", 1), laptop(tmp_path / "2.sqlite", 2)
    coord1, coord2 = _coordinator(nurse1, clock), _coordinator(nurse2, clock)
    patient = records.save_new(nurse1, "admission", admission_values).patient_id
    booking = theatre.book(coord1, patient, {**BOOKING, "session": _session(coord1, "T1", "2026-11-30")}).record_id
    import_export(clerk2, export(clerk1, tmp_path / "export-1a").folder)
    theatre.cancel(coord1, booking, OUTAGE)
    theatre.cancel(coord2, booking, {**OUTAGE, "cancelled_at": "2026-11-28T13:30+01:00"})
    folders = [export(clerk1, tmp_path / "export-1b").folder, export(clerk2, tmp_path / "export-2").folder]
    return merge(folders, tmp_path / "merged"), booking, laptop(tmp_path / "office.sqlite", 900)


def test_a_date_cancelled_on_both_laptops_is_named_a_duplicate_with_no_call(cancelled_twice, tmp_path):
    merged, _, (_, office) = cancelled_twice
    (report,) = merged.theatre_clashes
    assert report.text("en").startswith(
        "CANCELLED TWICE, 30/11/2026 08:00 was cancelled on laptop 2 (no. 002) at 28/11/2026 13:30, already "
        "cancelled on laptop 1 (no. 001) at 28/11/2026 12:00: ")
    assert report.text("en").endswith("a duplicate that changed nothing, with no call to the patient: mark the "
                                      "duplicate entered in error")
    assert "ring" not in report.text("en")
    (brought,) = import_export(office, merged.folder).theatre_clashes
    assert brought.text("en") == report.text("en")
    (_, (left,)), = theatre.day_list(office.db, office.forms, date(2026, 11, 30))
    assert left.struck and theatre.board_status(left, "en").endswith(
        "CANCELLED TWICE (30/11 08:00 cancelled 28/11 13:30, already cancelled 28/11 12:00): a duplicate that "
        "changed nothing, no call to the patient; mark it entered in error")
    bundle = json.loads((export(office, tmp_path / "office-export").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"]
                  if entry["resource"]["resourceType"] == "ServiceRequest"]
    notes = [note["text"] for note in request["note"]]
    assert ("Cancelled again on another laptop 2026-11-28T13:30:00+01:00, naming the date 2026-11-30T08:00:00+01:00 "
            "already cancelled 2026-11-28T12:00:00+01:00: a duplicate that changed nothing; mark it entered in "
            "error") in notes
    assert not any("what stands" in note for note in notes)


def test_the_worklist_tells_the_clerk_not_to_enter_a_cancellation_that_changed_nothing(cancelled_twice):
    merged, booking, (_, office) = cancelled_twice
    import_export(office, merged.folder)
    again = theatre.booking_facts(office.db, booking).cancelled_again[0]
    patient = str(again.patient_id)
    (work,) = back_entry.worklist_of(office, [patient])
    (item,) = [item for item in work.items if item.record.record_id == again.record_id]
    assert item.to_do_in("en") == ("do not enter — changed nothing (the date it cancels no longer stood when it "
                                   "came): do not enter it; mark it entered in error on laptop 2 (no. 002)")
    assert item.asks_the_ward
    (first,) = [item for item in work.items if item.record.form_id == "operation_cancellation"
                and item.record.record_id != again.record_id]
    assert first.to_do_in("en") == "enter"


def test_a_cancellation_of_a_date_rebooked_since_keeps_its_words_and_is_not_entered(
        cancelled_on_two_laptops, tmp_path):  # noqa: F811 (the fixture)
    """The date laptop 1 rebooked stands: the office still rings the patient with it, and the
    clerk is told not to enter laptop 2's cancellation (it cancelled 02/12 in the EHR)."""
    folders, booking, (_, office) = cancelled_on_two_laptops
    (report,) = merge(folders, tmp_path / "merged").theatre_clashes
    assert report.text("en").startswith("CANCELLED ON TWO LAPTOPS, ")
    assert "ring the patient with what stands" in report.text("en")
    for folder in folders:
        import_export(office, folder)
    again = theatre.booking_facts(office.db, booking).cancelled_again[0]
    (work,) = back_entry.worklist_of(office, [str(again.patient_id)])
    (item,) = [item for item in work.items if item.record.record_id == again.record_id]
    assert item.to_do_in("en").startswith("do not enter — changed nothing")

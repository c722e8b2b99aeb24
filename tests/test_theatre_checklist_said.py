"""An operation recorded done with no WHO surgical safety checklist naming it says so on the
board, the printed list and `downtime theatre list`: the theatre's paper checklist stayed in the
notes, the EHR learnt nothing of it, and nothing told the coordinator to ask the theatre team for
it before back-entry."""

import json
from datetime import date

import pytest
from fhir.resources.R4B.servicerequest import ServiceRequest

from downtime.cli import main
from downtime.services import printing, records, theatre, wards
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.fhir_theatre import NO_CHECKLIST
from tests.pdf_text import pdf_text
from tests.test_surgical_safety_checklist import SIGNED_IN

SATURDAY = date(2026, 11, 28)
UNCHECKED = "NO SAFETY CHECKLIST recorded"


@pytest.fixture
def done(session_for, admission_values):
    """An operation this morning in T1, recorded done at 09:10; the nurse, and the booking."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T08:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {
        "procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": session_id,
        "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 60}).record_id
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:10+01:00", "theatre": "T1"})
    return coord, nurse, booking


def _line(coord):
    (entry,) = theatre.day_list(coord.db, coord.forms, SATURDAY, "T1")[0][1]
    return entry


def _checked(nurse, booking, patient_id):
    return records.save_new(nurse, theatre.CHECKLIST_FORM, {**SIGNED_IN, "booking": booking}, patient_id=patient_id)


def test_an_operation_done_says_no_checklist_until_one_naming_it_is_recorded(done):
    """A checklist of another operation, or one withdrawn as entered in error, does not count."""
    coord, nurse, booking = done
    entry = _line(coord)
    assert entry.no_checklist and theatre.board_status(entry, "en", coord.clock()) == f"DONE 09:10 — {UNCHECKED}"
    patient_id = str(entry.state.record.patient_id)
    records.save_new(nurse, theatre.CHECKLIST_FORM, SIGNED_IN, patient_id=patient_id)
    assert _line(coord).no_checklist, "a checklist naming no operation is not this one's"
    checklist = _checked(nurse, booking, patient_id)
    entry = _line(coord)
    assert not entry.no_checklist and theatre.board_status(entry, "en", coord.clock()) == "DONE 09:10"
    records.mark_entered_in_error(nurse, checklist.record_id, "another patient's checklist")
    assert _line(coord).no_checklist


def test_an_operation_still_booked_is_not_asked_for_its_checklist(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    coord = session_for("coord")
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T15:00+01:00",
        "ends_at": "2026-11-28T18:00+01:00"}).record_id
    theatre.book(coord, patient, {
        "procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": session_id,
        "planned_start": "2026-11-28T15:00+01:00", "expected_minutes": 60})
    entry = _line(coord)
    assert not entry.no_checklist and theatre.board_status(entry, "en", coord.clock()) == "booked"


def test_the_printed_list_says_it_under_the_time_done(done, tmp_path):
    coord, nurse, booking = done
    text = " ".join(pdf_text(printing.print_theatre_list(coord, SATURDAY, tmp_path / "list.pdf")).split())
    assert f"DONE 09:10 {UNCHECKED}" in text
    _checked(nurse, booking, str(_line(coord).state.record.patient_id))
    assert UNCHECKED not in pdf_text(printing.print_theatre_list(coord, SATURDAY, tmp_path / "checked.pdf"))


def test_the_command_line_list_says_it(done, db_path, capsys):
    _, _, booking = done
    command = ["theatre", "list", "--date", SATURDAY.isoformat(), "--db", str(db_path), "--user", "coord", "--pin", "3333"]
    assert main([*command, "--json"]) == 0
    (line,) = map(json.loads, capsys.readouterr().out.splitlines())
    assert line["booking_id"] == booking and line["no_safety_checklist"] is True
    assert main(command) == 0
    assert capsys.readouterr().out.splitlines()[-2].endswith(f"DONE 09:10 — {UNCHECKED}")


def test_the_export_says_it_in_the_operations_note_until_the_checklist_is_typed(done, session_for, tmp_path):
    """The checklist typed after an export sends the operation again, an update without the
    note."""
    coord, nurse, booking = done

    def exported(name):
        folder = export(session_for("records"), tmp_path / name).folder
        bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
        check_codes(bundle)
        entry = next(entry for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{booking}")
        return entry["request"]["method"], ServiceRequest.model_validate(entry["resource"])

    method, found = exported("before")
    assert found.status == "completed" and found.note[-1].text == NO_CHECKLIST
    _checked(nurse, booking, str(_line(coord).state.record.patient_id))
    method, found = exported("after")
    assert method == "PUT" and NO_CHECKLIST not in [note.text for note in found.note]

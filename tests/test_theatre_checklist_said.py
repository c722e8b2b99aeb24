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
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.fhir_theatre import MISCOUNTED, NO_CHECKLIST, NO_SIGN_OUT
from tests.pdf_text import pdf_text
from tests.test_surgical_safety_checklist import SIGNED_IN

SATURDAY = date(2026, 11, 28)
UNCHECKED = "NO SAFETY CHECKLIST recorded"
UNSIGNED = "SIGN OUT NOT RECORDED (counts)"
MISCOUNTED_SAID = "COUNTS NOT CORRECT at sign out: see the checklist"
SIGNED_OUT = {"procedure_recorded": True, "counts_correct": "correct"}


@pytest.fixture
def booked(session_for, admission_values):
    """An operation this morning in T1 at 09:00: the coordinator, the nurse, the booking and the
    patient."""
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
    return coord, nurse, booking, patient


@pytest.fixture
def done(booked):
    """`booked`, recorded done at 09:10: the coordinator, the nurse and the booking."""
    coord, nurse, booking, _ = booked
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:10+01:00", "theatre": "T1"})
    return coord, nurse, booking


def _line(coord):
    (entry,) = theatre.day_list(coord.db, coord.forms, SATURDAY, "T1")[0][1]
    return entry


def _checked(nurse, booking, patient_id, **values):
    return records.save_new(nurse, theatre.CHECKLIST_FORM, {**SIGNED_IN, **SIGNED_OUT, "booking": booking, **values},
                            patient_id=patient_id)


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


def test_a_checklist_whose_sign_out_is_blank_says_so_until_its_counts_are_answered(done, session_for, tmp_path):
    """The sign-in and time-out typed from the paper, the sign-out page missing: it cleared NO
    SAFETY CHECKLIST, and nothing anywhere said the swab and needle counts were never answered."""
    coord, nurse, booking = done
    patient_id = str(_line(coord).state.record.patient_id)
    checklist = records.save_new(nurse, theatre.CHECKLIST_FORM, {**SIGNED_IN, "booking": booking},
                                 patient_id=patient_id)
    entry = _line(coord)
    assert not entry.no_checklist and entry.no_sign_out
    assert theatre.board_status(entry, "en", coord.clock()) == f"DONE 09:10 — {UNSIGNED}"
    assert f"DONE 09:10 {UNSIGNED}" in " ".join(pdf_text(printing.print_theatre_list(
        coord, SATURDAY, tmp_path / "list.pdf")).split())
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    found = next(entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{booking}")
    assert ServiceRequest.model_validate(found).note[-1].text == NO_SIGN_OUT
    records.amend(nurse, checklist.record_id, {**checklist.data, **SIGNED_OUT}, "sign out page found")
    assert theatre.board_status(_line(coord), "en", coord.clock()) == "DONE 09:10"


def test_an_operation_is_not_recorded_done_before_its_checklist_was_signed_in(booked):
    """The 09:00 operation began late: the nurse typed the paper checklist signed in 09:25, and
    the coordinator kept the done dialog's slot time. The checklist then stopped counting, and
    the board and the export said NO SAFETY CHECKLIST of a checklist recorded."""
    coord, nurse, booking, patient = booked
    _checked(nurse, booking, patient, checked_at="2026-11-28T09:25+01:00")
    with pytest.raises(ServiceError, match="Done at 28/11/2026 09:00: the safety checklist of this operation was "
                                           "signed in at 28/11/2026 09:25"):
        theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:00+01:00", "theatre": "T1"})
    at, where = theatre.done_defaults(coord.db, booking, coord.clock())
    assert f"{at:%H:%M}" == "09:25"
    theatre.record_done(coord, booking, {"done_at": at.isoformat(), "theatre": where})
    assert not _line(coord).no_checklist


@pytest.mark.parametrize("checked_at", ["2026-11-28T09:11+01:00", "2026-11-28T13:30+01:00"])
def test_a_checklist_signed_in_after_its_operation_was_done_asks_for_the_done_time_to_be_amended(done, checked_at):
    """The paper's sign-in is the team's record; the done time may be the dialog's guess. The
    nurse was refused and told to check her own true time, and the checklist was not recorded:
    asked instead, and once she says so, it counts."""
    coord, nurse, booking = done
    patient_id = str(_line(coord).state.record.patient_id)
    with pytest.raises(ValidationFailed) as asked:
        _checked(nurse, booking, patient_id, checked_at=checked_at)
    (error,) = asked.value.errors
    assert error.path == "notes" and "after the time the operation was recorded done (28/11 09:10)" in error.message
    assert "ask the surgical coordinator to amend the operation's done time" in error.message
    _checked(nurse, booking, patient_id, checked_at=checked_at, notes="Sign in time as on the paper checklist")
    assert not _line(coord).no_checklist


def test_counts_answered_not_correct_are_said_on_the_board_the_list_and_the_export(done, session_for, tmp_path):
    """A swab missing at sign out: the checklist answered the counts NOT correct, and the board,
    the printed list and the export said a plain DONE, as for counts that were right."""
    coord, nurse, booking = done
    patient_id = str(_line(coord).state.record.patient_id)
    checklist = _checked(nurse, booking, patient_id, counts_correct="not_correct",
                         notes="One swab missing, X-ray in recovery")
    entry = _line(coord)
    assert entry.counts_not_correct and not entry.no_sign_out
    assert theatre.board_status(entry, "en", coord.clock()) == f"DONE 09:10 — {MISCOUNTED_SAID}"
    assert f"DONE 09:10 {MISCOUNTED_SAID}" in " ".join(pdf_text(printing.print_theatre_list(
        coord, SATURDAY, tmp_path / "list.pdf")).split())
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    found = next(entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{booking}")
    assert ServiceRequest.model_validate(found).note[-1].text == MISCOUNTED
    records.amend(nurse, checklist.record_id, {**checklist.data, "counts_correct": "correct"}, "swab found, X-ray clear")
    assert theatre.board_status(_line(coord), "en", coord.clock()) == "DONE 09:10"


def test_counts_found_not_correct_after_a_checklist_said_correct_are_said(done, clock):
    """A second checklist of the operation, recorded after one that said the counts correct,
    answered NOT correct (a swab found missing in recovery), and the board said a plain DONE
    because one had said correct. Its own amendment (the swab found) clears it."""
    coord, nurse, booking = done
    patient_id = str(_line(coord).state.record.patient_id)
    _checked(nurse, booking, patient_id, counts_correct="correct")
    clock.advance(minutes=30)
    miscounted = _checked(nurse, booking, patient_id, counts_correct="not_correct",
                          notes="One swab missing, X-ray in recovery")
    assert theatre.board_status(_line(coord), "en", coord.clock()) == f"DONE 09:10 — {MISCOUNTED_SAID}"
    clock.advance(minutes=30)
    records.amend(nurse, miscounted.record_id, {**miscounted.data, "counts_correct": "correct"},
                  "swab found, X-ray clear")
    assert theatre.board_status(_line(coord), "en", coord.clock()) == "DONE 09:10"


def test_a_paper_checklist_typed_later_does_not_silence_counts_found_not_correct(done, clock):
    """The theatre laptop's Sign out says the counts NOT correct; hours later a clerk back-enters
    the paper checklist of the same sign-in, ticked correct before the swab was found missing.
    Nobody said the swab was found: the board still says so. Only a checklist signed in after it
    says correct in its stead."""
    coord, nurse, booking = done
    patient_id = str(_line(coord).state.record.patient_id)
    _checked(nurse, booking, patient_id, counts_correct="not_correct", notes="One swab missing, X-ray in recovery")
    clock.advance(hours=3)
    _checked(nurse, booking, patient_id, counts_correct="correct", notes="Paper checklist back-entered")
    assert theatre.board_status(_line(coord), "en", coord.clock()) == f"DONE 09:10 — {MISCOUNTED_SAID}"
    _checked(nurse, booking, patient_id, counts_correct="correct", checked_at="2026-11-28T09:05+01:00",
             notes="Second time-out, swab found")
    assert theatre.board_status(_line(coord), "en", coord.clock()) == "DONE 09:10"


def test_a_checklist_signed_in_days_before_its_slot_asks_why(done):
    """A sign-in two days before the operation is another day's paper, or the date slipped."""
    coord, nurse, booking = done
    patient_id = str(_line(coord).state.record.patient_id)
    with pytest.raises(ValidationFailed) as refused:
        _checked(nurse, booking, patient_id, checked_at="2026-11-26T09:00+01:00")
    (error,) = refused.value.errors
    assert error.path == "notes" and "more than 12 hours from the operation's slot (28/11 09:10)" in error.message
    _checked(nurse, booking, patient_id, checked_at="2026-11-26T09:00+01:00",
             notes="Sign in date as written on the paper checklist")
    assert not _line(coord).no_checklist

"""What the export says of a cancellation the patient was not told of yet, and of the date the
operation must be done by. The cancelled Appointment of a patient "Not yet" told went with its
patient participant "accepted" and the words "patient told: Not yet" (read as told), though the
patient will come in fasting; and no rebook-by date went at all, for the records office's
cancelled-operations return to count again."""

import json
from datetime import datetime

from downtime.services import records, theatre
from downtime.sync.export import export

FIRST_DATE = "2026-11-28T09:00:00+01:00"


def _bundle(session_for, folder):
    """The exported resources by id, and each Appointment by its start."""
    exported = export(session_for("records"), folder).folder
    bundle = json.loads((exported / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    return {entry["resource"].get("start") or entry["resource"].get("id"): entry["resource"]
            for entry in bundle["entry"] if entry["resource"]["resourceType"] in ("Appointment", "ServiceRequest")}


def _booked(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    sessions = [records.save_new(coord, "theatre_session", {
        "theatre": theatre_name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id for theatre_name, day in (("T1", "2026-11-28"), ("T2", "2026-12-02"))]
    booking = theatre.book(coord, patient, {
        "procedure": "Knee arthroscopy", "laterality": "left", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
        "session": sessions[0], "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 60}).record_id
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                    "last_minute": True, "patient_told": "not_yet"})
    return coord, booking, sessions


def _patient_status(appointment):
    return next(one["status"] for one in appointment["participant"] if "reference" in one["actor"])


def test_a_cancellation_not_told_yet_is_sent_so_with_its_rebook_by_date(session_for, admission_values, tmp_path):
    coord, booking, _ = _booked(session_for, admission_values)
    sent = _bundle(session_for, tmp_path / "untold")
    cancelled = sent[FIRST_DATE]
    assert cancelled["status"] == "cancelled"
    assert _patient_status(cancelled) == "needs-action"
    assert "patient not told yet" in cancelled["comment"] and "Not yet" not in cancelled["comment"]
    notes = [note["text"] for note in sent[booking]["note"]]
    assert any("Rebook by" in note and "2026-12-26" in note for note in notes), notes
    theatre.record_told(coord, booking, "phone", datetime.fromisoformat("2026-11-28T10:00+01:00"))
    told = _bundle(session_for, tmp_path / "told")[FIRST_DATE]
    assert _patient_status(told) == "accepted"
    assert "patient told: By phone" in told["comment"]


def test_a_cancellation_not_told_is_told_with_the_new_date(session_for, admission_values, tmp_path):
    """Told of the new date, the patient knows the first one is off; not told of it either, they
    know of neither."""
    coord, booking, sessions = _booked(session_for, admission_values)
    rebooking = {"outcome": "rebooked", "session": sessions[1], "planned_start": "2026-12-02T08:00+01:00",
                 "decided_at": "2026-11-28T13:00+01:00"}
    theatre.rebook(coord, booking, rebooking)
    assert _patient_status(_bundle(session_for, tmp_path / "neither")[FIRST_DATE]) \
        == "needs-action"
    theatre.record_told(coord, booking, "in_person", datetime.fromisoformat("2026-11-28T13:05+01:00"))
    assert _patient_status(_bundle(session_for, tmp_path / "new-date")[FIRST_DATE]) \
        == "accepted"


def test_an_operation_never_cancelled_on_the_day_sends_no_rebook_by(session_for, admission_values, tmp_path):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-12-02T08:00+01:00",
        "ends_at": "2026-12-02T13:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "session": session_id,
        "planned_start": "2026-12-02T08:00+01:00", "expected_minutes": 60}).record_id
    assert not any("Rebook by" in note["text"] for note in _bundle(session_for, tmp_path / "e")[booking]["note"])


def test_a_cancellation_not_told_is_told_with_a_transfer(session_for, admission_values, tmp_path):
    """Rung about the transfer, the patient knows this date is off, as the board counts them told;
    the transferred request goes with no date to rebook by."""
    coord, booking, _ = _booked(session_for, admission_values)
    theatre.rebook(coord, booking, {"outcome": "transferred", "other_hospital": "CH Sud Francilien",
                                    "patient_told": "phone", "told_at": "2026-11-28T13:00+01:00",
                                    "decided_at": "2026-11-28T13:00+01:00"})
    sent = _bundle(session_for, tmp_path / "transferred")
    assert _patient_status(sent[FIRST_DATE]) == "accepted"
    # Its words as its code: "patient not told yet" beside "accepted" had the office ring them, or doubt the code.
    comment = sent[FIRST_DATE]["comment"]
    assert "patient not told yet" not in comment, comment
    assert ("not told of the cancellation; told of the later transfer decided 2026-11-28T13:00:00+01:00 "
            "(patient told: By phone 2026-11-28T13:00:00+01:00)") in comment, comment
    assert sent[booking]["status"] == "revoked"
    assert not any("Rebook by" in note["text"] for note in sent[booking]["note"])


def test_a_request_not_to_be_done_sends_no_rebook_by(session_for, admission_values, tmp_path):
    coord, booking, sessions = _booked(session_for, admission_values)
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": sessions[1],
                                    "planned_start": "2026-12-02T08:00+01:00", "decided_at": "2026-11-28T13:00+01:00",
                                    "patient_told": "in_person", "told_at": "2026-11-28T13:05+01:00"})
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T13:30+01:00", "reason": "patient_declined",
                                    "declined": "operation", "last_minute": False, "patient_told": "in_person"})
    request = _bundle(session_for, tmp_path / "declined")[booking]
    assert request["status"] == "revoked"
    assert not any("Rebook by" in note["text"] for note in request["note"])


def test_the_rebook_by_note_names_its_rule_and_keeps_the_28_days(session_for, admission_values, tmp_path):
    """A P2 decided 20/11 is due 18/12; cancelled on the day 28/11, the return of operations
    cancelled on the day needs its 28th day, 26/12, which an earlier clinical date hid."""
    coord, booking, _ = _booked(session_for, admission_values)
    latest = theatre.booking_facts(coord.db, booking).record
    records.amend(coord, booking, {**latest.data, "clinical_priority": "p2"}, "Class on the consent form")
    notes = [note["text"] for note in _bundle(session_for, tmp_path / "p2")[booking]["note"]]
    assert "Rebook by 2026-12-18 (clinical priority: P2 — within 4 weeks)" in notes, notes
    assert "28 days after a last-minute cancellation for a non-clinical reason: 2026-12-26" in notes, notes

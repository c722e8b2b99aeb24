"""An operation whose first booked date already misses its deadline (a P1a, FSSA clinical
priority, due within 24 hours of the decision, booked three days on) is flagged as a rebooked one
after its rebook-by date is: the board, the printed list and `downtime theatre list` said
nothing, the P1a waiting in silence."""

from downtime.services import records, theatre


def _booked(session_for, admission_values, clinical_priority: str, start: str) -> theatre.ListEntry:
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-12-01T08:00+01:00",
        "ends_at": "2026-12-01T18:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {
        "procedure": "Laparotomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-28T13:30+01:00", "surgeon": "Dr Roux", "anaesthetist": None,
        "clinical_priority": clinical_priority, "session": session_id,
        "planned_start": f"2026-12-01T{start}+01:00", "expected_minutes": 90}).record_id
    line = theatre.booking_line(coord.db, coord.forms, booking, coord.clock())
    assert line is not None
    return line


def test_a_p1a_booked_past_its_24_hours_is_flagged(session_for, admission_values, clock):
    line = _booked(session_for, admission_values, "p1a", "09:00")
    assert theatre.flagged(line, "en", clock.now) == ["BOOKED AFTER ITS DEADLINE 29/11/2026 13:30"]
    assert theatre.board_status(line, "en", clock.now) == "booked — BOOKED AFTER ITS DEADLINE 29/11/2026 13:30"


def test_a_p2_booked_within_its_4_weeks_is_not(session_for, admission_values, clock):
    line = _booked(session_for, admission_values, "p2", "09:00")
    assert theatre.flagged(line, "en", clock.now) == []


def test_the_export_says_it_too(session_for, admission_values, tmp_path):
    import json

    from downtime.sync.export import export

    line = _booked(session_for, admission_values, "p1a", "09:00")
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "ServiceRequest"
                  and entry["resource"]["id"] == line.state.record.record_id]
    assert ("Booked after its deadline 2026-11-29T13:30:00+01:00 (clinical priority: P1a — within 24 hours)"
            in [note["text"] for note in request["note"]])

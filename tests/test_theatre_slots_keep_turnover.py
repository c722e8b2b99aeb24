"""The slots offered to rebook an operation keep the turnover between cases in a theatre, as the
list's overrun check counts it: a list of four back-to-back hours offered its last hour, which
then read "LIST OVERRUNS" (R4 D5)."""

from datetime import date

from downtime.domain.theatre import TURNOVER
from downtime.services import records, theatre


def _session(coord, name: str, day: str) -> str:
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery",
        "starts_at": f"{day}T08:00+01:00", "ends_at": f"{day}T13:00+01:00"}).record_id


def _book(coord, patient_id: str, session_id: str, start: str, procedure: str, surgeon: str):
    return theatre.book(coord, patient_id, {
        "procedure": procedure, "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": surgeon, "anaesthetist": None, "anaesthetic": "local",
        "session": session_id, "planned_start": start, "expected_minutes": 60})


def test_slot_offered_leaves_the_turnover_and_the_list_ends_in_time(session_for, admission_values, clock):
    nurse, coord = session_for("nurse"), session_for("coord")
    patients = [records.save_new(nurse, "admission", {**admission_values, "birth_name": f"Patient{n}", "used_name": "",
                                                      "nir": "", "bed": str(n + 1)}).patient_id for n in range(4)]
    monday = _session(coord, "T1", "2026-11-30")
    # 08:00, 09:15, 10:30: each a turnover after the one before; 11:45-12:45 would fit with its
    # turnover, 11:30 would not.
    for n, start in enumerate(("08:00", "09:15", "10:30")):
        _book(coord, patients[n], monday, f"2026-11-30T{start}+01:00", f"Procedure {n}", f"Dr Surgeon{n}")
    _session(coord, "T1", "2026-12-01")
    waiting = _book(coord, patients[3], _session(coord, "T3", "2026-11-28"), "2026-11-28T12:00+01:00",
                    "Carpal tunnel release", "Dr Roux")
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T11:00+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    found = theatre.suggestions(coord.db, waiting.record_id, clock.now)
    first = found.slots[0]
    assert (first.theatre, f"{first.start:%d/%m %H:%M}") == ("T1", "30/11 11:45")
    theatre.rebook(coord, waiting.record_id, {"outcome": "rebooked", "session": first.session_id,
                                              "planned_start": first.start.isoformat(),
                                              "decided_at": "2026-11-28T14:00+01:00"})
    for session, entries in theatre.day_list(coord.db, coord.forms, date(2026, 11, 30), None, now=clock.now):
        for entry in entries:
            assert not any("OVERRUNS" in said for said in theatre.alerts(entry, "en", clock.now))
    assert TURNOVER.total_seconds() == 15 * 60  # the times above are written for it


def test_a_full_list_offers_the_next_one(session_for, admission_values, clock):
    """Four hours back to back on a five-hour list: no slot there, the next day's list first."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patients = [records.save_new(nurse, "admission", {**admission_values, "birth_name": f"Patient{n}", "used_name": "",
                                                      "nir": "", "bed": str(n + 1)}).patient_id for n in range(5)]
    monday = _session(coord, "T1", "2026-11-30")
    for n, start in enumerate(("08:00", "09:00", "10:00", "11:00")):
        _book(coord, patients[n], monday, f"2026-11-30T{start}+01:00", f"Procedure {n}", f"Dr Surgeon{n}")
    _session(coord, "T1", "2026-12-01")
    waiting = _book(coord, patients[4], _session(coord, "T3", "2026-11-28"), "2026-11-28T12:00+01:00",
                    "Carpal tunnel release", "Dr Roux")
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T11:00+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    first = theatre.suggestions(coord.db, waiting.record_id, clock.now).slots[0]
    assert (first.theatre, f"{first.start:%d/%m %H:%M}") == ("T1", "01/12 08:00")

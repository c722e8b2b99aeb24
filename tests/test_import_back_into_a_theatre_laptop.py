"""A laptop holding theatre sessions (records of no patient) imports another laptop's export
that carries its own records back: the import looked up every patient the laptop had charted,
theatre sessions' "no patient" among them, and stopped on a TypeError (review S_TH1): two
coordinators could not exchange sticks both ways."""

from downtime.services import records, theatre
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_theatre_merge import _coordinator

BOOKING = {"procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
           "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None,
           "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 60}


def test_a_coordinators_laptop_imports_a_stick_carrying_its_own_sessions_back(tmp_path, laptop, admission_values, clock):
    (nurse1, clerk1), (nurse2, clerk2) = laptop(tmp_path / "1.sqlite", 1), laptop(tmp_path / "2.sqlite", 2)
    coordinator1, coordinator2 = _coordinator(nurse1, clock), _coordinator(nurse2, clock)
    patient = records.save_new(nurse1, "admission", admission_values).patient_id
    session = records.save_new(coordinator1, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery",
        "starts_at": "2026-11-30T08:00+01:00", "ends_at": "2026-11-30T13:00+01:00"}).record_id
    booking = theatre.book(coordinator1, patient, {**BOOKING, "session": session}).record_id
    import_export(clerk2, export(clerk1, tmp_path / "first").folder)
    theatre.cancel(coordinator2, booking, {"cancelled_at": "2026-11-28T12:00+01:00", "reason": "information_system",
                                           "last_minute": True, "patient_told": "in_person"})

    import_export(clerk1, export(clerk2, tmp_path / "back").folder)

    assert theatre.booking_facts(nurse1.db, booking).times_cancelled == 1

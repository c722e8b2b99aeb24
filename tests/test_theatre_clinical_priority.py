"""The surgical clinical priority (FSSA P1a-P4, operation_booking version 3): a P2 cholecystectomy
after gallstone pancreatitis, cancelled ahead of its day, had no rebook-by date and came below a
P4 hernia that had waited longer; the booking held P2 only in its notes, and the export sent
both as routine."""

import json
from datetime import datetime

import pytest

from downtime.services import records, theatre
from downtime.sync.export import export


def _cancelled_ahead(coord, patient, session_id, procedure, decided, clinical_priority, start):
    values = {"procedure": procedure, "laterality": "not_applicable", "priority": "elective", "decided_at": decided,
              "surgeon": "Dr Roux", "anaesthetist": None, "session": session_id,
              "planned_start": f"2026-12-03T{start}+01:00", "expected_minutes": 90}
    booking = theatre.book(coord, patient, {**values, **({"clinical_priority": clinical_priority}
                                                          if clinical_priority else {})}).record_id
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T12:30+01:00", "reason": "information_system",
                                    "last_minute": False, "patient_told": "phone"})
    return booking


def _two_patients_and_a_session(session_for, admission_values) -> tuple:
    """Two patients in beds 1 and 2 and a T1 session on 03/12: (coordinator, patients, session id)."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patients = [records.save_new(nurse, "admission", {**admission_values, "bed": str(bed),
                                                      "birth_name": f"Patient{bed}"}).patient_id for bed in (1, 2)]
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-12-03T08:00+01:00",
        "ends_at": "2026-12-03T18:00+01:00"}).record_id
    return coord, patients, session_id


@pytest.fixture
def two_waiting(session_for, admission_values):
    coord, patients, session_id = _two_patients_and_a_session(session_for, admission_values)
    hernia = _cancelled_ahead(coord, patients[0], session_id, "Inguinal hernia repair", "2026-05-01T10:00+01:00",
                              "p4", "08:00")
    gallbladder = _cancelled_ahead(coord, patients[1], session_id, "Laparoscopic cholecystectomy",
                                   "2026-11-25T10:00+01:00", "p2", "10:00")
    return coord, hernia, gallbladder


def test_a_p2_case_has_a_rebook_by_date_and_comes_before_a_p4_one(two_waiting, clock):
    coord, hernia, gallbladder = two_waiting
    waiting, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert [item.state.record.record_id for item in waiting] == [gallbladder, hernia]
    assert waiting[0].state.rebook_by == datetime.fromisoformat("2026-12-23T23:59+01:00"), "4 weeks from the decision"
    assert waiting[1].state.rebook_by is None, "P4: more than 3 months, no date"


def test_a_deadline_to_the_hour_comes_before_one_at_the_end_of_its_day(session_for, admission_values, clock):
    """A P1b due 28/11 at 10:00 came after a P2 due that night that had waited longer: by the day
    alone, the longest wait first."""
    coord, patients, session_id = _two_patients_and_a_session(session_for, admission_values)
    tonight = _cancelled_ahead(coord, patients[0], session_id, "Laparoscopic cholecystectomy", "2026-10-31T10:00+01:00",
                               "p2", "08:00")
    at_ten = _cancelled_ahead(coord, patients[1], session_id, "Laparotomy", "2026-11-25T10:00+01:00", "p1b", "10:00")
    waiting, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert [(item.state.record.record_id, f"{item.state.rebook_by:%d/%m %H:%M}") for item in waiting] == [
        (at_ten, "28/11 10:00"), (tonight, "28/11 23:59")]


@pytest.mark.parametrize("clinical_priority, by", [("p1a", "2026-11-26T10:00+01:00"),
                                                   ("p1b", "2026-11-28T10:00+01:00"),
                                                   ("p3", "2027-02-24T23:59+01:00")])
def test_each_class_gives_its_deadline(session_for, admission_values, clinical_priority, by):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-12-03T08:00+01:00",
        "ends_at": "2026-12-03T18:00+01:00"}).record_id
    booking = _cancelled_ahead(coord, patient, session_id, "Laparotomy", "2026-11-25T10:00+01:00", clinical_priority,
                               "08:00")
    assert theatre.booking_facts(coord.db, booking).rebook_by == datetime.fromisoformat(by)


def test_the_export_sends_the_clinical_priority_and_its_rebook_by_date(two_waiting, session_for, tmp_path):
    _, hernia, gallbladder = two_waiting
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    requests = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]
                if entry["resource"]["resourceType"] == "ServiceRequest"}
    details = [detail["text"] for detail in requests[gallbladder]["orderDetail"]]
    assert "Clinical priority (FSSA): P2 — within 4 weeks" in details
    assert any(note["text"].startswith("Rebook by 2026-12-23") for note in requests[gallbladder]["note"])
    assert "Clinical priority (FSSA): P4 — can wait more than 3 months" in [
        detail["text"] for detail in requests[hernia]["orderDetail"]]


def test_a_deadline_within_a_day_is_said_to_the_hour(session_for, admission_values, clock):
    """A P1a decided 28/11 03:00 is due 29/11 03:00: rebooked for 29/11 10:00, its line said
    "AFTER REBOOK-BY DATE 29/11/2026", which read as on time, and the rescheduling list lost the hour."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    first, second = (records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id for name, day in (("T1", "2026-11-28"), ("T2", "2026-11-29")))
    booking = theatre.book(coord, patient, {
        "procedure": "Laparotomy", "laterality": "not_applicable", "priority": "elective", "clinical_priority": "p1a",
        "decided_at": "2026-11-28T03:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None, "session": first,
        "planned_start": "2026-11-28T12:00+01:00", "expected_minutes": 60}).record_id
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T11:00+01:00", "reason": "emergency_priority",
                                    "last_minute": True, "patient_told": "in_person"})
    (waiting,), _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert waiting.rebook_by("en").startswith("29/11/2026 03:00")
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": second, "planned_start": "2026-11-29T10:00+01:00",
                                    "decided_at": "2026-11-28T13:00+01:00", "patient_told": "in_person",
                                    "told_at": "2026-11-28T13:05+01:00"})
    (_, (line,)), = theatre.day_list(coord.db, coord.forms, datetime(2026, 11, 29).date())
    assert theatre.late_said(line, "en") == ["AFTER REBOOK-BY DATE 29/11/2026 03:00"]


@pytest.mark.parametrize("decided, said", [
    ("2026-10-24T10:00+02:00", "25/10/2026 09:00"),  # 24 hours on, the clocks gone back overnight
    ("2026-11-28T09:00+00:00", "29/11/2026 10:00"),  # decided on a laptop set to UTC
    ("2026-03-28T10:00+01:00", "29/03/2026 11:00")])  # the clocks gone forward
def test_a_deadline_to_the_hour_is_said_on_the_wards_clock(decided, said):
    """A P1a's 24 hours from a decision typed on another offset than the deadline's read on the
    decision's: "25/10/2026 10:00" for a deadline at 09:00 on the ward's clock."""
    deadline = theatre.clinical_deadline({"clinical_priority": "p1a"}, datetime.fromisoformat(decided))
    assert theatre.deadline_said(deadline) == said
    assert theatre.deadline_said(theatre.clinical_deadline({"clinical_priority": "p2"},
                                                           datetime.fromisoformat(decided))).count(":") == 0

"""An operation cancelled during the stay and not rebooked is the ward's to say only for a slot
the ward would have prepared the patient for: one within the handover's window
(`printing.THEATRE_AHEAD`) or already past during the stay. Said of an elective repair set two
weeks on, the line stood on every handover of the stay and asked whether a patient never fasting
may eat."""

from datetime import datetime, timedelta

import pytest

from downtime.services import census, printing, records, theatre
from tests.test_theatre_cancelled_not_rebooked_said import _session

ADMITTED = datetime.fromisoformat("2026-11-28T10:30+01:00")


def _cancelled_from(coord, patient_id: str, start: str) -> str:
    """A hernia repair booked for `start`, cancelled at 13:20 on the day of the admission (10:30)."""
    booking = theatre.book(coord, patient_id, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None,
        "anaesthetic": "general", "session": _session(coord, "T1", start[:10]),
        "planned_start": start, "expected_minutes": 60})
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T13:20+01:00", "reason": "patient_unfit",
                                              "last_minute": start.startswith("2026-11-28"), "patient_told": "in_person"})
    return booking.record_id


@pytest.mark.parametrize(("start", "said"), [
    ("2026-11-29T08:00+01:00", True),  # tomorrow: the night nurse fasts the patient for it
    ("2026-11-28T12:00+01:00", True),  # past, during the stay: the patient may be fasting still
    ("2026-12-14T08:00+01:00", False),  # two weeks on: nothing prepared yet
    ("2026-11-28T08:00+01:00", False)])  # before the patient came in
def test_said_only_for_a_slot_near_or_during_the_stay(session_for, admission_values, clock, start, said):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", {**admission_values,
                                                       "arrival_at": ADMITTED.isoformat()}).patient_id
    booking_id = _cancelled_from(coord, patient_id, start)
    found = theatre.awaiting_new_date(nurse.db, {patient_id: ADMITTED}, until=clock() + timedelta(hours=48))
    assert [facts.record.record_id for facts in found.get(patient_id, [])] == ([booking_id] if said else [])


@pytest.mark.parametrize(("now", "asked"), [("2026-11-29T01:19+01:00", True), ("2026-11-29T01:21+01:00", False)])
def test_eating_is_asked_for_12_hours_from_a_cancellation_after_its_slot(session_for, admission_values, clock, now,
                                                                         asked):
    """Cancelled at 13:20 from a slot at 12:00: the 12 hours run from the cancellation, the later."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", {**admission_values,
                                                       "arrival_at": ADMITTED.isoformat()}).patient_id
    _cancelled_from(coord, patient_id, "2026-11-28T12:00+01:00")
    clock.now = datetime.fromisoformat(now)
    patient = census.all_patients(nurse.db, nurse.forms, [patient_id])[patient_id]
    said = printing.theatre_handover(nurse.db, nurse.forms, [patient], clock(), "en")[patient_id]
    assert said.endswith("whether the patient may eat and drink") is asked

"""What a patient's charts still ask as they leave the hospital (services.leaving), read at the
time they left: a drip still up, an operation still booked, and no dose that fell due after they
had gone."""

from datetime import datetime

import pytest

from downtime.services import leaving, medication, prefill, records, theatre
from tests.test_discharge_medicines import LEFT_AT_TWO, typed_late  # noqa: F401 (a fixture)

SALINE = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T09:00+01:00",
          "controlled": False, "high_alert": False}
HIP = {"procedure": "Hip hemiarthroplasty", "laterality": "left", "priority": "urgent",
       "decided_at": "2026-11-27T10:00+01:00", "surgeon": "Dr A", "planned_start": "2026-11-30T08:00+01:00",
       "expected_minutes": 90}
BOOKED = ("Booked: Hip hemiarthroplasty, LEFT, 30/11 08:00, T1: tell the patient when to come back, or tell the "
          "surgical coordinator to cancel")


@pytest.mark.parametrize(("typed", "read_at"), [
    ("2026-11-28T14:00+01:00", "2026-11-28T14:00+01:00"),   # typed at 22:00: read when she left
    ("2026-11-29T14:00+01:00", "2026-11-28T22:00+01:00"),   # a time to come (refused on saving): now
    (None, "2026-11-28T22:00+01:00")])                       # not typed yet: now
def test_a_patient_leaves_at_the_time_typed_never_later_than_now(forms, typed, read_at):
    now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    assert leaving.left_at(forms["discharge"], {"discharged_at": typed}, now) == datetime.fromisoformat(read_at)


def test_a_discharge_typed_late_asks_of_the_doses_missed_before_the_patient_left(session_for, typed_late):  # noqa: F811 (the fixture)
    """The 12:00 levodopa missed is asked of; the 16:00 and 20:00, due after she left, are not."""
    nurse = session_for("nurse")
    asked = leaving.still_asked(nurse.db, nurse.forms, typed_late, LEFT_AT_TWO, "en")
    assert "(due 28/11 12:00)" in asked
    assert "16:00" not in asked and "20:00" not in asked


@pytest.fixture
def drip_up(session_for, medication_ward, clock):
    """A litre of saline ordered at 125 mL/h, its bag put up at 10:00 charted without a rate of
    its own and never taken down; the clock at 14:00. Returns the patient's id."""
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", SALINE, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    medication.record_dose(session_for("nurse"), order, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "dose_given": 1000.0, "route": "IV"})
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    return patient


def test_a_drip_still_running_is_asked_of_before_the_patient_leaves(session_for, drip_up, clock):
    """As a unit of blood running is: the discharge was saved with a litre of saline up, unasked."""
    nurse = session_for("nurse")
    asked = leaving.still_asked(nurse.db, nurse.forms, drip_up, clock.now, "en")
    assert ("• INFUSION RUNNING: Sodium chloride 0.9% 1000 mL IV at 125 mL/h, running at 125 mL/h since 10:00: "
            "record its stop, or take it down") in asked


def test_a_bag_charted_without_its_own_rate_runs_at_the_orders(session_for, drip_up):
    """The letter said "last given 28/11/2026 10:00" and nothing of the bag still running."""
    nurse = session_for("nurse")
    medicines = prefill.first_answers(nurse, nurse.form("discharge"), drip_up)["medicines_on_discharge"]
    assert "— last given 28/11/2026 10:00 — running at 125 mL/h since 10:00" in medicines


@pytest.fixture
def booked_for_monday(session_for, medication_ward):
    """`medication_ward`'s patient on Monday 30/11 08:00's list in T1 (left hip, urgent), as an
    in-patient; the clock on Saturday 28/11. Returns (patient id, booking id)."""
    coordinator = session_for("coord")
    patient = medication_ward[0]
    listed = records.save_new(coordinator, "theatre_session", {
        "theatre": "T1", "specialty": "Orthopaedics", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T14:00+01:00"}).record_id
    return patient, theatre.book(coordinator, patient, {**HIP, "session": listed}).record_id


def test_an_operation_booked_is_asked_of_and_starts_the_follow_up(session_for, booked_for_monday, clock):
    """Sent home on Saturday for Monday's list, she left not knowing when to come back: the Save
    prompt and the follow-up box name the operation."""
    nurse = session_for("nurse")
    patient, _ = booked_for_monday
    assert f"• {BOOKED}" in leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en")
    assert prefill.first_answers(nurse, nurse.form("discharge"), patient)["follow_up"] == BOOKED
    assert "follow_up" not in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)


def test_an_operation_cancelled_or_begun_before_the_patient_left_is_not_named(session_for, booked_for_monday, clock):
    nurse = session_for("nurse")
    patient, booking = booked_for_monday
    assert theatre.booked_from(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-30T08:30+01:00"),
                               "en") == []
    theatre.cancel(session_for("coord"), booking, {"cancelled_at": "2026-11-28T12:00+01:00",
                                                   "reason": "information_system", "last_minute": False,
                                                   "patient_told": "phone"})
    assert theatre.booked_from(nurse.db, nurse.forms, patient, clock.now, "en") == []
    assert "follow_up" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)

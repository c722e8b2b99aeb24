"""A bag's MedicationAdministration is `stopped` (FHIR: "permanently halted, before all of them
occurred") only when it was: taken down by its own stop or its order's before the time it would
have run in, ended by the patient's death (or charted stopped at it), or, with no run-in known (a
syringe driver dosed by mass), with drug left in it destroyed in the register. A litre taken down
two hours in went `completed`, its whole 1000 mL; a drip or driver going, running, with a patient
discharged alive went `stopped` until its stop was charted."""

import json
from datetime import datetime

import pytest

from downtime.services import cd_register, medication, records
from downtime.sync.export import export
from tests.conftest import death_answers
from tests.test_infusion_rates import FLUIDS, _change, fluids_running, syringe_running  # noqa: F401 (fixtures)


def _status(session_for, folder, dose_id: str) -> str:
    """The bag's status in the bundle exported now."""
    bundle = json.loads((export(session_for("records"), folder).folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    (sent,) = [entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{dose_id}"]
    return sent["status"]


def _driver(nurse, patient: str, driver: str) -> str:
    (syringe,) = [dose for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver]
    return syringe.record_id


def _died(nurse, patient: str) -> None:
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)


def _discharged(nurse, patient: str, at: str) -> None:
    records.save_new(nurse, "discharge", {"discharged_at": at, "destination": "care_home", "letter_given": True,
                                          "medicines_given": True}, patient_id=patient)


def test_a_bag_taken_down_by_its_own_stop_before_it_ran_in_is_stopped(fluids_running, session_for, tmp_path):
    nurse, _, order_id, bag = fluids_running  # 1 L at 125 mL/h from 08:00: runs in at 16:00
    _change(nurse, order_id, "2026-11-28T10:05+01:00", "stopped", None, "Cannula tissued, not resited")
    assert _status(session_for, tmp_path / "export", bag.record_id) == "stopped"


def test_a_bag_ended_by_its_order_stopped_before_it_ran_in_is_stopped(fluids_running, session_for, tmp_path):
    nurse, _, order_id, bag = fluids_running
    records.amend(session_for("doctor"), order_id, FLUIDS | {"stop_at": "2026-11-28T10:00+01:00"}, "Overloaded")
    _change(nurse, order_id, "2026-11-28T10:05+01:00", "stopped", None, "Order stopped: overloaded")
    assert _status(session_for, tmp_path / "export", bag.record_id) == "stopped"


def test_a_bag_charted_stopped_after_it_ran_in_is_completed(fluids_running, session_for, clock, tmp_path):
    nurse, _, order_id, bag = fluids_running
    clock.now = datetime.fromisoformat("2026-11-28T17:00+01:00")
    _change(nurse, order_id, "2026-11-28T16:30+01:00", "stopped", None, "Bag empty")
    assert _status(session_for, tmp_path / "export", bag.record_id) == "completed"


def test_a_drip_going_running_with_a_patient_discharged_alive_is_not_halted(fluids_running, session_for, clock,
                                                                             tmp_path):
    nurse, patient, order_id, bag = fluids_running
    _discharged(nurse, patient, "2026-11-28T12:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T12:30+01:00")
    assert _status(session_for, tmp_path / "unstopped", bag.record_id) == "completed"
    _change(nurse, order_id, "2026-11-28T12:00+01:00", "stopped", None, "Gone with the patient, running")
    assert _status(session_for, tmp_path / "stopped", bag.record_id) == "completed"


def test_a_driver_going_with_a_patient_discharged_alive_is_not_halted(syringe_running, session_for, clock, tmp_path):
    nurse, patient, driver = syringe_running
    _discharged(nurse, patient, "2026-11-28T13:30+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    assert _status(session_for, tmp_path / "export", _driver(nurse, patient, driver)) == "completed"


@pytest.mark.parametrize("at", ["13:00", "13:20"])
def test_a_driver_charted_stopped_at_or_after_the_death_was_halted_by_it(syringe_running, session_for, tmp_path, at):
    nurse, patient, driver = syringe_running
    _died(nurse, patient)
    _change(nurse, driver, f"2026-11-28T{at}+01:00", "stopped", None, "Patient died 13:00")
    assert _status(session_for, tmp_path / "export", _driver(nurse, patient, driver)) == "stopped"


@pytest.mark.parametrize(("left", "status"), [(8.0, "stopped"), (0.0, "completed"), (None, "completed")])
def test_a_driver_of_no_known_run_in_stopped_is_halted_when_the_register_destroyed_what_was_left(
        syringe_running, session_for, tmp_path, left, status):
    """A 10 mg/24 h driver taken down at 12:00: halted with 8 mg of it destroyed, witnessed; found
    empty ("Nothing left in the infusion", a witnessed 0) or with no line, taken to have run through."""
    nurse, patient, driver = syringe_running
    _change(nurse, driver, "2026-11-28T12:00+01:00", "stopped", None, "Agitated: switched to midazolam")
    dose_id = _driver(nurse, patient, driver)
    if left is not None:
        cd_register.cd_waste(nurse, dose_id, left, witness=("doctor", "2222"))
    assert _status(session_for, tmp_path / "export", dose_id) == status

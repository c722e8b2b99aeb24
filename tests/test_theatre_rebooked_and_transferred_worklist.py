"""An operation one laptop rebooked and another sent to another hospital (REBOOKED AND
TRANSFERRED) is not two plain items of the back-entry worklist: the clerk working down the list
entered a new date and a transfer, and the EHR held the operation here and elsewhere. Neither is
entered until a coordinator, having rung the patient with the decision kept, withdraws the other;
then the one kept is."""

import pytest

from downtime.services import back_entry, records, theatre
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_theatre_merge import _cancelled_then_shared, _coordinator, _list_session


def _decisions(office, booking: str) -> dict[str, back_entry.WorkItem]:
    patient = str(theatre.booking_facts(office.db, booking).record.patient_id)
    (work,) = back_entry.worklist_of(office, [patient])
    return {item.record.data["outcome"]: item for item in work.items if item.record.form_id == "operation_rebooking"}


@pytest.fixture
def rebooked_and_transferred(tmp_path, laptop, admission_values, clock):
    """Laptop 1 rebooks the cancelled operation to 02/12, laptop 2 sends it to Hôpital Nord; the
    office imports both."""
    _, clerk1, coord1, nurse2, clerk2, booking = _cancelled_then_shared(tmp_path, laptop, admission_values, clock)
    theatre.rebook(coord1, booking, {"outcome": "rebooked", "session": _list_session(coord1, "T1", "2026-12-02"),
                                     "planned_start": "2026-12-02T08:00+01:00", "patient_told": "phone",
                                     "told_at": "2026-11-28T10:00+01:00", "decided_at": "2026-11-28T10:00+01:00"})
    theatre.rebook(_coordinator(nurse2, clock), booking, {
        "outcome": "transferred", "other_hospital": "Hôpital Nord", "patient_told": "phone",
        "told_at": "2026-11-28T11:00+01:00", "decided_at": "2026-11-28T11:00+01:00"})
    office_nurse, office = laptop(tmp_path / "office.sqlite", 900)
    for n, clerk in ((1, clerk1), (2, clerk2)):
        import_export(office, export(clerk, tmp_path / f"export-{n}").folder)
    return office_nurse, office, booking


def test_neither_is_entered_until_one_is_withdrawn(rebooked_and_transferred):
    _, office, booking = rebooked_and_transferred
    held = ("enter neither until a coordinator has rung the patient with the decision kept and marked the other "
            "entered in error, then enter the one kept")
    said = {outcome: item.to_do_in("en") for outcome, item in _decisions(office, booking).items()}
    assert said["rebooked"].startswith("do not enter — ")
    assert ("rebooked and transferred: the operation was sent to Hôpital Nord on laptop 2 (no. 002) by Coordinator "
            f"(coord, laptop 002), 28/11/2026 14:00: {held}") in said["rebooked"]
    assert said["transferred"].startswith("do not enter — ")
    assert ("rebooked and transferred: a new date was given on laptop 1 (no. 001) by Coordinator (coord, laptop 001), "
            f"28/11/2026 14:00: {held}") in said["transferred"]
    assert all(item.action_in("fr") == "à ne pas saisir" for item in _decisions(office, booking).values())


def test_the_one_kept_is_entered(rebooked_and_transferred, clock):
    office_nurse, office, booking = rebooked_and_transferred
    rebooking = _decisions(office, booking)["rebooked"].record.record_id
    records.mark_entered_in_error(_coordinator(office_nurse, clock), rebooking, "Patient goes to Hôpital Nord")
    (kept,) = _decisions(office, booking).values()
    assert kept.record.data["outcome"] == "transferred"
    assert kept.action_in("en") == "enter" and "rebooked and transferred" not in kept.to_do_in("en")

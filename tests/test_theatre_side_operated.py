"""The side operated, recorded done (the operation done form's version 2), is the Procedure's body
site: the EHR got the booking's side as it stood at export, amended on another laptop after the
operation, or LEFT for a knee recorded done "WRONG SITE: right knee operated"."""

import json
from pathlib import Path

from downtime.services import records, theatre
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_theatre_side_after_checked import checked_right_knee, left_knee_booked
from tests.test_theatre_side_changed_elsewhere import side_changed_after_the_time_out


def _body_sites(clerk, folder: Path) -> dict[str, list[dict[str, str]]]:
    """The body site of the export's ServiceRequest and Procedure, by resource type."""
    bundle = json.loads((export(clerk, folder).folder / "fhir" / "bundle.json").read_text())
    return {entry["resource"]["resourceType"]: entry["resource"].get("bodySite") for entry in bundle["entry"]
            if entry["resource"]["resourceType"] in ("ServiceRequest", "Procedure")}


def test_the_side_operated_is_the_bookings_unless_said_and_is_the_procedures_site(tmp_path, laptop, admission_values,
                                                                                  clock):
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    done = theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    assert done.data[theatre.SIDE_OPERATED] == "left"
    records.amend(coord, done.record_id, {**done.data, theatre.SIDE_OPERATED: "right",
                                          "notes": "WRONG SITE: right knee operated, incident reported"},
                  "side operated")
    assert _body_sites(clerk, tmp_path / "export") == {"ServiceRequest": [{"text": "LEFT: Knee arthroscopy"}],
                                                       "Procedure": [{"text": "RIGHT: Knee arthroscopy"}]}


def test_a_side_amended_on_another_laptop_after_the_operation_leaves_the_procedure_on_the_side_operated(
        tmp_path, laptop, admission_values, clock):
    folders, _ = side_changed_after_the_time_out(tmp_path, laptop, admission_values, clock)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        import_export(office, folder)
    assert _body_sites(office, tmp_path / "office-export") == {
        "ServiceRequest": [{"text": "RIGHT: Knee arthroscopy"}], "Procedure": [{"text": "LEFT: Knee arthroscopy"}]}


def test_a_side_operated_left_to_choose_and_not_chosen_sends_no_side(tmp_path, laptop, admission_values, clock):
    """The time out said "Right knee" of a LEFT booking and nobody chose the side operated: the
    Procedure went to the EHR on the booking's LEFT, the side the time out had caught as wrong."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    coord, patient, booking = left_knee_booked(nurse, admission_values, clock)
    checked_right_knee(nurse, patient, booking)
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    assert _body_sites(clerk, tmp_path / "export") == {"ServiceRequest": [{"text": "LEFT: Knee arthroscopy"}],
                                                       "Procedure": None}

"""A reconciliation amended so that a line it decided is no longer on its list, or entered in
error, left that line's statement active in the EHR (its id is the record's and the line's): the
EHR kept "Apixaban 5 mg bd on hold" and "Metformin stopped" from a reconciliation withdrawn as
another patient's. Each line an earlier version decided and the current one does not goes again
withdrawn; entered in error, every line any version decided."""

import json
from datetime import datetime

from fhir.resources.R4B.medicationstatement import MedicationStatement

from downtime.services import records
from downtime.sync.export import export
from tests.test_medicines_reconciliation import AT, CONTINUED, HELD, STOPPED, USUAL, _reconcile, admitted  # noqa: F401


def _sent(session, folder) -> dict[str, tuple[str, str]]:
    """Each reconciliation statement (the one with a note) of a since-last export by its line:
    status and request method."""
    bundle = json.loads((export(session, folder, since_last=True).folder / "fhir" / "bundle.json").read_text())
    found = {}
    for entry in bundle["entry"]:
        if (resource := entry["resource"])["resourceType"] == "MedicationStatement" and "note" in resource:
            MedicationStatement.model_validate(resource)
            found[resource["medicationCodeableConcept"]["text"]] = (resource["status"], entry["request"]["method"])
    return found


def test_lines_an_amendment_removed_and_then_every_line_are_withdrawn(
        session_for, admitted, clock, tmp_path):  # noqa: F811
    patient, _ = admitted
    doctor, clerk = session_for("doctor"), session_for("records")
    clock.now = datetime.fromisoformat(AT)
    saved = _reconcile(doctor, patient, USUAL, [HELD, STOPPED, CONTINUED])
    first = _sent(clerk, tmp_path / "e1")
    assert first["Apixaban 5 mg bd"] == ("on-hold", "POST") and first["Metformin 1 g bd"] == ("stopped", "POST")
    clock.advance(hours=1)
    records.amend(doctor, saved.record_id, {**saved.data, "home_list": "Apixaban 2.5 mg bd\nRamipril 10 mg od",
                                            "decisions": [HELD, CONTINUED]}, "GP letter: 2.5 mg, no metformin")
    clock.advance(hours=1)
    second = _sent(clerk, tmp_path / "e2")
    assert second["Apixaban 5 mg bd"] == ("entered-in-error", "PUT")
    assert second["Metformin 1 g bd"] == ("entered-in-error", "PUT")
    assert second["Apixaban 2.5 mg bd"] == ("on-hold", "POST")
    assert second["Ramipril 10 mg od"][0] == "active"
    clock.advance(hours=1)
    records.mark_entered_in_error(doctor, saved.record_id, "wrong patient")
    clock.advance(hours=1)
    third = _sent(clerk, tmp_path / "e3")
    assert {line: status for line, (status, _) in third.items()} == dict.fromkeys(
        ["Apixaban 5 mg bd", "Metformin 1 g bd", "Apixaban 2.5 mg bd", "Ramipril 10 mg od"], "entered-in-error")

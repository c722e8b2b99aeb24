"""A dose recorded not given before its time (held at 07:00 for the 14:00 round) was exported with
the recording time as `effectiveDateTime`: the EHR filed the not-done beside the 06:00 slot, and only
a note named 14:00 (review R1 D7). FHIR R4 says effective[x] is when it did not take place."""

import json

from fhir.resources.R4B.medicationadministration import MedicationAdministration

from downtime.domain.medication import Check
from downtime.services import medication
from downtime.sync.export import export


def _administration(session_for, tmp_path, record_id):
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (found,) = [entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{record_id}"]
    MedicationAdministration.model_validate(found)
    return found


def test_a_dose_recorded_not_given_ahead_takes_place_at_its_time_and_says_when_it_was_recorded(
        session_for, medication_ward, tmp_path):
    _, amox, _ = medication_ward
    held = medication.record_dose(session_for("doctor"), amox, {
        "outcome": "not_given", "given_at": "2026-11-28T07:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "not_given_reason": "held", "not_given_detail": "theatre at 13:00"},
        overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 13:00, nil by mouth from 07:00"})
    exported = _administration(session_for, tmp_path, held.record_id)
    assert (exported["status"], exported["effectiveDateTime"]) == ("not-done", "2026-11-28T14:00:00+01:00")
    assert {"text": "Recorded not given at 2026-11-28T07:00:00+01:00"} in exported["note"]


def test_a_dose_refused_after_its_time_did_not_take_place_when_it_was_refused(session_for, medication_ward, tmp_path):
    _, amox, _ = medication_ward
    refused = medication.record_dose(session_for("nurse"), amox, {
        "outcome": "not_given", "given_at": "2026-11-27T20:05+01:00", "scheduled_for": "2026-11-27T20:00+01:00",
        "not_given_reason": "refused"})
    exported = _administration(session_for, tmp_path, refused.record_id)
    assert exported["effectiveDateTime"] == "2026-11-27T20:05:00+01:00"
    assert not any(note["text"].startswith("Recorded not given") for note in exported["note"])

"""Each AllergyIntolerance in the bundle names who recorded it: the author of the admission's
version that first stated it (needs fhir_patients passing its authors to fhir_allergies)."""

import json

from downtime.services import records
from downtime.sync.export import export


def test_the_bundles_allergies_name_who_recorded_each(session_for, admission_values, tmp_path):
    """The chlorhexidine anaphylaxis the anaesthetist added goes recorded by them, the penicillin
    rash by the nurse who admitted the patient: one Provenance naming both told the EHR neither."""
    first = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "allergy_status": "allergies", "allergies": [{"substance": "Penicillin", "reaction": "Rash"}]})
    records.amend(session_for("doctor"), first.record_id, {**first.data, "allergies": [
        *first.data["allergies"], {"substance": "Chlorhexidine", "reaction": "Anaphylaxis"}]}, "pre-op assessment")
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    sent = {entry["resource"]["code"]["text"]: entry["resource"]["recorder"]["identifier"]["value"]
            for entry in bundle["entry"] if entry["resource"]["resourceType"] == "AllergyIntolerance"}
    assert sent == {"Penicillin": "nurse", "Chlorhexidine": "doctor"}

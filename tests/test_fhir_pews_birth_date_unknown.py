"""A child's paediatric set whose date of birth is not known (an unidentified child brought in by
the ambulance) is exported with its total absent and why ("unknown", the FHIR data absent reason):
the code was missing from the export's tables, and the whole export stopped on a KeyError, no
bundle, no CSV, for every patient of the ward."""

import json

from fhir.resources.R4B.observation import Observation

from downtime.services import pews, records, wards
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.conftest import unknown_man


def test_a_set_of_a_child_of_unknown_birth_date_is_exported_with_its_total_absent(session_for, admission_values,
                                                                                  tmp_path):
    wards.add_ward(session_for("admin"), "PED", "Paediatrics", [str(n) for n in range(1, 11)])
    child = records.save_new(session_for("nurse"), "admission", {
        **unknown_man(admission_values), "temporary_name": "Unknown Boy Alpha", "descriptor": "boy about 6, road accident",
        "ward": "PED", "bed": "1", "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    saved = records.save_new(session_for("nurse"), pews.FORM, {
        "taken_at": "2026-11-28T10:00+01:00", "respiratory_rate": 30, "respiratory_effort": "normal", "spo2": 97,
        "oxygen": "room_air", "heart_rate": 110, "capillary_refill": "under_3", "concern": False,
        "consciousness": "alert", "next_in": "60"}, patient_id=child)
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    check_codes(bundle)
    (total,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    Observation.model_validate(total)
    assert "valueInteger" not in total and "valueQuantity" not in total
    assert total["dataAbsentReason"] == {
        "coding": [{"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "unknown",
                    "display": "Unknown"}],
        "text": "Date of birth not known: the score's ranges go by age"}

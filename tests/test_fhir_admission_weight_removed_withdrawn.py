"""A height or a weight the admission gave and an amendment took out (another patient's, typed on
the wrong admission) goes to the EHR again as entered in error, with the value it withdraws: the
body-weight Observation already sent final (61.5 kg) stayed in the EHR, whose dose checks read the
latest body weight, and nothing took it back. A measure the amendment keeps goes amended."""

import json

from fhir.resources.R4B.observation import Observation

from downtime.services import records, wards
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.fhir_elements import derived_id


def _observations(session_for, folder):
    bundle = json.loads((export(session_for("records"), folder).folder / "fhir" / "bundle.json").read_text())
    check_codes(bundle)
    return {entry["fullUrl"].removeprefix("urn:uuid:"): Observation.model_validate(entry["resource"])
            for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"}


def test_a_weight_taken_out_of_the_admission_is_sent_entered_in_error(session_for, admission_values, tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", {**admission_values, "weight_kg": 61.5,
                                                      "arrival_at": "2026-11-28T09:00+01:00"})
    weight, height = (derived_id(admission.record_id, field) for field in ("weight_kg", "height_cm"))
    assert _observations(session_for, tmp_path / "first")[weight].status == "final"
    records.amend(nurse, admission.record_id, {key: value for key, value in admission.data.items()
                                               if key not in ("weight_kg", "weight_method")},
                  "Weight was another patient's")
    sent = _observations(session_for, tmp_path / "after")
    assert sent[weight].status == "entered-in-error"
    assert (sent[weight].valueQuantity.value, sent[weight].valueQuantity.code) == (61.5, "kg")
    assert sent[weight].effectiveDateTime == sent[height].effectiveDateTime
    assert sent[height].status == "amended"


def test_a_weight_never_given_sends_nothing(session_for, admission_values, tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    values = {key: value for key, value in admission_values.items() if key not in ("weight_kg", "weight_method")}
    admission = records.save_new(nurse, "admission", {**values, "arrival_at": "2026-11-28T09:00+01:00"})
    records.amend(nurse, admission.record_id, {**admission.data, "bed": "3"}, "Bed was wrong")
    assert derived_id(admission.record_id, "weight_kg") not in _observations(session_for, tmp_path / "out")

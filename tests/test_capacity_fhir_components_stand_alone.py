"""The capacity assessment's stage 1 answers reach the EHR under words that stand alone (review s66
T4 D4): its components read "Is there one? …" and "What (e.g. dementia, …)", the impairment they
asked about said only in the form's section title, which the Observation does not carry."""

import json

from downtime.services import records
from downtime.sync.export import export
from tests.test_capacity_assessment import FORM, LACKS


def test_the_impairment_and_what_it_is_are_named_in_their_components(session_for, patient, tmp_path):
    records.save_new(session_for("doctor"), FORM, LACKS, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "stick").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    (assessed,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
                   and entry["resource"]["code"].get("text") == "Mental capacity assessment (Mental Capacity Act 2005)"]
    said = {part["code"]["text"]: part for part in assessed["component"]}
    assert said["An impairment of, or a disturbance in the functioning of, the mind or brain? (capacity is assumed: "
                "no means HAS capacity)"]["valueBoolean"] is True, list(said)
    assert said["Which impairment or disturbance (e.g. dementia, delirium, brain injury)"]["valueString"] == (
        LACKS["impairment_what"])

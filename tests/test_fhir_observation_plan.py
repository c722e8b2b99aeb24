"""A doctor's observation and escalation plan in the FHIR bundle (sync/fhir_observation_plan.py):
it was only in the CSV, and the EHR, back up, had a dying patient on comfort care for full
escalation."""

import json

from fhir.resources.R4B.observation import Observation

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

COMFORT = {"decided_at": "2026-11-28T10:30+01:00", "decided_by": "Dr  Benali", "escalation": "comfort",
           "frequency": "twelve_hourly", "discussed_with": "her daughter", "cpr_reason": "DNACPR on the paper notes"}


def _plan(session_for, folder, record_id):
    found = export(session_for("records"), folder).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
            if entry["resource"].get("identifier", [{}])[0].get("value") == record_id]


def test_a_comfort_care_plan_goes_to_the_ehr_with_who_decided_it_and_how_often(session_for, medication_ward,
                                                                              tmp_path):
    nurse, patient = session_for("nurse"), medication_ward[0]
    made = records.save_new(nurse, "observation_plan", COMFORT, patient_id=patient)
    (found,) = _plan(session_for, tmp_path / "out", made.record_id)
    assert (found.status, found.code.coding[0].code, found.valueCodeableConcept.coding[0].code) == (
        "final", "735324008", "133918004")
    assert found.valueCodeableConcept.text == "End of life: comfort care only"
    assert found.effectiveDateTime.isoformat() == "2026-11-28T10:30:00+01:00"
    assert [(one.code.text, one.valueCodeableConcept.text) for one in found.component] == [
        ("Observations", "Every 12 hours")]
    assert [note.text for note in found.note][:2] == ["Decided by (doctor): Dr Benali",
                                                      "Discussed with (patient, family): her daughter"]
    assert found.subject.reference == f"urn:uuid:{patient}" and found.encounter is not None


def test_a_plan_amended_updates_its_observation_and_withdrawn_enters_it_in_error(session_for, medication_ward,
                                                                                 tmp_path):
    nurse, patient = session_for("nurse"), medication_ward[0]
    made = records.save_new(nurse, "observation_plan", COMFORT, patient_id=patient)
    records.amend(nurse, made.record_id, {**COMFORT, "escalation": "ward_ceiling", "frequency": "four_hourly"},
                  "Doctor's words misread")
    (amended,) = _plan(session_for, tmp_path / "amended", made.record_id)
    assert amended.status == "amended" and not amended.valueCodeableConcept.coding
    assert amended.valueCodeableConcept.text.startswith("Ceiling of treatment: ward-based care")
    records.mark_entered_in_error(nurse, made.record_id, "Wrong patient")
    (withdrawn,) = _plan(session_for, tmp_path / "withdrawn", made.record_id)
    assert withdrawn.status == "entered-in-error" and withdrawn.identifier == amended.identifier


def test_observations_stopped_go_to_the_ehr_in_the_forms_words_with_why_cpr_stands(session_for, medication_ward,
                                                                                    tmp_path):
    """Plan version 2: routine observations stopped, no code invented for it, and why CPR stands
    with no DNACPR recorded, which the EHR's escalation plan needs beside it."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    made = records.save_new(nurse, "observation_plan", {**COMFORT, "frequency": "stopped"}, patient_id=patient)
    (found,) = _plan(session_for, tmp_path / "out", made.record_id)
    assert [(one.code.text, one.valueCodeableConcept.text, one.valueCodeableConcept.coding)
            for one in found.component] == [("Observations", "Routine observations stopped (comfort care only)",
                                             None)]
    assert found.note[-1].text == ("No DNACPR recorded: why CPR stands, or where the DNACPR decision is written: "
                                   "DNACPR on the paper notes")

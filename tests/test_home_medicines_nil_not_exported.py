"""Medicines taken before admission typed "Nil" (or "NKDA", "Aucun", "Néant") went to the EHR as an
active MedicationStatement of a medicine named "Nil": no line naming a medicine, no statement; a
list naming one still goes, valid R4B."""

import json

import pytest
from fhir.resources.R4B.medicationstatement import MedicationStatement

from downtime.services import records, wards
from downtime.sync.export import export


def _statements(session_for, admission_values, tmp_path, usual: str) -> list[dict]:
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    records.save_new(session_for("nurse"), "admission", {**admission_values, "usual_medicines": usual,
                                                         "arrival_at": "2026-11-28T09:00+01:00"})
    bundle = json.loads((export(session_for("records"), tmp_path / "e").folder / "fhir" / "bundle.json").read_text())
    return [entry["resource"] for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "MedicationStatement"]


@pytest.mark.parametrize("usual", ["Nil", "NKDA", "Aucun\nNéant", "Traitement habituel :\nPas de traitement"])
def test_no_medicine_named_exports_no_statement(session_for, admission_values, tmp_path, usual):
    assert _statements(session_for, admission_values, tmp_path, usual) == []


def test_a_list_naming_a_medicine_is_exported_in_its_words(session_for, admission_values, tmp_path):
    statement, = _statements(session_for, admission_values, tmp_path, "Nil else\nRamipril 10 mg od")
    MedicationStatement.model_validate(statement)
    assert statement["status"] == "active"
    assert statement["medicationCodeableConcept"] == {"text": "Nil else\nRamipril 10 mg od"}


@pytest.mark.parametrize("amended", ["Nil", ""])
def test_a_list_amended_to_nil_withdraws_the_statement_sent(session_for, admission_values, tmp_path, clock, amended):
    """Apixaban sent, then the list amended to "Nil" or emptied (another patient's list typed):
    the next export withdraws the statement sent (the EHR kept an active apixaban for a patient
    taking nothing)."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", {**admission_values, "usual_medicines": "Apixaban 5 mg bd",
                                                      "arrival_at": "2026-11-28T09:00+01:00"})

    def sent(name: str) -> list[dict]:
        bundle = json.loads((export(session_for("records"), tmp_path / name, since_last=True).folder / "fhir"
                             / "bundle.json").read_text())
        return [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "MedicationStatement"]

    first, = sent("e1")
    clock.advance(hours=1)
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": amended}, "another patient's list")
    clock.advance(hours=1)
    withdrawn, = sent("e2")
    MedicationStatement.model_validate(withdrawn["resource"])
    assert withdrawn["resource"]["status"] == "entered-in-error"
    assert withdrawn["resource"]["identifier"] == first["resource"]["identifier"]
    assert withdrawn["request"]["method"] == "PUT"

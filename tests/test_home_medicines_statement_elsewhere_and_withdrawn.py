"""The admission's statement of the medicines taken before admission: a list that says it is
elsewhere ("See GP list") is still sent, the EHR told the patient takes medicines still to be
listed (it was dropped with "Nil"'s, and an apixaban amended to it withdrawn as if never taken); a
statement withdrawn names the medicine it withdraws, not "(blank)"; and a "Nil" statement an earlier
release sent (storage.fhir_sent) is withdrawn once the record goes again."""

import json
from array import array

import pytest
from fhir.resources.R4B.medicationstatement import MedicationStatement

from downtime.services import records, wards
from downtime.storage.fhir_sent import RECORD_SYSTEM, identifier_condition, identity, record_sent
from downtime.sync.export import export
from downtime.sync.fhir_elements import derived_id


def _statements(session, folder, since_last: bool = True) -> list[dict]:
    """The MedicationStatement entries of an export, each checked against R4B."""
    bundle = json.loads((export(session, folder, since_last=since_last).folder / "fhir" / "bundle.json").read_text())
    found = [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "MedicationStatement"]
    for entry in found:
        MedicationStatement.model_validate(entry["resource"])
    return found


def _admit(session_for, admission_values, usual: str):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {**admission_values, "usual_medicines": usual,
                                                                "arrival_at": "2026-11-28T09:00+01:00"})


@pytest.mark.parametrize("usual", ["See GP list", "As per blister pack", "Not known - see GP list"])
def test_a_list_said_to_be_elsewhere_is_sent(session_for, admission_values, tmp_path, usual):
    _admit(session_for, admission_values, usual)
    sent, = _statements(session_for("records"), tmp_path / "e")
    assert (sent["resource"]["status"], sent["resource"]["medicationCodeableConcept"]["text"]) == ("active", usual)


@pytest.mark.parametrize(("amended", "status", "text"), [
    ("Not known - see GP list", "active", "Not known - see GP list"),
    ("", "entered-in-error", "Apixaban 5 mg bd"), ("Nil", "entered-in-error", "Apixaban 5 mg bd")])
def test_an_amended_list_sends_what_it_says(session_for, admission_values, tmp_path, clock, amended, status, text):
    """Amended to a list elsewhere, the apixaban is not withdrawn as an error; amended to none,
    the statement withdrawn names the apixaban it withdraws."""
    admission = _admit(session_for, admission_values, "Apixaban 5 mg bd")
    clerk = session_for("records")
    _statements(clerk, tmp_path / "e1")
    clock.advance(hours=1)
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "usual_medicines": amended},
                  "GP letter")
    clock.advance(hours=1)
    sent, = _statements(clerk, tmp_path / "e2")
    assert (sent["request"]["method"], sent["resource"]["status"], sent["resource"]["medicationCodeableConcept"]) == (
        "PUT", status, {"text": text})


def test_a_nil_statement_an_earlier_release_sent_is_withdrawn(session_for, admission_values, tmp_path, clock):
    """The release before this one sent "Nil" as an active statement: the record sent again (its
    bed corrected), or the whole database, withdraws it."""
    admission = _admit(session_for, admission_values, "Nil")
    clerk = session_for("records")
    assert _statements(clerk, tmp_path / "e1") == []
    ident = derived_id(admission.record_id, "usual_medicines")
    with clerk.db.conn:
        record_sent(clerk.db, array("q", [identity("MedicationStatement", identifier_condition(RECORD_SYSTEM, ident))]),
                    array("q", [1]))
    clock.advance(hours=1)
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "bed": "2"}, "bed corrected")
    clock.advance(hours=1)
    for folder, since_last in (("e2", True), ("whole", False)):
        sent, = _statements(clerk, tmp_path / folder, since_last)
        resource = sent["resource"]
        assert (resource["identifier"][0]["value"], resource["status"], resource["medicationCodeableConcept"]) == (
            ident, "entered-in-error", {"text": "Nil"})

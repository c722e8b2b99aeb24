"""The WHO surgical safety checklist as a form of its own: a theatre's paper checklist typed in,
a count not correct explained, and the records office told of it, on its worklist line and in
the export."""

import json

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from downtime.services import records, wards
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.test_back_entry import _office_lines
from tests.test_bad_input import MONDAY, _booking

AT = "2026-11-28T09:00+01:00"
SIGNED_IN = {"checked_at": AT, "led_by": "Marie Roux (IBODE)", "consent_confirmed": True, "site_marked": "yes",
             "anaesthesia_checked": True, "oximeter_working": True, "allergy_known": True, "airway_risk": "no",
             "blood_loss_risk": "no", "team_confirmed": True, "antibiotic_prophylaxis": "yes"}


@pytest.fixture
def patient(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", admission_values).patient_id


def test_a_count_not_correct_is_saved_only_with_what_was_done(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, "counts_correct": "not_correct"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    saved = records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, "counts_correct": "not_correct", "notes": "One swab missing: X-ray in theatre, found"},
        patient_id=patient)
    assert saved.data["counts_correct"] == "not_correct"


def test_the_theatre_team_writes_it_and_the_coordinator_does_not(session_for, patient):
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "surgical_safety_checklist", SIGNED_IN, patient_id=patient)
    assert records.save_new(session_for("doctor"), "surgical_safety_checklist", SIGNED_IN, patient_id=patient)


def test_the_records_office_reads_each_answer_on_its_line(tmp_path, laptop, admission_values):
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", admission_values)
    checked = records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, "counts_correct": "not_correct", "notes": "One swab missing: X-ray in theatre, found"},
        patient_id=admitted.patient_id)
    line = _office_lines(tmp_path, laptop, ward_clerk)[checked.record_id]
    for said in ("Checklist led by (name): Marie Roux (IBODE)",
                 "Patient has confirmed identity, site, procedure and consent: Yes", "Known allergy: Yes",
                 "Instrument, swab and needle counts: NOT correct: say what was done below",
                 "One swab missing: X-ray in theatre, found"):
        assert said in line, line


def test_the_export_sends_it_as_a_questionnaire_response_based_on_its_operation(session_for, patient, tmp_path):
    coord, nurse = session_for("coord"), session_for("nurse")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": f"{MONDAY}T08:00+01:00",
        "ends_at": f"{MONDAY}T13:00+01:00"}).record_id
    booking = records.save_new(coord, "operation_booking", _booking(session_id, "08:00", 60), patient).record_id
    checked = records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, "booking": booking, "counts_correct": "not_correct",
        "notes": "One swab missing: X-ray in theatre, found"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    found = QuestionnaireResponse.model_validate(by_id[checked.record_id])
    assert found.status == "completed" and found.basedOn[0].reference == f"urn:uuid:{booking}"
    assert by_id[booking]["resourceType"] == "ServiceRequest"
    pauses = {pause.linkId: {item.linkId: item for item in pause.item} for pause in found.item}
    signed_in = pauses["sign_in"]
    assert signed_in["consent_confirmed"].answer[0].valueBoolean is True
    assert signed_in["led_by"].answer[0].valueString == "Marie Roux (IBODE)"
    assert signed_in["checked_at"].answer[0].valueDateTime.isoformat() == "2026-11-28T09:00:00+01:00"
    assert "booking" not in signed_in
    counts = next(items["counts_correct"] for items in pauses.values() if "counts_correct" in items)
    assert counts.text == "Instrument, swab and needle counts"
    assert counts.answer[0].valueString == "NOT correct: say what was done below"

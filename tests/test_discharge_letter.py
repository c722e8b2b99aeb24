"""What a discharge (and a transfer to another hospital, or a move to another ward) is read for by
whoever takes the patient on: who decided a DNACPR and when, the reason for the stay, the doctor
who decided the discharge, and for a patient leaving against advice, whether the doctor was told
and the risks explained."""

import json

import pytest

from downtime.services import prefill, printing, records
from downtime.sync.export import export
from tests.pdf_text import pdf_text

HOME = {"discharged_at": "2026-11-28T14:00+01:00", "destination": "home", "letter_given": True,
        "medicines_given": True}


@pytest.fixture
def dnacpr(session_for, medication_ward):
    """`medication_ward`'s patient, a DNACPR decided by Dr Benali on 27/11 at 16:00 on her
    admission. Returns the patient's id."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    admission = next(r for r in records.list_current(nurse.db, patient_id=patient) if r.form_id == "admission")
    records.amend(session_for("doctor"), admission.record_id, {
        **admission.data, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
        "resuscitation_decided_at": "2026-11-27T16:00+01:00"}, "decided today")
    return patient


@pytest.mark.parametrize("form_id", ["discharge", "transfer_out", "transfer"])
def test_a_dnacpr_leaves_with_the_doctor_who_decided_it_and_when(session_for, dnacpr, form_id):
    """The care home, the ambulance crew and the ward the patient moves to read "Not for
    resuscitation" naming no one: a guess or a documented decision, they could not tell."""
    nurse = session_for("nurse")
    answers = prefill.first_answers(nurse, nurse.form(form_id), dnacpr)
    assert {name: value for name, value in answers.items() if name.startswith("resuscitation")} == {
        "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
        "resuscitation_decided_at": "2026-11-27T16:00+01:00"}


@pytest.mark.parametrize("form_id, values", [
    ("discharge", {**HOME, "destination": "care_home"}),
    ("transfer", {"moved_at": "2026-11-28T14:00+01:00", "to_ward": "3B", "to_bed": "12",
                  "reason": "Nearer the nurses' station"})])
def test_the_printed_discharge_or_move_names_who_decided_the_dnacpr(session_for, dnacpr, tmp_path, form_id, values):
    nurse = session_for("nurse")
    answers = prefill.first_answers(nurse, nurse.form(form_id), dnacpr)
    saved = records.save_new(nurse, form_id, {**answers, **values}, patient_id=dnacpr)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "d.pdf"))
    said = text[text.find("Not for resuscitation (DNACPR)"):]
    assert "DNACPR decided by (doctor)" in said and "Dr Benali" in said and "27/11/2026 16:00" in said


def test_a_discharge_says_the_reason_for_the_stay_and_the_doctor_who_decided_it(session_for, medication_ward,
                                                                                   admission_values, tmp_path):
    """The GP read the medicines and a follow-up box, with no reason for them nor a doctor to
    call: the reason starts as the admission's, for the doctor to correct into the diagnosis; the
    printed record, the records office's line and the export give both."""
    nurse = session_for("nurse")
    patient = medication_ward[0]
    answers = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    assert answers["reason_for_stay"] == admission_values["reason"]
    saved = records.save_new(nurse, "discharge", {
        **answers, **HOME, "reason_for_stay": "Community-acquired pneumonia, treated", "decided_by": "Dr Benali"},
        patient_id=patient)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "d.pdf"))
    assert "Community-acquired pneumonia, treated" in text and "Discharge decided by (doctor)" in text
    assert "Dr Benali" in text
    folder = export(session_for("records"), tmp_path / "x").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (stay,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Encounter"]
    assert {"type": [{"text": "Discharge decided by"}], "individual": {"display": "Dr Benali"}} in stay["participant"]
    assert stay["diagnosis"] == [{"condition": {"display": "Community-acquired pneumonia, treated"}}]


def test_a_patient_leaving_against_advice_is_asked_whether_the_doctor_was_told_and_the_risks_explained(
        session_for, medication_ward):
    nurse = session_for("nurse")
    patient = medication_ward[0]
    with pytest.raises(records.ValidationFailed) as refused:
        records.save_new(nurse, "discharge", {**HOME, "destination": "against_advice"}, patient_id=patient)
    assert {error.path for error in refused.value.errors} == {"doctor_told", "risks_explained"}
    saved = records.save_new(nurse, "discharge", {**HOME, "destination": "against_advice", "doctor_told": True,
                                                  "risks_explained": False}, patient_id=patient)
    assert saved.data["doctor_told"] is True and saved.data["risks_explained"] is False

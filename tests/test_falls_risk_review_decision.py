"""The doctor's review of a postural drop says what was decided (forms/falls_risk.yaml version 2,
`medicines_review_outcome`): the review recorded who and when only, and the letter told the next
team the drop was "reviewed" with the amlodipine it was put down to still given. Asked once who
reviewed is given, each stop or "no change" with its words; "No change" with another decision
refused; the decision on the letters and in the EHR. An assessment of version 1 reviewed is
corrected without it and reads as before. The tests' clock is 14:00 on 28/11 (Paris)."""

import dataclasses
import json

import pytest

from downtime.services import falls_risk, prefill, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.test_falls_risk import ASSESSED

FORM = falls_risk.FORM
REVIEW = {"medicines_reviewed_by": "Dr Benali", "medicines_reviewed_at": "2026-11-28T13:50+01:00"}
DECIDED = {**REVIEW, "medicines_review_outcome": ["stopped_or_reduced", "falls_clinic"],
           "medicines_stopped_which": "Amlodipine  stopped"}


def _reviewed(session_for, patient, lang="en"):
    nurse, doctor = session_for("nurse", lang), session_for("doctor", lang)
    return nurse, doctor, records.save_new(nurse, FORM, ASSESSED, patient_id=patient)


@pytest.mark.parametrize("lang, words", [
    ("en", "“Decided at the review (tick each)”: say what the doctor decided about the medicines and fluids"),
    ("fr", "« Décisions de la réévaluation (cocher chacune) » : dire ce que le médecin")])
def test_a_review_without_its_decision_is_refused_naming_it(session_for, patient, lang, words):
    _, doctor, saved = _reviewed(session_for, patient, lang)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(doctor, saved.record_id, {**ASSESSED, **REVIEW}, "Reviewed")
    assert [error.path for error in refused.value.errors] == ["medicines_review_outcome"]
    assert words in str(refused.value)


def test_a_stop_asks_which_and_no_change_asks_why_and_stands_alone(session_for, patient):
    _, doctor, saved = _reviewed(session_for, patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(doctor, saved.record_id, {**ASSESSED, **DECIDED, "medicines_stopped_which": None}, "Reviewed")
    assert [error.path for error in refused.value.errors] == ["medicines_stopped_which"]
    with pytest.raises(ValidationFailed) as refused:
        records.amend(doctor, saved.record_id, {**ASSESSED, **REVIEW, "medicines_review_outcome": ["no_change"]},
                      "Reviewed")
    assert [error.path for error in refused.value.errors] == ["no_change_why"]
    with pytest.raises(ValidationFailed) as refused:
        records.amend(doctor, saved.record_id, {**ASSESSED, **REVIEW, "medicines_review_outcome": ["fluids", "no_change"],
                                                "no_change_why": "Drop explained by the fluids"}, "Reviewed")
    assert [error.path for error in refused.value.errors] == ["medicines_review_outcome"]
    assert "“No change to medicines or fluids” is ticked with another decision" in str(refused.value)


@pytest.mark.parametrize("lang, said", [
    ("en", ("medicines and fluids reviewed by Dr Benali 28/11 13:50: Medicines stopped or reduced: Amlodipine "
            "stopped, Referred to the falls clinic")),
    ("fr", ("médicaments et hydratation réévalués par Dr Benali le 28/11 à 13:50 : Médicaments arrêtés ou diminués : "
            "Amlodipine stopped, Adressé à la consultation chutes"))])
def test_the_letter_and_the_ehr_say_what_the_doctor_decided(session_for, patient, tmp_path, lang, said):
    nurse, doctor, saved = _reviewed(session_for, patient, lang)
    records.amend(doctor, saved.record_id, {**ASSESSED, **DECIDED}, "Reviewed")
    assert prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["falls_risk"].endswith(said)
    bundle = json.loads((export(session_for("records"), tmp_path / "stick").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    (assessment,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
                     and entry["resource"]["code"].get("text") == "Multifactorial falls-risk assessment"]
    components = {part["code"]["text"]: part for part in assessment["component"]}
    assert components["Medicines stopped or reduced"]["valueBoolean"] is True
    assert components["Referred to the falls clinic"]["valueBoolean"] is True
    assert components["Medicines stopped or reduced: which"]["valueString"] == "Amlodipine stopped"


def test_a_version_1_review_is_corrected_without_a_decision_and_read_as_before(session_for, patient):
    """Kept under version 1 (loaded from a laptop that had no decision to ask), a review reads as it
    was, and the nurse correcting the walking aid or the reviewer's name is not asked what the doctor
    decided (the name's correction was)."""
    office = session_for("records")
    older = dataclasses.replace(office, forms={**office.forms, FORM: office.form(FORM).model_copy(update={"version": 1})})
    saved = records.save_imported(older, FORM, {**ASSESSED, **REVIEW}, patient, "0c9d6a1e-5b7f-4d2a-8e3c-2f1a4b5c6d7e")
    assert saved.form_version == 1
    nurse = session_for("nurse")
    records.amend(nurse, saved.record_id, {**ASSESSED, **REVIEW, "walking_aid": "Stick"}, "Aid corrected")
    assert prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["falls_risk"].endswith(
        "— medicines and fluids reviewed by Dr Benali 28/11 13:50")
    # The reviewer's name corrected, as the time is: the review was recorded under version 1.
    records.amend(nurse, saved.record_id, {**ASSESSED, **REVIEW, "walking_aid": "Stick",
                                           "medicines_reviewed_by": "Dr Karim Benali"}, "Reviewer's name in full")

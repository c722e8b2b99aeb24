"""A patient who refuses blood products (a Jehovah's Witness, an advance decision), as the
admission's version 4 records it: every prescription of blood and every unit started of a
component refused is refused while it stands; the handover, the transfusion tab and the export
say it. An admission of an earlier version refuses nothing."""

import json

import pytest

from downtime.services import records, transfusion
from downtime.services.errors import ValidationFailed
from downtime.storage.records import list_current
from downtime.sync.export import export
from tests.test_transfusion import ORDER, UNIT

REFUSES_ALL = {"blood_refusal": "all", "blood_refusal_details": "Advance decision in the notes; Jehovah's Witness"}


def _admitted(session_for, admission_values, **refusal) -> str:
    from downtime.services import wards
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {**admission_values, **refusal,
                                                                "arrival_at": "2026-11-28T09:00+01:00"}).patient_id


def _refused(session, form_id, values, patient) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session, form_id, values, patient_id=patient)
    return refused.value


def test_no_blood_is_prescribed_nor_started_for_a_patient_who_refuses_it_and_the_handover_says_so(
        session_for, admission_values, tmp_path):
    patient = _admitted(session_for, admission_values, **REFUSES_ALL)
    nurse, doctor = session_for("nurse"), session_for("doctor")
    said = ("REFUSES BLOOD PRODUCTS: Refuses all blood products (Advance decision in the notes; Jehovah's Witness)")
    refused = _refused(doctor, "blood_order", ORDER, patient)
    assert [error.path for error in refused.errors] == ["component"]
    assert str(refused) == f"“Component”: {said}. Do not prescribe it; talk it over with the patient and the senior " \
                           "doctor."
    refused = _refused(nurse, "blood_transfusion", UNIT, patient)
    assert [error.path for error in refused.errors] == ["component"] and str(refused).endswith(
        "Do not start it; ask the doctor.")
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == said
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient].startswith(
        "REFUSE LES PRODUITS SANGUINS : Refuse tout produit sanguin")
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [observation] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
                     and entry["resource"]["code"].get("text") == "Refuses blood products"]
    assert (observation["status"], observation["valueString"]) == (
        "final", "Refuses all blood products (Advance decision in the notes; Jehovah's Witness)")


def test_a_patient_accepting_some_components_is_given_those_alone(session_for, admission_values):
    patient = _admitted(session_for, admission_values, blood_refusal="some", blood_accepted=["platelets"])
    doctor = session_for("doctor")
    refused = _refused(doctor, "blood_order", ORDER, patient)
    assert "Refuses blood, accepts some components: Platelets" in str(refused)
    records.save_new(doctor, "blood_order", {**ORDER, "component": "platelets"}, patient_id=patient)


def test_a_refusal_lifted_by_amending_the_admission_lets_blood_be_given_and_is_exported_so(
        session_for, admission_values, tmp_path):
    patient = _admitted(session_for, admission_values, **REFUSES_ALL)
    nurse = session_for("nurse")
    [admitted] = list_current(nurse.db, form_id="admission", patient_id=patient)
    records.amend(nurse, admitted.record_id, {**admitted.data, "blood_refusal": "none"},
                  "consents to blood now, told to Dr Benali")
    records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [observation] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
                     and entry["resource"]["code"].get("text") == "Refuses blood products"]
    assert (observation["status"], observation["valueString"]) == ("amended", "No longer refuses blood products")


def test_an_admission_saying_no_refusal_or_of_an_earlier_version_refuses_nothing(session_for, admission_values):
    patient = _admitted(session_for, admission_values, blood_refusal="none")
    assert transfusion.refusal(session_for("nurse").db, session_for("nurse").forms, patient) is None
    records.save_new(session_for("nurse"), "blood_transfusion", UNIT, patient_id=patient)


def test_a_refusal_said_at_an_earlier_stay_stands_until_an_admission_says_no_refusal(session_for, admission_values):
    """Admitted in the morning refusing all blood, discharged, readmitted in the afternoon on an
    admission leaving the question blank: the refusal stands. Readmitted again saying "No
    refusal", it is lifted."""
    patient = _admitted(session_for, admission_values, **REFUSES_ALL)
    nurse, doctor = session_for("nurse"), session_for("doctor")

    def stay(arrived: str, left: str | None, **refusal) -> None:
        records.save_new(nurse, "admission", {**admission_values, "arrival_at": arrived, "bed": "5", **refusal},
                         patient_id=patient)
        if left is not None:
            records.save_new(nurse, "discharge", {"discharged_at": left, "destination": "home", "letter_given": True,
                                                  "medicines_given": True}, patient_id=patient)

    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T10:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    stay("2026-11-28T10:30+01:00", "2026-11-28T12:00+01:00")
    refused = _refused(doctor, "blood_order", ORDER, patient)
    assert [error.path for error in refused.errors] == ["component"] and "Refuses all blood products" in str(refused)
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        "REFUSES BLOOD PRODUCTS: Refuses all blood products")
    stay("2026-11-28T12:30+01:00", None, blood_refusal="none")
    records.save_new(doctor, "blood_order", {**ORDER, "ordered_at": "2026-11-28T12:45+01:00"}, patient_id=patient)

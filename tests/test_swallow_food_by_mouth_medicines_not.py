"""The SLT's third outcome after a failed swallow screen (forms/swallow_screen.yaml version 3):
food and drink by mouth at the IDDSI levels given, medicines by another route (NG, IV). The SLT's
outcomes were nil by mouth or everything by mouth: a patient allowed a puree diet whose tablets
were to go down the NG tube was either "nil by mouth" on every list or had their tablets given by
mouth. The medicines' NOT BY MOUTH stands (the MAR, the round, the dose and the prescriber asked,
the time-critical order by mouth asked of the doctor) while the line says the food allowed. The
tests' clock is 14:00 on 28/11 (Paris)."""

import json

import pytest

from downtime.services import medication, prefill, records, swallow_screen
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.test_swallow_screen import GIVEN, LEVETIRACETAM, REFERRED, _alerts, _warned

FORM = swallow_screen.FORM
FOOD_ONLY = {"slt_assessed_at": "2026-11-28T12:00+01:00", "slt_outcome": "food_only", "food_level": "4",
             "drink_level": "2"}
TOLD = {**REFERRED, "doctor_told_at": "2026-11-28T10:45+01:00"}


def test_the_food_levels_are_asked_and_not_the_tablets(session_for, patient):
    """How tablets are given is the oral plan's question: none go by mouth here."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, TOLD, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**saved.data, **FOOD_ONLY, "food_level": None, "drink_level": None},
                      "SLT")
    assert sorted(error.path for error in refused.value.errors) == ["drink_level", "food_level"]
    assert records.amend(nurse, saved.record_id, {**saved.data, **FOOD_ONLY}, "SLT assessed")


@pytest.mark.parametrize("lang, line", [
    ("en", "SLT 12:00: food IDDSI 4 Pureed, drinks IDDSI 2 Mildly thick; no medicines by mouth (another route)"),
    ("fr", ("Orthophoniste 12:00 : aliments IDDSI 4 Mixé, boissons IDDSI 2 Légèrement épais ; aucun médicament "
            "par la bouche (autre voie)"))])
def test_food_by_mouth_keeps_the_medicines_not_by_mouth(session_for, medication_ward, lang, line):
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse", lang), session_for("doctor", lang)
    oral = records.save_new(doctor, "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    saved = records.save_new(nurse, FORM, TOLD, patient_id=patient)
    records.amend(nurse, saved.record_id, {**saved.data, **FOOD_ONLY}, "SLT assessed")
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), lang) == {patient: line}
    # The MAR's and the round's NOT BY MOUTH, of a swallowed order alone.
    fasting = medication.nil_by_mouth(nurse.db, [patient], nurse.clock())[patient]
    assert fasting.why("PO") is not None and fasting.why("NG") is None
    # Asked of a dose and of an order by mouth, without calling "nil by mouth" the patient who eats.
    (warning,) = _warned(nurse, oral, GIVEN)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", {**LEVETIRACETAM, "drug": "Aspirin", "dose": 300.0,
                                                      "time_critical": False}, patient_id=patient)
    for said in (warning.text("en"), asked.value.text("en")):
        assert "failed the swallow screen at 10:20: no medicines by mouth." in said and "nil by mouth" not in said
    (alert,) = _alerts(nurse)
    assert alert.latest == line and alert.urgent
    assert len(alert.said) == 1 and "Levetiracetam 500 mg PO" in alert.said[0]


def test_the_doctor_is_asked_for_the_medicines_route_alone_and_the_letter_says_the_plan(session_for, patient):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    records.amend(nurse, saved.record_id, {**saved.data, **FOOD_ONLY, "slt_plan": "Upright, supervised meals"},
                  "SLT assessed")
    (alert,) = _alerts(nurse)
    assert alert.said == ["tell the doctor: medicines by another route"] and not alert.urgent
    assert prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["swallow"] == (
        "Bedside swallow screen FAILED 28/11 10:20; SLT 28/11 12:00: food IDDSI 4 Pureed, drinks IDDSI 2 Mildly "
        "thick; no medicines by mouth (another route); plan: Upright, supervised meals")


def test_the_ehr_is_sent_the_slts_outcome_in_words(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, TOLD, patient_id=patient)
    records.amend(nurse, saved.record_id, {**saved.data, **FOOD_ONLY}, "SLT assessed")
    bundle = json.loads((export(session_for("records"), tmp_path / "stick").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    (slt,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
              and entry["resource"]["code"].get("text") == "Swallow assessment by the speech and language therapist"]
    assert slt["valueCodeableConcept"]["text"] == "Food and drink as below; no medicines by mouth"
    assert {part["code"]["text"] for part in slt["component"]} >= {"Food texture (IDDSI)", "Drinks (IDDSI)"}

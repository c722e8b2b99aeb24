"""A blood pressure with no diastolic (a systolic alone, as NEWS2 and PEWS score it, one palpated
in a shocked patient) goes to the EHR as the R4 blood pressure profile requires: its panel (LOINC
85354-9) holds a systolic and a diastolic component, each exactly once, the one not recorded with
a data absent reason. It went as a panel of the systolic alone, which a profile-checking import
refuses."""

import json

from fhir.resources.R4B.observation import Observation

from downtime.services import pews, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

PANEL, SYSTOLIC, DIASTOLIC = "85354-9", "8480-6", "8462-4"


def _panel(session_for, tmp_path):
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    check_codes(bundle)
    (found,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
                and PANEL in str(entry["resource"]["code"])]
    Observation.model_validate(found)
    return {part["code"]["coding"][0]["code"]: part for part in found["component"]}, found["component"]


def _absent_diastolic(parts, components):
    assert [part["code"]["coding"][0]["code"] for part in components] == [SYSTOLIC, DIASTOLIC]
    assert "valueQuantity" not in parts[DIASTOLIC]
    assert parts[DIASTOLIC]["dataAbsentReason"]["coding"] == [{
        "system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "unknown", "display": "Unknown"}]


def test_an_adults_systolic_alone_sends_its_diastolic_absent(session_for, patient, tmp_path):
    records.save_new(session_for("nurse"), "observations", {
        "taken_at": "2026-11-28T10:00+01:00", "respiratory_rate": 24, "spo2": 93, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 88, "pulse": 118, "consciousness": "alert", "temperature": 38.6},
        patient_id=patient)
    parts, components = _panel(session_for, tmp_path)
    assert parts[SYSTOLIC]["valueQuantity"]["value"] == 88
    _absent_diastolic(parts, components)


def test_a_childs_systolic_alone_sends_its_diastolic_absent(session_for, admit_to_paediatrics, clock, tmp_path):
    child = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    records.save_new(session_for("nurse"), pews.FORM, {
        "taken_at": "2026-11-28T08:30+01:00", "respiratory_rate": 30, "respiratory_effort": "normal", "spo2": 97,
        "oxygen": "room_air", "heart_rate": 110, "systolic_bp": 90, "capillary_refill": "under_3", "concern": False,
        "consciousness": "alert", "next_in": "60"}, patient_id=child)
    parts, components = _panel(session_for, tmp_path)
    assert parts[SYSTOLIC]["valueQuantity"]["value"] == 90
    _absent_diastolic(parts, components)


def test_a_full_reading_keeps_both_values(session_for, patient, tmp_path):
    records.save_new(session_for("nurse"), "observations", {
        "taken_at": "2026-11-28T10:00+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 124, "diastolic_bp": 78, "pulse": 72, "consciousness": "alert",
        "temperature": 36.8}, patient_id=patient)
    parts, components = _panel(session_for, tmp_path)
    assert [part["valueQuantity"]["value"] for part in components] == [124, 78]
    assert not any("dataAbsentReason" in part for part in components)

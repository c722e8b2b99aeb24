"""Times the bundle says in words are on the ward's clock, as every screen and print says them
(domain.clock.ward_time), whatever offset they were stored with: scale 2 prescribed at 09:30 on a
laptop set to UTC (08:30+00:00) went to the EHR as "prescribed ... on 28/11/2026 08:30", and a
once-only furosemide due at 10:00 typed there as "40 mg IV once, 2026-11-28 09:00", an hour before
the ward's time, for the records office to type in."""

import json

from downtime.services import records
from downtime.sync.export import export


def _bundle(session_for, tmp_path):
    return json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())


def _by_id(bundle, resource_id):
    (found,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == resource_id]
    return found


def test_who_prescribed_scale_2_and_when_is_said_on_the_wards_clock(session_for, patient, tmp_path):
    saved = records.save_new(session_for("doctor"), "observations", {
        "taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 18, "spo2": 89, "spo2_scale": "scale_2",
        "scale_2_prescribed_by": "Dr Okafor", "scale_2_prescribed_at": "2026-11-28T08:30+00:00", "on_oxygen": False,
        "systolic_bp": 130, "diastolic_bp": 80, "pulse": 80, "consciousness": "alert", "temperature": 37.0},
        patient_id=patient)
    total = _by_id(_bundle(session_for, tmp_path), saved.record_id)
    assert total["note"] == [{"text": "SpO2 scale 2 prescribed by Dr Okafor on 28/11/2026 09:30"}]


def test_a_once_only_orders_time_in_words_is_on_the_wards_clock(session_for, medication_ward, tmp_path):
    patient, _, _ = medication_ward
    once = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": "2026-11-28T09:00+00:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    (instruction,) = _by_id(_bundle(session_for, tmp_path), once)["dosageInstruction"]
    assert instruction["text"] == "40 mg IV once, 28/11/2026 10:00"
    assert instruction["timing"] == {"event": ["2026-11-28T09:00:00+00:00"]}

"""A warning a dose was saved over goes to the EHR by its form's label (review s65 R1 D2): a
time-critical levetiracetam held for drowsiness went as "Warning overridden (time critical
asleep)", its stored code's words, telling the EHR's reader an anti-epileptic was withheld because
the patient slept, as it did of every time-critical dose not given."""

import json
from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import medication, records
from downtime.sync.export import export

LEVETIRACETAM = {"drug": "Levetiracetam", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
                 "times": "08:00 20:00", "start_at": "2026-11-28T07:00+01:00", "controlled": False,
                 "high_alert": False, "time_critical": True}


def test_a_held_time_critical_dose_is_sent_with_the_warning_as_the_form_says_it(
        session_for, medication_ward, clock, tmp_path):
    patient = medication_ward[0]
    order = records.save_new(session_for("doctor"), "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    held = medication.record_dose(session_for("nurse"), order, {
        "outcome": "not_given", "not_given_reason": "held", "not_given_detail": "drowsy",
        "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00"},
        overrides={Check.TIME_CRITICAL_NOT_GIVEN: "Dr Benali decided: hold, review at 10:00"})
    found = export(session_for("records"), tmp_path / "out").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (sent,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == held.record_id]
    assert {"text": "Warning overridden (Time-critical dose not given): Dr Benali decided: hold, review at 10:00"} \
        in sent["note"], sent["note"]

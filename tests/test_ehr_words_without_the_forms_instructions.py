"""What goes to the EHR and onto the worklist for a dose held and a syringe driver's changes says
what happened, not the paper form's letter, its instructions or another drug's examples (review
s65 R1 D5): "W — Held for clinical reason (write why): drowsy" was the EHR's reason, the morphine
driver's rate "Reading or reason (APTT ratio 1.4, glucose 14.2 mmol/L): breakthrough pain" on the
worklist, and its stop "Infusion stopped, bag taken down"."""

import json

from downtime.services import cd_register, infusion_rates, medication, records
from downtime.services.records import record_label
from downtime.sync.export import export
from tests.test_fhir_syringe_driver_period import DRIVER, WITNESS, _at


def test_a_held_dose_and_a_drivers_changes_in_their_own_words(session_for, medication_ward, clock, tmp_path):
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    held = medication.record_dose(nurse, amoxicillin, {
        "outcome": "not_given", "not_given_reason": "held", "not_given_detail": "drowsy",
        "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00"})
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    driver = records.save_new(session_for("doctor"), "medication_order", DRIVER, patient_id=patient).record_id
    clock.now = _at("2026-11-28T10:05+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                           "scheduled_for": "2026-11-28T10:00+01:00", "dose_given": 10.0,
                                           "route": "SC"}, witness=WITNESS, overrides={"allergy": "not hers"})
    clock.now = _at("2026-11-28T12:05+01:00")
    raised = infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T12:00+01:00", "change": "rate",
                                                        "rate_ml_h": 1.0, "reason": "breakthrough pain"},
                                        witness=WITNESS)
    clock.now = _at("2026-11-28T16:05+01:00")
    stop = infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T16:00+01:00", "change": "stopped"})
    found = export(session_for("records"), tmp_path / "out").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    sent = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    assert sent[held.record_id]["statusReason"] == [{"text": "Held for clinical reason: drowsy"}]
    assert sent[stop.record_id]["note"] == [{"text": "Infusion stopped, syringe or bag taken down"}]
    line = record_label(session_for("records"), raised)
    assert "Reading or reason: breakthrough pain" in line and "APTT" not in line, line

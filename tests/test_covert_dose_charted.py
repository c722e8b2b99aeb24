"""A dose of a covert order says whether it was given covertly (the dose form's version 4,
services.medication.record_dose): yes unless the nurse says not, asked of a covert order's dose
alone, and sent to the EHR in the MedicationAdministration's note. The tests' clock is 14:00 on
28/11 (Paris)."""

import json
from pathlib import Path

from fhir.resources.R4B.medicationadministration import MedicationAdministration

from downtime.services import medication, records
from downtime.sync.export import export

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "10:00 14:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False}
COVERT = {"covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T08:30+01:00",
          "covert_decided_by": "Dr Karim Benali, consultant"}
GIVEN = {"outcome": "given", "dose_given": 50.0, "route": "PO", "scheduled_for": "2026-11-28T14:00+01:00",
         "given_at": "2026-11-28T14:00+01:00"}


def test_a_covert_orders_dose_is_charted_covert_unless_the_nurse_says_not(session_for, patient, tmp_path: Path):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    covert = records.save_new(doctor, "medication_order", {**SERTRALINE, **COVERT}, patient_id=patient).record_id
    openly = records.save_new(doctor, "medication_order", {**SERTRALINE, "drug": "Mirtazapine", "dose": 15.0},
                              patient_id=patient).record_id
    spec = nurse.form(medication.DOSE_FORM)
    assert medication.asked_by_order(nurse, spec, {"order": covert}).get(medication.GIVEN_COVERTLY) is not False
    assert medication.asked_by_order(nurse, spec, {"order": openly})[medication.GIVEN_COVERTLY] is False
    disguised = medication.record_dose(nurse, covert, GIVEN)
    assert disguised.data[medication.GIVEN_COVERTLY] is True
    taken = medication.record_dose(nurse, covert, {**GIVEN, medication.GIVEN_COVERTLY: False,
                                                   "scheduled_for": "2026-11-28T10:00+01:00",
                                                   "given_at": "2026-11-28T10:05+01:00"})
    assert taken.data[medication.GIVEN_COVERTLY] is False
    plain = medication.record_dose(nurse, openly, {**GIVEN, "dose_given": 15.0, medication.GIVEN_COVERTLY: True})
    assert medication.GIVEN_COVERTLY not in plain.data
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    notes = {}
    for entry in bundle["entry"]:
        if entry["resource"]["id"] in (disguised.record_id, taken.record_id, plain.record_id):
            MedicationAdministration.model_validate(entry["resource"])
            notes[entry["resource"]["id"]] = [note["text"] for note in entry["resource"].get("note", [])]
    assert "Given covertly, disguised in food or drink, as the order's best-interests decision says" in notes[
        disguised.record_id]
    assert "Given openly, though the order allows it to be given covertly" in notes[taken.record_id]
    assert not any("covert" in note for note in notes[plain.record_id])

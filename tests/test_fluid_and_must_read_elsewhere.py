"""What other modules read of the fluid chart and the nutrition screening (F7's patch to them): an
output not measured on the fluid chart (version 3) is exported as words and no quantity, and urine
passed not measured, more than a little, ends "NOT PASSED URINE" after a catheter came out; the weekly MUST starts from
the height last measured."""

import json
from datetime import datetime, timedelta, timezone

from fhir.resources.R4B.observation import Observation

from downtime.services import census, chart_alerts, devices, prefill, records, wards
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.test_devices_void import IN, OUT, SAID

PARIS = timezone(timedelta(hours=1))


def test_an_output_not_measured_is_exported_as_words_not_a_quantity(session_for, patient, tmp_path):
    """The export read its volume by name: the records office's export stopped on the first one."""
    vomit = records.save_new(session_for("nurse"), "fluid_balance", {
        "measured_at": "2026-11-28T11:10+01:00", "route": "out_vomit", "not_measured": "large",
        "what": "Vomit in the bed"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    found = Observation.model_validate(next(entry["resource"] for entry in bundle["entry"]
                                            if entry["resource"]["id"] == vomit.record_id))
    assert found.code.text == "Fluid output: vomit or gastric aspirate" and found.valueQuantity is None
    assert found.valueString == "Not measured: large (+++)" and found.note[0].text == "Vomit in the bed"


def test_urine_passed_not_measured_after_the_catheter_came_out_is_a_void(session_for, patient, clock):
    """Incontinent after a trial without catheter, her pad soaked: charted as no figure, she was
    asked about as in retention (a bladder scan, the doctor) until a volume was made up."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", IN, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 6, 5, tzinfo=PARIS)
    records.save_new(nurse, "device_check", OUT, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 14, 0, tzinfo=PARIS)
    assert devices.handover(nurse.db, nurse.forms, [patient], clock.now, "en") == {
        patient: f"LINES AND CATHETERS: {SAID}"}
    # A few drops in a pad are the overflow of a full bladder: still asked (review S7 #4).
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T12:30+01:00", "route": "out_urine",
                                              "not_measured": "small", "what": "Damp pad"}, patient_id=patient)
    assert devices.handover(nurse.db, nurse.forms, [patient], clock.now, "en") == {
        patient: f"LINES AND CATHETERS: {SAID}"}
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T13:00+01:00", "route": "out_urine",
                                              "not_measured": "large", "what": "Pad soaked"}, patient_id=patient)
    assert devices.handover(nurse.db, nurse.forms, [patient], clock.now, "en") == {}
    inside = census.in_patients(nurse.db, nurse.forms, "3B", clock.now)
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, clock.now, "en", ward="3B")
    assert [alert for alert in found.alerts if alert.form_id == devices.FORM] == []


def test_a_weekly_screening_starts_from_the_height_measured_at_the_last_one(session_for, admission_values, clock):
    """Admitted at 170 cm as she said it, measured 158 cm from her ulna at the first screening: the
    weekly one offered the admission's 170 cm again, a BMI of 17.3 at 50 kg (score 2) for 20.0."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "weight_kg": 50.0, "height_cm": 170,
                                                    "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    spec = nurse.form("nutrition_screening")
    assert prefill.first_answers(nurse, spec, patient)["height_cm"] == 170  # none measured yet: the admission's
    records.save_new(nurse, "nutrition_screening", {
        "screened_at": "2026-11-28T10:00+01:00", "weight_kg": 50.0, "height_cm": 158, "weight_loss": "5_to_10",
        "acute_no_intake": False, "notes": "Height from ulna length"}, patient_id=patient)
    clock.advance(days=7)
    assert prefill.first_answers(nurse, spec, patient)["height_cm"] == 158

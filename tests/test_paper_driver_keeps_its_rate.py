"""A syringe driver typed in from the paper chart keeps its rate (review R3 D5): the dose stored
none, a later amendment of the order's rate rewrote the bag's, and the EHR was sent "Morphine 10
mg SC, completed 10:00" with no rate, a stat dose. services.medication.record_dose sets a bag
given with no rate of its own at the order's, whichever way it was recorded."""

import json
from datetime import datetime

from downtime.services import cd_register, medication, paper_doses, records
from downtime.sync.export import export


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_a_syringe_typed_in_from_the_paper_chart_keeps_the_orders_rate_and_sends_it(session_for, medication_ward,
                                                                                     clock, tmp_path):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = _at("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    driver = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 10.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7,
        "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": True,
        "high_alert": True}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T12:00+01:00")
    (saved,) = paper_doses.save_paper_doses(nurse, {1: paper_doses.PaperDose(
        order_id=driver, slot=_at("2026-11-28T10:00+01:00"), given=True, at=_at("2026-11-28T10:00+01:00"), dose=10.0,
        route="SC", witness="doctor", overrides={})})
    assert saved.data[medication.RATE] == 0.7
    folder = export(session_for("records"), tmp_path / "export", since_last=False).folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text())
    (given,) = [entry["resource"] for entry in bundle["entry"]
                if entry["resource"]["resourceType"] == "MedicationAdministration"
                and entry["resource"]["dosage"]["dose"]["value"] == 10.0]
    assert given["dosage"]["rateQuantity"]["value"] == 0.7


def test_a_dose_not_infused_or_not_given_is_given_no_rate(session_for, medication_ward, clock):
    patient, amoxicillin = medication_ward[0], medication_ward[1]
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    given = medication.record_dose(nurse, amoxicillin, {
        "outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.0, "route": "IV"}, overrides={medication.Check.ALLERGY: "tolerated since"})
    assert medication.RATE not in given.data
    driver = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
        "rate_ml_h": 125.0, "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T10:05+01:00")
    refused = medication.record_dose(nurse, driver, {
        "outcome": "not_given", "given_at": "2026-11-28T10:05+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "not_given_reason": "refused"})
    assert medication.RATE not in refused.data


def test_a_syringe_typed_in_after_its_orders_rate_was_amended_keeps_the_rate_it_went_up_at(session_for,
                                                                                             medication_ward, clock):
    """The 10:00 syringe typed in at 12:00, after the order's rate was amended at 11:00, was stored
    and sent to the EHR at the new rate, which nobody charted for it (review S5 S4)."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = _at("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    written = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 10.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7,
        "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": True,
        "high_alert": True}, patient_id=patient)
    clock.now = _at("2026-11-28T11:00+01:00")
    records.amend(doctor, written.record_id, {**written.data, "rate_ml_h": 1.4}, "Pain not controlled")
    clock.now = _at("2026-11-28T12:00+01:00")
    (saved,) = paper_doses.save_paper_doses(nurse, {1: paper_doses.PaperDose(
        order_id=written.record_id, slot=_at("2026-11-28T10:00+01:00"), given=True, at=_at("2026-11-28T10:00+01:00"),
        dose=10.0, route="SC", witness="doctor", overrides={})})
    assert saved.data[medication.RATE] == 0.7

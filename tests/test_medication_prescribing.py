"""Checks at prescribing: an order the patient's allergies match needs the doctor's reason,
kept in the order and its audit entry; a controlled drug cannot be ordered as not controlled;
and a dose is questioned when the patient's allergies are not known yet, or its route is not
the order's."""

import json

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records
from downtime.services.errors import ServiceError

CO_AMOXICLAV = {"drug": "Co-amoxiclav", "dose": 1.2, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
                "times": "08:00 16:00", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": False}


def test_an_order_the_allergy_matches_needs_the_prescribers_reason_kept_in_it(session_for, medication_ward):
    """The standard patient's allergy is "Penicillin": co-amoxiclav was saved without a word."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    with pytest.raises(medication.AllergyReasonNeeded, match="Co-amoxiclav matches the patient's recorded allergy: "
                                                             "Penicillin"):
        records.save_new(doctor, "medication_order", CO_AMOXICLAV, patient_id=patient)
    with pytest.raises(medication.AllergyReasonNeeded):
        records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "allergy_reason": "  "}, patient_id=patient)
    saved = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "allergy_reason": "Tolerated in 2025"},
                             patient_id=patient)
    assert saved.data["allergy_reason"] == "Tolerated in 2025"
    (entry,) = [json.loads(row[0]) for row in doctor.db.execute(
        "SELECT detail FROM audit WHERE entity = 'records' AND entity_id = ?", [saved.id])]
    assert entry["row_hash"]  # the order's row, reason and all, is in the audit chain


def test_an_order_amended_to_a_medicine_the_allergy_matches_asks_again(session_for, medication_ward):
    """The reason given for one medicine was not weighed against another."""
    patient, amox, _ = medication_ward
    doctor = session_for("doctor")
    ordered = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "drug": "Clarithromycin"},
                               patient_id=patient)
    with pytest.raises(medication.AllergyReasonNeeded):
        records.amend(doctor, ordered.record_id, {**ordered.data, "drug": "Tazocin"}, "wrong antibiotic")
    records.amend(doctor, ordered.record_id, {**ordered.data, "drug": "Tazocin", "allergy_reason": "ID advice"},
                  "wrong antibiotic")
    before = records.current(doctor.db, amox)
    with pytest.raises(medication.AllergyReasonNeeded):
        records.amend(doctor, amox, {**before.data, "drug": "Flucloxacillin"}, "other penicillin")
    records.amend(doctor, amox, {**before.data, "indication": "chest"}, "indication")


def test_a_known_controlled_drug_cannot_be_ordered_as_not_controlled(session_for, medication_ward):
    """Oxycodone ordered with "Controlled drug" No was given with no witness and no register line."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    oxycodone = {**CO_AMOXICLAV, "drug": "Oxycodone", "dose": 5.0, "dose_unit": "mg", "route": "PO"}
    with pytest.raises(ServiceError, match="“Controlled drug \\(witness needed\\)” must be Yes for Oxycodone, a "
                                           "controlled drug."):
        records.save_new(doctor, "medication_order", oxycodone, patient_id=patient)
    saved = records.save_new(doctor, "medication_order", {**oxycodone, "controlled": True}, patient_id=patient)
    with pytest.raises(ServiceError, match="must be Yes"):
        records.amend(doctor, saved.record_id, {**saved.data, "controlled": False}, "not a CD")


def test_an_order_loaded_as_not_controlled_still_needs_a_witness(session_for, medication_ward):
    """An order from the EHR's snapshot (or written before the rule) is read as controlled."""
    patient, _, _ = medication_ward
    clerk, nurse = session_for("records"), session_for("nurse")
    saved = records.save_imported(clerk, "medication_order", {**CO_AMOXICLAV, "drug": "Oxycodone", "dose": 5.0,
                                                              "dose_unit": "mg", "route": "PO"},
                                  patient, "0b7c3f6e-8d1a-4c55-9a3e-2f4d6b8a9c10")
    assert not saved.data["controlled"]
    assert medication.order(nurse.db, saved.record_id).controlled
    with pytest.raises(ServiceError, match="witness"):
        medication.record_dose(nurse, saved.record_id, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                                        "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 5.0,
                                                        "route": "PO"})

"""Every anticoagulant the wards give, by its name or a brand's, is one to the app: high-alert at
each dose (a second clinician's PIN), "on an anticoagulant" after a fall with a possible head
injury (a CT head within 8 hours), and VTE prophylaxis prescribed. Nadroparin (Fraxiparine), the
commonest low-molecular-weight heparin on French wards, was none of these; a heparin flush
keeping a line open is still none."""

from datetime import datetime

import pytest

from downtime.domain.medication import anticoagulant, high_alert_drug
from downtime.services import census, chart_alerts, falls, medication, records, vte
from downtime.services.errors import ServiceError, ValidationFailed

FRAXIPARINE = {"drug": "Fraxiparine 0,4 mL", "dose": 0.4, "dose_unit": "mL", "route": "SC", "frequency": "scheduled",
               "times": "14:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False}


@pytest.mark.parametrize("drug", [
    "Nadroparin", "Nadroparine calcique", "Fraxiparine 0,4 mL", "Fraxodi 11 400 UI", "Certoparin", "Reviparine",
    "Inhixa 4000 UI", "Danaparoid", "Orgaran", "Argatroban", "Arganova", "Bivalirudine", "Angiox",
    "Tinzaparine sodique", "Innohep", "Fragmine", "Lovenox", "Clexane", "Arixtra", "Calciparine", "Héparine calcique",
    "Eliquis", "Xarelto", "Pradaxa", "Lixiana", "Coumadine", "Previscan", "Sintrom", "Minisintrom"])
def test_each_anticoagulant_by_its_name_or_brand_is_one_and_high_alert(drug):
    assert anticoagulant(drug) and high_alert_drug(drug, "SC")


@pytest.mark.parametrize("drug", ["Héparine flush", "Heparin flush 50 units", "Hep lock", "Héparine (rinçage)"])
def test_a_heparin_flush_stays_no_anticoagulant_and_not_high_alert(drug):
    assert not anticoagulant(drug) and not high_alert_drug(drug, "IV")


def test_a_fraxiparine_order_is_refused_unticked_high_alert(session_for, patient):
    doctor = session_for("doctor")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", {**FRAXIPARINE, "high_alert": False}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["high_alert"]


def test_a_fraxiparine_dose_loaded_unticked_asks_a_second_clinicians_pin(session_for, patient):
    """An order from the EHR's snapshot comes as the EHR held it, unticked: its dose is checked all the same."""
    saved = records.save_imported(session_for("records"), "medication_order", {**FRAXIPARINE, "high_alert": False},
                                  patient, "7b2e4f10-3c5d-4e6a-8f90-1a2b3c4d5e6f")
    nurse = session_for("nurse")
    dose = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
            "dose_given": 0.4, "route": "SC"}
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, saved.record_id, dose)
    assert refused.value.text("en") == "High-alert medicine: a second nurse or doctor must check the dose with their " \
                                       "own PIN."
    assert medication.record_dose(nurse, saved.record_id, dose, witness=("doctor", "2222")).data["witness"] == "doctor"


def test_a_fall_with_a_possible_head_injury_on_fraxiparine_says_on_an_anticoagulant(session_for, patient):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "medication_order", {**FRAXIPARINE, "high_alert": True}, patient_id=patient)
    records.save_new(nurse, "inpatient_fall", {
        "fell_at": "2026-11-28T13:20+01:00", "witnessed": "found", "where": "toilet", "fracture_signs": "none",
        "head_injury": "not_excluded", "anticoagulated": False, "injuries": "Bruise over the left eyebrow"},
        patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.said[0].startswith("ON AN ANTICOAGULANT (Fraxiparine 0,4 mL on the medication chart) WITH A "
                                    "POSSIBLE HEAD INJURY")
    assert falls.anticoagulants(nurse.db, patient, datetime.fromisoformat("2026-11-28T13:20+01:00")) == (
        "Fraxiparine 0,4 mL",)


def test_vte_prophylaxis_decided_is_prescribed_by_a_fraxiparine_order(session_for, patient):
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {
        "assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced",
        "thrombosis_risks": ["over_60", "comorbidity"], "bleeding_risks": [], "prophylaxis": "pharmacological"},
        patient_id=patient)
    inside = census.in_patients(doctor.db, doctor.forms, "3B", doctor.clock())
    assert patient in vte.handover(doctor.db, doctor.forms, inside, doctor.clock(), "en")
    records.save_new(doctor, "medication_order", {**FRAXIPARINE, "high_alert": True}, patient_id=patient)
    assert vte.handover(doctor.db, doctor.forms, inside, doctor.clock(), "en") == {}

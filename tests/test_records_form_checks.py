"""Each form's own checks, said once by form id (records._form_checks) for a record typed and for
an amendment: a form id misspelt there would silently drop its checks, so each must be a form the
app loads; and the table's marks (new or amended, with or without a patient) decide what runs."""

import pytest

from downtime.services import glucose, records
from downtime.services.errors import ServiceError

CHECKED_FORMS = {
    "medication_order", "medication_administration", "operation_done", "lab_result", "blood_transfusion",
    "transfusion_end", "blood_order", "surgical_safety_checklist", "paediatric_observations", "blood_glucose",
    "vte_assessment", "sepsis_screening", "device_check", "wound_care", "pain_assessment", "observations",
    "nutrition_screening", "repositioning", "weight", "admission", "infusion_rate", "transfer", "transfer_out",
    "fluid_plan", "observation_plan", "infusion_check", "medicines_reconciliation", "lab_request", "inpatient_fall",
    "missing_patient", "swallow_screen", "falls_risk", "capacity_assessment", "alcohol_withdrawal", "death",
    "safeguarding_concern", "enhanced_observation",
}
READING = {"taken_at": "2026-11-28T13:50+01:00", "timing": "night", "reading": "value", "glucose": 8.2,
           "glucose_unit": "mmol_l", "next_in": "60"}


def test_each_form_with_its_own_checks_is_one_the_app_loads(forms):
    assert set(records._form_checks()) <= set(forms)
    assert set(records._form_checks()) == CHECKED_FORMS


def test_a_check_that_reads_no_patient_runs_before_the_patient_is_asked_for(session_for, monkeypatch):
    """As before the table: a glucose reading's own refusal (marked `patient=False`) comes before
    "choose the patient first"."""
    nurse, asked = session_for("nurse"), []
    monkeypatch.setattr(glucose, "check", lambda spec, *_: asked.append(spec.id))
    with pytest.raises(ServiceError, match="choose the patient first"):
        records.save_new(nurse, "blood_glucose", READING)
    assert asked == ["blood_glucose"]


def test_a_check_is_given_the_answers_an_amendment_corrects_and_none_for_a_new_record(session_for, patient,
                                                                                    monkeypatch):
    nurse, asked = session_for("nurse"), []
    monkeypatch.setattr(glucose, "check", lambda spec, data, lang, before: asked.append((before, data["glucose"])))
    saved = records.save_new(nurse, "blood_glucose", READING, patient_id=patient)
    records.amend(nurse, saved.record_id, {**READING, "glucose": 8.4}, "Misread")
    assert asked == [(None, 8.2), (saved.data, 8.4)]


def test_a_check_marked_amending_runs_on_an_amendment_alone():
    """A dose and an operation done are written new through their own services (or have nothing
    earlier to compare); the table says so, rather than save_new leaving them out. A result is
    checked new too (a student nurse's critical one, a value outside its range saved Normal)."""
    amending = {form_id for form_id, checks in records._form_checks().items() if any(check.amending for check in checks)}
    assert amending == {"medication_administration", "operation_done", "infusion_rate", "infusion_check"}

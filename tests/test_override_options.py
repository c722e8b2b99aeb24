"""Every question the dose dialog asks can be answered with a reason the dose form keeps: the neuro
chart's and the head injury's (session 58) were asked, but their reasons were not among the form's
options, and a dose given over them could not be saved at all ("choose one of the listed
options")."""

from downtime.domain.medication import Check
from downtime.services import medication, records
from tests.test_doses_after_a_head_injury import FALL, GIVEN, SET, _as_required


def test_every_warning_is_an_option_of_the_dose_forms_overrides(forms):
    [check] = [field for field in forms["medication_administration"].field("overrides").fields if field.id == "check"]
    assert {check.value for check in Check} <= {option.code for option in check.options}


def test_a_sedative_given_over_the_neuro_charts_question_is_saved_with_its_reason(session_for, medication_ward):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:30+01:00", "eyes": "2",
                                                   "verbal": "2", "motor": "4"}, patient_id=patient)
    order = _as_required(session_for, patient, "Lorazepam", 1.0)
    saved = medication.record_dose(nurse, order, {**GIVEN, "dose_given": 1.0, "route": "PO"},
                                   overrides={Check.NEURO_ALARM: "Dr Benali at the bedside, asked for it"})
    assert saved.data["overrides"] == [{"check": "neuro_alarm", "reason": "Dr Benali at the bedside, asked for it"}]

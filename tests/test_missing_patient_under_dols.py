"""A patient under a DoLS authorisation recorded missing: the form's own factor "Detained under the
Mental Health Act, or under a DoLS" makes the risk HIGH, yet the form opened blank for a patient
the hospital was authorised to keep from leaving, and was saved "low risk", the police to be told
an hour later (the form's list, and the trusts' missing-patient policies, hold them HIGH)."""

from downtime.services import enhanced_observation, prefill, records
from tests.test_enhanced_observation import SET, URGENT


def test_the_form_opens_with_the_dols_ticked_and_the_risk_high_while_an_authorisation_stands(session_for, patient,
                                                                                             clock):
    nurse = session_for("nurse")
    form = nurse.form("missing_patient")
    records.save_new(nurse, enhanced_observation.FORM, URGENT, patient_id=patient)
    opened = prefill.first_answers(nurse, form, patient)
    assert (opened["risk_factors"], opened["risk"]) == (["detained"], "high")


def test_it_opens_as_before_with_no_authorisation_or_once_the_urgent_one_has_ended(session_for, patient, clock):
    nurse = session_for("nurse")
    form = nurse.form("missing_patient")
    records.save_new(nurse, enhanced_observation.FORM, SET, patient_id=patient)
    assert "risk_factors" not in prefill.first_answers(nurse, form, patient)
    records.save_new(nurse, enhanced_observation.FORM, {**URGENT, "noted_at": "2026-11-28T10:30+01:00",
                                                        "decision": "reviewed"}, patient_id=patient)
    clock.advance(days=8)
    assert "risk_factors" not in prefill.first_answers(nurse, form, patient)

"""A sliding-scale (variable-dose) insulin time its rule gives none of at the reading (R2 #4):
recorded "not given, other", the handover and the escalation list called it a time-critical dose
missed, "tell the doctor", at every normal meal; recorded "0 units given", it asked a second
checker's PIN for nothing and reached the EHR as insulin given, completed. Its own answer, "none
by its rule", is recorded by one nurse with the reading, kept off the omissions, and sent as not
done with that reading."""

import json

import pytest
from fhir.resources.R4B.medicationadministration import MedicationAdministration
from pypdf import PdfReader

from downtime.services import census, chart_alerts, medication, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.test_glucose_insulin import glucose_charted

RULE = "capillary glucose under 8: none; 8 to 12: 2 units; 12 to 16: 4 units; over 16: 6 units and call the doctor"
READING = "capillary glucose 6.2 mmol/L"
NONE_BY_RULE = {"outcome": "not_given", "not_given_reason": "by_rule", "given_at": "2026-11-28T14:00+01:00",
                "scheduled_for": "2026-11-28T14:00+01:00"}


@pytest.fixture
def sliding(session_for, medication_ward) -> tuple[str, str, str]:
    """The medication ward's patient, their insulin aspart up to 6 units SC at 14:00 by capillary
    glucose (time-critical, high-alert), and 6.2 mmol/L charted at 13:55: the rule gives none.
    Returns (patient id, insulin order id, amoxicillin order id)."""
    patient, amoxicillin, _ = medication_ward
    glucose_charted(session_for("nurse"), patient, "2026-11-28T13:55+01:00", 6.2)
    return patient, records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
        "time_critical": True, "dose_rule": RULE}, patient_id=patient).record_id, amoxicillin


def _escalated(nurse) -> list[str]:
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
            for said in alert.said]


def test_none_by_its_rule_is_recorded_by_one_nurse_with_the_reading_and_no_omission_is_called(session_for, sliding):
    patient, order, _ = sliding
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, order, NONE_BY_RULE)
    assert [error.path for error in refused.value.errors] == ["decided_on"]
    saved = medication.record_dose(nurse, order, {**NONE_BY_RULE, "decided_on": READING})  # no second checker
    assert saved.form_version == 4 and "witness" not in saved.data
    assert saved.data["not_given_reason"] == "by_rule" and saved.data["decided_on"] == READING
    assert medication.time_critical_handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}
    assert not [said for said in _escalated(nurse) if "TIME-CRITICAL" in said]


def test_a_dose_not_given_for_another_reason_is_still_called_to_the_doctor(session_for, sliding):
    """The same time recorded "other" stays the omission it was: only the rule's none is exempt."""
    patient, order, _ = sliding
    nurse = session_for("nurse")
    medication.record_dose(nurse, order, {**NONE_BY_RULE, "not_given_reason": "other", "not_given_detail": "no pen"})
    assert "TIME-CRITICAL DOSE NOT GIVEN" in medication.time_critical_handover(
        nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]


def test_zero_units_given_is_refused_pointing_to_none_by_its_rule(session_for, sliding):
    _, order, _ = sliding
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(session_for("nurse"), order, {
            "outcome": "given", "dose_given": 0.0, "route": "SC", "given_at": "2026-11-28T14:00+01:00",
            "scheduled_for": "2026-11-28T14:00+01:00", "decided_on": READING}, witness=("doctor", "2222"))
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "dose_given", "“Dose given”: 0 units is no dose given. When its rule gives none at the reading, record the "
                      "dose not given, “Z — None by its rule (reading)”, with the reading.")]


def test_none_by_its_rule_is_refused_of_an_order_with_no_rule(session_for, sliding):
    _, _, amoxicillin = sliding
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(session_for("nurse"), amoxicillin, {**NONE_BY_RULE, "decided_on": READING})
    assert [error.path for error in refused.value.errors] == ["not_given_reason"]
    assert "only for a variable-dose order" in refused.value.errors[0].message


@pytest.mark.parametrize(("lang", "cell", "key"), [("en", "(Z) HL (capillary glucose 6.2 mmol/L)",
                                                    "Z none by its rule (reading)"),
                                                   ("fr", "(Z) HL (capillary glucose 6.2 mmol/L)",
                                                    "Z aucune selon la règle (valeur)")])
def test_the_chart_prints_its_letter_and_key_and_the_ehr_reads_it_not_done_with_the_reading(
        session_for, sliding, tmp_path, lang, cell, key):
    patient, order, _ = sliding
    saved = medication.record_dose(session_for("nurse"), order, {**NONE_BY_RULE, "decided_on": READING})
    out = printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "mar.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert cell in text and key in text, text
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (administration,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    MedicationAdministration.model_validate(administration)
    assert administration["status"] == "not-done" and "dosage" not in administration
    assert administration["statusReason"] == [{"text": f"None by its rule: {READING}"}]

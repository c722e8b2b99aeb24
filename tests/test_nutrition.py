"""Malnutrition screening (MUST): each step's score as BAPEN's tool gives it, the risk and what it
asks, the screening falling due again a week after, a patient never screened a day after they
came in; the handover sheet's line, the blank form, and each screening in the export."""

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st

from downtime.domain.nutrition import Risk, bmi, bmi_score, meaning, risk, total
from downtime.services import census, nutrition, prefill, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed
from tests.pdf_text import pdf_text

SCREEN = {"screened_at": "2026-11-28T10:00+01:00", "weight_kg": 50.0, "height_cm": 165, "weight_loss": "5_to_10",
          "acute_no_intake": False}  # BMI 18.4: 2, loss 1


@pytest.fixture
def admission_values(admission_values):
    """Weighed 50 kg on admission, as at the screenings: a weight far from the stay's latest, and a
    loss the stay's weights show, are asked about (tests/test_nutrition_weight_checks.py)."""
    return {**admission_values, "weight_kg": 50.0}


def test_each_step_scores_as_the_tool_says():
    assert [bmi_score(index) for index in (30.0, 20.01, 20.0, 18.5, 18.49, 15.0)] == [0, 0, 1, 1, 2, 2]
    assert round(bmi(50.0, 165), 1) == 18.4
    assert total(50.0, 165, "5_to_10", False) == 3 and total(70.0, 165, "under_5", False) == 0
    assert total(70.0, 165, "over_10", True) == 4
    assert [risk(score) for score in range(5)] == [Risk.LOW, Risk.MEDIUM, Risk.HIGH, Risk.HIGH, Risk.HIGH]


@pytest.mark.parametrize("kg, shown, risk_said", [(57.9, "20", "MEDIUM RISK"), (53.4, "18.5", "MEDIUM RISK"),
                                                  (58.0, "20.1", "low risk")])
def test_the_bmi_shown_is_the_bmi_scored(kg, shown, risk_said):
    """57.9 kg for 170 cm showed "BMI 20" and scored 0 (its 20.03 over 20), 53.4 kg "BMI 18.5"
    and scored 2 (18.48): a nurse checking the score by the BMI shown and the form's bands found
    another risk."""
    said = meaning({"weight_kg": kg, "height_cm": 170, "weight_loss": "under_5", "acute_no_intake": False}, "en")
    assert said.startswith(risk_said) and said.endswith(f"(BMI {shown})"), said


@given(st.floats(min_value=20, max_value=200), st.integers(min_value=100, max_value=220),
       st.sampled_from(("under_5", "5_to_10", "over_10")), st.booleans())
def test_a_lower_weight_never_scores_less(weight, height, loss, acute):
    assert total(weight * 0.9, height, loss, acute) >= total(weight, height, loss, acute)


def test_the_latest_screening_says_its_risk_and_falls_due_a_week_later(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    assert nutrition.state(None, summary, nurse.clock(), "en") == ("Nutrition: not screened yet (MUST)", [])
    records.save_new(nurse, "nutrition_screening", SCREEN, patient_id=patient)
    found = nutrition.latest(nurse.db, [patient])[patient]
    assert (found.score, found.risk) == (3, Risk.HIGH)
    assert nutrition.state(found, summary, nurse.clock(), "en") == (
        "Nutrition: MUST 3, HIGH RISK: treat, refer to the dietitian (BMI 18.4, 28/11 10:00)", [])
    assert nutrition.state(found, summary, nurse.clock(), "fr")[0] == (
        "Nutrition : MUST 3, RISQUE ÉLEVÉ : traiter, demander l’avis de la diététicienne (IMC 18,4, 28/11 10:00)")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    said = nutrition.handover(nurse.db, inside, nurse.clock(), "en")
    assert said == {patient: "Nutrition: MUST 3, HIGH RISK: treat, refer to the dietitian (BMI 18.4, 28/11 10:00)"}
    assert said[patient] in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert nutrition.next_change(found, summary, nurse.clock()).isoformat() == "2026-12-05T10:00:00+01:00"
    clock.advance(days=7)
    assert nutrition.state(found, summary, nurse.clock(), "en")[1] == [
        "NUTRITION SCREENING DUE since 05/12 10:00: screen again (MUST)"]
    records.save_new(nurse, "nutrition_screening", {**SCREEN, "screened_at": "2026-12-05T13:30+01:00",
                                                    "weight_kg": 70.0, "weight_confirmed_kg": 70.0,
                                                    "weight_loss": "under_5"}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert nutrition.handover(nurse.db, inside, nurse.clock(), "en") == {}  # low risk, not due: nothing to say


def test_a_patient_never_screened_is_asked_for_a_day_after_coming_in(session_for, patient, clock):
    nurse = session_for("nurse")
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    assert nutrition.next_change(None, summary, nurse.clock()).isoformat() == "2026-11-29T09:00:00+01:00"
    clock.advance(hours=19)  # 29/11 09:00, a day after the 09:00 arrival
    assert nutrition.state(None, summary, nurse.clock(), "en")[1] == [
        "NUTRITION NOT SCREENED since admission on 28/11 09:00: screen with MUST"]
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert nutrition.never_screened(nurse.db, inside, nurse.clock()) == {patient}
    assert nutrition.handover(nurse.db, inside, nurse.clock(), "fr") == {}  # said with the others not done
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-29T08:30+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    gone = census.patient_with_location(nurse.db, nurse.forms, patient)
    assert nutrition.state(None, gone, nurse.clock(), "en") == ("Nutrition: not screened yet (MUST)", [])


def test_the_height_starts_from_the_admission_the_weight_is_typed_and_both_are_asked(session_for, patient,
                                                                                      admission_values):
    """MUST's first step is a weight measured now: the admission's, offered, was saved unweighed."""
    nurse = session_for("nurse")
    first = prefill.first_answers(nurse, nurse.form("nutrition_screening"), patient)
    assert admission_values.get("weight_kg") and "weight_kg" not in first
    assert first.get("height_cm") == admission_values.get("height_cm")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "nutrition_screening", {**SCREEN, "height_cm": None, "weight_loss": None},
                         patient_id=patient)
    assert sorted(error.path for error in refused.value.errors) == ["height_cm", "weight_loss"]
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "nutrition_screening", SCREEN, patient_id=patient)


def test_a_weekly_screening_is_weighed_again_not_offered_the_admissions_weight(session_for, patient, clock):
    """Offered the admission's 61.5 kg a week after a screening weighed 45 kg (MUST 2), the nurse
    saved it: MUST 0, low risk, and 61.5 kg "weighed" that day for what is worked out per kilogram."""
    nurse = session_for("nurse")
    records.save_new(nurse, "nutrition_screening", {**SCREEN, "weight_kg": 45.0, "height_cm": 158,
                                                    "weight_loss": "over_10"}, patient_id=patient)
    clock.advance(days=7)
    first = prefill.first_answers(nurse, nurse.form("nutrition_screening"), patient)
    assert "weight_kg" not in first and first["height_cm"] == 158
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "nutrition_screening", {**first, "screened_at": "2026-12-05T14:00+01:00",
                                                        "weight_loss": "under_5", "acute_no_intake": False},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["weight_kg"]


def test_medium_risk_sends_to_a_paper_food_chart_the_app_does_not_keep(session_for, patient):
    """MUST 1 asked to record what is eaten for 3 days, and no form of the app takes a meal: the
    nurse looked for the food chart in it."""
    nurse = session_for("nurse")
    records.save_new(nurse, "nutrition_screening", {**SCREEN, "height_cm": 155}, patient_id=patient)  # BMI 20.8
    screened = nutrition.latest(nurse.db, [patient])[patient]
    assert (screened.score, screened.risk) == (1, Risk.MEDIUM)
    assert screened.text("en").startswith(
        "Nutrition: MUST 1, MEDIUM RISK: observe, record what is eaten for 3 days on a paper food chart (none in this "
        "app)")
    assert "sur une feuille alimentaire papier (aucune dans l’application)" in screened.text("fr")


def test_the_acute_disease_item_says_the_days_without_food_to_come_in_french_too(forms):
    """BAPEN's step 3 counts the days without intake that are likely ahead as well as those gone
    by: "depuis plus de 5 jours" said only the past."""
    label = forms["nutrition_screening"].field("acute_no_intake").label
    assert "likely" in label.en and "for more than 5 days" in label.en
    assert label.fr == ("Affection aiguë et absence d’apport nutritionnel, passée ou probable, pendant plus de 5 jours "
                        "(score 2)")


def test_the_blank_screening_is_one_page_with_the_scores_and_the_export_sends_an_observation(
        session_for, patient, blank_pages, exported_resource):
    english = blank_pages("nutrition_screening", "en")
    assert len(english) == len(blank_pages("nutrition_screening", "fr")) == 1
    assert "BMI over 20 scores 0" in english[0]
    saved = records.save_new(session_for("nurse"), "nutrition_screening", {**SCREEN, "notes": "Dietitian asked"},
                             patient_id=patient)
    found = exported_resource(saved.record_id, Observation)
    assert (found.valueInteger, found.interpretation[0].text, found.category[0].coding[0].code) == (
        3, "HIGH RISK: treat, refer to the dietitian", "survey")
    assert [(part.code.text, float(part.valueQuantity.value), part.valueQuantity.code) for part in found.component
            if part.valueQuantity] == [("Body mass index", 18.4, "kg/m2"), ("Weight today", 50.0, "kg"),
                                       ("Height", 165, "cm")]
    assert found.note[0].text == "Dietitian asked" and found.encounter is not None


def test_a_move_a_transfer_or_a_discharge_says_the_malnutrition_risk(session_for, patient):
    nurse = session_for("nurse")
    assert "nutrition" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)
    records.save_new(nurse, "nutrition_screening", SCREEN, patient_id=patient)
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["nutrition"] == (
            "Nutrition: MUST 3, HIGH RISK: treat, refer to the dietitian (BMI 18.4, 28/11 10:00)"), form_id
    assert prefill.first_answers(session_for("nurse", "fr"), nurse.form("discharge"), patient)["nutrition"] == (
        "Nutrition : MUST 3, RISQUE ÉLEVÉ : traiter, demander l’avis de la diététicienne (IMC 18,4, 28/11 10:00)")

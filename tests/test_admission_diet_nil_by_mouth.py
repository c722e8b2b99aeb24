"""An admission's diet nil by mouth and a meal served at once ("Normal, Nil by mouth") was saved
and handed over so: refused naming the Diet, in the nurse's language (review R1 D4)."""

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed


@pytest.mark.parametrize("lang, said", [
    ("en", "“Diet”: “Nil by mouth” cannot go with “Normal”: a patient nil by mouth is served no meal. Tick one or "
           "the other."),
    ("fr", "« Régime alimentaire » : « À jeun » ne va pas avec « Normal » : un patient à jeun ne reçoit aucun repas. "
           "Cocher l’un ou l’autre.")])
def test_nil_by_mouth_with_a_meal_served_is_refused_naming_the_diet(session_for, admission_values, lang, said):
    nurse = session_for("nurse", lang)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "admission", {**admission_values, "diet": ["normal", "nil_by_mouth"]})
    assert [(error.path, error.message) for error in refused.value.errors] == [("diet", said)]


def test_nil_by_mouth_with_what_the_patient_never_eats_is_saved(session_for, admission_values):
    """Vegetarian, no pork, gluten free: true while fasting, and for the meal after."""
    saved = records.save_new(session_for("nurse"), "admission", {**admission_values,
                                                                "diet": ["nil_by_mouth", "vegetarian"]})
    assert saved.data["diet"] == ["nil_by_mouth", "vegetarian"]



def test_a_dose_given_by_mouth_to_a_patient_nil_by_mouth_is_saved_with_who_allowed_it(session_for, patient, clock):
    """The dose form keeps the reason under a check of its own (review R1 D4)."""
    from downtime.domain.medication import Check
    from downtime.services import census, medication
    from downtime.storage.records import current

    nurse = session_for("nurse")
    admission = current(nurse.db, census.patient_with_location(nurse.db, nurse.forms, patient).admission_record_id)
    records.amend(nurse, admission.record_id, {**admission.data, "diet": ["nil_by_mouth"]}, "failed swallow screen")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Levetiracetam", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False,
        "time_critical": False}, patient_id=patient).record_id
    given = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
             "dose_given": 500.0, "route": "PO"}
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, given)
    saved = medication.record_dose(nurse, order, given,
                                   overrides={Check.NIL_BY_MOUTH_GIVEN: "SALT allows tablets with a spoon of yoghurt"})
    assert saved.data["overrides"] == [{"check": "nil_by_mouth_given",
                                        "reason": "SALT allows tablets with a spoon of yoghurt"}]
    labels = {option.code: (option.label.en, option.label.fr)
              for option in nurse.form("medication_administration").field("overrides").fields[0].options}
    assert labels["nil_by_mouth_given"] == ("Given by mouth, patient nil by mouth", "Donné par la bouche, patient à jeun")

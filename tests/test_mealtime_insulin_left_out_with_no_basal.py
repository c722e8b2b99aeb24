"""A mealtime insulin left out with the meal of a patient nil by mouth is on no list, as JBDS-IP
has it (domain.medication.left_out_with_meals): but of a patient with no basal, premixed or
intravenous insulin ordered, nothing then stands between them and ketoacidosis in type 1, and the
list said nothing at 12:40 (review T1-5). The left-out dose asks the doctor for a plan then."""

from datetime import datetime

import pytest

from downtime.services import medication, records
from tests.test_insulin_nil_by_mouth import FASTING, ORDER

AT = datetime.fromisoformat("2026-11-28T12:40+01:00")
NO_BASAL = {"en": "no basal insulin ordered: ask the doctor now (type 1 diabetes never without insulin)",
            "fr": "aucune insuline basale prescrite : appeler le médecin maintenant (diabète de type 1 : jamais sans "
                  "insuline)"}


def _left_out(session_for, patient, clock, lang, *others):
    """The handover's words at 12:40 of the patient's lunchtime aspart left out nil by mouth, with
    `others` (order values) ordered beside it."""
    doctor, nurse = session_for("doctor"), session_for("nurse", lang=lang)
    for values in others:
        records.save_new(doctor, "medication_order", {**ORDER, **values}, patient_id=patient)
    aspart = records.save_new(doctor, "medication_order", {**ORDER, "drug": "Insulin aspart", "dose": 6.0},
                              patient_id=patient).record_id
    clock.now = datetime.fromisoformat(FASTING["given_at"])
    medication.record_dose(nurse, aspart, FASTING)
    return medication.time_critical_handover(nurse.db, nurse.forms, [patient], AT, lang).get(patient, "")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_with_no_other_insulin_ordered_the_doctor_is_asked_for_a_plan(session_for, patient, clock, lang):
    assert NO_BASAL[lang] in _left_out(session_for, patient, clock, lang)


@pytest.mark.parametrize("other", [
    {"drug": "Insulin glargine", "dose": 10.0, "times": "22:00"},
    {"drug": "NovoMix 30", "dose": 10.0, "times": "08:00 18:00"},
    {"drug": "Actrapid 50 units in 50 mL", "dose": 50.0, "rate_ml_h": 2.0, "frequency": "once", "times": None,
     "route": "IV", "form": "infusion"}])
def test_with_a_basal_premixed_or_intravenous_insulin_ordered_it_is_on_no_list(session_for, patient, clock, other):
    assert "Insulin aspart" not in _left_out(session_for, patient, clock, "en", other)

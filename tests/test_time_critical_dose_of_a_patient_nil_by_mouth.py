"""The escalation list and the handover ask for a time-critical dose late or not yet recorded to be
given now (Parkinson's UK "Get It On Time"): of a levodopa ordered by mouth to a patient whose
admission records them nil by mouth, that asked the nurse to give a tablet the patient must not
swallow (review T1-4). The list asks the doctor for another route, in the theatre list's words
(services.theatre.PARKINSONS_WORDS); a dose by another route is still to give now."""

from datetime import datetime

import pytest

from downtime.services import medication, records
from tests.test_time_critical import LEVODOPA

AT_07 = datetime.fromisoformat("2026-11-29T07:00+01:00")
ANOTHER_ROUTE = {"en": ("; nil by mouth on admission):", "ask the doctor for another route now"),
                 "fr": ("; à jeun strict à l’admission) :", "demander dès maintenant au médecin une autre voie")}


def _levodopa_at_06(session_for, admission_values, diet, route, lang="en"):
    """The patient's 06:00 levodopa (ordered 28/11 09:30, nothing recorded since) as the handover
    says it at 07:00 on 29/11."""
    nurse = session_for("nurse", lang=lang)
    patient = records.save_new(nurse, "admission", {**admission_values, "diet": diet}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {**LEVODOPA, "route": route}, patient_id=patient)
    return medication.time_critical_handover(nurse.db, nurse.forms, [patient], AT_07, lang)[patient]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_oral_levodopa_of_a_patient_nil_by_mouth_asks_the_doctor_for_another_route(session_for, admission_values,
                                                                                      lang):
    said = _levodopa_at_06(session_for, admission_values, ["nil_by_mouth"], "PO", lang)
    assert all(words in said for words in ANOTHER_ROUTE[lang])
    assert "give it now" not in said and "la donner maintenant" not in said


@pytest.mark.parametrize(("diet", "route"), [([], "PO"), (["nil_by_mouth"], "NG")])
def test_by_mouth_to_a_patient_eating_or_by_the_tube_it_is_still_to_give_now(session_for, admission_values, diet,
                                                                            route):
    said = _levodopa_at_06(session_for, admission_values, diet, route)
    assert "give it now" in said and "another route" not in said

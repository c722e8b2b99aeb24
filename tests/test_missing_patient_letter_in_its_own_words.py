"""A letter's missing-patient line (services.missing_patient.handed_on) says the facts in the
letter's own words, not the form's questions ("How they left, if known: …", "Condition on return
(injuries, observations): …"), and in a French the same for a man or a woman: "Disparu du service
… Comment il est parti" was printed of Mme MARTIN (review T1, defect 5)."""

import pytest

from downtime.services import missing_patient, records
from tests.test_missing_patient_on_the_letters import AGAIN, BACK
from tests.test_missing_patient_line_says_the_return import MISSING


@pytest.mark.parametrize("lang, said", [
    ("en", ["Missing from the ward 28/11 13:20 to 28/11 13:55 (last seen: day room); HIGH RISK; "
            "left: wandered off (confused, lost); found: car park; on return: cold, confused, no new injury; "
            "reviewed on return by Dr Benali 28/11 13:58",
            "Missing from the ward since 28/11 13:57 (last seen: day room), not returned; medium risk; "
            "left: on purpose (absconded)"]),
    ("fr", ["Disparition du service du 28/11 13:20 au 28/11 13:55 (dernier lieu connu : day room) ; RISQUE ÉLEVÉ ; "
            "départ : errance (confusion, désorientation) ; retrouvé(e) : car park ; "
            "au retour : cold, confused, no new injury ; examen médical au retour par Dr Benali le 28/11 13:58",
            "Disparition du service depuis le 28/11 13:57 (dernier lieu connu : day room), pas de retour ; "
            "risque moyen ; départ : volontaire (fugue)"])])
def test_the_letters_line_is_in_its_own_words(session_for, patient, clock, lang, said):
    nurse = session_for("nurse", lang)
    first = records.save_new(nurse, missing_patient.FORM, MISSING, patient_id=patient)
    records.amend(nurse, first.record_id, {**BACK, "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:58+01:00",
                                           "police_told_found_at": "2026-11-28T13:59+01:00"}, "Found")
    records.save_new(nurse, missing_patient.FORM, AGAIN, patient_id=patient)
    assert missing_patient.handed_on(nurse.db, nurse.forms, patient, clock.now, lang) == said

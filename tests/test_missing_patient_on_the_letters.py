"""A patient missing from the ward during the stay, said on the letters that hand them on (review
s65 R3 D5): wandered off and found in the car park, the episode reached the FHIR Flag alone, and
the receiving hospital or care home planned no supervision for a patient who wanders. Each
episode of the stay, one a line, in the letter's field of its own (transfer_out and discharge
version 6)."""

import pytest

from downtime.services import missing_patient, prefill, printing, records
from tests.pdf_text import pdf_text
from tests.test_missing_patient_line_says_the_return import MISSING
from tests.test_pdf_forms import TRANSFER_OUT

AGAIN = {"last_seen_at": "2026-11-28T13:57+01:00", "noticed_at": "2026-11-28T13:58+01:00",
         "last_seen_where": "day room", "description": "Tall, grey hair", "how": "absconded", "risk_factors": [],
         "risk": "medium"}
BACK = {**MISSING, "returned_at": "2026-11-28T13:55+01:00", "returned_where": "car park",
        "returned_condition": "cold, confused, no new injury"}


@pytest.mark.parametrize("form_id", ["transfer_out", "discharge"])
def test_the_letters_say_each_episode_of_the_stay(session_for, patient, form_id):
    nurse = session_for("nurse")
    assert not prefill.first_answers(nurse, nurse.form(form_id), patient).get("missing")
    saved = records.save_new(nurse, missing_patient.FORM, MISSING, patient_id=patient)
    records.amend(nurse, saved.record_id, BACK, "Found")
    assert prefill.first_answers(nurse, nurse.form(form_id), patient)["missing"] == (
        "Missing from the ward 28/11 13:20 to 28/11 13:55 (last seen: day room); HIGH RISK; "
        "left: wandered off (confused, lost); found: car park; "
        "on return: cold, confused, no new injury; not reviewed by a doctor on return")


def test_reviewed_still_missing_in_french_and_entered_in_error(session_for, patient, clock):
    nurse = session_for("nurse", "fr")
    first = records.save_new(nurse, missing_patient.FORM, MISSING, patient_id=patient)
    records.amend(nurse, first.record_id, {**BACK, "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:58+01:00",
                                           "police_told_found_at": "2026-11-28T13:59+01:00"}, "Revu")
    wrong = records.save_new(nurse, missing_patient.FORM, {**AGAIN, "how": "wandered"}, patient_id=patient)
    records.mark_entered_in_error(nurse, wrong.record_id, "Mauvais patient")
    records.save_new(nurse, missing_patient.FORM, AGAIN, patient_id=patient)
    assert missing_patient.handed_on(nurse.db, nurse.forms, patient, clock.now, "fr") == [
        ("Disparition du service du 28/11 13:20 au 28/11 13:55 (dernier lieu connu : day room) ; RISQUE ÉLEVÉ ; "
         "départ : errance (confusion, désorientation) ; retrouvé(e) : car park ; "
         "au retour : cold, confused, no new injury ; "
         "examen médical au retour par Dr Benali le 28/11 13:58"),
        ("Disparition du service depuis le 28/11 13:57 (dernier lieu connu : day room), pas de retour ; "
         "risque moyen ; départ : volontaire (fugue)")]


def test_the_transfer_letter_prints_it(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, missing_patient.FORM, MISSING, patient_id=patient)
    records.amend(nurse, saved.record_id, BACK, "Found")
    said = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["missing"]
    letter = records.save_new(nurse, "transfer_out", {**TRANSFER_OUT, "departed_at": "2026-11-28T14:00+01:00",
                                                      "obs_at": "2026-11-28T13:58+01:00", "missing": said},
                              patient_id=patient)
    printed = pdf_text(printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf"))
    assert f"Missing from the ward during the stay {said}" in printed

"""A covert decision does not pass from one setting to the next by itself: the receiving hospital,
care home or GP makes or records their own (Mental Capacity Act 2005; NICE SC1 1.15). The letters
said "COVERT: in yoghurt (review by 05/12)", naming no one, which read as a guess (review s65 R3
D7): they say who decided and when, and the pharmacist who advised how."""

import pytest

from downtime.services import prefill, records
from tests.test_covert_administration import CO_CARELDOPA, COVERT

DECIDED = ("COVERT: in yoghurt; crush IR tablets only, not the MR — best-interests decision of 28/11 by "
           "Dr Karim Benali, consultant, advised by pharmacist Inès Roux (review by 05/12)")


@pytest.mark.parametrize("form_id, field", [("transfer_out", "current_treatments"),
                                            ("discharge", "medicines_on_discharge")])
def test_the_letters_say_who_decided_and_when(session_for, patient, form_id, field):
    records.save_new(session_for("doctor"), "medication_order", {**CO_CARELDOPA, **COVERT}, patient_id=patient)
    nurse = session_for("nurse")
    assert DECIDED in prefill.first_answers(nurse, nurse.form(form_id), patient)[field]


def test_in_french_and_without_a_pharmacist(session_for, patient):
    unadvised = {key: value for key, value in COVERT.items() if key != "covert_pharmacist"}
    records.save_new(session_for("doctor"), "medication_order", {**CO_CARELDOPA, **unadvised}, patient_id=patient)
    nurse = session_for("nurse", "fr")
    assert ("À L’INSU DU PATIENT : in yoghurt; crush IR tablets only, not the MR — décision dans l’intérêt du "
            "patient du 28/11 par Dr Karim Benali, consultant (réévaluer le 05/12)"
            in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"])

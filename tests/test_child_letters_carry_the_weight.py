"""A child's transfer-out and discharge letters (version 7) carry the age in words and the latest
weight, with its date and whether it was weighed (review s66 R1 D8): the receiving team, the GP
and the parents were given doses per kilogram with no weight to check them by. And a child's
transfer is no longer refused for the adult NEWS2 section's "Taken at", which a child's
observations (PEWS) have their own field for."""

import pytest

from downtime.services import prefill, printing, records, weight
from tests.pdf_text import pdf_text
from tests.test_pdf_forms import TRANSFER_OUT

ADULT_OBSERVATIONS = ("obs_at", "resp_rate", "spo2", "systolic", "diastolic", "pulse", "temperature", "consciousness")
CHILD_TRANSFER = {name: value for name, value in TRANSFER_OUT.items() if name not in ADULT_OBSERVATIONS}
DISCHARGE = {"discharged_at": "2026-11-28T14:00+01:00", "destination": "home", "decided_by": "Dr Benali",
             "letter_given": True, "medicines_given": True}


@pytest.mark.parametrize("form_id", ["transfer_out", "discharge"])
def test_a_childs_letter_starts_with_the_age_and_the_weight(session_for, admit_to_paediatrics, form_id):
    nurse = session_for("nurse")
    toddler = admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")
    assert prefill.first_answers(nurse, nurse.form(form_id), toddler)["child_weight"] == (
        "Age 2 years; weight 12 kg on admission (27/11/2026)")
    records.save_new(nurse, weight.FORM, {"weighed_at": "2026-11-28T08:00+01:00", "weight_kg": 11.5,
                                          "method": "estimated"}, patient_id=toddler)
    assert prefill.first_answers(session_for("nurse", "fr"), nurse.form(form_id), toddler)["child_weight"] == (
        "Âge : 2 ans ; poids : 12 kg à l’admission (27/11/2026) (le poids mesuré, pas le plus récent 11,5 kg "
        "ESTIMÉ le 28/11/2026, non pesé)")


def test_a_baby_never_weighed_is_said_so(session_for, admit_to_paediatrics):
    nurse = session_for("nurse")
    baby = admit_to_paediatrics("4", "2026-07-20", None, "Lea")
    assert prefill.first_answers(nurse, nurse.form("discharge"), baby)["child_weight"] == (
        "Age 4 months; weight NOT RECORDED this stay")


def test_an_adults_letter_says_no_childs_weight(session_for, patient):
    nurse = session_for("nurse")
    assert "child_weight" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)


def test_a_childs_transfer_needs_no_adult_observations_and_prints_the_weight(session_for, admit_to_paediatrics,
                                                                          tmp_path):
    nurse = session_for("nurse")
    toddler = admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")
    first = prefill.first_answers(nurse, nurse.form("transfer_out"), toddler)
    letter = records.save_new(nurse, "transfer_out", {**CHILD_TRANSFER, "child_weight": first["child_weight"]},
                              patient_id=toddler)
    assert letter.form_version == 8
    printed = " ".join(pdf_text(printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf")).split())
    assert "Age 2 years; weight 12 kg on admission (27/11/2026)" in printed


def test_the_printed_discharge_of_a_child_gives_the_weight(session_for, admit_to_paediatrics, tmp_path):
    nurse = session_for("nurse")
    toddler = admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")
    first = prefill.first_answers(nurse, nurse.form("discharge"), toddler)
    letter = records.save_new(nurse, "discharge", {**DISCHARGE, "child_weight": first["child_weight"]},
                              patient_id=toddler)
    printed = " ".join(pdf_text(printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf")).split())
    assert "12 kg on admission (27/11/2026)" in printed

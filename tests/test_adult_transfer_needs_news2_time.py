"""A transfer-out letter (version 7) requires its last observations' "Taken at" of a patient
NEWS2 scores alone (review s66 R1 D8): the form asked it of a child too, whose observations go in
the PEWS field, and the nurse typed a time into the adult section to send a toddler to PICU."""

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_child_letters_carry_the_weight import CHILD_TRANSFER


@pytest.mark.parametrize("lang, said", [("en", "“Taken at” is required."), ("fr", "« Relevées le » est obligatoire.")])
def test_an_adults_transfer_still_needs_the_time_of_the_last_observations(session_for, patient, lang, said):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", lang), "transfer_out", CHILD_TRANSFER, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [("obs_at", said)]


def test_a_childs_transfer_does_not(session_for, admit_to_paediatrics):
    toddler = admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")
    assert records.save_new(session_for("nurse"), "transfer_out", CHILD_TRANSFER, patient_id=toddler).form_version == 8

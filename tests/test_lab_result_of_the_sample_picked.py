"""A result is refused for a sample it cannot be of: received before that sample was taken, or
its own "Sample taken" another time. The paper report of the 06:00 potassium, typed at 13:10
against the only sample awaiting a result, the 12:00 repeat, closed the repeat, which nobody
chased again (NPSA: a result matched to its sample by the sample's identity)."""

from datetime import datetime

import pytest

from downtime.services import lab_results, records
from downtime.services.errors import ValidationFailed

REPEAT = {"taken_at": "2026-11-29T12:00+01:00", "urgency": "urgent", "tests": ["electrolytes"], "sample_number": "B2"}
REPORT = {"received_at": "2026-11-29T13:10+01:00", "received_by": "paper", "gives": ["electrolytes"],
          "test": "Potassium", "result": "4.1", "units": "mmol/L", "range": "3.5-5.3", "flag": "normal"}


@pytest.mark.parametrize("changes, said", [
    ({"sample_taken_at": "2026-11-29T06:00+01:00"},
     ("“Sample it is of (if sent from this ward)”: taken 29/11 12:00, yet this result's sample was taken 29/11 06:00: "
      "correct the sample's time taken if it was typed wrong, or pick the sample it is of.")),
    ({"received_at": "2026-11-29T08:00+01:00"},
     ("“Sample it is of (if sent from this ward)”: taken 29/11 12:00, yet this result was received 29/11 08:00: "
      "correct the sample's time taken if it was typed wrong, or pick the sample it is of.")),
])
def test_a_result_of_another_sample_is_refused_and_the_repeat_still_chased(session_for, medication_ward, clock,
                                                                           changes, said):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T12:05+01:00")
    sample = records.save_new(nurse, "lab_request", REPEAT, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T13:15+01:00")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "lab_result", {**REPORT, "request": sample, **changes}, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [("request", said)]
    [sent] = lab_results.samples(nurse.db, patient)
    assert sent.chased
    # Of no sample sent here, it is saved; of its own sample, too.
    records.save_new(nurse, "lab_result", {**{key: value for key, value in REPORT.items() if key != "gives"},
                                           **changes}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**REPORT, "request": sample, "sample_taken_at": "2026-11-29T12:00+01:00"},
                     patient_id=patient)
    [sent] = lab_results.samples(nurse.db, patient)
    assert not sent.chased


def test_a_result_of_its_sample_in_french_names_the_field_in_french(session_for, medication_ward, clock):
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-29T12:05+01:00")
    sample = records.save_new(session_for("nurse"), "lab_request", REPEAT, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T13:15+01:00")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", "fr"), "lab_result", {
            **REPORT, "request": sample, "sample_taken_at": "2026-11-29T06:00+01:00"}, patient_id=patient)
    assert [error.message for error in refused.value.errors] == [
        ("« Prélèvement concerné (s’il a été envoyé du service) » : prélevé le 29/11 12:00, mais le prélèvement de ce "
         "résultat a été fait le 29/11 06:00 : corriger l’heure du prélèvement si elle a été mal saisie, ou choisir le "
         "prélèvement concerné.")]


@pytest.mark.parametrize("changes", [
    {},
    # The analyser's own time, which the sample's typed time is a rounding of.
    {"sample_taken_at": "2026-11-29T12:00+01:00"},
    # Its own sample time judges it: received before the sample's typed time, taken within minutes of it.
    {"sample_taken_at": "2026-11-29T11:55+01:00", "received_at": "2026-11-29T11:58+01:00"},
])
def test_a_result_received_minutes_before_its_samples_rounded_time_is_of_it(session_for, medication_ward, clock,
                                                                            changes):
    """A blood gas taken at 12:00, typed as taken at 12:10, its result out of the analyser at
    12:08: times typed from memory are minutes off (SAMPLE_TIME_WITHIN)."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T12:12+01:00")
    sample = records.save_new(nurse, "lab_request", {**REPEAT, "taken_at": "2026-11-29T12:10+01:00"},
                              patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**REPORT, "received_at": "2026-11-29T12:08+01:00", "request": sample,
                                           **changes}, patient_id=patient)
    [sent] = lab_results.samples(nurse.db, patient)
    assert not sent.chased

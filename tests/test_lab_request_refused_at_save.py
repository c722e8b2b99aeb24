"""A sample saved or amended is checked against the patient's other records (services.
lab_results.check_request, run for the form by services.records): a drug level naming none of
the patient's medicines whose doses levels decide, a second group sample at the first's time."""

from datetime import datetime

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_drug_levels import TROUGH, gentamicin  # noqa: F401 (the fixture)

GS = {"taken_at": "2026-11-29T06:00+01:00", "urgency": "urgent", "tests": ["group_screen"],
      "identified_at_bedside": True, "sample_number": "GS1", "group_sample": "first_sample"}


def test_a_level_named_short_is_refused_on_save_and_on_amending(session_for, gentamicin, clock):
    patient, _ = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "lab_request", {**TROUGH, "level_drug": "Gent"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["level_drug"]
    saved = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(nurse, saved.record_id, {**saved.data, "level_drug": "Gentamycin"}, "Drug named")


def test_a_second_group_sample_at_the_firsts_minute_is_refused_on_save(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    records.save_new(nurse, "lab_request", GS, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "lab_request", {**GS, "group_sample": "second_sample", "sample_number": "GS2"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["group_sample"]

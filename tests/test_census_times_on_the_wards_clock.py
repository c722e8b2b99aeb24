"""A movement typed on a laptop set to UTC, merged here, is said on the ward's clock wherever the
census names it: the bed held by a body, the bed refused to the next patient, and an admission
refused after the death read "died 28/11/2026 12:00" of a patient who died at 13:00; a move into a
bed read "taken by … since 28/11/2026 10:00" of a patient put in it at 11:00."""

import pytest

from downtime.services import census, records
from downtime.services.errors import ServiceError
from tests.conftest import death_answers

DIED_ON_UTC = "2026-11-28T12:00+00:00"
"""13:00 in Paris, typed on a laptop set to UTC."""


@pytest.fixture
def died(session_for, patient) -> str:
    records.save_new(session_for("nurse"), "death", {**death_answers(DIED_ON_UTC), "verified_by": "Dr Benali",
                                                     "expected": True, "family_informed": True}, patient_id=patient)
    return patient


def test_the_bed_held_by_the_body_says_the_death_on_the_wards_clock(session_for, died, forms):
    bed = next(row for row in census.census(session_for("nurse").db, forms, ward="3B") if row.bed == "12")
    assert census.body_text(bed.body, "en").endswith(", died 28/11/2026 13:00")


def test_the_bed_refused_to_the_next_patient_says_the_death_on_the_wards_clock(session_for, died, admission_values):
    with pytest.raises(ServiceError, match=r"died in it at 28/11/2026 13:00 and the body"):
        records.save_new(session_for("nurse"), "admission", {
            **admission_values, "nir": None, "given_names": "Paul", "birth_date": "1960-01-01",
            "arrival_at": "2026-11-28T13:50+01:00"})


def test_an_admission_after_the_death_says_the_death_on_the_wards_clock(session_for, died, admission_values):
    with pytest.raises(ServiceError, match=r"death is recorded \(28/11/2026 13:00\)"):
        records.save_new(session_for("nurse"), "admission", {**admission_values, "bed": "3",
                                                             "arrival_at": "2026-11-28T13:50+01:00"},
                         patient_id=died)


def test_a_move_into_a_taken_bed_says_since_when_on_the_wards_clock(session_for, patient, admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "nir": None, "given_names": "Paul", "bed": "5",
                                          "birth_date": "1960-01-01", "arrival_at": "2026-11-28T10:00+00:00"})
    with pytest.raises(ServiceError, match=r"Bed 5 of ward 3B is taken by .* since 28/11/2026 11:00;"):
        records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T13:00+01:00", "to_ward": "3B", "to_bed": "5",
                                             "reason": "Side room"}, patient_id=patient)

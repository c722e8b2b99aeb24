"""Refused at 10:05, taken at 10:45: amending the refusal to given was refused with "mark this
record entered in error … then record it again", which sends a refusal that happened to the EHR
as a mistake (review R2 D4). The nurse is told to keep it and record the dose given beside it."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check, DoseState
from downtime.services import medication, records
from downtime.services.errors import ServiceError


def test_a_refused_dose_amended_to_given_is_asked_to_be_a_second_dose(session_for, medication_ward, clock):
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    refused = medication.record_dose(nurse, amox, {"outcome": "not_given", "not_given_reason": "refused",
                                                   "given_at": clock.now.isoformat(),
                                                   "scheduled_for": "2026-11-28T08:00+01:00"})
    clock.now = datetime.fromisoformat("2026-11-28T08:45+01:00")
    with pytest.raises(ServiceError) as asked:
        records.amend(nurse, refused.record_id, {**refused.data, "outcome": "given", "not_given_reason": None,
                                                 "given_at": clock.now.isoformat(), "dose_given": 1.0, "route": "IV"},
                      "Took it at 08:45")
    for lang in ("en", "fr"):
        assert "entered in error" not in asked.value.text(lang) and "saisie par erreur" not in asked.value.text(lang)
    assert "second dose" in asked.value.text("en")
    # a dose refused at its time is on no round: the chart's cell is where it is recorded (review S4 S8)
    assert "from the chart's cell:" in asked.value.text("en") and "round" not in asked.value.text("en")
    medication.record_dose(nurse, amox, {"outcome": "given", "dose_given": 1.0, "route": "IV",
                                         "given_at": clock.now.isoformat(), "scheduled_for": "2026-11-28T08:00+01:00"},
                           overrides={Check.ALLERGY: "Tolerated before"})
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
              if row.order.record_id == amox]
    assert [(cell.state, len(cell.recorded)) for cell in row.cells if cell.clock == "08:00"] == [(DoseState.GIVEN, 2)]


def test_a_dose_given_amended_to_not_given_is_still_marked_entered_in_error(session_for, medication_ward, clock):
    """The other way is a record that was wrong: the dose given never was."""
    _, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    given = medication.record_dose(nurse, amox, {"outcome": "given", "dose_given": 1.0, "route": "IV",
                                                 "given_at": clock.now.isoformat(),
                                                 "scheduled_for": "2026-11-28T08:00+01:00"},
                                   overrides={Check.ALLERGY: "Tolerated before"})
    with pytest.raises(ServiceError, match="mark this record entered in error"):
        records.amend(nurse, given.record_id, {**given.data, "outcome": "not_given", "not_given_reason": "refused"},
                      "Wrong patient's dose")

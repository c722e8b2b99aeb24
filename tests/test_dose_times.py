"""A dose recorded for one of its order's times stays that time's dose whatever zone the laptop's
clock reads it in: the chart, the printed chart, the round and the double-dose check all match
doses to times by one rule (domain.medication.same_dose_time). A laptop set from Paris to UTC
mid-outage showed the doses already given as OVERDUE, nowhere on the chart, and let the insulin
be given again."""

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from downtime.domain.medication import Check, DoseState
from downtime.services import medication, printing

AMOX_ALLERGY = {Check.ALLERGY: "tolerated before"}


@pytest.fixture
def given_at_eight(session_for, medication_ward, clock):
    """Amoxicillin's 08:00 dose of 28/11 given at 08:05 on a laptop in Paris, whose clock is then
    set to UTC at 14:00 Paris (13:00 UTC): the same moment, read in another zone."""
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                         "dose_given": 1.0, "route": "IV", "scheduled_for": "2026-11-28T08:00+01:00"},
                           overrides=AMOX_ALLERGY)
    clock.now = clock.now.astimezone(timezone.utc)
    return nurse, patient, amox


def _row(nurse, patient, amox):
    return next(row for row in medication.mar_grid(nurse.db, patient, date(2026, 11, 28), 1, nurse.clock())
                if row.order.record_id == amox)


def test_the_chart_shows_a_dose_at_its_time_after_the_laptops_zone_changed(given_at_eight):
    nurse, patient, amox = given_at_eight
    cell = _row(nurse, patient, amox).cell_at(date(2026, 11, 28), "08:00")
    assert cell is not None and cell.state is DoseState.GIVEN
    assert cell.administration is not None and cell.administration.at == datetime.fromisoformat("2026-11-28T08:05+01:00")
    assert [c.clock for c in _row(nurse, patient, amox).cells] == ["08:00", "14:00", "20:00"]


def test_the_round_does_not_ask_again_for_a_dose_given_before_the_zone_changed(given_at_eight):
    nurse, _, amox = given_at_eight
    listed = [f"{item.slot:%d/%m %H:%M}" for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
              if item.order.record_id == amox]
    assert "28/11 08:00" not in listed
    assert "28/11 14:00" in listed


def test_giving_it_again_at_the_same_clock_time_is_a_double_dose(given_at_eight):
    nurse, _, amox = given_at_eight
    again = {"outcome": "given", "given_at": "2026-11-28T13:00+00:00", "dose_given": 1.0, "route": "IV",
             "scheduled_for": "2026-11-28T08:00+00:00"}
    assert Check.ALREADY_GIVEN in [warning.check for warning in medication.check_dose(nurse, amox, again)]
    found = medication.order(nurse.db, amox)
    assert medication.recorded_for(nurse.db, found, datetime.fromisoformat("2026-11-28T08:00+00:00")) is not None


def test_the_printed_chart_shows_the_dose_not_overdue(given_at_eight, clock, tmp_path):
    """East of the zone it was recorded in, the day's 08:00 is an earlier moment than the dose's."""
    nurse, patient, _ = given_at_eight
    clock.now = clock.now.astimezone(timezone(timedelta(hours=3)))
    out = printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=1)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))
    assert "08:00 HL 08:05" in text
    assert "OVERDUE" not in text.split("Amoxicillin", 1)[1].split("14:00", 1)[0]

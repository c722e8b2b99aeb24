"""A dose not given for a time of the order printed "(R) HL" whenever it was refused: refused at
10:05 and taken at 10:45 read "(R) HL; HL 10:45", held at 07:00 for the 14:00 round read as though
held at 14:00 (review R2 D6). It says its time, as a dose given does, unless that is its slot's."""

from datetime import datetime

import pytest

from downtime.domain.laptops import Authors
from downtime.domain.medication import Administration, NotGivenReason, Outcome, dose_text

SLOT = datetime.fromisoformat("2026-11-28T10:00+01:00")
NURSE = Authors(names={"nurse": "Hélène Lefèvre"}, device_id="laptop")


@pytest.mark.parametrize("at, said", [("2026-11-28T10:05+01:00", "(R) HL 10:05"), ("2026-11-28T10:00+01:00", "(R) HL"),
                                      ("2026-11-28T07:00+01:00", "(R) HL 07:00")])
def test_a_dose_not_given_says_when_unless_at_its_time(at, said):
    refused = Administration(record_id="d", order_id="o", outcome=Outcome.NOT_GIVEN, scheduled_for=SLOT,
                             at=datetime.fromisoformat(at), given_by="nurse", reason=NotGivenReason.REFUSED,
                             device_id="laptop")
    assert dose_text(refused, NURSE, {}, "en") == said

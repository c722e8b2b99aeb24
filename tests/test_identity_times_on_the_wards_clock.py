"""A new admission naming someone who left here says when they left on the ward's clock
(identity.known_here_before), not on the offset their discharge was typed with: sent home at 10:00
from a laptop set to UTC (09:00+00:00, merged here), Mrs Martin read "left on 28/11 09:00", an hour
before the time on her discharge letter."""

from downtime.services import records
from downtime.services.identity import known_here_before
from tests.test_census import _admit, nurse  # noqa: F401 (a fixture)


def test_an_admission_says_when_the_person_left_on_the_wards_clock(nurse, admission_values, forms):  # noqa: F811
    first = _admit(nurse, admission_values, "2", hours_ago=5)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T09:00+00:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    said = known_here_before(nurse.db, forms, forms["admission"], {**admission_values, "bed": "4"}, "en")
    assert said is not None and "left on 28/11 10:00 (" in said.text, said.text

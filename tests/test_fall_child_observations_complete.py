"""A child's fall asks a set of observations until a complete PEWS set is taken, as an adult's
asks a complete NEWS2 set: a temperature alone charted on the PEWS chart after the fall (the
paracetamol's recheck) silenced "NO OBSERVATIONS SINCE THE FALL", and the letter said nothing of
the observations never taken."""

from downtime.domain.falls import Ask
from downtime.services import census, falls, records
from tests.test_falls import FELL

PEWS_SET = {"taken_at": "2026-11-28T13:40+01:00", "respiratory_rate": 22, "respiratory_effort": "normal", "spo2": 98,
            "oxygen": "room_air", "heart_rate": 100, "capillary_refill": "under_3", "concern": False, "next_in": "60"}


def test_a_temperature_alone_on_the_pews_chart_is_no_set_since_the_fall(session_for, admission_values):
    nurse = session_for("nurse")
    child = records.save_new(nurse, "admission", {**admission_values, "nir": None, "birth_date": "2019-04-02",
                                                  "weight_kg": 23}).patient_id
    records.save_new(nurse, "inpatient_fall", {**FELL, "witnessed": "witnessed", "head_injury": "no",
                                               "anticoagulated": False}, patient_id=child)
    records.save_new(nurse, "paediatric_observations", {"taken_at": "2026-11-28T13:30+01:00", "oxygen": "room_air",
                                                        "temperature": 38.4, "concern": False, "next_in": "60"},
                     patient_id=child)

    def asked() -> list[Ask]:
        known = falls.read(nurse.db, [census.patient_with_location(nurse.db, nurse.forms, child)])[child]
        return known.asks(known.falls[0])

    assert Ask.OBSERVATIONS in asked()
    records.save_new(nurse, "paediatric_observations", PEWS_SET, patient_id=child)
    assert Ask.OBSERVATIONS not in asked()

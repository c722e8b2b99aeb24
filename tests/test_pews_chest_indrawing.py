"""NICE NG143 (fever in under 5s) makes moderate or severe chest indrawing, and grunting, red
features of a febrile child: the form's "Moderate increase" of the work of breathing in a child
under 5 with 38 °C or more in the same set calls the doctor now whatever the score. A toddler with
moderate recession, SpO2 93% in air, a heart rate of 155 and 38.6 °C scored PEWS 7, was saved with
the next set in 4 hours and was on no list. Without a fever it is not one (NICE NG9, bronchiolitis,
makes only severe recession or grunting red: a winter's afebrile bronchiolitic with moderate
recession was called in hourly), nor from 5 years, where NG143 does not apply; severe effort is red
at any age."""

from datetime import date, datetime

import pytest

from downtime.domain.pews import PewsSet, Red, red_flags
from downtime.services import census, pews, records
from downtime.services.errors import ValidationFailed

TODDLER = {"taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 50, "respiratory_effort": "moderate",
           "spo2": 93, "oxygen": "room_air", "heart_rate": 155, "systolic_bp": 112, "capillary_refill": "under_3",
           "temperature": 38.6, "consciousness": "alert", "concern": False, "next_in": "240"}  # PEWS 7 at 2 years


@pytest.mark.parametrize(("effort", "months", "temperature", "red"), [
    ("moderate", 0, 38.0, [Red.INDRAWING, Red.FEVER]), ("moderate", 3, 38.0, [Red.INDRAWING]),
    ("moderate", 29, 38.6, [Red.INDRAWING]), ("moderate", 59, 39.5, [Red.INDRAWING]), ("moderate", 8, 37.2, []), ("moderate", 29, 37.9, []),
    ("moderate", 29, None, []), ("moderate", 60, 38.6, []), ("moderate", 150, 39.0, []), ("moderate", None, 38.6, []),
    ("mild", 29, 38.6, []), ("severe", 29, 37.0, [Red.BREATHING]), ("severe", 150, None, [Red.BREATHING])])
def test_moderate_breathing_effort_with_a_fever_is_a_red_flag_under_5(effort, months, temperature, red):
    assert red_flags(PewsSet(respiratory_effort=effort, temperature=temperature), months) == red


def test_an_afebrile_baby_with_moderate_recession_may_be_seen_in_4_hours(session_for, admit_to_paediatrics, clock):
    """An 8-month-old with moderate recession, 95% in air and 37.2 °C (bronchiolitis): no red flag."""
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    baby = admit_to_paediatrics("1", "2026-03-20", 8.0, "Baby")
    records.save_new(session_for("nurse"), pews.FORM, {**TODDLER, "respiratory_rate": 40, "spo2": 95,
                                                       "heart_rate": 130, "systolic_bp": 90, "temperature": 37.2},
                     patient_id=baby)


def test_a_toddler_with_moderate_recession_is_watched_hourly_and_calls_the_doctor(session_for, admit_to_paediatrics,
                                                                                   clock):
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    toddler = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed, match="with a red flag"):
        records.save_new(nurse, pews.FORM, TODDLER, patient_id=toddler)
    records.save_new(nurse, pews.FORM, {**TODDLER, "next_in": "60"}, patient_id=toddler)
    assert pews.chart(nurse.db, toddler)[-1].scored(date(2024, 6, 1)).total == 7
    watch = pews.watches(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, toddler)],
                         clock.now, "en")[toddler]
    assert watch.asking
    assert ("RED FLAG (moderate breathing effort with a fever, under 5 (NICE NG143), 28/11 08:00): "
            "call the doctor now, whatever the score") in watch.said

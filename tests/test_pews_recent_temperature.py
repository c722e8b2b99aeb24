"""A set without a temperature reads the child's latest one charted within the hour before it
(`domain.pews.TEMPERATURE_WITHIN`) for the temperature's red flags (a fever under 3 months, a fever
with a moderate breathing effort under 5, under 36 °C under 5), saying which set's, and is asked for
one only when none is that recent. Counting a set missing its temperature as no full set took a
PEWS 13's call off every list behind a later incomplete set, and brought back every call of a
sicker set that a fully scored later one had answered; asking a temperature charted 10 minutes
before put the child on the escalation list; and a doctor's plan the form accepted was refused
(the moderate effort's flag and the refusal's words: `test_pews_temperature_not_taken`)."""

from datetime import datetime

import pytest

from downtime.services import census, pews, records

BASE = {"respiratory_rate": 36, "respiratory_effort": "moderate", "spo2": 96, "oxygen": "room_air",
        "heart_rate": 120, "systolic_bp": 100, "capillary_refill": "under_3", "consciousness": "alert",
        "concern": False, "next_in": "60"}  # PEWS 3 at 2 years
SICK = {**BASE, "respiratory_rate": 65, "heart_rate": 175, "spo2": 91, "oxygen": "high"}  # PEWS 13 at 2 years


def _save(session, patient_id: str, time: str, **values) -> None:
    records.save_new(session, pews.FORM, {**BASE, "taken_at": f"2026-11-28T{time}+01:00", **values},
                     patient_id=patient_id)


def _asking(session, patient_id: str, at: datetime, lang: str = "en") -> list[str]:
    born = census.patient_with_location(session.db, session.forms, patient_id).birth_date
    return pews.asking(pews.chart(session.db, patient_id), born, session.forms[pews.FORM], at, lang)


def _watch(session, patient_id: str, at: datetime) -> pews.Watch:
    return pews.watches(session.db, session.forms, [census.patient_with_location(session.db, session.forms, patient_id)],
                        at, "en")[patient_id]


@pytest.fixture
def nurse(session_for, clock):
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    return session_for("nurse")


def test_a_call_of_a_set_without_a_temperature_stands_behind_a_later_incomplete_set(nurse, admit_to_paediatrics, clock):
    toddler = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    _save(nurse, toddler, "06:00", temperature=37.0)
    _save(nurse, toddler, "07:00", **SICK, notes="Dr Benali told 07:05")
    _save(nurse, toddler, "08:00", heart_rate=None)
    asks = _asking(nurse, toddler, clock.now)
    assert asks[0] == ("LAST FULL SET (28/11 07:00) STILL STANDS: PEWS 13 (8 or more): call the doctor to review the "
                       "child now")
    assert asks[-1] == ("INCOMPLETE SET (28/11 08:00): heart rate, temperature not taken: take them now (the score "
                        "can only be higher)")
    watch = _watch(nurse, toddler, clock.now)
    assert (watch.weighs, watch.told) == (13, "Dr Benali told 07:05")


def test_a_fully_scored_set_without_a_temperature_answers_an_earlier_call(nurse, admit_to_paediatrics, clock):
    toddler = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    _save(nurse, toddler, "07:00", **SICK, temperature=37.2, notes="Dr Benali told 07:05")
    _save(nurse, toddler, "08:00")
    assert _asking(nurse, toddler, clock.now) == []
    assert _watch(nurse, toddler, clock.now).weighs == 3


@pytest.mark.parametrize(("born", "effort", "temperature", "flag"), [
    ("2026-10-15", "mild", 38.4, "38 °C or more, younger than 3 months"),
    ("2024-06-01", "mild", 35.4, "under 36 °C, younger than 5 years")])
def test_a_set_without_a_temperature_reads_the_one_of_the_hour_before_for_its_red_flags(
        nurse, admit_to_paediatrics, clock, born, effort, temperature, flag):
    child = admit_to_paediatrics("1", born, 5.0 if born.startswith("2026") else 12.0, "Child")
    _save(nurse, child, "07:00", respiratory_effort=effort, temperature=temperature)
    _save(nurse, child, "07:30", respiratory_effort=effort)
    assert _asking(nurse, child, clock.now)[0] == (
        f"RED FLAG ({flag}: temperature of the 28/11 07:00 set, 28/11 07:30): call the doctor now, whatever the score")
    assert _asking(nurse, child, clock.now, "fr")[0].startswith(
        "SIGNE DE GRAVITÉ (") and "température de la série de 28/11 07:00" in _asking(nurse, child, clock.now, "fr")[0]


def test_a_temperature_of_more_than_an_hour_before_is_not_read_and_is_asked(nurse, admit_to_paediatrics, clock):
    toddler = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    _save(nurse, toddler, "06:59", temperature=38.6)
    _save(nurse, toddler, "08:00")
    assert _asking(nurse, toddler, clock.now) == [
        ("TEMPERATURE NOT TAKEN (28/11 08:00), none in the hour before: moderate breathing effort under 5 years, which "
         "with a fever calls the doctor (NICE NG143's red flag for chest indrawing or grunting): take it now")]


def test_a_temperature_charted_minutes_before_is_not_asked_again(nurse, admit_to_paediatrics, clock):
    toddler = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    _save(nurse, toddler, "07:50", temperature=36.9)
    _save(nurse, toddler, "08:00", next_in="240")
    assert _asking(nurse, toddler, clock.now) == []
    born, spec = census.patient_with_location(nurse.db, nurse.forms, toddler).birth_date, nurse.forms[pews.FORM]
    typed = {**BASE, "taken_at": "2026-11-28T08:04+01:00", "next_in": None}
    assert pews.as_typed(typed, born, spec, clock.now, "en", pews.chart(nurse.db, toddler)) == (
        "PEWS 3 (1 to under 4 years)", [])


def test_a_doctors_plan_the_form_accepts_is_not_refused_for_the_temperature(nurse, admit_to_paediatrics):
    baby = admit_to_paediatrics("1", "2026-06-01", 7.0, "Baby")
    _save(nurse, baby, "08:00", respiratory_rate=62, heart_rate=140, systolic_bp=90, next_in="120",
          plan_by="Dr Benali 07:55")
    assert [one.record.data["next_in"] for one in pews.chart(nurse.db, baby)] == ["120"]


def test_the_set_just_saved_reads_the_recent_temperature_as_its_chart_does(nurse, admit_to_paediatrics, clock):
    """What the save's dialog says (`MainWindow._announce_pews`): the set as the chart reads it."""
    baby = admit_to_paediatrics("1", "2026-10-15", 5.0, "Baby")
    _save(nurse, baby, "07:00", respiratory_effort="mild", temperature=38.4)
    saved = records.save_new(nurse, pews.FORM, {**BASE, "taken_at": "2026-11-28T07:30+01:00",
                                                "respiratory_effort": "mild"}, patient_id=baby)
    born = census.patient_with_location(nurse.db, nurse.forms, baby).birth_date
    assert pews.asked(pews.as_charted(nurse.db, baby, saved), born, nurse.forms[pews.FORM], clock.now, "en", False) == [
        ("RED FLAG (38 °C or more, younger than 3 months: temperature of the 28/11 07:00 set, 28/11 07:30): call the "
         "doctor now, whatever the score")]

"""What a child's paediatric chart asks beyond its total: a doctor's call that stands while the
sets after it are incomplete, the next set within the hour after an incomplete one, the red flags
that call the doctor whatever the score (NICE NG9, NG51, NG143), a febrile baby under 3 months, a
cold child under 5,
who was told of the doctor called (on the escalation list, the printed chart and the handover
sheet), and age bands whose words do not overlap."""

from datetime import date

import pytest

from downtime.domain.age import months_old
from downtime.domain.pews import BAND_WORDS, AgeBand, PewsSet, Red, red_flags, watched_closely
from downtime.services import census, chart_alerts, pews, records
from downtime.services.errors import ValidationFailed

BABY = "2026-07-31"  # 4 months on the tests' day (28/11/2026)
YOUNG = "2026-10-10"  # 7 weeks
URGENT = {"respiratory_rate": 56, "respiratory_effort": "mild", "spo2": 93, "oxygen": "high", "heart_rate": 172,
          "systolic_bp": 90, "capillary_refill": "under_3", "temperature": 38.1, "consciousness": "alert",
          "concern": False, "next_in": "60"}  # PEWS 9 at 4 months, no red flag (moderate effort would be one)
CALM = {"respiratory_rate": 40, "respiratory_effort": "normal", "spo2": 98, "oxygen": "room_air", "heart_rate": 130,
        "systolic_bp": 90, "capillary_refill": "under_3", "temperature": 37.0, "consciousness": "alert",
        "concern": False, "next_in": "240"}  # PEWS 0
ROOM_AIR_ALONE = {"oxygen": "room_air", "concern": False}
STANDS = ("LAST FULL SET (28/11 13:00) STILL STANDS: PEWS 9 (8 or more): call the doctor to review the child now")


def _admit(session_for, admission_values, born, weight_kg=6.1):
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "5C", "Paediatrics", [str(n) for n in range(1, 9)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "given_names": "Lina", "birth_date": born, "nir": None, "identity_status": "provisional",
        "identity_document": None, "weight_kg": weight_kg, "height_cm": 62, "ward": "5C", "bed": "3",
        "arrival_at": "2026-11-28T09:00+01:00", "reason": "Bronchiolitis"}).patient_id


@pytest.fixture
def baby(session_for, admission_values):
    return _admit(session_for, admission_values, BABY)


def _save(nurse, child, at, values):
    return records.save_new(nurse, pews.FORM, {**values, "taken_at": f"2026-11-28T{at}+01:00"}, patient_id=child)


def _asking(nurse, child, at):
    born = census.patient_with_location(nurse.db, nurse.forms, child).birth_date
    return pews.asking(pews.chart(nurse.db, child), born, nurse.form(pews.FORM), at, "en")


def _watch(nurse, child, at, lang="en"):
    return pews.watches(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms), at, lang)[child]


def test_a_set_missing_readings_is_followed_within_the_hour(session_for, baby):
    """A set of "room air" alone was saved with the next set in 4 hours: its score of 0 can only be
    higher, and the child went unobserved for 4 hours."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        _save(nurse, baby, "13:30", {**ROOM_AIR_ALONE, "next_in": "240"})
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "next_in", "“Next observations in”: respiration rate, work of breathing, SpO2, heart rate, capillary refill "
                   "not taken, the score can only be higher: take them within the hour (choose 1 hour or less).")]
    _save(nurse, baby, "13:30", {**ROOM_AIR_ALONE, "next_in": "60"})
    # No blood pressure is no refusal: it is taken when the care plan says.
    _save(nurse, baby, "13:40", {**CALM, "systolic_bp": None})


def test_a_doctors_call_stands_while_the_sets_after_it_are_incomplete(session_for, baby, clock):
    """PEWS 9 at 13:00, then a set of "room air" alone at 13:30: the escalation list dropped the
    call, the census read "PEWS 0" and the handover "PEWS 0"."""
    nurse = session_for("nurse")
    _save(nurse, baby, "13:00", URGENT)
    _save(nurse, baby, "13:30", {**ROOM_AIR_ALONE, "next_in": "60"})
    said = _asking(nurse, baby, clock())
    assert said == [STANDS, "INCOMPLETE SET (28/11 13:30): respiration rate, work of breathing, SpO2, heart rate, "
                            "capillary refill not taken: take them now (the score can only be higher)"]
    inside = census.in_patients(nurse.db, nurse.forms)
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, clock(), "en", ward="5C").alerts
                if alert.form_id == pews.FORM]
    assert alert.said == [*said, "Told: NOT RECORDED"]
    assert alert.latest.startswith("PEWS ≥ 0 (3 to under 12 months; incomplete: ")
    watch = _watch(nurse, baby, clock())
    assert (watch.short("en"), _watch(nurse, baby, clock(), "fr").short("fr")) == (
        "PEWS ≥ 0 (incomplete)", "PEWS ≥ 0 (incomplet)")
    assert pews.handover({baby: watch}, "en")[baby].endswith(f"next set due 28/11 14:30; {STANDS}; {said[1]}")
    assert ("DERNIÈRE SÉRIE COMPLÈTE (28/11 13:00) TOUJOURS VALABLE : PEWS 9 (8 ou plus) : appeler le médecin pour "
            "qu’il examine l’enfant maintenant ; SÉRIE INCOMPLÈTE") in pews.handover(
        {baby: _watch(nurse, baby, clock(), "fr")}, "fr")[baby]
    assert pews.handed_on(nurse.db, nurse.forms, baby, clock(), "en")[-1] == STANDS
    # A full set showing the child better ends it; what the latest asks itself is not said twice.
    _save(nurse, baby, "13:50", {**CALM, "next_in": "60"})
    assert _asking(nurse, baby, clock()) == [] and _watch(nurse, baby, clock()).short("en") == "PEWS 0"
    _save(nurse, baby, "13:55", {**ROOM_AIR_ALONE, "concern": True, "next_in": "60"})
    assert not [line for line in _asking(nurse, baby, clock()) if line.startswith("LAST FULL SET")]


def test_the_standing_call_is_the_last_full_sets_not_one_asked_again(session_for, baby, clock):
    nurse = session_for("nurse")
    _save(nurse, baby, "13:00", {**URGENT, "concern": True})
    _save(nurse, baby, "13:30", {**ROOM_AIR_ALONE, "concern": True, "next_in": "30"})
    assert _asking(nurse, baby, clock())[:2] == [
        "NURSE OR PARENT WORRIED (28/11 13:30): tell the doctor, whatever the score", STANDS]


@pytest.mark.parametrize(("change", "red"), [
    ({"respiratory_effort": "severe"}, [Red.BREATHING]), ({"spo2": 90}, [Red.SATURATION]),
    ({"spo2": 91}, []), ({"spo2": 88, "oxygen": "high"}, [Red.SATURATION]),
    ({"capillary_refill": "from_3"}, [Red.REFILL]),
    ({"respiratory_effort": "severe", "spo2": 85}, [Red.BREATHING, Red.SATURATION]), ({}, [])])
def test_each_red_flag_is_found_at_any_age(change, red):
    readings = PewsSet(**{**{key: CALM[key] for key in ("respiratory_rate", "respiratory_effort", "spo2", "oxygen",
                                                          "heart_rate", "systolic_bp", "capillary_refill")}, **change})
    assert all(red_flags(readings, months) == red for months in (0, 5, 30, 59, 60, 100, 190, None))
    assert watched_closely(None, False, None, bool(red)) is bool(red)


@pytest.mark.parametrize(("change", "months", "red"), [
    ({"respiratory_rate": 75, "respiratory_effort": "mild", "spo2": 93}, 4, [Red.FAST_BREATHING]),
    ({"respiratory_rate": 61}, 100, [Red.FAST_BREATHING]), ({"respiratory_rate": 61}, None, [Red.FAST_BREATHING]),
    ({"respiratory_rate": 60}, 4, []),
    ({"respiratory_rate": 0}, 4, [Red.SLOW_BREATHING]), ({"respiratory_rate": 0}, None, [Red.SLOW_BREATHING]),
    ({"respiratory_rate": 8, "respiratory_effort": "mild"}, 4, [Red.SLOW_BREATHING]),
    ({"respiratory_rate": 15}, 4, [Red.SLOW_BREATHING]), ({"respiratory_rate": 16}, 4, []),
    ({"respiratory_rate": 10}, 100, [Red.SLOW_BREATHING]), ({"respiratory_rate": 11}, 100, []),
    ({"respiratory_rate": 8}, None, []),
    ({"heart_rate": 52}, 74, [Red.SLOW_HEART]), ({"heart_rate": 59}, 143, [Red.SLOW_HEART]),
    ({"heart_rate": 60}, 74, []), ({"heart_rate": 55}, 144, []), ({"heart_rate": 52}, None, [])])
def test_a_breathing_rate_fast_slow_or_none_and_a_slow_heart_are_red_flags(change, months, red):
    """NICE NG143: a breathing rate over 60 at any age; a rate of 0 is the apnoea the work of
    breathing's "any apnoea" flags, one at the band's 4-point low a child tiring (≤ 15 under a
    year, ≤ 10 from 4 to 12); NG51: a heart rate under 60 under 12. Each scored at most 4 points
    and called no one: a baby of 4 months breathing 75 with mild recession scored 5."""
    readings = PewsSet(**{**{key: CALM[key] for key in ("respiratory_rate", "respiratory_effort", "spo2", "oxygen",
                                                          "heart_rate", "systolic_bp", "capillary_refill")}, **change})
    assert red_flags(readings, months) == red


def test_a_baby_breathing_75_a_minute_is_watched_hourly_and_calls_the_doctor(session_for, baby, clock):
    """Saved with the next set in 4 hours and on no list: PEWS 5, "next set due 29/11 03:00"."""
    nurse = session_for("nurse")
    fast = {**CALM, "respiratory_rate": 75, "respiratory_effort": "mild", "spo2": 93, "heart_rate": 160}
    with pytest.raises(ValidationFailed, match="with a red flag"):
        _save(nurse, baby, "13:30", fast)
    _save(nurse, baby, "13:30", {**fast, "next_in": "60"})
    assert pews.chart(nurse.db, baby)[-1].scored(date.fromisoformat(BABY)).total == 5
    assert _asking(nurse, baby, clock()) == [
        "RED FLAG (breathing rate over 60 a minute, 28/11 13:30): call the doctor now, whatever the score"]
    assert pews.asking(pews.chart(nurse.db, baby), date.fromisoformat(BABY), nurse.form(pews.FORM), clock(),
                       "fr") == ["SIGNE DE GRAVITÉ (fréquence respiratoire au-dessus de 60/min, 28/11 13:30) : "
                                 "appeler le médecin maintenant, quel que soit le score"]
    assert _watch(nurse, baby, clock()).asking


@pytest.mark.parametrize(("born", "kg", "change", "words"), [
    (BABY, 6.1, {"respiratory_rate": 0}, "breathing rate too slow for the age, or none (apnoea)"),
    (BABY, 6.1, {"respiratory_rate": 8, "respiratory_effort": "mild"},
     "breathing rate too slow for the age, or none (apnoea)"),
    ("2020-05-01", 20.0, {"respiratory_rate": 22, "heart_rate": 52}, "heart rate under 60, younger than 12 years")])
def test_a_baby_not_breathing_or_tiring_and_a_slow_heart_call_the_doctor(session_for, admission_values, clock, born, kg,
                                                                          change, words):
    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, born, kg)
    found = {**CALM, "heart_rate": 125, **change}
    with pytest.raises(ValidationFailed, match="with a red flag"):
        _save(nurse, child, "13:30", found)
    _save(nurse, child, "13:30", {**found, "next_in": "60"})
    assert _asking(nurse, child, clock()) == [
        f"RED FLAG ({words}, 28/11 13:30): call the doctor now, whatever the score"]


@pytest.mark.parametrize(("born", "temperature", "red"), [
    (YOUNG, 38.6, [Red.FEVER]), (YOUNG, 38.0, [Red.FEVER]), (YOUNG, 37.9, []), (BABY, 38.6, []), (None, 39.0, [])])
def test_a_fever_is_a_red_flag_under_3_months(born, temperature, red):
    months = months_old(date.fromisoformat(born), date(2026, 11, 28)) if born else None
    assert red_flags(PewsSet(temperature=temperature), months) == red


@pytest.mark.parametrize(("born", "temperature", "red"), [
    (YOUNG, 35.0, [Red.COLD]), (BABY, 35.9, [Red.COLD]), ("2021-11-29", 35.5, [Red.COLD]), (BABY, 36.0, []),
    ("2021-11-28", 35.5, []), (None, 35.0, [])])
def test_a_cold_child_under_5_is_a_red_flag(born, temperature, red):
    """NICE NG51's high risk under 5: a baby of 7 weeks at 35.0 °C, every other reading normal,
    scored PEWS 0 and called no one (a cold young infant is a classic sepsis)."""
    months = months_old(date.fromisoformat(born), date(2026, 11, 28)) if born else None
    assert red_flags(PewsSet(temperature=temperature), months) == red


def test_a_cold_baby_calls_the_doctor_on_her_chart(session_for, admission_values, clock):
    nurse = session_for("nurse")
    young = _admit(session_for, admission_values, YOUNG)
    cold = {**CALM, "respiratory_rate": 45, "heart_rate": 140, "systolic_bp": 70, "temperature": 35.0}
    with pytest.raises(ValidationFailed, match="with a red flag"):
        _save(nurse, young, "13:30", cold)
    _save(nurse, young, "13:30", {**cold, "next_in": "60"})
    assert _asking(nurse, young, clock()) == [
        "RED FLAG (under 36 °C, younger than 5 years, 28/11 13:30): call the doctor now, whatever the score"]
    assert pews.asking(pews.chart(nurse.db, young), date.fromisoformat(YOUNG), nurse.form(pews.FORM), clock(),
                       "fr") == ["SIGNE DE GRAVITÉ (moins de 36 °C avant 5 ans, 28/11 13:30) : appeler le médecin "
                                 "maintenant, quel que soit le score"]


def test_apnoea_with_a_saturation_of_85_calls_the_doctor_whatever_the_score(session_for, baby, clock):
    """PEWS 6: on no list at all."""
    nurse = session_for("nurse")
    apnoea = {**CALM, "respiratory_effort": "severe", "spo2": 85}
    with pytest.raises(ValidationFailed, match="with a red flag"):
        _save(nurse, baby, "13:30", apnoea)
    _save(nurse, baby, "13:30", {**apnoea, "next_in": "60"})
    assert pews.chart(nurse.db, baby)[-1].scored(date.fromisoformat(BABY)).total == 6
    assert _asking(nurse, baby, clock()) == [
        "RED FLAG (severe breathing effort or apnoea, SpO2 90% or less, 28/11 13:30): call the doctor now, whatever "
        "the score"]
    born = date.fromisoformat(BABY)
    assert pews.asking(pews.chart(nurse.db, baby), born, nurse.form(pews.FORM), clock(), "fr") == [
        "SIGNE DE GRAVITÉ (travail respiratoire très augmenté ou apnée, SpO2 à 90 % ou moins, 28/11 13:30) : appeler "
        "le médecin maintenant, quel que soit le score"]
    assert _watch(nurse, baby, clock()).asking


def test_a_febrile_baby_of_7_weeks_calls_the_doctor(session_for, admission_values, clock):
    nurse = session_for("nurse")
    young = _admit(session_for, admission_values, YOUNG)
    febrile = {**CALM, "respiratory_rate": 45, "heart_rate": 140, "systolic_bp": 70, "temperature": 38.6}
    with pytest.raises(ValidationFailed, match="with a red flag"):
        _save(nurse, young, "13:30", febrile)
    _save(nurse, young, "13:30", {**febrile, "next_in": "60"})
    assert _asking(nurse, young, clock()) == [
        "RED FLAG (38 °C or more, younger than 3 months, 28/11 13:30): call the doctor now, whatever the score"]
    typed = pews.as_typed({**febrile, "taken_at": "2026-11-28T13:30+01:00"}, date.fromisoformat(YOUNG),
                          nurse.form(pews.FORM), clock(), "fr")
    assert typed is not None and typed[1] == [
        "SIGNE DE GRAVITÉ (38 °C ou plus avant 3 mois, 28/11 13:30) : appeler le médecin maintenant, quel que soit le "
        "score"]


def test_the_age_bands_words_end_before_the_next_bands_first_day():
    """"1 to 4 years" beside "4 to 12 years" named a boy of 4 years 6 months twice on the key."""
    assert [BAND_WORDS[band]["en"] for band in AgeBand] == [
        "under 3 months", "3 to under 12 months", "1 to under 4 years", "4 to under 12 years", "12 years and over"]
    assert [BAND_WORDS[band]["fr"] for band in AgeBand] == [
        "moins de 3 mois", "de 3 à moins de 12 mois", "de 1 an à moins de 4 ans", "de 4 à moins de 12 ans",
        "12 ans et plus"]


TOLD = "Dr Benali told 13:05, reviewing in 30 min"


def test_who_was_told_of_a_pews_call_is_on_the_list_the_printed_chart_and_the_handover(session_for, baby, clock,
                                                                                        tmp_path):
    """The nurse wrote in a PEWS 9's notes that the doctor was told: the tab showed it, the printed
    chart and the handover sheet did not, and the child read as one whose doctor no one had called."""
    from downtime.services import printing
    from tests.pdf_text import pdf_text

    nurse = session_for("nurse")
    _save(nurse, baby, "13:00", {**URGENT, "concern": True, "notes": TOLD})
    assert _watch(nurse, baby, clock()).told == TOLD
    inside = census.in_patients(nurse.db, nurse.forms)
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, clock(), "en", ward="5C").alerts
                if alert.form_id == pews.FORM]
    assert alert.said[-1] == f"Told: {TOLD}"
    chart = " ".join(pdf_text(printing.print_pews_chart(nurse, baby, tmp_path / "pews.pdf")).split())
    assert f"Notes (escalation, who was told): {TOLD}" in chart
    sheet = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "5C")).split())
    assert f"PEWS 9 Told: {TOLD}" in sheet
    # A set after it adds its own notes; one the chart calls no doctor for says nothing of who was told.
    _save(nurse, baby, "13:30", {**ROOM_AIR_ALONE, "next_in": "30", "notes": "Dr Benali at the bedside"})
    assert _watch(nurse, baby, clock()).told == f"{TOLD} / Dr Benali at the bedside"
    _save(nurse, baby, "13:50", {**CALM, "next_in": "60"})
    assert _watch(nurse, baby, clock()).told is None
    sheet = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "calm.pdf", "5C")).split())
    assert "Told:" not in sheet


def test_a_pews_call_with_no_note_of_who_was_told_says_not_recorded(session_for, baby, clock, tmp_path):
    from downtime.services import printing
    from tests.pdf_text import pdf_text

    nurse = session_for("nurse")
    _save(nurse, baby, "13:00", URGENT)
    assert _watch(nurse, baby, clock()).told == ""
    assert pews.told_text(_watch(nurse, baby, clock(), "fr").told, "fr") == ["Prévenu : NON RENSEIGNÉ"]
    sheet = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "5C")).split())
    assert "PEWS 9 Told: NOT RECORDED" in sheet


@pytest.mark.parametrize(("born", "kg", "readings", "red"), [
    (BABY, 6.1, {"respiratory_rate": 62, "heart_rate": 140}, "breathing rate over 60 a minute"),
    ("2016-09-01", 32.0, {"respiratory_rate": 18, "heart_rate": 58}, "heart rate under 60, younger than 12 years")])
def test_a_set_the_doctor_reviewed_follows_the_doctors_plan_its_red_flag_still_shown(
        session_for, admission_values, clock, tmp_path, born, kg, readings, red):
    """A bronchiolitic baby of 4 months breathing 62 a minute, a sleeping 10-year-old's heart at
    58: the registrar reviewed them and planned 2-hourly sets, and nothing let the nurse chart it
    (next set within the hour, "call the doctor now" on every set). A missing reading is still
    refused whoever planned the interval."""
    from downtime.services import printing
    from tests.pdf_text import pdf_text

    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, born, kg)
    found = {**CALM, **readings, "next_in": "120"}
    with pytest.raises(ValidationFailed, match="with a red flag"):
        _save(nurse, child, "13:30", found)
    with pytest.raises(ValidationFailed, match="not taken"):
        _save(nurse, child, "13:30", {**ROOM_AIR_ALONE, "next_in": "120", "plan_by": "Dr Benali 13:00"})
    _save(nurse, child, "13:30", {**found, "plan_by": "Dr Benali 13:00"})
    reviewed = "reviewed by Dr Benali 13:00: next set as the doctor planned"
    assert _asking(nurse, child, clock()) == [
        f"RED FLAG ({red}, 28/11 13:30): call the doctor now, whatever the score", reviewed]
    watch = _watch(nurse, child, clock())
    assert watch.asking and reviewed in watch.said and watch.told == "Dr Benali 13:00"
    assert _watch(nurse, child, clock(), "fr").said.endswith(
        "revu par Dr Benali 13:00 : prochaine surveillance selon le plan du médecin")
    chart = " ".join(pdf_text(printing.print_pews_chart(nurse, child, tmp_path / "pews.pdf")).split())
    assert reviewed in chart


@pytest.mark.parametrize(("plan_by", "readings", "said"), [
    ("awaiting doctor", {}, "the time they set the plan"),
    ("-", {}, "the time they set the plan"),
    ("bleeped, no answer yet", {}, "the time they set the plan"),
    ("Dr Benali 13:00", {"consciousness": "pain"}, "whatever the plan"),
    ("Dr Benali 13:00", {key: value for key, value in URGENT.items() if key != "next_in"}, "whatever the plan")])
def test_a_plan_that_names_no_time_or_a_child_not_alert_or_scoring_8_keeps_the_hourly_watch(
        session_for, admission_values, clock, plan_by, readings, said):
    """"awaiting doctor" typed where the doctor's plan goes lifted the hourly watch of a baby
    scoring 9 and responding to pain, and read as the doctor told (review T8 #1)."""
    nurse = session_for("nurse")
    child = _admit(session_for, admission_values, BABY, 6.1)
    with pytest.raises(ValidationFailed, match=said):
        _save(nurse, child, "13:30", {**CALM, "respiratory_rate": 62, **readings, "next_in": "120",
                                      "plan_by": plan_by})

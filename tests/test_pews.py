"""The paediatric observation chart: each set scored with the Bedside PEWS on the ranges of the
child's age band that day; 8 or more, someone worried, a child not alert and the next set overdue
called out on the escalation list and the handover sheet; a set refused for a patient of 16; the
paper chart filled (its band's key) and blank (every band's); each set in the export as vital
signs and a derived score."""

import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.pews import (BAND_WORDS, BY_AGE, URGENT_FROM, AgeBand, PewsSet, Ranges, Sign, age_band,
                                  months_old, score, signs)
from downtime.services import chart_alerts, census, nutrition, pews, prefill, printing, records, since_admission
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text

# A baby of 4 months on the tests' day (28/11/2026).
BABY = "2026-07-31"
SET = {"respiratory_rate": 56, "respiratory_effort": "moderate", "spo2": 93, "oxygen": "low", "heart_rate": 158,
       "systolic_bp": 90, "capillary_refill": "under_3", "temperature": 38.1, "consciousness": "alert",
       "concern": False, "next_in": "60"}


@pytest.fixture
def child(session_for, admission_values):
    """A baby girl admitted to bed 3 of the paediatric ward at 09:00."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "5C", "Paediatrics", [str(n) for n in range(1, 9)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "given_names": "Lina", "birth_date": BABY, "nir": None, "identity_status": "provisional",
        "identity_document": None, "weight_kg": 6.1, "height_cm": 62, "ward": "5C", "bed": "3",
        "arrival_at": "2026-11-28T09:00+01:00", "reason": "Bronchiolitis"}).patient_id


@pytest.mark.parametrize(("born", "on", "band"), [
    ("2026-11-28", "2026-11-28", AgeBand.UNDER_3_MONTHS), ("2026-08-29", "2026-11-28", AgeBand.UNDER_3_MONTHS),
    ("2026-08-28", "2026-11-28", AgeBand.UNDER_1_YEAR), ("2025-11-29", "2026-11-28", AgeBand.UNDER_1_YEAR),
    ("2025-11-28", "2026-11-28", AgeBand.UNDER_4_YEARS), ("2022-11-28", "2026-11-28", AgeBand.UNDER_12_YEARS),
    ("2014-11-29", "2026-11-28", AgeBand.UNDER_12_YEARS), ("2014-11-28", "2026-11-28", AgeBand.FROM_12_YEARS),
    ("2010-11-29", "2026-11-28", AgeBand.FROM_12_YEARS), ("2010-11-28", "2026-11-28", None)])
def test_each_age_band_starts_on_its_birthday_and_the_chart_ends_at_16(born, on, band):
    assert age_band(date.fromisoformat(born), date.fromisoformat(on)) is band


@pytest.mark.parametrize("taken_at", ["2026-11-28T00:30+01:00", "2026-11-27T23:30+00:00"])
def test_a_set_is_scored_by_the_age_on_the_wards_day_whatever_offset_it_was_typed_with(taken_at):
    """00:30 on the ward on a 16th birthday: typed on a laptop set to UTC and merged here, the set
    read as taken on the 27th, scored on PEWS's 12-and-over band (6, not urgent) and not on NEWS2 (13,
    HIGH). The ward is in Paris (tests/conftest.py sets TZ)."""
    from types import SimpleNamespace

    from downtime.services import observations

    born, moment = date(2010, 11, 28), datetime.fromisoformat(taken_at)
    reading = {"respiratory_rate": 26, "spo2": 90, "on_oxygen": False, "systolic_bp": 88, "pulse": 135,
               "consciousness": "alert", "temperature": 38.6, "taken_at": taken_at}
    found = observations.scored(SimpleNamespace(data=reading), born).news2
    assert (found.total, found.band.value) == (13, "high")
    assert pews.scored_on(PewsSet(heart_rate=135, respiratory_rate=26, spo2=90), born, moment) is None
    assert pews.scored_on(PewsSet(heart_rate=135), date(2014, 11, 28), moment).band is AgeBand.FROM_12_YEARS


def test_a_month_is_completed_on_the_last_day_of_a_shorter_month():
    assert months_old(date(2026, 1, 31), date(2026, 2, 28)) == 1
    assert months_old(date(2026, 1, 31), date(2026, 2, 27)) == 0
    assert months_old(date(2026, 1, 15), date(2026, 4, 14)) == 2


def test_the_published_ranges_score_their_bounds_as_the_table_writes_them():
    """Parshuram 2009: a baby under 3 months' heart rate over 110 and under 150 scores 0, 150 or
    110 scores 1, 180 or 90 scores 2, 190 or 80 scores 4; 12 years and over, a heart rate under 50
    scores 2 (49), a respiration rate of 17 scores 1."""
    heart = BY_AGE["heart_rate"][AgeBand.UNDER_3_MONTHS]
    assert [heart.points(value) for value in (111, 149, 150, 110, 180, 90, 190, 80, 300)] == [0, 0, 1, 1, 2, 2, 4, 4, 4]
    assert BY_AGE["heart_rate"][AgeBand.FROM_12_YEARS].points(50) == 1
    assert BY_AGE["heart_rate"][AgeBand.FROM_12_YEARS].points(49) == 2
    assert BY_AGE["heart_rate"][AgeBand.UNDER_12_YEARS].points(150) == 2
    assert BY_AGE["heart_rate"][AgeBand.UNDER_12_YEARS].points(151) == 4
    assert BY_AGE["respiratory_rate"][AgeBand.FROM_12_YEARS].points(17) == 1
    assert BY_AGE["systolic_bp"][AgeBand.UNDER_4_YEARS].normal() == (91, 109)


@given(st.sampled_from(list(AgeBand)), st.sampled_from(list(BY_AGE)), st.integers(0, 300))
def test_points_never_fall_as_a_reading_moves_away_from_normal(band, item, value):
    """Each item's points grow (0, 1, 2, 4) the further a reading is from the range that scores 0,
    on either side, in every band: a table typed wrong (a bound out of order) breaks it."""
    ranges: Ranges = BY_AGE[item][band]
    low, high = ranges.normal()
    assert ranges.points(value) in (0, 1, 2, 4)
    if low <= value <= high:
        assert ranges.points(value) == 0
    elif value < low:
        assert ranges.points(value) >= ranges.points(value + 1)
    else:
        assert ranges.points(value) >= ranges.points(value - 1)


def test_a_set_scores_seven_items_up_to_26_and_says_those_not_taken():
    worst = PewsSet(heart_rate=200, systolic_bp=40, capillary_refill="from_3", respiratory_rate=100,
                    respiratory_effort="severe", spo2=85, oxygen="high")
    assert score(worst, AgeBand.UNDER_3_MONTHS).total == 26
    found = score(PewsSet(heart_rate=158, respiratory_rate=56, spo2=93, oxygen="low"), AgeBand.UNDER_1_YEAR)
    assert (found.total, found.missing) == (5, ["respiratory_effort", "systolic_bp", "capillary_refill"])


def test_eight_or_more_someone_worried_and_a_child_not_alert_each_call_the_doctor(clock):
    now = clock()
    found = score(PewsSet(respiratory_rate=56, respiratory_effort="moderate", spo2=93, oxygen="high", heart_rate=130,
                          capillary_refill="under_3"), AgeBand.UNDER_1_YEAR)  # no blood pressure: not asked for
    assert found.total == URGENT_FROM and signs(found, False, "alert", now + timedelta(hours=1), now, True) == [Sign.URGENT]
    calm = score(PewsSet(respiratory_rate=30, oxygen="room_air"), AgeBand.UNDER_1_YEAR)
    assert signs(calm, True, "voice", now, now, True) == [Sign.NOT_ALERT, Sign.CONCERN, Sign.INCOMPLETE, Sign.OVERDUE]
    assert signs(calm, False, "alert", None, now, True) == []  # a set before the latest: its next was taken
    assert signs(None, False, None, None, now, False) == [Sign.NO_AGE]
    assert signs(None, False, None, None, now, True) == [Sign.ADULT]
    # Sixteen since the set: the chart asks for no PEWS set the form would refuse.
    assert signs(calm, False, "alert", now, now, True, grown=True) == [Sign.GROWN]


def test_a_set_missing_a_reading_asks_for_it_on_the_escalation_list(session_for, child, clock):
    """A temperature of 39.8 and the oxygen alone scored PEWS 0, and put the child on no list."""
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {"taken_at": "2026-11-28T13:30+01:00", "oxygen": "room_air",
                                        "temperature": 39.8, "consciousness": "alert", "concern": False,
                                        "next_in": "60"}, patient_id=child)
    in_hospital = census.in_patients(nurse.db, nurse.forms)
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, clock(), "en",
                                                       ward=None).alerts if alert.form_id == pews.FORM]
    assert alert.said == ["INCOMPLETE SET (28/11 13:30): respiration rate, work of breathing, SpO2, heart rate, "
                          "capillary refill not taken: take them now (the score can only be higher)"]


def test_a_babys_first_set_is_overdue_from_her_admission_on_every_list(session_for, child, patient, clock):
    """An adult with no set this stay is on the overdue list from their admission; a child with
    none was on no list at all, their handover cell reading "NEWS2 not applicable" in black."""
    nurse = session_for("nurse")
    in_hospital = census.in_patients(nurse.db, nurse.forms)
    found = [(alert.patient.patient_id, alert.latest, alert.said) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, in_hospital, clock(), "en", ward=None).alerts if alert.form_id == pews.FORM]
    assert found == [(child, "No PEWS set this stay", [
        "OBSERVATIONS OVERDUE since admission (28/11 09:00): take a first set on the paediatric chart"])]
    watched = pews.watches(nurse.db, nurse.forms, in_hospital, clock(), "en")
    assert list(watched) == [child]  # the adult is NEWS2's
    assert (watched[child].short("en"), watched[child].overdue, watched[child].asking) == ("No PEWS set", True, True)
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T13:30+01:00", "respiratory_rate": 40,
                                        "oxygen": "room_air", "spo2": 97, "respiratory_effort": "normal",
                                        "heart_rate": 130}, patient_id=child)
    assert not [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, clock(), "en",
                                                       ward=None).alerts if alert.form_id == pews.FORM]
    assert pews.watches(nurse.db, nurse.forms, in_hospital, clock(), "en")[child].short("en") == "PEWS 0"


def test_a_babys_chart_is_scored_on_her_band_and_asks_for_the_doctor(session_for, child, clock, tmp_path):
    nurse = session_for("nurse")
    spec = nurse.form(pews.FORM)
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:00+01:00"}, patient_id=child)
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T13:30+01:00", "oxygen": "high",
                                        "concern": True, "notes": "Mother worried, Dr N'Diaye called"},
                     patient_id=child)
    lines = pews.chart(nurse.db, child)
    born = date.fromisoformat(BABY)
    assert [one.scored(born).total for one in lines] == [7, 9]
    assert pews.state(lines, born, spec, clock(), "en") == (
        "PEWS 9 (3 to under 12 months) at 28/11 13:30; next set due 28/11 14:30")
    assert pews.asking(lines, born, spec, clock(), "en") == [
        "PEWS 9 (8 or more): call the doctor to review the child now",
        "RED FLAG (moderate breathing effort with a fever, under 5 (NICE NG143), 28/11 13:30): call "
        "the doctor now, whatever the score",
        "NURSE OR PARENT WORRIED (28/11 13:30): tell the doctor, whatever the score"]
    in_hospital = census.in_patients(nurse.db, nurse.forms)
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, clock(), "en", ward="5C")
    alert = next(one for one in found.alerts if one.form_id == pews.FORM)
    assert alert.latest.startswith("PEWS 9 (3 to under 12 months)") and alert.said[0].startswith("PEWS 9 (8 or more)")
    assert found.next_due is not None and found.next_due.isoformat() == "2026-11-28T14:30:00+01:00"
    assert pews.handover(pews.watches(nurse.db, nurse.forms, in_hospital, clock(), "fr"), "fr")[child] == (
        "PEWS : PEWS 9 (de 3 à moins de 12 mois) le 28/11 13:30 ; prochaine surveillance 28/11 14:30 ; PEWS 9 (8 ou plus) : appeler "
        "le médecin pour qu’il examine l’enfant maintenant ; SIGNE DE GRAVITÉ (travail respiratoire modérément "
        "augmenté avec fièvre, avant 5 ans (NICE NG143), 28/11 13:30) : appeler le médecin maintenant, quel que soit "
        "le score ; INFIRMIER OU PARENT INQUIET (28/11 13:30) : prévenir le "
        "médecin, quel que soit le score")
    clock.advance(hours=1)
    assert pews.asking(lines, born, spec, clock(), "en")[-1] == "OBSERVATIONS OVERDUE since 28/11 14:30"
    assert "next set due" not in pews.state(lines, born, spec, clock(), "en")


def test_an_incomplete_set_says_what_was_not_taken(session_for, child, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 40,
                                        "oxygen": "room_air", "concern": False, "next_in": "60"}, patient_id=child)
    lines = pews.chart(nurse.db, child)
    assert pews.state(lines, date.fromisoformat(BABY), nurse.form(pews.FORM), clock(), "en").startswith(
        "PEWS ≥ 0 (3 to under 12 months; incomplete: work of breathing, SpO2, heart rate, systolic blood pressure, "
        "capillary refill not taken) at 28/11 12:00")


def test_a_child_whose_date_of_birth_is_not_known_is_charted_but_asks_for_it(session_for, admission_values, clock):
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "5C", "Paediatrics", ["1"])
    nurse = session_for("nurse")
    found = records.save_new(nurse, "admission", {
        **admission_values, "unidentified": True, "descriptor": "Girl of about 5, brought in by the fire brigade",
        "temporary_name": "INCONNUE Iris", "birth_date": None, "nir": None, "identity_status": "provisional",
        "identity_document": None, "weight_kg": 19, "weight_confirmed_kg": 19, "height_cm": 110, "ward": "5C", "bed": "1",
        "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T13:30+01:00"}, patient_id=found)
    lines = pews.chart(nurse.db, found)
    assert pews.asking(lines, None, nurse.form(pews.FORM), clock(), "en") == [
        "PEWS NOT SCORED: record the child's date of birth on the admission (an estimate will do); the ranges go by age"]


def test_a_childs_sets_after_her_birth_date_is_corrected_to_an_adults_say_so(session_for, child, clock):
    """Saving refuses a set of a patient of 16; a birth date corrected after the sets makes them
    an adult's: they say so, not that the date of birth is unknown."""
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:00+01:00"}, patient_id=child)
    admission = census.patient_with_location(nurse.db, nurse.forms, child).admission_record_id
    records.amend(nurse, admission, {**records.current(nurse.db, admission).data, "birth_date": "2006-07-31",
                                     "weight_kg": 61.0, "height_cm": 165}, "Date of birth misread on the label")
    born = census.patient_with_location(nurse.db, nurse.forms, child).birth_date
    lines = pews.chart(nurse.db, child)
    spec = nurse.form(pews.FORM)
    assert pews.state(lines, born, spec, clock(), "en").startswith("PEWS not scored at 28/11 12:00")
    assert pews.asking(lines, born, spec, clock(), "en") == [
        "PEWS NOT SCORED: 16 or over on 28/11/2026 (date of birth as now recorded); chart this patient's observations "
        "on the NEWS2 chart"]


def test_a_set_is_refused_for_a_patient_of_16_or_over(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ServiceError) as refused:
        records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:00+01:00"}, patient_id=patient)
    assert str(refused.value) == (
        "Date and time taken: this patient was 72 years old then; Paediatric observations (PEWS) is for children under 16: chart "
        "their observations on the NEWS2 chart.")
    assert pews.chart(nurse.db, patient) == []


def test_the_paper_chart_keys_the_childs_band_and_the_blank_every_band(session_for, child, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:00+01:00", "concern": True},
                     patient_id=child)
    out = printing.print_pews_chart(nurse, child, tmp_path / "pews.pdf")
    text = pdf_text(out)
    assert "Paediatric observation chart (PEWS)" in text and "3 to under 12 months 101–149" in text
    assert "under 3 months" not in text and "Moderate increase (2)" in text and "158 (1)" in text
    assert "NURSE OR PARENT WORRIED (28/11 12:00): tell the doctor, whatever the score" in text
    blank = printing.print_blank(nurse, "pews", tmp_path / "blank.pdf")
    pages = PdfReader(blank).pages
    key = re.sub(r"\s+", " ", pages[1].extract_text())
    assert len(pages) == 2 and all(words in key for words in (
        "under 3 months 111–149", "3 to under 12 months", "1 to under 4 years", "4 to under 12 years", "12 years and over 61–99",
        "Capillary refill: Under 3 s 0, 3 s or more 4"))
    census = pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "5C"))
    assert "PEWS 7 Told: NOT RECORDED For resuscitation" in census and "NEWS2 not applicable" not in census
    french = PdfReader(printing.print_blank(session_for("nurse", "fr"), "pews", tmp_path / "vierge.pdf")).pages
    assert len(french) == 2 and "moins de 3 mois 111–149" in re.sub(r"\s+", " ", french[1].extract_text())


def test_the_paper_chart_keys_every_band_its_sets_were_scored_on(session_for, admission_values, clock, tmp_path):
    """A boy turning 4 at midnight, his chart printed at 01:00: the key was 4 to under 12 years'
    alone, and his 23:00 set, scored on 1 to under 4 years' ("45 (1)"), read as added wrongly
    under a key scoring 45 breaths 2."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "5C", "Paediatrics", [str(n) for n in range(1, 9)])
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T01:00+01:00")
    boy = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Noe", "birth_date": "2022-11-29", "nir": None, "weight_kg": 16.0,
        "ward": "5C", "bed": "4", "arrival_at": "2026-11-28T20:00+01:00"}).patient_id
    for at in ("2026-11-28T23:00+01:00", "2026-11-29T00:00+01:00"):
        records.save_new(nurse, pews.FORM, {**SET, "respiratory_rate": 45, "heart_rate": 125, "taken_at": at},
                         patient_id=boy)
    text = pdf_text(printing.print_pews_chart(nurse, boy, tmp_path / "pews.pdf"))
    assert "1 to under 4 years 91–119" in text and "4 to under 12 years 71–109" in text
    assert "45 (1)" in text and "45 (2)" in text and "3 to under 12 months" not in text


@pytest.mark.parametrize("lang, over", [("en", "Scoring key of each age band: over the page."),
                                        ("fr", "Barème de chaque tranche d’âge : au verso.")])
def test_the_blank_chart_gives_a_page_of_lines_to_write_sets_in_and_the_key_over_it(session_for, tmp_path, monkeypatch,
                                                                                     lang, over):
    """A child scoring 8 or more is seen every hour: under every band's key, the blank chart left
    5 lines, 5 sets a page. How to score and at least a shift of hourly sets (12 lines) on the
    first page, the key over the page, as the blank NEWS2 chart has it."""
    from downtime.pdf import pews as pews_pdf

    ruled = []
    real = pews_pdf.carried_on_by_hand

    def counted(body, widths, width, by_hand, row_height):
        ruled.append(by_hand)
        return real(body, widths, width, by_hand, row_height)

    monkeypatch.setattr(pews_pdf, "carried_on_by_hand", counted)
    pages = [re.sub(r"\s+", " ", page.extract_text())
             for page in PdfReader(printing.print_blank(session_for("nurse", lang), "pews", tmp_path / "blank.pdf")).pages]
    assert ruled == [12] and len(pages) == 2
    assert "Bedside PEWS" in pages[0] and over in pages[0] and pews_pdf.WORDS["headings"][lang].split("|")[-1] in pages[0]
    assert "Bedside PEWS" not in pages[1] and BAND_WORDS[AgeBand.UNDER_1_YEAR][lang] in pages[1]


def test_each_set_is_exported_as_vital_signs_and_a_derived_score(session_for, child, tmp_path):
    nurse = session_for("nurse")
    taken = records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:00+01:00"}, patient_id=child)
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    check_codes(bundle)
    made = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "Observation"}
    total = Observation.model_validate(made[taken.record_id])
    assert total.code.text == "Bedside Paediatric Early Warning System score" and total.valueInteger == 7
    assert [one.text for one in total.interpretation] == [
        "Age band: 3 to under 12 months",
        "Red flag: moderate breathing effort with a fever, under 5 (NICE NG143)"]
    assert {component.code.text: component.valueInteger for component in total.component}["oxygen"] == 2
    derived = [made[reference.reference.split(":")[-1]] for reference in total.derivedFrom]
    heart = next(one for one in derived if one["code"].get("coding", [{}])[0].get("code") == "8867-4")
    assert heart["valueQuantity"]["value"] == 158 and heart["category"][0]["coding"][0]["code"] == "vital-signs"
    assert {one["code"].get("text") for one in derived} >= {"Work of breathing", "Capillary refill time",
                                                            "Supplemental oxygen"}


def test_a_red_flag_and_a_child_not_alert_are_in_the_exported_scores_interpretation(session_for, child, tmp_path):
    """A capillary refill of 3 s and a child responding to pain only each call the doctor whatever
    the score; the exported total said only its age band and "8 or more" (a PEWS 6 with both, its
    age band alone)."""
    nurse = session_for("nurse")
    taken = records.save_new(nurse, pews.FORM, {
        **SET, "taken_at": "2026-11-28T12:00+01:00", "capillary_refill": "from_3", "consciousness": "pain",
        "next_in": "15"}, patient_id=child)
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    total = Observation.model_validate(next(entry["resource"] for entry in bundle["entry"]
                                            if entry["resource"]["id"] == taken.record_id))
    assert [one.text for one in total.interpretation] == [
        "Age band: 3 to under 12 months", "8 or more: urgent medical review",
        "Red flag: moderate breathing effort with a fever, under 5 (NICE NG143)",
        "Red flag: capillary refill 3 s or more", "Not alert: P (Responds to pain)"]


def test_a_child_is_not_reminded_of_the_adults_malnutrition_screening_nor_screened_with_it(
        session_for, child, patient, clock):
    """MUST screens adults only: the woman in since 09:00 is reminded a day later, the baby is not;
    and the form refuses her (its BMI bands called a well five-year-old high risk)."""
    nurse = session_for("nurse")
    clock.advance(days=1)
    assert nutrition.never_screened(nurse.db, census.in_patients(nurse.db, nurse.forms), clock()) == {patient}
    # Told plainly: the paediatric chart the NEWS2 form sends a child to is not a nutrition screen.
    with pytest.raises(ServiceError, match="this patient was 3 months old then; Nutrition screening \\(MUST\\) is for patients 18 "
                                           "or over\\.$"):
        records.save_new(nurse, "nutrition_screening", {
            "screened_at": "2026-11-29T14:00+01:00", "weight_kg": 6.1, "height_cm": 62, "weight_loss": "under_5",
            "acute_no_intake": False}, patient_id=child)


def test_a_letter_handing_a_child_on_carries_their_latest_set_and_what_it_asks(session_for, child, patient, clock):
    """A transfer to another hospital or ward starts with the child's latest set, each reading with
    its points (the letter's last observations are NEWS2's, which a child has none of); an adult's
    field is left empty."""
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T11:00+01:00"}, patient_id=child)
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T13:30+01:00", "oxygen": "high",
                                        "consciousness": "voice"}, patient_id=child)
    for form_id in ("transfer_out", "transfer"):
        said = prefill.first_answers(nurse, nurse.form(form_id), child)["pews"]
        assert said == (
            "PEWS 9 (3 to under 12 months) at 28/11 13:30: respiration rate 56 (1), work of breathing Moderate increase "
            "(2), SpO2 93 (1), oxygen 4 L/min or 50%, or more (4), heart rate 158 (1), systolic blood pressure 90 "
            "(0), capillary refill Under 3 s (0), temperature 38.1, consciousness (AVPU) V (Responds to voice)\n"
            "PEWS 9 (8 or more): call the doctor to review the child now\n"
            "RED FLAG (moderate breathing effort with a fever, under 5 (NICE NG143), 28/11 13:30): call "
            "the doctor now, whatever the score\n"
            "NOT ALERT (V (Responds to voice), 28/11 13:30): call the doctor now, whatever the score")
        assert not prefill.first_answers(nurse, nurse.form(form_id), patient).get("pews")


ANYTHING = st.one_of(st.none(), st.integers(-1000, 1000), st.floats(allow_nan=True), st.text(max_size=12),
                     st.sampled_from(["normal", "severe", "room_air", "high", "under_3", "from_3", "voice", "alert"]))


@given(values=st.fixed_dictionaries({}, optional={
    **{item: ANYTHING for item in ("respiratory_rate", "respiratory_effort", "spo2", "oxygen", "heart_rate",
                                   "systolic_bp", "capillary_refill", "consciousness", "concern")},
    "taken_at": st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["2026-11-28T12:00+01:00",
                                                                            "2026-11-28T12:00", "28/11/2026"]))}),
       born=st.one_of(st.none(), st.dates(date(2008, 1, 1), date(2026, 11, 28))))
def test_whatever_is_being_typed_is_scored_or_left_unscored_never_a_crash(forms, values, born):
    """The form scores a set at each keystroke from its answers read leniently: whatever they are
    (half a number, a slip out of any child's range, a time not yet whole), the score is said or
    not shown, and a score said is one the set's saved readings would give."""
    at = datetime(2026, 11, 28, 14, tzinfo=timezone(timedelta(hours=1)))
    found = pews.as_typed(values, born, forms[pews.FORM], at, "en")
    assert found is None or (found[0].startswith("PEWS ") and all(isinstance(line, str) for line in found[1]))


def test_a_child_with_no_weight_is_handed_over_as_not_weighed_since_admission(session_for, child, admission_values):
    """The weight is optional on admission; a child's doses are worked out from it."""
    nurse = session_for("nurse")
    unweighed = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Tom", "birth_date": "2023-05-02", "nir": None, "weight_kg": None,
        "ward": "5C", "bed": "4", "arrival_at": "2026-11-28T10:00+01:00"})
    inside = census.in_patients(nurse.db, nurse.forms, "5C", nurse.clock())
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {unweighed.patient_id: (
        "NOT DONE SINCE ADMISSION on 28/11 10:00: a child's weight (their doses are worked out from it)")}
    records.amend(nurse, unweighed.record_id, {**unweighed.data, "weight_kg": 14.2}, "Weighed on the ward")
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {}


def test_a_child_weighed_on_the_ward_after_admission_is_no_longer_handed_over_as_not_weighed(
        session_for, child, admission_values):
    """Too unwell to weigh on admission, weighed at 12:00 (Record ▸ Weight): every dose is worked
    out from the 14.2 kg, and the sheet still asked for a child's weight, read from the admission alone."""
    nurse = session_for("nurse")
    unweighed = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Tom", "birth_date": "2023-05-02", "nir": None, "weight_kg": None,
        "ward": "5C", "bed": "4", "arrival_at": "2026-11-28T10:00+01:00"})
    records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T12:00+01:00", "weight_kg": 14.2,
                                       "method": "measured"}, patient_id=unweighed.patient_id)
    inside = census.in_patients(nurse.db, nurse.forms, "5C", nurse.clock())
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {}


def test_a_17_year_old_never_weighed_is_handed_over_as_not_weighed(session_for, child, admission_values):
    """PEWS hands over to NEWS2 at 16, but doses are weighed by weight to 18 (dose_limits): the
    reminder is about the weight doses are worked out from (review RB #7)."""
    nurse = session_for("nurse")
    teen = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Noé", "birth_date": "2009-06-01", "nir": None, "weight_kg": None,
        "ward": "5C", "bed": "6", "arrival_at": "2026-11-28T10:00+01:00"})
    inside = census.in_patients(nurse.db, nurse.forms, "5C", nurse.clock())
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {teen.patient_id: (
        "NOT DONE SINCE ADMISSION on 28/11 10:00: a child's weight (their doses are worked out from it)")}


def test_on_the_sixteenth_birthday_the_chart_hands_over_to_news2(session_for, child, admission_values, clock):
    """The chart went on asking for a PEWS set the form refused from the sixteenth birthday."""
    nurse = session_for("nurse")
    teen = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Noé", "birth_date": "2010-11-29", "nir": None, "weight_kg": 58,
        "ward": "5C", "bed": "5", "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 16,
                                        "oxygen": "room_air", "spo2": 98, "respiratory_effort": "normal",
                                        "heart_rate": 80, "systolic_bp": 115, "next_in": "240"}, patient_id=teen)
    spec, born = nurse.form(pews.FORM), date(2010, 11, 29)
    clock.advance(hours=20)  # 29/11 10:00, his birthday
    assert pews.asking(pews.chart(nurse.db, teen), born, spec, clock(), "en") == [
        "16 NOW: chart this patient's observations on the NEWS2 chart (the paediatric chart ends at 16)"]
    with pytest.raises(ServiceError, match="is for children under 16"):
        records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-29T10:00+01:00"}, patient_id=teen)
    records.save_new(nurse, "observations", {
        "taken_at": "2026-11-29T10:00+01:00", "respiratory_rate": 16, "spo2": 98, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 115, "diastolic_bp": 70, "pulse": 80, "consciousness": "alert",
        "temperature": 36.8}, patient_id=teen)


def test_a_child_watched_closely_is_observed_again_within_the_hour(session_for, child):
    """A score of 9 saved with the next set in 4 hours asked for no set for 4 hours."""
    nurse = session_for("nurse")
    urgent = {**SET, "taken_at": "2026-11-28T13:30+01:00", "oxygen": "high"}  # PEWS 9
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, pews.FORM, {**urgent, "next_in": "240"}, patient_id=child)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "next_in", "“Next observations in”: a child scoring 8 or more, with a red flag, not alert, or with someone "
                   "worried is observed at least hourly: choose 1 hour or less.")]
    calm = {**SET, "taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 40, "oxygen": "room_air", "spo2": 97,
            "respiratory_effort": "normal", "heart_rate": 130, "next_in": "240"}
    with pytest.raises(ValidationFailed):
        records.save_new(nurse, pews.FORM, {**calm, "concern": True}, patient_id=child)
    saved = records.save_new(nurse, pews.FORM, calm, patient_id=child)
    # A reading corrected later keeps the plan made then; a plan changed keeps to the rule.
    corrected = records.amend(nurse, saved.record_id, {**calm, "consciousness": "voice"}, "She was drowsy")
    with pytest.raises(ValidationFailed):
        records.amend(nurse, corrected.record_id, {**calm, "consciousness": "voice", "next_in": "120"}, "Replanned")
    records.save_new(nurse, pews.FORM, {**urgent, "next_in": "60"}, patient_id=child)


def test_a_childs_malnutrition_screening_typed_before_its_refusal_asks_nothing(session_for, child, admission_values,
                                                                              clock):
    """Typed while the date of birth was an adult's, it asked a week on for a screening the form
    refuses, and handed over the adult's reading of a child's BMI."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Jade", "birth_date": "1981-05-02", "nir": None, "weight_kg": 18,
        "weight_confirmed_kg": 18, "height_cm": 110, "ward": "5C", "bed": "6",
        "arrival_at": "2026-11-28T09:00+01:00"})
    records.save_new(nurse, "nutrition_screening", {
        "screened_at": "2026-11-28T10:00+01:00", "weight_kg": 18, "weight_confirmed_kg": 18, "height_cm": 110,
        "weight_loss": "under_5", "acute_no_intake": False}, patient_id=admitted.patient_id)
    records.amend(nurse, admitted.record_id, {**admitted.data, "birth_date": "2021-05-02"}, "Year typed wrong")
    clock.advance(days=8)
    (jade,) = [one for one in census.in_patients(nurse.db, nurse.forms, "5C", clock())
               if one.patient_id == admitted.patient_id]
    found = nutrition.latest(nurse.db, [jade.patient_id]).get(jade.patient_id)
    assert nutrition.state(found, jade, clock(), "en") == ("Nutrition: MUST screens adults (18 or over), not a child", [])
    assert nutrition.handover(nurse.db, [jade], clock(), "en") == {}


def test_a_child_loaded_from_the_ehrs_snapshot_is_due_a_first_set_from_the_load(session_for, clock, tmp_path):
    """A child the EHR admitted two days before, loaded at the outage's start, read "OBSERVATIONS
    OVERDUE since admission (26/11 14:00)": the sets of those days are the EHR's."""
    import shutil
    from pathlib import Path

    from downtime.sync.importing import import_path

    snapshot = Path(shutil.copytree(Path(__file__).parent / "data" / "snapshot", tmp_path / "snapshot"))
    patients = snapshot / "patients.csv"
    patients.write_text(patients.read_text(encoding="utf-8").replace("23/04/1951", "23/04/2024"), encoding="utf-8")
    clock.now = datetime.fromisoformat("2026-11-28T06:30+01:00")
    import_path(session_for("records"), snapshot)
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    nurse = session_for("nurse")
    in_hospital = census.in_patients(nurse.db, nurse.forms)
    (watch,) = pews.watches(nurse.db, nurse.forms, in_hospital, clock(), "en").values()
    assert (f"{watch.due_at:%d/%m %H:%M}", watch.overdue) == ("28/11 06:30", True)
    assert watch.said == ("No PEWS set this stay; OBSERVATIONS OVERDUE since loaded from the EHR (28/11 06:30): take a "
                          "first set on the paediatric chart")


def test_a_child_loaded_with_the_clock_ahead_is_overdue_now_said_in_french(session_for, clock, tmp_path):
    """Loaded with the clock a day ahead and read before anything else was written: due "tomorrow",
    no list asked a first set; and the French said "depuis le chargement depuis le DPI"."""
    import shutil
    from pathlib import Path

    from downtime.sync.importing import import_path

    snapshot = Path(shutil.copytree(Path(__file__).parent / "data" / "snapshot", tmp_path / "snapshot"))
    patients = snapshot / "patients.csv"
    patients.write_text(patients.read_text(encoding="utf-8").replace("23/04/1951", "23/04/2024"), encoding="utf-8")
    clock.now = datetime.fromisoformat("2026-11-29T06:30+01:00")
    clerk = session_for("records")
    import_path(clerk, snapshot)
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    in_hospital = census.in_patients(clerk.db, clerk.forms)
    (watch,) = pews.watches(clerk.db, clerk.forms, in_hospital, clock(), "fr").values()
    assert (f"{watch.due_at:%d/%m %H:%M}", watch.overdue) == ("28/11 07:00", True)
    assert watch.said.endswith("SURVEILLANCE EN RETARD depuis son chargement à partir du DPI (28/11 07:00) : prendre "
                               "une première série sur la feuille pédiatrique"), watch.said

"""Delirium screening (the 4AT): each item's points as the tool gives them, the total's outcome,
a patient 65 or over never screened a day after they came in, new confusion on a NEWS2 set asking
for a screening; the handover sheet's line, the letters, the blank form and the export."""

from dataclasses import replace
from datetime import date

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.delirium import ITEMS, POINTS, Outcome, outcome, total
from downtime.services import census, delirium, prefill, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed

SCREEN = {"screened_at": "2026-11-28T10:00+01:00", "alertness": "normal", "amt4": "two_or_more",
          "attention": "fewer_than_seven", "acute_change": "yes"}  # 0 + 2 + 1 + 4
CONFUSED_SET = {"taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 18, "spo2": 96, "spo2_scale": "scale_1",
                "on_oxygen": False, "systolic_bp": 128, "diastolic_bp": 74, "pulse": 88,
                "consciousness": "new_confusion", "temperature": 37.2}


def _text(path):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_each_item_scores_as_the_tool_says():
    assert total(SCREEN) == 7
    assert total({"alertness": "abnormal", "amt4": "no_mistake", "attention": "seven_or_more", "acute_change": "no"}) == 4
    assert total({"alertness": "mild_sleepiness", "amt4": "one_mistake", "attention": "untestable",
                  "acute_change": "not_known"}) == 3
    assert [outcome(score) for score in (0, 1, 3, 4, 12)] == [
        Outcome.UNLIKELY, Outcome.COGNITIVE_IMPAIRMENT, Outcome.COGNITIVE_IMPAIRMENT, Outcome.POSSIBLE_DELIRIUM,
        Outcome.POSSIBLE_DELIRIUM]


@given(st.fixed_dictionaries({item: st.sampled_from(sorted(POINTS[item])) for item in ITEMS}))
def test_the_total_is_0_to_12_and_a_clearly_abnormal_alertness_or_a_change_alone_is_possible_delirium(answers):
    score = total(answers)
    assert 0 <= score <= 12
    if answers["alertness"] == "abnormal" or answers["acute_change"] == "yes":
        assert outcome(score) is Outcome.POSSIBLE_DELIRIUM


def test_every_option_of_the_form_is_scored(forms):
    for item in ITEMS:
        assert {option.code for option in forms["delirium_screening"].field(item).options} == set(POINTS[item])


def test_the_latest_screening_says_what_it_found_on_the_handover_and_the_letters(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    nothing = delirium.read(nurse.db, [patient])[patient]
    assert delirium.state(nothing, summary, nurse.clock(), "en") == ("Delirium: not screened yet (4AT)", [])
    records.save_new(nurse, "delirium_screening", SCREEN, patient_id=patient)
    known = delirium.read(nurse.db, [patient])[patient]
    assert (known.found.score, known.found.outcome) == (7, Outcome.POSSIBLE_DELIRIUM)
    said = "Delirium: 4AT 7, POSSIBLE DELIRIUM: tell the doctor, who looks for its cause (28/11 10:00)"
    assert delirium.state(known, summary, nurse.clock(), "en") == (said, [])
    assert delirium.state(known, summary, nurse.clock(), "fr")[0] == (
        "Confusion aiguë : 4AT 7, CONFUSION AIGUË POSSIBLE : prévenir le médecin, qui en cherche la cause (28/11 10:00)")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert delirium.handover(nurse.db, inside, nurse.clock(), "en") == {patient: said}
    assert said in _text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["delirium"] == said, form_id
    records.save_new(nurse, "delirium_screening", {**SCREEN, "screened_at": "2026-11-28T13:30+01:00",
                                                   "amt4": "no_mistake", "attention": "seven_or_more",
                                                   "acute_change": "no"}, patient_id=patient)
    assert delirium.handover(nurse.db, inside, nurse.clock(), "en") == {}  # unlikely, the history taken: nothing to say


def test_a_history_not_taken_is_said_since_delirium_is_still_possible(session_for, patient):
    nurse = session_for("nurse")
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    records.save_new(nurse, "delirium_screening", {**SCREEN, "amt4": "no_mistake", "attention": "seven_or_more",
                                                   "acute_change": "not_known"}, patient_id=patient)
    known = delirium.read(nurse.db, [patient])[patient]
    assert delirium.state(known, summary, nurse.clock(), "en")[0] == (
        "Delirium: 4AT 0, delirium or severe cognitive impairment unlikely; no history of a change yet: ask the family "
        "or carers whether the patient has changed in the last 2 weeks (28/11 10:00)")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert patient in delirium.handover(nurse.db, inside, nurse.clock(), "en")


def test_a_patient_65_or_over_never_screened_is_asked_for_a_day_after_coming_in(session_for, patient, clock):
    nurse = session_for("nurse")  # born 12/03/1954: 72
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    nothing = delirium.read(nurse.db, [patient])[patient]
    assert delirium.next_change(nothing, summary, nurse.clock()).isoformat() == "2026-11-29T09:00:00+01:00"
    clock.advance(hours=19)  # 29/11 09:00, a day after the 09:00 arrival
    assert delirium.next_change(nothing, summary, nurse.clock()) is None
    assert delirium.state(nothing, summary, nurse.clock(), "en")[1] == [
        "DELIRIUM NOT SCREENED since admission on 28/11 09:00 (65 or over): screen with the 4AT"]
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert delirium.never_screened(nurse.db, inside, nurse.clock()) == {patient}
    assert delirium.handover(nurse.db, inside, nurse.clock(), "fr") == {}  # said with the others not done
    younger = replace(summary, birth_date=date(1970, 1, 1))
    assert delirium.state(nothing, younger, nurse.clock(), "en")[1] == []
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-29T08:30+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    gone = census.patient_with_location(nurse.db, nurse.forms, patient)
    assert delirium.state(nothing, gone, nurse.clock(), "en") == ("Delirium: not screened yet (4AT)", [])


def test_new_confusion_on_a_news2_set_asks_for_a_screening_until_one_is_made(session_for, patient):
    nurse = session_for("nurse")
    summary = replace(census.patient_with_location(nurse.db, nurse.forms, patient), birth_date=date(1980, 5, 5))
    records.save_new(nurse, "delirium_screening", SCREEN, patient_id=patient)
    records.save_new(nurse, "observations", CONFUSED_SET, patient_id=patient)
    asked = ["NEW CONFUSION on the observations of 28/11 13:00: screen for delirium (4AT)"]
    assert delirium.state(delirium.read(nurse.db, [patient])[patient], summary, nurse.clock(), "en")[1] == asked
    records.save_new(nurse, "delirium_screening", {**SCREEN, "screened_at": "2026-11-28T13:20+01:00"},
                     patient_id=patient)
    assert delirium.state(delirium.read(nurse.db, [patient])[patient], summary, nurse.clock(), "en")[1] == []
    confused = records.save_new(nurse, "observations", {**CONFUSED_SET, "taken_at": "2026-11-28T13:45+01:00"},
                                patient_id=patient)
    later = delirium.read(nurse.db, [patient])[patient]
    assert delirium.state(later, summary, nurse.clock(), "fr")[1] == [
        "CONFUSION RÉCENTE aux constantes du 28/11 13:45 : dépister une confusion aiguë (4AT)"]
    # The set corrected (alert after all), or withdrawn: nothing asked.
    records.amend(nurse, confused.record_id, {**CONFUSED_SET, "taken_at": "2026-11-28T13:45+01:00",
                                              "consciousness": "alert"}, "Misread: alert")
    assert delirium.state(delirium.read(nurse.db, [patient])[patient], summary, nurse.clock(), "en")[1] == []
    child = replace(summary, birth_date=date(2015, 5, 5))
    assert delirium.state(later, child, nurse.clock(), "en")[1] == []


def test_every_item_is_asked_and_a_coordinator_cannot_screen(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "delirium_screening", {**SCREEN, "attention": None, "acute_change": None},
                         patient_id=patient)
    assert sorted(error.path for error in refused.value.errors) == ["acute_change", "attention"]
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "delirium_screening", SCREEN, patient_id=patient)


def test_the_blank_screening_is_one_page_and_the_export_sends_an_observation(session_for, patient, blank_pages,
                                                                            exported_resource):
    english, french = blank_pages("delirium_screening", "en"), blank_pages("delirium_screening", "fr")
    assert len(english) == len(french) == 1
    assert "months of the year backwards" in english[0] and "Changement aigu" in french[0]
    saved = records.save_new(session_for("nurse"), "delirium_screening",
                             {**SCREEN, "notes": "Daughter: muddled since Sunday"}, patient_id=patient)
    found = exported_resource(saved.record_id, Observation)
    assert (found.valueInteger, found.interpretation[0].text, found.category[0].coding[0].code) == (
        7, "POSSIBLE DELIRIUM: tell the doctor, who looks for its cause", "survey")
    assert [(part.code.text, part.valueCodeableConcept.text) for part in found.component] == [
        ("1. Alertness", "Normal: fully alert, not agitated, throughout (0)"),
        ("2. AMT4: age, date of birth, place (the hospital or building), current year",
         "2 or more mistakes, or untestable (2)"),
        ("3. Attention: the months of the year backwards, starting at December",
         "Starts, fewer than 7 right, or refuses to start (1)"),
        ("4. Acute change or fluctuating course", "Yes (4)")]
    assert found.note[0].text == "Daughter: muddled since Sunday"
    assert found.encounter is not None and found.effectiveDateTime is not None


def test_possible_delirium_is_on_the_escalation_list_until_a_later_screening_finds_otherwise(session_for, patient):
    """A 4AT of 4 or more asks the doctor now: on paper it was on the screening alone, and the
    handover sheet printed once a shift."""
    nurse = session_for("nurse")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    records.save_new(nurse, "delirium_screening", {**SCREEN, "acute_change": "no"}, patient_id=patient)  # 3
    assert delirium.escalation(nurse.db, inside, nurse.clock(), "en") == {}
    records.save_new(nurse, "delirium_screening", {**SCREEN, "screened_at": "2026-11-28T11:00+01:00"},
                     patient_id=patient)  # 7
    assert delirium.escalation(nurse.db, inside, nurse.clock(), "en") == {
        patient: ("4AT 7 28/11 11:00", ["POSSIBLE DELIRIUM: tell the doctor, who looks for its cause"])}
    assert delirium.escalation(nurse.db, inside, nurse.clock(), "fr")[patient][1] == [
        "CONFUSION AIGUË POSSIBLE : prévenir le médecin, qui en cherche la cause"]
    records.save_new(nurse, "delirium_screening", {**SCREEN, "screened_at": "2026-11-28T13:30+01:00",
                                                   "amt4": "no_mistake", "attention": "seven_or_more",
                                                   "acute_change": "no"}, patient_id=patient)
    assert delirium.escalation(nurse.db, inside, nurse.clock(), "en") == {}


def test_the_screenings_time_is_said_on_the_wards_clock(session_for, patient):
    """A screening typed on a laptop set to UTC, merged here, was said an hour off."""
    nurse = session_for("nurse")
    records.save_new(nurse, "delirium_screening", {**SCREEN, "screened_at": "2026-11-28T09:00+00:00"},
                     patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    said = "Delirium: 4AT 7, POSSIBLE DELIRIUM: tell the doctor, who looks for its cause (28/11 10:00)"
    assert delirium.handover(nurse.db, inside, nurse.clock(), "en") == {patient: said}
    assert delirium.escalation(nurse.db, inside, nurse.clock(), "en")[patient][0] == "4AT 7 28/11 10:00"
    assert delirium.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en") == [said]


def test_a_history_not_taken_reads_in_french_as_nobody_asked(forms):
    (option,) = [option for option in forms["delirium_screening"].field("acute_change").options
                 if option.code == "not_known"]
    assert option.label.fr == "Pas encore connu : aucune personne connaissant le patient n’a été interrogée (0)"

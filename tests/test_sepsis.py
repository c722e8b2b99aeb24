"""Sepsis screening: what a screening finds (red flag sepsis, possible sepsis, an infection with
no red flag, infection unlikely) from its answers and the NEWS2 of its readings; a set of 5 or
more asking for a screening; the Sepsis Six and the doctor's review asked within the hour, then
overdue; on the escalation list and the handover sheet; the blank form, the binder and the export."""

from datetime import datetime

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.sepsis import SIX, Outcome, left_to_do, outcome, reading_flags
from downtime.services import census, chart_alerts, medication, observations, prefill, printing, records, sepsis
from downtime.services.errors import ServiceError

READINGS = {"taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 104, "pulse": 112, "consciousness": "alert", "temperature": 38.6}
# NEWS2: respiration 2, SpO2 1, air 0, systolic 1, pulse 2, alert 0, temperature 1 = 7
SET = {**READINGS, "diastolic_bp": 62}
SCREEN = {"screened_at": "2026-11-28T13:10+01:00", "infection": "likely", "source": "chest", **READINGS}
CALM = {"respiratory_rate": 18, "spo2": 97, "systolic_bp": 124, "pulse": 84, "temperature": 37.8}  # NEWS2 0


def _prescribed(session_for, patient, start_at="2026-11-28T13:30+01:00"):
    """Clarithromycin 500 mg IV prescribed once at `start_at`, for sepsis: its order's id."""
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Clarithromycin", "dose": 500.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": start_at, "indication": "Sepsis, chest source", "controlled": False, "high_alert": False},
        patient_id=patient).record_id


def _given(session_for, order, given_at):
    medication.record_dose(session_for("nurse"), order, {"outcome": "given", "given_at": given_at,
                                                         "scheduled_for": given_at, "dose_given": 500.0, "route": "IV"})


def _charted(session_for, patient, given_at):
    """Clarithromycin 500 mg IV prescribed once and recorded given at `given_at` on the medication chart."""
    _given(session_for, _prescribed(session_for, patient, given_at), given_at)


def _score(data):
    return observations.readings_score(data)


def test_a_screening_finds_red_flag_sepsis_possible_sepsis_an_infection_or_none():
    assert _score(READINGS).total == 7
    assert outcome(SCREEN, _score(SCREEN)) is Outcome.RED  # NEWS2 7 with an infection likely
    assert reading_flags(SCREEN, _score(SCREEN)) == {"news2": 7}
    calm = {**SCREEN, **CALM}
    assert outcome(calm, _score(calm)) is Outcome.LOW
    assert outcome({**calm, "red_flags": ["lactate"]}, _score(calm)) is Outcome.RED
    fast = {**calm, "pulse": 135}
    assert (reading_flags(fast, _score(fast)), outcome(fast, _score(fast))) == ({"pulse": 135}, Outcome.RED)
    for reading, value in (("respiratory_rate", 25), ("systolic_bp", 90), ("consciousness", "new_confusion"),
                           ("spo2", 91)):
        changed = {**calm, reading: value}
        assert outcome(changed, _score(changed)) is Outcome.RED, reading
    five = {**calm, "respiratory_rate": 22, "temperature": 38.6, "pulse": 95}  # 2 + 1 + 1 = 4, then the SpO2
    five["spo2"] = 95
    # Under target on air: the tool's "needs oxygen to keep SpO2 92 % or more (88 % in COPD)".
    blue = {**calm, "spo2": 88}
    assert (_score(blue).total, reading_flags(blue, _score(blue)), outcome(blue, _score(blue))) == (
        3, {"spo2": 88}, Outcome.RED)
    assert outcome({**blue, "spo2_scale": "scale_2"}, _score({**blue, "spo2_scale": "scale_2"})) is Outcome.LOW
    assert outcome({**blue, "on_oxygen": True}, _score({**blue, "on_oxygen": True})) is Outcome.RED  # NEWS2 5
    assert outcome({**blue, "spo2": 92}, _score({**blue, "spo2": 92})) is Outcome.LOW
    assert (_score(five).total, outcome(five, _score(five))) == (5, Outcome.AMBER)
    nothing = {"screened_at": SCREEN["screened_at"], "infection": "likely"}
    assert outcome(nothing, _score(nothing)) is Outcome.AMBER  # no readings: not a low risk
    half = {**nothing, "pulse": 84}
    assert outcome(half, _score(half)) is Outcome.AMBER  # an incomplete low score is not a low risk either
    assert outcome({**SCREEN, "infection": "unlikely", "red_flags": ["skin"]}, _score(SCREEN)) is Outcome.UNLIKELY


@given(st.fixed_dictionaries({"infection": st.sampled_from(["likely", "unlikely"]),
                              "screened_at": st.just("2026-11-28T13:10+01:00")}, optional={
    "respiratory_rate": st.integers(0, 80), "spo2": st.integers(50, 100), "systolic_bp": st.integers(30, 300),
    "pulse": st.integers(20, 300), "temperature": st.floats(25, 45).map(lambda value: round(value, 1)),
    "consciousness": st.sampled_from(["alert", "new_confusion", "voice", "pain", "unresponsive"]),
    "on_oxygen": st.booleans(),
    "red_flags": st.lists(st.sampled_from(["needs_oxygen", "bp_drop", "skin", "lactate", "no_urine", "chemotherapy"])),
    **{f"{item}_at": st.just("2026-11-28T13:20+01:00") for item in SIX},
    "not_needed": st.lists(st.sampled_from(["oxygen", "fluids"]))}))
def test_any_red_flag_with_an_infection_likely_is_red_flag_sepsis_and_the_six_left_are_never_more_than_six(answers):
    news2 = _score(answers)
    found = outcome(answers, news2)
    if answers["infection"] == "unlikely":
        assert found is Outcome.UNLIKELY
    elif answers.get("red_flags") or (news2 is not None and news2.total >= 7):
        assert found is Outcome.RED
    left = left_to_do(answers)
    assert set(left) <= set(SIX) and left == [item for item in SIX if item in left]
    assert not {f"{item}_at" for item in left} & set(answers)


def test_a_set_of_5_or_more_asks_for_a_screening_then_the_sepsis_six_and_the_review_within_the_hour(
        session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en") == {}
    records.save_new(nurse, "observations", SET, patient_id=patient)
    screen = "NEWS2 7 at 28/11 13:00: COULD THIS BE SEPSIS? Screen with the sepsis tool"
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en") == {patient: screen}
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert (alert.form_id, alert.latest, alert.said) == ("sepsis_screening", "Sepsis: not screened this stay", [screen])
    assert sepsis.to_open(nurse.db, nurse.forms, patient, nurse.clock()) is None  # a new screening
    clock.advance(minutes=-35)  # screened at 13:20, the hour running to 14:20, at 13:25
    found = records.save_new(nurse, "sepsis_screening", {**SCREEN, "screened_at": "2026-11-28T13:20+01:00",
                                                         "cultures_at": "2026-11-28T13:25+01:00",
                                                         "not_needed": ["oxygen"]}, patient_id=patient)
    clock.advance(minutes=35)
    line = "Sepsis screen 28/11 13:20 (NEWS2 7): RED FLAG SEPSIS"
    six = "SEPSIS SIX by 28/11 14:20: IV antibiotics, IV fluids, lactate, hourly urine output"
    review = "doctor to review now (by 28/11 14:20)"  # as red flag sepsis's outcome says: now
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en") == {patient: f"{line}; {six}; {review}"}
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert (alert.latest, alert.said) == (line, [six, review])
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").next_due == \
        datetime.fromisoformat("2026-11-28T14:20+01:00")
    assert sepsis.to_open(nurse.db, nurse.forms, patient, nurse.clock()).record_id == found.record_id
    clock.advance(minutes=30)
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "fr", ward="3B").alerts
    assert alert.said == ["« SEPSIS SIX » EN RETARD (avant 28/11 14:20) : antibiotiques IV, remplissage IV, lactates, "
                          "diurèse horaire", "PAS EXAMINÉ PAR UN MÉDECIN (avant 28/11 14:20) : relancer maintenant"]
    census_pdf = printing.print_census(nurse, tmp_path / "census.pdf", "3B")
    assert "SEPSIS SIX OVERDUE (due 28/11 14:20)" in " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(census_pdf).pages)
    _charted(session_for, patient, "2026-11-28T14:25+01:00")
    records.amend(session_for("doctor"), found.record_id, {
        **found.data, "antibiotics_at": "2026-11-28T14:25+01:00", "fluids_at": "2026-11-28T14:10+01:00",
        "lactate_at": "2026-11-28T13:25+01:00", "urine_at": "2026-11-28T13:40+01:00", "reviewed_by": "Dr  Benali",
        "reviewed_at": "2026-11-28T13:45+01:00"}, "Sepsis Six timed")
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts == []
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en") == {patient: (
        "Sepsis screen 28/11 13:20 (NEWS2 7): RED FLAG SEPSIS; IV antibiotics: Clarithromycin 500 mg IV given 28/11 "
        "14:25 (medication chart); reviewed by Dr Benali 28/11 13:45")}
    clock.advance(minutes=20)
    records.save_new(nurse, "observations", {**SET, "taken_at": "2026-11-28T14:40+01:00"}, patient_id=patient)
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en")[patient].count("COULD THIS") == 0  # no worse
    records.save_new(nurse, "observations", {**SET, "taken_at": "2026-11-28T14:45+01:00", "systolic_bp": 95},
                     patient_id=patient)
    # Worse, but red flag sepsis is being treated: its NEWS2 escalates it, no new screening is asked.
    assert "COULD THIS" not in sepsis.handover(nurse.db, inside, nurse.clock(), "en")[patient]
    clock.advance(hours=24)
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "screened_at": "2026-11-29T14:30+01:00",
                                                 "taken_at": "2026-11-29T14:30+01:00", "infection": "unlikely"},
                     patient_id=patient)
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en") == {patient: (
        "Sepsis screen 29/11 14:30 (NEWS2 0): infection unlikely")}


def test_possible_sepsis_asks_for_the_doctor_alone_and_a_child_or_a_patient_gone_is_not_asked(
        session_for, patient, admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "sepsis_screening", {"screened_at": "2026-11-28T13:30+01:00", "infection": "likely"},
                     patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en") == {patient: (
        "Sepsis screen 28/11 13:30: POSSIBLE SEPSIS; the doctor reviews by 28/11 14:30")}
    # A child's set on the NEWS2 chart, taken while their date of birth was typed wrong.
    admitted = records.save_new(nurse, "admission", {**admission_values, "nir": None, "bed": "3",
                                                     "birth_date": "1919-04-02"})
    child = admitted.patient_id
    records.save_new(nurse, "observations", {**SET, "systolic_bp": 80}, patient_id=child)
    records.amend(nurse, admitted.record_id, {**admitted.data, "birth_date": "2019-04-02", "weight_kg": 23}, "Year typed wrong")
    children = [one for one in census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
                if one.patient_id == child]
    assert sepsis.handover(nurse.db, children, nurse.clock(), "en") == {}


def test_a_screening_of_a_stay_before_is_not_this_stays(session_for, patient, clock, admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "sepsis_screening", {**SCREEN}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:30+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:45+01:00"},
                     patient_id=patient)
    (again,) = [one for one in census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
                if one.patient_id == patient]
    known = sepsis.read(nurse.db, [again], nurse.clock())[patient]
    assert known.found is None and known.state(nurse.clock(), "en") == ("Sepsis: not screened this stay", [])


def test_the_blank_is_in_the_binder_the_record_prints_what_it_found_and_the_export_sends_an_observation(
        session_for, patient, blank_pages, exported_resource, tmp_path):
    english, french = blank_pages("sepsis_screening", "en"), blank_pages("sepsis_screening", "fr")
    assert len(english) == len(french) == 2  # red flags, Sepsis Six, review: page 2
    assert "Red flags" in english[1] and "Drapeaux rouges" in french[1] and "Sepsis Six" in english[1]
    # The paper tool's outcome box, kept with the red flags, on the page of the Sepsis Six.
    assert ("Outcome (tick one) ☐ RED FLAG SEPSIS ☐ POSSIBLE SEPSIS ☐ infection, no red flag ☐ infection unlikely"
            in english[1])
    assert ("Conclusion (en cocher une) ☐ SEPSIS « DRAPEAU ROUGE » ☐ SEPSIS POSSIBLE ☐ infection sans drapeau rouge"
            in french[1])  # not "SEPSIS GRAVE": the pre-Sepsis-3 name of a diagnosis, not the tool's finding
    found = records.save_new(session_for("nurse"), "sepsis_screening", {
        **SCREEN, "red_flags": ["lactate"], "oxygen_at": "2026-11-28T13:15+01:00", "not_needed": ["fluids"],
        "notes": "Lactate 2.8"}, patient_id=patient)
    resource = exported_resource(found.record_id, Observation)
    assert (resource.code.text, resource.category[0].coding[0].code, resource.status,
            resource.valueCodeableConcept.text) == (
        "Sepsis screening (UK Sepsis Trust inpatient tool)", "survey", "final", "RED FLAG SEPSIS")
    readings = [part for part in resource.component if part.valueQuantity is not None]
    assert [(part.code.coding[0].code, float(part.valueQuantity.value), part.valueQuantity.code) for part in readings] == [
        ("9279-1", 22, "/min"), ("2708-6", 95, "%"), ("8867-4", 112, "/min"), ("8310-5", 38.6, "Cel"),
        ("8480-6", 104, "mm[Hg]")]  # the readings it was made on, coded as a set's
    assert [(part.code.text, part.valueCodeableConcept.text if part.valueCodeableConcept else
             part.valueInteger if part.valueInteger is not None else
             part.valueBoolean if part.valueBoolean is not None else part.valueString or part.valueDateTime)
            for part in resource.component if part.valueQuantity is None] == [
        ("Could the patient's illness be due to an infection?", "Yes: infection known, likely or not ruled out"),
        ("Likely source", "Chest"), ("SpO2 scale", "Scale 1"), ("Consciousness (ACVPU)", "Alert"),
        ("On supplemental oxygen", False), ("NEWS2 of the readings", 7), ("Red flag", "Lactate 2 mmol/L or more"),
        ("Red flag", "NEWS2 7"), ("Sepsis Six: oxygen", datetime.fromisoformat("2026-11-28T13:15+01:00"))]
    # IV fluids ticked not needed with no doctor's review: still asked by the app, so not sent as not needed.
    assert [note.text for note in resource.note] == [
        "Lactate 2.8", "Sepsis Six: IV fluids ticked not needed, not taken as such: no doctor's review recorded, whose "
                       "decision it is"] and resource.encounter is not None
    assert ("sepsis_screening", 3) in printing.BINDER
    printed = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_record(session_for("nurse"), found.record_id, tmp_path / "record.pdf")).pages)
    # What the screening found: a printed one said its answers, never that they were red flag sepsis.
    assert "Outcome RED FLAG SEPSIS: the Sepsis Six within the hour; tell the doctor now" in printed


def test_a_move_a_transfer_or_a_discharge_says_the_latest_screening_of_this_stay(session_for, patient):
    nurse = session_for("nurse")
    assert not prefill.first_answers(nurse, nurse.form("discharge"), patient).get("sepsis")
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "screened_at": "2026-11-28T13:05+01:00"},
                     patient_id=patient)
    assert prefill.first_answers(nurse, nurse.form("discharge"), patient)["sepsis"] == (
        "Sepsis screen 28/11 13:05 (NEWS2 7): RED FLAG SEPSIS; IV antibiotics not recorded; no doctor's review recorded")
    _charted(session_for, patient, "2026-11-28T13:40+01:00")
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "antibiotics_at": "2026-11-28T13:40+01:00"},
                     patient_id=patient)
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["sepsis"] == (
            "Sepsis screen 28/11 13:10 (NEWS2 7): RED FLAG SEPSIS; IV antibiotics: Clarithromycin 500 mg IV given "
            "28/11 13:40 (medication chart); no doctor's review recorded"), form_id


def test_screening_again_keeps_the_first_hour_and_what_it_left_and_a_worse_or_later_set_asks_again(
        session_for, patient, clock):
    """Screened again, red flag sepsis's hour restarted and what the first left undone was
    dropped; a set taken before the screening but charted after it was never weighed; and a
    patient who got better was never asked again days on."""
    nurse = session_for("nurse")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "cultures_at": "2026-11-28T13:15+01:00"},
                     patient_id=patient)
    clock.advance(minutes=30)  # 14:30, the hour past
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "screened_at": "2026-11-28T14:25+01:00",
                                                 "oxygen_at": "2026-11-28T14:26+01:00"}, patient_id=patient)
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.said == ["SEPSIS SIX OVERDUE (due 28/11 14:10): IV antibiotics, IV fluids, lactate, hourly urine "
                          "output", "NOT REVIEWED BY A DOCTOR (due 28/11 14:10): ask again now"]
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "screened_at": "2026-11-28T14:28+01:00",
                                                 "infection": "unlikely", "reviewed_by": "Dr Benali",
                                                 "reviewed_at": "2026-11-28T14:28+01:00"}, patient_id=patient)
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts == []
    late = {**SET, "taken_at": "2026-11-28T14:20+01:00", "systolic_bp": 88}  # taken before, charted after
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "taken_at": "2026-11-28T14:00+01:00",
                                                 "screened_at": "2026-11-28T14:29+01:00"}, patient_id=patient)
    records.save_new(nurse, "observations", late, patient_id=patient)
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en")[patient].endswith(
        "NEWS2 9 at 28/11 14:20: COULD THIS BE SEPSIS? Screen with the sepsis tool")
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **late, "screened_at": "2026-11-28T14:30+01:00",
                                                 "infection": "unlikely"}, patient_id=patient)
    clock.advance(hours=30)  # the next day but one, 20:30: a set of 5, lower than the screening's 9
    records.save_new(nurse, "observations", {**SET, "taken_at": "2026-11-29T20:00+01:00", "pulse": 95},
                     patient_id=patient)
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en")[patient].endswith(
        "NEWS2 6 at 29/11 20:00: COULD THIS BE SEPSIS? Screen with the sepsis tool")


def test_a_new_screening_copies_the_set_standing_for_the_risk_and_a_child_is_refused(
        session_for, patient, admission_values):
    """A temperature taken alone after a set of 7 was copied into the screening, which scored 1
    and asked for nothing; a well two-year-old's breathing and pulse scored as red flag sepsis."""
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", SET, patient_id=patient)
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T13:20+01:00", "spo2_scale": "scale_1",
                                             "on_oxygen": False, "temperature": 38.9}, patient_id=patient)
    copied = prefill.first_answers(nurse, nurse.form("sepsis_screening"), patient)
    assert (copied["taken_at"], copied["pulse"], copied["temperature"]) == ("2026-11-28T13:00+01:00", 112, 38.6)
    child = records.save_new(nurse, "admission", {**admission_values, "nir": None, "bed": "3",
                                                  "birth_date": "2024-04-02", "weight_kg": 12.5}).patient_id
    with pytest.raises(ServiceError, match="this patient was 2 years old then; Sepsis screening and Sepsis Six is for patients "
                                           "16 or over: use the paediatric chart"):
        records.save_new(nurse, "sepsis_screening", SCREEN, patient_id=child)


def test_a_sepsis_six_time_long_before_the_screening_does_not_count():
    """A day typed wrong (27/11 for 28/11) cleared the hour's asks; cultures taken in the
    emergency department two hours before still count."""
    data = {**SCREEN, "cultures_at": "2026-11-28T11:10+01:00", "antibiotics_at": "2026-11-27T13:30+01:00",
            "not_needed": ["oxygen"]}
    assert left_to_do(data) == ["antibiotics", "fluids", "lactate", "urine"]
    # Oxygen "not needed" beside the red flag that says the patient needs it: still asked.
    assert left_to_do({**data, "red_flags": ["needs_oxygen"]})[0] == "oxygen"
    # IV fluids "not needed" is the doctor's decision: taken once their review is recorded.
    assert "fluids" in left_to_do({**data, "not_needed": ["fluids"]})
    assert "fluids" not in left_to_do({**data, "not_needed": ["fluids"], "reviewed_by": "Dr Benali",
                                       "reviewed_at": "2026-11-28T13:20+01:00"})

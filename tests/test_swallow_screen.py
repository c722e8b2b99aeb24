"""A bedside swallow screen (forms/swallow_screen.yaml, domain and services.swallow_screen,
sync/fhir_swallow.py): a pass refused after a No before the water or a sign at the water, the SLT
referral asked on a fail; a dose given by mouth to a patient whose latest screen failed asked
(PO; not buccal, sublingual, NG nor IV), a later pass ending it; the FAILED line on the handover and what
the escalation list asks (referral, doctor, SLT assessment after 24 h, urgent after 72 h, a
time-critical medicine by mouth); the Observation the EHR is sent. The tests' clock is 14:00 on
28/11 (Paris)."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.domain.medication import Check
from downtime.domain.swallow_screen import by_mouth, failed_at, latest, screen_of
from downtime.services import (
    census,
    chart_alerts,
    medication,
    printing,
    records,
    swallow_screen,
)
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

FORM = swallow_screen.FORM
READY = {"alert_upright": True, "cough_on_request": True, "controls_saliva": True}
FAILED = {"screened_at": "2026-11-28T10:20+01:00", "screened_by": "Hélène Lefèvre", "reason": "stroke", **READY,
          "teaspoons": "sign", "signs": ["wet_voice"], "outcome": "fail"}
REFERRED = {**FAILED, "slt_referral": "made", "slt_referred_at": "2026-11-28T10:40+01:00"}
PASSED = {"screened_at": "2026-11-28T13:00+01:00", "screened_by": "Hélène Lefèvre", "reason": "stroke", **READY,
          "teaspoons": "no_sign", "glass": "no_sign", "outcome": "pass"}
LEVETIRACETAM = {"drug": "Levetiracetam", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
                 "times": "08:00 14:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False,
                 "high_alert": False, "time_critical": True}
GIVEN = {"outcome": "given", "dose_given": 500.0, "scheduled_for": "2026-11-28T14:00+01:00",
         "given_at": "2026-11-28T14:00+01:00"}


@pytest.mark.parametrize("lang, words", [("en", "“Outcome”: a pass is not possible after “Able to cough when asked” (No)"),
                                         ("fr", "« Résultat » : pas de réussite possible après « Capable de tousser")])
def test_a_pass_after_a_no_before_the_water_is_refused_naming_the_outcome(session_for, patient, lang, words):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", lang), FORM, {**PASSED, "cough_on_request": False, "teaspoons": None,
                                                            "glass": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["outcome"]
    assert words in str(refused.value)


def test_a_pass_with_advice_after_a_sign_at_the_water_is_refused(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), FORM, {**FAILED, "outcome": "pass_with_advice", "food_level": "4",
                                                      "drink_level": "2", "tablets": "crushed"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["outcome"]


def test_a_fail_asks_the_slt_referral_and_refuses_one_before_the_screen(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, FAILED, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["slt_referral"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**FAILED, "slt_referral": "made"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["slt_referred_at"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**FAILED, "slt_referral": "made", "slt_referred_at": "2026-11-28T09:40+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["slt_referred_at"]
    assert "is before the screen (28/11 10:20)" in str(refused.value)


def test_a_later_pass_ends_a_failed_screen():
    failed, passed = screen_of(FAILED), screen_of(PASSED)
    assert failed_at([failed, passed], datetime.fromisoformat("2026-11-28T12:00+01:00")) is failed
    assert failed_at([failed, passed], datetime.fromisoformat("2026-11-28T13:30+01:00")) is None
    assert latest([failed, passed], datetime.fromisoformat("2026-11-28T10:00+01:00")) is None


@pytest.mark.parametrize("route, asked", [("PO", True), ("oral", True), ("SL", False), ("BUC", False),
                                          ("oromucosal", False), ("NG", False), ("PEG", False), ("IV", False),
                                          ("SC", False), ("PR", False), ("TD", False)])
def test_only_a_swallowed_route_is_asked(route, asked):
    """Buccal midazolam (a seizure's rescue) and GTN under the tongue are not swallowed."""
    assert by_mouth(route) is asked


MIDAZOLAM = {"drug": "Midazolam oromucosal", "dose": 10.0, "dose_unit": "mg", "route": "BUC", "frequency": "prn",
             "prn_indication": "Seizure over 5 minutes", "min_interval_hours": 1, "max_doses_24h": 2,
             "start_at": "2026-11-28T11:00+01:00", "controlled": True, "high_alert": False, "time_critical": False}


def test_buccal_midazolam_is_neither_asked_at_prescribing_nor_given(session_for, patient):
    """The seizure's rescue in a patient who cannot swallow: no "another route" advised, nor an
    SLT's leave asked after it was given in an emergency."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    order = records.save_new(session_for("doctor"), "medication_order", MIDAZOLAM, patient_id=patient).record_id
    assert _warned(nurse, order, {"outcome": "given", "dose_given": 10.0,
                                  "given_at": "2026-11-28T13:50+01:00"}) == []


@pytest.mark.parametrize("lang, labels", [
    ("en", ["7 Regular", "7 Easy to chew", "6 Soft & bite-sized", "5 Minced & moist", "4 Pureed", "3 Liquidised"]),
    ("fr", ["7 Normal", "7 Facile à mastiquer", "6 Petits morceaux tendres", "5 Finement haché et lubrifié",
            "4 Mixé", "3 Liquéfié"])])
def test_the_food_levels_are_iddsis_from_3_in_its_french_names(forms, lang, labels):
    """IDDSI's foods run from 3 Liquidised to 7 Regular; the French are IDDSI's own handouts'."""
    assert [option.label.get(lang) for option in forms[FORM].field("food_level").options] == labels


def _warned(nurse, order_id, values=GIVEN):
    return [one for one in medication.check_dose(nurse, order_id, values) if one.check is Check.NIL_BY_MOUTH_GIVEN]


def test_a_dose_given_by_mouth_after_a_failed_screen_is_asked_not_by_vein_nor_after_a_pass(
        session_for, medication_ward):
    patient, amoxicillin, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    oral = records.save_new(doctor, "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    assert _warned(nurse, oral) == []
    saved = records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    (warning,) = _warned(nurse, oral)
    assert warning.text("en") == (
        "Levetiracetam is recorded given PO at 14:00, and the patient failed the swallow screen at 10:20: no "
        "medicines by mouth. Give it by another route the doctor decides, or say who allowed it by mouth (doctor, "
        "SLT) in the reason.")
    assert _warned(nurse, amoxicillin, {**GIVEN, "dose_given": 1.0}) == []
    assert _warned(nurse, oral, {**GIVEN, "given_at": "2026-11-28T10:00+01:00",
                                 "scheduled_for": "2026-11-28T08:00+01:00"}) == []
    records.save_new(nurse, FORM, PASSED, patient_id=patient)
    assert _warned(nurse, oral) == [] and saved


def _alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang,
                                                   ward="3B").alerts if alert.form_id == FORM]


def test_the_failed_line_and_the_escalation_list_until_the_slt_has_assessed(session_for, medication_ward, clock,
                                                                            tmp_path):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", LEVETIRACETAM, patient_id=patient)
    saved = records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    failed = "SWALLOW SCREEN FAILED 10:20 — nil by mouth, no medicines by mouth"
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {
        patient: f"{failed}; SLT referred 10:40"}
    (alert,) = _alerts(nurse)
    assert alert.latest == f"{failed}; SLT referred 10:40"
    assert alert.said == ["tell the doctor: medicines, fluids and food by another route",
                          "time-critical medicine ordered by mouth, another route needed: Levetiracetam 500 mg PO"]
    assert alert.urgent
    sheet = " ".join(" ".join(page.extract_text().split())
                     for page in PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert f"{failed}; SLT referred 10:40" in sheet
    told = records.amend(nurse, saved.record_id, {**saved.data, "doctor_told_at": "2026-11-28T10:45+01:00"},
                         "Doctor told")
    clock.advance(hours=21)  # 11:00 the next day: 24 h passed since the screen
    (alert,) = _alerts(nurse)
    assert ("no SLT assessment recorded 24 h after the failed screen of 28/11 10:20 (at the latest 01/12 10:20)"
            in alert.said)
    clock.advance(hours=48)
    (alert,) = _alerts(nurse)
    assert ("no SLT assessment recorded 72 h after the failed screen of 28/11 10:20: tell the doctor" in alert.said
            and alert.urgent)
    records.amend(nurse, saved.record_id, {**told.data, "slt_assessed_at": "2026-12-01T10:50+01:00",
                                           "slt_outcome": "nil_by_mouth", "slt_plan": "Review in 48 h"}, "SLT assessed")
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {
        patient: "SWALLOW SCREEN FAILED 28/11 10:20 — nil by mouth, no medicines by mouth; SLT assessed 10:50: nil by "
                 "mouth continues"}
    assert all("SLT assessment" not in said for alert in _alerts(nurse) for said in alert.said)


def test_no_referral_is_urgent_and_said_in_french(session_for, patient):
    nurse = session_for("nurse", "fr")
    saved = records.save_new(nurse, FORM, {**FAILED, "screened_at": "2026-11-28T13:00+01:00",
                                           "slt_referral": "not_yet"}, patient_id=patient)
    (alert,) = _alerts(nurse)
    assert alert.latest == ("DÉPISTAGE DE DÉGLUTITION ÉCHOUÉ 13:00 — à jeun strict, aucun médicament par la bouche ; "
                            "orthophoniste pas encore demandé")
    assert alert.said[0] == "adresser à l’orthophoniste maintenant" and alert.urgent
    records.amend(nurse, saved.record_id, {**saved.data, "slt_referral": "made",
                                           "slt_referred_at": "2026-11-28T13:50+01:00",
                                           "doctor_told_at": "2026-11-28T13:20+01:00"}, "Demande faite")
    assert _alerts(nurse) == []


def test_the_ehr_is_sent_an_observation_of_the_screen(session_for, patient, tmp_path):
    records.save_new(session_for("nurse"), FORM, REFERRED,
                     patient_id=patient)
    found = export(session_for("records"), tmp_path / "stick").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    (screen,) = [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
                 if entry["resource"]["resourceType"] == "Observation"
                 and entry["resource"]["code"].get("text") == "Bedside swallow screen"]
    assert screen.valueCodeableConcept.text == "Fail"
    assert screen.effectiveDateTime.isoformat() == "2026-11-28T10:20:00+01:00"
    said = {part.code.text: part for part in screen.component}
    assert said["Able to cough when asked"].valueBoolean is True
    assert said["Three teaspoons of water, one at a time"].valueCodeableConcept.text == "A sign: stopped"
    assert said["Wet or gurgly voice"].valueBoolean is True
    assert said["SLT referral made at"].valueDateTime.isoformat() == \
        "2026-11-28T10:40:00+01:00"


@pytest.mark.parametrize("lang, words", [("en", ["Bedside swallow screen", "Before any water", "FAIL: NIL BY MOUTH"]),
                                         ("fr", ["Dépistage des troubles de la déglutition", "Avant toute eau",
                                                 "ÉCHEC : À JEUN STRICT"])])
def test_the_blank_form_is_one_page_in_each_language(blank_pages, lang, words):
    (page,) = blank_pages(FORM, lang)
    assert all(word in page for word in words), page


def test_an_order_by_mouth_written_after_a_failed_screen_asks_the_prescribers_reason(session_for, patient):
    """Asked at prescribing, not at the round alone; an order by NG is the route the screen asks for."""
    records.save_new(session_for("nurse"), FORM, REFERRED, patient_id=patient)
    doctor = session_for("doctor")
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", LEVETIRACETAM, patient_id=patient)
    assert asked.value.text("en").startswith(
        "Levetiracetam PO: the patient failed the swallow screen at 10:20: no medicines by mouth. "
        "Choose another route (NG, IV, SC, PR, a patch), or give in “Dose to check: why")
    records.save_new(doctor, "medication_order", {**LEVETIRACETAM, "route": "NG"}, patient_id=patient)
    records.save_new(doctor, "medication_order", {**LEVETIRACETAM, "dose_reason": "SLT 13:30: tablets in puree"},
                     patient_id=patient)


def test_a_failed_screen_prints_on_one_page_with_its_answers(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {**REFERRED, "signs": ["cough", "wet_voice"], **SLT_ORAL,
                                           "slt_plan": "Supervised meals, sitting upright"}, patient_id=patient)
    path = printing.print_record(nurse, saved.record_id, tmp_path / "screen.pdf")
    (page,) = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    assert "FAIL: NIL BY MOUTH, no medicines by mouth" in page and "28/11/2026 10:40" in page, page
    assert "By mouth: textures and tablets as below" in page and "4 Pureed" in page, page


SLT_ORAL = {"slt_assessed_at": "2026-11-28T12:00+01:00", "slt_outcome": "oral", "food_level": "4", "drink_level": "2",
            "tablets": "crushed"}


def test_the_slts_plan_allowing_oral_intake_ends_the_nil_by_mouth_from_its_time(session_for, medication_ward):
    """The SLT's assessment says whether nil by mouth continues or what the patient may take: a
    plan by mouth ends the failed screen's nil by mouth, its line says the plan, and no dose by
    mouth is asked after it (every round's override, for a patient on a puree diet)."""
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse"), session_for("doctor")
    oral = records.save_new(doctor, "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    saved = records.save_new(nurse, FORM, {**REFERRED, "doctor_told_at": "2026-11-28T10:45+01:00"}, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**saved.data, "slt_assessed_at": SLT_ORAL["slt_assessed_at"]}, "SLT")
    assert [error.path for error in refused.value.errors] == ["slt_outcome"]
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**saved.data, "slt_assessed_at": SLT_ORAL["slt_assessed_at"],
                                               "slt_outcome": "oral"}, "SLT")
    assert sorted(error.path for error in refused.value.errors) == ["drink_level", "food_level", "tablets"]
    records.amend(nurse, saved.record_id, {**saved.data, **SLT_ORAL}, "SLT assessed")
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {
        patient: "SLT 12:00: food IDDSI 4 Pureed, drinks IDDSI 2 Mildly thick; tablets: Crushed in puree"}
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "fr") == {
        patient: "Orthophoniste 12:00 : aliments IDDSI 4 Mixé, boissons IDDSI 2 Légèrement épais ; "
                 "comprimés : Écrasés dans une purée"}
    assert _warned(nurse, oral) == [] and _alerts(nurse) == []
    assert _warned(nurse, oral, {**GIVEN, "given_at": "2026-11-28T11:00+01:00"}) != []  # before the SLT's plan
    records.save_new(doctor, "medication_order", {**LEVETIRACETAM, "drug": "Lansoprazole", "dose": 30.0,
                                                  "times": "08:00", "time_critical": False}, patient_id=patient)



@pytest.mark.parametrize("reason, names", [("weight used 72 kg", False), ("opioid-tolerant", False),
                                           ("SLT 13:30: tablets crushed in puree", True), ("Swallow reassessed", True),
                                           ("Vu par l’orthophoniste", True), ("Déglutition réévaluée", True)])
def test_the_swallow_question_at_prescribing_holds_until_the_reason_names_who_allowed_it(
        session_for, patient, reason, names):
    """A dose reason typed for another check (a weight, an opioid's dose) answered the swallow
    question never shown, as it once lifted a high potassium's hold."""
    records.save_new(session_for("nurse"), FORM, REFERRED, patient_id=patient)
    written = {**LEVETIRACETAM, "dose_reason": reason}
    if names:
        assert records.save_new(session_for("doctor"), "medication_order", written, patient_id=patient)
    else:
        with pytest.raises(medication.DoseReasonNeeded) as asked:
            records.save_new(session_for("doctor"), "medication_order", written, patient_id=patient)
        assert "the patient failed the swallow screen at 10:20" in asked.value.text("en")


def test_the_slt_seen_is_not_asked_to_be_referred_to(session_for, patient):
    """The SLT came on the ward round before the referral was typed in: "refer to the SLT now",
    urgent, asked for a patient they had assessed."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {**FAILED, "slt_referral": "not_yet"}, patient_id=patient)
    records.amend(nurse, saved.record_id, {**saved.data, "slt_assessed_at": "2026-11-28T12:00+01:00",
                                           "slt_outcome": "nil_by_mouth"}, "SLT assessed")
    (alert,) = _alerts(nurse)
    assert alert.said == ["tell the doctor: medicines, fluids and food by another route"] and not alert.urgent


def test_the_ehr_is_sent_the_screens_result_and_the_slts_assessment_at_its_time(session_for, patient, tmp_path):
    """The screen's value is its result alone, not the paper's instruction ("FAIL: NIL BY MOUTH, no
    medicines by mouth" stood as the EHR's latest swallow entry after the SLT allowed a puree diet
    and crushed tablets): the SLT's assessment is its own Observation at its time, the SLT's
    outcome its value, the levels, tablets and plan its components (review s65 T4 D2)."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    records.amend(nurse, saved.record_id, {**saved.data, **SLT_ORAL, "slt_plan": "Puree, mildly thick, supervised"},
                  "SLT assessed")
    found = export(session_for("records"), tmp_path / "stick").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    swallow = [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
               if entry["resource"]["resourceType"] == "Observation"
               and "swallow" in (entry["resource"]["code"].get("text") or "").lower()]
    assert all("NIL BY MOUTH" not in one.valueCodeableConcept.text for one in swallow)
    (screen,) = [one for one in swallow if one.code.text == "Bedside swallow screen"]
    (slt,) = [one for one in swallow if one is not screen]
    assert screen.valueCodeableConcept.text == "Fail" and slt.status == screen.status == "amended"
    assert slt.effectiveDateTime.isoformat() == "2026-11-28T12:00:00+01:00"
    assert slt.valueCodeableConcept.text == "By mouth: textures and tablets as below"
    said = {part.code.text: part for part in slt.component}
    assert said["Food texture (IDDSI)"].valueCodeableConcept.text == "4 Pureed"
    assert said["Tablets"].valueCodeableConcept.text == "Crushed in puree"
    assert said["SLT's plan"].valueString == "Puree, mildly thick, supervised"
    assert not {"Food texture (IDDSI)", "SLT's outcome"} & {part.code.text for part in screen.component}


def test_the_worklist_line_says_why_the_screen_failed_and_the_slts_plan(session_for, patient):
    """The clerk types from the line: the water step and the signs seen, and the SLT's plan in
    words (supervision, posture), were on the CSV and in the EHR but not on it (review s65 T4 D4)."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    amended = records.amend(nurse, saved.record_id, {**saved.data, **SLT_ORAL, "slt_plan": "Puree, mildly thick"},
                            "SLT assessed")
    line = records.record_label(session_for("records"), amended)
    assert "Three teaspoons of water, one at a time: A sign: stopped" in line, line
    assert "Signs seen: Wet or gurgly voice" in line and "SLT's plan: Puree, mildly thick" in line, line

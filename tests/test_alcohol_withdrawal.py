"""The alcohol withdrawal chart (forms/alcohol_withdrawal.yaml, domain and services.alcohol_withdrawal,
sync/fhir_alcohol_withdrawal.py): the CIWA-Ar's total and its bands, the next check due by the band
on the escalation list and the handover, the red flags asking the doctor now whatever the score
until a check records one told and rechecked within the hour, a check not scored asleep, drowsy or
confused each asking its own, no thiamine (or oral thiamine alone) on the MAR asked, a dose before its
check or on a check not scored refused, the blank and filled paper, the EHR's Observation. The tests' patient (conftest.patient) is admitted to
3B at 09:00 on 28/11; the clock is 14:00 that day (Paris)."""

import json

import pytest
from fhir.resources.R4B.observation import Observation

from downtime.domain.alcohol_withdrawal import (ITEMS, Band, Flag, band, delirium_tremens, flags, gives_thiamine,
                                                meaning, still_asked, symptom_triggered, total)
from downtime.domain.medication import Check
from downtime.services import alcohol_withdrawal, census, chart_alerts, medication, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text

FORM = alcohol_withdrawal.FORM
CALM = {**dict.fromkeys(ITEMS, "0"), "seizure": False, "consciousness_falling": False}
MODERATE = {**CALM, "tremor": "4", "sweats": "4", "anxiety": "4"}
"""A total of 12: moderate."""


def _check(at: str, **answers) -> dict:
    return {"checked_at": f"2026-11-28T{at}+01:00", **MODERATE, **answers}


def _chlordiazepoxide(doctor, patient) -> str:
    """The symptom-triggered dose as required, from 09:30: its order's id."""
    return records.save_new(doctor, "medication_order", {
        "drug": "Chlordiazepoxide", "dose": 20.0, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "CIWA-Ar 10 or more", "min_interval_hours": 1, "max_doses_24h": 6,
        "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id


def _alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang,
                                                   ward="3B").alerts if alert.form_id == FORM]


def _handover(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return alcohol_withdrawal.handover(nurse.db, inside, nurse.clock(), lang)


def test_the_total_adds_the_ten_items_and_the_bands_are_the_protocols():
    assert total({**dict.fromkeys(ITEMS, "7"), "orientation": "4"}) == 67 and total(CALM) == 0
    assert [band(score) for score in (0, 9, 10, 15, 16, 67)] == [
        Band.MINIMAL, Band.MINIMAL, Band.MODERATE, Band.MODERATE, Band.SEVERE, Band.SEVERE]


def test_hallucinations_with_disorientation_are_a_red_flag_whatever_the_total():
    """Visual hallucinations (4) with disorientation for the date (2): a total of 6, minimal, and
    delirium tremens to the doctor now; hallucinations alone, or disorientation alone, are not."""
    seeing = {**CALM, "visual": "4", "orientation": "2"}
    assert total(seeing) == 6 and delirium_tremens(seeing) and flags(seeing) == [Flag.DELIRIUM_TREMENS]
    assert not delirium_tremens({**seeing, "orientation": "1"}) and not delirium_tremens({**seeing, "visual": "3"})
    assert flags({**CALM, "seizure": True, "tremor": "7", "sweats": "7", "anxiety": "4"}) == [Flag.SEIZURE, Flag.SEVERE]
    assert flags({"unable_to_assess": "drowsy", "consciousness_falling": True}) == [Flag.CONSCIOUSNESS_FALLING,
                                                                                  Flag.UNABLE]


def test_a_flag_stays_asked_until_a_check_records_a_doctor_told():
    """A seizure at 10:00, a calm check at 11:00 telling no one: the seizure is still asked, at its
    own check; a check recording a doctor told answers it."""
    fitted = {**CALM, "checked_at": "2026-11-28T10:00+01:00", "seizure": True}
    calm = {**CALM, "checked_at": "2026-11-28T11:00+01:00"}
    assert still_asked([fitted, calm]) == [(Flag.SEIZURE, 0)]
    told = {**calm, "doctor_told": "Dr Benali", "doctor_told_at": "2026-11-28T11:05+01:00"}
    assert still_asked([fitted, told]) == []
    # A doctor "told" before the check is a typing slip: it tells no one.
    assert still_asked([fitted, {**told, "doctor_told_at": "2026-11-28T10:30+01:00"}]) == [(Flag.SEIZURE, 0)]


@pytest.mark.parametrize("drug", ["Thiamine", "Thiamine hydrochloride 100 mg", "Pabrinex I/II", "Vitamine B1",
                                  "Thiamine (Pabrinex)", "Bévitine", "THIAMIN"])
def test_thiamine_is_read_by_its_names_and_brands(drug):
    assert gives_thiamine(drug)


@pytest.mark.parametrize("drug", ["Librium 20 mg", "Chlordiazepoxide 20 mg", "Valium 10 mg", "Stesolid 10 mg",
                                  "Diazemuls 10 mg", "Séresta 10 mg", "Témesta 1 mg", "Ativan 1 mg", "Tranxène 10 mg"])
def test_a_benzodiazepine_is_read_as_symptom_triggered_by_its_names_and_brands(drug):
    assert symptom_triggered(drug)


@pytest.mark.parametrize("drug", ["Chlordiazepoxide", "Vitamin B compound strong", "Thiamazole", "Vitamin B12",
                                  "Glucose 10%"])
def test_what_is_not_thiamine_is_not_read_as_it(drug):
    assert not gives_thiamine(drug)


def test_a_moderate_check_asks_its_dose_thiamine_and_its_recheck_an_hour_later(session_for, patient):
    """13:00, 12 (moderate), no dose recorded, no thiamine on the MAR: at 14:00 the list asks the
    dose, the thiamine and the check overdue since 14:00; the handover says it."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, _check("13:00"), patient_id=patient)
    [alert] = _alerts(nurse)
    assert alert.latest == "CIWA-Ar 12 MODERATE (13:00)" and not alert.urgent
    assert alert.said == [alcohol_withdrawal.WORDS["dose"]["en"], "CIWA-Ar OVERDUE since 14:00",
                          "No thiamine prescribed: ask the doctor (NICE CG100)"]
    assert _handover(nurse)[patient].startswith("CIWA-Ar 12 MODERATE (13:00); no symptom-triggered dose recorded")
    assert "Pas de thiamine prescrite : demander au médecin (NICE CG100)" in _handover(nurse, "fr")[patient]


def test_a_minimal_check_with_thiamine_prescribed_is_due_4_hours_later_and_asks_nothing(session_for, patient,
                                                                                         clock):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, "medication_order", {
        "drug": "Thiamine", "dose": 100.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    records.save_new(nurse, FORM, _check("12:30", **{**CALM, "tremor": "1"}), patient_id=patient)
    assert _alerts(nurse) == []
    assert _handover(nurse) == {patient: "CIWA-Ar 1 minimal (12:30); CIWA-Ar DUE 16:30"}
    assert _handover(nurse, "fr") == {patient: "CIWA-Ar 1 minime (12:30) ; CIWA-Ar PRÉVUE à 16:30"}
    clock.advance(hours=2, minutes=31)
    assert [alert.said for alert in _alerts(nurse)] == [["CIWA-Ar OVERDUE since 16:30"]]


def test_a_red_flag_is_urgent_first_and_cleared_by_the_doctor_told_on_a_later_check(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, _check("13:20", **{**CALM, "seizure": True}), patient_id=patient)
    [alert] = _alerts(nurse)
    assert alert.urgent and alert.said[0] == "SEIZURE: doctor now"
    assert chart_alerts.asks_a_doctor_now(alert, "en")
    records.save_new(nurse, FORM, _check("13:50", **CALM, doctor_told="Dr  Benali",
                                         doctor_told_at="2026-11-28T13:52+01:00"), patient_id=patient)
    assert [alert.said for alert in _alerts(nurse)] == [["No thiamine prescribed: ask the doctor (NICE CG100)"]]
    assert "doctor told: Dr Benali 28/11 13:52" in _handover(nurse)[patient]


def test_too_drowsy_to_assess_has_no_score_asks_the_doctor_and_a_recheck_in_an_hour(session_for, patient):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {"checked_at": "2026-11-28T13:30+01:00", "unable_to_assess": "drowsy",
                                           "seizure": False, "consciousness_falling": False}, patient_id=patient)
    assert all(saved.data.get(item) is None for item in ITEMS)
    [alert] = _alerts(nurse)
    assert alert.latest == "CIWA-Ar not scored, drowsy or sedated (13:30)"
    assert alert.said[0] == "not scored, too drowsy or sedated: no dose, tell the doctor"
    assert "CIWA-Ar DUE 14:30" in _handover(nurse)[patient]


def test_an_item_left_unscored_and_a_dose_before_its_check_are_refused_naming_the_field(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**_check("13:00"), "tremor": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["tremor"]
    for lang, words in (("en", "is before the check (28/11 13:00)"), ("fr", "précède l’évaluation (28/11 13:00)")):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(session_for("nurse", lang), FORM, _check(
                "13:00", dose_given=True, dose_given_at="2026-11-28T12:00+01:00"), patient_id=patient)
        assert [error.path for error in refused.value.errors] == ["dose_given_at"]
        assert words in str(refused.value)
    records.save_new(nurse, FORM, _check("13:00", dose_given=True, dose_given_at="2026-11-28T13:10+01:00"),
                     patient_id=patient)
    assert alcohol_withdrawal.WORDS["dose"]["en"] not in _alerts(nurse)[0].said


def test_the_blank_form_has_the_total_box_and_a_printed_check_its_total_and_band(session_for, patient, blank_pages,
                                                                                 tmp_path):
    blank = " ".join(blank_pages(FORM, "en"))
    assert "CIWA-Ar total ______" in blank and "7 Constant nausea, frequent dry heaves and vomiting" in blank
    assert "Total CIWA-Ar ______" in " ".join(blank_pages(FORM, "fr"))
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, _check("13:00", dose_given=True, dose_given_at="2026-11-28T13:05+01:00"),
                             patient_id=patient)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "check.pdf"))
    assert "CIWA-Ar total 12 — MODERATE withdrawal: symptom-triggered dose per protocol, recheck in 1 hour" in text


def test_each_check_is_one_observation_the_total_its_value_unable_to_assess_none(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    scored = records.save_new(nurse, FORM, _check("12:00", visual="4", orientation="2"), patient_id=patient)
    unable = records.save_new(nurse, FORM, {"checked_at": "2026-11-28T13:00+01:00", "unable_to_assess": "drowsy",
                                            "seizure": False, "consciousness_falling": True}, patient_id=patient)
    found = export(session_for("records"), tmp_path / "stick").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    sent = {entry["resource"]["id"]: Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "Observation"}
    first = sent[scored.record_id]
    assert first.code.text == "CIWA-Ar alcohol withdrawal assessment: total score" and first.valueInteger == 18
    assert first.interpretation[0].text == "severe"
    parts = {part.code.text: part for part in first.component}
    assert parts["2. Tremor (arms extended, fingers spread)"].valueCodeableConcept.text == (
        "4 Moderate, with the arms extended")
    assert parts[next(text for text in parts if text.startswith("Hallucinations with disorientation"))].valueBoolean
    assert "Date and time checked" not in parts
    second = sent[unable.record_id]
    assert second.valueInteger is None and second.dataAbsentReason.coding[0].code == "not-performed"
    assert {part.code.text: part.valueBoolean for part in second.component}[
        "Consciousness falling (harder to rouse, GCS down)"] is True


def test_the_printed_check_says_hallucinations_with_disorientation_beside_orientation(session_for, patient,
                                                                                      tmp_path):
    nurse = session_for("nurse", "fr")
    saved = records.save_new(nurse, FORM, _check("13:00", visual="4", orientation="2"), patient_id=patient)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "check.pdf"))
    assert "HALLUCINATIONS AVEC DÉSORIENTATION (delirium tremens ?) : médecin maintenant" in text


def test_the_demo_charts_the_man_in_withdrawal_settling_with_no_thiamine(demo_database, forms, clock, tmp_path):
    db = demo_database(tmp_path / "demo.sqlite")
    inside = census.in_patients(db, forms, None, clock())
    (said,) = alcohol_withdrawal.handover(db, inside, clock(), "en").values()
    assert said.startswith("CIWA-Ar 7 minimal (")
    assert said.endswith("No thiamine prescribed: ask the doctor (NICE CG100); CIWA-Ar DUE 15:00")


def _thiamine(doctor, patient, route: str) -> None:
    records.save_new(doctor, "medication_order", {
        "drug": "Thiamine", "dose": 100.0, "dose_unit": "mg", "route": route, "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)


def test_a_red_flag_under_10_is_rechecked_within_the_hour_and_its_total_leads_with_it(session_for, patient):
    """A seizure on a total of 1 at 13:30 is due again 14:30, not 17:30; hallucinations with
    disorientation on a total of 6 read as the red flag first, on screen, paper and list alike."""
    seeing = {**CALM, "visual": "4", "orientation": "2"}
    assert meaning(seeing, "en") == ("HALLUCINATIONS WITH DISORIENTATION (delirium tremens?): doctor now — minimal "
                                     "withdrawal (6), recheck in 1 hour")
    assert meaning(seeing, "fr").startswith("HALLUCINATIONS AVEC DÉSORIENTATION")
    assert meaning(CALM, "en") == "minimal withdrawal: recheck in 4 hours"
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, _check("13:30", **{**CALM, "tremor": "1", "seizure": True}), patient_id=patient)
    assert _handover(nurse)[patient].endswith("CIWA-Ar DUE 14:30")


def test_consciousness_falling_holds_the_dose_and_a_dose_on_an_unscored_check_is_refused(session_for, patient):
    """A moderate total with consciousness falling: hold the dose, doctor now, and no dose asked. A
    dose ticked on a check not scored is refused, naming the field."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, _check("13:30", consciousness_falling=True), patient_id=patient)
    [alert] = _alerts(nurse)
    assert alert.said[0] == "CONSCIOUSNESS FALLING: hold the symptom-triggered dose, doctor now"
    assert alcohol_withdrawal.WORDS["dose"]["en"] not in alert.said
    for lang, words in (("en", "“Symptom-triggered dose given ("), ("fr", "« Dose selon les symptômes donnée (")):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(session_for("nurse", lang), FORM, {
                "checked_at": "2026-11-28T13:40+01:00", "unable_to_assess": "drowsy", "seizure": False,
                "consciousness_falling": True, "dose_given": True, "dose_given_at": "2026-11-28T13:45+01:00"},
                patient_id=patient)
        assert [error.path for error in refused.value.errors] == ["dose_given"] and words in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, _check("13:40", consciousness_falling=True, dose_given=True,
                                             dose_given_at="2026-11-28T13:45+01:00"), patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["dose_given"]
    assert "this check records consciousness falling, so the symptom-triggered dose is held" in str(refused.value)


@pytest.mark.parametrize("found, said", [
    ({"consciousness_falling": True}, "records consciousness falling"),
    ({"unable_to_assess": "drowsy", **dict.fromkeys(ITEMS)}, "found the patient too drowsy or sedated to be scored")])
def test_a_sedative_or_opioid_on_the_mar_after_a_drowsy_check_asks_the_doctors_decision(session_for, patient, found,
                                                                                         said):
    """Chlordiazepoxide as required given at 13:40 after a 13:30 check holding it: asked, the reason
    kept, until a check since no longer holds it; a dose before the check is not asked."""
    nurse = session_for("nurse")
    order = _chlordiazepoxide(session_for("doctor"), patient)
    records.save_new(nurse, FORM, {k: v for k, v in _check("13:30", **found).items() if v is not None},
                     patient_id=patient)
    dose = {"outcome": "given", "dose_given": 20.0, "route": "PO", "given_at": "2026-11-28T13:40+01:00",
            "given_for": "CIWA-Ar"}
    [asked] = [one for one in medication.check_dose(nurse, order, dose) if one.check is Check.WITHDRAWAL_DROWSY]
    assert asked.message == (f"Chlordiazepoxide: the alcohol withdrawal check at 13:30 {said}: no sedative or opioid "
                             "until the doctor has seen the patient (over-sedation, a head injury, Wernicke’s). Give "
                             "it only on the doctor’s decision, named in the reason.")
    assert "sevrage alcoolique" in asked.text("fr")
    assert not [one for one in medication.check_dose(nurse, order, {**dose, "given_at": "2026-11-28T13:20+01:00"})
                if one.check is Check.WITHDRAWAL_DROWSY]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, dose)
    saved = medication.record_dose(nurse, order, dose, overrides={Check.WITHDRAWAL_DROWSY: "Dr Benali: seizure"})
    assert saved.data["overrides"] == [{"check": "withdrawal_drowsy", "reason": "Dr Benali: seizure"}]
    records.save_new(nurse, FORM, _check("13:50"), patient_id=patient)
    assert not [one for one in medication.check_dose(nurse, order, {**dose, "given_at": "2026-11-28T13:55+01:00"})
                if one.check is Check.WITHDRAWAL_DROWSY]


@pytest.mark.parametrize("drug", ["Vit B1", "Vitamine B 1", "vit. B1 100 mg"])
def test_thiamine_is_read_by_its_abbreviations(drug):
    assert gives_thiamine(drug)


def test_oral_thiamine_alone_asks_about_iv_pabrinex_when_a_check_raises_wernickes(session_for, patient):
    """Oral thiamine running, a severe check: ask the doctor about IV Pabrinex; a calm check asks
    nothing of it, and IV thiamine answers it."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    _thiamine(doctor, patient, "PO")
    records.save_new(nurse, FORM, _check("13:00", nausea="4", agitation="4"), patient_id=patient)
    oral = "Oral thiamine only: ask the doctor about IV Pabrinex (possible Wernicke’s, NICE CG100)"
    assert oral in _alerts(nurse)[0].said
    assert "Thiamine orale seule" in _handover(nurse, "fr")[patient]
    _thiamine(doctor, patient, "IV")
    assert oral not in _alerts(nurse)[0].said


def test_an_earlier_checks_flag_gives_no_instruction_and_a_stopped_chart_asks_no_dose(session_for, patient):
    """A drowsy check at 11:00 and a moderate one at 12:00: the 11:00 one is told the doctor, its
    "no dose" not said beside the 12:00 dose ask. A chart stopped asks no dose."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, {"checked_at": "2026-11-28T11:00+01:00", "unable_to_assess": "drowsy",
                                   "seizure": False, "consciousness_falling": False}, patient_id=patient)
    records.save_new(nurse, FORM, _check("12:00"), patient_id=patient)
    said = _alerts(nurse)[0].said
    assert said[:2] == ["not scored, too drowsy or sedated (11:00): tell the doctor",
                        alcohol_withdrawal.WORDS["dose"]["en"]]
    records.save_new(nurse, FORM, _check("13:00", chart_stopped=True, stopped_by="Dr Benali"), patient_id=patient)
    assert alcohol_withdrawal.WORDS["dose"]["en"] not in _handover(nurse)[patient]


def test_not_scored_asleep_drowsy_or_confused_each_asks_its_own(session_for, patient):
    """Asleep, not woken: nothing asked, the next check when the band before it said (4 hours after
    a minimal one). Too drowsy or sedated: no dose, tell the doctor. Too confused or agitated: a red
    flag, the doctor now."""
    asleep = {"unable_to_assess": "asleep", "seizure": False, "consciousness_falling": False}
    assert flags(asleep) == [] and flags({**asleep, "unable_to_assess": "drowsy"}) == [Flag.UNABLE]
    assert flags({**asleep, "unable_to_assess": "confused"}) == [Flag.CONFUSED]
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, _check("10:00", **CALM), patient_id=patient)
    records.save_new(nurse, FORM, {"checked_at": "2026-11-28T13:30+01:00", **asleep}, patient_id=patient)
    assert _handover(nurse)[patient] == ("CIWA-Ar not scored, asleep (13:30); No thiamine prescribed: ask the "
                                         "doctor (NICE CG100); CIWA-Ar DUE 17:30")
    records.save_new(nurse, FORM, {"checked_at": "2026-11-28T13:45+01:00", **asleep, "unable_to_assess": "confused"},
                     patient_id=patient)
    [alert] = _alerts(nurse)
    assert alert.urgent and alert.said[0] == ("TOO CONFUSED OR AGITATED TO SCORE (delirium tremens?): doctor now, "
                                              "the dose is the doctor’s decision")
    assert "CIWA-Ar DUE 14:45" in _handover(nurse)[patient]


def test_the_blank_names_delirium_tremens_among_red_flags_and_a_printed_unscored_check_says_so(
        session_for, patient, blank_pages, tmp_path):
    blank = " ".join(blank_pages(FORM, "en"))
    assert "item 6, 7 or 8 at 4 or more with item 10 at 2 or more: delirium tremens" in blank
    assert "7 Acute panic states, as seen in severe delirium or acute schizophrenic reactions" in blank
    assert "7 Paces back and forth during most of the interview, or constantly thrashes about" in blank
    # Each item names the box it hangs on, as the paper titles it.
    assert blank.count("(unless Not scored answered)") == 10
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {"checked_at": "2026-11-28T13:30+01:00", "unable_to_assess": "drowsy",
                                           "seizure": False, "consciousness_falling": False}, patient_id=patient)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "check.pdf"))
    assert "not scored: doctor to be told" in text


def test_the_escalation_list_opens_the_check_whose_red_flag_no_doctor_is_told_of(session_for, patient):
    """A seizure at 13:20 and a calm check at 13:50 telling no one: the 13:20 check is opened, to
    amend with the doctor told, not a new check asking all ten items again; once told, a new one."""
    nurse = session_for("nurse")
    fitted = records.save_new(nurse, FORM, _check("13:20", **{**CALM, "seizure": True}), patient_id=patient)
    records.save_new(nurse, FORM, _check("13:50", **CALM), patient_id=patient)
    assert alcohol_withdrawal.to_open(nurse.db, patient).record_id == fitted.record_id
    records.amend(nurse, fitted.record_id, {**fitted.data, "doctor_told": "Dr Benali",
                                            "doctor_told_at": "2026-11-28T13:55+01:00"}, reason="doctor told")
    assert alcohol_withdrawal.to_open(nurse.db, patient) is None


def test_thiamine_written_for_the_evening_round_is_prescribed_before_its_first_dose(session_for, patient):
    """Thiamine written to start at the 20:00 round and a calm check at 13:30: at 14:00 the list
    asks nothing of thiamine (it said "No thiamine prescribed: ask the doctor", read by its first
    dose), and the handover says the next check alone."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, "medication_order", {
        "drug": "Thiamine", "dose": 100.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "20:00", "start_at": "2026-11-28T20:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    records.save_new(nurse, FORM, _check("13:30", **CALM), patient_id=patient)
    assert _alerts(nurse) == []
    assert _handover(nurse) == {patient: "CIWA-Ar 0 minimal (13:30); CIWA-Ar DUE 17:30"}


def test_a_symptom_triggered_dose_on_the_mar_after_the_check_is_not_asked_again(session_for, patient):
    """A moderate check at 13:00, its dose box left unticked, and chlordiazepoxide as required
    given on the MAR at 13:10: the list no longer says "no symptom-triggered dose recorded: give
    it per protocol" (a second dose), and says the recheck overdue still."""
    nurse = session_for("nurse")
    order = _chlordiazepoxide(session_for("doctor"), patient)
    records.save_new(nurse, FORM, _check("13:00"), patient_id=patient)
    assert alcohol_withdrawal.WORDS["dose"]["en"] in _alerts(nurse)[0].said
    medication.record_dose(nurse, order, {"outcome": "given", "dose_given": 20.0, "route": "PO",
                                          "given_at": "2026-11-28T13:10+01:00", "given_for": "CIWA-Ar 12"})
    assert [alert.said for alert in _alerts(nurse)] == [["CIWA-Ar OVERDUE since 14:00",
                                                         "No thiamine prescribed: ask the doctor (NICE CG100)"]]


def test_two_red_flags_in_the_total_are_apart_as_french_writes_it():
    """A seizure with hallucinations and disorientation: in French the two flags are apart by " ; "
    (the form's total box and the printed check read "CRISE CONVULSIVE : médecin maintenant;
    HALLUCINATIONS …")."""
    both = {**CALM, "seizure": True, "visual": "5", "orientation": "3"}
    assert meaning(both, "fr").startswith("CRISE CONVULSIVE : médecin maintenant ; HALLUCINATIONS AVEC DÉSORIENTATION")
    assert meaning(both, "en").startswith("SEIZURE: doctor now; HALLUCINATIONS WITH DISORIENTATION")

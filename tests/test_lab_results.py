"""Laboratory results received on the ward: a telephoned one read back before it stands, a
critical one listed until a doctor is told, the handover sheet's line, the escalation list, the
paper log filled and blank, the export's Communication; a sample sent chased until a result
names it, and its ServiceRequest."""

import dataclasses
import json
from datetime import datetime

import pytest
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.servicerequest import ServiceRequest
from pypdf import PdfReader

from downtime.domain.lab_results import Flag, Sign, doctor_told, signs
from downtime.services import chart_alerts, census, lab_results, prefill, printing, records, wards
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.conftest import death_answers
from tests.pdf_text import pdf_text

PHONED = {"received_at": "2026-11-28T13:10+01:00", "received_by": "telephone", "test": "Potassium", "result": "6.8",
          "units": "mmol/L", "range": "3.5–5.3", "flag": "critical", "sample_taken_at": "2026-11-28T11:40+01:00",
          "lab_number": "B26-118842", "caller": "Mme Roux, biochemistry", "read_back": True}
SAMPLE = {"taken_at": "2026-11-28T11:40+01:00", "urgency": "urgent", "tests": ["electrolytes", "fbc", "other"],
          "other_tests": "Magnesium", "sample_number": "B26-118842", "requested_by": "Dr Martin"}
TOLD = {"told": "Dr Martin", "told_at": "2026-11-28T13:20+01:00", "acknowledged": True, "action": "ECG"}


def test_only_a_critical_or_abnormal_result_nobody_was_told_of_asks_something():
    assert signs(Flag.CRITICAL, told=False) == [Sign.TELL_NOW]
    assert signs(Flag.ABNORMAL, told=False) == [Sign.FOR_A_DOCTOR]
    assert signs(Flag.NORMAL, told=False) == [] and signs(Flag.CRITICAL, told=True) == []


def test_a_telephoned_result_is_refused_until_read_back_and_its_caller_named(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "lab_result", {**PHONED, "read_back": False, "caller": ""}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["caller", "read_back"]
    assert ("Read back to the caller and confirmed: read the result back to the caller, and have them confirm it, "
            "before recording it.") in str(refused.value)
    paper = {key: value for key, value in PHONED.items() if key not in ("caller", "read_back")}
    records.save_new(nurse, "lab_result", {**paper, "received_by": "paper", "flag": "abnormal"}, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "lab_result", {**PHONED, **TOLD, "told_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["received_at"]
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "lab_result", PHONED, patient_id=patient)


def test_a_critical_result_is_listed_until_a_doctor_is_told_then_said_with_who(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    results = lab_results.chart(nurse.db, patient)
    assert [one.signs for one in results] == [[Sign.TELL_NOW]]
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B").alerts
    assert [(alert.form_id, alert.latest, alert.said) for alert in found] == [(
        "lab_result", "Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10",
        ["CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who and when"])]
    said = ("RESULTS: Potassium 6.8 mmol/L (3.5–5.3), Critical, received 28/11 13:10; CRITICAL RESULT NOT YET TOLD "
            "TO A DOCTOR: tell one now, and record who and when")
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: said}
    assert said in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))

    records.amend(nurse, saved.record_id, {**PHONED, **TOLD, "action": "ECG; calcium gluconate"}, "Doctor told")
    assert chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B").alerts == []
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr") == {patient: (
        "RÉSULTATS : Potassium 6.8 mmol/L (3.5–5.3), Critique, reçu le 28/11 13:10, Dr Martin prévenu le 28/11 13:20 : "
        "ECG; calcium gluconate")}
    clock.advance(hours=24)
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}


def test_the_handover_names_the_days_abnormal_results_not_the_normal_ones(session_for, patient, clock):
    nurse = session_for("nurse")
    paper = {key: value for key, value in PHONED.items() if key not in ("caller", "read_back")}
    records.save_new(nurse, "lab_result", {**paper, "received_by": "paper", "test": "Sodium", "result": "139",
                                           "range": "", "flag": "normal"}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**paper, "received_by": "paper", "test": "Haemoglobin", "result": "92",
                                           "units": "g/L", "range": "", "flag": "abnormal"}, patient_id=patient)
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        "RESULTS: Haemoglobin 92 g/L, Abnormal, received 28/11 13:10; Abnormal: for a doctor to see")}
    clock.advance(hours=25)  # no doctor told of it yet: see the next test
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        "RESULTS: Haemoglobin 92 g/L, Abnormal, received 28/11 13:10; Abnormal: for a doctor to see")}


def test_a_result_still_asking_for_a_doctor_stays_on_the_handover_and_the_letters_whatever_its_age(
        session_for, patient, clock):
    """An abnormal result no doctor has seen is not done with because a day went by; once one is
    told of it, it ages out with the day's results."""
    nurse = session_for("nurse")
    paper = {key: value for key, value in PHONED.items() if key not in ("caller", "read_back")}
    saved = records.save_new(nurse, "lab_result", {**paper, "received_by": "paper", "test": "Haemoglobin",
                                                   "result": "71", "units": "g/L", "range": "130–170",
                                                   "flag": "abnormal"}, patient_id=patient)
    clock.advance(hours=48)
    said = "Haemoglobin 71 g/L (130–170), Abnormal, received 28/11 13:10"
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        f"RESULTS: {said}; Abnormal: for a doctor to see")}
    assert [full for full, _ in lab_results.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")] == [
        f"{said}, not yet seen by a doctor"]
    records.amend(nurse, saved.record_id, {**saved.data, **TOLD, "told_at": "2026-11-30T13:00+01:00"},
                  "Doctor told")
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}
    assert [full for full, _ in lab_results.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")] == []


def test_the_paper_log_says_who_phoned_and_who_was_told_and_the_blank_is_the_wards(session_for, patient, forms,
                                                                                  tmp_path):
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", SAMPLE, patient_id=patient)
    records.save_new(nurse, "lab_request", {**SAMPLE, "tests": ["crp"], "other_tests": "", "sample_number": "",
                                            "requested_by": ""}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, **TOLD, "action": "ECG", "request": sample.record_id,
                                           "gives": ["electrolytes"]}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, "received_at": "2026-11-28T13:40+01:00", "test": "Lactate",
                                           "result": "4.1", "range": "", "lab_number": ""}, patient_id=patient)
    text = pdf_text(printing.print_lab_results(nurse, patient, tmp_path / "results.pdf"))
    assert "Laboratory results received" in text
    assert ("28/11 13:10 By telephone from the laboratory; Mme Roux, biochemistry; read back Potassium 6.8 mmol/L "
            "(3.5–5.3); lab no. B26-118842 Critical Dr Martin told 28/11 13:20 ECG") in text
    assert "Lactate 4.1 mmol/L Critical" in text and "CRITICAL RESULT NOT YET TOLD TO A DOCTOR" in text
    assert ("28/11 11:40 Urea and electrolytes, Full blood count, Magnesium Urgent B26-118842 Dr Martin HL NOT ALL "
            "BACK since 28/11 13:40 (Full blood count, Magnesium awaited): phone the laboratory") in text
    assert "28/11 11:40 CRP Urgent HL RESULT NOT BACK since 28/11 13:40: phone the laboratory" in text
    blank = PdfReader(printing.blank(forms, "lab_results", tmp_path / "blank.pdf", lang="fr", printed_by=None,
                                     printed_at=nurse.clock(), device_name="3B")).pages
    page = " ".join(blank[0].extract_text().split())
    assert len(blank) == 1 and "Résultats de laboratoire reçus : registre du service (vierge)" in page
    assert "Patient : nom, date de naissance, numéro" in page and "Relu à l’appelant" not in page
    assert "Numéro du bon ou du tube" in page and "Résultat reçu" in page


def test_the_export_sends_each_result_as_the_laboratorys_communication_to_the_ward(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", SAMPLE, patient_id=patient)
    awaiting = records.save_new(nurse, "lab_request", {**SAMPLE, "tests": ["crp"], "other_tests": ""}, patient_id=patient)
    phoned = records.save_new(nurse, "lab_result", {**PHONED, **TOLD,
                                                    "action": "ECG", "request": sample.record_id,
                                                    "gives": ["electrolytes", "fbc", "other"]}, patient_id=patient)
    partly = records.save_new(nurse, "lab_request", {**SAMPLE, "tests": ["fbc", "crp"], "other_tests": ""},
                              patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, "test": "Haemoglobin", "result": "92", "units": "g/L",
                                           "flag": "abnormal", "request": partly.record_id, "gives": ["fbc"]},
                     patient_id=patient)
    paper = records.save_new(nurse, "lab_result", {
        "received_at": "2026-11-28T13:30+01:00", "received_by": "paper", "test": "Sodium", "result": "139",
        "flag": "normal"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    found = Communication.model_validate(by_id[phoned.record_id])
    assert (found.status, found.priority, found.medium[0].coding[0].code) == ("completed", "stat", "PHONE")
    assert found.payload[0].contentString == "Potassium 6.8 mmol/L (3.5–5.3): Critical"
    assert found.sender.display == "Mme Roux, biochemistry" and found.encounter is not None
    assert [note.text for note in found.note] == [
        "Read back to the caller and confirmed", "Laboratory number B26-118842", "Sample taken 2026-11-28T11:40:00+01:00",
        "Doctor told: Dr Martin, 2026-11-28T13:20:00+01:00", "Action: ECG"]
    assert found.basedOn[0].reference == f"urn:uuid:{sample.record_id}"
    sent = ServiceRequest.model_validate(by_id[sample.record_id])
    assert (sent.status, sent.priority, sent.code.text) == ("completed", "urgent",
                                                            "Urea and electrolytes, Full blood count, Magnesium")
    assert [note.text for note in sent.note] == ["Sample taken 2026-11-28T11:40:00+01:00",
                                                 "Number on the request form or tube: B26-118842",
                                                 "Requested by Dr Martin"]
    assert ServiceRequest.model_validate(by_id[awaiting.record_id]).status == "active"
    half = ServiceRequest.model_validate(by_id[partly.record_id])  # its full blood count back, its CRP not
    assert half.status == "active" and half.note[1].text == "Still awaited: CRP"
    normal = Communication.model_validate(by_id[paper.record_id])
    assert (normal.priority, normal.medium[0].coding[0].code, normal.sender, normal.note) == (
        "routine", "WRITTEN", None, None)


def test_a_sample_whose_results_are_not_all_back_is_chased_until_results_give_each_test(session_for, patient,
                                                                                          clock, admission_values):
    nurse = session_for("nurse")
    other_patient = records.save_new(nurse, "admission", {**admission_values, "bed": "13", "birth_name": "AUTRE",
                                                           "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    sample = records.save_new(nurse, "lab_request", SAMPLE, patient_id=patient)
    records.save_new(nurse, "lab_request", {**SAMPLE, "urgency": "routine", "tests": ["crp"], "other_tests": ""},
                     patient_id=patient)
    sent, spec = lab_results.samples(nurse.db, patient), nurse.form("lab_request")
    assert [one.state(spec, nurse.clock(), "en") for one in sent] == [
        "RESULT NOT BACK since 28/11 13:40: phone the laboratory", "awaiting its result, due by 29/11 11:40"]
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    alerts = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, alert.latest, alert.said) for alert in alerts.alerts] == [(
        "lab_request", "Urea and electrolytes, Full blood count, Magnesium (Urgent) taken 28/11 11:40",
        ["RESULT NOT BACK since 28/11 13:40: phone the laboratory"])]
    assert lab_results.next_due(sent, nurse.clock()).isoformat() == "2026-11-29T11:40:00+01:00"
    assert alerts.next_due.isoformat() == "2026-11-28T23:00:00+01:00"  # before it, the VTE risk assessment's 14 hours
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        "SAMPLES AWAITING RESULTS: Urea and electrolytes, Full blood count, Magnesium (Urgent) taken 28/11 11:40, "
        "B26-118842: RESULT NOT BACK since 28/11 13:40: phone the laboratory; CRP (Routine) taken 28/11 11:40, "
        "B26-118842")}

    theirs = records.save_new(nurse, "lab_request", SAMPLE, patient_id=other_patient)
    with pytest.raises(ValidationFailed) as refused:  # a sample of another patient's
        records.save_new(nurse, "lab_result", {**PHONED, "request": theirs.record_id, "gives": ["fbc"]},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["request"]
    assert "no standing record of this patient's with that reference" in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:  # the tests it gives, not said
        records.save_new(nurse, "lab_result", {**PHONED, "request": sample.record_id}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["gives"]
    with pytest.raises(ValidationFailed) as refused:  # a test the sample was not sent for
        records.save_new(nurse, "lab_result", {**PHONED, "request": sample.record_id, "gives": ["electrolytes", "crp"]},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["gives"]
    assert str(refused.value) == ("“Tests of the sample this result gives”: CRP: not among those of “Sample it is of "
                                  "(if sent from this ward)”: Urea and electrolytes, Full blood count, Other.")
    records.save_new(nurse, "lab_result", {**PHONED, "request": sample.record_id, "gives": ["electrolytes"]},
                     patient_id=patient)
    sent = lab_results.samples(nurse.db, patient)
    assert sent[0].state(spec, nurse.clock(), "en") == (
        "NOT ALL BACK since 28/11 13:40 (Full blood count, Magnesium awaited): phone the laboratory")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [(alert.patient.patient_id, alert.form_id) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B").alerts] == [
        (patient, "lab_result"), (patient, "lab_request"), (other_patient, "lab_request")]  # a doctor now first
    records.save_new(nurse, "lab_result", {**PHONED, "test": "Haemoglobin", "result": "121", "units": "g/L",
                                           "range": "115–165", "flag": "normal", "request": sample.record_id, "gives": ["fbc", "other"]},
                     patient_id=patient)
    sent = lab_results.samples(nurse.db, patient)
    assert sent[0].state(spec, nurse.clock(), "en") == "2 result(s) back"
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [(alert.patient.patient_id, alert.form_id) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B").alerts] == [(patient, "lab_result"),
                                                                                       (other_patient, "lab_request")]
    clock.advance(hours=22)
    assert lab_results.overdue(lab_results.samples(nurse.db, patient), nurse.clock())[0].record.data["tests"] == ["crp"]


def test_a_critical_result_for_a_patient_who_left_stays_on_the_wards_lists_until_a_doctor_is_told(session_for, patient,
                                                                                                   tmp_path):
    """The laboratory phones the ward a sample came from, hours after the patient went home: the
    result no doctor is told of stays on that ward's escalation list and handover sheet, saying
    who acts on it."""
    nurse = session_for("nurse")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    saved = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)  # phoned at 13:10
    records.save_new(nurse, "lab_result", {**PHONED, "test": "Sodium", "result": "139", "range": "135–145",
                                           "flag": "normal"}, patient_id=patient)
    assert census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock()) == []
    [alert] = chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="3B").alerts
    assert (alert.patient.patient_id, alert.patient.bed, alert.form_id, alert.latest, alert.said) == (
        patient, "12", "lab_result", "Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10",
        ["CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who and when",
         "DISCHARGED: the doctor decides whether to call the patient back"])
    assert len(chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward=None).alerts) == 1
    assert chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="4A").alerts == []
    sheet = pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert ("Left the ward: results no doctor is told of yet, reactions to blood not told, deaths' tasks not done, "
            "infusions never charted stopped, telephone orders to countersign Left Patient Result, unit, death or order "
            "What it asks Discharged MARTIN Hélène Marie (née LEFÈVRE)") in sheet
    assert ("Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10 CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and "
            "record who and when; DISCHARGED: the doctor decides whether to call the patient back") in sheet
    french = pdf_text(printing.print_census(session_for("nurse", "fr"), tmp_path / "etat.pdf", "3B"))
    assert "Sortis du service : résultats qu’aucun médecin ne connaît encore" in french
    assert ("Sorti(e) MARTIN Hélène Marie (née LEFÈVRE)" in french
            and "SORTI : le médecin décide s’il faut rappeler le patient" in french)
    records.amend(nurse, saved.record_id, {**PHONED, **TOLD}, "Doctor told")
    assert chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="3B").alerts == []


def test_an_abnormal_result_for_a_patient_gone_home_stays_on_the_wards_lists_until_a_doctor_is_told(session_for,
                                                                                                     patient, tmp_path):
    """An INR of 4.9 phoned after a discharge home on warfarin, flagged Abnormal: in a bed it stays
    on the handover until a doctor is told; gone home, it was on no list. It comes after a
    critical result, which asks a doctor now."""
    nurse = session_for("nurse")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    inr = {**PHONED, "test": "INR", "result": "4.9", "units": "", "range": "2.0–3.0", "flag": "abnormal"}
    saved = records.save_new(nurse, "lab_result", inr, patient_id=patient)
    records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    assert [(alert.latest, alert.said) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, [], nurse.clock(), "en", ward="3B").alerts] == [
        ("Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10",
         ["CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who and when",
          "DISCHARGED: the doctor decides whether to call the patient back"]),
        ("INR 4.9 (2.0–3.0) 28/11 13:10",
         ["Abnormal: for a doctor to see", "DISCHARGED: the doctor decides whether to call the patient back"])]
    assert ("INR 4.9 (2.0–3.0) 28/11 13:10 Abnormal: for a doctor to see; DISCHARGED: the doctor decides whether to "
            "call the patient back") in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    records.amend(nurse, saved.record_id, {**inr, **TOLD}, "Doctor told")
    assert [alert.latest for alert in chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en",
                                                          ward="3B").alerts] == [
        "Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10"]


@pytest.mark.parametrize("received", ["2026-11-28T11:50+01:00", "2026-11-27T10:00+01:00"])
def test_an_abnormal_result_typed_after_the_discharge_stays_until_a_doctor_is_told(session_for, patient, clock,
                                                                                   received):
    """An INR of 4.9 phoned at 11:50 (or the day before) onto the paper results book, the patient
    home at 12:00, the result typed at 12:30: no confirm could ask of it, and it was dropped a day
    after the leaving, or never listed (review T1 #1)."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T12:05+01:00")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:30+01:00")
    records.save_new(nurse, "lab_result", {**PHONED, "received_at": received, "test": "INR", "result": "4.9",
                                           "units": "", "range": "2.0–3.0", "flag": "abnormal",
                                           "sample_taken_at": None}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    assert [alert.latest[:7] for alert in chart_alerts.alerts(nurse.db, nurse.forms, [], clock.now, "en",
                                                              ward="3B").alerts] == ["INR 4.9"]


def test_left_the_ward_keeps_an_abnormal_result_seen_before_the_discharge_a_day_and_lists_the_critical_first(
        session_for, patient, admission_values, clock, tmp_path):
    """A sodium of 131 phoned at 10:10, read on the round and never recorded told (nothing on the
    in-bed lists asks it of an abnormal result), the patient home at 12:00: it stayed under "Left
    the ward" for good, a line a discharge, and a fortnight of them put another patient's critical
    potassium, listed by name, on page four of an empty ward's sheet. It stays a day, the
    handover's; one phoned after the discharge stays until a doctor is told; the critical comes
    first."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:15+01:00")
    records.save_new(nurse, "lab_result", {**PHONED, "received_at": "2026-11-28T10:10+01:00", "test": "Sodium",
                                           "result": "131", "range": "135–145", "flag": "abnormal",
                                           "sample_taken_at": None}, patient_id=patient)
    other = records.save_new(nurse, "admission", {**admission_values, "nir": None, "birth_name": "Zola",
                                                  "used_name": "Zola", "given_names": "Marc", "sex": "male",
                                                  "bed": "13", "arrival_at": "2026-11-28T09:30+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    for gone in (patient, other):
        records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                              "letter_given": True, "medicines_given": True}, patient_id=gone)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(nurse, "lab_result", PHONED, patient_id=other)
    records.save_new(nurse, "lab_result", {**PHONED, "test": "INR", "result": "4.9", "units": "", "range": "2.0–3.0",
                                           "flag": "abnormal"}, patient_id=other)

    def left() -> list[str]:
        return [alert.latest for alert in chart_alerts.alerts(nurse.db, nurse.forms, [], clock.now, "en",
                                                              ward="3B").alerts]

    assert left() == ["Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10", "Sodium 131 mmol/L (135–145) 28/11 10:10",
                      "INR 4.9 (2.0–3.0) 28/11 13:10"]
    sheet = pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert sheet.index("Potassium 6.8") < sheet.index("Sodium 131") < sheet.index("INR 4.9")
    clock.now = datetime.fromisoformat("2026-11-30T12:00+01:00")
    assert left() == ["Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10", "INR 4.9 (2.0–3.0) 28/11 13:10"]


def test_an_abnormal_result_after_a_death_is_not_left_to_do(session_for, patient):
    """A death ends the care an abnormal result asks a doctor to see for; a critical one is still told."""
    nurse = session_for("nurse")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T12:00+01:00"), "verified_by": "Dr Martin",
                                      "expected": True, "family_informed": True, "certificate_done": True},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, "flag": "abnormal"}, patient_id=patient)
    assert chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="3B").alerts == []


def test_a_critical_result_for_a_patient_moved_to_another_ward_stays_on_the_wards_lists(session_for, patient, tmp_path):
    """The laboratory phones 3B, where the sample was taken at 11:40, at 13:10, an hour after the
    patient moved to 5A, whose chart is on another laptop: the save says to phone 5A, and 3B's
    escalation list and handover sheet keep the result, saying so, until a doctor is told."""
    wards.add_ward(session_for("admin"), "5A", "Surgery", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T12:00+01:00", "to_ward": "5A", "to_bed": "4",
                                         "reason": "Surgical review"}, patient_id=patient)
    saved = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    moved = "MOVED to 5A: critical result no doctor is told of yet — phone ward 5A"
    [alert] = chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="3B").alerts
    assert (alert.patient.patient_id, alert.patient.ward, alert.latest, alert.said) == (
        patient, "5A", "Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10",
        ["CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who and when", moved])
    assert "Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10 CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and " \
           f"record who and when; {moved}" in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="4A").alerts == []
    assert lab_results.moved_on(nurse.db, saved, "en") == (
        "This patient is on ward 5A now (moved there 28/11 12:00): phone the result to ward 5A. A critical one stays "
        "on this ward's escalation list until a doctor is recorded as told.")
    records.amend(nurse, saved.record_id, {**PHONED, **TOLD}, "Doctor told")
    assert chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="3B").alerts == []


def test_a_result_for_a_patient_on_the_ward_the_sample_was_taken_on_says_nothing_more(session_for, patient):
    saved = records.save_new(session_for("nurse"), "lab_result", PHONED, patient_id=patient)
    assert lab_results.moved_on(session_for("nurse").db, saved, "en") is None


def test_a_transfer_or_a_discharge_starts_with_the_results_still_awaited_and_the_days(session_for, patient):
    """Results awaited when a patient leaves are the ones nobody chases: the letter names them."""
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_request", {**SAMPLE, "tests": ["crp"], "other_tests": ""}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, **TOLD}, patient_id=patient)
    said = ["Result awaited: CRP (Urgent) taken 28/11 11:40, B26-118842: not back (due by 28/11 13:40); the "
            "laboratory will phone ward 3B; followed up by: …",
            "Potassium 6.8 mmol/L (3.5–5.3), Critical, received 28/11 13:10, Dr Martin told 28/11 13:20: ECG"]
    assert prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["results"] == "\n".join(said)
    assert prefill.first_answers(nurse, nurse.form("discharge"), patient)["results_awaited"] == "\n".join(said)


def test_the_letter_says_a_result_awaited_as_facts_and_asks_who_follows_it_up(session_for, patient, clock):
    """The letter given to the patient and the GP read "RESULT NOT BACK since 28/11 13:40: phone the
    laboratory", the ward's instruction to itself, naming neither the ward the laboratory will
    phone nor who acts on the result; a sample partly back said what is still awaited, and an
    urgent one the laboratory rejected, that it was not sent again. The handover keeps its words."""
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", SAMPLE, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, **TOLD, "flag": "normal", "result": "4.1", "range": "",
                                           "request": sample.record_id, "gives": ["electrolytes"]}, patient_id=patient)
    rejected = records.save_new(nurse, "lab_request", {**SAMPLE, "tests": ["crp"], "other_tests": "",
                                                       "sample_number": "B26-118850"}, patient_id=patient)
    records.amend(nurse, rejected.record_id, {**rejected.data, "outcome": "rejected", "rejected_because": "haemolysed",
                                              "closed_by": "Mme Roux, biochemistry",
                                              "closed_at": "2026-11-28T13:00+01:00"}, "Rejected by the laboratory")
    clock.now = clock.now.replace(hour=16)
    said = [full for full, _ in lab_results.handed_on(nurse.db, nurse.forms, patient, clock.now, "en")]
    assert said[:2] == [
        "Result awaited: Urea and electrolytes, Full blood count, Magnesium (Urgent) taken 28/11 11:40, B26-118842: "
        "Full blood count, Magnesium not back (due by 28/11 13:40); the laboratory will phone ward 3B; followed up "
        "by: …",
        "Result awaited: CRP (Urgent) taken 28/11 11:40, B26-118850: REJECTED by the laboratory (haemolysed), said by "
        "Mme Roux, biochemistry 28/11 13:00, not sent again; followed up by: …"]
    assert not any("phone the laboratory" in line or "URGENT" in line for line in said)
    assert [full for full, _ in lab_results.handed_on(nurse.db, nurse.forms, patient, clock.now, "fr")][0] == (
        "Résultat attendu : Ionogramme, urée, créatinine, Numération formule sanguine, Magnesium (Urgent) prélevé le "
        "28/11 11:40, B26-118842 : Numération formule sanguine, Magnesium non reçu(s) (attendu(s) au plus tard le "
        "28/11 13:40) ; le laboratoire appellera le service 3B ; suivi par : …")
    assert "phone the laboratory" in lab_results.handover(nurse.db, nurse.forms, [patient], clock.now, "en")[patient]


def test_a_full_letter_box_keeps_the_result_no_doctor_has_seen_first_and_shortens_before_it_cuts(session_for, patient,
                                                                                                  clock):
    """Six samples awaited, nine abnormal results of the day told to a doctor, then an INR of 4.9
    phoned at 13:50 that no doctor has seen: the letter's 2,000 characters took the samples in
    full, each with the ward the laboratory phones and who follows it up, and replaced the last
    lines, the INR among them, by "… and 3 more: see the records", records the GP does not have.
    The INR comes first; the samples lose those words before any line is cut."""
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=16)
    for n in range(6):
        records.save_new(nurse, "lab_request", {**SAMPLE, "taken_at": f"2026-11-28T09:{10 + 5 * n}+01:00",
                                                "urgency": "routine", "sample_number": f"B26-11884{n}"},
                         patient_id=patient)
    for n in range(9):
        records.save_new(nurse, "lab_result", {
            **PHONED, **TOLD, "received_at": f"2026-11-28T{10 + n // 2}:{n % 2 * 30:02d}+01:00", "test": f"Test {n}",
            "result": "131", "range": "135–145", "flag": "abnormal",
            "told_at": f"2026-11-28T{10 + n // 2}:{n % 2 * 30 + 10}+01:00",
            "sample_taken_at": None}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, "received_at": "2026-11-28T13:50+01:00", "test": "INR",
                                           "result": "4.9", "units": "", "range": "2.0–3.0", "flag": "abnormal",
                                           "sample_taken_at": None}, patient_id=patient)
    letter = prefill.first_answers(nurse, nurse.form("discharge"), patient, clock.now)["results_awaited"].splitlines()
    assert letter[0] == "INR 4.9 (2.0–3.0), Abnormal, received 28/11 13:50, not yet seen by a doctor"
    assert letter[1] == ("Result awaited: Urea and electrolytes, Full blood count, Magnesium (Routine) taken 28/11 "
                         "09:10, B26-118840: not back (due by 29/11 09:10); followed up by: …")
    assert len(letter) == 16 and not any(line.startswith("…") for line in letter), letter


def test_the_french_handover_writes_its_lists_as_french_typography_does(session_for, patient, listed_in, tmp_path):
    """The bedside charts' handover lines joined their parts with an English "; " in French."""
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, "lab_request", SAMPLE, patient_id=patient)
    records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    said = lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    listed_in(said, "fr")
    assert " ; PRÉLÈVEMENTS EN ATTENTE DE RÉSULTAT : " in said
    listed_in(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")), "fr")


def test_a_move_to_another_ward_starts_with_the_results_awaited(session_for, patient):
    """The laboratory phones the ward a sample was sent from: the receiving ward is told."""
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_request", {**SAMPLE, "urgency": "routine"}, patient_id=patient)
    assert prefill.first_answers(nurse, nurse.form("transfer"), patient)["results_awaited"] == (
        "Result awaited: Urea and electrolytes, Full blood count, Magnesium (Routine) taken 28/11 11:40, B26-118842: "
        "not back (due by 29/11 11:40); the laboratory will phone ward 3B; followed up by: …")


def test_an_amendment_changing_the_result_a_doctor_was_told_of_asks_them_told_again(session_for, patient):
    """Typed 5.8 abnormal and Dr Martin told; corrected to 6.8 critical: the doctor heard 5.8, and
    the critical value kept their name would never reach the escalation list."""
    nurse = session_for("nurse")
    told = {**PHONED, "result": "5.8", "flag": "abnormal", **TOLD, "told_at": "2026-11-28T13:15+01:00"}
    saved = records.save_new(nurse, "lab_result", told, patient_id=patient)
    for changed in ({"result": "6.8", "flag": "critical"}, {"units": "mEq/L"}, {"flag": "critical"}):
        with pytest.raises(ValidationFailed) as refused:
            lab_results.check_amended(saved.data, {**saved.data, **changed}, "en")
        assert [error.path for error in refused.value.errors] == ["told"]
    assert str(refused.value) == (
        "The doctor was told the earlier result: empty who was told to save this correction, then tell a doctor this "
        "one and record it with “Doctor told…”, their acknowledgement asked again.")
    with pytest.raises(ValidationFailed) as refused:
        lab_results.check_amended(saved.data, {**saved.data, "result": "6.8"}, "fr")
    assert str(refused.value) == (
        "Le médecin a été prévenu du résultat précédent : effacer le médecin prévenu pour enregistrer cette "
        "correction, puis prévenir un médecin de celui-ci et le noter avec « Médecin prévenu… », son accusé de "
        "réception étant demandé à nouveau.")
    critical = {**saved.data, "result": "6.8", "flag": "critical"}
    lab_results.check_amended(saved.data, {**saved.data, "action": "ECG", "lab_number": "B26-118843"}, "en")
    untold = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    lab_results.check_amended(untold.data, {**untold.data, "result": "6.9"}, "en")  # no doctor told yet
    records.amend(nurse, saved.record_id, {key: value for key, value in critical.items()
                                           if key not in ("told", "told_at")}, "typed 5.8, lab said 6.8")
    assert [one.record.data["result"] for one in lab_results.critical_untold(lab_results.chart(nurse.db, patient))] == [
        "6.8", "6.8"]
    records.mark_entered_in_error(nurse, untold.record_id, "another patient's")  # not an amendment: not refused


def test_a_new_result_is_not_prefilled_onto_a_sample_the_nurse_has_not_picked(session_for, patient):
    """A troponin phoned for the emergency department's sample, while the ward's full blood count
    is the only sample awaited: prefilled, it closed that sample, which was never chased. Nothing
    on an empty form says which sample a result is of."""
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_request", {**SAMPLE, "tests": ["fbc"], "other_tests": ""}, patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form("lab_result"), patient)
    assert "request" not in first and "gives" not in first


def test_a_doctor_is_told_once_named_as_having_acknowledged_the_result():
    """The one test of "told" for every list, sheet, letter and export; a result of the form's
    version 1, which did not ask the acknowledgement, is told when it names the doctor."""
    assert doctor_told({"told": "Dr Martin", "acknowledged": True}) and doctor_told({"told": "Dr Martin"})
    assert not doctor_told({"told": "Dr Martin", "acknowledged": False})
    assert not doctor_told({"told": "Dr Martin", "acknowledged": None})
    assert not doctor_told({"told": "", "acknowledged": True}) and not doctor_told({})


def test_a_doctor_bleeped_who_did_not_answer_is_not_written_as_told(session_for, patient, clock, tmp_path):
    """"Bleeped, no answer" in "Doctor told" took a critical potassium off the escalation list and
    the handover sheet: a doctor is told once they acknowledge the result; the nurse is told what
    to write instead, and the result stays listed."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    bleeped = {**PHONED, "told": "Dr Martin bleeped, no answer", "told_at": "2026-11-28T13:15+01:00",
               "action": "Repeat K"}
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, bleeped, "Doctor told")
    assert [error.path for error in refused.value.errors] == ["acknowledged"]
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**bleeped, "acknowledged": False}, "Doctor told")
    assert str(refused.value) == (
        "Doctor acknowledged it (repeated it back): a doctor who has not acknowledged it is not told; leave “Doctor "
        "told” empty and write whom you bleeped under “Action taken or planned”.")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", "fr"), "lab_result", {**bleeped, "acknowledged": False},
                         patient_id=patient)
    assert str(refused.value) == (
        "Le médecin en a accusé réception (l’a répété) : un médecin qui n’en a pas accusé réception n’est pas "
        "prévenu ; laisser « Médecin prévenu » vide et noter qui a été bipé dans « Conduite tenue ou prévue ».")
    records.amend(nurse, saved.record_id, {**PHONED, "action": "Dr Martin bleeped 13:15, no answer"}, "Bleeped")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [alert.form_id for alert in chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en",
                                                           ward="3B").alerts] == ["lab_result"]
    text = pdf_text(printing.print_lab_results(nurse, patient, tmp_path / "results.pdf"))
    assert "No answer? Leave “Doctor told” empty and note whom you bleeped, when, under Action" in text
    records.amend(nurse, saved.record_id, {**PHONED, **TOLD, "action": "Dr Martin bleeped 13:15, no answer; "
                                                                       "called back 13:20: ECG"}, "Doctor told")
    assert chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B").alerts == []


def _on_version_1(session):
    """`session` on a laptop of an earlier release, whose result form did not ask the acknowledgement,
    nor a critical result's action."""
    spec = session.form("lab_result")
    sections = [section.model_copy(update={"fields": [
        field.model_copy(update={"required_when": None}) if field.id == "action" else field
        for field in section.fields if field.id != "acknowledged"]}) for section in spec.sections]
    return dataclasses.replace(session, forms={**session.forms, "lab_result": spec.model_copy(
        update={"version": 1, "sections": sections})})


def test_a_result_of_version_1_told_when_it_names_the_doctor_is_asked_the_acknowledgement_once_corrected(
        session_for, patient):
    """Version 1 did not ask it: its result naming the doctor reads as told, as it did; corrected,
    it is asked whether the doctor acknowledged it, as a name alone may be a doctor bleeped."""
    nurse = session_for("nurse")
    old = records.save_new(_on_version_1(nurse), "lab_result", {**PHONED, "told": "Dr Martin",
                                                                "told_at": "2026-11-28T13:20+01:00"}, patient_id=patient)
    assert old.form_version == 1 and "acknowledged" not in old.data
    assert lab_results.critical_untold(lab_results.chart(nurse.db, patient)) == []
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        "RESULTS: Potassium 6.8 mmol/L (3.5–5.3), Critical, received 28/11 13:10, Dr Martin told 28/11 13:20")}
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, old.record_id, {**old.data, "action": "ECG"}, "action added")
    assert [error.path for error in refused.value.errors] == ["acknowledged"]
    amended = records.amend(nurse, old.record_id, {**old.data, "action": "ECG", "acknowledged": True}, "action added")
    assert amended.form_version == nurse.form("lab_result").version
    assert lab_results.critical_untold(lab_results.chart(nurse.db, patient)) == []


def test_a_sample_of_a_stay_that_ended_is_not_chased_on_readmission_but_its_result_is_recorded(
        session_for, patient, admission_values, clock):
    """Sent at 10:00, the patient home at 11:00 (the letter said the result was awaited) and back
    at 12:00: the new stay's ward does not chase the first stay's sample, nor hand it over; its
    result, phoned to the ward, is recorded against the patient and asks what a result asks."""
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", {**SAMPLE, "taken_at": "2026-11-28T10:00+01:00"},
                              patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T11:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    assert [full for full, _ in lab_results.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")] == [
        "Result awaited: Urea and electrolytes, Full blood count, Magnesium (Urgent) taken 28/11 10:00, B26-118842: "
        "not back (due by 28/11 12:00); the laboratory will phone ward 3B; followed up by: …"]
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T12:00+01:00"},
                     patient_id=patient)
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert lab_results.samples(nurse.db, patient) == [] and lab_results.samples_of(nurse.db, [patient]) == {}
    assert [alert.form_id for alert in chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en",
                                                           ward="3B").alerts] == []
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}
    assert [full for full, _ in lab_results.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")] == []

    records.save_new(nurse, "lab_result", {**PHONED, "request": sample.record_id, "gives": ["electrolytes"],
                                           "sample_taken_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B").alerts
    assert [(alert.form_id, alert.latest) for alert in found] == [
        ("lab_result", "Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10")]
    now = records.save_new(nurse, "lab_request", {**SAMPLE, "taken_at": "2026-11-28T12:30+01:00"}, patient_id=patient)
    assert [one.record.record_id for one in lab_results.samples(nurse.db, patient)] == [now.record_id]


def test_a_value_outside_its_own_range_is_not_saved_as_normal(session_for, patient):
    """A potassium of 6.9 for "3.5–5.3", or a haemoglobin of 62 g/L for "130-170", clicked Normal
    was saved without a word, on no list. A value or a range not read as numbers is not judged."""
    from downtime.domain.lab_results import outside_range

    assert outside_range("6.9", "3.5–5.3") and outside_range("62", "130-170") and outside_range("2,4", "< 1")
    assert outside_range("3.1", "3.5 to 5.3") and outside_range("8", "> 10")
    # A one-sided bound holds its number only when it says so: a CRP of 5 for "< 5" is outside.
    assert outside_range("5", "< 5") and outside_range("150", "> 150") and outside_range("1", "less than 1")
    assert not any(outside_range(value, given) for value, given in (("5", "≤ 5"), ("60", "≥ 60"), ("5.3", "3.5–5.3")))
    assert not any(outside_range(value, given) for value, given in (
        ("4.2", "3.5–5.3"), ("< 0.3", "1-2"), ("Gram-negative bacilli", "3.5–5.3"), ("6.9", ""), ("6.9", "see report"),
        ("1", "-2 - +2"), ("12", "> 10")))
    nurse = session_for("nurse")
    for wrong in ({"result": "6.9"}, {"test": "Haemoglobin", "result": "62", "units": "g/L", "range": "130-170"}):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, "lab_result", {**PHONED, **wrong, "flag": "normal"}, patient_id=patient)
        assert [error.path for error in refused.value.errors] == ["flag_kept"]
    assert str(refused.value) == (
        "62 is outside its reference range 130-170, yet flagged Normal: check the flag with the laboratory, and "
        "record it as the laboratory gives it (Abnormal, for a doctor to see, or Critical). If the laboratory flagged "
        "it Normal, answer “Outside its range, yet flagged Normal by the laboratory” Yes.")
    saved = records.save_new(nurse, "lab_result", {**PHONED, "result": "6.9", "flag": "abnormal"}, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(nurse, saved.record_id, {**saved.data, "flag": "normal"}, "misclicked")
    records.save_new(nurse, "lab_result", {**PHONED, "result": "4.2", "flag": "normal"}, patient_id=patient)


@pytest.mark.parametrize("result, given", [
    ("120", "M 130-170, F 115-165"),  # a woman's haemoglobin, normal on her own range
    ("6.2", "F: 3.8-5.8; M: 4.5-6.5"),  # a man's, read on the first range alone
    ("120", "Men: 130-170"),  # one sex's range: the patient's sex is not read here
    ("7.2", "10^9/L: 4.0-11.0"),  # a unit before the numbers, read as 10 to 9
    ("250000", "150,000-400,000"),  # thousands, read as 150 to 400
    ("250000", "150 000 - 400 000"),  # French thousands
])
def test_a_range_not_read_without_doubt_is_not_judged(session_for, patient, result, given):
    """Only one low–high pair, or one < or > bound, with no other number, is judged: each of these
    normal values was refused Normal, and the nurse made to record a flag the laboratory never gave."""
    from downtime.domain.lab_results import outside_range

    assert not outside_range(result, given)
    records.save_new(session_for("nurse"), "lab_result", {**PHONED, "test": "Haemoglobin", "result": result,
                                                         "units": "", "range": given, "flag": "normal"},
                     patient_id=patient)


def test_a_value_outside_its_range_the_laboratory_flagged_normal_is_saved_once_the_nurse_says_so(session_for,
                                                                                                  patient):
    """A refusal with no way past it: the only way to save the laboratory's Normal was a flag it
    never gave, on the Abnormal lists, the handover and the export. The nurse's Yes is kept."""
    nurse = session_for("nurse")
    given = {**PHONED, "result": "5.4", "flag": "normal"}
    with pytest.raises(ValidationFailed):
        records.save_new(nurse, "lab_result", given, patient_id=patient)
    saved = records.save_new(nurse, "lab_result", {**given, "flag_kept": True}, patient_id=patient)
    assert saved.data["flag_kept"] is True
    (one,) = lab_results.chart(nurse.db, patient)
    assert one.flag is Flag.NORMAL and one.signs == []


def test_a_student_cannot_take_a_critical_result_off_the_lists_by_amending_it(session_for, patient, forms, clock):
    """A ward nurse's K 6.8 Critical, no doctor told: the student may not withdraw it, but amended
    it to Abnormal ("misclicked"), which took it off the escalation list and the handover's NOT YET
    TOLD, then withdrew it; or amended its value or range."""
    student, nurse = _student(session_for, forms, clock), session_for("nurse")
    saved = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    for changed in ({"flag": "abnormal"}, {"result": "5.2"}, {"range": "3.5–7.0"}, {"test": "Sodium"}):
        with pytest.raises(PermissionDenied, match="A student nurse does not take a critical result"):
            records.amend(student, saved.record_id, {**saved.data, **changed}, "misclicked")
    assert [one.record.record_id for one in lab_results.critical_untold(lab_results.chart(nurse.db, patient))] == [
        saved.record_id]
    records.amend(student, saved.record_id, {**saved.data, "lab_number": "B26-118843"}, "number misread")


BLEEPED = "Bleeped Dr Bernard (SHO) 13:15 and 13:30, no answer;\nregistrar bleeped 13:35"


def test_the_action_is_shown_with_the_result_on_the_tab_the_handover_and_the_escalation_list(session_for, patient,
                                                                                             qapp):
    """Whom the nurse bleeped, written under Action as the form asks while no doctor answers, was
    shown nowhere, nor the repeat potassium a told doctor planned for the next shift."""
    from downtime.qt.lab_results_view import ResultsModel

    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", {**PHONED, "action": BLEEPED}, patient_id=patient)
    model = ResultsModel(nurse.form("lab_result"), "en", nurse.clock().tzinfo)
    model.set_rows(lab_results.chart(nurse.db, patient))
    bleeped = "Bleeped Dr Bernard (SHO) 13:15 and 13:30, no answer; registrar bleeped 13:35"
    assert model.texts(0)[4] == bleeped
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        f"RESULTS: Potassium 6.8 mmol/L (3.5–5.3), Critical, received 28/11 13:10, {bleeped}; CRITICAL RESULT NOT "
        "YET TOLD TO A DOCTOR: tell one now, and record who and when")}
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [alert.latest for alert in chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en",
                                                          ward="3B").alerts] == [
        f"Potassium 6.8 mmol/L (3.5–5.3) 28/11 13:10: {bleeped}"]
    records.amend(nurse, saved.record_id, {**PHONED, **TOLD, "action": "Calcium gluconate; repeat K at 16:00"},
                  "Doctor told")
    model.set_rows(lab_results.chart(nurse.db, patient))
    assert model.texts(0)[4] == "Dr Martin told 28/11 13:20: Calcium gluconate; repeat K at 16:00"
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr") == {patient: (
        "RÉSULTATS : Potassium 6.8 mmol/L (3.5–5.3), Critique, reçu le 28/11 13:10, Dr Martin prévenu le 28/11 13:20 : "
        "Calcium gluconate; repeat K at 16:00")}


def _student(session_for, forms, clock):
    """A student nurse signed in beside the ward nurse."""
    from downtime.domain.roles import Role
    from downtime.services import staff
    from downtime.services.context import Session, load_device

    staff.add_staff(session_for("admin"), "student", "Lucas Girard", Role.STUDENT_NURSE, "8888")
    nurse = session_for("nurse")
    return Session(nurse.db, load_device(nurse.db), staff.sign_in(nurse.db, "student", "8888", clock), forms, clock)


def test_a_student_nurse_neither_takes_a_critical_result_alone_nor_withdraws_one_no_doctor_is_told_of(
        session_for, patient, forms, clock):
    """RCPath: a critical result is phoned to a registered professional. A student recorded one,
    and "Doctor told", alone; and withdrew ("duplicate") a ward nurse's critical potassium no doctor
    was told of, which left the tab, the escalation list and the handover."""
    student, nurse = _student(session_for, forms, clock), session_for("nurse")
    for critical in (PHONED, {**PHONED, **TOLD}):
        with pytest.raises(PermissionDenied, match="A student nurse does not take a critical result"):
            records.save_new(student, "lab_result", critical, patient_id=patient)
    abnormal = records.save_new(student, "lab_result", {**PHONED, "flag": "abnormal"}, patient_id=patient)
    with pytest.raises(PermissionDenied):
        records.amend(student, abnormal.record_id, {**abnormal.data, "flag": "critical"}, "the laboratory said critical")
    saved = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    assert not records.may_withdraw(student, saved) and records.may_withdraw(nurse, saved)
    with pytest.raises(PermissionDenied, match="withdrawn only by a registered nurse or a doctor"):
        records.mark_entered_in_error(student, saved.record_id, "duplicate")
    with pytest.raises(PermissionDenied):
        records.amend(student, saved.record_id, {**PHONED, **TOLD}, "Doctor told")
    told = records.amend(nurse, saved.record_id, {**PHONED, **TOLD}, "Doctor told")
    records.amend(student, saved.record_id, {**told.data, "lab_number": "B26-118843"}, "number misread")
    records.mark_entered_in_error(student, saved.record_id, "duplicate")
    records.mark_entered_in_error(student, abnormal.record_id, "duplicate")


def test_a_critical_result_told_asks_the_action(session_for, patient):
    """Told with no action, a critical potassium left every list with nothing saying what was done."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "lab_result", {**PHONED, **TOLD, "action": ""}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["action"]
    records.save_new(nurse, "lab_result", {**PHONED, **TOLD, "action": "None: doctor's decision"}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, **TOLD, "flag": "abnormal", "result": "5.6", "action": ""},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", PHONED, patient_id=patient)


def test_the_export_keeps_a_critical_value_told_and_acted_on_before_the_laboratory_corrected_it(
        session_for, patient, clock, exported_resource):
    """K 6.9 phoned, Dr Martin told, calcium gluconate given; corrected by the laboratory (haemolysed)
    to 5.9: the Communication gave 5.9 alone, the treatment on record with no reason for it."""
    from datetime import datetime

    nurse = session_for("nurse")
    first = {**PHONED, "result": "6.9", **TOLD, "action": "Calcium gluconate 10%, insulin-dextrose"}
    saved = records.save_new(nurse, "lab_result", first, patient_id=patient)
    records.amend(nurse, saved.record_id, {**first, "lab_number": "B26-118843"}, "number misread")
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    corrected = {**PHONED, "result": "5.9", "flag": "abnormal"}
    records.amend(nurse, saved.record_id, corrected, "Laboratory corrected: sample haemolysed")
    clock.now = datetime.fromisoformat("2026-11-28T15:15+01:00")
    records.amend(nurse, saved.record_id, {**corrected, **TOLD, "told_at": "2026-11-28T15:10+01:00",
                                           "action": "Repeat K in the morning"}, "Doctor told")
    found = exported_resource(saved.record_id, Communication)
    assert found.payload[0].contentString == "Potassium 5.9 mmol/L (3.5–5.3): Abnormal"
    assert [note.text for note in found.note][-1] == (
        "Given earlier as Potassium 6.9 mmol/L (3.5–5.3): Critical; Doctor told: Dr Martin, 2026-11-28T13:20:00+01:00; "
        "Action: Calcium gluconate 10%, insulin-dextrose; corrected 2026-11-28T15:00:00+01:00: Laboratory corrected: "
        "sample haemolysed")
    assert sum("Given earlier" in note.text for note in found.note) == 1


def test_the_export_says_the_laboratory_flagged_normal_a_value_outside_its_range(session_for, patient, tmp_path):
    """The nurse's Yes that the laboratory gave Normal a value outside its range reached no one who
    back-enters the result: it read as a Normal the ward had typed by mistake."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", {**PHONED, "result": "5.4", "flag": "normal", "flag_kept": True},
                             patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (sent,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    assert "Outside its reference range, flagged Normal by the laboratory" in [note["text"] for note in sent["note"]]


def test_the_laboratory_s_normal_flag_kept_covers_one_value_and_range(session_for, patient, tmp_path, forms):
    """A 5.4 the laboratory called Normal, misheard and amended to 6.9: the nurse's Yes was carried
    over unasked, and the export still said "flagged Normal by the laboratory" once amended back
    inside its range."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", {**PHONED, "result": "5.4", "flag": "normal", "flag_kept": True},
                             patient_id=patient)
    spec = forms["lab_result"]
    for change in ({"result": "6.9"}, {"units": "mg/L"}, {"range": "3.5-5.0"}):
        assert lab_results.flag_doubt(spec, {**saved.data, **change}, "en", saved.data) is not None, change
    assert lab_results.flag_doubt(spec, {**saved.data, "lab_number": "B77"}, "en", saved.data) is None
    inside = records.amend(nurse, saved.record_id, {**saved.data, "result": "4.9"}, "value misheard")
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (sent,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == inside.record_id]
    assert "Outside its reference range, flagged Normal by the laboratory" not in [
        note["text"] for note in sent.get("note", [])]

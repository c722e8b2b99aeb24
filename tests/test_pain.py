"""The pain chart: each assessment with the scale the patient can answer; pain that matters with
nothing done for it and a reassessment overdue called out; the handover sheet's line, the
escalation list, the paper chart filled and blank, and each assessment in the export as an
Observation."""

import json
from datetime import datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.pain import ANSWERED, Sign, for_pain, matters, reassess_after_dose, reassess_by, signs
from downtime.services import cd_register, census, chart_alerts, medication, pain, prefill, printing, records
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

PAIN = {"assessed_at": "2026-11-28T13:30+01:00", "scale": "numeric", "score_numeric": 7, "where": "Right hip, moving",
        "action": ["analgesia"], "reassess_in": "60"}
ACTIONS = ("analgesia", "non_drug", "doctor", "none_needed", "declined")


def _text(path):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_pain_matters_from_4_out_of_10_a_moderate_word_or_2_on_the_algoplus_scale():
    assert [score for score in range(11) if matters("numeric", score, None, None)] == list(range(4, 11))
    assert [word for word in ("none", "mild", "moderate", "severe") if matters("verbal", None, word, None)] == [
        "moderate", "severe"]
    assert [score for score in range(6) if matters("algoplus", None, None, score)] == [2, 3, 4, 5]
    assert not matters("numeric", None, "severe", 5)  # each scale read alone


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(timezone.utc)),
       st.sampled_from((30, 60, 240, 720)), st.integers(-900, 900), st.booleans(),
       st.frozensets(st.sampled_from(ACTIONS)))
def test_a_reassessment_is_overdue_once_due_and_untreated_pain_is_said_until_answered(assessed, every, minutes,
                                                                                      mattering, done):
    due = reassess_by(assessed, every)
    said = signs(mattering, done, due, due + timedelta(minutes=minutes))
    assert due - assessed == timedelta(minutes=every)
    assert (Sign.OVERDUE in said) == (minutes >= 0)
    assert (Sign.UNTREATED in said) == (mattering and not done & ANSWERED)


def test_untreated_pain_and_an_overdue_reassessment_are_called_out(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    records.save_new(nurse, "pain_assessment", {**PAIN, "action": ["non_drug"]}, patient_id=patient)
    [found] = pain.chart(nurse.db, patient)
    assert found.asks(spec, nurse.clock(), "en") == [
        "PAIN 7/10 NOT TREATED: give the analgesia prescribed, or tell the doctor if none is"]
    assert pain.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].endswith(
        "; PAIN 7/10 NOT TREATED: give the analgesia prescribed, or tell the doctor if none is; reassess by 28/11 14:30")
    records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T13:45+01:00"}, patient_id=patient)
    latest = pain.chart(nurse.db, patient)[-1]
    assert latest.asks(spec, nurse.clock(), "en") == []
    said = "PAIN: 7/10 (Right hip, moving), Analgesia given (on the MAR) at 28/11 13:45; reassess by 28/11 14:45"
    assert pain.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: said}
    assert said in _text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert found.alerts == [] and found.next_due.isoformat() == "2026-11-28T14:45:00+01:00"
    clock.advance(minutes=50)  # 14:50
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, alert.said) for alert in found.alerts] == [
        ("pain_assessment", ["PAIN REASSESSMENT OVERDUE since 28/11 14:45"])]
    french = pain.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    assert french == ("DOULEUR : 7/10 (Right hip, moving), Antalgique donné (sur le plan d’administration) le 28/11 "
                      "13:45 ; RÉÉVALUATION DE LA DOULEUR EN RETARD depuis 28/11 14:45")


def test_each_scale_asks_its_own_score_and_only_those_who_give_care_assess(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", {**PAIN, "scale": "algoplus", "score_numeric": None},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["score_algoplus"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", {**PAIN, "score_numeric": 11}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["score_numeric"]
    records.save_new(nurse, "pain_assessment", {**PAIN, "scale": "algoplus", "score_numeric": None, "score_algoplus": 3,
                                                "action": ["declined"]}, patient_id=patient)
    [found] = pain.chart(nurse.db, patient)
    assert found.score(nurse.form("pain_assessment"), "en") == "Algoplus 3/5" and found.matters
    assert found.signs(nurse.clock()) == []  # the patient's refusal answers it; the reassessment is still due
    with pytest.raises(ServiceError, match="this patient is not in hospital at that time"):
        records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T08:00+01:00"},
                         patient_id=patient)
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "pain_assessment", PAIN, patient_id=patient)


def test_the_paper_chart_says_each_assessment_and_the_blank_is_one_page(session_for, patient, forms, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "pain_assessment", {**PAIN, "action": ["none_needed"], "notes": "Wants to wait"},
                     patient_id=patient)
    text = _text(printing.print_pain_chart(nurse, patient, tmp_path / "pain.pdf"))
    assert "Pain assessment chart" in text and "Reassess by 28/11 14:30" in text
    assert "28/11 13:30 7/10 Right hip, moving Nothing needed 1 hour Wants to wait HL PAIN 7/10 NOT TREATED" in text
    for lang, title in (("en", "Pain assessment chart (blank)"), ("fr", "Feuille d’évaluation de la douleur (vierge)")):
        blank = PdfReader(printing.blank(forms, "pain", tmp_path / f"blank-{lang}.pdf", lang=lang,
                                         printed_by=None, printed_at=nurse.clock(), device_name="3B")).pages
        assert len(blank) == 1 and title in " ".join(blank[0].extract_text().split())


def test_the_export_sends_each_assessment_as_an_observation_of_its_scale(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    scored = records.save_new(nurse, "pain_assessment", {**PAIN, "notes": "Morphine 5 mg SC"}, patient_id=patient)
    worded = records.save_new(nurse, "pain_assessment", {
        "assessed_at": "2026-11-28T13:50+01:00", "scale": "verbal", "score_verbal": "mild", "action": ["none_needed"],
        "reassess_in": "240"}, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    number = Observation.model_validate(by_id[scored.record_id])
    assert (number.code.text, number.valueInteger, number.category[0].coding[0].code) == (
        "Pain score: Number from 0 to 10 (the patient says)", 7, "survey")
    assert number.interpretation[0].text == "Moderate pain or worse"
    assert [note.text for note in number.note] == ["Where: Right hip, moving", "Done: Analgesia given (on the MAR)",
                                                   "Assess again in 1 hour", "Morphine 5 mg SC"]
    assert number.encounter is not None and number.effectiveDateTime is not None
    word = Observation.model_validate(by_id[worded.record_id])
    assert (word.valueString, word.interpretation) == ("Mild", None)


def test_a_move_a_transfer_or_a_discharge_starts_with_the_latest_pain(session_for, patient):
    """Pain left untreated at a move is the receiving team's first job: the letter says it."""
    nurse = session_for("nurse")
    assert "pain" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)
    records.save_new(nurse, "pain_assessment", {**PAIN, "action": ["non_drug"]}, patient_id=patient)
    said = ("7/10 (Right hip, moving), Position, cold or heat, reassurance at 28/11 13:30\n"
            "PAIN 7/10 NOT TREATED: give the analgesia prescribed, or tell the doctor if none is")
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["pain"] == said, form_id


def test_the_next_assessment_starts_from_the_latest_scale_and_place(session_for, patient):
    nurse = session_for("nurse")
    assert not {"scale", "where"} & prefill.first_answers(nurse, nurse.form("pain_assessment"), patient).keys()
    records.save_new(nurse, "pain_assessment", {**PAIN, "scale": "algoplus", "score_numeric": None,
                                                "score_algoplus": 3}, patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form("pain_assessment"), patient)
    assert (first["scale"], first["where"]) == ("algoplus", "Right hip, moving") and "score_algoplus" not in first


def test_a_dose_for_pain_on_the_mar_treats_the_pain_and_brings_its_reassessment_forward(session_for,
                                                                                         medication_ward, clock):
    """Pain 8/10 with only a change of position done asks for analgesia; morphine given for it on the MAR (its
    order's indication or the dose's reason says pain) answers that, and its effect is assessed 30
    minutes after the injection, sooner than the 4 hours the assessment said; a dose of another
    as-required medicine, or before the assessment, changes nothing."""
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    records.save_new(nurse, "pain_assessment", {**PAIN, "score_numeric": 8, "action": ["non_drug"], "reassess_in": "240"},
                     patient_id=patient)
    [latest] = pain.chart(nurse.db, patient)
    assert latest.asks(spec, nurse.clock(), "en") == [
        "PAIN 8/10 NOT TREATED: give the analgesia prescribed, or tell the doctor if none is"]
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": "2026-11-28T13:40+01:00",
                                             "given_for": "agitated", "dose_given": 5.0, "route": "SC"},
                           witness=("doctor", "2222"))  # its order says "pain score > 4"
    [latest] = pain.chart(nurse.db, patient)
    assert latest.asks(spec, nurse.clock(), "en") == []
    assert latest.due_at.isoformat() == "2026-11-28T14:10:00+01:00"
    assert latest.dosed("en") == ["Morphine (SC) given 28/11 13:40"]
    assert latest.what_was_done(spec, "fr") == ("Installation, froid ou chaleur, réassurance, dose de Morphine (SC) le "
                                                   "28/11 13:40")
    assert prefill.first_answers(nurse, nurse.form("transfer"), patient)["pain"].splitlines()[1] == (
        "Morphine (SC) given 28/11 13:40")
    clock.advance(minutes=15)
    assert pain.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "PAIN: 8/10 (Right hip, moving), Position, cold or heat, reassurance at 28/11 13:30; Morphine (SC) given "
        "28/11 13:40; PAIN REASSESSMENT OVERDUE "
        "since 28/11 14:10")


def test_a_dose_is_for_pain_by_its_reason_or_its_order_and_its_effect_is_assessed_by_its_route():
    assert for_pain("pain 7/10") and for_pain(None, "Douleur EVA > 3") and for_pain("antalgique")
    assert not for_pain("nausea", "vomiting") and not for_pain(None, None) and not for_pain("spain trip")
    given = datetime(2026, 11, 28, 13, tzinfo=timezone.utc)
    assert [reassess_after_dose(given, route) - given for route in ("IV", "SC", "PO", "PR")] == [
        timedelta(minutes=30), timedelta(minutes=30), timedelta(hours=1), timedelta(hours=1)]


@given(st.text(), st.text(), st.sampled_from(("pain", "Douleur", "DOULEURS", "antalgique", "analgesia", "EVA")))
def test_any_reason_naming_pain_among_other_words_is_for_pain(before, after, word):
    """Whatever the nurse typed around it (any Unicode, line breaks, other scripts), a word for
    pain makes the dose one for pain; text is read, never refused."""
    assert for_pain(f"{before} {word} {after}") and for_pain(None, f"{before}\n{word}.")
    assert isinstance(for_pain(before, after), bool)

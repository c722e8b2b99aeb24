"""The pain chart: each assessment with the scale the patient can answer (a child who cannot give
a number: the faces, FLACC or EVENDOL, whose items are added up); pain that matters with nothing
done for it and a reassessment overdue called out; the handover sheet's line, the escalation
list, the paper chart filled and blank, and each assessment in the export as an Observation."""

import json
from datetime import datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.pain import (ANSWERED, EVENDOL_ITEMS, FLACC_ITEMS, SCORED, Sign, for_pain, matters,
                                  reassess_after_dose, reassess_by, signs)
from downtime.services import cd_register, census, chart_alerts, medication, pain, prefill, printing, records
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text

PAIN = {"assessed_at": "2026-11-28T13:30+01:00", "scale": "numeric", "score_numeric": 7, "where": "Right hip, moving",
        "action": ["analgesia"], "reassess_in": "60"}
ACTIONS = ("analgesia", "non_drug", "doctor", "none_needed", "declined")
FLACC = {"assessed_at": "2026-11-28T13:30+01:00", "scale": "flacc", "flacc_face": "2", "flacc_legs": "1",
         "flacc_activity": "1", "flacc_cry": "1", "flacc_consolability": "1", "where": "Left forearm, cannula",
         "action": ["non_drug"], "reassess_in": "60"}
"""A toddler grimacing with a clenched jaw, restless, squirming, whimpering, settled by a cuddle: 6 out of 10."""


@pytest.fixture
def paediatrics(session_for):
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "5C", "Paediatrics", [str(n) for n in range(1, 9)])


@pytest.fixture
def toddler(session_for, admission_values, paediatrics):
    """A boy of two and a half admitted to bed 4 of the paediatric ward at 09:00: too young to give a number."""
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "given_names": "Tom", "sex": "male", "birth_date": "2024-05-02", "nir": None,
        "identity_status": "provisional", "identity_document": None, "weight_kg": 13.5, "height_cm": 90, "ward": "5C",
        "bed": "4", "arrival_at": "2026-11-28T09:00+01:00", "reason": "Forearm fracture"}).patient_id


@pytest.fixture
def child(session_for, admission_values, paediatrics):
    """A girl of five admitted to bed 5 of the paediatric ward at 09:00: old enough to point at a
    face, not to give a number."""
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "given_names": "Léa", "sex": "female", "birth_date": "2021-03-10", "nir": None,
        "identity_status": "provisional", "identity_document": None, "weight_kg": 18.5, "height_cm": 108, "ward": "5C",
        "bed": "5", "arrival_at": "2026-11-28T09:00+01:00", "reason": "Appendicectomy"}).patient_id


def test_pain_matters_from_4_out_of_10_a_moderate_word_or_2_on_the_algoplus_scale():
    assert [score for score in range(11) if matters({"scale": "numeric", "score_numeric": score})] == list(range(4, 11))
    assert [word for word in ("none", "mild", "moderate", "severe")
            if matters({"scale": "verbal", "score_verbal": word})] == ["moderate", "severe"]
    assert [score for score in range(6) if matters({"scale": "algoplus", "score_algoplus": score})] == [2, 3, 4, 5]
    assert [face for face in range(0, 11, 2) if matters({"scale": "faces", "score_faces": str(face)})] == [4, 6, 8, 10]
    # Each scale read alone.
    assert not matters({"scale": "numeric", "score_numeric": 3, "score_verbal": "severe", "score_algoplus": 5,
                        **dict.fromkeys(FLACC_ITEMS, "2")})
    assert not matters({"scale": "flacc", **dict.fromkeys(FLACC_ITEMS, "0"), "score_numeric": 9})


def test_a_childs_observed_items_are_added_up_each_as_the_form_scores_it_and_treated_from_4(forms):
    """FLACC's five items each 0 to 2, out of 10, and EVENDOL's five each 0 to 3, out of 15: the
    total is each item's score added up, never typed, and from 4 on either the pain is treated; the
    form's options are the scores the domain adds (the faces 0, 2 … 10)."""
    spec = forms["pain_assessment"]
    codes = {field.id: [option.code for option in field.options] for field in spec.fields()
             if field.id in {*FLACC_ITEMS, *EVENDOL_ITEMS, "score_faces"}}
    assert {codes[item] == ["0", "1", "2"] for item in FLACC_ITEMS} == {True}
    assert {codes[item] == ["0", "1", "2", "3"] for item in EVENDOL_ITEMS} == {True}
    assert codes["score_faces"] == ["0", "2", "4", "6", "8", "10"]
    assert {scale for scale, scored in SCORED.items() if scored.observed} == {"flacc", "evendol"}

    @given(st.sampled_from(("flacc", "evendol")), st.data())
    def check(scale, data):
        scored = SCORED[scale]
        scores = {item: data.draw(st.sampled_from(codes[item])) for item in scored.items}
        answers = {"scale": scale, **scores}
        total = sum(int(code) for code in scores.values())
        assert scored.total(answers) == total and total <= scored.most
        assert matters(answers) == (total >= 4)
        assert scored.said(answers, "fr") == f"{scale.upper()} {total}/{scored.most}"

    check()
    assert SCORED["flacc"].most == 5 * 2 and SCORED["evendol"].most == 5 * 3


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
    assert said in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
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
    saved = records.save_new(nurse, "pain_assessment", {**PAIN, "action": ["none_needed"], "notes": "Wants to wait"},
                             patient_id=patient)
    assert "total" not in pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "record.pdf"))  # no child's
    text = pdf_text(printing.print_pain_chart(nurse, patient, tmp_path / "pain.pdf"))
    assert "Pain assessment chart" in text and "Reassess by 28/11 14:30" in text
    assert "28/11 13:30 7/10 Right hip, moving Nothing needed 1 hour Wants to wait HL PAIN 7/10 NOT TREATED" in text
    # How to score a child who cannot give a number is on the page too, still one page.
    for lang, title, child in (
            ("en", "Pain assessment chart (blank)", "FLACC, face, legs, activity, cry, consolability each 0 to 2"),
            ("fr", "Feuille d’évaluation de la douleur (vierge)", "EVENDOL, expression vocale ou verbale, mimique")):
        blank = PdfReader(printing.blank(forms, "pain", tmp_path / f"blank-{lang}.pdf", lang=lang,
                                         printed_by=None, printed_at=nurse.clock(), device_name="3B")).pages
        page = " ".join(blank[0].extract_text().split())
        assert len(blank) == 1 and title in page and child in page


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
    assert number.interpretation[0].text == "Moderate pain or worse" and number.component is None
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
    assert for_pain(None, "si EVENDOL ≥ 4") and for_pain("FLACC 6")  # a child's scale names pain too
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


def test_a_toddlers_flacc_reads_on_its_scale_its_items_summed_and_untreated_it_is_called_out(session_for, toddler,
                                                                                           clock, tmp_path):
    """A boy of two cannot give 0 to 10: the nurse scores what she sees, item by item, and the chart
    says "FLACC 6/10" (not a bare 6, read as his own number), each item under it on paper and in
    the tooltip; 6 with only a cuddle done asks for analgesia, as 6 out of 10 does of an adult,
    in French too; the reassessment after treatment is the adult's."""
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    records.save_new(nurse, "pain_assessment", FLACC, patient_id=toddler)
    [found] = pain.chart(nurse.db, toddler)
    assert (found.score(spec, "en"), found.matters) == ("FLACC 6/10", True)
    assert found.items(spec, "en") == "Face 2, Legs 1, Activity 1, Cry 1, Consolability 1"
    assert found.items(spec, "fr") == "Visage 2, Jambes 1, Activité 1, Cris 1, Consolabilité 1"
    untreated = "PAIN FLACC 6/10 NOT TREATED: give the analgesia prescribed, or tell the doctor if none is"
    assert found.asks(spec, nurse.clock(), "en") == [untreated]
    assert pain.handover(nurse.db, nurse.forms, [toddler], nurse.clock(), "en") == {toddler: (
        f"PAIN: FLACC 6/10 (Left forearm, cannula), Position, cold or heat, reassurance at 28/11 13:30; {untreated}; "
        "reassess by 28/11 14:30")}
    assert pain.handover(nurse.db, nurse.forms, [toddler], nurse.clock(), "fr")[toddler] == (
        "DOULEUR : FLACC 6/10 (Left forearm, cannula), Installation, froid ou chaleur, réassurance le 28/11 13:30 ; "
        "DOULEUR FLACC 6/10 NON TRAITÉE : donner l’antalgique prescrit, ou prévenir le médecin s’il n’y en a pas ; "
        "à réévaluer avant 28/11 14:30")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "5C", nurse.clock())
    found_alerts = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="5C")
    assert [alert.said for alert in found_alerts.alerts if alert.form_id == "pain_assessment"] == [[untreated]]
    assert prefill.first_answers(nurse, nurse.form("transfer"), toddler)["pain"] == (
        f"FLACC 6/10 (Left forearm, cannula), Position, cold or heat, reassurance at 28/11 13:30\n{untreated}")
    assert ("28/11 13:30 FLACC 6/10 Face 2, Legs 1, Activity 1, Cry 1, Consolability 1 Left forearm, cannula "
            "Position, cold or heat, reassurance 1 hour HL PAIN FLACC 6/10 NOT TREATED") in pdf_text(
        printing.print_pain_chart(nurse, toddler, tmp_path / "pain.pdf"))
    # The record printed says its total as the form showed it.
    assert ("FLACC total 6 — MODERATE PAIN: give the analgesia prescribed, or tell the doctor if none is" in pdf_text(
        printing.print_record(nurse, found.record.record_id, tmp_path / "record.pdf")))
    # Paracetamol given 30 minutes on: scored again an hour after, as any tablet.
    records.save_new(nurse, "pain_assessment", {**FLACC, "assessed_at": "2026-11-28T14:00+01:00",
                                                "action": ["analgesia"]}, patient_id=toddler)
    latest = pain.chart(nurse.db, toddler)[-1]
    assert latest.asks(spec, nurse.clock(), "en") == [] and latest.due_at.isoformat() == "2026-11-28T15:00:00+01:00"
    clock.advance(hours=1, minutes=1)
    assert latest.asks(spec, nurse.clock(), "en") == ["PAIN REASSESSMENT OVERDUE since 28/11 15:00"]


@pytest.mark.parametrize(("answers", "score", "matters"), [
    ({"scale": "faces", "score_faces": "4"}, "Faces 4/10", True),
    ({"scale": "faces", "score_faces": "2"}, "Faces 2/10", False),
    ({"scale": "evendol", **dict.fromkeys(EVENDOL_ITEMS, "0"), "evendol_voice": "3", "evendol_face": "1"},
     "EVENDOL 4/15", True),
    ({"scale": "evendol", **dict.fromkeys(EVENDOL_ITEMS, "1"), "evendol_relation": "0"}, "EVENDOL 4/15", True),
    ({"scale": "evendol", **dict.fromkeys(EVENDOL_ITEMS, "0"), "evendol_positions": "3"}, "EVENDOL 3/15", False),
    ({"scale": "flacc", **dict.fromkeys(FLACC_ITEMS, "0"), "flacc_cry": "2", "flacc_legs": "1"}, "FLACC 3/10", False),
])
def test_a_childs_face_or_evendol_reads_on_its_scale_and_asks_for_treatment_from_4(session_for, child, answers,
                                                                                   score, matters):
    """A child who points at the fourth face is treated, one at the second is not; EVENDOL from 4
    out of 15 (its authors' threshold, in whichever items), FLACC 3 is mild discomfort."""
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    records.save_new(nurse, "pain_assessment", {**FLACC, **answers}, patient_id=child)
    [found] = pain.chart(nurse.db, child)
    assert (found.score(spec, "en"), found.matters) == (score, matters)
    assert found.score(spec, "fr") == score.replace("Faces", "Visages")
    assert found.asks(spec, nurse.clock(), "en") == (
        [f"PAIN {score} NOT TREATED: give the analgesia prescribed, or tell the doctor if none is"] if matters else [])


def test_a_childs_scale_asks_each_of_its_items_and_only_its_scores(session_for, toddler):
    nurse = session_for("nurse")
    observed = {key: value for key, value in FLACC.items() if key != "flacc_consolability"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", observed, patient_id=toddler)
    assert [error.path for error in refused.value.errors] == ["flacc_consolability"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", {**FLACC, "flacc_face": "3"}, patient_id=toddler)
    assert [error.path for error in refused.value.errors] == ["flacc_face"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", {**FLACC, "scale": "faces", "score_faces": "5"}, patient_id=toddler)
    assert [error.path for error in refused.value.errors] == ["score_faces"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", {**FLACC, "scale": "evendol"}, patient_id=toddler)
    assert [error.path for error in refused.value.errors] == list(EVENDOL_ITEMS)


def test_the_blank_form_prints_each_childs_item_with_its_published_words(blank_pages):
    english, french = " ".join(blank_pages("pain_assessment", "en")), " ".join(blank_pages("pain_assessment", "fr"))
    for words in ("FLACC: face", "2 Frequent to constant frown, clenched jaw, quivering chin",
                  "2 Kicking, or legs drawn up",
                  "1 Reassured by occasional touching, hugging or being talked to, distractible",
                  "EVENDOL: relation with those around", "3 Strong or almost all the time", "10 (last face: very"):
        assert words in english, words
    for words in ("FLACC : visage", "2 Froncements fréquents à permanents des sourcils, mâchoires serrées, tremblement "
                  "du menton", "2 Arc-bouté, figé ou sursaute", "EVENDOL : mimique",
                  "2 Signe moyen ou environ la moitié du temps", "0 (1er visage : pas mal du tout)"):
        assert words in french, words


def test_the_export_sends_a_childs_total_with_each_item_and_a_face_as_its_score(session_for, child,
                                                                                exported_resource):
    """The EHR receives the FLACC total added up, never a bare number it would file as 0 to 10 said
    by the child, and each item as a component; EVENDOL's pain to treat said as such."""
    nurse = session_for("nurse")
    flacc = records.save_new(nurse, "pain_assessment", FLACC, patient_id=child)
    evendol = records.save_new(nurse, "pain_assessment", {
        **FLACC, "assessed_at": "2026-11-28T13:40+01:00", "scale": "evendol", **dict.fromkeys(EVENDOL_ITEMS, "1")},
        patient_id=child)
    faces = records.save_new(nurse, "pain_assessment", {
        **FLACC, "assessed_at": "2026-11-28T13:50+01:00", "scale": "faces", "score_faces": "2",
        "action": ["none_needed"]}, patient_id=child)
    observed = exported_resource(flacc.record_id, Observation)
    assert (observed.code.text, observed.valueInteger, observed.interpretation[0].text) == (
        "Pain score: FLACC 0 to 10 (a child from 2 months to 7 years, or who cannot say)", 6, "Moderate pain or worse")
    assert [(part.code.text, part.valueInteger) for part in observed.component] == [
        ("Face", 2), ("Legs", 1), ("Activity", 1), ("Cry", 1), ("Consolability", 1)]
    assert [note.text for note in observed.note][:2] == ["Where: Left forearm, cannula",
                                                         "Done: Position, cold or heat, reassurance"]
    observed = exported_resource(evendol.record_id, Observation)
    assert (observed.valueInteger, observed.interpretation[0].text, len(observed.component)) == (
        5, "Pain to treat (EVENDOL 4 or more out of 15)", 5)
    observed = exported_resource(faces.record_id, Observation)
    assert (observed.code.text, observed.valueInteger, observed.interpretation, observed.component) == (
        "Pain score: Faces 0 to 10 (a child from about 4 points)", 2, None, None)


def test_a_young_child_is_scored_on_a_scale_their_age_can_answer(session_for, toddler, child):
    """A number or a word from 6, a face from 4, Algoplus for adults: a toddler of two is observed
    (FLACC, EVENDOL), a girl of five points at a face."""
    nurse = session_for("nurse")
    settled = {**PAIN, "action": ["none_needed"]}
    for answers in ({"scale": "numeric", "score_numeric": 0}, {"scale": "verbal", "score_verbal": "none"},
                    {"scale": "faces", "score_faces": "0"}, {"scale": "algoplus", "score_algoplus": 0}):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, "pain_assessment", {**settled, **answers}, patient_id=toddler)
        assert [error.path for error in refused.value.errors] == ["scale"], answers
    assert refused.value.errors[0].message == (
        "“Scale”: “Algoplus 0 to 5 (the patient cannot say)” is used from 18 years of age; this patient is younger: "
        "observe the child's pain on FLACC or EVENDOL.")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", "fr"), "pain_assessment", settled, patient_id=child)
    assert refused.value.errors[0].message == (
        "« Échelle » : « Échelle numérique de 0 à 10 (le patient dit) » s’utilise à partir de 6 ans ; ce patient est "
        "plus jeune : observer la douleur de l’enfant avec la FLACC ou l’EVENDOL.")
    records.save_new(nurse, "pain_assessment", {**settled, "scale": "faces", "score_faces": "2"}, patient_id=child)
    records.save_new(nurse, "pain_assessment", {**FLACC, "action": ["none_needed"]}, patient_id=toddler)

"""Doses for pain and the pain chart: each dose's effect assessed by its own time (a tablet after an
injection does not put off the injection's; a dose given just before the assessment it was given
for, or to a patient whose pain was never assessed, still asks for it), the French and English
scales' abbreviations read as pain, the save refusing analgesia left unassessed for hours (not
when typed from the paper chart) or a young child scored on a scale they cannot answer, and the
sedation and breathing that stop the opioid, asked at every line and standing until cleared."""

from datetime import datetime

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st

from downtime.domain.pain import Sign, for_pain, opioid
from downtime.services import cd_register, census, chart_alerts, medication, pain, printing, records
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text

PAIN = {"assessed_at": "2026-11-28T13:30+01:00", "scale": "numeric", "score_numeric": 8, "where": "Right hip, moving",
        "action": ["non_drug"], "reassess_in": "240"}


def _morphine(nurse, order, given_at, given_for="pain 8/10"):
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": given_at, "given_for": given_for,
                                          "dose_given": 5.0, "route": "SC"}, witness=("doctor", "2222"))


def _alerts(nurse, at):
    """The escalation list's pain alerts (the patient's VTE risk is not assessed either), and
    when it is read again."""
    inside = census.in_patients(nurse.db, nurse.forms, "3B", at)
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, at, "en", ward="3B")
    return [(alert.latest, alert.said) for alert in found.alerts if alert.form_id == pain.FORM], found.next_due


def _order(doctor, patient, drug, route, indication, unit="g"):
    return records.save_new(doctor, "medication_order", {
        "drug": drug, "dose": 1.0, "dose_unit": unit, "route": route, "frequency": "prn", "prn_indication": indication,
        "min_interval_hours": 6, "max_doses_24h": 4, "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id


def test_a_tablet_after_an_injection_does_not_put_off_the_injections_reassessment(session_for, medication_ward):
    """8/10 at 13:30; morphine SC at 13:40 (effect due 14:10), paracetamol PO at 13:45 (14:45):
    the injection's falls due first."""
    patient, _, morphine = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    paracetamol = _order(doctor, patient, "Paracetamol", "PO", "pain")
    records.save_new(nurse, "pain_assessment", PAIN, patient_id=patient)
    _morphine(nurse, morphine, "2026-11-28T13:40+01:00")
    medication.record_dose(nurse, paracetamol, {"outcome": "given", "given_at": "2026-11-28T13:45+01:00",
                                                "given_for": "pain 8/10", "dose_given": 1.0, "route": "PO"})
    [latest] = pain.chart(nurse.db, patient)
    assert latest.dosed("en") == ["Morphine (SC) given 28/11 13:40", "Paracetamol (PO) given 28/11 13:45"]
    assert latest.due_at.isoformat() == "2026-11-28T14:10:00+01:00"


def test_a_dose_given_just_before_the_assessment_still_has_its_effect_assessed(session_for, medication_ward):
    """Morphine SC at 13:25 for the 8/10 charted at 13:30: that assessment cannot tell its effect,
    so the reassessment falls due at 13:55; a dose given hours before is the past the 13:30
    assessment already tells."""
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    _morphine(nurse, morphine, "2026-11-28T08:00+01:00")
    _morphine(nurse, morphine, "2026-11-28T13:25+01:00")
    records.save_new(nurse, "pain_assessment", {**PAIN, "action": ["analgesia"], "reassess_in": "30"},
                     patient_id=patient)
    [latest] = pain.chart(nurse.db, patient)
    assert latest.dosed("en") == ["Morphine (SC) given 28/11 13:25"]
    assert latest.due_at.isoformat() == "2026-11-28T13:55:00+01:00"
    assert latest.what_was_done(spec, "en") == "Analgesia given (on the MAR), Morphine (SC) given 28/11 13:25"


def test_a_dose_for_pain_with_no_assessment_asks_for_one_by_its_effect(session_for, medication_ward, clock):
    """Morphine given for pain to a patient whose pain was never assessed: the handover sheet, the
    escalation list and the letter say so, and its reassessment falls overdue 30 minutes on."""
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    _morphine(nurse, morphine, "2026-11-28T13:45+01:00")
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "en") == {patient: (
        "PAIN: not assessed; Morphine (SC) given 28/11 13:45; reassess by 28/11 14:15")}
    said, next_due = _alerts(nurse, clock())
    assert said == [] and next_due.isoformat() == "2026-11-28T14:15:00+01:00"
    clock.advance(minutes=20)  # 14:20
    assert _alerts(nurse, clock())[0] == [("Pain not assessed", ["PAIN REASSESSMENT OVERDUE since 28/11 14:15"])]
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "fr") == {patient: (
        "DOULEUR : non évaluée ; dose de Morphine (SC) le 28/11 13:45 ; RÉÉVALUATION DE LA DOULEUR EN RETARD depuis "
        "28/11 14:15")}
    assert pain.handed_on(nurse.db, nurse.forms, patient, clock(), "en") == [
        "Pain not assessed", "Morphine (SC) given 28/11 13:45"]
    records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T14:20+01:00", "score_numeric": 3},
                     patient_id=patient)
    assert _alerts(nurse, clock())[0] == []


def test_a_dose_for_another_reason_asks_for_no_pain_assessment(session_for, medication_ward, clock):
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    ondansetron = _order(doctor, patient, "Ondansetron", "IV", "si nausées, à donner en 2 prises", unit="mg")
    medication.record_dose(nurse, ondansetron, {"outcome": "given", "given_at": "2026-11-28T13:00+01:00",
                                                "given_for": "nausées", "dose_given": 1.0, "route": "IV"})
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "en") == {}
    assert pain.unassessed(nurse.db, patient) is None


@pytest.mark.parametrize(("indication", "given_for"), [
    ("si EN > 3", "EN 8"), ("NRS > 4", "NRS 8/10"), ("si besoin", "EN à 7"), ("si mal de tête", "mal de tête"),
    ("si besoin", "lombalgie"), ("if needed", "backache"), ("if needed", "sciatica")],
    ids=["French numeric scale", "English numeric rating scale", "EN à 7", "headache in French", "lumbago",
         "backache", "sciatica"])
def test_morphine_for_a_number_scale_score_is_a_dose_for_pain(session_for, medication_ward, clock, indication,
                                                              given_for):
    """An order "si EN > 3" (échelle numérique) or "NRS > 4", a dose given for "EN 8" or "NRS 8/10",
    "EN à 7", a headache, a backache: the pain is treated and its effect assessed 30 minutes after
    the injection (an English score, or a backache, left the 8/10 NOT TREATED, its effect never
    asked)."""
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": indication, "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient).record_id
    records.save_new(nurse, "pain_assessment", PAIN, patient_id=patient)
    _morphine(nurse, order, "2026-11-28T13:40+01:00", given_for=given_for)
    said = pain.handover(nurse.db, nurse.forms, [patient], clock(), "en")[patient]
    assert "NOT TREATED" not in said and said.endswith("; Morphine (SC) given 28/11 13:40; reassess by 28/11 14:10")


def test_the_french_scales_abbreviations_with_a_score_and_headaches_are_pain():
    assert for_pain("si EN > 3") and for_pain("EN 8") and for_pain("EN>=4") and for_pain("EVS: 2")
    assert for_pain("ENS ≥ 4") and for_pain("céphalées") and for_pain("Headache") and for_pain(None, "si EVA > 3")
    assert not for_pain("en cas de nausées") and not for_pain("EN") and not for_pain("à donner en 2 prises")
    assert not for_pain("en 30 min", "passer en 1h")


def test_the_english_scales_abbreviations_with_a_score_are_pain():
    """"NRS 8/10" (numeric rating scale), "VAS 6" (visual analogue), "VRS 2" (verbal rating): a
    dose given for them was no dose for pain, its effect never asked, the 8/10 left NOT TREATED;
    "vas" alone is French ("tu vas mieux")."""
    assert for_pain("NRS 8/10") and for_pain(None, "NRS > 4") and for_pain("VAS 6") and for_pain("vrs: 2")
    assert not for_pain("tu vas mieux") and not for_pain("NRS") and not for_pain("vas 2 fois par jour")


PAIN_PHRASES = ("si mal de tête", "Maux de tête", "mal a la tete", "mal au ventre", "mal au dos", "mal à l’oreille",
                "mal aux dents", "migraine", "Migraines", "lombalgie", "Névralgie", "algies", "patient algique",
                "fibromyalgia", "sciatica", "sciatique", "antidouleur", "backache", "stomach ache", "earache",
                "Toothache", "aching joints")
PAIN_SAID = (*PAIN_PHRASES, "EN à 7", "si EN > ou = 4", "si EN sup à 3", "EN 7,5", "EN 8, puis réévaluer")
NOT_PAIN_SAID = ("si mal de mer", "mal des transports", "mal au cœur", "dort mal", "si mal toléré", "nostalgie",
                 "nostalgia", "moustache", "une tache", "teaching", "il en a 2", "en 30 mn", "passer en 2h30",
                 "en 1,5 h", "en 3 jours", "à répartir en 2 doses", "en 2 comprimés", "si T > 38,5")


@pytest.mark.parametrize("said", PAIN_SAID)
def test_a_headache_a_backache_an_algia_or_a_number_after_en_is_pain(said):
    """A dose given "si mal de tête", for "backache" or "EN à 7" was no dose for pain: its effect
    was never asked, and an injection's reassessment was left at the hour."""
    assert for_pain(said) and for_pain(None, said)


@pytest.mark.parametrize("said", NOT_PAIN_SAID)
def test_seasickness_nausea_ordinary_words_and_a_length_of_time_are_not_pain(said):
    """"Mal au cœur" is nausea, "mal de mer" seasickness; "nostalgie" is no algia; "en" before a
    length of time or a count of doses is the French word."""
    assert not for_pain(said)


@given(st.text(), st.text(), st.sampled_from(PAIN_PHRASES))
def test_a_phrase_for_pain_among_any_other_text_is_pain(before, after, said):
    """Read as a word or a phrase whatever the nurse typed around it; text is read, never refused."""
    assert for_pain(f"{before} {said} {after}") and for_pain(None, f"{before}\n{said}.")


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",))),
       st.text(alphabet=st.characters(blacklist_categories=("Nd",))), st.integers(0, 10))
def test_en_is_pain_only_with_a_score_after_it(before, after, score):
    """Whatever surrounds it, "EN" alone adds nothing (a French word), "EN" and a score makes the
    dose one for pain; text is read, never refused."""
    assert for_pain(f"{before} EN {after}") == for_pain(f"{before} {after}")
    assert for_pain(f"{before} EN {score}") and for_pain(None, f"{before}\nsi EN > {score}")


def test_analgesia_given_is_assessed_again_within_the_hour_and_30_minutes_after_an_injection(
        session_for, medication_ward):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    given = {**PAIN, "action": ["analgesia"]}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", {**given, "reassess_in": "720"}, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("reassess_in", "“Assess again in”: analgesia given has its effect assessed within the hour: choose 1 hour "
                        "or less.")]
    kept = records.save_new(nurse, "pain_assessment", {**given, "reassess_in": "60"}, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(nurse, kept.record_id, {**kept.data, "reassess_in": "240"}, "Settled")
    _morphine(nurse, morphine, "2026-11-28T13:50+01:00")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", "fr"), "pain_assessment",
                         {**given, "assessed_at": "2026-11-28T13:55+01:00"}, patient_id=patient)
    assert [error.message for error in refused.value.errors] == [
        ("« Réévaluer dans » : l’effet d’un antalgique donné se réévalue 30 minutes après une injection : choisir "
         "30 minutes ou moins.")]
    records.save_new(nurse, "pain_assessment", {**given, "assessed_at": "2026-11-28T13:55+01:00", "reassess_in": "30"},
                     patient_id=patient)


def test_sedation_from_2_or_breathing_under_10_with_analgesia_stops_the_opioid(session_for, medication_ward, clock,
                                                                               tmp_path):
    """With analgesia given the form asks the sedation score and the breathing rate an opioid can
    lower; drowsy most of the time or under 10 breaths a minute is called out first, on the tab,
    the escalation list, the handover sheet and the paper chart."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    given = {**PAIN, "score_numeric": 3, "action": ["analgesia"], "reassess_in": "60"}
    records.save_new(nurse, "pain_assessment", {**given, "sedation": "1", "breathing_rate": 12}, patient_id=patient)
    [latest] = pain.chart(nurse.db, patient)
    assert latest.asks(spec, clock(), "en") == []
    assert latest.what_was_done(spec, "en") == "Analgesia given (on the MAR), sedation 1/3, breathing 12/min"
    records.save_new(nurse, "pain_assessment", {**given, "assessed_at": "2026-11-28T13:50+01:00", "sedation": "2",
                                                "breathing_rate": 8}, patient_id=patient)
    stop = "SEDATION 2/3, BREATHING 8/min: stop the opioid, call the doctor, naloxone as prescribed"
    assert pain.chart(nurse.db, patient)[-1].asks(spec, clock(), "en") == [stop]
    assert _alerts(nurse, clock())[0] == [
        ("3/10 (Right hip, moving), Analgesia given (on the MAR) 28/11 13:50", [stop])]
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "fr")[patient] == (
        "DOULEUR : 3/10 (Right hip, moving), Antalgique donné (sur le plan d’administration) le 28/11 13:50 ; SÉDATION "
        "2/3, FRÉQUENCE RESPIRATOIRE 8/min : arrêter l’opioïde, appeler le médecin, naloxone selon la prescription ; "
        "à réévaluer avant 28/11 14:50")
    assert stop in pdf_text(printing.print_pain_chart(nurse, patient, tmp_path / "pain.pdf"))
    records.save_new(nurse, "pain_assessment", {**given, "assessed_at": "2026-11-28T13:55+01:00", "sedation": "0",
                                                "breathing_rate": 9}, patient_id=patient)
    assert pain.chart(nurse.db, patient)[-1].asks(spec, clock(), "en") == [
        "BREATHING 9/min: stop the opioid, call the doctor, naloxone as prescribed"]


def test_sedation_is_scored_at_the_reassessment_after_an_opioid_whatever_was_done(session_for, medication_ward,
                                                                                   clock):
    """Morphine SC at 13:30; at 14:00 the pain is 2/10, nothing more needed, but the patient wakes
    only to touch, breathing 7 a minute: the drowsiness an opioid brings 30 to 60 minutes on.
    Version 2 asked both only with analgesia ticked, and dropped them from this line on save."""
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    _morphine(nurse, morphine, "2026-11-28T13:30+01:00")
    saved = records.save_new(nurse, "pain_assessment", {
        **PAIN, "assessed_at": "2026-11-28T14:00+01:00", "score_numeric": 2, "action": ["none_needed"],
        "sedation": "3", "breathing_rate": 7}, patient_id=patient)
    assert (saved.data.get("sedation"), saved.data.get("breathing_rate")) == ("3", 7)
    assert pain.latest(nurse.db, patient).asks(nurse.form("pain_assessment"), clock(), "en") == [
        "SEDATION 3/3, BREATHING 7/min: stop the opioid, call the doctor, naloxone as prescribed"]


def test_a_stop_the_opioid_finding_stands_until_a_later_line_finds_both_within_limits(session_for, medication_ward,
                                                                                       clock, tmp_path):
    """13:30: sedation 2, breathing 8. 13:40: pain 3/10 charted by another nurse, sedation not
    scored; 13:50: sedation 1, breathing not counted: neither says the patient is out of danger,
    and the alarm stays on the tab, the handover sheet, the escalation list and the paper chart,
    with the time it was found. 13:55: sedation 1 and breathing 12 clear it."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    records.save_new(nurse, "pain_assessment", {**PAIN, "action": ["analgesia"], "reassess_in": "30", "sedation": "2",
                                                "breathing_rate": 8}, patient_id=patient)
    records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T13:40+01:00", "score_numeric": 3},
                     patient_id=patient)
    stop = ("SEDATION 2/3, BREATHING 8/min at 28/11 13:30: stop the opioid, call the doctor, naloxone as "
            "prescribed")
    assert pain.latest(nurse.db, patient).asks(spec, clock(), "en") == [stop]
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "fr")[patient].split(" ; ")[1] == (
        "SÉDATION 2/3, FRÉQUENCE RESPIRATOIRE 8/min le 28/11 13:30 : arrêter l’opioïde, appeler le médecin, "
        "naloxone selon la prescription")
    records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T13:50+01:00", "score_numeric": 3,
                                                "sedation": "1"}, patient_id=patient)
    assert _alerts(nurse, clock())[0] == [
        ("3/10 (Right hip, moving), Position, cold or heat, reassurance 28/11 13:50", [stop])]
    assert stop in pdf_text(printing.print_pain_chart(nurse, patient, tmp_path / "pain.pdf"))
    found = pain.stopped_opioid(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-28T13:52+01:00"))
    assert (found.text("en"), f"{found.assessed_at:%H:%M}") == ("SEDATION 2/3, BREATHING 8/min", "13:30")
    assert pain.stopped_opioid(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-28T13:20+01:00")) is None
    records.save_new(nurse, "pain_assessment", {**PAIN, "assessed_at": "2026-11-28T13:55+01:00", "score_numeric": 3,
                                                "sedation": "1", "breathing_rate": 12}, patient_id=patient)
    assert pain.latest(nurse.db, patient).asks(spec, clock(), "en") == []
    assert pain.stopped_opioid(nurse.db, nurse.forms, patient, clock()) is None


def test_an_opioid_is_told_by_its_medicine_however_written():
    """What a dose questioned by a finding that stops the opioid is: the opioid alone, a brand, or
    a combination holding one (codeine, tramadol, opium); never paracetamol, nefopam or naloxone."""
    assert [drug for drug in ("Morphine", "Oramorph", "OxyNorm 5 mg", "Co-codamol 30/500", "Topalgic", "Lamaline",
                              "Fentanyl patch", "Codéine", "Paracetamol", "Nefopam", "Naloxone", "Ibuprofen")
            if opioid(drug)] == ["Morphine", "Oramorph", "OxyNorm 5 mg", "Co-codamol 30/500", "Topalgic", "Lamaline",
                                 "Fentanyl patch", "Codéine"]


def test_the_blank_form_asks_sedation_and_breathing_and_stays_two_pages(blank_pages, forms):
    """Version 3 asks both on every line, never required: a record of version 1, which has neither,
    or of version 2, which has them with analgesia given, reads as before."""
    english, french = blank_pages("pain_assessment", "en"), blank_pages("pain_assessment", "fr")
    assert (len(english), len(french)) == (2, 2)
    assert "3 Drowsy most of the time, woken only by touch" in english[1] and "Breathing rate" in english[1]
    assert "2 Somnolent le plus souvent, éveillable à la voix" in french[1] and "Fréquence respiratoire" in french[1]
    spec = forms["pain_assessment"]
    assert spec.version == 3 and [(field.required, field.relevant) for field in (
        spec.field("sedation"), spec.field("breathing_rate"))] == [(False, None), (False, None)]


def test_the_paper_chart_has_columns_for_sedation_and_breathing_and_says_when_to_stop(session_for, medication_ward,
                                                                                       blank_pages, tmp_path):
    """On paper (the laptop away) the opioid watch had no column, and the guide said nothing of it:
    the filled chart folded them into "What was done"."""
    for lang, headings, guide in (
            ("en", "What was done Sedation 0–3 Breaths /min Again in",
             "Sedation 2 or more, or breathing under 10 a minute (under 20 before 1 year, under 15 from 1 to 5 "
             "years): stop the opioid, call the doctor, naloxone as prescribed, until a later line finds sedation "
             "under 2 and breathing at that limit or more."),
            ("fr", "Ce qui a été fait Sédation 0–3 FR /min Réévaluer dans",
             "Sédation 2 ou plus, ou FR sous 10 par minute (sous 20 avant 1 an, sous 15 de 1 à 5 ans) : arrêter "
             "l’opioïde, appeler le médecin, naloxone selon la prescription")):
        [page] = blank_pages("pain", lang)
        assert headings in page and guide in page
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    records.save_new(nurse, "pain_assessment", {**PAIN, "score_numeric": 3, "action": ["analgesia"],
                                                "reassess_in": "60", "sedation": "2", "breathing_rate": 8},
                     patient_id=patient)
    assert ("28/11 13:30 3/10 Right hip, moving Analgesia given (on the MAR) 2 8 1 hour" in
            pdf_text(printing.print_pain_chart(nurse, patient, tmp_path / "pain.pdf")))


def test_a_paper_line_typed_after_its_wait_is_saved_as_written(session_for, medication_ward, clock, tmp_path):
    """The night's paper chart says 02:00 pain 5/10, analgesia given, again in 4 hours (asleep):
    typed at 14:00, it was refused, and the clerk had to type a plan nobody made. Ticked as typed
    from the paper chart, it is kept as written, and the tab and the printed chart say it came from
    paper. A paper line typed while its reassessment is still to come is held to the rule."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    written = {**PAIN, "score_numeric": 5, "action": ["analgesia"], "reassess_in": "240", "transcribed": True}
    saved = records.save_new(nurse, "pain_assessment", {**written, "assessed_at": "2026-11-28T02:00+01:00"},
                             patient_id=patient)
    assert saved.data["reassess_in"] == "240"
    [line] = pain.chart(nurse.db, patient)
    assert (line.when("en"), line.when("fr")) == ("28/11 02:00 (from paper)", "28/11 02:00 (du papier)")
    assert "28/11 02:00 (from paper) 5/10" in pdf_text(printing.print_pain_chart(nurse, patient, tmp_path / "pain.pdf"))
    with pytest.raises(ValidationFailed):
        records.save_new(nurse, "pain_assessment", {**written, "assessed_at": "2026-11-28T13:30+01:00"},
                         patient_id=patient)


@pytest.mark.parametrize("lang, said, rule", [
    ("en", [("reassess_in", "“Assess again in”: analgesia given has its effect assessed within the hour: choose 1 hour "
                            "or less; if this line is typed from the paper chart, answer Yes to “Typed from the paper "
                            "chart” to keep the plan as written."),
            ("transcribed", "“Typed from the paper chart”: answer Yes if this line is typed from the paper chart: its "
                            "plan, whose time is past, is kept as written.")],
     "“Assess again in”: analgesia given has its effect assessed within the hour: choose 1 hour or less."),
    ("fr", [("reassess_in", "« Réévaluer dans » : l’effet d’un antalgique donné se réévalue dans l’heure : choisir "
                            "1 heure ou moins ; si cette ligne est retranscrite depuis la feuille papier, répondre Oui à "
                            "« Retranscrit depuis la feuille de douleur papier » pour garder le plan écrit."),
            ("transcribed", "« Retranscrit depuis la feuille de douleur papier » : répondre Oui si cette ligne est "
                            "retranscrite depuis la feuille papier : son plan, dont l’heure est passée, est gardé tel "
                            "qu’écrit.")],
     "« Réévaluer dans » : l’effet d’un antalgique donné se réévalue dans l’heure : choisir 1 heure ou moins.")],
    ids=["en", "fr"])
def test_a_late_paper_line_typed_without_the_paper_answer_is_refused_naming_it(session_for, medication_ward, clock,
                                                                               lang, said, rule):
    """At 14:00 the clerk types the night's paper line, 02:00 analgesia given, again in 4 hours,
    not knowing of "Typed from the paper chart": told only to choose 1 hour or less, she typed a
    plan nobody made. The refusal names the answer that keeps the plan, on that answer too, while
    it is left blank. Answered No, a line whose wait is still to come, or an amendment (which
    cannot give the answer) is told the rule alone: the nurse typing her round late, her true No
    marked wrong and told to answer Yes, ticked Yes and the analgesia's effect went unasked."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse", lang)
    night = {**PAIN, "assessed_at": "2026-11-28T02:00+01:00", "score_numeric": 5, "action": ["analgesia"],
             "reassess_in": "240"}
    for answer, errors in (({}, said), ({"transcribed": None}, said),
                           ({"transcribed": False}, [("reassess_in", rule)])):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, "pain_assessment", {**night, **answer}, patient_id=patient)
        assert [(error.path, error.message) for error in refused.value.errors] == errors, answer
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "pain_assessment", {**night, "assessed_at": "2026-11-28T13:30+01:00"},
                         patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [("reassess_in", rule)]
    line = records.save_new(nurse, "pain_assessment", {**night, "assessed_at": "2026-11-28T13:30+01:00",
                                                       "reassess_in": "60"}, patient_id=patient)
    clock.now = clock.now.replace(hour=14, minute=45)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, line.record_id, {**line.data, "reassess_in": "240"}, "asleep")
    assert [(error.path, error.message) for error in refused.value.errors] == [("reassess_in", rule)]
    saved = records.save_new(nurse, "pain_assessment", {**night, "transcribed": True}, patient_id=patient)
    assert saved.data["reassess_in"] == "240"


def test_a_live_line_typed_an_hour_late_still_has_the_analgesias_effect_asked(session_for, patient, clock):
    """12:55, oral analgesia given for 8/10, the line typed at the bedside at 14:00 with "again in
    4 hours" picked by mistake: saved, the treated 8/10 was never reassessed for its effect, and
    nothing was overdue. Only a line typed from the paper chart keeps its plan."""
    nurse = session_for("nurse")
    late = {**PAIN, "assessed_at": "2026-11-28T12:55+01:00", "score_numeric": 8, "action": ["analgesia"],
            "reassess_in": "240"}
    with pytest.raises(ValidationFailed, match="analgesia given has its effect assessed within the hour"):
        records.save_new(nurse, "pain_assessment", late, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.save_new(nurse, "pain_assessment", {**late, "transcribed": False}, patient_id=patient)
    assert pain.chart(nurse.db, patient) == []


def test_a_live_lines_plan_is_not_stretched_by_amending_it_once_the_wait_is_over(session_for, patient, clock):
    """13:30, 8/10, analgesia given, again in 1 hour, typed at 14:00. At 14:45 the reassessment is
    overdue: amending "Again in" to 4 hours took the overdue alarm off the chart. Nor may the line
    be re-marked as typed from paper to keep the stretched plan."""
    nurse = session_for("nurse")
    line = records.save_new(nurse, "pain_assessment", {**PAIN, "action": ["analgesia"], "reassess_in": "60"},
                            patient_id=patient)
    clock.now = clock.now.replace(hour=14, minute=45)
    with pytest.raises(ValidationFailed, match="analgesia given has its effect assessed within the hour"):
        records.amend(nurse, line.record_id, {**line.data, "reassess_in": "240"}, "asleep")
    with pytest.raises(ValidationFailed, match="“Typed from the paper chart”: says whether the line was typed"):
        records.amend(nurse, line.record_id, {**line.data, "transcribed": True}, "from paper")
    [latest] = pain.chart(nurse.db, patient)
    assert latest.signs(clock()) == [Sign.OVERDUE] and latest.when("en") == "28/11 13:30"


def test_the_export_sends_the_sedation_and_breathing_rate(session_for, patient, exported_resource):
    assessed = records.save_new(session_for("nurse"), "pain_assessment", {
        "assessed_at": "2026-11-28T13:30+01:00", "scale": "numeric", "score_numeric": 3, "action": ["analgesia"],
        "reassess_in": "60", "sedation": "2", "breathing_rate": 8}, patient_id=patient)
    notes = [note.text for note in exported_resource(assessed.record_id, Observation).note]
    assert "Sedation score: 2 Drowsy most of the time, woken by voice" in notes and "Breathing rate: 8/min" in notes


def test_a_dose_for_pain_of_a_stay_that_ended_asks_nothing_of_the_next(session_for, medication_ward, clock,
                                                                      admission_values):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    _morphine(nurse, morphine, "2026-11-28T12:45+01:00")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    assert pain.unassessed(nurse.db, patient) is not None
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:30+01:00", "bed": "5"},
                     patient_id=patient)
    assert pain.handover(nurse.db, nurse.forms, [patient], clock(), "en") == {}
    assert pain.unassessed(nurse.db, patient) is None

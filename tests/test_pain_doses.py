"""Doses for pain and the pain chart: each dose's effect assessed by its own time (a tablet after an
injection does not put off the injection's; a dose given just before the assessment it was given
for, or to a patient whose pain was never assessed, still asks for it), the French scales'
abbreviations read as pain, and the save refusing analgesia left unassessed for hours or a young
child scored on a scale they cannot answer."""

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st

from downtime.domain.pain import for_pain
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


def test_morphine_for_a_french_number_scale_score_is_a_dose_for_pain(session_for, medication_ward, clock):
    """An order "si EN > 3" (échelle numérique), a dose given for "EN 8": the pain is treated and
    its effect assessed 30 minutes after the injection."""
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "si EN > 3", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient).record_id
    records.save_new(nurse, "pain_assessment", PAIN, patient_id=patient)
    _morphine(nurse, order, "2026-11-28T13:40+01:00", given_for="EN 8")
    said = pain.handover(nurse.db, nurse.forms, [patient], clock(), "en")[patient]
    assert "NOT TREATED" not in said and said.endswith("; Morphine (SC) given 28/11 13:40; reassess by 28/11 14:10")


def test_the_french_scales_abbreviations_with_a_score_and_headaches_are_pain():
    assert for_pain("si EN > 3") and for_pain("EN 8") and for_pain("EN>=4") and for_pain("EVS: 2")
    assert for_pain("ENS ≥ 4") and for_pain("céphalées") and for_pain("Headache") and for_pain(None, "si EVA > 3")
    assert not for_pain("en cas de nausées") and not for_pain("EN") and not for_pain("à donner en 2 prises")
    assert not for_pain("en 30 min", "passer en 1h")


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
    records.save_new(nurse, "pain_assessment", {**given, "assessed_at": "2026-11-28T13:58+01:00",
                                                "action": ["non_drug"], "sedation": "3"}, patient_id=patient)
    assert pain.chart(nurse.db, patient)[-1].record.data.get("sedation") is None  # asked with analgesia only


def test_the_blank_form_asks_sedation_and_breathing_and_stays_two_pages(blank_pages, forms):
    """Version 2 asks both, never required: a record of version 1, which has neither, reads as before."""
    english, french = blank_pages("pain_assessment", "en"), blank_pages("pain_assessment", "fr")
    assert (len(english), len(french)) == (2, 2)
    assert "3 Drowsy most of the time, woken only by touch" in english[1] and "Breathing rate" in english[1]
    assert "2 Somnolent le plus souvent, éveillable à la voix" in french[1] and "Fréquence respiratoire" in french[1]
    spec = forms["pain_assessment"]
    assert spec.version == 2 and not spec.field("sedation").required and not spec.field("breathing_rate").required


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

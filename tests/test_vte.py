"""The VTE risk assessment: asked of a patient 16 or over 14 hours after they came in (not of a
child, nor of one who has left, nor, as MUST and the 4AT, of one admitted under the EHR); the handover sheet says the decisions the nurses act on and the
medication chart does not show; the doctor's alone; the blank in the binder; each assessment a
RiskAssessment in the export."""

from dataclasses import replace
from datetime import date

import pytest
from fhir.resources.R4B.riskassessment import RiskAssessment
from pypdf import PdfReader

from downtime.services import (census, delirium, nutrition, prefill, printing, records, repositioning, since_admission,
                               vte)
from downtime.services.errors import PermissionDenied
from downtime.sync.snapshot import record_id_for

ASSESSED = {"assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced",
            "thrombosis_risks": ["over_60", "comorbidity"], "bleeding_risks": [], "prophylaxis": "pharmacological"}


def test_a_patient_not_assessed_14_hours_after_coming_in_is_asked_for(session_for, patient, clock):
    doctor = session_for("doctor")
    summary = census.patient_with_location(doctor.db, doctor.forms, patient)
    assert not vte.unassessed(None, summary, doctor.clock())  # 14:00, in since 09:00
    clock.advance(hours=9)  # 23:00, 14 hours on
    said = ("NOT DONE SINCE ADMISSION on 28/11 09:00: pressure ulcer risk (Braden, within 6 hours); VTE risk assessment "
            "(the doctor, NICE NG89)")
    assert vte.unassessed(None, summary, doctor.clock())
    assert since_admission.handover(doctor.db, [summary], doctor.clock(), "en") == {patient: said}
    inside = census.in_patients(doctor.db, doctor.forms, "3B", doctor.clock())
    assert vte.never_assessed(doctor.db, inside, doctor.clock()) == {patient}
    assert not vte.unassessed(None, replace(summary, birth_date=date(2012, 1, 1)), doctor.clock())
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": "not_needed"}, patient_id=patient)
    assert vte.handover(doctor.db, doctor.forms, inside, doctor.clock(), "en") == {}  # nothing for the nurses


@pytest.mark.parametrize(("decision", "said"), [
    ("mechanical", "VTE risk assessed 28/11 10:00: Mechanical, anti-embolism stockings"),
    ("contraindicated", "VTE risk assessed 28/11 10:00: None: bleeding risk outweighs it"),
    ("not_needed", None)])
def test_the_handover_says_the_decisions_the_nurses_act_on(session_for, patient, decision, said):
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": decision, "mechanical_device": "stockings"},
                     patient_id=patient)
    inside = census.in_patients(doctor.db, doctor.forms, "3B", doctor.clock())
    assert vte.handover(doctor.db, doctor.forms, inside, doctor.clock(), "en").get(patient) == said


def test_the_assessment_is_the_doctors_and_the_blank_is_in_the_binder(session_for, patient, blank_pages):
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("nurse"), "vte_assessment", ASSESSED, patient_id=patient)
    english, french = blank_pages("vte_assessment", "en"), blank_pages("vte_assessment", "fr")
    assert len(english) == len(french) == 1
    assert "Platelets under 75" in english[0] and "Prophylaxie" in french[0]


def test_each_assessment_is_a_risk_assessment_in_the_export(session_for, patient, exported_resource):
    saved = records.save_new(session_for("doctor"), "vte_assessment",
                             {**ASSESSED, "bleeding_risks": ["low_platelets"], "notes": "Reassess after the OGD",
                              "bleeding_reason": "Platelets 70 and stable, no bleeding"},
                             patient_id=patient)
    found = exported_resource(saved.record_id, RiskAssessment)
    assert (found.status, found.code.text, found.prediction[0].outcome.text, found.mitigation) == (
        "final", "Venous thromboembolism risk assessment", "Venous thromboembolism",
        "Medicine (prescribed on the MAR)")
    assert [note.text for note in found.note] == [
        "Mobility (all patients): Medical patient expected to have ongoing reduced mobility relative to normal",
        "Thrombosis risk: Age over 60, Significant comorbidity (heart, metabolic, endocrine, respiratory, acute "
        "infection, inflammatory)", "Bleeding risk: Platelets under 75 × 10⁹/L",
        "Why a medicine despite the bleeding risk: Platelets 70 and stable, no bleeding", "Reassess after the OGD"]
    assert found.encounter is not None and found.performer is not None
    none = records.save_new(session_for("doctor"), "vte_assessment", {**ASSESSED, "thrombosis_risks": []},
                            patient_id=patient)
    assert [note.text for note in exported_resource(none.record_id, RiskAssessment).note][1:] == [
        "Thrombosis risk: none found", "Bleeding risk: none found"]  # none ticked is none found, said


def test_a_patient_loaded_from_the_ehr_snapshot_is_not_asked_for_what_the_ehr_prompted(session_for, patient, clock):
    """Admitted under the EHR, whose own screenings and assessment the ward cannot see: every
    patient of a ward loaded at an outage's start was asked for MUST, the 4AT and VTE, days after
    coming in."""
    doctor = session_for("doctor")
    clock.advance(hours=30)
    typed = census.patient_with_location(doctor.db, doctor.forms, patient)
    loaded = replace(typed, admission_record_id=record_id_for(doctor.device.device_id, "encounter", "E-1042"))
    nothing = delirium.read(doctor.db, [patient])[patient]
    at = doctor.clock()
    assert [vte.unassessed(None, typed, at), bool(delirium.asks(nothing, typed, at, "en")),
            bool(nutrition.unscreened(typed, at, "en"))] == [True, True, True]
    assert [vte.unassessed(None, loaded, at), delirium.asks(nothing, loaded, at, "en"),
            nutrition.unscreened(loaded, at, "en")] == [False, [], []]


def test_the_handover_says_what_is_not_done_since_admission_in_one_line(session_for, patient, clock, tmp_path):
    """MUST, the 4AT and VTE each said apart, a patient of 72 in for two days read six lines of
    "NOT SCREENED since admission" in the sheet's narrow column."""
    nurse = session_for("nurse")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {}  # 14:00, 5 hours in
    clock.advance(hours=1)  # 15:00, 6 hours in: the pressure ulcer risk (NICE QS89)
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {
        patient: "NOT DONE SINCE ADMISSION on 28/11 09:00: pressure ulcer risk (Braden, within 6 hours)"}
    assert repositioning.never_assessed(nurse.db, [replace(inside[0], birth_date=date(2012, 1, 1))],
                                        nurse.clock()) == set()  # a child's risk has tools of its own
    records.save_new(nurse, "braden_assessment", {"assessed_at": "2026-11-28T15:00+01:00", "sensory": "4",
                                                  "moisture": "4", "activity": "3", "mobility": "4", "nutrition": "3",
                                                  "friction": "3"}, patient_id=patient)
    clock.advance(hours=9)  # 29/11 00:00: 15 hours in, VTE asked for, the screenings not yet
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {
        patient: "NOT DONE SINCE ADMISSION on 28/11 09:00: VTE risk assessment (the doctor, NICE NG89)"}
    clock.advance(hours=9)  # 29/11 09:00, a day in
    said = ("NOT DONE SINCE ADMISSION on 28/11 09:00: nutrition screening (MUST); delirium screening (4AT, 65 or "
            "over); falls-risk assessment (with lying and standing BP); VTE risk assessment (the doctor, NICE NG89)")
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {patient: said}
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "fr") == {patient: (
        "NON FAIT DEPUIS L’ADMISSION le 28/11 09:00 : dépistage nutritionnel (MUST) ; dépistage de la confusion "
        "aiguë (4AT, 65 ans ou plus) ; évaluation du risque de chute (avec PA couché et debout) ; évaluation du risque "
        "thromboembolique (le médecin, NICE NG89)")}
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert said in text and "NUTRITION NOT SCREENED" not in text and "VTE RISK NOT ASSESSED" not in text
    records.save_new(session_for("doctor"), "vte_assessment", ASSESSED, patient_id=patient)
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en")[patient].endswith(
        "(with lying and standing BP)")


def test_a_readmitted_patient_is_asked_again_for_vte_must_and_the_4at_and_last_stays_are_not_said(
        session_for, patient, clock, admission_values):
    """A readmission keeps the patient's id: the last stay's assessment, screening and new
    confusion were read as this stay's, so neither was asked (NICE NG89 asks at every admission)
    and the handover said last stay's decision."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": "mechanical", "mechanical_device": "ipc"},
                     patient_id=patient)
    records.save_new(nurse, "delirium_screening", {"screened_at": "2026-11-28T10:00+01:00", "alertness": "normal",
                                                   "amt4": "no_mistake", "attention": "seven_or_more",
                                                   "acute_change": "no"}, patient_id=patient)
    records.save_new(nurse, "nutrition_screening", {"screened_at": "2026-11-28T10:00+01:00", "weight_kg": 46.5,
                                                    "weight_confirmed_kg": 46.5, "height_cm": 162, "weight_loss": "over_10",
                                                    "acute_no_intake": False}, patient_id=patient)
    records.save_new(nurse, "observations", {
        "taken_at": "2026-11-28T11:00+01:00", "respiratory_rate": 18, "spo2": 96, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 128, "diastolic_bp": 74, "pulse": 88, "consciousness": "new_confusion",
        "temperature": 37.2}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    clock.advance(hours=24)  # 29/11 14:00, a day after coming back
    inside = census.in_patients(doctor.db, doctor.forms, "3B", doctor.clock())
    assert vte.handover(doctor.db, doctor.forms, inside, doctor.clock(), "en") == {}
    assert vte.never_assessed(doctor.db, inside, doctor.clock()) == {patient}
    assert delirium.never_screened(doctor.db, inside, doctor.clock()) == {patient}
    assert delirium.handover(doctor.db, inside, doctor.clock(), "en") == {}
    assert nutrition.handover(doctor.db, inside, doctor.clock(), "en") == {}  # last stay's high risk not said
    assert since_admission.handover(doctor.db, inside, doctor.clock(), "en") == {patient: (
        "NOT DONE SINCE ADMISSION on 28/11 13:00: pressure ulcer risk (Braden, within 6 hours); nutrition screening "
        "(MUST); delirium screening (4AT, 65 or over); falls-risk assessment (with lying and standing BP); "
        "VTE risk assessment (the doctor, NICE NG89)")}
    (summary,) = inside
    assert delirium.state(delirium.read(doctor.db, [patient])[patient], summary, doctor.clock(), "en") == (
        "Delirium: not screened yet (4AT)",
        ["DELIRIUM NOT SCREENED since admission on 28/11 13:00 (65 or over): screen with the 4AT"])


def test_new_confusion_stays_on_the_handover_of_a_patient_never_screened_and_unknown_age_is_asked(
        session_for, patient, clock):
    nurse = session_for("nurse")
    clock.advance(hours=19)  # 29/11 09:00: 65 or over, never screened a day after coming in
    records.save_new(nurse, "observations", {
        "taken_at": "2026-11-29T08:00+01:00", "respiratory_rate": 18, "spo2": 96, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 128, "diastolic_bp": 74, "pulse": 88, "consciousness": "new_confusion",
        "temperature": 37.2}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert delirium.handover(nurse.db, inside, nurse.clock(), "en") == {
        patient: "NEW CONFUSION on the observations of 29/11 08:00: screen for delirium (4AT)"}
    unknown = [replace(one, birth_date=None) for one in inside]
    assert delirium.never_screened(nurse.db, unknown, nurse.clock()) == vte.never_assessed(
        nurse.db, unknown, nurse.clock()) == {patient}


def test_a_move_a_transfer_out_and_a_discharge_hand_on_the_vte_decision(session_for, patient, forms):
    """A stroke with active bleeding: compression and no anticoagulant. The letters said nothing of
    it, and the receiving team read the missing enoxaparin as an omission, or took the compression off."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["vte"] == (
            "VTE risk not assessed during this stay")
    records.save_new(doctor, "vte_assessment", {
        **ASSESSED, "bleeding_risks": ["acute_stroke", "active_bleeding"], "against_stockings": ["leg_oedema"],
        "prophylaxis": "mechanical", "mechanical_device": "ipc"}, patient_id=patient)
    said = ("VTE risk assessed 28/11 10:00: Mechanical, intermittent pneumatic compression (IPC)\nBleeding risk: acute "
            "stroke, active bleeding\nAgainst anti-embolism stockings (NICE NG89): severe leg oedema")
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["vte"] == said
    records.save_new(doctor, "vte_assessment", {
        **ASSESSED, "assessed_at": "2026-11-28T13:00+01:00", "bleeding_risks": ["low_platelets"],
        "bleeding_reason": "Platelets 70 and stable"}, patient_id=patient)
    assert prefill.first_answers(session_for("nurse", "fr"), nurse.form("discharge"), patient)["vte"] == (
        "Risque thromboembolique évalué le 28/11 13:00 : Médicamenteuse (prescrite sur le plan d’administration)\n"
        "Risque hémorragique : plaquettes au-dessous de 75 × 10⁹/L\nPourquoi un médicament malgré le risque "
        "hémorragique : Platelets 70 and stable")
    assert all(forms[form_id].field("vte").copied_from.form == "vte_assessment"
               for form_id in ("transfer", "transfer_out", "discharge"))


def test_a_long_vte_decision_keeps_the_decision_in_the_letters_and_cuts_the_reason(session_for, patient, forms):
    """Five bleeding risks, three reasons against stockings and the doctor's 300-character reason
    came to 1,031 characters in French for a box of 1,000: the letters' VTE box read only "… et 1
    de plus : voir les fiches « Évaluation du risque thromboembolique veineux »", and the GP, who
    has no VTE chart, learned nothing of the decision. The decision stays whole, each list on its
    line, and the reason is cut with "…"."""
    doctor, nurse = session_for("doctor"), session_for("nurse", "fr")
    reason = ("Bénéfice jugé supérieur au risque après discussion avec l’anesthésiste et l’hématologue : plaquettes "
              "stables à 70 depuis 5 jours, cathéter péridural retiré à 08:00, première injection à 20:00 au plus tôt, "
              "surveillance des plaquettes tous les deux jours, arrêt si saignement ou chute des plaquettes sous 50.")
    records.save_new(doctor, "vte_assessment", {
        **ASSESSED, "prophylaxis": "both", "mechanical_device": "ipc", "bleeding_reason": reason[:300],
        "bleeding_risks": ["low_platelets", "hypertension", "high_risk_surgery", "neuraxial_last_4h",
                           "acquired_disorder"],
        "against_stockings": ["arterial_disease", "skin_damage", "leg_oedema"]}, patient_id=patient)
    for form_id in ("transfer", "transfer_out", "discharge"):
        said = prefill.first_answers(nurse, nurse.form(form_id), patient)["vte"]
        first, risks, stockings, why = said.split("\n")
        assert len(said) <= forms[form_id].field("vte").max_length
        assert first == ("Risque thromboembolique évalué le 28/11 10:00 : Médicamenteuse et mécanique, compression "
                         "pneumatique intermittente (CPI)")
        assert risks.startswith("Risque hémorragique : plaquettes au-dessous de 75 × 10⁹/L, hypertension systolique")
        assert risks.endswith("trouble acquis de l’hémostase (comme une insuffisance hépatique aiguë)")
        assert stockings.startswith("Contre-indications aux bas anti-thrombose (NICE NG89) : artériopathie")
        assert why == ("Pourquoi un médicament malgré le risque hémorragique : " + reason[:vte.REASON_SHORT - 1] + "…")


def test_the_letters_say_the_vte_risk_was_not_assessed(session_for, patient, clock):
    """No assessment in the stay: the letters' VTE box printed "—", which the GP could not tell from
    a box left blank (NICE NG89 asks the discharge to say whether prophylaxis goes on). Not said of
    a patient on comfort care, whom none is asked of."""
    nurse = session_for("nurse")
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["vte"] == (
            "VTE risk not assessed during this stay")
    assert prefill.first_answers(session_for("nurse", "fr"), nurse.form("discharge"), patient)["vte"] == (
        "Risque thromboembolique non évalué pendant ce séjour")
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T13:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "twelve_hourly", "cpr_reason": "DNACPR on the paper notes"}, patient_id=patient)
    assert "vte" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)


def test_comfort_care_standing_asks_no_vte_assessment(session_for, patient, clock):
    """At 08:00, with comfort care decided at 14:00 the day before, the only chart alert of the
    dying patient was "VTE RISK NOT ASSESSED since admission", to come back as "reassessment due":
    NICE NG89 asks none at the end of life, and the sepsis prompt already left her alone."""
    from downtime.services import chart_alerts

    doctor = session_for("doctor")
    clock.advance(hours=18)  # 08:00 the next morning

    def alerts() -> list[str]:
        inside = census.in_patients(doctor.db, doctor.forms, "3B", doctor.clock())
        return [said for alert in chart_alerts.alerts(doctor.db, doctor.forms, inside, doctor.clock(), "en",
                                                      ward="3B").alerts for said in alert.said if "VTE" in said]

    assert alerts(), "the case no longer shows it"
    records.save_new(doctor, "observation_plan", {
        "decided_at": "2026-11-28T14:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "twelve_hourly", "cpr_reason": "DNACPR on the paper notes"}, patient_id=patient)
    assert alerts() == []
    records.save_new(doctor, "observation_plan", {
        "decided_at": "2026-11-29T07:00+01:00", "decided_by": "Dr Benali", "escalation": "ward_ceiling",
        "frequency": "news2"}, patient_id=patient)
    assert alerts()

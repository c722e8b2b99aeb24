"""What a patient's VTE risk assessments ask of the ward, on the handover sheet and the
escalation list: a medicine decided that no anticoagulant on the medication chart gives (NICE
NG89: within 14 hours of admission); no stockings after an acute stroke (NICE NG89: intermittent
pneumatic compression only), the device named; a reassessment within 24 hours of admission and
after an operation (the Department of Health's tool); an assessment never made; each time on the
ward's clock."""

from datetime import datetime

import pytest

from downtime.domain.vte import Reassess, reassess_by, reassessment_due, stockings_ruled_out
from downtime.services import census, records, theatre, vte
from downtime.services.errors import ValidationFailed

ASSESSED = {"assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced",
            "thrombosis_risks": ["over_60", "comorbidity"], "bleeding_risks": [], "prophylaxis": "pharmacological"}
ENOXAPARIN = {"drug": "Enoxaparin sodium", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
              "times": "18:00", "start_at": "2026-11-28T18:00+01:00", "controlled": False, "high_alert": True}
NOT_PRESCRIBED = "VTE PROPHYLAXIS DECIDED 28/11 10:00, NOT ON THE MEDICATION CHART: ask the doctor to prescribe it"
STROKE = {**ASSESSED, "bleeding_risks": ["acute_stroke"], "prophylaxis": "mechanical"}


def _inside(session):
    return census.in_patients(session.db, session.forms, "3B", session.clock())


def _handover(session, lang="en"):
    return vte.handover(session.db, session.forms, _inside(session), session.clock(), lang)


def _escalation(session, lang="en"):
    return vte.escalation(session.db, session.forms, _inside(session), session.clock(), lang)


def test_a_medicine_decided_and_not_on_the_medication_chart_is_said_until_an_anticoagulant_is_prescribed(
        session_for, patient, clock):
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", ASSESSED, patient_id=patient)
    assert _handover(doctor) == {patient: NOT_PRESCRIBED}
    assert _handover(doctor, "fr") == {patient: "PROPHYLAXIE THROMBOEMBOLIQUE DÉCIDÉE le 28/11 10:00, ABSENTE DU PLAN "
                                                "D’ADMINISTRATION : demander au médecin de la prescrire"}
    assert _escalation(doctor).asking == {patient: ("VTE risk assessed 28/11 10:00: Medicine (prescribed on the MAR)",
                                                    [NOT_PRESCRIBED])}
    records.save_new(doctor, "medication_order", {**ENOXAPARIN, "drug": "Paracetamol", "high_alert": False},
                     patient_id=patient)
    assert _handover(doctor) == {patient: NOT_PRESCRIBED}  # a medicine, not an anticoagulant
    # Prescribed at 14:00 for the evening round, stopped the next morning.
    records.save_new(doctor, "medication_order", {**ENOXAPARIN, "stop_at": "2026-11-29T08:00+01:00"},
                     patient_id=patient)
    assert _handover(doctor) == {} and _escalation(doctor).asking == {}
    clock.advance(hours=19)  # 29/11 09:00: stopped an hour ago
    assert NOT_PRESCRIBED in _handover(doctor)[patient]


def test_comfort_care_asks_nothing_of_the_vte_decision_on_the_handover_sheet(session_for, patient, clock):
    """Enoxaparin decided at 10:00, comfort care at 13:00: the escalation list asked nothing, but the
    handover sheet asked the night nurse to have it prescribed, and a reassessment (NICE NG89: no
    prophylaxis in the last days of life)."""
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", ASSESSED, patient_id=patient)
    records.save_new(doctor, "observation_plan", {
        "decided_at": "2026-11-28T13:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "twelve_hourly", "cpr_reason": "DNACPR on the paper notes"}, patient_id=patient)
    clock.advance(hours=20)  # 29/11 10:00: the reassessment due too
    assert _handover(doctor) == {} and _escalation(doctor).asking == {}


def test_the_device_is_named_on_the_handover_and_asked_of_every_new_mechanical_decision(forms):
    spec = forms["vte_assessment"]
    assert vte.decided(spec, {"prophylaxis": "both", "mechanical_device": "ipc"}, "en") == (
        "Medicine and mechanical, intermittent pneumatic compression (IPC)")
    assert vte.decided(spec, {"prophylaxis": "mechanical", "mechanical_device": "stockings"}, "fr") == (
        "Mécanique, bas anti-thrombose")
    assert vte.decided(spec, {"prophylaxis": "mechanical"}, "en") == "Mechanical, device not recorded"  # version 1
    with pytest.raises(ValidationFailed) as refused:
        vte.check(spec, {**ASSESSED, "prophylaxis": "mechanical"}, "en")
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("mechanical_device", "“Mechanical prophylaxis” is required.")]
    with pytest.raises(ValidationFailed):  # an amendment taking the device away
        vte.check(spec, {**ASSESSED, "prophylaxis": "both"}, "en", {**ASSESSED, "mechanical_device": "ipc"})
    with pytest.raises(ValidationFailed):  # an amendment turning a medicine into a mechanical decision
        vte.check(spec, {**ASSESSED, "prophylaxis": "mechanical"}, "en", ASSESSED)
    vte.check(spec, {**ASSESSED, "prophylaxis": "mechanical"}, "en", {**ASSESSED, "prophylaxis": "mechanical"})
    vte.check(spec, ASSESSED, "en")


def test_stockings_are_refused_after_an_acute_stroke_and_the_handover_warns_of_a_decision_naming_no_device(
        session_for, patient, forms, french):
    spec = forms["vte_assessment"]
    with pytest.raises(ValidationFailed) as refused:
        vte.check(spec, {**STROKE, "mechanical_device": "stockings"}, "en")
    assert refused.value.errors[0].message == (
        "“Mechanical prophylaxis”: no anti-embolism stockings with what is ticked (NICE NG89: acute stroke): choose "
        "intermittent pneumatic compression, or another decision.")
    french(vte.STOCKINGS_RULED_OUT, "« {field} » : pas de bas anti-thrombose avec ce qui est coché (NICE NG89 : "
                                    "{reasons}) : choisir la compression pneumatique intermittente, ou une autre "
                                    "décision.")
    with pytest.raises(ValidationFailed) as refused:
        vte.check(spec, {**STROKE, "prophylaxis": "both", "mechanical_device": "stockings"}, "fr",
                  {**STROKE, "mechanical_device": "ipc"})
    assert refused.value.errors[0].message.startswith("« Prophylaxie mécanique » : pas de bas anti-thrombose")
    vte.check(spec, {**STROKE, "mechanical_device": "ipc"}, "en")
    assert [stockings_ruled_out(answers) for answers in (
        STROKE, {**STROKE, "mechanical_device": "ipc"}, {**STROKE, "prophylaxis": "contraindicated"},
        {**ASSESSED, "prophylaxis": "mechanical", "mechanical_device": "stockings"})] == [
        [("bleeding_risks", "acute_stroke")], [], [], []]
    # A version 1 assessment (from an older laptop, or the hospital's snapshot) named no device.
    records.save_imported(session_for("records"), "vte_assessment", STROKE, patient,
                          "0b4f9a52-7c1e-4d3b-8a6f-2e5d1c0b9a87")
    doctor = session_for("doctor")
    assert _handover(doctor) == {patient: (
        "VTE risk assessed 28/11 10:00: Mechanical, device not recorded; NO ANTI-EMBOLISM STOCKINGS (NICE NG89: acute "
        "stroke): ask the doctor for intermittent pneumatic compression or another decision")}
    assert _escalation(doctor, "fr").asking[patient][1] == [
        "PAS DE BAS ANTI-THROMBOSE (NICE NG89 : AVC aigu) : demander au médecin une compression pneumatique "
        "intermittente ou une autre décision"]


def test_a_reassessment_is_asked_a_day_after_admission_when_only_the_admissions_was_made(session_for, patient, clock):
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": "not_needed"}, patient_id=patient)
    assert _handover(doctor) == {}
    assert _escalation(doctor).next_change == datetime.fromisoformat("2026-11-29T09:00+01:00")
    clock.advance(hours=19)  # 29/11 09:00, a day after the 09:00 arrival
    due = ("VTE REASSESSMENT DUE: assessed on admission only (28/11 10:00), to reassess within 24 hours of admission: "
           "ask the doctor")
    assert _handover(doctor) == {patient: due}
    assert _escalation(doctor).asking == {
        patient: ("VTE risk assessed 28/11 10:00: None: risk of thrombosis low", [due])}
    assert _handover(doctor, "fr")[patient].startswith("RÉÉVALUATION DU RISQUE THROMBOEMBOLIQUE À FAIRE : évalué à "
                                                       "l’admission seulement (le 28/11 10:00)")
    clock.advance(minutes=30)
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "assessed_at": "2026-11-29T09:30+01:00",
                                                "prophylaxis": "not_needed"}, patient_id=patient)
    clock.advance(days=5)
    assert _handover(doctor) == {} and _escalation(doctor) == vte.Escalation({}, None)


def test_a_first_assessment_made_13_hours_after_admission_still_asks_a_reassessment(session_for, patient, clock):
    """Admitted 09:00, assessed first by the night doctor at 22:00: nothing was ever asked again."""
    doctor = session_for("doctor")
    clock.advance(hours=8)  # 22:00
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "assessed_at": "2026-11-28T22:00+01:00",
                                                "prophylaxis": "not_needed"}, patient_id=patient)
    assert _handover(doctor) == {}
    assert _escalation(doctor).next_change == datetime.fromisoformat("2026-11-29T10:00+01:00")
    clock.advance(hours=14)  # 29/11 12:00
    assert _handover(doctor) == {patient: (
        "VTE REASSESSMENT DUE: assessed on admission only (28/11 22:00), to reassess within 24 hours of admission: "
        "ask the doctor")}
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "assessed_at": "2026-11-29T12:00+01:00",
                                                "prophylaxis": "not_needed"}, patient_id=patient)
    assert _handover(doctor) == {}


def test_a_reassessment_is_asked_after_an_operation(session_for, patient):
    doctor, coord = session_for("doctor"), session_for("coord")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": "not_needed"}, patient_id=patient)
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T11:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {
        "procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": "urgent",
        "decided_at": "2026-11-28T10:30+01:00", "surgeon": "Dr Roux", "session": session_id,
        "planned_start": "2026-11-28T11:00+01:00", "expected_minutes": 60}).record_id
    assert _handover(doctor) == {}
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T11:10+01:00", "theatre": "T1"})
    assert _handover(doctor) == {patient: ("VTE REASSESSMENT DUE: operation done 28/11 11:10, after the latest "
                                           "assessment (28/11 10:00): ask the doctor")}
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "assessed_at": "2026-11-28T13:30+01:00",
                                                "prophylaxis": "not_needed"}, patient_id=patient)
    assert _handover(doctor) == {}


def test_when_a_reassessment_is_due():
    admitted = datetime.fromisoformat("2026-11-28T09:00+01:00")
    at = [datetime.fromisoformat(f"2026-11-{day}+01:00") for day in ("28T10:00", "28T22:00", "29T09:00", "29T10:00")]
    assert reassessment_due(admitted, [at[0]], None, at[2]) is Reassess.AFTER_ADMISSION
    assert reassessment_due(admitted, [at[0]], None, at[1]) is None  # 13 hours in
    assert reassessment_due(admitted, [at[0], at[1]], None, at[3]) is None  # reassessed 13 hours in
    assert reassessment_due(None, [at[0]], None, at[3]) is None  # admitted under the EHR
    assert reassessment_due(admitted, [at[0], at[1]], at[2], at[3]) is Reassess.AFTER_OPERATION
    assert reassessment_due(admitted, [at[0], at[1]], at[3], at[2]) is None  # not done yet at that time
    assert reassessment_due(admitted, [], at[2], at[3]) is None
    # The first assessment is the admission's whenever made: the night doctor's, 13 hours in, asks
    # a reassessment too (it was taken for one, and none was ever asked), no sooner than 12 hours on.
    assert reassess_by(admitted, [at[1]]) == datetime.fromisoformat("2026-11-29T10:00+01:00")
    assert reassessment_due(admitted, [at[1]], None, at[2]) is None
    assert reassessment_due(admitted, [at[1]], None, at[3]) is Reassess.AFTER_ADMISSION
    assert reassess_by(admitted, [at[0]]) == at[2]


def test_an_assessment_never_made_is_on_the_escalation_list_14_hours_after_admission(session_for, patient, clock):
    doctor = session_for("doctor")
    assert _escalation(doctor) == vte.Escalation({}, datetime.fromisoformat("2026-11-28T23:00+01:00"))
    clock.advance(hours=9)  # 23:00
    assert _escalation(doctor).asking == {patient: ("VTE risk: not assessed yet", [
        "VTE RISK NOT ASSESSED since admission on 28/11 09:00: ask the doctor (NICE NG89, within 14 hours)"])}
    assert _escalation(doctor, "fr").asking[patient] == ("Risque thromboembolique : pas encore évalué", [
        "RISQUE THROMBOEMBOLIQUE NON ÉVALUÉ depuis l’admission le 28/11 09:00 : demander au médecin (NICE NG89, dans "
        "les 14 heures)"])
    assert _handover(doctor) == {}  # said with the screenings not done since admission (services.since_admission)


def test_the_handover_says_the_time_on_the_wards_clock(session_for, patient):
    """An assessment typed on a laptop set to UTC, merged here, was said an hour off."""
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "assessed_at": "2026-11-28T09:00+00:00",
                                                "prophylaxis": "mechanical", "mechanical_device": "ipc"},
                     patient_id=patient)
    assert _handover(doctor) == {patient: (
        "VTE risk assessed 28/11 10:00: Mechanical, intermittent pneumatic compression (IPC)")}


def test_the_bleeding_risk_of_hypertension_is_systolic_in_both_languages(forms):
    (option,) = [option for option in forms["vte_assessment"].field("bleeding_risks").options
                 if option.code == "hypertension"]
    assert (option.label.en, option.label.fr) == ("Uncontrolled systolic hypertension (230/120 mmHg or higher)",
                                                  "Hypertension systolique non contrôlée (230/120 mmHg ou plus)")


def test_anticoagulated_at_treatment_dose_with_no_anticoagulant_on_the_chart_is_said(session_for, patient):
    """The patient's own apixaban never rewritten on the chart: neither treatment nor prophylaxis,
    and nothing said."""
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": "already_anticoagulated"},
                     patient_id=patient)
    said = ("VTE: NONE DECIDED 28/11 10:00 AS ANTICOAGULATED AT TREATMENT DOSE, NO ANTICOAGULANT ON THE MEDICATION "
            "CHART (neither treatment nor prophylaxis): ask the doctor")
    assert _handover(doctor) == {patient: said}
    assert _escalation(doctor).asking == {
        patient: ("VTE risk assessed 28/11 10:00: None: anticoagulated at treatment dose", [said])}
    assert _handover(doctor, "fr")[patient].startswith("THROMBOEMBOLIE : AUCUNE PROPHYLAXIE DÉCIDÉE le 28/11 10:00, "
                                                       "PATIENT ANTICOAGULÉ À DOSE CURATIVE, AUCUN ANTICOAGULANT")
    records.save_new(doctor, "medication_order", {**ENOXAPARIN, "drug": "Apixaban", "dose": 5.0, "route": "PO",
                                                  "times": "08:00 20:00"}, patient_id=patient)
    assert _handover(doctor) == {} and _escalation(doctor).asking == {}


def test_anticoagulated_at_treatment_dose_with_only_a_prophylactic_dose_on_the_chart_is_said(session_for, patient):
    """A pulmonary embolism decided "anticoagulated at treatment dose", the chart holding enoxaparin
    40 mg daily alone: any anticoagulant met the decision, and the embolism went under-treated."""
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": "already_anticoagulated"},
                     patient_id=patient)
    prophylaxis = records.save_new(doctor, "medication_order", ENOXAPARIN, patient_id=patient)
    said = ("VTE: TREATMENT DOSE DECIDED 28/11 10:00, ONLY A PROPHYLACTIC DOSE ON THE MEDICATION CHART (Enoxaparin "
            "sodium 40 mg): ask the doctor")
    assert _handover(doctor) == {patient: said}
    assert _escalation(doctor).asking[patient][1] == [said]
    assert _handover(doctor, "fr")[patient].startswith("THROMBOEMBOLIE : DOSE CURATIVE DÉCIDÉE le 28/11 10:00, "
                                                       "SEULEMENT UNE DOSE PRÉVENTIVE")
    records.amend(doctor, prophylaxis.record_id, {**prophylaxis.data, "dose": 90.0, "indication": "PE"},
                  "treatment dose, 1.5 mg/kg")
    assert _handover(doctor) == {} and _escalation(doctor).asking == {}


@pytest.mark.parametrize(("drug", "dose", "indication"), [
    ("Apixaban", 2.5, "atrial fibrillation (age 86, 52 kg)"), ("Apixaban", 5.0, "stroke prevention in AF"),
    ("Dabigatran", 110.0, "atrial fibrillation")])
def test_a_doacs_reduced_dose_for_af_is_not_called_only_prophylactic(session_for, patient, drug, dose, indication):
    """Apixaban 2.5 mg twice a day (86 years, 52 kg) or dabigatran 110 mg is atrial fibrillation's
    treatment dose, as is "stroke prevention": the handover said ONLY A PROPHYLACTIC DOSE every shift."""
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "prophylaxis": "already_anticoagulated"},
                     patient_id=patient)
    records.save_new(doctor, "medication_order", {**ENOXAPARIN, "drug": drug, "dose": dose, "route": "PO",
                                                  "times": "08:00 20:00", "indication": indication}, patient_id=patient)
    assert _handover(doctor) == {} and _escalation(doctor).asking == {}


def test_an_anticoagulant_prescribed_against_no_prophylaxis_for_the_bleeding_risk_is_asked_and_said(
        session_for, patient, french):
    doctor = session_for("doctor")
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "bleeding_risks": ["active_bleeding", "low_platelets"],
                                                "prophylaxis": "contraindicated"}, patient_id=patient)
    assert _handover(doctor) == {patient: "VTE risk assessed 28/11 10:00: None: bleeding risk outweighs it"}
    assert vte.prescribed_against(doctor, patient, {**ENOXAPARIN, "drug": "Paracetamol"}) is None
    asked = vte.prescribed_against(doctor, patient, ENOXAPARIN)
    assert asked == ("An anticoagulant against the VTE decision of 28/11 10:00: None: bleeding risk outweighs it; "
                     "active bleeding, platelets under 75 × 10⁹/L. Ask the doctor who decided it before prescribing it.")
    french(vte.PRESCRIBED_AGAINST, "Un anticoagulant contre la décision thromboembolique du {time} : {decision}. "
                                   "Demander au médecin qui l’a prise avant de le prescrire.")
    assert vte.prescribed_against(session_for("doctor", "fr"), patient, ENOXAPARIN) == (
        "Un anticoagulant contre la décision thromboembolique du 28/11 10:00 : Aucune : le risque hémorragique "
        "l’emporte ; saignement actif, plaquettes au-dessous de 75 × 10⁹/L. Demander au médecin qui l’a prise avant "
        "de le prescrire.")
    saved = records.save_new(doctor, "medication_order", ENOXAPARIN, patient_id=patient)
    assert vte.prescribed_against(doctor, patient, {**ENOXAPARIN, "dose": 20.0}, saved.data) is None  # asked once
    against = ("ENOXAPARIN SODIUM ON THE MEDICATION CHART AGAINST THE VTE DECISION OF 28/11 10:00 (None: bleeding "
               "risk outweighs it; active bleeding, platelets under 75 × 10⁹/L): ask the doctor")
    assert _handover(doctor) == {patient: f"VTE risk assessed 28/11 10:00: None: bleeding risk outweighs it; {against}"}
    assert _escalation(doctor).asking[patient][1] == [against]
    # Until a new assessment decides otherwise.
    records.save_new(doctor, "vte_assessment", {**ASSESSED, "assessed_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    assert _handover(doctor) == {}
    assert vte.prescribed_against(doctor, patient, ENOXAPARIN) is None


def test_a_medicine_decided_with_an_absolute_bleeding_risk_ticked_needs_the_doctors_reason(
        session_for, patient, forms, french):
    doctor, spec = session_for("doctor"), forms["vte_assessment"]
    bleeding = {**ASSESSED, "bleeding_risks": ["active_bleeding", "hypertension", "neuraxial_last_4h"]}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "vte_assessment", bleeding, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "bleeding_reason", "“Why a medicine despite the bleeding risk” is required: a medicine is decided with active "
        "bleeding, lumbar puncture, epidural or spinal within the last 4 hours ticked. Say why (kept in the record), "
        "or choose another decision.")]
    french(vte.MEDICINE_WITH_BLEEDING, "« {field} » est obligatoire : un médicament est décidé avec {risks} coché. "
                                       "Dire pourquoi (gardé dans le dossier), ou choisir une autre décision.")
    with pytest.raises(ValidationFailed, match="« Pourquoi un médicament malgré le risque hémorragique » est "
                                               "obligatoire : un médicament est décidé avec saignement actif"):
        vte.check(spec, {**bleeding, "prophylaxis": "both", "mechanical_device": "ipc"}, "fr")
    for code in ("inherited_disorder", "neuraxial_next_12h", "low_platelets"):
        with pytest.raises(ValidationFailed):
            vte.check(spec, {**ASSESSED, "bleeding_risks": [code]}, "en")
    vte.check(spec, {**ASSESSED, "bleeding_risks": ["hypertension", "anticoagulated"]}, "en")  # not the absolute ones
    vte.check(spec, {**bleeding, "prophylaxis": "contraindicated"}, "en")
    saved = records.save_new(doctor, "vte_assessment", {**bleeding, "bleeding_reason": "Massive PE, haematology agree"},
                             patient_id=patient)
    assert saved.data["bleeding_reason"] == "Massive PE, haematology agree"
    with pytest.raises(ValidationFailed):  # an amendment taking the reason away
        records.amend(doctor, saved.record_id, {**bleeding, "bleeding_reason": None}, "Reason")
    # An assessment of version 3 gave no reason: corrected without one, unless the correction asks one.
    older = records.save_imported(session_for("records"), "vte_assessment", bleeding, patient,
                                  "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
    assert records.amend(doctor, older.record_id, {**bleeding, "notes": "Seen"}, "Note added").version == 2
    with pytest.raises(ValidationFailed):
        vte.check(spec, {**ASSESSED, "bleeding_risks": ["low_platelets"]}, "en", ASSESSED)

"""A mental capacity assessment (forms/capacity_assessment.yaml, domain and services.capacity,
sync/fhir_capacity.py): LACKS refused without an impairment and a No at stage 2, HAS refused with
both, the best interests asked of a lack; the ward's line "LACKS CAPACITY for medicines (…)" and
its review due; an order given covertly with no assessment supporting it asked on the escalation
list, the handover and the printed MAR (the round's, the dose dialog's and the MAR screen's in
tests/qt/test_capacity_assessment_screens.py); the Observation the EHR is sent; the blank and the
filled paper; the demo's covert patient. The tests' clock is 14:00 on 28/11 (Paris)."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.domain import delirium
from downtime.domain.capacity import (
    Decision,
    Outcome,
    assessment_of,
    standing,
    supports_covert,
)
from downtime.domain.medication import Check, antibacterial
from downtime.services import (
    capacity,
    census,
    chart_alerts,
    covert,
    medication,
    printing,
    records,
)
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

FORM = capacity.FORM
ABLE = {"understands": True, "understands_how": "Told back the purpose of each tablet",
        "retains": True, "retains_how": "Still told it 20 minutes later",
        "weighs": True, "weighs_how": "Weighed the nausea against the benefit",
        "communicates": True, "communicates_how": "Said it clearly"}
LACKS = {"assessed_at": "2026-11-28T11:00+01:00", "assessed_by": "Dr Karim Benali", "assessor_role": "doctor",
         "decision": "medicines", "impairment": True, "impairment_what": "Delirium on a background of dementia",
         **ABLE, "retains": False, "retains_how": "Forgot within a minute that the tablets were offered",
         "weighs": False, "weighs_how": "Thinks the tablets are poison",
         "steps_taken": "Asked in the morning, glasses and hearing aid on, daughter present, one tablet at a time",
         "outcome": "lacks", "can_wait": False, "consulted": ["family", "pharmacist"],
         "consulted_names": "Daughter (Mme Claire Leroy): she would have wanted her treatment", "imca": "not_needed",
         "wishes": "Always took her medicines; wanted to stay well enough to go home",
         "least_restrictive": "Offered openly first at each round; covert only if refused",
         "decision_made": "Antibiotic and regular medicines crushed in yoghurt if refused, as the pharmacist advised",
         "review_by": "2026-12-05T12:00+01:00"}
HAS = {key: LACKS[key] for key in ("assessed_at", "assessed_by", "assessor_role", "decision", "impairment",
                                   "impairment_what", "steps_taken")} | ABLE | {"outcome": "has"}
SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "08:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False,
              "covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T11:30+01:00",
              "covert_decided_by": "Dr Karim Benali, consultant", "covert_review_by": "2026-12-05T12:00+01:00"}
NO_ASSESSMENT = "COVERT with no assessment of capacity for medicines on record: ask the doctor"


@pytest.mark.parametrize("lang, words", [
    ("en", "“Outcome”: LACKS capacity needs stage 1 Yes and a No at stage 2 (s.2-3)"),
    ("fr", "« Conclusion » : SANS CAPACITÉ suppose l’étape 1 Oui et un Non à l’étape 2")])
def test_lacks_with_every_ability_is_refused_naming_the_outcome(session_for, patient, lang, words):
    """An unwise choice, or a diagnosis, is not a lack of capacity (s.1(4), s.2(3))."""
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor", lang), FORM, {**LACKS, **ABLE}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["outcome"]
    assert words in str(refused.value)


def test_lacks_with_no_impairment_is_refused_and_has_with_a_no_at_stage_2(session_for, patient):
    doctor = session_for("doctor")
    no_impairment = {key: value for key, value in LACKS.items()
                     if key not in ABLE and key not in ("impairment_what", "steps_taken")} | {"impairment": False}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, FORM, no_impairment, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["outcome"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, FORM, {**HAS, "weighs": False}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["outcome"]
    assert "unable to use or weigh because of the impairment: they LACK capacity" in str(refused.value)
    assert records.save_new(doctor, FORM, {**{key: no_impairment[key] for key in HAS if key in no_impairment},
                                           "outcome": "has"}, patient_id=patient)


@pytest.mark.parametrize("lang, words", [
    ("en", ("“Assessed at”: the patient was 15 then: the Mental Capacity Act applies from 16 (s.2(5)); a child’s "
            "capacity to consent is judged by Gillick competence, not an MCA assessment.")),
    ("fr", ("« Évaluée le » : le patient avait 15 ans : la loi sur la capacité mentale (MCA) s’applique à partir de "
            "16 ans (art. 2(5))"))])
def test_an_assessment_of_a_patient_under_16_is_refused_naming_when_assessed(session_for, admit_to_paediatrics, lang,
                                                                            words):
    """MCA 2005 s.2(5): its powers are not exercisable for a person under 16; a 15-year-old's
    capacity to consent is her Gillick competence. Assessed on her 16th birthday, the Act applies."""
    child = admit_to_paediatrics("4", "2010-11-28", 48.0, "Chloé")
    doctor = session_for("doctor", lang)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, FORM, {**LACKS, "assessed_at": "2026-11-27T23:30+01:00"}, patient_id=child)
    assert [error.path for error in refused.value.errors] == ["assessed_at"]
    assert words in str(refused.value)
    assert records.save_new(doctor, FORM, LACKS, patient_id=child)


def test_a_lack_asks_the_best_interests_and_its_review(session_for, patient):
    """s.4: who was consulted, the IMCA, the wishes, the least restrictive option, the decision
    made; the review. A decision that can wait (s.4(3)) asks none but the review."""
    doctor = session_for("doctor")
    asked = ("consulted", "imca", "wishes", "least_restrictive", "decision_made", "review_by")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, FORM, {key: value for key, value in LACKS.items() if key not in asked},
                         patient_id=patient)
    assert sorted(error.path for error in refused.value.errors) == sorted(asked)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, FORM, {**{key: value for key, value in LACKS.items() if key not in asked},
                                        "can_wait": True}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["review_by"]


def test_an_imca_said_not_needed_with_only_staff_consulted_is_refused(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor"), FORM, {**LACKS, "consulted": ["pharmacist", "team"]},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["imca"]
    assert "none of family, an unpaid carer, an attorney or a deputy is ticked" in str(refused.value)
    assert records.save_new(session_for("doctor"), FORM, {**LACKS, "consulted": ["pharmacist", "team"],
                                                          "imca": "instructed"}, patient_id=patient)


def test_no_one_to_consult_on_a_discharge_destination_needs_an_imca(session_for, patient):
    """The discharge destination is itself a move (a care home, a long hospital stay): with no one
    appropriate to consult it needs an IMCA (ss.38-39), "not serious treatment nor a move" refused."""
    alone = {**LACKS, "decision": "discharge", "consulted": ["team"], "imca": "not_serious"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor"), FORM, alone, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["imca"]
    assert "the discharge destination is a change of accommodation" in str(refused.value)
    assert records.save_new(session_for("doctor"), FORM, {**alone, "decision": "medicines"}, patient_id=patient)


def test_the_latest_assessment_of_a_decision_stands_and_only_a_best_interests_decision_supports_covert():
    """Capacity is decision- and time-specific (s.2(1)): a later assessment replaces an earlier of
    the same decision, not another's."""
    lacks, has = assessment_of(LACKS), assessment_of({**HAS, "assessed_at": "2026-11-28T13:00+01:00"})
    discharge = assessment_of({**LACKS, "decision": "discharge", "assessed_at": "2026-11-28T13:30+01:00"})
    at = datetime.fromisoformat
    assert standing([lacks, has, discharge], Decision.MEDICINES, at("2026-11-28T12:00+01:00")) is lacks
    assert standing([lacks, has, discharge], Decision.MEDICINES, at("2026-11-28T14:00+01:00")) is has
    assert standing([lacks, has], Decision.MEDICINES, at("2026-11-28T10:00+01:00")) is None
    assert has.outcome is Outcome.HAS and not supports_covert(has) and supports_covert(lacks)
    assert not supports_covert(assessment_of({**LACKS, "can_wait": True})) and not supports_covert(None)


def _alerts(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [(alert.form_id, alert.latest, alert.said, alert.urgent) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), lang, ward="3B").alerts
            if alert.form_id == FORM or any("capacity" in said or "capacité" in said for said in alert.said)]


def test_a_covert_order_with_no_assessment_or_one_saying_has_capacity_is_asked(session_for, patient):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    assert _alerts(nurse) == [(medication.ORDER_FORM, "Sertraline 50 mg PO", [NO_ASSESSMENT], False)]
    assert covert.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {
        patient: f"Sertraline 50 mg PO: COVERT: crushed, in yoghurt (review by 05/12) — {NO_ASSESSMENT}"}
    assert _alerts(nurse, "fr")[0][2] == [
        ("À L’INSU DU PATIENT, aucune évaluation de sa capacité à décider de ses médicaments enregistrée : "
         "demander au médecin")]
    saved = records.save_new(doctor, FORM, HAS, patient_id=patient)
    assert _alerts(nurse) == [(medication.ORDER_FORM, "Sertraline 50 mg PO", [
        ("COVERT, but HAS capacity for medicines (assessed 28/11 by Dr Karim Benali): a capable person may refuse; "
         "ask the doctor")], True)]
    records.amend(doctor, saved.record_id, LACKS, "Reassessed: retains nothing")
    assert _alerts(nurse) == []


def test_a_later_has_for_medicines_replaces_a_worded_lack_on_the_ward_line(session_for, patient, clock):
    """Medicines are one decision whatever words the doctor typed: the strip said LACKS while the
    escalation list said HAS, urgent."""
    doctor = session_for("doctor")
    records.save_new(doctor, FORM, {**LACKS, "decision_detail": "Covert antibiotics"}, patient_id=patient)
    records.save_new(doctor, FORM, {**HAS, "assessed_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert capacity.ward_lines(doctor.db, [patient], clock(), "en") == {}


def test_a_covert_dose_to_a_patient_assessed_able_to_decide_asks_a_reason(session_for, patient):
    """A capable person may refuse (s.1(4)): a dose recorded given covertly while the standing
    assessment of medicines says HAS is saved only with the nurse's reason, as one by mouth over a
    failed swallow screen is; given openly, nothing is asked."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {**SERTRALINE, "times": "13:30 14:00"},
                             patient_id=patient).record_id
    records.save_new(doctor, FORM, {**HAS, "assessed_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    given = {"outcome": "given", "dose_given": 50.0, "route": "PO"}
    openly = medication.record_dose(nurse, order, {**given, medication.GIVEN_COVERTLY: False,
                                                   "scheduled_for": "2026-11-28T13:30+01:00",
                                                   "given_at": "2026-11-28T13:30+01:00"})
    assert openly.data.get("overrides") is None
    covertly = {**given, "scheduled_for": "2026-11-28T14:00+01:00", "given_at": "2026-11-28T14:00+01:00"}
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, covertly)
    assert [warning.message for warning in asked.value.warnings] == [
        ("Sertraline is recorded given covertly at 14:00, and the capacity assessment of 13:00 says the patient HAS "
         "capacity for their medicines: a capable person may refuse them. Untick “Given covertly” if it was given "
         "openly; else say why in the reason, and tell the doctor.")]
    saved = medication.record_dose(nurse, order, covertly, overrides={Check.COVERT_CAPABLE: "Dr Benali told"})
    assert saved.data["overrides"] == [{"check": "covert_capable", "reason": "Dr Benali told"}]


def test_a_covert_dose_to_a_capable_patient_says_the_assessment_on_the_wards_clock(session_for,
                                                                                   patient_on_the_clock):
    """An assessment made at 10:00 in summer time, read on the winter dose's fixed offset, was said
    "21/10 09:00": the nurse looked for an assessment at a time no one made one."""
    patient = patient_on_the_clock(datetime(2026, 11, 28, 14, 0), "2026-10-20T09:00+02:00")
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {
        **SERTRALINE, "times": "14:00", "start_at": "2026-10-21T09:00+02:00",
        "covert_decided_at": "2026-10-21T09:30+02:00"}, patient_id=patient).record_id
    records.save_new(doctor, FORM, {**HAS, "assessed_at": "2026-10-21T10:00+02:00"}, patient_id=patient)
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, {"outcome": "given", "dose_given": 50.0, "route": "PO",
                                              "scheduled_for": "2026-11-28T14:00+01:00",
                                              "given_at": "2026-11-28T14:00+01:00"})
    assert "the capacity assessment of 21/10 10:00 says" in asked.value.warnings[0].message


def test_a_covert_order_beside_a_lack_for_another_decision_asks_for_one_of_medicines(session_for, patient, clock):
    """A lack for the discharge destination is on the strip: the covert question says which
    assessment is missing, not "none on record"."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, FORM, {**LACKS, "decision": "discharge"}, patient_id=patient)
    records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    orders = medication.orders_of_each(nurse.db, [patient], clock())[patient]
    assert list(capacity.covert_flags(nurse.db, orders, clock(), "en").values()) == [NO_ASSESSMENT]


def test_the_review_due_opens_the_lack_due_not_a_later_assessment_of_another_decision(session_for, patient, clock):
    doctor = session_for("doctor")
    lacks = records.save_new(doctor, FORM, LACKS, patient_id=patient)
    records.save_new(doctor, FORM, {**HAS, "decision": "discharge", "assessed_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    clock.advance(days=7)  # 05/12 14:00, the review at 12:00
    assert capacity.to_open(doctor.db, patient, clock()).record_id == lacks.record_id


def test_a_lack_that_waited_asks_capacity_again_once_its_review_is_due(session_for, patient, clock):
    """No decision was made for them: there is none to review."""
    nurse = session_for("nurse")
    waits = {key: value for key, value in LACKS.items() if key in HAS or key == "review_by"}
    records.save_new(session_for("doctor"), FORM, {**waits, "outcome": "lacks", "can_wait": True}, patient_id=patient)
    clock.advance(days=7)
    assert [said for *_, said, _ in _alerts(nurse)] == [["assess capacity again: the decision has waited for it"]]


def test_the_ward_line_says_a_lack_not_a_capacity_and_its_review_once_due(session_for, patient, clock, tmp_path):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, FORM, {**HAS, "decision": "discharge"}, patient_id=patient)
    assert capacity.ward_lines(nurse.db, [patient], clock(), "en") == {}
    records.save_new(doctor, FORM, LACKS, patient_id=patient)
    line = "LACKS CAPACITY for medicines (assessed 28/11 by Dr Karim Benali; review by 05/12)"
    assert capacity.ward_lines(nurse.db, [patient], clock(), "en") == {patient: line}
    assert capacity.ward_lines(nurse.db, [patient], clock(), "fr") == {
        patient: "SANS CAPACITÉ DE DÉCIDER de ses médicaments (évaluation du 28/11 par Dr Karim Benali ; réévaluer "
                 "le 05/12)"}
    sheet = " ".join(" ".join(page.extract_text().split())
                     for page in PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert line in sheet
    assert _alerts(nurse) == []
    assert capacity.escalation(nurse.db, nurse.forms, [patient], clock(), "en").next_change == datetime.fromisoformat(
        "2026-12-05T12:00+01:00")
    clock.advance(days=7)  # 05/12 14:00, the review at 12:00
    due = "CAPACITY REVIEW DUE (by 05/12): lacks capacity for medicines (assessed 28/11 by Dr Karim Benali)"
    assert capacity.ward_lines(nurse.db, [patient], clock(), "en") == {patient: due}
    assert _alerts(nurse) == [(FORM, due, [
        "assess capacity again (it may have returned) and review the decision made for them"], False)]


def test_the_ehr_is_sent_an_observation_of_the_assessment(session_for, patient, tmp_path):
    records.save_new(session_for("doctor"), FORM, LACKS, patient_id=patient)
    found = export(session_for("records"), tmp_path / "stick").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    (assessed,) = [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
                   if entry["resource"]["resourceType"] == "Observation"
                   and entry["resource"]["code"].get("text") == "Mental capacity assessment (Mental Capacity Act 2005)"]
    assert assessed.valueCodeableConcept.text == "Lacks capacity for this decision"
    assert assessed.effectiveDateTime.isoformat() == "2026-11-28T11:00:00+01:00"
    assert assessed.category[0].coding[0].code == "survey"
    said = {part.code.text: part for part in assessed.component}
    assert said["Decision assessed"].valueCodeableConcept.text == "Medicines (taking them; given covertly)"
    assert said["Retain that information long enough to decide"].valueBoolean is False
    assert said["What showed it (use or weigh)"].valueString == "Thinks the tablets are poison"
    assert said["Family or friends"].valueBoolean is True
    assert said["Review by"].valueDateTime.isoformat() == "2026-12-05T12:00:00+01:00"
    assert said["The decision made in their best interests"].valueString.startswith("Antibiotic and regular")


@pytest.mark.parametrize("lang, words", [
    ("en", ["Mental capacity assessment", "Stage 1", "Stage 2", "Practicable steps", "LACKS capacity for this decision",
            "best interests (s.4)", "IMCA", "least restrictive"]),
    ("fr", ["Évaluation de la capacité", "Étape 1", "Étape 2", "SANS CAPACITÉ de prendre cette décision",
            "intérêt de la personne", "moins restrictive", "Saisi : aucune personne appropriée à consulter",
            "Aucune personne à consulter, et ni traitement lourd"])])
def test_the_blank_form_asks_both_stages_and_the_best_interests(blank_pages, lang, words):
    said = " ".join(blank_pages(FORM, lang))
    assert all(word in said for word in words), said


def test_an_assessment_prints_with_its_answers(session_for, patient, tmp_path):
    doctor = session_for("doctor")
    saved = records.save_new(doctor, FORM, LACKS, patient_id=patient)
    path = printing.print_record(doctor, saved.record_id, tmp_path / "capacity.pdf")
    said = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "LACKS capacity for this decision" in said and "Thinks the tablets are poison" in said, said
    assert "05/12/2026 12:00" in said and "crushed in yoghurt if refused" in said, said


def test_the_printed_mar_says_the_lack_and_flags_a_covert_order_none_supports(session_for, patient, tmp_path):
    """The night nurse works from the paper chart: the covert dose's question, and once assessed
    the lack it rests on under the allergies."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)

    def printed() -> str:
        return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
            printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=1)).pages)

    assert NO_ASSESSMENT in printed()
    records.save_new(doctor, FORM, LACKS, patient_id=patient)
    said = printed()
    assert NO_ASSESSMENT not in said
    assert "LACKS CAPACITY for medicines (assessed 28/11 by Dr Karim Benali; review by 05/12)" in said, said


def test_the_demos_covert_patient_lacks_capacity_for_her_medicines_on_record(tmp_path, forms, clock, demo_database):
    """The demo's confused woman has her medicine by mouth given covertly on the doctor's
    assessment, made after her 4AT and quoting its score: her line says the lack, and the
    escalation list asks nothing of her covert order, which is no second antibiotic beside the
    one in her drip."""
    db = demo_database(tmp_path / "demo.sqlite")
    ward = census.in_patients(db, forms, ward="3B")
    (confused,) = [patient for patient in ward if (patient.reason or "").startswith("Confusion")]
    (line,) = capacity.ward_lines(db, [confused.patient_id], clock(), "en").values()
    assert line.startswith("LACKS CAPACITY for medicines (assessed ")
    (screened,) = records.list_current(db, form_id="delirium_screening", patient_id=confused.patient_id)
    (assessed,) = records.list_current(db, form_id=FORM, patient_id=confused.patient_id)
    assert f"(4AT {delirium.total(screened.data)})" in assessed.data["impairment_what"]
    assert assessed.data["assessed_at"] > screened.data["doctor_told_at"]
    orders = medication.orders_of_each(db, [confused.patient_id], clock())[confused.patient_id]
    (covert_order,) = [order for order in orders if order.covert is not None]
    assert covert_order.route == "PO" and not antibacterial(covert_order.drug, covert_order.route)
    assert covert_order.drug in assessed.data["decision_made"]
    assert capacity.unsupported_covert(db, orders, clock()) == []


def test_the_worklist_line_says_what_showed_each_ability_and_who_said_what(session_for, patient):
    """The clerk back-enters from the line: a No with nothing of what showed it is no assessment."""
    saved = records.save_new(session_for("doctor"), FORM, LACKS, patient_id=patient)
    line = records.record_label(session_for("records"), saved)
    assert "Retain: No — What showed it: Forgot within a minute that the tablets were offered" in line, line
    assert "Their names, and what they said: Daughter (Mme Claire Leroy)" in line, line

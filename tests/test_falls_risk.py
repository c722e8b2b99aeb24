"""The multifactorial falls-risk assessment with lying and standing blood pressure
(forms/falls_risk.yaml, domain and services.falls_risk, sync/fhir_falls_risk.py): the postural
drop by the RCP's rule, the readings refused naming the field, the assessment not done a day after
the admission of a patient 65 or over said with the other screenings not done since admission,
one overdue a day after a fall on the ward on the escalation list, the drop asked of the doctor
until the review is recorded, the EHR's Observations with LOINC's lying and standing codes. The
tests' patient (conftest.patient) was born on 12/03/1954, admitted at 09:00 on 28/11; the clock
is 14:00 that day (Paris)."""

import json
from datetime import UTC, date, datetime

import pytest
from fhir.resources.R4B.observation import Observation

from downtime.domain.falls_risk import Drop, Due, asked_of, due, postural_drop
from downtime.services import census, chart_alerts, falls_risk, printing, records, since_admission
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text

FORM = falls_risk.FORM
READINGS = {"lying_systolic": 150, "lying_diastolic": 80, "standing_1_systolic": 130, "standing_1_diastolic": 76,
            "standing_3_systolic": 116, "standing_3_diastolic": 68}
ASSESSED = {"assessed_at": "2026-11-28T13:00+01:00", "why": "age_65", "factors": ["mobility", "medicines"],
            "walking_aid": "Zimmer frame", "mobility_plan": "Physiotherapy referral; supervise to the toilet",
            "medicines_plan": "Dr Benali asked to review zopiclone", **READINGS, "symptoms": True,
            "bed_rails": "not_used", "bed_rails_reason": "Mobile, would climb over", "call_bell": True}
REVIEWED = {"medicines_reviewed_by": "Dr Benali", "medicines_reviewed_at": "2026-11-28T13:50+01:00",
            "medicines_review_outcome": ["stopped_or_reduced"], "medicines_stopped_which": "Zopiclone"}
"""The doctor's review of the drop, with what they decided (form version 2)."""
STEADY = {**ASSESSED, "standing_1_systolic": 145, "standing_1_diastolic": 78, "standing_3_systolic": 142,
          "standing_3_diastolic": 78, "symptoms": False}


FELL = {"fell_at": "2026-11-28T13:40+01:00", "witnessed": "witnessed", "where": "toilet", "fracture_signs": "none",
        "head_injury": "no", "anticoagulated": False}


def _alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [(alert.latest, alert.said) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang, ward="3B").alerts if alert.form_id == FORM]


def _not_done(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return since_admission.handover(nurse.db, inside, nurse.clock(), lang)


def test_the_postural_drop_is_the_larger_fall_from_lying():
    assert postural_drop(READINGS) == Drop("standing_3", 34, 12, below_floor=False, symptoms=False)
    assert postural_drop({**READINGS, "standing_3_systolic": None, "standing_3_diastolic": None}) == Drop(
        "standing_1", 20, 4, below_floor=False, symptoms=False)


def test_a_diastolic_drop_alone_a_standing_systolic_under_90_and_symptoms_alone_are_drops():
    assert postural_drop({"lying_systolic": 130, "lying_diastolic": 80, "standing_1_systolic": 125,
                          "standing_1_diastolic": 70}).diastolic == 10
    assert postural_drop({"lying_systolic": 100, "lying_diastolic": 60, "standing_1_systolic": 88,
                          "standing_1_diastolic": 58}).below_floor
    assert not postural_drop({**STEADY, "symptoms": True}).by_readings
    assert postural_drop(STEADY) is None


def test_a_steady_low_pressure_is_no_drop_and_only_what_fell_is_said(session_for, patient):
    """The RCP's floor is a fall *to* under 90 standing: a patient at 86 lying and 87 standing has
    no postural drop; a diastolic that rose is not said as a negative fall."""
    low = {"lying_systolic": 86, "lying_diastolic": 50, "standing_1_systolic": 87, "standing_1_diastolic": 52}
    assert postural_drop(low) is None
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, {**STEADY, **low, "standing_3_systolic": None, "standing_3_diastolic": None},
                     patient_id=patient)
    assert _alerts(nurse) == []
    records.save_new(nurse, FORM, {**STEADY, "assessed_at": "2026-11-28T13:30+01:00", "lying_systolic": 140,
                                   "lying_diastolic": 80, "standing_1_systolic": 115, "standing_1_diastolic": 85},
                     patient_id=patient)
    assert _alerts(nurse) == [("Postural drop at 1 min: systolic down 25 mmHg (13:30)",
                               ["doctor to review medicines and fluids"])]


def test_who_is_asked_and_from_when():
    admitted, fell = datetime(2026, 11, 28, 9, 0, tzinfo=UTC), datetime(2026, 11, 28, 13, 40, tzinfo=UTC)
    assert asked_of(date(1962, 1, 1), admitted.date(), after_fall=False) is False
    assert asked_of(date(1962, 1, 1), admitted.date(), after_fall=True) and not asked_of(
        date(1980, 1, 1), admitted.date(), after_fall=True)
    assert asked_of(date(1961, 11, 29), admitted.date(), after_fall=False) is False  # 65 the day after
    assert asked_of(date(1961, 11, 28), admitted.date(), after_fall=False) and asked_of(None, admitted.date(),
                                                                                       after_fall=False)
    assert due(admitted, [], []) == [Due(admitted, after_fall=False)] and Due(admitted, False).at.hour == 9
    assert due(admitted, [fell], [admitted]) == [Due(fell, after_fall=True)]
    # A fall never hides the admission's assessment not yet made: each is asked until one is made after it.
    assert due(admitted, [fell], []) == [Due(admitted, after_fall=False), Due(fell, after_fall=True)]
    assert due(admitted, [fell], [fell]) == [] and due(None, [], []) == []
    # A second fall before the first one's assessment is made does not put it off by a day.
    again = datetime(2026, 11, 29, 13, 20, tzinfo=UTC)
    assert due(admitted, [fell, again], [admitted]) == [Due(fell, after_fall=True)]
    assert due(admitted, [again, fell], [admitted, datetime(2026, 11, 28, 15, 0, tzinfo=UTC)]) == [
        Due(again, after_fall=True)]


@pytest.mark.parametrize("lang, words", [("en", "“Standing systolic at 1 minute” is measured against the lying reading"),
                                         ("fr", "se compare à la mesure couché")])
def test_a_standing_reading_without_the_lying_one_is_refused_naming_the_lying_field(session_for, patient, lang,
                                                                                     words):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", lang), FORM, {**ASSESSED, "lying_systolic": None,
                                                            "lying_diastolic": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["lying_systolic"]
    assert words in str(refused.value)


def test_a_sitting_reading_without_the_lying_one_is_refused_naming_the_lying_field(session_for, patient):
    """Unable to stand, sitting 78/50 and no lying reading: it was saved, no drop read, nothing said."""
    sitting = {**ASSESSED, "unable_to_stand": True, "sitting_systolic": 78, "sitting_diastolic": 50, "symptoms": False,
               **{name: None for name in READINGS if name.startswith(("standing", "lying"))}}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), FORM, sitting, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["lying_systolic"]
    assert "“Unable to stand: sitting systolic” is measured against the lying reading" in str(refused.value)


def test_a_standing_reading_typed_with_unable_to_stand_is_refused_naming_it(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), FORM, {**ASSESSED, "unable_to_stand": True, "standing_3_systolic": None,
                                                      "standing_3_diastolic": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["standing_1_systolic", "standing_1_diastolic"]
    assert "recorded unable to stand" in str(refused.value)
    sitting = {**ASSESSED, "unable_to_stand": True, "sitting_systolic": 128, "sitting_diastolic": 70,
               **{name: None for name in READINGS if name.startswith("standing")}}
    assert records.save_new(session_for("nurse"), FORM, sitting, patient_id=patient).data["sitting_systolic"] == 128


def test_a_diastolic_not_below_its_systolic_and_a_factor_without_its_plan_are_refused(session_for, patient):
    for wrong, field, words in (({"lying_diastolic": 150}, "lying_diastolic", "(150) is not below its systolic (150)"),
                                ({"mobility_plan": ""}, "mobility_plan", "Mobility: planned")):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(session_for("nurse"), FORM, {**ASSESSED, **wrong}, patient_id=patient)
        assert [error.path for error in refused.value.errors] == [field]
        assert words in str(refused.value)


@pytest.mark.parametrize("left, field", [({}, "lying_systolic"),
                                         ({"lying_systolic": 150, "lying_diastolic": 80}, "standing_1_systolic")])
def test_an_assessment_without_lying_and_standing_blood_pressure_is_refused_naming_the_field(session_for, patient,
                                                                                           left, field):
    """The part of the assessment most often left undone: no BP, or lying alone, is refused unless
    the patient cannot stand or why it was not measured is said."""
    unmeasured = {**STEADY, **{name: None for name in READINGS}, **left}
    for lang, words in (("en", "record the lying and standing blood pressure"),
                        ("fr", "noter la pression artérielle couché et debout")):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(session_for("nurse", lang), FORM, unmeasured, patient_id=patient)
        assert [error.path for error in refused.value.errors] == [field]
        assert words in str(refused.value)
    for said in ({"unable_to_stand": True}, {"bp_not_measured": "Refused: wants to sleep, asked again at 18:00"}):
        assert records.save_new(session_for("nurse"), FORM, {**unmeasured, **said}, patient_id=patient)


def test_never_assessed_a_day_after_admission_at_65_or_over_is_said_with_the_screenings_not_done(
        session_for, patient, clock):
    """Said on the handover with the 4AT and MUST not done, not as one more row per patient on the
    escalation list."""
    nurse = session_for("nurse")
    clock.advance(hours=19, minutes=30)
    assert _alerts(nurse) == []
    assert "falls-risk assessment (with lying and standing BP)" in _not_done(nurse)[patient]
    assert "évaluation du risque de chute (avec PA couché et debout)" in _not_done(nurse, "fr")[patient]
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls_risk.handover(nurse.db, inside, nurse.clock(), "en") == {}
    records.save_new(nurse, FORM, {**STEADY, "assessed_at": "2026-11-29T09:20+01:00"}, patient_id=patient)
    assert "falls-risk" not in _not_done(nurse).get(patient, "")


def test_a_fall_never_hides_the_assessment_overdue_since_admission(session_for, patient, clock):
    nurse = session_for("nurse")
    clock.advance(hours=20)  # 29/11 10:00: the assessment overdue since 09:00
    records.save_new(nurse, "inpatient_fall", {**FELL, "fell_at": "2026-11-29T09:50+01:00"}, patient_id=patient)
    assert "falls-risk assessment (with lying and standing BP)" in _not_done(nurse)[patient]
    clock.advance(days=1)
    assert "falls-risk assessment (with lying and standing BP)" in _not_done(nurse)[patient]
    assert _alerts(nurse) == [("Falls-risk assessment OVERDUE since 09:50 (fell 29/11 09:50, 72 years)",
                               ["assess the falls risk, with lying and standing blood pressure (NICE NG249)"])]


def test_the_age_is_the_patients_when_read_not_at_admission(session_for, admission_values, patient, clock):
    """64 on admission, 65 the next day: asked from then, as the 4AT is."""
    older = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "bed": "3", "nir": None, "birth_date": "1961-11-29",
        "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    clock.advance(days=2)
    assert "falls-risk assessment" in _not_done(session_for("nurse"))[older]


def test_a_patient_on_comfort_care_is_not_asked(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T10:30+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "twelve_hourly", "discussed_with": "her daughter", "cpr_reason": "DNACPR on the paper notes"},
        patient_id=patient)
    clock.advance(days=1)
    assert "falls-risk" not in _not_done(nurse).get(patient, "")
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    clock.advance(days=1)
    assert _alerts(nurse) == []


def test_a_patient_under_50_is_not_asked(session_for, admission_values, patient, clock):
    young = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "bed": "3", "nir": None, "birth_date": "1990-05-01",
        "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    clock.advance(days=1)
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=young)
    clock.advance(days=1)
    assert "falls-risk" in _not_done(nurse)[patient] and "falls-risk" not in _not_done(nurse).get(young, "")
    assert _alerts(nurse) == []


def test_a_fall_on_the_ward_makes_a_new_assessment_due(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, STEADY, patient_id=patient)
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    clock.advance(hours=23, minutes=30)
    assert _alerts(nurse) == []
    clock.advance(hours=1)
    ((latest, _),) = _alerts(nurse)
    assert latest == "Falls-risk assessment OVERDUE since 13:40 (fell 28/11 13:40, 72 years)"
    french = falls_risk.handover(nurse.db, census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock()),
                                 nurse.clock(), "fr")
    assert french == {patient: "Évaluation du risque de chute EN RETARD depuis 13:40 (chute 28/11 13:40, 72 ans) — "
                               "évaluer le risque de chute, avec la pression artérielle couché et debout (NICE NG249)"}


def test_a_second_fall_before_the_assessment_after_the_first_keeps_it_overdue(session_for, patient, clock):
    """Fell at 13:40 and again the next day at 14:20, never assessed since the first: the
    assessment was overdue since 29/11 13:40, then asked nothing until 30/11 14:20."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, STEADY, patient_id=patient)
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    clock.advance(days=1, minutes=20)
    records.save_new(nurse, "inpatient_fall", {**FELL, "fell_at": "2026-11-29T14:20+01:00"}, patient_id=patient)
    clock.advance(minutes=10)
    ((latest, _),) = _alerts(nurse)
    assert latest == "Falls-risk assessment OVERDUE since 13:40 (fell 28/11 13:40, 72 years)"


def test_the_list_opens_the_latest_only_while_its_drop_awaits_review_else_a_new_one_after_a_fall(
        session_for, patient, clock):
    """Opening the pre-fall assessment had the nurse amend it into the new one, replacing it."""
    nurse = session_for("nurse")
    dropped = records.save_new(nurse, FORM, ASSESSED, patient_id=patient)
    assert falls_risk.to_open(nurse.db, patient).record_id == dropped.record_id
    records.amend(session_for("doctor"), dropped.record_id, {
        **ASSESSED, **REVIEWED}, "Zopiclone stopped")
    assert falls_risk.to_open(nurse.db, patient) is None and falls_risk.new_answers(nurse.db, patient) == {}
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    clock.advance(days=1, hours=1)
    assert falls_risk.to_open(nurse.db, patient) is None
    assert falls_risk.new_answers(nurse.db, patient) == {"why": "after_fall"}


def test_unable_to_stand_the_sitting_reading_is_read_against_lying(session_for, patient):
    sitting = {**STEADY, **{name: None for name in READINGS if name.startswith("standing")}, "unable_to_stand": True,
               "sitting_systolic": 105, "sitting_diastolic": 70}
    assert postural_drop(sitting) == Drop("sitting", 45, 10, below_floor=False, symptoms=False)
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, sitting, patient_id=patient)
    assert _alerts(nurse) == [("Postural drop sitting: systolic down 45, diastolic down 10 mmHg (13:00)",
                               ["doctor to review medicines and fluids"])]
    # Its symptoms are asked on sitting up too, the patient who cannot stand being sat up.
    assert "on sitting up or standing" in nurse.form(FORM).field("symptoms").label.en


def test_a_postural_drop_asks_the_doctor_until_the_review_is_recorded(session_for, patient):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, ASSESSED, patient_id=patient)
    assert _alerts(nurse) == [("Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg (13:00)",
                               ["doctor to review medicines and fluids"])]
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls_risk.handover(nurse.db, inside, nurse.clock(), "en") == {
        patient: "Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg (13:00) — doctor to review "
                 "medicines and fluids"}
    records.amend(session_for("doctor"), saved.record_id, {
        **ASSESSED, **REVIEWED, "medicines_review_outcome": ["stopped_or_reduced", "fluids"]},
        "Zopiclone stopped, fluids encouraged")
    assert _alerts(nurse) == []


@pytest.mark.parametrize("unmeasured", [{"lying_systolic": 148, "lying_diastolic": 80, "unable_to_stand": True},
                                        {"bp_not_measured": "Drowsy after the fall, will repeat later"}])
def test_a_reassessment_without_standing_bp_keeps_the_unreviewed_drop(session_for, patient, unmeasured):
    """A reassessment that did not measure the blood pressure against lying (unable to stand with
    no sitting reading, or not measured) says nothing of the drop: it cleared the doctor's review
    no one had made (review s65 T3 D3). One that measured it and found none ends it."""
    nurse = session_for("nurse")
    dropped = records.save_new(nurse, FORM, ASSESSED, patient_id=patient)
    again = {**{name: value for name, value in ASSESSED.items() if name not in READINGS}, **unmeasured,
             "assessed_at": "2026-11-28T13:30+01:00", "symptoms": False}
    records.save_new(nurse, FORM, again, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls_risk.handover(nurse.db, inside, nurse.clock(), "en") == {
        patient: "Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg (13:00) — doctor to review "
                 "medicines and fluids"}
    assert falls_risk.to_open(nurse.db, patient).record_id == dropped.record_id
    records.save_new(nurse, FORM, {**STEADY, "assessed_at": "2026-11-28T13:45+01:00"}, patient_id=patient)
    assert _alerts(nurse) == [] and falls_risk.to_open(nurse.db, patient) is None


def _bundle(session_for, folder):
    found = export(session_for("records"), folder).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "Observation"]


def test_the_ehr_is_sent_each_position_under_its_loinc_code_and_the_assessment(session_for, patient, tmp_path):
    records.save_new(session_for("nurse"), FORM, ASSESSED, patient_id=patient)
    found = {one.code.text: one for one in _bundle(session_for, tmp_path / "falls") if one.code.text}
    lying = found["Blood pressure lying (after 5 minutes)"]
    # The R4B blood pressure profile's codes first, the position's beside them.
    assert [([one.code for one in part.code.coding], part.valueQuantity.value) for part in lying.component] == [
        (["8480-6", "8461-6"], 150), (["8462-4", "8455-8"], 80)]
    standing = found["Blood pressure standing at 3 minutes"]
    assert [([one.code for one in part.code.coding], part.valueQuantity.value) for part in standing.component] == [
        (["8480-6", "8460-8"], 116), (["8462-4", "8454-1"], 68)]
    assessment = found["Multifactorial falls-risk assessment"]
    said = {part.code.text: part for part in assessment.component}
    assert said[next(text for text in said if text.startswith("Postural drop"))].valueBoolean is True
    assert said["Mobility, gait or balance problem"].valueBoolean is True
    assert said["Medicines that raise falls risk"].valueBoolean is True
    assert said["Call bell within reach and the patient can use it"].valueBoolean is True
    assert len(assessment.derivedFrom) == 3 and assessment.valueQuantity is None
    assert "Assessed at" not in said  # its time, not one of its answers


@pytest.mark.parametrize("said, words", [
    ({"unable_to_stand": True, "sitting_systolic": 118, "sitting_diastolic": 70},
     ["Sitting systolic: 118 mmHg", "Sitting diastolic: 70 mmHg"]),
    ({"bp_not_measured": "Refused: too breathless to stand"},
     ["Lying and standing BP not measured: why: Refused: too breathless to stand"])])
def test_the_worklist_line_says_the_sitting_reading_why_not_measured_and_each_plan(session_for, patient, said, words):
    """The clerk types from the line: the sitting reading (the only postural one of a patient who
    cannot stand), why the blood pressure was not measured, the walking aid, each factor's plan and
    the bed rails' reason were on the CSV and in the EHR but not on it (review s65 T4 D3)."""
    unmeasured = {**ASSESSED, **{name: None for name in READINGS if name.startswith("standing")
                                 or "unable_to_stand" not in said}, **said}
    saved = records.save_new(session_for("nurse"), FORM, unmeasured, patient_id=patient)
    line = records.record_label(session_for("records"), saved)
    for one in [*words, "Walking aid used (frame, stick) and within reach: Zimmer frame",
                "Mobility: planned: Physiotherapy referral",
                "review asked of: Dr Benali asked to review zopiclone",
                "Bed rails: why: Mobile, would climb over"]:
        assert one in line, (one, line)


def test_the_printed_assessment_says_the_drop_beside_its_readings(session_for, patient, tmp_path):
    nurse = session_for("nurse", "fr")
    saved = records.save_new(nurse, FORM, ASSESSED, patient_id=patient)
    out = printing.print_record(nurse, saved.record_id, tmp_path / "falls_risk.pdf")
    text = " ".join(pdf_text(out).split())
    assert ("Hypotension orthostatique à 3 min : systolique en baisse de 34, diastolique en baisse de 12 mmHg — "
            "médecin à prévenir : réévaluer médicaments et hydratation") in text
    assert "Systolique debout à 3 minutes" in text and "116" in text


def test_the_handover_sheet_says_the_drop_for_the_doctor(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, ASSESSED, patient_id=patient)
    text = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())
    assert ("Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg (13:00) — doctor to review "
            "medicines and fluids") in text


def test_the_demo_shows_a_drop_for_the_doctor_and_assessments_not_done(tmp_path, forms, clock, demo_database):
    """The demo had no assessment at all: every patient 65 or over read as never assessed."""
    db = demo_database(tmp_path / "demo.sqlite")
    ward = census.in_patients(db, forms, ward="3B")
    listed = [(alert.patient.reason, alert.latest) for alert in chart_alerts.alerts(
        db, forms, ward, clock(), "en", ward="3B").alerts if alert.form_id == FORM]
    assert [(reason, latest.split(" (")[0]) for reason, latest in listed] == [
        ("Parkinson's disease, medicines review after fall.",
         "Postural drop at 3 min: systolic down 34, diastolic down 8 mmHg")]
    not_done = since_admission.handover(db, ward, clock(), "en")
    reasons = {patient.reason for patient in ward if "falls-risk" in not_done.get(patient.patient_id, "")}
    assert reasons and not reasons & {"COPD exacerbation.", "Confusion, suspected urinary infection.",
                                      "Parkinson's disease, medicines review after fall."}

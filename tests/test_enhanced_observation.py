"""The enhanced care chart ("specialling": forms/enhanced_observation.yaml, domain and
services.enhanced_observation, sync/fhir_enhanced_observation.py): a log entry refused with no
level standing, a level decided by a registered nurse or a doctor only, its review within the
local policy's 24 hours, the DoLS urgent authorisation refused without its grounds and lasting 7
days; the handover and escalation lines (the entry overdue, the review due, a deprivation of
liberty with no authorisation, an urgent one with no standard requested, the capacity assessment
the lack rests on); the Observations the EHR is sent; the blank and the filled paper; the demo's
confused woman. The tests' clock is 14:00 on 28/11 (Paris), the patient admitted at 09:00."""

import json
from datetime import datetime, timedelta

import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.domain.enhanced_observation import (
    Decided,
    Level,
    decision_of,
    every,
    kept_over,
    sheets,
    standing,
)
from downtime.domain.roles import Role
from downtime.services import (
    census,
    chart_alerts,
    enhanced_observation,
    printing,
    records,
    staff,
)
from downtime.services.context import Session, load_device
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.test_capacity_assessment import LACKS

FORM = enhanced_observation.FORM
SET = {"kind": "decision", "noted_at": "2026-11-28T10:00+01:00", "decision": "set", "level": "eyesight",
       "risks": ["leaving", "falls"], "decided_by": "Hélène Lefèvre", "decider_role": "nurse_in_charge",
       "review_by": "2026-11-29T09:00+01:00", "told": "Told her and her daughter why a nurse stays with her",
       "restrictions": ["door"], "supervised": True, "not_free_to_leave": True, "lacks_capacity": True}
URGENT = {**SET, "urgent_granted_at": "2026-11-28T10:30+01:00", "urgent_ends_at": "2026-12-05T10:30+01:00",
          "urgent_reasons": "Trying to leave to find her husband; cannot see why she must stay"}


def entry(time: str, **more: str) -> dict[str, str]:
    return {"kind": "entry", "noted_at": f"2026-11-28T{time}+01:00", "where": "walking",
            "state": "restless", "doing": "Walking to the door", "behaviour": "Asking for her husband", "observer": "Aïcha Benali", **more}


def _errors(refused: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [error.path for error in refused.value.errors]


@pytest.mark.parametrize("lang, words", [
    ("en", "“Date and time”: no level of observation was set by then: record the decision first."),
    ("fr", "« Date et heure » : aucun niveau de surveillance n’était instauré à ce moment")])
def test_an_entry_with_no_level_set_is_refused_naming_its_time(session_for, patient, lang, words):
    nurse = session_for("nurse", lang)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, entry("11:00"), patient_id=patient)
    assert _errors(refused) == ["noted_at"] and words in str(refused.value)
    records.save_new(nurse, FORM, SET, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, entry("09:30"), patient_id=patient)
    assert _errors(refused) == ["noted_at"]
    assert records.save_new(nurse, FORM, entry("11:00"), patient_id=patient)


def test_an_entry_after_the_level_stopped_and_a_review_of_none_are_refused(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, FORM, {"kind": "decision", "noted_at": "2026-11-28T12:00+01:00", "decision": "stopped",
                                   "decided_by": "Hélène Lefèvre", "decider_role": "registered_nurse",
                                   "told": "Told her daughter", "stopped_reason": "Settled, delirium clearing"},
                     patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, entry("12:30"), patient_id=patient)
    assert _errors(refused) == ["noted_at"] and "was stopped by then" in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**SET, "noted_at": "2026-11-28T13:00+01:00", "decision": "reviewed"},
                         patient_id=patient)
    assert _errors(refused) == ["decision"]
    assert "no level stands to be reviewed, level unchanged: record “Level set” first" in str(refused.value)


@pytest.mark.parametrize("role, said", [(Role.STUDENT_NURSE, "a student nurse"),
                                        (Role.HEALTHCARE_ASSISTANT, "a healthcare assistant")])
def test_a_student_nurse_or_an_assistant_writes_the_log_but_does_not_decide_the_level(
        session_for, patient, clock, forms, role, said):
    staff.add_staff(session_for("admin"), "junior", "Léa Petit", role, "6666")
    nurse = session_for("nurse")
    junior = Session(nurse.db, load_device(nurse.db), staff.sign_in(nurse.db, "junior", "6666", clock), forms, clock)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(junior, FORM, SET, patient_id=patient)
    assert _errors(refused) == ["decision"]
    assert f"a level is decided by a registered nurse or a doctor; you are signed in as {said}" in str(refused.value)
    records.save_new(nurse, FORM, SET, patient_id=patient)
    assert records.save_new(junior, FORM, entry("11:00"), patient_id=patient)


@pytest.mark.parametrize("lang, words", [
    ("en", "“Decision”: “Reviewed, level unchanged” keeps the level standing (within eyesight), and this decision says "
           "general (low-level intermittent): record “Level changed”, with what the patient and family were told."),
    ("fr", "« Décision » : « Réévalué, niveau inchangé » garde le niveau en cours (à portée de vue), et cette décision "
           "indique générale (intermittente, niveau bas) : noter « Niveau modifié », avec ce qui a été dit au patient "
           "et à sa famille.")])
def test_a_review_of_another_level_than_the_one_standing_is_refused(session_for, patient, lang, words):
    """"Reviewed, level unchanged" with the level stepped down from within eyesight to general was
    saved, nothing said of what the patient and family were told (which a change asks), and the
    log's clock not restarted; one keeping the level, or a change, is saved."""
    nurse = session_for("nurse", lang)
    records.save_new(nurse, FORM, SET, patient_id=patient)
    review = {**SET, "noted_at": "2026-11-28T12:00+01:00", "decision": "reviewed", "told": ""}
    for other in ({"level": "general"}, {"level": "intermittent", "interval_minutes": "15"},
                  {"level": "arms_length", "two_staff": True}):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, FORM, {**review, **other}, patient_id=patient)
        assert _errors(refused) == ["decision"]
        if other == {"level": "general"}:
            assert words in str(refused.value)
    assert records.save_new(nurse, FORM, review, patient_id=patient)
    assert records.save_new(nurse, FORM, {**review, "noted_at": "2026-11-28T13:00+01:00", "decision": "changed",
                                          "level": "general", "told": "Told her daughter"}, patient_id=patient)


def test_a_review_before_the_decision_is_refused(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**SET, "review_by": "2026-11-28T09:30+01:00"}, patient_id=patient)
    assert _errors(refused) == ["noted_at"] and "“Date and time” cannot be after “Review by”." in str(refused.value)


def test_an_urgent_authorisation_without_its_grounds_is_refused(session_for, patient):
    """DoLS authorises the deprivation of liberty of a person lacking capacity to consent to it:
    the acid test not met, or the person able to consent, there is none to authorise."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**URGENT, "not_free_to_leave": False}, patient_id=patient)
    assert _errors(refused) == ["urgent_granted_at"]
    assert ("“DoLS urgent authorisation granted at (by the hospital)”: the acid test is not met (“Not free to leave "
            "(would be stopped or brought back)”: No)") in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**URGENT, "lacks_capacity": False}, patient_id=patient)
    assert _errors(refused) == ["urgent_granted_at"] and "answered able to consent" in str(refused.value)
    assert records.save_new(nurse, FORM, URGENT, patient_id=patient)


def test_an_extension_is_once_by_up_to_7_days_of_an_urgent_authorisation_on_record(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**SET, "extended_until": "2026-12-06T10:30+01:00"}, patient_id=patient)
    assert _errors(refused) == ["extended_until"] and "no urgent authorisation is recorded" in str(refused.value)
    records.save_new(nurse, FORM, URGENT, patient_id=patient)
    review = {**SET, "noted_at": "2026-11-28T13:00+01:00", "decision": "reviewed",
              "standard_requested_at": "2026-11-28T13:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**review, "extended_until": "2026-12-12T11:00+01:00"}, patient_id=patient)
    assert _errors(refused) == ["extended_until"]
    assert "extended once, by up to 7 days: from 05/12 10:30 to 12/12 10:30 at the latest" in str(refused.value)
    assert records.save_new(nurse, FORM, {**review, "extended_until": "2026-12-12T10:30+01:00"}, patient_id=patient)


def test_the_next_entry_is_due_by_the_level_from_its_last_entry_or_its_change():
    at = datetime.fromisoformat
    intermittent = decision_of({**SET, "level": "intermittent", "interval_minutes": "30"})
    assert every(Level.GENERAL, None) == timedelta(minutes=60) and intermittent.every == timedelta(minutes=30)
    watch = standing([intermittent], [at("2026-11-28T10:20+01:00")], at("2026-11-28T11:00+01:00"))
    assert watch is not None and watch.next_entry_due == at("2026-11-28T10:50+01:00")
    changed = decision_of({**SET, "noted_at": "2026-11-28T12:00+01:00", "decision": "changed", "level": "arms_length"})
    watch = standing([intermittent, changed], [at("2026-11-28T11:55+01:00")], at("2026-11-28T12:10+01:00"))
    assert watch is not None and watch.entries == () and watch.next_entry_due == at("2026-11-28T13:00+01:00")
    stopped = decision_of({"kind": "decision", "noted_at": "2026-11-28T13:00+01:00", "decision": "stopped"})
    assert stopped.decided is Decided.STOPPED
    assert standing([intermittent, changed, stopped], [], at("2026-11-28T14:00+01:00")) is None
    urgent = standing([decision_of(URGENT)], [], at("2026-11-28T14:00+01:00"))
    assert urgent is not None and urgent.liberty.expires == at("2026-12-05T10:30+01:00")
    assert urgent.liberty.authorised(at("2026-12-05T10:29+01:00"))
    assert not urgent.liberty.authorised(at("2026-12-05T10:30+01:00"))


def _alerts(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [(alert.latest, alert.said, alert.urgent) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), lang, ward="3B").alerts if alert.form_id == FORM]


def _handover(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return enhanced_observation.handover(nurse.db, nurse.forms, inside, nurse.clock(), lang)


LEVEL = "ENHANCED OBSERVATION within eyesight (leaving the ward, wandering / falls)"
UNAUTHORISED = ("deprived of liberty (acid test met, lacks capacity) with no DoLS authorisation: tell the nurse in "
                "charge now")
UNASSESSED = ("no capacity assessment of the arrangements on record: assess capacity to consent to them (MCA s.2-3; "
              "decision “Other”, in words “staying on the ward”)")
ARRANGEMENTS = {**LACKS, "assessed_at": "2026-11-28T11:30+01:00", "decision": "other",
                "decision_detail": "Staying on the ward for her care and treatment"}


def test_the_lists_say_the_entry_overdue_and_a_deprivation_of_liberty_unauthorised(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=patient)
    for time in ("11:00", "12:00", "13:00"):
        records.save_new(nurse, FORM, entry(time), patient_id=patient)
    assert _alerts(nurse) == [(f"{LEVEL}; last entry 13:00", ["entry OVERDUE since 14:00", UNAUTHORISED, UNASSESSED],
                               True)]
    assert _handover(nurse) == {patient: f"{LEVEL}; last entry 13:00; entry OVERDUE since 14:00; review by 29/11 09:00; "
                                         f"{UNAUTHORISED}; {UNASSESSED}"}
    assert _handover(nurse, "fr")[patient].startswith(
        "SURVEILLANCE RAPPROCHÉE à portée de vue (quitter le service, déambulation / chutes) ; dernière ligne 13:00 ; "
        "ligne EN RETARD depuis 14:00")
    sheet = " ".join(" ".join(page.extract_text().split())
                     for page in PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert "entry OVERDUE since 14:00" in sheet


def test_an_urgent_authorisation_asks_the_standard_one_then_says_it_and_expires(session_for, patient, clock):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(nurse, FORM, URGENT, patient_id=patient)
    records.save_new(nurse, FORM, entry("13:30"), patient_id=patient)
    expires = "DoLS urgent authorisation expires 05/12 10:30: standard authorisation requested?"
    assert _alerts(nurse) == [(f"{LEVEL}; last entry 13:30", [expires, UNASSESSED], False)]
    records.save_new(doctor, "capacity_assessment", ARRANGEMENTS, patient_id=patient)
    records.save_new(nurse, FORM, {**SET, "noted_at": "2026-11-28T13:40+01:00", "decision": "reviewed",
                                   "standard_requested_at": "2026-11-28T13:40+01:00"}, patient_id=patient)
    assert _alerts(nurse) == []
    assert _handover(nurse)[patient].endswith(
        "DoLS urgent authorisation until 05/12 10:30, standard requested 28/11; capacity assessment on record: "
        "28/11 by Dr Karim Benali, lacks capacity for Staying on the ward for her care and treatment")
    clock.now = datetime.fromisoformat("2026-11-29T08:50+01:00")
    records.save_new(nurse, FORM, {**SET, "noted_at": "2026-11-29T08:50+01:00", "decision": "reviewed",
                                   "review_by": "2026-11-30T08:00+01:00"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-05T10:30+01:00")
    ((_, said, urgent),) = _alerts(nurse)
    assert said == ["entry OVERDUE since 28/11 14:30", ("level review due (by 30/11 08:00): review it with the nurse in "
                    "charge"), ("DoLS urgent authorisation EXPIRED 05/12 10:30 with no standard authorisation: tell the "
                               "nurse in charge now")] and urgent
    assert enhanced_observation.new_answers(nurse, patient) == {"kind": "entry"}


def test_the_lack_of_capacity_to_consent_rests_on_an_assessment_of_the_arrangements_alone(session_for, patient):
    """MCA s.2(1), Schedule A1 para 15: capacity is decision-specific. Her assessment for her
    medicines is no ground for lacking capacity to consent to being kept on the ward: the lists ask
    for one of the arrangements until it is recorded (an "Other" decision naming them)."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(nurse, FORM, {**URGENT, "standard_requested_at": "2026-11-28T10:40+01:00"}, patient_id=patient)
    records.save_new(nurse, FORM, entry("13:30"), patient_id=patient)
    records.save_new(doctor, "capacity_assessment", LACKS, patient_id=patient)
    records.save_new(doctor, "capacity_assessment", {**ARRANGEMENTS, "decision_detail": "Hip operation"},
                     patient_id=patient)
    said = _handover(nurse)[patient]
    assert said.endswith(f"standard requested 28/11; {UNASSESSED}") and "medicines" not in said, said
    assert _handover(nurse, "fr")[patient].endswith(
        "aucune évaluation de la capacité à consentir à ces mesures enregistrée : l’évaluer (MCA art. 2-3 ; décision "
        "« Autre », en clair « rester dans le service »)")
    assert _alerts(nurse) == [(f"{LEVEL}; last entry 13:30", [UNASSESSED], False)]
    records.save_new(doctor, "capacity_assessment", {**ARRANGEMENTS, "decision_detail": "DoLS: to remain in hospital"},
                     patient_id=patient)
    assert _handover(nurse)[patient].endswith(
        "capacity assessment on record: 28/11 by Dr Karim Benali, lacks capacity for DoLS: to remain in hospital")
    assert _alerts(nurse) == []


def test_a_level_stopped_asks_nothing_and_the_next_record_is_an_entry(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, FORM, entry("13:30"), patient_id=patient)
    assert enhanced_observation.new_answers(nurse, patient) == {
        "kind": "decision", "decision": "reviewed", "level": "eyesight", "risks": ["leaving", "falls"],
        "restrictions": ["door"], "supervised": True, "not_free_to_leave": True, "lacks_capacity": True}
    records.save_new(nurse, FORM, {"kind": "decision", "noted_at": "2026-11-28T13:00+01:00", "decision": "stopped",
                                   "decided_by": "Hélène Lefèvre", "decider_role": "nurse_in_charge",
                                   "told": "Told her", "stopped_reason": "Settled"}, patient_id=patient)
    assert _alerts(nurse) == [] and _handover(nurse) == {}
    assert enhanced_observation.new_answers(nurse, patient) == {"kind": "entry"}


def test_the_ehr_is_sent_an_observation_of_each_decision_and_entry(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, URGENT, patient_id=patient)
    records.save_new(nurse, FORM, entry("11:00", handed_to="Marc Petit"), patient_id=patient)
    found = export(session_for("records"), tmp_path / "stick").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    made = [Observation.model_validate(one["resource"]) for one in bundle["entry"]
            if one["resource"]["resourceType"] == "Observation"
            and (one["resource"]["code"].get("text") or "").startswith("Enhanced observation")]
    decided, logged = sorted(made, key=lambda one: one.effectiveDateTime)
    assert decided.code.text == "Enhanced observation level decision"
    assert decided.valueCodeableConcept.text == "Within eyesight: continuous"
    said = {part.code.text: part for part in decided.component}
    assert said["Decision"].valueCodeableConcept.text == "Level set"
    assert said["Under continuous supervision and control"].valueBoolean is True
    assert said["DoLS urgent authorisation granted at (by the hospital)"].valueDateTime.isoformat() == (
        "2026-11-28T10:30:00+01:00")
    assert said["Urgent authorisation ends at"].valueDateTime.isoformat() == "2026-12-05T10:30:00+01:00"
    assert said["Why the urgent authorisation was given"].valueString == URGENT["urgent_reasons"]
    assert logged.code.text == "Enhanced observation log entry"
    assert logged.valueString == "Walking with staff: Walking to the door"
    assert {part.code.text: part for part in logged.component}["Behaviour and mood"].valueCodeableConcept.text == (
        "Restless")
    assert {part.code.text: part for part in logged.component}["Watch handed over to (name)"].valueString == "Marc Petit"


@pytest.mark.parametrize("lang, words, log", [
    ("en", ["Enhanced care", "Within eyesight: continuous", "Within arm’s length", "every 15 to 30 minutes",
            "Under continuous supervision and control", "Urgent authorisation granted",
            "the hourly log on its own day sheets (“Enhanced care: observation log”)"],
     ["Where the patient was", "Watch handed over to", "Engagement, activity offered", "If This record is: A log"]),
    ("fr", ["Surveillance rapprochée", "À portée de vue : continue", "toutes les 15 à 30 minutes",
            "Sous surveillance et contrôle continus",
            "le relevé horaire sur ses propres feuilles du jour (« Surveillance rapprochée : relevé »)"],
     ["Où était le patient", "Relève passée à", "Échanges, activité proposée", "Si Cette fiche est : Une ligne"])])
def test_the_blank_decision_asks_the_level_and_the_dols_questions_not_the_log(blank_pages, lang, words, log):
    """The log has its own day sheets in the binder (the day-grid, pdf.enhanced_observation): the
    blank decision carried an entry's boxes too, a page more of each copy, an hour's entry on it
    lost to the day's grid."""
    pages = blank_pages(FORM, lang)
    said = " ".join(pages)
    assert all(word in said for word in words), said
    assert [box for box in log if box.lower() in said.lower()] == [], said
    assert len(pages) == 2, pages


def test_a_decision_prints_with_its_answers(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, URGENT, patient_id=patient)
    said = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_record(nurse, saved.record_id, tmp_path / "decision.pdf")).pages)
    assert "Within eyesight: continuous" in said and "28/11/2026 10:30" in said, said
    assert "in force until 05/12/2026 10:30 (MCA Schedule A1 para 78)" in said, said
    assert "Told her and her daughter why a nurse stays with her" in said, said


def test_the_demos_confused_woman_is_watched_within_eyesight_her_entry_overdue(tmp_path, forms, clock, demo_database):
    db = demo_database(tmp_path / "demo.sqlite")
    ward = census.in_patients(db, forms, ward="3B")
    (confused,) = [patient for patient in ward if (patient.reason or "").startswith("Confusion")]
    line = enhanced_observation.handover(db, forms, [confused], clock(), "en")[confused.patient_id]
    assert line.startswith("ENHANCED OBSERVATION within eyesight (leaving the ward, wandering / falls / delirium, "
                           "agitation); last entry "), line
    assert "entry OVERDUE since" in line and "DoLS urgent authorisation expires" in line, line
    assert line.endswith(UNASSESSED) and "medicines" not in line, "her only assessment is of her medicines: " + line


URGENT_FOR_3_DAYS = {**URGENT, "urgent_ends_at": "2026-12-01T10:30+01:00"}


def _ped_alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "PED", nurse.clock())
    return [(alert.said, alert.urgent) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="PED").alerts if alert.form_id == FORM]


CHILD = ("deprived of liberty (acid test met, lacks capacity), under 18: DoLS is for people 18 and over, and this chart "
         "cannot record what authorises it: tell the nurse in charge now; ask the safeguarding lead: ")


def test_dols_is_refused_for_a_patient_under_18_and_the_lists_name_the_other_routes(session_for, admit_to_paediatrics):
    """Schedule A1 para 13: DoLS authorises the detention of a person aged 18 or over; a confused
    16-year-old kept on the ward needs the Court of Protection or the Mental Health Act, asked now
    as an adult's detention with no authorisation is: the chart records no court's order."""
    child = admit_to_paediatrics("3", "2010-05-01", 55.0, "Léa")
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**URGENT_FOR_3_DAYS, "standard_requested_at": "2026-11-28T10:30+01:00"},
                         patient_id=child)
    assert _errors(refused) == ["urgent_granted_at", "standard_requested_at"]
    assert ("“DoLS urgent authorisation granted at (by the hospital)”: DoLS is for people 18 and over (MCA Schedule A1 "
            "para 13); the patient was 16 at 28/11 10:30: ask the safeguarding lead; Court of Protection or the Mental "
            "Health Act.") in str(refused.value)
    records.save_new(nurse, FORM, SET, patient_id=child)
    inside = census.in_patients(nurse.db, nurse.forms, "PED", nurse.clock())
    said = enhanced_observation.handover(nurse.db, nurse.forms, inside, nurse.clock(), "en")[child]
    assert UNAUTHORISED not in said and f"{CHILD}Court of Protection or the Mental Health Act" in said, said
    assert _ped_alerts(nurse) == [(["entry OVERDUE since 11:00", f"{CHILD}Court of Protection or the Mental Health Act",
                                    UNASSESSED], True)]


def test_under_16_the_lists_name_the_high_court_and_gillick_competence_not_an_mca_assessment(
        session_for, admit_to_paediatrics):
    """MCA 2005 s.2(5): the Act's powers, the Court of Protection's among them, are for 16 and over:
    a 15-year-old's deprivation of liberty goes to the High Court's inherent jurisdiction or the
    Mental Health Act, her capacity to consent judged by Gillick competence."""
    child = admit_to_paediatrics("4", "2011-06-01", 48.0, "Chloé")
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, URGENT, patient_id=child)
    assert _errors(refused) == ["urgent_granted_at"] and "Court of Protection" not in str(refused.value)
    assert ("the patient was 15 at 28/11 10:30: ask the safeguarding lead; High Court (inherent jurisdiction) or the "
            "Mental Health Act; Gillick competence, not an MCA assessment.") in str(refused.value)
    records.save_new(nurse, FORM, SET, patient_id=child)
    routes = "High Court (inherent jurisdiction) or the Mental Health Act; Gillick competence, not an MCA assessment"
    assert _ped_alerts(nurse) == [(["entry OVERDUE since 11:00", CHILD + routes], True)]
    inside = census.in_patients(nurse.db, nurse.forms, "PED", nurse.clock())
    said = enhanced_observation.handover(nurse.db, nurse.forms, inside, nurse.clock(), "fr")[child]
    assert "High Court (compétence inhérente) ou loi sur la santé mentale ; compétence de Gillick" in said, said
    assert "évaluation de la capacité" not in said


def test_dols_age_is_judged_at_each_authorisation_not_at_the_decision_noting_it(session_for, admit_to_paediatrics,
                                                                               clock):
    """An urgent authorisation the hospital gave at 23:30, the evening before her 18th birthday,
    written up at 00:30: given to a 17-year-old, DoLS did not authorise it."""
    child = admit_to_paediatrics("5", "2008-11-29", 60.0, "Inès")
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=child)
    clock.now = datetime.fromisoformat("2026-11-29T01:00+01:00")
    granted = {**URGENT, "decision": "reviewed", "noted_at": "2026-11-29T00:30+01:00",
               "urgent_granted_at": "2026-11-28T23:30+01:00", "urgent_ends_at": "2026-12-05T23:30+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, granted, patient_id=child)
    assert _errors(refused) == ["urgent_granted_at"] and "the patient was 17 at 28/11 23:30" in str(refused.value)
    assert records.save_new(nurse, FORM, {**granted, "urgent_granted_at": "2026-11-29T00:10+01:00",
                                          "urgent_ends_at": "2026-12-06T00:10+01:00"}, patient_id=child)


def test_an_urgent_authorisation_records_the_period_the_hospital_gave_it_and_why(session_for, patient, tmp_path):
    """Schedule A1 para 78: the period the hospital decides, at most 7 days; para 82: why it was given."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**SET, "urgent_granted_at": URGENT["urgent_granted_at"]}, patient_id=patient)
    assert _errors(refused) == ["urgent_ends_at", "urgent_reasons"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**URGENT_FOR_3_DAYS, "urgent_ends_at": "2026-12-05T10:31+01:00"},
                         patient_id=patient)
    assert _errors(refused) == ["urgent_ends_at"]
    assert ("“Urgent authorisation ends at”: an urgent authorisation is in force for at most 7 days (MCA Schedule A1 "
            "para 78): from 28/11 10:30 to 05/12 10:30 at the latest.") in str(refused.value)
    saved = records.save_new(nurse, FORM, URGENT_FOR_3_DAYS, patient_id=patient)
    assert "DoLS urgent authorisation expires 01/12 10:30: standard authorisation requested?" in _handover(nurse)[patient]
    said = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_record(nurse, saved.record_id, tmp_path / "decision.pdf")).pages)
    assert "in force until 01/12/2026 10:30 (MCA Schedule A1 para 78)" in said, said
    assert "Trying to leave to find her husband" in said, said


def test_an_extension_needs_the_standard_authorisation_requested_and_prints_as_the_end(session_for, patient, tmp_path):
    """Schedule A1 paras 84-85: the supervisory body extends only once the standard authorisation
    has been requested; an extension written on the granting record is the end the print says."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, URGENT_FOR_3_DAYS, patient_id=patient)
    review = {**SET, "noted_at": "2026-11-28T13:00+01:00", "decision": "reviewed", "extended_until": "2026-12-05T10:30+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, review, patient_id=patient)
    assert _errors(refused) == ["extended_until"]
    assert "no standard authorisation has been requested" in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**review, "standard_requested_at": "2026-11-28T12:00+01:00",
                                       "extended_until": "2026-12-08T10:31+01:00"}, patient_id=patient)
    assert "from 01/12 10:30 to 08/12 10:30 at the latest" in str(refused.value)
    assert records.save_new(nurse, FORM, {**review, "standard_requested_at": "2026-11-28T12:00+01:00"},
                            patient_id=patient)
    assert "DoLS urgent authorisation until 05/12 10:30, standard requested 28/11" in _handover(nurse)[patient]
    saved = records.save_new(nurse, FORM, {
        **URGENT_FOR_3_DAYS, "noted_at": "2026-11-28T13:30+01:00", "decision": "reviewed",
        "standard_requested_at": "2026-11-28T13:30+01:00", "extended_until": "2026-12-06T10:30+01:00"},
        patient_id=patient)
    said = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_record(nurse, saved.record_id, tmp_path / "extended.pdf")).pages)
    assert "in force until 06/12/2026 10:30, extended (MCA Schedule A1 para 84)" in said, said


def test_an_urgent_authorisation_that_ended_is_not_extended_after_it(session_for, patient, clock):
    """Schedule A1 paras 84-85: the local authority extends an urgent authorisation in force. One
    ended Saturday 10:30 and an "extension" written at 13:00 would have put out its EXPIRED line
    while the patient was held with none; one given at 10:00, before the end, is written at its time."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, URGENT, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-05T13:30+01:00")
    review = {**SET, "decision": "reviewed", "review_by": "2026-12-06T09:00+01:00"}
    records.save_new(nurse, FORM, {**review, "noted_at": "2026-12-05T09:00+01:00",
                                   "standard_requested_at": "2026-12-05T09:00+01:00"}, patient_id=patient)
    late = {**review, "noted_at": "2026-12-05T13:00+01:00", "extended_until": "2026-12-12T10:30+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, late, patient_id=patient)
    assert _errors(refused) == ["extended_until"]
    assert ("“Urgent authorisation extended by the local authority until”: the urgent authorisation ended at 05/12 "
            "10:30, before this decision: only one still in force is extended") in str(refused.value)
    ((said, urgent),) = [(said, urgent) for _, said, urgent in _alerts(nurse)]
    assert any(line.startswith("DoLS urgent authorisation EXPIRED 05/12 10:30") for line in said) and urgent
    assert records.save_new(nurse, FORM, {**late, "noted_at": "2026-12-05T10:00+01:00"}, patient_id=patient)
    assert records.save_new(nurse, FORM, {**late, "noted_at": "2026-12-05T13:10+01:00"}, patient_id=patient), \
        "the extension on record, said again after the end it moved"
    assert not any("DoLS" in line for _, said, _ in _alerts(nurse) for line in said)


def test_a_second_urgent_authorisation_in_the_stay_is_refused(session_for, patient, clock):
    """Schedule A1 para 77: one urgent authorisation for the same detention; a new one given when
    the first ran out would have put out its EXPIRED line. The first said again is no second."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, URGENT, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-05T13:30+01:00")
    review = {**URGENT, "decision": "reviewed", "noted_at": "2026-12-05T13:00+01:00",
              "review_by": "2026-12-06T09:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**review, "urgent_granted_at": "2026-12-05T13:00+01:00",
                                       "urgent_ends_at": "2026-12-12T13:00+01:00"}, patient_id=patient)
    assert _errors(refused) == ["urgent_granted_at"]
    assert ("an urgent authorisation was given at 28/11 10:30 in this stay: one is given for the same detention (MCA "
            "Schedule A1 para 77)") in str(refused.value)
    assert records.save_new(nurse, FORM, review, patient_id=patient)


def test_the_authorisation_stands_through_the_stay_when_the_level_is_stopped_and_set_again(session_for, patient):
    """The urgent authorisation is of the detention in this hospital, not of the level."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, {**URGENT_FOR_3_DAYS, "standard_requested_at": "2026-11-28T10:30+01:00"},
                     patient_id=patient)
    records.save_new(nurse, FORM, {"kind": "decision", "noted_at": "2026-11-28T12:00+01:00", "decision": "stopped",
                                   "decided_by": "Hélène Lefèvre", "decider_role": "registered_nurse",
                                   "told": "Told her", "stopped_reason": "Settled"}, patient_id=patient)
    records.save_new(nurse, FORM, {**SET, "noted_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    said = _handover(nurse)[patient]
    assert UNAUTHORISED not in said and "DoLS urgent authorisation until 01/12 10:30, standard requested 28/11" in said


def test_enter_opens_the_entry_when_one_is_overdue_or_the_user_cannot_decide(session_for, patient, clock, forms):
    """The watch at 3 a.m. presses Enter on the overdue line: the entry, not a review an HCA cannot
    save. The review only for a registered nurse or doctor with no entry due."""
    staff.add_staff(session_for("admin"), "hca", "Léa Petit", Role.HEALTHCARE_ASSISTANT, "6666")
    nurse = session_for("nurse")
    hca = Session(nurse.db, load_device(nurse.db), staff.sign_in(nurse.db, "hca", "6666", clock), forms, clock)
    records.save_new(nurse, FORM, URGENT_FOR_3_DAYS, patient_id=patient)
    records.save_new(nurse, FORM, entry("12:00"), patient_id=patient)
    assert enhanced_observation.new_answers(nurse, patient) == {"kind": "entry"}
    records.save_new(nurse, FORM, entry("13:30"), patient_id=patient)
    assert enhanced_observation.new_answers(hca, patient) == {"kind": "entry"}
    assert enhanced_observation.new_answers(nurse, patient)["decision"] == "reviewed"


def test_the_patients_tab_says_the_level_and_the_entry_overdue_not_the_risks_or_dols(session_for, patient):
    """The tab is seen by anyone at the bedside: no "self-harm", no "lacks capacity"; one short line."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, {**SET, "risks": ["self_harm", "leaving"]}, patient_id=patient)
    records.save_new(nurse, FORM, entry("13:00"), patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    lines = enhanced_observation.ward_lines(nurse.db, nurse.forms, inside, nurse.clock(), "en").lines
    assert lines == {patient: "ENHANCED OBS within eyesight: entry OVERDUE since 14:00"}


def test_the_review_time_is_the_local_policys_and_not_refused(session_for, patient):
    """The 24-hour review is the local policy's, not the law: a later review is the nurse's to set."""
    nurse = session_for("nurse")
    assert records.save_new(nurse, FORM, {**SET, "review_by": "2026-11-29T16:00+01:00"}, patient_id=patient)
    assert "local enhanced care policy" in nurse.forms[FORM].field("level").help.get("en")


def test_a_sheet_keeps_the_watch_standing_at_its_start_and_each_change_not_a_review():
    """A review keeping the level is no other watch on the printed sheet; a level stopped before
    the sheet began keeps none over it."""
    made = [decision_of(SET), decision_of({**SET, "noted_at": "2026-11-28T12:00+01:00", "decision": "reviewed"}),
            decision_of({**SET, "noted_at": "2026-11-28T15:00+01:00", "decision": "changed", "level": "general"}),
            decision_of({"kind": "decision", "noted_at": "2026-11-28T20:00+01:00", "decision": "stopped"})]
    day, night = sheets(datetime(2026, 11, 28).date(), made[0].at.tzinfo)
    assert [(one.at.hour, one.level) for one in kept_over(made, *day)] == [(10, Level.EYESIGHT), (15, Level.GENERAL)]
    assert [(one.at.hour, one.level) for one in kept_over(made, *night)] == [(15, Level.GENERAL), (20, None)]
    assert kept_over(made, night[1], night[1] + timedelta(hours=12)) == ()

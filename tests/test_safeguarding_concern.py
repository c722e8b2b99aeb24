"""A safeguarding concern (forms/safeguarding_concern.yaml, domain and services.safeguarding,
sync/fhir_safeguarding.py): its refusals naming the field (the patient's age, a category of the
other kind, a time before the concern, consent refused with no reason and a referral, "lacks
capacity" with no assessment, a danger with no police and no reason); who may write it; the
handover's line and the escalation list's, and nothing on the Patients tab or the strip; the
Observation the EHR is sent; the blank and the filled paper; the demo's concern. The tests' clock
is 14:00 on 28/11 (Paris)."""

import json
import re

import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.domain.safeguarding import ADULT, CHILD, categories_not_of, concern_of
from downtime.services import (
    census,
    chart_alerts,
    leaving,
    printing,
    records,
    safeguarding,
)
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.test_capacity_assessment import LACKS

FORM = safeguarding.FORM
RAISED = {"raised_at": "2026-11-28T10:00+01:00", "raised_by": "Hélène Lefèvre", "raiser_role": "nurse",
          "about": "patient", "adult_or_child": "adult", "categories": ["physical", "neglect"],
          "seen_or_said": "Bruises of different ages on both upper arms. She said: “he grabs me when I’m slow”.",
          "dependants": False, "immediate_danger": False,
          "actions_taken": "Body map drawn, photographs not taken, doctor told at 10:15; son not to visit alone",
          "consent": "given"}
REFERRED = {**RAISED, "team_told_at": "2026-11-28T10:30+01:00", "team_told_who": "Safeguarding nurse M. Petit",
            "referral_decision": "referred", "referral_at": "2026-11-28T11:00+01:00", "referral_by": "Hélène Lefèvre", "referral_ref": "AS123",
            "person_told": "told"}
LINE = "SAFEGUARDING concern raised 28/11 10:00: referral to adult social care made 11:00 (ref AS123)"


def _refused(session, values, patient_id) -> list[str]:
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session, FORM, values, patient_id=patient_id)
    return [error.path for error in refused.value.errors]


def _alerts(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [(alert.latest, alert.said, alert.urgent) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), lang, ward="3B").alerts if alert.form_id == FORM]


def test_the_categories_are_the_guidances_ten_for_an_adult_and_working_togethers_for_a_child(forms):
    offered = {option.code for option in forms[FORM].field("categories").options}
    assert ADULT | CHILD == offered
    assert len(ADULT) == 10 and {"physical", "emotional", "sexual", "neglect", "exploitation"} <= CHILD
    assert categories_not_of({"adult_or_child": "child", "categories": ["physical", "self_neglect"]}) == ["self_neglect"]
    assert categories_not_of({"adult_or_child": "adult", "categories": ["emotional", "neglect"]}) == ["emotional"]


@pytest.mark.parametrize("lang, words", [
    ("en", "“The person at risk is”: the patient is 72 years old when the concern is raised: an adult."),
    ("fr", "« La personne en danger est » : le patient a 72 ans au moment du signalement : un adulte.")])
def test_a_patient_of_72_answered_a_child_is_refused_naming_the_field(session_for, patient, lang, words):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", lang), FORM, {**RAISED, "adult_or_child": "child",
                                                              "categories": ["physical"]}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["adult_or_child"]
    assert words in str(refused.value)


def test_a_patient_under_18_is_a_child_and_needs_no_consent(session_for, admit_to_paediatrics):
    child = admit_to_paediatrics("4", "2012-05-01", 40.0, "Lucas")
    nurse = session_for("nurse")
    as_adult = {key: value for key, value in RAISED.items()}
    assert _refused(nurse, as_adult, child) == ["adult_or_child"]
    as_child = {key: value for key, value in RAISED.items() if key != "consent"} | {"adult_or_child": "child"}
    saved = records.save_new(nurse, FORM, as_child, patient_id=child)
    assert "consent" not in saved.data


def test_a_category_not_of_the_persons_kind_is_refused(session_for, patient):
    assert _refused(session_for("nurse"), {**RAISED, "categories": ["emotional"]}, patient) == ["categories"]


def test_a_referral_or_the_team_told_before_the_concern_is_refused_naming_each(session_for, patient):
    early = {**REFERRED, "team_told_at": "2026-11-28T09:30+01:00", "referral_at": "2026-11-28T09:45+01:00"}
    assert _refused(session_for("nurse"), early, patient) == ["team_told_at", "referral_at"]


def test_consent_refused_with_a_referral_and_no_reason_to_share_is_refused(session_for, patient):
    nurse = session_for("nurse")
    assert _refused(nurse, {**REFERRED, "consent": "refused"}, patient) == ["share_reasons"]
    saved = records.save_new(nurse, FORM, {**REFERRED, "consent": "refused", "share_reasons": ["risk_to_others"]},
                             patient_id=patient)
    assert saved.data["share_reasons"] == ["risk_to_others"]


def test_lacks_capacity_needs_a_standing_assessment_of_sharing_the_concern(session_for, patient):
    """Capacity is assumed (MCA 2005 s.1(2)) until an assessment says otherwise, and is
    decision-specific (s.2(1)): lacking it for her medicines says nothing of sharing the concern."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    lacking = {**RAISED, "consent": "lacks_capacity", "raised_at": "2026-11-28T12:00+01:00"}
    assert _refused(nurse, lacking, patient) == ["consent"]
    records.save_new(doctor, "capacity_assessment", LACKS, patient_id=patient)  # medicines, 11:00
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, lacking, patient_id=patient)
    assert "sharing this concern" in str(refused.value) and "“Other”" in str(refused.value)
    records.save_new(doctor, "capacity_assessment", {**LACKS, "assessed_at": "2026-11-28T11:30+01:00",
                                                     "decision": "other",
                                                     "decision_detail": "Sharing the safeguarding concern"},
                     patient_id=patient)
    assert records.save_new(nurse, FORM, lacking, patient_id=patient).data["consent"] == "lacks_capacity"


@pytest.mark.parametrize("lang, words", [
    ("en", "“An adult’s consent to share the concern”: the capacity assessment of 28/11 by Dr Karim Benali says the "
           "patient lacks capacity to decide on sharing this concern"),
    ("fr", "« Consentement de l’adulte au partage du signalement » : l’évaluation de la capacité du 28/11 par Dr "
           "Karim Benali dit le patient sans capacité de décider du partage de ce signalement")])
def test_consent_refused_by_a_patient_assessed_unable_to_decide_on_sharing_is_refused(session_for, patient, lang,
                                                                                      words):
    """A refusal is a capable adult's to make (MCA 2005 s.1(2), s.2-3): recorded of a patient
    assessed lacking capacity to decide on sharing, it was saved, and the list asked only the
    team's advice, as of a capable adult's lawful refusal, never the referral."""
    nurse, doctor = session_for("nurse", lang), session_for("doctor")
    records.save_new(doctor, "capacity_assessment", {**LACKS, "assessed_at": "2026-11-28T09:30+01:00",
                                                     "decision": "other",
                                                     "decision_detail": "Sharing the safeguarding concern"},
                     patient_id=patient)
    for consent in ("refused", "given"):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, FORM, {**RAISED, "consent": consent}, patient_id=patient)
        assert [error.path for error in refused.value.errors] == ["consent"]
        assert words in str(refused.value)
    assert records.save_new(nurse, FORM, {**RAISED, "consent": "lacks_capacity"}, patient_id=patient)


def test_an_immediate_danger_with_no_police_and_no_reason_is_refused(session_for, patient):
    nurse = session_for("nurse")
    danger = {**RAISED, "immediate_danger": True, "police_called": False}
    assert _refused(nurse, danger, patient) == ["no_police_reason"]
    records.save_new(nurse, FORM, {**danger, "no_police_reason": "The son has left; ward locked, security told"},
                     patient_id=patient)


@pytest.mark.parametrize("who", ["records", "coord"])
def test_records_staff_and_the_surgical_coordinator_may_not_record_a_concern(session_for, patient, who):
    with pytest.raises(PermissionDenied):
        records.save_new(session_for(who), FORM, RAISED, patient_id=patient)
    assert records.save_new(session_for("doctor"), FORM, {**RAISED, "raiser_role": "doctor"}, patient_id=patient)


def test_the_handover_says_the_referral_and_the_patients_tab_says_nothing(session_for, patient, clock, tmp_path):
    """The handover sheet is staff-only; the Patients tab and the strip are read at the bedside."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, RAISED, patient_id=patient)
    assert safeguarding.ward_lines(nurse.db, [patient], clock(), "en") == {patient: (
        "SAFEGUARDING concern raised 28/11 10:00: referral to adult social care NOT made; "
        "safeguarding team not told")}
    records.amend(nurse, saved.record_id, REFERRED, reason="Referral made")
    assert safeguarding.ward_lines(nurse.db, [patient], clock(), "en") == {patient: LINE}
    assert safeguarding.ward_lines(nurse.db, [patient], clock(), "fr") == {patient: (
        "SIGNALEMENT (protection) fait le 28/11 10:00 : transmis aux services sociaux pour adultes à 11:00 "
        "(réf. AS123)")}
    sheet = " ".join(" ".join(page.extract_text().split())
                     for page in PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert LINE in sheet
    assert "grabs me" not in sheet and "Physical" not in sheet


def test_the_escalation_list_asks_the_referral_today_and_a_childs_now(session_for, patient, clock):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, RAISED, patient_id=patient)
    assert _alerts(nurse) == [("referral NOT made (concern 28/11 10:00)", [
        "refer by the next working day (Mon 30/11; local policy: the same working day)", "tell the safeguarding team"],
        False)]
    records.amend(nurse, saved.record_id, {**RAISED, "immediate_danger": True, "police_called": True},
                  reason="Son came back")
    assert _alerts(nurse)[0][1:] == (["refer now: immediate danger (out of hours: the council’s emergency duty team)",
                                      "tell the safeguarding team"], True)
    referred = {**REFERRED, "team_told_at": None, "team_told_who": None}
    records.amend(nurse, saved.record_id, {key: value for key, value in referred.items() if value is not None},
                  reason="Referral made")
    assert _alerts(nurse) == [("referred 11:00 (concern 28/11 10:00)", ["tell the safeguarding team"], False)]
    records.amend(nurse, saved.record_id, REFERRED, reason="Team told")
    assert _alerts(nurse) == []
    assert safeguarding.to_open(nurse.db, patient, clock()).record_id == saved.record_id


def test_a_concern_for_the_patients_child_at_home_is_urgent_until_referred(session_for, patient):
    nurse = session_for("nurse")
    child = {**RAISED, "about": "connected_child", "about_name": "Emma Martin, 6", "about_relation": "Granddaughter",
             "adult_or_child": "child", "categories": ["neglect"], "dependants": True,
             "dependants_detail": "Granddaughter, 6, alone at home: neighbour with her now"}
    del child["consent"]
    records.save_new(nurse, FORM, child, patient_id=patient)
    assert _alerts(nurse) == [("referral NOT made (concern 28/11 10:00)", [
        ("refer now: a child at risk of significant harm is referred at once (out of hours: the council’s emergency "
         "duty team)"), "tell the safeguarding team"], True)]
    assert safeguarding.ward_lines(nurse.db, [patient], nurse.clock(), "en")[patient].startswith(
        "SAFEGUARDING concern raised 28/11 10:00: referral to children’s social care NOT made")


def test_the_ehr_is_sent_an_observation_of_the_concern_and_its_referral(session_for, patient, tmp_path):
    records.save_new(session_for("nurse"), FORM, REFERRED, patient_id=patient)
    found = export(session_for("records"), tmp_path / "stick").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    assert not [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Flag"]
    (concern,) = [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
                  if entry["resource"]["resourceType"] == "Observation"
                  and entry["resource"]["code"].get("text") == "Safeguarding concern (adult or child)"]
    assert concern.valueString == "Referred to adult social care 28/11/2026 11:00 (ref AS123)"
    assert concern.effectiveDateTime.isoformat() == "2026-11-28T10:00:00+01:00"
    assert concern.category[0].coding[0].code == "social-history"
    said = {part.code.text: part for part in concern.component}
    assert said["Physical"].valueBoolean is True
    assert said["Referral reference"].valueString == "AS123"
    assert said["What was seen or said (the person’s own words, in quotes)"].valueString.startswith("Bruises")


@pytest.mark.parametrize("lang, words", [
    ("en", ["Safeguarding concern", "Think family", "immediate danger", "Police called (999)", "Consent to share",
            "Shared without consent because", "Referral to social care", "Self-neglect (adult)"]),
    ("fr", ["Signalement d’un risque de maltraitance", "Penser à la famille", "danger immédiat",
            "Consentement au partage", "Partagé sans consentement parce que", "Auto-négligence (adulte)"])])
def test_the_blank_form_asks_the_concern_the_risk_consent_and_referral(blank_pages, lang, words):
    said = " ".join(blank_pages(FORM, lang))
    assert all(word in said for word in words), said


def test_a_concern_prints_with_its_answers(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    path = printing.print_record(nurse, saved.record_id, tmp_path / "concern.pdf")
    pages = PdfReader(path).pages
    said = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert len(pages) == 1
    assert "grabs me when I’m slow" in said and "AS123" in said and "28/11/2026 11:00" in said, said


def test_a_concern_read_says_its_kind_and_referral():
    concern = concern_of(REFERRED)
    assert concern.referral_ref == "AS123" and not concern.urgent


def test_the_demos_woman_with_recurrent_falls_has_a_concern_referred(tmp_path, forms, clock, demo_database):
    """Her bruises do not fit her falls: the concern referred with its reference, said on the
    handover, asking nothing of the escalation list."""
    db = demo_database(tmp_path / "demo.sqlite")
    ward = census.in_patients(db, forms, ward="3B")
    (woman,) = [patient for patient in ward if (patient.reason or "").startswith("Recurrent falls")]
    (line,) = safeguarding.ward_lines(db, [woman.patient_id], clock(), "en").values()
    assert re.fullmatch(r"SAFEGUARDING concern raised \d\d/\d\d \d\d:\d\d: referral to adult social care made "
                        r"(\d\d/\d\d )?\d\d:\d\d \(ref ASC-2611-0417\)", line), line
    assert safeguarding.ward_lines(db, [patient.patient_id for patient in ward], clock(), "en").keys() == {
        woman.patient_id}
    assert safeguarding.escalation(db, [patient.patient_id for patient in ward], clock(), "en") == []


@pytest.mark.parametrize("lang, line", [
    ("en", "SAFEGUARDING concern raised 28/11 10:00: referral to adult social care made 29/11 09:15 (ref AS123)"),
    ("fr", ("SIGNALEMENT (protection) fait le 28/11 10:00 : transmis aux services sociaux pour adultes le 29/11 09:15 "
            "(réf. AS123)"))])
def test_a_referral_made_the_next_day_says_its_day(session_for, patient, clock, lang, line):
    clock.advance(days=1)
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, {**REFERRED, "referral_at": "2026-11-29T09:15+01:00"}, patient_id=patient)
    assert safeguarding.ward_lines(nurse.db, [patient], clock(), lang) == {patient: line}


def test_a_concern_raised_on_a_saturday_is_due_monday_and_overdue_urgent_after(session_for, patient, clock):
    """28/11/2026 is a Saturday: "refer today (the same working day)" contradicted itself, and two
    days on it still read "refer today", never urgent. No bank holidays kept (tests/test_bank_holidays.py)."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, RAISED, patient_id=patient)
    assert _alerts(nurse)[0][1][0] == "refer by the next working day (Mon 30/11; local policy: the same working day)"
    assert _alerts(nurse, "fr")[0][1][0] == ("transmettre au plus tard le jour ouvré suivant (lun. 30/11 ; règle "
                                              "locale : le même jour ouvré)")
    clock.advance(days=2)
    assert _alerts(nurse)[0][1:] == (["refer today (local policy: the same working day)",
                                      "tell the safeguarding team"], False)
    clock.advance(days=1)
    assert _alerts(nurse)[0][1:] == (["referral OVERDUE (due Mon 30/11): refer now", "tell the safeguarding team"], True)


def test_a_capable_adults_refusal_with_no_reason_to_share_asks_the_team_not_a_referral(session_for, patient):
    """Sharing against a capable adult's refusal needs a reason the law allows: with none, the
    list asks the safeguarding team told, then their advice recorded, never "refer"; recorded not
    referred on it, the concern asks nothing, and the handover says so."""
    nurse = session_for("nurse")
    refused = {**RAISED, "consent": "refused"}
    saved = records.save_new(nurse, FORM, refused, patient_id=patient)
    assert _alerts(nurse)[0][1] == ["consent refused, no reason to share: record the safeguarding team’s advice",
                                    "tell the safeguarding team"]
    decided = {**refused, "referral_decision": "not_referred",
               "not_referred_why": "Capable adult refuses; no one else at risk; advice: offer support, review"}
    with pytest.raises(ValidationFailed) as untold:
        records.amend(nurse, saved.record_id, decided, reason="Team's advice")
    assert [error.path for error in untold.value.errors] == ["team_told_at"]
    records.amend(nurse, saved.record_id, {**decided, "team_told_at": "2026-11-28T10:30+01:00",
                                           "team_told_who": "Safeguarding nurse M. Petit"}, reason="Team's advice")
    assert _alerts(nurse) == []
    assert safeguarding.ward_lines(nurse.db, [patient], nurse.clock(), "en") == {patient: (
        "SAFEGUARDING concern raised 28/11 10:00: not referred to adult social care (safeguarding team’s advice)")}


def test_a_child_connected_to_the_patient_answered_an_adult_is_refused(session_for, patient):
    child = {**RAISED, "about": "connected_child", "about_name": "Emma Martin, 6", "about_relation": "Granddaughter"}
    assert _refused(session_for("nurse"), child, patient) == ["adult_or_child"]


def test_the_records_list_line_says_no_category_no_words_and_no_name(session_for, patient, forms):
    """The records list is on the laptop at the bedside: its line and tooltip (the form's summary)."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {**REFERRED, "about": "connected_adult", "about_name": "Paul Martin",
                                           "about_relation": "Husband"}, patient_id=patient)
    label = records.record_label(nurse, saved)
    assert "AS123" in label
    assert not any(word in label for word in ("grabs me", "Physical", "Paul Martin", "Petit")), label
    assert set(forms[FORM].summary) <= {"raised_at", "raiser_role", "about", "adult_or_child", "referral_decision",
                                         "referral_at", "referral_ref"}


def test_the_observation_is_labelled_restricted_and_keeps_it_under_review(session_for, patient, tmp_path):
    records.save_new(session_for("nurse"), FORM, REFERRED, patient_id=patient)
    found = export(session_for("records"), tmp_path / "stick").folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    (concern,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
                  and entry["resource"]["code"].get("text") == "Safeguarding concern (adult or child)"]
    Observation.model_validate(concern)
    assert concern["meta"]["security"] == [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
                                            "code": "R", "display": "restricted"}]


def test_a_patient_leaving_unreferred_is_asked_and_the_concern_stays_listed_after(session_for, patient, send_home):
    """Raised 10:00, not referred, sent home at 12:00: the discharge asked nothing of it, and it
    left the escalation list with her."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, RAISED, patient_id=patient)
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "en", destination="home")
    assert ("• SAFEGUARDING: referral NOT made (concern 28/11 10:00): refer before the patient leaves, or record why "
            "not; tell the safeguarding team") in (asked or ""), asked
    send_home(patient)
    assert _alerts(nurse) == [("referral NOT made (concern 28/11 10:00); Discharged 28/11 12:00", [
        "refer by the next working day (Mon 30/11; local policy: the same working day)", "tell the safeguarding team"],
        False)]
    assert safeguarding.to_open(nurse.db, patient, nurse.clock()).record_id == saved.record_id


def test_the_printed_concern_is_marked_confidential_on_every_page(session_for, patient, tmp_path, blank_pages):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, REFERRED, patient_id=patient)
    pages = PdfReader(printing.print_record(nurse, saved.record_id, tmp_path / "concern.pdf")).pages
    assert all("CONFIDENTIAL: file apart, not at the bedside" in " ".join(page.extract_text().split())
               for page in pages)
    assert all("CONFIDENTIEL : à classer à part, pas au chevet" in page for page in blank_pages(FORM, "fr"))


def test_a_childs_own_view_is_asked_of_a_child_only(session_for, patient, forms):
    """Children Act 1989 s.47 (as amended, 2004 s.53): the child's wishes and feelings are given due
    regard; Working Together 2023: see and speak to the child."""
    field = forms[FORM].field("child_view")
    assert "wishes and feelings" in field.label.get("en")
    nurse = session_for("nurse")
    child = {**RAISED, "about": "connected_child", "about_name": "Emma Martin, 6", "about_relation": "Granddaughter",
             "adult_or_child": "child", "categories": ["neglect"], "child_view": "“I don’t want to go back to Papi’s”"}
    del child["consent"]
    assert records.save_new(nurse, FORM, child, patient_id=patient).data["child_view"].startswith("“I don’t")
    adult = records.save_new(nurse, FORM, {**RAISED, "child_view": "—"}, patient_id=patient)
    assert "child_view" not in adult.data


def test_a_concern_on_hold_keeps_its_confidentiality_label_beside_the_review_tag():
    """fhir_export._tagged put its own meta in place of the resource's: a concern on hold (two
    laptops disagree) lost its restricted label, or the tag its meta."""
    from downtime.sync import fhir_export
    from downtime.sync.fhir_elements import Made

    made = Made()
    restricted = {"security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R",
                                "display": "restricted"}]}
    made.add({"resourceType": "Observation", "id": "o", "meta": restricted, "status": "final"}, "concern")
    (tagged,) = fhir_export._tagged(made, {"on-hold": {"concern"}})
    assert tagged["meta"]["security"] == restricted["security"]
    assert [tag["code"] for tag in tagged["meta"]["tag"]] == ["on-hold"] and tagged["status"] == "final"


def test_the_list_reads_again_at_midnight_when_a_concerns_words_change(session_for, patient, clock):
    """The list reads again only when something falls due: "refer by Mon 30/11" would have stood
    past Monday's midnight, never turning OVERDUE, until something else asked a reading."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, RAISED, patient_id=patient)
    (asking,) = safeguarding.escalation(nurse.db, [patient], clock(), "en")
    assert asking.next_change.isoformat() == "2026-11-29T00:00:00+01:00"
    clock.advance(days=2, hours=10)  # Tuesday 00:00: OVERDUE, urgent, nothing more to change
    assert safeguarding.escalation(nurse.db, [patient], clock(), "en")[0].next_change is None

"""The transfer letter (transfer_out, version 8) carries each safeguarding concern of the stay,
need-to-know (services.safeguarding.handed_on, filled in by services.prefill): a child on a
child-protection referral, or an adult whose abuser must not learn where she went, reached the
receiving hospital only if someone remembered to write it. Never what was seen or said, nor the
raiser; never a concern entered in error; never on the discharge letter, which the person the
patient is at risk from may read at home. The tests' clock is 14:00 on 28/11 (Paris)."""

import pytest

from downtime.services import prefill, printing, records, safeguarding
from tests.pdf_text import pdf_text
from tests.test_capacity_assessment import LACKS
from tests.test_pdf_forms import TRANSFER_OUT
from tests.test_safeguarding_concern import RAISED, REFERRED

POLICE = {**REFERRED, "police_told_at": "2026-11-28T12:00+01:00", "police_ref": " CAD  456 "}
SAID = {"en": ("Safeguarding concern raised 28/11/2026 about the patient: physical abuse, neglect suspected; "
               "safeguarding team told 28/11/2026; referred to adult social care 28/11/2026 (ref AS123); "
               "police told 28/11/2026 (ref CAD 456)"),
        "fr": ("Signalement (protection) du 28/11/2026 concernant le patient : suspicion de maltraitance physique, "
               "négligence ; équipe de protection prévenue le 28/11/2026 ; transmis aux services sociaux pour "
               "adultes le 28/11/2026 (réf. AS123) ; police informée le 28/11/2026 (réf. CAD 456)")}
CHILD = {**RAISED, "about": "connected_child", "about_name": "Emma Martin, 6", "about_relation": "Granddaughter",
         "adult_or_child": "child", "categories": ["neglect", "emotional"], "dependants": True,
         "dependants_detail": "Granddaughter, 6, alone at home: neighbour with her now", "consent": None}
PARTNER = {**RAISED, "about": "connected_adult", "about_name": "Claire Roux", "about_relation": "Daughter-in-law",
           "categories": ["domestic_abuse"], "consent": "refused", "team_told_at": "2026-11-28T10:30+01:00",
           "referral_decision": "not_referred", "not_referred_why": "Capable adult refuses, no reason to share"}


def _letter(session, patient_id, form_id="transfer_out"):
    return prefill.first_answers(session, session.form(form_id), patient_id)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_letter_says_a_referred_concern_and_not_what_was_seen_or_said(session_for, patient, lang):
    nurse = session_for("nurse", lang)
    records.save_new(nurse, safeguarding.FORM, POLICE, patient_id=patient)
    said = _letter(nurse, patient)["safeguarding"]
    assert said == SAID[lang]
    assert "grabs" not in said and "Lefèvre" not in said and "Body map" not in said


@pytest.mark.parametrize("concern, line", [
    (CHILD, ("Safeguarding concern raised 28/11/2026 about a child connected to the patient (Granddaughter): neglect, "
             "emotional abuse suspected; safeguarding team NOT told; referral to children’s social care NOT YET MADE")),
    (PARTNER, ("Safeguarding concern raised 28/11/2026 about an adult connected to the patient (Daughter-in-law): "
               "domestic abuse suspected; safeguarding team told 28/11/2026; not referred to adult social care, on "
               "the safeguarding team’s advice; consent to share REFUSED: share only with the team caring for the "
               "patient")),
])
def test_a_connected_person_is_said_by_relation_and_a_refusal_with_its_caution(session_for, patient, concern, line):
    nurse = session_for("nurse")
    records.save_new(nurse, safeguarding.FORM, {key: value for key, value in concern.items() if value is not None},
                     patient_id=patient)
    said = _letter(nurse, patient)["safeguarding"]
    assert said == line
    assert concern["about_name"].split(",")[0] not in said


def test_no_concern_or_one_entered_in_error_says_nothing(session_for, patient):
    nurse = session_for("nurse")
    assert "safeguarding" not in _letter(nurse, patient)
    wrong = records.save_new(nurse, safeguarding.FORM, REFERRED, patient_id=patient)
    records.mark_entered_in_error(nurse, wrong.record_id, "Wrong patient")
    assert "safeguarding" not in _letter(nurse, patient)


def test_the_discharge_letter_never_says_it(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, safeguarding.FORM, POLICE, patient_id=patient)
    answers = _letter(nurse, patient, "discharge")
    assert "safeguarding" not in answers
    assert not [value for value in answers.values() if "AS123" in str(value) or "afeguarding concern" in str(value)]


def test_the_printed_transfer_letter_carries_the_line(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, safeguarding.FORM, POLICE, patient_id=patient)
    letter = records.save_new(nurse, "transfer_out", {**TRANSFER_OUT, "safeguarding": _letter(nurse, patient)[
        "safeguarding"]}, patient_id=patient)
    assert letter.form_version == 8
    printed = " ".join(pdf_text(printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf")).split())
    assert "Safeguarding concerns (confidential: the caring team only)" in printed
    assert SAID["en"] in printed


def test_every_category_and_reason_to_share_has_the_letters_words(forms):
    """A choice the form offers with no words here would stop the letter opening."""
    concern = forms[safeguarding.FORM]
    for field_id, words in (("categories", safeguarding.CATEGORIES), ("share_reasons", safeguarding.SHARE_REASONS)):
        assert {option.code for option in concern.field(field_id).options} == set(words)


def test_a_lack_of_capacity_to_consent_to_sharing_is_said_with_the_concern_on_the_transfer_alone(session_for, patient):
    """The capacity line of both letters said "Lacks capacity for sharing the safeguarding
    concern", the discharge letter read at home among them: said with the concern, on the transfer
    letter alone."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, "capacity_assessment", {
        **LACKS, "assessed_at": "2026-11-28T09:30+01:00", "decision": "other",
        "decision_detail": "Sharing the safeguarding concern"}, patient_id=patient)
    records.save_new(doctor, "capacity_assessment", {**LACKS, "decision": "medicines"}, patient_id=patient)
    records.save_new(nurse, safeguarding.FORM, {**REFERRED, "consent": "lacks_capacity"}, patient_id=patient)
    transfer, discharge = _letter(nurse, patient), _letter(nurse, patient, "discharge")
    assert transfer["safeguarding"].endswith(
        "; lacks capacity to consent to sharing it (assessed 28/11/2026 by Dr Karim Benali): shared in their best "
        "interests")
    for letter in (transfer, discharge):
        assert "Lacks capacity for medicines" in letter["capacity"]
        assert "afeguarding" not in letter["capacity"] and "haring" not in letter["capacity"]


@pytest.mark.parametrize("categories, said", [
    (["self_neglect", "neglect"], "suspicion d’auto-négligence, négligence ;"),
    (["modern_slavery"], "suspicion d’esclavage moderne, traite ;"),
    (["physical"], "suspicion de maltraitance physique ;")])
def test_the_french_letter_elides_de_before_a_category_starting_with_a_vowel(session_for, patient, categories, said):
    """"suspicion de auto-négligence" was printed of a self-neglect, "de esclavage" of modern slavery."""
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, safeguarding.FORM, {**REFERRED, "categories": categories}, patient_id=patient)
    assert said in _letter(nurse, patient)["safeguarding"]

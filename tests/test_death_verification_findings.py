"""The death form's version 5: the verification's findings as the code of practice asks them
(AoMRC 2008; RCN 2019), the verifier's role, when a death found was last seen alive, and an
implanted device kept a task until it is dealt with."""

from datetime import datetime

import pytest

from downtime.services import chart_alerts, printing, records, wards
from downtime.services.errors import ValidationFailed
from tests.conftest import VERIFIED, death_answers
from tests.pdf_text import pdf_text

DIED = "2026-11-28T13:00+01:00"
FINDINGS = ("verifier_role", "observed_minutes", "no_central_pulse", "no_heart_sounds", "no_respiration",
            "pupils_fixed", "no_response_to_pain")


@pytest.fixture
def patient(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", admission_values).patient_id


def _death(**answers):
    return {**death_answers(DIED), "verified_by": "Sr Martin", "expected": True, "family_informed": True,
            "certificate_done": True, **answers}


def test_a_verified_death_without_its_findings_is_refused_naming_each(session_for, patient):
    """The record held who verified the death and when, and nothing of what they found: no pulse,
    no heart sounds, no breathing, pupils, pain, for how long."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "death", {key: value for key, value in _death().items() if key not in FINDINGS},
                         patient_id=patient)
    assert {error.path for error in refused.value.errors} == set(FINDINGS)
    with pytest.raises(ValidationFailed) as pulse:
        records.save_new(nurse, "death", _death(no_central_pulse=False), patient_id=patient)
    assert [error.path for error in pulse.value.errors] == ["no_central_pulse"]
    assert "leave it awaiting verification" in pulse.value.errors[0].message
    with pytest.raises(ValidationFailed) as short:
        records.save_new(nurse, "death", _death(observed_minutes=2), patient_id=patient)
    assert [error.path for error in short.value.errors] == ["observed_minutes"]
    verified = records.save_new(nurse, "death", _death(verifier_role="registered_nurse"), patient_id=patient)
    assert {key: verified.data[key] for key in FINDINGS} == {**VERIFIED, "verifier_role": "registered_nurse"}
    line = records.record_label(nurse, verified)
    assert "Registered nurse trained to verify an expected death" in line, line


def test_a_death_found_is_recorded_with_when_last_seen_alive_and_its_findings_asked_once_verified(session_for,
                                                                                                 patient, clock):
    """Found at 03:10 on a round, last seen asleep at 02:00: the death's only time was the finding's,
    and the clerk's line read it as the time of death."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T03:30+01:00")
    found = {"died_at": "2026-11-29T03:10+01:00", "verification_pending": True, "expected": True,
             "referred_to_coroner": False, "implanted_device": "none", "family_informed": False}
    with pytest.raises(ValidationFailed) as later:
        records.save_new(nurse, "death", {**found, "last_seen_alive_at": "2026-11-29T03:20+01:00"},
                         patient_id=patient)
    assert [error.path for error in later.value.errors] == ["last_seen_alive_at"]
    death = records.save_new(nurse, "death", {**found, "last_seen_alive_at": "2026-11-29T02:00+01:00"},
                             patient_id=patient)
    assert "Last seen alive at (a death found, not witnessed)" in records.record_label(nurse, death)
    clock.now = datetime.fromisoformat("2026-11-29T08:30+01:00")
    verifying = {**death.data, "verification_pending": False, "verified_at": "2026-11-29T08:15+01:00",
                 "verified_by": "Dr Benali"}
    with pytest.raises(ValidationFailed) as unfound:
        records.amend(nurse, death.record_id, verifying, "Verified by Dr Benali")
    assert {error.path for error in unfound.value.errors} == set(FINDINGS)
    verified = records.amend(nurse, death.record_id, {**verifying, **VERIFIED}, "Verified by Dr Benali")
    assert verified.data["last_seen_alive_at"] == "2026-11-29T02:00+01:00"


def test_an_implanted_icd_stays_a_task_until_switched_off_and_the_mortuary_told(session_for, patient, clock):
    """"ICD, NOT switched off yet": once the family were told and the certificate done, the
    death's line went from the handover and the escalation list, and the ICD with it."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    death = records.save_new(nurse, "death", _death(family_informed=False, implanted_device="present",
                                                    implanted_detail="ICD, NOT switched off yet"), patient_id=patient)

    def left() -> list[list[str]]:
        return [alert.said for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], "3B", "en", {},
                                                                 at=clock.now, zone=clock.now.tzinfo)]

    told = records.amend(nurse, death.record_id, {**death.data, "family_informed": True}, "Daughter told 14:00")
    # What clears it is asked: the task said "tell the mortuary" only, and nothing of the ICD.
    assert left() == [["implanted device (ICD, NOT switched off yet): switch an ICD off, tell the mortuary, then "
                       "answer Yes to “ICD switched off (if any) and the mortuary told”",
                       "amend the death record once done"]]
    assert patient in chart_alerts.deaths_unfinished(nurse.db)
    records.amend(nurse, death.record_id, {**told.data, "device_dealt_with": True}, "ICD off 14:10, mortuary told")
    assert left() == [] and patient not in chart_alerts.deaths_unfinished(nurse.db)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "“Verified by a”: a registered nurse verifies an expected death only, not one referred to the coroner: "
           "this death is verified by a doctor."),
    ("fr", "Constaté par un")])
def test_a_registered_nurse_verifies_an_expected_death_only_not_one_for_the_coroner(session_for, patient, lang,
                                                                                     said):
    """A death not expected and referred to the coroner was saved verified by a "Registered nurse
    trained to verify an expected death", the record saying both (RCN 2019: a doctor verifies it)."""
    nurse = session_for("nurse", lang)
    for unexpected in ({"expected": False}, {"referred_to_coroner": True}):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, "death", _death(verifier_role="registered_nurse", **unexpected),
                             patient_id=patient)
        assert [error.path for error in refused.value.errors] == ["verifier_role"]
        assert said in refused.value.errors[0].message
    death = records.save_new(nurse, "death", _death(verifier_role="registered_nurse"), patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(nurse, death.record_id, {**death.data, "referred_to_coroner": True}, "Coroner told")
    records.amend(nurse, death.record_id, {**death.data, **VERIFIED, "referred_to_coroner": True}, "Coroner told")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ("Verified by a", "Registered nurse trained to verify an expected death", "Observed for",
            "No central pulse", "No heart sounds", "No breath sounds and no respiratory effort",
            "Pupils fixed and dilated", "No motor response to pain", "Last seen alive at",
            "ICD switched off (if any) and the mortuary told", "Death certificate completed (by a doctor)")),
    ("fr", ("Constaté par un", "Médecin", "Pas de pouls central", "Pas de bruits du cœur",
            "Pupilles fixes et dilatées", "Certificat de décès établi (par un médecin)"))])
def test_the_blank_death_form_prints_the_findings_boxes(session_for, tmp_path, lang, said):
    text = " ".join(pdf_text(printing.print_blank(session_for("nurse", lang), "death",
                                                  tmp_path / "blank.pdf")).split())
    for words in said:
        assert words in text, words

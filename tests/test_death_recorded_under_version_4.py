"""A death recorded under the death form's version 4, before version 5 asked the verification's
findings and whether an implanted device was dealt with: amended and listed as it was. Its body's
departure and its family told were refused for want of seven findings nobody recorded, and a
finished death with an ICD came back under "Left the ward" for good."""

import dataclasses
from datetime import datetime

import pytest

from downtime.services import census, chart_alerts, records, wards
from downtime.services.errors import ValidationFailed
from tests.conftest import VERIFIED

FIVE = ("verifier_role", "observed_minutes", "no_central_pulse", "no_heart_sounds", "no_respiration", "pupils_fixed",
        "no_response_to_pain", "last_seen_alive_at", "device_dealt_with")
"""Version 5's answers, which a death of version 4 has none of."""
DEATH = {"died_at": "2026-11-28T13:00+01:00", "verified_at": "2026-11-28T13:00+01:00", "verified_by": "Dr B",
         "expected": True, "referred_to_coroner": False, "implanted_device": "present",
         "implanted_detail": "ICD, NOT switched off yet", "family_informed": False, "certificate_done": True}


@pytest.fixture
def patient(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", admission_values).patient_id


def _under_version_4(session):
    """`session` with the death form as version 4 asked it: none of version 5's answers."""
    spec = session.form("death")
    older = spec.model_copy(update={
        "version": 4, "summary": [name for name in spec.summary if name not in FIVE],
        "sections": [section.model_copy(update={"fields": [field for field in section.fields if field.id not in FIVE]})
                     for section in spec.sections]})
    return dataclasses.replace(session, forms={**session.forms, "death": older})


def _death_of_version_4(session, patient, **answers):
    saved = records.save_new(_under_version_4(session), "death", {**DEATH, **answers}, patient_id=patient)
    assert saved.form_version == 4
    return saved


def test_a_death_of_version_4_is_amended_without_the_findings_it_never_asked(session_for, patient, clock):
    """The porters came at 15:00 and the daughter was told: each amendment was refused for "Verified
    by a" and six findings, and the bed stayed "DECEASED — awaiting mortuary"."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    death = _death_of_version_4(nurse, patient)
    # Its form view stars none of them; a new death's stars each (records.death_asked).
    assert records.death_asked(nurse, death) == {} and set(records.death_asked(nurse, None)) == set(VERIFIED)
    told = records.amend(nurse, death.record_id, {**death.data, "family_informed": True}, "Daughter told 14:00")
    assert told.form_version == 5
    # Stamped with version 5 by its amendment, it is still a death of version 4.
    records.amend(nurse, death.record_id, {**told.data, "left_ward_at": "2026-11-28T15:00+01:00"}, "To the mortuary")
    assert not census.laid_out(nurse.db, patient, datetime.fromisoformat("2026-11-28T15:20+01:00"))


def test_a_finished_death_of_version_4_with_an_icd_is_not_listed_again(session_for, patient, clock):
    """Family told, certificate done, "ICD switched off by cardiology 13:30, mortuary told": back
    under "Left the ward" with "tell the mortuary", cleared only by an answer version 4 never had."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")

    def left() -> list[list[str]]:
        return [alert.said for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], "3B", "en", {},
                                                                 at=clock.now, zone=clock.now.tzinfo)]

    death = _death_of_version_4(nurse, patient, implanted_detail="ICD switched off by cardiology 13:30")
    assert left() == [["NEXT OF KIN NOT TOLD",
                       "implanted device (ICD switched off by cardiology 13:30): tell the mortuary",
                       "amend the death record once done"]]
    records.amend(nurse, death.record_id, {**death.data, "family_informed": True}, "Son told 13:45")
    assert left() == [] and patient not in chart_alerts.deaths_unfinished(nurse.db)


def test_a_death_of_version_4_awaiting_verification_is_asked_its_findings_once_verified(session_for, patient, clock):
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T03:30+01:00")
    found = _death_of_version_4(nurse, patient, died_at="2026-11-29T03:10+01:00", verification_pending=True,
                                verified_at=None, verified_by=None, implanted_device="none", implanted_detail=None)
    clock.now = datetime.fromisoformat("2026-11-29T08:30+01:00")
    verifying = {**found.data, "verification_pending": False, "verified_at": "2026-11-29T08:15+01:00",
                 "verified_by": "Dr Benali"}
    with pytest.raises(ValidationFailed) as unfound:
        records.amend(nurse, found.record_id, verifying, "Verified by Dr Benali")
    assert {error.path for error in unfound.value.errors} == set(VERIFIED)
    assert records.amend(nurse, found.record_id, {**verifying, **VERIFIED}, "Verified by Dr Benali").data[
        "no_central_pulse"] is True

"""A patient found on the floor may have fallen any time since they were last seen well (form
version 5's `last_seen_well_at`): NICE NG232 counts the 8 hours to a CT head, and the GCS at 2
hours, from the injury. Found at 13:20, last seen well at 11:00, on an anticoagulant: the CT was
asked by 21:20, not 19:00."""

from dataclasses import replace
from datetime import datetime

import pytest
from fhir.resources.R4B.observation import Observation

from downtime.domain.falls import Ask, Fall, deadline, head_ct, said
from downtime.domain.gcs import Alarm, gcs
from downtime.services import census, falls, records
from downtime.services.errors import ValidationFailed

FOUND = {"fell_at": "2026-11-28T13:20+01:00", "witnessed": "found", "last_seen_well_at": "2026-11-28T11:00+01:00",
         "where": "bedside", "fracture_signs": "none", "head_injury": "not_excluded", "anticoagulated": True}
FOUND_AT = datetime.fromisoformat("2026-11-28T13:20+01:00")
SEEN_AT = datetime.fromisoformat("2026-11-28T11:00+01:00")
GCS_14 = gcs({"eyes": "4", "verbal": "4", "motor": "6"})


def _found(**changed) -> Fall:
    return Fall(**{"fell_at": FOUND_AT, "head_injury": "not_excluded", "anticoagulated": True,
                   "fracture_suspected": False, "reviewed_at": None, "found": True, "last_seen_well_at": SEEN_AT,
                   **changed})


def test_the_8_hours_count_from_last_seen_well():
    fall = _found()
    assert fall.injured_from == SEEN_AT
    assert deadline(Ask.ANTICOAGULANT, fall) == datetime.fromisoformat("2026-11-28T19:00+01:00")
    assert "CT head within 8 hours of last seen well 28/11 11:00: by 28/11 19:00" in said(
        Ask.ANTICOAGULANT, fall, "en", FOUND_AT.tzinfo)
    assert "scanner cérébral dans les 8 heures suivant le dernier constat d’état habituel (28/11 11:00) : avant " \
           "le 28/11 19:00" in said(Ask.ANTICOAGULANT, fall, "fr", FOUND_AT.tzinfo)
    examined = replace(fall, reviewed_at=datetime.fromisoformat("2026-11-28T13:40+01:00"))
    assert fall.ct_due == examined.ct_due == datetime.fromisoformat("2026-11-28T19:00+01:00")
    assert said(Ask.ANTICOAGULANT, fall, "en", FOUND_AT.tzinfo,
                datetime.fromisoformat("2026-11-28T19:30+01:00")).endswith(
        "8 hours after last seen well 28/11 11:00 — PASSED)")
    assert deadline(Ask.ANTICOAGULANT, replace(fall, last_seen_well_at=None)) == datetime.fromisoformat(
        "2026-11-28T21:20+01:00")


def test_found_8_hours_to_the_minute_after_last_seen_well_the_hour_counts_from_being_found():
    """The 8 hours counted, the CT head read PASSED the moment the fall was recorded."""
    fall = _found(last_seen_well_at=datetime.fromisoformat("2026-11-28T05:20+01:00"))
    assert deadline(Ask.ANTICOAGULANT, fall) == datetime.fromisoformat("2026-11-28T14:20+01:00")
    assert not said(Ask.ANTICOAGULANT, fall, "en", FOUND_AT.tzinfo, FOUND_AT).endswith("PASSED)")


def test_the_1_hour_counts_from_the_sign_found():
    """NICE: "within 1 hour of the risk factor being identified"; from 11:00 it passed before she was found."""
    fall = _found(anticoagulated=False, ct_signs=("seizure",))
    assert deadline(Ask.CT_SIGNS, fall) == fall.ct_due == datetime.fromisoformat("2026-11-28T14:20+01:00")


def test_the_gcs_at_2_hours_counts_from_last_seen_well():
    """GCS 14 at 13:30: 2 hours 30 minutes after she was last seen well, 10 minutes after she was found."""
    taken = datetime.fromisoformat("2026-11-28T13:30+01:00")
    flag = head_ct(_found(), taken, GCS_14)
    assert flag is not None and flag.alarm is Alarm.CT_AT_2_HOURS
    assert head_ct(_found(last_seen_well_at=None), taken, GCS_14) is None


@pytest.mark.parametrize("lang, label", [("en", "Found on the floor: last seen well at"),
                                         ("fr", "Trouvé au sol : vu en bon état pour la dernière fois à")])
def test_last_seen_well_after_the_found_time_is_refused_naming_the_field(session_for, patient, lang, label):
    nurse = replace(session_for("nurse"), lang=lang)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "inpatient_fall", {**FOUND, "last_seen_well_at": "2026-11-28T13:30+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["last_seen_well_at"]
    assert label in str(refused.value)


def test_a_fall_seen_keeps_no_last_seen_well(session_for, patient):
    """Asked only of a patient found on the floor: a fall seen is counted from when it was seen."""
    fall = records.save_new(session_for("nurse"), "inpatient_fall", {**FOUND, "witnessed": "witnessed"},
                            patient_id=patient)
    assert "last_seen_well_at" not in fall.data


def test_the_handover_and_the_export_say_last_seen_well(session_for, patient, exported_resource):
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", FOUND, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 13:20 (found on the floor, last seen well 28/11 11:00); ON AN ANTICOAGULANT WITH A POSSIBLE HEAD "
        "INJURY: tell the doctor now (CT head within 8 hours of last seen well 28/11 11:00: by 28/11 19:00)")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient].startswith(
        "Chute le 28/11 13:20 (trouvé au sol, dernier constat d’état habituel le 28/11 11:00)")
    found = exported_resource(fall.record_id, Observation)
    assert [part.valueDateTime for part in found.component if part.code.text == "Last seen well at"] == [SEEN_AT]

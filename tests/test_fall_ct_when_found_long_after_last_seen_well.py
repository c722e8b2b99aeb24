"""A patient found on the floor more than 8 hours after last seen well (NICE NG232: "within the
hour in someone presenting more than 8 hours after the injury"): the CT head of an anticoagulated
or older patient is due within 1 hour of being found. Counted 8 hours from last seen well at 22:00,
the patient found at 06:30 read "CT HEAD DUE BY 29/11 06:00, 8 hours after the fall — PASSED" the
moment she was found, and "after the fall" was not what it counted from."""

from dataclasses import replace
from datetime import datetime

from downtime.domain.falls import Ask, Fall, deadline, said
from downtime.services import census, falls, records

FOUND_AT = datetime.fromisoformat("2026-11-29T06:30+01:00")
ZONE = FOUND_AT.tzinfo
FOUND = {"fell_at": "2026-11-29T06:30+01:00", "witnessed": "found", "last_seen_well_at": "2026-11-28T22:00+01:00",
         "where": "bedside", "fracture_signs": "none", "head_injury": "not_excluded", "anticoagulated": True}


def _found(seen: str, **changed) -> Fall:
    return Fall(**{"fell_at": FOUND_AT, "head_injury": "not_excluded", "anticoagulated": True,
                   "fracture_suspected": False, "reviewed_at": None, "found": True,
                   "last_seen_well_at": datetime.fromisoformat(seen), **changed})


def test_found_more_than_8_hours_after_last_seen_well_the_ct_is_due_within_1_hour_of_being_found():
    fall = _found("2026-11-28T22:00+01:00")
    assert deadline(Ask.ANTICOAGULANT, fall) == fall.ct_due == datetime.fromisoformat("2026-11-29T07:30+01:00")
    at = datetime.fromisoformat("2026-11-29T06:35+01:00")
    assert said(Ask.ANTICOAGULANT, fall, "en", ZONE, at) == (
        "ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell the doctor now (CT head within 1 hour of being found, "
        "more than 8 hours after last seen well 28/11 22:00: by 29/11 07:30)")
    assert said(Ask.ANTICOAGULANT, fall, "fr", ZONE, at).endswith(
        "(scanner cérébral dans l’heure suivant la découverte, plus de 8 heures après le dernier constat d’état "
        "habituel (28/11 22:00) : avant le 29/11 07:30)")
    late = datetime.fromisoformat("2026-11-29T07:40+01:00")
    assert said(Ask.ANTICOAGULANT, fall, "en", ZONE, late).endswith(
        "(CT HEAD DUE BY 29/11 07:30, 1 hour after being found, more than 8 hours after last seen well 28/11 22:00 "
        "— PASSED)")


def test_found_within_8_hours_the_deadline_says_it_counts_from_last_seen_well():
    fall = _found("2026-11-29T01:00+01:00")
    assert fall.ct_due == datetime.fromisoformat("2026-11-29T09:00+01:00")
    assert "(CT head within 8 hours of last seen well 29/11 01:00: by 29/11 09:00)" in said(
        Ask.ANTICOAGULANT, fall, "en", ZONE)
    assert "(scanner cérébral dans les 8 heures suivant le dernier constat d’état habituel (29/11 01:00) : avant " \
           "le 29/11 09:00)" in said(Ask.ANTICOAGULANT, fall, "fr", ZONE)
    assert said(Ask.ANTICOAGULANT, fall, "en", ZONE, datetime.fromisoformat("2026-11-29T09:10+01:00")).endswith(
        "(CT HEAD DUE BY 29/11 09:00, 8 hours after last seen well 29/11 01:00 — PASSED)")


def test_after_the_doctor_s_examination_the_ct_says_what_it_counts_from():
    examined = replace(_found("2026-11-28T22:00+01:00"), reviewed_at=datetime.fromisoformat("2026-11-29T06:50+01:00"))
    assert said(Ask.CT, examined, "en", ZONE) == (
        "CT HEAD NOT RECORDED DONE: due by 29/11 07:30 (1 hour after being found, more than 8 hours after last seen "
        "well 28/11 22:00, on an anticoagulant)")
    assert said(Ask.CT, examined, "fr", ZONE).endswith(
        "(1 heure après la découverte, plus de 8 heures après le dernier constat d’état habituel (28/11 22:00), "
        "sous anticoagulant)")


def test_a_sign_found_still_asks_its_ct_within_1_hour_of_the_fall_recorded():
    """NICE's 1 hour of a sign counts from when it is found: unchanged by last seen well."""
    fall = _found("2026-11-28T22:00+01:00", anticoagulated=False, ct_signs=("seizure",))
    assert fall.ct_due == datetime.fromisoformat("2026-11-29T07:30+01:00")
    assert "CT head within 1 hour: by 29/11 07:30" in said(Ask.CT_SIGNS, fall, "en", ZONE)


def test_the_handover_of_a_patient_found_long_after_says_her_hour(session_for, patient, clock):
    clock.now = datetime.fromisoformat("2026-11-29T06:35+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FOUND, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    line = falls.handover(nurse.db, inside, nurse.clock(), "en")[patient]
    assert "(CT head within 1 hour of being found, more than 8 hours after last seen well 28/11 22:00: by 29/11 " \
           "07:30)" in line
    assert "PASSED" not in line

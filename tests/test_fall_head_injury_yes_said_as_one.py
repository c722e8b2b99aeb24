"""A head injury recorded Yes is asked neuro obs as a head injury: "HEAD INJURY NOT EXCLUDED" was
said of one seen, and the fall's line said "head injury" beside it."""

from datetime import datetime

import pytest

from downtime.domain.falls import Ask, Fall, said
from downtime.services import census, falls, records

AT = datetime.fromisoformat("2026-11-28T13:20+01:00")


def _fall(head_injury: str, found: bool = False) -> Fall:
    return Fall(AT, head_injury, False, False, None, found)


@pytest.mark.parametrize("lang, words", [("en", "HEAD INJURY: start neuro obs (GCS) now"),
                                         ("fr", ("TRAUMATISME CRÂNIEN : commencer la surveillance neurologique "
                                                 "(Glasgow) maintenant"))])
def test_a_head_injury_recorded_yes_is_said_as_one(lang, words):
    assert said(Ask.NEURO, _fall("yes"), lang) == said(Ask.NEURO, _fall("yes", found=True), lang) == words


@pytest.mark.parametrize("head_injury, found", [("not_excluded", False), ("no", True), ("not_excluded", True)])
def test_a_head_injury_not_excluded_is_said_so(head_injury, found):
    assert said(Ask.NEURO, _fall(head_injury, found), "en") == "HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now"


def test_the_handover_says_a_head_injury_once(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {
        "fell_at": "2026-11-28T13:20+01:00", "witnessed": "witnessed", "fracture_signs": "none", "head_injury": "yes",
        "anticoagulated": False}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 13:20; HEAD INJURY: start neuro obs (GCS) now; NO OBSERVATIONS SINCE THE FALL")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient].startswith(
        "Chute le 28/11 13:20 ; TRAUMATISME CRÂNIEN : commencer la surveillance neurologique (Glasgow) maintenant")


def _anticoagulated(head_injury: str, found: bool = False) -> Fall:
    return Fall(AT, head_injury, True, False, None, found)


@pytest.mark.parametrize("lang, seen, possible", [
    ("en", "ON AN ANTICOAGULANT WITH A HEAD INJURY: tell", "ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell"),
    ("fr", "SOUS ANTICOAGULANT AVEC UN TRAUMATISME CRÂNIEN : prévenir",
     "SOUS ANTICOAGULANT AVEC UN TRAUMATISME CRÂNIEN POSSIBLE : prévenir")])
def test_the_anticoagulant_ask_calls_a_head_injury_recorded_yes_one_not_a_possible_one(lang, seen, possible):
    """The list read "ON AN ANTICOAGULANT … WITH A POSSIBLE HEAD INJURY: tell the doctor now … |
    HEAD INJURY: start neuro obs" of one fall recorded Yes: one word for one answer."""
    assert said(Ask.ANTICOAGULANT, _anticoagulated("yes", found=True), lang).startswith(seen)
    assert said(Ask.ANTICOAGULANT, _anticoagulated("not_excluded"), lang).startswith(possible)
    assert said(Ask.ANTICOAGULANT, _anticoagulated("no", found=True), lang).startswith(possible)
    assert "POSSIBLE" not in said(Ask.CT_AGED, Fall(AT, "yes", False, False, None, born=datetime(1940, 1, 1).date(),
                                                     lost_consciousness="yes"), lang)
    assert "POSSIBLE" not in said(Ask.CT_SIGNS, Fall(AT, "yes", False, False, None, ct_signs=("seizure",)), lang)


@pytest.mark.parametrize("head_injury, words", [("yes", "with a head injury and no CT head"),
                                                ("not_excluded", "with a possible head injury and no CT head")])
def test_the_anticoagulant_dose_check_calls_a_head_injury_recorded_yes_one(session_for, medication_ward, head_injury,
                                                                           words):
    """The 08:00 apixaban of a patient fallen at 02:00, head injury Yes, was asked of "a possible
    head injury" beside the list's "HEAD INJURY:"."""
    from downtime.domain.medication import Check
    from downtime.services import medication

    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient).record_id
    records.save_new(nurse, "inpatient_fall", {
        "fell_at": "2026-11-28T02:00+01:00", "witnessed": "witnessed", "fracture_signs": "none",
        "head_injury": head_injury, "anticoagulated": True}, patient_id=patient)
    [asked] = [warning for warning in medication.check_dose(nurse, order, {
        "outcome": "given", "scheduled_for": "2026-11-28T08:00+01:00", "given_at": "2026-11-28T08:05+01:00",
        "dose_given": 5.0, "route": "PO"}) if warning.check is Check.HEAD_INJURY]
    assert asked.message == (f"Apixaban: the patient fell at 28/11 02:00 {words} is recorded done or decided "
                             "against: an anticoagulant makes a bleed in the head worse. Ask the doctor before "
                             "giving it.")

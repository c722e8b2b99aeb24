"""A 4AT finding possible delirium asks for a doctor, who looks for its cause: the escalation list
says it until a doctor is recorded as told of it (a name and a time, as a fall's examination), and
the handover then says who was told and when in place of "tell the doctor". A bleep unanswered,
written in the notes, tells no one; a screening of version 1, which asked for no doctor, reads as
before."""

import pytest

from downtime.domain.delirium import doctor_told_at
from downtime.services import census, delirium, records
from downtime.services.errors import ValidationFailed

SCREEN = {"screened_at": "2026-11-28T10:00+01:00", "alertness": "normal", "amt4": "two_or_more",
          "attention": "fewer_than_seven", "acute_change": "yes"}  # 7
ASKED = ("4AT 7 28/11 10:00", ["POSSIBLE DELIRIUM: tell the doctor, who looks for its cause"])
TOLD = {"doctor_told": " Dr  Benali ", "doctor_told_at": "2026-11-28T10:20+01:00"}


def _inside(session):
    return census.in_patients(session.db, session.forms, "3B", session.clock())


def _escalation(session, lang="en"):
    return delirium.escalation(session.db, _inside(session), session.clock(), lang)


def _handover(session, lang="en"):
    return delirium.handover(session.db, _inside(session), session.clock(), lang)


def test_possible_delirium_leaves_the_escalation_list_once_a_doctor_is_recorded_as_told(session_for, patient):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "delirium_screening", {**SCREEN, "notes": "Dr Benali bleeped, no answer"},
                             patient_id=patient)
    assert _escalation(nurse) == {patient: ASKED}  # a bleep unanswered tells no one
    assert "tell the doctor" in _handover(nurse)[patient]
    records.amend(nurse, saved.record_id, {**saved.data, **TOLD}, "Doctor told")
    assert _escalation(nurse) == {}
    assert _handover(nurse) == {patient: "Delirium: 4AT 7, possible delirium (28/11 10:00); doctor told: Dr Benali "
                                         "28/11 10:20"}
    assert _handover(nurse, "fr") == {patient: "Confusion aiguë : 4AT 7, confusion aiguë possible (28/11 10:00) ; "
                                               "médecin prévenu : Dr Benali le 28/11 10:20"}
    assert delirium.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en") == [_handover(nurse)[patient]]
    # A later screening of 4 or more is told again.
    records.save_new(nurse, "delirium_screening", {**SCREEN, "screened_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    assert _escalation(nurse) == {patient: ("4AT 7 28/11 13:00", ASKED[1])}


def test_the_doctor_told_needs_a_name_and_a_time_not_before_the_screening(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "delirium_screening", {**SCREEN, "doctor_told": "Dr Benali"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["doctor_told_at"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "delirium_screening", {**SCREEN, **TOLD, "doctor_told_at": "2026-11-28T09:00+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["screened_at"]
    # A time alone (the name left empty) is not asked, and tells no one.
    assert doctor_told_at({**SCREEN, "doctor_told": "  ", "doctor_told_at": TOLD["doctor_told_at"]}) is None
    # Merged from a laptop that did not check it: a time before the screening was a typing slip.
    assert doctor_told_at({**SCREEN, **TOLD, "doctor_told_at": "2026-11-28T09:00+01:00"}) is None
    assert doctor_told_at({**SCREEN, **TOLD, "doctor_told_at": "2026-11-28T09:20+00:00"}).hour == 9  # 10:20 here


def test_a_screening_of_version_1_reads_as_before(session_for, patient, forms):
    """Version 1 asked for no doctor: its notes saying one was told are read by the nurse, not
    the app, as they were."""
    assert forms["delirium_screening"].version == 2
    records.save_imported(session_for("records"), "delirium_screening",
                          {**SCREEN, "notes": "Daughter: muddled since Tuesday; Dr Benali told"}, patient,
                          "5e0b2c6d-3f1a-4e8b-9c7d-1a2b3c4d5e6f")
    nurse = session_for("nurse")
    assert _escalation(nurse) == {patient: ASKED}
    assert _handover(nurse) == {patient: "Delirium: 4AT 7, POSSIBLE DELIRIUM: tell the doctor, who looks for its "
                                         "cause (28/11 10:00)"}


def test_the_blank_screening_asks_for_the_doctor_told_on_its_one_page(blank_pages):
    english, french = blank_pages("delirium_screening", "en"), blank_pages("delirium_screening", "fr")
    assert len(english) == len(french) == 1
    assert "Doctor told" in english[0] and "Médecin prévenu" in french[0]

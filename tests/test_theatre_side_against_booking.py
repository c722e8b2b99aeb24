"""Words typed after the booking, on the WHO checklist's time-out and on the operation done, read
against the side the operation is booked on: "Right knee arthroscopy" on the checklist of a LEFT
knee, or "Right knee arthroscopy performed" on its record done, were saved with nothing said, and
the EHR received a left operation whose own notes said right."""

import pytest

from downtime.services import records, theatre, wards
from downtime.services.errors import ValidationFailed
from tests.test_bad_input import MONDAY, _booking
from tests.test_surgical_safety_checklist import SIGNED_IN

CHECKED_AT = f"{MONDAY}T07:50+01:00"


@pytest.fixture
def left_knee(session_for, admission_values, clock):
    """A LEFT knee arthroscopy booked on Monday's T1 list at 08:00, the clock on Wednesday: the
    patient, the booking."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    coord = session_for("coord")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "Orthopaedics", "starts_at": f"{MONDAY}T08:00+01:00",
        "ends_at": f"{MONDAY}T13:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {**_booking(session_id, "08:00", 60), "procedure": "Knee arthroscopy",
                                            "laterality": "left"}).record_id
    clock.advance(days=4)
    return patient, booking


@pytest.mark.parametrize("field", ["surgeon_critical_steps", "anaesthetist_concerns"])
def test_time_out_words_naming_the_other_side_ask_the_team_to_check_the_site(session_for, left_knee, field):
    patient, booking = left_knee
    nurse = session_for("nurse")
    values = {**SIGNED_IN, "booking": booking, "checked_at": CHECKED_AT,
              field: "Right knee arthroscopy, 45 min, minimal blood loss"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, theatre.CHECKLIST_FORM, values, patient_id=patient)
    (error,) = refused.value.errors
    assert error.path == field
    assert "names “Right”, but the operation is booked as Knee arthroscopy, LEFT: check the site with the team" \
        in error.message
    saved = records.save_new(nurse, theatre.CHECKLIST_FORM, {
        **values, "notes": "Booking's side checked against the consent and the mark: left; words a slip"},
        patient_id=patient)
    assert saved.data[field].startswith("Right knee")


def test_time_out_words_naming_the_booked_side_pass(session_for, left_knee):
    patient, booking = left_knee
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **SIGNED_IN, "booking": booking, "checked_at": CHECKED_AT,
        "surgeon_critical_steps": "Left knee arthroscopy, 45 min"}, patient_id=patient)


@pytest.mark.parametrize("words", ["TKR R", "PTH D", "genou D", "R knee", "knee on the right", "Right.",
                                   "mark on the right"])
def test_time_out_words_naming_the_other_side_however_written_ask(session_for, left_knee, words):
    """A side as a capital letter alone, or a side word with no body part next to it, on a LEFT
    knee's time-out was saved with nothing asked: the time-out's words were read as a note."""
    patient, booking = left_knee
    values = {**SIGNED_IN, "booking": booking, "checked_at": CHECKED_AT, "surgeon_critical_steps": words}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, values, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["surgeon_critical_steps"]
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **values, "notes": "Site checked with the team and the consent: left"}, patient_id=patient)


def test_time_out_words_naming_no_side_pass(session_for, left_knee):
    """Prose says "right" and "left" of things that are no side: read as sides, they stopped the
    checklist of a LEFT knee."""
    patient, booking = left_knee
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **SIGNED_IN, "booking": booking, "checked_at": CHECKED_AT,
        "surgeon_critical_steps": "Tourniquet off right after closure, drain left in situ",
        "anaesthetist_concerns": "All right; seen by Dr R. Martin"}, patient_id=patient)


def test_a_blood_group_litres_and_an_initial_at_the_time_out_pass(session_for, left_knee):
    """"Rh D" was the right side, "1 L" and "Dr G Martin" sides too: the LEFT knee's checklist
    was refused with the wrong-site question, naming "D"."""
    patient, booking = left_knee
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **SIGNED_IN, "booking": booking, "checked_at": CHECKED_AT,
        "anaesthetist_concerns": "Group O Rh D negative, 2 units crossmatched, expected blood loss 1 L",
        "surgeon_critical_steps": "Dr G Martin to assist"}, patient_id=patient)


def test_notes_of_something_else_do_not_silence_the_wrong_site_question(session_for, left_knee):
    """A recovery concern in the notes, which is what they are for, let "Right knee arthroscopy"
    on a LEFT knee's time-out through with nothing said: only notes speaking of the side answer."""
    patient, booking = left_knee
    values = {**SIGNED_IN, "booking": booking, "checked_at": CHECKED_AT,
              "surgeon_critical_steps": "Right knee arthroscopy, 45 min", "notes": "PONV risk, ondansetron given"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, values, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["surgeon_critical_steps"]
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **values, "notes": "PONV risk, ondansetron given. Site checked with the team: left, words a slip"},
        patient_id=patient)


@pytest.mark.parametrize("note", ["Patient to recovery right away, stable", "Uneventful, all right in recovery",
                                  "Seen post-op by Dr R. Martin", "WRONG SITE: right knee operated, incident reported"])
def test_a_done_note_is_recorded_as_written_whatever_side_it_names(session_for, left_knee, note):
    """The done note is what happened: "right away" or "Dr R." were refused as naming the right
    side of a LEFT knee, with no way to say otherwise, and a true wrong-site operation could be
    recorded only by amending the booking's side, erasing what was booked. The wrong-site question
    is the checklist's, asked before the knife."""
    _, booking = left_knee
    coord = session_for("coord")
    recorded = theatre.record_done(coord, booking, {"done_at": f"{MONDAY}T08:10+01:00", "theatre": "T1",
                                                    "notes": note})
    amended = records.amend(coord, recorded.record_id, {**recorded.data, "notes": f"{note}."}, "full stop")
    assert amended.data["notes"] == f"{note}."

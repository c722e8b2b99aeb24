"""The checklist's notes answer the wrong-site question only when they speak of the operation's
side: a cannula's site, turning the patient on her side or a diathermy plate on the right thigh
silenced "Right inguinal hernia" at the time-out of a LEFT hernia repair."""

import pytest

from downtime.domain.laterality import speaks_of_side
from downtime.services import records, theatre
from downtime.services.errors import ValidationFailed
from tests.test_bad_input import MONDAY
from tests.test_surgical_safety_checklist import SIGNED_IN, booked, patient  # noqa: F401  (fixtures)

SPOKEN_OF_SOMETHING_ELSE = ["", "Cannula site checked, no redness", "Pressure areas fine, turned on her side",
                            "Diathermy plate site: right thigh"]


@pytest.mark.parametrize("notes", SPOKEN_OF_SOMETHING_ELSE)
def test_notes_of_another_site_or_side_leave_it_asked(session_for, patient, booked, clock, notes):  # noqa: F811
    booking = booked("left")
    clock.advance(days=2)
    values = {**SIGNED_IN, "booking": booking, "checked_at": f"{MONDAY}T07:50+01:00",
              "surgeon_critical_steps": "Right inguinal hernia, mesh repair", "notes": notes}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, values, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["surgeon_critical_steps"]
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **values, "notes": f"{notes} Left inguinal hernia confirmed with the consent and the mark".strip()},
        patient_id=patient)


@pytest.mark.parametrize("text, speaks", [
    ("PONV risk, ondansetron given", False), ("Patient all right", False), ("Site checked with the team", False),
    ("Cannula site checked, no redness", False), ("Pressure areas fine, turned on her side", False),
    ("Diathermy plate site: right thigh", False), ("Right away to recovery, knee dressing fine", False),
    ("Left knee confirmed with the consent", True), ("Site checked with the team: left, words a slip", True),
    ("Côté vérifié : gauche", True), ("Wrong site: right knee operated", True),
    ("Booking's side checked against the consent and the mark: left", True), ("Genou gauche, consentement", True)])
def test_notes_answer_the_question_only_naming_a_side_with_a_site_check_or_the_operated_part(text, speaks):
    assert speaks_of_side(text, {"left", "right"}, "Knee arthroscopy / arthroscopie du genou") is speaks


@pytest.mark.parametrize("procedure, sides, text", [
    ("Arthroscopie du genou", {"left", "right"}, "Site marqué à gauche, vu avec le patient et le consentement"),
    ("Arthroscopie du genou", {"left", "right"}, "Bon côté : gauche, lapsus du chirurgien"),
    ("Knee arthroscopy", {"left", "right"}, "Left side marked and consented, surgeon misspoke"),
    ("Knee arthroscopy", {"left", "right"}, "Genou gauche confirmé avec le consentement"),
    ("Knee arthroscopy", {"left", "right"}, "Genou gauche"),
    ("Arthroscopie du genou", {"left", "right"}, "Left knee"),
    ("Cataract extraction", {"left", "right"}, "Left eye confirmed with the consent and the mark"),
    ("Cataract extraction", {"left", "right"}, "Left eye"),
    ("Phacoémulsification", {"left", "right"}, "Œil gauche"),
    ("Inguinal hernia repair", {"bilateral", "left"}, "Right side postponed, left only today, consent amended"),
    ("Cure de hernie inguinale", {"bilateral", "left"}, "Seulement le côté gauche aujourd'hui, droit reporté")])
def test_notes_answer_it_in_either_language_whatever_the_procedures(procedure, sides, text):
    """The procedure in one language, the notes in either; an eye's operation named without the
    eye; a bilateral booking done on one side: each plainly answers the question."""
    assert speaks_of_side(text, sides, procedure)


@pytest.mark.parametrize("text", ["Cannula site checked, no redness", "Pressure areas fine, turned on her side",
                                  "Diathermy plate site: right thigh", "Consent signed, site marked"])
def test_notes_naming_no_side_of_the_operation_leave_it_asked_in_one_language(text):
    assert not speaks_of_side(text, {"left", "right"}, "Inguinal hernia repair")


def test_the_refusal_says_what_the_notes_must_say_with_an_example_that_answers_it(session_for, patient, booked,  # noqa: F811
                                                                                  clock):
    booking = booked("left")
    clock.advance(days=2)
    values = {**SIGNED_IN, "booking": booking, "checked_at": f"{MONDAY}T07:50+01:00",
              "surgeon_critical_steps": "Right inguinal hernia, mesh repair", "notes": "Side discussed"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, values, patient_id=patient)
    said = refused.value.errors[0].message
    assert ("which side the team checked, with the word checked, marked or consented or the "
            "operation's body part, for example “Site checked with the consent and the mark: left”.") in said, said
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM,
                     {**values, "notes": "Site checked with the consent and the mark: left"}, patient_id=patient)


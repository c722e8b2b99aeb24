"""A form or dose left unsaved (a crash, a flat battery, the laptop changing hands at the lock
screen) stays its author's draft, which no one else may open; that it exists is told to the others
all the same (drafts.waiting), never what it holds: an admission typed at 06:50 was on no census,
and a colleague opening the same dose saw it due and could give it again."""

import json
from datetime import timedelta

import pytest

from downtime.domain.medication import Check
from downtime.services import drafts, medication, records, staff
from downtime.services.context import Session
from downtime.services.errors import PermissionDenied, ServiceError
from downtime.services.medication import OverrideNeeded

GIVEN_AT_14 = {"outcome": "given", "given_at": "2026-11-28T14:05+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
               "dose_given": 1.0, "route": "IV"}


def as_noemie(nurse: Session) -> Session:
    """The night nurse, Noémie Faure, signed in on the ward's laptop (see the `night` fixture)."""
    return Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "night", "5555", nurse.clock), nurse.forms,
                   nurse.clock)


def dose_typed(noemie: Session, order: str, patient: str, draft_id: str = "dose-1", **typed: object) -> None:
    """What the dose dialog keeps of a dose being typed (see DoseDialog.typed), as its draft."""
    drafts.save_draft(noemie, draft_id, medication.DOSE_FORM,
                      {"order": order, "outcome": "given", "given_at": "28/11/2026 13:58", "dose_given": "1",
                       "route": "IV", **typed}, patient_id=patient)


def test_an_admission_left_unsaved_at_a_crash_is_told_to_the_next_shift_without_its_contents(
        session_for, admission_values, clock):
    clock.now = clock.now.replace(hour=6, minute=48)
    drafts.save_draft(session_for("nurse"), "draft-1", "admission", admission_values)
    clock.now = clock.now.replace(hour=7, minute=30)
    doctor = session_for("doctor")
    (told,) = drafts.waiting(doctor.db, doctor.forms)
    assert (told.author, told.author_name, told.patient, told.ward, told.bed) == (
        "nurse", "Hélène Lefèvre", "MARTIN Hélène Marie (née LEFÈVRE)", "3B", "12")
    assert drafts.unsaved_line([told], doctor.forms, "en", clock.now) == (
        "1 form typed by Hélène Lefèvre at 06:48 not saved (Downtime admission record, bed 12)")
    assert drafts.unsaved_list([told], doctor.forms, "en", clock.now).splitlines()[0] == (
        "Downtime admission record, bed 12 — MARTIN Hélène Marie (née LEFÈVRE): typed by Hélène Lefèvre at 06:48, "
        "not saved")
    assert "Fall at home" not in repr(told) and "Penicillin" not in repr(told)
    assert drafts.drafts_of(doctor) == [], "others are told of a draft; only its author opens it"


def test_the_day_a_draft_was_typed_is_said_when_not_today(session_for, admission_values, clock):
    drafts.save_draft(session_for("nurse"), "draft-1", "admission", {**admission_values, "bed": ""})
    clock.advance(days=1)
    doctor = session_for("doctor")
    assert drafts.unsaved_line(drafts.waiting(doctor.db, doctor.forms), doctor.forms, "en", clock.now) == (
        "1 form typed by Hélène Lefèvre at 28/11 14:00 not saved (Downtime admission record, ward 3B)")


def test_several_drafts_make_one_line_naming_the_last(session_for, night, clock):
    patient, amox, _ = night
    nurse = session_for("nurse")
    dose_typed(as_noemie(nurse), amox, patient, scheduled_for="2026-11-28T14:00+01:00")
    clock.advance(minutes=5)
    drafts.save_draft(nurse, "note-1", "clinical_note", {"note": "Seen by the family"}, patient_id=patient)
    found = drafts.waiting(nurse.db, nurse.forms)
    assert [each.author for each in found] == ["nurse", "night"]
    assert found[1].drug == "Amoxicillin" and drafts.about(found[1], nurse.forms, "en", clock.now) == (
        "dose of Amoxicillin 14:00, bed 12")
    assert drafts.unsaved_line(found, nurse.forms, "en", clock.now).startswith(
        "2 forms typed and not saved, the last by Hélène Lefèvre at 14:05 (")


def test_a_colleague_opening_the_dose_another_nurse_typed_and_left_is_told_to_ask_her(session_for, night, clock):
    """Noémie gave the 14:00 amoxicillin at 13:58 and was typing it when she was called away; the
    laptop locked and Hélène signed in over it. Hélène's dose of 14:00 asks a reason, as a dose
    already given does; Noémie herself, back at her draft, is not warned of it."""
    patient, amox, _ = night
    clock.now = clock.now.replace(minute=0) - timedelta(minutes=2)
    nurse = session_for("nurse")
    noemie = as_noemie(nurse)
    dose_typed(noemie, amox, patient, scheduled_for="2026-11-28T14:00+01:00")
    clock.advance(minutes=7)
    said = [warning for warning in medication.check_dose(nurse, amox, GIVEN_AT_14)
            if warning.check is Check.ALREADY_GIVEN]
    assert [warning.message for warning in said] == [
        "Noémie Faure was typing this dose at 13:58 and did not save it: ask them before giving it."]
    assert not [warning for warning in medication.check_dose(noemie, amox, GIVEN_AT_14)
                if warning.check is Check.ALREADY_GIVEN]
    with pytest.raises(OverrideNeeded) as asked:
        medication.record_dose(nurse, amox, GIVEN_AT_14, overrides={Check.ALLERGY: "Tolerated since"})
    assert asked.value.warnings == said
    saved = medication.record_dose(nurse, amox, GIVEN_AT_14, overrides={
        Check.ALLERGY: "Tolerated since", Check.ALREADY_GIVEN: "Noémie phoned: she did not give it"})
    assert {"check": "already_given", "reason": "Noémie phoned: she did not give it"} in saved.data["overrides"]


def test_a_draft_of_another_time_of_the_order_is_not_this_dose(session_for, night):
    patient, amox, _ = night
    nurse = session_for("nurse")
    dose_typed(as_noemie(nurse), amox, patient, scheduled_for="2026-11-28T08:00+01:00")
    assert not [warning for warning in medication.check_dose(nurse, amox, GIVEN_AT_14)
                if warning.check is Check.ALREADY_GIVEN]


def test_an_as_required_dose_typed_by_another_is_said_within_the_orders_interval(session_for, night, clock):
    """Morphine as required, at least 4 hours apart: a dose Noémie was typing at 13:58 is said to
    Hélène giving one at 17:00, not at 18:30."""
    patient, _, morphine = night
    clock.now = clock.now - timedelta(minutes=2)
    nurse = session_for("nurse")
    dose_typed(as_noemie(nurse), morphine, patient, dose_given="5", route="SC")
    prn = {"outcome": "given", "dose_given": 5.0, "route": "SC"}

    def told(at: str) -> list[str]:
        return [warning.message for warning in medication.check_dose(nurse, morphine, {**prn, "given_at": at})
                if warning.message.startswith("Noémie")]

    assert told("2026-11-28T17:00+01:00") == [
        "Noémie Faure was typing a dose of Morphine at 13:58 and did not save it: ask them before giving this one."]
    assert told("2026-11-28T18:30+01:00") == []


def test_deactivating_a_nurse_names_the_drafts_she_leaves(session_for, night, admission_values, clock):
    patient, amox, _ = night
    nurse = session_for("nurse")
    noemie = as_noemie(nurse)
    dose_typed(noemie, amox, patient, scheduled_for="2026-11-28T14:00+01:00")
    clock.advance(minutes=2)
    drafts.save_draft(noemie, "draft-2", "admission", {**admission_values, "bed": "14"})
    drafts.save_draft(nurse, "draft-3", "admission", admission_values)  # Hélène's: not Noémie's to name
    left = staff.deactivate_staff(session_for("admin"), "night")
    assert drafts.listed(left, nurse.forms, "en", clock.now) == "Downtime admission record, bed 14; dose of Amoxicillin 14:00, bed 12"
    (first, _) = drafts.waiting(nurse.db, nurse.forms, "night")
    assert drafts.unsaved_line([first], nurse.forms, "en", nurse.clock()) == (
        "1 form typed by Noémie Faure (deactivated) at 14:02 not saved (Downtime admission record, bed 14)")


def test_an_amendment_left_unsaved_names_the_patient_and_says_it_amends(session_for, patient, admission_values,
                                                                        clock):
    nurse = session_for("nurse")
    admission = nurse.db.execute("SELECT record_id FROM records WHERE patient_id = ?", [patient]).fetchone()[0]
    drafts.save_draft(nurse, "amend-1", "admission", {**admission_values, "reason": "Fall, hip fracture confirmed"},
                      record_id=admission, record_version=1)
    (told,) = drafts.waiting(nurse.db, nurse.forms)
    assert told.amends and told.patient is not None and told.patient.startswith("MARTIN Hélène Marie")
    assert drafts.about(told, nurse.forms, "en", clock.now) == "amendment of Downtime admission record, bed 12"


def test_an_old_dose_draft_says_its_day_and_that_its_patient_went_home_not_the_bed_now_anothers(
        session_for, night, admission_values, clock, send_home):
    """Noémie's 14:00 amoxicillin of 28/11 left typed; the patient went home at noon that day
    (the discharge typed later) and, a month on, bed 12 holds Paul Durand, also on amoxicillin.
    The line said "dose of Amoxicillin 14:00, bed 12", read at 13:30 as his dose due today."""
    patient, amox, _ = night
    nurse = session_for("nurse")
    clock.now = clock.now.replace(minute=0) - timedelta(minutes=2)
    dose_typed(as_noemie(nurse), amox, patient, scheduled_for="2026-11-28T14:00+01:00")
    clock.advance(minutes=30)
    send_home(patient)
    clock.now = clock.now.replace(month=12, day=27, hour=9)
    records.save_new(session_for("nurse"), "admission", {
        **admission_values, "nir": None, "used_name": None, "birth_name": "Durand", "given_names": "Paul",
        "sex": "male", "birth_date": "1950-01-01", "arrival_at": "2026-12-27T08:00+01:00"})
    (told,) = drafts.waiting(nurse.db, nurse.forms)
    assert drafts.unsaved_line([told], nurse.forms, "en", clock.now) == (
        "1 form typed by Noémie Faure at 28/11 13:58 not saved (dose of Amoxicillin 28/11 14:00, discharged 28/11)")
    assert (told.ward, told.bed) == (None, None), "not the bed now another's"


def test_a_deactivated_nurses_dose_draft_is_set_aside_by_the_nurse_in_charge_and_kept_in_the_audit(
        session_for, night, clock):
    """An agency nurse's dose left typed at the lock screen; her account deactivated when her
    shifts ended. Only she could discard it, and it stayed in every banner for weeks."""
    patient, amox, _ = night
    nurse = session_for("nurse")
    dose_typed(as_noemie(nurse), amox, patient, scheduled_for="2026-11-28T14:00+01:00")
    clock.advance(hours=1)
    staff.deactivate_staff(session_for("admin"), "night")
    clock.advance(minutes=5)
    (told,) = drafts.waiting(nurse.db, nurse.forms)
    assert drafts.can_be_set_aside(told, clock.now)
    with pytest.raises(ServiceError, match="Say why"):
        drafts.set_aside(nurse, told.draft_id, "  ")
    drafts.set_aside(nurse, told.draft_id, "Dose on the paper chart, given 14:00 by N. Faure")
    assert drafts.waiting(nurse.db, nurse.forms) == []
    assert not [warning for warning in medication.check_dose(nurse, amox, GIVEN_AT_14)
                if warning.check is Check.ALREADY_GIVEN]
    actor, detail = nurse.db.execute("SELECT actor, detail FROM audit WHERE action = 'draft.set_aside'").fetchone()
    detail = json.loads(detail)
    assert (actor, detail["author"], detail["patient_id"], detail["form_id"], detail["reason"]) == (
        "nurse", "night", patient, medication.DOSE_FORM, "Dose on the paper chart, given 14:00 by N. Faure")
    assert detail["data"]["route"] == "IV" and detail["data"]["scheduled_for"] == "2026-11-28T14:00+01:00"
    with pytest.raises(ServiceError, match="no longer waiting"):
        drafts.set_aside(nurse, told.draft_id, "again")


def test_a_colleagues_fresh_draft_is_not_set_aside_until_a_day_has_passed(session_for, night, clock):
    """Noémie can still sign in and her patient is on the ward: she is the one to ask, until her
    draft is a day old. Someone who records no care (a surgical coordinator) sets none aside; the
    administrator does."""
    patient, amox, _ = night
    nurse = session_for("nurse")
    dose_typed(as_noemie(nurse), amox, patient, scheduled_for="2026-11-28T14:00+01:00")
    clock.advance(hours=3)
    (told,) = drafts.waiting(nurse.db, nurse.forms)
    with pytest.raises(ServiceError, match="Noémie Faure typed this form at 14:00 and can still sign in"):
        drafts.set_aside(nurse, told.draft_id, "Not given")
    clock.advance(hours=21)
    with pytest.raises(PermissionDenied):
        drafts.set_aside(session_for("coord"), told.draft_id, "Not given")
    drafts.set_aside(session_for("admin"), told.draft_id, "Asked Noémie: not given, given since by the day nurse")
    assert drafts.waiting(nurse.db, nurse.forms) == []

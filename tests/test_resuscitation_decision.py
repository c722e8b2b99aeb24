"""A decision not to attempt resuscitation names the doctor who decided it and when (the admission,
version 2), is said so where the status is printed, and is made or changed only by a doctor or a
ward nurse naming them: a student nurse amended a DNACPR patient back to "For resuscitation"
("family asked"), and the record named no doctor, its author whoever typed it."""

import json

import pytest

from downtime.domain.staff import Role
from downtime.pdf.news2 import news2_chart_pdf
from downtime.services import observations, records, resuscitation, staff
from downtime.services.census import patient_with_location
from downtime.services.context import Session, load_device
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.services.laptops import authors
from tests.pdf_text import pdf_text

DECIDED = {"resuscitation_decided_by": "Dr  Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00"}
LIFTED = {"resuscitation": "full", "resuscitation_lifted_at": "2026-11-28T12:00+01:00"}


def _admission(nurse, patient):
    row = nurse.db.execute("SELECT record_id, data FROM current_records WHERE form_id = 'admission' AND patient_id = ?",
                           [patient]).fetchone()
    return row[0], json.loads(row[1])


@pytest.fixture
def junior(session_for, forms, clock):
    """A student nurse (or another role) signed in beside the ward nurse."""
    def signed_in(role: Role) -> Session:
        staff.add_staff(session_for("admin"), "junior", "Léa Petit", role, "6666")
        nurse = session_for("nurse")
        return Session(nurse.db, load_device(nurse.db), staff.sign_in(nurse.db, "junior", "6666", clock), forms, clock)
    return signed_in


def test_a_dnacpr_names_the_doctor_who_decided_and_when(session_for, medication_ward, forms):
    nurse, patient = session_for("nurse"), medication_ward[0]
    record_id, data = _admission(nurse, patient)
    for session in (nurse, session_for("doctor")):
        with pytest.raises(ValidationFailed) as refused:
            resuscitation.check_change(session, forms["admission"], {**data, "resuscitation": "dnacpr"}, data)
        assert [error.path for error in refused.value.errors] == ["resuscitation_decided_by",
                                                                  "resuscitation_decided_at"]
        assert refused.value.errors[0].message == "“DNACPR decided by (doctor)” is required."
    resuscitation.check_change(nurse, forms["admission"], {**data, "resuscitation": "dnacpr", **DECIDED}, data)
    amended = records.amend(nurse, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided with the family")
    found = patient_with_location(nurse.db, nurse.forms, patient)
    assert resuscitation.decided(nurse.db, [found], nurse.clock().tzinfo) == {patient: "Dr Benali, 28/11 10:00"}
    lifted = records.amend(nurse, record_id, {**amended.data, **LIFTED}, "Reviewed by Dr Benali")
    assert "resuscitation_decided_by" not in lifted.data
    assert resuscitation.decided(nurse.db, [patient_with_location(nurse.db, nurse.forms, patient)]) == {}


@pytest.mark.parametrize("role", [Role.STUDENT_NURSE, Role.HEALTHCARE_ASSISTANT])
def test_only_a_doctor_or_a_ward_nurse_sets_or_lifts_a_dnacpr(session_for, medication_ward, junior, forms, role):
    nurse, patient = session_for("nurse"), medication_ward[0]
    pupil, spec = junior(role), forms["admission"]
    _, data = _admission(nurse, patient)
    dnacpr = {**data, "resuscitation": "dnacpr", **DECIDED}
    for before, after in ((data, dnacpr), (dnacpr, data), (None, dnacpr)):
        with pytest.raises(PermissionDenied) as refused:
            resuscitation.check_change(pupil, spec, after, before)
        assert "only a doctor, or a ward nurse naming the doctor who decided" in str(refused.value.text("en"))
    for session in (nurse, session_for("doctor")):
        resuscitation.check_change(session, spec, {**data, **LIFTED}, dnacpr)
    resuscitation.check_change(pupil, spec, {**dnacpr, "bed": "14"}, dnacpr)
    resuscitation.check_change(pupil, spec, data, None)


def test_who_decided_a_standing_dnacpr_is_changed_only_as_the_decision_is(session_for, medication_ward, junior, forms):
    """A student nurse rewrote the doctor named on a standing DNACPR, then blanked it ("tidying"),
    the status untouched: both were saved, and the strip then said DNACPR of no one."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    record_id, data = _admission(nurse, patient)
    dnacpr = records.amend(nurse, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided with family").data
    pupil = junior(Role.STUDENT_NURSE)
    for change in ({"resuscitation_decided_by": "Dr Nobody"}, {"resuscitation_decided_by": "",
                                                               "resuscitation_decided_at": None}):
        with pytest.raises(PermissionDenied):
            records.amend(pupil, record_id, {**dnacpr, **change}, "tidying")
    with pytest.raises(ValidationFailed):
        records.amend(nurse, record_id, {**dnacpr, "resuscitation_decided_by": ""}, "tidying")
    corrected = records.amend(nurse, record_id, {**dnacpr, "resuscitation_decided_by": "Dr Karim Benali"}, "Full name")
    assert corrected.data["resuscitation_decided_by"] == "Dr Karim Benali"


def test_the_printed_chart_says_who_decided_the_dnacpr(session_for, medication_ward, tmp_path, clock):
    nurse, patient = session_for("nurse"), medication_ward[0]
    record_id, data = _admission(nurse, patient)
    records.amend(nurse, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided with the family")
    found = patient_with_location(nurse.db, nurse.forms, patient)
    news2_chart_pdf(found, [], nurse.form(observations.FORM), tmp_path / "news2.pdf", authors=authors(nurse),
                    laptops={}, lang="en", printed_by="Nurse", printed_at=clock(), device_name="Ward 3B laptop",
                    resuscitation_decided=resuscitation.decided(nurse.db, [found], clock().tzinfo)[patient])
    assert "NOT FOR RESUSCITATION (DNACPR) — Dr Benali, 28/11 10:00" in pdf_text(tmp_path / "news2.pdf")


def test_a_student_nurse_cannot_reverse_a_dnacpr_a_ward_nurse_naming_the_doctor_can(session_for, medication_ward,
                                                                                  junior):
    """Saved as version 3, author `student`, reason "family asked": refused now, as is a DNACPR
    typed by the student; the bed corrected is not a decision."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    pupil = junior(Role.STUDENT_NURSE)
    record_id, data = _admission(nurse, patient)
    with pytest.raises(PermissionDenied):
        records.amend(pupil, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided by Dr Benali")
    dnacpr = records.amend(nurse, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided by Dr Benali")
    with pytest.raises(PermissionDenied):
        records.amend(pupil, record_id, {**dnacpr.data, "resuscitation": "full"}, "family asked")
    moved = records.amend(pupil, record_id, {**dnacpr.data, "bed": "14"}, "Bed typed wrong")
    assert (moved.data["resuscitation"], moved.author) == ("dnacpr", "junior")


def test_a_ceiling_of_care_never_reads_as_not_for_resuscitation_in_french(forms):
    """On a French ward "pas de réanimation" is said of a patient not for CPR: the ward-based
    ceiling read so on the form, the printed chart's box and the escalation list, beside "RCP en
    cas d'arrêt" for the same patient. It is "pas de transfert en réanimation"."""
    from downtime.i18n import message
    from downtime.pdf.news2 import WORDS
    from downtime.services.observations import PLAN_WORDS, WARD_CEILING

    (ceiling,) = [option for option in forms["observation_plan"].field("escalation").options
                  if option.code == "ward_ceiling"]
    said = [ceiling.label.get("fr"), WORDS["plan"]["fr"],
            message("fr", PLAN_WORDS[WARD_CEILING], by="Dr Benali", time="28/11 10:30")]
    assert all("pas de transfert en réanimation" in words for words in said), said
    assert not any("pas de réanimation" in words.replace("pas de transfert en réanimation", "") for words in said)


def test_a_dnacpr_lifted_says_when_the_doctor_lifted_it(session_for, medication_ward):
    """Lifted at 14:30 on the laptop after the doctor's review at 12:00, the DNACPR sent to the EHR
    ended at 14:30: the lift asked no time (admission version 3 asks it of the amendment)."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    record_id, data = _admission(nurse, patient)
    dnacpr = records.amend(nurse, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided").data
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, record_id, {**dnacpr, "resuscitation": "full"}, "Reviewed by Dr Benali")
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("resuscitation_lifted_at", "“DNACPR lifted at (if it was DNACPR)” is required.")]
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, record_id, {**dnacpr, **LIFTED, "resuscitation_lifted_at": "2026-11-28T09:00+01:00"},
                      "Reviewed by Dr Benali")
    assert refused.value.errors[0].message == ("“DNACPR lifted at (if it was DNACPR)” is before the DNACPR it lifts "
                                               "was decided (28/11 10:00).")
    lifted = records.amend(nurse, record_id, {**dnacpr, **LIFTED}, "Reviewed by Dr Benali")
    assert (lifted.form_version >= 3, lifted.data["resuscitation_lifted_at"]) == (True, "2026-11-28T12:00+01:00")


def test_a_dnacpr_decided_again_before_the_lift_it_follows_is_refused(session_for, medication_ward):
    """Lifted at 12:00, decided again "at 11:00" (a slip for 13:00): saved, the EHR was sent two
    DNACPR decisions overlapping from 11:00 to 12:00. Decided again after the lift, saved."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    record_id, data = _admission(nurse, patient)
    dnacpr = records.amend(nurse, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided").data
    lifted = records.amend(nurse, record_id, {**dnacpr, **LIFTED}, "Reviewed by Dr Benali").data
    again = {**lifted, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Martin"}
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, record_id, {**again, "resuscitation_decided_at": "2026-11-28T11:00+01:00"},
                      "Decided again")
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("resuscitation_decided_at", "“DNACPR decided at” is before the DNACPR lifted at 28/11 12:00 it follows.")]
    saved = records.amend(nurse, record_id, {**again, "resuscitation_decided_at": "2026-11-28T13:00+01:00"},
                          "Decided again")
    assert saved.data["resuscitation_decided_at"] == "2026-11-28T13:00+01:00"


def test_a_lift_time_is_refused_where_no_dnacpr_is_lifted_and_kept_from_an_earlier_lift(session_for, medication_ward):
    """Typed while correcting the allergies of a patient for resuscitation who never had a DNACPR,
    "DNACPR lifted at" was saved and printed, telling the next reader a DNACPR had been lifted."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    record_id, data = _admission(nurse, patient)
    assert data["resuscitation"] == "full"
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, record_id, {**data, "resuscitation_lifted_at": "2026-11-28T11:00+01:00"},
                      "Allergies corrected")
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("resuscitation_lifted_at", "“DNACPR lifted at (if it was DNACPR)”: this change lifts no DNACPR (the status "
                                    "was not DNACPR, or stays so); leave it as it was.")]
    dnacpr = records.amend(nurse, record_id, {**data, "resuscitation": "dnacpr", **DECIDED}, "Decided").data
    lifted = records.amend(nurse, record_id, {**dnacpr, **LIFTED}, "Reviewed by Dr Benali").data
    kept = records.amend(nurse, record_id, {**lifted, "weight_kg": 62.0}, "Weighed")
    assert kept.data["resuscitation_lifted_at"] == "2026-11-28T12:00+01:00"
    with pytest.raises(ValidationFailed):
        records.amend(nurse, record_id, {**lifted, "resuscitation_lifted_at": "2026-11-28T12:30+01:00"},
                      "Lift moved")

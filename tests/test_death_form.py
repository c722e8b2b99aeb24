"""The death record as the paper's verification of death asks it: when it was verified, the
coroner, an implanted device, and the precautions for those handling the body."""

from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.domain.records import RecordStatus
from downtime.domain.staff import Role
from downtime.services import census, chart_alerts, prefill, printing, records, staff, wards
from downtime.services.context import Session, load_device
from downtime.services.errors import PermissionDenied, ValidationFailed
from tests.conftest import VERIFIED, death_answers
from tests.pdf_text import pdf_text

DIED = "2026-11-28T13:00+01:00"


@pytest.fixture
def patient(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {**admission_values, "isolation": "contact"}).patient_id


def _death(**answers):
    return {**death_answers(DIED), "verified_by": "Dr Benali", "expected": False, "family_informed": True, **answers}


def test_a_death_verified_before_it_happened_is_refused_naming_the_time_of_death(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "death", _death(verified_at="2026-11-28T12:30+01:00"), patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["died_at"]
    found = records.save_new(nurse, "death", _death(verified_at="2026-11-28T13:40+01:00"), patient_id=patient)
    assert found.data["verified_at"] == "2026-11-28T13:40+01:00"


def test_an_implanted_device_is_named_and_the_body_takes_the_admissions_precautions(session_for, patient, tmp_path):
    """A pacemaker must come out before a cremation, an ICD be switched off before the body is
    handled: the mortuary asks the ward, and on paper the answer was nowhere."""
    nurse = session_for("nurse")
    assert prefill.first_answers(nurse, nurse.form("death"), patient) == {"isolation": "contact"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "death", _death(implanted_device="present"), patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["implanted_detail"]
    found = records.save_new(nurse, "death", _death(implanted_device="present", referred_to_coroner=True,
                                                    implanted_detail="ICD, switched off 13:20", isolation="contact"),
                             patient_id=patient)
    text = " ".join(page.extract_text() for page in PdfReader(printing.print_record(
        nurse, found.record_id, tmp_path / "death.pdf")).pages)
    for said in ("Date and time death verified", "Referred to the coroner (medico-legal obstacle)",
                 "ICD, switched off 13:20", "Infection precautions for those handling the body", "Contact"):
        assert said in " ".join(text.split()), said


def test_the_blank_death_form_asks_each_on_one_page(session_for, tmp_path):
    reader = PdfReader(printing.print_blank(session_for("nurse"), "death", tmp_path / "blank.pdf"))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(reader.pages) == 1
    for said in ("Date and time death verified", "Death certificate completed", "Implanted device",
                 "Which device (and whether an ICD was switched off)", "Infection precautions"):
        assert said in text, said


@pytest.mark.parametrize("role", [Role.STUDENT_NURSE, Role.HEALTHCARE_ASSISTANT])
def test_only_a_registered_nurse_or_a_doctor_records_or_withdraws_a_death(session_for, patient, clock, forms, role):
    """A student nurse withdrew a doctor-verified death as "wrong patient": the patient was back on
    the census, their doses due, and the next export deleted the death in the EHR."""
    staff.add_staff(session_for("admin"), "junior", "Léa Petit", role, "6666")
    nurse = session_for("nurse")
    junior = Session(nurse.db, load_device(nurse.db), staff.sign_in(nurse.db, "junior", "6666", clock), forms, clock)
    with pytest.raises(PermissionDenied):
        records.save_new(junior, "death", _death(), patient_id=patient)
    death = records.save_new(session_for("doctor"), "death", _death(), patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T20:30+01:00")
    with pytest.raises(PermissionDenied):
        records.mark_entered_in_error(junior, death.record_id, "wrong patient")
    assert not records.may_withdraw(junior, death)
    assert census.in_patients(nurse.db, forms, "3B", clock.now) == []
    assert records.mark_entered_in_error(nurse, death.record_id, "wrong patient").status is RecordStatus.ENTERED_IN_ERROR


def test_a_deaths_tasks_not_done_are_handed_over_under_left_the_ward_until_amended(session_for, patient, clock,
                                                                                  tmp_path):
    """Saved at 13:00 with the family not told, no certificate and an ICD still on, the death read
    "12 — empty —" on the evening's handover sheet and nothing else: its answers reached only the
    records office's worklist, weeks later."""
    nurse = session_for("nurse")
    death = records.save_new(nurse, "death", _death(family_informed=False, certificate_done=False,
                                                    implanted_device="present",
                                                    implanted_detail="ICD, NOT switched off yet"), patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T19:45+01:00")

    def left() -> list[tuple[str, str, list[str]]]:
        return [(alert.form_id, alert.latest, alert.said) for alert in chart_alerts.left_untold(
            nurse.db, nurse.forms, [], "3B", "en", {}, at=clock.now, zone=clock.now.tzinfo)]

    device = ("implanted device (ICD, NOT switched off yet): switch an ICD off, tell the mortuary, then answer Yes to "
              "“ICD switched off (if any) and the mortuary told”")
    assert left() == [("death", "Died 28/11 13:00", [
        "NEXT OF KIN NOT TOLD", "death certificate not done", device, "amend the death record once done"])]
    assert chart_alerts.left_untold(nurse.db, nurse.forms, [], "4A", "en", {}, at=clock.now) == []
    sheet = pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert (f"Died 28/11 13:00 NEXT OF KIN NOT TOLD; death certificate not done; {device}; amend the death record "
            "once done") in sheet
    told = records.amend(nurse, death.record_id, {**death.data, "family_informed": True}, "Daughter told at 19:50")
    assert left()[0][2][0] == "death certificate not done"
    certified = records.amend(nurse, death.record_id, {**told.data, "certificate_done": True},
                              "Certificate done by Dr Benali")
    assert [said for _, _, said in left()] == [[device, "amend the death record once done"]]
    records.amend(nurse, death.record_id, {**certified.data, "device_dealt_with": True}, "ICD off, mortuary told")
    assert left() == []


def test_a_death_with_no_next_of_kin_known_is_not_next_of_kin_not_told_for_ever(session_for, patient, clock):
    """A man with no known family: "Next of kin informed" could only be Yes or No, and answered
    No with the police told, his death stayed "NEXT OF KIN NOT TOLD" on every handover, for ever,
    the only way off a false "Yes". The answer is asked only of next of kin not informed."""
    nurse = session_for("nurse")
    death = records.save_new(nurse, "death", _death(family_informed=False, certificate_done=True,
                                                    notes="Police and social worker informed"), patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-28T19:45+01:00")

    def left() -> list[list[str]]:
        return [alert.said for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], "3B", "en", {},
                                                                 at=clock.now, zone=clock.now.tzinfo)]

    assert left() == [["NEXT OF KIN NOT TOLD", "amend the death record once done"]]
    none_known = records.amend(nurse, death.record_id, {**death.data, "no_next_of_kin": True}, "No known family")
    assert none_known.form_version == nurse.form("death").version and left() == []
    told = records.amend(nurse, death.record_id, {**none_known.data, "family_informed": True},
                         "A nephew found and told")
    assert "no_next_of_kin" not in told.data and left() == []


def test_a_death_found_at_night_is_recorded_before_it_is_verified_and_holds_the_bed(session_for, patient, clock,
                                                                                  forms):
    """Found not breathing at 03:10, the on-call doctor to verify it in the morning: the save was
    refused ("Date and time death verified" is required), and until then the patient stayed an
    in-patient with doses and observations coming due, unless the nurse typed a verification that
    had not happened. Verified later, the death is amended; its doctor and time are asked then."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T03:30+01:00")
    found = {key: value for key, value in _death(died_at="2026-11-29T03:10+01:00", family_informed=False).items()
             if key not in ("verified_at", "verified_by")}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "death", found, patient_id=patient)
    assert {error.path for error in refused.value.errors} == {"verified_at", "verified_by"}
    death = records.save_new(nurse, "death", {**found, "verification_pending": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T08:30+01:00")
    assert census.in_patients(nurse.db, forms, "3B", clock.now) == []
    bed = next(row for row in census.census(nurse.db, forms, ward="3B") if row.bed == "12")
    assert bed.patient is None and census.body_text(bed.body, "en") == (
        f"DECEASED — awaiting verification: {bed.body.patient.display_name} "
        f"({bed.body.patient.downtime_number}), found 29/11/2026 03:10")
    assert census.body_text(bed.body, "fr").startswith("DÉCÉDÉ(E) — en attente du constat : ")  # a nurse may make it
    with pytest.raises(ValidationFailed) as unnamed:
        records.amend(nurse, death.record_id, {**death.data, "verification_pending": False}, "Verified by Dr Benali")
    assert {error.path for error in unnamed.value.errors} == {"verified_at", "verified_by"}
    # Those two given, the findings are asked (services.records._check_death).
    with pytest.raises(ValidationFailed) as unfound:
        records.amend(nurse, death.record_id, {**death.data, "verification_pending": False,
                                               "verified_at": "2026-11-29T08:15+01:00", "verified_by": "Dr Benali"},
                      "Verified by Dr Benali")
    assert {error.path for error in unfound.value.errors} == set(VERIFIED)
    verified = records.amend(nurse, death.record_id, {**death.data, "verification_pending": False,
                                                      "verified_at": "2026-11-29T08:15+01:00",
                                                      "verified_by": "Dr Benali", **VERIFIED}, "Verified by Dr Benali")
    assert verified.data["verified_by"] == "Dr Benali"
    bed = next(row for row in census.census(nurse.db, forms, ward="3B") if row.bed == "12")
    assert census.body_text(bed.body, "en").startswith("DECEASED — awaiting mortuary: ")


def test_a_body_does_not_leave_the_ward_before_the_death_is_verified(session_for, patient, clock, forms):
    """Found at 03:10, the doctor called, "Body left the ward" typed 05:00: the save freed the bed
    and the body went to the mortuary unverified, "DEATH NOT VERIFIED YET" its only trace. The
    time is not asked until the death is verified; the bed waits for the doctor."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T05:30+01:00")
    found = {key: value for key, value in _death(died_at="2026-11-29T03:10+01:00").items()
             if key not in ("verified_at", "verified_by")}
    death = records.save_new(nurse, "death", {**found, "verification_pending": True,
                                              "left_ward_at": "2026-11-29T05:00+01:00"}, patient_id=patient)
    assert "left_ward_at" not in death.data
    bed = next(row for row in census.census(nurse.db, forms, ward="3B") if row.bed == "12")
    assert census.body_text(bed.body, "en").startswith("DECEASED — awaiting verification: ")
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    gone = records.amend(nurse, death.record_id, {**death.data, "verification_pending": False,
                                                  "verified_at": "2026-11-29T08:15+01:00", "verified_by": "Dr Benali",
                                                  **VERIFIED,
                                                  "left_ward_at": "2026-11-29T08:45+01:00"},
                         "Verified, to the mortuary")
    assert gone.data["left_ward_at"] == "2026-11-29T08:45+01:00"
    assert next(row for row in census.census(nurse.db, forms, ward="3B") if row.bed == "12").body is None


@pytest.mark.parametrize(("lang", "negative"), [("en", "Not verified yet"), ("fr", "Pas encore constaté")])
def test_a_verified_deaths_line_reads_no_instruction_to_amend_it(session_for, patient, clock, lang, negative):
    """Verified by amendment at 08:15, the death's line (the worklist, printed for the records
    clerk) read "Not verified yet: doctor called (amend once verified): No" on the legal record."""
    nurse = session_for("nurse", lang)
    clock.now = datetime.fromisoformat("2026-11-29T03:30+01:00")
    found = {key: value for key, value in _death(died_at="2026-11-29T03:10+01:00").items()
             if key not in ("verified_at", "verified_by")}
    death = records.save_new(nurse, "death", {**found, "verification_pending": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T08:30+01:00")
    verified = records.amend(nurse, death.record_id, {**death.data, "verification_pending": False,
                                                      "verified_at": "2026-11-29T08:15+01:00",
                                                      "verified_by": "Dr Benali", **VERIFIED}, "Verified")
    line = records.record_label(nurse, verified)
    assert negative not in line and "Dr Benali" in line, line

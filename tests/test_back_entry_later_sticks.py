"""What a later stick changes on the records office's worklist, past what the clerk did: an
admission's IPP corrected after the patient was linked, the other record of a dose the ward
said was recorded twice withdrawn after its answer, a record to correct or withdraw named by
the reference it was entered under."""

import json

from pypdf import PdfReader

from downtime.services import back_entry, medication, printing, records
from downtime.services.errors import ServiceError
from downtime.services.patients import downtime_numbers
from downtime.storage import audit
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_back_entry import dose_recorded_twice

OBSERVATIONS = {"respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 130,
                "diastolic_bp": 80, "pulse": 72, "consciousness": "alert", "temperature": 37.0,
                "taken_at": "2026-11-28T13:00+01:00"}


def _relinked_by_the_ward(tmp_path, laptop, clock, admission_values):
    """A patient linked to the IPP their admission recorded, the admission entered; the ward
    then corrects the IPP and records observations, and the office imports the later stick."""
    nurse, clerk = laptop(tmp_path / "l1.sqlite", 1)
    values = {**admission_values, "ipp": "100200300"}
    admission = records.save_new(nurse, "admission", values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "e1").folder)
    number = downtime_numbers(office.db)[admission.patient_id]
    back_entry.link_patient(office, number, "100200300")
    back_entry.mark_entered(office, admission.record_id, 1, "ADM-1")
    clock.advance(minutes=20)
    records.amend(nurse, admission.record_id, {**values, "ipp": "100200399"}, "IPP misread from the label: 399 not 300")
    observations = records.save_new(nurse, "observations", OBSERVATIONS, patient_id=admission.patient_id)
    import_export(office, export(clerk, tmp_path / "e2").folder)
    return office, number, admission, observations


def test_a_link_the_admission_contradicts_since_stops_every_line_left(tmp_path, laptop, clock, admission_values):
    """Linked to 100200300 as the admission said, the patient's admission now says 100200399:
    every later record went to the other patient's EHR file, "enter", with no word, and the
    bundle sent them under the old number."""
    office, number, admission, observations = _relinked_by_the_ward(tmp_path, laptop, clock, admission_values)
    (group,) = back_entry.worklist(office)
    said = "linked to EHR patient 100200300, but the admission now records the hospital number (IPP) 100200399"
    assert said in group.link_contradicted.text_in("en")
    lines = {item.record.record_id: item for item in group.items}
    for item in lines.values():
        assert not item.done and item.to_do_in("en").startswith("CHECK THE IDENTITY: " + said)
    try:
        back_entry.mark_entered(office, observations.record_id, 1, "OBS-1")
    except ServiceError as refused:
        assert "100200399" in refused.text("en")
    else:
        raise AssertionError("entered under a link the admission contradicts")
    # Re-linked to the corrected number, the admission entered under the old one is to move there.
    back_entry.link_patient(office, number, "100200399", replacing="100200300")
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[observations.record_id].to_do_in("en") == "enter"
    assert "linked to EHR patient 100200399 since: move it there" in lines[admission.record_id].to_do_in("en")


def test_a_link_the_admission_contradicts_is_kept_only_on_the_clerks_word(tmp_path, laptop, clock, admission_values):
    """The EHR shows the ward's correction wrong: the clerk keeps the link, saying so, as when
    linking over the admission's IPP; asked plainly, linking to it again is refused as then."""
    office, number, _, observations = _relinked_by_the_ward(tmp_path, laptop, clock, admission_values)
    try:
        back_entry.link_patient(office, number, "100200300")
    except back_entry.NotTheAdmissionsIpp as refused:
        assert (refused.ipp, refused.ehr) == ("100200399", "100200300")
    else:
        raise AssertionError("kept without the clerk's word")
    assert back_entry.link_patient(office, number, "100200300", not_the_admissions_ipp=True)
    (group,) = back_entry.worklist(office)
    assert group.link_contradicted is None
    assert {item.record.record_id: item.to_do_in("en") for item in group.items}[observations.record_id] == "enter"


def test_a_link_over_the_admissions_word_is_not_flagged_until_the_admission_changes(tmp_path, laptop, clock,
                                                                                   admission_values):
    """The clerk linked to another number than the admission's, saying the admission's is wrong:
    that link stands as the clerk judged it, until the ward records yet another number."""
    nurse, clerk = laptop(tmp_path / "l1.sqlite", 1)
    values = {**admission_values, "ipp": "100200300"}
    admission = records.save_new(nurse, "admission", values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "e1").folder)
    number = downtime_numbers(office.db)[admission.patient_id]
    back_entry.link_patient(office, number, "100200311", not_the_admissions_ipp=True)
    (group,) = back_entry.worklist(office)
    assert group.link_contradicted is None and group.items[0].to_do_in("en") == "enter"
    records.amend(nurse, admission.record_id, {**values, "ipp": "100200322"}, "IPP misread")
    import_export(office, export(clerk, tmp_path / "e2").folder)
    (group,) = back_entry.worklist(office)
    assert group.link_contradicted is not None and not group.items[0].done


def test_the_wards_answer_lapses_once_the_other_record_of_the_dose_is_withdrawn(tmp_path, laptop, clock,
                                                                                admission_values):
    """Laptop 1's dose entered, laptop 2's closed as the same dose recorded twice; laptop 1's
    nurse then withdraws hers (another patient's dose): laptop 2's stayed closed and out of the
    bundle, and the EHR read the dose as never given."""
    office, (nurse_1, clerk_1), _, (first, second, _) = dose_recorded_twice(tmp_path, laptop, clock, admission_values)
    back_entry.mark_entered(office, first.record_id, 1, "MAR-77")
    back_entry.mark_not_entered(office, second.record_id, 1, "Sr Dubois, 5A, by phone", "one dose recorded twice")
    done_before = back_entry.progress_counts(office)[0]
    clock.advance(minutes=30)
    medication.withdraw_dose(nurse_1, first.record_id, "wrong patient: this dose was given to the patient in bed 3")
    import_export(office, export(clerk_1, tmp_path / "stick1-again").folder)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    line = lines[second.record_id]
    assert not line.done
    assert "ask the ward again" in line.to_do_in("en")
    assert back_entry.progress_counts(office)[0] == done_before - 2
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office))
    bundle = json.loads(next(export(office, tmp_path / "office").folder.rglob("bundle*.json")).read_text())
    given = [entry["resource"]["status"] for entry in bundle["entry"]
             if entry["resource"]["resourceType"] == "MedicationAdministration"]
    assert given.count("completed") == 2  # laptop 2's 14:40 and 20:10 doses


def test_a_line_to_correct_or_withdraw_names_the_reference_it_was_entered_under(tmp_path, laptop, clock,
                                                                                 admission_values):
    """Two observation sets entered as OBS-REF-111 and OBS-REF-222, then one amended and one
    withdrawn: neither line said which EHR entry to change, searched by time among others."""
    nurse, clerk = laptop(tmp_path / "l1.sqlite", 1)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    amended = records.save_new(nurse, "observations", OBSERVATIONS, patient_id=patient_id)
    withdrawn = records.save_new(nurse, "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T13:30+01:00"},
                                 patient_id=patient_id)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "e1").folder)
    back_entry.mark_entered(office, amended.record_id, 1, "OBS-REF-111")
    back_entry.mark_entered(office, withdrawn.record_id, 1, "OBS-REF-222")
    clock.advance(minutes=10)
    records.amend(nurse, amended.record_id, {**OBSERVATIONS, "pulse": 130}, "typo")
    records.mark_entered_in_error(nurse, withdrawn.record_id, "wrong patient")
    import_export(office, export(clerk, tmp_path / "e2").folder)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[amended.record_id].to_do_in("en").startswith(
        "correct in the EHR (version 1 was entered, EHR reference OBS-REF-111)")
    assert lines[withdrawn.record_id].to_do_in("en").startswith(
        "withdraw in the EHR (entered in error here; version 1 was entered, EHR reference OBS-REF-222)")
    assert "OBS-REF-111" in lines[amended.record_id].to_do_in("fr")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(
        printing.print_worklist(office, tmp_path / "w.pdf")).pages).split())
    assert "OBS-REF-111" in text and "OBS-REF-222" in text


def test_an_answer_written_before_answers_kept_what_they_were_asked_beside_lapses_too(tmp_path, laptop, clock,
                                                                                      admission_values):
    """An office database open while the release was installed: its answers have no
    `asked_beside`, and stood for ever, though the other record of the dose was withdrawn since.
    Such an answer lapses when a record of the same dose it was given beside is withdrawn or
    changed after it, by the audit's order; a later stick that leaves that record alone leaves it."""
    office, (nurse_1, clerk_1), _, (first, second, _) = dose_recorded_twice(tmp_path, laptop, clock, admission_values)
    back_entry.mark_entered(office, first.record_id, 1, "MAR-77")
    now = office.clock()
    audit.insert_audited(office.db, "not_entered", {  # as the release before wrote it
        "id": "old-answer", "record_id": second.record_id, "version": 1, "ward_said": "Sr Dubois, 5A, by phone",
        "reason": "one dose recorded twice", "recorded_by": office.user.staff_id, "recorded_at": now.isoformat()},
        at=now, actor=office.user.staff_id, device_id=office.device.device_id, action="back_entry.not_entered",
        detail={"record_id": second.record_id, "version": 1})

    def line() -> back_entry.WorkItem:
        return next(item for group in back_entry.worklist(office) for item in group.items
                    if item.record.record_id == second.record_id)

    clock.advance(minutes=30)
    import_export(office, export(clerk_1, tmp_path / "stick1-same").folder)
    assert line().done
    medication.withdraw_dose(nurse_1, first.record_id, "wrong patient: this dose was given to the patient in bed 3")
    import_export(office, export(clerk_1, tmp_path / "stick1-again").folder)
    assert not line().done and "ask the ward again" in line().to_do_in("en")
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office))

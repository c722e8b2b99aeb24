"""The clinical note: what a nurse or a doctor writes in the patient's notes, on the patient's
records, signed with the name of whoever is signed in, and on the records office's worklist."""

import base64
import json

import pytest
from fhir.resources.R4B.documentreference import DocumentReference
from pypdf import PdfReader

from downtime.domain.records import RecordStatus
from downtime.services import prefill, printing, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from tests.test_back_entry import _office_lines

NOTE = {"written_at": "2026-11-28T13:40+01:00", "discipline": "nursing", "focus": "Pain",
        "note": "Pain 7/10 at the wound. Morphine 5 mg SC given at 13:10; 3/10 at 13:40, settled.",
        "written_by": "Hélène Lefèvre"}


def test_a_nurse_writes_one_signed_with_her_name_and_the_note_is_required(session_for, patient):
    nurse = session_for("nurse")
    assert prefill.first_answers(nurse, nurse.form("clinical_note"), patient) == {
        "discipline": "nursing", "written_by": "Hélène Lefèvre"}
    doctor = session_for("doctor")
    assert prefill.first_answers(doctor, doctor.form("clinical_note"), patient)["discipline"] == "medical"
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "clinical_note", {**NOTE, "note": ""}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["note"]
    saved = records.save_new(nurse, "clinical_note", NOTE, patient_id=patient)
    assert saved.data == NOTE and saved.occurred_at.isoformat() == "2026-11-28T13:40:00+01:00"
    assert records.save_new(session_for("doctor"), "clinical_note", {**NOTE, "discipline": "medical"},
                            patient_id=patient)


def test_only_those_who_give_care_write_one_and_only_while_the_patient_is_in(session_for, patient):
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "clinical_note", NOTE, patient_id=patient)
    with pytest.raises(ServiceError, match="Date and time"):
        records.save_new(session_for("nurse"), "clinical_note", {**NOTE, "written_at": "2026-11-28T08:00+01:00"},
                         patient_id=patient)


def test_the_records_office_reads_the_note_whole_on_its_line(tmp_path, laptop, admission_values):
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    noted = records.save_new(nurse, "clinical_note", NOTE, patient_id=admitted.patient_id)
    line = _office_lines(tmp_path, laptop, ward_clerk)[noted.record_id]
    for said in ("Written by a: Nurse", "Focus (the problem or event, e.g. pain, fall, fever): Pain", NOTE["note"],
                 "Written by (name): Hélène Lefèvre"):
        assert said in line, line


def test_the_export_sends_each_note_as_a_document_in_its_stay(session_for, patient, tmp_path):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    noted = records.save_new(nurse, "clinical_note", NOTE, patient_id=patient)
    ward_round = records.save_new(doctor, "clinical_note", {
        "written_at": "2026-11-28T11:00+01:00", "discipline": "medical", "note": "Ward round: wound clean, home tomorrow.",
        "written_by": "Dr Karim Benali"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    nursing, medical = DocumentReference.model_validate(by_id[noted.record_id]), by_id[ward_round.record_id]
    assert nursing.type.coding[0].code == "34746-8" and nursing.description == "Pain"
    assert base64.b64decode(by_id[noted.record_id]["content"][0]["attachment"]["data"]).decode("utf-8") == NOTE["note"]
    assert nursing.content[0].attachment.data.decode("utf-8") == NOTE["note"]  # as the R4B models read it
    assert nursing.author[0].display == "Hélène Lefèvre (Nurse)" and nursing.date.isoformat() == "2026-11-28T13:40:00+01:00"
    admission = records.list_current(nurse.db, form_id="admission")[0]
    assert nursing.context.encounter[0].reference == f"urn:uuid:{admission.record_id}"
    assert medical["type"]["coding"][0]["code"] == "11506-3" and medical["type"]["text"] == "Clinical note — Doctor"
    assert "description" not in medical


def test_the_notes_print_as_continuation_sheets_oldest_first_without_those_withdrawn(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    later = records.save_new(nurse, "clinical_note", NOTE, patient_id=patient)
    records.amend(nurse, later.record_id, {**NOTE, "focus": "Pain (wound)"}, "focus more precise")
    records.save_new(nurse, "clinical_note", {**NOTE, "written_at": "2026-11-28T10:15+01:00", "focus": "Mobility",
                                             "note": "Walked to the bathroom with one nurse."}, patient_id=patient)
    wrong = records.save_new(nurse, "clinical_note", {**NOTE, "focus": "Wrong patient"}, patient_id=patient)
    records.mark_entered_in_error(nurse, wrong.record_id, "written in the wrong patient's notes")
    out = printing.print_notes(nurse, patient, tmp_path / "notes.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Clinical notes" in text and "2 note(s) typed in, oldest first" in text and "Wrong patient" not in text
    assert text.index("Walked to the bathroom") < text.index("Morphine 5 mg SC given")
    assert "(amended, version 2)" in text and "Pain (wound)" in text and "typed in the app" in text
    assert "DT-" in text  # the patient's two identifiers on every page, as every print's
    french = printing.print_notes(session_for("nurse", "fr"), patient, tmp_path / "notes-fr.pdf")
    assert "Notes cliniques (transmissions)" in PdfReader(french).pages[0].extract_text()


BENALI = {"written_at": "2026-11-28T13:00+01:00", "discipline": "medical", "focus": "VTE",
          "note": "No anticoagulation: bleeding risk.", "written_by": "Dr Karim Benali"}
NOT_YOURS = ("Clinical note: this one was written by {author}, and only they may correct or withdraw it. Write a new "
             "one of your own to add to it or to say it is wrong.")


def test_a_signed_note_is_corrected_and_withdrawn_by_its_author_alone(session_for, patient, forms):
    """A nurse amended Dr Benali's "No anticoagulation: bleeding risk" to "Start enoxaparin 40 mg
    tonight" (any reason), and it still read "Written by (name): Dr Karim Benali", discipline
    Doctor, on screen, on the print and as the EHR's author; or withdrew it, his plan gone on the
    word of someone who did not write it. On paper nobody rewrites another's signed entry: they
    write their own note below. A shared record stays anyone's to keep up to date."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    his = records.save_new(doctor, "clinical_note", BENALI, patient_id=patient)
    refusal = NOT_YOURS.format(author="Dr Karim Benali (doctor)")
    with pytest.raises(PermissionDenied) as refused:
        records.amend(nurse, his.record_id, {**BENALI, "note": "Start enoxaparin 40 mg tonight."}, "clarified")
    assert str(refused.value) == refusal
    with pytest.raises(PermissionDenied) as refused:
        records.mark_entered_in_error(nurse, his.record_id, "wrong patient")
    assert str(refused.value) == refusal
    spec = nurse.form("clinical_note")
    assert not records.may_change(nurse, spec, his) and not records.may_withdraw(nurse, his)
    assert records.may_change(doctor, spec, his) and records.may_withdraw(doctor, his)
    amended = records.amend(doctor, his.record_id, {**BENALI, "note": "No anticoagulation: bleeding risk. Review 48 h."},
                            "review date")
    with pytest.raises(PermissionDenied, match="written by Dr Karim Benali"):  # still his once amended
        records.mark_entered_in_error(nurse, his.record_id, "wrong patient", based_on=amended.version)
    assert records.current(nurse.db, his.record_id).data["note"] == "No anticoagulation: bleeding risk. Review 48 h."
    hers = records.save_new(nurse, "clinical_note", NOTE, patient_id=patient)
    with pytest.raises(PermissionDenied, match="written by Hélène Lefèvre \\(nurse\\)"):
        records.amend(doctor, hers.record_id, {**NOTE, "focus": "Pain (wound)"}, "focus more precise")
    assert records.mark_entered_in_error(doctor, his.record_id, "wrong patient").status is RecordStatus.ENTERED_IN_ERROR
    admission = records.list_current(nurse.db, form_id="admission")[0]
    records.amend(doctor, admission.record_id, {**admission.data, "bed": "14"}, "moved to bed 14")
    assert forms["clinical_note"].owned_by_author and not forms["admission"].owned_by_author


def test_a_note_typed_from_a_colleagues_paper_is_corrected_by_whoever_typed_it(session_for, patient):
    """The nurse types Dr Benali's note from the paper sheet, signed with his name: the typing is
    hers to correct."""
    nurse = session_for("nurse")
    typed = records.save_new(nurse, "clinical_note", BENALI, patient_id=patient)
    fixed = records.amend(nurse, typed.record_id, {**BENALI, "focus": "VTE prophylaxis"}, "typing error")
    assert fixed.data["written_by"] == "Dr Karim Benali" and fixed.author == "nurse"


def test_the_same_staff_id_on_another_laptop_is_someone_else(tmp_path, laptop, admission_values):
    """Staff IDs are each laptop's own: laptop 2's "nurse" may not rewrite a note laptop 1's
    "nurse" wrote, carried to laptop 2 with its patient."""
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    noted = records.save_new(nurse_1, "clinical_note", NOTE, patient_id=admitted.patient_id)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    with pytest.raises(PermissionDenied, match="written by Nurse \\(nurse, laptop 001\\)"):
        records.amend(nurse_2, noted.record_id, {**NOTE, "focus": "Pain (wound)"}, "focus more precise")
    assert records.amend(nurse_1, noted.record_id, {**NOTE, "focus": "Pain (wound)"}, "focus more precise").version == 2

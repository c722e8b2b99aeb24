"""A clinical note typed from the Record menu of the patient chosen, then read on their records and
printed with their other notes."""

from pypdf import PdfReader

from downtime.qt.form_view import FormView
from downtime.qt.print_preview import PrintPreview
from downtime.services import records, wards


def test_the_nurse_writes_a_note_and_reads_it_on_the_patients_records(window, session_for, admission_values,
                                                                      select_bed, type_text):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    window.patients.reload_wards()
    select_bed(window, "12")
    window.actions_by_id["record_clinical_note"].trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, FormView) and view.spec.id == "clinical_note" and view.patient_id == patient
    assert view.editors["written_by"].value() == "Hélène Lefèvre"
    box = view.editors["note"].widget  # room for a note of a few paragraphs: it had four lines
    assert box.height() >= 10 * box.fontMetrics().lineSpacing()
    view.editors["written_at"].set_value("2026-11-28T13:40+01:00")
    view.editors["discipline"].set_value("nursing")
    type_text(view.editors["focus"].widget, "Fall")
    type_text(view.editors["note"].widget, "Found on the floor beside the bed at 13:30, no injury seen; "
                                           "obs taken, NEWS2 1; doctor told.")
    view.save()
    assert view.record is not None, view.summary.text()
    listed = window.open_records_of(patient)
    lines = [listed.model.texts(row) for row in range(listed.model.rowCount())]
    (line,) = [line for line in lines if line[1] == "Clinical note"]
    assert "Fall" in line[2] and "Found on the floor" in line[2]
    listed.notes_button.click()
    (preview,) = window.findChildren(PrintPreview)
    text = " ".join(PdfReader(preview.path).pages[0].extract_text().split())
    assert "Clinical notes" in text and "Found on the floor beside the bed at 13:30" in text


def test_a_colleagues_note_opens_with_no_amend_nor_withdraw_offered(window, session_for, patient):
    """The nurse opening Dr Benali's note was offered Amend… and Entered in error…, and rewrote
    his plan under his name: a note is its writer's to correct or withdraw, hers are hers."""
    his = records.save_new(session_for("doctor"), "clinical_note", {
        "written_at": "2026-11-28T13:00+01:00", "discipline": "medical", "focus": "VTE",
        "note": "No anticoagulation: bleeding risk.", "written_by": "Dr Karim Benali"}, patient_id=patient)
    view = window.open_record(his)
    assert view.amend_button.isHidden() and view.error_button.isHidden()
    hers = records.save_new(window.session, "clinical_note", {**his.data, "discipline": "nursing", "focus": "Pain",
                                                              "written_by": "Hélène Lefèvre"}, patient_id=patient)
    view = window.open_record(hers)
    assert not view.amend_button.isHidden() and not view.error_button.isHidden()

"""The surgical safety checklist is typed in from the Record menu of the patient chosen."""

from downtime.qt.form_view import FormView
from downtime.services import records, wards


def test_the_nurse_opens_the_checklist_of_the_patient_chosen_from_the_record_menu(window, session_for,
                                                                                 admission_values, select_bed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    window.patients.reload_wards()
    select_bed(window, "12")
    window.actions_by_id["record_surgical_safety_checklist"].trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, FormView) and view.spec.id == "surgical_safety_checklist"
    assert view.patient_id == patient and view.title.startswith("Surgical safety checklist")

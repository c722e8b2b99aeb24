"""Where the cursor stands when a record is amended (FormView.start_amend): on the form's first
field the amendment may change."""

from downtime.services import records
from tests.qt.test_admission_flow import _focused_editor


def test_an_admission_amended_opens_on_the_first_field_it_may_change(window, admission_values, qtbot):
    """The number used on paper is read-only in an amendment: the cursor stood on it, and the
    first key typed changed nothing."""
    view = window.open_record(records.save_new(window.session, "admission", admission_values))
    view.amend_button.click()
    qtbot.waitUntil(lambda: _focused_editor(view) is not None)
    assert view.editors["paper_number"].edit.isReadOnly()
    assert _focused_editor(view) == "unidentified"


def test_a_form_whose_first_field_may_be_changed_opens_amended_on_it(window, patient, qtbot):
    moved = records.save_new(window.session, "transfer", {"moved_at": "2026-11-28T11:00+01:00", "to_ward": "3B",
                                                          "to_bed": "14", "reason": "closer to the desk"},
                             patient_id=patient)
    view = window.open_record(moved)
    view.amend_button.click()
    qtbot.waitUntil(lambda: _focused_editor(view) is not None)
    assert _focused_editor(view) == "moved_at"


def test_an_admissions_amendment_resumed_from_its_draft_opens_on_the_first_field_it_may_change(
        window, window_for, session_for, admission_values, typist, qtbot):
    view = window.open_record(records.save_new(window.session, "admission", admission_values))
    view.amend_button.click()
    view.editors["bed"].widget.setFocus()
    view.editors["bed"].widget.selectAll()
    typist("14")
    again = window_for(session_for("nurse"))
    (resumed,) = again.resume_drafts()
    qtbot.waitUntil(lambda: _focused_editor(resumed) is not None)
    assert resumed.editing and _focused_editor(resumed) == "unidentified"

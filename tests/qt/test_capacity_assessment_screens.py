"""A mental capacity assessment on screen: the doctor records one from the patient's menu, HAS
refused on the outcome with a No at stage 2, LACKS saved once the best interests are answered;
the Patients tab and the patient's strip then say the lack by the name; a covert order no
assessment supports is flagged on the round, in the dose dialog and asked on the escalation list,
Enter on it opening the MAR, which says it above the chart; the dose dialog of a patient assessed
as able to decide leaves "Given covertly" unticked; Enter on a review due opens the assessment due.
The tests' clock is 14:00 on 28/11."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.main_window import MainWindow
from downtime.qt.mar_view import MarView
from downtime.qt.medication_panel import FLAGS
from downtime.services import records
from tests.test_capacity_assessment import HAS, LACKS, NO_ASSESSMENT, SERTRALINE

LINE = "LACKS CAPACITY for medicines (assessed 28/11 by Dr Karim Benali; review by 05/12)"


def test_an_assessment_recorded_from_the_menu_refuses_has_with_a_no_and_saves_a_lack(
        window_for, session_for, patient, form_on_bed_12, listed, type_text):
    window = window_for(session_for("doctor"))
    form = form_on_bed_12(window, "capacity_assessment")
    editors = form.editors
    editors["assessed_at"].set_value(LACKS["assessed_at"])
    editors["assessed_by"].set_value("Dr Karim Benali")
    editors["assessor_role"].set_value("doctor")
    editors["decision"].set_value("medicines")
    assert not editors["understands"].widget.isVisible()
    editors["impairment"].set_value(True)
    type_text(editors["impairment_what"].widget, "Délire sur démence")
    for field_id in ("understands", "retains", "weighs", "communicates", "understands_how", "retains_how",
                     "weighs_how", "communicates_how", "steps_taken"):
        editors[field_id].set_value(LACKS[field_id])
    editors["outcome"].set_value("has")
    assert not editors["wishes"].widget.isVisible()
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None
    assert "unable to retain, use or weigh because of the impairment: they LACK capacity" in form.summary.text()
    editors["outcome"].set_value("lacks")
    editors["can_wait"].set_value(False)
    assert editors["wishes"].widget.isVisible() and editors["imca"].widget.isVisible()
    editors["consulted"].boxes["family"].click()
    for field_id in ("imca", "wishes", "least_restrictive", "decision_made", "review_by"):
        editors[field_id].set_value(LACKS[field_id])
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, "capacity_assessment", patient_id=patient)
    assert (saved.data["outcome"], saved.data["impairment_what"], saved.data["consulted"]) == (
        "lacks", "Délire sur démence", ["family"])
    window.patients.reload_wards()
    panel = listed(window.patients)
    (row,) = [row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == "12"]
    assert panel.model.text(row, 2).endswith(f" — {LINE}") and panel.model.is_warning(row, 2)


def test_a_covert_order_with_no_assessment_is_flagged_on_the_round_and_asked_on_the_escalation_list(
        qtbot, session_for, patient, listed):
    records.save_new(session_for("doctor"), "medication_order", {**SERTRALINE, "times": "14:00"}, patient_id=patient)
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.medication)
    model = window.medication.model
    (row,) = range(model.rowCount())
    assert NO_ASSESSMENT in model.flag_words(row, whole=True) and model.is_warning(row, FLAGS)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount()) if NO_ASSESSMENT in panel.charts_model.texts(row)[6]]
    assert panel.charts_model.texts(row)[4:6] == ("Medicines (MAR)", "Sertraline 50 mg PO")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    mar = window.tabs.currentWidget()
    assert isinstance(mar, MarView)
    assert f"{NO_ASSESSMENT} — orders: Sertraline 50 mg PO" in mar.allergies_said.text()
    records.save_new(session_for("doctor"), "capacity_assessment", LACKS, patient_id=patient)
    window.tabs.setCurrentWidget(window.medication)
    window.medication.refresh()
    assert NO_ASSESSMENT not in model.flag_words(0, whole=True)
    window.open_observations_of(patient)
    strip = window.tabs.currentWidget().identity.text()
    assert LINE in strip, strip


def test_the_dose_dialog_of_a_covert_order_none_supports_says_so_as_it_opens(dose_dialog, session_for, patient):
    order = records.save_new(session_for("doctor"), "medication_order", {**SERTRALINE, "times": "14:00"},
                             patient_id=patient).record_id
    assert NO_ASSESSMENT in dose_dialog(session_for("nurse"), order).order_line.text()
    records.save_new(session_for("doctor"), "capacity_assessment", LACKS, patient_id=patient)
    said = dose_dialog(session_for("nurse"), order).order_line.text()
    assert "COVERT: crushed, in yoghurt" in said and NO_ASSESSMENT not in said


def test_the_dose_dialog_leaves_given_covertly_unticked_for_a_patient_assessed_able_to_decide(
        dose_dialog, session_for, patient):
    """A capable person may refuse: ticked as the dialog opened, the dose was saved covert with
    nothing asked (the nurse who ticks it is asked why at Save: services.capacity.dose_warnings)."""
    order = records.save_new(session_for("doctor"), "medication_order", {**SERTRALINE, "times": "14:00"},
                             patient_id=patient).record_id
    assert dose_dialog(session_for("nurse"), order).covertly.isChecked()
    records.save_new(session_for("doctor"), "capacity_assessment", {**HAS, "assessed_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    dialog = dose_dialog(session_for("nurse"), order)
    assert dialog.covertly.isVisible() and not dialog.covertly.isChecked()


def test_enter_on_a_review_due_opens_the_assessment_due_not_a_later_one_of_another_decision(
        qtbot, session_for, patient, listed, clock):
    due = records.save_new(session_for("doctor"), "capacity_assessment", LACKS, patient_id=patient)
    records.save_new(session_for("doctor"), "capacity_assessment",
                     {**HAS, "decision": "discharge", "assessed_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    clock.advance(days=7)  # 05/12 14:00, the review at 12:00
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    window.show()
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount())
              if panel.charts_model.texts(row)[5].startswith("CAPACITY REVIEW DUE")]
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget().record.record_id == due.record_id

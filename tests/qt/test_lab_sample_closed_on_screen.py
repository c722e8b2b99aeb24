"""A sample the laboratory rejected, closed from the results tab: Enter on the sample opens it,
Amend answers what the laboratory said, who and when; the tab then says it rejected and asks for
a new sample instead of the result it chased."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.qt.lab_results_view import LabResultsView
from downtime.services import records


def test_a_rejected_sample_is_closed_from_the_tab_and_asks_for_a_new_one(window_for, session_for, patient,
                                                                          type_text, answers):
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_request", {"taken_at": "2026-11-28T11:40+01:00", "urgency": "urgent",
                                            "tests": ["crp"], "sample_number": "B26-1"}, patient_id=patient)
    window = window_for(nurse)
    chart = window.open_lab_results_of(patient)
    assert chart.alarms.text().startswith("RESULT NOT BACK since 28/11 13:40")
    chart.samples_table.setFocus()
    chart.samples_table.setCurrentIndex(chart.samples_model.index(0, 0))
    QTest.keyClick(chart.samples_table, Qt.Key.Key_Return)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "lab_request"
    QTest.mouseClick(form.amend_button, Qt.MouseButton.LeftButton)
    form.editors["outcome"].set_value("rejected")
    form.editors["rejected_because"].set_value("haemolysed")
    type_text(form.editors["closed_by"].edit, "Mme Roux, biochemistry")
    form.editors["closed_at"].set_value("2026-11-28T13:50+01:00")
    answers[0]["reason"] = ["laboratory phoned: haemolysed"]
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record.version == 2, form.summary.text()

    chart = window.open_lab_results_of(patient)
    assert isinstance(chart, LabResultsView)
    said = ("REJECTED by the laboratory (haemolysed), said by Mme Roux, biochemistry 28/11 13:50 — URGENT: send a "
            "new sample and record it as a new sample sent")
    assert chart.samples_model.texts(0)[4] == said
    assert chart.alarms.text() == f"{said}: CRP (Urgent) taken 28/11 11:40"
    assert "RESULT NOT BACK" not in chart.alarms.text()


def test_a_sample_just_sent_is_not_asked_whether_it_was_rejected_and_its_amendment_is(window_for, session_for,
                                                                                       patient):
    """The nurse recording a sample she had just sent was asked "Sample rejected, lost or
    cancelled", who said so and when: nothing has happened to it yet. Its form asks only what is
    sent; the closing questions come with its amendment."""
    from PySide6.QtWidgets import QPushButton

    nurse = session_for("nurse")
    window = window_for(nurse)
    chart = window.open_lab_results_of(patient)
    [send] = [button for button in chart.findChildren(QPushButton) if button.text() == "Record a sample sen&t"]
    QTest.mouseClick(send, Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "lab_request" and form.record is None
    closing = ("outcome", "rejected_because", "closed_by", "closed_at")
    assert [field_id for field_id in closing if form.field_is_shown(field_id)] == []
    assert form.groups["closed"].isHidden() and not form.groups["sample"].isHidden()

    saved = records.save_new(nurse, "lab_request", {"taken_at": "2026-11-28T11:40+01:00", "urgency": "urgent",
                                                    "tests": ["crp"]}, patient_id=patient)
    amending = FormView(nurse, nurse.form("lab_request"), record=saved)
    amending.start_amend()
    amending.editors["outcome"].set_value("rejected")
    assert [field_id for field_id in closing if amending.field_is_shown(field_id)] == list(closing)
    assert not amending.groups["closed"].isHidden()
    amending.deleteLater()

"""Laboratory results on screen, second review: the tab reads a result typed on a laptop at UTC on
the ward's clock; a value corrected on the form after the doctor was told is saved only with who
was told emptied, and "Doctor told…" then asks the doctor's acknowledgement afresh."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.lab_results_view import LabResultsView
from downtime.services import lab_results, records

PHONED = {"received_at": "2026-11-28T12:10+00:00", "received_by": "telephone", "test": "Potassium", "result": "5.8",
          "units": "mmol/L", "flag": "abnormal", "caller": "Mme Roux, biochemistry", "read_back": True,
          "told": "Dr Martin", "told_at": "2026-11-28T12:20+00:00", "acknowledged": True, "action": "Repeat in the morning"}


def _press(chart: LabResultsView, text: str) -> None:
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == text), Qt.MouseButton.LeftButton)


def test_the_tab_reads_times_typed_on_a_laptop_at_utc_on_the_wards_clock(window_for, session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_request", {"taken_at": "2026-11-28T10:40+00:00", "urgency": "urgent",
                                            "tests": ["crp"]}, patient_id=patient)
    records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    chart = window_for(nurse).open_lab_results_of(patient)
    assert chart.model.texts(0)[0] == "28/11 13:10"
    assert chart.model.texts(0)[4] == "Dr Martin told 28/11 13:20: Repeat in the morning"
    assert chart.samples_model.texts(0)[0] == "28/11 11:40"
    assert chart.samples_model.texts(0)[4] == "RESULT NOT BACK since 28/11 13:40: phone the laboratory"
    assert chart.latest.text() == ("Latest: Potassium 5.8 mmol/L, Abnormal, received 28/11 13:10, Dr Martin told "
                                   "28/11 13:20: Repeat in the morning")
    assert chart.alarms.text() == ("RESULT NOT BACK since 28/11 13:40: phone the laboratory: CRP (Urgent) taken "
                                   "28/11 11:40")


def test_a_value_corrected_after_the_doctor_was_told_asks_the_doctor_told_and_their_acknowledgement_again(
        window_for, session_for, patient, answers):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", PHONED, patient_id=patient)
    window = window_for(nurse)
    form = window.open_record(saved)
    form.start_amend()
    form.editors["result"].set_value("6.8")
    form.editors["flag"].set_value("critical")
    form.editors["told_at"].set_value("2026-11-28T13:40+01:00")  # told again, the earlier Yes still ticked
    answers[0]["reason"] = ["typed 5.8, lab said 6.8"]
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record.version == 1 and "empty who was told to save this correction" in form.summary.text()
    form.editors["told"].set_value("")
    answers[0]["reason"] = ["typed 5.8, lab said 6.8"]
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record.version == 2, form.summary.text()
    chart = window.open_lab_results_of(patient)
    assert chart.alarms.text().startswith("CRITICAL RESULT NOT YET TOLD TO A DOCTOR")

    _press(chart, "&Doctor told…")
    told = window.tabs.currentWidget()
    assert isinstance(told, FormView) and told.editing and told.record.record_id == saved.record_id
    told.editors["told"].set_value("Dr Martin")
    told.editors["told_at"].set_value("2026-11-28T13:45+01:00")
    assert told.editors["acknowledged"].value() is None  # asked again, not carried over
    answers[0]["reason"] = ["Doctor told of the result"]
    QTest.mouseClick(told.save_button, Qt.MouseButton.LeftButton)
    assert told.record.version == 2 and "acknowledged" in told.summary.text()
    told.editors["acknowledged"].set_value(True)
    answers[0]["reason"] = ["Doctor told of the result"]
    QTest.mouseClick(told.save_button, Qt.MouseButton.LeftButton)
    assert told.record.version == 3, told.summary.text()
    assert lab_results.critical_untold(lab_results.chart(nurse.db, patient)) == []

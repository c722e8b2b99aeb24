"""Laboratory results from the keyboard: the nurse opens the patient's results tab, records a
critical potassium phoned by the laboratory (refused until read back), reads it called out on
the tab and on the escalation tab, then records the doctor told from the tab, which clears it."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.lab_results_view import LabResultsView
from downtime.services import lab_results, records, wards


def _press(chart: LabResultsView, text: str) -> None:
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == text), Qt.MouseButton.LeftButton)


def test_a_critical_result_is_read_back_called_out_and_cleared_once_a_doctor_is_told(
        window, session_for, admission_values, select_bed, type_text, listed, answers):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, LabResultsView) and chart.latest.text() == "No laboratory result recorded"
    _press(chart, "Record a res&ult received")
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "lab_result"
    form.editors["received_at"].set_value("2026-11-28T13:10+01:00")
    form.editors["received_by"].set_value("telephone")
    type_text(form.editors["test"].edit, "Potassium")
    type_text(form.editors["result"].edit, "6.8")
    type_text(form.editors["units"].edit, "mmol/L")
    form.editors["flag"].set_value("critical")
    type_text(form.editors["caller"].edit, "Mme Roux, biochemistry")
    form.editors["read_back"].set_value(False)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None and "read the result back to the caller" in form.summary.text()
    form.editors["read_back"].set_value(True)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == "Latest: Potassium 6.8 mmol/L, Critical, received 28/11 13:10"
    assert chart.alarms.text() == ("CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who and when: "
                                   "Potassium 6.8 mmol/L (28/11 13:10)")
    assert chart.model.texts(0)[1:4] == ("By telephone from the laboratory; Mme Roux, biochemistry; read back",
                                          "Potassium 6.8 mmol/L", "Critical") and chart.model.is_warning(0, 3)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:] == ("Laboratory result", "Potassium 6.8 mmol/L 28/11 13:10",
                                               "CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record "
                                               "who and when")

    window.tabs.setCurrentWidget(chart)
    _press(chart, "&Doctor told…")  # none chosen: the only result asking
    amended = window.tabs.currentWidget()
    assert isinstance(amended, FormView) and amended.editing and amended.record.record_id == form.record.record_id
    assert QApplication.focusWidget() in (amended.editors["told"].edit, None)
    type_text(amended.editors["told"].edit, "Dr Martin")
    amended.editors["told_at"].set_value("2026-11-28T13:20+01:00")
    amended.editors["acknowledged"].set_value(True)
    type_text(amended.editors["action"].edit, "ECG, calcium gluconate")
    answers[0]["reason"] = ["Doctor told of the result"]
    QTest.mouseClick(amended.save_button, Qt.MouseButton.LeftButton)
    assert amended.record.version == 2, amended.summary.text()
    assert answers[0]["reason_filled"] == ["Doctor told of the result"]  # offered, to keep or change
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.isHidden() and chart.model.texts(0)[4] == "Dr Martin told 28/11 13:20: ECG, calcium gluconate"
    assert lab_results.critical_untold(lab_results.chart(window.session.db, patient.patient_id)) == []


def test_a_sample_sent_from_the_tab_is_chased_until_its_result_is_recorded(window_for, session_for, patient, type_text,
                                                                         clock):
    nurse = window_for(session_for("nurse"))
    chart = nurse.open_lab_results_of(patient)
    _press(chart, "Record a sample sen&t")
    form = nurse.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "lab_request"
    form.editors["taken_at"].set_value("2026-11-28T13:30+01:00")
    form.editors["urgency"].set_value("urgent")
    form.editors["tests"].set_value(["electrolytes", "crp"])
    type_text(form.editors["sample_number"].edit, "B26-118842")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    nurse.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.samples_model.texts(0) == ("28/11 13:30", "Urea and electrolytes, CRP", "Urgent", "B26-118842",
                                            "awaiting its result, due by 28/11 15:30")
    assert chart.alarms.isHidden() and chart.read_again.timer.isActive()
    clock.advance(hours=2)
    chart.refresh()
    assert chart.alarms.text() == ("RESULT NOT BACK since 28/11 15:30: phone the laboratory: Urea and electrolytes, "
                                   "CRP (Urgent) taken 28/11 13:30") and chart.samples_model.is_warning(0, 4)
    _press(chart, "Record a res&ult received")
    result = nurse.tabs.currentWidget()
    assert result.spec.id == "lab_result" and result.editors["request"].value() is None  # the nurse picks it
    result.editors["request"].set_value(form.record.record_id)
    offered = [code for code, box in result.editors["gives"].boxes.items() if box.isEnabled()]
    assert offered == ["electrolytes", "crp"]  # the sample's tests alone
    result.editors["request"].set_value(None)  # no sample named: the question goes, any test may be ticked
    assert all(box.isEnabled() for box in result.editors["gives"].boxes.values())
    result.editors["request"].set_value(form.record.record_id)
    assert not result.editors["gives"].boxes["fbc"].isEnabled()
    result.editors["received_at"].set_value("2026-11-28T15:50+01:00")
    result.editors["received_by"].set_value("paper")
    type_text(result.editors["test"].edit, "Potassium")
    type_text(result.editors["result"].edit, "4.1")
    result.editors["flag"].set_value("normal")
    QTest.mouseClick(result.save_button, Qt.MouseButton.LeftButton)
    assert result.record is None and "“Tests of the sample this result gives” is required" in result.summary.text()
    result.editors["gives"].set_value(["electrolytes"])
    QTest.mouseClick(result.save_button, Qt.MouseButton.LeftButton)
    assert result.record is not None, result.summary.text()
    nurse.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.samples_model.texts(0)[4] == "NOT ALL BACK since 28/11 15:30 (CRP awaited): phone the laboratory"
    _press(chart, "Record a res&ult received")  # nothing picked: the result may be of another sample
    crp = nurse.tabs.currentWidget()
    assert crp.editors["request"].value() is None and crp.editors["gives"].value() is None
    crp.editors["request"].set_value(form.record.record_id)
    crp.editors["gives"].set_value(["crp"])
    crp.editors["received_at"].set_value("2026-11-28T15:55+01:00")
    crp.editors["received_by"].set_value("paper")
    type_text(crp.editors["test"].edit, "CRP")
    type_text(crp.editors["result"].edit, "12")
    crp.editors["flag"].set_value("normal")
    QTest.mouseClick(crp.save_button, Qt.MouseButton.LeftButton)
    assert crp.record is not None, crp.summary.text()
    nurse.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.isHidden() and chart.samples_model.texts(0)[4] == "2 result(s) back"


def test_a_patient_discharged_with_a_critical_result_untold_stays_on_the_escalation_list(window_for, session_for,
                                                                                       patient, listed):
    nurse = session_for("nurse")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "lab_result", {
        "received_at": "2026-11-28T13:10+01:00", "received_by": "paper", "test": "Blood culture",
        "result": "Gram-negative rods", "flag": "critical"}, patient_id=patient)
    window = window_for(nurse)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[1:] == (
        "Discharged", "MARTIN Hélène Marie (née LEFÈVRE)", window.session.db["patients"].get(patient)["downtime_number"],
        "Laboratory result", "Blood culture Gram-negative rods 28/11 13:10",
        "CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who and when; DISCHARGED: the doctor "
        "decides whether to call the patient back")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, LabResultsView) and chart.patient_id == patient
    assert chart.alarms.text().startswith("CRITICAL RESULT NOT YET TOLD TO A DOCTOR")


def test_a_value_outside_its_range_saved_normal_asks_whether_the_laboratory_flagged_it_so(
        window, session_for, admission_values, select_bed, type_text, answers):
    """Refused outright, the nurse could save the laboratory's Normal only as a flag it never gave.
    Asked, No takes her back to the flag; Yes saves it, her answer kept in the record."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _press(window.tabs.currentWidget(), "Record a res&ult received")
    form = window.tabs.currentWidget()
    form.editors["received_at"].set_value("2026-11-28T13:10+01:00")
    form.editors["received_by"].set_value("paper")
    type_text(form.editors["test"].edit, "Potassium")
    type_text(form.editors["result"].edit, "5.4")
    type_text(form.editors["range"].edit, "3.5-5.3")
    form.editors["flag"].set_value("normal")
    script, asked = answers
    script["confirm"] = [False, True]
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None and asked == [("confirm", "Check the laboratory's flag")]
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = lab_results.chart(window.session.db, patient.patient_id)
    assert saved.record.data["flag_kept"] is True and saved.record.data["flag"] == "normal"


def test_a_value_corrected_after_the_laboratory_s_normal_was_kept_is_asked_again(window_for, session_for, patient,
                                                                                 type_text, answers):
    """A 5.4 the laboratory called Normal, misheard, corrected to 6.9: the nurse's Yes for 5.4 was
    carried over and the 6.9 saved Normal, asked nothing. No clears it and takes her to the flag."""
    from tests.test_lab_results import PHONED

    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", {**PHONED, "result": "5.4", "flag": "normal", "flag_kept": True},
                             patient_id=patient)
    form = window_for(nurse).open_record(saved)
    form.start_amend()
    form.editors["result"].edit.selectAll()
    type_text(form.editors["result"].edit, "6.9")
    script, asked = answers
    script["confirm"], script["reason"] = [False, True], ["value misheard", "value misheard"]
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record.version == 1 and ("confirm", "Check the laboratory's flag") in asked
    assert form.editors["flag_kept"].value() is False
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record.version == 2, form.summary.text()
    assert (form.record.data["result"], form.record.data["flag_kept"]) == ("6.9", True)

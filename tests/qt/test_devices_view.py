"""Lines and catheters from the keyboard: the nurse opens the patient's line and catheter tab,
charts a cannula put in through the form, checks it again from the tab with what and where it is,
its size and when it was put in carried over, reads phlebitis called out, then its check falling
overdue with time, on the tab and on the escalation tab, whose Enter brings her back to the chart;
once it is taken out, the tab says so and will not check it again."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton

from downtime.qt.devices_view import DevicesView
from downtime.qt.form_view import FormView
from downtime.services import records, wards


def _press(chart, text):
    QTest.mouseClick(next(button for button in chart.findChildren(QPushButton) if button.text() == text),
                     Qt.MouseButton.LeftButton)


def test_a_cannula_is_put_in_checked_again_and_taken_out(window, session_for, admission_values, select_bed, type_text,
                                                          clock, listed, monkeypatch):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, DevicesView) and chart.latest.text() == "No line or catheter charted yet"
    _press(chart, "Record a new &device")
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "device_check"
    form.editors["checked_at"].set_value("2026-11-28T09:30+01:00")
    for name, value in (("event", "inserted"), ("device", "peripheral"), ("next_in", "8")):
        form.editors[name].set_value(value)
    type_text(form.editors["site"].edit, "Left forearm")
    type_text(form.editors["size"].edit, "20 G")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == "Still in: Peripheral venous cannula, Left forearm (next check 28/11 17:30)"
    assert chart.alarms.isHidden() and chart.read_again.timer.isActive()
    _press(chart, "&Check the chosen device…")  # the only one in: no need to choose it
    again = window.tabs.currentWidget()
    assert isinstance(again, FormView) and again.record is None and again is not form
    assert [again.editors[name].value() for name in ("event", "device", "site", "size", "next_in", "inserted_at")] == [
        "checked", "peripheral", "Left forearm", "20 G", "8", "2026-11-28T09:30:00+01:00"]
    again.editors["checked_at"].set_value("2026-11-28T13:00+01:00")
    QTest.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.record is None and "“VIP score (phlebitis)” is required" in again.summary.text()
    again.editors["vip"].set_value("2")
    again.editors["still_needed"].set_value(True)
    QTest.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.record is not None, again.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.text() == ("PHLEBITIS (VIP 2, Peripheral venous cannula, Left forearm): take it out, put a new "
                                   "one elsewhere only if still needed")
    assert chart.model.texts(0) == ("28/11 13:00", "Peripheral venous cannula", "Left forearm, 20 G", "Checked",
                                    "VIP 2", "Yes", "28/11 09:30 (day 1)", "28/11 21:00", "")
    assert chart.model.is_warning(0, 4) and not chart.model.is_warning(1, 4)
    assert chart.model.texts(1)[7] == "28/11 17:30"  # the earlier look's, done by the next
    clock.advance(hours=8)
    chart.refresh()
    # To take out: its check overdue is not asked beside it (domain.devices.REPLACE_THE_CHECK).
    assert chart.alarms.text() == ("PHLEBITIS (VIP 2, Peripheral venous cannula, Left forearm): take it out, put a new "
                                   "one elsewhere only if still needed")
    assert chart.latest.text() == "Still in: Peripheral venous cannula, Left forearm (check overdue)"
    assert chart.model.is_warning(0, 7) and chart.model.texts(0)[7] == "check overdue"
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:6] == (
        "Line or catheter", "Peripheral venous cannula, Left forearm, 20 G: VIP 2 at 28/11 13:00")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is chart
    records.save_new(window.session, "device_check", {
        "checked_at": "2026-11-28T21:45+01:00", "event": "removed", "device": "peripheral", "site": "Left forearm",
        "vip": "2", "removed_why": "phlebitis"}, patient_id=chart.patient_id)
    chart.refresh()
    assert chart.latest.text() == "Every line and catheter charted is out" and chart.alarms.isHidden()
    assert chart.model.texts(0)[3] == "Taken out (phlebitis or infection)"
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    chart.table.setCurrentIndex(chart.model.index(0, 0))
    _press(chart, "&Check the chosen device…")
    assert told == ["Peripheral venous cannula, Left forearm was taken out on 28/11 21:45: record a new device if "
                    "another was put in."] and window.tabs.currentWidget() is chart


def test_a_discharge_with_a_cannula_still_in_asks_before_it_is_saved(window, session_for, admission_values, answers):
    """The letter starts with the cannula; saving asks whether the patient goes home with it on
    purpose: No leaves the form unsaved at the lines and catheters field, Yes saves it."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {  # none taken at home: the letter asks no list
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", "usual_medicines": "Nil"})
    records.save_new(window.session, "device_check", {
        "checked_at": "2026-11-28T09:30+01:00", "event": "inserted", "device": "peripheral", "site": "Left forearm",
        "next_in": "8"}, patient_id=admitted.patient_id)
    script, asked = answers
    script["confirm"] = [False, True]
    form = window.open_new(window.session.form("discharge"), admitted.patient_id)
    assert form.editors["lines"].value().startswith("Peripheral venous cannula, Left forearm: Put in at 28/11 09:30")
    form.editors["discharged_at"].set_value("2026-11-28T13:30+01:00")
    for name, value in (("destination", "home"), ("letter_given", True), ("medicines_given", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("confirm", "Line or catheter still in")] and form.record is None
    assert form.editors["lines"].widget.hasFocus() or form.editors["lines"].widget.isAncestorOf(form.focusWidget())
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert len(asked) == 2


def test_the_tab_colours_a_tube_not_confirmed_and_a_cannula_in_too_long(qtbot, session_for, patient, clock):
    """The new questions in the warning colour on the row they are about: a nasogastric tube's
    position not confirmed in its site cell, a cannula in 72 hours in its days in."""
    from datetime import datetime

    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-28T10:00+01:00", "event": "inserted",
                                             "device": "nasogastric", "site": "Left nostril", "next_in": "24",
                                             "position_by": "not_confirmed"}, patient_id=patient)
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-28T10:30+01:00", "event": "inserted",
                                             "device": "peripheral", "site": "Left forearm", "next_in": "12"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-01T10:30+01:00")
    records.save_new(nurse, "device_check", {"checked_at": "2026-12-01T10:30+01:00", "event": "checked",
                                             "device": "peripheral", "site": "Left forearm", "vip": "0",
                                             "still_needed": True, "next_in": "12"}, patient_id=patient)
    chart = DevicesView(nurse, patient)
    qtbot.addWidget(chart)
    model = chart.model
    rows = {model.texts(row)[1]: row for row in range(model.rowCount()) if id(model.rows[row]) in model.latest}
    tube, cannula = rows["Nasogastric tube"], rows["Peripheral venous cannula"]
    assert model.texts(tube)[model.SITE] == "position: Not confirmed: do not use" and model.is_warning(tube, model.SITE)
    assert model.is_warning(cannula, model.IN_SINCE) and not model.is_warning(cannula, model.SITE)
    assert "IN OVER 72 HOURS (Peripheral venous cannula, Left forearm)" in chart.alarms.text()


def test_the_tab_row_gives_why_a_cannula_stays_before_its_notes(qtbot, session_for, patient):
    """The reason a check gave to keep a cannula in past 72 hours was shown nowhere on the tab."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-28T10:30+01:00", "event": "checked",
                                             "device": "peripheral", "site": "Left forearm", "vip": "0",
                                             "still_needed": True, "next_in": "12", "notes": "Flushed",
                                             "kept_why": "Veins difficult"}, patient_id=patient)
    chart = DevicesView(nurse, patient)
    qtbot.addWidget(chart)
    assert chart.model.texts(0)[-1] == "kept in: Veins difficult; Flushed"

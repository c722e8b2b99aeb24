"""Wounds from the keyboard: the nurse opens the patient's wound tab, charts a new wound through
the form (asked its category as a pressure ulcer), dresses it again from the tab with its name
and dressing carried over, reads it called out as larger, then its dressing falling overdue with
time, on the tab and on the escalation tab, whose Enter brings her back to the chart."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.wounds_view import WoundsView
from downtime.services import records, wards


def _press(chart, text):
    QTest.mouseClick(next(button for button in chart.findChildren(QPushButton) if button.text() == text),
                     Qt.MouseButton.LeftButton)


def test_a_wound_is_charted_dressed_again_and_its_dressing_falls_overdue(window, session_for, admission_values,
                                                                          select_bed, type_text, clock, listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, WoundsView) and chart.latest.text() == "No wound charted yet"
    _press(chart, "Record a &new wound")
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "wound_care"
    form.editors["assessed_at"].set_value("2026-11-28T10:00+01:00")
    type_text(form.editors["wound"].edit, "Sacrum")
    form.editors["kind"].set_value("pressure_ulcer")
    for name, value in (("length_cm", 3), ("width_cm", 2), ("bed", "granulating"), ("exudate", "low"),
                        ("infection", False), ("next_in", "1")):
        form.editors[name].set_value(value)
    type_text(form.editors["dressing"].edit, "Hydrocolloid")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and "“Pressure ulcer category” is required" in form.summary.text()
    form.editors["category"].set_value("2")
    form.editors["present_on_admission"].set_value("no")  # its first look says: not carried to the next
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == "Open wounds: Sacrum (next dressing 29/11 10:00)"
    assert chart.alarms.text() == ("NEW PRESSURE ULCER (Sacrum, Category 2, charted 28/11 10:00): tell the nurse in "
                                   "charge and the tissue viability nurse; report it as an incident")
    assert chart.read_again.timer.isActive()
    _press(chart, "&Dress the chosen wound…")  # the only open wound: no need to choose it
    again = window.tabs.currentWidget()
    assert isinstance(again, FormView) and again.record is None and again is not form
    assert [again.editors[name].value() for name in ("wound", "kind", "category", "present_on_admission", "dressing",
                                                     "next_in")] == ["Sacrum", "pressure_ulcer", "2", None,
                                                                     "Hydrocolloid", "1"]
    again.editors["assessed_at"].set_value("2026-11-28T13:00+01:00")
    for name, value in (("length_cm", 4), ("width_cm", 2), ("bed", "sloughy"), ("infection", False)):
        again.editors[name].set_value(value)
    QTest.keyClick(again, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert again.record is not None, again.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.text().split("\n")[1] == (
        "WOUND WORSE (Sacrum: 3 × 2 cm on 28/11, 4 × 2 cm now; Granulating (red) on 28/11, Slough (yellow) now): tell "
        "the nurse in charge and the tissue viability nurse")
    assert chart.model.texts(0) == ("28/11 13:00", "Sacrum", "Pressure ulcer, Category 2", "4 × 2 cm",
                                    "Slough (yellow)", "No", "29/11 13:00", "Hydrocolloid", "")
    assert chart.model.texts(1)[6] == "29/11 10:00"  # the earlier look's, done by the next
    clock.advance(days=1)
    chart.refresh()
    assert "DRESSING OVERDUE (Sacrum) since 29/11 13:00" in chart.alarms.text() and chart.model.is_warning(0, 6)
    assert "NEW PRESSURE ULCER" not in chart.alarms.text()  # asked for the day it was found
    assert chart.model.texts(0)[6] == "dressing overdue"
    assert chart.latest.text() == "Open wounds: Sacrum (dressing overdue)"
    assert not chart.model.is_warning(1, 6)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    row = next(number for number, item in enumerate(panel.charts_model.rows) if item.form_id == "wound_care")
    assert panel.charts_model.texts(row)[4:6] == (
        "Wound", "Sacrum: Pressure ulcer, Category 2, 4 × 2 cm, Slough (yellow) 28/11 13:00")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is chart


def test_pressure_damage_found_on_the_repositioning_chart_starts_its_wound_chart(window, session_for, admission_values,
                                                                                 select_bed):
    """The chart says "chart the wound": its button opens the wound's first look at the place it
    found, a pressure ulcer, category 1 on intact skin for redness that does not blanch."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {**admission_values,
                                                              "arrival_at": "2026-11-28T09:00+01:00"})
    records.save_new(window.session, "repositioning", {
        "turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "category_1", "skin_where": " left  heel",
        "next_in": "3"}, patient_id=admitted.patient_id)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _press(window.tabs.currentWidget(), "Chart the wou&nd…")
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "wound_care" and form.record is None
    assert form.patient_id == admitted.patient_id
    assert [form.editors[name].value() for name in ("wound", "kind", "category", "bed")] == [
        "left heel", "pressure_ulcer", "1", "intact"]


def test_a_wound_s_name_is_offered_from_its_earlier_looks_as_it_is_typed(window, session_for, admission_values,
                                                                        type_text):
    """"heel" typed at the next look offers "Left heel" as it was charted, the newest first and
    each once, so one wound keeps one name ("Left heel" and "L heel" were two wounds)."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {**admission_values,
                                                              "arrival_at": "2026-11-28T09:00+01:00"})
    for at, wound in (("10:00", "Left heel"), ("10:30", "Sacrum"), ("11:00", " left  heel")):
        records.save_new(window.session, "wound_care", {
            "assessed_at": f"2026-11-28T{at}+01:00", "wound": wound, "kind": "pressure_ulcer", "category": "1",
            "bed": "healed"}, patient_id=admitted.patient_id)
    form = window.open_new(window.session.form("wound_care"), admitted.patient_id)
    completer = form.editors["wound"].edit.completer()
    assert completer.model().stringList() == ["left heel", "Sacrum"]
    type_text(form.editors["wound"].edit, "HEEL")
    assert completer.completionCount() == 1 and completer.currentCompletion() == "left heel"

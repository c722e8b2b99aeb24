"""Repositioning from the keyboard: the nurse opens the patient's repositioning tab, records a
change of position through the form (asked where the skin reddens), reads when the next is due,
then the next falling overdue with time, on the tab and on the escalation tab, whose Enter brings
her back to the chart."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.repositioning_view import RepositioningView
from downtime.services import records, wards


def test_a_change_of_position_is_recorded_and_the_next_falls_overdue(window, session_for, admission_values, select_bed,
                                                                     type_text, clock, listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, RepositioningView) and chart.latest.text() == "No change of position recorded yet"
    assert chart.risk.text() == "Pressure ulcer risk: not assessed yet (Braden scale)"
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Assess the risk (&Braden)…"),
                     Qt.MouseButton.LeftButton)
    risk = window.tabs.currentWidget()
    assert isinstance(risk, FormView) and risk.spec.id == "braden_assessment"
    risk.editors["assessed_at"].set_value("2026-11-28T13:45+01:00")
    (total,) = risk.total_labels.values()
    assert total.text() == "Braden total: 6 item(s) left to score"
    for item, score in (("sensory", "3"), ("moisture", "3"), ("activity", "2"), ("mobility", "2"), ("nutrition", "3"),
                        ("friction", "2")):
        risk.editors[item].set_value(score)
    assert total.text() == "<b>Braden total: 15 — at risk</b>"  # as the paper form's total box, while typed
    risk.editors["moisture"].set_value("1")
    assert total.text() == "<b>Braden total: 13 — moderate risk</b>"
    risk.editors["moisture"].set_value("3")
    QTest.keyClick(risk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert risk.record is not None, risk.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.risk.text() == "Pressure ulcer risk: Braden 15, at risk (28/11 13:45)"
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &change of position"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "repositioning"
    form.editors["turned_at"].set_value("2026-11-28T13:50+01:00")
    form.editors["position"].set_value("right")
    form.editors["skin"].set_value("blanching")
    form.editors["next_in"].set_value("2")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and "“Where (sacrum, heels, hips…)” is required" in form.summary.text()
    type_text(form.editors["skin_where"].edit, "sacrum")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == ("Latest: Right side (30° tilt), skin: Redness that blanches when pressed (sacrum) "
                                   "at 28/11 13:50 — next due 28/11 15:50")
    assert chart.alarms.isHidden() and chart.read_again.timer.isActive()
    assert chart.model.texts(0) == ("28/11 13:50", "Right side (30° tilt)", "Redness that blanches when pressed (sacrum)",
                                    "", "next due 28/11 15:50")
    clock.advance(hours=2)
    chart.refresh()
    assert chart.alarms.text() == "REPOSITIONING OVERDUE since 28/11 15:50" and chart.model.is_warning(0, 4)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:] == (
        "Repositioning", "Right side (30° tilt), skin: Redness that blanches when pressed (sacrum) 28/11 13:50",
        "REPOSITIONING OVERDUE since 28/11 15:50")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is chart


def test_a_turn_made_late_says_so_in_its_time_in_the_warning_colour(session_for, patient, clock, qtbot):
    from downtime.services import repositioning

    nurse = session_for("nurse")
    turn = {"turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "intact", "next_in": "2"}
    records.save_new(nurse, "repositioning", turn, patient_id=patient)
    clock.advance(hours=5)
    records.save_new(nurse, "repositioning", {**turn, "turned_at": "2026-11-28T19:00+01:00", "position": "right"},
                     patient_id=patient)
    view = RepositioningView(nurse, patient)
    qtbot.addWidget(view)
    model = view.model
    assert model.texts(0)[0] == "28/11 19:00 — LATE: due 28/11 14:30" and model.is_warning(0, model.TIME)
    assert model.texts(1)[0] == "28/11 12:30" and not model.is_warning(1, model.TIME)
    assert repositioning.chart(nurse.db, patient)[-1].late


def test_the_tab_reads_each_turn_and_its_next_on_the_wards_clock(qtbot, session_for, patient_on_the_clock):
    """Turned at 01:30 summer time, next in 3 hours, the night the clocks go back: its row read
    "04:30" due (03:30 on the ward's clock), and a turn typed on a laptop set to UTC an hour off."""
    from datetime import datetime

    patient = patient_on_the_clock(datetime(2026, 10, 25, 6, 0), "2026-10-24T20:00+02:00")
    nurse = session_for("nurse")
    for at, every in (("2026-10-25T01:30+02:00", "3"), ("2026-10-25T02:15+00:00", "2")):
        records.save_new(nurse, "repositioning", {"turned_at": at, "position": "left", "skin": "intact",
                                                  "next_in": every}, patient_id=patient)
    chart = RepositioningView(nurse, patient)
    qtbot.addWidget(chart)
    model = chart.model
    assert [model.texts(row)[model.TIME] for row in range(model.rowCount())] == ["25/10 03:15", "25/10 01:30"]
    assert model.texts(1)[model.NEXT] == "25/10 03:30"
    assert chart.latest.text().startswith("Latest: Left side (30° tilt), skin: Intact, no redness at 25/10 03:15")
